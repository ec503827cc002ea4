"""The rules: each turns what was read, linked and computed into findings.

prose vs table (N101), goals (N102), meaning (N103, N104, N401, N402), inside a
table (N201–N204) and across tables (N301). A rule only reports what it can show:
the figure as written, what the table or the arithmetic gives, and where.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import lexicon
from .compare import agrees
from .evaluate import Problem, Status
from .extract import Claim
from .facts import BUDGET_NAMES, Fact, Facts, cell_location
from .findings import (AdjustedBudgetWrong, AllMetClaimed, DeviationWrong, ExecutionRateWrong, FigureDiffers,
                       Finding, GoalShortfall, KindMismatch, Location, MetClaimedForMissed, ReasonMissing,
                       TablesDisagree, TotalWrong, wording)
from .link import Link, dice
from .quantity import format_decimal, format_percent, parse_quantity
from .read import Paragraph
from .tables import ReportTables

GOAL_START = re.compile(r"对年度绩效目标\s*\d+|^（[一二三四五六七八九十]+）")


def _sentence_context(claim: Claim) -> tuple[str, tuple[int, int]]:
    return claim.sentence, (claim.start - claim.sentence_start, claim.end - claim.sentence_start)


def _prose_location(file: str, paragraph: Paragraph, claim: Claim | None = None, start: int | None = None,
                    end: int | None = None) -> Location:
    if claim is not None:
        start, end = claim.start, claim.end
    return Location(file, paragraph.section, paragraph=paragraph.number, line=paragraph.line, page=paragraph.page,
                    start=start, end=end)


def fact_name(fact: Fact) -> str:
    if fact.budget:
        return wording("fact_budget", line=fact.scope or wording("total_line"), name=fact.name)
    return wording(f"fact_{fact.role}", name=fact.name)


def figure_findings(file: str, paragraph: Paragraph, links: list[Link]) -> list[Finding]:
    findings = []
    for item in links:
        if item.fact is None:
            continue
        context, span = _sentence_context(item.claim)
        fact = item.fact
        findings.append(FigureDiffers(
            claimed=item.claim.quantity.text, expected=fact.quantity.text, context=context,
            location=_prose_location(file, paragraph, item.claim), span=span,
            arguments={"fact_place": fact.place + fact.location.describe(), "fact_name": fact_name(fact)}))
    return findings


def goal_findings(file: str, paragraphs: list[Paragraph], claims: list[list[Claim]]) -> list[Finding]:
    """Within one annual goal's analysis (预期目标 … 完成情况 …), a completion figure
    below the target figure it answers, with no word of why."""
    findings: list[Finding] = []
    goal: list[tuple[Paragraph, Claim]] = []
    texts: list[str] = []

    def close():
        targets = [(p, c) for p, c in goal if c.role == "target" and c.quantity.comparator not in ("<=", "<")]
        done = [(p, c) for p, c in goal if c.role == "completion"]
        if not targets or not done or any(word in "".join(texts) for word in lexicon.claim_words()["reason_words"]):
            return
        for _, target in targets:
            scored = [(dice(target.tokens, c.tokens), p, c) for p, c in done
                      if c.quantity.unit == target.quantity.unit and c.quantity.is_number]
            scored = [item for item in scored if item[0] >= 0.5]
            if not scored:
                continue
            _, paragraph, completion = max(scored, key=lambda item: item[0])
            if completion.quantity.value < target.quantity.value:
                context, span = _sentence_context(completion)
                findings.append(GoalShortfall(
                    claimed=completion.quantity.text, expected=target.quantity.text, context=context,
                    location=_prose_location(file, paragraph, completion), span=span))

    for paragraph, paragraph_claims in zip(paragraphs, claims):
        if GOAL_START.search(paragraph.text[:30]):
            close()
            goal, texts = [], []
        texts.append(paragraph.text)
        goal += [(paragraph, claim) for claim in paragraph_claims]
    close()
    return findings


def _phrases(text: str, phrases: list[str]):
    """Occurrences of `phrases` in `text` that are not negated (未达到目标 is not 达到目标)."""
    for phrase in sorted(phrases, key=len, reverse=True):
        for match in re.finditer(re.escape(phrase), text):
            if not text[max(0, match.start() - 2):match.start()].endswith(tuple(lexicon.claim_words()["negations"])):
                yield match


def all_met_findings(file: str, paragraphs: list[Paragraph], facts: Facts) -> list[Finding]:
    if facts.evaluation is None:
        return []
    missed = facts.evaluation.by_status(Status.MISSED)
    if not missed:
        return []
    names = "、".join(result.indicator.name for result in missed)
    findings = []
    for paragraph in paragraphs:
        for match in _phrases(paragraph.text, lexicon.claim_words()["all_met_phrases"]):
            sentence_start = max(paragraph.text.rfind(p, 0, match.start()) for p in "。！？") + 1
            sentence_end = min((i for i in (paragraph.text.find(p, match.end()) for p in "。！？") if i >= 0),
                               default=len(paragraph.text))
            findings.append(AllMetClaimed(
                claimed=match.group(0), expected=wording("N103_expected", count=len(missed)), location=_prose_location(
                    file, paragraph, start=match.start(), end=match.end()),
                context=paragraph.text[sentence_start:sentence_end + 1],
                span=(match.start() - sentence_start, match.end() - sentence_start),
                arguments={"count": len(missed), "names": names}))
    return findings


def met_for_missed_findings(file: str, paragraph: Paragraph, links: list[Link], facts: Facts) -> list[Finding]:
    """A sentence says 完成/达到目标 of an indicator whose table row shows it missed."""
    findings = []
    seen = set()
    for item in links:
        fact = item.agreed
        if fact is None or fact.status != Status.MISSED.value or fact.role != "completion":
            continue
        sentence = item.claim.sentence
        for match in _phrases(sentence, lexicon.claim_words()["met_phrases"]):
            if (item.claim.sentence_start, match.start()) in seen:
                continue
            seen.add((item.claim.sentence_start, match.start()))
            target = next((f for f in facts.by_role("target") if f.name == fact.name), None)
            start = item.claim.sentence_start + match.start()
            findings.append(MetClaimedForMissed(
                claimed=match.group(0), expected=Status.MISSED.value, context=sentence,
                location=_prose_location(file, paragraph, start=start, end=start + len(match.group(0))),
                span=(match.start(), match.end()),
                arguments={"name": fact.name, "value": fact.quantity.text,
                           "target": target.quantity.text if target else "—"}))
    return findings


def table_findings(tables: ReportTables, facts: Facts, sections: dict[int, str]) -> list[Finding]:
    findings: list[Finding] = []
    evaluation = facts.evaluation
    if evaluation is None:
        return findings
    for row, result in zip(tables.indicators, evaluation.indicators):
        indicator = result.indicator
        context = " | ".join(c.text for c in row.cells.values())
        cell = row.cells.get("deviation")
        section = sections.get(row.cells["name"].table, "")
        written = parse_quantity(cell.text) if cell is not None else None
        if written is not None and written.is_number and result.deviation is not None:
            expected = parse_quantity(result.deviation_text)
            if not agrees(written, expected):
                findings.append(DeviationWrong(
                    claimed=cell.text, expected=result.deviation_text, context=context,
                    location=cell_location(tables.file, cell, section),
                    arguments={"completion": indicator.completion.text, "target": indicator.target.text}))
        if result.problem is Problem.KIND_MISMATCH:
            cell = row.cells["completion"]
            findings.append(KindMismatch(
                claimed=indicator.completion.text, expected=indicator.target.text, context=context,
                location=cell_location(tables.file, cell, section),
                arguments={"target": indicator.target.text, "target_kind": wording(f"kind_{indicator.target.kind}"),
                           "completion_kind": wording(f"kind_{indicator.completion.kind}")}))
        if result.status is Status.MISSED and not indicator.reason.strip() and "reason" in row.cells:
            findings.append(ReasonMissing(
                claimed=indicator.completion.text, expected=indicator.target.text, context=context,
                location=cell_location(tables.file, row.cells["reason"], section),
                arguments={"name": indicator.name}))
    for row, result in zip(tables.budget, evaluation.budget):
        line = result.line
        context = " | ".join(c.text for c in row.cells.values())
        section = sections.get(row.cells["name"].table, "")
        if result.adjusted_mismatch:
            findings.append(AdjustedBudgetWrong(
                claimed=row.cells["adjusted"].text, expected=format_decimal(result.computed_adjusted), context=context,
                location=cell_location(tables.file, row.cells["adjusted"], section),
                arguments={"initial": format_decimal(line.initial), "adjustment": format_decimal(line.adjustment)}))
        cell = row.cells.get("rate")
        written = parse_quantity(cell.text) if cell is not None else None
        if written is not None and written.is_number and result.execution_rate is not None:
            if not agrees(written, parse_quantity(format_percent(result.execution_rate))):
                findings.append(ExecutionRateWrong(
                    claimed=cell.text, expected=format_percent(result.execution_rate), context=context,
                    location=cell_location(tables.file, cell, section),
                    arguments={"actual": format_decimal(line.actual), "adjusted": format_decimal(result.adjusted_budget)}))
        children = [r for r in tables.budget if r.line.parent == line.name]
        for column, (own, total) in result.children_mismatches().items():
            cell = row.cells.get(column) or row.cells["name"]
            findings.append(TotalWrong(
                claimed=cell.text or format_decimal(own or Decimal(0)), expected=format_decimal(total), context=context,
                location=cell_location(tables.file, cell, section),
                arguments={"name": line.name, "column": BUDGET_NAMES[column],
                           "children": "、".join(child.line.name for child in children)}))
    findings += cross_table_findings(tables.file, facts, sections)
    return findings


def cross_table_findings(file: str, facts: Facts, sections: dict[int, str]) -> list[Finding]:
    """The same quantity in two tables (预算执行率 in the self-evaluation table and the budget table)."""
    findings = []
    budget = [fact for fact in facts.facts if fact.budget and not fact.scope]
    for fact in facts.by_role("completion"):
        if fact.budget or fact.place != wording("place_self_evaluation"):
            continue
        for other in budget:
            if other.tokens == fact.tokens and agrees(fact.quantity, other.quantity) is False:
                findings.append(TablesDisagree(
                    claimed=fact.quantity.text, expected=other.quantity.text, context=fact.name,
                    location=fact.location,
                    arguments={"table": fact.place, "name": fact.name,
                               "other": other.place + other.location.describe()}))
    return findings
