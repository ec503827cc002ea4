"""The rules, as one list: each takes what was read from one report (`CheckedReport`: its
passages with their claims and links, its tables and facts) and yields findings.

A rule is a function registered with `@rule(code, severity)`; `RULES` runs them in order
and stamps each finding with its rule's code and severity. Its wording is the code's entry
in templates/findings.yaml. A rule only reports what it can show: the figure as written,
what the table or the arithmetic gives, and where.

Codes: prose against the tables (N101–N104), arithmetic written in prose (N105–N108),
inside a table (N201–N204), across tables (N301), meaning (N401, N402), coverage (N501), scores of a
form with 分值 and 得分 (N601–N608, under the rule set of lexicon/scoring/).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..core import lexicon
from ..core.compare import agrees
from ..core.evaluate import Problem, Status
from ..core.model import Indicator, Report
from ..core.quantity import SCALES, format_decimal, format_percent, normalize_width, parse_quantity, round_half_up, shown
from ..forms import scoring
from ..recognise import projectform
from ..recognise.projectform import ScoreSheet, score
from ..recognise.tables import ReportTables
from ..sources.document import Paragraph
from ..statements import arithmetic, roles
from ..statements.extract import (CLAUSE_BREAKS, Claim, after_run_in_title, aspect_of, counted_group, figures_in,
                                  indicator_scope, listed_names, passage_label, refers_to_area)
from . import across
from .facts import BUDGET_NAMES, DERIVED_ROLES, Fact, Facts, cell_location, computed, fact_name, in_group
from .findings import Finding, Location, wording
from .link import Link, dice

GOAL_START = re.compile(r"对年度绩效目标\s*\d+|^（[一二三四五六七八九十]+）")


@dataclass
class Passage:
    """A paragraph of the prose, or a 完成情况 cell of the 年度重点任务 table, with its claims."""

    text: str
    claims: list[Claim]
    links: list[Link]
    location: Location  # the paragraph or cell, without offsets
    paragraph: Paragraph | None = None  # None for a table cell
    targets: bool = False  # it states the year's targets (under （三）年度绩效目标, after 预期目标, a list of goals)

    def at(self, start: int, end: int) -> Location:
        return replace(self.location, start=start, end=end)


@dataclass
class CheckedReport:
    """What the rules see of one report."""

    file: str
    passages: list[Passage]  # the paragraphs first, in order, then the task cells
    tables: ReportTables
    facts: Facts
    sections: dict[int, str]
    sheet: ScoreSheet | None = None  # a form with 分值 and 得分 (项目支出绩效自评表)
    rule_set: str = scoring.DEFAULT_RULES  # lexicon/scoring/<rule_set>.yaml
    approved: Report | None = None  # the approved 绩效目标表 of the unit and year (check --targets)
    unpaired: bool = False  # --targets named a folder that holds no table of this unit and year
    last_year: Report | None = None  # last year's report of the unit (check --last-year)
    totals: list = field(default_factory=list)  # moneytables.Mismatch: totals of money tables not their parts' sum
    target_indicators: int = 0  # the document is a 绩效目标表 of this many indicators, and nothing else was read
    tables_read: list = field(default_factory=list)  # checker.TableRead: each table and what it was read as

    @cached_property
    def changes(self) -> list[across.Difference]:
        """How the self-evaluation's indicators differ from the approved target table's."""
        if self.approved is None or self.facts.evaluation is None:
            return []
        reported = [result.indicator for result in self.facts.evaluation.indicators]
        return across.differences(reported, self.approved.indicators)

    @property
    def prose(self) -> list[Passage]:
        return [passage for passage in self.passages if passage.paragraph is not None]

    @property
    def figures(self) -> int:
        return sum(len(passage.links) for passage in self.prose)


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # "error" or "warning"
    check: Callable[[CheckedReport], Iterable[Finding]]


RULES: list[Rule] = []


def rule(code: str, severity: str = "error"):
    """Register a rule: a function of a CheckedReport that yields findings."""
    def register(function: Callable[[CheckedReport], Iterable[Finding]]):
        RULES.append(Rule(code, severity, function))
        return function
    return register


def run(report: CheckedReport, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Every rule's findings on `report`, each stamped with its rule's code and severity."""
    return [replace(finding, code=item.code, severity=item.severity)
            for item in (RULES if rules is None else rules) for finding in item.check(report)]


def _sentence_context(claim: Claim) -> tuple[str, tuple[int, int]]:
    return claim.sentence, (claim.start - claim.sentence_start, claim.end - claim.sentence_start)


def fact_value(fact: Fact, claim: Claim | None = None) -> str:
    """The fact's figure; one computed for a sentence (a ratio, percentage points …) at the precision
    the sentence writes (77.3% against 77.30%: “77.3%”)."""
    if claim is None or not fact.quantity.is_number:
        return fact.quantity.text
    written = claim.quantity
    if fact.role == "difference" and written.unit and (written.scale or written.unit != fact.quantity.unit):
        value = fact.quantity.in_unit(written.unit)  # 尚差0.47万平方米: the gap as the sentence writes it, not 7400平方米
        if value is not None:
            value = value / SCALES[written.scale] if written.scale else value
            return format_decimal(round_half_up(value, written.decimals), written.decimals) + written.scale + written.unit
    if fact.role not in DERIVED_ROLES and not fact.base:
        return fact.quantity.text
    return format_decimal(fact.quantity.value, claim.quantity.decimals) + fact.quantity.unit


def fact_statement(fact: Fact, key: str = "fact_statement", claim: Claim | None = None) -> str:
    """表3第29行「指标完成值」列的“预算执行率”是 96.03% (key fact_reference: …（96.03%）)."""
    return wording(key, fact_place=fact.place + fact.location.describe(), fact_name=fact_name(fact),
                   expected=fact_value(fact, claim))


# Prose (and task cells) against the tables

@rule("N101")
def figure_differs(report: CheckedReport) -> Iterator[Finding]:
    """A figure that disagrees with every table fact it can speak of (all of them named)."""
    for passage in report.passages:
        where = wording("where_prose" if passage.paragraph is not None else "where_task_cell")
        for item in passage.links:
            if not item.facts:
                continue
            context, span = _sentence_context(item.claim)
            yield Finding(
                claimed=item.claim.quantity.text, expected=" / ".join(fact_value(f, item.claim) for f in item.facts),
                context=context, location=passage.at(item.claim.start, item.claim.end), span=span,
                arguments={"where": where, "statements": wording("list_separator").join(
                    fact_statement(fact, claim=item.claim) for fact in item.facts)})


