"""Link a claim to the fact it speaks of.

A fact is a candidate when it has the claim's role (completion, target, …), a unit
the claim's unit converts to, and a name close enough: the Dice overlap of their
content words (jieba with the domain dictionary, synonyms made canonical) reaches
`THRESHOLD`. Budget figures also need the right line: 其中基本支出…执行率95.99%
speaks of 基本支出, not of the total. Similar names stay different facts; when no
candidate is clearly best, the claim is left unlinked rather than raise a false alarm.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .compare import agrees
from .extract import Claim
from .facts import Fact, Facts

THRESHOLD = 0.6
TIE = 0.05  # candidates this close to the best are as good as the best
NEAR = 0.2  # a candidate this close to the best that agrees settles the claim


@dataclass(frozen=True)
class Link:
    claim: Claim
    fact: Fact | None  # the fact the claim disagrees with; None when it agrees or is not linked
    agreed: Fact | None = None

    @property
    def linked(self) -> bool:
        return self.fact is not None or self.agreed is not None


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


def candidates(claim: Claim, facts: Facts) -> list[tuple[float, Fact]]:
    scope = claim_scope(claim, facts)
    found, weak = [], []
    weak_count = 0  # the same fact stated twice (a repeated table) is not one weak candidate
    for fact, occurrences in facts.sharing(claim.role, claim.tokens):
        if not compatible_units(claim.quantity.unit, fact.quantity.unit):
            continue
        if fact.budget or fact.tokens in facts.budget_names:
            if fact.scope != scope:
                continue
        score = max(dice(claim.tokens, names) for names in fact.names())
        if score >= THRESHOLD:
            found.append((score, fact))
        elif score > 0:
            weak.append((score, fact))
            weak_count += occurrences
    if not found and weak_count == 1 and _distinctive(claim.quantity.unit, facts, claim.role):
        # 平台集聚各类研发资源58000台套 and 集聚仪器资源 ≥58000台套: the only target counted
        # in 台套, sharing a word, is the one the sentence means.
        found = weak
    found.sort(key=lambda pair: -pair[0])
    return found


def _distinctive(unit: str, facts: Facts, role: str) -> bool:
    """A count unit that only one fact of this role uses (台套, 人次), not 家 or 项."""
    if lexicon.unit_kinds().get(unit) != "count" or unit in lexicon.claim_words()["generic_units"]:
        return False
    return facts.unit_count(role, unit) == 1


def link(claim: Claim, facts: Facts) -> Link:
    found = candidates(claim, facts)
    if not found:
        return Link(claim, None)
    best = found[0][0]
    absolute = claim.role in ("deviation", "difference")
    for score, fact in found:
        if score >= best - NEAR and agrees(claim.quantity, fact.quantity, absolute):
            return Link(claim, None, agreed=fact)
    top = [fact for score, fact in found if score >= best - TIE]
    values = {fact.quantity.in_unit(claim.quantity.unit) for fact in top}
    if len(values) != 1:
        return Link(claim, None)  # equally good facts that say different things: not confident
    return Link(claim, top[0])

