"""Time `relink` on generated graphs: 1,000 and 10,000 meetings, then one meeting added.

Graphs are built directly in memory (no ingest, no store), ~5 commitments and ~3 return
statements per meeting, spread over 20 bodies and 40 topics, so the candidate indexes see a
realistic mix. The last figure is the one that matters for ingest: re-linking after adding ONE
meeting to the 10,000-meeting graph (target < 2 s).

    python -m benchmarks.bench_linking [--sizes 1000,10000]
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from promises.graph.graphdata import GraphData
from promises.graph.ids import make_id
from promises.graph.linking import relink
from promises.graph.model import (
    ChangeSet,
    Commitment,
    CommitmentKind,
    Meeting,
    RelType,
    Signal,
    Theme,
    Update,
    UpdateScope,
)

BODIES = 20
TOPICS = [Theme(make_id("t", f"topic {i}"), f"topic {i}") for i in range(40)]
WORDS = "review backlog funding recruitment vacancies custody training publish report evaluation".split()
AS_OF = date(2030, 1, 1)


def meeting_changes(index: int, rng: random.Random) -> ChangeSet:
    """One meeting with its commitments and return statements."""
    changes = ChangeSet()
    body = f"Body {index % BODIES} PCC"
    meeting = Meeting(
        make_id("m", body, str(index)), date(2000, 1, 1) + timedelta(days=index // BODIES * 30), body
    )
    changes.add(meeting)
    for k in range(5):
        text = f"The force will {' '.join(rng.sample(WORDS, 4))} item {index}-{k}."
        c = Commitment(
            make_id("c", meeting.id, text), rng.choice(list(CommitmentKind)), text, "gen.txt", 0, len(text)
        )
        changes.add(c)
        changes.link(RelType.MADE_AT, c, meeting)
        topic = rng.choice(TOPICS)
        changes.add(topic)
        changes.link(RelType.ABOUT, c, topic)
    for k in range(3):
        scope = UpdateScope.BLANKET if k == 0 and rng.random() < 0.1 else UpdateScope.IMPLICIT
        text = f"Work to {' '.join(rng.sample(WORDS, 4))} is ongoing {index}-{k}."
        u = Update(
            make_id("u", meeting.id, text), text, "gen.txt", 0, len(text), Signal.PROGRESS, scope=scope
        )
        changes.add(u)
        changes.link(RelType.AT, u, meeting)
        topic = rng.choice(TOPICS)
        changes.link(RelType.ABOUT, u, topic)
    return changes


def build(meetings: int, seed: int = 7) -> GraphData:
    rng = random.Random(seed)
    data = GraphData()
    for index in range(meetings):
        changes = meeting_changes(index, rng)
        data.nodes.update(changes.nodes)
        data.edges.update(changes.edges)
    return data


def timed_relink(data: GraphData) -> tuple[float, ChangeSet]:
    start = time.perf_counter()
    changes = relink(data, AS_OF)
    return time.perf_counter() - start, changes


def main(argv: list[str]) -> int:
    sizes = [1000, 10000]
    if "--sizes" in argv:
        sizes = [int(s) for s in argv[argv.index("--sizes") + 1].split(",")]
    for size in sizes:
        data = build(size)
        seconds, changes = timed_relink(data)
        links = sum(1 for e in changes.edges.values() if e.type is RelType.UPDATES)
        print(
            f"{size:>6} meetings, {len(data.nodes):>7} nodes: "
            f"full relink {seconds:6.2f} s ({links} UPDATES edges)"
        )
        data.apply(changes)
        again, empty = timed_relink(data)
        print(f"{'':>6} unchanged graph relink {again:6.2f} s, changes empty: {empty.is_empty()}")
    data.apply(meeting_changes(size + 1, random.Random(99)))
    seconds, changes = timed_relink(data)
    print(
        f"{size:>6} meetings + 1: relink {seconds:6.2f} s "
        f"({len(changes.nodes)} nodes, {len(changes.edges)} edges changed)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
