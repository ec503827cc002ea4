"""Evaluate a report: each indicator's deviation and status, the budget's arithmetic.

The conventions are the ones the real self-evaluation tables follow (DOMAIN.md):
deviation = (完成值 − 目标值) / 目标值 × 100 %, two decimals, ROUND_HALF_UP;
a zero target gives 0 % when met and 100 % when missed; a met ``≤`` target gives
0 %; a met qualitative target gives 0 %."""
from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from decimal import Decimal

from . import lexicon
from .model import BudgetLine, Indicator, Report
from .quantity import HUNDRED, ZERO, Quantity, find_quantities, round_half_up, shown

RATE_PLACES = 2


class Status(enum.Enum):
    MET = "达成"
    EXCEEDED = "超额完成"
    MISSED = "未达成"
    PENDING = "待补充"


class Problem(enum.Enum):
    """Why an indicator could not be evaluated (its status is then PENDING)."""

    NO_COMPLETION = "completion_missing"
    UNIT_MISMATCH = "unit_mismatch"
    KIND_MISMATCH = "kind_mismatch"
    UNREADABLE = "completion_unreadable"


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator
    status: Status
    deviation: Decimal | None = None  # percent, two decimals
    problem: Problem | None = None
    completion_value: Decimal | None = None  # completion in the target's unit
    multiple_named: bool = False  # the unit's own problems name it with its multiple of the target (为目标的1.75倍)

    @property
    def deviation_text(self) -> str:
        """偏差情况 as the seed tables print it: "6.67%", "0.00%", or "0%" for
        qualitative and zero targets."""
        quantity = self.deviation_quantity
        return quantity.raw if quantity is not None else ""

    @property
    def deviation_quantity(self) -> Quantity | None:
        """偏差情况 as the Quantity its cell reads as."""
        if self.deviation is None:
            return None
        target = self.indicator.target
        return shown(self.deviation, "%", 0 if not target.is_number or target.value == 0 else RATE_PLACES)

    @property
    def is_quantitative(self) -> bool:
        return self.indicator.target.is_number

    @property
    def margin(self) -> Decimal | None:
        """完成值 − 目标值 in the target's unit, for "超出 N 家" phrasing."""
        if self.completion_value is None or not self.indicator.target.is_number:
            return None
        return self.completion_value - self.indicator.target.value


def evaluate_indicator(indicator: Indicator) -> IndicatorResult:
    target, completion = indicator.target, indicator.completion
    if completion.is_empty:
        return IndicatorResult(indicator, Status.PENDING, problem=Problem.NO_COMPLETION)
    if not target.is_number:
        return _by_deadline(indicator) or _qualitative(indicator)
    if not completion.is_number:
        problem = Problem.KIND_MISMATCH if completion.kind == "qualitative" else Problem.UNREADABLE
        return IndicatorResult(indicator, Status.PENDING, problem=problem)
    # A bare number in the completion column is read in the target's unit.
    value = completion.value if not completion.unit else completion.in_unit(target.unit)
    if value is None:
        return IndicatorResult(indicator, Status.PENDING, problem=Problem.UNIT_MISMATCH)
    status = _status(target.comparator, value, target.value)
    return IndicatorResult(indicator, status, _deviation(target, value, status), completion_value=value)


def _by_deadline(indicator: Indicator) -> IndicatorResult | None:
    """A target that is a time in the year (10月底前) and a completion that is a date (9月): met when the date is by
    the time on every reading of both, missed when after it on every reading; None when it is no such pair or the
    readings disagree (10月前 against 10月)."""
    bounds, span = lexicon.deadline(indicator.target.text), lexicon.date_span(indicator.completion.text)
    if bounds is None or span is None:
        return None
    if span[1] <= bounds[0]:
        return IndicatorResult(indicator, Status.MET, ZERO)
    if span[0] > bounds[1]:
        return IndicatorResult(indicator, Status.MISSED)
    return None


def _qualitative(indicator: Indicator) -> IndicatorResult:
    target, completion = indicator.target, indicator.completion
    if completion.is_number:
        return IndicatorResult(indicator, Status.PENDING, problem=Problem.KIND_MISMATCH)
    if completion.text == target.text or completion.text in lexicon.met_words():
        return IndicatorResult(indicator, Status.MET, ZERO)
    aimed, reached = lexicon.grade(target.text), lexicon.grade(completion.text)
    if aimed and reached and aimed[0] == reached[0]:
        # an ordered grade (达到Ⅲ类 against Ⅱ类: water of a better class than the target)
        met = reached[1] < aimed[1] if aimed[2] else reached[1] <= aimed[1]
        return IndicatorResult(indicator, Status.MET, ZERO) if met else IndicatorResult(indicator, Status.MISSED)
    return IndicatorResult(indicator, Status.MISSED)


def _status(comparator: str, value: Decimal, target: Decimal) -> Status:
    if comparator in ("<=", "<"):
        met = value <= target if comparator == "<=" else value < target
        return Status.MET if met else Status.MISSED
    if target == 0 and comparator != ">":
        if comparator == ">=":
            return Status.MET if value >= 0 else Status.MISSED
        return Status.MET if value == 0 else Status.MISSED
    if value > target:
        return Status.EXCEEDED
    if value == target and comparator != ">":
        return Status.MET
    return Status.MISSED


