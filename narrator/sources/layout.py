"""Put the cells of a text table back in their columns when the text kept no trace of them.

Text copied out of a PDF or a web page separates cells by one space or one line break, drops
empty cells and shows a merged cell once. Such a table is recognised by its header (the words of
lexicon/columns.yaml, at least three of one table), which gives the columns and what each should
hold (lexicon/layout.yaml). Every row is then aligned to the columns: its pieces are split into as
many consecutive cells as there are columns, some of them empty, choosing the split under which
the pieces fit their columns best (dynamic programming over pieces and columns). A header whose
first column is unlabelled (seed 002's 自评表) is tried with and without that column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..core import lexicon
from ..core.quantity import normalize_width

# How well a piece of each shape fits a column of each kind. A piece is one of:
# percent (96.03%), number (545.57, -3.25, .8), figure (≥15场, =100%, 18场), word (≤ 6 characters,
# no digit), phrase (≤ 30, no 。) or prose.
_FIT = {
    "level": {"word": 2, "phrase": 0},
    "name": {"word": 1, "phrase": 2, "prose": 0, "figure": -1},
    "value": {"percent": 2, "number": 2, "figure": 2, "word": 2, "phrase": 0},
    "money": {"number": 3, "figure": 1, "percent": -1},
    "percent": {"percent": 3, "number": 1, "figure": 1},
    "text": {"word": 1, "phrase": 2, "prose": 3, "figure": 0, "number": -2, "percent": -2},
    "any": {"percent": 1, "number": 1, "figure": 1, "word": 1, "phrase": 1, "prose": 0},
}
_MISFIT = -3
_BLANK = {True: 0, False: -2}  # an empty cell in a column that is often blank, or not
_JOINED = -1  # each extra piece joined into one cell (a cell with a space inside)
_LEVEL_BONUS = 1
_SPAN = 6  # at most this many pieces make one cell
_PERCENT = re.compile(r"[-+]?\d+(\.\d+)?%")
_NUMBER = re.compile(r"[-+]?(\d[\d,]*)?\.?\d+")
_DIGIT = re.compile(r"\d")
_COMPARATOR = re.compile(r"^[=≥≤<>＝＜＞]")


@dataclass(frozen=True)
class Column:
    role: str  # the column's key in lexicon/columns.yaml, or "" when its header is not known
    kind: str
    often_blank: bool


_LEAD = Column("", "any", True)


def match_columns(header: list[str], wanted: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Which column of `header` is each wanted column: the first header cell containing one of its words.
    The first column names the rows: a word in its caption (年度预算数（万元）) gives way to a later column
    that names the same (调整后预算数)."""
    columns: dict[str, int] = {}
    texts = [normalize_width(text).replace(" ", "") for text in header]
    for index, text in enumerate(texts):
        for key, words in wanted.items():
            if (key not in columns or columns[key] == 0 < index) and any(word in text for word in words):
                columns[key] = index
                break
    return columns


@lru_cache(maxsize=1)
def _header_words():
    words = {word for wanted in lexicon.column_words().values() for group in wanted.values() for word in group}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def may_be_header(text: str) -> bool:
    """A quick test before `header_columns`: does the text hold three header words or more?"""
    return len(_header_words().findall(normalize_width(text))) >= 3


def header_columns(cells: list[str]) -> list[Column] | None:
    """The columns a header row names, or None when it names fewer than three of one table's."""
    best: tuple[int, str, dict[str, int]] = (0, "", {})
    for table, wanted in lexicon.column_words().items():
        found = match_columns(cells, wanted)
        if len(found) > best[0]:
            best = (len(found), table, found)
    count, table, found = best
    if count < 3:
        return None
    layout = lexicon.column_kinds()
    kinds, blank = layout["kinds"][table], set(layout["often_blank"][table])
    roles = {index: role for role, index in found.items()}
    if table == "budget" and 0 not in roles:
        roles[0] = "name"  # 项目 / 本年度预算资金: the budget lines
    return [Column(roles.get(i, ""), kinds.get(roles.get(i, ""), "any"), roles.get(i, "") in blank)
            for i in range(len(cells))]


def known(columns: list[Column]) -> int:
    """How many of the columns the header named."""
    return sum(bool(column.role) for column in columns)


def shape(text: str) -> str:
    """The shape of a cell's text (full-width characters already made half-width)."""
    if _PERCENT.fullmatch(text):
        return "percent"
    if _NUMBER.fullmatch(text):
        return "number"
    if _COMPARATOR.match(text) or (len(text) <= 15 and _DIGIT.search(text)):
        return "figure"
    if len(text) <= 6:
        return "word"
    return "phrase" if len(text) <= 30 and "。" not in text else "prose"


