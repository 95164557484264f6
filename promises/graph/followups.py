"""Attach return statements of later meetings to the earlier commitments they speak to.

Terms: a *return statement* is an `Update` node that ingest stored with `AT` its meeting and
no `UPDATES` edge (ingest cannot see other meetings). Here, with the whole graph, each one is
linked to commitments made at earlier meetings of the *same body* within a horizon of N
meetings (order by meeting date, never by ingest order, so a meeting added in the middle of a
series re-links like any other):

- `blanket` ("No outstanding actions, previous actions had been addressed and completed"):
  every action of the body's previous meeting (DESIGN.md section 5).
- `explicit` ("as previously requested", "following the last meeting"): the best-matching
  earlier commitment by topic, owner and words; confidence at least 0.5 when the words agree.
- `implicit` (progress on a theme or operation): only candidates sharing a topic (through
  `ABOUT`) or an owner role, scored by topic, owner and rapidfuzz `token_set_ratio`; weak
  links are kept with confidence below 0.5 so an analyst sees them, and status ignores them.

Candidates come from indexes keyed by (body, topic id), (body, owner role) and (body, content
word) holding meeting positions, so the work per update is bounded by the horizon, not by the
number of commitments.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from promises.graph.graphdata import GraphData
from promises.graph.model import (
    Commitment,
    CommitmentKind,
    Edge,
    Meeting,
    Organisation,
    RelType,
    Role,
    Update,
    UpdateScope,
    edge,
)

DEFAULT_HORIZON = 6
MAX_LINKS_PER_UPDATE = 2
MIN_CONFIDENCE = 0.3
BLANKET_CONFIDENCE = 0.9

_WORD = re.compile(r"[a-z][a-z'’]+")
# Words every minute uses; sharing them says nothing about which promise is meant.
_GENERIC = frozenset(
    """
    a about above after again all also an and any are as asked at be been being but by can could
    did do does for from had has have he her his how if in into is it its more no not now of on
    or our out over pcc dpcc cc dcc acc t said say says she should so some such than that the their
    them then there these they this those through to under up update updates updated was we were
    what when which while who will with would force forces police meeting meetings previous
    previously last next provide provided further sought assurance reassurance confirmed noted
    highlighted discussed work ongoing progress office team raised chief constable commissioner
    """.split()
)


@dataclass(slots=True)
class SeriesIndex:
    """One body's meetings in date order with the commitments and updates made at each."""

    meetings: list[Meeting] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)
    commitments: list[list[Commitment]] = field(default_factory=list)
    by_topic: dict[str, list[tuple[int, Commitment]]] = field(default_factory=lambda: defaultdict(list))
    by_role: dict[str, list[tuple[int, Commitment]]] = field(default_factory=lambda: defaultdict(list))
    by_word: dict[str, list[tuple[int, Commitment]]] = field(default_factory=lambda: defaultdict(list))
    words: dict[str, set[str]] = field(default_factory=dict)
    topics: dict[str, set[str]] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)


def followup_edges(data: GraphData, horizon: int = DEFAULT_HORIZON) -> list[Edge]:
    """Every `UPDATES` edge the graph implies, independent of ingest order."""
    out: list[Edge] = []
    for series in series_indexes(data).values():
        for position, meeting in enumerate(series.meetings):
            for at in data.into(meeting.id, RelType.AT):
                update = data.get(at.src, Update)
                if update is not None:
                    out.extend(link_update(data, series, update, position, horizon))
    return out


def series_indexes(data: GraphData) -> dict[str, SeriesIndex]:
    """Per body, meetings oldest first (ties by id) and candidate indexes by topic and role."""
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    for node in data.nodes.values():
        if isinstance(node, Meeting) and not node.stub and node.date is not None:
            by_body[node.body].append(node)
    out: dict[str, SeriesIndex] = {}
    for body, meetings in by_body.items():
        series = SeriesIndex()
        series.meetings = sorted(meetings, key=lambda m: (m.date, m.id))
        for position, meeting in enumerate(series.meetings):
            series.position[meeting.id] = position
            made = [c for e in data.into(meeting.id, RelType.MADE_AT) if (c := data.get(e.src, Commitment))]
            series.commitments.append(made)
            for commitment in made:
                series.topics[commitment.id] = {e.dst for e in data.out(commitment.id, RelType.ABOUT)}
                series.roles[commitment.id] = set(owner_roles(data, commitment))
                series.words[commitment.id] = _content(commitment.text)
                for topic in series.topics[commitment.id]:
                    series.by_topic[topic].append((position, commitment))
                for role in series.roles[commitment.id]:
                    series.by_role[role].append((position, commitment))
                for word in series.words[commitment.id]:
                    series.by_word[word].append((position, commitment))
        out[body] = series
    return out


