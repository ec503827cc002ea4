"""What a figure in a sentence says (narrator/statements/roles.py), and checking it by computing that.

The report text (tests/data/statements_report.txt) states the figures of tests/data/statements_unit.yaml
the way the report quoted in the issue did — targets in brackets, completion ratios, percentage points,
multiples, category counts, an unspent remainder — all correct: it draws no finding. Each single figure
changed draws exactly one finding, on that figure, with the value the arithmetic gives."""
from __future__ import annotations

from pathlib import Path

import pytest

from narrator.checking.checker import check_document, check_file
from narrator.statements.extract import extract
from narrator.sources.load import load_report
from narrator.sources.read import read_document, read_text
from narrator.checking.reporters import explanations

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]
REPORT = DATA / "statements_report.txt"
UNIT = DATA / "statements_unit.yaml"


def roles(sentence: str) -> list[tuple[str, str]]:
    (claims,) = extract([sentence])
    return [(claim.quantity.text, claim.role) for claim in claims]


@pytest.mark.parametrize("sentence, expected", [
    ("带动企业研发投入增量77.3亿元，完成目标（100亿元）的77.3%，差距22.7亿元。",
     [("77.3亿元", "completion"), ("100亿元", "target"), ("77.3%", "ratio"), ("22.7亿元", "difference")]),
    ("比重为52.7%，低于目标值（53.1%）0.4个百分点。",
     [("52.7%", "completion"), ("53.1%", "target"), ("0.4个百分点", "points")]),
    ("举办科技合作与交流活动10场，为年度目标（5场）的2倍。",
     [("10场", "completion"), ("5场", "target"), ("2倍", "multiple")]),
    ("目标值为15场，实际完成16场，完成率106.67%。",
     [("15场", "target"), ("16场", "completion"), ("106.67%", "ratio")]),
    ("非税收入预算完成率66.22%，较目标低33.78个百分点。", [("66.22%", "completion"), ("33.78个百分点", "points")]),
    ("组织产学研活动16场，超出目标1场；技术合同成交额比目标多208.78亿元，超出目标31.63%。",
     [("16场", "completion"), ("1场", "difference"), ("208.78亿元", "difference"), ("31.63%", "deviation")]),
    ("调整后预算与实际支出的差额为518.69万元，科技创新专项资金未支出364.01万元。",
     [("518.69万元", "remainder"), ("364.01万元", "remainder")]),
    ("基本支出2615.2万元，占实际支出的1.00%；成交额同比增长38.9%，研发投入强度提高0.2个百分点。",
     [("2615.2万元", "completion"), ("1.00%", "share"), ("38.9%", "growth"), ("0.2个百分点", "growth")]),
    ("结转结余率为0%，预算偏差率实际为12%。", [("0%", "completion"), ("12%", "completion")]),
    ("项目支出执行率为89.06%，低于基本支出执行率10.63个百分点。", [("89.06%", "completion"), ("10.63个百分点", "rate_gap")]),
    ("基本支出执行率95.99%，比整体执行率低0.04个百分点。", [("95.99%", "completion"), ("0.04个百分点", "rate_gap")]),
    # (the gross increase named again, 调增的……中, is that gross sum, not the net change of the table)
    ("年中调增192.30万元、调减20.00万元，净调增172.30万元。调增的192.30万元中，基本支出一项就占51.27%。",
     [("192.30万元", "gross"), ("20.00万元", "gross"), ("172.30万元", "completion"), ("192.30万元", "gross"),
      ("一项", "completion"), ("51.27%", "share")]),
])
def test_each_figure_gets_its_role(sentence, expected):
    assert roles(sentence) == expected


def test_a_correct_report_in_another_hand_draws_no_finding():
    result = check_file(REPORT, UNIT)
    assert result.findings == []
    assert (result.figures, result.linked) == (37, 35)
    unlinked = {item["figure"]: item["explanation"] for item in explanations(result) if not item["linked"]}
    # A fund that is no line of the budget table, and a line named with no column: not guessed.
    assert unlinked == {"364.01万元": "未对应：表格中没有名称相近的数字",
                        "2615.2万元": "未对应：名称不够接近（最接近的是“”）"}


