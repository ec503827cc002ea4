"""Questions before drafting (narrator ask): what only the officer can answer is asked with its
figures, bad answers are refused with a reason, answers go into a copy of the input, and a draft of
the answered copy holds no 【待补充】."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from narrator.api import answer, draft, questions
from narrator.cli import main
from narrator.core.errors import NarratorError
from narrator.sources.load import load_report
from narrator.drafting.questions import apply_answers, check_answer, task_items
from narrator.core.quantity import parse_quantity

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "corpus" / "example.yaml"
DATA = ROOT / "tests" / "data"


def _by_key(report):
    return {question.key: question for question in questions(report)}


def test_the_example_asks_only_why_a_target_was_exceeded_so_far():
    question, *optional = questions(EXAMPLE)
    assert [q.key for q in optional] == ["reason_more:预算调整率", "reason_more:预算执行率", "reason_more:非税收入预算完成率"]
    assert all(q.optional for q in optional) and not question.optional
    assert question.key == "reason:培育技术经纪人"
    assert question.text == ("“培育技术经纪人”目标为不少于300人，实际843人，为目标的2.81倍，大幅超出目标。"
                             "超出这么多的原因是什么？")
    assert question.field == "绩效指标“培育技术经纪人”的原因分析"


def test_each_gap_of_an_input_with_shortfalls_is_one_question_with_its_figures():
    asked = _by_key(DATA / "unmet.yaml")
    assert list(asked) == ["overview", "completion:人才各类政策解答服务家次", "reason:网络故障时长",
                           "completion:开展科技咨询服务", "reason:预算执行率", "reason:预算偏差率",
                           "reason:营造创新创业的良好氛围", "tasks",
                           "reason_more:各类人才项目受理数"]  # its table's reason is short: may be told in full
    assert asked["reason:网络故障时长"].text == "“网络故障时长”目标为0小时，实际3小时，比目标多3小时，未达到目标。原因是什么？"
    assert asked["reason:预算执行率"].text == "“预算执行率”目标为100%，实际91.5%，低于目标8.5个百分点，未达到目标。原因是什么？"
    assert asked["reason:营造创新创业的良好氛围"].text == \
        "“营造创新创业的良好氛围”目标为“显著”，实际为“较显著”，未达到目标。原因是什么？"
    assert asked["completion:开展科技咨询服务"].text == \
        "“开展科技咨询服务”的完成值“健全”无法与目标不少于500项比较。请按目标的单位重新填写完成值："


def _answers(report):
    """An answer of the right kind to every question of `report`."""
    result = {}
    for question in questions(report):
        if question.answer == "choice":
            result[question.key] = "1"
        elif question.answer == "money":
            result[question.key] = "12.5"
        elif question.answer == "quantity":
            target = next(i for i in report.indicators if i.name == question.subject).target
            result[question.key] = target.text.lstrip("≥≤<>=")
        elif question.kind == "tasks":
            result[question.key] = "技术经纪人培训：全年举办培训7场；成果转化项目备案：备案292项"
        elif question.kind == "reason_more":  # told in full: longer than a cell's summary, so not asked again
            result[question.key] = ("年中两笔设备采购款未到合同约定的支付节点，供应商的交货期顺延到次年一季度；另有一项培训因场地"
                                    "改造推迟到次年春季举办，相应经费年内没有支出，已列入下一年度的工作计划按进度安排")
        else:
            result[question.key] = "年末两笔采购款未到合同约定的支付节点"
    return result


@pytest.mark.parametrize("name", ["example.yaml", "seed000_filled.yaml", "unmet.yaml", "statements_unit.yaml"])
def test_with_every_question_answered_the_draft_holds_no_placeholder(name):
    source = EXAMPLE if name == "example.yaml" else DATA / name
    report = load_report(source)
    answers = _answers(report)
    for key, text in answers.items():
        assert check_answer(_by_key(report)[key], text, report) == "", key
    answered = answer(report, answers)
    # a short answer to 原因是什么 is, in the answered copy, a short reason the table gives: he may tell it in full
    assert [q.key for q in questions(answered)] == [f"reason_more:{key.split(':', 1)[1]}" for key, text in answers.items()
                                                    if key.startswith("reason:") and len(text) <= 50]
    result = draft(answered, check=False)
    assert result.document.missing == []
    assert "【待补充" not in result.document.prose()
    assert all(q.optional for q in result.questions)


def test_an_answer_lands_in_its_field_and_nowhere_else():
    report = load_report(DATA / "unmet.yaml")
    answered = apply_answers(report, {"reason:预算执行率": "两笔采购款未到支付节点",
                                      "completion:人才各类政策解答服务家次": "1200",
                                      "overview": "本中心为市科技局下属事业单位。",
                                      "tasks": "科技咨询：服务企业520家次"})
    changed = {i.name: i for i in answered.indicators}
    assert changed["预算执行率"].reason == "两笔采购款未到支付节点"
    assert changed["人才各类政策解答服务家次"].completion == parse_quantity("1200家次")  # the target's unit
    assert answered.overview == "本中心为市科技局下属事业单位。"
    assert [(t.name, t.result) for t in answered.key_tasks] == [("科技咨询", "服务企业520家次")]
    unchanged = [i for i in answered.indicators if i.name not in ("预算执行率", "人才各类政策解答服务家次")]
    assert unchanged == [i for i in report.indicators if i.name not in ("预算执行率", "人才各类政策解答服务家次")]
    assert load_report(DATA / "unmet.yaml") == report  # the input is never touched


def test_bad_answers_are_refused_with_what_to_write():
    report = load_report(EXAMPLE)
    question = _by_key(report)["reason:培育技术经纪人"]
    assert check_answer(question, "  ", report) == \
        "没有回答。请输入回答；暂时答不了，请输入“跳过”，报告中这一处仍标为【待补充】。"
    assert check_answer(question, "长" * 601, report) == "回答有601个字，超过了600字的上限。请精简后重新输入。"
    # (a detailed cause of 312 characters is an officer's, not a pasted document: 岜林's)
    assert check_answer(question, "因" * 312, report) == ""
    # a figure the table contradicts, found by the checker
    assert check_answer(question, "新增两期线上班，培育技术经纪人900人", report) == \
        "回答中的数字与输入的表格不符：回答写“900人”，但输入文件的“培育技术经纪人”是 843人。请改正后重新输入。"
    assert check_answer(question, "新增两期线上班，全年培育843人，为目标的2.81倍", report) == ""
    unmet = load_report(DATA / "unmet.yaml")
    asked = _by_key(unmet)
    completion = asked["completion:人才各类政策解答服务家次"]
    assert check_answer(completion, "很多", unmet) == \
        "“很多”无法与目标≥1000家次比较。请写数值和与目标相同的单位，例如目标是“≥300人”就写“320人”。"
    assert check_answer(completion, "1200家次", unmet) == ""
    assert check_answer(asked["tasks"], "办了很多培训", unmet).startswith("请把每项重点任务写成“任务名称：完成情况”")


def test_tasks_are_read_one_a_line_or_separated_by_semicolons():
    assert task_items("培训：举办7场；备案：292项") == [("培训", "举办7场"), ("备案", "292项")]
    assert task_items("培训：举办7场；其中线上3场\n备案: 292项") == [("培训", "举办7场；其中线上3场"), ("备案", "292项")]


def _conflicting(tmp_path) -> Path:
    """The example with the 自评表's 预算执行率 96.5 % while 预算信息 gives 96.03 %."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for row in data["绩效指标"]:
        if row["三级指标"] == "预算执行率":
            row["完成值"] = "96.5%"
    path = tmp_path / "conflict.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_rate_the_tables_disagree_on_is_a_choice_and_choosing_the_budget_resolves_it(tmp_path):
    report = load_report(_conflicting(tmp_path))
    question = _by_key(report)["rate_conflict:预算执行率"]
    assert question.text == "自评表中预算执行率为96.5%，按预算信息表应为96.03%。以哪个为准？"
    assert question.choices == ("以预算信息表为准，把自评表改为96.03%", "以自评表为准（需要改正预算信息表）")
    assert check_answer(question, "3", report) == "请输入选项的编号：1、2。"
    before = draft(report, check=False).document.prose()
    assert "与预算信息表算出的96.03%不一致" in before
    assert apply_answers(report, {question.key: "2"}) == report  # the budget table must be corrected by hand
    resolved = apply_answers(report, {question.key: "1"})
    assert next(i for i in resolved.indicators if i.name == "预算执行率").completion == parse_quantity("96.03%")
    after = draft(resolved, check=False).document.prose()
    assert "不一致" not in after and "预算执行率为96.03%，比100%的目标低3.97个百分点" in after


