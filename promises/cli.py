"""Command line: parses arguments, calls one package function, renders the result."""

from __future__ import annotations


def main() -> None:
    raise SystemExit("promises: under construction")
