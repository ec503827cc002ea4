"""The self-evaluation against the approved 绩效目标表 of the same unit and year (check --targets).

Each seed target table is imported, drafted into a self-evaluation DOCX (its table read back by the
checker) and compared with the table it came from: no difference. Then targets are changed by a script
the way a unit that missed them might (a target lowered with its comparator, an indicator dropped, a
comparator flipped, an indicator renamed, a unit changed): each is found once, on its row, naming both
documents. A target table of another unit or year is refused, not compared."""
from __future__ import annotations

import copy
import subprocess
import sys

import pytest

from narrator.checking.across import differences, pair
from narrator.checking.checker import check_file
from narrator.drafting.compose import compose
from narrator.core.errors import NarratorError
from narrator.core.evaluate import evaluate
from narrator.core.quantity import parse_quantity
from narrator.drafting.render import docx_bytes
from narrator.recognise.targets import import_table

from conftest import SEEDS


def seed(number: str):
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path

ACROSS = {"N701", "N702", "N703", "N704", "N705", "N706"}


def _drafted(report, tmp_path, name="自评报告.docx"):
    path = tmp_path / name
    path.write_bytes(docx_bytes(compose(evaluate(report))))
    return path


@pytest.mark.parametrize("number", ["000", "003"])
def test_a_self_evaluation_drafted_from_its_approved_table_has_no_difference(tmp_path, number):
    approved = seed(number)
    report = import_table(approved)[1].report
    result = check_file(_drafted(report, tmp_path), approved=approved)
    assert not result.error
    assert [f for f in result.findings if f.code in ACROSS] == []


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    approved = seed("003")
    report = copy.deepcopy(import_table(approved)[1].report)
    named = {indicator.name: indicator for indicator in report.indicators}
    named["净增高新技术企业超600家"].target = parse_quantity("=500家")
    named["服务对象满意度"].target = parse_quantity("=90%")
    named["纪检监察工作有效性"].name = "纪检监察工作开展有效性"
    report.indicators = [i for i in report.indicators if i.name != "新增省“双创人才”（创新类）"]
    return approved, _drafted(report, tmp_path_factory.mktemp("changed"))


def test_each_planted_change_is_found_once_on_its_row(changed):
    approved, path = changed
    result = check_file(path, approved=approved)
    found = [(f.code, f.severity, f.claimed, f.expected, f.location.table, f.location.row)
             for f in result.findings if f.code in ACROSS]
    assert found == [
        ("N706", "warning", "纪检监察工作开展有效性", "纪检监察工作有效性", 3, 32),
        ("N703", "error", "=500家", "≥600家", 3, 33),
        ("N704", "error", "=90%", "≥90%", 3, 35),
        ("N701", "error", "—", "≥25名", None, None),
    ]
    assert [f for f in result.findings if f.code not in ACROSS] == []
    messages = [f.message for f in result.findings]
    assert messages[1] == ("“净增高新技术企业超600家”的目标值在批复的绩效目标表（003_863dd5c144f16397.txt 第 77 行）"
                           "中为“≥600家”，自评表改为“=500家”，调低了。")
    assert messages[3] == ("批复的绩效目标表（003_863dd5c144f16397.txt 第 78 行）中的指标“新增省“双创人才”（创新类）”"
                           "（目标值 ≥25名）在自评表中没有。")


