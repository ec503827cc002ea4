"""Facts: what the tables (or the --data input) say, and what follows from them.

Each indicator gives its completion value, target, deviation (as written, else
computed) and the difference completion − target; each budget line its five
columns; the total line also 预算调整率. Figures inside the 年度重点任务 table's
完成情况 cells are facts too, named by the phrase they are about, and by the task
name when the cell holds one figure.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from itertools import combinations
from pathlib import Path

from ..core import lexicon
from ..core.evaluate import Evaluation, Status, evaluate
from ..core.model import BUDGET_UNIT, Indicator, Report
from ..core.quantity import Quantity, format_decimal, parse_quantity, share_percent, shown
from ..recognise.tables import Cell, ReportTables
from ..statements.extract import Claim, count_key, extract, name_tokens
from ..statements.roles import words as statement_words
from .across import pair
from .findings import Location, has_wording, wording

# Facts computed from others for what a sentence may say of them (a ratio, percentage points, a share …);
# CheckResult.facts counts the figures read from the tables without these.
DERIVED_ROLES = ("ratio", "multiple", "points", "rate_gap", "remainder", "share", "column_gap")  # and changes on last year (Fact.base)

OWN_BUDGET = "="  # a share's whole when it is the line's own 调整预算数

BUDGET_NAMES = {"initial": "年初预算数", "adjustment": "调整数", "adjusted": "调整预算数",
                "actual": "实际支出数", "rate": "执行率"}


@dataclass(frozen=True)
class Fact:
    name: str
    role: str  # "completion", "target", "deviation" or "difference"
    quantity: Quantity
    location: Location
    place: str  # in words, for messages (templates/findings.yaml: place_*)
    aliases: tuple[frozenset[str], ...] = ()
    scope: str = ""  # the budget line a budget figure belongs to ("" for the total and non-budget facts)
    budget: bool = False
    status: str = ""  # an indicator's 达成/未达成 …, for the meaning rules
    whole: str = ""  # a share's whole: the budget line it is a part of ("" for the total)
    base: str = ""  # a change on last year: last year's value it is computed from

    @property
    def tokens(self) -> frozenset[str]:
        return name_tokens(self.name)

    def names(self) -> tuple[frozenset[str], ...]:
        return (self.tokens, *self.aliases)


@dataclass
class Facts:
    facts: list[Fact] = field(default_factory=list)
    evaluation: Evaluation | None = None
    budget_lines: tuple[str, ...] = ()  # names of non-total budget lines, for scoping claims
    own_words: frozenset[str] = frozenset()  # the words of the report's own unit name, which name nothing
    scopes_found: dict = field(default_factory=dict, repr=False, compare=False)  # link.claim_scope's, by context

    @cached_property
    def budget_names(self) -> frozenset[frozenset[str]]:
        """Names of budget figures: an indicator named so (预算执行率) is scoped like one."""
        return frozenset(fact.tokens for fact in self.facts if fact.budget)

    def by_role(self, role: str) -> list[Fact]:
        return self._roles.get(role, [])

    @cached_property
    def _roles(self) -> dict[str, list[Fact]]:
        roles: dict[str, list[Fact]] = {}
        for fact in self.facts:
            roles.setdefault(fact.role, []).append(fact)
        return roles

    @cached_property
    def _distinct(self) -> tuple[list[Fact], list[int]]:
        """The facts that differ in anything but their place (a table repeated in an annex states its
        facts again), each first occurrence with how many times it occurs."""
        first: dict[tuple, int] = {}
        distinct: list[Fact] = []
        counts: list[int] = []
        data = wording("place_data")
        for fact in self.facts:
            key = (fact.name, fact.role, fact.quantity, fact.aliases, fact.scope, fact.budget, fact.status)
            if key in first:
                # the input (--data) stating what a table of the report states is no second statement of it
                counts[first[key]] += fact.place != data and distinct[first[key]].place != data
            else:
                first[key] = len(distinct)
                distinct.append(fact)
                counts.append(1)
        return distinct, counts

    @cached_property
    def _words(self) -> dict[tuple[str, str], list[int]]:
        """(role, word) → positions among the distinct facts of those whose name or alias has the word."""
        index: dict[tuple[str, str], list[int]] = {}
        for position, fact in enumerate(self._distinct[0]):
            role = fact.role
            # A count is found by its key (#count:met:效益) alone: its worded name is for messages.
            for name in fact.aliases if role == "count" else (fact.tokens, *fact.aliases):
                for word in name:
                    positions = index.setdefault((role, word), [])
                    if not positions or positions[-1] != position:  # a word in both a name and an alias
                        positions.append(position)
        return index

    def sharing(self, role: str, words: frozenset[str]) -> list[tuple[Fact, int]]:
        """The distinct facts of `role` whose names share a word with `words`, in table order, with
        how often each occurs: the only ones a name can score above zero against, found without
        scanning every fact for every claim."""
        distinct, counts = self._distinct
        positions: set[int] = set()
        for word in words:
            positions.update(self._words.get((role, word), ()))
        return [(distinct[position], counts[position]) for position in sorted(positions)]

    @cached_property
    def scopes(self) -> tuple[str, ...]:
        """The budget line names, each once."""
        return tuple(dict.fromkeys(self.budget_lines))

    @cached_property
    def scope_forms(self) -> tuple[tuple[str, str], ...]:
        """(how a text may name it, the line): each line's name, and its name without a closing 项目/经费/资金
        (小型水库除险加固 for 小型水库除险加固项目) when four characters or more are left and no other line's
        name or short name is the same."""
        suffixes = tuple(statement_words()["line_name_suffixes"])
        short = {}
        for name in self.scopes:
            stem = next((name[:-len(end)] for end in suffixes if name.endswith(end) and len(name) - len(end) >= 4), "")
            if stem:
                short.setdefault(stem, []).append(name)
        # (经济普查经费 for 第五次全国经济普查经费: the name without an ordinal that opens it)
        for name in self.scopes:
            for pattern in statement_words()["line_name_openings"]:
                bare = re.sub(pattern, "", name)
                if bare != name and len(bare) >= 4:
                    short.setdefault(bare, []).append(name)
        forms = [(name, name) for name in self.scopes]
        forms += [(stem, names[0]) for stem, names in short.items() if len(names) == 1 and stem not in self.scopes]
        return tuple(forms)

    def scope_words(self, scope: str) -> frozenset[str]:
        return name_tokens(scope)

    def unit_count(self, role: str, unit: str, exclude_place: str = "") -> int:
        """How many facts of `role` are counted in `unit`, those of `exclude_place` left out."""
        return self._units.get((role, unit), 0) - self._units.get((role, unit, exclude_place), 0)

    @cached_property
    def _units(self) -> dict[tuple[str, ...], int]:
        counts: dict[tuple[str, ...], int] = {}
        for fact in self._distinct[0]:  # a fact the input and a table both state counts once
            for key in ((fact.role, fact.quantity.unit), (fact.role, fact.quantity.unit, fact.place)):
                counts[key] = counts.get(key, 0) + 1
        return counts


def cell_location(file: str, cell: Cell | None, section: str = "") -> Location:
    if cell is None:
        return Location(file, section)
    if not cell.table:  # a cell read from a line of text, not from a table
        return Location(file, section, line=cell.line, page=cell.page)
    return Location(file, section, table=cell.table, row=cell.row, column=cell.column, column_index=cell.index,
                    line=cell.line, page=cell.page)


def table_facts(tables: ReportTables, sections: dict[int, str] | None = None,
                task_claims: list[list[Claim]] | None = None) -> Facts:
    """Facts from the tables of a report just read; `task_claims`: the claims of each key task's 完成情况,
    when already extracted."""
    sections = sections or {}
    # an indicator two tables give alike (表2 完成情况 and 表3 未达标原因) is evaluated once; both rows' cells are checked
    once: dict[tuple, Indicator] = {}
    for row in tables.indicators:
        once.setdefault(_row_key(row.indicator), row.indicator)
    report = dataclasses.replace(tables.report(), indicators=list(once.values()))
    evaluation = evaluate(report)
    result_of = dict(zip(once, evaluation.indicators))
    facts: list[Fact] = []
    for row in tables.indicators:
        result = result_of[_row_key(row.indicator)]
        def where(key, row=row):
            cell = row.cells.get(key)
            return cell_location(tables.file, cell, sections.get(cell.table, "") if cell else "")
        facts += _indicator_facts(result, where, wording("place_self_evaluation"), row.cells.get("deviation"))
    for row, result in zip(tables.budget, evaluation.budget):
        def where(key, row=row):
            cell = row.cells.get(key) or row.cells["name"]
            return cell_location(tables.file, cell, sections.get(cell.table, ""))
        facts += _budget_facts(result, evaluation, where, wording("place_budget"), row.cells.get("rate"), set(row.cells))
    if task_claims is None:
        task_claims = extract(row.task.result for row in tables.tasks)
    for row, claims in zip(tables.tasks, task_claims):
        cell = row.cells.get("result")
        for claim in _of_their_own(claims):
            location = cell_location(tables.file, cell, sections.get(cell.table, "") if cell else "")
            location = Location(**{**location.__dict__, "start": claim.start, "end": claim.end})
            aliases = (name_tokens(row.task.name),) if len(claims) == 1 and row.task.name else ()
            facts.append(_claim_fact(claim, location, aliases))
    if tables.indicators:
        first = tables.indicators[0].cells["name"]
        facts += count_facts(evaluation, Location(tables.file, sections.get(first.table, ""), table=first.table),
                             wording("place_self_evaluation"))
    return Facts(facts, evaluation, _scoped_lines(report))


def _row_key(indicator: Indicator) -> tuple:
    """An indicator as a row of the report's tables states it: its name and figures."""
    return indicator.name, indicator.target.raw, indicator.completion.raw


