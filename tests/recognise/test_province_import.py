"""narrator import on the target tables of other provinces (issue 27), as their public pages give them
(tests/data/realworld/, first line the page's URL): Hunan's 整体 table in Traditional script with pinyin
left by the converter, Fujian's with a 指标解释 column, Hubei's project form with a two-row header and its
一级指标 in the middle of its group, Anhui's and Inner Mongolia's project forms (指标性质, 指标方向, 计量单位,
分值, dates as Excel serials). The indicators expected were read off each excerpt by hand. Excerpts cut
off mid-table import what is there and name the row that could not be read.

Two variants written by hand in other layouts (tab-separated with the blank cells kept; pipe rows with
the comparator in a column of its own) must read the same way."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from narrator.cli import main
from narrator.recognise.targets import import_table

DATA = Path(__file__).resolve().parents[1] / "data" / "realworld"


def _file(prefix: str) -> Path:
    (path,) = DATA.glob(f"{prefix}_*.txt")
    return path


def _rows(report):
    return [(i.level1, i.level2, i.name, i.target.text) for i in report.indicators]


CUT_OFF = "第 {line} 行：表格到此中断，这一行不完整，无法读出，未导入：“{text}”；其后的内容原文中没有。"

T02 = [
    ("产出指标", "数量指标", "业务工作支出安排金额", "28.8万元"),
    ("产出指标", "质量指标", "业务工作支出到位率", "100%"),
    ("产出指标", "时效指标", "工作安排时间", "按月安排"),
    ("产出指标", "成本指标", "社会成本指标", "100%"),
    ("效益指标", "社会效益指标", "保证单位正常运转", "应保尽保"),
]


def test_hunan_traditional_with_pinyin_and_blank_level1_cells():
    form, result = import_table(_file("T02"))
    report = result.report
    assert (form, report.unit_name, report.year, report.functions, report.goals) == (
        "整体", "岳阳楼区价格认证鉴定中心", 2023, "负责价格认定工作", ["做好涉案、价格认定工作。"])
    assert _rows(report) == T02
    assert result.empty_levels == ["经济效益指标（第 19 行）"]
    assert "第 15 行：指标“业务工作支出安排金额”的指标值“28.8万元”带有单位，与计量单位“%”不同，已按指标值导入，请核对。" \
        in result.warnings
    assert result.warnings[-1] == CUT_OFF.format(line=21, text="生态")


def test_fujian_with_an_explanation_column():
    form, result = import_table(_file("T03"))
    report = result.report
    assert (form, report.unit_name, report.year) == ("整体", "中共宁德市委党史和地方志研究室", 2019)
    assert _rows(report) == [
        ("产出指标", "数量指标", "志鉴地情相关工作开展所需资金的供应时效", "100%"),
        ("产出指标", "数量指标", "确保日常工作正常运行", "100%"),
        ("产出指标", "数量指标", "按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴", "≥60%"),
        # The 目标值 column says 1 where the 指标解释 says 90%: imported as written, not guessed.
        ("产出指标", "质量指标", "调研、督促、指导志、鉴、地情编纂的县(市、区)的覆盖率", "1"),
        ("产出指标", "质量指标", "各类书籍审稿率", "1"),
        ("产出指标", "时效指标", "项目完成时间", "100%"),
    ]
    assert report.goals[0].startswith("目标1:确保本室各人员工资及福利的发放;")
    assert result.warnings[-1] == CUT_OFF.format(line=43, text="成本指标 基本支出")
    # 年度 / 预算 / 安排 / (万元), one word a line: the label joined; 资金总额 and the expenditure under it.
    assert [(line.name, str(line.initial), line.parent) for line in report.budget_lines] == [
        ("预算总金额", "171.41", ""), ("项目支出", "60.8", "预算总金额"), ("基本支出", "110.61", "预算总金额")]
    assert [(line.name, str(line.amount)) for line in report.funding] == [("资金总额", "171.41")]


def test_hubei_project_form_with_level1_in_the_middle_of_its_group():
    form, result = import_table(_file("T04"))
    report = result.report
    assert (form, report.project_name, report.unit_name, report.year) == ("项目", "主体班", "中共黄石市委党校", 2022)
    output = [("产出指标", "数量指标", name, target) for name, target in (
        ("主体班培训人次", "280人次"), ("邀请校外名师、领导授课人次", "25人次"), ("情景教学或外训批次", "6次"),
        ("理论教育和党性教育课时比例", "70%"), ("开设课程数量", "220"))]
    output += [("产出指标", "质量指标", name, "100%") for name in (
        "培训完成率", "邀请校外名师、领导授课完成率", "情景教学或外训完成率", "理论教育和党性教育课时比例完成率",
        "课程数量达标率")]
    assert _rows(report) == output + [
        ("产出指标", "时效指标", "及时完成率", "100%"), ("产出指标", "成本指标", "成本控制率", "100%"),
        ("满意度指标", "服务对象满意度指标", "培训学员对培训效果满意度", "≥95%")]
    assert result.warnings == []  # the signatures under the table end it


def test_anhui_project_form_levels_and_names():
    """The names lose the form's numbering (指标1：) and its blanks (≥**%)."""
    form, result = import_table(_file("T05"))
    report = result.report
    assert (form, report.project_name, report.unit_name, report.department, report.year) == (
        "项目", "物业管理", "安徽金寨经济开发区管理委员会", "县财政局", 2021)
    assert _rows(report) == [
        ("产出指标", "数量指标", "安置小区物业费", "8个"),
        ("产出指标", "质量指标", "完成开发区工委、管委下达的安置小区物业费清算任务,指导小区物业开展文明创建等工作。",
         "房屋设备、设施的管理到位,环境卫生整洁,车辆停放有序"),
        ("产出指标", "时效指标", "按时保质完成开发区安置小区物业管理工作", "2021年全年"),
        ("产出指标", "成本指标", "项目总成本", "≤1125万元"),
        ("效益指标", "经济效益指标", "清算8个安置小区本年度物业费和历史的遗留物业费。", "≥95%"),
        ("效益指标", "社会效益指标", "改善安置小区群众生活质量,提升安置小区生活水平。助力全县文明城市创建。", "显著改善"),
        ("效益指标", "生态效益指标", "优化安置小区生活环境,提高居民生活质量,营造安全舒适的居住环境。", "显著提高"),
        ("效益指标", "可持续影响指标", "持续提供人力物力保障,解决居民群众生产生活问题", "持续保障"),
        ("满意度指标", "服务对象满意度指标", "小区居民满意度", "≥90%"),
    ]


