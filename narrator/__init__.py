"""narrator: draft and check Chinese budget performance self-evaluation reports."""

__version__ = "0.1.0"

# The wording seed a draft uses unless told otherwise (`narrator draft --seed`).
DEFAULT_SEED = 2022
