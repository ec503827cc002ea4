"""Checking speed, measured side by side in one run; prints medians.

- One report: `check_file` on seed 002 as a DOCX (reading included), against one plain
  `jieba.lcut` of the same text, alternated run by run. Goal (issue 26): ≤ 1.5 × (issue 13: ≤ 2 ×).
- Size scaling: the same report with its prose repeated 50 times, against the report once.
  Goal (issue 13): ≤ 55 × the time for 50 × the size.
- One hostile sentence of 500 and of 2000 figures (issue 26): goal linear, ≤ 5 × the time for 4 × the
  figures.
- A batch of 40 copies through `check_files` (a process pool over every core), per report.
- Whole single-report CLI runs (interpreter, imports and models included).
"""
from __future__ import annotations

import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx
import docx.text.paragraph
import jieba

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import seed_002_docx  # noqa: E402  (the fixture the tests build from the seed)
from draft import median_time  # noqa: E402  (bench/draft.py: median of timed calls)

from narrator.checking.checker import check_file, check_files  # noqa: E402
from narrator.statements.extract import pipeline  # noqa: E402
from narrator.sources.read import read_document  # noqa: E402

RUNS = 7
COPIES = 40
SCALE = 50


def _text(path: Path) -> str:
    document = read_document(path)
    return "\n".join(b.text if hasattr(b, "text") else "\n".join("\t".join(r) for r in b.rows)
                     for b in document.blocks)


def _scaled(source: Path, target: Path, times: int) -> Path:
    """The report with each prose paragraph written `times` times (its tables once), each copy
    ending in its own label."""
    document = docx.Document(str(source))
    for paragraph in list(document.paragraphs):
        for number in range(times - 1, 0, -1):
            # Each copy differs (a trailing label), so no cache keyed by paragraph text helps.
            element = copy.deepcopy(paragraph._p)
            paragraph._p.addnext(element)
            docx.text.paragraph.Paragraph(element, paragraph._parent).add_run(f"（{number}）")
    document.save(str(target))
    return target


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = seed_002_docx(folder / "seed.docx")
        text = _text(source)
        pipeline()
        jieba.lcut(text)
        check_file(source)
        ratios, checks, cuts = [], [], []
        for _ in range(RUNS):
            start = time.perf_counter()
            result = check_file(source)
            checks.append(time.perf_counter() - start)
            assert len(result.findings) == 2
            start = time.perf_counter()
            jieba.lcut(text)
            cuts.append(time.perf_counter() - start)
            ratios.append(checks[-1] / cuts[-1])
        print(f"text: {len(text)} characters, runs: {RUNS}, cores: {os.cpu_count()}")
        print(f"one report: check {statistics.median(checks) * 1000:.1f} ms, jieba.lcut "
              f"{statistics.median(cuts) * 1000:.1f} ms (medians); ratio {statistics.median(ratios):.2f} × "
              f"(median of per-run ratios; goal ≤ 1.5 ×)")

        big = _scaled(source, folder / "big.docx", SCALE)
        big_text = _text(big)
        check_file(big)
        small_time = median_time(lambda: check_file(source))
        big_time = median_time(lambda: check_file(big), 3)
        print(f"{SCALE} × the prose: {len(big_text) / len(text):.1f} × the text, check {big_time:.2f} s against "
              f"{small_time * 1000:.1f} ms: {big_time / small_time:.1f} × the time (goal ≤ 55 ×)")

        times = {}
        for figures in (500, 2000):
            hostile = folder / f"hostile{figures}.txt"
            hostile.write_text("一、年度履职目标完成情况\n" + "，".join(
                f"拥有高新技术企业数{15000 + index}家（目标（{index}家" for index in range(figures)) + "。\n",
                encoding="utf-8")
            times[figures] = median_time(lambda: check_file(hostile), 3)
        print(f"one sentence of 500 / 2000 figures: {times[500]:.2f} s / {times[2000]:.2f} s: "
              f"{times[2000] / times[500]:.1f} × the time for 4 × the figures (goal ≤ 5 ×)")

        copies = []
        for index in range(COPIES):
            copy = folder / f"report{index:02d}.docx"
            shutil.copy(source, copy)
            copies.append(copy)
        batch = median_time(lambda: list(check_files(copies)), 3) / COPIES
        print(f"batch of {COPIES}: {batch * 1000:.1f} ms per report (median, pool start included)")

        cli = median_time(lambda: subprocess.run([sys.executable, "-m", "narrator", "check", str(source)],
                                                  capture_output=True, check=False), 5)
        print(f"single-report CLI run: {cli:.2f} s (median; interpreter, spaCy and jieba loading included)")


if __name__ == "__main__":
    main()
