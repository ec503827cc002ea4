"""Recognise a scored self-evaluation form — the national 项目支出绩效自评表, or any form with 分值 and
得分 columns — in a document as `read` gives it (DOCX, PDF, text or workbook), and keep every cell's
place so that the scoring rules can point at it.

The form is one table (or several, when a PDF page or a converter cut it), read as one stream of
rows. Its parts are found by their words (lexicon/project_form.yaml), not by position:
项目名称 / 主管部门 / 实施单位 labels; the 资金 header (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分)
and its rows (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金); the indicator header (一级指标 …
分值, 得分) and its rows, with merged 一级/二级 cells carried down; the 总分 row and the grade.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..core import lexicon
from ..core.errors import Notice, message
from ..core.model import Indicator, Origin
from ..core.quantity import half_width_figures, normalize_width, parse_quantity, year_in
from ..sources import readings, streams
from ..sources.document import Paragraph, SourceDocument, Table
from ..sources.layout import match_columns
from . import indicator_rows
from .formlines import line_grade, read_lines as _line_sheet
from .sheet import (FundingRow, ScoredIndicator, ScoreSheet, form_words as _words, has as _has, part_name as _part_name,
                    plain as _plain, prose_words, score, stated_weight, written_words)
from .tables import Cell, cell_at, money


_SHORT_LINE = 40
_YEAR_ONLY = re.compile(r"[(（]?(19|20|21)\d\d年度?[)）]?")
_LOOSE_FIGURE = re.compile(r"(^|\s)\d+(\.\d+)?(\s|$)")  # a figure standing apart inside a name
_CODE = re.compile(r"^[(（]\d{2,}[)）]")  # (433001)乌海市供销合作社联合社: the unit's code in front of its name


def _cell(table: Table, row: int, index: int, header: list[str]) -> Cell:
    return cell_at(table, row, index, header[index] if index < len(header) else "")


def read_sheet(document: SourceDocument) -> ScoreSheet | None:
    """The scored form of a document, or None when it has no 分值/得分 columns."""
    words = _words()
    scored = words["indicator_columns"]["weight"] + words["indicator_columns"]["score"]
    first = next((number for number, table in enumerate(document.tables)
                  if any(word in cell for row in table.rows for cell in row for word in scored)), None)
    if first is None:
        return _unscored_sheet(document) or _line_sheet(document)  # most reports: no 分值 or 得分, nothing to walk
    sheet = ScoreSheet(document.file)
    tables = _own_copies(document)  # rows put back in place are the sheet's own
    for table in tables[:first]:  # 项目名称 / 主管部门 / 实施单位 in a table of their own above
        before = dict(sheet.labels)
        for cells in table.rows:
            _labels(sheet, cells, words)
        if sheet.labels != before or labels_only(table):
            sheet.label_tables.append(table.number)
    _walk(sheet, tables[first:], scored=True)  # a form cut by a page break goes on in the next table
    if sheet.total_weight is None and sheet.total_score is None:
        # Text copied out of a PDF whose cells ran together: the lines read alone, when they confirm themselves.
        lines = _line_sheet(document)
        if lines is not None and lines.unconfirmed is None and (
                lines.total_weight is not None or len(lines.indicators) > len(sheet.indicators)):
            return lines
    if not sheet.indicators and not sheet.funding:
        return None
    _notes(sheet, tables)
    used = {cell.table for row in [*sheet.indicators, *sheet.funding] for cell in row.cells.values()}
    if sheet.grade is None and sheet.total_score is not None:
        sheet.grade = _grade_below(document, sheet.total_score.table)
    # 评价结论 | …, 存在问题 | …, 项目负责人 | … below the form: its closing labels, no table of figures
    sheet.note_tables += [table.number for table in tables[first:] if table.number not in used and labels_only(table)]
    return sheet


def labels_only(table: Table, titles: bool = False) -> bool:
    """Every row of the table begins with a form's label (部门（单位）名称 | …, 评价结论 | …), or with the form's
    title (项目支出绩效自评表 | （2023年度） | …) when `titles`."""
    heads = [next(cell for cell in row if cell.strip()) for row in table.rows if any(cell.strip() for cell in row)]
    return bool(heads) and all(streams.is_label(head) or (titles and _is_title(head)) for head in heads)


def _is_title(text: str) -> bool:
    return any(word in _plain(text) for word in _words()["title"])


def _own_copies(document: SourceDocument) -> list[Table]:
    """The document's tables with rows of their own, for a walk that puts cells back in place."""
    return [Table([list(row) for row in table.rows], table.number, table.section, table.line, table.row_lines,
                  table.row_pages) for table in document.tables]


