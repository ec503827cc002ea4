"""A scored self-evaluation form as the readers give it — its labels, 资金 rows, indicator rows, 总分 and grade,
each cell keeping its place — and the words of such forms (lexicon/project_form.yaml). Shared by the form read
from tables (projectform) and the form read from lines of text (formlines)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..core.model import Indicator
from ..core.quantity import normalize_width
from ..core.resources import load_yaml
from .tables import Cell, money


@lru_cache(maxsize=1)
def form_words() -> dict:
    data = load_yaml("lexicon", "project_form.yaml")
    return {key: ({k: tuple(map(str, v)) for k, v in value.items()} if isinstance(value, dict) else
                  tuple(map(str, value))) for key, value in data.items()}


def prose_words() -> dict[str, tuple[str, ...]]:
    """How the prose states the total and the grade (自评得分97.43分, 自评等级为优)."""
    return form_words()["prose"]


def written_words() -> dict[str, str]:
    """The words a drafted form writes, the first of each list: 总分, 自评等级, 其中：."""
    words = form_words()
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
    goal: str = ""  # 年度总体目标（预期目标）
    result: str = ""  # its 实际完成情况, on a self-evaluation form
    year: int | None = None  # read_targets only: the year in the title
    paragraphs: range = range(0)  # a form read from lines of text: the paragraphs it stands in (not prose)
    # A form read from lines whose 分值 do not add up to its 总分's, nor its 得分 to its 得分: (rows read, their
    # 分值, the 总分's) — a row missed or a figure wrong, the reading cannot tell; its rows are not checked.
    unconfirmed: tuple[int, Decimal, Decimal] | None = None
    # What the form's own notes state of its weights (绩效指标（90分）, 其中产出指标权重分值50分 …): the level
    # (“” for all the indicators) → the weight and the cell or paragraph that states it.
    notes: dict[str, tuple[Decimal, Cell]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # read_targets only: what could not be read, and judgements
    # 资金 parts read from lines with fewer amounts than columns, which no single placement adds up: not added.
    unplaced_parts: list[str] = field(default_factory=list)
    label_tables: list[int] = field(default_factory=list)  # tables above the form that hold labels only
    note_tables: list[int] = field(default_factory=list)  # tables below it of labels only: 评价结论, 存在问题 …

    @property
    def funding_total(self) -> FundingRow | None:
        return next((row for row in self.funding if row.total), None)


_STATED_WEIGHT = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$")


def stated_weight(level: str) -> Decimal | None:
    """The weight a level states in its name: 投入（20分） → 20."""
    match = _STATED_WEIGHT.search(normalize_width(level))
    return Decimal(match.group(1)) if match else None


def score(cell: Cell | None) -> Decimal | None:
    """A 分值 or 得分 cell as a number; "—", blank or words → None."""
    return money(cell.text) if cell is not None else None


def part_name(text: str, words: dict) -> str:
    """其中：当年财政拨款 → 当年财政拨款."""
    for prefix in words["funding"]["part_prefix"]:
        text = text.removeprefix(normalize_width(prefix))
    return text.rstrip(":")  # 年度资金总额：


def plain(text: str) -> str:
    """A cell's text without widths, spaces or line breaks."""
    return normalize_width(text).replace(" ", "").replace("\n", "")


def has(text: str, words: tuple[str, ...]) -> bool:
    compact = plain(text)
    return any(word in compact for word in words)
