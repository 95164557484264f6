"""The property-graph model of DESIGN.md section 2, one frozen dataclass per node label.

The same classes describe the embedded store, Neo4j, the RDF view and the JSON contract, so
every layer agrees on names and types. Spans are `[start, end)` character offsets into the
original text of `file`, like a Python slice: `text[start:end]` is the quote.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

Day = date  # a field named `date` would shadow the type inside class bodies


class CommitmentKind(StrEnum):
    """How a promise was made (DESIGN.md section 3)."""

    ACTION = "action"
    UNDERTAKING = "undertaking"
    ASSURANCE = "assurance"
    REQUEST = "request"


class Status(StrEnum):
    """What became of a commitment as of a date (DESIGN.md section 5)."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    REPORTED_DONE = "reported_done"
    OVERDUE = "overdue"
    SILENT = "silent"


class Signal(StrEnum):
    """What a later meeting said when it returned to a commitment."""

    DONE = "done"
    PROGRESS = "progress"
    DEFERRED = "deferred"
    MENTIONED = "mentioned"


class UpdateScope(StrEnum):
    """How far a return statement reaches back, which decides how linking attaches it."""

    BLANKET = "blanket"  # "no outstanding actions ... completed": every open action of the previous meeting
    EXPLICIT = "explicit"  # "as previously requested", "update on action 14": one earlier commitment, named
    IMPLICIT = "implicit"  # progress on a theme/operation: attached only by topic, owner and words


class DateConfidence(StrEnum):
    """How the meeting date was established; `unknown` means no date was invented."""

    STATED = "stated"  # day, month and year written in the header
    INFERRED = "inferred"  # year inferred from weekday, next meeting, years in text or tenures
    AMBIGUOUS = "ambiguous"  # several years fit equally; the nearest was taken and a warning given
    OVERRIDDEN = "overridden"  # the user's --year
    MONTH = "month"  # a stub known only by month (a back-reference target)
    UNKNOWN = "unknown"


class RelType(StrEnum):
    """Relationship types; each maps to one rel table in the embedded store."""

    HELD = "HELD"
    OF = "OF"
    ATTENDED = "ATTENDED"
    CHAIRED = "CHAIRED"
    MINUTED = "MINUTED"
    RECORDED_IN = "RECORDED_IN"
    NEXT = "NEXT"
    REFERS_TO = "REFERS_TO"
    MADE_AT = "MADE_AT"
    OWNED_BY = "OWNED_BY"
    HELD_BY = "HELD_BY"
    REQUESTED_BY = "REQUESTED_BY"
    ABOUT = "ABOUT"
    UPDATES = "UPDATES"
    AT = "AT"


