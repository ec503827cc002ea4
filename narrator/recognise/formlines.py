"""A scored form copied out of a PDF as lines of space-separated cells: its headers and cells broken over lines
(“一级指 / 标”, “孕前优生健康检查 / 人数 ≥3200人 3356人 10 10”), empty cells gone, a page's number or its repeated
header between the rows. No column can be placed by position, so each line is read by what its cells are:

- a 资金 line: a funding name, then its amounts, 分值, 执行率 and 得分 in one of the orders forms use, taken only
  when its figures confirm the order (执行率 = 执行数 ÷ 预算数, or 得分 = 分值 × 执行率); its parts, their amounts;
- a self-evaluation row (三级指标 年度指标值 实际完成值 分值 得分 [原因]): read from the end of its figures, a row
  whose values went on over two lines joined first, a name broken over lines put back together unless the line
  above ends a level's name (服务对象满意度指标);
- a scoring-table row (三级指标 分值 评分标准 得分): its 评分标准 may go on over lines, its 得分 at the end of its
  first line (the rest of the 评分标准 below it) or of its last; the levels before its name, their stated weights
  （20分） on the line below;
- the 总分 line, then the grade.

The reading is kept only when the form's own figures confirm it: the 分值 read add up to the 总分's, or the 得分
read to its 得分 (then no row was missed, and the other total may be checked against them); a copy cut off before
its 总分, when the levels that state their weights mostly agree with their rows. Otherwise it is said (N503) and
no row is checked.
"""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from itertools import combinations, product

from ..core import lexicon
from ..core.model import Indicator, Origin
from ..core.quantity import normalize_width, parse_quantity, round_half_up
from ..sources.document import Paragraph, SourceDocument, is_page_number
from .sheet import FundingRow, ScoredIndicator, ScoreSheet, form_words, has, part_name, plain, score, stated_weight
from .tables import Cell, money

PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")
_VALUE_END = re.compile(r"[≥≤=<>＞＜]?\d+(\.\d+)?$")  # “≥120” of “≥120 次”: a value whose unit stands apart
_LEVEL_WEIGHT = re.compile(r"^[(（]\d+(\.\d+)?分[)）]$")  # （20分） under a level's name
_WEIGHT_OPEN = re.compile(r"[(（]\d+(\.\d+)?$")  # 决策（20 …
_STATED = re.compile(r"[(（]\d+(\.\d+)?分[)）]$")  # 过程（20分）
_WEIGHT_CLOSE = re.compile(r"^分[)）]$")  # … 分） on a line below
_SENTENCE_MARKS = ("，", "。", "；", ",", ";")
_TABLE_ROW = "table row"  # a line `_lines` made of a table's row


def read_lines(document: SourceDocument) -> ScoreSheet | None:
    """The scored form of a document read line by line, or None; see the module's note."""
    words = form_words()
    lines = _lines(document)
    # Lines of text only (a paragraph, or a row a reader made of a line): a DOCX's own tables are read as tables
    text = "".join(line.text for line in lines if line.style != _TABLE_ROW or line.line is not None)
    if not any(word in text for word in words["indicator_columns"]["name"] + words["funding"]["total"]):
        return None  # no indicator header and no 资金 line: most reports, nothing to read line by line
    sheet = ScoreSheet(document.file)
    rows: _Rows | None = None
    heading = False  # between an indicator header and its first row: the header's broken words
    funding_names = words["funding"]["total"] + words["funding"]["parts"]
    funding = _FundingLines(sheet, words)
    for paragraph in lines:
        pieces = normalize_width(paragraph.text).split()
        compact = plain(paragraph.text)
        if not pieces or is_page_number(paragraph.text):
            continue
        if pieces[0] in words["total"] and (sheet.indicators or (rows and rows.read)):
            figures = [piece for piece in pieces[1:] if PLAIN_NUMBER.fullmatch(piece)]
            if len(figures) == 2:
                sheet.total_weight, sheet.total_score = (line_cell(paragraph, figures[0], "weight"),
                                                         line_cell(paragraph, figures[1], "score"))
            continue
        grade = line_grade().match(compact)
        if grade and sheet.total_weight is not None:
            sheet.grade = Cell(grade.group("grade"), 0, paragraph.number, "", paragraph.line, 0, paragraph.page)
            break
        name = next((index for index, piece in enumerate(pieces) if has(piece, funding_names)), None) \
            if any(word in compact for word in funding_names) else None
        if name is not None and rows is None:
            if paragraph.style != _TABLE_ROW:  # a table's 资金 rows are read as a table (checked there)
                funding.line(paragraph, pieces[name], pieces[name + 1:])
            continue
        if any(word in compact for word in words["indicator_columns"]["name"]):
            heading = True
            if rows is None:  # a header repeated on the next page goes on with the same rows
                scoring = any(word in compact for word in words["target_columns"]["standard"])
                rows = _ScoringRows(sheet) if scoring else _IndicatorRows(sheet)
            continue
        if rows is None or sheet.total_weight is not None:
            continue
        if _header_words(pieces) and (heading or len(pieces) >= 2):
            continue
        heading = False
        rows.line(paragraph, _units_joined(pieces))
    if rows is not None:
        rows.finish()
    funding.finish()
    return _confirmed(document, sheet)


