"""SPARQL over the RDF view: example questions with asserted answers, bindings, errors, both engines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from promises.graph.errors import QueryError
from promises.graph.graphdata import GraphData
from promises.graph.rdf_view import to_rdf
from promises.queries.sparql import _where_group, oxigraph_view, run_sparql, to_oxigraph

ID = "https://promise-graph.example/id/"

ABOUT_OPERATION = """
SELECT ?commitment ?text ?owner ?label WHERE {
  ?op a skos:Concept ; skos:prefLabel|skos:altLabel ?label .
  ?commitment a schema:PlanAction ; schema:about ?op ; schema:description ?text .
  OPTIONAL { ?commitment schema:agent/foaf:name ?owner }
} ORDER BY ?commitment"""

TENURES = """
SELECT ?name ?post ?from ?to WHERE {
  ?m a org:Membership ; org:member/foaf:name ?name ; org:role/skos:prefLabel ?post .
  OPTIONAL { ?m org:memberDuring/time:hasBeginning/time:inXSDDate ?from }
  OPTIONAL { ?m org:memberDuring/time:hasEnd/time:inXSDDate ?to }
} ORDER BY ?name"""

DUE_BEFORE = """
SELECT ?commitment ?due ?status ?before WHERE {
  ?commitment schema:endTime ?due ; pg:status ?status .
  FILTER (?due < ?before)
} ORDER BY ?due"""


@pytest.fixture(params=["rdflib", "oxigraph"])
def engine(request: pytest.FixtureRequest, small_graph: GraphData) -> object:
    graph = to_rdf(small_graph)
    return graph if request.param == "rdflib" else to_oxigraph(graph)


def test_commitments_about_an_operation_with_owner_name(engine: Graph) -> None:
    result = run_sparql(engine, ABOUT_OPERATION, {"label": "Op Soteria"})
    assert result.columns == ("commitment", "text", "owner", "label")
    assert result.rows == (
        (
            ID + "c-0000000000000001",
            "T/CC to provide an update on Op Soteria at the Q3 meeting.",
            "Richard Cooper",
            "Op Soteria",
        ),
        (
            ID + "c-0000000000000003",
            "The PCC asked to receive a copy of the Soteria plan by the end of March.",
            None,
            "Op Soteria",
        ),
    )


def test_people_and_the_posts_they_held_with_dates(engine: Graph) -> None:
    result = run_sparql(engine, TENURES)
    assert result.records() == [
        {
            "name": "John Campion",
            "post": "Police and Crime Commissioner",
            "from": date(2016, 5, 12),
            "to": date(2025, 5, 8),
        },
        {"name": "Richard Cooper", "post": "Chief Constable", "from": date(2024, 4, 1), "to": None},
    ]


def test_commitments_due_before_a_date_with_status(engine: Graph) -> None:
    result = run_sparql(engine, DUE_BEFORE, {"?before": date(2025, 3, 1)})
    assert result.rows == ((ID + "c-0000000000000001", date(2024, 12, 31), "in_progress", date(2025, 3, 1)),)
    later = run_sparql(engine, DUE_BEFORE, {"before": date(2026, 1, 1)})
    assert [(r[0].removeprefix(ID), r[2]) for r in later.rows] == [
        ("c-0000000000000001", "in_progress"),
        ("c-0000000000000003", "overdue"),
    ]


def test_injection_in_a_binding_stays_a_literal(engine: Graph) -> None:
    attack = 'Op Soteria" } ?commitment ?p ?o . FILTER("1"="1'
    result = run_sparql(engine, ABOUT_OPERATION, {"label": attack})
    assert result.rows == ()


def test_iri_binding_and_ask(small_graph: GraphData) -> None:
    graph = to_rdf(small_graph)
    query = "ASK { ?c pg:madeAt ?m ; pg:kind 'request' }"
    assert run_sparql(graph, query, {"m": URIRef(ID + "m-0000000000000001")}).rows == ((True,),)
    assert run_sparql(graph, query, {"m": URIRef(ID + "m-0000000000000002")}).rows == ((False,),)


def test_construct_answers_triples(small_graph: GraphData) -> None:
    graph = to_rdf(small_graph)
    result = run_sparql(graph, "CONSTRUCT { ?u pg:updates ?c } WHERE { ?u pg:updates ?c }")
    assert result.columns == ("subject", "predicate", "object")
    assert result.rows == (
        (ID + "u-0000000000000001", "https://promise-graph.example/ns#updates", ID + "c-0000000000000001"),
    )


def test_syntax_error_gives_its_position(engine: Graph) -> None:
    with pytest.raises(QueryError, match=r"^SPARQL syntax error at line 2, column \d+: ") as err:
        run_sparql(engine, "SELECT ?c\nWHERE { ?c schema:about }")
    assert "\n" not in str(err.value)


def test_unknown_prefix_is_a_query_error(small_graph: GraphData) -> None:
    with pytest.raises(QueryError, match="Unknown namespace prefix : nope"):
        run_sparql(to_rdf(small_graph), "SELECT ?c WHERE { ?c a nope:Thing }")


def test_updates_are_not_queries(small_graph: GraphData) -> None:
    graph = to_rdf(small_graph)
    before = len(graph)
    with pytest.raises(QueryError, match="SPARQL syntax error at line 1, column 1"):
        run_sparql(graph, "DELETE WHERE { ?s ?p ?o }")
    assert len(graph) == before


@pytest.mark.parametrize(
    ("bindings", "message"),
    [
        ({"bad name": "x"}, "binding name 'bad name' is not a SPARQL variable name"),
        ({"x": ["a"]}, "binding ?x: cannot bind a list; use text, a number, a date or a URIRef"),
    ],
)
def test_bad_bindings(small_graph: GraphData, bindings: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError) as err:
        run_sparql(to_rdf(small_graph), "SELECT ?x WHERE { ?x ?p ?o }", bindings)
    assert str(err.value) == message


def test_oxigraph_view_holds_the_same_triples_as_the_rdflib_route(small_graph: GraphData) -> None:
    direct = oxigraph_view(small_graph)
    via_rdflib = to_oxigraph(to_rdf(small_graph))
    assert len(direct) == len(via_rdflib) > 100
    assert set(direct) == set(via_rdflib)


@pytest.mark.parametrize(
    ("query", "inside"),
    [
        ("SELECT ?c WHERE { ?c ?p ?o }", " ?c ?p ?o }"),
        ("select ?c where{?c ?p ?o}", "?c ?p ?o}"),
        ("# WHERE { in a comment\nSELECT ?c WHERE { ?c ?p ?o }", " ?c ?p ?o }"),
        ("SELECT ?c (EXISTS { ?c ?p 'x' } AS ?e) WHERE { ?c ?p ?o }", " ?c ?p ?o }"),
        ("CONSTRUCT { ?c ?p 'WHERE {' } WHERE { ?c ?p ?o }", " ?c ?p ?o }"),
        ("SELECT ?where WHERE { ?where ex:where <urn:x#WHERE{> }", " ?where ex:where <urn:x#WHERE{> }"),
        ('SELECT ?c WHERE { ?c ?p """ WHERE { """ }', ' ?c ?p """ WHERE { """ }'),
    ],
)
def test_the_where_group_is_found_outside_comments_strings_and_iris(query: str, inside: str) -> None:
    opening = _where_group(query)
    assert opening is not None and query[opening:] == inside


@pytest.mark.parametrize(
    "query",
    ["SELECT * { ?c ?p ?o }", "ASK { ?c ?p ?o }", "SELECT ?c WHERE # x\n{ ?c ?p ?o }"],
)
def test_no_where_group_means_substitutions(query: str) -> None:
    assert _where_group(query) is None


def test_bindings_as_data_answer_like_substitutions_and_leave_nothing_behind(small_graph: GraphData) -> None:
    store = oxigraph_view(small_graph)
    before = len(store)
    bindings: dict[str, object] = {"label": "Op Soteria"}
    fast = run_sparql(store, ABOUT_OPERATION, bindings)
    assert fast.rows and {row[3] for row in fast.rows} == {"Op Soteria"}
    slow = run_sparql(store, ABOUT_OPERATION.replace("WHERE {", "{", 1), bindings)  # no WHERE: substitutions
    assert slow == fast
    assert run_sparql(store, DUE_BEFORE, {"before": date(2025, 1, 1)}) == run_sparql(
        to_rdf(small_graph), DUE_BEFORE, {"before": date(2025, 1, 1)}
    )
    # The short CONSTRUCT form takes no GRAPH pattern: the rewrite fails to parse, substitutions run.
    construct = run_sparql(store, "CONSTRUCT WHERE { ?op skos:altLabel ?label }", bindings)
    assert len(construct.rows) == 1
    with pytest.raises(QueryError, match=r"^SPARQL syntax error at line 2, column \d+: "):
        run_sparql(store, "SELECT ?c\nWHERE { ?c schema:about }", bindings)
    assert len(store) == before


def test_a_read_only_store_gets_substitutions(small_graph: GraphData, tmp_path: Path) -> None:
    import pyoxigraph

    writable = pyoxigraph.Store(str(tmp_path / "ox"))
    writable.extend(oxigraph_view(small_graph))
    writable.flush()
    del writable
    store = pyoxigraph.Store.read_only(str(tmp_path / "ox"))
    rows = run_sparql(store, ABOUT_OPERATION, {"label": "Op Soteria"}).rows
    assert rows == run_sparql(oxigraph_view(small_graph), ABOUT_OPERATION, {"label": "Op Soteria"}).rows != ()
