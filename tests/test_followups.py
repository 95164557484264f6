"""Follow-up linking on real files in a real LadybugDB store: links, idempotence, order."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from benchmarks.score_followups import score
from promises.graph.followups import MIN_CONFIDENCE, _content, stem
from promises.graph.followups import score as link_score
from promises.graph.ladybug_store import LadybugStore
from promises.graph.linking import LINKING_RULES, relink
from promises.graph.model import ChangeSet, RelType, Signal, Update, UpdateScope
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
    """Floors are the measured figures less 0.02 (benchmarks/score_followups.py prints them).

    Measured: both Northshire series P 1.00 R 1.00; seeds P 1.00 (1 link) R 0.50, strong links
    P 1.00; every status case right. The seeds' one miss needs a return statement the
    extractor does not see (a forward-looking "will enable"), not a linking rule.
    """
    by_name = {s.name: s for s in score()}
    for name in ("northshire-a", "northshire-b"):
        assert by_name[name].precision >= 0.98 and by_name[name].recall >= 0.98, by_name[name]
        assert by_name[name].status_accuracy == 1.0, by_name[name].status_errors
    seeds = by_name["seeds"]
    assert seeds.precision >= 0.98, seeds.false_links
    assert seeds.recall >= 0.48 and seeds.precision_strong >= 0.98, seeds.misses
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


def _update(text: str, scope: UpdateScope = UpdateScope.IMPLICIT) -> Update:
    return Update("u-1", text, "x.txt", 0, len(text), Signal.DONE, scope=scope)


def _score(update: str, commitment: str, scope: UpdateScope = UpdateScope.IMPLICIT, **shared: bool) -> float:
    flags = {"shared_topic": False, "shared_role": False, "shared_operation": False, **shared}
    return link_score(
        _update(update, scope),
        _content(update),
        _content(commitment),
        distance=1,
        shared_topic=flags["shared_topic"],
        shared_role=flags["shared_role"],
        shared_operation=flags["shared_operation"],
    )


@pytest.mark.parametrize(
    ("update", "commitment", "scope", "shared", "linked"),
    [
        # a theme in common and one word that merely names it: an echo, not the promise
        (
            "New procedures and training have been implemented.",
            "The force will implement it, supported by thorough training.",
            UpdateScope.IMPLICIT,
            {"shared_topic": True},
            False,
        ),
        (
            "Performance is subject of scrutiny at the monthly board.",
            "The DCC hopes to develop a wider performance framework.",
            UpdateScope.IMPLICIT,
            {"shared_topic": True},
            False,
        ),
        # verbs of promising and reporting back are not subjects, however many are shared
        (
            "The plan has been reviewed, implemented and published.",
            "The force will review, implement and publish the plan.",
            UpdateScope.IMPLICIT,
            {"shared_topic": True},
            False,
        ),
        (
            "The custody suite refurbishment has been completed.",
            "The force will complete the custody suite refurbishment.",
            UpdateScope.IMPLICIT,
            {"shared_topic": True},
            True,
        ),
        (
            "Operation Kestrel continues.",
            "The CC said the force would expand Operation Kestrel.",
            UpdateScope.IMPLICIT,
            {"shared_topic": True, "shared_operation": True},
            True,
        ),
        (
            "As previously requested, this has been shared.",
            "DCC to share the data with the OPCC.",
            UpdateScope.EXPLICIT,
            {"shared_topic": True},
            False,
        ),
        (
            "As previously requested, the data has been shared.",
            "DCC to share the data with the OPCC.",
            UpdateScope.EXPLICIT,
            {"shared_topic": True},
            True,
        ),
    ],
)
def test_links_need_subject_words_not_a_theme(
    update: str, commitment: str, scope: UpdateScope, shared: dict[str, bool], linked: bool
) -> None:
    assert (_score(update, commitment, scope, **shared) >= MIN_CONFIDENCE) is linked


@pytest.mark.parametrize(
    ("forms", "apart"),
    [
        (("recruitment", "recruit", "recruiting"), ()),
        (("vacancies", "vacancy"), ()),
        (("investigations", "investigated", "investigation"), ("investment",)),
        (("procedures", "procedure"), ("process", "processes")),
        (("circulated", "circulate", "circulation"), ()),
        (("deferred", "defer"), ()),
        (("filled", "fill"), ()),
    ],
)
def test_stem_joins_forms_and_keeps_apart_lookalikes(forms: tuple[str, ...], apart: tuple[str, ...]) -> None:
    assert len({stem(w) for w in forms}) == 1
    assert not {stem(w) for w in apart} & {stem(forms[0])}
