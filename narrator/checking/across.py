"""Across documents: the self-evaluation's indicators against the approved 绩效目标表 of the same
unit and year.

A unit that misses a target can lower it in the self-evaluation table (≥1100亿元 becomes =1000亿元),
drop the indicator, or change its unit, and the report then reads 全面完成. `differences` pairs the
indicators of the two documents by name — the same name first, then the closest name
(rapidfuzz, at least RENAMED) — and says what changed: an indicator dropped, added or renamed, its
target value, its comparator or its unit. The rules N701–N706 (narrator/checking/rules.py) word them.

    >>> approved = import_table("2022年部门整体绩效目标表.docx")[1].report
    >>> differences(reported_indicators, approved.indicators)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from pathlib import Path

from ..core.errors import NarratorError
from ..core.model import Indicator, Report
from ..core.quantity import Quantity
from ..recognise.targets import import_table
from ..sources import kinds

LOW_TARGET = Decimal("0.5")  # last year's completion this far over a target carried over unchanged: set too low
RENAMED = 80  # rapidfuzz ratio from which two names are one indicator renamed (新增省双创人才 / 新增省“双创人才”)
SAME_UNIT = 85  # unit names this close are one unit (常州市科学技术局 / 常州市科技局 is not decided by this alone)
KINDS = ("dropped", "added", "renamed", "target", "comparator", "unit")


@dataclass(frozen=True)
class Difference:
    kind: str  # one of KINDS
    approved: Indicator | None  # the indicator of the approved table (None: added)
    reported: Indicator | None  # the indicator of the self-evaluation (None: dropped)


def _plain(text: str) -> str:
    """A name or a target without spaces, quotes and bracket styles, for comparing."""
    return re.sub(r"[\s“”‘’\"']", "", text).replace("(", "（").replace(")", "）")


def pair(reported: list[Indicator], approved: list[Indicator]) -> list[tuple[Indicator | None, Indicator | None]]:
    """(approved, reported) pairs in the approved table's order, then the reported indicators it lacks.
    The same name pairs first (in order, when a name repeats); then, best first, names at least RENAMED alike."""
    free = list(range(len(reported)))
    matched: dict[int, int] = {}
    for index, indicator in enumerate(approved):
        name = _plain(indicator.name)
        same = next((other for other in free if _plain(reported[other].name) == name), None)
        if same is not None:
            matched[index] = same
            free.remove(same)
    scored = sorted(((fuzz.ratio(_plain(approved[index].name), _plain(reported[other].name)), index, other)
                     for index in range(len(approved)) if index not in matched for other in free),
                    key=lambda item: (-item[0], item[1], item[2]))
    for score, index, other in scored:
        if score < RENAMED:
            break
        if index not in matched and other in free:
            matched[index] = other
            free.remove(other)
    pairs: list[tuple[Indicator | None, Indicator | None]] = [
        (indicator, reported[matched[index]] if index in matched else None) for index, indicator in enumerate(approved)]
    return pairs + [(None, reported[other]) for other in free]


def target_change(approved: Quantity, reported: Quantity) -> str:
    """How the reported target differs from the approved one: "unit", "target" (the value or the
    text), "comparator", or "" when it is the same (in either of two convertible units: 1.1万亿元 = 11000亿元)."""
    if reported.is_empty or approved.is_empty:
        return ""
    if approved.is_number and reported.is_number:
        value = reported.in_unit(approved.unit) if reported.unit != approved.unit else reported.value
        if value is None:
            return "unit"
        if value != approved.value:
            return "target"
        if (approved.comparator or "=") != (reported.comparator or "="):
            return "comparator"
        return ""
    return "target" if _plain(approved.raw) != _plain(reported.raw) else ""


def differences(reported: list[Indicator], approved: list[Indicator]) -> list[Difference]:
    """What changed between the approved indicators and those the self-evaluation reports."""
    found = []
    for before, after in pair(reported, approved):
        if after is None:
            found.append(Difference("dropped", before, None))
        elif before is None:
            found.append(Difference("added", None, after))
        else:
            if _plain(before.name) != _plain(after.name):
                found.append(Difference("renamed", before, after))
            change = target_change(before.target, after.target)
            if change:
                found.append(Difference(change, before, after))
    return found


def same_unit(first: str, second: str) -> bool:
    first, second = _plain(first), _plain(second)
    return first in second or second in first or fuzz.ratio(first, second) >= SAME_UNIT


def refuse_other(approved: Report, file: str, unit: str, year: int | None) -> None:
    """A target table of another unit or year is not compared: say which, naming both."""
    targets_file = next((indicator.origin.file for indicator in approved.indicators if indicator.origin), "")
    if unit and approved.unit_name and not same_unit(unit, approved.unit_name):
        raise NarratorError("targets_other_unit", file=targets_file, unit=approved.unit_name, report=file,
                         report_unit=unit)
    if year and approved.year and year != approved.year:
        raise NarratorError("targets_other_year", file=targets_file, year=approved.year, report=file,
                         report_year=year)


def refuse_other_last_year(last: Report, file: str, unit: str, year: int | None) -> None:
    """Last year's report of another unit, or not of an earlier year, is not compared."""
    if unit and last.unit_name and not same_unit(unit, last.unit_name):
        raise NarratorError("last_year_other_unit", file=last.source, unit=last.unit_name, report=file, report_unit=unit)
    if year and last.year and last.year >= year:
        raise NarratorError("last_year_not_earlier", file=last.source, year=last.year, report=file, report_year=year)


