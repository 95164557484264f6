"""How fast is SPARQL over the RDF view at archive scale: rdflib against pyoxigraph.

Generates ~10,000 meetings x 5 commitments (benchmarks/synthetic.py), builds the RDF view the
old way (rdflib, then copied into pyoxigraph), and prints build time, triple count and the median
latency of three example queries on both engines. Run: `python -m benchmarks.bench_sparql
[meetings]`. benchmarks/bench_query_layer.py measures the current route (`oxigraph_view`).
"""

from __future__ import annotations

import statistics
import sys
from datetime import date

from benchmarks.synthetic import synthetic_graph, timed
from promises.graph.rdf_view import to_rdf
from promises.queries.sparql import run_sparql, to_oxigraph

QUERIES = {
    "about operation + owner name": (
        """SELECT ?c ?text ?owner ?label WHERE {
             ?op skos:prefLabel|skos:altLabel ?label .
             ?c schema:about ?op ; schema:description ?text .
             OPTIONAL { ?c schema:agent/foaf:name ?owner } }""",
        {"label": "Op Soteria"},
    ),
    "people, posts and dates": (
        """SELECT ?name ?post ?from ?to WHERE {
             ?m org:member/foaf:name ?name ; org:role/skos:prefLabel ?post .
             OPTIONAL { ?m org:memberDuring/time:hasBeginning/time:inXSDDate ?from }
             OPTIONAL { ?m org:memberDuring/time:hasEnd/time:inXSDDate ?to } }""",
        {},
    ),
    "due before X with status": (
        """SELECT ?c ?due ?status ?before WHERE {
             ?c schema:endTime ?due ; pg:status ?status . FILTER(?due < ?before) }
           ORDER BY ?due LIMIT 100""",
        {"before": date(2010, 1, 1)},
    ),
}


def main() -> None:
    meetings = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    secs, data = timed(lambda: synthetic_graph(meetings))
    print(
        f"generate GraphData: {meetings} meetings, {len(data.nodes)} nodes, "  # type: ignore[attr-defined]
        f"{len(data.edges)} edges: {secs:.1f}s"
    )  # type: ignore[attr-defined]
    secs, graph = timed(lambda: to_rdf(data))
    print(f"rdflib build (to_rdf): {secs:.1f}s, {len(graph)} triples")  # type: ignore[arg-type]
    secs, store = timed(lambda: to_oxigraph(graph))  # type: ignore[arg-type]
    print(f"pyoxigraph load from rdflib graph: {secs:.1f}s, {len(store)} triples")  # type: ignore[arg-type]
    for name, (query, bindings) in QUERIES.items():
        for engine, target in (("rdflib", graph), ("oxigraph", store)):
            runs, rows = [], 0
            for _ in range(3 if engine == "rdflib" else 7):
                secs, result = timed(lambda: run_sparql(target, query, bindings))  # type: ignore[arg-type]  # noqa: B023
                runs.append(secs)
                rows = len(result.rows)  # type: ignore[attr-defined]
            print(f"{name:32s} {engine:9s} median {statistics.median(runs) * 1000:9.1f} ms  rows {rows}")


if __name__ == "__main__":
    main()
