"""Load a `Report` from YAML, JSON or an Excel workbook.

Both formats arrive here as rows of {column header: cell} with an `Origin`, and
one set of functions validates them, so YAML and Excel give the same model and
the same messages."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..core import lexicon, yamlfile
from ..core.errors import NarratorError
from ..core.model import (BASIC_FIELDS, BUDGET_COLUMNS, FUNDING_COLUMNS, INDICATOR_COLUMNS, KEY_TASK_COLUMNS,
                    LIST_FIELDS, QUANTITY_INDICATOR_FIELDS, SHEETS, TEXT_INDICATOR_FIELDS, BudgetLine,
                    FundingLine, Indicator, KeyTask, Origin, Report, column_of)
from ..core.quantity import MAX_DIGITS, format_decimal, normalize_width, parse_quantity, sane_number
from ..core.resources import example_path
from . import kinds
from .document import file_head
from .workbook import read_workbook

TABLE_KEYS = {"绩效指标": INDICATOR_COLUMNS, "预算信息": BUDGET_COLUMNS, "重点任务": KEY_TASK_COLUMNS,
              "资金来源": FUNDING_COLUMNS}
REQUIRED_SHEETS = ("基本信息", "绩效指标")  # an input workbook has these; a 目标表 workbook does not
REQUIRED = {"绩效指标": ("三级指标", "目标值"), "预算信息": ("项目", "年初预算数"), "重点任务": ("任务名称",),
            "资金来源": ("项目", "全年预算数")}
MAX_TEXT_CHARS = 20_000  # a cell of text; the longest in the seeds is under 2,000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_DATE = re.compile(r"\d{4}\s*年(?:度)?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?")
_HAS_FIGURE = re.compile(r"[\d≥≤><=]")
_STARTS_WITH_FIGURE = re.compile(r"[\d≥≤><=.]")


@dataclass
class Row:
    cells: dict[str, Any]
    origin: Origin
    item: int | None = None  # 1-based position in a YAML list

    def error(self, code: str, column: str = "", **arguments: object) -> NarratorError:
        return NarratorError(code, file=self.origin.file, sheet=self.origin.sheet, row=self.origin.row,
                          item=self.item, column=column, **arguments)


def load_report(path: str | Path | None = None) -> Report:
    """Read an input file (.yaml, .yml, .json, .xlsx); None means the shipped example."""
    path = Path(path) if path is not None else example_path(".yaml")
    suffix = path.suffix.lower()
    if suffix == kinds.OLD_EXCEL:
        raise NarratorError("old_excel", file=path)
    if suffix not in kinds.INPUT:
        raise NarratorError("unknown_extension", file=path, suffix=path.suffix or "（无）")
    if not path.is_file():
        raise NarratorError("file_missing", file=path)
    if suffix in kinds.WORKBOOK:
        return _load_workbook(path)
    return _load_mapping_file(path, suffix)


# ---------------------------------------------------------------- YAML / JSON

class _LineMap(dict):
    line = 0


class _Loader(yamlfile.Loader):
    """Safe YAML that keeps decimals exact and remembers each mapping's line."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineMap:
    mapping = _LineMap(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> Decimal:
    text = loader.construct_scalar(node)
    try:
        number = Decimal(text.replace("_", ""))
    except InvalidOperation:
        number = Decimal("NaN")
    if not sane_number(number):
        raise NarratorError("number_out_of_range", file=loader.file, row=node.start_mark.line + 1, value=text,
                         digits=MAX_DIGITS)
    return number


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def _load_mapping_file(path: Path, suffix: str) -> Report:
    text = yamlfile.read_yaml_bytes(path)
    if suffix in kinds.JSON:
        try:
            data = json.loads(text, parse_float=Decimal, parse_constant=_json_constant)
        except json.JSONDecodeError as error:
            raise NarratorError("json_syntax", file=path, row=error.lineno, reason=error.msg) from None
        except RecursionError:
            raise NarratorError("yaml_too_deep", file=path, limit=yamlfile.MAX_DEPTH) from None
    else:
        data = yamlfile.parse(text, path, _Loader)
    return report_from_mapping(data, str(path))


def _json_constant(name: str):
    raise NarratorError("number_out_of_range", value=name, digits=MAX_DIGITS)


def report_from_mapping(data: Any, file: str = "") -> Report:
    """Build the model from a mapping whose keys are the official column headers."""
    if not isinstance(data, dict):
        raise NarratorError("top_not_mapping", file=file)
    known = list(BASIC_FIELDS) + list(LIST_FIELDS) + list(TABLE_KEYS)
    for key in data:
        if key not in known:
            raise NarratorError("unknown_key", file=file, row=getattr(data, "line", None) or None,
                             key=key, known="、".join(known))
    tables = {}
    for key in TABLE_KEYS:
        items = data.get(key) or []
        if not isinstance(items, list):
            raise NarratorError("list_expected", file=file, key=key)
        rows = []
        for index, item in enumerate(items, start=1):
            row = Row(item if isinstance(item, dict) else {}, Origin(file, key, getattr(item, "line", None)), index)
            if not isinstance(item, dict):
                raise row.error("row_not_mapping")
            for column in item:
                if column not in TABLE_KEYS[key]:
                    raise row.error("unknown_key", key=column, known="、".join(TABLE_KEYS[key]))
            rows.append(row)
        tables[key] = rows
    basic = Row({k: v for k, v in data.items() if k in BASIC_FIELDS}, Origin(file))
    lists = {}
    for key in LIST_FIELDS:
        value = data.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise NarratorError("list_expected", file=file, key=key)
        lists[key] = [_text(Row({key: v}, Origin(file, key)), key) for v in value]
    return _build_report(basic, lists, tables, file)


# ---------------------------------------------------------------- Excel

def _load_workbook(path: Path) -> Report:

    file_head(path, kinds.WORKBOOK)
    workbook = read_workbook(path)
    file = str(path)
    for required in REQUIRED_SHEETS:
        if required not in workbook:
            raise NarratorError("sheet_missing", file=file, sheet=required, sheets="、".join(SHEETS))
    basic_rows = _sheet_rows(workbook["基本信息"], file, "基本信息", {"项目": None, "内容": None}, ("项目", "内容"))
    basic: dict[str, Any] = {}
    lists: dict[str, list[str]] = {key: [] for key in LIST_FIELDS}
    for row in basic_rows:
        key = _text(row, "项目")
        if key in LIST_FIELDS:
            if row.cells.get("内容") not in (None, ""):
                lists[key].append(_text(row, "内容"))
        elif key in BASIC_FIELDS:
            if key in basic:
                raise row.error("duplicate_field", column="项目", key=key)
            basic[key] = row.cells.get("内容")
        elif key:
            raise row.error("unknown_key", column="项目", key=key, known="、".join(list(BASIC_FIELDS) + list(LIST_FIELDS)))
    tables = {}
    for key, columns in TABLE_KEYS.items():
        if key in workbook:
            tables[key] = _sheet_rows(workbook[key], file, key, columns, REQUIRED[key])
        else:
            tables[key] = []
    return _build_report(Row(basic, Origin(file, "基本信息")), lists, tables, file)


def _sheet_rows(sheet_rows: list, file: str, name: str, columns: dict, required: Iterable[str]) -> list[Row]:
    header = sheet_rows[0] if sheet_rows else None
    positions = {}
    for index, value in enumerate(header.values if header else []):
        title = normalize_width(str(value)).strip() if value is not None else ""
        if title in columns:
            if title in positions:
                raise NarratorError("column_twice", file=file, sheet=name, row=header.number, column=title)
            positions[title] = index
    for column in required:
        if column not in positions:
            raise NarratorError("column_missing", file=file, sheet=name, row=header.number if header else 1,
                             column=column, columns="、".join(columns))
    result = []
    for sheet_row in sheet_rows[1:]:
        values = {title: sheet_row.values[index] if index < len(sheet_row.values) else None
                  for title, index in positions.items()}
        if all(value in (None, "") for value in values.values()):
            continue
        result.append(Row(values, Origin(file, name, sheet_row.number)))
    return result


# ---------------------------------------------------------------- shared validation

def _build_report(basic: Row, lists: dict[str, list[str]], tables: dict[str, list[Row]], file: str) -> Report:
    for column in ("单位名称", "年度"):
        if basic.cells.get(column) in (None, ""):
            raise basic.error("required_missing", column=column)
    report = Report(
        unit_name=_text(basic, "单位名称"),
        year=_year(basic),
        overview=_text(basic, "单位概况"),
        functions=_text(basic, "主要职能"),
        organisation=_text(basic, "机构设置及人员配置"),
        long_term_goal=_text(basic, "中长期目标"),
        outline=_outline(basic),
        project_name=_text(basic, "项目名称"),
        department=_text(basic, "主管部门"),
        project_goal=_text(basic, "年度总体目标"),
        project_result=_text(basic, "实际完成情况"),
        goals=lists["年度目标"],
        problems=lists["存在问题"],
        measures=lists["改进措施"],
        indicators=[_indicator(row) for row in tables["绩效指标"]],
        budget_lines=[_budget_line(row) for row in tables["预算信息"]],
        key_tasks=[_key_task(row) for row in tables["重点任务"]],
        funding=[_funding_line(row) for row in tables["资金来源"]],
        source=file,
    )
    _check_duplicate_indicators(report.indicators, tables["绩效指标"])
    _check_budget_tree(report.budget_lines, tables["预算信息"])
    _check_budget_tree(report.funding, tables["资金来源"])
    return report


def _indicator(row: Row) -> Indicator:
    _require(row, REQUIRED["绩效指标"])
    names = {field_name: column for column, field_name in INDICATOR_COLUMNS.items()}
    fields: dict[str, Any] = {name: _text(row, names[name]) for name in TEXT_INDICATOR_FIELDS}
    for name in QUANTITY_INDICATOR_FIELDS:
        fields[name] = _quantity(row, names[name], is_target=name != "completion")
    return Indicator(origin=row.origin, weight=_money(row, "分值"), **fields)


def _budget_line(row: Row) -> BudgetLine:
    _require(row, REQUIRED["预算信息"])
    return BudgetLine(
        name=_text(row, "项目"),
        parent=_text(row, "上级"),
        initial=_money(row, "年初预算数"),
        adjustment=_money(row, "调整数") or Decimal(0),
        adjusted=_money(row, "调整预算数"),
        actual=_money(row, "实际支出数"),
        half_year_plan=_money(row, "半年计划执行数"),
        note=_text(row, "原因说明"),
        origin=row.origin,
    )


def _funding_line(row: Row) -> FundingLine:
    _require(row, REQUIRED["资金来源"])
    return FundingLine(name=_text(row, "项目"), parent=_text(row, "上级"), amount=_money(row, "全年预算数"),
                       origin=row.origin)


def _key_task(row: Row) -> KeyTask:
    _require(row, REQUIRED["重点任务"])
    return KeyTask(name=_text(row, "任务名称"), duty=_text(row, "对应职责"),
                   content=_text(row, "主要内容"), result=_text(row, "完成情况"), origin=row.origin)


def _check_budget_tree(lines: list, rows: list[Row]) -> None:
    seen: dict[str, Row] = {}
    for line, row in zip(lines, rows):
        if line.name in seen:
            raise row.error("duplicate_budget_line", column="项目", name=line.name)
        seen[line.name] = row
    parents = {line.name: line.parent for line in lines if line.parent}
    for line, row in zip(lines, rows):
        if line.parent and line.parent not in seen:
            raise row.error("parent_unknown", column="上级", parent=line.parent)
        chain = [line.name]
        parent = parents.get(line.name)
        while parent:
            if parent in chain:
                raise row.error("parent_cycle", column="上级", chain=" → ".join(chain + [parent]))
            chain.append(parent)
            parent = parents.get(parent)


def _check_duplicate_indicators(indicators: list, rows: list[Row]) -> None:
    """The same 三级指标 twice under one 二级指标: a copy-paste slip, the evaluation would count it twice."""
    seen: dict[tuple[str, str, str], Row] = {}
    for indicator, row in zip(indicators, rows):
        key = (indicator.level1, indicator.level2, indicator.name)
        if key in seen:
            first = seen[key].origin.row or seen[key].item
            raise row.error("duplicate_indicator", column="三级指标", name=indicator.name, first=first)
        seen[key] = row


def _require(row: Row, columns: Iterable[str]) -> None:
    for column in columns:
        value = row.cells.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):  # a blank is no value
            raise row.error("required_missing", column=column)