def test_each_role_is_verified_by_what_it_claims():
    result = check_file(REPORT, UNIT)
    agreed = {item["figure"]: item["explanation"] for item in explanations(result) if item["linked"]}
    assert agreed["77.3%"] == "与输入文件的“带动企业研发投入增量”完成值占目标值的比例（77.3%）一致"
    assert agreed["0.4个百分点"] == ("与输入文件的“高新技术产业产值占规上工业总产值比重”完成值与目标值相差的百分点"
                                   "（0.4个百分点）一致")
    assert agreed["2倍"] == "与输入文件的“举办科技合作与交流活动”完成值与目标值之比（2倍）一致"
    assert agreed["518.69万元"] == "与输入文件的“预算总金额”的未支出数（调整预算数 − 实际支出数）（518.69万元）一致"
    assert agreed["1.00%"] == "与输入文件的“基本支出”占“预算总金额”实际支出数的比重（1.00%）一致"
    assert agreed["4项"] == "与输入文件的履职类指标数（4项）一致"


EDITS = [
    ("的77.3%", "的73.3%", "73.3%", "77.3%"),  # completion ratio
    ("差距22.7亿元", "差距27.7亿元", "27.7亿元", "22.7亿元"),  # gap
    ("0.4个百分点", "0.6个百分点", "0.6个百分点", "0.4个百分点"),  # percentage points
    ("（5场）的2倍", "（5场）的3倍", "3倍", "2倍"),  # multiple
    ("履职类指标4项", "履职类指标5项", "5项", "4项"),  # count within a category
    ("2项达到或超过目标值，2项未达到；", "2项达到或超过目标值，1项未达到；", "1项", "2项"),  # scoped status count
    ("518.69万元", "581.69万元", "581.69万元", "518.69万元"),  # unspent remainder
    ("占实际支出的1.00%", "占实际支出的1.20%", "1.20%", "1.00%"),  # share
    ("7.12个百分点", "7.21个百分点", "7.21个百分点", "7.12个百分点"),
    ("101.1%", "110.1%", "110.1%", "101.1%"),
    ("比目标多717家", "比目标多771家", "771家", "717家"),
    ("目标值（53.1%）", "目标值（55.1%）", "55.1%", ">=53.1%"),  # target in brackets
    ("效益类指标2项", "效益类指标3项", "3项", "2项"),
    ("调整396.84万元", "调整369.84万元", "369.84万元", "396.84万元"),
]


@pytest.mark.parametrize("old, new, claimed, expected", EDITS)
def test_a_single_wrong_figure_draws_one_finding_on_it(tmp_path, old, new, claimed, expected):
    text = REPORT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "报告.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    (finding,) = check_file(path, UNIT).findings
    assert (finding.code, finding.claimed, finding.expected) == ("N101", claimed, expected)
    line = text.replace(old, new).splitlines()[finding.location.line - 1]
    assert line[finding.location.start:finding.location.end] == claimed


def test_all_met_is_read_within_the_category_it_names(tmp_path):
    text = REPORT.read_text(encoding="utf-8")
    path = tmp_path / "报告.txt"
    # 履职 has two missed indicators: 全部达到 of 履职 is wrong, of 效益 it is right.
    path.write_text(text.replace("效益类指标2项，全部达到目标值", "履职类指标全部达到目标值"), encoding="utf-8")
    (finding,) = check_file(path, UNIT).findings
    assert finding.code == "N103"
    assert finding.message == ("正文称“全部达到”，但自评表中有 2 项指标未达成：带动企业研发投入增量、"
                               "高新技术产业产值占规上工业总产值比重。")


