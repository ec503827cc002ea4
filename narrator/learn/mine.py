"""Learn from prior reports: the phrasing drafting reuses, as data in lexicon/patterns.yaml.

`narrator mine` reads reports (text, DOCX, folders of them), segments their prose
with jieba and narrator's domain dictionary, and collects:

- numeric statements: the frame around each figure (全年举办{对象}{数值}{量词}),
  with its verb, the head of its object, the measure word and the sentence it came from;
- the same frames per 预期目标 / 完成情况 passage;
- for each measure word, the verbs and object heads that go with it (场 ← 举办 会议);
- the sentences of 存在问题 and 改进措施 sections, the unit's self-reference made a
  slot {单位} and years a slot {年度}.

Everything is counted and ranked by frequency, ties in corpus order, so the same
corpus gives the same bytes.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core import lexicon
from ..core.errors import NarratorError, Notice, message
from ..core.output import write_atomically
from ..core.quantity import Quantity, find_quantities
from ..core.resources import load_yaml
from ..sources import kinds
from ..sources.read import read_document

MARKER = "# narrator-mine sha256:"
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
_CLAUSE_BREAK = "，,；;：:（()）！？!?。"
_CHINESE_PUNCTUATION = re.compile(r"[，。；：]")
_ITEM_LABEL = re.compile(r"^\s*(\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]是|[①-⑳])\s*")
_YEAR = re.compile(r"(19|20)\d\d(?=年)")
_FIGURE = "\x00"


def words() -> dict:
    return load_yaml("lexicon", "mining.yaml")


@dataclass
class Statement:
    frame: str
    verb: str
    head: str
    measure: str
    example: str
    source: str
    passage: str = ""
    generic: bool = True  # the frame's literal words hold no noun of their own


@dataclass
class MineResult:
    documents: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentences: int = 0
    figures: int = 0
    recognised: int = 0  # figures that a frame was built around
    unrecognised: list[str] = field(default_factory=list)  # the clauses of the other figures
    statements: list[Statement] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (sentence with slots, source)
    improvements: list[tuple[str, str]] = field(default_factory=list)


    def patterns(self) -> dict:
        """The lexicon file's content: every kind ranked by count, ties in corpus order."""
        return {
            "statements": _ranked_frames(self.statements, ("frame",)),
            "passages": _ranked_frames([s for s in self.statements if s.passage], ("passage", "frame")),
            "measures": _measures(self.statements),
            "problems": _ranked_sentences(self.problems),
            "improvements": _ranked_sentences(self.improvements),
        }


# ---------------------------------------------------------------- corpus

