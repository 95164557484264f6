"""Meeting dates, including the year that minutes so often leave out.

"Tuesday 28th February" names no year. Candidate years are those whose calendar puts the
28th of February on a Tuesday; evidence then narrows them: a title such as "March 2022", the
next meeting's full date, years mentioned in the text, the user's `--year`. The result says
how it was decided (`date_confidence`, `date_evidence`) and warns when several years remain.
No year is ever invented from nothing: with no day and month, the date is unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from promises.graph.model import DateConfidence
from promises.ingest.patterns import Folded, fold
from promises.ingest.records import MeetingDate

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_WEEKDAY = r"(?P<weekday>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
WRITTEN_DATE = Folded(
    rf"(?:{_WEEKDAY}\s+)?(?:the\s+)?(?P<day>\d{{1,2}})\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
MONTH_FIRST_DATE = Folded(
    rf"(?:{_WEEKDAY}\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)
_DIGIT = re.compile(r"\d")
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)?\d\d)\b")
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s*(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/.£$])(?P<year>(?:19|20)\d\d)(?![\d%])")
_FY = re.compile(r"\b(?:20)?(?P<a>\d\d)\s*[/-]\s*(?:20)?(?P<b>\d\d)\b")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_YEAR_RANGE = range(1995, 2061)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A day and month found in text, with the year and weekday when written."""

    day: int
    month: int
    year: int | None
    weekday: int | None
    start: int
    end: int

    def resolve(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


def find_date(text: str) -> DateMention | None:
    """The first complete-looking date in a short text ("Tuesday 28th February, 14:00pm")."""
    best: DateMention | None = None
    if not _DIGIT.search(text):
        return None  # every complete date has a day number; most lines have none, so skip the patterns
    folded = fold(text)
    for match in (
        WRITTEN_DATE.search(text, folded),
        MONTH_FIRST_DATE.search(text, folded),
        NUMERIC_DATE.search(text),
    ):
        if not match:
            continue
        mention = _mention(match)
        if mention is not None and (best is None or mention.start < best.start):
            best = mention
    return best


def infer_meeting_date(
    mention: DateMention | None,
    *,
    title_years: list[tuple[int, int | None]],
    next_meeting: DateMention | None,
    body_text: str,
    year_override: int | None = None,
) -> MeetingDate:
    """Decide the meeting date from its header mention and the evidence around it."""
    if mention is None:
        return MeetingDate(
            None, DateConfidence.UNKNOWN, "no date found in the header", "no recognisable date"
        )
    if year_override is not None and mention.year is None:  # a year written in the date wins
        value = mention.resolve(year_override)
        if value is not None:
            return MeetingDate(value, DateConfidence.OVERRIDDEN, f"--year {year_override}")
    if mention.year is not None:
        value = mention.resolve(mention.year)
        if value is not None:
            return MeetingDate(value, DateConfidence.STATED, "year written in the date")
    candidates = [y for y in _YEAR_RANGE if mention.resolve(y) is not None]
    evidence: list[str] = []
    if mention.weekday is not None:
        candidates = [y for y in candidates if _weekday_ok(mention, y)]
        evidence.append(f"weekday {_WEEKDAYS[mention.weekday]}")
    for year, month in title_years:
        if year in candidates and (month is None or month == mention.month):
            value = mention.resolve(year)
            evidence.append(f"title names {year}")
            return MeetingDate(value, DateConfidence.INFERRED, "; ".join(evidence))
    if next_meeting is not None and next_meeting.year is not None:
        later_in_year = (next_meeting.month, next_meeting.day) >= (mention.month, mention.day)
        year = next_meeting.year if later_in_year else next_meeting.year - 1
        if year in candidates:
            evidence.append(f"next meeting {next_meeting.day}/{next_meeting.month}/{next_meeting.year}")
            return MeetingDate(mention.resolve(year), DateConfidence.INFERRED, "; ".join(evidence))
    mentioned = _years_mentioned(body_text)
    if mentioned and candidates:
        ranked = sorted(candidates, key=lambda y: (sum(abs(y - m) * n for m, n in mentioned.items()), -y))
        best = ranked[0]
        cost = sum(abs(best - m) * n for m, n in mentioned.items())
        runner_up = sum(abs(ranked[1] - m) * n for m, n in mentioned.items()) if len(ranked) > 1 else None
        evidence.append("years mentioned " + ", ".join(str(y) for y in sorted(mentioned)))
        if runner_up is not None and runner_up == cost:
            warning = f"date year ambiguous between {best} and {ranked[1]}; pass --year to fix it"
            return MeetingDate(mention.resolve(best), DateConfidence.AMBIGUOUS, "; ".join(evidence), warning)
        return MeetingDate(mention.resolve(best), DateConfidence.INFERRED, "; ".join(evidence))
    return MeetingDate(
        None,
        DateConfidence.UNKNOWN,
        "; ".join(evidence) or "no year evidence",
        "date has no year and nothing in the text fixes it; pass --year",
    )


def title_years(text: str) -> list[tuple[int, int | None]]:
    """Years named in a title line ("Monthly Assurance Meeting March 2022"), with the month if any."""
    found: list[tuple[int, int | None]] = []
    for match in MONTH_YEAR.finditer(text):
        found.append((int(match.group("year")), MONTHS[match.group("month")[:3].casefold()]))
    for match in _YEAR.finditer(text):
        if not any(y == int(match.group("year")) for y, _ in found):
            found.append((int(match.group("year")), None))
    return found


# -- helpers, in call order ---------------------------------------------------------------------


def _mention(match: re.Match[str]) -> DateMention | None:
    groups = match.groupdict()
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text[:3].casefold()]
    day = int(groups["day"])
    year_text = groups.get("year")
    year = None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    weekday = None
    if groups.get("weekday"):
        weekday = _WEEKDAYS.index(groups["weekday"][:3].casefold())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMention(day, month, year, weekday, match.start(), match.end())


def _weekday_ok(mention: DateMention, year: int) -> bool:
    value = mention.resolve(year)
    return value is not None and value.weekday() == mention.weekday


def _years_mentioned(text: str) -> Counter[int]:
    years: Counter[int] = Counter()
    for match in _YEAR.finditer(text):
        years[int(match.group("year"))] += 1
    for match in _FY.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        if b == (a + 1) % 100:
            years[2000 + a] += 1
            years[2000 + b] += 1
    return years
