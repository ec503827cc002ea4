"""narrator: draft and check Chinese budget performance self-evaluation reports.

The library (narrator/api.py), loaded when first asked for so that `import narrator` stays light. On the
shipped example (corpus/: an input, seed 002's report as copied text, the unit's 绩效目标表):

    >>> import narrator
    >>> from narrator.core.resources import data_path
    >>> example = data_path("corpus")
    >>> result = narrator.draft(example / "example.yaml")   # the document, its DOCX bytes and the self-review
    >>> result.name, result.findings
    ('苏州市生产力促进中心2022年度整体支出预算绩效自评报告.docx', [])
    >>> [(f.code, f.claimed, f.expected) for f in narrator.check(example / "seeds" / "002_98fcc12b36c2cf12.txt").findings]
    [('N103', '全面完成', '3项未达成'), ('N102', '24800项', '24900项')]
    >>> targets = narrator.import_targets(example / "example_targets.txt").report
    >>> targets.unit_name, targets.year, len(targets.indicators)
    ('苏州市生产力促进中心', 2022, 54)

The code is laid out by stage over a small core:

    core/        model, quantities, vocabulary (lexicon/), errors, the input format (load, save), evaluate
    sources/     read a report as written: paragraphs and tables of DOCX, PDF, workbooks and copied text
    recognise/   what each table is: report tables, scored forms, money tables, target tables (import)
    statements/  what each figure in a sentence says: its claim and role, the arithmetic of the prose
    checking/    facts, links, rules, findings and their reporters (narrator check)
    drafting/    plan, language, compose, render, questions, self-review (narrator draft, narrator ask)
    forms/       project self-evaluation forms and their scoring rules
    learn/       phrase patterns mined from prior reports (narrator mine)

cli.py and web.py are thin layers over api.py."""
from .core.version import DEFAULT_SEED, __version__  # noqa: F401

_API = ("draft", "check", "import_targets", "questions", "answer", "Draft")


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'narrator' has no attribute {name!r}")
