"""What a figure in a sentence says: its role.

One sentence often carries several figures in different roles:

    技术合同成交额868.78亿元，完成年度目标（660亿元）的131.6%，比目标多208.78亿元。
                 value              target     ratio          gap

The roles, and what verifies each (narrator/checking/facts.py computes the facts, Decimal):

- ``completion``: the subject's value (完成值, a budget column);
- ``target``: its target (目标（X）, 目标值X, 预期X);
- ``difference``: the gap to target in the subject's unit (比目标多X, 差X, 超出目标X场);
- ``deviation``: the gap as a percentage of the target (超额完成29.7%, 超出目标31.63%);
- ``ratio``: completion ÷ target (完成目标的131.6%, 完成率106.67%);
- ``multiple``: completion ÷ target as a multiple (为目标的2.81倍);
- ``points``: the gap between a rate and its target in percentage points (低于目标值3.97个百分点);
- ``share``: a part over its whole (占实际支出的95.86%);
- ``remainder``: what a budget line left unspent (未支出, 结余, 差额 = 调整预算数 − 实际支出数);
- ``growth``: a change on last year (同比增长38.9%), verified only against a growth indicator;
- ``count``: how many indicators (共设置54项, 履职类指标14项, 其中12项达到) — narrator/statements/extract.py;
- ``other``: a figure whose role cannot be told (提高2个百分点 with no object): never linked.

A role the words leave open carries alternatives: 研发人员占比52.7% is a share or the value
of an indicator named 占比; the figure is accepted when any reading agrees, and is an error
only when its one reading disagrees. The words are in lexicon/statements.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..core import lexicon
from ..core.quantity import Quantity

CLAUSE_MARKS = "，,；;：:。！？!?\n"
# Every role a figure can have (each named in templates/findings.yaml as role_<name>).
ROLES = ("completion", "target", "difference", "deviation", "ratio", "multiple", "points", "rate_gap", "share",
         "remainder", "column_gap", "growth", "count", "other")


@dataclass(frozen=True)
class Role:
    name: str
    alternatives: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def words() -> dict[str, tuple[str, ...]]:
    """lexicon/statements.yaml, each list longest first."""
    data = lexicon.statement_words()
    return {key: tuple(sorted(map(str, value), key=len, reverse=True)) for key, value in data.items()}


ROLE_KEYS = ("bound_words", "target_words", "target_markers", "marker_compounds", "target_ends", "ratio_words",
             "completion_rate_words", "deviation_rate_words",
             "excess_words", "comparison_words",
             "gap_markers", "gap_words", "deviation_markers", "share_words", "remainder_words", "growth_markers",
             "saving_words",
             "linking")


@lru_cache(maxsize=1)
def _role_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words that state a role rather than name a subject: those of two characters or more
    anywhere, and single characters (比, 多, 占 …) only at the end, where they are the role's."""
    found = {word for key in ROLE_KEYS for word in words()[key]}
    longer = sorted((word for word in found if len(word) > 1), key=len, reverse=True)
    single = "".join(sorted(word for word in found if len(word) == 1))
    return (re.compile("|".join(map(re.escape, longer))), re.compile(f"[{re.escape(single)}]+$"))


def strip_role_words(text: str) -> str:
    """The subject words of a clause: 完成年度目标的 → ""; 科技创新专项资金未支出 → 科技创新专项资金."""
    longer, single = _role_words()
    previous = None
    while previous != text:
        previous = text
        text = single.sub("", longer.sub("", text).rstrip("的 "))
    return text


def strip_trailing_role_words(text: str) -> str:
    """The clause without the role words at its end only: 受理成果转化项目完成目标 → 受理成果转化项目;
    结转结余率 keeps its 结余 (a name may hold a role word)."""
    longer, single = _role_words()
    ending = re.compile(f"(?:{longer.pattern})$")
    previous = None
    while previous != text:
        previous = text
        text = single.sub("", ending.sub("", text.rstrip("的 ")))
    return text


def words_of_targets(text: str) -> bool:
    """Does the text name a target (目标, 年度目标, 计划 …)?"""
    return _has(text, "target_words")


