"""One error family for everything a user can cause.

The CLI catches `PromiseGraphError` only, prints `Error: <str(err)>` and exits 1; any other
exception is a bug and should crash loudly with its traceback.
"""

from __future__ import annotations

from pathlib import Path


class PromiseGraphError(Exception):
    """Base of every error caused by input, configuration or the environment."""


class PathError(PromiseGraphError):
    """A problem with one file or folder: the message names it first, so a batch log reads well."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputFileError(PathError):
    """A file that cannot be read as minutes; the rest of a batch still goes ahead."""


class StoreError(PathError):
    """The store cannot be opened or written."""

    def __str__(self) -> str:
        return f"store {self.path}: {self.reason}"


class QueryError(PromiseGraphError):
    """A user's query (Cypher, SPARQL, filter value) was rejected."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


class NotFoundError(PromiseGraphError):
    """An id or text matched nothing in the store."""

    def __init__(self, what: str, key: str) -> None:
        super().__init__(what, key)
        self.what = what
        self.key = key

    def __str__(self) -> str:
        return f"no {self.what} matches {self.key!r}"


class ExportError(PromiseGraphError):
    """An export could not be written: unknown format or unwritable path."""

    def __init__(self, target: Path | str, reason: str) -> None:
        super().__init__(target, reason)
        self.target = str(target)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.target}: {self.reason}"
