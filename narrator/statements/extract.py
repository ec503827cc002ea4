"""Claims: every figure in the prose, with what it is about.

A spaCy pipeline does the work: ``spacy.blank("zh")`` with a tokenizer that cuts at
sentence marks and figures, a sentencizer, and the ``narrator_figures``
component, which marks each figure `find_quantities` recognises as a span in
``doc.spans["figures"]`` and attaches a `Claim`: the quantity, the phrase it is
about (成交额868.78亿元 → 成交额; 全年累计组织16场…产学研活动 → 产学研活动), and
its role (a completion value, a target, a deviation or a difference).
"""
from __future__ import annotations

import importlib
import re
import sys
import types
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

from ..core import lexicon
from ..core.quantity import Quantity, find_quantities
from ..core.resources import load_yaml
from . import roles

CLAUSE_BREAKS = "，,；;：:（()）！？!?。\n"
SENTENCE_ENDS = "。！？!?"
LIST_LABEL = re.compile(r"^\s*(\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[（(]?[一二三四五六七八九十]{1,3}[）)、])")
COORDINATION = ("和", "及", "与", "、", "以及")  # 3座A和8座B: figures each before their name
HEADING_LENGTH = 30  # a line this short with no figure and no full stop is a heading
LEAD_LENGTH = 40  # a paragraph's title sentence (1.国土空间规划编制与实施经费。) is at most this long
# A unit in brackets after a list of bare numbers: 年初860.00、调整120.00、实际支出941.26（万元）.
BRACKET_UNIT = re.compile(r"(?<=\d)\s*[（(](万元|亿元|元)[）)]")
CLAUSE_MARKS_BEFORE_UNIT = "，,；;：:。"
SENTENCE_LIMIT = 1000  # characters of one sentence read as one (no report writes longer)
PARAGRAPH_LIMIT = 1000  # characters of a paragraph before a sentence a claim keeps (Claim.before)


@lru_cache(maxsize=1)
def passage_label() -> re.Pattern[str]:
    """A label that says what the rest of its passage is (预期目标：… targets; 完成情况：… results): claims.yaml's
    target_passages and result_passages, longest first (实际完成情况 before 完成情况)."""
    words = lexicon.claim_words()
    labels = sorted(words["target_passages"] + words["result_passages"], key=len, reverse=True)
    return re.compile(rf"({'|'.join(map(re.escape, labels))})\s*[：:]")


@dataclass(frozen=True)
class Claim:
    quantity: Quantity  # offsets are into the paragraph text
    subject: str  # the phrase the figure is about, as written
    tokens: frozenset[str]  # content words of the subject, synonyms made canonical
    context: str  # the sentence up to the figure
    role: str  # one of narrator/statements/roles.py's roles: "completion", "target", "ratio", "points" …
    sentence: str
    sentence_start: int
    alternatives: tuple[str, ...] = ()  # other roles the words leave open (占比52.7%: a share or a value)
    named: bool = True  # the subject is named by the figure's own clause, not inherited from the one before
    earlier: str = ""  # the paragraph before the sentence, when the sentence points back to it (该项目实际支出占…)
    lead: str = ""  # the paragraph's title sentence (1.自然资源执法监察经费。年初预算121.80万元…), no figure in it
    before: str = ""  # the paragraph before the sentence (its last PARAGRAPH_LIMIT characters)

    @property
    def start(self) -> int:
        return self.quantity.start

    @property
    def end(self) -> int:
        return self.quantity.end


def _spacy():
    """spaCy without its command line. `import spacy` loads spacy.cli — typer, weasel, requests and the
    pydantic models of its project files, a fifth of a cold `narrator check` — only to export `spacy.info`,
    which narrator never calls. While spaCy loads, spacy.cli and spacy.cli.info are stood in for by empty
    modules whose `info` loads the real one when called; they are taken out of sys.modules after, so an
    `import spacy.cli` later loads the real package. (spaCy's version is pinned in requirements.lock;
    tests/statements/test_statements.py checks the pipeline and `spacy.info` both work.)"""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    package, module = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")

    def info(*arguments, **options):
        for name, stand_in in (("spacy.cli.info", module), ("spacy.cli", package)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        return importlib.import_module("spacy.cli.info").info(*arguments, **options)

    module.info, package.info = info, module
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = package, module
    try:
        import spacy
    finally:
        for name, stand_in in (("spacy.cli.info", module), ("spacy.cli", package)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    return spacy


@lru_cache(maxsize=1)
def pipeline():
    """The spaCy pipeline, built once per process."""
    spacy = _spacy()
    from spacy.language import Language
    from spacy.tokens import Span

    lexicon.load_dictionary()
    if not Span.has_extension("claim"):
        Span.set_extension("claim", default=None)
    if "narrator_figures" not in Language.factories:
        Language.component("narrator_figures", func=_figures_component)
    nlp = spacy.blank("zh")
    nlp.tokenizer = _PieceTokenizer(nlp.vocab)
    nlp.add_pipe("sentencizer", config={"punct_chars": list(SENTENCE_ENDS)})
    nlp.add_pipe("narrator_figures")
    return nlp


_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_ENDS)}]")


