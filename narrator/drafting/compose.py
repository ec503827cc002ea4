"""Compose the report: evaluation + lexicon → Jinja2 templates → a `Document`.

The templates in ``templates/`` hold every sentence; `narrator.plan` decides what
they speak about (blocks per goal or duty, aggregated messages, the budget) and
`narrator.language` how Chinese says it (comparators, verbs, numbers, lists). A user's
``--templates`` folder is searched first, so any template file can be replaced.
Templates run in Jinja2's sandbox.

Template output is read line by line: ``# `` starts a level-1 heading, ``## `` a
level-2 heading, ``@title`` a title line (several make a title of several lines), ``@subtitle`` the year line, ``@table NAME`` places a
table, ``@suggestion`` a marked 【参考表述】 paragraph, ``@sign`` the 落款 at the right margin; every other
non-blank line is a body paragraph."""
from __future__ import annotations

import dataclasses
import os
import re
import signal
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ..core import lexicon, yamlfile
from ..core.compare import agrees
from ..core.errors import NarratorError, Notice, message
from ..core.evaluate import BudgetResult, Evaluation, IndicatorResult, Problem, Status, evaluate
from ..core.model import BUDGET_UNIT, Report, column_of
from ..core.quantity import find_quantities, format_percent, round_half_up, share_percent, shown
from ..core.resources import data_path, load_yaml
from ..core.version import DEFAULT_SEED
from ..forms.project import IndicatorScore, ProjectScores, score_indicators, score_project
from ..forms.scoring import RuleSet, score_text
from ..statements.extract import name_tokens
from ..recognise.projectform import written_words
from .language import (Language, area, balanced, chinese_number, completion_text, cut_words, event, field_of,
                       finance_bureau, is_ceiling, is_department, is_level, join_list, joined_judgements, kind_groups, name_list,
                       none_happened, number, quote, ratio_to_target, said_as_its_own, same_value_groups, self_name,
                       shared_names, shared_start, stated_in, strip_end, table_text)
from .plan import (BudgetView, Message, Plan, budget_view, char_pairs, closed, effect_aspect, for_general_outline,
                   funding_parts, is_notable, list_items, make_plan, messages, overview_parts, own_problems, problem_counts,
                   problem_lines, share_base, summing_run, widest_words)


# ---------------------------------------------------------------- the document

@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    text: str
    suggestion: bool = False  # a sentence learned from other reports, offered for the writer to adapt
    signature: bool = False  # the 落款: the unit's name at the right margin under the text


@dataclass
class Table:
    name: str
    headers: list[str]
    rows: list[list[str]]
    merge_columns: tuple[int, ...] = ()  # columns whose equal neighbours merge vertically
    widths: tuple[float, ...] = ()  # relative column widths


@dataclass
class Document:
    title: str
    subtitle: str
    blocks: list[Heading | Paragraph | Table]
    missing: list[str] = field(default_factory=list)  # what the placeholders stand for
    warnings: list[str] = field(default_factory=list)  # disagreements inside the input

    def prose(self) -> str:
        """Every heading and paragraph, one per line (tables left out)."""
        return "\n".join(b.text for b in self.blocks if isinstance(b, (Heading, Paragraph)))


# ---------------------------------------------------------------- helpers for the templates

class Missing:
    """Collects what a placeholder stood for, so the CLI can warn about it."""

    def __init__(self):
        self.items: list[str] = []

    def __call__(self, what: str, where: str = "") -> str:
        entry = f"{where}：{what}" if where else what
        if entry not in self.items:
            self.items.append(entry)
        return lexicon.wording()["placeholder"].format(what)


# ---------------------------------------------------------------- tables

def reason_text(result: IndicatorResult, missing: Missing) -> str:
    """原因分析: the input's reason; for an ordinary exceedance the tables' convention
    超额完成工作任务 (a label, not a reason); a visible placeholder for a shortfall without a reason
    and for an exceedance so large that a reviewer will ask why (the convention is no answer there)."""
    reason = result.indicator.reason.strip()
    convention, gaps = lexicon.wording()["exceeded_reason"], lexicon.wording()["placeholders"]
    if is_notable(result) and (not reason or reason == convention):
        return missing(gaps["far_reason"], result.indicator.name)
    if reason:
        return reason
    if result.status is Status.EXCEEDED:
        # The convention speaks of work done beyond the plan (11372家, 7场), as the seed's tables use it: not
        # of a rate or a satisfaction above its floor (预算执行率98.65%), where the cell stays empty.
        return convention if result.indicator.target.unit != "%" else ""
    if result.status is Status.MISSED:
        return missing(gaps["reason"], result.indicator.name)
    return ""


_YEAR_OPENING = re.compile(r"(?:19|20)\d\d年")
OWN_SENTENCES = "\x1f"  # a reason told in sentences of its own after the figures, not glued on with 原因是
FACTS_FIRST = "\x1e"  # a reason that opens with figures: the sentence goes on with them, then 主要原因：一是……
_RESTATING_CHARS = 10  # a clause of a figure and at most this many other characters restates it
_ECHOED_SHARE = 0.8  # …or a longer one with this share of its words in the story above
_CLOSING_CHARS = 4  # a told clause closing its sentence after a cause stays when it has this many other characters
_RESTATED_WORDS = 4  # …in the officer's reason, where every clause is his: 合格率87.6% restates, 与县直机关10个一并计入 not


def told_reason(result: IndicatorResult, missing: Missing) -> str:
    """_told_reason, with a lead (主要原因：) before his list of causes that opens a later sentence of an account told as
    his own after one that leads into nothing (……高于0.40%的控制目标。阳性样品主要出在……育肥羊群。一是……；二是……: a
    reviewer of 潩阳 found it without one; not after ……主要有三个方面。)."""
    told = _told_reason(result, missing)
    if not told.startswith(OWN_SENTENCES):
        return told
    words = lexicon.wording()["told_reason"]
    sentences = [part for part in re.split(r"(?<=。)", told[len(OWN_SENTENCES):]) if part]
    listed = next((index for index, part in enumerate(sentences) if index > 1
                   and part.startswith(tuple(words["listed_reason_starts"]))), 0)
    if not listed or any(word in sentences[listed - 1] for word in words["list_led_by"]):
        return told
    return OWN_SENTENCES + "".join(sentences[:listed]) + words["reasons_after_facts"] + "".join(sentences[listed:])


def _told_reason(result: IndicatorResult, missing: Missing) -> str:
    """The officer's reason as the prose tells it beside the sentence that already gives the figures.
    Its opening sentences or clauses that only restate those figures (全年预算执行率96.60%; 为目标的2.06倍，大幅
    超出预期) are left out — only at its start, never from its middle, so that no sentence of his is cut in two.
    A reason of several sentences, or one that opens with facts (全年抽检水样362份，合格317份……; 年度计划除险加固
    8座。枫树坳水库……), is marked OWN_SENTENCES: it follows the figures as his own account, for 原因是 would
    make a plan or a count the cause."""
    reason = reason_text(result, missing)
    if not result.indicator.reason.strip() or reason != result.indicator.reason.strip():
        return reason
    known = _known_figures(result)
    sentences = [part for part in re.split(r"(?<=。)", reason) if part.strip()]
    name = result.indicator.name
    # an opening sentence that only restates (年度计划完成水土流失综合治理18平方公里，实际完成15.6平方公里，差2.4平方公里。)
    while len(sentences) > 1 and known and not _without_restated_lead(sentences[0], known, name=name).strip("。"):
        sentences.pop(0)
    trimmed = [_without_restated_lead(sentence, known, lead=index == 0, name=name) if known else sentence
               for index, sentence in enumerate(sentences)]
    kept = [part for part in trimmed if part.strip("。")] or [reason]  # all restating: his words
    text = "".join(kept)
    words = lexicon.wording()["told_reason"]
    if len(kept) > 1 and find_quantities(kept[0]) and kept[1].startswith(tuple(words["listed_reason_starts"])):
        # 结余122.90万元。一是……: the sentence goes on with his figures, and his reasons follow as 主要原因：一是……;
        # figures told in clauses of their own (2024年度路况技术状况评定中，全县……) start a sentence of their own
        marker = OWN_SENTENCES if re.search(r"[，,；;]", kept[0]) else FACTS_FIRST
        return marker + kept[0] + words["reasons_after_facts"] + "".join(kept[1:])
    opening = re.split(r"[，；。,;]", sentences[0], maxsplit=1)[0]
    # 年度计划除险加固小型水库8座; 全县规模以上取水口69个; 黄泥坳小流域按计划全部完成: a plan, a count or a fact
    # opens it, not a cause; only a reason that opens with one (因……, 受……影响, 一是……) is joined with 原因是
    # (未全部完成 is no work done: a negated done word opens a shortfall, which 原因是 may introduce)
    negations = "".join(rf"(?<!{re.escape(word)})" for word in words["done_negations"])
    done = any(re.search(negations + re.escape(word), opening) for word in words["done_words"])
    # 年末全县农村自来水受益人口34.97万人，占农村人口38.6万人的90.6%: his opening sentence derives the value itself
    # (a reviewer: 主要原因是 before it made the count the cause)
    # (入户抽样调查1200户，表示满意的1061户，满意度88.4%): counts in each clause up to the value, at most
    # derivation_clauses of them — not a cause told at length that closes on the value (……，全年预算执行率只有98.05%)
    completion = result.indicator.completion
    clauses = [c for c in re.split(r"[，；。,;]", sentences[0]) if c.strip()]
    at = next((index for index, clause in enumerate(clauses) if completion.is_number and any(
        q.unit == completion.unit and agrees(q, completion) for q in find_quantities(clause))), None)
    # (经排查溯源，全县需整治入河排污口48个，完成整治39个，整治完成率81.25%: a lead that says where the counts come from
    # opens them; 主要原因是 before it made the count the cause)
    lead = 1 if clauses and clauses[0].lstrip().startswith(tuple(words["fact_leads"])) \
        and not find_quantities(clauses[0]) and not _tells_cause(clauses[0], words) else 0
    # (新签约亿元以上项目33个，当年开工21个，开工率63.64%: the whole it is reckoned from stays though another result's
    # figure — a reviewer read 当年开工21个 opening the account without the 33 it is of)
    # (only for a rate: 年度计划实施小型水库除险加固8座，……6座完成…… is a plan and its count, said compared)
    derives = bool(at) and lead < at <= words["derivation_clauses"] + lead and (
        kept[0].startswith(clauses[0]) or completion.unit == "%") and all(
        find_quantities(clause) and not _tells_cause(clause, words) for clause in clauses[lead:at])
    part = opening.startswith(tuple(words["part_openings"])) and not opening.endswith(tuple(words["parting_ends"]))
    plan = opening.startswith(tuple(words["plan_openings"])) or done or derives \
        or re.match(words["reckoning_opening"], opening) is not None \
        or ((opening.startswith(tuple(words["fact_openings"])) or _YEAR_OPENING.match(opening) or part)
            and any(q.raw not in name for q in find_quantities(opening)))
    # 2024年度卫片执法认定违法用地图斑128个: a fact, no cause; 全区65岁及以上常住老年人中……较多 is one (65岁 is of the
    # indicator's name, no figure of a fact: a reviewer found his cause pasted without 主要原因是)
    if derives:  # his sentence gives the value with how it was reckoned: whole, with his gap; the lead names no figure
        return OWN_SENTENCES + sentences[0] + "".join(kept[1:])
    if plan and not _tells_cause(opening, words):
        kept[0] = _plan_without_name(kept[0], name, words)
        if len(kept) > 1 and all(any(agrees(figure, quantity) for quantity in known)
                                 for figure in find_quantities(kept[0])) \
                and not any(word in kept[0] for word in words["reckoning_words"] + words["naming_which"]):
            # 年度计划……8座，完成6座并通过交工验收。: the figures just given, then his account (年初目标800人次是按……
            # 测算的 says how the target was set: it stays)
            kept = kept[1:]
        return OWN_SENTENCES + "".join(kept)
    if len(kept) > 1 and not _tells_cause(kept[0], words) \
            and any(word in kept[0] for word in words["background_words"]):
        # (科研科现有工作人员3名，除组织课题研究外，还承担……。年初目标4篇，是参照……测算的。2024年县委建立……: his first
        # sentence, no cause, tells how things stand (现有, 坚持, 近年来) — after 主要原因是 it read as the cause; 岚陵's
        # reviewer)
        return OWN_SENTENCES + "".join(kept)
    return _causes_listed(_subject_not_again(text, name, words), words)


def reason_beside(result: IndicatorResult, missing: Missing, above: str) -> str:
    """The officer's reason as told below a narrative (`above`, the 通用 outline) that already gives the facts his
    account opens on (全年办理建设项目用地预审与选址意见书48件。一是……): the opening sentence goes when every figure in
    it is in the narrative, and his causes follow the figures directly (a reviewer found 48件 in two paragraphs one
    after the other). A clause further on that only gives a figure the narrative gave goes too (急难型救助对象实行
    先行救助，全年先行救助183人次，没有因……: a reviewer found 183人次 in two paragraphs one after the other)."""
    told = _without_told_clauses(_beside(result, missing, above), above, result)
    return without_echo(told, result) if above else told


def without_echo(reason: str, result: IndicatorResult) -> str:
    """`reason` without a last clause that only says the result went up (……并新增线上直播讲座形式，讲座场次大幅增加):
    after the figure and its multiple it says nothing new (a reviewer: 培训人次 repeated right after 2436人次). Only a
    clause with no figure whose subject is the result's own measure (……场次, 完成值) — not 募集额大幅超出往年水平, which
    compares with other years, nor 报告单位明显增加, a cause."""
    words = lexicon.wording()["echo_clause"]
    body = strip_end(reason)
    head, comma, last = body.rpartition("，")
    if not comma or not head.strip() or find_quantities(last):
        return reason
    pattern = rf"^(?:{'|'.join(words['leads'])})?(?P<subject>[^，]{{0,8}}?)(?:{'|'.join(words['degrees'])})(?:{'|'.join(words['changes'])})$"
    match = re.match(pattern, last.strip())
    name = result.indicator.name
    if not match or not (match["subject"] in words["subjects"] or name.endswith(match["subject"][-2:])):
        return reason
    return head + reason[len(body):]