def data_facts(report: Report) -> Facts:
    """Facts from a structured input (--data): the table of record for a report without tables."""
    evaluation = evaluate(report)
    facts: list[Fact] = []
    for result in evaluation.indicators:
        origin = result.indicator.origin

        def where(key, origin=origin):
            return Location(report.source, row=origin.row if origin else None,
                            column={"completion": "完成值", "target": "目标值"}.get(key, key))
        facts += _indicator_facts(result, where, wording("place_data"), None)
    for result in evaluation.budget:
        def where(key, result=result):
            origin = result.line.origin
            return Location(report.source, row=origin.row if origin else None, column=BUDGET_NAMES.get(key, key))
        facts += _budget_facts(result, evaluation, where, wording("place_data"), None)
    for claims, task in zip(extract(task.result for task in report.key_tasks), report.key_tasks):
        for claim in _of_their_own(claims):
            origin = task.origin
            location = Location(report.source, row=origin.row if origin else None, column="完成情况")
            facts.append(_claim_fact(claim, location, (name_tokens(task.name),) if len(claims) == 1 else ()))
    if report.indicators:
        facts += count_facts(evaluation, Location(report.source), wording("place_data"))
    return Facts(facts, evaluation, _scoped_lines(report))


def fact_name(fact: Fact) -> str:
    """The fact in words for a message: “预算执行率”, “项目支出”的执行率, “成交额”完成值占目标值的比例 …"""
    if fact.role == "column_gap":
        first, second = fact.name.split("−")
        return wording("fact_column_gap", line=fact.scope or wording("total_line"), first=BUDGET_NAMES[first],
                       second=BUDGET_NAMES[second])
    if fact.role == "share" and fact.whole == OWN_BUDGET:
        return wording("fact_own_share", line=fact.scope or wording("total_line"))
    if fact.role == "share":
        return wording("fact_share", line=fact.scope, whole=fact.whole or wording("total_line"), name=fact.name)
    if fact.budget:
        return wording("fact_budget", line=fact.scope or wording("total_line"), name=fact.name)
    if fact.base:
        return wording("fact_last_year", name=fact.name, base=fact.base)
    key = f"fact_{fact.role}"
    # a fact of a role no phrase is written for (a table's other figure) is named as itself
    return wording(key if has_wording(key) else "fact_completion", name=fact.name)


