"""Issue 27: scored forms and money tables as people copy them from other provinces' web pages and PDFs.

Real excerpts (tests/data/realworld: 四川 P01 one cell per line ending in “|”, 云南 P03 bordered pipe rows whose
cells wrap, 湖南 R11 cells between lines of “|”) and twelve forms written by another hand in five copied
layouts (tests/data/forms_copied, manifest.yaml: six consistent, six with planted inconsistencies), plus two
of them with an error planted here, and fourteen more of ten other provinces in six layouts (manifest_g.yaml),
then sets h, k, m and n (manifest_*.yaml; n: six of twelve with cells glued together),
held out while the first were read. Each file is checked as it is: the tables must be read, every planted
inconsistency found (two known misses are named), and nothing else called an error."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from narrator.checking.checker import check_file
from narrator.recognise.projectform import read_sheet
from narrator.recognise.targets import import_table
from narrator.sources.read import read_document, read_text

DATA = Path(__file__).resolve().parents[1] / "data"
COPIED = DATA / "forms_copied"
REAL = DATA / "realworld"


def _errors(path: Path) -> list[tuple[str, str, str]]:
    return [(f.code, f.claimed, f.expected) for f in check_file(path).findings if f.severity == "error"]


# What each copied form holds wrong (manifest.yaml), as the checker reports it; [] for a consistent form.
EXPECTED = {
    "F01.txt": [],
    "F02.txt": [("N610", "7", "5")],  # 资产管理(5分) over rows of 4 and 3
    "F03.txt": [("N604", "5743.00", "5742.00"), ("N607", "优", "良")],  # parts 5742.00; 86.40 is 良
    "F04.txt": [],
    "F05.txt": [("N202", "92.83%", "90.25%"),  # 162.45 ÷ 180.00
                ("N601", "9.28", "9.03")],  # the score follows the wrong rate (manifest note)
    "F06.txt": [],
    "F07.txt": [],
    "F08.txt": [],
    # 年初预算数 0.00 over a part of 150.00; 总分 95.32 over rows of 94.82. 危桥改造数量: 2 of 3 scored 3.5 of 5,
    # above the ratio 3.33 (the national rule; the manifest does not count it).
    "F09.txt": [("N601", "3.5", "3.33"), ("N604", "0.00", "150.00"), ("N606", "95.32", "94.82")],
    "F10.txt": [("N605", "110", "100")],
    "F11.txt": [],
    "F12.txt": [("N602", "10", "8")],
    # Planted here: 公务接待费 决算数 6.85 → 6.95 (合计 24.37 stays); 事业收入 决算数 80.00 → 81.00.
    "F04_wrong.txt": [("N611", "24.37", "24.47")],
    "F08_wrong.txt": [("N611", "3,542.18", "3543.18")],
    # A second set (manifest_g.yaml: ten other provinces, six layouts), held out while the readers above were
    # built; its first check found 5 of 11 planted inconsistencies with 3 errors on consistent files.
    "G01.txt": [],
    "G02.txt": [("N610", "35", "30"), ("N606", "95.62", "95.26")],  # 产出（30分） over rows of 35
    "G03.txt": [("N604", "102,001.00", "102000.00")],
    # G04's 公开09表: three header rows over one row of twelve figures, its totals columns. The 预算 小计 of
    # 0.00 over 24.00 + 18.00 is reported, and the 合计 above it checked with the 小计 its parts give (no
    # knock-on finding); the 决算 合计 46.42 over parts of 46.32.
    "G04.txt": [("N611", "0.00", "42.00"), ("N611", "46.42", "46.32")],
    # Copied out of a PDF with its headers broken, read line by line (recognise/formlines): its 资金 line in 陕西's
    # order (预算数 调整后预算数 实际支出 执行率 权重 得分), the 执行率 written without “%” and confirmed by 10 × 90.08% =
    # 9.01; its 得分 add up to 97.01, so every row is there: the planted 执行率 (1081.00 ÷ 1150.00), the 得分 that
    # follows it, and 权重 of 105 (满意度 15) against 100, which the manifest did not count, are found.
    "G05.txt": [("N202", "90.08", "94.00%"), ("N601", "9.01", "9.4"), ("N605", "105", "100")],
    "G06.txt": [],
    "G07.txt": [],
    "G08.txt": [],
    "G09.txt": [("N602", "6", "5")],
    "G10.txt": [],
    "G11.txt": [("N612", "1,000.00", "1080.00"), ("N612", "1,000.00", "1080.00"), ("N612", "937.60", "1012.50")],
    "G12.txt": [],
    "G13.txt": [("N606", "95.70", "96.70"), ("N607", "良", "优")],
    "G14.txt": [],
    # A third set (manifest_h.yaml: twelve other provinces), held out while the second was read; its first
    # check found 5 of 9 planted inconsistencies with no error on a consistent file.
    "H01.txt": [],
    "H02.txt": [("N605", "105", "100"), ("N606", "93.2", "92.7")],
    # An unscored transfer-payment form read as a form now: its 年度资金总额 against its parts (N604, was N612).
    "H03.txt": [("N604", "12,680.00", "12780.00"),  # 年度资金总额 under parts of 12,780.00
                ("N202", "95.18%", "95.81%")],  # 中央补助 9,102.36 ÷ 9,500.00
    "H04.txt": [],
    # A scoring table copied out of a PDF, its cells running together over lines: read line by line (its 分值
    # add up to its 合计); the grade is found, its 过程（20分） over rows of 25 is not (levels not read so).
    "H05.txt": [("N607", "优", "良")],
    "H06.txt": [("N612", "5,402.11", "5602.11"), ("N611", "0.00", "24.19")],
    "H07.txt": [("N602", "12", "10")],
    "H08.txt": [],  # its 资金 lines read alone (区域 form from a PDF), consistent
    "H09.txt": [],
    "H10.txt": [],
    # A fourth set (manifest_k.yaml: twelve provinces), held out while the third was read; its first check
    # found 4 of 8 planted inconsistencies with no error on a consistent file.
    "K01.txt": [],
    "K02.txt": [("N605", "105", "100")],
    "K03.txt": [],  # cut off inside its last row's 得分 (“1” of “10”): that row is not read
    "K04.txt": [("N202", "95.00%", "93.00%"),  # 7626.00 ÷ 8200.00
                ("N601", "9.50", "9.3"),  # the score follows the wrong rate (manifest note)
                ("N608", "优", "良")],  # 87.50 graded 优 in the prose
    "K05.txt": [],
    "K06.txt": [("N602", "6", "5")],
    "K07.txt": [("N606", "92.48", "91.48")],
    "K08.txt": [],
    # A PDF scoring table, each row's 得分 at the end of its first line, its 评分标准 and the levels' （20分） below; cut off
    # before its 合计, confirmed by the levels that state their weights: 产出（30分） over rows of 35 (its one 二级
    # 职责履行（30分） alike, said once).
    "K09.txt": [("N610", "35", "30")],
    "K10.txt": [],
    "K11.txt": [("N611", "73.25", "71.25"), ("N612", "58.00", "93.00")],
    "K12.txt": [],
    # A fifth set (manifest_m.yaml: twelve provinces), held out while the fourth was read; first check: 3 of 5 found,
    # no error on a consistent file. M02, an unscored transfer-payment form (指标值 | 全年实际值, no 分值), was taken
    # for a target table: it is read as a form now (its 执行率 and parts are checked).
    "M01.txt": [],
    "M02.txt": [],
    "M03.txt": [("N602", "11", "10")],
    "M04.txt": [],
    "M05.txt": [],
    "M06.txt": [],  # a scoring table whose cells are glued together: read (sources/glued), consistent
    # Cells between lines of “|” whose blank lines are empty cells, not row ends (a header inside a “row”): each such
    # row cut at its headers and under them — read now (was a known miss); 财政拨款 480.00 + 60.00 under 560.00.
    "M07.txt": [("N604", "560.00", "540.00")],
    "M08.txt": [],
    "M09.txt": [("N605", "105", "100")],
    "M10.txt": [("N606", "97.70", "96.70")],
    "M11.txt": [],
    "M12.txt": [("N202", "95.94%", "94.94%")],  # glued cells, read now: 财政拨款 778.50 ÷ 820.00
    # A sixth set (manifest_n.yaml: twelve provinces, six with cells glued together), held out while glued tables were
    # read; first check: tables read in 9 of 12, 3 of 6 planted inconsistencies found, 3 false errors (all N05).
    "N01.txt": [],  # glued 整体 target table (N502)
    "N02.txt": [],  # glued project target table (N502)
    "N03.txt": [("N606", "94.60", "93.6")],  # glued scoring table: 合计 94.60 over rows of 93.60
    "N04.txt": [("N601", "9.69", "9.59")],  # glued form: 10 × 95.90%
    "N05.txt": [("N604", "28650.00", "28550.00")],  # glued 整体 form with 权重: 26380.00 + 2170.00
    "N06.txt": [],  # glued unscored transfer-payment form, consistent
    "N07.txt": [("N602", "6", "5")],
    "N08.txt": [("N605", "98", "100")],
    "N09.txt": [],
    "N10.txt": [],
    "N11.txt": [("N202", "93.29%", "92.39%")],  # cells between “|” lines, its blank lines empty cells: 2309.80 ÷ 2500.00
    "N12.txt": [],
    # A seventh set (manifest_q.yaml: twelve 市/县 units, six layouts twice), held out while the sixth was read; first
    # check, unchanged: 9 of 12 tables read, 4 of 6 planted inconsistencies found, no false error.
    "Q01.txt": [("N202", "97.85%", "97.58%")],  # 上年结转资金 161.00 ÷ 165.00
    "Q02.txt": [],  # glued scoring table, consistent
    "Q03.txt": [("N602", "6", "5")],
    "Q04.txt": [],
    "Q05.txt": [("N604", "4600.00", "4800.00")],  # cells between “|” lines, headers and cells wrapped
    "Q06.txt": [("N610", "25", "30")],  # 效益（30分） over rows of 25
    # A PDF copy, its names and values broken over lines (“较上年下 / 降4.1% 10 10”): 总分 96.46 over rows of 96.64.
    "Q07.txt": [("N606", "96.46", "96.64")],
    "Q08.txt": [],
    # Glued, with a 计量单位 column, so 目标值, 完成值, 分值 and 得分 run together (≥4546.81515): read, consistent.
    "Q09.txt": [],
    # A PDF scoring table, 评分标准 over two lines and the 得分 at the end of the second: its 得分 add up to 87.3, so
    # its 合计 分值 of 100 over rows of 95 is the form's error, not the reading's.
    "Q10.txt": [("N605", "95", "100")],
    "Q11.txt": [],
    "Q12.txt": [],
    # An eighth set (manifest_s.yaml: twelve 县 forms of twelve provinces, six layouts), held out while the seventh was
    # read; first check, unchanged: 10 of 12 tables read, 2 of 6 planted inconsistencies found, 6 false errors (the
    # 上年结转资金 line of a PDF copy, its empty 年初预算数 gone, added under the wrong columns).
    "S01.txt": [("N610", "30", "25")],  # 效益（25 / 分） broken over lines, over rows of 30
    "S02.txt": [],  # 上年结转资金 36.40 32.70: placed where the parts add up to the total
    "S03.txt": [],
    "S04.txt": [("N202", "98.74%", "98.47%")],  # the 区域 form's order confirmed by its parts' 执行率
    "S05.txt": [],
    "S06.txt": [("N602", "11", "10")],  # glued, a 计量单位 column (投放点个≥120), 上年结转资金40.0038.20——
    "S07.txt": [],  # glued, ≥8760元/人·年
    "S08.txt": [],  # a project target table
    "S09.txt": [("N606", "96.53", "95.53")],
    "S10.txt": [("N604", "2150.00", "2160.00")],
    "S11.txt": [("N607", "优", "良")],  # laid out with spaces: 合计's 得分 under 得分, the grade on the line below
    "S12.txt": [],  # a 部门整体 target table, one cell a line
    # A ninth set (manifest_v.yaml: twelve forms of twelve other provinces, six layouts), held out while the eighth was
    # read; first check, unchanged: 10 of 12 tables read, 4 of 6 planted inconsistencies found on the figure planted
    # (V10 and V11 drew other, false, findings), 2 false errors on consistent forms and 6 in the planted ones.
    "V01.txt": [("N605", "105", "100")],  # 合计 分值 100 over rows of 105
    "V02.txt": [],
    "V03.txt": [],  # a project target table, glued
    "V04.txt": [("N202", "92.75%", "92.50%")],
    "V05.txt": [("N604", "1874.58", "1876.58")],  # a cell a line with “ |”: a part miswritten, the total disagrees
    "V06.txt": [],
    "V07.txt": [],  # 其中：财政拨款 680 / 其中：一般公共预算 520 / 政府性基金 160: a 其中 inside a 其中 list
    "V08.txt": [("N601", "9.17", "9.71")],
    "V09.txt": [],  # laid out with spaces, rules of dashes under the header and over 合计
    "V10.txt": [("N606", "98.67", "97.67")],  # laid out with spaces, parts' names indented; 年度总体目标：… targets
    "V11.txt": [("N607", "优", "良")],  # an HTML copy a cell a line; 预期目标 / 实际完成情况 a line each; 自评等级 / 优
    "V12.txt": [],
}
KNOWN_MISSES: set[str] = set()
# G08 is prose only; G10 (a side-by-side 收支总表) is not read (N501). K12 (功能分类 cut off after two rows) is
# not read either, but has no figure in its prose to leave unchecked (its “单位：万元” was once read as one).
# Q09 (glued, a 计量单位 column) was not read until its bare figures were cut by their sizes (sources/glued).
NO_TABLE = {"G08.txt", "G10.txt"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_copied_form_reports_exactly_its_planted_errors(name):
    assert _errors(COPIED / name) == EXPECTED[name]


def test_the_manifest_and_the_expectations_agree():
    manifest = {}
    for file in ("manifest.yaml", "manifest_g.yaml", "manifest_h.yaml", "manifest_k.yaml", "manifest_m.yaml",
                 "manifest_n.yaml", "manifest_q.yaml", "manifest_s.yaml", "manifest_v.yaml"):
        manifest.update({entry["file"]: entry for entry in yaml.safe_load((COPIED / file).read_text("utf-8"))["files"]})
    manifest = {name: entry for name, entry in manifest.items() if not name.startswith("T")}  # target tables
    assert sorted(name for name, entry in manifest.items() if not entry["planted"]) == \
        ["F01.txt", "F04.txt", "F06.txt", "F07.txt", "F08.txt", "F11.txt",
         "G01.txt", "G06.txt", "G07.txt", "G08.txt", "G10.txt", "G12.txt", "G14.txt",
         "H01.txt", "H04.txt", "H08.txt", "H09.txt", "H10.txt",
         "K01.txt", "K03.txt", "K05.txt", "K08.txt", "K10.txt", "K12.txt",
         "M01.txt", "M02.txt", "M04.txt", "M05.txt", "M06.txt", "M08.txt", "M11.txt",
         "N01.txt", "N02.txt", "N06.txt", "N09.txt", "N10.txt", "N12.txt",
         "Q02.txt", "Q04.txt", "Q08.txt", "Q09.txt", "Q11.txt", "Q12.txt",
         "S02.txt", "S03.txt", "S05.txt", "S07.txt", "S08.txt", "S12.txt",
         "V02.txt", "V03.txt", "V06.txt", "V07.txt", "V09.txt", "V12.txt"]
    for name in manifest:
        assert bool(EXPECTED[name]) == bool(manifest[name]["planted"]) or name in KNOWN_MISSES


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_copied_form_has_its_tables_read(name):
    codes = [f.code for f in check_file(COPIED / name).findings]
    assert ("N501" in codes) == (name in NO_TABLE)


@pytest.mark.parametrize("name", ["G06.txt", "G12.txt"])
def test_a_target_table_is_named_not_checked(name):
    (finding,) = check_file(COPIED / name).findings
    assert finding.code == "N502" and finding.severity == "warning"
    assert f"narrator import {name}" in finding.message


def test_a_form_one_cell_per_line_is_read_row_by_row():
    """四川 (P01): each cell a line ending in “|”, nothing marking a row's end."""
    document = read_document(REAL / "P01_sc_qingshen_fagaiju_gongzi_xiangmu_ziping_2023.txt")
    funding = next(table for table in document.tables if table.rows[0][0] == "年度预算数(万元)")
    assert funding.rows[1:3] == [
        ["总额", "238.93", "251.89", "251.89", "100.00%", "10", "",
         "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),"
         "应单独说明理由;3.其他资金包括:社会投入资金、银行贷款."],
        ["其中:财政资金", "238.93", "251.89", "251.89", "100.00%", "/", "/", ""]]
    sheet = read_sheet(document)
    assert [(row.name, row.total, row.amount("budget")) for row in sheet.funding] == [
        ("总额", True, Decimal("251.89")), ("财政资金", False, Decimal("251.89")),
        ("财政专户管理资金", False, Decimal("0.00")), ("单位资金", False, Decimal("0.00")), ("其他资金", False, None)]
    assert [(row.indicator.name, row.indicator.target.text, row.cells["weight"].text) for row in sheet.indicators] == [
        ("发放(缴纳)覆盖率", "=100%", "60"), ("足额保障率(参保率)", "=100%", "30")]
    assert sheet.total_weight.text == "100"
    assert check_file(REAL / "P01_sc_qingshen_fagaiju_gongzi_xiangmu_ziping_2023.txt").findings == []


