"""`narrator check`: read a report, extract its claims, link them to the facts of its
tables (and of --data), and apply the rules.

    >>> result = check_file("自评报告.docx")
    >>> [finding.message for finding in result.findings]

Several files go through a process pool (`check_files`); a file that cannot be read
becomes a result carrying its error, and the others are still checked.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ..core import lexicon
from ..core.errors import NarratorError
from ..core.model import Report
from ..forms.scoring import DEFAULT_RULES
from ..forms.scoring import rule_set as scoring_rules
from ..recognise import moneytables
from ..recognise.document import recognise
from ..recognise.projectform import labels_only, read_targets
from ..recognise.tables import document_year, unit_name
from ..recognise.targets import import_table
from ..sources import kinds
from ..sources.streams import is_label
from ..sources.load import load_report
from ..sources.document import Paragraph, SourceDocument
from ..sources.read import read_document
from ..statements import roles
from ..statements.extract import (LIST_LABEL, area_heading, extract, group_parts, heading_levels, in_area, name_tokens,
                                  outside_names, pipeline, under_heading)
from . import across, rules
from .facts import DERIVED_ROLES, Facts, cell_location, data_facts, last_year_facts, table_facts
from .findings import Finding, Location, wording
from .link import among_their_sentence, in_overview, anchored, link, task_areas
from .rules import CheckedReport, Passage


SERIAL_BELOW = 4  # reports per worker below which starting a pool costs more than it saves


@dataclass
class CheckResult:
    file: str
    findings: list[Finding] = field(default_factory=list)
    figures: int = 0  # figures found in the prose
    linked: int = 0  # of which linked to a fact of the tables or the input
    facts: int = 0  # figures read from the tables (and their deviations and differences); counts of indicators aside
    error: NarratorError | None = None  # why the file could not be checked
    report: CheckedReport | None = field(default=None, repr=False, compare=False)  # for --explain
    targets: str = ""  # the approved target table compared with (check --targets)
    tables: list[TableRead] = field(default_factory=list)  # each table and what it was read as

    @property
    def unlinked(self) -> int:
        return self.figures - self.linked

    @property
    def exit_code(self) -> int:
        return 2 if self.error else (1 if self.findings else 0)


def check_document(document: SourceDocument, data: Report | None = None,
                   rule_set: str = DEFAULT_RULES, approved: Report | tuple[Report, ...] | None = None,
                   last_year: Report | None = None) -> CheckResult:
    """Check a document; a scored form is checked by the rule set `rule_set` (lexicon/scoring/);
    its indicators against the approved target table `approved` (of the same unit and year) when given,
    or against the one of its unit and year among several; its changes on last year against last
    year's report `last_year` of the same unit."""
    report = checked_report(document, data, rule_set, approved, last_year)
    findings = rules.run(report)
    positions = _positions(document)
    findings.sort(key=lambda finding: _order(positions, len(document.blocks), finding))
    prose = report.prose
    return CheckResult(document.file, findings, report.figures, sum(item.linked for p in prose for item in p.links),
                       sum(fact.role not in ("count", *DERIVED_ROLES) for fact in report.facts.facts), report=report,
                       targets=across.source(report.approved), tables=report.tables_read)