def _without_told_clauses(reason: str, above: str, result: IndicatorResult | None = None) -> str:
    """`reason` without the clauses, past the first of their sentence, that only give figures `above` gives (a figure
    and at most _RESTATING_CHARS other characters, no cause)."""
    if not above or not reason:
        return reason
    words = lexicon.wording()["told_reason"]

    above_words = name_tokens(above)

    def told(clause: str) -> bool:
        # (not dates and numbers of things — 太平川库区2号、3号平房仓维修项目8月首次招标 names the two granaries and
        # when: cut, the cause below had no subject, a reviewer of 靖岭)
        figures = [quantity for quantity in find_quantities(clause) if quantity.is_number and quantity.raw[:1].isdigit()
                   and quantity.unit and quantity.unit not in words["not_figures"]]
        rest = clause
        for quantity in figures:
            rest = rest.replace(quantity.raw, "")
        # (县残联自办职业技能培训14期、培训312人 right after the story's ……职业技能培训班14期、培训312人: longer, but its
        # words all there — a reviewer found it in two paragraphs one after the other)
        echoed = len(rest.strip()) <= _RESTATING_CHARS or (
            (own := name_tokens(rest)) and len(own & above_words) >= _ECHOED_SHARE * len(own))
        # (这173人也算进了培训人数: what he says of figures told, pointing back at them — a reviewer of 瀚泉 lost why the
        # training grew when it went)
        pointing = clause.lstrip().startswith(tuple(words["pointing_starts"]))
        return bool(figures) and echoed and not pointing and not _tells_cause(clause, words) and all(
            re.search(rf"(?<![\d.]){re.escape(number(quantity.value))}{re.escape(quantity.unit)}", above)
            for quantity in figures)

    marker = reason[0] if reason[0] in (OWN_SENTENCES, FACTS_FIRST) else ""  # told as his own account: it stays so
    sentences = re.split(r"(?<=[。；])", reason[len(marker):])
    kept = [marker]
    # (这17件里，8件是财产和彩礼纠纷……；另外9件是婚姻家庭纠纷……: after a group's lead the figures are its parts, though
    # the story gives 8件 and 9件 of other things — a reviewer of 瀚泉 read all 17 as 彩礼纠纷 once both were cut)
    lead = re.compile(words["subgroup_lead"])
    grouped = False
    for place, sentence in enumerate(sentences):
        grouped = grouped or bool(lead.search(sentence))
        if grouped:
            kept.append(sentence)
            grouped = not sentence.endswith("。")
            continue
        end = sentence[-1] if sentence and sentence[-1] in "。；" else ""
        clauses = (sentence[:-1] if end else sentence).split("，")
        if end == "；" and place + 1 < len(sentences):
            # (……大幅增加，全年1012件；加上民事案件528件……: the next part goes on from its last clause — cut, 加上 had
            # nothing to add to; a reviewer of 桐澜)
            clauses = clauses + [sentences[place + 1].split("，")[0]]
        # (not before a clause that goes on from it: 全年实现23个，为目标的2.3倍)
        goes_on = tuple(lexicon.wording()["continuation_starts"])
        # the first clause too when what follows stands alone (全年排查隐患3862处，未整改的139处主要是……: a reviewer found
        # 排查隐患3862处 in the story and again opening his account just below)
        # (not when the next would open the sentence on a numeral: 7件超期)
        own = len(clauses) - (1 if end == "；" and place + 1 < len(sentences) else 0)
        # (only in his opening sentence, right after what told it: 电商直播班88人，真正开起店、能坚持直播的仅有39人 further on
        # lost whose 39 they were — a reviewer of 瀚泉)
        first = [] if own > 1 and place == 0 and told(clauses[0]) and not clauses[1].lstrip().startswith(goes_on) \
            and not told(clauses[1]) and not clauses[1].lstrip()[:1].isdigit() \
            and not clauses[1].lstrip().startswith(tuple(words["dependent_starts"])) \
            and not _whole_of_a_rate(clauses[:own]) else clauses[:1]
        if not first and (tail := _head_of_its_name(result, clauses[0], clauses[1])):
            # (全年完成结算审计126个项目，平均办理时限53.6个工作日 after the story's 126个: the next clause opens on the
            # whole name — a reviewer found the 126 twice in a row; cut alone, 平均办理时限 had no subject)
            clauses = clauses[:1] + [result.indicator.name + clauses[1].lstrip()[len(tail):]] + clauses[2:]
        # (……补助54.00万元未能支付，顺延至2025年上半年完成: what follows has no subject of its own — a reviewer)
        # from the last clause back: a told clause stays when the next stays and goes on from it (线上1950人次，加上线下
        # 836人次，全年2786人次: all three go, not 线上1950人次 alone — a reviewer found it cut off), and when it closes the
        # sentence after a clause without figures whose consequence it gives (汽车单车消费金额高，汽车类消费券带动消费
        # 1.52亿元: a reviewer found the argument broken off at 金额高)
        stays = [True] * len(clauses)
        for index in range(len(clauses) - 1, 0, -1):
            if index >= own:
                continue
            follows = index + 1 < len(clauses) and stays[index + 1] and clauses[index + 1].lstrip().startswith(goes_on)
            # (汽车类消费券带动消费1.52亿元; ……开展了几次专题测算，全年撰写46篇 — a reviewer read the sentence cut
            # before 全年撰写46篇 as unfinished — not a bare figure)
            said = clauses[index]
            for quantity in find_quantities(said):
                said = said.replace(quantity.raw, "")
            # (not the result's own rate again, which the sentence before his account gives: ……二是其他项目零星结余，全年
            # 预算执行率仅为98.05%; a count it closes on is the total his causes add up to: ……，全年撰写46篇)
            own_value = result is not None and result.indicator.completion.is_number \
                and result.indicator.completion.unit == "%" and any(
                agrees(quantity, result.indicator.completion) for quantity in find_quantities(clauses[index])
                if quantity.unit == result.indicator.completion.unit)
            closes = not any(stays[index + 1:own]) and end == "。" and not find_quantities(clauses[index - 1]) \
                and len(said.strip()) >= _CLOSING_CHARS and not own_value  # (the last that stays: ……，全年撰写46篇，其中……)
            stays[index] = not told(clauses[index]) or follows or closes
        stays[0] = bool(first)
        for index in range(0, own - 1):  # 加上线下836人次 kept: its sum after it too (全年2786人次)
            if stays[index] and clauses[index].lstrip().startswith(tuple(lexicon.wording()["adding_starts"])) \
                    and find_quantities(clauses[index]):
                stays[index + 1] = True
        left = first + [clause for index, clause in enumerate(clauses[1:own], start=1) if stays[index]]
        clauses = clauses[:own]
        if len(clauses) == 1 and place and told(clauses[0]) and kept[-1].endswith("；"):
            # (……共惠及692人；县级补贴适配694人。 after the story's ……县级补贴适配……694人: the part goes, its 。 closes the one
            # before)
            kept[-1] = kept[-1][:-1] + (end or "。")
            continue
        kept.append("，".join(left) + end if len(left) > 1 or len(clauses) == 1 or not first else sentence)
    return "".join(kept)


def _head_of_its_name(result: IndicatorResult | None, clause: str, following: str) -> str:
    """The rest of the result's name the next clause opens on when this one names its first part (全年完成结算审计126个
    项目，平均办理时限53.6个工作日 for 结算审计平均办理时限: 平均办理时限); "" when none. Cut alone, the rest had no
    subject — a reviewer."""
    if result is None:
        return ""
    name = result.indicator.name
    least = lexicon.wording()["named_again_chars"]
    return next((name[cut:] for cut in range(least, len(name) - least + 1)
                 if following.lstrip().startswith(name[cut:]) and name[:cut] in clause), "")


def _whole_of_a_rate(clauses: list[str]) -> bool:
    """The first clause gives the whole a rate further on is reckoned from (新签约亿元以上项目33个，当年开工21个，开工率
    63.64%): its count in the unit of the next clause's, and a percentage after them."""
    def units(clause: str) -> set[str]:
        return {q.unit for q in find_quantities(clause) if q.is_number}
    return len(clauses) > 2 and bool(units(clauses[0]) & units(clauses[1]) - {"%"}) \
        and any("%" in units(clause) for clause in clauses[2:])


def _beside(result: IndicatorResult, missing: Missing, above: str) -> str:
    reason = told_reason(result, missing)
    if not above or not reason or reason[0] not in (OWN_SENTENCES, FACTS_FIRST):
        return reason
    first, _, rest = reason[1:].partition("。")
    figures = [quantity for quantity in find_quantities(first) if quantity.is_number]
    if not rest.strip() or not figures:
        return reason
    # (年度计划实施8个补充耕地项目、新增耕地1200亩，6个项目通过验收，新增耕地1036.5亩，比目标少163.5亩。 below
    # 计划实施的8个补充耕地项目中，6个通过县级验收……新增耕地1036.5亩: its target and gap are the comparison the
    # sentence before his account gives; a reviewer found 1036.5亩 in two paragraphs one after the other)
    compared = _known_figures(result)[1:] if result.indicator.completion.is_number else []
    above_figures = [quantity for quantity in figures if re.search(
        rf"(?<![\d.]){re.escape(number(quantity.value))}{re.escape(quantity.unit)}", above)]
    words = lexicon.wording()["told_reason"]
    # (年初计划开发普查资料成果3项，即……，年内完成1项，差2项: it names which, which what follows speaks of — a reviewer of
    # 桦岭 found 民营经济分析课题…… pointing at nothing once it went)
    if any(word in first for word in words["naming_which"]):
        return reason
    if not above_figures or any(word in first for word in words["reckoning_words"]) or not all(
            quantity in above_figures or any(quantity.unit == known.unit and quantity.value == known.value
                                             for known in compared) for quantity in figures):
        return reason
    if reason[0] == FACTS_FIRST:  # his causes listed (一是……) follow 主要原因 as any listed reason does
        return rest.removeprefix(lexicon.wording()["told_reason"]["reasons_after_facts"])
    # what is left opens on what happened, no plan, no count of the year, none of the result's own figures (沙坝、小营2个
    # 项目在实施中……发现……需重新调整项目边界……): it is the cause, and follows the gap after 原因是 (two reviewers found
    # 补充耕地面积比1200亩的目标少163.5亩。沙坝、小营…… abrupt without it)
    opening = re.split(r"[，；。,;]", rest.lstrip(), maxsplit=1)[0]
    known = _known_figures(result)
    if not opening.startswith(tuple(words["plan_openings"]) + tuple(words["fact_openings"])) \
            and not _YEAR_OPENING.match(opening) and not any(
            agrees(quantity, figure) for quantity in find_quantities(opening) if quantity.is_number for figure in known):
        return rest.lstrip()
    return reason[0] + rest


def _causes_listed(text: str, words: dict) -> str:
    """A reason of one sentence that gives two to four causes side by side (……快检室随之停用；同时快检试剂年度采购重新
    组织，……) as 一是……；二是……, which 主要原因： then leads (reviewers rewrote each such sentence so: a cause after a
    bare ；同时 read as one sentence running on). Left as written when a part tells what followed (相应……, 导致……,
    到年底……) rather than another cause, or is too short to stand as one."""
    body = text.rstrip("。")
    parts = body.split("；")
    listed = words["enumerated"]
    if "。" in body or not 2 <= len(parts) <= len(listed["ordinals"]) \
            or body.startswith(tuple(words["listed_reason_starts"])):
        return text
    connectors = tuple(sorted(listed["connectors"], key=len, reverse=True))
    joined = [False] + [part.startswith(connectors) for part in parts[1:]]
    parts = [parts[0]] + [next((part[len(c):].lstrip("，,") for c in connectors if part.startswith(c)), part)
                          for part in parts[1:]]
    following = tuple(lexicon.wording()["line_reasons"]["consequence_starts"]
                      + lexicon.wording()["line_reasons"]["consequence_times"] + listed["not_causes"])
    # (a part its connector joins as another cause may be shorter: ……结余26.23万元；加上其他项目零星结余 — a reviewer
    # read the 加上…… left alone as half a sentence)
    if any(len(part) < (listed["joined_part_chars"] if was_joined else listed["part_chars"]) or part.startswith(following)
           for part, was_joined in zip(parts, joined)):
        return text
    return "；".join(ordinal + part for ordinal, part in zip(listed["ordinals"], parts)) + "。"


def _tells_cause(clause: str, words: dict) -> bool:
    """The clause holds a word that tells a cause (因, 受……影响, 导致), not one in a word of another sense (受益人口)."""
    for word in words["not_causes"]:
        clause = clause.replace(word, "")
    return any(word in clause for word in words["cause_words"])


def _plan_without_name(sentence: str, name: str, words: dict) -> str:
    """His plan that names the indicator again before its figure, just after the sentence that gave it (年初计划新增高效节水
    灌溉面积12000亩，其中…… after 新增高效节水灌溉面积9650亩，仅完成目标的80.4%。): the plan and its figure (年初计划
    12000亩，其中……; a reviewer: the same words twice in a row)."""
    for opening in words["plan_openings"]:
        if sentence.startswith(opening) and sentence[len(opening):].startswith(name) \
                and sentence[len(opening) + len(name):][:1].isdigit():
            return opening + sentence[len(opening) + len(name):]
    return sentence


def _subject_not_again(text: str, name: str, words: dict) -> str:
    """A reason told after 主要原因是 that opens with the indicator's own name (特殊困难老年人家庭适老化改造于年中被列入
    …… after 特殊困难老年人家庭适老化改造236户，为目标的2.36倍，): 该项工作 for the name, as an officer goes on."""
    common = len(os.path.commonprefix([text, name]))
    if common >= words["subject_chars"] and common >= len(name) - 2 and not re.match(r"[\d，,。；;、]", text[common:common + 1]):
        return words["subject_again"] + text[common:]
    return text


def execution_reason(plan: Plan, budget: BudgetView) -> str:
    """预算执行率 missed and the officer gave no reason, while 预算信息 shows where the money stayed: that, as the
    arithmetic proves it (全年未支出资金77.08万元，其中文物保护与非遗传承经费28.88万元、……) — the reason the issue
    allows to be stated without him; "" otherwise. Reviewers marked the 【待补充】 left there when the lines' figures
    (and his 原因说明 of them) were in the report."""
    execution = plan.execution
    if execution is None or execution.status is not Status.MISSED or execution.indicator.reason.strip() \
            or not budget.unspent or not budget.unspent_lines or not budget.execution_agrees:
        return ""
    words = lexicon.wording()["computed_execution_reason"]
    shown = budget.unspent_lines[:words["lines"]]
    items = "、".join(words["item"].format(name=b.line.name, amount=number(amount)) for b, amount in shown)
    more = words["more"] if len(shown) < len(budget.unspent_lines) else ""
    return words["text"].format(amount=number(budget.unspent), items=items, more=more)


def share_reasons(evaluation: Evaluation) -> dict[str, str]:
    """Each missed share whose numerator reached its target (plan.share_base), by indicator name: the reason the
    arithmetic proves — the base grew beyond the plan, with both bases computed (覆盖率的基数（分母）比年初测算的多：……)
    — when the officer gave none; after his own reason, what the share's target would have needed on that base
    (按全年实际基数测算，要达到90%的目标，小反刍兽疫免疫羊只数需约16.78万只，实际少约0.41万只: a reviewer praised the
    officer who reckoned it)."""
    words = lexicon.wording()["computed_share_reason"]
    out: dict[str, str] = {}
    for result in evaluation.indicators:
        found = share_base(result, evaluation.indicators)
        if found is None:
            continue
        count = found.count.indicator

        def amount(value: Decimal, exact: bool) -> str:
            return words["exact" if exact else "about"] + number(value) + found.unit
        about = words["short_about" if not found.exact[2] else "short_exact"]
        figures = dict(target=number(result.indicator.target.value) + "%", count=count.name,
                       needed=about + number(found.needed) + found.unit, short=about + number(found.short) + found.unit)
        needed = words["needed"].format(**figures)
        own = result.indicator.reason.strip()
        if own:
            out[result.indicator.name] = strip_end(own) + "。" + needed
            continue
        rate_word = next(word for word in sorted(words["rate_words"], key=len, reverse=True)
                         if result.indicator.name.endswith(word))
        if len(rate_word) < 2:  # 率 alone is no word: the core's last word with it (收缴率), else 比率 (and not the
            # share's whole name, which would be read as his reason's subject)
            last = cut_words(result.indicator.name[:-1])[-1]
            rate_word = last + rate_word if len(last) >= 2 else words["plain_rate_word"]
        out[result.indicator.name] = words["text"].format(
            count=count.name, rate_word=rate_word,
            reached=words["reached"]["exceeded" if found.count.status is Status.EXCEEDED else "met"],
            base=amount(found.base, found.exact[0]), planned=amount(found.planned, found.exact[1])) + (
            # (at a target of 100% what it needed is the base itself, just said)
            words["needed_after"].format(**figures) if result.indicator.target.value != 100 else "")
    return out


def colloquial_place(unit: str) -> str:
    """How the officer says his own unit in speech (局里 for a ……局); "" for a unit whose name ends otherwise."""
    suffix = next((suffix for suffix in lexicon.wording()["self_names"] if unit.endswith(suffix)), "")
    return suffix + lexicon.wording()["colloquial_place"] if suffix else ""


def in_register(report: Report) -> Report:
    """The report with the officer's reasons, 原因说明, problems, measures and task narratives in a report's register (没有支付 → 未支付, 还没 → 尚未, 我们 →
    我局: lexicon/wording.yaml formal_register) — the same words otherwise; the report itself when nothing changes.
    Reviewers marked his words pasted as he typed them; only what he wrote is touched, never narrator's own text."""
    rules = _register_rules(self_name(report.unit_name), report.year)
    own = self_name(report.unit_name)

    place = colloquial_place(report.unit_name)

    def formal(text: str) -> str:
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        # his 局里 (经局里统一设计) as a report says it: 我局 — in the tables' cells as in the prose (a reviewer
        # found 局里 in 附表3 beside 我局 in the text)
        return text.replace(place, own) if place else text

    indicators = [dataclasses.replace(i, reason=formal(i.reason)) if i.reason else i for i in report.indicators]
    lines = [dataclasses.replace(b, note=formal(b.note)) if b.note else b for b in report.budget_lines]
    # his problems and measures too (a reviewer: 关键仪器一出故障就影响……, pasted in §五)
    problems, measures = [formal(text) for text in report.problems], [formal(text) for text in report.measures]
    # and his task narratives (书院巷……几次停工协调: a reviewer found it kept as he typed it)
    tasks = [dataclasses.replace(t, result=formal(t.result)) if t.result else t for t in report.key_tasks]
    if all(a.reason == b.reason for a, b in zip(indicators, report.indicators)) and all(
            a.note == b.note for a, b in zip(lines, report.budget_lines)) and problems == report.problems \
            and measures == report.measures and all(a.result == b.result for a, b in zip(tasks, report.key_tasks)):
        return report
    return dataclasses.replace(report, indicators=indicators, budget_lines=lines, problems=problems, measures=measures,
                               key_tasks=tasks)


@lru_cache(maxsize=64)
def _register_rules(own: str, year: int | None) -> tuple[tuple[re.Pattern[str], str], ...]:
    """lexicon/wording.yaml formal_register, compiled, with the unit's own name and the years written in (今年联合县老年
    大学……: a reviewer — the report is written the next year); a rule that needs a year is left out without one."""
    rules = []
    for pattern, replacement in lexicon.wording()["formal_register"].items():
        replacement = replacement.replace("{self}", own)
        if year:
            replacement = replacement.replace("{year}", str(year)).replace(
                "{last_year}", str(year - 1)).replace("{next_year}", str(year + 1))
        elif "{" in replacement:
            continue
        rules.append((re.compile(pattern), replacement))
    return tuple(rules)