def test_p01_with_weights_beyond_its_total():
    text = (REAL / "P01_sc_qingshen_fagaiju_gongzi_xiangmu_ziping_2023.txt").read_text("utf-8")
    changed = text.replace("% |\n|\n30 |", "% |\n|\n40 |", 1)
    assert changed != text
    report = read_text(changed, "P01.txt")
    from narrator.checking.checker import check_document
    # The rows now make 110 against the 合计's 100, and the indicators 100 against the caption's 绩效指标(90分).
    assert [(f.code, f.claimed, f.expected) for f in check_document(report).findings] == [
        ("N613", "100", "90"), ("N605", "110", "100")]


def test_a_bordered_pipe_form_whose_cells_wrap():
    """云南 (P03): “|” / “项目资金 (万元) |” / “年初预算数 | …”: one row; a two-row indicator header; rows that
    lost their merged 一级指标 put back under their columns."""
    sheet = read_sheet(read_document(REAL / "P03_yn_lijiang_guchengqu_ziranziyuan_xiangmu_ziping_2020.txt"))
    assert sheet.labels == {"project": "2020年省级自然资源卫片执法补助经费支出绩效自评表",
                            "department": "丽江市自然资源和规划局", "unit": "丽江市古城区自然资源局"}
    total = sheet.funding_total
    assert {key: cell.text for key, cell in total.cells.items()} == {
        "initial": "7.29", "budget": "7.29", "actual": "7.29", "weight": "10.00", "rate": "100%", "score": "10.00"}
    assert [(row.indicator.name, row.indicator.target.text, row.indicator.completion.text, row.cells["weight"].text,
             row.cells["score"].text) for row in sheet.indicators] == [
        ("卫片执法补助经费", "72890元", "72890元", "10.00", "9.00"),
        ("项目验收合格率", "100%", "100%", "20", "19"),
        ("项目完成及时率", "100%", "100%", "20.00", "19.00"),
        ("违法行为责停率", "≥95%", "95%", "30.00", "27.00"),
        ("满意度", "≥95%", "95%", "10.00", "")]
    # Every target reached and scored a tenth below: a deduction the form may explain — warnings, no error.
    findings = check_file(REAL / "P03_yn_lijiang_guchengqu_ziranziyuan_xiangmu_ziping_2020.txt").findings
    assert [(f.code, f.severity, f.claimed) for f in findings] == [
        ("N609", "warning", "9.00"), ("N609", "warning", "19"), ("N609", "warning", "19.00"),
        ("N609", "warning", "27.00")]


