"""Web service latency (issue 15): 20 uploads of seed 002 (as a unit's DOCX) to POST /api/check at
once, against a server in this process (uvicorn in a thread, as `narrator serve` runs it); prints the
median and the slowest latency per round, and the median over rounds. Each answer is compared with
`check_file`'s findings, so a fast wrong answer does not count."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import seed_002_docx  # noqa: E402  (the fixture the tests build from the seed)
from webserver import Server  # noqa: E402

from narrator.check import check_file  # noqa: E402

CONCURRENT = 20
ROUNDS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        seed = seed_002_docx(Path(folder) / "002.docx")
        expected = [(f.code, f.claimed) for f in check_file(seed).findings]
        data = seed.read_bytes()
        server = Server()
        try:
            def one(_):
                started = time.perf_counter()
                response = httpx.post(server.url + "/api/check", files={"file": ("002.docx", data)}, timeout=300)
                elapsed = time.perf_counter() - started
                found = [(f["code"], f["claimed"]) for f in response.json()[0]["findings"]]
                return elapsed, response.status_code == 200 and found == expected

            one(0)  # warm: the first request loads spaCy and jieba
            medians = []
            for number in range(1, ROUNDS + 1):
                started = time.perf_counter()
                with ThreadPoolExecutor(CONCURRENT) as pool:
                    answers = list(pool.map(one, range(CONCURRENT)))
                wall = time.perf_counter() - started
                latencies = [elapsed for elapsed, _ in answers]
                correct = sum(ok for _, ok in answers)
                medians.append(statistics.median(latencies))
                print(f"round {number}: {CONCURRENT} concurrent checks of seed 002, {correct}/{CONCURRENT} correct; "
                      f"latency median {statistics.median(latencies) * 1000:.0f} ms, slowest {max(latencies) * 1000:.0f} ms; "
                      f"all answered in {wall * 1000:.0f} ms")
            print(f"median latency over {ROUNDS} rounds: {statistics.median(medians) * 1000:.0f} ms")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
