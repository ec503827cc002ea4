"""PDF with PDFium (`pdfpage`) or pdfplumber: ruled tables from their lines, the text outside them joined into
paragraphs, page numbers dropped, a table that runs over a page break read as one."""
from __future__ import annotations

import re
from contextlib import nullcontext
from pathlib import Path

from ..core import lexicon
from ..core.errors import NarratorError
from ..core.textfile import megabytes
from .document import (HEADING, MAX_PDF_BYTES, MAX_PDF_PAGES, Paragraph, Sections, SourceDocument, Table, check_length,
                       damaged, simplified)
from .memory import readable


_LIST_START = re.compile(r"^(\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]+、)")
_PAGE_NUMBER = re.compile(r"^[—\-－–\s]*(第\s*)?\d+(\s*页)?[—\-－–\s]*$|^\d+\s*/\s*\d+$")


def read_pdf(path: Path, repeat_merged: bool = True, pdfium: bool = True) -> SourceDocument:
    """Paragraphs and tables of a PDF with pdfplumber: ruled tables from their lines, the text
    outside them as lines joined into paragraphs (a new paragraph where a line is indented, the
    line before it ends short, or the font size changes), page numbers dropped, a table that
    runs over a page break (its header repeated or not) read as one table. A merged cell repeats
    its text in each row it covers, as a DOCX is read, unless `repeat_merged` is False (the
    target-table importer reads a merge's continuation as blank, as in a workbook). The letters and
    lines come from PDFium (`pdfpage`); with `pdfium` False, from pdfplumber's own pdfminer objects
    (slower; kept to compare against)."""
    import pdfplumber

    from .pdfpage import pdfium_pages  # pdfplumber's page class: loaded with it, for PDFs only

    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise NarratorError("report_too_large", file=path, size=megabytes(size), limit=megabytes(MAX_PDF_BYTES))
    try:
        pdf = pdfplumber.open(readable(path))
    except Exception as error:  # pdfminer raises its own kinds for damaged and encrypted files
        code = "pdf_encrypted" if "password" in type(error).__name__.lower() else "pdf_corrupt"
        raise NarratorError(code, file=path, reason=str(error) or type(error).__name__) from None
    # pdfplumber reads pages lazily: a damaged page fails below, inside `damaged`.
    try:
        with damaged(path, "pdf_corrupt"):
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise NarratorError("pdf_too_many_pages", file=path, pages=len(pdf.pages), limit=MAX_PDF_PAGES)
            with pdfium_pages(pdf, path) if pdfium else nullcontext(pdf.pages) as pages:
                items = _pdf_items(pages)
    finally:
        pdf.close()
    items.sort(key=lambda item: (item[0], item[1]))
    return SourceDocument(str(path), _pdf_blocks(items, str(path), repeat_merged))


def _pdf_items(pages) -> list[tuple]:
    """(page, top, kind, payload) for each text line and ruled table of the pages."""
    items = []
    for number, page in enumerate(pages, start=1):
        # Ruling lines are lines or thin rectangles; a filled area (a highlight, a shaded cell)
        # is not one, or a highlighted placeholder would split a cell into two columns.
        tables = page.filter(_not_a_filled_area).find_tables()
        boxes = [table.bbox for table in tables]
        text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
        for line in text_page.extract_text_lines(return_chars=True, x_tolerance_ratio=_WORD_GAP):
            text = simplified(line["text"]).strip()
            if text and not _PAGE_NUMBER.match(text):
                chars = line["chars"]
                items.append((number, line["top"], "line", {
                    "text": text, "x0": line["x0"], "x1": line["x1"], "top": line["top"], "bottom": line["bottom"],
                    "size": round(max(c["size"] for c in chars), 1),
                    "bold": any("bold" in c.get("fontname", "").lower() for c in chars)}))
        for table in tables:
            items.append((number, table.bbox[1], "table", {"cells": _spans_marked(table),
                                                              "bottom": table.bbox[3], "x1": table.bbox[2]}))
    return items


# A gap between two letters is a space only when it is wider than this share of the font size.
# The narrow gap a typesetter puts between Chinese and Latin letters or digits ("指标 54 项",
# about 0.2 em, wider on a justified line) is not in the document the PDF came from; a space typed between the cells
# of a text table ("健全性 健全 健全", 0.5 em, or a space glyph) is.
_WORD_GAP = 0.45


def _not_a_filled_area(obj: dict) -> bool:
    return obj.get("object_type") != "rect" or min(obj["width"], obj["height"]) <= 2