def test_the_cli_names_the_change_and_exits_1(changed):
    approved, path = changed
    run = subprocess.run([sys.executable, "-m", "narrator", "check", str(path), "--targets", str(approved)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "N704 错误 表3第35行「指标目标值」列：“服务对象满意度”的目标值在批复的绩效目标表" in run.stdout
    assert "Traceback" not in run.stderr


def test_a_unit_changed_and_an_indicator_added():
    approved = import_table(seed("003"))[1].report.indicators
    reported = copy.deepcopy(approved)
    reported[-4].target = parse_quantity("≥600项")  # 净增高新技术企业超600家: 家 → 项
    extra = copy.deepcopy(reported[-1])
    extra.name = "政策知晓率"
    reported.append(extra)
    assert [(d.kind, (d.approved or d.reported).name) for d in differences(reported, approved)] == [
        ("unit", "净增高新技术企业超600家"), ("added", "政策知晓率")]


def test_the_same_target_in_another_unit_of_its_kind_is_no_change():
    approved = import_table(seed("003"))[1].report.indicators
    reported = copy.deepcopy(approved)
    satisfaction = next(i for i in reported if i.name == "服务对象满意度")
    assert satisfaction.target.text == "≥90%"
    budget = copy.deepcopy(approved[0])
    budget.target = parse_quantity("≥1.1万亿元")
    other = copy.deepcopy(approved[0])
    other.target = parse_quantity("≥11000亿元")
    assert differences([budget], [other]) == []


def test_names_pair_exactly_first_then_by_likeness():
    approved = import_table(seed("003"))[1].report.indicators
    reported = copy.deepcopy(approved)
    reported[0].name = reported[0].name + "情况"
    pairs = pair(list(reversed(reported)), approved)
    assert [(a.name, r.name) for a, r in pairs][:2] == [(approved[0].name, approved[0].name + "情况"),
                                                         (approved[1].name, approved[1].name)]
    assert all(a is not None and r is not None for a, r in pairs)


def test_a_table_of_another_year_or_unit_is_refused(tmp_path):
    # Seed 002 is 苏州市生产力促进中心's 2022 report; seed 001 its 2025 target table.
    with pytest.raises(NarratorError) as refused:
        check_file(seed("002"), approved=seed("001"))
    assert str(refused.value) == (
        f"文件 {seed('001')}：这份绩效目标表是 2025 年度的，而报告 {seed('002')} 是 2022 年度的，不作比较。"
        "请给出同一年度的绩效目标表。")
    draft = _drafted(import_table(seed("003"))[1].report, tmp_path)
    run = subprocess.run([sys.executable, "-m", "narrator", "check", str(draft), "--targets", str(seed("000"))],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "这份绩效目标表是“苏州市科技服务中心”的，而报告" in run.stdout + run.stderr
    assert "是“常州市科学技术局”的，不作比较。请给出同一单位的绩效目标表。" in run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_explain_sets_each_approved_target_beside_the_reported_one(changed):
    from narrator.checking.reporters import explain_report, target_comparison

    approved, path = changed
    result = check_file(path, approved=approved)
    compared = {item["name"]: (item["approved"], item["reported"], item["change"]) for item in target_comparison(result)}
    assert len(compared) == 35
    assert compared["净增高新技术企业超600家"] == ("≥600家", "=500家", "目标值改动")
    assert compared["新增省“双创人才”（创新类）"] == ("≥25名", "—", "自评表中没有")
    assert compared["纪检监察工作有效性"] == ("有效", "有效", "改名为“纪检监察工作开展有效性”")
    assert compared["预算执行率"] == ("=100%", "=100%", "一致")
    assert "  服务对象满意度：批复 ≥90%，自评表 =90%（比较方式改动）" in explain_report(result).splitlines()


def test_a_folder_of_target_tables_pairs_each_report_with_its_own(changed, tmp_path):
    """In batch, each report meets the table of its unit and year; one with none is said to have none
    (N707), a table no report used is named, and a file of the folder that is no target table is skipped
    with its reason."""
    import shutil

    approved, planted = changed
    tables = tmp_path / "目标表"
    tables.mkdir()
    for number in ("000", "003", "002"):  # 002 is a report, not a target table
        shutil.copy(seed(number), tables)
    reports = tmp_path / "报告"
    reports.mkdir()
    shutil.copy(planted, reports / "常州市科学技术局2024.docx")
    shutil.copy(seed("002"), reports / "苏州市生产力促进中心2022.txt")
    run = subprocess.run([sys.executable, "-m", "narrator", "check", *sorted(map(str, reports.iterdir())),
                          "--targets", str(tables), "--format", "json"], capture_output=True, text=True)
    assert run.returncode == 1
    import json

    first, second = json.loads(run.stdout)
    assert [f["code"] for f in first["findings"] if f["code"].startswith("N7")] == ["N706", "N703", "N704", "N701"]
    assert [f["code"] for f in second["findings"] if f["code"].startswith("N7")] == ["N707"]
    assert "以下绩效目标表没有同一单位、同一年度的报告与之对照：" + str(tables / seed("000").name) in run.stderr
    assert f"文件 {tables / seed('002').name}：没有找到绩效指标行" in run.stderr
    assert "（这个文件不作为绩效目标表。）" in run.stderr