R11 = REAL / "R11_hn_yueyang_glj_zhengti_pingfenbiao.txt"


def test_a_scoring_table_between_lines_of_pipes():
    """湖南 (R11): cells between lines of “|”, a cell over several lines; the copy is cut off mid-table."""
    sheet = read_sheet(read_document(R11))
    assert [(row.indicator.level1, row.indicator.level2, row.indicator.name, row.cells["weight"].text)
            for row in sheet.indicators[:5]] == [
        ("投 入(15分)", "预算配置(15分)", "财政供养人员控制率", "5"),
        ("投 入(15分)", "预算配置(15分)", "“三公经费”变动率", "5"),
        ("投 入(15分)", "预算配置(15分)", "重点支出安排率", "5"),
        ("过 程(40分)", "预算执行(15分)", "预算调整率", "3"),
        ("过 程(40分)", "预算执行(15分)", "支付进度", "3")]
    # Cut off before its 合计: no sum of 分值 is claimed against 100, and the unfinished levels are not checked.
    assert check_file(R11).findings == []


def test_a_level_whose_rows_do_not_make_its_weight():
    text = R11.read_text("utf-8").replace("预算执行\n(15分)", "预算执行\n(12分)")
    from narrator.checking.checker import check_document
    findings = check_document(read_text(text, "R11.txt")).findings
    assert [(f.code, f.claimed, f.expected, f.arguments["name"]) for f in findings] == [
        ("N610", "15", "12", "预算执行(12分)")]
    assert findings[0].message == "“预算执行(12分)”标明 12 分，而其下各行分值之和为 15（4 行）。"


