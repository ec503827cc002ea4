"""Reports written by another hand about three units' data (tests/data/statements/, written by a helper
who did not see the checker): a chatbot's style, other provinces' county style, percentage points,
multiples, category counts with 定性/定量 subgroups, budget remainders and shares, task figures.

The ten correct bodies draw no error (one true warning: s0_s1 states 预算执行率95.58% below its target
and gives no reason). Each of the twenty single-figure edits draws its error, with the value the
arithmetic gives — except one share of two task figures that no table holds (left unlinked)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrator.checking.checker import check_file
from narrator.sources.load import load_report
from narrator.checking.reporters import explanations

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(__file__).resolve().parents[1] / "data" / "statements"
MANIFEST = {item["file"]: item for item in json.loads((MATERIAL / "manifest.json").read_text(encoding="utf-8"))}
CORRECT = {item["correct_file"]: item["data"] for item in MANIFEST.values()}


def _data(name: str) -> Path:
    return ROOT / name


@pytest.mark.parametrize("name, figures, linked, findings", [
    ("ex_s1.txt", 52, 44, []),
    ("ex_s2.txt", 57, 51, []),  # 三级指标54个 and the like: counts of indicators in 个 too
    ("ex_s3.txt", 35, 31, []),  # 达标率94.44% after the counts: the share of indicators met
    ("ex_s4.txt", 41, 39, []),
    ("ex_s5.txt", 55, 48, []),
    ("ex_s6.txt", 45, 34, []),
    ("pj_s1.txt", 36, 30, []),  # 比目标缩短3个工作日: a gap (缩短 among the gap markers)
    ("pj_s2.txt", 32, 27, []),
    ("s0_s1.txt", 55, 47, [("N102", "95.58%", "100%")]),
    ("s0_s2.txt", 60, 50, []),  # 未达到目标的7个, …4个: counted in 个 as the sentence began
])
def test_a_correct_report_of_another_hand_draws_no_error(name, figures, linked, findings):
    result = check_file(MATERIAL / name, _data(CORRECT[name]))
    assert [(f.code, f.claimed, f.expected) for f in result.findings] == findings
    assert (result.figures, result.linked) == (figures, linked)


@pytest.mark.parametrize("name, errors", [
    ("ex_s1_wrong1.txt", [("N101", "133.6%", "131.6%")]),
    ("ex_s1_wrong2.txt", [("N101", "827家", "872家")]),
    ("ex_s2_wrong1.txt", [("N106", "103.8%", "108.3%"), ("N101", "103.8%", "108.3%")]),
    # 575.3万元 ÷ 601.42万元 no longer gives the rate, and 执行数575.3万元 is 基本支出's 实际支出数
    ("ex_s2_wrong2.txt", [("N106", "95.99%", "95.66%"), ("N101", "575.3万元", "577.3万元")]),
    ("ex_s3_wrong1.txt", [("N101", "4.97个百分点", "3.97个百分点")]),
    ("ex_s3_wrong2.txt", []),  # 占入统企业数的98.13%: a share of two task figures, no table holds it
    ("ex_s4_wrong1.txt", [("N101", "2.18倍", "2.81倍")]),
    ("ex_s4_wrong2.txt", [("N101", "29.43万元", "24.93万元")]),
    ("ex_s5_wrong1.txt", [("N101", "15项", "14项")]),
    ("ex_s5_wrong2.txt", [("N101", "23项", "22项")]),
    ("ex_s6_wrong1.txt", [("N101", "96.86%", "95.86%")]),
    ("ex_s6_wrong2.txt", [("N101", "886.78亿元", "868.78亿元")]),
    ("s0_s1_wrong1.txt", [("N101", "91.76%", "91.67%")]),
    ("s0_s1_wrong2.txt", [("N101", "4.24个百分点", "4.42个百分点")]),
    ("s0_s2_wrong1.txt", [("N106", "102.7%", "107.2%"), ("N101", "102.7%", "107.2%")]),
    ("s0_s2_wrong2.txt", [("N101", "22场次", "≥20场次"), ("N106", "90%", "82%")]),  # 18 ÷ 22 follows the edit
    ("pj_s1_wrong1.txt", [("N101", "20.75万元", "20.57万元")]),
    ("pj_s1_wrong2.txt", [("N101", "128%", "118%")]),
    ("pj_s2_wrong1.txt", [("N101", "1.81倍", "1.18倍")]),
    ("pj_s2_wrong2.txt", [("N106", "108.67%", "120.67%"), ("N101", "362家", "326家")]),
])
def test_one_wrong_figure_draws_its_error(name, errors):
    item = MANIFEST[name]
    data = _data(item["data"])
    before = {(f.code, f.claimed, f.expected) for f in check_file(MATERIAL / item["correct_file"], data).findings}
    result = check_file(MATERIAL / name, data)
    new = [(f.code, f.claimed, f.expected) for f in result.findings
           if f.severity == "error" and (f.code, f.claimed, f.expected) not in before]
    assert new == errors
    assert all(f.severity != "error" for f in result.findings if (f.code, f.claimed, f.expected) in before)


def test_what_stays_unlinked_says_why():
    """A part of a budget line that the table does not hold is unlinked, never compared with the line named
    before it; a ratio named after the last figure (……的131.63%，受理成果转化项目完成目标（200项）的146%)
    is the ratio of what is named there, not of the indicator before; a whole named like a task figure
    but not like the indicator stays unlinked."""
    result = check_file(MATERIAL / "s0_s1.txt", _data("tests/data/seed000_filled.yaml"))
    reasons = {item["figure"]: item["explanation"] for item in explanations(result) if not item["linked"]}
    assert reasons["217.25万元"] == reasons["183.68万元"] == reasons["84.55%"] == "未对应：名称相近的数字属于预算表的其他行"
    result = check_file(MATERIAL / "ex_s6.txt", _data("corpus/example.yaml"))
    explained = {item["figure"]: item["explanation"] for item in explanations(result)}
    assert explained["146%"] == "与输入文件的“受理成果转化项目”完成值占目标值的比例（146%）一致"
    assert explained["11472家"] == "未对应：名称不够接近（最接近的是“入统企业数”）"


# Edits that the bodies above invite, on the readings this material taught: a count of the quantitative
# or qualitative indicators of one category, a list of categories that adds up to its total with a
# sub-count inside, the met share of two counts, a part of a budget line that is no line of the table.
EDITS = [
    ("ex_s5.txt", "定量指标13项中10项", "定量指标13项中11项", [("N101", "11项", "10项")]),
    ("ex_s5.txt", "定量指标13项中10项", "定量指标12项中10项", [("N101", "12项", "13项")]),
    ("ex_s5.txt", "过程类中定性指标12项", "过程类中定性指标11项", [("N101", "11项", "12项")]),
    # 过程指标27个 is a count of indicators in 个: checked itself, not only through the total it no longer makes
    ("s0_s2.txt", "过程指标26个", "过程指标27个", [("N101", "27个", "26项")]),
    ("ex_s2.txt", "指标总体完成率94.44%", "指标总体完成率94.64%", [("N106", "94.64%", "94.44%")]),
    ("pj_s2.txt", "满意度指标1个", "满意度指标2个", [("N101", "2个", "1项")]),
    # No line holds 双创中心物业管理费: never compared with 项目支出; its own rate no longer follows.
    ("s0_s1.txt", "调整后预算217.25万元", "调整后预算271.25万元", [("N106", "84.55%", "67.72%")]),
]


@pytest.mark.parametrize("name, old, new, errors", EDITS)
def test_an_edit_on_a_reading_of_another_hand_is_found(tmp_path, name, old, new, errors):
    text = (MATERIAL / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = check_file(path, _data(CORRECT[name]))
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.severity == "error"] == errors


# A held-out report (tests/data/statements_changzhou/: 常州市科学技术局 2024, the seed's target table filled by
# a helper who saw neither the checker nor the material above). Measured once before this change:
# 3 false errors on the correct body, 7 of 12 edits found; every reading it needed is now in place.
CHANGZHOU = Path(__file__).resolve().parents[1] / "data" / "statements_changzhou"
CHANGZHOU_EDITS = {
    "wrong01.txt": [("N101", "210.0%", "206.0%")],
    "wrong02.txt": [("N101", "646家", "636家")],
    "wrong03.txt": [("N101", "2.16倍", "2.06倍")],
    "wrong04.txt": [("N101", "6.7个百分点", "7.6个百分点")],
    "wrong05.txt": [("N101", "21项", "22项")],
    "wrong06.txt": [("N101", "1034.90万元", "1043.90万元")],
    "wrong07.txt": [("N101", "17.96%", "17.69%")],
    "wrong08.txt": [("N101", "182.57万元", "172.57万元")],
    "wrong09.txt": [("N101", "23名", "22名"), ("N106", "88.0%", "92.0%")],
    "wrong10.txt": [("N101", "650家", "≥600家")],
    "wrong11.txt": [("N101", "69914.56万元", "69941.56万元")],
    "wrong12.txt": [("N101", "1.59个百分点", "1.49个百分点")],
}


def test_a_held_out_report_checks_clean():
    result = check_file(CHANGZHOU / "report.txt", CHANGZHOU / "unit.yaml")
    assert result.findings == []
    assert (result.figures, result.linked) == (71, 63)  # 一次性 is no figure
    reasons = {item["figure"]: item["explanation"] for item in explanations(result) if not item["linked"]}
    # 项目支出 is no line of this unit's table (its projects are listed one by one): not guessed.
    assert reasons["97.15%"] == "未对应：占比的整体不在表格中"




def test_the_draft_of_the_held_out_unit_checks_clean():
    """Its budget lists 基本支出 and then eighteen projects under the total, with no 项目支出 line: read
    back from the DOCX, the projects stand beside 基本支出 (they add up to the total, not to 基本支出).
    An indicator named with a figure (净增高新技术企业超600家) is a name in the prose, not a figure."""
    from narrator.drafting.compose import compose
    from narrator.core.evaluate import evaluate
    from narrator.sources.load import load_report
    from narrator.drafting.review import review

    document = compose(evaluate(load_report(CHANGZHOU / "unit.yaml")))
    assert "净增高新技术企业超600家" in document.prose()
    assert review(document) == []


# A second held-out report (tests/data/statements_yuhua/: 长沙市雨花区发展和改革局 2022, from realworld R07 with
# invented results). Measured once before it was used: 4 false errors and 1 false warning on the correct
# body, 10 of 12 edits found. Now: the correct body draws nothing and 12 of 12 are found, among them the
# percentage points between two budget lines' rates (低于基本支出执行率10.63个百分点).
YUHUA = Path(__file__).resolve().parents[1] / "data" / "statements_yuhua"
YUHUA_EDITS = {
    "wrong01.txt": [("N101", "96.68%", "96.86%")],
    "wrong02.txt": [("N101", "45.62万元", "46.62万元")],
    "wrong03.txt": [("N101", "73.15%", "75.52%")],
    "wrong04.txt": [("N101", "8.05万元", "43.23万元")],
    "wrong05.txt": [("N101", "10.36个百分点", "10.63个百分点")],
    "wrong06.txt": [("N101", "2.54倍", "2.45倍")],
    "wrong07.txt": [("N101", "122个", "112个")],
    "wrong08.txt": [("N101", "6项", "5项")],
    "wrong09.txt": [("N101", "104.36%", "104.37%")],
    "wrong10.txt": [("N101", "271.53亿元", "271.35亿元")],
    "wrong11.txt": [("N101", "125个", "≥120个")],
    "wrong12.txt": [("N101", "1368.42万元", "1386.42万元")],
}


def test_the_second_held_out_report_checks_clean():
    result = check_file(YUHUA / "report.txt", YUHUA / "unit.yaml")
    assert result.findings == []
    assert (result.figures, result.linked) == (91, 85)  # 85 since 指标达成率为87.50% is read as 28 of 32 indicators met
    explained = {item["figure"]: item["explanation"] for item in explanations(result)}
    # 结转结余率（3.14%，目标5%以内）: the name nearest the bracket, and 目标 right before a figure marks its target.
    assert explained["5%"].startswith("与输入文件的“结转结余率”的目标值")
    assert explained["10.63个百分点"] == "与输入文件的“项目支出”的执行率与“基本支出”的执行率相差的百分点（10.63个百分点）一致"


# A third (tests/data/statements_wuhua/: an invented 市场监督管理局 of Guangdong, 2023, with 二级 categories).
# Measured once before it was used: 10 false errors and 3 false warnings, 10 of 12 edits found. Now: nothing on
# the correct body, 12 of 12 — counts within a 二级 category (数量指标共8项，6项完成), the rest said as a kind
# (其余26项为定量指标), a ceiling called 控制数, points between two rates named apart from their subject.
WUHUA = Path(__file__).resolve().parents[1] / "data" / "statements_wuhua"
WUHUA_EDITS = {
    "wrong01.txt": [("N101", "107.57%", "107.75%")],
    "wrong02.txt": [("N101", "24户", "42户")],
    "wrong03.txt": [("N101", "3.4个百分点", "3.6个百分点")],
    "wrong04.txt": [("N101", "4.7个百分点", "4.9个百分点")],
    "wrong05.txt": [("N101", "2.45倍", "2.54倍")],
    "wrong06.txt": [("N101", "13项", "14项")],
    "wrong07.txt": [("N101", "25项", "26项")],
    "wrong08.txt": [("N101", "42.81%", "42.18%")],
    "wrong09.txt": [("N101", "216.46万元", "261.46万元")],
    "wrong10.txt": [("N101", "96%", "≥97%")],
    "wrong11.txt": [("N101", "1078件", "1087件")],
    "wrong12.txt": [("N101", "268.50万元", "286.50万元")],
}


def test_the_third_held_out_report_checks_clean():
    result = check_file(WUHUA / "report.txt", WUHUA / "unit.yaml")
    assert result.findings == []
    # (活动86场 after 主要是 stands in a cause: no longer linked, as after 主要原因是 — a count there was a false error in
    # 于都's report; precision before recall)
    assert (result.figures, result.linked) == (144, 118)
    explained = {item["figure"]: item["explanation"] for item in explanations(result)}
    assert explained["16.8万元"] == "与输入文件的““三公”经费支出”的目标值（≤16.8万元）一致"


# A fourth (tests/data/statements_qijiang/: an invented 水利局 of Chongqing, 2024), measured once after all the
# readings above: 8 false errors on the correct body, 9 of 12 edits found. Now nothing on the correct body and
# 10 of 12 (a saving under a ceiling, 节约2.23万元, is the ceiling less the spending); the two left are a share
# inside a task narrative (9.8/12.6) and points against a line named alone (比基本支出低4.45个百分点).
QIJIANG = Path(__file__).resolve().parents[1] / "data" / "statements_qijiang"
QIJIANG_EDITS = {
    "wrong01.txt": [("N106", "96.92%", "96.29%"), ("N101", "96.92%", "96.29%")],
    "wrong02.txt": [("N101", "376.48万元", "366.48万元")],
    "wrong03.txt": [("N101", "92.11%", "91.11%")],
    "wrong04.txt": [("N101", "2.21倍", "2.12倍")],
    "wrong05.txt": [("N101", "0.4个百分点", "0.6个百分点")],
    "wrong06.txt": [],
    "wrong07.txt": [],
    "wrong08.txt": [("N101", "75.66%", "74.79%")],
    "wrong09.txt": [("N101", "28项", "27项")],  # its 达标率84.38% is the share met, as the data has it
    "wrong10.txt": [("N101", "2.33万元", "2.23万元")],
    "wrong11.txt": [("N101", "46座", "≥45座")],
    "wrong12.txt": [("N101", "2.47万人", "2.74万人")],
}


QINGYUAN = Path(__file__).resolve().parents[1] / "data" / "statements_qingyuan"  # 清源县文化和旅游局 2024 (invented by a writer who had not seen the checker)
# First check, before any change for it: the correct report drew 4 false errors and 3 false warnings (a bound
# 未达到90%, 全年预算执行率 after a project's 结余, 调整后预算 after a bracket, 2025年's targets; 全部完成
# closing a list); its 12 edits, checked once the correct report read clean: 7 of 12, now 10 (执行数/支出 as a
# line's 实际支出数, 项目结余 as the line's remainder, a line named alone after 其中 in the whole's column).
QINGYUAN_EDITS = {
    "wrong01.txt": [("N101", "8560册", "8650册")],
    "wrong02.txt": [("N101", "207个", "208个")],  # (216个 is how many there are: not a figure read against it)
    "wrong03.txt": [],  # 下设4个二级单位: a figure of the 单位概况 text, which no table holds
    "wrong04.txt": [("N101", "1939.52万元", "1939.25万元")],
    "wrong05.txt": [("N101", "16万人次以上", "≥15万人次")],
    "wrong06.txt": [],  # 游客人次增长11.06%: growth or the 增长率 indicator's value? Not certain.
    "wrong07.txt": [("N101", "463家次", "436家次")],
    "wrong08.txt": [("N101", "3.96%", "4.13%")],
    "wrong09.txt": [("N101", "1162.40万元", "1126.40万元")],
    "wrong10.txt": [("N101", "153.16万元", "151.36万元")],
    "wrong11.txt": [("N101", "95.95%", "95.59%")],
    "wrong12.txt": [("N101", "26.32万元", "26.23万元")],
}


def test_the_fifth_held_out_report_checks_clean():
    result = check_file(QINGYUAN / "report.txt", QINGYUAN / "unit.yaml")
    assert result.findings == []
    assert (result.figures, result.linked) == (113, 83)  # 全县216个村级综合性文化服务中心达标208个: 216 is how many there are


def test_the_fourth_held_out_report_checks_clean():
    result = check_file(QIJIANG / "report.txt", QIJIANG / "unit.yaml")
    assert result.findings == []
    # 达标率84.38% after the counts: the share met; 为目标值12公里的105% and 完成年度目标2.5万人的109.6%: ratios to
    # a target named by its figure (127 linked before these two)
    # (128: 其余4座 is no longer matched to the narrative's 其余4座 — a 其余 in a narrative names nothing, and as a
    # fact it drew a false error against 其余五个项目 in a budget part)
    # (157, 129: 9轮 is read now that 轮 is a measure word — 梧溪's 媒介伊蚊密度监测≥16轮 — and agrees with the task
    # table)
    assert (result.figures, result.linked) == (157, 129)
    explained = {item["figure"]: item["explanation"] for item in explanations(result)}
    assert explained["高于95%"] == "与输入文件的“重要河流监测断面水质达标率”的目标值（≥95%）一致"  # 高于95%的目标


ZHANGGONG = Path(__file__).resolve().parents[1] / "data" / "statements_zhanggong"  # 章贡区人社局 2024 (invented, written blind)


# Its 12 edits (by another helper), checked once the correct report read clean: 10 of 12 at first, then 11
# (结转结余 as one remainder word); the miss is a line's remainder named by its purpose (创业担保贷款贴息).
ZHANGGONG_EDITS = {
    "wrong01.txt": [("N101", "53146人", "53416人")],
    "wrong02.txt": [("N101", "1600人以上", "≥1800人")],
    "wrong03.txt": [("N101", "105.62%", "105.26%")],
    "wrong04.txt": [("N101", "2.61倍", "2.16倍")],
    "wrong05.txt": [("N101", "1562.80万元", "1526.80万元")],
    "wrong06.txt": [("N101", "521.64万元", "512.64万元")],
    "wrong07.txt": [("N101", "97.68%", "97.86%")],
    "wrong08.txt": [("N101", "64.63万元", "63.63万元")],
    "wrong09.txt": [],
    "wrong10.txt": [("N101", "41项", "40项")],
    "wrong11.txt": [("N101", "225件", "252件")],
    "wrong12.txt": [("N101", "3.99%", "4.15%")],
}


YINAN = Path(__file__).resolve().parents[1] / "data" / "statements_yinan"  # 沂南县自然资源和规划局 2024 (invented, an officer's style)

# Its 12 edits: 9 caught at first check (missed: a target named by the paragraph's title, 完成指标40个 in 个,
# a share after ； of the line named before it), then 12.
YINAN_EDITS = {
    "wrong01.txt": [("N101", "31526件", "31562件")],
    "wrong02.txt": [("N101", "≥80%", "≥85%")],
    "wrong03.txt": [("N101", "84.80%", "88.40%")],
    "wrong04.txt": [("N101", "2.96个百分点", "2.69个百分点")],
    "wrong05.txt": [("N101", "5宗", "6宗")],
    "wrong06.txt": [("N101", "506.00万元", "560.00万元")],
    "wrong07.txt": [("N101", "135.38万元", "133.58万元")],
    "wrong08.txt": [("N101", "93.36%", "93.66%")],
    "wrong09.txt": [("N101", "112.90万元", "122.90万元")],
    "wrong10.txt": [("N101", "40个", "39项")],
    "wrong11.txt": [("N101", "93.21%", "92.31%")],
    "wrong12.txt": [("N101", "49.62%", "49.26%")],
}

QIDONG = Path(__file__).resolve().parents[1] / "data" / "statements_qidong"  # 祁东县农业农村局 2024 (invented, a terse template)

# Its 12 edits: 9 caught at first check (missed: 差1.95个百分点 after a bracketed target, 为年度任务的1.9倍, and
# 年初3633.90 in a list of bare numbers before “（万元）” — still missed: the total named only as 总体), then 11.
QIDONG_EDITS = {
    "wrong01.txt": [("N101", "20.53万吨", "20.35万吨")],
    "wrong02.txt": [("N101", "≥38万头", "≥40万头")],
    "wrong03.txt": [("N101", "93.17%", "92.17%")],
    "wrong04.txt": [("N101", "2.95个百分点", "1.95个百分点")],
    "wrong05.txt": [("N101", "1000亩", "1200.00亩")],
    "wrong06.txt": [("N101", "1.8倍", "1.9倍")],
    "wrong07.txt": [],
    "wrong08.txt": [("N101", "98.50%", "98.05%")],
    "wrong09.txt": [("N101", "74.90万元", "74.09万元")],
    "wrong10.txt": [("N101", "19项", "18项")],
    "wrong11.txt": [("N101", "5260人次", "5620人次")],
    "wrong12.txt": [("N101", "55.45%", "54.45%")],
}

JINYUN = Path(__file__).resolve().parents[1] / "data" / "statements_jinyun"  # 缙云县教育局 2024 (invented, prose with tab tables)

# Its 12 edits: 8 caught at first check (missed: 达标38项, 年末结余, a part of a sentence after 。 about the line
# named before it, and a cell of the report's own tab table against the input: N301), then 11 (still missed:
# 缺口750人次 after 仅完成90.50%).
JINYUN_EDITS = {
    "wrong01.txt": [('N101', '99.5%', '99.2%')],
    "wrong02.txt": [('N101', '6500人次', '≥6000人次')],
    "wrong03.txt": [('N101', '101.76%', '101.67%')],
    "wrong04.txt": [('N101', '4.2个百分点', '2.4个百分点')],
    "wrong05.txt": [],
    "wrong06.txt": [('N101', '21.00万元', '12.00万元')],
    "wrong07.txt": [('N101', '98.31%', '98.13%')],
    "wrong08.txt": [('N101', '314.94万元', '304.94万元')],
    "wrong09.txt": [('N101', '38项', '39项')],  # the report's table of 6 main indicators counts none (--data does)
    "wrong10.txt": [('N101', '4781人次', '4718人次')],
    "wrong11.txt": [('N101', '42.31%', '42.13% / 42.13%')],
    "wrong12.txt": [('N301', '5340人次', '5430人次')],
}

GUICHENG = Path(__file__).resolve().parents[1] / "data" / "statements_guicheng"  # 桂城街道办事处 2024 (invented, a street office's terse 公文)

# Its 12 edits, 11 caught at first check (a 0.74万平方米 gap then shown as 7400.00平方米): 实际支出分别为…2584.92万元…
# pairs its figures with the names of the clause before (调整后预算分别为：社区治理与服务经费1980.00万元、…), which is
# not read: those figures stay unlinked.
GUICHENG_EDITS = {
    "wrong01.txt": [("N101", "6354家次", "6534家次")],
    "wrong02.txt": [("N101", "65个", "≥60个")],
    "wrong03.txt": [("N101", "90.57%", "90.75%")],
    "wrong04.txt": [("N101", "2.17倍", "2.71倍")],
    "wrong05.txt": [("N101", "0.47万平方米", "0.74万平方米")],
    "wrong06.txt": [("N101", "2.6个百分点", "2.4个百分点")],
    "wrong07.txt": [("N101", "251.30万元", "215.30万元")],
    "wrong08.txt": [],
    "wrong09.txt": [("N101", "97.26%", "97.62%")],
    "wrong10.txt": [("N101", "34.07%", "34.70% / 34.70%")],
    "wrong11.txt": [("N101", "179.56万元", "197.56万元")],
    "wrong12.txt": [("N101", "18项", "19项")],
}

DEQING = Path(__file__).resolve().parents[1] / "data" / "statements_deqing"  # 德清县文广旅体局 2024 (invented, a chatbot's bullets)

# Its 12 edits, 11 caught at first check, then 12: 超出目标28.7亿元 after a target given in brackets is a gap.
DEQING_EDITS = {
    "wrong01.txt": [("N101", "11420人次", "11240人次")],
    "wrong02.txt": [("N101", "≥16公里", "≥15公里")],
    "wrong03.txt": [("N101", "109.45%", "109.55%")],
    "wrong04.txt": [("N101", "2.27倍", "2.72倍")],
    "wrong05.txt": [("N101", "28.7亿元", "27.8亿元")],
    "wrong06.txt": [("N101", "2.1个百分点", "1.2个百分点")],
    "wrong07.txt": [("N101", "35.20万元", "32.50万元")],
    "wrong08.txt": [("N101", "368.40万元", "386.40万元")],
    "wrong09.txt": [("N101", "96.83%", "96.38%")],
    "wrong10.txt": [("N101", "46.51%", "46.15%")],
    "wrong11.txt": [("N101", "28.38万元", "28.88万元")],
    # (……其中22项达到或超过目标值，占87.50%: the share of the whole before 其中 is reckoned from the wrong 22 too)
    "wrong12.txt": [("N106", "87.50%", "91.67%"), ("N101", "22项", "21项")],
}

SHUNQING = Path(__file__).resolve().parents[1] / "data" / "statements_shunqing"  # 顺庆区水务局 2024 (invented, a consultancy's analysis)

# Its 12 edits: the input was refused at first (≥30口: 口 was no known measure word); with 口, 11 caught, then 12:
# 2024年区水务局年初预算…… (a year glued to the unit's name made the word 年区, read as a fund of its own).
SHUNQING_EDITS = {
    "wrong01.txt": [("N101", "98.6%", "96.8%")],
    "wrong02.txt": [("N101", "95%", "≥90%")],
    "wrong03.txt": [("N101", "116.00%", "115.00%")],
    "wrong04.txt": [("N101", "2.43倍", "2.34倍")],
    "wrong05.txt": [("N101", "6346次", "6436次")],
    "wrong06.txt": [("N101", "4.3个百分点", "3.4个百分点")],
    "wrong07.txt": [("N101", "4286.50万元", "4268.50万元")],
    "wrong08.txt": [("N101", "196.24万元", "192.64万元")],
    "wrong09.txt": [("N106", "96.86%", "96.66%"), ("N101", "96.86%", "96.66%")],
    "wrong10.txt": [("N101", "38.62%", "38.26%")],
    "wrong11.txt": [("N101", "43.26万元", "43.62万元")],
    "wrong12.txt": [("N101", "18项", "19项")],  # 86.36% = 19 ÷ 22 beside it: the share met, as the data has it
}

TINGHU = Path(__file__).resolve().parents[1] / "data" / "statements_tinghu"  # 亭湖区市场监管局 2024 (invented, a finance bureau's text)

# Its 12 edits, 10 caught at first check, then 11: 低于70%的目标值3.4个百分点 (目标值 cut into 标值, a name of nothing).
# Not caught: a share of a funding source (一般公共预算拨款，占95.29%) that no table holds.
TINGHU_EDITS = {
    "wrong01.txt": [("N101", "3125件", "3152件")],
    "wrong02.txt": [("N101", "≥302批次", "≥320批次")],
    "wrong03.txt": [("N101", "104.38%", "104.83%")],
    "wrong04.txt": [("N101", "2.48倍", "2.84倍")],
    "wrong05.txt": [("N101", "746批次", "764批次")],
    "wrong06.txt": [("N101", "3.4个百分点", "3.6个百分点")],
    "wrong07.txt": [("N101", "486.00万元", "468.00万元")],
    "wrong08.txt": [("N101", "223.65万元", "226.35万元")],
    "wrong09.txt": [("N101", "97.12%", "97.21%")],
    "wrong10.txt": [],
    "wrong11.txt": [("N101", "41.57万元", "41.75万元")],
    "wrong12.txt": [("N101", "18项", "19项")],
}

MEITAN = Path(__file__).resolve().parents[1] / "data" / "statements_meitan"  # 湄潭县茶产业发展中心 2024 (invented, an old hand's words)

# Its 12 edits, 11 caught at first check, then 12: 只完成了目标的90.20%，缺口558人次 (只 named nothing).
MEITAN_EDITS = {
    "wrong01.txt": [("N101", "21850亩", "21580亩")],
    "wrong02.txt": [("N101", "62家", "≥60家")],
    "wrong03.txt": [("N101", "107.57%", "107.75%")],
    "wrong04.txt": [("N101", "2.67倍", "2.76倍")],
    "wrong05.txt": [("N101", "558人次", "588人次")],
    "wrong06.txt": [("N101", "4.3个百分点", "3.4个百分点")],
    "wrong07.txt": [("N101", "25.20万元", "22.50万元")],
    "wrong08.txt": [("N101", "441.62万元", "441.26万元")],
    "wrong09.txt": [("N101", "92.12%", "92.21%")],
    "wrong10.txt": [("N101", "41.92%", "41.29%")],
    "wrong11.txt": [("N101", "16.02万元", "16.20万元")],
    "wrong12.txt": [("N101", "18项", "19项")],
}

HUBEIROAD = Path(__file__).resolve().parents[1] / "data" / "statements_hubeiroad"  # 湖北省公路事业发展中心 2024 (invented, Markdown tables)

# Its 12 edits: refused at first (≥60公里/小时); with the unit, 9 caught, then 11: （1）桥梁定期检查。……4250座（目标值）
# is surely that indicator (the paragraph's title names it), 与目标值1500公里相比缺口128公里 (相比 named nothing).
# Not caught: 较2023年的95.64%提高了1.64个百分点 (last year's rate is in no table).
HUBEIROAD_EDITS = {
    "wrong01.txt": [("N101", "1962公里", "1926公里")],
    "wrong02.txt": [("N101", "4250座", "≥4200座")],
    "wrong03.txt": [("N101", "92.31%", "92.13%")],
    "wrong04.txt": [("N101", "3.01倍", "3.10倍")],
    "wrong05.txt": [("N101", "128公里", "118公里")],
    "wrong06.txt": [],
    "wrong07.txt": [("N101", "230485.60万元", "230458.60万元")],
    "wrong08.txt": [("N101", "24826.19万元", "24862.19万元")],
    "wrong09.txt": [("N106", "88.16%", "88.61%"), ("N101", "88.16%", "88.61%")],
    "wrong10.txt": [("N101", "59.83%", "59.38% / 59.38%")],
    "wrong11.txt": [("N101", "42.56万元", "42.65万元")],
    "wrong12.txt": [("N101", "19项", "18项")],
}

SHAXIAN = Path(__file__).resolve().parents[1] / "data" / "statements_shaxian"  # 沙县区林业局 2024 (invented, written blind)

# Its 12 edits: 11 caught at first check, still 11 (and no false error beside them now). Not caught: 造林绿化项目结余
# 占全部结余的49.55% (a share of a remainder, which no table states).
SHAXIAN_EDITS = {
    "wrong01.txt": [("N101", "18462亩", "18642亩")],
    "wrong02.txt": [("N101", "6万吨", "≥5万吨")],
    "wrong03.txt": [("N101", "87.02%", "87.20%")],
    "wrong04.txt": [("N101", "2.63倍", "2.36倍")],
    "wrong05.txt": [("N101", "1230万元", "1320万元")],
    "wrong06.txt": [("N101", "2.8个百分点", "2.6个百分点")],
    "wrong07.txt": [("N101", "256.00万元", "265.00万元")],
    "wrong08.txt": [("N101", "509.62万元", "509.26万元")],
    "wrong09.txt": [("N101", "90.56%", "90.65%")],
    "wrong10.txt": [],
    "wrong11.txt": [("N101", "5.45万元", "5.55万元")],
    "wrong12.txt": [("N101", "20项", "21项")],
}

TONGXI = Path(__file__).resolve().parents[1] / "data" / "statements_tongxi"  # 桐溪市交通运输局 2024 (invented, an old finance chief)

# Its 12 edits, 10 caught at first check, then 11: 年中为应对汛期水毁修复追加65.20万元 (what it was for names nothing).
# Not caught: 按目标应有1054辆取得运输证，缺口38辆 (a gap to a hypothetical count, which no table states).
TONGXI_EDITS = {
    "wrong01.txt": [("N101", "48.7公里", "47.8公里"), ("N106", "106.22%", "108.22%")],
    "wrong02.txt": [("N101", "17公里", "≥18公里")],
    "wrong03.txt": [("N106", "105.53%", "105.33%"), ("N101", "105.53%", "105.33%")],
    "wrong04.txt": [("N101", "2.36倍", "2.63倍")],
    "wrong05.txt": [],
    "wrong06.txt": [("N101", "0.28个百分点", "0.38个百分点")],
    "wrong07.txt": [("N101", "65.20万元", "62.50万元")],
    "wrong08.txt": [("N101", "251.63万元", "251.36万元")],
    "wrong09.txt": [("N101", "91.93%", "91.39%")],
    "wrong10.txt": [("N101", "49.71%", "49.17%")],
    "wrong11.txt": [("N101", "108.63万元", "108.36万元")],
    "wrong12.txt": [("N101", "20项", "19项")],
}

KONGTONG = Path(__file__).resolve().parents[1] / "data" / "statements_kongtong"  # 崆峒区卫健局 2024 (invented, a chatbot's bullets)

# Its 12 edits: refused at first (孕产妇死亡率 ≤15/10万); with the unit, 11 caught, then 12: - **适龄妇女“两癌”筛查人数**：
# ……是目标值6000人的2.21倍 — the item's label names it, and the target of 6000人 only that indicator has.
KONGTONG_EDITS = {
    "wrong01.txt": [("N101", "93.1%", "91.3%")],
    "wrong02.txt": [("N101", "≥96%", "≥95%")],
    "wrong03.txt": [("N101", "94.86%", "94.68%")],
    "wrong04.txt": [("N101", "2.12倍", "2.21倍")],
    "wrong05.txt": [("N101", "3352人", "3532人")],
    "wrong06.txt": [("N101", "7.3个百分点", "7.5个百分点")],
    "wrong07.txt": [("N101", "12.80万元", "21.80万元")],
    "wrong08.txt": [("N106", "95.03%", "94.45%"), ("N101", "294.68万元", "296.48万元")],
    "wrong09.txt": [("N106", "92.57%", "92.75%"), ("N101", "92.57%", "92.75%")],
    "wrong10.txt": [("N101", "45.40%", "44.50% / 44.50%")],
    "wrong11.txt": [("N101", "6.86万元", "6.66万元")],
    "wrong12.txt": [("N101", "20项", "19项")],
}

LANCHUAN = Path(__file__).resolve().parents[1] / "data" / "statements_lanchuan"  # 岚川县水利局 2024 (invented, an officer's hand)

# Its 12 edits: 10 caught at first check, now 11 (达到或超过目标19个: indicators counted in 个 once the sentence counted
# them so beside 指标). Not caught: 年末结余311.48万元 (a line's remainder named two clauses before).
LANCHUAN_EDITS = {
    "wrong01.txt": [("N101", "16次", "18次")],
    "wrong02.txt": [("N101", "2.5倍", "2.3倍")],
    "wrong03.txt": [("N101", "88.67%", "86.67%")],
    "wrong04.txt": [("N101", "75.00万元", "65.00万元")],
    "wrong05.txt": [("N101", "22.98%", "21.98%")],
    "wrong06.txt": [("N101", "416.83万元", "406.83万元")],
    "wrong07.txt": [("N101", "98.18%", "99.18%")],
    "wrong08.txt": [("N101", "17个", "19项")],
    "wrong09.txt": [("N101", "20平方公里", "≥18平方公里")],
    "wrong10.txt": [("N101", "0.26万亩", "0.16万亩")],
    "wrong11.txt": [("N101", "4.7个百分点", "3.7个百分点")],
    "wrong12.txt": [],
}

ZAOYANG = Path(__file__).resolve().parents[1] / "data" / "statements_zaoyang"  # 枣阳市卫健委 2024 (invented, a chatbot's style)

# Its 12 edits, 11 caught at first check, then 12: a share of the line the sentence before named (该项目实际支出占…).
ZAOYANG_EDITS = {
    "wrong01.txt": [("N101", "3286人次", "3268人次")],
    "wrong02.txt": [("N101", "≥60%", "≥65%")],
    "wrong03.txt": [("N101", "93.95%", "92.95%")],
    "wrong04.txt": [("N101", "1.6个百分点", "1.4个百分点")],
    "wrong05.txt": [("N101", "2.83倍", "2.38倍")],
    "wrong06.txt": [("N101", "546人", "564人")],
    "wrong07.txt": [("N101", "610.48万元", "601.48万元")],
    "wrong08.txt": [("N101", "93.51%", "95.31%")],
    "wrong09.txt": [("N101", "86.52万元", "85.62万元")],
    "wrong10.txt": [("N101", "18项", "19项")],
    "wrong11.txt": [("N101", "93.1%", "93.8%")],
    "wrong12.txt": [("N101", "50.03%", "50.30%")],
}

QIFENG = Path(__file__).resolve().parents[1] / "data" / "statements_qifeng"  # 栖凤县交通运输局 2024 (invented, a chatbot's)

# Its 12 edits, all caught on the edited figure at first check; an edited amount also makes the sentence's own
# 执行率 disagree with it (N106 over 实际支出…，未支出…，执行率…).
QIFENG_EDITS = {
    "wrong01.txt": [("N101", "168.2公里", "163.2公里")],
    "wrong02.txt": [("N101", "≥50公里", "≥60公里")],
    "wrong03.txt": [("N101", "103.53%", "105.33%")],
    "wrong04.txt": [("N101", "2.85倍", "2.58倍")],
    "wrong05.txt": [("N101", "3条", "2条")],
    "wrong06.txt": [("N101", "2.6个百分点", "2.4个百分点")],
    "wrong07.txt": [("N101", "130.00万元", "150.00万元")],
    "wrong08.txt": [("N101", "208.53万元", "203.58万元"), ("N106", "96.94%", "97.01%")],
    "wrong09.txt": [("N106", "97.98%", "97.89%"), ("N101", "97.98%", "97.89%")],
    "wrong10.txt": [("N101", "85.57%", "87.57%")],
    "wrong11.txt": [("N106", "74.54%", "76.01%"), ("N101", "437.55万元", "473.55万元")],
    "wrong12.txt": [("N101", "19项", "18项")],
}


def test_the_qifeng_report_checks_clean():
    """A chatbot's report by task area (bold labels, bullets). First check, before any change for it: the input
    refused (货运源头超限超载率 2%以内); with 以内/以下 read as ≤, 31 false errors and 2 false warnings — each
    project's bullets (**1. 农村公路建设资金** / - 年初预算8600.00万元……) compared with the whole budget's, 未支出：
    729.65万元 with the spending (the label before the colon names its role), 本任务共设置4项指标 under 重点任务一：…
    with the whole table's counts, 2条线路未能开通 (what was not done) with the lines opened."""
    result = check_file(QIFENG / "report.txt", QIFENG / "unit.yaml")
    assert result.findings == []
    said = {(item["place"], item["figure"]): item for item in explanations(result)}
    assert said["第44段（文本第66行）", "8600.00万元"]["explanation"] == \
        "与输入文件的“农村公路建设资金”的年初预算数（8600.00万元）一致"

