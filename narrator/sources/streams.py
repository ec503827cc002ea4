"""Tables copied from a web page one cell per line, with nothing that marks where a row ends.

A form pasted from a browser often comes out as a stream of cells:
- each cell on its own line ending in “ |”, an empty cell a line of “|” alone (四川 forms);
- cells separated by lines of “|” alone, a cell's text wrapped over several lines (湖南 scoring tables);
- a line of several pipes (“||||||”) or a blank line where a row ends, in some copies.
Empty cells are kept, but a merged cell appears once: the 一级指标 and 二级指标 of the second row of a
group are missing, and so is a note that spans the rows of the 资金 part. Rows are recovered by the
headers in the stream (三级指标 | 指标值 | 分值 | 得分 …, 年初预算 | 预算执行数 | 执行率 …, led perhaps by a
caption: 绩效指标, 项目资金（万元）, or a name column: 项目): where the copy does not mark rows, the cells
under a header are cut into rows so that each cell fits its column (`indicator_rows` kinds: a level name
in a level column, a figure in 分值, a comparator in 指标性质), a row missing cells only where a merged
cell can be — the levels on its left, notes on its right (dynamic programming over the cells). A row
that lost merged cells is put back under its columns (`place_row`, also for pipe and tab tables), a
合计 / 总分 row with its figures from 分值 on (`total_row`). Labels (项目名称, 主管部门 …) begin rows of
their own. Each part becomes a `Table`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..core import lexicon
from ..core.quantity import normalize_width
from ..core.resources import load_yaml
from .cells import KINDS, cell_fit

_MIN_CELLS = 8  # a stream shorter than this is not taken for a table
_MAX_CELL_LINES = 8  # a cell wrapped over more lines than this is prose, not a cell
_HEADER_CELL = 16  # a header cell is short
_OMIT = -1.5  # each column a row leaves out (a merged cell)
_MISFIT = -2
WEIGHTED = re.compile(r"[(（]\s*\d+(\.\d+)?\s*分\s*[)）]$")  # 投入(15分): a level and its weight


@dataclass
class StreamCell:
    text: str
    line: int  # 1-based line of its first text


@dataclass
class Stream:
    cells: list[StreamCell]
    end: int  # index of the first line after the stream
    rows_marked: bool  # the copy marks where rows end (“||||”)
    row_ends: set[int]  # indexes of the cells that end a row, when marked
    cut_off: bool = False  # nothing but blank lines after it: a copy that may stop in the middle of a row


def _only_pipes(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and set(stripped) <= {"|", " "}


def _ends_with_pipe(line: str) -> bool:
    """A cell of the first kind: text, then one pipe at the end of the line."""
    stripped = line.strip()
    return stripped.endswith("|") and stripped.count("|") == 1


def read_stream(lines: list[str], index: int) -> Stream | None:
    """The cell stream that starts at lines[index], or None when none does."""
    stream = _piped_cells(lines, index) or _separated_cells(lines, index) or _bare_cells(lines, index)
    if stream is not None:
        stream.cut_off = not any(line.strip() for line in lines[stream.end:])
    return stream


def _piped_cells(lines: list[str], index: int) -> Stream | None:
    """Each line one cell ending in “|”; a line of pipes only ends a row."""
    cells: list[StreamCell] = []
    ends: set[int] = set()
    position = index
    while position < len(lines):
        line = lines[position]
        if _ends_with_pipe(line) or line.strip() == "|":
            cells.append(StreamCell(line.strip()[:-1].strip(), position + 1))
        elif _only_pipes(line) and cells:
            ends.add(len(cells) - 1)
        elif not line.strip() and cells and position + 1 < len(lines) and \
                (_ends_with_pipe(lines[position + 1]) or _only_pipes(lines[position + 1])):
            pass
        else:
            break
        position += 1
    if len(cells) < _MIN_CELLS or not _ends_with_pipe(lines[index]):
        return None
    ends.discard(len(cells) - 1)
    return Stream(cells, position, bool(ends), ends)


def _separated_cells(lines: list[str], index: int) -> Stream | None:
    """Cells between lines of “|” alone, a cell's text over one line or several."""
    if lines[index].strip() in ("", "|") or "|" in lines[index] or index + 1 >= len(lines) \
            or lines[index + 1].strip() != "|":
        return None  # the first cell is one line: what stands above the table is not a cell
    cells: list[StreamCell] = []
    ends: set[int] = set()
    position = index
    text: list[str] = []
    start = index
    separated = False  # the line before was a “|”: a cell has begun, perhaps empty
    while position < len(lines):
        line = lines[position]
        stripped = line.strip()
        if stripped == "|":
            cells.append(StreamCell("".join(text), start + 1))
            text, start, separated = [], position + 1, True
        elif _only_pipes(line):
            cells.append(StreamCell("".join(text), start + 1))
            ends.add(len(cells) - 1)
            text, start, separated = [], position + 1, False
        elif "|" in stripped or len(text) >= _MAX_CELL_LINES or (not stripped and not text and not separated):
            break
        elif text and separated is False and closing_line(stripped):
            # 填报单位（盖章）…, 注：… right under the last cell: the table's end, and the cell before it is whole
            cells.append(StreamCell("".join(text), start + 1))
            text, start = [], position
            break
        elif stripped:
            text.append(stripped)
            separated = False
        else:  # a blank line: the row ends with the cell before it (empty after a last “|”)
            cells.append(StreamCell("".join(text), start + 1))
            ends.add(len(cells) - 1)
            text, start, separated = [], position + 1, False
            if not _row_follows(lines, position + 1):
                position += 1
                break
        position += 1
    if text and position >= len(lines):
        cells.append(StreamCell("".join(text), start + 1))
    else:
        position = start  # an unclosed cell at the end belongs to what follows
    if len(cells) < _MIN_CELLS:
        return None
    ends.discard(len(cells) - 1)  # the stream's own end marks no row
    return Stream(cells, position, bool(ends), ends)


