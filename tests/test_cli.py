"""The command line as a user runs it: help, normal case, defaults, bad input, python -m."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from promises.cli import app
from promises.graph.ladybug_store import LadybugStore
from tests.conftest import DATA, ROOT, SEEDS

runner = CliRunner()
COMMANDS = [
    "ingest",
    "meetings",
    "people",
    "list",
    "trace",
    "cypher",
    "sparql",
    "viz",
    "timeline",
    "export",
    "push",
]
COMMITMENT_KEYS = [
    "id",
    "kind",
    "text",
    "owner",
    "requested_by",
    "due",
    "due_text",
    "meeting",
    "source",
    "topics",
    "operations",
    "places",
    "status",
    "status_as_of",
    "status_evidence",
    "followups",
]
MEETING_KEYS = [
    "id",
    "date",
    "time",
    "title",
    "topic",
    "venue",
    "body",
    "chair",
    "minutes_by",
    "attendees",
    "apologies",
    "next_meeting",
    "date_confidence",
    "source",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "--store" in result.stdout or command == "push"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"promises {command}" in readme, f"README does not show `promises {command}`"


def test_list_json_has_the_documented_shape(seed_store: LadybugStore) -> None:
    result = runner.invoke(
        app, ["list", "--store", str(seed_store.path), "--format", "json", "--as-of", "2026-11-22"]
    )
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)  # stdout holds the payload alone
    assert records and list(records[0])[: len(COMMITMENT_KEYS)] == COMMITMENT_KEYS
    dates = [r["meeting"]["date"] for r in records]
    assert dates == sorted(dates)
    assert all(r["status_as_of"] == "2026-11-22" for r in records)


def test_list_filters(seed_store: LadybugStore) -> None:
    def ids(*args: str) -> list[dict[str, object]]:
        result = runner.invoke(app, ["list", "--store", str(seed_store.path), "--format", "json", *args])
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    every = ids()
    assert {r["meeting"]["date"][:4] for r in ids("--since", "2024")} == {"2024"}  # type: ignore[index]
    assert {r["meeting"]["date"][:4] for r in ids("--until", "2020")} == {"2020"}  # type: ignore[index]
    assert ids("--since", "2023-01-01", "--until", "2023-12-31") == [
        r for r in every if r["meeting"]["date"][:4] == "2023"
    ]  # type: ignore[index]
    actions = ids("--kind", "action")
    assert actions and all(r["kind"] == "action" for r in actions)
    tcc = ids("--owner", "T/CC")
    assert tcc and all(r["owner"]["role"] == "T/CC" for r in tcc)  # type: ignore[index]
    asb = ids("--about", "ASB")
    assert asb and ids("--about", "anti-social behaviour") == asb
    presence = ids("--about", "Op Presence")
    assert presence and ids("--about", "operation presence") == presence


def test_meetings_and_people_json(seed_store: LadybugStore) -> None:
    result = runner.invoke(app, ["meetings", "--store", str(seed_store.path), "--format", "json"])
    meetings = json.loads(result.stdout)
    assert [m["date"] for m in meetings] == [
        "2020-01-13",
        "2022-03-29",
        "2022-12-19",
        "2023-02-28",
        "2024-11-27",
    ]
    assert list(meetings[0])[: len(MEETING_KEYS)] == MEETING_KEYS
    assert {
        "name": "Richard Cooper",
        "role": "T/CC",
        "role_title": "Temporary Chief Constable",
        "abbrev": "T/CC",
    } in meetings[-1]["attendees"]
    result = runner.invoke(app, ["people", "--store", str(seed_store.path), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert any(r["name"] == "Pippa Mills" and "CC 2022-03-29..2023-02-28" in r["tenures"] for r in rows)


def test_default_table_goes_to_stdout_messages_to_stderr(seed_store: LadybugStore) -> None:
    result = runner.invoke(app, ["list", "--store", str(seed_store.path)])
    assert result.exit_code == 0 and "commitment(s), status as of" in result.stdout and result.stderr == ""


def test_store_from_environment(seed_store: LadybugStore) -> None:
    result = runner.invoke(
        app, ["meetings", "--format", "json"], env={"PROMISES_STORE": str(seed_store.path)}
    )
    assert len(json.loads(result.stdout)) == 5


def test_bad_filter_value_is_one_line_and_exit_1(seed_store: LadybugStore) -> None:
    result = runner.invoke(app, ["list", "--store", str(seed_store.path), "--since", "last week"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: not a date: 'last week'; use YYYY, YYYY-MM or YYYY-MM-DD"


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["list", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"Error: store {tmp_path / 'nothing'}: no store here; run `promises ingest PATH` first"
    )


def test_bad_inputs_are_skipped_with_reasons_and_the_rest_ingested(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    shutil.copytree(DATA / "bad", batch)
    shutil.copy(SEEDS / "004_a5d66add016da715.txt", batch / "good.txt")
    (batch / "nodate.txt").write_text(
        "Notes of a meeting\n\nThe CC will review the fleet plan.\n", encoding="utf-8"
    )
    big = batch / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    store = tmp_path / "store"
    result = runner.invoke(app, ["ingest", str(batch), str(tmp_path / "missing.txt"), "--store", str(store)])
    assert result.exit_code == 0, result.stderr
    err = result.stderr
    for name, reason in [
        ("empty.txt", "empty file"),
        ("junk.txt", "binary data, not text"),
        ("corrupt.pdf", "corrupt or truncated PDF"),
        ("protected.pdf", "password-protected PDF"),
        ("scanned.pdf", "no text layer, OCR not supported"),
        ("fake.docx", "not a Word document"),
        ("missing.txt", "no such file or directory"),
        ("huge.txt", "file is 50.0 MB, over the 20 MB limit"),
    ]:
        assert re.search(rf"Skipped: \S*{re.escape(name)}: {re.escape(reason)}", err), (name, err)
    assert re.search(r"Warning: \S*nodate.txt: no recognisable date", err)
    data = LadybugStore(store).load()
    dates = sorted(
        str(m.date)
        for m in data.of_type(__import__("promises.graph.model", fromlist=["Meeting"]).Meeting)
        if not m.stub
    )
    assert "2024-11-27" in dates and "None" in dates  # undated meeting kept without a made-up date


def test_nothing_ingested_exits_non_zero_and_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = runner.invoke(app, ["ingest", str(DATA / "bad" / "empty.txt"), "--store", str(store)])
    assert result.exit_code == 1
    assert not (store / "STORE.json").exists()


def test_encodings_are_read(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "ingest",
            str(DATA / "bad" / "latin1.txt"),
            str(DATA / "bad" / "utf16.txt"),
            "--store",
            str(tmp_path / "s"),
        ],
    )
    assert result.exit_code == 0 and "2 document(s) read" in result.stderr


def test_store_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    result = runner.invoke(app, ["ingest", str(SEEDS), "--store", str(blocker / "store")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: store {blocker / 'store'}: cannot create store directory")


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root ignores directory permissions; covered when run as a user"
)
def test_read_only_store_directory(tmp_path: Path) -> None:
    store = tmp_path / "ro"
    store.mkdir(mode=0o555)
    result = runner.invoke(app, ["ingest", str(SEEDS), "--store", str(store)])
    assert result.exit_code == 1 and "store directory is read-only" in result.stderr


def test_read_only_file_system_store(tmp_path: Path, seed_store: LadybugStore) -> None:
    """As root, permissions do not bind, so mount the store read-only in a private mount namespace."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "--mount", "--map-root-user", "true"]).returncode != 0:
        pytest.skip("cannot create a private mount namespace here (util-linux unshare)")
    store = tmp_path / "store"
    shutil.copytree(seed_store.path, store)
    before = sorted(p.name for p in store.rglob("*"))
    script = (
        f'mount --bind "{store}" "{store}" && mount -o remount,bind,ro "{store}" && '
        f'exec "{sys.executable}" -m promises ingest "{DATA / "minutes"}" --store "{store}"'
    )
    proc = subprocess.run([unshare, "--mount", "--map-root-user", "sh", "-c", script],
                          capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert f"Error: store {store}: store directory is read-only" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in store.rglob("*")) == before


