"""The networkx view and its GraphML export."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from promises.graph.graphdata import GraphData
from promises.graph.graphml_export import export_graphml, to_networkx


def test_networkx_view_keeps_every_node_edge_and_type(small_graph: GraphData) -> None:
    graph = to_networkx(small_graph)
    assert graph.number_of_nodes() == len(small_graph.nodes) == 19
    assert graph.number_of_edges() == len(small_graph.edges) == 30
    assert {d["type"] for _, d in graph.nodes(data=True)} == {
        "Document",
        "Meeting",
        "Person",
        "Role",
        "Organisation",
        "Theme",
        "Operation",
        "Place",
        "Commitment",
        "Update",
    }
    c1 = graph.nodes["c-0000000000000001"]
    assert (c1["due"], c1["status"], c1["kind"], c1["start"]) == ("2024-12-31", "in_progress", "action", 1200)
    assert "status_as_of" not in graph.nodes["c-0000000000000002"]  # None is left out
    assert graph.nodes["op-0000000000000001"]["alt_labels"] == "Op Soteria | Soteria"
    assert graph.nodes["t-0000000000000001"]["label"] == "violence against women and girls"
    assert graph.nodes["p-0000000000000001"]["label"] == "Richard Cooper"
    held = graph.get_edge_data("p-0000000000000001", "r-0000000000000001")
    assert held == {"HELD": {"type": "HELD", "from_date": "2024-04-01", "acting": True}}


def test_graphml_round_trips(small_graph: GraphData, tmp_path: Path) -> None:
    path = export_graphml(small_graph, tmp_path / "small.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == 19
    assert back.number_of_edges() == 30
    assert back.nodes["c-0000000000000001"]["due"] == "2024-12-31"
    assert back.nodes["c-0000000000000001"]["confidence"] == 0.9
    assert sorted(k for _, _, k in back.edges(keys=True)) == sorted(k[0] for k in small_graph.edges)
    assert [p.name for p in tmp_path.iterdir()] == ["small.graphml"]