T06 = [
    ("产出指标", "数量指标", "出差人数", "=8", 4), ("产出指标", "数量指标", "出差人次", "=24人/次", 4),
    ("产出指标", "质量指标", "工作任务完成率", "=100%", 4),
    ("产出指标", "时效指标", "项目财政资金到位时间", "2021年12月31日", 10),
    ("产出指标", "时效指标", "财政资金到位及时支付率", "=100%", 4),
    ("产出指标", "时效指标", "工作计划按时完成时间", "2021年12月31日", 4),
    ("产出指标", "成本指标", "出差单位成本", "=0万元/人", 4), ("产出指标", "成本指标", "出差总成本", "=1万元", 4),
    ("产出指标", "成本指标", "劳务人员总成本", "=2万元", 4), ("产出指标", "成本指标", "办公费总成本", "=0万元", 4),
    ("产出指标", "成本指标", "年度预算总成本", "=3万元", 4),
]


def test_inner_mongolia_direction_unit_weight_and_excel_dates():
    """指标方向 (=) and 计量单位 joined to the figure; 44,561 in a 时间 indicator is 2021-12-31; the year is
    the form's (2021年), not the page's 发布时间 (2022年); the unit's code (433001) is not its name."""
    form, result = import_table(_file("T06"))
    report = result.report
    assert (form, report.project_name, report.unit_name, report.year) == (
        "项目", "再生资源回收市场管理经费", "乌海市供销合作社联合社", 2021)
    assert [(i.level1, i.level2, i.name, i.target.text, i.weight) for i in report.indicators] == T06
    assert report.project_goal.endswith("目标5:促进资源循环和高效利用,改善城乡生态环境。")
    assert result.warnings == [
        "第 21 行：指标“项目财政资金到位时间”的指标值“44,561”是 Excel 的日期序号，已按 2021年12月31日 导入，请核对。",
        "第 23 行：指标“工作计划按时完成时间”的指标值“44,561”是 Excel 的日期序号，已按 2021年12月31日 导入，请核对。",
        CUT_OFF.format(line=29, text="效"),
    ]


# ---------------------------------------------------------------- the same tables in other layouts, by hand

