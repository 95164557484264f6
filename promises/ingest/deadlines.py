"""Placeholder until the deadlines branch lands: finds no deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Deadline:
    due: date | None
    due_text: str
    start: int
    end: int
    rule: str


def find_deadline(sentence: str, meeting_date: date | None, next_meeting: date | None = None) -> Deadline | None:
    return None
