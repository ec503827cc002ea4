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
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from ..core import lexicon
from ..core.model import Indicator, Origin
from ..core.quantity import normalize_width, parse_quantity, round_half_up
from ..sources.read import Paragraph, SourceDocument, is_page_number
from .sheet import FundingRow, ScoredIndicator, ScoreSheet, form_words, has, part_name, plain, score, stated_weight
from .tables import Cell, money

PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")
_VALUE_END = re.compile(r"[≥≤=<>＞＜]?\d+(\.\d+)?$")  # “≥120” of “≥120 次”: a value whose unit stands apart
_LEVEL_WEIGHT = re.compile(r"^[(（]\d+(\.\d+)?分[)）]$")  # （20分） under a level's name
_SENTENCE_MARKS = ("，", "。", "；", ",", ";")
_TABLE_ROW = "table row"  # a line `_lines` made of a table's row


def read_lines(document: SourceDocument) -> ScoreSheet | None:
    """The scored form of a document read line by line, or None; see the module's note."""
    words = form_words()
    sheet = ScoreSheet(document.file)
    rows: _Rows | None = None
    heading = False  # between an indicator header and its first row: the header's broken words
    funding_names = words["funding"]["total"] + words["funding"]["parts"]
    for paragraph in _lines(document):
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
        grade = _line_grade().match(compact)
        if grade and sheet.total_weight is not None:
            sheet.grade = Cell(grade.group("grade"), 0, paragraph.number, "", paragraph.line, 0, paragraph.page)
            break
        name = next((index for index, piece in enumerate(pieces) if has(piece, funding_names)), None) \
            if any(word in compact for word in funding_names) else None
        if name is not None and rows is None:
            if paragraph.style != _TABLE_ROW:  # a table's 资金 rows are read as a table (checked there)
                _funding(sheet, paragraph, pieces[name], pieces[name + 1:], words)
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
def _line_grade():
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
class _Rows:
    sheet: ScoreSheet
    loose: list[list[_Piece]] = field(default_factory=list)  # lines since the last row that belong to no row
    read: int = 0

    def line(self, paragraph: Paragraph, pieces: list[str]) -> None:
        raise NotImplementedError

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
            elif self.open is None and (not self.closed_here or _level_parts("".join(p.text for p in line)) and all(
                    part in _level_words() for part in _level_parts("".join(p.text for p in line)))):
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
        if before and before[0].first and texts and not _ends_a_level(above):
            texts[-1] += before[0].text  # “可持续影 / 响 农村供水保证率 10 …”
            before = before[1:]
        texts += [piece.text for piece in before]
        if len(texts) >= 2:
            self.levels, self.waiting = [texts[-2], texts[-1]], [0, 1]
        elif texts and _is_level1(texts[0]):
            self.levels, self.waiting = [texts[0], ""], [0]
        elif texts:
            self.levels[1], self.waiting = texts[0], [1]
        else:
            self.waiting = []
        return self.levels[0], self.levels[1]

    def _state_weights(self, weights: list[str]) -> None:
        """（20分） （10分） under the levels named on the line above: theirs, in order."""
        for index, text in zip(self.waiting, weights):
            self.levels[index] += text
            for row in self.sheet.indicators:
                indicator = row.indicator
                if index == 0 and indicator.level1 + text == self.levels[0]:
                    indicator.level1 = self.levels[0]
                elif index == 1 and indicator.level2 + text == self.levels[1] and \
                        indicator.level1 == self.levels[0]:
                    indicator.level2 = self.levels[1]
        self.waiting = self.waiting[len(weights):]
        if self.open is not None:
            self.open = (self.open[0], self.open[1], (self.levels[0], self.levels[1]))


def _is_level1(text: str) -> bool:
    words = lexicon.target_table_words()["level1"]
    return re.sub(r"[(（].*$", "", text) in {str(word) for word in words}


def _funding(sheet: ScoreSheet, paragraph: Paragraph, name: str, rest: list[str], words: dict) -> None:
    total = has(name, words["funding"]["total"])
    if len(rest) < 3 or None in [money(piece) for piece in rest[:2]]:
        return
    if not total:  # a part, under a total read in one order or the other: its amounts in that order
        if sheet.funding_total is None:
            return
        keys = [key for key in sheet.funding_total.cells if key in ("initial", "budget", "actual")]
        sheet.funding.append(FundingRow(part_name(plain(name), words), {
            key: line_cell(paragraph, text, key, "funding_columns") for key, text in zip(keys, rest)}, False))
        return
    # The national order (年初预算数 全年预算数 全年执行数 分值 执行率 得分), a province's (预算数 调整后预算数 实际支出
    # 执行率 权重 得分), or a 区域 form's (全年预算数 全年执行数 执行率): taken when the 执行率 is the 执行数 ÷ 预算数
    # beside it, or the 得分 the 分值 × 执行率 (then a 执行率 off its amounts is the form's error, not the reading's).
    candidates = []
    for keys in (("initial", "budget", "actual", "weight", "rate", "score"),
                 ("initial", "budget", "actual", "rate", "weight", "score"), ("budget", "actual", "rate")):
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
            candidates.append((not by_amounts, abs(rate.value - computed), figures))
    if candidates:
        # 分值 × 执行率 reads alike either way round: the 执行率 is the one nearer what the amounts give.
        figures = min(candidates, key=lambda candidate: candidate[:2])[2]
        cells = {key: line_cell(paragraph, text, key, "funding_columns") for key, text in figures.items()}
        if not figures["rate"].endswith("%"):  # 执行率（%） | 90.08: a percentage, as its 得分 confirmed
            cells["rate"] = replace(cells["rate"], column=cells["rate"].column + "（%）")
        sheet.funding.append(FundingRow(part_name(plain(name), words), cells, True))
