"""Attendance and apologies, from every layout minutes use.

Seen shapes: "John Campion, Police and Crime Commissioner (PCC)"; "Claire Richardson – Head of
Policy (CR)"; "Chris Jensen-Policy Officer (CJ)"; "Richard Cooper-T/ Chief Constable (T/CC)";
"John Campion Police and Crime Commissioner (PCC)" with no separator; "Jane Doe (JD) – Head of
Estates"; rank before name ("Supt Jane Doe – …"); table rows split by tabs; a flattened
two-column table where the names come first, one per line, then the roles in the same order;
and two columns of entries side by side as `pdftotext -layout` prints them, each entry wrapping
within its column ("Joanna Whitcombe – Police and Crime      Matthew Crane – Chief Constable"
over "Commissioner (PCC)      Elaine Forsyth – …"), read one column after the other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from promises.graph.model import Span
from promises.ingest.patterns import fold
from promises.ingest.records import Attendee
from promises.ingest.roles import OFFICES, RANKS, acting_abbrev, office_for, parse_role, split_abbrev
from promises.ingest.segmentation import Line, LineKind

_BULLET = re.compile(r"^\s*(?:[•●▪◦·\-*–]|\d{1,2}[.)])\s+")
_LABEL = re.compile(
    r"^\s*(?:[-•]\s*)?(attendance|attendees|present|in attendance|also present|apologies|"
    r"(?:also\s+)?attending(?:\s+for\s+(?:items?\s+)?[\w.,&\s]{1,20}?)?|note[- ]?taker|"
    r"joined[^:\n]{0,40}(?=:)|"
    r"apologies received|name|capacity|(?:board\s+|panel\s+)?members(?:\s+present)?|"
    r"officers(?:\s+present|\s+in\s+attendance)?)\s*:?\s*",
    re.IGNORECASE,
)
# Latin-1 letters too: Siân, Seán, Zoë, Chloé are names as much as Sian
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME_TOKEN = (
    rf"(?:[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*|[{_UPPER}]'[{_UPPER}][{_LOWER}]+"
    rf"|Mc[{_UPPER}][{_LOWER}]+|[{_UPPER}]\.)"
)
_NAME = re.compile(rf"^{_NAME_TOKEN}(?:\s+(?:(?:de|van|von|da|di|le|la)\s+)?{_NAME_TOKEN}){{1,3}}$")
_SEPARATOR = re.compile(r"\s*(?:,|\s[–—-]\s?|[–—]|-(?=\s*[A-Z]/?)|\t+|:)\s*")
_GLUED_HYPHEN = re.compile(r"^\s*-\s*$")  # "Jensen-Policy Officer": weaker than a comma or a dash
_COLUMN_GAP = re.compile(r"[^\S\t]{3,}")  # three spaces or more between columns, never a tab
# "Catherine Bligh (Chief Constable – CC)": the role, and its abbreviation, inside the brackets
_ROLE_IN_BRACKETS = re.compile(
    r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]{3,}?)(?:\s*[–—-]\s*(?P<abbr>[A-Z][A-Za-z/]{1,6}))?\)$"
)
_NAME_THEN_BRACKET = re.compile(
    rf"^\s*(?i:{RANKS.pattern.removeprefix('^')})?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}\s*\("
)
_INITIALS_AFTER_NAME = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<abbr>[A-Z]{2,4})\)\s*[,–—-]?\s*(?P<role>.+)$")
_ROLE_START = re.compile(  # every role word is capitalised: the lookahead skips other words fast
    r"\b(?=[A-Z])(?:(?:T|A)\s*/|Temporary|Acting|Interim|Police|Chief|Deputy|Assistant|Assitant|Head|Senior|Policy|"
    r"Business|Director|Superintendent|Supt|Ch\.|Inspector|Officer|Manager|Lead|Commissioner|OPCC|"
    r"Executive|Treasurer|Detective|Sergeant|Analyst|Coordinator|Co-ordinator|Advisor|Adviser|Portfolio|"
    r"Force|Corporate|Strategic|Principal|Finance|Communications|Governance|Secretary|Clerk|Member|Commander|"
    r"Chair|Councillor|Representative|Partnerships?|Registrar|Auditor|Scrutiny)\b"
)
_PERSON_LINE_BREAK = re.compile(r"\s*(?:,|\s[–—-]\s|\(|\t)\s*")
_ENTRY_HEAD_END = re.compile(r"\s*(?:[,(–—:]|\s-\s)")
_ABBREV_LAST = re.compile(r"\([A-Z/]{2,6}\)\s*$")  # "… (PCC)" closing a line
_HEADER_FIELD = re.compile(
    r"^\s*(?:[-•]\s*)?(?:date|time|venue|location|chair|chaired by|minutes|minute taker|notes)\b\s*:?\s",
    re.IGNORECASE,
)
_STOP = re.compile(
    r"^\s*(?:1\.?\s|item\s+1|agenda|welcome|introductions|minutes of|review of)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    start: int
    end: int


def parse_attendance(lines: Sequence[Line], file: str) -> list[Attendee]:
    """Attendees and apologies found in the header region of a meeting."""
    region, first_pieces = _unfold_columns(_header_region(lines))
    region = _join_semicolon_lists(region)
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
            else:
                apologies = False
            raw = raw[label.end() :]
            rest_offset = line.start + label.end()
        if _HEADER_FIELD.match(raw):
            continue
        for cell in _cells(raw, rest_offset):
            person = _parse_entry(cell, file, apologies)
            if person is not None:
                if line.start in first_pieces:  # an entry joined across lines: point at its first piece
                    end = min(person.span.end, first_pieces[line.start])
                    person = replace(person, span=Span(file, person.span.start, end))
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
    parts = _PERSON_LINE_BREAK.split(text, maxsplit=1)
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
        # a long sentence is prose, unless a label opens it ("Present: Councillor A, Cllr B and …")
        if len(words) > 14 and stripped.endswith(".") and "\t" not in stripped and not _LABEL.match(stripped):
            if seen_people:
                break
            continue
        entry = _BULLET.sub("", stripped)
        if _LABEL.match(stripped) or _looks_like_entry(entry) and _parse_entry(_Cell(entry, 0, 0), "", False):
            seen_people = True  # "Via Microsoft Teams" looks like a name but holds no role
        out.append(line)
    return out


def _unfold_columns(region: list[Line]) -> tuple[list[Line], dict[int, int]]:
    """Two columns of entries side by side, read as the left column then the right one.

    A run of lines whose text sits either side of the same gap (three or more spaces, at the
    same position on at least two lines) is a two-column table. Each column's pieces are joined
    back into entries: a piece that does not open with a name ("Commissioner (PCC)",
    "(T/DCC)") carries on the entry above it. An entry joined from several pieces is a line of
    its own whose text is no longer the source's; the second value maps its start to the end of
    its first piece, so spans can point at real text.
    """
    out: list[Line] = []
    first_pieces: dict[int, int] = {}
    index = 0
    while index < len(region):
        run, boundary = _column_run(region, index)
        if not run:
            out.append(region[index])
            index += 1
            continue
        left: list[Line] = []
        right: list[Line] = []
        for line in run:
            for piece in _pieces(line):
                (right if piece.start - line.start >= boundary - 2 else left).append(piece)
        for column in (left, right):
            out.extend(_join_wrapped(column, first_pieces))
        index += len(run)
    return out, first_pieces


def _pieces(line: Line) -> list[Line]:
    out = []
    start = 0
    for gap in [*_COLUMN_GAP.finditer(line.text), None]:
        end = gap.start() if gap is not None else len(line.text)
        text = line.text[start:end]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            out.append(Line(line.start + start + lead, line.start + end, text.strip(), LineKind.TEXT))
        if gap is not None:
            start = gap.end()
    return out


def _column_run(region: list[Line], index: int) -> tuple[list[Line], int]:
    """The two-column run starting at `region[index]` and the right column's offset, if any."""
    if "   " not in region[index].text or "\t" in region[index].text:
        return [], 0
    pieces = _pieces(region[index])
    if len(pieces) != 2:
        return [], 0
    boundary = pieces[1].start - region[index].start
    run = [region[index]]
    both = 1
    for line in region[index + 1 :]:
        if "\t" in line.text or line.start != run[-1].end + 1:
            break  # a blank line or a tab table ends it
        found = _pieces(line)
        offsets = [p.start - line.start for p in found]
        if len(found) == 2 and abs(offsets[1] - boundary) <= 2:
            both += 1
        elif len(found) == 1 and (
            abs(offsets[0] - boundary) <= 2 or found[0].end - line.start < boundary - 2
        ):
            pass
        else:
            break
        run.append(line)
    return (run, boundary) if both >= 2 else ([], 0)