def _shapes(pieces: tuple[str, ...]) -> list[list[tuple[str, str]]]:
    """For each span pieces[start:end] (at most `_SPAN` pieces), its shape and the level column a level name
    belongs in ("level1", "level2", "level" when it may be either, "" for no level name)."""
    texts = [normalize_width(piece) for piece in pieces]
    spans = [[("", "")] * (len(pieces) + 1) for _ in range(len(pieces) + 1)]
    for start in range(len(pieces)):
        spans[start][start + 1] = (shape(texts[start]), _level_of(texts[start]))
        for end in range(start + 2, min(len(pieces), start + _SPAN) + 1):
            spans[start][end] = (shape(" ".join(texts[start:end])), "")
    return spans


def _level_bonus(level: str, column: Column) -> float:
    """A level name in a level column: its own column best. A name of either level (成本指标) alone in a row that
    lost its merged cells is more often the 二级 (the 一级 spans more rows, and is the cell missing)."""
    if level == "level":
        return _LEVEL_BONUS + (_LEVEL_TIE if column.role == "level2" else 0)
    return _LEVEL_BONUS if level == (column.role or level) else 0


_LEVEL_TIE = 0.1


def _level_of(text: str) -> str:
    """Which level column a 一级 or 二级指标 name belongs in (质量指标: level2), "level" when both name it."""
    words = lexicon.target_table_words()
    found = [role for role in ("level1", "level2")
             if text in words[role] or text + "指标" in words[role]]
    return found[0] if len(found) == 1 else "level" if found else ""


@lru_cache(maxsize=4096)
def align(pieces: tuple[str, ...], columns: tuple[Column, ...]) -> tuple[int, tuple[str, ...]]:
    """Split `pieces` into len(columns) consecutive cells (some empty); return the best score and the cells."""
    spans = _shapes(pieces)

    def gain(j: int, start: int, end: int) -> float:
        column = columns[j]
        if start == end:
            return _BLANK[column.often_blank]
        kind, level = spans[start][end]
        return _FIT[column.kind].get(kind, _MISFIT) + _JOINED * (end - start - 1) + \
            (_level_bonus(level, column) if column.kind == "level" and level else 0)

    score, bounds = split(len(pieces), len(columns), gain)
    return score, tuple(" ".join(pieces[start:end]) for start, end in bounds)


def split(pieces: int, columns: int, gain, span: int = _SPAN) -> tuple[float, list[tuple[int, int]]]:
    """The best way to cut `pieces` pieces into `columns` consecutive runs (some empty), each of at most
    `span` pieces, where `gain(column, start, end)` scores pieces[start:end] in that column (None: not
    allowed). Returns the score and each column's (start, end); dynamic programming over pieces and columns."""
    n, m = pieces, columns
    worst = float("-inf")
    # best[j][i]: the score of putting the first i pieces in the first j columns.
    best = [[worst] * (n + 1) for _ in range(m + 1)]
    choice = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0
    for j in range(1, m + 1):
        for i in range(n + 1):
            for start in range(i, max(i - span, 0) - 1, -1):
                if best[j - 1][start] == worst:
                    continue
                value = gain(j - 1, start, i)
                if value is not None and best[j - 1][start] + value > best[j][i]:
                    best[j][i], choice[j][i] = best[j - 1][start] + value, start
    bounds, i = [], n
    for j in range(m, 0, -1):
        start = choice[j][i]
        bounds.append((start, i))
        i = start
    return best[m][n], bounds[::-1]


def align_rows(header: list[str], columns: list[Column], rows: list[list[str]]) -> list[list[str]]:
    """The table's rows, header first, each as many cells as the columns. When the rows fit better
    with one more, unlabelled, column in front (a header cell left empty), that column is added."""
    plain = [align(tuple(row), tuple(columns)) for row in rows]
    led = [align(tuple(row), (_LEAD, *columns)) for row in rows]
    if sum(score for score, _ in led) > sum(score for score, _ in plain):
        return [["", *header], *[list(cells) for _, cells in led]]
    return [header, *[list(cells) for _, cells in plain]]


def fits(pieces: list[str], columns: list[Column]) -> bool:
    """Is this a row of the table: two pieces or more that fit its columns, with or without an
    unlabelled first column, better than not at all?"""
    return len(pieces) >= 2 and max(align(tuple(pieces), tuple(columns))[0], align(tuple(pieces), (_LEAD, *columns))[0]) > 0