class _PieceTokenizer:
    """Tokens for what the pipeline needs: each sentence-ending mark, each figure, and the runs
    of text between them. Segmenting whole paragraphs into words would be wasted work (a
    jieba pass over every paragraph); words are cut, by jieba, only where they matter: in the
    phrase each figure is about (`name_tokens`)."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        cuts = {0, len(text)}
        for end in _SENTENCE_END.finditer(text):
            cuts.update(end.span())
        for quantity in figures_in(text):
            cuts.update((quantity.start, quantity.end))
        bounds = sorted(cuts)
        words = [text[start:end] for start, end in zip(bounds, bounds[1:]) if end > start]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs):
        return self


def _figures_component(doc):
    spans = []
    for claim in claims_in(doc.text, [(s.start_char, s.end_char) for s in doc.sents]):
        span = doc.char_span(claim.start, claim.end)
        if span is None:
            continue
        span._.claim = claim
        spans.append(span)
    doc.spans["figures"] = spans
    return doc


def extract(texts: Iterable[str]) -> list[list[Claim]]:
    """Claims of each text (a paragraph, a table cell), through the spaCy pipeline; a text
    without a figure (a heading, most table cells) does not go through it."""
    texts = list(texts)
    result: list[list[Claim]] = [[] for _ in texts]
    wanted = [index for index, text in enumerate(texts) if figures_in(text)]
    for index, doc in zip(wanted, pipeline().pipe(texts[index] for index in wanted)):
        result[index] = [span._.claim for span in doc.spans["figures"]]
    return result


@lru_cache(maxsize=4096)
def figures_in(text: str) -> tuple[Quantity, ...]:
    """The figures of a text: numbers with a unit or scale (目标1, 第2点 are labels, not figures); bare numbers
    listed before a unit in brackets take it (年初860.00、调整120.00、调整后980.00、实际支出941.26（万元））."""
    quantities = find_quantities(text)
    units = [(max(text.rfind(mark, 0, found.start()) for mark in CLAUSE_MARKS_BEFORE_UNIT) + 1, found.start(),
              found.group(1)) for found in BRACKET_UNIT.finditer(text)] if "（" in text or "(" in text else []
    return tuple(replace(q, unit=next((unit for start, end, unit in units if start <= q.start and q.end <= end), ""))
                 if not (q.unit or q.scale) else q
                 for q in quantities
                 if q.unit or q.scale or any(start <= q.start and q.end <= end for start, end, _ in units))


def claims_in(text: str, sentences: list[tuple[int, int]]) -> list[Claim]:
    """The claims of one paragraph, given its sentence boundaries."""
    quantities = figures_in(text)
    claims: list[Claim] = []
    sentences = _bounded(text, sentences)
    title = text[:text.find("。")] if 0 < text.find("。") <= LEAD_LENGTH else ""
    lead = title if title and not figures_in(LIST_LABEL.sub("", title)) else ""
    labelled = _LABEL_LEAD.match(text)
    if not lead and labelled and not figures_in(labelled.group(1)):
        lead = labelled.group(1)  # - **适龄妇女“两癌”筛查人数**：全年完成筛查13260人……: the item's label names it
    starts = [start for start, _ in sentences]
    labels = [(match.start(), match.group(1)) for match in passage_label().finditer(text)]
    # 年度目标是……。/这一目标要求……。: a paragraph opening with its goal states targets up to the sentence's end
    goal_end = text.find("。") if text.lstrip().startswith(tuple(lexicon.claim_words()["target_leads"])) else -1
    reckoned = [match.span() for match in _reckoning().finditer(text)] if quantities else []
    # (按0.3%的控制标准测算，轮出6760吨允许损耗20.28吨，实际多损耗7.44吨: a reckoning of its own clause goes on to the
    # end of its sentence part — what it gives is what the standard would allow)
    reckoned = [(start, _next_part_end(text, end)) if text[end:end + 1] in ("，", ",") else (start, end)
                for start, end in reckoned]
    for index, quantity in enumerate(quantities):
        found = bisect_right(starts, quantity.start) - 1
        sentence_start, sentence_end = sentences[found] if found >= 0 and quantity.start < sentences[found][1] \
            else (0, len(text))
        previous_end = quantities[index - 1].end if index else 0
        following_start = quantities[index + 1].start if index + 1 < len(quantities) else len(text)
        clause_start = max(_last_break(text, sentence_start, quantity.start), previous_end, sentence_start)
        before = LIST_LABEL.sub("", text[clause_start:quantity.start].lstrip("、 "))
        after = text[quantity.end:min(_next_break(text, quantity.end, sentence_end), following_start)]
        clause = text[_last_break(text, sentence_start, quantity.start):quantity.start]
        label = bisect_left(labels, (quantity.start, "")) - 1  # the last 预期目标： / 完成情况： before the figure
        passage = "target" if (label >= 0 and labels[label][1] in lexicon.claim_words()["target_passages"]) or (
            quantity.start < goal_end) else ""
        role = roles.role_of(text[sentence_start:quantity.start], quantity, passage)
        if roles.target_named_after(text[quantity.end:sentence_end]):
            role = roles.Role("target")  # 比不低于95%的目标高1.29个百分点: the target, named after it
            if not quantity.comparator and roles.ceiling_named_after(text[quantity.end:sentence_end]):
                quantity = replace(quantity, comparator="<=")  # 已接近10%的控制目标: a ceiling
        elif quantity.comparator and roles.threshold_of_group(text[quantity.end:sentence_end]):
            role = roles.Role("other")  # 执行率低于95%的项目共3个: a threshold that sorts out lines
        elif "target" in role.alternatives and roles.ceiling_after(text[quantity.end:sentence_end]):
            role = roles.Role("target")  # 控制在18.5万元以内: the ceiling, an upper bound (22分钟 under it is no shortfall)
            quantity = quantity if quantity.comparator else replace(quantity, comparator="<=")
        if role.name == "completion" and text.startswith(_claim_tuple("negated_after"), quantity.end):
            role = roles.Role("other")  # 14批次不合格产品全部依法处置: what failed, not what was done
        elif role.name == "completion" and re.match(_beyond_after(), after_clause := text[
                quantity.end:_next_break(text, quantity.end, sentence_end)]) \
                and not any(word in after_clause for word in roles.words()["target_words"]):
            role = roles.Role("other")  # 有17件超过了20个工作日: those past a bound, not what the year did
        elif role.name == "completion" and roles.undone_after(after):
            role = roles.Role("other")  # 2条线路未能开通: what was not done, the table holds what was
        elif role.name == "completion" and roles.put_off_after(after, text[len(after) + quantity.end:sentence_end]):
            role = roles.Role("other")  # 也有2个小区因……衔接，延至2025年4月完工: what was put off, not what was done
        elif any(start < quantity.start < end for start, end in reckoned):
            role = roles.Role("hypothetical")  # 年初目标按……泊位380个测算: how the target was reckoned
        elif role.name == "completion" and any(re.search(pattern, clause) for pattern in _claim_tuple("aim_patterns")):
            role = roles.Role("target")  # 把羊布鲁氏菌病个体阳性率降到0.40%以内: what a measure aims at, not what was done
        elif _claim_pattern("hypothetical_words").search(clause):
            role = roles.Role("hypothetical")  # 按目标应按期办结196件: what the target would have given
        elif LIST_LABEL.sub("", re.split("[；;]", text[sentence_start:quantity.start])[-1]).lstrip().startswith(
                _claim_tuple("hypothetical_leads")):
            # 如果把这个项目单独拿出来，部门其余预算……; ……占88.11%；扣除……经费后，部门其余预算执行率为99.40%: reckoned as if
            role = roles.Role("hypothetical")
        elif role.name == "completion" and not quantity.comparator and _population(
                text, quantity, clause_start, sentence_end) or _by_others(clause) \
                or (text.startswith(_claim_tuple("indicator_nouns"), quantity.end)
                    and any(mark in clause for mark in COORDINATION[:2] + ("、",))):
            # 67座小型水库的“三个责任人”全部落实: the population spoken of; 由乡镇和村集体组织清淤整治山塘52口: a part
            # others did; 山塘清淤整治口数和节水型单位创建数两个指标: how many names were listed
            role = roles.Role("other")
        written = before
        if role.name != "completion" and not (role.name == "growth" and role.alternatives):
            # 成交额868.78亿元，完成目标（660亿元）的131.6%: the ratio of 成交额; the role words name nothing.
            # (全年净增高新技术企业1236家 keeps 净增: it may be the indicator's own name.)
            before = roles.strip_role_words(before)
        else:
            before = roles.strip_linking(before)  # 结转结余率为0%: 为 names nothing (jieba would cut 率为)
        before = _without_purpose(before)
        subject, tokens = before, name_tokens(before)
        if index and clause_start == previous_end and before.rstrip().endswith(COORDINATION) and name_tokens(after):
            subject, tokens = after, name_tokens(after)  # 完成3座除险加固和8座安全鉴定: each named after its figure
        if not tokens and not roles.target_named_after(after):  # 低于5%的控制上限: no name after it, a target's
            subject, tokens = after, name_tokens(after)
        elif tokens <= _lead_tokens() and _FUNDS_AFTER.match(after):
            subject, tokens = after, name_tokens(after)  # 年中追加的18.00万元监管经费: the funds named after the sum
        if not tokens and clause_start > max(previous_end, sentence_start):
            # ……的131.6%，受理成果转化项目完成目标（200项）: named between the last figure and the bracket.
            between = text[max(previous_end, sentence_start):clause_start].strip(CLAUSE_BREAKS + "、 的")
            # 预算调整率、结转结余率（3.14%…: the name nearest the bracket.
            between = roles.strip_trailing_role_words(between[between.rfind("、") + 1:])
            subject, tokens = between, name_tokens(between)
        named = bool(tokens)
        inherited = claims[-1] if claims and claims[-1].sentence_start == sentence_start else None
        words = lexicon.claim_words()
        if not tokens and inherited is not None and inherited.tokens & set(words["plan_tokens"]) \
                and any(word in written for word in words["done_after_plan"]):
            # 全县需整治入河排污口48个，完成39个: what was done of what was planned, which no cell names — not the
            # plan's figure (a false error against 需整治的入河排污口 48个)
            inherited, planned = None, True
        else:
            planned = False
        if not tokens and inherited is not None:
            # 占比99.13% is a share of what the sentence named before it, and is called 占比.
            subject = written if role.name == "share" and written.strip() else inherited.subject
            tokens = inherited.tokens
        if not tokens and not planned:
            # 预算执行率未达到目标（目标为100%）: the figure is about what the sentence named before it.
            earlier = LIST_LABEL.sub("", text[sentence_start:clause_start])
            subject, tokens = earlier, name_tokens(earlier)
        if not tokens and not planned and lead and sentence_start > len(lead):
            # （5）造林苗木成活率。年度目标值为≥85%: what the paragraph's title sentence names.
            subject = LIST_LABEL.sub("", lead)
            tokens = name_tokens(subject)
        own = text[clause_start:quantity.start]
        if index and clause_start == previous_end:
            own = own[own.find("、") + 1:]  # 22项达到、3项未达到: 达到 is the 22's
        conditioned = following_start < _next_break(text, quantity.end, sentence_end)
        count = _indicator_count(text, quantity, own, after,
                                 text[sentence_start:sentence_end], sentence_start, conditioned)
        if count:
            subject, tokens, role = count, frozenset({count}), roles.Role("count")
        claims.append(Claim(
            quantity=_signed(quantity, _through_brackets(text, sentence_start, quantity.start, clause)),
            subject=subject.strip(),
            tokens=tokens,
            context=text[sentence_start:quantity.start],
            role=role.name,
            sentence=text[sentence_start:sentence_end],
            sentence_start=sentence_start,
            alternatives=role.alternatives,
            named=named,
            earlier=text[max(0, sentence_start - SENTENCE_LIMIT):sentence_start]
            if _claim_pattern("pointing_back_words").search(text[sentence_start:quantity.start])
            or text[sentence_start:quantity.start].lstrip().startswith(_continuing_words()) else "",
            lead=lead if sentence_start > len(lead) else "",
            before=text[max(0, sentence_start - PARAGRAPH_LIMIT):sentence_start],
        ))
    return _restated_groups(text, _gross_changes(text, _respectively(text, claims)))


@lru_cache(maxsize=1)
def _lead_tokens() -> frozenset[str]:
    """Words that say when or how money moved (年中, 追加 …): before a sum, a name of nothing."""
    return frozenset().union(*(name_tokens(word) for word in lexicon.claim_words()["sum_leads"]))


_FUNDS_AFTER = re.compile("[\u4e00-\u9fff]{1,12}?(?:" + "|".join(map(re.escape, sorted(
    map(str, load_yaml("lexicon", "claims.yaml")["fund_words"]), key=len, reverse=True))) + ")")


def group_parts(text: str, claims: list[Claim]) -> list[tuple[int, int]]:
    """全年23个项目中商品房项目11个、安置房项目12个: (part, whole) for each figure after a figure and its noun with 中,
    which counts a part of it (counts of indicators, and what was done out of a target — 计划除险加固的8座小型水库中
    完成6座 — are no parts)."""
    marks = "|".join(map(re.escape, lexicon.claim_words()["group_within_marks"]))
    # (跟踪的37项成果中，农业科技示范类17项: the mark may close its clause)
    within = re.compile(rf"^[^{CLAUSE_BREAKS}。\d]{{0,12}}?(?:{marks})[，,]?[^{CLAUSE_BREAKS}。\d]*$")
    parts: list[tuple[int, int]] = []
    whole = -1
    for index in range(1, len(claims)):
        claim, previous = claims[index], claims[index - 1]
        between = text[previous.end:claim.start]
        if claim.sentence_start != previous.sentence_start or "count" in (claim.role, previous.role):
            whole = -1
            continue
        if within.match(between) and previous.role != "target" and _stands_alone(between, marks):
            whole = index - 1
        elif _part_lead().search(between):
            # 全年实现23个，为目标的2.3倍，其中商品房项目11个: the parts of the sentence's last figure of what was done
            whole = next((earlier for earlier in range(index - 1, -1, -1)
                          if claims[earlier].sentence_start == claim.sentence_start
                          and claims[earlier].role == "completion"), -1)
        elif not (whole >= 0 and between.startswith(COORDINATION)):
            whole = -1
        if whole >= 0:
            parts.append((index, whole))
    return parts


@lru_cache(maxsize=1)
def _part_lead() -> re.Pattern[str]:
    """A clause that opens with 其中 (statements.yaml: part_markers) and names what it counts."""
    markers = "|".join(map(re.escape, lexicon.statement_words()["part_markers"]))
    return re.compile(rf"[{CLAUSE_BREAKS}]\s*(?:{markers})[：:]?[^{CLAUSE_BREAKS}。\d]*$")


def _stands_alone(text: str, marks: str) -> bool:
    """The mark is a word of its own in the text (项目/中/商品房), not part of one (镇/中心)."""
    import jieba

    lexicon.load_dictionary()
    return any(re.fullmatch(marks, word) for word in jieba.lcut(text))


def _restated_groups(text: str, claims: list[Claim]) -> list[Claim]:
    """……其中21项达到或超过目标值；21项达标指标中有3项为目标的2倍以上: a count that leads a group (…中有,
    …中，) and repeats a count just stated is that count again, about what it was about."""
    words = lexicon.claim_words()
    inside, ends = tuple(words["group_lead_words"]), tuple(words["group_lead_ends"])
    for index, claim in enumerate(claims):
        if claim.role != "count" or not claim.quantity.is_number:
            continue
        after = re.split(f"[{CLAUSE_BREAKS}]", text[claim.end:claim.end + SENTENCE_LIMIT], maxsplit=1)[0]
        if not (any(word in after for word in inside) or after.endswith(ends)):
            continue
        # The count just stated of that group: the same number, or (a figure miscopied) the same kind of count
        # in the same sentence, within the scope it named (其中21项达到……；21项达标指标中: 履职's met).
        # (Not a count that names a scope of its own, other than the earlier one's: 履职类22项指标中，……；满意度类3项
        # 指标中 is 满意度's.)
        parts = claim.subject.split(":") if claim.subject.startswith("#count:") else []
        status, scope = (parts[1], parts[2] if len(parts) > 2 else "") if parts else ("", "")
        stated = next((earlier for earlier in reversed(claims[:index]) if earlier.role == "count"
                       and earlier.quantity.unit == claim.quantity.unit
                       and (not scope or earlier.subject.split(":")[2:3] == [scope])
                       and (earlier.quantity.value == claim.quantity.value
                            or (status and earlier.sentence_start == claim.sentence_start
                                and earlier.subject.startswith(f"#count:{status}:")))), None)
        if stated is not None:
            claims[index] = replace(claim, subject=stated.subject, tokens=stated.tokens)
    return claims


def _without_purpose(before: str) -> str:
    """年中为应对汛期水毁修复追加 → 年中追加: what a change was for names nothing the tables hold."""
    words = lexicon.claim_words()
    stripped = before.rstrip()
    if not stripped.endswith(change_ends()):
        return before
    change = next(word for word in words["increase_words"] + words["decrease_words"] if stripped.endswith(word))
    stem = stripped[:-len(change)]
    purpose = max(stem.rfind(word) for word in words["purpose_words"])
    return stem[:purpose] + change if purpose >= 0 else before


@lru_cache(maxsize=32)
def _claim_tuple(key: str) -> tuple[str, ...]:
    return tuple(lexicon.claim_words()[key])


@lru_cache(maxsize=1)
def _reckoning() -> re.Pattern[str]:
    """年初目标按……380个测算: from the words that open how a target was reckoned to the verb that closes it,
    within one clause of a sentence."""
    words = lexicon.claim_words()
    lead, verb, clause = (("|".join(map(re.escape, words[key])) or "(?!)")
                          for key in ("reckoning_leads", "reckoning_verbs", "reckoning_clause_leads"))
    # (年初目标800个，按新建……380个测算: a clause of its own after the target, to its verb within the clause)
    # (……高0.11个百分点；按0.3%的控制标准测算，……: after ；or 。 too)
    return re.compile(f"(?:{lead})[^。；;！!？?]*?(?:{verb})|(?<=[，,；;。])(?:{clause})[^，,。；;！!？?]*?(?:{verb})")


@lru_cache(maxsize=1)
def _beyond_after() -> str:
    """A figure followed by a bound it passes (17件超过了20个工作日; 3个项目低于95%)."""
    words = "|".join(map(re.escape, lexicon.claim_words()["beyond_after"]))
    return rf"(?:{words})\d"


@lru_cache(maxsize=32)
def _claim_pattern(key: str) -> re.Pattern[str]:
    """Any word of a claims.yaml list, as one pattern (a clause searched once, not once per word)."""
    return re.compile("|".join(map(re.escape, lexicon.claim_words()[key])) or r"(?!)")


@lru_cache(maxsize=1)
def change_ends() -> tuple[str, ...]:
    words = lexicon.claim_words()
    return tuple(words["increase_words"] + words["decrease_words"])


def _gross_changes(text: str, claims: list[Claim]) -> list[Claim]:
    """追加179.80万元，追减12.00万元（净调整167.80万元）: a sentence that states both what was added and
    what was cut states the gross changes; a table holds only the net 调整数. Both are gross unless one is
    zero — then the other is the net change, and the zero one says nothing of it (追加42.70万元，追减0.00万元)."""
    words = lexicon.claim_words()
    increase, decrease = tuple(words["increase_words"]), tuple(words["decrease_words"])

    def direction(claim: Claim) -> str:
        before = text[:claim.start].rstrip()
        if before.endswith(decrease) and not before.endswith(tuple(up + down for up in increase for down in decrease)):
            return "down"
        return "up" if before.endswith(increase) else ""

    def adjacent(first: Claim, second: Claim) -> bool:
        """追加179.80万元，追减12.00万元: nothing between but the second's word (基本支出追加84.85万元、项目支出
        追减3.25万元 names another line: each is that line's own change)."""
        between = text[first.end:second.start].strip(" ，,、；;和及")
        for word in increase + decrease:
            between = between.removesuffix(word)
        return not between.strip(" ，,、；;和及")

    pairs: list[list[int]] = []
    for index, claim in enumerate(claims):
        if not (claim.quantity.is_number and direction(claim)):
            continue
        if pairs and pairs[-1][-1] == index - 1 and claims[index - 1].sentence_start == claim.sentence_start \
                and adjacent(claims[index - 1], claim):
            pairs[-1].append(index)
        else:
            pairs.append([index])
    for members in pairs:
        sides = {direction(claims[index]) for index in members}
        if sides != {"up", "down"}:
            continue
        nonzero = [index for index in members if claims[index].quantity.value != 0]
        gross = members if len(nonzero) > 1 else [index for index in members if index not in nonzero] \
            if nonzero else []
        for index in gross:
            claims[index] = replace(claims[index], role="gross", alternatives=())
    # 调增的356.60万元中，……两项共286.00万元: a sum of changes named again (……的 …… 中) after the sentence that
    # stated it as gross is that gross sum again
    stated = {claim.quantity.value for claim in claims if claim.role == "gross"}
    again = tuple(word + mark for word in increase + decrease for mark in words["gross_again_before"])
    for index, claim in enumerate(claims):
        if claim.role != "gross" and claim.quantity.is_number and claim.quantity.value in stated \
                and text[:claim.start].rstrip().endswith(again) and text[claim.end:].startswith(tuple(words["gross_again_after"])):
            claims[index] = replace(claim, role="gross", alternatives=())
    return claims


def _bounded(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, one longer than SENTENCE_LIMIT characters cut at its last clause break before the
    limit (or at the limit): what a figure's role and subject are read from stays near it, so a sentence
    of thousands of figures takes time in proportion to its length."""
    bounded = []
    for start, end in sentences:
        while end - start > SENTENCE_LIMIT:
            cut = max(text.rfind(mark, start, start + SENTENCE_LIMIT) for mark in CLAUSE_BREAKS)
            cut = cut + 1 if cut > start else start + SENTENCE_LIMIT
            bounded.append((start, cut))
            start = cut
        bounded.append((start, end))
    return bounded


def _respectively(text: str, claims: list[Claim]) -> list[Claim]:
    """A、B和C …，分别完成年度目标的102%、118.7%和108.1%: the figures listed after 分别 are, in order, about
    the subjects of as many figures right before it in the sentence, all in the role of the first."""
    marker = lexicon.claim_words()["respectively_words"]
    for word in marker:
        start = 0
        while (position := text.find(word, start)) >= 0:
            start = position + len(word)
            after = [i for i, claim in enumerate(claims) if claim.start > position
                     and claim.sentence_start <= position < claim.sentence_start + len(claim.sentence)]
            listed = [i for n, i in enumerate(after) if n == 0 or _listed(text, claims[after[n - 1]], claims[i])]
            before = [i for i, claim in enumerate(claims) if claim.end <= position
                      and claim.sentence_start == claims[listed[0]].sentence_start] if listed else []
            if len(listed) < 2:
                continue
            first = claims[listed[0]]
            # The figures before 分别 in the same part of the sentence (after its last ；: 事故7起、死亡6人，起数和死亡
            # 人数同比分别下降12.5%和14.29%); else the names listed right before it (A、B分别为目标的2.63倍和2.5倍).
            names = _names_before(text, first.sentence_start, position, len(listed))
            part_start = max(first.sentence_start, *(text.rfind(mark, 0, position) + 1 for mark in "；;"))
            before = [i for i in before if claims[i].start >= part_start]
            # A figure inside a name (3岁以下儿童系统管理率为92.4%) is not one of the figures listed: the figure
            # of that clause is the last before its break.
            before = [i for n, i in enumerate(before) if n + 1 == len(before)
                      or _separated(text[claims[i].end:claims[before[n + 1]].start])]
            if len(before) >= len(listed):
                subjects = [(claims[i].subject, claims[i].tokens) for i in before[-len(listed):]]
            elif len(names) == len(listed):
                # ……经费分别调减12.00万元和10.00万元: each line's change — the column word after 分别 goes with each name
                between = text[position + len(word):first.start]
                words = lexicon.claim_words()
                column = next((change for change in words["increase_words"] + words["decrease_words"]
                               if change in between), "")
                subjects = [(name + column, name_tokens(name + column)) for name in names]
            else:
                # 省级、市级、县级及校本研修分别为640人次、1180人次和3610人次: the figures are about the names
                # listed, which cannot be paired one to one here: none is read as another's.
                for target in listed:
                    claims[target] = replace(claims[target], role="other", alternatives=())
                continue
            for target, (subject, tokens) in zip(listed, subjects):
                same = claims[target].quantity.unit == first.quantity.unit  # 3.6个和5.2个百分点: not one role
                claims[target] = replace(claims[target], subject=subject, tokens=tokens,
                                         role=first.role if same else claims[target].role,
                                         alternatives=first.alternatives if same else claims[target].alternatives,
                                         named=True)
    return claims


def _names_before(text: str, sentence_start: int, position: int, count: int = 0) -> list[str]:
    """The names listed in the clause before 分别 (城镇新增就业人数、失业人员再就业人数和就业困难人员就业人数);
    split at 、 alone when that gives `count` names (水土保持综合治理经费、水资源管理与水利执法经费: 与 is in a name)."""
    clause = text[max(_last_break(text, sentence_start, position), sentence_start):position]
    clause = LIST_LABEL.sub("", clause).strip("，,；;：: ")
    parts = listed_names(clause)
    enumerated_only = [part.strip() for part in clause.split("、") if part.strip()]
    if len(parts) != count and len(enumerated_only) == count:
        parts = enumerated_only
    return parts if len(parts) >= 2 and all(name_tokens(part) for part in parts) else []


def _separated(between: str) -> bool:
    """Two figures with this text between them are each a clause's own (事故7起、死亡6人), not a name's figure
    and its value (3岁以下儿童系统管理率为92.4%)."""
    return any(mark in between for mark in CLAUSE_BREAKS) or any(word in between for word in COORDINATION)


def _listed(text: str, previous: Claim, claim: Claim) -> bool:
    """`claim` follows `previous` in a list of figures (102%、118.7%和108.1%)."""
    return text[previous.end:claim.start].strip() in COORDINATION


def _last_break(text: str, start: int, end: int) -> int:
    """Where the clause that ends at `end` starts (after its break, or at `start`); a break inside brackets closed before
    `end` is the aside's (家政服务（月嫂、育婴员）培训3期146人: the clause opens at 家政服务)."""
    at = max(start - 1, *(text.rfind(mark, start, end) for mark in CLAUSE_BREAKS))
    if at >= start and text[at] in "）)" and text[at + 1:end].strip():
        opening = max(text.rfind("（", start, at), text.rfind("(", start, at))
        if opening >= 0 and not _BRACKETED_FIGURE.search(text, opening, at):
            return _last_break(text, start, opening)
    return at + 1


_BRACKETED_FIGURE = re.compile(r"\d")  # （目标4个） holds a figure of its own: the clause after it opens after it


_BREAK = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")
_PART_END = re.compile("[。；;！!？?\n]")


def _next_part_end(text: str, start: int) -> int:
    found = _PART_END.search(text, start)
    return found.start() if found else len(text)


def _next_break(text: str, start: int, end: int) -> int:
    found = _BREAK.search(text, start, end) if start < end else None
    return found.start() if found else end


def count_key(status: str, levels: Iterable[str] = (), kind: str = "") -> str:
    """The name under which a count of indicators is linked: #count:missed, #count:total:效益+满意度,
    #count:met:过程:quantitative (定量指标13项中10项达到)."""
    key = f"#count:{status}"
    if levels or kind:
        key += ":" + "+".join(sorted(levels))
    return key + ":" + kind if kind else key


def _indicator_count(text: str, quantity: Quantity, clause: str, after: str, sentence: str,
                     sentence_start: int, conditioned: bool = False) -> str:
    """The count key (_whole_count); a count of the whole said in the sentence right after a numbered title run into
    its paragraph is of the area the title names, when it is one (（1）参保扩面和待遇保障。设置指标3项，达到目标2项。;
    not 有两项指标大幅超额, which counts nothing the tables do)."""
    key = _whole_count(text, quantity, clause, after, sentence, sentence_start, conditioned)
    parts = key.split(":")
    unscoped = len(parts) == 2 or (len(parts) == 4 and not parts[2])
    if key and unscoped and after_run_in_title(text, sentence_start) \
            and (any(noun in text[sentence_start:quantity.start] for noun in lexicon.claim_words()["indicator_nouns"])
                 or text[quantity.end:].startswith(tuple(lexicon.claim_words()["indicator_nouns"]))
                 or any(text[sentence_start:quantity.start].rstrip().endswith(word)
                        for word in lexicon.claim_words()["area_count_leads"])):
        return count_key(parts[1], (TITLE_REFERENCE,), parts[3] if len(parts) == 4 else "")
    return key


def _whole_count(text: str, quantity: Quantity, clause: str, after: str, sentence: str,
                 sentence_start: int, conditioned: bool = False) -> str:
    """The count key when the figure states how many indicators were set, met, exceeded or missed;
    within the categories the sentence names before it (履职类指标14项；过程类指标25项，其中23项达到), or within
    the task area it names (妇幼健康服务（3项指标，2项达标）: "~妇幼健康服务", resolved against the
    indicators' 重点工作 when linked). `conditioned`: another figure follows in the same clause."""
    if "指标" not in sentence or "等" in clause:
        return ""
    share = clause.strip().rstrip("为是达到约")
    words = lexicon.claim_words()
    counted = re.search(r"\d+\s*项", text[sentence_start:quantity.start]) is not None
    for word in words["indicator_share_met"] + (words["indicator_share_met_after_counts"] if counted else []):
        share = share.removesuffix(word) if share.endswith(word) else share
    if quantity.unit == "%" and share != clause.strip().rstrip("为是达到约") \
            and not share.strip(" ，,、" + "".join(lexicon.claim_words()["indicator_share_qualifiers"])):
        scope, kind, _ = indicator_scope(text, sentence_start, quantity.start)
        return count_key("share_met", scope, kind)  # 指标达标率为90.48%: the share of the indicators met
    if quantity.unit not in lexicon.claim_words()["count_units"] and not _beside_indicators(quantity, clause, after) \
            and not _counted_so_before(quantity, text[sentence_start:quantity.start]):
        return ""  # 见习岗位336个 is no count of indicators; 43个绩效指标, 完成指标39个 are
    if conditioned and any(phrase in after for phrases in lexicon.indicator_counts().values() for phrase in phrases):
        return ""  # 有4项指标的完成值达到目标值的1.8倍以上: those passing a threshold, not those met
    qualified = text[quantity.end:quantity.end + 1] in ("（", "(")
    if enumerated(clause):
        return ""  # 应急演练场次、安全宣传教育覆盖人次两项指标……: those named, counted, not the table's
    nouns = lexicon.claim_words()["indicator_nouns"]
    qualifier = re.match(r"([^\d，,、；;。（(" + "".join(lexicon.claim_words()["counted_group_stops"]) + r"]{2,8})(?:"
                         + "|".join(map(re.escape, nouns)) + ")", after)
    if qualifier and counted_group(quantity.raw + qualifier.group(0)):
        return ""  # 三项资金管理指标均达到目标: a group the sentence names, not a category the tables count
    if any(word in clause for word in lexicon.claim_words()["partial_words"]) \
            and not _kind_pattern().match(after.lstrip("为是均共计 ")):
        return ""  # 其余4项定性指标均达到: the rest of them, after those said before (but 其余26项为定量指标 counts them)
    before = text[sentence_start:quantity.start]
    scope, kind, scope_end = indicator_scope(text, sentence_start, quantity.start)
    listed = _listed_area(before)
    if listed:  # 履职指标按5个重点工作方向设置：……6项，森林防灭火5项，……: each item after the colon counts its area's
        scope, scope_end = ("~" + listed,), len(before)
    if not scope and not kind:
        aspect = aspect_of(before, text[quantity.end:quantity.end + 3])
        part = LIST_LABEL.sub("", before[max(before.rfind(mark) for mark in "；;。") + 1:].lstrip("#＃ "))
        area = _AREA.match(part)
        nouns = tuple(lexicon.claim_words()["indicator_nouns"])
        if area and not name_tokens(area.group(1)) <= _generic_count_words() \
                and any(noun in part[area.end():] + text[quantity.end:quantity.end + 2] for noun in nouns):
            scope, scope_end = ("~" + area.group(1).strip(),), len(before)
        elif aspect:  # 食品安全方面指标5项，其中4项达到、1项未达到; 义务教育优质均衡方面的4项指标全部达到: that field's
            scope, scope_end = ("~" + aspect,), len(before)
        elif refers_to_area(before):  # 该项共5项指标，其中4项达到: the area the title above names
            scope, scope_end = (AREA_REFERENCE,), len(before)

    if after.startswith(("为", "是", "属于")):
        levels_after, _ = level_scope(after[:_AFTER_LEVEL])
        if levels_after:  # 未达标的4项中，3项为履职类指标，1项为过程类的: the category named after the figure
            carried = _status_of_group(before)
            return count_key(carried, levels_after, kind) if carried else ""
    if clause.rstrip().endswith(tuple(lexicon.claim_words()["met_before_count"])) \
            and not any(clause.rstrip().endswith(word) for word in lexicon.indicator_counts()["missed"]):
        return count_key("met", scope, kind)  # 共设43项指标，达标38项
    if not scope:
        # (4项决策指标全部达到目标: the category named right after the figure, not the heading's 决策和过程指标)
        levels_after, _ = level_scope(after[:_AFTER_LEVEL])
        if levels_after and after.startswith(levels_after[0]):
            scope = levels_after
    degrees = tuple(lexicon.claim_words()["count_degree_words"])
    if after.lstrip("".join(lexicon.claim_words()["count_linking_chars"])).startswith(degrees):
        return ""  # 达到目标的指标中又有3项大幅超过目标: those far over, which no column counts
    for words in (clause, after):
        for status, phrases in lexicon.indicator_counts().items():
            if any(phrase in words for phrase in phrases):
                if any(degree + phrase in words for degree in degrees for phrase in phrases):
                    return ""  # 另有3项大幅超额完成: those far over, which no column counts
                if words is after and any(word in after[:after.find(next(p for p in phrases if p in after))]
                                          for word in lexicon.claim_words()["count_cause_words"]):
                    return ""  # 2项履职指标受前期手续影响未完成: those missed for one cause, not all missed
                if status != "total":
                    return count_key(status, scope, kind)
                if qualified:
                    return ""
                return count_key(status, [name for name in lexicon.level_names() if name in words] or scope, kind)
    if after.startswith(tuple(lexicon.claim_words()["met_after_count"])):
        return count_key("met", scope, kind)  # 其中22项达到、3项未达到
    carried = _status_of_group(before[:scope_end] if scope or kind else before)
    if carried and (scope or kind):
        return count_key(carried, scope, kind)  # 未达标的5项中，产出指标3项
    named = after.lstrip("为是均共计 ")
    if _kind_pattern().match(named):
        return count_key("total", scope, indicator_kind(named)[0])  # 其余26项为定量指标
    if (scope or kind) and not before[scope_end:].strip(" 共有为计中").strip() and not qualified:
        return count_key("total", scope, kind)  # 履职类指标14项; 定量指标13项
    return ""


_AFTER_LEVEL = 8  # 为过程类的: how far after a count the category it is of may be named


def counted_group(named: str) -> bool:
    """Words that count a group of their own: a figure, then a qualifier that is no category, kind or word for all of
    them, with or without 指标 after it (9项调研课题; 三项资金管理指标) — not 40项指标, 履职类指标14项 or 4项定量指标."""
    figures = [q for q in find_quantities(named) if q.is_number]
    if not figures:
        return False
    rest = _kind_pattern().sub("", named[figures[-1].end:])
    words = lexicon.claim_words()
    for word in sorted(list(lexicon.indicator_kinds()) + list(lexicon.level_names()) + words["indicator_nouns"]
                       + words["all_scope_words"] + words["scope_ends"] + ["的"], key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(rest.strip(" 类中，,")) >= 2
_LISTED_AREA = re.compile(r"[：:，,、；;]\s*([^：:，,、；;。\d（()）]{2,20})$")


def _listed_area(before: str) -> str:
    """The area a count names in a list of areas after a colon that counts indicators (履职指标按5个重点工作方向设置：
    安全生产监管执法和隐患治理6项，森林防灭火5项……): the name right before the figure; "" elsewhere."""
    part = before[max(before.rfind(mark) for mark in "。；;") + 1:]
    colon = max(part.rfind("："), part.rfind(":"))
    words = lexicon.claim_words()
    if colon < 0 or not any(noun in part[:colon] for noun in words["indicator_nouns"]) \
            or not any(lead in part[:colon] for lead in words["area_list_leads"]):
        return ""  # (部分绩效指标未达到年度目标：各类人才项目受理数为1100项: a list of results, no areas counted)
    found = _LISTED_AREA.search(part[colon:])
    name = found.group(1).strip() if found else ""
    return name if name and not name_tokens(name) <= _generic_count_words() else ""


def _counted_so_before(quantity: Quantity, before: str) -> bool:
    """履职类指标23个，达到或超过目标19个，未达到4个: once the sentence counted indicators in 个 right beside
    指标, its later figures in 个 count them too."""
    words = lexicon.claim_words()
    if quantity.unit not in words["count_units_beside_indicators"]:
        return False
    return _counted_beside(quantity.unit).search(before) is not None


@lru_cache(maxsize=16)
def _counted_beside(unit: str) -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, lexicon.claim_words()["indicator_nouns"]))
    return re.compile(rf"(?:{nouns})\s*\d+\s*{re.escape(unit)}")


def _beside_indicators(quantity: Quantity, clause: str, after: str) -> bool:
    """A figure in a unit that counts indicators only right beside the word 指标 (43个绩效指标, 完成指标39个;
    not 一级指标5个, which counts categories)."""
    words = lexicon.claim_words()
    nouns, categories = tuple(words["indicator_nouns"]), tuple(words["category_nouns"])
    before = clause.rstrip()
    return quantity.unit in words["count_units_beside_indicators"] and (
        after.lstrip().startswith(nouns) or (before.endswith(nouns) and not before.endswith(categories)))


# A task area named before the bracket or colon its counts stand in: 妇幼健康服务（3项指标，2项达标）.
_AREA = re.compile(r"\s*([^，,；;：:（()）\d]{2,30})[（(：:]")
_ASPECT = re.compile(r"([^，,；;：:（()）\d、]{2,20}?)(?:" + "|".join(map(re.escape, load_yaml(
    "lexicon", "claims.yaml")["aspect_words"])) + ")")  # 食品安全方面指标5项; 志愿服务方向4项指标 (槠溪)


# A list item's label: “- **适龄妇女“两癌”筛查人数**：……”, “（三）家庭医生签约：……”.
_LABEL_LEAD = re.compile(r"^\s*(?:[-*•·●▪✓]\s*)?(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)?\*{0,2}"
                         r"([^：:*。；;，,\n]{2,40}?)\*{0,2}\s*[：:]")
_AREA_REFERENCE = re.compile("(?:" + "|".join(map(re.escape, sorted(
    map(str, load_yaml("lexicon", "claims.yaml")["area_reference_words"]), key=len, reverse=True))) + ")(?!目)")
_AREA_TITLE = re.compile("(?:" + "|".join(map(re.escape, sorted(
    map(str, load_yaml("lexicon", "claims.yaml")["area_title_words"]), key=len, reverse=True)))
    + r")[一二三四五六七八九十\d]{1,3}\s*[：:、.．]\s*")
_ASPECT_GAP = 6  # 食品安全方面指标5项，其中……: the field names indicators right after it (方面 + 指标)


def aspect_of(before: str, after: str = "") -> str:
    """The field of work the last part of a sentence names (食品安全方面指标5项 → 食品安全; 义务教育优质均衡方面的
    4项指标, whose 指标 comes `after` the figure), when it is no category of indicators (产出方面 is the 产出
    category): "" when none is named."""
    part = before[max(before.rfind(mark) for mark in "；;。") + 1:]
    found = None
    for found in _ASPECT.finditer(part):
        pass
    nouns = lexicon.claim_words()["indicator_nouns"]
    near = part[found.end():found.end() + _ASPECT_GAP] if found is not None else ""
    if found is not None and part[found.end():].strip() in ("", "的"):
        near += after  # (方面的 right before the count: the noun follows it)
    if found is None or not any(noun in near for noun in nouns) \
            or re.search(r"[一二两三四五六七八九十几多]个$", found.group(1)):
        return ""  # ……安全宣传教育培训六个方面履行职责，共设置指标43项: fields listed, not the count's field
    name = LIST_LABEL.sub("", found.group(1)).strip()
    # (产出方面, 过程管理方面 are categories; 理论研究和决策咨询服务方面 is a field, its 决策 inside a word of its own — 岚陵)
    name = name.lstrip(".．、 ")  # (3.理论研究……方面: its list number's point)
    bare = name.removesuffix("指标").removesuffix("类")
    return "" if any(bare.startswith(level) or bare.endswith(level) for level in lexicon.level_names()) else name


@lru_cache(maxsize=1)
def _continuing_words() -> tuple[str, ...]:
    """A sentence that begins with a budget column or remainder (结余173.55万元，……) goes on about the line
    the sentence before named."""
    words = roles.words()
    return tuple(sorted({*words["remainder_words"], *(word for names in lexicon.budget_column_words().values()
                                                      for word in names if len(word) >= 3)}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _generic_count_words() -> frozenset[str]:
    """Words of a sentence that sets out how many indicators there are, naming no area of its own."""
    return frozenset().union(*(name_tokens(word) for word in lexicon.claim_words()["generic_count_words"]))


def enumerated(clause: str) -> bool:
    """The words right before a count list names (A、B两项): the figure counts those, whatever they are."""
    own = clause.strip().lstrip("，,；;：: ")
    if any(word in own for word in lexicon.claim_words()["count_scope_words"]):
        return False
    parts = listed_names(own)
    return len(parts) >= 2 and all(len(part) >= 2 for part in parts)


def listed_names(text: str) -> list[str]:
    """A、B和C → [A, B, C], split at the coordinating words (COORDINATION)."""
    pattern = "|".join(map(re.escape, sorted(COORDINATION, key=len, reverse=True)))
    return [part.strip() for part in re.split(pattern, text) if part.strip()]


@lru_cache(maxsize=1)
def _scope_pattern() -> re.Pattern[str]:
    levels = "|".join(map(re.escape, lexicon.level_names()))
    words = lexicon.claim_words()
    joins = "".join(words["scope_joins"])
    ends = "|".join(map(re.escape, sorted(words["scope_ends"], key=len, reverse=True)))
    # (履职（产出）指标19项: the aside blanked, its spaces stand between the name and 指标)
    return re.compile(f"((?:{levels})(?:[{joins}](?:{levels}))*) *(?:{ends})")


def level_scope(before: str) -> tuple[tuple[str, ...], int]:
    """The categories of indicators (一级指标) that the last part of a sentence (after its last ；)
    is about, and where their naming ends: 过程类指标25项，其中23项 → (过程,); 效益和满意度指标 → (效益, 满意度)."""
    part_start = max(before.rfind(mark) for mark in "；;。") + 1
    found = None
    for found in _scope_pattern().finditer(before, part_start):
        pass
    if found is None:
        return (), 0
    names = [name for name in lexicon.level_names() if name in found.group(1)]
    return tuple(sorted(names)), found.end()


@lru_cache(maxsize=1)
def _kind_pattern() -> re.Pattern[str]:
    kinds = "|".join(map(re.escape, lexicon.indicator_kinds()))
    ends = "|".join(map(re.escape, sorted(lexicon.claim_words()["scope_ends"], key=len, reverse=True)))
    return re.compile(f"({kinds})(?:{ends})")


def indicator_kind(before: str) -> tuple[str, int]:
    """Whether the last part of a sentence (after its last ；) counts only the qualitative or the
    quantitative indicators, and where that naming ends: 定量指标13项中10项 → ("quantitative", …)."""
    part_start = max(before.rfind(mark) for mark in "；;。") + 1
    found = None
    for found in _kind_pattern().finditer(before, part_start):
        pass
    if found is None:
        return "", 0
    return lexicon.indicator_kinds()[found.group(1)], found.end()


@lru_cache(maxsize=1)
def _sublevel_pattern() -> re.Pattern[str]:
    names = sorted({name.removesuffix("指标") for name in lexicon.target_table_words()["level2"]}, key=len, reverse=True)
    ends = "|".join(map(re.escape, sorted(lexicon.claim_words()["scope_ends"], key=len, reverse=True)))
    return re.compile(f"({'|'.join(map(re.escape, names))})(?:{ends})")


def sublevel_scope(before: str) -> tuple[str, int]:
    """The 二级指标 category the last part of a sentence names (数量指标共8项 → "@数量"), and where."""
    part_start = max(before.rfind(mark) for mark in "；;。") + 1
    found = None
    for found in _sublevel_pattern().finditer(before, part_start):
        pass
    return ("@" + found.group(1), found.end()) if found else ("", 0)


def indicator_scope(text: str, sentence_start: int, position: int) -> tuple[tuple[str, ...], str, int]:
    """The indicators a count or a 全部达到 at `position` is about: the categories and the kind the
    sentence names before it, and where that naming ends (from the sentence's start). A kind named
    alone keeps the category of the paragraph's earlier sentence: （五）履职类指标14项中……。定性指标3项均达到."""
    before = _without_asides(text[sentence_start:position])
    levels, level_end = level_scope(before)
    kind, kind_end = indicator_kind(before)
    sublevel, sublevel_end = sublevel_scope(before)
    if sublevel and (sublevel_end > level_end
                     or (sublevel_end == level_end and sublevel[1:] not in lexicon.level_names())):
        return (sublevel,), kind, max(sublevel_end, kind_end)  # 产出指标中，数量指标共8项: the 二级 category
    if kind and not levels:
        # ……only when the paragraph before named one category: after 分类看，决策类…；履职类…；满意度指标3项…,
        # 定量指标31项中 counts the whole table's
        named = {tuple(sorted(name for name in lexicon.level_names() if name in found.group(1)))
                 for found in _scope_pattern().finditer(text, 0, sentence_start)}
        levels = next(iter(named)) if len(named) == 1 else ()
    return levels, kind, max(level_end, kind_end)


def _without_asides(text: str) -> str:
    """The text with what brackets closed before its end say blanked out, offsets kept: 绩效指标共40项（定量指标28项、
    定性指标12项），其中36项达到 — 其中 counts the forty, the bracket is an aside (a figure inside a bracket still
    open at the end keeps its scope: 妇幼健康服务（3项指标，2项达标）)."""
    while True:
        blanked = re.sub(r"[（(][^（）()]*[）)]", lambda found: " " * len(found.group()), text)
        if blanked == text:
            return text
        text = blanked


def outside_names(text: str, claims: list[Claim], names: Iterable[str]) -> list[Claim]:
    """The claims that are not part of an indicator's name quoted in the text (净增高新技术企业超600家
    names an indicator; its 超600家 is no figure of the report)."""
    spans = [(found.start(), found.end()) for name in names if name in text
             for found in re.finditer(re.escape(name), text)]  # (a name not in the text compiles no pattern)
    if not spans:
        return claims
    return [claim for claim in claims if not any(start <= claim.start and claim.end <= end for start, end in spans)]


def _status_of_group(text: str) -> str:
    """The status a sentence has set for the counts after it: 未达标的5项中，…… → missed; so does a clause that
    counts them before 其中 (43项指标中有4项未达到目标，其中过程类1项…… → missed: a breakdown of the four, not the
    categories' sizes)."""
    groups = [found.group(1) for found in (re.search(r"([^，,；;。]*\d+项[^，,；;。]*)[，,]\s*其中[^，,；;。]*$", text),
                                            re.search(r"([^，,；;。]*?)的?\d+项(?:指标)?[中里]", text),
                                            # 未达到目标的指标中，履职类4项: the group named without its count
                                            re.search(lexicon.claim_words()["uncounted_group"][0], text)) if found]
    for group in groups:  # the clause before 其中 first: 设置的43项指标中 sets no status, 有4项未达到目标 does
        for status, phrases in lexicon.indicator_counts().items():
            if status != "total" and any(phrase in group for phrase in phrases):
                return status
    return ""


def heading_levels(text: str) -> tuple[str, ...] | None:
    """The categories a heading names ((二)过程类指标 → (过程,); 三、预算执行情况 → ()), or None when
    the text is no heading (a short line without a figure or a full stop)."""
    text = text.strip()
    if len(text) > HEADING_LENGTH or "。" in text or figures_in(LIST_LABEL.sub("", text)):
        return None
    named = "".join(found.group(1) for found in _scope_pattern().finditer(text))  # 过程类指标, not 履职目标
    return tuple(sorted(name for name in lexicon.level_names() if name in named))


AREA_REFERENCE = "~#heading"  # the scope of a count said of “该项”: the area the numbered title above names
# the scope of a count said right after a numbered title run into its paragraph: that area, when it is a task area of
# the tables (1.城镇老旧小区改造……。该方向设置4项指标), else the count's own (（一）总体完成情况。……其中36项……)
TITLE_REFERENCE = "~#title"
TITLED = "~^"  # …the area it names, marked so until it is found among the tables' areas


def area_heading(text: str) -> str:
    """The area a numbered title names (2.造林绿化。 → 造林绿化), or "" when the text is no such title."""
    text = text.strip().strip("*")
    titled = _AREA_TITLE.match(text)
    if titled:
        text = "1." + text[titled.end():]  # 重点任务一：农村公路建设和危桥改造 reads as a numbered title
    if not LIST_LABEL.match(text):
        return ""
    title = LIST_LABEL.sub("", text).strip().lstrip("*").strip()
    head, stop, rest = min((title.partition(mark) for mark in "。：:"), key=lambda parts: len(parts[0]))
    if stop and rest.strip():
        # 1.城镇老旧小区改造和既有住宅加装电梯。该方向设置4项指标……; 1. 退役士兵接收安置：4项指标全部达到目标: a title
        # run into its paragraph
        title = head.strip().strip("*")
    title = title.rstrip("。.：: ")
    if not title or len(title) > HEADING_LENGTH or any(mark in title for mark in "。；;，,") or figures_in(title):
        return ""
    return title


def after_run_in_title(text: str, sentence_start: int) -> bool:
    """The sentence is the first after a numbered title the paragraph opens on (3.土壤、固体废物污染防治和农村环境整治。
    设指标5项，达到4项。), or a later one of its paragraph that opens on a count."""
    title = area_heading(text)
    if not title:
        return False
    start = text.find(title)
    end = start + len(title)
    if 0 <= sentence_start <= start and text[end:end + 1] in ("：", ":"):
        return True  # 1. 退役士兵接收安置：4项指标全部达到目标: the sentence goes on from its title after the colon
    if 0 <= start < sentence_start and not text[end:sentence_start].strip("。.：:* "):
        return True
    # a later sentence of the paragraph that opens on its count sums up the title's part (1.社会效益。一是……。二是……。
    # 2项指标均达到目标。)
    return 0 <= start < sentence_start and opens_on_count(text[sentence_start:sentence_start + 12])


def refers_to_area(text: str) -> bool:
    """该项共5项指标, 该方面: the text speaks of the area named above (not 该项目: that is the project)."""
    return _AREA_REFERENCE.search(text) is not None


def in_area(claims: list[Claim], area: str) -> list[Claim]:
    """Counts said of “该项” under a numbered title: of the area the title names ("" leaves them unscoped); and the
    counts no words scope of a sentence that opens on them (偏差：4项指标中3项达到目标 two paragraphs under
    1．促消费和商贸流通), as of a title run in (resolved among the areas, or left to the heading when it is none)."""
    if not area:
        return claims
    def named(subject: str) -> str:
        return subject.replace(AREA_REFERENCE, "~" + area).replace(TITLE_REFERENCE, TITLED + area)
    scoped = []
    for claim in claims:
        parts = claim.subject.split(":")
        if claim.role == "count" and (len(parts) == 2 or (len(parts) == 4 and not parts[2])) \
                and opens_on_count(claim.sentence):
            key = count_key(parts[1], (TITLE_REFERENCE,), parts[3] if len(parts) == 4 else "")
            claim = replace(claim, subject=key, tokens=frozenset({key}))
        scoped.append(claim)
    return [replace(claim, subject=named(claim.subject), tokens=frozenset({named(claim.subject)}))
            if AREA_REFERENCE in claim.subject or TITLE_REFERENCE in claim.subject else claim for claim in scoped]


_LABEL = re.compile(r"^[^，,。；;：:\d]{1,4}[：:]")  # 偏差：, 完成情况：


def opens_on_count(sentence: str) -> bool:
    """The sentence opens on a count of indicators (4项指标全部达到目标; 偏差：4项指标中3项……; 上述2项指标均达到), after a
    label of a few characters and the words that point back (lexicon/claims.yaml title_summary_leads)."""
    opening = _LABEL.sub("", sentence.strip().lstrip("*# ")).lstrip()
    for word in lexicon.claim_words()["title_summary_leads"]:
        opening = opening.removeprefix(word)
    return re.match(r"\d+\s*项", opening) is not None


def under_heading(claims: list[Claim], levels: tuple[str, ...]) -> list[Claim]:
    """A count the sentence does not scope is about the categories of the heading it stands under:
    （二）过程类指标 … 未达到的3项指标全部集中在预算执行环节 counts 过程 only."""
    if not levels:
        return claims
    whole = tuple(lexicon.claim_words()["whole_count_words"] + lexicon.claim_words()["table_pointer_words"])
    scoped = []
    for claim in claims:
        parts = claim.subject.split(":")
        if claim.role == "count" and (len(parts) == 2 or (len(parts) == 4 and not parts[2])) \
                and not any(word in claim.sentence for word in whole):  # 综合来看，43项三级指标中39项……; ……见表2
            key = count_key(parts[1], levels, parts[3] if len(parts) == 4 else "")
            claim = replace(claim, subject=key, tokens=frozenset({key}))
        scoped.append(claim)
    return scoped


def _through_brackets(text: str, sentence_start: int, end: int, clause: str) -> str:
    """The clause before a figure, reaching over a bracket inside a name (年中调减畜禽良种改良（牛冷配）项目经费18.00万元:
    not 项目经费 alone)."""
    start = end - len(clause)
    if start <= sentence_start or text[start - 1] not in "）)":
        return clause
    opened = max(text.rfind("（", sentence_start, start), text.rfind("(", sentence_start, start))
    return text[_last_break(text, sentence_start, opened):end] if opened >= sentence_start else clause


def _signed(quantity: Quantity, clause: str) -> Quantity:
    """追减3.25万元 states an adjustment of −3.25 万元 (追加追减81.6万元 does not)."""
    if not quantity.is_number or not _claim_pattern("decrease_words").search(clause):
        return quantity  # (what follows only finds a cut among the clause's words)
    words = lexicon.claim_words()
    clause = clause.rstrip()
    if clause.endswith(COORDINATION) and "分别" in clause:
        clause = _before_listed_figures(clause)  # 分别调减12.00万元和10.00万元: both are cuts
    clause = clause.removesuffix("的").rstrip()  # 调减的20.00万元
    decrease = next((word for word in words["decrease_words"] if clause.endswith(word)), "")
    if quantity.is_number and decrease and not clause[:-len(decrease)].endswith(tuple(words["increase_words"])):
        return replace(quantity, value=-quantity.value)
    # 年中调减水资源管理与节约用水经费20.00万元: the cut stands before the line's name, the figure right after it
    cut = max(((clause.rfind(word), word) for word in words["decrease_words"] if word in clause), default=(-1, ""))
    if quantity.is_number and cut[0] >= 0 and lexicon.unit_kinds().get(quantity.unit) == "money":
        named = clause[cut[0] + len(cut[1]):]
        # (和/及 inside one line's name — 殡葬改革及社会事务管理经费 — and 为 too — 气象为农服务经费 — when the name ends
        # as a fund does)
        fund = named.endswith(tuple(words["fund_words"]))
        excluded = r"\d达至、，," if fund else r"\d为是达至和及、，,"
        if named and not named.startswith(("后", "的")) and not re.search(rf"[{excluded}]", named) \
                and not any(word in named for word in words["increase_words"]) \
                and not clause[:cut[0]].endswith(tuple(words["increase_words"])):
            return replace(quantity, value=-quantity.value)
    return quantity


def _before_listed_figures(clause: str) -> str:
    """The clause up to the first of the figures listed at its end (……分别调减12.00万元和 → ……分别调减)."""
    while clause.endswith(COORDINATION):
        clause = clause[:-1].rstrip()
        found = figures_in(clause)
        if not found or found[-1].end != len(clause):
            return clause
        clause = clause[:found[-1].start].rstrip()
    return clause


_POPULATION = re.compile(r"[\u4e00-\u9fff]{1,12}的")


def _population(text: str, quantity: Quantity, clause_start: int, sentence_end: int) -> bool:
    """A figure that opens its clause and qualifies what follows (67座小型水库的“三个责任人”…; 67座小型水库防汛
    “三个责任人”落实率100%: another figure in the clause is its result): the population, not a result."""
    if text[clause_start:quantity.start].strip().strip("".join(lexicon.claim_words()["population_leads"])):
        return False
    rest = text[quantity.end:_next_break(text, quantity.end, sentence_end)]
    return bool(_POPULATION.match(text, quantity.end)) or bool(re.search(r"\d", rest))


@lru_cache(maxsize=1)
def _by_others_pattern() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, lexicon.claim_words()["part_agent_verbs"]))
    return re.compile(rf"由([^，,；;。]{{1,12}}?)(?:{verbs})")


def _by_others(clause: str) -> bool:
    """由乡镇和村集体组织……: the figure is what others did, a part."""
    words = lexicon.claim_words()
    found = _by_others_pattern().search(clause) if "由" in clause else None
    return found is not None and not found.group(1).startswith(tuple(words["self_agents"]))
_YEAR = re.compile(r"(?:19|20)\d\d年(?!度|底|末|初|中)")


@lru_cache(maxsize=8192)
def name_tokens(name: str) -> frozenset[str]:
    """The content words of a name, with synonyms made canonical: what linking compares."""
    import jieba

    lexicon.load_dictionary()
    ignore = _ignored()
    # A year names nothing, and glued to the next word it makes one (2024年区水务局: 年区).
    words = jieba.lcut_for_search(lexicon.canonical_names(_YEAR.sub(" ", name)))
    return frozenset(w for w in words if w.strip() and w not in ignore and not _is_punctuation(w)
                     and not w.isdigit())


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    return frozenset(lexicon.claim_words()["ignore"])


def _is_punctuation(word: str) -> bool:
    return all(not ch.isalnum() for ch in word)
