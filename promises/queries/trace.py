"""The life of one commitment: made, each later update, and its status with the evidence.

Found by id, id prefix or words. With words, several commitments may match: an interactive
terminal lets the user pick; otherwise the candidates are printed with their ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from promises.graph.errors import NotFoundError
from promises.graph.graphdata import GraphData
from promises.queries.output import OutputFormat
from promises.queries.search import find_commitment
from promises.queries.views import commitment_json

Json = dict[str, Any]


@dataclass(slots=True)
class TraceResult:
    """One traced commitment, or the candidates when the words matched several."""

    record: Json | None
    candidates: list[Json] = field(default_factory=list)


def trace_commitment(data: GraphData, key: str, as_of: date, *, interactive: bool = False) -> TraceResult:
    """Trace by id or words; raises NotFoundError when nothing matches."""
    found = find_commitment(data, key)
    if not found:
        raise NotFoundError("commitment", key)
    if len(found) == 1:
        return TraceResult(commitment_json(data, found[0], as_of))
    candidates = [commitment_json(data, c, as_of) for c in found]
    if interactive:
        from rich.prompt import IntPrompt

        for number, c in enumerate(candidates, start=1):
            when = c["meeting"]["date"] if c["meeting"] else "?"
            print(f"{number}. [{when}] {_short(c['text'])}  ({c['id']})")
        choice = IntPrompt.ask(
            "Which one", choices=[str(i) for i in range(1, len(candidates) + 1)], default=1
        )
        return TraceResult(candidates[choice - 1])
    return TraceResult(None, candidates)


def render_timeline(result: TraceResult, fmt: OutputFormat, out: TextIO, err: Any) -> None:
    """A readable timeline for people, or the commitment JSON (with candidates) for scripts."""
    if result.record is None:
        if fmt is OutputFormat.JSON:
            json.dump({"candidates": result.candidates}, out, indent=2, ensure_ascii=False)
            out.write("\n")
        else:
            err.print(f"{len(result.candidates)} commitments match; trace one by id:")
            for c in result.candidates:
                out.write(
                    f"{c['id']}  {c['meeting']['date'] if c['meeting'] else '?'}  {_short(c['text'])}\n"
                )
        return
    record = result.record
    if fmt is not OutputFormat.TABLE:
        json.dump(record, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    from rich.console import Console

    console = Console(file=out, width=110)
    owner = record["owner"]
    who = " / ".join(x for x in (owner["role"], owner["person"]) if x) or "unknown owner"
    meeting = record["meeting"] or {}
    console.print(f"[bold]{record['id']}[/bold]  {record['kind']}  owner: {who}")
    console.print(
        f"[cyan]{meeting.get('date')}[/cyan]  MADE at "
        f"{meeting.get('title') or 'meeting'} ({meeting.get('body')})"
    )
    console.print(f'    "{_flat(record["text"])}"', soft_wrap=False)
    console.print(
        f"    source: {record['source']['file']} [{record['source']['start']}:{record['source']['end']}]"
    )
    if record["due"]:
        console.print(f"    due {record['due']} ({record['due_text']})")
    for update in record["followups"]:
        console.print(f"[cyan]{update['meeting']['date']}[/cyan]  UPDATE ({update['signal']}, "
                      f"{update.get('rule') or 'link'} {update['confidence']:.2f})")  # fmt: skip
        console.print(f'    "{_flat(update["text"])}"', soft_wrap=True, markup=False)
    evidence = record["status_evidence"]
    why = f' because "{_flat(evidence["text"])[:120]}" ({evidence["meeting"]["date"]})' if evidence else ""
    console.print(f"[bold]status as of {record['status_as_of']}: {record['status']}[/bold]")
    if why:
        console.print(f"    {why.strip()}", soft_wrap=True, markup=False)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _short(text: str) -> str:
    flat = _flat(text)
    return flat if len(flat) <= 100 else flat[:97] + "..."