FENXI = Path(__file__).resolve().parents[1] / "data" / "statements_fenxi"  # 汾溪县水利局 2024 (invented, an officer's hand)

# Its 12 edits, all caught at first check (beside its 8 false errors then).
FENXI_EDITS = {
    "wrong01.txt": [("N101", "97.6%", "96.8%")],
    "wrong02.txt": [("N101", "160公里", "≥180公里")],
    "wrong03.txt": [("N101", "82.4%", "80.4%")],
    "wrong04.txt": [("N101", "2.03倍", "2.13倍")],
    "wrong05.txt": [("N101", "3.6平方公里", "3.4平方公里")],
    "wrong06.txt": [("N101", "1.9个百分点", "1.6个百分点")],
    "wrong07.txt": [("N101", "250.00万元", "200.00万元")],
    "wrong08.txt": [("N101", "1938.52万元", "1983.52万元")],
    "wrong09.txt": [("N101", "96.41%", "94.61%")],
    "wrong10.txt": [("N101", "11.65%", "11.55%")],
    "wrong11.txt": [("N101", "13.70万元", "13.07万元")],
    "wrong12.txt": [("N101", "15项", "16项")],
}


def test_the_fenxi_report_checks_clean():
    """A water bureau's report in an officer's numbered prose. First check, before any change for it: 8 false
    errors — 占年初预算的11.91%；项目支出…，占88.09% (the whole the sentence's first share named), 基本支出…、项目
    支出…，分别占…的12.06%和87.94% (each its own line), 年末未支出资金中，项目支出…，占99.38% (of the remainder),
    达标率87.8% after the counts (the share met, not an indicator's 达标率), 定量指标31项中 after a sentence naming
    five categories (the whole table's), 比年初计划多检查31个 (the gap), 小型水库除险加固……年末结余363.62万元 (the
    line 小型水库除险加固项目, its 项目 left out)."""
    result = check_file(FENXI / "report.txt", FENXI / "unit.yaml")
    assert result.findings == []
    said = {(item["place"], item["figure"]): item["explanation"] for item in explanations(result)}
    assert said["第18段（文本第35行）", "12.06%"] == "与输入文件的“基本支出”占“预算总金额”实际支出数的比重（12.06%）一致"
    assert said["第32段（文本第63行）", "87.8%"] == \
        "与输入文件的指标达标率（达到或超过目标的指标数 ÷ 指标总数）（87.80%）一致"
    assert said["第60段（文本第119行）", "363.62万元"] == \
        "与输入文件的“小型水库除险加固项目”的未支出数（调整预算数 − 实际支出数）（363.62万元）一致"


