"""The interactive network view: who promised what, at which meeting, and what became of it.

The page draws the neighbourhood of chosen commitments (their meetings, owners, people, topics
and follow-ups) with vis-network, built through pyvis from a networkx graph. The page is one
file: vis-network's script and style are inlined from the copy pyvis ships, graph data sits in
`application/json` blocks, and hover titles are built as text nodes, because vis-network would
otherwise render a title string as HTML.

Meetings are pinned left to right in date order, so time reads across the page; everything else
is placed near its meeting and settled by physics, which is then switched off so thousands of
nodes stay responsive.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from promises.graph.graphdata import GraphData
from promises.graph.model import (
    Commitment,
    Edge,
    Meeting,
    Node,
    Operation,
    Organisation,
    Person,
    Place,
    RelType,
    Role,
    Status,
    Theme,
    Update,
)
from promises.viz.facts import STATUS_LABELS, CommitmentFacts, gather_facts, topic_label
from promises.viz.page import (
    BASE_CSS,
    STATUS_COLOURS,
    VizError,
    attr,
    script_json,
    status_chip,
    swatch,
    text,
    write_atomic,
)

MEETING_GAP = 260  # px between consecutive meetings on the time axis
MEETING_Y = -300.0
FOCUS_MEETINGS = 8  # wider series open zoomed on their latest meetings
HUB_GAP = 120  # px between pinned owner/topic nodes in their row
_HUB_ROWS = (
    (Role.LABEL, Person.LABEL, Organisation.LABEL),
    (Theme.LABEL, Operation.LABEL, Place.LABEL),
)
LABEL_CHARS = 28
VIS_LIB = re.compile(r"vis-(\d+)\.(\d+)\.(\d+)$")

# Edges leaving a drawn commitment / update that pull in their other end.
_COMMITMENT_RELS = (RelType.MADE_AT, RelType.OWNED_BY, RelType.HELD_BY, RelType.REQUESTED_BY, RelType.ABOUT)
_EDGE_COLOURS: dict[RelType, str] = {
    RelType.MADE_AT: "#5b6b82",
    RelType.OWNED_BY: "#b0589a",
    RelType.HELD_BY: "#56a0d3",
    RelType.REQUESTED_BY: "#56a0d3",
    RelType.ABOUT: "#b8a93c",
    RelType.UPDATES: "#7a7a7a",
    RelType.AT: "#b5b5b5",
    RelType.NEXT: "#1f2a3a",
}

# Short springs keep a commitment under its meeting and a follow-up near where it was heard.
_EDGE_LENGTHS: dict[RelType, int] = {RelType.MADE_AT: 70, RelType.AT: 70, RelType.UPDATES: 140}
# Links to pinned owners and topics are drawn but exert no pull, or every commitment would
# drift towards the busiest hub.
_HUB_RELS = frozenset({RelType.OWNED_BY, RelType.HELD_BY, RelType.REQUESTED_BY, RelType.ABOUT})


@dataclass(frozen=True, slots=True)
class NodeStyle:
    shape: str
    colour: str
    size: int
    legend: str


NODE_STYLES: dict[str, NodeStyle] = {
    Meeting.LABEL: NodeStyle("box", "#34495e", 14, "Meeting"),
    Commitment.LABEL: NodeStyle("dot", "#0072B2", 14, "Commitment (colour = status)"),
    Update.LABEL: NodeStyle("dot", "#d0d4da", 7, "Follow-up"),
    Role.LABEL: NodeStyle("diamond", "#CC79A7", 14, "Role"),
    Person.LABEL: NodeStyle("triangle", "#56B4E9", 12, "Person"),
    Organisation.LABEL: NodeStyle("square", "#a6761d", 12, "Organisation"),
    Theme.LABEL: NodeStyle("hexagon", "#F0E442", 13, "Theme"),
    Operation.LABEL: NodeStyle("star", "#e7772b", 14, "Operation"),
    Place.LABEL: NodeStyle("triangleDown", "#8d6cc0", 12, "Place"),
}


@dataclass(frozen=True, slots=True)
class NetworkSummary:
    """What was written: counts match the page's vis DataSets, so tests and the CLI can report them."""

    path: Path
    nodes: int
    edges: int
    commitments: int
    bytes: int
    nodes_by_type: Mapping[str, int] = field(default_factory=dict)


