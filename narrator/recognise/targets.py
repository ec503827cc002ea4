"""Import a 绩效目标表 (整体预算绩效目标表) into the input format.

The table arrives as a DOCX, an Excel sheet or text copied out of a DOCX or PDF.
Every source becomes a list of rows of cells where an empty cell is blank or the
continuation of a merged cell; one parser then walks the rows:

- field rows (单位名称, 单位主要职能, 机构设置及人员配置, 中长期目标, 年度目标),
  whose label may be broken over lines (“单位 / 主要职能”);
- 部门整体资金: income rows (资金总额, 财政拨款 / 小计 …) and expenditure rows
  (基本支出, 项目支出 and the items) with 半年计划执行数 and 全年预算数;
- indicator segments, each under a header row (一级指标 … 三级指标 半年指标值 全年指标值).

Positions in copied text are unreliable (merged cells lose their leading blanks, a
merged cell's text lands in the middle row of its span), so an indicator row is
read from the right: the last cells are the values, the one before is the 三级指标,
and the cells before that are levels. Level cells are recognised by name where the
name is standard (lexicon/levels.yaml) and otherwise fill the deepest free levels,
because a cell that starts a new group starts new groups below it too.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..core import lexicon
from ..core.errors import NarratorError, Notice, message
from ..core.model import BudgetLine, FundingLine, Indicator, Origin, Report
from ..core.quantity import format_decimal, half_width_figures, normalize_width, parse_quantity, year_in
from ..sources import kinds, read, readings
from ..sources.cells import plain as _key  # text compared as a label: half-width, without blanks
from . import indicator_rows, projectform

_COPIED_TEXT = kinds.TEXT | {""}  # a copied table saved without a suffix too
DEPTH = ("level1", "level2", "key_work", "project")
_TAG = re.compile(r"<[^>]+>")
_ENUMERATOR = re.compile(r"^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d{1,2}[.、．]|[①-⑳])")
_GOAL_ITEM = re.compile(r"(?:(?<=[；;。：:\s])|^)(\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]是)")
_YEAR_LINE = re.compile(r"^[(（]?((19|20|21)\d\d)\s*年度?[)）]?$")
_NUMBER = re.compile(r"-?\d[\d,]*(\.\d+)?")
_LABEL_TOKENS = 4  # a label broken by spaces into at most this many pieces
_PROSE_MARKS = re.compile(r"[，。；：,;]")


@dataclass
class SourceRow:
    """One row of the source: cells (\"\" = blank or merged) and where it is."""

    cells: list[str]
    place: str
    split: bool  # cells come from a real table (tab, DOCX, Excel), not one text line
    paragraph: bool = False  # a DOCX paragraph: text outside any table


@dataclass
class ImportResult:
    report: Report
    warnings: list[str] = field(default_factory=list)
    empty_levels: list[str] = field(default_factory=list)

    def level_counts(self) -> list[tuple[str, int]]:
        counts = Counter(indicator.level1 or message("level_unnamed") for indicator in self.report.indicators)
        return list(counts.items())


def import_targets(path: str | Path) -> ImportResult:
    """Read a 绩效目标表 (.docx, .xlsx or text) into a Report with every completion blank.
    Text whose rows are wrapped over lines ("blocks") is read both ways a row's one-piece first line
    may be meant (`text_rows`), and as the report reader puts its cells in rows; the reading that leaves
    fewer lines unplaced is kept (one that finds no indicators only when none does)."""
    path = Path(path)
    result: ImportResult | None = None
    refused: NarratorError | None = None
    for rows in read_rows(path):  # later readings are made only when the one before is refused or warned
        try:
            other = parse_rows(rows, str(path))
        except NarratorError as error:
            if error.code != "target_no_indicators":
                raise  # a damaged table is refused as it is read, not read another way
            refused = refused or error
            continue
        if result is None or len(other.warnings) < len(result.warnings):
            result = other
        if not result.warnings:
            break
    if result is None:
        raise refused
    return result


FORMS = ("整体", "项目")


def import_table(path: str | Path, form: str | None = None) -> tuple[str, ImportResult]:
    """Import a 绩效目标表 of either form, recognised from its labels unless `form` names it: a table
    that names its 项目名称 (with its indicators) is a project's, any other a 部门（单位）整体 table.
    Returns the form and the import.

        >>> form, result = import_table("项目支出绩效目标申报表.txt")   # ("项目", …)
    """
    if form is None:
        form = detect_form(path)
    return form, (import_project_targets(path) if form == "项目" else import_targets(path))


def detect_form(path: str | Path) -> str:
    """项目 when the document reads as a project's target form (项目名称 and indicators), else 整体."""
    path = Path(path)
    if kinds.suffix(path) == kinds.OLD_EXCEL and path.is_file():
        raise NarratorError("old_excel", file=path)
    sheet = projectform.read_targets(read.read_document(path))
    return "项目" if sheet is not None and sheet.labels.get("project") else "整体"


def import_project_targets(path: str | Path) -> ImportResult:
    """Read a project's 绩效目标表 — or last year's 项目支出绩效自评表, whose targets are the same — into
    the input of `draft --form 项目` (.docx, .pdf, .xlsx or text, through `read`): 项目名称, 主管部门,
    实施单位 (the input's 单位名称), 年度总体目标, the 资金 rows and the indicators with their 指标值 and 分值;
    completions blank."""
    path = Path(path)
    if kinds.suffix(path) == kinds.OLD_EXCEL and path.is_file():
        raise NarratorError("old_excel", file=path)
    sheet = projectform.read_targets(read.read_document(path))
    if sheet is None:
        raise NarratorError("project_target_no_indicators", file=path)
    if not sheet.labels.get("project"):
        raise NarratorError("project_target_no_name", file=path)
    indicators = [Indicator(name=row.indicator.name, target=row.indicator.target, level1=row.indicator.level1,
                            level2=row.indicator.level2, weight=projectform.score(row.cells.get("weight")),
                            origin=row.indicator.origin)
                  for row in sheet.indicators]
    budget, warnings = _project_budget(sheet)
    warnings = sheet.warnings + warnings
    unit = sheet.labels.get("unit") or _missing("unit", warnings)
    year = sheet.year or _missing("year", warnings)
    report = Report(unit_name=unit, year=year, project_name=sheet.labels["project"],
                    department=sheet.labels.get("department", ""), project_goal=sheet.goal,
                    indicators=indicators, budget_lines=budget, source=str(path))
    return ImportResult(report, warnings)


def _missing(what: str, warnings: list[str]) -> str:
    """A visible placeholder for the 单位名称 or 年度 a table does not name (【待补充：年度】), and a warning:
    the indicators read are worth keeping; the user fills it in before drafting."""
    placeholder = lexicon.wording()["placeholder"].format(message(f"import_missing_{what}"))
    warnings.append(Notice(f"import_no_{what}", placeholder=placeholder))
    return placeholder


def _project_budget(sheet: projectform.ScoreSheet) -> tuple[list[BudgetLine], list[str]]:
    """The 资金 rows as budget lines: 年度资金总额 and its parts under it, each with its 年初预算数 (a
    target form's one amount); a self-evaluation form's 全年预算数 where it differs."""
    lines, warnings = [], []
    total = next((row for row in sheet.funding if row.total), None)
    for row in sheet.funding:
        initial = row.amount("initial")
        budget = row.amount("budget")
        if initial is None and budget is None:
            continue
        lines.append(BudgetLine(name=row.name, parent="" if row.total or total is None else total.name,
                                initial=initial if initial is not None else budget,
                                adjusted=budget if initial is not None and budget != initial else None))
    parts = [line for line in lines if line.parent]
    if lines and parts and not lines[0].parent and sum(line.initial for line in parts) != lines[0].initial:
        warnings.append(Notice("import_sum_differs", name=lines[0].name, written=format_decimal(lines[0].initial),
                                total=format_decimal(sum(line.initial for line in parts)),
                                parts="、".join(line.name for line in parts)))
    return lines, warnings


# ---------------------------------------------------------------- sources

def read_rows(path: Path) -> Iterator[list[SourceRow]]:
    """The source's rows; for text in "blocks", its second reading after (`text_rows`), made only
    when asked for."""
    suffix = path.suffix.lower()
    if suffix == kinds.OLD_EXCEL and path.is_file():
        raise NarratorError("old_excel", file=path)
    read.file_head(path, kinds.DOCX | kinds.WORKBOOK)
    if suffix in kinds.DOCX:
        yield _docx_rows(path)
    elif suffix in kinds.PDF:
        yield _pdf_rows(path)
    elif suffix in kinds.WORKBOOK:
        yield _workbook_rows(path)
    elif suffix in _COPIED_TEXT:
        text = read.read_text_file(path)
        yield text_rows(text)
        wrapped = text_rows(text, wrapped_first_cells=True)
        if wrapped is not None:
            yield wrapped
        # A table copied one cell per line without row ends (“cell |” lines, cells between lines of “|”) is
        # put back in rows by the report reader (`streams`).
        document = read.read_text(text, str(path))
        if document.tables:
            yield _source_rows(document, lambda block: message("place_line", line=block.line),
                               lambda block, number: message("place_line", line=block.row_lines[number - 1]))
    else:
        raise NarratorError("target_unknown_extension", file=path, suffix=path.suffix)


def text_rows(text: str, wrapped_first_cells: bool = False) -> list[SourceRow] | None:
    """Copied text as the importer's rows, in the reading `readings.rows_document` makes of it (a line with tabs
    or pipes a row of cells, any other line one cell; rows between blank lines when the table was copied so);
    None when `wrapped_first_cells` asks for a reading the text does not have."""
    document = readings.rows_document(text, wrapped_first_cells=wrapped_first_cells)
    if document is None:
        return None
    return _source_rows(document, lambda block: message("place_line", line=block.line),
                        lambda block, number: message("place_line", line=block.row_lines[number - 1]),
                        paragraphs_are_lines=True)


def _docx_rows(path: Path) -> list[SourceRow]:
    """Paragraphs as one-cell rows; table cells by grid column, a merge's continuation blank."""
    document = read.docx_blocks(read.open_docx(path), str(path), repeat_merged=False)
    return _source_rows(document, lambda block: message("place_paragraph", number=block.number),
                        lambda block, number: message("place_table_row", table=block.number, row=number))


def _pdf_rows(path: Path) -> list[SourceRow]:
    """A PDF's text lines and ruled tables, as the DOCX reader gives them (merges blank).
    A PDF without ruled tables (a text table printed as it was typed) is read as its lines are
    in a text file: a short line is a row whose cells the spaces separate."""
    document = read.read_pdf(path, repeat_merged=False)
    return _source_rows(
        document, lambda block: message("place_page_paragraph", page=block.page, number=block.number),
        lambda block, number: message("place_page_table_row", page=block.row_pages[number - 1], table=block.number,
                                      row=number),
        paragraphs_are_lines=not document.tables)


def _source_rows(document: read.SourceDocument, paragraph_place, row_place,
                 paragraphs_are_lines: bool = False) -> list[SourceRow]:
    """The blocks `read` gives as the importer's rows: a paragraph is one cell, a table row its cells
    (a cell's lines joined by a space)."""
    rows: list[SourceRow] = []
    for block in document.blocks:
        if isinstance(block, read.Paragraph):
            rows.append(SourceRow([_clean(block.text)], paragraph_place(block), False, not paragraphs_are_lines))
        else:
            for number, cells in enumerate(block.rows, start=1):
                rows.append(SourceRow([_clean(re.sub(r"\s*\n\s*", " ", cell)) for cell in cells],
                                      row_place(block, number), True))
    return rows


def _workbook_rows(path: Path) -> list[SourceRow]:
    rows: list[SourceRow] = []
    for title, sheet_rows in read.read_workbook(path).items():
        for sheet_row in sheet_rows:
            values = [_clean(read.cell_text(value)) for value in sheet_row.values]
            rows.append(SourceRow(values, message("place_sheet_row", sheet=title, row=sheet_row.number), True))
    return rows


def _clean(text: str) -> str:
    """Cell text without HTML tags (some exports keep <p>), non-breaking spaces or outer blanks."""
    text = _TAG.sub("", text).replace("&nbsp;", " ").replace("\xa0", " ")
    return half_width_figures(read.simplified(text.strip()))


# ---------------------------------------------------------------- parsing

@dataclass
class _Segment:
    """One indicator table: the level columns its header has, and how many values."""

    levels: list[str]
    values: int
    start: int  # index of its first indicator in the result
    state: dict[str, str] = field(default_factory=dict)
    first_level1: str = ""
    level_row_depth: int = -1  # depth set by the previous level-only row, -1 after an indicator row
    pending_empty: dict[str, str] = field(default_factory=dict)  # level set by a level-only row, still without indicators
    roles: list[str] | None = None  # the header's columns, when it has more than levels, names and values


class _Parser:
    def __init__(self, file: str):
        self.file = file
        self.words = lexicon.target_table_words()
        self.fields: dict[str, list[str]] = {}
        self.year: int | None = None
        self.indicators: list[Indicator] = []
        self.funding: list[FundingLine] = []
        self.expenses: list[BudgetLine] = []
        self.warnings: list[str] = []
        self.lost: list[str] = []
        self.empty_levels: list[str] = []
        self.segment: _Segment | None = None
        self.mode = ""  # "", or the field being read: unit_name, functions …, budget, indicators
        self.budget_side = "income"
        self.group = ""
        self.last_row: SourceRow | None = None  # the last row with text: where a copy cut off mid-table ends

    # -- dispatch

    def run(self, rows: list[SourceRow]) -> None:
        self.last_row = next((row for row in reversed(rows) if any(row.cells)), None)
        index = 0
        while index < len(rows):
            row = rows[index]
            if not any(row.cells) or read.is_page_number(" ".join(row.cells)):
                index += 1  # — 1 —: a page's number between the rows of a table copied from a PDF
                continue
            parts = self._label_parts(row)
            if len(parts) > 1:
                rows = rows[:index] + parts + rows[index + 1:]
            label, rest, used = self._label(rows, index)
            if label:
                self._close_segment()
                self.mode = label
                if label != "budget":
                    self.fields.setdefault(label, [])
                self._content(rest, row)
                index += used
                continue
            if row.paragraph and self.mode in ("budget", "indicators"):
                self._close_segment()  # a paragraph after the table (填报说明 …) is not a row of it
                self.mode = ""
            header = self._header(row)
            if header is not None:
                self._close_segment()
                self.mode = "indicators"
                self.segment = _Segment(header[0], header[1], len(self.indicators), roles=header[2])
                index += 1
                continue
            self._content(self._cells(row, table_mode=self.mode in ("budget", "indicators")), row)
            index += 1
        self._close_segment()

    def _content(self, cells: list[str], row: SourceRow) -> None:
        cells = [cell for cell in cells if cell]
        if not cells:
            return
        if self.mode == "indicators":
            self._indicator_row(cells, row)
        elif self.mode == "budget":
            self._budget_row(cells, row)
        elif self.mode == "unit_name" and self.fields["unit_name"]:
            # The unit has one name: what follows it is not more of the name.
            self.mode = ""
            self._content(cells, row)
        elif self.mode == "other":
            self._unplaced(row, cells)  # a column narrator does not import (年度履职目标 …)
        elif self.mode:
            self.fields[self.mode].extend(cells)
        elif _YEAR_LINE.match(_key(" ".join(cells))):
            self.year = int(_YEAR_LINE.match(_key(" ".join(cells))).group(1))
        elif any(self.words["title"] in cell for cell in cells):
            # The title may carry the year: “2024年度苏州市……绩效目标表”, “……目标表（2021年度）”.
            found = year_in(_key(" ".join(cells)))
            if found and self.year is None:
                self.year = found
        else:
            self._unplaced(row, cells)

    def _unplaced(self, row: SourceRow, cells: list[str]) -> None:
        self.warnings.append(Notice("import_unplaced", place=row.place, text=" ".join(cells)))

    # -- labels and headers

    def _label_parts(self, row: SourceRow) -> list[SourceRow]:
        """部门(单位)名称 | 某街道办事处 | 区级支出预算总量 | 3724.39: a row of cells that holds two fields,
        as one row for each."""
        labels = self.words["fields"]
        if not row.split:
            return [row]
        starts = [number for number, cell in enumerate(row.cells) if _key(cell).lstrip("*") in labels]
        if len(starts) < 2 or starts[0] != next((n for n, cell in enumerate(row.cells) if cell), -1):
            return [row]
        bounds = starts + [len(row.cells)]
        return [SourceRow(row.cells[start:end], row.place, True, row.paragraph) for start, end in zip(bounds, bounds[1:])]

    def _label(self, rows: list[SourceRow], index: int) -> tuple[str, list[str], int]:
        """(field, the row's other cells, rows used) when row `index` starts a field, else ("", [], 1).
        A label broken over several one-cell lines (“单位 / 主要职能”) is joined first."""
        labels = self.words["fields"]
        row = rows[index]
        cells = [cell for cell in row.cells if cell]
        first = _key(cells[0]).lstrip("*")
        if first in labels and (labels[first] != "other" or len(cells) == 1):
            return labels[first], cells[1:], 1
        if not row.split:
            # “单位名称 苏州市生产力促进中心”, or a label with spaces in it: “单位 主要职能 （一）……”,
            # “部门整体 资金(万 元) 收入 全年 预算数”. The budget's header words are cells of their own.
            tokens = cells[0].split()
            for count in range(min(len(tokens) - 1, _LABEL_TOKENS), 0, -1):
                key = _key("".join(tokens[:count]))
                if key in labels:
                    # The value ends where another label starts: “部门(单位)名称 某研究室 部门预算编码 901001033”.
                    end = next((index for index in range(count, len(tokens)) if _key(tokens[index]) in labels),
                               len(tokens))
                    rest = tokens[count:] if labels[key] == "budget" else [" ".join(tokens[count:end])]
                    return labels[key], rest, 1
        if not row.split and any(label.startswith(first) and label != first for label in labels):
            joined, used = first, 1
            following = index + 1
            while following < len(rows) and used < 6:
                nxt = rows[following]
                if not any(nxt.cells):
                    following += 1
                    continue
                if nxt.split:
                    break
                candidate = joined + _key(nxt.cells[0])
                if candidate in labels:
                    return labels[candidate], [], following - index + 1
                if not any(label.startswith(candidate) for label in labels):
                    break
                joined, used, following = candidate, used + 1, following + 1
        return "", [], 1

    def _header(self, row: SourceRow) -> tuple[list[str], int, list[str] | None] | None:
        """The header's level columns and number of values; and its columns (`indicator_rows`) when it
        has others (计量单位, 指标解释, 评分标准 …), whose rows are then read by their columns."""
        headers = self.words["headers"]
        cells = [cell for cell in self._cells(row, table_mode=True) if cell]
        keys = [_key(cell) for cell in cells]
        levels = [headers["levels"][key] for key in keys if key in headers["levels"]]
        if any(word in key for key in keys for word in headers["self_evaluation"]):
            return None  # a self-evaluation table (自评表), not a target table
        if not levels and any(key in headers["names_alone"] for key in keys):
            # 指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值 (重庆): indicators named without levels, read by columns
            roles = indicator_rows.header_roles(cells)
            return ([], 1, roles) if {"name", "target"} <= set(roles) and len(set(roles) - {""}) >= 3 else None
        if headers["name"] not in keys or not {"level1", "level2"} & set(levels):
            return None
        roles = indicator_rows.header_roles(cells)
        plain = {"", "level1", "level2", "name", "target"}
        return levels, 2 if headers["half_year"] in keys else 1, \
            roles if set(roles) - plain and headers["half_year"] not in keys and "key_work" not in levels else None

    def _cells(self, row: SourceRow, table_mode: bool) -> list[str]:
        """A table row's cells; a one-cell text line inside a table is split at its blanks,
        and a unit split from its number (“≥450 亿元”) is joined back."""
        if row.split or not table_mode:
            return list(row.cells)
        cells: list[str] = []
        for token in row.cells[0].split():
            if cells and _is_unit(token) and _is_bare_number(cells[-1]):
                cells[-1] += token
            else:
                cells.append(token)
        return cells

    # -- indicators

    def _indicator_row(self, cells: list[str], row: SourceRow) -> None:
        segment = self.segment
        if segment.roles is not None:
            self._column_row(cells, row)
            return
        count = segment.values
        if len(cells) > count and all(_is_value(cell, self.words) for cell in cells[-count:]):
            values, name, before = cells[-count:], cells[-count - 1], cells[:-count - 1]
        elif count == 2 and len(cells) == 2 and parse_quantity(cells[1]).is_number:
            values, name, before = ["", cells[1]], cells[0], []
            self.warnings.append(Notice("import_one_value", place=row.place, name=name, value=cells[1]))
        else:
            if any(parse_quantity(cell).is_number for cell in cells):
                self.lost.append(f"{row.place}：{' '.join(cells)}")
                return
            self._levels(cells, row, indicator=False)
            return
        self._levels(before, row, indicator=True, name=name)
        full = _value_text(values[-1])
        half = _value_text(values[0]) if count == 2 else ""
        state = segment.state
        segment.pending_empty.clear()
        self.indicators.append(Indicator(
            name=name, target=parse_quantity(full), half_year_target=parse_quantity(half),
            level1=state.get("level1", ""), level2=state.get("level2", ""), key_work=state.get("key_work", ""),
            project=state.get("project", ""), origin=Origin(self.file, row.place)))

    def _column_row(self, cells: list[str], row: SourceRow) -> None:
        """A row of a table with more columns than levels and values, read by its columns; a row that
        names levels only sets them, one that cannot be read is named (the last row: the copy was cut off)."""
        segment = self.segment
        if indicator_rows.is_subheader(cells):
            return
        if indicator_rows.ends_table(cells):
            self._close_segment()
            self.mode = ""
            return
        fields = indicator_rows.read_row(cells, segment.roles)
        name = indicator_rows.indicator_name(fields.get("name"))
        target, notes = indicator_rows.target_text(fields, name)
        if row is self.last_row and not (name and target):
            self.warnings.append(Notice("import_cut_off", place=row.place, text=" ".join(cells)))
            return
        assigned = {level: fields.get(level) for level in ("level1", "level2") if fields.get(level)}
        if assigned:
            self._set_levels(assigned, row)
        if not (name and target):
            if name:
                self.warnings.append(Notice("import_no_target", place=row.place, name=name))
            elif not assigned:
                self._unplaced(row, cells)
            return
        self.warnings += [Notice(code, place=row.place, **arguments) for code, arguments in notes]
        segment.pending_empty.clear()
        state = segment.state
        self.indicators.append(Indicator(name=name, target=parse_quantity(target), level1=state.get("level1", ""),
                                         level2=state.get("level2", ""), origin=Origin(self.file, row.place)))

    def _levels(self, cells: list[str], row: SourceRow, indicator: bool, name: str = "") -> None:
        """Place level cells: standard names by name, the others into the free levels —
        the deepest ones on an indicator row, the next ones down on a level-only row."""
        segment = self.segment
        known = {"level1": self.words["level1"], "level2": self.words["level2"]}
        assigned: dict[str, str] = {}
        rest: list[str] = []
        for cell in cells:
            kind = next((level for level in ("level1", "level2") if level in segment.levels
                         and _key(cell) in known[level] and level not in assigned), None)
            if kind:
                assigned[kind] = cell
            else:
                rest.append(cell)
        deepest = max((DEPTH.index(level) for level in assigned), default=-1)
        free = [level for level in segment.levels if level not in assigned and DEPTH.index(level) > deepest
                and level != "level1"]
        if not indicator and segment.level_row_depth >= 0 and not assigned:
            free = [level for level in free if DEPTH.index(level) > segment.level_row_depth] or free
        if len(rest) > len(free) and "level1" in segment.levels and "level1" not in assigned and deepest < 0:
            free = ["level1"] + free
        extra = rest[:max(0, len(rest) - len(free))]
        rest = rest[len(extra):]
        if extra:
            self.warnings.append(Notice("import_extra_cells", place=row.place, name=name or message("nothing"),
                                         text=" ".join(extra)))
        chosen = free[-len(rest):] if indicator and rest else free[:len(rest)]
        assigned.update(zip(chosen, rest))
        self._set_levels(assigned, row)
        if indicator:
            segment.level_row_depth = -1
        elif assigned:
            segment.level_row_depth = max(DEPTH.index(level) for level in assigned)

    def _set_levels(self, assigned: dict[str, str], row: SourceRow) -> None:
        """Set the levels a row names. A real change clears the deeper levels it does not name
        (a new 二级指标 opens new 重点工作); a wrapped name or a segment's first 一级指标 does not."""
        segment = self.segment
        state = segment.state
        changed: list[int] = []
        for level, value in sorted(assigned.items(), key=lambda item: DEPTH.index(item[0])):
            previous = state.get(level, "")
            joined = previous + value
            if level in ("level1", "level2") and previous and previous != value and \
                    _key(joined) in self.words[level] and _key(previous) not in self.words[level]:
                # A name wrapped over two rows of its merged cell: 计划 / 制定.
                for indicator in self.indicators[segment.start:]:
                    if getattr(indicator, level) == previous:
                        setattr(indicator, level, joined)
                state[level] = joined
            elif level == "level1" and not previous:
                # The text of a merged cell often sits in the middle of its span:
                # the rows above belong to it, and their deeper levels stay.
                segment.first_level1 = segment.first_level1 or value
                state[level] = value
            else:
                self._note_empty(level)
                state[level] = value
                segment.pending_empty[level] = f"{value}（{row.place}）"
                changed.append(DEPTH.index(level))
        if changed:
            for level in DEPTH[min(changed) + 1:]:
                if level not in assigned and level in state:
                    self._note_empty(level)
                    state.pop(level)

    def _note_empty(self, level: str) -> None:
        """A level set by a level-only row and replaced before any indicator: an empty sub-row (经济效益)."""
        pending = self.segment.pending_empty.pop(level, None)
        if pending:
            self.empty_levels.append(pending)

    def _close_segment(self) -> None:
        segment = self.segment
        if segment is None:
            return
        for level in list(segment.pending_empty):
            self._note_empty(level)
        own = self.indicators[segment.start:]
        if own and not segment.levels and not {"level1", "level2"} & set(segment.roles or []):
            # A table without level columns: said once, not for each of its indicators.
            self.warnings.append(Notice("import_no_levels", place=own[0].origin.sheet, count=len(own)))
            own = []
        for indicator in own:
            if not indicator.level1:
                indicator.level1 = segment.first_level1
            if not indicator.level1:
                self.warnings.append(Notice("import_no_level1", place=indicator.origin.sheet,
                                             name=indicator.name))
        self.segment = None

    # -- 部门整体资金

    def _budget_row(self, cells: list[str], row: SourceRow) -> None:
        names: list[str] = []
        numbers: list[Decimal] = []
        budget = self.words["budget"]
        for cell in cells:
            key = _key(cell)
            if key in budget["income"]:
                self.budget_side = "income"
            elif key in budget["expense"] or any(word in key for word in budget["half_year"]):
                self.budget_side = "expense"
            elif key in budget["headers"]:
                continue
            elif _NUMBER.fullmatch(key):
                numbers.append(Decimal(key.replace(",", "")))
            else:
                names.append(cell)
        groups = self.words["funding"]["groups"]
        if not numbers:
            if len(names) == 1 and names[0] in groups:
                self.group = names[0]
            elif names:
                self._unplaced(row, cells)
            return
        if not names and not self.funding and not self.expenses and len(numbers) == 1:
            names = [self.words["funding"]["total"]]  # 区级支出预算总量 | 3724.39: the label names the total
        if names[-1:] == [budget["subtotal"]]:
            names = names[:-1] or [self.group]
        if not names or not names[-1]:
            self._unplaced(row, cells)
            return
        name = names[-1]
        if len(names) > 1:
            self._unplaced(row, names[:-1])
        origin = Origin(self.file, row.place)
        if _key(name) in lexicon.budget_structure()["subtotals"]:
            # 年度预算安排：资金总额 171.41 / 项目支出 60.8 / 基本支出 110.61 — the total's expenditure parts,
            # with no 收入/支出 header above them
            self.budget_side = "expense"
        if self.budget_side == "income":
            if name in groups:
                self.group = name
            self.funding.append(FundingLine(name=name, amount=numbers[-1], origin=origin))
        else:
            half = numbers[-2] if len(numbers) >= 2 else None
            self.expenses.append(BudgetLine(name=name, initial=numbers[-1], half_year_plan=half, origin=origin))

    # -- result

    def report(self) -> ImportResult:
        if self.lost:
            raise NarratorError("target_lost_indicators", file=self.file, count=len(self.lost),
                             rows="\n".join(f"  - {line}" for line in self.lost))
        if not self.indicators:
            raise NarratorError("target_no_indicators", file=self.file)
        unit = " ".join(self.fields.get("unit_name", [])).strip()
        unit, year = unit or _missing("unit", self.warnings), self.year or _missing("year", self.warnings)
        funding = self._funding_tree()
        report = Report(
            unit_name=unit, year=year,
            functions=_join_prose(self.fields.get("functions", [])),
            organisation=_join_prose(self.fields.get("organisation", [])),
            long_term_goal=_join_prose(self.fields.get("long_term_goal", [])),
            goals=_goal_items(_join_prose(self.fields.get("goals", []))),
            indicators=self.indicators, budget_lines=self._expense_tree(funding), funding=funding,
            source=self.file)
        return ImportResult(report, self.warnings, self.empty_levels)

    def _funding_tree(self) -> list[FundingLine]:
        total = self.words["funding"]["total"]
        groups = self.words["funding"]["groups"]
        names = {line.name for line in self.funding}
        for line in self.funding:
            group = next((g for g, members in groups.items() if line.name in members and g in names), "")
            line.parent = "" if line.name == total else group or (total if total in names else "")
        for parent in self.funding:
            children = [line for line in self.funding if line.parent == parent.name]
            if children and sum(c.amount for c in children) != parent.amount:
                self.warnings.append(Notice(
                    "import_sum_differs", name=parent.name, written=format_decimal(parent.amount),
                    total=format_decimal(sum(c.amount for c in children)),
                    parts="、".join(c.name for c in children)))
        return self.funding

    def _expense_tree(self, funding: list[FundingLine]) -> list[BudgetLine]:
        """The expenditure rows under a 预算总金额 line whose 年初预算数 is the table's 资金总额."""
        if not self.expenses:
            return []
        structure = lexicon.budget_structure()
        subtotals = set(structure["subtotals"])
        names = {line.name for line in self.expenses}
        project = self.words["budget"]["items_under"] if self.words["budget"]["items_under"] in names else ""
        total_name = structure["totals"][0]
        for line in self.expenses:
            line.parent = total_name if line.name in subtotals else project or total_name
        top = [line for line in self.expenses if line.parent == total_name]
        top_sum = sum(line.initial for line in top)
        written = next((line.amount for line in funding if line.name == self.words["funding"]["total"]), None)
        if written is not None and written != top_sum:
            self.warnings.append(Notice("import_expense_differs", parts="、".join(line.name for line in top),
                                         total=format_decimal(top_sum), written=format_decimal(written)))
        total = BudgetLine(name=total_name, initial=written if written is not None else top_sum)
        return [total] + self.expenses


def parse_rows(rows: list[SourceRow], file: str = "") -> ImportResult:
    parser = _Parser(file)
    parser.run(rows)
    return parser.report()


# ---------------------------------------------------------------- small helpers

def _is_unit(token: str) -> bool:
    return token in lexicon.unit_kinds()


def _is_bare_number(token: str) -> bool:
    return bool(re.fullmatch(r"[≥≤><=＝＞＜]*\s*-?\d+(\.\d+)?", normalize_width(token)))


def _is_value(cell: str, words: dict) -> bool:
    """A target value: a figure, a qualitative word, or a short phrase that is not a level name."""
    quantity = parse_quantity(_value_text(cell))
    if quantity.kind in ("number", "qualitative"):
        return True
    key = _key(cell)
    return len(key) <= 8 and not _PROSE_MARKS.search(key) and key not in words["level1"] \
        and key not in words["level2"] and not key.endswith("指标")


def _value_text(cell: str) -> str:
    """A value as the input writes it: half-width signs, no blanks inside a figure (“≥450 亿元”)."""
    text = normalize_width(cell).strip()
    squeezed = re.sub(r"\s+", "", text)
    return squeezed if parse_quantity(squeezed).is_number else text


def _join_prose(lines: list[str]) -> str:
    """Lines of a wrapped paragraph joined; a line that starts an enumerated item starts a new line."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if text and _ENUMERATOR.match(line):
            text += "\n"
        text += line
    return text


def _goal_items(text: str) -> list[str]:
    """年度目标 split at its numbered items (1. 2. … or 一是 二是 …); the lead-in stays first."""
    if not text:
        return []
    starts = [match.start(1) for match in _GOAL_ITEM.finditer(text)]
    if len(starts) < 2:
        return [text]
    pieces = [text[:starts[0]]] + [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    return [piece.strip().rstrip("；;").strip() for piece in pieces if piece.strip()]
