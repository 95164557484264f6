"""Push the graph to Neo4j over Bolt, and run Cypher there (`promises push --neo4j`, `cypher --neo4j`).

Why a push and not a live backend: the embedded store stays the source of truth; Neo4j is a
copy for teams that already run it. The copy uses the same labels, types and property names
as the embedded store (DESIGN.md section 2) so saved queries work on both.

Terms:
- *target*: one Neo4j URI plus database name.
- *manifest*: `neo4j-push.json` in the store directory, holding per target a content hash of
  every node and edge last pushed there, so the next push sends only new or changed rows and
  deletes what disappeared. Without a `state_dir` every row is sent; MERGE keeps that
  idempotent, it is only slower.

Every statement sent is a module constant or is built only from labels and relationship types
of the model, checked against it (never from user text); `statements_for` lists them all so
the tests can run them through Neo4j's own parser. User queries (`run_cypher`) travel with
their parameters, never formatted into text.

The `neo4j` driver is an optional extra, imported inside functions so `promises --help` stays
fast and the rest of the package works without it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from promises.graph.errors import PromiseGraphError, QueryError
from promises.graph.graphdata import GraphData
from promises.graph.model import NODE_BY_LABEL, NODE_TYPES, REL_SCHEMA, Edge, Node, RelType, node_props
from promises.graph.store import QueryResult

log = logging.getLogger(__name__)

MANIFEST = "neo4j-push.json"
_MASK_MIN = 4
MANIFEST_FORMAT = "promise-graph-neo4j-push"
ENV_URI, ENV_USER, ENV_PASSWORD, ENV_DATABASE = "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"

# Statement templates. Only `{label}`, `{src}`, `{dst}` and `{rel}` are filled in, and only with
# names checked against the model by `_label`/`_rel`.
CONSTRAINT = "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
UPSERT_NODES = "UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row"
DELETE_NODES = "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) DETACH DELETE n"
UPSERT_EDGES = (
    "UNWIND $rows AS row MATCH (a:{src} {{id: row.s}}) MATCH (b:{dst} {{id: row.d}}) "
    "MERGE (a)-[r:{rel}]->(b) SET r += row.props"
)
DELETE_EDGES = "UNWIND $rows AS row MATCH (a:{src} {{id: row.s}})-[r:{rel}]->(b:{dst} {{id: row.d}}) DELETE r"


class CypherDialect(StrEnum):
    """Which server speaks Bolt at the other end.

    `falkordb` exists only so the test suite can exercise the real driver against a server it
    can start locally (FalkorDB, which implements part of Bolt). It changes two things and
    nothing else: no `CREATE CONSTRAINT` (FalkorDB has no Cypher syntax for constraints; they
    are made with its `GRAPH.CONSTRAINT` Redis command), and dates/datetimes are sent as ISO
    strings (its Bolt server rejects temporal parameters and crashes returning temporal values).
    """

    NEO4J = "neo4j"
    FALKORDB = "falkordb"


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and as whom to connect. The password is kept out of `repr` so it cannot leak into logs."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None
    dialect: CypherDialect = CypherDialect.NEO4J
    connection_timeout: float = 15.0

    @property
    def target(self) -> str:
        """The manifest key: URI and database, never the user or password."""
        return f"{self.uri}#{self.database or '(default)'}"


@dataclass(frozen=True, slots=True)
class PushSummary:
    """What one push did: rows written, rows skipped as unchanged, rows deleted, and round trips."""

    nodes_sent: int
    edges_sent: int
    nodes_deleted: int
    edges_deleted: int
    skipped: int
    batches: int

    @property
    def sent(self) -> int:
        return self.nodes_sent + self.edges_sent

    @property
    def deleted(self) -> int:
        return self.nodes_deleted + self.edges_deleted


class Neo4jSettingsError(PromiseGraphError):
    """A required NEO4J_* environment variable is missing or empty."""

    def __init__(self, variable: str) -> None:
        super().__init__(variable)
        self.variable = variable

    def __str__(self) -> str:
        return f"{self.variable} is not set; set {ENV_URI}, {ENV_USER} and {ENV_PASSWORD} to push to Neo4j"


class Neo4jUnavailableError(PromiseGraphError):
    """The server could not be reached (wrong address, down, firewalled, TLS mismatch)."""

    def __init__(self, uri: str, reason: str) -> None:
        super().__init__(uri, reason)
        self.uri = uri
        self.reason = reason

    def __str__(self) -> str:
        return f"Neo4j at {self.uri} unreachable: {self.reason}"


class Neo4jAuthError(PromiseGraphError):
    """The server refused the user name or password."""

    def __init__(self, uri: str, user: str) -> None:
        super().__init__(uri, user)
        self.uri = uri
        self.user = user

    def __str__(self) -> str:
        return (
            f"Neo4j rejected the credentials for user {self.user} at {self.uri}; "
            f"check {ENV_USER} and {ENV_PASSWORD}"
        )


class Neo4jLoginError(PromiseGraphError):
    """The server answered but refused the session for another reason than bad credentials."""

    def __init__(self, uri: str, user: str, reason: str) -> None:
        super().__init__(uri, user, reason)
        self.uri = uri
        self.user = user
        self.reason = reason

    def __str__(self) -> str:
        return f"Neo4j at {self.uri} refused the login for user {self.user}: {self.reason}"


class Neo4jWriteError(PromiseGraphError):
    """The server rejected one of the push statements; earlier batches stay committed."""

    def __init__(self, uri: str, reason: str) -> None:
        super().__init__(uri, reason)
        self.uri = uri
        self.reason = reason

    def __str__(self) -> str:
        return f"Neo4j at {self.uri} rejected the push: {self.reason}"


def settings_from_env(env: Mapping[str, str]) -> Neo4jSettings:
    """Read NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and optional NEO4J_DATABASE from `env`.

    The CLI passes `os.environ`; library code never reads the environment itself.

    >>> s = settings_from_env({"NEO4J_URI": "bolt://127.0.0.1:7687", "NEO4J_USER": "neo4j",
    ...                        "NEO4J_PASSWORD": "s3cret"})
    >>> s.uri, s.user, s.database
    ('bolt://127.0.0.1:7687', 'neo4j', None)
    >>> "s3cret" in repr(s)
    False
    """
    values = {}
    for name in (ENV_URI, ENV_USER, ENV_PASSWORD):
        value = env.get(name, "")
        if not value.strip():
            raise Neo4jSettingsError(name)
        values[name] = value
    return Neo4jSettings(
        uri=values[ENV_URI].strip(),
        user=values[ENV_USER].strip(),
        password=values[ENV_PASSWORD],
        database=env.get(ENV_DATABASE, "").strip() or None,
    )


def statements_for(data: GraphData, dialect: CypherDialect = CypherDialect.NEO4J) -> list[str]:
    """Every distinct statement text `push` may send for `data`, in the order it sends them."""
    statements = _schema_statements(dialect)
    labels = [cls.LABEL for cls in NODE_TYPES]
    shapes = sorted(_model_shapes() | {_shape(e) for e in data.edges.values()})
    statements += [DELETE_EDGES.format(rel=r, src=s, dst=d) for r, s, d in shapes]
    statements += [DELETE_NODES.format(label=label) for label in labels]
    statements += [UPSERT_NODES.format(label=label) for label in labels]
    statements += [UPSERT_EDGES.format(rel=r, src=s, dst=d) for r, s, d in shapes]
    return list(dict.fromkeys(statements))


def push(
    data: GraphData,
    settings: Neo4jSettings,
    *,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] | None = None,
    state_dir: Path | None = None,
) -> PushSummary:
    """Write `data` to Neo4j with MERGE on ids, in batches of `batch_size` rows per transaction.

    With `state_dir`, only rows whose content changed since the last push to the same target
    are sent and rows that disappeared are deleted; the manifest is rewritten only after every
    batch succeeded, so an interrupted push is simply redone (MERGE makes that safe).
    `progress(done, total)` is called after each batch, counted in rows. The manifest trusts
    that nobody else changed the target: if the database was wiped or edited by hand, delete
    `neo4j-push.json` to send everything again. An edge whose end node is not in `data` matches
    nothing and is not written.

    Raises:
        Neo4jUnavailableError, Neo4jAuthError, Neo4jLoginError: cannot connect or log in.
        Neo4jWriteError: the server rejected a statement.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    manifest_path = state_dir / MANIFEST if state_dir is not None else None
    manifest = _read_manifest(manifest_path)
    previous = manifest["targets"].get(settings.target, {"nodes": {}, "edges": {}})
    plan = _plan(data, previous, settings.dialect)
    total = plan.row_count()
    done = batches = 0

    with _session(settings) as session:
        for statement in _schema_statements(settings.dialect):
            _write(session, settings, statement, {})
        for statement, key, rows in plan.batches(batch_size):
            _write(session, settings, statement, {key: rows})
            batches += 1
            done += len(rows)
            if progress is not None:
                progress(done, total)

    if manifest_path is not None:
        manifest["targets"][settings.target] = plan.state
        _write_manifest(manifest_path, manifest)
    summary = PushSummary(
        nodes_sent=len(plan.nodes),
        edges_sent=len(plan.edges),
        nodes_deleted=len(plan.delete_nodes),
        edges_deleted=len(plan.delete_edges),
        skipped=plan.skipped,
        batches=batches,
    )
    log.info("pushed to %s: %s", settings.target, summary)
    return summary


