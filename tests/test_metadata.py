"""Meeting metadata on every seed and on the other header layouts (DESIGN.md section 4)."""

from __future__ import annotations

from datetime import date

import pytest

from promises.graph.model import DateConfidence
from promises.ingest.meeting_date import find_date, infer_meeting_date
from promises.ingest.metadata import parse_meeting
from promises.ingest.segmentation import split_lines
from tests.conftest import SEEDS

# (seed file, date, time, chair, minutes by, venue, attendee count, apologies, next meeting, topic)
SEED_FACTS = [
    ("000_f57b6ddea2dea553.txt", date(2023, 2, 28), "14:00", "John Campion", "Chris Jensen",
     "West Mercia Police HQ", 6, 0, date(2023, 3, 31), "Criminal Justice"),
    ("001_9baca0e83957219f.txt", date(2022, 3, 29), "15:00", "John Campion", "Charity Pearce",
     "West Mercia Police HQ", 8, 0, date(2022, 5, 5), "Investigations"),
    ("002_70fbfbe86acaa577.txt", date(2022, 12, 19), "14:00", "John Campion", "Natasha Noorbakhsh",
     "West Mercia Police HQ", 7, 0, date(2023, 1, 30), "Violence Against Women and Girls (VAWG)"),
    ("003_88be28475bf09fa9.txt", date(2020, 1, 13), "14:30", "John Campion", "Charity Pearce",
     "Meeting Room 1.38 – Hindlip", 3, 1, date(2020, 1, 20), ""),
    ("004_a5d66add016da715.txt", date(2024, 11, 27), "10:00", "John Campion", "Lucy Milner",
     "", 7, 0, None, ""),
]  # fmt: skip


@pytest.mark.parametrize(
    (
        "name",
        "when",
        "time",
        "chair",
        "minutes_by",
        "venue",
        "attending",
        "apologies",
        "next_meeting",
        "topic",
    ),
    SEED_FACTS,
)
def test_seed_header(
    name: str, when: date, time: str, chair: str, minutes_by: str, venue: str, attending: int, apologies: int,
    next_meeting: date | None, topic: str,
) -> None:  # fmt: skip
    text = (SEEDS / name).read_text(encoding="utf-8")
    info = parse_meeting(text, split_lines(text), name)
    assert info.date.value == when, info.date
    assert info.time == time
    assert info.chair == chair
    assert info.minutes_by == minutes_by
    assert info.venue == venue
    assert sum(not a.apologies for a in info.attendees) == attending
    assert sum(a.apologies for a in info.attendees) == apologies
    assert info.next_meeting == next_meeting
    assert info.topic.startswith(topic.split(" (")[0])
    assert info.body == "West Mercia PCC"


def test_year_is_inferred_and_explained() -> None:
    text = (SEEDS / "000_f57b6ddea2dea553.txt").read_text(encoding="utf-8")
    info = parse_meeting(text, split_lines(text), "x")
    assert info.date.confidence is DateConfidence.INFERRED
    assert "next meeting" in info.date.evidence and "weekday" in info.date.evidence


# (header text, body text, --year, expected date, expected confidence) — shapes seen in real minutes
YEARLESS = [
    (
        "Date: Tuesday 28th February",
        "budget for 2023/24 and 2023",
        None,
        date(2023, 2, 28),
        DateConfidence.INFERRED,
    ),
    ("Date: Tuesday 28th February", "", 2017, date(2017, 2, 28), DateConfidence.OVERRIDDEN),
    ("Date: 21/11/2022", "", None, date(2022, 11, 21), DateConfidence.STATED),
    (
        "Date: 21/11/2022",
        "",
        2017,
        date(2022, 11, 21),
        DateConfidence.STATED,
    ),  # --year never beats a written year
    ("Date: 25.03.22", "", None, date(2022, 3, 25), DateConfidence.STATED),
    ("Date: Monday 5th June", "", None, None, DateConfidence.UNKNOWN),
    ("Notes of the meeting", "", None, None, DateConfidence.UNKNOWN),
]


