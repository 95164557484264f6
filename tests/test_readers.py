"""The read step: each format's text, and the exact one-line reason for each refused file."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from promises.graph.errors import InputFileError
from promises.ingest.readers import (
    READERS,
    SUFFIXES,
    InputFormat,
    SourceText,
    iter_input_files,
    read_document,
)

DATA = Path(__file__).parent / "data"
VARIANTS = DATA / "variants"
BAD = DATA / "bad"
MB = 1024 * 1024

# Sentences every variant of the made-up June 2023 meeting must yield, whitespace aside.
KEY_SENTENCES = [
    "Date: Wednesday 14th June 2023, 10:00",
    "Chair: Alex Rowe, Police and Crime Commissioner",
    "Minutes: Sam Patel, Policy Officer, OPCC",
    "Venue: Shire Hall, Committee Room 2",
    "Alex Rowe – Police and Crime Commissioner (PCC)",
    "Jordan Hale – Chief Constable (CC)",
    "Priya Nair – Deputy Chief Constable (DCC)",
    "Tom Fairley – Assistant Chief Constable (ACC)",
    "Sam Patel – Policy Officer (PO)",
    "1. Holding to account – Rural crime",
    "The CC said that a dedicated rural crime team of eight officers had been in place since April "
    "and that patrols would be extended to the northern villages over the summer.",
    "The ACC added that £40,000 of the rural fund had been spent on tracking devices for farm machinery.",
    "ACTION: CC to provide the PCC with figures on farm thefts by local policing area "
    "by the end of September.",
    "2. Holding to account – 101 call handling",
    "The DCC reported that average answer times had fallen to four minutes and said the force would "
    "publish monthly performance data from July.",
    "ACTION: DCC to share the 101 improvement plan with the OPCC before the next meeting.",
    "1 Farm theft figures by local policing area CC 30 September 2023",
    "Next meeting: Wednesday 12th July 2023, 10:00, Shire Hall.",
]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def refusal(path: Path, **kwargs: int) -> str:
    with pytest.raises(InputFileError) as caught:
        read_document(path, **kwargs)
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
    return caught.value.reason


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- the four variants of one meeting ---------------------------------------------------------


@pytest.mark.parametrize("name", ["meeting.txt", "meeting.html", "meeting.docx", "meeting.pdf"])
def test_every_variant_yields_the_same_key_sentences(name: str) -> None:
    text = squeeze(read_document(VARIANTS / name).text)
    missing = [sentence for sentence in KEY_SENTENCES if squeeze(sentence) not in text]
    assert missing == []


@pytest.mark.parametrize("name", ["meeting.txt", "meeting.html", "meeting.docx", "meeting.pdf"])
def test_variants_drop_no_words_and_add_none(name: str) -> None:
    """Beyond the key sentences, every variant has the same words (bullets aside) in the same order."""
    words = squeeze(read_document(VARIANTS / name).text.replace("•", "")).split(" ")
    expected = squeeze((VARIANTS / "meeting.txt").read_text(encoding="utf-8").replace("•", "")).split(" ")
    assert words == expected


def test_source_text_identifies_the_file_by_its_bytes() -> None:
    path = VARIANTS / "meeting.docx"
    source = read_document(path)
    assert source == SourceText(
        path=str(path),
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        format="docx",
        text=source.text,
    )


def test_txt_is_kept_as_written() -> None:
    path = VARIANTS / "meeting.txt"
    assert read_document(path).text == path.read_text(encoding="utf-8")


def test_pdf_pages_are_joined_by_a_blank_line() -> None:
    text = read_document(VARIANTS / "meeting.pdf").text
    assert "with the OPCC before the next meeting.\n\nAction log\n" in text


def test_docx_keeps_tables_in_place_and_marks_list_items() -> None:
    text = read_document(VARIANTS / "meeting.docx").text
    assert "Attendance:\n• Alex Rowe – Police and Crime Commissioner (PCC)\n• Jordan Hale" in text
    assert (
        "before the next meeting.\nAction log\n"
        "No.\tAction\tOwner\tDue\n"
        "1\tFarm theft figures by local policing area\tCC\t30 September 2023\n"
        "2\t101 improvement plan to the OPCC\tDCC\t12 July 2023\n"
        "Next meeting:"
    ) in text


def test_html_blocks_lists_and_tables_become_lines(tmp_path: Path) -> None:
    page = b"""<!DOCTYPE html><html><head><title>Site title</title>
    <style>p { color: red }</style><script>alert("page furniture")</script></head>
    <body><nav><a href="/">Home</a></nav>
    <h2>2. Matters   arising</h2>
    <p>The PCC asked whether forms
       that contain &lt;script&gt; tags are rejected &amp; logged.<br>The CC said yes.</p>
    <!-- a comment -->
    <ul><li>Op Reset</li><li>Op&nbsp;Soteria</li></ul>
    <div>Owner: <b>DCC</b></div>
    <table><tr><th>No.</th><th>Action</th></tr>
           <tr><td>1</td><td>Report on <i>witness care</i></td></tr></table>
    <script>track()</script></body></html>"""
    text = read_document(write(tmp_path, "minutes.html", page)).text
    assert text == (
        "2. Matters arising\n\n"
        "The PCC asked whether forms that contain <script> tags are rejected & logged.\n"
        "The CC said yes.\n\n"
        "• Op Reset\n"
        "• Op\xa0Soteria\n\n"
        "Owner: DCC\n\n"
        "No.\tAction\n"
        "1\tReport on witness care"
    )


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>£5 – “agreed”</p></body></html>'
    path = write(tmp_path, "minutes.htm", page.encode("cp1252"))
    source = read_document(path)
    assert (source.format, source.text) == ("html", "£5 – “agreed”")


# --- encodings ----------------------------------------------------------------------------------


def test_latin1_text_decodes() -> None:
    assert read_document(BAD / "latin1.txt").text == (
        "Minutes of the café meeting at Ledbury: the PCC agreed £1,500 for the rural "
        "crime forum, about ½ of last year's grant. Señor García gave apologies.\n"
    )


def test_utf16_with_bom_decodes_without_the_bom() -> None:
    assert read_document(BAD / "utf16.txt").text == (
        "ACTION: DCC to share the 101 improvement plan – £12,000 budget – by July.\n"
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_decodes(tmp_path: Path, encoding: str) -> None:
    words = "The PCC asked for an update on Op Soteria – £3,000 – at the next meeting.\n"
    assert read_document(write(tmp_path, "notes.txt", words.encode(encoding))).text == words


def test_cp1252_text_decodes(tmp_path: Path) -> None:
    words = "The CC’s “assurance” – €5,000 for the café – was noted.\n"
    assert read_document(write(tmp_path, "notes.txt", words.encode("cp1252"))).text == words


def test_utf8_bom_is_removed_and_line_endings_normalised(tmp_path: Path) -> None:
    data = "\ufeffDate: Tuesday 28th February\r\nChair: PCC\rVenue: HQ\r\n".encode()
    assert read_document(write(tmp_path, "notes.md", data)).text == (
        "Date: Tuesday 28th February\nChair: PCC\nVenue: HQ\n"
    )


# --- refusals -----------------------------------------------------------------------------------


def test_empty_file_is_refused() -> None:
    assert refusal(BAD / "empty.txt") == "empty file"


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    assert refusal(write(tmp_path, "blank.txt", b" \r\n\t\n  \n")) == "no text"


def test_binary_junk_is_refused() -> None:
    assert refusal(BAD / "junk.txt") == "binary data, not text"


def test_control_characters_without_nul_are_refused(tmp_path: Path) -> None:
    data = bytes(range(1, 9)) * 20 + b"some words"
    assert refusal(write(tmp_path, "junk.txt", data)) == "binary data, not text"


def test_corrupt_pdf_is_refused() -> None:
    assert refusal(BAD / "corrupt.pdf") == "corrupt or truncated PDF"


def test_password_protected_pdf_is_refused() -> None:
    assert refusal(BAD / "protected.pdf") == "password-protected PDF"


def test_scanned_pdf_is_refused() -> None:
    assert refusal(BAD / "scanned.pdf") == "no text layer, OCR not supported"


def test_text_named_pdf_is_refused(tmp_path: Path) -> None:
    assert refusal(write(tmp_path, "minutes.pdf", b"Date: Tuesday")) == "not a PDF (no %PDF header)"


def test_zip_of_something_else_named_docx_is_refused() -> None:
    assert refusal(BAD / "fake.docx") == "not a Word document (zip archive without word/document.xml)"


def test_non_zip_docx_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "minutes.docx", b"Date: Tuesday 28th February\n")
    assert refusal(path) == "not a Word document (not a zip archive)"


def test_old_binary_doc_renamed_docx_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "minutes.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert refusal(path) == "not a Word document (old .doc or encrypted file; save it as .docx)"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.txt") == "no such file or directory"


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "minutes.txt"
    folder.mkdir()
    assert refusal(folder) == "is a directory, not a file"


def test_unsupported_suffix_is_refused(tmp_path: Path) -> None:
    assert refusal(write(tmp_path, "minutes.doc", b"text")) == (
        "unsupported file type '.doc' (supported: .docx, .htm, .html, .markdown, .md, .pdf, .txt)"
    )


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * MB)  # sparse: 50 MB by stat, nothing written to disk
    tracemalloc.start()
    try:
        reason = refusal(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reason == "file is 50.0 MB, over the 20 MB limit (raise it with --max-size)"
    assert peak < 256 * 1024


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path, "minutes.txt", b"Chair: PCC\n" * 1000)
    assert refusal(path, max_bytes=10_000) == (
        "file is 11,000 bytes, over the 10,000 bytes limit (raise it with --max-size)"
    )
    assert read_document(path, max_bytes=11_000).text.startswith("Chair: PCC\n")


# --- registry and folder walking -------------------------------------------------------------


def test_every_format_has_exactly_one_reader_and_a_suffix() -> None:
    assert set(READERS) == set(InputFormat)
    assert set(SUFFIXES.values()) == set(InputFormat)
    assert (SUFFIXES[".htm"], SUFFIXES[".markdown"]) == (InputFormat.HTML, InputFormat.MD)


def test_suffixes_match_in_any_case(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "MINUTES.TXT", b"Chair: PCC")).format == "txt"


def test_walk_yields_supported_files_sorted_and_errors_for_bad_arguments(tmp_path: Path) -> None:
    for name in [
        "b/2023-06.pdf",
        "b/2023-05.docx",
        "a.txt",
        "c/deep/notes.markdown",
        "b/agenda.xlsx",
        "b/photo.jpg",
        ".hidden.txt",
        ".git/HEAD.txt",
        "c/.~lock.docx",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    explicit = tmp_path / "b" / "agenda.xlsx"
    found = list(iter_input_files([tmp_path, tmp_path / "missing", explicit, tmp_path / "a.txt"]))
    paths = [item.relative_to(tmp_path).as_posix() for item in found if isinstance(item, Path)]
    errors = [str(item) for item in found if isinstance(item, InputFileError)]
    assert paths == ["a.txt", "b/2023-05.docx", "b/2023-06.pdf", "c/deep/notes.markdown"]
    assert errors == [
        f"{tmp_path / 'missing'}: no such file or directory",
        f"{explicit}: unsupported file type '.xlsx' "
        "(supported: .docx, .htm, .html, .markdown, .md, .pdf, .txt)",
    ]


def test_explicit_hidden_file_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, ".draft.txt", b"Chair: PCC")
    assert list(iter_input_files([path])) == [path]


def test_walk_does_not_follow_symlinked_folders(tmp_path: Path) -> None:
    (tmp_path / "minutes").mkdir()
    write(tmp_path / "minutes", "m.txt", b"x")
    (tmp_path / "minutes" / "loop").symlink_to(tmp_path / "minutes", target_is_directory=True)
    assert list(iter_input_files([tmp_path])) == [tmp_path / "minutes" / "m.txt"]


def test_importing_readers_leaves_parsers_unloaded() -> None:
    """`promises --help` imports ingest; the heavy parsers must wait until a file needs them."""
    probe = (
        "import sys, promises.ingest.readers; "
        "print(sorted(m for m in ('pypdf', 'docx', 'selectolax', 'charset_normalizer') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
