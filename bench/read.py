"""Reading speed (issue 12): the drafted example and seed 002 as DOCX, as PDF (converted by
LibreOffice) and as text, read by `read_document`; and a 20-page PDF made of the two (the
example's 14 pages and seed 002's first 6). Each PDF is also read with pdfplumber's own page
objects (pdfminer), as narrator read PDFs before PDFium, for the ratio. Prints medians.

Goal: a 20-page PDF report read in ≤ 1 s; text and DOCX no slower than before."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import seed_002_docx  # noqa: E402  (the fixture the tests build from the seed)
from draft import median_time  # noqa: E402  (bench/draft.py: median of RUNS timed calls)

from narrator.drafting.compose import compose  # noqa: E402
from narrator.core.evaluate import evaluate  # noqa: E402
from narrator.sources.load import load_report  # noqa: E402
from narrator.sources.read import read_document, read_pdf  # noqa: E402
from narrator.drafting.render import convert_to_pdf, write_docx  # noqa: E402


def joined(first: Path, second: Path, pages: int, path: Path) -> Path:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(first))
    document.import_pages(pypdfium2.PdfDocument(str(second)), list(range(pages - len(document))))
    document.save(str(path))
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        sources = {"起草示例": write_docx(compose(evaluate(load_report())), folder / "example.docx"),
                   "种子 002": seed_002_docx(folder / "seed002.docx", ruled=True)}
        pdfs = {}
        for name, docx_path in sources.items():
            pdfs[name] = convert_to_pdf(docx_path, docx_path.with_suffix(".pdf"))
            print(f"{name}：DOCX {median_time(lambda: read_document(docx_path)):.3f} s")
        pdfs["20 页（示例 + 种子 002）"] = joined(pdfs["起草示例"], pdfs["种子 002"], 20, folder / "twenty.pdf")
        for name, pdf_path in pdfs.items():
            pages = _pages(pdf_path)
            fast, slow = median_time(lambda: read_document(pdf_path)), median_time(lambda: read_pdf(pdf_path, pdfium=False))
            print(f"{name} PDF（{pages} 页）：{fast:.3f} s，折合每 20 页 {fast / pages * 20:.2f} s；"
                  f"pdfminer 读对象 {slow:.3f} s，快 {slow / fast:.1f} 倍")
        text = next((ROOT / "corpus" / "seeds").glob("002_*.txt"))
        print(f"种子 002 文本：{median_time(lambda: read_document(text)):.4f} s")


def _pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


if __name__ == "__main__":
    main()