def render_network(
    data: GraphData,
    commitment_ids: Collection[str],
    out: Path,
    *,
    title: str,
    status_of: Mapping[str, Status] | None = None,
) -> NetworkSummary:
    """Draw the commitments and their neighbourhood into one self-contained HTML file.

    `status_of` overrides `Commitment.status` (e.g. statuses recomputed `--as-of` a date).
    Raises NotFoundError for an unknown commitment id and VizError if `out` cannot be written.
    """
    import networkx as nx
    from pyvis.network import Network

    facts = gather_facts(data, commitment_ids, status_of)
    nodes, edges = _neighbourhood(data, [f.id for f in facts])
    positions = _initial_positions(data, nodes, edges)
    by_id = {f.id: f for f in facts}

    graph = nx.DiGraph()
    for node in nodes:
        graph.add_node(node.id, **_node_attrs(node, by_id.get(node.id), positions[node.id]))
    for e in edges:
        graph.add_edge(e.src, e.dst, weight=2 if e.type is RelType.NEXT else 1, **_edge_attrs(e))
    net = Network(directed=True)
    net.node_ids = _IdIndex()
    net.from_nx(graph, default_node_size=10)

    page = _page(
        title, net.nodes, net.edges, _options(len(net.nodes)), facts, nodes, _focus(data, nodes, edges)
    )
    size = write_atomic(out, page)
    return NetworkSummary(
        path=Path(out),
        nodes=len(net.nodes),
        edges=len(net.edges),
        commitments=len(facts),
        bytes=size,
        nodes_by_type=dict(Counter(n.LABEL for n in nodes)),
    )


