"""Ingest: idempotent, incremental, atomic, stable ids, tenures, people merged across spellings."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from promises.graph.ladybug_store import LadybugStore
from promises.graph.model import Commitment, Meeting, Person, RelType, Role
from promises.ingest.pipeline import ingest_paths
from promises.queries.views import commitment_json, person_json
from tests.conftest import AS_OF, NOW, SEEDS


def test_reingest_changes_nothing(store_copy: LadybugStore) -> None:
    before = store_copy.load()
    summary = ingest_paths([SEEDS], store_copy, now=NOW, as_of=AS_OF)
    assert summary.read == [] and len(summary.already) == 5
    after = store_copy.load()
    assert after.nodes == before.nodes and after.edges == before.edges


def test_same_bytes_under_another_name_is_already_ingested(store_copy: LadybugStore, tmp_path: Path) -> None:
    renamed = tmp_path / "renamed-minutes.txt"
    shutil.copy(SEEDS / "004_a5d66add016da715.txt", renamed)
    summary = ingest_paths([renamed], store_copy, now=NOW, as_of=AS_OF)
    assert summary.already == [str(renamed)] and not summary.read


def test_ids_are_stable_across_stores_and_order(tmp_path: Path, seed_store: LadybugStore) -> None:
    other = LadybugStore(tmp_path / "other")
    files = sorted(SEEDS.glob("*.txt"), reverse=True)
    for f in files:  # one at a time, newest first: incremental and out of order
        ingest_paths([f], other, now=NOW, as_of=AS_OF)
    a, b = seed_store.load(), other.load()
    assert set(a.nodes) == set(b.nodes)
    assert set(a.edges) == set(b.edges)


def test_series_order_follows_dates_not_ingest_order(seed_data: object) -> None:
    from promises.graph.graphdata import GraphData

    assert isinstance(seed_data, GraphData)
    dates = {}
    for e in seed_data.edges_of(RelType.NEXT):
        src, dst = seed_data.get(e.src, Meeting), seed_data.get(e.dst, Meeting)
        assert src is not None and dst is not None and src.date and dst.date
        dates[src.date] = dst.date
    assert [str(d) for d in sorted(dates)] == ["2020-01-13", "2022-03-29", "2022-12-19", "2023-02-28"]
    assert all(dates[d] > d for d in dates)


def test_the_cc_is_a_different_person_in_2020_and_2024(seed_data: object) -> None:
    from promises.graph.graphdata import GraphData

    assert isinstance(seed_data, GraphData)
    holders = {}
    for person in seed_data.of_type(Person):
        for tenure in person_json(seed_data, person)["tenures"]:
            if tenure["role_title"] in ("Chief Constable", "Temporary Chief Constable"):
                holders[tenure["from"][:4]] = person.name
    assert holders == {"2020": "Anthony Bangham", "2022": "Pippa Mills", "2024": "Richard Cooper"}


def test_one_person_across_spellings(seed_data: object) -> None:
    from promises.graph.graphdata import GraphData

    assert isinstance(seed_data, GraphData)
    jensen = [p for p in seed_data.of_type(Person) if "Jensen" in p.name]
    assert [p.name for p in jensen] == ["Chris Jensen"]
    assert (
        len(seed_data.out(jensen[0].id, RelType.ATTENDED)) == 2
    )  # 2023 bullets and 2024 "Chris Jensen-Policy Officer"


def test_role_without_person_resolves_through_tenure(store_copy: LadybugStore, tmp_path: Path) -> None:
    minutes = tmp_path / "no-attendance.txt"
    minutes.write_text(
        "West Mercia Holding to Account\nDate: Monday 14th November 2022, 10:00\n\n"
        "1. Performance\n"
        "ACTION: Chief Constable to provide the PCC with the workforce plan by the end of April.\n",
        encoding="utf-8",
    )
    ingest_paths([minutes], store_copy, now=NOW, as_of=AS_OF)
    data = store_copy.load()
    [c] = [c for c in data.of_type(Commitment) if "workforce plan" in c.text]
    view = commitment_json(data, c, AS_OF)
    assert view["owner"]["role"] == "CC"
    assert view["owner"]["person"] == "Pippa Mills"  # CC seen 2022-03-29 .. 2023-02-28
    held_by = data.out(c.id, RelType.HELD_BY)
    assert [e.prop("via") for e in held_by] == ["tenure"]


def test_role_outside_any_tenure_keeps_person_null(store_copy: LadybugStore, tmp_path: Path) -> None:
    minutes = tmp_path / "early.txt"
    minutes.write_text(
        "West Mercia Holding to Account\nDate: Monday 14th March 2022, 10:00\n\n"
        "ACTION: Chief Constable to provide the PCC with the estates plan by the end of April.\n",
        encoding="utf-8",
    )
    ingest_paths([minutes], store_copy, now=NOW, as_of=AS_OF)
    data = store_copy.load()
    [c] = [c for c in data.of_type(Commitment) if "estates plan" in c.text]
    view = commitment_json(data, c, AS_OF)
    assert view["owner"]["role"] == "CC" and view["owner"]["person"] is None  # never a guess


def test_killed_ingest_leaves_store_as_it_was(store_copy: LadybugStore, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    seed = (SEEDS / "002_70fbfbe86acaa577.txt").read_text(encoding="utf-8")
    for i in range(150):  # distinct bytes and meetings so every file is new work
        (folder / f"m{i:03d}.txt").write_text(
            seed.replace("19th December", f"{1 + i % 28}th December").replace("Monday", "") + f"\nRef {i}\n",
            encoding="utf-8",
        )
    before = store_copy.load()
    generation = sorted(p.name for p in store_copy.path.glob("graph-*.lbdb"))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "promises",
            "ingest",
            str(folder),
            "--store",
            str(store_copy.path),
            "--year",
            "2021",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if sorted(p.name for p in store_copy.path.glob("graph-*.lbdb")) != generation:
            break  # the write phase has started: a new database generation is being built
        time.sleep(0.005)
    assert proc.poll() is None, "ingest finished before it could be killed; make the batch bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    after = store_copy.load()
    assert after.nodes == before.nodes and after.edges == before.edges
    summary = ingest_paths(
        [folder], store_copy, now=NOW, as_of=AS_OF, year=2021
    )  # and the next write still works
    assert len(summary.read) == 150
    assert [p.name for p in store_copy.path.glob("graph-*.lbdb")] == ["graph-000003.lbdb"] or len(
        list(store_copy.path.glob("graph-*.lbdb"))
    ) == 1


def test_roles_carry_acting_flag(seed_data: object) -> None:
    from promises.graph.graphdata import GraphData

    assert isinstance(seed_data, GraphData)
    acting = sorted(r.abbrev for r in seed_data.of_type(Role) if r.acting)
    assert acting == ["T/CC", "T/DCC"]