def _jinyun_findings(tmp_path):
    """A checker of text against 缙云's data (held out): the findings of each text as (code, claimed, expected)."""
    def findings(text):
        path = tmp_path / "报告.txt"
        path.write_text(text + "\n", encoding="utf-8")
        return [(f.code, f.claimed, f.expected) for f in check_file(path, DATA / "statements_jinyun" / "unit.yaml").findings]
    return findings


def test_categories_after_a_count_of_the_missed_and_其中_break_that_count_down(tmp_path):
    """缙云 (held out), as a reviewer and narrator write it: 43项指标中有4项未达到目标，其中过程类1项、履职类3项 counts the
    four by category — read as the categories' sizes (7项, 23项) it was two false errors; 其中 after the total counts
    the categories themselves."""
    findings = _jinyun_findings(tmp_path)
    assert findings("2024年，我局设置的43项指标中有4项未达到目标，其中过程类1项、履职类3项，其余均达到或超过目标。") == []
    assert findings("全年43项绩效指标中，4项未达到目标，其中履职类3项、过程类1项。") == []
    assert findings("共设置指标43项，其中过程类7项、履职类23项。") == []  # the categories' sizes
    # planted: the breakdown of the missed wrong
    assert findings("2024年，我局设置的43项指标中有4项未达到目标，其中过程类2项、履职类2项。") == [
        ("N101", "2项", "1项"), ("N101", "2项", "3项")]


def test_a_fields_count_written_方面的N项指标_is_read_within_that_field(tmp_path):
    """缙云 (held out): 义务教育优质均衡方面的4项指标全部达到或超过目标 counts that field's indicators, as 义务教育优质均衡
    方面指标4项 does — read as all 39 met, it was a false error (4项 vs 39项)."""
    findings = _jinyun_findings(tmp_path)
    assert findings("2.义务教育优质均衡方面的4项指标全部达到或超过目标。3.教师队伍建设方面的3项指标中，2项达到或超过目标。") == []
    # planted: that field has two met of three
    assert findings("3.教师队伍建设方面的3项指标中，3项达到或超过目标。") == [("N101", "3项", "2项")]


def test_the_missed_of_a_field_named_with_their_gaps_and_the_categories_of_the_missed(tmp_path):
    """缙云 (held out), as narrator now writes §二 and §四: ……方面的3项指标中，2项达到或超过目标，1项未达到：…… counts
    within the field, and each gap after it is checked; 从指标类别看，未达到目标的4项中过程类1项、履职类3项 breaks the missed
    down by category."""
    findings = _jinyun_findings(tmp_path)
    assert findings("6.职业教育和社区教育方面指标3项，其中2项达到或超过目标，1项未达到：中职毕业生“双证书”获取率为86.5%，"
                    "比90%的目标低3.5个百分点。") == []
    assert findings("从指标类别看，未达到目标的4项中过程类1项、履职类3项，决策、效益和满意度类指标全部达到目标。") == []
    # planted: the field's missed count, the gap, and the breakdown
    assert findings("6.职业教育和社区教育方面指标3项，其中2项达到或超过目标，2项未达到：中职毕业生“双证书”获取率为86.5%，"
                    "比90%的目标低4.5个百分点。") == [("N101", "2项", "1项"), ("N101", "4.5个百分点", "3.5个百分点")]
    assert findings("从指标类别看，未达到目标的4项中过程类2项、履职类2项。") == [("N101", "2项", "1项"), ("N101", "2项", "3项")]
    # §二's sentence since: the missed by category after the share met, each category naming its own
    said = ("全年共设置整体支出绩效指标43项，其中39项达到或超过目标，达标率90.70%。未达到目标的4项指标中，过程类1项，为预算"
            "执行率；履职类3项，为新建改扩建公办幼儿园数量、教师培训人次和中职毕业生“双证书”获取率。决策、效益和满意度类指标"
            "全部达到目标。")
    assert findings(said) == []
    assert findings(said.replace("过程类1项", "过程类2项").replace("履职类3项", "履职类2项")) == [
        ("N101", "2项", "1项"), ("N101", "2项", "3项")]


