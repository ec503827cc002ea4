"""Render a composed `Document` as DOCX (GB/T 9704-2012 look) or Markdown, and
convert DOCX to PDF through LibreOffice.

python-docx covers most of it; the XML is touched only where its API stops:
East Asian fonts (w:eastAsia), first-line indent in characters, the repeating
header row, the PAGE field, font fall-backs, and fixed zip timestamps so the
same document gives the same bytes."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from typing import Iterable
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from ..core import lexicon
from ..core.errors import NarratorError
from ..core.output import write_atomically
from .compose import Document, Heading, Paragraph, Table

FIXED_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)
ZIP_TIME = (2000, 1, 1, 0, 0, 0)

# GB/T 9704: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt, 小四 = 12 pt, 五号 = 10.5 pt.
TITLE_FONT, TITLE_SIZE = "方正小标宋简体", Pt(22)
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312"}
BODY_FONT, BODY_SIZE = "仿宋_GB2312", Pt(16)
TABLE_SIZE = Pt(10.5)
PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE = "宋体", Pt(14)
LINE_SPACING = Pt(28)
# When a font is not installed, Word and WPS use the alternative named here.
# Word highlight colours: what must be filled in, and sentences offered from other reports.
PLACEHOLDER_COLOUR, SUGGESTION_COLOUR = "yellow", "lightGray"
FONT_FALLBACKS = {"方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体"}


def set_font(target, name: str, size=None, bold: bool | None = None) -> None:
    """Set a run's or style's font for Latin and Chinese text alike."""
    font = target.font
    font.name = name
    if size is not None:
        font.size = size
    if bold is not None:
        font.bold = bold
    properties = target.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _first_line_chars(paragraph_format_element, chars: int) -> None:
    """First-line indent in characters (w:firstLineChars), so it stays two
    characters whatever the font size."""
    properties = paragraph_format_element.get_or_add_pPr()
    indent = properties.find(qn("w:ind"))
    if indent is None:
        indent = OxmlElement("w:ind")
        properties.append(indent)
    indent.set(qn("w:firstLineChars"), str(chars * 100))
    indent.set(qn("w:firstLine"), str(int(BODY_SIZE.pt * chars * 20)))


def _style(style, font: str, size, spacing, alignment=None, bold: bool | None = None) -> None:
    """Black text in `font`, exact line spacing, no space before or after."""
    set_font(style, font, size, bold=bold)
    style.font.color.rgb = RGBColor(0, 0, 0)
    paragraph_format = style.paragraph_format
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_format.line_spacing = spacing
    paragraph_format.space_before = paragraph_format.space_after = Pt(0)
    if alignment is not None:
        paragraph_format.alignment = alignment


def _styles(docx) -> None:
    styles = docx.styles
    normal = styles["Normal"]
    _style(normal, BODY_FONT, BODY_SIZE, LINE_SPACING, WD_ALIGN_PARAGRAPH.JUSTIFY)
    normal.paragraph_format.widow_control = False

    title = styles["Title"]
    _style(title, TITLE_FONT, TITLE_SIZE, Pt(36), WD_ALIGN_PARAGRAPH.CENTER, bold=False)
    _remove_border(title)

    for level, font in HEADING_FONTS.items():
        heading = styles[f"Heading {level}"]
        _style(heading, font, BODY_SIZE, LINE_SPACING, bold=False)
        heading.font.italic = False
        heading.paragraph_format.keep_with_next = True
        _first_line_chars(heading.element, 2)

    body = styles["Body Text"]
    body.base_style = normal
    body.paragraph_format.space_after = Pt(0)
    _first_line_chars(body.element, 2)

    table_text = styles.add_style("TableText", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = TABLE_SIZE
    table_format = table_text.paragraph_format
    table_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    table_format.first_line_indent = Pt(0)
    table_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _remove_border(style) -> None:
    properties = style.element.get_or_add_pPr()
    border = properties.find(qn("w:pBdr"))
    if border is not None:
        properties.remove(border)


def _page(docx) -> None:
    section = docx.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28) - Mm(7)
    # GB/T 9704: "— 1 —" in 4号宋体, odd pages at the right and even pages at the left, one character in.
    docx.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(footer, alignment) -> None:
    footer.alignment = alignment
    footer.paragraph_format.first_line_indent = Pt(0)
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        footer.paragraph_format.right_indent = PAGE_NUMBER_SIZE
    else:
        footer.paragraph_format.left_indent = PAGE_NUMBER_SIZE
    set_font(footer.add_run("— "), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = footer.add_run("1")
    set_font(run, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    run._r.addprevious(field)
    field.append(run._r)
    set_font(footer.add_run(" —"), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


# A figure never breaks inside a cell: each column is at least as wide as its longest run of
# digits, signs and Latin letters (about 0.6 em each at 五号 in the fonts used) plus the cell margins.
UNBREAKABLE = re.compile(r"[0-9A-Za-z.%‰+\-−≥≤<>=/]+")
HALF_EM = int(TABLE_SIZE.pt * 20 * 0.62)
FULL_EM = int(TABLE_SIZE.pt * 20)
CELL_MARGINS = 2 * 108 + 40


def column_widths(table: Table, usable: int) -> list[int]:
    """Widths in twips: the template's proportions, widened where a figure would not fit and
    taken from the columns that have room to spare."""
    weights = table.widths or (1,) * len(table.headers)
    widths = [usable * w / sum(weights) for w in weights]
    need = [2 * FULL_EM + CELL_MARGINS] * len(widths)  # two characters of a header word at least
    for row in table.rows:
        for column, value in enumerate(row[:len(need)]):
            longest = max((sum(FULL_EM if char in "≥≤" else HALF_EM for char in token)
                           for token in UNBREAKABLE.findall(value)), default=0)
            if longest:
                need[column] = max(need[column], longest + CELL_MARGINS)
    short = sum(max(0, n - w) for n, w in zip(need, widths))
    spare = sum(max(0, w - n) for n, w in zip(need, widths))
    if short and spare >= short:
        widths = [n if n > w else w - (w - n) * short / spare for n, w in zip(need, widths)]
    return [int(w) for w in widths]


def _runs_xml(text: str, bold: bool = False, highlight: str = "") -> str:
    """Runs of a table cell; a 【待补充】 placeholder is highlighted so that nobody submits it."""
    parts = []
    placeholder = lexicon.placeholder_pattern()
    for piece in placeholder.split(text):
        if not piece:
            continue
        marks = ("<w:b/>" if bold else "") + (f'<w:highlight w:val="{highlight or PLACEHOLDER_COLOUR}"/>'
                                              if highlight or placeholder.fullmatch(piece) else "")
        properties = f"<w:rPr>{marks}</w:rPr>" if marks else ""
        parts.append(f'<w:r>{properties}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(parts)


def _add_runs(paragraph, text: str, highlight: str = "") -> None:
    """A body paragraph's text, its placeholders (or the whole of a 【参考表述】) highlighted."""
    placeholder = lexicon.placeholder_pattern()
    for piece in placeholder.split(text):
        if not piece:
            continue
        run = paragraph.add_run(piece)
        colour = highlight or (PLACEHOLDER_COLOUR if placeholder.fullmatch(piece) else "")
        if colour:
            mark = OxmlElement("w:highlight")
            mark.set(qn("w:val"), colour)
            run._r.get_or_add_rPr().append(mark)


