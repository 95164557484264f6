"""The push and `cypher --neo4j` against a real Neo4j, when one is configured.

Runs only when NEO4J_URI is set (with NEO4J_USER, NEO4J_PASSWORD and optionally NEO4J_DATABASE),
e.g. against `docker run -p 127.0.0.1:7687:7687 -e NEO4J_AUTH=neo4j/<password> neo4j:5`.
It touches only nodes whose ids belong to the test graph, removing them before and after, and
leaves the `promises_<label>_id` constraints in place (they are what `push` creates anyway).
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from promises.graph.errors import QueryError
from promises.graph.graphdata import GraphData
from promises.graph.model import NODE_TYPES
from promises.graph.neo4j_store import Neo4jAuthError, Neo4jSettings, push, run_cypher, settings_from_env
from tests.neo4j_support import build_sample

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set: no Neo4j server here"
)

SAMPLE_IDS = sorted(build_sample().nodes)


@pytest.fixture
def neo4j_settings() -> Iterator[Neo4jSettings]:
    settings = settings_from_env(os.environ)
    wipe = "UNWIND $ids AS id MATCH (n {id: id}) DETACH DELETE n"
    run_cypher(settings, wipe, {"ids": SAMPLE_IDS})
    yield settings
    run_cypher(settings, wipe, {"ids": SAMPLE_IDS})


def counts(settings: Neo4jSettings) -> tuple[int, int]:
    nodes = run_cypher(settings, "MATCH (n) WHERE n.id IN $ids RETURN count(n)", {"ids": SAMPLE_IDS})
    rels = run_cypher(
        settings,
        "MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r)",
        {"ids": SAMPLE_IDS},
    )
    return nodes.rows[0][0], rels.rows[0][0]


def test_push_creates_constraints_nodes_edges_and_dates(
    neo4j_settings: Neo4jSettings, sample_data: GraphData
) -> None:
    summary = push(sample_data, neo4j_settings, batch_size=2)

    assert summary.sent == len(sample_data.nodes) + len(sample_data.edges)
    assert counts(neo4j_settings) == (len(sample_data.nodes), len(sample_data.edges))
    constraints = run_cypher(neo4j_settings, "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type")
    unique = {(tuple(r[0]), tuple(r[1])) for r in constraints.rows if "UNIQUE" in r[2]}
    for cls in NODE_TYPES:
        assert ((cls.LABEL,), ("id",)) in unique
    due = run_cypher(
        neo4j_settings, "MATCH (c:Commitment) WHERE c.id IN $ids RETURN c.due", {"ids": SAMPLE_IDS}
    )
    assert due.rows == ((date(2024, 12, 31),),)  # a Neo4j Date, back as a Python date
    typed = run_cypher(
        neo4j_settings,
        "MATCH (c:Commitment) WHERE c.id IN $ids RETURN valueType(c.due), valueType(c.confidence)",
        {"ids": SAMPLE_IDS},
    )
    assert typed.rows == (("DATE", "FLOAT"),)


def test_second_push_sends_nothing(
    neo4j_settings: Neo4jSettings, sample_data: GraphData, tmp_path: Path
) -> None:
    push(sample_data, neo4j_settings, state_dir=tmp_path)
    second = push(sample_data, neo4j_settings, state_dir=tmp_path)
    assert (second.sent, second.deleted) == (0, 0)
    push(sample_data, neo4j_settings)  # without a manifest: everything sent, nothing duplicated
    assert counts(neo4j_settings) == (len(sample_data.nodes), len(sample_data.edges))


def test_wrong_password_is_an_auth_error(
    neo4j_settings: Neo4jSettings, sample_data: GraphData, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = dataclasses.replace(neo4j_settings, password="pw-Wrong-Integration-1")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(Neo4jAuthError) as info:
        push(sample_data, wrong)
    assert str(info.value).startswith(f"Neo4j rejected the credentials for user {wrong.user} at {wrong.uri}")
    assert "pw-Wrong-Integration-1" not in str(info.value) + caplog.text
    assert neo4j_settings.password not in str(info.value) + caplog.text


def test_syntax_error_is_a_query_error(neo4j_settings: Neo4jSettings) -> None:
    with pytest.raises(QueryError) as info:
        run_cypher(neo4j_settings, "MATCH (n RETURN n")
    assert str(info.value).startswith("Neo4j rejected the query: ")
    assert "Neo.ClientError.Statement.SyntaxError" in str(info.value)
