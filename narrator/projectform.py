"""Recognise a scored self-evaluation form — the national 项目支出绩效自评表, or any form with 分值 and
得分 columns — in a document as `read` gives it (DOCX, PDF, text or workbook), and keep every cell's
place so that the scoring rules can point at it.

The form is one table (or several, when a PDF page or a converter cut it), read as one stream of
rows. Its parts are found by their words (lexicon/project_form.yaml), not by position:
项目名称 / 主管部门 / 实施单位 labels; the 资金 header (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分)
and its rows (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金); the indicator header (一级指标 …
分值, 得分) and its rows, with merged 一级/二级 cells carried down; the 总分 row and the grade.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from .layout import match_columns
from .model import Indicator, Origin
from .quantity import normalize_width, parse_quantity
from .read import SourceDocument, Table
from .resources import load_yaml
from .tables import Cell, money


@lru_cache(maxsize=1)
def _words() -> dict:
    data = load_yaml("lexicon", "project_form.yaml")
    return {key: ({k: tuple(map(str, v)) for k, v in value.items()} if isinstance(value, dict) else
                  tuple(map(str, value))) for key, value in data.items()}


def prose_words() -> dict[str, tuple[str, ...]]:
    """How the prose states the total and the grade (自评得分97.43分, 自评等级为优)."""
    return _words()["prose"]


def written_words() -> dict[str, str]:
    """The words a drafted form writes, the first of each list: 总分, 自评等级, 其中：."""
    words = _words()
    return {"total": words["total"][0], "grade": words["grade"][0],
            "part_prefix": words["funding"]["part_prefix"][0]}


@dataclass
class FundingRow:
    name: str
    cells: dict[str, Cell]  # initial, budget, actual, weight, rate, score — those the row fills
    total: bool  # 年度资金总额, not one of its parts

    def amount(self, key: str) -> Decimal | None:
        cell = self.cells.get(key)
        return money(cell.text) if cell is not None else None


@dataclass
class ScoredIndicator:
    indicator: Indicator
    cells: dict[str, Cell]  # name, target, completion, weight, score, reason …


@dataclass
class ScoreSheet:
    file: str
    labels: dict[str, str] = field(default_factory=dict)  # project, department, unit
    funding: list[FundingRow] = field(default_factory=list)
    indicators: list[ScoredIndicator] = field(default_factory=list)
    total_weight: Cell | None = None
    total_score: Cell | None = None
    grade: Cell | None = None

    @property
    def funding_total(self) -> FundingRow | None:
        return next((row for row in self.funding if row.total), None)


def score(cell: Cell | None) -> Decimal | None:
    """A 分值 or 得分 cell as a number; "—", blank or words → None."""
    return money(cell.text) if cell is not None else None


def _plain(text: str) -> str:
    return normalize_width(text).replace(" ", "").replace("\n", "")


def _has(text: str, words: tuple[str, ...]) -> bool:
    plain = _plain(text)
    return any(word in plain for word in words)


def _cell(table: Table, row: int, index: int, header: list[str]) -> Cell:
    line = table.row_lines[row] if row < len(table.row_lines) else None
    page = table.row_pages[row] if row < len(table.row_pages) else None
    text = table.rows[row][index] if index < len(table.rows[row]) else ""
    return Cell(text, table.number, row + 1, header[index] if index < len(header) else "", line, index, page)


def read_sheet(document: SourceDocument) -> ScoreSheet | None:
    """The scored form of a document, or None when it has no 分值/得分 columns."""
    words = _words()
    scored = words["indicator_columns"]["weight"] + words["indicator_columns"]["score"]
    first = next((number for number, table in enumerate(document.tables)
                  if any(word in cell for row in table.rows for cell in row for word in scored)), None)
    if first is None:
        return None  # most reports: no 分值 or 得分 anywhere, nothing to walk
    tables = document.tables[first:]  # a form cut by a page break goes on in the next table
    sheet = ScoreSheet(document.file)
    for table in document.tables[:first]:  # 项目名称 / 主管部门 / 实施单位 in a table of their own above
        for cells in table.rows:
            _labels(sheet, cells, words)
    funding: dict[str, int] | None = None
    indicators: dict[str, int] | None = None
    header: list[str] = []
    level1 = level2 = ""
    for table in tables:
        for number, cells in enumerate(table.rows):
            _labels(sheet, cells, words)
            _grade(sheet, table, number, cells, words)
            found = match_columns(cells, words["indicator_columns"])
            if {"name", "target", "completion"} <= found.keys() and ({"weight", "score"} & found.keys()):
                indicators, funding, header, level1, level2 = found, None, cells, "", ""
                continue
            found = match_columns(cells, words["funding_columns"])
            if {"budget", "actual"} <= found.keys() and ({"weight", "score"} & found.keys()):
                funding, indicators, header = found, None, cells
                continue
            if any(_plain(cell) in words["total"] for cell in cells):
                _total(sheet, table, number, header, indicators or {})
                indicators = funding = None
                continue
            if funding is not None:
                name = next((cell for cell in cells if _has(cell, words["funding"]["total"] + words["funding"]["parts"])),
                            None)
                if name is not None:
                    sheet.funding.append(FundingRow(
                        _part_name(_plain(name), words), {key: _cell(table, number, index, header)
                                                            for key, index in funding.items()},
                        _has(name, words["funding"]["total"])))
            elif indicators is not None:
                text = {key: cells[index].strip() if index < len(cells) else "" for key, index in indicators.items()}
                if text.get("level1") and text["level1"] != level1:
                    level1, level2 = text["level1"], ""
                level2 = text.get("level2") or level2
                if not text.get("name") or text["name"] == header[indicators["name"]]:
                    continue
                indicator = Indicator(name=text["name"], target=parse_quantity(text.get("target", "")),
                                      level1=level1, level2=level2,
                                      completion=parse_quantity(text.get("completion", "")),
                                      reason=text.get("reason", ""),
                                      origin=Origin(document.file, f"表{table.number}", number + 1))
                sheet.indicators.append(ScoredIndicator(
                    indicator, {key: _cell(table, number, index, header) for key, index in indicators.items()}))
    if not sheet.indicators and not sheet.funding:
        return None
    return sheet


def _part_name(text: str, words: dict) -> str:
    """其中：当年财政拨款 → 当年财政拨款."""
    for prefix in words["funding"]["part_prefix"]:
        text = text.removeprefix(normalize_width(prefix))
    return text


def _labels(sheet: ScoreSheet, cells: list[str], words: dict) -> None:
    """项目名称 | 某项目 | 主管部门 | 某局 …: a label's value is the next cell that is not a label."""
    plain = [_plain(cell) for cell in cells]
    for index, text in enumerate(plain):
        for key, labels in words["labels"].items():
            if text in labels and key not in sheet.labels:
                value = next((cells[i].strip() for i in range(index + 1, len(cells))
                              if plain[i] and plain[i] != text and not _is_label(plain[i], words)), "")
                if value:
                    sheet.labels[key] = value


def _is_label(text: str, words: dict) -> bool:
    return any(text in labels for labels in words["labels"].values())


def _total(sheet: ScoreSheet, table: Table, number: int, header: list[str], indicators: dict[str, int]) -> None:
    """The 总分 row: its 分值 and 得分 under the indicator header's columns; else the numbers in it, in order."""
    if "weight" in indicators or "score" in indicators:
        if "weight" in indicators:
            sheet.total_weight = _cell(table, number, indicators["weight"], header)
        if "score" in indicators:
            sheet.total_score = _cell(table, number, indicators["score"], header)
    else:
        numbers = [index for index, cell in enumerate(table.rows[number]) if money(cell) is not None]
        if numbers:
            sheet.total_score = _cell(table, number, numbers[-1], header)


def _grade(sheet: ScoreSheet, table: Table, number: int, cells: list[str], words: dict) -> None:
    """A grade label (自评等级) and the cell after it."""
    plain = [_plain(cell) for cell in cells]
    for index, text in enumerate(plain):
        if text in words["grade"]:
            value = next((i for i in range(index + 1, len(cells)) if plain[i] and plain[i] != text), None)
            if value is not None:
                sheet.grade = _cell(table, number, value, [""] * len(cells))
            return