def _join_wrapped(column: list[Line], first_pieces: dict[int, int]) -> list[Line]:
    entries: list[list[Line]] = []
    for piece in column:
        opens = _LABEL.match(piece.text) or _opens_entry(piece.text)
        if entries and not opens:
            entries[-1].append(piece)
        else:
            entries.append([piece])
    out = []
    for entry in entries:
        text = " ".join(p.text for p in entry)
        if len(entry) > 1:
            first_pieces[entry[0].start] = entry[0].end
        out.append(Line(entry[0].start, entry[0].start + len(text), text, LineKind.TEXT))
    return out


def _opens_entry(text: str) -> bool:
    """Whether a column piece starts a new "Name – Role" entry rather than carrying one on."""
    head = _ENTRY_HEAD_END.split(_strip_rank(text)[0], maxsplit=1)[0]
    return _is_name(head)


def _join_semicolon_lists(region: list[Line]) -> list[Line]:
    """ "Present: A – Chief; B – Deputy Chief\nConstable (DCC); …" wrapped over lines, as one line.

    Joining consecutive lines with a space keeps every offset (the newline was one character),
    so spans still index the original text.
    """
    out: list[Line] = []
    for line in region:
        last = out[-1] if out else None
        wrapped = last is not None and ";" in last.text and line.start == last.end + 1
        if last is not None and wrapped and not _LABEL.match(line.text):
            out[-1] = Line(last.start, line.end, f"{last.text} {line.text}", last.kind)
        else:
            out.append(line)
    return out


