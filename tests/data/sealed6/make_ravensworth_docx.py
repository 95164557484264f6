"""Build ravensworth_accountability_decision_record.docx (sealed blind test document).

Made-up minutes: every name, place and figure is invented.  Run with the project venv:

    /work/venv/bin/python tests/data/sealed6/make_ravensworth_docx.py
"""
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = Path(__file__).with_name("ravensworth_accountability_decision_record.docx")

ATTENDANCE = [
    ("OPCC", "Alistair Wren", "Police and Crime Commissioner (PCC) – Chair"),
    ("OPCC", "Grace Holbrook", "Chief Executive and Monitoring Officer (CEO)"),
    ("OPCC", "Imran Siddiqui", "Chief Finance Officer (CFO)"),
    ("OPCC", "Leah Morton", "Head of Commissioning"),
    ("Ravensworth Constabulary", "Jonathan Keel", "Chief Constable (CC)"),
    ("Ravensworth Constabulary", "Rachel Osei", "Temporary Deputy Chief Constable (T/DCC)"),
    ("Ravensworth Constabulary", "Simon Garvey",
     "Assistant Chief Constable, Crime and Public Protection (ACC)"),
    ("Ravensworth Constabulary", "Paula Dacre", "Director of Corporate Services"),
    ("OPCC", "Tariq Hussain", "Governance and Scrutiny Officer (record)"),
]

DECISIONS = [
    ("D1", "The PCC approved the draft 2025/26 precept proposal, which has since been "
           "published with the papers for the Police and Crime Panel."),
    ("D2", "The PCC approved funding of £96,000 from the victims' services grant for two "
           "independent sexual violence adviser posts in 2025/26."),
    ("D3", "The PCC noted the Constabulary's response to the HMICFRS thematic inspection of "
           "neighbourhood policing and agreed that no further report was required."),
]

NARRATIVE = [
    ("2.1 Crime outcomes and investigations", [
        "The T/DCC presented the outcomes report for the year to the end of October. The "
        "charge and summons rate across all crime had improved to 8.1%, from 6.9% at the "
        "same point last year, and the rate for residential burglary had almost doubled. "
        "Outcomes for shoplifting had also improved following the retail crime plan agreed "
        "with town centre businesses in the spring.",
        "The PCC noted that the improvement was not yet visible in the rural districts, where "
        "residents had told him at recent surgeries that they rarely heard the result of "
        "their cases. The PCC asked the T/DCC to provide a comparison of outcome rates for "
        "rural and urban districts (see action table, row 3).",
        "On digital forensics, the ACC reported that 412 devices were awaiting examination, "
        "down from 640 in the summer, following the outsourcing of lower-risk kiosk work. The "
        "ACC was confident that the backlog of digital devices awaiting examination would be "
        "below 300 by the end of the financial year.",
        "The PCC asked about stop and search. The T/DCC said that the proportion of searches "
        "leading to a positive outcome was 31% and that the independent scrutiny panel had "
        "reviewed 120 searches since September. The T/DCC said the force would publish its "
        "stop and search disproportionality data every quarter from January, in a format "
        "agreed with the scrutiny panel.",
    ]),
    ("2.2 Neighbourhood policing and anti-social behaviour", [
        "The Chief Constable updated the PCC on the new neighbourhood model introduced in "
        "October. All 38 neighbourhood sergeant posts were filled and PCSO numbers had "
        "stabilised at 142. The Chief Constable said that every ward would have a named "
        "neighbourhood officer published on the force website by the end of January. He "
        "hoped to restore the Saturday night town centre patrols in Ravensworth and Colbeck "
        "over the Christmas period, depending on the level of mutual aid requests.",
        "The PCC said that residents want to see more foot patrol in town centres and that "
        "anti-social behaviour remained the issue most often raised in his correspondence. "
        "The PCC asked that consideration is given to a single point of contact for repeat "
        "victims of anti-social behaviour, as many had told him they had to explain their "
        "situation afresh each time they called.",
        "The CEO noted that the community trigger review process was working well and that "
        "the OPCC had chaired four case reviews since April.",
    ]),
    ("2.3 Finance and the 2025/26 budget", [
        "The CFO summarised the provisional police grant settlement. After the precept "
        "increase the Constabulary faced a funding gap of £3.8m in 2025/26, of which £2.1m "
        "was to be met from savings and the balance from reserves. The pay award for "
        "September 2025 had been assumed at 3%.",
        "The PCC sought reassurance that the savings would not fall on neighbourhood "
        "policing. The Director of Corporate Services assured the PCC that the savings plan "
        "of £2.1m for 2025/26 would be fully identified by 31 January 2025, and explained "
        "that most of it came from the estates rationalisation and the end of duplicate "
        "software licences.",
        "The PCC expressed concern at the shortfall in the government's pension grant, which "
        "left the Constabulary £0.9m short. The PCC said he would write to the Home Office "
        "about the shortfall in the police pension grant, and copy the letter to the local "
        "Members of Parliament.",
    ]),
    ("2.4 Custody, detention and commissioned services", [
        "The report of the independent custody visiting scheme for the last quarter was "
        "received. Visitors had made 46 visits and raised concerns about the availability "
        "of appropriate adults for vulnerable detainees overnight.",
        "The Head of Commissioning explained that the current appropriate adult contract "
        "had been extended once already and could not be extended again. She said her team "
        "would re-tender the appropriate adult service before the current contract ends on "
        "31 March 2025. The draft specification already includes overnight cover, which "
        "the custody visitors had asked for.",
        "The ACC reported that the average time in custody for children had fallen to nine "
        "hours and that no child had been held overnight without a documented reason since "
        "August.",
    ]),
    ("2.5 Questions from the public", [
        "Two questions had been submitted in advance through the OPCC website. A resident "
        "of Colbeck asked when speed enforcement would return to the Fellside road after "
        "the summer collisions. The ACC explained that the road had been added to the "
        "community speed watch programme in October and that camera van deployments had "
        "resumed there in November.",
        "A second resident asked whether the Hexley front counter would stay open. The Chief "
        "Constable replied that there were no plans to close it, that it had been open six "
        "days a week since the new model began, and that footfall was recorded monthly. The "
        "PCC thanked both residents and reminded the public that questions can be submitted "
        "for any accountability meeting up to five working days beforehand.",
    ]),
]

