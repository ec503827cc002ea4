"""Read a report as it was written: paragraphs and tables, in document order, whatever its kind — one module
per kind (`text`, `word` for DOCX, `workbook`, `pdf`) over the document they all give (`document`).
`read_document` picks the reader; the names below are the readers' public ones, for callers that read
one kind."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import NarratorError
from ..core.textfile import read_text_file
from . import kinds
from .document import (MAX_MEDIA_BYTES, MAX_PACKAGE_BYTES, MAX_PACKAGE_MEMBERS, MAX_PARAGRAPH_CHARS, MAX_PART_BYTES,
                       MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, OLE_SIGNATURE, Paragraph,
                       SourceDocument, Table, file_head, is_page_number, preflight_package, simplified,
                       without_readings)
from .memory import InMemory
from .pdf import read_pdf
from .text import read_text
from .word import DocxPackage, docx_blocks, open_docx, paragraph_text, read_docx
from .workbook import SheetRow, cell_text, cell_value, read_workbook, read_workbook_document

__all__ = ["DocxPackage", "MAX_MEDIA_BYTES", "MAX_PACKAGE_BYTES", "MAX_PACKAGE_MEMBERS", "MAX_PARAGRAPH_CHARS",
           "MAX_PART_BYTES", "MAX_PDF_BYTES", "MAX_PDF_PAGES", "MAX_SHEET_COLUMNS", "MAX_SHEET_ROWS", "OLE_SIGNATURE",
           "Paragraph", "SheetRow", "SourceDocument", "Table", "cell_text", "cell_value", "docx_blocks", "file_head",
           "is_page_number", "open_docx", "paragraph_text", "preflight_package", "read_docx", "read_pdf", "read_text",
           "read_workbook", "read_workbook_document", "simplified", "without_readings", "read_document",
           "read_text_file"]


def read_document(path: str | Path | bytes, name: str = "") -> SourceDocument:
    """Read a DOCX, PDF, workbook or text report — a file, or its bytes under its `name` (an upload, a
    draft not yet written); unreadable input raises NarratorError naming the file.

        >>> read_document("自评报告.docx").paragraphs[0].text
        >>> read_document(upload_bytes, "自评报告.docx").tables"""
    path = InMemory(path, name or "report") if isinstance(path, (bytes, bytearray)) else \
        path if isinstance(path, InMemory) else Path(path)
    head = file_head(path, kinds.DOCX | kinds.WORKBOOK)
    suffix = path.suffix.lower()
    if suffix in kinds.PDF or head.startswith(b"%PDF"):
        return read_pdf(path)
    if suffix in kinds.WORKBOOK:
        return read_workbook_document(path)
    if suffix in kinds.DOCX or (head.startswith(b"PK") and suffix not in kinds.TEXT):
        return read_docx(path)
    if suffix in kinds.TEXT or not suffix:
        return read_text(read_text_file(path), str(path))
    if suffix == kinds.OLD_WORD:
        raise NarratorError("report_old_word", file=path)
    raise NarratorError("report_unknown_extension", file=path, suffix=path.suffix)
