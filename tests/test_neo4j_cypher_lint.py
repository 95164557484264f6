"""Every statement `push` sends passes Neo4j's own parser and semantic analysis.

The check runs offline: `tests/cypher_lint/lint.mjs` calls `lintCypherQuery` from the npm package
`@neo4j-cypher/language-support` (the parser and semantic analysis of the Neo4j tooling). See
tests/cypher_lint/README.md.
"""

from __future__ import annotations

import re

from promises.graph.graphdata import GraphData
from promises.graph.model import NODE_TYPES, REL_SCHEMA, node_props
from promises.graph.neo4j_store import CypherDialect, statements_for
from tests.neo4j_support import CypherLinter

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def model_schema() -> dict[str, object]:
    """The DbSchema the linter checks against: our labels, types, property keys and parameters."""
    props = {"id"}
    for cls in NODE_TYPES:
        props.update(f for f in cls.__dataclass_fields__)
    for _, _, rel_props in REL_SCHEMA:
        props.update(rel_props)
    return {
        "labels": [cls.LABEL for cls in NODE_TYPES],
        "relationshipTypes": [rel.value for rel, _, _ in REL_SCHEMA],
        "propertyKeys": sorted(props | {"s", "d", "props"}),
        "parameters": {"rows": [], "ids": []},
    }


def errors_of(report: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [
        (entry["statement"], d)
        for entry in report
        for d in entry["diagnostics"]  # type: ignore[attr-defined]
        if d["severity"] == "error"
    ]


def test_every_push_statement_passes_neo4j_parser_and_semantics(
    cypher_linter: CypherLinter, sample_data: GraphData
) -> None:
    statements = statements_for(sample_data)
    report = cypher_linter.lint(statements, model_schema())

    assert len(report) == len(statements)
    assert errors_of(report) == []
    warnings = [(e["statement"], d) for e in report for d in e["diagnostics"]]  # type: ignore[attr-defined]
    assert warnings == [], "unknown labels, types or properties would show up here"


def test_linter_reports_broken_statements(cypher_linter: CypherLinter, sample_data: GraphData) -> None:
    """The check can fail: a syntax error, an undefined variable and an unknown label are caught."""
    good = statements_for(sample_data)[0]
    broken = [
        "UNWIND $rows AS row MERGE (n:Person {id: row.id} SET n += row",  # missing ')'
        "UNWIND $rows AS row MERGE (n:Person {id: row.id}) SET m += row",  # m never bound
        "UNWIND $ids AS id MATCH (n:Persn {id: id}) DETACH DELETE n",  # misspelt label
    ]
    report = cypher_linter.lint([good, *broken], model_schema())

    assert report[0]["diagnostics"] == []
    assert all(entry["diagnostics"] for entry in report[1:]), report
    messages = [str(d["message"]) for entry in report[1:] for d in entry["diagnostics"]]  # type: ignore[attr-defined]
    assert any("Invalid input" in m for m in messages), messages
    assert any("`m` not defined" in m for m in messages), messages
    assert any("Persn" in m for m in messages), messages


def test_statements_are_built_only_from_model_names(sample_data: GraphData) -> None:
    """No statement contains a property value, id or anything else that came from the minutes."""
    statements = statements_for(sample_data)
    names = {cls.LABEL for cls in NODE_TYPES} | {rel.value for rel, _, _ in REL_SCHEMA}
    values = {
        str(v)
        for node in sample_data.nodes.values()
        for v in node_props(node).values()
        if v not in (None, "")
    }
    for statement in statements:
        for value in values:
            if not IDENTIFIER.fullmatch(value) or value not in names:
                assert f"'{value}'" not in statement and f'"{value}"' not in statement
        assert "$rows" in statement or "$ids" in statement or statement.startswith("CREATE CONSTRAINT")
    assert len(statements) == len(set(statements))


def test_constraint_on_id_for_every_label(sample_data: GraphData) -> None:
    statements = statements_for(sample_data)
    for cls in NODE_TYPES:
        assert any(
            s.startswith("CREATE CONSTRAINT") and f"(n:{cls.LABEL})" in s and "REQUIRE n.id IS UNIQUE" in s
            for s in statements
        ), cls.LABEL
    falkordb = statements_for(sample_data, CypherDialect.FALKORDB)
    assert not any(s.startswith("CREATE CONSTRAINT") for s in falkordb)
    assert set(falkordb) < set(statements)