def test_a_count_in_a_reason_led_by_主要是_is_no_claim_on_the_indicator_it_names_in_passing(tmp_path):
    """于都 (held out): ……比100%的目标低1.46个百分点，主要是计划提升改造的2所乡镇敬老院因……未能在年内完工 — the 2所
    are those not finished, told in the cause; read as the count of 完成提升改造敬老院数量 it was a false error (2所 vs
    5所). 主要是 leads a cause as 主要原因是 does."""
    path = tmp_path / "报告.txt"
    path.write_text("预算执行率为98.54%，比100%的目标低1.46个百分点，主要是计划提升改造的2所乡镇敬老院因消防设计方案变更需重新"
                    "报审并重新招标，工程未能在年内完工结算。\n", encoding="utf-8")
    result = check_file(path, DATA / "statements_yudu" / "unit.yaml")
    assert result.findings == []
    assert [(item["figure"], item["linked"]) for item in explanations(result)] == [
        ("98.54%", True), ("100%", True), ("1.46个百分点", True), ("2所", False)]
    # the execution rate itself, written wrong, is still found
    path.write_text("预算执行率为98.45%，主要是计划提升改造的2所乡镇敬老院未能在年内完工结算。\n", encoding="utf-8")
    assert [(f.code, f.claimed) for f in check_file(path, DATA / "statements_yudu" / "unit.yaml").findings] == [
        ("N101", "98.45%")]


def test_a_figure_named_only_in_part_like_an_indicator_is_not_called_wrong(tmp_path):
    """认定高新技术企业6444家 shares words with 拥有高新技术企业数 (15717家) but is another count."""
    data = load_report(UNIT)
    data.key_tasks = []
    path = tmp_path / "报告.txt"
    path.write_text("全年认定高新技术企业6444家，全市拥有高新技术企业15717家。\n", encoding="utf-8")
    result = check_document(read_document(path), data)
    assert result.findings == []
    first, second = explanations(result)
    assert (first["figure"], first["linked"]) == ("6444家", False)
    assert first["explanation"] == "未对应：与“拥有高新技术企业数”的数值不一致，但名称只是部分相同，不能确定说的是它"
    assert (second["figure"], second["linked"]) == ("15717家", True)


# ---------------------------------------------------------------- both directions

DRAFTS = {
    # input, --form, the figures left unlinked (lists of named indicators counted with 等N项, which are not
    # totals of a category; 机构设置's staff numbers; a project's funding lines named without a column; the areas
    # §二's opening counts: 围绕……五个方面)
    "example": (None, None, [("第8段", "五个"), ("第12段", "2项"), ("第17段", "4年"), ("第45段", "410亿元"), ("第45段", "24900项"),
                             ("第45段", "18000项"), ("第48段", "100家"), ("第54段", "7项")]),
    "seed000_filled": (DATA / "seed000_filled.yaml", None, [
        ("第8段", "7项"), ("第18段", "8个"), ("第18段", "43名"), ("第18段", "4名"), ("第18段", "42名"), ("第18段", "4名"),
        ("第20段", "2062.35万元"),  # §三's 部门整体资金, from 资金来源, which the report has no table of
        ("第26段", "2项"),  # §四's 2项完成值待补充 alone, its counts of met and missed left to §二
        ("第32段", "两个月"), ("第42段", "8项"),
        ("第61段", "7项")]),
    "unmet": (DATA / "unmet.yaml", None, [("第26段", "2项")]),
    "project": (None, "项目", [("第6段", "200万元"), ("第6段", "0万元"), ("第6段", "0万元")]),
}