def _unscored_sheet(document: SourceDocument) -> ScoreSheet | None:
    """A self-evaluation form without 分值 or 得分 (a transfer payment's 全年预算数 | 全年执行数 | 执行率 over
    指标值 | 全年实际值): read when it has the form's 年度资金总额 row and an indicator header with a completion
    column, so that its 执行率 and its parts are checked like a scored form's."""
    words = _words()
    totals = words["funding"]["total"]
    # (the cells' text joined once, each apart from the next, instead of each cell searched for each word)
    if not _has("\0".join(cell for table in document.tables for row in table.rows for cell in row), totals):
        return None
    if not any({"name", "target", "completion"} <= match_columns(row, words["indicator_columns"]).keys()
               for table in document.tables for row in table.rows):
        return None
    sheet = ScoreSheet(document.file)
    tables = _own_copies(document)
    _walk(sheet, tables, scored=False, completed=True)
    if not any(not row.indicator.completion.is_empty for row in sheet.indicators):
        return None
    _notes(sheet, tables)
    return sheet


@lru_cache(maxsize=1)
def _note():
    """A caption's weight: 绩效指标（90分）, 产出指标权重分值50分 (the 一级指标 names of lexicon/levels.yaml)."""
    words = _words()["weight_notes"]
    # Only 产出指标, not 产出: a level cell “产出（40分）” is a level stating its weight (N610), not a note.
    levels = sorted({*(name for name in map(str, lexicon.target_table_words()["level1"]) if name.endswith("指标")),
                     *words["all"]}, key=len, reverse=True)
    fillers = "".join(f"(?:{re.escape(word)})?" for word in words["fillers"])
    return re.compile(rf"(?P<level>{'|'.join(map(re.escape, levels))})[(（]?{fillers}[：:]?\s*"
                      rf"(?P<weight>\d+(?:\.\d+)?)\s*分")


def _notes(sheet: ScoreSheet, tables: list[Table]) -> None:
    """The weights a form's captions state: 绩效指标（90分）; 绩效指标（权重分值90分，其中产出指标权重分值50分，
    效益指标权重分值30分，满意度指标权重分值10分）."""
    for table in tables:
        for number, cells in enumerate(table.rows):
            for index, text in enumerate(cells):
                for match in _note().finditer(normalize_width(text).replace(" ", "")):
                    level = "" if match.group("level") in _words()["weight_notes"]["all"] else \
                        match.group("level").removesuffix("指标")
                    if level not in sheet.notes:
                        sheet.notes[level] = (Decimal(match.group("weight")),
                                              _cell(table, number, index, [""] * len(cells)))


def read_targets(document: SourceDocument) -> ScoreSheet | None:
    """A project's target form (项目支出绩效目标表) — or its self-evaluation form, whose targets are the
    same — for `narrator import --form 项目`: labels, 年度总体目标, 资金 rows and indicators with their
    指标值 (and 分值 when the form has them); the year from the title. None when it has no indicator header.
    What it reads goes into a draft, so its figures are half-width (《２０２４年度…》 → 《2024年度…》)."""
    sheet = None
    for rows in (_line_rows, readings.block_tables):
        reading = ScoreSheet(document.file)
        _walk(reading, [Table([[half_width_figures(cell) for cell in row] for row in table.rows], table.number,
                              table.section, table.line, table.row_lines, table.row_pages)
                        for table in rows(document)], scored=False)
        if sheet is None or _labelled(reading) > _labelled(sheet):
            sheet = reading  # the reading that finds the indicators and more of the labels (项目名称 / 某项目 a line each)
        if reading.indicators and {"project", "unit"} <= reading.labels.keys():
            sheet = reading
            break
    if not sheet.indicators:
        return None
    sheet.year = _year(document)
    return sheet


def _labelled(sheet: ScoreSheet) -> tuple[bool, bool, int]:
    return bool(sheet.indicators), "project" in sheet.labels, len(sheet.labels)


