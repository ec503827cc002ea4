"""Text tables as copying out of a PDF or a web page leaves them (issue 12): seed 002 and the drafted
example, read from their DOCX and written back as text in each layout of tests/layouts.py, must
read as the DOCX does — the same cells in the same columns, the same figures, links, facts and
findings — although single spaces, line breaks and dropped empty cells kept no trace of the columns."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from narrator.checking.checker import check_document, check_file
from narrator.cli import main
from narrator.sources.layout import align, header_columns
from narrator.sources.read import read_document, read_text

from layouts import LAYOUTS, as_text, cell_rows

SEED_FINDINGS = [("N103", "全面完成", "3项未达成"), ("N102", "24800项", "24900项")]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    path = tmp_path_factory.mktemp("drafted") / "示例.docx"
    assert CliRunner().invoke(main, ["draft", "-o", str(path), "--no-check"]).exit_code == 0
    return path


def _counts(result):
    return result.figures, result.linked, result.facts


# Seed 002 has its two real findings; the drafted example checks clean.
EXPECTED = {"seed_docx": (SEED_FINDINGS, (61, 56, 194)), "drafted": ([], (113, 105, 194))}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_reports_read_the_same_in_every_text_layout(request, tmp_path, source, layout):
    original = request.getfixturevalue(source)
    document = read_document(original)
    path = tmp_path / f"{layout}.txt"
    path.write_text(as_text(document, layout), encoding="utf-8")
    assert [t.rows for t in read_document(path).tables] == cell_rows(document)
    result = check_file(path)
    findings, counts = EXPECTED[source]
    assert [(f.code, f.claimed, f.expected) for f in result.findings] == findings
    assert _counts(result) == _counts(check_file(original)) == counts


def test_a_wrapped_header_and_wrapped_cells_are_joined_back(seed_docx):
    text = as_text(read_document(seed_docx), "blocks")
    # The budget header as the layout writes it: every cell over 12 characters wrapped.
    assert "上年度结转及当年预算追加\n追减数(万元）" in text
    table = read_text(text).tables[0]
    assert table.rows[0][2] == "上年度结转及当年预算追加追减数(万元）"
    assert table.row_lines[:3] == [table.line, table.line + 3, table.line + 5]


def test_dropped_empty_cells_go_back_to_their_columns():
    columns = header_columns(["类别", "指标名称", "指标目标值", "指标完成值", "完成值来源", "偏差情况", "原因分析"])
    assert [column.role for column in columns] == ["level1", "name", "target", "completion", "source", "deviation",
                                                    "reason"]
    # Seed 002's 自评表 rows, their merged 类别 and empty 原因分析 gone.
    assert align(("中长期规划制定健全性", "健全", "健全", "依据本地区发展规划结合本部门工作实际", "0%"), tuple(columns))[1] == \
        ("", "中长期规划制定健全性", "健全", "健全", "依据本地区发展规划结合本部门工作实际", "0%", "")
    assert align(("预算调整率", "=0%", "14.96%", "预算执行实际情况", "100%", "人员变动及政策性调整人员经费"), tuple(columns))[1] == \
        ("", "预算调整率", "=0%", "14.96%", "预算执行实际情况", "100%", "人员变动及政策性调整人员经费")
    budget = header_columns(["项目", "年初预算数", "调整数", "调整预算数", "实际支出数", "执行率"])
    # 专项租赁费 had no 追加追减: the blank is the adjustment, not the initial budget.
    assert align(("专项租赁费", "2.64", "2.64", "2.64", "100.00%"), tuple(budget))[1] == \
        ("专项租赁费", "2.64", "", "2.64", "2.64", "100.00%")


def test_prose_around_a_loose_table_stays_prose():
    text = ("（二）预算执行情况\n\n项目 年初预算数 调整预算数 实际支出数 执行率\n\n预算总金额 545.57 627.17 602.24 96.03%\n\n"
            "全年实际支出 602.24万元，执行率 96.3%。\n\n三、存在的问题\n")
    document = read_text(text, "复制.txt")
    assert [t.rows for t in document.tables] == [[["项目", "年初预算数", "调整预算数", "实际支出数", "执行率"],
                                                  ["预算总金额", "545.57", "627.17", "602.24", "96.03%"]]]
    assert [p.text for p in document.paragraphs][1:] == ["全年实际支出 602.24万元，执行率 96.3%。", "三、存在的问题"]
    result = check_document(document)
    assert [(f.code, f.claimed, f.expected) for f in result.findings] == [("N101", "96.3%", "96.03%")]


# "blocks": a row whose first cell is wrapped (“苏州市双创中心众创空间运 / 营服务 56.5 113”) looks
# like seed 001's own layout, a 重点工作 on the line right above its first indicator (“负责高企管理
# 服务 / 高新技术企业申报材料受理 …”). Both readings are made; the one that places every line wins.
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("number", ["000", "003"])
def test_target_tables_copied_as_text_import_the_same_indicators(tmp_path, layout, number):
    from narrator.sources import read
    from narrator.recognise.targets import import_targets

    from test_import import COUNTS, _seed_docx, _seed_path, _summary

    original = import_targets(_seed_path(number))
    source = _seed_docx(number, tmp_path / "目标表.docx")
    # As a PDF shows a merged cell: once.
    document = read.docx_blocks(read.open_docx(source), str(source), repeat_merged=False)
    path = tmp_path / f"{layout}.txt"
    path.write_text(as_text(document, layout), encoding="utf-8")
    result = import_targets(path)
    assert result.level_counts() == COUNTS[number]
    assert _summary(result.report) == _summary(original.report)
    assert (result.report.unit_name, result.report.year) == (original.report.unit_name, original.report.year)
    assert [(b.name, b.initial, b.half_year_plan) for b in result.report.budget_lines] == \
        [(b.name, b.initial, b.half_year_plan) for b in original.report.budget_lines]
    assert [(f.name, f.amount) for f in result.report.funding] == [(f.name, f.amount) for f in original.report.funding]
    assert result.report.goals == original.report.goals
    # A wrapped line loses the space it broke at, as a PDF's does.
    assert result.report.functions.replace(" ", "") == original.report.functions.replace(" ", "")
    assert result.warnings == original.warnings