def _table(docx, table: Table, keep_last_with_next: bool = False) -> None:
    """Append `table` as one piece of WordprocessingML: full borders (Table Grid),
    fixed column widths, a header row that repeats on every page, and vertical
    merges (w:vMerge) for equal neighbours in `merge_columns`, within their parent
    column's group (二级 within 一级). Built as text and parsed once: python-docx's
    per-cell proxies cost a second for a 300-row table. `keep_last_with_next`: the last
    row stays on the page of what follows (the 落款 never stands alone on a page)."""
    widths = column_widths(table, int(Mm(210 - 28 - 26).twips))
    last = len(table.headers) - 1
    parts = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{docx.styles["Table Grid"].style_id}"/>'
             '<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
             '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
             'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    parts += [f'<w:gridCol w:w="{width}"/>' for width in widths]
    parts.append("</w:tblGrid>")
    previous: list[str] | None = None
    for row_index, values in enumerate([table.headers, *table.rows]):
        header = row_index == 0
        keep = "<w:keepNext/>" if keep_last_with_next and row_index == len(table.rows) else ""
        # No row is broken across a page: a reader (and a PDF of the report) sees each row whole.
        parts.append('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' if header
                     else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for column, value in enumerate(values):
            merge = ""
            if not header and column in table.merge_columns and value:
                continues = previous is not None and all(
                    values[c] == previous[c] for c in table.merge_columns if c <= column)
                merge = "continue" if continues else "restart"
            align = "left" if column == last and len(value) > 12 and not header else "center"
            parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[column]}" w:type="dxa"/>')
            if merge:
                parts.append(f'<w:vMerge w:val="{merge}"/>')
            parts.append(f'<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>{keep}'
                         f'<w:jc w:val="{align}"/></w:pPr>')
            if value and merge != "continue":
                parts.append(_runs_xml(value, bold=header))
            parts.append("</w:p></w:tc>")
        parts.append("</w:tr>")
        previous = None if header else values
    parts.append("</w:tbl>")
    docx.element.body.sectPr.addprevious(parse_xml("".join(parts)))


