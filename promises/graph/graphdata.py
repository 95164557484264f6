"""An in-memory copy of the graph, the common currency of linking, queries and exports.

Linking and status are pure functions over `GraphData`, so they are tested without a store;
stores only load it and apply `ChangeSet`s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from promises.graph.model import ChangeSet, Edge, Node, RelType

N = TypeVar("N", bound=Node)


@dataclass(slots=True)
class GraphData:
    """Nodes by id and edges by (type, src, dst), with adjacency built on demand."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    _out: dict[tuple[str, str], list[Edge]] | None = None
    _in: dict[tuple[str, str], list[Edge]] | None = None

    @classmethod
    def build(cls, nodes: Iterable[Node], edges: Iterable[Edge]) -> GraphData:
        data = cls()
        for n in nodes:
            data.nodes[n.id] = n
        for e in edges:
            data.edges[e.key] = e
        return data

    def of_type(self, cls: type[N]) -> list[N]:
        """All nodes of one class, sorted by id for deterministic output."""
        return sorted((n for n in self.nodes.values() if isinstance(n, cls)), key=lambda n: n.id)

    def get(self, node_id: str, cls: type[N]) -> N | None:
        node = self.nodes.get(node_id)
        return node if isinstance(node, cls) else None

    def out(self, node_id: str, rel: RelType) -> list[Edge]:
        """Edges of type `rel` leaving `node_id`."""
        if self._out is None:
            self._index()
        assert self._out is not None
        return self._out.get((node_id, rel.value), [])

    def into(self, node_id: str, rel: RelType) -> list[Edge]:
        """Edges of type `rel` arriving at `node_id`."""
        if self._in is None:
            self._index()
        assert self._in is not None
        return self._in.get((node_id, rel.value), [])

    def edges_of(self, rel: RelType) -> Iterator[Edge]:
        return (e for e in self.edges.values() if e.type == rel)

    def apply(self, changes: ChangeSet) -> None:
        """Apply a change set in memory, the same way a store would."""
        for node_id in changes.delete_nodes:
            self.nodes.pop(node_id, None)
            for key in [k for k in self.edges if node_id in (k[1], k[2])]:
                del self.edges[key]
        for key in changes.delete_edges:
            self.edges.pop(key, None)
        self.nodes.update(changes.nodes)
        self.edges.update(changes.edges)
        self._out = self._in = None

    def _index(self) -> None:
        out: dict[tuple[str, str], list[Edge]] = defaultdict(list)
        inn: dict[tuple[str, str], list[Edge]] = defaultdict(list)
        for e in sorted(self.edges.values(), key=lambda e: e.key):
            out[(e.src, e.type.value)].append(e)
            inn[(e.dst, e.type.value)].append(e)
        self._out, self._in = dict(out), dict(inn)
