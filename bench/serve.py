"""Web service latency (issues 15, 25): 20 uploads of seed 002 (as a unit's DOCX) to POST /api/check
at once, against `narrator serve` started as a user starts it (its own process; the clients here keep
their connections, as browsers do); prints the median and the slowest latency per round, and the
median over rounds. Each answer is compared with `check_file`'s findings, so a fast wrong answer does
not count. Goal (issue 25): median ≤ 0.7 s on 2 cores."""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import seed_002_docx  # noqa: E402  (the fixture the tests build from the seed)
from webserver import free_port  # noqa: E402

from narrator.checking.checker import check_file  # noqa: E402

CONCURRENT = 20
ROUNDS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        seed = seed_002_docx(Path(folder) / "002.docx")
        expected = [(f.code, f.claimed) for f in check_file(seed).findings]
        data = seed.read_bytes()
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "narrator", "serve", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = httpx.Client(limits=httpx.Limits(max_connections=CONCURRENT), timeout=300)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    client.get(url + "/")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "服务没有启动"
                    time.sleep(0.1)

            def one(_):
                started = time.perf_counter()
                response = client.post(url + "/api/check", files={"file": ("002.docx", data)})
                elapsed = time.perf_counter() - started
                found = [(f["code"], f["claimed"]) for f in response.json()[0]["findings"]]
                return elapsed, response.status_code == 200 and found == expected

            with ThreadPoolExecutor(CONCURRENT) as pool:  # warm: each worker loads spaCy and jieba once
                list(pool.map(one, range(CONCURRENT)))
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
            client.close()
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
