"""Link a claim to the fact it speaks of.

A fact is a candidate when it has the claim's role (completion, target, growth …), a unit
the claim's unit converts to, and a name close enough: the Dice overlap of their content
words (jieba with the domain dictionary, synonyms made canonical, the report's own unit
name left out) reaches `THRESHOLD`. Budget figures also need the right line: 其中基本支出…
执行率95.99% speaks of 基本支出, not of the total. Similar names stay different facts.

The decision: a candidate that agrees settles the claim (the best such); a claim that
disagrees with every candidate is wrong only when the checker is sure what it speaks of (the
name is certain, `_certain`, and only one reading of its role finds candidates), and the
finding names them all (candidates that agree with each other within their written precision
count as one). Figures of computed roles (a ratio, percentage points, a budget remainder, a
share, the difference of two budget columns) are linked to facts computed for them
(narrator/checking/facts.py). A claim that is not linked keeps the reason (`REASONS`), for
`narrator check --explain`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

import jieba

from ..core import lexicon
from ..core.compare import agrees
from ..core.model import BUDGET_UNIT
from ..core.quantity import find_quantities, shown
from ..statements import arithmetic, roles
from ..statements.extract import (CLAUSE_BREAKS, LIST_LABEL, TITLED, Claim, change_ends, count_key, name_tokens,
                                  under_heading)
from .facts import BUDGET_NAMES, DERIVED_ROLES, OWN_BUDGET, Fact, Facts, column_pair, computed, fact_name
from .findings import wording

THRESHOLD = 0.6

CERTAIN_SCORE = 2.0  # a candidate settled by something other than its name (a unit only it uses)
FOREIGN = "#foreign"  # the scope of a figure about a part of a budget line that the table does not hold
CERTAIN = 0.8  # a name this close (or one name's words all within the other's) is surely the same subject

# Why a claim is not linked (the keys of explain_* in templates/findings.yaml).
REASONS = ("no_candidate", "other_unit", "other_line", "weak_name", "uncertain_name", "uncertain_role",
           "unknown_role", "no_whole", "another_fact", "gross_change", "hypothetical",
           "group_part", "sum_of_listed", "group_threshold", "part_of_untold_whole", "listed_count", "own_reckoning",
           "fact_taken", "overview_census", "addend", "baseline", "whole_of_parts")

# A figure of at least this many significant digits that the tables state elsewhere is not called wrong
# (a coincidence of 5430人次 or 96.03% is unlikely; of 17项 or 100% it is not).
DISTINCT_DIGITS = 3



@dataclass(frozen=True)
class Link:
    claim: Claim
    facts: tuple[Fact, ...] = ()  # the facts the claim disagrees with (all its candidates)
    agreed: Fact | None = None
    reason: str = ""  # why the claim is not linked, one of REASONS
    detail: str = ""  # for the reason: the units met (other_unit), the closest name (weak_name)

    @property
    def fact(self) -> Fact | None:
        return self.facts[0] if self.facts else None

    @property
    def linked(self) -> bool:
        return bool(self.facts) or self.agreed is not None


def dice(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


@lru_cache(maxsize=4096)
def compatible_units(claim_unit: str, fact_unit: str) -> bool:
    if claim_unit == fact_unit or lexicon.same_unit(claim_unit, fact_unit):
        return True
    factors, kinds = lexicon.unit_factors(), lexicon.unit_kinds()
    return (claim_unit in factors and fact_unit in factors and kinds[claim_unit] == kinds[fact_unit]
            and kinds[claim_unit] != "time")


def claim_scope(claim: Claim, facts: Facts) -> str:
    """The budget line named last in the sentence before the figure, if any; FOREIGN when a part of it
    that is no line of the table is named after it (项目支出……，其中双创中心物业管理费调整后预算217.25万元).
    (Found once for each wording of a claim's place in a check: a claim is read in several roles.)"""
    key = (claim.context, claim.lead, claim.earlier)
    found = facts.scopes_found.get(key)
    if found is None:
        found = facts.scopes_found[key] = _claim_scope(claim, facts)
    return found


def _claim_scope(claim: Claim, facts: Facts) -> str:
    own = _last_line(claim.context, facts)
    if not own and any(word in claim.context for word in roles.words()["whole_subjects"]):
        return ""  # ……。也就是说，部门整体预算执行率没有达到95%: the whole, whatever line was named before
    own = own or (_last_line(claim.lead, facts) if claim.lead else "")
    if not own and not claim.earlier:
        return _paragraph_line(claim, facts) or _a_project(claim)
    if own:
        return own if _sums_agree(own, claim, facts) else FOREIGN
    # 调整后预算627.17万元，……: a sentence that opens with a column of the budget speaks of the whole, not of
    # the line the sentence before ended with (……项目支出追减3.25万元。)
    if claim.context.lstrip().startswith(tuple(word for words in lexicon.budget_column_words().values()
                                                for word in words)):
        # (but in a paragraph that opens on a line: 促消费活动及消费券资金年初预算600.00万元。……。调整后预算1000.00万元，
        # ……执行率99.64% is that line's)
        return _paragraph_line(claim, facts)
    # (……年中追加大气污染防治专项资金136.00万元，补助范围扩大。年初目标偏保守。该项资金调整后预算……: the fund the
    # nearest sentence that names one names, up to POINTED_BACK sentences before)
    earlier = claim.earlier
    for _ in range(POINTED_BACK):
        line = _last_line(_last_sentence(earlier), facts)
        if line or not earlier.strip():
            return line
        earlier = earlier.rstrip("。；; ")[:max(earlier.rstrip("。；; ").rfind(mark) for mark in "。！？\n") + 1]
    return _a_project(claim)


def _sums_agree(line: str, claim: Claim, facts: Facts) -> bool:
    """The sum right after the line's name in the sentence, if any, is one of that line's (its budget, spending,
    change or remainder): 项目支出30.40万元，……未支出49.60万元 in an account of one project says what the project
    spent, not the table's 项目支出 (334.54万元) — its 49.60万元 is no remainder of that line (岚陵)."""
    sentence = claim.sentence[:claim.start - claim.sentence_start]
    at = sentence.rfind(line)
    if at < 0:
        return True
    following = [q for q in find_quantities(sentence[at + len(line):]) if q.is_number and q.unit == BUDGET_UNIT]
    if not following or sentence[at + len(line):].find(following[0].raw) > _NEAR_NAME:
        return True
    return any(fact.scope == line and agrees(following[0], fact.quantity) for fact in facts.facts)


_NEAR_NAME = 2  # how far after a line's name its own sum stands (项目支出30.40万元; 项目支出为…)


def _a_project(claim: Claim) -> str:
    """FOREIGN for a project's figure that names no project (……6间教室仅完成2间，项目执行率38.00%: the project named
    sentences before — not the whole's), else ""."""
    return FOREIGN if any(word in _last_clause(claim.context) for word in lexicon.claim_words()["a_projects_words"]) \
        else ""


def _paragraph_line(claim: Claim, facts: Facts) -> str:
    """The budget line a paragraph opens on (城镇老旧小区改造配套资金调整预算3850.00万元，……), for a sum of money or a
    rate later in it whose sentence names nothing else (……。年末未支出88.55万元。); "" otherwise."""
    kind = lexicon.unit_kinds().get(claim.quantity.unit)
    if not claim.before or (kind != "money" and claim.quantity.unit != "%") \
            or name_tokens(_without_figures(claim.context)) - _whole_tokens() - _column_tokens():
        return ""
    opener = LIST_LABEL.sub("", claim.before.lstrip()).lstrip("*# ")
    return next((name for form, name in sorted(facts.scope_forms, key=lambda pair: -len(pair[0]))
                 if opener.startswith(form)), "")


POINTED_BACK = 3  # sentences 该项资金 may reach back over to the fund it points at


def _last_sentence(text: str) -> str:
    """The last sentence of `text` (the one before the claim's)."""
    return text.rstrip("。；; ")[max(text.rstrip("。；; ").rfind(mark) for mark in "。！？\n") + 1:]


def _last_line(text: str, facts: Facts) -> str:
    best, position, length = "", -1, 0
    wholes = tuple(roles.words()["share_words"] + roles.words()["compared_leads"])
    causes = _cause_spans(text)
    for form, name in facts.scope_forms:
        found = text.rfind(form)
        while found > 0 and (text[:found].endswith(wholes) or any(start <= found < end for start, end in causes)):
            # 占项目支出的63.12%: 项目支出 is the whole, not the subject (比项目支出平均执行率低: what it is compared
            # with); 因争取到……地质灾害防治补助，全年调增预算
            # 557.40万元: a line named in the reason is not the line the figure is of
            found = text.rfind(form, 0, found)
        if found > position or (found == position >= 0 and len(form) > length):
            best, position, length = name, found, len(form)
    after = text[position + length:] if best else text
    own = re.split(r"[，,；;]", after)[-1]
    for word in roles.words()["budget_change_words"]:
        own = own.replace(word, "")  # 全年调整增加36.40万元: 全年 says when, and the line's change is meant
    # 基本支出年初预算…，调整后预算…，全年实际支出9550.80万元: the line's own sentence part, 全年 says when;
    # ……项目结余26.23万元；加上其他项目零星结余，全年预算执行率: in a part after ； the whole's.
    if best and re.search(r"[；;]", after) and own != after \
            and any(word in own for word in roles.words()["budget_total_qualifiers"]):
        # ……项目结余26.23万元；加上其他项目零星结余，全年预算执行率只有98.05%: a line named in an earlier
        # clause does not scope a figure whose own clause names the whole (全年, 整体 …).
        return ""
    if best and any(word in after for word in roles.words()["share_group_words"]):
        return FOREIGN  # ……高效节水灌溉和黄竹坑小流域治理……两个项目年初预算2040.00万元: the lines together
    for marker in roles.words()["part_markers"] if best else ():
        found = after.rfind(marker)
        if found >= 0:
            named = re.split(f"[0-9{CLAUSE_BREAKS}]", after[found + len(marker):].lstrip("：:"), maxsplit=1)[0]
            if name_tokens(named) - _whole_tokens():
                return FOREIGN
    return best


def _cause_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` gives a reason: a clause opening with 因/由于 …, and the clauses that go on with 以及 …"""
    words = roles.words()
    leads, continuations = tuple(words["cause_leads"]), tuple(words["cause_continuations"])
    if not any(lead in text for lead in leads):
        return []
    spans: list[tuple[int, int]] = []
    start = 0
    for part in re.split(r"(?<=[，,；;])", text):
        stripped = part.lstrip()
        if stripped.startswith(leads) or (spans and spans[-1][1] == start and stripped.startswith(continuations)):
            spans.append((start, start + len(part)))
        start += len(part)
    return spans


def _explaining(context: str) -> bool:
    """The figure stands in a reason (主要原因是原计划……培训约320人次): what it counts is named in passing,
    and a shared unit does not make it the indicator's."""
    words = lexicon.claim_words()["explaining_words"]
    return any(word in context for word in words)


def _has_any(text: str, key: str) -> bool:
    return any(word in text for word in roles.words()[key])


def _claim_names(claim: Claim, facts: Facts, aliases: tuple[frozenset[str], ...], scope: str
                 ) -> tuple[frozenset[str], ...]:
    """The names the claim goes by; a budget line named alone after 其中 takes the column of the whole
    (年初预算1862.40万元，其中基本支出1126.40万元: 基本支出's 年初预算数)."""
    names = (claim_tokens(claim, facts), *aliases)
    if scope and scope != FOREIGN and not claim_tokens(claim, facts) - facts.scope_words(scope):
        names += _whole_column(claim.context, facts)
    return names


def _whole_column(context: str, facts: Facts) -> tuple[frozenset[str], ...]:
    """The budget column a whole was stated in before 其中/包括 (年初预算1862.40万元，其中…), as names;
    none when the whole is a remainder (项目支出结余0.81万元，其中…) or names no column."""
    markers = roles.words()["part_markers"]
    cut = max((context.rfind(marker) for marker in markers), default=-1)
    if cut <= 0:
        return ()
    before = re.split(f"[{CLAUSE_BREAKS}]", context[:cut].rstrip("，, "))[-1]
    for line in facts.scopes:
        before = before.replace(line, " ")  # 项目支出's 支出 names no column
    if _has_any(before, "remainder_words"):
        return ()
    # the column word that ends last, the longest of those (实际支出602.24万元: 实际支出, not its 支出)
    found = [(before.rfind(word) + len(word), len(word), word) for words in lexicon.budget_column_words().values()
             for word in words if word in before]
    if not found:
        return ()
    return (name_tokens(max(found)[2]),)


def _left_behind(context: str, line: str) -> bool:
    """The budget line is named before a clause break or a bracket that precedes the figure."""
    after = context[context.rfind(line) + len(line):]
    return any(mark in after for mark in "，,（(")


def claim_tokens(claim: Claim, facts: Facts) -> frozenset[str]:
    """The words that name what the claim is about: not the report's own unit name."""
    return claim.tokens - facts.own_words


def candidates(claim: Claim, facts: Facts, exclude_place: str = "", aliases: tuple[frozenset[str], ...] = ()
               ) -> tuple[list[tuple[float, Fact]], str, str]:
    """The facts the claim may speak of, best first, or the reason there are none and its detail.
    `aliases`: other names of what the claim is about (the task of a cell with one figure)."""
    # (a count of the indicators is no budget line's, though the sentence names lines' work before it: 围绕馆藏档案数字化、
    # ……设定了6项年度目标，并细化为35项绩效指标，其中决策指标4项、过程指标8项……)
    scope = "" if claim.role == "count" else claim_scope(claim, facts)
    if scope == FOREIGN:
        return [], "other_line", ""
    # A line named in an earlier clause (项目支出调增38.65万元（…），调整后预算1939.25万元) may have
    # been left behind: a column of the total that agrees with the figure is read too (and settles it).
    inherited = bool(scope) and _left_behind(claim.context, scope)
    names = _claim_names(claim, facts, aliases, scope)
    explaining, task_place = _explaining(claim.context), wording("place_tasks")
    foreign = not scope and _foreign_lead(claim.context, facts)
    found, weak = [], []
    weak_count = 0  # the same fact stated twice (a repeated table) is not one weak candidate
    sharing = other_line = 0
    other_units: list[str] = []
    for fact, occurrences in facts.sharing(claim.role, frozenset().union(*names)):
        if fact.place == exclude_place:
            continue
        sharing += 1
        if not compatible_units(claim.quantity.unit, fact.quantity.unit):
            other_units.append(fact.quantity.unit)
            continue
        own_names = names
        if explaining and fact.place == task_place:
            continue  # a figure in a reason is not compared with what a task narrative says
        if not fact.budget and claim.subject.rstrip().endswith(change_ends()):
            continue  # ……资金年中分别追加86.40万元: a change of a budget line, not the fund's total a task cell gives
        if fact.budget and not fact.scope and not scope \
                and (foreign or frozenset().union(*names) - _whole_tokens() - fact.tokens - _column_tokens()
                     - _self_tokens()):
            other_line += 1  # 两项补贴资金实际支出1355.87万元: a fund of its own, not the whole budget
            continue
        if scope and claim.quantity.unit == "%" and not (fact.budget or fact.tokens in facts.budget_names) \
                and scope in re.split("[；;]", claim.context)[-1] and not facts.scope_words(scope) & fact.tokens:
            other_line += 1  # 项目支出……结余361.19万元，结余率5.13%: the line's rate, not the unit's 结转结余率
            continue
        if fact.budget or fact.tokens in facts.budget_names:
            if fact.scope != scope and not (inherited and fact.scope == "" and agrees(claim.quantity, fact.quantity)):
                other_line += 1
                continue
            if not scope and claim.quantity.is_number and fact.quantity.is_number \
                    and claim.quantity.value < 0 < fact.quantity.value:
                other_line += 1  # 调减的20.00万元: a cut of some line, not the whole budget's net increase
                continue
            if scope and fact.scope == scope:  # 基本支出追加84.85万元: the line is settled; the rest of the words name the column
                own_names = tuple(own - facts.scope_words(scope) for own in names)

        score = max(dice(own, other) for own in own_names for other in fact.names())
        if score >= THRESHOLD or any(len(own) >= 2 and own <= other for own in own_names for other in fact.names()):
            # 组织产学研活动16场: every word of the claim's name is in 组织形式多样的产学研活动.
            found.append((score, fact))
        elif score > 0:
            weak.append((score, fact))
            weak_count += occurrences
    if not found and weak_count == 1 and _distinctive(claim.quantity.unit, facts, claim.role, exclude_place) \
            and not _explaining(claim.context) and not exclude_place \
            and not _census(claim) and not any(_of_some(claim, fact) or _distinguished(claim, fact) for _, fact in weak):
        # (a task cell's figure sharing one word with an indicator stays unlinked: 23艘渡船全部落实…… is no
        # 渡船标准化改造数, 其中线上培训3870人次 no 宣传培训人次 — its narrative counts other things)
        # 平台集聚各类研发资源58000台套 and 集聚仪器资源 ≥58000台套: the only target counted
        # in 台套, sharing a word, is the one the sentence means (certain: CERTAIN_SCORE). Not a census's count of what
        # exists (馆藏……另有照片档案2.3万张) against a year's work in a task narrative (其中历史照片612张), nor what some
        # did (一位老会员的家属一次捐赠了……历史照片400多张).
        found = [(CERTAIN_SCORE, fact) for _, fact in weak]
    found.sort(key=lambda pair: -pair[0])
    if found:
        return found, "", ""
    if not sharing:
        return [], "no_candidate", ""
    if len(other_units) == sharing:
        return [], "other_unit", "、".join(dict.fromkeys(unit or "—" for unit in other_units))
    if len(other_units) + other_line == sharing:
        return [], "other_line", ""
    return [], "weak_name", max(weak, key=lambda pair: pair[0])[1].name if weak else ""


def _distinctive(unit: str, facts: Facts, role: str, exclude_place: str = "") -> bool:
    """A count unit that only one fact of this role uses (台套, 人次), not 家 or 项."""
    if lexicon.unit_kinds().get(unit) != "count" or unit in lexicon.claim_words()["generic_units"]:
        return False
    return facts.unit_count(role, unit, exclude_place) == 1


def _distinct_values(facts: list[Fact]) -> list[Fact]:
    """Facts that state different values: 4407.79 and 4408 (the same, at its precision) are one."""
    kept: list[Fact] = []
    for fact in facts:
        if not any(agrees(other.quantity, fact.quantity) or agrees(fact.quantity, other.quantity) for other in kept):
            kept.append(fact)
    return kept


# Written without a sign: 比目标少22.7亿元; 同比下降5% (a change whose direction its word says).
ABSOLUTE_ROLES = ("deviation", "difference", "points", "column_gap", "growth")


def _certain(claim: Claim, fact: Fact, names: tuple[frozenset[str], ...], facts: Facts) -> bool:
    """Is the claim surely about `fact`? Its name shares enough words to be a candidate; to call the
    figure wrong, one name must hold the other's words, or nearly all of them (认定高新技术企业 is not
    拥有高新技术企业数). A figure whose subject is settled by its budget line or by counting is."""
    if fact.role in ("count", "remainder", "share", "column_gap", "rate_gap"):
        return True
    if _distinguished(claim, fact):
        return False
    if fact.place == wording("place_tasks") and fact.tokens and fact.tokens <= _column_tokens() | _whole_tokens():
        return False  # a narrative's 年初预算96.00万元 names only a column: whose budget, its sentence said, not its name
    if _one_of_joined(claim.subject, fact.name):
        return False  # 新增农民合作社12个、家庭农场22个: each a part of 新增农民合作社和家庭农场数
    if _of_some(claim, fact):
        return False
    # 截至2024年底，全县共有中小学63所、幼儿园58所: a census of what exists names kinds of things; the words of
    # a longer indicator's name (新建改扩建公办幼儿园数量) are not that indicator there.
    # (or after it in its part of the sentence: ……区域自动气象站46个全年稳定运行，……数据到报率99.12%，比97%的目标……;
    # the 97% after it is no census)
    census = _census(claim)
    if census and fact.place == wording("place_tasks") \
            and not any(word in _last_clause(claim.context) for word in lexicon.claim_words()["year_total_words"]):
        # 全县有小型水库67座 is a census; 计划的8座小型水库中完成6座 in a task narrative a year's work (but 截至年末全县……
        # 累计收购秋粮 is the year's work to its end)
        return False
    sentence = None
    for own in names:
        for other in fact.names():
            if own < other and census:
                continue  # 全县有小型水库67座: the kind of thing (小型水库), not 小型水库除险加固座数
            if own < other and len(_words_of(own)) < 2:
                # 出让29宗、面积102.86公顷: one word (面积) that several indicators' names hold (完成造林面积,
                # 新增耕地面积 …), when the sentence holds none of this one's other words, is a measure, not
                # that indicator; 满意度为100% when only 服务企业满意度 has the word is that one.
                sentence = name_tokens(claim.sentence) if sentence is None else sentence
                if not (_words_of(other) - own) & sentence \
                        and (_reckoned_here(claim)
                             or len({shared.name for shared, _ in facts.sharing(fact.role, own)
                                     if own < shared.tokens}) > 1):
                    continue
            if own and other and (own <= other or other <= own or dice(own, other) >= CERTAIN):
                return True
    return False


def _distinguished(claim: Claim, fact: Fact) -> bool:
    """A word that tells two measures apart (人均, 平均 …: lexicon) is in one name and not the other (全年专职教师授课
    2128课时 is no 专职教师人均授课课时)."""
    return any((word in claim.subject) != (word in fact.name) for word in roles.words()["distinguishing_words"])


def _of_some(claim: Claim, fact: Fact) -> bool:
    """The claim tells what some of the fact's things did, or the rest of them: not the fact's whole."""
    part = re.split("[。；;]", claim.context)[-1].lstrip()
    rest = tuple(lexicon.claim_words()["rest_starts"])
    if part.startswith(rest) and not fact.name.startswith(rest):
        return True  # 其余库点轮出4160吨，损耗10.82吨: the rest's, not the loss the narrative named (16.90吨)
    counted = _subset().search(_last_clause(claim.context))
    if counted and counted.group(0) not in fact.name:
        return True  # 两家医院退回医保基金196.80万元: what some of them did, not the whole (其中退回医保基金327.48万元)
    # 仅汽车类消费券就带动消费1.52亿元: what one part did alone, not the whole (2.87亿元)
    return any(re.search(pattern, _last_clause(claim.context)) for pattern in lexicon.claim_words()["alone_parts"])


def _census(claim: Claim) -> bool:
    """The claim counts what exists at a time (截至2024年末，……另有照片档案2.3万张), not what the year did — by a census
    word before it in its sentence, or after it in its part."""
    after = re.split("[；;。]", claim.sentence[claim.end - claim.sentence_start:], maxsplit=1)[0]
    return any(word in claim.context for word in lexicon.claim_words()["census_words"]) or any(
        word in after for word in lexicon.claim_words()["census_after_words"])


def _reckoned_here(claim: Claim, own: bool = False) -> bool:
    """A rate the sentence reckons from two of its own counts (……抽检97批次，……检出不合格2批次，合格率97.94%: 95 ÷ 97):
    the rate of what the sentence counts, not of an indicator that shares only its last word (强制免疫抗体合格率)."""
    quantity = claim.quantity
    if quantity.unit != "%" or not quantity.is_number:
        return False
    # (the sentence and the one before it: ……实际完成97批次，……。其中……；检出不合格2批次，合格率97.94%; `own`: the
    # sentence's own counts before the rate, no sums of money — among many such, some pair gives any share)
    text = claim.sentence[:claim.start - claim.sentence_start] if own else \
        claim.before.rstrip("。").rsplit("。", 1)[-1] + "。" + claim.sentence
    counts = [q for q in find_quantities(text) if q.is_number and q.unit and q.unit != "%" and q.value > 0
              and not (own and lexicon.unit_kinds().get(q.unit) == "money")]
    for whole in counts:
        for part in counts:
            if part is whole or part.unit != whole.unit or part.value > whole.value:
                continue
            for value in (part.value, whole.value - part.value):
                if agrees(quantity, shown(value * 100 / whole.value, "%", quantity.decimals)):
                    return True
    return False


@lru_cache(maxsize=1)
def _subset() -> re.Pattern[str]:
    """A few of a kind counted in words before a name (两家医院: lexicon/claims.yaml subset_counts)."""
    words = lexicon.claim_words()
    measures = "|".join(map(re.escape, words["subset_measures"]))
    return re.compile(rf"(?<![\d.])[{''.join(words['subset_numerals'])}]{{1,2}}(?:{measures})")


def _one_of_joined(subject: str, name: str) -> bool:
    """The name joins two things (新增农民合作社和家庭农场数) and the claim's subject names only one of them."""
    cut = [words for words in _joined_parts(name) if len("".join(words)) >= 2]
    if len(cut) != 2:
        return False
    # 新建和改造公共厕所数: each part named by its first word (新建公共厕所5座 names one, not 公共厕所 the other's)
    named = [words[0] in subject for words in cut]
    if not any(named) or cut[0][0] == cut[1][0]:
        parts = ["".join(words) for words in cut]
        named = [bool(_words_of(name_tokens(part)) - _words_of(name_tokens(parts[1 - index])) & name_tokens(subject))
                 for index, part in enumerate(parts)]
    return named.count(True) == 1


@lru_cache(maxsize=4096)
def _joined_parts(name: str) -> tuple[tuple[str, ...], ...]:
    """The name's words cut at its joining words (和, 及, 与) where they stand as words: 修复及时率's 及 is part
    of 及时."""
    joiners = lexicon.claim_words()["name_joiners"]
    parts, current = [], []
    for word in jieba.lcut(name):
        if word in joiners:
            parts.append(tuple(current))
            current = []
        else:
            current.append(word)
    return (*parts, tuple(current))


def _words_of(tokens: frozenset[str]) -> frozenset[str]:
    """The tokens that are no part of a longer one (幼儿园 of 幼儿, 幼儿园): the words a name has."""
    return frozenset(token for token in tokens if not any(token != other and token in other for other in tokens))


def _reading(claim: Claim, facts: Facts, exclude_place: str, aliases: tuple[frozenset[str], ...]) -> Link:
    """The link of one reading of the claim (its role as parsed)."""
    if claim.role == "other":
        return Link(claim, reason="unknown_role")
    if claim.role == "gross":
        return Link(claim, reason="gross_change")
    if claim.role == "hypothetical":
        return Link(claim, reason="hypothetical")
    if claim.role == "remainder":
        found, reason, detail = _remainder_candidates(claim, facts)
    elif claim.role == "share":
        found, reason, detail = _share_candidates(claim, facts)
    elif claim.role == "column_gap":
        found, reason, detail = _column_gap_candidates(claim, facts)
    elif claim.role == "rate_gap":
        found, reason, detail = _rate_gap_candidates(claim, facts)
    else:
        found, reason, detail = candidates(claim, facts, exclude_place, aliases)
    if not found:
        return Link(claim, reason=reason, detail=detail)
    absolute = claim.role in ABSOLUTE_ROLES
    # (保持在95%以上: a rate said by the floor it stays above, not a figure between 95% and 96%)
    bound = claim.role in BOUND_ROLES or (claim.role == "completion" and claim.quantity.unit == "%" and any(
        _last_clause(claim.context).rstrip().endswith(word) for word in lexicon.claim_words()["bound_leads"]))
    agreeing = next((fact for _, fact in found if agrees(claim.quantity, fact.quantity, absolute, bound)), None)
    if agreeing is not None:
        return Link(claim, agreed=agreeing)
    names = _claim_names(claim, facts, aliases, claim_scope(claim, facts))
    if claim.lead:  # （1）桥梁定期检查。全年完成普通国省道桥梁定期检查4372座（目标值4200座）: the title names it surely
        names += (name_tokens(LIST_LABEL.sub("", claim.lead)),)
    certain = [(score, fact) for score, fact in found if score == CERTAIN_SCORE or _certain(claim, fact, names, facts)]
    if not certain:
        return Link(claim, reason="uncertain_name", detail=found[0][1].name)
    best = max(score for score, _ in certain)  # 预算执行率 itself, not also 政府采购执行率
    chosen = tuple(_distinct_values([fact for score, fact in certain if score == best]))
    if len(chosen) > 2 and all(fact.place == wording("place_tasks") and len(_words_of(fact.tokens)) < 2
                               for fact in chosen):
        # (稻谷计划2100吨仅完成460吨 against the narratives' 稻谷5500吨, 稻谷2100吨 and 稻谷9240吨: one word the narratives
        # give three things by says not which)
        return Link(claim, reason="uncertain_name", detail=chosen[0].name)
    own_line = _of_its_line(claim, facts) if not any(fact.budget for fact in chosen) else None
    if own_line is not None:
        # 中央和自治区医疗救助补助资金由……860.00万元增加到1074.00万元: a sum of the line the sentence names, as the
        # budget table gives it, not a task narrative's figure of the same fund (追加……150.00万元; 年初提前下达……)
        return Link(claim, agreed=own_line)
    elsewhere = _stated_elsewhere(claim, facts, chosen, exclude_place)
    if elsewhere is not None:
        return Link(claim, reason="another_fact", detail=fact_name(elsewhere))
    return Link(claim, facts=chosen)


def _of_its_line(claim: Claim, facts: Facts) -> Fact | None:
    """The budget table's figure of the line the claim's sentence names that the claim's sum of money equals (its
    budget, change, spending or what it left unspent), or None."""
    scope = claim_scope(claim, facts)
    if not scope or scope == FOREIGN or lexicon.unit_kinds().get(claim.quantity.unit) != "money":
        return None
    return next((fact for fact in facts.facts if fact.budget and fact.scope == scope
                 and lexicon.unit_kinds().get(fact.quantity.unit) == "money"
                 and agrees(claim.quantity, fact.quantity, claim.role in ABSOLUTE_ROLES)), None)


def _significant_digits(text: str) -> int:
    digits = re.sub(r"\D", "", text).lstrip("0").rstrip("0")
    return len(digits)


def _stated_elsewhere(claim: Claim, facts: Facts, chosen: tuple[Fact, ...], exclude_place: str = "") -> Fact | None:
    """A figure of the tables, other than those the claim was read as, that states the claim's figure
    exactly (5430人次, 96.03%) and that the sentence names (half its name's words or more; or the paragraph's
    title, or the sentence it goes on from): the sentence
    may well speak of it in words the checker misread, so the figure is not called wrong (precision
    before recall). Figures computed for sentences (shares, gaps …) are too many to count as evidence."""
    quantity = claim.quantity
    # a figure of few digits (21家), or one of another table than the fact it was read as, is evidence only where the
    # sentence names the other fact nearly whole (普查成果用于查漏补缺，新增入库“四上”企业21家 beside the narrative's
    # 其中利用经济普查成果查漏补缺发现入库21家)
    if quantity.approximation:
        return None  # 3000份以上 agrees loosely with many figures (3912份): it states none of them exactly
    few = _significant_digits(quantity.number_text) < DISTINCT_DIGITS
    sentence: frozenset[str] | None = None
    for fact in facts.facts:
        if fact in chosen or fact.role in DERIVED_ROLES or fact.role == "count" or fact.base \
                or not fact.quantity.is_number or fact.quantity.approximation or fact.place == exclude_place \
                or (few and any(other.name == fact.name for other in chosen)):
            continue  # (预期目标：……活动16场, read as the target 15场: the same indicator's 16场 done is no other fact)
        if not (compatible_units(quantity.unit, fact.quantity.unit) and agrees(quantity, fact.quantity)):
            continue
        if sentence is None:  # the sentence, and the title or sentence before that it goes on from
            sentence = name_tokens(claim.sentence) | name_tokens(claim.lead) | name_tokens(claim.earlier)
        # (a fact of the role read in another table: only a task narrative's part, named nearly whole, excuses it —
        # a table of record's figure differing from the narrative's is the conflict to report)
        # (a budget line's own figure is no other table's figure of what the claim was read as: 预算执行率 read in the
        # 自评表 and the 29.09% of 公共检测平台……经费, which the sentence names — 该项目年末未支出127.64万元，执行率
        # 29.09% was called wrong)
        other_table = any(other.role == fact.role and other.place != fact.place
                          and not (fact.budget and fact.scope and fact.scope != other.scope) for other in chosen)
        if other_table and fact.place != wording("place_tasks"):
            continue
        if any(name and (3 * len(name & sentence) >= 2 * len(name) and len(name & sentence) >= NEARLY_WHOLE_WORDS
                         if few or other_table else 2 * len(name & sentence) >= len(name)) for name in fact.names()):
            return fact
    return None


def task_areas(claims: list[Claim], areas: Iterable[str], duties: Iterable[str] = (),
               levels: tuple[str, ...] = ()) -> list[Claim]:
    """Counts within a task area the prose names (妇幼健康服务（3项指标，2项达标）) keyed by the 重点工作 of the
    tables it surely names (its words within the area's, or as close as CERTAIN), else by the one 二级指标 it
    is (公路养护方面指标5项: "@公路养护"); an area neither surely is keeps its own name, which no count of the
    tables has: the count stays unlinked."""
    areas, duties = tuple(areas), tuple(duties)
    result = []
    for claim in claims:
        key = claim.subject
        if claim.role == "count" and ":~" in key:
            head, _, rest = key.partition(":~")
            titled = rest.startswith(TITLED[1:])
            named, colon, tail = rest.removeprefix(TITLED[1:]).partition(":")
            words = name_tokens(named)
            sure = [area for area in areas if words and (words <= name_tokens(area) or name_tokens(area) <= words
                                                           or dice(words, name_tokens(area)) >= CERTAIN)]
            same = [duty for duty in duties if words and words <= name_tokens(duty)]  # 产学研合作 of 负责产学研合作
            if len(sure) == 1:
                key = f"{head}:~{sure[0]}{colon}{tail}"
                claim = replace(claim, subject=key, tokens=frozenset({key}))
            elif len(same) == 1:
                key = f"{head}:@{same[0]}{colon}{tail}"
                claim = replace(claim, subject=key, tokens=frozenset({key}))
            elif titled:
                # (（一）总体完成情况。……其中36项……; 5.部分指标完成值尚未填报。2项指标的完成值待补充: a title that is
                # no area of the tables scopes nothing)
                key = count_key(head.split(":")[1], (), tail)
                claim = under_heading([replace(claim, subject=key, tokens=frozenset({key}))], levels)[0]
        result.append(claim)
    return result



BOUND_ROLES = ("ratio", "multiple")  # 完成目标的1.8倍以上: a threshold the ratio passes


def link(claim: Claim, facts: Facts, exclude_place: str = "", aliases: tuple[frozenset[str], ...] = ()) -> Link:
    """The fact `claim` agrees with, the facts it disagrees with, or why it is not linked.
    `exclude_place`: facts of that place are not candidates (a task cell is not checked against
    the task table itself); `aliases`: other names of what the claim is about.

    A claim whose words leave its role open (占比52.7%: a share, or an indicator named 占比) is read
    each way: any reading that agrees settles it; one that disagrees is not an error, since the
    checker cannot be sure what the figure says."""
    words = lexicon.claim_words()
    if _sum_of_listed(claim):
        return Link(claim, reason="sum_of_listed")
    if _listed_count(claim):
        return Link(claim, reason="listed_count")
    if _a_starting_value(claim):
        return Link(claim, reason="baseline")  # 由年初的1420人增加到1656人: where it started, not what was reached
    if any(re.search(pattern, _last_clause(claim.context)) for pattern in words["group_thresholds"]):
        return Link(claim, reason="group_threshold")  # 8个项目中，6个项目执行率在95%以上: a bound some items pass
    if claim.role == "count" and claim.quantity.unit in words["count_units_beside_indicators"]:
        claim = replace(claim, quantity=replace(claim.quantity, unit=words["count_units"][0]))  # 39个 indicators: 39项
    first = _reading(claim, facts, exclude_place, aliases)
    if first.agreed is None and first.facts and claim.role != "count" and _a_whole_before_its_parts(claim):
        # (全年412名学员中一次性合格399人; 未一次性合格的13人中，……11人: the whole the figures after it part — 岚陵)
        return Link(claim, reason="whole_of_parts")
    if first.agreed is None and first.facts and _an_addend(claim):
        # (年初计划建设监控点18个，……增加监控点6个，全年计划建成24个: 18 + 6 = 24 — the plan's change, no result; 雾岭)
        return Link(claim, reason="addend")
    if first.agreed is None and first.facts and _an_article(claim):
        # (工贸企业事故是10月一家木材加工厂工人被带锯机械伤害: 一家 is "a", no count of 工贸企业 — 雾岭's correct report)
        return Link(claim, reason="unknown_role")
    if first.agreed is None and first.facts and claim.role == "completion" and _reckoned_here(claim, own=True):
        # (其余库点轮出4160吨，损耗10.82吨，损耗率0.26%; 不算刺绣编织班，……339人中就业232人，就业率68.4%: the rate of
        # a part the sentence counts, reckoned from its own figures, not the indicator's rate the words name)
        return Link(claim, reason="own_reckoning")
    if first.agreed is not None or not claim.alternatives:
        return first
    readings = [first]
    for role in claim.alternatives:
        other = _reading(replace(claim, role=role, alternatives=()), facts, exclude_place, aliases)
        if other.agreed is not None:
            return other
        readings.append(other)
    disagreeing = [reading for reading in readings if reading.facts]
    if len(disagreeing) == 1:
        return disagreeing[0]  # the one reading the tables can speak to
    if disagreeing:
        return Link(claim, reason="uncertain_role", detail=wording(f"role_{claim.role}"))
    return first


NEARLY_WHOLE_WORDS = 3  # a sentence names another fact nearly whole: two thirds of its name's words, and this many

ANCHORED_ROLES = ("target", "ratio", "difference", "multiple", "points", "deviation")


def anchored(links: list[Link], facts: Facts) -> list[Link]:
    """比1200亩的目标少163.5亩，只完成目标的86.38%: a sentence whose figures name no indicator closely enough, but
    which states a target that exactly one indicator has (1200亩: 补充耕地面积 ≥1200亩), speaks of that indicator —
    its unlinked target, gap, ratio, multiple and points are read again under its name. A target many indicators
    share (100%) anchors nothing."""
    result = _of_the_rates_line(_before_their_target(_under_their_target(list(links), facts), facts), facts)
    unlinked = [index for index, item in enumerate(result) if not item.linked and item.claim.role in ANCHORED_ROLES]
    if not unlinked:
        return result
    links = result
    by_sentence: dict[int, list[int]] = {}
    for index in unlinked:
        by_sentence.setdefault(links[index].claim.sentence_start, []).append(index)
    tasks = wording("place_tasks")
    for sentence_start, indexes in by_sentence.items():
        others = {item.agreed.name for item in links if item.agreed is not None and item.agreed.place != tasks
                  and item.claim.sentence_start == sentence_start}
        # the sentence's targets: those not linked, and those a task narrative states (计划创建的15个…: the task
        # table's 创建 target; the indicator's own is ≥15个)
        # (and one the self-evaluation table's target agrees with: ……12个……，年内只完成……7个站点，……，差4个 — the
        # gap read under 区域自动气象站升级改造数)
        targets = [item.claim for item in links if item.claim.sentence_start == sentence_start
                   and item.claim.role == "target" and (not item.linked or (
                       item.agreed is not None and (item.agreed.place == tasks or (
                           item.agreed.role == "target" and not item.agreed.budget))))]
        names = {fact.name for claim in targets for fact in _targets_of_value(claim, facts)}
        if len(names) != 1 or others - names:
            continue  # no one indicator, or the sentence speaks of another one too (资金执行率89.72%，低于目标（100%）)
        (name,) = names
        stated = any(item.claim.sentence_start == sentence_start and item.claim.role == "target"
                     and item.agreed is not None and item.agreed.name == name for item in links)
        for index in indexes:
            claim = links[index].claim
            if stated and claim.role == "target":
                continue  # 比目标值（24小时）缩短7.5小时: its target is said; no second one (the gap read as one)
            result[index] = _read_as_if_linked(links[index], name, facts)
    return result


def _read_as(claim: Claim, name: str, facts: Facts) -> Link:
    """The claim linked again as about the indicator `name`, the words of its own clause set aside."""
    return link(replace(claim, subject=name, tokens=name_tokens(name), named=True), facts)


def _of_the_rates_line(links: list[Link], facts: Facts) -> list[Link]:
    """平台建设经费执行率仅44.00%，年末未支出67.20万元: a sum of money read as the whole's, in a sentence whose rate agreed
    with one budget line's (named in words the table does not use), is read again as that line's."""
    result = list(links)
    for index, item in enumerate(links):
        if item.agreed is not None or not item.facts or any(fact.scope for fact in item.facts) \
                or not all(fact.budget for fact in item.facts):
            continue
        # (the rate agreed with the line, or was read as the whole's and stated by the line alone)
        rates = [other.claim for other in links if other.claim.sentence_start == item.claim.sentence_start
                 and other.claim.quantity.unit == "%" and other.claim.quantity.is_number
                 and other.claim.start < item.claim.start]
        lines = {fact.scope for claim in rates for fact in facts.facts if fact.budget and fact.scope
                 and fact.quantity.unit == "%" and fact.quantity.is_number and agrees(claim.quantity, fact.quantity)}
        if len(lines) != 1:
            continue
        (line,) = lines
        again = link(replace(item.claim, lead=line), facts)
        if again.agreed is not None:
            result[index] = again
    return result


def _before_their_target(links: list[Link], facts: Facts) -> list[Link]:
    """退役军人新增就业383人（目标≥300人）: a figure not linked surely whose target stands in brackets right after it,
    the target of one indicator only (not 100%, which many share), is that indicator's value — read again under its
    name, so a wrong figure is told against the right one."""
    result = list(links)
    for index, item in enumerate(links[:-1]):
        after = links[index + 1]
        if item.linked or item.claim.role != "completion" or after.claim.role != "target" \
                or not arithmetic.target_in_brackets(item.claim, after.claim):
            continue
        names = {fact.name for fact in _targets_of_value(after.claim, facts)}
        if len(names) != 1 or (after.agreed is not None and after.agreed.name not in names):
            continue
        (name,) = names
        result[index] = _read_as_if_linked(item, name, facts)
    return result


def _under_their_target(links: list[Link], facts: Facts) -> list[Link]:
    """参保率99.71%（目标≥99%），高于目标0.17个百分点: a gap, ratio or multiple read as another indicator's (基本医疗
    保险参保率, sharing 参保率) in a sentence whose target agreed with one indicator's is read again as that one's, so a
    wrong figure is told against the right value."""
    result = list(links)
    for index, item in enumerate(links):
        if item.agreed is not None or not item.facts or item.claim.role not in ANCHORED_ROLES \
                or item.claim.role == "target":
            continue
        # (in the same part of the sentence: ……（目标120个），比目标多6个；重点项目完成年度投资……104.36% is another's)
        targets = {other.agreed.name for other in links if other.claim.sentence_start == item.claim.sentence_start
                   and other.claim.role == "target" and other.agreed is not None and other.agreed.budget is False
                   and other.claim.start < item.claim.start and other.agreed.place != wording("place_tasks")
                   and not re.search("[；;。]", item.claim.context[other.claim.start - item.claim.sentence_start:])}
        if len(targets) != 1 or targets & {fact.name for fact in item.facts}:
            continue
        (name,) = targets
        result[index] = _read_as_if_linked(item, name, facts)
    return result


def _read_as_if_linked(item: Link, name: str, facts: Facts) -> Link:
    """The claim read again as the indicator `name`'s (_read_as) when that links it; its link as it was otherwise."""
    again = _read_as(item.claim, name, facts)
    return again if again.agreed is not None or again.facts else item


def apart_from_wholes(links: list[Link], parts: list[tuple[int, int]]) -> list[Link]:
    """A part (商品房项目11个 of 全年23个项目中) that disagrees with the very fact its whole agrees with is no claim on
    it: the tables hold the whole, not its parts."""
    result = list(links)
    for part, whole in parts:
        agreed, stated = links[whole].agreed, links[whole].claim.quantity
        if links[part].agreed is None and links[part].facts and not links[whole].linked:
            # (37项中农业科技示范类17项 — of the results tracked, a whole no table holds — against the task table's
            # 立项30项，其中……农业科技示范类13项: a part of a whole the tables do not hold cannot be checked)
            result[part] = Link(links[part].claim, reason="part_of_untold_whole")
            continue
        if links[part].agreed is None and any(
                (agreed is not None and (fact.name, fact.scope) == (agreed.name, agreed.scope))
                or (not fact.budget and agrees(stated, fact.quantity))
                for fact in links[part].facts):
            # (the whole itself unlinked — 全年实现23个 — but the fact the part differs from is the whole's figure)
            result[part] = Link(links[part].claim, reason="group_part")
    return result


def _a_whole_before_its_parts(claim: Claim) -> bool:
    """The figure is followed by a few words and 中, then figures in its sentence (412名学员中一次性合格399人): the whole
    they are parts of."""
    after = claim.sentence[claim.end - claim.sentence_start:]
    found = _whole_mark().match(after)
    return bool(found) and any(q.is_number for q in find_quantities(after[found.end():found.end() + _PART_REACH]))


@lru_cache(maxsize=1)
def _whole_mark() -> re.Pattern[str]:
    marks = "".join(lexicon.claim_words()["whole_marks"])
    return re.compile(rf"[^\d，,；;。（()）]{{0,8}}?[{marks}][，,]?")

_PART_REACH = 40  # how far after the whole its first part may stand


def _a_starting_value(claim: Claim) -> bool:
    """The figure a change starts from (全县注册红十字志愿者由年初的1420人增加到1656人): 由/从 before it in its clause, a
    word of reaching right after it (lexicon/claims.yaml from_words, to_words)."""
    words = lexicon.claim_words()
    after = claim.sentence[claim.end - claim.sentence_start:].lstrip()
    return any(word in _last_clause(claim.context) for word in words["from_words"]) \
        and after.startswith(tuple(words["to_words"]))


def _an_addend(claim: Claim) -> bool:
    """The figure is added to one before it in its sentence to give one after it, all in one unit (18个 + 6个 = 24个)."""
    quantity = claim.quantity
    if not quantity.is_number or quantity.approximation or quantity.comparator:
        return False
    at = claim.start - claim.sentence_start
    figures = [q for q in find_quantities(claim.sentence) if q.is_number and q.unit == quantity.unit
               and q.scale == quantity.scale and not q.approximation]
    before = [q.value for q in figures if q.end <= at]
    after = {q.value for q in figures if q.start >= at + len(quantity.raw)}
    return any(value + quantity.value in after for value in before)


def _an_article(claim: Claim) -> bool:
    """一 with its measure word in characters, a noun right after it (一家木材加工厂, 一位老会员): an article, not a count."""
    after = claim.sentence[claim.end - claim.sentence_start:claim.end - claim.sentence_start + 1]
    return claim.quantity.raw.startswith("一") and claim.quantity.value == 1 and bool(re.match(r"[\u4e00-\u9fff]", after))


def in_overview(links: list[Link], section: str) -> list[Link]:
    """A paragraph under the unit's overview (一、部门概况) counts what the unit and its area have (全县森林面积21.35万公顷;
    监管对象中……工贸企业139家; 馆藏……照片档案2.3万张), not the year's work: a figure that disagrees only with a task
    narrative's fact (受害森林面积25.6公顷; 检查工贸企业126家) is not linked to it (雾岭's correct report drew three such)."""
    words = lexicon.claim_words()
    if not any(word in section for word in words["overview_sections"]):
        return links
    tasks = wording("place_tasks")
    return [Link(item.claim, reason="overview_census") if item.facts and item.agreed is None
            and all(fact.place == tasks for fact in item.facts) else item for item in links]


def among_their_sentence(links: list[Link], text: str, parts: list[tuple[int, int]]) -> list[Link]:
    """The links of one passage read again beside the other figures of their sentences: parts of a whole (group_parts),
    a fact another figure gives, parts after 其中 of a whole that agrees."""
    return parts_after_their_whole(taken_by_others(apart_from_wholes(links, parts)), text)


def parts_after_their_whole(links: list[Link], text: str) -> list[Link]:
    """A figure after 其中 in the sentence of a larger figure in its unit that agrees with the tables (全年举办家庭教育讲座
    86场，其中……家长学校举办47场，进村（社区）举办29场: a part of the 86) is no claim on another indicator whose name it
    shares in part (法律宣传进村（社区）场次): the tables hold the whole, not its parts (group_part)."""
    leads = tuple(lexicon.statement_words()["part_markers"])
    result = list(links)
    for index, item in enumerate(links):
        claim = item.claim
        # (not counts of indicators — 共设置绩效指标54项，其中达到或超过目标52项 — which the table holds, nor gaps, nor a
        # sum: ……改造8座，共14座)
        if item.agreed is not None or not item.facts or not claim.quantity.is_number or claim.role != "completion" \
                or _last_clause(claim.context)[:-len(claim.quantity.raw) or None].rstrip().endswith(
                    tuple(lexicon.arithmetic_words()["total_words"])):
            continue
        for whole in links[:index]:
            stated = whole.claim.quantity
            between = text[whole.claim.end:claim.start] if whole.claim.end <= claim.start else ""
            if whole.agreed is not None and whole.claim.sentence_start == claim.sentence_start and stated.is_number \
                    and stated.unit == claim.quantity.unit and stated.value > claim.quantity.value \
                    and any(lead in between for lead in leads) and not re.search("[。；;]", between) \
                    and all(fact.name != whole.agreed.name and _words_of(fact.tokens) - name_tokens(claim.sentence)
                            for fact in item.facts):  # (其中调解结案225件 names 调解结案数 whole: it is checked)
                result[index] = Link(claim, reason="group_part")
                break
    return result


def taken_by_others(links: list[Link]) -> list[Link]:
    """A figure that disagrees with a fact another figure of its sentence agrees with (全年轮出储备粮6760吨，综合损耗
    27.72吨 against the task's 全年轮出储备粮综合损耗27.72吨: the tonnage read under the loss's longer name) is about
    something else: one sentence gives one figure of one thing. Not linked (fact_taken)."""
    result = list(links)
    for index, item in enumerate(links):
        if item.agreed is not None or not item.facts:
            continue
        # (another figure of the same role in the same unit, named otherwise: two figures named alike that differ are
        # at odds with each other, and one is wrong — 履职类22项指标中21项……；……20项; a gap in points is no second value)
        others = [other.agreed for other in links if other is not item and other.agreed is not None
                  and other.claim.sentence_start == item.claim.sentence_start
                  and other.claim.role == item.claim.role and other.claim.quantity.unit == item.claim.quantity.unit
                  and other.claim.subject != item.claim.subject
                  and other.claim.quantity.value != item.claim.quantity.value]
        taken = next((fact for fact in item.facts for other in others
                      if (fact.name, fact.scope, fact.role) == (other.name, other.scope, other.role)), None)
        if taken is not None:
            result[index] = Link(item.claim, reason="fact_taken", detail=fact_name(taken))
    return result


def _targets_of_value(claim: Claim, facts: Facts) -> list[Fact]:
    """The indicators' targets stated with the claim's value in its unit (the comparator aside)."""
    quantity = claim.quantity
    if not quantity.is_number or lexicon.unit_kinds().get(quantity.unit) == "ratio":
        return []  # 100%, 95%: targets many rates share
    tasks = wording("place_tasks")  # (a narrative's 计划创建的15个 is the indicator's target, not another one)
    return [fact for fact in facts.by_role("target") if fact.quantity.is_number and not fact.budget
            and fact.place != tasks
            and fact.quantity.value == quantity.value and compatible_units(quantity.unit, fact.quantity.unit)
            and fact.quantity.unit == quantity.unit]


def _remainder_candidates(claim: Claim, facts: Facts) -> tuple[list[tuple[float, Fact]], str, str]:
    """未支出24.93万元 is the remainder of the budget line the sentence names (the total when it names
    none); 科技创新专项资金未支出364.01万元 names a fund that is no line of the table: not linked."""
    scope = claim_scope(claim, facts)
    if _items_together().search(claim.context[-12:]) or (
            re.search(r"(?:合计|共计)$", roles.strip_linking(claim.context.rstrip()))
            and _ITEMS_COUNTED.search(claim.context)):
        return [], "no_candidate", ""  # 两项合计结余61.92万元; 项目共3个，未支出资金合计……: the items, not the line
    if claim.named:
        tokens = claim_tokens(claim, facts)
        if scope:
            # 项目支出中老旧管网……资金未支出463.80万元: the line it is one of, named before it with 中, says nothing more
            marks = tuple(lexicon.claim_words()["group_within_marks"])
            containers = [form + mark for form, name in facts.scope_forms if name != scope for mark in marks
                          if form + mark in claim.subject]
            if containers:
                subject = claim.subject
                for container in containers:
                    subject = subject.replace(container, " ")
                tokens = name_tokens(subject) - facts.own_words
        rest = tokens - facts.scope_words(scope) if scope else tokens
        if scope:  # 文物保护及非遗传承项目结余: 项目 after the line's name says nothing more of it
            rest -= frozenset(roles.words()["line_generic_words"])
        if rest - _whole_tokens():
            return [], "no_candidate", ""
    found = [(1.0, fact) for fact in facts.by_role("remainder") if fact.scope == scope]
    return found, ("" if found else "no_candidate"), ""


def _foreign_lead(context: str, facts: Facts) -> bool:
    """The part of the sentence the figure stands in (after its last ；) begins by naming a fund that is no
    line of the table (“三公”经费预算18.50万元，实际支出15.36万元): its amounts are that fund's, not the whole's."""
    part = re.sub(r"\d{4}年度?", "", context[max(context.rfind(mark) for mark in "；;。") + 1:])  # 2024年“三公”经费…
    first = re.search(r"\d", part)
    lead = LIST_LABEL.sub("", part[:first.start()] if first else part)
    if not any(word in lead for word in lexicon.claim_words()["fund_words"]):
        return False  # 预算执行方面，全年调整后预算627.17万元: no fund named, the whole budget
    words = name_tokens(lead) - _whole_tokens() - _column_tokens() - _self_tokens() - _lead_tokens()
    return bool(words) and not _last_line(part, facts)


@lru_cache(maxsize=1)
def _lead_tokens() -> frozenset[str]:
    """Words that begin a sentence about the whole budget without naming a fund (2024年, 全年, 总体 …)."""
    return frozenset().union(*(name_tokens(word) for word in lexicon.claim_words()["budget_lead_words"]))


@lru_cache(maxsize=1)
def _self_tokens() -> frozenset[str]:
    """How a unit speaks of itself (我局, 本单位, 我中心 …): no name of a fund."""
    words = lexicon.wording()
    names = [*words["self_names"].values(), words["self_name_default"], *lexicon.claim_words()["self_words"]]
    return frozenset().union(*(name_tokens(name) | {name} for name in names))


@lru_cache(maxsize=1)
def _column_tokens() -> frozenset[str]:
    """The words of the budget columns' names (年初预算数, 执行率 …)."""
    return frozenset().union(*(name_tokens(word) for words in lexicon.budget_column_words().values() for word in words),
                             *(name_tokens(name) for name in BUDGET_NAMES.values()))


def _within(text: str) -> tuple[str, str] | None:
    """(what comes before 在, the whole between 在 and 中) of a part of a sentence ending 在项目支出中约,
    or None (lexicon/statements.yaml: share_within)."""
    words = roles.words()
    stripped = text.rstrip()
    for word in words["share_approximately"]:
        stripped = stripped.removesuffix(word)
    close = next((word for word in words["share_within_close"] if stripped.endswith(word)), None)
    if close is None:
        return None
    inner = stripped[:-len(close)]
    opened = max(inner.rfind(word) for word in words["share_within_open"])
    if opened < 0 or re.search(f"[{CLAUSE_BREAKS}]", inner[opened:]):
        return None
    return inner[:opened], inner[opened + 1:]


@lru_cache(maxsize=1)
def _whole_tokens() -> frozenset[str]:
    return frozenset().union(*(name_tokens(word) for word in roles.words()["budget_whole_words"]))


_ITEMS_COUNTED = re.compile(r"(?:[\d两二三四五六七八九十]+个项目|项目共?[\d两二三四五六七八九十]+个)")
_GROUP_LEAD = re.compile(r"([^，,；;。]*)中[，,]")  # 调整增加的172.30万元中，……: the whole the parts are of


def _share_candidates(claim: Claim, facts: Facts) -> tuple[list[tuple[float, Fact]], str, str]:
    """基本支出577.3万元，占实际支出的95.86%: the part is the line named before 占, the whole the line
    named after it (the total when none is), the column 调整预算数 when the whole is called 预算."""
    sentence_before = claim.context
    cut = max(sentence_before.rfind(word) for word in ("占",))
    if cut < 0:
        return [], "no_whole", ""
    # The part is named in the same part of the sentence: ……占实际支出的2.85%；项目支出实际支出66935.51万元，
    # 占实际支出的97.15% is not a share of 基本支出 when 项目支出 is no line of the table.
    own = sentence_before[:cut]
    own = own[max(own.rfind(mark) for mark in "；;") + 1:]
    if any(word in own[max(own.rfind(mark) for mark in "，,") + 1:] for word in roles.words()["share_group_words"]):
        return [], "group_part", ""  # 上述两个项目实际支出合计占项目支出的78.08%: the part is several lines summed
    part = _last_line(own, facts)
    if not part and not name_tokens(_without_figures(own)) - _whole_tokens():
        # 基本支出……；实际支出1718.45万元，占实际支出总额的49.26%: only a column named, the line named before.
        part = _last_line(sentence_before[:cut], facts)
    if not part and claim.earlier:
        part = _last_line(claim.earlier, facts)  # 该项目实际支出占……: the line the sentence before named
    whole_words = sentence_before[cut + 1:]
    if not whole_words.strip("的 "):
        # ……占年初预算的11.91%；项目支出10255.00万元，占88.09%: the whole the sentence's last share named
        earlier = list(_SHARE_OF.finditer(sentence_before[:cut]))
        if earlier:
            whole_words = earlier[-1].group(1)
    respective = _respective_part(own, whole_words, facts)
    if respective is not None:  # 基本支出…、项目支出…，分别占全年实际支出的12.06%和87.94%: the k-th line named
        if not respective:
            return [], "no_whole", ""
        part, whole_words = respective, _without_figures(whole_words).rstrip("和及、，, ")
    within = _within(own)
    if within is not None:  # 造林绿化经费支出在项目支出中约占30.58%: the whole stands between 在 and 中
        if whole_words.strip("的 "):
            return [], "no_whole", ""
        part, whole_words = _last_line(within[0], facts), within[1]
    whole = _last_line(whole_words, facts)
    rest = name_tokens(whole_words) - (facts.scope_words(whole) if whole else frozenset()) - _whole_tokens()
    if rest or (not part and (whole or roles.column_named(own) != "actual")):
        return [], "no_whole", ""
    if any(word in whole_words for word in roles.words()["share_initial_words"]):
        return [], "no_whole", ""  # 占年初预算的: no share of 年初预算数 is computed
    if any(word in whole_words for word in roles.words()["remainder_words"]):
        return [], "no_whole", ""  # 占部门年末未支出总额的71.93%: no share of a remainder is computed
    group = _GROUP_LEAD.search(sentence_before[:cut])
    if not whole_words.strip("的 ") and group and any(
            word in group.group(1) for word in roles.words()["share_initial_words"] + roles.words()["remainder_words"]
            + ("增加", "减少")):
        # 调整增加的172.30万元中，基本支出98.60万元……分别占57.23%: shares of the change; 年末未支出资金中，项目支出
        # 539.35万元，占99.38%: of what was left unspent
        return [], "no_whole", ""
    head = sentence_before[:cut].rstrip("，, ")
    head = head[:max(head.rfind(mark) for mark in "，,") + 1]
    if not whole_words.strip("的 ") and any(word in head for word in roles.words()["remainder_words"]):
        # 年末项目支出未支出375.99万元，其中农村生活污水治理项目资金323.58万元，占86.06%: of what was left unspent
        return [], "no_whole", ""
    column = "adjusted" if any(word in whole_words for word in roles.words()["share_budget_words"]) else "actual"
    if not whole_words.strip("的 ") and roles.column_named(_without_lines(sentence_before[:cut], facts)) == "adjusted":
        column = "adjusted"  # 调整预算3794.00万元，其中基本支出1728.00万元（占45.55%）: a share of the column named
    elif whole and not roles.column_named(_without_lines(whole_words, facts)) \
            and roles.column_named(_without_lines(_last_clause(own), facts)) == "adjusted":
        column = "adjusted"  # ……资金调整后为1110.00万元，占项目支出的40.84%: of the whole's own column named with it
    if not whole and column == "adjusted" and roles.column_named(_without_lines(own, facts)) == "actual":
        whole = OWN_BUDGET  # 实际支出602.24万元，占调整后预算的96.03%: the line's own budget
    found = [(1.0, fact) for fact in facts.by_role("share") if fact.scope == part and fact.whole == whole
             and fact.name == BUDGET_NAMES[column]]
    return found, ("" if found else "no_whole"), ""


def _last_clause(text: str) -> str:
    """The clause `text` ends with (its closing comma aside)."""
    text = text.rstrip("，, ")
    return text[max(text.rfind(mark) for mark in CLAUSE_BREAKS) + 1:]


_SHARE_OF = re.compile(r"占([^，,；;。\d]{1,12}?)的?[\d.]+%")


def _respective_part(own: str, whole_words: str, facts: Facts) -> str | None:
    """With 分别占: the line named k-th before it for the k-th share after it ("" when there are fewer lines named
    than shares); None when the shares are not said 分别."""
    clause = own[max(own.rfind(mark) for mark in "；;") + 1:]
    if not clause.rstrip().endswith(tuple(lexicon.claim_words()["respectively_words"])):
        return None
    named, taken = [], []
    for form, name in sorted(facts.scope_forms, key=lambda pair: -len(pair[0])):
        for found in re.finditer(re.escape(form), clause):
            if not any(start < found.end() and found.start() < end for start, end in taken):
                taken.append((found.start(), found.end()))
                named.append((found.start(), name))
    lines = [name for _, name in sorted(named)]
    index = len(find_quantities(whole_words))
    return lines[index] if len(lines) >= 2 and index < len(lines) else ""


def _listed_count(claim: Claim) -> bool:
    """技术合同登记数等3项指标为目标的1.5倍以上: how many indicators a list ending in 等 names — not the first one's
    value (read as 技术合同登记数, it disagreed with 143项), and no count the tables hold."""
    if not claim.subject.rstrip().endswith(tuple(lexicon.claim_words()["enumeration_ends"])) \
            or not claim.sentence.startswith(claim.context):
        return False
    after = claim.sentence[len(claim.context) + len(claim.quantity.raw):]
    return after.lstrip().startswith(tuple(lexicon.claim_words()["indicator_nouns"]))


def _sum_of_listed(claim: Claim) -> bool:
    """46名普查指导员和213名普查员共259人: a figure after 共 / 合计 … that closes a clause listing two figures or more
    before it is their sum, which no table holds (read as 普查员's, it disagreed with 213名)."""
    clause = re.split(f"[{CLAUSE_BREAKS}]", claim.context)[-1]
    ended = clause[:len(clause) - len(claim.quantity.raw)] if clause.endswith(claim.quantity.raw) else clause
    words = lexicon.arithmetic_words()["total_words"]
    if not ended.rstrip().endswith(tuple(words)):
        return False
    listed = [q for q in find_quantities(ended) if q.is_number]
    if len(listed) >= 2:
        return True
    # (……先后9次下达调运指令；再加上……各调运1次，全年共11次: a clause of a time word and 共 alone sums the figures of
    # its sentence in its unit before it)
    bare = ended.rstrip()
    for word in sorted(words, key=len, reverse=True):
        bare = bare.removesuffix(word)
    if not listed and bare.strip() in lexicon.claim_words()["sum_leads"] + [""]:
        sentence = re.split("[。！？!?]", claim.context)[-1]
        clauses = re.split(f"[{CLAUSE_BREAKS}]", sentence[:len(sentence) - len(clause)])
        # (from two clauses or more, each its own statement — not 新建公共厕所5座、改造8座，共14座, whose total is the
        # indicator's and is checked)
        holding = [c for c in clauses if any(q.is_number and q.unit == claim.quantity.unit for q in find_quantities(c))]
        if len(holding) >= 2:
            return True
    # (兑现研发费用后补助和高新技术企业奖补资金合计386.40万元: two things named, joined, and their total — read as one of
    # them, it disagreed with 180.00万元)
    named = ended.rstrip()
    for word in sorted(words, key=len, reverse=True):
        if named.endswith(word):
            named = named[:-len(word)]
            break
    joiners = lexicon.claim_words()["name_joiners"]
    return not listed and any(joiner in named[-30:] for joiner in joiners) and any(
        word in named[-30:] for word in lexicon.claim_words()["fund_words"])


@lru_cache(maxsize=1)
def _items_together() -> re.Pattern[str]:
    """两项合计 / 3个项目共计 (lexicon/claims.yaml: items_measures, items_together_words)."""
    words = lexicon.claim_words()
    measures = "|".join(map(re.escape, words["items_measures"]))
    together = "|".join(map(re.escape, words["items_together_words"]))
    return re.compile(rf"(?:两|[二三四五六七八九十]|\d+)(?:{measures})[^，,；;。\d]{{0,6}}?(?:{together})")


def _without_figures(text: str) -> str:
    """The text with its figures (1718.45万元) taken out: the words left name what they are of."""
    for quantity in reversed(find_quantities(text)):
        text = text[:quantity.start] + text[quantity.end:]
    return text


def _without_lines(text: str, facts: Facts) -> str:
    """The text without the budget lines' names: 基本支出 names a line, not the column 支出."""
    for line in facts.scopes:
        text = text.replace(line, "")
    return text


def _column_gap_candidates(claim: Claim, facts: Facts) -> tuple[list[tuple[float, Fact]], str, str]:
    """调整后预算627.17万元，较年初预算增加81.6万元: the difference of the column said before the comparison
    and the column compared with, on the line the sentence names (the total when none)."""
    context = claim.context
    below = roles.column_below_or_above(context.rstrip())  # 实际支出……，低于年初预算147.65万元
    words = roles.words()["rate_comparison_words"] if below else roles.words()["comparison_words"]
    cut = max(context.rfind(word) for word in words)
    first, second = roles.column_named(context[:cut]), below or roles.compared_column(context)
    if not first or not second or first == second:
        return [], "unknown_role", ""
    scope = claim_scope(claim, facts)
    found = [(1.0, fact) for fact in facts.by_role("column_gap")
             if fact.scope == scope and fact.name == column_pair(first, second)]
    return found, ("" if found else "no_candidate"), ""



def _rate_gap_candidates(claim: Claim, facts: Facts) -> tuple[list[tuple[float, Fact]], str, str]:
    """项目支出执行率为89.06%，低于基本支出执行率10.63个百分点: the difference of two rates, each surely the one
    its words name (the sentence's subject, and the one named after 低于); otherwise not linked."""
    clause = claim.context[max(claim.context.rfind(mark) for mark in CLAUSE_BREAKS) + 1:]
    cut, other = roles.compared_rate(clause)
    if cut < 0 or not other:
        return [], "unknown_role", ""
    # The first rate: the clause of the last rate (a % figure, not points) before this one.
    rates_before = [found for found in re.finditer(r"\d[\d.,]*\s*%", claim.context[:len(claim.context) - len(clause)])]
    if not rates_before:
        return [], "unknown_role", ""
    before = claim.context[:rates_before[-1].start()]
    subject = before[max(before.rfind(mark) for mark in CLAUSE_BREAKS) + 1:]
    rates = []
    for text, tokens in ((before, name_tokens(roles.strip_linking(subject))), (other, name_tokens(other))):
        reading = replace(claim, role="completion", subject=text, tokens=tokens, context=text, alternatives=())
        found, _, _ = candidates(reading, facts)
        sure = [(score, fact) for score, fact in found if fact.quantity.unit == "%" and fact.quantity.is_number
                and (score == CERTAIN_SCORE or _certain(reading, fact, (tokens,), facts))]
        line = _last_line(text, facts)
        if line and any(fact.scope == line for _, fact in sure):
            sure = [(score, fact) for score, fact in sure if fact.scope == line]  # 项目支出……执行率95.18%
        if not sure and line and line != FOREIGN and not tokens - facts.scope_words(line) - _whole_tokens():
            # 比基本支出低4.45个百分点: a budget line named alone is compared by its execution rate.
            sure = [(1.0, fact) for fact in facts.facts if fact.budget and fact.scope == line
                    and fact.quantity.unit == "%" and fact.quantity.is_number]
        best = [fact for score, fact in sure if score == max(score for score, _ in sure)]
        if len({fact.quantity.value for fact in best}) != 1:
            return [], "uncertain_name", best[0].name if best else ""
        rates.append(best[0])
    first, second = rates
    if first is second:
        return [], "uncertain_name", first.name
    name = wording("rate_pair", first=fact_name(first), second=fact_name(second))
    gap = computed(abs(first.quantity.value - second.quantity.value), "个百分点")
    return [(1.0, Fact(name, "rate_gap", gap, first.location, first.place))], "", ""