def _looks_like_entry(stripped: str) -> bool:
    return bool(_is_name(stripped) or ")" in stripped and _ABBREV_LAST.search(stripped))


def _cells(raw: str, offset: int) -> list[_Cell]:
    """Tab-separated cells when a table row holds name and role; else the bullet-less line."""
    cells = [(c, i) for c, i in _split_tabs(raw) if c.strip()]
    if len(cells) == 1 and raw.count(";") >= 1:
        cells = [(c, i) for c, i in _split_on(raw, ";") if c.strip()]
    if len(cells) == 1 and raw.count("(") >= 2:
        cells = _bracketed_entries(raw) or cells
    if len(cells) == 1 and raw.count(",") >= 2:
        cells = _comma_entries(raw) or cells
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


def _bracketed_entries(raw: str) -> list[tuple[str, int]]:
    """ "A (Chief Constable – CC), B (Chief Executive, OPCC – CEO)": split at commas outside
    brackets, but only when every piece is a name followed by its bracketed role."""
    pieces: list[tuple[str, int]] = []
    depth, start = 0, 0
    for index, char in enumerate(raw):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            pieces.append((raw[start:index], start))
            start = index + 1
        elif depth == 0 and raw.startswith(" and ", index) and index > 0 and raw[index - 1] == ")":
            pieces.append((raw[start:index], start))  # "A (Scrutiny Officer) and B (Legal Adviser)"
            start = index + 5
    pieces.append((raw[start:], start))
    pieces = [(p, i) for p, i in pieces if p.strip()]
    if len(pieces) < 2 or not all(_NAME_THEN_BRACKET.match(p) for p, _ in pieces):
        return []
    return pieces


_AND_NAME = re.compile(r"\s+and\s+(?=[A-Z])")
_NOTE_TAKER = re.compile(
    r"\s*(?:[–—-]\s*|\()(?:notes|minutes|note[- ]?taker|minute[- ]?taker|secretariat|scribe)\)?\.?$",
    re.IGNORECASE,
)
_NOTE_TAKER_ENDS = ("notes", "minutes", "taker", "secretariat", "scribe")
_ROLE_FIRST = re.compile(r"^(?P<role>[^–—()]{3,60}?(?:\s*\([^()]{2,12}\))?)\s+[–—]\s+(?P<rest>[^–—]+)$")
_ORG_ABBREVS = frozenset({"OPCC", "OPFCC", "FORCE"})
_OFFICE_ABBREV_FIRST = re.compile(r"^(?P<role>(?:[TA]\s*/\s*)?[A-Z]{2,5})\s+(?P<rest>[A-Z][a-z].*)$")
# "(PCC) – Chair", "Head of Estates.", "Director of Finance, Kestrelmoor Police": what is not the role
_ROLE_TAIL = re.compile(
    r"(?:\s*(?:[–—-]|,|\()\s*(?:vice[- ])?chair(?:man|person)?\)?|\s*\((?:observing|minutes|notes)\)|"
    r"\s*(?:[–—-]|\(|,)\s*(?:for|present for|attending for)\s+(?:minutes?|items?|agenda)\b[^()]*\)?|"
    r",\s*(?:[A-Z][\w'’]+\s+){1,4}(?:Police|Constabulary)|,\s*Office\s+of\s+the\s+[\w ,&]+|\s*[.;,])\s*$",
    re.IGNORECASE,
)
# "Deputy Chief Constable Louise Hartley (DCC)", "T/Assistant Chief Constable Jon Reid": an
# office's full title written as a rank before the name
_OFFICE_TITLE_FIRST = re.compile(
    r"^(?P<role>(?:(?:T|A)\s*/\s*|(?:Temporary|Acting|Interim)\s+)?(?:"
    + "|".join(
        re.escape(title).replace(r"\ ", r"\s+")
        for title in sorted(
            {t for o in OFFICES for t in (o.title, *o.aliases) if " " in t}, key=len, reverse=True
        )
    )
    + r"))\s+(?P<rest>[A-Z].*)$",
    re.IGNORECASE,
)


