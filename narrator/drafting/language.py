"""The language layer of drafting: how Chinese says a number, a list, a comparison and an
indicator's result. Every template reaches Chinese wording through here (as RosaeNLG keeps
its language helpers apart); the words themselves are data in ``lexicon/wording.yaml``.

    >>> lang = Language(seed=2022)
    >>> lang.target_phrase(indicator)        # ≥15场 → 不少于15场; ≤0% → 不超过0%; =100% → 100%
    >>> lang.figure(indicator, "16场")       # 组织形式多样的产学研活动16场; 全市技术合同成交额为868.78亿元

No comparison symbol ever reaches a sentence; a verb is added before an indicator's name
only when the name carries none."""
from __future__ import annotations

import dataclasses
import os
import random
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import cn2an

from ..core import lexicon
from ..core.evaluate import IndicatorResult
from ..core.model import Indicator
from ..core.quantity import SCALES, Quantity, find_quantities, format_decimal, round_half_up
from ..statements.extract import name_tokens


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 23 → 二十三, 101 → 一百零一 (heading numbers of any size)."""
    return cn2an.an2cn(int(n))


def join_list(items) -> str:
    """甲 → 甲; 甲、乙 → 甲和乙; 甲、乙、丙 → 甲、乙和丙."""
    items = [str(item) for item in items if str(item)]
    if len(items) <= 1:
        return "".join(items)
    words = _connectives()
    if any(words["list_last"] in item for item in items[-2:]):
        # (地质灾害防治资金和耕地保护和补充耕地项目资金: a name that holds 和 itself is not joined by 和 — a reader
        # cannot tell where one name ends)
        return words["list_separator"].join(items)
    return words["list_separator"].join(items[:-1]) + words["list_last"] + items[-1]


def _connectives() -> dict[str, str]:
    return lexicon.wording()["connectives"]


def quote(name: str) -> str:
    """A name inside a list is quoted when it holds list punctuation itself (科技镇长团宣传、管理)."""
    return f"“{name}”" if re.search(r"[、，,；;]", name) and not name.startswith("“") else name


def name_list(names, limit: int | None = None, measure: str | None = None) -> str:
    """Names joined as a list; past `limit`, the first ones and "等N项" (甲、乙等12项)."""
    names = [quote(str(name)) for name in names]
    limit = limit or lexicon.wording()["list_limit"]
    if len(names) > limit:
        words = _connectives()
        more = words["list_more"].format(count=len(names), measure=measure or words["list_measure"])
        return words["list_separator"].join(names[:limit - 2 if limit > 2 else 1]) + more
    return join_list(names)


def shared_names(names) -> str:
    """Names that end alike said once with their shared end (城乡低保金和特困人员救助供养金按时足额发放率, not ……发放率和
    ……发放率): when all share an end of at least shared_end_chars characters and each keeps two of its own."""
    names = [str(name) for name in names]
    least = lexicon.wording()["shared_end_chars"]
    # whole words only (供养金 and 低保金 share 金, which is no end of theirs to share)
    words = os.path.commonprefix([list(reversed(cut_words(name))) for name in names]) if len(names) > 1 else []
    end = "".join(reversed(words))
    if len(end) < least or any(len(name) - len(end) < 2 for name in names):
        return name_list(names)
    return join_list([quote(name[:-len(end)]) for name in names]) + end


def shared_start(first: str, second: str) -> str:
    """The whole words `second` opens on as `first` does (资助资金 of 资助资金按时足额发放率 and 资助资金审核发放时限),
    when they are two characters or more and leave `second` four of its own: said once, the next clause goes on
    without them (……发放率为100%，审核发放时限为12天)."""
    words = os.path.commonprefix([cut_words(first), cut_words(second)])
    start = "".join(words)
    # (not the first half of a pair: 耕地保护 of 耕地保护与土地综合整治项目成本 — a reviewer found ……，与土地综合整治项目
    # 成本为641.35万元 after 耕地保护田长制巡查覆盖率为100%)
    if second[len(start):].startswith(tuple(lexicon.wording()["compound_joiners"])):
        return ""
    return start if len(start) >= 2 and len(second) - len(start) >= 4 else ""


def joined_judgements(said) -> list[str]:
    """Judgements that end in the same word said once over their subjects (项目立项规范，资金使用规范，资产管理规范 →
    项目立项、资金使用和资产管理规范; reviewers: 规范 three times in a row), in the place of the first of them."""
    words = sorted(lexicon.qualitative_words(), key=len, reverse=True)
    hedge = lexicon.wording()["targets_hedge"]  # 绩效目标总体合理 stays whole: 总体 qualifies its own judgement
    ends = [next((word for word in words if p.endswith(word) and len(p) - len(word) >= 2
                  and not p[:-len(word)].endswith(hedge)), "") for p in said]
    joined: list[str] = []
    for index, (p, end) in enumerate(zip(said, ends)):
        if end and end in ends[:index]:
            continue  # told with the first that ends so
        alike = [q for q, other in zip(said, ends) if end and other == end]
        if len(alike) < 2:
            joined.append(p)
            continue
        # (统计数据真实性准确性得到提升 and 全社会依法统计意识提升: the helping verb goes with the word said once — a
        # reviewer read 得到和全社会依法统计意识提升)
        subjects, helps = [], []
        for q in alike:
            subject = q[:-len(end)]
            help_word = next((w for w in lexicon.wording()["judgement_helps"] if subject.endswith(w)), "")
            subjects.append(subject[:-len(help_word)] if help_word else subject)
            helps.append(help_word)
        joined.append(join_list(subjects) + (helps[0] if len(set(helps)) == 1 else "") + end)
    return joined


def strip_end(text: str) -> str:
    """A sentence without its closing punctuation, so a template can add its own."""
    return str(text).rstrip().rstrip("。；;，,")


def number(value: Decimal) -> str:
    """A figure as a table prints it: integers without ".0" (139000.0 → 139000), other values
    with the decimals they were given (96.03, 0.8, 4948.00: an amount written to the cent stays so)."""
    if value == value.to_integral_value() and value.as_tuple().exponent != -2:
        return format_decimal(value.quantize(Decimal(1)))
    return format_decimal(value)


def _trimmed(value: Decimal, places: int) -> str:
    """`value` rounded half up to `places` decimals, without trailing zeros: 2.80 → 2.8, 150.0 → 150."""
    text = format_decimal(round_half_up(value, places), places)
    return text.rstrip("0").rstrip(".") if "." in text else text


def value_text(quantity: Quantity) -> str:
    """A value without its comparator, as prose writes it: 868.78亿元, 100%, 5.86万台套, 健全."""
    return table_text(quantity).lstrip("≥≤<>=") if quantity.is_number else quantity.text


def is_ceiling(indicator: Indicator) -> bool:
    """A target to stay under: ≤, <, or a zero target (=0%, =0小时)."""
    target = indicator.target
    return target.is_number and (target.comparator in ("<=", "<")
                                 or (target.value == 0 and target.comparator in ("=", "")))


def completion_text(result: IndicatorResult) -> str:
    """The completion as prose writes it, in the target's unit when it was given bare (11372 → 11372家)."""
    completion = result.indicator.completion
    text = value_text(completion)
    if completion.is_number and not completion.unit and result.indicator.target.unit:
        text += result.indicator.target.unit
    return text


