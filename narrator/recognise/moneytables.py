"""Totals and their parts in any money table of a report: 收支情况表, “三公”经费表, 支出功能分类表 ….

A table is a money table when its body is names and amounts (columns where most cells are amounts;
rates and shares are not summed). Which rows make up a total is read from the names, as a reader
reads them (lexicon/budget.yaml: money_tables):
- numbering: 一、 over 1. / （1） over 其中： — a numbered total (一、本年收入合计) is the sum of the rows
  numbered one level below it, up to the next row of its own level;
- an unnumbered total (合计, 总计, 收入总计) is the sum of the rows of the highest level between it and
  the total before it (above or below, for a total that opens the table);
- 其中： and the unnumbered rows after it are some of the row above, so together never more than it.
A table without numbering and without 其中 is flat: every row is a part of its total. Flat is a guess,
so it counts only when another column of the same rows adds up: a structure the table's own figures
confirm in one column, and contradict in another, is an error; one no column confirms says nothing.
A table whose columns are numbered (栏次 1 2 … 12, as the 公开09表 “三公”经费 table) has its totals in
columns: a 合计 over the columns its header row names up to the next 合计, a 小计 over those the row below
names; a wrong 小计 is reported alone, and the 合计 above it checked with what its parts give.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..core import lexicon
from ..core.quantity import normalize_width
from ..sources.cells import plain
from ..sources.document import SourceDocument, Table
from .tables import Cell, cell_at, money

_AMOUNT_SHARE = 0.6  # a money column: at least this share of its body cells are amounts


@dataclass(frozen=True)
class Mismatch:
    cell: Cell  # the total's cell
    name: str  # the total row's name
    expected: Decimal  # what its parts add up to
    parts: tuple[str, ...]
    exceeds: bool  # 其中 parts more than the row they belong to (else: a total that is not its parts' sum)


@dataclass
class _Row:
    index: int  # row index in the table
    name: str
    level: int  # 1 一、, 2 1., 3 其中, 4 a 其中 inside a 其中 list; 0 unnumbered; UNSURE a part of no known row
    total: bool
    amounts: dict[int, Decimal | None]
    opens: bool = False  # the row begins with 其中


UNSURE = 9


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    words = lexicon.budget_structure_words()["money_tables"]
    return {key: tuple(map(str, value)) for key, value in words.items()}


def read(document: SourceDocument, skip: set[int] = frozenset()) -> tuple[list[Mismatch], list[int]]:
    """The totals that are not their parts' sum, and the numbers of the tables read as money tables (a
    total and its parts found), in every table but those numbered in `skip`."""
    found: list[Mismatch] = []
    tables: list[int] = []
    for table in document.tables:
        if table.number not in skip:
            own = _table(table)
            if own is not None:
                found += own
                tables.append(table.number)
    return found, tables


def _table(table: Table) -> list[Mismatch] | None:
    """None when the table is no money table (no total with its parts)."""
    numbered = _numbered_columns(table)
    if numbered is not None:
        return _column_totals(table, numbered)
    return _row_totals(table)


def _numbered_columns(table: Table) -> int | None:
    """The row that numbers the columns (栏次 1 2 3 … 12), when the figures stand in rows under it and the
    totals are columns (公开09表: 合计 | 因公出国（境）费 | 公务用车购置及运行费（小计 | 购置费 | 运行费）| 公务接待费)."""
    for index, row in enumerate(table.rows[:6]):
        cells = [cell.strip() for cell in row]
        if len(cells) >= 3 and cells == [str(number) for number in range(1, len(cells) + 1)] and index:
            return index
    return None


def _column_totals(table: Table, numbered: int) -> list[Mismatch] | None:
    """Totals that are columns: a 合计 column over the columns after it up to the next 合计 that its header row
    names (the level's parts), a 小计 column over those after it that the row below names, up to the next part
    of the level above. A wrong 小计 is reported, and the 合计 above it is checked with the 小计 its parts give."""
    words = _words()
    # The header rows: those above the numbers, but a line of labels (部门：…, 金额单位：万元) is no header.
    header = [[cell.strip() for cell in row] for row in table.rows[:numbered]
              if not any(mark in cell for cell in row for mark in ("：", ":"))]
    width = len(table.rows[numbered])
    groups: list[tuple[int, int, list[int]]] = []  # (header row, total column, part columns)
    for level, row in enumerate(header):
        row = row + [""] * (width - len(row))
        for column, text in enumerate(row):
            if not any(plain(text) == word or plain(text).endswith(word) for word in words["totals"]) or not text:
                continue
            above = header[level - 1] + [""] * width if level else [""] * width
            parts = []
            for other in range(column + 1, width):
                if row[other] and any(plain(row[other]).endswith(word) for word in words["totals"]):
                    break  # the next 合计
                if other > column + 1 and level and above[other]:
                    break  # the next part of the level above
                if row[other]:
                    parts.append(other)
            if parts:
                groups.append((level, column, parts))
    if not groups:
        return None
    found: list[Mismatch] = []
    for row_index in range(numbered + 1, len(table.rows)):
        cells = table.rows[row_index]
        amounts = {column: money(cells[column]) if column < len(cells) else None for column in range(width)}
        settled = dict(amounts)
        for level, column, parts in sorted(groups, key=lambda group: -group[0]):  # 小计 before 合计
            values = [settled[part] for part in parts]
            if amounts[column] is None or None in values:
                continue
            added = sum(values, Decimal(0))
            if not _agrees(amounts[column], added, len(values), _places(cells[column])):
                caption, own = _column_name(header, column)
                found.append(Mismatch(cell_at(table, row_index, column, own), caption or own, added,
                                      tuple(_column_name(header, part)[1] for part in parts), False))
                settled[column] = added
    return found


def _column_name(header: list[list[str]], column: int) -> tuple[str, str]:
    """A column's caption (预算数, 决算数: a top header row over several columns, merged from the left) and
    its own name (合计, 公务接待费; a 小计 with the part it belongs to: 公务用车购置及运行费小计)."""
    def text(row: list[str], index: int) -> str:
        return row[index].strip() if index < len(row) else ""

    def leftward(row: list[str], index: int) -> str:
        return next((text(row, i) for i in range(index, -1, -1) if text(row, i)), "")

    level = next((level for level in range(len(header) - 1, -1, -1) if text(header[level], column)), None)
    if level is None:
        return "", str(column + 1)
    own = text(header[level], column)
    if level and own.endswith(_words()["subtotals"]):
        own = leftward(header[level - 1], column) + own
    caption = leftward(header[0], column) if level and len(header) > 2 else ""
    return caption, own


def _row_totals(table: Table) -> list[Mismatch] | None:
    words = _words()
    header_index = next((i for i, row in enumerate(table.rows[:3])
                         if sum(bool(cell.strip()) for cell in row) >= 2 and all(money(cell) is None for cell in row)),
                        None)
    if header_index is None:
        return None
    header = table.rows[header_index]
    body = table.rows[header_index + 1:]
    columns = [index for index in range(1, len(header)) if _money_column(header, body, index, words)]
    if not columns:
        return None
    rows = _rows(body, header_index + 1, columns, words)
    if not any(row.total for row in rows):
        return None
    flat = not any(row.level for row in rows)
    found: list[Mismatch] = []
    for position, row in enumerate(rows):
        if row.total:
            parts = _parts(rows, position)
            if parts:
                found += _compare(table, header, row, parts, columns, confirmed=not flat)
    for position, row in enumerate(rows):
        subs = _subs(rows, position)
        if subs:
            found += _exceeding(table, header, row, subs, columns)
    return found


def _money_column(header: list[str], body: list[list[str]], index: int, words: dict) -> bool:
    title = plain(header[index]) if index < len(header) else ""
    if any(word in title for word in words["not_summed"]):
        return False
    cells = [row[index] for row in body if index < len(row) and row[index].strip()]
    return bool(cells) and sum(money(cell) is not None for cell in cells) >= _AMOUNT_SHARE * len(cells)


def _rows(body: list[list[str]], start: int, columns: list[int], words: dict) -> list[_Row]:
    rows: list[_Row] = []
    within = False  # after 其中：, unnumbered rows are its parts too
    inner = 0  # 其中：1.公务用车购置费 / 2.公务用车运行费: the numbering the 其中 list goes on with
    for offset, cells in enumerate(body):
        texts = [cell.strip() for cell in cells[:min(columns)] if cell.strip()]
        if not texts or money(texts[-1]) is not None:
            continue
        name = texts[-1]
        amounts = {index: money(cells[index]) if index < len(cells) else None for index in columns}
        level, bare = lexicon.line_level(name)
        opens = level == 3
        if len(texts) > 1 and not level:  # 序号 | 项目名称: the numbering in a column of its own
            level = lexicon.line_level(texts[0] + "、")[0]
        if level == 3:
            within = True
            inner = lexicon.line_level(bare)[0]
        elif within and inner and level == inner:
            level = 3
        elif level:
            within, inner = False, 0
        else:
            level = 3 if within else 0
        total = any(bare.endswith(word) for word in words["totals"])
        if total:
            within = False
            level = level if level < 3 else 0
        rows.append(_Row(start + offset, name, level, total, amounts, opens))
    return _nested(rows)


def _nested(rows: list[_Row]) -> list[_Row]:
    """其中：财政拨款 680 / 其中：一般公共预算 520 / 政府性基金 160 / 上年结转 45: a 其中 inside a 其中 list breaks down
    the row above it, as far as its rows add up to that row (520 + 160 = 680); the list goes on after them. When
    no run of them adds up, which rows belong to which is unknown, and none of the list is checked."""
    for position in range(1, len(rows)):
        row, parent = rows[position], rows[position - 1]
        if not (row.opens and row.level == 3 and parent.level == 3):
            continue
        run = []
        for following in rows[position:]:
            if following.level != 3 or (following.opens and following is not row):
                break
            run.append(following)
        size = next((size for size in range(1, len(run) + 1) if _adds_up(parent, run[:size])), None)
        if size is None:
            start = position - 1
            while start > 0 and rows[start - 1].level == 3:
                start -= 1
            for unsure in rows[start:position + len(run)]:
                unsure.level = UNSURE
        else:
            for inner in run[:size]:
                inner.level = 4
    return rows


def _adds_up(parent: _Row, parts: list[_Row]) -> bool:
    """The parts add up to the row in every column where all of them are stated, and there is one."""
    compared = False
    for column, own in parent.amounts.items():
        values = [part.amounts.get(column) for part in parts]
        if own is None or None in values:
            continue
        if sum(values, Decimal(0)) != own:
            return False
        compared = True
    return compared


def _parts(rows: list[_Row], position: int) -> list[_Row]:
    total = rows[position]
    if total.level:  # 一、本年收入合计: the rows one level below, up to the next of its own level
        parts = []
        for row in rows[position + 1:]:
            if row.total or (row.level and row.level <= total.level):
                break
            if row.level == total.level + 1:
                parts.append(row)
        return parts
    # 合计 / 总计: the highest level between it and the total before it — above, or below for the first row
    above = []
    for row in reversed(rows[:position]):
        if row.total and not row.level:
            break
        above.insert(0, row)
    span = above if above else [row for row in _until_total(rows[position + 1:])]
    if not span:
        return []
    levels = [row.level for row in span if row.level and row.level < 3]
    top = min(levels) if levels else 0
    parts = [row for row in span if row.level == top] if levels else \
        [row for row in span if not row.total and row.level == 0]
    if top and any(row.level == 0 and not row.total for row in span):
        return []  # numbered and unnumbered rows side by side: not read
    return parts


def _until_total(rows: list[_Row]) -> list[_Row]:
    span = []
    for row in rows:
        if row.total and not row.level:
            break
        span.append(row)
    return span


def _subs(rows: list[_Row], position: int) -> list[_Row]:
    """其中： and the unnumbered rows after it, under the row above it (a 其中 inside that list under its row)."""
    level = rows[position].level
    wanted = 4 if level == 3 else 3 if level < 3 else None
    if wanted is None or position + 1 >= len(rows) or rows[position + 1].level != wanted:
        return []
    subs = []
    for row in rows[position + 1:]:
        if row.level == wanted:
            subs.append(row)
        elif row.level < wanted:
            break
    return subs


def _places(text: str) -> int:
    plain = normalize_width(text).replace(",", "").strip()
    return len(plain.split(".", 1)[1]) if "." in plain else 0


def _agrees(total: Decimal, added: Decimal, count: int, places: int) -> bool:
    """Equal, allowing each part's rounding at the total's precision (万元 tables round every line)."""
    return abs(total - added) <= Decimal(count) * Decimal("0.5") * Decimal(10) ** -places


def _compare(table: Table, header: list[str], total: _Row, parts: list[_Row], columns: list[int],
             confirmed: bool) -> list[Mismatch]:
    held, failed = [], []
    for column in columns:
        own = total.amounts[column]
        values = [part.amounts[column] for part in parts]
        if own is None or any(value is None for value in values):
            continue
        added = sum(values, Decimal(0))
        places = _places(table.rows[total.index][column])
        if _agrees(own, added, len(values), places):
            if own:
                held.append(column)
        else:
            failed.append((column, added))
    if not (confirmed or held):
        return []  # a flat table whose figures confirm no column: its structure is a guess
    names = tuple(part.name for part in parts)
    return [Mismatch(cell_at(table, total.index, column, header[column]), total.name, added, names, False)
            for column, added in failed]


def _exceeding(table: Table, header: list[str], row: _Row, subs: list[_Row], columns: list[int]) -> list[Mismatch]:
    found = []
    for column in columns:
        own = row.amounts[column]
        values = [sub.amounts[column] for sub in subs if sub.amounts[column] is not None]
        if own is None or not values or own < 0 or any(value < 0 for value in values):
            continue  # an amount, not a change (增减额 −3.42 and a part of −0.24)
        added = sum(values, Decimal(0))
        if added > own and not _agrees(own, added, len(values), _places(table.rows[row.index][column])):
            found.append(Mismatch(cell_at(table, row.index, column, header[column]), row.name, added,
                                  tuple(sub.name for sub in subs), True))
    return found