def _year(document: SourceDocument) -> int | None:
    """The form's year: a line that is only the year (“（2021年度）”), else the title's (…绩效目标表), else the
    first year written (a page's 发布时间 comes before the form's own)."""
    texts = [text for block in document.blocks
             for text in ([block.text] if isinstance(block, Paragraph) else [cell for row in block.rows for cell in row])]
    title = _words()["title"]
    # The last resort is a short line (a page's 发布时间 2021-09-18), never a sentence (对2000年底前建成的小区……).
    for chosen in (lambda text: _YEAR_ONLY.fullmatch(text), lambda text: any(word in text for word in title),
                   lambda text: len(text) <= _SHORT_LINE and not re.search(r"[，。；]", text)):
        found = next((year for text in map(_plain, texts) if chosen(text) and (year := year_in(text))), None)
        if found:
            return found
    return None


def _line_rows(document: SourceDocument) -> list[Table]:
    """Text copied with spaces is a table only from a header on: the rows above it (项目名称 …) are
    paragraphs, read here as space-separated cells. A cell wrapped over lines when copied from a PDF
    (年度总体目标 …支持30 / 0家以上…) goes on in the next line: a line right below a labelled row that
    names nothing the form's rows begin with."""
    words = _words()
    known = [word for key in ("labels", "funding_columns", "indicator_columns")
             for values in words[key].values() for word in values]
    known = tuple(known + [*words["goal"]["labels"], *words["funding"]["total"], *words["funding"]["parts"],
                           *words["funding"]["labels"]])

    def continues(row: list[str], text: str) -> bool:
        return any(_is_label(_plain(cell), words) or _plain(cell) in words["goal"]["labels"] for cell in row) \
            and not any(_has(piece, known) for piece in text.split())

    return readings.line_tables(document, continues)


