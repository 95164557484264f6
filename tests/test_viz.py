"""The view builders without a browser: embedding, offline output, errors, status override."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from promises.graph.errors import NotFoundError, PromiseGraphError
from promises.graph.model import Status
from promises.viz import render_network, render_timeline
from promises.viz.page import VizError, script_json, write_atomic
from tests.viz_fixtures import XSS_PAYLOADS, hostile, series

PAYLOAD = " ".join(XSS_PAYLOADS)


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "a & b > c",
        "line\u2028separator\u2029paragraph",
        {"k</script>": ["</SCRIPT>", 1, None]},
    ],
)
def test_script_json_round_trips_and_cannot_close_its_element(value: object) -> None:
    embedded = script_json(value)
    assert json.loads(embedded) == value
    assert not re.search(r"[<>&\u2028\u2029]", embedded)


@pytest.mark.parametrize("render", [render_network, render_timeline])
def test_payloads_never_reach_the_page_as_markup(render: object, tmp_path: Path) -> None:
    data, cid = hostile()
    out = tmp_path / "page.html"
    render(data, [cid], out, title=PAYLOAD)  # type: ignore[operator]
    page = out.read_text(encoding="utf-8")
    for payload in XSS_PAYLOADS:
        assert payload not in page
    assert "<img" not in page
    assert len(re.findall(r"^<script", page, re.M)) == (4 if render is render_network else 0)


@pytest.mark.parametrize("render", [render_network, render_timeline])
def test_pages_reference_no_other_resource(render: object, tmp_path: Path) -> None:
    s = series(meetings=3, per_meeting=2)
    out = tmp_path / "page.html"
    render(s.data, s.commitment_ids, out, title="Offline")  # type: ignore[operator]
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    assert not re.search(r"<link\b|sourceMappingURL", page, re.I)
    styles = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    assert not re.search(r"@import|@font-face|url\((?!\s*[\"']?data:)", styles, re.I)
    assert "default-src 'none'" in page
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


@pytest.mark.parametrize("render", [render_network, render_timeline])
def test_unknown_commitment_is_reported_by_id(render: object, tmp_path: Path) -> None:
    s = series(meetings=2, per_meeting=1)
    with pytest.raises(NotFoundError) as err:
        render(s.data, [*s.commitment_ids, "c-0000000000000bad"], tmp_path / "x.html", title="x")  # type: ignore[operator]
    assert str(err.value) == "no commitment matches 'c-0000000000000bad'"
    assert list(tmp_path.iterdir()) == []


def test_status_override_wins_over_the_stored_status(tmp_path: Path) -> None:
    s = series(meetings=2, per_meeting=2)
    everything_done = dict.fromkeys(s.commitment_ids, Status.REPORTED_DONE)
    out = tmp_path / "t.html"
    render_timeline(s.data, s.commitment_ids, out, title="t", status_of=everything_done)
    page = out.read_text(encoding="utf-8")
    assert page.count(">Reported done</span></td>") == len(s.commitment_ids)
    assert ">Open</span></td>" not in page


def test_missing_directory_is_a_user_error(tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "page.html"
    with pytest.raises(PromiseGraphError) as err:
        write_atomic(target, "x")
    assert isinstance(err.value, VizError)
    assert str(err.value) == f"{target}: directory {target.parent} does not exist"


def test_atomic_write_replaces_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    out.write_text("old", encoding="utf-8")
    size = write_atomic(out, "new \u2013 text")
    assert out.read_text(encoding="utf-8") == "new \u2013 text"
    assert size == len("new \u2013 text".encode())
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]
