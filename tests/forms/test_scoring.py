"""Scores (issue 14): the national 项目支出绩效自评表 built by hand (tests/forms.py, where each figure's rule
is worked out) checks clean in every format the readers take, and every scoring rule fires on an error
planted in it — the errors reviewers found by hand in other provinces' public forms — and on nothing else."""
from __future__ import annotations

from decimal import Decimal

import pytest

from narrator.checking.checker import check_file
from narrator.core.model import Indicator
from narrator.core.quantity import parse_quantity
from narrator.forms.scoring import execution_score, grade, indicator_score, rule_set

import forms


def _findings(path):
    return [(f.code, f.claimed, f.expected) for f in check_file(path).findings]


@pytest.mark.parametrize("kind", ["docx", "text", "xlsx"])
def test_the_correct_form_checks_clean(tmp_path, kind):
    path = tmp_path / f"自评表.{'txt' if kind == 'text' else kind}"
    getattr(forms, f"write_{kind}")(forms.rows(), path)
    result = check_file(path)
    assert result.findings == []
    # The seven indicators are facts the prose is checked against, in every format.
    assert result.facts >= 25


PLANTED = {
    # A score the rule does not give (with the 总分 kept equal to the sum, so only the rule fires).
    "indicator_score": ([("发放创新券金额", 7, "14"), ("总分", 7, "97.97")], [("N601", "14", "13.46")]),
    # The same 200 / 179.43 (89.7 %) scored 9 on the 年度资金总额 line (right at whole points) and 8 on the
    # 当年财政拨款 sub-line, as in a real form.
    "sub_line_score": ([("年度资金总额", 7, "9"), ("其中：当年财政拨款", 5, "10"), ("其中：当年财政拨款", 7, "8"),
                        ("总分", 7, "97.46")], [("N601", "8", "8.97")]),
    "less_is_better": ([("兑现办理时限", 4, "≤10个工作日"), ("兑现办理时限", 7, "4.5"),
                        ("兑现办理时限", 8, "高峰期集中受理"), ("总分", 7, "96.93")], [("N601", "4.5", "4.17")]),
    # A target reached but scored below the rule: a deduction the form may explain, a warning (N609).
    "qualitative_band": ([("科技服务机构活跃度", 7, "10"), ("总分", 7, "92.43")], [("N609", "10", "12–15")]),
    "above_weight": ([("支持企业数", 7, "22"), ("总分", 7, "99.43")], [("N602", "22", "20")]),
    # Full points for a target missed (政府采购执行率 72.74 % against 100 % in a real form).
    "full_for_missed": ([("发放创新券金额", 7, "15"), ("总分", 7, "98.97")], [("N603", "15", "13.46")]),
    # A 年度资金总额 row of zeros above a sub-row of 200 / 179.43.
    "total_row_zeros": ([("年度资金总额", 2, "0"), ("年度资金总额", 3, "0"), ("年度资金总额", 4, "0")],
                        [("N604", "0", "200"), ("N604", "0", "200"), ("N604", "0", "179.43")]),
    "weights": ([("总分", 6, "110")], [("N605", "100", "110")]),
    "total": ([("总分", 7, "96.43")], [("N606", "96.43", "97.43")]),
    "grade": ([("自评等级", 1, "良")], [("N607", "良", "优")]),
}


@pytest.mark.parametrize("case", sorted(PLANTED))
def test_each_rule_fires_on_its_planted_error_and_nothing_else(tmp_path, case):
    changes, expected = PLANTED[case]
    path = forms.write_docx(forms.changed(forms.rows(), *changes), tmp_path / "自评表.docx")
    assert _findings(path) == expected


def test_prose_total_and_grade_against_the_form(tmp_path):
    prose = ["三、自评结论", "该项目自评得分96.43分，自评等级为良。"]
    path = forms.write_docx(forms.rows(), tmp_path / "自评表.docx", prose)
    assert _findings(path) == [("N608", "96.43", "97.43"), ("N608", "良", "优")]


def test_a_finding_names_the_rule_and_the_cell(tmp_path):
    path = forms.write_docx(forms.changed(forms.rows(), ("发放创新券金额", 7, "14"), ("总分", 7, "97.97")),
                            tmp_path / "自评表.docx")
    (finding,) = check_file(path).findings
    assert finding.message == "“发放创新券金额”的得分写“14”，按“实际完成值 ÷ 年度指标值 × 分值，不超过分值”应为 13.46（分值 15）。"
    assert finding.location.describe() == "表1第12行「得分」列"


