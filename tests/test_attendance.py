"""Attendance lines in every shape of DESIGN.md section 4, one row per shape seen."""

from __future__ import annotations

import pytest

from promises.ingest.attendance import parse_attendance
from promises.ingest.segmentation import split_lines

# (lines, [(name, role title, role abbrev, abbrev, acting, apologies)])
CASES = [
    # bullets with comma (West Mercia 2023)
    (
        "• John Campion, Police and Crime Commissioner (PCC)",
        [("John Campion", "Police and Crime Commissioner", "PCC", "PCC", False, False)],
    ),
    # hyphen glued to the name and a "T/ " acting prefix (West Mercia 2024)
    (
        "- Richard Cooper-T/ Chief Constable (T/CC)",
        [("Richard Cooper", "Chief Constable", "CC", "T/CC", True, False)],
    ),
    (
        "- Rachel Jones -T/ Deputy Chief Constable (T/DCC)",
        [("Rachel Jones", "Deputy Chief Constable", "DCC", "T/DCC", True, False)],
    ),
    # en dash and initials as the abbreviation (West Mercia 2022)
    (
        "• Claire Richardson – Head of Policy & Commissioning (CR)",
        [("Claire Richardson", "Head of Policy & Commissioning", "", "CR", False, False)],
    ),
    # no separator at all (West Mercia 2022)
    (
        "• John Campion Police and Crime Commissioner (PCC)",
        [("John Campion", "Police and Crime Commissioner", "PCC", "PCC", False, False)],
    ),
    # Name (INITIALS) – Role (other forces)
    ("• Jane Doe (JD) – Head of Estates", [("Jane Doe", "Head of Estates", "", "JD", False, False)]),
    # rank before name (other forces)
    (
        "Attendance:\n• Supt Mark Dunn – Shropshire LPA Commander",
        [("Mark Dunn", "Shropshire LPA Commander", "", "", False, False)],
    ),
    # table row split by tabs (West Mercia 2022, from a Word table)
    (
        "Attendance:\tPippa Mills\tChief Constable (CC)",
        [("Pippa Mills", "Chief Constable", "CC", "CC", False, False)],
    ),
    # flattened two-column table: names first, then roles, then apologies (West Mercia 2020)
    (
        "Attendance:\n\nJohn Campion\nAnthony Bangham\n\n"
        "Police and Crime Commissioner (PCC)\nChief Constable (CC)\n\n"
        "Apologies: Tracey Onslow\n\nDeputy Police and Crime Commissioner (DPCC)",
        [
            ("John Campion", "Police and Crime Commissioner", "PCC", "PCC", False, False),
            ("Anthony Bangham", "Chief Constable", "CC", "CC", False, False),
            ("Tracey Onslow", "Deputy Police and Crime Commissioner", "DPCC", "DPCC", False, True),
        ],
    ),
    # accented given names and a hyphenated surname before a comma (Welsh boards)
    (
        "PRESENT: Alun Rhys-Morgan, Police and Crime Commissioner (PCC); "
        "Siân Prydderch, Chief Constable (CC)",
        [
            ("Alun Rhys-Morgan", "Police and Crime Commissioner", "PCC", "PCC", False, False),
            ("Siân Prydderch", "Chief Constable", "CC", "CC", False, False),
        ],
    ),
    # one line of "Name (Role – ABBR)" entries, commas inside the brackets too (other forces)
    (
        "Members: Ann Lee (Police, Fire and Crime Commissioner – PFCC), Cath Bligh (Chief Constable – CC)\n"
        "Officers: Owen Maddox (Chief Finance Officer, OPFCC – CFO), Supt Laura Hale (Head of Contact)",
        [
            ("Ann Lee", "Police, Fire and Crime Commissioner", "PFCC", "PFCC", False, False),
            ("Cath Bligh", "Chief Constable", "CC", "CC", False, False),
            ("Owen Maddox", "Chief Finance Officer", "CFO", "CFO", False, False),
            ("Laura Hale", "Head of Contact", "", "", False, False),
        ],
    ),
    # council web page: a long labelled "Present:" sentence, "Name, Role" pairs in one comma
    # list with "and" before the last, an "(OPCC)" that names the side, not an abbreviation
    (
        "Present: Councillor Margaret Ellery (Chair), Cllr Alan Fothergill, Councillor Beth Kinsey and "
        "Mr Graham Oduya (Independent Co-opted Member).\n"
        "Also present: Sarah Lockwood, Police and Crime Commissioner, Andrew Pell, Chief Executive (OPCC), "
        "Victor Hale, Chief Constable.",
        [
            ("Margaret Ellery", "Chair", "", "", False, False),
            ("Alan Fothergill", "Cllr", "", "", False, False),
            ("Beth Kinsey", "Councillor", "", "", False, False),
            ("Graham Oduya", "Independent Co-opted Member", "", "", False, False),
            ("Sarah Lockwood", "Police and Crime Commissioner", "PCC", "PCC", False, False),
            ("Andrew Pell", "Chief Executive", "CEO", "CEO", False, False),
            ("Victor Hale", "Chief Constable", "CC", "CC", False, False),
        ],
    ),
    # decision log: a note-taker marker after the role; "Attending for item 5:" is a label
    (
        "Present: Helen Carver (PCC); Tom Fairley (OPCC Head of Policy) – notes\n"
        "Attending for item 5: Supt Ian Walsh (Head of Estates)",
        [
            ("Helen Carver", "Police and Crime Commissioner", "PCC", "PCC", False, False),
            ("Tom Fairley", "OPCC Head of Policy", "", "", False, False),
            ("Ian Walsh", "Head of Estates", "", "", False, False),
        ],
    ),
    # role first, then the name ("Role – Name (ABBR)"); "Note taker:" is a label of its own
    (
        "Attendees: Commissioner – Philippa Rowe (PCC); Chief Constable – Dominic Hartley (CC); "
        "Director of People – Liam Corbett\nNote taker: Ellie Shaw (OPCC)",
        [
            ("Philippa Rowe", "Police and Crime Commissioner", "PCC", "PCC", False, False),
            ("Dominic Hartley", "Chief Constable", "CC", "CC", False, False),
            ("Liam Corbett", "Director of People", "", "", False, False),
            ("Ellie Shaw", "", "", "", False, False),
        ],
    ),
    # two columns side by side, entries wrapping within their column (pdftotext -layout)
    (
        "PRESENT                                   IN ATTENDANCE\n"
        "Joanna Whitcombe – Police and Crime       Matthew Crane – Chief Constable (CC)\n"
        "Commissioner (PCC)                        Elaine Forsyth – T/Deputy Chief Constable\n"
        "Hannah Okoro – Chief Executive, OPCC      (T/DCC)\n"
        "(CEO)                                     Paul Lindqvist – Head of Crime",
        [
            ("Joanna Whitcombe", "Police and Crime Commissioner", "PCC", "PCC", False, False),
            ("Hannah Okoro", "Chief Executive", "CEO", "CEO", False, False),
            ("Matthew Crane", "Chief Constable", "CC", "CC", False, False),
            ("Elaine Forsyth", "Deputy Chief Constable", "DCC", "T/DCC", True, False),
            ("Paul Lindqvist", "Head of Crime", "", "", False, False),
        ],
    ),
    # an office's title as a rank before the name; a bare office abbreviation as the role;
    # a role first with the side in brackets; the fire-and-rescue commissioner's title
    (
        "Present:\nDeputy Chief Constable Louise Hartley (DCC)\n"
        "T/Assistant Chief Constable Jon Reid (T/ACC)\nAndrew Pike – CC\nSarah Cole, CFO\n"
        "Chief Executive (OPCC) – Julie Barnes\nGillian Rowe (GR) – Police, Fire and Crime Commissioner",
        [
            ("Louise Hartley", "Deputy Chief Constable", "DCC", "DCC", False, False),
            ("Jon Reid", "Assistant Chief Constable", "ACC", "T/ACC", True, False),
            ("Andrew Pike", "Chief Constable", "CC", "CC", False, False),
            ("Sarah Cole", "Chief Finance Officer", "CFO", "CFO", False, False),
            ("Julie Barnes", "Chief Executive", "CEO", "CEO", False, False),
            ("Gillian Rowe", "Police, Fire and Crime Commissioner", "PFCC", "GR", False, False),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_attendance_shapes(text: str, expected: list[tuple[str, str, str, str, bool, bool]]) -> None:
    found = parse_attendance(split_lines(text), "f.txt")
    got = [(a.name, a.role_title, a.role_abbrev, a.abbrev, a.acting, a.apologies) for a in found]
    assert got == expected


def test_spans_point_at_the_line() -> None:
    text = "Attendance\n  • Pippa Mills – Chief Constable (CC)\n"
    [attendee] = parse_attendance(split_lines(text), "f.txt")
    assert text[attendee.span.start : attendee.span.end] == "Pippa Mills – Chief Constable (CC)"


def test_header_fields_are_not_people() -> None:
    text = "- Venue West Mercia Police HQ\n- Chair: John Campion\n• Pippa Mills – Chief Constable (CC)"
    assert [a.name for a in parse_attendance(split_lines(text), "f")] == ["Pippa Mills"]


def test_spans_of_an_entry_wrapped_in_its_column_point_at_its_first_piece() -> None:
    text = (
        "PRESENT                                   IN ATTENDANCE\n"
        "Joanna Whitcombe – Police and Crime       Matthew Crane – Chief Constable (CC)\n"
        "Commissioner (PCC)                        Paul Lindqvist – Head of Crime\n"
    )
    found = {a.name: text[a.span.start : a.span.end] for a in parse_attendance(split_lines(text), "f.txt")}
    assert found["Joanna Whitcombe"] == "Joanna Whitcombe – Police and Crime"
    assert found["Matthew Crane"] == "Matthew Crane – Chief Constable (CC)"


def test_a_web_page_banner_is_not_a_person() -> None:
    text = (
        "Skip to main content\nBrackenshire County Council\nHome\nBrackenshire Police and Crime Panel\n"
        "Present: Councillor Margaret Ellery (Chair), Cllr Tom Radwell, Councillor Priya Sandhu and others "
        "who are named here.\nAlso present: Sarah Lockwood, Police and Crime Commissioner, Victor Hale, "
        "Chief Constable."
    )
    names = [a.name for a in parse_attendance(split_lines(text), "f")]
    assert "Brackenshire County Council" not in names
    assert {"Sarah Lockwood", "Victor Hale"} <= set(names)


def test_a_name_like_venue_line_does_not_end_the_header_before_the_attendees() -> None:
    text = (
        "HOLDING TO ACCOUNT MEETING\nWednesday 12 March 2025\nVia Microsoft Teams\n\n"
        "1. Welcome and introductions\n\nAttendees:\nPCC Joanna Barnsley (JB)\n"
        "Kamran Malik (KM), Chief Executive, OPCC\n\nJB welcomed everyone to the meeting and thanked "
        "the Force for the papers, which had been received a week in advance.\n"
    )
    found = parse_attendance(split_lines(text), "f.txt")
    assert [(a.name, a.role_abbrev, a.abbrev) for a in found] == [
        ("Joanna Barnsley", "PCC", "JB"),
        ("Kamran Malik", "CEO", "KM"),
    ]
