"""Render records as a table for people, or JSON/CSV for scripts.

JSON is the documented shape, alone on stdout; CSV flattens it to the columns a spreadsheet
user wants (nested values as dotted names, lists joined by "; ").
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any, TextIO

Json = dict[str, Any]


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


COMMITMENT_COLUMNS = (
    ("date", "meeting.date"),
    ("kind", "kind"),
    ("owner", "owner.role"),
    ("person", "owner.person"),
    ("due", "due"),
    ("status", "status"),
    ("text", "text"),
    ("id", "id"),
)
COMMITMENT_CSV = (
    "id",
    "kind",
    "text",
    "owner.role",
    "owner.role_title",
    "owner.person",
    "requested_by",
    "due",
    "due_text",
    "meeting.id",
    "meeting.date",
    "meeting.title",
    "meeting.body",
    "source.file",
    "source.start",
    "source.end",
    "topics",
    "operations",
    "places",
    "organisations",
    "status",
    "status_as_of",
    "confidence",
)
MEETING_COLUMNS = (
    ("date", "date"),
    ("time", "time"),
    ("title", "title"),
    ("topic", "topic"),
    ("chair", "chair"),
    ("attendees", "attendees"),
    ("commitments", "commitments"),
    ("confidence", "date_confidence"),
    ("id", "id"),
)
MEETING_CSV = (
    "id",
    "date",
    "time",
    "title",
    "topic",
    "venue",
    "body",
    "chair",
    "minutes_by",
    "attendees",
    "apologies",
    "next_meeting",
    "date_confidence",
    "source.file",
)
PEOPLE_COLUMNS = (("name", "name"), ("tenures", "tenures"), ("meetings", "meetings"), ("id", "id"))
PEOPLE_CSV = ("id", "name", "tenures", "meetings", "commitments_held")


def render(
    records: Sequence[Json],
    fmt: OutputFormat,
    out: TextIO,
    *,
    columns: Sequence[tuple[str, str]],
    csv_columns: Sequence[str],
    title: str = "",
) -> None:
    if fmt is OutputFormat.JSON:
        json.dump(list(records), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif fmt is OutputFormat.CSV:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(csv_columns)
        for record in records:
            writer.writerow([_cell(_get(record, path)) for path in csv_columns])
    else:
        render_table(records, columns, out, title=title)


def render_table(
    records: Sequence[Json], columns: Sequence[tuple[str, str]], out: TextIO, *, title: str = ""
) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title or None, show_lines=False, expand=False)
    for name, _ in columns:
        table.add_column(name, overflow="fold", max_width=70 if name == "text" else None)
    for record in records:
        table.add_row(*[_cell(_get(record, path)) for _, path in columns])
    Console(file=out, width=max(100, _width(out))).print(table)


def to_json_text(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _width(out: TextIO) -> int:
    import shutil

    return shutil.get_terminal_size((160, 40)).columns if out.isatty() else 160


def _get(record: Json, path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        if "role_title" in value and "from" in value:
            acting = " (acting)" if value.get("acting") else ""
            return (
                f"{value.get('role') or value['role_title']}{acting} {value.get('from')}..{value.get('to')}"
            )
        if "name" in value:
            return f"{value['name']} ({value['role']})" if value.get("role") else str(value["name"])
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    return " ".join(text.split()) if "\n" in text else text


def csv_text(records: Sequence[Json], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    render(records, OutputFormat.CSV, buffer, columns=(), csv_columns=columns)
    return buffer.getvalue()