def checked_report(document: SourceDocument, data: Report | None = None,
                   rule_set: str = DEFAULT_RULES, approved: Report | tuple[Report, ...] | None = None,
                   last_year: Report | None = None) -> CheckedReport:
    """What the rules see: the document's passages (paragraphs, then 年度重点任务 完成情况 cells)
    with their claims linked to the facts of its tables (and of --data)."""
    recognised = recognise(document)
    tables, sheet = recognised.tables, recognised.sheet
    sections = {block.number: block.section for block in document.tables}
    task_claims = extract(row.task.result for row in tables.tasks)  # (the facts and the cells' own check share them)
    facts = table_facts(tables, sections, task_claims)
    data_evaluation = None
    if data is not None:
        extra = data_facts(data)
        data_evaluation = extra.evaluation
        if extra.evaluation is not None and facts.evaluation is not None \
                and len(facts.evaluation.indicators) < len(extra.evaluation.indicators):
            # The report's tables hold some of the indicators (主要指标完成情况): how many there are, and how many
            # were met, is the input's to say.
            facts.facts = [fact for fact in facts.facts if fact.role != "count"]
        facts = Facts(facts.facts + extra.facts,
                      facts.evaluation if tables.indicators or tables.budget else extra.evaluation,
                      facts.budget_lines + extra.budget_lines)
    unit = unit_name(document) or (data.unit_name if data is not None else "")
    year = document_year(document) or (data.year if data is not None else None)
    unpaired = False
    if isinstance(approved, tuple):  # a folder of target tables: this unit's and year's, if there is one
        approved = across.partner(approved, unit, year)
        unpaired = approved is None
    elif approved is not None:
        across.refuse_other(approved, document.file, unit, year)
    if last_year is not None:
        across.refuse_other_last_year(last_year, document.file, unit, year)
        facts.facts += last_year_facts(facts.evaluation, last_year)
    facts.own_words = name_tokens(unit)
    paragraphs = [paragraph for paragraph in document.paragraphs
                  if sheet is None or paragraph.number not in sheet.paragraphs]  # a form read from lines is no prose
    rows = [row for row in tables.tasks if "result" in row.cells]
    cells = [row.cells["result"] for row in rows]
    texts = [paragraph.text for paragraph in paragraphs] + [cell.text for cell in cells]
    named = sorted({name for name in {fact.name for fact in facts.facts if not fact.budget} if _DIGIT.search(name)})
    found = extract(paragraph.text for paragraph in paragraphs) \
        + [row_claims for row, row_claims in zip(tables.tasks, task_claims) if "result" in row.cells]
    claims = [later_years(outside_names(text, text_claims, named), year) for text, text_claims in zip(texts, found)]
    passages = []
    levels: tuple[str, ...] = ()
    section = None
    targets_listed = False  # under a heading over the year's targets (（五）年度绩效目标)
    # (the input's 重点工作 too when the report's own tables give the evaluation: they seldom have that column)
    evaluated = [result for evaluation in (facts.evaluation, data_evaluation) if evaluation is not None
                 for result in evaluation.indicators]
    areas = sorted({result.indicator.key_work for result in evaluated} - {""})
    duties = sorted({result.indicator.level2.removesuffix("指标") for result in evaluated} - {""})
    area = ""  # the area a numbered title names (2.造林绿化。), for counts said of 该项 under it
    target_list = False  # in the list items after 主要设定了以下目标：
    titled = ""  # the budget line a title names (**1. 农村公路建设资金**), for the bullets under it
    columns: list[str] = []  # 预期目标 / 实际完成情况 on lines of their own: the next paragraphs are their cells
    for paragraph, paragraph_claims in zip(paragraphs, claims):
        heading = heading_levels(paragraph.text)
        if heading is not None or paragraph.section != section:
            levels, section = heading or (), paragraph.section
            targets_listed = heading is not None and roles.target_heading(paragraph.text)
            area = ""
        area = area_heading(paragraph.text) or area
        if not paragraph_claims and (line := _titled_line(paragraph.text, facts)):
            titled = line
        elif titled and _BULLET.match(paragraph.text):
            # - 年初预算8600.00万元，……: the line of the title above, where the item names none of its own
            paragraph_claims = [dataclasses.replace(claim, lead=claim.lead or titled) for claim in paragraph_claims]
        else:
            titled = ""
        if roles.target_list_lead(paragraph.text):
            target_list = True  # 主要设定了以下目标：- ……65%以上: the items after it are targets
        elif target_list and not _LIST_ITEM.match(paragraph.text):
            target_list = False
        paragraph_claims = task_areas(in_area(under_heading(paragraph_claims, levels), area), areas, duties, levels)
        label = roles.passage_of(paragraph.text)
        if label and columns and columns[-1] == label:
            columns[-1] = label  # 年度总体目标 / 预期目标: a row's caption, then its column — one column
        elif label:
            columns.append(label)
        under = columns.pop(0) if columns and not label and paragraph_claims else ""
        if not label and not paragraph_claims and columns and heading is not None:
            columns = []
        inline = _INLINE_TITLE.match(paragraph.text)  # （三）年度绩效目标。2024年我局……设定了……: a titled paragraph
        targets = bool(targets_listed or under == "target" or (inline and roles.target_heading(inline.group(1))) or (
            target_list and _LIST_ITEM.match(paragraph.text)) or roles.labelled_targets(paragraph.text))
        if targets:
            paragraph_claims = [roles.retargeted(claim, claim.context)
                                if "completion" in (claim.role, *claim.alternatives) else claim
                                for claim in paragraph_claims]
        location = Location(document.file, paragraph.section, paragraph=paragraph.number, line=paragraph.line,
                            page=paragraph.page)
        links = anchored([link(c, facts) for c in paragraph_claims], facts)
        links = in_overview(among_their_sentence(links, paragraph.text, group_parts(paragraph.text, paragraph_claims)),
                            paragraph.section)
        passages.append(Passage(paragraph.text, paragraph_claims, links, location, paragraph, targets))
    tasks = wording("place_tasks")
    for row, cell, cell_claims in zip(rows, cells, claims[len(paragraphs):]):
        # A figure in a task cell is checked against the other tables, not against the task table itself;
        # the cell's only figure is also about the task the row names.
        aliases = (name_tokens(row.task.name),) if len(cell_claims) == 1 and row.task.name else ()
        links = [link(claim, facts, exclude_place=tasks, aliases=aliases) for claim in cell_claims]
        # (……境内外展会66家次，其中境外展会23家次、境内展会43家次: the parts of a whole in a cell too)
        links = among_their_sentence(links, cell.text, group_parts(cell.text, cell_claims))
        passages.append(Passage(cell.text, cell_claims, links,
                                cell_location(document.file, cell, sections.get(cell.table, ""))))
    # A scored form's tables and a budget table whose lines say which make up a total are checked by their
    # own rules (N604–N606, N204); every other money table by its totals and parts.
    owned = {cell.table for row in ([*sheet.funding, *sheet.indicators] if sheet is not None else [])
             for cell in row.cells.values()}
    owned |= {row.cells["name"].table for row in tables.budget if row.line.parent}
    totals, money = moneytables.read(document, owned)
    # A target table given to check: its indicators have no 完成值 to check the prose against; say what it is.
    targets = read_targets(document) if sheet is None and not facts.facts and not totals else None
    return CheckedReport(document.file, passages, tables, facts, sections, sheet, rule_set, approved, unpaired,
                         last_year, totals, len(targets.indicators) if targets is not None else 0,
                         tables_read(document, tables, sheet, money, targets))


