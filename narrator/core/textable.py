"""Plain-text tables for the terminal, aligned for Chinese (wide) characters."""
from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(display_width(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(_pad(str(cell), width) for cell, width in zip(row, widths)).rstrip()
             for row in [headers, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