def test_the_ninth_held_out_report_checks_clean():
    """A chatbot's report (Markdown headings and bold, goals listed under （五）年度绩效目标, counts per task area
    in headings). First check, before any change for it: 21 false errors and 3 false warnings — the goals'
    达到90%以上 read as completion values (17), counts of a task area (妇幼健康服务（3项指标，2项达标）) and of
    those over a threshold (有4项指标的完成值达到目标值的1.8倍以上) read as the table's, 均达到目标值的1.8倍以上
    as a multiple of one indicator, A、B…和E均达到预期 as every goal, a shortfall explained in a later section."""
    result = check_file(ZAOYANG / "report.txt", ZAOYANG / "unit.yaml")
    assert result.findings == []
    said = {(item["place"], item["figure"]): item for item in explanations(result)}
    assert said["第54段（文本第99行）", "2项"]["explanation"] == "与输入文件的妇幼健康服务指标中达到或超过目标的个数（2项）一致"
    assert said["第17段（文本第33行）", "95%以上"]["role"] == "target"


def test_the_draft_of_the_ninth_unit_with_its_officers_answers_reviews_clean():
    """Drafting it drew one false finding on a task narrative's own words: 完成目标任务的92.95% read as
    saying the target was met (N104)."""
    import dataclasses

    import yaml

    from narrator.api import answer, draft, questions

    notes = yaml.safe_load((ZAOYANG / "officer_notes.yaml").read_text(encoding="utf-8"))
    report = dataclasses.replace(load_report(ZAOYANG / "unit.yaml"), problems=notes["存在问题"],
                                 measures=notes["改进措施"])
    report = answer(report, {q.key: notes["原因"][q.subject] for q in questions(report) if q.subject in notes["原因"]})
    result = draft(report)
    assert result.findings == [] and result.document.missing == []
    prose = result.document.prose()
    # A level against its target by how much higher; 1.93× the target is a large exceedance, its reason answered.
    assert "人均预期寿命为79.6岁，比目标高0.6岁。" in prose
    assert "义诊惠及群众9650人次，为目标5000人次的1.93倍，远高于预期，主要是将义诊活动" in prose
    # the goal of effects and satisfaction takes the one effect indicator no goal states: no part of one sentence
    assert "基层医务人员满意度为88.5%，分别高于年度目标4.3个百分点、2.7个百分点和3.5个百分点。卫生健康服务长效机制健全，达到预期目标。" \
        in prose and "效益与满意度" not in prose