def _one_cell_per_line(text: str) -> str:
    """A pipe table as a browser may also copy it: each cell on a line of its own ending in “ |”."""
    lines = []
    for line in text.split("\n"):
        if line.count("|") < 2:
            lines.append(line)
            continue
        cells = [cell.strip() for cell in line.split("|")]
        while cells and not cells[-1]:
            cells.pop()
        lines += [f"{cell} |" if cell else "|" for cell in cells]
    return "\n".join(lines)


def test_a_target_table_one_cell_per_line_imports_as_its_pipe_rows(tmp_path):
    """湖南 T02 (整体目标表) as pipe rows and as one cell per line: the same unit, functions and indicators."""
    from narrator.recognise.targets import import_targets

    real = REAL / "T02_hn_yueyanglouqu_jiagerenzheng_zhengti_mubiao_2023.txt"
    copied = tmp_path / "T02_一格一行.txt"
    copied.write_text(_one_cell_per_line(real.read_text("utf-8")), encoding="utf-8")
    piped, streamed = import_targets(real).report, import_targets(copied).report
    assert streamed.unit_name == piped.unit_name == "岳阳楼区价格认证鉴定中心"
    assert [(i.name, i.target.text) for i in streamed.indicators] == [(i.name, i.target.text) for i in piped.indicators]
    assert [i.name for i in streamed.indicators] == ["业务工作支出安排金额", "业务工作支出到位率", "工作安排时间",
                                                    "社会成本指标", "保证单位正常运转"]


