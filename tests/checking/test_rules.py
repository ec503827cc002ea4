"""The rule list and the linking decisions of issue 13, on seed 002's own text with one
sentence or cell changed: each rule fires on a planted error and stays silent on the
unchanged report; the decisions (every candidate disagrees, names, task cells, growth,
counts) each have their case."""
from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import seed_text
from narrator.checking import rules
from narrator.checking.checker import check_document, checked_report
from narrator.cli import main
from narrator.statements.extract import name_tokens
from narrator.checking.findings import wording
from narrator.sources.read import read_text

SEED = seed_text("002")
SEED_FINDINGS = [("N103", "全面完成", "3项未达成"), ("N102", "24800项", "24900项")]
SECTION_3 = "三、部门（单位）概况"


def with_paragraph(sentence: str, text: str = SEED) -> str:
    """Seed 002 with `sentence` as the last paragraph of section 二."""
    assert text.count(SECTION_3) == 1
    return text.replace(SECTION_3, sentence + "\n" + SECTION_3)


def check_text(text: str):
    return check_document(read_text(text, "seed.txt"))


def new_findings(text: str) -> list:
    return [f for f in check_text(text).findings if (f.code, f.claimed, f.expected) not in SEED_FINDINGS]


def only(code: str, text: str) -> list:
    """The findings of one rule alone on `text`."""
    (item,) = [r for r in rules.RULES if r.code == code]
    return rules.run(checked_report(read_text(text, "seed.txt")), [item])


def test_every_rule_has_one_code_a_severity_and_its_wording():
    codes = [item.code for item in rules.RULES]
    assert codes == sorted(set(codes))
    assert codes == ["N101", "N102", "N103", "N104", "N105", "N106", "N107", "N108", "N201", "N202", "N203", "N204", "N205", "N206", "N301",
                     "N401", "N402", "N501", "N502", "N503", "N504", "N601", "N602", "N603", "N604", "N605", "N606", "N607", "N608",
                     "N609", "N610", "N611", "N612", "N613", "N701", "N702", "N703", "N704", "N705", "N706", "N707", "N801", "N802"]
    for item in rules.RULES:
        assert item.severity in ("error", "warning")
        assert wording(item.code, **{key: "" for key in ("claimed", "expected", "where", "statements", "parts",
                                                          "terms", "count", "names", "name", "value", "target",
                                                          "completion", "actual", "adjusted", "initial", "adjustment",
                                                          "column", "children", "table", "other", "target_kind",
                                                          "completion_kind", "rule", "weight", "total", "rules",
                                                          "what", "approved", "reported", "unit", "reported_unit",
                                                          "direction", "excess", "last", "file", "same")})


def test_the_unchanged_seed_has_only_its_two_real_findings():
    assert [(f.code, f.claimed, f.expected) for f in check_text(SEED).findings] == SEED_FINDINGS


# ---------------------------------------------------------------- deciding

def test_a_claim_that_disagrees_with_every_candidate_names_them_all():
    # The 自评表 row of 预算调整率 says 0% (edited), the budget table gives 81.6 ÷ 545.57 = 14.96%:
    # the two candidates disagree with each other, and "1.51%" with both.
    text = SEED.replace("\t=0%\n\t14.96%\n", "\t=0%\n\t0%\n", 1)
    text = with_paragraph("全年预算调整率为1.51%。", text)
    (finding,) = [f for f in only("N101", text) if f.claimed == "1.51%"]
    assert finding.expected == "0% / 14.96%"
    assert finding.message == ("正文写“1.51%”，但自评表表3第28行「指标完成值」列（文本第391行）的“预算调整率”是 0%，"
                               "预算信息表表1第2行「上年度结转及当年预算追加追减数(万元）」列（文本第27行）的"
                               "“预算总金额”的预算调整率是 14.96%。")


def test_candidates_that_agree_within_their_precision_are_one_fact():
    # The task cell rounds 成交额 to 869亿元; the 自评表 has 868.78亿元: one fact, stated once.
    text = SEED.replace("\t全市共登记技术合同6750项，成交额868.78亿元", "\t全市共登记技术合同6750项，成交额869亿元")
    text = with_paragraph("全市技术合同成交额878.78亿元。", text)
    (finding,) = [f for f in only("N101", text) if f.claimed == "878.78亿元"]
    assert finding.expected == "868.78亿元"


def test_a_claim_agreeing_with_a_candidate_is_settled():
    assert new_findings(with_paragraph("全市技术合同成交额868.78亿元。")) == []


# ---------------------------------------------------------------- names

