# 快速开始：make demo（安装并起草示例报告），make test（安装并运行测试）。
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every package at the version of the lock (made from setup.cfg by `make lock`): a new machine installs
# exactly what the tests passed with. The build tools come from the lock too (no build isolation).
LOCK := requirements.lock
UV_VERSION := 0.13.9
# The PDF tests need LibreOffice, a CJK font and pdftotext from Debian's packages; the web tests Chromium.
SYSTEM_PACKAGES := libreoffice-writer-nogui fonts-noto-cjk poppler-utils chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test bench lexicon serve system-deps clean lock

$(STAMP): setup.cfg pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c $(LOCK) setuptools wheel
	$(BIN)/python -m pip install --quiet --no-build-isolation -c $(LOCK) -e '.[test]'
	touch $(STAMP)

# Refresh the lock from setup.cfg (newest releases that fit it); commit it once `make test` passes.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet uv==$(UV_VERSION)
	.venv-lock/bin/uv pip compile setup.cfg --extra test --universal --python-version 3.11 --upgrade -o $(LOCK)

system-deps:
	@if command -v soffice >/dev/null && command -v pdftotext >/dev/null && command -v chromium >/dev/null \
	  && fc-list :lang=zh | grep -q .; then :; \
	elif command -v apt-get >/dev/null; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	else echo "提示：未能安装 LibreOffice 和 Chromium，PDF 和网页测试将跳过。"; fi

demo: $(STAMP)
	mkdir -p out
	$(BIN)/narrator draft -o out/示例自评报告.docx --force

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

# The web pages on http://127.0.0.1:8000/ (narrator serve --help for the host, port and token).
serve: $(STAMP)
	$(BIN)/narrator serve

# Relearn lexicon/patterns.yaml from every report under corpus/ (add your own there).
lexicon: $(STAMP)
	$(BIN)/narrator mine corpus -o lexicon/patterns.yaml

bench: $(STAMP)
	$(BIN)/python bench/draft.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/mine.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/read.py
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) .venv-lock build dist *.egg-info out