def _walk(sheet: ScoreSheet, tables: list[Table], scored: bool, completed: bool = False) -> None:
    """Read the form's rows in order. A header starts a part: the 资金 header (全年预算数, 全年执行数 …)
    or the indicator header (三级指标, 指标值 …); on a scored form a header must name 分值 or 得分. A target
    form's 资金 rows have no header: 年度资金总额 | 200, the first figure after the name. `completed`: an
    unscored form whose indicator rows hold completions (read as a scored form's rows are)."""
    words = _words()
    funding: dict[str, int] | None = None
    indicators: dict[str, int] | None = None
    header: list[str] = []
    level1 = level2 = ""
    goal_column: int | None = None
    # The last row with text: where a copy cut off in the middle of the table ends.
    last = next(((table, number) for table in reversed(tables) for number in range(len(table.rows) - 1, -1, -1)
                 if any(cell.strip() for cell in table.rows[number])), None)
    roles: list[str] = []
    above: list[str] = []  # the row above, when it may be the first of a two-row indicator header
    for table in tables:
        for number, cells in enumerate(table.rows):
            _labels(sheet, cells, words)
            _grade(sheet, table, number, cells, words)
            goal_column = _goals(sheet, cells, words, goal_column)
            found = match_columns(cells, words["indicator_columns"])
            if scored and {"name", "target"} <= found.keys() and not {"completion", "weight", "score"} & found.keys() \
                    and above:
                # 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 over 一级指标 | … | 指标值 | 度量单位: one header
                cells = table.rows[number] = _two_row_header(cells, above, words)
                found = match_columns(cells, words["indicator_columns"])
            above = cells if "name" not in found and len({"completion", "weight", "score"} & found.keys()) >= 2 \
                else []
            if ({"name", "target"} <= found.keys() and (
                    not scored or ("completion" in found and {"weight", "score"} & found.keys()))) or (
                    scored and {"name", "weight", "score"} <= found.keys()):  # a scoring table: 评分标准 | 分值 | 得分
                indicators, funding, header, level1, level2 = found, None, cells, "", ""
                roles = indicator_rows.header_roles(cells)
                continue
            found = match_columns(cells, words["funding_columns"])
            if {"budget", "actual"} <= found.keys() and (not scored or {"weight", "score"} & found.keys()):
                funding, indicators, header = found, None, cells
                continue
            if indicators is not None and scored:
                placed = streams.place_row(cells, roles)
                if cells and _plain(cells[0]) in words["total"] and "weight" in roles and \
                        parse_quantity(placed[roles.index("weight")] if roles.index("weight") < len(placed) else "").value is None:
                    placed = cells  # 总分 | 100 | 98.49 taken for a name and its values: placed as a total below
                cells = table.rows[number] = placed
            if any(_plain(cell) in words["total"] for cell in cells):
                label = next((index for index, cell in enumerate(cells) if cell.strip()), 0)
                weight = roles.index("weight") if "weight" in roles else None
                if label and (weight is None or (weight < len(cells) and cells[weight].strip())):
                    label = 0  # 合计's figures already under 分值: the row stays as it is
                if indicators is not None and _plain(cells[label]) in words["total"]:
                    # 合计 | 100 | — | 97.42: the label spans the left columns, the figures begin under 分值 (a label
                    # that a copy's alignment put further right, 总分 under 三级指标, as well)
                    cells = table.rows[number] = streams.total_row(cells[label:], roles)
                _total(sheet, table, number, header, indicators or {})
                indicators = funding = None
                continue
            name = next((cell for cell in cells if _has(cell, words["funding"]["total"] + words["funding"]["parts"])),
                        None)
            if funding is not None:
                # Under the 资金 header a row is named in the columns before its figures (单位资金, 总额),
                # whatever its name; a note further right may name a part (“其他资金包括……”). A row
                # with no figure and no funding name (年度总体目标) ends the part.
                before = [cell for cell in cells[:min(funding.values())] if cell.strip() and money(cell) is None]
                name = before[-1] if before else None  # 项目资金（万元） | 年度资金总额: the caption merged on its left
                if name is not None and not _has(name, words["funding"]["total"] + words["funding"]["parts"]) \
                        and not any(money(cell) is not None for cell in cells):
                    funding = None
                    continue
            if funding is not None or (not scored and indicators is None and name is not None):
                if name is None:
                    continue
                if funding is not None:
                    row_cells = {key: _cell(table, number, index, header) for key, index in funding.items()}
                    _merged_weight(row_cells)
                    rate = row_cells.get("rate")
                    if rate is not None and rate.text.strip() and parse_quantity(rate.text).unit != "%":
                        continue  # 执行率 under a score (10.00): the header's columns are shifted, nothing is placed
                else:  # 年度资金总额 | 200: the first figure after the name
                    after = cells.index(name) + 1
                    amount = next((index for index in range(after, len(cells)) if money(cells[index]) is not None),
                                  None)
                    if amount is None:
                        continue
                    row_cells = {"budget": _cell(table, number, amount, [""] * len(cells))}
                sheet.funding.append(FundingRow(_part_name(_plain(name), words), row_cells,
                                                _has(name, words["funding"]["total"])))
            elif indicators is not None and (scored or completed):
                text = {key: cells[index].strip() if index < len(cells) else "" for key, index in indicators.items()}
                if text.get("level1") and text["level1"] != level1:
                    level1, level2 = text["level1"], ""
                level2 = text.get("level2") or level2
                if not text.get("name") or text["name"] == header[indicators["name"]]:
                    continue
                if (table, number) == last and not (text.get("weight") or text.get("score") or completed):
                    continue  # the last row of a copy cut off before its 分值: its 完成值 may be cut too
                if _LOOSE_FIGURE.search(text["name"]):
                    continue  # “重点工作任务完成率 10 完成率 100%得满分”: a row whose cells ran together, not placed
                target, completion = _with_unit(cells, roles, text.get("target", ""), text.get("completion", ""))
                indicator = Indicator(name=text["name"], target=parse_quantity(target),
                                      level1=level1, level2=level2,
                                      completion=parse_quantity(completion),
                                      reason=text.get("reason", ""),
                                      origin=Origin(sheet.file, f"表{table.number}", number + 1))
                sheet.indicators.append(ScoredIndicator(
                    indicator, {key: _cell(table, number, index, header) for key, index in indicators.items()}))
            elif indicators is not None:
                if indicator_rows.ends_table(cells):
                    indicators = None
                    continue
                if indicator_rows.is_subheader(cells) or not any(cell.strip() for cell in cells):
                    continue
                level1, level2 = _target_row(sheet, table, number, cells, header, level1, level2,
                                             (table, number) == last)


