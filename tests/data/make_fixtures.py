"""Regenerate the reader fixtures in tests/data/variants/ and tests/data/bad/.

The generated files are committed, so the tests never need this script or its tools. Run it
only to change a fixture, then commit the results together with the change here:

    pip install fpdf2 Pillow          # developer-only; deliberately not in pyproject.toml
    python tests/data/make_fixtures.py

pypdf and python-docx come from the project's own dependencies. The meeting is made up (names,
places and figures are invented) in the shape of the real West Mercia seeds; every variant
carries the same words so tests can compare what each reader extracts. Output is byte-for-byte
reproducible except bad/protected.pdf, whose file id pypdf draws at random when encrypting.
"""

from __future__ import annotations

import io
import random
import zipfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANTS = HERE / "variants"
BAD = HERE / "bad"
PINNED_TIME = datetime(2023, 6, 14, 12, 0, tzinfo=UTC)

TITLE = "Holding to Account Meeting – June 2023"
HEADER = [
    ("Date", "Wednesday 14th June 2023, 10:00"),
    ("Chair", "Alex Rowe, Police and Crime Commissioner"),
    ("Minutes", "Sam Patel, Policy Officer, OPCC"),
    ("Venue", "Shire Hall, Committee Room 2"),
]
ATTENDEES = [
    "Alex Rowe – Police and Crime Commissioner (PCC)",
    "Jordan Hale – Chief Constable (CC)",
    "Priya Nair – Deputy Chief Constable (DCC)",
    "Tom Fairley – Assistant Chief Constable (ACC)",
    "Sam Patel – Policy Officer (PO)",
]
ITEMS = [
    (
        "1. Holding to account – Rural crime",
        [
            "The PCC asked the CC how the force was responding to the rise in reported farm thefts. "
            "The CC said that a dedicated rural crime team of eight officers had been in place since "
            "April and that patrols would be extended to the northern villages over the summer.",
            "The ACC added that £40,000 of the rural fund had been spent on tracking devices for "
            "farm machinery.",
        ],
        "ACTION: CC to provide the PCC with figures on farm thefts by local policing area "
        "by the end of September.",
    ),
    (
        "2. Holding to account – 101 call handling",
        [
            "The PCC raised concern about waiting times on the 101 non-emergency line. The DCC "
            "reported that average answer times had fallen to four minutes and said the force "
            "would publish monthly performance data from July.",
        ],
        "ACTION: DCC to share the 101 improvement plan with the OPCC before the next meeting.",
    ),
]
ACTION_LOG = [
    ("No.", "Action", "Owner", "Due"),
    ("1", "Farm theft figures by local policing area", "CC", "30 September 2023"),
    ("2", "101 improvement plan to the OPCC", "DCC", "12 July 2023"),
]
NEXT_MEETING = "Next meeting: Wednesday 12th July 2023, 10:00, Shire Hall."


def main() -> None:
    VARIANTS.mkdir(exist_ok=True)
    BAD.mkdir(exist_ok=True)
    (VARIANTS / "meeting.txt").write_text(meeting_txt(), encoding="utf-8")
    (VARIANTS / "meeting.html").write_text(meeting_html(), encoding="utf-8")
    (VARIANTS / "meeting.docx").write_bytes(meeting_docx())
    pdf = meeting_pdf()
    (VARIANTS / "meeting.pdf").write_bytes(pdf)
    write_bad_fixtures(pdf)
    for path in sorted([*VARIANTS.iterdir(), *BAD.iterdir()]):
        print(f"{path.relative_to(HERE)}: {path.stat().st_size:,} bytes")


