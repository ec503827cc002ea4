"""Draft-time self-review: before a draft is written, the checker's rules run over the very
DOCX that is about to be written, so that a draft never contradicts its own tables.

Drafting and checking never import each other; this module sits above both, as the CLI does.

    >>> findings = review(compose(evaluate(report)))   # [] for a consistent draft
"""
from __future__ import annotations

from ..checking.checker import check_document
from ..checking.findings import Finding
from ..forms.scoring import DEFAULT_RULES
from ..sources.read import read_document
from .compose import Document
from .render import docx_bytes


def review(document: Document, data: bytes | None = None, rule_set: str = DEFAULT_RULES) -> list[Finding]:
    """The checker's findings on `document` rendered as DOCX (`data`, when already rendered); its
    scores are checked by the rule set that computed them."""
    data = data if data is not None else docx_bytes(document)
    return check_document(read_document(data, "draft.docx"), rule_set=rule_set).findings
