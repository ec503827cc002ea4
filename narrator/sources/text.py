"""Text files and copied text (`.txt`, `.md`, UTF-8 or GB18030): paragraphs, and tables the ways people copy
them — tab- or space-separated rows, Markdown pipe rows, one cell per line (`streams`), cells run together
(`glued`), rows of figures under a spaced header (`layout`). Each block remembers its section heading so
findings can be grouped the way a reviewer reads the report. Other readings of the same text: `readings`."""
from __future__ import annotations

import re
import unicodedata

from . import glued, layout, streams
from .document import HEADING, Paragraph, Sections, SourceDocument, Table, check_length, simplified, without_readings


# Markdown emphasis a chatbot writes (**决策指标5项全部达标。**): the words without the marks.
_EMPHASIS = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*|__(\S(?:.*?\S)?)__")


# Paragraphs joined into one line by text extraction are separated by runs of spaces.
_PARAGRAPH_GAP = re.compile(r"[ \u3000]{4,}")
_CELL_GAP = re.compile(r"\t| {2,}|\u3000{2,}")


def read_text(text: str, file: str = "") -> SourceDocument:
    """Split extracted text into paragraphs and tables."""
    lines = simplified(without_readings(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [_EMPHASIS.sub(_emphasised, line) if "**" in line or "__" in line else line for line in lines]
    lines = glued.unglue(lines)  # a table whose cells ran together, cut into tab-separated cells
    blocks: list[Paragraph | Table] = []
    state = Sections()
    index = paragraphs = tables = 0
    # next_text[i]: the first line at or after i that is not blank (len(lines) when none), computed
    # once so a long run of blank lines is not rescanned for every line in it.
    next_text = [len(lines)] * (len(lines) + 1)
    for position in range(len(lines) - 1, -1, -1):
        next_text[position] = position if lines[position].strip() else next_text[position + 1]
    lines.append("")
    while index < len(lines) - 1:
        line = lines[index]
        following = lines[next_text[index + 1]] if index + 1 < len(lines) else ""
        table = None
        stream = _stream_tables(lines, index, tables, state.section)
        if stream is not None:
            stream_tables, index = stream
            blocks += stream_tables
            tables += len(stream_tables)
            continue
        found = _loose_table(lines, index) if line.strip() and "\t" not in line and "|" not in line else None
        if found is None and line.strip() and "\t" not in line and "|" not in line:
            found = _figure_rows(lines, index)
        if found is not None:
            table, index = found
        elif _is_cell_line(line) or (_row_cells(line) and (_row_cells(following) or _is_pipe_separator(following))):
            table, index = _text_table(lines, index)
        if table is not None:
            if table.rows:
                tables += 1
                table.number = tables
                table.section = state.section
                blocks.append(table)
            continue
        pieces = _PARAGRAPH_GAP.split(line.strip())
        if len(pieces) == 2 and streams.is_label(pieces[0]) and pieces[1].strip():
            # 项目名称      城镇老旧小区改造专项补助资金: a form's label and its value, a row of their own
            tables += 1
            blocks.append(Table([[pieces[0].strip(), pieces[1].strip()]], tables, state.section, index + 1,
                                [index + 1]))
            index += 1
            continue
        for piece in pieces:
            piece = piece.strip()
            if piece and not _is_markup(piece):
                piece = re.sub(r"^#{1,6}\s+", "", piece)
                state.see(piece)
                paragraphs += 1
                check_length(piece, paragraphs, file)
                blocks.append(Paragraph(piece, paragraphs, state.section, line=index + 1))
        index += 1
    return SourceDocument(file, blocks)


def _stream_tables(lines: list[str], index: int, numbered: int, section: str) -> tuple[list[Table], int] | None:
    """The tables of a cell stream at `index` (`streams`), numbered after the `numbered` before them."""
    stream = streams.read_stream(lines, index) if lines[index].strip() else None
    if stream is None:
        return None
    tables = [Table(rows, numbered + number, section, row_lines[0], list(row_lines))
              for number, (rows, row_lines) in enumerate(streams.stream_rows(stream), 1)]
    return tables, stream.end


def _emphasised(match: re.Match) -> str:
    return match.group(1) or match.group(2)


def _is_markup(text: str) -> bool:
    return bool(re.fullmatch(r"\[bookmark:[^\]]*\]|[-=*_]{3,}", text))


def _is_cell_line(line: str) -> bool:
    """A one-cell-per-line table: each cell on its own line, led by a tab."""
    return line.startswith("\t") and "\t" not in line[1:]


_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)


def _row_cells(line: str) -> list[str] | None:
    """Cells of a tab/space-separated or pipe row, or None when the line is prose."""
    stripped = line.strip()
    if stripped.count("|") >= 2 and (stripped.startswith("|") or stripped.count("|") >= 3):
        # Pipe rows with or without the outer pipes ("a | b | c", "| a | b |"), ragged or not.
        # The outer pipes, when a row has them, are taken off for the whole table (`_text_table`):
        # "| a | b |" is bordered, "| a | b" starts with an empty cell.
        cells = [_HTML_BREAK.sub("\n", c).strip() for c in stripped.split("|")]  # 目标1：……<br>目标2：…… (Markdown)
        return None if all(re.fullmatch(r":?-{2,}:?", c) for c in cells) else cells
    if "\t" in line.strip("\t") and line.count("\t") >= 2:
        return [c.strip() for c in line.split("\t")]
    cells = [c for c in _CELL_GAP.split(stripped) if c]
    if len(cells) >= 3:
        short = sum(len(c) <= 30 and "。" not in c for c in cells)
        if short * 2 > len(cells) and all(len(c) <= 80 for c in cells):
            return cells
    return None


def _text_table(lines: list[str], index: int) -> tuple[Table, int]:
    """Read a table starting at `index`; return it and the index after it."""
    rows: list[list[str]] = []
    row_lines: list[int | None] = []
    start = index
    if _is_cell_line(lines[index]):
        row: list[str] = []
        row_start = index
        while index < len(lines):
            line = lines[index]
            if line.startswith("\t"):
                if not row:
                    row_start = index
                row.append(line[1:].strip())
            elif line.strip():
                if not row and not _continues_table(lines, index):
                    break
                if row:
                    row[-1] = (row[-1] + line.strip()) if row[-1] else line.strip()
                else:
                    row, row_start = [line.strip()], index
            else:
                if row and any(row):
                    rows.append(row)
                    row_lines.append(row_start + 1)
                row = []
                if not _continues_table(lines, index + 1):
                    index += 1
                    break
            index += 1
        if row and any(row):
            rows.append(row)
            row_lines.append(row_start + 1)
        _join_split_header(rows, row_lines)
    else:
        # A bordered table (“| a | b |”) whose cell holds a line break goes on in lines that do not start
        # with a pipe (“| 项目名称 |” / “2020年…自评表 |” / “||||||”): they are joined to the row above.
        first = lines[index].strip()
        bordered = first.startswith("|") and first.endswith("|")
        texts: list[str] = []
        while index < len(lines):
            stripped = lines[index].strip()
            if _is_pipe_separator(lines[index]):
                index += 1
                continue
            if bordered and stripped == "|":  # a row whose first cell goes on below
                texts.append(stripped)
                row_lines.append(index + 1)
                index += 1
                continue
            if bordered and texts and stripped.endswith("|") and (
                    not stripped.startswith("|") or _only_pipes(stripped) or texts[-1] == "|"):
                texts[-1] += " " + stripped
                index += 1
                continue
            if _row_cells(lines[index]) is None:
                break
            texts.append(lines[index])  # tabs kept: a tab-separated row may begin with an empty cell
            row_lines.append(index + 1)
            index += 1
        rows = [_row_cells(text) or [text.strip("| ")] for text in texts]
        _strip_pipe_borders(rows, [text.strip() for text in texts])
        _under_caption(rows)
    return Table(rows, 0, line=start + 1, row_lines=row_lines), index


_RULE_LINE = re.compile(r"[-=─━—_+| ]{5,}")
_LOOSE_GAP = re.compile(r"[ \u3000\t]+")
_HEADER_LINES = 8  # a header wrapped over more lines than this is not looked for
_HEADER_CHARS = 300
_HEADER_CELL_CHARS = 40  # the longest header cell on a line of its own (上年度结转及当年预算追加追减数（万元）: 20)


def _pieces(text: str) -> list[str]:
    return [piece for piece in _LOOSE_GAP.split(text.strip()) if piece]


def _block(lines: list[str], index: int, limit: int | None = None) -> list[str]:
    """The lines from `index` up to the next blank line (at most `limit`)."""
    end = index
    while end < len(lines) and lines[end].strip() and (limit is None or end - index < limit):
        end += 1
    return lines[index:end]


def _loose_table(lines: list[str], index: int) -> tuple[Table, int] | None:
    """A table whose cells are separated by single spaces or line breaks only, as text copied from a
    PDF or a web page gives it, found by its header (`layout.header_columns`). Its rows are:
    - one per line, when the header is one line with more lines right under it;
    - one per block of lines between blank lines otherwise; a cell wrapped over several lines is
      joined back without a space, as is a header wrapped over several lines;
    - one cell per line, when the header has one cell per line.
    Empty cells left no trace, so each row is aligned to the columns (`layout.align_rows`)."""
    block = _block(lines, index, _HEADER_LINES)
    if len(block[0]) > _HEADER_CHARS or any("|" in line for line in block) or \
            not layout.may_be_header("".join(block)):
        return None  # a header with pipes is a pipe table's or a cell stream's
    first = _pieces(block[0])
    joined = _pieces("".join(line.strip() for line in block)) if sum(map(len, block)) <= _HEADER_CHARS else []
    # One header cell a line: short labels, never sentences (a run of one-line paragraphs that
    # happen to say 预算、实际、完成 is no header).
    per_line = len(block) >= 3 and all(len(_pieces(line)) == 1 and len(line.strip()) <= _HEADER_CELL_CHARS
                                       and "。" not in line for line in block)
    if per_line:
        header = [line.strip() for line in block]
        columns, mode = layout.header_columns(header), "cells"
    else:
        columns, header, mode = layout.header_columns(first), first, "lines"
        wider = layout.header_columns(joined) if len(block) > 1 and joined else None
        if wider is not None and (columns is None or layout.known(wider) > layout.known(columns)):
            columns, header, mode = wider, joined, "blocks"
    if columns is None or len(header) < 3:
        return None
    start, index = index, index + (1 if mode == "lines" else len(_block(lines, index)))
    if mode == "lines" and not lines[index].strip():
        mode = "blocks"
    rows, row_lines = [], []
    by_place = None  # the first row taken only because its cells stand under header cells (其他资金 — — —)
    while index < len(lines):
        if mode == "lines":
            if not lines[index].strip():
                break
            if _RULE_LINE.fullmatch(lines[index].strip()):
                index += 1  # ------------ under the header or over 合计: a rule, not a row
                continue
            row_block = [lines[index]]
        else:
            while index < len(lines) and not lines[index].strip():
                index += 1
            row_block = _block(lines, index)
            if not row_block:
                break
        if HEADING.match(row_block[0].strip()):
            break
        pieces = [line.strip() for line in row_block] if mode == "cells" else \
            _pieces("".join(line.strip() for line in row_block))
        exact = mode == "cells" and len(pieces) == len(header)  # a cell a line, as many as the header's
        if not exact and not layout.fits(pieces, columns):
            if mode != "lines" or len(_spaced_cells(row_block[0])) < 2 or len(_spaced_cells(lines[start])) < 3 \
                    or _by_position(lines[start], row_block) is None:
                break
            by_place = len(rows) if by_place is None else by_place  # a row of spaced columns short of cells
        rows.append(pieces)
        row_lines.append(index + 1)
        index += len(row_block)
    placed = _by_position(lines[start], [lines[number - 1] for number in row_lines]) if mode == "lines" and rows \
        else None
    if placed is None and by_place is not None:  # the rows do not line up after all: the table ends before that row
        index = row_lines[by_place] - 1
        rows, row_lines = rows[:by_place], row_lines[:by_place]
    if not rows:
        return None
    if placed is not None:
        aligned = [first, *placed]
    elif mode == "cells" and all(len(row) == len(header) for row in rows):
        aligned = [header, *rows]  # a cell a line under each header cell: nothing to align
    else:
        aligned = layout.align_rows(header, columns, rows)
    return Table(aligned, 0, line=start + 1, row_lines=[start + 1, *row_lines]), index


_SPACED_CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a table laid out with spaces: single spaces inside it


def _by_position(header: str, lines: list[str]) -> list[list[str]] | None:
    """The rows of a table laid out in columns of spaces (a plain-text or monospace copy), each cell put under
    the header cell it starts beneath — display width counted, a CJK character two — when every cell of every
    row starts beneath one (±1; a row's first cell anywhere before the second column); None otherwise (a table whose cells do not line up is aligned by its words)."""
    starts = [start for start, _ in _spaced_cells(header)]
    if len(starts) != len(_pieces(header)):
        return None  # a header cell with a space inside: its pieces are not its cells
    rows = []
    for line in lines:
        cells = [""] * len(starts)
        for order, (start, text) in enumerate(_spaced_cells(line)):
            column = next((index for index, at in enumerate(starts) if abs(at - start) <= 1), None)
            if column is None and order == 0 and len(starts) > 1 and start < starts[1] - 1:
                column = 0  # a row's name indented under the first header cell (      上年结转)
            if column is None or cells[column]:
                return None
            cells[column] = text
        rows.append(cells)
    return rows


def _spaced_cells(line: str) -> list[tuple[int, str]]:
    """(display column, text) of each cell of a line laid out with spaces."""
    cells, width, position = [], 0, 0
    line = line.replace("\t", "  ")
    for match in _SPACED_CELL.finditer(line):
        width += _display_width(line[position:match.start()])
        cells.append((width, match.group()))
        width += _display_width(match.group())
        position = match.end()
    return cells


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


_YEAR_WORD = re.compile(r"(19|20)\d\d年(度)?")
_FIGURE_PIECE = re.compile(r"[-+]?[\d,]*\.?\d+%?|[-—/]+")
_MIN_FIGURE_ROWS = 3


def _header_piece(piece: str) -> bool:
    return not re.search(r"\d", _YEAR_WORD.sub("", piece)) and len(piece) <= 12


def _figure_row(line: str) -> bool:
    pieces = _pieces(line)
    return len(pieces) >= 3 and not _FIGURE_PIECE.fullmatch(pieces[0]) and \
        all(_FIGURE_PIECE.fullmatch(piece) for piece in pieces[1:])


def _figure_rows(lines: list[str], index: int) -> tuple[Table, int] | None:
    """A money table copied out of a PDF with single spaces (“合计 28.60 24.37 26.85 -2.48 -9.24”), whose
    header the column words do not give (“项目 2023年 2023年 2022年 增减额 增减率” over “预算数 决算数 决算数
    （%）”): a header line of short words, perhaps a second one under it, then three rows or more of a name
    and figures. A second header line is read into the columns from the second on."""
    header = _pieces(lines[index])
    if len(header) < 3 or not all(_header_piece(piece) for piece in header):
        return None
    start, position = index, index + 1
    second = _pieces(lines[position]) if position < len(lines) else []
    if second and len(second) < len(header) and all(_header_piece(piece) for piece in second) and \
            not _figure_row(lines[position]):
        header = [header[0]] + [cell + (second[i - 1] if i - 1 < len(second) else "") for i, cell in
                                enumerate(header[1:], 1)]
        position += 1
    rows, row_lines = [], []
    while position < len(lines) and _figure_row(lines[position]):
        pieces = _pieces(lines[position])
        rows.append(pieces + [""] * (len(header) - len(pieces)) if len(pieces) <= len(header) else pieces)
        row_lines.append(position + 1)
        position += 1
    if len(rows) < _MIN_FIGURE_ROWS or any(len(row) > len(header) for row in rows):
        return None
    return Table([header, *rows], 0, line=start + 1, row_lines=[start + 1, *row_lines]), position


def _strip_pipe_borders(rows: list[list[str]], texts: list[str]) -> None:
    """Outer pipes are borders when every pipe row of the table has them ("| a | b |"); when only
    some rows start (or end) with one, those rows start (or end) with an empty cell."""
    piped = [(row, text) for row, text in zip(rows, texts) if "|" in text]
    if not piped:
        return
    leading = all(text.startswith("|") for _, text in piped)
    trailing = all(text.endswith("|") for _, text in piped)
    for row, _ in piped:
        if trailing and row:
            del row[-1]
        if leading and row:
            del row[0]


def _join_split_header(rows: list[list[str]], row_lines: list[int | None]) -> None:
    """Text extraction sometimes breaks the header row at a blank line inside a cell
    (seed 002's 年度重点任务): two short rows that together are as wide as the body."""
    if len(rows) < 3:
        return
    body = [len(row) for row in rows[2:]]
    width = max(set(body), key=body.count)
    if len(rows[0]) < width and len(rows[0]) + len(rows[1]) == width:
        rows[0:2] = [rows[0] + rows[1]]
        del row_lines[1]


_FIGURE = re.compile(r"[-+]?[\d,]*\.?\d+%?")


def _under_caption(rows: list[list[str]]) -> None:
    """“资金情况（万元） |  | 全年预算数 | 全年执行数 …” over “年度资金总额 | 32,568.00 | 31,904.26 …”: the caption
    spans two columns whose second is empty, and the rows below name themselves in one cell. A row one cell
    shorter than such a header, named and with a figure next, gets the empty cell back."""
    width = None
    for row in rows:
        filled = len(row)
        while filled and not row[filled - 1].strip():
            filled -= 1
        texts = [cell.strip() for cell in row[:filled]]
        if len(texts) >= 5 and texts[0] and not texts[1] and all(texts[2:]) and \
                not any(_FIGURE.fullmatch(text.replace(" ", "")) for text in texts):
            width = filled
        elif width is not None and len(texts) >= 3 and texts[0] and texts[1] and \
                not _FIGURE.fullmatch(texts[0]) and _FIGURE.fullmatch(texts[1].replace(" ", "")):
            if filled == width - 1:
                row.insert(1, "")
        elif texts and len(texts) >= 3 and all(texts[:3]) and not any(_FIGURE.fullmatch(t) for t in texts[:3]):
            width = None  # another header


def _only_pipes(text: str) -> bool:
    return set(text) <= {"|", " "}


def _is_pipe_separator(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\|(\s*:?-{2,}:?\s*\|)+\s*", line))


def _continues_table(lines: list[str], index: int) -> bool:
    """After blank lines, does the next text still belong to a one-cell-per-line table?
    A line without a tab continues it only when a tab-led cell follows right after."""
    while index < len(lines) and not lines[index].strip():
        if lines[index].startswith("\t"):
            return True
        index += 1
    if index >= len(lines):
        return False
    if lines[index].startswith("\t"):
        return True
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return following == "" and index + 2 < len(lines) and lines[index + 2].startswith("\t") \
        and len(lines[index].strip()) <= 20 and not HEADING.match(lines[index].strip())
