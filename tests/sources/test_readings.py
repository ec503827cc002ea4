"""The readings of copied text the recognisers try (sources/readings.py), on real text: a province's target
table copied from its web page (pipes, traditional characters) and a form copied one cell per line."""
from __future__ import annotations

from pathlib import Path

from narrator.sources import read, readings

DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_web_pages_pipe_table_is_read_row_by_row_with_its_lines():
    text = read.read_text_file(DATA / "realworld" / "T02_hn_yueyanglouqu_jiagerenzheng_zhengti_mubiao_2023.txt")
    document = readings.rows_document(text, "T02.txt")
    assert (len(document.paragraphs), len(document.tables)) == (10, 12)
    header, first = document.tables[5], document.tables[6]
    assert [cell.strip() for cell in header.rows[0]][:5] == ["一級指標", "二級指標", "三級指標", "指標值類型", "*指標值"]
    assert [cell.strip() for cell in first.rows[0]][2:5] == ["業務工作支出安排金額", "定量", "28.8萬元"]
    assert (header.row_lines, first.row_lines) == ([14], [15])
    # the text has no rows between blank lines, so there is no reading of wrapped first cells
    assert readings.rows_document(text, wrapped_first_cells=True) is None


def test_rows_between_blank_lines_are_read_as_cells_one_per_line():
    text = "项目名称\n科技创新券补助\n\n一级指标\n二级指标\n三级指标\n指标值\n\n产出指标\n数量指标\n支持企业数\n≥300家\n"
    document = readings.rows_document(text)
    assert [(block.rows, block.row_lines) for block in document.tables] == [
        ([["项目名称", "科技创新券补助"]], [1]), ([["一级指标", "二级指标", "三级指标", "指标值"]], [4]),
        ([["产出指标", "数量指标", "支持企业数", "≥300家"]], [9])]
    assert [(block.text, block.line) for block in document.paragraphs] == [("", 3), ("", 8), ("", 13)]
    # the form reader's regrouping of the report reader's lines: each run of lines one row
    tables = readings.block_tables(read.read_text("项目名称\n科技创新券补助\n\n主管部门\n常州市科学技术局\n", "x.txt"))
    assert [(table.rows, table.row_lines) for table in tables] == [([["项目名称", "科技创新券补助"]], [2]),
                                                                    ([["主管部门", "常州市科学技术局"]], [5])]


def test_a_wrapped_cell_goes_on_only_where_the_caller_says():
    document = read.read_text("年度总体目标 支持30\n0家以上企业\n— 1 —\n", "x.txt")
    joined = readings.line_tables(document, lambda row, text: row[0] == "年度总体目标")
    assert [(table.rows, table.row_lines) for table in joined] == [([["年度总体目标", "支持300家以上企业"]], [2])]
    apart = readings.line_tables(document, lambda row, text: False)
    assert [table.rows for table in apart] == [[["年度总体目标", "支持30"]], [["0家以上企业"]]]
