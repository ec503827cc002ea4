"""Tables whose cells ran together when copied from a web page: one table row a line, nothing between
the cells — “预算执行率10%=100”, “年度资金总额820.00860.00816.101094.90%9.49”, “109受灌溉期停水……”.

A header is found by its column words (lexicon: the form's, the report tables' and layout.yaml's
`glued` words), and each cell's column gets a kind: a level name, a name, a direction (正向, ≥), a unit,
a value (≥35公里), a bare figure (分值, 得分), an amount, a rate, or free text. A row is then cut so that
each piece fits its column (dynamic programming over the places a cell may end: where a figure begins
or ends, at a level or unit word, and between any two digits, since 分值 10 and 得分 9 run together as
“109”). Every cut that scores best is kept; when several give different figures (“510”: 5 and 10, or
51 and 0), the table's 分值 must add up to its 总分 to choose; a table with a row still in doubt is
left as it was and reported unread — a figure is never guessed. Labels above the table (项目名称……,
主管部门……实施单位……) are cut at their label words. The lines come back with tabs between the cells
and the merged cells (a level on the group's first row only) blank, so the tab reader reads them.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import product

from ..core import lexicon
from ..core.quantity import normalize_width, round_half_up
from ..core.resources import load_yaml
from . import cells, streams

# The kind of each column role (the roles of project_form.yaml and columns.yaml); others hold text.
_KINDS = {"level1": "level1", "level2": "level2", "name": "name", "duty": "name", "direction": "direction",
          "nature": "nature", "value_type": "tag", "unit": "unit", "target": "value", "completion": "value",
          "half_year_target": "value", "deviation": "value", "weight": "number", "score": "number",
          "initial": "money", "budget": "money", "adjusted": "money", "actual": "money", "adjustment": "money",
          "rate": "rate"}
_FIGURES = {"number", "money", "rate", "value"}  # the kinds whose cells are checked: their cut must be sure
_MAX_CELL = {"level1": 16, "level2": 16, "name": 60, "direction": 4, "nature": 4, "tag": 4, "unit": 8,
             "value": 30, "number": 8, "money": 16, "rate": 10}
_TIES = 6  # parses kept per state when several score alike
_MAX_COMBINATIONS = 256
_COUNTED_START = re.compile(r"\d{1,2}(?!部分)([^\d.%,，])\w{4,}")  # 2处隐患路段因汛期……, never 8部分山区……
_DATE_INSIDE = re.compile(r"\D(19|20)\d\d年(?!度)")
_MIN_HEADER = 3
_LABELS_ABOVE = 25  # lines above a glued table where its form's labels are looked for
_NUMBER = re.compile(r"(0|[1-9]\d*)(\.\d+)?")
_MONEY = re.compile(r"-?(0|[1-9]\d{0,2}(,\d{3})+|[1-9]\d*)(\.\d+)?")  # -21.9: a decrease
_RATE = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?%")
_DASH = re.compile(r"[—–\-/]|——|--")
_PROSE = re.compile(r"[，。；;]")
_BRACKETED = re.compile(r"[(（][^()（）]{0,8}[)）]")
_WORD_START = re.compile(r"[\u4e00-\u9fffA-Za-z\d“\"《]")
_NUMBERED = re.compile(r"(\d{1,2}[.、．]|[(（]\d{1,2}[)）])[\u4e00-\u9fff]")
_BARE_VALUE = re.compile(r"[≥≤<>=≧≦＝]?(0|[1-9]\d*)(\.\d+)?")  # a target or completion whose unit has a column
_TRAILING_ZERO = re.compile(r"\.\d{2,}0$")  # 66.210: a third decimal of 0 is written by no one
_DATE = re.compile(r"\d{4}年(\d{1,2}月(\d{1,2}日)?)?(底前|底|前|以前|之前)?")


@lru_cache(maxsize=1)
def _words() -> dict:
    form = load_yaml("lexicon", "project_form.yaml")
    glued = lexicon.column_kinds()["glued"]
    columns = dict(streams.column_words())
    for table in lexicon.column_words().values():
        for role, names in table.items():
            columns.setdefault(role, tuple(names))
    header = {normalize_width(str(word)) for names in columns.values() for word in names}
    header |= {normalize_width(str(word)) for word in glued["header_words"]}
    header |= {normalize_width(str(word)) for word in form["goal"]["expected"]}
    header |= {normalize_width(str(word)) for word in form["funding"]["labels"]}
    levels = lexicon.target_table_words()
    labels = {str(word) for group in form["labels"].values() for word in group}
    labels |= {str(word) for word in form["goal"]["labels"]} | {str(word) for word in form["stream"]["labels"]}
    labels |= {str(word) for word in form["goal"]["expected"]}
    labels |= set(levels["fields"]) | {str(word) for word in glued["labels"]}
    # 年度资金总额12000.00 / 其中：财政拨款11200.00: a target form's 资金 lines, a name and its amount
    labels |= {prefix + str(word) for key in ("total", "parts") for word in form["funding"][key]
               for prefix in ("", *map(str, form["funding"]["part_prefix"]))}
    labels = {normalize_width(word) for word in labels if len(word) >= 2}
    totals = {normalize_width(str(word)).replace(" ", "") for word in form["stream"]["totals"]}
    level2 = levels["level2"] | {str(word) for word in glued["level2"]}
    tags = {str(word) for word in form["target_cells"]["tags"]}
    directions = {str(word) for word in form["target_cells"]["directions"]}
    comparators = set(lexicon.comparators())
    units = set(lexicon.unit_kinds()) | {"%"}
    funding = {str(word) for key in ("total", "parts") for word in form["funding"][key]}
    funding_total = {normalize_width(str(word)) for word in form["funding"]["total"]}
    long_units = {unit for unit in units if len(unit) >= 2 or unit == "%"}  # 部, 个 inside a name are no cut
    anchors = levels["level1"] | level2 | tags | directions | comparators | long_units | funding | labels | totals
    scales = "".join(map(str, glued["scales"]))
    return {"columns": columns, "header": _alternation(header), "labels": _alternation(labels),
            "label_set": labels, "long_units": tuple(sorted(long_units - {"%"}, key=len, reverse=True)), "totals": totals, "level1": levels["level1"], "level2": level2, "tags": tags,
            "directions": directions, "comparators": comparators, "units": units,
            "anchors": _alternation({normalize_width(word) for word in anchors if word}),
            "goal_labels": {normalize_width(str(word)) for word in form["goal"]["labels"]},
            "goal_expected": {normalize_width(str(word)) for word in form["goal"]["expected"]},
            "joining": tuple(map(str, glued["joining"])), "funding_total": funding_total, "scales": scales, "value": _value_pattern(comparators, units, scales)}


def _alternation(words: set[str]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(words, key=lambda word: (-len(word), word)))))


def _value_pattern(comparators: set[str], units: set[str], scales: str) -> re.Pattern:
    """A target or completion: a comparator, a figure and a unit (≥35公里, =100%, 22.5万元)."""
    before = "|".join(map(re.escape, sorted(comparators, key=len, reverse=True)))
    after = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    unit = rf"[{scales}]?(?:{after})(?:[（(][^()（）]{{1,3}}[)）])?"  # 台（套）
    # 60万元/公里, 8760元/人·年, -3.2%
    return re.compile(rf"(?:{before})?-?(?:0|[1-9][\d,]*)(?:\.\d+)?(?:{unit}(?:/{unit}(?:[·・]{unit})?)?)?")


@dataclass
class Header:
    cells: list[str]
    roles: list[str]
    kinds: list[str]


# ---------------------------------------------------------------- entry

def unglue(lines: list[str]) -> list[str]:
    """The lines, with each glued table's lines cut into tab-separated cells; other lines as they were."""
    out = list(lines)
    index = 0
    while index < len(lines):
        header = _header(lines[index])
        if header is None:
            index += 1
            continue
        end = _block(lines, index, header, out)
        index = max(end, index + 1)
    return out


