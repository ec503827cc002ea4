"""Evaluation against every row of seed 002's printed tables."""
from decimal import Decimal

import pytest

from conftest import budget_rows, self_evaluation_rows
from narrator.core.evaluate import Problem, Status, evaluate, evaluate_indicator
from narrator.sources.load import load_report
from narrator.core.model import Indicator
from narrator.core.quantity import parse_quantity

SEED_ROWS = self_evaluation_rows()


def test_seed_table_has_54_indicators():
    assert len(SEED_ROWS) == 54


@pytest.mark.parametrize("row", SEED_ROWS, ids=[row["三级指标"] for row in SEED_ROWS])
def test_deviation_equals_seed_002(row):
    indicator = Indicator(name=row["三级指标"], target=parse_quantity(row["目标值"]),
                          completion=parse_quantity(row["完成值"]))
    assert evaluate_indicator(indicator).deviation_text == row["偏差情况"]


def test_statuses_follow_the_seed_reasons():
    """Every row the seed explains with 超额完成工作任务 is EXCEEDED; rows with another
    stated reason are the three shortfalls; the rest are met."""
    statuses = {}
    for row in SEED_ROWS:
        indicator = Indicator(name=row["三级指标"], target=parse_quantity(row["目标值"]),
                              completion=parse_quantity(row["完成值"]))
        statuses[row["三级指标"]] = evaluate_indicator(indicator).status
    exceeded = [name for name, status in statuses.items() if status is Status.EXCEEDED]
    missed = [name for name, status in statuses.items() if status is Status.MISSED]
    assert exceeded == [row["三级指标"] for row in SEED_ROWS if row["原因分析"] == "超额完成工作任务"]
    assert missed == ["预算调整率", "预算执行率", "非税收入预算完成率"]
    assert len([s for s in statuses.values() if s is Status.MET]) == 54 - 9 - 3


def test_example_transcribes_the_seed_table_exactly(example_yaml):
    report = load_report(example_yaml)
    assert [(i.level1, i.name, i.target.text, i.completion.text, i.source, i.reason) for i in report.indicators] == [
        (r["一级指标"], r["三级指标"], r["目标值"], r["完成值"], r["完成值来源"], r["原因分析"]) for r in SEED_ROWS]
    printed = [r["偏差情况"] for r in SEED_ROWS]
    assert [result.deviation_text for result in evaluate(report).indicators] == printed


def test_budget_rows_equal_seed_002(example_yaml):
    result = evaluate(load_report(example_yaml))
    rows = budget_rows()
    assert [b.line.name for b in result.budget] == [row[0] for row in rows]
    for budget, (name, initial, adjustment, adjusted, actual, rate) in zip(result.budget, rows):
        assert budget.line.initial == Decimal(initial), name
        assert budget.line.adjustment == Decimal(adjustment or "0"), name
        assert budget.adjusted_budget == Decimal(adjusted), name
        assert budget.computed_adjusted == Decimal(adjusted), name  # 年初 + 调整 = 调整预算数
        assert budget.line.actual == Decimal(actual), name
        assert f"{budget.execution_rate}%" == rate, name
        assert budget.children_mismatches() == {}, name


def test_budget_totals_and_rates(example_yaml):
    result = evaluate(load_report(example_yaml))
    total, basic, project = result.budget[:3]
    # 预算总金额 = 基本支出 + 项目支出; the five project lines sum to 项目支出.
    assert total.children_sums == {"initial": Decimal("545.57"), "adjustment": Decimal("81.6"),
                                   "adjusted": Decimal("627.17"), "actual": Decimal("602.24")}
    assert project.children_sums["initial"] == Decimal("29.00")
    assert project.children_sums["adjusted"] == Decimal("25.75")
    assert project.children_sums["actual"] == Decimal("24.94")
    assert result.budget_adjustment_rate == Decimal("14.96")  # 81.6 / 545.57
    assert result.budget_execution_rate == Decimal("96.03")  # 602.24 / 627.17
    # The self-evaluation table's 预算执行率 and 预算调整率 rows agree with the budget table.
    rows = {r["三级指标"]: r["完成值"] for r in SEED_ROWS}
    assert rows["预算执行率"] == f"{result.budget_execution_rate}%"
    assert rows["预算调整率"] == f"{result.budget_adjustment_rate}%"


def test_seed_deviation_for_missed_zero_target_is_a_convention():
    """The seed writes 100% for 预算调整率 (=0%, 14.96%): (14.96 − 0) / 0 has no value,
    so the tables' convention is kept rather than computed."""
    result = evaluate_indicator(Indicator("预算调整率", parse_quantity("=0%"), completion=parse_quantity("14.96%")))
    assert (result.status, result.deviation, result.deviation_text) == (Status.MISSED, Decimal(100), "100%")