def line_reason(line: BudgetResult) -> str:
    """The officer's 原因说明 of a budget line as the sentence after its figures goes on (……未支出463.80万元，主要原因是
    ……): without his own lead (主要原因是, 原因：, 因, 由于 …), without opening clauses that only restate the line's
    figures (结余43.62万元，主要是两块：…; 该项目执行率91.74%，…), and without its end."""
    words = lexicon.wording()["line_reasons"]
    known = [line.line.actual, line.adjusted_budget, line.execution_rate]
    if line.line.actual is not None:
        known.append(line.adjusted_budget - line.line.actual)
    leads = sorted(words["own_leads"] + words["cause_leads"], key=len, reverse=True)
    text = line.line.note.strip()
    listed_starts = lexicon.wording()["told_reason"]["listed_reason_starts"]
    while True:
        lead = next((lead for lead in leads if text.startswith(lead)), "")
        text = text[len(lead):].lstrip("，,：: ")
        listed = re.match(r"[^，,；;。：:]{0,8}[：:](?=" + "|".join(map(re.escape, listed_starts)) + ")", text)
        if listed:  # 两块：一是…… — the sentence gives 主要原因：一是……
            text, lead = text[listed.end():], listed.group()
        parts = re.split(r"[，,；;。]", text, maxsplit=1)
        clause, rest = parts[0], parts[1] if len(parts) == 2 else ""
        figures = find_quantities(clause)
        restated = rest and figures and all(q.is_number and q.value in known for q in figures) and len(
            re.sub(rf"[\d.]+(?:{BUDGET_UNIT}|%)", "", clause)) <= words["restating_chars"]
        if not lead and not restated:
            text = strip_end(_without_restated_sentences(text, known + [abs(line.line.adjustment or 0)], words))
            # (……年内未发生，形成结余: the sentence it goes on opens with 未支出X万元)
            ends = "|".join(map(re.escape, words["unspent_restated_ends"]))
            return re.sub(rf"[，,]\s*(?:{ends})$", "", text)
        if restated:
            text = rest.lstrip("，,：: ")


def _without_restated_sentences(text: str, known: list, words: dict) -> str:
    """`text` without its later sentences that only give the line's own figures again (年中已调减36.00万元，仍有部分
    结余。 after ……调减36.00万元后为484.00万元，……未支出51.82万元: a reviewer found the 36.00万元 twice)."""
    sentences = [part for part in re.split(r"(?<=。)", text) if part.strip()]
    kept = sentences[:1] + [sentence for sentence in sentences[1:] if not (
        (figures := find_quantities(sentence)) and all(q.is_number and q.value in known for q in figures)
        and len(re.sub(rf"[\d.]+(?:{BUDGET_UNIT}|%)|[，,。；;]", "", sentence)) <= words["restated_sentence_chars"])]
    return "".join(kept)


def unsaid(rest: str, block) -> str:
    """What is left of a line's note without its opening clauses that only give figures the goal's part has just said
    of its indicators (全年“两癌”免费筛查7436人，比目标少564人 after ……筛查7436人，比目标少564人: a reviewer found
    it twice in two neighbouring paragraphs)."""
    results = [r for message in block.messages for r in message.results] if block else []
    if not rest or not results:
        return rest
    clauses = re.findall(r"[^，,；;。]+[，,；;。]?", rest)
    kept = list(clauses)
    while len(kept) > 1 and find_quantities(kept[0]) and any(
            _restates(kept[0].rstrip("，,；;。"), _known_figures(r), r.indicator.name) for r in results):
        kept.pop(0)
    return "".join(kept)


def tells_consequence(rest: str) -> bool:
    """What is left of an officer's note on a line's unspent money, after what the account above told, tells what
    followed from it (这部分资金……; 考核评价费和组织经费年内未发生，形成结余), not another cause: it goes after
    受上述因素影响 (a reviewer: 主要原因是考核评价费……未发生 makes the money unspent its own cause)."""
    words = lexicon.wording()["line_reasons"]
    first = re.split(r"[，,；;。]", rest, maxsplit=1)[0]
    return rest.startswith(tuple(words["consequence_starts"])) or bool(re.search(words["unspent_money"], first))


def tells_of(story: str, results: list[IndicatorResult]) -> bool:
    """§二's narrative speaks of one of these results: two words of its name (公办, 幼儿园 of 新建改扩建公办幼儿园数量;
    not 筛查 alone), neither a part of the other — or one, beside words of a shortfall (东渡镇中心幼儿园因……推迟开工)."""
    marks = lexicon.wording()["shortfall_marks"]
    for result in results:
        shared = {token for token in name_tokens(result.indicator.name) if len(token) >= 2 and token in story}
        shared = widest_words(shared)
        if len(shared) >= 2 or (shared and any(mark in story for mark in marks)):
            return True
    return False


def shown_unspent(pairs: list, lowest) -> list:
    """Of the lines that left money unspent (largest first), those 预算执行情况 names: the largest, up to three, that
    each hold a tenth of it or more (three reviewers: 8.16万元 counted beside 193.25 and 147.60 in 三项合计 blurred
    where the money stayed) — the largest alone when it holds most of it (unspent_dominant_share) —, and the one
    executed least when it is not among them (a reviewer: 其余2个项目 hid the line at 88.61 %)."""
    whole = sum(amount for _, amount in pairs)
    share = Decimal(str(lexicon.wording()["unspent_named_share"]))
    dominant = Decimal(str(lexicon.wording()["unspent_dominant_share"]))
    large = [pair for pair in pairs[:3] if pair[1] >= share * whole] or pairs[:1]
    if pairs and pairs[0][1] >= dominant * whole:
        large = pairs[:1]
    shown = large + [pair for pair in pairs[len(large):] if lowest is not None and pair[0] is lowest]
    return pairs if len(pairs) - len(shown) <= 1 else shown  # (no 其余1个项目: its name)


def rule_first(note: str) -> bool:
    """An officer's note on a line's unspent money whose first sentence states a rule, no cause (补助资金按……实际完成的
    服务量据实核拨。……没达到计划，……剩余资金年内未拨付。): its cause comes in the sentences after, so the note is told in
    sentences of its own, not after 主要原因是 (a reviewer: the 。 split the cause from its 主要原因是)."""
    sentences = [part for part in re.split(r"(?<=。)", strip_end(note)) if part.strip()]
    return len(sentences) > 1 and not any(
        word in sentences[0] for word in lexicon.wording()["line_reasons"]["cause_marks"])


def restates(result: IndicatorResult, missing: Missing) -> bool:
    """The officer's account, told in its own sentences, gives the indicator's value itself (……全年实现23个，为目标的
    2.3倍，其中……): the sentence before it then names the indicator against its target without the figures, so
    that they are not said twice."""
    reason = told_reason(result, missing)
    completion = result.indicator.completion
    # (his reason glued on with 主要原因是 may give it too: ……集中处置了一批遗留地块，实际处置118.60公顷，为目标的1.98倍 —
    # a reviewer found 118.60公顷 twice in one sentence.) A value he reaches as the sum of his parts (线上培训3870人次，
    # 加上线下集中培训1290人次，合计5160人次) closes his arithmetic, not the result: the sentence before it states the
    # figure (a reviewer: ……宣传培训人次大幅超过年度目标 said how far nowhere before his account's last sentence).
    sums = tuple(lexicon.wording()["told_reason"]["sum_starts"])
    clauses = [clause for clause in re.split(r"[，,；;。]", reason) if not clause.lstrip().startswith(sums)]
    return completion.is_number and any(quantity.unit == completion.unit and agrees(quantity, completion)
                                        for clause in clauses for quantity in find_quantities(clause))


def opens_on_a_figure(why: str, result: IndicatorResult) -> bool:
    """His cause, cut, opens on a figure of the result kept for the clause that leans on it (差9个，都在白岩乡、马鹿塘乡):
    after 原因在于 the gap reads as the cause (雾岭's reviewer) — it follows the comparison as a sentence of its own."""
    clauses = re.split("[，；]", why, maxsplit=2)
    leaning = tuple(lexicon.wording()["told_reason"]["leaning_starts"])
    return len(clauses) > 1 and clauses[1].lstrip().startswith(leaning) \
        and _restates(clauses[0], _known_figures(result), result.indicator.name)


def opens_on_its_figure(result: IndicatorResult, missing: Missing, above: str = "") -> bool:
    """The officer's account, told in sentences of its own, opens on the figure compared with its target (整改到位率
    91.4%，比95%的目标低3.6个百分点。未整改到位的11个图斑中……): it needs no sentence before it that names the
    indicator against its target (two reviewers read 违法用地图斑整改到位率未达到年度目标。 opening every account as a
    frame)."""
    reason = reason_beside(result, missing, above)  # as said beside the story above (`above`)
    completion = result.indicator.completion
    if not reason.startswith(OWN_SENTENCES) or not completion.is_number:
        return False
    first = reason[len(OWN_SENTENCES):].split("。")[0]
    target = result.indicator.target
    # (or its plan's figure: 年初计划对12个……实施六要素升级改造，年内完成7个，差5个 — a reviewer would read 比12个的目标
    # 少5个 before it twice)
    planned = target.is_number and any(word in first for word in lexicon.wording()["plan_words"]) and any(
        quantity.unit == target.unit and quantity.value == target.value for quantity in find_quantities(first))
    # (or the target's figure after 达到/超过: 全年培训512人，……就业率57.4%，未达到65% — a reviewer of 瀚泉 read 培训后就业率比
    # 65%的目标低7.6个百分点。 before it as the same said twice)
    compared = target.is_number and any(
        first[:quantity.start].rstrip().endswith(tuple(lexicon.wording()["target_compared_by"]))
        and quantity.unit == target.unit and quantity.value == target.value for quantity in find_quantities(first))
    return (planned or compared or any(word in first for word in lexicon.wording()["target_words"])) and any(
        quantity.unit == completion.unit and agrees(quantity, completion) for quantity in find_quantities(first))


def target_told(result: IndicatorResult, missing: Missing) -> bool:
    """The officer's account states the target itself (年初目标1500户，是按……测算的): the sentence before it
    need not give it in brackets."""
    target = result.indicator.target
    return target.is_number and any(quantity.unit == target.unit and quantity.value == target.value
                                    for quantity in find_quantities(told_reason(result, missing)))


def _without_restated_lead(sentence: str, known: list, lead: bool = True, name: str = "") -> str:
    """`sentence` without the clauses at its start or its end that only restate `known` figures (合格率87.6%，
    比90%的目标低2.4个百分点。): a clause in its middle stays, so the sentence is never cut in two."""
    end = "。" if sentence.endswith("。") else ""
    pieces = re.split(r"([，；])", sentence[:-1] if end else sentence)
    clauses = pieces[0::2]
    marks = pieces[1::2] + [""]
    first, last = 0, len(clauses)
    # (未完成的12座危旧桥梁中，8座为跨河桥梁……: a clause closing on 中 parts what follows; cut, 8座 read as all twelve)
    parting = tuple(lexicon.wording()["told_reason"]["parting_ends"])
    while first < last and _restates(clauses[first], known, name) and not clauses[first].rstrip().endswith(parting):
        first += 1
    needs_subject = tuple(lexicon.wording()["told_reason"]["needs_subject"])
    if lead and first and first < last and clauses[first].lstrip().startswith(needs_subject):
        first -= 1  # 年初目标800个，是按……测算的: the rest leans on the clause that states the figure; both stay
    elif first and first < last and clauses[first].lstrip().startswith(tuple(lexicon.wording()["dangling_starts"])):
        first -= 1  # 全年跨省直接结算2.14万人次，其中门诊1.77万人次: the part leans on its whole (not 上述情况其中……)
    leaning = not lead and first and clauses[first:last] and clauses[first].lstrip().startswith(
        tuple(lexicon.wording()["told_reason"]["needs_subject"]))
    target = known[1] if len(known) > 1 else None
    if leaning and target is not None and any(figure.is_number and agrees(figure, target)
                                              for figure in find_quantities(clauses[first - 1])):
        first -= 1  # 年初目标4篇，是参照……测算的: how the target was set leans on the target — both stay (岚陵)
    elif leaning:  # 全年创建27个，为目标的2.7倍，反映……: the rest leans on what went, which 这 now stands for
        clauses[first] = lexicon.wording()["told_reason"]["this"] + clauses[first].lstrip()
    sums = tuple(lexicon.wording()["told_reason"]["sum_starts"])
    while last > first and _restates(clauses[last - 1], known, name):
        if clauses[last - 1].lstrip().startswith(sums) or (
                last - 2 >= first and clauses[last - 2].lstrip().startswith(tuple(lexicon.wording()["adding_starts"]))
                and (find_quantities(clauses[last - 2]) or (last - 3 >= 0 and marks[last - 3] == "，"))):
            # ……1480人次，加上……656人次，合计2136人次 (or 全年2786人次): the sum closes what comes before it; ……补免未及时
            # 跟上，加上秋防疫苗到货推迟，免疫密度仅有87.82%: the consequence closes the causes (a reviewer read the
            # sentence cut before it as unfinished) — not after ；, where 加上 opens a cause of its own
            break
        if _fact_of_gap(clauses[last - 1], known):
            break  # ……灾后新增整治34座，全年共整治64座: a fact whose count equals the gap (a reviewer found it lost)
        if last - 2 >= first and clauses[last - 2].rstrip().endswith(tuple(lexicon.wording()["told_reason"]["open_ends"])):
            break  # ……但应种人数增加后，首剂接种率只有86.39%: cut, 但应种人数增加后。 was half a sentence (a reviewer)
        last -= 1
    if not lead and last == first + 1 < len(clauses) \
            and clauses[first].rstrip().endswith(tuple(lexicon.wording()["told_reason"]["basis_ends"])):
        return ""  # 按年末332家计算，覆盖率89.76%……: the basis of the figure that went says nothing alone
    # (……集中处置了一批遗留地块，实际处置118.60公顷，为目标的1.98倍，年初目标设定偏于保守: the figures said before his
    # account go from its middle too, where they only restate — a reviewer read them as the result told inside its cause)
    # A run of such clauses goes whole, its closing mark (，or ；) passing to the clause before it.
    # A run opens on a clause that gives the result itself (not a count that equals the gap, not how the target was
    # set) and takes the restating clauses that go on from it (……按期结案率91.2%，比95%的目标低3.8个百分点).
    middle: set[int] = set()
    far = tuple(lexicon.wording()["told_reason"]["far_verdicts"])
    for index in range(first + 1, last - 1):
        # (再加上进村（社区）29场、……10期，全年一共86场，……: the sum of what is added stays with it — a reviewer of
        # 瀚泉 read the count left adding to nothing)
        adds = clauses[index - 1].lstrip().startswith(tuple(lexicon.wording()["adding_starts"])) \
            and bool(find_quantities(clauses[index - 1]))
        if _restates(clauses[index], known, name) and not clauses[index].lstrip().startswith(sums) and not adds \
                and find_quantities(clauses[index]) and marks[index - 1] == "，" \
                and (index - 1 in middle or _gives_result(clauses[index], known)):
            middle.add(index)
        elif len(known) > 1 and marks[index - 1] == "，" and not find_quantities(clauses[index]) \
                and clauses[index].rstrip().endswith(far) and _restates(clauses[index], known, name):
            middle.add(index)  # ……开展集中筛查，实际筛查人数远超年初目标；二是……: the multiple is said before it
    # (……全年实现23个，为目标的2.3倍，其中商品房项目11个: the parts lean on the whole; the run before them stays)
    leaning = tuple(lexicon.wording()["dangling_starts"])
    for index in range(first + 1, last):
        if index not in middle and clauses[index].lstrip().startswith(leaning):
            run = index - 1
            while run in middle:
                middle.discard(run)
                run -= 1
    kept: list[str] = []
    for index in range(first, last):
        if index in middle:
            if kept and marks[index] != "，":
                kept[-1] = kept[-1][:-1] + marks[index]
            continue
        kept.append(clauses[index] + marks[index])
    text = "".join(kept).rstrip("，；")
    return text + end if text else ""


def _gives_result(clause: str, known: list) -> bool:
    """The clause gives the result itself — the value (`known`'s first, as _known_figures gives it) or its multiple of
    the target — not only the target or the gap: his 目标定为40口 says how the target was set, and his 另建成助餐点14个
    is a fact whose count happens to equal the gap (a reviewer found it cut, leaving a clause without its object)."""
    multiples = [quantity for quantity in known if quantity.unit == "倍"]
    # (培训人次比计划少了588人次 says the gap as a gap, against the plan: it restates)
    compared = any(word in clause for word in lexicon.wording()["told_reason"]["gap_words"])
    # (`known` opens on the value only when the target is a number too: with one figure it may be the target alone)
    return len(known) > 1 and (compared or any(agrees(figure, known[0]) or (figure.unit == "倍" and any(
        agrees(figure, multiple) for multiple in multiples)) for figure in find_quantities(clause)))