def vis_assets() -> tuple[str, str]:
    """vis-network's minified script and stylesheet, read from the newest copy inside pyvis."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    versions = sorted(
        (tuple(int(p) for p in m.groups()), d)
        for d in lib.glob("vis-*")
        if (m := VIS_LIB.match(d.name)) and (d / "vis-network.min.js").is_file()
    )
    if not versions:
        raise VizError(lib, "pyvis ships no vis-network copy; reinstall pyvis (pip install 'pyvis>=0.3.2')")
    folder = versions[-1][1]
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    # A source map comment would make developer tools fetch a file that is not there.
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.M)
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
    # Both are inlined into <script>/<style>; a closing tag inside would end the element early.
    if "</script" in js.lower() or "</style" in css.lower():
        raise VizError(folder, "vis-network files contain a closing tag and cannot be inlined")
    return js, css


class _IdIndex(list[str]):
    """A list of node ids that answers `in` from a set.

    pyvis checks `node_id in net.node_ids` (a plain list) for every node and twice for every
    edge it adds: quadratic, about 5 s of an 8 s render at 5,000 nodes. Swapping in this list
    keeps pyvis's behaviour and makes those checks O(1).
    """

    def __init__(self) -> None:
        super().__init__()
        self._members: set[str] = set()

    def append(self, item: str) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _neighbourhood(data: GraphData, commitment_ids: list[str]) -> tuple[list[Node], list[Edge]]:
    """The nodes and edges to draw, in a deterministic order (so the file is reproducible)."""
    keep: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}

    def take(e: Edge, other: str) -> None:
        node = data.nodes.get(other)
        if node is not None and (e.type is not RelType.ABOUT or topic_label(node) is not None):
            keep.setdefault(node.id, node)
            edges[e.key] = e

    for cid in commitment_ids:
        keep[cid] = data.nodes[cid]
    for cid in commitment_ids:
        for rel in _COMMITMENT_RELS:
            for e in data.out(cid, rel):
                take(e, e.dst)
        for e in data.into(cid, RelType.UPDATES):
            take(e, e.src)
            for at in data.out(e.src, RelType.AT):
                take(at, at.dst)
    meetings = [nid for nid, n in keep.items() if isinstance(n, Meeting)]
    for mid in meetings:
        for e in data.out(mid, RelType.NEXT):
            if e.dst in keep:
                edges[e.key] = e
    return list(keep.values()), sorted(edges.values(), key=lambda e: e.key)


def _initial_positions(
    data: GraphData, nodes: list[Node], edges: list[Edge]
) -> dict[str, tuple[float, float]]:
    """Three tiers: meetings on a time axis, commitments beneath them, owners and topics below.

    Meetings (x by date order) and the shared owner and topic nodes are pinned, each hub under
    the meetings it is linked to; only commitments and follow-ups move, so physics settles fast
    and hubs linked to hundreds of commitments cannot pull the picture into a knot.
    """
    meetings = sorted(
        (n for n in nodes if isinstance(n, Meeting)),
        key=lambda m: (m.date is None, m.date or date.min, m.id),
    )
    middle = (len(meetings) - 1) / 2
    pos: dict[str, tuple[float, float]] = {
        m.id: ((i - middle) * MEETING_GAP, MEETING_Y) for i, m in enumerate(meetings)
    }
    neighbours: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        neighbours[e.src].append(e.dst)
        neighbours[e.dst].append(e.src)

    per_meeting: Counter[str] = Counter()
    for n in nodes:
        if isinstance(n, Commitment | Update):
            anchor = next((m for m in neighbours[n.id] if isinstance(data.nodes[m], Meeting)), "")
            x0 = pos[anchor][0] if anchor else -(middle + 1) * MEETING_GAP
            j = per_meeting[anchor]
            per_meeting[anchor] += 1
            if isinstance(n, Commitment):
                pos[n.id] = (x0 + ((j % 5) - 2) * 44, MEETING_Y + 130 + (j // 5) * 44)
            else:
                pos[n.id] = (x0 + ((j % 5) - 2) * 44, MEETING_Y - 110 - (j // 5) * 30)
    depth = max((pos[n.id][1] for n in nodes if isinstance(n, Commitment)), default=MEETING_Y)
    for row, labels in enumerate(_HUB_ROWS):
        hubs = [n for n in nodes if n.LABEL in labels]
        wanted = {h.id: _mean(pos[m][0] for m in neighbours[h.id] if m in pos) for h in hubs}
        for hub_id, x in _spread(wanted, HUB_GAP).items():
            pos[hub_id] = (x, depth + 260 + row * 110)
    return pos


def _mean(values: Iterable[float]) -> float:
    kept = list(values)
    return sum(kept) / len(kept) if kept else 0.0


def _spread(wanted: dict[str, float], gap: float) -> dict[str, float]:
    """Keep the order of the wanted x positions but at least `gap` apart, centred as wanted."""
    order = sorted(wanted, key=lambda k: (wanted[k], k))
    placed: dict[str, float] = {}
    last = float("-inf")
    for key in order:
        last = max(wanted[key], last + gap)
        placed[key] = last
    shift = _mean(wanted.values()) - _mean(placed.values())
    return {k: round(x + shift, 1) for k, x in placed.items()}


def _focus(data: GraphData, nodes: list[Node], edges: list[Edge]) -> list[str]:
    """The latest meetings and their commitments, to open on when the whole axis is too wide.

    Fitting a hundred meetings into one window shrinks every label to a pixel; opening on the
    recent end keeps the first view readable, and zooming out shows the rest.
    """
    meetings = sorted(
        (n for n in nodes if isinstance(n, Meeting)),
        key=lambda m: (m.date is None, m.date or date.min, m.id),
    )
    if len(meetings) <= FOCUS_MEETINGS:
        return []
    dated = [m.id for m in meetings if m.date is not None]
    latest = set(dated[-FOCUS_MEETINGS:])
    made_there = {e.src for e in edges if e.type is RelType.MADE_AT and e.dst in latest}
    return sorted(latest | made_there)


def _short(value: str, limit: int = LABEL_CHARS) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "\u2026"


def _node_attrs(node: Node, facts: CommitmentFacts | None, xy: tuple[float, float]) -> dict[str, Any]:
    style = NODE_STYLES.get(node.LABEL, NodeStyle("dot", "#999999", 10, node.LABEL))
    colour = style.colour
    label, tooltip = node.id, node.id
    if isinstance(node, Meeting):
        when = node.date.isoformat() if node.date else "undated"
        label = f"{when}\n{_short(node.title or node.body, 22)}" if (node.title or node.body) else when
        tooltip = "\n".join(
            x for x in (f"Meeting {when}", node.title, node.topic, node.body, node.venue) if x
        )
    elif isinstance(node, Commitment) and facts is not None:
        colour = STATUS_COLOURS[facts.status]
        label = _short(facts.text)
        tooltip = "\n".join(
            x
            for x in (
                f"{facts.kind.value} \u2013 {STATUS_LABELS[facts.status]}",
                f"\u201c{facts.text}\u201d",
                f"Owner: {facts.owner_label}" if facts.owner_label else "",
                f"Due: {facts.due.isoformat()}" if facts.due else "",
                "Click for details",
            )
            if x
        )
    elif isinstance(node, Update):
        label = node.signal.value
        tooltip = f"Follow-up ({node.signal.value}): \u201c{node.text}\u201d"
    elif isinstance(node, Role):
        label = node.abbrev or _short(node.title)
        tooltip = f"Role: {node.title}" + (f" ({node.abbrev})" if node.abbrev else "")
    elif isinstance(node, Person):
        label = _short(node.name)
        tooltip = f"Person: {node.name}"
    else:
        name = topic_label(node) or node.id
        label = _short(name)
        tooltip = f"{node.LABEL}: {name}"
    fixed = not isinstance(node, Commitment | Update)
    attrs: dict[str, Any] = {
        "label": label,
        "tooltip": tooltip,
        "shape": style.shape,
        "size": style.size,
        "color": {
            "background": colour,
            "border": "#1d2330",
            "highlight": {"background": colour, "border": "#000"},
        },
        "x": round(xy[0], 1),
        "y": round(xy[1], 1),
    }
    if fixed:
        attrs["fixed"] = {"x": True, "y": True}
    if isinstance(node, Meeting):
        attrs["font"] = {"color": "#ffffff", "size": 12}
    return attrs


def _edge_attrs(e: Edge) -> dict[str, Any]:
    colour = _EDGE_COLOURS.get(e.type, "#999999")
    attrs: dict[str, Any] = {
        "tooltip": e.type.value,
        "color": {"color": colour, "opacity": 0.7},
        "length": _EDGE_LENGTHS.get(e.type, 260),
    }
    if e.type in _HUB_RELS:
        attrs["physics"] = False
        attrs["color"]["opacity"] = 0.35
    if e.type is RelType.NEXT:
        attrs["dashes"] = True
    return attrs


def _options(node_count: int) -> dict[str, Any]:
    """vis-network options; fewer stabilisation iterations as graphs grow, to bound load time."""
    # Measured (benchmarks/bench_viz.py): an iteration costs ~8 ms at 500 nodes and ~50 ms at
    # 2,000 on a 2-core machine; the tiered starting layout needs few to look settled.
    iterations = max(25, min(300, 60_000 // max(node_count, 1)))
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -2500,
                "centralGravity": 0.2,
                "springLength": 110,
                "springConstant": 0.04,
                "damping": 0.35,
                "avoidOverlap": 0.2,
            },
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": node_count > 1500,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {"font": {"size": 12, "face": "system-ui, DejaVu Sans, sans-serif"}, "borderWidth": 1},
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "width": 1,
            "selectionWidth": 2,
        },
    }


def _details(facts: list[CommitmentFacts]) -> dict[str, dict[str, Any]]:
    """Per-commitment data for the side panel; plain text, inserted with textContent."""
    return {
        f.id: {
            "kind": f.kind.value,
            "status": STATUS_LABELS[f.status],
            "colour": STATUS_COLOURS[f.status],
            "quote": f.text,
            "owner": f.owner_label or "not recorded",
            "requestedBy": ", ".join(f.requested_by) or "\u2014",
            "due": (f.due.isoformat() if f.due else "no date")
            + (f" (\u201c{f.due_text}\u201d)" if f.due_text else ""),
            "meeting": f.meeting.label if f.meeting else "unknown",
            "topics": ", ".join(f.topics) or "\u2014",
            "followups": [
                {
                    "when": fu.meeting.label if fu.meeting else "meeting unknown",
                    "signal": fu.signal.value,
                    "text": fu.text,
                }
                for fu in f.followups
            ],
            "id": f.id,
        }
        for f in facts
    }


def _legend(nodes: list[Node]) -> str:
    present = {n.LABEL for n in nodes}
    items = [
        f'<span class="item">{swatch("dot", STATUS_COLOURS[s])}{text(label)}</span>'
        for s, label in STATUS_LABELS.items()
    ]
    types = [
        f'<span class="item">{swatch(style.shape, style.colour)}{text(style.legend)}</span>'
        for label, style in NODE_STYLES.items()
        if label in present and label != Commitment.LABEL
    ]
    return (
        '<div class="legend" id="pg-legend"><strong>Status</strong>' + "".join(items) + "</div>"
        '<div class="legend"><strong>Nodes</strong>' + "".join(types) + "</div>"
    )


# No host may be contacted, whatever a quote contains: a second line of defence after escaping.
_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
html,body{height:100%}
body{display:flex;flex-direction:column}
main{flex:1;display:flex;min-height:0}
#pg-stage{flex:1;min-width:0;position:relative;background:#fff;border-right:1px solid #d5d9e0}
#pg-network{position:absolute;inset:0}
#pg-loading{position:absolute;left:12px;top:10px;font-size:12px;color:#556;z-index:2;
background:rgba(255,255,255,.85);padding:2px 6px;border-radius:4px}
#pg-hint{position:absolute;left:12px;bottom:10px;font-size:12px;color:#445;z-index:2;
background:rgba(255,255,255,.9);padding:2px 6px;border-radius:4px}
aside{width:360px;flex:none;overflow:auto;padding:12px 14px;background:#fbfbfc}
aside .legend{margin-bottom:8px}
#pg-panel h2{font-size:15px;margin:14px 0 6px}
#pg-panel blockquote{margin:6px 0 10px;padding:8px 10px;background:#fff;border-left:4px solid #0072B2;
white-space:pre-wrap;overflow-wrap:anywhere}
#pg-panel dl{display:grid;grid-template-columns:88px 1fr;gap:3px 8px;margin:0 0 8px;font-size:13px}
#pg-panel dt{color:#667}
#pg-panel dd{margin:0;overflow-wrap:anywhere}
#pg-panel ol{padding-left:18px;margin:4px 0;font-size:13px}
#pg-panel li{margin-bottom:6px;overflow-wrap:anywhere}
#pg-panel .muted{color:#778;font-size:12px}
.pg-tip{max-width:420px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px}
div.vis-tooltip{font-family:inherit;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
"""