def _bare_cells(lines: list[str], index: int) -> Stream | None:
    """A cell a line with nothing between rows (一级指标 / 二级指标 / 三级指标 / … / 产出指标 / 数量指标 / …): from a
    header of named columns a line each, up to a blank line, a signature or a line of prose. Its rows are cut by
    how each cell fits its column (`_unmarked`)."""
    cells: list[StreamCell] = []
    position = index
    while position < len(lines):
        stripped = lines[position].strip()
        if not stripped or "|" in stripped or "\t" in stripped or closing_line(stripped) \
                or (len(stripped) > _PROSE_LINE and "。" in stripped[:-1]):
            break
        cells.append(StreamCell(stripped, position + 1))
        position += 1
    header = _header_at(cells, 0) if len(cells) >= _MIN_CELLS else None
    if header is None or len(cells) < 2 * len(header) or any(len(cell.text.split()) > 1 for cell in
                                                              cells[:len(header)]):
        # (a header cell a line, each one word: 一级 二级 年度 实际 / 三级指标 权重 得分 is a PDF's broken header)
        return None  # a header alone (a blank line after it, a cell-a-line table of rows apart) is not this
    return Stream(cells, position, False, set())


_PROSE_LINE = 60  # a line this long with a full stop inside is prose, not a cell


def closing_line(line: str) -> bool:
    """A signature (填报单位（盖章）, 填表人) or a note (注：, 说明：) under a table: not one of its cells."""
    words = load_yaml("lexicon", "project_form.yaml")["target_cells"]
    plain = _plain(line)
    return any(str(word) in plain for word in words["signature"]) or \
        any(plain.startswith(str(word) + mark) for word in words["end"] for mark in ":：")


def _row_follows(lines: list[str], index: int) -> bool:
    """After a blank line, does another row of cells follow — text, then a “|” within a cell's lines?"""
    while index < len(lines) and not lines[index].strip():
        index += 1
    return any(line.strip() == "|" for line in lines[index + 1:index + 1 + _MAX_CELL_LINES])


# ---------------------------------------------------------------- rows

@lru_cache(maxsize=1)
def _words() -> dict:
    data = load_yaml("lexicon", "project_form.yaml")
    stream = data["stream"]
    columns = {key: tuple(map(str, value)) for key, value in data["funding_columns"].items()}
    for key, value in data["target_columns"].items():
        columns.setdefault(key, tuple(map(str, value)))
    labels = {str(word) for group in data["labels"].values() for word in group}
    labels |= {str(word) for word in data["goal"]["labels"]} | {str(word) for word in stream["labels"]}
    labels |= {_plain(str(word)) for word in lexicon.target_table_words()["fields"]}  # a 整体 目标表's labels
    return {"columns": columns, "key_roles": set(stream["key_roles"]), "labels": labels,
            "totals": tuple(map(str, stream["totals"])), "kinds": {**KINDS, **stream["kinds"]},
            "left": set(stream["merged_left"]), "right": set(stream["merged_right"]),
            "name_captions": set(map(str, stream["name_captions"]))}