@dataclass(frozen=True)
class TableRead:
    """One table of the document and what it was read as (kind: a key of templates/messages.yaml's
    table_kind_*; "" for a table nothing could read), with the rows read from it."""

    table: int
    kind: str
    rows: int
    head: str = ""  # an unread table's first row, to recognise it by

    def as_dict(self) -> dict:
        return {"table": self.table, "kind": self.kind, "rows": self.rows, "head": self.head}


def tables_read(document: SourceDocument, tables, sheet, money: list[int], targets) -> list[TableRead]:
    """Each table of the document with what it was read as: a self-evaluation table's indicators, the
    budget, the key tasks, a form with 分值 and 得分, a money table's totals, a target table — or nothing."""
    rows: dict[int, dict[str, set[int]]] = {}

    def add(kind: str, cells) -> None:
        for cell in cells:
            rows.setdefault(cell.table, {}).setdefault(kind, set()).add(cell.row)

    form = [*sheet.indicators, *sheet.funding] if sheet is not None else []
    add("form", (cell for row in form for cell in row.cells.values()))
    for kind, numbers in (("form_labels", sheet.label_tables), ("form_notes", sheet.note_tables)) if sheet else ():
        for number in numbers:
            table = next(table for table in document.tables if table.number == number)
            rows.setdefault(number, {})[kind] = set(range(len(table.rows)))
    formed = set(rows)
    add("self_evaluation", (row.cells["name"] for row in tables.indicators
                            if "name" in row.cells and row.cells["name"].table not in formed))
    add("budget", (row.cells["name"] for row in tables.budget
                   if "name" in row.cells and row.cells["name"].table not in formed))
    add("tasks", (cell for row in tables.tasks for cell in row.cells.values()))
    add("targets", (cell for row in (targets.indicators if targets is not None else []) for cell in row.cells.values()))
    found = []
    for table in document.tables:
        kinds = rows.get(table.number, {})
        if kinds:
            found += [TableRead(table.number, kind, len(numbers)) for kind, numbers in kinds.items()]
        elif table.number in money:
            found.append(TableRead(table.number, "money", len(table.rows)))
        elif _about_the_unit(table):
            found.append(TableRead(table.number, "overview", len(table.rows)))
        elif sheet is not None and labels_only(table, titles=True):
            found.append(TableRead(table.number, "form_labels", len(table.rows)))
        else:
            head = next((" | ".join(cell.strip() for cell in row if cell.strip()) for row in table.rows
                         if any(cell.strip() for cell in row)), "")
            found.append(TableRead(table.number, "", 0, head[:60]))
    loose = [row for row in (targets.indicators if targets is not None else []) if not row.cells]
    if loose:  # a target table read from its lines of text: the table they stand in, if one was left unread
        unread = next((index for index, item in enumerate(found) if not item.kind), None)
        if unread is None:
            found.append(TableRead(0, "targets", len(loose)))
        else:
            found[unread] = TableRead(found[unread].table, "targets", len(loose))
    return found


