"""Check an RDF view against the SHACL shapes shipped in `promises/data/shapes.ttl`.

The shapes state what a consumer of our export may rely on (every commitment has one verbatim
description, a known kind and a quoted source, dates are `xsd:date` …). pyshacl is an optional
dependency (the `shacl` extra) because validation guards the exporter in tests and CI; users
exporting their store never need it.
"""

from __future__ import annotations

from importlib import resources

from rdflib import Graph

from promises.graph.errors import PromiseGraphError

SHAPES = "data/shapes.ttl"


class ValidationUnavailableError(PromiseGraphError):
    """pyshacl is not installed."""

    def __str__(self) -> str:
        return "SHACL validation needs pyshacl: pip install 'promise-graph[shacl]'"


def load_shapes() -> Graph:
    """The shapes graph, read from the installed package data."""
    text = resources.files("promises").joinpath(SHAPES).read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """Validate `graph` against our shapes: (conforms, pyshacl's human-readable report).

    No RDFS/OWL inference is run: the export states every type it relies on, and inference
    would hide a missing `rdf:type`.

    Raises:
        ValidationUnavailableError: pyshacl is not installed.
    """
    try:
        import pyshacl
    except ImportError as err:
        raise ValidationUnavailableError() from err
    conforms, _results, text = pyshacl.validate(
        graph, shacl_graph=load_shapes(), inference="none", allow_warnings=False
    )
    return bool(conforms), str(text)