def _target_row(sheet: ScoreSheet, table: Table, number: int, cells: list[str], header: list[str],
                level1: str, level2: str, last: bool) -> tuple[str, str]:
    """One row under a target form's indicator header, read by its columns (`indicator_rows`): an indicator,
    a row naming levels only, or a row that cannot be read (a warning; the table's last row is where a
    copy was cut off). Returns the levels in force after it. A 一级指标 written in the middle of its merged
    cell (产出指标 on the fifth of its rows) is also the 一级指标 of the rows above that have none."""
    roles = indicator_rows.header_roles(header)
    row = indicator_rows.read_row(cells, roles)
    place = _place(table, number)
    if row.get("level1") and row.get("level1") != level1:
        if not level1:
            for scored in reversed(sheet.indicators):
                if scored.indicator.level1:
                    break
                scored.indicator.level1 = row.get("level1")
        else:
            level2 = ""
        level1 = row.get("level1")
    level2 = row.get("level2") or level2
    name = indicator_rows.indicator_name(row.get("name"))
    target, notes = indicator_rows.target_text(row, name)
    filled = " ".join(cell.strip() for cell in cells if cell.strip())
    if not (name and target):
        if last:
            sheet.warnings.append(Notice("import_cut_off", place=place, text=filled))
        elif name:
            sheet.warnings.append(Notice("import_no_target", place=place, name=name))
        elif not (row.get("level1") or row.get("level2")):
            sheet.warnings.append(Notice("import_unplaced", place=place, text=filled))
        return level1, level2
    sheet.warnings += [Notice(code, place=place, **arguments) for code, arguments in notes]
    indicator = Indicator(name=name, target=parse_quantity(target), level1=level1, level2=level2,
                          origin=Origin(sheet.file, f"表{table.number}", number + 1))
    weight = row.get("weight")
    column = roles.index("weight") if "weight" in roles else 0
    line = table.row_lines[number] if number < len(table.row_lines) else None
    sheet.indicators.append(ScoredIndicator(indicator, {"weight": Cell(weight, table.number, number + 1, "", line,
                                                                       column)} if weight else {}))
    return level1, level2


def _with_unit(cells: list[str], roles: list[str], target: str, completion: str) -> tuple[str, str]:
    """指标值 and 完成值 with the row's 度量单位 and comparator (指标性质 or 指标方向: ﹦, ≥) when the form gives
    them columns of their own: 95 | % | ≥ → ≥95%, 95%."""
    fields = {role: cells[index].strip() for index, role in enumerate(roles)
              if role in ("unit", "direction", "nature") and index < len(cells) and cells[index].strip()}
    if not fields:
        return target, completion
    direction = fields.get("direction") or fields.get("nature", "")
    row = indicator_rows.Row({"target": target, "unit": fields.get("unit", ""), "direction": direction})
    target, _ = indicator_rows.target_text(row, "")
    if completion:
        completion, _ = indicator_rows.target_text(indicator_rows.Row({"target": completion,
                                                                       "unit": fields.get("unit", "")}), "")
    return target, completion


def _two_row_header(cells: list[str], above: list[str], words: dict) -> list[str]:
    """The second header row, then the columns of the first that it does not detail: 一级指标 | … | 指标值 |
    度量单位 under 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 gives … | 度量单位 | 实际完成值 | 分值 …"""
    own = match_columns(cells, words["indicator_columns"])
    filled = list(cells)
    while filled and not filled[-1].strip():
        filled.pop()
    more = [cell for cell in above if cell.strip()
            and (match_columns([cell], words["indicator_columns"]).keys() - own.keys())]
    return filled + more


def _merged_weight(cells: dict[str, Cell]) -> None:
    """当年财政拨款 | 7.29 | 7.29 | 7.29 | 100%: the 分值 of a part is merged with the total's, so its 执行率
    stands in the 分值 column."""
    weight, rate = cells.get("weight"), cells.get("rate")
    if weight is not None and rate is not None and not rate.text.strip() and weight.text.strip().endswith("%"):
        cells["rate"], cells["weight"] = weight, Cell("", weight.table, weight.row, "", weight.line, -1, weight.page)


def _place(table: Table, number: int) -> str:
    line = table.row_lines[number] if number < len(table.row_lines) else None
    if line is not None:
        return message("place_line", line=line)
    return message("place_table_row", table=table.number, row=number + 1)


