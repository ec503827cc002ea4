"""Mining and importing speed. Prints medians of several runs:

- `mine()` on the shipped corpus (corpus/seeds) in the library, after a warm-up that loads
  jieba and its dictionary, and a whole `narrator mine` CLI run (process start included);
- `import_targets()` on each 绩效目标表 seed, and a whole `narrator import` CLI run.

Issue 5 asks for the time `narrator mine` takes on the corpus; issue 6 names no goal."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"

from draft import RUNS, median_time  # noqa: E402  (bench/draft.py: median of RUNS timed calls)

from narrator.learn.mine import mine  # noqa: E402
from narrator.recognise.targets import import_targets  # noqa: E402


def main() -> None:
    mine([SEEDS])  # warm-up: jieba's dictionary and narrator's domain words
    library = median_time(lambda: mine([SEEDS]))
    print(f"mine corpus/seeds (library, warm):  median {library * 1000:.1f} ms over {RUNS} runs")
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "patterns.yaml"
        command = [sys.executable, "-m", "narrator", "mine", str(SEEDS), "-o", str(output), "--force"]
        cli = median_time(lambda: subprocess.run(command, check=True, capture_output=True))
        print(f"narrator mine corpus/seeds (CLI):   median {cli:.2f} s over {RUNS} runs")
        for seed in sorted(SEEDS.glob("00[013]_*.txt")):
            took = median_time(lambda: import_targets(seed))
            print(f"import {seed.name} (library):   median {took * 1000:.1f} ms over {RUNS} runs")
        target = Path(folder) / "输入.xlsx"
        command = [sys.executable, "-m", "narrator", "import", str(next(SEEDS.glob("000_*.txt"))),
                   "-o", str(target), "--force"]
        cli = median_time(lambda: subprocess.run(command, check=True, capture_output=True))
        print(f"narrator import 000 (CLI):           median {cli:.2f} s over {RUNS} runs")


if __name__ == "__main__":
    main()
