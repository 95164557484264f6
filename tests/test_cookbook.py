"""Every query in docs/cookbook.md runs on the seed store and gives the answer the page promises."""

from __future__ import annotations

import re
from typing import Any

import pytest

from promises.graph.graphdata import GraphData
from promises.graph.ladybug_store import LadybugStore
from promises.graph.model import Commitment
from promises.queries.cypher import parse_params, result_records
from tests.conftest import ROOT

PAGE = (ROOT / "docs" / "cookbook.md").read_text(encoding="utf-8")
ENTRIES = re.findall(r"^## (\d+)\. (.+?)\n\n```cypher\n// params:(.*?)\n(.*?)```", PAGE, re.S | re.M)


def _run(store: LadybugStore, number: str, overrides: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    for num, _, params, query in ENTRIES:
        if num == number:
            items = [p.strip() for p in params.split(",") if p.strip()]
            values = parse_params(items)
            values.update(overrides or {})
            return result_records(store.query(query, values))
    raise AssertionError(f"no query {number}")


def test_the_page_has_at_least_twelve_queries() -> None:
    assert len(ENTRIES) >= 12
    assert [int(n) for n, *_ in ENTRIES] == list(range(1, len(ENTRIES) + 1))


def test_1_chief_constable_on_an_operation(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "1")
    assert rows and {r["owner"] for r in rows} == {"T/CC"} and all("Presence" in r["text"] for r in rows)


def test_2_overdue_by_owner(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "2")
    assert rows and all(r["overdue"] >= 1 for r in rows)
    assert "T/CC" in {r["owner"] for r in rows}  # the Q3 2024 update was due 2024-12-31
    assert _run(seed_store, "2", {"as_of": __import__("datetime").date(2020, 1, 1)}) == []


def test_3_never_followed_up(seed_store: LadybugStore, seed_data: GraphData) -> None:
    rows = _run(seed_store, "3")
    assert 0 < len(rows) <= len(seed_data.of_type(Commitment))
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_4_dcc_when_rasso_promise_made(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "4")
    assert rows and all(r["dcc"] == "Alex Murray" for r in rows if r["date"] == "2022-12-19")


def test_5_theme_meetings_and_attendees(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "5", {"theme": "anti-social behaviour"})
    assert rows and rows[0]["date"] == "2024-11-27" and "Rachel Jones" in rows[0]["attendees"]


def test_6_offices_of_a_person(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "6")
    assert [(r["role"], r["from_date"]) for r in rows] == [("ACC", "2022-03-29"), ("T/CC", "2024-11-27")]


def test_7_followed_up_after_role_change(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "7")
    assert all(r["new_role"] != r["then_role"] and r["followed_up"] >= r["made"] for r in rows)


def test_8_chain_of_updates(seed_store: LadybugStore, seed_data: GraphData) -> None:
    commitment = next(
        c for c in seed_data.of_type(Commitment) if "Op Presence" in c.text and c.kind == "action"
    )
    rows = _run(seed_store, "8", {"id": commitment.id})
    assert rows and rows[0]["made"] == "2024-11-27" and "Op Presence" in rows[0]["promise"]


def test_9_requests_by_the_commissioner(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "9")
    assert any("receive a copy" in r["text"] for r in rows)
    assert _run(seed_store, "9", {"requester": "Nobody Atall"}) == []


def test_10_counts_by_meeting_and_kind(seed_store: LadybugStore, seed_data: GraphData) -> None:
    rows = _run(seed_store, "10")
    assert sum(r["n"] for r in rows) == len(seed_data.of_type(Commitment))


def test_11_back_references(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "11")
    assert {(r["date"], r["refers_to"][:7]) for r in rows} >= {("2020-01-13", "2019-05")}


def test_12_repeated_in_summary(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "12")
    assert {r["date"] for r in rows} >= {"2024-11-27"} and all(r["times_stated"] >= 2 for r in rows)


def test_13_deadlines_in_range(seed_store: LadybugStore) -> None:
    rows = _run(seed_store, "13")
    assert rows and all("2024-12-01" <= r["due"] <= "2025-03-31" for r in rows)
    assert {"2024-12-31", "2025-03-31"} <= {r["due"] for r in rows}


@pytest.mark.parametrize("number", [n for n, *_ in ENTRIES])
def test_every_query_uses_parameters_not_literals_for_user_values(number: str) -> None:
    query = next(q for n, _, _, q in ENTRIES if n == number)
    assert "$" in query or number in {"3", "7", "10", "11", "12"}
