"""Run analysts' Cypher with typed parameters, on the embedded store or on Neo4j.

User values travel only as parameters (`--param name=value`): a value that parses as JSON
(numbers, booleans, lists, null) keeps its type, an ISO date becomes a date, anything else is a
string. The query text itself is passed through untouched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from promises.graph.errors import QueryError
from promises.graph.store import QueryResult

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_params(items: Sequence[str]) -> dict[str, Any]:
    """Parse `name=value` pairs into typed parameters.

    >>> parse_params(["since=2020-01-01", "n=3", "labels=[\\"a\\"]", "who=Pippa Mills"])
    {'since': datetime.date(2020, 1, 1), 'n': 3, 'labels': ['a'], 'who': 'Pippa Mills'}
    """
    params: dict[str, Any] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or not _NAME.match(name):
            raise QueryError(f"--param {item!r}: expected name=value with a plain name")
        params[name] = _value(raw)
    return params


def run_cypher(
    query: str, params: Mapping[str, Any], *, store: Any, neo4j_env: Mapping[str, str] | None = None
) -> QueryResult:
    if neo4j_env is not None:
        from promises.graph.neo4j_store import run_cypher as run_on_neo4j
        from promises.graph.neo4j_store import settings_from_env

        return run_on_neo4j(settings_from_env(neo4j_env), query, dict(params))
    result: QueryResult = store.query(query, params)
    return result


def result_records(result: QueryResult) -> list[dict[str, Any]]:
    return [{c: _jsonable(v) for c, v in zip(result.columns, row, strict=True)} for row in result.rows]


def _value(raw: str) -> Any:
    if _ISO_DATE.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
