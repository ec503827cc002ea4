"""Reading speed (issue 12): the drafted example and seed 002 as DOCX, as PDF (converted by
LibreOffice) and as text, read by `read_document`. Prints medians and the time per 20 PDF pages.

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

from narrator.compose import compose  # noqa: E402
from narrator.evaluate import evaluate  # noqa: E402
from narrator.load import load_report  # noqa: E402
from narrator.read import read_document  # noqa: E402
from narrator.render import convert_to_pdf, write_docx  # noqa: E402


def main() -> None:
    import pdfplumber

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        sources = {"起草示例": write_docx(compose(evaluate(load_report())), folder / "example.docx"),
                   "种子 002": seed_002_docx(folder / "seed002.docx", ruled=True)}
        for name, docx_path in sources.items():
            pdf_path = convert_to_pdf(docx_path, docx_path.with_suffix(".pdf"))
            with pdfplumber.open(pdf_path) as pdf:
                pages = len(pdf.pages)
            docx_time = median_time(lambda: read_document(docx_path))
            pdf_time = median_time(lambda: read_document(pdf_path))
            print(f"{name}：DOCX {docx_time:.3f} s；PDF（{pages} 页）{pdf_time:.3f} s，"
                  f"折合每 20 页 {pdf_time / pages * 20:.2f} s")
        text = next((ROOT / "corpus" / "seeds").glob("002_*.txt"))
        print(f"种子 002 文本：{median_time(lambda: read_document(text)):.4f} s")


if __name__ == "__main__":
    main()
