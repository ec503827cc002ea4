"""Workbooks with openpyxl: each sheet's rows, cells as Decimal, date or str, and as a document of tables."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from ..core.errors import NarratorError
from ..core.quantity import format_decimal
from .document import (MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, Paragraph, SourceDocument, Table, damaged, preflight_package,
                       simplified)
from .memory import readable


@dataclass
class SheetRow:
    number: int  # the row's number in the sheet
    values: list  # cell values by column, as `cell_value` reads them


def read_workbook(path: Path) -> dict[str, list[SheetRow]]:
    """Every non-empty row of every sheet of an .xlsx, streamed (read-only) so a stray cell at
    XFD1048576 costs nothing; at most MAX_SHEET_COLUMNS columns. A formula saved without its
    result (a file written by a program, never opened in Excel) raises NarratorError naming the cell."""
    import openpyxl

    preflight_package(path, "xl/workbook.xml", "not_a_workbook_part", "not_a_workbook", "workbook_encrypted")
    with damaged(path, "not_a_workbook"):
        values = openpyxl.load_workbook(readable(path), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(readable(path), read_only=True, data_only=False)
    try:
        with damaged(path, "not_a_workbook"):
            return _sheets(path, values, formulas)
    finally:
        values.close()
        formulas.close()


def _sheets(path: Path, values, formulas) -> dict[str, list[SheetRow]]:
    """The non-empty rows of each sheet of a workbook opened twice: for values and for formulas."""
    sheets: dict[str, list[SheetRow]] = {}
    for sheet, formula_sheet in zip(values.worksheets, formulas.worksheets):
        rows: list[SheetRow] = []
        width = min(sheet.max_column or MAX_SHEET_COLUMNS, MAX_SHEET_COLUMNS)
        pairs = zip(sheet.iter_rows(max_col=width), formula_sheet.iter_rows(max_col=width))
        blank = None  # openpyxl yields one shared tuple for each missing row
        for number, (cells, formula_cells) in enumerate(pairs, start=1):
            if cells is blank:
                continue
            row = [cell_value(cell) for cell in cells]
            if all(value in (None, "") for value in row):
                blank = cells
                continue
            if number > MAX_SHEET_ROWS:
                raise NarratorError("sheet_too_long", file=path, sheet=sheet.title, row=number, limit=MAX_SHEET_ROWS)
            for column, (value, formula) in enumerate(zip(row, formula_cells), start=1):
                if value is None and isinstance(formula.value, str) and formula.value.startswith("="):
                    from openpyxl.utils import get_column_letter

                    raise NarratorError("formula_not_cached", file=path, sheet=sheet.title, row=number,
                                     cell=f"{get_column_letter(column)}{number}", formula=formula.value)
            rows.append(SheetRow(number, row))
        sheets[sheet.title] = rows
    return sheets


def read_workbook_document(path: Path) -> SourceDocument:
    """A workbook as a report: each sheet one table, its rows as the sheet numbers them (blank rows
    kept empty, so 表N第M行 is the sheet's row M), numbers written plainly, merged cells blank."""
    blocks: list[Paragraph | Table] = []
    for number, (title, sheet_rows) in enumerate(read_workbook(path).items(), start=1):
        rows: list[list[str]] = []
        for sheet_row in sheet_rows:
            rows += [[] for _ in range(sheet_row.number - 1 - len(rows))]
            rows.append([simplified(cell_text(value).strip()) for value in sheet_row.values])
        blocks.append(Table(rows, number, title))
    return SourceDocument(str(path), blocks)


def cell_text(value) -> str:
    """A workbook value as text: a number written plainly (no exponent), None as blank."""
    if isinstance(value, Decimal) and value.is_finite():
        return format_decimal(value)
    return "" if value is None else str(value)


def cell_value(cell):
    """A cell's value: text as written, numbers as Decimal (a percentage cell 0.9603 as "96.03%"),
    dates as they are."""
    value = cell.value
    if isinstance(value, str) or isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        number = Decimal(str(value))
        if number.is_finite() and "%" in (cell.number_format or ""):
            # A cell formatted as a percentage holds 0.9603 for 96.03%.
            return format_decimal((number * 100).normalize()) + "%"
        return number
    if isinstance(value, (datetime, date)):
        return value
    return str(value)
