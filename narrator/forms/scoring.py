"""Scores of a self-evaluation form: what each row should score under a rule set, the total and
the grade. The rules are data (lexicon/scoring/<name>.yaml, the national one by default), so a
province's variant is a new file:

- 预算执行率: 执行率 × 分值, at most the 分值;
- a quantitative indicator: 完成值 ÷ 指标值 × 分值 when more is better (≥, >, =), 指标值 ÷ 完成值 × 分值
  when less is better (≤, <), at most the 分值; a zero target scores all when met, nothing when missed;
- a qualitative indicator: a band of the 分值 by how far it was reached (达成 80–100 %, 部分达成 60–80 %,
  未达成 0–60 %);
- total = the sum of the scores; the grade is the first whose minimum the total reaches.

All arithmetic is Decimal; a written score is compared at its own precision, ROUND_HALF_UP.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..core.errors import NarratorError
from ..core.evaluate import Status, evaluate_indicator
from ..core.model import Indicator
from ..core.quantity import HUNDRED, ZERO, format_decimal, parse_quantity, round_half_up
from ..core.resources import data_path, load_yaml
from ..recognise.projectform import ScoreSheet, score

DEFAULT_RULES = "national"
SCORE_PLACES = 2  # a score is shown to two decimals at most


@dataclass(frozen=True)
class RuleSet:
    key: str
    name: str
    execution_weight: Decimal
    level_weights: dict[str, Decimal]
    total: Decimal
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    cap: bool
    bands: dict[str, tuple[Decimal, Decimal]]  # met / partial / missed: percent of the weight
    partial_words: tuple[str, ...]
    missed_words: tuple[str, ...]
    grades: tuple[tuple[str, Decimal], ...]  # (name, minimum), highest first


def rule_set_names() -> list[str]:
    return sorted(path.stem for path in (data_path("lexicon") / "scoring").glob("*.yaml"))


@lru_cache(maxsize=None)
def rule_set(key: str = DEFAULT_RULES) -> RuleSet:
    if key not in rule_set_names():
        raise NarratorError("scoring_rules_unknown", name=key, known="、".join(rule_set_names()))
    data = load_yaml("lexicon", f"scoring/{key}.yaml")
    number = lambda value: Decimal(str(value))  # noqa: E731 — YAML numbers as written
    qualitative = data["qualitative"]
    return RuleSet(
        key, data["name"], number(data["weights"]["execution"]),
        {str(level): number(weight) for level, weight in data["weights"]["levels"].items()}, number(data["total"]),
        tuple(data["quantitative"]["positive"]), tuple(data["quantitative"]["negative"]),
        bool(data["quantitative"]["cap"]),
        {band: (number(qualitative[band][0]), number(qualitative[band][1])) for band in ("met", "partial", "missed")},
        tuple(qualitative["partial_words"]), tuple(qualitative["missed_words"]),
        tuple((str(grade["name"]), number(grade["minimum"])) for grade in data["grades"]))


@dataclass(frozen=True)
class Expected:
    """What a row should score: exactly `low` when low == high, else anywhere in [low, high].
    `rule` names the rule applied (a key of templates/findings.yaml: score_rule_*)."""

    low: Decimal
    high: Decimal
    rule: str
    status: Status | None = None

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def admits(self, score: Decimal, places: int) -> bool:
        if self.exact:
            return round_half_up(self.low, places) == score
        return round_half_up(self.low, places) <= score <= round_half_up(self.high, places)


def _capped(value: Decimal, weight: Decimal, rules: RuleSet) -> Decimal:
    return min(value, weight) if rules.cap else value


def execution_score(rate: Decimal, weight: Decimal, rules: RuleSet) -> Expected:
    """`rate` in percent (96.03 for 96.03 %)."""
    return Expected(*([_capped(rate / HUNDRED * weight, weight, rules)] * 2), "score_rule_execution")


def indicator_score(indicator: Indicator, weight: Decimal, rules: RuleSet) -> Expected | None:
    """What an indicator should score, or None when its completion cannot be judged."""
    result = evaluate_indicator(indicator)
    if result.status is Status.PENDING:
        return None
    target = indicator.target
    if not target.is_number:
        return _qualitative(indicator, weight, rules, result.status)
    value, comparator = result.completion_value, target.comparator or "="
    if target.value == 0 or (comparator in rules.negative and value == 0):
        score = weight if result.status is not Status.MISSED else ZERO
        return Expected(score, score, "score_rule_zero_target", result.status)
    if comparator in rules.negative:
        return Expected(*([_capped(target.value * weight / value, weight, rules)] * 2), "score_rule_negative",
                        result.status)
    if value < 0:
        return Expected(ZERO, ZERO, "score_rule_positive", result.status)
    return Expected(*([_capped(value * weight / target.value, weight, rules)] * 2), "score_rule_positive",
                    result.status)


def _qualitative(indicator: Indicator, weight: Decimal, rules: RuleSet, status: Status) -> Expected:
    text = indicator.completion.text
    if status is not Status.MISSED:
        band, rule = rules.bands["met"], "score_rule_met"
    elif any(word in text for word in rules.partial_words):
        band, rule = rules.bands["partial"], "score_rule_partial"
    elif any(word in text for word in rules.missed_words):
        band, rule = rules.bands["missed"], "score_rule_missed"
    else:  # the form does not say whether it was partly reached
        band, rule = (rules.bands["missed"][0], rules.bands["partial"][1]), "score_rule_not_met"
    return Expected(band[0] / HUNDRED * weight, band[1] / HUNDRED * weight, rule, status)


def score_text(value: Decimal) -> str:
    """A score as the forms write it: at most two decimals, no trailing zeros (8.97, 12, 4.17)."""
    text = format_decimal(value, SCORE_PLACES)
    return text.rstrip("0").rstrip(".") if "." in text else text


def grade(total: Decimal, rules: RuleSet) -> str:
    for name, minimum in rules.grades:
        if total >= minimum:
            return name
    return rules.grades[-1][0]


def places_of(text: str) -> int:
    """Decimals written in a score ("8.97" → 2)."""
    text = text.strip()
    return len(text.split(".", 1)[1]) if "." in text else 0


@dataclass(frozen=True)
class RowScore:
    """One scored row of a form: its 分值 and 得分 as written, and what the rules give."""

    name: str
    cells: dict  # the row's cells by column key (weight, score …)
    weight: Decimal | None
    written: Decimal | None
    expected: Expected | None  # None when the row cannot be judged (no completion, no amounts)
    indicator: Indicator | None = None  # None for the 资金 rows

    @property
    def places(self) -> int:
        return places_of(self.cells["score"].text) if "score" in self.cells else SCORE_PLACES

    @property
    def agrees(self) -> bool | None:
        if self.expected is None or self.written is None:
            return None
        return self.expected.admits(self.written, self.places)

    @property
    def settled(self) -> Decimal | None:
        """The score the rules give: the written one when they admit it, else the rule's (within a band,
        the band's nearest end)."""
        if self.expected is None:
            return self.written
        if self.agrees:
            return self.written
        if self.expected.exact or self.written is None:
            return self.expected.low if self.expected.exact else None
        return min(max(self.written, self.expected.low), self.expected.high)


def score_rows(sheet: ScoreSheet, rules: RuleSet) -> list[RowScore]:
    """The 资金 rows with a 分值 (年度资金总额 in the national form), then the indicators."""
    rows: list[RowScore] = []
    for row in sheet.funding:
        weight, written = score(row.cells.get("weight")), score(row.cells.get("score"))
        if weight is None:
            continue
        budget, actual = row.amount("budget"), row.amount("actual")
        stated = parse_quantity(row.cells["rate"].text) if "rate" in row.cells else None
        if budget and actual is not None:
            rate = actual / budget * HUNDRED
        elif stated is not None and stated.is_number:
            rate = stated.value
        else:
            rate = None
        rows.append(RowScore(row.name, row.cells, weight, written,
                             execution_score(rate, weight, rules) if rate is not None else None))
    for row in sheet.indicators:
        weight, written = score(row.cells.get("weight")), score(row.cells.get("score"))
        if weight is None:
            continue
        rows.append(RowScore(row.indicator.name, row.cells, weight, written,
                             indicator_score(row.indicator, weight, rules), row.indicator))
    return rows
