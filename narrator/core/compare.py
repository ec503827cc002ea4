"""Compare a figure as written with an exact value, at the precision the writer used.

5.86万 agrees with 58 605 (the writer rounded to hundreds); 4408 亿元 with 4407.79;
99.8% with 99.80%; 超2.3万亿元 with 23 348.31 亿元 (over, within one step of the
written precision). A figure that rounds differently disagrees.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .quantity import Quantity


def step(quantity: Quantity) -> Decimal:
    """The precision a figure is written to. An approximate whole number such as
    超400 or 约6000 is read to its last non-zero digit (100, 1000)."""
    if quantity.approximation and not quantity.decimals and not quantity.scale:
        digits = quantity.number_text.replace(",", "").lstrip("-")
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        return Decimal(10) ** zeros
    return quantity.resolution


def rounds_to(value: Decimal, resolution: Decimal) -> Decimal:
    return (value / resolution).quantize(Decimal(1), rounding=ROUND_HALF_UP) * resolution


def agrees(written: Quantity, fact: Quantity, absolute: bool = False, bound: bool = False) -> bool | None:
    """Does `written` say `fact`? None when they cannot be compared (other units, not numbers).
    `bound`: X以上 / X以下 is a threshold the fact passes (均达到目标值的1.8倍以上), not a figure a little
    over or under X."""
    if not (written.is_number and fact.is_number):
        return None
    value = fact.in_unit(written.unit) if written.unit and fact.unit else fact.value
    if value is None:
        return None
    claimed = written.value
    if absolute:
        value, claimed = abs(value), abs(claimed)
    if fact.approximation:
        # Both approximate (a table that itself says 超400条): the same number at the coarser step.
        coarse = max(step(written), step(fact))
        return rounds_to(value, coarse) == rounds_to(claimed, coarse)
    sense = written.approximation_sense
    precision = step(written)
    if bound and sense in ("over", "under"):
        return value >= claimed if sense == "over" else value <= claimed
    if sense == "over":
        return claimed <= value < claimed + precision
    if sense == "under":
        return claimed - precision < value <= claimed
    if sense == "about":
        return abs(value - claimed) <= precision / 2 or rounds_to(value, precision) == claimed
    return rounds_to(value, precision) == claimed
