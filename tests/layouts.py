"""Write a report read from its DOCX back as text, its tables in one of the layouts that copying
out of a PDF or a web page gives (issue 12). Paragraphs are one per line; each table stands
between blank lines. Cells never keep their inner line breaks.

- "spaces": a row per line, cells separated by runs of spaces; empty cells leave no trace.
- "single": a row per line, cells separated by one space; empty cells leave no trace.
- "blocks": one space between cells, a blank line between rows, and every cell longer than
  `WRAP` characters wrapped over several lines, the header's too (a header split over lines).
- "cells": one cell per line (no tab), a blank line between rows; empty cells leave no trace.
"""
from __future__ import annotations

LAYOUTS = ("spaces", "single", "blocks", "cells")
WRAP = 12


def _wrapped(cell: str) -> str:
    return "\n".join(cell[i:i + WRAP] for i in range(0, len(cell), WRAP))


def _table(rows: list[list[str]], layout: str) -> list[str]:
    rows = [[cell.replace("\n", "") for cell in row if cell.strip()] for row in rows]
    if layout == "spaces":
        return ["  ".join(row) for row in rows]
    if layout == "single":
        return [" ".join(row) for row in rows]
    lines: list[str] = []
    for number, row in enumerate(rows):
        if number:
            lines.append("")
        lines += row if layout == "cells" else [" ".join(_wrapped(cell) for cell in row)]
    return lines


def as_text(document, layout: str) -> str:
    from narrator.sources.read import Table

    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Table):
            lines += ["", *_table(block.rows, layout), ""]
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def cell_rows(document) -> list[list[list[str]]]:
    """The tables of a document as these layouts keep them: cells without inner line breaks."""
    return [[[cell.replace("\n", "") for cell in row] for row in table.rows] for table in document.tables]
