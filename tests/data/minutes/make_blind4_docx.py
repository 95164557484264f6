"""Rebuild the blind4 Word fixture: kestrelmoor_accountability_board.docx.

A made-up Accountability Board minute (every name, place and figure invented) with real Word
tables (attendance, review of previous actions, summary of actions arising), written for the
blind4 test round and annotated in tests/data/annotations/blind4.jsonl before any extraction
run. Run with the project's Python (python-docx required):

    python tests/data/minutes/make_blind4_docx.py
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = Path(__file__).with_name("kestrelmoor_accountability_board.docx")


def table(doc, header, rows, widths=None):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for row in rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    doc.add_paragraph()
    return t


def minute(doc, number, title):
    p = doc.add_paragraph()
    run = p.add_run(f"{number}. {title}")
    run.bold = True


def para(doc, text):
    return doc.add_paragraph(text)


def action(doc, text):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = True
    return p


def build() -> None:
    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)

    for line in (
        "OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR KESTRELMOOR",
        "ACCOUNTABILITY BOARD",
    ):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(line)
        r.bold = True
        r.font.size = Pt(14)
    p = doc.add_paragraph(
        "MINUTES of the meeting held in Conference Room A, Force Headquarters, Moor Lane, "
        "Hallowby on Tuesday 19 November 2024 at 10:00"
    )
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "Classification: OFFICIAL. Approved for publication; Part 2 items are not published.")

    action(doc, "PRESENT")
    table(
        doc,
        ["Name", "Role"],
        [
            ["Helen Varley", "Police and Crime Commissioner (PCC) – Chair"],
            ["Marcus Oyelowo", "Deputy Police and Crime Commissioner (DPCC)"],
            ["Sian Ferris", "Chief Executive, OPCC (CEO)"],
            ["Tobias Grant", "Chief Finance Officer, OPCC (CFO)"],
            ["Andrew Maclean", "Chief Constable (CC)"],
            ["Priya Raman", "Deputy Chief Constable (DCC)"],
            ["Liam Hartigan", "Assistant Chief Constable, Local Policing (ACC)"],
            ["Kerry Osei", "Temporary Assistant Chief Constable, Crime and Vulnerability (T/ACC)"],
            ["Rebecca Tull", "Director of Finance, Kestrelmoor Police (DoF)"],
            ["Nadia Brook", "Head of Corporate Communications"],
        ],
    )
    para(
        doc,
        "IN ATTENDANCE: Owen Price, Governance Officer, OPCC (minutes); Inspector Gemma Lund, "
        "Staff Officer to the Chief Constable (observing).",
    )
    para(doc, "APOLOGIES: Ian Cresswell, Head of Estates and Facilities.")

    minute(doc, 142, "WELCOME, APOLOGIES AND DECLARATIONS OF INTEREST")
    para(
        doc,
        "The PCC opened the meeting and welcomed T/ACC Osei to her first Board since taking up "
        "the temporary post in October. Apologies were noted as above. No declarations of "
        "interest were made in respect of any item on the agenda.",
    )

    minute(doc, 143, "MINUTES OF THE MEETING HELD ON 17 SEPTEMBER 2024")
    para(
        doc,
        "The minutes were agreed as an accurate record, subject to one correction: in minute "
        "136 the number of firearms certificate renewals processed in August should read 1,146 "
        "and not 1,416. The published version has since been corrected.",
    )

    minute(doc, 144, "REVIEW OF PREVIOUS ACTIONS")
    para(
        doc,
        "The Board went through the action log. The position agreed for each action is set out "
        "in the table below. Actions recorded as complete, closed or discharged will be removed "
        "from the log once these minutes are approved.",
    )
    table(
        doc,
        ["Ref", "Action", "Owner", "Due", "Status"],
        [
            [
                "A19/24",
                "Provide a breakdown of stop and search outcomes by ethnicity for Q1 2024/25",
                "DCC",
                "19/11/2024",
                "Complete – circulated to Board members on 4 November.",
            ],
            [
                "A20/24",
                "Circulate the refreshed Estates Strategy to Board members",
                "Head of Estates and Facilities",
                "31/10/2024",
                "Closed – circulated 22 October.",
            ],
            [
                "A21/24",
                "Present the business case for replacing the roof of the Hallowby custody suite",
                "DoF",
                "19/11/2024",
                "Open – deferred to the January Board (21/01/2025) pending the final condition survey.",
            ],
            [
                "A22/24",
                "Share the draft rural crime strategy with the DPCC for comment",
                "ACC",
                "31/10/2024",
                "Closed – comments received and incorporated.",
            ],
            [
                "A24/24",
                "Report on the take-up of the occupational health wellbeing offer by response officers",
                "DCC",
                "19/11/2024",
                "Open – revised date 31/03/2025 (a full quarter of data is needed).",
            ],
            [
                "A25/24",
                "Confirm the delivery timetable for the replacement body-worn video cameras",
                "T/ACC",
                "30/11/2024",
                "Open – supplier confirmation awaited; on track.",
            ],
            [
                "A26/24",
                "Publish the PCC's response to the HMICFRS PEEL report",
                "CEO",
                "31/10/2024",
                "Discharged – published on the OPCC website on 28 October.",
            ],
            [
                "A27/24",
                "Provide 101 abandonment rates broken down by time of day",
                "Head of Contact Management",
                "19/11/2024",
                "Open – carried forward to the next meeting.",
            ],
        ],
    )
    para(
        doc,
        "On A21/24 the DoF explained that the condition survey had found more extensive water "
        "damage than first thought, and that the revised costs had been built into the draft paper. "
        "The PCC agreed that A27/24 should stay on the log until the Head of Contact Management "
        "was able to attend the Board in person. The DCC noted that the wellbeing data for A24/24 "
        "had been delayed by the move to the new occupational health provider in October.",
    )

    minute(doc, 145, "CHIEF CONSTABLE'S UPDATE")
    para(
        doc,
        "The CC briefed the Board on significant operational matters since the last meeting. "
        "The policing operation for the Hallowby Autumn Fair had passed without serious "
        "incident, and he thanked the DPCC for attending the multi-agency debrief. The force had "
        "also provided mutual aid to two neighbouring forces in August, with 212 officers "
        "deployed over nine days.",
    )
    para(
        doc,
        "The CC reported that the force had received a letter from the IOPC setting out four "
        "learning recommendations following its independent investigation into a death after "
        "police contact in Brindley in 2023. The PCC asked how the force intended to respond. "
        "The CC said that the recommendations were being considered by the Professional "
        "Standards Department and that two of them had already been addressed through changes "
        "to custody training introduced in the summer.",
    )
    para(
        doc,
        "On workforce, the CC reported a headcount of 2,184 police officers against an "
        "establishment of 2,190. He noted that the force needs to retain more of its experienced "
        "detectives, a quarter of whom would be eligible to retire within five years. The PCC "
        "said that this was a concern she shared and that she had raised it nationally.",
    )

    minute(doc, 146, "PERFORMANCE REPORT – QUARTER 2 2024/25")
    para(
        doc,
        "The DCC presented the quarterly performance report. Total recorded crime had fallen by "
        "3% compared with the same quarter last year, driven mainly by reductions in vehicle "
        "crime and criminal damage, while residential burglary had risen by 6%. Victim "
        "satisfaction with the initial police contact remained stable at 84%.",
    )
    para(
        doc,
        "The PCC asked about the solved rate for residential burglary, which stood at 7.1% "
        "against the Police and Crime Plan ambition of 9%. The DCC explained that a dedicated "
        "burglary team had been set up in each district from September and that forensic "
        "submissions for burglary scenes were now prioritised. She was confident that the solved "
        "rate would reach 9% by the end of the financial year.",
    )
    para(
        doc,
        "The PCC asked that future performance reports show repeat victimisation for burglary "
        "broken down by district.",
    )
    para(
        doc,
        "The DPCC sought reassurance that response times in rural areas would not deteriorate "
        "over the winter. The DCC said that rural response times had been stable at an average "
        "of 18 minutes for the last two quarters and that they were reviewed every morning at "
        "the daily management meeting.",
    )
    para(
        doc,
        "The DPCC raised the rise in shop theft in Hallowby town centre, which the Business "
        "Improvement District had brought to his attention. The DCC agreed to provide the DPCC "
        "with a written briefing on shop theft in Hallowby town centre before Christmas.",
    )
    action(doc, "ACTION A28/24 – Owner: DCC  Deadline: 24/12/2024")
    para(doc, "The Board noted the report.")

    minute(doc, 147, "NEIGHBOURHOOD POLICING AND ANTI-SOCIAL BEHAVIOUR")
    para(
        doc,
        "ACC Hartigan presented an update on the neighbourhood policing model introduced in "
        "September. Each of the 48 wards now had a named neighbourhood officer and PCSO, and the "
        "abstraction of neighbourhood officers to response duties had fallen from 14% to 6%. "
        "ACC Hartigan said that the force would complete the recruitment of 24 additional PCSOs "
        "by the end of Q4, funded from the precept increase agreed in February.",
    )
    para(
        doc,
        "The PCC welcomed the fall in abstraction but noted that public confidence in local "
        "policing, as measured by the county residents' survey, remained at 61%. She said she "
        "would like to see ward-level anti-social behaviour data published on the force website "
        "so that residents could see the picture in their own area.",
    )
    para(
        doc,
        "The ACC explained that hotspot patrols in Hallowby and Wrexley town centres, funded "
        "through the Home Office grant, had been running since June, and that reported "
        "anti-social behaviour in the patrol areas had fallen by 22%. He hoped to extend the "
        "approach to Marlow Vale in the new year.",
    )
    para(
        doc,
        "The DPCC asked whether the reduction simply reflected displacement to neighbouring "
        "streets. The ACC said that analysts had found no evidence of displacement so far and "
        "that displacement was being examined as part of the evaluation now under way.",
    )
    para(
        doc,
        "ACC Hartigan to present the evaluation of the town centre hotspot patrols to the March "
        "Board.",
    )
    action(doc, "ACTION A29/24 – Owner: ACC  Deadline: 18/03/2025")

    minute(doc, 148, "CRIME AND VULNERABILITY")
    para(
        doc,
        "T/ACC Osei presented the report on rape and serious sexual offences (RASSO) and "
        "domestic abuse. The charge rate for adult rape had improved from 4.8% to 7.3% over "
        "twelve months following the introduction of the Operation Lantern joint investigation "
        "model with the Crown Prosecution Service.",
    )
    para(
        doc,
        "The PCC asked whether all investigators dealing with RASSO cases had received the "
        "specialist training. T/ACC Osei said that 71% had completed it so far and provided "
        "assurance that all frontline RASSO investigators would have completed the training by "
        "the end of March 2025.",
    )
    para(
        doc,
        "On domestic abuse, the T/ACC reported that the arrest rate had risen to 38% and that "
        "the Domestic Abuse Protection Order pilot had begun in the Marlow Vale district in "
        "October. The PCC asked whether the force expected the pilot to be extended across the "
        "county. The T/ACC explained that any extension was a decision for the Ministry of "
        "Justice and the courts, and that the force was contributing to the national evaluation.",
    )
    para(
        doc,
        "The PCC requested sight of the updated domestic abuse problem profile once it had been "
        "signed off by the force's Strategic Vulnerability Board.",
    )
    para(
        doc,
        "The DPCC asked about the use of the Domestic Violence Disclosure Scheme. The T/ACC said "
        "that applications under the right to ask had doubled since the spring campaign, but "
        "that some disclosures were taking longer than the 28-day target. She added that she "
        "would bring a paper on the timeliness of disclosures to the next Board.",
    )
    para(doc, "The PCC thanked the T/ACC and her teams for the progress made on RASSO.")

    minute(doc, 149, "FINANCE – MID-YEAR REVIEW 2024/25 AND MEDIUM TERM FINANCIAL PLAN")
    para(
        doc,
        "The DoF presented the mid-year revenue monitoring report. The force was forecasting an "
        "overspend of £0.9m, largely on police overtime linked to the summer's mutual aid "
        "deployments, partly offset by police staff vacancies. Capital slippage of £3.4m was "
        "forecast, mainly on the Wrexley station rebuild, where the main contractor had entered "
        "administration in August.",
    )
    para(
        doc,
        "The PCC expressed concern at the level of overtime spend and asked what was being done "
        "to control it. The DoF said that all planned overtime now had to be approved by a "
        "superintendent and that she would bring an overtime recovery plan to the January Board.",
    )
    action(doc, "ACTION A30/24 – Owner: DoF  Deadline: 21/01/2025")
    para(
        doc,
        "The CFO presented the draft Medium Term Financial Plan for 2025/26 to 2028/29. He "
        "explained that, on current assumptions, the force needs to find savings of £6.3m over "
        "the period. It is hoped that the provisional police grant settlement, expected in "
        "mid-December, will be more generous than the plan assumes. The CFO confirmed that the "
        "PCC's draft precept proposal would be presented to the Police and Crime Panel on "
        "4 February 2025.",
    )
    para(
        doc,
        "The PCC asked the CFO to model the impact of both a £14 and a £15 increase in the "
        "Band D precept on the savings requirement.",
    )
    action(doc, "ACTION A31/24 – Owner: CFO  Deadline: 31/01/2025")
    para(
        doc,
        "The CC said that he did not support any further reduction in police officer numbers "
        "and that the change programme was already identifying savings in back-office "
        "functions. The Board noted the report and the draft plan.",
    )

    minute(doc, 150, "CORPORATE COMMUNICATIONS AND PUBLIC ENGAGEMENT")
    para(
        doc,
        "The Head of Corporate Communications presented the engagement report for the half "
        "year. Followers across the force's social media channels had grown by 11%, and the "
        "neighbourhood alert system now had 41,000 subscribers. She said that her team would "
        "launch the winter drink and drug driving campaign in the week commencing 2 December, "
        "with a joint launch event with the PCC.",
    )
    para(
        doc,
        "The DPCC asked whether the OPCC could be given earlier notice of major media "
        "campaigns. The Head of Corporate Communications explained that a shared media planning "
        "grid had been in place since October and that OPCC officers already had access to it.",
    )
    para(
        doc,
        "The PCC said that she wanted confidence that the force's messaging reached older "
        "residents who did not use social media. The Head of Corporate Communications said that "
        "the force were exploring community messaging channels and printed newsletters through "
        "parish councils, and that a data protection impact assessment was being completed.",
    )

    minute(doc, 151, "ANY OTHER BUSINESS")
    para(
        doc,
        "(a) IOPC recommendations. The CC said that he would write to the PCC setting out the "
        "force's full response to the IOPC learning recommendations within 28 days.",
    )
    para(
        doc,
        "(b) Youth engagement. The DPCC hoped to run a series of youth engagement events in each "
        "district during the spring, working with the Kestrelmoor Youth Commission.",
    )
    para(
        doc,
        "(c) The CEO reminded members that the OPCC's annual report had been published in July "
        "and that the Police and Crime Panel had made no recommendations on it.",
    )

    minute(doc, 152, "DATE OF NEXT MEETING")
    para(
        doc,
        "Tuesday 21 January 2025 at 10:00, Conference Room A, Force Headquarters. Future "
        "meetings: Tuesday 18 March 2025 and Tuesday 20 May 2025.",
    )

    action(doc, "SUMMARY OF ACTIONS ARISING FROM THIS MEETING")
    table(
        doc,
        ["Ref", "Action", "Owner", "Due", "Status"],
        [
            ["A28/24", "Written briefing to DPCC – town-centre shop theft (Hallowby)", "DCC", "24/12/2024", "New"],
            ["A29/24", "Hotspot patrol evaluation to Board", "ACC", "18/03/2025", "New"],
            ["A30/24", "Overtime recovery plan", "DoF", "21/01/2025", "New"],
            ["A31/24", "Band D options (£14 / £15) against savings requirement", "CFO", "31/01/2025", "New"],
        ],
    )
    para(doc, "Carried forward from previous meetings: A21/24, A24/24, A25/24 and A27/24 (see minute 144).")
    para(doc, "Part 2 – restricted items (not published): 153. Covert policing authorities; 154. Legal claims.")
    para(doc, "Signed ……………………………… (Chair)        Date ………………………")

    doc.core_properties.title = "Kestrelmoor Accountability Board minutes 19 November 2024"
    doc.core_properties.author = "OPCC Kestrelmoor"
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(OUT)
