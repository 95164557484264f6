"""What became of a commitment, as of a date (DESIGN.md section 5).

Status is a function of the commitment, the updates recorded against it by later meetings, and
the date asked about: no clock is read here, so history can be replayed with `--as-of`. Every
status comes with the evidence that set it (the update's quote and meeting), or None when the
status follows from absence (open, overdue, silent).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from promises.graph.graphdata import GraphData
from promises.graph.model import Commitment, Meeting, RelType, Signal, Status, Update

SILENT_AFTER_MEETINGS = 3


@dataclass(frozen=True, slots=True)
class StatusEvidence:
    """The update that set a status, with the meeting it was said at."""

    update: Update
    meeting: Meeting


def updates_of(data: GraphData, commitment_id: str) -> list[StatusEvidence]:
    """Every update of a commitment, oldest first."""
    out = []
    for e in data.into(commitment_id, RelType.UPDATES):
        update = data.get(e.src, Update)
        if update is None:
            continue
        for at in data.out(update.id, RelType.AT):
            meeting = data.get(at.dst, Meeting)
            if meeting is not None and meeting.date is not None:
                out.append(StatusEvidence(update, meeting))
    return sorted(out, key=lambda ev: (ev.meeting.date or date.min, ev.update.id))


def compute_status(
    data: GraphData, commitment: Commitment, as_of: date, silent_after: int = SILENT_AFTER_MEETINGS
) -> tuple[Status, StatusEvidence | None]:
    """The status as of `as_of`, and the update that set it (if one did)."""
    known = [ev for ev in updates_of(data, commitment.id) if ev.meeting.date is not None and ev.meeting.date <= as_of]
    done = [ev for ev in known if ev.update.signal is Signal.DONE]
    if done:
        return Status.REPORTED_DONE, done[-1]
    if commitment.due is not None and commitment.due < as_of:
        return Status.OVERDUE, known[-1] if known else None
    progress = [ev for ev in known if ev.update.signal in (Signal.PROGRESS, Signal.DEFERRED)]
    if progress:
        return Status.IN_PROGRESS, progress[-1]
    if commitment.due is None and not known and _later_meetings(data, commitment, as_of) >= silent_after:
        return Status.SILENT, None
    return Status.OPEN, known[-1] if known else None


def _later_meetings(data: GraphData, commitment: Commitment, as_of: date) -> int:
    made = None
    for e in data.out(commitment.id, RelType.MADE_AT):
        made = data.get(e.dst, Meeting)
    if made is None or made.date is None:
        return 0
    count = 0
    for m in data.of_type(Meeting):
        if m.body == made.body and not m.stub and m.date is not None and made.date < m.date <= as_of:
            count += 1
    return count
