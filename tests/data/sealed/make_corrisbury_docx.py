"""Generate corrisbury_governance_board.docx, a made-up sealed blind fixture.

Every name, place and figure is invented. The document is written as a Word
file: numbered minute paragraphs and an appendix action tracker held in a real
Word table. Run from the repository root:

    /work/venv/bin/python tests/data/sealed/make_corrisbury_docx.py

The output is committed; regenerate only together with
tests/data/annotations/blind5.jsonl.
"""

import datetime
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = Path(__file__).with_name("corrisbury_governance_board.docx")

HEADER = [
    "OFFICIAL",
    "POLICE AND CRIME COMMISSIONER FOR CORRISBURY",
    "STRATEGIC GOVERNANCE BOARD",
    "MINUTES",
]

META = [
    ("DATE OF MEETING", "Tuesday 19 November 2024"),
    ("TIME OF MEETING", "14:00 – 16:45"),
    ("LOCATION", "Conference Room 3, Force Headquarters, Langthorne Road, Pellingham"),
]

ATTENDANCE = [
    ("In attendance – Office of the Police and Crime Commissioner (OPCC): ",
     "Deborah Farrant, Police and Crime Commissioner (PCC) – Chair; Reuben Osei, Deputy "
     "Police and Crime Commissioner (DPCC); Alison Pryce, Chief Executive (CEO); Gavin Lusk, "
     "Chief Finance Officer (CFO); Lorna Beck, Governance Officer (minutes)."),
    ("In attendance – Corrisbury Constabulary: ",
     "Helen Mardle, Chief Constable (CC); Stuart Kerrigan, Deputy Chief Constable (DCC); "
     "Rowena Venn, Assistant Chief Constable (ACC); Adrian Colebrook, Director of Finance and "
     "Resources (DoFR); T/Supt Gethin Jones, Head of Contact Management (for item 5)."),
    ("Apologies: ", "Kate Ormond, Head of Corporate Communications."),
]