@pytest.mark.parametrize("name", DRAFTS)
def test_every_drafted_figure_parses_back_to_the_statement_it_realises(tmp_path, name):
    """Each figure narrator writes, read back by the checker, gets the role the draft wrote it in and agrees
    with the fact of that role: a target with the target, 比目标多 with the gap, 完成目标的X% with the ratio,
    个百分点 with the points, an indicator count with the count."""
    from click.testing import CliRunner

    from narrator.cli import main

    source, form, unlinked = DRAFTS[name]
    output = tmp_path / f"{name}.docx"
    arguments = ["draft", *([str(source)] if source else []), *(["--form", form] if form else []), "-o", str(output)]
    assert CliRunner().invoke(main, arguments).exit_code == 0
    result = check_file(output)
    assert result.findings == []
    readings = [(item.claim, item.agreed) for passage in result.report.prose for item in passage.links]
    assert [(claim.quantity.text, claim.role, fact.role) for claim, fact in readings
            if fact is not None and fact.role != claim.role] == []
    assert [(item["place"], item["figure"]) for item in explanations(result)
            if not item["linked"] and not item["place"].startswith("表")] == unlinked
    roles = {claim.role for claim, fact in readings if fact is not None}
    assert {"completion", "target", "ratio", "difference", "count"} <= roles
    assert "deviation" not in roles  # 偏差6.67% is said as 完成目标的106.7%


# ---------------------------------------------------------------- budget columns compared, gaps said other ways

EXAMPLE_TEXT = DATA / "statements_example.txt"  # about corpus/example.yaml (seed 002's data)


def test_columns_compared_and_gaps_said_other_ways_check_clean():
    from narrator.core.resources import example_path

    result = check_file(EXAMPLE_TEXT, example_path(".yaml"))
    assert result.findings == []
    agreed = {item["figure"]: item["explanation"] for item in explanations(result) if item["linked"]}
    assert agreed["81.6万元"] == "与输入文件的“预算总金额”的年初预算数与调整预算数之差（81.6万元）一致"
    assert agreed["24.93万元"] == "与输入文件的“预算总金额”的调整预算数与实际支出数之差（24.93万元）一致"
    assert agreed["208.78亿元"] == "与输入文件的“全市技术合同成交额”完成值与目标值之差（208.78亿元）一致"
    assert agreed["2场"] == "与输入文件的“技术经纪人培训”完成值与目标值之差（2场）一致"
    assert agreed["140%"] == "与输入文件的“技术经纪人培训”完成值占目标值的比例（140%）一致"
    shares = [item["explanation"] for item in explanations(result) if item["figure"] == "96.03%"]
    assert shares[1] == "与输入文件的“预算总金额”实际支出数占调整预算数的比重（96.03%）一致"


@pytest.mark.parametrize("old, new, claimed, expected", [
    ("增加81.6万元", "增加86.1万元", "86.1万元", "81.6万元"),
    ("少24.93万元", "少29.43万元", "29.43万元", "24.93万元"),
    ("超过目标值208.78亿元", "超过目标值280.78亿元", "280.78亿元", "208.78亿元"),
    ("1.32倍", "1.23倍", "1.23倍", "1.32倍"),
    ("完成率108.3%", "完成率103.8%", "103.8%", "108.3%"),
    ("占调整后预算的96.03%", "占调整后预算的93.06%", "93.06%", "96.03%"),
])
def test_a_wrong_column_difference_or_gap_is_found(tmp_path, old, new, claimed, expected):
    from narrator.core.resources import example_path

    text = EXAMPLE_TEXT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "报告.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    (finding,) = check_file(path, example_path(".yaml")).findings
    assert (finding.code, finding.claimed, finding.expected) == ("N101", claimed, expected)


def test_every_role_has_its_name_in_the_findings_wording():
    """--explain names the role a figure was read in (几种读法都不一致：按“与上年相比的增减”……); a role without
    its wording was an internal error (KeyError 'role_growth' when drafting 全区固定资产投资增长10%以上)."""
    from narrator.checking.findings import wording
    from narrator.statements.roles import ROLES

    assert {role: bool(wording(f"role_{role}")) for role in ROLES} == {role: True for role in ROLES}


