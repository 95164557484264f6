"""Incremental re-linking gives exactly the change set of a full re-link (issue 5).

The scoping rules in `linking.py` are argued from the rules of each derived fact; these tests
hold them to it on generated graphs (every part of `relink` exercised) and on the Northshire
series: link a graph fully, add meetings (at the end, in the middle, before the first, in a
new body, referring back to a stub), and compare the incremental change set with the full
one key for key, for the `as_of` the store was linked with and for a different one.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from benchmarks.bench_linking import BODIES, START, meeting_changes
from promises.graph.graphdata import GraphData
from promises.graph.ids import make_id
from promises.graph.linking import relink
from promises.graph.model import ChangeSet, Commitment, Edge, RelType, Role
from promises.ingest.pipeline import extract_document
from promises.ingest.plan import plan_document
from promises.ingest.readers import read_document

SERIES = Path(__file__).resolve().parent / "data" / "series"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
GENERATED = 240  # meetings: 12 per body, so a horizon of 6 fits inside a series twice
AS_OF = date(2000, 9, 1)  # inside the generated series, so counts up to `as_of` matter


def _state(changes: ChangeSet) -> tuple[object, ...]:
    return (changes.nodes, changes.edges, changes.delete_nodes, changes.delete_edges)


def _linked(changes: list[ChangeSet], as_of: date) -> GraphData:
    data = GraphData()
    for each in changes:
        data.apply(each)
    data.apply(relink(data, as_of))
    assert relink(data, as_of).is_empty()
    return data


def _check_add(data: GraphData, added: ChangeSet, as_of: date) -> ChangeSet:
    """Apply `added`, assert the incremental re-link equals the full one, apply and return it."""
    data.apply(added)
    full = relink(data, as_of)
    incremental = relink(data, as_of, changed=added)
    assert _state(incremental) == _state(full)
    data.apply(incremental)
    assert relink(data, as_of).is_empty()
    return incremental


def _generated() -> list[ChangeSet]:
    rng = random.Random(11)
    return [meeting_changes(i, rng) for i in range(GENERATED)]


@pytest.mark.parametrize("as_of", [AS_OF, date(2000, 10, 15), date(2030, 1, 1)])
@pytest.mark.parametrize(
    ("where", "offset"),
    [
        ("end", 12 * 30 + 5),
        ("middle", 5 * 30 + 15),
        ("middle, past as_of", 10 * 30 + 15),
        ("before the first", -20),
        ("same day as another", 3 * 30),
        ("early, within the horizon of the start", 1 * 30 + 10),
    ],
)
def test_adding_one_meeting_matches_full_relink(where: str, offset: int, as_of: date) -> None:
    data = _linked(_generated(), AS_OF)
    added = meeting_changes(3, random.Random(5), day=START + timedelta(days=offset))
    incremental = _check_add(data, added, as_of)
    assert not incremental.is_empty(), where


def test_a_meeting_of_a_new_body_and_a_back_reference() -> None:
    data = _linked(_generated(), AS_OF)
    rng = random.Random(3)
    while True:  # a meeting that refers back to a month its body met in: the stub is joined
        added = meeting_changes(BODIES * 12 + 4, rng)
        if any(n.LABEL == "Meeting" and getattr(n, "stub", False) for n in added.nodes.values()):
            break
    assert _check_add(data, added, AS_OF).delete_nodes
    for day in (100, 130, 160):  # a body of its own, sharing a force's offices with others
        _check_add(data, meeting_changes(7, rng, START + timedelta(days=day), "New PCC"), date(2001, 1, 1))


def test_many_meetings_added_one_by_one_out_of_order_stay_identical() -> None:
    batches = _generated()
    rng = random.Random(17)
    rng.shuffle(batches)
    data = _linked(batches[:60], AS_OF)
    for added in batches[60:120]:
        _check_add(data, added, AS_OF)
    several = ChangeSet()
    for added in batches[120:]:
        several.merge(added)
    _check_add(data, several, date(2001, 2, 1))


def test_attendance_corrected_to_another_role_moves_the_old_tenure() -> None:
    """A re-ingested meeting may list someone in a different role than the stored edge says.

    First the last day of a longer tenure moves to a new role (the old tenure ends earlier),
    then back (the new role's one-day tenure disappears: only its stored `HELD` edge still
    names that role, so scoping must look there too).
    """
    data = _linked(_generated(), AS_OF)
    cases: list[tuple[Edge, Edge]] = []  # (tenure, the one attendance on its last day)
    for held in data.edges_of(RelType.HELD):
        in_role = [e for e in data.out(held.src, RelType.ATTENDED) if e.prop("role") == held.dst]
        last = [e for e in in_role if data.nodes[e.dst].date == held.prop("to_date")]  # type: ignore[union-attr]
        if len(last) == 1 and len(in_role) > 1:
            cases.append((held, last[0]))
    held, last = cases[0]
    estates = Role(make_id("r", "Head of Estates"), "Head of Estates", organisation="Force 0")
    moved = replace(last, props=tuple((k, estates.id if k == "role" else v) for k, v in last.props))
    incremental = _check_add(data, ChangeSet(nodes={estates.id: estates}, edges={moved.key: moved}), AS_OF)
    assert held.key in incremental.edges
    incremental = _check_add(data, ChangeSet(edges={last.key: last}), AS_OF)
    assert (RelType.HELD.value, held.src, estates.id) in incremental.delete_edges


def test_changes_it_cannot_scope_fall_back_to_a_full_relink() -> None:
    data = _linked(_generated(), AS_OF)
    commitment = next(iter(data.of_type(Commitment)))
    removal = ChangeSet(delete_edges={k: e for k, e in data.edges.items() if k[1] == commitment.id})
    data.apply(removal)
    assert _state(relink(data, AS_OF, changed=removal)) == _state(relink(data, AS_OF))
    stray = next(e for e in data.edges.values() if e.type is RelType.UPDATES)
    derived = ChangeSet(edges={stray.key: stray})
    assert _state(relink(data, AS_OF, changed=derived)) == _state(relink(data, AS_OF))


def _planned(path: Path) -> ChangeSet:
    return plan_document(extract_document(read_document(path)), NOW)


@pytest.mark.parametrize("series", ["northshire-a", "northshire-b"])
@pytest.mark.parametrize("as_of", [date(2023, 4, 30), date(2023, 11, 30), date(2026, 1, 1)])
def test_northshire_each_meeting_added_last_matches_full_relink(series: str, as_of: date) -> None:
    files = sorted((SERIES / series).glob("*.txt"))
    planned = {f: _planned(f) for f in files}
    for late in files:
        data = _linked([planned[f] for f in files if f != late], date(2023, 7, 31))
        _check_add(data, planned[late], as_of)
