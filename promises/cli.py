"""Command line: parse arguments, call one package function, render the result.

stdout is data (tables, JSON, CSV); messages and progress go to stderr. Errors a user can cause
are `PromiseGraphError`s, printed as one line and exit 1; anything else is a bug and crashes.
Only this module reads the clock (for the default `--as-of`) and the environment.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from promises.graph.errors import PromiseGraphError, QueryError
from promises.graph.model import CommitmentKind, Status
from promises.queries.output import OutputFormat

app = typer.Typer(
    help=(
        "Promise Graph: who promised what in police accountability minutes, by when, and was it followed up."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

StoreOpt = Annotated[
    Path,
    typer.Option(
        "--store",
        envvar="PROMISES_STORE",
        help="Store directory (default ./promises-store).",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table for people, json/csv for scripts.")
]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="Compute status as of this date (YYYY-MM-DD); default today.")
]
DEFAULT_STORE = Path("promises-store")
AboutOpt = Annotated[str | None, typer.Option(help="Theme, operation, place or organisation (or words).")]
SinceOpt = Annotated[str | None, typer.Option(help="Meetings on or after: YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option(help="Meetings on or before: YYYY, YYYY-MM or YYYY-MM-DD.")]
OwnerOpt = Annotated[str | None, typer.Option(help="Owner role (CC, T/CC, Force) or person name.")]
StatusOpt = Annotated[Status | None, typer.Option(help="open, in_progress, reported_done, overdue, silent.")]
HtmlOpt = Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write (self-contained).")]


def _err() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _store(path: Path) -> Any:
    from promises.graph.ladybug_store import LadybugStore

    return LadybugStore(path)


def _as_of(value: str | None) -> date:
    from promises.queries.search import parse_day

    return parse_day(value) if value else date.today()


def _fail(err: PromiseGraphError) -> typer.Exit:
    _err().print(f"[red]Error:[/red] {err}", markup=True, soft_wrap=True)
    return typer.Exit(code=1)


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders of minutes (.txt .md .html .pdf .docx).")
    ],
    store: StoreOpt = DEFAULT_STORE,
    year: Annotated[int | None, typer.Option("--year", help="Year of meetings whose date omits it.")] = None,
    max_size: Annotated[int, typer.Option("--max-size", help="Largest file to read, in MB.")] = 20,
) -> None:
    """Read minutes into the store: idempotent, incremental and atomic."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from promises.ingest.pipeline import ingest_paths

    console = _err()
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console, transient=True
    )
    task = bar.add_task("reading", total=None)

    def progress(label: str, index: int, total: int) -> None:
        if total > 3 and not bar.live.is_started:
            bar.start()
        bar.update(task, total=total, completed=index, description=f"reading {Path(label).name[:40]}")

    try:
        summary = ingest_paths(
            paths,
            _store(store),
            now=datetime.now(UTC),
            as_of=date.today(),
            year=year,
            max_bytes=max_size * 1024 * 1024,
            progress=progress,
        )
    except PromiseGraphError as err:
        raise _fail(err) from None
    finally:
        bar.stop()
    for skipped in summary.skipped:
        console.print(f"[yellow]Skipped:[/yellow] {skipped}", soft_wrap=True)
    for warning in summary.warnings:
        console.print(f"[yellow]Warning:[/yellow] {warning}", soft_wrap=True)
    for path in summary.already:
        console.print(f"{path}: already ingested", soft_wrap=True)
    console.print(summary.line(), soft_wrap=True)
    if summary.failed:
        raise typer.Exit(code=1)