def _comma_entries(raw: str) -> list[tuple[str, int]]:
    """ "Sarah Lockwood, Police and Crime Commissioner, Andrew Pell, Chief Executive (OPCC)":
    council web pages list people as "Name, Role" pairs in one comma list. A piece that is a
    name opens an entry and the pieces after it, up to the next name, are its role; "and"
    before the last person is a comma. Only taken when every piece is a name or a role and
    at least two people are found, so a single "Name, Role, OPCC" stays one entry.
    """
    pieces: list[tuple[str, int]] = []
    depth, start = 0, 0
    for index, char in enumerate(raw + ","):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            piece = raw[start:index]
            split = _AND_NAME.search(piece)
            if split and _opens_person(piece[split.end() :]) and depth == 0:
                pieces.append((piece[: split.start()], start))
                pieces.append((piece[split.end() :], start + split.end()))
            else:
                pieces.append((piece, start))
            start = index + 1
    entries: list[tuple[str, int]] = []
    for piece, offset in pieces:
        text = piece.strip().rstrip(".")
        if not text:
            continue
        lead = offset + len(piece) - len(piece.lstrip())
        if _opens_person(text):
            entries.append((text, lead))
        elif entries and _is_role(text):
            entries[-1] = (f"{entries[-1][0]}, {text}", entries[-1][1])
        else:
            return []
    return entries if len(entries) >= 2 else []


def _opens_person(text: str) -> bool:
    text = text.strip().rstrip(".")
    name = _strip_rank(text)[0]
    return _is_name(name) or (bool(_NAME_THEN_BRACKET.match(text)) and _is_name(name.split("(")[0]))


def _split_tabs(raw: str) -> list[tuple[str, int]]:
    return _split_on(raw, "\t")


def _split_on(raw: str, separator: str) -> list[tuple[str, int]]:
    out = []
    pos = 0
    for part in raw.split(separator):
        out.append((part, pos))
        pos += len(part) + 1
    return out


def _parse_entry(cell: _Cell, file: str, apologies: bool) -> Attendee | None:
    text = _without_note_taker(cell.text.strip())  # "Tom Fairley (Head of Policy) – notes"
    if not text or len(text) > 160:
        return None
    # each of the three shapes below needs a character most entries lack; look before matching
    match = _INITIALS_AFTER_NAME.match(text) if "(" in text else None
    if match and _is_name(_strip_rank(match.group("name"))[0]):
        name, rank = _strip_rank(match.group("name"))
        return _attendee(name, match.group("role") or rank, match.group("abbr"), cell, file, apologies)
    role_first = _ROLE_FIRST.match(text) if "–" in text or "—" in text else None
    if role_first:
        # "Chief Constable – Dominic Hartley (CC)": the role, a spaced dash, then the name
        bare, abbrev = split_abbrev(role_first.group("rest"))
        role_text, role_abbrev = split_abbrev(role_first.group("role"))  # "Chief Executive (OPCC)"
        abbrev = abbrev or role_abbrev
        if (_is_role(role_text) or office_for(role_text)) and _is_name(_strip_rank(bare)[0]):
            return _attendee(_strip_rank(bare)[0], role_text, abbrev, cell, file, apologies)
    abbrev_first = _OFFICE_ABBREV_FIRST.match(text)
    if abbrev_first and office_for(acting_abbrev(abbrev_first.group("role"))[0]) is not None:
        # "PCC Gareth Lyle (GL)", "T/DCC Martin Keble": the office's abbreviation as a rank
        bare, abbrev = split_abbrev(abbrev_first.group("rest"))
        if _is_name(bare):
            return _attendee(bare, abbrev_first.group("role"), abbrev, cell, file, apologies)
    title_first = _OFFICE_TITLE_FIRST.match(text)
    if title_first:
        bare, abbrev = split_abbrev(title_first.group("rest"))
        bare = _strip_rank(bare)[0]
        if _is_name(bare):
            return _attendee(bare, title_first.group("role"), abbrev, cell, file, apologies)
    name, rank = _strip_rank(text)
    bracketed = _ROLE_IN_BRACKETS.match(name) if name.endswith(")") else None
    if bracketed and _is_name(bracketed.group("name")) and _is_role(bracketed.group("role")):
        role_text, abbrev = bracketed.group("role"), bracketed.group("abbr") or ""
        return _attendee(bracketed.group("name"), role_text, abbrev, cell, file, apologies)
    separators = list(_SEPARATOR.finditer(name))
    # "Alun Rhys-Morgan, Police and Crime Commissioner": the comma splits, not the surname's hyphen
    ordered = [s for s in separators if not _GLUED_HYPHEN.match(s.group())] + [
        s for s in separators if _GLUED_HYPHEN.match(s.group())
    ]
    for sep in ordered:
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


