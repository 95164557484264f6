"""The declared Cypher schema, generated from the model so the two cannot drift.

LadybugDB needs every node and rel table declared with typed columns. The same column lists
drive bulk loading, CSV export headers and Neo4j constraints.
"""

from __future__ import annotations

import dataclasses
import typing
from datetime import date, datetime
from enum import StrEnum
from types import UnionType

from promises.graph.model import NODE_TYPES, REL_SCHEMA, Node

SCHEMA_VERSION = 2  # 2: Update.scope/roles, Update-[:ABOUT]->topic

_SCALARS: dict[type, str] = {
    str: "STRING",
    int: "INT64",
    float: "DOUBLE",
    bool: "BOOLEAN",
    date: "DATE",
    datetime: "TIMESTAMP",
}


def column_type(annotation: object) -> str:
    """Map a dataclass field annotation to a LadybugDB column type.

    >>> column_type(tuple[str, ...])
    'STRING[]'
    >>> column_type(date | None)
    'DATE'
    """
    if isinstance(annotation, UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return column_type(args[0])
    if typing.get_origin(annotation) is tuple:
        return f"{column_type(typing.get_args(annotation)[0])}[]"
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return "STRING"
    if isinstance(annotation, type) and annotation in _SCALARS:
        return _SCALARS[annotation]
    raise TypeError(f"no column type for {annotation!r}")


def node_columns(cls: type[Node]) -> list[tuple[str, str]]:
    """(name, type) for each field of a node class, `id` first."""
    hints = typing.get_type_hints(cls)
    return [(f.name, column_type(hints[f.name])) for f in dataclasses.fields(cls)]


def rel_columns(rel_props: dict[str, type]) -> list[tuple[str, str]]:
    return [(name, column_type(t)) for name, t in rel_props.items()]


def ddl() -> list[str]:
    """CREATE statements for every node and rel table, in dependency order."""
    statements = []
    for cls in NODE_TYPES:
        cols = ", ".join(f"`{name}` {typ}" for name, typ in node_columns(cls))
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {cls.LABEL}({cols}, PRIMARY KEY (id))")
    for rel, pairs, props in REL_SCHEMA:
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        cols = "".join(f", `{name}` {typ}" for name, typ in rel_columns(props))
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {rel.value}({ends}{cols})")
    return statements
