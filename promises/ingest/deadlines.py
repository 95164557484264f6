"""Find the deadline stated in one sentence of minutes and normalise it to a date.

A commitment is only checkable as overdue if we know the last day on which it is still on
time. Minutes state that day in many loose forms ("by the 31st of Mar 25", "at the Q3
Performance A&A meeting", "within 6 - 12 months", "in the New Year"), almost always relative
to the meeting, so every rule here resolves against the meeting date and never reads a clock.

Terms used below:

- *target*: the time words themselves ("the 30th of Sept", "Q3", "six months").
- *cue*: the word that introduces a target ("by", "within", "at the ... meeting"). A target
  without a cue is description, not a promise: "published ... on the 10th of October",
  "scheduled between September 2022 - February 2023", "funding until October 22".
- *strong cue* ("by", "before", "no later than", "within", "deadline", "due"): marks a
  deadline on its own, unless the clause before it is plainly past ("had been completed by").
- *weak cue* ("in", "during", "over", "at", "on", "for"; "from" before a date): the same
  words narrate the past ("met for the first time in November"), so they count only when the
  clause before them looks forward (a modal, "going to", "to be", an action line "X to
  provide ...").
- *revision cue* ("revised to", "extended to", "deferred to", "now due", "Revised due date:"):
  a strong cue whose date replaces any other in the sentence, as action logs record slippage.
- *due*: the **latest** day the words allow. A promise is overdue only once the latest stated
  time has passed, so ranges take their upper bound ("6 - 12 months" -> 12), months and
  seasons their last day, and a date already past at the meeting is not a deadline at all.

Seasons are UK meteorological (spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter
Dec-Feb); quarters follow the UK financial year (Q1 Apr-Jun ... Q4 Jan-Mar).

>>> find_deadline("The framework should be live by the end of Jan 2025.", date(2024, 11, 27))
Deadline(due=datetime.date(2025, 1, 31), due_text='by the end of Jan 2025', start=29, end=51, rule='month')
>>> find_deadline("The PCC originally raised this issue in September.", date(2022, 3, 29)) is None
True
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

# dateutil's relativedelta does calendar arithmetic that timedelta cannot: "+6 months" and
# "day=31" clamp to the real month end (31 Aug + 6 months = 28/29 Feb). We deliberately do
# not use dateutil.parser: it fills a missing day or month from today's date, which would
# invent a precise deadline out of a lone year or number.
from dateutil.relativedelta import relativedelta

__all__ = ["Deadline", "find_deadline", "financial_quarter_end"]


# --- vocabulary -------------------------------------------------------------------------

_MONTH_NUMBERS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip


# Written as a small trie rather than one branch per spelling: this pattern is tried at every
# word of every candidate sentence, and Python's re does not factor alternations itself.
# "may" is far more often the modal verb, so only the capitalised word is a month.
_MONTH = (
    r"\b(?P<mon>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|(?-i:May)"
    r"|june?|july?|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?"
    r"|dec(?:ember|\.)?)(?!\w)"
)

_NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
    "twenty-four": 24,
}  # fmt: skip
_NUM = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen"
    r"|twenty[\s-]four)\b"
)

_QUARTER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
    "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
_QUARTER = (
    r"(?:\bQ(?P<q>[1-4])\b|\bquarter\s+(?P<qw>one|two|three|four|[1-4])\b"
    r"|\b(?P<qo>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter\b)"
)
# A year or a financial year written after a quarter or alone: "2025", "2024/25", "24/25".
_YEARISH = r"(?:(?P<y>(?:19|20)\d\d)(?:\s*/\s*(?P<yb>\d\d(?:\d\d)?))?|(?P<s1>\d\d)/(?P<s2>\d\d))"

# The month each UK meteorological season ends in.
_SEASON_END_MONTH: dict[str, int] = {"spring": 5, "summer": 8, "autumn": 11, "winter": 2}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# --- cues and context -------------------------------------------------------------------

_STRONG = frozenset(
    {"by", "before", "no later than", "not later than", "prior to", "deadline", "due", "revised"}
)
_WEAK = frozenset({"in", "during", "over", "at", "on", "for"})
# "from April": the day something starts, so the month (or day) is the latest it may begin. Only
# dates take it; "data from Q2" and "from 2019" are nearly always a source or a baseline.
_DATE_WEAK = _WEAK | {"from", "week of"}
_DURATION_STRONG = frozenset({"within", "in", "by"})
_DURATION_WEAK = frozenset({"over", "during"})
_PERIOD_STRONG = _STRONG | {"later", "within"}
_MEETING_STRONG = frozenset({"to", "for", "by", "before", "until"})

# Cheap pre-checks. A deadline needs a digit or one of the gate words below, and each family of
# rules runs only when its own gate words occur. Testing a set of words costs a fraction of one
# case-insensitive regex alternation scan, and most sentences of minutes fail every gate.
_MONTH_GATE = frozenset(_MONTH_NUMBERS)
_MEETING_GATE = frozenset(
    f"{word}{plural}"
    for word in ("meeting", "hta", "board", "session", "panel", "committee")
    for plural in ("", "s")
)
_QUARTER_GATE = frozenset({"quarter", "q1", "q2", "q3", "q4"})
_PERIOD_GATE = frozenset({"week", "month", "quarter", "year"})
_LENGTH_GATE = frozenset(
    f"{unit}{plural}" for unit in ("day", "week", "fortnight", "month", "year") for plural in ("", "s")
)
_VAGUE_GATE = frozenset({"days", "weeks", "months"})
_SEASON_GATE = frozenset(_SEASON_END_MONTH)
_FESTIVE_GATE = frozenset({"christmas", "xmas", "year"})
_HINT_WORDS = (
    frozenset(_WEEKDAYS) | _MONTH_GATE | _QUARTER_GATE | _LENGTH_GATE | _SEASON_GATE | _FESTIVE_GATE
    | {"next", "coming", "following", "forthcoming", "subsequent", "upcoming"}
)  # fmt: skip
_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"[a-z][a-z0-9]*")

# Verbs that move a deadline. The date after them replaces any stated before it, so they rank
# first; "now due" and a "Revised due date:" column do the same.
_REVISED_VERB = (
    r"(?:revised|extended|moved|deferred|postponed|rescheduled|slipped|put\s+back|pushed\s+back"
    r"|brought\s+forward)"
)
_REVISED_BEFORE = re.compile(
    r"(?:\b" + _REVISED_VERB + r"|\bnow|\b(?:revised|new)(?:\s+(?:deadline|target\s+date|due\s+date|date))?)"
    r"[\s:]*\Z",
    re.IGNORECASE,
)
_CUE_REVISED = re.compile(_REVISED_VERB + r"\s|(?:revised|new)\b", re.IGNORECASE)
_LOOKS_BACK = re.compile(r"\b(?:so\s+far|earlier|to\s+date|already|previously)\s*\Z", re.IGNORECASE)
# "from April to June" is a span; its start is not a deadline.
_RANGE_AFTER = re.compile(r"\s*(?:to|until|till|through|-|–|—)\s", re.IGNORECASE)

# The cue is read backwards from the start of a target: "by the end of |Jan 2025".
_CUE_BEFORE = re.compile(
    r"(?<![\w'’])(?P<cue>no\s+later\s+than|not\s+later\s+than|prior\s+to|by|before|within|later"
    # Action logs carry a changed date after the first one: "by 21/11/2022 revised to 30/09/2023".
    r"|(?P<rev>" + _REVISED_VERB + r"\s+(?:to|until|till)"
    r"|(?:revised|new)(?:\s+(?:deadline|target\s+date|due\s+date|date))?(?=\s*:)"
    r"|(?:revised|new)\s+(?:deadline|target\s+date|due\s+date|date)(?:\s+(?:of|is))?)"
    r"|(?:deadline|target\s+date|due\s+date)(?:\s+(?:of|is|for))?|due(?:\s+(?:by|on|in|at|for|before))?"
    r"|in|during|over|at|on|for|from"
    # "in the week commencing 11 December", "w/c 11/12/23": any day up to that week's Sunday
    r"|(?P<week>week\s+(?:commencing|beginning|starting)(?:\s+on)?|w/[cb]|w\.[cb]\.))"
    # Action tables write "Due: 25.03.22"; a weekday may precede the date ("by Friday 31 March").
    # "for the rest of the financial year" lasts until the period's end, like "the end of".
    r"(?:\s*:\s*|\s+)(?P<the>the\s+)?"
    r"(?:(?:very\s+)?(?P<edge>end|close|start|beginning|rest|remainder|balance)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+"
    r"(?:the\s+)?)?\Z",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<next>next)\s+)?(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"(?!,?\s+(?:the\s+)?\d)",  # "Monday 20th January" is a date, found by the date rules
    re.IGNORECASE,
)
_DEADLINE_AFTER = re.compile(r"\s+deadline\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;!?]|\.\s")

# Words that make the clause before a weak cue forward-looking.
_FUTURE = re.compile(
    r"\b(?:will|shall|would|should|could|can|(?-i:may)|might|going\s+to|to\s+be|due"
    r"|plan(?:s|ned)?|aim(?:s|ed)?|intend(?:s|ed)?|expect(?:s|ed)?|hope(?:s|d)?"
    r"|anticipate[sd]?|commit(?:s|ted)?|agreed\s+to|scheduled|asked|requested|sought|action"
    r"|on\s+track|wo\s*n['’]t)\b|['’]ll\b",
    re.IGNORECASE,
)
# Words that make it narrative: the last of these or _FUTURE before the cue decides.
_PAST = re.compile(
    r"\b(?:was|were|had|hadn['’]t|has\s+been|have\s+been|did|already|previously|originally|ago)\b",
    re.IGNORECASE,
)
# Past markers strong enough to override even "by": "had been completed by March".
_PAST_PERFECT = re.compile(
    r"\b(?:had|hadn['’]t|has\s+been|have\s+been|already|previously|originally|ago)\b",
    re.IGNORECASE,
)
# An action line "[ACTION:] <owner of up to five words> to <verb>" is forward by definition.
_ACTION_LINE = re.compile(
    r"^\W*(?:action\W+)?(?:[\w/&.'’()-]+\s+){0,4}?(?P<last>[\w/&.'’()-]+)\s+to\s+(?!the\b|an?\b)[a-z]+\b",
    re.IGNORECASE,
)

# --- targets ----------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(
    r"(?<![\w./])(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)"
    r"(?![\w%]|[./]\d)"
)
# "by 23/02": day and month, no year; a slash only ("2.14" is a room or a figure)
_NUMERIC_DAY_MONTH = re.compile(r"(?<![\w./])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![\w%]|[./]\d)")
_DAY_MONTH = re.compile(
    r"(?<![\w.])(?P<d>[0-3]?\d)\s?(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
    + r"(?:,?\s+(?:(?P<y4>(?:19|20)\d\d)(?!\d)|['’]?(?P<y2>\d\d)(?![\d:]|\.\d)['’]?))?",
    re.IGNORECASE,
)  # fmt: skip
_MONTH_DAY = re.compile(
    _MONTH + r"\s+(?P<d>[0-3]?\d)(?:\s?(?:st|nd|rd|th)\b(?:,?\s+(?P<y4>(?:19|20)\d\d)\b)?"
    r"|,\s+(?P<y4b>(?:19|20)\d\d)\b)",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    _MONTH + r"(?:\s+(?P<y4>(?:19|20)\d\d)(?![\d/])|\s*['’](?P<y2a>\d\d)\b"
    r"|\s+(?P<y2>\d\d)(?P<apos>['’](?!\w))?(?!\d|\s?(?:st|nd|rd|th)\b|:|\.\d))?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\w/.£$-])" + _YEARISH + r"(?![\w/%]|[.,]\d)")
_QUARTER_TARGET = re.compile(_QUARTER + r"(?:\s+(?:of\s+)?" + _YEARISH + r"\b)?", re.IGNORECASE)
_PERIOD = re.compile(
    r"\b(?:(?P<rel>this|next|current|following|coming)\s+)?"
    r"(?P<unit>(?:financial|calendar)\s+year|month|quarter|week|year)\b(?P<end>[\s-]end\b)?",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b(?:(?P<next>next|coming|following)\s+)?(?P<n1>" + _NUM + r")"
    r"(?:\s*(?:-|–|—|to|or)\s*(?P<n2>" + _NUM + r"))?"
    r"\s+(?P<unit>day|week|fortnight|month|year)s?(?:['’]s?)?(?:\s+time\b)?",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:(?P<next>next|coming|following)\s+(?:few\s+|several\s+|couple\s+of\s+)?"
    r"|(?:a\s+)?(?:few|several|couple\s+of)\s+)(?:days|weeks|months)\b",
    re.IGNORECASE,
)
_SEASON = re.compile(
    r"\b(?:(?:early|late|mid)[\s-]+)?(?P<season>spring|summer|autumn|winter)"
    r"(?:\s+(?:(?P<y4>(?:19|20)\d\d)|['’](?P<y2>\d\d))\b)?\b",
    re.IGNORECASE,
)
_FESTIVE = re.compile(
    r"\b(?:(?P<xmas>christmas|xmas)(?:\s+(?P<period>period|holidays?|break))?"
    r"|(?P<newyear>new\s+year)(?!['’]s?\s+(?:eve|day|honours)))\b",
    re.IGNORECASE,
)
# "at the Q3 Performance A&A meeting", "to the November meeting", "at the next HTA". The words
# between the article and "meeting" may not be cue words, so one match cannot swallow a
# second cue ("to the PCC at the next meeting").
_MEETING = re.compile(
    r"\b(?P<cue>at|to|for|in|by|before|until)\s+(?:(?P<art>the|a|an)\s+)?"
    r"(?P<desc>(?:(?:holding\s+to\s+account|(?!(?:at|to|for|in|by|before|until|the|an?|of|and|on|with)\s)"
    r"[\w&/'’.()-]+)\s+){0,6}?)"
    r"(?P<kind>meeting|hta|board|session|panel|committee)s?\b",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\b(?:next|following|forthcoming|subsequent|upcoming)\b", re.IGNORECASE)
_MONTH_IN_DESC = re.compile(_MONTH + r"(?:\s+(?P<y4>(?:19|20)\d\d))?", re.IGNORECASE)
_QUARTER_IN_DESC = re.compile(_QUARTER, re.IGNORECASE)


# --- public API -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline found in one sentence.

    `start`/`end` are offsets into the sentence passed to `find_deadline`, start inclusive and
    end exclusive like a slice, so `sentence[start:end] == due_text`. `due` is None when the
    words name a time but not a checkable day ("at the next meeting" with no known next
    meeting, "over the coming weeks", a month without a year and no meeting date).
    """

    due: date | None
    due_text: str
    start: int
    end: int
    rule: str