def ceiling_named_after(after: str) -> bool:
    """The target named right after the figure is a ceiling (10%的控制目标, 5%的控制上限)."""
    after = after.lstrip()
    return after.startswith("的") and after[1:].startswith(tuple(words()["ceiling_targets"]))


def target_named_after(after: str) -> bool:
    """The figure is the target when the words right after it name one: 95%的目标, 100%的目标值, 为40口目标的2.3倍;
    so is the first of two targets said together (分别低于65%和62%的目标)."""
    after = after.lstrip().lstrip("”’\"'」")  # (达到“≤15%”的目标: the target quoted)
    paired = _paired_target().match(after)
    if paired:
        after = after[paired.end():]
    if after.startswith("的"):
        return after[1:].startswith(words()["target_words"])
    return after.startswith(_targets_of())


@lru_cache(maxsize=1)
def _target_figure_of() -> re.Pattern[str]:
    """完成目标95000人的 (96.3%): the target named by its figure before 的, as 完成目标（95000人）的 in brackets."""
    return re.compile(rf"(?:{_alternation('target_words')})\d[\d.,]*[^\d，,。；;（()）]{{0,6}}?的$")


@lru_cache(maxsize=1)
def _paired_target() -> re.Pattern[str]:
    joins = _alternation("paired_target_joins")
    return re.compile(rf"(?:{joins})\s*\d[\d.]*(?:(?!{joins})[^\d，,。；;的]){{0,6}}(?=的)")


@lru_cache(maxsize=1)
def _targets_of() -> tuple[str, ...]:
    return tuple(word + "的" for word in words()["target_words"])


def gap_to_target_named(clause: str) -> bool:
    """超过15次的目标3次; 比1.58亿立方米的控制指标少0.09亿立方米: the target stands inside the comparison, the
    figure after it is the gap."""
    return _gap_named_pattern().search(clause) is not None


@lru_cache(maxsize=1)
def _gap_named_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation('gap_markers', 'comparison_words')})"
                      rf"[^，,；;。]*?\d[^，,；;。\d]{{0,6}}的(?:{_alternation('target_words')})"
                      rf"(?:{_alternation('gap_markers')})?$")


@lru_cache(maxsize=1)
def _gap_with_verb_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation('comparison_words')})[^，,；;。\d]{{0,8}}?(?:{_alternation('target_words')})"
                      rf"(?:{_alternation('gap_markers')})[\u4e00-\u9fff]{{1,2}}$")


@lru_cache(maxsize=1)
def _short_verb_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:多|少)(?:{_alternation('gap_verbs')})$")


def _alternation(*keys: str) -> str:
    return "|".join(re.escape(word) for key in keys for word in words()[key])


def column_named(text: str) -> str:
    """The budget column a phrase names (调整后预算 → adjusted), the last one named, or ""."""
    best, position = "", -1
    for column, names in lexicon.budget_column_words().items():
        for name in names:
            found = text.rfind(name)
            if found > position:
                best, position = column, found
    return best


def compared_rate(clause: str) -> tuple[int, str]:
    """Where the comparison word of a rate compared with another ends, and the other rate's name:
    低于基本支出执行率 → (2, 基本支出执行率); (−1, "") when the clause compares with nothing."""
    found = [(clause.rfind(word), word) for word in words()["rate_comparison_words"] if word in clause]
    if not found:
        # 比整体执行率低0.04个百分点: 比/较, the other rate, then 高/低.
        framed = _framed_pattern().search(clause)
        return (framed.start(1), framed.group(1).strip()) if framed else (-1, "")
    position, word = max(found)
    return position, strip_linking(clause[position + len(word):]).strip()


@lru_cache(maxsize=1)
def _framed_pattern() -> re.Pattern[str]:
    return re.compile(f"(?:{_alternation('comparison_words')})(.+?)(?:{_alternation('gap_markers')})$")


def compared_column(clause: str) -> str:
    """The budget column a clause compares with (较年初预算增加 → initial), or ""."""
    cut = max(clause.rfind(word) for word in words()["comparison_words"])
    return column_named(clause[cut + 1:]) if cut >= 0 else ""


