"""The vocabulary in ``lexicon/``, loaded once per process.

Every word list narrator uses lives in a file a user can read and extend; this
module only reads them."""
from __future__ import annotations

import logging
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from . import wordstore
from .errors import NarratorError, message
from .resources import data_path, load_yaml
from .yamlfile import load_file


def _yaml(name: str):
    return load_yaml("lexicon", name) or []


def _lines(name: str) -> list[str]:
    with open(data_path("lexicon") / name, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def comparators() -> dict[str, str]:
    """Written comparator (≥, ＝, 不低于 …) → canonical symbol (>=, =, …)."""
    return {str(row["text"]): str(row["symbol"]) for row in _yaml("comparators.yaml") if "position" not in row}


@lru_cache(maxsize=1)
def comparators_after() -> dict[str, str]:
    """A comparator written after a cell's figure (2%以内) → its symbol."""
    return {str(row["text"]): str(row["symbol"]) for row in _yaml("comparators.yaml") if row.get("position") == "after"}


@lru_cache(maxsize=1)
def _approximations() -> dict[str, dict]:
    return {str(row["word"]): row for row in _yaml("approximations.yaml")}


def approximation_words(position: str) -> list[str]:
    return [word for word, row in _approximations().items() if row["position"] == position]


def approximation_sense(word: str) -> str:
    return str(_approximations()[word]["sense"])


def approximation_position(word: str) -> str:
    return str(_approximations()[word]["position"])


@lru_cache(maxsize=1)
def _units() -> dict[str, dict]:
    return {str(row["unit"]): row for row in _yaml("units.yaml")}


@lru_cache(maxsize=1)
def unit_kinds() -> dict[str, str]:
    """Unit → its kind: money, count, ratio or time."""
    return {unit: str(row["kind"]) for unit, row in _units().items()}


@lru_cache(maxsize=1)
def unit_factors() -> dict[str, Decimal]:
    """Units that convert within their kind → factor to the kind's base unit."""
    return {unit: Decimal(str(row["factor"])) for unit, row in _units().items() if "factor" in row}


def same_unit(first: str, second: str) -> bool:
    """人 and 名, 场 and 场次: written differently, counted the same."""
    units = _units()
    return (first in units and units[first].get("same_as") == second) or (
        second in units and units[second].get("same_as") == first)


@lru_cache(maxsize=1)
def qualitative_words() -> frozenset[str]:
    return frozenset(_lines("qualitative.txt"))


@lru_cache(maxsize=1)
def _grades() -> dict:
    data = _yaml("grades.yaml")
    scales = [[frozenset(grade.split("|")) for grade in scale] for scale in data["scales"]]
    return {"scales": scales, "at_least": data["at_least"], "strict": data["strict"]}


def deadline(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A target that is a time in the year (10月底前, 11月15日前, 年底前) as (month, day) bounds: the earliest and the
    latest reading of it (10月前 is by 9月 or by 10月); None when it is no such time (lexicon/grades.yaml)."""
    words = _yaml("grades.yaml")["deadlines"]
    text = unicodedata.normalize("NFKC", text).strip()
    if text in words["year_end"]:
        return (12, 31), (12, 31)
    match = re.fullmatch(r"(?:\d{4}年)?(\d{1,2})月(?:(\d{1,2})日)?(.*)", text)
    if not match or not 1 <= int(match.group(1)) <= 12:
        return None
    month, day, rest = int(match.group(1)), match.group(2), match.group(3)
    if day is None and rest in words["month_end"]:
        return (month, 31), (month, 31)
    if rest in words["before"]:
        if day is not None:
            return (month, int(day)), (month, int(day))
        return (month - 1, 31), (month, 31)
    return None


def date_span(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A completion that is a date in the year (9月, 9月28日, 10月底, 2024年9月) as its first and last (month, day);
    None when it is no such date."""
    words = _yaml("grades.yaml")["deadlines"]
    match = re.fullmatch(r"(?:\d{4}年)?(\d{1,2})月(?:(\d{1,2})日)?(.*)", unicodedata.normalize("NFKC", text).strip())
    if not match or not 1 <= int(match.group(1)) <= 12:
        return None
    month, day, rest = int(match.group(1)), match.group(2), match.group(3)
    if rest and not (day is None and rest in words["month_end"] and not rest.endswith("前")):
        return None
    if day is not None:
        return (month, int(day)), (month, int(day))
    return ((month, 31), (month, 31)) if rest else ((month, 1), (month, 31))


def grade(text: str) -> tuple[int, int, bool] | None:
    """A qualitative value read as a grade of an ordered scale (lexicon/grades.yaml): (scale, rank — 0 best —, strict)
    for 达到Ⅲ类 (Ⅲ类及以上; 优于Ⅲ类 strict), None when the text, its 达到/以上 words taken off, is no grade."""
    words = _grades()
    text = text.strip()
    strict = False
    for key in ("at_least", "strict"):
        for before in sorted(words[key]["before"], key=len, reverse=True):
            if text.startswith(before) and len(text) > len(before):
                text, strict = text[len(before):], strict or key == "strict"
                break
        for after in sorted(words[key]["after"], key=len, reverse=True):
            if text.endswith(after) and len(text) > len(after):
                text = text[:-len(after)]
                break
    for index, scale in enumerate(words["scales"]):
        for rank, spellings in enumerate(scale):
            if text in spellings:
                return index, rank, strict
    return None


@lru_cache(maxsize=1)
def met_words() -> frozenset[str]:
    """Completion words that mean a qualitative target was reached."""
    return frozenset(_lines("met_words.txt"))


@lru_cache(maxsize=1)
def load_dictionary() -> None:
    """Give jieba narrator's domain dictionary (lexicon/dictionary.txt), once per process."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    wordstore.install(jieba.dt)
    jieba.load_userdict(str(data_path("lexicon") / "dictionary.txt"))


@lru_cache(maxsize=1)
def column_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """Header words of the report's tables, per table and column, in the order they are tried
    (lexicon/columns.yaml)."""
    return {table: {column: tuple(map(str, words)) for column, words in columns.items()}
            for table, columns in _yaml("columns.yaml").items()}


@lru_cache(maxsize=1)
def synonym_groups() -> list[list[str]]:
    """Groups of names for the same fact; the first of each group is canonical."""
    return [[str(word) for word in group] for group in _yaml("synonyms.yaml")]


@lru_cache(maxsize=1)
def _synonym_pattern():
    canonical = {word: group[0] for group in synonym_groups() for word in group}
    words = sorted(canonical, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)), canonical


def canonical_names(text: str) -> str:
    """Rewrite every synonym in `text` to its group's first name (longest match first)."""
    pattern, canonical = _synonym_pattern()
    return pattern.sub(lambda match: canonical[match.group(0)], text)


@lru_cache(maxsize=1)
def claim_words() -> dict[str, list[str]]:
    """Words the checker uses to tell what a figure is about (lexicon/claims.yaml)."""
    return {key: [str(word) for word in words] for key, words in _yaml("claims.yaml").items()
            if isinstance(words, list)}


@lru_cache(maxsize=1)
def statement_words() -> dict[str, list[str]]:
    """What a figure says: the role words of lexicon/statements.yaml (narrator/statements/roles.py)."""
    return {str(key): [str(word) for word in words] for key, words in _yaml("statements.yaml").items()
            if isinstance(words, list)}


@lru_cache(maxsize=1)
def budget_column_words() -> dict[str, tuple[str, ...]]:
    """Budget column → the words that name it in a sentence, longest first (lexicon/statements.yaml)."""
    return {str(column): tuple(sorted(map(str, words), key=len, reverse=True))
            for column, words in _yaml("statements.yaml")["budget_columns"].items()}


@lru_cache(maxsize=1)
def indicator_counts() -> dict[str, tuple[str, ...]]:
    """Phrases that state how many indicators were set, met, exceeded or missed, longest first
    within each status (lexicon/claims.yaml: indicator_counts)."""
    return {str(status): tuple(sorted(map(str, phrases), key=len, reverse=True))
            for status, phrases in _yaml("claims.yaml")["indicator_counts"].items()}


@lru_cache(maxsize=1)
def indicator_kinds() -> dict[str, str]:
    """定性/定量 and which indicators they count (lexicon/claims.yaml: indicator_kinds)."""
    return {str(word): str(kind) for word, kind in _yaml("claims.yaml")["indicator_kinds"].items()}


@lru_cache(maxsize=1)
def arithmetic_words() -> dict[str, list[str]]:
    """Words of the arithmetic written in prose (lexicon/claims.yaml: arithmetic)."""
    return {str(key): [str(word) for word in words] for key, words in _yaml("claims.yaml")["arithmetic"].items()}


@lru_cache(maxsize=1)
def level_names() -> tuple[str, ...]:
    """一级指标 names without their 指标 suffix (产出, 效益 …), longest first."""
    names = {name.removesuffix("指标") for name in target_table_words()["level1"]}
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def any_level_name() -> frozenset[str]:
    """一级 and 二级指标 names, with and without their 指标 suffix."""
    words = target_table_words()
    names = {str(name) for name in [*words["level1"], *words["level2"]]}
    return frozenset(names | {name.removesuffix("指标") for name in names})


@lru_cache(maxsize=1)
def column_kinds() -> dict:
    """What each column of the report's tables holds, and which are often blank (lexicon/layout.yaml)."""
    return _yaml("layout.yaml")


@lru_cache(maxsize=1)
def budget_structure() -> dict[str, list[str]]:
    """Names of total and subtotal lines of a budget table (lexicon/budget.yaml)."""
    return {key: [str(word) for word in words] for key, words in _yaml("budget.yaml").items() if isinstance(words, list)}


_TOP_NUMBER = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_SECOND_NUMBER = re.compile(r"^(\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[)）]|[（(][一二三四五六七八九十]+[)）])")


def line_level(name: str) -> tuple[int, str]:
    """Where a line of a money table says it stands, and its name without the numbering (or 其中：): 一、… 1;
    1. or （1）… 2; 其中：… 3; 0 when it does not say."""
    plain = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    for level, pattern in ((1, _TOP_NUMBER), (2, _SECOND_NUMBER)):
        if pattern.match(plain):
            return level, pattern.sub("", plain, count=1)
    for word in budget_structure_words()["money_tables"]["part_of"]:
        word = unicodedata.normalize("NFKC", str(word))
        if plain.startswith(word):
            return 3, plain[len(word):].lstrip(":")  # 其中：人员经费 → 人员经费
    return 0, plain


@lru_cache(maxsize=1)
def budget_structure_words() -> dict:
    """How any money table of a report says which rows make up a total (lexicon/budget.yaml: money_tables)."""
    return _yaml("budget.yaml")


@lru_cache(maxsize=1)
def target_table_words() -> dict:
    """Level names, field labels and income groups of a 绩效目标表 (lexicon/levels.yaml)."""
    data = _yaml("levels.yaml")
    return {"level1": frozenset(map(str, data["level1"])), "level1_order": tuple(map(str, data["level1"])),
            "level2": frozenset(map(str, data["level2"])),
            "fields": {str(key): str(value) for key, value in data["fields"].items()},
            "funding": data["funding"], "title": str(data["title"]), "budget": data["budget"],
            "headers": data["headers"]}


@lru_cache(maxsize=4)
def mined_patterns(path: str | None = None) -> dict:
    """What `narrator mine` learned (lexicon/patterns.yaml, or the file given); empty when absent."""
    file = Path(path) if path else data_path("lexicon") / "patterns.yaml"
    if not file.is_file():
        return {}
    return _checked_patterns(load_file(file) or {}, file)


# The fields drafting reads from each kind of learned entry, and their types.
_PATTERN_FIELDS = {"statements": {"head": str, "measure": str, "verb": str, "count": int},
                   "problems": {"sentence": str, "slots": list}, "improvements": {"sentence": str, "slots": list}}


def _checked_patterns(patterns, file: Path) -> dict:
    """A word list as `narrator mine` writes it; anything else raises NarratorError naming what is wrong."""
    def fail(reason: str, **arguments) -> NarratorError:
        return NarratorError("patterns_malformed", file=file, reason=message(reason, **arguments))

    if not isinstance(patterns, dict):
        raise fail("patterns_top", names="、".join(_PATTERN_FIELDS))
    for kind, fields in _PATTERN_FIELDS.items():
        entries = patterns.get(kind, [])
        if not isinstance(entries, list):
            raise fail("patterns_list", kind=kind)
        for number, entry in enumerate(entries, start=1):
            for name, kind_of in fields.items():
                value = entry.get(name) if isinstance(entry, dict) else None
                if not isinstance(value, kind_of) or isinstance(value, bool) or (
                        kind_of is list and not all(isinstance(slot, str) for slot in value)):
                    raise fail("patterns_field", kind=kind, number=number, name=name)
    return patterns


@lru_cache(maxsize=1)
def wording() -> dict:
    """How drafting words an indicator: comparator words by kind, verbs, measure heads (lexicon/wording.yaml)."""
    return _yaml("wording.yaml")


@lru_cache(maxsize=1)
def placeholder_pattern():
    """A 【待补充：…】 placeholder as the draft writes it (lexicon/wording.yaml), for the renderer
    to highlight and the checker to read as a value still to be written."""
    before, after = wording()["placeholder"].split("{}")
    return re.compile(f"({re.escape(before)}[^{re.escape(after)}]*{re.escape(after)})")
