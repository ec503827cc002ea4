"""uvicorn serving narrator's web application in a thread, on a free port of 127.0.0.1 — for the web
tests (tests/test_web.py) and the latency benchmark (bench/serve.py)."""
from __future__ import annotations

import socket
import threading
import time

from narrator.web import create_app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """uvicorn in a thread, on a free port of 127.0.0.1."""

    def __init__(self, token: str | None = None, **options):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(token, **options), host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "服务没有启动"
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