@pytest.mark.parametrize("folder, name, errors", [(ZAOYANG, name, errors) for name, errors in ZAOYANG_EDITS.items()]
                         + [(YINAN, name, errors) for name, errors in YINAN_EDITS.items()]
                         + [(QIDONG, name, errors) for name, errors in QIDONG_EDITS.items()]
                         + [(JINYUN, name, errors) for name, errors in JINYUN_EDITS.items()]
                         + [(CHANGZHOU, name, errors) for name, errors in CHANGZHOU_EDITS.items()]
                         + [(QIJIANG, name, errors) for name, errors in QIJIANG_EDITS.items()]
                         + [(YUHUA, name, errors) for name, errors in YUHUA_EDITS.items()]
                         + [(WUHUA, name, errors) for name, errors in WUHUA_EDITS.items()]
                         + [(QINGYUAN, name, errors) for name, errors in QINGYUAN_EDITS.items()]
                         + [(ZHANGGONG, name, errors) for name, errors in ZHANGGONG_EDITS.items()]
                         + [(GUICHENG, name, errors) for name, errors in GUICHENG_EDITS.items()]
                         + [(DEQING, name, errors) for name, errors in DEQING_EDITS.items()]
                         + [(SHUNQING, name, errors) for name, errors in SHUNQING_EDITS.items()]
                         + [(TINGHU, name, errors) for name, errors in TINGHU_EDITS.items()]
                         + [(MEITAN, name, errors) for name, errors in MEITAN_EDITS.items()]
                         + [(HUBEIROAD, name, errors) for name, errors in HUBEIROAD_EDITS.items()]
                         + [(SHAXIAN, name, errors) for name, errors in SHAXIAN_EDITS.items()]
                         + [(TONGXI, name, errors) for name, errors in TONGXI_EDITS.items()]
                         + [(KONGTONG, name, errors) for name, errors in KONGTONG_EDITS.items()]
                         + [(LANCHUAN, name, errors) for name, errors in LANCHUAN_EDITS.items()]
                         + [(QIFENG, name, errors) for name, errors in QIFENG_EDITS.items()]
                         + [(FENXI, name, errors) for name, errors in FENXI_EDITS.items()])
def test_each_edit_of_a_held_out_report_is_found(folder, name, errors):
    manifest = {item["file"]: item for item in json.loads((folder / "manifest.json").read_text(encoding="utf-8"))}
    wrong = manifest[name]["wrong"]
    # 16万人次以上 for 16万人次; 5宗 of 差5宗; a rate computed from the edited count may come first
    assert not errors or any(wrong in error[1] or error[1] in wrong for error in errors)
    result = check_file(folder / name, folder / "unit.yaml")
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.severity == "error"] == errors


@pytest.mark.parametrize("folder", [YUHUA, WUHUA, QIJIANG, YINAN])
def test_the_drafts_of_the_held_out_units_review_clean(folder):
    """narrator's own draft of each held-out unit, read back by the checker, draws nothing: a target with its
    comparator is no term of a rate (不少于60处 ÷ 64处), a rate naming its own subject is not the ratio of
    the figures before it (……为8座，水利工程质量验收合格率为100%), figures written before their names
    (完成3座除险加固和8座安全鉴定) each take their own, and one word of a longer name is a measure, not that
    indicator, when the sentence holds none of the name's other words (出让29宗、面积102.86公顷 is no
    完成造林面积 3260亩)."""
    from narrator.drafting.compose import compose
    from narrator.core.evaluate import evaluate
    from narrator.sources.load import load_report
    from narrator.drafting.review import review

    assert review(compose(evaluate(load_report(folder / "unit.yaml")))) == []


def test_the_sixth_held_out_report_checks_clean():
    """First check, before any change for it: 2 false errors (原计划……培训约320人次 in a reason, 确保按期结案率达到
    98%以上 in a measure) and a false warning (……均达到目标；预算执行率97.86%，未达到: another part of the sentence)."""
    result = check_file(ZHANGGONG / "report.txt", ZHANGGONG / "unit.yaml")
    assert result.findings == []


PENGXI = Path(__file__).resolve().parents[1] / "data" / "statements_pengxi"  # 蓬溪县应急管理局 2024 (invented, written blind)


def test_the_seventh_held_out_report_checks_clean():
    """First check: the input was refused (目标值 ≥20种: 种 was no known measure word); with 种, 辆, 栋 … known,
    1 false error (应急演练场次、安全宣传教育覆盖人次两项指标: a count of the two named, not of the table's)."""
    result = check_file(PENGXI / "report.txt", PENGXI / "unit.yaml")
    assert result.findings == []
    said = {item["figure"]: item for item in explanations(result)}
    assert not said["两项"]["linked"]


YUDU = Path(__file__).resolve().parents[1] / "data" / "statements_yudu"  # 于都县民政局 2024 (invented, written blind)


def test_the_eighth_held_out_report_checks_clean():
    """First check, before any change for it: no finding at all."""
    assert check_file(YUDU / "report.txt", YUDU / "unit.yaml").findings == []


def test_the_draft_of_the_eighth_unit_with_its_officers_answers_reviews_clean():
    """Drafting it drew two false findings on the officer's own words: 2所 in a reason compared with a task
    narrative's 5所, and 两项补贴资金实际支出1355.87万元 (a fund of its own) with the whole budget's spending."""
    import dataclasses

    import yaml

    from narrator.api import answer, draft, questions

    notes = yaml.safe_load((YUDU / "officer_notes.yaml").read_text(encoding="utf-8"))
    report = dataclasses.replace(load_report(YUDU / "unit.yaml"), problems=notes["存在问题"], measures=notes["改进措施"])
    # every question but the budget line his reason for 预算执行率 explains (its question is dropped once answered)
    report = answer(report, {q.key: notes["原因"][q.subject] for q in questions(report) if q.kind != "line_reason"})
    assert questions(report) == []
    result = draft(report)
    assert result.findings == [] and result.document.missing == []




def test_the_tenth_held_out_report_checks_clean():
    """A county officer's report (分项目“1.自然资源执法监察经费。年初预算121.80万元……”). First check, before any
    change for it: 32 false errors — each line's figures compared with the whole budget's (30: the line named
    alone in the paragraph's title sentence), 基本支出……，全年调整增加36.40万元 (全年 read as the whole's)."""
    result = check_file(YINAN / "report.txt", YINAN / "unit.yaml")
    assert result.findings == []
    said = {(item["place"], item["figure"]): item for item in explanations(result)}
    assert said["第16段（文本第31行）", "3.42万元"]["explanation"] == \
        "与输入文件的“自然资源执法监察经费”的未支出数（调整预算数 − 实际支出数）（3.42万元）一致"
    assert said["第31段（文本第61行）", "39个"]["explanation"] == "与输入文件的达到或超过目标的指标数（39项）一致"




def test_the_eleventh_held_out_report_checks_clean():
    """A terse report on an old template. First check, before any change for it: 9 false errors — “（万元）” after
    a list of bare numbers read as a figure of its own (5), shares of the 调整预算 the sentence names read as
    shares of spending (2), the “三公”经费's own spending and 两项合计结余 (two lines' remainders) compared with
    the whole budget's."""
    result = check_file(QIDONG / "report.txt", QIDONG / "unit.yaml")
    assert result.findings == []
    said = {(item["place"], item["figure"]): item for item in explanations(result)}
    assert said["第60段（文本第112行）", "941.26"]["explanation"] == \
        "与输入文件的“高标准农田建设县级配套经费”的实际支出数（941.26万元）一致"
    assert said["第5段（文本第9行）", "45.55%"]["explanation"] == \
        "与输入文件的“基本支出”占“预算总金额”调整预算数的比重（45.55%）一致"
    assert not said["第19段（文本第36行）", "15.36万元"]["linked"]


def test_the_twelfth_held_out_report_checks_clean():
    """Prose with tab tables. First check: the input was refused (≥80间: 间 was no known measure word); with 间
    known, 12 false errors — 超计划15个 (a gap) read as a target (3), a share aimed at under （三）年度绩效目标, the
    figures after 分别 paired with names that do not pair (2), 2023年为16800人次 (last year's) compared with
    this year's, 全年实际支出 after 基本支出 read as the whole's (2), 2024年“三公”经费 and its spending, 结余173.55万元
    opening the sentence after its line's, and 截至2024年底，全县共有……幼儿园58所 (a census, not 新建改扩建公办幼儿园)."""
    result = check_file(JINYUN / "report.txt", JINYUN / "unit.yaml")
    assert result.findings == []


def test_the_thirteenth_held_out_report_checks_clean():
    """A street office's terse 公文 with space-aligned tables. First check, before any change for it: 7 false
    errors — two 分别 lists of shares of two wholes summed as one (48.17% + 51.83% + 48.71% + 51.29%), a sentence
    opening 与上年比较，2023年…… whose spending and rate are last year's (2), 上年为25460人次 and 上年整改率97.8%
    (last year's, in their own clause), 未整改139处 (what is left, not 整改) twice."""
    result = check_file(GUICHENG / "report.txt", GUICHENG / "unit.yaml")
    assert result.findings == []
    said = {item["figure"]: item for item in explanations(result)}
    for figure in ("25460人次", "97.8%", "139处", "13712.55万元", "98.04%"):
        assert not said[figure]["linked"], figure
    remainders = [item for item in explanations(result) if item["figure"] == "197.56万元"]
    assert remainders[0]["linked"] and remainders[0]["place"] == "第17段（文本第33行）"


def test_the_fourteenth_held_out_report_checks_clean():
    """A chatbot's bullets (德清县文化广电旅游体育局). First check, before any change for it: 2 false errors —
    另有3项大幅超额完成 (those far over, counted against all 15 exceeded) and 两个项目执行率均低于95% (a bound the
    two named lines pass, read as 项目支出's rate)."""
    result = check_file(DEQING / "report.txt", DEQING / "unit.yaml")
    assert result.findings == []
    said = {item["figure"]: item for item in explanations(result)}
    assert not said["低于95%"]["linked"]


def test_the_fifteenth_held_out_report_checks_clean():
    """A consultancy's analysis with a Markdown table (顺庆区水务局). First check: refused (≥30口); with 口 known,
    5 false errors — 与上年相比，……调整后预算增加345.70万元 (a change on last year) read as the adjusted budget,
    分别调减12.00万元和10.00万元 (the second a cut too), and 综合来看，43项三级指标中39项达到目标值；未达标的4项中，3项为
    履职类指标，1项为过程类的预算执行率 (the whole table's counts, under （五）满意度指标; 1项 of the category named
    after it)."""
    result = check_file(SHUNQING / "report.txt", SHUNQING / "unit.yaml")
    assert result.findings == []
    said = {item["figure"]: item for item in explanations(result)}
    assert not said["345.70万元"]["linked"]
    assert said["10.00万元"]["explanation"].endswith("调整数（-10.00万元）一致")
    assert said["39项"]["linked"] and said["1项"]["linked"]


def _answered_draft(folder):
    import dataclasses

    import yaml

    from narrator.api import answer, draft, questions

    notes = yaml.safe_load((folder / "officer_notes.yaml").read_text(encoding="utf-8"))
    report = dataclasses.replace(load_report(folder / "unit.yaml"), problems=notes["存在问题"], measures=notes["改进措施"])
    report = answer(report, {q.key: notes["原因"][q.subject] for q in questions(report) if q.subject in notes["原因"]})
    return draft(report)


def test_the_officers_reasons_do_not_restate_the_figures_of_their_sentence():
    """A blind reviewer of the tenth unit's draft: “原因是全年预算执行率96.60%，低于目标值1.40个百分点” (a fact given as
    the reason) and “为目标的2.06倍……为目标的2.06倍，大幅超出预期” (the figures twice). The officer's clauses that only
    restate the sentence's figures are left out; a reason opening with other figures goes on the sentence."""
    result = _answered_draft(YINAN)
    assert result.findings == [] and result.document.missing == []
    prose = result.document.prose()
    assert ("预算执行率为96.60%，比98%的目标低1.4个百分点，结余122.90万元。主要原因：一是地质灾害防治与矿山生态修复经费下半年"
            "追加48.60万元，") in prose
    assert ("化解不动产登记历史遗留问题4126户，为目标2000户的2.06倍，主要原因是全县"
            "开展“办证难”专项整治，对涉及的23个住宅项目实行“一项目一方案”集中攻坚、成片化解。") in prose
    assert "年底前未能全部通过验收。" in prose and "差174亩。" not in prose
    # A zero target met is no ceiling kept under but an event that did not happen; a ceiling said alone names its target.
    assert "全年未发生因地质灾害造成的人员伤亡，实现年度目标。" in prose
    assert "地质灾害防治与矿山生态修复项目成本为298.74万元，控制在343.60万元以内。" in prose


def test_a_gap_is_written_in_the_scale_of_its_target():
    """≥8万平方米 against 7.26万平方米: 比目标少0.74万平方米, not 7400平方米."""
    prose = _answered_draft(GUICHENG).document.prose()
    assert "拆除违法建设7.26万平方米，比8万平方米的目标少0.74万平方米，原因是" in prose


def test_the_sixteenth_held_out_report_checks_clean():
    """A finance bureau's text with a tab table (亭湖区市场监督管理局). First check, before any change for it:
    14 findings, 11 of them errors — 要求预算执行率达到95%以上 under 二、部门整体支出绩效目标 (a target), 调整减少20.00万元
    (a cut), shares of the year's increase (调整增加的172.30万元中，……分别占57.23%和42.77%) and of the unspent total
    (占部门年末未支出总额的71.93%), 较上年的3.18亿元 (last year's value, in a task cell too), counts of a field of work
    (食品安全方面指标5项，其中4项达到目标值、1项未达到; ……方面指标3项，全部达到: 3 false warnings), 执行率分别为94.31%和
    96.75% (rates, not shares), 两个项目未支出资金合计30.03万元."""
    result = check_file(TINGHU / "report.txt", TINGHU / "unit.yaml")
    assert result.findings == []
    said = {(item["place"], item["figure"]): item for item in explanations(result)}
    assert said["第24段（文本第47行）", "20.00万元"]["explanation"].endswith("调整数（-20.00万元）一致")
    said = {item["figure"]: item for item in explanations(result)}
    assert not said["71.93%"]["linked"] and not said["30.03万元"]["linked"]


