"""Cross-meeting linking, recomputed after every ingest: in full, or only where an ingest reaches.

What a single document cannot know is derived here: the order of a body's meetings (`NEXT`),
who held which office when (`HELD` tenures, from every attendance list), who held an office
named without a person on a commitment's date (`HELD_BY via=tenure`), stub meetings joined to
the real meeting once it arrives, follow-ups (`UPDATES`, see `followups.py`) and each
commitment's status. The result is a `ChangeSet` diffed against what is stored, so re-linking
an unchanged graph writes nothing, and everything is derived from meeting dates, never from
the order files were ingested in.

Incremental re-linking (issue 5): a store is fully linked after every ingest, so after adding
meetings only what they can reach can differ, and that reach is bounded by the rules:

- `NEXT`: the edges leaving a new meeting and its predecessor.
- `UPDATES`: return statements said at a new meeting or within `horizon` meetings after it
  (their candidate window of `horizon` meetings back is the only thing that saw the series
  change); statements further on see a window that merely shifted by one position.
- `HELD`: the (person, role) pairs named by new attendance; `HELD_BY via=tenure`: commitments
  added, and commitments owned by a twin of those roles dated where a tenure grew or shrank.
- status: commitments added; those within `max(horizon, silent_after)` meetings before a new
  meeting (their silence count moved) or `horizon` after it (their evidence may have moved);
  every commitment whose stored `status_as_of` is not the `as_of` asked for (so a new day
  re-decides every status, exactly as a full re-link would).

`tests/test_relink_incremental.py` checks on generated graphs and on the Northshire series
that the incremental change set is the full one, key for key.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date

from promises.graph.followups import DEFAULT_HORIZON, followup_edges, series_order
from promises.graph.graphdata import GraphData, without_gc
from promises.graph.model import (
    ChangeSet,
    Commitment,
    Edge,
    Meeting,
    Person,
    RelType,
    Role,
    Update,
    edge,
)
from promises.graph.status import SILENT_AFTER_MEETINGS, StatusEvidence, decide_status

DERIVED_RELS = (RelType.NEXT, RelType.HELD, RelType.UPDATES)
# Names the rules that derive edges and statuses. An incremental re-link trusts everything
# outside its reach to be what these rules give, so change this string whenever a rule change
# would alter the derived data of an existing store: its next ingest then re-links in full.
LINKING_RULES = "2026-11-23 subject words, stemmed"
_NEXT_MEETING = re.compile(r"\bnext meeting\b", re.IGNORECASE)
# Edge types ingest writes. A derived edge (or a tenure HELD_BY) in `changed` means something
# other than ingest edited derived data, and only a full re-link can be trusted to put it right.
_INPUT_RELS = frozenset(RelType) - {RelType.NEXT, RelType.HELD, RelType.UPDATES}


def relink(
    data: GraphData,
    as_of: date,
    *,
    changed: ChangeSet | None = None,
    horizon: int = DEFAULT_HORIZON,
    silent_after: int = SILENT_AFTER_MEETINGS,
) -> ChangeSet:
    """Derived edges and statuses, as changes against what is stored.

    `changed` is what was just applied to `data`; pass it only when `data` was fully linked
    (with the same rules) before that, as a store is after every ingest. Then only what those
    changes can reach is recomputed (module docstring), with the same result as a full
    re-link. Changes this scoping does not cover (deletions, derived edges) fall back to full.
    """
    with without_gc():  # many small objects, no cycles: see `without_gc`
        return _relink(data, as_of, changed, horizon, silent_after)


def _relink(
    data: GraphData, as_of: date, changed: ChangeSet | None, horizon: int, silent_after: int
) -> ChangeSet:
    order = series_order(data)
    if changed is None or not _scopable(changed):
        scope = _full_scope(data, order)
    else:
        scope = _scope_of(data, order, changed, as_of, horizon, silent_after)
    wanted: dict[tuple[str, str, str], Edge] = {}
    for e in _next_edges(order, scope):
        wanted[e.key] = e
    tenures = _tenures(data, scope.pairs)
    for e in tenures:
        wanted[e.key] = e
    for e in _tenure_holders(data, scope, tenures):
        wanted[e.key] = e
    followups = followup_edges(data, horizon, order=order, linked=scope.linked)
    for e in followups:
        wanted[e.key] = e
    relinked = None if scope.linked is None else _updates_at(data, order, scope.linked)
    changes = ChangeSet()
    changes.merge(_join_stubs(data, order))
    existing = _existing(data, order, scope, relinked)
    for key, e in wanted.items():
        if existing.get(key) != e:
            changes.add_edge(e)
    for key, e in existing.items():
        if key not in wanted:
            changes.delete_edges[key] = e
    statuses = scope.statuses
    if statuses is not None:  # evidence moved with the re-linked statements, wherever it points
        statuses = statuses | {e.dst for e in followups} | {k[2] for k in existing if k[0] == "UPDATES"}
    for commitment in _statuses(data, order, followups, relinked, statuses, as_of, silent_after):
        changes.add(commitment)
    return changes


@dataclass(slots=True)
class _Scope:
    """What a re-link recomputes; `None` for `linked`/`statuses` means everything.

    `full` also decides which stored derived edges are compared: all of them (so a stray one
    is deleted), or only those leaving the nodes in scope.
    """

    full: bool
    next_from: list[tuple[str, int]] = field(default_factory=list)  # (body, position)
    pairs: set[tuple[str, str]] = field(default_factory=set)  # (person id, role id)
    holders: list[Commitment] = field(default_factory=list)
    linked: dict[str, set[int]] | None = None  # body -> positions whose statements re-link
    statuses: set[str] | None = None  # commitment ids


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
    twins = [other.id for other in data.of_type(Role) if _twin_key(other) == _twin_key(role)]
    return _holder(data, [e for twin in twins for e in data.into(twin, RelType.HELD)], on)


# -- helpers, in call order ---------------------------------------------------------------------


def _scopable(changed: ChangeSet) -> bool:
    """True when `changed` only adds input data, the one kind of change scoping is proven for."""
    if changed.delete_nodes or changed.delete_edges:
        return False
    return all(
        e.type in _INPUT_RELS and not (e.type is RelType.HELD_BY and e.prop("via") == "tenure")
        for e in changed.edges.values()
    )


def _full_scope(data: GraphData, order: Mapping[str, list[Meeting]]) -> _Scope:
    pairs = {
        (e.src, role) for e in data.edges_of(RelType.ATTENDED) if isinstance(role := e.prop("role"), str)
    }
    return _Scope(
        full=True,
        next_from=[(body, i) for body, meetings in order.items() for i in range(len(meetings))],
        pairs=pairs,
        holders=data.of_type(Commitment),
    )


def _scope_of(
    data: GraphData,
    order: Mapping[str, list[Meeting]],
    changed: ChangeSet,
    as_of: date,
    horizon: int,
    silent_after: int,
) -> _Scope:
    """What `changed` can reach; see the module docstring for why each bound is enough."""
    meetings: set[str] = set()
    commitments: set[str] = set()
    people: set[str] = set()
    for node in changed.nodes.values():
        if isinstance(node, Meeting):
            meetings.add(node.id)
        elif isinstance(node, Commitment | Update):
            meetings.update(_meetings_of(data, node.id, commitments))
    for e in changed.edges.values():
        if e.type is RelType.ATTENDED:
            people.add(e.src)
        elif e.type in (RelType.MADE_AT, RelType.AT):
            meetings.add(e.dst)
            meetings.update(_meetings_of(data, e.src, commitments))
        elif e.type in (RelType.ABOUT, RelType.OWNED_BY, RelType.HELD_BY, RelType.REQUESTED_BY):
            if e.src_label == Meeting.LABEL:
                meetings.add(e.src)
            meetings.update(_meetings_of(data, e.src, commitments))
    scope = _Scope(full=False, linked=defaultdict(set), statuses=set(commitments))
    assert scope.linked is not None and scope.statuses is not None
    positions = {m.id: (body, i) for body, series in order.items() for i, m in enumerate(series)}
    reach_back = max(horizon, silent_after)
    for meeting_id in sorted(meetings):
        if meeting_id not in positions:  # a stub or an undated meeting: in no series
            continue
        body, at = positions[meeting_id]
        series = order[body]
        scope.next_from.extend((body, i) for i in (at - 1, at) if i >= 0)
        scope.linked[body].update(range(at, min(len(series), at + horizon + 1)))
        for i in range(max(0, at - reach_back), min(len(series), at + horizon + 1)):
            scope.statuses.update(e.src for e in data.into(series[i].id, RelType.MADE_AT))
    scope.statuses.update(
        n.id for n in data.nodes.values() if isinstance(n, Commitment) and n.status_as_of != as_of
    )
    scope.pairs = _pairs_of(data, people)
    scope.holders = _holders_to_check(data, scope.pairs, commitments)
    return scope


def _meetings_of(data: GraphData, node_id: str, commitments: set[str]) -> list[str]:
    """The meeting a commitment was made at or an update said at; records commitments seen."""
    node = data.nodes.get(node_id)
    if isinstance(node, Commitment):
        commitments.add(node_id)
        return [e.dst for e in data.out(node_id, RelType.MADE_AT)]
    if isinstance(node, Update):
        return [e.dst for e in data.out(node_id, RelType.AT)]
    return []


def _pairs_of(data: GraphData, people: Iterable[str]) -> set[tuple[str, str]]:
    """Every (person, role) tenure of people with new attendance, old roles included.

    An upserted `ATTENDED` edge may carry a different role than before, and the old role's
    tenure then shrinks; the stored `HELD` edges name the person's old roles.
    """
    pairs: set[tuple[str, str]] = set()
    for person in people:
        pairs.update((person, e.dst) for e in data.out(person, RelType.HELD))
        pairs.update(
            (person, role)
            for e in data.out(person, RelType.ATTENDED)
            if isinstance(role := e.prop("role"), str)
        )
    return pairs


def _holders_to_check(data: GraphData, pairs: set[tuple[str, str]], touched: set[str]) -> list[Commitment]:
    """Commitments added, and those owned by a twin of a role whose tenure moved on their date."""
    spans = _spans(data, pairs)
    moved: dict[tuple[str, str], list[tuple[date, date]]] = defaultdict(list)  # twin key -> dates
    roles = {r.id: r for r in data.of_type(Role)}
    for person, role_id in pairs:
        role = roles.get(role_id)
        if role is None:
            continue
        old = next((_span(e) for e in data.out(person, RelType.HELD) if e.dst == role_id), None)
        new = spans.get((person, role_id))
        if old == new:
            continue
        if old is None or new is None:
            moved[_twin_key(role)].append(old or new)  # type: ignore[arg-type]
            continue
        moved[_twin_key(role)].extend(
            [(min(old[0], new[0]), max(old[0], new[0])), (min(old[1], new[1]), max(old[1], new[1]))]
        )
    out = {c.id: c for cid in touched if (c := data.get(cid, Commitment)) is not None}
    for role in roles.values():
        windows = moved.get(_twin_key(role))
        if not windows:
            continue
        for owned in data.into(role.id, RelType.OWNED_BY):
            commitment = data.get(owned.src, Commitment)
            meeting = meeting_of(data, owned.src)
            if commitment is None or meeting is None or meeting.date is None:
                continue
            if any(start <= meeting.date <= end for start, end in windows):
                out[commitment.id] = commitment
    return [out[k] for k in sorted(out)]


def _next_edges(order: Mapping[str, list[Meeting]], scope: _Scope) -> list[Edge]:
    out = []
    for body, i in scope.next_from:
        series = order[body]
        if i + 1 < len(series):
            out.append(edge(RelType.NEXT, series[i], series[i + 1]))
    return out


def _tenures(data: GraphData, pairs: set[tuple[str, str]]) -> list[Edge]:
    out = []
    for (person_id, role_id), (start, end) in sorted(_spans(data, pairs).items()):
        person, role = data.get(person_id, Person), data.get(role_id, Role)
        if person is None or role is None:
            continue
        out.append(edge(RelType.HELD, person, role, from_date=start, to_date=end, acting=role.acting))
    return out


def _spans(data: GraphData, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[date, date]]:
    """First and last real meeting each person attended in each role, for the pairs asked."""
    roles_of: dict[str, set[str]] = defaultdict(set)
    for person, role in pairs:
        roles_of[person].add(role)
    dates: dict[tuple[str, str], list[date]] = defaultdict(list)
    for person, roles in roles_of.items():
        for e in data.out(person, RelType.ATTENDED):
            role_id = e.prop("role")
            if not isinstance(role_id, str) or role_id not in roles:
                continue
            meeting = data.get(e.dst, Meeting)
            if meeting is None or meeting.date is None or meeting.stub:
                continue
            dates[(person, role_id)].append(meeting.date)
    return {pair: (min(found), max(found)) for pair, found in dates.items()}


def _tenure_holders(data: GraphData, scope: _Scope, tenures: list[Edge]) -> list[Edge]:
    """HELD_BY for commitments whose owner role had no holder in the meeting itself.

    Tenures are the new ones for the pairs in scope and the stored ones for the rest (in a
    full re-link every pair is in scope, so stale stored tenures never count).
    """
    fresh: dict[str, list[Edge]] = defaultdict(list)
    for e in tenures:
        fresh[e.dst].append(e)
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for each in data.of_type(Role):
        groups[_twin_key(each)].append(each.id)
    held: dict[tuple[str, str], list[Edge]] = {}
    out = []
    for commitment in scope.holders:
        if any(e.prop("via") == "meeting" for e in data.out(commitment.id, RelType.HELD_BY)):
            continue
        meeting = meeting_of(data, commitment.id)
        if meeting is None or meeting.date is None:
            continue
        for owned in data.out(commitment.id, RelType.OWNED_BY):
            role = data.get(owned.dst, Role)
            if role is None:
                continue
            key = _twin_key(role)
            if key not in held:
                held[key] = [
                    e
                    for twin in groups[key]
                    for e in (
                        fresh.get(twin, [])
                        if scope.full
                        else [
                            *fresh.get(twin, []),
                            *(h for h in data.into(twin, RelType.HELD) if (h.src, twin) not in scope.pairs),
                        ]
                    )
                ]
            person = _holder(data, held[key], meeting.date)
            if person is not None:
                out.append(edge(RelType.HELD_BY, commitment, person, via="tenure"))
    return out


def _holder(data: GraphData, tenures: Iterable[Edge], on: date) -> Person | None:
    candidates: dict[str, Person] = {}
    for e in tenures:
        span = _span(e)
        if span is not None and span[0] <= on <= span[1]:
            person = data.get(e.src, Person)
            if person is not None:
                candidates[person.id] = person
    return next(iter(candidates.values())) if len(candidates) == 1 else None


def _span(e: Edge) -> tuple[date, date] | None:
    start, end = e.prop("from_date"), e.prop("to_date")
    return (start, end) if isinstance(start, date) and isinstance(end, date) else None


def _twin_key(role: Role) -> tuple[str, str]:
    """Organisation and office without the acting prefix: a role and its T/ twin share it."""
    base = role.abbrev.removeprefix("T/") if role.abbrev else role.title.removeprefix("Temporary ")
    return (role.organisation, base)


def _updates_at(
    data: GraphData, order: Mapping[str, list[Meeting]], linked: Mapping[str, set[int]]
) -> set[str]:
    return {
        e.src
        for body, positions in linked.items()
        for i in positions
        for e in data.into(order[body][i].id, RelType.AT)
    }


def _existing(
    data: GraphData, order: Mapping[str, list[Meeting]], scope: _Scope, relinked: set[str] | None
) -> dict[tuple[str, str, str], Edge]:
    """Stored derived edges to diff against: all of them, or those leaving what is in scope."""
    if scope.full:
        return {
            k: e
            for k, e in data.edges.items()
            if e.type in DERIVED_RELS or (e.type is RelType.HELD_BY and e.prop("via") == "tenure")
        }
    found: list[Edge] = []
    for body, i in scope.next_from:
        found.extend(data.out(order[body][i].id, RelType.NEXT))
    for person, role in scope.pairs:
        found.extend(e for e in data.out(person, RelType.HELD) if e.dst == role)
    for commitment in scope.holders:
        found.extend(e for e in data.out(commitment.id, RelType.HELD_BY) if e.prop("via") == "tenure")
    for update in relinked or ():
        found.extend(data.out(update, RelType.UPDATES))
    return {e.key: e for e in found}


def _statuses(
    data: GraphData,
    order: Mapping[str, list[Meeting]],
    followups: list[Edge],
    relinked: set[str] | None,
    wanted: set[str] | None,
    as_of: date,
    silent_after: int,
) -> list[Commitment]:
    """Commitments whose stored status (or next-meeting due date) differs from the new one.

    Evidence is the new follow-ups plus, in an incremental re-link, the stored ones from
    statements that were not re-linked. Meeting counts come from the series order, so the
    cost is linear in the commitments decided, not quadratic.
    """
    evidence: dict[str, list[StatusEvidence]] = defaultdict(list)
    for e in followups:
        _add_evidence(data, e, evidence)
    if relinked is not None:
        for cid in wanted or ():
            for e in data.into(cid, RelType.UPDATES):
                if e.src not in relinked:
                    _add_evidence(data, e, evidence)
    positions: dict[str, tuple[str, int]] = {}
    counted: dict[str, int] = {}
    for body, series in order.items():
        positions.update((m.id, (body, i)) for i, m in enumerate(series))
        counted[body] = bisect_right([m.date or date.min for m in series], as_of)
    out: list[Commitment] = []
    commitments = (
        data.of_type(Commitment)
        if wanted is None
        else [c for cid in sorted(wanted) if (c := data.get(cid, Commitment)) is not None]
    )
    for stored in commitments:
        commitment, found, later = stored, evidence.get(stored.id, []), 0
        made = meeting_of(data, stored.id)
        if made is not None and made.id in positions:
            body, position = positions[made.id]
            series = order[body]
            later = max(0, counted[body] - position - 1)
            following = series[position + 1].date if position + 1 < len(series) else None
            if _NEXT_MEETING.search(stored.due_text) and stored.due != following:
                # "at the next meeting": due the day of the body's next meeting, which only the
                # series knows, and which moves if a missing meeting is ingested later
                commitment = _amended(stored, due=following)
            if len(found) > 1:
                found = sorted(found, key=_evidence_order)
        else:  # made at an undated or stub meeting: no series to count in, no follow-ups
            found = []
        status, _ = decide_status(commitment, found, later, as_of, silent_after)
        if commitment is not stored or status is not stored.status or stored.status_as_of != as_of:
            out.append(_amended(commitment, status=status, status_as_of=as_of))
    return out


_COMMITMENT_FIELDS = tuple(f.name for f in fields(Commitment))


def _amended(commitment: Commitment, **changes: object) -> Commitment:
    """`dataclasses.replace`, at a third of its cost: a new day re-dates every status."""
    values: dict[str, object] = {name: getattr(commitment, name) for name in _COMMITMENT_FIELDS}
    values.update(changes)
    return Commitment(**values)  # type: ignore[arg-type]


def _add_evidence(data: GraphData, e: Edge, into: dict[str, list[StatusEvidence]]) -> None:
    update = data.get(e.src, Update)
    meeting = next((m for at in data.out(e.src, RelType.AT) if (m := data.get(at.dst, Meeting))), None)
    if update is None or meeting is None:
        return
    confidence, rule = e.prop("confidence"), e.prop("rule")
    into[e.dst].append(
        StatusEvidence(
            update,
            meeting,
            float(confidence) if isinstance(confidence, int | float) else 1.0,
            rule if isinstance(rule, str) else "",
        )
    )


def _evidence_order(ev: StatusEvidence) -> tuple[date, str]:
    return (ev.meeting.date or date.min, ev.update.id)


def _join_stubs(data: GraphData, order: Mapping[str, list[Meeting]]) -> ChangeSet:
    """Point back-references at the real meeting of that month once it is in the store."""
    changes = ChangeSet()
    real_by_month: dict[tuple[str, int, int], list[Meeting]] = defaultdict(list)
    for series in order.values():
        for m in series:
            assert m.date is not None
            real_by_month[(m.body, m.date.year, m.date.month)].append(m)
    stubs = sorted(
        (n for n in data.nodes.values() if isinstance(n, Meeting) and n.stub and n.date is not None),
        key=lambda m: m.id,
    )
    for stub in stubs:
        assert stub.date is not None
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
