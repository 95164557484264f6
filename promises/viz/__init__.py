"""Self-contained HTML views of commitments: an interactive network and a static timeline.

Both take `GraphData` and the commitment ids to show (the CLI picks them with its filters) and
write one file that opens offline.
"""

from promises.viz.network import NetworkSummary, render_network
from promises.viz.timeline import TimelineSummary, render_timeline

__all__ = ["NetworkSummary", "TimelineSummary", "render_network", "render_timeline"]
