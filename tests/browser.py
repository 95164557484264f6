"""Open generated pages in Debian's headless Chromium and record everything they try to do.

Shared by the browser tests and the benchmark. A page is judged by what the browser saw:
console errors, uncaught exceptions, dialogs (an `alert` from injected markup) and every
request other than the page itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SETUP_HINT = (
    "run the project's setup: `apt-get update && apt-get install -y chromium` "
    "and `pip install -e '.[test]'` (never `playwright install`)"
)


class BrowserMissingError(RuntimeError):
    """Chromium or Playwright is not installed; the message says how to install them."""


@contextmanager
def chromium() -> Iterator[Browser]:
    """Launch the system Chromium through Playwright, or explain what to install."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        raise BrowserMissingError(f"playwright is not installed: {SETUP_HINT}") from err
    if not CHROMIUM.exists():
        raise BrowserMissingError(f"Chromium not found at {CHROMIUM}: {SETUP_HINT}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """One page opened from disk, with what it attempted while open."""

    page: Page
    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # anything but the page itself

    @property
    def problems(self) -> list[str]:
        return self.console_errors + self.page_errors + [f"dialog: {d}" for d in self.dialogs]


@contextmanager
def visit(browser: Browser, path: Path, *, width: int = 1400, height: int = 850) -> Iterator[Visit]:
    """Open `path` via file:// with every request routed, so any attempt is recorded and refused."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    seen = Visit(page, path.resolve().as_uri())

    def on_route(route: object) -> None:
        from playwright.sync_api import Route

        assert isinstance(route, Route)
        if route.request.url == seen.url:
            route.continue_()
        else:
            seen.requests.append(route.request.url)
            route.abort()

    def on_request(request: object) -> None:
        from playwright.sync_api import Request

        assert isinstance(request, Request)
        if request.url != seen.url and request.url not in seen.requests:
            seen.requests.append(request.url)

    context.route("**/*", on_route)
    page.on("request", on_request)
    page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.page_errors.append(str(e)))
    page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(seen.url, wait_until="load")
        yield seen
    finally:
        context.close()


def wait_stabilised(seen: Visit, timeout_ms: float = 60_000) -> float:
    """Wait for the network page to finish its layout; return ms from navigation to that moment.

    Polls in short steps so a script error fails at once instead of after the whole timeout.
    """
    waited = 0.0
    while not seen.page.query_selector("body[data-stabilised]"):
        if seen.page_errors or waited > timeout_ms:
            raise AssertionError(f"page did not stabilise after {waited:.0f} ms: {seen.problems}")
        seen.page.wait_for_timeout(100)
        waited += 100
    return float(seen.page.evaluate("() => window.promiseGraph.stabilisedAt"))