def count_facts(evaluation: Evaluation, location: Location, place: str) -> list[Fact]:
    """How many indicators there are, met (达成 or 超额完成), exceeded, missed and pending; in all, in
    each set of 一级指标 (效益和满意度指标共9项), and among the qualitative or the quantitative ones of
    one 一级指标 (定量指标13项中10项达到), for the sentences that count them."""
    results = evaluation.indicators
    statuses = {"total": None, "met": (Status.MET, Status.EXCEEDED), "exceeded": (Status.EXCEEDED,),
                "missed": (Status.MISSED,), "pending": (Status.PENDING,)}
    levels = sorted({r.indicator.level1.removesuffix("指标") for r in results} & set(lexicon.level_names()))
    groups = [group for size in range(min(len(levels), 4) + 1) for group in combinations(levels, size)]
    # Each 二级指标 category too (数量指标共8项，6项完成): "@数量".
    groups += [("@" + name,) for name in sorted({r.indicator.level2.removesuffix("指标") for r in results} - {""})]
    # Each 重点工作 (task area) too (妇幼健康服务（3项指标，2项达标）): "~妇幼健康服务".
    areas = sorted({r.indicator.key_work for r in results} - {""})
    groups += [("~" + name,) for name in areas]
    kinds = {kind: word for word, kind in lexicon.indicator_kinds().items()}
    # Each indicator once: its 一级 and 二级 names, quantitative or not, and status, counted by these.
    tally = Counter((r.indicator.level1.removesuffix("指标"), r.indicator.level2.removesuffix("指标"),
                     r.indicator.key_work, r.is_quantitative, r.status) for r in results)
    facts = []
    for group in groups:
        for kind in ("", *kinds) if len(group) <= 1 else ("",):
            within: Counter = Counter()
            for (level1, level2, area, quantitative, status), number in tally.items():
                if _in_group(level1, level2, group, area) and (not kind or quantitative == (kind == "quantitative")):
                    within[status] += number
            label = (group[0][1:] if group and group[0][0] in "@~" else "、".join(group) + "类" if group else "") \
                + kinds.get(kind, "")
            for status, wanted in statuses.items():
                number = sum(within.values()) if wanted is None else sum(within[found] for found in wanted)
                key = ("count_group" if status == "total" else f"count_group_{status}") if label else f"count_{status}"
                facts.append(_count_fact(*_count_words(status, group, kind, key, label), number, location, place))
            total, met = sum(within.values()), sum(within[found] for found in statuses["met"])
            if total:  # 指标达标率: the share of them met, exact (compared at the precision the prose writes)
                key = "count_group_share_met" if label else "count_share_met"
                alias, name = _count_words("share_met", group, kind, key, label)
                facts.append(Fact(name, "count", _share_met(met, total), location, place, aliases=(frozenset({alias}),)))
    return facts