def run_cypher(settings: Neo4jSettings, query: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run one user query on Neo4j, with its parameters sent separately from the text.

    Temporal values come back as Python `date`/`datetime`, nodes and relationships as their
    property dicts, so the result renders like one from the embedded store.

    Raises:
        QueryError: the server rejected the query (syntax, unknown function, constraint …).
        Neo4jUnavailableError, Neo4jAuthError: cannot connect or log in.
    """
    from neo4j.exceptions import ClientError, DatabaseError

    with _session(settings) as session:
        try:
            result = session.run(query, dict(params or {}))
            columns = tuple(result.keys())
            rows = tuple(tuple(_native(v) for v in record.values()) for record in result)
        except Exception as err:
            _translate_connection(err, settings)  # AuthError is a ClientError: check it first
            if isinstance(err, ClientError | DatabaseError):
                raise QueryError(f"Neo4j rejected the query: {_reason(err, settings)}") from err
            raise
    return QueryResult(columns, rows)


# -- planning ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Plan:
    """Rows to send and delete, grouped by statement, plus the manifest state after the push."""

    nodes: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)  # id -> (label, row)
    edges: dict[str, tuple[tuple[str, str, str], dict[str, Any]]] = field(default_factory=dict)
    delete_nodes: dict[str, str] = field(default_factory=dict)  # id -> label
    delete_edges: dict[str, tuple[tuple[str, str, str], dict[str, str]]] = field(default_factory=dict)
    skipped: int = 0
    state: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def row_count(self) -> int:
        return len(self.nodes) + len(self.edges) + len(self.delete_nodes) + len(self.delete_edges)

    def batches(self, size: int) -> Iterator[tuple[str, str, list[Any]]]:
        """(statement, parameter name, rows): edge deletes, node deletes, node upserts, edge upserts."""
        edge_deletes: dict[tuple[str, str, str], list[dict[str, str]]] = {}
        for key in sorted(self.delete_edges):
            shape, row = self.delete_edges[key]
            edge_deletes.setdefault(shape, []).append(row)
        for (rel, src, dst), rows in sorted(edge_deletes.items()):
            yield from _chunked(DELETE_EDGES.format(rel=rel, src=src, dst=dst), "rows", rows, size)
        node_deletes: dict[str, list[str]] = {}
        for node_id in sorted(self.delete_nodes):
            node_deletes.setdefault(self.delete_nodes[node_id], []).append(node_id)
        for label, ids in sorted(node_deletes.items()):
            yield from _chunked(DELETE_NODES.format(label=label), "ids", ids, size)
        node_rows: dict[str, list[dict[str, Any]]] = {}
        for node_id in sorted(self.nodes):
            label, row = self.nodes[node_id]
            node_rows.setdefault(label, []).append(row)
        for cls in NODE_TYPES:
            if cls.LABEL in node_rows:
                yield from _chunked(UPSERT_NODES.format(label=cls.LABEL), "rows", node_rows[cls.LABEL], size)
        edge_rows: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for key in sorted(self.edges):
            shape, row = self.edges[key]
            edge_rows.setdefault(shape, []).append(row)
        for (rel, src, dst), rows in sorted(edge_rows.items()):
            yield from _chunked(UPSERT_EDGES.format(rel=rel, src=src, dst=dst), "rows", rows, size)


def _plan(data: GraphData, previous: Mapping[str, Any], dialect: CypherDialect) -> _Plan:
    """Compare `data` with what the manifest says the target holds."""
    plan = _Plan()
    old_nodes: Mapping[str, list[str]] = previous.get("nodes", {})
    old_edges: Mapping[str, list[str]] = previous.get("edges", {})
    nodes_state: dict[str, list[str]] = {}
    edges_state: dict[str, list[str]] = {}
    for node in data.nodes.values():
        label = _label(node.LABEL)
        row = _node_row(node, dialect)
        digest = _digest([label, row])
        nodes_state[node.id] = [label, digest]
        if old_nodes.get(node.id) == [label, digest]:
            plan.skipped += 1
        else:
            plan.nodes[node.id] = (label, row)
    for e in data.edges.values():
        shape = _shape(e)
        key = "\x1f".join(e.key)
        row = {"s": e.src, "d": e.dst, "props": _edge_props(e, dialect)}
        digest = _digest([*shape, row])
        edges_state[key] = [shape[1], shape[2], digest]
        if old_edges.get(key) == [shape[1], shape[2], digest]:
            plan.skipped += 1
        else:
            plan.edges[key] = (shape, row)
    for node_id, (label, _digest_old) in old_nodes.items():
        if node_id not in nodes_state or nodes_state[node_id][0] != label:
            plan.delete_nodes[node_id] = _label(label)
    for key, (src, dst, _digest_old) in old_edges.items():
        if key not in edges_state or edges_state[key][:2] != [src, dst]:
            rel, s, d = key.split("\x1f")
            if s in plan.delete_nodes or d in plan.delete_nodes:
                continue  # DETACH DELETE of the node removes it
            plan.delete_edges[key] = ((_rel(rel), _label(src), _label(dst)), {"s": s, "d": d})
    plan.state = {"nodes": nodes_state, "edges": edges_state}
    return plan


def _node_row(node: Node, dialect: CypherDialect) -> dict[str, Any]:
    return {k: _value(v, dialect) for k, v in node_props(node).items()}


def _edge_props(e: Edge, dialect: CypherDialect) -> dict[str, Any]:
    """Every declared property of the type, null when absent, so `SET r += …` also removes."""
    declared = next(props for rel, _, props in REL_SCHEMA if rel == e.type)
    given = dict(e.props)
    names = list(declared) + sorted(set(given) - set(declared))
    return {name: _value(given.get(name), dialect) for name in names}


def _value(value: Any, dialect: CypherDialect) -> Any:
    if dialect is CypherDialect.FALKORDB and isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _digest(payload: Any) -> str:
    text = json.dumps(payload, sort_keys=True, default=_json_default, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _json_default(value: object) -> str:
    if isinstance(value, date | datetime):
        return f"{type(value).__name__}:{value.isoformat()}"
    raise TypeError(f"cannot hash {type(value).__name__}")


def _schema_statements(dialect: CypherDialect) -> list[str]:
    if dialect is CypherDialect.FALKORDB:
        return []
    return [CONSTRAINT.format(name=f"promises_{cls.LABEL.lower()}_id", label=cls.LABEL) for cls in NODE_TYPES]


def _model_shapes() -> set[tuple[str, str, str]]:
    return {(rel.value, src, dst) for rel, pairs, _ in REL_SCHEMA for src, dst in pairs}


def _shape(e: Edge) -> tuple[str, str, str]:
    return (_rel(e.type.value), _label(e.src_label), _label(e.dst_label))


def _label(name: str) -> str:
    """A node label from the model; anything else is a bug, never text to put into Cypher."""
    if name not in NODE_BY_LABEL:
        raise ValueError(f"{name!r} is not a node label of the model")
    return name


def _rel(name: str) -> str:
    return RelType(name).value


def _chunked(statement: str, key: str, rows: list[Any], size: int) -> Iterator[tuple[str, str, list[Any]]]:
    for i in range(0, len(rows), size):
        yield statement, key, rows[i : i + size]


# -- manifest ------------------------------------------------------------------------------------


def _read_manifest(path: Path | None) -> dict[str, Any]:
    empty: dict[str, Any] = {"format": MANIFEST_FORMAT, "targets": {}}
    if path is None or not path.is_file():
        return empty
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        log.warning("ignoring unreadable %s (%s); pushing everything", path, err)
        return empty
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        log.warning("ignoring %s: not a push manifest; pushing everything", path)
        return empty
    return manifest


def _write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    """Replace the manifest atomically, so a crash leaves the old one (and a full re-send) behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- driver --------------------------------------------------------------------------------------


class _SessionContext:
    """A driver and one session, closed together; connection errors translated on the way in."""

    def __init__(self, settings: Neo4jSettings) -> None:
        self._settings = settings
        self._driver: Any = None
        self._session: Any = None

    def __enter__(self) -> Any:
        import neo4j
        from neo4j.exceptions import Neo4jError

        settings = self._settings
        try:
            self._driver = neo4j.GraphDatabase.driver(
                settings.uri,
                auth=(settings.user, settings.password),
                connection_timeout=settings.connection_timeout,
                connection_acquisition_timeout=settings.connection_timeout,
                max_transaction_retry_time=0,
            )
            self._driver.verify_connectivity()
        except Exception as err:
            self._close()
            _translate_connection(err, settings)
            if isinstance(err, Neo4jError):
                raise Neo4jLoginError(settings.uri, settings.user, _reason(err, settings)) from err
            raise
        self._session = self._driver.session(database=settings.database)
        return self._session

    def __exit__(self, *exc: object) -> None:
        self._close()

    def _close(self) -> None:
        for resource in (self._session, self._driver):
            if resource is not None:
                try:
                    resource.close()
                except Exception as err:  # closing must not hide the error that got us here
                    log.debug("ignoring error while closing the Neo4j connection: %s", type(err).__name__)
        self._session = self._driver = None


def _session(settings: Neo4jSettings) -> _SessionContext:
    return _SessionContext(settings)


def _write(session: Any, settings: Neo4jSettings, statement: str, params: dict[str, Any]) -> None:
    from neo4j.exceptions import ClientError, DatabaseError, TransientError

    def work(tx: Any) -> None:
        tx.run(statement, params).consume()

    try:
        session.execute_write(work)
    except Exception as err:
        _translate_connection(err, settings)  # AuthError is a ClientError: check it first
        if isinstance(err, ClientError | DatabaseError | TransientError):
            raise Neo4jWriteError(settings.uri, _reason(err, settings)) from err
        raise


def _translate_connection(err: Exception, settings: Neo4jSettings) -> None:
    """Raise the PromiseGraphError for a driver error about connecting; return for anything else."""
    from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable, SessionExpired

    if isinstance(err, AuthError):
        raise Neo4jAuthError(settings.uri, settings.user) from err
    if isinstance(err, ServiceUnavailable | SessionExpired):
        raise Neo4jUnavailableError(settings.uri, _reason(err, settings)) from err
    if isinstance(err, ConfigurationError | ValueError):
        raise Neo4jUnavailableError(
            settings.uri, f"bad address or settings: {_reason(err, settings)}"
        ) from err


def _reason(err: Exception, settings: Neo4jSettings) -> str:
    """One line from a driver error, with the password masked should a server ever echo it.

    Server errors (`Neo4jError`) carry the server's words in `.message`; for driver-side errors
    `.message` is a generic GQL text, so `str()` is the useful one. Passwords shorter than
    `_MASK_MIN` are not masked: replacing "x" everywhere would garble the message and a server
    echoing such a password is no real leak.
    """
    from neo4j.exceptions import Neo4jError

    message = (err.message if isinstance(err, Neo4jError) else None) or str(err)
    code = err.code if isinstance(err, Neo4jError) else None
    text = " ".join(str(message or "").split())
    if not text:
        text = f"{code or type(err).__name__} (the server gave no message)"
    elif code and code not in text:
        text = f"{text} [{code}]"
    if len(settings.password) >= _MASK_MIN:
        text = text.replace(settings.password, "***")
    return text


def _native(value: Any) -> Any:
    """Driver values as plain Python: temporal types to `date`/`datetime`, graph entities to dicts."""
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        return to_native()
    if isinstance(value, list):
        return [_native(v) for v in value]
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    items = getattr(value, "items", None)
    if callable(items) and hasattr(value, "element_id"):
        return {k: _native(v) for k, v in items()}
    return value


__all__ = [
    "CypherDialect",
    "Neo4jAuthError",
    "Neo4jLoginError",
    "Neo4jSettings",
    "Neo4jSettingsError",
    "Neo4jUnavailableError",
    "Neo4jWriteError",
    "PushSummary",
    "push",
    "run_cypher",
    "settings_from_env",
    "statements_for",
]
