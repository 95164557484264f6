"""Status per DESIGN.md section 5, table-driven over a real ingested Northshire series."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from promises.graph.graphdata import GraphData
from promises.graph.ladybug_store import LadybugStore
from promises.graph.model import Commitment, Status
from promises.graph.status import compute_status
from promises.ingest.pipeline import ingest_paths

SERIES = Path(__file__).resolve().parent / "data" / "series"


@pytest.fixture(scope="module")
def series_b(tmp_path_factory: pytest.TempPathFactory) -> GraphData:
    store = LadybugStore(tmp_path_factory.mktemp("b") / "s")
    ingest_paths(
        [SERIES / "northshire-b"], store, now=datetime(2026, 1, 1, tzinfo=UTC), as_of=date(2024, 1, 1)
    )
    return store.load()


CASES = [
    # (words of the commitment, as of, expected status, why)
    ("evaluation of the victim advice line", "2023-10-15", Status.OPEN, "before its due date"),
    (
        "evaluation of the victim advice line",
        "2023-11-30",
        Status.OVERDUE,
        "due passed; a deferral does not stop the clock",
    ),
    ("expand Operation Kestrel", "2023-09-06", Status.OPEN, "no later meeting yet"),
    ("expand Operation Kestrel", "2023-10-31", Status.IN_PROGRESS, "progress reported"),
    ("expand Operation Kestrel", "2023-12-31", Status.REPORTED_DONE, "rolled out"),
    ("confirm the date of the rural crime summit", "2023-12-31", Status.IN_PROGRESS, "deferred"),
    ("body worn video to all special constables", "2023-11-30", Status.OPEN, "two later meetings"),
    ("body worn video to all special constables", "2023-12-31", Status.SILENT, "silent for three meetings"),
    ("share the stop and search scrutiny data", "2023-12-31", Status.REPORTED_DONE, "explicit done"),
]


@pytest.mark.parametrize(("words", "as_of", "expected", "why"), CASES)
def test_status(series_b: GraphData, words: str, as_of: str, expected: Status, why: str) -> None:
    found = [c for c in series_b.of_type(Commitment) if words in " ".join(c.text.split())]
    assert len(found) == 1, words
    status, evidence = compute_status(series_b, found[0], date.fromisoformat(as_of))
    assert status is expected, why
    if expected in (Status.REPORTED_DONE, Status.IN_PROGRESS):
        assert evidence is not None and evidence.update.text in Path(evidence.update.file).read_text(
            encoding="utf-8"
        )
