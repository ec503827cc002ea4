"""Print findings: as text grouped by section, as JSON, or as Word comments on a
copy of the report. One model of findings, several outputs (pyflakes' reporter.py)."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Iterable

from ..core.errors import NarratorError, message
from ..core.output import write_atomically
from ..sources import kinds
from . import across
from .checker import CheckResult
from .findings import Finding, wording
from .rules import fact_statement

MARK_OPEN, MARK_CLOSE = "〖", "〗"
COMMENT_AUTHOR, COMMENT_INITIALS = "narrator", "NR"


def marked_context(finding: Finding) -> str:
    """The sentence or row with the figure marked: 成交额〖868.78亿元〗。"""
    context = finding.context
    if finding.span is None:
        return context
    start, end = finding.span
    return context[:start] + MARK_OPEN + context[start:end] + MARK_CLOSE + context[end:]


def summary(result: CheckResult) -> str:
    if result.error:
        return message("check_file_error", file=result.file, reason=str(result.error))
    return message("check_summary", file=result.file, figures=result.figures, linked=result.linked,
                   unlinked=result.unlinked, count=len(result.findings))


def text_report(result: CheckResult) -> str:
    """Findings grouped by the section they stand in, each with its sentence marked."""
    lines: list[str] = []
    section = None
    for finding in result.findings:
        if finding.location.section != section:
            section = finding.location.section
            lines.append(f"【{section or message('check_no_section')}】")
        place = finding.location.describe() or message("check_whole_report")
        lines.append(f"  {finding.code} {finding.severity_name} {place}：{finding.message}")
        if finding.context:
            lines.append(f"      {marked_context(finding)}")
    lines.append(summary(result))
    unread = [str(item.table) for item in result.tables if not item.kind]
    if unread and not result.error:
        lines.append(message("check_tables_unread", count=len(unread),
                             tables="、".join(message("table_number", table=number) for number in unread)))
    return "\n".join(lines)


def explanations(result: CheckResult) -> list[dict]:
    """Each figure of the prose and of the task cells: where it is, as written, and what it was
    linked to or why it was not (templates/findings.yaml: explain_*)."""
    items = []
    for passage in result.report.passages if result.report is not None else []:
        for item in passage.links:
            claim = item.claim
            if item.agreed is not None:
                text = wording("explain_agreed", fact=fact_statement(item.agreed, "fact_reference", item.claim))
            elif item.facts:
                text = wording("explain_differs", facts=wording("list_separator").join(
                    fact_statement(fact, "fact_reference", item.claim) for fact in item.facts))
            else:
                text = wording(f"explain_{item.reason}", units=item.detail, name=item.detail)
            location = passage.at(claim.start, claim.end)
            items.append({"figure": claim.quantity.text, "subject": claim.subject, "role": claim.role,
                          "linked": item.linked, "explanation": text, "location": location.as_dict(),
                          "place": location.describe()})
    return items


def target_comparison(result: CheckResult) -> list[dict]:
    """With check --targets: each indicator of the approved target table beside the self-evaluation's,
    its target in both (— where one has none) and whether it was kept, changed, dropped or added."""
    report = result.report
    if report is None or report.approved is None or report.facts.evaluation is None:
        return []
    reported = [item.indicator for item in report.facts.evaluation.indicators]
    changes = {(id(change.approved), id(change.reported)): change.kind for change in report.changes}
    items = []
    for approved, written in across.pair(reported, report.approved.indicators):
        kinds = [kind for (first, second), kind in changes.items() if first == id(approved) and second == id(written)]
        items.append({"name": (approved or written).name,
                      "approved": approved.target.text if approved is not None else "—",
                      "reported": written.target.text if written is not None else "—",
                      "reported_name": written.name if written is not None else "—",
                      "change": wording("list_separator").join(
                          wording(f"change_{kind}", name=written.name if written is not None else "") for kind in kinds)
                      or wording("change_none")})
    return items


def tables_report(result: CheckResult) -> list[str]:
    """What each table of the report was read as, and which could not be read."""
    lines = table_lines(result)
    return [message("explain_tables_heading"), *("  " + line for line in lines)] if lines else []


def table_lines(result: CheckResult) -> list[str]:
    """One line per table: what it was read as and how many rows, or its first row when nothing read it."""
    lines = []
    for item in result.tables:
        if item.kind and not item.table:
            lines.append(message("explain_lines_read", kind=message(f"table_kind_{item.kind}"), rows=item.rows))
        elif item.kind:
            lines.append(message("explain_table_read", table=item.table, kind=message(f"table_kind_{item.kind}"),
                                 rows=item.rows))
        else:
            lines.append(message("explain_table_unread", table=item.table, head=item.head))
    return lines


def explain_report(result: CheckResult) -> str:
    lines = [message("explain_heading", file=result.file)]
    lines += [f"  {item['place']} “{item['figure']}”：{item['explanation']}" for item in explanations(result)]
    compared = target_comparison(result)
    if compared:
        lines.append(message("explain_targets_heading"))
        lines += [message("explain_target_line", **item) for item in compared]
    lines += tables_report(result)
    return "\n".join(lines)


def json_report(results: list[CheckResult], explain: bool = False) -> str:
    """One JSON array with an object per report: its file, the coverage counts (figures found in
    the prose, linked to a table fact, not linked; facts read from the tables), the reason it
    could not be read ("" when it was) and its findings (code, severity, message, claimed,
    expected, context, location); with `explain`, each figure's link or reason ("explain")."""
    items = []
    for result in results:
        item = {"file": result.file, "figures": result.figures, "linked": result.linked,
                "unlinked": result.unlinked, "facts": result.facts, "error": str(result.error or ""),
                "findings": [finding.as_dict() for finding in result.findings]}
        item["tables"] = [table.as_dict() for table in result.tables]
        if explain:
            item["explain"] = explanations(result)
            item["targets"] = target_comparison(result)
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- Word comments

