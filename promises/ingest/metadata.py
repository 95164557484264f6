"""Header facts of a meeting: date, time, venue, chair, minutes taker, title, topic, body.

Headers come as "Date: …" labels, bullets ("- Chair: John Campion"), a missing colon
("Venue West Mercia Police HQ"), or a title line with month and year. The body (whose
meetings these are) is recognised from the police force area named most often, so follow-ups
are only sought among meetings of the same body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from promises.graph.model import Span
from promises.ingest.attendance import parse_attendance, parse_person_line
from promises.ingest.meeting_date import (
    MONTHS,
    DateMention,
    find_date,
    infer_meeting_date,
    title_years,
)
from promises.ingest.patterns import Folded, fold, literal_trie
from promises.ingest.records import BackReference, MeetingInfo
from promises.ingest.segmentation import Line

_FIELD = re.compile(
    r"^\s*(?:[-•*]\s*)?(?P<label>date(?: of meeting)?|time|venue|location|chair(?:ed by)?|"
    r"minutes(?: taken by)?|minute taker|notes taken by|meeting)\b\s*[:\-–]?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>am|pm)?|(?P<h2>\d{1,2})\s*(?P<ampm2>am|pm)\b|"
    r"\b(?P<h3>\d{2})(?P<m3>\d{2})\s*hrs\b",
    re.IGNORECASE,
)
_NEXT_MEETING = Folded(r"next\s+meeting|date\s+of\s+next|future\s+meeting")
_NEXT_MEETING_STATED = re.compile(
    r"date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting\s*(?:date)?\s*[:\-–—]|"
    r"next\s+meeting\s+(?:of\s+the\s+[\w ]{2,30}?\s+)?(?:will|is|to\s+be)\b|^\W*next\s+meeting\W*$",
    re.IGNORECASE,
)
_HOLDING = Folded(
    r"holding\s+to\s+account\s*(?:meeting)?\s*[–—:\-]+\s*(?P<topic>[^\n(]{3,80})|"
    r"\bthematic\s*[–—:\-]+\s*(?P<topic2>[^\n]{3,60})"
)
_HOLDING_TO_ACCOUNT = Folded(r"holding\s+to\s+account")
_TITLE_SUFFIX = re.compile(r"[–—-]?\s*(meeting notes|minutes)\s*$", re.IGNORECASE)
_TITLE_MONTH_YEAR = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{4}", re.IGNORECASE
)
_TITLE_WORDS = re.compile(
    r"(assurance|holding to account|performance|accountability|scrutiny|board|meeting notes|minutes)",
    re.IGNORECASE,
)
_BACK_REF = Folded(
    r"(?:(?:arising|deferred|carried forward|brought forward|raised|requested|agreed|discussed)\s+"
    r"(?:\w+\s+){0,6}?(?:from|at|in)|previous\s+(?:hta|meeting|holding to account)(?:\s+\w+){0,3}\s+in|"
    r"originally\s+raised\s+(?:\w+\s+){0,3}in)\s+(?:the\s+)?"
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:\s+(?P<year>(?:19|20)\d\d))?"
)
FORCE_AREAS = (
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "City of London", "Cleveland",
    "Cumbria", "Derbyshire", "Devon and Cornwall", "Dorset", "Durham", "Dyfed-Powys", "Essex",
    "Gloucestershire", "Greater Manchester", "Gwent", "Hampshire", "Hertfordshire", "Humberside",
    "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Merseyside", "Metropolitan", "Norfolk",
    "North Wales", "North Yorkshire", "Northamptonshire", "Northumbria", "Nottinghamshire",
    "South Wales", "South Yorkshire", "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley",
    "Warwickshire", "West Mercia", "West Midlands", "West Yorkshire", "Wiltshire",
)  # fmt: skip
# a trie (no name begins another), after a quick look at the first letter
_FORCE_AREA = re.compile(
    rf"(?=[{''.join(sorted({a[0] for a in FORCE_AREAS}))}])\b(" + literal_trie(FORCE_AREAS) + r")\b"
)
_OFFICE = r"(?:office\s+of\s+the\s+)?(?:police,?\s+(?:fire,?\s+)?and\s+crime\s+commissioner|o?pf?cc)\b"
_AREA = r"[A-Za-z][A-Za-z'’\-]+(?:\s+[A-Za-z][A-Za-z'’\-]+)?"
_LETTERHEAD = re.compile(
    rf"^(?:the\s+)?(?P<area>{_AREA})\s+{_OFFICE}|{_OFFICE}\s+for\s+(?P<area2>{_AREA})",
    re.IGNORECASE,
)
_FORCE_NAME = re.compile(r"\b(?P<area>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:Police|Constabulary)\b")
_NOT_AREAS = frozenset(
    {"the", "office", "office of the", "police", "deputy", "chief", "and", "minutes", "meeting", "venue"}
)


def parse_meeting(
    text: str, lines: Sequence[Line], file: str, year_override: int | None = None
) -> MeetingInfo:
    """Read the header and closing lines of one set of minutes."""
    fields = _header_fields(lines)
    title_line = _title_line(lines)
    folded = fold(text)  # for the case-insensitive patterns that read the whole text
    date_value = fields.get("date", "")
    mention = find_date(date_value) if date_value else None
    if mention is None:
        mention = _first_date_in_header(lines)
    next_mention, next_text = _next_meeting(lines)
    meeting_date = infer_meeting_date(
        mention,
        title_years=title_years(title_line),
        next_meeting=next_mention,
        body_text=text,
        year_override=year_override,
    )
    next_date = None
    if next_mention is not None:
        year = next_mention.year
        if year is None and meeting_date.value is not None:
            year = meeting_date.value.year
            candidate = next_mention.resolve(year)
            if candidate is not None and candidate < meeting_date.value:
                year += 1
        next_date = next_mention.resolve(year) if year else None
        if next_date is not None and meeting_date.value is not None and next_date <= meeting_date.value:
            next_date = None  # a date before the meeting is not the next one
    chair, _ = parse_person_line(fields.get("chair", "")) if fields.get("chair") else ("", "")
    minutes_by, _ = parse_person_line(fields.get("minutes", "")) if fields.get("minutes") else ("", "")
    return MeetingInfo(
        date=meeting_date,
        time=_time(fields.get("time") or date_value),
        title=_title(title_line, text, folded),
        topic=_topic(text, folded),
        venue=fields.get("venue", "").strip(" :-–"),
        body=_body(text, lines),
        chair=chair,
        minutes_by=minutes_by,
        attendees=tuple(parse_attendance(lines, file)),
        next_meeting=next_date,
        next_meeting_text=next_text,
        back_references=tuple(_back_references(text, folded, file, meeting_date.value)),
    )


# -- helpers, in call order ---------------------------------------------------------------------


def _header_fields(lines: Sequence[Line]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in lines[:60]:
        if _NEXT_MEETING.search(line.text):
            continue  # "Date of next meeting: …" is not this meeting's date
        match = _FIELD.match(line.text.replace("\t", " "))
        if not match:
            continue
        label = match.group("label").casefold()
        key = (
            "chair" if label.startswith("chair")
            else "minutes" if label.startswith(("minute", "notes"))
            else "venue" if label in ("venue", "location")
            else "date" if label.startswith("date") or label == "meeting"
            else label
        )  # fmt: skip
        value = match.group("value").strip()
        if key == "date" and label == "meeting" and not find_date(value):
            continue
        if value and key not in fields:
            fields[key] = value
    return fields


def _title_line(lines: Sequence[Line]) -> str:
    for line in lines[:12]:
        stripped = line.text.strip()
        if stripped and _TITLE_WORDS.search(stripped) and not _FIELD.match(stripped) and len(stripped) < 140:
            return stripped
    return ""


def _first_date_in_header(lines: Sequence[Line]) -> DateMention | None:
    for line in lines[:15]:
        mention = find_date(line.text)
        if mention is not None:
            return mention
    return None


def _next_meeting(lines: Sequence[Line]) -> tuple[DateMention | None, str]:
    """The next meeting's date: where the minutes state it, else after a passing mention.

    "Date of next meeting", "Next meeting:", "The next meeting will be held on …" state it,
    often near the end and after a heading; "carried forward to the next meeting" in an action
    log only mentions it, and the date a few lines on belongs to something else.
    """
    mentions = [index for index, line in enumerate(lines) if _NEXT_MEETING.search(line.text)]
    # every stated form names the next meeting, so only the lines that mention it are read again
    for index in reversed([i for i in mentions if _NEXT_MEETING_STATED.search(lines[i].text)]):
        found = _date_from(lines, index, index + 4)
        if found[0] is not None:
            return found
    checked = 0  # lines before this one were read and hold no date
    for index in mentions:
        # "to the next meeting" recurs in action lists; the twelve lines after each overlap
        found = _date_from(lines, max(index, checked), index + 12)
        if found[0] is not None:
            return found
        checked = index + 12
    return None, ""


def _date_from(lines: Sequence[Line], start: int, end: int) -> tuple[DateMention | None, str]:
    for follow in lines[start:end]:
        mention = find_date(follow.text)
        if mention is not None:
            return mention, follow.text.strip()
    return None, ""


def _time(value: str) -> str:
    match = _TIME.search(value)
    if not match:
        return ""
    if match.group("h3"):
        return f"{int(match.group('h3')):02d}:{match.group('m3')}"
    hour = int(match.group("h") or match.group("h2"))
    minute = match.group("m") or "00"
    ampm = (match.group("ampm") or match.group("ampm2") or "").casefold()
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute}"


def _title(title_line: str, text: str, folded: str | None) -> str:
    if _HOLDING_TO_ACCOUNT.search(text, folded):
        return "Holding to Account"
    if title_line:
        cleaned = _TITLE_SUFFIX.sub("", title_line)
        cleaned = _TITLE_MONTH_YEAR.sub("", cleaned)
        cleaned = _without_markup(cleaned).strip(" –-")
        return cleaned.title() if cleaned.isupper() else cleaned
    return ""


def _topic(text: str, folded: str | None) -> str:
    if folded is not None and "holding" not in folded and "thematic" not in folded:
        return ""  # either branch of _HOLDING starts with one of these words
    match = _HOLDING.search(text, folded)
    if not match:
        return ""
    group = "topic" if match.group("topic") else "topic2" if match.group("topic2") else ""
    topic = (text[match.start(group) : match.end(group)] if group else "").strip(" .:-–\t")
    return topic


def _without_markup(text: str) -> str:
    """Header text without Markdown heading and emphasis marks ("## **Minutes**"), spaces squeezed."""
    return " ".join(text.replace("#", " ").replace("*", " ").split())


def _body(text: str, lines: Sequence[Line]) -> str:
    counts = Counter(m.group(1) for m in _FORCE_AREA.finditer(text))
    if counts:
        return f"{counts.most_common(1)[0][0]} PCC"
    # Forces outside our list still name themselves in the letterhead: "Northshire Police and
    # Crime Commissioner", "EASTMOOR OFFICE OF THE POLICE, FIRE AND CRIME COMMISSIONER",
    # "Office of the PCC for Northshire", "NORTHSHIRE OPCC – …".
    for line in lines[:12]:
        flat = _without_markup(line.text)
        match = _LETTERHEAD.search(flat)
        if match is not None:
            found = match.group("area") or match.group("area2")
            area = " ".join(w.capitalize() if w.isupper() else w for w in found.split())
            if area.casefold() not in _NOT_AREAS:
                return f"{area} PCC"
    for line in lines[:12]:  # else a force named in the header: "Venue: Northshire Police HQ"
        named = _FORCE_NAME.search(line.text)
        if named is not None and named.group("area").split()[0].casefold() not in _NOT_AREAS:
            return f"{named.group('area')} PCC"
    return "Unknown body"


def _back_references(
    text: str, folded: str | None, file: str, meeting_date: date | None
) -> list[BackReference]:
    out = []
    for match in _BACK_REF.finditer(text, folded):
        month = MONTHS[match.group("month")[:3].casefold()]
        year = int(match.group("year")) if match.group("year") else None
        if year is None:
            if meeting_date is None:
                continue
            year = meeting_date.year if month < meeting_date.month else meeting_date.year - 1
        if meeting_date is not None and (year, month) >= (meeting_date.year, meeting_date.month):
            continue
        said = text[match.start() : match.end()]  # the match may be of the lower-cased text
        out.append(BackReference(said, Span(file, match.start(), match.end()), year, month))
    return out
