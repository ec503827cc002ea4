"""The library: what the CLI and the web page do, as functions of their inputs. On the shipped example:

    >>> from narrator.api import answer, check, draft, import_targets, questions
    >>> from narrator.core.resources import data_path
    >>> example = data_path("corpus") / "example.yaml"
    >>> [q.key for q in questions(example) if not q.optional]   # what only the officer can answer
    ['reason:培育技术经纪人']
    >>> [q.key for q in questions(example) if q.optional]       # what he may tell in full (the table's is short)
    ['reason_more:预算调整率', 'reason_more:预算执行率', 'reason_more:非税收入预算完成率']
    >>> report = answer(example, {"reason:培育技术经纪人": "开展线上培训，参训人员增加"})
    >>> result = draft(report)                               # the document, its DOCX bytes and the self-review
    >>> result.findings, [q.key for q in result.questions if not q.optional]
    ([], [])
    >>> targets = data_path("corpus") / "example_targets.txt"
    >>> check(result.data, name=result.name, targets=targets).findings   # the DOCX against the approved targets
    []

`narrator draft` and the web page's 起草 both call `draft`; `narrator ask` calls `answer_file`; `narrator check` and the web's 核对 call
`check` (through narrator.check); `narrator import` and the web's import call `import_targets`.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .checking.checker import CheckResult, check_file
from .checking.findings import Finding
from .core.errors import NarratorError, message
from .core.evaluate import evaluate
from .core.model import Report
from .core.output import check_output_path, draft_file_name
from .core.resources import example_path
from .core.version import DEFAULT_SEED
from .drafting.compose import Document, compose, compose_project
from .drafting.questions import Question, apply_answers, check_answer, is_skip
from .drafting.questions import questions as report_questions, unanswered
from .drafting.render import docx_bytes
from .drafting.review import review
from .forms.scoring import rule_set as scoring_rules
from .recognise.targets import ImportResult, import_table
from .sources import kinds
from .sources.load import REQUIRED_SHEETS, load_report
from .sources.save import write_input



@dataclass
class Draft:
    document: Document
    data: bytes  # the DOCX, as written
    findings: list[Finding] = field(default_factory=list)  # the self-review of those very bytes
    imported: Report | None = None  # the input made from a target table, when one was given
    name: str = ""  # the file name `narrator draft` would write
    questions: list[Question] = field(default_factory=list)  # what only the officer can answer (narrator ask)


def is_input(path: str | Path) -> bool:
    """An input file (.yaml, .json, or a workbook with the input's sheets), not a target table to import."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in kinds.YAML | kinds.JSON:
        return True
    if suffix in kinds.WORKBOOK:
        import openpyxl

        try:
            book = openpyxl.load_workbook(path, read_only=True)
        except Exception:  # noqa: BLE001 — the reader gives the clear error
            return True
        try:
            return set(REQUIRED_SHEETS) <= set(book.sheetnames)
        finally:
            book.close()
    return False


def draft(source: str | Path | Report, form: str = "整体", seed: int = DEFAULT_SEED, templates: str | None = None,
          patterns: str | None = None, suggestions: bool = False, scoring: bool = False, rule_set: str = "national",
          check: bool = True, import_tables: bool = False, outline: str | None = None) -> Draft:
    """Draft the self-evaluation report of `source`: an input (a Report, .yaml, .json, an input workbook)
    or, with `import_tables`, a 绩效目标表 to import first. The DOCX is rendered once and, unless `check`
    is False, the checker reviews those very bytes."""
    project = form == "项目"
    imported = None
    if isinstance(source, Report):
        report = source
    elif import_tables and not is_input(source):
        report = imported = import_targets(source, form).report
    else:
        report = load_report(source)
    rules = scoring_rules(rule_set) if project or scoring else None
    if project:
        document = compose_project(evaluate(report), rules, seed=seed, templates=templates)
    else:
        document = compose(evaluate(report), seed=seed, templates=templates, patterns=patterns,
                           suggestions=suggestions, rules=rules, outline=outline)
    data = docx_bytes(document)
    findings = review(document, data, rule_set) if check else []
    asked = [] if project else report_questions(report)
    return Draft(document, data, findings, imported, draft_file_name(report, project), asked)


def check(path: str | Path | bytes, data: str | Path | Report | None = None, rule_set: str = "national",
          targets: str | Path | Report | None = None, last_year: str | Path | Report | None = None,
          name: str = "") -> CheckResult:
    """Check one report (DOCX, PDF, workbook or text) — a file, or its bytes under its `name` — against its
    own tables, or `data`; against the approved target table `targets` and last year's report `last_year`
    when given.

        >>> from narrator.core.resources import data_path
        >>> seed = data_path("corpus") / "seeds" / "002_98fcc12b36c2cf12.txt"
        >>> [(f.code, f.claimed, f.expected) for f in check(seed).findings]
        [('N103', '全面完成', '3项未达成'), ('N102', '24800项', '24900项')]
        >>> [(f.code, f.claimed) for f in check(seed.read_bytes(), name=seed.name).findings]   # its bytes, as the web gets them
        [('N103', '全面完成'), ('N102', '24800项')]"""
    return check_file(path, data, rule_set, targets, last_year, name=name)


def import_targets(path: str | Path, form: str | None = None) -> ImportResult:
    """Import a 绩效目标表 (部门整体 or 项目, recognised from its labels unless `form` names it).

        >>> from narrator.core.resources import data_path
        >>> imported = import_targets(data_path("corpus") / "example_targets.txt")
        >>> [(i.level1, i.name, i.target.raw) for i in imported.report.indicators[-2:]], imported.warnings
        ([('履职', '科技合作交流活动', '=4场'), ('履职', '高新技术企业的受理', '>=2000家')], [])"""
    return import_table(path, form)[1]


def _report(source: str | Path | Report | None) -> Report:
    return source if isinstance(source, Report) else load_report(source or example_path())


def questions(source: str | Path | Report | None = None) -> list[Question]:
    """What only the officer can answer before `draft` (the shipped example without `source`)."""
    return report_questions(_report(source))


def answer(source: str | Path | Report | None, answers: dict[str, str]) -> Report:
    """The report of `source` with `answers` (question key → answer) written in; an answer that
    `check_answer` refuses raises an NarratorError naming the question and why."""
    report = _report(source)
    asked = {question.key: question for question in report_questions(report)}
    for key, text in answers.items():
        if key not in asked or is_skip(text):
            continue
        problem = check_answer(asked[key], text, report)
        if problem:
            raise NarratorError("answer_refused", field=asked[key].field, reason=problem)
    return apply_answers(report, answers)


def answered_path(source: str | Path | None) -> Path:
    """Where `narrator ask` writes the answered copy: beside the input as 原名（已回答）, in .yaml for
    JSON; in the current folder for the shipped example."""
    if source is None:
        return Path(message("ask_example_copy"))
    path = Path(source)
    suffix = ".yaml" if kinds.is_kind(path, kinds.JSON) else path.suffix
    return path.with_name(message("ask_copy_name", stem=path.stem) + suffix)


def _backup_path(path: Path) -> Path:
    backup = path.with_name(message("ask_backup_name", stem=path.stem, number="") + path.suffix)
    number = 2
    while backup.exists():
        backup = path.with_name(message("ask_backup_name", stem=path.stem, number=number) + path.suffix)
        number += 1
    return backup


def answer_file(source: str | Path | None, output: str | Path | None = None, in_place: bool = False,
                force: bool = False, prompt: Callable[[str], str | None] = input,
                echo: Callable[[str], None] = print) -> int:
    """Ask the questions of the input `source` one by one (`prompt` returns an answer, None to stop),
    say what is wrong with an answer and ask again, and write the answers into a copy of the input —
    into the input itself with `in_place`, after a backup. Returns the exit code."""
    report = _report(source)
    file = str(source) if source else message("example_name")
    asked = report_questions(report)
    if not asked:
        echo(message("ask_none", file=file))
        return 0
    if in_place:
        if source is None or kinds.is_kind(source, kinds.JSON):
            raise NarratorError("ask_json_in_place" if source else "ask_example_in_place", file=source or "")
        target = Path(source)
    else:
        target = check_output_path(output or answered_path(source), force, [source])
    echo(message("ask_intro", file=file, count=len(asked), skip=message("ask_skip_word")))
    answers: dict[str, str] = {}
    stopped = False
    for index, question in enumerate(asked, start=1):
        if question.kind == "line_reason" and answers and question.key not in {
                q.key for q in report_questions(apply_answers(report, answers))}:
            continue  # an answer before it (预算执行率's reason) already says where the line's money stayed
        echo("")
        echo(message("ask_progress", index=index, count=len(asked)) + question.text)
        if question.optional:
            echo(message("ask_optional", unanswered=question.unanswered))
        for number, choice in enumerate(question.choices, start=1):
            echo(f"  {number}. {choice}")
        while True:
            text = prompt(message("ask_prompt"))
            if text is None:
                stopped = True
                break
            if is_skip(text):
                break
            problem = check_answer(question, text, report)
            if problem:
                echo(problem)
                continue
            if question.answer == "choice" and text.strip() != "1":
                echo(message("answer_fix_budget", name=question.subject))
            else:
                answers[question.key] = text.strip()
            break
        if stopped:
            echo(message("ask_stopped"))
            break
    if answers:
        answered = apply_answers(report, answers)
        if in_place:
            backup = _backup_path(target)
            shutil.copy2(target, backup)
            echo(message("ask_backup", file=backup))
            write_input(answered, target, force=True)
        else:
            write_input(answered, target, force)
        echo(message("ask_written", answered=len(answers), file=target))
    # (a short answer to 原因是什么 is asked about again as a reason the table gives: its subject was answered)
    answered_subjects = {question.subject for question in asked if question.key in answers and question.subject}
    left = [question for question in report_questions(apply_answers(report, answers))
            if question.key not in answers and question.subject not in answered_subjects]
    marked = [question for question in left if not question.optional]
    if marked:
        echo(message("ask_skipped", count=len(marked), file=target if answers else file))
    if len(marked) < len(left):
        echo(message("ask_skipped_optional", count=len(left) - len(marked), unanswered=unanswered(left)))
    return 0
