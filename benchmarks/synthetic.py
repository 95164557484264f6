"""A synthetic archive for the query-layer benchmarks, built as `GraphData` without any ingest.

Why synthetic: the seed minutes are five meetings; the questions these benchmarks answer are
about 1,000 and 10,000 meetings, which nobody can ship. The shape follows real minutes: one
meeting a day across 20 bodies, each with its document, an attendee and a chair, five
commitments (owner office, person, an operation, a theme and a place; every other one with a
deadline), and a return statement on every third commitment, some reporting completion. 500
people hold 50 offices in successive, dated tenures. Names are chosen so the cookbook queries
find something: role 0 is the Chief Constable (CC), role 1 the Deputy (DCC), operation 1 is
"Operation Presence", theme 0 is RASSO, operation 0 is Soteria (the SPARQL examples).

Text carries no apostrophes: FalkorDB, the Bolt server of the tests, inlines parameters into
the query text unescaped (tests/test_neo4j_falkordb.py).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

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

START = date(2000, 1, 1)
TENURE_DAYS = 20  # person i takes up office i % 50 on day 20 * i, until the next holder does
ROLES = 50
PEOPLE = 500
T = TypeVar("T")


def synthetic_graph(meetings: int, per_meeting: int = 5, seed: int = 7) -> GraphData:
    """`meetings` meetings of `per_meeting` commitments each, plus the people, offices and topics."""
    nodes: list[Node] = []
    edges: list[Edge] = []
    org = Organisation("o-" + "1" * 16, "West Mercia Police", "force")
    themes = [Theme(f"t-{i:016x}", f"theme {i}", (f"T{i}",)) for i in range(40)]
    themes[0] = Theme(themes[0].id, "rape and serious sexual offences", ("RASSO",))
    ops = [Operation(f"op-{i:016x}", f"Operation {i}", (f"Op {i}",)) for i in range(60)]
    ops[0] = Operation(ops[0].id, "Operation Soteria", ("Op Soteria", "Soteria"))
    ops[1] = Operation(ops[1].id, "Operation Presence", ("Op Presence", "Presence"))
    places = [Place(f"pl-{i:016x}", f"place {i}", "town") for i in range(30)]
    roles = [Role(f"r-{i:016x}", f"role {i}", f"R{i}", organisation=org.name) for i in range(ROLES)]
    roles[0] = Role(roles[0].id, "Chief Constable", "CC", organisation=org.name)
    roles[1] = Role(roles[1].id, "Deputy Chief Constable", "DCC", organisation=org.name)
    roles[2] = Role(roles[2].id, "Assistant Chief Constable", "ACC", organisation=org.name)
    people = [Person(f"p-{i:016x}", f"person {i}") for i in range(PEOPLE)]
    nodes += [org, *themes, *ops, *places, *roles, *people]
    edges += [edge(RelType.OF, r, org) for r in roles]
    for i, p in enumerate(people):
        begins = START + timedelta(days=TENURE_DAYS * i)
        ends = begins + timedelta(days=TENURE_DAYS * ROLES - 1)
        edges.append(edge(RelType.HELD, p, roles[i % ROLES], from_date=begins, to_date=ends))
    rng = random.Random(seed)  # topics drawn at random, so no owner is tied to one operation
    previous: Meeting | None = None
    for m in range(meetings):
        day = START + timedelta(days=m)
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
            edge(RelType.ATTENDED, people[m % PEOPLE], meeting, apologies=False),
            edge(RelType.CHAIRED, people[(m + 1) % PEOPLE], meeting),
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
                edge(RelType.OWNED_BY, c, roles[n % ROLES]),
                edge(RelType.HELD_BY, c, people[n % PEOPLE]),
                edge(RelType.ABOUT, c, rng.choice(ops)),
                edge(RelType.ABOUT, c, rng.choice(themes)),
                edge(RelType.ABOUT, c, rng.choice(places)),
            ]
            if n % 3 == 0:
                signal = Signal.DONE if n % 2 == 0 else Signal.PROGRESS
                u = Update(f"u-{n:016x}", f"update on {n}", doc.path, 5000, 5020, signal)
                nodes.append(u)
                edges += [edge(RelType.UPDATES, u, c), edge(RelType.AT, u, meeting)]
    return GraphData.build(nodes, edges)


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """Seconds taken by `fn()`, and what it returned."""
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    """The median of `runs` timings: robust to one slow run (a GC pause, a cold cache)."""
    return statistics.median(timed(fn)[0] for _ in range(runs))
