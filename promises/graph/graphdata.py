"""An in-memory copy of the graph, the common currency of linking, queries and exports.

Linking and status are pure functions over `GraphData`, so they are tested without a store;
stores only load it and apply `ChangeSet`s.
"""

from __future__ import annotations

import gc
from bisect import insort
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TypeVar

from promises.graph.model import ChangeSet, Edge, Node, RelType

N = TypeVar("N", bound=Node)

# Adjacency is keyed by (node id, relationship type); `RelType` is a `StrEnum`, so the member
# itself is the key (hashing `.value` costs a descriptor call on every lookup).
_AdjKey = tuple[str, RelType]


@dataclass(slots=True)
class GraphData:
    """Nodes by id and edges by (type, src, dst), with adjacency built on demand."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    _out: dict[_AdjKey, list[Edge]] | None = None
    _in: dict[_AdjKey, list[Edge]] | None = None

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
        """Edges of type `rel` leaving `node_id`, in key order."""
        if self._out is None:
            self._index()
        assert self._out is not None
        return self._out.get((node_id, rel), [])

    def into(self, node_id: str, rel: RelType) -> list[Edge]:
        """Edges of type `rel` arriving at `node_id`, in key order."""
        if self._in is None:
            self._index()
        assert self._in is not None
        return self._in.get((node_id, rel), [])

    def edges_of(self, rel: RelType) -> Iterator[Edge]:
        return (e for e in self.edges.values() if e.type is rel)

    def apply(self, changes: ChangeSet) -> None:
        """Apply a change set in memory, the same way a store would.

        A built adjacency index is kept up to date rather than dropped, so applying one
        meeting to a large graph does not cost a re-index of every edge on the next lookup.
        """
        indexed = self._out is not None and self._in is not None
        for node_id in changes.delete_nodes:
            self.nodes.pop(node_id, None)
            if indexed:
                doomed = [e.key for e in self._incident(node_id)]
            else:
                doomed = [k for k in self.edges if node_id in (k[1], k[2])]
            for key in doomed:
                self._drop_edge(key, indexed)
        for key in changes.delete_edges:
            self._drop_edge(key, indexed)
        self.nodes.update(changes.nodes)
        for key, e in changes.edges.items():
            before = self.edges.get(key)
            self.edges[key] = e  # an upsert keeps the edge's place in `edges`, like dict.update
            if not indexed:
                continue
            assert self._out is not None and self._in is not None
            for index, node_id in ((self._out, e.src), (self._in, e.dst)):
                listed = index.setdefault((node_id, e.type), [])
                if before is None:
                    insort(listed, e, key=_edge_key)
                else:
                    listed[:] = [e if other.key == key else other for other in listed]

    def _incident(self, node_id: str) -> list[Edge]:
        assert self._out is not None and self._in is not None
        found: dict[tuple[str, str, str], Edge] = {}
        for rel in RelType:
            for e in (*self._out.get((node_id, rel), ()), *self._in.get((node_id, rel), ())):
                found[e.key] = e
        return list(found.values())

    def _drop_edge(self, key: tuple[str, str, str], indexed: bool) -> None:
        e = self.edges.pop(key, None)
        if e is None or not indexed:
            return
        assert self._out is not None and self._in is not None
        for index, node_id in ((self._out, e.src), (self._in, e.dst)):
            listed = index.get((node_id, e.type))
            if listed is not None:
                listed[:] = [other for other in listed if other.key != key]

    def _index(self) -> None:
        # Sorting each adjacency list (a few edges) is much cheaper than sorting all edges once.
        out: dict[_AdjKey, list[Edge]] = defaultdict(list)
        inn: dict[_AdjKey, list[Edge]] = defaultdict(list)
        with without_gc():
            for e in self.edges.values():
                out[(e.src, e.type)].append(e)
                inn[(e.dst, e.type)].append(e)
        # Within one list type and one end are shared, so the other end orders like `Edge.key`.
        for listed in out.values():
            if len(listed) > 1:
                listed.sort(key=_by_dst)
        for listed in inn.values():
            if len(listed) > 1:
                listed.sort(key=_by_src)
        self._out, self._in = dict(out), dict(inn)


@contextmanager
def without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small containers.

    Each burst of allocations triggers a collection that walks every object already alive, so
    indexing a 10,000-meeting graph spent three quarters of its time in the collector. Nothing
    built here forms cycles; the collector is restored (if it was on) however the block ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _edge_key(e: Edge) -> tuple[str, str, str]:
    return e.key


_by_dst = attrgetter("dst")
_by_src = attrgetter("src")
