# 快速开始：make demo（安装并起草示例报告），make test（安装并运行测试）。
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The PDF test needs LibreOffice, a CJK font and pdftotext from Debian's packages.
SYSTEM_PACKAGES := libreoffice-writer-nogui fonts-noto-cjk poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test bench lexicon system-deps clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@if command -v soffice >/dev/null && command -v pdftotext >/dev/null && fc-list :lang=zh | grep -q .; then :; \
	elif command -v apt-get >/dev/null; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	else echo "提示：未能安装 LibreOffice，PDF 测试将跳过。"; fi

demo: $(STAMP)
	mkdir -p out
	$(BIN)/narrator draft -o out/示例自评报告.docx --force

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

# Relearn lexicon/patterns.yaml from every report under corpus/ (add your own there).
lexicon: $(STAMP)
	$(BIN)/narrator mine corpus -o lexicon/patterns.yaml

bench: $(STAMP)
	$(BIN)/python bench/draft.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/mine.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/read.py

clean:
	rm -rf $(VENV) build dist *.egg-info out
