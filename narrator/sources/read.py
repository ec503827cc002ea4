"""Read a report as it was written: paragraphs and tables, in document order.

DOCX files are read with python-docx (merged cells come back repeated). Text files
(`.txt`, `.md`, UTF-8 or GB18030) carry their tables the ways the seeds show:
tab- or space-separated rows, Markdown pipe rows, or one cell per tab-led line
with a blank line between rows. Each block remembers its section heading so
findings can be grouped the way a reviewer reads the report.
"""
from __future__ import annotations

import re
import unicodedata
import zipfile
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from ..core import lexicon
from ..core.errors import NarratorError, message, os_reason
from ..core.quantity import format_decimal
from ..core.textfile import megabytes, read_text_file
from . import glued, kinds, layout, streams
from .memory import InMemory, readable

MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 500
MAX_PART_BYTES = 40 * 1024 * 1024  # one XML part of a DOCX or XLSX, uncompressed
MAX_MEDIA_BYTES = 100 * 1024 * 1024  # one picture or embedded file
MAX_PACKAGE_BYTES = 300 * 1024 * 1024  # all parts together, uncompressed
MAX_PACKAGE_MEMBERS = 10_000
MAX_PARAGRAPH_CHARS = 50_000  # the longest paragraph of the seeds has about 1,500
MAX_SHEET_COLUMNS = 200
MAX_SHEET_ROWS = 100_000
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# 一、… / （一）… / 7、 预算信息 / # Markdown: a heading opens a section.
_HEADING = re.compile(r"^(#{1,6}\s+|[一二三四五六七八九十]+、|\d{1,2}、\s*\S)")
# Markdown emphasis a chatbot writes (**决策指标5项全部达标。**): the words without the marks.
_EMPHASIS = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*|__(\S(?:.*?\S)?)__")
# Paragraphs joined into one line by text extraction are separated by runs of spaces.
_PARAGRAPH_GAP = re.compile(r"[ \u3000]{4,}")
_CELL_GAP = re.compile(r"\t| {2,}|\u3000{2,}")


@dataclass
class Paragraph:
    text: str
    number: int  # 1-based among the document's paragraphs
    section: str = ""
    style: str = ""
    line: int | None = None  # line in a text file
    page: int | None = None  # page of a PDF


@dataclass
class Table:
    rows: list[list[str]]
    number: int  # 1-based among the document's tables
    section: str = ""
    line: int | None = None
    row_lines: list[int | None] = field(default_factory=list)
    row_pages: list[int | None] = field(default_factory=list)  # page of each row in a PDF


@dataclass
class SourceDocument:
    file: str
    blocks: list[Paragraph | Table]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def read_document(path: str | Path | bytes, name: str = "") -> SourceDocument:
    """Read a DOCX, PDF, workbook or text report — a file, or its bytes under its `name` (an upload, a
    draft not yet written); unreadable input raises NarratorError naming the file.

        >>> read_document("自评报告.docx").paragraphs[0].text
        >>> read_document(upload_bytes, "自评报告.docx").tables"""
    path = InMemory(path, name or "report") if isinstance(path, (bytes, bytearray)) else \
        path if isinstance(path, InMemory) else Path(path)
    head = file_head(path, kinds.DOCX | kinds.WORKBOOK)
    suffix = path.suffix.lower()
    if suffix in kinds.PDF or head.startswith(b"%PDF"):
        return read_pdf(path)
    if suffix in kinds.WORKBOOK:
        return read_workbook_document(path)
    if suffix in kinds.DOCX or (head.startswith(b"PK") and suffix not in kinds.TEXT):
        return _read_docx(path)
    if suffix in kinds.TEXT or not suffix:
        return read_text(read_text_file(path), str(path))
    if suffix == kinds.OLD_WORD:
        raise NarratorError("report_old_word", file=path)
    raise NarratorError("report_unknown_extension", file=path, suffix=path.suffix)