def test_the_seventeenth_held_out_report_checks_clean():
    """An old hand's colloquial report, small numbers in Chinese (湄潭县茶产业发展中心). First check: 2 false errors —
    召集到一起 (一起 read as 1起) and 只完成了目标的90.20% (只完成 read as a name, shared with a task cell's)."""
    result = check_file(MEITAN / "report.txt", MEITAN / "unit.yaml")
    assert result.findings == []
    assert "一起" not in {item["figure"] for item in explanations(result)}


def test_the_eighteenth_held_out_report_checks_clean():
    """A provincial centre's report with Markdown tables (湖北省公路事业发展中心). First check: refused (≥60公里/小时);
    with the unit, 11 false errors — budget rows labelled 一、基本支出 / 1.普通国省道养护工程资金 (their 执行率 each
    compared with the 自评表's 预算执行率: 8), 执行率低于95%的项目共3个 (a threshold), ……等3个项目执行率低于95% (a bound
    several pass), 项目共3个，未支出资金合计4692.38万元 (those lines' remainder)."""
    result = check_file(HUBEIROAD / "report.txt", HUBEIROAD / "unit.yaml")
    assert result.findings == []


def test_the_nineteenth_held_out_report_checks_clean():
    """A forestry bureau's report (沙县区林业局). First check: 21 false findings — the gross 追加 and 追减 of a line
    beside its net change (追加179.80万元，追减12.00万元，净调整167.80万元; 追减0.00万元 when 追加 is the net: 10), a
    share within a whole named between 在 and 中 (在项目支出中约占30.58%), counts said of 该项 under a numbered title
    (2.造林绿化。该项共5项指标，其中4项达到: 6 counts, 3 全部达到), two indicators named and counted (管理制度健全性、资产
    管理规范性2项指标均达到), a group named again (21项达标指标中有3项), 预算执行率98.25% after two counts."""
    result = check_file(SHAXIAN / "report.txt", SHAXIAN / "unit.yaml")
    assert result.findings == []
    # 177 since its 指标达标率 90.91% is read as the share met; 186 since its areas' counts (造林绿化。该项共5项指标……)
    # are found among the input's 重点工作 (the report's own table has none)
    assert (result.figures, result.linked) == (237, 186)
    explained = {(item["figure"], item["explanation"]) for item in explanations(result)}
    assert ("179.80万元", "未对应：同一句中既有追加又有追减，这是各自的数目；表格中只有净调整数") in explained
    assert ("30.58%", "与输入文件的“造林绿化与森林质量提升经费”占“项目支出”实际支出数的比重（30.58%）一致") in explained


def test_the_twentieth_held_out_report_checks_clean():
    """A transport bureau's report by an old finance chief (桐溪市交通运输局). First check: 3 false errors — 上述两个
    公路类项目实际支出合计占项目支出的78.08% (a share of two lines summed), 按目标应按期办结196件 (what the target
    would have given), 新辟……条数、新建……条数实际完成分别为目标的2.63倍和2.5倍 (the names before 分别, not the figures
    of the sentence's earlier part)."""
    result = check_file(TONGXI / "report.txt", TONGXI / "unit.yaml")
    assert result.findings == []
    assert (result.figures, result.linked) == (231, 157)
    explained = {(item["figure"], item["explanation"]) for item in explanations(result)}
    assert ("78.08%", "未对应：占比的部分是几项之和，表格中没有这一数") in explained
    assert ("196件", "未对应：说的是假设、剔除某项后或按目标测算的数，不是完成值") in explained
    assert ("2.63倍", "与输入文件的“新辟优化城乡公交线路条数”完成值与目标值之比（2.63倍）一致") in explained


def test_the_twenty_first_held_out_report_checks_clean():
    """A health bureau's report in a chatbot's bullets (崆峒区卫生健康局). First check: refused (≤15/10万); with
    the unit, 9 false errors — the year's targets listed after 主要设定了以下目标： (7), a share of the year's
    change (调整数中……追加74.50万元，占调整总额的42.23%), percentage points of a rate per 10万 (孕产妇死亡率)."""
    result = check_file(KONGTONG / "report.txt", KONGTONG / "unit.yaml")
    assert result.findings == []
    # 达标率90.70% after the counts; 该项目是……，实际支出占项目支出实际支出的55.11% (该项目 read back past its clause)
    assert (result.figures, result.linked) == (221, 152)  # 152: its areas' counts found among the input's 重点工作
    explained = {(item["figure"], item["explanation"]) for item in explanations(result)}
    assert ("65%以上", "与输入文件的“65岁及以上老年人健康管理率”的目标值（≥65%）一致") in explained


def test_the_lanchuan_report_checks_clean():
    """A water bureau's report in an officer's own hand (岚川县水利局). First check: 12 false errors — 超过15次的目标3次
    and 为40口目标的2.3倍 (a target written inside the comparison), 比1.58亿立方米的控制指标少0.09亿立方米, 67座小型水库
    防汛“三个责任人”落实率100% and 全县有小型水库67座 (how many there are), 计划……的8座小型水库中完成6座 (计划 is the
    8座's), 不合格45份 beside 合格317份, 由乡镇和村集体组织清淤整治山塘52口 (a part others did), 两个指标 (names counted),
    项目支出……结余率5.13% (the line's rate), 调减的20.00万元 (a cut, not the budget's net increase)."""
    result = check_file(LANCHUAN / "report.txt", LANCHUAN / "unit.yaml")
    assert result.findings == []
    explained = {(item["figure"], item["explanation"]) for item in explanations(result)}
    assert ("3次", "与输入文件的“防汛应急演练次数”完成值与目标值之差（3次）一致") in explained
    assert ("0.09亿立方米", "与输入文件的“年度用水总量”完成值与目标值之差（0.09亿立方米）一致") in explained


LANXI = Path(__file__).resolve().parents[1] / "data" / "statements_lanxi"  # 澜溪县自然资源局 2024 (invented, prose + Markdown tables)

# Its 12 edits, 8 caught on the edited figure at first check (beside 17 false errors then).
LANXI_EDITS = {
    "wrong01.txt": [("N101", "19486件", "19846件")],
    "wrong02.txt": [("N101", "不低于35.60万亩", "≥35.80万亩")],
    "wrong03.txt": [("N205", "108.52%", "108.25%")],  # the table's 完成率 cell
    "wrong04.txt": [("N101", "2.76倍", "2.67倍")],
    "wrong05.txt": [("N101", "136.5亩", "163.5亩")],  # 比1200亩的目标少…: the target only 补充耕地面积 has
    "wrong06.txt": [("N101", "0.76个百分点", "0.67个百分点")],  # 低于5%的控制上限…个百分点
    # the table's 调整数 cell: its row no longer adds up, said of the row's 调整后预算 (which cell is wrong the
    # table cannot tell)
    "wrong07.txt": [("N203", "2210.00", "2190.00")],
    "wrong08.txt": [("N101", "921.06万元", "912.06万元")],
    "wrong09.txt": [("N202", "96.23%", "96.32%")],  # a table cell
    "wrong10.txt": [("N101", "40.04%", "40.40%")],
    "wrong11.txt": [("N101", "139.25万元", "193.25万元")],
    "wrong12.txt": [("N101", "16项", "15项")],
}


def test_the_twenty_second_held_out_report_checks_clean():
    """A land bureau's report in an officer's numbered prose with three Markdown tables (澜溪县自然资源局). First check,
    before any change for it: 17 false errors — 12 targets of the goals' paragraph titled （三）年度绩效目标。, the
    lines named in a reason (因争取到……地质灾害防治补助……，全年调增预算557.40万元), 少完成2个 (the gap), 全年23个项目
    中商品房项目11个 (a part of what the table holds), 对未整改到位的11个图斑 (what was not done)."""
    result = check_file(LANXI / "report.txt", LANXI / "unit.yaml")
    assert result.findings == []
    said = {(item["place"], item["figure"]): item["explanation"] for item in explanations(result)}
    assert said["第22段（文本第73行）", "163.5亩"].endswith("的“补充耕地面积”完成值与目标值之差（163.5亩）一致")
    assert said["第22段（文本第73行）", "1200亩"].endswith("的“补充耕地面积”的目标值（≥1200亩）一致")


@pytest.mark.parametrize("name, errors", sorted(LANXI_EDITS.items()))
def test_each_edit_of_the_twenty_second_report_is_found(name, errors):
    manifest = {item["file"]: item for item in json.loads((LANXI / "manifest.json").read_text(encoding="utf-8"))}
    assert manifest[name]["wrong"] in (errors[0][1] if name != "wrong07.txt" else "|" + manifest[name]["sentence"])
    result = check_file(LANXI / name, LANXI / "unit.yaml")
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.severity == "error"] == errors


QICHUAN = Path(__file__).resolve().parents[1] / "data" / "statements_qichuan"  # 漆川县城市管理局 2024 (invented)

# Its 12 edits (edits.json), 10 caught on the edited figure at first check (beside 1 false error then).
QICHUAN_EDITS = {
    "edit01": [("N101", "85.3%", "83.5%")],
    "edit02": [("N101", "4.5个百分点", "3.5个百分点")],
    "edit03": [("N101", "14座", "8座 / 13座")],  # 新建5座、改造8座，共14座: the narrative's 改造 and the indicator
    "edit04": [("N101", "5个", "4个")],  # 计划创建的15个……比目标少5个: the target only one indicator has
    "edit05": [("N101", "3368吨", "3386吨")],
    "edit06": [("N101", "97.8%", "96.8%")],  # 修复及时率 of 市政道路破损修复及时率: 及 of 及时 joins nothing
    "edit07": [("N101", "2.4倍", "2.7倍")],
    "edit08": [("N101", "2.8个百分点", "3.8个百分点")],
    "edit09": [("N101", "95.83%", "95.33%")],
    "edit10": [("N101", "506.38万元", "560.38万元")],
    "edit11": [("N101", "75.30%", "73.50%")],
    "edit12": [("N101", "45%", "≥40%")],
}


@pytest.mark.parametrize("report", ["report.txt", "assistant_report.txt"])
def test_the_twenty_third_held_out_reports_check_clean(report):
    """A city administration bureau (漆川县城市管理局), as its officer wrote it and as a writing assistant did. First
    check, before any change for it: one false error in each — 年初目标按新建2处停车场420个泊位和道路施划临时泊位380个
    测算 (how the target was reckoned, not what was done)."""
    result = check_file(QICHUAN / report, QICHUAN / "unit.yaml")
    assert result.findings == []
    said = {item["figure"]: item["explanation"] for item in explanations(result) if item["figure"] == "380个"}
    assert said == {"380个": "未对应：说的是假设、剔除某项后或按目标测算的数，不是完成值"}


@pytest.mark.parametrize("name, errors", sorted(QICHUAN_EDITS.items()))
def test_each_edit_of_the_twenty_third_report_is_found(name, errors, tmp_path):
    edit = next(item for item in json.loads((QICHUAN / "edits.json").read_text(encoding="utf-8"))
                if item["name"] == name)
    text = (QICHUAN / "report.txt").read_text(encoding="utf-8")
    assert text.count(edit["written"]) == 1
    edited = tmp_path / f"{name}.txt"
    edited.write_text(text.replace(edit["written"], edit["edited"]), encoding="utf-8")
    result = check_file(edited, QICHUAN / "unit.yaml")
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.severity == "error"] == errors


@pytest.mark.parametrize("text, errors", [
    # two rates said together against two targets; a shortfall as a part of a target named without brackets
    ("今年65岁及以上老年人健康管理率为61.8%、2型糖尿病患者基层规范管理服务率为58.7%，分别低于65%和62%的目标。"
     "家庭医生签约服务91468人，仅完成目标95000人的96.3%。", []),
    # the same with a rate planted wrong: the checker still knows 62% is a target and 57.8% the completion
    ("今年65岁及以上老年人健康管理率为61.8%、2型糖尿病患者基层规范管理服务率为57.8%，分别低于65%和62%的目标。"
     "家庭医生签约服务91468人，仅完成目标95000人的96.3%。", [("N101", "57.8%", "58.7%")]),
    # the ratio after a target named by its figure is checked as a ratio
    ("家庭医生签约服务91468人，仅完成目标95000人的98.3%。", [("N101", "98.3%", "96.3%")]),
])
def test_two_targets_said_together_and_a_target_named_in_a_ratio_are_targets(tmp_path, text, errors):
    """An officer's hand (and narrator's draft, which found itself wrong on both): 分别低于65%和62%的目标 had read
    65% as a completion of the indicator whose name holds 65岁 and 62% as the other's; 仅完成目标95000人的96.3%
    as saying the target was met (N104)."""
    report = tmp_path / "报告.txt"
    report.write_text(text, encoding="utf-8")
    result = check_file(report, KONGTONG / "unit.yaml")
    # (the shortfalls' reasons are not in these lines: N102 warns of that)
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.severity == "error"] == errors


def test_a_target_reckoned_in_a_clause_of_its_own_is_no_completion(tmp_path):
    """漆川's account in a report's register (年初目标800个，按……380个测算 — no 是……的): the basis of the target, in a clause
    of its own after it, is not what was done; a figure after 按时 in another clause is still checked."""
    text = (QICHUAN / "report.txt").read_text(encoding="utf-8")
    said = "年初目标按新建2处公共停车场420个泊位和道路施划临时泊位380个测算"
    assert text.count(said) == 1
    plain = text.replace(said, "年初目标800个，按新建2处公共停车场420个泊位和道路施划临时泊位380个测算")
    (tmp_path / "report.txt").write_text(plain, encoding="utf-8")
    result = check_file(tmp_path / "report.txt", QICHUAN / "unit.yaml")
    assert result.findings == []
    said = {item["figure"]: item["explanation"] for item in explanations(result) if item["figure"] == "380个"}
    assert said == {"380个": "未对应：说的是假设、剔除某项后或按目标测算的数，不是完成值"}


@pytest.mark.parametrize("written, errors", [("36项", []), ("35项", [("N101", "35项", "36项")])])
def test_a_count_after_a_bracketed_aside_counts_the_whole(tmp_path, written, errors):
    """澜溪's count of its indicators with their kinds in brackets, as a report may write it (绩效指标共40项（定量指标28项、
    定性指标12项），其中36项……): its 其中 counts the forty, the bracket is an aside — it had been read as the qualitative
    indicators' (a false N101 on a correct 36项, found when narrator's own draft was so worded); a wrong count is found."""
    text = (LANXI / "report.txt").read_text(encoding="utf-8")
    said = ("2024年部门整体绩效指标共40项，其中决策类5项、过程类8项、履职类19项、效益类5项、满意度类3项；按指标性质分，"
            "定量指标28项、定性指标12项。全年有36项指标达到或超过目标")
    assert text.count(said) == 1
    aside = f"2024年部门整体绩效指标共40项（定量指标28项、定性指标12项），其中{written}指标达到或超过目标"
    (tmp_path / "report.txt").write_text(text.replace(said, aside), encoding="utf-8")
    result = check_file(tmp_path / "report.txt", LANXI / "unit.yaml")
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.severity == "error"] == errors
    if not errors:
        said = {item["figure"]: item["explanation"] for item in explanations(result)
                if item["figure"] in ("28项", "12项", "36项") and item["location"]["paragraph"] == 18}
        assert said == {"28项": "与输入文件的定量指标数（28项）一致", "12项": "与输入文件的定性指标数（12项）一致",
                        "36项": "与输入文件的达到或超过目标的指标数（36项）一致"}