def column_words() -> dict[str, tuple[str, ...]]:
    """The column words of a form's 资金 and indicator parts, by role (lexicon/project_form.yaml)."""
    return _words()["columns"]


def key_roles() -> set[str]:
    """A header names at least one of these columns."""
    return _words()["key_roles"]


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", normalize_width(text)).lstrip("*")


def _role(text: str, taken: list[str]) -> str:
    plain = _plain(text)
    if not plain or len(plain) > _HEADER_CELL:
        return ""
    return next((key for key, names in _words()["columns"].items()
                 if key not in taken and any(name in plain for name in names)), "")


def _header_at(cells: list[StreamCell], index: int) -> list[str] | None:
    """The roles of a header that starts at cells[index]: three named columns or more in a row, one of
    them a level, a name, a target, a score or a budget column."""
    roles: list[str] = []
    while index + len(roles) < len(cells):
        text = cells[index + len(roles)].text
        role = _role(text, roles)
        if not role and roles and roles[0] in ("budget", "initial") and _role(text, roles[1:]) == roles[0]:
            roles[0], role = "name", roles[0]  # 年度预算数（万元） | 年初预算 | 调整后预算数: the first names the rows
        if not role:
            break
        roles.append(role)
    if not roles and _plain(cells[index].text) in _words()["name_captions"]:
        following = _header_at(cells, index + 1) if index + 1 < len(cells) else None
        return ["name", *following] if following is not None and "name" not in following else None
    if len(roles) < 3 or not set(roles) & _words()["key_roles"]:
        return None
    return roles


def _captioned(cells: list[StreamCell], index: int) -> list[str] | None:
    """A header led by its caption: 绩效指标 | 一级指标 | …, or 项目资金（万元） | (empty) | 年初预算数 | … where
    the caption spans two columns and the rows name themselves in the second."""
    if not _is_label(cells[index].text):
        return None
    for gap in (1, 2):
        if index + gap >= len(cells) or (gap == 2 and _plain(cells[index + 1].text)):
            return None
        header = _header_at(cells, index + gap)
        if header is None:
            continue
        if gap == 2 or header[0] == "level1":
            return [""] + (["name"] if gap == 2 else []) + header
        if "name" not in header and {"budget", "actual"} <= set(header) and not WEIGHTED.search(_plain(cells[index].text)):
            return ["name", *header]  # 资金情况（万元） | 全年预算数 | 全年执行数: the caption names the rows below it
    return None


def is_label(text: str) -> bool:
    """A form's label (项目名称, 主管部门, 部门（单位）名称 …), after which its value stands."""
    return _is_label(text)


def _is_label(text: str) -> bool:
    plain = _plain(text)
    words = _words()
    return bool(plain) and (plain in words["labels"] or re.sub(r"[(（].*?[)）]$", "", plain) in words["labels"])


def _is_total(text: str) -> bool:
    return _plain(text) in _words()["totals"]


def _kind(role: str) -> str:
    return _words()["kinds"].get(role, "any")


def _fit(kind: str, text: str) -> float:
    plain = _plain(text)
    if not plain or plain in ("/", "-", "—", "——", "--"):
        # A row names itself: a blank or a dash where the 三级指标 or a 资金 row's name stands fits badly.
        return -1 if kind == "name" or (kind in ("level1", "level2") and plain) else 0
    if kind in ("level1", "level2") and WEIGHTED.search(plain):
        return 4
    if kind == "name" and WEIGHTED.search(plain):
        return -2
    if kind == "weight" and not re.fullmatch(r"\d+(\.\d+)?", plain):
        return 4 * _MISFIT  # 分值 and 得分 hold figures: a sentence there puts the row in the wrong columns
    return cell_fit(kind, plain)


