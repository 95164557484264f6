#!/usr/bin/env bash
# Install everything the test suite needs, then run lint, type checks and tests.
# Used by the README and by CI (.ci/run) exactly as written; safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${VIRTUAL_ENV:-}" ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  # shellcheck disable=SC1091
  . .venv/bin/activate
fi
python -m pip install -q --disable-pip-version-check -e '.[test]'

# Debian's Chromium for the HTML tests (no browser is ever downloaded by a test tool).
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Neo4j's own Cypher parser (npm, runs offline under node) for the statements we send to Neo4j.
if [ -f tests/cypher_lint/package-lock.json ] && [ ! -d tests/cypher_lint/node_modules ]; then
  (cd tests/cypher_lint && npm ci --silent --no-audit --no-fund)
fi

ruff check promises tests benchmarks
mypy promises
python -m pytest -q "$@"