def _fact_of_gap(clause: str, known: list) -> bool:
    """The clause gives figures, none of them the result itself (value or multiple), the target (its number: 34座
    agrees with 30座以上) or a gap said as a gap: a fact whose count happens to equal the gap (灾后新增整治34座 of 64
    against 30), which stays."""
    figures = find_quantities(clause)
    return len(known) > 1 and bool(figures) and not _gives_result(clause, known) \
        and not clause.lstrip().startswith(tuple(lexicon.wording()["told_reason"]["gap_starts"])) \
        and not any(figure.unit == known[1].unit and figure.value == known[1].value for figure in figures) \
        and not all(figure.unit in ("%", "倍") and figure.unit != known[0].unit for figure in figures)
    # (完成目标的162.0% after 全年检查81个 is the result's ratio, no fact: a reviewer would read it left after 新增检查31个
    # as the new checks')


def _restates(clause: str, known: list, name: str = "") -> bool:
    """The clause only gives figures already said (实际完成15.6平方公里; 比90%的目标低2.4个百分点; 年度计划完成水土流失
    综合治理18平方公里: the indicator's own words and its target), or a verdict."""
    verdicts = tuple(lexicon.wording()["told_reason"]["verdicts"])
    figures = find_quantities(clause)
    if not figures:
        # 未达到目标; 全年快检批次未达到目标值: a verdict on the indicator just stated, in its own words
        text = clause.strip()
        if not text.endswith(verdicts):
            return False
        own = sorted((word for word in cut_words(name) if len(word) >= 2), key=len, reverse=True)
        rest = re.sub("|".join(map(re.escape, own + list(verdicts) + lexicon.wording()["told_reason"]["restating_words"])),
                      "", text) if own else text
        return len(text) <= _RESTATING_CHARS or len(rest.strip()) <= _RESTATED_WORDS
    words = re.sub(r"[\d.,%]", "", clause)
    for figure in figures:
        words = words.replace(figure.unit, "", 1).replace(figure.scale, "", 1)
    own = sorted((word for word in cut_words(name) if len(word) >= 2), key=len, reverse=True)
    words = re.sub("|".join(map(re.escape, own + lexicon.wording()["told_reason"]["restating_words"])), "", words)
    return len(words.strip()) <= _RESTATED_WORDS and all(
        any(agrees(figure, quantity) for quantity in known) for figure in figures)


def _known_figures(result: IndicatorResult) -> list:
    """The figures a sentence about `result` gives: its value, target, gap, ratio or multiple, points."""
    indicator = result.indicator
    known = [quantity for quantity in (indicator.completion, indicator.target) if quantity.is_number]
    if result.completion_value is None or not indicator.target.is_number:
        return known
    unit = indicator.target.unit
    if result.margin is not None:
        gap = abs(result.margin)
        known.append(shown(gap, unit))
        if unit == "%":
            known.append(shown(gap, "个百分点"))
    if indicator.target.value:
        ratio = result.completion_value / indicator.target.value
        known += [shown(ratio * 100, "%"), shown(ratio, "倍")]
    return known


def completion_cell(result: IndicatorResult, missing: Missing) -> str:
    """完成值 as a table shows it. The table never pairs a target with a value it cannot be compared
    with: the cell asks for one (the prose quotes what was written)."""
    indicator, gaps = result.indicator, lexicon.wording()["placeholders"]
    if indicator.completion.is_empty:
        return missing(gaps["completion"], indicator.name)
    if result.problem in (Problem.UNIT_MISMATCH, Problem.KIND_MISMATCH, Problem.UNREADABLE):
        return missing(gaps["same_unit" if result.problem is Problem.UNIT_MISMATCH else "comparable"], indicator.name)
    return table_text(indicator.completion)


def _tables(evaluation: Evaluation, missing: Missing, templates: str | Path | None = None,
            scores: ProjectScores | None = None) -> dict[str, Table]:
    report = evaluation.report
    gaps = lexicon.wording()["placeholders"]
    budget_rows = []
    for b in evaluation.budget:
        budget_rows.append([
            b.line.name, number(b.line.initial),
            # Where the input gives no adjustment but the adjusted budget, the column is adjusted −
            # initial (0.00 for a line not adjusted), blank only where it gives neither.
            number(b.line.adjustment) if b.line.adjustment
            else number(b.line.adjusted - b.line.initial) if b.line.adjusted is not None and b.line.initial is not None
            else "",
            number(b.adjusted_budget),
            number(b.line.actual) if b.line.actual is not None else missing(gaps["actual"], b.line.name),
            # (a line cut to nothing has no rate: —, as an officer fills the cell; a reviewer read an empty one as
            # forgotten, another read the officer's 0 beside the prose's 不适用 as a contradiction)
            format_percent(b.execution_rate) if b.execution_rate is not None
            else lexicon.wording()["no_rate"] if not b.adjusted_budget and b.line.actual == 0 else "",
        ])
    tasks = [[t.duty, t.name, t.content, t.result or missing(gaps["task_result"], t.name)] for t in report.key_tasks]
    if not tasks:
        tasks = [["", missing(gaps["tasks"]), "", ""]]
    rows = []
    layouts = table_layouts(templates)
    layout = layouts["self_evaluation_scored" if scores is not None else "self_evaluation"]
    for index, r in enumerate(evaluation.indicators):
        i = r.indicator
        row = [i.level1, i.level2, i.name, table_text(i.target), completion_cell(r, missing)]
        if scores is not None:
            row += _score_cells(scores.indicators[index], missing, gaps)
        rows.append(row + [i.source, r.deviation_text, reason_text(r, missing)])
    if scores is not None:
        rows += _total_rows(scores, len(layout["columns"]), SCORED_COLUMNS, missing, gaps)
    tables = {name: Table(name, layouts[name]["columns"], data, tuple(layouts[name]["merge"]),
                          tuple(layouts[name]["widths"]))
              for name, data in (("budget", budget_rows), ("tasks", tasks))}
    tables["self_evaluation"] = Table("self_evaluation", layout["columns"], rows, tuple(layout["merge"]),
                                      tuple(layout["widths"]))
    return tables


def _score_cells(row: IndicatorScore, missing: Missing, gaps: dict[str, str]) -> list[str]:
    """分值 and 得分 of an indicator's row: computed, or asked for."""
    name = row.result.indicator.name
    return [score_text(row.weight) if row.weight is not None else missing(gaps["weight"], name),
            score_text(row.score) if row.score is not None else missing(_score_gap(row, gaps), name)]


def _total_rows(scores: ProjectScores, width: int, columns: tuple[int, int], missing: Missing,
                gaps: dict[str, str]) -> list[list[str]]:
    """The 总分 row (the weights' and scores' sums under `columns`) and the 自评等级 row."""
    words = written_words()
    total_row, grade_row = [""] * width, [""] * width
    total_row[0] = words["total"]
    total_row[columns[0]] = (score_text(scores.total_weight) if scores.weights_complete
                             else missing(gaps["weight"], words["total"]))
    total_row[columns[1]] = score_text(scores.total) if scores.total is not None else missing(gaps["total_score"])
    grade_row[0] = words["grade"]
    grade_row[1] = scores.grade if scores.grade is not None else missing(gaps["grade"])
    return [total_row, grade_row]


def table_layouts(templates: str | Path | None = None) -> dict[str, Any]:
    """Headers, widths and merged columns of the tables, from templates/tables.yaml
    (a user's --templates folder first)."""
    if templates and (Path(templates) / "tables.yaml").is_file():
        return _checked_layouts(yamlfile.load_file(Path(templates) / "tables.yaml"), Path(templates) / "tables.yaml")
    return load_yaml("templates", "tables.yaml")


def _checked_layouts(layouts: Any, file: Path) -> dict[str, Any]:
    """A user's tables.yaml: each table it names with as many headers and widths as the shipped one;
    a table it leaves out keeps the shipped layout (a file written before the project form was added).
    None of them: the file is not a tables.yaml."""
    shipped = load_yaml("templates", "tables.yaml")

    def fail(reason: str, **arguments) -> NarratorError:
        return NarratorError("tables_malformed", file=file, reason=message(reason, **arguments))

    if not isinstance(layouts, dict) or not set(layouts) & set(shipped):
        raise fail("tables_top", names="、".join(shipped))
    for name, default in shipped.items():
        if name not in layouts:
            continue
        layout = layouts.get(name)
        if not isinstance(layout, dict):
            raise fail("tables_missing", name=name)
        columns, widths, merge = layout.get("columns"), layout.get("widths"), layout.get("merge", [])
        count = len(default["columns"])
        if not isinstance(columns, list) or len(columns) != count or not all(isinstance(c, str) for c in columns):
            raise fail("tables_columns", name=name, count=count)
        if not isinstance(widths, list) or len(widths) != count or not all(
                isinstance(w, (int, float, Decimal)) and not isinstance(w, bool) and 0 < w < 1000 for w in widths):
            raise fail("tables_widths", name=name, count=count)
        if not isinstance(merge, list) or not all(isinstance(m, int) and 0 <= m < count for m in merge):
            raise fail("tables_merge", name=name, last=count - 1)
    return {name: {**default, **layouts.get(name, {})} for name, default in shipped.items()}


# ---------------------------------------------------------------- composing

SCORED_COLUMNS = (5, 6)  # 分值 and 得分 follow 完成值 in both scored tables (templates/tables.yaml)
MAX_TEMPLATE_OUTPUT = 5_000_000  # characters; a report is about 30,000
MAX_TEMPLATE_SECONDS = 60
MAX_EXPONENT = 64
MAX_REPEAT_LENGTH = 100_000


class _BoundedEnvironment(SandboxedEnvironment):
    """The sandbox, with `**` and `*` bounded: {{ 10**(10**10) }} or {{ "x" * 10**9 }} in a user's
    template would otherwise hang or exhaust memory."""

    intercepted_binops = frozenset(["**", "*"])

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float, Decimal)) and abs(right) > MAX_EXPONENT:
            raise NarratorError("template_operation", operation=f"** {right}")
        if operator == "*":
            for text, times in ((left, right), (right, left)):
                if isinstance(text, (str, list, tuple)) and isinstance(times, int) \
                        and len(text) * times > MAX_REPEAT_LENGTH:
                    raise NarratorError("template_operation", operation=f"* {times}")
        return super().call_binop(context, operator, left, right)


def by_aspect(results: list[IndicatorResult], lang) -> list[tuple[str, list[str]]]:
    """Qualitative effects met, said as judgements under their 二级指标 (社会效益: 社区治理水平提升, 辖区安全生产形势稳定;
    生态效益: 城市环境面貌改善), in the order the aspects first come; [] unless every one is a judgement under one of
    lexicon/wording.yaml's effect_aspects and there are two aspects or more."""
    groups: dict[str, list[str]] = {}
    for result in results:
        said = lang.predicate(result.indicator)
        aspect = effect_aspect(result)
        if not said or not aspect:
            return []
        groups.setdefault(aspect, []).append(said)
    return list(groups.items()) if len(groups) > 1 else []


def paired(messages: list, lang) -> list:
    """The 通用 outline's goal: one figure met and one kept under its ceiling, one after the other, said in one
    sentence (资助资金按时足额发放率为100%，资助资金审核发放时限为12天，控制在15天以内) — a reviewer read them in two
    short sentences, 完成年度目标 and 控制在15天以内, as filled in one by one."""
    def single(message, kind: str) -> bool:
        result = message.results[0]
        return message.kind == kind and len(message.results) == 1 and result.is_quantitative \
            and not none_happened(result) and bool(result.indicator.target.value) and not lang.near_ceiling(result)
    # what goes on from the story first (his account of a figure it gave), then the results it did not tell (a
    # reviewer found 慈善募集资金's cause after 新设乡村地名标志326个, a result between the figure and its cause)
    told = [message for message in messages if any(_told_above(r, lang.told_above) for r in message.results)]
    messages = told + [message for message in messages if message not in told]
    # the accounts of shortfalls before those of far exceedances, in the places they hold (a reviewer: 先写超额、再写
    # 未达标 in one part, the reverse in another)
    slots = [index for index, message in enumerate(messages) if message.kind in ("missed", "notable")]
    accounts = sorted((messages[index] for index in slots), key=lambda message: message.kind != "missed")
    messages = list(messages)
    for index, message in zip(slots, accounts):
        messages[index] = message
    out: list = []
    for message in messages:
        if out and single(out[-1], "met") and single(message, "met_ceiling"):
            out[-1] = Message("met_pair", out[-1].results + message.results)
        elif out and single(out[-1], "met_ceiling") and single(message, "met"):
            out[-1] = Message("met_pair", message.results + out[-1].results)
        else:
            out.append(message)
    return out


def effect_aspects(messages: list, lang, recalled: list | tuple = ()
                   ) -> tuple[list[tuple[str, list[IndicatorResult]]], list]:
    """The 通用 outline's effects met, aspect by aspect (社会效益方面，义务教育巩固率99.6%，……，义务教育优质均衡发展水平
    提升；可持续影响方面，……), and the messages left (satisfactions, shortfalls, far exceedances); the macro `aspects`
    of templates/sentences.j2 says an aspect's figures first, then the events that did not happen, then its
    judgements. Two reviewers read 社会效益方面，……改善；可持续影响方面，……健全 beside a figure of the same aspect in a
    sentence of its own as pasted together."""
    said = ("met", "exceeded", "met_ceiling", "met_qualitative")
    groups: dict[str, list[IndicatorResult]] = {}
    rest = []
    # (`recalled`: the effects a story above gave and compared, said again here by their figures alone, in their
    # aspect, the satisfactions last — six reviewers read their names listed in brackets as 见上文 as a program's)
    words = lexicon.wording()
    satisfied = words["recalled_satisfactions"]
    for result in recalled:
        aspect = effect_aspect(result) or (satisfied if any(word in result.indicator.name
                                                      for word in words["satisfaction_words"]) else "")
        # (a judgement the story told as an event — 12月通过省爱卫会复审 — is not said again as 复审通过)
        if aspect and (result.is_quantitative or lang.predicate(result.indicator)
                       and result.indicator.completion.text.strip() not in words["told_as_events"]):
            groups.setdefault(aspect, []).append(result)
    for message in messages:
        left = []
        for result in message.results:
            aspect = effect_aspect(result) if message.kind in said else ""
            if aspect and (result.is_quantitative or lang.predicate(result.indicator)):
                groups.setdefault(aspect, []).append(result)
            else:
                left.append(result)
        if left:
            rest.append(dataclasses.replace(message, results=left) if len(left) < len(message.results) else message)
    order = words["effect_aspects"] + [satisfied]
    return [(aspect, groups[aspect]) for aspect in sorted(groups, key=order.index)], rest


def titled(problems: list[str]) -> list[str]:
    """The officer's problems, each with its opening clause as its title, a sentence of its own (水利工程前期工作不扎实。
    石门坑水库设计变更……): a reviewer read his numbered problems as a list without headings. Only when every one opens
    on a short clause that judges (no figure, not a preposition's start such as 对暂不具备……的企业) followed by his
    account — a list half titled reads as two hands; else as he wrote them."""
    words = lexicon.wording()["problem_title"]

    def title(problem: str) -> str | None:
        head, comma, rest = problem.partition("，")
        if not comma or len(head) > words["max_chars"] or len(rest) < words["min_rest"] or find_quantities(head) \
                or head.startswith(tuple(words["not_starts"])):
            return None
        return f"{head}。{rest}"

    heads = [title(problem) for problem in problems]
    return problems if None in heads else heads


def _the_rest(text: str) -> re.Match | None:
    """The one clause of `text` on the rest of the lines (其余五个项目共结转结余31.86万元), None with none or more."""
    found = list(re.finditer(lexicon.wording()["rest_unspent"], text))
    return found[0] if len(found) == 1 else None


def rates_above(lines: list, floor) -> str:
    """The execution rates of the rest of the lines, when all are at or above the rate the unit aimed at (`floor`): the
    whole percent all reach (，执行率均在96%以上); "" otherwise."""
    # (a line cut to nothing in the year has no rate, and nothing to fall short in)
    rates = [line.execution_rate for line in lines if line.adjusted_budget]
    if floor is None or len(rates) < 2 or None in rates:
        return ""
    least = int(min(rates))
    return lexicon.wording()["rest_rates"].format(rate=least) if least >= floor else ""