def source(approved: Report | None) -> str:
    """The file an imported target table came from ("" for none)."""
    if approved is None:
        return ""
    return next((indicator.origin.file for indicator in approved.indicators if indicator.origin), "")


def load_targets(path: str | Path) -> tuple[Report | tuple[Report, ...], list[str]]:
    """The approved target table of a file, or those of every readable file of a folder (for a batch:
    each report is compared with its own unit's and year's); with the reasons files of the folder
    were not read as target tables (a folder may hold other papers)."""
    path = Path(path)
    if not path.is_dir():
        return import_table(path)[1].report, []
    tables, skipped = [], []
    for file in sorted(path.iterdir()):
        if not kinds.is_kind(file, kinds.REPORT) or file.name.startswith(("~$", ".")):
            continue
        try:
            tables.append(import_table(file)[1].report)
        except NarratorError as error:
            skipped.append(str(error))
    return tuple(tables), skipped


def partner(tables: tuple[Report, ...], unit: str, year: int | None) -> Report | None:
    """The target table of the report's unit and year among `tables`, or None (the unit named the
    same way first, then one whose name holds the other's or is close)."""
    if not unit:
        return None
    fitting = [table for table in tables if same_unit(unit, table.unit_name) and (year is None or table.year == year)]
    return next((table for table in fitting if _plain(table.unit_name) == _plain(unit)), fitting[0] if fitting else None)


def carried_over_low(reported: list[Indicator], last: list[Indicator]) -> list[tuple[Indicator, Indicator, Decimal]]:
    """(this year's indicator, last year's, last year's excess as a fraction of its target) for each
    target carried over unchanged although last year's completion exceeded it by more than LOW_TARGET
    (targets where more is better: ≥, = or none)."""
    found = []
    for before, now in pair(reported, last):
        if before is None or now is None or target_change(before.target, now.target):
            continue
        target, completion = before.target, before.completion
        if not (target.is_number and completion.is_number and target.value) or target.comparator in ("<=", "<"):
            continue
        done = completion.in_unit(target.unit)
        if done is not None and (done - target.value) / target.value > LOW_TARGET:
            found.append((now, before, (done - target.value) / target.value))
    return found


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each with its full stop, spaces taken out (for comparing two years)."""
    return [part for part in (re.sub(r"\s+", "", piece) for piece in re.findall(r"[^。！？!?]+[。！？!?]?", text))
            if part]
