"""The embedded LadybugDB store: round trips, atomic writes, schema version."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from promises.graph.errors import QueryError, StoreError
from promises.graph.graphdata import GraphData
from promises.graph.ladybug_store import LadybugStore
from promises.graph.model import (
    EXAMPLE_FILLED_COMMITMENT,
    EXAMPLE_FILLED_MEETING,
    EXAMPLE_MINIMAL_MEETING,
    ChangeSet,
    Person,
    RelType,
    Status,
    edge,
)
from promises.graph.schema import SCHEMA_VERSION


def _changes() -> ChangeSet:
    changes = ChangeSet()
    person = Person("p-00000000000000aa", "Pippa Mills", ("PM",))
    changes.add(EXAMPLE_FILLED_MEETING, EXAMPLE_MINIMAL_MEETING, EXAMPLE_FILLED_COMMITMENT, person)
    changes.link(RelType.MADE_AT, EXAMPLE_FILLED_COMMITMENT, EXAMPLE_FILLED_MEETING)
    changes.link(RelType.ATTENDED, person, EXAMPLE_FILLED_MEETING, abbrev="CC", apologies=False)
    return changes


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path / "s")
    changes = _changes()
    with store.transaction() as tx:
        tx.apply(changes)
    data = store.load()
    assert data.nodes == changes.nodes
    assert data.edges == changes.edges


def test_failed_transaction_leaves_store_unchanged(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path / "s")
    with store.transaction() as tx:
        tx.apply(_changes())
    before = store.load()
    with pytest.raises(RuntimeError, match="half-way"), store.transaction() as tx:
        tx.apply(ChangeSet(nodes={"p-00000000000000bb": Person("p-00000000000000bb", "Someone")}))
        raise RuntimeError("half-way")
    after = store.load()
    assert after.nodes == before.nodes and after.edges == before.edges
    assert sorted(p.name for p in tmp_path.joinpath("s").glob("graph-*")) == ["graph-000001.lbdb"]


def test_apply_against_what_is_stored_writes_the_same_store(tmp_path: Path) -> None:
    """With `stored`, identical upserts are skipped and changed nodes get only their columns."""
    stores = [LadybugStore(tmp_path / name) for name in ("plain", "diffed")]
    for store in stores:
        with store.transaction() as tx:
            tx.apply(_changes())
    stored = stores[1].load()
    commitment = replace(EXAMPLE_FILLED_COMMITMENT, status=Status.OVERDUE, status_as_of=date(2025, 1, 1))
    newcomer = Person("p-00000000000000cc", "Ann Other")
    changes = _changes()  # every node and edge again, unchanged ...
    changes.add(commitment, newcomer)  # ... but for two status columns, and one new person
    changes.link(RelType.CHAIRED, newcomer, EXAMPLE_FILLED_MEETING)
    gone = next(e for e in stored.edges.values() if e.type is RelType.ATTENDED)
    changes.edges.pop(gone.key)
    changes.delete_edges[gone.key] = gone
    with stores[0].transaction() as tx:
        tx.apply(changes)
    with stores[1].transaction() as tx:
        tx.apply(changes, stored=stored)
    plain, diffed = (store.load() for store in stores)
    assert diffed.nodes == plain.nodes and diffed.edges == plain.edges
    assert diffed.nodes[commitment.id] == commitment and gone.key not in diffed.edges


def test_incompatible_schema_version_is_refused(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path / "s")
    with store.transaction() as tx:
        tx.apply(_changes())
    pointer = tmp_path / "s" / "STORE.json"
    data = json.loads(pointer.read_text())
    data["schema_version"] = 999
    pointer.write_text(json.dumps(data))
    with pytest.raises(StoreError, match=f"schema version 999, this version reads {SCHEMA_VERSION}"):
        store.load()
    with pytest.raises(StoreError, match="schema version 999"), store.transaction():
        pass


def test_missing_store_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run `promises ingest PATH` first"):
        LadybugStore(tmp_path / "none").load()


def test_query_takes_parameters_and_reports_errors(seed_store: LadybugStore) -> None:
    result = seed_store.query("MATCH (p:Person) WHERE p.name = $name RETURN p.name", {"name": "Pippa Mills"})
    assert result.rows == (("Pippa Mills",),)
    injected = seed_store.query("MATCH (p:Person) WHERE p.name = $name RETURN p.name",
                                {"name": "x' OR 1=1 //"})  # fmt: skip
    assert injected.rows == ()
    with pytest.raises(QueryError, match="offset"):
        seed_store.query("MATCH (p:Person RETURN p")


def test_bulk_load_gives_what_apply_gives(
    tmp_path: Path, seed_data: GraphData, sample_data: GraphData
) -> None:
    for name, data in (("seed", seed_data), ("sample", sample_data)):
        bulk, merged = LadybugStore(tmp_path / f"{name}-bulk"), LadybugStore(tmp_path / f"{name}-merge")
        bulk.bulk_load(data)
        with merged.transaction() as tx:
            tx.apply(ChangeSet(nodes=dict(data.nodes), edges=dict(data.edges)))
        loaded = bulk.load()
        assert loaded.nodes == data.nodes == merged.load().nodes
        assert loaded.edges == data.edges == merged.load().edges


def test_bulk_load_only_creates_and_later_writes_still_apply(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path / "s")
    changes = _changes()
    dangling = Person("p-00000000000000cc", "Not Loaded")
    data = GraphData.build(changes.nodes.values(), changes.edges.values())
    data.edges[("HELD_BY", EXAMPLE_FILLED_COMMITMENT.id, dangling.id)] = edge(
        RelType.HELD_BY, EXAMPLE_FILLED_COMMITMENT, dangling
    )
    store.bulk_load(data)
    assert store.load().edges == changes.edges  # an edge to a node not in the data is left out, as apply does
    with pytest.raises(StoreError, match="exists already"):
        store.bulk_load(data)
    with store.transaction() as tx:
        tx.apply(ChangeSet(nodes={dangling.id: dangling}))
    assert dangling.id in store.load().nodes


def test_reading_answers_many_queries_from_one_open_store(seed_store: LadybugStore) -> None:
    query = "MATCH (p:Person) WHERE p.name = $name RETURN p.name"
    with seed_store.reading() as reader:
        answers = [reader.query(query, {"name": "Pippa Mills"}) for _ in range(3)]
        assert reader.load().nodes == seed_store.load().nodes
    assert answers == [seed_store.query(query, {"name": "Pippa Mills"})] * 3
    with pytest.raises(QueryError), seed_store.reading() as reader:
        reader.query("MATCH (n:Nope) RETURN n")
