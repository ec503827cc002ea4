"""Checking a batch against a folder of approved target tables (check --targets 文件夹); prints the time
per report pair at three batch sizes, measured in one run.

Each pair is seed 003 (常州市科学技术局's target table) under another unit name — the target table as
text, the self-evaluation as a DOCX drafted from its import with one target lowered — so that every
report must find its own table among all of them. Goal (issue 29): linear time, i.e. the time per pair
at 300 pairs within 1.5 × the time per pair at 30.

    python bench/targets.py [SIZES…]      # default 30 100 300
"""
from __future__ import annotations

import copy
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from narrator.checking.checker import check_files  # noqa: E402
from narrator.drafting.compose import compose  # noqa: E402
from narrator.core.evaluate import evaluate  # noqa: E402
from narrator.core.quantity import parse_quantity  # noqa: E402
from narrator.drafting.render import docx_bytes  # noqa: E402
from narrator.recognise.targets import import_table  # noqa: E402


def make_pairs(folder: Path, size: int) -> tuple[list[Path], Path]:
    (seed,) = (ROOT / "corpus" / "seeds").glob("003_*.txt")
    text = seed.read_text(encoding="utf-8")
    report = import_table(seed)[1].report
    tables = folder / "目标表"
    tables.mkdir()
    reports = []
    for number in range(size):
        unit = f"常州市第{number + 1}科学技术局"
        (tables / f"{number:03d}.txt").write_text(text.replace("常州市科学技术局", unit), encoding="utf-8")
        own = copy.deepcopy(report)
        own.unit_name = unit
        own.indicators[-4].target = parse_quantity("≥500家")
        path = folder / f"{number:03d}.docx"
        path.write_bytes(docx_bytes(compose(evaluate(own))))
        reports.append(path)
    return reports, tables


def per_pair(size: int) -> float:
    with tempfile.TemporaryDirectory() as temporary:
        reports, tables = make_pairs(Path(temporary), size)
        start = time.perf_counter()
        results = list(check_files(reports, targets=tables))
        elapsed = time.perf_counter() - start
        assert all(any(f.code == "N703" for f in result.findings) for result in results), "a pair not compared"
        return elapsed / size


def main() -> None:
    sizes = [int(size) for size in sys.argv[1:]] or [30, 100, 300]
    times = {size: per_pair(size) for size in sizes}
    for size, seconds in times.items():
        print(f"{size} pairs: {seconds * 1000:.1f} ms per pair (reading the folder of tables included)")
    print(f"ratio per pair, {sizes[-1]} against {sizes[0]}: {times[sizes[-1]] / times[sizes[0]]:.2f} × (goal ≤ 1.5 ×)")


if __name__ == "__main__":
    main()
