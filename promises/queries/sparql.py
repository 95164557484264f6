"""Run a user's SPARQL over the RDF view, with values passed as bindings and our prefixes pre-declared.

User values never enter the query text: they are bound to variables (rdflib `initBindings`;
for pyoxigraph, quads in a private graph that the query joins with, or SEP-0007 `substitutions`;
see `_run_oxigraph`), so a value such as `"} ; DROP ALL"` is only ever a literal. The common
prefixes (pg, schema, org, foaf, skos, prov, oa, time, dcterms, xsd) are declared for the user,
so a query can start at `SELECT`.

Two engines answer the same query with the same Python values: rdflib, and pyoxigraph, a
default dependency that is much faster on large stores (benchmarks/RESULTS.md) and that the
`promises sparql` command uses whenever it is installed. The engine follows the graph type:
pass an `rdflib.Graph`, or a `pyoxigraph.Store` from `oxigraph_view` (built straight from the
graph data) or `to_oxigraph` (copied from an rdflib graph). With pyoxigraph, a query without a
top-level `WHERE {` gets its bindings as `substitutions`, and then a bound variable must appear
in the SELECT list.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pyparsing import ParseBaseException
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Identifier
from rdflib.term import Node as Term

from promises.graph.errors import QueryError
from promises.graph.graphdata import GraphData
from promises.graph.rdf_view import DEFAULT_BASE, ox_term, oxigraph_store
from promises.graph.rdf_vocab import PREFIXES
from promises.graph.store import QueryResult

if TYPE_CHECKING:
    import pyoxigraph

TRIPLE_COLUMNS = ("subject", "predicate", "object")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_OX_POSITION = re.compile(r"(\d+):(\d+)")
BINDING_IRI = "urn:x-promise-graph:binding#"  # predicates of the bindings graph


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
    _require_pyoxigraph()
    import pyoxigraph

    store = pyoxigraph.Store()
    # N-Triples is the cheapest lossless hand-over: no prefixes, one triple per line.
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def oxigraph_view(data: GraphData, base: str = DEFAULT_BASE) -> pyoxigraph.Store:
    """The RDF view of `data` in an in-memory pyoxigraph store, built without rdflib's graph.

    Why not `to_oxigraph(to_rdf(data))`: rdflib indexes every triple on the way in and then
    serialises them all again, which took 160 s for 10,000 meetings; handing the view's triples
    to pyoxigraph directly takes a quarter of that (benchmarks/RESULTS.md).

    Raises:
        QueryError: pyoxigraph is not installed.
    """
    _require_pyoxigraph()
    store: pyoxigraph.Store = oxigraph_store(data, base)
    return store


def _require_pyoxigraph() -> None:
    try:
        import pyoxigraph  # noqa: F401
    except ImportError as err:
        raise QueryError(
            "the oxigraph engine needs pyoxigraph: pip install 'promise-graph[oxigraph]'"
        ) from err


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
    """Run on pyoxigraph; the bindings go in as data in a graph of their own when the query allows.

    Why not always `substitutions`: pyoxigraph applies them to the solutions after evaluating the
    whole pattern, so a selective binding (one operation's label) prunes nothing, and a query
    over 10,000 meetings takes seconds (benchmarks/RESULTS.md). Its optimizer only starts from a
    value that is part of the pattern. So the values are added as quads to a named graph with a
    fresh `urn:uuid` name, and one pattern per variable reads them back, inserted just inside
    the WHERE group: `GRAPH <g> { <g> <urn:x-promise-graph:binding#NAME> ?NAME . }`. The query
    text gains only that generated IRI and variable names already checked against `_VARIABLE`;
    the values never become text, so no escaping is involved. The quads are removed before
    returning. The result is a join of the pattern with the bindings, as rdflib's
    `initBindings` gives. When the query's own `WHERE {` cannot be found with certainty
    (`SELECT * { … }`), the rewritten query does not parse (`CONSTRUCT WHERE`, a user's syntax
    error, whose message must point at their text) or the store is read-only, it runs with
    `substitutions` instead.
    """
    import pyoxigraph as ox

    values = {k: ox_term(v) for k, v in terms.items()}
    opening = _where_group(query) if values else None
    if opening is not None:
        answer = _with_binding_graph(store, query, opening, values)
        if answer is not None:
            return answer
    substitutions = {ox.Variable(k): v for k, v in values.items()}
    return _oxigraph_answer(lambda: store.query(query, prefixes=PREFIXES, substitutions=substitutions))


def _with_binding_graph(
    store: pyoxigraph.Store, query: str, opening: int, values: dict[str, Any]
) -> QueryResult | None:
    """The answer with the bindings joined in as data (see `_run_oxigraph`), or None to fall back."""
    import pyoxigraph as ox

    graph = ox.NamedNode(f"urn:uuid:{uuid.uuid4()}")
    quads = [ox.Quad(graph, ox.NamedNode(BINDING_IRI + k), v, graph) for k, v in values.items()]
    patterns = " ".join(f"{graph} <{BINDING_IRI}{k}> ?{k} ." for k in values)
    joined = f"{query[:opening]} GRAPH {graph} {{ {patterns} }} {query[opening:]}"
    try:
        store.extend(quads)
    except (OSError, RuntimeError):  # a store opened read-only takes no quads
        return None
    try:
        return _oxigraph_answer(lambda: store.query(joined, prefixes=PREFIXES))
    except QueryError as err:
        if isinstance(err.__cause__, SyntaxError):
            return None
        raise
    finally:
        for quad in quads:
            store.remove(quad)


def _oxigraph_answer(run: Callable[[], Any]) -> QueryResult:
    """Run, translate errors, and read every solution (while any binding quads still exist)."""
    import pyoxigraph as ox

    try:
        answer = run()
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


# What `_where_group` steps over, because braces and words inside them are not syntax: comments,
# string literals (the long forms first) and IRIs. Then the words, braces and parentheses it counts.
_SPARQL_TOKEN = re.compile(
    "|".join(
        [
            r"(?P<skip>#[^\n]*",
            r'"""(?:[^"\\]|\\.|"(?!""))*"""',
            r"'''(?:[^'\\]|\\.|'(?!''))*'''",
            r'"(?:[^"\\\n]|\\.)*"',
            r"'(?:[^'\\\n]|\\.)*'",
            r"<[^<>\"{}|^`\\\x00-\x20]*>)",
            r"(?P<word>[?$]?[A-Za-z_][\w\-.:]*)",
            r"(?P<open>[{(])",
            r"(?P<close>[})])",
        ]
    )
)


def _where_group(query: str) -> int | None:
    """The offset just inside the `{` that follows the query's own WHERE keyword, or None.

    The query's WHERE is the first one outside all braces and parentheses (a sub-SELECT, or an
    EXISTS in the projection, is inside them), and must be followed by `{` and nothing else.
    """
    depth = 0
    tokens = _SPARQL_TOKEN.finditer(query)
    for token in tokens:
        if token["open"]:
            depth += 1
        elif token["close"]:
            depth -= 1
        elif token["word"] is not None and depth == 0 and token["word"].upper() == "WHERE":
            following = next(tokens, None)
            if following is None or following[0] != "{" or query[token.end() : following.start()].strip():
                return None
            return following.end()
    return None


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