@rule("N102", "warning")
def goal_shortfall(report: CheckedReport) -> Iterator[Finding]:
    """Within one annual goal's analysis (预期目标 … 完成情况 …), a completion figure
    below the target figure it answers, with no word of why."""
    goal: list[tuple[Passage, Claim]] = []
    texts: list[str] = []
    reasons = lexicon.claim_words()["reason_words"]
    reasoned = [passage.text for passage in report.prose if any(word in passage.text for word in reasons)]

    def close():
        targets = [(p, c) for p, c in goal if c.role == "target" and c.quantity.comparator not in ("<=", "<")]
        done = [(p, c) for p, c in goal if c.role == "completion"]
        if not targets or not done or any(word in "".join(texts) for word in lexicon.claim_words()["reason_words"]):
            return
        # Completions by unit and name, each group's first in order: the best match for a target is the first
        # completion of the best-named group (as many groups as names, not as figures — a sentence of 2000 is linear).
        groups: dict[tuple[str, frozenset[str]], tuple[Passage, Claim]] = {}
        for p, c in done:
            if c.quantity.is_number:
                groups.setdefault((c.quantity.unit, c.tokens), (p, c))
        best_of: dict[tuple[str, frozenset[str]], tuple[Passage, Claim] | None] = {}
        for _, target in targets:
            key = (target.quantity.unit, target.tokens)
            if key not in best_of:
                scored = [(dice(target.tokens, tokens), p, c) for (unit, tokens), (p, c) in groups.items()
                          if unit == target.quantity.unit]
                scored = [item for item in scored if item[0] >= 0.5]
                best_of[key] = max(scored, key=lambda item: item[0])[1:] if scored else None
            if best_of[key] is None:
                continue
            passage, completion = best_of[key]
            agreed = next((item.agreed for item in passage.links if item.claim is completion), None)
            if agreed is not None and agreed.status in (Status.MET.value, Status.EXCEEDED.value):
                continue  # 兑现办理时限12个工作日，比目标（15个工作日）缩短: less is better, the table says met
            if completion.quantity.value < target.quantity.value and not _reason_elsewhere(reasoned, completion):
                context, span = _sentence_context(completion)
                yield Finding(claimed=completion.quantity.text, expected=target.quantity.text, context=context,
                              location=passage.at(completion.start, completion.end), span=span)

    for passage in report.prose:
        if GOAL_START.search(passage.text[:30]):
            yield from close()
            goal, texts = [], []
        texts.append(passage.text)
        goal += [(passage, claim) for claim in passage.claims]
    yield from close()


def _reason_elsewhere(reasoned: list[str], completion: Claim) -> bool:
    """The report says why elsewhere: one of the passages or headings with a word of why (`reasoned`)
    names what fell short (三（四）预算执行率未达标原因 … ; 县域内就诊率未达到目标，主要原因是……)."""
    return bool(completion.tokens) and any(all(token in text for token in completion.tokens) for text in reasoned)


# 完成目标任务的92.95%; 完成目标（12000亩）的80.4%; 完成目标12000亩的80.4%
RATIO_OBJECT = re.compile(r"(?:任务|值|数)?\s*(?:[（(][^（()）]*[）)]|\d[\d.,]*[^\d，,。；;（()）]{0,6}?)?\s*的")


def _phrases(text: str, phrases: list[str]):
    """Occurrences of `phrases` in `text` that are not negated (未达到目标 is not 达到目标) and do not
    name the base of a ratio (完成目标（100亿元）的77.3% says how much, not that it was met)."""
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase not in text:
            continue
        for match in re.finditer(re.escape(phrase), text):
            if text[max(0, match.start() - 2):match.start()].endswith(tuple(lexicon.claim_words()["negations"])):
                continue
            if RATIO_OBJECT.match(text, match.end()):
                continue
            yield match


