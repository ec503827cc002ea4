"""narrator: draft and check Chinese budget performance self-evaluation reports."""

__version__ = "0.1.0"
