"""Mutation testing of `check`: change one figure of a report at a time and see whether a
finding points at it.

Every figure of the prose, and every figure of a 年度重点任务 完成情况 cell, is changed in turn:
its first non-zero digit goes up by one (9 becomes 8, an all-zero number becomes 1), so
868.78亿元 becomes 968.78亿元 and 96.03% becomes 86.03%. A mutant is caught when `check` reports
a finding the original report does not have that points at the changed figure: located on
its paragraph (or cell) with a span covering it, or naming it as the table fact a sentence
disagrees with (a task cell changed under a sentence of the prose that repeats it).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from narrator.checking.checker import check_document
from narrator.statements.extract import extract
from narrator.sources.read import Paragraph, SourceDocument, Table
from narrator.recognise.tables import recognise


@dataclass(frozen=True)
class Mutant:
    where: str  # "paragraph 7" or "table 2 row 5 column 3"
    original: str  # the figure as written
    changed: str
    caught: bool
    codes: tuple[str, ...]  # the new findings' codes on the figure


CHINESE_DIGITS = "一二三四五六七八九"


def changed_number(number: str) -> str:
    for position, character in enumerate(number):
        if character.isdigit() and character != "0":
            new = "8" if character == "9" else str(int(character) + 1)
            return number[:position] + new + number[position + 1:]
        if character in CHINESE_DIGITS:  # 五个方面 → 六个方面
            new = CHINESE_DIGITS[(CHINESE_DIGITS.index(character) + 1) % len(CHINESE_DIGITS)]
            return number[:position] + new + number[position + 1:]
    position = next(i for i, c in enumerate(number) if c.isdigit())
    return number[:position] + "1" + number[position + 1:]


def _mutate(text: str, quantity) -> tuple[str, str]:
    raw = text[quantity.start:quantity.end]
    offset = raw.index(quantity.number_text) if quantity.number_text in raw else None
    if offset is None:
        return text, raw
    start = quantity.start + offset
    new_number = changed_number(quantity.number_text)
    new = text[:start] + new_number + text[start + len(quantity.number_text):]
    return new, new[quantity.start:quantity.end + len(new_number) - len(quantity.number_text)]


def _key(finding) -> tuple:
    location = finding.location
    return (finding.code, location.paragraph, location.table, location.row, location.column_index, location.start,
            finding.claimed)


def _covers(finding, start: int, end: int) -> bool:
    location = finding.location
    return location.start is not None and location.start < end and start < (location.end or location.start + 1)


def _names_cell(finding, cell) -> bool:
    where = f"表{cell.table}第{cell.row}行"
    return where in finding.message


def mutants(document: SourceDocument) -> list[Mutant]:
    """Each figure of the prose and of the task cells, changed alone, and whether it was caught."""
    baseline = {_key(finding) for finding in check_document(document).findings}
    results = []
    paragraphs = document.paragraphs
    for paragraph, claims in zip(paragraphs, extract(p.text for p in paragraphs)):
        for claim in claims:
            text, changed = _mutate(paragraph.text, claim.quantity)
            if text == paragraph.text:
                continue
            blocks = [Paragraph(**{**block.__dict__, "text": text}) if block is paragraph else block
                      for block in document.blocks]
            findings = [f for f in check_document(SourceDocument(document.file, blocks)).findings
                        if _key(f) not in baseline and f.location.paragraph == paragraph.number
                        and _covers(f, claim.start, claim.start + len(changed))]
            results.append(Mutant(f"paragraph {paragraph.number}", claim.quantity.text, changed, bool(findings),
                                  tuple(f.code for f in findings)))
    tables = recognise(document)
    for row in tables.tasks:
        cell = row.cells.get("result")
        if cell is None:
            continue
        table = next(block for block in document.tables if block.number == cell.table)
        (claims,) = extract([cell.text])
        for claim in claims:
            text, changed = _mutate(cell.text, claim.quantity)
            if text == cell.text:
                continue
            rows = copy.deepcopy(table.rows)
            rows[cell.row - 1][cell.index] = text
            blocks = [Table(**{**block.__dict__, "rows": rows}) if block is table else block
                      for block in document.blocks]
            findings = [f for f in check_document(SourceDocument(document.file, blocks)).findings
                        if _key(f) not in baseline and (
                            f.location.table == cell.table and f.location.row == cell.row
                            and _covers(f, claim.start, claim.start + len(changed))
                            or changed in f.expected.split(" / ") and _names_cell(f, cell))]
            results.append(Mutant(f"table {cell.table} row {cell.row} column {cell.index + 1}", claim.quantity.text,
                                  changed, bool(findings), tuple(f.code for f in findings)))
    return results


if __name__ == "__main__":
    import sys

    from narrator.sources.read import read_document

    for path in sys.argv[1:]:
        found = mutants(read_document(path))
        caught = sum(m.caught for m in found)
        print(f"{path}: {caught} of {len(found)} caught ({caught / len(found):.1%})")
        for mutant in found:
            if not mutant.caught:
                print(f"  missed {mutant.where}: {mutant.original} → {mutant.changed}")
