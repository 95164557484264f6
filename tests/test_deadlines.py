"""Deadlines as tables of real shapes: one row per way minutes state (or seem to state) a date.

Seed files are in examples/minutes/ (same as shared/seeds/); their meeting dates are
000 Tue 28 Feb 2023 (next 31 Mar 2023), 001 Tue 29 Mar 2022 (next 5 May 2022),
002 Mon 19 Dec 2022 (next 30 Jan 2023), 003 Mon 13 Jan 2020 (next 20 Jan 2020) and
004 Wed 27 Nov 2024 (next not stated).
"""

from __future__ import annotations

from datetime import date

import pytest

from promises.ingest.deadlines import Deadline, financial_quarter_end, find_deadline

S000, N000 = date(2023, 2, 28), date(2023, 3, 31)
S001, N001 = date(2022, 3, 29), date(2022, 5, 5)
S002, N002 = date(2022, 12, 19), date(2023, 1, 30)
S003, N003 = date(2020, 1, 13), date(2020, 1, 20)
S004 = date(2024, 11, 27)
D = date

# (sentence, meeting_date, next_meeting, expected_due, expected_due_text, expected_rule)
POSITIVE: list[tuple[str, date | None, date | None, date | None, str, str]] = [
    # --- seeds ---------------------------------------------------------------------------
    # 001: month + two-digit year with a trailing apostrophe.
    ("The PCC asked if all vacancies will be filled by March 23'.",
     S001, N001, D(2023, 3, 31), "by March 23'", "month"),
    # 001: a named month's meeting.
    ("A further update will be provided at the April meeting on workforce.",
     S001, N001, D(2022, 4, 30), "at the April meeting", "month_meeting"),
    # 002: the New Year, first month of it.
    ("The DCC reiterated that the force would seek to implement this process in the New Year, "
     "supported by thorough training and audit to provide assurance.",
     S002, N002, D(2023, 1, 31), "in the New Year", "festive"),
    # 002: within N months.
    ("The DCC would anticipate improvements across these metrics within 6 months.",
     S002, N002, D(2023, 6, 19), "within 6 months", "duration"),
    # 002: a range takes its upper bound.
    ("The PCC was agreeable to holding a follow up within 6 – 12 months.",
     S002, N002, D(2023, 12, 19), "within 6 – 12 months", "duration"),
    # 002: action line, "in" + range, no "time".
    ("Action: PCC policy team to schedule in a follow up holding to account meeting in 6 – 12 months.",
     S002, N002, D(2023, 12, 19), "in 6 – 12 months", "duration"),
    # 003: action quoted from an older meeting; resolved against the date passed in (callers
    # pass the date of the meeting that made the promise).
    ("Internal processes to be brought back to the November meeting",
     S003, N003, D(2020, 11, 30), "to the November meeting", "month_meeting"),
    # 003: PDF line break inside the phrase.
    ("It is hoped the final piece of work being overseen by ACC Wessell will be finalised by the \n"
     " end of this month and then a decision will be made.",
     S003, N003, D(2020, 1, 31), "by the \n end of this month", "period_end"),
    # 003: "or" range with curly apostrophe and "time".
    ("The PCC said he was pleased to see that the force had developed a new process but asked "
     "that if this were revisited in 3 or 4 months’ time what impact would this have.",
     S003, N003, D(2020, 5, 13), "in 3 or 4 months’ time", "duration"),
    # 003: "a years' time" (sic).
    ("The DCC wants confidence in the figures and hopes in a years’ time the force will have a "
     "better understanding of why those victims were let down.",
     S003, N003, D(2021, 1, 13), "in a years’ time", "duration"),
    # 004: quarter named inside the meeting's title, quarter still to come.
    ("ACTION: T/CC to provide an update at the Q3 Performance A&A meeting on plans to improve "
     "positive outcomes following the stabilising of improvements.",
     S004, None, D(2024, 12, 31), "at the Q3 Performance A&A meeting", "quarter_meeting"),
    # 004: the summary list repeats it without "ACTION:".
    ("- T/CC to provide an update at the Q3 Performance A&A meeting on plans to improve positive "
     "outcomes following the stabilising of improvements.",
     S004, None, D(2024, 12, 31), "at the Q3 Performance A&A meeting", "quarter_meeting"),
    # 004: Q4 of the financial year is January-March of the next calendar year.
    ("ACTION: The T/CC to provide an update on the performance concerns for Shropshire LPA at "
     "the A&A Q4 Performance meeting.",
     S004, None, D(2025, 3, 31), "at the A&A Q4 Performance meeting", "quarter_meeting"),
    # 004: day + "Sept" + "deadline", no year: next 30 September.
    ("The T/DCC believes the training will be fully delivered before the 30th of Sept deadline.",
     S004, None, D(2025, 9, 30), "before the 30th of Sept deadline", "explicit_date"),
    # 004: ordinal day, abbreviated month, two-digit year.
    ("The T/DCC provided reassurance that the Force is on track to deliver improvements to ASB "
     "risk management by the 31st of Mar 25.",
     S004, None, D(2025, 3, 31), "by the 31st of Mar 25", "explicit_date"),
    # 004: end of an abbreviated month with a year.
    ("The new framework should be live by the end of Jan 2025.",
     S004, None, D(2025, 1, 31), "by the end of Jan 2025", "month"),
    # 004: a season with a year, forward clause ("is going to").
    ("To ensure the changes are delivering the Force Crime Registrar is going to conduct a "
     "thematic audit in spring 2025.",
     S004, None, D(2025, 5, 31), "in spring 2025", "season"),
    # 004: the next (financial) quarter.
    ("He asked that consideration is given as to how that focus could be renewed in the next quarter.",
     S004, None, D(2025, 3, 31), "in the next quarter", "period_end"),
    # 004: bulleted targets over the next N months.
    ("- Reducing the number of outstanding suspects over the next three months,",
     S004, None, D(2025, 2, 27), "over the next three months", "duration"),
    ("- Increasing detection rates over the next six months",
     S004, None, D(2025, 5, 27), "over the next six months", "duration"),
    # 004: the next meeting of a named series, next meeting date unknown.
    ("The PCC stated that he wanted a further update regarding the progress made with the "
     "Shropshire LPA in the next A&A performance meeting.",
     S004, None, None, "in the next A&A performance meeting", "next_meeting"),
    # 004: the Christmas period ends on 31 December.
    ("The T/CC confirmed that Op Presence would be going ahead over the Christmas period, and to "
     "sharing the dates.",
     S004, None, D(2024, 12, 31), "over the Christmas period", "festive"),
    # 004: vague but forward: the words are kept, no checkable date.
    ("Christmas demands and the ongoing HMICFRS PEEL inspection would be prioritised over the "
     "coming weeks before focus would return to outcomes for victims.",
     S004, None, None, "over the coming weeks", "vague"),
    # --- common in other forces' minutes -------------------------------------------------
    ("The review will be completed by 30 September 2024.",
     D(2024, 6, 1), None, D(2024, 9, 30), "by 30 September 2024", "explicit_date"),
    ("Returns to be submitted by 21/11/2022.",
     D(2022, 10, 1), None, D(2022, 11, 21), "by 21/11/2022", "explicit_date"),
    ("Returns to be submitted by 25.03.22.",
     D(2022, 3, 1), None, D(2022, 3, 25), "by 25.03.22", "explicit_date"),
    # month without a year: the next 31 March on or after the meeting.
    ("The plan will be signed off by end of March.",
     D(2022, 5, 10), None, D(2023, 3, 31), "by end of March", "month"),
    ("The plan will be signed off by May.",
     D(2022, 5, 10), None, D(2022, 5, 31), "by May", "month"),
    ("The audit will be complete by sept. 2025.",
     D(2024, 1, 10), None, D(2025, 9, 30), "by sept. 2025", "month"),
    ("Funding bids must be in no later than 1 April.",
     S004, None, D(2025, 4, 1), "no later than 1 April", "explicit_date"),
    ("The vendor confirmed delivery by March 31st, 2025.",
     S004, None, D(2025, 3, 31), "by March 31st, 2025", "explicit_date"),
    ("The start date is confirmed; training will begin by the start of April.",
     S004, None, D(2025, 4, 1), "by the start of April", "month"),
    ("Figures to be circulated by the end of the month.",
     D(2023, 2, 10), None, D(2023, 2, 28), "by the end of the month", "period_end"),
    ("The DCC will circulate the figures next month.",
     D(2023, 2, 10), None, D(2023, 3, 31), "next month", "period_end"),
    ("The force will respond within the next month.",
     D(2023, 2, 10), None, D(2023, 3, 31), "within the next month", "period_end"),
    ("The strategy will be refreshed by the end of the year.",
     D(2023, 2, 10), None, D(2023, 12, 31), "by the end of the year", "period_end"),
    ("The strategy will be refreshed later this year.",
     D(2023, 2, 10), None, D(2023, 12, 31), "later this year", "period_end"),
    ("All posts will be filled by the end of the financial year.",
     D(2023, 5, 1), None, D(2024, 3, 31), "by the end of the financial year", "period_end"),
    ("All posts will be filled by the end of the financial year.",
     D(2023, 2, 10), None, D(2023, 3, 31), "by the end of the financial year", "period_end"),
    ("The new system will go live in quarter 2.",
     S004, None, D(2025, 9, 30), "in quarter 2", "quarter"),
    ("Roll-out is planned during Q1 2025/26.",
     S004, None, D(2025, 6, 30), "during Q1 2025/26", "quarter"),
    ("Roll-out will be complete by the end of the third quarter.",
     D(2024, 5, 1), None, D(2024, 12, 31), "by the end of the third quarter", "quarter"),
    ("The ACC to report back at the next meeting.",
     S001, N001, N001, "at the next meeting", "next_meeting"),
    ("The ACC to report back at the next meeting.",
     S001, None, None, "at the next meeting", "next_meeting"),
    ("DCC to bring the evaluation to the next HTA.",
     S002, N002, N002, "to the next HTA", "next_meeting"),
    ("The force will review the policy within six months.",
     D(2023, 8, 31), None, D(2024, 2, 29), "within six months", "duration"),
    ("A draft will be shared within the next 2 weeks.",
     S004, None, D(2024, 12, 11), "within the next 2 weeks", "duration"),
    ("A draft will be shared within a fortnight.",
     S004, None, D(2024, 12, 11), "within a fortnight", "duration"),
    ("The estates review is expected by the summer.",
     D(2023, 2, 10), None, D(2023, 8, 31), "by the summer", "season"),
    ("The estates review is expected by the autumn.",
     D(2023, 2, 10), None, D(2023, 11, 30), "by the autumn", "season"),
    ("The new custody suite will open in the winter.",
     D(2023, 6, 10), None, D(2024, 2, 29), "in the winter", "season"),
    ("Body-worn video will be issued to all officers by Christmas.",
     D(2023, 2, 10), None, D(2023, 12, 25), "by Christmas", "festive"),
    ("The contract will be signed by the new year.",
     S004, None, D(2025, 1, 1), "by the new year", "festive"),
    ("The FCR to confirm by the end of this week.",
     S004, None, D(2024, 12, 1), "by the end of this week", "period_end"),
    ("The FCR to confirm by the end of next week.",
     S004, None, D(2024, 12, 8), "by the end of next week", "period_end"),
    ("The estate plan will be delivered by the end of 2025.",
     S004, None, D(2025, 12, 31), "by the end of 2025", "year"),
    ("The savings will be made by the end of 2024/25.",
     S004, None, D(2025, 3, 31), "by the end of 2024/25", "financial_year"),
    ("Recruitment will continue in the coming months.",
     S004, None, None, "in the coming months", "vague"),
    ("The inspection is due in March.",
     S004, None, D(2025, 3, 31), "due in March", "month"),
    # Action tables: a "Due:" column, a weekday before the date, a bare weekday.
    ("Due: 25.03.22",
     D(2022, 3, 1), None, D(2022, 3, 25), "Due: 25.03.22", "explicit_date"),
    ("Target date: 31 March 2025",
     S004, None, D(2025, 3, 31), "Target date: 31 March 2025", "explicit_date"),
    ("The minutes will be circulated by Friday 6th December.",
     S004, None, D(2024, 12, 6), "by Friday 6th December", "explicit_date"),
    ("Comments to the policy team by Friday.",
     S004, None, D(2024, 11, 29), "by Friday", "weekday"),
    ("Comments to the policy team by Wednesday.",
     S004, None, D(2024, 12, 4), "by Wednesday", "weekday"),
    ("The DCC will confirm next Tuesday.",
     S004, None, D(2024, 12, 3), "next Tuesday", "weekday"),
    # The rest of a period lasts until its end; a bare "year end" is the financial year's.
    ("The team will remain at its current strength for the rest of the financial year.",
     D(2023, 3, 9), None, D(2023, 3, 31), "for the rest of the financial year", "period_end"),
    ("Overtime will be capped for the remainder of the year.",
     D(2023, 5, 2), None, D(2023, 12, 31), "for the remainder of the year", "period_end"),
    ("The review will be completed by year end.",
     D(2023, 5, 2), None, D(2024, 3, 31), "by year end", "period_end"),
    ("The CFO will report the position at financial year-end.",
     D(2023, 5, 2), None, D(2024, 3, 31), "at financial year-end", "period_end"),
    # "from <month>": the start of something, when that month is the coming one.
    ("The PCC requested that the data is included in the performance pack from April.",
     D(2023, 3, 9), None, D(2023, 4, 30), "from April", "month"),
    ("The new rota will apply from 1st April.",
     D(2023, 11, 20), None, D(2024, 4, 1), "from 1st April", "explicit_date"),
    # A revised date replaces the first one, whether or not the first is already past.
    ("DCC to provide a written update by 21/11/2022 revised to 30/09/2023",
     D(2023, 6, 21), None, D(2023, 9, 30), "revised to 30/09/2023", "explicit_date"),
    ("CC to report by 31/07/2023, extended to 31/10/2023.",
     D(2023, 6, 21), None, D(2023, 10, 31), "extended to 31/10/2023", "explicit_date"),
    ("Head of Estates to present the options by the end of June, now due in September.",
     D(2023, 6, 1), None, D(2023, 9, 30), "due in September", "month"),
    ("ACC to circulate the plan by 30 June; deferred to the next meeting.",
     D(2023, 6, 1), D(2023, 7, 12), D(2023, 7, 12), "to the next meeting", "next_meeting"),
    ("Revised due date: 15/12/2023",
     D(2023, 6, 1), None, D(2023, 12, 15), "Revised due date: 15/12/2023", "explicit_date"),
    # A meeting outranks "for <month>", the subject; the named month's meeting is the next one.
    ("ACC Grant to report abstraction figures for December to the January meeting.",
     D(2023, 11, 14), D(2024, 1, 16), D(2024, 1, 16), "to the January meeting", "month_meeting"),
    ("ACC Grant to report abstraction figures for December to the January meeting.",
     D(2023, 11, 14), None, D(2024, 1, 31), "to the January meeting", "month_meeting"),
    ("The CC to bring the business case to the February meeting.",
     D(2023, 11, 14), D(2024, 1, 16), D(2024, 2, 29), "to the February meeting", "month_meeting"),
    # A bare "this year" bounding a future clause: a question's deadline, which an answer that
    # only says "it would" takes on (004; it was a negative row before answers inherited dates).
    ("The PCC asked if the force would be running Op Presence again this year.",
     S004, None, D(2024, 12, 31), "this year", "period_end"),
    # "before" a period: by the eve of its start; "week commencing": by that week's Sunday.
    ("The DCC was confident that the suite would be operational before the summer.",
     D(2023, 10, 19), None, D(2024, 5, 31), "before the summer", "season"),
    ("The report will be ready before April.",
     D(2023, 10, 19), None, D(2024, 3, 31), "before April", "month"),
    ("Body-worn video will be issued before Christmas.",
     D(2023, 2, 10), None, D(2023, 12, 24), "before Christmas", "festive"),
    ("It would go live in the week commencing 11 December.",
     D(2023, 10, 19), None, D(2023, 12, 17), "week commencing 11 December", "explicit_date"),
    # --- second blind round (decision logs) -------------------------------------------------
    # a day and month with a slash and no year, behind a strong cue: the next such day
    ("OPCC Head of Policy – draft survey questions – circulate to COG by 23/02.",
     D(2024, 2, 7), D(2024, 3, 6), D(2024, 2, 23), "by 23/02", "explicit_date"),
    ("The Head of Policy will circulate the questions by 15/01.",
     D(2023, 11, 20), None, D(2024, 1, 15), "by 15/01", "explicit_date"),
    # --- no meeting date: only phrases with their own year resolve ------------------------
    ("The review will be completed by 30 September 2024.",
     None, None, D(2024, 9, 30), "by 30 September 2024", "explicit_date"),
    ("The plan will be signed off by the end of March.",
     None, None, None, "by the end of March", "month"),
    ("ACTION: CC to provide an update at the Q3 meeting.",
     None, None, None, "at the Q3 meeting", "quarter_meeting"),
    ("The thematic audit will take place in spring 2025.",
     None, None, D(2025, 5, 31), "in spring 2025", "season"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "meeting", "next_meeting", "due", "due_text", "rule"), POSITIVE)