def financial_quarter_end(q: int, on_or_after: date) -> date:
    """Last day of the first UK financial quarter `q` (1-4) that ends on or after a date.

    A quarter already over at `on_or_after` means next year's: Q2 said in November is the
    coming July-September, because nobody promises to do something in the past.

    >>> financial_quarter_end(3, date(2024, 11, 27)), financial_quarter_end(4, date(2024, 11, 27))
    (datetime.date(2024, 12, 31), datetime.date(2025, 3, 31))
    """
    if q not in (1, 2, 3, 4):
        raise ValueError(f"financial quarter must be 1-4, not {q}")
    end_month = (3 * q + 3) % 12 or 12  # Q1 -> 6, Q2 -> 9, Q3 -> 12, Q4 -> 3
    end = _month_end(on_or_after.year, end_month)
    return end if end >= on_or_after else _month_end(on_or_after.year + 1, end_month)


def find_deadline(
    sentence: str, meeting_date: date | None, next_meeting: date | None = None
) -> Deadline | None:
    """The deadline stated in one sentence of minutes, or None when there is none.

    When several time phrases qualify, the first one in the sentence wins (the longest if two
    start together), since minutes put the deadline next to the verb it limits. Two kinds of
    phrase break that order: a revised date ("by 21/11/2022 revised to 30/09/2023") beats the
    dates it replaces, and a "for <month>" loses to a meeting named in the same sentence,
    because "figures for December to the January meeting" names the subject, then the day.
    With no `meeting_date` only phrases carrying their own year resolve; the rest keep their
    words with `due=None`.
    """
    words = frozenset(_LOWER_WORD.findall(sentence.lower()))
    has_digit = _DIGIT.search(sentence) is not None
    if not has_digit and _HINT_WORDS.isdisjoint(words):
        return None
    ctx = _Context(sentence, meeting_date, next_meeting)
    found: list[Deadline] = []
    for gate, needs_digit, family in _FAMILIES:
        if (needs_digit and not has_digit) or (gate is not None and gate.isdisjoint(words)):
            continue
        for match in family(ctx):
            if meeting_date is not None and match.due is not None and match.due < meeting_date:
                continue  # a date already past at the meeting is history, not a promise
            found.append(match)
    if len(found) <= 1:
        return found[0] if found else None
    meeting_named = any(d.rule in _MEETING_RULES for d in found)
    return min(found, key=lambda d: _rank(sentence, d, meeting_named, len(found)))


