"""Run a user's SPARQL over the RDF view, with values passed as bindings and our prefixes pre-declared.

User values never enter the query text: they are bound to variables (rdflib `initBindings`,
pyoxigraph `substitutions`, both SEP-0007 style), so a value such as `"} ; DROP ALL"` is only
ever a literal. The common prefixes (pg, schema, org, foaf, skos, prov, oa, time, dcterms, xsd)
are declared for the user, so a query can start at `SELECT`.

Two engines answer the same query with the same Python values: rdflib, always available, and
pyoxigraph, an optional extra that is much faster on large stores (see
`benchmarks/bench_sparql.py`). The engine follows the graph type: pass an `rdflib.Graph`, or
the `pyoxigraph.Store` that `to_oxigraph` builds from one. With pyoxigraph, a bound variable
must appear in the SELECT list (its substitution follows SEP-0007 strictly).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pyparsing import ParseBaseException
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Identifier
from rdflib.term import Node as Term

from promises.graph.errors import QueryError
from promises.graph.rdf_vocab import PREFIXES
from promises.graph.store import QueryResult

if TYPE_CHECKING:
    import pyoxigraph

TRIPLE_COLUMNS = ("subject", "predicate", "object")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_OX_POSITION = re.compile(r"(\d+):(\d+)")


def run_sparql(
    graph: Graph | pyoxigraph.Store, query: str, bindings: Mapping[str, object] | None = None
) -> QueryResult:
    """Answer a SELECT, ASK, CONSTRUCT or DESCRIBE query.

    `bindings` maps variable names (with or without `?`) to values: `str`, numbers, `bool`,
    `date`/`datetime` become typed literals; pass an `rdflib.URIRef` to bind an IRI. ASK answers
    one row with column `ask`; CONSTRUCT and DESCRIBE answer (subject, predicate, object) rows.

    Raises:
        QueryError: the query does not parse (the message gives line and column), uses an
            unknown prefix, or a binding has a bad name or an unsupported value.
    """
    terms = _terms(bindings or {})
    if isinstance(graph, Graph):
        return _run_rdflib(graph, query, terms)
    return _run_oxigraph(graph, query, terms)


def to_oxigraph(graph: Graph) -> pyoxigraph.Store:
    """Copy an rdflib graph into an in-memory pyoxigraph store (needs the `oxigraph` extra).

    Raises:
        QueryError: pyoxigraph is not installed.
    """
    try:
        import pyoxigraph
    except ImportError as err:
        raise QueryError(
            "the oxigraph engine needs pyoxigraph: pip install 'promise-graph[oxigraph]'"
        ) from err
    store = pyoxigraph.Store()
    # N-Triples is the cheapest lossless hand-over: no prefixes, one triple per line.
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def _terms(bindings: Mapping[str, object]) -> dict[str, Identifier]:
    terms: dict[str, Identifier] = {}
    for name, value in bindings.items():
        var = name.lstrip("?$")
        if not _VARIABLE.match(var):
            raise QueryError(f"binding name {name!r} is not a SPARQL variable name")
        terms[var] = _term(var, value)
    return terms


def _term(var: str, value: object) -> Identifier:
    if isinstance(value, Identifier):
        return value
    if isinstance(value, str | bool | int | float | Decimal | date | datetime):
        return Literal(value)
    raise QueryError(
        f"binding ?{var}: cannot bind a {type(value).__name__}; use text, a number, a date or a URIRef"
    )


def _run_rdflib(graph: Graph, query: str, terms: dict[str, Identifier]) -> QueryResult:
    try:
        prepared = prepareQuery(query, initNs=PREFIXES)
    except ParseBaseException as err:
        raise QueryError(f"SPARQL syntax error at line {err.lineno}, column {err.col}: {err.msg}") from err
    except Exception as err:
        # rdflib's algebra translator reports user mistakes (an undeclared prefix) as a bare
        # Exception; anything more specific is a bug and must surface with its traceback.
        if type(err) is not Exception:
            raise
        raise QueryError(f"SPARQL error: {err}") from err
    result = graph.query(prepared, initBindings={Variable(k): v for k, v in terms.items()})
    if result.type == "ASK":
        return QueryResult(("ask",), ((bool(result.askAnswer),),))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return QueryResult(TRIPLE_COLUMNS, _rows((s, p, o) for s, p, o in result.graph))
    columns = tuple(str(v) for v in result.vars or ())
    return QueryResult(columns, _rows(tuple(row) for row in result))  # type: ignore[arg-type]


def _run_oxigraph(store: pyoxigraph.Store, query: str, terms: dict[str, Identifier]) -> QueryResult:
    import pyoxigraph as ox

    substitutions = {ox.Variable(k): _to_ox(v) for k, v in terms.items()}
    try:
        answer = store.query(query, prefixes=PREFIXES, substitutions=substitutions)
    except SyntaxError as err:
        message = str(err).splitlines()[0]
        position = _OX_POSITION.search(message)
        where = f" at line {position[1]}, column {position[2]}" if position else ""
        raise QueryError(f"SPARQL syntax error{where}: {message}") from err
    except RuntimeError as err:
        # Raised for a query that parses but cannot run, e.g. a binding whose variable is not
        # in the SELECT list (SEP-0007 substitution, unlike rdflib's initBindings).
        raise QueryError(f"SPARQL error: {err}") from err
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(("ask",), ((bool(answer),),))
    if isinstance(answer, ox.QueryTriples):
        triples = ((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)) for t in answer)
        return QueryResult(TRIPLE_COLUMNS, _rows(triples))
    columns = tuple(v.value for v in answer.variables)
    return QueryResult(columns, _rows(tuple(_from_ox(solution[c]) for c in columns) for solution in answer))


def _to_ox(term: Identifier) -> Any:
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _from_ox(term: Any) -> Identifier | None:
    """An oxigraph term as the rdflib term it stands for, so both engines give equal values."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _rows(rows: Iterable[tuple[Term | None, ...]]) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(_python(v) for v in row) for row in rows)


def _python(term: Term | None) -> Any:
    """IRIs as plain strings, literals as Python values (`date`, `int` …), blank nodes as `_:id`."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        value = term.toPython()
        return str(value) if isinstance(value, Literal) else value
    return str(term)
