"""What kind of file a path names, by its suffix: the one list of suffixes narrator reads and writes.

Readers still look at a file's first bytes (a PDF or DOCX saved under another name is read as what
it is); these sets only say what a name promises."""
from __future__ import annotations

from pathlib import Path

TEXT = frozenset({".txt", ".md", ".text"})
DOCX = frozenset({".docx", ".docm"})
PDF = frozenset({".pdf"})
WORKBOOK = frozenset({".xlsx", ".xlsm"})
YAML = frozenset({".yaml", ".yml"})
JSON = frozenset({".json"})

REPORT = TEXT | DOCX | PDF | WORKBOOK  # what `read_document` reads
PROSE = TEXT | DOCX | PDF  # reports with prose to learn from (narrator mine)
INPUT = YAML | JSON | WORKBOOK  # the input format (`load_report`)
WORKBOOK_OUTPUT = frozenset({".xlsx"})  # the workbook `write_input` writes
INPUT_OUTPUT = YAML | WORKBOOK_OUTPUT  # what `write_input` writes
OLD_WORD = ".doc"
OLD_EXCEL = ".xls"


def suffix(path: str | Path) -> str:
    """The suffix in lower case (“报告.DOCX” → “.docx”)."""
    return Path(path).suffix.lower()


def is_kind(path: str | Path, kind: frozenset[str]) -> bool:
    return suffix(path) in kind
