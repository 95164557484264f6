"""Refresh the README screenshots from the example minutes: `python scripts/screenshots.py`.

Uses the same headless Chromium harness as the browser tests (tests/browser.py), so the pictures
show exactly what the tests check: the network view of every example meeting and the timeline
of one operation.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, visit, wait_stabilised  # noqa: E402

IMAGES = ROOT / "docs" / "img"
VIEWS = [
    ("seeds-network.png", ["viz"], True),
    ("seeds-timeline.png", ["timeline", "--about", "investigations", "--since", "2020"], False),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        promises = [sys.executable, "-m", "promises"]
        subprocess.run([*promises, "ingest", str(ROOT / "examples" / "minutes"), "--store", str(store)], check=True)
        with chromium() as browser:
            for image, command, network in VIEWS:
                page_file = Path(tmp) / image.replace(".png", ".html")
                subprocess.run([*promises, *command, "--store", str(store), "-o", str(page_file)], check=True)
                with visit(browser, page_file) as seen:
                    if network:
                        wait_stabilised(seen)
                    seen.page.screenshot(path=str(IMAGES / image))
                print(IMAGES / image)


if __name__ == "__main__":
    main()
