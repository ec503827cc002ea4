"""draft --form 项目 (issue 14): a project's self-evaluation report and its 项目支出绩效自评表 with the
scores, total and grade the national rules give (lexicon/scoring/national.yaml), checked clean by
`check` and read back by `evaluate`.

The example project (corpus/project_example.yaml) is the hand-built form of tests/forms.py as an
input, so the drafted form must carry that form's figures: 年度资金总额 179.43 of 200, 10 × 0.89715 =
8.97; 发放创新券金额 179.43 ÷ 200 × 15 = 13.46; the others full marks; total 97.43, grade 优."""
from __future__ import annotations

import copy
from decimal import Decimal

import pytest
import yaml
from click.testing import CliRunner

from narrator.checking.checker import check_file
from narrator.cli import main
from narrator.drafting.compose import Paragraph, Table, compose, compose_project
from narrator.core.evaluate import evaluate
from narrator.sources.load import load_report
from narrator.forms.project import score_project
from narrator.recognise.projectform import read_sheet
from narrator.sources.read import read_document
from narrator.drafting.render import docx_bytes
from narrator.core.resources import example_path
from narrator.forms.scoring import rule_set, score_rows

import forms

RULES = rule_set("national")


def _input(tmp_path, change=None):
    data = yaml.safe_load(example_path(".yaml", project=True).read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    if change:
        change(data)
    path = tmp_path / "项目.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _drafted(tmp_path, change=None):
    document = compose_project(evaluate(load_report(_input(tmp_path, change))), RULES)
    path = tmp_path / "项目自评报告.docx"
    path.write_bytes(docx_bytes(document))
    return document, path


def _table(document, name):
    (table,) = [block for block in document.blocks if isinstance(block, Table) and block.name == name]
    return table


def _prose(document):
    return "\n".join(block.text for block in document.blocks if isinstance(block, Paragraph))


def test_the_example_project_form_carries_the_hand_built_forms_scores(tmp_path):
    document, path = _drafted(tmp_path)
    funding = _table(document, "project_funding")
    assert funding.rows[0] == ["年度资金总额", "200", "200", "179.43", "10", "89.72%", "8.97"]
    assert funding.rows[1] == ["其中：当年财政拨款", "200", "200", "179.43", "—", "89.72%", "—"]
    indicators = _table(document, "project_indicators")
    hand_built = {row[3]: (row[6], row[7]) for row in forms.rows() if row[0] == "绩效指标" and row[6] != "分值"}
    drafted = {row[2]: (row[5], row[6]) for row in indicators.rows[:-2]}
    assert drafted == hand_built
    assert indicators.rows[-2][5:7] == ["100", "97.43"] and indicators.rows[-1][:2] == ["自评等级", "优"]
    assert "该项目自评得分97.43分，自评等级为优。" in _prose(document)


def test_a_drafted_project_form_checks_clean_and_reads_back(tmp_path):
    _, path = _drafted(tmp_path)
    result = check_file(path)
    assert result.findings == []
    sheet = read_sheet(read_document(path))
    rows = score_rows(sheet, RULES)
    assert len(rows) == 8 and all(row.agrees for row in rows)
    assert (sheet.total_score.text, sheet.grade.text) == ("97.43", "优")
    assert sheet.labels == {"project": "科技创新券补助", "department": "常州市科学技术局", "unit": "常州市科技服务中心"}


def test_missing_weights_share_the_levels_default(tmp_path):
    """No 分值 in the input: 产出 50 over 4 indicators (12.5 each), 效益 30 over 2 (15), 满意度 10.
    支持企业数 326/300 capped at 12.5; 发放创新券金额 179.43 ÷ 200 × 12.5 = 11.214375 → 11.21;
    兑现办理时限 15/12 capped at 12.5; total 8.97 + 12.5 + 11.21 + 12.5 + 12.5 + 15 + 15 + 10 = 97.68."""
    def no_weights(data):
        for row in data["绩效指标"]:
            row.pop("分值")
    document, path = _drafted(tmp_path, no_weights)
    weights = [(row[2], row[5], row[6]) for row in _table(document, "project_indicators").rows[:-2]]
    assert weights == [("支持企业数", "12.5", "12.5"), ("发放创新券金额", "12.5", "11.21"),
                       ("兑现审核合规率", "12.5", "12.5"), ("兑现办理时限", "12.5", "12.5"),
                       ("带动企业研发投入", "15", "15"), ("科技服务机构活跃度", "15", "15"), ("企业满意度", "10", "10")]
    assert "该项目自评得分97.68分，自评等级为优。" in _prose(document)
    assert "表中产出指标、效益指标、满意度指标指标未填写分值的" not in _prose(document)
    assert check_file(path).findings == []


def test_shares_that_do_not_divide_evenly_still_add_up():
    """产出 50 over 3: 16.67, 16.67 and 16.66."""
    report = load_report(example_path(".yaml", project=True))
    report.indicators = [i for i in report.indicators if i.name != "兑现办理时限"]
    for indicator in report.indicators:
        indicator.weight = None
    scores = score_project(evaluate(report), RULES)
    assert [row.weight for row in scores.indicators[:3]] == [Decimal("16.67"), Decimal("16.67"), Decimal("16.66")]
    assert scores.total_weight == Decimal("100")


def test_a_qualitative_target_missed_is_left_to_the_evaluator(tmp_path):
    """科技服务机构活跃度 short of 显著提升: the rules give 0–80 % of its 15 points when the form does not
    say whether it was partly reached; narrator does not pick a score, and so no total or grade."""
    def short(data):
        (row,) = [row for row in data["绩效指标"] if row["三级指标"] == "科技服务机构活跃度"]
        row["完成值"] = "有所提升"
        row["原因分析"] = "服务机构数量增长慢于预期"
    document, path = _drafted(tmp_path, short)
    (row,) = [row for row in _table(document, "project_indicators").rows if row[2] == "科技服务机构活跃度"]
    assert row[6] == "【待补充：得分（按评分规则应在0—12分之间）】" and row[7] == "服务机构数量增长慢于预期"
    total, grade = _table(document, "project_indicators").rows[-2:]
    assert total[6] == "【待补充：总分】" and grade[1] == "【待补充：自评等级】"
    assert "科技服务机构活跃度的得分需由评价人员按评分规则评定，【待补充：总分】，【待补充：自评等级】。" in _prose(document)
    assert "科技服务机构活跃度：得分（按评分规则应在0—12分之间）" in document.missing


def test_cli_drafts_the_example_project_by_default(tmp_path, monkeypatch):
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["draft", "--form", "项目"])
    assert result.exit_code == 0, result.output
    assert "已生成自评报告：科技创新券补助2023年度项目支出绩效自评报告.docx" in result.output
    assert "预算未全部执行的原因" in result.output  # the one thing the input does not say
    first = (tmp_path / "科技创新券补助2023年度项目支出绩效自评报告.docx").read_bytes()
    assert runner.invoke(main, ["draft", "--form", "项目", "-o", "again.docx"]).exit_code == 0
    assert (tmp_path / "again.docx").read_bytes() == first