def below_parent(problem_lines, budget) -> str:
    """The rate the lines an officer calls slow all fall below (，均低于项目支出执行率97.21%): their parent's, when they
    share one other than the whole budget and each is below it; "" otherwise."""
    lines = [line for line, _ in problem_lines.lines]
    parents = {line.line.parent for line in lines}
    total = budget.total.line.name if budget.total else ""
    parent = next((b for b in budget.children if len(parents) == 1 and b.line.name in parents and b.line.name != total),
                  None)
    if parent is None or parent.execution_rate is None or any(
            line.execution_rate is None or line.execution_rate >= parent.execution_rate for line in lines):
        return ""
    return lexicon.wording()["problem_lines"]["below_parent"].format(
        each=lexicon.wording()["problem_lines"]["each_word"] if len(lines) > 1 else "", parent=parent.line.name, rate=format_percent(parent.execution_rate))


def untold_events(groups: list, lang: Language) -> list:
    """The effects' aspects without the events a task narrative above said did not happen (and an aspect left with
    nothing, without it)."""
    def told(result: IndicatorResult) -> bool:
        return result.is_quantitative and result.completion_value == 0 and bool(lang.event(result.indicator)) \
            and lang.event_told(result.indicator)
    kept = [(aspect, [result for result in results if not told(result)]) for aspect, results in groups]
    return [(aspect, results) for aspect, results in kept if results]


def on_target_setting(problem: str, low: list) -> bool:
    """The officer's problem is that targets were set too low (部分绩效目标测算不够准确) and names neither a figure nor
    any of the `low` results: the draft gives their figures after it (额尔敦塔拉's reviewer: the problem listed bare,
    the 3.75倍 and 1.75倍 nowhere). One that names them (适老化改造户数、慈善募集资金等指标目标值……偏离较大) stays as
    it is: their figures were told above (于都's reviewers: each figure once)."""
    words = lexicon.wording()["problem_topics"]
    named = any(result.indicator.name[:4] in problem for result in low)
    return any(word in problem for word in words["notable"]) and any(word in problem for word in words["targets"]) \
        and not named and not any(quantity.is_number for quantity in find_quantities(problem))


def funds_named(name: str) -> str:
    """A budget line's name as the money it is (文物保护及非遗传承 → ……项目): funds_suffix when it names no funds."""
    words = lexicon.wording()
    return name if name.endswith(tuple(words["funds_nouns"])) else name + words["funds_suffix"]


def pointer(name: str) -> str:
    """The words that point back at a budget line named just before (该项资金; 该项目 for a project's)."""
    lines = lexicon.wording()["problem_lines"]
    return lines["pointing_back_project" if name.endswith(lines["project_ending"]) else "pointing_back"]


def pointing_back(text: str, line) -> str:
    """A line's funds sentence after an account that named it, opening on 该项资金 (该项目) instead of its name."""
    words = lexicon.wording()
    name = line.line.name
    named = funds_named(name)
    back = pointer(name)
    if not text.startswith(named):
        return text
    rest = text[len(named):]
    if rest.startswith(words["largest_line"]):
        rest = words["largest_line_pointed"] + rest[len(words["largest_line"]):]
    return back + rest


def placed_elsewhere(text: str, lines: list, facts) -> tuple[str, list]:
    """The budget account with the lines no goal names told in it, and those it cannot hold. A line whose unspent sum
    the account names once gets its figures in brackets there (`facts`: the template's words for them); one among the
    rest of the lines goes after that clause, or is left unnamed when the clause already says all their rates reach
    the target (澜溪's two reviewers: （预算236.00万元，执行率97.33%） was forced in); any other is returned apart."""
    words = lexicon.wording()["lines_placed"]
    apart = []
    for line in lines:
        if line.line.actual is None or line.line.actual >= line.adjusted_budget:
            apart.append(line)
            continue
        said = words["unspent"].format(name=line.line.name, amount=number(line.adjusted_budget - line.line.actual))
        told = words["bracketed"].format(said=said, facts=facts(line))
        rest = _the_rest(text)
        if text.count(said) == 1:
            text = text.replace(said, told)
        elif line.line.name in text or rest is None:
            apart.append(line)
        elif not rest.group("rates"):
            text = after_the_rest(text, words["among_rest"] + told)
    return text, apart


def after_the_rest(text: str, addition: str) -> str:
    """`text` with `addition` after its one clause on the rest of the lines: the lines under no goal told among them;
    `text` itself when it has no such clause."""
    found = _the_rest(text)
    return text[:found.end()] + addition + text[found.end():] if found else text


def hedged_by(said: list[str], problems: list[str]) -> list[str]:
    """Judgements (预算编制科学) that an officer's problem opens on the same subject to qualify (预算编制精细化程度不足):
    said with his qualification (预算编制总体科学，但精细化程度不足), as 绩效目标总体合理，但…… is — a reviewer of 章贡 read
    预算编制科学 in §三 and 预算编制精细化程度不足 in §四 as a contradiction left standing."""
    words = sorted(lexicon.qualitative_words(), key=len, reverse=True)
    said_so = lexicon.wording()["judgement_hedged"]
    marker = re.compile(lexicon.wording()["goal_marker"])
    heads = [re.split("[，,。；;]", marker.sub("", problem.strip(), count=1))[0] for problem in problems]
    plain, hedged = [], []
    for p in said:
        end = next((word for word in words if p.endswith(word) and len(p) - len(word) >= 2), "")
        subject = p[:-len(end)] if end else ""
        # (预算编制的预见性不强 → 预算编制总体规范，但预见性不强: not 但的预见性不强)
        rest = next((head[len(subject):] for head in heads if subject and head.startswith(subject)
                     and len(head) - len(subject) >= 2), "")
        rest = rest[1:] if rest[:1] in lexicon.wording()["hedge_joiners"] and len(rest) > 2 else rest
        (hedged if rest else plain).append(said_so.format(subject=subject, hedge=lexicon.wording()["targets_hedge"],
                                                          judgement=end, rest=rest) if rest else p)
    return plain + hedged  # (last: its 但 closes the list, not a clause the next judgement goes on from)


def sentence_count(text: str) -> int:
    """The sentences of a text, his account after 原因是 told in sentences of its own counted as one of them."""
    return text.count("。") + text.count(OWN_SENTENCES)


def without_rates(text: str, lines: list) -> str:
    """An officer's account without its closing 执行率X% of a line whose execution the goal's funds tell in the next
    paragraph (……地质灾害防治资金年末未支出193.25万元，执行率91.26%。 then ……实际支出2016.75万元，执行率91.26%。: two
    reviewers found the rate twice, a paragraph apart)."""
    words = lexicon.wording()["rate_clause"]
    said = re.escape(words["word"]) + "(?:" + "|".join(map(re.escape, words["leads"])) + ")?"
    for line in lines:
        if line.execution_rate is None:
            continue
        rate = re.escape(format_percent(line.execution_rate).replace("100.00%", "100%"))
        text = re.sub(rf"[，,]{said}{rate}(?=[。；])", "", text)
    return text


def _amounts(text: str) -> list[Decimal]:
    """The sums of money (万元) a text gives: what an officer's account already says of the lines."""
    return [q.value for q in find_quantities(text) if q.is_number and q.unit == BUDGET_UNIT]


@lru_cache(maxsize=8)
def environment(templates: str | Path | None = None) -> SandboxedEnvironment:
    """The sandboxed Jinja2 environment, one per templates folder, so templates compile once."""
    folders = [str(templates)] if templates else []
    folders.append(str(data_path("templates")))
    env = _BoundedEnvironment(loader=ChoiceLoader([FileSystemLoader(folders)]), autoescape=False,
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                               undefined=StrictUndefined)
    env.filters.update(num=number, pct=format_percent, join=join_list, cn=chinese_number, strip_end=strip_end,
                       quote=quote, completion_text=completion_text, names=name_list,
                       balanced=balanced, self_name=self_name, is_department=is_department,
                       kind_groups=kind_groups, same_value_groups=same_value_groups, area=area, field=field_of,
                       by_evidence=by_evidence, line_reason=line_reason, amounts=_amounts, shared_names=shared_names,
                       joined_judgements=joined_judgements, finance_bureau=finance_bureau, without_rates=without_rates,
                       titled=titled, problem_lines=problem_lines, sentence_count=sentence_count,
                       placed_elsewhere=placed_elsewhere, hedged_by=hedged_by, rates_above=rates_above,
                       below_parent=below_parent, pointing_back=pointing_back, pointer=pointer)
    env.tests["is_ceiling"] = is_ceiling
    env.tests["slim"] = lambda result, lang: lang.slim(result)
    env.tests["level"] = is_level
    env.filters["untold_events"] = untold_events
    env.tests["zero_event"] = lambda indicator, lang: (indicator.target.is_number and indicator.target.value == 0
                                                       and bool(lang.event(indicator)))
    env.tests["told_by"] = lambda result, lang: lang.told(result)  # §二's narratives state its value
    # an officer's account under the goal gives the line's rate and what it left unspent: the line is not told again
    env.tests["rate_told_in"] = lambda line, block: block.rate_told(line)
    env.tests["on_target_setting"] = on_target_setting
    env.tests["opening_on_a_figure_of"] = opens_on_a_figure
    # an officer's account under the goal gives the line's budget, spending and rate: its funds sentence says nothing more
    env.tests["figures_told_in"] = lambda line, block: block.figures_told(line)
    # an officer's account under the goal gives the sum the line left unspent: neither it nor its reason is told again
    env.tests["unspent_told_in"] = lambda line, block: bool(block) and block.unspent_told(line)
    # the officer's reason for the line's unspent money says again what his account of an indicator above says
    env.tests["repeated_in"] = lambda line, block: bool(block) and block.repeats(line)
    env.tests["unpaid_told_in"] = lambda line, block: bool(block) and block.unpaid_told(line)
    env.filters["problem_counts"] = problem_counts
    # (通用 outline) messages without the cost indicators the goal's funds sentence says
    env.filters["without_funds"] = lambda messages, block: [
        kept for kept in (dataclasses.replace(m, results=[r for r in m.results if not block.funds_say(r)])
                          if m.kind in ("met_ceiling", "met", "exceeded") else m for m in messages) if kept.results]
    # his reason as one that 主要原因是 may lead, though told in sentences of its own
    env.filters["unmarked"] = lambda text: text.replace(OWN_SENTENCES, "").replace(FACTS_FIRST, "")
    env.tests["consequence"] = tells_consequence
    # (到年底仅完成主体结构封顶…… after 主要是: reviewers read 受上述因素影响，到年底…… as a seam without a subject)
    env.tests["consequence_in_time"] = lambda rest: rest.startswith(
        tuple(lexicon.wording()["line_reasons"]["consequence_times"]))
    env.tests["rule_first"] = rule_first
    env.filters["judgement"] = lambda indicator, lang: lang.predicate(indicator)
    env.tests["tells_of"] = tells_of
    env.filters["share_of"] = lambda part, whole: round_half_up(share_percent(part, whole), 2)
    env.filters["shown_unspent"] = shown_unspent
    env.filters["by_aspect"] = by_aspect
    # a line named by its work alone (文物保护及非遗传承) said as a fund: ……项目年初预算168.00万元
    env.filters["funds_named"] = funds_named
    # 决策、过程、履职、效益、满意度: categories in the order the forms give them, not the order indicators came in
    order = lexicon.target_table_words()["level1_order"]
    env.filters["level_ordered"] = lambda levels: sorted(levels, key=lambda level: (
        order.index(level) if level in order else len(order)))
    # the officer's reason for a large exceedance already says it was far above (实际筛查人数远超年初目标): no 远高于预期
    env.tests["far_said"] = lambda reason: any(word in reason for word in lexicon.wording()["far_said"])
    env.filters["unsaid"] = unsaid
    env.filters["listed_fresh"] = lambda note, block: block.listed_fresh(note) if block else note
    # a figure message without the results the narratives above already state (通用 outline: the story, then the rest)
    env.filters["beyond"] = lambda messages, stories, compare=True: _beyond(messages, "".join(stories), compare)
    env.filters["apart_from"] = apart_from
    env.filters["woven"] = woven
    env.filters["effect_aspects"] = effect_aspects
    env.filters["paired"] = paired
    env.tests["interleaved_in"] = lambda message, lang: message.kind in ("notable", "missed") \
        and message.result.indicator.name in lang.interleaved
    env.filters["shared_start"] = shared_start
    env.filters["event_of"] = lambda indicator, lang: lang.event(indicator)
    # a judgement on the targets themselves (绩效目标合理性 合理): notable exceedances qualify it
    env.tests["on_targets"] = lambda result: result.status in (Status.MET, Status.EXCEEDED) and any(
        word in result.indicator.name for word in lexicon.wording()["target_judgements"])
    return env


def apart_from(story: str, block) -> str:
    """A task narrative told above a goal's figures (通用 outline) without its sentences that the officer's account
    of a missed or far exceeded figure below tells again (东渡镇中心幼儿园因用地红线调整推迟开工……): a reviewer of
    seed 002's outline counted one cause five times."""
    reasons = [m.result.indicator.reason for m in block.messages
               if m.kind in ("missed", "notable") and m.result.indicator.reason.strip()]
    share = lexicon.wording()["told_again_share"]

    results = [r for m in block.messages for r in m.results]

    def again(sentence: str, closing: bool = True) -> bool:  # (a figure of its own that the account lacks keeps it:
        # 惠及群众4182户)
        pairs = char_pairs(sentence)
        # (a part that gives a result's value stays, and his account below goes straight to his causes: 全年办理……48件，
        # 平均办理时限12.5个工作日 — not the value after its comparison, 比……多2.5个工作日，全年办理……48件)
        # (unless the account gives that value itself among the same words: 年底前完成大坪子……7个站点的安装调试，鹿鸣……
        # 5个站点顺延至2025年1月安装 above his 12月组织……集中安装，完成大坪子……7个站点；鹿鸣……顺延到2025年1月安装 — a
        # reviewer found the seven stations named twice in a row)
        # — not the story's closing sentence, which opens his account: 全年办理……48件，平均办理时限12.5个工作日，
        # 比……多2.5个工作日，主要原因：……)
        if any(said_as_its_own(r, sentence) and (closing or not any(said_as_its_own(r, reason) for reason in reasons))
               for r in results):
            return False
        return bool(pairs) and any(
            len(pairs & char_pairs(reason)) >= share * len(pairs)
            and all(quantity.unit in lexicon.wording()["date_units"] or number(quantity.value) in reason
                    for quantity in find_quantities(sentence)
                    if quantity.is_number) for reason in reasons)
    # (by its parts: ……新建改扩建公办幼儿园3所，完成目标的75.00%；东渡镇中心幼儿园因用地红线调整推迟开工……。 loses
    # its second part only, and the first closes the sentence)
    kept = ""
    parts = [part for part in _sentences(story) if part]
    gone = [again(part, index == len(parts) - 1) for index, part in enumerate(parts)]
    # (the story's opening sentence names what the next speaks of: 审计大数据分析平台（二期）原计划上半年完成招标、
    # 三季度上线运行。政务云资源申请……6月才办结 — a reviewer found the second left without its subject)
    if len(parts) > 1 and gone[0] and not gone[1]:
        gone[0] = False
    # (全年开展妇女技能培训512人，其中家政服务……146人，……；电商直播培训2期88人，……；……刺绣编织培训班6期173人，……。:
    # the parts after 其中 are items of one list, which his account naming two of them cannot take apart — a reviewer of
    # 瀚泉 found 512 the sum of two items left)
    for index, item in enumerate(list_items(parts)):
        gone[index] = gone[index] and not item
    for part, goes in zip(parts, gone):
        if goes:
            if part.endswith("。") and kept.endswith("；"):
                kept = kept[:-1] + "。"
            continue
        kept += _without_clauses_told(part, again)
    return kept


def _without_clauses_told(part: str, again) -> str:
    """A sentence without its clauses of means that the account below tells again (依托3个零工驿站和社区“家门口就业服务站”，
    全年举办……46场 above 年中新建3个零工驿站和社区“家门口就业服务站”后……: a reviewer of 章贡 found the stations and the
    banks' 线上申请+快速审批 twice in a row); a clause that closes it or gives a result's value stays, and so does one of
    another kind: it is what follows speaks of (汛期共发生水毁路段137处，全部抢通)."""
    clauses = _clauses(part)
    words = lexicon.wording()
    # (the clauses that open it and all say again what his account tells — 4月县委部署开展……集中整治，要求对……开展财务
    # 收支审计， above ……4月县委部署……集中整治后，要求对……全面开展财务收支审计: a reviewer of 潇川 found it in two
    # neighbouring paragraphs — go, when what is left opens a statement of its own)
    lead = 0
    while lead < len(clauses) - 1 and clauses[lead].endswith(("，", ",")) \
            and len(clauses[lead]) >= words["told_again_clause_chars"] and again(clauses[lead].rstrip("，,")) \
            and all(q.unit in words["date_units"] for q in find_quantities(clauses[lead]) if q.is_number):
        lead += 1
    rest = clauses[lead].lstrip()
    if lead and sum(map(len, clauses[:lead])) >= words["told_again_run_chars"] \
            and len(rest) >= words["told_again_clause_chars"] and not find_quantities(rest[:2]) \
            and not rest.startswith(tuple(words["continuation_starts"]) + tuple(words["told_reason"]["dependent_starts"])):
        clauses = clauses[lead:]
    kept = [clause for index, clause in enumerate(clauses)
            if index == len(clauses) - 1 or not clause.endswith(("，", ","))
            or len(clause) < words["told_again_clause_chars"]
            or not clause.startswith(tuple(words["told_again_clause_leads"])) or not again(clause.rstrip("，,"))]
    return "".join(kept) if kept and kept[-1] == clauses[-1] else part


