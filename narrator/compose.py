"""Compose the report: evaluation + lexicon → Jinja2 templates → a `Document`.

The templates in ``templates/`` hold every sentence; this module prepares what
they speak about (groups of indicators, the evidence for section 五, the tables)
and gives them filters for numbers, lists, numbering and word choice. A user's
``--templates`` folder is searched first, so any template file can be replaced.
Templates run in Jinja2's sandbox.

Template output is read line by line: ``# `` starts a level-1 heading, ``## `` a
level-2 heading, ``@title`` a title line (several make a title of several lines), ``@subtitle`` the year line, ``@table NAME`` places a
table; every other non-blank line is a body paragraph."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from . import lexicon
from .errors import NarratorError, message
from .evaluate import Evaluation, IndicatorResult, Status
from .model import Indicator, KeyTask, Report
from .quantity import Quantity, format_decimal, format_percent, rescale
from .resources import data_path

DEFAULT_SEED = 2022
CHINESE_DIGITS = "零一二三四五六七八九"


# ---------------------------------------------------------------- the document

@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    text: str


@dataclass
class Table:
    name: str
    headers: list[str]
    rows: list[list[str]]
    merge_columns: tuple[int, ...] = ()  # columns whose equal neighbours merge vertically
    widths: tuple[float, ...] = ()  # relative column widths


@dataclass
class Document:
    title: str
    subtitle: str
    blocks: list[Heading | Paragraph | Table]
    missing: list[str] = field(default_factory=list)  # what the placeholders stand for

    def prose(self) -> str:
        """Every heading and paragraph, one per line (tables left out)."""
        return "\n".join(b.text for b in self.blocks if isinstance(b, (Heading, Paragraph)))


# ---------------------------------------------------------------- helpers for the templates

@lru_cache(maxsize=1)
def phrasing() -> dict[str, Any]:
    with open(data_path("lexicon") / "phrasing.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (headings go up to 99)."""
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    return (CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + (CHINESE_DIGITS[ones] if ones else "")


def join_list(items) -> str:
    """甲 → 甲; 甲、乙 → 甲和乙; 甲、乙、丙 → 甲、乙和丙."""
    items = [str(item) for item in items if str(item)]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def strip_end(text: str) -> str:
    """A sentence without its closing punctuation, so a template can add its own."""
    return str(text).rstrip().rstrip("。；;，,")


class Wording:
    """Seeded choice among phrasings: the same seed and key give the same word,
    and one choice never shifts another (each is seeded by its own key).

    Verbs and sentence frames come first from what `narrator mine` learned from prior
    reports (lexicon/patterns.yaml), then from the hand-made lexicon/phrasing.yaml."""

    def __init__(self, seed: int, patterns: str | Path | None = None):
        self.seed = seed
        self.patterns = lexicon.mined_patterns(str(patterns) if patterns else None)

    def choose(self, key: str, options: list[str]) -> str:
        return random.Random(f"{self.seed}|{key}").choice(options)

    def vary(self, word: str, key: str = "") -> str:
        options = phrasing()["synonyms"].get(word, [word])
        return self.choose(f"{word}|{key}", options)

    def verb(self, indicator: Indicator) -> str:
        """The verb that goes before an indicator's name: one the corpus uses with the same
        object and measure word (会议 in 场 ← 举办), else one lexicon/phrasing.yaml gives the unit."""
        if any(indicator.name.startswith(verb) for verb in phrasing()["leading_verbs"]):
            return ""
        unit = indicator.completion.unit or indicator.target.unit
        mined: dict[str, int] = {}
        for pattern in self._matching(indicator.name, unit):
            verb = pattern["verb"]
            if verb and verb not in indicator.name:
                mined[verb] = mined.get(verb, 0) + pattern["count"]
        if mined:
            best = max(mined.values())
            return self.choose(f"verb|{indicator.name}", [v for v, count in mined.items() if count == best])
        options = phrasing()["unit_verbs"].get(unit)
        return self.choose(f"verb|{indicator.name}", options) if options else ""

    def _matching(self, name: str, unit: str) -> list[dict]:
        """Mined statements about the same thing in the same measure: the indicator's name
        ends with the object's head word and the units are one (场 = 场次)."""
        return [p for p in self.patterns.get("statements", [])
                if p["head"] and len(p["head"]) >= 2 and name.endswith(p["head"]) and unit
                and (p["measure"] == unit or lexicon.same_unit(p["measure"], unit))]

    def statement(self, indicator: Indicator) -> str:
        """A completion said the way the corpus says it: a mined frame with one figure, whose
        object's head ends the indicator's name (全年举办{对象}{数值}{量词} → 全年举办科技镇长团各类会议6场).
        "" when no frame fits; the caller then writes verb + name + value."""
        unit = indicator.completion.unit
        candidates = []
        for pattern in self._matching(indicator.name, unit):
            frame = pattern["frame"]
            if not pattern.get("generic") or frame.count("{") != (3 if "{量词}" in frame or "{单位}" in frame else 2):
                continue
            if re.search(r"[超约近逾余]\{", frame):
                continue
            obj = indicator.name
            verb = pattern["verb"]
            literal = re.sub(r"\{.+?\}", "", frame)
            if verb and frame.find(verb + "{") >= 0 and obj.startswith(verb):
                obj = obj[len(verb):]
            elif any(obj.startswith(v) for v in phrasing()["leading_verbs"]) or (verb and verb in obj):
                continue
            if any(len(word) >= 2 and word in obj for word in re.findall(r"[\u4e00-\u9fff]{2,}", literal)):
                continue
            candidates.append((pattern["count"], frame, obj))
        if not candidates:
            return ""
        best = max(count for count, _, _ in candidates)
        frame, obj = self.choose(f"frame|{indicator.name}", [(f, o) for c, f, o in candidates if c == best])
        value = quantity_text(indicator.completion)
        number = value[:-len(unit)] if unit and value.endswith(unit) else value
        return (frame.replace("{对象}", obj).replace("{数值}", number).replace("{量词}", unit)
                .replace("{单位}", unit).replace("{比率}", value))

    def sentences(self, kind: str, report: Report, limit: int) -> list[str]:
        """Mined 存在问题 / 改进措施 sentences, most frequent first, slots filled from the report.
        A sentence with a slot the report cannot fill is not used."""
        values = {"单位": report.unit_name, "年度": str(report.year)}
        chosen = []
        for entry in self.patterns.get(kind, []):
            if all(slot in values for slot in entry["slots"]):
                text = entry["sentence"]
                for slot in entry["slots"]:
                    text = text.replace("{" + slot + "}", values[slot])
                chosen.append(text)
            if len(chosen) == limit:
                break
        return chosen


class Missing:
    """Collects what a placeholder stood for, so the CLI can warn about it."""

    def __init__(self):
        self.items: list[str] = []

    def __call__(self, what: str, where: str = "") -> str:
        entry = f"{where}：{what}" if where else what
        if entry not in self.items:
            self.items.append(entry)
        return phrasing()["placeholder"].format(what)


def goal_text(quantity: Quantity) -> str:
    """A target inside a sentence: "比目标值100%" rather than "比目标值=100%"."""
    text = quantity_text(quantity)
    return text[1:] if quantity.is_number and quantity.comparator == "=" else text


def quantity_text(quantity: Quantity) -> str:
    """A target or completion value as the report writes it (≥660亿元, 96.03%, 健全)."""
    return quantity.format() if quantity.is_number else quantity.text


# ---------------------------------------------------------------- what the templates speak about

@dataclass
class Group:
    """Indicators of one duty (二级指标) with the key tasks that belong to it."""

    title: str
    results: list[IndicatorResult]
    tasks: list[KeyTask]


def _category(indicator: Indicator) -> str:
    for name, levels in phrasing()["categories"].items():
        if indicator.level1 in levels:
            return name
    return "duty"


def _groups(results: list[IndicatorResult], tasks: list[KeyTask]) -> list[Group]:
    order: list[str] = []
    by_title: dict[str, list[IndicatorResult]] = {}
    for result in results:
        indicator = result.indicator
        title = indicator.level2 or indicator.key_work or indicator.level1 or indicator.name
        if title not in by_title:
            order.append(title)
            by_title[title] = []
        by_title[title].append(result)
    groups = []
    for title in order:
        works = {r.indicator.key_work for r in by_title[title] if r.indicator.key_work}
        belongs = [t for t in tasks if t.duty == title or t.name in works]
        groups.append(Group(title, by_title[title], belongs))
    return groups


@dataclass
class Evidence:
    """What section 五 is built from."""

    missed: list[IndicatorResult]
    pending: list[IndicatorResult]
    far_exceeded: list[IndicatorResult]
    exceeded: list[IndicatorResult]
    execution_rate: Decimal | None
    execution_indicator: IndicatorResult | None
    adjustment_rate: Decimal | None
    adjustment_indicator: IndicatorResult | None

    @property
    def execution_low(self) -> bool:
        if self.execution_indicator is not None:
            return self.execution_indicator.status is Status.MISSED
        return self.execution_rate is not None and self.execution_rate < 100

    @property
    def adjusted(self) -> bool:
        return self.adjustment_rate is not None and self.adjustment_rate != 0


def _evidence(evaluation: Evaluation) -> Evidence:
    threshold = Decimal(str(phrasing()["target_too_low_percent"]))
    results = evaluation.indicators
    names = phrasing()["budget_indicators"]
    execution = next((r for r in results if r.indicator.name == names["execution"]), None)
    exceeded = evaluation.by_status(Status.EXCEEDED)
    return Evidence(
        missed=[r for r in evaluation.by_status(Status.MISSED) if r.indicator.name not in names.values()],
        pending=evaluation.by_status(Status.PENDING),
        far_exceeded=[r for r in exceeded if r.deviation is not None and r.deviation >= threshold],
        exceeded=sorted(exceeded, key=lambda r: r.deviation or 0, reverse=True),
        execution_rate=evaluation.budget_execution_rate,
        execution_indicator=execution,
        adjustment_rate=evaluation.budget_adjustment_rate,
        adjustment_indicator=next((r for r in results if r.indicator.name == names["adjustment"]), None),
    )


# ---------------------------------------------------------------- tables

def reason_text(result: IndicatorResult, missing: Missing) -> str:
    """原因分析 column: the input's reason; 超额完成工作任务 for over-fulfilment; a visible
    placeholder for a shortfall without one."""
    if result.indicator.reason:
        return result.indicator.reason
    if result.status is Status.EXCEEDED:
        return phrasing()["exceeded_reason"]
    if result.status is Status.MISSED:
        return missing("原因分析", result.indicator.name)
    return ""


def _tables(evaluation: Evaluation, missing: Missing, templates: str | Path | None = None) -> dict[str, Table]:
    report = evaluation.report
    budget_rows = []
    for b in evaluation.budget:
        budget_rows.append([
            b.line.name, format_decimal(b.line.initial),
            format_decimal(b.line.adjustment) if b.line.adjustment else "",
            format_decimal(b.adjusted_budget),
            format_decimal(b.line.actual) if b.line.actual is not None else missing("实际支出数", b.line.name),
            format_percent(b.execution_rate) if b.execution_rate is not None else "",
        ])
    tasks = [[t.duty, t.name, t.content, t.result or missing("完成情况", t.name)] for t in report.key_tasks]
    rows = []
    for r in evaluation.indicators:
        i = r.indicator
        completion = quantity_text(i.completion) if not i.completion.is_empty else missing("完成值", i.name)
        rows.append([i.level1, i.level2, i.name, quantity_text(i.target), completion, i.source,
                     r.deviation_text, reason_text(r, missing)])
    layouts = table_layouts(templates)
    return {name: Table(name, layouts[name]["columns"], data, tuple(layouts[name]["merge"]),
                        tuple(layouts[name]["widths"]))
            for name, data in (("budget", budget_rows), ("tasks", tasks), ("self_evaluation", rows))}


def table_layouts(templates: str | Path | None = None) -> dict[str, Any]:
    """Headers, widths and merged columns of the tables, from templates/tables.yaml
    (a user's --templates folder first)."""
    folder = Path(templates) if templates and (Path(templates) / "tables.yaml").is_file() else data_path("templates")
    with open(folder / "tables.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


# ---------------------------------------------------------------- composing

def environment(templates: str | Path | None = None) -> SandboxedEnvironment:
    folders = [str(templates)] if templates else []
    folders.append(str(data_path("templates")))
    env = SandboxedEnvironment(loader=ChoiceLoader([FileSystemLoader(folders)]), autoescape=False,
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                               undefined=StrictUndefined)
    env.filters.update(qty=quantity_text, goal=goal_text, num=format_decimal, pct=format_percent, big=rescale,
                       join=join_list, cn=chinese_number, strip_end=strip_end)
    return env


def compose(evaluation: Evaluation, seed: int = DEFAULT_SEED, templates: str | Path | None = None,
            patterns: str | Path | None = None) -> Document:
    """The whole report as headings, paragraphs and tables; `patterns` is a file
    `narrator mine` wrote (default lexicon/patterns.yaml)."""
    report = evaluation.report
    missing = Missing()
    wording = Wording(seed, patterns)
    limit = phrasing()["mined_sentences"]
    by_category: dict[str, list[IndicatorResult]] = {"duty": [], "process": [], "effect": []}
    for result in evaluation.indicators:
        by_category[_category(result.indicator)].append(result)
    tables = _tables(evaluation, missing, templates)
    context = {
        "report": report, "ev": evaluation, "Status": Status,
        "groups": _groups(by_category["duty"], report.key_tasks),
        "process": by_category["process"], "effect": by_category["effect"],
        "evidence": _evidence(evaluation), "total": evaluation.total_budget,
        "counts": {status.name: len(evaluation.by_status(status)) for status in Status},
        "vary": wording.vary, "verb": wording.verb, "statement": wording.statement, "missing": missing,
        "mined_problems": wording.sentences("problems", report, limit),
        "mined_improvements": wording.sentences("improvements", report, limit),
        "reason": lambda result: reason_text(result, missing),
    }
    try:
        text = environment(templates).get_template("report.j2").render(context)
    except TemplateError as error:
        where, line = _template_position(error)
        raise NarratorError(message("template_error", template=where, line=line, reason=error)) from None
    return _parse(text, tables, missing)


def _template_position(error: TemplateError) -> tuple[str, object]:
    """The template file and line an error arose in: syntax errors carry them;
    errors while rendering are found in the traceback Jinja2 rewrites."""
    if getattr(error, "lineno", None):
        return Path(getattr(error, "filename", None) or getattr(error, "name", None) or "report.j2").name, error.lineno
    where, line = "report.j2", "?"
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where, line = Path(filename).name, trace.tb_lineno
        trace = trace.tb_next
    return where, line


def _parse(text: str, tables: dict[str, Table], missing: Missing) -> Document:
    title = subtitle = ""
    blocks: list[Heading | Paragraph | Table] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@title "):
            title = "\n".join(filter(None, [title, line.removeprefix("@title ").strip()]))
        elif line.startswith("@subtitle "):
            subtitle = line.removeprefix("@subtitle ").strip()
        elif line.startswith("@table "):
            blocks.append(tables[line.removeprefix("@table ").strip()])
        elif line.startswith("## "):
            blocks.append(Heading(2, line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(Heading(1, line[2:].strip()))
        else:
            blocks.append(Paragraph(line))
    return Document(title, subtitle, blocks, missing.items)
