"""Input from YAML, JSON and Excel; bad input gets a Chinese message naming the place."""
import hashlib
import json
import shutil
from pathlib import Path
from decimal import Decimal

import openpyxl
import pytest
from click.testing import CliRunner

from narrator.cli import main
from narrator.core.errors import NarratorError
from narrator.sources.load import load_report, report_from_mapping
from narrator.sources.save import report_to_mapping, write_input


def test_example_loads_completely(example_yaml):
    report = load_report(example_yaml)
    assert (report.unit_name, report.year) == ("苏州市生产力促进中心", 2022)
    assert (len(report.indicators), len(report.budget_lines), len(report.key_tasks)) == (54, 8, 10)
    assert (len(report.goals), len(report.problems), len(report.measures)) == (10, 2, 2)
    assert [line.parent for line in report.budget_lines] == ["", "预算总金额", "预算总金额"] + ["项目支出"] * 5
    assert [task.duty for task in report.key_tasks] == [
        "负责产学研合作", "负责产学研合作", "负责成果转化", "负责成果转化", "负责创新创业服务",
        "负责高企管理服务", "负责高企管理服务", "负责研发公共服务", "负责研发公共服务", "负责研发公共服务"]
    deal = next(i for i in report.indicators if i.name == "全市技术合同成交额")
    assert (deal.level2, deal.key_work, deal.target.value, deal.completion.value) == (
        "负责成果转化", "技术合同认定", Decimal(660), Decimal("868.78"))


def test_default_input_is_the_example(example_yaml):
    assert load_report(None) == load_report(example_yaml)


def test_workbook_equals_yaml(example_yaml, example_xlsx):
    assert load_report(example_xlsx) == load_report(example_yaml)


def test_json_equals_yaml(example_yaml, tmp_path):
    report = load_report(example_yaml)
    data = report_to_mapping(report)
    path = tmp_path / "input.json"
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    assert load_report(path) == report


def test_written_yaml_and_workbook_load_back(example_yaml, tmp_path):
    report = load_report(example_yaml)
    for name in ("again.yaml", "again.xlsx"):
        write_input(report, tmp_path / name)
        assert load_report(tmp_path / name) == report


def test_defaults_adjustment_zero_and_computed_adjusted_budget():
    report = report_from_mapping({"单位名称": "甲单位", "年度": 2023,
                                  "绩效指标": [{"三级指标": "培训场次", "目标值": "≥5场"}],
                                  "预算信息": [{"项目": "预算总金额", "年初预算数": "100.5"}]})
    line = report.budget_lines[0]
    assert (line.adjustment, line.adjusted, line.adjusted_budget) == (Decimal(0), None, Decimal("100.5"))
    assert report.indicators[0].completion.is_empty