@dataclass(frozen=True, slots=True)
class Span:
    """Where a quote sits in its source: `[start, end)` offsets into the original text of `file`."""

    file: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"span start {self.start} must be >= 0 and <= end {self.end}")

    def __str__(self) -> str:
        return f"{self.file}:{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Document:
    """One input file, identified by the SHA-256 of its bytes (a renamed copy is the same document)."""

    LABEL: ClassVar[str] = "Document"
    id: str
    path: str
    format: str
    chars: int
    ingested_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting of one body on one date.

    Notes: `date` is None when no date could be established (never invented); a stub meeting
    known only from a back-reference ("the May 2019 meeting") has `stub=True`, the first day of
    that month as `date` and `date_confidence=month`, and is joined up when the real one arrives.
    """

    LABEL: ClassVar[str] = "Meeting"
    id: str
    date: Day | None
    body: str
    title: str = ""
    topic: str = ""
    time: str = ""
    venue: str = ""
    date_confidence: DateConfidence = DateConfidence.UNKNOWN
    date_evidence: str = ""
    next_meeting: Day | None = None
    stub: bool = False


@dataclass(frozen=True, slots=True)
class Person:
    """A person, one node across meetings however their name was written."""

    LABEL: ClassVar[str] = "Person"
    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    """An office such as "Chief Constable"; `acting` marks the temporary variant ("T/CC").

    A role exists whether or not anyone is known to hold it, so a commitment can be owned by
    the office while its person stays null.
    """

    LABEL: ClassVar[str] = "Role"
    id: str
    title: str
    abbrev: str = ""
    acting: bool = False
    organisation: str = ""


@dataclass(frozen=True, slots=True)
class Organisation:
    """A force, commissioner's office, partner, inspectorate or court."""

    LABEL: ClassVar[str] = "Organisation"
    id: str
    name: str
    kind: str = ""
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Theme:
    """A policing theme from the curated vocabulary (VAWG, ASB, witness care …)."""

    LABEL: ClassVar[str] = "Theme"
    id: str
    label: str
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Operation:
    """A named operation ("Operation Soteria"), with the short forms used in minutes."""

    LABEL: ClassVar[str] = "Operation"
    id: str
    name: str
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A local policing area, county or town."""

    LABEL: ClassVar[str] = "Place"
    id: str
    name: str
    kind: str = ""
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Commitment:
    """A forward-looking promise by an identifiable party (DESIGN.md section 3).

    Notes: `text` is verbatim and `file[start:end]` is that text; `evidence` lists every span
    where the same promise was stated (body and end-of-minutes summary, PDF repeats). `due` is
    None when no deadline was stated. `owner_text`/`requested_by_text` keep the words as written;
    resolution to a Role and Person is done by edges, and a person is linked only when proven.
    """

    LABEL: ClassVar[str] = "Commitment"
    id: str
    kind: CommitmentKind
    text: str
    file: str
    start: int
    end: int
    due: date | None = None
    due_text: str = ""
    status: Status = Status.OPEN
    status_as_of: date | None = None
    owner_text: str = ""
    requested_by_text: str = ""
    confidence: float = 1.0
    evidence: tuple[str, ...] = ()
    rule: str = ""

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"commitment {self.id}: start {self.start} after end {self.end}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"commitment {self.id}: confidence {self.confidence} not in [0, 1]")


@dataclass(frozen=True, slots=True)
class Update:
    """A later meeting returning to a commitment, with the words it used.

    Notes: ingest stores every sentence that reads like a return ("as previously requested",
    "no outstanding actions", progress on a known operation) with `AT` to its meeting and no
    `UPDATES` edge; cross-meeting linking decides which earlier commitments it speaks to, so an
    Update may update none, one, or (a blanket statement) several. `roles` are the office
    abbreviations named in the sentence ("CC", "DCC"), acting prefixes removed; `rule` is the
    wording rule that found it.
    """

    LABEL: ClassVar[str] = "Update"
    id: str
    text: str
    file: str
    start: int
    end: int
    signal: Signal = Signal.MENTIONED
    confidence: float = 1.0
    rule: str = ""
    scope: UpdateScope = UpdateScope.IMPLICIT
    roles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"update {self.id}: start {self.start} after end {self.end}")


Node = Document | Meeting | Person | Role | Organisation | Theme | Operation | Place | Commitment | Update
NODE_TYPES: tuple[type[Node], ...] = (
    Document,
    Meeting,
    Person,
    Role,
    Organisation,
    Theme,
    Operation,
    Place,
    Commitment,
    Update,
)
NODE_BY_LABEL: dict[str, type[Node]] = {cls.LABEL: cls for cls in NODE_TYPES}

PropValue = str | int | float | bool | date | None


@dataclass(frozen=True, slots=True)
class Edge:
    """A typed relationship between two nodes, keyed by (type, src, dst)."""

    type: RelType
    src: str
    src_label: str
    dst: str
    dst_label: str
    props: tuple[tuple[str, PropValue], ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        # `_value_` rather than `.value`: the enum property costs a descriptor call, and keys
        # are computed for every edge of every load
        return (self.type._value_, self.src, self.dst)

    def prop(self, name: str) -> PropValue:
        return dict(self.props).get(name)


def edge(rel: RelType, src: Node, dst: Node, **props: PropValue) -> Edge:
    """Build an edge between two node objects, props sorted so equal edges compare equal."""
    kept = tuple(sorted((k, v) for k, v in props.items() if v is not None))
    return Edge(rel, src.id, src.LABEL, dst.id, dst.LABEL, kept)


# Declared relationship shapes: (type, [(from label, to label)], {prop: python type}).
REL_SCHEMA: tuple[tuple[RelType, tuple[tuple[str, str], ...], dict[str, type]], ...] = (
    (RelType.HELD, (("Person", "Role"),), {"from_date": date, "to_date": date, "acting": bool}),
    (RelType.OF, (("Role", "Organisation"),), {}),
    (RelType.ATTENDED, (("Person", "Meeting"),), {"abbrev": str, "role": str, "apologies": bool}),
    (RelType.CHAIRED, (("Person", "Meeting"),), {}),
    (RelType.MINUTED, (("Person", "Meeting"),), {}),
    (RelType.RECORDED_IN, (("Meeting", "Document"),), {}),
    (RelType.NEXT, (("Meeting", "Meeting"),), {}),
    (RelType.REFERS_TO, (("Meeting", "Meeting"),), {"text": str, "start": int, "end": int}),
    (RelType.MADE_AT, (("Commitment", "Meeting"),), {}),
    (RelType.OWNED_BY, (("Commitment", "Role"), ("Commitment", "Organisation")), {}),
    (RelType.HELD_BY, (("Commitment", "Person"),), {"via": str}),
    (RelType.REQUESTED_BY, (("Commitment", "Person"),), {}),
    (
        RelType.ABOUT,
        (
            ("Commitment", "Theme"),
            ("Commitment", "Operation"),
            ("Commitment", "Place"),
            ("Commitment", "Organisation"),
            ("Meeting", "Theme"),
            ("Meeting", "Operation"),
            ("Update", "Theme"),
            ("Update", "Operation"),
            ("Update", "Place"),
            ("Update", "Organisation"),
        ),
        {},
    ),
    (RelType.UPDATES, (("Update", "Commitment"),), {"confidence": float, "rule": str}),
    (RelType.AT, (("Update", "Meeting"),), {}),
)


def node_props(node: Node) -> dict[str, PropValue | list[str]]:
    """The node's fields as store properties: enums as their values, tuples as lists."""
    out: dict[str, PropValue | list[str]] = {}
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, StrEnum):
            out[f.name] = value.value
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        else:
            out[f.name] = value
    return out