def _indicator(target: str, completion: str) -> Indicator:
    return Indicator(name="指标", target=parse_quantity(target), completion=parse_quantity(completion))


@pytest.mark.parametrize("target, completion, weight, low, high", [
    ("≥200万元", "179.43万元", "15", "13.45725", "13.45725"),  # 完成值 ÷ 指标值 × 分值
    ("≥300家", "326家", "20", "20", "20"),  # capped at the weight
    ("≤10个工作日", "12个工作日", "5", "4.166666666666666666666666667", "4.166666666666666666666666667"),
    ("=0%", "14.96%", "5", "0", "0"),  # a zero target missed
    ("=0%", "0%", "5", "5", "5"),
    ("显著提升", "显著提升", "15", "12", "15"),  # 达成: 80–100 %
    ("显著提升", "部分达成", "15", "9", "12"),  # 部分达成: 60–80 %
    ("显著提升", "未达成", "15", "0", "9"),  # 未达成: 0–60 %
    ("显著提升", "有所提升", "15", "0", "12"),  # not said which: 0–80 %
])
def test_national_rules(target, completion, weight, low, high):
    expected = indicator_score(_indicator(target, completion), Decimal(weight), rule_set())
    assert (expected.low, expected.high) == (Decimal(low), Decimal(high))


def test_execution_score_and_grades():
    rules = rule_set()
    assert execution_score(Decimal("179.43") / Decimal(200) * 100, Decimal(10), rules).low == Decimal("8.9715")
    assert execution_score(Decimal("104.2"), Decimal(10), rules).low == Decimal(10)  # capped
    assert [grade(Decimal(total), rules) for total in ("90", "89.99", "80", "79.99", "60", "59.99")] == \
        ["优", "良", "良", "中", "中", "差"]


def test_the_form_as_pdf_reads_as_its_docx(tmp_path):
    import os

    from narrator.drafting.render import convert_to_pdf, soffice

    if soffice() is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice 未安装（CI 中必须安装）")
    clean = convert_to_pdf(forms.write_docx(forms.rows(), tmp_path / "自评表.docx"), tmp_path / "自评表.pdf")
    assert check_file(clean).findings == []
    planted = forms.write_docx(forms.changed(forms.rows(), ("总分", 7, "96.43")), tmp_path / "错.docx")
    result = check_file(convert_to_pdf(planted, tmp_path / "错.pdf"))
    assert [(f.code, f.claimed, f.expected, f.location.page) for f in result.findings] == \
        [("N606", "96.43", "97.43", 2)]  # the 总分 row is on the second page


def test_evaluate_prints_each_row_the_total_and_the_grade(tmp_path):
    from click.testing import CliRunner

    from narrator.cli import main

    path = forms.write_docx(forms.changed(forms.rows(), ("发放创新券金额", 7, "15"), ("科技服务机构活跃度", 7, "10")),
                            tmp_path / "自评表.docx")
    result = CliRunner().invoke(main, ["evaluate", str(path)])
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert lines[0] == "科技创新券补助 评分规则：全国项目支出绩效自评表 计分 8 行"
    assert lines[3:] == [
        "年度资金总额 10 8.97 8.97 相符",
        "支持企业数 20 20 20 相符",
        "发放创新券金额 15 15 13.46 不符",
        "兑现审核合规率 10 10 10 相符",
        "兑现办理时限 5 5 5 相符",
        "带动企业研发投入 15 15 15 相符",
        "科技服务机构活跃度 15 10 12–15 不符",  # a band: 达成 scores 80–100 % of 15
        "企业满意度 10 10 10 相符",
        # 8.97 + 20 + 13.46 + 10 + 5 + 15 + 12 + 10: each row as the rules give it.
        "分值合计 100；表中总分 97.43，按规则 94.43，等级 优（表中 优）",
    ]


def test_evaluate_says_what_is_missing(tmp_path):
    form = forms.write_text(forms.rows(), tmp_path / "自评表.txt")
    from click.testing import CliRunner

    from narrator.cli import main

    from conftest import SEEDS

    (seed,) = SEEDS.glob("002_*.txt")
    result = CliRunner().invoke(main, ["evaluate", str(seed)])
    assert result.exit_code == 2
    assert "没有找到带“分值”“得分”的自评表" in result.output
    unknown = CliRunner().invoke(main, ["evaluate", "--rules", "jiangsu", str(form)])
    assert unknown.exit_code == 2 and "没有名为“jiangsu”的评分规则。可用的有：national" in unknown.output