@rule("N103", "warning")
def all_met_claimed(report: CheckedReport) -> Iterator[Finding]:
    """The prose says every goal was met while the self-evaluation table shows some missed."""
    if report.facts.evaluation is None:
        return
    all_missed = report.facts.evaluation.by_status(Status.MISSED)
    if not all_missed:
        return
    for passage in report.prose:
        if passage.targets:
            continue  # 6.“双随机、一公开”抽查任务全部完成……: a goal listed under （三）年度绩效目标, not a result
        text = passage.text
        for match in _phrases(text, lexicon.claim_words()["all_met_phrases"]):
            sentence_start = max(text.rfind(p, 0, match.start()) for p in "。！？") + 1
            sentence_end = min((i for i in (text.find(p, match.end()) for p in "。！？") if i >= 0), default=len(text))
            lead = text[sentence_start:].lstrip()
            label = passage_label().match(lead)
            if lead.startswith(tuple(lexicon.claim_words()["target_leads"])) or (
                    label is not None and label.group(1) in lexicon.claim_words()["target_passages"]):
                continue  # 年初确定的目标为……抽查任务全部完成: what was aimed at, not what was done
            # 效益类指标2项，全部达到: 全部 within 效益 only; 其余22个过程指标均已完成: not all of them.
            part = text[max(sentence_start, *(text.rfind(mark, 0, match.start()) + 1 for mark in "；;")):match.start()]
            if any(word in part for word in lexicon.claim_words()["partial_words"]) \
                    or any(re.search(pattern, part) for pattern in lexicon.claim_words()["counted_parts"]):
                continue  # (六个方面中有四个方面的指标全部达到目标: four of them)
            scope, kind, _ = indicator_scope(text, sentence_start, match.start())
            if not scope and (aspect_of(text[sentence_start:match.start()])
                              or refers_to_area(text[sentence_start:match.start()])
                              or after_run_in_title(text, sentence_start)):
                continue  # 特种设备方面指标3项，全部达到; 该项共5项指标，全部达到; 5.环评审批服务和生态环境监测。设指标3项，
                # 全部达到目标。: that field's, which no column groups
            if any(claim.role == "count" and claim.sentence_start == sentence_start
                   and (":~" in claim.subject or ":@" in claim.subject) for claim in passage.claims):
                continue  # 偏差：4项指标全部达到目标 under 1．促消费和商贸流通: the count is that area's, checked as such
            clause_start = max(sentence_start, *(text.rfind(mark, 0, match.start()) + 1 for mark in CLAUSE_BREAKS))
            clause_end = min((i for i in (text.find(mark, match.end()) for mark in CLAUSE_BREAKS) if i >= 0),
                             default=len(text))
            named = text[clause_start:match.start()].strip()
            if _names_a_list(named) or figures_in(text[match.end():clause_end]) \
                    or any(word in named for word in lexicon.claim_words()["partial_list_ends"]):
                # (退役士兵接收安置、军休干部服务管理等工作指标全部达到: those named, with 等)
                continue  # A、B和C均达到预期: those listed; 均达到目标值的1.8倍以上: a threshold, not the targets
            if counted_group(named):
                continue  # 全年9项调研课题全部完成; 三项资金管理指标均达到: the things counted there, not every goal
            if named.endswith(tuple(lexicon.claim_words()["task_words"])) and _qualified_tasks(named):
                continue  # 其中县级资金创建200户，县级任务全部完成: the county's share of one task, not every goal
            done = text[match.end():clause_end].strip()
            if done and not any(word in done for word in lexicon.claim_words()["all_scope_words"]) \
                    and not roles.words_of_targets(done):
                continue  # 全部完成实地核查: one task done to the last, not every goal
            around = named + text[match.end():clause_end]
            if named and not scope and not kind \
                    and not any(word in around for word in lexicon.claim_words()["all_scope_words"]):
                continue  # 节能降耗目标责任全面完成: one thing named, not every goal
            sentence = text[sentence_start:match.start()] + text[match.end():sentence_end]
            if not named and clause_start > sentence_start and match.group(0).startswith(
                    tuple(lexicon.claim_words()["each_words"])) and figures_in(text[sentence_start:clause_start]):
                continue  # 预算执行率96.46%，预算调整率4.61%，……，均达到年度目标: each figure just given, not every goal
            if not named and clause_start > sentence_start \
                    and not any(word in sentence for word in lexicon.claim_words()["all_scope_words"]):
                continue  # 送戏下乡126场，公益电影放映2592场，…，全部完成: the things just listed, not every goal
            # 除预算执行率外均达到目标: those the exception names are not claimed met.
            start, end = lexicon.claim_words()["exception_marks"]
            excepted = re.search(rf"{re.escape(start)}(.+?){re.escape(end)}", text[sentence_start:match.start()])
            missed = [result for result in all_missed if in_group(result.indicator, scope)
                      and (not kind or result.is_quantitative == (kind == "quantitative"))
                      and not (excepted and result.indicator.name in excepted.group(1))]
            if not missed:
                continue
            yield Finding(
                claimed=match.group(0), expected=wording("N103_expected", count=len(missed)),
                location=passage.at(match.start(), match.end()), context=text[sentence_start:sentence_end + 1],
                span=(match.start() - sentence_start, match.end() - sentence_start),
                arguments={"count": len(missed), "names": "、".join(result.indicator.name for result in missed)})


def _qualified_tasks(named: str) -> bool:
    """任务 with a qualifier of its own before it (县级任务), not only general words (年度目标任务, 各项工作任务)."""
    words = lexicon.claim_words()
    before = re.split("|".join(map(re.escape, words["list_joiners"])), named)[-1]  # (本年度绩效目标和各项任务: 各项)
    for word in sorted(words["task_words"], key=len, reverse=True):
        before = before.removesuffix(word)
    for word in sorted(words["task_generic_words"] + words["all_scope_words"], key=len, reverse=True):
        before = before.replace(word, "")
    return bool(before.strip())


def _names_a_list(named: str) -> bool:
    """Three names or more (A、B和C), or two that are no words for all of them (年度目标和重点任务 are)."""
    names = listed_names(named)
    scope = lexicon.claim_words()["all_scope_words"]
    counted = figures_in(named)
    if counted and counted[-1].is_number and not named[counted[-1].end:].strip(" 的" + "".join(scope)):
        # 管理制度健全性、资产管理规范性2项指标均达到: the names listed, as many as the count says
        listed = listed_names(named[:counted[-1].start])
        if len(listed) >= 2 and counted[-1].value == len(listed):
            return True
    # a word for all of them heads or opens the name (年度目标, 各项任务); inside one it is an indicator's own word
    # (永久基本农田保护任务完成率和耕地保护田长制巡查覆盖率均达到目标: two indicators)
    return len(names) >= 3 or (len(names) == 2 and not any(name.endswith(word) or name.startswith(word)
                                                            for name in names for word in scope))


@rule("N104", "warning")
def met_claimed_for_missed(report: CheckedReport) -> Iterator[Finding]:
    """A sentence says 完成/达到目标 of an indicator whose table row shows it missed."""
    for passage in report.prose:
        seen = set()
        for item in passage.links:
            fact = item.agreed
            if fact is None or fact.status != Status.MISSED.value or fact.role != "completion":
                continue
            sentence = item.claim.sentence
            counted = [claim.end - claim.sentence_start for claim in passage.claims
                       if claim.role == "count" and claim.sentence_start == item.claim.sentence_start]
            for match in _phrases(sentence, lexicon.claim_words()["met_phrases"]):
                if (item.claim.sentence_start, match.start()) in seen:
                    continue
                clause_start = max(sentence.rfind(mark, 0, match.start()) for mark in CLAUSE_BREAKS) + 1
                segment_start = max(sentence.rfind(mark, 0, match.start()) for mark in "；;") + 1
                segment_end = min((i for i in (sentence.find(mark, match.end()) for mark in "；;") if i >= 0),
                                  default=len(sentence))
                if not segment_start <= item.claim.start - item.claim.sentence_start < segment_end:
                    continue  # ……均达到目标；预算执行率97.86%，未达到100%的目标: another part of the sentence
                if any(clause_start <= end <= match.start() for end in counted):
                    continue  # 其中22项达到目标，3项未达到：预算调整率14.96%……: a count is met, not the indicator
                seen.add((item.claim.sentence_start, match.start()))
                target = next((f for f in report.facts.by_role("target") if f.name == fact.name), None)
                start = item.claim.sentence_start + match.start()
                yield Finding(
                    claimed=match.group(0), expected=Status.MISSED.value, context=sentence,
                    location=passage.at(start, start + len(match.group(0))), span=(match.start(), match.end()),
                    arguments={"name": fact.name, "value": fact.quantity.text,
                               "target": target.quantity.text if target else "—"})


# Arithmetic written in prose

