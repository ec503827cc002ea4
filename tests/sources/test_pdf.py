"""PDF (issue 12): the reports reviewers receive. Each PDF here is a real document converted by
LibreOffice — the drafted example, seed 002 as a unit's DOCX with ruled tables (rows broken
across pages, as Word allows by default), the target tables of seeds 000 and 003, and seed 001
printed from its text (a table of spaced text lines, no ruling) — and each must read as its
source does: the same paragraphs, tables, figures, links, findings and imported indicators."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from narrator.sources import pdfpage
from narrator.checking.checker import check_file
from narrator.cli import main
from narrator.sources.read import read_document, read_pdf
from narrator.drafting.render import convert_to_pdf, soffice
from narrator.recognise.targets import import_targets

from conftest import plant_wrong_figure, seed_002_docx
from test_import import COUNTS, _seed_docx, _seed_path, _summary

pytestmark = pytest.mark.skipif(soffice() is None and not os.environ.get("CI"),
                                reason="LibreOffice 未安装（CI 中必须安装）")

SEED_FINDINGS = [("N103", "全面完成", "3项未达成"), ("N102", "24800项", "24900项")]


def _as_pdf(source: Path) -> Path:
    return convert_to_pdf(source, source.with_suffix(".pdf"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def drafted(folder) -> tuple[Path, Path]:
    path = folder / "示例.docx"
    assert CliRunner().invoke(main, ["draft", "-o", str(path), "--no-check"]).exit_code == 0
    return path, _as_pdf(path)


@pytest.fixture(scope="module")
def seed_pdf(folder) -> tuple[Path, Path]:
    path = seed_002_docx(folder / "002.docx", ruled=True)
    return path, _as_pdf(path)


def _same_reading(docx_path: Path, pdf_path: Path) -> None:
    original, converted = read_document(docx_path), read_document(pdf_path)
    # A PDF keeps no space between Chinese and a figure ("指标 54 项" is typesetting).
    assert [p.text.replace(" ", "") for p in converted.paragraphs] == \
        [p.text.replace(" ", "") for p in original.paragraphs]
    assert [t.rows for t in converted.tables] == [t.rows for t in original.tables]


def _codes(result):
    return [(f.code, f.claimed, f.expected) for f in result.findings]


def test_drafted_report_reads_as_its_docx(drafted):
    docx_path, pdf_path = drafted
    _same_reading(docx_path, pdf_path)
    original, converted = check_file(docx_path), check_file(pdf_path)
    assert (converted.figures, converted.linked, converted.facts) == (original.figures, original.linked,
                                                                      original.facts) == (113, 105, 194)
    assert converted.findings == original.findings == []
    assert [t.row_pages[0] for t in read_document(pdf_path).tables] == [10, 10, 11]


def test_a_planted_wrong_figure_is_found_in_the_pdf_with_its_page(drafted, folder):
    planted = plant_wrong_figure(drafted[0], folder / "改错.docx")
    original, converted = check_file(planted), check_file(_as_pdf(planted))
    assert _codes(converted) == _codes(original) == [("N101", "868.87亿元", "868.78亿元")]
    assert converted.findings[0].context == original.findings[0].context
    # A DOCX counts its empty paragraphs too; a PDF has none, so the page is what places it.
    assert converted.findings[0].location.page == 2
    assert "（PDF第2页）" in converted.findings[0].location.describe()


def test_seed_002_with_rows_broken_across_pages_reads_as_its_docx(seed_pdf):
    docx_path, pdf_path = seed_pdf
    _same_reading(docx_path, pdf_path)
    result = check_file(pdf_path)
    assert _codes(result) == SEED_FINDINGS
    assert (result.figures, result.linked, result.facts) == (61, 56, 194)
    assert [f.location.page for f in result.findings] == [2, 3]
    code = CliRunner().invoke(main, ["check", str(pdf_path)])
    assert code.exit_code == 1 and "正文数字 61 个，与表格对应 56 个，未对应 5 个，发现问题 2 处。" in code.output


@pytest.mark.parametrize("number", ["000", "003"])
def test_target_tables_import_from_pdf_as_from_docx(folder, number):
    docx_path = _seed_docx(number, folder / f"目标表{number}.docx", ruled=True)
    from_pdf, from_docx = import_targets(_as_pdf(docx_path)), import_targets(docx_path)
    assert from_pdf.level_counts() == COUNTS[number]
    assert _summary(from_pdf.report) == _summary(from_docx.report)
    assert (from_pdf.report.unit_name, from_pdf.report.year) == (from_docx.report.unit_name, from_docx.report.year)
    assert [b.initial for b in from_pdf.report.budget_lines] == [b.initial for b in from_docx.report.budget_lines]


def test_a_text_table_printed_to_pdf_imports_as_its_text(folder):
    """Seed 001's target table is spaced text, not a ruled table: printed to PDF, its cells are
    told apart by the width of the gaps (a space, 0.5 em) from the typesetter's gap between a
    figure and a Chinese letter (0.2 em), which is not text."""
    text = folder / "目标表001.txt"
    text.write_bytes(_seed_path("001").read_bytes())
    from_pdf, from_text = import_targets(_as_pdf(text)), import_targets(text)
    assert from_pdf.level_counts() == COUNTS["001"]
    assert _summary(from_pdf.report) == _summary(from_text.report)
    assert (from_pdf.report.unit_name, from_pdf.report.year) == ("苏州市生产力促进中心", 2025)
    assert [(b.name, b.initial, b.half_year_plan) for b in from_pdf.report.budget_lines] == \
        [(b.name, b.initial, b.half_year_plan) for b in from_text.report.budget_lines]
    assert [(f.name, f.amount) for f in from_pdf.report.funding] == [(f.name, f.amount) for f in from_text.report.funding]
    assert from_pdf.warnings == from_text.warnings == []


def test_mine_reads_pdf_reports(seed_pdf, folder):
    output = folder / "词表.yaml"
    result = CliRunner().invoke(main, ["mine", str(seed_pdf[1]), "-o", str(output)])
    assert result.exit_code == 0 and "读取报告 1 份（跳过 0 个文件）" in result.output


def test_a_damaged_pdf_is_a_clear_error(folder):
    path = folder / "损坏.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2 and f"文件 {path}：PDF 文件已损坏，无法读取" in result.output


@pytest.mark.parametrize("source", ["drafted", "seed_pdf"])
def test_pdfium_objects_read_as_pdfminer_objects_do(request, source):
    """PDFium reads the objects (4–5 times faster); pdfplumber still finds the lines and tables.
    The only difference: PDFium folds a space glyph it judges redundant ("7、 预算信息")."""
    pdf_path = request.getfixturevalue(source)[1]
    fast, slow = read_document(pdf_path), read_pdf(pdf_path, pdfium=False)
    assert [(t.rows, t.row_pages) for t in fast.tables] == [(t.rows, t.row_pages) for t in slow.tables]
    assert [(p.text.replace(" ", ""), p.page) for p in fast.paragraphs] == \
        [(p.text.replace(" ", ""), p.page) for p in slow.paragraphs]
    assert len(fast.paragraphs) == {"drafted": 79, "seed_pdf": 55}[source]  # (the drafted: with its 总体评价 heading)


def test_rotated_pages_and_moved_media_boxes(drafted, folder):
    """A media box that does not start at the origin is placed as pdfminer places it; a rotated
    page keeps pdfplumber's own objects."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(drafted[1]))
    left, bottom, right, top = document[0].get_mediabox()
    document[0].set_mediabox(left - 30, bottom - 50, right + 20, top + 10)
    left, bottom, right, top = document[9].get_mediabox()  # the first table's page
    document[9].set_mediabox(left + 10, bottom + 40, right, top + 60)
    document[2].set_rotation(90)
    odd = folder / "旋转.pdf"
    document.save(str(odd))
    document.close()
    import pdfplumber

    with pdfplumber.open(odd) as pdf, pdfpage.pdfium_pages(pdf, odd) as pages:
        kinds = [type(page).__name__ for page in pages]
    assert kinds.count("PdfiumPage") == 13 and kinds[2] == "Page"
    assert read_document(odd).blocks == read_pdf(odd, pdfium=False).blocks
    assert [t.row_pages[0] for t in read_document(odd).tables] == [10, 10, 11]


