"""A project's self-evaluation (`narrator draft --form 项目`): the scores of its 项目支出绩效自评表,
computed from the input by a rule set (lexicon/scoring/), for the form and the prose to state.

- 年度资金总额 (the budget line without a parent) scores 执行率 × its 分值 (the rule set's
  execution weight); its parts show their amounts and rates, no score.
- An indicator's 分值 is the input's; where the input gives none, the rule set's weight of its
  一级指标 (产出 50, 效益 30, 满意度 10), less the weights given in that 一级指标, is shared equally by
  the indicators without one (to two decimals, the last taking what rounding left, so the shares
  add up to the level's weight exactly).
- An indicator's 得分 follows `scoring.indicator_score`. A qualitative indicator that reached its
  target takes the top of its band (full marks); one that did not gets no score from narrator: the
  rules give a band, and where in it is the evaluator's judgement, so the form asks for it.
- The total is the sum of the scores, its grade by the rule set; both are asked for while any score is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..core.evaluate import BudgetResult, Evaluation, IndicatorResult, Status
from ..core.quantity import HUNDRED, round_half_up
from .scoring import SCORE_PLACES, Expected, RuleSet, execution_score, grade, indicator_score

ZERO = Decimal(0)


@dataclass(frozen=True)
class FundingScore:
    result: BudgetResult
    weight: Decimal | None  # on the total only
    score: Decimal | None

    @property
    def total(self) -> bool:
        """年度资金总额, not one of its parts."""
        return not self.result.line.parent


@dataclass(frozen=True)
class IndicatorScore:
    result: IndicatorResult
    level: str  # the rule set's 一级指标 it counts under ("" when none matches)
    weight: Decimal | None
    weight_given: bool  # the input's 分值, not a share of the level's default
    expected: Expected | None
    score: Decimal | None  # None: the evaluator must give it (a band, or no completion)


@dataclass
class ProjectScores:
    rules: RuleSet
    funding: list[FundingScore]
    indicators: list[IndicatorScore]
    shared_levels: list[str] = field(default_factory=list)  # levels whose default weight was shared

    @property
    def execution(self) -> FundingScore | None:
        return next((row for row in self.funding if row.total), None)

    @property
    def indicator_weight(self) -> Decimal:
        return sum((row.weight for row in self.indicators if row.weight is not None), ZERO)

    @property
    def total_weight(self) -> Decimal:
        execution = self.execution
        return self.indicator_weight + (execution.weight if execution is not None else ZERO)

    @property
    def weights_complete(self) -> bool:
        """Every indicator has a 分值 (the input's, or a share of its level's)."""
        return all(row.weight is not None for row in self.indicators)

    @property
    def indicator_total(self) -> Decimal | None:
        scores = [row.score for row in self.indicators]
        return None if any(score is None for score in scores) else sum(scores, ZERO)

    @property
    def total(self) -> Decimal | None:
        indicators = self.indicator_total
        if indicators is None or not self.funding:
            return indicators  # 部门整体: an execution rate that is scored is one of its indicators
        execution = self.execution
        if execution is None or execution.score is None:
            return None
        return execution.score + indicators

    @property
    def grade(self) -> str | None:
        return grade(self.total, self.rules) if self.total is not None else None

    @property
    def unscored(self) -> list[IndicatorScore]:
        return [row for row in self.indicators if row.score is None]


def level_of(level1: str, rules: RuleSet) -> str:
    """The rule set's level an indicator's 一级指标 counts under: 产出指标 → 产出."""
    return next((level for level in rules.level_weights if level1.startswith(level)), "")


def score_project(evaluation: Evaluation, rules: RuleSet) -> ProjectScores:
    funding = [_funding(result, rules) for result in evaluation.budget]
    weights, shared = _weights(evaluation.indicators, rules)
    return ProjectScores(rules, funding, _indicator_scores(evaluation.indicators, weights, rules), shared)


def score_indicators(evaluation: Evaluation, rules: RuleSet) -> ProjectScores:
    """The 分值/得分 columns of the 部门整体 自评表 (draft --scoring): the input's 分值 only. The rule
    set's default weights are a project form's (产出 50 …); a unit's levels (决策, 过程, 履职 …) have
    none, so a missing 分值 is asked for, and the total is the sum of the indicators' scores."""
    weights = {id(result): result.indicator.weight for result in evaluation.indicators}
    return ProjectScores(rules, [], _indicator_scores(evaluation.indicators, weights, rules))


def _indicator_scores(results: list[IndicatorResult], weights: dict[int, Decimal | None],
                      rules: RuleSet) -> list[IndicatorScore]:
    scores = []
    for result in results:
        weight = weights[id(result)]
        expected = indicator_score(result.indicator, weight, rules) if weight is not None else None
        scores.append(IndicatorScore(result, level_of(result.indicator.level1, rules), weight,
                                     result.indicator.weight is not None, expected, _settled(expected)))
    return scores


def _funding(result: BudgetResult, rules: RuleSet) -> FundingScore:
    if result.line.parent:
        return FundingScore(result, None, None)
    weight = rules.execution_weight
    budget, actual = result.adjusted_budget, result.line.actual
    if actual is None or not budget:
        return FundingScore(result, weight, None)
    # The exact rate, as the checker recomputes it from the amounts (179.43 / 200 → 8.97, not 8.972).
    expected = execution_score(actual / budget * HUNDRED, weight, rules)
    return FundingScore(result, weight, round_half_up(expected.low, SCORE_PLACES))


def _settled(expected: Expected | None) -> Decimal | None:
    if expected is None:
        return None
    if expected.exact:
        return round_half_up(expected.low, SCORE_PLACES)
    if expected.status in (Status.MET, Status.EXCEEDED):
        return round_half_up(expected.high, SCORE_PLACES)
    return None


def _weights(results: list[IndicatorResult], rules: RuleSet) -> tuple[dict[int, Decimal | None], list[str]]:
    weights: dict[int, Decimal | None] = {id(r): r.indicator.weight for r in results}
    shared = []
    for level, level_weight in rules.level_weights.items():
        members = [r for r in results if level_of(r.indicator.level1, rules) == level]
        blank = [r for r in members if r.indicator.weight is None]
        if not blank:
            continue
        remaining = level_weight - sum((r.indicator.weight for r in members if r.indicator.weight is not None), ZERO)
        if remaining < 0:
            continue  # the given weights already exceed the level's: nothing to share, the form asks
        share = round_half_up(remaining / len(blank), SCORE_PLACES)
        for r in blank[:-1]:
            weights[id(r)] = share
        weights[id(blank[-1])] = remaining - share * (len(blank) - 1)
        shared.append(level)
    return weights, shared
