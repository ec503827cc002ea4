"""The other readings of copied text: the same lines put in rows as a form or a target table may have been
copied, for the recognisers to try when the report reader's own reading (read.read_text) does not give them
their table. Every reading is a SourceDocument of paragraphs and tables with their lines, as every source is.

- `rows_document`: a line with tabs or Markdown pipes is a row of cells; any other line a paragraph. Text copied
  out of a PDF may put a blank line between a table's rows: then the lines between two blank lines are one row,
  its cells one per line ("cells") or one line wrapped over several ("blocks").
- `line_tables`: each paragraph a row of its space-separated pieces, a line that goes on a wrapped cell joined
  to the row above it.
- `block_tables`: the lines that follow each other are the cells of one row (one cell per line, a blank line
  between rows).
"""
from __future__ import annotations

import re
from typing import Callable

from ..core import lexicon
from .cells import plain
from .document import Paragraph, SourceDocument, Table, is_page_number, without_readings

_PIPE_RULE = re.compile(r"\|?(\s*:?-{2,}:?\s*\|)+")


def rows_document(text: str, file: str = "", wrapped_first_cells: bool = False) -> SourceDocument | None:
    """`text` as rows (see the module's note). With `wrapped_first_cells`, a "blocks" row whose first line is one
    piece is that row's first cell wrapped (“苏州市双创中心众创空间运 / 营服务 56.5 113”), not a row of its own
    (None when the text is not in "blocks"). Every line is kept, a blank one as an empty paragraph, so that
    each row keeps its line number."""
    lines = without_readings(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    layout = _layout(lines)
    if wrapped_first_cells and layout != "blocks":
        return None
    blocks: list[Paragraph | Table] = []
    counts = {Table: 0, Paragraph: 0}

    def row(cells: list[str], line: int) -> None:
        counts[Table] += 1
        blocks.append(Table([cells], counts[Table], line=line, row_lines=[line], row_pages=[None]))

    def paragraph(text: str, line: int) -> None:
        counts[Paragraph] += 1
        blocks.append(Paragraph(text, counts[Paragraph], line=line))

    number = 0
    while number < len(lines):
        line = lines[number]
        stripped = line.strip()
        if stripped.count("|") >= 3 and (stripped.startswith("|") or stripped.endswith("|")):
            # Pipe rows, with or without the outer pipes (“产出指标 | 数量指标 | … | ||”, as a web page copies).
            if not _PIPE_RULE.fullmatch(stripped):
                inner = stripped[1:] if stripped.startswith("|") else stripped
                row(inner.removesuffix("|").split("|"), number + 1)
        elif "\t" in line.strip("\n"):
            row(line.split("\t"), number + 1)
        elif layout and stripped:
            block = _block(lines, number, layout == "cells" or wrapped_first_cells)
            if layout == "cells" and len(block) > 1:
                row(block, number + 1)
            else:
                paragraph("".join(piece.strip() for piece in block), number + 1)
            number += len(block)
            continue
        else:
            paragraph(line, number + 1)
        number += 1
    return SourceDocument(file, blocks)


def _layout(lines: list[str]) -> str:
    """How a text's table rows are laid out when a blank line stands between them: "cells" when the
    indicator header has one cell per line, "blocks" when it is one line with a blank line under it
    (a row's text may be wrapped over several lines); "" when each line is a row."""
    headers = lexicon.target_table_words()["headers"]
    name = headers["name"]
    words = set(headers["levels"]) | {name}
    for index, line in enumerate(lines):
        if name not in line or "\t" in line or "|" in line:
            continue
        if plain(line) == name:
            block = [plain(text) for text in lines[max(0, index - 4):index + 6]]
            if sum(text in words for text in block) >= 3:
                return "cells"
        elif sum(word in line for word in words) >= 3:
            return "blocks" if index + 1 < len(lines) and not lines[index + 1].strip() else ""
    return ""


def _block(lines: list[str], index: int, cells: bool) -> list[str]:
    """The lines from `index` to the next blank line: one row. A row wrapped over lines ("blocks")
    starts with a line of several cells (“单位 主要职能 （一）受……”); a line of one piece is a row of
    its own, as seed 001 writes a 重点工作 right above its first indicator (“负责高企管理服务”)."""
    end = index + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    if not cells and len(lines[index].split()) < 2:
        return lines[index:index + 1]
    return lines[index:end]


def line_tables(document: SourceDocument, continues: Callable[[list[str], str], bool]) -> list[Table]:
    """Text copied with spaces: its tables as they are, each paragraph a one-row table (number 0) of its
    space-separated pieces. A line right below such a row goes on its last cell when `continues(row, line)`
    says so (a cell wrapped over lines when copied from a PDF: 年度总体目标 …支持30 / 0家以上…). Page numbers
    (— 1 —) are no rows."""
    texts: dict[int, str] = {}  # a row's text as written (its spaces kept), by the row

    def start(paragraph: Paragraph) -> list[str]:
        row = paragraph.text.split()
        texts[id(row)] = paragraph.text
        return row

    def extend(table: Table, paragraph: Paragraph) -> None:
        text = texts.pop(id(table.rows[0])) + paragraph.text
        table.rows[0] = text.split()
        texts[id(table.rows[0])] = text

    return _regrouped(document, lambda table, paragraph: continues(table.rows[0], paragraph.text), start, extend)


def block_tables(document: SourceDocument) -> list[Table]:
    """Text copied one cell per line, a blank line between rows: the lines of a text file that follow
    each other are the cells of one row (a one-row table, number 0, per run of lines)."""
    return _regrouped(document, lambda table, paragraph: True, lambda paragraph: [paragraph.text],
                      lambda table, paragraph: table.rows[-1].append(paragraph.text))


def _regrouped(document: SourceDocument, joins: Callable[[Table, Paragraph], bool],
               start: Callable[[Paragraph], list[str]], extend: Callable[[Table, Paragraph], None]) -> list[Table]:
    """The document's tables as they are and its paragraphs as one-row tables (number 0): `start` makes a row of a
    paragraph, `extend` adds the next line's paragraph to it when `joins` says so."""
    tables: list[Table] = []
    for block in document.blocks:
        last = tables[-1] if tables else None
        if isinstance(block, Paragraph) and is_page_number(block.text):
            continue
        if isinstance(block, Table):
            tables.append(block)
        elif last is not None and last.number == 0 and block.line is not None and last.row_lines[-1] == block.line - 1 \
                and joins(last, block):
            extend(last, block)
            last.row_lines[-1] = block.line
        else:
            tables.append(Table([start(block)], 0, block.section, block.line, [block.line], [block.page]))
    return tables