def _font_fallbacks(docx) -> None:
    """Name an installed alternative for each GB font in word/fontTable.xml."""
    part = docx.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    for name, alternative in FONT_FALLBACKS.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        alt = etree.SubElement(font, qn("w:altName"))
        alt.set(qn("w:val"), alternative)
        charset = etree.SubElement(font, qn("w:charset"))
        charset.set(qn("w:val"), "86")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build_docx(document: Document):
    docx = new_docx()
    _styles(docx)
    _page(docx)
    _font_fallbacks(docx)
    for line in document.title.split("\n"):
        docx.add_paragraph(line, style="Title")
    if document.subtitle:
        docx.add_paragraph(document.subtitle, style="Title")
    docx.add_paragraph("")
    # Style ids set directly: python-docx looks a style up among all styles on every call.
    headings = {level: docx.styles[f"Heading {level}"].style_id for level in HEADING_FONTS}
    body = docx.styles["Body Text"].style_id
    for index, block in enumerate(document.blocks):
        if isinstance(block, Heading):
            paragraph = docx.add_paragraph(block.text)
            paragraph._p.get_or_add_pPr().style = headings[block.level]
        elif isinstance(block, Paragraph):
            paragraph = docx.add_paragraph()
            paragraph._p.get_or_add_pPr().style = body
            _add_runs(paragraph, block.text, SUGGESTION_COLOUR if block.suggestion else "")
            if block.signature:
                paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                paragraph.paragraph_format.first_line_indent = Pt(0)
                paragraph.paragraph_format.space_before = LINE_SPACING  # a blank line above the 落款
        elif isinstance(block, Table):
            following = document.blocks[index + 1] if index + 1 < len(document.blocks) else None
            _table(docx, block, keep_last_with_next=isinstance(following, Paragraph) and following.signature)
    properties = docx.core_properties
    properties.title = document.title.replace("\n", "")
    properties.author = properties.last_modified_by = "narrator"
    properties.created = properties.modified = properties.last_printed = FIXED_TIME
    properties.revision = 1
    properties.comments = properties.keywords = properties.subject = properties.category = ""
    return docx


def docx_bytes(document: Document) -> bytes:
    """The DOCX file, byte-identical for the same document: zip entries in a fixed
    order with a fixed timestamp."""
    buffer = io.BytesIO()
    build_docx(document).save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return output.getvalue()


def write_docx(document: Document, path: str | Path, force: bool = False) -> Path:
    return write_bytes(docx_bytes(document), path, force)


def write_bytes(data: bytes, path: str | Path, force: bool = False, inputs: Iterable = ()) -> Path:
    """A rendered DOCX to `path`, through a temporary file renamed into place; never over one of `inputs`."""
    return write_atomically(path, lambda temporary: temporary.write_bytes(data), force, inputs)


def markdown(document: Document) -> str:
    """A Markdown preview: headings, paragraphs, pipe tables."""
    lines = [f"# {document.title.replace(chr(10), '')}", ""]
    if document.subtitle:
        lines += [document.subtitle, ""]
    for index, block in enumerate(document.blocks):
        if isinstance(block, Heading):
            lines += [f"{'#' * (block.level + 1)} {block.text}", ""]
        elif isinstance(block, Paragraph):
            lines += [block.text, ""]
        else:
            lines.append("| " + " | ".join(block.headers) + " |")
            lines.append("|" + "---|" * len(block.headers))
            for row in block.rows:
                lines.append("| " + " | ".join(cell.replace("|", "｜").replace("\n", " ") for cell in row) + " |")
            lines.append("")
    return "\n".join(lines)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx_path: str | Path, pdf_path: str | Path, force: bool = False, inputs: Iterable = ()) -> Path:
    """DOCX → PDF with LibreOffice in headless mode, into a temporary folder first."""
    program = soffice()
    if program is None:
        raise NarratorError("soffice_missing")
    docx_path = Path(docx_path).resolve()
    with tempfile.TemporaryDirectory(prefix="narrator-pdf-") as work:
        profile = Path(work) / "profile"
        command = [program, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", work, str(docx_path)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300,
                                env=dict(os.environ, HOME=work))
        produced = Path(work) / (docx_path.stem + ".pdf")
        if result.returncode != 0 or not produced.is_file():
            raise NarratorError("pdf_failed", reason=(result.stderr or result.stdout).strip()[:300])
        return write_atomically(pdf_path, lambda temporary: shutil.copyfile(produced, temporary), force, inputs)