# --- machinery --------------------------------------------------------------------------

_FOR_SPAN = re.compile(r"for\s+the\s+(?:rest|remainder|balance)\b", re.IGNORECASE)
_MEETING_RULES = frozenset({"next_meeting", "quarter_meeting", "month_meeting"})


def _rank(sentence: str, d: Deadline, meeting_named: bool, competing: int = 1) -> tuple[bool, bool, int, int]:
    """Sort key of competing deadlines in one sentence: smallest wins (see `find_deadline`)."""
    revised = _REVISED_BEFORE.search(sentence, max(0, d.start - 40), d.start) is not None or (
        _CUE_REVISED.match(d.due_text) is not None
    )
    # "figures for December to the January meeting", "a savings plan for 2026/27 … in the autumn":
    # "for <period>" names the subject when another time phrase says when
    subject_month = (
        d.rule not in _MEETING_RULES
        and d.due_text[:4].lower() == "for "
        and not _FOR_SPAN.match(d.due_text)
        and (meeting_named or competing > 1)
    )
    return (not revised, subject_month, d.start, -d.end)


@dataclass(frozen=True, slots=True)
class _Context:
    sentence: str
    meeting: date | None
    next_meeting: date | None


@dataclass(frozen=True, slots=True)
class _Cue:
    word: str  # normalised: lower case, single spaces, "deadline of" -> "deadline"
    start: int
    edge: str | None  # "end" or "start" when the words were "the end/start of"
    article: bool = False  # "the" right after the cue: "in the 12 months" is a past span


