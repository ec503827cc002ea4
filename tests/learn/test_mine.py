"""narrator mine: what it learns from the seeds, and how drafting uses it.

Seed 002's prose holds 61 figures with a unit (counted by hand once; the checker's
extractor finds the same 61, tests/checking/test_check.py). Three carry no object a frame can be
built on: 推荐上报2086家 (twice: the object is implied) and 连续4年 (a duration).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from narrator.cli import main
from narrator.drafting.compose import Paragraph, compose
from narrator.drafting.language import Language
from narrator.core.evaluate import evaluate
from narrator.sources.load import load_report
from narrator.learn.mine import mine, render
from narrator.core.model import Indicator
from narrator.core.quantity import format_value, parse_quantity
from narrator.core.resources import data_path

from conftest import SEEDS, seed_text

SEED_002 = next(SEEDS.glob("002_*.txt"))


@pytest.fixture(scope="module")
def corpus():
    return mine([SEEDS])


@pytest.fixture(scope="module")
def patterns(corpus):
    return corpus.patterns()


def _statement(patterns, frame):
    (entry,) = [p for p in patterns["statements"] if p["frame"] == frame]
    return entry


def test_seed_002_numeric_statements_against_the_hand_count():
    result = mine([SEED_002])
    assert result.figures == 61
    assert result.recognised == 58
    assert result.unrecognised == ["向省认定机构推荐上报2086家", "连续4年获得“江苏省技术转移工作先进集体”、“江苏省技术市场先进集体”",
                                   "向省认定机构推荐上报2086家"]


def test_shipped_corpus_yields_the_shipped_lexicon(corpus):
    assert [Path(d).name for d in corpus.documents] == ["001_2e5ff00dc7c575ac.txt", "002_98fcc12b36c2cf12.txt"]
    assert (corpus.sentences, corpus.figures, corpus.recognised) == (101, 64, 59)
    counts = {kind: len(entries) for kind, entries in corpus.patterns().items()}
    assert counts == {"statements": 34, "passages": 31, "measures": 9, "problems": 2, "improvements": 10}
    # lexicon/patterns.yaml is exactly what `narrator mine corpus/seeds` writes: same corpus, same bytes.
    assert (data_path("lexicon") / "patterns.yaml").read_text(encoding="utf-8") == render(corpus)


def test_frames_verbs_heads_and_measure_words(patterns):
    organised = _statement(patterns, "全年累计组织{数值}{量词}{对象}")
    assert (organised["verb"], organised["head"], organised["measure"], organised["example"]) == (
        "组织", "活动", "场", "全年累计组织16场形式多样的国内外产学研活动")
    turnover = _statement(patterns, "{对象}{数值}{单位}，同比增长{比率}")
    assert (turnover["head"], turnover["measure"], turnover["count"], turnover["example"]) == (
        "成交额", "亿元", 2, "成交额868.78亿元，同比增长38.9%")
    assert _statement(patterns, "全年举办{对象}{数值}{量词}")["head"] == "会议"
    goal = [p for p in patterns["passages"] if p["frame"] == "{对象}达{数值}{单位}"]
    assert [(p["passage"], p["example"]) for p in goal] == [("预期目标", "全市技术合同成交额达660亿元")]
    assert patterns["measures"]["场"] == {"verbs": {"培训": 3, "组织": 3, "举办": 2, "对接": 1},
                                         "heads": {"活动": 4, "技术经纪人": 3, "会议": 2}}
    # Ranked by count: the most frequent frame first.
    assert [p["count"] for p in patterns["statements"]] == sorted((p["count"] for p in patterns["statements"]), reverse=True)


def test_problem_and_measure_sentences_have_slots(patterns):
    assert patterns["problems"][0] == {
        "sentence": "预算绩效管理工作时间紧、任务重、专业性强，{单位}的预算绩效存在一些不足之处需要完善。",
        "slots": ["单位"], "count": 1, "source": "002_98fcc12b36c2cf12.txt"}
    assert patterns["improvements"][0]["sentence"] == "不断完善预算绩效，提高部门预算编制质量。"
    assert "规范{单位}预算管理" in patterns["improvements"][4]["sentence"]  # 我局 became the slot


# ---------------------------------------------------------------- drafting with what was mined

def test_drafted_verb_comes_from_the_corpus(tmp_path):
    meeting = Indicator(name="科技镇长团各类会议", target=parse_quantity("≥4场"), completion=parse_quantity("6场"))
    # 举办 is the verb seed 002 uses with 会议 in 场 (“全年举办各类科技镇长团会议6场”); the mined frame's
    # other words (全年) are not carried over, so a frame can never change a fact.
    assert Language(2022).figure(meeting, "6场") == "举办科技镇长团各类会议6场"
    empty = tmp_path / "patterns.yaml"
    empty.write_text("{}\n", encoding="utf-8")
    assert Language(2022, empty).figure(meeting, "6场") in ("组织科技镇长团各类会议6场", "开展科技镇长团各类会议6场",
                                                           "举办科技镇长团各类会议6场")


def test_verb_follows_the_object_and_measure_word():
    lang = Language(7)
    activity = Indicator(name="科技合作交流活动", target=parse_quantity("=4场"), completion=parse_quantity("4场"))
    assert lang.verb(activity) == "组织"  # 活动 in 场 ← 组织 (3 frames), never 受理
    meeting = Indicator(name="科技镇长团各类会议", target=parse_quantity("≥4场"), completion=parse_quantity("6场"))
    assert lang.verb(meeting) == "举办"
    training = Indicator(name="技术经纪人培训", target=parse_quantity("=5场"), completion=parse_quantity("7场"))
    assert lang.verb(training) in ("组织", "举办", "开展")  # 培训 is already in the name


def test_mined_sentences_are_only_offered_as_marked_suggestions():
    report = load_report()
    report.problems, report.measures = [], []
    for indicator in report.indicators:
        if indicator.name in ("预算调整率", "预算执行率", "非税收入预算完成率"):
            indicator.completion = parse_quantity(format_value(indicator.target.value, indicator.target.unit))
    for line in report.budget_lines:
        line.adjustment, line.adjusted, line.actual = Decimal(0), None, line.initial
    document = compose(evaluate(report), suggestions=True)
    section = document.prose().split("五、")[1].split("六、")[0]
    suggestions = [block.text for block in document.blocks if isinstance(block, Paragraph) and block.suggestion]
    assert suggestions == [
        "【参考表述】预算绩效管理工作时间紧、任务重、专业性强，苏州市生产力促进中心的预算绩效存在一些不足之处需要完善。",
        "【参考表述】预算绩效管理缺乏系统的培训，造成预算绩效管理指导不到位、认识不到位，理解不充分，对预算绩效管理工作重点把握不到位。",
        "【参考表述】不断完善预算绩效，提高部门预算编制质量。",
        "【参考表述】认真贯彻落实《中华人民共和国预算法》及相关规定，准确把握关于新形势下财政预算改革的要求，树牢过“紧日子”思想，"
        "压缩一般性支出，取消非刚性、非急需支出，充分发挥预算编制的前瞻性和科学性，切实提高预算编制质量。"]
    # Never numbered as the unit's own problem; the one real problem is the targets set too low.
    assert "2.预算绩效管理工作时间紧" not in section and "{单位}" not in section
    assert "1.部分绩效目标设定偏低。培育技术经纪人843人，为目标的2.81倍。" in section
    off = compose(evaluate(report), suggestions=False)
    assert not any(isinstance(block, Paragraph) and block.suggestion for block in off.blocks)


# ---------------------------------------------------------------- CLI and bad input

def test_cli_prints_what_it_learned_and_is_deterministic(tmp_path):
    runner = CliRunner()
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    result = runner.invoke(main, ["mine", str(SEEDS), "-o", str(first)])
    assert result.exit_code == 0, result.output
    assert "读取报告 2 份（跳过 2 个文件），句子 101 句，数字 64 个，其中 59 个识别为数值陈述。" in result.output
    assert "学到：数值陈述句式 34 条，预期目标/完成情况句式 31 条，量词 9 个，存在问题 2 句，改进措施 10 句。" in result.output
    assert "跳过 " in result.output and "000_6fda500bafbe7fe3.txt：没有可以学习的正文" in result.output
    assert runner.invoke(main, ["mine", str(SEEDS), "-o", str(second)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    # An untouched output may be regenerated; a hand-edited one is kept unless --force.
    assert runner.invoke(main, ["mine", str(SEEDS), "-o", str(first)]).exit_code == 0
    edited = first.read_text(encoding="utf-8").replace("全年举办", "全年共举办")
    first.write_text(edited, encoding="utf-8")
    refused = runner.invoke(main, ["mine", str(SEEDS), "-o", str(first)])
    assert refused.exit_code == 2 and "不会覆盖" in refused.output
    assert first.read_text(encoding="utf-8") == edited
    assert runner.invoke(main, ["mine", str(SEEDS), "-o", str(first), "--force"]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_unreadable_files_are_skipped_and_an_unusable_corpus_is_an_error(tmp_path):
    folder = tmp_path / "语料"
    folder.mkdir()
    (folder / "空.txt").write_bytes(b"")
    (folder / "坏.docx").write_bytes(b"PK\x03\x04broken")
    (folder / "目标表.txt").write_text(seed_text("000"), encoding="utf-8")
    (folder / "示例输入.xlsx").write_bytes(b"PK")  # not a report: a folder's other files are not corpus
    pdf = tmp_path / "说明.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    output = tmp_path / "patterns.yaml"
    result = CliRunner().invoke(main, ["mine", str(folder), str(pdf), "-o", str(output)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "语料中没有一份可用的报告正文" in result.output
    for name in ("空.txt", "坏.docx", "目标表.txt", "说明.pdf"):
        assert name in result.output
    assert "示例输入.xlsx" not in result.output
    assert not output.exists()
    (folder / "002.txt").write_text(seed_text("002"), encoding="utf-8")
    result = CliRunner().invoke(main, ["mine", str(folder), str(pdf), "-o", str(output)])
    assert result.exit_code == 0
    assert "读取报告 1 份（跳过 4 个文件）" in result.output