def test_finds_deadline(
    sentence: str, meeting: date | None, next_meeting: date | None, due: date | None, due_text: str, rule: str
) -> None:
    found = find_deadline(sentence, meeting, next_meeting)
    assert found is not None
    assert (found.due, found.due_text, found.rule) == (due, due_text, rule)
    assert sentence[found.start : found.end] == found.due_text


# (sentence, meeting_date): dates and time words that are not deadlines.
NEGATIVE: list[tuple[str, date | None]] = [
    # --- second blind round: a day/month pair without a strong cue is a reference or a ratio ---
    ("• 02/24 DoF – overtime forecast to PCC.", D(2024, 2, 7)),
    ("Room 2.14, Force HQ, and a 3/4 majority on 12/03 votes.", D(2024, 2, 7)),
    # --- seeds ---------------------------------------------------------------------------
    # 004: publication date, introduced by "on" in a past clause ("by" belongs to the agent).
    ("The PCC asked for reassurance regarding how the Force were going to deliver the "
     "recommendations set out in the “Police Response to Anti-Social Behaviour” which was "
     "published by the HMICFRS on the 10th of October.", S004),
    # 002: past event with a weak cue.
    ("The RASSO scrutiny panel provides a more formal basis to review cases, and met for the "
     "first time in November.", S002),
    # 002: past scheduling between two dates.
    ("The ACC confirmed that training had been scheduled between September 2022 – February 2023 "
     "with 6 sessions in total.", S002),
    # 002: a previous meeting.
    ("The PCC has raised specialist RASSO training as part of a previous HTA in August.", S002),
    # 001: past "in September", though the sentence later has "would".
    ("The PCC originally raised this issue in September and sought further reassurance that the "
     "impact on service users would be limited if further funding is not available.", S001),
    # 001: funding "until" a month is a fact about money, not a promise.
    ("The force received additional funding from the Ministry of Justice until October 22 to help "
     "with additional demand in the Witness Care Unit.", S001),
    # 001: a conditional in the past perfect.
    ("The CC said that the force were hopeful to receive funding from the MoJ but if the backlog "
     "hadn't significantly reduced by October additional funding would need to be sought.", S001),
    # 001: financial year of a budget.
    ("As part of the budget investment for 22/23, an uplift has been provided for the "
     "investigations function.", S001),
    # 001: "towards the end of" describes a profile, not a deadline.
    ("The PCC highlighted data that shows 22/23 uplift will mainly be delivered towards the end "
     "of the financial year.", S001),
    # 003: back-references to earlier meetings.
    ("1.1 Action arising from the May 2019 meeting (and deferred in advance of the \n"
     "November 2019 meeting):", S003),
    # 004 and 002: look-backs over a period.
    ("It was noted that victim satisfaction over the last 12 months had seen minor reduction in "
     "improvement.", S004),
    ("The force has had several different tactical leads for rape and serious sexual offences "
     "(RASSO) over the last 12 months.", S002),
    # 004: a quarter already reported.
    ("Positive outcomes stand at 13.3% at the end of Q2, an improvement of 1 percentage point on "
     "the same period last year.", S004),
    ("Discussions progressed to 999 call handling, and the T/CC stated that there had been a slow "
     "but steady improvement seen in quarter 2, however there was still some improvement work to "
     "be done.", S004),
    ("The T/CC highlighted positively that total recorded crime had seen a 9% reduction so far "
     "this year.", S004),
    # 002 and 000: years in comparisons and listings.
    ("West Mercia is 1 of a small no. of forces whose CPS referral rates for rape cases is higher "
     "than in 2016.", S002),
    ("  • Court cases being listed into 2025", S000),
    ("The CC commented that listing cases to the backend of 24-25 doesn’t feel like a functioning "
     "system.", S000),
    ("The CC confirmed video call response had been live for 2 years in Kent Police and subject "
     "to thorough evaluation.", S002),
    ("The force approach will be further reinforced through the 5 VAWG coordinators funded "
     "through the 2022/23 budget.", S002),
    ("The PCC asked when it would be most effective to review progress as part of the 2023/24 "
     "holding to account cycle.", S002),
    # 002: a future fact with no forward cue before it is description, not a deadline.
    ("The changes to the Out of Court Disposal Framework in April 2023 will provide an "
     "opportunity to raise awareness.", S002),
    # 000: "due" without a time.
    ("The CC highlighted that the review is due to be finalised and she is looking forward to "
     "revisiting the key performance indicators.", S000),
    ("Updates and exception reports will be linked to the bi-monthly meetings the ACC chairs.", S000),
    # Next-meeting lines and headings (000, 001, 003).
    ("Friday 31st March 2023", S000),
    ("Thursday 5 th May", S001),
    ("Monday 20th January 2020 at 19:00.", S003),
    ("Confirmation of next meeting type/ date/ time / venue:", S000),
    ("Date: Wednesday 27th November – 10:00hrs", S004),
    # --- common in other forces' minutes -------------------------------------------------
    ("As agreed at the May meeting, the force provided an update.", S004),
    ("Vacancies were filled in June.", S004),
    ("The backlog had already been cleared by the end of March.", D(2024, 2, 1)),
    ("The force may review this approach in future.", S004),
    ("The force will report by 1 March 2024.", S004),  # already past at the meeting
    ("The PCC thanked the force for the report.", S004),
    ("The panel met on Tuesday and agreed the terms of reference.", S004),
    ("Crime fell by 13.3% in the 12 months to March.", S004),
    # "from": a span, a month just gone, a source of data.
    ("The pilot will run from April to June.", D(2023, 3, 1)),
    ("The pack will include the data from April.", D(2023, 6, 20)),
    ("The force will compare figures from 2019.", S004),
    ("The force will use the data from Q2.", S004),
    # "year end" in a past clause; "the rest of" a past period.
    ("The budget had been balanced at year end.", S004),
    ("Demand had been high for the rest of the year.", S004),
    # a bare "this year" looking back
    ("The force will report that crime had fallen by 9% so far this year.", S004),
    ("Training took place in the week commencing 4 September.", D(2023, 10, 19)),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "meeting"), NEGATIVE)
