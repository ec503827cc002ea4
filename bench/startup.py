"""Start-up, batches and hostile sizes (issue 16). Prints medians:

- `narrator --help` and a cold single-report `narrator check` (new processes each time),
  beside a bare `python -c "import click"` and the two loads a check cannot avoid
  (`import spacy`, jieba's dictionary), measured in the same run;
- `check_files` over 100 reports with --jobs 1 and --jobs 2 (in-process, models loaded),
  and the whole `narrator check --jobs N` command over the same 100;
- a warm draft of the example (templates compiled, caches filled);
- text check time against text size (1×, 2×, 4× of 0.5 MB) — linear means the ratio
  of times follows the ratio of sizes.

Goals: --help ≤ 0.1 s; cold check ≤ 1.0 s on the issue's machine; --jobs 2 ≥ 1.8× --jobs 1
on 100 reports and never slower; text check linear in size."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from draft import median_time  # noqa: E402  (bench/draft.py: median of RUNS timed calls)

SEED_002 = next((ROOT / "corpus" / "seeds").glob("002_*.txt"))
SEED_003 = next((ROOT / "corpus" / "seeds").glob("003_*.txt"))
RUNS = 5


def median_of(command: list[str], runs: int = RUNS, cwd: str | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, cwd=cwd)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    python = sys.executable
    narrator = [python, "-m", "narrator"]
    print("启动")
    bare = median_of([python, "-c", "import click"], 10)
    helping = median_of(narrator + ["--help"], 10)
    print(f"  python -c 'import click'      {bare:6.3f} s")
    print(f"  narrator --help               {helping:6.3f} s   （比纯 click 多 {helping - bare:+.3f} s）")
    spacy = median_of([python, "-c", "import spacy"])
    jieba = median_of([python, "-c", "import jieba, logging; jieba.setLogLevel(60); jieba.initialize()"])
    # narrator's own load: jieba's dictionary from the SQLite store (narrator/core/wordstore.py) and the domain words
    stored = median_of([python, "-c", "from narrator.core import lexicon; lexicon.load_dictionary()"])
    # narrator's spaCy: the pipeline, spaCy loaded without its command line (narrator/statements/extract.py)
    own_spacy = median_of([python, "-c", "from narrator.statements.extract import pipeline; pipeline()"])
    cold = median_of(narrator + ["check", str(SEED_002)])
    print(f"  import spacy                  {spacy:6.3f} s")
    print(f"  narrator 的 spaCy 流水线       {own_spacy:6.3f} s   （不载入 spaCy 的命令行部分，含 jieba 词典）")
    print(f"  jieba 词典（jieba 自己的缓存）  {jieba:6.3f} s")
    print(f"  jieba 词典（narrator 按需查词）  {stored:6.3f} s")
    print(f"  narrator check（冷启动，1 份）  {cold:6.3f} s   （目标 ≤ 1.0 s）")

    from narrator.checking.checker import check_files, pipeline

    pipeline()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(50):
            for seed in (SEED_002, SEED_003):
                path = Path(folder) / f"{seed.stem}-{index:02d}.txt"
                shutil.copy(seed, path)
                paths.append(path)
        print(f"批量（{len(paths)} 份，本机 {os.cpu_count()} 核）")
        serial = median_time(lambda: list(check_files(paths, jobs=1)))
        pooled = median_time(lambda: list(check_files(paths, jobs=2)))
        print(f"  check_files --jobs 1          {serial:6.3f} s")
        print(f"  check_files --jobs 2          {pooled:6.3f} s   加速 {serial / pooled:.2f}×")
        whole1 = median_of(narrator + ["check", *map(str, paths), "--jobs", "1"], 3)
        whole2 = median_of(narrator + ["check", *map(str, paths), "--jobs", "2"], 3)
        print(f"  narrator check --jobs 1       {whole1:6.3f} s")
        print(f"  narrator check --jobs 2       {whole2:6.3f} s   加速 {whole1 / whole2:.2f}×（含启动）")
        few = paths[:4]
        few1 = median_time(lambda: list(check_files(few, jobs=1)))
        few2 = median_time(lambda: list(check_files(few, jobs=2)))
        print(f"  4 份 --jobs 1 / --jobs 2       {few1:6.3f} s / {few2:.3f} s（少量报告不开进程池）")

        from narrator.checking.checker import check_file

        text = SEED_002.read_text(encoding="utf-8")
        print("文本大小与核对时间")
        base = None
        for factor in (1, 2, 4):
            path = Path(folder) / f"big{factor}.txt"
            path.write_text(text * (30 * factor), encoding="utf-8")
            elapsed = median_time(lambda: check_file(path))
            base = base or elapsed
            print(f"  {path.stat().st_size / 1e6:5.2f} MB   {elapsed:6.2f} s   时间比 {elapsed / base:.2f}（大小比 {factor}）")

    from narrator.drafting.compose import compose
    from narrator.core.evaluate import evaluate
    from narrator.sources.load import load_report
    from narrator.drafting.render import docx_bytes

    def draft() -> None:
        docx_bytes(compose(evaluate(load_report())))

    draft()
    print(f"起草示例（热）                   {median_time(draft):6.3f} s")


if __name__ == "__main__":
    main()
