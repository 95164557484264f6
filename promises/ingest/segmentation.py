"""Split minutes into lines, blocks and sentences without losing offsets.

Minutes arrive hard-wrapped (PDF text with blank lines in mid-sentence), as bullets, as
flattened table rows, with page furniture ("Page 3 of 7") and with paragraphs repeated by
PDF extraction. Rather than rewriting the text (which would break offsets), segmentation
classifies lines and joins them into blocks that follow the sentence, then splits blocks into
sentences whose `[start, end)` spans index the original text. A sentence already seen (or
contained in one already seen) is marked `duplicate_of`, so a repeated paragraph becomes
extra evidence rather than a second promise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

_BULLET = re.compile(r"^\s*(?:[•●▪◦·\-*–]|o(?=\s)|\(?[a-z]\)|\(?[ivx]{1,4}\))\s*")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[A-Z]\.)\s+(?=\S)")
# "Action:", "ACTION 3 –", "ACTION 43/23/1:", "Action 38/23/4 (CC) –"
_ACTION = re.compile(
    r"^\s*(?:[•\-*]\s*)?actions?\b\s*(?:(?:[A-Z]{1,3}\s?)?\d[\w/.\-]*\s*)?(?:\([^()]{1,40}\)\s*)?[:\-–—]",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^\s*(?:[-•]\s*)?[A-Z][A-Za-z /&]{1,30}:\s")
# council minute numbers: "23/48 Performance Report", "PCP 12/23 Budget"
_MINUTE_NUMBER = re.compile(r"^\s*(?:[A-Z]{2,5}\s+)?\d{1,3}/\d{2,4}\.?\s+(?=[A-Z])")
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+|-\s*\d+\s*-|\d{1,3}|\d\s\d|"
    r"(?:official|official[- ]sensitive|not protectively marked|protect|restricted)\s*)\s*$",
    re.IGNORECASE,
)
_RUNNING_FOOTER = re.compile(r"^.{0,150}?(?:\s{2,}|\s[–|-]\s)page\s+\d+\s+of\s+\d+\s*$", re.IGNORECASE)
_TERMINAL = re.compile(r"""[.!?;:]["'”’)\]]*\s*$""")
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*(?=\s+(?:[A-Z0-9•(\"'“‘]|$))|[.!?]["'”’)\]]*$""")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Ch|Supt|Insp|Sgt|Det|Mr|Mrs|Ms|Dr|Cllr|No|no|Nos|approx|St|Co|Ltd|vs|etc|Op|Ops|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|inc|incl)|\b[a-z]\.[a-z]|\b[A-Z])\.$"
)
_OWNER_ONLY_ACTION = re.compile(
    r"(?:^\s*(?:[•\-*]\s*)?|[.;)]\s+)(?:actions?|actioned by|owner)\s*(?:\d+\s*)?[:\-–—]\s*"
    r"(?:(?!to\b)[\w/&.,'’-]+\s*){1,4}$",
    re.IGNORECASE,
)
# an item code at the start of a line: "Ref 01/21/06/2023", "02/17/04/2024"
_REF_LEAD = re.compile(r"^\s*(?:Ref\.?\s*)?\d{1,3}/\d{1,2}/\d{1,2}/\d{2,4}\b", re.IGNORECASE)
# "ACTION A30/24 – Owner: DoF  Deadline: 21/01/2025": a complete record, however it ends
_OWNER_FIELD = re.compile(r"\b(?:owner|lead|deadline|due(?:\s+date)?)\s*:", re.IGNORECASE)
_ITEM_CODE = re.compile(r"^\s*(?:Ref\.?\s*)?(?P<code>\d{1,3}(?:/\d{1,4}){2,3})\b", re.IGNORECASE)
_DATE_LIKE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:\d\d|\d{4})")
_SHOUTED = re.compile(r"^\d{1,4}[.)]?\s+[A-Z][A-Z&,'’ ()/–-]{3,}$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S")
_WORD = re.compile(r"\S+")
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")


class LineKind(StrEnum):
    """What a physical line looks like, before any meaning is attached."""

    BLANK = "blank"
    FURNITURE = "furniture"
    BULLET = "bullet"
    NUMBERED = "numbered"
    ACTION = "action"
    LABEL = "label"
    TABLE = "table"
    HEADING = "heading"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line: `[start, end)` excludes the newline."""

    start: int
    end: int
    text: str
    kind: LineKind


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive lines that belong to one paragraph, bullet, heading or action."""

    start: int
    end: int
    kind: LineKind
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its span in the original text and the block it came from."""

    start: int
    end: int
    text: str
    block: int
    kind: LineKind
    duplicate_of: int | None = None
    flat_text: str = ""  # filled by `sentences`, which normalises every sentence anyway

    @property
    def flat(self) -> str:
        """The sentence on one line, hyphenated breaks joined; for matching, not for quoting."""
        return self.flat_text or normalise(self.text)


def normalise(text: str) -> str:
    """Join hyphenated line breaks and squeeze whitespace.

    >>> normalise("recom-\\n  mendation  two\\n\\nlines")
    'recommendation two lines'
    """
    if "\n" in text and "-" in text:  # a hyphenated break needs both; most sentences have neither
        text = _HYPHEN_BREAK.sub(r"\1\2", text)
    return " ".join(text.split())  # str.split() and re's \s agree on what whitespace is


def split_lines(text: str) -> list[Line]:
    """Classify every physical line of `text`."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        lines.append(Line(start, end, raw, _classify(raw)))
    return lines


def blocks(text: str, lines: list[Line] | None = None) -> list[Block]:
    """Join lines into blocks, following sentences across hard wraps and blank lines."""
    lines = split_lines(text) if lines is None else lines
    out: list[Block] = []
    current: list[Line] = []
    for line in lines:
        if line.kind in (LineKind.BLANK, LineKind.FURNITURE):
            continue
        if current and _continues(current, line):
            current.append(line)
            continue
        if current:
            out.append(_block(current))
        current = [line]
    if current:
        out.append(_block(current))
    return out


def sentences(text: str, block_list: list[Block] | None = None) -> list[Sentence]:
    """Sentences of every block, with repeats (PDF artefacts, summaries) marked."""
    block_list = blocks(text) if block_list is None else block_list
    out: list[Sentence] = []
    seen: dict[str, int] = {}
    seen_text: list[str] = []
    for index, block in enumerate(block_list):
        for start, end in _sentence_spans(text, block):
            quote = text[start:end]
            flat = normalise(quote)
            key = flat.casefold()
            duplicate = seen.get(key)
            if duplicate is None and len(key) >= 40 and block.kind is LineKind.TEXT:
                duplicate = _contained_in(key, seen_text, seen)
            sentence = Sentence(start, end, quote, index, block.kind, duplicate, flat)
            if duplicate is None:
                seen.setdefault(key, len(out))
                seen_text.append(key)
            out.append(sentence)
    return out


def iter_words(text: str) -> Iterator[re.Match[str]]:
    return _WORD.finditer(text)


# -- helpers, in call order ---------------------------------------------------------------------


def _classify(raw: str) -> LineKind:
    stripped = raw.strip()
    if not stripped:
        return LineKind.BLANK
    if _PAGE_FURNITURE.match(stripped) or "age" in stripped and _RUNNING_FOOTER.match(stripped):
        return LineKind.FURNITURE
    if _ACTION.match(stripped):
        return LineKind.ACTION
    if _MARKDOWN_HEADING.match(stripped):
        return LineKind.HEADING
    if "\t" in raw and len([cell for cell in raw.split("\t") if cell.strip()]) >= 2:
        return LineKind.TABLE
    raw = raw.replace("\t", " ")
    numbered = _NUMBERED.match(raw)
    if numbered is None and _BULLET.match(raw):
        return LineKind.BULLET
    if numbered is not None:
        title = raw[numbered.end() :].strip()
        if not title or (len(title.split()) <= 10 and not _TERMINAL.search(title)):
            return LineKind.HEADING
        return LineKind.NUMBERED
    minute = _MINUTE_NUMBER.match(raw)
    if minute and len(raw[minute.end() :].split()) <= 12 and not _TERMINAL.search(stripped):
        return LineKind.HEADING
    if _LABEL.match(raw) and len(stripped) < 120:
        return LineKind.LABEL
    words = stripped.split()
    if (
        len(words) <= 8
        and not _TERMINAL.search(stripped)
        and (stripped[0].isupper() or _SHOUTED.match(stripped))
    ):
        return LineKind.HEADING  # "150. CORPORATE COMMUNICATIONS": a long minute number, then capitals
    return LineKind.TEXT


def _continues(current: list[Line], line: Line) -> bool:
    """Whether `line` carries on the block in `current` (a sentence wrapped onto it)."""
    last = current[-1]
    first = current[0]
    if first.kind in (LineKind.LABEL, LineKind.TABLE, LineKind.HEADING) and len(current) == 1:
        if first.kind is LineKind.HEADING and line.kind is LineKind.TEXT and line.text.strip()[:1].islower():
            return True
        return False
    if line.kind not in (LineKind.TEXT, LineKind.HEADING):
        return False
    if line.kind is LineKind.HEADING and (_NUMBERED.match(line.text) or _MINUTE_NUMBER.match(line.text)):
        return False  # "2. Finance" opens an agenda item, whatever the line before lacked
    if (
        _OWNER_ONLY_ACTION.search(last.text)
        or last.kind is LineKind.ACTION
        and _OWNER_FIELD.search(last.text)
    ):
        return False  # "Action: RJ" closes the action before it; the next line is a new item
    if _REF_LEAD.match(last.text) and line.start > last.end + 1 and line.text.strip()[:1].isupper():
        return False  # "Ref 02/17/04/2024   Minutes of the previous meeting", a blank, then the item's text
    code = _ITEM_CODE.match(line.text)
    if code is not None and not _DATE_LIKE.fullmatch(code.group("code")):
        return False  # "45/23/1  DCC  Site visit …": each coded item of a list is its own
    if _TERMINAL.search(last.text):
        return False
    stripped = line.text.strip()
    if line.kind is LineKind.HEADING and stripped[:1].isupper() and _looks_like_title(stripped):
        # a short capitalised line after an unfinished one: a wrapped tail only if it ends the sentence
        return bool(_TERMINAL.search(stripped))
    return True


def _looks_like_title(stripped: str) -> bool:
    words = [w for w in stripped.split() if w.isalpha()]
    if not words:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.5


def _block(lines: list[Line]) -> Block:
    kind = lines[0].kind
    if kind is LineKind.HEADING and len(lines) > 1:
        kind = LineKind.TEXT
    start = lines[0].start + _indent(lines[0].text)
    return Block(start, lines[-1].end - _trail(lines[-1].text), kind, tuple(lines))


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip())


def _trail(raw: str) -> int:
    return len(raw) - len(raw.rstrip())


def _sentence_spans(text: str, block: Block) -> Iterator[tuple[int, int]]:
    if block.kind in (LineKind.LABEL, LineKind.HEADING):
        yield block.start, block.end
        return
    if block.kind is LineKind.TABLE:
        for line in block.lines:
            pos = line.start
            for cell in line.text.split("\t"):
                if cell.strip():
                    yield from _split(text, pos, pos + len(cell))
                pos += len(cell) + 1
        return
    yield from _split(text, block.start, block.end)


def _split(text: str, begin: int, finish: int) -> Iterator[tuple[int, int]]:
    chunk = text[begin:finish]
    start = 0
    for match in _SENTENCE_END.finditer(chunk):
        end = match.end()
        candidate = chunk[start:end]
        if end < len(chunk) and _ends_abbreviated(candidate.rstrip("\"'”’)]")):
            continue
        if candidate.strip():
            yield _trimmed(text, begin + start, begin + end)
        start = end
    if chunk[start:].strip():
        yield _trimmed(text, begin + start, finish)


def _ends_abbreviated(candidate: str) -> bool:
    """Whether the candidate sentence ends with an abbreviation's full stop ("Supt.", "e.g.").

    `_ABBREVIATIONS` is anchored at the end, but `search` would try it from every position;
    its longest match is seven characters, so the last sixteen hold any match together with the
    character before it, which its word boundary looks at.
    """
    return _ABBREVIATIONS.search(candidate[-16:]) is not None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _contained_in(key: str, seen_text: list[str], seen: dict[str, int]) -> int | None:
    """Index of an earlier sentence that contains `key` (a repeated fragment), if any."""
    recent = seen_text[-400:]
    joined = " ".join(recent)
    if key not in joined:
        return None  # then no earlier sentence holds it either: each is a piece of `joined`
    for earlier in reversed(recent):
        if key in earlier:
            return seen[earlier]
    for earlier in reversed(recent):
        if earlier[:30] in key or key[:30] in earlier:
            return seen[earlier]
    return None
