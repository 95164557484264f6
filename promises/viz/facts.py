"""What the views say about one commitment: the quote, its owner, its meeting and its follow-ups.

The network's side panel and the timeline's rows and table show the same facts, gathered here
once from `GraphData` so the two views cannot disagree. Facts hold plain text: escaping is the
job of whoever writes them into a page.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from promises.graph.errors import NotFoundError
from promises.graph.graphdata import GraphData
from promises.graph.model import (
    Commitment,
    CommitmentKind,
    Meeting,
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
)


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """The meeting a commitment was made at, or a follow-up was heard at."""

    id: str
    date: date | None
    title: str
    body: str

    @property
    def label(self) -> str:
        when = self.date.isoformat() if self.date else "date unknown"
        name = self.title or self.body
        return f"{when} {name}".strip()


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A later meeting returning to the commitment; `meeting` is None when no AT edge is known."""

    id: str
    text: str
    signal: Signal
    meeting: MeetingRef | None

    @property
    def date(self) -> date | None:
        return self.meeting.date if self.meeting else None


@dataclass(frozen=True, slots=True)
class CommitmentFacts:
    """One commitment as the views show it.

    Notes: `owner` is the role (or organisation) as resolved, falling back to the words as
    written in the minutes; `person` is empty unless a HELD_BY edge proves who held the role.
    """

    id: str
    kind: CommitmentKind
    text: str
    status: Status
    due: date | None
    due_text: str
    meeting: MeetingRef | None
    owner: str
    person: str
    requested_by: tuple[str, ...]
    topics: tuple[str, ...]
    followups: tuple[FollowUp, ...]

    @property
    def made(self) -> date | None:
        return self.meeting.date if self.meeting else None

    @property
    def owner_label(self) -> str:
        if self.owner and self.person:
            return f"{self.person}, {self.owner}"
        return self.owner or self.person


STATUS_LABELS: dict[Status, str] = {
    Status.OPEN: "Open",
    Status.IN_PROGRESS: "In progress",
    Status.REPORTED_DONE: "Reported done",
    Status.OVERDUE: "Overdue",
    Status.SILENT: "Silent",
}


def gather_facts(
    data: GraphData,
    commitment_ids: Collection[str],
    status_of: Mapping[str, Status] | None = None,
) -> list[CommitmentFacts]:
    """Facts for each requested commitment, in date order (undated last), then by id.

    Raises NotFoundError for an id that is not a commitment in `data`: a stale id from a saved
    query should be reported, not silently drawn as an empty graph.
    """
    facts = [_facts_of(data, cid, status_of or {}) for cid in dict.fromkeys(commitment_ids)]
    return sorted(facts, key=lambda f: (f.made is None, f.made or date.min, f.id))


def meeting_ref(data: GraphData, meeting_id: str) -> MeetingRef | None:
    meeting = data.get(meeting_id, Meeting)
    if meeting is None:
        return None
    return MeetingRef(meeting.id, meeting.date, meeting.title, meeting.body)


def topic_label(node: object) -> str | None:
    """The display name of an ABOUT target, or None if the node is not a topic."""
    if isinstance(node, Theme):
        return node.label
    if isinstance(node, Operation | Place | Organisation):
        return node.name
    return None


def _facts_of(data: GraphData, commitment_id: str, status_of: Mapping[str, Status]) -> CommitmentFacts:
    commitment = data.get(commitment_id, Commitment)
    if commitment is None:
        raise NotFoundError("commitment", commitment_id)
    made_at = data.out(commitment.id, RelType.MADE_AT)
    meeting = meeting_ref(data, made_at[0].dst) if made_at else None
    return CommitmentFacts(
        id=commitment.id,
        kind=commitment.kind,
        text=commitment.text,
        status=status_of.get(commitment.id, commitment.status),
        due=commitment.due,
        due_text=commitment.due_text,
        meeting=meeting,
        owner=_owner(data, commitment),
        person=", ".join(_person_names(data, commitment.id, RelType.HELD_BY)),
        requested_by=tuple(_person_names(data, commitment.id, RelType.REQUESTED_BY))
        or ((commitment.requested_by_text,) if commitment.requested_by_text else ()),
        topics=tuple(
            label
            for e in data.out(commitment.id, RelType.ABOUT)
            if (label := topic_label(data.nodes.get(e.dst))) is not None
        ),
        followups=_followups(data, commitment.id),
    )


def _owner(data: GraphData, commitment: Commitment) -> str:
    names: list[str] = []
    for e in data.out(commitment.id, RelType.OWNED_BY):
        node = data.nodes.get(e.dst)
        if isinstance(node, Role):
            names.append(f"{node.title} ({node.abbrev})" if node.abbrev else node.title)
        elif isinstance(node, Organisation):
            names.append(node.name)
    return ", ".join(names) or commitment.owner_text


def _person_names(data: GraphData, commitment_id: str, rel: RelType) -> list[str]:
    return [p.name for e in data.out(commitment_id, rel) if (p := data.get(e.dst, Person)) is not None]


def _followups(data: GraphData, commitment_id: str) -> tuple[FollowUp, ...]:
    found: list[FollowUp] = []
    for e in data.into(commitment_id, RelType.UPDATES):
        update = data.get(e.src, Update)
        if update is None:
            continue
        at = data.out(update.id, RelType.AT)
        found.append(
            FollowUp(update.id, update.text, update.signal, meeting_ref(data, at[0].dst) if at else None)
        )
    return tuple(sorted(found, key=lambda f: (f.date is None, f.date or date.min, f.id)))
