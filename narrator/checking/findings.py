"""Findings and where they are: what a rule reports, worded by its code from
templates/findings.yaml (after pyflakes' messages.py, with the wording as data).

The rules (narrator/checking/rules.py) produce findings; reporters (text, JSON, Word comments) print them.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from ..core.resources import load_yaml


@dataclass(frozen=True)
class Location:
    file: str
    section: str = ""
    paragraph: int | None = None  # 1-based paragraph of the document body
    table: int | None = None  # 1-based table of the document
    row: int | None = None  # 1-based row within the table (header = 1)
    column: str = ""
    column_index: int | None = None  # 0-based, for finding the cell again
    line: int | None = None  # line of a text file
    page: int | None = None  # page of a PDF
    start: int | None = None  # character offsets of the figure within the paragraph or cell
    end: int | None = None

    def describe(self) -> str:
        if self.table is not None and self.row is None:
            text = wording("where_whole_table", table=self.table)
        elif self.table is not None:
            text = wording("where_table", table=self.table, row=self.row)
            text += wording("where_column", column=self.column) if self.column else ""
        elif self.paragraph is not None:
            text = wording("where_paragraph", paragraph=self.paragraph)
        else:
            text = ""
        if self.line is not None:
            text += wording("where_line", line=self.line)
        if self.page is not None:
            text += wording("where_page", page=self.page)
        return text

    def as_dict(self) -> dict:
        result = {"file": self.file, "section": self.section}
        for key in ("paragraph", "table", "row", "column", "line", "page", "start", "end"):
            value = getattr(self, key)
            if value not in (None, ""):
                result[key] = value
        return result


def _templates() -> dict[str, str]:
    return load_yaml("templates", "findings.yaml")


def has_wording(key: str) -> bool:
    return key in _templates()


def wording(key: str, **arguments: object) -> str:
    """A phrase of templates/findings.yaml (place names, kinds, severities)."""
    return _templates()[key].format(**arguments)


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer should look at. A rule (narrator/checking/rules.py) states what it saw; the
    rule list stamps the rule's code and severity on it."""

    claimed: str
    expected: str
    context: str
    location: Location
    arguments: dict = field(default_factory=dict)
    span: tuple[int, int] | None = None  # the figure within `context`, for marking it
    code: str = ""
    severity: str = "error"

    def __post_init__(self) -> None:
        # a figure a PDF line wrapped (868.87 | 亿元) is quoted as written, without the break's space
        object.__setattr__(self, "claimed", re.sub(r"(?<=[\d.%])\s+(?=\S)", "", self.claimed))

    @property
    def severity_name(self) -> str:
        return wording(f"severity_{self.severity}")

    @property
    def message(self) -> str:
        return _templates()[self.code].format(claimed=self.claimed, expected=self.expected, **self.arguments)

    def as_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "message": self.message, "claimed": self.claimed,
                "expected": self.expected, "context": self.context, "location": self.location.as_dict()}