TARGETS = COPIED / "targets"


@pytest.mark.parametrize("name", ["T01.txt", "T02.txt", "T03.txt", "T04.txt", "T05.txt", "T06.txt"])
def test_held_out_target_tables_import_without_naming_their_form(name):
    """Six target tables of other provinces in copied layouts (manifest_h.yaml), imported as `narrator import
    FILE` does — the form recognised, the indicators the hand count (±1), a missing unit or year a placeholder
    and a warning, never a refusal."""
    from narrator.recognise.targets import import_table

    entry = next(entry for entry in yaml.safe_load((COPIED / "manifest_h.yaml").read_text("utf-8"))["files"]
                 if entry["file"] == name)
    form, result = import_table(TARGETS / name)
    assert form == ("项目" if entry.get("project_name") else "整体")
    assert abs(len(result.report.indicators) - entry["indicators"]) <= 1
    if entry.get("year"):
        assert result.report.year == entry["year"]
    else:
        assert "没有找到年度" in " ".join(result.warnings)
    if not entry.get("unit_name"):
        assert "没有找到单位名称" in " ".join(result.warnings)


@pytest.mark.parametrize("manifest, name", [("manifest_n.yaml", name) for name in
                                            ("N01.txt", "N02.txt", "N09.txt", "N10.txt", "N12.txt")]
                         + [("manifest_q.yaml", "Q08.txt"), ("manifest_q.yaml", "Q12.txt")]
                         + [("manifest_s.yaml", "S08.txt"), ("manifest_s.yaml", "S12.txt")]
                         + [("manifest_v.yaml", "V03.txt"), ("manifest_v.yaml", "V07.txt")])
def test_the_later_sets_target_tables_import_with_their_names(manifest, name):
    """The target tables of the sixth and seventh sets (glued, a cell a line, a PDF copy, tab-separated, cells between
    “|” lines with a signature right under the last cell), imported as `narrator import FILE` does: the form, the hand
    count of indicators, the unit or project named."""
    entry = next(entry for entry in yaml.safe_load((COPIED / manifest).read_text("utf-8"))["files"]
                 if entry["file"] == name)
    form, result = import_table(COPIED / name)
    assert form == ("项目" if "项目" in entry["kind"] else "整体")
    assert len(result.report.indicators) == entry["indicators"]
    named = result.report.project_name if form == "项目" else result.report.unit_name
    assert named == entry["unit"]


def test_a_pdf_form_whose_totals_both_disagree_is_said_not_checked():
    """Q10 with one of its rows gone from the copy (管理制度健全性, 2 and 2): neither its 分值 (93 against 100) nor its
    得分 (85.3 against 87.3) add up — a row missed or a figure wrong, the reading cannot tell, so it says so and
    checks none of the rows."""
    text = (COPIED / "Q10.txt").read_text("utf-8")
    cut = text.replace("组织实施 管理制度健全性 2 制度健全的得2分 2\n", "组织实施\n")
    assert cut != text
    from narrator.checking.checker import check_document
    (finding,) = check_document(read_text(cut, "Q10.txt")).findings
    assert (finding.code, finding.severity, finding.claimed, finding.expected) == ("N503", "warning", "93", "100")
    assert finding.message == ("从文字中逐行读出的自评表有 17 行分值，合计 93，而总分的分值为 100：或有一行没有读出，"
                               "或分值有误，请核对；这张表的各行未核对。")


def test_pdf_lines_put_broken_names_and_levels_back():
    """Q07 and Q10 as read line by line: a name broken over two lines joined, not when the line above ends a
    level's name (“服务对象满意度指标” / “群众就医满意度”); a row's values going on over two lines; the levels of a
    scoring table from lines of their own and from the row's line (“可持续影 / 响 农村供水保证率 10 …”)."""
    from narrator.recognise.formlines import read_lines
    q07 = read_lines(read_document(COPIED / "Q07.txt"))
    assert [(row.indicator.name, row.indicator.target.text, row.indicator.completion.text) for row in q07.indicators] \
        == [("孕前优生健康检查人数", "≥3200人", "3356人"), ("65岁及以上老年人健康管理人数", "≥4.2万人", "4.35万人"),
            ("适龄儿童免疫规划疫苗接种率", "≥90%", "96.2%"), ("传染病疫情报告及时率", "100%", "100%"),
            ("补助资金拨付及时率", "100%", "100%"), ("“三公”经费支出", "≤上年", "较上年下降4.1%"),
            ("居民健康素养水平", "≥28%", "27.4%"), ("县域内就诊率", "≥90%", "88.5%"), ("群众就医满意度", "≥90%", "91.6%")]
    q10 = read_lines(read_document(COPIED / "Q10.txt"))
    assert [(row.indicator.level1, row.indicator.level2, row.indicator.name) for row in q10.indicators][10:17] == [
        ("过程", "组织实施", "制度执行有效性"), ("产出", "产出数量", "新建改造供水管网长度"), ("产出", "产出质量", "水质检测合格率"),
        ("产出", "产出时效", "工程按期完工率"), ("产出", "产出成本", "成本控制情况"), ("效益", "社会效益", "受益人口"),
        ("效益", "可持续影响", "农村供水保证率")]
    assert (q10.total_weight.text, q10.total_score.text) == ("100", "87.3")
    # G05: “秦岭区域植被覆盖度 稳中有升 较上年提高 0.2 10 10”: the completion's words and figure stand apart
    g05 = read_lines(read_document(COPIED / "G05.txt"))
    row = next(row for row in g05.indicators if row.indicator.name == "秦岭区域植被覆盖度")
    assert (row.indicator.target.text, row.indicator.completion.text) == ("稳中有升", "较上年提高0.2")