def in_group(indicator, group: tuple[str, ...]) -> bool:
    """Is the indicator one of the 一级 categories `group` names (效益, 满意度), or of its 二级 one (@数量)?"""
    return _in_group(indicator.level1.removesuffix("指标"), indicator.level2.removesuffix("指标"), group,
                     indicator.key_work)


def _in_group(level1: str, level2: str, group: tuple[str, ...], area: str = "") -> bool:
    if not group:
        return True
    if group[0].startswith("@"):
        return level2 == group[0][1:]
    if group[0].startswith("~"):
        return area == group[0][1:]
    return level1 in group


@lru_cache(maxsize=4096)
def _count_words(status: str, group: tuple[str, ...], kind: str, key: str, label: str) -> tuple[str, str]:
    """The key a count is linked by and its worded name (formatted once per process for each group)."""
    return count_key(status, group, kind), wording(key, levels=label)


@lru_cache(maxsize=1024)
def _share_met(met: int, total: int) -> Quantity:
    return computed(share_percent(met, total), "%")


def _count_fact(key: str, name: str, number: int, location: Location, place: str) -> Fact:
    return Fact(name, "count", _count_quantity(number), location, place, aliases=(frozenset({key}),))


@lru_cache(maxsize=256)
def _count_quantity(number: int) -> Quantity:
    return shown(Decimal(number), "项")


def _scoped_lines(report: Report) -> tuple[str, ...]:
    return tuple(line.name for line in report.budget_lines if line.parent)


def _of_their_own(claims: list[Claim]) -> list[Claim]:
    """A narrative's claims without those about the rest of something (其余11个因……): 其余 names nothing of its own —
    as a fact it stood for 其余五个项目 in a report's budget part (a false error in narrator's own drafts)."""
    rest = tuple(lexicon.claim_words()["rest_subjects"])
    bare = lexicon.claim_words()["bare_subjects"]
    # (……等23个路段，涉及9个镇: 涉及 alone names nothing — it stood for 涉及3个项目 in a budget part)
    return [claim for claim in claims if not claim.subject.lstrip().startswith(rest) and claim.subject.strip() not in bare]