def _statement_finding(passage: Passage, statement: arithmetic.Statement, arguments: dict) -> Finding:
    sentence_start = statement.claims[0].sentence_start
    end = max(claim.end for claim in statement.claims)
    sentence_end = max(claim.sentence_start + len(claim.sentence) for claim in statement.claims)
    start = statement.claims[0].start
    return Finding(claimed=statement.claimed.text, expected=statement.expected, context=passage.text[
        sentence_start:sentence_end], location=passage.at(start, end),
        span=(start - sentence_start, end - sentence_start), arguments=arguments)


@rule("N105")
def parts_exceed_total(report: CheckedReport) -> Iterator[Finding]:
    """共…其中…: the parts listed add up to more than the total stated."""
    for passage in report.passages:
        for statement in arithmetic.totals(passage.claims):
            yield _statement_finding(passage, statement, {"parts": statement.terms})


@rule("N106")
def rate_wrong(report: CheckedReport) -> Iterator[Finding]:
    """A rate stated with its two figures (预算200万元…支出179.43万元…执行率89.7%) that neither gives."""
    for passage in report.passages:
        for statement in arithmetic.rates(passage.claims):
            yield _statement_finding(passage, statement, {"terms": statement.terms})


@rule("N107")
def shares_exceed_whole(report: CheckedReport) -> Iterator[Finding]:
    """Shares of one whole (分别占…) that add up to more than 100 %."""
    for passage in report.passages:
        for statement in arithmetic.shares(passage.claims):
            yield _statement_finding(passage, statement, {"terms": statement.terms})


@rule("N108")
def relation_to_target_wrong(report: CheckedReport) -> Iterator[Finding]:
    """A figure with its target in brackets (186块（目标≥180块）) and a ratio, multiple, gap or points after them that
    the two do not give — when the checker has not read that figure against the tables already."""
    for passage in report.passages:
        linked = {item.claim.start for item in passage.links if item.linked or item.facts}
        # (a figure the tables call wrong is the error; the ratio reckoned from it is not another one)
        wrong = {item.claim.start for item in passage.links if item.facts and item.agreed is None}
        for statement in arithmetic.against_target(passage.claims):
            if statement.claims[-1].start not in linked and statement.claims[0].start not in wrong:
                yield _statement_finding(passage, statement, {"terms": statement.terms})


# Inside a table

def _row_context(row) -> str:
    return " | ".join(cell.text for cell in row.cells.values())


def _section(report: CheckedReport, row) -> str:
    return report.sections.get(row.cells["name"].table, "")


def _indicator_rows(report: CheckedReport):
    """Each 自评表 row with its evaluation (none when no table was read)."""
    evaluation = report.facts.evaluation
    return zip(report.tables.indicators, evaluation.indicators) if evaluation is not None else ()


def _budget_rows(report: CheckedReport):
    """Each 预算信息表 row with its evaluation (none when no table was read)."""
    evaluation = report.facts.evaluation
    return zip(report.tables.budget, evaluation.budget) if evaluation is not None else ()


def _cell_finding(report: CheckedReport, row, cell, claimed: str, expected: str, arguments: dict) -> Finding:
    """A finding on one cell of a table row, with the row as its context."""
    return Finding(claimed=claimed, expected=expected, context=_row_context(row),
                   location=cell_location(report.file, cell, _section(report, row)), arguments=arguments)


@rule("N201")
def deviation_wrong(report: CheckedReport) -> Iterator[Finding]:
    """偏差情况 ≠ (完成值 − 目标值) ÷ 目标值."""
    for row, result in _indicator_rows(report):
        cell = row.cells.get("deviation")
        written = parse_quantity(cell.text) if cell is not None else None
        if written is None or not written.is_number or result.deviation is None:
            continue
        if not agrees(written, result.deviation_quantity):
            indicator = result.indicator
            yield _cell_finding(report, row, cell, cell.text, result.deviation_text,
                                {"completion": indicator.completion.text, "target": indicator.target.text})


@rule("N202")
def execution_rate_wrong(report: CheckedReport) -> Iterator[Finding]:
    """执行率 ≠ 实际支出数 ÷ 调整预算数."""
    for row, result in _budget_rows(report):
        cell = row.cells.get("rate")
        written = parse_quantity(cell.text) if cell is not None else None
        if written is None or not written.is_number or result.execution_rate is None:
            continue
        if not agrees(written, shown(result.execution_rate, "%", 2)):
            yield _cell_finding(report, row, cell, cell.text, format_percent(result.execution_rate),
                                {"actual": format_decimal(result.line.actual),
                                 "adjusted": format_decimal(result.adjusted_budget)})
    # A scored form's 资金 rows (全年预算数, 全年执行数, 执行率), unless the budget table above read them already.
    seen = {(row.cells["rate"].table, row.cells["rate"].row) for row, _ in _budget_rows(report) if "rate" in row.cells}
    for funding in report.sheet.funding if report.sheet is not None else []:
        cell, budget, actual = funding.cells.get("rate"), funding.amount("budget"), funding.amount("actual")
        written = parse_quantity(cell.text) if cell is not None else None
        if written is not None and written.is_number and not written.unit and "%" in normalize_width(cell.column):
            written = parse_quantity(cell.text.strip() + "%")  # 执行率（%） | 90.08
        if written is None or written.unit != "%" or not budget or actual is None or (cell.table, cell.row) in seen:
            continue
        rate = actual / budget * 100
        if not agrees(written, shown(rate, "%", 2)):
            yield _sheet_cell_finding(report, cell, cell.text, format_percent(rate),
                                      {"actual": format_decimal(actual), "adjusted": format_decimal(budget)})


@rule("N203")
def adjusted_budget_wrong(report: CheckedReport) -> Iterator[Finding]:
    """调整预算数 ≠ 年初预算数 + 调整数."""
    for row, result in _budget_rows(report):
        if result.adjusted_mismatch:
            cell, line = row.cells["adjusted"], result.line
            yield _cell_finding(report, row, cell, cell.text, format_decimal(result.computed_adjusted),
                                {"initial": format_decimal(line.initial), "adjustment": format_decimal(line.adjustment)})


