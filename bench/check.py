"""Checking speed: a batch of 40 copies of the seed-002 DOCX through `check_files`
(a process pool over every core), per report, against one plain `jieba.lcut` of the
same text, measured side by side in one run; and whole single-report CLI runs.
Prints medians.

Goals (issue 4): per-report batch time ≤ 5 × jieba.lcut; single-report CLI run under 3 s."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import seed_002_docx  # noqa: E402  (the fixture the tests build from the seed)

from narrator.check import check_files  # noqa: E402
from narrator.lexicon import load_dictionary  # noqa: E402
from narrator.read import read_document  # noqa: E402

RUNS = 5
COPIES = 40


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = seed_002_docx(folder / "seed.docx")
        copies = []
        for index in range(COPIES):
            copy = folder / f"report{index:02d}.docx"
            shutil.copy(source, copy)
            copies.append(copy)
        document = read_document(source)
        text = "\n".join(b.text if hasattr(b, "text") else "\n".join("\t".join(r) for r in b.rows)
                         for b in document.blocks)
        load_dictionary()
        jieba.lcut(text)
        batch, lcut = [], []
        for _ in range(RUNS):
            start = time.perf_counter()
            results = list(check_files(copies))
            batch.append((time.perf_counter() - start) / COPIES)
            assert all(len(r.findings) == 2 for r in results)
            start = time.perf_counter()
            jieba.lcut(text)
            lcut.append(time.perf_counter() - start)
        cli = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "narrator", "check", str(source)], capture_output=True)
            cli.append(time.perf_counter() - start)
        per_report, one_lcut = statistics.median(batch), statistics.median(lcut)
        print(f"cores: {os.cpu_count()}, text: {len(text)} characters, runs: {RUNS}")
        print(f"batch of {COPIES}: {per_report * 1000:.1f} ms per report (median, pool start included)")
        print(f"jieba.lcut of the same text: {one_lcut * 1000:.1f} ms (median)")
        print(f"ratio: {per_report / one_lcut:.2f} × (goal ≤ 5 ×)")
        print(f"single-report CLI run: {statistics.median(cli):.2f} s (median; goal < 3 s)")


if __name__ == "__main__":
    main()