def _inside(obj: dict, boxes: list) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _pdf_blocks(items: list, file: str, repeat_merged: bool = True) -> list[Paragraph | Table]:
    lines = [payload for _, _, kind, payload in items if kind == "line"]
    if lines:
        sizes = [line["size"] for line in lines]
        body_size = max(set(sizes), key=sizes.count)
        # The text area: continuation lines start at its left edge (a first line may be indented,
        # a title centred), full lines end at its right edge.
        left = min(line["x0"] for line in lines if line["size"] == body_size)
        right = max([line["x1"] for line in lines if line["size"] == body_size]
                    + [payload["x1"] - body_size for _, _, kind, payload in items if kind == "table"])
        steps = [b["top"] - a["top"] for (pa, _, ka, a), (pb, _, kb, b) in zip(items, items[1:])
                 if ka == kb == "line" and pa == pb and a["size"] == b["size"] == body_size and b["top"] > a["top"]]
        pitch = sorted(steps)[len(steps) // 2] if steps else body_size * 1.5
    blocks: list[Paragraph | Table] = []
    state = Sections()
    paragraphs = tables = 0
    current: list[str] = []
    start_page = last_page = 0
    last_line: dict = {}
    previous = None

    def flush() -> None:
        nonlocal paragraphs, current
        if current:
            text = "".join(current)
            paragraphs += 1
            check_length(text, paragraphs, file)
            state.see(text)
            blocks.append(Paragraph(text, paragraphs, state.section, page=start_page))
            current = []

    # The lowest text or table on any page: where the body of a page ends. A table segment that
    # reaches it was cut by the page break, and may have a row broken across the two pages.
    page_bottom = max((payload["bottom"] for _, _, _, payload in items), default=0)
    if not lines:
        pitch = 15.0
    previous_bottom = 0.0
    for page, _, kind, payload in items:
        if kind == "table":
            flush()
            cells = payload["cells"]
            last = blocks[-1] if blocks else None
            joins = isinstance(last, Table) and previous == "table" and last.row_pages[-1] != page
            header = _pdf_table_rows(cells[:1]) if cells else []
            repeated = bool(joins and header and header[0] == last.rows[0])
            rows = _pdf_table_rows(cells, last.rows[-1] if joins and repeat_merged else None,
                                   skip=1 if repeated else 0, repeat_merged=repeat_merged)
            # Cut by the page: it ends within a line of the page's bottom (a row that would not fit
            # whole either moved to the next page or was broken there; the cells tell which).
            previous, cut, previous_bottom = "table", previous_bottom >= page_bottom - pitch, payload["bottom"]
            if not rows:
                continue
            if joins and (repeated or len(rows[0]) == len(last.rows[0])):
                if cut and _continues_row(rows[0], last.rows[-1]):
                    # The last row was broken by the page: its cells go on at the top of this page.
                    last.rows[-1] = [before + after for before, after in zip(last.rows[-1], rows[0])]
                    rows = rows[1:]
                elif repeat_merged and rows:
                    # A group merged over the page break (its 一级/二级 printed on the page before): an empty
                    # cell of the page's first row, left of the row's own text (cells equal to the row above,
                    # as a group carried over, are not its own), in a column that is never empty above
                    # (merged groups read repeated; a table of blank cells keeps its blanks).
                    above = last.rows[-1]
                    _join_wrapped_group(last.rows, rows)
                    for index, cell in enumerate(rows[0][:len(above)]):
                        if cell and cell == above[index]:
                            continue
                        if cell or not all(index < len(row) and row[index] for row in last.rows[1:]):
                            break
                        rows[0][index] = above[index]
                last.rows += rows
                last.row_pages += [page] * len(rows)
            else:
                tables += 1
                blocks.append(Table(rows, tables, state.section, row_pages=[page] * len(rows)))
            continue
        line = payload
        size = char = line["size"]
        starts_new = (
            not current or previous != "line"
            or line["x0"] > left + 0.8 * char  # first-line indent
            or (page == last_page and line["top"] - last_line["top"] > 1.35 * pitch)  # space between paragraphs
            or abs(size - last_line["size"]) > 0.5 or line["bold"] != last_line["bold"]
            or last_line["x1"] < right - 4 * char  # the line before ended well short of the margin
            or (last_line["x1"] < right - 1.5 * char and _LIST_START.match(line["text"]) is not None)
            # A numbered heading stands on a line of its own; "27、28期…" running on is not one.
            or (HEADING.match(line["text"]) is not None and line["x1"] < right - 4 * char)
        )
        if starts_new:
            flush()
            start_page = page
        last_page = page
        current.append(line["text"])
        last_line = line
        previous = "line"
    flush()
    return blocks


def _join_wrapped_group(before: list[list[str]], rows: list[list[str]]) -> None:
    """A group (二级 of the 自评表) merged over its rows from the last row of a page on: its label, wrapped
    in the narrow column, runs over the page break (负责产学研合 | 作). The short piece at the top of the
    new page goes back on the label, in every row of the group on both pages. A group that began rows
    earlier had room for its label; a level name (效益) is a group of its own; only a column of groups
    (its values repeat) is looked at, never one of values."""

    if len(before) < 3 or not rows:
        return
    above, earlier = before[-1], before[-2]
    for index, piece in enumerate(rows[0][:len(above)]):
        label = above[index]
        if any(rows[0][j] not in ("", above[j]) for j in range(index)):
            break  # past the group columns: the row's own text has begun
        column = [row[index] for row in before[1:] if index < len(row)]
        grouped = len(column) == len(before) - 1 and all(column) and 2 * len(set(column)) <= len(column)
        if not grouped or not piece or not label or piece == label or label == earlier[index] or len(piece) > 3 \
                or piece in lexicon.any_level_name():
            continue
        joined = label + piece
        for row in rows:
            if index < len(row) and row[index] == piece:
                row[index] = joined
            else:
                break
        above[index] = joined


def _continues_row(row: list[str], above: list[str]) -> bool:
    """A row at the top of a page that finishes the row the page break cut: each of its filled
    cells goes on from a filled cell above, and at most half as many cells are filled (the ones
    whose text ran over); a new row fills its own cells."""
    filled = [index for index, text in enumerate(row) if text]
    return bool(filled) and len(row) == len(above) and all(above[index] for index in filled) \
        and 2 * len(filled) <= sum(1 for text in above if text)


_SPANNED = "\x00spanned"  # a cell covered by the one on its left (a horizontal merge)


def _spans_marked(table) -> list[list[str | None]]:
    """pdfplumber's cells, where None means "covered by a merged cell": a covered cell is marked
    `_SPANNED` when the nearest cell on its left reaches over it (merged across), and stays None
    when merged with the cell above."""
    cells = table.extract()
    boxes = [row.cells for row in table.rows]
    lefts: dict[int, float] = {}
    for row in boxes:
        for index, box in enumerate(row):
            if box is not None:
                lefts[index] = min(lefts.get(index, box[0]), box[0])
    for row_cells, row_boxes in zip(cells, boxes):
        reach = None  # the right edge of the last real cell on the left
        for index, box in enumerate(row_boxes):
            if box is not None:
                reach = box[2]
            elif reach is not None and index in lefts and reach > lefts[index] + 1 and index < len(row_cells):
                row_cells[index] = _SPANNED
    return cells


def _pdf_table_rows(cells: list[list[str | None]], carry: list[str] | None = None,
                    skip: int = 0, repeat_merged: bool = True) -> list[list[str]]:
    """A pdfplumber table as text rows. A cell merged with the one above (None) repeats its text,
    as a DOCX vertical merge reads, and one merged with the cell on its left (`_SPANNED`) repeats
    that, as a DOCX horizontal merge reads; a merge continued from the previous page (an empty first cell
    with merged cells below) repeats `carry`, that page's last row. Text wrapped inside a cell is
    joined without the line breaks; a column with no cell at all (a stray ruling line) is dropped. The first `skip` rows (a header repeated on a new page) are left out."""
    width = max((len(row) for row in cells), default=0)
    cells = [list(row) + [None] * (width - len(row)) for row in cells]
    keep = [index for index in range(width) if any(row[index] not in (None, _SPANNED) for row in cells)]
    cells = [[row[index] for index in keep] for row in cells][skip:]
    rows: list[list[str]] = []
    for number, raw in enumerate(cells):
        row = []
        for index, cell in enumerate(raw):
            below = cells[number + 1][index] if number + 1 < len(cells) else ""
            if cell == _SPANNED:
                row.append(row[-1] if row and repeat_merged else "")
            elif cell is None:
                above = rows[-1][index] if rows and index < len(rows[-1]) and repeat_merged else ""
                row.append(above)
            elif cell == "" and below is None and not rows and carry and index < len(carry):
                row.append(carry[index])
            else:
                row.append(simplified(re.sub(r"\s*\n\s*", "", cell).strip()))
        if any(row):
            rows.append(row)
    return rows
