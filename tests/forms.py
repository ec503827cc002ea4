"""A 项目支出绩效自评表 built by hand in the national layout (财政部《项目支出绩效评价管理办法》
财预〔2020〕10号, 附件2 “项目支出绩效自评表”): 项目名称, 主管部门 / 实施单位, the 项目资金 block
(年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分; 年度资金总额, 其中：当年财政拨款, 上年结转资金,
其他资金, their 分值 and 得分 “—”), 年度总体目标 (预期目标 / 实际完成情况), the indicators (一级指标,
二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施), 总分, and the grade.

The figures are a plausible 科技创新券 project, worked out by the national rules:
- 年度资金总额 179.43 of 200 spent: 执行率 89.72 %, 10 × 0.89715 = 8.97;
- 支持企业数 ≥300家, 326家: 20 (capped); 发放创新券金额 ≥200万元, 179.43万元: 179.43 ÷ 200 × 15 = 13.46;
- 兑现办理时限 ≤15个工作日, 12个工作日: 15 ÷ 12 × 5 capped at 5;
- 科技服务机构活跃度 显著提升 (qualitative, reached): 15, in the band 12–15;
- total 8.97 + 20 + 13.46 + 10 + 5 + 15 + 15 + 10 = 97.43, grade 优 (≥ 90).
"""
from __future__ import annotations

from pathlib import Path

WIDTH = 9
TITLE = "项目支出绩效自评表"
YEAR = "（2023年度）"


def conclusion(table: list[list[str]]) -> list[str]:
    """The report's closing words, stating the total and the grade the form gives."""
    (total,) = [row[7] for row in table if row[0] == "总分"]
    (grade,) = [row[1] for row in table if row[0] == "自评等级"]
    return ["三、自评结论", f"该项目自评得分{total}分，自评等级为{grade}。支持企业326家，发放创新券179.43万元。"]


