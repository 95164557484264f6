"""Data flows one way: files -> ingest -> graph -> queries/viz. Imports must agree."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "promises"
FORBIDDEN = {
    "graph": ("promises.ingest", "promises.queries", "promises.viz", "promises.cli"),
    "ingest": ("promises.queries", "promises.viz", "promises.cli"),
    "queries": ("promises.ingest", "promises.viz", "promises.cli"),
    "viz": ("promises.ingest", "promises.cli"),
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_against_the_flow(package: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for name in _imports(path):
            if name.startswith(FORBIDDEN[package]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_the_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from promises.ingest.readers import read_document\n")
    assert _imports(bad) == ["promises.ingest.readers"]