def line_cell(paragraph: Paragraph, text: str, key: str, part: str = "indicator_columns") -> Cell:
    """A cell read from a line: its column named as the national form names it (年初预算数, 分值 …)."""
    return Cell(text, 0, paragraph.number, form_words()[part][key][0], paragraph.line, 0, paragraph.page)


def _confirmed(document: SourceDocument, sheet: ScoreSheet) -> ScoreSheet | None:
    """The sheet when its figures confirm the reading; else its 资金 rows alone (each confirmed by its own
    figures), with what could not be confirmed noted; None when nothing was read."""
    weights = [score(row.cells.get("weight")) for row in sheet.indicators]
    scores = [score(row.cells.get("score")) for row in sheet.indicators]
    total = sheet.funding_total
    if total is not None and "weight" in total.cells:
        weights.append(score(total.cells["weight"]))
        scores.append(score(total.cells.get("score")))
    confirmed = False
    if sheet.indicators and None not in weights:
        if sheet.total_weight is not None:
            written = score(sheet.total_score)
            confirmed = sum(weights, Decimal(0)) == score(sheet.total_weight) or (
                written is not None and None not in scores
                and round_half_up(sum(scores, Decimal(0)), _places(sheet.total_score.text)) == written)
        else:
            agree, differ = _levels_agreeing(sheet)
            confirmed = agree >= 2 and differ <= 1
    if not confirmed:
        unconfirmed = None
        if sheet.total_weight is not None and sheet.indicators and None not in weights:
            unconfirmed = (len(weights), sum(weights, Decimal(0)), score(sheet.total_weight))
        if total is None:
            if unconfirmed is None:
                return None
            return ScoreSheet(document.file, unconfirmed=unconfirmed)
        sheet.unconfirmed = unconfirmed
        # The 资金 rows alone, each confirmed by its 执行率 (a 区域 form without scores, or indicators
        # that could not be read whole): they are checked, the rest is left as text.
        sheet.indicators, sheet.total_weight, sheet.total_score = [], None, None
    cells = [cell for row in [*sheet.funding, *sheet.indicators] for cell in row.cells.values()]
    last = sheet.total_weight.row if sheet.total_weight is not None else max(cell.row for cell in cells)
    sheet.paragraphs = range(min(cell.row for cell in cells), last + 1)
    return sheet