def column_below_or_above(bare: str) -> str:
    """The budget column a clause ending on 低于/高于 and that column's name alone compares with (实际支出1702.35万元，
    低于年初预算 → initial: another hand's way of saying 比年初预算少), or ""."""
    found = [(bare.rfind(word), word) for word in words()["rate_comparison_words"] if word in bare]
    if not found:
        return ""
    position, word = max(found)
    named = strip_linking(bare[position + len(word):]).strip()
    column = column_named(named)
    return column if column and named in lexicon.budget_column_words()[column] else ""


def strip_linking(text: str) -> str:
    """The clause without the linking word before its figure: 结转结余率为 → 结转结余率."""
    return text.rstrip("".join(words()["linking"]) + " ")


@lru_cache(maxsize=512)
def _without_brackets(text: str) -> str:
    """The text with closed bracket groups taken out: 完成年度目标（660亿元）的 → 完成年度目标的."""
    if "（" not in text and "(" not in text:
        return text
    previous = None
    while previous != text:
        previous = text
        text = _CLOSED_GROUP.sub("", text)
    return text


_CLOSED_GROUP = re.compile(r"[（(][^（()）]*[）)]")


def _open_bracket(text: str) -> int:
    """The position of the bracket the end of `text` is inside, or −1."""
    if "（" not in text and "(" not in text:
        return -1
    depth = 0
    for index in range(len(text) - 1, -1, -1):  # back to the nearest bracket left open (linear in that distance)
        character = text[index]
        if character in "）)":
            depth += 1
        elif character in "（(":
            if depth == 0:
                return index
            depth -= 1
    return -1


def _last_clause(text: str) -> str:
    return text[max(map(text.rfind, CLAUSE_MARKS)) + 1:]


CROWDED = 3  # role groups named in one clause before a figure that leave its role unknown


def _crowded(clause: str) -> bool:
    """The clause names the words of CROWDED or more roles (crowded_role_groups) at once."""
    found = 0
    for pattern in _crowded_patterns():
        if pattern.search(clause):
            found += 1
            if found == CROWDED:
                return True
    return False


@lru_cache(maxsize=1)
def _crowded_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(_word_pattern(key) for key in words()["crowded_role_groups"])


@lru_cache(maxsize=1)
def _undone_pattern() -> re.Pattern[str]:
    marks = "|".join(map(re.escape, words()["undone_marks"]))
    done = "|".join(map(re.escape, words()["undone_completions"]))
    # 未整改, 尚未结案的, 未整改到位的; not 批而未供土地
    return re.compile(rf"(?:{marks})[\u4e00-\u9fff]{{1,2}}(?:{done})?的?$")


def _from_year_start(clause: str) -> bool:
    """The clause compares with how things stood at the year's start (比年初多), not with its budget or plan (比年初预算
    增加81.6万元: a column of the budget)."""
    for word in words()["year_start_words"]:
        found = clause.find(word)
        if found >= 0 and not clause[found + len(word):].startswith(tuple(words()["year_start_not"])):
            return True
    return False


def put_off_after(own: str, rest: str) -> bool:
    """The figure's clause gives a cause (2个小区因室外管网需……衔接) and the next clause what was put off for it
    (延至2025年4月完工)."""
    following = re.split(r"[，,；;。]", rest.lstrip("，, "), maxsplit=1)[0]
    return any(word in own for word in words()["cause_marks"]) \
        and following.lstrip().startswith(tuple(words()["put_off_words"]))


def undone_after(text_after: str) -> bool:
    """The figure is followed, in its clause, by what was not done to it (2条线路未能开通, 2座危桥尚未完工)."""
    return bool(_undone_after_pattern().match(text_after))


@lru_cache(maxsize=1)
def _undone_after_pattern() -> re.Pattern[str]:
    marks = "|".join(map(re.escape, sorted(words()["undone_marks"], key=len, reverse=True)))
    # (金穗米业承储的1640吨稻谷推迟到2025年轮换: what was put off is not done either, its date after)
    put_off = "|".join(map(re.escape, sorted(words()["put_off_words"], key=len, reverse=True)))
    return re.compile(rf"[\u4e00-\u9fff“”（）()]{{0,10}}?(?:(?:{marks})[\u4e00-\u9fff]|(?:{put_off}))")


