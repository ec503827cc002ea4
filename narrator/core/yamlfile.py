"""YAML a user wrote (an input, a --patterns word list, a --templates tables.yaml).

Parsed with libyaml's C loader when it is installed, after one pass over the
parser's events that refuses what an input never needs and a hostile file uses:
anchors and aliases (a 1 KB alias bomb expands to gigabytes), nesting deeper than
`MAX_DEPTH` (the C composer recurses and would crash), and files above
`MAX_YAML_BYTES`. Duplicate keys are refused too: YAML keeps the last silently.
Every failure is an NarratorError naming the file and line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import NarratorError, os_reason
from .textfile import decode, megabytes

MAX_YAML_BYTES = 5 * 1024 * 1024  # an input with 300 indicators is under 200 KB
MAX_DEPTH = 20  # the deepest input is a mapping of lists of mappings: 3

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_BaseLoader):
    """Safe loading that refuses duplicate keys; subclasses add constructors."""

    file = ""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise NarratorError("yaml_duplicate_key", file=self.file, row=key_node.start_mark.line + 1,
                                     key=key_node.value, first=seen[key_node.value])
                seen[key_node.value] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, Loader.construct_mapping)


def read_yaml_bytes(path: Path) -> str:
    """The text of a YAML file: refused above MAX_YAML_BYTES; UTF-8, or the GBK, Big5 or
    UTF-16/32 that Windows editors save, decoded as reports are."""
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise NarratorError("report_too_large", file=path, size=megabytes(size), limit=megabytes(MAX_YAML_BYTES))
        data = path.read_bytes()
    except OSError as error:
        raise NarratorError("file_unreadable", file=path, reason=os_reason(error)) from None
    return decode(data, path)


def parse(text: str, file: str | Path = "", loader: type[Loader] = Loader) -> Any:
    """Parse `text`; anything but a well-formed, alias-free, shallow document raises NarratorError."""
    file = str(file)
    _preflight(text, file, loader)
    instance = loader(text)
    instance.file = file
    try:
        return instance.get_single_data()
    except yaml.YAMLError as error:
        raise _syntax_error(error, file) from None
    finally:
        instance.dispose()


def load_file(path: str | Path, loader: type[Loader] = Loader) -> Any:
    path = Path(path)
    return parse(read_yaml_bytes(path), path, loader)


def _preflight(text: str, file: str, loader: type[Loader]) -> None:
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise NarratorError("yaml_alias", file=file, row=event.start_mark.line + 1)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise NarratorError("yaml_too_deep", file=file, row=event.start_mark.line + 1, limit=MAX_DEPTH)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        raise _syntax_error(error, file) from None


# libyaml (PyYAML 6.0.4 on) refuses deep flow nesting itself, before the parser's events reach our count.
_DEPTH_PROBLEMS = ("nesting depth",)


def _syntax_error(error: yaml.YAMLError, file: str) -> NarratorError:
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error)
    if any(problem in reason for problem in _DEPTH_PROBLEMS):
        return NarratorError("yaml_too_deep", file=file, row=mark.line + 1 if mark else None, limit=MAX_DEPTH)
    return NarratorError("yaml_syntax", file=file, row=mark.line + 1 if mark else None, reason=reason)