@rule("N204")
def total_wrong(report: CheckedReport) -> Iterator[Finding]:
    """A total line ≠ the sum of the lines under it, column by column."""
    for row, result in _budget_rows(report):
        line = result.line
        children = [r for r in report.tables.budget if r.line.parent == line.name]
        for column, (own, total) in result.children_mismatches().items():
            cell = row.cells.get(column) or row.cells["name"]
            yield _cell_finding(report, row, cell, cell.text or format_decimal(own or Decimal(0)),
                                format_decimal(total), {"name": line.name, "column": BUDGET_NAMES[column],
                                                        "children": "、".join(c.line.name for c in children)})


def _written_cells(report: CheckedReport, key: str):
    """Each 自评表 row whose `key` cell holds a number: the row, its evaluation, the cell and its figure."""
    for row, result in _indicator_rows(report):
        cell = row.cells.get(key)
        written = parse_quantity(cell.text) if cell is not None else None
        if written is not None and written.is_number and result.indicator.target.is_number:
            yield row, result, cell, written


@rule("N205")
def completion_ratio_wrong(report: CheckedReport) -> Iterator[Finding]:
    """完成率 ≠ 完成值 ÷ 目标值 (for targets to reach or exceed; a ceiling's ratio says nothing sure)."""
    for row, result, cell, written in _written_cells(report, "ratio"):
        target = result.indicator.target
        if written.unit != "%" or result.completion_value is None or not target.value or target.comparator in ("≤", "<"):
            continue
        ratio = result.completion_value / target.value * 100
        if not agrees(written, computed(ratio, "%")):
            yield _cell_finding(report, row, cell, cell.text, format_percent(ratio),
                                {"completion": result.indicator.completion.text, "target": target.text})


@rule("N206")
def completion_gap_wrong(report: CheckedReport) -> Iterator[Finding]:
    """差距 ≠ |完成值 − 目标值| (a gap written in the indicator's unit)."""
    for row, result, cell, written in _written_cells(report, "gap"):
        target = result.indicator.target
        if result.margin is None or (written.unit and written.unit != target.unit):
            continue
        if not agrees(written, computed(abs(result.margin), target.unit), absolute=True):
            yield _cell_finding(report, row, cell, cell.text, format_decimal(abs(result.margin)) + target.unit,
                                {"completion": result.indicator.completion.text, "target": target.text})


# Across tables

@rule("N301")
def tables_disagree(report: CheckedReport) -> Iterator[Finding]:
    """The same quantity in two tables (预算执行率 in the self-evaluation table and the budget table)."""
    facts = report.facts
    budget = [fact for fact in facts.facts if fact.budget and not fact.scope]
    for fact in facts.by_role("completion"):
        if fact.budget or fact.place != wording("place_self_evaluation"):
            continue
        for other in budget:
            if other.tokens == fact.tokens and agrees(fact.quantity, other.quantity) is False:
                yield Finding(claimed=fact.quantity.text, expected=other.quantity.text, context=fact.name,
                              location=fact.location,
                              arguments={"table": fact.place, "name": fact.name,
                                         "other": other.place + other.location.describe()})
    # The report's own 自评表 against the input given with --data (教师培训人次 5340人次 in the report's table,
    # 5430人次 in the unit's data): the same indicator, by the same name.
    data_place, table_place = wording("place_data"), wording("place_self_evaluation")
    for role in ("completion", "target"):
        given = {}
        for fact in facts.by_role(role):
            if fact.place == data_place and not fact.budget:
                given.setdefault(fact.tokens, []).append(fact)
        for fact in facts.by_role(role):
            if fact.place != table_place or fact.budget:
                continue
            others = given.get(fact.tokens, [])
            if len(others) == 1 and agrees(fact.quantity, others[0].quantity) is False:
                yield Finding(claimed=fact.quantity.text, expected=others[0].quantity.text, context=fact.name,
                              location=fact.location,
                              arguments={"table": fact.place, "name": fact.name, "other": data_place})


# Meaning

@rule("N401", "warning")
def kind_mismatch(report: CheckedReport) -> Iterator[Finding]:
    """A number against a qualitative target (or the reverse): completion cannot be judged."""
    for row, result in _indicator_rows(report):
        if result.problem is not Problem.KIND_MISMATCH:
            continue
        indicator = result.indicator
        yield _cell_finding(report, row, row.cells["completion"], indicator.completion.text, indicator.target.text,
                            {"target": indicator.target.text, "target_kind": wording(f"kind_{indicator.target.kind}"),
                             "completion_kind": wording(f"kind_{indicator.completion.kind}")})


@rule("N402", "warning")
def reason_missing(report: CheckedReport) -> Iterator[Finding]:
    """A missed indicator with an empty 原因分析."""
    for row, result in _indicator_rows(report):
        indicator = result.indicator
        if result.status is Status.MISSED and _surely_missed(indicator, report) and not indicator.reason.strip() \
                and "reason" in row.cells:
            yield _cell_finding(report, row, row.cells["reason"], indicator.completion.text, indicator.target.text,
                                {"name": indicator.name})


# Coverage

@rule("N501", "warning")
def nothing_to_check_against(report: CheckedReport) -> Iterator[Finding]:
    """Figures in the prose but no table read: say so, never a clean bill."""
    if report.figures and not report.facts.facts and not report.target_indicators and report.sheet is None:
        yield Finding("", "", "", Location(report.file), {"count": report.figures})


@rule("N502", "warning")
def a_target_table(report: CheckedReport) -> Iterator[Finding]:
    """A 绩效目标表 given to check: nothing to check it against; say what it is and what to do with it."""
    if report.target_indicators:
        yield Finding("", "", "", Location(report.file), {"count": report.target_indicators,
                                                          "file": Path(report.file).name})


@rule("N503", "warning")
def form_read_unconfirmed(report: CheckedReport) -> Iterator[Finding]:
    """A scored form read line by line from a PDF copy whose 分值 do not add up to its 总分's, nor its 得分 to its
    得分: a row missed, or a figure wrong — said, and its rows left unchecked."""
    unconfirmed = report.sheet.unconfirmed if report.sheet is not None else None
    if unconfirmed is not None:
        count, added, total = unconfirmed
        yield Finding(format_decimal(added), format_decimal(total), "", Location(report.file), {"count": count})


@rule("N504", "warning")
def funding_parts_unplaced(report: CheckedReport) -> Iterator[Finding]:
    """资金 parts copied with fewer amounts than columns (their empty cells left no trace) that no one placement
    adds up to the total: said, and the parts left unchecked (N604 is silent)."""
    sheet = report.sheet
    if sheet is not None and sheet.unplaced_parts:
        cell = next(row.cells["name"] for row in sheet.funding if "name" in row.cells)
        yield _sheet_cell_finding(report, cell, "", "", {"names": "、".join(sheet.unplaced_parts)})


