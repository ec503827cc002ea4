"""import --form 项目 (issue 14): a project's 绩效目标表 — or last year's 项目支出绩效自评表, whose targets
are the same — read into the input of `draft --form 项目`, through the shared readers (DOCX, PDF, text,
workbook). The target form is tests/forms.py's, built by hand in the layout most provinces use; the
self-evaluation form is the one narrator drafts for the example project, which the importer did not
shape. Both must give corpus/project_example.yaml's 项目名称, units, goal, funding, indicators,
指标值 and 分值, with every completion left blank."""
from __future__ import annotations

import os
from decimal import Decimal

import pytest
import yaml
from click.testing import CliRunner

from narrator.cli import main
from narrator.sources.load import load_report
from narrator.drafting.render import convert_to_pdf, soffice
from narrator.core.resources import example_path
from narrator.recognise.targets import import_project_targets

import forms
from conftest import full_width
from layouts import LAYOUTS, as_text

EXAMPLE = load_report(example_path(".yaml", project=True))
INDICATORS = [(i.level1, i.level2, i.name, i.target.text, i.weight) for i in EXAMPLE.indicators]
needs_office = pytest.mark.skipif(soffice() is None and not os.environ.get("CI"),
                                  reason="LibreOffice 未安装（CI 中必须安装）")


def _imported(path):
    report = import_project_targets(path).report
    assert (report.project_name, report.department, report.unit_name, report.year, report.project_goal) == (
        "科技创新券补助", "常州市科学技术局", "常州市科技服务中心", 2023, "发放科技创新券，支持300家以上中小企业购买研发服务")
    assert [(i.level1, i.level2, i.name, i.target.text, i.weight) for i in report.indicators] == INDICATORS
    assert all(i.completion.is_empty for i in report.indicators)
    return report


def _funding(report):
    return [(line.name, line.parent, line.initial, line.actual) for line in report.budget_lines]


TARGET_FUNDING = [("年度资金总额", "", Decimal(200), None), ("财政拨款", "年度资金总额", Decimal(200), None),
                  ("其他资金", "年度资金总额", Decimal(0), None)]


@pytest.fixture(scope="module")
def target_docx(tmp_path_factory):
    return forms.write_target_docx(tmp_path_factory.mktemp("project") / "项目目标表.docx")


def test_a_project_target_form_imports(target_docx):
    report = _imported(target_docx)
    assert _funding(report) == TARGET_FUNDING
    assert import_project_targets(target_docx).warnings == []


@pytest.mark.parametrize("variant", ["simplified", "traditional", "full_width"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_target_form_copied_as_text_imports_alike(target_docx, tmp_path, layout, variant):
    """Each text layout of tests/layouts.py: in "blocks" the goal is wrapped over three lines
    (…支持30 / 0家以上中小企业购买研发 / 服务) and must read whole; in "cells" each cell is a line.
    Traditional characters and full-width figures import as the original (names with half-width figures)."""
    import opencc

    from narrator.sources import read

    convert = {"simplified": str, "traditional": opencc.OpenCC("s2t").convert, "full_width": full_width}[variant]
    # A merged cell repeated in each row it covers (as Word copies it), or once (as a PDF shows it).
    for repeat_merged in (True, False):
        document = read.docx_blocks(read.open_docx(target_docx), str(target_docx), repeat_merged=repeat_merged)
        path = tmp_path / f"项目目标表{repeat_merged}.txt"
        path.write_text(convert(as_text(document, layout)), encoding="utf-8")
        assert _funding(_imported(path)) == TARGET_FUNDING


@needs_office
def test_the_target_form_as_pdf_imports_alike(target_docx, tmp_path):
    path = convert_to_pdf(target_docx, tmp_path / "项目目标表.pdf")
    assert _funding(_imported(path)) == TARGET_FUNDING


def test_last_years_self_evaluation_form_imports(tmp_path):
    """The drafted example's form: 年度资金总额 and its three parts, 年初预算数 200 / 200 / 0 / 0."""
    path = tmp_path / "项目自评.docx"
    assert CliRunner().invoke(main, ["draft", "--form", "项目", "-o", str(path), "--no-check"]).exit_code == 0
    report = _imported(path)
    assert _funding(report) == [(line.name, line.parent, line.initial, None) for line in EXAMPLE.budget_lines]


def test_import_fill_draft(tmp_path, monkeypatch, target_docx):
    """The documented workflow: import the target form, fill the completions and spending (here the
    example's), draft: the same form as drafting the example itself, 97.43 and 优."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(target_docx), "--form", "项目"])
    assert result.exit_code == 0, result.output
    assert "科技创新券补助（常州市科技服务中心）2023年度绩效目标：指标 7 项（产出指标 4 项，效益指标 2 项，满意度指标 1 项）。" \
        in result.output
    assert "项目资金：年度资金总额 200 万元。" in result.output
    imported = tmp_path / "科技创新券补助2023年度项目自评输入.xlsx"
    assert imported.is_file()
    assert runner.invoke(main, ["import", str(target_docx), "--form", "项目", "-o", "输入.yaml"]).exit_code == 0
    data = yaml.safe_load((tmp_path / "输入.yaml").read_text(encoding="utf-8"))
    example = yaml.safe_load(example_path(".yaml", project=True).read_text(encoding="utf-8"))
    for row, filled in zip(data["绩效指标"], example["绩效指标"]):
        row["完成值"], row["原因分析"] = filled["完成值"], filled.get("原因分析", "")
    for row in data["预算信息"]:
        row["实际支出数"] = 179.43 if row["年初预算数"] else 0
    data["实际完成情况"], data["改进措施"] = example["实际完成情况"], example["改进措施"]
    (tmp_path / "输入.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(main, ["draft", "输入.yaml", "--form", "项目", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "| 总分 |  |  |  |  | 100 | 97.43 |  |" in result.output and "| 自评等级 | 优 |" in result.output


def test_a_unit_target_table_is_not_a_project_form(tmp_path):
    path = tmp_path / "目标表.txt"
    from conftest import seed_text
    path.write_text(seed_text("000"), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--form", "项目", "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and not (tmp_path / "x.yaml").exists()
    assert "没有找到" in result.output and "Traceback" not in result.output


def test_the_target_form_as_a_workbook_imports_alike(tmp_path):
    path = forms.write_xlsx(forms.target_rows(), tmp_path / "项目目标表.xlsx")
    assert _funding(_imported(path)) == TARGET_FUNDING


def test_the_form_is_recognised_without_being_named(target_docx):
    """A project's target form (here Anhui's 项目支出绩效目标申报表, copied from its public page) is read as
    a project's without --form 项目; a 部门整体 target table (seed 000) stays a 部门整体 one."""
    from pathlib import Path

    from conftest import SEEDS
    from narrator.recognise.targets import detect_form

    anhui = Path(__file__).resolve().parents[1] / "data" / "realworld" / "T05_ah_jinzhai_kaifaqu_wuye_xiangmu_mubiao_2021.txt"
    assert detect_form(anhui) == "项目"
    assert detect_form(target_docx) == "项目"
    (seed,) = SEEDS.glob("000_*.txt")
    assert detect_form(seed) == "整体"


def test_import_without_form_writes_a_project_input(target_docx, tmp_path):
    output = tmp_path / "导入.yaml"
    result = CliRunner().invoke(main, ["import", str(target_docx), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "按栏目识别为项目支出绩效目标表（如不对，请用 --form 指定）。"
    assert load_report(output) == _imported(target_docx)