def file_head(path: Path, encrypted_suffixes: set[str] = kinds.DOCX) -> bytes:
    """The first bytes of an existing, non-empty file that is not an OLE (encrypted or
    old Office) file; anything else raises NarratorError naming the file."""
    if not path.is_file():
        raise NarratorError("file_missing" if not path.is_dir() else "os_is_folder", file=path)
    try:
        if path.stat().st_size == 0:
            raise NarratorError("report_empty", file=path)
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise NarratorError("file_unreadable", file=path, reason=os_reason(error)) from None
    if head == OLE_SIGNATURE:
        suffix = path.suffix.lower()
        if suffix in kinds.WORKBOOK:
            code = "workbook_encrypted"
        else:
            code = "report_encrypted" if suffix in encrypted_suffixes else "report_old_word"
        raise NarratorError(code, file=path)
    return head


# ---------------------------------------------------------------- normalisation

@lru_cache(maxsize=1)
def _traditional_to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


# A mirror site's conversion to Traditional script may leave each converted character's reading after it
# in brackets: 區(qū)、價(jià). Pinyin carries a tone mark; a bracket cut off at the end of the text ("生態(t")
# is the same noise.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_RUBY = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?:[a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]|[a-zü{_TONED}]*(?=\s*\Z))")


def without_readings(text: str) -> str:
    """Text without the pinyin readings a converter left after characters: 岳陽樓區(qū) → 岳陽樓區."""
    return _RUBY.sub("", text)


def simplified(text: str) -> str:
    """Traditional characters as Simplified (OpenCC t2s), character for character, so offsets into
    the text still point at the same figures (a Word comment is anchored by them)."""
    if text.isascii():
        return text
    converter = _traditional_to_simplified()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    pieces = [converter.convert(character) for character in text]
    return "".join(piece if len(piece) == 1 else character for piece, character in zip(pieces, text))


# ---------------------------------------------------------------- text files