def _outline(basic: Row) -> str:
    """The outline the input asks for (报告提纲: 通用), one of lexicon/wording.yaml's outlines."""
    column = column_of("outline")
    name = _text(basic, column)
    known = lexicon.wording()["outlines"]
    if name and name not in known:
        raise basic.error("outline_unknown", column=column, value=name, known="、".join(known))
    return name


def _text(row: Row, column: str) -> str:
    value = row.cells.get(column)
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        raise row.error("text_expected", column=column, value=value)
    if isinstance(value, (list, dict)):
        raise row.error("text_not_list", column=column)
    text = str(value).strip()
    _check_text(row, column, text)
    return text


def _check_text(row: Row, column: str, text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise row.error("text_too_long", column=column, length=len(text), limit=MAX_TEXT_CHARS)
    bad = _CONTROL.search(text)
    if bad:
        raise row.error("text_control", column=column, position=bad.start() + 1, char=f"U+{ord(bad.group()):04X}")


def _year(row: Row) -> int:
    value = row.cells.get("年度")
    text = normalize_width(str(value)).strip().removesuffix("年度").removesuffix("年")
    if isinstance(value, Decimal):
        text = format_decimal(value)
    if not re.fullmatch(r"(19|20|21)\d\d", text):
        raise row.error("year_expected", column="年度", value=value)
    return int(text)


def _money(row: Row, column: str) -> Decimal | None:
    value = row.cells.get(column)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, (list, dict)):
        raise row.error("number_expected", column=column, value=value)
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    else:
        _check_text(row, column, str(value))
        try:
            number = Decimal(normalize_width(str(value)).strip().replace(",", ""))
        except InvalidOperation:
            raise row.error("number_expected", column=column, value=value) from None
    if not sane_number(number):
        raise row.error("number_out_of_range", column=column, value=value, digits=MAX_DIGITS)
    return number


def _quantity(row: Row, column: str, is_target: bool):
    value = row.cells.get(column)
    if isinstance(value, bool) or isinstance(value, (list, dict)):
        raise row.error("value_unparsed", column=column, value=value)
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
        if not sane_number(number):
            raise row.error("number_out_of_range", column=column, value=value, digits=MAX_DIGITS)
        value = format_decimal(number)
    if isinstance(value, str):
        _check_text(row, column, value)
    quantity = parse_quantity(value)
    if quantity.is_number and not sane_number(quantity.value):
        raise row.error("number_out_of_range", column=column, value=quantity.text, digits=MAX_DIGITS)
    suspicious = _HAS_FIGURE.search if is_target else _STARTS_WITH_FIGURE.match
    # A date is no typo: 2021年全年, 2021年12月31日前 are time targets, said as written.
    if quantity.kind == "text" and suspicious(_DATE.sub("", normalize_width(quantity.text))):
        # Figures that do not parse are typos; plain words are qualitative values.
        raise row.error("target_unparsed" if is_target else "value_unparsed", column=column, value=quantity.text)
    return quantity
