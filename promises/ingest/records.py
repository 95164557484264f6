"""What ingest finds in one document, before anything is resolved against the store.

These records keep the words as written (`owner_text="the T/CC"`) beside any resolution made
inside the meeting; `plan.py` turns them into graph changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from promises.graph.model import (
    CommitmentKind,
    DateConfidence,
    Day,
    Operation,
    Organisation,
    Place,
    Signal,
    Span,
    Theme,
    UpdateScope,
)


@dataclass(frozen=True, slots=True)
class Attendee:
    """A person listed in the attendance (or apologies) of a meeting.

    `abbrev` is what the minutes use for them later: a role abbreviation ("T/CC") or their
    initials ("NN"); `role_abbrev` is only ever a known office ("CC"), never initials.
    """

    name: str
    role_title: str
    role_abbrev: str
    abbrev: str
    acting: bool
    side: str
    span: Span
    apologies: bool = False

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.name.replace("-", " ").split() if part[:1].isupper())

    @property
    def role_display(self) -> str:
        if self.role_abbrev:
            return f"T/{self.role_abbrev}" if self.acting else self.role_abbrev
        return self.abbrev if self.abbrev and self.abbrev != self.initials else ""


@dataclass(frozen=True, slots=True)
class MeetingDate:
    """A meeting date with how sure we are and why."""

    value: dt.date | None
    confidence: DateConfidence
    evidence: str
    warning: str = ""


@dataclass(frozen=True, slots=True)
class BackReference:
    """ "Action arising from the May 2019 meeting": a pointer to an earlier meeting by month."""

    text: str
    span: Span
    year: int
    month: int


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    """Header facts of one meeting."""

    date: MeetingDate
    time: str
    title: str
    topic: str
    venue: str
    body: str
    chair: str
    minutes_by: str
    attendees: tuple[Attendee, ...]
    next_meeting: Day | None
    next_meeting_text: str
    back_references: tuple[BackReference, ...] = ()


@dataclass(frozen=True, slots=True)
class Party:
    """Who a phrase points at inside one meeting: an attendee, an office, an organisation."""

    text: str  # as written: "the T/CC", "ACC Cooper", "The Force"
    role_abbrev: str = ""  # known office abbreviation ("CC") or "" for organisations/unknown
    acting: bool = False
    role_title: str = ""
    person: str = ""  # full name when resolved inside the meeting, else ""
    organisation: str = ""  # "force", "opcc" or an organisation name when the party is one


@dataclass(frozen=True, slots=True)
class CandidateCommitment:
    """A promise found in the text, with the words as written and the rule that found it."""

    kind: CommitmentKind
    span: Span
    text: str
    owner: Party | None
    requested_by: Party | None
    due: dt.date | None
    due_text: str
    confidence: float
    rule: str
    evidence: tuple[Span, ...] = ()
    topics: tuple[Theme | Operation | Place | Organisation, ...] = ()
    key: str = ""  # normalised text used to merge repeats


@dataclass(frozen=True, slots=True)
class ReturnStatement:
    """A sentence reporting back on earlier business; linking decides what it updates."""

    text: str
    span: Span
    signal: Signal
    scope: UpdateScope
    rule: str
    roles: tuple[str, ...] = ()
    topics: tuple[Theme | Operation | Place | Organisation, ...] = ()
    key: str = ""  # normalised text, for the content-derived id


@dataclass(slots=True)
class DocumentRecord:
    """Everything ingest learnt from one document."""

    path: str
    sha256: str
    format: str
    text: str
    meeting: MeetingInfo
    commitments: list[CandidateCommitment] = field(default_factory=list)
    returns: list[ReturnStatement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