def _about_the_unit(table) -> bool:
    """联系人 | 孙静 | 联络电话 | …, 人员编制 | 48 | 实有人数 | 50: the unit's particulars, label and value, under a
    heading perhaps — nothing in it adds up."""
    rows = [[cell for cell in row if cell.strip()] for row in table.rows]
    rows = [row for row in rows if row]
    labelled = [row for row in rows if is_label(row[0])]
    return len(labelled) >= 2 and all(row in labelled or (len(row) == 1 and not _DIGIT.search(row[0][2:]))
                                      for row in rows)


_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"^\s*[-*•·●▪✓]\s")
_TITLE_CHARS = 30


def _titled_line(text: str, facts: Facts) -> str:
    """The budget line a short title names and nothing more (1. 农村公路建设资金; （二）基本支出执行情况 is a
    heading over a part of the text, not a line's title): "" otherwise."""
    plain = LIST_LABEL.sub("", text.strip().strip("*")).strip().strip("*").rstrip("：:")
    if not plain or len(plain) > _TITLE_CHARS or any(mark in plain for mark in "。；;，,"):
        return ""
    return next((line for line in facts.scopes if plain == line), "")


_INLINE_TITLE = re.compile(r"^\s*([（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*[^。，,；;\d]{2,20})。")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·●▪✓]\s|\d{1,2}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[）)])")


def later_years(claims: list, year: int | None) -> list:
    """A figure of a later year than the report's (2025年将培训班期数目标调整为45期, 明年力争…) is no
    figure of this year's tables: its role is left open, so it is never compared with them."""
    if year is None:
        return claims
    future = tuple(lexicon.claim_words()["future_words"])
    hint = _year_hint()  # (a context without a year or a word of last year or the next is of this year)
    return [dataclasses.replace(claim, role="other", alternatives=())
            if hint.search(claim.context) and (
                any(found > year for found in _years(claim.context))
                or any(word in claim.context for word in future)
                or (claim.role != "growth" and _earlier_year(claim, year))) else claim
            for claim in claims]


@lru_cache(maxsize=1)
def _year_hint() -> re.Pattern[str]:
    words = [*lexicon.claim_words()["future_words"], *roles.words()["last_year_words"]]
    return re.compile("|".join([r"20\d\d年", *map(re.escape, words)]))


def _years(text: str) -> list[int]:
    return [int(found) for found in re.findall(r"(20\d\d)年", text)]


def _earlier_year(claim, year: int) -> bool:
    """The figure is last year's: its own clause is about an earlier year (……23400人次；2023年为16800人次;
    上年为25460人次; 上年整改率97.8%), or the sentence opens with one (与上年比较，2023年……实际支出13712.55万元，
    执行率98.04%) and no clause before the figure comes back to this year."""
    context = claim.context
    cuts = [0] + [index + 1 for index, character in enumerate(context) if character in _CLAUSE_MARKS]
    clauses = [context[start:end] for start, end in zip(cuts, cuts[1:] + [len(context)])]
    if _of_earlier_year(clauses[-1], year):
        return True
    lead = clauses[0].strip("，,；;。 ")
    if len(clauses) < 2 or len(lead) > _LEAD_CHARS or not _of_earlier_year(lead, year):
        return False  # a lead of its own (2023年，; 与上年比较，), not 成立于1984年8月，……
    present = tuple(lexicon.claim_words()["present_year_words"]) + (f"{year}年",)
    return not any(word in clause for clause in clauses[1:] for word in present)


_CLAUSE_MARKS = "，,；;。"
_LEAD_CHARS = 8


