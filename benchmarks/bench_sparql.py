"""How fast is SPARQL over the RDF view at archive scale: rdflib against pyoxigraph.

Generates ~10,000 meetings x 5 commitments (plus people, posts, tenures, topics and updates),
builds the RDF view, and prints build time, triple count and the median latency of three
example queries on both engines. Run: `python benchmarks/bench_sparql.py [meetings]`.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

from promises.graph.graphdata import GraphData
from promises.graph.model import (
    Commitment,
    CommitmentKind,
    DateConfidence,
    Document,
    Edge,
    Meeting,
    Node,
    Operation,
    Organisation,
    Person,
    Place,
    RelType,
    Role,
    Signal,
    Status,
    Theme,
    Update,
    edge,
)
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


def generate(meetings: int, per_meeting: int = 5) -> GraphData:
    nodes: list[Node] = []
    edges: list[Edge] = []
    org = Organisation("o-" + "1" * 16, "West Mercia Police", "force")
    themes = [Theme(f"t-{i:016x}", f"theme {i}", (f"T{i}",)) for i in range(40)]
    ops = [Operation(f"op-{i:016x}", f"Operation {i}", (f"Op {i}",)) for i in range(60)]
    ops[0] = Operation(ops[0].id, "Operation Soteria", ("Op Soteria", "Soteria"))
    places = [Place(f"pl-{i:016x}", f"place {i}", "town") for i in range(30)]
    roles = [Role(f"r-{i:016x}", f"role {i}", f"R{i}", organisation=org.name) for i in range(50)]
    people = [Person(f"p-{i:016x}", f"person {i}") for i in range(500)]
    nodes += [org, *themes, *ops, *places, *roles, *people]
    edges += [edge(RelType.OF, r, org) for r in roles]
    start = date(2000, 1, 1)
    for i, p in enumerate(people):
        edges.append(edge(RelType.HELD, p, roles[i % len(roles)], from_date=start + timedelta(days=10 * i)))
    previous: Meeting | None = None
    for m in range(meetings):
        day = start + timedelta(days=m)
        doc = Document(f"d-{m:064x}", f"minutes/{m}.txt", "txt", 20000)
        meeting = Meeting(
            f"m-{m:016x}",
            day,
            f"body {m % 20}",
            title="Holding to Account",
            date_confidence=DateConfidence.STATED,
        )
        nodes += [doc, meeting]
        edges += [
            edge(RelType.RECORDED_IN, meeting, doc),
            edge(RelType.ATTENDED, people[m % 500], meeting),
            edge(RelType.CHAIRED, people[(m + 1) % 500], meeting),
        ]
        if previous is not None:
            edges.append(edge(RelType.NEXT, previous, meeting))
        previous = meeting
        for k in range(per_meeting):
            n = m * per_meeting + k
            c = Commitment(
                f"c-{n:016x}",
                list(CommitmentKind)[n % 4],
                f"commitment {n} to review the plan",
                doc.path,
                100 * k,
                100 * k + 40,
                due=day + timedelta(days=90) if n % 2 else None,
                status=list(Status)[n % 5],
            )
            nodes.append(c)
            edges += [
                edge(RelType.MADE_AT, c, meeting),
                edge(RelType.OWNED_BY, c, roles[n % 50]),
                edge(RelType.HELD_BY, c, people[n % 500]),
                edge(RelType.ABOUT, c, ops[n % 60]),
                edge(RelType.ABOUT, c, themes[n % 40]),
                edge(RelType.ABOUT, c, places[n % 30]),
            ]
            if n % 3 == 0:
                u = Update(f"u-{n:016x}", f"update on {n}", doc.path, 5000, 5020, Signal.PROGRESS)
                nodes.append(u)
                edges += [edge(RelType.UPDATES, u, c), edge(RelType.AT, u, meeting)]
    return GraphData.build(nodes, edges)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    meetings = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    secs, data = timed(lambda: generate(meetings))
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