_JS = """
(function () {
  "use strict";
  function readJson(id) { return JSON.parse(document.getElementById(id).textContent); }
  var graph = readJson("pg-graph");
  var details = readJson("pg-details");
  function withTitle(item) {
    var copy = Object.assign({}, item);
    delete copy.tooltip;
    if (item.tooltip) {
      var tip = document.createElement("div");
      tip.className = "pg-tip";
      tip.textContent = item.tooltip;
      copy.title = tip;
    }
    return copy;
  }
  var nodes = new vis.DataSet(graph.nodes.map(withTitle));
  var edges = new vis.DataSet(graph.edges.map(withTitle));
  var loading = document.getElementById("pg-loading");
  var state = window.promiseGraph = {
    nodes: nodes, edges: edges, network: null, stabilised: false, stabilisedAt: null
  };
  function finish() {
    if (state.stabilised) { return; }
    state.network.setOptions({ physics: false });
    state.stabilised = true;
    state.stabilisedAt = performance.now();
    loading.textContent = "";
    loading.style.display = "none";
    // vis-network fits the whole graph after this event; zoom to the focus once it has.
    setTimeout(function () {
      if (graph.focus.length) {
        state.network.fit({ nodes: graph.focus, animation: false });
        document.getElementById("pg-hint").hidden = false;
      }
      document.body.setAttribute("data-stabilised", "true");
    }, 0);
  }
  var network = new vis.Network(
    document.getElementById("pg-network"), { nodes: nodes, edges: edges }, graph.options);
  state.network = network;
  network.on("stabilizationProgress", function (p) {
    loading.textContent = "Laying out " + nodes.length + " nodes\\u2026 " +
      Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", finish);
  if (nodes.length === 0) { finish(); }

  function field(name, value) {
    document.querySelector('#pg-panel [data-field="' + name + '"]').textContent = value;
  }
  function show(id) {
    var d = details[id];
    document.getElementById("pg-empty").hidden = true;
    document.getElementById("pg-detail").hidden = false;
    var chip = document.querySelector('#pg-panel [data-field="status"]');
    chip.textContent = d.status;
    chip.style.background = d.colour;
    document.querySelector("#pg-panel blockquote").style.borderLeftColor = d.colour;
    ["kind", "quote", "owner", "requestedBy", "due", "meeting", "topics", "id"].forEach(function (k) {
      field(k, d[k]);
    });
    var list = document.querySelector('#pg-panel [data-field="followups"]');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    document.getElementById("pg-nofollow").hidden = d.followups.length > 0;
    d.followups.forEach(function (f) {
      var li = document.createElement("li");
      var head = document.createElement("strong");
      head.textContent = f.when + " \\u2013 " + f.signal;
      var body = document.createElement("div");
      body.textContent = "\\u201c" + f.text + "\\u201d";
      li.appendChild(head);
      li.appendChild(body);
      list.appendChild(li);
    });
  }
  state.show = show;
  network.on("click", function (p) {
    if (p.nodes.length && Object.prototype.hasOwnProperty.call(details, p.nodes[0])) {
      show(p.nodes[0]);
    }
  });
})();
"""