def _without_link(before: str) -> str:
    """The words before a bound without the verb linking it to its 均 (其余五个项目……执行率均在96%以上)."""
    link = next((link for link in words()["all_links"] if before.endswith(link)), "")
    return before[:len(before) - len(link)]


_GROUP_OF = re.compile(r"等[\d两二三四五六七八九十几多]+个|[、和][^，,；;。]{1,30}?[\d两二三四五六七八九十几多]+个项目")
_LAST_YEARS_VALUE = re.compile(r"(?:19|20)\d\d年(?:同期)?的$")


def _first_clause(sentence: str) -> str:
    cut = min((sentence.find(mark) for mark in "，,；;" if mark in sentence), default=len(sentence))
    return sentence[:cut]


def _undone(clause: str) -> bool:
    """未整改139处, 对尚未结案的3件: a figure of what is not done, right after 未 and a verb."""
    return bool(_undone_pattern().search(clause))


def _has(text: str, key: str) -> bool:
    if key == "target_markers":  # (科技计划项目11项 names a programme: its 计划 is no plan)
        for compound in words()["marker_compounds"]:
            text = text.replace(compound, "")
    return _word_pattern(key).search(text) is not None


@lru_cache(maxsize=64)
def _word_pattern(key: str) -> re.Pattern[str]:
    """Any of a role-word list, as one pattern (a clause is searched once, not once per word)."""
    return re.compile("|".join(re.escape(word) for word in words()[key]) or r"(?!)")


def _ends(text: str, key: str) -> bool:
    return text.endswith(words()[key])


def target_heading(heading: str) -> bool:
    """A heading over the year's targets (（五）年度绩效目标; 二、绩效目标设定情况), not their results
    (二、绩效目标完成情况) or reasons (四、偏离绩效目标的原因)."""
    plain = re.sub(r"^[#\s]*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)?", "", heading.strip()).rstrip("：: ")
    return plain.removesuffix("情况").endswith(words()["target_headings"])


def target_list_lead(text: str) -> bool:
    """A paragraph that leads a list of the year's targets (主要设定了以下目标：), the list items after it being
    targets (lexicon/statements.yaml: target_list_leads)."""
    plain = text.strip().rstrip("*")
    return plain.endswith(("：", ":")) and plain.rstrip("：:").endswith(words()["target_list_leads"])


def labelled_targets(text: str) -> bool:
    """A paragraph that opens on a target label and a colon (目标：社会消费品零售总额186亿元以上，……): its figures are
    targets (lexicon/claims.yaml target_labels)."""
    plain = text.strip().lstrip("*#- ").strip()
    return any(plain.startswith((label + "：", label + ":", label + "**："))
               for label in lexicon.claim_words()["target_labels"])


def passage_of(text: str) -> str:
    """A line that is only a column's label (预期目标, 实际完成情况 — a form's cells copied a line each): "target"
    or "result"; "" for any other line."""
    label = text.strip().rstrip("：:").strip()
    claims = lexicon.claim_words()
    return "target" if label in claims["target_passages"] else "result" if label in claims["result_passages"] else ""


def retargeted(claim, sentence_before: str):
    """A claim under a target heading read again as the passage's role says: a figure no word names
    otherwise (达到90%以上) is a target."""
    role = role_of(sentence_before, claim.quantity, "target")
    if role.name == "share" and claim.quantity.approximation:
        role = Role("target")  # 普惠性幼儿园在园幼儿占比达到95%以上: the share the year aims at
    return claim if (role.name, role.alternatives) == (claim.role, claim.alternatives) else \
        replace(claim, role=role.name, alternatives=role.alternatives)


def threshold_of_group(text_after: str) -> bool:
    """执行率低于95%的项目共3个: a figure with a comparator followed by 的 and what it sorts out is a threshold."""
    return text_after.lstrip().startswith("的")


def _marker_governs(clause: str) -> bool:
    """The clause's last target word (计划, 目标为) is about the figure that follows, not about one between them
    (计划除险加固的8座小型水库中完成6座: 计划 governs the 8座; the 6座 is what was done)."""
    for compound in words()["marker_compounds"]:
        clause = clause.replace(compound, "\0" * len(compound))
    ends = [clause.rfind(marker) + len(marker) for marker in words()["target_markers"] if marker in clause]
    return not ends or not re.search(r"\d", clause[max(ends):])


