"""The views in a real browser: they draw what the graph holds, fetch nothing, and stay inert.

These run Debian's Chromium headless through Playwright. A missing browser fails the run with
the setup command, rather than skipping: a skipped browser test would hide exactly the
breakage (a CDN link, an escaping slip) these tests exist to catch.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from promises.graph.model import Commitment, RelType
from promises.viz import render_network, render_timeline
from tests.browser import BrowserMissingError, Visit, chromium, visit, wait_stabilised
from tests.viz_fixtures import XSS_PAYLOADS, hostile, series

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "tests" / "artefacts"
DOC_IMAGES = ROOT / "docs" / "img"
PAYLOAD = " ".join(XSS_PAYLOADS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    try:
        with chromium() as b:
            yield b
    except BrowserMissingError as err:
        pytest.fail(str(err), pytrace=False)


def _screenshot(page: Page, name: str, *, doc: bool = False, full_page: bool = False) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / f"{name}.png"
    page.screenshot(path=str(shot), full_page=full_page)
    if doc and os.environ.get("PROMISES_DOC_IMAGES") == "1":  # refresh docs/img only when asked
        DOC_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOC_IMAGES / f"{name}.png")


def _assert_clean(seen: Visit) -> None:
    assert seen.problems == []
    assert seen.requests == []


def _screen_position(page: Page, node_id: str) -> dict[str, float]:
    """Where a node is drawn, in page coordinates."""
    pos: dict[str, float] = page.evaluate(
        """(id) => {
            const net = window.promiseGraph.network;
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById("pg-network").getBoundingClientRect();
            return {x: dom.x + box.left, y: dom.y + box.top, hit: net.getNodeAt(dom)};
        }""",
        node_id,
    )
    return pos


def _clickable(page: Page, node_ids: list[str]) -> tuple[str, dict[str, float]]:
    """The first node not hidden under another one, so a click lands on it."""
    for node_id in node_ids:
        pos = _screen_position(page, node_id)
        if pos["hit"] == node_id:
            return node_id, pos
    raise AssertionError("every commitment is covered by another node")


def _field(page: Page, name: str) -> str:
    return page.locator(f'#pg-panel [data-field="{name}"]').inner_text()


def _injected(page: Page) -> dict[str, Any]:
    """Elements and attributes that only injected markup could have created."""
    found: dict[str, Any] = page.evaluate(
        """() => ({
            img: document.querySelectorAll("img").length,
            scripts: document.querySelectorAll("script").length,
            handlers: [...document.querySelectorAll("*")].flatMap(
                el => [...el.attributes].map(a => a.name).filter(n => n.startsWith("on"))),
            alerted: window.__alerted || 0,
        })"""
    )
    return found


# --- network ---------------------------------------------------------------------------------


def test_network_draws_every_commitment_and_its_neighbourhood(browser: Browser, tmp_path: Path) -> None:
    s = series(meetings=8, per_meeting=5)
    out = tmp_path / "network.html"
    summary = render_network(s.data, s.commitment_ids, out, title="West Mercia PCC: all commitments")

    assert sorted(p.name for p in tmp_path.iterdir()) == ["network.html"]  # nothing beside it
    assert (summary.nodes, summary.edges) == (s.drawn_nodes, s.drawn_edges)
    with visit(browser, out) as seen:
        wait_stabilised(seen)
        counts = seen.page.evaluate("() => [promiseGraph.nodes.length, promiseGraph.edges.length]")
        physics = seen.page.evaluate("() => promiseGraph.network.physics.physicsEnabled")
        _screenshot(seen.page, "network", doc=True)
        _assert_clean(seen)
    assert counts == [s.drawn_nodes, s.drawn_edges]
    assert physics is False


def test_clicking_a_commitment_shows_its_quote_owner_and_followups(browser: Browser, tmp_path: Path) -> None:
    s = series(meetings=4, per_meeting=3)
    out = tmp_path / "network.html"
    render_network(s.data, s.commitment_ids, out, title="Click")
    followed = [cid for cid in s.commitment_ids if s.data.into(cid, RelType.UPDATES)]

    with visit(browser, out) as seen:
        page = seen.page
        wait_stabilised(seen)
        assert page.locator("#pg-detail").is_hidden()
        cid, pos = _clickable(page, followed)
        page.mouse.click(pos["x"], pos["y"])
        page.locator("#pg-detail").wait_for(state="visible")
        commitment = s.data.get(cid, Commitment)
        assert commitment is not None
        assert _field(page, "quote") == commitment.text
        assert _field(page, "id") == cid
        assert "Chief Constable" in _field(page, "owner") or "Head of Finance" in _field(page, "owner")
        update_text = s.data.nodes[s.data.into(cid, RelType.UPDATES)[0].src].text  # type: ignore[union-attr]
        assert update_text in page.locator('#pg-panel [data-field="followups"]').inner_text()
        _screenshot(page, "network-panel")
        _assert_clean(seen)


def test_network_of_one_commitment_draws_only_its_neighbourhood(browser: Browser, tmp_path: Path) -> None:
    s = series(meetings=6, per_meeting=4)
    first = s.commitment_ids[0]  # item 0: CC, Richard Cooper, VAWG, Soteria, Shropshire, one update
    out = tmp_path / "one.html"
    summary = render_network(s.data, [first], out, title="One")

    with visit(browser, out) as seen:
        wait_stabilised(seen)
        labels = seen.page.evaluate("() => promiseGraph.nodes.get().map(n => n.label).sort()")
        edge_count = seen.page.evaluate("() => promiseGraph.edges.length")
        _assert_clean(seen)
    # commitment, its meeting, role, person, 3 topics, the update and the meeting it was heard at
    assert len(labels) == summary.nodes == 9
    assert {"CC", "Richard Cooper", "VAWG", "Operation Soteria", "Shropshire"} <= set(labels)
    # MADE_AT, OWNED_BY, HELD_BY, 3 x ABOUT, UPDATES, AT, NEXT between the two meetings
    assert edge_count == summary.edges == 9


def test_network_with_no_commitments_still_opens(browser: Browser, tmp_path: Path) -> None:
    s = series(meetings=2, per_meeting=1)
    out = tmp_path / "empty.html"
    render_network(s.data, [], out, title="Nothing matched")
    with visit(browser, out) as seen:
        wait_stabilised(seen)
        assert seen.page.evaluate("() => promiseGraph.nodes.length") == 0
        _assert_clean(seen)


def test_network_shows_hostile_minutes_text_literally(browser: Browser, tmp_path: Path) -> None:
    data, cid = hostile()
    out = tmp_path / "hostile.html"
    title = f"Title {PAYLOAD}"
    render_network(data, [cid], out, title=title)

    with visit(browser, out) as seen:
        page = seen.page
        page.evaluate("() => { window.__alerted = 0; window.alert = () => { window.__alerted++; }; }")
        wait_stabilised(seen)
        assert page.title() == title
        assert page.locator("header h1").inner_text() == title
        pos = _screen_position(page, cid)
        page.mouse.move(pos["x"], pos["y"])
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible")
        assert f"Quote {PAYLOAD}" in tooltip.inner_text()
        assert tooltip.locator(".pg-tip *").count() == 0  # text only, no parsed markup
        page.mouse.click(pos["x"], pos["y"])
        page.locator("#pg-detail").wait_for(state="visible")
        assert _field(page, "quote") == f"Quote {PAYLOAD}"
        assert PAYLOAD in _field(page, "meeting")
        assert f"Follow {PAYLOAD}" in page.locator('#pg-panel [data-field="followups"]').inner_text()
        for node_id in seen.page.evaluate("() => promiseGraph.nodes.getIds()"):
            p = _screen_position(page, node_id)
            page.mouse.move(p["x"], p["y"])
        page.wait_for_timeout(300)
        injected = _injected(page)
        _screenshot(page, "network-hostile")
        _assert_clean(seen)
    assert injected == {"img": 0, "scripts": 4, "handlers": [], "alerted": 0}


# --- timeline --------------------------------------------------------------------------------


def test_timeline_has_a_row_and_a_table_line_per_commitment(browser: Browser, tmp_path: Path) -> None:
    s = series(meetings=8, per_meeting=4)
    out = tmp_path / "timeline.html"
    summary = render_timeline(s.data, s.commitment_ids, out, title="West Mercia PCC: timeline")
    updates = sum(len(s.data.into(cid, RelType.UPDATES)) for cid in s.commitment_ids)
    due = sum(1 for cid in s.commitment_ids if (c := s.data.get(cid, Commitment)) and c.due)

    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.html"]
    with visit(browser, out, height=900) as seen:
        page = seen.page
        rows = page.locator("#pg-timeline g.pg-row").count()
        table_rows = page.locator("#pg-table tbody tr").count()
        markers = page.locator("#pg-timeline g.followup").count()
        due_marks = page.locator("#pg-timeline line.due").count()
        quotes = page.locator("#pg-table tbody td.quote").evaluate_all(
            "cells => cells.map(c => c.firstChild.textContent)"
        )
        _screenshot(page, "timeline", doc=True)
        _assert_clean(seen)
    assert rows == table_rows == summary.rows == len(s.commitment_ids)
    assert markers == updates
    assert due_marks == due
    # made in meeting order (fixture ids are listed meeting by meeting), ties broken by id
    per = len(s.commitment_ids) // len(s.meetings)
    order = sorted(range(len(s.commitment_ids)), key=lambda n: (n // per, s.commitment_ids[n]))
    assert quotes == [s.data.nodes[s.commitment_ids[n]].text for n in order]  # type: ignore[union-attr]


def test_timeline_shows_hostile_minutes_text_literally(browser: Browser, tmp_path: Path) -> None:
    data, cid = hostile()
    out = tmp_path / "hostile-timeline.html"
    title = f"Title {PAYLOAD}"
    render_timeline(data, [cid], out, title=title)

    with visit(browser, out) as seen:
        page = seen.page
        assert page.title() == title
        assert page.locator("#pg-table td.quote").inner_text().startswith(f"Quote {PAYLOAD}")
        assert PAYLOAD in page.locator("#pg-table td").nth(2).inner_text()  # owner: role title
        assert f"Quote {PAYLOAD}" in (page.locator("#pg-timeline g.pg-row > title").text_content() or "")
        page.locator("#pg-timeline g.pg-row").hover()
        page.locator("#pg-table td.quote").hover()
        injected = _injected(page)
        _screenshot(page, "timeline-hostile", full_page=True)
        _assert_clean(seen)
    assert injected == {"img": 0, "scripts": 0, "handlers": [], "alerted": 0}