def test_a_goal_stating_a_growth_drafts_and_checks(tmp_path):
    from narrator.cli import main
    from click.testing import CliRunner

    text = (DATA.parent.parent / "corpus" / "example.yaml").read_text(encoding="utf-8")
    source = tmp_path / "输入.yaml"
    source.write_text(text.replace("全市技术合同成交额达660亿元。", "全市技术合同成交额增长10%以上。"), encoding="utf-8")
    run = CliRunner().invoke(main, ["draft", str(source), "-o", str(tmp_path / "报告.docx")])
    assert run.exit_code == 0, run.output
    assert "内部出错" not in run.output


@pytest.mark.parametrize("written, expected", [
    ("比整体执行率低0.04个百分点", []),
    ("比整体执行率低0.14个百分点", [("N101", "0.14个百分点", "0.04个百分点")]),
    ("比政府采购执行率低0.04个百分点", [("N101", "0.04个百分点", "4.01个百分点")]),  # 100% − 95.99%
])
def test_two_rates_compared_in_points(tmp_path, written, expected):
    """Percentage points between two rates the sentence names (基本支出执行率95.99%，比整体执行率低0.04个百分点):
    |95.99% − 96.03%|, each rate surely the one its words name."""
    path = tmp_path / "报告.txt"
    path.write_text(f"苏州市生产力促进中心2022年度自评报告\n分支出类型看，基本支出执行率95.99%，{written}。\n", encoding="utf-8")
    result = check_file(path, ROOT / "corpus" / "example.yaml")
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.severity == "error"] == expected


def test_a_saving_under_a_ceiling_is_the_ceiling_less_the_spending():
    """节约 is a word, not 约 (about): 控制在18.5万元以内，节约2.23万元 is 18.5 − 16.27."""
    assert roles("“三公”经费支出16.27万元，控制在18.5万元以内，节约2.23万元。") == [
        ("16.27万元", "completion"), ("18.5万元", "target"), ("2.23万元", "difference")]


def test_figures_listed_after_fenbie_are_about_the_subjects_listed_before():
    """……，分别完成年度目标的102%、118.7%和108.1%: each ratio is about the indicator in its place."""
    from narrator.checking.checker import check_document
    from narrator.sources.read import read_text

    data = load_report(DATA / "statements_qingyuan" / "unit.yaml")
    said = ("完成情况：图书馆、文化馆、博物馆免费开放天数为306天，三馆接待读者观众人次为17.8万人次，新增图书馆藏量为8650册，"
            "分别完成年度目标的102%、{}和108.1%。")
    right = check_document(read_text(said.format("118.7%"), "t"), data=data)
    assert right.findings == [] and right.linked == 6
    wrong = check_document(read_text(said.format("128.7%"), "t"), data=data)
    assert [f.message for f in wrong.findings] == ["正文写“128.7%”，但输入文件的“三馆接待读者观众人次”完成值占目标值的比例是 118.7%。"]
    # 分别超过年度目标15场和4场: the targets (or the gaps) of the two named before; both readings are open
    ex = load_report()
    both = check_document(read_text("组织形式多样的产学研活动16场，举办科技镇长团各类会议6场，分别超过年度目标15场和4场。", "t"), data=ex)
    assert both.findings == []


def test_kept_at_a_figure_is_a_result_unless_a_bound_follows():
    assert roles("城镇登记失业率控制在3.12%。") == [("3.12%", "completion")]  # (or the ceiling: both read)
    assert roles("“三公”经费控制在18.5万元以内。") == [("18.5万元", "target")]


def test_figures_after_fenbie_take_the_names_listed_before_when_no_figure_is():
    from narrator.checking.checker import check_document
    from narrator.sources.read import read_text

    data = load_report(DATA / "statements_zhanggong" / "unit.yaml")
    said = "城镇新增就业人数、失业人员再就业人数和就业困难人员就业人数分别完成年度目标的105.26%、{}和107.6%。"
    assert check_document(read_text(said.format("107%"), "t"), data=data).findings == []
    wrong = check_document(read_text(said.format("117%"), "t"), data=data)
    assert [f.message for f in wrong.findings] == ["正文写“117%”，但输入文件的“失业人员再就业人数”完成值占目标值的比例是 107%。"]