def test_a_form_whose_own_note_states_other_weights():
    """P01 notes 绩效指标(90分) over rows of 60 and 30: checked, clean; the note changed to 80 is found."""
    text = (REAL / "P01_sc_qingshen_fagaiju_gongzi_xiangmu_ziping_2023.txt").read_text("utf-8")
    from narrator.checking.checker import check_document
    assert check_document(read_text(text, "P01.txt")).findings == []
    (finding,) = check_document(read_text(text.replace("绩效指标(90分) |", "绩效指标(80分) |"), "P01.txt")).findings
    assert (finding.code, finding.claimed, finding.expected) == ("N613", "90", "80")
    assert finding.message == "表中注明绩效指标的分值为 80 分，而绩效指标各行分值之和为 90（2 行）。"


def test_the_three_public_expenses_table_checks_clean_when_it_adds_up():
    """G04's 公开09表 with its two planted cells put right (小计 42.00, 决算 合计 46.32): nothing found."""
    from narrator.checking.checker import check_document
    text = (COPIED / "G04.txt").read_text("utf-8")
    right = text.replace("58.60\t0.00\t0.00\t24.00", "58.60\t0.00\t42.00\t24.00").replace("\t46.42\t", "\t46.32\t")
    assert right != text
    findings = check_document(read_text(right, "G04.txt")).findings
    assert [f.code for f in findings if f.severity == "error"] == []


def test_an_unscored_transfer_payment_form_is_read_as_a_form():
    """M02 (山西, tab-separated): 全年预算数（A）| 全年执行数（B）| 执行率（B/A） over 指标值 | 全年实际值, no 分值 — once
    taken for a target table (N502, “no completion values”). Read as a form, an edited rate or total is found."""
    text = (COPIED / "M02.txt").read_text(encoding="utf-8")
    sheet = read_sheet(read_text(text, "M02.txt"))
    assert [row.indicator.completion.text for row in sheet.indicators][:3] == ["334.2万人", "18.9万人", "271所"]
    assert check_file(COPIED / "M02.txt").findings == []
    edited = read_text(text.replace("98.47%", "98.74%"), "M02.txt")
    from narrator.checking.checker import check_document
    assert [(f.code, f.claimed, f.expected) for f in check_document(edited).findings] == \
        [("N202", "98.74%", "98.47%")]


def test_a_forms_total_row_is_no_indicator():
    """M03 (辽宁, space-aligned): 总分 | 100 | 98.77 under 年度指标值 | 实际完成值 was read as an indicator “总分” that
    missed its target (a false N402); only the planted score above its weight is reported."""
    assert [f.code for f in check_file(COPIED / "M03.txt").findings] == ["N602"]


def test_a_pdf_copied_project_table_without_a_year():
    """N10 (重庆, a PDF copy): 项目名称 and its value on one line four spaces apart is a label row, “— 1 —” under the
    table is a page's number, and 2000年底前 in the 项目概况 is no year of the form: a placeholder and a warning."""
    form, result = import_table(COPIED / "N10.txt")
    assert form == "项目" and result.report.project_name == "城镇老旧小区改造专项补助资金"
    assert [i.name for i in result.report.indicators][-1] == "小区居民满意度"
    assert result.report.year == "【待补充：年度】"
    assert any("没有找到年度" in warning for warning in result.warnings)


@pytest.mark.parametrize("path", [REAL / "P01_sc_qingshen_fagaiju_gongzi_xiangmu_ziping_2023.txt", COPIED / "N11.txt"])
def test_a_forms_label_tables_above_and_below_are_read_as_such(path):
    """部门（单位）名称 | …above the form, 评价结论 | … below it: labels, not tables left unread."""
    tables = check_file(path).tables
    assert all(table.kind for table in tables)
    kinds = [table.kind for table in tables]
    assert (kinds.count("form_labels"), kinds.count("form_notes")) == ((1, 1) if path.name.startswith("P01") else (1, 0))


@pytest.mark.parametrize("old, new, expected", [
    ("≥9592109受", "≥9592108受", [("N606", "98.72", "97.72")]),  # 项目按期完工率 scored 8, not 9
    ("≥8082.51010", "≥8082.51012", [("N602", "12", "10"), ("N606", "98.72", "100.72")]),  # 12 of 10
    ("2612.85—97.49%", "2612.85—97.94%", [("N202", "97.94%", "97.49%")]),
])
def test_a_glued_form_with_a_unit_column_is_read_by_the_sizes_of_its_figures(old, new, expected):
    """Q09 (湖南, glued, 计量单位 | 年度指标值 | 实际完成值 | 分值 | 得分): “≥4546.81515” is ≥45 | 46.8 | 15 | 15 — the
    target whose completion is nearest in size (not ≥4 | 546.8 or ≥454 | 6.8), no “66.210” (66.2 and a 分值 of 10),
    and the 分值 adding up to 100; the unit joins its figures. Read so, an edited 得分 or 执行率 is found, and the clean form draws nothing."""
    sheet = read_sheet(read_document(COPIED / "Q09.txt"))
    assert [(row.indicator.name, row.indicator.target.text, row.indicator.completion.text, row.cells["weight"].text,
             row.cells["score"].text) for row in sheet.indicators][:4] == [
        ("提质改造农村公路里程", "≥45公里", "46.8公里", "15", "15"), ("交工验收合格率", "=100%", "100%", "15", "15"),
        ("项目按期完工率", "≥95%", "92%", "10", "9"), ("每公里改造成本", "≤70万元", "66.2万元", "10", "10")]
    text = (COPIED / "Q09.txt").read_text("utf-8")
    assert new not in text and old in text
    from narrator.checking.checker import check_document
    findings = check_document(read_text(text.replace(old, new), "Q09.txt")).findings
    assert [(f.code, f.claimed, f.expected) for f in findings if f.severity == "error"] == expected