def _find_cue(sentence: str, target_start: int) -> _Cue | None:
    window_start = max(0, target_start - 60)
    m = _CUE_BEFORE.search(sentence, window_start, target_start)
    if m is None:
        return None
    word = " ".join(m["cue"].lower().split())
    if m["rev"] is not None:
        word = "revised"
    elif m["week"] is not None:
        word = "week of"
    elif word.startswith(("deadline", "target date", "due date")):
        word = "deadline"
    elif word.startswith("due"):
        word = "due"
    edge = m["edge"]
    norm_edge = None if edge is None else ("start" if edge.lower() in {"start", "beginning"} else "end")
    return _Cue(word, m.start(), norm_edge, m["the"] is not None and norm_edge is None)


def _week_of(day: date | None, cue: _Cue | None) -> date | None:
    """The Sunday ending the week that "week commencing <day>" names."""
    if day is None or cue is None or cue.word != "week of":
        return day
    return day + timedelta(days=6 - day.weekday())


def _bounds_future(sentence: str, start: int) -> bool:
    """Whether a bare "this year" at `start` limits a forward-looking clause, not "so far this
    year" or "earlier this year", which look back."""
    clause = _clause_before(sentence, start)
    return _looks_forward(clause) and not _LOOKS_BACK.search(clause)


def _before(cue: _Cue | None) -> bool:
    """ "before April", "prior to the summer": by the last day before the period begins.

    Only for periods: "before the 30th of Sept deadline" names the deadline day itself, and
    "before the end of March" is the end of March.
    """
    return cue is not None and cue.word in ("before", "prior to") and cue.edge is None


def _clause_before(sentence: str, pos: int) -> str:
    """Text of the sentence before `pos`, from the last clause break (not commas: action lines
    put the owner before a colon or comma and the verb after it)."""
    start = 0
    for brk in _CLAUSE_BREAK.finditer(sentence, 0, pos):
        start = brk.end()
    return sentence[start:pos]


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    last = -1
    for m in pattern.finditer(text):
        last = m.end()
    return last


