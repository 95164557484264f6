"""Shared fixtures: a small graph touching every label and relationship shape, the offline Cypher
linter, and a FalkorDB server speaking Bolt on 127.0.0.1 for real driver round trips."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from promises.graph.graphdata import GraphData
from promises.graph.model import (
    NODE_TYPES,
    REL_SCHEMA,
    Commitment,
    CommitmentKind,
    DateConfidence,
    Document,
    Edge,
    Meeting,
    Node,
    Operation,
    Organisation,
    Person,
    Place,
    RelType,
    Role,
    Signal,
    Theme,
    Update,
    edge,
)
from tests.falkordb_server import FalkorServer, FalkorStartError, FalkorUnavailableError, falkordb_server

TESTS = Path(__file__).parent
LINT_DIR = TESTS / "cypher_lint"


def sample_nodes() -> dict[str, Node]:
    """One to three nodes of every label; three people, so batches of two split.

    No apostrophes anywhere: FalkorDB inlines parameters unescaped (tests/test_neo4j_falkordb.py).
    """
    nodes: list[Node] = [
        Document("d-" + "a" * 64, "minutes/2024-11.txt", "txt", 1200, datetime(2024, 12, 1, 9, 30)),
        Meeting(
            "m-0000000000000001",
            date(2024, 11, 27),
            "West Mercia PCC",
            title="Holding to Account",
            date_confidence=DateConfidence.STATED,
        ),
        Meeting("m-0000000000000002", date(2025, 2, 26), "West Mercia PCC", title="Holding to Account"),
        Person("p-0000000000000001", "John Campion", aliases=("JC", "the PCC")),
        Person("p-0000000000000002", "Richard Cooper"),
        Person("p-0000000000000003", "Jane Doe", aliases=("JD",)),
        Role("r-0000000000000001", "Chief Constable", "CC", acting=True, organisation="West Mercia Police"),
        Organisation("o-0000000000000001", "West Mercia Police", "force"),
        Theme("t-0000000000000001", "anti-social behaviour", alt_labels=("ASB",)),
        Operation("op-0000000000000001", "Operation Soteria", alt_labels=("Op Soteria", "Soteria")),
        Place("pl-0000000000000001", "Shropshire", "county"),
        Commitment(
            "c-0000000000000001",
            CommitmentKind.ACTION,
            "T/CC to provide an update at the Q3 meeting.",
            "minutes/2024-11.txt",
            100,
            144,
            due=date(2024, 12, 31),
            due_text="at the Q3 meeting",
            confidence=0.875,
        ),
        Update(
            "u-0000000000000001",
            "The T/CC gave the update.",
            "minutes/2025-02.txt",
            10,
            35,
            signal=Signal.DONE,
        ),
    ]
    return {n.id: n for n in nodes}


def sample_edges(nodes: dict[str, Node]) -> list[Edge]:
    """At least one edge of every relationship type, with typed properties where the model has them."""
    n = nodes
    m1, m2 = n["m-0000000000000001"], n["m-0000000000000002"]
    jc, rc = n["p-0000000000000001"], n["p-0000000000000002"]
    cc, wmp = n["r-0000000000000001"], n["o-0000000000000001"]
    c, u = n["c-0000000000000001"], n["u-0000000000000001"]
    return [
        edge(RelType.HELD, rc, cc, from_date=date(2024, 6, 1), acting=True),
        edge(RelType.OF, cc, wmp),
        edge(RelType.ATTENDED, rc, m1, abbrev="T/CC", role="Chief Constable", apologies=False),
        edge(RelType.ATTENDED, n["p-0000000000000003"], m1, abbrev="JD", apologies=True),
        edge(RelType.CHAIRED, jc, m1),
        edge(RelType.MINUTED, jc, m2),
        edge(RelType.RECORDED_IN, m1, n["d-" + "a" * 64]),
        edge(RelType.NEXT, m1, m2),
        edge(RelType.REFERS_TO, m2, m1, text="the November meeting", start=5, end=25),
        edge(RelType.MADE_AT, c, m1),
        edge(RelType.OWNED_BY, c, cc),
        edge(RelType.OWNED_BY, c, wmp),
        edge(RelType.HELD_BY, c, rc),
        edge(RelType.REQUESTED_BY, c, jc),
        edge(RelType.ABOUT, c, n["t-0000000000000001"]),
        edge(RelType.ABOUT, c, n["op-0000000000000001"]),
        edge(RelType.ABOUT, c, n["pl-0000000000000001"]),
        edge(RelType.UPDATES, u, c, confidence=0.75, rule="explicit"),
        edge(RelType.AT, u, m2),
    ]


def build_sample() -> GraphData:
    nodes = sample_nodes()
    return GraphData.build(nodes.values(), sample_edges(nodes))


@pytest.fixture
def sample_data() -> GraphData:
    data = build_sample()
    assert {type(x) for x in data.nodes.values()} == set(NODE_TYPES)
    assert {e.type for e in data.edges.values()} == {rel for rel, _, _ in REL_SCHEMA}
    return data


# -- offline Cypher lint -------------------------------------------------------------------------


@dataclass(frozen=True)
class CypherLinter:
    """Runs tests/cypher_lint/lint.mjs (Neo4j's parser and semantic analysis) under node."""

    node: str
    directory: Path

    def lint(self, statements: list[str], schema: dict[str, object]) -> list[dict[str, object]]:
        payload = json.dumps({"statements": statements, "schema": schema})
        done = subprocess.run(
            [self.node, "lint.mjs"],
            cwd=self.directory,
            input=payload,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        report: list[dict[str, object]] = json.loads(done.stdout)
        return report


@pytest.fixture(scope="session")
def cypher_linter() -> CypherLinter:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node/npm not installed: cannot run the offline Cypher linter (tests/cypher_lint)")
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=LINT_DIR,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0:
            pytest.fail(f"npm ci in {LINT_DIR} failed:\n{done.stderr[-2000:]}")
    return CypherLinter(node, LINT_DIR)


# -- FalkorDB over Bolt --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def falkordb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorServer]:
    """Start redis-server + the FalkorDB module with Bolt enabled, isolated as falkordb_sandbox.py says."""
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(falkordb_server(tmp_path_factory.mktemp("falkordb")))
        except FalkorUnavailableError as err:
            pytest.skip(str(err))
        except FalkorStartError as err:
            pytest.fail(str(err))
        yield server


def free_closed_port() -> int:
    """A 127.0.0.1 port nothing listens on (bound then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