def test_year_override(tmp_path: Path) -> None:
    minutes = tmp_path / "m.txt"
    minutes.write_text(
        "Date: Thursday 5th May\n\nACTION: CC to share the workforce plan.\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["ingest", str(minutes), "--store", str(tmp_path / "s"), "--year", "2022"])
    assert result.exit_code == 0
    out = runner.invoke(app, ["meetings", "--store", str(tmp_path / "s"), "--format", "json"])
    [meeting] = json.loads(out.stdout)
    assert meeting["date"] == "2022-05-05" and meeting["date_confidence"] == "overridden"


def test_cypher_with_typed_parameters(seed_store: LadybugStore) -> None:
    query = (
        "MATCH (c:Commitment)-[:MADE_AT]->(m:Meeting) WHERE m.date >= $since AND c.kind = $kind "
        "RETURN m.date AS date, c.text AS text ORDER BY date"
    )
    result = runner.invoke(
        app,
        [
            "cypher",
            query,
            "--store",
            str(seed_store.path),
            "-p",
            "since=2024-01-01",
            "-p",
            "kind=action",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(r["date"] >= "2024-01-01" for r in rows)
    bad = runner.invoke(app, ["cypher", "MATCH (n RETURN n", "--store", str(seed_store.path)])
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: Parser exception") and "offset" in bad.stderr


def test_python_dash_m_runs(seed_store: LadybugStore) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "promises", "meetings", "--store", str(seed_store.path), "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and len(json.loads(proc.stdout)) == 5