def balanced(items, size: int = 3) -> list[list]:
    """`items` in groups of at most `size`, as even as can be (4 → 2 + 2, not 3 + 1): a sentence of one
    left over after a long one reads as an afterthought."""
    items = list(items)
    count = -(-len(items) // size) if items else 0
    return [items[i * len(items) // count:(i + 1) * len(items) // count] for i in range(count)]


def _multiple_from(result: IndicatorResult) -> Decimal:
    """The ratio to target from which it is said as a multiple: where an exceedance is notable (lexicon) — lower for
    one the unit's problems name with its multiple (为目标的1.75倍: the report says it as he does)."""
    key = "named_exceedance_percent" if result.multiple_named else "notable_exceedance_percent"
    return 1 + Decimal(str(lexicon.wording()[key])) / 100


def stated_in(result: IndicatorResult, text: str) -> bool:
    """`text` states the result's completion value in its unit (12.6公里, 64处, 6842人), with a scale word
    (41.53万亩) or in a unit of its kind (843名 for 843人)."""
    value = result.completion_value
    if value is None or not text:
        return False
    unit = result.indicator.target.unit
    return re.search(rf"(?<![\d.]){re.escape(number(value))}(?![\d.])\s*{re.escape(unit)}", text) is not None \
        or _states_in_kind(text, value, unit)


def said_as_its_own(result: IndicatorResult, text: str) -> bool:
    """A clause of `text` says the result's figure as what it states, its last figure (新建改扩建公办幼儿园3所), not
    as a word of another's (3所新建改扩建园新增学位630个)."""
    of_target = _of_target(tuple(lexicon.wording()["target_words"]))
    for clause in re.split(r"[，,；;。、\n]", text):
        figures = [quantity for quantity in find_quantities(clause) if quantity.is_number]
        # (完成目标的90.50% is a ratio to a target, not 教师满意度 90.5%: a reviewer found it said 已在上文说明)
        if figures and stated_in(result, clause[figures[-1].start:]) \
                and not of_target.search(clause[:figures[-1].start]):
            return True
    return False


def measure_in(result: IndicatorResult, story: str) -> str:
    """The measure word `story` counts the result's value in when it is another than the table's (已完工3所 for
    完成提升改造敬老院数量 3个): a sentence with two words of its name whose clause closes on the value in another
    count word; "" when none does. A reviewer found 已完工3所 and then 完成提升改造敬老院3个，比5个的目标少2个."""
    unit = result.indicator.target.unit
    value = result.completion_value
    kinds = lexicon.unit_kinds()
    if not story or value is None or kinds.get(unit) != "count":
        return ""
    words = {token for token in name_tokens(result.indicator.name) if len(token) >= 2}
    for sentence in re.split(r"(?<=[。；])", story):
        if len(words & name_tokens(sentence)) < 2:
            continue
        for clause in re.split(r"[，,；;。]", sentence):
            figures = _numbers_in(clause)
            if figures and figures[-1].value == value and figures[-1].unit != unit \
                    and kinds.get(figures[-1].unit) == "count" and not figures[-1].scale:
                return figures[-1].unit
    return ""


@lru_cache(maxsize=64)
def _ratios_at_two_places(text: str, zeros: bool = False) -> bool:
    """`text` gives a ratio to a target to two decimal places (完成目标的75.00%, 为年度任务的105.26%); with `zeros`, one
    whose last place is a zero it writes (75.00%, 90.50%)."""
    pattern = _of_target(tuple(lexicon.wording()["target_words"])).pattern.rstrip("$")
    return re.search(rf"{pattern}\d+\.\d{'0' if zeros else chr(92) + 'd'}%", text) is not None


@lru_cache(maxsize=8)
def _of_target(words: tuple[str, ...]) -> re.Pattern:
    """What stands before a ratio to a target (完成目标的, 为年度任务的), built once."""
    return re.compile(rf"(?:{_alternation(words)})[^，。；]{{0,10}}的$")


def _states_in_kind(text: str, value: Decimal, unit: str, scaled: bool = False) -> bool:
    """`text` has a figure of `value` in `unit` written otherwise: with a scale word (41.53万亩 for 415300亩) or in a
    unit of its kind (843名 for 843人); with `scaled`, only with a scale word."""
    return bool(unit) and any(quantity.in_unit(unit) == value and (quantity.scale or not scaled)
                              for quantity in _numbers_in(text))


@lru_cache(maxsize=4096)
def _numbers_in(text: str) -> tuple:
    """The figures of `text` (read once: the 通用 outline asks of one sentence for every result)."""
    return tuple(quantity for quantity in find_quantities(text) if quantity.is_number)


def char_pairs(text: str) -> set[str]:
    """The two-character pieces of `text`: how much of one text another says again."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


def area(duty: str) -> str:
    """A duty as the name of a field of work (负责产学研合作 → 产学研合作), for 产学研合作方面，……;
    "" when it is no such name (too long, or a sentence)."""
    words = lexicon.wording()["area"]
    for prefix in words["strip_prefixes"]:
        duty = duty.removeprefix(prefix)
    duty = field_of(duty)
    return duty if 2 <= len(duty) <= words["max_chars"] and not re.search(r"[，。；,;：:]", duty) else ""


def field_of(task: str) -> str:
    """A task's name as the field it works in, without the verb it opens on (推进农村养老服务设施建设 → 农村养老服务
    设施建设), for ……方面指标2项: two reviewers found 推进……方面 and 实施……方面 a task's name pasted as a subject."""
    words = lexicon.wording()["area"]
    for verb in words["task_verbs"]:
        if task.startswith(verb) and len(task) - len(verb) >= words["field_min_chars"]:
            return task[len(verb):]
    return task


def same_value_groups(results) -> list[list]:
    """Results side by side with the others of the same written value, in the order of first appearance
    (A、B均为100%: one clause, not two)."""
    groups: dict[str, list] = {}
    for result in results:
        groups.setdefault(completion_text(result), []).append(result)
    return list(groups.values())


def kind_groups(results) -> list[list]:
    """Results split into quantities and rates, each said in its own words; satisfactions apart,
    so that one sentence never pairs a 满意度 with another rate (水质优良率……，用户满意度……，分别高于……)."""
    satisfaction = tuple(lexicon.wording()["satisfaction_words"])
    effects = tuple(lexicon.wording()["categories"]["effect"])
    groups: dict[tuple[bool, bool, bool, bool], list] = {}
    for r in results:  # in the order given (a goal's), each kind where its first member stands
        rate = r.indicator.target.unit == "%"
        # a level (人均体育场地面积) apart from counts of work: it is said by how much higher, not as a ratio; an effect
        # (旅游综合收入) apart from the work done (a reviewer: 推介会7场、旅游综合收入、培训342人次 in one 分别)
        groups.setdefault((rate, any(word in r.indicator.name for word in satisfaction),
                           not rate and is_level(r.indicator), r.indicator.level1 in effects), []).append(r)
    return list(groups.values())


def self_name(unit: str) -> str:
    """How the unit speaks of itself after its name was given once: 我局, 我中心, 县残联 (a people's organisation by
    its usual short name, after the level of its place), or 本单位."""
    for whole, short in lexicon.wording()["self_abbreviations"].items():
        if unit.endswith(whole):
            place = unit[:-len(whole)]
            level = next((mark for mark in reversed(place) if mark in lexicon.wording()["finance_bureaus"]), "")
            if level:
                return level + short
    for suffix, name in lexicon.wording()["self_names"].items():
        if unit.endswith(suffix):
            return name
    return lexicon.wording()["self_name_default"]


def is_department(unit: str) -> bool:
    """The unit is itself a 主管部门 (……局, ……委): its self-evaluation goes to the finance bureau directly."""
    return unit.endswith(tuple(lexicon.wording()["department_suffixes"]))


def finance_bureau(unit: str) -> str:
    """The finance department of the unit's own government, from the places its name opens on (漆川县城市管理局 →
    漆川县财政局; 浙江省湖州市德清县文化广电旅游体育局 → 德清县财政局; 湖北省公路事业发展中心 → 湖北省财政厅); ""
    when the name opens on no place. A place is two characters or more before its suffix and does not open on one,
    so 城市管理局 and 县城市管理局 name none."""
    suffixes = lexicon.wording()["finance_bureaus"]
    place, rest = "", unit
    while True:
        found = re.match(rf"[\u4e00-\u9fff]{{2,8}}?(?:{_alternation(tuple(suffixes))})", rest)
        if not found or found.group(0)[0] in "".join(suffixes):  # (县城市管理局: 县城 is no place)
            break
        place, rest = found.group(0), rest[found.end():]
    if not place:
        return ""
    return place + suffixes[next(s for s in sorted(suffixes, key=len, reverse=True) if place.endswith(s))]


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> str:
    """Words as one regex alternation, the longest first (built once per list, not per sentence)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def is_level(indicator: Indicator) -> bool:
    """The indicator is a level, not a quantity of work: its unit is one (岁, 分) or its name says per head (城区人均公园
    绿地面积, 每万人口……拥有量; a reviewer: 人均面积 is not 完成目标的103.3%)."""
    words = lexicon.wording()
    return indicator.target.unit in words["level_units"] or any(word in indicator.name for word in words["level_names"])


def ratio_to_target(result: IndicatorResult) -> Decimal | None:
    """完成值 ÷ 目标值 for a quantity with a floor target; None for rates (said in percentage points),
    ceilings and zero targets."""
    target, done = result.indicator.target, result.completion_value
    if done is None or not target.is_number or not target.value or target.unit == "%" or is_ceiling(result.indicator) \
            or is_level(result.indicator) or not target.unit:
        # 人均预期寿命79.6岁 is not 100.8% of 79岁, nor 灌溉水有效利用系数0.568 100.5% of 0.565: a level (or a
        # coefficient, which has no unit) is said by how much higher
        return None
    return done / target.value


def table_text(quantity: Quantity) -> str:
    """A target or completion in a table cell: with its comparator (≥660亿元), integers without ".0"."""
    if not quantity.is_number:
        return quantity.text
    return re.sub(r"(\d+)\.0+(?=\D|$)", r"\1", quantity.format())


@lru_cache(maxsize=65536)
def cut_words(name: str) -> tuple[str, ...]:
    """jieba's words of a name, with the domain dictionary (cached: names recur)."""
    import jieba

    lexicon.load_dictionary()
    return tuple(jieba.lcut(name))


@lru_cache(maxsize=65536)
def tagged_words(text: str) -> tuple:
    """jieba's words of a text with their parts of speech, with the domain dictionary (cached)."""
    import jieba.posseg

    lexicon.load_dictionary()
    return tuple(jieba.posseg.lcut(text))


def _tagged_verb_first(name: str) -> bool:
    first = next(iter(tagged_words(name)), None)
    return first is not None and first.flag == "v" and len(first.word) >= 2


def _without_unit(stem: str, unit: str) -> tuple[str, str]:
    """A name's stem without the unit it closes on when jieba reads the unit as a word of its own (危桥改造座 in 座 →
    危桥改造, 培训班期 → 培训班; but 查处非法营运案件 in 件 and 储备品种 in 种 keep theirs), and the stem's last word."""
    last = cut_words(stem)[-1] if stem else ""
    # 新认定县级非遗代表性传承人 in 人: a person's 人 closes the noun (传承人), it is no unit (a reviewer: 传承6人)
    if last == unit and unit not in lexicon.wording()["work_done"]["people"]["units"]:
        stem = stem[:-len(unit)]
        last = cut_words(stem)[-1] if stem else ""
    return stem, last


@lru_cache(maxsize=65536)
def _tagged_noun_last(text: str) -> bool:
    import jieba.posseg

    lexicon.load_dictionary()
    words = list(jieba.posseg.cut(text))
    return bool(words) and words[-1].flag.startswith("n") and len(words[-1].word) >= 2


def event(indicator: Indicator) -> str:
    """The event a count with a zero target counts (客运站安全生产责任事故次数 → 客运站安全生产责任事故), so that
    none happening is said as such: 全年未发生客运站安全生产责任事故; "" when the name counts no event."""
    words = lexicon.wording()
    name = indicator.name
    for suffix in words["event_count_suffixes"]:
        base = name[:-len(suffix)] if name.endswith(suffix) else ""
        if base and base.endswith(tuple(words["event_heads"])):
            # 因洪涝灾害死亡人数 → 因洪涝灾害死亡人员: who would be counted
            people = words["event_people"].get(suffix, "")
            # 因洪涝灾害造成人员死亡人数 → 因洪涝灾害造成人员死亡, not ……人员死亡人员 (a reviewer)
            return _caused(base if people and people in base else base + people, words)
    if name.endswith(tuple(words["event_heads"])):
        return name  # 较大及以上交通运输安全生产事故 (0起): named as the event itself
    return ""


def _caused(event_name: str, words: dict) -> str:
    """An event named with its cause (因洪涝灾害造成人员死亡) as what did not happen: 因洪涝灾害造成的人员死亡 — a
    reviewer: 未发生因洪涝灾害造成人员死亡 does not go together."""
    if not event_name.startswith(tuple(words["event_causes"]["starts"])):
        return event_name
    causes = words["event_causes"]
    for verb in causes["verbs"]:
        at = event_name.find(verb) + len(verb)
        if at > len(verb) and len(event_name) > at and not event_name.startswith(causes["joiner"], at):
            return event_name[:at] + causes["joiner"] + event_name[at:]
    return event_name


def none_happened(result: IndicatorResult) -> bool:
    """A count of events with a zero target, and none happened: said in a sentence of its own (全年未发生……)."""
    target = result.indicator.target
    return target.is_number and target.value == 0 and result.completion_value == 0 and bool(event(result.indicator))


class Language:
    """Seeded choice among phrasings and frames, and the wording of one indicator.

    The same seed and key always give the same choice, and one choice never shifts
    another (each is seeded by its own key)."""

    def __init__(self, seed: int, patterns: str | Path | None = None, narratives: str = "", names=(),
                 hedge_targets: bool = False, goals=(), own_words: str = ""):
        self.seed = seed
        self.goals = tuple(goals)  # the 年度目标: the verb they give a count (建成……服务站点5个以上)
        self.names = tuple(names)  # the report's indicator names: a shortened name must still say which one
        self.hedge_targets = hedge_targets  # results far beyond their targets: 绩效目标总体合理 (predicate)
        self.words = lexicon.wording()
        self.patterns = lexicon.mined_patterns(str(patterns) if patterns else None)
        self._frames: dict[str, int] = {}
        self.narratives = narratives  # the unit's own words (task narratives): their precision is followed
        self.own_words = own_words  # the officer's other words (存在问题, 改进措施): 162.0% there is 162.0% here
        self.goal = ""  # the 年度目标 the sentences being written answer (its 预期目标 line stands just above)
        self.told_above = ""  # the task narratives the 通用 outline told just above the sentences being written
        self.measures: dict[str, str] = {}  # an indicator's count word as the narratives above give it (所 for 个)
        self.interleaved: set[str] = set()  # far exceedances whose cause the 通用 outline told in the story
        # far exceedances whose account opens on the story's words for their figure (the part left the story)
        self.account_openings: dict[str, str] = {}
        self.moved: list[str] = []  # the parts of the goal's narrative that left it to open an account
        self.stories_told = ""  # every task narrative told so far

    def under_goal(self, goal: str) -> str:
        """The sentences that follow answer `goal` ("" outside a goal's part)."""
        self.goal = goal or ""
        return ""

    def above(self, stories) -> str:
        """The sentences that follow come after these task narratives (none: after none) — with the parts of them that
        moved to open an account below (`moved`), told all the same."""
        self.told_above = "".join(stories or []) + "".join(self.moved)
        self.stories_told += self.told_above
        self.moved = []
        self.measures = {}
        return ""

    def counted_as(self, result: IndicatorResult) -> bool:
        """The narratives above count the result's value in a measure word of their own (已完工3所): its target and gap
        are said in it below (比5所的目标少2所)."""
        said = measure_in(result, self.told_above)
        if said:
            self.measures[result.indicator.name] = said
        return bool(said)

    def named_again(self, result: IndicatorResult) -> str:
        """The indicator as an account right after the story names it: the end of its name that the story's sentence
        puts before the figure, when the rest of the name is in that sentence too (平均办理时限 after 全年办理建设项目用地
        预审与选址意见书48件，平均办理时限12.5个工作日 — a reviewer: the long name twice in a row); else its name."""
        name = result.indicator.name
        least = self.words["named_again_chars"]
        for sentence in re.split(r"[。；;\n]", self.told_above):
            if not stated_in(result, sentence):
                continue
            for cut in range(least, len(name) - least + 1):
                tail, head = name[cut:], name[:cut]
                if re.search(re.escape(tail) + r"\d", sentence) and head in sentence:
                    return tail
        return name

    def told_ratio(self, ratio: str) -> bool:
        """The narratives just above give this multiple or share already (为年度目标的2.43倍 for 为目标的2.43倍)."""
        return any(ratio[quantity.start:quantity.end] in self.told_above
                   for quantity in find_quantities(ratio) if quantity.is_number)

    def goal_states(self, result: IndicatorResult) -> bool:
        """The goal just above states this result's target figure (全年完成高新技术企业的受理超2000家): the
        sentence need not say it again."""
        target = result.indicator.target
        if not self.goal or not target.is_number:
            return False
        # (96.80万亩 in the goal for a target of 968000亩: the figure with its scale word)
        return re.search(rf"(?<![\d.]){re.escape(number(target.value.normalize()))}(?![\d.])", self.goal) is not None \
            or _states_in_kind(self.goal, target.value, target.unit, scaled=True)

    # -------------------------------------------------------- choice

    def choose(self, key: str, options: list):
        return random.Random(f"{self.seed}|{key}").choice(list(options))

    def frame(self, kind: str, count: int) -> int:
        """Which of `count` frames the next sentence of `kind` uses. Successive sentences of one kind,
        anywhere in the report, take the frames in turn, so two neighbours never share one; the seed
        picks where the turn starts, so another seed gives other frames, not only other synonyms."""
        used = self._frames.get(kind, 0)
        self._frames[kind] = used + 1
        start = random.Random(f"{self.seed}|frame|{kind}").randrange(count)
        return (start + used) % count

    # -------------------------------------------------------- kinds and comparisons

    def kind(self, indicator: Indicator) -> str:
        """satisfaction, qualitative, money, count, ratio or time."""
        if any(word in indicator.name for word in self.words["satisfaction_words"]):
            return "satisfaction"
        if not indicator.target.is_number:
            return "qualitative"
        return lexicon.unit_kinds().get(indicator.target.unit, "count")

    is_ceiling = staticmethod(is_ceiling)

    def comparator_word(self, indicator: Indicator) -> str:
        words = self.words["comparator_words"].get(indicator.target.comparator or "=", {"default": ""})
        return words.get(self.kind(indicator), words["default"])

    def target_phrase(self, indicator: Indicator, quoted: bool = True) -> str:
        """The target in words: 不少于15场, 不超过0%, 100%, 健全. `quoted` sets a phrase with a comparator
        word, or a word target, in quotation marks (达到“有序推进”的预期目标)."""
        target = indicator.target
        if not target.is_number:
            return f"“{target.text}”" if quoted else target.text
        word = self.comparator_word(indicator)
        value = value_text(target)
        return f"“{word}{value}”" if word and quoted else f"{word}{value}"

    def near_ceiling(self, result: IndicatorResult) -> bool:
        """A rate kept under its ceiling by no more than lexicon/wording.yaml's near_ceiling_points and
        near_ceiling_share of it (预算调整率4.93% under 5%, not 超限超载率0.62% under 1%): the margin is a computed
        fact worth a reviewer's eye."""
        margin = result.margin
        target = result.indicator.target
        return (is_ceiling(result.indicator) and target.unit == "%" and margin is not None and margin != 0
                and abs(margin) <= Decimal(str(self.words["near_ceiling_points"]))
                and abs(margin) <= abs(target.value) * Decimal(str(self.words["near_ceiling_share"])))

    def target_value(self, indicator: Indicator) -> str:
        """The target's figure alone (90%, 6座), for 比90%的目标低2.4个百分点; a bound written after it is
        dropped (12000亩以上 → 12000亩: 未达到12000亩的目标, not 12000亩以上的目标)."""
        target = indicator.target
        if not target.is_number:
            return target.text
        said = self.measures.get(indicator.name)
        if said:  # 比5所的目标少2所, as the story above counts them (已完工3所)
            target = dataclasses.replace(target, unit=said)
        return value_text(dataclasses.replace(target, approximation="") if target.approximation else target)

    def difference(self, result: IndicatorResult, more: bool = True) -> str:
        """The margin with the word its kind takes: 高3.5个百分点 / 低 for a rate, a level or a bare number, 多12个 / 少
        for an amount ("" without a margin)."""
        margin = self.margin(result)
        if not margin:
            return ""
        unit = result.indicator.target.unit
        words = self.words["difference_words"]
        kind = "level" if unit in words["level_units"] or lexicon.unit_kinds().get(unit) in words["level_kinds"] \
            or is_level(result.indicator) else "amount"
        return words[kind][0 if more else 1] + margin

    def margin(self, result: IndicatorResult) -> str:
        """|完成值 − 目标值| in words: 208.78亿元, 2场, 3.97个百分点."""
        margin = result.margin
        if margin is None:
            return ""
        target = result.indicator.target
        unit, scale = self.measures.get(result.indicator.name) or target.unit, target.scale
        gap = abs(margin) / SCALES[scale] if scale else abs(margin)  # ≥8万平方米 − 7.26万: 0.74万平方米, not 7400
        amount = number(gap.normalize()) if margin else "0"  # 88.70 − 90 → 1.3, not 1.30
        return _connectives()["percentage_points"].format(amount=amount) if unit == "%" else f"{amount}{scale}{unit}"

    def gap_to_target(self, result: IndicatorResult) -> str:
        """The gap in words: 高于目标3.97个百分点 for a rate, 比目标多2场 otherwise; "" without a margin."""
        if result.margin is None:
            return ""
        more = result.margin > 0
        if result.indicator.target.unit == "%":
            key = "above_target" if more else "below_target"
        else:
            key = "more_than_target" if more else "less_than_target"
        return _connectives()[key].format(gap=self.margin(result))

    def kept_within(self, result: IndicatorResult) -> str:
        """A ceiling met, in words: 控制在5%以内; for a rate of spending against its budget (“三公”经费控制率 ≤100%)
        what it controls, 支出未超过预算 (a reviewer: 控制率……控制在100%以内 says 控制 twice and nothing more)."""
        indicator = result.indicator
        words = self.words["control_rates"]
        if indicator.name.endswith(words["suffix"]) and indicator.target.value == words["limit"] \
                and indicator.target.unit == "%":
            said = next((phrase for key, phrase in words["phrases"].items() if key in indicator.name), "")
            if said:
                return said
        return words["within"].format(target=self.target_value(indicator))

    def slim(self, result: IndicatorResult) -> bool:
        """A rate over its target by less than lexicon/wording.yaml's slim_margin_points (90.8% against 90%) and less
        than slim_headroom_share of what its target leaves to 100 %: said 仅比目标高0.8个百分点."""
        margin = result.margin
        target = result.indicator.target.value
        # (99.6% against 99%: over a target near 100 % by more than a quarter of what is left to it is no slim margin;
        # 5.60% against 5%: a growth rate over its target by a tenth of it is no slim margin either — two reviewers
        # read 仅 before it as blame)
        # (not an effect's level: a reviewer read 森林覆盖率达到35.4%，仅比目标高0.2个百分点 as a slight on an
        # achievement; a service's rate or a satisfaction just over its target is what 仅 points at)
        return result.indicator.target.unit == "%" and margin is not None and bool(target) \
            and result.indicator.level1 not in self.words["slim_not_levels"] \
            and 0 < margin < Decimal(str(self.words["slim_margin_points"])) \
            and margin < target * Decimal(str(self.words["slim_target_share"])) \
            and (target >= 100 or margin < (100 - target) * Decimal(str(self.words["slim_headroom_share"])))

    def near_target(self, result: IndicatorResult) -> bool:
        """A quantity a hair over its target (under lexicon/wording.yaml's near_target_ratio of it): said by how much."""
        ratio = ratio_to_target(result)
        return ratio is not None and 1 < ratio < Decimal(str(self.words["near_target_ratio"]))

    def against_target(self, result: IndicatorResult, with_target: bool = False) -> str:
        """The completion as a part of its target, in the words its size needs: 为目标的2.81倍 for an exceedance
        large enough to be remarked (1.93倍 beside 2.03倍, not 193%: a reviewer), else 完成目标的131.6% — for a
        quantity; "" for a rate (it is said in percentage points), a ceiling or a zero target. `with_target` names the
        target (为目标2条的2.5倍); below the multiple an exceedance of a small whole target named says its
        difference (比6个的目标多2个); a large one and a shortfall their ratio (完成目标20条的70%)."""
        ratio = ratio_to_target(result)
        if ratio is None or self.near_target(result):
            return ""  # 97.12万亩 against 96.80万亩: 比目标多0.32万亩, not 为目标的100.3% (a reviewer)
        words = _connectives()
        target = words["target_named"].format(target=self.target_value(result.indicator)) if with_target else ""
        if ratio >= _multiple_from(result):
            # (为消费者挽回经济损失……: the name opens on the 为 the multiple is said with)
            verb = words["of_target_multiple"][0]
            key = "of_target_multiple_after_wei" if result.indicator.name.startswith(verb) else "of_target_multiple"
            return words[key].format(multiple=_trimmed(ratio, 2), target=target)
        if self._small_count_over(result):
            # 设置流动摊贩疏导点8个，比6个的目标多2个; 8家……，比目标多2家 — not 完成目标6个的133.3% (three reviewers:
            # 生硬); a large target or one of length, area or money keeps its ratio (为目标3000吨的112.9%; 中小河流治理
            # 12.8公里，为目标的106.7%), which says more than 多386吨
            if with_target:
                return self.gap_named(result)
            return self.words["compared_margin"].format(difference=self.difference(result))
        return words["of_target_ratio"].format(ratio=self.percent_of_target(ratio), target=target)

    def plain_ratio(self, result: IndicatorResult) -> bool:
        """against_target says the completion as a plain share of its target (完成目标的106.2%): no multiple, no
        difference."""
        ratio = ratio_to_target(result)
        return ratio is not None and not self.near_target(result) and ratio < _multiple_from(result) \
            and not self._small_count_over(result)

    def _small_count_over(self, result: IndicatorResult) -> bool:
        """A count over a small whole target, short of the multiple (8个 against 6个): said by its difference."""
        ratio = ratio_to_target(result)
        target = result.indicator.target.value
        return ratio is not None and 1 < ratio < _multiple_from(result) and not self.near_target(result) \
            and target < self.words["difference_below"] and target == target.to_integral_value() \
            and lexicon.unit_kinds().get(result.indicator.target.unit) == "count"

    def compared(self, result: IndicatorResult, with_target: bool = False) -> str:
        """The completion against its target in a clause of its own: its ratio or multiple when it has one
        (完成目标的108.3%, 为目标80场的2.34倍), else its difference (比目标高3.5个百分点); "" without a margin.
        Small counts over their targets name the target in turn (比目标多2次; 比12种的目标多3种: a reviewer read
        比目标多2次、比目标多3种、比目标多2部 as one frame three times)."""
        if not with_target and self._small_count_over(result) and self.frame("small_count_over", 2):
            return self.gap_named(result)
        said = self.against_target(result, with_target)
        if not said and self._rate_over(result) and not self.slim(result) and self.frame("rate_over", 2):
            # 高于目标2.6个百分点 in turn with 比目标高2.6个百分点 (reviewers of every round: 比目标高X个百分点 after
            # every rate, nine times in one report; the officers write both) — not a slim one: 仅比目标高0.4个百分点
            return self.words["above_target_margin"].format(margin=self.margin(result))
        return said or (
            self.words["compared_margin"].format(difference=self.difference(result)) if self.margin(result) else "")

    def _rate_over(self, result: IndicatorResult) -> bool:
        """A rate (or level) over its floor by a margin, said in percentage points or its unit."""
        unit = result.indicator.target.unit
        level = unit in self.words["difference_words"]["level_units"] or is_level(result.indicator)
        return level and result.margin is not None and result.margin > 0 and not is_ceiling(result.indicator) \
            and bool(self.margin(result))

    def gap_named(self, result: IndicatorResult) -> str:
        """The gap to the target with the target named, its word by the side it falls on: 比90%的目标低1.4个百分点,
        比20条的目标少6条, 比6个的目标多2个."""
        missed = result.margin is not None and result.margin < 0
        return _connectives()["over_target_named"].format(target=self.target_value(result.indicator),
                                                          gap=self.difference(result, not missed))

    def ceiling_gap(self, result: IndicatorResult) -> str:
        """How far a ceiling was passed, the ceiling named: 比10个工作日的控制目标多2.5个工作日."""
        return _connectives()["over_ceiling_named"].format(target=self.target_value(result.indicator),
                                                       gap=self.difference(result, True))

    def percent_of_target(self, ratio: Decimal) -> str:
        """完成值 ÷ 目标值 in percent, to one decimal (118.7; 162, or 162.0 when the officer writes it so) — to two
        when the unit's own narratives write it so (完成目标任务的105.26%), that one figure is never given at two
        precisions."""
        precise = _trimmed(ratio * 100, 2)
        if f"{precise}%" in self.narratives:
            return precise
        # (his own 完成目标的162.0% in 存在问题: not 162.00% beside it — a reviewer read two formats of one figure)
        whole = format_decimal(round_half_up(ratio * 100, 1), 1)
        if f"{whole}%" in self.narratives + self.own_words and not _ratios_at_two_places(self.narratives):
            return whole
        # To two places, as the rates beside them (执行率93.31%, 转化率24.32%) and the officers' own reports give them
        # (完成目标的108.33%): two reviewers of 沣源 read 108.3% beside 93.31% as a program's two precisions; two of
        # 章贡 and 顺庆 read 107% beside 107.60% so (two earlier ones had asked for 130%). Without the zeros that end it,
        # as an officer writes 120% and 107.5% (reviewers of 瀚泉, 靖岭 and 梓岩 read 完成目标的120.00% as a program's) —
        # unless his narratives write theirs to two places whole (完成目标的75.00%).
        if _ratios_at_two_places(self.narratives, zeros=True):
            return format_decimal(round_half_up(ratio * 100, 2), 2)
        return _trimmed(ratio * 100, 2)

    def told(self, result: IndicatorResult) -> bool:
        """The unit's own narratives (§二) state this result's value already: as what a clause of theirs says, its
        last figure (新建改扩建公办幼儿园3所), not as a word of another's (3所新建改扩建园新增学位630个)."""
        return stated_in(result, self.narratives) and said_as_its_own(result, self.narratives)

    def ratio_percent(self, result: IndicatorResult) -> str:
        """完成值 ÷ 目标值 as a percentage (118.7%) below a notable exceedance; "" otherwise."""
        ratio = ratio_to_target(result)
        return f"{self.percent_of_target(ratio)}%" if ratio is not None and ratio < _multiple_from(result) else ""

    # -------------------------------------------------------- an indicator's figure in a sentence

    def has_leading_verb(self, name: str) -> bool:
        """The name starts with a verb: one of lexicon/wording.yaml's, or a word jieba tags as one."""
        return any(name.startswith(verb) for verb in self.words["name_verbs"]) or _tagged_verb_first(name)

    def is_measure(self, name: str) -> bool:
        """The name is itself a quantity (……数, ……额, ……率): it takes 为, never a verb."""
        return any(name.endswith(head) for head in self.words["measure_heads"])

    def figure(self, indicator: Indicator, value: str, reached: bool = False) -> str:
        """The indicator with a value, as one clause: 组织形式多样的产学研活动16场 (the name has a verb),
        全市技术合同成交额达868.78亿元 (the name is a measure), 举办科技镇长团各类会议6场 (a verb for
        the name from the corpus or the unit)."""
        name = indicator.name
        kind = self.kind(indicator)
        copula = _connectives()["copula"]
        if copula in name:
            # 为消费者挽回经济损失达862.4万元, not ……损失为862.4万元; 法律援助为受援人挽回经济损失达3516.8万元 (桐澜's
            # reviewer: 挽回经济损失为3516.8万元, 为 twice)
            copula = _connectives()["reached"]
        if is_ceiling(indicator):
            return f"{name}{copula}{value}"
        if kind in ("count", "money") and (work := self.goal_order(indicator)):
            # 乡镇敬老院改造提升数 → 改造提升乡镇敬老院4所, as the goal says it; 学生资助资金发放金额 → 发放学生资助资金
            # 648.36万元 (a reviewer: ……发放金额为648.36万元)
            return f"{work}{value}"
        counted = self.counted(indicator)
        # days counted up to a floor are a count too (免费开放天数 ≥300天 → ……免费开放306天, not 免费开放天数为306天)
        if counted and (kind == "count" or kind == "time" and indicator.target.comparator in (">=", ">")):
            # 新建美丽经济交通走廊条数 → 新建美丽经济交通走廊5条; 健康科普宣传活动场次 → 举办健康科普宣传活动263场 (a
            # verb only for a measure word of events: 培养 before 家庭医生签约服务 would say what the data do not)
            unit = indicator.target.unit or indicator.completion.unit
            # 农村文化礼堂开展活动 says its verb inside: no 组织 before it (a reviewer: 开展……开展活动)
            if self.has_leading_verb(counted) or any(verb in counted for verb in self.words["name_verbs"]) \
                    or kind == "time":
                return f"{counted}{value}"
            if unit in self.words["event_units"] and (verb := self.verb(indicator)):
                return f"{verb}{counted}{value}"
        if (work := self.work_done(indicator)):
            return f"{work}{value}"
        if kind == "count" and (stem := self.count_stem(indicator)):
            # 家庭医生团队64个, 培训班43期, not 家庭医生团队数达64个 (a reviewer: a table's cell); with the verb a goal
            # gives it (建成质量基础设施“一站式”服务站点12个; a reviewer: ……服务站点12个 has no predicate)
            return f"{self.goal_verb(stem)}{stem}{value}"
        unit = indicator.completion.unit if indicator.completion.is_number else ""
        if unit in self.words["counted_in_name"] and name.endswith(unit) and len(name) - len(unit) >= 2 \
                and self.unique(name, name[:-len(unit)]):
            # 接待游客3286.5万人次, not 接待游客人次为3286.5万人次 (a reviewer); 实施临时救助2617人次 with its goal's verb
            return f"{self.goal_verb(name[:-len(unit)])}{name[:-len(unit)]}{value}"
        if self.is_measure(name) or kind in ("ratio", "time", "satisfaction"):
            return f"{name}{_connectives()['reached'] if reached and kind != 'time' else copula}{value}"
        if self.has_leading_verb(name):
            return f"{name}{value}"
        verb = self.verb(indicator)
        return f"{verb}{name}{value}" if verb else f"{name}{copula}{value}"

    def work_done(self, indicator: Indicator) -> str:
        """A count of work done, said as the work (lexicon/wording.yaml's work_done): 城区易涝点整治数 → 整治城区易涝点,
        文物保护修缮项目完成数 → 完成文物保护修缮项目, 小型水库除险加固数量 → 完成小型水库除险加固, 新增公共停车泊位数 →
        新增公共停车泊位; "" for a name that counts no work (校企合作项目数) or whose stem ends in another measure word
        (取水许可监督检查取水户数, in 家). Lengths and areas too (老旧供排水管网改造长度 → 完成老旧供排水管网改造);
        a count of people drops 人数 (城镇新增就业人数 → 城镇新增就业)."""
        unit = indicator.completion.unit or indicator.target.unit
        words = self.words["work_done"]
        name = indicator.name
        suffixes = words["suffixes"].get(self.kind(indicator), [])
        if not unit or not suffixes:
            return ""
        people = words["people"]
        if unit in people["units"] and (suffix := next((s for s in people["suffixes"] if name.endswith(s)), "")):
            stem = name[:-len(suffix)]  # 城镇新增就业人数 → 城镇新增就业
            if len(stem) >= 3 and not stem.endswith(tuple(people["not_after"] + people["roles"])) \
                    and self.unique(name, stem):
                return stem
        suffix = next((s for s in suffixes if name.endswith(s)), "")
        if self.kind(indicator) == "area" and name[:-len(suffix)].endswith(tuple(words["area_terms"])):
            # 灌溉面积 is one term: 新增高效节水灌溉面积9650亩, its verb leading (else ……面积为……)
            return name if name.startswith((*self.words["name_verbs"], *words["leading"])) \
                or self.has_leading_verb(name) else ""
        stem, last = _without_unit(name[:-len(suffix)] if suffix else "", unit)
        if len(stem) < 3 or (last in words["classifiers"] and last != unit) or not self.unique(name, stem):
            return ""
        for done, said in words["done"].items():
            if stem.endswith(done) and len(stem) - len(done) >= 2:
                return said + stem[:-len(done)]
        if stem.startswith((*self.words["name_verbs"], *words["leading"])):
            return stem
        for verb in words["fronted"]:
            if stem.endswith(verb) and len(stem) - len(verb) >= 2:
                return verb + stem[:-len(verb)]
        if stem.endswith(tuple(words["actions"])):
            return words["lead"] + stem
        return ""

    def goal_order(self, indicator: Indicator) -> str:
        """A count named object-then-verb (乡镇敬老院改造提升数) said in the order a 年度目标 says it, verb first (改造提升
        乡镇敬老院6所以上 → 改造提升乡镇敬老院); "" when no goal says it so (a reviewer: 改造提升数为4所)."""
        name = indicator.name
        suffixes = self.words["count_suffixes"] + self.words["money_suffixes"]
        suffix = next((s for s in suffixes if name.endswith(s)), "")
        # (背街小巷改造条数 in 条: the unit before 数 goes too → 改造背街小巷, as 改造背街小巷20条以上 says it)
        stem, _ = _without_unit(name[:-len(suffix)], indicator.completion.unit or indicator.target.unit) \
            if suffix else ("", "")
        least = self.words["goal_order_chars"]
        for cut in range(least, len(stem) - least + 1):
            thing, verb = stem[:cut], stem[cut:]
            if any(verb + thing in goal for goal in self.goals) and verb.startswith(tuple(self.words["goal_verbs"])):
                return verb + thing
        return ""

    def goal_verb(self, stem: str) -> str:
        """The verb a 年度目标 puts before `stem` (建成 in 建成质量基础设施“一站式”服务站点5个以上), one of
        lexicon/wording.yaml's goal_verbs, with the few words it puts between them (开展各级各类 in 开展各级各类教师培训
        6000人次以上; a reviewer: 教师培训5430人次 has no predicate); "" when no goal says it so."""
        between = self.words["goal_verb_gap_chars"]
        for goal in self.goals:
            found = re.search(rf"(?:{_alternation(tuple(self.words['goal_verbs']))})[^\d，,；;。、：:（(]{{0,{between}}}?"
                              rf"(?={re.escape(stem)})", goal)
            if found:
                return found.group(0)
        return ""

    def count_stem(self, indicator: Indicator) -> str:
        """A count's name without its closing 数 or 数量, and its unit before that (培训班期数 in 期 → 培训班;
        城乡教共体结对学校数 → 城乡教共体结对学校), when three characters or more are left, it does not end in another
        measure word (抽检户 in 家) and no other indicator shortens alike; "" otherwise."""
        name = indicator.name
        unit = indicator.completion.unit or indicator.target.unit
        suffix = next((s for s in self.words["count_suffixes"] if name.endswith(s)), "")
        if not suffix or not unit:
            return ""
        stem, last = _without_unit(name[:-len(suffix)], unit)
        if last in self.words["work_done"]["classifiers"] and last != unit:
            return ""  # 公共场所卫生监督抽检户 in 家: not 抽检户612家
        # a thing counted, not an act (各类人才项目受理, 敬老院改造提升) or a part of a word (高新技术企业总); a person
        # named by his role (代表性传承人, 负责人) is one too
        people = self.words["work_done"]["people"]
        person = unit in people["units"] and stem.endswith(tuple(word + unit for word in people["roles"]))
        return stem if len(stem) >= 3 and (person or _tagged_noun_last(stem)) and self.unique(name, stem) else ""

    def unique(self, name: str, stem: str) -> bool:
        """No other indicator of the report could shorten to `stem`, the shortened `name`: 服务覆盖数 and 服务覆盖家次
        both shorten to 服务覆盖, so neither may; 临时救助人次 may beside 临时救助平均审批办结时间, whose rest after the
        stem is more than a measure word (lexicon/wording.yaml shared_rest_chars)."""
        longest = self.words["shared_rest_chars"]
        return not any(other != name and other.startswith(stem) and len(other) - len(stem) <= longest
                       for other in self.names)

    def predicate(self, indicator: Indicator) -> str:
        """A qualitative indicator met as written, said as a judgement: 绩效目标合理性 合理 → 绩效目标合理, 资金使用合规性
        规范 → 资金使用规范, 水利工程运行管护长效机制 健全 → 水利工程运行管护长效机制健全; "" when its value is no
        short word equal to the target (基本健全 against 健全, a figure, 是/否). A judgement on the targets themselves is
        qualified (绩效目标总体合理) when results went far beyond their targets (`hedge_targets`): two reviewers read
        绩效目标合理 beside ……目标值设定偏低 as the report contradicting itself."""
        said = self._predicate(indicator)
        value = indicator.completion.text.strip()
        if said and self.hedge_targets and said.endswith(value) and any(
                word in indicator.name for word in self.words["target_judgements"]):
            return said[:-len(value)] + self.words["targets_hedge"] + value
        return said

    def _predicate(self, indicator: Indicator) -> str:
        value, name = indicator.completion.text.strip(), indicator.name.strip()
        words = self.words["predicate"]
        refused = tuple(words["not_judgements"])
        if not value or value != indicator.target.text.strip() or len(value) > words["max_chars"] \
                or re.search(r"\d", value) or value in refused or name.startswith(refused):
            return ""
        if name.endswith(tuple(words["quality_suffixes"])):
            stem = name[:-1]
            if stem.endswith(value):
                return stem  # 预决算信息公开度 公开 → 预决算信息公开
            if value in words["improvements"]:
                return name + words["improved"] + value  # 群众出行便利程度 提升 → ……程度得到提升, not 达到“提升”的预期目标
            return stem[:-2] + value if len(stem) > 3 and name.endswith(words["quality_suffixes"][0]) else ""
        if len(value) == 2 and len(name) > 4 and name[-1] == value[-1] and name[-2:] != value:
            return name[:-2] + value  # 县级国土空间总体规划成果报批 获批 → ……成果获批, not 报批获批
        for size in range(len(value) - 1, 1, -1):
            if name.endswith(value[-size:]) and len(name) > size:
                return name[:-size] + value  # 《……志》终审 完成终审 → 《……志》完成终审, not 终审完成终审
        return name + value

    def counted(self, indicator: Indicator) -> str:
        """What a count indicator counts, when its name ends in its own measure word and 数 (危桥改造座数 in
        座 → 危桥改造; 健康科普宣传活动场次 in 场 → 健康科普宣传活动); "" otherwise (查处非法营运案件数 counts 案件,
        件 is not its measure word here)."""
        unit = indicator.target.unit or indicator.completion.unit
        if not unit or unit in self.words["work_done"]["people"]["units"]:
            return ""  # 新认定县级非遗代表性传承人数 in 人 counts 传承人: its 人 is no measure word (a reviewer: 传承6人)
        words = cut_words(indicator.name)
        for suffix in (f"{unit}数", f"{unit}次"):
            if words and (words[-1] == suffix or (len(words) >= 2 and words[-2:] == (unit, suffix[-1]))):
                base = indicator.name[:-len(suffix)]
                return base if len(base) >= 2 else ""
        return ""

    def event(self, indicator: Indicator) -> str:
        return event(indicator)

    def event_told(self, indicator: Indicator) -> bool:
        """A task narrative told above says the event did not happen (汛期全县……，未因洪涝灾害造成人员死亡; 全年无因洪涝灾害
        死亡人员): the effects do not say it again (reviewers of 汾溪 and 顺庆 found it in §三's area and again in 效益)."""
        words = self.words["none_of"]
        name = "".join(char for char in event(indicator) if char not in words["told_ignored"])
        pairs = char_pairs(name)
        clauses = re.split(r"[，。；,;\n]", self.stories_told)
        return bool(pairs) and any(
            any(word in clause for word in words["told_words"])
            and len(pairs & char_pairs(clause)) >= words["told_share"] * len(pairs) for clause in clauses)

    def none_of(self, events: list[str]) -> str:
        """The events that did not happen, as one clause: 全年未发生A和B; the people a count of people counts after
        无 (全年未发生较大及以上生产安全事故，无自然灾害因灾死亡失踪人员 — a reviewer: 未发生……死亡失踪人员 does not
        go together)."""
        words = self.words["none_of"]
        people = tuple(self.words["event_people"].values())
        things = [name for name in events if not name.endswith(people)]
        persons = [name for name in events if name.endswith(people)]
        said = [words["things"].format(events=join_list(things))] if things else []
        if persons:
            said.append(words["people_after" if things else "people_alone"].format(events=join_list(persons)))
        return "，".join(said)

    def verb(self, indicator: Indicator) -> str:
        """A verb for a name without one: the one prior reports use with the same object and measure
        word (会议 in 场 ← 举办), else one lexicon/wording.yaml gives the unit; "" when none fits."""
        unit = indicator.completion.unit or indicator.target.unit
        mined: dict[str, int] = {}
        for pattern in self.patterns.get("statements", []):
            head = pattern.get("head") or ""
            if len(head) >= 2 and indicator.name.endswith(head) and unit and (
                    pattern["measure"] == unit or lexicon.same_unit(pattern["measure"], unit)):
                verb = pattern["verb"]
                if verb and verb not in indicator.name:
                    mined[verb] = mined.get(verb, 0) + pattern["count"]
        if mined:
            best = max(mined.values())
            return self.choose(f"verb|{indicator.name}", sorted(v for v, count in mined.items() if count == best))
        options = self.words["unit_verbs"].get(unit)
        return self.choose(f"verb|{indicator.name}", options) if options else ""

    def sentences(self, kind: str, values: dict[str, str], limit: int) -> list[str]:
        """Whole sentences `narrator mine` learned (存在问题 / 改进措施), most frequent first, with the
        slots the report can fill; a sentence with another slot is not offered."""
        chosen = []
        for entry in self.patterns.get(kind, []):
            if all(slot in values for slot in entry["slots"]) and entry["sentence"].endswith(("。", "！", "；")):
                text = entry["sentence"]
                for slot in entry["slots"]:
                    text = text.replace("{" + slot + "}", values[slot])
                chosen.append(text)
            if len(chosen) == limit:
                break
        return chosen