def _of_earlier_year(clause: str, year: int) -> bool:
    if any(found < year for found in _years(clause)):
        return True
    found = roles.words()
    # 上年为25460人次 is last year's; 同比下降12.5% or 较上年增加 is a change, which the growth role reads.
    return any(word in clause for word in found["last_year_words"]) \
        and not any(word in clause for word in found["growth_markers"])


def _positions(document: SourceDocument) -> dict[tuple[str, int], int]:
    """Each paragraph's and table's index among the document's blocks."""
    return {("paragraph" if isinstance(block, Paragraph) else "table", block.number): index
            for index, block in enumerate(document.blocks)}


def _order(positions: dict[tuple[str, int], int], end: int, finding: Finding) -> tuple:
    location = finding.location
    if location.paragraph is not None and ("paragraph", location.paragraph) in positions:
        return (positions["paragraph", location.paragraph], 0, location.start or 0)
    if location.table is not None and ("table", location.table) in positions:
        return (positions["table", location.table], location.row or 0, location.start or 0)
    return (end, 0, 0)


def check_file(path: str | Path | bytes, data: str | Path | Report | None = None,
               rule_set: str = DEFAULT_RULES, approved: str | Path | Report | tuple[Report, ...] | None = None,
               last_year: str | Path | Report | None = None, name: str = "") -> CheckResult:
    """Check one report — a file, or its bytes under its `name` — (against the approved target table
    `approved`, a path or an imported Report, when given). Raises NarratorError when it cannot be read."""
    if data is not None and not isinstance(data, Report):
        data = load_report(data)
    if approved is not None and not isinstance(approved, (Report, tuple)):
        approved = import_table(approved)[1].report
    if last_year is not None and not isinstance(last_year, Report):
        last_year = last_year_report(last_year)
    return check_document(read_document(path, name), data, rule_set, approved, last_year)


def _check_safely(path: str, data: Report | None, explain: bool = False,
                  rule_set: str = DEFAULT_RULES, approved: Report | tuple[Report, ...] | None = None,
                  last_year: Report | None = None) -> CheckResult:
    try:
        result = check_file(path, data, rule_set, approved, last_year)
    except NarratorError as error:
        return CheckResult(str(path), error=error)
    if not explain:
        result.report = None  # not sent back from a worker when nobody asks what each figure was linked to
    return result


def last_year_report(path: str | Path) -> Report:
    """Last year's report of the unit, as its tables say it (its 自评表 with completion values), or an
    input file (.yaml, .xlsx) of last year."""
    if kinds.is_kind(path, kinds.YAML):
        return load_report(path)
    document = read_document(path)
    report = recognise(document).tables.report()
    if not report.indicators:
        raise NarratorError("last_year_no_table", file=path)
    report.unit_name = report.unit_name or unit_name(document)
    report.year = report.year or document_year(document) or 0
    report.sentences = tuple(sentence for paragraph in document.paragraphs
                             for sentence in across.sentences(paragraph.text) if any(c.isdigit() for c in sentence))
    return report


def check_files(paths: Iterable[str | Path], data: str | Path | None = None, jobs: int | None = None,
                explain: bool = False, rule_set: str = DEFAULT_RULES,
                targets: str | Path | Report | tuple[Report, ...] | None = None,
                last_year: str | Path | None = None) -> Iterator[CheckResult]:
    """Check several reports; results come in input order.

    A batch of at least SERIAL_BELOW reports per extra worker goes through a process pool whose
    workers are forked after spaCy's pipeline and jieba's dictionary are loaded, so no worker
    loads them again; a smaller batch is checked here, which is faster than starting workers."""
    paths = [str(path) for path in paths]
    scoring_rules(rule_set)  # an unknown name is an error before any report is read
    report = load_report(data) if data is not None else None
    approved = targets if isinstance(targets, (Report, tuple)) or targets is None else across.load_targets(targets)[0]
    previous = last_year_report(last_year) if last_year is not None else None
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(paths) // SERIAL_BELOW or 1))
    if jobs == 1:
        for path in paths:
            yield _check_safely(path, report, explain, rule_set, approved, previous)
        return
    pipeline()  # spaCy and jieba's dictionary (loaded with the domain words) once, before the workers fork
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(_check_safely, paths, [report] * len(paths), [explain] * len(paths),
                            [rule_set] * len(paths), [approved] * len(paths), [previous] * len(paths), chunksize=max(1, len(paths) // (jobs * 4)))