def _future_end(clause: str) -> int:
    last = _last_end(_FUTURE, clause)
    action = _ACTION_LINE.match(clause)
    if action is not None and not action["last"].lower().endswith("ed"):
        last = max(last, action.end())
    return last


def _looks_forward(clause: str) -> bool:
    return _future_end(clause) > _last_end(_PAST, clause)


def _plainly_past(clause: str) -> bool:
    return _last_end(_PAST_PERFECT, clause) > _future_end(clause)


def _accept(
    ctx: _Context,
    m: re.Match[str],
    due: date | None,
    rule: str,
    *,
    strong: frozenset[str] = _STRONG,
    weak: frozenset[str] = _WEAK,
    forward: bool = False,
    cue: _Cue | None = None,
) -> Deadline | None:
    """Turn a target match into a Deadline if its cue and context make it a deadline.

    `forward` targets ("next month", "the next meeting") are future by their own words, so
    they need no cue and accept a weak one without looking at the clause.
    """
    s = ctx.sentence
    end = m.end()
    after = _DEADLINE_AFTER.match(s, end)
    if after is not None:
        end = after.end()
    if cue is not None and cue.word not in strong and cue.word not in weak:
        cue = None
    if cue is None:
        if not (forward or after is not None):
            return None
        start = m.start()
    else:
        clause = _clause_before(s, cue.start)
        if cue.word in strong or after is not None:
            if _plainly_past(clause) and not forward:
                return None
        elif not forward and not _looks_forward(clause):
            return None
        start = cue.start
    return Deadline(due, s[start:end], start, end, rule)


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])  # relativedelta(day=31) clamps to the same day


def _on_or_after(make: Callable[[int], date | None], meeting: date | None) -> date | None:
    """The first date `make(year)` on or after the meeting, trying this year then the next few
    (a few, not one, so 29 February without a year still lands in a leap year)."""
    if meeting is None:
        return None
    for year in range(meeting.year, meeting.year + 9):
        candidate = make(year)
        if candidate is not None and candidate >= meeting:
            return candidate
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_day_month(day: int, month: int, meeting: date | None) -> date | None:
    """A day and month without a year: their next occurrence on or after the meeting."""
    return _on_or_after(lambda year: _safe_date(year, month, day), meeting)


def _length(unit: str, amount: int) -> relativedelta:
    if unit == "day":
        return relativedelta(days=amount)
    if unit == "week":
        return relativedelta(weeks=amount)
    if unit == "month":
        return relativedelta(months=amount)
    return relativedelta(years=amount)


def _two_digit_year(text: str) -> int:
    return 2000 + int(text)


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.lower().rstrip(".")]


def _fy_end_year(m: re.Match[str]) -> tuple[int, bool] | None:
    """(calendar year, is_financial_year) from a `_YEARISH` match, or None if it is not one.

    "2024/25" and "24/25" name the financial year ending in March 2025; they count only when
    the second year follows the first, so "21/11" is not read as a year.
    """
    if m["y"] is not None:
        y = int(m["y"])
        if m["yb"] is None:
            return y, False
        second = int(m["yb"])
        if second in (y + 1, (y + 1) % 100):
            return y + 1, True
        return None
    if m["s1"] is not None:
        first, second = int(m["s1"]), int(m["s2"])
        if second == (first + 1) % 100:
            return 2000 + second, True
    return None


# --- families: each yields the deadlines its kind of target produces in the sentence ------


def _numeric_dates(ctx: _Context) -> list[Deadline]:
    out = []
    for m in _NUMERIC_DATE.finditer(ctx.sentence):
        y = m["y"]
        year = int(y) if len(y) == 4 else _two_digit_year(y)
        due = _safe_date(year, int(m["m"]), int(m["d"]))
        if due is None:
            continue
        cue = _find_cue(ctx.sentence, m.start())
        if not _may_start_from(ctx, m, cue, int(m["m"]), year_given=True):
            continue
        due = _week_of(due, cue)
        hit = _accept(ctx, m, due, "explicit_date", weak=_DATE_WEAK, cue=cue)
        if hit is not None:
            out.append(hit)
    return out


def _numeric_days(ctx: _Context) -> list[Deadline]:
    """ "circulate by 23/02": the next such day on or after the meeting, behind a strong cue only.

    Without a year and without a cue such pairs are as often references ("01/24", an action
    number) or ratios as dates, so only "by", "before", "due" and their kin make one a deadline.
    """
    if ctx.meeting is None:
        return []
    out = []
    for m in _NUMERIC_DAY_MONTH.finditer(ctx.sentence):
        cue = _find_cue(ctx.sentence, m.start())
        if cue is None or cue.word not in _STRONG:
            continue
        due = _safe_date(ctx.meeting.year, int(m["m"]), int(m["d"]))
        if due is not None and due < ctx.meeting:
            due = _safe_date(ctx.meeting.year + 1, int(m["m"]), int(m["d"]))
        if due is None:
            continue
        hit = _accept(ctx, m, due, "explicit_date", cue=cue)
        if hit is not None:
            out.append(hit)
    return out


