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
# Links below this are shown as possible follow-ups but never move a status: a weak implicit
# echo ("progress on Op Reset") must not mark a specific promise done.
STATUS_MIN_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class StatusEvidence:
    """An update of a commitment, the meeting it was said at, and how sure the link is."""

    update: Update
    meeting: Meeting
    confidence: float = 1.0
    rule: str = ""


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
                confidence, rule = e.prop("confidence"), e.prop("rule")
                out.append(
                    StatusEvidence(
                        update,
                        meeting,
                        float(confidence) if isinstance(confidence, int | float) else 1.0,
                        rule if isinstance(rule, str) else "",
                    )
                )
    return sorted(out, key=lambda ev: (ev.meeting.date or date.min, ev.update.id))


def compute_status(
    data: GraphData, commitment: Commitment, as_of: date, silent_after: int = SILENT_AFTER_MEETINGS
) -> tuple[Status, StatusEvidence | None]:
    """The status as of `as_of`, and the update that set it (if one did)."""
    made = _made_at(data, commitment)
    later = 0
    if made is not None and made.date is not None:
        later = sum(
            1
            for m in data.of_type(Meeting)
            if m.body == made.body and not m.stub and m.date is not None and made.date < m.date <= as_of
        )
    return decide_status(commitment, updates_of(data, commitment.id), later, as_of, silent_after)


def decide_status(
    commitment: Commitment,
    updates: list[StatusEvidence],
    later_meetings: int,
    as_of: date,
    silent_after: int = SILENT_AFTER_MEETINGS,
) -> tuple[Status, StatusEvidence | None]:
    """DESIGN.md section 5 as one function of the facts, so linking can apply it without a graph.

    `updates` are oldest first; those said after `as_of` are ignored, which is what makes
    `--as-of` a replay of history. `later_meetings` counts the body's meetings after the one the
    commitment was made at, up to `as_of`. Precedence: a report of completion wins; then a
    passed deadline (a deferral or progress note does not stop the clock); then progress or a
    deferral; then silence (only for promises without a deadline); otherwise open. Links
    weaker than `STATUS_MIN_CONFIDENCE` are ignored here.
    """
    known = [
        ev
        for ev in updates
        if ev.meeting.date is not None and ev.meeting.date <= as_of and ev.confidence >= STATUS_MIN_CONFIDENCE
    ]
    done = [ev for ev in known if ev.update.signal is Signal.DONE]
    if done:
        return Status.REPORTED_DONE, done[-1]
    if commitment.due is not None and commitment.due < as_of:
        return Status.OVERDUE, known[-1] if known else None
    progress = [ev for ev in known if ev.update.signal in (Signal.PROGRESS, Signal.DEFERRED)]
    if progress:
        return Status.IN_PROGRESS, progress[-1]
    if commitment.due is None and not known and later_meetings >= silent_after:
        return Status.SILENT, None
    return Status.OPEN, known[-1] if known else None


def _made_at(data: GraphData, commitment: Commitment) -> Meeting | None:
    for e in data.out(commitment.id, RelType.MADE_AT):
        return data.get(e.dst, Meeting)
    return None