def test_a_goal_nothing_speaks_to_is_asked_and_its_answer_becomes_a_task():
    report = load_report(EXAMPLE)
    report = dataclasses.replace(report, goals=[*report.goals, "建成科技金融服务超市一处。"])
    asked = _by_key(report)
    question = asked["goal_result:11"]
    assert question.text == ("年度绩效目标11“建成科技金融服务超市一处”在输入中没有对应的指标或重点任务。"
                             "它完成得怎样？")
    answered = apply_answers(report, {question.key: "科技金融服务超市于9月建成并投入运营。"})
    prose = draft(answered, check=False).document.prose()
    assert "科技金融服务超市于9月建成并投入运营" in prose
    assert "年度绩效目标11的完成情况" not in prose


def test_answer_refuses_a_bad_answer_with_the_field_it_was_for():
    with pytest.raises(NarratorError) as caught:
        answer(EXAMPLE, {"reason:培育技术经纪人": ""})
    assert str(caught.value).endswith("绩效指标“培育技术经纪人”的原因分析：没有回答。请输入回答；暂时答不了，请输入“跳过”，"
                                      "报告中这一处仍标为【待补充】。")


# ---------------------------------------------------------------- narrator ask


def _copy(tmp_path, source=EXAMPLE, name="输入.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(source.read_bytes())
    return path


def test_ask_writes_the_answers_into_a_copy_and_never_touches_the_input(tmp_path):
    source = _copy(tmp_path)
    before = source.read_bytes()
    result = CliRunner().invoke(main, ["ask", str(source)], input="\n新增两期线上班，学员报名踊跃\n")
    assert result.exit_code == 0, result.output
    assert "（1/4）“培育技术经纪人”目标为不少于300人" in result.output
    assert "没有回答。请输入回答" in result.output  # the empty answer, then the real one
    copy = tmp_path / "输入（已回答）.yaml"
    assert f"已把1个回答写入 {copy}。" in result.output
    assert source.read_bytes() == before
    answered = load_report(copy)
    assert next(i for i in answered.indicators if i.name == "培育技术经纪人").reason == "新增两期线上班，学员报名踊跃"
    assert [q for q in questions(answered) if not q.optional] == []
    drafted = CliRunner().invoke(main, ["draft", str(copy), "--format", "md"])
    assert "原因是新增两期线上班，学员报名踊跃。" in drafted.output and "【待补充" not in drafted.output
    again = CliRunner().invoke(main, ["ask", str(source)], input="x\n")
    assert again.exit_code == 2 and "已存在" in again.output  # the copy is not overwritten without --force


def test_ask_in_place_backs_the_input_up_first(tmp_path):
    source = _copy(tmp_path)
    before = source.read_bytes()
    result = CliRunner().invoke(main, ["ask", str(source), "--in-place"], input="新增两期线上班\n")
    assert result.exit_code == 0, result.output
    backup = tmp_path / "输入（备份）.yaml"
    assert backup.read_bytes() == before
    assert next(i for i in load_report(source).indicators if i.name == "培育技术经纪人").reason == "新增两期线上班"
    json_input = tmp_path / "输入.json"
    json_input.write_text(json.dumps(yaml.safe_load(before.decode("utf-8")), ensure_ascii=False, default=str),
                          encoding="utf-8")
    refused = CliRunner().invoke(main, ["ask", str(json_input), "--in-place"], input="x\n")
    assert refused.exit_code == 2 and "JSON 输入不能原地写回" in refused.output


def test_ask_keeps_the_answers_given_before_the_input_ends(tmp_path):
    source = _copy(tmp_path, DATA / "unmet.yaml", "unmet.yaml")
    result = CliRunner().invoke(main, ["ask", str(source)], input="本中心为市科技局下属事业单位。\n跳过\n")
    assert result.exit_code == 0, result.output
    assert "已停止提问。" in result.output
    copy = tmp_path / "unmet（已回答）.yaml"
    assert load_report(copy).overview == "本中心为市科技局下属事业单位。"
    assert "还有7个问题没有回答" in result.output


def test_draft_points_to_ask_when_questions_remain(tmp_path):
    source = _copy(tmp_path)
    result = CliRunner().invoke(main, ["draft", str(source), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0
    assert "提示：有1个问题只有您能回答" in result.stderr and f"narrator ask {source}" in result.stderr
    assert f"另有3个问题可以不答（自评表已有的原因不补充时，报告照原文写）；运行 narrator ask {source} 可以补充。" \
        in result.stderr


def test_ask_takes_twenty_questions_and_more_in_one_pass(tmp_path):
    data = yaml.safe_load((DATA / "seed000_filled.yaml").read_text(encoding="utf-8"))
    cleared = 0
    for row in data["绩效指标"]:
        if row.get("一级指标") == "履职" and cleared < 15 and str(row.get("目标值", "")).startswith(("≥", ">=")):
            row["完成值"] = ""
            cleared += 1
    source = tmp_path / "输入.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report = load_report(source)
    answers = _answers(report)
    assert len(answers) >= 20
    lines = "".join(answers[question.key].replace("\n", " ") + "\n" for question in questions(report))
    result = CliRunner().invoke(main, ["ask", str(source)], input=lines)
    assert result.exit_code == 0, result.output
    assert f"已把{len(answers)}个回答写入" in result.output and "没有回答" not in result.output
    answered = load_report(tmp_path / "输入（已回答）.yaml")
    assert [q for q in questions(answered) if not q.optional] == []
    assert "【待补充" not in draft(answered, check=False).document.prose()


# ---------------------------------------------------------------- why a budget line left money unspent

def _notes(unit):
    return yaml.safe_load((DATA / unit / "officer_notes.yaml").read_text(encoding="utf-8"))


def _with_notes(unit, lines=True):
    """A held-out unit with its officer's reasons, problems and measures, and — with `lines` — his answers on
    why its budget lines left money unspent (written by another hand, in his voice, from the unit's material)."""
    notes = _notes(unit)
    report = dataclasses.replace(load_report(DATA / unit / "unit.yaml"), problems=notes["存在问题"],
                                 measures=notes["改进措施"])
    said = {**notes["原因"], **(notes.get("未支出原因", {}) if lines else {})}
    return answer(report, {q.key: said[q.subject] for q in questions(report) if q.subject in said})


def test_a_line_that_left_much_money_unspent_is_asked_why_with_its_figures():
    asked = [q for q in questions(_with_notes("statements_hubeiroad", lines=False)) if q.kind == "line_reason"]
    assert [(q.key, q.text, q.field) for q in asked] == [
        ("line_reason:公路桥梁检测与危旧桥梁改造资金",  # the line the draft names as the one to improve
         "预算项目“公路桥梁检测与危旧桥梁改造资金”调整预算40420.00万元，实际支出37948.26万元，执行率93.88%，"
         "未支出2471.74万元。这部分资金没有支出的原因是什么？", "预算信息“公路桥梁检测与危旧桥梁改造资金”的原因说明"),
        ("line_reason:超限超载治理经费",  # below the lagging rate (90 %)
         "预算项目“超限超载治理经费”调整预算8930.00万元，实际支出7912.84万元，执行率88.61%，未支出1017.16万元。"
         "这部分资金没有支出的原因是什么？", "预算信息“超限超载治理经费”的原因说明")]
    assert all(q.optional for q in asked)
    # 漆川: his reason for the missed 背街小巷 already says the line's 463.80万元 and 73.50 %: nothing to ask
    assert [q for q in questions(_with_notes("statements_qichuan")) if q.kind == "line_reason"] == []
    assert "line_reason:老旧管网及背街小巷改造项目资金" in _by_key(DATA / "statements_qichuan" / "unit.yaml")
    # 常州: a line at 85 % that left 1.50万元 of 1043.90万元 is no story
    assert [q.subject for q in questions(DATA / "statements_changzhou" / "unit.yaml") if q.kind == "line_reason"] \
        == []


def test_a_lines_reason_follows_its_figures_without_what_they_already_say():
    def sentence(unit, start):
        prose = draft(_with_notes(unit), check=False).document.prose()
        sentences = (s.strip().removeprefix("从资金看，").removeprefix("该项工作对应的")
                     for s in prose.split("。"))
        return next(s + "。" for s in sentences if s.startswith(start))

    # under the goal whose work the line pays for, after its figures; his 还没做完, 没有支付 as a report says them
    assert sentence("statements_shunqing", "水土保持综合治理经费年初预算") == (
        "水土保持综合治理经费年初预算230.00万元，调减12.00万元后为218.00万元，实际支出192.64万元，执行率88.37%，"
        "结转结余25.36万元，主要原因是坡耕地水土流失综合治理项目前期论证不够充分，初步设计修改后才批复，9月才完成招标开工，"
        "12月完工后竣工验收尚未完成，合同约定的验收款和质保金未支付。")
    # 由于 goes, for 主要原因是 leads; but his answer says again what his account of the missed screening just above says
    # (a reviewer: the same reason in two neighbouring paragraphs): what it says again goes, 受上述因素影响 stands for it
    # when what it adds is a consequence (全年……), and 主要原因是 leads when it is another cause (another reviewer read
    # 受上述因素影响，……实行先培训后补贴 as a cause gone wrong; 主要原因同上 reads like a form)
    assert sentence("statements_zaoyang", "妇幼健康服务项目经费年初预算") == (
        "妇幼健康服务项目经费年初预算286.50万元，调减12.30万元后为274.20万元，实际支出241.35万元，执行率88.02%，"
        "结转结余32.85万元，主要是受上述因素影响，按筛查人数拨付的补助资金相应未全部支出。")  # (7436人，比目标少564人: said above)
    prose = draft(_with_notes("statements_zaoyang"), check=False).document.prose()
    assert prose.index("我市农村适龄妇女外出务工比例较高") < prose.index("结转结余32.85万元，主要是受上述因素影响，")
    # 缙云: his account of the kindergarten goal told above (开工比计划推迟4个月 after 开工时间推迟4个月: the same figure,
    # half the words); the contract's payments are what followed (a reviewer: 主要原因是开工比计划推迟4个月 had no subject;
    # three more: 受上述因素影响，到年底…… a seam — how far it got by year's end follows 主要是, with the subject his
    # account above opens with, which the clauses left out named: two reviewers found 主要是到年底…… without one)
    assert sentence("statements_jinyun", "学前教育发展专项经费年初预算").endswith(
        "结转结余173.55万元，主要是东渡镇中心幼儿园新建工程到年底仅完成主体结构封顶，装修和室外配套尚未实施，合同约定的后续"
        "进度款未支付。")
    # his note, after what the account above told, goes on with money not spent: a consequence, not another cause; its
    # closing 形成结余 goes, for the sentence opened on 结转结余37.65万元 (a reviewer: said twice)
    assert sentence("statements_jinyun", "职业教育与社区教育经费预算").endswith(
        "结转结余37.65万元，主要是受上述因素影响，考核评价费和组织经费年内未发生。")
    # his 结余43.62万元，主要是两块：一是…… restates the figure and announces a list: the list follows 主要原因：
    assert sentence("statements_shunqing", "中小河流治理及水利工程建设经费年初预算").endswith(
        "执行率95.81%，结转结余43.62万元，主要原因：一是受上述因素影响，整治资金未拨付；二是部分已完工工程的尾款须待竣工结算"
        "审核后支付，年底尚未到支付节点。")  # his 要等 in a report's words; his first item's ponds told just above
    # 湄潭: the line goes to the goal whose task it is named for (茶叶加工提质升级), his reason after its figures
    # (his 没拨, 没有完工, 我们 and 所以 in a report's words)
    prose = draft(_with_notes("statements_meitan"), check=False).document.prose()
    assert ("茶叶加工技术改造补助资金预算260.00万元，年中未作调整，实际支出243.80万元，执行率93.77%，结转结余16.20万元，主要原因是个别企业的"
            "改造补助未拨付。有1家茶企的清洁化生产线改造年底前未完工验收，按我中心的补助办法要验收合格后才能拨付资金，因此"
            "暂时未拨付。") in prose
    assert prose.count("个别企业的改造补助未拨付") == 1
    # a variant without that key task nor its indicators' 二级指标 (茶叶加工, which the line's name holds too): no goal's
    # funds sentence tells the line, and 预算执行情况 gives its reason after where the money stayed
    report = _with_notes("statements_meitan")
    report = dataclasses.replace(report, key_tasks=[task for task in report.key_tasks if task.name != "茶叶加工提质升级"],
                                 indicators=[dataclasses.replace(i, level2="") if i.level2 == "茶叶加工" else i
                                             for i in report.indicators])
    prose = draft(report, check=False).document.prose()
    assert ("茶叶加工技术改造补助资金结转结余的主要原因是个别企业的改造补助未拨付。有1家茶企的清洁化生产线改造年底前未完工"
            "验收，按我中心的补助办法要验收合格后才能拨付资金，因此暂时未拨付。") in prose
    assert prose.count("个别企业的改造补助未拨付") == 1 and "未支出的主要原因是未支出" not in prose


def test_a_lines_reason_with_a_figure_the_budget_contradicts_is_refused():
    def refused(unit, line, text):
        report = load_report(DATA / unit / "unit.yaml")
        return check_answer(_by_key(report)[f"line_reason:{line}"], text, report)

    # the helper's planted errors, each in an otherwise plausible answer
    assert refused("statements_jinyun", "学前教育发展专项经费",
                   "结余183.55万元，主要是东渡镇中心幼儿园新建工程因用地红线调整、规划方案重新报批，开工推迟4个月。") == (
        "回答中的数字与输入的表格不符：回答写“183.55万元”，但输入文件的“学前教育发展专项经费”的未支出数"
        "（调整预算数 − 实际支出数）是 173.55万元。请改正后重新输入。")
    assert refused("statements_jinyun", "学前教育发展专项经费",
                   "该项目执行率90.74%，主要是东渡镇中心幼儿园新建工程因用地红线调整延期。") == (
        "回答中的数字与输入的表格不符：回答写“90.74%”，但输入文件的“学前教育发展专项经费”的执行率是 91.74%。"
        "请改正后重新输入。")
    assert refused("statements_hubeiroad", "超限超载治理经费",
                   "全年实际支出7921.84万元，没花完的主要是6个不停车超限检测站点审批和接电滞后。") == (
        "回答中的数字与输入的表格不符：回答写“7921.84万元”，但输入文件的“超限超载治理经费”的实际支出数是 7912.84万元。"
        "请改正后重新输入。")
    notes = _notes("statements_jinyun")["未支出原因"]
    assert refused("statements_jinyun", "学前教育发展专项经费", notes["学前教育发展专项经费"]) == ""


def test_ask_does_not_ask_about_a_line_an_earlier_answer_explained(tmp_path):
    """清源: his reason for 预算执行率 says 文物保护及非遗传承项目结余26.23万元 — the line's question, asked last, is
    then left out; a line question left unanswered marks nothing in the draft."""
    folder = DATA / "statements_qingyuan"
    report = load_report(folder / "unit.yaml")
    asked = questions(report)
    assert [q.kind for q in asked].count("line_reason") == 1
    notes = _notes("statements_qingyuan")["原因"]
    source = _copy(tmp_path, folder / "unit.yaml", "清源.yaml")
    lines = "".join(notes[q.subject] + "\n" for q in asked if q.kind != "line_reason")
    result = CliRunner().invoke(main, ["ask", str(source)], input=lines)
    assert result.exit_code == 0, result.output
    assert f"（6/{len(asked)}）" in result.output and f"（7/{len(asked)}）" not in result.output
    assert "已把6个回答写入" in result.output and "没有回答" not in result.output
    # zaoyang without his line answer: one optional question left, said as such
    source = _copy(tmp_path, DATA / "statements_zaoyang" / "unit.yaml", "枣阳.yaml")
    zaoyang = _notes("statements_zaoyang")["原因"]
    answers = "".join((zaoyang[q.subject] if q.subject in zaoyang else "跳过") + "\n"
                      for q in questions(load_report(source)))
    result = CliRunner().invoke(main, ["ask", str(source)], input=answers)
    assert result.exit_code == 0, result.output
    assert "1个可以不答的问题没有回答（未支出资金的原因不回答时，报告只写出未支出的金额）。" in result.output
    # said with the question
    assert "（可以不答：未支出资金的原因不回答时，报告只写出未支出的金额，不标【待补充】。）" in result.output
    assert "个问题没有回答" not in result.output  # nothing the draft would mark is left


def test_a_lines_reason_is_kept_in_the_input_it_was_written_to(tmp_path):
    report = _with_notes("statements_meitan")
    from narrator.sources.save import write_input

    for name in ("答.yaml", "答.xlsx"):
        written = write_input(report, tmp_path / name)
        again = load_report(written)
        line = next(b for b in again.budget_lines if b.name == "茶叶加工技术改造补助资金")
        assert line.note == _notes("statements_meitan")["未支出原因"]["茶叶加工技术改造补助资金"]
        assert [q for q in questions(again) if q.kind == "line_reason"] == []


def test_draft_says_which_questions_are_about_unspent_money(tmp_path):
    source = _copy(tmp_path, DATA / "statements_zaoyang" / "unit.yaml", "枣阳.yaml")
    result = CliRunner().invoke(main, ["draft", str(source), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    count = len([q for q in questions(load_report(source)) if not q.optional])
    assert f"提示：有{count}个问题只有您能回答" in result.stderr
    assert "另有1个问题可以不答（未支出资金的原因不回答时，报告只写出未支出的金额）；运行 narrator ask" in result.stderr


# ---------------------------------------------------------------- a short reason the table gives, told in full

def test_a_short_reason_the_table_gives_may_be_told_in_full():
    """桂城's 自评表 gives every shortfall and far exceedance a cell's summary (部分存量违建涉及产权纠纷……); its officer's
    notes name 夏北、平东6宗约0.6万平方米. He is asked — may leave it — and his answer is what the report tells (a
    reviewer: the draft used only the table's words where his notes were specific)."""
    unit = DATA / "statements_guicheng" / "unit.yaml"
    report = load_report(unit)
    asked = questions(report)
    assert [q.key for q in asked] == ["reason_more:社区志愿服务活动场次", "reason_more:违法建设拆除面积",
                                      "reason_more:“六乱”问题整治宗数", "reason_more:居家养老服务人次",
                                      "reason_more:安全隐患整改率", "reason_more:“两新”组织党组织覆盖率"]
    question = _by_key(report)["reason_more:违法建设拆除面积"]
    assert question.optional and question.field == "绩效指标“违法建设拆除面积”的原因分析"
    assert question.text == (
        "“违法建设拆除面积”目标为不少于8万平方米，实际7.26万平方米，完成目标的90.75%，未达到目标。自评表的原因分析是"
        "“部分存量违建涉及产权纠纷和历史遗留问题，需履行法定程序后方可拆除，未能在年内完成”。能否写得更具体一些（涉及哪些"
        "项目或地方、数量多少、什么时候、后续如何处理）？请写出完整的原因，报告将照您的回答写。")
    full = _notes("statements_guicheng")["原因"]["违法建设拆除面积"]
    assert check_answer(question, full, report) == ""
    # a figure of the indicator the table contradicts is refused, as for any reason
    assert check_answer(question, "违法建设拆除面积7.62万平方米，" + full, report).startswith("回答中的数字与输入的表格不符")
    prose = draft(answer(report, {question.key: full}), check=False, outline="通用").document.prose()
    assert "其中夏北、平东等社区有6宗共约0.6万平方米涉及产权纠纷或行政复议" in prose
    assert "部分存量违建涉及产权纠纷和历史遗留问题" not in prose
    # unanswered, the table's words stay, and nothing is marked
    kept = draft(report, check=False, outline="通用").document
    assert "部分存量违建涉及产权纠纷和历史遗留问题" in kept.prose() and kept.missing == []


def test_a_reason_told_at_length_or_for_a_met_target_is_not_asked_again():
    report = load_report(DATA / "statements_guicheng" / "unit.yaml")
    longer = "剩余存量违建多为2010年前建成的厂房加建和村居自建房，" * 2  # past answers.reason_more_chars (50)
    told = dataclasses.replace(report, indicators=[
        dataclasses.replace(i, reason=longer) if i.name == "违法建设拆除面积" else i for i in report.indicators])
    assert "reason_more:违法建设拆除面积" not in _by_key(told)
    # a met target's reason (网格化事件按期办结率 has none; give it one) is no question
    met = dataclasses.replace(report, indicators=[
        dataclasses.replace(i, reason="网格员按日巡查") if i.name == "网格化事件按期办结率" else i for i in report.indicators])
    assert "reason_more:网格化事件按期办结率" not in _by_key(met)


def test_ask_puts_the_questions_that_may_be_left_last_and_counts_them_apart(tmp_path):
    source = _copy(tmp_path)  # the example: one reason to give, three the table gives in a few words
    result = CliRunner().invoke(main, ["ask", str(source)], input="新增两期线上班\n跳过\n跳过\n跳过\n")
    assert result.exit_code == 0, result.output
    assert "（1/4）“培育技术经纪人”" in result.output and "（2/4）“预算调整率”" in result.output
    assert "（可以不答：自评表已有的原因不补充时，报告照原文写，不标【待补充】。）" in result.output
    assert "3个可以不答的问题没有回答（自评表已有的原因不补充时，报告照原文写）。" in result.output
    assert "个问题没有回答，起草时" not in result.output  # nothing the draft would mark is left