def _may_start_from(
    ctx: _Context, m: re.Match[str], cue: _Cue | None, month: int, *, year_given: bool
) -> bool:
    """Whether a "from" cue may introduce this date as the day something starts.

    "from April to June" is a span, not a start. Without a year, "from April" is a start only
    when the coming April is nearer than the last one (within six months of the meeting):
    in June, "the data from April" is the April just gone, which was never a deadline.
    """
    if cue is None or cue.word != "from":
        return True
    if _RANGE_AFTER.match(ctx.sentence, m.end()):
        return False
    return year_given or ctx.meeting is None or (month - ctx.meeting.month) % 12 <= 6


def _day_months(ctx: _Context) -> list[Deadline]:
    out = []
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(ctx.sentence):
            day, month = int(m["d"]), _month_number(m["mon"])
            if _safe_date(2000, month, day) is None:  # 2000 is a leap year: 29 Feb is valid
                continue
            groups = m.groupdict()
            year_text = groups.get("y4") or groups.get("y4b")
            two_digit = groups.get("y2")
            due: date | None
            if year_text is not None:
                due = _safe_date(int(year_text), month, day)
            elif two_digit is not None:
                due = _safe_date(_two_digit_year(two_digit), month, day)
            else:
                due = _next_day_month(day, month, ctx.meeting)
            cue = _find_cue(ctx.sentence, m.start())
            if not _may_start_from(
                ctx, m, cue, month, year_given=year_text is not None or two_digit is not None
            ):
                continue
            due = _week_of(due, cue)
            hit = _accept(ctx, m, due, "explicit_date", weak=_DATE_WEAK, cue=cue)
            if hit is not None:
                out.append(hit)
    return out


def _months(ctx: _Context) -> list[Deadline]:
    """ "by March", "by the end of Jan 2025", "by March 23'": a month, with or without a year.

    Two digits after a month are a year in UK minutes ("Mar 25", "March 23'") when they have an
    apostrophe, cannot be a day, or are within three years of the meeting; otherwise they are
    the day of a US-style date ("March 31"). Without a meeting date an unmarked pair is
    ambiguous and stays unresolved.
    """
    out = []
    for m in _MONTH_YEAR.finditer(ctx.sentence):
        month = _month_number(m["mon"])
        cue = _find_cue(ctx.sentence, m.start())
        first_day = cue is not None and cue.edge == "start"
        before = _before(cue)

        def on(year: int, month: int = month, first_day: bool = first_day, before: bool = before) -> date:
            if before:
                return date(year, month, 1) - timedelta(days=1)
            return date(year, month, 1) if first_day else _month_end(year, month)

        due: date | None
        rule = "month"
        if m["y4"] is not None:
            due = on(int(m["y4"]))
        elif m["y2a"] is not None:
            due = on(_two_digit_year(m["y2a"]))
        elif m["y2"] is not None:
            number = int(m["y2"])
            near = ctx.meeting is not None and abs(2000 + number - ctx.meeting.year) <= 3
            if m["apos"] is not None or number > 31 or near:
                due = on(2000 + number)
            elif ctx.meeting is not None:
                due = _next_day_month(number, month, ctx.meeting)
                rule = "explicit_date"
            else:
                due = None
        else:
            due = _on_or_after(on, ctx.meeting)
        year_given = m["y4"] is not None or m["y2a"] is not None or m["y2"] is not None
        if not _may_start_from(ctx, m, cue, month, year_given=year_given):
            continue
        hit = _accept(ctx, m, due, rule, weak=_DATE_WEAK, cue=cue)
        if hit is not None:
            out.append(hit)
    return out


def _years(ctx: _Context) -> list[Deadline]:
    """ "by 2025", "by the end of 2024/25": a lone year means its last day, a financial year
    its 31 March; never a day or month invented from the number."""
    out = []
    for m in _YEAR.finditer(ctx.sentence):
        parsed = _fy_end_year(m)
        if parsed is None:
            continue
        year, financial = parsed
        cue = _find_cue(ctx.sentence, m.start())
        first_day = cue is not None and cue.edge == "start" or _before(cue)
        if financial:
            due = date(year - 1, 4, 1) if first_day else date(year, 3, 31)
        else:
            due = date(year, 1, 1) if first_day else date(year, 12, 31)
        if _before(cue):
            due -= timedelta(days=1)
        hit = _accept(ctx, m, due, "financial_year" if financial else "year", cue=cue)
        if hit is not None:
            out.append(hit)
    return out


def _quarter_number(m: re.Match[str]) -> int:
    if m["q"] is not None:
        return int(m["q"])
    word = (m["qw"] or m["qo"]).lower()
    return int(word) if word.isdigit() else _QUARTER_WORDS[word]


def _quarter_due(q: int, m: re.Match[str], meeting: date | None, first_day: bool) -> date | None:
    end_month = (3 * q + 3) % 12 or 12
    groups = m.groupdict()
    if groups.get("y") is not None or groups.get("s1") is not None:
        parsed = _fy_end_year(m)
        if parsed is None:
            return None
        year, financial = parsed
        # "Q3 2024/25" is in the financial year ending 2025; "Q1 2025" is the quarter whose
        # months fall in calendar 2025, which for Q4 is January-March 2025.
        cal_year = (year - 1 if q < 4 else year) if financial else year
        end = _month_end(cal_year, end_month)
    elif meeting is None:
        return None
    else:
        end = financial_quarter_end(q, meeting)
    return end + relativedelta(months=-2, day=1) if first_day else end


