"""Time `relink` on generated graphs: 1,000 and 10,000 meetings, then one meeting added.

Graphs are built directly in memory (no ingest, no store), ~5 commitments, ~3 return
statements and ~5 attendees per meeting, spread over 20 bodies of 10 forces and 40 topics;
offices change hands every 30 meetings of a body, some meetings have an acting chief, some
commitments are owned by an office without a named person, some are due "at the next
meeting", and some minutes refer back to an earlier month. So every part of `relink` (series,
tenures, holders, follow-ups, statuses, stubs) sees a realistic mix.

The figures that matter for ingest are the re-links after adding ONE meeting to the
10,000-meeting graph (target < 2 s): at the end of a series and in its middle, each also
timed as a full re-link and checked to give the identical change set. `--ingest` then times
the real pipeline: one new minutes file into a LadybugDB store holding the 10,000 meetings.

    python -m benchmarks.bench_linking [--sizes 1000,10000] [--ingest [--store PATH]]
"""

from __future__ import annotations

import cProfile
import pstats
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from promises.graph.graphdata import GraphData
from promises.graph.ids import make_id
from promises.graph.linking import relink
from promises.graph.model import (
    ChangeSet,
    Commitment,
    CommitmentKind,
    Meeting,
    Organisation,
    Person,
    RelType,
    Role,
    Signal,
    Theme,
    Update,
    UpdateScope,
)

BODIES = 20
FORCES = 10
TOPICS = [Theme(make_id("t", f"topic {i}"), f"topic {i}") for i in range(40)]
WORDS = (
    "review backlog funding recruitment vacancies custody training publish report evaluation "
    "witness victims drones rural burglary knife fleet estates wellbeing vetting complaints "
    "domestic abuse stalking neighbourhood response control room digital forensics cyber fraud "
    "youth diversion restorative justice drugs county lines roads safety speed cameras"
).split()
OFFICES = (("PCC", "Police and Crime Commissioner"), ("CC", "Chief Constable"))
OFFICES += (("DCC", "Deputy Chief Constable"), ("ACC", "Assistant Chief Constable"))
AS_OF = date(2030, 1, 1)
START = date(2000, 1, 1)
T = TypeVar("T")