def test_synonyms_and_words_that_name_nothing():
    assert name_tokens("规上工业总产值") == name_tokens("规模以上工业总产值")
    assert name_tokens("市科技局年初预算") == name_tokens("科学技术局年初预算数")
    # The year and the report's own unit name do not dilute the name: linked and checked.
    text = with_paragraph("2022年苏州市生产力促进中心全市技术合同成交额达到878.78亿元。")
    (finding,) = new_findings(text)
    assert (finding.code, finding.claimed, finding.expected) == ("N101", "878.78亿元", "868.78亿元")


# ---------------------------------------------------------------- task cells

def test_a_figure_in_a_task_cell_is_checked_against_the_self_evaluation_table():
    text = SEED.replace("\t全年累计组织16场形式多样的国内外产学研活动。", "\t全年累计组织18场形式多样的国内外产学研活动。")
    prose, finding = new_findings(text)
    # The cell disagrees with the 自评表 (16场); §二's sentence, which only the cell's words name, with the cell.
    assert (prose.location.paragraph, prose.claimed, prose.expected) == (7, "16场", "18场")
    assert (finding.code, finding.claimed, finding.expected) == ("N101", "18场", "16场")
    assert (finding.location.table, finding.location.row, finding.location.column) == (2, 3, "完成情况")
    assert finding.message.startswith("年度重点任务表写“18场”，但自评表")


# ---------------------------------------------------------------- growth

def test_growth_claims_link_only_to_growth_of_the_same_object():
    text = with_paragraph("全市科技服务业收入1200亿元，同比增长8.6%；技术转移机构数量较上年增长8.6%。"
                          "全市技术合同成交额同比增长38.9%。")
    assert new_findings(text) == []
    report = checked_report(read_text(text, "seed.txt"))
    links = [item for passage in report.prose for item in passage.links
             if item.claim.role == "growth" and passage.text.startswith("全市科技服务业收入")]
    assert [(item.claim.quantity.text, item.linked) for item in links] == [("8.6%", False), ("8.6%", False),
                                                                          ("38.9%", True)]
    wrong = with_paragraph("全市技术合同成交额同比增长36.9%。")
    (finding,) = new_findings(wrong)
    assert (finding.code, finding.claimed, finding.expected) == ("N101", "36.9%", "38.9%")


# ---------------------------------------------------------------- counts of indicators

def test_counts_of_indicators_are_checked_against_the_table():
    right = with_paragraph("本单位共设置绩效指标54项，其中达到或超过目标51项（超额完成9项），未达到目标3项。")
    assert new_findings(right) == []
    wrong = with_paragraph("本单位共设置绩效指标54项，其中达到或超过目标52项，未达到目标2项。")
    assert [(f.code, f.claimed, f.expected) for f in new_findings(wrong)] == [
        ("N101", "52项", "51项"), ("N101", "2项", "3项")]
    assert new_findings(wrong)[1].message == "正文写“2项”，但自评表表3的未达到目标的指标数是 3项。"
    # A listing (……等8项) counts only what it lists; it is not the table's count.
    assert new_findings(with_paragraph("优化营商环境、企业研发周期等8项指标达到预期目标。")) == []


# ---------------------------------------------------------------- arithmetic in prose

def test_parts_that_add_up_to_more_than_the_total():
    text = with_paragraph("本项目共完成预算资金89.97万元。其中：培训经费30万元；活动经费30万元；平台运维经费29.99万元。")
    (finding,) = only("N105", text)
    assert (finding.claimed, finding.expected) == ("89.97万元", "89.99万元")
    assert finding.message == "写明的各项之和（30 + 30 + 29.99 = 89.99万元）超过了总数“89.97万元”。"
    assert finding.context[finding.span[0]:finding.span[1]].startswith("89.97万元")
    count = with_paragraph("实施项目共15个，其中年初安排8个，年中增加8个。")
    assert [(f.claimed, f.expected) for f in only("N105", count)] == [("15个", "16个")]
    assert only("N105", with_paragraph("实施项目共15个，其中年初安排8个，年中增加7个。")) == []
    # Parts that need not be exhaustive may add up to less.
    assert only("N105", with_paragraph("全市共登记技术合同6750项，其中技术开发合同3000项，技术服务合同2000项。")) == []