@dataclass(slots=True)
class ChangeSet:
    """Nodes and edges to upsert and to delete, applied by a store in one transaction.

    Plain data, so the plan of an ingest or a re-link can be tested without any store.
    """

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    delete_nodes: dict[str, str] = field(default_factory=dict)  # id -> label
    delete_edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def add(self, *nodes: Node) -> None:
        for node in nodes:
            self.nodes[node.id] = node

    def link(self, rel: RelType, src: Node, dst: Node, **props: PropValue) -> None:
        e = edge(rel, src, dst, **props)
        self.edges[e.key] = e

    def add_edge(self, e: Edge) -> None:
        self.edges[e.key] = e

    def merge(self, other: ChangeSet) -> None:
        self.nodes.update(other.nodes)
        self.edges.update(other.edges)
        self.delete_nodes.update(other.delete_nodes)
        self.delete_edges.update(other.delete_edges)

    def is_empty(self) -> bool:
        return not (self.nodes or self.edges or self.delete_nodes or self.delete_edges)


EXAMPLE_MINIMAL_MEETING = Meeting(id="m-0000000000000001", date=None, body="West Mercia PCC")
EXAMPLE_FILLED_MEETING = Meeting(
    id="m-0000000000000002",
    date=date(2024, 11, 27),
    body="West Mercia PCC",
    title="Holding to Account",
    topic="Quarterly Performance",
    time="10:00",
    venue="West Mercia Police HQ",
    date_confidence=DateConfidence.INFERRED,
    date_evidence="weekday Wednesday matches 27 November 2024",
)
EXAMPLE_FILLED_COMMITMENT = Commitment(
    id="c-0000000000000003",
    kind=CommitmentKind.ACTION,
    text="T/CC to inform the OPCC of the details of the forthcoming Op Presence.",
    file="examples/minutes/004_a5d66add016da715.txt",
    start=0,
    end=71,
    owner_text="T/CC",
)


def node_from_props(cls: type[Node], props: dict[str, object]) -> Node:
    """Rebuild a node from store properties (the inverse of `node_props`)."""
    kwargs: dict[str, object] = {}
    for name, target, default in _field_plan(cls):
        value = props.get(name)
        if value is None:
            if typing.get_origin(target) is tuple:
                value = ()
            elif default is not dataclasses.MISSING:
                value = default
        elif typing.get_origin(target) is tuple and isinstance(value, list | tuple):
            value = tuple(value)
        elif isinstance(target, type) and issubclass(target, StrEnum):
            value = target(str(value))
        kwargs[name] = value
    return cls(**kwargs)  # type: ignore[arg-type]


FieldPlan = tuple[tuple[str, object, object], ...]
_FIELD_PLANS: dict[type, FieldPlan] = {}


def _field_plan(cls: type[Node]) -> FieldPlan:
    """(name, type without None, default) per field, worked out once per class.

    Why cached: resolving the string annotations (`typing.get_type_hints`) for every node was
    85% of loading a store (benchmarks/RESULTS.md).
    """
    plan = _FIELD_PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        fields = []
        for f in dataclasses.fields(cls):
            target = hints[f.name]
            if isinstance(target, types.UnionType):
                target = next(a for a in typing.get_args(target) if a is not type(None))
            fields.append((f.name, target, f.default))
        plan = _FIELD_PLANS[cls] = tuple(fields)
    return plan
