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

from . import lexicon
from .errors import message
from .layout import split
from .quantity import normalize_width, parse_quantity
from .resources import load_yaml

KINDS = {"level1": "level1", "level2": "level2", "name": "name", "value_type": "tag", "nature": "tag",
         "direction": "comparator", "target": "value", "completion": "value", "unit": "unit",
         "explanation": "text", "reason": "text", "standard": "standard", "weight": "weight", "score": "weight",
         "remark": "any", "": "any"}
_NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?")
_PROSE_MARKS = re.compile(r"[，。；：,;:]")
_HEADER_CHARS = 12
_SPAN = 4
_MISFIT = -3
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


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", normalize_width(text))


def header_roles(cells: list[str]) -> list[str]:
    """Each header cell's column (a key of target_columns), "" for a cell that names none: a long cell
    (“绩效指标（权重分值90分，其中……）”) is a caption, not a column name."""
    wanted = _words()["columns"]
    roles: list[str] = []
    for cell in cells:
        text = _plain(cell).lstrip("*")
        role = ""
        if len(text) <= _HEADER_CHARS:
            role = next((key for key, names in wanted.items() if key not in roles
                         and any(name in text for name in names)), "")
        roles.append(role)
    return roles


def is_subheader(cells: list[str]) -> bool:
    """A second header row under the first (“2021年实际实现值 | 预期2022年实现值”)."""
    texts = [_plain(cell) for cell in cells if cell.strip()]
    return bool(texts) and all(any(word in text for word in _words()["cells"]["subheader"]) for text in texts)


def ends_table(cells: list[str]) -> bool:
    """A note or the signatures under the table (“注：1.……”, “财政资金管理科室（盖章）”): the table ended above."""
    words = _words()["cells"]
    texts = [_plain(cell) for cell in cells if cell.strip()]
    first = texts[0] if texts else ""
    return any(first.startswith(word) and first[len(word):len(word) + 1] in (":", "：") for word in words["end"]) \
        or any(word in text for text in texts for word in words["signature"])


@dataclass
class CellText:
    """One kind of cell text, classified once."""

    text: str
    level1: bool = False
    level2: bool = False
    comparator: bool = False
    unit: bool = False
    tag: bool = False
    number: bool = False
    quantity: bool = False
    standard: bool = False


def _classify(text: str) -> CellText:
    words = _words()
    plain = _plain(text)
    return CellText(plain, level1=plain in words["level1"], level2=plain in words["level2"],
                 comparator=plain in words["comparators"], unit=_is_unit(plain),
                 tag=plain in words["cells"]["tags"], number=bool(_NUMBER.fullmatch(plain)),
                 quantity=parse_quantity(plain).is_number,
                 standard=any(word in plain for word in words["cells"]["standard"]))


def _is_unit(text: str) -> bool:
    units = _words()["units"]
    return bool(text) and (text in units or all(part in units for part in text.split("/")))


def _gain(kind: str, cell: CellText, required: bool) -> float | None:
    """How well one cell's text fits a column of this kind; None for a blank where one is required."""
    text = cell.text
    if not text:
        if required:
            return None
        return -1 if kind in ("name", "value") else 0
    level = cell.level1 or cell.level2
    short = len(text) <= 10 and not cell.number and not cell.quantity and not _PROSE_MARKS.search(text)
    if kind == "level1":
        return 4 if cell.level1 else _MISFIT if level else 0 if short else _MISFIT
    if kind == "level2":
        return 4 + (0.5 if cell.level1 else 0) if cell.level2 else _MISFIT if level else \
            0.5 if short or (len(text) <= 15 and not cell.quantity) else _MISFIT
    if kind == "name":
        if cell.level2 and not cell.level1:
            return -1  # 社会成本指标 under 成本指标: a 二级 name the form repeats as its 三级
        if cell.tag:
            return -5
        if level or cell.number or cell.quantity or cell.comparator or cell.unit:
            return _MISFIT
        # A cell that starts with a figure (100%（计划标准）) is a value or its explanation, seldom a name.
        return -2 if cell.standard else 1 if text[0].isdigit() else 2 if len(text) <= 60 else 1
    if kind == "tag":
        return 3 if cell.tag else _MISFIT
    if kind == "comparator":
        return 3 if cell.comparator else -1 if cell.tag else _MISFIT
    if kind == "value":
        if level or cell.unit or cell.tag:
            return _MISFIT
        if cell.comparator or cell.standard:
            return -2
        return 3 if cell.quantity else 2 if cell.number else 1 if len(text) <= 30 else -1
    if kind == "unit":
        return 3 if cell.unit else _MISFIT
    if kind == "text":
        return _MISFIT if level else 0 if cell.number or cell.quantity or len(text) <= 4 else 1
    if kind == "standard":
        return 3 if cell.standard else _MISFIT if level else 0
    if kind == "weight":
        return 2 if cell.number and float(text.replace(",", "")) <= 100 else _MISFIT
    return -1 if level else 0


