"""Arithmetic written in prose: the statements whose figures must agree with each other.

- a total and its listed parts: 本项目共完成预算资金89.97万元。其中：30万元…；30万元…；29.99万元…
  (the parts may not add up to more than the total; they need not be exhaustive);
- a rate stated with its two figures: 入统企业数11472家，完成统计企业11372家，占比99.13%
  (the rate must be one figure divided by the other, at the precision written);
- shares of one whole: 分别占…45%、35%、30% (together at most 100 %);
- a figure with its target in brackets and what follows of the two: 样本地块186块（目标≥180块），完成目标的103.03%，
  比目标多6块 (the ratio, multiple, gap or points must be those of the two, at the precision written).

Each finder takes the claims of one passage (a paragraph or a table cell) and returns the
statements that do not hold, with the arithmetic written out; the rules (narrator/checking/rules.py)
turn them into findings. The words are in lexicon/claims.yaml (arithmetic).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..core import lexicon
from ..core.compare import agrees, step
from ..core.model import BUDGET_UNIT
from ..core.quantity import Quantity, format_decimal, format_percent
from .extract import CLAUSE_BREAKS, Claim, level_scope, name_tokens
from .roles import strip_linking

SIDE_ROLES = ("growth", "deviation", "difference")  # figures that are not amounts of something


@dataclass(frozen=True)
class Statement:
    claims: tuple[Claim, ...]  # every figure involved, in order
    claimed: Quantity  # the figure stated (the total, the rate, the last share)
    expected: str  # what the other figures give
    terms: str  # the arithmetic written out: 30 + 30 + 29.99 = 89.99万元


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    return {key: tuple(map(str, words)) for key, words in lexicon.arithmetic_words().items()}


@lru_cache(maxsize=1)
def _rate_name_words() -> frozenset[str]:
    """Words that may stand before a rate of the two figures without naming another thing (资金执行率, 总体)."""
    return frozenset().union(*(name_tokens(word) for word in _words()["rate_name_words"]))


def clause_before(claim: Claim) -> str:
    """The clause that leads up to the figure."""
    context = claim.context
    return context[max(map(context.rfind, CLAUSE_BREAKS)) + 1:]


def _in_brackets(claim: Claim) -> bool:
    context = claim.context
    return context.count("（") + context.count("(") > context.count("）") + context.count(")")


def _sentence_index(claims: list[Claim]) -> dict[int, int]:
    return {start: index for index, start in enumerate(sorted({claim.sentence_start for claim in claims}))}


def _column(claim: Claim) -> str:
    """The budget column a money figure names (实际支出 → 实际支出数), or ""."""
    return next((column for column in _words()["budget_columns"] if column in claim.tokens), "")


def _amount(claim: Claim, unit: str) -> Decimal | None:
    return claim.quantity.in_unit(unit) if claim.quantity.is_number else None


def _number(value: Decimal) -> str:
    return format_decimal(value.normalize() if value == value.to_integral() else value)


def totals(claims: list[Claim]) -> list[Statement]:
    """Totals (共 / 合计 …) followed by 其中 and parts that add up to more than the total."""
    words = _words()
    sentences = _sentence_index(claims)
    statements = []
    for index, total in enumerate(claims):
        clause = clause_before(total)
        if not any(word in clause for word in words["total_words"]) or total.role in SIDE_ROLES \
                or not total.quantity.is_number or total.quantity.approximation or _in_brackets(total):
            continue
        parts: list[Claim] = []
        between: list[Claim] = []  # figures between the total and 其中
        opened = None  # the sentence where 其中 opens the parts
        for part in claims[index + 1:]:
            after_total = part.context[total.end - part.sentence_start:] if part.sentence_start == total.sentence_start \
                else part.context
            if opened is None:
                if words["parts_word"][0] not in after_total:
                    if sentences[part.sentence_start] > sentences[total.sentence_start] + 1:
                        break
                    between.append(part)
                    continue
                if sentences[part.sentence_start] > sentences[total.sentence_start] + 1:
                    break
                opened = part.sentence_start
            elif part.sentence_start != opened:
                break
            if any(word in clause_before(part) for word in words["total_words"]):
                break
            value = _amount(part, total.quantity.unit)
            if value is None or part.role != total.role or _in_brackets(part) or part.quantity.approximation:
                continue
            parts.append(part)
        named = [part for part in parts if level_scope(clause_before(part))[0]]
        # 其中决策指标6个……过程指标26个，完成23个: the categories are the parts, not 完成23个.
        parts = named if len(named) >= 2 else _complete(parts, total)
        if len(parts) < 2:
            continue
        columns = {_column(part) for part in parts}
        if (_column(total) and columns - {_column(total), ""}) or (not _column(total) and len(columns - {""}) > 1):
            continue  # parts from two budget columns (调整预算数 and 实际支出) are not parts of one total
        amounts = [_amount(part, total.quantity.unit) for part in parts]
        whole = sum(amounts, Decimal(0))
        sums = {sum(amounts[:count], Decimal(0)) for count in range(2, len(amounts) + 1)}
        if any(_amount(figure, total.quantity.unit) in sums for figure in between):
            continue  # 合计120名；实有在职人员112人，其中81人、31人: the parts of 112人, not of 120名
        if whole > total.quantity.value + step(total.quantity) / 2:
            unit = total.quantity.unit
            statements.append(Statement(
                (total, *parts), total.quantity, _number(whole) + unit,
                " + ".join(_number(amount) for amount in amounts) + f" = {_number(whole)}{unit}"))
    return statements


def _complete(parts: list[Claim], total: Claim) -> list[Claim]:
    """The parts up to where they add up to the total: a figure after a complete list is not one of
    its parts (产出指标4个、效益指标2个、满意度指标1个，7个指标分值合计90分)."""
    whole = Decimal(0)
    for count, part in enumerate(parts, 1):
        whole += _amount(part, total.quantity.unit)
        if count >= 2 and abs(whole - total.quantity.value) <= step(total.quantity) / 2:
            return parts[:count]
    return parts


def _ratio_quantity(value: Decimal) -> Quantity:
    return Quantity(raw=format_percent(value), kind="number", value=value, unit="%")


def rates(claims: list[Claim]) -> list[Statement]:
    """A rate (执行率, 占比 …) after exactly two figures of one unit in its sentence that neither
    divides into, nor is the part of the two together: 预算200万元…支出179.43万元…执行率89.7%."""
    words = _words()
    statements = []
    for index, rate in enumerate(claims):
        if rate.quantity.unit != "%" or rate.role not in ("completion", "share", "ratio") or not rate.quantity.is_number \
                or rate.quantity.approximation or rate.quantity.comparator:
            continue
        clause = clause_before(rate)
        if not any(word in clause for word in words["rate_words"]):
            continue
        named = clause
        for word in words["rate_words"]:
            named = named.replace(word, "")
        if name_tokens(strip_linking(named)) - _rate_name_words():
            continue  # 水利工程质量验收合格率为100%: a rate of its own, not of the two figures before it
        earlier = []
        for claim in reversed(claims[:index]):
            if claim.sentence_start != rate.sentence_start or claim.quantity.unit == "%":
                break
            earlier.insert(0, claim)
        same = [claim for claim in earlier if claim.quantity.unit == earlier[-1].quantity.unit] if earlier else []
        if len(earlier) != 2 or len(same) != 2 or not all(c.quantity.is_number for c in same) \
                or any(c.quantity.approximation or c.quantity.comparator or c.role in SIDE_ROLES for c in same) \
                or any(word in clause_before(c) for c in same for word in words["rate_skip_words"]):
            continue
        first, second = same[0].quantity.value, same[1].quantity.value
        if not first or not second:
            continue
        if any(word in clause for word in words["money_rate_words"]) \
                and lexicon.unit_kinds().get(same[0].quantity.unit) != "money":
            continue  # 44项指标中40项达到，预算执行率98.25%: a rate of money, not of the two counts
        forward, backward = second / first * 100, first / second * 100
        # 51个指标完成，3个未完成，完成率94.44%: a part of the two together is a reading too.
        readings = (forward, backward, first / (first + second) * 100, second / (first + second) * 100)
        if any(agrees(rate.quantity, _ratio_quantity(value)) for value in readings):
            continue
        places = rate.quantity.decimals
        # Shown the way that comes closest to what was written (22名 ÷ 25名 for 完成率88.0%).
        a, b = same[0].quantity.text, same[1].quantity.text
        terms, value = min(((f"{b} ÷ {a}", forward), (f"{a} ÷ {b}", backward),
                            (f"{a} ÷ ({a} + {b})", readings[2]), (f"{b} ÷ ({a} + {b})", readings[3])),
                           key=lambda reading: abs(reading[1] - rate.quantity.value))
        statements.append(Statement(
            (*same, rate), rate.quantity, format_percent(value, places), f"{terms} = {format_percent(value, places)}"))
    told = {statement.claims[-1].start for statement in statements}
    return statements + [statement for statement in _shares_of_the_whole(claims) if statement.claims[-1].start not in told]


def _shares_of_the_whole(claims: list[Claim]) -> list[Statement]:
    """A share that follows a part of the whole before it: 全年征集档案资料1126件，其中历史照片612张，占53.45% (612 ÷ 1126)
    — the part opens on 其中, the share's clause is 占 alone, the whole is the last figure of the same kind (counts, 件
    and 张, or money) before the part in its sentence, or in the sentence before when the part's sentence opens on it
    (……实际1126件，为目标值的3.75倍。其中历史照片612张，占53.45%); never a target or a change."""
    words = _words()
    statements = []
    for index, share in enumerate(claims):
        if index < 2 or share.quantity.unit != "%" or not share.quantity.is_number or share.quantity.approximation \
                or share.quantity.comparator or clause_before(share).strip() not in words["share_alone"]:
            continue
        part = claims[index - 1]
        lead = clause_before(part).lstrip()
        if part.sentence_start != share.sentence_start or not lead.startswith(words["parts_word"]) \
                or not _plain_amount(part):
            continue
        kind = lexicon.unit_kinds().get(part.quantity.unit)
        opens = not re.search(f"[{CLAUSE_BREAKS}]", share.sentence[:part.start - share.sentence_start])
        earlier = [c for c in claims[:index - 1] if c.sentence_start == share.sentence_start]
        if opens and not earlier:
            before = [c for c in claims[:index - 1] if c.sentence_start < share.sentence_start]
            earlier = [c for c in before if c.sentence_start == before[-1].sentence_start] if before else []
        wholes = [c for c in earlier if lexicon.unit_kinds().get(c.quantity.unit) == kind]
        if kind not in ("count", "money") or not wholes or not _plain_amount(wholes[-1]) \
                or any(mark in share.sentence[:part.start - share.sentence_start] for mark in "；;") and not opens:
            continue
        whole = wholes[-1]
        unit = part.quantity.unit if kind == "count" else BUDGET_UNIT
        base = whole.quantity.value if kind == "count" else whole.quantity.in_unit(unit)
        amount = part.quantity.value if kind == "count" else part.quantity.in_unit(unit)
        if not base or amount is None or amount > base:
            continue
        value = amount / base * 100
        if agrees(share.quantity, _ratio_quantity(value)):
            continue
        places = share.quantity.decimals
        statements.append(Statement((whole, part, share), share.quantity, format_percent(value, places),
                                    f"{part.quantity.text} ÷ {whole.quantity.text} = {format_percent(value, places)}"))
    return statements


def _plain_amount(claim: Claim) -> bool:
    """A figure that is an amount of something: no target, change, bound or approximation."""
    quantity = claim.quantity
    return quantity.is_number and not quantity.approximation and not quantity.comparator \
        and claim.role not in SIDE_ROLES + ("target",)


_JOINERS = re.compile(r"[、和及与以\s]*")


def _listed(claims: list[Claim], sentence: str, sentence_start: int) -> list[Claim]:
    """The figures 分别 lists: the first and those joined to it by 、/和 only (分别为94.31%和96.75%，……占……的71.93%:
    the third is a clause of its own)."""
    listed = claims[:1]
    for claim in claims[1:]:
        between = sentence[listed[-1].end - sentence_start:claim.start - sentence_start]
        if not _JOINERS.fullmatch(between):
            break
        listed.append(claim)
    return listed


def shares(claims: list[Claim]) -> list[Statement]:
    """Percentages listed with 分别 in a sentence about shares (占, 比重 …) that add up to more than 100 %.
    Each 分别 lists its own parts, up to the next 分别 or ；(按调整后预算，分别占48.17%和51.83%；按实际支出，
    分别占48.71%和51.29%: two wholes)."""
    words = _words()
    marker = words["shares_word"][0]
    statements = []
    for sentence_start in dict.fromkeys(claim.sentence_start for claim in claims):
        sentence = next(claim.sentence for claim in claims if claim.sentence_start == sentence_start)
        if not any(word in sentence for word in words["share_words"]):
            continue
        position = sentence.find(marker)
        while position >= 0:
            following = sentence.find(marker, position + len(marker))
            ends = [end for end in (following, sentence.find("；", position), sentence.find(";", position)) if end >= 0]
            end = min(ends) if ends else len(sentence)
            listed = _listed([claim for claim in claims if claim.sentence_start == sentence_start
                              and position < claim.start - sentence_start < end and claim.quantity.unit == "%"
                              and claim.quantity.is_number and claim.role not in SIDE_ROLES
                              and not claim.quantity.comparator], sentence, sentence_start)
            clause_start = max(sentence.rfind(mark, 0, position) for mark in CLAUSE_BREAKS) + 1
            said = sentence[clause_start:listed[0].start - sentence_start] if listed else ""
            position = following
            if len(listed) < 2 or any(claim.quantity.approximation for claim in listed) \
                    or not any(word in said for word in words["share_words"]):
                continue  # 执行率分别为94.31%和96.75%: rates, not shares of one whole
            whole = sum((claim.quantity.value for claim in listed), Decimal(0))
            slack = sum((step(claim.quantity) for claim in listed), Decimal(0)) / 2
            if whole > 100 + slack:
                statements.append(Statement(
                    tuple(listed), listed[-1].quantity, "100%",
                    " + ".join(claim.quantity.text for claim in listed) + f" = {_number(whole)}%"))
    return statements


_BRACKETED_TARGET = re.compile(r"\s*[（(][^（）()]{0,8}$")  # 186块（目标≥ : the target opens a bracket after the figure
_RELATIONS = ("ratio", "multiple", "difference", "points")


def against_target(claims: list[Claim]) -> list[Statement]:
    """A figure, its target in brackets right after it (186块（目标≥180块）; 88.6%（目标≥90%）) and, in the same part of
    the sentence (up to ；/。 or the next figure of another thing), the ratio, multiple, gap or points said of the two
    that the two do not give: 完成目标的103.03% (186 ÷ 180 = 103.33%), 比目标多2家 (32 − 35)."""
    words = _words()
    statements = []
    for index, target in enumerate(claims[1:], start=1):
        value = claims[index - 1]
        if target.role != "target" or value.role != "completion" or value.sentence_start != target.sentence_start \
                or not (value.quantity.is_number and target.quantity.is_number) \
                or value.quantity.unit != target.quantity.unit or value.quantity.approximation \
                or (target.quantity.approximation and target.quantity.approximation_sense == "about") \
                or _in_brackets(value):  # (目标30%以上 is a floor, 30 itself; 约30% is no figure to reckon with)
            continue
        if not target_in_brackets(value, target):
            continue
        got, wanted = value.quantity.value, target.quantity.value
        for claim in claims[index + 1:]:
            if claim.sentence_start != target.sentence_start or re.search(
                    "[；;。]", claim.sentence[target.end - claim.sentence_start:claim.start - claim.sentence_start]):
                break
            if claim.role not in _RELATIONS:
                if claim.role in ("completion", "target"):
                    break  # another figure of another thing: what follows is of it
                continue
            expected = _relation(claim, got, wanted, value.quantity.unit)
            if expected is None or agrees(claim.quantity, expected,
                                          absolute=claim.role in ("difference", "points")) is not False:
                continue
            shown = format_decimal(expected.value, claim.quantity.decimals) + claim.quantity.unit
            statements.append(Statement((value, target, claim), claim.quantity, shown,
                                        f"{_terms(claim.role, value.quantity.text, target.quantity.text)} = {shown}"))
    return statements


def target_in_brackets(value: Claim, target: Claim) -> bool:
    """The target opens a bracket right after the figure, named so (186块（目标≥180块; 383人（年度目标≥300人）."""
    between = value.sentence[value.end - value.sentence_start:target.start - target.sentence_start]
    return value.sentence_start == target.sentence_start and _BRACKETED_TARGET.fullmatch(between) is not None \
        and any(word in between for word in _words()["target_marks"])


def _relation(claim: Claim, got: Decimal, wanted: Decimal, unit: str) -> Quantity | None:
    """What the figure and its target give for `claim`'s role, in the claim's unit; None where they give nothing
    (no target to divide by; percentage points of figures that are no percentages; a gap in another unit)."""
    quantity = claim.quantity
    if not quantity.is_number or quantity.approximation or quantity.comparator:
        return None
    if claim.role == "ratio" and wanted and quantity.unit == "%":
        value = got / wanted * 100
    elif claim.role == "multiple" and wanted:
        value = got / wanted
    elif claim.role == "difference" and quantity.unit == unit:
        value = abs(got - wanted)
    elif claim.role == "points" and unit == "%":
        value = abs(got - wanted)
    else:
        return None
    return Quantity(raw=format_decimal(value), kind="number", value=value, unit=quantity.unit)


def _terms(role: str, got: str, wanted: str) -> str:
    return f"{got} ÷ {wanted}" if role in ("ratio", "multiple") else f"{got} − {wanted}"

