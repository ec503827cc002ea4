"""Read the indicator rows of a target table of any province by their columns.

Provinces add columns to the national 一级/二级/三级指标 | 指标值 table: 指标值类型, 计量单位, 指标解释,
评（扣）分标准, 指标性质, 指标方向 (a comparator), 分值, 备注 (lexicon/project_form.yaml: target_columns).
Text copied from a web page or a PDF drops empty cells, so a row's cells no longer stand under their
header: the blank 一级指标 of a continuation row is gone, a blank 计量单位 shifts the 指标解释 left.
Each row is therefore put back in its columns by what its cells hold (`layout.split`): a level name in
a level column, 定量 in 指标值类型, ≥ in 指标方向, % in 计量单位, a figure or a short phrase in 指标值,
a sentence in 指标解释. The target is then written as one value: comparator, figure and unit joined
(“≧ | 735 | 人次” → ≥735人次).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ..core import lexicon
from ..core.errors import message
from ..core.quantity import normalize_width, parse_quantity
from ..core.resources import load_yaml
from ..sources.cells import KINDS, NUMBER, CellText, classify, gain, is_unit, plain
from ..sources.layout import split

_HEADER_CHARS = 12
_SPAN = 4
_EXCEL_EPOCH = date(1899, 12, 30)
_WRITTEN = {">=": "≥", "<=": "≤"}  # a comparator as a target value writes it
_PLACEHOLDER = re.compile(r"[(（][^()（）]*\*\*[^()（）]*[)）]")  # a blank form's “（≥**万元）” left in a name
_SERIAL = re.compile(r"\d\d,?\d\d\d")


@lru_cache(maxsize=1)
def _words() -> dict:
    data = load_yaml("lexicon", "project_form.yaml")
    levels = lexicon.target_table_words()
    cells = {key: tuple(map(str, value)) for key, value in data["target_cells"].items()}
    prefix = "|".join(map(re.escape, cells["name_prefix"]))
    return {"columns": {key: tuple(map(str, value)) for key, value in data["target_columns"].items()},
            "cells": cells, "level1": levels["level1"], "level2": levels["level2"],
            "comparators": lexicon.comparators(), "units": lexicon.unit_kinds(),
            "name_prefix": re.compile(rf"^(?:{prefix})\s*\d{{1,2}}\s*[:：.、]\s*")}


def header_roles(cells: list[str]) -> list[str]:
    """Each header cell's column (a key of target_columns), "" for a cell that names none: a long cell
    (“绩效指标（权重分值90分，其中……）”) is a caption, not a column name."""
    wanted = _words()["columns"]
    roles: list[str] = []
    for cell in cells:
        text = plain(cell).lstrip("*")
        role = ""
        if len(text) <= _HEADER_CHARS:
            role = next((key for key, names in wanted.items() if key not in roles
                         and any(name in text for name in names)), "")
        roles.append(role)
    return roles


def is_subheader(cells: list[str]) -> bool:
    """A second header row under the first (“2021年实际实现值 | 预期2022年实现值”)."""
    texts = [plain(cell) for cell in cells if cell.strip()]
    return bool(texts) and all(any(word in text for word in _words()["cells"]["subheader"]) for text in texts)


def ends_table(cells: list[str]) -> bool:
    """A note or the signatures under the table (“注：1.……”, “财政资金管理科室（盖章）”): the table ended above."""
    words = _words()["cells"]
    texts = [plain(cell) for cell in cells if cell.strip()]
    first = texts[0] if texts else ""
    return any(first.startswith(word) and first[len(word):len(word) + 1] in (":", "：") for word in words["end"]) \
        or any(word in text for text in texts for word in words["signature"])


@dataclass
class Row:
    """A row put back in its columns: role → text (only the filled ones)."""

    fields: dict[str, str] = field(default_factory=dict)
    fit: float = 0.0

    def get(self, role: str) -> str:
        return self.fields.get(role, "")


def read_row(cells: list[str], roles: list[str]) -> Row:
    """The row's cells in the header's columns. Where the cells stand under their header (as many cells
    as columns, each fitting its column) they are read in place; otherwise the filled cells are aligned to
    the columns by what they hold — first as an indicator (a name and a target both filled), and when that
    fits badly as a row of level names only (效益指标 | 经济效益指标 | 未达指标值酌情扣分)."""
    kinds = [KINDS.get(role, "any") for role in roles]
    if len(cells) == len(roles):
        classified = [classify(cell) for cell in cells]
        gains = [gain(kind, cell, False) if cell.text else 0 for kind, cell in zip(kinds, classified)]
        named = {role: cell.strip() for role, cell in zip(roles, cells) if role and cell.strip()}
        if all(gain >= 0 for gain in gains) and named.get("name") and named.get("target"):
            return Row(named, sum(gains))
    pieces = [cell.strip() for cell in cells if cell.strip()]
    indicator = _aligned(pieces, roles, kinds, required=True)
    if indicator is not None and gain("name", classify(indicator.get("name")), False) >= -1 \
            and gain("value", classify(indicator.get("target")), False) >= 0:
        return indicator
    return _aligned(pieces, roles, kinds, required=False) or Row()


def _aligned(pieces: list[str], roles: list[str], kinds: list[str], required: bool) -> Row | None:
    spans: dict[tuple[int, int], CellText] = {}

    def fit(column: int, start: int, end: int) -> float | None:
        kind = kinds[column]
        must = required and roles[column] in ("name", "target")
        if start == end:
            return gain(kind, CellText(""), must)
        count = end - start
        if count > 1 and (kind not in ("value", "name", "text", "standard", "any") or kind == "name" and any(
                gain("name", classify(piece), False) < 0 for piece in pieces[start:end])):
            return None  # a name with a space in it, but not a name and the 定量 after it
        if (start, end) not in spans:
            spans[start, end] = classify(" ".join(pieces[start:end]))
        cell = spans[start, end]
        if kind == "value" and count > 1:
            # “≥ 450 亿元”: a figure with its comparator or unit, and nothing else, is one value.
            return 3 if cell.quantity else None
        value = gain(kind, cell, must)
        return None if value is None else value - (count - 1)

    if required and "name" in roles and "target" in roles and len(pieces) < 2:
        return None
    score, bounds = split(len(pieces), len(roles), fit, span=_SPAN)
    if score == float("-inf"):
        return None
    fields = {role or f"column{index}": " ".join(pieces[start:end])
              for index, (role, (start, end)) in enumerate(zip(roles, bounds)) if end > start}
    return Row(fields, score)


def indicator_name(text: str) -> str:
    """The 三级指标 without its form's numbering and blanks: 指标1：安置小区物业费 → 安置小区物业费,
    项目总成本（≤**万元） → 项目总成本."""
    return _PLACEHOLDER.sub("", _words()["name_prefix"].sub("", text.strip(), count=1))


def target_text(row: Row, name: str) -> tuple[str, list[tuple[str, dict]]]:
    """The row's 指标值 as one value — its comparator (指标方向 or a cell of its own) and 计量单位 joined
    to a bare figure — and notes (message code, arguments) on what was read with a judgement: an Excel
    date serial read as a date, a 计量单位 that disagrees with the unit the value carries."""
    words = _words()
    value = normalize_width(row.get("target")).strip()
    squeezed = re.sub(r"\s+", "", value)
    if parse_quantity(squeezed).is_number:
        value = squeezed
    notes: list[tuple[str, dict]] = []
    unit = plain(row.get("unit"))
    comparator = plain(row.get("direction"))
    if any(word in name for word in words["cells"]["time_names"]) and _SERIAL.fullmatch(value):
        serial = int(value.replace(",", ""))
        if 20_000 <= serial <= 80_000:
            day = _EXCEL_EPOCH + timedelta(days=serial)
            written = message("import_date", year=day.year, month=day.month, day=day.day)
            notes.append(("import_excel_date", {"name": name, "value": value, "date": written}))
            return written, notes
    quantity = parse_quantity(value)
    if unit and is_unit(unit):
        if NUMBER.fullmatch(value) or (quantity.is_number and not quantity.unit and
                                        value.lstrip("=≥≤<>") and NUMBER.fullmatch(value.lstrip("=≥≤<>"))):
            value += unit
        elif quantity.is_number and quantity.unit and quantity.unit != unit:
            notes.append(("import_unit_differs", {"name": name, "value": value, "unit": unit}))
    if comparator in words["comparators"] and value and NUMBER.match(value):
        symbol = words["comparators"][comparator]  # ≧, ＝, 不低于 → ≥, =, ≥
        value = _WRITTEN.get(symbol, symbol) + value
    return value, notes