def test_a_project_without_a_name_is_a_clear_error(tmp_path):
    path = _input(tmp_path, lambda data: data.pop("项目名称"))
    result = CliRunner().invoke(main, ["draft", str(path), "--form", "项目", "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"文件 {path}：没有“项目名称”" in result.output
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize("name", ["no_such_rules"])
def test_unknown_rules_are_a_clear_error(tmp_path, name):
    result = CliRunner().invoke(main, ["draft", "--form", "项目", "--rules", name, "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2 and "national" in result.output and "Traceback" not in result.output


def test_check_takes_the_rule_set_by_name(tmp_path):
    _, path = _drafted(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(path), "--rules", "national"])
    assert result.exit_code == 0 and "发现问题 0 处" in result.output
    result = runner.invoke(main, ["check", str(path), "--rules", "no_such_rules"])
    assert result.exit_code == 2 and "national" in result.output and "Traceback" not in result.output


# draft --scoring: the 部门整体 自评表 with 分值 and 得分 (issue 14). The example unit's input has no 分值;
# these tests give its 54 indicators 2 points each for the first 46 and 1 for the last 8 (100 in all).

def _weighted(tmp_path, weights=True):
    data = yaml.safe_load(example_path(".yaml").read_text(encoding="utf-8"))
    if weights:
        for number, row in enumerate(data["绩效指标"]):
            row["分值"] = 2 if number < 46 else 1
    path = tmp_path / "输入.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_scoring_adds_weights_and_scores_to_the_unit_table(tmp_path):
    """Three of the 54 fall short (national rules): 预算调整率 target =0 %, actual 14.96 % → 0 of 2
    (a zero target: reached or nothing); 预算执行率 96.03 ÷ 100 × 2 = 1.9206 → 1.92; 非税收入预算完成率
    66.22 ÷ 100 × 2 = 1.3244 → 1.32. Total 100 − 2 − 0.08 − 0.68 = 97.24, grade 优 (≥ 90)."""
    document = compose(evaluate(load_report(_weighted(tmp_path))), rules=RULES)
    table = _table(document, "self_evaluation")
    assert table.headers[5:7] == ["分值", "得分"] and len(table.rows) == 56
    short = {row[2]: row[5:7] for row in table.rows[:-2] if row[5:7] != [row[5], row[5]]}
    assert short == {"预算调整率": ["2", "0"], "预算执行率": ["2", "1.92"], "非税收入预算完成率": ["2", "1.32"]}
    assert table.rows[-2][:1] + table.rows[-2][5:7] == ["总分", "100", "97.24"]
    assert table.rows[-1][:2] == ["自评等级", "优"]
    assert ("按照全国项目支出绩效自评表的评分规则，苏州市生产力促进中心2022年度部门整体自评得分97.24分"
            "（分值合计100分），自评等级为优。") in _prose(document)
    assert document.warnings == compose(evaluate(load_report(_weighted(tmp_path)))).warnings  # no weight warning


def test_a_scored_unit_table_checks_clean_and_a_wrong_score_is_found(tmp_path):
    document = compose(evaluate(load_report(_weighted(tmp_path))), rules=RULES)
    path = tmp_path / "整体.docx"
    path.write_bytes(docx_bytes(document))
    assert check_file(path).findings == []
    sheet = read_sheet(read_document(path))
    assert len(sheet.indicators) == 54 and (sheet.total_score.text, sheet.grade.text) == ("97.24", "优")
    # Planted: 非税收入预算完成率 given its full 2 points though 66.22 % of the target was reached.
    import docx
    word = docx.Document(str(path))
    (row,) = [row for row in word.tables[-1].rows if row.cells[2].text == "非税收入预算完成率"]
    row.cells[6].paragraphs[0].runs[0].text = "2"
    wrong = tmp_path / "改错.docx"
    word.save(str(wrong))
    codes = [(f.code, f.message) for f in check_file(wrong).findings]
    assert codes == [("N603", "“非税收入预算完成率”未达到年度指标值（指标值 =100%，实际完成 66.22%），却给了满分“2”；"
                               "按“实际完成值 ÷ 年度指标值 × 分值，不超过分值”应为 1.32。"),
                     ("N606", "总分写“97.24”，而各行得分之和为 97.92（54 行）。")]


def test_scoring_without_weights_asks_for_them(tmp_path):
    document = compose(evaluate(load_report(_weighted(tmp_path, weights=False))), rules=RULES)
    table = _table(document, "self_evaluation")
    assert table.rows[0][5:7] == ["【待补充：分值】", "【待补充：得分】"]
    assert table.rows[-2][5:7] == ["【待补充：分值】", "【待补充：总分】"]
    assert "表中尚有54项指标的分值或得分待补充，自评得分【待补充：总分】，自评等级【待补充：自评等级】。" in _prose(document)
    assert "工作计划制定健全性：分值" in document.missing


def test_cli_scoring_switch(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["draft", str(_weighted(tmp_path)), "--scoring", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "| 总分 |  |  |  |  | 100 | 97.24 |  |  |  |" in result.output
    assert "核对" not in result.output  # the self-review found nothing
    plain = runner.invoke(main, ["draft", str(_weighted(tmp_path)), "--format", "md"])
    assert "| 分值 |" not in plain.output
