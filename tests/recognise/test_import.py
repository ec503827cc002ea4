"""narrator import: the 绩效目标表 of seeds 000, 001 and 003 as text, DOCX and Excel.

Indicator counts were taken by hand from the seed tables, per 一级指标:
000 决策 6, 过程 26, 履职 34, 效益 3, 满意度 1 = 70;
001 决策 6, 过程 26, 履职 13, 效益 8, 满意度 1 = 54;
003 决策 6, 过程 25, 履职 2, 效益 1, 满意度 1 = 35.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from narrator.cli import main
from narrator.drafting.compose import Table, compose
from narrator.core.evaluate import evaluate
from narrator.core.resources import data_path
from narrator.sources.load import load_report
from narrator.recognise.targets import import_targets, parse_rows, text_rows

from conftest import SEEDS, full_width, seed_text

COUNTS = {
    "000": [("决策", 6), ("过程", 26), ("履职", 34), ("效益指标", 3), ("满意度指标", 1)],
    "001": [("决策", 6), ("过程", 26), ("履职", 13), ("效益指标", 8), ("满意度指标", 1)],
    "003": [("决策", 6), ("过程", 25), ("履职", 2), ("效益指标", 1), ("满意度指标", 1)],
}


def _seed_path(number: str) -> Path:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path


@pytest.fixture(scope="module")
def imported():
    return {number: import_targets(_seed_path(number)) for number in COUNTS}


def _find(report, name):
    (indicator,) = [i for i in report.indicators if i.name == name]
    return indicator


@pytest.mark.parametrize("number", sorted(COUNTS))
def test_indicator_counts_per_level1(imported, number):
    result = imported[number]
    assert result.level_counts() == COUNTS[number]
    assert len(result.report.indicators) == sum(count for _, count in COUNTS[number])
    assert all(i.completion.is_empty for i in result.report.indicators)


def test_seed_000_spot_values_and_levels(imported):
    report = imported["000"].report
    assert (report.unit_name, report.year) == ("苏州市科技服务中心", 2025)
    accepted = _find(report, "各类人才项目受理数")
    assert (accepted.target.text, accepted.half_year_target.text) == ("≥1200项", "≥500项")
    assert (accepted.level1, accepted.level2, accepted.key_work) == (
        "履职", "人才项目受理与服务", "承担国家、省、市各级各类人才项目申报受理及评审组织")
    # 过程 / 预算执行 are written once; every row under them keeps both.
    rate = _find(report, "非税收入预算完成率")
    assert (rate.level1, rate.level2, rate.target.text) == ("过程", "预算执行", "≥100%")
    # 二级指标 “计划制定” is wrapped over two rows (“计划”, “制定”) in the copied text.
    assert [(i.level1, i.level2) for i in report.indicators[:2]] == [("决策", "计划制定")] * 2
    # A row whose leading blanks were lost keeps the 重点工作 of the row above.
    survey = _find(report, "安家补贴统计调研服务覆盖人次")
    assert (survey.key_work, survey.half_year_target.text, survey.target.text) == (
        "协助做好《苏州市高层次人才享受生活待遇暂行办法》等人才政策的咨询工作", "≥0人次", "≥400人次")
    assert _find(report, "跟踪产业链").key_work == "开展产业跟踪及分析研究工作"
    assert _find(report, "服务期限").target.text == "=1年"
    assert imported["000"].empty_levels == ["经济效益（第 102 行）", "生态效益（第 106 行）", "可持续影响（第 107 行）"]
    assert imported["000"].warnings == []


def test_seed_000_budget_and_text_fields(imported):
    report = imported["000"].report
    funding = {line.name: (line.parent, line.amount) for line in report.funding}
    assert funding["资金总额"] == ("", Decimal("2062.35"))
    assert funding["一般公共预算资金"] == ("财政拨款", Decimal("2062.35"))
    assert funding["其他资金"] == ("资金总额", Decimal("0"))
    lines = [(b.name, b.parent, b.half_year_plan, b.initial) for b in report.budget_lines]
    assert lines[:4] == [("预算总金额", "", None, Decimal("2062.35")),
                         ("基本支出", "预算总金额", Decimal("751.5"), Decimal("1670.41")),
                         ("项目支出", "预算总金额", Decimal("145.45"), Decimal("391.94")),
                         ("科技文献资源", "项目支出", Decimal("15"), Decimal("45"))]
    assert [b.name for b in report.budget_lines[4:]] == [
        "网络光纤租赁费", "苏州市双创中心物业管理费", "省工程文献苏州分中心建设", "苏州市双创中心众创空间运营服务", "办公设备购置"]
    assert all(b.actual is None for b in report.budget_lines)
    assert report.functions.startswith("(一) 承担国家、省、市级科技人才项目的申报受理及评审的组织工作。")
    assert report.organisation.endswith("实际用编人数全额事业人员42名，公益性岗位人员4名。")
    assert report.long_term_goal.startswith("以推进高水平科技自立自强为工作主线")
    assert [goal[:2] for goal in report.goals] == ["深入", "一是", "二是", "三是", "四是"]


def test_seed_001_space_separated_and_split_labels(imported):
    result = imported["001"]
    report = result.report
    assert (report.unit_name, report.year) == ("苏州市生产力促进中心", 2025)
    turnover = _find(report, "全市技术合同成交额")
    assert (turnover.target.text, turnover.half_year_target.text) == ("≥900亿元", "≥450亿元")
    assert turnover.target.value == Decimal("900") and turnover.target.unit == "亿元"
    assert (turnover.level1, turnover.level2, turnover.key_work) == ("履职", "负责成果转化", "技术合同认定")
    # Full-width ＝ becomes the input's =.
    assert _find(report, "预算执行率").half_year_target.text == "=45%"
    assert _find(report, "高新技术企业年度发展情况报表统计").level2 == "负责高企管理服务"
    assert _find(report, "企业研发周期").target.text == "缩短"
    # 单位 / 主要职能 and 部门整体 / 资金 / （万元） are labels broken over lines.
    assert report.functions.startswith("根据《中共苏州市委苏州市人民政府关于印发〈苏州市深化经济体制改革三年行动计划（2014～2016年）〉的通知》（苏委发〔2014〕27号）")
    assert report.functions.splitlines()[1].startswith("（一）受省科技厅和市科技局委托")
    assert report.organisation.endswith("单位领导职数为：主任1名，副主任2名。")
    assert [(b.name, b.half_year_plan, b.initial) for b in report.budget_lines] == [
        ("预算总金额", None, Decimal("658.29")), ("基本支出", Decimal("294.58"), Decimal("657.89")),
        ("项目支出", Decimal("0"), Decimal("0.4"))]
    assert report.goals[1] == "1.落实科技创新券政策，惠及更多科技型中小企业"
    assert len(report.goals) == 6
    assert result.empty_levels == ["生态效益（第 249 行）", "可持续影响（第 251 行）"]
    assert result.warnings == []


def test_seed_003_projects_html_cells_and_funding_check(imported):
    result = imported["003"]
    report = result.report
    assert (report.unit_name, report.year) == ("常州市科学技术局", 2024)
    firms = _find(report, "净增高新技术企业超600家")
    assert (firms.target.text, firms.half_year_target.text) == ("≥600家", "≥0家")
    assert (firms.level1, firms.level2, firms.key_work, firms.project) == (
        "履职", "组织指导各类科技园区和创新创业载体建设", "高企培育", "创新主体及创业载体培育工作")
    assert _find(report, "新增省“双创人才”（创新类）").project == "引智工作专项经费"
    assert _find(report, "项目管理制度健全性").level2 == "项目管理"
    assert report.functions.startswith("(一) 拟订全市创新驱动发展战略")  # the <p> tag is gone
    science = [b for b in report.budget_lines if b.name == "科技专项"][0]
    assert (science.half_year_plan, science.initial, science.parent) == (None, Decimal("10000"), "预算总金额")
    assert len(report.budget_lines) == 20
    # The table's own figures disagree: 66688.86 + 177.32 ≠ 68725.09. Reported, not corrected.
    assert result.warnings == ["部门整体资金中“资金总额”为 68725.09 万元，而其下各行合计 66866.18 万元"
                               "（财政拨款、国有资本金、社保基金、上年结转资金、其他资金），请核对目标表。"]
    assert result.empty_levels == ["经济效益（第 80 行）", "生态效益（第 82 行）", "可持续影响（第 83 行）"]


# ---------------------------------------------------------------- DOCX and Excel

def _table_lines(text: str) -> list[str]:
    return text.split("\n")


def _merge_level1_runs(rows: list[list[str]], merge) -> None:
    """Merge the 一级指标 column down over the blank cells below each name, as the official table does."""
    in_indicators = False
    for index, row in enumerate(rows):
        if row and row[0] == "一级指标" or (len(row) > 1 and row[1] == "一级指标"):
            in_indicators = True
            continue
        if in_indicators and row and row[0]:
            end = index
            while end + 1 < len(rows) and not rows[end + 1][0] and "一级指标" not in rows[end + 1]:
                end += 1
            if end > index:
                merge(index, end)


def _seed_docx(number: str, path: Path, ruled: bool = False) -> Path:
    """The seed as a Word file: text lines as paragraphs, tab rows as one table with real
    vertical merges in the 一级指标 column and a horizontal merge for 单位名称; `ruled` draws
    the table's grid lines, as the printed form has them."""
    document = docx.Document()
    rows: list[list[str]] = []
    for line in seed_text(number).split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
        elif line.strip() and not rows:
            document.add_paragraph(line.strip().lstrip("# "))
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    table = document.add_table(rows=len(rows), cols=width, style="Table Grid" if ruled else None)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 1).merge(table.cell(0, width - 1))
    _merge_level1_runs(rows, lambda top, bottom: table.cell(top, 0).merge(table.cell(bottom, 0)))
    document.add_paragraph("注：指标值由单位填报。")
    document.save(path)
    return path


