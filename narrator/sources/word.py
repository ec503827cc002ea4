"""DOCX with python-docx: paragraphs and tables in body order (a table inside a cell skipped), merged cells
repeated or blank, after a preflight of the package's size and parts."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..core.errors import NarratorError, message
from .document import (MAX_SHEET_COLUMNS, Paragraph, Sections, SourceDocument, Table, check_length, damaged,
                       preflight_package, simplified)
from .memory import readable


def read_docx(path: Path) -> SourceDocument:
    return docx_blocks(open_docx(path), str(path))


@dataclass
class DocxPackage:
    """What a check reads of a .docx: the main part's <w:body> and the names of the paragraph styles it
    uses (the style part parsed only when a paragraph names a style)."""

    body: object
    style_names: dict[str, str]


def open_docx(path: Path) -> DocxPackage:
    """The body and style names of `path`; a damaged, encrypted or oversized file raises NarratorError.
    Read from the package's XML directly: python-docx's package model parses every part (the default
    template's 350 KB of styles among them) before the first paragraph is read."""
    from docx.oxml.ns import qn
    from docx.styles import BabelFish
    from lxml import etree

    preflight_package(path, "word/document.xml", "report_not_docx")
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    with damaged(path, "report_corrupt"), zipfile.ZipFile(readable(path)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"), parser).find(qn("w:body"))
        if body is None:
            raise NarratorError("report_corrupt", file=path, reason=message("report_no_body"))
        used = {element.get(qn("w:val")) for element in body.iter(qn("w:pStyle"))} - {None}
        names: dict[str, str] = {}
        if used and "word/styles.xml" in archive.namelist():
            for style in etree.fromstring(archive.read("word/styles.xml"), parser).iterchildren(qn("w:style")):
                name = style.find(qn("w:name"))
                if style.get(qn("w:styleId")) in used and name is not None:
                    names[style.get(qn("w:styleId"))] = BabelFish.internal2ui(name.get(qn("w:val"), ""))
    return DocxPackage(body, names)


def docx_blocks(document, file: str = "", repeat_merged: bool = True) -> SourceDocument:
    """Paragraphs and tables of a DocxPackage (or a python-docx Document), in body order. A merged cell repeats its
    text over the rows and columns it covers, unless `repeat_merged` is False (the target-table
    importer reads a merge's continuation as blank, as in a workbook).

    Reads the body XML directly: python-docx's style and cell proxies look styles and
    merged cells up one at a time, which made reading most of the time of a check."""
    from docx.oxml.ns import qn

    if isinstance(document, DocxPackage):
        body, style_names = document.body, document.style_names
    else:  # a python-docx Document
        body, style_names = document.element.body, {style.style_id: style.name for style in document.styles}
    blocks: list[Paragraph | Table] = []
    state = Sections()
    paragraphs = tables = 0
    properties_tag, style_tag, value_tag = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
    for element in body.iterchildren():
        if element.tag == qn("w:p"):
            paragraphs += 1
            text = simplified(paragraph_text(element))
            if not text.strip():
                continue
            check_length(text, paragraphs, file)
            properties = element.find(properties_tag)
            style_element = properties.find(style_tag) if properties is not None else None
            style = style_names.get(style_element.get(value_tag, ""), "") if style_element is not None else ""
            state.see(text.strip(), style)
            blocks.append(Paragraph(text, paragraphs, state.section, style))
        elif element.tag == qn("w:tbl"):
            tables += 1
            blocks.append(Table(_table_rows(element, repeat_merged), tables, state.section))
    return SourceDocument(file, blocks)


@lru_cache(maxsize=1)
def _run_texts() -> tuple[str, str, tuple[str, ...], dict[str, str]]:
    """The run tag, the break tag, the tags of the run children python-docx reads, and the text
    of those that are no w:t."""
    from docx.oxml.ns import qn

    others = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
    return qn("w:r"), qn("w:br"), (qn("w:t"), qn("w:br"), *others), others


def paragraph_text(element) -> str:
    """A <w:p>'s text as python-docx gives it (w:t; w:tab and w:ptab as a tab; a line break or
    w:cr as a newline, a page or column break as nothing; runs inside hyperlinks included),
    read from the XML in one filtered pass instead of an XPath query per run (a w:tab outside a
    run is a tab stop, not text)."""
    run, br, tags, others = _run_texts()
    text_tag = tags[0]
    parts = []
    for node in element.iter(tags):
        tag = node.tag
        if tag == text_tag:
            parts.append(node.text or "")
        elif node.getparent().tag != run:
            continue
        elif tag == br:
            parts.append("\n" if node.get(_BREAK_TYPE, "textWrapping") == "textWrapping" else "")
        else:
            parts.append(others[tag])
    return "".join(parts)


_BREAK_TYPE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type"


@lru_cache(maxsize=1)
def _cell_tags() -> dict[str, str]:
    from docx.oxml.ns import qn

    return {name: qn(f"w:{name}") for name in ("tbl", "tr", "tc", "p", "vMerge", "gridSpan", "val")}


def _table_rows(table, repeat_merged: bool = True) -> list[list[str]]:
    """Cell texts by grid column; a horizontally merged cell is repeated across its span,
    a vertically merged one repeats the text of the cell it continues (both blank without
    `repeat_merged`). Read from the XML directly (the rows, cells and paragraphs python-docx
    would give, without its per-element lookups), in one filtered walk over the elements that
    matter; a table inside a cell is no part of it (the cell keeps its own paragraphs). A paragraph's text is
    read as `paragraph_text` reads it, inline: a call per paragraph doubled the time of a table."""
    tags = _cell_tags()
    run, br, text_tags, others = _run_texts()
    text_tag, row_tag, cell_tag, paragraph_tag = text_tags[0], tags["tr"], tags["tc"], tags["p"]
    merge_tag, span_tag, value_tag = tags["vMerge"], tags["gridSpan"], tags["val"]
    # (the references held keep lxml's proxies, so that the walk meets these same objects)
    inner = {node for nested in table.iterdescendants(tags["tbl"]) for node in nested.iter()}
    rows: list[list[str]] = []
    row: list[str] | None = None
    cell: list | None = None  # [continues a vertical merge, span, its paragraphs' parts]
    parts: list[str] = []

    def close_cell() -> None:
        continued, span, paragraphs = cell
        if continued:
            column = len(row)
            text = rows[-1][column] if rows and column < len(rows[-1]) and repeat_merged else ""
        else:
            texts = ["".join(paragraph) for paragraph in paragraphs]
            text = texts[0] if len(texts) == 1 else "\n".join(texts)
            text = simplified(text.strip()) if text else ""
        row.extend([text] * span if repeat_merged else [text] + [""] * (span - 1))

    for node in table.iter(row_tag, cell_tag, paragraph_tag, merge_tag, span_tag, *text_tags):
        if inner and node in inner:
            continue
        tag = node.tag
        if tag == text_tag:
            parts.append(node.text or "")
        elif tag == paragraph_tag:
            parts = []
            if cell is not None:
                cell[2].append(parts)
        elif tag == cell_tag:
            if cell is not None:
                close_cell()
            cell = [False, 1, []]
        elif tag == row_tag:
            if cell is not None:
                close_cell()
            if row is not None:
                rows.append(row)
            row, cell = [], None
        elif tag == merge_tag:
            if cell is not None:
                cell[0] = node.get(value_tag, "continue") == "continue"
        elif tag == span_tag:
            if cell is not None:
                cell[1] = _span(node.get(value_tag))
        elif node.getparent().tag != run:
            continue  # a tab stop, not text
        elif tag == br:
            parts.append("\n" if node.get(_BREAK_TYPE, "textWrapping") == "textWrapping" else "")
        else:
            parts.append(others[tag])
    if cell is not None:
        close_cell()
    if row is not None:
        rows.append(row)
    return rows


def _span(value: str | None) -> int:
    """A cell's gridSpan: how many columns it covers (a damaged one, "abc", 0 or 100000, counts as one)."""
    return int(value) if value is not None and value.isdigit() and 0 < int(value) <= MAX_SHEET_COLUMNS else 1
