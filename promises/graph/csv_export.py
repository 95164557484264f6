"""Export the graph as CSV files for `neo4j-admin database import full` (`promises export --to csv`).

Why offline import files as well as `push`: loading a large graph into an empty Neo4j database
is far faster with `neo4j-admin` than with transactions, and needs no network access from the
machine holding the store.

Layout of the output directory (every label and type gets a file, even an empty one, so scripts
see a stable set):

- `nodes-<Label>.csv`: `id:ID,<prop>[:type]…,:LABEL`
- `rels-<TYPE>.csv`: `:START_ID,:END_ID,:TYPE,<prop>[:type]…`
- `import.sh`: the `neo4j-admin` command that loads them.

Header types follow the model: `int`, `float`, `boolean`, `date`, `datetime`, `string[]`
(arrays split on `;`, the importer's default delimiter); plain strings carry no type. Ids share
one id space, which is safe because every id has a type prefix (`graph/ids.py`).
"""

from __future__ import annotations

import csv
import dataclasses
import os
import shutil
import tempfile
import typing
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from types import UnionType

from promises.graph.errors import PathError
from promises.graph.graphdata import GraphData
from promises.graph.model import NODE_TYPES, REL_SCHEMA, Node, PropValue, node_props

ARRAY_DELIMITER = ";"
IMPORT_SCRIPT = "import.sh"
_OURS = ("nodes-", "rels-")

_HEADER_TYPES: dict[type, str] = {
    bool: "boolean",  # before int: bool is an int subclass
    int: "int",
    float: "float",
    date: "date",
    datetime: "datetime",
    str: "",
}


class ExportError(PathError):
    """An export could not be written; nothing at the destination was changed."""


def export_csv(data: GraphData, out_dir: Path) -> list[Path]:
    """Write the neo4j-admin import files for `data` into `out_dir`; return the files written.

    Atomic: files are written to a temporary sibling directory that replaces `out_dir` only
    when complete. An existing `out_dir` is replaced only if it holds nothing but an earlier
    export, so a mistyped `-o` cannot wipe unrelated files.

    Raises:
        ExportError: `out_dir` holds other files, cannot be written, or a value cannot be
            represented (an array element containing the `;` delimiter).
    """
    out_dir = Path(out_dir)
    _check_destination(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
        staging.chmod(0o755)  # mkdtemp makes it private; an export is meant to be shared
    except OSError as err:
        raise ExportError(out_dir, f"cannot create the export directory: {err.strerror}") from err
    try:
        names = _write_all(data, staging)
        _swap_into_place(staging, out_dir)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(out_dir, f"cannot write the export: {err.strerror or err}") from err
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out_dir / name for name in names]


def node_header(cls: type[Node]) -> list[str]:
    """The typed CSV header of one label.

    >>> from promises.graph.model import Person
    >>> node_header(Person)
    ['id:ID', 'name', 'aliases:string[]', ':LABEL']
    """
    hints = typing.get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls) if f.name != "id"]
    return ["id:ID", *(_typed(name, _header_type(hints[name])) for name in fields), ":LABEL"]


def rel_header(props: dict[str, type]) -> list[str]:
    """The typed CSV header of one relationship type."""
    return [":START_ID", ":END_ID", ":TYPE", *(_typed(name, _header_type(t)) for name, t in props.items())]


# -- writing -------------------------------------------------------------------------------------


def _write_all(data: GraphData, directory: Path) -> list[str]:
    names: list[str] = []
    for cls in NODE_TYPES:
        name = f"nodes-{cls.LABEL}.csv"
        fields = [f.name for f in dataclasses.fields(cls) if f.name != "id"]
        rows = (
            [node.id, *(_cell(node_props(node)[f], node.id) for f in fields), cls.LABEL]
            for node in data.of_type(cls)
        )
        _write_csv(directory / name, node_header(cls), rows)
        names.append(name)
    for rel, _, props in REL_SCHEMA:
        name = f"rels-{rel.value}.csv"
        edges = sorted(data.edges_of(rel), key=lambda e: e.key)
        rows = (
            [e.src, e.dst, rel.value, *(_cell(e.prop(p), f"{e.src}-[{rel.value}]->{e.dst}") for p in props)]
            for e in edges
        )
        _write_csv(directory / name, rel_header(props), rows)
        names.append(name)
    script = directory / IMPORT_SCRIPT
    script.write_text(_import_script(names), encoding="utf-8")
    script.chmod(0o755)
    names.append(IMPORT_SCRIPT)
    return names


def _write_csv(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        fh.flush()
        os.fsync(fh.fileno())


def _import_script(names: list[str]) -> str:
    nodes = " ".join(f"--nodes={n}" for n in names if n.startswith("nodes-"))
    rels = " ".join(f"--relationships={n}" for n in names if n.startswith("rels-"))
    return (
        "#!/bin/sh\n"
        "# Load this export into an empty Neo4j 5 database (stop the database first):\n"
        "#   ./import.sh [DATABASE]   (default: neo4j)\n"
        "set -e\n"
        'cd "$(dirname "$0")"\n'
        f"neo4j-admin database import full --array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true \\\n"
        f"  {nodes} \\\n"
        f"  {rels} \\\n"
        '  "${1:-neo4j}"\n'
    )


def _cell(value: PropValue | list[str], where: str) -> str:
    """One CSV field: null as empty, booleans lower-case, dates ISO, arrays joined with `;`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list):
        for item in value:
            if ARRAY_DELIMITER in item:
                raise ExportError(where, f"array value {item!r} contains the delimiter {ARRAY_DELIMITER!r}")
        return ARRAY_DELIMITER.join(value)
    return str(value)


def _typed(name: str, header_type: str) -> str:
    return f"{name}:{header_type}" if header_type else name


def _header_type(annotation: object) -> str:
    if isinstance(annotation, UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _header_type(args[0])
    if typing.get_origin(annotation) is tuple:
        return f"{_header_type(typing.get_args(annotation)[0]) or 'string'}[]"
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return ""
    for python_type, header in _HEADER_TYPES.items():
        if annotation is python_type:
            return header
    raise TypeError(f"no CSV header type for {annotation!r}")


# -- destination ---------------------------------------------------------------------------------


def _check_destination(out_dir: Path) -> None:
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise ExportError(out_dir, "exists and is not a directory")
    foreign = sorted(
        p.name for p in out_dir.iterdir() if not (p.name.startswith(_OURS) or p.name == IMPORT_SCRIPT)
    )
    if foreign:
        raise ExportError(
            out_dir,
            f"holds files that are not part of an export ({', '.join(foreign[:3])}); "
            "choose an empty directory",
        )


def _swap_into_place(staging: Path, out_dir: Path) -> None:
    """Replace `out_dir` by `staging`: the old export is moved aside first and removed last."""
    old: Path | None = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old.", dir=out_dir.parent))
        os.rmdir(old)
        os.rename(out_dir, old)
    try:
        os.rename(staging, out_dir)
    except OSError:
        if old is not None:
            os.rename(old, out_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
