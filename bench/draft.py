"""Drafting speed: the shipped example and a synthetic 300-indicator input,
inside one process and as whole CLI runs. Prints medians.

Goals (issues 3 and 11): under 0.3 s per draft of 300 indicators inside one process, under 3 s per CLI run
without the self-review (the review loads the checker's spaCy pipeline)."""
from __future__ import annotations

import copy
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from narrator.drafting.compose import compose
from narrator.core.evaluate import evaluate
from narrator.sources.load import load_report
from narrator.core.quantity import parse_quantity
from narrator.drafting.render import docx_bytes
from narrator.sources.save import write_yaml

RUNS = 7


def synthetic(size: int = 300):
    """The example with its duty indicators repeated under new names to `size` rows."""
    report = load_report()
    duty = [i for i in report.indicators if i.level1 == "履职"]
    indicators = list(report.indicators)
    n = 0
    while len(indicators) < size:
        base = duty[n % len(duty)]
        group = n // len(duty)
        extra = copy.copy(base)
        extra.name = f"{base.name}（第{group + 2}组）"
        extra.level2 = f"{base.level2}{group + 2}"
        if base.completion.is_number and n % 3 == 0:
            value = base.completion.value * Decimal("0.9")
            extra.completion = parse_quantity(f"{value}{base.completion.unit}")
        indicators.append(extra)
        n += 1
    report.indicators = indicators
    return report


def median_time(function, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    example, large = load_report(), synthetic()
    for name, report in (("示例（54 项指标）", example), (f"合成输入（{len(large.indicators)} 项指标）", large)):
        for outline in ("苏州", "通用"):  # the two outlines, paired in one run
            seconds = median_time(lambda: docx_bytes(compose(evaluate(report), outline=outline)))
            print(f"进程内起草 {name}，{outline}提纲: 中位数 {seconds:.3f} s（目标 < 0.3 s，{seconds / 0.3:.2f} × 目标）")
    narrator = Path(sys.executable).with_name("narrator")
    with tempfile.TemporaryDirectory() as folder:
        large_input = Path(folder) / "large.yaml"
        write_yaml(large, large_input)
        for name, arguments in (("示例", []), ("合成输入", [str(large_input)]),
                                ("示例，--no-check", ["--no-check"]), ("合成输入，--no-check", [str(large_input), "--no-check"])):
            def run():
                subprocess.run([str(narrator), "draft", *arguments, "-o", f"{folder}/out.docx", "--force"],
                               check=True, capture_output=True)
            seconds = median_time(run)
            print(f"命令行起草 {name}（含启动）: 中位数 {seconds:.3f} s（目标 < 3 s，{seconds / 3:.2f} × 目标）")
    print("（默认的命令行起草在写出前用核对规则自查一遍，其中 spaCy 与 jieba 的加载约占 3 s；--no-check 不自查。）")


if __name__ == "__main__":
    main()
