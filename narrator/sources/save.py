"""Write a `Report` back in the input format: YAML or an Excel workbook whose
sheets and columns are the ones `load` reads."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..core.errors import NarratorError
from ..core.model import (BASIC_FIELDS, BUDGET_COLUMNS, FUNDING_COLUMNS, INDICATOR_COLUMNS, KEY_TASK_COLUMNS,
                    LIST_FIELDS, Report)
from ..core.output import write_atomically
from ..core.quantity import Quantity, format_decimal
from . import kinds

TABLES = (("绩效指标", "indicators", INDICATOR_COLUMNS), ("预算信息", "budget_lines", BUDGET_COLUMNS),
          ("重点任务", "key_tasks", KEY_TASK_COLUMNS), ("资金来源", "funding", FUNDING_COLUMNS))
OPTIONAL_TABLES = ("资金来源",)  # written only when the report has rows for them
FIXED_TIME = "2000-01-01T00:00:00"


def _cell(value: Any) -> Any:
    if isinstance(value, Quantity):
        return value.text
    return value


# The cells a user fills in after `narrator import`: written empty so the YAML shows where.
TO_FILL = ("完成值", "完成值来源", "原因分析", "实际支出数")


def report_to_mapping(report: Report, keep_blank: tuple[str, ...] = ()) -> dict[str, Any]:
    """The report with the input's Chinese keys; empty optional cells left out,
    except the columns in `keep_blank`, written as empty strings."""
    data: dict[str, Any] = {}
    for key, name in BASIC_FIELDS.items():
        value = getattr(report, name)
        if value not in ("", None):
            data[key] = value
    for key, name in LIST_FIELDS.items():
        if getattr(report, name):
            data[key] = list(getattr(report, name))
    for key, name, columns in TABLES:
        rows = []
        for item in getattr(report, name):
            row = {}
            for column, field_name in columns.items():
                value = _cell(getattr(item, field_name))
                if value not in ("", None) and not (field_name == "adjustment" and value == 0):
                    row[column] = value
                elif column in keep_blank and value in ("", None):
                    row[column] = ""
            rows.append(row)
        if rows or key not in OPTIONAL_TABLES:
            data[key] = rows
    return data


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # one figure used twice is written twice, never as &id001
        return True


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal):
    text = format_decimal(value)
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _represent_decimal)


def yaml_text(report: Report, keep_blank: tuple[str, ...] = ()) -> str:
    """The input YAML of `report`, as write_yaml writes it (the web page's download of an answered input)."""
    return yaml.dump(report_to_mapping(report, keep_blank), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=1000)


def write_yaml(report: Report, path: str | Path, force: bool = False, keep_blank: tuple[str, ...] = (),
               inputs: Iterable = ()) -> Path:
    text = yaml_text(report, keep_blank)
    return write_atomically(path, lambda temporary: temporary.write_text(text, encoding="utf-8"), force, inputs)


def write_workbook(report: Report, path: str | Path, force: bool = False, inputs: Iterable = ()) -> Path:
    return write_atomically(path, lambda temporary: _save_workbook(_fill_workbook(report), temporary), force, inputs)


def _fill_workbook(report: Report):
    import openpyxl
    from openpyxl.styles import Alignment, Font

    workbook = openpyxl.Workbook()
    workbook.properties.creator = "narrator"
    workbook.properties.created = workbook.properties.modified = datetime.fromisoformat(FIXED_TIME)
    bold = Font(bold=True)
    basic = workbook.active
    basic.title = "基本信息"
    basic.append(["项目", "内容"])
    for key, name in BASIC_FIELDS.items():
        basic.append([key, getattr(report, name)])
    for key, name in LIST_FIELDS.items():
        for text in getattr(report, name):
            basic.append([key, text])
    basic.column_dimensions["A"].width = 12
    basic.column_dimensions["B"].width = 100
    for key, name, columns in TABLES:
        if key in OPTIONAL_TABLES and not getattr(report, name):
            continue
        sheet = workbook.create_sheet(key)
        sheet.append(list(columns))
        for item in getattr(report, name):
            sheet.append([_cell(getattr(item, field_name)) for field_name in columns.values()])
        for index, column in enumerate(columns, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = 40 if column in ("三级指标", "完成情况", "主要内容", "原因分析") else 16
        sheet.freeze_panes = "A2"
    for sheet in workbook.worksheets:
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(horizontal="center")
        # Every text is text: "=100%" or a 单位名称 starting with "=", "+", "-" or "@" never becomes a formula.
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.number_format = "@"
                    cell.data_type = "s"
    return workbook


def input_workbook_bytes(report: Report) -> bytes:
    """The input workbook of `report` as bytes (the web page's download): as write_workbook writes it."""
    return workbook_bytes(_fill_workbook(report))


def workbook_bytes(workbook) -> bytes:
    """Any openpyxl workbook as bytes, with the fixed timestamps of _save_workbook."""
    buffer = io.BytesIO()
    _save_workbook(workbook, buffer)
    return buffer.getvalue()


def _save_workbook(workbook, path) -> None:
    """Save with fixed timestamps (in the ZIP and in docProps/core.xml), so the same report
    always gives the same bytes, as the DOCX does."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = FIXED_TIME + "Z"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            info = zipfile.ZipInfo(member.filename, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


def starter_report(example: Report) -> Report:
    """The example cut to its first row per table: what `narrator init` writes."""
    sample = next((i for i in example.indicators if i.key_work and i.target.is_number), example.indicators[0])
    return Report(unit_name=example.unit_name, year=example.year, overview=example.overview,
                  goals=example.goals[:1], indicators=[sample],
                  budget_lines=example.budget_lines[:1], key_tasks=example.key_tasks[:1],
                  problems=example.problems[:1], measures=example.measures[:1])


def write_input(report: Report, path: str | Path, force: bool = False, keep_blank: tuple[str, ...] = (),
                inputs: Iterable = ()) -> Path:
    """Write `report` as .yaml/.yml or .xlsx according to the suffix of `path`
    (a workbook always has every column, so `keep_blank` only matters for YAML)."""
    suffix = Path(path).suffix.lower()
    if suffix in kinds.YAML:
        return write_yaml(report, path, force, keep_blank, inputs)
    if suffix in kinds.WORKBOOK_OUTPUT:
        return write_workbook(report, path, force, inputs)
    raise NarratorError("output_unknown_extension", file=path, suffix=suffix or "（无）")
