"""The RDF view: conforms to our SHACL shapes, equals the hand-written expectation, round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import SDO

from promises.graph import rdf_view
from promises.graph.errors import ExportError
from promises.graph.graphdata import GraphData
from promises.graph.rdf_shapes import load_shapes, validate
from promises.graph.rdf_view import export_rdf, to_rdf
from promises.graph.rdf_vocab import OA, PG

EXPECTED = Path(__file__).parent / "data" / "expected" / "small.ttl"
ID = "https://promise-graph.example/id/"
C1 = URIRef(ID + "c-0000000000000001")


def _diff(actual: Graph, expected: Graph) -> str:
    _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
    return (
        f"only in actual:\n{only_actual.serialize(format='nt')}\n"
        f"only in expected:\n{only_expected.serialize(format='nt')}"
    )


def test_export_matches_hand_written_expectation(small_graph: GraphData) -> None:
    actual, expected = to_rdf(small_graph), Graph().parse(EXPECTED)
    assert to_isomorphic(actual) == to_isomorphic(expected), _diff(actual, expected)


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("jsonld", "json-ld")])
def test_export_parses_back_to_the_same_graph(
    small_graph: GraphData, tmp_path: Path, fmt: str, parser: str
) -> None:
    path = export_rdf(small_graph, tmp_path / f"small.{fmt}", fmt)
    back = Graph().parse(path, format=parser)
    assert to_isomorphic(back) == to_isomorphic(to_rdf(small_graph)), _diff(back, to_rdf(small_graph))
    assert [p.name for p in tmp_path.iterdir()] == [f"small.{fmt}"]  # no temporary file left


def test_turtle_without_pyoxigraph_is_written_by_rdflib(
    small_graph: GraphData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = export_rdf(small_graph, tmp_path / "fast.ttl", "ttl")
    monkeypatch.setattr(rdf_view, "pyoxigraph_installed", lambda: False)
    slow = export_rdf(small_graph, tmp_path / "slow.ttl", "ttl")
    assert fast.read_text() != slow.read_text()  # two writers, one graph
    graphs = [to_isomorphic(Graph().parse(path, format="turtle")) for path in (fast, slow)]
    assert graphs[0] == graphs[1] == to_isomorphic(to_rdf(small_graph))


def test_unknown_format_lists_the_supported_ones(small_graph: GraphData, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as err:
        export_rdf(small_graph, tmp_path / "x.xml", "rdfxml")
    assert str(err.value) == "rdfxml: unknown RDF format; supported: ttl, jsonld"
    assert not list(tmp_path.iterdir())


def test_missing_directory_is_an_export_error(small_graph: GraphData, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_rdf(small_graph, tmp_path / "nope" / "x.ttl", "ttl")


def test_export_conforms_to_shapes(small_graph: GraphData) -> None:
    conforms, report = validate(to_rdf(small_graph))
    assert conforms, report


def test_commitment_without_description_fails_validation(small_graph: GraphData) -> None:
    graph = to_rdf(small_graph)
    graph.remove((C1, SDO.description, None))
    conforms, report = validate(graph)
    assert not conforms
    assert "MinCountConstraintComponent" in report and "schema:description" in report


def test_commitment_of_unknown_kind_fails_validation(small_graph: GraphData) -> None:
    graph = to_rdf(small_graph)
    graph.set((C1, PG.kind, Literal("promise")))
    conforms, report = validate(graph)
    assert not conforms and "InConstraintComponent" in report


def test_commitment_without_quoted_evidence_fails_validation(small_graph: GraphData) -> None:
    graph = to_rdf(small_graph)
    graph.remove((URIRef(ID + "c-0000000000000001#evidence-0-quote"), None, None))
    conforms, report = validate(graph)
    assert not conforms and "QualifiedValueShapeConstraintComponent" in report


def test_selector_with_start_after_end_fails_validation(small_graph: GraphData) -> None:
    graph = to_rdf(small_graph)
    position = URIRef(ID + "c-0000000000000002#evidence-0-position")
    graph.set((position, OA.start, Literal(9999, datatype=graph.value(position, OA.start).datatype)))  # type: ignore[union-attr]
    conforms, report = validate(graph)
    assert not conforms and "oa:start must not exceed oa:end" in report


def test_agent_is_the_proven_holder_else_the_office(small_graph: GraphData) -> None:
    graph = to_rdf(small_graph)
    agents = {str(c).removeprefix(ID): str(a).removeprefix(ID) for c, a in graph.subject_objects(SDO.agent)}
    assert agents == {
        "c-0000000000000001": "p-0000000000000001",  # HELD_BY proven
        "c-0000000000000002": "o-0000000000000001",  # owned by the force
        "c-0000000000000003": "r-0000000000000001",
    }  # office, holder unknown


def test_custom_base_changes_every_node_iri(small_graph: GraphData) -> None:
    graph = to_rdf(small_graph, base="https://example.org/pg/")
    subjects = {str(s) for s in graph.subjects()}
    assert "https://example.org/pg/c-0000000000000001" in subjects
    assert not any(s.startswith(ID) for s in subjects)


def test_shapes_use_only_declared_pg_terms() -> None:
    """The closed pg: namespace catches typos in code; this catches them in shapes.ttl."""
    used = {str(t) for triple in load_shapes() for t in triple if str(t).startswith(str(PG._NS))}
    for iri in used:
        assert PG[iri.removeprefix(str(PG._NS))] == URIRef(iri)
