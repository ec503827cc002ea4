"""Recognise a report's tables (预算信息, 年度重点任务, 部门整体自评表) by their
headers and turn their rows into the shared model, remembering each cell's place.

The headers are matched by the words officials use (目标值 or 指标值, 类别 or
一级指标 …), so tables drawn by different units read the same way. Merged cells
(left empty or repeated) carry their level names down. A budget table that does
not say which lines make up a total gets its structure from lexicon/budget.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..core import lexicon
from ..core.model import BudgetLine, Indicator, KeyTask, Origin, Report
from ..core.quantity import normalize_width, parse_quantity, year_in
from ..core.resources import load_yaml
from ..sources import streams
from ..sources.layout import match_columns
from ..sources.document import SourceDocument, Table
from . import indicator_rows

@dataclass
class Cell:
    """A cell's text and where it stands: table number, row (1-based, header = 1), column header."""

    text: str
    table: int
    row: int
    column: str
    line: int | None = None  # in a text file
    index: int = 0  # 0-based column
    page: int | None = None  # in a PDF


def cell_at(table: Table, row: int, index: int, column: str = "") -> Cell:
    """The cell of `table` at 0-based `row` and `index` (blank past the row's end), with its place."""
    line = table.row_lines[row] if row < len(table.row_lines) else None
    page = table.row_pages[row] if row < len(table.row_pages) else None
    text = table.rows[row][index] if index < len(table.rows[row]) else ""
    return Cell(text, table.number, row + 1, column, line, index, page)


@dataclass
class IndicatorRow:
    indicator: Indicator
    cells: dict[str, Cell]


@dataclass
class BudgetRow:
    line: BudgetLine
    cells: dict[str, Cell]


@dataclass
class TaskRow:
    task: KeyTask
    cells: dict[str, Cell]


@dataclass
class ReportTables:
    """What the tables of one report say, as the model plus cell places."""

    file: str
    indicators: list[IndicatorRow] = field(default_factory=list)
    budget: list[BudgetRow] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)

    def report(self) -> Report:
        return Report(unit_name="", year=0, indicators=[row.indicator for row in self.indicators],
                      budget_lines=[row.line for row in self.budget], key_tasks=[row.task for row in self.tasks],
                      source=self.file)


def document_year(document: SourceDocument, within: int = 10) -> int | None:
    """The year in the report's first paragraphs (its title, “（2022年度）”), or None."""
    return next((year for paragraph in document.paragraphs[:within] if (year := year_in(paragraph.text))), None)


def unit_name(document: SourceDocument, within: int = 15) -> str:
    """The reporting unit's name, from a label near the top (一、预算部门名称：苏州市生产力促进中心;
    单位名称 in a table), or "" when the report does not state it."""
    labels = [label for label, field_name in lexicon.target_table_words()["fields"].items()
              if field_name == "unit_name"]
    pattern = re.compile("(?:" + "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
                         + r")(?:名称)?\s*[：:]\s*(\S[^，。；\n]{1,40})")
    for paragraph in document.paragraphs[:within]:
        match = pattern.search(paragraph.text)
        if match:
            return match.group(1).strip()
    for table in document.tables[:2]:
        for row in table.rows[:3]:
            cells = [cell.replace(" ", "") for cell in row]
            for index, cell in enumerate(cells[:-1]):
                if cell in labels and cells[index + 1]:
                    return row[index + 1].strip()
    return ""


def recognise(document: SourceDocument) -> ReportTables:
    result = ReportTables(document.file)
    for table in document.tables:
        header_index, columns, kind = _classify(table)
        if kind == "self_evaluation":
            result.indicators += _indicator_rows(table, header_index, columns, document.file)
        elif kind == "budget":
            result.budget += _budget_rows(table, header_index, columns, document.file)
        elif kind == "tasks":
            result.tasks += _task_rows(table, header_index, columns, document.file)
    _infer_budget_structure(result.budget)
    return result


def _classify(table: Table) -> tuple[int, dict[str, int], str]:
    for index, row in enumerate(table.rows[:4]):
        headers = lexicon.column_words()
        columns = match_columns(row, headers["self_evaluation"])
        if {"target", "completion"} <= columns.keys() and "name" not in columns and 0 not in columns.values() \
                and re.sub(r"\s", "", row[0]) in lexicon.column_kinds()["name_column_headers"]:
            columns["name"] = 0  # | 指标 | 目标值 | 完成值 | 完成率 |: the first column names the indicators
        if {"name", "target", "completion"} <= columns.keys():
            return index, columns, "self_evaluation"
        columns = match_columns(row, headers["budget"])
        if ("initial" in columns and ({"adjusted", "actual"} & columns.keys())) or {"adjusted", "actual"} <= columns.keys():
            # 年初预算数 with 调整预算数 or 实际支出数; or, as other provinces write it, 全年预算数 with 全年执行数.
            columns.setdefault("name", 0)
            return index, columns, "budget"
        columns = match_columns(row, headers["tasks"])
        if {"name", "result"} <= columns.keys():
            return index, columns, "tasks"
    return -1, {}, ""


def _cells(table: Table, row_index: int, row: list[str], columns: dict[str, int], header: list[str]) -> dict[str, Cell]:
    line = table.row_lines[row_index] if row_index < len(table.row_lines) else None
    page = table.row_pages[row_index] if row_index < len(table.row_pages) else None
    return {key: Cell(row[index] if index < len(row) else "", table.number, row_index + 1, header[index], line, index,
                      page)
            for key, index in columns.items() if index < len(header)}


@lru_cache(maxsize=1)
def _total_words() -> frozenset[str]:
    """The names of a form's total row (总分, 合计 …: lexicon/project_form.yaml)."""
    return frozenset(map(str, load_yaml("lexicon", "project_form.yaml")["total"]))