def _claim_fact(claim: Claim, location: Location, aliases: tuple) -> Fact:
    # A figure the words leave open (占比99.13%) stands in a table as what it first is: a value.
    role = claim.alternatives[0] if claim.alternatives else claim.role
    return Fact(claim.subject, role, claim.quantity, location, wording("place_tasks"),
                aliases=(claim.tokens, *aliases))


def _indicator_facts(result, where, place: str, deviation_cell: Cell | None) -> list[Fact]:
    indicator = result.indicator
    facts = []
    if indicator.completion.is_number:
        facts.append(Fact(indicator.name, "completion", indicator.completion, where("completion"), place,
                          status=result.status.value))
        if indicator.completion.unit == "%" and any(word in indicator.name for word in _growth_names()):
            # 营业收入增长率 10%: what a sentence says as 营业收入同比增长10%.
            facts.append(Fact(indicator.name, "growth", indicator.completion, where("completion"), place))
    if indicator.target.is_number:
        facts.append(Fact(indicator.name, "target", indicator.target, where("target"), place))
    written = parse_quantity(deviation_cell.text) if deviation_cell is not None else parse_quantity("")
    if written.is_number:
        facts.append(Fact(indicator.name, "deviation", written, where("deviation"), place))
    elif result.deviation is not None:
        facts.append(Fact(indicator.name, "deviation", result.deviation_quantity, where("deviation"),
                          place))
    if result.margin is not None:
        difference = shown(abs(result.margin), indicator.target.unit)
        facts.append(Fact(indicator.name, "difference", difference, where("completion"), place))
        facts += _target_relations(result, where("completion"), place)
    return facts


def computed(value: Decimal, unit: str) -> Quantity:
    """A figure computed from others, exact (compared at the precision a sentence writes it), shown to
    two places."""
    return Quantity(raw=format_decimal(value, 2) + unit, kind="number", value=value, unit=unit, decimals=2,
                    resolution=Decimal("0.01"))


def _target_relations(result, location: Location, place: str) -> list[Fact]:
    """What a sentence may say of a completion value against its target: the ratio (完成目标的131.6%),
    the multiple (为目标的2.81倍) and, for rates, the percentage points (低于目标3.97个百分点)."""
    indicator, completion = result.indicator, result.completion_value
    target = indicator.target.value
    facts = []
    if target:
        facts.append(Fact(indicator.name, "ratio", computed(completion / target * 100, "%"), location, place))
        facts.append(Fact(indicator.name, "multiple", computed(completion / target, "倍"), location, place))
    if indicator.target.unit == "%":  # percentage points of percentages (not of 15/10万)
        facts.append(Fact(indicator.name, "points", computed(abs(result.margin), "个百分点"), location, place))
    return facts


def _growth_names() -> list[str]:
    return lexicon.claim_words()["growth_indicator_words"]


