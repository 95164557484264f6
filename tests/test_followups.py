"""Follow-up linking on real files in a real LadybugDB store: links, idempotence, order."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

from benchmarks.score_followups import score
from promises.graph.ladybug_store import LadybugStore
from promises.graph.linking import relink
from promises.graph.model import RelType
from promises.ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
SERIES_A = ROOT / "tests" / "data" / "series" / "northshire-a"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
AS_OF = date(2023, 7, 31)


def _links(store: LadybugStore) -> set[tuple[str, str, str]]:
    return {(e.src, e.dst, str(e.prop("rule"))) for e in store.load().edges_of(RelType.UPDATES)}


def test_relink_of_unchanged_graph_is_empty(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path / "s")
    ingest_paths([SERIES_A], store, now=NOW, as_of=AS_OF)
    assert relink(store.load(), AS_OF).is_empty()


def test_out_of_order_ingest_links_like_in_order(tmp_path: Path) -> None:
    in_order = LadybugStore(tmp_path / "a")
    ingest_paths([SERIES_A], in_order, now=NOW, as_of=AS_OF)
    late = LadybugStore(tmp_path / "b")
    files = sorted(SERIES_A.glob("*.txt"))
    middle = next(f for f in files if "2023-05" in f.name)  # the meeting between two others
    for path in [f for f in files if f != middle] + [middle]:
        ingest_paths([path], late, now=NOW, as_of=AS_OF)
    assert _links(late) == _links(in_order)
    assert len(_links(in_order)) == 7


def test_blanket_statement_closes_previous_meeting_actions(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path / "s")
    ingest_paths([SERIES_A], store, now=NOW, as_of=AS_OF)
    data = store.load()
    blanket = [e for e in data.edges_of(RelType.UPDATES) if e.prop("rule") == "blanket"]
    assert [data.nodes[e.dst].text for e in blanket] == [  # type: ignore[union-attr]
        "ACC to provide an update on Operation Harbour at the next meeting."
    ]


def test_scores_stay_above_floors() -> None:
    by_name = {s.name: s for s in score()}
    for name in ("northshire-a", "northshire-b"):
        assert by_name[name].precision >= 0.9 and by_name[name].recall >= 0.9, by_name[name]
        assert by_name[name].status_accuracy == 1.0, by_name[name].status_errors
    seeds = by_name["seeds"]
    assert seeds.recall >= 0.5 and seeds.precision_strong >= 0.5
    assert seeds.status_accuracy == 1.0, seeds.status_errors


def test_copy_of_store_relinks_identically(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path / "s")
    ingest_paths([SERIES_A], store, now=NOW, as_of=AS_OF)
    shutil.copytree(store.path, tmp_path / "copy")
    assert relink(LadybugStore(tmp_path / "copy").load(), AS_OF).is_empty()
