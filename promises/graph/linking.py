"""Cross-meeting linking, recomputed over the whole graph after every ingest.

What a single document cannot know is derived here: the order of a body's meetings (`NEXT`),
who held which office when (`HELD` tenures, from every attendance list), who held an office
named without a person on a commitment's date (`HELD_BY via=tenure`), stub meetings joined to
the real meeting once it arrives, follow-ups (`UPDATES`, see `followups.py`) and each
commitment's status. The result is a `ChangeSet` diffed against what is stored, so re-linking
an unchanged graph writes nothing, and everything is derived from meeting dates, never from
the order files were ingested in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import replace
from datetime import date

from promises.graph.followups import DEFAULT_HORIZON, followup_edges, series_indexes
from promises.graph.graphdata import GraphData
from promises.graph.model import (
    ChangeSet,
    Commitment,
    Edge,
    Meeting,
    Person,
    RelType,
    Role,
    Status,
    Update,
    edge,
)
from promises.graph.status import SILENT_AFTER_MEETINGS, StatusEvidence, decide_status

DERIVED_RELS = (RelType.NEXT, RelType.HELD, RelType.UPDATES)
_NEXT_MEETING = re.compile(r"\bnext meeting\b", re.IGNORECASE)


def relink(
    data: GraphData,
    as_of: date,
    *,
    horizon: int = DEFAULT_HORIZON,
    silent_after: int = SILENT_AFTER_MEETINGS,
) -> ChangeSet:
    """Derived edges and statuses for the whole graph, as changes against what is stored."""
    wanted: dict[tuple[str, str, str], Edge] = {}
    for e in _next_edges(data):
        wanted[e.key] = e
    tenures = _tenures(data)
    for e in tenures:
        wanted[e.key] = e
    changes = ChangeSet()
    for e in _tenure_holders(data, tenures):
        wanted[e.key] = e
    followups = followup_edges(data, horizon)
    for e in followups:
        wanted[e.key] = e
    refers_changes = _join_stubs(data)
    changes.merge(refers_changes)
    existing = {
        k: e
        for k, e in data.edges.items()
        if e.type in DERIVED_RELS or (e.type is RelType.HELD_BY and e.prop("via") == "tenure")
    }
    for key, e in wanted.items():
        if existing.get(key) != e:
            changes.add_edge(e)
    for key, e in existing.items():
        if key not in wanted:
            changes.delete_edges[key] = e
    for commitment, status in _statuses(data, followups, as_of, silent_after):
        stored = data.nodes[commitment.id]
        if stored != replace(commitment, status=status, status_as_of=as_of):
            changes.add(replace(commitment, status=status, status_as_of=as_of))
    return changes


def meetings_in_order(data: GraphData, body: str | None = None) -> list[Meeting]:
    """Real (non-stub, dated) meetings of a body, oldest first; ties broken by id."""
    return sorted(
        (
            m
            for m in data.of_type(Meeting)
            if not m.stub and m.date is not None and (body is None or m.body == body)
        ),
        key=lambda m: (m.date or date.min, m.id),
    )


def meeting_of(data: GraphData, commitment_id: str) -> Meeting | None:
    for e in data.out(commitment_id, RelType.MADE_AT):
        return data.get(e.dst, Meeting)
    return None


def holder_on(data: GraphData, role: Role, on: date) -> Person | None:
    """The one person whose tenure of `role` (or its acting/substantive twin) covers `on`."""
    candidates: dict[str, Person] = {}
    for twin in _twins(data, role):
        for e in data.into(twin.id, RelType.HELD):
            start, end = e.prop("from_date"), e.prop("to_date")
            if isinstance(start, date) and isinstance(end, date) and start <= on <= end:
                person = data.get(e.src, Person)
                if person is not None:
                    candidates[person.id] = person
    return next(iter(candidates.values())) if len(candidates) == 1 else None


# -- helpers, in call order ---------------------------------------------------------------------


def _next_edges(data: GraphData) -> list[Edge]:
    out = []
    bodies = sorted({m.body for m in data.of_type(Meeting)})
    for body in bodies:
        series = meetings_in_order(data, body)
        for earlier, later in zip(series, series[1:], strict=False):
            out.append(edge(RelType.NEXT, earlier, later))
    return out


def _tenures(data: GraphData) -> list[Edge]:
    spans: dict[tuple[str, str], list[date]] = defaultdict(list)
    for e in data.edges_of(RelType.ATTENDED):
        role_id = e.prop("role")
        meeting = data.get(e.dst, Meeting)
        if not isinstance(role_id, str) or meeting is None or meeting.date is None or meeting.stub:
            continue
        spans[(e.src, role_id)].append(meeting.date)
    out = []
    for (person_id, role_id), dates in sorted(spans.items()):
        person, role = data.get(person_id, Person), data.get(role_id, Role)
        if person is None or role is None:
            continue
        out.append(
            edge(RelType.HELD, person, role, from_date=min(dates), to_date=max(dates), acting=role.acting)
        )
    return out


def _tenure_holders(data: GraphData, tenures: list[Edge]) -> list[Edge]:
    """HELD_BY for commitments whose owner role had no holder in the meeting itself."""
    scratch = GraphData.build(data.nodes.values(), [*data.edges.values(), *tenures])
    out = []
    for commitment in data.of_type(Commitment):
        if any(e.prop("via") == "meeting" for e in data.out(commitment.id, RelType.HELD_BY)):
            continue
        meeting = meeting_of(data, commitment.id)
        if meeting is None or meeting.date is None:
            continue
        for owned in data.out(commitment.id, RelType.OWNED_BY):
            role = data.get(owned.dst, Role)
            if role is None:
                continue
            person = holder_on(scratch, role, meeting.date)
            if person is not None:
                out.append(edge(RelType.HELD_BY, commitment, person, via="tenure"))
    return out


def _statuses(
    data: GraphData, followups: list[Edge], as_of: date, silent_after: int
) -> list[tuple[Commitment, Status]]:
    """Every commitment's status from the new follow-ups, in one pass per body series.

    `compute_status` would re-read the stored edges and count later meetings by a scan per
    commitment; here both come from the series index, so the cost is linear in the graph.
    """
    evidence: dict[str, list[StatusEvidence]] = defaultdict(list)
    for e in followups:
        update = data.get(e.src, Update)
        meeting = next((m for at in data.out(e.src, RelType.AT) if (m := data.get(at.dst, Meeting))), None)
        if update is None or meeting is None:
            continue
        confidence, rule = e.prop("confidence"), e.prop("rule")
        evidence[e.dst].append(
            StatusEvidence(
                update,
                meeting,
                float(confidence) if isinstance(confidence, int | float) else 1.0,
                rule if isinstance(rule, str) else "",
            )
        )
    out: list[tuple[Commitment, Status]] = []
    seen: set[str] = set()
    for series in series_indexes(data).values():
        dates = [m.date or date.min for m in series.meetings]
        upto = bisect_right(dates, as_of)
        for position, made in enumerate(series.commitments):
            later = max(0, upto - position - 1)
            following = series.meetings[position + 1].date if position + 1 < len(series.meetings) else None
            for commitment in made:
                if _NEXT_MEETING.search(commitment.due_text) and commitment.due != following:
                    # "at the next meeting": due the day of the body's next meeting, which only the
                    # series knows, and which moves if a missing meeting is ingested later
                    commitment = replace(commitment, due=following)
                found = sorted(
                    evidence.get(commitment.id, []),
                    key=lambda ev: (ev.meeting.date or date.min, ev.update.id),
                )
                status, _ = decide_status(commitment, found, later, as_of, silent_after)
                out.append((commitment, status))
                seen.add(commitment.id)
    for commitment in data.of_type(Commitment):
        if commitment.id not in seen:  # made at an undated or stub meeting: no series to count in
            status, _ = decide_status(commitment, [], 0, as_of, silent_after)
            out.append((commitment, status))
    return out


def _evidence_order(ev: StatusEvidence) -> tuple[date, str]:
    return (ev.meeting.date or date.min, ev.update.id)


def _twins(data: GraphData, role: Role) -> list[Role]:
    """The role and its acting or substantive counterpart in the same organisation."""
    base = role.abbrev.removeprefix("T/") if role.abbrev else role.title.removeprefix("Temporary ")
    twins = []
    for other in data.of_type(Role):
        other_base = (
            other.abbrev.removeprefix("T/") if other.abbrev else other.title.removeprefix("Temporary ")
        )
        if other.organisation == role.organisation and other_base == base:
            twins.append(other)
    return twins


def _join_stubs(data: GraphData) -> ChangeSet:
    """Point back-references at the real meeting of that month once it is in the store."""
    changes = ChangeSet()
    real_by_month: dict[tuple[str, int, int], list[Meeting]] = defaultdict(list)
    for m in meetings_in_order(data):
        assert m.date is not None
        real_by_month[(m.body, m.date.year, m.date.month)].append(m)
    for stub in data.of_type(Meeting):
        if not stub.stub or stub.date is None:
            continue
        matches = real_by_month.get((stub.body, stub.date.year, stub.date.month), [])
        if len(matches) != 1:
            continue
        real = matches[0]
        for e in data.into(stub.id, RelType.REFERS_TO):
            source = data.get(e.src, Meeting)
            if source is None:
                continue
            changes.link(RelType.REFERS_TO, source, real, **dict(e.props))
        changes.delete_nodes[stub.id] = Meeting.LABEL
    return changes