def corpus_files(paths: list[str | Path], warnings: list[str]) -> list[Path]:
    """The files to read: each file given, and every .docx/.txt/.md file under each folder, sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                # In a folder only report files count; other files (inputs, pictures) are not corpus.
                if child.is_file() and not child.name.startswith((".", "~$")) \
                        and child.suffix.lower() in kinds.PROSE:
                    files.append(child)
        elif path.is_file():
            if path.suffix.lower() in kinds.PROSE:
                files.append(path)
            else:
                warnings.append(Notice("mine_skip_suffix", file=path))
        else:
            warnings.append(Notice("mine_skip_missing", file=path))
    return files


def mine(paths: list[str | Path]) -> MineResult:
    """Mine the reports under `paths`; a corpus with no usable prose raises NarratorError."""
    lexicon.load_dictionary()
    result = MineResult()
    for path in corpus_files(paths, result.warnings):
        try:
            document = read_document(path)
        except NarratorError as error:
            result.warnings.append(Notice("mine_skip_unreadable", reason=str(error)))
            continue
        if not any(_CHINESE_PUNCTUATION.search(p.text) for p in document.paragraphs):
            result.warnings.append(Notice("mine_skip_empty", file=path))
            continue
        result.documents.append(str(path))
        _mine_document(document.paragraphs, path.name, result)
    if not result.documents:
        skipped = "\n".join(f"  - {warning}" for warning in result.warnings) or f"  - {message('nothing')}"
        raise NarratorError("mine_nothing", file="、".join(map(str, paths)), skipped=skipped)
    return result


def _mine_document(paragraphs, source: str, result: MineResult) -> None:
    vocabulary = words()
    part = ""  # "", "problems" or "improvements" inside the 存在问题及改进措施 section
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        in_section = any(word in paragraph.section for word in vocabulary["section"])
        if not in_section:
            part = ""
        elif len(text) <= 40 and any(word in text for word in vocabulary["improvements"]):
            part = "improvements"
            continue
        elif len(text) <= 40 and any(word in text for word in vocabulary["problems"]):
            part = "problems"
            continue
        if not _CHINESE_PUNCTUATION.search(text):
            continue  # a heading, a title or a table line copied as text
        for label, piece in _passages(text, vocabulary["passage_labels"]):
            for sentence in _sentences(piece):
                result.sentences += 1
                _statements(sentence, source, label, result)
                if part:
                    slotted = _slotted(sentence, vocabulary["self_reference"])
                    if slotted:
                        getattr(result, part).append((slotted, source))


def _passages(text: str, labels: list[str]) -> list[tuple[str, str]]:
    """The paragraph cut at 预期目标：/ 完成情况：, each piece with its label ("" before any)."""
    pattern = re.compile("(" + "|".join(map(re.escape, labels)) + r")\s*[：:]")
    pieces, label, start = [], "", 0
    for match in pattern.finditer(text):
        pieces.append((label, text[start:match.start()]))
        label, start = match.group(1), match.end()
    pieces.append((label, text[start:]))
    return [(label, piece) for label, piece in pieces if piece.strip()]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _slotted(sentence: str, self_words: list[str]) -> str:
    """A problem or measure sentence with its list label dropped, the unit's self-reference
    made {单位} and years {年度}; figures make it unit-specific, so those are left out."""
    sentence = _ITEM_LABEL.sub("", sentence).strip()
    if len(sentence) < 8 or find_quantities(sentence):
        return ""
    for word in sorted(self_words, key=len, reverse=True):
        sentence = sentence.replace(word, "{单位}")
    return _YEAR.sub("{年度}", sentence)


# ---------------------------------------------------------------- frames

def _statements(sentence: str, source: str, passage: str, result: MineResult) -> None:
    figures = [q for q in find_quantities(sentence) if q.unit]
    result.figures += len(figures)
    previous: tuple[Statement, int] | None = None  # the last frame of this sentence and where its clause starts
    for figure in figures:
        start = max(sentence.rfind(mark, 0, figure.start) for mark in _CLAUSE_BREAK) + 1
        ends = [sentence.find(mark, figure.end) for mark in _CLAUSE_BREAK]
        end = min([e for e in ends if e >= 0], default=len(sentence))
        for other in figures:
            enumeration = sentence.find("、", figure.end, other.start)
            if other.start >= figure.end and other.end <= end and enumeration >= 0:
                end = enumeration
        for other in figures:  # “入网仪器58200台套、原值420亿元”: a figure and 、 end a clause too
            if start <= other.start and other.end <= figure.start:
                start = other.end + (sentence[other.end:other.end + 1] == "、")
        label = _ITEM_LABEL.match(sentence[start:figure.start])
        start += label.end() if label else 0
        clause_figures = [q for q in figures if start <= q.start and q.end <= end]
        statement = _frame(sentence, start, end, clause_figures, figure, source, passage)
        if statement is not None:
            result.statements.append(statement)
            result.recognised += 1
            previous = (statement, start)
            continue
        continuation = _continuation(sentence, start, figure) if previous else ""
        if continuation and previous[1] < start:
            statement, clause_start = previous
            statement.frame += "，" + continuation
            statement.example = sentence[clause_start:end]
            result.recognised += 1
        else:
            result.unrecognised.append(sentence[start:end])


def _tokens(text: str, figures: list[Quantity], offset: int) -> list[tuple[str, str]]:
    """jieba words with flags; each figure one token (_FIGURE, its index)."""
    import jieba.posseg

    tokens: list[tuple[str, str]] = []
    position = offset
    for index, figure in enumerate(figures):
        tokens += [(p.word, p.flag) for p in jieba.posseg.lcut(text[position - offset:figure.start - offset])]
        tokens.append((_FIGURE, str(index)))
        position = figure.end
    tokens += [(p.word, p.flag) for p in jieba.posseg.lcut(text[position - offset:])]
    return [token for token in tokens if token[0].strip()]


def _frame(sentence: str, start: int, end: int, figures: list[Quantity], figure: Quantity,
           source: str, passage: str) -> Statement | None:
    vocabulary = words()
    nouns, verbs = set(vocabulary["noun_flags"]), set(vocabulary["verb_flags"])
    tokens = _tokens(sentence[start:end], figures, start)
    at = tokens.index((_FIGURE, str(figures.index(figure))))

    def is_noun(token):
        return token[0] != _FIGURE and token[1] in nouns and token[0] != "、"

    def content(span):
        return any(t[1].startswith("n") or t[1] in ("vn", "j", "eng") for t in span)

    slot = _slot(figure)
    back = at
    while back > 0 and is_noun(tokens[back - 1]):
        back -= 1
    before = tokens[back:at]
    after_end = next((k for k in range(at + 1, len(tokens)) if tokens[k][0] in (_FIGURE, "、")), len(tokens))
    after = tokens[at + 1:after_end]
    if content(before):
        literal, obj, tail = tokens[:back], before, []
        frame = _text(literal) + "{对象}" + slot
    elif after and content(after) and all(is_noun(t) for t in after):
        literal, obj, tail = tokens[:at], after, []
        frame = _text(literal) + slot + "{对象}"
    elif back == at and at > 0 and tokens[at - 1][1] in verbs:
        verb_at = at - 1
        first = verb_at
        while first > 0 and is_noun(tokens[first - 1]):
            first -= 1
        obj = tokens[first:verb_at]
        if not content(obj):
            return None
        literal, tail = tokens[:first], [tokens[verb_at]]
        frame = _text(literal) + "{对象}" + tokens[verb_at][0] + slot
    else:
        return None
    if any(t[0] == _FIGURE for t in literal):
        return None
    verb = next((t[0] for t in reversed(literal + tail) if t[1] in verbs), "")
    head = next((t[0] for t in reversed(obj) if t[1].startswith("n") or t[1] in ("vn", "j", "eng")), "")
    generic = not any(t[1].startswith("n") for t in literal)
    return Statement(frame, verb, head, figure.unit, sentence[start:end], source, passage, generic)


def _continuation(sentence: str, start: int, figure: Quantity) -> str:
    """“同比增长{比率}”: a clause with a figure and no object of its own continues the one before."""
    words_before = sentence[start:figure.start].strip()
    if not words_before or len(words_before) > 8 or find_quantities(words_before):
        return ""
    return words_before + _slot(figure)


def _slot(figure: Quantity) -> str:
    kind = lexicon.unit_kinds().get(figure.unit, "other")
    slot = words()["slots"].get(kind, words()["slots"]["other"])
    if figure.approximation:
        position = lexicon.approximation_position(figure.approximation)
        slot = figure.approximation + slot if position != "after" else slot + figure.approximation
    return slot


def _text(tokens: list[tuple[str, str]]) -> str:
    return "".join(token[0] for token in tokens)


# ---------------------------------------------------------------- ranking

def _ranked_frames(statements: list[Statement], key_fields: tuple[str, ...]) -> list[dict]:
    counts: Counter = Counter()
    first: dict = {}
    for statement in statements:
        key = tuple(getattr(statement, name) for name in key_fields)
        counts[key] += 1
        first.setdefault(key, statement)
    order = {key: index for index, key in enumerate(first)}
    ranked = sorted(counts, key=lambda key: (-counts[key], order[key]))
    entries = []
    for key in ranked:
        statement = first[key]
        entry = {"passage": statement.passage} if "passage" in key_fields else {}
        entry.update({"frame": statement.frame, "verb": statement.verb, "head": statement.head,
                      "measure": statement.measure, "count": counts[key], "generic": statement.generic,
                      "example": statement.example, "source": statement.source})
        entries.append(entry)
    return entries


def _measures(statements: list[Statement]) -> dict:
    verbs: dict[str, Counter] = {}
    heads: dict[str, Counter] = {}
    for statement in statements:
        if statement.verb:
            verbs.setdefault(statement.measure, Counter())[statement.verb] += 1
        if statement.head:
            heads.setdefault(statement.measure, Counter())[statement.head] += 1
    seen = list(dict.fromkeys(statement.measure for statement in statements if statement.measure in verbs or
                              statement.measure in heads))
    total = {m: sum(verbs.get(m, Counter()).values()) + sum(heads.get(m, Counter()).values()) for m in seen}
    measures = {}
    for measure in sorted(seen, key=lambda m: (-total[m], seen.index(m))):
        measures[measure] = {"verbs": _ranked_counter(verbs.get(measure, Counter())),
                             "heads": _ranked_counter(heads.get(measure, Counter()))}
    return measures


def _ranked_counter(counter: Counter) -> dict[str, int]:
    order = {word: index for index, word in enumerate(counter)}
    return {word: counter[word] for word in sorted(counter, key=lambda w: (-counter[w], order[w]))}


def _ranked_sentences(sentences: list[tuple[str, str]]) -> list[dict]:
    counts = Counter(sentence for sentence, _ in sentences)
    sources: dict[str, str] = {}
    for sentence, source in sentences:
        sources.setdefault(sentence, source)
    order = {sentence: index for index, sentence in enumerate(sources)}
    ranked = sorted(counts, key=lambda s: (-counts[s], order[s]))
    return [{"sentence": s, "slots": re.findall(r"\{(.+?)\}", s), "count": counts[s], "source": sources[s]}
            for s in ranked]


# ---------------------------------------------------------------- the lexicon file

def render(result: MineResult) -> str:
    """patterns.yaml: a header naming the corpus, a checksum of the body, the body."""
    body = yaml.dump(result.patterns(), allow_unicode=True, sort_keys=False, width=1000)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    header = [message("mine_header", documents=len(result.documents)),
              message("mine_header_edit"),
              f"{MARKER} {digest}"]
    return "\n".join(f"# {line}" if not line.startswith("#") else line for line in header) + "\n" + body


def hand_edited(path: Path) -> bool:
    """Whether `path` is not an untouched narrator mine output (so -o must not replace it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return True
    lines = text.split("\n")
    marker = next((line for line in lines[:5] if line.startswith(MARKER)), None)
    if marker is None:
        return True
    body = "\n".join(lines[lines.index(marker) + 1:])
    return hashlib.sha256(body.encode("utf-8")).hexdigest() != marker.removeprefix(MARKER).strip()


def write_patterns(result: MineResult, path: str | Path, force: bool = False) -> Path:
    path = Path(path)
    if path.exists() and not force and hand_edited(path):
        raise NarratorError("mine_hand_edited", file=path)
    text = render(result)
    return write_atomically(path, lambda temporary: temporary.write_text(text, encoding="utf-8"), force=True,
                            inputs=result.documents)
