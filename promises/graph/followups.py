"""Attach return statements of later meetings to the earlier commitments they speak to.

Terms: a *return statement* is an `Update` node that ingest stored with `AT` its meeting and
no `UPDATES` edge (ingest cannot see other meetings). Here, with the whole graph, each one is
linked to commitments made at earlier meetings of the *same body* within a horizon of N
meetings (order by meeting date, never by ingest order, so a meeting added in the middle of a
series re-links like any other):

- `blanket` ("No outstanding actions, previous actions had been addressed and completed"):
  every action of the body's previous meeting (DESIGN.md section 5).
- `explicit` ("as previously requested", "following the last meeting"): the best-matching
  earlier commitment by topic, owner and words, sharing at least one subject word (or a named
  operation); confidence at least 0.5 when the words agree.
- `implicit` (progress on a theme or operation): candidates sharing a topic (through `ABOUT`),
  an owner role or a subject word, linked only when they share two *subject* words (not
  generic minute words, not the verbs of promising and reporting back) or a named operation;
  a shared theme alone ("training", "performance") is what every agenda item has, and such
  echoes were the false links. Scored by topic, owner and rapidfuzz `token_set_ratio`; links
  below 0.5 are kept so an analyst sees them, and status ignores them.

Candidates come from indexes keyed by (body, topic id), (body, owner role) and (body, content
word) holding meeting positions, so the work per update is bounded by the horizon, not by the
number of commitments.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from promises.graph.graphdata import GraphData
from promises.graph.model import (
    Commitment,
    CommitmentKind,
    Edge,
    Meeting,
    Operation,
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
# Words every minute uses (function words, speech verbs, evaluations, abstract nouns such as
# "impact" or "approach"); sharing them says nothing about which promise is meant.
_GENERIC = frozenset(
    """
    a about above after again all also an and any are as asked at be been being but by can could
    did do does for from had has have he her his how if in into is it its more no not now of on
    or our out over pcc dpcc cc dcc acc t said say says she should so some such than that the their
    them then there these they this those through to under up update updates updated was we were
    what when which while who will with would force forces police meeting meetings previous
    previously last next provide provided further sought assurance reassurance confirmed noted
    highlighted discussed work ongoing progress office team raised chief constable commissioner
    new operation operations op year years month months week weeks day days end
    across against along among around because before behind below between beyond both during
    each either every few however just least less like many may might most much must near
    neither nor off often once only other others own per quite rather same several since still
    too toward towards upon very via whether within without yet one two three first second
    isn't aren't wasn't weren't don't doesn't didn't won't can't couldn't wouldn't it's there's
    added explained outlined stated reported commented advised informed responded reiterated
    acknowledged mentioned want wanted told felt believe believed good better best well great
    positive key significant important particular specific current currently recent recently
    already able likely time times including include includes
    impact impacts effect effects approach issue issues position opportunity opportunities
    challenge challenges way ways level levels number numbers part aspect aspects matter matters
    thing things need needs
    """.split()
)
# Suffixes stripped (twice at most) so the forms of one word meet: "recruitment"/"recruit",
# "vacancies"/"vacancy", "investigations"/"investigated", but "investment" and "procedures"
# stay apart from "investigation" and "process", which a five-letter prefix conflated.
_SUFFIXES = (
    ("mentation", "ment"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", ""),
    ("ment", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ings", ""),
    ("ing", ""),
    ("ed", ""),
    ("ly", ""),
)
_UNDOUBLED = frozenset("bdgkmnprt")  # "deferred" -> "defer", "planned" -> "plan"; not "filled"


def stem(word: str) -> str:
    """A light suffix-stripping stem; both sides of a comparison must go through it."""
    w = word.replace("’", "'").removesuffix("'s").strip("'")
    for _ in range(2):
        for suffix, replacement in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)] + replacement
                if suffix in ("ing", "ings", "ed") and w[-1] == w[-2] and w[-1] in _UNDOUBLED:
                    w = w[:-1]
                break
        else:
            if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
                w = w[:-1]
            break
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


_GENERIC_STEMS = frozenset(stem(w) for w in _GENERIC)  # "wanted" is as generic as "want"

# Verbs of promising and of reporting back. A commitment and its update share them by the very
# nature of the exchange ("will implement" / "has been implemented", "to review" / "the review
# is ongoing"), so they count towards similarity but never as the subject words an implicit
# link needs: two unrelated promises both "implemented" are not one promise.
_ACTIONS = frozenset(
    stem(w)
    for w in """
    implement deliver review report ensure improve develop consider support continue complete
    present share circulate publish receive produce establish explore seek undertake plan agree
    launch roll introduce monitor increase reduce look bring set make take give carry use help
    enable achieve maintain identify address focus outline explain respond reiterate
    """.split()
)


@dataclass(slots=True)
class SeriesIndex:
    """One body's meetings in date order, with candidate indexes over some of their commitments.

    Only the positions a caller asked for are indexed (`commitments` has no key for the
    others), so re-linking the few meetings around a new one does not index the whole series.
    """

    meetings: list[Meeting] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)
    commitments: dict[int, list[Commitment]] = field(default_factory=dict)
    by_topic: dict[str, list[tuple[int, Commitment]]] = field(default_factory=lambda: defaultdict(list))
    by_role: dict[str, list[tuple[int, Commitment]]] = field(default_factory=lambda: defaultdict(list))
    by_word: dict[str, list[tuple[int, Commitment]]] = field(default_factory=lambda: defaultdict(list))
    words: dict[str, set[str]] = field(default_factory=dict)
    topics: dict[str, set[str]] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)

    def made_at(self, position: int) -> list[Commitment]:
        return self.commitments.get(position, [])


def followup_edges(
    data: GraphData,
    horizon: int = DEFAULT_HORIZON,
    *,
    order: Mapping[str, list[Meeting]] | None = None,
    linked: Mapping[str, Iterable[int]] | None = None,
) -> list[Edge]:
    """Every `UPDATES` edge the graph implies, independent of ingest order.

    `linked` (body -> meeting positions) restricts the work to the return statements said at
    those positions; their candidates lie at most `horizon` meetings back, so only that much
    of the series is indexed. `order` is `series_order(data)` when the caller already has it.
    """
    order = series_order(data) if order is None else order
    out: list[Edge] = []
    for body, meetings in order.items():
        wanted = range(len(meetings)) if linked is None else sorted(set(linked.get(body, ())))
        if not wanted:
            continue
        if linked is None:
            needed: Iterable[int] = wanted
        else:
            needed = sorted({at for p in wanted for at in range(max(0, p - horizon), p)})
        series = index_series(data, meetings, needed)
        for position in wanted:
            for at in data.into(meetings[position].id, RelType.AT):
                update = data.get(at.src, Update)
                if update is not None:
                    out.extend(link_update(data, series, update, position, horizon))
    return out


def series_order(data: GraphData) -> dict[str, list[Meeting]]:
    """Per body, real dated meetings oldest first (ties by id): the order every count uses."""
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    for node in data.nodes.values():
        if isinstance(node, Meeting) and not node.stub and node.date is not None:
            by_body[node.body].append(node)
    return {body: sorted(meetings, key=_meeting_order) for body, meetings in by_body.items()}


def series_indexes(data: GraphData) -> dict[str, SeriesIndex]:
    """Per body, meetings oldest first (ties by id) and candidate indexes over all of them."""
    return {
        body: index_series(data, meetings, range(len(meetings)))
        for body, meetings in series_order(data).items()
    }


def index_series(data: GraphData, meetings: list[Meeting], positions: Iterable[int]) -> SeriesIndex:
    """Candidate indexes over the commitments made at `positions` (ascending) of one series."""
    series = SeriesIndex(meetings=meetings, position={m.id: i for i, m in enumerate(meetings)})
    for position in positions:
        made = [
            c for e in data.into(meetings[position].id, RelType.MADE_AT) if (c := data.get(e.src, Commitment))
        ]
        series.commitments[position] = made
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
    return series


def link_update(
    data: GraphData, series: SeriesIndex, update: Update, position: int, horizon: int = DEFAULT_HORIZON
) -> list[Edge]:
    """The `UPDATES` edges of one return statement said at `series.meetings[position]`."""
    if position == 0:
        return []
    if update.scope is UpdateScope.BLANKET:
        return [
            edge(RelType.UPDATES, update, c, confidence=BLANKET_CONFIDENCE, rule="blanket")
            for c in series.made_at(position - 1)
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
    for word in words - _ACTIONS:  # a promise filed under another theme still shares its subject
        _window(series.by_word.get(word, []), first, position, candidates)
    if update.scope is UpdateScope.EXPLICIT:
        for at in range(first, position):
            for c in series.made_at(at):
                candidates.setdefault(c.id, (at, c))
    scored: list[tuple[float, str, Commitment]] = []
    for made_at, commitment in candidates.values():
        shared = topics & series.topics[commitment.id]
        confidence = score(
            update,
            words,
            series.words[commitment.id],
            shared_topic=bool(shared),
            shared_role=bool(set(update.roles) & series.roles[commitment.id]),
            distance=position - made_at,
            shared_operation=any(isinstance(data.nodes.get(t), Operation) for t in shared),
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
    shared_operation: bool = False,
) -> float:
    """How likely the update speaks to the commitment, in [0, 1].

    Words dominate: a shared theme alone ("VAWG", "training") is too common to identify one
    promise, so a link needs *subject* words in common (not the verbs of promising and
    reporting, `_ACTIONS`): two for an implicit echo, one for an explicit reference ("as
    previously requested" says a return is meant, not what it returns to). A shared named
    operation is an identifier and stands in for the words. Overlap counts fully only when at
    least four content words are shared, because `token_set_ratio` is 100 for any subset and
    short promises ("The PCC asked to receive a copy") are subsets of much.
    """
    common = update_words & c_words
    subject = len(common - _ACTIONS)
    similarity = fuzz.token_set_ratio(" ".join(sorted(update_words)), " ".join(sorted(c_words))) / 100
    overlap = similarity * min(1.0, len(common) / 4)
    recency = 1.0 if distance == 1 else 0.5 if distance <= 3 else 0.0
    if update.scope is UpdateScope.EXPLICIT:
        if not shared_operation and (subject < 1 or (not shared_topic and overlap < 0.3)):
            return 0.0  # "as previously requested" alone does not say what was requested
        return min(1.0, 0.3 + 0.5 * overlap + 0.1 * shared_topic + 0.05 * shared_role + 0.05 * recency)
    if not shared_operation and (subject < 2 or (not shared_topic and overlap < 0.6)):
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


def _meeting_order(meeting: Meeting) -> tuple[date, str]:
    return (meeting.date or date.min, meeting.id)


def _content(text: str) -> set[str]:
    """Content words, stemmed so "recruit"/"recruitment" meet (`stem`), generic forms dropped."""
    out = set()
    for word in _WORD.findall(text.casefold()):
        if len(word) > 2 and word not in _GENERIC and (stemmed := stem(word)) not in _GENERIC_STEMS:
            out.add(stemmed)
    return out