def test_percent_cell_in_workbook(example_xlsx, tmp_path):
    path = tmp_path / "percent.xlsx"
    shutil.copy(example_xlsx, path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["绩效指标"]
    cell = sheet.cell(row=29, column=8)  # 预算执行率 完成值
    cell.value, cell.number_format = 0.9603, "0.00%"
    workbook.save(path)
    report = load_report(path)
    assert report.indicators[27].name == "预算执行率"
    assert report.indicators[27].completion.text == "96.03%"


def _error(path) -> str:
    with pytest.raises(NarratorError) as caught:
        load_report(path)
    return str(caught.value)


def _yaml(tmp_path, text):
    path = tmp_path / "输入.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file(tmp_path):
    assert _error(tmp_path / "无.yaml") == f"文件 {tmp_path / '无.yaml'}：找不到这个文件。请检查路径和文件名是否正确。"


def test_unknown_extension(tmp_path):
    path = tmp_path / "输入.docx"
    path.write_bytes(b"x")
    assert "不认识扩展名“.docx”" in _error(path)


def test_unparsable_target_names_row_and_column(tmp_path):
    path = _yaml(tmp_path, "单位名称: 甲\n年度: 2023\n绩效指标:\n  - 三级指标: 培训\n    目标值: \"≥五十场\"\n"
                           "  - 三级指标: 会议\n    目标值: \"≥4场次场\"\n")
    assert _error(path) == (f"文件 {path}，「绩效指标」第 2 条，第 6 行，「目标值」列：无法识别目标值“≥4场次场”。"
                            "请写成比较符号加数值和单位，例如“≥660亿元”“=100%”“≤1天”，或写定性目标，例如“健全”“有序推进”。")


def test_number_in_text_column(tmp_path):
    path = _yaml(tmp_path, "单位名称: 甲\n年度: 2023\n绩效指标:\n  - {三级指标: 123, 目标值: 健全}\n")
    assert "「三级指标」列：“三级指标”应当是文字，这里却是数字 123" in _error(path)


def test_missing_required_column(tmp_path):
    path = _yaml(tmp_path, "单位名称: 甲\n年度: 2023\n绩效指标:\n  - {三级指标: 培训}\n")
    assert _error(path).endswith("第 4 行，「目标值」列：缺少必填项“目标值”。")


def test_a_blank_required_number_is_missing_not_a_crash(tmp_path):
    path = _yaml(tmp_path, "单位名称: 甲\n年度: 2023\n绩效指标: []\n预算信息:\n  - {项目: 预算总金额, 年初预算数: \" \", 实际支出数: 5}\n")
    assert _error(path).endswith("「年初预算数」列：缺少必填项“年初预算数”。")


def test_unknown_key_is_named(tmp_path):
    path = _yaml(tmp_path, "单位名称: 甲\n年度: 2023\n绩效指表: []\n")
    assert "不认识的项目“绩效指表”" in _error(path)


def test_unquoted_comparator_explains_quoting(tmp_path):
    path = _yaml(tmp_path, "单位名称: 甲\n年度: 2023\n绩效指标:\n  - {三级指标: 培训, 目标值: >=5场}\n")
    assert "请用英文引号括起来" in _error(path)


def test_budget_number_expected_and_unknown_parent(tmp_path):
    path = _yaml(tmp_path, "单位名称: 甲\n年度: 2023\n预算信息:\n  - {项目: 合计, 年初预算数: 一百}\n")
    assert "「年初预算数」列：“年初预算数”应当是数字（单位：万元），这里是“一百”" in _error(path)
    path = _yaml(tmp_path, "单位名称: 甲\n年度: 2023\n预算信息:\n  - {项目: 基本支出, 上级: 总额, 年初预算数: 1}\n")
    assert "「预算信息」第 1 条" in _error(path) and "上级项目“总额”在这张表中不存在" in _error(path)


def test_workbook_missing_sheet_and_column(example_xlsx, tmp_path):
    path = tmp_path / "坏.xlsx"
    workbook = openpyxl.load_workbook(example_xlsx)
    del workbook["绩效指标"]
    workbook.save(path)
    assert "缺少工作表“绩效指标”" in _error(path)
    workbook = openpyxl.load_workbook(example_xlsx)
    workbook["绩效指标"].cell(row=1, column=6).value = "目标"
    workbook.save(path)
    assert _error(path).startswith(f"文件 {path}，「绩效指标」，第 1 行，「目标值」列：工作表缺少列“目标值”。")


def test_workbook_bad_cell_names_sheet_row_column(example_xlsx, tmp_path):
    path = tmp_path / "坏.xlsx"
    workbook = openpyxl.load_workbook(example_xlsx)
    workbook["绩效指标"].cell(row=5, column=6).value = "≥≥5"
    workbook.save(path)
    assert _error(path).startswith(f"文件 {path}，「绩效指标」，第 5 行，「目标值」列：无法识别目标值“≥≥5”")


def test_not_a_workbook(tmp_path):
    path = tmp_path / "假.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    assert "这不是有效的 Excel 工作簿" in _error(path)


def test_cli_error_exit_2_without_traceback_and_input_untouched(tmp_path):
    path = _yaml(tmp_path, "单位名称: 甲\n年度: 二〇二三\n")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = CliRunner().invoke(main, ["evaluate", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "“年度”应当是四位数的年份" in result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_cli_evaluate_prints_the_table():
    result = CliRunner().invoke(main, ["evaluate"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "苏州市生产力促进中心  2022年度  绩效指标 54 项"
    row = next(line for line in lines if "全市技术合同成交额" in line).split()
    assert row == ["履职", "全市技术合同成交额", ">=660亿元", "868.78亿元", "31.63%", "超额完成"]
    assert "预算调整率 14.96%" in lines
    assert lines[-1] == "达成 42 项，超额完成 9 项，未达成 3 项，待补充 0 项"


@pytest.mark.parametrize("name", ["模板.xlsx", "模板.yaml"])
def test_init_writes_a_starter_that_loads(tmp_path, name):
    path = tmp_path / name
    result = CliRunner().invoke(main, ["init", str(path)])
    assert result.exit_code == 0, result.output
    report = load_report(path)
    assert (len(report.indicators), len(report.budget_lines), len(report.key_tasks)) == (1, 1, 1)
    assert report.indicators[0].target.text == ">=10500家"
    again = CliRunner().invoke(main, ["init", str(path)])
    assert again.exit_code == 2 and "输出文件已存在" in again.output
    assert CliRunner().invoke(main, ["init", str(path), "--force"]).exit_code == 0


def test_init_into_missing_folder(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "无" / "a.xlsx")])
    assert result.exit_code == 2 and "输出文件所在的文件夹不存在" in result.output
    assert not (tmp_path / "无").exists()


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.output.strip() == "narrator 0.1.0"


def test_a_report_is_read_from_its_bytes_as_from_its_file(tmp_path):
    """An upload or a draft not yet written: the same document, named as it came, nothing written to disk."""
    from narrator.api import check
    from narrator.api import draft as draft_report
    from narrator.sources.read import read_document

    data = draft_report(Path(__file__).resolve().parents[2] / "corpus" / "example.yaml").data
    written = tmp_path / "草稿.docx"
    written.write_bytes(data)
    from_file, from_bytes = read_document(written), read_document(data, "草稿.docx")
    assert from_bytes.blocks == from_file.blocks and from_bytes.file == "草稿.docx"
    assert len(from_bytes.tables) == 3 and from_bytes.paragraphs[0].text == "苏州市生产力促进中心"
    result = check(data, name="草稿.docx")
    assert (result.file, result.figures, result.linked, result.findings) == ("草稿.docx", 113, 105, [])
    text = "全年举办培训7场，满意度为100%。".encode("gb18030")
    assert read_document(text, "报告.txt").paragraphs[0].text == "全年举办培训7场，满意度为100%。"
    with pytest.raises(NarratorError) as refused:
        read_document(b"PK\x03\x04 not a zip", "上传.docx")
    assert str(refused.value).startswith("文件 上传.docx：")


def test_a_docx_table_reads_merged_cells_and_leaves_a_table_inside_a_cell_out(tmp_path):
    """Cells merged across and down repeat their text (or stand blank for the importer); a table inside a cell is no
    row of the outer one, whose cell keeps its own paragraph."""
    import docx

    from narrator.sources.read import read_document

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for row in range(3):
        for column in range(3):
            table.cell(row, column).text = f"行{row}列{column}"
    inner = table.cell(1, 1).add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "内表"
    inner.cell(1, 1).text = "99万元"
    table.cell(2, 0).merge(table.cell(2, 1))
    table.cell(0, 2).merge(table.cell(1, 2))
    path = tmp_path / "嵌套.docx"
    document.save(str(path))
    (read,) = read_document(path).tables
    assert read.rows == [["行0列0", "行0列1", "行0列2\n行1列2"], ["行1列0", "行1列1", "行0列2\n行1列2"],
                         ["行2列0\n行2列1", "行2列0\n行2列1", "行2列2"]]