def _deviation(target: Quantity, value: Decimal, status: Status) -> Decimal:
    if target.value == 0:
        # The tables' convention: a zero target deviates by 0 % when met, 100 % when missed.
        if status is Status.MISSED:
            return HUNDRED if value > 0 else -HUNDRED
        return ZERO
    if status is Status.MET and target.comparator in ("<=", "<"):
        return round_half_up(ZERO, RATE_PLACES)
    return round_half_up((value - target.value) / target.value * HUNDRED, RATE_PLACES)


@dataclass(frozen=True)
class BudgetResult:
    line: BudgetLine
    adjusted_budget: Decimal  # 调整预算数 as used (given, or 年初 + 调整)
    computed_adjusted: Decimal  # 年初预算数 + 调整数
    execution_rate: Decimal | None  # 实际支出数 / 调整预算数, percent, two decimals
    children_sums: dict[str, Decimal] = field(default_factory=dict)  # column → sum of child lines

    @property
    def adjusted_mismatch(self) -> bool:
        """The input's 调整预算数 differs from 年初预算数 + 调整数."""
        return self.line.adjusted is not None and self.line.adjusted != self.computed_adjusted

    def children_mismatches(self) -> dict[str, tuple[Decimal | None, Decimal]]:
        """Columns where this line ≠ the sum of its child lines: column → (line, sum)."""
        own = {"initial": self.line.initial, "adjustment": self.line.adjustment,
               "adjusted": self.adjusted_budget, "actual": self.line.actual}
        return {column: (own[column], total) for column, total in self.children_sums.items()
                if own[column] is not None and own[column] != total}


def execution_rate(actual: Decimal | None, adjusted: Decimal) -> Decimal | None:
    if actual is None or adjusted == 0:
        return None
    return round_half_up(actual / adjusted * HUNDRED, RATE_PLACES)


def evaluate_budget_line(report: Report, line: BudgetLine) -> BudgetResult:
    children = report.children_of(line)
    sums: dict[str, Decimal] = {}
    if children:
        sums["initial"] = sum((c.initial for c in children), ZERO)
        sums["adjustment"] = sum((c.adjustment for c in children), ZERO)
        sums["adjusted"] = sum((c.adjusted_budget for c in children), ZERO)
        if all(c.actual is not None for c in children):
            sums["actual"] = sum((c.actual for c in children), ZERO)
    return BudgetResult(line, line.adjusted_budget, line.initial + line.adjustment,
                        execution_rate(line.actual, line.adjusted_budget), sums)


@dataclass(frozen=True)
class Evaluation:
    report: Report
    indicators: list[IndicatorResult]
    budget: list[BudgetResult]

    @property
    def total_budget(self) -> BudgetResult | None:
        """The line every other line rolls up to (预算总金额)."""
        roots = [result for result in self.budget if not result.line.parent]
        return roots[0] if roots else None

    @property
    def budget_adjustment_rate(self) -> Decimal | None:
        """预算调整率 = 调整数 / 年初预算数 of the total line, percent."""
        total = self.total_budget
        if total is None or total.line.initial == 0:
            return None
        return round_half_up(total.line.adjustment / total.line.initial * HUNDRED, RATE_PLACES)

    @property
    def budget_execution_rate(self) -> Decimal | None:
        total = self.total_budget
        return total.execution_rate if total else None

    def by_status(self, status: Status) -> list[IndicatorResult]:
        return [result for result in self.indicators if result.status is status]


def evaluate(report: Report) -> Evaluation:
    results = [evaluate_indicator(i) for i in report.indicators]
    results = [dataclasses.replace(result, multiple_named=True) if _multiple_named(result, report.problems) else result
               for result in results]
    return Evaluation(report, results, [evaluate_budget_line(report, line) for line in report.budget_lines])


def _multiple_named(result: IndicatorResult, problems: list[str]) -> bool:
    """A problem of the unit's names the exceeded indicator and its multiple of the target (重点行业挥发性有机物综合治理
    企业数、……分别为目标的1.75倍和2.15倍), or the officer's reason for it names the multiple (全年接待4380人次，是目标的
    1.75倍。一是……): the unit itself calls it far over."""
    if result.status is not Status.EXCEEDED or result.completion_value is None or not result.indicator.target.value:
        return False
    ratio = result.completion_value / result.indicator.target.value
    reason = result.indicator.reason or ""
    for problem in [*problems, reason]:
        if (result.indicator.name in problem or problem is reason) and any(
                quantity.is_number and lexicon.unit_kinds().get(quantity.unit) == "multiple"
                and quantity.value == round_half_up(ratio, _places(quantity.raw))
                for quantity in find_quantities(problem)):
            return True
    return False


def _places(raw: str) -> int:
    """The decimal places a figure is written with (1.75倍: 2)."""
    digits = raw.lstrip("+-").split(".")
    return len("".join(ch for ch in digits[1] if ch.isdigit())) if len(digits) > 1 else 0