def _found(text: str, name: str) -> list[tuple[str, str, str]]:
    from narrator.checking.checker import check_document
    return [(f.code, f.claimed, f.expected) for f in check_document(read_text(text, name)).findings
            if f.severity == "error"]


def test_a_pdf_part_line_without_its_empty_cells_is_placed_by_the_total():
    """S02 (宁夏, a PDF copy): “上年结转资金 36.40 32.70 — —” has no 年初预算数. Put under 全年预算数 and 全年执行数 —
    the one placement where every column's parts add up to 年度资金总额 — it draws no error; an edit to another
    part is found in its column (the placement still adds up in the other two); a part whose amounts fit no
    placement in two columns leaves the parts unchecked."""
    text = (COPIED / "S02.txt").read_text("utf-8")
    assert _found(text, "S02.txt") == []
    edited = text.replace("其中：财政拨款 800.00 820.00 798.50", "其中：财政拨款 800.00 820.00 789.50")
    assert _found(edited, "S02.txt") == [("N604", "831.20", "822.20")]
    unplaced = text.replace("上年结转资金 36.40 32.70", "上年结转资金 36.50 32.80")
    assert _found(unplaced, "S02.txt") == []
    from narrator.checking.checker import check_document
    (said,) = check_document(read_text(unplaced, "S02.txt")).findings
    assert (said.code, said.severity) == ("N504", "warning")
    assert said.message.startswith("上年结转资金一行的金额比栏目少")


def test_a_region_form_whose_total_rate_is_wrong_is_read_by_its_parts():
    """S04 (黑龙江 区域 form, 全年预算数 全年执行数 执行率): its 年度资金总额's 执行率 is wrong, so its own figures
    confirm no order; its first part's (1248.60 ÷ 1260.00 = 99.10%) do — the total is read in that order and its
    rate found. With the rate right, nothing."""
    text = (COPIED / "S04.txt").read_text("utf-8")
    assert _found(text, "S04.txt") == [("N202", "98.74%", "98.47%")]
    assert _found(text.replace("1654.35 98.74%", "1654.35 98.47%"), "S04.txt") == []


def test_a_level_weight_broken_over_lines_is_put_back():
    """S01 (甘肃 scoring table, a PDF copy): “决策（20” / “分）” on the line after the row, “过程（20分）” on a line of its
    own, “效益（25” / “分）” both alone, and 满意度 a 二级 under 效益 (the 一级 state their weights, it does not)."""
    from narrator.recognise.formlines import read_lines
    sheet = read_lines(read_document(COPIED / "S01.txt"))
    levels = [(row.indicator.level1, row.indicator.level2) for row in sheet.indicators]
    assert levels[0] == ("决策(20分)", "项目立项") and levels[4] == ("过程(20分)", "资金管理")
    assert levels[-1] == ("效益(25分)", "满意度")
    text = (COPIED / "S01.txt").read_text("utf-8")
    assert _found(text.replace("效益（25\n分）", "效益（30\n分）"), "S01.txt") == []
    assert _found(text.replace("决策（20\n", "决策（15\n").replace("效益（25\n分）", "效益（30\n分）"), "S01.txt") \
        == [("N610", "20", "15")]


def test_a_table_laid_out_with_spaces_is_read_by_its_columns():
    """S11 (贵州, spaces line the columns up, a CJK character two wide): 合计's 87.68 stands under 得分, not under
    评分标准; the grade on the line below the table is the form's. Edited: the 合计 得分 to 86.68 (N606)."""
    text = (COPIED / "S11.txt").read_text("utf-8")
    sheet = read_sheet(read_document(COPIED / "S11.txt"))
    assert (sheet.total_weight.text, sheet.total_score.text, sheet.grade.text) == ("100", "87.68", "优")
    assert _found(text.replace("评价等级：优", "评价等级：良"), "S11.txt") == []
    assert _found(text.replace("87.68\n", "86.68\n").replace("评价等级：优", "评价等级：良"), "S11.txt") \
        == [("N606", "86.68", "87.68")]


def _rows(text: str, name: str) -> list[list[list[str]]]:
    return [block.rows for block in read_text(text, name).blocks if hasattr(block, "rows")]


def test_a_spaced_table_keeps_its_indented_part_names_and_its_rows_short_of_cells():
    """V10 (湖南, laid out with spaces): “      上年结转                  28.00” indents its name and leaves 年初预算数
    empty; “其他资金” has dashes only under 分值/执行率/得分; “总分” has figures under 分值 and 得分 only. Each row is put
    under its header cells, so the parts add up and the 总分 row is read (its 得分 98.67 against rows of 97.67)."""
    text = (COPIED / "V10.txt").read_text("utf-8")
    funding, indicators = _rows(text, "V10.txt")
    assert funding[3] == ["上年结转", "", "28.00", "26.10", "—", "—", "—"]
    assert funding[4] == ["其他资金", "", "", "", "—", "—", "—"]
    assert indicators[-1] == ["总分", "", "", "", "", "100", "98.67", ""]
    assert _found(text, "V10.txt") == [("N606", "98.67", "97.67")]
    assert _found(text.replace("98.67", "97.67"), "V10.txt") == []
    # “年度总体目标：完成人工造林1.2万亩…” states targets; the result (1.26万亩) is stated under 实际完成情况.
    assert _found(text.replace("98.67", "97.67").replace("实际完成情况：完成人工造林1.26万亩", "实际完成情况：完成人工造林1.62万亩"),
                  "V10.txt") == [("N101", "1.62万亩", "1.26万亩")]