def _sentences(story: str) -> list[str]:
    """A story's sentences and semicolon parts, each with its mark."""
    return re.split(r"(?<=[。；])", story)


def _clauses(sentence: str) -> list[str]:
    """A sentence's clauses, each with its mark."""
    return re.split(r"(?<=[，,；;。])", sentence)


def _stating_sentences(result: IndicatorResult, story: str) -> list[str]:
    """The sentences of `story` that give the result's figure among words of its name (共13座 in 新建公共厕所5座、
    改造8座，共13座 for 新建和改造公共厕所数量; 无害化处理率100% is no 政府采购执行率)."""
    name = {token for token in name_tokens(result.indicator.name) if len(token) >= 2}
    return [sentence for sentence in _sentences(story)
            if stated_in(result, sentence) and name & name_tokens(sentence)]


def _stating_sentence(result: IndicatorResult, story: str) -> str:
    """The one sentence of `story` that gives the result's figure; "" when none does or several do."""
    found = _stating_sentences(result, story)
    if len(found) > 1:
        # (……覆盖率100%。…… 其中需要调查的21例均在48小时内完成调查，调查率100%。 for 疑似预防接种异常反应48小时内
        # 调查率: the one whose figure follows the end of the name — a reviewer found 调查率100%。 and a sentence of its
        # comparison after it)
        found = [sentence for sentence in found if _names_its_end(result, sentence)]
    return found[0] if len(found) == 1 else ""


def _names_its_end(result: IndicatorResult, sentence: str) -> bool:
    """A clause of `sentence` gives the result's figure right after the end of its name (调查率100% for ……48小时内
    调查率), lexicon's name_end_chars of it or more."""
    name = result.indicator.name
    least = lexicon.wording()["name_end_chars"]
    for clause in re.split(r"[，,；;。]", sentence):
        for quantity in find_quantities(clause):
            if quantity.is_number and stated_in(result, clause[quantity.start:]):
                before = clause[:quantity.start].rstrip()
                verb = next((word for word in lexicon.wording()["figure_verbs"] if before.endswith(word)), "")
                before = before[:len(before) - len(verb)]
                if any(before.endswith(name[cut:]) for cut in range(0, len(name) - least + 1)):
                    return True
    return False


def _told_above(result: IndicatorResult, story: str) -> bool:
    """The task narrative above states the result: its figure (or 未发生 the event a zero count counts), or for a
    judgement its word beside words of its name (12月通过省爱卫会复审 for 省级卫生县城复审 通过)."""
    if not story:
        return False
    if not result.is_quantitative:
        text = result.indicator.completion.text
        said = [text] + lexicon.wording()["judgement_said_as"].get(text, [])
        # (its value the deed its name ends on: 《……志》终审 / 完成终审 — 志稿10月通过……终审 tells it; 额尔敦塔拉's
        # reviewer found 《……志》完成终审，达到预期目标 right after)
        name = result.indicator.name
        said += [text[-size:] for size in range(len(text) - 1, 1, -1) if name.endswith(text[-size:])][:1]
        return any(any(word in sentence for word in said)
                   and len(name_tokens(sentence) & name_tokens(result.indicator.name)) >= 2
                   for sentence in _sentences(story))
    # (水利建设项目未发生安全生产事故 for 水利建设项目安全生产事故: 未发生 among the event's words, in any order; 3所
    # in 3所新建改扩建园新增学位630个 is a word of what the clause says, not the result stated)
    return any(said_as_its_own(result, sentence) for sentence in _stating_sentences(result, story)) \
        or none_happened(result) and any(
        lexicon.wording()["none_happened"] in sentence
        and len(name_tokens(sentence) & name_tokens(event(result.indicator))) >= 2
        for sentence in _sentences(story)) or _all_done_above(result, story)


def _all_done_above(result: IndicatorResult, story: str) -> bool:
    """A rate of 100% the story says as all done (排查隐患37处，全部整改到位 for 安全生产隐患排查整改率 100%): its clause
    of 全部 holds a word of the name, its sentence two — a reviewer of 靖岭 found 整改率为100%，达到年度目标 said after it."""
    value = result.indicator.completion
    if not (value.is_number and value.unit == "%" and value.value == 100):
        return False
    name = {token for token in name_tokens(result.indicator.name) if len(token) >= 2}
    for sentence in _sentences(story):
        if len(name_tokens(sentence) & name) < 2:
            continue
        if any(word in clause and name_tokens(clause[clause.index(word):]) & name
               for clause in _clauses(sentence) for word in lexicon.wording()["all_done_words"]):
            return True
    return False


def _parts_beside_their_whole(story: str) -> str:
    """The story with a clause of parts (其中学前教育812人次、义务教育2046人次……) moved to the figure they add up to
    when another figure stands between them (全年资助……4718人次，发放资助资金648.36万元，其中……752人次): two reviewers
    read the 人次 as parts of the 万元 before them, the more so with its ratio woven in. Only when the parts, all in one
    unit, sum exactly to a figure of an earlier clause of the same sentence — the arithmetic says whose parts they are."""
    words = lexicon.wording()
    leads = tuple(words["parts_leads"])
    marks = "，,；;。"
    out = []
    for part in _sentences(story):
        pieces = _clauses(part)
        for index in range(2, len(pieces)):
            text = pieces[index].rstrip(marks)
            figures = [quantity for quantity in find_quantities(text) if quantity.is_number]
            if not text.lstrip().startswith(leads) or len(figures) < 2 or len({q.unit for q in figures}) != 1 \
                    or not figures[0].unit:
                continue
            unit, total = figures[0].unit, sum(quantity.value for quantity in figures)

            def whole(piece: str) -> bool:
                return any(q.is_number and q.unit == unit and q.value == total for q in find_quantities(piece))

            if whole(pieces[index - 1]):
                continue
            at = next((j for j in range(index - 2, -1, -1) if whole(pieces[j])), None)
            # (what stands between is another result, 发放资助资金648.36万元 — not the figure going on, 完成目标的90.50%,
            # 较上年增加2317件, after which the parts still read as the figure's)
            if at is None or not _begins_another(pieces[at + 1], words):
                continue
            mark = pieces[index][len(text):]
            before = pieces[at].rstrip(marks)
            # (the figure that followed begins a result of its own: ；before it, as after a result compared)
            after = pieces[at][len(before):]
            moved = pieces[:at] + [before + "，", text + ("；" if after in ("，", ",") else after)] + pieces[at + 1:index]
            moved[-1] = moved[-1].rstrip(marks) + mark
            pieces = moved + pieces[index + 1:]
            break
        out.append("".join(pieces))
    return "".join(out)


def woven(story: str, block, lang: Language, effects: list | None = None) -> str:
    """The 通用 outline's task narrative with each exceeded figure of the goal compared with its target right after
    the clause that gives it (城区道路机械化清扫率83.5%，比目标高3.5个百分点，比上年提高6.2个百分点), at most
    lexicon/wording.yaml's woven_per_sentence in one sentence: three reviewers read the comparisons in a paragraph of
    their own after the story (从完成程度看，……) as pasted on. An effect the story gives (`effects`: the messages
    told together under 效益与满意度) is compared there too (回访满意度93.1%，比目标高3.1个百分点) and not said again
    with the effects (a reviewer found it twice)."""
    story = _parts_beside_their_whole(story)
    story = _totals_after_their_parts(story, block, lang)
    by_sentence: dict[str, list[tuple[int, str, str]]] = {}
    listed: dict[tuple[str, str], list[tuple[int, IndicatorResult]]] = {}  # figures listed in one clause, in one unit
    for message in list(block.messages) + list(effects or []):
        # (a ceiling kept is said so after its figure: 平均修复时间31小时，控制在48小时以内 — a reviewer found it left
        # without its target)
        kept = message.kind == "met_ceiling"
        for result in message.results if message.kind == "exceeded" or kept else []:
            if kept and (none_happened(result) or not result.indicator.target.value):
                continue
            sentence = _stating_sentence(result, story) if result.is_quantitative else ""
            pieces = _clauses(sentence)
            clauses = [clause for clause in pieces if stated_in(result, clause)]
            if len(clauses) > 1:
                # (全年新认定高新技术企业12家，另有12家通过重新认定: the clause that names it — a reviewer found
                # 新认定高新技术企业数比目标多2家。 a sentence of its own after the story)
                name = {token for token in name_tokens(result.indicator.name) if len(token) >= 2}
                naming = [clause for clause in clauses if len(name & name_tokens(clause)) >= 2]
                clauses = naming if len(naming) == 1 else clauses
            # (大中修63.2公里 after 提升改造47.8公里 in one clause: a ratio after both reads as either's; 22个，超额完成
            # 20个的年度任务: the officer compares it himself in the next clause)
            after = pieces[pieces.index(clauses[0]) + 1] if len(clauses) == 1 and clauses[0] in pieces[:-1] else ""
            # (……41.53万亩，比目标多0.27万亩，永久基本农田保护面积35.86万亩，均高于市级下达的保护任务: 均 judges all
            # the figures before it together, no one's comparison — a reviewer found the second left uncompared)
            after = "" if after.lstrip().startswith(tuple(lang.words["judged_together"])) else after
            # (……为138名儿童实施康复救助，覆盖率92.6%，其中……83人: the parts after are the figure's; a comparison woven
            # after it cut them from it — a reviewer read 其中 as the rate's)
            later = pieces[pieces.index(clauses[0]) + 2:] if len(clauses) == 1 and clauses[0] in pieces else []
            if any(piece.lstrip().startswith(tuple(lang.words["dangling_starts"])) for piece in later) \
                    and not after.lstrip().startswith(tuple(lang.words["dangling_starts"])):
                continue
            # (65岁、2型 are words of the name, no figures of the clause; 6850盏路灯亮灯率98.6%: its figure the last)
            figures = [quantity for quantity in find_quantities(clauses[0]) if quantity.is_number
                       and clauses[0][quantity.start:quantity.end] not in result.indicator.name] if len(clauses) == 1 else []
            # (冬春生活困难群众救助78.24万元（3462人）: a figure in brackets is said of the money before it — 完成目标的
            # 115.4% after them read as the money's, 雾岭's reviewer)
            bracketed = bool(figures) and clauses[0][:figures[-1].start].count("（") > clauses[0][:figures[-1].start].count("）")
            # (……16.37万只，超过年初计划的15.80万只: the officer compares it with the plan himself)
            if bracketed or len(clauses) != 1 or any(word in clauses[0] + after for word in lang.words["target_words"]
                                        + (lang.words["ceiling_words"] if kept else [])) \
                    or any(word in after for word in lang.words["plan_compared"]) \
                    or not figures or not stated_in(result, clauses[0][figures[-1].start:]) \
                    or sum(stated_in(result, clauses[0][q.start:q.end]) or q.unit == figures[-1].unit for q in figures) > 1:
                # (提升改造47.8公里、大中修63.2公里: a ratio after both, in one unit, reads as either's — unless each
                # figure of the clause is one result's: then their ratios follow together, with 分别)
                if len(clauses) == 1 and not kept and figures and not any(
                        word in clauses[0] + after for word in lang.words["target_words"]):
                    own = [q for q in figures if stated_in(result, clauses[0][q.start:q.end])]
                    if len(own) == 1:
                        listed.setdefault((sentence, clauses[0]), []).append((own[0].start, result))
                continue
            compared = lang.kept_within(result) if kept else lang.compared(result)
            if compared and not kept and lang.slim(result) and not compared.startswith(lang.words["slim_margin_lead"]):
                # a rate just over its target says so (站点完好率95.4%，仅比目标高0.4个百分点): a reviewer praised
                # another report's 只高0.4个百分点 as seeing the rates that barely made it
                compared = lang.words["slim_margin_lead"] + compared
            if compared:
                rate = not kept and result.indicator.target.unit == "%" and not lang.against_target(result)
                by_sentence.setdefault(sentence, []).append(
                    (pieces.index(clauses[0]), clauses[0], compared, lang.margin(result) if rate else ""))
    for sentence, places in by_sentence.items():
        places = sorted(places)[:lang.words["woven_per_sentence"]]
        new = sentence
        # three rates or more in clauses one after another: one 分别 after the last (a reviewer: 四个“比目标高”)
        if len(places) >= 3 and all(place[3] for place in places) \
                and [place[0] for place in places] == list(range(places[0][0], places[0][0] + len(places))):
            clause = places[-1][1]
            mark = clause[-1] if clause[-1] in "，,；;。" else ""
            each = lang.words["compared_each"].format(margins=join_list([place[3] for place in places]))
            new = new.replace(clause, clause[:len(clause) - len(mark)] + "，" + each + mark, 1)
        else:
            pieces = _clauses(sentence)
            for index, clause, compared, _ in places:
                following = pieces[index + 1:]
                if following and following[0].lstrip().startswith(tuple(lang.words["which_starts"])):
                    # (after the clause that says which: 完成档案编研成果4部（篇），分别是《……》……，比3部的目标多1部 —
                    # before it, 分别是 read as naming the one over the target)
                    clause, following = following[0], following[1:]
                end = clause[-1] if clause[-1] in "，,；;。" else ""
                # (……718家次，完成目标的119.7%；查处一般事故隐患1863条……: a result and its comparison end where the
                # next result begins — a reviewer read four results and three comparisons run on with commas — but
                # not before a 均 that judges the figures on both sides together: ……0.27万亩，永久基本农田……，均高于……)
                apart = end in ("，", ",") and bool(following) and _begins_another(following[0], lang.words) \
                    and not any(piece.lstrip().startswith(tuple(lang.words["judged_together"])) for piece in following)
                new = new.replace(clause, clause[:len(clause) - len(end)] + "，" + compared + ("；" if apart else end), 1)
        story = story.replace(sentence, new, 1)
    for (sentence, clause), found in listed.items():
        figures = [q for q in find_quantities(clause) if q.is_number and clause[q.start:q.end] not in "".join(
            r.indicator.name for _, r in found)]
        ordered = [result for _, result in sorted(found, key=lambda pair: pair[0])]
        ratios = [ratio_to_target(result) for result in ordered]
        # every figure of the clause one of these results', each a plain ratio of its target (完成目标的106.2%)
        if len(found) < 2 or len(figures) != len(found) or clause not in story \
                or not all(lang.plain_ratio(result) for result in ordered):
            continue
        mark = clause[-1] if clause[-1] in "，,；;。" else ""
        body = clause[:len(clause) - len(mark)]
        each = lang.words["compared_each_ratio"].format(
            ratios=join_list([f"{lang.percent_of_target(ratio)}%" for ratio in ratios]))
        following = _clauses(story[story.index(clause) + len(clause):])[:1]
        # (the next result begins after them: ；, as after one result and its comparison)
        if mark in ("，", ",") and following and _begins_another(following[0], lang.words):
            mark = "；"
        story = story.replace(clause, body + "，" + each + mark, 1)
    return story


def _totals_after_their_parts(story: str, block, lang: Language) -> str:
    """A figure over its target that the story gives only in its parts (新增农民合作社12个、家庭农场22个 for 新增农民合作社
    和家庭农场数 34个): its total and comparison follow the parts (……家庭农场22个，合计34个，完成目标30个的113.33%), not a
    sentence of its own at the paragraph's end (two reviewers of 祁东 found 新增农民合作社和家庭农场34个 said again there).
    Only when two figures or more in a row of one sentence part, in its unit, add up to it exactly, the part saying two
    words of its name."""
    words = lexicon.wording()["parts_total"]
    for result in (r for message in block.messages if message.kind == "exceeded" for r in message.results):
        value, unit = result.completion_value, result.indicator.completion.unit
        named = {token for token in name_tokens(result.indicator.name) if len(token) >= 2}
        compared = lang.compared(result, True)
        if value is None or not unit or not compared or _stating_sentences(result, story):
            continue
        for part in _sentences(story):
            if len(named & name_tokens(part)) < 2:
                continue
            figures = [q for q in find_quantities(part) if q.is_number and q.unit == unit and not q.scale]
            run = summing_run(figures, value)
            if not run:
                continue
            last = run[-1].end
            stop = re.search(r"[，,；;。]", part[last:])
            cut = last + (stop.start() if stop else len(part) - last)
            told = words["lead"] + result.indicator.completion.text.strip() + "，" + compared
            story = story.replace(part, part[:cut] + "，" + told + part[cut:], 1)
            break
    return story