def cell_fit(kind: str, text: str) -> float:
    """How well a cell's text fits a column of this kind (`KINDS`, and "money", "rate" for a 资金 part)."""
    cell = _classify(text)
    if kind == "money":
        return 3 if cell.number else _MISFIT
    if kind == "rate":
        return 3 if cell.quantity and cell.text.endswith("%") else 1 if cell.number else _MISFIT
    return _gain(kind, cell, False)


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
        classified = [_classify(cell) for cell in cells]
        gains = [_gain(kind, cell, False) if cell.text else 0 for kind, cell in zip(kinds, classified)]
        named = {role: cell.strip() for role, cell in zip(roles, cells) if role and cell.strip()}
        if all(gain >= 0 for gain in gains) and named.get("name") and named.get("target"):
            return Row(named, sum(gains))
    pieces = [cell.strip() for cell in cells if cell.strip()]
    indicator = _aligned(pieces, roles, kinds, required=True)
    if indicator is not None and _gain("name", _classify(indicator.get("name")), False) >= -1 \
            and _gain("value", _classify(indicator.get("target")), False) >= 0:
        return indicator
    return _aligned(pieces, roles, kinds, required=False) or Row()


def _aligned(pieces: list[str], roles: list[str], kinds: list[str], required: bool) -> Row | None:
    spans: dict[tuple[int, int], CellText] = {}

    def gain(column: int, start: int, end: int) -> float | None:
        kind = kinds[column]
        must = required and roles[column] in ("name", "target")
        if start == end:
            return _gain(kind, CellText(""), must)
        count = end - start
        if count > 1 and (kind not in ("value", "name", "text", "standard", "any") or kind == "name" and any(
                _gain("name", _classify(piece), False) < 0 for piece in pieces[start:end])):
            return None  # a name with a space in it, but not a name and the 定量 after it
        if (start, end) not in spans:
            spans[start, end] = _classify(" ".join(pieces[start:end]))
        cell = spans[start, end]
        if kind == "value" and count > 1:
            # “≥ 450 亿元”: a figure with its comparator or unit, and nothing else, is one value.
            return 3 if cell.quantity else None
        value = _gain(kind, cell, must)
        return None if value is None else value - (count - 1)

    if required and "name" in roles and "target" in roles and len(pieces) < 2:
        return None
    score, bounds = split(len(pieces), len(roles), gain, span=_SPAN)
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
    unit = _plain(row.get("unit"))
    comparator = _plain(row.get("direction"))
    if any(word in name for word in words["cells"]["time_names"]) and _SERIAL.fullmatch(value):
        serial = int(value.replace(",", ""))
        if 20_000 <= serial <= 80_000:
            day = _EXCEL_EPOCH + timedelta(days=serial)
            written = message("import_date", year=day.year, month=day.month, day=day.day)
            notes.append(("import_excel_date", {"name": name, "value": value, "date": written}))
            return written, notes
    quantity = parse_quantity(value)
    if unit and _is_unit(unit):
        if _NUMBER.fullmatch(value) or (quantity.is_number and not quantity.unit and
                                        value.lstrip("=≥≤<>") and _NUMBER.fullmatch(value.lstrip("=≥≤<>"))):
            value += unit
        elif quantity.is_number and quantity.unit and quantity.unit != unit:
            notes.append(("import_unit_differs", {"name": name, "value": value, "unit": unit}))
    if comparator in words["comparators"] and value and _NUMBER.match(value):
        symbol = words["comparators"][comparator]  # ≧, ＝, 不低于 → ≥, =, ≥
        value = _WRITTEN.get(symbol, symbol) + value
    return value, notes