def test_a_spaced_table_between_rules_of_dashes():
    """V09 (江西 scoring table): a line of dashes under the header and another over 合计 are rules, not the table's end."""
    text = (COPIED / "V09.txt").read_text("utf-8")
    (rows,) = _rows(text, "V09.txt")
    assert len(rows) == 16 and rows[-1] == ["合计", "", "", "100", "", "95.24"]
    assert _found(text, "V09.txt") == []
    assert _found(text.replace("合计                                            100                           95.24",
                               "合计                                            100                           96.24"),
                  "V09.txt") == [("N606", "96.24", "95.24")]


def test_an_html_form_a_cell_a_line_with_rows_short_of_merged_cells():
    """V11 (广西, an HTML table copied a cell a line, a blank line after each row): full rows stay as they are, rows
    that lost their merged 一级/二级 cells are placed under their columns by the form's reader (质量指标 a 二级指标);
    预期目标 and 实际完成情况 on lines of their own head the two paragraphs after them; 自评等级 / 优 is the grade."""
    text = (COPIED / "V11.txt").read_text("utf-8")
    sheet = read_sheet(read_text(text, "V11.txt"))
    names = [row.indicator.name for row in sheet.indicators]
    assert names == ["新增高效节水灌溉面积", "新建提水泵站", "工程验收合格率", "工程完工及时率", "亩均建设成本",
                     "蔗区亩均增产", "灌溉设施管护责任落实率", "受益蔗农满意度"]
    assert [row.cells["weight"].text for row in sheet.indicators] == ["10", "10", "10", "10", "10", "15", "10", "15"]
    assert sheet.grade.text == "优"
    assert _found(text, "V11.txt") == [("N607", "优", "良")]
    right = text.replace("自评等级\n优", "自评等级\n良")
    assert _found(right, "V11.txt") == []
    # The result paragraph is checked as results: 0.5吨 is not what the table says was done; the target paragraph
    # above it states 0.8吨以上, which the table's 年度指标值 holds.
    assert _found(right.replace("蔗区亩均增产0.6吨", "蔗区亩均增产0.5吨"), "V11.txt") == [("N101", "0.5吨", "0.6吨")]
    assert _found(right.replace("蔗区亩均增产0.8吨以上", "蔗区亩均增产0.9吨以上"), "V11.txt") == \
        [("N101", "0.9吨以上", "≥0.8吨")]


def test_a_part_broken_down_again_inside_a_list_of_parts():
    """V07 (安徽 申报表, tab-separated): 年度资金总额 760 = 财政拨款 680 + 上年结转 45 + 其他资金 35, and 财政拨款 680 =
    一般公共预算 520 + 政府性基金 160 (“其中：” again inside the list). The inner parts belong to 财政拨款 as far as they
    add up to it; a part miswritten inside is found on its row; when no run adds up, nothing of the list is checked."""
    text = (COPIED / "V07.txt").read_text("utf-8")
    assert _found(text, "V07.txt") == []
    assert _found(text.replace("其他资金\t35.00", "其他资金\t55.00"), "V07.txt") == \
        [("N612", "760.00", "780.00")]
    # 一般公共预算 620: no run of the inner rows adds up to 财政拨款 680; which rows are whose is unknown.
    assert _found(text.replace("一般公共预算\t520.00", "一般公共预算\t620.00"), "V07.txt") == []


TARGETS_T = COPIED / "targets_t"


@pytest.mark.parametrize("entry", yaml.safe_load((TARGETS_T / "manifest.yaml").read_text("utf-8"))["files"],
                         ids=lambda entry: entry["file"])
def test_a_second_held_out_set_of_project_target_tables_imports(entry):
    """Eight project target tables of eight other provinces (targets_t/manifest.yaml), held out: PDF copies, tabs,
    Markdown with <br> inside cells, a cell a line with nothing between rows, cells between runs of spaces. First
    import, before any change for them: 7 of 8 read (T04, a cell a line, refused), T05 taken for a 整体 table
    (项目名称： and its name apart), the 年度绩效目标 of five left out. Each now: the project's form, its name, the
    hand count of indicators exactly, the first and the last named, its year or a warning."""
    form, result = import_table(TARGETS_T / entry["file"])
    report = result.report
    names = [indicator.name for indicator in report.indicators]
    assert form == "项目" and report.project_name == entry["project"]
    assert len(names) == entry["indicators"] and (names[0], names[-1]) == (entry["first"], entry["last"])
    if entry["year"]:
        assert report.year == entry["year"]
    else:
        assert "没有找到年度" in " ".join(str(warning) for warning in result.warnings)


def test_a_goal_beside_a_medium_term_one_and_a_label_with_its_colon():
    """T03 (陕西, Markdown): 总体目标 | 中期目标（2024—2026年） | 年度目标（2024年） over the two goals — the year's is
    the goal, its <br> a line break; T05 (河北, spaces): 年度绩效目标：  依托…… and 项目名称：  …… with their colons."""
    _, shaanxi = import_table(TARGETS_T / "T03.txt")
    assert shaanxi.report.project_goal.startswith("目标1：新建生态环境自动监测站20个") and "<br>" not in \
        shaanxi.report.project_goal
    _, hebei = import_table(TARGETS_T / "T05.txt")
    assert hebei.report.project_goal.startswith("依托基层医疗卫生机构为城乡高血压")
    assert hebei.report.department == "河北省卫生健康委员会"