@pytest.mark.parametrize("sentence, expected", [
    ("组织防汛应急演练18次，超过15次的目标3次。", [("18次", "completion"), ("超过15次", "target"), ("3次", "difference")]),
    ("全县年度用水总量1.49亿立方米，比1.58亿立方米的控制指标少0.09亿立方米。",
     [("1.49亿立方米", "completion"), ("1.58亿立方米", "target"), ("0.09亿立方米", "difference")]),
    ("山塘清淤整治92口，为40口目标的2.3倍。", [("92口", "completion"), ("40口", "target"), ("2.3倍", "multiple")]),
    ("计划除险加固的8座小型水库中完成6座并通过交工验收。", [("8座", "target"), ("6座", "completion")]),
    ("67座小型水库防汛“三个责任人”落实率100%。", [("67座", "other"), ("三个", "completion"), ("100%", "completion")]),
    ("由乡镇和村集体组织清淤整治山塘52口。", [("52口", "other")]),
])
def test_a_target_inside_the_comparison_and_figures_that_are_no_result(sentence, expected):
    """岚川县水利局's own phrasings (an officer's hand, held out): the target written inside the comparison (超过
    15次的目标3次), 计划 governing the figure after it only, how many there are (67座小型水库…), a part others did."""
    assert roles(sentence) == expected


def test_a_figure_inside_a_name_is_not_one_of_the_figures_before_fenbie():
    """3岁以下儿童系统管理率为92.4%: the 3岁 belongs to the name; the points after 分别 pair with the three rates
    (崆峒卫健's data; the sentence narrator drafted from it)."""
    from narrator.checking.checker import check_document
    from narrator.sources.read import read_text

    data = load_report(DATA / "statements_kongtong" / "unit.yaml")
    said = ("孕产妇系统管理率为93.7%，3岁以下儿童系统管理率为92.4%，新生儿疾病筛查率为99.2%，"
            "分别高于年度目标3.7个百分点、{}个百分点和1.2个百分点。")
    right = check_document(read_text(said.format("2.4"), "t"), data=data)
    assert right.findings == [] and right.linked == 6
    wrong = check_document(read_text(said.format("3.4"), "t"), data=data)
    assert [f.claimed for f in wrong.findings] == ["3.4个百分点"]
    assert "3岁以下儿童系统管理率" in wrong.findings[0].message


# ---------------------------------------------------------------- hostile sentences

def _checked(tmp_path: Path, sentence: str):
    path = tmp_path / "报告.txt"
    path.write_text("一、年度履职目标完成情况\n" + sentence + "\n", encoding="utf-8")
    result = check_file(path, UNIT)
    assert not result.error
    return result


def test_a_sentence_of_500_figures_is_read_figure_by_figure(tmp_path):
    """500 figures in one sentence (3,500 characters): each read as near its own name as in a short
    one — the correct ones agree, the one changed is the one error (the sentence is read in windows of
    clauses, so the time grows with its length, not with its square: bench/check.py)."""
    parts = ["拥有高新技术企业数15717家"] * 500
    result = _checked(tmp_path, "，".join(parts) + "。")
    assert (result.figures, result.linked, result.findings) == (500, 500, [])
    parts[250] = "拥有高新技术企业数15177家"
    result = _checked(tmp_path, "，".join(parts) + "。")
    assert [(f.code, f.claimed, f.expected, f.location.start) for f in result.findings] == \
        [("N101", "15177家", "15717家", 250 * 16 + 9)]  # 16 characters a part, the figure after the name