def _cut(cells: list[StreamCell], roles: list[str]) -> list[tuple[int, list[StreamCell]]]:
    """Cut the cells under a header into rows: each row a run of cells in consecutive columns, from a
    first column (0, or after the levels a merged cell leaves out) to a last (the end, or before the notes
    it leaves out). Dynamic programming over the cells; returns (first column, cells) for each row."""
    words = _words()
    kinds = [_kind(role) for role in roles]
    width = len(roles)
    firsts = _firsts(roles)
    lasts = [width - 1]
    while lasts[-1] > 0 and roles[lasts[-1]] in words["right"]:
        lasts.append(lasts[-1] - 1)
    fits = [[_fit(kind, cell.text) for kind in kinds] for cell in cells]
    count = len(cells)
    worst = float("-inf")
    best = [worst] * (count + 1)
    choice: list[tuple[int, int]] = [(0, 0)] * (count + 1)
    best[0] = 0.0
    for end in range(1, count + 1):
        # The last row of a copy cut off mid-table may stop at any column.
        ends = range(width - 1, -1, -1) if end == count else lasts
        for first in firsts:
            for last in ends:
                length = last - first + 1
                start = end - length
                if length < 1 or start < 0 or best[start] == worst:
                    continue
                score = best[start] + sum(fits[start + k][first + k] for k in range(length)) \
                    + _OMIT * (first + (width - 1 - last if last in lasts else 0))
                if score > best[end]:
                    best[end], choice[end] = score, (start, first)
        if best[end] == worst and best[end - 1] != worst:
            best[end], choice[end] = best[end - 1] + 4 * _OMIT, (end - 1, -1)  # a stray cell: a row of its own
    rows: list[tuple[int, list[StreamCell]]] = []
    end = count
    while end > 0:
        start, first = choice[end]
        rows.append((first, cells[start:end]))
        end = start
    return rows[::-1]


def _firsts(roles: list[str]) -> list[int]:
    """The columns a row may begin with: 0, or after the levels (or an unnamed caption column, 绩效指标)
    a merged cell leaves out."""
    firsts = [0]
    while firsts[-1] < len(roles) - 1 and (roles[firsts[-1]] in _words()["left"] or not roles[firsts[-1]]):
        firsts.append(firsts[-1] + 1)
    return firsts


def place_row(cells: list[str], roles: list[str]) -> list[str]:
    """A row of a pipe, tab or blank-line table that lost merged cells (质量指标 | 项目验收合格率 | ﹦ | 100 …
    under 一级指标 | 二级指标 | 三级指标 | 指标性质 …; a 二级指标 spanning the 三级 column): its cells, in
    order, in the columns where they fit best, each column left out at a cost (dynamic programming).
    A row that ends in a blank cell may end in the last column, or be padded beyond its text; both are
    tried, and the row stays as it is unless one fits better."""
    width = len(roles)
    kinds = [_kind(role) for role in roles]
    filled = list(cells)
    while filled and not filled[-1].strip():
        filled.pop()
    if not filled or len(filled) > width:
        return cells
    as_is = sum(_fit(kind, text) for kind, text in zip(kinds, cells)) if len(cells) <= width else \
        sum(_fit(kind, text) for kind, text in zip(kinds, filled))
    best_score, best_row = as_is, None
    # A row no wider than the header ends in its last column; one padded beyond it ends where its text does.
    for texts, anchored in ((cells, True),) if len(cells) <= width else ((filled, False),):
        if len(texts) >= width:
            continue
        score, row = _aligned(texts, roles, kinds, anchored)
        if score > best_score + 1e-9:
            best_score, best_row = score, row
    if best_row is None:
        return cells
    return best_row + [""] * (len(cells) - width)


