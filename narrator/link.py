"""Link a claim to the fact it speaks of.

A fact is a candidate when it has the claim's role (completion, target, growth …), a unit
the claim's unit converts to, and a name close enough: the Dice overlap of their content
words (jieba with the domain dictionary, synonyms made canonical, the report's own unit
name left out) reaches `THRESHOLD`. Budget figures also need the right line: 其中基本支出…
执行率95.99% speaks of 基本支出, not of the total. Similar names stay different facts.

The decision: a candidate that agrees settles the claim (the best such); a claim that
disagrees with every candidate is wrong, and the finding names them all (candidates that
agree with each other within their written precision count as one). A claim that is not
linked keeps the reason (`REASONS`), for `narrator check --explain`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .compare import agrees
from .extract import Claim
from .facts import Fact, Facts

THRESHOLD = 0.6

# Why a claim is not linked (the keys of explain_* in templates/findings.yaml).
REASONS = ("no_candidate", "other_unit", "other_line", "weak_name")


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
    """The budget line named last in the sentence before the figure, if any."""
    best, position = "", -1
    for name in facts.scopes:
        found = claim.context.rfind(name)
        if found > position:
            best, position = name, found
    return best


def claim_tokens(claim: Claim, facts: Facts) -> frozenset[str]:
    """The words that name what the claim is about: not the report's own unit name."""
    return claim.tokens - facts.own_words


def candidates(claim: Claim, facts: Facts, exclude_place: str = "", aliases: tuple[frozenset[str], ...] = ()
               ) -> tuple[list[tuple[float, Fact]], str, str]:
    """The facts the claim may speak of, best first, or the reason there are none and its detail.
    `aliases`: other names of what the claim is about (the task of a cell with one figure)."""
    scope = claim_scope(claim, facts)
    names = (claim_tokens(claim, facts), *aliases)
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
        if fact.budget or fact.tokens in facts.budget_names:
            if fact.scope != scope:
                other_line += 1
                continue
            if scope:  # 基本支出追加84.85万元: the line is settled; the rest of the words name the column
                own_names = tuple(own - facts.scope_words(scope) for own in names)
        score = max(dice(own, other) for own in own_names for other in fact.names())
        if score >= THRESHOLD:
            found.append((score, fact))
        elif score > 0:
            weak.append((score, fact))
            weak_count += occurrences
    if not found and weak_count == 1 and _distinctive(claim.quantity.unit, facts, claim.role, exclude_place):
        # 平台集聚各类研发资源58000台套 and 集聚仪器资源 ≥58000台套: the only target counted
        # in 台套, sharing a word, is the one the sentence means.
        found = weak
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


def link(claim: Claim, facts: Facts, exclude_place: str = "", aliases: tuple[frozenset[str], ...] = ()) -> Link:
    """The fact `claim` agrees with, the facts it disagrees with, or why it is not linked.
    `exclude_place`: facts of that place are not candidates (a task cell is not checked against
    the task table itself); `aliases`: other names of what the claim is about."""
    found, reason, detail = candidates(claim, facts, exclude_place, aliases)
    if not found:
        return Link(claim, reason=reason, detail=detail)
    absolute = claim.role in ("deviation", "difference")
    agreeing = next((fact for _, fact in found if agrees(claim.quantity, fact.quantity, absolute)), None)
    if agreeing is not None:
        return Link(claim, agreed=agreeing)
    return Link(claim, facts=tuple(_distinct_values([fact for _, fact in found])))