def test_pdfs_read_from_several_threads_at_once(seed_pdf):
    """PDFium is not thread-safe; the web server reads uploads from a thread pool."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        readings = list(pool.map(lambda _: read_document(seed_pdf[1]), range(8)))
    assert all(reading.blocks == readings[0].blocks for reading in readings)
    assert len(readings[0].tables) == 3


def _one_page_pdf(content: bytes) -> bytes:
    """A one-page PDF drawing `content` with Helvetica-Bold as /F1."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return data + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)


def test_letters_scaled_by_the_text_or_page_matrix_have_their_drawn_size(folder):
    """Twelve points three ways — 12 Tf; 1 Tf with a Tm of 12; 6 Tf on a page scaled by 2 — as
    pdfminer measures them, and the same lines, rectangle and reading."""
    path = folder / "字号.pdf"
    path.write_bytes(_one_page_pdf(
        b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (Size 12) Tj ET BT /F1 1 Tf 12 0 0 12 72 680 Tm (Scaled 12) Tj ET "
        b"q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 320 Td (Page 12) Tj ET Q 0 0 m 100 0 l S 72 600 200 20 re f"))
    import pdfplumber

    with pdfplumber.open(path) as own, pdfplumber.open(path) as pdf, pdfpage.pdfium_pages(pdf, path) as pages:
        (page,) = list(pages)
        assert isinstance(page, pdfpage.PdfiumPage)
        assert [(c["text"], c["size"], round(c["x0"], 2)) for c in page.chars] == \
            [(c["text"], c["size"], round(c["x0"], 2)) for c in own.pages[0].chars]
        assert {c["size"] for c in page.chars} == {12}
        shapes = [[(o["object_type"], o["x0"], o["top"], o["x1"], o["bottom"]) for o in p.lines + p.rects]
                  for p in (page, own.pages[0])]
        assert shapes[0] == shapes[1] == [("line", 0, 792, 100, 792), ("rect", 72, 172, 272, 192)]
    # Three lines of one size, none indented or far short of the others: one paragraph, read alike.
    assert [p.text for p in read_document(path).paragraphs] == ["Size 12Scaled 12Page 12"] == \
        [p.text for p in read_pdf(path, pdfium=False).paragraphs]