def _seed_workbook(number: str, path: Path) -> Path:
    """The seed pasted into Excel, with the 一级指标 column merged like the official table."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "目标表"
    rows = []
    for line in seed_text(number).split("\n"):
        rows.append(line.split("\t") if "\t" in line else [line.strip().lstrip("# ")])
    rows = [row for row in rows if any(row)]
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text:
                cell = sheet.cell(row=r, column=c, value=text)
                cell.data_type = "s"  # “=100%” is a target typed as text, not a formula
    _merge_level1_runs(rows, lambda top, bottom: sheet.merge_cells(
        start_row=top + 1, start_column=1, end_row=bottom + 1, end_column=1))
    workbook.save(path)
    return path


def _summary(report):
    return [(i.level1, i.level2, i.key_work, i.project, i.name, i.half_year_target.text, i.target.text)
            for i in report.indicators]


def test_docx_with_merged_cells_reads_like_the_text(imported, tmp_path):
    result = import_targets(_seed_docx("003", tmp_path / "目标表.docx"))
    assert result.level_counts() == COUNTS["003"]
    assert _summary(result.report) == _summary(imported["003"].report)
    assert result.report.unit_name == "常州市科学技术局" and result.report.year == 2024
    assert [b.initial for b in result.report.budget_lines] == [b.initial for b in imported["003"].report.budget_lines]
    # The note after the table is not read as a level of the last indicators.
    assert result.warnings[:1] == ["第 3 段：无法归入目标表的任何一栏，未导入：“注：指标值由单位填报。”"]


def test_workbook_with_merged_cells_reads_like_the_text(imported, tmp_path):
    result = import_targets(_seed_workbook("000", tmp_path / "目标表.xlsx"))
    assert result.level_counts() == COUNTS["000"]
    assert _summary(result.report) == _summary(imported["000"].report)
    assert result.empty_levels == ["经济效益（工作表“目标表”第 96 行）", "生态效益（工作表“目标表”第 100 行）",
                                   "可持续影响（工作表“目标表”第 101 行）"]


# ---------------------------------------------------------------- round trip and CLI

def test_round_trip_import_fill_draft_keeps_the_targets(tmp_path):
    runner = CliRunner()
    output = tmp_path / "输入.yaml"
    result = runner.invoke(main, ["import", str(_seed_path("001")), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "苏州市生产力促进中心 2025年度绩效目标表：指标 54 项（决策 6 项，过程 26 项，履职 13 项，效益指标 8 项，满意度指标 1 项）。")
    text = output.read_text(encoding="utf-8")
    assert "完成值: ''" in text and "&id" not in text
    # The user fills in every completion: the target's own figure, or its word.
    report = load_report(output)
    imported = [(i.name, i.target.text) for i in report.indicators]
    filled = re.sub(r"(目标值: (['\"]?)[=≥≤<>]*([^'\"\n]*)\2\n(?:  半年目标值: .*\n)?  完成值: )''",
                    lambda m: m.group(1) + repr(m.group(3)), text)
    filled_path = tmp_path / "已填写.yaml"
    filled_path.write_text(filled, encoding="utf-8")
    report = load_report(filled_path)
    assert all(not i.completion.is_empty for i in report.indicators)
    tables = {b.name: b for b in compose(evaluate(report)).blocks if isinstance(b, Table)}
    drafted = [(row[2], row[3]) for row in tables["self_evaluation"].rows]
    assert sorted(drafted) == sorted(imported)
    assert len(drafted) == 54
    docx_path = tmp_path / "报告.docx"
    assert runner.invoke(main, ["draft", str(filled_path), "-o", str(docx_path)]).exit_code == 0
    assert "全市技术合同成交额" in "\n".join(p.text for p in docx.Document(docx_path).paragraphs)


def test_import_writes_a_workbook_draft_reads(tmp_path):
    output = tmp_path / "输入.xlsx"
    result = CliRunner().invoke(main, ["import", str(_seed_path("000")), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "没有三级指标的空行（未作为指标导入）：经济效益（第 102 行）、生态效益（第 106 行）、可持续影响（第 107 行）。" in result.output
    report = load_report(output)
    assert len(report.indicators) == 70
    assert _find(report, "各类人才项目受理数").half_year_target.text == "≥500项"
    assert [f.name for f in report.funding][:3] == ["资金总额", "财政拨款", "一般公共预算资金"]
    assert report.functions.startswith("(一) 承担国家")


def _run_failing(tmp_path, source: Path, output_name: str = "out.xlsx"):
    output = tmp_path / output_name
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(output)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not output.exists() and not list(tmp_path.glob(".out*"))
    return result.output


def test_not_a_target_table(tmp_path):
    output = _run_failing(tmp_path, _seed_path("002"))
    assert "没有找到绩效指标行" in output and "002_98fcc12b36c2cf12.txt" in output


def test_unreadable_and_empty_files(tmp_path):
    broken = tmp_path / "目标表.docx"
    broken.write_bytes(_seed_docx("003", tmp_path / "good.docx").read_bytes()[:4000])
    assert "Word 文件已损坏" in _run_failing(tmp_path, broken)
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    assert "文件是空的" in _run_failing(tmp_path, empty)
    pdf = tmp_path / "目标表.pdf"
    pdf.write_bytes(b"%PDF-1.4")  # a PDF is read now; this one has nothing after its header
    assert "PDF 文件已损坏，无法读取" in _run_failing(tmp_path, pdf)


def test_truncated_table_and_lost_indicator_rows(tmp_path):
    lines = seed_text("000").split("\n")
    truncated = tmp_path / "截断.txt"
    truncated.write_text("\n".join(lines[:30]), encoding="utf-8")  # cut before the indicator header
    assert "没有找到绩效指标行" in _run_failing(tmp_path, truncated)
    # A row that carries a value but no name cannot be placed: the import stops.
    lines[66] = "\t\t\t\t\t≥500项"
    damaged = tmp_path / "缺名称.txt"
    damaged.write_text("\n".join(lines), encoding="utf-8")
    output = _run_failing(tmp_path, damaged)
    assert "有 1 行像是指标" in output and "第 67 行：≥500项" in output


def test_stray_rows_are_listed_with_their_line(tmp_path):
    lines = seed_text("000").split("\n")
    lines.insert(19, "\t\t注：资金单位为万元\t\t\t")
    result = parse_rows(text_rows("\n".join(lines)), "目标表.txt")
    assert result.warnings == ["第 20 行：无法归入目标表的任何一栏，未导入：“注：资金单位为万元”"]
    assert len(result.report.indicators) == 70


def test_output_is_never_the_input_and_never_overwritten(tmp_path):
    source = tmp_path / "目标表.txt"
    source.write_text(seed_text("003"), encoding="utf-8")
    before = source.read_bytes()
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(source.with_suffix(".yaml"))])
    assert result.exit_code == 0
    again = CliRunner().invoke(main, ["import", str(source), "-o", str(source.with_suffix(".yaml"))])
    assert again.exit_code == 2 and "已存在" in again.output
    assert source.read_bytes() == before


def test_import_is_deterministic(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path in (first, second):
        assert CliRunner().invoke(main, ["import", str(_seed_path("003")), "-o", str(path)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("variant", ["traditional", "full_width"])
@pytest.mark.parametrize("number", sorted(COUNTS))
def test_traditional_characters_or_full_width_figures_import_like_the_original(imported, tmp_path, number, variant):
    """Names come in with half-width figures (《２０２４年度…》 → 《2024年度…》), as the original has them."""
    import opencc

    path = tmp_path / f"{variant}.txt"
    path.write_text(opencc.OpenCC("s2t").convert(seed_text(number)) if variant == "traditional"
                    else full_width(seed_text(number)), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != seed_text(number)
    result = import_targets(path)
    assert result.level_counts() == COUNTS[number]
    assert _summary(result.report) == _summary(imported[number].report)
    assert (result.report.unit_name, result.report.year) == (imported[number].report.unit_name,
                                                             imported[number].report.year)
    assert [(b.name, b.initial) for b in result.report.budget_lines] == \
        [(b.name, b.initial) for b in imported[number].report.budget_lines]


@pytest.mark.parametrize("number", ["000", "003"])
def test_other_provinces_labels_and_years(imported, tmp_path, number):
    """The unit labelled 部门（单位）名称, the year in brackets after the title or inside it."""
    text = seed_text(number)
    year = str(imported[number].report.year)
    variants = {
        "部门（单位）名称": text.replace("单位名称", "部门（单位）名称", 1),
        "（年度）": text.replace(f"\n{year}年度\n", f"\n（{year}年度）\n", 1),
        "表题中的年度": text.replace(f"\n{year}年度\n", "\n", 1).replace("部门整体预算绩效目标表",
                                                                     f"{year}年度部门整体预算绩效目标表", 1),
    }
    for name, variant in variants.items():
        assert variant != text, name
        path = tmp_path / f"{name}.txt"
        path.write_text(variant, encoding="utf-8")
        result = import_targets(path)
        assert (result.report.unit_name, result.report.year) == (imported[number].report.unit_name,
                                                                 imported[number].report.year), name
        assert _summary(result.report) == _summary(imported[number].report), name


def test_the_unit_name_stops_at_its_own_cell(imported, tmp_path):
    text = seed_text("000").replace("单位名称\t\t苏州市科技服务中心\t\t\t\n", "单位名称\t\t苏州市科技服务中心\t\t\t\n（盖章）\n", 1)
    assert "（盖章）" in text
    path = tmp_path / "盖章.txt"
    path.write_text(text, encoding="utf-8")
    result = import_targets(path)
    assert result.report.unit_name == "苏州市科技服务中心"
    assert any("（盖章）" in warning for warning in result.warnings)
    assert _summary(result.report) == _summary(imported["000"].report)


def test_the_shipped_target_table_imports_to_the_example_inputs_targets():
    # corpus/example_targets.txt: the example unit's 绩效目标表 copied from Word (tab-separated), for
    # `narrator import` and the library's docstring examples
    example = load_report(data_path("corpus") / "example.yaml")
    imported = import_targets(data_path("corpus") / "example_targets.txt")
    assert (imported.report.unit_name, imported.report.year, imported.warnings) == ("苏州市生产力促进中心", 2022, [])
    assert [(i.level1, i.level2, i.name, i.target) for i in imported.report.indicators] == \
        [(i.level1, i.level2, i.name, i.target) for i in example.indicators]
    assert len(example.indicators) == 54