def test_a_figure_in_every_role_at_once_is_left_unlinked(tmp_path):
    """目标（完成目标的…差距…占比…同比增长…未支出…15717家: the words name every role, so none is sure."""
    result = _checked(tmp_path, "拥有高新技术企业数目标（完成目标的高于目标差距为目标的占比同比增长净增未支出共其中15717家。")
    assert result.findings == []
    (item,) = explanations(result)
    assert (item["figure"], item["linked"], item["explanation"]) == \
        ("15717家", False, "未对应：看不出这个数字说的是什么（与哪个数比较）")


def test_unbalanced_brackets_are_read_as_far_as_they_go(tmp_path):
    """Brackets opened twice and closed five times: the target in 目标（（5场 is still the target."""
    result = _checked(tmp_path, "举办科技合作与交流活动（（（10场））））），目标（（5场））。" + "（" * 300 + "技术合同成交额1011亿元")
    said = {item["figure"]: item for item in explanations(result)}
    assert result.findings == []
    assert [(figure, said[figure]["role"], said[figure]["linked"]) for figure in said] == \
        [("10场", "completion", True), ("5场", "target", True), ("1011亿元", "completion", True)]


def test_a_figure_the_tables_state_for_what_the_sentence_names_is_not_called_wrong():
    """预算调整率控制在4.15%以内 reads as a ceiling (a target of ≤5%), yet the writer means the year's result: 4.15% is
    the 预算调整率 the table holds. A figure that disagrees with what it was read as, but equals a figure of the
    tables the sentence names, stays unlinked with its reason (precision before recall)."""
    from narrator.checking.checker import check_document
    from narrator.sources.load import load_report
    from narrator.sources.read import read_text
    from narrator.checking.reporters import explanations

    data = load_report(Path(__file__).resolve().parents[1] / "data" / "statements_zhanggong" / "unit.yaml")
    result = check_document(read_text("全年预算调整率控制在4.15%以内。", "x.txt"), data)
    assert result.findings == []
    (said,) = [item for item in explanations(result) if item["figure"] == "4.15%"]
    assert said["explanation"] == "未对应：与所读出的指标不一致，但与表格中“预算调整率”的数值相同，可能说的是它"
    # An edited figure equals nothing the tables hold: still an error.
    edited = check_document(read_text("全年预算调整率控制在4.51%以内。", "x.txt"), data)
    assert [(f.code, f.claimed, f.expected) for f in edited.findings] == [("N101", "4.51%", "≤5%")]


def test_the_pipeline_loads_spacy_without_its_command_line_and_spacy_info_still_works():
    """A cold check does not pay for spaCy's CLI (typer, weasel, requests); spacy.info loads it when asked."""
    import subprocess
    import sys

    code = ("import sys\nfrom narrator.statements.extract import extract, pipeline\n"
            "print([c.quantity.text for c in extract(['全年举办培训7场，满意度为100%。'])[0]])\n"
            "print(sorted(m for m in ('weasel', 'typer', 'requests', 'spacy.cli') if m in sys.modules))\n"
            "import spacy\nprint(spacy.info()['spacy_version'] == spacy.__version__, 'weasel' in sys.modules)\n")
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert lines == ["['7场', '100%']", "[]", "True True"]


@pytest.mark.parametrize("done, found", [
    ("困人故障应急处置平均到达时间22分钟，控制在30分钟以内。", []),  # under a ceiling: no shortfall
    ("全年开展电梯应急救援演练22场，目标30场。", [("N102", "22场", "30场")]),  # below a floor, no word of why
])
def test_a_figure_kept_within_its_ceiling_is_no_shortfall_of_the_goal(done, found):
    """A goal's analysis (预期目标 … 完成情况 …) in another hand: 控制在30分钟以内 names a ceiling, under which 22分钟
    is the goal kept (narrator's own draft had read it as 22 short of 30); 22场 against a floor of 30 still is one."""
    text = f"（三）特种设备安全监管\n预期目标：保障电梯安全运行。\n完成情况：依托电梯应急处置服务平台，{done}\n"
    result = check_document(read_text(text, "t"))
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.code.startswith("N1")] == found
