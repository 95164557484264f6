"""Read minutes files into one plain text per document: the "read" step of DESIGN.md section 1.

Every later span `[start, end)` points into `SourceText.text`, so this step fixes that text once
and keeps it close to the source: it only decodes bytes, flattens markup to lines and turns
`\\r\\n`/`\\r` into `\\n`. Artefacts (repeated PDF paragraphs, page footers, hyphenation) are left
for the clean step, which keeps offsets; removing them here would make quotes unprovable.

A file that cannot be read raises `InputFileError(path, reason)` with a one-line reason, so a
batch can skip it and tell the user why. Heavy parsers (pypdf, python-docx, selectolax,
charset-normalizer) are imported inside the functions that use them so `promises --help` stays
fast.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from promises.graph.errors import InputFileError

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from selectolax.lexbor import LexborNode

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MB
_CHUNK = 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# British minutes that are not UTF-8 are nearly always Windows "ANSI" text. Short texts give
# charset-normalizer too little evidence (it reads "café – £5" as cp775), so these encodings
# are tried first and the detector's open choice is the fallback.
_WESTERN_ENCODINGS = ["cp1252", "latin_1"]
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_RATIO = 0.01
_HTML_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
# Block edges are marked while walking and resolved at the end, so nested blocks and the
# whitespace between tags yield one line break (or one blank line), not a pile of them.
_HTML_LINE_MARK = "\ue000"
_HTML_PARAGRAPH_MARK = "\ue001"
_HTML_BREAKS = re.compile("[ \ue000\ue001]*[\ue000\ue001][ \ue000\ue001]*")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_DROPPED = ("script", "style", "nav", "head", "noscript", "template")
_HTML_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "dl"}
)
_HTML_LINES = frozenset(
    {
        "div", "li", "tr", "br", "hr", "section", "article", "main", "header", "footer", "aside",
        "address", "figure", "figcaption", "form", "fieldset", "dt", "dd", "caption",
        "thead", "tbody", "tfoot", "details", "summary", "body", "html",
    }
)  # fmt: skip
# pypdf raises its own errors for most damage, but on hostile bytes its object parser can also
# fail with these built-ins; any other exception is a bug and should surface.
_PDF_PARSE_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    RecursionError,
)


@dataclass(frozen=True, slots=True)
class SourceText:
    """The text of one input file, and the facts that identify the file.

    `sha256` is over the file's bytes, not the text, so the same document renamed or copied is
    recognised as already ingested (see `promises.graph.ids.document_id`).
    """

    path: str
    sha256: str
    format: str
    text: str


class InputFormat(StrEnum):
    """The formats `read_document` understands; the CLI lists its choices from here."""

    TXT = "txt"
    MD = "md"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"


SUFFIXES: dict[str, InputFormat] = {
    ".txt": InputFormat.TXT,
    ".md": InputFormat.MD,
    ".markdown": InputFormat.MD,
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
    ".pdf": InputFormat.PDF,
    ".docx": InputFormat.DOCX,
}


def format_for(path: Path) -> InputFormat | None:
    """The format a file's suffix (any case) names, or None when it is not one we read.

    >>> format_for(Path("minutes/June.HTM"))
    <InputFormat.HTML: 'html'>
    >>> format_for(Path("notes.doc")) is None
    True
    """
    return SUFFIXES.get(path.suffix.lower())


def unsupported_reason(path: Path) -> str:
    """The reason given for a file whose suffix names no reader; lists what would work.

    >>> unsupported_reason(Path("old.doc"))
    "unsupported file type '.doc' (supported: .docx, .htm, .html, .markdown, .md, .pdf, .txt)"
    """
    suffix = path.suffix or "(none)"
    quoted = f"'{suffix}'" if path.suffix else suffix
    return f"unsupported file type {quoted} (supported: {', '.join(sorted(SUFFIXES))})"


def iter_input_files(paths: Sequence[Path]) -> Iterator[Path | InputFileError]:
    """Yield the files to ingest under `paths`, in a stable order, and errors for the rest.

    Arguments are visited in the order given; folders are walked recursively with entries sorted
    by name so a run is reproducible. Errors are yielded, not raised, so one mistyped path does
    not stop a batch. A file the user names explicitly with an unsupported suffix is an error;
    inside a folder such files are expected (agendas, images) and skipped silently, as are
    hidden files and folders (`.git`, editor swap files). Symlinked folders are not followed,
    which rules out cycles; a file reached twice is yielded once.
    """
    seen: set[Path] = set()
    for path in paths:
        for found in _walk_argument(path):
            if isinstance(found, InputFileError):
                yield found
                continue
            key = found.resolve()
            if key not in seen:
                seen.add(key)
                yield found


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one file into a `SourceText`, or raise `InputFileError` saying why it cannot be.

    The size is checked with `stat` before any byte is read, so a huge file costs nothing. The
    text has line endings normalised to `\\n` and no leading BOM; nothing else is changed.
    """
    path = Path(path)
    try:
        info = path.stat()
    except OSError as err:
        raise InputFileError(path, _os_reason(err)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(path, "not a regular file")
    fmt = format_for(path)
    if fmt is None:
        raise InputFileError(path, unsupported_reason(path))
    if info.st_size > max_bytes:
        raise InputFileError(path, _too_big_reason(info.st_size, max_bytes))
    if info.st_size == 0:
        raise InputFileError(path, "empty file")
    data, digest = _read_bytes(path, info.st_size, max_bytes)
    if not data:
        raise InputFileError(path, "empty file")
    text = _normalise_newlines(READERS[fmt](path, data))
    if not text.strip():
        raise InputFileError(path, "no text")
    return SourceText(path=str(path), sha256=digest, format=fmt.value, text=text)


def read_plain_text(path: Path, data: bytes) -> str:
    """Decode a .txt or .md file; Markdown is kept as written so offsets match the file."""
    return _decode_text(path, data)


def read_html(path: Path, data: bytes) -> str:
    """Flatten HTML to lines: blocks become lines, list items get "• ", table cells a tab.

    Page furniture (script, style, nav, head) is dropped. Only real tags are removed: text
    such as `&lt;script&gt;` in the minutes comes out as the literal words "<script>".
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_decode_html(path, data))
    tree.strip_tags(list(_HTML_DROPPED))
    root = tree.body or tree.root
    if root is None:
        return ""
    out: list[str] = []
    _html_render(root, out, preformatted=False)
    return _tidy_html_text("".join(out))


def read_pdf(path: Path, data: bytes) -> str:
    """Extract the text layer of every page, pages joined by a blank line.

    Repeated paragraphs and running headers stay in: the clean step removes them while
    keeping offsets. An encrypted PDF with an empty user password (only editing locked, common
    for published minutes) opens like any other.
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    parse_errors: tuple[type[Exception], ...] = (PyPdfError, *_PDF_PARSE_ERRORS)
    if b"%PDF-" not in data[:1024]:
        raise InputFileError(path, "not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputFileError(path, "password-protected PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        raise InputFileError(path, "password-protected PDF") from None
    except DependencyError:
        raise InputFileError(
            path, "encrypted PDF needs the 'cryptography' package (pip install cryptography)"
        ) from None
    except parse_errors:
        raise InputFileError(path, "corrupt or truncated PDF") from None
    if not any(page.strip() for page in pages):
        raise InputFileError(path, "no text layer, OCR not supported")
    return "\n\n".join(pages)


def read_docx(path: Path, data: bytes) -> str:
    """Paragraphs and tables in document order: cells joined by a tab, list items with "• "."""
    from docx.table import Table

    document = _open_docx(path, data)
    blocks: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            blocks.append(_docx_table_text(block))
        else:
            blocks.append(_docx_paragraph_text(block))
    return "\n".join(blocks)


READERS: dict[InputFormat, Callable[[Path, bytes], str]] = {
    InputFormat.TXT: read_plain_text,
    InputFormat.MD: read_plain_text,
    InputFormat.HTML: read_html,
    InputFormat.PDF: read_pdf,
    InputFormat.DOCX: read_docx,
}


def _walk_argument(path: Path) -> Iterator[Path | InputFileError]:
    try:
        info = path.stat()
    except OSError as err:
        yield InputFileError(path, _os_reason(err))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk_folder(path)
    elif not stat.S_ISREG(info.st_mode):
        yield InputFileError(path, "not a regular file")
    elif format_for(path) is None:
        yield InputFileError(path, unsupported_reason(path))
    else:
        yield path


def _walk_folder(folder: Path) -> Iterator[Path | InputFileError]:
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as err:
        yield InputFileError(folder, _os_reason(err))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk_folder(entry)
        elif entry.is_file() and format_for(entry) is not None:
            yield entry


def _os_reason(err: OSError) -> str:
    return (err.strerror or type(err).__name__).lower()


def _too_big_reason(size: int, limit: int) -> str:
    return f"file is {_size_text(size)}, over the {_limit_text(limit)} limit (raise it with --max-size)"


def _size_text(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB // 10 else f"{size:,} bytes"


def _limit_text(limit: int) -> str:
    return f"{limit // MB} MB" if limit % MB == 0 else _size_text(limit)


def _read_bytes(path: Path, expected: int, max_bytes: int) -> tuple[bytes, str]:
    """Read the file and its SHA-256, holding the bytes once, refusing it if it grew too big.

    One read of the size `stat` reported avoids the second copy that joining chunks costs on a
    20 MB file; chunked reads only follow if the file grew since. The hash is fed in chunks so
    it never needs a copy either.
    """
    try:
        with path.open("rb") as handle:
            chunks = [handle.read(expected + 1)]
            total = len(chunks[0])
            while total <= max_bytes and total > expected and (chunk := handle.read(_CHUNK)):
                chunks.append(chunk)
                total += len(chunk)
    except OSError as err:
        raise InputFileError(path, _os_reason(err)) from None
    if total > max_bytes:
        raise InputFileError(path, _too_big_reason(total, max_bytes))
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    digest = hashlib.sha256()
    view = memoryview(data)
    for start in range(0, len(data), _CHUNK):
        digest.update(view[start : start + _CHUNK])
    return data, digest.hexdigest()


def _normalise_newlines(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _decode_text(path: Path, data: bytes) -> str:
    """Decode bytes whose encoding is unknown: BOM, UTF-16 shape, UTF-8, then detection.

    Order matters: a BOM is proof, BOM-less UTF-16 would otherwise look like binary (half its
    bytes are NUL), and strict UTF-8 almost never decodes non-UTF-8 text by accident.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked_text(path, _strict_decode(path, data[len(bom) :], encoding))
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _checked_text(path, _strict_decode(path, data, utf16))
    if b"\x00" in data:
        raise InputFileError(path, "binary data, not text")
    try:
        return _checked_text(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked_text(path, _detect_and_decode(path, data))


def _strict_decode(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputFileError(path, "binary data, not text") from None


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM by where its NUL bytes fall (ASCII-heavy text assumed)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    even_nuls, odd_nuls = even.count(0) / half, odd.count(0) / half
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _detect_and_decode(path: Path, data: bytes) -> str:
    from charset_normalizer import from_bytes

    match = from_bytes(data, cp_isolation=_WESTERN_ENCODINGS).best() or from_bytes(data).best()
    if match is None:
        raise InputFileError(path, "binary data, not text")
    return str(match)


def _checked_text(path: Path, text: str) -> str:
    """Refuse decoded text that is mostly control characters: random bytes decode to that."""
    if "\x00" in text:
        raise InputFileError(path, "binary data, not text")
    controls = sum(1 for ch in text if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc")
    if text and controls / len(text) > _MAX_CONTROL_RATIO:
        raise InputFileError(path, "binary data, not text")
    return text


def _decode_html(path: Path, data: bytes) -> str:
    """Honour a BOM, then a declared `<meta charset>`, then fall back to detection."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = _HTML_META_CHARSET.search(data[:4096])
        if declared is not None:
            try:
                encoding = codecs.lookup(declared.group(1).decode("ascii")).name
                return _checked_text(path, data.decode(encoding))
            except (LookupError, UnicodeDecodeError):
                pass
    return _decode_text(path, data)


def _html_render(node: LexborNode, out: list[str], *, preformatted: bool) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = child.text_content or ""
            out.append(text if preformatted else _HTML_SPACE.sub(" ", text))
        elif tag is None or tag.startswith("-"):
            continue  # comments and other non-element nodes carry no minutes text
        elif tag == "br":
            out.append("\n" if preformatted else _HTML_LINE_MARK)
        elif tag == "tr":
            out.append(_HTML_LINE_MARK + "\t".join(_html_row_cells(child)) + _HTML_LINE_MARK)
        else:
            _html_render_element(child, tag, out, preformatted=preformatted)


def _html_render_element(node: LexborNode, tag: str, out: list[str], *, preformatted: bool) -> None:
    edge = _HTML_PARAGRAPH_MARK if tag in _HTML_PARAGRAPHS else _HTML_LINE_MARK if tag in _HTML_LINES else ""
    out.append(edge)
    if tag == "li":
        out.append("• ")
    _html_render(node, out, preformatted=preformatted or tag == "pre")
    out.append(edge)


def _html_row_cells(row: LexborNode) -> list[str]:
    cells: list[str] = []
    for cell in row.iter(include_text=False):
        if cell.tag in ("td", "th"):
            parts: list[str] = []
            _html_render(cell, parts, preformatted=False)
            cells.append(_HTML_SPACE.sub(" ", "".join(parts)).strip())
    return cells


def _tidy_html_text(text: str) -> str:
    def resolve(marks: re.Match[str]) -> str:
        return "\n\n" if _HTML_PARAGRAPH_MARK in marks.group() else "\n"

    return _HTML_BREAKS.sub(resolve, text).strip("\n ")


def _open_docx(path: Path, data: bytes) -> DocxDocument:
    """Check the container before python-docx does, so the reason names what the file is."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(_OLE_MAGIC):
        raise InputFileError(path, "not a Word document (old .doc or encrypted file; save it as .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise InputFileError(path, "not a Word document (not a zip archive)") from None
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise InputFileError(path, "not a Word document (zip archive without word/document.xml)")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile) as err:
        raise InputFileError(path, f"not a Word document ({err})") from None


def _docx_paragraph_text(paragraph: Paragraph) -> str:
    return f"• {paragraph.text}" if _docx_is_list_item(paragraph) else paragraph.text


def _docx_is_list_item(paragraph: Paragraph) -> bool:
    """A list item carries numbering on the paragraph or inherits it from its style chain."""
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        return True
    style = paragraph.style
    if style is not None and style.name is not None and style.name.startswith("Heading"):
        return False  # outline-numbered headings are numbered through styles but are not lists
    while style is not None:
        style_properties = style.element.pPr
        if style_properties is not None and style_properties.numPr is not None:
            return True
        style = style.base_style
    return False


def _docx_table_text(table: Table) -> str:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans; keep it once.
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(cell.text.replace("\n", " "))
        rows.append("\t".join(cells))
    return "\n".join(rows)
