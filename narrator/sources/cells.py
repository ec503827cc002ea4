"""What kind of text a table cell holds — a level name (产出指标), an indicator name, a tag (定量), a
comparator (≥), a unit, a figure, a short value, a sentence, a scoring standard — and how well it fits a
column of a kind. Text copied out of a PDF or a web page loses its empty cells; the readers of such text
(`layout`, `streams`) and the indicator rows of target tables (recognise/indicator_rows) put each cell
back in the column it fits best."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..core import lexicon
from ..core.quantity import normalize_width, parse_quantity
from ..core.resources import load_yaml

KINDS = {"level1": "level1", "level2": "level2", "name": "name", "value_type": "tag", "nature": "tag",
         "direction": "comparator", "target": "value", "completion": "value", "unit": "unit",
         "explanation": "text", "reason": "text", "standard": "standard", "weight": "weight", "score": "weight",
         "remark": "any", "": "any"}
NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?")
_PROSE_MARKS = re.compile(r"[，。；：,;:]")
_MISFIT = -3


@lru_cache(maxsize=1)
def _words() -> dict:
    cells = load_yaml("lexicon", "project_form.yaml")["target_cells"]
    levels = lexicon.target_table_words()
    return {"cells": {key: tuple(map(str, cells[key])) for key in ("tags", "standard", "directions")},
            "level1": levels["level1"], "level2": levels["level2"],
            "comparators": lexicon.comparators(), "units": lexicon.unit_kinds()}


def plain(text: str) -> str:
    return re.sub(r"\s+", "", normalize_width(text))


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


def classify(text: str) -> CellText:
    words = _words()
    squeezed = plain(text)
    return CellText(squeezed, level1=squeezed in words["level1"], level2=squeezed in words["level2"],
                    comparator=squeezed in words["comparators"], unit=is_unit(squeezed),
                    tag=squeezed in words["cells"]["tags"], number=bool(NUMBER.fullmatch(squeezed)),
                    quantity=parse_quantity(squeezed).is_number,
                    standard=any(word in squeezed for word in words["cells"]["standard"]))


def is_unit(text: str) -> bool:
    units = _words()["units"]
    return bool(text) and (text in units or all(part in units for part in text.split("/")))


def gain(kind: str, cell: CellText, required: bool) -> float | None:
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
        # 指标方向 holds a comparator (≥) in some provinces, 正向 / 反向 in others (both are its tags).
        return 3 if cell.comparator or cell.text in _words()["cells"]["directions"] else -1 if cell.tag else _MISFIT
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
    cell = classify(text)
    if kind == "money":
        return 3 if cell.number else _MISFIT
    if kind == "rate":
        return 3 if cell.quantity and cell.text.endswith("%") else 1 if cell.number else _MISFIT
    return gain(kind, cell, False)
