"""The embedded default store: a LadybugDB database in a directory, written atomically.

Why copy-and-swap rather than the engine's own transactions: a kill or power cut in the
middle of an ingest must leave the store exactly as it was, including mid-checkpoint. Each
write works on a fresh copy of the database file (`graph-<generation>.lbdb`); only when the
copy is complete and closed does `STORE.json` (the pointer, also holding the schema version)
get replaced with `os.replace`, which is atomic on POSIX. Readers always follow the pointer,
so they see the old or the new store, never a half-written one. Orphans of killed runs are
swept by the next write.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from promises.graph.errors import QueryError, StoreError
from promises.graph.graphdata import GraphData, without_gc
from promises.graph.model import (
    NODE_BY_LABEL,
    NODE_TYPES,
    REL_SCHEMA,
    ChangeSet,
    Edge,
    Node,
    node_from_props,
    node_props,
)
from promises.graph.schema import SCHEMA_VERSION, ddl, node_columns, rel_columns
from promises.graph.store import QueryResult

log = logging.getLogger(__name__)

POINTER = "STORE.json"
STORE_FORMAT = "promise-graph-store"
BATCH = 2000
READ_POOL_MAX = 8 << 30


class LadybugStore:
    """A store directory holding one LadybugDB database file and its pointer."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    # -- reading -----------------------------------------------------------------------------

    def exists(self) -> bool:
        return (self.path / POINTER).is_file()

    def load(self) -> GraphData:
        with self._open_read() as conn:
            return _load(conn)

    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        with self._open_read() as conn:
            return _run(conn, cypher, params)

    @contextlib.contextmanager
    def reading(self) -> Iterator[LadybugRead]:
        """Keep the database open for several queries (`query` opens and closes it every call).

        Why: opening the file costs more than most cookbook queries take to run on 10,000
        meetings (benchmarks/RESULTS.md), so a caller with many questions, such as a notebook
        or a report, asks them inside one `reading()` block. It reads the store as it was when
        the block began; a write committed meanwhile shows in the next block.
        """
        with self._open_read() as conn:
            yield LadybugRead(conn)

    def columns_for(self, labels: Sequence[str]) -> dict[str, list[str]]:
        return {label: [c for c, _ in node_columns(NODE_BY_LABEL[label])] for label in labels}

    def database_file(self) -> Path:
        """The database file the pointer names (for tools that want to open it directly)."""
        return self.path / str(self._read_pointer()["database"])

    # -- writing -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[LadybugWrite]:
        """Open a copy of the store for writing; commit it atomically if the block succeeds."""
        self._ensure_writable_dir()
        with self._writer_lock():
            self._sweep_orphans()
            generation = 0
            source: Path | None = None
            meta: dict[str, Any] = {}
            if self.exists():
                pointer = self._read_pointer()
                generation = int(pointer["generation"])
                source = self.path / pointer["database"]
                meta = dict(pointer.get("meta") or {})
            target = self.path / f"graph-{generation + 1:06d}.lbdb"
            _remove_database(target)
            if source is not None:
                shutil.copy2(source, target)
            import ladybug

            try:
                db = ladybug.Database(str(target))
                conn = ladybug.Connection(db)
                if source is None:
                    for statement in ddl():
                        conn.execute(statement)
                writer = LadybugWrite(conn, meta)
                yield writer
                conn.close()
                db.close()
            except BaseException:
                with contextlib.suppress(Exception):
                    conn.close()
                    db.close()
                _remove_database(target)
                raise
            self._write_pointer(generation + 1, target.name, writer.meta)
            if source is not None:
                _remove_database(source)

    def bulk_load(self, data: GraphData) -> None:
        """Create the store from `data` in one pass, with one `COPY` per table instead of MERGE batches.

        Why: the MERGE batches of `apply` find each row's node by scanning its whole table, so
        loading an archive of thousands of meetings that way takes time quadratic in its size
        (benchmarks/RESULTS.md). COPY looks the ends of every edge up in the primary-key index.
        LadybugDB's COPY is only safe into empty tables (0.22 crashes copying into a filled
        node table), so this only creates a store; later changes go through `transaction`.
        Edges whose ends are not in `data` are left out, as `apply` would match nothing.

        Raises:
            StoreError: a store already exists here, or the engine rejected the data.
        """
        if self.exists():
            raise StoreError(self.path, "bulk_load creates a new store; this one exists already")
        with self.transaction() as writer:
            _copy_all(writer._conn, data)

    # -- internals ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _open_read(self) -> Iterator[Any]:
        pointer = self._read_pointer()
        import ladybug

        db_file = self.path / pointer["database"]
        try:
            db = ladybug.Database(str(db_file), read_only=True, buffer_pool_size=_read_pool_size())
        except RuntimeError as err:
            raise StoreError(self.path, f"cannot open database {db_file.name}: {err}") from err
        conn = ladybug.Connection(db)
        try:
            yield conn
        finally:
            conn.close()
            db.close()

    def _read_pointer(self) -> dict[str, Any]:
        pointer_file = self.path / POINTER
        if not pointer_file.is_file():
            raise StoreError(self.path, "no store here; run `promises ingest PATH` first")
        try:
            pointer: dict[str, Any] = json.loads(pointer_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise StoreError(self.path, f"unreadable {POINTER}: {err}") from err
        if pointer.get("format") != STORE_FORMAT:
            raise StoreError(self.path, f"{POINTER} is not a Promise Graph store pointer")
        version = pointer.get("schema_version")
        if version != SCHEMA_VERSION:
            raise StoreError(
                self.path,
                f"made with schema version {version}, this version reads {SCHEMA_VERSION}; "
                "re-ingest the minutes into a new store (--store NEWPATH)",
            )
        return pointer

    def _write_pointer(self, generation: int, database: str, meta: Mapping[str, Any]) -> None:
        pointer = {
            "format": STORE_FORMAT,
            "schema_version": SCHEMA_VERSION,
            "generation": generation,
            "database": database,
            "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "meta": dict(meta),
        }
        tmp = self.path / f".{POINTER}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(pointer, fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path / POINTER)
        dir_fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def _ensure_writable_dir(self) -> None:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(self.path, f"cannot create store directory: {err.strerror}") from err
        if not os.access(self.path, os.W_OK | os.X_OK):
            raise StoreError(self.path, "store directory is read-only")
        if self.path.joinpath(POINTER).exists():
            self._read_pointer()

    @contextlib.contextmanager
    def _writer_lock(self) -> Iterator[None]:
        lock_path = self.path / ".lock"
        with open(lock_path, "a+") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as err:
                raise StoreError(self.path, "another ingest is writing this store") from err
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _sweep_orphans(self) -> None:
        keep = self._read_pointer()["database"] if self.exists() else None
        for leftover in self.path.glob("graph-*.lbdb*"):
            if keep is None or not leftover.name.startswith(keep):
                log.info("removing leftover %s from an interrupted write", leftover.name)
                leftover.unlink(missing_ok=True)


class LadybugRead:
    """One open, read-only view of the store, for many queries in a row (`LadybugStore.reading`)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def load(self) -> GraphData:
        return _load(self._conn)

    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        return _run(self._conn, cypher, params)


class LadybugWrite:
    """The write side of one transaction: batched MERGE by label and by relationship shape.

    `meta` is a small JSON-able dict kept in the pointer and committed with the data, for facts
    about the whole store that must change atomically with it (which linking rules derived the
    stored edges, so the next ingest knows whether an incremental re-link can be trusted).
    """

    def __init__(self, conn: Any, meta: dict[str, Any] | None = None) -> None:
        self._conn = conn
        self.meta: dict[str, Any] = meta if meta is not None else {}

    def apply(self, changes: ChangeSet, stored: GraphData | None = None) -> None:
        """Upsert and delete what `changes` says.

        `stored`, when given, must be what this transaction holds right now (the caller's
        in-memory copy): upserts identical to it are skipped and existing nodes get only their
        differing columns set, so re-dating every status writes two columns, not every node.
        """
        _apply(self._conn, changes, stored)

    def load(self) -> GraphData:
        return _load(self._conn)

    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        return _run(self._conn, cypher, params)


def _read_pool_size() -> int:
    """The buffer pool for reading: the engine's default (80% of memory), but at most 8 GiB.

    Why: every `query` opens the database, and with ladybug 0.22 on a 24 GiB machine opening
    with the default pool takes 38 ms against 15 ms with 8 GiB (closing, 8 against 4 ms): half
    the 50 ms a cookbook query may take (benchmarks/RESULTS.md). 8 GiB is still hundreds of
    times the database file of 10,000 meetings (32 MB), so no read runs out of pool.
    """
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return min(READ_POOL_MAX, int(memory * 0.8))


def _remove_database(target: Path) -> None:
    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink(missing_ok=True)


def _run(conn: Any, cypher: str, params: Mapping[str, Any] | None) -> QueryResult:
    try:
        result = conn.execute(cypher, dict(params or {}))
    except RuntimeError as err:
        raise QueryError(" ".join(str(err).split())) from err
    results = result if isinstance(result, list) else [result]
    last = results[-1]
    columns = tuple(last.get_column_names())
    rows = []
    while last.has_next():
        rows.append(tuple(last.get_next()))
    return QueryResult(columns, tuple(rows))


def _apply(conn: Any, changes: ChangeSet, stored: GraphData | None = None) -> None:
    deletions: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for key, e in sorted(changes.delete_edges.items()):
        deletions.setdefault((e.type.value, e.src_label, e.dst_label), []).append({"s": key[1], "d": key[2]})
    for (rel, src_label, dst_label), pairs in sorted(deletions.items()):
        statement = (
            f"UNWIND $rows AS r MATCH (a:{src_label} {{id: r.s}})-[e:{rel}]->(b:{dst_label} {{id: r.d}}) "
            "DELETE e"
        )
        for chunk in _chunks(pairs):
            _exec(conn, statement, {"rows": chunk})
    by_label: dict[str, list[str]] = {}
    for node_id, label in changes.delete_nodes.items():
        by_label.setdefault(label, []).append(node_id)
    for label, ids in sorted(by_label.items()):
        _exec(conn, f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n", {"ids": sorted(ids)})
    nodes: dict[str, list[Node]] = {}
    for node in changes.nodes.values():
        nodes.setdefault(node.LABEL, []).append(node)
    for cls in NODE_TYPES:
        batch = sorted(nodes.get(cls.LABEL, []), key=lambda n: n.id)
        columns = [(c, t) for c, t in node_columns(cls) if c != "id"]
        fresh: list[Node] = []
        altered: dict[tuple[str, ...], list[Node]] = {}
        for node in batch:
            old = stored.nodes.get(node.id) if stored is not None else None
            if old is None or type(old) is not type(node):
                fresh.append(node)
            elif old != node:
                changed = tuple(c for c, _ in columns if getattr(old, c) != getattr(node, c))
                altered.setdefault(changed, []).append(node)
        if fresh:
            sets = ", ".join(f"n.`{c}` = CAST(r.`{c}` AS {t})" for c, t in columns)
            statement = f"UNWIND $rows AS r MERGE (n:{cls.LABEL} {{id: r.id}}) SET {sets}"
            for chunk in _chunks([node_props(n) for n in fresh]):
                _exec(conn, statement, {"rows": chunk})
        for changed, group in sorted(altered.items()):
            # MATCH and only the columns that differ: a re-dated status touches two columns of
            # every commitment, and a full MERGE of each was most of an ingest's time
            sets = ", ".join(f"n.`{c}` = CAST(r.`{c}` AS {t})" for c, t in columns if c in changed)
            statement = f"UNWIND $rows AS r MATCH (n:{cls.LABEL} {{id: r.id}}) SET {sets}"
            rows = [{k: v for k, v in node_props(n).items() if k == "id" or k in changed} for n in group]
            for chunk in _chunks(rows):
                _exec(conn, statement, {"rows": chunk})
    shapes: dict[tuple[str, str, str], list[Edge]] = {}
    for key, e in changes.edges.items():
        if stored is None or stored.edges.get(key) != e:
            shapes.setdefault((e.type.value, e.src_label, e.dst_label), []).append(e)
    prop_types = {rel.value: rel_columns(props) for rel, _, props in REL_SCHEMA}
    for (rel, src_label, dst_label), edges in sorted(shapes.items()):
        names = [p for p, _ in prop_types[rel]]
        casts = ", ".join(f"e.`{p}` = CAST(r.`{p}` AS {t})" for p, t in prop_types[rel])
        sets = f" SET {casts}" if casts else ""
        statement = (
            f"UNWIND $rows AS r MATCH (a:{src_label} {{id: r.s}}), (b:{dst_label} {{id: r.d}}) "
            f"MERGE (a)-[e:{rel}]->(b){sets}"
        )
        rows = []
        for e in sorted(edges, key=lambda e: e.key):
            props = dict(e.props)
            rows.append({"s": e.src, "d": e.dst, **{p: props.get(p) for p in names}})
        for chunk in _chunks(rows):
            _exec(conn, statement, {"rows": chunk})


def _copy_all(conn: Any, data: GraphData) -> None:
    """Fill freshly created, empty tables: every node label, then every relationship shape."""
    nodes: dict[str, list[Node]] = {}
    for node in data.nodes.values():
        nodes.setdefault(node.LABEL, []).append(node)
    for cls in NODE_TYPES:
        batch = sorted(nodes.get(cls.LABEL, []), key=lambda n: n.id)
        if batch:
            values = ", ".join(f"CAST(r.`{c}` AS {t})" for c, t in node_columns(cls))
            rows = [node_props(n) for n in batch]
            _exec(conn, f"COPY {cls.LABEL} FROM (UNWIND $rows AS r RETURN {values})", {"rows": rows})
    labels = {node_id: node.LABEL for node_id, node in data.nodes.items()}
    shapes: dict[tuple[str, str, str], list[Edge]] = {}
    for e in data.edges.values():
        if labels.get(e.src) == e.src_label and labels.get(e.dst) == e.dst_label:
            shapes.setdefault((e.type.value, e.src_label, e.dst_label), []).append(e)
    prop_types = {rel.value: rel_columns(props) for rel, _, props in REL_SCHEMA}
    multi_pair = {rel.value for rel, pairs, _ in REL_SCHEMA if len(pairs) > 1}
    for (rel, src_label, dst_label), edges in sorted(shapes.items()):
        names = [p for p, _ in prop_types[rel]]
        values = "".join(f", CAST(r.`{p}` AS {t})" for p, t in prop_types[rel])
        pair = f" (from='{src_label}', to='{dst_label}')" if rel in multi_pair else ""
        rows = []
        for e in sorted(edges, key=lambda e: e.key):
            props = dict(e.props)
            rows.append({"s": e.src, "d": e.dst, **{p: props.get(p) for p in names}})
        _exec(conn, f"COPY {rel} FROM (UNWIND $rows AS r RETURN r.s, r.d{values}){pair}", {"rows": rows})


def _load(conn: Any) -> GraphData:
    with without_gc():  # hundreds of thousands of small objects; see `without_gc`
        nodes: list[Node] = []
        for cls in NODE_TYPES:
            cols = [c for c, _ in node_columns(cls)]
            result = _run(conn, f"MATCH (n:{cls.LABEL}) RETURN " + ", ".join(f"n.`{c}`" for c in cols), None)
            for row in result.rows:
                nodes.append(node_from_props(cls, dict(zip(cols, row, strict=True))))
        edges: list[Edge] = []
        for rel, pairs, props in REL_SCHEMA:
            names = list(props)
            extra = "".join(f", e.`{p}`" for p in names)
            in_order = sorted(range(len(names)), key=names.__getitem__)  # `edge()` sorts props by name
            for src_label, dst_label in pairs:
                result = _run(
                    conn,
                    f"MATCH (a:{src_label})-[e:{rel.value}]->(b:{dst_label}) RETURN a.id, b.id{extra}",
                    None,
                )
                for row in result.rows:
                    edge_props = tuple((names[i], row[2 + i]) for i in in_order if row[2 + i] is not None)
                    edges.append(Edge(rel, row[0], src_label, row[1], dst_label, edge_props))
        return GraphData.build(nodes, edges)


def _exec(conn: Any, statement: str, params: dict[str, Any]) -> None:
    try:
        conn.execute(statement, params)
    except RuntimeError as err:
        raise StoreError("(transaction)", f"write rejected: {err}") from err


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i : i + BATCH]