def _aligned(texts: list[str], roles: list[str], kinds: list[str], anchored: bool) -> tuple[float, list[str]]:
    width, count = len(roles), len(texts)
    worst = float("-inf")
    # best[i][j]: the first i cells in the first j columns.
    best = [[worst] * (width + 1) for _ in range(count + 1)]
    took = [[False] * (width + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for j in range(1, width + 1):
        for i in range(0, min(j, count) + 1):
            # A merged cell is more often an outer level: leaving out a column costs a little more the
            # further right it stands (预算配置（9分） | 财政供养人员控制率 … is a 二级 under a merged 一级);
            # an indicator row names its indicator: the 三级 column is seldom the merged one.
            cost = _OMIT * (1 + j / 100) * (6 if roles[j - 1] == "name" else 1)
            skip = best[i][j - 1] + (cost if i < count or anchored else 0)
            place = best[i - 1][j - 1] + _fit(kinds[j - 1], texts[i - 1]) if i else worst
            best[i][j], took[i][j] = (place, True) if place > skip else (skip, False)
    row = [""] * width
    i, j = count, width
    while j > 0:
        if i and took[i][j]:
            row[j - 1] = texts[i - 1]
            i -= 1
        j -= 1
    return best[count][width], row


def _padded(first: int, cells: list[StreamCell], width: int) -> list[str]:
    if first < 0:  # a stray cell
        return [cells[0].text] + [""] * (width - 1)
    row = [""] * first + [cell.text for cell in cells]
    return row + [""] * (width - len(row))


def total_row(cells: list[str], roles: list[str]) -> list[str]:
    """A 合计 row of a table whose label spans the left columns (合计 | 100 | — | 97.42 under 一级指标 | 二级指标 |
    三级指标 | 权重 | 评分标准 | 自评得分): its figures put under the columns from 分值 on. A row as wide as the
    header stays as it is."""
    filled = list(cells)
    while filled and not filled[-1].strip():
        filled.pop()
    weight = roles.index("weight") if "weight" in roles else None
    if len(filled) >= len(roles) or (weight is not None and weight < len(cells)
                                     and _figure_or_blank(cells[weight]) and _plain(cells[weight])):
        return cells  # as wide as the header, or its 分值 already under 分值
    return _total_row([StreamCell(text, 0) for text in filled], roles)


def _total_row(cells: list[StreamCell], roles: list[str]) -> list[str]:
    """合计 | 100 | 95 |: the label spans the left columns, the figures begin under 分值 (or stand under the
    last columns when the header has none)."""
    rest = [cell.text for cell in cells[1:]]
    width = len(roles)
    while rest and not rest[-1].strip() and len(rest) >= width:
        rest.pop()
    if "weight" in roles and roles.index("weight") + len(rest) <= width:
        start = roles.index("weight")
        return [cells[0].text] + [""] * (start - 1) + rest + [""] * (width - start - len(rest))
    if width and len(rest) < width:
        return [cells[0].text] + [""] * (width - 1 - len(rest)) + rest
    return [cells[0].text] + rest


def stream_rows(stream: Stream) -> list[tuple[list[list[str]], list[int]]]:
    """The stream as tables: (rows, the line of each row's first cell)."""
    if not stream.rows_marked:
        return _unmarked(stream)
    tables = _marked(stream)
    if stream.cut_off and tables and len(tables[-1][0]) > 1:
        # The copy stops with the stream: a last row with fewer cells than its header (a complete row keeps
        # its empty ones) may be cut inside a cell (“1” of “10”); it is not read.
        rows, _ = tables[-1]
        header = rows[0]
        last = list(rows[-1])
        while last and not last[-1].strip():
            last.pop()
        if len(last) < len(header) and not _is_total(rows[-1][0]):
            del tables[-1][0][-1], tables[-1][1][-1]
    return tables


def _unmarked(stream: Stream) -> list[tuple[list[list[str]], list[int]]]:
    """Rows of a stream that does not mark where they end: cut under each header (`_cut`)."""
    cells = stream.cells
    tables: list[tuple[list[list[str]], list[int]]] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    index = 0
    roles: list[str] | None = None

    def flush() -> None:
        nonlocal rows, lines
        if rows:
            tables.append((rows, lines))
        rows, lines = [], []

    while index < len(cells):
        header = _header_at(cells, index) or _captioned(cells, index)
        if header is not None:
            flush()
            roles = header
            rows.append([cell.text for cell in cells[index:index + len(header)]])
            lines.append(cells[index].line)
            index = _body(cells, index + len(header), roles, rows, lines)
            continue
        cell = cells[index]
        if _is_total(cell.text):
            end = index + 1
            while end < len(cells) and not (_plain(cells[end].text) and not _figure_or_blank(cells[end].text)):
                end += 1
            rows.append(_total_row(cells[index:end], roles or []))
            lines.append(cell.line)
            index = end
            if roles is not None:  # 合计 first, its parts below (a money table): the body goes on under the header
                index = _body(cells, index, roles, rows, lines)
            continue
        if not _plain(cell.text):
            index += 1
            continue
        if roles is not None:  # a label after the body ends the table above
            flush()
            roles = None
        if _is_label(cell.text) or not rows:
            rows.append([cell.text])
            lines.append(cell.line)
        else:
            rows[-1].append(cell.text)
        index += 1
    flush()
    return tables


def _body(cells: list[StreamCell], index: int, roles: list[str], rows: list[list[str]], lines: list[int]) -> int:
    """Cut the cells from `index` up to the next header, total or label into rows under `roles`, appended to
    `rows` with their `lines`; the index after them."""
    end = index
    while end < len(cells) and not _header_at(cells, end) and not _is_total(cells[end].text) \
            and not _is_label(cells[end].text):
        end += 1
    for first, row_cells in _cut(cells[index:end], roles) if end > index else []:
        rows.append(_padded(first, row_cells, len(roles)))
        lines.append(row_cells[0].line)
    return end


def _figure_or_blank(text: str) -> bool:
    plain = _plain(text)
    return not plain or bool(re.fullmatch(r"[-+]?\d[\d,]*(\.\d+)?%?|[/—-]+", plain))


def _marked(stream: Stream) -> list[tuple[list[list[str]], list[int]]]:
    """Rows the copy marks: the cells up to each “||||” or blank line. A header begins a table; under it, a
    row that lost its merged level cells is put back in its columns (`place_row`), a 合计 row's figures
    from 分值 on. Where the blank lines were empty cells rather than row ends (a header inside a “row”),
    that row is cut at its headers and each part under its header into rows (`_cut`)."""
    marked: list[list[StreamCell]] = []
    row: list[StreamCell] = []
    for number, cell in enumerate(stream.cells):
        row.append(cell)
        if number in stream.row_ends:
            marked.append(row)
            row = []
    if row:
        marked.append(row)
    roles: list[str] | None = None
    tables: list[tuple[list[list[str]], list[int]]] = []
    for cells in marked:
        if not any(_plain(cell.text) for cell in cells):
            continue
        for texts, line, header in _parts(cells, roles):
            if header is not None:
                roles = header
                tables.append(([], []))
            elif roles is not None and _is_total(texts[0]):
                texts = _total_row([StreamCell(text, 0) for text in texts], roles)
            elif roles is not None and len(texts) <= len(roles) and not _is_label(texts[0]):
                texts = place_row(texts, roles)
            if not tables:
                tables.append(([], []))
            tables[-1][0].append(texts)
            tables[-1][1].append(line)
    return tables


def _parts(cells: list[StreamCell], roles: list[str] | None) -> list[tuple[list[str], int, list[str] | None]]:
    """A marked row as rows: itself, or — when a header begins inside it — the cells before it, the header
    (with its roles) and the rest cut under it. Returns (texts, line, roles when a header)."""
    header = _header_at(cells, 0) or _captioned(cells, 0)
    if header is not None and len(header) == len(cells):
        return [([cell.text for cell in cells], cells[0].line, header)]
    first = len(header) if header is not None else 1
    inside = next((index for index in range(first, len(cells)) if _header_at(cells, index) or _captioned(cells, index)),
                  None)
    if inside is None and header is None:
        if roles is not None and len(cells) > len(roles):
            return _under(cells, roles)  # two rows or more, their blank cells taken for a row's end
        return [([cell.text for cell in cells], cells[0].line, None)]
    parts: list[tuple[list[str], int, list[str] | None]] = []
    start = 0
    if header is not None:
        parts.append(([cell.text for cell in cells[:len(header)]], cells[0].line, header))
        roles, start = header, len(header)
    end = inside if inside is not None else len(cells)
    parts += _under(cells[start:end], roles)
    if inside is not None:
        parts += _parts(cells[inside:], roles)
    return parts


def _under(cells: list[StreamCell], roles: list[str] | None) -> list[tuple[list[str], int, list[str] | None]]:
    """Cells between two headers (or after the last), as rows: labels each a row with their values, the rest
    cut under the header (`_unmarked`'s rules)."""
    if not cells:
        return []
    if roles is None:
        return [(row, line, None) for rows, lines in _unmarked(Stream(cells, 0, False, set()))
                for row, line in zip(rows, lines)]
    return [(_padded(first, row_cells, len(roles)), row_cells[0].line, None) for first, row_cells in _cut(cells, roles)]
