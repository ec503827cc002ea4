"""Where narrator's data folders are: inside the installed package (a wheel puts
``templates/``, ``lexicon/`` and ``corpus/`` under ``narrator/``) or, in a source
checkout, beside the package."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # narrator/, which core/ is in


def data_path(kind: str) -> Path:
    """The folder `kind` ("templates", "lexicon" or "corpus")."""
    installed = _PACKAGE / kind
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / kind


@lru_cache(maxsize=None)
def load_yaml(kind: str, name: str):
    """A YAML file of a data folder, parsed once per process."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(data_path(kind) / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def example_path(suffix: str = ".yaml", project: bool = False) -> Path:
    """The shipped example input (seed 002 transcribed), as YAML or workbook; with `project`, the
    example project for `draft --form 项目`."""
    return data_path("corpus") / f"{'project_example' if project else 'example'}{suffix}"
