"""The one model every stage shares: a report's indicators, budget lines and key tasks.

Field names are English; the Chinese column headers of the input format (which
mirror the official tables) are mapped to them here, once."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .quantity import Quantity, parse_quantity

# Input column headers → model field names. Other stages and the workbook use these.
INDICATOR_COLUMNS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "重点工作": "key_work",
    "对应项目": "project",
    "三级指标": "name",
    "目标值": "target",
    "半年目标值": "half_year_target",
    "完成值": "completion",
    "完成值来源": "source",
    "原因分析": "reason",
    "分值": "weight",
}
BUDGET_UNIT = "万元"  # the unit of every amount in 预算信息 and 资金来源
BUDGET_COLUMNS = {
    "项目": "name",
    "上级": "parent",
    "年初预算数": "initial",
    "调整数": "adjustment",
    "调整预算数": "adjusted",
    "实际支出数": "actual",
    "半年计划执行数": "half_year_plan",
    "原因说明": "note",
}
# 资金来源: the income rows of a 绩效目标表's 部门整体资金 (资金总额, 财政拨款 …).
FUNDING_COLUMNS = {
    "项目": "name",
    "上级": "parent",
    "全年预算数": "amount",
}
KEY_TASK_COLUMNS = {
    "对应职责": "duty",
    "任务名称": "name",
    "主要内容": "content",
    "完成情况": "result",
}
BASIC_FIELDS = {
    "单位名称": "unit_name",
    "年度": "year",
    "单位概况": "overview",
    "主要职能": "functions",
    "机构设置及人员配置": "organisation",
    "中长期目标": "long_term_goal",
    "报告提纲": "outline",  # 苏州 (seed 002's form) or 通用 (lexicon/wording.yaml outlines)
    # A project's self-evaluation (draft --form 项目): 单位名称 is its 实施单位.
    "项目名称": "project_name",
    "主管部门": "department",
    "年度总体目标": "project_goal",
    "实际完成情况": "project_result",
}
LIST_FIELDS = {
    "年度目标": "goals",
    "存在问题": "problems",
    "改进措施": "measures",
}


def column_of(field: str) -> str:
    """The input's column or field name (as the officer sees it in the workbook) of a model field:
    reason → 原因分析, overview → 单位概况, measures → 改进措施."""
    for columns in (INDICATOR_COLUMNS, BASIC_FIELDS, LIST_FIELDS, BUDGET_COLUMNS):
        for column, name in columns.items():
            if name == field:
                return column
    raise KeyError(field)
SHEETS = {"基本信息": BASIC_FIELDS, "绩效指标": INDICATOR_COLUMNS, "预算信息": BUDGET_COLUMNS, "重点任务": KEY_TASK_COLUMNS,
          "资金来源": FUNDING_COLUMNS}
TEXT_INDICATOR_FIELDS = ("level1", "level2", "key_work", "project", "name", "source", "reason")
QUANTITY_INDICATOR_FIELDS = ("target", "half_year_target", "completion")
MONEY_BUDGET_FIELDS = ("initial", "adjustment", "adjusted", "actual", "half_year_plan")


@dataclass(frozen=True)
class Origin:
    """Where a row came from, for messages: file, sheet (workbook) and row or line."""

    file: str
    sheet: str = ""
    row: int | None = None


@dataclass
class Indicator:
    name: str  # 三级指标
    target: Quantity
    level1: str = ""
    level2: str = ""
    key_work: str = ""
    project: str = ""
    half_year_target: Quantity = field(default_factory=lambda: parse_quantity(""))
    completion: Quantity = field(default_factory=lambda: parse_quantity(""))
    source: str = ""
    reason: str = ""
    weight: Decimal | None = None  # 分值, on a scored form
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass
class BudgetLine:
    name: str
    initial: Decimal  # 年初预算数
    adjustment: Decimal = Decimal(0)  # 上年度结转及当年预算追加追减数
    adjusted: Decimal | None = None  # 调整预算数 as the input gives it
    actual: Decimal | None = None  # 实际支出数
    parent: str = ""
    half_year_plan: Decimal | None = None  # 半年计划执行数, from the 绩效目标表
    note: str = ""  # 原因说明: the officer's account of why the line left money unspent
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @property
    def adjusted_budget(self) -> Decimal:
        """调整预算数: the input's figure, or 年初预算数 + 调整数 when it gives none."""
        return self.adjusted if self.adjusted is not None else self.initial + self.adjustment


@dataclass
class FundingLine:
    """An income row of the 绩效目标表 (资金总额, 财政拨款, 一般公共预算资金 …), 万元."""

    name: str
    amount: Decimal  # 全年预算数
    parent: str = ""
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass
class KeyTask:
    name: str  # 任务名称
    duty: str = ""  # 对应部门主要职责
    content: str = ""  # 主要内容
    result: str = ""  # 完成情况
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass
class Report:
    unit_name: str
    year: int
    overview: str = ""
    functions: str = ""  # 单位主要职能
    organisation: str = ""  # 机构设置及人员配置
    long_term_goal: str = ""  # 中长期目标
    outline: str = ""  # 报告提纲: which outline `draft` writes; "" for the default
    project_name: str = ""  # 项目名称: set for a project's self-evaluation
    department: str = ""  # 主管部门
    project_goal: str = ""  # 年度总体目标（预期目标）
    project_result: str = ""  # 年度总体目标的实际完成情况
    goals: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    key_tasks: list[KeyTask] = field(default_factory=list)
    funding: list[FundingLine] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    source: str = field(default="", compare=False)
    # The sentences with figures of a written report read as last year's (check --last-year).
    sentences: tuple[str, ...] = field(default=(), compare=False)

    def children_of(self, line: BudgetLine) -> list[BudgetLine]:
        return [child for child in self.budget_lines if child.parent == line.name]