def rows() -> list[list[str]]:
    """The form, one list of WIDTH cells per row; a merged cell repeats its text, as Word shows it."""
    funds = "项目资金（万元）"
    goal = "年度总体目标"
    kpi = "绩效指标"
    return [
        ["项目名称", *["科技创新券补助"] * 8],
        ["主管部门", "常州市科学技术局", "常州市科学技术局", "常州市科学技术局", "实施单位",
         *["常州市科技服务中心"] * 4],
        [funds, funds, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
        [funds, "年度资金总额", "200", "200", "179.43", "10", "89.72%", "8.97", ""],
        [funds, "其中：当年财政拨款", "200", "200", "179.43", "—", "89.72%", "—", ""],
        [funds, "上年结转资金", "0", "0", "0", "—", "", "—", ""],
        [funds, "其他资金", "0", "0", "0", "—", "", "—", ""],
        [goal, "预期目标", "预期目标", "预期目标", "预期目标", "实际完成情况", "实际完成情况", "实际完成情况",
         "实际完成情况"],
        [goal, *["发放科技创新券，支持300家以上中小企业购买研发服务"] * 4,
         *["发放科技创新券179.43万元，支持企业326家"] * 4],
        [kpi, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [kpi, "产出指标", "数量指标", "支持企业数", "≥300家", "326家", "20", "20", ""],
        [kpi, "产出指标", "数量指标", "发放创新券金额", "≥200万元", "179.43万元", "15", "13.46",
         "部分企业未在年内兑现，下年度提前组织兑现"],
        [kpi, "产出指标", "质量指标", "兑现审核合规率", "=100%", "100%", "10", "10", ""],
        [kpi, "产出指标", "时效指标", "兑现办理时限", "≤15个工作日", "12个工作日", "5", "5", ""],
        [kpi, "效益指标", "经济效益指标", "带动企业研发投入", "≥2亿元", "2.36亿元", "15", "15", ""],
        [kpi, "效益指标", "社会效益指标", "科技服务机构活跃度", "显著提升", "显著提升", "15", "15", ""],
        [kpi, "满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "93.5%", "10", "10", ""],
        ["总分", "总分", "总分", "总分", "总分", "总分", "100", "97.43", ""],
        ["自评等级", *["优"] * 8],
    ]


def changed(table: list[list[str]], *changes: tuple[str, int, str]) -> list[list[str]]:
    """The form with cells changed: for each (name, column, value), the row whose cells include
    `name`, at `column` (and the cells after it that were merged with it)."""
    result = [list(row) for row in table]
    for name, column, value in changes:
        (row,) = [row for row in result if name in row]
        old = row[column]
        row[column] = value
        for after in range(column + 1, WIDTH):
            if row[after] != old or not old:
                break
            row[after] = value
    return result


def _mergeable(text: str) -> bool:
    return not any(character.isdigit() for character in text) or len(text) > 12


def write_docx(table: list[list[str]], path: Path, prose: list[str] | None = None) -> Path:
    """A Word file with the form as one ruled table: equal neighbouring labels and texts in a row merged
    across, outside the indicator rows (never two equal figures, such as a 分值 and an 得分 of 20, nor a
    target and a completion that read alike)."""
    return _word(TITLE, table, path, _mergeable, prose or conclusion(table))


def _word(title: str, table: list[list[str]], path: Path, mergeable, prose: list[str]) -> Path:
    """`table` as one ruled Word table under `title` and the year, equal neighbours in a row merged where
    `mergeable` allows (never in the indicator rows), then the `prose` paragraphs."""
    import docx

    width = len(table[0])
    document = docx.Document()
    document.add_paragraph(title)
    document.add_paragraph(YEAR)
    grid = document.add_table(rows=len(table), cols=width)
    grid.style = "Table Grid"
    for r, row in enumerate(table):
        start = 0
        while start < width:
            end = start
            while end + 1 < width and row[end + 1] == row[start] and row[start] \
                    and mergeable(row[start]) and row[0] != "绩效指标":
                end += 1
            cell = grid.cell(r, start) if end == start else grid.cell(r, start).merge(grid.cell(r, end))
            cell.text = row[start]
            start = end + 1
    for text in prose:
        document.add_paragraph(text)
    document.save(path)
    return path


def write_text(table: list[list[str]], path: Path, prose: list[str] | None = None) -> Path:
    lines = [TITLE, YEAR, *("\t".join(row) for row in table), "", *(prose or conclusion(table))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(table: list[list[str]], path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = TITLE
    for number, values in enumerate([[TITLE], [YEAR], *table], start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(number, column, value)
            cell.data_type = "s"  # "=100%" is text on the form, not a formula
    book.save(path)
    return path


TARGET_TITLE = "项目支出绩效目标表"


def target_rows() -> list[list[str]]:
    """The same project's 绩效目标表 as most provinces lay out a one-year project's targets (the national
    申报表 of 财预〔2015〕88号 without its 中期 half): 项目名称; 主管部门 / 实施单位; 项目资金 as label and
    amount (年度资金总额, 其中：财政拨款, 其他资金); 年度总体目标 as one text; the indicators with 指标值
    and 分值. Merged cells repeat their text, as Word shows them."""
    funds = "项目资金（万元）"
    kpi = "绩效指标"
    goal = "发放科技创新券，支持300家以上中小企业购买研发服务"
    return [
        ["项目名称", *["科技创新券补助"] * 5],
        ["主管部门及代码", "常州市科学技术局", "常州市科学技术局", "实施单位", "常州市科技服务中心", "常州市科技服务中心"],
        [funds, "年度资金总额：", "年度资金总额：", "200", "200", "200"],
        [funds, "其中：财政拨款", "其中：财政拨款", "200", "200", "200"],
        [funds, "其他资金", "其他资金", "0", "0", "0"],
        ["年度总体目标", *[goal] * 5],
        [kpi, "一级指标", "二级指标", "三级指标", "指标值", "分值"],
        [kpi, "产出指标", "数量指标", "支持企业数", "≥300家", "20"],
        [kpi, "产出指标", "数量指标", "发放创新券金额", "≥200万元", "15"],
        [kpi, "产出指标", "质量指标", "兑现审核合规率", "=100%", "10"],
        [kpi, "产出指标", "时效指标", "兑现办理时限", "≤15个工作日", "5"],
        [kpi, "效益指标", "经济效益指标", "带动企业研发投入", "≥2亿元", "15"],
        [kpi, "效益指标", "社会效益指标", "科技服务机构活跃度", "显著提升", "15"],
        [kpi, "满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "10"],
    ]


def write_target_docx(path: Path) -> Path:
    """The target form as one ruled table in Word, equal neighbours in a row merged across (but for the
    indicator rows)."""
    return _word(TARGET_TITLE, target_rows(), path, lambda text: True, [])
