"""Settings from the environment, and error messages that never carry the password."""

from __future__ import annotations

import logging
import traceback

import pytest

from promises.graph.errors import PromiseGraphError
from promises.graph.neo4j_store import (
    Neo4jAuthError,
    Neo4jSettingsError,
    Neo4jUnavailableError,
    push,
    run_cypher,
    settings_from_env,
)
from tests.neo4j_support import build_sample, free_closed_port

SECRET = "pw-Settings-5d2e81"
FULL = {"NEO4J_URI": "bolt://127.0.0.1:7687", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": SECRET}


def test_settings_from_env_reads_all_four() -> None:
    s = settings_from_env({**FULL, "NEO4J_DATABASE": "promises"})
    assert (s.uri, s.user, s.password, s.database) == ("bolt://127.0.0.1:7687", "neo4j", SECRET, "promises")
    assert s.target == "bolt://127.0.0.1:7687#promises"
    assert SECRET not in repr(s) and SECRET not in str(s)


def test_database_is_optional() -> None:
    s = settings_from_env({**FULL, "NEO4J_DATABASE": "  "})
    assert s.database is None
    assert s.target == "bolt://127.0.0.1:7687#(default)"


@pytest.mark.parametrize("missing", ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"])
def test_missing_variable_is_named(missing: str) -> None:
    env = {k: v for k, v in FULL.items() if k != missing}
    with pytest.raises(Neo4jSettingsError) as info:
        settings_from_env(env)
    assert str(info.value).startswith(f"{missing} is not set; ")
    assert SECRET not in str(info.value)


def test_blank_password_counts_as_missing() -> None:
    with pytest.raises(Neo4jSettingsError, match="^NEO4J_PASSWORD is not set"):
        settings_from_env({**FULL, "NEO4J_PASSWORD": ""})


def test_auth_error_names_the_user_not_the_password() -> None:
    err = Neo4jAuthError("bolt://127.0.0.1:7687", "neo4j")
    assert isinstance(err, PromiseGraphError)
    assert str(err) == (
        "Neo4j rejected the credentials for user neo4j at bolt://127.0.0.1:7687; "
        "check NEO4J_USER and NEO4J_PASSWORD"
    )


@pytest.mark.parametrize("action", ["push", "cypher"])
def test_password_absent_from_errors_and_logs_when_unreachable(
    action: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_from_env({**FULL, "NEO4J_URI": f"bolt://127.0.0.1:{free_closed_port()}"})
    caplog.set_level(logging.DEBUG)

    with pytest.raises(Neo4jUnavailableError) as info:
        if action == "push":
            push(build_sample(), settings)
        else:
            run_cypher(settings, "RETURN $x", {"x": 1})

    assert str(info.value).startswith(f"{settings.uri.replace('bolt', 'Neo4j at bolt', 1)} unreachable: ")
    assert SECRET not in "".join(traceback.format_exception(info.value))
    assert caplog.records, "debug logging was captured, so the next check means something"
    assert SECRET not in caplog.text


def test_bad_uri_is_reported_not_raised_raw() -> None:
    settings = settings_from_env({**FULL, "NEO4J_URI": "redis://127.0.0.1:6379"})
    with pytest.raises(Neo4jUnavailableError) as info:
        run_cypher(settings, "RETURN 1")
    assert str(info.value).startswith(
        "Neo4j at redis://127.0.0.1:6379 unreachable: bad address or settings: "
    )
    assert SECRET not in str(info.value)