@pytest.mark.parametrize(("header", "body", "year", "expected", "confidence"), YEARLESS)
def test_year_inference(header: str, body: str, year: int | None, expected: date | None,
                        confidence: DateConfidence) -> None:  # fmt: skip
    result = infer_meeting_date(find_date(header), title_years=[], next_meeting=None, body_text=body,
                                year_override=year)  # fmt: skip
    assert result.value == expected
    assert result.confidence is confidence
    if expected is None:
        assert result.warning


def test_weekday_alone_is_ambiguous_not_invented() -> None:
    result = infer_meeting_date(find_date("Wednesday 27th November"), title_years=[], next_meeting=None,
                                body_text="")  # fmt: skip
    assert result.value is None and "--year" in result.warning


def test_back_references_become_months() -> None:
    text = (SEEDS / "003_88be28475bf09fa9.txt").read_text(encoding="utf-8")
    info = parse_meeting(text, split_lines(text), "x")
    assert [(r.year, r.month) for r in info.back_references] == [(2019, 5)]


# (letterhead lines, expected body) — forces outside the built-in list name themselves in the header
LETTERHEADS = [
    ("Northshire Police and Crime Commissioner\nPerformance Board – Minutes", "Northshire PCC"),
    ("EASTMOOR OFFICE OF THE POLICE, FIRE AND CRIME COMMISSIONER\nHolding to Account", "Eastmoor PCC"),
    ("# Office of the Police and Crime Commissioner for Kingsmoor\n", "Kingsmoor PCC"),
    ("NORTH RIDING OPCC – HOLDING TO ACCOUNT MEETING", "North Riding PCC"),
    ("Assurance Meeting – Notes\nVenue: Fernbrook Police HQ", "Fernbrook PCC"),
    ("Assurance Meeting – Notes\nVenue: Town Hall", "Unknown body"),
    ("West Mercia Holding to Account", "West Mercia PCC"),
]


@pytest.mark.parametrize(("header", "body"), LETTERHEADS)
def test_body_from_letterhead(header: str, body: str) -> None:
    text = header + "\nDate: Tuesday 5th September 2023\n\n1. Item\nThe PCC thanked everyone.\n"
    assert parse_meeting(text, split_lines(text), "x").body == body


def test_next_meeting_line_is_not_the_meeting_date() -> None:
    text = (
        "Holding to Account Meeting – Public Protection\nWednesday 4 October 2023, 14:00, HQ\n\n"
        "1. Item\nThe CC will publish the plan.\n\nDate of next meeting: 6 December 2023\n"
    )
    info = parse_meeting(text, split_lines(text), "x")
    assert info.date.value == date(2023, 10, 4)
    assert info.next_meeting == date(2023, 12, 6)


def test_title_loses_markup_and_shouting() -> None:
    text = "## STRATEGIC POLICING BOARD\nDate: 21/06/2023\n\n1. Item\nNothing.\n"
    assert parse_meeting(text, split_lines(text), "x").title == "Strategic Policing Board"


def test_the_stated_next_meeting_beats_a_passing_mention() -> None:
    """ "carried forward to the next meeting" in a log row is followed by that row's dates."""
    text = (
        "Accountability Board\nDate: Tuesday 19 November 2024\n\n"
        "Ref\tAction\tOwner\tDue\tStatus\n"
        "A27/24\tProvide 101 figures\tDCC\t19/11/2024\tOpen – carried forward to the next meeting.\n"
        "A28/24\tCirculate the plan\tCC\t30/11/2024\tOpen\n\n"
        "12. DATE OF NEXT MEETING\nTuesday 21 January 2025 at 10:00, Conference Room A.\n"
    )
    meeting = parse_meeting(text, split_lines(text), "t.txt")
    assert meeting.next_meeting == date(2025, 1, 21)
