"""A report as read: its paragraphs and tables in document order, each with its place (line, page, section),
and what every reader shares: the limits on what is read, the first check of a file (file_head), a package's
preflight, Traditional characters as Simplified (OpenCC) and the sections headings open."""
from __future__ import annotations

import re
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..core.errors import NarratorError, os_reason
from ..core.textfile import megabytes
from . import kinds
from .memory import readable


MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 500
MAX_PART_BYTES = 40 * 1024 * 1024  # one XML part of a DOCX or XLSX, uncompressed
MAX_MEDIA_BYTES = 100 * 1024 * 1024  # one picture or embedded file
MAX_PACKAGE_BYTES = 300 * 1024 * 1024  # all parts together, uncompressed
MAX_PACKAGE_MEMBERS = 10_000
MAX_PARAGRAPH_CHARS = 50_000  # the longest paragraph of the seeds has about 1,500
MAX_SHEET_COLUMNS = 200
MAX_SHEET_ROWS = 100_000
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# 一、… / （一）… / 7、 预算信息 / # Markdown: a heading opens a section.
HEADING = re.compile(r"^(#{1,6}\s+|[一二三四五六七八九十]+、|\d{1,2}、\s*\S)")


@dataclass
class Paragraph:
    text: str
    number: int  # 1-based among the document's paragraphs
    section: str = ""
    style: str = ""
    line: int | None = None  # line in a text file
    page: int | None = None  # page of a PDF


@dataclass
class Table:
    rows: list[list[str]]
    number: int  # 1-based among the document's tables
    section: str = ""
    line: int | None = None
    row_lines: list[int | None] = field(default_factory=list)
    row_pages: list[int | None] = field(default_factory=list)  # page of each row in a PDF


@dataclass
class SourceDocument:
    file: str
    blocks: list[Paragraph | Table]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def file_head(path: Path, encrypted_suffixes: set[str] = kinds.DOCX) -> bytes:
    """The first bytes of an existing, non-empty file that is not an OLE (encrypted or
    old Office) file; anything else raises NarratorError naming the file."""
    if not path.is_file():
        raise NarratorError("file_missing" if not path.is_dir() else "os_is_folder", file=path)
    try:
        if path.stat().st_size == 0:
            raise NarratorError("report_empty", file=path)
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise NarratorError("file_unreadable", file=path, reason=os_reason(error)) from None
    if head == OLE_SIGNATURE:
        suffix = path.suffix.lower()
        if suffix in kinds.WORKBOOK:
            code = "workbook_encrypted"
        else:
            code = "report_encrypted" if suffix in encrypted_suffixes else "report_old_word"
        raise NarratorError(code, file=path)
    return head


@lru_cache(maxsize=1)
def _traditional_to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


# A mirror site's conversion to Traditional script may leave each converted character's reading after it
# in brackets: 區(qū)、價(jià). Pinyin carries a tone mark; a bracket cut off at the end of the text ("生態(t")
# is the same noise.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_RUBY = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?:[a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]|[a-zü{_TONED}]*(?=\s*\Z))")


def without_readings(text: str) -> str:
    """Text without the pinyin readings a converter left after characters: 岳陽樓區(qū) → 岳陽樓區."""
    return _RUBY.sub("", text)


def simplified(text: str) -> str:
    """Traditional characters as Simplified (OpenCC t2s), character for character, so offsets into
    the text still point at the same figures (a Word comment is anchored by them)."""
    if text.isascii():
        return text
    converter = _traditional_to_simplified()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    pieces = [converter.convert(character) for character in text]
    return "".join(piece if len(piece) == 1 else character for piece, character in zip(pieces, text))


def check_length(text: str, number: int, file: str) -> None:
    if len(text) > MAX_PARAGRAPH_CHARS:
        raise NarratorError("paragraph_too_long", file=file, number=number, length=len(text), limit=MAX_PARAGRAPH_CHARS)


class Sections:
    """Tracks the heading a block stands under."""

    def __init__(self):
        self.section = ""

    def see(self, text: str, style: str = "") -> None:
        if style.lower().startswith(("heading 1", "title")) or (
                not style.lower().startswith("heading 2") and HEADING.match(text) and len(text) <= 60):
            self.section = re.sub(r"^#{1,6}\s+", "", text).split("：")[0].strip()


def preflight_package(path: Path, required: str, missing_code: str, corrupt_code: str = "report_corrupt",
                      encrypted_code: str = "report_encrypted") -> None:
    """Refuse a DOCX or XLSX (a ZIP package) before any part is parsed: damaged, encrypted,
    without its main part, or with parts whose declared uncompressed size is above the limits
    (zipfile never inflates a member past the size its header declares)."""
    try:
        with zipfile.ZipFile(readable(path)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise NarratorError(corrupt_code, file=path, reason=str(error) or type(error).__name__) from None
    names = {member.filename for member in members}
    if "EncryptionInfo" in names:
        raise NarratorError(encrypted_code, file=path)
    if required not in names:
        raise NarratorError(missing_code, file=path)
    if len(members) > MAX_PACKAGE_MEMBERS:
        raise NarratorError("package_too_many_parts", file=path, count=len(members), limit=MAX_PACKAGE_MEMBERS)
    total = 0
    for member in members:
        limit = MAX_MEDIA_BYTES if "/media/" in member.filename or "/embeddings/" in member.filename \
            else MAX_PART_BYTES
        if member.file_size > limit:
            raise NarratorError("package_part_too_large", file=path, part=member.filename,
                             size=megabytes(member.file_size), limit=megabytes(limit))
        total += member.file_size
    if total > MAX_PACKAGE_BYTES:
        raise NarratorError("report_too_large", file=path, size=megabytes(total), limit=megabytes(MAX_PACKAGE_BYTES))


_DECORATED_PAGE_NUMBER = re.compile(r"^[—\-－–]+\s*\d+\s*[—\-－–]+$|^第\s*\d+\s*页(\s*[，,/／]?\s*共\s*\d+\s*页)?$")


def is_page_number(text: str) -> bool:
    """— 1 —, 第2页: a page's number between the lines of a copied PDF, no content (a bare figure may be a cell)."""
    return bool(_DECORATED_PAGE_NUMBER.match(text.strip()))


@contextmanager
def damaged(path: Path, code: str):
    """Any failure of a third-party reader inside becomes NarratorError `code` naming the file:
    pdfminer, openpyxl and lxml each raise their own kinds for a damaged part."""
    try:
        yield
    except NarratorError:
        raise
    except Exception as error:
        raise NarratorError(code, file=path, reason=str(error) or type(error).__name__) from None
