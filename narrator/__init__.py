"""narrator: draft and check Chinese budget performance self-evaluation reports."""

__version__ = "0.1.0"

# The wording seed a draft uses unless told otherwise (`narrator draft --seed`).
DEFAULT_SEED = 2022


def __getattr__(name: str):
    """narrator.draft and narrator.import_targets: the library (narrator/api.py), loaded when first asked
    for, so that `import narrator` stays light. (Checking is `narrator.api.check`: narrator.check is the
    checking module's name.)"""
    if name in ("draft", "import_targets", "Draft"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'narrator' has no attribute {name!r}")
