"""Hostile and careless input: every case here was a traceback, a hang, a memory blow-up,
lost data or a silent wrong answer before (issue 16). Each asserts the exact Chinese
message a user gets, exit code 2, and that the input is untouched."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from narrator.cli import main
from narrator.core.errors import NarratorError
from narrator.sources.load import load_report
from narrator.core.output import safe_file_name
from narrator.core.resources import example_path
from narrator.sources.save import write_input

EXAMPLE = example_path(".yaml").read_text(encoding="utf-8")


def run(*args: str, cwd: Path | None = None):
    """The CLI in-process, from `cwd`; returns (exit code, everything it printed)."""
    previous = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(previous)
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def example_with(tmp_path: Path, old: str, new: str, name: str = "输入.yaml") -> Path:
    assert old in EXAMPLE
    path = tmp_path / name
    path.write_text(EXAMPLE.replace(old, new, 1), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(NarratorError) as caught:
        load_report(path)
    return str(caught.value)


# ---------------------------------------------------------------- the documented workflow

def test_total_line_with_zero_initial_budget_drafts(tmp_path):
    path = example_with(tmp_path, "{项目: 预算总金额, 年初预算数: 545.57, 调整数: 81.6,",
                        "{项目: 预算总金额, 年初预算数: 0, 调整数: 627.17,")
    code, output = run("draft", str(path), "-o", str(tmp_path / "r.docx"), "--no-check")
    assert code == 0 and (tmp_path / "r.docx").is_file()


def test_an_uncached_formula_names_its_cell(tmp_path):
    path = tmp_path / "输入.xlsx"
    write_input(load_report(), path)
    workbook = openpyxl.load_workbook(path)
    workbook["预算信息"]["C2"] = "=SUM(C3:C4)"  # saved by a program: no cached result
    workbook.save(path)
    assert error_of(path) == (f"文件 {path}，「预算信息」，第 2 行：单元格 C2 是公式“=SUM(C3:C4)”，但文件中没有保存计算结果"
                              "（文件由程序生成、未在 Excel 中打开保存过）。请在 Excel 或 WPS 中打开并保存一次，或把公式改成数值。")


# ---------------------------------------------------------------- inputs are never outputs

def test_draft_refuses_to_overwrite_its_input_even_with_force(tmp_path):
    path = tmp_path / "in.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    renamed = tmp_path / "in.docx"
    os.symlink(path, renamed)  # the same file under another name
    for output in (path, renamed):
        code, output_text = run("draft", str(path), "-o", str(output), "--force", "--no-check")
        assert code == 2 and "就是输入文件本身" in output_text
    assert path.read_text(encoding="utf-8") == EXAMPLE


def test_check_refuses_to_annotate_over_the_report(tmp_path, seed_docx):
    before = seed_docx.read_bytes()
    code, output = run("check", str(seed_docx), "--annotate", str(seed_docx), "--force")
    assert code == 2 and "就是输入文件本身" in output
    assert seed_docx.read_bytes() == before


def test_mine_refuses_to_write_over_a_corpus_file(tmp_path):
    report = tmp_path / "往年.txt"
    text = (Path(__file__).parent.parent / "corpus" / "seeds").glob("002_*.txt").__next__().read_text(encoding="utf-8")
    report.write_text(text, encoding="utf-8")
    code, output = run("mine", str(report), "-o", str(report), "--force")
    assert code == 2 and "就是输入文件本身" in output
    assert report.read_text(encoding="utf-8") == text


def test_output_name_from_the_unit_stays_in_the_folder(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    path = example_with(tmp_path, "单位名称: 苏州市生产力促进中心", "单位名称: ../../逃逸/单位")
    code, output = run("draft", str(path), "--no-check", cwd=work)
    assert code == 0
    assert [p.name for p in work.iterdir()] == ["逃逸_单位2022年度整体支出预算绩效自评报告.docx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work", "输入.yaml"]


def test_a_long_unit_name_gives_a_short_enough_file_name(tmp_path):
    name = "苏州市" * 50
    path = example_with(tmp_path, "单位名称: 苏州市生产力促进中心", f"单位名称: {name}")
    code, output = run("draft", str(path), "--no-check", cwd=tmp_path)
    assert code == 0
    (written,) = tmp_path.glob("*.docx")
    assert len(written.name.encode()) <= 200 and written.name.startswith("苏州市苏州市") and written.suffix == ".docx"


def test_safe_file_name():
    assert safe_file_name('a/b\\c:d*e?f"g<h>i|j.docx') == "a_b_c_d_e_f_g_h_i_j.docx"
    assert safe_file_name("..") == "_"
    assert safe_file_name("../../x") == "x"
    assert safe_file_name("\x00中心.xlsx") == "中心.xlsx"


@pytest.mark.skipif(os.name != "posix", reason="umask is POSIX")
def test_written_files_follow_the_umask(tmp_path):
    previous = os.umask(0o077)
    try:
        code, _ = run("init", str(tmp_path / "私有.yaml"))
    finally:
        os.umask(previous)
    assert code == 0 and (tmp_path / "私有.yaml").stat().st_mode & 0o777 == 0o600


# ---------------------------------------------------------------- formula-safe, deterministic workbooks

def test_text_starting_like_a_formula_stays_text(tmp_path):
    report = load_report()
    report.unit_name = "=HYPERLINK(\"http://x\",\"点我\")"
    report.goals = ["+1+1", "@SUM(A1)", "-2"]
    path = write_input(report, tmp_path / "输入.xlsx")
    sheet = openpyxl.load_workbook(path)["基本信息"]
    cells = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert cells["单位名称"].data_type == "s" and cells["单位名称"].value == report.unit_name
    goals = [row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == "年度目标"]
    assert [(cell.data_type, cell.value) for cell in goals] == [("s", "+1+1"), ("s", "@SUM(A1)"), ("s", "-2")]
    assert load_report(path).unit_name == report.unit_name


def test_workbooks_are_byte_identical(tmp_path):
    first = write_input(load_report(), tmp_path / "一.xlsx")
    second = write_input(load_report(), tmp_path / "二.xlsx")
    assert first.read_bytes() == second.read_bytes()
    # Not only within one second: no clock reading is written at all.
    with zipfile.ZipFile(first) as archive:
        assert {member.date_time for member in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z</dcterms:modified>" in core and "2000-01-01T00:00:00Z</dcterms:created>" in core


# ---------------------------------------------------------------- bounded resources

def test_a_stray_cell_far_away_costs_nothing(tmp_path):
    path = tmp_path / "输入.xlsx"
    write_input(load_report(), path)
    workbook = openpyxl.load_workbook(path)
    workbook["绩效指标"]["XFD1048576"] = " "
    workbook.save(path)
    assert len(load_report(path).indicators) == len(load_report().indicators)


@pytest.mark.parametrize("value, shown", [(".nan", ".nan"), (".inf", ".inf"), ("-.inf", "-.inf"),
                                          ("1.0e-999999999", "1.0e-999999999"),
                                          ("1234567890.12345678901234567890", "1234567890.12345678901234567890")])
def test_absurd_numbers_are_refused_with_their_line(tmp_path, value, shown):
    path = example_with(tmp_path, "年初预算数: 545.57", f"年初预算数: {value}")
    assert error_of(path) == (f"文件 {path}，第 76 行：数值“{shown}”无法处理：应当是普通的有限数值（最多 20 位有效数字，不超过千万亿），"
                              "不能是 .nan、.inf 或科学计数法的极端值。")


def test_yaml_anchor_bomb_is_refused(tmp_path):
    path = tmp_path / "炸弹.yaml"
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path.write_text("\n".join(lines) + "\n单位名称: *a8\n", encoding="utf-8")
    assert error_of(path) == f"文件 {path}，第 1 行：文件使用了 YAML 锚点或别名（& 或 *）。输入文件不需要这种写法，请把内容直接写出来。"


def test_deep_nesting_is_refused_not_a_crash(tmp_path):
    path = tmp_path / "深.yaml"
    path.write_text("单位名称: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    assert error_of(path) == f"文件 {path}，第 1 行：内容嵌套超过 20 层。输入文件最多只有三层（项目 → 列表 → 列名: 值），请检查缩进或括号。"
    code, output = run("draft", str(path), "-o", str(tmp_path / "out.docx"))
    assert code == 2
    assert "内容嵌套超过 20 层" in output and "Traceback" not in output
    assert not (tmp_path / "out.docx").exists()


def _docx_with_part(tmp_path: Path, seed_docx: Path, part: str, size: int) -> Path:
    path = tmp_path / "大部件.docx"
    with zipfile.ZipFile(seed_docx) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            if member.filename != part:
                target.writestr(member, source.read(member.filename))
        target.writestr(part, b" " * size)
    return path


@pytest.mark.parametrize("part", ["word/styles.xml", "customXml/item1.xml"])
def test_oversized_parts_are_refused_before_parsing(tmp_path, seed_docx, part):
    path = _docx_with_part(tmp_path, seed_docx, part, 41 * 1024 * 1024)
    code, output = run("check", str(path))
    assert code == 2
    assert f"文件中的部件 {part} 解压后有 41.0 MB，超过上限 40.0 MB" in output


def test_a_huge_paragraph_is_refused(tmp_path):
    path = tmp_path / "长段.txt"
    path.write_text("全年开展技术经纪人培训7场，" * 15_000 + "\n", encoding="utf-8")
    code, output = run("check", str(path))
    assert code == 2
    assert "第 1 段有 210000 个字，超过了上限 50000 字" in output


# ---------------------------------------------------------------- what used to be tracebacks

@pytest.mark.parametrize("text, words", [
    ("单位名称: \"苏州\\0中心\"", "“单位名称”第 3 个字符是不可见的控制字符（U+0000）"),
    ("单位名称: \"苏州\\x07中心\"", "“单位名称”第 3 个字符是不可见的控制字符（U+0007）"),
    ("单位名称: [甲, 乙]", "“单位名称”应当是一段文字，这里却是列表或“键: 值”"),
    ("单位名称: 甲\n单位名称: 乙", "“单位名称”出现了两次（第一次在第 1 行）"),
])
def test_bad_text_fields(tmp_path, text, words):
    path = tmp_path / "输入.yaml"
    path.write_text(text + "\n年度: 2022\n绩效指标: []\n", encoding="utf-8")
    assert words in error_of(path)


def test_a_lone_surrogate_is_refused(tmp_path):
    path = tmp_path / "输入.json"
    path.write_text('{"单位名称": "苏州\\ud800中心", "年度": 2022, "绩效指标": []}', encoding="utf-8")
    assert "“单位名称”第 3 个字符是不可见的控制字符（U+D800）" in error_of(path)


def test_duplicate_indicator_and_parent_cycle(tmp_path):
    line = "  - {一级指标: 决策, 二级指标: 计划制定, 三级指标: 工作计划制定健全性, 目标值: 健全, 完成值: 健全, 完成值来源: 依据部门工作职责及主管部门统一部署}\n"
    path = example_with(tmp_path, line, line + line)
    assert error_of(path).endswith("三级指标“工作计划制定健全性”在同一个二级指标下出现了两次（另一处为第 21 行/条）。请删去重复的一行，或改成不同的名称。")
    path = example_with(tmp_path, "{项目: 预算总金额, 年初预算数", "{项目: 预算总金额, 上级: 体检经费, 年初预算数")
    assert "“上级”形成了循环：预算总金额 → 体检经费 → 项目支出 → 预算总金额" in error_of(path)


def test_gbk_yaml_is_read(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(EXAMPLE.encode("gb18030"))
    assert load_report(path).unit_name == "苏州市生产力促进中心"


def test_damaged_packages(tmp_path, seed_docx):
    no_body = tmp_path / "无正文.docx"
    with zipfile.ZipFile(seed_docx) as source, zipfile.ZipFile(no_body, "w") as target:
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename == "word/document.xml":
                data = data[:data.index(b"<w:body>")] + b"</w:document>"
            target.writestr(member, data)
    code, output = run("check", str(no_body))
    assert code == 2 and "Word 文件已损坏，无法读取" in output and "没有 <w:body>" in output
    workbook = tmp_path / "坏.xlsx"
    write_input(load_report(), workbook)
    damaged = tmp_path / "坏2.xlsx"
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(damaged, "w") as target:
        for member in source.infolist():
            target.writestr(member, b"<garbage" if member.filename == "xl/worksheets/sheet1.xml"
                            else source.read(member.filename))
    assert "这不是有效的 Excel 工作簿" in error_of(damaged)
    encrypted = tmp_path / "加密.xlsx"
    encrypted.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
    assert "这个 Excel 文件设置了打开密码" in error_of(encrypted)


def test_a_damaged_grid_span_is_read_as_one_column(tmp_path, seed_docx):
    document = docx.Document(str(seed_docx))
    from docx.oxml.ns import qn

    cell = document.tables[0].rows[0].cells[0]._tc
    span = cell.get_or_add_tcPr().makeelement(qn("w:gridSpan"), {qn("w:val"): "abc"})
    cell.get_or_add_tcPr().append(span)
    path = tmp_path / "跨列.docx"
    document.save(str(path))
    code, output = run("check", str(path))
    assert code in (0, 1) and "正文数字" in output


def test_an_unwritable_output_folder_is_a_clear_error(tmp_path):
    code, output = run("init", "/proc/self/输入.yaml")
    assert code == 2 and "无法写出文件" in output


def test_an_output_that_is_a_folder(tmp_path):
    code, output = run("draft", "-o", str(tmp_path), "--no-check")
    assert code == 2 and f"文件 {tmp_path}：这是一个文件夹。请给出文件名，例如 {tmp_path}/输出.docx。" in output


@pytest.mark.parametrize("args, words", [
    (["draft", "--bogus"], "没有“--bogus”这个选项。运行“narrator draft --help”查看用法。"),
    (["draft", "--format", "pdf"], "选项 --format的值“pdf”不对：只能是 docx、md 之一。"),
    (["check"], "缺少参数 报告…。"),
    (["check", "x.docx", "--jobs", "0"], "选项 --jobs的值“0”不对：应当是不小于 1 的整数。"),
    (["frobnicate"], "没有“frobnicate”这个命令。"),
    (["draft", "--templates", "/没有这个目录"], "找不到这个文件夹"),
    (["draft", "--patterns", "/没有这个文件.yaml"], "找不到这个文件"),
    (["serve", "--templates", "/没有这个目录"], "找不到这个文件夹"),
    (["serve", "--patterns", "/没有这个文件.yaml"], "找不到这个文件"),
])
def test_usage_errors_are_in_chinese(args, words):
    code, output = run(*args)
    assert code == 2 and words in output


@pytest.mark.parametrize("template, words", [
    ("{{ 1/0 }}", "ZeroDivisionError"),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "宏或循环调用自身过深"),
    ("{{ 10**(10**10) }}", "模板中的运算“** 10000000000”结果太大"),
    ("{{ 'x' * 10**9 }}", "模板中的运算“* 1000000000”结果太大"),
    ("{% for i in range(100000) %}{% for j in range(100) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}",
     "模板生成的文字超过了上限 5000000 字"),
])
def test_template_runtime_errors(tmp_path, template, words):
    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "report.j2").write_text(template, encoding="utf-8")
    code, output = run("draft", "--templates", str(folder), "--format", "md", "--no-check")
    assert code == 2 and words in output


def test_malformed_word_list_and_table_settings(tmp_path):
    patterns = tmp_path / "词表.yaml"
    patterns.write_text("statements: 5\n", encoding="utf-8")
    code, output = run("draft", "--patterns", str(patterns), "--format", "md", "--no-check")
    assert code == 2 and "词表文件的格式不对：“statements”应当是列表" in output
    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "tables.yaml").write_text("budget: {columns: [甲]}\n", encoding="utf-8")
    code, output = run("draft", "--templates", str(folder), "--format", "md", "--no-check")
    assert code == 2 and "“budget”的 columns 应当是 6 个表头文字" in output


def test_an_unexpected_error_is_logged_not_printed(monkeypatch):
    import narrator.core.evaluate

    def broken(report):
        raise RuntimeError("内部故障")

    monkeypatch.setattr(narrator.core.evaluate, "evaluate", broken)
    code, output = run("evaluate")
    assert code == 2 and "narrator 内部出错（RuntimeError）" in output
    log = output.split("详细信息已写入 ")[1].split("。")[0]
    text = Path(log).read_text(encoding="utf-8")
    assert "Traceback" in text and "内部故障" in text
    Path(log).unlink()


def test_an_unreadable_file_in_a_mined_folder_is_skipped(tmp_path):
    folder = tmp_path / "语料"
    folder.mkdir()
    (folder / "坏.txt").write_bytes(b"\xff\xfe\xfd" * 100)
    seed = next((Path(__file__).parent.parent / "corpus" / "seeds").glob("002_*.txt"))
    (folder / "好.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    code, output = run("mine", str(folder), "-o", str(tmp_path / "词表.yaml"))
    assert code == 0 and "跳过——文件" in output and "无法识别文字编码" in output
    assert "读取报告 1 份（跳过 1 个文件）" in output


def test_the_one_error_type_crosses_a_worker_process_whole_and_names_an_upload_not_its_copy():
    import pickle

    error = NarratorError("report_empty", file="/tmp/narrator-web-x/报告.txt")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.code, copy.file, str(copy)) == (NarratorError, "report_empty",
                                                             "/tmp/narrator-web-x/报告.txt", str(error))
    cleaned = error.with_paths(lambda text: text.replace("/tmp/narrator-web-x/", ""))
    assert str(cleaned) == str(error).replace("/tmp/narrator-web-x/", "")
    assert str(cleaned).startswith("文件 报告.txt：")


def test_warnings_carry_their_message_key_like_errors():
    """A warning prints as the sentence it is, and says which kind it is (the key it was worded from)."""
    import pickle

    from narrator.api import import_targets

    result = import_targets(Path(__file__).resolve().parent / "data" / "realworld"
                            / "T03_fj_ningde_dangshifangzhi_zhengti_mubiao_2019.txt")
    codes = [warning.code for warning in result.warnings]
    assert (codes.count("import_unplaced"), codes[-1]) == (8, "import_cut_off")
    assert result.warnings[-1] == "第 43 行：表格到此中断，这一行不完整，无法读出，未导入：“成本指标 基本支出”；其后的内容原文中没有。"
    assert pickle.loads(pickle.dumps(result.warnings[-1])).code == "import_cut_off"
