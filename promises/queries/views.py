"""The JSON contract of DESIGN.md section 6: one serialiser per record type, fixed key order.

Users script against these shapes: keys are only ever added, never renamed or removed; dates
are ISO strings; `null` is kept; lists are always present.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from promises.graph.graphdata import GraphData
from promises.graph.linking import meeting_of
from promises.graph.model import (
    Commitment,
    Document,
    Meeting,
    Operation,
    Organisation,
    Person,
    Place,
    RelType,
    Role,
    Theme,
)
from promises.graph.status import compute_status, updates_of

Json = dict[str, Any]


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def commitment_json(data: GraphData, commitment: Commitment, as_of: date) -> Json:
    """A commitment in the documented shape, its status computed as of `as_of`."""
    meeting = meeting_of(data, commitment.id)
    status, evidence = compute_status(data, commitment, as_of)
    requested = [data.get(e.dst, Person) for e in data.out(commitment.id, RelType.REQUESTED_BY)]
    about = [data.nodes[e.dst] for e in data.out(commitment.id, RelType.ABOUT) if e.dst in data.nodes]
    return {
        "id": commitment.id,
        "kind": commitment.kind.value,
        "text": commitment.text,
        "owner": owner_json(data, commitment),
        "requested_by": next((p.name for p in requested if p is not None), None),
        "due": iso(commitment.due),
        "due_text": commitment.due_text or None,
        "meeting": meeting_ref(meeting, full=True),
        "source": {
            "file": commitment.file,
            "start": commitment.start,
            "end": commitment.end,
            "evidence": list(commitment.evidence),
        },
        "topics": sorted(n.label for n in about if isinstance(n, Theme)),
        "operations": sorted(n.name for n in about if isinstance(n, Operation)),
        "places": sorted(n.name for n in about if isinstance(n, Place)),
        "status": status.value,
        "status_as_of": as_of.isoformat(),
        "status_evidence": (
            {
                "text": evidence.update.text,
                "signal": evidence.update.signal.value,
                "meeting": meeting_ref(evidence.meeting),
            }
            if evidence is not None
            else None
        ),
        "followups": [
            {
                "meeting": meeting_ref(ev.meeting),
                "text": ev.update.text,
                "signal": ev.update.signal.value,
                "confidence": ev.confidence,
                "rule": ev.rule,
                "source": {"file": ev.update.file, "start": ev.update.start, "end": ev.update.end},
            }
            for ev in updates_of(data, commitment.id)
            if ev.meeting.date is not None and ev.meeting.date <= as_of  # a replay shows no future
        ],
        "organisations": sorted(n.name for n in about if isinstance(n, Organisation)),
        "confidence": commitment.confidence,
        "rule": commitment.rule,
    }


def owner_json(data: GraphData, commitment: Commitment) -> Json:
    role_text: str | None = None
    role_title: str | None = None
    for e in data.out(commitment.id, RelType.OWNED_BY):
        node = data.nodes.get(e.dst)
        if isinstance(node, Role):
            role_text, role_title = node.abbrev or node.title, node.title
        elif isinstance(node, Organisation):
            role_text = (
                "Force" if node.kind == "force" else "OPCC" if "commissioner" in node.kind else node.name
            )
            role_title = node.name
    people = [data.get(e.dst, Person) for e in data.out(commitment.id, RelType.HELD_BY)]
    person = next((p.name for p in people if p is not None), None)
    return {
        "role": role_text,
        "role_title": role_title,
        "person": person,
        "as_written": commitment.owner_text or None,
    }


def meeting_ref(meeting: Meeting | None, *, full: bool = False) -> Json | None:
    if meeting is None:
        return None
    ref: Json = {"id": meeting.id, "date": iso(meeting.date)}
    if full:
        ref["title"] = meeting.title or None
        ref["body"] = meeting.body
    return ref


def meeting_json(data: GraphData, meeting: Meeting) -> Json:
    """A meeting in the documented shape."""
    attendees: list[Json] = []
    apologies: list[Json] = []
    for e in data.into(meeting.id, RelType.ATTENDED):
        person = data.get(e.src, Person)
        if person is None:
            continue
        role_id = e.prop("role")
        role = data.get(role_id, Role) if isinstance(role_id, str) else None
        entry = {
            "name": person.name,
            "role": (role.abbrev or None) if role else None,
            "role_title": role.title if role else None,
            "abbrev": e.prop("abbrev") or None,
        }
        (apologies if e.prop("apologies") else attendees).append(entry)
    chair = [data.get(e.src, Person) for e in data.into(meeting.id, RelType.CHAIRED)]
    minuted = [data.get(e.src, Person) for e in data.into(meeting.id, RelType.MINUTED)]
    files = [data.get(e.dst, Document) for e in data.out(meeting.id, RelType.RECORDED_IN)]
    return {
        "id": meeting.id,
        "date": iso(meeting.date),
        "time": meeting.time or None,
        "title": meeting.title or None,
        "topic": meeting.topic or None,
        "venue": meeting.venue or None,
        "body": meeting.body,
        "chair": next((p.name for p in chair if p is not None), None),
        "minutes_by": next((p.name for p in minuted if p is not None), None),
        "attendees": attendees,
        "apologies": apologies,
        "next_meeting": iso(meeting.next_meeting),
        "date_confidence": meeting.date_confidence.value,
        "source": {
            "file": next((d.path for d in files if d is not None), None),
            "files": sorted(d.path for d in files if d is not None),
        },  # fmt: skip
        "date_evidence": meeting.date_evidence or None,
        "commitments": len(data.into(meeting.id, RelType.MADE_AT)),
    }


def person_json(data: GraphData, person: Person) -> Json:
    """A person with the offices they were seen holding, oldest first."""
    tenures = []
    for e in data.out(person.id, RelType.HELD):
        role = data.get(e.dst, Role)
        if role is None:
            continue
        start, end = e.prop("from_date"), e.prop("to_date")
        tenures.append(
            {
                "role": role.abbrev or None,
                "role_title": role.title,
                "organisation": role.organisation or None,
                "from": start.isoformat() if isinstance(start, date) else None,
                "to": end.isoformat() if isinstance(end, date) else None,
                "acting": role.acting,
            }
        )
    tenures.sort(key=lambda t: (t["from"] or "", t["role_title"]))
    return {
        "id": person.id,
        "name": person.name,
        "aliases": list(person.aliases),
        "tenures": tenures,
        "meetings": len(data.out(person.id, RelType.ATTENDED)),
        "commitments_held": len(data.into(person.id, RelType.HELD_BY)),
    }