def read_text(text: str, file: str = "") -> SourceDocument:
    """Split extracted text into paragraphs and tables."""
    lines = simplified(without_readings(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [_EMPHASIS.sub(_emphasised, line) if "**" in line or "__" in line else line for line in lines]
    lines = glued.unglue(lines)  # a table whose cells ran together, cut into tab-separated cells
    blocks: list[Paragraph | Table] = []
    state = _Sections()
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
                _check_length(piece, paragraphs, file)
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


def _check_length(text: str, number: int, file: str) -> None:
    if len(text) > MAX_PARAGRAPH_CHARS:
        raise NarratorError("paragraph_too_long", file=file, number=number, length=len(text), limit=MAX_PARAGRAPH_CHARS)


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
        if _HEADING.match(row_block[0].strip()):
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
        and len(lines[index].strip()) <= 20 and not _HEADING.match(lines[index].strip())


class _Sections:
    """Tracks the heading a block stands under."""

    def __init__(self):
        self.section = ""

    def see(self, text: str, style: str = "") -> None:
        if style.lower().startswith(("heading 1", "title")) or (
                not style.lower().startswith("heading 2") and _HEADING.match(text) and len(text) <= 60):
            self.section = re.sub(r"^#{1,6}\s+", "", text).split("：")[0].strip()


# ---------------------------------------------------------------- DOCX

def _read_docx(path: Path) -> SourceDocument:
    return docx_blocks(open_docx(path), str(path))


@dataclass
class DocxPackage:
    """What a check reads of a .docx: the main part's <w:body> and the names of the paragraph styles it
    uses (the style part parsed only when a paragraph names a style)."""

    body: object
    style_names: dict[str, str]


def open_docx(path: Path) -> DocxPackage:
    """The body and style names of `path`; a damaged, encrypted or oversized file raises NarratorError.
    Read from the package's XML directly: python-docx's package model parses every part (the default
    template's 350 KB of styles among them) before the first paragraph is read."""
    from docx.oxml.ns import qn
    from docx.styles import BabelFish
    from lxml import etree

    preflight_package(path, "word/document.xml", "report_not_docx")
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    with _damaged(path, "report_corrupt"), zipfile.ZipFile(readable(path)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"), parser).find(qn("w:body"))
        if body is None:
            raise NarratorError("report_corrupt", file=path, reason=message("report_no_body"))
        used = {element.get(qn("w:val")) for element in body.iter(qn("w:pStyle"))} - {None}
        names: dict[str, str] = {}
        if used and "word/styles.xml" in archive.namelist():
            for style in etree.fromstring(archive.read("word/styles.xml"), parser).iterchildren(qn("w:style")):
                name = style.find(qn("w:name"))
                if style.get(qn("w:styleId")) in used and name is not None:
                    names[style.get(qn("w:styleId"))] = BabelFish.internal2ui(name.get(qn("w:val"), ""))
    return DocxPackage(body, names)


def preflight_package(path: Path, required: str, missing_code: str, corrupt_code: str = "report_corrupt",
                      encrypted_code: str = "report_encrypted") -> None:
    """Refuse a DOCX or XLSX (a ZIP package) before any part is parsed: damaged, encrypted,
    without its main part, or with parts whose declared uncompressed size is above the limits
    (zipfile never inflates a member past the size its header declares)."""
    try:
        with zipfile.ZipFile(readable(path)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise NarratorError(corrupt_code, file=path, reason=str(error) or type(error).__name__) from None
    names = {member.filename for member in members}
    if "EncryptionInfo" in names:
        raise NarratorError(encrypted_code, file=path)
    if required not in names:
        raise NarratorError(missing_code, file=path)
    if len(members) > MAX_PACKAGE_MEMBERS:
        raise NarratorError("package_too_many_parts", file=path, count=len(members), limit=MAX_PACKAGE_MEMBERS)
    total = 0
    for member in members:
        limit = MAX_MEDIA_BYTES if "/media/" in member.filename or "/embeddings/" in member.filename \
            else MAX_PART_BYTES
        if member.file_size > limit:
            raise NarratorError("package_part_too_large", file=path, part=member.filename,
                             size=megabytes(member.file_size), limit=megabytes(limit))
        total += member.file_size
    if total > MAX_PACKAGE_BYTES:
        raise NarratorError("report_too_large", file=path, size=megabytes(total), limit=megabytes(MAX_PACKAGE_BYTES))


def docx_blocks(document, file: str = "", repeat_merged: bool = True) -> SourceDocument:
    """Paragraphs and tables of a DocxPackage (or a python-docx Document), in body order. A merged cell repeats its
    text over the rows and columns it covers, unless `repeat_merged` is False (the target-table
    importer reads a merge's continuation as blank, as in a workbook).

    Reads the body XML directly: python-docx's style and cell proxies look styles and
    merged cells up one at a time, which made reading most of the time of a check."""
    from docx.oxml.ns import qn

    if isinstance(document, DocxPackage):
        body, style_names = document.body, document.style_names
    else:  # a python-docx Document
        body, style_names = document.element.body, {style.style_id: style.name for style in document.styles}
    blocks: list[Paragraph | Table] = []
    state = _Sections()
    paragraphs = tables = 0
    properties_tag, style_tag, value_tag = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
    for element in body.iterchildren():
        if element.tag == qn("w:p"):
            paragraphs += 1
            text = simplified(paragraph_text(element))
            if not text.strip():
                continue
            _check_length(text, paragraphs, file)
            properties = element.find(properties_tag)
            style_element = properties.find(style_tag) if properties is not None else None
            style = style_names.get(style_element.get(value_tag, ""), "") if style_element is not None else ""
            state.see(text.strip(), style)
            blocks.append(Paragraph(text, paragraphs, state.section, style))
        elif element.tag == qn("w:tbl"):
            tables += 1
            blocks.append(Table(_table_rows(element, repeat_merged), tables, state.section))
    return SourceDocument(file, blocks)


@lru_cache(maxsize=1)
def _run_texts() -> tuple[str, str, tuple[str, ...], dict[str, str]]:
    """The run tag, the break tag, the tags of the run children python-docx reads, and the text
    of those that are no w:t."""
    from docx.oxml.ns import qn

    others = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
    return qn("w:r"), qn("w:br"), (qn("w:t"), qn("w:br"), *others), others


def paragraph_text(element) -> str:
    """A <w:p>'s text as python-docx gives it (w:t; w:tab and w:ptab as a tab; a line break or
    w:cr as a newline, a page or column break as nothing; runs inside hyperlinks included),
    read from the XML in one filtered pass instead of an XPath query per run (a w:tab outside a
    run is a tab stop, not text)."""
    run, br, tags, others = _run_texts()
    text_tag = tags[0]
    parts = []
    for node in element.iter(tags):
        tag = node.tag
        if tag == text_tag:
            parts.append(node.text or "")
        elif node.getparent().tag != run:
            continue
        elif tag == br:
            parts.append("\n" if node.get(_BREAK_TYPE, "textWrapping") == "textWrapping" else "")
        else:
            parts.append(others[tag])
    return "".join(parts)


_BREAK_TYPE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type"


@lru_cache(maxsize=1)
def _cell_tags() -> dict[str, str]:
    from docx.oxml.ns import qn

    return {name: qn(f"w:{name}") for name in ("tbl", "tr", "tc", "p", "vMerge", "gridSpan", "val")}


def _table_rows(table, repeat_merged: bool = True) -> list[list[str]]:
    """Cell texts by grid column; a horizontally merged cell is repeated across its span,
    a vertically merged one repeats the text of the cell it continues (both blank without
    `repeat_merged`). Read from the XML directly (the rows, cells and paragraphs python-docx
    would give, without its per-element lookups), in one filtered walk over the elements that
    matter; a table inside a cell is no part of it (the cell keeps its own paragraphs). A paragraph's text is
    read as `paragraph_text` reads it, inline: a call per paragraph doubled the time of a table."""
    tags = _cell_tags()
    run, br, text_tags, others = _run_texts()
    text_tag, row_tag, cell_tag, paragraph_tag = text_tags[0], tags["tr"], tags["tc"], tags["p"]
    merge_tag, span_tag, value_tag = tags["vMerge"], tags["gridSpan"], tags["val"]
    # (the references held keep lxml's proxies, so that the walk meets these same objects)
    inner = {node for nested in table.iterdescendants(tags["tbl"]) for node in nested.iter()}
    rows: list[list[str]] = []
    row: list[str] | None = None
    cell: list | None = None  # [continues a vertical merge, span, its paragraphs' parts]
    parts: list[str] = []

    def close_cell() -> None:
        continued, span, paragraphs = cell
        if continued:
            column = len(row)
            text = rows[-1][column] if rows and column < len(rows[-1]) and repeat_merged else ""
        else:
            texts = ["".join(paragraph) for paragraph in paragraphs]
            text = texts[0] if len(texts) == 1 else "\n".join(texts)
            text = simplified(text.strip()) if text else ""
        row.extend([text] * span if repeat_merged else [text] + [""] * (span - 1))

    for node in table.iter(row_tag, cell_tag, paragraph_tag, merge_tag, span_tag, *text_tags):
        if inner and node in inner:
            continue
        tag = node.tag
        if tag == text_tag:
            parts.append(node.text or "")
        elif tag == paragraph_tag:
            parts = []
            if cell is not None:
                cell[2].append(parts)
        elif tag == cell_tag:
            if cell is not None:
                close_cell()
            cell = [False, 1, []]
        elif tag == row_tag:
            if cell is not None:
                close_cell()
            if row is not None:
                rows.append(row)
            row, cell = [], None
        elif tag == merge_tag:
            if cell is not None:
                cell[0] = node.get(value_tag, "continue") == "continue"
        elif tag == span_tag:
            if cell is not None:
                cell[1] = _span(node.get(value_tag))
        elif node.getparent().tag != run:
            continue  # a tab stop, not text
        elif tag == br:
            parts.append("\n" if node.get(_BREAK_TYPE, "textWrapping") == "textWrapping" else "")
        else:
            parts.append(others[tag])
    if cell is not None:
        close_cell()
    if row is not None:
        rows.append(row)
    return rows


def _span(value: str | None) -> int:
    """A cell's gridSpan: how many columns it covers (a damaged one, "abc", 0 or 100000, counts as one)."""
    return int(value) if value is not None and value.isdigit() and 0 < int(value) <= MAX_SHEET_COLUMNS else 1


# ---------------------------------------------------------------- workbooks

@dataclass
class SheetRow:
    number: int  # the row's number in the sheet
    values: list  # cell values by column, as `cell_value` reads them


def read_workbook(path: Path) -> dict[str, list[SheetRow]]:
    """Every non-empty row of every sheet of an .xlsx, streamed (read-only) so a stray cell at
    XFD1048576 costs nothing; at most MAX_SHEET_COLUMNS columns. A formula saved without its
    result (a file written by a program, never opened in Excel) raises NarratorError naming the cell."""
    import openpyxl

    preflight_package(path, "xl/workbook.xml", "not_a_workbook_part", "not_a_workbook", "workbook_encrypted")
    with _damaged(path, "not_a_workbook"):
        values = openpyxl.load_workbook(readable(path), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(readable(path), read_only=True, data_only=False)
    try:
        with _damaged(path, "not_a_workbook"):
            return _sheets(path, values, formulas)
    finally:
        values.close()
        formulas.close()


def _sheets(path: Path, values, formulas) -> dict[str, list[SheetRow]]:
    """The non-empty rows of each sheet of a workbook opened twice: for values and for formulas."""
    sheets: dict[str, list[SheetRow]] = {}
    for sheet, formula_sheet in zip(values.worksheets, formulas.worksheets):
        rows: list[SheetRow] = []
        width = min(sheet.max_column or MAX_SHEET_COLUMNS, MAX_SHEET_COLUMNS)
        pairs = zip(sheet.iter_rows(max_col=width), formula_sheet.iter_rows(max_col=width))
        blank = None  # openpyxl yields one shared tuple for each missing row
        for number, (cells, formula_cells) in enumerate(pairs, start=1):
            if cells is blank:
                continue
            row = [cell_value(cell) for cell in cells]
            if all(value in (None, "") for value in row):
                blank = cells
                continue
            if number > MAX_SHEET_ROWS:
                raise NarratorError("sheet_too_long", file=path, sheet=sheet.title, row=number, limit=MAX_SHEET_ROWS)
            for column, (value, formula) in enumerate(zip(row, formula_cells), start=1):
                if value is None and isinstance(formula.value, str) and formula.value.startswith("="):
                    from openpyxl.utils import get_column_letter

                    raise NarratorError("formula_not_cached", file=path, sheet=sheet.title, row=number,
                                     cell=f"{get_column_letter(column)}{number}", formula=formula.value)
            rows.append(SheetRow(number, row))
        sheets[sheet.title] = rows
    return sheets


def read_workbook_document(path: Path) -> SourceDocument:
    """A workbook as a report: each sheet one table, its rows as the sheet numbers them (blank rows
    kept empty, so 表N第M行 is the sheet's row M), numbers written plainly, merged cells blank."""
    blocks: list[Paragraph | Table] = []
    for number, (title, sheet_rows) in enumerate(read_workbook(path).items(), start=1):
        rows: list[list[str]] = []
        for sheet_row in sheet_rows:
            rows += [[] for _ in range(sheet_row.number - 1 - len(rows))]
            rows.append([simplified(cell_text(value).strip()) for value in sheet_row.values])
        blocks.append(Table(rows, number, title))
    return SourceDocument(str(path), blocks)


def cell_text(value) -> str:
    """A workbook value as text: a number written plainly (no exponent), None as blank."""
    if isinstance(value, Decimal) and value.is_finite():
        return format_decimal(value)
    return "" if value is None else str(value)


def cell_value(cell):
    """A cell's value: text as written, numbers as Decimal (a percentage cell 0.9603 as "96.03%"),
    dates as they are."""
    value = cell.value
    if isinstance(value, str) or isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        number = Decimal(str(value))
        if number.is_finite() and "%" in (cell.number_format or ""):
            # A cell formatted as a percentage holds 0.9603 for 96.03%.
            return format_decimal((number * 100).normalize()) + "%"
        return number
    if isinstance(value, (datetime, date)):
        return value
    return str(value)


# ---------------------------------------------------------------- PDF

_LIST_START = re.compile(r"^(\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]+、)")
_PAGE_NUMBER = re.compile(r"^[—\-－–\s]*(第\s*)?\d+(\s*页)?[—\-－–\s]*$|^\d+\s*/\s*\d+$")


_DECORATED_PAGE_NUMBER = re.compile(r"^[—\-－–]+\s*\d+\s*[—\-－–]+$|^第\s*\d+\s*页(\s*[，,/／]?\s*共\s*\d+\s*页)?$")


def is_page_number(text: str) -> bool:
    """— 1 —, 第2页: a page's number between the lines of a copied PDF, no content (a bare figure may be a cell)."""
    return bool(_DECORATED_PAGE_NUMBER.match(text.strip()))


def read_pdf(path: Path, repeat_merged: bool = True, pdfium: bool = True) -> SourceDocument:
    """Paragraphs and tables of a PDF with pdfplumber: ruled tables from their lines, the text
    outside them as lines joined into paragraphs (a new paragraph where a line is indented, the
    line before it ends short, or the font size changes), page numbers dropped, a table that
    runs over a page break (its header repeated or not) read as one table. A merged cell repeats
    its text in each row it covers, as a DOCX is read, unless `repeat_merged` is False (the
    target-table importer reads a merge's continuation as blank, as in a workbook). The letters and
    lines come from PDFium (`pdfpage`); with `pdfium` False, from pdfplumber's own pdfminer objects
    (slower; kept to compare against)."""
    import pdfplumber

    from .pdfpage import pdfium_pages  # pdfplumber's page class: loaded with it, for PDFs only

    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise NarratorError("report_too_large", file=path, size=megabytes(size), limit=megabytes(MAX_PDF_BYTES))
    try:
        pdf = pdfplumber.open(readable(path))
    except Exception as error:  # pdfminer raises its own kinds for damaged and encrypted files
        code = "pdf_encrypted" if "password" in type(error).__name__.lower() else "pdf_corrupt"
        raise NarratorError(code, file=path, reason=str(error) or type(error).__name__) from None
    # pdfplumber reads pages lazily: a damaged page fails below, inside `_damaged`.
    try:
        with _damaged(path, "pdf_corrupt"):
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise NarratorError("pdf_too_many_pages", file=path, pages=len(pdf.pages), limit=MAX_PDF_PAGES)
            with pdfium_pages(pdf, path) if pdfium else nullcontext(pdf.pages) as pages:
                items = _pdf_items(pages)
    finally:
        pdf.close()
    items.sort(key=lambda item: (item[0], item[1]))
    return SourceDocument(str(path), _pdf_blocks(items, str(path), repeat_merged))


def _pdf_items(pages) -> list[tuple]:
    """(page, top, kind, payload) for each text line and ruled table of the pages."""
    items = []
    for number, page in enumerate(pages, start=1):
        # Ruling lines are lines or thin rectangles; a filled area (a highlight, a shaded cell)
        # is not one, or a highlighted placeholder would split a cell into two columns.
        tables = page.filter(_not_a_filled_area).find_tables()
        boxes = [table.bbox for table in tables]
        text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
        for line in text_page.extract_text_lines(return_chars=True, x_tolerance_ratio=_WORD_GAP):
            text = simplified(line["text"]).strip()
            if text and not _PAGE_NUMBER.match(text):
                chars = line["chars"]
                items.append((number, line["top"], "line", {
                    "text": text, "x0": line["x0"], "x1": line["x1"], "top": line["top"], "bottom": line["bottom"],
                    "size": round(max(c["size"] for c in chars), 1),
                    "bold": any("bold" in c.get("fontname", "").lower() for c in chars)}))
        for table in tables:
            items.append((number, table.bbox[1], "table", {"cells": _spans_marked(table),
                                                              "bottom": table.bbox[3], "x1": table.bbox[2]}))
    return items


# A gap between two letters is a space only when it is wider than this share of the font size.
# The narrow gap a typesetter puts between Chinese and Latin letters or digits ("指标 54 项",
# about 0.2 em, wider on a justified line) is not in the document the PDF came from; a space typed between the cells
# of a text table ("健全性 健全 健全", 0.5 em, or a space glyph) is.
_WORD_GAP = 0.45


@contextmanager
def _damaged(path: Path, code: str):
    """Any failure of a third-party reader inside becomes NarratorError `code` naming the file:
    pdfminer, openpyxl and lxml each raise their own kinds for a damaged part."""
    try:
        yield
    except NarratorError:
        raise
    except Exception as error:
        raise NarratorError(code, file=path, reason=str(error) or type(error).__name__) from None


def _not_a_filled_area(obj: dict) -> bool:
    return obj.get("object_type") != "rect" or min(obj["width"], obj["height"]) <= 2


def _inside(obj: dict, boxes: list) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _pdf_blocks(items: list, file: str, repeat_merged: bool = True) -> list[Paragraph | Table]:
    lines = [payload for _, _, kind, payload in items if kind == "line"]
    if lines:
        sizes = [line["size"] for line in lines]
        body_size = max(set(sizes), key=sizes.count)
        # The text area: continuation lines start at its left edge (a first line may be indented,
        # a title centred), full lines end at its right edge.
        left = min(line["x0"] for line in lines if line["size"] == body_size)
        right = max([line["x1"] for line in lines if line["size"] == body_size]
                    + [payload["x1"] - body_size for _, _, kind, payload in items if kind == "table"])
        steps = [b["top"] - a["top"] for (pa, _, ka, a), (pb, _, kb, b) in zip(items, items[1:])
                 if ka == kb == "line" and pa == pb and a["size"] == b["size"] == body_size and b["top"] > a["top"]]
        pitch = sorted(steps)[len(steps) // 2] if steps else body_size * 1.5
    blocks: list[Paragraph | Table] = []
    state = _Sections()
    paragraphs = tables = 0
    current: list[str] = []
    start_page = last_page = 0
    last_line: dict = {}
    previous = None

    def flush() -> None:
        nonlocal paragraphs, current
        if current:
            text = "".join(current)
            paragraphs += 1
            _check_length(text, paragraphs, file)
            state.see(text)
            blocks.append(Paragraph(text, paragraphs, state.section, page=start_page))
            current = []

    # The lowest text or table on any page: where the body of a page ends. A table segment that
    # reaches it was cut by the page break, and may have a row broken across the two pages.
    page_bottom = max((payload["bottom"] for _, _, _, payload in items), default=0)
    if not lines:
        pitch = 15.0
    previous_bottom = 0.0
    for page, _, kind, payload in items:
        if kind == "table":
            flush()
            cells = payload["cells"]
            last = blocks[-1] if blocks else None
            joins = isinstance(last, Table) and previous == "table" and last.row_pages[-1] != page
            header = _pdf_table_rows(cells[:1]) if cells else []
            repeated = bool(joins and header and header[0] == last.rows[0])
            rows = _pdf_table_rows(cells, last.rows[-1] if joins and repeat_merged else None,
                                   skip=1 if repeated else 0, repeat_merged=repeat_merged)
            # Cut by the page: it ends within a line of the page's bottom (a row that would not fit
            # whole either moved to the next page or was broken there; the cells tell which).
            previous, cut, previous_bottom = "table", previous_bottom >= page_bottom - pitch, payload["bottom"]
            if not rows:
                continue
            if joins and (repeated or len(rows[0]) == len(last.rows[0])):
                if cut and _continues_row(rows[0], last.rows[-1]):
                    # The last row was broken by the page: its cells go on at the top of this page.
                    last.rows[-1] = [before + after for before, after in zip(last.rows[-1], rows[0])]
                    rows = rows[1:]
                elif repeat_merged and rows:
                    # A group merged over the page break (its 一级/二级 printed on the page before): an empty
                    # cell of the page's first row, left of the row's own text (cells equal to the row above,
                    # as a group carried over, are not its own), in a column that is never empty above
                    # (merged groups read repeated; a table of blank cells keeps its blanks).
                    above = last.rows[-1]
                    _join_wrapped_group(last.rows, rows)
                    for index, cell in enumerate(rows[0][:len(above)]):
                        if cell and cell == above[index]:
                            continue
                        if cell or not all(index < len(row) and row[index] for row in last.rows[1:]):
                            break
                        rows[0][index] = above[index]
                last.rows += rows
                last.row_pages += [page] * len(rows)
            else:
                tables += 1
                blocks.append(Table(rows, tables, state.section, row_pages=[page] * len(rows)))
            continue
        line = payload
        size = char = line["size"]
        starts_new = (
            not current or previous != "line"
            or line["x0"] > left + 0.8 * char  # first-line indent
            or (page == last_page and line["top"] - last_line["top"] > 1.35 * pitch)  # space between paragraphs
            or abs(size - last_line["size"]) > 0.5 or line["bold"] != last_line["bold"]
            or last_line["x1"] < right - 4 * char  # the line before ended well short of the margin
            or (last_line["x1"] < right - 1.5 * char and _LIST_START.match(line["text"]) is not None)
            # A numbered heading stands on a line of its own; "27、28期…" running on is not one.
            or (_HEADING.match(line["text"]) is not None and line["x1"] < right - 4 * char)
        )
        if starts_new:
            flush()
            start_page = page
        last_page = page
        current.append(line["text"])
        last_line = line
        previous = "line"
    flush()
    return blocks


def _join_wrapped_group(before: list[list[str]], rows: list[list[str]]) -> None:
    """A group (二级 of the 自评表) merged over its rows from the last row of a page on: its label, wrapped
    in the narrow column, runs over the page break (负责产学研合 | 作). The short piece at the top of the
    new page goes back on the label, in every row of the group on both pages. A group that began rows
    earlier had room for its label; a level name (效益) is a group of its own; only a column of groups
    (its values repeat) is looked at, never one of values."""

    if len(before) < 3 or not rows:
        return
    above, earlier = before[-1], before[-2]
    for index, piece in enumerate(rows[0][:len(above)]):
        label = above[index]
        if any(rows[0][j] not in ("", above[j]) for j in range(index)):
            break  # past the group columns: the row's own text has begun
        column = [row[index] for row in before[1:] if index < len(row)]
        grouped = len(column) == len(before) - 1 and all(column) and 2 * len(set(column)) <= len(column)
        if not grouped or not piece or not label or piece == label or label == earlier[index] or len(piece) > 3 \
                or piece in lexicon.any_level_name():
            continue
        joined = label + piece
        for row in rows:
            if index < len(row) and row[index] == piece:
                row[index] = joined
            else:
                break
        above[index] = joined


def _continues_row(row: list[str], above: list[str]) -> bool:
    """A row at the top of a page that finishes the row the page break cut: each of its filled
    cells goes on from a filled cell above, and at most half as many cells are filled (the ones
    whose text ran over); a new row fills its own cells."""
    filled = [index for index, text in enumerate(row) if text]
    return bool(filled) and len(row) == len(above) and all(above[index] for index in filled) \
        and 2 * len(filled) <= sum(1 for text in above if text)


_SPANNED = "\x00spanned"  # a cell covered by the one on its left (a horizontal merge)


def _spans_marked(table) -> list[list[str | None]]:
    """pdfplumber's cells, where None means "covered by a merged cell": a covered cell is marked
    `_SPANNED` when the nearest cell on its left reaches over it (merged across), and stays None
    when merged with the cell above."""
    cells = table.extract()
    boxes = [row.cells for row in table.rows]
    lefts: dict[int, float] = {}
    for row in boxes:
        for index, box in enumerate(row):
            if box is not None:
                lefts[index] = min(lefts.get(index, box[0]), box[0])
    for row_cells, row_boxes in zip(cells, boxes):
        reach = None  # the right edge of the last real cell on the left
        for index, box in enumerate(row_boxes):
            if box is not None:
                reach = box[2]
            elif reach is not None and index in lefts and reach > lefts[index] + 1 and index < len(row_cells):
                row_cells[index] = _SPANNED
    return cells


def _pdf_table_rows(cells: list[list[str | None]], carry: list[str] | None = None,
                    skip: int = 0, repeat_merged: bool = True) -> list[list[str]]:
    """A pdfplumber table as text rows. A cell merged with the one above (None) repeats its text,
    as a DOCX vertical merge reads, and one merged with the cell on its left (`_SPANNED`) repeats
    that, as a DOCX horizontal merge reads; a merge continued from the previous page (an empty first cell
    with merged cells below) repeats `carry`, that page's last row. Text wrapped inside a cell is
    joined without the line breaks; a column with no cell at all (a stray ruling line) is dropped. The first `skip` rows (a header repeated on a new page) are left out."""
    width = max((len(row) for row in cells), default=0)
    cells = [list(row) + [None] * (width - len(row)) for row in cells]
    keep = [index for index in range(width) if any(row[index] not in (None, _SPANNED) for row in cells)]
    cells = [[row[index] for index in keep] for row in cells][skip:]
    rows: list[list[str]] = []
    for number, raw in enumerate(cells):
        row = []
        for index, cell in enumerate(raw):
            below = cells[number + 1][index] if number + 1 < len(cells) else ""
            if cell == _SPANNED:
                row.append(row[-1] if row and repeat_merged else "")
            elif cell is None:
                above = rows[-1][index] if rows and index < len(rows[-1]) and repeat_merged else ""
                row.append(above)
            elif cell == "" and below is None and not rows and carry and index < len(carry):
                row.append(carry[index])
            else:
                row.append(simplified(re.sub(r"\s*\n\s*", "", cell).strip()))
        if any(row):
            rows.append(row)
    return rows