def test_a_rate_stated_with_its_two_figures():
    right = with_paragraph("项目预算200万元，实际支出179.43万元，执行率89.7%。")
    assert only("N106", right) == []
    wrong = with_paragraph("项目预算200万元，实际支出179.43万元，执行率87.9%。")
    (finding,) = only("N106", wrong)
    assert (finding.claimed, finding.expected) == ("87.9%", "89.7%")
    assert finding.message == "比率写“87.9%”，但按句中的两个数字计算应为 89.7%（179.43万元 ÷ 200万元 = 89.7%）。"
    # The seed's own task cell: 11372 ÷ 11472 = 99.13%; changed, it is found in the cell.
    cell = SEED.replace("\t发动高企年度发展情况报表统计调查，入统企业数11472家，完成统计企业11372家，占比99.13%",
                        "\t发动高企年度发展情况报表统计调查，入统企业数11472家，完成统计企业11372家，占比98.13%")
    (finding,) = only("N106", cell)
    assert (finding.location.table, finding.location.row, finding.claimed) == (2, 8, "98.13%")
    # An initial budget is not what a rate is computed on.
    assert only("N106", with_paragraph("年初预算200万元，实际支出179.43万元，执行率95%。")) == []


def test_shares_of_one_whole_add_up_to_at_most_100_percent():
    wrong = with_paragraph("三类支出占总支出的比重分别为45%、35%、30%。")
    (finding,) = only("N107", wrong)
    assert finding.message == "“分别”列出的各部分比重之和超过 100%（45% + 35% + 30% = 110%）。"
    assert only("N107", with_paragraph("三类支出占总支出的比重分别为45%、35%、20%。")) == []


# ---------------------------------------------------------------- variations and --explain

def test_variations_a_writer_of_another_unit_would_produce_give_no_finding():
    text = with_paragraph("全市科技服务业收入同比增长8.6%，技术转移机构较上年增长8.6%，高企数量比上年增加15家。")
    text = text.replace("\t全年累计组织16场形式多样的国内外产学研活动。", "\t全年累计组织１６场形式多样的国内外产学研活动。")
    text = text.replace("\t指标目标值\n\t指标完成值\n", "\t年度指标值\n\t实际完成值\n", 1)
    assert "\t年度指标值\n\t实际完成值\n" in text
    assert [(f.code, f.claimed, f.expected) for f in check_text(text).findings] == SEED_FINDINGS


def test_explain_says_what_each_figure_was_linked_to_or_why_not(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(SEED, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--explain"])
    assert result.exit_code == 1
    assert "第37段（文本第12行） “24800项”：与年度重点任务表表2第9行「完成情况」列（文本第128行）的“提供科技服务类别”（24800项）一致" \
        in result.output
    assert "第13段（文本第10行） “4年”：未对应：表格中没有名称相近的数字" in result.output
    assert "第36段（文本第12行） “24900项”：未对应：名称相近的数字单位不同（%）" in result.output
    result = CliRunner().invoke(main, ["check", str(path), "--explain", "--format", "json"])
    (report,) = json.loads(result.stdout)
    assert len([item for item in report["explain"] if item["location"].get("paragraph")]) == report["figures"] == 61
    assert sum(item["linked"] for item in report["explain"] if item["location"].get("paragraph")) == report["linked"]


def test_a_growth_rate_indicator_is_what_a_growth_sentence_states():
    # The 自评表 row 研发资源共享服务用户补助 (=100%, 100%) renamed as a growth rate.
    text = SEED.replace("\t研发资源共享服务用户补助\n", "\t研发资源共享服务用户补助增长率\n", 1)
    assert text != SEED
    assert new_findings(with_paragraph("研发资源共享服务用户补助同比增长100%。", text)) == []
    (finding,) = new_findings(with_paragraph("研发资源共享服务用户补助同比增长90%。", text))
    assert (finding.code, finding.claimed, finding.expected) == ("N101", "90%", "100%")


def test_two_indicators_named_before_all_met_are_those_two_even_with_a_word_for_all_inside():
    """A drafted sentence (澜溪's 永久基本农田保护任务完成率和耕地保护田长制巡查覆盖率均达到目标) drew N103: 任务 inside a
    name was read as 'every task'. A word for all of them heads or opens a name (年度目标和重点任务); inside, it is the
    indicator's own word."""
    listed = with_paragraph("从完成程度看，绩效指标明确性和工作计划制定健全性均达到目标。")
    assert [(f.claimed, f.expected) for f in only("N103", listed)] == [("全面完成", "3项未达成")]
    every = with_paragraph("本年度绩效目标和各项任务均已完成。")
    assert sorted((f.claimed, f.expected) for f in only("N103", every)) == [("全面完成", "3项未达成"),
                                                                             ("均已完成", "3项未达成")]