@pytest.mark.parametrize("target, completion, status, deviation", [
    ("≤10%", "4%", Status.MET, "0.00%"),
    ("≤10%", "12%", Status.MISSED, "20.00%"),
    ("≤1天", "1天", Status.MET, "0.00%"),
    ("≥0人次", "0人次", Status.MET, "0%"),
    ("=0小时", "3小时", Status.MISSED, "100%"),
    ("≥660亿元", "8687800万元", Status.EXCEEDED, "31.63%"),
    ("≥300人", "843名", Status.EXCEEDED, "181.00%"),
    ("≥1200项", "1100", Status.MISSED, "-8.33%"),
    (">5场", "5场", Status.MISSED, "0.00%"),
    ("=0.5年", "0.5年", Status.MET, "0.00%"),
    ("健全", "健全", Status.MET, "0%"),
    ("有序推进", "完成", Status.MET, "0%"),
    ("显著", "较显著", Status.MISSED, ""),
])
def test_conventions(target, completion, status, deviation):
    result = evaluate_indicator(Indicator("x", parse_quantity(target), completion=parse_quantity(completion)))
    assert (result.status, result.deviation_text) == (status, deviation)


@pytest.mark.parametrize("target, completion, problem", [
    ("≥100项", "", Problem.NO_COMPLETION),
    ("≥100项", "50万元", Problem.UNIT_MISMATCH),
    ("≥100项", "健全", Problem.KIND_MISMATCH),
    ("健全", "100%", Problem.KIND_MISMATCH),
])
def test_pending(target, completion, problem):
    result = evaluate_indicator(Indicator("x", parse_quantity(target), completion=parse_quantity(completion)))
    assert (result.status, result.problem, result.deviation_text) == (Status.PENDING, problem, "")


@pytest.mark.parametrize("target, completion, status", [
    ("达到Ⅲ类", "Ⅱ类", Status.MET),  # 绛岭's 绛河出境断面年均水质类别: a better class than the target
    ("达到Ⅲ类", "Ⅲ类", Status.MET),
    ("Ⅲ类及以上", "Ⅳ类", Status.MISSED),
    ("优于Ⅲ类", "Ⅲ类", Status.MISSED),
    ("不低于良好", "优秀", Status.MET),
    ("良好", "合格", Status.MISSED),
    ("健全", "基本健全", Status.MISSED),  # no grade of a scale: as before
])
def test_a_grade_of_an_ordered_scale_meets_a_lower_one(target, completion, status):
    indicator = Indicator(name="绛河出境断面年均水质类别", target=parse_quantity(target),
                          completion=parse_quantity(completion))
    assert evaluate_indicator(indicator).status is status


def test_a_concentration_is_read_and_compared_in_its_unit():
    indicator = Indicator(name="县城细颗粒物（PM2.5）年均浓度", target=parse_quantity("≤36微克/立方米"),
                          completion=parse_quantity("38.4微克/立方米"))
    result = evaluate_indicator(indicator)
    assert result.status is Status.MISSED and result.margin == Decimal("2.4")


def test_an_exceedance_the_units_problems_name_with_its_multiple_is_marked():
    """绛岭's problems: 重点行业挥发性有机物综合治理企业数、危险废物规范化环境管理评估企业数分别为目标的1.75倍和2.15倍."""
    from pathlib import Path
    import dataclasses
    import yaml
    folder = Path(__file__).resolve().parents[1] / "data" / "statements_jiangling"
    notes = yaml.safe_load((folder / "officer_notes.yaml").read_text(encoding="utf-8"))
    report = dataclasses.replace(load_report(folder / "unit.yaml"), problems=notes["存在问题"])
    named = [r.indicator.name for r in evaluate(report).indicators if r.multiple_named]
    assert named == ["重点行业挥发性有机物综合治理企业数", "危险废物规范化环境管理评估企业数"]
    assert not any(r.multiple_named for r in evaluate(load_report(folder / "unit.yaml")).indicators)


@pytest.mark.parametrize("target, completion, status", [
    ("10月底前", "9月", Status.MET),  # 额尔敦塔拉's 《……年鉴（2024）》出版时间 (it was 待补充)
    ("10月底前", "10月", Status.MET),
    ("10月底前", "11月", Status.MISSED),
    ("11月15日前", "11月20日", Status.MISSED),
    ("年底前", "12月", Status.MET),
    ("9月底前", "10月", Status.MISSED),
])
def test_a_deadline_in_the_year_is_met_by_a_date_not_after_it(target, completion, status):
    indicator = Indicator(name="年鉴出版时间", target=parse_quantity(target), completion=parse_quantity(completion))
    assert evaluate_indicator(indicator).status is status


def test_a_deadline_read_two_ways_that_disagree_is_left_pending():
    # 10月前 may be before October or by its end: a completion in October is neither met nor missed
    indicator = Indicator(name="年鉴出版时间", target=parse_quantity("10月前"), completion=parse_quantity("10月"))
    assert evaluate_indicator(indicator).status is Status.PENDING