def _begins_another(clause: str, words: dict) -> bool:
    """The clause states a figure of its own (查处一般事故隐患1863条), not one that goes on from the one before it
    (其中……, 占……, 比上年……) or compares it."""
    text = clause.lstrip()
    return bool(text) and any(quantity.is_number for quantity in find_quantities(text)) \
        and not text.startswith(tuple(words["continuation_starts"]) + tuple(words["part_or_bound_starts"])) \
        and not any(word in text for word in words["target_words"])


def interleaved(story: str, block, lang: Language, missing: Missing, effects=()) -> str:
    """The 通用 outline's task narrative with the officer's short cause of a far exceedance right after the part
    that gives its figure (全年建成智慧教室152间，为目标的1.9倍，覆盖全县38所中小学，主要原因是年中争取到……): three
    reviewers read it told after the whole story, another result between, as pasted on. A cause told at length, in
    sentences of its own or restating the figure stays his account below; `lang.interleaved` keeps the names told.
    An effect the story gives (`effects`) takes its cause there too (义诊惠及群众……: a reviewer found its figure in one
    part and its cause in another). So does a shortfall's (县域内就诊率为88.6%，比90%的目标低1.4个百分点，主要原因……:
    a reviewer read 县域内就诊率为88.6%。县域内就诊率未达到90%的目标 as a seam)."""
    words = lang.words
    causes = []  # the causes told in the story
    for message in list(block.messages) + list(effects):
        result = message.result
        short = message.kind == "missed" and result.is_quantitative and not is_ceiling(result.indicator)
        if message.kind != "notable" and not short:
            if message.kind == "missed":
                story = _closing_shortfall(story, message, _parts_stating(result, story), lang, missing)
            continue
        why = strip_end(without_echo(told_reason(result, missing), result))
        parts = _parts_stating(result, story)
        listed = any(start in why for start in words["told_reason"]["listed_reason_starts"])
        # A far exceedance told in his own sentences (年初目标1500户，是按……测算的。……) whose figure closes the story
        # (……沿街商户签订“门前三包”责任书3900户。): the figure, compared, opens his account's paragraph (two reviewers:
        # 责任书3900户 in the story, then a paragraph opening 责任书签订户数为目标的2.6倍 — one figure told twice apart)
        own = message.kind == "notable" and why[:1] == OWN_SENTENCES and len(parts) == 1 \
            and not restates(result, missing) and story.rstrip().endswith(parts[0].rstrip())
        if not own and (not why or why[0] in (OWN_SENTENCES, FACTS_FIRST) or len(why) > words["account_paragraph_chars"]
                        or "。" in why or restates(result, missing) or len(parts) != 1 or opens_on_a_figure(why, result)):
            story = _closing_shortfall(story, message, parts, lang, missing)
            continue
        part = parts[0]
        body = part[:-1] if part[-1] in "。；" else part
        clauses, at = _figure_clause(result, body)
        # (……文化旅游市场投诉按期办结率100% after its figure, 组织教职工急救培训1890人次 or 募集资金全部用于……: another
        # result or another thing follows, which the cause would be read as the cause of)
        goes_on = tuple(words["continuation_starts"]) + tuple(words["interleave_continuations"])
        if at is None:
            continue
        # (全年开展健康教育讲座286场，组织专家下乡义诊活动58场，……: another result follows in the part — the cause
        # closes the sentence after its figure, and the next result opens one of its own; a reviewer found the cause
        # of 讲座 at the paragraph's end, after 义诊 and its own cause)
        apart = next((index for index in range(at + 1, len(clauses))
                      if not clauses[index].lstrip().startswith(goes_on)
                      and not any(word in clauses[index] for word in words["target_words"])), None)
        # (the next result's clause, or one that opens on a deed — 组织专家下乡义诊活动58场 — not 合格1506批次 or
        # 实现每校2台, which go on with the figure before them)
        others = [other for m in list(block.messages) + list(effects) for other in m.results if other is not result]

        def same_deed(index: int) -> bool:
            """(培训群测群防员和群众1860人次 after 开展防灾宣传培训23场: its opening deed is the figure's own — the same
            activity goes on; a reviewer found it cut off after the cause, a sentence with no subject)"""
            deed = next((start for start in words["statement_starts"] if clauses[index].lstrip().startswith(start)), "")
            return bool(deed) and deed in "，".join(clauses[:index]) and not any(
                said_as_its_own(other, clauses[index]) for other in others)
        while apart is not None and same_deed(apart):
            apart = next((index for index in range(apart + 1, len(clauses))
                          if not clauses[index].lstrip().startswith(goes_on)
                          and not any(word in clauses[index] for word in words["target_words"])), None)
        if apart is not None and not (_begins_another(clauses[apart], words) and (
                any(said_as_its_own(other, clauses[apart]) for other in others)
                or clauses[apart].lstrip().startswith(tuple(words["statement_starts"])))):
            continue
        head, tail = (clauses[:apart], clauses[apart:]) if apart is not None else (clauses, [])
        # (the part is the figure's alone, from its start; what stays of the story is a paragraph, not one short
        # sentence left above his accounts — a reviewer of 澜溪: 全年下发卫片执法图斑458个……核查率100%。 alone)
        if own and (tail or at or len(strip_end(story.replace(part, "", 1))) < words["story_left_chars"]):
            continue
        if short and not any(word in "，".join(head[at:]) for word in words["target_words"]):
            # after the parts the figure is made of (年底前完工36个，其中新华街道27个、文昌街道9个，比38个的目标少2个: two
            # reviewers of 岱川 read 其中 after 少2个 as the parts of the two missing)
            # (and after the clause that says which: 新认定县级科普教育基地2个，分别为……，比3个的目标少1个 — a reviewer
            # read the gap between the count and its 分别为 as breaking the sentence)
            parts = at + 1 if at + 1 < len(head) and head[at + 1].lstrip().startswith(
                tuple(words["dangling_starts"]) + tuple(words["which_starts"])) else at
            # (全县认定粮食应急供应网点10个、粮食应急加工企业2家: another item after its figure, the gap names whose it is —
            # a reviewer of 靖岭 read 比12个的目标少2个 as the two enterprises')
            listed_after = any(q.is_number and stated_in(result, head[at][q.start:q.end])
                               and head[at][q.end:].lstrip().startswith("、") for q in find_quantities(head[at]))
            head[parts] += "，" + (result.indicator.name if listed_after else "") + lang.gap_named(result)
        elif not any(word in "，".join(head[at:]) for word in words["target_words"]):
            # (his account names the target — 年初目标300亩是按…… — : not in the figure's clause before it as well)
            head[at] += "，" + lang.compared(result, not (own and lang.target_value(result.indicator) in why))
        rest = "，".join(tail).lstrip() + (part[-1] if part[-1] in "。；" else "。") if tail else ""
        told = "，".join(head) + words["interleaved_reason"].format(why=why)
        if own:
            # the part leaves the story; his account, where it stands, opens on it instead of on the name
            lang.account_openings[result.indicator.name] = "，".join(head).strip()
            before = story.replace(part, "", 1).rstrip()
            story = before[:-1] + "。" if before.endswith(("；", ";", "，", ",")) else before
            continue
        if short and listed and not tail and part.endswith("。") and story.index(part) > 0:
            # a shortfall whose causes he lists (一是……；二是……) closes the story in a paragraph of its own (a
            # reviewer: 县域内就诊率's two causes in the middle of a story of four results, the paragraph too long)
            # (the part was the last of a sentence whose parts end on ；: what stays before it ends on 。)
            before = story.replace(part, "", 1).rstrip()
            story = closed(before) + "\n" + told
        else:
            story = story.replace(part, told + rest, 1)
            causes.append(told)
        lang.interleaved.add(result.indicator.name)
    return _parted(story, causes, words)


def _parted(story: str, causes: list[str], words: dict) -> str:
    """A story grown long with the causes told in it (story_paragraph_chars) in two paragraphs, after the sentence of
    the cause nearest its middle (a reviewer of 亭湖: one paragraph of four results and two 主要原因, 读起来非常吃力);
    each at least story_part_chars long."""
    if len(story) <= words["story_paragraph_chars"] or "\n" in story:
        return story
    least = words["story_part_chars"]
    ends = []
    for told in causes:
        at = story.find(told)
        end = story.find("。", at + len(told) - 1) if at >= 0 else -1
        if end >= least and len(story) - end - 1 >= least:
            ends.append(end + 1)
    if not ends:
        return story
    cut = min(ends, key=lambda end: abs(2 * end - len(story)))
    return story[:cut] + "\n" + story[cut:]


def _parts_stating(result: IndicatorResult, story: str) -> list[str]:
    """The story's sentences and semicolon parts that give the result's value as their own."""
    return [part for part in _stating_sentences(result, story) if said_as_its_own(result, part)]


def _figure_clause(result: IndicatorResult, body: str) -> tuple[list[str], int | None]:
    """A sentence part's clauses and the index of the one that gives the result's value as its own (None: none)."""
    clauses = re.split(r"[，,]", body)
    return clauses, next((index for index, clause in enumerate(clauses) if said_as_its_own(result, clause)), None)


def _closing_shortfall(story: str, message, parts: list[str], lang: Language, missing: Missing) -> str:
    """A shortfall told at length below whose figure closes a part of the story (……全年办理建设项目用地预审与选址意见书48件，
    平均办理时限12.5个工作日。): that part, compared, leaves the story and opens his account (……12.5个工作日，比10个工作日
    的控制目标多2.5个工作日，主要原因：一是……). Reviewers of 澜溪 and 章贡 read the figure in the story and a paragraph
    opening 平均办理时限比……多2.5个工作日 (按期结案率比98%的目标低1.2个百分点) as one sentence cut in two."""
    result = message.result
    if message.kind != "missed" or not result.is_quantitative or len(parts) != 1 or restates(result, missing):
        return story
    part = parts[0]
    body = strip_end(part)
    start = story.find(part)
    head, tail = story[:start].rstrip(), story[start + len(part):].lstrip()
    clauses, at = _figure_clause(result, body)
    words = lang.words
    # (a part anywhere in the story, whole — not one that the next goes on from: 其中……; nor one cut from the clause
    # before it: a part after a comma)
    # (a part that names what it measures: 平均办理时限53.6个工作日 alone, its 结算审计 in the sentence before, opened
    # a paragraph without a subject — a reviewer)
    name, least = result.indicator.name, lang.words["named_again_chars"]
    if any(body.lstrip().startswith(name[cut:]) and name[:cut] not in body
           for cut in range(least, len(name) - least + 1)):
        return story
    if start < 0 or part[-1:] not in "。；" or (head and head[-1] not in "。；") or at != len(clauses) - 1 \
            or tail.startswith(tuple(words["continuation_starts"]) + tuple(words["interleave_continuations"])) \
            or any(word in body for word in words["target_words"]) \
            or len(strip_end(head + tail)) < words["story_left_chars"]:
        return story
    gap = lang.ceiling_gap(result) if is_ceiling(result.indicator) else lang.gap_named(result)
    lang.account_openings[result.indicator.name] = body + "，" + gap
    lang.moved.append(part)
    if not tail:
        return closed(head)
    if part.endswith("。"):
        head = closed(head)  # (its sentence closed with it: what stays before it closes there)
    return head + tail


def _compared_above(result: IndicatorResult, story: str) -> bool:
    """The story compares the figure with its target where it gives it (……83.5%，比目标高3.5个百分点; 22个，超额完成
    20个的年度任务; 50.8%，控制在52%以内)."""
    # (……16.37万只，超过年初计划的15.80万只: with the plan)
    words = lexicon.wording()["target_words"] + lexicon.wording()["ceiling_words"] + lexicon.wording()["plan_compared"]
    # (……66.9%，分别高于年度目标2.6个百分点、……: the 分别 after the last compares each before it — a reviewer
    # found the first three compared again in a sentence after it)
    each = tuple(lexicon.wording()[key].split("{")[0] for key in ("compared_each", "compared_each_ratio"))
    parts = tuple(lexicon.wording()["dangling_starts"])
    which = tuple(lexicon.wording()["which_starts"])
    for sentence in _sentences(story):
        pieces = _clauses(sentence)
        for index, piece in enumerate(pieces):
            # (or after the clause that says which: ……4部（篇），分别是《……》……，比3部的目标多1部)
            ahead = 3 if pieces[index + 1:index + 2] and pieces[index + 1].lstrip().startswith(which) else 2
            if stated_in(result, piece) and (
                    any(word in piece + "".join(pieces[index + 1:index + ahead]) for word in words)
                    or any(any(lead in later for lead in each) for later in pieces[index + 1:])
                    # (……138名儿童实施康复救助，覆盖率92.6%，其中……83人: its parts follow, no comparison is woven
                    # before them, and none is added at the paragraph's end — reviewers read those as tacked on)
                    or any(later.lstrip().startswith(parts) for later in pieces[index + 2:])):
                return True
    return False


def _beyond(messages: list, story: str, compare: bool = True) -> list:
    """`messages` without the results the task narrative above already states (通用 outline): a message left with
    none goes. Only its figures and judgements go: a missed or far exceeded result keeps its account. An exceeded
    figure the story gives without comparing it (past lexicon/wording.yaml's woven_per_sentence) is compared
    without its figure first (a "compared" message: 65岁及以上老年人健康管理率和……分别比目标高3.8个百分点和1.9个
    百分点; a reviewer found two of four rates in a sentence left uncompared) — under the goal of that story only
    (`compare`), not where a story of another goal gave it."""
    figures = ("met", "exceeded", "met_ceiling", "met_qualitative")
    if not story:
        return messages
    kept, compared = [], []
    for m in messages:
        if m.kind not in figures:
            kept.append(m)
            continue
        compared += [r for r in m.results if compare and m.kind == "exceeded" and r.is_quantitative
                     and _told_above(r, story)
                     and not _compared_above(r, story)]
        if not all(_told_above(r, story) for r in m.results):
            kept.append(dataclasses.replace(m, results=[r for r in m.results if not _told_above(r, story)]))
    return ([Message("compared", compared)] if compared else []) + kept


def compose(evaluation: Evaluation, seed: int = DEFAULT_SEED, templates: str | Path | None = None,
            patterns: str | Path | None = None, suggestions: bool = False, rules: RuleSet | None = None,
            outline: str | None = None) -> Document:
    """The whole report as headings, paragraphs and tables; `patterns` is a file
    `narrator mine` wrote (default lexicon/patterns.yaml). With `suggestions`, §五 offers
    sentences learned from prior reports as marked 【参考表述】 paragraphs when the input
    has no 存在问题 / 改进措施 of its own. With `rules` (draft --scoring), the 自评表 carries
    分值 and 得分 columns, the 总分 and the 自评等级 by that rule set, and §九 states them. `outline` (else the
    input's 报告提纲, else the first) names one of lexicon/wording.yaml's outlines."""
    outlines = lexicon.wording()["outlines"]
    outline = outline or evaluation.report.outline or next(iter(outlines))
    if outline not in outlines:
        raise NarratorError("outline_unknown", column=column_of("outline"), value=outline, known="、".join(outlines))
    report = in_register(evaluation.report)
    if report is not evaluation.report:
        evaluation = evaluate(report)
    missing = Missing()
    plan = make_plan(evaluation)
    budget = budget_view(evaluation, plan)
    computed = execution_reason(plan, budget)
    shares = share_reasons(evaluation)
    if computed or shares:  # missed, where the arithmetic proves why: 预算执行率 without the officer's reason (where
        # the money stayed), a share whose numerator reached its target (the base grew; with his reason, what it needed)
        report = dataclasses.replace(report, indicators=[
            dataclasses.replace(i, reason=computed) if computed and i is plan.execution.indicator
            else dataclasses.replace(i, reason=shares[i.name]) if i.name in shares else i for i in report.indicators])
        evaluation = evaluate(report)
        plan = make_plan(evaluation)
        budget = budget_view(evaluation, plan)
    general = outlines[outline]["general"]
    if general:
        plan = for_general_outline(plan, evaluation)
    lang = Language(seed, patterns, plan.written, names=[i.name for i in report.indicators],
                    hedge_targets=bool(plan.notable), goals=report.goals,
                    own_words="\n".join(list(report.problems) + list(report.measures)))
    scores = score_indicators(evaluation, rules) if rules is not None else None
    tables = _tables(evaluation, missing, templates, scores)
    limit = lang.words["mined_sentences"] if suggestions else 0
    slots = {"单位": report.unit_name, "年度": str(report.year)}
    env = environment(str(templates) if templates else None)
    context = {
        "report": report, "ev": evaluation, "Status": Status, "plan": plan, "budget": budget, "lang": lang,
        "counts": {status.name: len(evaluation.by_status(status)) for status in Status},
        "missing": missing, "gaps": lang.words["placeholders"],
        "reason": lambda result: reason_beside(result, missing, lang.told_above),
        # (or the narrative just above gives it: the 通用 outline tells an area's story before its figures)
        "restates": lambda result: restates(result, missing) or _told_above(result, lang.told_above)
        or lang.counted_as(result),
        "interleaved": lambda story, block, effects=(): interleaved(story, block, lang, missing, effects),
        "target_told": lambda result: target_told(result, missing),
        "opens_on_its_figure": lambda result: opens_on_its_figure(result, missing, lang.told_above),
        "compared_above": lambda result: _compared_above(result, lang.told_above),
        "basis": lambda result: plan.bases.get(result.indicator.name, ""),
        "on_facts": lambda result: _on_facts(result, plan, lang),
        "mined_problems": lang.sentences("problems", slots, limit) if limit else [],
        "mined_improvements": lang.sentences("improvements", slots, limit) if limit else [],
        "scores": scores, "rules": rules, "score": score_text, "funding": funding_parts(report),
        "own": own_problems(report, plan), "sources": _sources(evaluation), "execution_computed": bool(computed),
        "profile": overview_parts(report.overview, budget.total is not None) if report.overview else None,
    }
    context["general"] = general
    document = _render_document(env, outlines[outline]["template"], context, tables, missing, templates)
    document.warnings = _warnings(plan, budget)
    if scores is not None:
        document.warnings += _weight_warnings(scores, rules)
    return document