def ceiling_after(text_after: str) -> bool:
    """The figure is followed by 以内/以下 (控制在18.5万元以内): a bound."""
    return text_after.lstrip().startswith(words()["ceiling_after_words"])


def role_of(sentence_before: str, quantity: Quantity, passage_role: str = "") -> Role:
    """The role of `quantity`, from the sentence up to it (`sentence_before`) and the role of the
    passage it stands in (预期目标：… is about targets)."""
    opened = _open_bracket(sentence_before)
    if _crowded(_last_clause(sentence_before)):
        return Role("other")  # 目标（完成目标的…差距…占比…同比增长15717家: every role at once, so none
    if opened >= 0:
        inside = sentence_before[opened + 1:]
        outside = _last_clause(_without_brackets(sentence_before[:opened])).rstrip().rstrip("（(").rstrip()
        clause = _last_clause(inside)
        # (（目标4个，完成2个）: what was done after the target in the same brackets)
        done = clause != inside and clause.strip().rstrip("".join(words()["linking"])) in words()["done_in_brackets"]
        if (_ends(outside, "target_words") or inside.lstrip().startswith(words()["target_words"])) and not done:
            return Role("target")
        if done:
            return Role("completion")
    else:
        clause = _last_clause(_without_brackets(sentence_before))
        labelled = _without_brackets(sentence_before).rstrip().rstrip("*")
        if not clause.strip() and labelled.endswith(("：", ":")):
            clause = _last_clause(labelled[:-1].rstrip("*"))  # 未支出：729.65万元: the label before the colon
    clause = clause.strip()
    bare = clause.rstrip("".join(words()["linking"]))
    unit = quantity.unit
    kinds = lexicon.unit_kinds()
    target_named = _has(clause, "target_words")
    if kinds.get(unit) == "ratio" and unit != "%" and unit != "‰":  # 个百分点
        if target_named:
            return Role("points")
        if _has(clause, "growth_markers"):
            return Role("growth")
        if _ends(bare, "gap_words") and _has(sentence_before, "target_words"):
            return Role("points")  # 预算执行率（98.05%，目标=100%），差1.95个百分点
        if _has(clause, "rate_comparison_words") or compared_rate(clause)[0] >= 0:
            return Role("rate_gap")  # 项目支出执行率为89.06%，低于基本支出执行率10.63个百分点
        return Role("other")
    if kinds.get(unit) == "multiple":
        if target_named and _has(clause, "excess_words"):
            return Role("other")  # 超出目标1.5倍: 1.5 times over, or 1.5 times the target? Writers use both.
        return Role("multiple") if target_named else Role("other")
    if unit == "%":
        if target_named and (_ends(bare, "ratio_words") or _target_figure_of().search(bare)):
            # 完成目标的131.6%; 超额完成目标的31.6% is the excess, as a share of the target
            return Role("deviation", ("ratio",)) if _has(clause, "excess_words") else Role("ratio")
        if _ends(bare, "completion_rate_words") and not strip_role_words(bare).strip().strip("".join(words()["linking"])):
            return Role("ratio")
        if _ends(bare, "deviation_markers"):
            return Role("deviation")
        if _ends(bare, "deviation_rate_words") and not strip_role_words(bare).strip().strip("".join(words()["linking"])):
            return Role("deviation")  # 偏差率31.63%, but 预算偏差率为4.5% is an indicator's value
        if target_named and _has(clause, "comparison_words") and _ends(bare, "gap_markers"):
            return Role("deviation", ("points",))
        if passage_role == "target" and (_has(clause, "share_words") or _has(clause, "proportion_words")):
            return Role("target")  # 年度目标是……普惠性幼儿园在园幼儿占比达到95%以上: the share aimed at
        if _has(clause, "share_words"):
            return Role("share", ("completion",))
        if _has(clause, "proportion_words"):  # 产值比重为52.7%: an indicator named so, or a share
            return Role("completion", ("share",))
    if _LAST_YEARS_VALUE.search(bare) or (bare.endswith("的") and _ends(bare[:-1], "last_year_words")):
        return Role("other")  # 较上年的3.18亿元增加1.08亿元: last year's value, which the tables need not hold
    bound = quantity.comparator or quantity.raw.endswith(tuple(words()["all_bounds_after"]))
    if bound and (_ends(_without_link(clause.rstrip()), "all_marks") or _GROUP_OF.search(clause)):
        # 两个项目执行率均低于95%; 超限超载治理经费等3个项目执行率低于95%: a bound several pass, not one figure
        return Role("other")  # 两个项目执行率均低于95%: a bound that several pass, not one figure
    if unit != "%" and kinds.get(unit) != "money" and _undone(bare):
        return Role("other")  # 整改3723处，未整改139处: what is left of a whole the tables need not hold
    if unit != "%" and _ends(bare, "gap_markers") and _has(_first_clause(sentence_before), "last_year_words") \
            and not target_named:
        return Role("growth")  # 与上年相比，……2024年调整后预算增加345.70万元: a change on last year
    if unit != "%" and _ends(bare, "gap_markers") and _from_year_start(clause):
        return Role("other")  # 年末定点医药机构比年初多46家: a change within the year, from its start
    if unit != "%" and gap_to_target_named(bare):
        return Role("difference")  # 超过15次的目标3次
    if unit != "%" and (_gap_with_verb_pattern().search(bare) or _short_verb_pattern().search(bare)):
        return Role("difference")  # 比年初计划多检查31个, 治理工程少完成2个: the gap, its verb after 多/少
    if unit != "%" and bare.strip() in words()["gap_markers"] and _has(sentence_before, "target_words"):
        return Role("difference")  # （8.6个工作日，目标≤7个工作日，多1.6个工作日）: the gap, the marker alone
    if unit != "%":
        if kinds.get(unit) == "money" and compared_column(clause) and _ends(bare, "gap_markers"):
            return Role("column_gap")  # 调整后预算较年初预算增加81.6万元
        if kinds.get(unit) == "money" and column_below_or_above(bare):
            return Role("column_gap")  # 实际支出1702.35万元，低于年初预算147.65万元
        if target_named and _has(clause, "comparison_words") and _ends(bare, "gap_markers"):
            return Role("difference")
        if _ends(bare, "gap_words"):
            # 超过年度目标15场: by 15, or the target of 15? Writers use both.
            # A sentence that stated its target before (年度目标600家，…，超出目标646家) states a gap.
            # So does one that gave it in brackets: 实现旅游总收入447.8亿元（目标值≥420亿元），超出目标27.8亿元.
            earlier = sentence_before[:-len(clause)] if clause and sentence_before.endswith(clause) else sentence_before
            return Role("difference", ("target",)) if _ends(bare, "target_ends") and not _has(earlier, "target_words") \
                else Role("difference")
        if _ends(clause, "saving_words") and (_has(_without_brackets(sentence_before), "target_words")
                                            or _has(_without_brackets(sentence_before), "target_markers")):
            return Role("difference")  # 控制在18.5万元以内，节约2.23万元: the ceiling less the spending
        if _ends(bare, "excess_words") and _has(_without_brackets(sentence_before), "target_words") \
                and not _has(clause, "last_year_words"):
            return Role("difference")  # 备案412个，完成目标的137.33%，多出122个: more than the target named before
    if _has(clause, "growth_markers") and not _ends(clause, "reaching_words"):
        # 同比增长38.9% is a change on last year; 全年净增高新技术企业1236家 may be the year's own figure.
        return Role("growth") if _has(clause, "last_year_words") else Role("growth", ("completion",))
    if unit != "%":
        if kinds.get(unit) == "money" and _has(clause, "remainder_words") and not target_named:
            return Role("remainder")
    if _ends(bare, "attained_markers") and not target_named:
        # 城镇登记失业率控制在3.12%: kept at (a result), or the ceiling it is to be kept under? Both are said.
        return Role("completion", ("target",))
    if (_has(clause, "target_markers") and _marker_governs(clause)) or _ends(bare, "target_ends"):
        return Role("target")  # 目标值为15场; 比目标95%低1.2个百分点
    if _ends(clause, "bound_words"):
        return Role("other")  # 满意度88.70%，未达到90%: a bound, which the writer need not take from the table
    if passage_role == "target":
        return Role("target")
    return Role("completion")
