"""Shared fixtures: a store built from the real seed minutes with the real engine."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from promises.graph.graphdata import GraphData
from promises.graph.ladybug_store import LadybugStore
from promises.ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "minutes"
DATA = ROOT / "tests" / "data"
AS_OF = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> LadybugStore:
    """A store holding the five seed meetings (read-only use: copy it before writing)."""
    store = LadybugStore(tmp_path_factory.mktemp("seed") / "store")
    summary = ingest_paths([SEEDS], store, now=NOW, as_of=AS_OF)
    assert len(summary.read) == 5, summary.skipped
    return store


@pytest.fixture(scope="session")
def seed_data(seed_store: LadybugStore) -> GraphData:
    return seed_store.load()


@pytest.fixture()
def store_copy(seed_store: LadybugStore, tmp_path: Path) -> LadybugStore:
    """A private, writable copy of the seed store."""
    target = tmp_path / "store"
    shutil.copytree(seed_store.path, target)
    return LadybugStore(target)


from tests.neo4j_support import cypher_linter, falkordb, sample_data  # noqa: E402,F401  (Neo4j test layers)
from tests.small_graph import small_graph  # noqa: E402,F401  (the hand-built graph fixture of the RDF tests)