def _places(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _levels_agreeing(sheet: ScoreSheet) -> tuple[int, int]:
    """A copy cut off before its 总分: how many levels stating their weight (投入（20分）) have rows that make it,
    and over how many sets of rows they do not (a 一级 and its only 二级 wrong alike count once) — only levels
    followed by another that states its weight (the last may be cut off)."""
    agree, differ = 0, set()
    for key in ("level1", "level2"):
        groups: list[list] = []  # [name, first row, last row, 分值 added]
        for number, row in enumerate(sheet.indicators):
            own = getattr(row.indicator, key)
            if groups and groups[-1][0] == own:
                groups[-1][2], groups[-1][3] = number, groups[-1][3] + score(row.cells["weight"])
            else:
                groups.append([own, number, number, score(row.cells["weight"])])
        for (own, first, last, added), following in zip(groups, groups[1:]):
            stated = stated_weight(own)
            if stated is None or stated_weight(following[0]) is None:
                continue
            if stated == added:
                agree += 1
            else:
                differ.add((first, last))
    return agree, len(differ)


def _lines(document: SourceDocument) -> list[Paragraph]:
    """The document's lines in order: its paragraphs, and the rows of the tables a reader made of some of
    them (a header the column words gave) back as lines, numbered as the paragraph before them."""
    lines: list[Paragraph] = []
    number = 0
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines.append(block)
            number = block.number
            continue
        for index, row in enumerate(block.rows):
            line = block.row_lines[index] if index < len(block.row_lines) else None
            page = block.row_pages[index] if index < len(block.row_pages) else None
            lines.append(Paragraph(" ".join(cell.strip() for cell in row if cell.strip()), number, style=_TABLE_ROW,
                                   line=line, page=page))
    return lines


@lru_cache(maxsize=1)
def line_grade():
    """A grade on a line of its own: 评价等级：优 (the grade labels the prose uses too)."""
    labels = "|".join(map(re.escape, form_words()["prose"]["grade"]))
    return re.compile(rf"^(?:{labels})(?:[:：]|(?=[优良中差]))(?P<grade>\S)")


@lru_cache(maxsize=1)
def _column_words() -> tuple[str, ...]:
    words = form_words()
    return tuple(word for part in ("indicator_columns", "funding_columns", "target_columns")
                 for names in words[part].values() for word in names)


def _header_words(pieces: list[str]) -> bool:
    """A line of a header broken over lines (“指标 指标 指标值 完成值 及改进措施”): every piece part of a column's name."""
    return all(any(piece in word for word in _column_words()) for piece in pieces)


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    return frozenset(lexicon.unit_kinds())


def _units_joined(pieces: list[str]) -> list[str]:
    """“≥120 次” → “≥120次”: a unit standing apart from its value."""
    joined: list[str] = []
    for piece in pieces:
        if joined and piece in _unit_words() and _VALUE_END.search(joined[-1]) and not PLAIN_NUMBER.fullmatch(
                joined[-1]):
            joined[-1] += piece
        elif joined and piece in _unit_words() and PLAIN_NUMBER.fullmatch(joined[-1]) and len(joined) >= 2 \
                and not PLAIN_NUMBER.fullmatch(joined[-2]):
            joined[-1] += piece  # “136 次” after its target; never “10 10” (分值 得分)
        else:
            joined.append(piece)
    return joined


@lru_cache(maxsize=1)
def _level_words() -> frozenset[str]:
    """一级 and 二级指标 names (levels.yaml and the scoring tables' 二级指标 of layout.yaml)."""
    return frozenset(lexicon.any_level_name() | {str(word) for word in lexicon.column_kinds()["glued"]["level2"]})


def _ends_a_level(text: str) -> bool:
    return any(text.endswith(name) for name in _level_words())


def _ends_a_weight(text: str) -> bool:
    """决策（20 or 过程（20分）: a level's name ended by its weight."""
    return bool(_WEIGHT_OPEN.search(text) or _STATED.search(text))


def _levels_only(text: str) -> bool:
    """A line of level names only (产出指标数量指标, 过程（20分）, 效益（25)."""
    parts = _level_parts(_WEIGHT_OPEN.sub("", _STATED.sub("", text)))
    return bool(parts) and all(part in _level_words() for part in parts)


def _level_parts(text: str) -> list[str]:
    """Levels whose names were broken over lines, put back: “产出指标数量指标” → 产出指标, 数量指标; text that is no
    run of level names stays whole."""
    parts: list[str] = []
    rest = text
    while rest:
        name = max((name for name in _level_words() if rest.startswith(name)), key=len, default=None)
        if name is None:
            return [text] if text else []
        parts.append(name)
        rest = rest[len(name):]
    return parts


@dataclass
class _Piece:
    text: str
    paragraph: Paragraph
    first: bool  # the first piece of its line


@dataclass
class _Rows(ABC):
    """How the lines of one part of a form become its rows (indicators, or the scores below them)."""

    sheet: ScoreSheet
    loose: list[list[_Piece]] = field(default_factory=list)  # lines since the last row that belong to no row
    read: int = 0

    @abstractmethod
    def line(self, paragraph: Paragraph, pieces: list[str]) -> None:
        """Take one line's cells."""

    def finish(self) -> None:
        pass

    def _indicator(self, name: _Piece, cells: dict[str, _Piece], levels: tuple[str, str] = ("", "")) -> None:
        target = cells.get("target")
        completion = cells.get("completion")
        indicator = Indicator(name=name.text, target=parse_quantity(target.text if target else ""),
                              completion=parse_quantity(completion.text) if completion else parse_quantity(""),
                              level1=levels[0], level2=levels[1], origin=Origin(self.sheet.file, "", name.paragraph.number))
        self.sheet.indicators.append(ScoredIndicator(indicator, {
            "name": line_cell(name.paragraph, name.text, "name"),
            **{key: line_cell(piece.paragraph, piece.text, key) for key, piece in cells.items()}}))
        self.read += 1

    def _name(self, piece: _Piece) -> str:
        """A name at the start of its line whose beginning ended the line above (“孕前优生健康检查 / 人数”):
        joined, unless the line above ends a level's name or a sentence."""
        if not piece.first or not self.loose:
            return piece.text
        above = self.loose[-1]
        text = "".join(p.text for line in self.loose for p in line)
        if _ends_a_level(text) or above[-1].text.endswith(_SENTENCE_MARKS) or len(above) > 2:
            return piece.text
        name = above[-1].text + piece.text
        above.pop()
        if not above:
            self.loose.pop()
        return name


class _IndicatorRows(_Rows):
    """三级指标 年度指标值 实际完成值 分值 得分 [偏差原因…]."""

    def line(self, paragraph: Paragraph, pieces: list[str]) -> None:
        line = [_Piece(text, paragraph, index == 0) for index, text in enumerate(pieces)]
        end = _figures_end(line)
        if end is None and self.loose:  # the row's values went on from the line above: “较上年下 / 降4.1% 10 10”
            above = self.loose[-1]
            joined = above[:-1] + [_Piece(above[-1].text + line[0].text, paragraph, above[-1].first)] + line[1:]
            end = _figures_end(joined)
            if end is not None:
                self.loose.pop()
                line = joined
        if end is None:
            self.loose.append(line)
            return
        target, completion, name = line[end - 3], line[end - 2], line[end - 4]
        if PLAIN_NUMBER.fullmatch(completion.text) and not re.search(r"\d", target.text) and end >= 5:
            # “稳中有升 较上年提高 0.2 10 10”: a completion whose words and figure stand apart, after a target in words
            completion = _Piece(target.text + completion.text, target.paragraph, target.first)
            target, name = line[end - 4], line[end - 5]
        named = _Piece(self._name(name), name.paragraph, name.first)
        self._indicator(named, {"target": target, "completion": completion, "weight": line[end - 1],
                                "score": line[end]})
        self.loose = []


def _figures_end(line: list[_Piece]) -> int | None:
    """The 得分 of a self-evaluation row: the end of the first run of plain figures that has a name, a 指标值 and
    a 完成值 before its last two (分值, 得分); None when the line has none."""
    texts = [piece.text for piece in line]
    run = next((index for index in range(2, len(texts) - 1)
                if PLAIN_NUMBER.fullmatch(texts[index]) and PLAIN_NUMBER.fullmatch(texts[index + 1])), None)
    if run is None:
        return None
    end = run
    while end + 1 < len(texts) and PLAIN_NUMBER.fullmatch(texts[end + 1]):
        end += 1
    if end - 1 < 3 or Decimal(texts[end - 1]) > 100:
        return None
    return end


class _ScoringRows(_Rows):
    """三级指标 分值 评分标准 得分, with 一级 and 二级指标 before the name or on lines of their own."""

    def __init__(self, sheet: ScoreSheet) -> None:
        super().__init__(sheet)
        self.open: tuple[_Piece, _Piece, tuple[str, str]] | None = None  # name, 分值, levels: 得分 to come
        self.closed_here = False  # the last row's 得分 ended its first line: the lines below are its 评分标准
        self.levels = ["", ""]
        self.waiting: list[int] = []  # the levels named on the last row's line, their （N分） still to come

    def line(self, paragraph: Paragraph, pieces: list[str]) -> None:
        line = [_Piece(text, paragraph, index == 0) for index, text in enumerate(pieces)]
        stated = 0
        while stated < len(line) and _LEVEL_WEIGHT.match(line[stated].text):
            stated += 1
        self._state_weights([piece.text for piece in line[:stated]])
        line = line[stated:]
        if line and _WEIGHT_CLOSE.match(line[0].text) and self._close_weight(line[0].text):
            line = line[1:]  # “决策（20 / 分）”: the level's weight went on over the line
        if not line:
            return
        weight = next((index for index in range(1, len(line)) if PLAIN_NUMBER.fullmatch(line[index].text)), None)
        head = weight is not None and Decimal(line[weight].text) <= 100 and weight + 1 < len(line) \
            and not PLAIN_NUMBER.fullmatch(line[weight + 1].text)
        if not head:
            if self.open is not None and PLAIN_NUMBER.fullmatch(line[-1].text):
                name, weighed, levels = self.open
                self._indicator(name, {"weight": weighed, "score": line[-1]}, levels)
                self.open, self.closed_here, self.loose = None, False, []
            elif self.open is None and (not self.closed_here or _levels_only("".join(p.text for p in line))):
                self.loose.append(line)  # a level on a line of its own, even under a row closed on its first line
                self.closed_here = False
            return
        self.open = None  # a row whose 得分 never came is not read (nor counted)
        name = line[weight - 1]
        named = _Piece(self._name(name), name.paragraph, name.first)
        levels = self._levels(line[:weight - 1])
        if PLAIN_NUMBER.fullmatch(line[-1].text) and len(line) - weight >= 3:
            self._indicator(named, {"weight": line[weight], "score": line[-1]}, levels)
            self.closed_here, self.loose = True, []
        else:
            self.open, self.closed_here = (named, line[weight], levels), False

    def _levels(self, before: list[_Piece]) -> tuple[str, str]:
        """The levels the row stands under: those on lines of their own above it, then those on its line (the last
        two are its 一级 and 二级; one alone is the 一级 when it is a 一级指标's name)."""
        above = "".join(piece.text for line in self.loose for piece in line)
        texts = [text for line in self.loose for piece in line for text in _level_parts(piece.text)]
        if before and before[0].first and texts and not _ends_a_level(above) and not _ends_a_weight(above):
            texts[-1] += before[0].text  # “可持续影 / 响 农村供水保证率 10 …”
            before = before[1:]
        texts += [piece.text for piece in before]
        if len(texts) >= 2:
            self.levels, self.waiting = [texts[-2], texts[-1]], [0, 1]
        elif texts and _is_level1(texts[0]) and (stated_weight(texts[0]) is not None
                                                 or stated_weight(self.levels[0]) is None):
            # 满意度 under 效益（30分）: where the 一级 state their weights, one that states none is a 二级
            self.levels, self.waiting = [texts[0], ""], [0]
        elif texts:
            self.levels[1], self.waiting = texts[0], [1]
        else:
            self.waiting = []
        return self.levels[0], self.levels[1]

    def _state_weights(self, weights: list[str]) -> None:
        """（20分） （10分） under the levels named on the line above: theirs, in order."""
        for index, text in zip(self.waiting, weights):
            self._add_to_level(index, text)
        self.waiting = self.waiting[len(weights):]

    def _close_weight(self, text: str) -> bool:
        """“分）” closing the weight a level opened on a line above (“效益（25”), on a line of its own or before a
        row; False when no level is open."""
        last = self.loose[-1][-1] if self.loose and self.loose[-1] else None
        if last is not None and _WEIGHT_OPEN.search(last.text):
            last.text += text
            return True
        index = next((index for index in (1, 0) if _WEIGHT_OPEN.search(self.levels[index])), None)
        if index is None:
            return False
        self._add_to_level(index, text)
        return True

    def _add_to_level(self, index: int, text: str) -> None:
        """The rest of a level's name (its weight) found below it: on the level and on the rows read under it."""
        self.levels[index] += text
        for row in self.sheet.indicators:
            indicator = row.indicator
            if index == 0 and indicator.level1 + text == self.levels[0]:
                indicator.level1 = self.levels[0]
            elif index == 1 and indicator.level2 + text == self.levels[1] and \
                    indicator.level1 == self.levels[0]:
                indicator.level2 = self.levels[1]
        if self.open is not None:
            self.open = (self.open[0], self.open[1], (self.levels[0], self.levels[1]))


def _is_level1(text: str) -> bool:
    words = lexicon.target_table_words()["level1"]
    return re.sub(r"[(（].*$", "", text) in {str(word) for word in words}


_ORDERS = (("initial", "budget", "actual", "weight", "rate", "score"),
           ("initial", "budget", "actual", "rate", "weight", "score"), ("budget", "actual", "rate"))


class _FundingLines:
    """The 资金 lines: 年度资金总额 in the order its figures confirm, then its parts in that order.

    The national order (年初预算数 全年预算数 全年执行数 分值 执行率 得分), a province's (预算数 调整后预算数 实际支出
    执行率 权重 得分), or a 区域 form's (全年预算数 全年执行数 执行率) is taken when the 执行率 is the 执行数 ÷ 预算数
    beside it, or the 得分 the 分值 × 执行率 (then a 执行率 off its amounts is the form's error, not the reading's);
    a total whose own figures confirm no order, when its first part's do (其中：中央补助 1260.00 1248.60 99.10%)."""

    def __init__(self, sheet: ScoreSheet, words: dict) -> None:
        self.sheet, self.words = sheet, words
        self.waiting: tuple[Paragraph, str, list[str]] | None = None  # a total its parts may confirm
        self.unplaced: list[tuple[FundingRow, Paragraph, list[str]]] = []  # parts whose empty cells went missing

    def line(self, paragraph: Paragraph, name: str, rest: list[str]) -> None:
        if has(name, self.words["funding"]["total"]):
            if self.sheet.funding_total is None and len(rest) >= 3 and None not in map(money, rest[:2]):
                keys = _confirmed_order(rest)
                if keys is None:
                    self.waiting = (paragraph, name, rest)
                else:
                    self._total(paragraph, name, rest, keys)
            return
        amounts = []
        for piece in rest:
            if money(piece) is None:
                break
            amounts.append(piece)
        if self.sheet.funding_total is None and self.waiting is not None:
            keys = _confirmed_order(rest)
            if keys is None or len(self.waiting[2]) < len(keys):
                return
            self._total(*self.waiting, keys)
        if self.sheet.funding_total is None or not amounts:
            return
        keys = [key for key in self.sheet.funding_total.cells if key in ("initial", "budget", "actual")]
        row = FundingRow(part_name(plain(name), self.words), {}, False)
        if len(amounts) >= len(keys):
            row.cells = {key: line_cell(paragraph, text, key, "funding_columns") for key, text in zip(keys, amounts)}
        else:  # fewer amounts than columns (上年结转资金 has no 年初预算数): placed once all parts are read
            self.unplaced.append((row, paragraph, amounts))
        self.sheet.funding.append(row)

    def _total(self, paragraph: Paragraph, name: str, rest: list[str], keys: tuple[str, ...]) -> None:
        figures = dict(zip(keys, rest))
        cells = {key: line_cell(paragraph, text, key, "funding_columns") for key, text in figures.items()}
        if not figures["rate"].endswith("%"):  # 执行率（%） | 90.08: a percentage, as its 得分 confirmed
            cells["rate"] = replace(cells["rate"], column=cells["rate"].column + "（%）")
        self.sheet.funding.append(FundingRow(part_name(plain(name), self.words), cells, True))

    def finish(self) -> None:
        """Parts whose line lost its empty cells (上年结转资金 | | 36.40 | 32.70) put in the columns where the
        parts add up to the total in every column, or in all but one — when exactly one placement does; else
        they cannot be added (N604 is silent)."""
        total = self.sheet.funding_total
        if not self.unplaced or total is None:
            return
        keys = [key for key in total.cells if key in ("initial", "budget", "actual")]
        placed = [row for row in self.sheet.funding if not row.total and row.cells]
        fits: dict[tuple, int] = {}
        stated = [key for key in keys if total.amount(key) is not None]
        for choice in product(*(combinations(keys, len(amounts)) for _, _, amounts in self.unplaced)):
            added = {key: sum((row.amount(key) or Decimal(0) for row in placed), Decimal(0)) for key in keys}
            for columns, (_, _, amounts) in zip(choice, self.unplaced):
                for key, text in zip(columns, amounts):
                    added[key] += money(text)
            fits[choice] = sum(added[key] == total.amount(key) for key in stated)
        best = max(fits.values(), default=0)
        fitting = [choice for choice, count in fits.items() if count == best]
        # One placement adds up in every column, or in all but one (then that column's total is the form's error)
        if len(fitting) != 1 or best < max(2, len(stated) - 1):
            self.sheet.unplaced_parts = [row.name for row, _, _ in self.unplaced]
            for row, paragraph, _ in self.unplaced:  # where it stands, to say so (N504)
                row.cells = {"name": Cell(row.name, 0, paragraph.number, "", paragraph.line, 0, paragraph.page)}
            return
        for columns, (row, paragraph, amounts) in zip(fitting[0], self.unplaced):
            row.cells = {key: line_cell(paragraph, text, key, "funding_columns")
                         for key, text in zip(columns, amounts)}


def _confirmed_order(rest: list[str]) -> tuple[str, ...] | None:
    """The order of a 资金 line's figures that they confirm; of two, the one whose 执行率 is nearer the amounts'."""
    candidates = []
    for keys in _ORDERS:
        if len(rest) < len(keys) or (len(keys) == 3 and len(rest) > 3 and money(rest[3]) is not None):
            continue
        figures = dict(zip(keys, rest))
        budget, actual = money(figures["budget"]), money(figures["actual"])
        rate = parse_quantity(figures["rate"] if figures["rate"].endswith("%") else figures["rate"] + "%")
        if not budget or actual is None or rate.value is None or rate.unit != "%" \
                or ("weight" in keys and money(figures["weight"]) is None):
            continue
        computed = actual / budget * 100
        by_amounts = round_half_up(computed, _places(figures["rate"].rstrip("%"))) == rate.value \
            and figures["rate"].endswith("%")
        weight, written = (money(figures["weight"]), money(figures["score"])) if "weight" in keys else (None, None)
        by_score = weight is not None and written is not None and \
            round_half_up(weight * rate.value / 100, _places(figures["score"])) == written
        if by_amounts or by_score:
            candidates.append((not by_amounts, abs(rate.value - computed), keys))
    # 分值 × 执行率 reads alike either way round: the 执行率 is the one nearer what the amounts give.
    return min(candidates, key=lambda candidate: candidate[:2])[2] if candidates else None