@pytest.mark.parametrize("written, errors", [("267.34万元", []), ("276.34万元", [("N101", "276.34万元", "267.34万元")])])
def test_spending_below_a_column_named_after_it_is_their_difference(tmp_path, written, errors):
    """梧冈's own report with the line's spending compared with its initial budget the way another hand writes it
    (养老服务体系建设资金支出1012.66万元，低于年初预算267.34万元): the difference of the two columns, not a claim that the
    initial budget is 267.34万元 (it was read so: a false N101 when narrator's draft said it); a wrong difference is found."""
    folder = Path(__file__).resolve().parents[1] / "data" / "statements_wugang"
    text = (folder / "unit_report.txt").read_text(encoding="utf-8")
    said = "养老服务体系建设资金支出1012.66万元，"
    assert text.count(said) == 1
    (tmp_path / "report.txt").write_text(text.replace(said, f"养老服务体系建设资金支出1012.66万元，低于年初预算{written}，"),
                                         encoding="utf-8")
    result = check_file(tmp_path / "report.txt", folder / "unit.yaml")
    assert [(f.code, f.claimed, f.expected) for f in result.findings if f.severity == "error"] == errors
    if not errors:
        assert {item["figure"]: item["explanation"] for item in explanations(result) if item["figure"] == written} == {
            written: "与输入文件的“养老服务体系建设资金”的年初预算数与实际支出数之差（267.34万元）一致"}


def test_a_bound_the_rest_of_the_lines_share_is_not_one_lines_figure(tmp_path):
    """narrator's own 其余五个项目共结转结余31.86万元，执行率均在96%以上 (4263262+): a bound all five pass, linked by 在 to its
    均 — read as 项目支出's 94.74 % it drew N101 in the drafts' self-check. A rate said of one line stays checked."""
    folder = Path(__file__).parent.parent / "data" / "statements_lanxi"
    text = (folder / "report.txt").read_text(encoding="utf-8")
    report = tmp_path / "report.txt"
    end = "未支出6.30万元，执行率97.33%。"  # the last of the lines, in 二、部门预算执行情况
    report.write_text(text.replace(end, end + "其余五个项目共结转结余31.86万元，执行率均在96%以上。"), encoding="utf-8")
    result = check_file(report, folder / "unit.yaml")
    assert result.findings == []
    said = {item["figure"]: item for item in explanations(result)}
    assert not said["96%以上"]["linked"]
    report.write_text(text.replace(end, end + "国土变更调查及测绘地理信息经费执行率96.33%。"), encoding="utf-8")
    assert [(f.claimed, f.expected) for f in check_file(report, folder / "unit.yaml").findings] == [("96.33%", "97.33%")]


JIANGLING = Path(__file__).resolve().parents[1] / "data" / "statements_jiangling"  # 绛岭 生态环境分局 2024 (written blind)
YIBAO = Path(__file__).resolve().parents[1] / "data" / "statements_yibao"  # 岜林县医疗保障局 2024 (written blind)
ZHUJIAN = Path(__file__).resolve().parents[1] / "data" / "statements_zhujian"  # 岱川市住房和城乡建设局 2024 (written blind)

# Their 36 edits: 32 caught when first measured (9, 12, 11; 岜林's 0.17个百分点 told against another indicator's
# 0.62), 33 now; the three missed are a target in brackets whose
# sentence words the indicator otherwise (在全县17个在建工地安装……设备（目标16个以上）), a line's rate among four said
# 分别 (执行率分别为98.69%、97.48%……), and 租赁补贴 …（目标1160户以上） — unlinked, not called wrong.
JIANGLING_EDITS = {
    "wrong01.txt": [("N101", "165家次", "156家次")],
    "wrong02.txt": [],
    "wrong03.txt": [("N101", "109.14%", "109.41%")],
    "wrong04.txt": [("N101", "2.05倍", "2.15倍")],
    "wrong05.txt": [("N101", "4个", "5个")],
    "wrong06.txt": [("N101", "1.2个百分点", "2.1个百分点")],
    "wrong07.txt": [("N101", "105.00万元", "150.00万元")],
    "wrong08.txt": [("N101", "1219.73万元", "1219.37万元")],
    "wrong09.txt": [],
    "wrong10.txt": [("N101", "40.48%", "40.84% / 40.84%")],
    "wrong11.txt": [("N101", "35.34万元", "33.54万元")],
    "wrong12.txt": [("N101", "16项", "15项")],
}
YIBAO_EDITS = {
    "wrong01.txt": [("N101", "86.74%", "86.47%")],
    "wrong02.txt": [("N101", "≤21个工作日", "≤20个工作日")],
    "wrong03.txt": [("N101", "105.50%", "105.00%")],
    "wrong04.txt": [("N101", "1.87倍", "1.78倍")],
    "wrong05.txt": [("N101", "22个", "24个")],
    "wrong06.txt": [("N101", "0.17个百分点", "0.71个百分点")],
    "wrong07.txt": [("N101", "16.00万元", "18.00万元")],
    "wrong08.txt": [("N101", "2952.46万元", "2925.46万元")],
    "wrong09.txt": [("N101", "99.62%", "99.26%")],
    "wrong10.txt": [("N101", "45.29%", "45.92% / 45.92%")],
    "wrong11.txt": [("N101", "86.93万元", "89.63万元")],
    "wrong12.txt": [("N101", "15项", "14项")],
}
ZHUJIAN_EDITS = {
    "wrong01.txt": [("N101", "865批次", "856批次")],
    "wrong02.txt": [("N101", "1160户以上", "≥1100户")],  # (found since a bracketed floor is read as its target)
    "wrong03.txt": [("N101", "106.76%", "106.67%")],
    "wrong04.txt": [("N101", "2.4倍", "2.0倍")],
    "wrong05.txt": [("N101", "8.7公里", "8.2公里")],
    "wrong06.txt": [("N101", "3.8个百分点", "3.3个百分点")],
    "wrong07.txt": [("N101", "26.00万元", "36.00万元")],
    "wrong08.txt": [("N101", "2018.64万元", "2018.46万元")],
    "wrong09.txt": [("N101", "96.26%", "96.62%")],
    "wrong10.txt": [("N101", "49.47%", "49.77% / 49.77%")],
    "wrong11.txt": [("N101", "85.88万元", "88.55万元")],
    "wrong12.txt": [("N101", "18项", "19项")],
}


@pytest.mark.parametrize("folder", [JIANGLING, YIBAO, ZHUJIAN])
def test_three_reports_of_other_hands_never_seen_check_clean(folder):
    """Three reports in other provinces' styles (湖北, 广西, 山东), written blind this session. First check, before
    any change for them: 6, 13 and 22 findings (37 errors). Their causes, each mended: counts of a task area said
    after its numbered title run into the paragraph (1.城镇老旧小区改造……。该方向设置4项指标，3项达到……; （1）参保扩面
    和待遇保障。设置指标3项，达到目标2项) read as the whole category's; a share of the line's adjusted budget (……调整后为
    1110.00万元，占项目支出的40.84%) and one of what was left unspent (……未支出375.99万元，其中……323.58万元，占86.06%)
    read as shares of spending; a line's sums (3850.00万元, 1074.00万元, 323.58万元) read as a task narrative's figure
    of the same fund (追加……650.00万元); 完成39个 after 需整治……48个 read as the plan; 涉及3个项目 as a narrative's
    涉及9个镇; 超过控制目标2.4微克/立方米 as a target; 比年初多46家 as a value; 两家医院退回……196.80万元 as the
    whole's 327.48万元; 如果把这个项目单独拿出来，部门其余预算……; 部门整体预算执行率没有达到95% as the line named before
    (its paragraph's opening sentence taken for a title); 年末未支出88.55万元 in a paragraph about one line as the
    whole's; 2个小区因……，延至2025年4月完工 as 完工数; 已接近10%的控制目标 as a target 7.91% falls short of."""
    result = check_file(folder / "report.txt", folder / "unit.yaml")
    assert result.findings == []
    said = {(item["figure"], item["subject"]): item["explanation"] for item in explanations(result)}
    if folder == ZHUJIAN:
        assert said["4项", "#count:total:~城镇老旧小区改造和既有住宅加装电梯"] == \
            "与输入文件的城镇老旧小区改造和既有住宅加装电梯指标数（4项）一致"
        assert said["88.55万元", "年末"] == ("与预算信息表表1第5行「实际支出数」列（文本第42行）的“城镇老旧小区改造配套资金”的"
                                            "未支出数（调整预算数 − 实际支出数）（88.55万元）一致")
    if folder == JIANGLING:
        assert said["40.84%", "占项目支出"].endswith("调整预算数的比重（40.84%）一致")
    if folder == YIBAO:
        assert said["3项", "#count:total:~参保扩面和待遇保障"] == "与输入文件的参保扩面和待遇保障指标数（3项）一致"


@pytest.mark.parametrize("folder, name, errors", [(JIANGLING, name, errors) for name, errors in JIANGLING_EDITS.items()]
                         + [(YIBAO, name, errors) for name, errors in YIBAO_EDITS.items()]
                         + [(ZHUJIAN, name, errors) for name, errors in ZHUJIAN_EDITS.items()])
def test_each_edit_of_the_jiangling_yibao_zhujian_reports_is_found_or_left_unlinked(folder, name, errors):
    manifest = {item["file"]: item for item in json.loads((folder / "manifest.json").read_text(encoding="utf-8"))}
    wrong = manifest[name]["wrong"]
    assert not errors or any(wrong in error[1] or error[1] in wrong for error in errors)
    assert _errors_of(folder / name, folder / "unit.yaml") == errors


def _errors_of(report: Path, data: Path) -> list[tuple[str, str, str]]:
    """The error findings of a report checked against its data: code, what it says, what the tables give."""
    return [(f.code, f.claimed, f.expected) for f in check_file(report, data).findings if f.severity == "error"]


TUIYI = Path(__file__).resolve().parents[1] / "data" / "statements_tuiyi"  # 青峪县退役军人事务局 2024 (written blind)
SIFA = Path(__file__).resolve().parents[1] / "data" / "statements_sifa"  # 桐澜区司法局 2024 (written blind)

# Their 24 edits, measured once, after this session's changes for the three before them: 20 found — two of them, a
# table's 调整数 changed, by the sums of its column and row (N204, N203), not at the figure; the misses are unlinked.
TUIYI_EDITS = {
    "wrong01.txt": [("N101", "383人", "338人")],  # its target in brackets right after it names the indicator
    "wrong02.txt": [("N101", "≥100人", "≥120人")],
    "wrong03.txt": [("N205", "112.76%", "112.67%")],
    "wrong04.txt": [("N101", "2.13倍", "2.31倍")],
    "wrong05.txt": [("N101", "64人", "46人")],
    "wrong06.txt": [("N101", "6.16个百分点", "6.61个百分点")],
    "wrong07.txt": [("N204", "561.40", "597.40"), ("N203", "5744.40", "5780.40")],
    "wrong08.txt": [("N101", "1514.20万元", "1541.20万元")],
    "wrong09.txt": [("N202", "96.86%", "96.68%")],
    "wrong10.txt": [("N101", "62.15%", "62.51% / 62.51%")],
    "wrong11.txt": [("N101", "285.54万元", "288.54万元")],
    "wrong12.txt": [("N101", "17项", "16项")],
}
SIFA_EDITS = {
    "wrong01.txt": [("N101", "1568件", "1586件")],
    "wrong02.txt": [],
    "wrong03.txt": [("N205", "108.76%", "108.67%")],
    "wrong04.txt": [("N101", "1.71倍", "1.72倍")],
    "wrong05.txt": [],
    "wrong06.txt": [("N101", "2.67个百分点", "2.76个百分点")],
    "wrong07.txt": [("N203", "262.00", "266.00")],
    "wrong08.txt": [("N101", "412.52万元", "414.52万元")],
    "wrong09.txt": [("N202", "96.42%", "96.24%")],
    "wrong10.txt": [],
    "wrong11.txt": [("N101", "96.14万元", "91.64万元")],
    "wrong12.txt": [("N101", "18项", "17项")],
}


@pytest.mark.parametrize("folder", [TUIYI, SIFA])
def test_two_more_reports_never_seen_check_clean(folder):
    """A chatbot's report its officer edited (四川, bullets and bold titles) and one of tables (浙江), written blind
    after the three above were mended. First check: 青峪 4 warnings (1. 退役士兵接收安置：4项指标全部达到目标 — a title
    run in before a colon — and 退役士兵接收安置、军休干部服务管理等工作指标全部达到: those named with 等), 桐澜 refused
    (≥300卷: 卷 no known measure word), then 1 false error (4.社区矫正和安置帮教。4项指标全部达到目标). Now none."""
    assert check_file(folder / "report.txt", folder / "unit.yaml").findings == []


@pytest.mark.parametrize("folder, name, errors", [(TUIYI, name, errors) for name, errors in TUIYI_EDITS.items()]
                         + [(SIFA, name, errors) for name, errors in SIFA_EDITS.items()])
def test_each_edit_of_the_two_reports_is_found_or_left_unlinked(folder, name, errors):
    assert _errors_of(folder / name, folder / "unit.yaml") == errors


TONGJI = Path(__file__).resolve().parents[1] / "data" / "statements_tongji"  # 桦岭县统计局 2024 (written blind)

# Its 12 edits: 11 found at the figure or its sentence — two by the sentence's own arithmetic against the target in
# brackets (N108: 186块（目标≥180块），完成目标的103.03%; 32家（目标≥35家），比目标多2家 — the target edited, the gap
# told against it), one (a table's 调整数) by the sums of its row and column.
TONGJI_EDITS = {
    "wrong01.txt": [("N101", "3824个", "3842个"), ("N105", "3824个", "3842个")],
    "wrong02.txt": [("N108", "2家", "3家")],
    "wrong03.txt": [("N101", "103.03%", "103.33%")],  # (read under the indicator its bracketed target names)
    "wrong04.txt": [("N101", "1.58倍", "1.85倍")],
    "wrong05.txt": [("N101", "15日", "13日")],
    "wrong06.txt": [("N101", "0.48个百分点", "0.38个百分点")],
    "wrong07.txt": [("N204", "53.90", "55.70"), ("N203", "24.50", "26.30")],
    "wrong08.txt": [("N101", "40.21万元", "40.12万元")],
    "wrong09.txt": [("N202", "96.41%", "96.14%")],
    "wrong10.txt": [("N101", "53.05%", "53.50% / 53.50%")],
    "wrong11.txt": [("N101", "46.36万元", "46.63万元")],
    "wrong12.txt": [("N101", "17项", "18项")],
}


