"""`promises trace` on a real store: timeline with quotes, JSON in the DESIGN shape, candidates."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from promises.cli import app
from promises.graph.ladybug_store import LadybugStore
from promises.graph.model import Commitment
from promises.ingest.pipeline import ingest_paths

SERIES_A = Path(__file__).resolve().parent / "data" / "series" / "northshire-a"
KEYS = {"id", "kind", "text", "owner", "requested_by", "due", "due_text", "meeting", "source", "topics",
        "operations", "places", "status", "status_as_of", "status_evidence", "followups"}  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("t") / "s"
    ingest_paths(
        [SERIES_A], LadybugStore(path), now=datetime(2026, 1, 1, tzinfo=UTC), as_of=date(2023, 7, 31)
    )
    return path


def test_table_shows_made_updates_and_status(store: Path) -> None:
    data = LadybugStore(store).load()
    harbour = next(c.id for c in data.of_type(Commitment) if "review the Operation Harbour" in c.text)
    result = CliRunner().invoke(app, ["trace", harbour, "--store", str(store), "--as-of", "2023-07-31"])
    assert result.exit_code == 0, result.output
    assert "MADE" in result.output
    assert "40 cases reviewed so far" in result.output
    assert "status as of 2023-07-31: in_progress" in result.output


def test_json_has_design_shape(store: Path) -> None:
    result = CliRunner().invoke(app, ["trace", "witness care funding proposal", "--store", str(store),
                                      "--as-of", "2023-07-31", "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert KEYS <= set(record)
    assert record["status"] == "reported_done"
    assert record["followups"][0]["meeting"]["date"] == "2023-03-14"
    assert "has been circulated" in record["status_evidence"]["text"]


def test_several_matches_list_candidates(store: Path) -> None:
    result = CliRunner().invoke(
        app, ["trace", "detective vacancies", "--store", str(store), "--format", "json"]
    )
    assert result.exit_code == 2
    ids = [c["id"] for c in json.loads(result.stdout)["candidates"]]
    assert len(ids) == 2 and all(i.startswith("c-") for i in ids)