def test_no_deadline(sentence: str, meeting: date | None) -> None:
    assert find_deadline(sentence, meeting) is None


@pytest.mark.parametrize(
    ("q", "on_or_after", "expected"),
    [
        (1, D(2024, 3, 31), D(2024, 6, 30)),
        (1, D(2024, 7, 1), D(2025, 6, 30)),
        (2, D(2024, 9, 30), D(2024, 9, 30)),  # the last day itself is still on time
        (3, S004, D(2024, 12, 31)),
        (4, S004, D(2025, 3, 31)),
        (4, D(2025, 2, 1), D(2025, 3, 31)),
    ],
)
def test_financial_quarter_end(q: int, on_or_after: date, expected: date) -> None:
    assert financial_quarter_end(q, on_or_after) == expected


def test_financial_quarter_end_rejects_bad_quarter() -> None:
    with pytest.raises(ValueError, match="1-4"):
        financial_quarter_end(5, S004)


def test_first_phrase_wins() -> None:
    sentence = "The DCC to report at the next meeting, and to finish the work by the end of March."
    found = find_deadline(sentence, S001, N001)
    assert found == Deadline(N001, "at the next meeting", 18, 37, "next_meeting")


def test_deadline_is_frozen() -> None:
    found = find_deadline("Due by 1 April 2025.", S004)
    assert found is not None
    with pytest.raises(AttributeError):
        found.due = None  # type: ignore[misc]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "for <financial year>" names what the plan covers; the other phrase says when
        (
            "Chief Officers will present a savings plan for 2026/27 to the Commissioner in the autumn.",
            date(2025, 11, 30),
        ),
        (
            "Her office would publish its commissioning intentions for 2025/26 in December.",
            date(2025, 12, 31),
        ),
        # "for the rest of the year" is itself the deadline
        ("The force will hold recruitment for the rest of the financial year.", date(2025, 3, 31)),
    ],
)
def test_for_a_period_is_the_subject_when_another_phrase_says_when(sentence: str, expected: date) -> None:
    found = find_deadline(sentence, date(2025, 3, 12))
    assert found is not None and found.due == expected