def test_a_report_of_a_statistics_bureau_never_seen_checks_clean():
    """黑龙江 style, three tables, written blind this session. First check: 5 false errors and a warning — 满意度类3项
    指标中 read as 履职's count (the count before it in the sentence led a group too); 46名普查指导员和213名普查员共259人
    read as 普查员's (a sum of those listed); ……占88.11%；扣除……经费后，部门其余预算执行率为99.40% read as that line's
    (a reckoning after ；); 1.社会效益。一是……。2项指标均达到目标 read as the whole's (the paragraph's closing count is of
    its title's part); 普查成果用于查漏补缺，新增入库“四上”企业21家 read as all 37 (the narrative's part of 21, named
    nearly whole). Now none, each read as the explanation says."""
    result = check_file(TONGJI / "report.txt", TONGJI / "unit.yaml")
    assert result.findings == []
    said = {(item["figure"], item["subject"]): item["explanation"] for item in explanations(result)}
    assert said[("3项", "#count:total:满意度")] == "与输入文件的满意度类指标数（3项）一致"
    assert said[("259人", "普查员共")] == "未对应：这是同一分句前面列出的几个数之和，表格中没有这一数"
    assert said[("2项", "#count:met:@社会效益")] == "与输入文件的社会效益指标中达到或超过目标的个数（2项）一致"
    assert said[("21家", "新增入库“四上”企业")].startswith("未对应：与所读出的指标不一致，但与表格中")
    assert said[("99.40%", "部门其余预算执行率")].startswith("未对应：")


@pytest.mark.parametrize("name, errors", sorted(TONGJI_EDITS.items()))
def test_each_edit_of_the_statistics_bureaus_report_is_found(name, errors):
    assert _errors_of(TONGJI / name, TONGJI / "unit.yaml") == errors



XUMU = Path(__file__).resolve().parents[1] / "data" / "statements_xumu"  # 潩阳县畜牧兽医服务中心 2024 (written blind)
CANLIAN = Path(__file__).resolve().parents[1] / "data" / "statements_canlian"  # 梓岩县残疾人联合会 2024 (written blind)
SHANGWU = Path(__file__).resolve().parents[1] / "data" / "statements_shangwu"  # 桐岭县商务局 2024 (written blind)

# Their 36 edits: 33 found at the figure (three by a table's row and column sums); the three missed are unlinked (a
# share of what was left unspent, a multiple whose sentence names no indicator's words, ……).
NEW_EDITS = {
    XUMU: {
        "wrong01.txt": [("N101", "41.72万头", "41.27万头")],
        "wrong02.txt": [("N101", "3000份以上", "3600份以上")],  # 3000份以上 states no figure of the tables exactly
        "wrong03.txt": [("N101", "103.16%", "103.61%")],
        "wrong04.txt": [("N101", "1.67倍", "1.62倍")],
        "wrong05.txt": [("N101", "0.16万头", "0.14万头")],
        "wrong06.txt": [("N101", "0.13个百分点", "0.17个百分点")],
        "wrong07.txt": [("N204", "27.00", "37.00"), ("N203", "234.80", "244.80")],
        "wrong08.txt": [("N101", "160.38万元", "160.83万元")],
        "wrong09.txt": [("N202", "96.78%", "96.87%")],
        "wrong10.txt": [("N101", "43.45%", "43.55% / 43.55%")],
        "wrong11.txt": [("N101", "85.32万元", "83.52万元")],
        "wrong12.txt": [("N101", "17项", "18项")],
    },
    CANLIAN: {
        "wrong01.txt": [("N101", "136人", "163人")],
        "wrong02.txt": [("N101", "不超过15个工作日", "≤20个工作日")],
        "wrong03.txt": [("N205", "104.32%", "104.23%")],
        "wrong04.txt": [("N101", "2.13倍", "2.31倍")],
        "wrong05.txt": [("N101", "142户", "124户")],
        "wrong06.txt": [("N101", "4.5个百分点", "5.4个百分点")],
        "wrong07.txt": [("N204", "99.00", "102.00"), ("N203", "103.50", "106.50")],
        "wrong08.txt": [("N101", "66.21万元", "66.12万元")],
        "wrong09.txt": [("N202", "96.34%", "96.43%")],
        "wrong10.txt": [],
        "wrong11.txt": [("N101", "73.87万元", "73.78万元")],
        "wrong12.txt": [("N101", "14项", "13项")],
    },
    SHANGWU: {
        "wrong01.txt": [("N101", "52.37亿元", "53.27亿元")],
        "wrong02.txt": [("N101", "不低于70%", "≥75%")],
        "wrong03.txt": [("N205", "129.71%", "129.17%")],
        "wrong04.txt": [],
        "wrong05.txt": [("N101", "3.46亿元", "3.64亿元")],
        "wrong06.txt": [("N101", "4.91个百分点", "4.19个百分点")],
        "wrong07.txt": [("N204", "327.00", "372.00"), ("N203", "210.00", "255.00")],
        "wrong08.txt": [("N101", "311.52万元", "311.25万元")],
        "wrong09.txt": [("N101", "95.70%", "95.07%")],
        "wrong10.txt": [],
        "wrong11.txt": [("N106", "77.43%", "77.32%"), ("N101", "313.40万元", "311.40万元")],
        "wrong12.txt": [("N101", "6项", "7项")],
    },
}


def test_three_more_reports_never_seen_check_clean():
    """河南 (a 事业单位's figures one paragraph each), 贵州 (figures in brackets after 一是……), 安徽 (目标：/完成：/偏差：
    under each area). First check, before any change for them: 畜牧 3 false errors (合格率97.94% of the 兽药饲料 samples
    read as 强制免疫抗体合格率 — the sentence names another indicator; 年中调减畜禽良种改良（牛冷配）项目经费18.00万元 not read
    as a cut — the bracket in the name; 未达到目标的4项指标及差距见表2 under （五）满意度 read as 满意度's — a pointer to a
    table counts all); 残联 2 and a warning (未支出62.00万元 read as 项目支出's, named only in 比项目支出平均执行率低; 达到
    目标的指标中又有3项大幅超过目标 read as those met; 县级任务全部完成 read as every goal); 商务 (refused at first: 万美元)
    18 and a warning (目标：社会消费品零售总额186亿元以上，…… read as results; 偏差：4项指标中3项达到目标 read as the whole's
    under 1．促消费和商贸流通; 唯一没有达到目标的一项 read as met; 仅汽车类消费券就带动消费1.52亿元 read as all of 2.87亿元).
    Now none."""
    for folder in NEW_EDITS:
        assert check_file(folder / "report.txt", folder / "unit.yaml").findings == []
    said = {(item["figure"], item["subject"]): item["explanation"]
            for item in explanations(check_file(SHANGWU / "report.txt", SHANGWU / "unit.yaml"))}
    assert said[("186亿元以上", "社会消费品零售总额")].endswith("的“社会消费品零售总额”的目标值（≥186亿元）一致")
    assert said[("3项", "#count:met:~招商引资和项目落地")] == "与输入文件的招商引资和项目落地指标中达到或超过目标的个数（3项）一致"
    assert said[("一项", "#count:missed:过程")] == "与输入文件的过程类指标中未达到目标的个数（1项）一致"


@pytest.mark.parametrize("folder, name, errors", [(folder, name, errors) for folder, edits in NEW_EDITS.items()
                                                  for name, errors in edits.items()])
def test_each_edit_of_the_three_reports_is_found_or_left_unlinked(folder, name, errors):
    assert _errors_of(folder / name, folder / "unit.yaml") == errors


QIXIANG = Path(__file__).resolve().parents[1] / "data" / "statements_qixiang"  # 沧岚县气象局 2024 (written blind)
SHENJI = Path(__file__).resolve().parents[1] / "data" / "statements_shenji"  # 潇川县审计局 2024 (written blind)

# Written blind after the changes above and checked once before any change for them: 气象 1 false error (8个项目中，
# 6个项目执行率在95%以上 read as the whole's rate: a bound some items pass), 审计 4 (……142个预算单位的预算执行……都在
# 我局审计监督范围之内 — a scope, said after the figure; 未达到目标的指标中，履职类4项、满意度类1项 — the group named
# without its count; 平台建设经费执行率仅44.00%，年末未支出67.20万元 — the line its rate agrees with, named in other
# words). Their edits: 11 and 8 of 12 found (a gap after a plan read as done, 已整改324个 whose ratio and gap the
# table's figure gives, a table's ratio cell, 差34个 → 24个 beside a ratio the tables agree with, left unlinked).
LAST_EDITS = {
    QIXIANG: {
        "wrong01.txt": [("N101", "44期", "41期")],
        "wrong02.txt": [("N101", "97%", "≥98%")],
        "wrong03.txt": [("N205", "106.76%", "106.67%")],
        "wrong04.txt": [("N101", "2.57倍", "2.75倍")],
        "wrong05.txt": [],
        "wrong06.txt": [("N101", "7.28个百分点", "7.82个百分点")],
        "wrong07.txt": [("N204", "65.50", "65.95"), ("N203", "22.50", "22.95")],
        "wrong08.txt": [("N101", "26.40万元", "24.60万元")],
        "wrong09.txt": [("N202", "98.36%", "98.63%")],
        "wrong10.txt": [("N101", "42.61%", "42.16% / 42.16%")],
        "wrong11.txt": [("N101", "46.16万元", "46.61万元")],  # 年末未支付: what the line left, not 年末支付
        "wrong12.txt": [("N101", "6项", "7项")],
    },
    SHENJI: {
        # (324个（目标300个以上），完成目标的114.00%，比目标多42个: the floor 以上 is the target itself — the sentence's
        # ratio and gap do not follow from its figures)
        "wrong01.txt": [("N108", "114.00%", "108.00%"), ("N108", "42个", "24个")],
        "wrong02.txt": [("N101", "32项以上", "≥30项")],
        "wrong03.txt": [],
        "wrong04.txt": [("N101", "2.82倍", "2.28倍")],
        "wrong05.txt": [("N108", "24个", "34个")],  # 86个（目标120个以上），……比目标少24个
        "wrong06.txt": [("N101", "1.28个百分点", "1.82个百分点")],
        "wrong07.txt": [("N204", "97.50", "95.50"), ("N203", "83.00", "81.00")],
        "wrong08.txt": [("N101", "101.78万元", "101.87万元")],
        "wrong09.txt": [("N202", "96.57%", "96.75%")],
        "wrong10.txt": [("N101", "57.25%", "57.52% / 57.52%")],
        "wrong11.txt": [("N101", "74.21万元", "74.12万元")],
        "wrong12.txt": [("N101", "15项", "14项")],
    },
}


def test_the_last_two_reports_never_seen_check_clean():
    for folder in LAST_EDITS:
        assert check_file(folder / "report.txt", folder / "unit.yaml").findings == []
    said = {(item["figure"], item["subject"]): item["explanation"]
            for item in explanations(check_file(SHENJI / "report.txt", SHENJI / "unit.yaml"))}
    assert said[("67.20万元", "年末")].endswith("的“审计大数据分析平台（二期）建设经费”的未支出数（调整预算数 − 实际支出数）"
                                                "（67.20万元）一致")
    assert said[("4项", "#count:missed:履职")] == "与输入文件的履职类指标中未达到目标的个数（4项）一致"
    said = {(item["figure"], item["subject"]): item["explanation"]
            for item in explanations(check_file(QIXIANG / "report.txt", QIXIANG / "unit.yaml"))}
    assert said[("95%以上", "项目执行率在")] == "未对应：这是几项共同达到的界限，不是某一项的数值"


@pytest.mark.parametrize("folder, name, errors", [(folder, name, errors) for folder, edits in LAST_EDITS.items()
                                                  for name, errors in edits.items()])
def test_each_edit_of_the_last_two_reports_is_found_or_left_unlinked(folder, name, errors):
    assert _errors_of(folder / name, folder / "unit.yaml") == errors


# Two more units written blind this session: 沣源县科学技术局 (陕西, by kind of indicator, tables) and 梧溪县疾病预防
# 控制中心 (福建, a 事业单位, 年度目标—实际完成—差距及原因). Their correct reports drew 10 and 1 false errors at first
# check: a target's basis (年初按40家定目标), a part of a whole no table holds (37项中农业科技示范类17项), a line's rate
# after 该项目 (29.09%), two funds named and their total (……和……合计386.40万元), changes said with 分别 (分别追加86.40万元
# 和30.00万元), a count closing a list (技术合同登记数等3项指标), 科技计划项目 read as a plan, a quoted target (达到
# “≤15%”的目标).
KEJI = Path(__file__).resolve().parents[1] / "data" / "statements_keji"  # 沣源县科学技术局 2024 (written blind)
JIKONG = Path(__file__).resolve().parents[1] / "data" / "statements_jikong"  # 梧溪县疾病预防控制中心 2024 (blind)
NEWEST_EDITS = {
    KEJI: {
        "wrong01.txt": [("N205", "108.33%", "102.78%"), ("N301", "37家", "39家")],
        "wrong02.txt": [("N205", "115%", "109.52%"), ("N301", "≥42场", "≥40场")],
        "wrong03.txt": [("N205", "108.33%", "108.83%")],
        "wrong04.txt": [("N101", "1.73倍", "1.70倍")],
        "wrong05.txt": [("N101", "5.6个工作日", "6.6个工作日")],
        # (转化率24.32%（目标30%以上），……比目标低6.68个百分点: a floor written 以上 is the target's figure)
        "wrong06.txt": [("N108", "6.68个百分点", "5.68个百分点")],
        "wrong07.txt": [("N204", "82.90", "84.90"), ("N203", "78.00", "80.00")],
        "wrong08.txt": [("N101", "854.71万元", "845.71万元")],
        "wrong09.txt": [("N202", "93.13%", "93.31%")],
        "wrong10.txt": [],  # 占全部未支出资金的84.03%: a share of what was left (unlinked)
        "wrong11.txt": [("N101", "151.24万元", "151.42万元")],
        "wrong12.txt": [],  # 15项数量指标中有3项: indicators by a kind the tables do not give (unlinked)
    },
    JIKONG: {
        "wrong01.txt": [("N101", "99.01%", "99.10%")],
        "wrong02.txt": [("N101", "高于250/10万", "≤230/10万")],
        "wrong03.txt": [("N101", "112.60%", "112.06%")],
        "wrong04.txt": [("N101", "2.34倍", "2.43倍")],
        "wrong05.txt": [("N101", "5162人", "5126人")],
        "wrong06.txt": [("N101", "1.12个百分点", "1.21个百分点")],
        "wrong07.txt": [("N101", "16.00万元", "14.00万元")],
        "wrong08.txt": [("N106", "98.36%", "98.63%"), ("N101", "163.72万元", "163.27万元")],
        "wrong09.txt": [("N106", "97.24%", "97.42%"), ("N101", "97.24%", "97.42%")],
        "wrong10.txt": [("N101", "30.47%", "30.74% / 30.74%")],
        "wrong11.txt": [("N101", "289.59万元", "289.95万元")],
        "wrong12.txt": [("N101", "19项", "18项")],
    },
}