# (heading, [paragraphs]) – paragraph numbers are typed into the text, as in the
# published minutes this layout follows.
ITEMS = [
    ("1. APOLOGIES AND DECLARATIONS OF INTEREST", [
        "1.1 The PCC welcomed everyone to the meeting. Apologies were received from Kate "
        "Ormond, Head of Corporate Communications.",
        "1.2 No declarations of interest were made.",
    ]),
    ("2. MINUTES OF THE PREVIOUS MEETING AND REVIEW OF ACTIONS", [
        "2.1 The minutes of the meeting held on 17 September 2024 were agreed as an accurate "
        "record, subject to one amendment at paragraph 6.4, where the figure for neighbourhood "
        "abstraction should read 17% and not 11%.",
        "2.2 The Board reviewed the action tracker. SGB/24/22, SGB/24/30 and SGB/24/33 were "
        "agreed as closed. The updated tracker is attached at Appendix A.",
    ]),
    ("3. ANNOUNCEMENTS FROM THE COMMISSIONER", [
        "3.1 The PCC reported that she had met the Minister of State for Policing on 6 November "
        "together with the other commissioners in the region, and had raised the cost of "
        "policing the Wyre estuary ports. She had also attended the Corrisbury Youth "
        "Commission's annual conference, where young people had again identified knife crime "
        "and online harms as their main concerns.",
        "3.2 The PCC informed the Board that her office would publish its victims' services "
        "commissioning intentions for 2025/26 in December, following the recommissioning of "
        "the independent sexual violence adviser service.",
        "3.3 The DPCC reported on his visits to the rural policing hubs at Marwick and Steeple "
        "Ashby, where he had heard strong praise for the rural crime team but also frustration "
        "about 101 waiting times.",
    ]),
    ("4. ANNOUNCEMENTS FROM THE CHIEF CONSTABLE", [
        "4.1 The CC reported that the HMICFRS PEEL report had been published on 30 October. The "
        "force had been graded 'adequate' in four areas and 'requires improvement' in three, "
        "and an accelerated cause of concern had been raised about crime data integrity.",
        "4.2 The CC confirmed that the force would submit its improvement plan for the crime "
        "data integrity cause of concern to HMICFRS within 28 days.",
        "4.3 The PCC asked whether the Chief Constable would be able to attend the Police and "
        "Crime Panel's public meeting in Hexley on 12 December, where the PEEL report was on "
        "the agenda. The CC said she would attend the Panel meeting alongside the PCC.",
        "4.4 The CC also paid tribute to PC Amrit Dhillon and Special Constable Joe Tarrant, "
        "who had been commended by the Royal Humane Society for a river rescue at Pellingham "
        "weir in October.",
    ]),
    ("5. STRATEGIC PRIORITY: CONTACT MANAGEMENT", [
        "5.1 T/Supt Jones presented the contact management performance report. 999 calls "
        "answered within ten seconds had improved from 79% in June to 88% in October, against "
        "the national standard of 90%. The average time to answer 101 calls had fallen to six "
        "minutes and forty seconds, but the abandonment rate remained high at 24%.",
        "5.2 The PCC asked when the national standard would be met. T/Supt Jones responded that "
        "eleven new call handlers had started in October and were now in tutorship; he was "
        "confident that 90% would be reached by the end of Q4.",
        "5.3 The PCC asked for a breakdown of 101 abandoned calls by time of day and day of the "
        "week, so that rostering could be compared with demand (Action: T/Supt Jones – "
        "March 2025).",
        "5.4 The DPCC sought reassurance that every abandoned 999 call would be called back. "
        "T/Supt Jones explained that all abandoned 999 calls were already called back, normally "
        "within 15 minutes, and that compliance was checked daily by the duty inspector.",
        "5.5 T/Supt Jones added that the new online reporting portal would go live in the week "
        "commencing 3 February 2025 and would let members of the public track the progress of "
        "their report.",
        "5.6 The PCC sought reassurance that the portal would be accessible to people with "
        "disabilities and to those whose first language was not English. T/Supt Jones said that "
        "the portal had been tested with the Corrisbury Disability Forum and already supported "
        "eight community languages.",
        "5.7 The Board noted the report.",
    ]),
    ("6. STRATEGIC PRIORITY: NEIGHBOURHOOD POLICING AND ANTI-SOCIAL BEHAVIOUR", [
        "6.1 ACC Venn presented the neighbourhood policing update. Abstraction of neighbourhood "
        "officers to response duties had fallen to 14% in the quarter, and 92% of neighbourhood "
        "teams were at or above their funded establishment.",
        "6.2 The PCC asked the ACC to explain the 23% rise in reported anti-social behaviour in "
        "Hexley town centre since the summer. The ACC responded that a joint problem-solving "
        "plan had been agreed with Hexley District Council in September, that dispersal orders "
        "had been used on six occasions, and that the force was exploring with the council "
        "whether a Public Spaces Protection Order would help.",
        "6.3 The ACC said she would write to the PCC setting out the results of the Hexley plan "
        "by 28th February.",
        "6.4 The PCC asked that consideration be given to publishing ward-level ASB data on the "
        "force website, so that residents could see what was being done in their area.",
        "6.5 The DPCC commented that rural communities consistently told him they wanted to see "
        "more of their PCSOs, and that parish councils valued the monthly beat surgeries.",
        "6.6 The ACC advised that the force aimed to have every rural ward covered by a named "
        "PCSO by the summer, subject to the spring recruitment intake.",
        "6.7 The Board noted the update.",
    ]),
    ("7. FINANCE: MONTH 6 BUDGET MONITORING", [
        "7.1 The DoFR presented the month 6 budget monitoring report. The revenue budget was "
        "forecast to overspend by £1.4m, mainly as a result of overtime associated with the "
        "summer disorder and the policing of the Wyre ports. The capital programme was "
        "forecast to underspend by £3.2m because of slippage on the Pellingham custody suite "
        "and on fleet replacement.",
        "7.2 The PCC asked how the overspend would be recovered. The DoFR responded that a "
        "recovery plan had been agreed by chief officers and that he expected the position to "
        "be balanced by year end.",
        "7.3 The PCC requested sight of the overtime recovery plan before it was implemented "
        "(Action: DoFR – 06/12/24).",
        "7.4 The CFO reported that the provisional police funding settlement was not expected "
        "until the week before Christmas, which left little time to prepare the precept "
        "proposal. Members noted the risk that the 2025 pay award might not be fully funded.",
    ]),
    ("8. STRATEGIC PRIORITY: RAPE AND SERIOUS SEXUAL OFFENCES", [
        "8.1 The DCC presented the quarterly RASSO update. The charge rate for adult rape had "
        "risen to 7.8% in the twelve months to September, compared with 5.1% a year earlier, "
        "and the average time from report to charge had fallen to 312 days.",
        "8.2 The PCC asked whether all investigators in the RASSO team would have completed "
        "the Operation Soteria learning programme by the end of January 2025. The DCC responded "
        "that he was confident this would be achieved.",
        "8.3 The DCC said that the findings of the independent review of the victim journey, "
        "which the force had commissioned jointly with the OPCC, would be shared with the PCC "
        "in the New Year.",
        "8.4 The DPCC asked to receive a copy of the revised victim care standards once they "
        "had been approved by the Force Executive Board.",
        "8.5 The DPCC added that he wanted confidence that victims were being updated within "
        "the timescales set out in the Victims' Code, as complaints to his office suggested "
        "otherwise. The DCC acknowledged the concern and explained that compliance was "
        "audited monthly.",
    ]),
    ("9. CUSTODY HEALTHCARE CONTRACT REVIEW", [
        "9.1 The DCC presented the outcome of the custody healthcare contract review "
        "(SGB/24/22). The review had found that the provider had met its response time "
        "targets in 97% of cases, but that mental health assessments were frequently delayed "
        "overnight. The PCC thanked the DCC for a thorough piece of work.",
        "9.2 It was agreed that the DCC would bring the performance measures for the new "
        "custody healthcare contract to the Board in April.",
    ]),
    ("10. ANY OTHER BUSINESS", [
        "10.1 The CEO reported that the Police and Crime Plan public consultation had closed on "
        "8 November with 2,140 responses, and that a summary of the responses had been "
        "circulated to members.",
        "10.2 The CC informed the Board that the force had submitted its bid to the Home Office "
        "Safer Streets Fund on 14 November.",
    ]),
    ("11. DATE OF NEXT MEETING", [
        "11.1 The next meeting of the Board will be held on Tuesday 21 January 2025 at 14:00 in "
        "Conference Room 3, Force Headquarters.",
    ]),
]