def _glued(line: str) -> bool:
    return bool(line.strip()) and "\t" not in line and "|" not in line and "  " not in line.strip()


# ---------------------------------------------------------------- headers and labels

def _header(line: str) -> Header | None:
    """A glued header: the line is its column words one after another (a word's own suffix, such as
    （万元）, stays with it), three named columns or more, one of them a key column."""
    if not _glued(line) or _PROSE.search(line) or " " in line.strip():
        return None  # 一级指标 二级指标 …: spaces between the column words, a table the loose reader reads
    text = normalize_width(line.strip())
    words = _words()
    found = list(words["header"].finditer(text))
    # 决算数比预算数增减（%）: two column words joined by 比 or 较 name one column, a comparison
    matches: list[tuple[int, int]] = []
    for match in found:
        if matches and text[matches[-1][1]:match.start()] in words["joining"]:
            matches[-1] = (matches[-1][0], match.end())
        else:
            matches.append((match.start(), match.end()))
    if len(matches) < _MIN_HEADER:
        return None
    starts = [start for start, _ in matches]
    if starts[0] > 0 and _role(text[matches[0][0]:matches[0][1]], []):
        starts.insert(0, 0)  # 资金情况（万元） before 全年预算数: a caption of its own
    starts[0] = 0  # 年度绩效指标: one caption
    bounds = list(zip(starts, starts[1:] + [len(text)]))
    pieces = [line.strip()[start:end] for start, end in bounds]
    # What no column word covers, beyond notes in brackets (（A）, （万元）), is little.
    residue = len(_BRACKETED.sub("", text)) - sum(end - start for start, end in matches)
    if residue > max(6, len(text) // 4):
        return None
    roles: list[str] = []
    for piece in pieces:
        role = _role(piece, roles)
        roles.append(role)
    named = [role for role in roles if role]
    if len(named) < _MIN_HEADER or not set(named) & streams.key_roles():
        return None
    kinds = [_KINDS.get(role, "text") for role in roles]
    if not roles[0]:
        # 绩效指标 over 一级指标 …: a caption the rows leave blank; 项目资金（万元） over 年初预算数 …: the rows' names.
        kinds[0] = "caption" if len(roles) > 1 and roles[1] in ("level1", "level2", "name") else "name"
    return Header(pieces, roles, kinds)


def _role(piece: str, taken: list[str]) -> str:
    plain = normalize_width(piece).replace(" ", "")
    for role, names in _words()["columns"].items():
        if role not in taken and any(normalize_width(name) in plain for name in names):
            return role
    return ""


def _label_cells(line: str) -> list[str] | None:
    """项目名称XX / 主管部门XX实施单位YY: the line cut at its label words, when it begins with one."""
    if not _glued(line):
        return None
    text = normalize_width(line.strip())
    matches = [match for match in _words()["labels"].finditer(text)]
    if not matches or matches[0].start() != 0:
        return None
    source = line.strip()
    pieces: list[str] = []
    for number, match in enumerate(matches):
        pieces.append(source[match.start():match.end()])
        end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        value = source[match.end():end].strip(" \u3000:：")
        if value and _BRACKETED.fullmatch(value) and len(pieces) % 2 == 1:
            pieces[-1] += value  # 项目资金（万元）: the unit belongs to the label
        elif value:
            pieces.append(value)
    return pieces


# ---------------------------------------------------------------- a table

def _block(lines: list[str], index: int, header: Header, out: list[str]) -> int:
    """Cut the table whose header is at `index` (and its labels above it); returns the index after it."""
    rows: list[tuple[int, Header, list[list[str]]]] = []
    written: dict[int, list[str]] = {}
    # The form's labels above its table (项目名称……, 部门（单位）名称……), perhaps with other parts between.
    goal_row = False
    for number in range(max(0, index - _LABELS_ABOVE), index):
        labels = _label_cells(lines[number])
        if goal_row and labels is None and _glued(lines[number]) and out[number] == lines[number]:
            written[number] = [goal_label, lines[number].strip(), ""]  # the goal under 年度总体目标 | 预期目标 | …
        elif labels is not None and out[number] == lines[number]:
            written[number] = labels
        goal_row = labels is not None and normalize_width(labels[0]) in _words()["goal_labels"]
        goal_label = labels[0] if goal_row else ""
    current: Header | None = None
    goal_next = False
    labels_above = ""
    weighted_levels: bool | None = None
    number = index
    while number < len(lines):
        line = lines[number]
        if not line.strip():
            following = next((k for k in range(number + 1, min(number + 3, len(lines))) if lines[k].strip()), None)
            if following is None or not _continues(lines[following], current):
                break
            number += 1
            continue
        found = _header(line)
        if found is not None:
            current, goal_next = found, False
            written[number] = found.cells
            number += 1
            continue
        if not _glued(line) or streams.closing_line(line):
            break
        parses = (_total(line) or _row(line, current, weighted_levels)) if current is not None and not goal_next else []
        labels = _label_cells(line) if not parses else None
        if labels is not None:
            written[number] = labels
            goal_next = normalize_width(labels[0]) in _words()["goal_labels"] and any(
                normalize_width(piece) in _words()["goal_expected"] for piece in labels[1:])
            labels_above = labels[0]
            number += 1
            continue
        if goal_next:
            # 预期目标 and 实际完成情况 run together: not cut; the label repeated as a merged cell reads
            written[number] = [labels_above, line.strip(), ""]
            goal_next = False
            number += 1
            continue
        if not parses:
            break
        if not any(text.strip() for text in lines[number + 1:]) and not _is_total_cells(parses[0]):
            break  # the copy may stop inside its last row (57.3 of 57.3万元/公里 | 5 | 5): not read
        if weighted_levels is None:
            first = next((cells[i] for cells in parses[:1] for i, kind in enumerate(current.kinds)
                          if kind == "level1" and cells[i]), "")
            if first:
                weighted_levels = bool(streams.WEIGHTED.search(normalize_width(first)))
        rows.append((number, current, parses))
        number += 1
    if not rows:
        return index + 1
    chosen = _resolve(rows)
    if chosen is None:
        return number  # a row in doubt: the table stays as it was copied, unread
    for (row, header_, _), cells_ in zip(rows, chosen):
        # 总分 | 100 | 98.49: its figures under 分值 and 得分, as wide as its header
        written[row] = _total_placed(cells_, header_) if _is_total_cells(cells_) else cells_
    for row, cells_ in written.items():
        width = max(len(cells_), 3)
        out[row] = "\t".join(cells_ + [""] * (width - len(cells_)))
    return number


def _total_placed(cells_: list[str], header: Header) -> list[str]:
    """总分 | 100 | 98.49 under its header: the 分值 under 分值 and the 得分 under 得分 (a 评分标准 may stand
    between them); one figure alone under 分值."""
    roles = header.roles
    if "weight" not in roles or len(cells_) > 3:
        return streams.total_row(cells_, roles)
    placed = [cells_[0]] + [""] * (len(roles) - 1)
    placed[roles.index("weight")] = cells_[1]
    if len(cells_) == 3:
        if "score" not in roles:
            return streams.total_row(cells_, roles)
        placed[roles.index("score")] = cells_[2]
    return placed


def _continues(line: str, current: Header | None) -> bool:
    return _header(line) is not None or (current is not None and bool(_total(line) or _row(line, current, None)))


def _resolve(rows: list[tuple[int, Header, list[list[str]]]]) -> list[list[str]] | None:
    """One parse per row: the only one; else, among a row's parses, those whose 得分 is within its 分值 (a cut
    that makes a score exceed its weight is the less likely reading of the same text), and the only
    combination whose 分值 and 得分 add up to the 总分 row's. A row still in doubt: None."""
    options = []
    for _, header, parses in rows:
        within = [cells_ for cells_ in parses if _within(cells_, header)]
        options.append(within if len(parses) > 1 and within else parses)
    totals = next((parses[0] for parses in options if len(parses) == 1 and _is_total_cells(parses[0])), None)
    # 年度资金总额 read one way only: its parts' amounts add up to its own, column by column
    funding = next(((header, parses[0]) for (_, header, _), parses in zip(rows, options)
                    if len(parses) == 1 and _is_funding_total(parses[0])), None)
    count = 1
    for parses in options:
        count *= len(parses)
    if count == 1 and totals is None:
        return [parses[0] for parses in options]
    if (totals is None and funding is None) or count > _MAX_COMBINATIONS:
        return None
    wanted = [_figure(cell) for cell in totals[1:3]] + [None] * (3 - len(totals)) if totals else [None, None]
    measures = ["weight", "score"]
    if funding is not None:
        amounts = [role for role in ("initial", "budget", "actual") if role in funding[0].roles]
        measures += amounts
        wanted += [_money(funding[1][funding[0].roles.index(role)]) for role in amounts]
    summed: dict[tuple[int, ...], list[Decimal]] = {}
    for combination in product(*[range(len(parses)) for parses in options]):
        sums = [Decimal(0)] * len(measures)
        for (_, header, _), parses, choice in zip(rows, options, combination):
            cells_ = parses[choice]
            if _is_total_cells(cells_) or _is_funding_total(cells_):
                continue
            for role, cell in zip(header.roles, cells_):
                if role in ("weight", "score"):
                    value = _figure(cell)
                elif role in measures and funding is not None and header is funding[0]:
                    value = _money(cell)
                else:
                    continue
                if value is not None:
                    sums[measures.index(role)] += value
        if funding is not None and "weight" in funding[0].roles:  # the 年度资金总额's own 分值 and 得分
            for role in ("weight", "score"):
                value = _figure(funding[1][funding[0].roles.index(role)]) if role in funding[0].roles else None
                sums[measures.index(role)] += value or Decimal(0)
        summed[combination] = sums
    fitting = list(summed)
    for column in range(len(measures)):
        # A total decides only where the cuts left give different sums: a sum they all share stays a sum to check
        # (once the 分值 have chosen the cuts, a 得分 total that differs is the form's error, not the reading's).
        if len({summed[combination][column] for combination in fitting}) > 1:
            if wanted[column] is None:
                return None
            fitting = [combination for combination in fitting if summed[combination][column] == wanted[column]]
    # Cuts that differ only in where a dash stands (— | | — or — | — |) say the same: nothing in those cells.
    alike = {tuple(tuple("" if _DASH.fullmatch(cell.strip()) else cell for cell in parses[choice])
                   for parses, choice in zip(options, combination)) for combination in fitting}
    if len(alike) != 1:
        return None
    # The 总分 row confirms the reading: the 分值 read add up to its 分值, or the 得分 to its 得分 (one figure
    # may be the form's error; both off, a cell was cut wrong or a row missed, and nothing is read).
    sums = summed[fitting[0]]
    if None not in wanted[:2] and sums[0] != wanted[0] and \
            round_half_up(sums[1], _places(totals[2])) != wanted[1]:
        return None
    return [parses[choice] for parses, choice in zip(options, fitting[0])]


def _places(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _within(cells_: list[str], header: Header) -> bool:
    """Is each 得分 of the row at most its 分值?"""
    figures = {role: _figure(cell) for role, cell in zip(header.roles, cells_) if role in ("weight", "score")}
    weight, score = figures.get("weight"), figures.get("score")
    return weight is None or score is None or score <= weight


def _figure(text: str) -> Decimal | None:
    return Decimal(text) if _NUMBER.fullmatch(text) else None


def _money(text: str) -> Decimal | None:
    plain = normalize_width(text).strip()
    return Decimal(plain.replace(",", "")) if _MONEY.fullmatch(plain) else None


def _is_funding_total(cells_: list[str]) -> bool:
    return bool(cells_) and any(word in normalize_width(cells_[0]) for word in _words()["funding_total"])


def _is_total_cells(cells_: list[str]) -> bool:
    return bool(cells_) and normalize_width(cells_[0]).replace(" ", "") in _words()["totals"]


# ---------------------------------------------------------------- rows

def _total(line: str) -> list[list[str]]:
    """总分10098.49: the label, then the 分值 and 得分 (each at most 100, or one figure alone)."""
    text = normalize_width(line.strip())
    label = next((word for word in sorted(_words()["totals"], key=len, reverse=True) if text.startswith(word)), None)
    if label is None:
        return []
    rest = text[len(label):]
    if not rest or not rest[0].isdigit():
        return []
    figures = re.fullmatch(r"[\d.]+", rest)
    if figures is None:
        return []
    found = [[label, rest]] if _NUMBER.fullmatch(rest) and Decimal(rest) <= 100 else []
    for cut in range(1, len(rest)):
        first, second = rest[:cut], rest[cut:]
        if _NUMBER.fullmatch(first) and _NUMBER.fullmatch(second) and Decimal(first) <= 100 \
                and Decimal(second) <= Decimal(first):
            found.append([label, first, second])
    pairs = [cells_ for cells_ in found if len(cells_) == 3]
    return pairs if pairs else found


def _ends(text: str) -> list[int]:
    """Where a cell may end: where the kind of character changes, at the edges of level, unit and
    label words, after a sentence's stop, and between any two digits."""
    ends = {len(text)}
    classes = [_class(char) for char in text]
    for position in range(1, len(text)):
        left, right = classes[position - 1], classes[position]
        if left != right or left in ("digit", "dash"):
            ends.add(position)  # 109: 10 | 9; ———: three empty columns, each a dash
    anchors = _words()["anchors"]
    for position in range(len(text)):
        match = anchors.match(text, position)
        if match:
            ends.add(match.start())
            ends.add(match.end())
    ends.discard(0)
    return sorted(ends)


def _unit_starts(text: str) -> list[int]:
    """Where a unit may begin that ends a run of words just before a figure or a comparator (投放点个≥120)."""
    starts = []
    for position in range(1, len(text)):
        if _class(text[position - 1]) != "text" or _class(text[position]) not in ("digit", "comparator"):
            continue
        for length in (1, 2, 3):
            start = position - length
            if start > 0 and _class(text[start - 1]) == "text" and cells.is_unit(text[start:position]):
                starts.append(start)
    return starts


def _class(char: str) -> str:
    if char.isdigit():
        return "digit"
    if char in ".,":
        return "point"
    if char == "%":
        return "percent"
    if char in "≥≤<>=≧≦＝~～":
        return "comparator"
    if char in "—–-/":
        return "dash"
    if char in "，。；：、,;:()（）“”":
        return "mark"
    return "text"


def _joinable(text: str, position: int) -> bool:
    """May a cell end at `position`? Not inside a figure's decimals."""
    if position in (0, len(text)):
        return True
    left, right = text[position - 1], text[position]
    if right == "." and left.isdigit():
        return False
    if left == "." and right.isdigit():
        return False
    if left in "-−" and right.isdigit() and position >= 2 and (text[position - 2].isdigit() or text[position - 2] == "%"):
        return False  # 19.37-21.9: the sign of the next figure
    if left == "," and right.isdigit() and position >= 2 and text[position - 2].isdigit():
        return False
    return True


def _row(line: str, header: Header, weighted_levels: bool | None) -> list[list[str]]:
    """The best cuts of a row under its header, each as many cells as the header (blanks where a merged
    or empty cell is); [] when the line does not read as a row of it."""
    if not _glued(line) or _header(line) is not None:
        return []
    source = line.strip()
    text = normalize_width(source)
    width = len(header.kinds)
    unit_column = "unit" in header.kinds
    ends = [position for position in _ends(text) if _joinable(text, position)]
    if unit_column:  # 新增分类投放点个≥120: a one-character unit between its name and its value
        ends = sorted(set(ends) | set(_unit_starts(text)))
    points = [0] + ends
    ties = _TIES * 4 if unit_column else _TIES  # bare figures cut between any two digits: more cuts score alike
    worst = float("-inf")
    # best[j][p]: (score, parses) for the first j columns covering text[:points[p]]
    best: list[list[tuple[float, list[tuple[int, ...]]]]] = [[(worst, [])] * len(points) for _ in range(width + 1)]
    best[0][0] = (0.0, [()])
    for column in range(width):
        kind = header.kinds[column]
        for p, start in enumerate(points):
            score, parses = best[column][p]
            if score == worst:
                continue
            blank = _blank(kind, start == 0, start == len(text))
            if blank is not None:
                _keep(best[column + 1], p, score + blank, [parse + (p,) for parse in parses], ties)
            for q in range(p + 1, len(points)):
                end = points[q]
                if end - start > _MAX_CELL.get(kind, 400):
                    break
                gain = _gain(kind, text, start, end, weighted_levels, unit_column)
                if gain is not None:
                    _keep(best[column + 1], q, score + gain, [parse + (q,) for parse in parses], ties)
    score, parses = best[width][len(points) - 1]
    if score == worst or score <= 0:
        return []
    rows: list[list[str]] = []
    seen: set[tuple] = set()
    levels = [k for k, kind in enumerate(header.kinds) if kind in ("level1", "level2")]
    cut = [[source[bounds[k]:bounds[k + 1]] for k in range(width)]
           for bounds in ([0, *[points[p] for p in parse]] for parse in parses)]
    # Cuts alike in their figures that differ in levels: the one with fewer level cells (a merged level is
    # blank below its first row; 住院患者满意度 under 满意度指标 is a name, not 满意度 and a name).
    cut.sort(key=lambda cells_: sum(bool(cells_[k]) for k in levels))
    for cells_ in cut:
        if sum(bool(cell.strip()) for cell in cells_) < 2:
            continue
        key = tuple(("—" if _DASH.fullmatch(cell.strip()) else cell) if header.kinds[k] in _FIGURES else ""
                    for k, cell in enumerate(cells_))
        if key not in seen:
            seen.add(key)
            rows.append(cells_)
    return _nearest_values(rows, header) if unit_column and len(rows) > 1 else rows


def _nearest_values(rows: list[list[str]], header: Header) -> list[list[str]]:
    """Under a 计量单位 column a target and its completion are bare figures that run together with each other and
    with the 分值 (≥4546.81515: ≥45 | 46.8 | 15 | 15, or ≥4 | 546.8 …, or ≥45 | 46.81 | 51 | 5). Of the cuts: none
    that writes a figure as no one does (66.210: 66.2 and a 分值 of 10), then the target, and then the completion,
    nearest the other in size, each when every other is at least twice as far apart; else all are kept (where
    the completion ends and the 分值 begins is then left to the 分值, the 得分 and their totals)."""
    if "target" not in header.roles or "completion" not in header.roles:
        return rows
    target, completion = header.roles.index("target"), header.roles.index("completion")
    values = []
    for cells_ in rows:
        found = [_BARE_VALUE.fullmatch(normalize_width(cells_[k]).strip()) for k in (target, completion)]
        if None in found:
            return rows  # a value with its words or unit: nothing to weigh
        values.append([Decimal(match.group(0).lstrip("≥≤<>=≧≦＝")) for match in found])
    written = [index for index, pair in enumerate(values)
               if not any(_TRAILING_ZERO.search(cell) for cell in (rows[index][target], rows[index][completion]))]
    kept = written or list(range(len(rows)))
    for key in (target, completion):
        apart: dict[str, float] = {}
        for index in kept:
            low, high = sorted(values[index])
            distance = math.inf if low == 0 else math.log(high / low)
            apart[rows[index][key]] = min(distance, apart.get(rows[index][key], math.inf))
        ranked = sorted(apart.values())
        if len(ranked) > 1 and ranked[0] + math.log(2) > ranked[1]:
            break
        kept = [index for index in kept if apart[rows[index][key]] == ranked[0]]
    return [rows[index] for index in kept]


def _keep(states: list, p: int, score: float, parses: list[tuple[int, ...]], ties: int = _TIES) -> None:
    current, kept = states[p]
    if score > current + 1e-9:
        states[p] = (score, parses[:ties])
    elif abs(score - current) <= 1e-9:
        states[p] = (current, (kept + parses)[:ties])


def _blank(kind: str, at_start: bool, at_end: bool) -> float | None:
    """The cost of leaving a column empty: nothing for a caption or for text at the end of a row, a little
    for merged levels at its start, more elsewhere."""
    if kind == "caption" or (kind == "text" and at_end):
        return 0.0
    if kind in ("level1", "level2") and at_start:
        return -0.5
    if kind == "name":
        return -3.0
    if kind == "number" and not at_start and not at_end:
        return -3.0  # a 分值 is seldom left empty in the middle of a row
    if kind == "text":
        return -0.5
    return -1.5


def _gain(kind: str, text: str, start: int, end: int, weighted_levels: bool | None,
          unit_column: bool = False) -> float | None:
    """How well text[start:end] fits a column of this kind; None: it cannot stand there."""
    words = _words()
    plain = text[start:end].replace(" ", "")
    if not plain:
        return None
    if plain[0] == "." or (plain[0] == "%" and kind != "unit"):
        return None
    # A cut between two digits only after a bare figure (分值 10 and 得分 9 in “109”) and before a figure.
    if end < len(text) and text[end - 1].isdigit() and text[end].isdigit() and kind not in ("number", "money", "text") \
            and not (kind == "value" and unit_column and _BARE_VALUE.fullmatch(plain)):
        return None  # (a standard may end in a figure: 得分=资金到位率×4 | 4; under a 计量单位 column, ≥45 | 46.8)
    if start > 0 and text[start - 1].isdigit() and text[start].isdigit() and kind not in _FIGURES \
            and not (kind == "text" and _COUNTED_START.match(plain) and cells.is_unit(_COUNTED_START.match(plain)[1])):
        return None  # (a reason may begin with a count: 10 | 9.5 | 2处隐患路段…, beside 10 | 9.52 | 处…)
    if start > 0 and text[start - 1].isdigit() and kind not in ("unit", "number", "money") and \
            (any(plain.startswith(unit) for unit in words["long_units"]) or (kind == "text" and len(plain) > 1 and plain[1].isdigit() and cells.is_unit(plain[0]))
             or plain[0] in words["scales"] and any(plain[1:].startswith(unit) for unit in words["units"])):
        return None  # 96.3 | 万人次部分培训……: a unit stays with its figure
    if kind == "caption":
        return None
    if kind == "level1":
        weighted = bool(streams.WEIGHTED.search(plain))
        name = re.sub(r"[(（].*$", "", plain) if weighted else plain
        if name not in words["level1"] or (weighted_levels is not None and weighted != weighted_levels):
            return None
        return 4.0
    if kind == "level2":
        name = re.sub(r"[(（].*$", "", plain) if streams.WEIGHTED.search(plain) else plain
        return 4.0 if name in words["level2"] else None
    if kind == "name":
        numbered = _NUMBERED.match(plain)  # 1.因公出国（境）费用, （2）道路设施养护: a list's number, then the name
        if (plain[0].isdigit() and not numbered) or _class(plain[0]) in ("comparator", "dash", "point") \
                or re.search(r"[。；;，=≥≤×]", plain):
            return None
        if plain[-1].isdigit() or _class(plain[-1]) in ("percent", "point", "comparator"):
            return None  # 预算执行率10%: the figure is the next column's
        if _DATE_INSIDE.search(plain):
            return None  # 完成时间2023年12月底前: a date is the next column's value, not part of the name
        if len(plain) < 2 or plain in words["units"] or plain in words["directions"] or plain in words["comparators"]:
            return None  # a name is two characters or more: 预算执行率 is not 预算执行 and 率
        if plain in words["level1"] or plain in words["level2"] or any(
                plain.endswith(word) for word in words["directions"] | words["tags"]):
            return 0.5  # 改造干支渠道长度正向: the 正向 is the next column's
        return 2.0
    if kind == "direction":
        return 3.0 if plain in words["directions"] or plain in words["comparators"] else None
    if kind == "nature":
        return 3.0 if plain in words["comparators"] or plain in words["tags"] else None
    if kind == "tag":
        return 3.0 if plain in words["tags"] else None
    if kind == "unit":
        scaled = plain[1:] if len(plain) > 1 and plain[0] in words["scales"] else plain  # 万亩, 万元
        return 2.0 if cells.is_unit(plain) or cells.is_unit(scaled) or plain == "%" else None
    if kind == "number":
        if _DASH.fullmatch(plain):
            return 1.0
        if not _NUMBER.fullmatch(plain) or Decimal(plain) > 100:
            return None
        return 2.0 if len(plain.partition(".")[2]) <= 2 else 1.0
    if kind == "money":
        if _DASH.fullmatch(plain):
            return 1.0
        if not _MONEY.fullmatch(plain):
            return None
        decimals = len(plain.partition(".")[2])
        if decimals == 0 and ((end < len(text) and text[end].isdigit()) or (start > 0 and text[start - 1].isdigit())):
            return None  # 4 | 0.00 of “40.0038.20”: an amount cut from a figure shows its decimals
        if decimals == 1 and end < len(text) and text[end].isdigit():
            return None  # 1545.2 | 6 of “1545.26——”: amounts are cut after their second decimal

        return 3.0 if decimals == 2 else 2.5 if decimals == 0 else 2.0
    if kind == "rate":
        return 1.0 if _DASH.fullmatch(plain) else 3.0 if _RATE.fullmatch(plain) else None
    if kind == "value":
        if _DASH.fullmatch(plain):
            return 1.0
        if words["value"].fullmatch(plain):
            # Under a header with a unit column of its own, the unit goes there: 5 | 个工作日, not 5个 | 工作日.
            return 2.5 if unit_column and not plain[-1].isdigit() and plain[-1] != "%" else 3.0
        if plain in words["level1"] or plain in words["level2"] or plain in words["units"] or _PROSE.search(plain) \
                or any(_class(char) == "comparator" for char in plain):
            return None
        if not _WORD_START.match(plain):
            return None  # /公里: the rest of a unit, not a value
        if any(char.isdigit() for char in plain) and not _DATE.fullmatch(plain):
            return None  # 人才保障有效性10有效保障: figures inside a value's words belong to other columns
        return 1.0 if len(plain) <= 15 else None
    # text: a standard, a reason, a note — not a signed figure cut from its column (-3.2%1010), nor a sentence
    # with a figure after its stop (按完成比例计分。1 | 0 is 计分。| 10)
    if re.match(r"[-+−]\d", plain) or re.search(r"[。；;，,、]\d+$", plain):
        return None
    return 0.5