def _without_note_taker(text: str) -> str:
    """The entry without a closing "– notes" or "(minute taker)".

    `_NOTE_TAKER` is anchored at the end but `sub` tries it from every position; a match ends
    with one of its words, then at most ")" and ".", which the lower-cased text shows (`fold`).
    """
    folded = fold(text)
    if folded is not None and not folded.rstrip(".)").endswith(_NOTE_TAKER_ENDS):
        return text
    return _NOTE_TAKER.sub("", text)


def _strip_rank(text: str) -> tuple[str, str]:
    match = RANKS.match(text.strip())
    if match:
        return text.strip()[match.end() :].strip(), match.group(0).strip()
    return text.strip(), ""


def _attendee(name: str, role_text: str, abbrev: str, cell: _Cell, file: str, apologies: bool) -> Attendee:
    if abbrev.upper() in _ORG_ABBREVS:  # "Chief Executive (OPCC)" names the side, not an office
        abbrev = ""
    if role_text.strip().upper() in _ORG_ABBREVS:  # "Ellie Shaw (OPCC)": whose staff, not a title
        role_text = ""
    role_text = role_text.strip()
    for _ in range(3):  # "Chief Constable, Wyvernshire Police (CC) – for minute 40/25 only"
        role_text, in_brackets = split_abbrev(_ROLE_TAIL.sub("", role_text))  # "… (DoF)"
        abbrev = abbrev or in_brackets
    if abbrev.upper() in _ORG_ABBREVS or abbrev.islower():  # "(observing)" is no abbreviation
        abbrev = ""
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


# "Brackenshire County Council" over "… Police and Crime Panel" in a web page's banner: bodies,
# not people, though capitalised like names
_BODY_WORD = re.compile(
    r"\b(?:Council|Constabulary|Police|Panel|Board|Committee|Service|Hall|Centre|House|Office|"
    r"Authority|Group|Partnership|Trust|Main|Content|Home)$"
)


def _is_name(text: str) -> bool:
    text = text.strip(" ,.")
    # _BODY_WORD is anchored at the end; its longest word and the character before fit in 16
    if not _NAME.match(text) or _ROLE_START.search(text) or _BODY_WORD.search(text[-16:]):
        return False
    return office_for(text) is None


def _is_role(text: str) -> bool:
    text = text.strip()
    if office_for(acting_abbrev(text)[0]) is not None:  # "Andrew Pike – CC", "Louise Hartley, T/DCC"
        return True
    bare, abbrev = split_abbrev(text)
    if abbrev and not _NAME.match(bare):
        return True
    return bool(_ROLE_START.search(text)) and not _is_name(text)


def _clean_name(name: str) -> str:
    return " ".join(name.split()).strip(" ,.-–")  # as re.sub(r"\s+", " ", …): the strip takes " "


def _dedupe(attendees: list[Attendee]) -> list[Attendee]:
    seen: dict[str, Attendee] = {}
    for a in attendees:
        key = a.name.casefold()
        if key not in seen or (not seen[key].role_title and a.role_title):
            seen[key] = a
    return list(seen.values())