def _goals(sheet: ScoreSheet, cells: list[str], words: dict, column: int | None) -> int | None:
    """年度总体目标 and its 实际完成情况: "年度总体目标 | 预期目标 | 实际完成情况" over a row of values
    (the self-evaluation form), or "年度总体目标 | text" (the target form). Returns the column the next
    row's goal is in, after such a header."""
    split = [part for cell in cells for part in _label_parts(cell, words, words["goal"]["labels"])]
    colon = len(split) > len(cells)  # 年度绩效目标：…… in one piece
    cells = split
    plain = [_plain(cell).rstrip(":") for cell in cells]
    if column is not None:
        if column < len(cells) and not sheet.goal:
            sheet.goal = cells[column].strip()
            result = next((i for i in range(column + 1, len(cells)) if plain[i] and plain[i] != plain[column]), None)
            if result is not None and not sheet.result:
                sheet.result = cells[result].strip()
        return None
    label = next((i for i, text in enumerate(plain) if text in words["goal"]["labels"]), None)
    if label is None or sheet.goal:
        return None
    colon = colon or _plain(cells[label]).endswith(":")  # 年度绩效目标： | ……
    rest = [i for i in range(label + 1, len(cells)) if plain[i] and plain[i] != plain[label]]
    # 预期目标, 年度目标（2024年） beside 中期目标（2024—2026年）: the year's column
    expected = next((i for i in rest if plain[i].startswith(tuple(words["goal"]["expected"]))), None)
    if expected is not None:
        return expected
    if rest:
        # Text copied with spaces splits the goal at its spaces: its pieces are one cell (a merged cell
        # repeated in each column it covers is one too).
        pieces = [cells[i].strip() for i in rest]
        sheet.goal = " ".join(piece for index, piece in enumerate(pieces) if not index or piece != pieces[index - 1])
        if colon:
            sheet.goal = sheet.goal.rstrip("。")  # 年度绩效目标：……服务。 in a line of prose: the goal, as a cell holds it
    return None


def _labels(sheet: ScoreSheet, cells: list[str], words: dict) -> None:
    """项目名称 | 某项目 | 主管部门 | 某局 …: a label's value is the next cell that is not a label (项目名称： | 某项目 and
    项目名称：某项目 as well)."""
    cells = [part for cell in cells for part in _label_parts(cell, words)]
    plain = [_plain(cell).rstrip(":") for cell in cells]
    for index, text in enumerate(plain):
        for key, labels in words["labels"].items():
            if text in labels and key not in sheet.labels:
                value = next((_CODE.sub("", cells[i].strip()) for i in range(index + 1, len(cells))
                              if plain[i] and plain[i] != text and not _is_label(plain[i], words)), "")
                if value:
                    sheet.labels[key] = value


def _label_parts(cell: str, words: dict, labels: list[str] | None = None) -> list[str]:
    """项目名称：某项目 → 项目名称 | 某项目, when what comes before the colon is a label (of `labels` when given)."""
    label, colon, value = normalize_width(cell).partition(":")
    if colon and value.strip() and (_plain(label) in labels if labels is not None else _is_label(_plain(label), words)):
        return [label, value.strip()]
    return [cell]


def _is_label(text: str, words: dict) -> bool:
    return any(text in labels for labels in words["labels"].values())


def _total(sheet: ScoreSheet, table: Table, number: int, header: list[str], indicators: dict[str, int]) -> None:
    """The 总分 row: its 分值 and 得分 under the indicator header's columns; else the numbers in it, in order."""
    if "weight" in indicators or "score" in indicators:
        if "weight" in indicators:
            sheet.total_weight = _cell(table, number, indicators["weight"], header)
        if "score" in indicators:
            sheet.total_score = _cell(table, number, indicators["score"], header)
    else:
        numbers = [index for index, cell in enumerate(table.rows[number]) if money(cell) is not None]
        if numbers:
            sheet.total_score = _cell(table, number, numbers[-1], header)


def _grade_below(document: SourceDocument, table: int) -> Cell | None:
    """The grade on a line of its own just below the form's last table (评价等级：优)."""
    after = next((index for index, block in enumerate(document.blocks)
                  if isinstance(block, Table) and block.number == table), None)
    if after is None:
        return None
    below = document.blocks[after + 1:after + 5]
    for index, block in enumerate(below):
        if isinstance(block, Table):
            return None
        match = line_grade().match(_plain(block.text))
        if match:
            return Cell(match.group("grade"), 0, block.number, "", block.line, 0, block.page)
        following = below[index + 1] if index + 1 < len(below) else None
        if _plain(block.text) in _words()["prose"]["grade"] and isinstance(following, Paragraph) \
                and len(_plain(following.text)) <= 3:
            # 自评等级 / 优: the label and its grade a line each (an HTML form copied a cell a line)
            match = line_grade().match(_plain(block.text) + "：" + _plain(following.text))
            if match:
                return Cell(match.group("grade"), 0, following.number, "", following.line, 0, following.page)
    return None


def _grade(sheet: ScoreSheet, table: Table, number: int, cells: list[str], words: dict) -> None:
    """A grade label (自评等级) and the cell after it."""
    plain = [_plain(cell) for cell in cells]
    for index, text in enumerate(plain):
        if text in words["grade"]:
            value = next((i for i in range(index + 1, len(cells)) if plain[i] and plain[i] != text), None)
            if value is not None:
                sheet.grade = _cell(table, number, value, [""] * len(cells))
            return
