"""The graph as a networkx MultiDiGraph, for graph algorithms, the HTML view and GraphML export.

Attributes are flattened to what every consumer accepts (GraphML, pyvis, JSON): strings,
numbers and booleans. Dates become ISO strings, tuples (aliases, evidence) become one string
joined by `LIST_SEPARATOR`, and unknown values (None) are left out rather than written as "None".
Each node keeps its model label (Person, Commitment …) in `type`, like each edge keeps its
relationship type in `type` and as its multigraph key (so two different relationships between
the same nodes both survive). `label` is the display name that Gephi, yEd and pyvis show: the
node's name, title or label, else its id. `Theme.label` is the same thing, so nothing clashes.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from promises.graph.atomic import write_atomically
from promises.graph.graphdata import GraphData

if TYPE_CHECKING:
    import networkx

LIST_SEPARATOR = " | "
Scalar = str | int | float | bool


def to_networkx(data: GraphData) -> networkx.MultiDiGraph:
    """One networkx node per model node (keyed by id) and one edge per relationship."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for node in sorted(data.nodes.values(), key=lambda n: n.id):
        attrs = {f.name: _scalar(getattr(node, f.name)) for f in dataclasses.fields(node)}
        attrs["type"] = node.LABEL
        attrs["label"] = _display(node, attrs)
        graph.add_node(node.id, **{k: v for k, v in attrs.items() if v is not None})
    for e in sorted(data.edges.values(), key=lambda e: e.key):
        props = {k: _scalar(v) for k, v in e.props}
        graph.add_edge(
            e.src,
            e.dst,
            key=e.type.value,
            type=e.type.value,
            **{k: v for k, v in props.items() if v is not None},
        )
    return graph


def export_graphml(data: GraphData, path: Path) -> Path:
    """Write GraphML (for Gephi, yEd, Cytoscape) atomically.

    Raises:
        ExportError: the file cannot be written.
    """
    import networkx as nx

    graph = to_networkx(data)
    return write_atomically(Path(path), lambda tmp: nx.write_graphml(graph, tmp, named_key_ids=True))


def _display(node: object, attrs: dict[str, Scalar | None]) -> str:
    for key in ("label", "name", "title", "text"):
        value = attrs.get(key)
        if isinstance(value, str) and value:
            return value
    return str(attrs["id"])


def _scalar(value: object) -> Scalar | None:
    if value is None or isinstance(value, bool | int | float | str):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)
