"""Action tables (action logs, "Actions arising"), however text extraction flattened them.

An action log is a table with an action, its owner, a due date and a status. Word and PDF
converters flatten it in two ways that sentence segmentation cannot read, because the cells of
one row are not one sentence:

- *stacked*: one cell per line, the header first ("Action No." / "Action" / "Owner" / "Due" /
  "Status"), then each row's cells in turn; empty cells simply vanish, so rows are found by
  their reference ("PAB 22/01") or by content, never by counting lines.
- *layout* (`pdftotext -layout`): the header on one line with its columns separated by runs of
  spaces, and each cell wrapping onto further lines in the same column, so a row is read down
  its columns until the next reference starts a row.

`find_action_tables` returns the rows with each piece of text assigned to a column; extraction
turns them into commitments. Every fragment keeps its offsets, so commitments still quote the
source exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from promises.ingest.deadlines import find_deadline
from promises.ingest.segmentation import Line, LineKind

__all__ = ["ActionTable", "Fragment", "TableRow", "column_chunks", "find_action_tables", "quote"]

REF, ACTION, OWNER, DUE, STATUS, OTHER = "ref", "action", "owner", "due", "status", "other"

# Header cells, by the column they name. Only whole cells count, so prose never opens a table.
_HEADER_CELLS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (column, re.compile(pattern, re.IGNORECASE))
    for column, pattern in (
        (REF, r"(?:action\s+)?(?:ref(?:erence)?|no|number|#|id|item)\.?"),
        (ACTION, r"actions?(?:\s+(?:description|required|agreed|point))?|description|details?"),
        (OWNER, r"(?:action\s+)?owners?|lead(?:\s+officer)?|responsib(?:le|ility)(?:\s+officer)?|"
         r"by\s+whom|who"),
        (DUE, r"due(?:\s+(?:date|by))?|deadline|target(?:\s+date)?|date\s+due|by\s+when|timescales?|"
         r"completion\s+date|when"),
        (STATUS, r"(?:current\s+)?status|rag(?:\s+status)?|progress(?:\s+update)?|updates?|comments?|"
         r"outcome"),
        (OTHER, r"date(?:\s+(?:raised|agreed|opened|of\s+meeting))?|meeting(?:\s+date)?|minute(?:\s+ref)?|"
         r"source|priority|theme"),
    )
)  # fmt: skip
# first words of every header cell above: most lines fail this set lookup before any regex runs
_HEADER_FIRST_WORDS = frozenset(
    """ref reference no number # id item action actions description details detail owner owners
    lead responsible responsibility by who due deadline target date timescale timescales
    completion when current status rag progress update updates comment comments outcome meeting
    minute source priority theme""".split()
)
_REF_CELL = re.compile(r"^(?:[A-Z]{1,6}\s?)?\d{1,4}(?:\s?[/.\-]\s?\d{1,4}){0,3}[a-z]?$")
_STATUS_CELL = re.compile(
    r"^(?:open|closed?|complete[d]?|ongoing|in\s+progress|discharged|superseded|on\s+hold|overdue|green|"
    r"amber|red|blue|new|not\s+started|carried\s+forward|deferred|proposed\s+(?:for\s+)?clos(?:e|ed|ure)|"
    r"pending|done|achieved|withdrawn|transferred|live|active)\b",
    re.IGNORECASE,
)
_DUE_WORDS = re.compile(r"^(?:tbc|tba|asap|immediate(?:ly)?|ongoing|n/?a)\.?$", re.IGNORECASE)
_GAP = re.compile(r"\S+(?:\s\S+)*")  # text separated by runs of two or more spaces
_MAX_CELL_WORDS = 6  # an owner or due cell is short; anything longer is the action itself


@dataclass(frozen=True, slots=True)
class Fragment:
    """A piece of one cell on one line: `text == source[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row: its fragments in reading order, each with the column it belongs to."""

    cells: tuple[tuple[str, Fragment], ...]

    def column(self, name: str) -> list[Fragment]:
        return [fragment for column, fragment in self.cells if column == name]

    def text(self, name: str) -> str:
        return " ".join(f.text for f in self.column(name))


@dataclass(frozen=True, slots=True)
class ActionTable:
    """A table of actions: `[start, end)` covers header and rows in the source."""

    start: int
    end: int
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]


def column_chunks(line: Line) -> list[Fragment]:
    """The runs of text on a line separated by two or more spaces, with their offsets."""
    raw = line.text.replace("\t", "  ").replace("\f", " ")
    return [
        Fragment(line.text[m.start() : m.end()], line.start + m.start(), line.start + m.end())
        for m in _GAP.finditer(raw)
    ]


def find_action_tables(lines: Sequence[Line], is_owner: Callable[[str], bool]) -> list[ActionTable]:
    """Every action table in a document, stacked or laid out in columns.

    `is_owner` says whether a short cell names a party of the meeting: stacked rows have no
    positions, so an owner cell is told from an action by what it names.
    """
    tables: list[ActionTable] = []
    index = 0
    while index < len(lines):
        if not _may_open_table(lines[index].text):
            index += 1
            continue
        found = (
            _tabbed_table(lines, index)
            or _layout_table(lines, index)
            or _stacked_table(lines, index, is_owner)
        )
        if found is None:
            index += 1
            continue
        table, index = found
        if table.rows:
            tables.append(table)
    return tables


# -- helpers, in call order ---------------------------------------------------------------------


def _may_open_table(raw: str) -> bool:
    """A cheap test run on every line: a table opens with a short header cell, or with a laid-out
    header line that names the action column."""
    stripped = raw.strip()
    if "\t" in stripped:
        cells = [c for c in stripped.split("\t") if c.strip()]
        return len(cells) >= 3 and all(_header_column(c) is not None for c in cells)
    if len(stripped) <= 30:
        first = stripped.split(" ", 1)[0].lower().rstrip(".:")
        return first in _HEADER_FIRST_WORDS and _header_column(stripped) is not None
    lowered = stripped.lower()
    return "  " in stripped and ("action" in lowered or "description" in lowered)


def quote(lines: Sequence[Line], start: int, end: int) -> str:
    """The source text of `[start, end)`, rebuilt from the lines that cover it."""
    first = max(0, bisect_right([line.start for line in lines], start) - 1)
    parts = []
    for line in lines[first:]:
        if line.start > end:
            break
        parts.append(line.text[max(start, line.start) - line.start : min(end, line.end) - line.start])
    return "\n".join(parts)


def _header_column(text: str) -> str | None:
    cell = " ".join(text.split()).strip(" :")
    if not cell or len(cell.split()) > 4:
        return None
    for column, pattern in _HEADER_CELLS:
        if pattern.fullmatch(cell):
            return column
    return None


def _is_action_header(columns: Sequence[str]) -> bool:
    return len(columns) >= 3 and ACTION in columns and bool({OWNER, DUE, STATUS} & set(columns))


def _tabbed_table(lines: Sequence[Line], index: int) -> tuple[ActionTable, int] | None:
    """A header "Ref<TAB>Action<TAB>Owner<TAB>Due", then one row per line, cells by tab.

    Word and HTML tables reach us this way (`promises.ingest.readers`): cells are told apart
    by their position among the tabs, never by column widths, which tabs do not keep.
    """
    header = lines[index]
    if "\t" not in header.text:
        return None
    columns = [_header_column(cell) if cell.strip() else OTHER for cell in header.text.split("\t")]
    if any(c is None for c in columns):
        return None
    names = [c or OTHER for c in columns]
    if not _is_action_header(names):
        return None
    rows: list[tuple[tuple[str, Fragment], ...]] = []
    end = header.end
    position = index + 1
    while position < len(lines) and "\t" in lines[position].text:
        line = lines[position]
        cells: list[tuple[str, Fragment]] = []
        offset = line.start
        for number, cell in enumerate(line.text.split("\t")):
            text = cell.strip()
            if text:
                lead = len(cell) - len(cell.lstrip())
                column = names[number] if number < len(names) else OTHER
                cells.append((column, Fragment(text, offset + lead, offset + lead + len(text))))
            offset += len(cell) + 1
        if cells:
            rows.append(tuple(cells))
        end = line.end
        position += 1
    return ActionTable(header.start, end, tuple(names), tuple(TableRow(r) for r in rows)), position


def _layout_table(lines: Sequence[Line], index: int) -> tuple[ActionTable, int] | None:
    """A header line "Ref   Action   Owner   Deadline", then rows read down their columns."""
    header = lines[index]
    chunks = column_chunks(header)
    if len(chunks) < 3:
        return None
    columns = [_header_column(c.text) for c in chunks]
    if any(c is None for c in columns) or not _is_action_header([c for c in columns if c]):
        return None
    names = tuple(c for c in columns if c is not None)
    starts = [c.start - header.start for c in chunks]
    rows: list[list[tuple[str, Fragment]]] = []
    end = header.end
    position = index + 1
    blank_run = 0
    while position < len(lines):
        line = lines[position]
        if not line.text.strip() or line.kind is LineKind.FURNITURE:
            blank_run += 1
            if blank_run >= 2:
                break
            position += 1
            continue
        pieces = column_chunks(line)
        placed = [(_column_at(p.start - line.start, starts), p) for p in pieces]
        if pieces[0].start - line.start < starts[0] + 2 and _spills(pieces[0], line, starts):
            break  # a line of prose across the columns ends the table
        blank_run = 0
        first_filled = any(col == 0 for col, _ in placed)
        new_row = first_filled and (names[0] == REF or len({col for col, _ in placed}) >= 2 or not rows)
        if new_row or not rows:
            rows.append([])
        rows[-1].extend((names[col], piece) for col, piece in placed)
        end = line.end
        position += 1
    table = ActionTable(header.start, end, names, tuple(TableRow(tuple(r)) for r in rows if r))
    return table, position


def _column_at(offset: int, starts: Sequence[int]) -> int:
    """The column a piece starting at `offset` belongs to: the last one starting at or before it
    (two characters of slack, as converters nudge text left of its column)."""
    column = 0
    for i, start in enumerate(starts):
        if offset + 2 >= start:
            column = i
    return column


def _spills(piece: Fragment, line: Line, starts: Sequence[int]) -> bool:
    """Whether a piece starting in the first column runs on past the second column's start."""
    return len(starts) > 1 and piece.end - line.start > starts[1] + 2


def _stacked_table(
    lines: Sequence[Line], index: int, is_owner: Callable[[str], bool]
) -> tuple[ActionTable, int] | None:
    """A header of one cell per line ("Action" / "Owner" / "Due"), then the cells of each row."""
    columns: list[str] = []
    position = index
    while position < len(lines) and lines[position].text.strip():
        column = _header_column(lines[position].text)
        if column is None:
            break
        columns.append(column)
        position += 1
    if not _is_action_header(columns):
        return None
    names = tuple(columns)
    rows: list[list[tuple[str, Fragment]]] = []
    end = lines[position - 1].end
    blank_run = 0
    while position < len(lines):
        line = lines[position]
        text = line.text.strip()
        if not text or line.kind is LineKind.FURNITURE:
            blank_run += 1
            if blank_run >= 2:
                break
            position += 1
            continue
        if line.kind is LineKind.LABEL or len(text.split()) > 40:
            break  # "Date of next meeting: …" or a paragraph: the table is over
        blank_run = 0
        lead = len(line.text) - len(line.text.lstrip())
        fragment = Fragment(text, line.start + lead, line.start + lead + len(text))
        column = _cell_column(fragment.text, names, rows[-1] if rows else None, is_owner)
        starts_row = (
            not rows
            or column == REF
            or (names[0] != REF and column == ACTION and _row_has_more_than_action(rows[-1]))
        )
        if starts_row:
            rows.append([])
        rows[-1].append((column, fragment))
        end = line.end
        position += 1
    table = ActionTable(lines[index].start, end, names, tuple(TableRow(tuple(r)) for r in rows if r))
    return table, position


def _cell_column(
    text: str, names: Sequence[str], row: list[tuple[str, Fragment]] | None, is_owner: Callable[[str], bool]
) -> str:
    """The column of a stacked cell, from what it says: a reference, a status, a date, a party."""
    short = len(text.split()) <= _MAX_CELL_WORDS
    dated = short and _is_date(text)
    opened = row is not None and any(c == ACTION for c, _ in row)
    if (
        REF in names
        and _REF_CELL.match(text)
        and not (dated and opened)
        and (row is None or any(c != REF for c, _ in row))
    ):
        return REF  # "31.01.22" after a row's action is its due date, not the next row's reference
    if STATUS in names and _STATUS_CELL.match(text):
        return STATUS
    if DUE in names and short and (_DUE_WORDS.match(text) or dated):
        return DUE
    if OWNER in names and short and is_owner(text):
        return OWNER
    return ACTION


def _is_date(text: str) -> bool:
    """Whether the whole cell is a time: "25.03.22", "Q2", "March 2024", "next meeting"."""
    found = find_deadline(f"by {text}", None)
    return found is not None and found.end - found.start >= len(text)


def _row_has_more_than_action(row: list[tuple[str, Fragment]]) -> bool:
    return any(column == ACTION for column, _ in row) and any(
        column not in (ACTION, REF) for column, _ in row
    )