def _budget_facts(result, evaluation: Evaluation, where, place: str, rate_cell: Cell | None,
                  columns: set[str] | None = None) -> list[Fact]:
    """The figures of one budget line; with `columns` (those its table has), only what the table
    states or its columns determine: a table of 全年预算数 and 全年执行数 says nothing of 年初预算数."""
    line = result.line
    scope = line.name if line.parent else ""
    values = {"initial": line.initial, "adjustment": line.adjustment, "adjusted": result.adjusted_budget,
              "actual": line.actual}
    if columns is not None and "initial" not in columns:
        values["initial"] = values["adjustment"] = None
    # A line's column may be named by any of its words once the line is named (文化惠民演出及群众文化活动支出
    # 151.36万元: 支出 is its 实际支出数); the total's only by its full names.
    aliases = {key: tuple(name_tokens(word) for word in lexicon.budget_column_words().get(key, ())) if scope else ()
               for key in values}
    facts = [Fact(BUDGET_NAMES[key], "completion", shown(value, BUDGET_UNIT), where(key), place,
                  aliases=aliases[key], scope=scope, budget=True)
             for key, value in values.items() if value is not None]
    rate = parse_quantity(rate_cell.text) if rate_cell is not None else parse_quantity("")
    if not rate.is_number and result.execution_rate is not None:
        rate = shown(result.execution_rate, "%", 2)
    if rate.is_number:
        facts.append(Fact(BUDGET_NAMES["rate"], "completion", rate, where("rate"), place, scope=scope, budget=True))
    if not line.parent and evaluation.budget_adjustment_rate is not None and result is evaluation.total_budget \
            and values["initial"] is not None:
        facts.append(Fact("预算调整率", "completion", shown(evaluation.budget_adjustment_rate, "%", 2),
                          where("adjustment"), place, budget=True))
    if line.actual is not None and values["adjusted"] is not None:
        # 未支出24.93万元, 结余, 调整后预算与实际支出的差额: 调整预算数 − 实际支出数.
        facts.append(Fact(wording("fact_unspent"), "remainder", computed(values["adjusted"] - line.actual, BUDGET_UNIT),
                          where("actual"), place, scope=scope, budget=True))
    facts += _shares(result, evaluation, where, place, scope, values)
    columns = [(key, values[key]) for key in ("initial", "adjusted", "actual") if values.get(key) is not None]
    for (first, one), (second, other) in combinations(columns, 2):
        # 调整后预算较年初预算增加81.6万元: the difference of two columns of one line.
        facts.append(Fact(column_pair(first, second), "column_gap", computed(abs(one - other), BUDGET_UNIT),
                          where(second), place, scope=scope, budget=True))
    return facts


def column_pair(first: str, second: str) -> str:
    """The name of the difference of two budget columns, the same whichever is said first."""
    return "−".join(sorted((first, second)))


def _shares(result, evaluation: Evaluation, where, place: str, scope: str, values: dict) -> list[Fact]:
    """A line's part of its parent line and of the total, in 实际支出数 and 调整预算数 (基本支出占实际支出的95.86%)."""
    line = result.line
    own = []
    if line.actual is not None and values["adjusted"]:
        # 实际支出602.24万元，占调整后预算的96.03%: the line's spending in its own budget (its 执行率).
        own.append(Fact(BUDGET_NAMES["adjusted"], "share", computed(line.actual / values["adjusted"] * 100, "%"),
                        where("rate"), place, scope=scope, budget=True, whole=OWN_BUDGET))
    if not line.parent:
        return own
    parents = {other.line.name: other for other in evaluation.budget}
    wholes = [(line.parent, parents.get(line.parent)), ("", evaluation.total_budget)]
    facts = []
    for whole_name, whole in wholes:
        if whole is None or (whole_name and whole is evaluation.total_budget):
            continue
        for key, part, total in (("actual", line.actual, whole.line.actual),
                                 ("adjusted", values["adjusted"], whole.adjusted_budget)):
            if part is not None and total:
                facts.append(Fact(BUDGET_NAMES[key], "share", computed(part / total * 100, "%"), where(key), place,
                                  scope=scope, budget=True, whole=whole_name))
    return own + facts


def last_year_facts(evaluation: Evaluation | None, last: Report) -> list[Fact]:
    """The change on last year of each indicator that both years report with a number (paired by name,
    narrator/checking/across.py): in percent (同比增长38.9%) and in the indicator's unit (较上年增加15家), computed
    exactly and compared at the precision written."""
    if evaluation is None:
        return []
    facts = []
    this_year = [result.indicator for result in evaluation.indicators]
    for before, now in pair(this_year, last.indicators):
        if before is None or now is None or not (before.completion.is_number and now.completion.is_number):
            continue
        previous = before.completion.in_unit(now.completion.unit)
        if previous is None:
            continue
        origin = before.origin
        location = Location(origin.file if origin else "")
        place = wording("place_last_year", where=" ".join(filter(None, (
            Path(origin.file).name, origin.sheet, wording("origin_row", row=origin.row) if origin.row else ""))
            ) if origin else "")
        change = now.completion.value - previous
        facts.append(Fact(now.name, "growth", computed(change, now.completion.unit), location, place,
                          base=before.completion.text))
        if previous:
            facts.append(Fact(now.name, "growth", computed(change / previous * 100, "%"), location, place,
                              base=before.completion.text))
    return facts