# Scores (a form with 分值 and 得分: the national 项目支出绩效自评表)

def _sheet_cell_finding(report: CheckedReport, cell, claimed: str, expected: str, arguments: dict,
                        context: str = "") -> Finding:
    return Finding(claimed=claimed, expected=expected, context=context or cell.text,
                   location=cell_location(report.file, cell, report.sections.get(cell.table, "")), arguments=arguments)


def _scored_rows(report: CheckedReport) -> list[scoring.RowScore]:
    """The form's rows with both a 分值 and an 得分."""
    if report.sheet is None:
        return []
    return [row for row in scoring.score_rows(report.sheet, scoring.rule_set(report.rule_set))
            if row.written is not None]


def _expected_text(expected: scoring.Expected) -> str:
    if expected.exact:
        return scoring.score_text(expected.low)
    return wording("score_band", low=scoring.score_text(expected.low), high=scoring.score_text(expected.high))


@rule("N601")
def score_not_by_rule(report: CheckedReport) -> Iterator[Finding]:
    """A 得分 the rule set does not give (执行率 × 分值; 完成值 ÷ 指标值 × 分值 …)."""
    for row in _scored_rows(report):
        if row.agrees is not False or row.written > row.weight or _full_for_missed(row) or _short_for_met(row):
            continue  # N602, N603 and N609 say it better
        yield _sheet_cell_finding(report, row.cells["score"], row.cells["score"].text, _expected_text(row.expected),
                                  {"name": row.name, "rule": wording(row.expected.rule),
                                   "weight": format_decimal(row.weight)})


def _short_for_met(row: scoring.RowScore) -> bool:
    """A deduction the form may explain, not an error: a target reached scored below the rule (a warning,
    N609); a shortfall scored below the ratio, or off the band its completion text seems to earn (each
    province deducts in its own way; silent). A score above the figures' own ratio, and any 执行率 score
    off the rule, are errors (N601)."""
    if row.indicator is None or row.expected is None:
        return False
    if row.expected.status is Status.MISSED:  # provinces deduct for a shortfall in their own ways
        return not row.expected.exact or row.written < round_half_up(row.expected.low, row.places)
    return row.written < round_half_up(row.expected.low, row.places)


def _surely_missed(indicator: Indicator, report: CheckedReport) -> bool:
    """A shortfall the table itself shows: figures compared, or a completion text that says so (未完成,
    基本完成 …). A text that only differs from its target (2023年12月 for 2023年12月底前, 已建立并有效运行
    for 建立并有效运行) is not taken for a shortfall."""
    if indicator.target.is_number:
        return True
    rules = scoring.rule_set(report.rule_set)
    return any(word in indicator.completion.text for word in (*rules.partial_words, *rules.missed_words))


def _full_for_missed(row: scoring.RowScore) -> bool:
    return row.indicator is not None and row.expected is not None and row.expected.status is Status.MISSED \
        and row.written == row.weight and bool(row.weight)


@rule("N602")
def score_above_weight(report: CheckedReport) -> Iterator[Finding]:
    """A 得分 above its 分值."""
    for row in _scored_rows(report):
        if row.written > row.weight:
            yield _sheet_cell_finding(report, row.cells["score"], row.cells["score"].text,
                                      format_decimal(row.weight), {"name": row.name})


@rule("N603")
def full_score_for_a_missed_target(report: CheckedReport) -> Iterator[Finding]:
    """Full marks for an indicator whose 实际完成值 does not reach its 年度指标值."""
    for row in _scored_rows(report):
        if _full_for_missed(row) and row.agrees is False and _surely_missed(row.indicator, report):
            indicator = row.indicator
            yield _sheet_cell_finding(report, row.cells["score"], row.cells["score"].text,
                                      _expected_text(row.expected),
                                      {"name": row.name, "target": indicator.target.text,
                                       "completion": indicator.completion.text, "rule": wording(row.expected.rule)})


@rule("N604")
def funding_parts_differ(report: CheckedReport) -> Iterator[Finding]:
    """年度资金总额 ≠ the sum of its parts (当年财政拨款, 上年结转资金, 其他资金), column by column."""
    sheet = report.sheet
    total = sheet.funding_total if sheet is not None else None
    if total is None or sheet.unplaced_parts:
        return
    parts = [row for row in sheet.funding if not row.total and row.cells]
    for key in ("initial", "budget", "actual"):
        amounts = [(row.name, row.amount(key)) for row in parts if row.amount(key) is not None]
        own = total.amount(key)
        if not amounts or own is None:
            continue
        added = sum((amount for _, amount in amounts), Decimal(0))
        if added != own:
            cell = total.cells[key]
            yield _sheet_cell_finding(report, cell, cell.text, format_decimal(added),
                                      {"column": cell.column, "parts": "、".join(name for name, _ in amounts)})


@rule("N605")
def weights_do_not_add_up(report: CheckedReport) -> Iterator[Finding]:
    """The 分值 of the rows do not add up to the 总分's 分值 (100 in the national rules)."""
    sheet = report.sheet
    weights = _sheet_values(sheet, "weight") if sheet is not None else []
    if not weights:
        return
    if sheet.total_weight is None and sheet.total_score is None:
        return  # no 总分 row: a copy cut off before it may hold only some of the rows
    added = sum(weights, Decimal(0))
    stated = score(sheet.total_weight)
    expected = stated if stated is not None else scoring.rule_set(report.rule_set).total
    if added != expected:
        cell = sheet.total_weight
        yield Finding(claimed=format_decimal(added), expected=format_decimal(expected),
                      context=cell.text if cell is not None else "",
                      location=cell_location(report.file, cell, report.sections.get(cell.table, "") if cell else ""),
                      arguments={"count": len(weights)})


def _sheet_values(sheet: ScoreSheet, key: str) -> list[Decimal]:
    """The 分值 (key "weight") or 得分 ("score") written on the indicator rows and the 年度资金总额 row."""
    total = sheet.funding_total
    cells = [row.cells.get(key) for row in sheet.indicators] + [total.cells.get(key) if total is not None else None]
    return [value for value in map(score, cells) if value is not None]


