"""Attendance and apologies, from every layout minutes use.

Seen shapes: "John Campion, Police and Crime Commissioner (PCC)"; "Claire Richardson – Head of
Policy (CR)"; "Chris Jensen-Policy Officer (CJ)"; "Richard Cooper-T/ Chief Constable (T/CC)";
"John Campion Police and Crime Commissioner (PCC)" with no separator; "Jane Doe (JD) – Head of
Estates"; rank before name ("Supt Jane Doe – …"); table rows split by tabs; and a flattened
two-column table where the names come first, one per line, then the roles in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from promises.graph.model import Span
from promises.ingest.records import Attendee
from promises.ingest.roles import RANKS, office_for, parse_role, split_abbrev
from promises.ingest.segmentation import Line, LineKind

_BULLET = re.compile(r"^\s*(?:[•●▪◦·\-*–]|\d{1,2}[.)])\s+")
_LABEL = re.compile(
    r"^\s*(?:[-•]\s*)?(attendance|attendees|present|in attendance|also present|apologies|"
    r"apologies received|name|capacity)\s*:?\s*",
    re.IGNORECASE,
)
_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]'[A-Z][a-z]+|Mc[A-Z][a-z]+|[A-Z]\.)"
_NAME = re.compile(rf"^{_NAME_TOKEN}(?:\s+(?:(?:de|van|von|da|di|le|la)\s+)?{_NAME_TOKEN}){{1,3}}$")
_SEPARATOR = re.compile(r"\s*(?:,|\s[–—-]\s?|[–—]|-(?=\s*[A-Z]/?)|\t+|:)\s*")
_INITIALS_AFTER_NAME = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<abbr>[A-Z]{2,4})\)\s*[,–—-]?\s*(?P<role>.+)$")
_ROLE_START = re.compile(
    r"\b(?:(?:T|A)\s*/|Temporary|Acting|Interim|Police|Chief|Deputy|Assistant|Assitant|Head|Senior|Policy|"
    r"Business|Director|Superintendent|Supt|Ch\.|Inspector|Officer|Manager|Lead|Commissioner|OPCC|"
    r"Executive|Treasurer|Detective|Sergeant|Analyst|Coordinator|Co-ordinator|Advisor|Adviser|Portfolio|"
    r"Force|Corporate|Strategic|Principal|Finance|Communications|Governance|Secretary|Clerk|Member|Commander|"
    r"Chair|Councillor|Representative|Partnerships?|Registrar|Auditor|Scrutiny)\b"
)
_HEADER_FIELD = re.compile(
    r"^\s*(?:[-•]\s*)?(?:date|time|venue|location|chair|chaired by|minutes|minute taker|notes)\b\s*:?\s",
    re.IGNORECASE,
)
_STOP = re.compile(r"^\s*(?:1\.?\s|item\s+1|agenda|welcome|introductions|minutes of|review of)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    start: int
    end: int


def parse_attendance(lines: Sequence[Line], file: str) -> list[Attendee]:
    """Attendees and apologies found in the header region of a meeting."""
    region = _header_region(lines)
    attendees: list[Attendee] = []
    pending_names: list[_Cell] = []
    pending_apology: list[_Cell] = []
    apologies = False
    for line in region:
        raw = line.text
        label = _LABEL.match(raw)
        rest_offset = line.start
        if label:
            word = label.group(1).casefold()
            if word.startswith("apolog"):
                apologies = True
            elif word in ("attendance", "attendees", "present", "in attendance", "also present"):
                apologies = False
            raw = raw[label.end() :]
            rest_offset = line.start + label.end()
        if _HEADER_FIELD.match(raw):
            continue
        for cell in _cells(raw, rest_offset):
            person = _parse_entry(cell, file, apologies)
            if person is not None:
                attendees.append(person)
                continue
            if _is_name(cell.text):
                (pending_apology if apologies else pending_names).append(cell)
                continue
            if _is_role(cell.text):
                queue = pending_names or pending_apology
                if queue:
                    name_cell = queue.pop(0)
                    attendees.append(_pair(name_cell, cell, file, queue is pending_apology))
    return _dedupe(attendees)


def parse_person_line(text: str) -> tuple[str, str]:
    """Split "Charity Pearce, Assistant Policy Officer, OPCC" or "PCC John Campion" into name, role."""
    text = text.strip(" -•\t")
    rank = RANKS.match(text)
    role = ""
    if rank:
        role = rank.group(0).strip()
        text = text[rank.end() :]
    else:
        first = text.split(" ", 1)
        if len(first) == 2 and office_for(first[0]) is not None and first[0].isupper():
            role, text = first[0], first[1]
    parts = re.split(r"\s*(?:,|\s[–—-]\s|\(|\t)\s*", text, maxsplit=1)
    name = parts[0].strip(" .,)")
    if len(parts) > 1 and not role:
        role = parts[1].strip(" .,)")
    return name, role


# -- helpers, in call order ---------------------------------------------------------------------


def _header_region(lines: Sequence[Line]) -> list[Line]:
    out: list[Line] = []
    seen_people = False
    for line in lines[:150]:
        stripped = line.text.strip()
        if not stripped or line.kind is LineKind.FURNITURE:
            continue
        if _STOP.match(stripped) and seen_people:
            break
        words = stripped.split()
        if len(words) > 14 and stripped.endswith(".") and "\t" not in stripped:
            if seen_people:
                break
            continue
        if _LABEL.match(stripped) or _looks_like_entry(stripped):
            seen_people = True
        out.append(line)
    return out


def _looks_like_entry(stripped: str) -> bool:
    return bool(_NAME.match(stripped) or re.search(r"\([A-Z/]{2,6}\)\s*$", stripped))


def _cells(raw: str, offset: int) -> list[_Cell]:
    """Tab-separated cells when a table row holds name and role; else the bullet-less line."""
    cells = [(c, i) for c, i in _split_tabs(raw) if c.strip()]
    if len(cells) == 2 and _is_name(cells[0][0].strip()) and _is_role(cells[1][0].strip()):
        (first, i), (second, j) = cells
        start = offset + i + len(first) - len(first.lstrip())
        end = offset + j + len(second.rstrip())
        return [_Cell(f"{first.strip()}, {second.strip()}", start, end)]
    out = []
    for cell, index in cells:
        bullet = _BULLET.match(cell)
        skip = bullet.end() if bullet else len(cell) - len(cell.lstrip())
        text = cell[skip:].rstrip()
        out.append(_Cell(text, offset + index + skip, offset + index + skip + len(text)))
    return out


def _split_tabs(raw: str) -> list[tuple[str, int]]:
    out = []
    pos = 0
    for part in raw.split("\t"):
        out.append((part, pos))
        pos += len(part) + 1
    return out


def _parse_entry(cell: _Cell, file: str, apologies: bool) -> Attendee | None:
    text = cell.text.strip()
    if not text or len(text) > 160:
        return None
    match = _INITIALS_AFTER_NAME.match(text)
    if match and _is_name(_strip_rank(match.group("name"))[0]):
        name, rank = _strip_rank(match.group("name"))
        return _attendee(name, match.group("role") or rank, match.group("abbr"), cell, file, apologies)
    name, rank = _strip_rank(text)
    for sep in _SEPARATOR.finditer(name):
        left, right = name[: sep.start()].strip(), name[sep.end() :].strip()
        if _is_name(left) and right and (_is_role(right) or split_abbrev(right)[1] or rank):
            role_text, abbrev = split_abbrev(right)
            return _attendee(left, role_text, abbrev, cell, file, apologies)
    start = _ROLE_START.search(name)
    if start and start.start() > 0:
        left, right = name[: start.start()].strip(" ,-–"), name[start.start() :]
        if _is_name(left):
            role_text, abbrev = split_abbrev(right)
            return _attendee(left, role_text, abbrev, cell, file, apologies)
    if rank and _is_name(name):
        return _attendee(name, rank, "", cell, file, apologies)
    bare, abbrev = split_abbrev(name)
    if abbrev and _is_name(bare):
        return _attendee(bare, "", abbrev, cell, file, apologies)
    return None


def _strip_rank(text: str) -> tuple[str, str]:
    match = RANKS.match(text.strip())
    if match:
        return text.strip()[match.end() :].strip(), match.group(0).strip()
    return text.strip(), ""


def _attendee(name: str, role_text: str, abbrev: str, cell: _Cell, file: str, apologies: bool) -> Attendee:
    role = parse_role(role_text) if role_text else None
    if role is not None and not role.abbrev and abbrev:
        from_abbrev = parse_role(abbrev)
        if from_abbrev.abbrev:
            role = from_abbrev
    if role is None and abbrev:
        role = parse_role(abbrev)
    span = Span(file, cell.start, cell.end)
    return Attendee(
        name=_clean_name(name),
        role_title=role.title if role else "",
        role_abbrev=role.abbrev if role else "",
        abbrev=abbrev or (role.display_abbrev if role else ""),
        acting=role.acting if role else False,
        side=role.side if role else "",
        span=span,
        apologies=apologies,
    )


def _pair(name_cell: _Cell, role_cell: _Cell, file: str, apologies: bool) -> Attendee:
    role_text, abbrev = split_abbrev(role_cell.text)
    attendee = _attendee(name_cell.text.strip(), role_text, abbrev, name_cell, file, apologies)
    return attendee


def _is_name(text: str) -> bool:
    text = text.strip(" ,.")
    if not _NAME.match(text) or _ROLE_START.search(text):
        return False
    return office_for(text) is None


def _is_role(text: str) -> bool:
    text = text.strip()
    if split_abbrev(text)[1] and not _NAME.match(split_abbrev(text)[0]):
        return True
    return bool(_ROLE_START.search(text)) and not _is_name(text)


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.-–")


def _dedupe(attendees: list[Attendee]) -> list[Attendee]:
    seen: dict[str, Attendee] = {}
    for a in attendees:
        key = a.name.casefold()
        if key not in seen or (not seen[key].role_title and a.role_title):
            seen[key] = a
    return list(seen.values())
