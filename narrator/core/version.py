"""The version, and the wording seed a draft uses unless told otherwise (`narrator draft --seed`)."""

__version__ = "0.1.0"

DEFAULT_SEED = 2022