def _indicator_rows(table: Table, header_index: int, columns: dict[str, int], file: str) -> list[IndicatorRow]:
    header = table.rows[header_index]
    rows, level1, level2 = [], "", ""
    roles = indicator_rows.header_roles(header)
    for row_index in range(header_index + 1, len(table.rows)):
        row = table.rows[row_index]
        if len(row) < len(header) and row and _plain_total(row[0]) not in _total_words():
            row = streams.place_row(row, roles)  # a copied row that lost its merged cells, put back under its columns
        cells = _cells(table, row_index, row, columns, header)
        text = {key: cell.text for key, cell in cells.items()}
        if lexicon.placeholder_pattern().fullmatch(text.get("completion", "").strip()):
            text["completion"] = ""  # 【待补充：完成值】 is a value still to be written, not a value
        level1 = text.get("level1") or level1
        level2 = text.get("level2") or (level2 if not text.get("level1") else "")
        if not text.get("name") or text["name"] == header[columns["name"]]:
            continue
        if _plain_total(text["name"]) in _total_words():
            continue  # 总分 | 100 | 98.77: the form's total row, no indicator
        indicator = Indicator(
            name=text["name"], target=parse_quantity(text.get("target", "")), level1=level1, level2=level2,
            half_year_target=parse_quantity(text.get("half_year_target", "")),
            completion=parse_quantity(text.get("completion", "")), source=text.get("source", ""),
            reason=text.get("reason", ""), origin=Origin(file, f"表{table.number}", row_index + 1))
        rows.append(IndicatorRow(indicator, cells))
    return rows


def _plain_total(text: str) -> str:
    return re.sub(r"\s", "", text)


def money(text: str) -> Decimal | None:
    """A budget cell: "545.57", ".8", "-3.2", "1,234.5"; empty → None."""
    text = normalize_width(text).replace(",", "").replace(" ", "").rstrip("万元")
    if not text or text in ("-", "—", "/"):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


_ROW_LABEL = re.compile(r"^\s*(?:\d{1,2}[.、．](?!\d)|[（(]?[一二三四五六七八九十]{1,3}[）)、])\s*")


def _budget_rows(table: Table, header_index: int, columns: dict[str, int], file: str) -> list[BudgetRow]:
    header = table.rows[header_index]
    rows = []
    for row_index in range(header_index + 1, len(table.rows)):
        cells = _cells(table, row_index, table.rows[row_index], columns, header)
        name = _ROW_LABEL.sub("", cells["name"].text).strip()  # 一、基本支出; 1.普通国省道养护工程资金
        initial = money(cells["initial"].text) if "initial" in cells else None
        if not name or (initial is None and all(money(c.text) is None for k, c in cells.items() if k != "name")):
            continue
        adjusted = money(cells["adjusted"].text) if "adjusted" in cells else None
        if "initial" not in cells:  # only 全年预算数: the budget as it stood, nothing said of the start of the year
            initial = adjusted
        initial = initial if initial is not None else Decimal(0)
        if "adjustment" in cells:
            adjustment = money(cells["adjustment"].text) or Decimal(0)
        else:  # a table without the adjustment column: it is what 调整预算数 adds to 年初预算数
            adjustment = adjusted - initial if adjusted is not None else Decimal(0)
        line = BudgetLine(
            name=name, initial=initial, adjustment=adjustment, adjusted=adjusted,
            actual=money(cells["actual"].text) if "actual" in cells else None,
            origin=Origin(file, f"表{table.number}", row_index + 1))
        rows.append(BudgetRow(line, cells))
    return rows


def _task_rows(table: Table, header_index: int, columns: dict[str, int], file: str) -> list[TaskRow]:
    header = table.rows[header_index]
    rows, duty = [], ""
    for row_index in range(header_index + 1, len(table.rows)):
        cells = _cells(table, row_index, table.rows[row_index], columns, header)
        text = {key: cell.text for key, cell in cells.items()}
        duty = text.get("duty") or duty
        if not (text.get("name") or text.get("result")):
            continue
        task = KeyTask(name=text.get("name", ""), duty=duty, content=text.get("content", ""),
                       result=text.get("result", ""), origin=Origin(file, f"表{table.number}", row_index + 1))
        rows.append(TaskRow(task, cells))
    return rows


def _infer_budget_structure(rows: list[BudgetRow]) -> None:
    """Which lines make up a total of a budget table that does not number its lines, by the names in
    lexicon/budget.yaml: the total's
    children are the subtotal lines (基本支出, 项目支出); each other line belongs to the
    nearest subtotal above it."""
    if not rows:
        return
    structure = lexicon.budget_structure()
    root = rows[0].line
    if root.name not in structure["totals"] or any(lexicon.line_level(row.line.name)[0] for row in rows[1:]):
        return  # lines numbered 1. 2. or 其中： say their own structure (moneytables reads it)
    subtotal = None
    for row in rows[1:]:
        if row.line.name in structure["subtotals"]:
            row.line.parent, subtotal = root.name, row.line.name
        else:
            row.line.parent = subtotal or root.name
    # 基本支出 followed by the projects one by one, with no 项目支出 line: when the projects do not add
    # up to 基本支出 but all the lines add up to the total, they stand beside it under the total.
    lines = [row.line for row in rows[1:]]
    for parent in [name for name in dict.fromkeys(line.parent for line in lines) if name != root.name]:
        parent_line = next(line for line in lines if line.name == parent)
        children = [line for line in lines if line.parent == parent]
        if sum(line.initial for line in children) != parent_line.initial \
                and sum(line.initial for line in lines if line.parent in (root.name, parent)) == root.initial:
            for line in children:
                line.parent = root.name