@app.command("list")
def list_(
    store: StoreOpt = DEFAULT_STORE,
    about: AboutOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    owner: OwnerOpt = None,
    kind: Annotated[
        CommitmentKind | None, typer.Option(help="action, undertaking, assurance or request.")
    ] = None,
    status: StatusOpt = None,
    min_confidence: Annotated[float, typer.Option(help="Hide soft intent below this confidence.")] = 0.0,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Commitments in chronological order, with owner, deadline and status."""
    from promises.queries.output import COMMITMENT_COLUMNS, COMMITMENT_CSV, render
    from promises.queries.search import CommitmentFilter, find_commitments, parse_day
    from promises.queries.views import commitment_json

    try:
        day = _as_of(as_of)
        flt = CommitmentFilter(
            about,
            parse_day(since) if since else None,
            parse_day(until, end=True) if until else None,
            owner,
            kind,
            status,
            min_confidence,
        )
        data = _store(store).load()
        records = [commitment_json(data, c, day) for c in find_commitments(data, flt, day)]
    except PromiseGraphError as err:
        raise _fail(err) from None
    render(
        records,
        fmt,
        sys.stdout,
        columns=COMMITMENT_COLUMNS,
        csv_columns=COMMITMENT_CSV,
        title=f"{len(records)} commitment(s), status as of {day.isoformat()}",
    )


@app.command()
def meetings(
    store: StoreOpt = DEFAULT_STORE,
    since: Annotated[str | None, typer.Option(help="On or after: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="On or before: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Meetings in date order, with chair, attendees and how their date was established."""
    from promises.queries.output import MEETING_COLUMNS, MEETING_CSV, render
    from promises.queries.search import list_meetings, parse_day
    from promises.queries.views import meeting_json

    try:
        data = _store(store).load()
        found = list_meetings(
            data, parse_day(since) if since else None, parse_day(until, end=True) if until else None
        )
    except PromiseGraphError as err:
        raise _fail(err) from None
    render(
        [meeting_json(data, m) for m in found],
        fmt,
        sys.stdout,
        columns=MEETING_COLUMNS,
        csv_columns=MEETING_CSV,
        title=f"{len(found)} meeting(s)",
    )


@app.command()
def people(
    store: StoreOpt = DEFAULT_STORE,
    name: Annotated[str | None, typer.Option(help="Only people whose name contains this.")] = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """People with the offices they held and when (tenures learnt from attendance lists)."""
    from promises.queries.output import PEOPLE_COLUMNS, PEOPLE_CSV, render
    from promises.queries.search import list_people
    from promises.queries.views import person_json

    try:
        data = _store(store).load()
        found = list_people(data, name)
    except PromiseGraphError as err:
        raise _fail(err) from None
    render(
        [person_json(data, p) for p in found],
        fmt,
        sys.stdout,
        columns=PEOPLE_COLUMNS,
        csv_columns=PEOPLE_CSV,
        title=f"{len(found)} people",
    )


@app.command()
def trace(
    key: Annotated[str, typer.Argument(help="A commitment id (or its prefix), or words from it.")],
    store: StoreOpt = DEFAULT_STORE,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """One commitment's life: made, each later update, and its status with the evidence."""
    from promises.queries.trace import render_timeline, trace_commitment

    try:
        data = _store(store).load()
        result = trace_commitment(
            data, key, _as_of(as_of), interactive=sys.stdin.isatty() and fmt is OutputFormat.TABLE
        )
    except PromiseGraphError as err:
        raise _fail(err) from None
    render_timeline(result, fmt, sys.stdout, _err())
    if result.record is None:
        raise typer.Exit(code=2)


@app.command()
def cypher(
    query: Annotated[
        str, typer.Argument(help="A Cypher query; pass user values with --param, never inline.")
    ],
    store: StoreOpt = DEFAULT_STORE,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="name=value (JSON for numbers, lists).")
    ] = None,
    neo4j: Annotated[
        bool, typer.Option("--neo4j", help="Run on Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).")
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Run Cypher on the embedded store (or on Neo4j)."""
    from promises.queries.cypher import parse_params, result_records, run_cypher

    try:
        params = parse_params(param or [])
        result = run_cypher(query, params, store=_store(store), neo4j_env=dict(os.environ) if neo4j else None)
    except PromiseGraphError as err:
        raise _fail(err) from None
    _render_result(result, fmt, result_records(result))


class ExportFormat(StrEnum):
    TTL = "ttl"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    CSV = "csv"


class SparqlEngine(StrEnum):
    RDFLIB = "rdflib"
    OXIGRAPH = "oxigraph"


@app.command()
def sparql(
    query: Annotated[
        str, typer.Argument(help="A SPARQL query over the RDF view (prefixes pg, schema, org, … are preset).")
    ],
    store: StoreOpt = DEFAULT_STORE,
    bind: Annotated[
        list[str] | None,
        typer.Option("--bind", "-b", help="name=value bound as a literal (JSON for numbers)."),
    ] = None,
    engine: Annotated[
        SparqlEngine, typer.Option(help="rdflib, or oxigraph for large stores.")
    ] = SparqlEngine.RDFLIB,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Run SPARQL over the RDF view of the store (user values only as bindings)."""
    from promises.graph.rdf_view import to_rdf
    from promises.queries.cypher import parse_params, result_records
    from promises.queries.sparql import run_sparql, to_oxigraph

    try:
        bindings = parse_params(bind or [])
        graph = to_rdf(_store(store).load())
        target = to_oxigraph(graph) if engine is SparqlEngine.OXIGRAPH else graph
        result = run_sparql(target, query, bindings)
    except PromiseGraphError as err:
        raise _fail(err) from None
    _render_result(result, fmt, result_records(result))


@app.command()
def export(
    to: Annotated[
        ExportFormat,
        typer.Option("--to", help="ttl, jsonld (RDF), graphml (Gephi/yEd) or csv (neo4j-admin import)."),
    ],
    out: Annotated[Path, typer.Option("--output", "-o", help="File to write (a folder for csv).")],
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Export the store as RDF, GraphML, or CSV files that neo4j-admin imports."""
    try:
        data = _store(store).load()
        if to in (ExportFormat.TTL, ExportFormat.JSONLD):
            from promises.graph.rdf_view import export_rdf

            written = [export_rdf(data, out, to.value)]
        elif to is ExportFormat.GRAPHML:
            from promises.graph.graphml_export import export_graphml

            written = [export_graphml(data, out)]
        else:
            from promises.graph.csv_export import export_csv

            written = export_csv(data, out)
    except PromiseGraphError as err:
        raise _fail(err) from None
    _err().print(
        f"wrote {len(written)} file(s): {', '.join(str(w) for w in written[:4])}"
        f"{' …' if len(written) > 4 else ''}",
        soft_wrap=True,
    )


@app.command()
def push(
    store: StoreOpt = DEFAULT_STORE,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Push to Neo4j (the only target today).")] = True,
    batch_size: Annotated[int, typer.Option(help="Rows per UNWIND batch.")] = 1000,
) -> None:
    """Load the store into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from promises.graph.neo4j_store import push as push_to_neo4j
    from promises.graph.neo4j_store import settings_from_env

    console = _err()
    try:
        settings = settings_from_env(dict(os.environ))
        data = _store(store).load()
        with Progress(
            TextColumn("pushing"), BarColumn(), MofNCompleteColumn(), console=console, transient=True
        ) as bar:
            task = bar.add_task("push", total=None)
            summary = push_to_neo4j(
                data,
                settings,
                batch_size=batch_size,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
                state_dir=store,
            )
    except PromiseGraphError as err:
        raise _fail(err) from None
    console.print(str(summary), soft_wrap=True)


@app.command()
def viz(
    output: HtmlOpt,
    store: StoreOpt = DEFAULT_STORE,
    about: AboutOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    owner: OwnerOpt = None,
    status: StatusOpt = None,
    meeting: Annotated[
        str | None, typer.Option(help="Only commitments made at this meeting (id or date).")
    ] = None,
    as_of: AsOfOpt = None,
) -> None:
    """Write an interactive, self-contained HTML graph of the matching commitments."""
    from promises.viz.network import render_network

    _draw(render_network, output, store, about, since, until, owner, status, meeting, as_of, "Promise Graph")


@app.command()
def timeline(
    output: HtmlOpt,
    store: StoreOpt = DEFAULT_STORE,
    about: AboutOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    owner: OwnerOpt = None,
    status: StatusOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Write a self-contained HTML timeline: each commitment from made to due, with follow-ups."""
    from promises.viz.timeline import render_timeline

    _draw(render_timeline, output, store, about, since, until, owner, status, None, as_of, "Promise timeline")


def _draw(
    render: Any,
    output: Path,
    store: Path,
    about: str | None,
    since: str | None,
    until: str | None,
    owner: str | None,
    status: Status | None,
    meeting: str | None,
    as_of: str | None,
    title: str,
) -> None:
    from promises.graph.status import compute_status
    from promises.queries.search import CommitmentFilter, find_commitments, parse_day

    try:
        day = _as_of(as_of)
        data = _store(store).load()
        flt = CommitmentFilter(
            about,
            parse_day(since) if since else None,
            parse_day(until, end=True) if until else None,
            owner,
            None,
            status,
        )
        found = find_commitments(data, flt, day)
        if meeting:
            from promises.graph.linking import meeting_of

            found = [
                c
                for c in found
                if (m := meeting_of(data, c.id)) is not None
                and (m.id.startswith(meeting) or (m.date is not None and m.date.isoformat() == meeting))
            ]
        if not found:
            raise QueryError("no commitments match those filters; nothing to draw")
        statuses = {c.id: compute_status(data, c, day)[0] for c in found}
        label = f"{title}{' — ' + about if about else ''}"
        summary = render(data, [c.id for c in found], output, title=label, status_of=statuses)
    except PromiseGraphError as err:
        raise _fail(err) from None
    _err().print(f"wrote {output} ({summary.bytes:,} bytes, {len(found)} commitment(s))", soft_wrap=True)


def _render_result(result: Any, fmt: OutputFormat, records: list[dict[str, Any]]) -> None:
    from promises.queries.output import render

    columns = [(c, c) for c in result.columns]
    render(
        records,
        fmt,
        sys.stdout,
        columns=columns,
        csv_columns=list(result.columns),
        title=f"{len(records)} row(s)",
    )


def main() -> None:
    """Console-script entry point."""
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its parser warnings are ours to report, once
    try:
        app()
    except QueryError as err:  # pragma: no cover - commands translate their own errors
        _err().print(f"Error: {err}")
        raise SystemExit(1) from None