TRACKER_HEAD = ["Ref", "Date raised", "Action", "Owner", "Due date", "Update", "Status"]
TRACKER = [
    ["SGB/24/22", "16/07/2024", "Present the outcome of the custody healthcare contract review",
     "DCC", "19/11/2024", "Presented at this meeting (item 9).", "Closed"],
    ["SGB/24/25", "16/07/2024", "Agree a revised reserves strategy for 2025/26 onwards",
     "CFO / DoFR", "30/09/2024",
     "Awaiting the provisional settlement. Revised date: 31/03/2025.", "Open"],
    ["SGB/24/29", "17/09/2024", "Publish the stop and search scrutiny panel annual report",
     "ACC", "31/10/2024", "Design work delayed; now due 14/02/25.", "Open"],
    ["SGB/24/30", "17/09/2024", "Provide the Board with the firearms licensing backlog trajectory",
     "ACC", "31/10/2024", "Trajectory circulated 05/11/2024.", "Complete"],
    ["SGB/24/32", "17/09/2024", "Arrange a Board visit to the new Pellingham custody suite",
     "CEO", "20.12.2024", "Date being agreed with the custody provider.", "Open"],
    ["SGB/24/33", "17/09/2024",
     "Share the draft Police and Crime Plan performance framework with chief officers",
     "CEO", "31/10/2024", "Shared 28/10/2024.", "Closed"],
    ["SGB/24/34", "17/09/2024",
     "Review the use of body-worn video at domestic abuse incidents and report findings",
     "DCC", "31.1.2025", "Review under way; on track.", "Open"],
    ["SGB/24/35", "17/09/2024", "Report on fleet replacement slippage and its operational impact",
     "DoFR", "19/11/2024", "Deferred to the January meeting.", "Open"],
]


def main() -> None:
    doc = docx.Document()
    doc.core_properties.author = "OPCC Corrisbury"
    doc.core_properties.title = "Strategic Governance Board minutes 19 November 2024"
    doc.core_properties.created = datetime.datetime(2024, 11, 22, 9, 0, 0)
    doc.core_properties.modified = datetime.datetime(2024, 11, 22, 9, 0, 0)
    doc.core_properties.revision = 1
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)

    for i, line in enumerate(HEADER):
        p = doc.add_paragraph()
        run = p.add_run(line)
        run.bold = i > 0
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if i else WD_ALIGN_PARAGRAPH.RIGHT

    for label, value in META:
        p = doc.add_paragraph()
        p.add_run(label + ": ").bold = True
        p.add_run(value)

    for label, value in ATTENDANCE:
        p = doc.add_paragraph()
        p.add_run(label).bold = True
        p.add_run(value)

    for heading, paras in ITEMS:
        p = doc.add_paragraph()
        p.add_run(heading).bold = True
        for text in paras:
            doc.add_paragraph(text)

    doc.add_page_break()
    p = doc.add_paragraph()
    p.add_run("APPENDIX A – STRATEGIC GOVERNANCE BOARD ACTION TRACKER (as at 19 November 2024)").bold = True
    doc.add_paragraph(
        "Actions carried forward from previous meetings. Actions arising at this meeting are "
        "recorded in the minutes above.")
    table = doc.add_table(rows=1, cols=len(TRACKER_HEAD))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, TRACKER_HEAD):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in TRACKER:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text

    doc.add_paragraph("")
    doc.add_paragraph("Signed as a true record: ……………………………… (Chair)    Date: ………………")
    doc.save(OUT)


if __name__ == "__main__":
    main()
