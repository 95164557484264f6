"""Find commitments, meetings and people: the filters behind `list`, `meetings` and `people`.

`--about X` matches any label or alias of a commitment's themes, operations, places and
organisations, case-insensitively ("Op Reset" = "Operation Reset" = "Reset"; "ASB" =
"anti-social behaviour"), and falls back to the commitment's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from promises.graph.errors import QueryError
from promises.graph.graphdata import GraphData
from promises.graph.linking import meeting_of, meetings_in_order
from promises.graph.model import (
    Commitment,
    CommitmentKind,
    Meeting,
    Operation,
    Organisation,
    Person,
    Place,
    RelType,
    Status,
    Theme,
)
from promises.graph.status import compute_status
from promises.queries.views import owner_json

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


@dataclass(frozen=True, slots=True)
class CommitmentFilter:
    """What `promises list` asks for; every field optional."""

    about: str | None = None
    since: date | None = None
    until: date | None = None
    owner: str | None = None
    kind: CommitmentKind | None = None
    status: Status | None = None
    min_confidence: float = 0.0


def parse_day(value: str, *, end: bool = False) -> date:
    """Accept "2020", "2020-06" or "2020-06-30"; a year or month means its first (or last) day.

    >>> parse_day("2020"), parse_day("2023", end=True)
    (datetime.date(2020, 1, 1), datetime.date(2023, 12, 31))
    """
    text = value.strip()
    try:
        if _YEAR.match(text):
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
        if _MONTH.match(text):
            year, month = map(int, text.split("-"))
            if end:
                following = date(year + (month == 12), month % 12 + 1, 1)
                return date.fromordinal(following.toordinal() - 1)
            return date(year, month, 1)
        return date.fromisoformat(text)
    except ValueError as err:
        raise QueryError(f"not a date: {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD") from err


def find_commitments(data: GraphData, flt: CommitmentFilter, as_of: date) -> list[Commitment]:
    """Commitments matching every given filter, oldest meeting first."""
    out: list[tuple[date, int, str, Commitment]] = []
    about = _about_matcher(data, flt.about) if flt.about else None
    for commitment in data.of_type(Commitment):
        meeting = meeting_of(data, commitment.id)
        when = meeting.date if meeting is not None else None
        if flt.since and (when is None or when < flt.since):
            continue
        if flt.until and (when is None or when > flt.until):
            continue
        if flt.kind and commitment.kind is not flt.kind:
            continue
        if commitment.confidence < flt.min_confidence:
            continue
        if about is not None and not about(commitment):
            continue
        if flt.owner and not _owner_matches(data, commitment, flt.owner):
            continue
        if flt.status and compute_status(data, commitment, as_of)[0] is not flt.status:
            continue
        out.append((when or date.min, commitment.start, commitment.id, commitment))
    return [c for *_, c in sorted(out, key=lambda item: item[:3])]


def find_commitment(data: GraphData, key: str) -> list[Commitment]:
    """By id (exact, or a unique prefix), else by words: best matches first."""
    if key in data.nodes and isinstance(data.nodes[key], Commitment):
        return [data.nodes[key]]  # type: ignore[list-item]
    prefixed = [c for c in data.of_type(Commitment) if c.id.startswith(key)] if key.startswith("c-") else []
    if prefixed:
        return prefixed
    from rapidfuzz import fuzz, process

    choices = {c.id: " ".join(c.text.split()) for c in data.of_type(Commitment)}
    ranked = process.extract(key, choices, scorer=fuzz.token_set_ratio, limit=10)
    return [data.nodes[cid] for _, score, cid in ranked if score >= 60]  # type: ignore[misc]


def list_meetings(data: GraphData, since: date | None = None, until: date | None = None) -> list[Meeting]:
    meetings = meetings_in_order(data)
    undated = sorted((m for m in data.of_type(Meeting) if m.date is None and not m.stub), key=lambda m: m.id)
    return [m for m in meetings if (not since or (m.date and m.date >= since)) and
            (not until or (m.date and m.date <= until))] + ([] if since or until else undated)  # fmt: skip


def list_people(data: GraphData, name: str | None = None) -> list[Person]:
    people = sorted(data.of_type(Person), key=lambda p: (p.name.casefold(), p.id))
    if name:
        people = [p for p in people if name.casefold() in p.name.casefold()]
    return people


# -- helpers, in call order ---------------------------------------------------------------------


def _about_matcher(data: GraphData, about: str) -> Callable[[Commitment], bool]:
    wanted = _fold(about)
    topic_ids = set()
    for node in data.nodes.values():
        if isinstance(node, Theme | Operation | Place | Organisation):
            labels = [str(getattr(node, "label", None) or getattr(node, "name", "")), *node.alt_labels]
            if any(_fold(label) == wanted for label in labels):
                topic_ids.add(node.id)

    def matches(commitment: Commitment) -> bool:
        if any(e.dst in topic_ids for e in data.out(commitment.id, RelType.ABOUT)):
            return True
        return wanted in _fold(commitment.text)

    return matches


def _owner_matches(data: GraphData, commitment: Commitment, owner: str) -> bool:
    wanted = _fold(owner)
    view = owner_json(data, commitment)
    fields = [view["role"], view["role_title"], view["person"], view["as_written"]]
    for value in fields:
        if not isinstance(value, str) or not value:
            continue
        folded = _fold(value)
        if folded == wanted or folded.removeprefix("t/") == wanted or (len(wanted) > 3 and wanted in folded):
            return True
    return False


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").casefold().split())
