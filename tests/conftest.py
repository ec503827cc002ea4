"""Shared fixtures: the seed documents shipped in corpus/seeds and readers for the
one-cell-per-line tables of seed 002 (each row a block, each cell a tab-led line)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"


def seed_text(number: str) -> str:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8")


def full_width(text: str) -> str:
    """Digits, decimal points and percent signs as a full-width typesetting writes them."""
    return text.translate({**{ord(d): ord(d) + 0xFEE0 for d in "0123456789"}, ord("."): "．", ord("%"): "％"})


def plant_wrong_figure(source: Path, path: Path) -> Path:
    """A copy of the drafted example with 成交额868.78亿元 written 868.87亿元 in its prose."""
    import docx

    document = docx.Document(str(source))
    (paragraph,) = [p for p in document.paragraphs if "成交额868.78亿元" in p.text]
    for run in paragraph.runs:
        run.text = run.text.replace("868.78亿元", "868.87亿元")
    document.save(str(path))
    return path


def seed_rows(text: str, start: str, end: str | None = None) -> list[list[str]]:
    """Rows of a table in seed-002 layout between the headings `start` and `end`."""
    section = text.split(start, 1)[1]
    if end:
        section = section.split(end, 1)[0]
    rows = []
    for block in section.split("\n\n"):
        lines = [line for line in block.split("\n")]
        cells = [line.strip() for line in lines if line.startswith("\t") or line.strip()]
        if any(cells):
            rows.append(cells)
    return rows


def self_evaluation_rows() -> list[dict[str, str]]:
    """Seed 002's 部门整体自评表, one dict per indicator, 一级 carried down merged cells."""
    rows = seed_rows(seed_text("002"), "9、 部门整体自评表")
    header, body = rows[0], rows[1:]
    assert header[1:] == ["类别", "指标名称", "指标目标值", "指标完成值", "完成值来源", "偏差情况", "原因分析"]
    result, level1 = [], ""
    for cells in body:
        cells = cells + [""] * (8 - len(cells))
        level1 = cells[1] or level1
        result.append({"一级指标": level1, "三级指标": cells[2], "目标值": cells[3], "完成值": cells[4],
                       "完成值来源": cells[5], "偏差情况": cells[6], "原因分析": cells[7]})
    return result


def budget_rows() -> list[list[str]]:
    """Seed 002's 预算信息 rows: name, 年初, 调整, 调整预算, 实际, 执行率."""
    rows = seed_rows(seed_text("002"), "7、 预算信息", "8、 年度重点任务")
    return rows[1:]


@pytest.fixture
def example_yaml() -> Path:
    return ROOT / "corpus" / "example.yaml"


@pytest.fixture
def example_xlsx() -> Path:
    return ROOT / "corpus" / "example.xlsx"


def seed_002_docx(path: Path, ruled: bool = False) -> Path:
    """Seed 002 as the DOCX a unit would send: its prose as paragraphs (headings by their
    numbering) and its three tables as real Word tables, built from the seed text alone;
    `ruled` gives the tables their grid lines, as a printed report has them."""
    import docx

    text = seed_text("002")
    prose, _ = text.split(" 7、 预算信息", 1)
    document = docx.Document()
    for line in prose.split("\n"):
        for piece in line.replace("[bookmark: _GoBack]", "").split("    "):
            piece = piece.strip()
            if piece:
                document.add_paragraph(piece)
    headings = [("7、 预算信息", "8、 年度重点任务"), ("8、 年度重点任务", "9、 部门整体自评表"), ("9、 部门整体自评表", None)]
    for start, end in headings:
        document.add_paragraph(start)
        rows = seed_rows(text, start, end)
        if start.startswith("8"):
            # The header's first cell ("\t" then 对应部门主要职责) was broken in two by the extraction.
            rows = [[cell for cell in rows[0] if cell] + rows[1]] + rows[2:]
        width = max(len(row) for row in rows)
        table = document.add_table(rows=len(rows), cols=width, style="Table Grid" if ruled else None)
        for row, cells in zip(table.rows, rows):
            for cell, value in zip(row.cells, cells + [""] * (width - len(cells))):
                cell.text = value
    document.save(str(path))
    return path


@pytest.fixture(scope="session")
def seed_docx(tmp_path_factory) -> Path:
    return seed_002_docx(tmp_path_factory.mktemp("seed") / "002.docx")