# Owner | Due | Action | Update  (the order used by this board's template)
ACTIONS = [
    ("ACC Garvey", "31/10/2024 – revised 28/02/2025",
     "Present the RASSO improvement plan evaluation, including victim attrition at each "
     "stage of the investigation",
     "Carried forward from 8 October. Evaluation delayed by the late national data release."),
    ("Director of Corporate Services", "30/11/2024",
     "Circulate the fleet electrification options appraisal",
     "Complete – circulated 22/11/2024."),
    ("T/DCC", "Next meeting",
     "Rural / urban outcome comparison – see section 2.1",
     "New"),
    ("OPCC CFO", "End Feb 2025",
     "Publish the 2025/26 budget book and precept leaflet on the OPCC website",
     "New"),
    ("Chief Constable", "Q4",
     "Confirm the neighbourhood policing establishment for each district following the "
     "demand review",
     "New"),
    ("Head of Commissioning", "28.01.25",
     "Report on take-up of the restorative justice service by victims of hate crime",
     "New"),
    ("Chief Executive (OPCC)", "31/03/2025",
     "Refresh the joint Code of Corporate Governance",
     "Ongoing – draft with the Joint Audit Committee for comment."),
    ("ACC Garvey", "15/11/2024",
     "Share the results of the knife crime surrender campaign",
     "Discharged at this meeting – results presented under item 2.1."),
]

ASSURANCE = (
    "The PCC was assured that the Constabulary had a credible plan to reduce the digital "
    "forensics backlog and that the 2025/26 savings were being managed with appropriate "
    "grip. The PCC was not yet assured about outcomes for victims in the rural districts or "
    "about the charge rate for rape offences, which remained below the national average "
    "despite recent improvement. The PCC recognised the commitment of officers and staff "
    "during a demanding autumn."
)


def set_cell(cell, text, bold=False):
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold


def build():
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)

    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("OFFICIAL").bold = True

    d.add_heading("Office of the Police and Crime Commissioner for Ravensworth", level=1)
    d.add_heading("PCC and Chief Constable Accountability Meeting – Decision Record", level=2)
    d.add_paragraph("Date: Tuesday 10 December 2024")
    d.add_paragraph("Time: 09:30 – 11:50")
    d.add_paragraph("Location: Conference Suite, Ravensworth Police Headquarters, Moorgate, "
                    "and by video link")
    d.add_paragraph("Next meeting: Tuesday 28 January 2025, 09:30, Conference Suite")

    d.add_heading("Attendance", level=3)
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("Organisation", "Name", "Role")):
        set_cell(c, h, bold=True)
    for org, name, role in ATTENDANCE:
        row = t.add_row().cells
        set_cell(row[0], org)
        set_cell(row[1], name)
        set_cell(row[2], role)
    d.add_paragraph("Apologies: Elaine Roper, Head of Strategic Planning (Constabulary); "
                    "Colin Fairbairn, Chair of the Joint Audit Committee.")

    d.add_heading("1. Decisions taken", level=3)
    for ref, text in DECISIONS:
        d.add_paragraph(f"{ref}  {text}")

    d.add_heading("2. Summary of discussion", level=3)
    d.add_paragraph("This record summarises the main points of discussion. It is not a "
                    "verbatim account. Papers considered at the meeting are published "
                    "separately where they are not operationally sensitive.")
    for heading, paras in NARRATIVE:
        d.add_heading(heading, level=4)
        for i, text in enumerate(paras, 1):
            d.add_paragraph(text)

    d.add_heading("3. Action table", level=3)
    d.add_paragraph("Open actions remain on the table until the PCC agrees they can be "
                    "closed. Completed and discharged actions are shown once and then "
                    "removed.")
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("Owner", "Due", "Action", "Update")):
        set_cell(c, h, bold=True)
    for owner, due, action, update in ACTIONS:
        row = t.add_row().cells
        set_cell(row[0], owner)
        set_cell(row[1], due)
        set_cell(row[2], action)
        set_cell(row[3], update)

    d.add_heading("4. Assurance statement", level=3)
    d.add_paragraph(ASSURANCE)

    d.add_paragraph("Record agreed by the PCC on 17 December 2024.")
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("OFFICIAL").bold = True

    # fixed core properties so the file is reproducible
    import datetime
    d.core_properties.author = "OPCC Ravensworth"
    d.core_properties.title = "Accountability Meeting – Decision Record, 10 December 2024"
    stamp = datetime.datetime(2024, 12, 17, 9, 0, 0)
    d.core_properties.created = stamp
    d.core_properties.modified = stamp
    d.core_properties.last_modified_by = "OPCC Ravensworth"
    d.save(OUT)
    return OUT


if __name__ == "__main__":
    print(build())