def _on_facts(result: IndicatorResult, plan: Plan, lang: Language) -> str:
    """A qualitative effect said after the duty results it rests on (审计查出问题整改数为342个，审计整改长效机制健全); ""
    without such results or a judgement to say."""
    facts, judgement = plan.facts.get(result.indicator.name), lang.predicate(result.indicator)
    if not facts or not judgement:
        return ""
    return "、".join(lang.figure(fact.indicator, completion_text(fact)) for fact in facts) + "，" + judgement


def _sources(evaluation: Evaluation) -> list[str]:
    """Where the completion values come from (the 完成值来源 column), each once, the most used first: what the
    self-evaluation rests on, as the report's opening says it."""
    words = lexicon.wording()["sources"]
    counted = Counter(r.indicator.source.strip() for r in evaluation.indicators if r.indicator.source.strip())
    # the target's own table (部门绩效目标申报表) is no evidence of what the year did: the opening leaves it out
    usable = [source for source, _ in counted.most_common() if _is_evidence(source)
              and not source.endswith(tuple(words["target_documents"]))]
    # one of each kind first (报表, 验收资料, 调查, 数据 …; a reviewer: 工程竣工验收资料 and 园林绿化工程验收资料 but no
    # 问卷调查), then the rest
    heads = sorted(words["heads"], key=len, reverse=True)
    kinds: dict[str, str] = {}
    for source in usable:
        kinds.setdefault(_kind(source, heads), source)
    # a kind cited from several of its documents is named as a kind (妇幼健康等业务信息系统; reviewers: one system named
    # among the general documents, 妇幼健康信息系统 or 社会救助发放台账, reads as picked at random)
    collective = words["collective"]
    grouped = {kind for kind in kinds if kind in collective and sum(_kind(source, heads) == kind for source in usable) > 1}
    for kind in grouped:
        first = kinds[kind]
        stem = next((first[:-len(end)] for end in sorted(collective[kind]["ends"], key=len, reverse=True)
                     if first.endswith(end)), first)
        kinds[kind] = collective[kind]["name"].format(stem=stem)
    usable = [source for source in usable if _kind(source, heads) not in grouped]
    firsts = list(kinds.values())
    # of the kinds the opening names (the most cited), the money's documents first, surveys last, as an officer lists
    # them (a reviewer: 部门决算报表、问卷调查、部门预算批复文件和……台账, by how often each is cited, reads oddly)
    rank = {**{kind: 0 for kind in words["money_kinds"]}, **{kind: 2 for kind in words["survey_kinds"]}}
    listed = words["listed"]
    named = sorted(firsts[:listed], key=lambda source: rank.get(_kind(source, heads), 1))
    return named + firsts[listed:] + [source for source in usable if source not in firsts]


def _kind(source: str, heads: list[str]) -> str:
    """The kind of a source: the longest of the heads it ends with (调查, 报表, 系统 …), or itself when it names
    a kind grouped already (妇幼健康等业务信息系统)."""
    return next((head for head in heads if source.endswith(head)), source)


def _is_evidence(source: str) -> bool:
    """A 完成值来源 that names a document one can check (部门决算报表, 内部控制制度汇编, 问卷调查), not how the target
    was set (依据部门工作职责……) nor a vague 工作完成实际情况."""
    words = lexicon.wording()["sources"]
    return (len(source) <= words["max_chars"] and not source.startswith(tuple(words["not_sources"]))
            and source.endswith(tuple(words["heads"])) and source not in words["vague"]
            and not re.search(r"[，,。；;]", source))


def by_evidence(results: list[IndicatorResult], lang: Language) -> list[tuple[str, list[str]]]:
    """Qualitative results met, as judgements (预算编制规范) grouped by the document each rests on, in the order
    the documents first come: [(内部控制制度汇编, [财务管理制度健全]), …]; judgements without a checkable source
    last, under "". A reviewer asked what 绩效目标合理，预算编制科学…… rest on: the table's 完成值来源 says."""
    groups: dict[str, list[str]] = {}
    for result in results:
        judgement = lang.predicate(result.indicator)
        if not judgement:
            continue
        source = result.indicator.source.strip()
        groups.setdefault(source if _is_evidence(source) else "", []).append(judgement)
    return [(source, said) for source, said in groups.items() if source] + (
        [("", groups[""])] if "" in groups else [])


def _render_document(env, name: str, context: dict, tables: dict[str, Table], missing: Missing,
                     templates: str | Path | None) -> Document:
    """Render template `name` and parse it into a Document; an error in a user's template is
    a NarratorError naming the template and line."""
    try:
        text = _render(env.get_template(name), context)
    except NarratorError:
        raise
    except TemplateError as error:
        where, line = _template_position(error)
        raise NarratorError("template_error", template=where, line=line, reason=error) from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError, RecursionError) as error:
        if not templates:
            raise  # narrator's own templates: a bug, for the error log
        where, line = _template_position(error)
        reason = message("template_recursion") if isinstance(error, RecursionError) else f"{type(error).__name__}: {error}"
        raise NarratorError("template_error", template=where, line=line, reason=reason) from None
    for before, after in lexicon.wording()["reason_joins"].items():
        text = text.replace(before, after)  # 原因是一是… → 原因：一是… (a reason the officer wrote as a list)
    # 主要原因是……主要 → 原因是……主要; 完成山塘整治56座，完成目标的112% → ……，为目标的112% (reviewers: a word twice)
    for rewrite in lexicon.wording()["text_rewrites"]:
        text = re.sub(rewrite["pattern"], rewrite["replacement"], text, flags=re.M)
    report = context.get("report")
    unit = getattr(report, "unit_name", "") or ""
    place = colloquial_place(unit)
    if place:  # the officer's 局里 in what in_register did not reach, as a report says it: 我局
        text = text.replace(place, self_name(unit))
    # 比目标低2.4个百分点，原因是\x1f全年抽检…… → 比目标低2.4个百分点。全年抽检……: his account in its own sentences
    text = re.sub(rf"[，,](主要)?原因(是|在于){OWN_SENTENCES}", "。", text).replace(OWN_SENTENCES, "")
    text = re.sub(rf"(主要)?原因(是|在于){FACTS_FIRST}", "", text).replace(FACTS_FIRST, "")
    return _parse(_joined_results(_varied_leads(text)), tables, missing)


def _varied_leads(text: str) -> str:
    """Each paragraph's later ，主要原因是 in other words (，主要是; ，原因是): a reviewer counted three in one paragraph."""
    words = lexicon.wording()["reason_leads"]

    def varied(paragraph: str) -> str:
        pieces = paragraph.split(words["first"])
        if len(pieces) <= 2:
            return paragraph
        return pieces[0] + words["first"] + pieces[1] + "".join(
            words["again"][index % len(words["again"])] + piece for index, piece in enumerate(pieces[2:]))
    return "\n".join(varied(paragraph) for paragraph in text.split("\n"))


def _joined_results(text: str) -> str:
    """The paragraph of results under a goal's 预期目标 with its short figure sentences joined by ；, up to three
    (城区道路机械化清扫率达83.5%，比目标高3.5个百分点；新建和改造公共厕所13座，完成目标的108.3%；……): a reviewer
    read four short sentences in a row as a list, not as an officer's prose (lexicon/wording.yaml joined_results)."""
    words = lexicon.wording()["joined_results"]
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if not lines[index - 1].lstrip("# ").startswith(words["after"]):
            continue
        sentences = [s + "。" for s in lines[index].split("。") if s]
        if not sentences:
            continue
        if not lines[index].endswith("。"):
            sentences[-1] = sentences[-1][:-1]
        joined, run = [], 0  # run: how many short sentences the last one holds (0: it is no short one)
        for sentence in sentences:
            if run and run < words["most"] and _short_figure(sentence, words):
                joined[-1] = joined[-1][:-1] + "；" + sentence
                run += 1
            else:
                joined.append(sentence)
                run = 1 if _short_figure(sentence, words) else 0
        lines[index] = "".join(joined)
    return "\n".join(lines)


def _short_figure(sentence: str, words: dict) -> bool:
    """A sentence that only gives a figure or two (城区生活垃圾日产日清率为100%。): short, with a digit, no reason."""
    return (len(sentence) <= words["max_chars"] and re.search(r"\d", sentence) is not None and "；" not in sentence
            and not sentence.startswith(tuple(words["not_starts"])) and not any(word in sentence for word in words["not_inside"]))


def compose_project(evaluation: Evaluation, rules: RuleSet, seed: int = DEFAULT_SEED,
                    templates: str | Path | None = None) -> Document:
    """A project's self-evaluation (draft --form 项目): the short report of templates/project.j2 and
    the 项目支出绩效自评表 with the scores `rules` give (narrator/forms/project.py)."""
    report = evaluation.report
    if not report.project_name:
        raise NarratorError("project_name_missing", file=report.source)
    missing = Missing()
    lang = Language(seed)
    scores = score_project(evaluation, rules)
    tables = _project_tables(report, scores, missing, table_layouts(templates))
    results = evaluation.indicators
    levels = list(dict.fromkeys(r.indicator.level1 for r in results))
    context = {
        "report": report, "ev": evaluation, "Status": Status, "lang": lang, "scores": scores, "rules": rules,
        "counts": {status.name: len(evaluation.by_status(status)) for status in Status},
        "levels": [(level, messages([r for r in results if r.indicator.level1 == level])) for level in levels],
        "missed": evaluation.by_status(Status.MISSED), "missing": missing, "gaps": lang.words["placeholders"],
        "reason": lambda result: reason_text(result, missing), "score": score_text,
        "restates": lambda result: False,  # a project's reasons are glued on with 原因是
        "target_told": lambda result: False,
        "opens_on_its_figure": lambda result: False,
        "compared_above": lambda result: False,
    }
    document = _render_document(environment(str(templates) if templates else None), "project.j2", context, tables,
                                missing, templates)
    document.warnings += _weight_warnings(scores, rules)
    return document


def _weight_warnings(scores: ProjectScores, rules: RuleSet) -> list[str]:
    """The weights given add up to other than the rule set's total (only when every weight is given:
    a missing one is already asked for in the table)."""
    if not scores.weights_complete or scores.total_weight == rules.total:
        return []
    return [Notice("project_weights_differ", weight=score_text(scores.total_weight),
                    total=score_text(rules.total), rules=rules.name)]


def _project_tables(report: Report, scores: ProjectScores, missing: Missing,
                    layouts: dict[str, Any]) -> dict[str, Table]:
    """The 项目支出绩效自评表 as three joined tables: 基本情况, 项目资金 and 绩效指标 with 总分 and 自评等级.
    Labels and headers are templates/tables.yaml's; the 总分 and 自评等级 words lexicon/project_form.yaml's,
    the words `check` reads the form by."""
    words = written_words()
    gaps = lexicon.wording()["placeholders"]
    basic_layout, funding_layout, indicator_layout = (layouts[name] for name in
                                                      ("project_basic", "project_funding", "project_indicators"))
    blank = funding_layout["not_scored"]
    funding = []
    first_part = next((row for row in scores.funding if not row.total), None)  # written 其中：当年财政拨款
    for row in scores.funding:
        line, result = row.result.line, row.result
        name = words["part_prefix"] + line.name if row is first_part else line.name
        funding.append([
            name, number(line.initial), number(result.adjusted_budget),
            number(line.actual) if line.actual is not None else missing(gaps["actual"], line.name),
            score_text(row.weight) if row.weight is not None else blank,
            format_percent(result.execution_rate) if result.execution_rate is not None else "",
            (score_text(row.score) if row.score is not None else missing(gaps["score"], line.name)) if row.total
            else blank])
    indicators = []
    for row in scores.indicators:
        r, i = row.result, row.result.indicator
        indicators.append([i.level1, i.level2, i.name, table_text(i.target), completion_cell(r, missing)]
                          + _score_cells(row, missing, gaps)
                          + [reason_text(r, missing) if r.status is Status.MISSED else ""])
    indicators += _total_rows(scores, len(indicator_layout["columns"]), SCORED_COLUMNS, missing, gaps)
    fields = ("department", "unit_name", "project_goal", "project_result")
    basic = [[label, getattr(report, field_name) or missing(label)]
             for label, field_name in zip(basic_layout["labels"], fields)]
    name = report.project_name or missing(basic_layout["columns"][0])
    return {"project_basic": Table("project_basic", [basic_layout["columns"][0], name], basic, (),
                                   tuple(basic_layout["widths"])),
            "project_funding": Table("project_funding", funding_layout["columns"], funding, (),
                                     tuple(funding_layout["widths"])),
            "project_indicators": Table("project_indicators", indicator_layout["columns"],
                                        indicators, tuple(indicator_layout["merge"]),
                                        tuple(indicator_layout["widths"]))}


def _score_gap(row: IndicatorScore, gaps: dict[str, str]) -> str:
    """What an unscored row asks for: a qualitative indicator short of its target, the band the rules allow."""
    expected = row.expected
    if expected is None or expected.exact:
        return gaps["score"]
    return gaps["score_band"].format(low=score_text(expected.low), high=score_text(expected.high))


def _warnings(plan: Plan, budget: BudgetView) -> list[str]:
    """Disagreements inside the input the draft cannot settle: the 自评表's 预算执行率 / 预算调整率
    against the rates computed from 预算信息."""
    warnings = []
    for result, consistent, computed in ((plan.execution, budget.execution_agrees, budget.execution_rate),
                                         (plan.adjustment, budget.adjustment_agrees, budget.adjustment_rate)):
        if result is not None and not consistent:
            warnings.append(Notice("rate_disagrees", name=result.indicator.name,
                                    written=result.indicator.completion.text,
                                    computed=format_percent(computed or Decimal(0))))
    return warnings


def _render(template, context: dict) -> str:
    """Render with an output limit, and a time limit where a timer signal can be used (the main thread)."""
    def too_slow(signum, frame):
        raise NarratorError("template_too_slow", limit=MAX_TEMPLATE_SECONDS)

    timed = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if timed:
        previous = signal.signal(signal.SIGALRM, too_slow)
        signal.setitimer(signal.ITIMER_REAL, MAX_TEMPLATE_SECONDS)
    try:
        pieces, length = [], 0
        for piece in template.generate(context):
            length += len(piece)
            if length > MAX_TEMPLATE_OUTPUT:
                raise NarratorError("template_too_long", limit=MAX_TEMPLATE_OUTPUT)
            pieces.append(piece)
        return "".join(pieces)
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _template_position(error: BaseException) -> tuple[str, object]:
    """The template file and line an error arose in: syntax errors carry them;
    errors while rendering are found in the traceback Jinja2 rewrites."""
    if getattr(error, "lineno", None):
        return Path(getattr(error, "filename", None) or getattr(error, "name", None) or "report.j2").name, error.lineno
    where, line = "report.j2", "?"
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where, line = Path(filename).name, trace.tb_lineno
        trace = trace.tb_next
    return where, line


def _parse(text: str, tables: dict[str, Table], missing: Missing) -> Document:
    title = subtitle = ""
    blocks: list[Heading | Paragraph | Table] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@title "):
            title = "\n".join(filter(None, [title, line.removeprefix("@title ").strip()]))
        elif line.startswith("@subtitle "):
            subtitle = line.removeprefix("@subtitle ").strip()
        elif line.startswith("@table "):
            blocks.append(tables[line.removeprefix("@table ").strip()])
        elif line.startswith("@suggestion "):
            mark = lexicon.wording()["suggestion_mark"]
            blocks.append(Paragraph(mark + line.removeprefix("@suggestion ").strip(), suggestion=True))
        elif line.startswith("@sign "):
            blocks.append(Paragraph(line.removeprefix("@sign ").strip(), signature=True))
        elif line.startswith("## "):
            blocks.append(Heading(2, line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(Heading(1, line[2:].strip()))
        else:
            blocks.append(Paragraph(line))
    return Document(title, subtitle, blocks, missing.items)
