"""The neo4j-admin import files: exact headers, typed cells, the import command, atomic writes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from promises.graph.csv_export import ExportError, export_csv, node_header, rel_header
from promises.graph.graphdata import GraphData
from promises.graph.model import (
    NODE_TYPES,
    REL_SCHEMA,
    Commitment,
    CommitmentKind,
    Person,
    RelType,
    Theme,
    edge,
)


def read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_headers_are_typed_for_neo4j_admin() -> None:
    assert node_header(Commitment) == [
        "id:ID",
        "kind",
        "text",
        "file",
        "start:int",
        "end:int",
        "due:date",
        "due_text",
        "status",
        "status_as_of:date",
        "owner_text",
        "requested_by_text",
        "confidence:float",
        "evidence:string[]",
        "rule",
        ":LABEL",
    ]
    held = next(props for rel, _, props in REL_SCHEMA if rel is RelType.HELD)
    assert rel_header(held) == [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "from_date:date",
        "to_date:date",
        "acting:boolean",
    ]


def test_export_writes_one_file_per_label_and_type(sample_data: GraphData, tmp_path: Path) -> None:
    out = tmp_path / "neo4j-import"
    written = export_csv(sample_data, out)

    expected = {f"nodes-{cls.LABEL}.csv" for cls in NODE_TYPES} | {
        f"rels-{rel.value}.csv" for rel, _, _ in REL_SCHEMA
    }
    assert {p.name for p in written} == expected | {"import.sh"}
    assert {p.name for p in out.iterdir()} == expected | {"import.sh"}
    for cls in NODE_TYPES:
        rows = read(out / f"nodes-{cls.LABEL}.csv")
        assert rows[0] == node_header(cls)
        assert len(rows) - 1 == len(sample_data.of_type(cls))
        assert all(row[-1] == cls.LABEL for row in rows[1:])
    for rel, _, _ in REL_SCHEMA:
        rows = read(out / f"rels-{rel.value}.csv")
        assert len(rows) - 1 == len(list(sample_data.edges_of(rel)))


def test_cells_are_typed(sample_data: GraphData, tmp_path: Path) -> None:
    out = tmp_path / "x"
    export_csv(sample_data, out)

    people = {row[0]: row for row in read(out / "nodes-Person.csv")[1:]}
    assert people["p-0000000000000001"] == ["p-0000000000000001", "John Campion", "JC;the PCC", "Person"]
    assert people["p-0000000000000002"][2] == ""  # empty array: no property
    commitment = dict(zip(node_header(Commitment), read(out / "nodes-Commitment.csv")[1], strict=True))
    assert commitment["due:date"] == "2024-12-31"
    assert commitment["status_as_of:date"] == ""
    assert commitment["confidence:float"] == "0.875"
    assert commitment["kind"] == "action"
    held = read(out / "rels-HELD.csv")[1]
    assert held == ["p-0000000000000002", "r-0000000000000001", "HELD", "2024-06-01", "", "true"]
    document = read(out / "nodes-Document.csv")[1]
    assert document[-2] == "2024-12-01T09:30:00"


def test_text_with_commas_quotes_and_newlines_survives(tmp_path: Path) -> None:
    theme = Theme("t-0000000000000009", 'witness care, "victims"\nand families')
    export_csv(GraphData.build([theme], []), tmp_path / "x")
    assert read(tmp_path / "x" / "nodes-Theme.csv")[1][1] == 'witness care, "victims"\nand families'


def test_import_script_names_every_file(sample_data: GraphData, tmp_path: Path) -> None:
    out = tmp_path / "x"
    written = export_csv(sample_data, out)
    script = (out / "import.sh").read_text()

    assert "neo4j-admin database import full" in script
    assert "--array-delimiter=';'" in script and "--multiline-fields=true" in script
    for path in written:
        if path.name.startswith("nodes-"):
            assert f"--nodes={path.name}" in script
        elif path.name.startswith("rels-"):
            assert f"--relationships={path.name}" in script
    assert (out / "import.sh").stat().st_mode & 0o100


def test_reexport_replaces_the_previous_export(sample_data: GraphData, tmp_path: Path) -> None:
    out = tmp_path / "x"
    export_csv(sample_data, out)
    smaller = GraphData.build([Person("p-0000000000000001", "John Campion")], [])

    export_csv(smaller, out)

    assert len(read(out / "nodes-Person.csv")) == 2
    assert len(read(out / "nodes-Commitment.csv")) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["x"]  # no staging or old directories left


def test_refuses_a_directory_with_other_files(sample_data: GraphData, tmp_path: Path) -> None:
    out = tmp_path / "x"
    out.mkdir()
    (out / "notes.txt").write_text("mine")

    with pytest.raises(ExportError) as info:
        export_csv(sample_data, out)

    assert "notes.txt" in str(info.value)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_failed_export_leaves_the_previous_one_untouched(sample_data: GraphData, tmp_path: Path) -> None:
    out = tmp_path / "x"
    export_csv(sample_data, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = GraphData.build(
        [Person("p-0000000000000001", "A", aliases=("x;y",)), Theme("t-0000000000000001", "ASB")],
        [],
    )

    with pytest.raises(ExportError) as info:
        export_csv(bad, out)

    assert "p-0000000000000001" in str(info.value) and "';'" in str(info.value)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["x"]


def test_edge_properties_follow_the_schema(tmp_path: Path) -> None:
    a = Person("p-0000000000000001", "A")
    b = Commitment("c-0000000000000001", CommitmentKind.ACTION, "t", "f", 0, 1)
    data = GraphData.build([a, b], [edge(RelType.REQUESTED_BY, b, a)])
    export_csv(data, tmp_path / "x")
    assert read(tmp_path / "x" / "rels-REQUESTED_BY.csv") == [
        [":START_ID", ":END_ID", ":TYPE"],
        ["c-0000000000000001", "p-0000000000000001", "REQUESTED_BY"],
    ]
