"""Follow-up linking on real files in a real LadybugDB store: links, idempotence, order."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from benchmarks.score_followups import score
from promises.graph.ladybug_store import LadybugStore
from promises.graph.linking import LINKING_RULES, relink
from promises.graph.model import ChangeSet, RelType
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


def test_store_linked_with_other_rules_is_relinked_in_full(tmp_path: Path) -> None:
    """Incremental re-linking trusts derived data outside its reach only under the same rules."""
    files = sorted(SERIES_A.glob("*.txt"))
    store = LadybugStore(tmp_path / "s")
    ingest_paths(files[:2], store, now=NOW, as_of=AS_OF)
    pointer = json.loads((store.path / "STORE.json").read_text(encoding="utf-8"))
    assert pointer["meta"]["linking_rules"] == LINKING_RULES
    data = store.load()
    stray = next(e for e in data.edges_of(RelType.UPDATES))
    stray = replace(stray, props=(("confidence", 0.01), ("rule", "old rules")))
    with store.transaction() as tx:  # derived data as an older version might have left it
        tx.apply(ChangeSet(edges={stray.key: stray}))
    ingest_paths(files[3:], store, now=NOW, as_of=AS_OF)  # far enough on: out of reach
    assert stray in store.load().edges.values()
    with store.transaction() as tx:
        tx.meta["linking_rules"] = "older rules"
    ingest_paths(files[2:3], store, now=NOW, as_of=AS_OF)
    assert stray not in store.load().edges.values()
    assert relink(store.load(), AS_OF).is_empty()
