"""Writing one self-contained HTML page: safe embedding, shared colours, atomic output.

A view is a single file an analyst can mail or archive: it must open offline, fetch nothing
from any host and leave nothing beside itself. Text from the minutes is untrusted (a quote can
contain `</script>` or markup), so it enters a page only through `text()`/`attr()` escaping or
through `script_json()`, whose output cannot close the script element that holds it.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from pathlib import Path

from promises.graph.errors import PathError
from promises.graph.model import Status

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
STATUS_COLOURS: dict[Status, str] = {
    Status.OPEN: "#0072B2",
    Status.IN_PROGRESS: "#E69F00",
    Status.REPORTED_DONE: "#009E73",
    Status.OVERDUE: "#D55E00",
    Status.SILENT: "#8C8C8C",
}

BASE_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
color:#1d2330;background:#f6f7f9}
header{padding:10px 16px;background:#1f2a3a;color:#fff}
header h1{margin:0;font-size:18px;font-weight:600}
header p{margin:2px 0 0;font-size:12px;color:#c9d2de}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;align-items:center}
.legend .item{display:inline-flex;align-items:center;gap:5px;white-space:nowrap}
.legend svg{flex:none}
.chip{display:inline-block;padding:0 6px;border-radius:9px;color:#fff;font-size:12px;white-space:nowrap}
"""


class VizError(PathError):
    """A view could not be written, or the drawing library's files are missing."""


def text(value: object) -> str:
    """Escape for HTML text and attribute values (quotes included)."""
    return html.escape(str(value), quote=True)


def attr(value: object) -> str:
    """A double-quoted attribute value."""
    return f'"{html.escape(str(value), quote=True)}"'


def script_json(value: object) -> str:
    """JSON safe to place inside `<script type="application/json">`.

    `<`, `>` and `&` only ever occur inside JSON strings, so `\\u` escapes keep the value while
    making `</script>` and `<!--` impossible; U+2028/9 are escaped for old JS parsers.
    """
    dumped = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        dumped = dumped.replace(char, escape)
    return dumped.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def status_chip(status: Status, label: str) -> str:
    return f'<span class="chip" style="background:{STATUS_COLOURS[status]}">{text(label)}</span>'


def swatch(shape: str, fill: str, stroke: str = "#1d2330", size: int = 14) -> str:
    """A small inline SVG of a node shape for a legend (no icon font needed offline)."""
    s, h = size, size / 2
    if shape in ("dot", "circle"):
        body = f'<circle cx="{h}" cy="{h}" r="{h - 1.5}"/>'
    elif shape == "diamond":
        body = f'<polygon points="{h},1 {s - 1},{h} {h},{s - 1} 1,{h}"/>'
    elif shape == "triangle":
        body = f'<polygon points="{h},1 {s - 1},{s - 1} 1,{s - 1}"/>'
    elif shape == "triangleDown":
        body = f'<polygon points="1,1 {s - 1},1 {h},{s - 1}"/>'
    elif shape == "hexagon":
        q = s / 4
        body = f'<polygon points="{q},1 {s - q},1 {s - 1},{h} {s - q},{s - 1} {q},{s - 1} 1,{h}"/>'
    elif shape == "star":
        body = (
            f'<polygon points="{h},0.5 {h + 2},{h - 1.5} {s - 0.5},{h - 1.5} {h + 3},{h + 1.5} '
            f"{h + 4.5},{s - 0.5} {h},{h + 3.5} {h - 4.5},{s - 0.5} {h - 3},{h + 1.5} 0.5,{h - 1.5} "
            f'{h - 2},{h - 1.5}"/>'
        )
    elif shape == "tick":
        body = f'<rect x="{h - 1.5}" y="0" width="3" height="{s}"/>'
    elif shape == "line":
        body = f'<rect x="0" y="{h - 2}" width="{s}" height="4" rx="2"/>'
    else:
        body = f'<rect x="1" y="2" width="{s - 2}" height="{s - 4}" rx="2"/>'
    return (
        f'<svg width="{s}" height="{s}" viewBox="0 0 {s} {s}" aria-hidden="true">'
        f'<g fill="{fill}" stroke="{stroke}" stroke-width="1">{body}</g></svg>'
    )


def write_atomic(out: Path, content: str) -> int:
    """Write `content` to `out` in one step and return its size in bytes.

    A reader (a browser reloading, a web server) never sees half a page: the text goes to a
    hidden temporary file in the same directory, which then replaces `out` by rename.
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise VizError(out, f"directory {out.parent} does not exist")
    payload = content.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise VizError(out, err.strerror or str(err)) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(payload)