_PANEL = """
<section id="pg-panel">
  <p id="pg-empty" class="muted">Click a commitment (a coloured dot) to see its quote, owner,
  due date, meeting and follow-ups. Scroll to zoom, drag to pan.</p>
  <div id="pg-detail" hidden>
    <h2><span class="chip" data-field="status"></span> <span data-field="kind"></span></h2>
    <blockquote data-field="quote"></blockquote>
    <dl>
      <dt>Owner</dt><dd data-field="owner"></dd>
      <dt>Asked by</dt><dd data-field="requestedBy"></dd>
      <dt>Due</dt><dd data-field="due"></dd>
      <dt>Made at</dt><dd data-field="meeting"></dd>
      <dt>Topics</dt><dd data-field="topics"></dd>
    </dl>
    <h2>Follow-ups</h2>
    <p id="pg-nofollow" class="muted">No later meeting returned to it.</p>
    <ol data-field="followups"></ol>
    <p class="muted">id <span data-field="id"></span></p>
  </div>
</section>
"""


def _page(
    title: str,
    vis_nodes: list[dict[str, Any]],
    vis_edges: list[dict[str, Any]],
    options: dict[str, Any],
    facts: list[CommitmentFacts],
    nodes: list[Node],
    focus: list[str],
) -> str:
    js, css = vis_assets()
    counts = Counter(f.status for f in facts)
    summary = (
        f"{len(facts)} commitments \u00b7 {len(vis_nodes)} nodes \u00b7 {len(vis_edges)} links \u00b7 "
        + ", ".join(f"{counts[s]} {STATUS_LABELS[s].lower()}" for s in STATUS_LABELS if counts[s])
    )
    status_line = " ".join(
        status_chip(s, f"{STATUS_LABELS[s]}: {counts[s]}") for s in STATUS_LABELS if counts[s]
    )
    graph = {"nodes": vis_nodes, "edges": vis_edges, "options": options, "focus": focus}
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>{text(title)}</title>
<style>{css}</style>
<style>{BASE_CSS}{_CSS}</style>
</head>
<body>
<header><h1>{text(title)}</h1><p>{text(summary)}</p></header>
<main>
<div id="pg-stage">
<div id="pg-network" role="img" aria-label={attr("Network of " + str(len(facts)) + " commitments")}></div>
<div id="pg-loading">Laying out {len(vis_nodes)} nodes\u2026</div>
<div id="pg-hint" hidden>Showing the latest {FOCUS_MEETINGS} meetings: scroll to zoom out, drag to pan.</div>
</div>
<aside>{_legend(nodes)}<div class="legend">{status_line}</div>{_PANEL}</aside>
</main>
<script type="application/json" id="pg-graph">{script_json(graph)}</script>
<script type="application/json" id="pg-details">{script_json(_details(facts))}</script>
<script>{js}</script>
<script>{_JS}</script>
</body>
</html>
"""