def test_the_newest_two_reports_never_seen_check_clean():
    for folder in NEWEST_EDITS:
        assert check_file(folder / "report.txt", folder / "unit.yaml").findings == []
    said = {(item["figure"], item["subject"]): item["explanation"]
            for item in explanations(check_file(KEJI / "report.txt", KEJI / "unit.yaml"))}
    assert said[("40家", "年初按")] == "未对应：说的是假设、剔除某项后或按目标测算的数，不是完成值"
    assert said[("17项", "农业科技示范类")].startswith("未对应：是前面所说总数（如“37项中”）的一部分")
    assert said[("3项", "技术合同登记数等")] == "未对应：是“……等N项指标”所列指标的个数，不是哪一项指标的完成值"
    assert said[("29.09%", "该项目执行率")].endswith("“公共检测平台科研仪器设备购置经费”的执行率的数值相同，可能说的是它")
    said = {(item["figure"], item["subject"]): item["explanation"]
            for item in explanations(check_file(JIKONG / "report.txt", JIKONG / "unit.yaml"))}
    assert said[("≤15%", "预算调整率")] == "与输入文件的“预算调整率”的目标值（≤15%）一致"


@pytest.mark.parametrize("folder, name, errors", [(folder, name, errors) for folder, edits in NEWEST_EDITS.items()
                                                  for name, errors in edits.items()])
def test_each_edit_of_the_newest_two_reports_is_found_or_left_unlinked(folder, name, errors):
    assert _errors_of(folder / name, folder / "unit.yaml") == errors


LIANGCHU = Path(__file__).resolve().parents[1] / "data" / "statements_liangchu"  # 靖岭县粮食和物资储备局 2024 (blind)
FULIAN = Path(__file__).resolve().parents[1] / "data" / "statements_fulian"  # 瀚泉县妇女联合会 2024 (written blind)
DANGAN = Path(__file__).resolve().parents[1] / "data" / "statements_dangan"  # 额尔敦塔拉旗档案馆 2024 (written blind)
YINGJI = Path(__file__).resolve().parents[1] / "data" / "statements_yingji"  # 雾岭县应急管理局 2024 (written blind)
HONGSHIHUI = Path(__file__).resolve().parents[1] / "data" / "statements_hongshihui"  # 槠溪县红十字会 2024 (blind)
DANGXIAO = Path(__file__).resolve().parents[1] / "data" / "statements_dangxiao"  # 中共岚陵县委党校 2024 (blind)
# First check of each correct report, before any change for it: 15 false errors and 2. Edits found then: 4 of 12 and
# 10 of 12 (of 粮储's, 86320吨 once 截至年末……累计收购 in the narrative's words was no census).
NEWER_EDITS = {
    LIANGCHU: {
        "wrong01.txt": [("N101", "86320吨", "83620吨")],
        "wrong02.txt": [],  # 年初200份是按……测算的: how the target was reckoned (unlinked)
        "wrong03.txt": [],  # 扣除中央储备增储收购……完成目标的104.42%: what is left after a part is taken out
        "wrong04.txt": [("N101", "2.57倍", "2.75倍")],
        "wrong05.txt": [],  # 比计划少1460吨: a gap to a plan in tons, the plan's rate in %
        "wrong06.txt": [("N101", "1.29个百分点", "1.92个百分点")],
        "wrong07.txt": [("N204", "49.90", "48.10"), ("N203", "455.20", "453.40")],
        "wrong08.txt": [],  # ……利息费用补贴按农业发展银行实际结息支付445.20万元: named in part
        "wrong09.txt": [("N202", "97.36%", "97.63%")],
        "wrong10.txt": [],  # 占项目实际支出的38.71%: a whole (项目实际支出) the tables do not name so
        "wrong11.txt": [],
        "wrong12.txt": [("N101", "18项", "17项")],
    },
    FULIAN: {
        "wrong01.txt": [("N101", "638人", "683人")],
        "wrong02.txt": [("N101", "≥80%", "≥85%")],
        "wrong03.txt": [("N101", "116%", "118%")],
        "wrong04.txt": [("N101", "2.05倍", "2.15倍")],
        "wrong05.txt": [("N101", "4.5个工作日", "3.5个工作日")],
        "wrong06.txt": [("N101", "24.55个百分点", "25.45个百分点")],
        "wrong07.txt": [("N101", "1.80万元", "-1.20万元")],
        "wrong08.txt": [("N101", "178.35万元", "178.53万元")],
        "wrong09.txt": [],
        "wrong10.txt": [],
        "wrong11.txt": [("N101", "17.21万元", "17.12万元")],
        "wrong12.txt": [("N101", "6项", "5项")],
    },
    # 额尔敦塔拉旗档案馆 2024 (内蒙古, written blind this session): first check 2 false errors (另有照片档案2.3万张 in the
    # holdings, 一位老会员的家属一次捐赠了……400多张); edits found then 8 of 12, now 10
    DANGAN: {
        "wrong01.txt": [("N106", "57.75%", "57.00%"), ("N101", "13680卷", "13860卷")],
        "wrong02.txt": [("N101", "2800人次以上", "2500人次以上")],
        "wrong03.txt": [("N101", "107.05%", "107.50%")],
        "wrong04.txt": [("N101", "3.57倍", "3.75倍")],
        "wrong05.txt": [],  # 尚有10410卷未完成: a remainder of the year's task, said without its whole
        "wrong06.txt": [("N101", "1.8个百分点", "1.3个百分点")],
        "wrong07.txt": [("N203", "18.20", "17.30"), ("N611", "35.70", "34.80")],
        "wrong08.txt": [("N101", "117.60万元", "117.06万元")],
        "wrong09.txt": [("N106", "96.87%", "96.78%"), ("N101", "96.87%", "96.78%")],
        # ……实际1126件，为目标值的3.75倍。其中历史照片612张，占53.45%: the share of the whole before 其中 (612 ÷ 1126)
        "wrong10.txt": [("N106", "53.45%", "54.35%")],
        # 年末结转23.67万元: 结转 alone is no remainder word (上年结转 is a source of the budget); read as one, 瀚泉's
        # 年末结转14.00万元 made its whole's 年末未支出 ambiguous
        "wrong11.txt": [],
        "wrong12.txt": [("N101", "8项", "7项")],  # a count of indicators after lines' work named (围绕馆藏档案数字化……)
    },
    # 雾岭县应急管理局 2024 (云南, written blind this session): first check 5 false errors (全县森林面积 and 监管对象中……
    # 工贸企业139家 in 部门概况, against the year's task facts; 其余5条各有1项; 一家木材加工厂)
    YINGJI: {
        "wrong01.txt": [("N101", "863人次", "836人次")],
        "wrong02.txt": [("N101", "超过6人", "≤5人")],
        "wrong03.txt": [("N101", "109.71%", "109.17%")],
        "wrong04.txt": [("N101", "2.75倍", "2.57倍")],
        "wrong05.txt": [("N101", "8个", "9个")],
        "wrong06.txt": [("N101", "1.52个百分点", "1.25个百分点")],
        "wrong07.txt": [("N101", "16.80万元", "18.60万元")],
        "wrong08.txt": [("N101", "1084.16万元", "1081.46万元")],
        "wrong09.txt": [("N101", "97.04%", "97.40%")],
        "wrong10.txt": [("N101", "19.36%", "19.63% / 19.63%")],
        "wrong11.txt": [("N101", "3.90万元", "3.09万元")],
        # 履职指标按5个重点工作方向设置：……，森林防灭火5项，……: each item after the colon counts its area's indicators
        "wrong12.txt": [("N101", "5项", "4项")],
    },
    # 槠溪县红十字会 2024 (江西, written blind): first check 2 false errors (志愿服务方向4项指标全部超额完成, a field's
    # count; 由年初的1420人增加到1656人, where it started)
    HONGSHIHUI: {
        "wrong01.txt": [],  # 大病救助人数指标：年初目标60人以上，实际完成81人: its subject read as 年初 (a budget word)
        "wrong02.txt": [],
        "wrong03.txt": [],  # a 完成情况 cell of its own table (完成率116.67%): no column the checker reads
        "wrong04.txt": [("N101", "2.65倍", "2.75倍")],
        "wrong05.txt": [("N101", "36人", "32人")],
        "wrong06.txt": [],
        "wrong07.txt": [("N101", "3.50万元", "-3.00万元")],
        "wrong08.txt": [("N204", "123.62", "124.06"), ("N202", "96.50%", "98.33%")],
        "wrong09.txt": [],  # 剔除该项目后……执行率96.18%: what is left after a line is taken out
        "wrong10.txt": [],  # 两项调整后预算合计……占项目支出的61.50%: a share of a sum of two lines
        "wrong11.txt": [],  # four lines' remainders listed 分别为……: no line named beside each
        "wrong12.txt": [("N101", "33项", "31项")],
    },
    # 中共岚陵县委党校 2024 (湖南, written blind): first check 7 false errors (全年9项调研课题全部完成; 三项资金管理指标
    # 均达到目标; 项目执行率38.00% of a project named sentences before; 412名学员中一次性合格399人 and 13人中……)
    DANGXIAO: {
        "wrong01.txt": [("N101", "92.39%", "92.59%")],
        "wrong02.txt": [("N101", "95%以上", "≥90%")],
        "wrong03.txt": [("N101", "120.00%", "125.00%")],
        "wrong04.txt": [("N101", "2.20倍", "2.15倍")],
        "wrong05.txt": [],  # a gap in its own table's 完成情况 column (少6课时)
        "wrong06.txt": [("N101", "1.14个百分点", "1.16个百分点")],
        "wrong07.txt": [("N204", "18.50", "16.50"), ("N203", "144.00", "142.00")],
        "wrong08.txt": [("N204", "334.54", "334.48"), ("N202", "97.96%", "97.85%")],
        "wrong09.txt": [("N101", "96.84%", "96.97%")],
        "wrong10.txt": [],  # 其中主体班6期412人，占培训总人次的19.94%: a share of a whole the tables do not hold
        "wrong11.txt": [("N101", "2.04万元", "2.42万元")],
        # (the categories' counts now add up to 36 against the 35 said before them: that too)
        "wrong12.txt": [("N105", "35项", "36项"), ("N101", "9项", "8项")],
    },
}


def test_the_newer_reports_never_seen_check_clean():
    """粮储 (吉林, by 产出—数量、质量、时效 with 指标值—实际完成值—完成情况说明) and 妇联 (宁夏, long paragraphs). First check:
    15 false errors — 7个项目中有6个 (jieba's 中有), 4项决策指标 under （一）决策和过程指标, 比目标缩短3.5个工作日, 全年轮出
    储备粮6760吨，综合损耗27.72吨 (the tonnage under the loss's longer name), 按0.3%的控制标准测算，……允许损耗20.28吨 (a
    reckoning after ；), 其余库点……损耗10.82吨，损耗率0.26% (the rest's, reckoned from its own counts), （目标4个，完成2个）,
    ……各调运1次，全年共11次, 金穗米业承储的1640吨稻谷推迟到2025年轮换 — and 2: 村（社区）妇女儿童之家106个, 14人的救助资金
    14.00万元结转至2025年."""
    for folder in NEWER_EDITS:
        assert check_file(folder / "report.txt", folder / "unit.yaml").findings == []
    said = {(item["figure"], item["subject"]): item["explanation"]
            for item in explanations(check_file(LIANGCHU / "report.txt", LIANGCHU / "unit.yaml"))}
    assert said[("6个", "项目中有")].startswith("未对应：是前面所说总数（如“37项中”）的一部分")
    assert said[("4项", "#count:met:决策")] == "与输入文件的决策类指标中达到或超过目标的个数（4项）一致"
    assert said[("3.5个工作日", "检验报告平均出具时限")] == \
        "与输入文件的“检验报告平均出具时限”完成值与目标值之差（3.5个工作日）一致"
    assert said[("6760吨", "全年轮出储备粮")] == "未对应：同一句中另一个数字已与“全年轮出储备粮综合损耗”一致，这个数字说的是别的"
    assert said[("20.28吨", "允许损耗")] == "未对应：说的是假设、剔除某项后或按目标测算的数，不是完成值"
    assert said[("0.65%", "损耗率")] == "未对应：是本句由自己的两个数算出的比率（其中一部分的比率），不是指标的完成值"
    assert said[("2个", "3.仓储设施维修改造项目完工数")] == "与输入文件的“仓储设施维修改造项目完工数”（2个）一致"
    assert said[("11次", "再加上4月森林草原防火和11月寒潮暴雪各调运")] == \
        "未对应：这是同一分句前面列出的几个数之和，表格中没有这一数"
    said = {(item["figure"], item["subject"]): item["explanation"]
            for item in explanations(check_file(FULIAN / "report.txt", FULIAN / "unit.yaml"))}
    assert said[("14.00万元", "年末")].endswith("的未支出数（调整预算数 − 实际支出数）（14.00万元）一致")
    said = {(item["figure"], item["subject"]): item
            for item in explanations(check_file(DANGAN / "report.txt", DANGAN / "unit.yaml"))}
    # a census of the holdings, and what one family gave, are not the year's 612 photographs collected
    assert not said[("2.3万张", "另有照片档案")]["linked"]
    assert not said[("400多张", "捐赠了其几十年间拍摄的历史照片")]["linked"]
    said = {(item["figure"], item["subject"]): item["explanation"]
            for item in explanations(check_file(YINGJI / "report.txt", YINGJI / "unit.yaml"))}
    assert said[("21.35万公顷", "全县森林面积")] == \
        "未对应：单位概况中说的是单位和辖区现有的数（辖区、馆藏、监管对象），不是年度任务的完成数"
    assert said[("139家", "工贸企业")] == said[("21.35万公顷", "全县森林面积")]
    assert said[("1项", "各有")] == "未对应：看不出这个数字说的是什么（与哪个数比较）"
    assert said[("一家", "工贸企业事故是10月")] == "未对应：看不出这个数字说的是什么（与哪个数比较）"
    said = {(item["figure"], item["subject"]): item
            for item in explanations(check_file(HONGSHIHUI / "report.txt", HONGSHIHUI / "unit.yaml"))}
    assert said[("1420人", "全县注册红十字志愿者由年初的")]["explanation"] == "未对应：是“由……增加到……”中变化前的数，不是完成值"
    assert said[("4项", "#count:exceeded:~红十字志愿服务和基层组织建设")]["linked"]
    said = {(item["figure"], item["subject"]): item["explanation"]
            for item in explanations(check_file(DANGXIAO / "report.txt", DANGXIAO / "unit.yaml"))}
    assert said[("412名", "学员中一次性合格")] == "未对应：是后面几个数所属的总数（“……中”），不是指标的完成值"


@pytest.mark.parametrize("folder, name, errors", [(folder, name, errors) for folder, edits in NEWER_EDITS.items()
                                                  for name, errors in edits.items()])
def test_each_edit_of_the_newer_reports_is_found_or_left_unlinked(folder, name, errors):
    assert _errors_of(folder / name, folder / "unit.yaml") == errors
