"""Every table of a report in one pass: the report's own tables (预算信息, 年度重点任务, 自评表) and a
self-evaluation form with 分值 and 得分 (or an unscored one), whose indicators join the others unless
their table was read as a 自评表 already. `check`, `check --last-year` and the web call this."""
from __future__ import annotations

from dataclasses import dataclass

from ..sources.document import SourceDocument
from .projectform import ScoreSheet, read_sheet
from .tables import IndicatorRow, ReportTables
from .tables import recognise as report_tables


@dataclass
class Recognised:
    tables: ReportTables  # with the form's indicator rows among its indicators
    sheet: ScoreSheet | None  # the self-evaluation form, when the document is one


def recognise(document: SourceDocument) -> Recognised:
    tables = report_tables(document)
    sheet = read_sheet(document)
    if sheet is not None:
        seen = {(row.cells["name"].table, row.cells["name"].row) for row in tables.indicators if "name" in row.cells}
        tables.indicators += [IndicatorRow(row.indicator, row.cells) for row in sheet.indicators
                              if (row.cells["name"].table, row.cells["name"].row) not in seen]
    return Recognised(tables, sheet)