def link_update(
    data: GraphData, series: SeriesIndex, update: Update, position: int, horizon: int = DEFAULT_HORIZON
) -> list[Edge]:
    """The `UPDATES` edges of one return statement said at `series.meetings[position]`."""
    if position == 0:
        return []
    if update.scope is UpdateScope.BLANKET:
        return [
            edge(RelType.UPDATES, update, c, confidence=BLANKET_CONFIDENCE, rule="blanket")
            for c in series.commitments[position - 1]
            if c.kind is CommitmentKind.ACTION
        ]
    first = max(0, position - horizon)
    topics = {e.dst for e in data.out(update.id, RelType.ABOUT)}
    candidates: dict[str, tuple[int, Commitment]] = {}
    for key in topics:
        _window(series.by_topic.get(key, []), first, position, candidates)
    for role in update.roles:
        _window(series.by_role.get(role, []), first, position, candidates)
    words = _content(update.text)
    if not topics:  # a subject-less deferral or completion can only be found by its words
        for word in words:
            _window(series.by_word.get(word, []), first, position, candidates)
    if update.scope is UpdateScope.EXPLICIT:
        for at in range(first, position):
            for c in series.commitments[at]:
                candidates.setdefault(c.id, (at, c))
    scored: list[tuple[float, str, Commitment]] = []
    for made_at, commitment in candidates.values():
        confidence = score(
            update,
            words,
            series.words[commitment.id],
            shared_topic=bool(topics & series.topics[commitment.id]),
            shared_role=bool(set(update.roles) & series.roles[commitment.id]),
            distance=position - made_at,
        )
        if confidence >= MIN_CONFIDENCE:
            scored.append((confidence, commitment.id, commitment))
    scored.sort(key=lambda item: (-item[0], item[1]))
    rule = "explicit" if update.scope is UpdateScope.EXPLICIT else "implicit"
    return [
        edge(RelType.UPDATES, update, c, confidence=round(conf, 3), rule=rule)
        for conf, _, c in scored[:MAX_LINKS_PER_UPDATE]
    ]


def score(
    update: Update,
    update_words: set[str],
    c_words: set[str],
    *,
    shared_topic: bool,
    shared_role: bool,
    distance: int,
) -> float:
    """How likely the update speaks to the commitment, in [0, 1].

    Words dominate: a shared theme alone ("VAWG") is too common to identify one promise, so a
    topic-only implicit match stays below 0.5 (kept, but never moves a status). Overlap counts
    only when at least four content words are shared, because `token_set_ratio` is 100 for
    any subset and short promises ("The PCC asked to receive a copy") are subsets of much.
    """
    shared = len(update_words & c_words)
    similarity = fuzz.token_set_ratio(" ".join(sorted(update_words)), " ".join(sorted(c_words))) / 100
    overlap = similarity * min(1.0, shared / 4)
    recency = 1.0 if distance == 1 else 0.5 if distance <= 3 else 0.0
    if update.scope is UpdateScope.EXPLICIT:
        if not shared_topic and overlap < 0.3:
            return 0.0  # "as previously requested" alone does not say what was requested
        return min(1.0, 0.3 + 0.5 * overlap + 0.1 * shared_topic + 0.05 * shared_role + 0.05 * recency)
    if not shared_topic and overlap < 0.6:
        return 0.0
    return min(1.0, 0.2 * shared_topic + 0.1 * shared_role + 0.6 * overlap + 0.1 * recency)


def owner_roles(data: GraphData, commitment: Commitment) -> list[str]:
    """Owner offices as bare abbreviations ("T/CC" -> "CC"), or the owning organisation's id."""
    out = []
    for e in data.out(commitment.id, RelType.OWNED_BY):
        node = data.nodes.get(e.dst)
        if isinstance(node, Role):
            out.append((node.abbrev or node.title).removeprefix("T/").removeprefix("Temporary "))
        elif isinstance(node, Organisation):
            out.append(node.id)
    return out


# -- helpers, in call order ---------------------------------------------------------------------


def _window(
    entries: list[tuple[int, Commitment]], first: int, stop: int, into: dict[str, tuple[int, Commitment]]
) -> None:
    """Add entries made at positions [first, stop); entries are in position order."""
    start = bisect_left(entries, first, key=lambda item: item[0])
    for made_at, commitment in entries[start:]:
        if made_at >= stop:
            break
        into.setdefault(commitment.id, (made_at, commitment))


def _content(text: str) -> set[str]:
    """Content words, crudely stemmed to five letters so "recruit"/"recruitment" meet."""
    return {w[:5] for w in _WORD.findall(text.casefold()) if w not in _GENERIC and len(w) > 2}