def annotate(report: str | Path, result: CheckResult, output: str | Path, force: bool = False,
             inputs: Iterable = ()) -> Path:
    """Write a copy of a DOCX report with a Word comment on each finding, anchored on
    just the offending figure (its runs are split where needed). The input is not touched."""
    import docx

    report = Path(report)
    if not kinds.is_kind(report, kinds.DOCX):
        raise NarratorError("annotate_not_docx", file=report)
    document = docx.Document(str(report))
    for finding in result.findings:
        runs = _anchor(document, finding)
        if runs:
            document.add_comment(runs, text=f"{finding.code} {finding.message}", author=COMMENT_AUTHOR,
                                 initials=COMMENT_INITIALS)
    return write_atomically(output, lambda path: document.save(str(path)), force, inputs=[report, *inputs])


def _anchor(document, finding: Finding) -> list:
    location = finding.location
    if location.paragraph is not None:
        paragraph = document.paragraphs[location.paragraph - 1]
        return _figure_runs(paragraph, location.start, location.end)
    if location.table is not None and location.row is not None:
        table = document.tables[location.table - 1]
        cells = table.rows[location.row - 1].cells
        cell = cells[location.column_index] if location.column_index is not None else cells[0]
        for paragraph in cell.paragraphs:
            found = paragraph.text.find(finding.claimed) if finding.claimed else -1
            if found >= 0:
                return _figure_runs(paragraph, found, found + len(finding.claimed))
        runs = [run for paragraph in cell.paragraphs for run in paragraph.runs]
        return runs
    return []


def _figure_runs(paragraph, start: int | None, end: int | None) -> list:
    """The runs covering paragraph.text[start:end], splitting runs at the two ends."""
    runs = list(paragraph.runs)
    if start is None or end is None or "".join(run.text for run in runs) != paragraph.text:
        return runs  # hyperlinks or fields in the paragraph: anchor on the whole paragraph
    _split_at(paragraph, end)
    _split_at(paragraph, start)
    covered, position = [], 0
    for run in paragraph.runs:
        length = len(run.text)
        if position >= start and position + length <= end and length:
            covered.append(run)
        position += length
    return covered or list(paragraph.runs)


def _split_at(paragraph, offset: int) -> None:
    from docx.text.run import Run

    position = 0
    for run in paragraph.runs:
        length = len(run.text)
        if position < offset < position + length:
            text = run.text
            tail = copy.deepcopy(run._r)
            run._r.addnext(tail)
            run.text = text[:offset - position]
            Run(tail, run._parent).text = text[offset - position:]
            return
        position += length