HUNAN_TABS = "\n".join("\t".join(row) for row in [
    ["岳阳楼区价格认证鉴定中心2023年度整体绩效目标表"],
    ["部门（单位）名称", "岳阳楼区价格认证鉴定中心", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    ["产出指标", "数量指标", "业务工作支出安排金额", "定量", "28.8", "万元", "该指标主要考察业务工作支出安排情况",
     "未达指标值酌情扣分", ""],
    ["", "质量指标", "业务工作支出到位率", "定量", "≥ 100", "%", "该指标主要考察业务工作支出安排到位情况",
     "未达指标值酌情扣分", ""],
    ["", "时效指标", "工作安排时间", "定量", "按月安排", "", "该指标主要考察业务工作支出安排时间", "未达指标值酌情扣分", ""],
    ["", "成本指标", "社会成本指标", "定量", "100", "%", "该指标主要考察总成本控制情况", "未达指标值酌情扣分", ""],
    ["效益指标", "经济效益指标", "", "", "", "", "", "未达指标值酌情扣分", ""],
    ["", "社会效益指标", "保证单位正常运转", "定性", "应保尽保", "", "该指标主要考察单位运转需要保障范围应保尽保",
     "未达指标值酌情扣分", ""],
]) + "\n"


def test_the_hunan_table_tab_separated_reads_alike(tmp_path):
    path = tmp_path / "湖南目标表.txt"
    path.write_text(HUNAN_TABS, encoding="utf-8")
    form, result = import_table(path)
    assert (form, result.report.unit_name, result.report.year) == ("整体", "岳阳楼区价格认证鉴定中心", 2023)
    assert _rows(result.report) == [T02[0], (*T02[1][:3], "≥100%"), *T02[2:]]
    assert result.empty_levels == ["经济效益指标（第 8 行）"] and result.warnings == []


MONGOLIA_PIPES = """再生资源回收市场管理经费项目绩效目标表
（2021年度）
| 项目名称 | 再生资源回收市场管理经费 | | |
| 实施单位 | （433001）乌海市供销合作社联合社 | | |
| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 目标值 | 计量单位 | 分值 | 备注 |
| 产出指标 | 数量指标 | 出差人数 | 正向 | ＝ | 8 | | 4 | |
| | | 出差人次 | 正向 | ≧ | 24 | 人次 | 4 | |
| | 时效指标 | 项目财政资金到位时间 | 正向 | ＝ | 44,561 | | 10 | |
| 满意度指标 | 服务对象满意度指标 | 社员满意度 | 正向 | 不低于 | 90 | % | 10 | |
"""


def test_the_inner_mongolia_form_as_pipe_rows_reads_alike(tmp_path):
    """Blank cells kept, the 一级/二级 cells only on their group's first row, comparators full-width or in words."""
    path = tmp_path / "内蒙古项目目标表.txt"
    path.write_text(MONGOLIA_PIPES, encoding="utf-8")
    form, result = import_table(path)
    assert (form, result.report.project_name, result.report.unit_name, result.report.year) == (
        "项目", "再生资源回收市场管理经费", "乌海市供销合作社联合社", 2021)
    assert [(i.level1, i.level2, i.name, i.target.text, i.weight) for i in result.report.indicators] == [
        T06[0], ("产出指标", "数量指标", "出差人次", "≥24人次", 4), T06[3],
        ("满意度指标", "服务对象满意度指标", "社员满意度", "≥90%", 10)]
    assert [warning.split("：")[0] for warning in result.warnings] == ["第 8 行"]


def test_a_table_without_unit_or_year_imports_with_placeholders(tmp_path):
    """What was read is kept; the missing 单位名称 and 年度 are written as placeholders and named."""
    path = tmp_path / "目标表.txt"
    path.write_text("部门整体支出绩效目标表\n一级指标 二级指标 三级指标 指标解释 目标值\n"
                    "产出指标 质量指标 各类书籍审稿率 100%(计划标准) 100%\n", encoding="utf-8")
    output = tmp_path / "输入.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "没有找到单位名称，已写作“【待补充：单位名称】”，请在导入的文件中补上。" in result.output
    assert "没有找到年度，已写作“【待补充：年度】”，请在导入的文件中补上。" in result.output
    text = output.read_text(encoding="utf-8")
    assert "单位名称: 【待补充：单位名称】" in text and "年度: 【待补充：年度】" in text and "各类书籍审稿率" in text


@pytest.mark.parametrize("name", ["T05", "T06"])
def test_what_import_writes_draft_reads(tmp_path, name):
    """The input `import` writes from another province's project table drafts without an error: a time
    target (2021年全年) is a target as written, and 人/次 and 万元/人 are units (=24人/次, =0万元/人)."""
    source = tmp_path / f"{name}.yaml"
    run = CliRunner().invoke(main, ["import", str(_file(name)), "-o", str(source)])
    assert run.exit_code == 0, run.output
    run = CliRunner().invoke(main, ["draft", str(source), "--form", "项目", "-o", str(tmp_path / f"{name}.docx")])
    assert run.exit_code == 0, run.output
    assert "错误" not in run.output


def test_a_scored_form_with_shifted_columns_draws_no_arithmetic_finding():
    """Yunnan's P03: the 项目资金 header lost its first cell, so 分值 would fall on 全年执行数 (7.29) and 执行率 on
    the score (10.00). A 执行率 that is no percentage says the columns are not placed: no N602/N605 from that row."""
    from narrator.checking.checker import check_file

    result = check_file(Path(__file__).resolve().parents[1] / "data" / "realworld"
                        / "P03_yn_lijiang_guchengqu_ziranziyuan_xiangmu_ziping_2020.txt")
    assert [f.code for f in result.findings if f.severity == "error"] == []