def _quarters(ctx: _Context) -> list[Deadline]:
    out = []
    for m in _QUARTER_TARGET.finditer(ctx.sentence):
        cue = _find_cue(ctx.sentence, m.start())
        before = _before(cue)
        due = _quarter_due(
            _quarter_number(m), m, ctx.meeting, cue is not None and cue.edge == "start" or before
        )
        if due is not None and before:
            due -= timedelta(days=1)
        hit = _accept(ctx, m, due, "quarter", cue=cue)
        if hit is not None:
            out.append(hit)
    return out


def _period_due(unit: str, ahead: bool, meeting: date, first_day: bool) -> date:
    """End (or first day) of the current or next week/month/quarter/year containing `meeting`."""
    if unit == "week":
        sunday = meeting + timedelta(days=6 - meeting.weekday()) + timedelta(weeks=int(ahead))
        return sunday - timedelta(days=6) if first_day else sunday
    if unit == "month":
        end = meeting + relativedelta(months=int(ahead), day=31)
        return end + relativedelta(day=1) if first_day else end
    if unit == "quarter":
        end = financial_quarter_end(((meeting.month - 4) % 12) // 3 + 1, meeting)
        end = end + relativedelta(months=3 * int(ahead), day=31)
        return end + relativedelta(months=-2, day=1) if first_day else end
    if unit == "financial year":
        end = date(meeting.year if meeting.month <= 3 else meeting.year + 1, 3, 31)
        end = end + relativedelta(years=int(ahead))
        return date(end.year - 1, 4, 1) if first_day else end
    year = meeting.year + int(ahead)  # "year" and "calendar year"
    return date(year, 1, 1) if first_day else date(year, 12, 31)


def _periods(ctx: _Context) -> list[Deadline]:
    """ "by the end of the month", "next month", "later this year", "end of the financial year",
    "for the rest of the financial year", "by year end".

    "within the next month" is read as the end of next month, like "next month": the words
    name a calendar period, not a length of time. A bare "year end" is the financial year's:
    in policing and commissioners' minutes it is the accounting year ("year-end outturn"),
    while "the end of the year" is 31 December.
    """
    out = []
    for m in _PERIOD.finditer(ctx.sentence):
        rel = (m["rel"] or "").lower()
        unit = " ".join(m["unit"].lower().split())
        ahead = rel in {"next", "following", "coming"}
        cue = _find_cue(ctx.sentence, m.start())
        ends = m["end"] is not None
        if not rel and not ends and (cue is None or cue.edge is None):
            continue  # a bare "the year" is only a deadline as "the end of the year"
        if ends and unit == "year" and not rel:
            unit = "financial year"
        before = _before(cue) and not ends
        first_day = cue is not None and cue.edge == "start" and not ends or before
        due = None if ctx.meeting is None else _period_due(unit, ahead, ctx.meeting, first_day)
        if due is not None and before:
            due -= timedelta(days=1)
        # "would achieve its target this year": the current period, bounding a future clause
        current = cue is None and rel in ("this", "current") and _bounds_future(ctx.sentence, m.start())
        hit = _accept(ctx, m, due, "period_end", strong=_PERIOD_STRONG, forward=ahead or current, cue=cue)
        if hit is not None:
            out.append(hit)
    return out


def _number(text: str) -> int:
    key = "-".join(text.lower().replace("-", " ").split())
    return int(key) if key.isdigit() else _NUMBER_WORDS[key]


def _durations(ctx: _Context) -> list[Deadline]:
    """ "within six months", "in 3 or 4 months' time", "over the next three months".

    A range takes its upper bound: the promise is late only when the longest stated time has
    passed. "over"/"during" without "next" usually describe how long something took, so they
    need a forward-looking clause.
    """
    out = []
    for m in _DURATION.finditer(ctx.sentence):
        amount = max(_number(m["n1"]), _number(m["n2"]) if m["n2"] else 0)
        unit = m["unit"].lower()
        if unit == "fortnight":
            unit, amount = "week", amount * 2
        cue = _find_cue(ctx.sentence, m.start())
        if m["next"] is None and cue is not None and cue.article:
            continue  # "in the 12 months to March" measures a past span
        due = None if ctx.meeting is None else ctx.meeting + _length(unit, amount)
        hit = _accept(
            ctx, m, due, "duration", strong=_DURATION_STRONG, weak=_DURATION_WEAK,
            forward=m["next"] is not None and cue is not None, cue=cue,
        )  # fmt: skip
        if hit is not None:
            out.append(hit)
    return out


def _vague(ctx: _Context) -> list[Deadline]:
    """ "over the coming weeks", "in a few months": a deadline in intent, but not checkable."""
    out = []
    for m in _VAGUE.finditer(ctx.sentence):
        cue = _find_cue(ctx.sentence, m.start())
        if cue is None:
            continue
        hit = _accept(
            ctx, m, None, "vague", strong=_DURATION_STRONG, weak=_DURATION_WEAK,
            forward=m["next"] is not None, cue=cue,
        )  # fmt: skip
        if hit is not None:
            out.append(hit)
    return out


def _seasons(ctx: _Context) -> list[Deadline]:
    """ "by the summer", "in spring 2025": the last day of the UK meteorological season.

    Modifiers ("early summer") are kept in the words but not in the date: the season's end is
    the latest day the words allow.
    """
    out = []
    for m in _SEASON.finditer(ctx.sentence):
        season = m["season"].lower()
        end_month = _SEASON_END_MONTH[season]

        def end(year: int, end_month: int = end_month) -> date:
            return _month_end(year, end_month)

        cue = _find_cue(ctx.sentence, m.start())
        if _before(cue):  # "before the summer": by the eve of its first month

            def end(year: int, end_month: int = end_month) -> date:
                return _month_end(year, end_month) + relativedelta(months=-2, day=1) - timedelta(days=1)

        year_text = m["y4"] or (m["y2"] and str(_two_digit_year(m["y2"])))
        due: date | None
        if year_text:
            # Winter 2025 is December 2025 to February 2026.
            due = end(int(year_text) + (1 if season == "winter" else 0))
        else:
            due = _on_or_after(end, ctx.meeting)
        hit = _accept(ctx, m, due, "season", cue=cue)
        if hit is not None:
            out.append(hit)
    return out


def _festive(ctx: _Context) -> list[Deadline]:
    """ "by Christmas" -> 25 December; "over the Christmas period" -> 31 December;
    "by the new year" -> 1 January; "in the New Year" -> 31 January (its first month)."""
    out = []
    for m in _FESTIVE.finditer(ctx.sentence):
        cue = _find_cue(ctx.sentence, m.start())
        if m["xmas"] is not None:
            month, day = 12, (31 if m["period"] else 24 if _before(cue) else 25)
        elif _before(cue):
            month, day = 12, 31
        elif cue is not None and cue.word in _STRONG:
            month, day = 1, 1
        else:
            month, day = 1, 31
        due = _next_day_month(day, month, ctx.meeting)
        hit = _accept(ctx, m, due, "festive", cue=cue)
        if hit is not None:
            out.append(hit)
    return out


def _meetings(ctx: _Context) -> list[Deadline]:
    """ "at the next meeting", "to the November meeting", "at the A&A Q4 Performance meeting".

    The next meeting resolves to `next_meeting` when known. A month or quarter inside the
    meeting's name resolves like the month or quarter itself (its last day), because the
    minutes rarely give the exact day of a future meeting; when they do, because the next
    meeting falls in that month, its day is the deadline.
    """
    out = []
    s = ctx.sentence
    for m in _MEETING.finditer(s):
        desc = m["desc"]
        cue = _Cue(m["cue"].lower(), m.start(), None)
        due: date | None
        if _NEXT_WORD.search(desc):
            if m["art"] is None and not _NEXT_WORD.match(desc):
                continue
            due, rule, forward = ctx.next_meeting, "next_meeting", True
        elif m["art"] is None:
            continue
        elif (q := _QUARTER_IN_DESC.search(desc)) is not None:
            due = None if ctx.meeting is None else financial_quarter_end(_quarter_number(q), ctx.meeting)
            rule, forward = "quarter_meeting", False
        elif (mon := _MONTH_IN_DESC.search(desc)) is not None:
            month = _month_number(mon["mon"])
            if mon["y4"] is not None:
                due = _month_end(int(mon["y4"]), month)
            else:
                due = _on_or_after(partial(_month_end, month=month), ctx.meeting)
            nxt = ctx.next_meeting
            if due is not None and nxt is not None and (nxt.year, nxt.month) == (due.year, due.month):
                due = nxt  # "the January meeting" when the next meeting is in January is that day
            rule, forward = "month_meeting", False
        else:
            continue
        hit = _accept(ctx, m, due, rule, strong=_MEETING_STRONG, weak=frozenset({"at", "in"}),
                      forward=forward, cue=cue)  # fmt: skip
        if hit is not None:
            out.append(hit)
    return out


def _weekdays(ctx: _Context) -> list[Deadline]:
    """ "by Friday", "next Tuesday": the first such day after the meeting (the meeting's own
    weekday means a week later, since a promise is not due on the day it is made)."""
    out = []
    for m in _WEEKDAY.finditer(ctx.sentence):
        due = None
        if ctx.meeting is not None:
            ahead = (_WEEKDAYS.index(m["wd"].lower()) - ctx.meeting.weekday()) % 7 or 7
            due = ctx.meeting + timedelta(days=ahead)
        hit = _accept(ctx, m, due, "weekday", forward=m["next"] is not None,
                      cue=_find_cue(ctx.sentence, m.start()))  # fmt: skip
        if hit is not None:
            out.append(hit)
    return out


# (words one of which must occur, or None; whether a digit must occur; family)
_FAMILIES: tuple[tuple[frozenset[str] | None, bool, Callable[[_Context], list[Deadline]]], ...] = (
    (_MEETING_GATE, False, _meetings),
    (None, True, _numeric_dates),
    (None, True, _numeric_days),
    (_MONTH_GATE, True, _day_months),
    (_MONTH_GATE, False, _months),
    (None, True, _years),
    (_QUARTER_GATE, False, _quarters),
    (_PERIOD_GATE, False, _periods),
    (_LENGTH_GATE, False, _durations),
    (_VAGUE_GATE, False, _vague),
    (_SEASON_GATE, False, _seasons),
    (_FESTIVE_GATE, False, _festive),
    (frozenset(_WEEKDAYS), False, _weekdays),
)