@rule("N606")
def total_not_the_sum(report: CheckedReport) -> Iterator[Finding]:
    """The 总分's 得分 ≠ the sum of the rows' 得分."""
    sheet = report.sheet
    written = score(sheet.total_score) if sheet is not None else None
    scores = _sheet_values(sheet, "score") if written is not None else []
    if not scores:
        return
    summed = sum(scores, Decimal(0))
    if round_half_up(summed, scoring.places_of(sheet.total_score.text)) != written:
        yield _sheet_cell_finding(report, sheet.total_score, sheet.total_score.text, format_decimal(summed),
                                  {"count": len(scores)})


def _sheet_grade(report: CheckedReport) -> tuple[str, Decimal] | None:
    sheet = report.sheet
    total = score(sheet.total_score) if sheet is not None else None
    return (scoring.grade(total, scoring.rule_set(report.rule_set)), total) if total is not None else None


@rule("N607")
def grade_wrong(report: CheckedReport) -> Iterator[Finding]:
    """The grade ≠ the grade the 总分 earns (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below)."""
    graded = _sheet_grade(report)
    cell = report.sheet.grade if report.sheet is not None else None
    if graded is None or cell is None or not cell.text.strip():
        return
    if cell.text.strip() != graded[0]:
        yield _sheet_cell_finding(report, cell, cell.text.strip(), graded[0],
                                  {"total": format_decimal(graded[1]), "rules": scoring.rule_set(report.rule_set).name})


@rule("N608")
def prose_score_differs(report: CheckedReport) -> Iterator[Finding]:
    """The prose's 自评得分 or 自评等级 ≠ the form's."""
    graded = _sheet_grade(report)
    if graded is None:
        return
    grade_, total = graded
    if report.sheet.grade is not None and report.sheet.grade.text.strip():
        grade_ = report.sheet.grade.text.strip()
    score_pattern, grade_pattern = _prose_score_patterns(report.rule_set)
    for passage in report.prose:
        for match in score_pattern.finditer(passage.text):
            written = Decimal(match.group("value"))
            if round_half_up(total, scoring.places_of(match.group("value"))) != written:
                yield Finding(claimed=match.group("value"), expected=format_decimal(total), context=passage.text,
                              location=passage.at(*match.span("value")), span=match.span("value"),
                              arguments={"what": wording("score_what_total")})
        for match in grade_pattern.finditer(passage.text):
            if match.group("value") != grade_:
                yield Finding(claimed=match.group("value"), expected=grade_, context=passage.text,
                              location=passage.at(*match.span("value")), span=match.span("value"),
                              arguments={"what": wording("score_what_grade")})


@rule("N609", "warning")
def score_off_the_rule(report: CheckedReport) -> Iterator[Finding]:
    """A target reached, scored below the rule (9 of 10 for 72890 against 72890)."""
    for row in _scored_rows(report):
        if _short_for_met(row) and row.agrees is False and row.expected.status is not Status.MISSED:
            yield _sheet_cell_finding(report, row.cells["score"], row.cells["score"].text,
                                      _expected_text(row.expected),
                                      {"name": row.name, "rule": wording(row.expected.rule),
                                       "weight": format_decimal(row.weight)})


@rule("N610")
def level_weight_differs(report: CheckedReport) -> Iterator[Finding]:
    """A level that states its weight (投入（20分）, 预算执行（10分）) over rows whose 分值 add up to another sum.
    Only a level whose rows are all there: a level stating its weight follows it, or the 总分 row."""
    sheet = report.sheet
    if sheet is None:
        return
    rows = [row for row in sheet.indicators if score(row.cells.get("weight")) is not None]
    closed = sheet.total_weight is not None or sheet.total_score is not None
    reported: set[tuple[int, ...]] = set()
    for key in ("level1", "level2"):
        groups: list[list] = []
        for row in rows:
            own = (row.indicator.level1, row.indicator.level2) if key == "level2" else (row.indicator.level1,)
            if groups and groups[-1][0] == own:
                groups[-1][1].append(row)
            else:
                groups.append([own, [row]])
        for number, (own, members) in enumerate(groups):
            declared = projectform.stated_weight(own[-1])
            # Its rows are all there when the next level states its weight too (满意度 with no weight after
            # 效益（25分） may be one of its rows read as a level of its own), or when the 总分 row follows.
            following = groups[number + 1][0][-1] if number + 1 < len(groups) else None
            if declared is None or not (projectform.stated_weight(following or "") is not None
                                        or (following is None and closed)):
                continue
            added = sum((score(row.cells["weight"]) for row in members), Decimal(0))
            span = tuple(map(id, members))
            if added != declared and span not in reported:  # a 二级 alone under its 一级, wrong alike: said once
                reported.add(span)
                cell = members[0].cells.get(key) or members[0].cells["weight"]
                yield _sheet_cell_finding(report, cell, format_decimal(added), format_decimal(declared),
                                          {"name": re.sub(r"\s+", "", own[-1]), "count": len(members)},
                                          context=own[-1])


@rule("N611")
def money_total_differs(report: CheckedReport) -> Iterator[Finding]:
    """A total of a money table (合计, 一、本年收入合计, 收入总计) ≠ the sum of the rows it stands for."""
    for mismatch in report.totals:
        if not mismatch.exceeds:
            yield _money_finding(report, mismatch)


@rule("N612")
def money_parts_exceed(report: CheckedReport) -> Iterator[Finding]:
    """The 其中 rows of a money table more than the row they belong to."""
    for mismatch in report.totals:
        if mismatch.exceeds:
            yield _money_finding(report, mismatch)


@rule("N613")
def noted_weight_differs(report: CheckedReport) -> Iterator[Finding]:
    """A form's own note on its weights (绩效指标（90分）, 其中产出指标权重分值50分) against the 分值 of its rows —
    only when the 总分 row was read (every row there)."""
    sheet = report.sheet
    if sheet is None or not sheet.notes or (sheet.total_weight is None and sheet.total_score is None):
        return
    for level, (stated, cell) in sheet.notes.items():
        rows = [row for row in sheet.indicators
                if not level or re.sub(r"\s+", "", row.indicator.level1).startswith(level)]
        weights = [score(row.cells.get("weight")) for row in rows]
        if not rows or None in weights:
            continue
        added = sum(weights, Decimal(0))
        if added != stated:
            yield _sheet_cell_finding(report, cell, format_decimal(added), format_decimal(stated),
                                      {"name": wording("score_all_indicators") if not level else level + "指标",
                                       "count": len(rows)})


