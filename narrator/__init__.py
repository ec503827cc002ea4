"""narrator: draft and check Chinese budget performance self-evaluation reports.

The library (narrator/api.py), loaded when first asked for so that `import narrator` stays light:

    >>> import narrator
    >>> result = narrator.draft("输入.yaml")          # the document, its DOCX bytes and the self-review
    >>> narrator.check("自评报告.docx").findings
    >>> narrator.import_targets("项目支出绩效目标申报表.txt").report

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