def meeting_txt() -> str:
    lines = [TITLE, ""]
    lines += [f"{key}: {value}" for key, value in HEADER]
    lines += ["", "Attendance:"]
    lines += [f"  • {name}" for name in ATTENDEES]
    for heading, paragraphs, action in ITEMS:
        lines += ["", heading, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
        lines.append(action)
    lines += ["", "Action log", ""]
    lines += ["\t".join(row) for row in ACTION_LOG]
    lines += ["", NEXT_MEETING, ""]
    return "\n".join(lines)


def meeting_html() -> str:
    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(TITLE)} | OPCC</title>",
        "<style>body { font-family: sans-serif; } .hidden { display: none; }</style>",
        "<script>window.analytics = {track: function () { return 'Skip to main content'; }};</script>",
        "</head><body>",
        '<nav><a href="/">Home</a> <a href="/meetings">Meetings</a> <a href="/contact">Contact us</a></nav>',
        "<main>",
        f"<h1>{esc(TITLE)}</h1>",
    ]
    parts += [f"<p><strong>{key}:</strong> {esc(value)}</p>" for key, value in HEADER]
    parts.append("<p>Attendance:</p>\n<ul>")
    parts += [f"  <li>{esc(name)}</li>" for name in ATTENDEES]
    parts.append("</ul>")
    for heading, paragraphs, action in ITEMS:
        parts.append(f"<h2>{esc(heading)}</h2>")
        # Source line breaks inside a paragraph must not survive as newlines: browsers collapse them.
        parts += ["<p>" + esc(paragraph).replace(". ", ".\n   ", 1) + "</p>" for paragraph in paragraphs]
        parts.append(f"<p><strong>ACTION:</strong>{esc(action.removeprefix('ACTION:'))}</p>")
    parts.append("<h2>Action log</h2>\n<table>")
    head, *rows = ACTION_LOG
    parts.append("  <tr>" + "".join(f"<th>{esc(cell)}</th>" for cell in head) + "</tr>")
    parts += ["  <tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows]
    parts.append("</table>")
    parts.append(f"<p>{esc(NEXT_MEETING)}</p>")
    parts.append("</main>\n<footer><script>window.analytics.track();</script></footer>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def meeting_docx() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = PINNED_TIME.replace(tzinfo=None)
    document.core_properties.modified = PINNED_TIME.replace(tzinfo=None)
    document.core_properties.author = "make_fixtures.py"
    document.add_heading(TITLE, level=1)
    for key, value in HEADER:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{key}:").bold = True
        paragraph.add_run(f" {value}")
    document.add_paragraph("Attendance:")
    for name in ATTENDEES:
        document.add_paragraph(name, style="List Bullet")
    for heading, paragraphs, action in ITEMS:
        document.add_heading(heading, level=2)
        for text in paragraphs:
            document.add_paragraph(text)
        document.add_paragraph(action)
    document.add_heading("Action log", level=2)
    table = document.add_table(rows=len(ACTION_LOG), cols=len(ACTION_LOG[0]))
    for row, values in zip(table.rows, ACTION_LOG, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph(NEXT_MEETING)
    out = io.BytesIO()
    document.save(out)
    return _pinned_zip(out.getvalue())


def _pinned_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps, so regenerating does not churn the file."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=PINNED_TIME.timetuple()[:6])
            pinned.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(pinned, source.read(info))
    return out.getvalue()


def meeting_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    # Core fonts are WinAnsi-encoded; cp1252 covers the en dash, pound sign and bullet.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(PINNED_TIME)
    pdf.set_compression(True)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for key, value in HEADER:
        pdf.multi_cell(0, 6, f"{key}: {value}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.multi_cell(0, 6, "Attendance:", new_x="LMARGIN", new_y="NEXT")
    for name in ATTENDEES:
        pdf.multi_cell(0, 6, f"\u2022 {name}", new_x="LMARGIN", new_y="NEXT")
    for heading, paragraphs, action in ITEMS:
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        for text in [*paragraphs, action]:
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    # A second page, so the reader's page joining is exercised by a real fixture.
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, "Action log", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    with pdf.table(col_widths=(10, 90, 20, 40)) as table:
        for values in ACTION_LOG:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.ln(4)
    pdf.multi_cell(0, 6, NEXT_MEETING, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def write_bad_fixtures(meeting_pdf_bytes: bytes) -> None:
    (BAD / "empty.txt").write_bytes(b"")
    (BAD / "junk.txt").write_bytes(random.Random(20230614).randbytes(2048))
    (BAD / "latin1.txt").write_bytes(
        "Minutes of the café meeting at Ledbury: the PCC agreed £1,500 for the rural "
        "crime forum, about ½ of last year's grant. Señor García gave apologies.\n".encode("latin-1")
    )
    (BAD / "utf16.txt").write_bytes(
        "ACTION: DCC to share the 101 improvement plan – £12,000 budget – by July.\n".encode("utf-16")
    )
    # Cutting a real PDF in half loses its cross-reference table and the end of its objects.
    (BAD / "corrupt.pdf").write_bytes(meeting_pdf_bytes[: len(meeting_pdf_bytes) // 2])
    (BAD / "protected.pdf").write_bytes(encrypted_pdf(meeting_pdf_bytes))
    (BAD / "scanned.pdf").write_bytes(scanned_pdf())
    (BAD / "fake.docx").write_bytes(fake_docx())


def encrypted_pdf(source: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    # RC4 needs no extra crypto package, so the tests can open the file to see it is encrypted.
    writer.encrypt(user_password="secret", owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf() -> bytes:
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (420, 120), color=255)
    draw = ImageDraw.Draw(image)
    draw.text((10, 20), "ACTION: CC to provide figures", fill=0)
    draw.text((10, 60), "by the end of September.", fill=0)
    pdf = FPDF(format="A5")
    pdf.set_creation_date(PINNED_TIME)
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=120)
    return bytes(pdf.output())


def fake_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("notes.txt", date_time=(2023, 6, 14, 12, 0, 0))
        archive.writestr(info, "These are not minutes, just a text file in a zip.\n")
    return out.getvalue()


if __name__ == "__main__":
    main()