def test_a_group_label_wrapped_over_a_page_break_is_joined_back():
    """负责产学研合 | 作: a group merged from the page's last row on, its label wrapped in a narrow column."""
    from narrator.sources.pdf import _join_wrapped_group

    before = [["一级指标", "二级指标", "三级指标", "目标值"],
              ["履职", "负责成果转化", "全市技术合同成交额", "≥660亿元"],
              ["履职", "负责成果转化", "受理成果转化项目", "≥200项"],
              ["履职", "负责成果转化", "技术转移体系建设", "≥200项"],
              ["履职", "负责产学研合", "组织形式多样的产学研活动", "≥15场"]]
    after = [["履职", "作", "科技镇长团各类会议", "≥4场"], ["履职", "作", "科技合作交流活动", "=4场"],
             ["履职", "负责高企管理服务", "高新技术企业的受理", "≥2000家"]]
    _join_wrapped_group(before, after)
    assert before[-1][1] == "负责产学研合作"
    assert [row[1] for row in after] == ["负责产学研合作", "负责产学研合作", "负责高企管理服务"]
    # a new group of its own (效益 after 过程) is left as it is
    levels = [["一级指标", "二级指标"], ["过程", "预算执行"], ["过程", "预算执行"], ["过程", "资产管理"]]
    top = [["效益", "经济效益"]]
    _join_wrapped_group(levels, top)
    assert top == [["效益", "经济效益"]] and levels[-1] == ["过程", "资产管理"]


@pytest.mark.parametrize("unit, name", [(unit, name) for unit in ("zaoyang", "yinan", "qidong")
                                        for name in ("report.txt", "wrong04.txt", "wrong12.txt")])
def test_an_unseen_report_as_docx_and_pdf_checks_as_its_text(folder, unit, name):
    """A held-out report typed into Word (one paragraph a line, a chatbot's Markdown marks kept) and printed to
    PDF: the same findings as its text — none on the correct one, the one edit on the others."""
    import docx

    data = Path(__file__).resolve().parents[1] / "data" / f"statements_{unit}"
    document = docx.Document()
    for line in (data / name).read_text(encoding="utf-8").split("\n"):
        if line.strip():
            document.add_paragraph(line)
    path = folder / f"{unit}_{name}.docx"
    document.save(str(path))
    expected = [(f.code, f.claimed, f.expected) for f in check_file(data / name, data / "unit.yaml").findings]
    for source in (path, _as_pdf(path)):
        assert [(f.code, f.claimed, f.expected) for f in check_file(source, data / "unit.yaml").findings] == expected