def meeting_changes(
    index: int, rng: random.Random, day: date | None = None, body: str | None = None
) -> ChangeSet:
    """One meeting (the `index`-th, or a late one on `day`) with everything ingest would plan."""
    changes = ChangeSet()
    body = body or f"Body {index % BODIES} PCC"
    day = day or START + timedelta(days=index // BODIES * 30)
    meeting = Meeting(make_id("m", body, day.isoformat()), day, body)
    changes.add(meeting)
    force = Organisation(make_id("o", f"Force {index % FORCES}"), f"Force {index % FORCES}", "force")
    changes.add(force)
    era = index // (BODIES * 30)
    roles: list[tuple[Role, Person]] = []
    for abbrev, title in OFFICES:
        acting = abbrev == "CC" and rng.random() < 0.1
        holder = f"{force.name} {'DCC' if acting else abbrev} {era}"
        shown = f"T/{abbrev}" if acting else abbrev
        role = Role(
            make_id("r", force.name, abbrev, "acting" if acting else "substantive"),
            f"Temporary {title}" if acting else title,
            shown,
            acting,
            force.name,
        )
        person = Person(make_id("p", holder), holder)
        changes.add(role, person)
        changes.link(RelType.OF, role, force)
        changes.link(RelType.ATTENDED, person, meeting, abbrev=shown, role=role.id, apologies=False)
        roles.append((role, person))
    for k in range(5):
        text = f"The force will {' '.join(rng.sample(WORDS, 5))} item {index}-{k}."
        due, due_text = None, ""
        if rng.random() < 0.3:
            due, due_text = day + timedelta(days=60), "within two months"
        elif rng.random() < 0.15:
            due, due_text = day + timedelta(days=30), "at the next meeting"
        c = Commitment(
            make_id("c", meeting.id, text),
            rng.choice(list(CommitmentKind)),
            text,
            "gen.txt",
            0,
            len(text),
            due=due,
            due_text=due_text,
        )
        changes.add(c)
        changes.link(RelType.MADE_AT, c, meeting)
        topic = rng.choice(TOPICS)
        changes.add(topic)
        changes.link(RelType.ABOUT, c, topic)
        if rng.random() < 0.7:
            role, person = rng.choice(roles)
            changes.link(RelType.OWNED_BY, c, role)
            if rng.random() < 0.3:
                changes.link(RelType.HELD_BY, c, person, via="meeting")
    for k in range(3):
        draw = rng.random()
        scope = UpdateScope.BLANKET if k == 0 and draw < 0.1 else UpdateScope.EXPLICIT
        scope = scope if draw < 0.3 else UpdateScope.IMPLICIT
        text = f"Work to {' '.join(rng.sample(WORDS, 5))} is ongoing {index}-{k}."
        u = Update(
            make_id("u", meeting.id, text),
            text,
            "gen.txt",
            0,
            len(text),
            rng.choice(list(Signal)),
            scope=scope,
            roles=(rng.choice(OFFICES)[0],) if rng.random() < 0.5 else (),
        )
        changes.add(u)
        changes.link(RelType.AT, u, meeting)
        changes.link(RelType.ABOUT, u, rng.choice(TOPICS))
    if rng.random() < 0.05:
        month = day - timedelta(days=60)
        stub = Meeting(
            make_id("m", body, f"{month.year:04d}-{month.month:02d}", "stub"),
            date(month.year, month.month, 1),
            body,
            stub=True,
        )
        changes.add(stub)
        changes.link(RelType.REFERS_TO, meeting, stub, text="the earlier meeting", start=0, end=10)
    return changes


def build(meetings: int, seed: int = 7) -> GraphData:
    rng = random.Random(seed)
    data = GraphData()
    for index in range(meetings):
        changes = meeting_changes(index, rng)
        data.nodes.update(changes.nodes)
        data.edges.update(changes.edges)
    return data


def linked(meetings: int) -> GraphData:
    """A generated graph after its first full re-link, as a store holds it."""
    data = build(meetings)
    data.apply(relink(data, AS_OF))
    return data


def timed(call: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def add_one(data: GraphData, size: int, where: str) -> None:
    """Add one meeting at the end of a series or in its middle; time incremental and full."""
    rng = random.Random(99)
    if where == "end":
        changes = meeting_changes(size + 1, rng)
    else:  # between two meetings of body 1, half way through the series
        middle = START + timedelta(days=(size // BODIES // 2) * 30 + 15)
        changes = meeting_changes(1, rng, day=middle)
    data.apply(changes)
    fresh = GraphData.build(data.nodes.values(), data.edges.values())
    incremental, scoped = timed(lambda: relink(data, AS_OF, changed=changes))
    from_load, _ = timed(lambda: relink(fresh, AS_OF, changed=changes))
    full, everything = timed(lambda: relink(data, AS_OF))
    print(
        f"{size:>6} meetings + 1 ({where:>6}): incremental {incremental:5.2f} s "
        f"(on a freshly loaded graph, adjacency built inside: {from_load:5.2f} s), "
        f"full {full:5.2f} s; {len(scoped.nodes)} nodes, {len(scoped.edges)} edges changed, "
        f"same as full: {_same(scoped, everything)}"
    )
    data.apply(scoped)


def bench_ingest(size: int, template: Path | None) -> None:
    """The real pipeline: one new file into a LadybugDB store already holding `size` meetings.

    Writing the generated store through the pipeline's batched MERGE takes minutes, so
    `--store PATH` reuses one written (and linked) earlier; each measurement runs on a fresh
    copy of it. The new file is the late May meeting of a
    Northshire series whose other meetings are ingested first, so it lands mid-series.
    """
    from promises.graph.ladybug_store import LadybugStore
    from promises.ingest.pipeline import ingest_paths

    series = Path(__file__).resolve().parent.parent / "tests" / "data" / "series" / "northshire-a"
    files = sorted(series.glob("*.txt"))
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        if template is None:
            template = Path(tmp) / "template"
            data = linked(size)
            seconds, _ = timed(lambda: _write_all(LadybugStore(template), data))
            print(f"ingest: wrote a {size}-meeting store in {seconds:.0f} s")
        base = LadybugStore(Path(tmp) / "base")
        shutil.copytree(template, base.path)
        seconds, _ = timed(lambda: ingest_paths(files[:-1], base, now=now, as_of=AS_OF))
        print(f"ingest: {len(files) - 1} Northshire files into it in {seconds:.1f} s")
        seconds, _ = timed(base.load)
        print(f"ingest: store.load() alone {seconds:.1f} s")
        for label, as_of in (
            ("same as_of", AS_OF),
            ("a later as_of: every status re-dated", AS_OF.replace(year=2031)),
        ):
            store = LadybugStore(Path(tmp) / label.split()[1])
            shutil.copytree(base.path, store.path)
            seconds, summary = timed(lambda: ingest_paths(files[-1:], store, now=now, as_of=as_of))  # noqa: B023
            print(f"ingest: one new file ({label}) {seconds:.1f} s: {summary.line()}")
            profile = cProfile.Profile()
            again = LadybugStore(Path(tmp) / (label.split()[1] + "-profiled"))
            shutil.copytree(base.path, again.path)
            profile.runcall(ingest_paths, files[-1:], again, now=now, as_of=as_of)
            print("        " + _stages(pstats.Stats(profile)))
        seconds, _ = timed(lambda: ingest_paths(files[-1:], store, now=now, as_of=AS_OF))
        print(f"ingest: the same file again (already ingested, nothing written) {seconds:.1f} s")


def _stages(stats: pstats.Stats) -> str:
    """Cumulative seconds of the pipeline's stages, from a profile (so somewhat inflated)."""
    wanted = {
        "copy-and-swap copy": ("shutil.py", "copy2"),
        "load": ("ladybug_store.py", "_load"),
        "relink": ("linking.py", "relink"),
        "write": ("ladybug_store.py", "_apply"),
        "close (checkpoint)": ("<method 'close' of", ""),
    }
    found: dict[str, float] = dict.fromkeys(wanted, 0.0)
    for (filename, _, name), row in stats.stats.items():  # type: ignore[attr-defined]
        for label, (file_part, func) in wanted.items():
            if filename.endswith(file_part) and name == func or (not func and name.startswith(file_part)):
                found[label] += row[3]
    return ", ".join(f"{label} {seconds:.1f} s" for label, seconds in found.items())


def main(argv: list[str]) -> int:
    sizes = [1000, 10000]
    if "--sizes" in argv:
        sizes = [int(s) for s in argv[argv.index("--sizes") + 1].split(",")]
    for size in sizes:
        data = build(size)
        seconds, changes = timed(lambda: relink(data, AS_OF))  # noqa: B023 - called at once
        links = sum(1 for e in changes.edges.values() if e.type is RelType.UPDATES)
        print(
            f"{size:>6} meetings, {len(data.nodes):>7} nodes, {len(data.edges):>7} edges: "
            f"full relink {seconds:6.2f} s ({links} UPDATES edges)"
        )
        data.apply(changes)
        again, empty = timed(lambda: relink(data, AS_OF))  # noqa: B023
        print(f"{'':>6} unchanged graph, full relink {again:6.2f} s, changes empty: {empty.is_empty()}")
        for where in ("end", "middle"):
            add_one(data, size, where)
    if "--ingest" in argv:
        template = Path(argv[argv.index("--store") + 1]) if "--store" in argv else None
        bench_ingest(sizes[-1], template)
    return 0


def _same(a: ChangeSet, b: ChangeSet) -> bool:
    return (a.nodes, a.edges, a.delete_nodes, a.delete_edges) == (
        b.nodes,
        b.edges,
        b.delete_nodes,
        b.delete_edges,
    )


def _write_all(store: object, data: GraphData) -> None:
    from promises.graph.ladybug_store import LadybugStore

    assert isinstance(store, LadybugStore)
    everything = ChangeSet()
    everything.nodes.update(data.nodes)
    everything.edges.update(data.edges)
    with store.transaction() as tx:
        tx.apply(everything)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
