"""Quantities as Chinese performance tables and prose write them.

`parse_quantity` reads one cell ("≥ 450 亿元", "96.03%", "有序推进", "超2.3万亿元");
`find_quantities` finds every figure in running prose with its character span.
Both share one regular expression built from the vocabulary in ``lexicon/``.

All arithmetic is Decimal; rounding is ROUND_HALF_UP in `round_half_up`, the one
place that rounds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from . import lexicon

ZERO = Decimal(0)
HUNDRED = Decimal(100)
SCALES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12, "千": Decimal(1000)}
DISPLAY_COMPARATORS = {">=": "≥", "<=": "≤"}
CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                  "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_BIG_UNITS = {"万": 10 ** 4, "亿": 10 ** 8}

# Full-width ASCII to half-width, one character for one so offsets survive.
# The full-width comma and full stop stay: in Chinese prose they are punctuation.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp not in (0xFF0C, 0xFF0E)}
_WIDTH_TABLE[0x3000] = 0x20
_WIDTH_TABLE[0xFF05] = ord("%")


MAX_DIGITS = 20  # significant digits a figure may have: 28 is Decimal's precision
MAX_MAGNITUDE = 15  # 10^15 of any unit is beyond any budget; exponents like e-999999999 hang formatting


def sane_number(value: Decimal) -> bool:
    """A finite number of at most MAX_DIGITS significant digits and a plausible exponent."""
    if not value.is_finite():
        return False
    if value.is_zero():
        return True
    digits = len(value.normalize().as_tuple().digits)
    return digits <= MAX_DIGITS and -MAX_MAGNITUDE <= value.adjusted() <= MAX_MAGNITUDE


_WIDE_DECIMAL_POINT = re.compile(r"(?<=\d)．(?=\d)")


def normalize_width(text: str) -> str:
    """Half-width digits, letters and signs, and a full-width decimal point between digits
    (２３３４８．３１ → 23348.31); the same length as the input."""
    text = text.translate(_WIDTH_TABLE)
    return _WIDE_DECIMAL_POINT.sub(".", text) if "．" in text else text


# Figures and Latin letters only: the full-width brackets, colon and semicolon of Chinese text stay.
_FIGURE_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_FIGURE_WIDTH_TABLE[0xFF05] = ord("%")


def half_width_figures(text: str) -> str:
    """Text a draft takes over (an imported indicator's name) with half-width digits, Latin letters,
    percent signs and decimal points, as Chinese official writing has them (《２０２４年度…》 →
    《2024年度…》); its punctuation stays full-width."""
    text = text.translate(_FIGURE_WIDTH_TABLE)
    return _WIDE_DECIMAL_POINT.sub(".", text) if "．" in text else text


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round as the tables do: ROUND_HALF_UP to `places` decimals."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def share_percent(part: int | Decimal, whole: int | Decimal) -> Decimal:
    """part as a percentage of whole, unrounded (达标率: indicators met of all; the caller rounds at the precision shown)."""
    return Decimal(part) * HUNDRED / Decimal(whole)


def decimals_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_decimal(value: Decimal, places: int | None = None) -> str:
    """Plain notation, never scientific; `places` None keeps the decimals given."""
    if places is not None:
        value = round_half_up(value, places)
    text = format(value, "f")
    if text.startswith("-") and set(text[1:]) <= {"0", "."}:
        text = text[1:]
    return text


def format_percent(value: Decimal, places: int = 2) -> str:
    """A percentage (96.03 → "96.03%")."""
    return format_decimal(value, places) + "%"


def format_value(value: Decimal, unit: str = "", comparator: str = "", places: int | None = None) -> str:
    """A value in its own unit: ("≥", 660, "亿元") → "≥660亿元"."""
    return f"{comparator}{format_decimal(value, places)}{unit}"


def shown(value: Decimal, unit: str = "", places: int | None = None) -> Quantity:
    """A computed value as a table shows it — rounded half up to `places` (None keeps its decimals), in
    `unit` — as the Quantity its cell would parse to, without writing it out and reading it back."""
    number_text = format_decimal(value, places)
    number = Decimal(number_text)
    decimals = decimals_of(number)
    raw = number_text + unit
    return Quantity(raw=raw, kind="number", value=number, unit=unit, resolution=Decimal(1).scaleb(-decimals),
                    decimals=decimals, number_text=number_text, start=0, end=len(raw))


def rescale(value: Decimal, unit: str = "", places: int = 2) -> str:
    """A large value with a scale word: 58605 台 → "5.86万台"; 23348.31 亿元 → "2.33万亿元".

    Values under ten thousand are written as they are."""
    magnitude = abs(value)
    for word in ("亿", "万"):
        if magnitude >= SCALES[word]:
            scaled = round_half_up(value / SCALES[word], places).normalize()
            return format_decimal(scaled) + word + unit
    return format_decimal(value) + unit


def chinese_numeral(text: str) -> int:
    """Chinese numerals to an integer: 七 → 7, 两千 → 2000, 一百零五 → 105, 一亿二千万 → 120000000."""
    total = section = number = 0
    for char in text:
        if char in CHINESE_DIGITS:
            number = CHINESE_DIGITS[char]
        elif char in CHINESE_SMALL_UNITS:
            if number == 0:
                number = 1  # 十二, 百家: a leading unit counts one
            section += number * CHINESE_SMALL_UNITS[char]
            number = 0
        elif char == "万":
            total += (section + number) * CHINESE_BIG_UNITS[char]
            section = number = 0
        elif char == "亿":
            total = (total + section + number) * CHINESE_BIG_UNITS[char]
            section = number = 0
        else:
            raise ValueError(char)
    return total + section + number


@dataclass(frozen=True)
class Quantity:
    """A parsed target, completion value or prose figure.

    kind: "number", "qualitative", "text" (neither, kept raw) or "empty".
    value is in `unit` after any scale word: "5.86万台套" has value 58600, unit 台套;
    "2.3万亿元" has value 23000, unit 亿元. `resolution` is the step the written
    precision allows (100 for 5.86万), for comparing with a table value.
    """

    raw: str
    kind: str
    value: Decimal | None = None
    unit: str = ""
    comparator: str = ""
    scale: str = ""
    approximation: str = ""
    approximation_sense: str = ""
    resolution: Decimal = Decimal(1)
    decimals: int = 0
    number_text: str = ""
    start: int = 0
    end: int = 0
    qualitative: str = field(default="", compare=False)

    @property
    def is_number(self) -> bool:
        return self.kind == "number"

    @property
    def is_empty(self) -> bool:
        return self.kind == "empty"

    @property
    def text(self) -> str:
        """The value as written, without surrounding blanks."""
        return self.raw.strip()

    def format(self, places: int | None = None) -> str:
        """The figure written back: comparator, approximation, number with its
        written decimals (or `places`), scale word and unit."""
        if not self.is_number:
            return self.text
        written = self.value / SCALES[self.scale] if self.scale else self.value
        number = format_decimal(written, self.decimals if places is None else places)
        position = lexicon.approximation_position(self.approximation) if self.approximation else ""
        before = self.approximation if position == "before" else ""
        middle = self.approximation if position == "middle" else ""
        after = self.approximation if position == "after" else ""
        comparator = DISPLAY_COMPARATORS.get(self.comparator, self.comparator)
        return f"{comparator}{before}{number}{self.scale}{middle}{self.unit}{after}"

    def in_unit(self, unit: str) -> Decimal | None:
        """This value expressed in `unit` when the two are of one kind (万元 ↔ 亿元, 人 ↔ 名)."""
        if not self.is_number:
            return None
        return convert(self.value, self.unit, unit)


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    if from_unit == to_unit or lexicon.same_unit(from_unit, to_unit):
        return value
    factors = lexicon.unit_factors()
    kinds = lexicon.unit_kinds()
    if from_unit in factors and to_unit in factors and kinds[from_unit] == kinds[to_unit]:
        return value * factors[from_unit] / factors[to_unit]
    return None


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    def alternation(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    comparators = alternation(lexicon.comparators())
    before = alternation(lexicon.approximation_words("before"))
    middle = alternation(lexicon.approximation_words("middle"))
    after = alternation(lexicon.approximation_words("after"))
    units = alternation(list(lexicon.unit_kinds()) + ["元"])
    arabic = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    chinese = r"[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*"  # 两千, 逾百家; 万元 alone is no figure
    return re.compile(
        rf"(?P<cmp>{comparators})?\s*"
        rf"(?:(?<!节)(?<!制)(?<!简)(?P<before>{before}))?\s*"  # 节约2.23万元 saves; it is not 约2.23万元
        rf"(?:(?P<arabic>-?(?:{arabic}))\s*(?P<scale>万亿|亿|万|千)?|(?P<chinese>{chinese}))\s*"
        rf"(?P<middle>{middle})?\s*"
        rf"(?P<unit>{units})?"
        rf"(?:\s*(?P<after>{after}))?"
    )


def _build(match: re.Match[str], raw: str, offset: int = 0) -> Quantity | None:
    groups = match.groupdict()
    scale = groups["scale"] or ""
    unit = groups["unit"] or ""
    if groups["arabic"]:
        number_text = groups["arabic"]
        number = Decimal(number_text.replace(",", ""))
        decimals = decimals_of(number)
        step = Decimal(1).scaleb(-decimals)
    else:
        number_text = groups["chinese"]
        try:
            number = Decimal(chinese_numeral(number_text))
        except ValueError:
            return None
        decimals, step = 0, Decimal(1)
    multiplier = SCALES[scale] if scale else Decimal(1)
    if unit == "元" and scale in ("万", "亿"):
        unit, multiplier, scale = scale + "元", Decimal(1), ""
    elif unit == "元" and scale == "万亿":
        unit, multiplier, scale = "亿元", SCALES["万"], "万"
    value = number * multiplier
    words = [groups["before"], groups["middle"], groups["after"]]
    approximation = next((w for w in words if w), "")
    return Quantity(
        raw=raw,
        kind="number",
        value=value,
        unit=unit,
        comparator=lexicon.comparators().get(groups["cmp"] or "", ""),
        scale=scale,
        approximation=approximation,
        approximation_sense=lexicon.approximation_sense(approximation) if approximation else "",
        resolution=step * multiplier,
        decimals=decimals,
        number_text=number_text,
        start=offset + match.start(),
        end=offset + match.end(),
    )


def parse_quantity(raw: object) -> Quantity:
    """Parse one table cell. Never raises: what is neither a number nor a known
    qualitative word comes back as kind "text" with the raw string."""
    return _parse_text("" if raw is None else str(raw))


@lru_cache(maxsize=16384)
def _parse_text(text: str) -> Quantity:
    """parse_quantity of a string, once per string (a Quantity is immutable; tables repeat their cells)."""
    stripped = normalize_width(text).strip()
    if not stripped:
        return Quantity(raw=text, kind="empty")
    if stripped in lexicon.qualitative_words():
        return Quantity(raw=text, kind="qualitative", qualitative=stripped)
    match = _pattern().fullmatch(stripped)
    if match and (match.group("arabic") or match.group("chinese")):
        quantity = _build(match, text)
        if quantity is not None:
            return quantity
    # A unit with its alternative in brackets (≥3部（篇）: books or articles) counts in the unit before the bracket.
    alternative = _ALTERNATIVE_UNIT.search(stripped)
    if alternative and alternative.group(1) in lexicon.unit_kinds():
        quantity = _parse_text(stripped[:alternative.start()])
        if quantity.is_number and quantity.unit:
            return replace(quantity, raw=text)
    for word, symbol in lexicon.comparators_after().items():  # 2%以内: ≤2%
        if stripped.endswith(word) and len(stripped) > len(word):
            quantity = _parse_text(stripped[:-len(word)])
            if quantity.is_number and not quantity.comparator and not quantity.approximation:
                return replace(quantity, raw=text, comparator=symbol)
    return Quantity(raw=text, kind="text")


_ALTERNATIVE_UNIT = re.compile(r"[(（]([^()（）\d]{1,3})[)）]$")
# A number that is part of a date, an ordinal, a list label or a name, not a figure.
_NOT_A_FIGURE_BEFORE = re.compile(r"(第[\d、和及至~-]*|附件|图|表|[A-Za-z])$")
_YEAR_UNITS = {"年", "月", "日"}
_LOOKBEHIND = 40


def _is_date(text: str, match: re.Match[str], number: str) -> bool:
    """2022年, 22年度, 8月, 5日 are dates; 4年, 0.5年, 3个月 are durations."""
    unit = match.group("unit")
    if "." in number or match.group("cmp") or match.group("scale"):
        return False
    value = int(number.lstrip("-") or 0)
    follows = text[match.end():match.end() + 1]
    if unit == "年":
        return 1900 <= value <= 2100 or follows == "度"
    if unit == "月":
        return 1 <= value <= 12 and follows != "份"
    return unit == "日" and 1 <= value <= 31 and text[:match.start()].endswith("月")


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in running prose, with character offsets into `text`.

    Skips dates (2022年, 8月), ordinals (第27期), list labels (1.全年) and Chinese
    numerals that carry no unit (二十大, 一是)."""
    normalized = normalize_width(text)
    found: list[Quantity] = []
    position = 0
    pattern = _pattern()
    while position < len(normalized):
        match = pattern.search(normalized, position)
        if not match:
            break
        position = max(match.end(), match.start() + 1)
        if not (match.group("arabic") or match.group("chinese")):
            continue
        if _skip(normalized, match):
            continue
        quantity = _build(match, text[match.start():match.end()])
        if quantity is not None:
            found.append(quantity)
    return found


def _skip(text: str, match: re.Match[str]) -> bool:
    start = match.start("arabic") if match.group("arabic") else match.start("chinese")
    # Only the few characters before the number matter; searching the whole prefix made a long
    # paragraph quadratic (every figure rescanned all the text before it).
    if _NOT_A_FIGURE_BEFORE.search(text[max(0, start - _LOOKBEHIND):start]):
        return True
    unit = match.group("unit") or ""
    if match.group("chinese"):
        # 召集到一起, 意见一致, 一线: 一 and the character after it make a word, not a count.
        words = lexicon.claim_words()["not_figures"]
        return not unit or unit in _YEAR_UNITS or any(text.startswith(word, start) for word in words)
    number = match.group("arabic")
    end = match.end("arabic")
    if unit in _YEAR_UNITS and _is_date(text, match, number):
        return True
    if not unit and end < len(text) and text[end] in ".、" and "." not in number:
        return True  # list label "1." or "2、"
    if not unit and end < len(text) and text[end] in "-—－" :
        return True  # ranges of years such as 2018-2021
    return False


_YEAR = re.compile(r"((?:19|20|21)\d\d)\s*年度?")


def year_in(text: str) -> int | None:
    """The first year written in `text` with 年 after it: “（2023年度）”, “2024年度苏州市……目标表”."""
    found = _YEAR.search(text)
    return int(found.group(1)) if found else None
