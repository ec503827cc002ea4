"""The library: what the CLI and the web page do, as functions of their inputs.

    >>> from narrator.api import draft, check, import_targets
    >>> result = draft("输入.yaml")                    # the document, its DOCX bytes and the self-review
    >>> Path("自评报告.docx").write_bytes(result.data)
    >>> check("自评报告.docx", targets="绩效目标表.docx").findings
    >>> import_targets("项目支出绩效目标申报表.txt").report

`narrator draft` and the web page's 起草 both call `draft`; `narrator check` and the web's 核对 call
`check` (through narrator.check); `narrator import` and the web's import call `import_targets`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import DEFAULT_SEED
from .check import CheckResult, check_file
from .compose import Document, compose, compose_project
from .evaluate import evaluate
from .findings import Finding
from .load import REQUIRED_SHEETS, load_report
from .model import Report
from .output import draft_file_name
from .render import docx_bytes
from .review import review
from .scoring import rule_set as scoring_rules
from .targets import ImportResult, import_table

INPUT_SUFFIXES = {".yaml", ".yml", ".json"}


@dataclass
class Draft:
    document: Document
    data: bytes  # the DOCX, as written
    findings: list[Finding] = field(default_factory=list)  # the self-review of those very bytes
    imported: Report | None = None  # the input made from a target table, when one was given
    name: str = ""  # the file name `narrator draft` would write


def is_input(path: str | Path) -> bool:
    """An input file (.yaml, .json, or a workbook with the input's sheets), not a target table to import."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in INPUT_SUFFIXES:
        return True
    if suffix in (".xlsx", ".xlsm"):
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
          patterns: str | None = None, suggestions: bool = True, scoring: bool = False, rule_set: str = "national",
          check: bool = True, import_tables: bool = False) -> Draft:
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
                           suggestions=suggestions, rules=rules)
    data = docx_bytes(document)
    findings = review(document, data, rule_set) if check else []
    return Draft(document, data, findings, imported, draft_file_name(report, project))


def check(path: str | Path, data: str | Path | Report | None = None, rule_set: str = "national",
          targets: str | Path | Report | None = None, last_year: str | Path | Report | None = None) -> CheckResult:
    """Check one report (DOCX, PDF or text): against its own tables, or `data`; against the approved
    target table `targets` and last year's report `last_year` when given."""
    return check_file(path, data, rule_set, targets, last_year)


def import_targets(path: str | Path, form: str | None = None) -> ImportResult:
    """Import a 绩效目标表 (部门整体 or 项目, recognised from its labels unless `form` names it)."""
    return import_table(path, form)[1]
