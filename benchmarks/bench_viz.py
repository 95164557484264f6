"""How big the network page gets and how long the browser takes to settle it.

Run: `python benchmarks/bench_viz.py` (needs Debian's Chromium, see tests/browser.py).
For each target size a monthly meeting series is generated, rendered, and opened in headless
Chromium; "stabilised" is the time from navigation start to vis-network's
`stabilizationIterationsDone`, after which physics is off and the page is idle.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import chromium, visit, wait_stabilised  # noqa: E402
from viz_fixtures import series  # noqa: E402

from promises.viz import render_network, render_timeline  # noqa: E402

PER_MEETING = 12
# Each meeting adds itself, 12 commitments and about 6 follow-ups; 15 shared owners and topics.
TARGETS = (500, 2_000, 5_000)


def main(shots: Path | None = None) -> None:
    """Print one line per size; with `shots`, save a screenshot of each settled page there."""
    header = ("nodes", "edges", "html KB", "render s", "stabilise ms", "timeline KB")
    print("{:>6} {:>6} {:>8} {:>9} {:>13} {:>12}".format(*header))
    with chromium() as browser, tempfile.TemporaryDirectory() as tmp:
        for target in TARGETS:
            meetings = max(2, round((target - 15) / (1 + PER_MEETING * 1.5)))
            s = series(meetings=meetings, per_meeting=PER_MEETING)
            out = Path(tmp) / f"network-{target}.html"
            started = time.perf_counter()
            summary = render_network(s.data, s.commitment_ids, out, title=f"{target} nodes")
            rendered = time.perf_counter() - started
            timeline = render_timeline(s.data, s.commitment_ids, Path(tmp) / "t.html", title="t")
            with visit(browser, out) as seen:
                settle_ms = wait_stabilised(seen, timeout_ms=300_000)
                if shots:
                    seen.page.screenshot(path=str(shots / f"network-{target}.png"))
                if seen.problems or seen.requests:
                    raise SystemExit(f"page misbehaved: {seen.problems} {seen.requests}")
            print(
                f"{summary.nodes:>6} {summary.edges:>6} {summary.bytes / 1024:>8.0f} {rendered:>9.2f} "
                f"{settle_ms:>13.0f} {timeline.bytes / 1024:>12.0f}"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
