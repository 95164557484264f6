"""What a store does, whatever the engine behind it.

A store applies change sets atomically, loads the whole graph for linking, and runs
parameterised Cypher. The embedded LadybugDB store (`ladybug_store.py`) is the default; the
Neo4j backend implements the same interface for teams that outgrow one machine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from promises.graph.graphdata import GraphData
from promises.graph.model import ChangeSet


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Column names and rows of a Cypher query, values as Python objects."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class WritableGraph(Protocol):
    """A store opened for one atomic write."""

    def apply(self, changes: ChangeSet) -> None:
        """Upsert and delete what `changes` says.

        Raises:
            StoreError: the engine refused the write; the whole transaction is abandoned.
        """

    def load(self) -> GraphData:
        """Everything in the store, as it stands inside this transaction."""

    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Run Cypher with parameters; user text never goes into `cypher` itself."""


class GraphStore(Protocol):
    """A store: read any time, write through one atomic transaction at a time."""

    def exists(self) -> bool:
        """True when the store has been created (by a first ingest)."""

    def load(self) -> GraphData:
        """Everything in the store.

        Raises:
            StoreError: no store there, or one written by an incompatible version.
        """

    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Run read-only Cypher with parameters.

        Raises:
            QueryError: the engine rejected the query; the message keeps its position.
        """

    def columns_for(self, labels: Sequence[str]) -> dict[str, list[str]]:
        """Property names per label, for documentation and exports."""
