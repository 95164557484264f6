"""The timeline view: each commitment as a line from the meeting that made it to its due date.

Follow-ups appear as markers on the line at the date of the meeting that returned to it, so
silence and slippage are visible at a glance. The page is plain SVG and HTML generated here,
with no script: it prints, archives and opens offline anywhere. Each row links to its line in
the table below, which carries the full quote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from promises.graph.graphdata import GraphData
from promises.graph.model import Signal, Status
from promises.viz.facts import STATUS_LABELS, CommitmentFacts, gather_facts
from promises.viz.page import BASE_CSS, STATUS_COLOURS, attr, status_chip, swatch, text, write_atomic

ROW_HEIGHT = 22
LABEL_WIDTH = 330
PLOT_WIDTH = 860
RIGHT_PAD = 24
AXIS_HEIGHT = 34
LABEL_CHARS = 46

SIGNAL_STYLE: dict[Signal, tuple[str, str]] = {  # fill, legend text
    Signal.DONE: ("#009E73", "follow-up: reported done"),
    Signal.PROGRESS: ("#E69F00", "follow-up: progress"),
    Signal.DEFERRED: ("#D55E00", "follow-up: deferred"),
    Signal.MENTIONED: ("#ffffff", "follow-up: mentioned"),
}


@dataclass(frozen=True, slots=True)
class TimelineSummary:
    """What was written; `undated` rows have no meeting date and no line on the axis."""

    path: Path
    rows: int
    undated: int
    start: date | None
    end: date | None
    bytes: int


def render_timeline(
    data: GraphData,
    commitment_ids: Collection[str],
    out: Path,
    *,
    title: str,
    status_of: Mapping[str, Status] | None = None,
) -> TimelineSummary:
    """Write the timeline of the given commitments as one self-contained HTML file.

    `status_of` overrides `Commitment.status`. Raises NotFoundError for an unknown commitment
    id and VizError if `out` cannot be written.
    """
    facts = gather_facts(data, commitment_ids, status_of)
    span = _span(facts)
    page = _page(title, facts, span)
    size = write_atomic(out, page)
    return TimelineSummary(
        path=Path(out),
        rows=len(facts),
        undated=sum(1 for f in facts if f.made is None),
        start=span[0] if span else None,
        end=span[1] if span else None,
        bytes=size,
    )


def _dates(f: CommitmentFacts) -> list[date]:
    found = [d for d in (f.made, f.due) if d is not None]
    return found + [fu.date for fu in f.followups if fu.date is not None]


def _span(facts: list[CommitmentFacts]) -> tuple[date, date] | None:
    """The axis range: every date drawn, padded so end markers do not sit on the frame."""
    every = [d for f in facts for d in _dates(f)]
    if not every:
        return None
    first, last = min(every), max(every)
    pad = max(timedelta(days=15), (last - first) / 40)
    return first - pad, last + pad


def _ticks(start: date, end: date) -> list[tuple[date, str]]:
    """Month, quarter or year ticks, whichever keeps about 6 to 24 labels."""
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 18 else 3 if months <= 60 else 12
    y, m = start.year, start.month
    out: list[tuple[date, str]] = []
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = date(y, m, 1)
        if d > end:
            return out
        if step == 12 and m != 1:
            continue
        if step == 3 and m not in (1, 4, 7, 10):
            continue
        out.append((d, str(y) if step == 12 else d.strftime("%b %Y")))


def _short(value: str, limit: int = LABEL_CHARS) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "\u2026"


def _svg(facts: list[CommitmentFacts], span: tuple[date, date] | None) -> str:
    width = LABEL_WIDTH + PLOT_WIDTH + RIGHT_PAD
    height = AXIS_HEIGHT + ROW_HEIGHT * max(len(facts), 1) + 8
    parts = [
        f'<svg id="pg-timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f"aria-label={attr(f'Timeline of {len(facts)} commitments')}>"
    ]
    if span is None:
        parts.append(f'<text x="{LABEL_WIDTH}" y="{AXIS_HEIGHT}" class="muted">No dated commitments</text>')
    start, end = span if span else (date.min, date.min)
    days = max((end - start).days, 1)

    def x(d: date) -> float:
        return round(LABEL_WIDTH + PLOT_WIDTH * (d - start).days / days, 1)

    if span:
        parts.append('<g class="axis">')
        for d, label in _ticks(start, end):
            parts.append(
                f'<line x1="{x(d)}" x2="{x(d)}" y1="{AXIS_HEIGHT - 6}" y2="{height - 4}"/>'
                f'<text x="{x(d)}" y="{AXIS_HEIGHT - 12}" text-anchor="middle">{text(label)}</text>'
            )
        parts.append("</g>")
    for i, f in enumerate(facts):
        y = AXIS_HEIGHT + ROW_HEIGHT * i + ROW_HEIGHT / 2
        colour = STATUS_COLOURS[f.status]
        tip = f"{f.made or 'date unknown'} {f.kind.value} \u2013 {STATUS_LABELS[f.status]}"
        tip += f"\n\u201c{f.text}\u201d"
        if f.owner_label:
            tip += f"\nOwner: {f.owner_label}"
        if f.due:
            tip += f"\nDue: {f.due.isoformat()}"
        row = [
            f'<g class="pg-row" data-id={attr(f.id)}><title>{text(tip)}</title>',
            f'<rect class="band" x="0" y="{y - ROW_HEIGHT / 2}" width="{width}" height="{ROW_HEIGHT}"/>',
            f'<a href={attr("#row-" + f.id)}><text class="label" x="{LABEL_WIDTH - 10}" y="{y + 4}" '
            f'text-anchor="end">{text(_short(f.text))}</text></a>',
        ]
        if span and f.made:
            x0 = x(f.made)
            if f.due:
                x1 = x(f.due)
                row.append(
                    f'<line class="due-line" x1="{x0}" x2="{x1}" y1="{y}" y2="{y}" stroke="{colour}"/>'
                    f'<line class="due" x1="{x1}" x2="{x1}" y1="{y - 7}" y2="{y + 7}" stroke="{colour}"/>'
                )
            row.append(f'<circle class="made" cx="{x0}" cy="{y}" r="5" fill="{colour}"/>')
        elif span and f.due:
            x1 = x(f.due)
            row.append(f'<line class="due" x1="{x1}" x2="{x1}" y1="{y - 7}" y2="{y + 7}" stroke="{colour}"/>')
        if span:
            for fu in f.followups:
                if fu.date is None:
                    continue
                fx, fill = x(fu.date), SIGNAL_STYLE[fu.signal][0]
                row.append(
                    f'<g class="followup"><title>{text(f"{fu.date} {fu.signal.value}: {fu.text}")}</title>'
                    f'<polygon points="{fx},{y - 6} {fx + 6},{y} {fx},{y + 6} {fx - 6},{y}" '
                    f'fill="{fill}"/></g>'
                )
        if f.made is None and not f.due:
            row.append(f'<text class="muted" x="{LABEL_WIDTH + 6}" y="{y + 4}">date unknown</text>')
        row.append("</g>")
        parts.append("".join(row))
    parts.append("</svg>")
    return "\n".join(parts)


def _legend() -> str:
    statuses = "".join(
        f'<span class="item">{swatch("line", STATUS_COLOURS[s], "none")}{text(label)}</span>'
        for s, label in STATUS_LABELS.items()
    )
    markers = (
        f'<span class="item">{swatch("dot", "#555")}made at meeting</span>'
        f'<span class="item">{swatch("tick", "#555", "none")}due date</span>'
        + "".join(
            f'<span class="item">{swatch("diamond", fill)}{text(label)}</span>'
            for fill, label in SIGNAL_STYLE.values()
        )
    )
    return (
        f'<div class="legend" id="pg-legend"><strong>Status</strong>{statuses}</div>'
        f'<div class="legend"><strong>Markers</strong>{markers}</div>'
    )


def _table(facts: list[CommitmentFacts]) -> str:
    rows = []
    for f in facts:
        due = f.due.isoformat() if f.due else ""
        if f.due_text:
            due = f"{due} ({f.due_text})".strip()
        followups = "".join(
            f"<li>{text(fu.date or 'date unknown')} {text(fu.signal.value)}: {text(fu.text)}</li>"
            for fu in f.followups
        )
        rows.append(
            f"<tr id={attr('row-' + f.id)}>"
            f"<td>{text(f.made or '')}</td><td>{text(f.kind.value)}</td><td>{text(f.owner_label)}</td>"
            f"<td>{text(due)}</td><td>{status_chip(f.status, STATUS_LABELS[f.status])}</td>"
            f'<td class="quote">{text(f.text)}'
            + (f"<ol>{followups}</ol>" if followups else "")
            + "</td></tr>"
        )
    return (
        '<table id="pg-table"><thead><tr><th>Date</th><th>Kind</th><th>Owner</th><th>Due</th>'
        "<th>Status</th><th>Quote and follow-ups</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


# No host may be contacted, whatever a quote contains: a second line of defence after escaping.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
main{padding:12px 16px}
.legend{margin:0 0 6px}
.scroll{overflow-x:auto;background:#fff;border:1px solid #d5d9e0;margin:8px 0 18px}
#pg-timeline{display:block;font-size:12px}
#pg-timeline .axis line{stroke:#e3e6eb}
#pg-timeline .axis text{fill:#556;font-size:11px}
#pg-timeline .band{fill:transparent}
#pg-timeline .pg-row:hover .band{fill:#eef3fa}
#pg-timeline .label{fill:#1d2330}
#pg-timeline a:hover .label{text-decoration:underline}
#pg-timeline .due-line{stroke-width:3;stroke-linecap:round;opacity:.75}
#pg-timeline .due{stroke-width:3}
#pg-timeline .made{stroke:#1d2330;stroke-width:1}
#pg-timeline .followup polygon{stroke:#1d2330;stroke-width:1}
#pg-timeline .muted{fill:#889}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border-bottom:1px solid #e3e6eb;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef0f4;position:sticky;top:0}
td:nth-child(1),td:nth-child(4){white-space:nowrap}
td.quote{overflow-wrap:anywhere}
td.quote ol{margin:4px 0 0;padding-left:18px;color:#445;font-size:12px}
tr:target{background:#fff6d6}
"""


def _page(title: str, facts: list[CommitmentFacts], span: tuple[date, date] | None) -> str:
    counts = Counter(f.status for f in facts)
    made = sorted(f.made for f in facts if f.made)
    summary = f"{len(facts)} commitments" + (
        f" made {made[0]:%d %b %Y} to {made[-1]:%d %b %Y}" if made else ""
    )
    chips = " ".join(status_chip(s, f"{STATUS_LABELS[s]}: {counts[s]}") for s in STATUS_LABELS if counts[s])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>{text(title)}</title>
<style>{BASE_CSS}{_CSS}</style>
</head>
<body>
<header><h1>{text(title)}</h1><p>{text(summary)}</p></header>
<main>
{_legend()}
<div class="legend">{chips}</div>
<div class="scroll">{_svg(facts, span)}</div>
{_table(facts)}
</main>
</body>
</html>
"""
