"""This year's report against last year's of the same unit (check --last-year).

Last year is made from seed 002's own data (corpus/example.yaml) with known changes: the year 2021, and
全市技术合同成交额 625.47亿元 (so that seed 002's 同比增长38.9% is right) or 600亿元 (so that it is wrong:
44.8%). The real report of seed 002 is checked against it, as its own DOCX drafted for 2021 and as the
input file; a change in the indicator's unit (较上年增加372家) is checked in a text of another hand."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from narrator.checking.checker import check_file
from narrator.drafting.compose import compose
from narrator.core.errors import NarratorError
from narrator.core.evaluate import evaluate
from narrator.sources.load import load_report
from narrator.drafting.render import docx_bytes
from narrator.checking.reporters import explanations

from conftest import SEEDS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "corpus" / "example.yaml"
(SEED_002,) = SEEDS.glob("002_*.txt")


def _last_year(tmp_path: Path, turnover: str, name: str = "2021年.yaml", **changes: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace("年度: 2022", "年度: 2021")
    text = text.replace('完成值: "868.78亿元"', f'完成值: "{turnover}"')
    for old, new in changes.items():
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def last_docx(tmp_path_factory):
    """Last year's report as a DOCX drafted from its data: its 自评表 is what is read."""
    folder = tmp_path_factory.mktemp("last")
    path = folder / "2021年自评报告.docx"
    path.write_bytes(docx_bytes(compose(evaluate(load_report(_last_year(folder, "625.47亿元"))))))
    return path


def test_a_growth_on_last_year_is_verified_against_last_years_report(last_docx):
    result = check_file(SEED_002, approved=None, last_year=last_docx)
    cell = [item for item in explanations(result) if item["figure"] == "38.9%" and "完成情况" in item["place"]]
    assert [item["explanation"] for item in cell] == [
        "与按上年报告（2021年自评报告.docx 表3 第49行）计算的“全市技术合同成交额”较上年（625.47亿元）的增减（38.9%）一致"]
    assert [(f.code, f.claimed) for f in result.findings if f.severity == "error"] == []


def test_a_target_carried_over_after_a_large_excess_is_pointed_out(last_docx):
    result = check_file(SEED_002, last_year=last_docx)
    (low,) = [f for f in result.findings if f.code == "N801"]
    assert (low.claimed, low.expected, low.location.table, low.location.row) == (">=300人", "843人", 3, 47)
    assert low.message == ("“培育技术经纪人”今年的目标值“>=300人”与上年相同，而上年已完成 843人，超出上年目标 181%"
                           "（上年报告 2021年自评报告.docx 表3第47行），目标可能设定偏低。")


def test_a_wrong_growth_is_an_error_with_the_computed_change(tmp_path):
    result = check_file(SEED_002, last_year=_last_year(tmp_path, "600亿元"))
    (wrong,) = [f for f in result.findings if f.severity == "error"]
    assert (wrong.code, wrong.claimed, wrong.expected) == ("N101", "38.9%", "44.8%")
    assert wrong.message == ("年度重点任务表写“38.9%”，但按上年报告（2021年.yaml 绩效指标 第68行）计算的“全市技术合同成交额”"
                             "较上年（600亿元）的增减是 44.8%。")


@pytest.mark.parametrize("last, written, errors", [
    ("11000家", "较上年增加372家", []),
    ("11100家", "较上年增加372家", [("N101", "372家", "272家")]),
    ("11000家", "同比增长3.38%", []),
    ("11000家", "同比增长3.83%", [("N101", "3.83%", "3.38%")]),
])
def test_a_change_in_the_indicators_unit_or_in_percent(tmp_path, last, written, errors):
    report = tmp_path / "2022年报告.txt"
    report.write_text("苏州市生产力促进中心2022年度整体支出绩效自评报告\n"
                      f"全年完成高企年度发展情况报表统计11372家，{written}，完成年度目标。\n", encoding="utf-8")
    previous = _last_year(tmp_path, "625.47亿元", **{'完成值: "11372家"': f'完成值: "{last}"'})
    result = check_file(report, EXAMPLE, last_year=previous)
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.severity == "error"] == errors


def test_last_years_report_of_the_same_year_or_another_unit_is_refused(tmp_path):
    with pytest.raises(NarratorError) as refused:
        check_file(SEED_002, last_year=EXAMPLE)
    assert str(refused.value) == (f"文件 {EXAMPLE}：这份报告是 2022 年度的，不早于报告 {SEED_002} 的 2022 年度，不作比较。"
                                  "请给出上一年度的报告。")
    other = _last_year(tmp_path, "625.47亿元", **{"单位名称: 苏州市生产力促进中心": "单位名称: 常州市科学技术局"})
    run = subprocess.run([sys.executable, "-m", "narrator", "check", str(SEED_002), "--last-year", str(other)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "上年报告是“常州市科学技术局”的，而报告" in run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_a_figure_carried_over_from_last_year_is_named_so(last_docx, tmp_path):
    """Seed 002 with 成交额868.78亿元 written as last year's 625.47亿元 in one paragraph: the error (N101) and,
    beside it, that the figure is last year's (N802); the unchanged report draws no N802."""
    text = SEED_002.read_text(encoding="utf-8")
    assert text.count("成交额868.78亿元，同比增长38.9%") == 3
    stale = tmp_path / "2022年报告.txt"
    stale.write_text(text.replace("成交额868.78亿元，同比增长38.9%", "成交额625.47亿元，同比增长38.9%", 1), encoding="utf-8")
    result = check_file(stale, last_year=last_docx)
    found = [(f.code, f.claimed, f.expected) for f in result.findings if f.code in ("N101", "N802")]
    assert found == [("N101", "625.47亿元", "868.78亿元"), ("N802", "625.47亿元", "625.47亿元")]
    (carried,) = [f for f in result.findings if f.code == "N802"]
    assert carried.message == "“625.47亿元”是“全市技术合同成交额”上年的完成值（上年报告 2021年自评报告.docx），可能沿用了上年的数字。"
    assert [f for f in check_file(SEED_002, last_year=last_docx).findings if f.code == "N802"] == []