def _money_finding(report: CheckedReport, mismatch) -> Finding:
    cell = mismatch.cell
    return _sheet_cell_finding(report, cell, cell.text, format_decimal(mismatch.expected),
                               {"name": mismatch.name, "column": cell.column, "parts": "、".join(mismatch.parts)})


@lru_cache(maxsize=1)
def _prose_score_patterns(rule_set: str):
    words = projectform.prose_words()
    copula = "|".join(map(re.escape, words["copulas"]))
    grades = "|".join(re.escape(name) for name, _ in scoring.rule_set(rule_set).grades)
    def alternatives(key: str) -> str:
        return "|".join(map(re.escape, words[key]))

    value = r"(?P<value>\d+(?:\.\d+)?)"
    return (re.compile(rf"(?:{alternatives('score')})(?:{copula})?\s*{value}\s*(?:{alternatives('unit')})"),
            re.compile(rf"(?:{alternatives('grade')})(?:{copula})?\s*[“\"「]?(?P<value>{grades})(?![\u4e00-\u9fff])"))


# Against the approved target table (check --targets)

def _origin(indicator: Indicator | None) -> str:
    """Where the indicator stands in its document: 目标表.docx 第12行."""
    origin = indicator.origin if indicator is not None else None
    if origin is None:
        return ""
    return wording("origin_place", file=Path(origin.file).name, sheet=origin.sheet,
                   row=wording("origin_row", row=origin.row) if origin.row else "")


def _change_findings(report: CheckedReport, kinds: tuple[str, ...]) -> Iterator[Finding]:
    rows = {id(result.indicator): row for row, result in _indicator_rows(report)}
    for change in report.changes:
        if change.kind not in kinds:
            continue
        before, after = change.approved, change.reported
        row = rows.get(id(after)) if after is not None else None
        cell = (row.cells.get("target") or row.cells.get("name")) if row is not None else None
        location = cell_location(report.file, cell, _section(report, row) if row is not None else "")
        name = (after or before).name
        if change.kind == "renamed":
            claimed, expected = after.name, before.name
        elif change.kind == "dropped":
            claimed, expected = "—", before.target.text
        elif change.kind == "added":
            claimed, expected = after.target.text, "—"
        else:
            claimed, expected = after.target.text, before.target.text
        direction = ""
        if change.kind == "target" and before.target.is_number and after.target.is_number:
            value = after.target.in_unit(before.target.unit)
            direction = wording("target_lowered" if value < before.target.value else "target_raised")
        yield Finding(claimed=claimed, expected=expected, context=_row_context(row) if row is not None else name,
                      location=location,
                      arguments={"name": name, "approved": _origin(before), "reported": _origin(after),
                                 "unit": before.target.unit if before is not None else "",
                                 "reported_unit": after.target.unit if after is not None else "",
                                 "direction": direction})


@rule("N701")
def indicator_dropped(report: CheckedReport) -> Iterator[Finding]:
    """An indicator of the approved target table that the self-evaluation leaves out."""
    yield from _change_findings(report, ("dropped",))


@rule("N702", "warning")
def indicator_added(report: CheckedReport) -> Iterator[Finding]:
    """An indicator of the self-evaluation that the approved table does not have."""
    yield from _change_findings(report, ("added",))


@rule("N703")
def target_changed(report: CheckedReport) -> Iterator[Finding]:
    """A target value other than the approved one (≥1100亿元 written =1000亿元)."""
    yield from _change_findings(report, ("target",))


@rule("N704")
def comparator_changed(report: CheckedReport) -> Iterator[Finding]:
    """The same target value with another comparator (≥100% written =100%)."""
    yield from _change_findings(report, ("comparator",))


@rule("N705")
def unit_changed(report: CheckedReport) -> Iterator[Finding]:
    """A target in a unit that cannot be the approved one's (家 written 项)."""
    yield from _change_findings(report, ("unit",))


@rule("N706", "warning")
def indicator_renamed(report: CheckedReport) -> Iterator[Finding]:
    """An approved indicator under another name in the self-evaluation."""
    yield from _change_findings(report, ("renamed",))


@rule("N707", "warning")
def no_approved_table(report: CheckedReport) -> Iterator[Finding]:
    """--targets named a folder without this unit's and year's target table: not compared."""
    if report.unpaired:
        yield Finding(claimed="—", expected="—", context="", location=Location(report.file))


# Against last year's report (check --last-year)

@rule("N801", "warning")
def target_set_low(report: CheckedReport) -> Iterator[Finding]:
    """A target carried over from last year although last year's completion far exceeded it."""
    if report.last_year is None or report.facts.evaluation is None:
        return
    rows = {id(result.indicator): row for row, result in _indicator_rows(report)}
    reported = [result.indicator for result in report.facts.evaluation.indicators]
    for now, before, excess in across.carried_over_low(reported, report.last_year.indicators):
        row = rows.get(id(now))
        cell = (row.cells.get("target") or row.cells.get("name")) if row is not None else None
        yield Finding(claimed=now.target.text, expected=before.completion.text,
                      context=_row_context(row) if row is not None else now.name,
                      location=cell_location(report.file, cell, _section(report, row) if row is not None else ""),
                      arguments={"name": now.name, "completion": before.completion.text,
                                 "excess": format_percent(excess * 100, 0), "last": _origin(before)})


@rule("N802", "warning")
def last_years_figure(report: CheckedReport) -> Iterator[Finding]:
    """A figure that disagrees with this year's table but is last year's value of the same indicator:
    carried over from last year's report (the sentence quoted when last year's report has it word for word)."""
    if report.last_year is None:
        return
    last_sentences = set(report.last_year.sentences)
    last_values = {indicator.name: indicator.completion for indicator in report.last_year.indicators}
    for passage in report.passages:
        for item in passage.links:
            names = {fact.name for fact in item.facts if fact.role == "completion"}
            previous = [(name, last_values[name]) for name in names if name in last_values
                        and agrees(item.claim.quantity, last_values[name]) and not last_values[name].approximation]
            if not previous:
                continue
            name, value = previous[0]
            sentence = re.sub(r"\s+", "", item.claim.sentence)
            context, span = _sentence_context(item.claim)
            yield Finding(claimed=item.claim.quantity.text, expected=value.text, context=context,
                          location=passage.at(item.claim.start, item.claim.end), span=span,
                          arguments={"name": name, "file": Path(report.last_year.source).name,
                                     "same": wording("sentence_same") if sentence in last_sentences else ""})
