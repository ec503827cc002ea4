"""Content selection and document plan: what each narrative section says, in what order,
and which results are said together.

- §二 states honestly how many indicators were met, exceeded, missed and pending, names the
  missed ones, then gives the highlights: the 重点任务 narratives (their figures verbatim),
  by duty; for a duty without a task, its met and exceeded figures.
- §四 follows the seed reports: with 年度目标, one block per goal, holding the indicators and
  重点任务 linked to it by shared words and figures, and a final block for what links to no
  goal; without goals, one block per duty (二级指标). Then 决策与过程管理, 效益与满意度 and
  预算执行情况.
- Inside a block, results of one status and kind are said in one sentence (`Message` with
  several results); each missed indicator and each notable exceedance gets its own sentence.
  The templates take the frames of one kind in turn (`Language.frame`), so neighbours differ.

The plan holds no Chinese: the templates realise it, with `narrator.language`."""
from __future__ import annotations

import math
import re
from collections import Counter
import dataclasses
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from difflib import SequenceMatcher
from functools import lru_cache

import cn2an

from ..core import lexicon
from ..core.compare import agrees
from ..core.evaluate import BudgetResult, Evaluation, IndicatorResult, Status
from ..core.model import BUDGET_UNIT, KeyTask
from ..core.quantity import SCALES, find_quantities, round_half_up
from ..statements.extract import name_tokens
from .language import (char_pairs, chinese_number, cut_words, event, is_ceiling, join_list, none_happened, number,
                       ratio_to_target, said_as_its_own, stated_in, strip_end, tagged_words)


@dataclass
class Message:
    """One sentence to say: its kind and the results it is about."""

    kind: str  # exceeded, notable, met, met_ceiling, met_qualitative, missed, mismatch, pending
    results: list[IndicatorResult]

    @property
    def result(self) -> IndicatorResult:
        return self.results[0]


@dataclass
class Block:
    """A part of §四: one 年度目标 (goal set), one duty, or the indicators of a category."""

    title: str
    messages: list[Message]
    goal: str = ""
    goal_number: int = 0
    tasks: list[KeyTask] = field(default_factory=list)
    category: str = "duty"  # duty, other, process or effect
    total: int = 0  # a process or effect part: the category's indicators, those analysed elsewhere too
    missed: list[str] | None = None  # … the names of those that missed their target (None: some not yet known)
    see_also: list[tuple[str, IndicatorResult]] = field(default_factory=list)  # (budget|process|effect, result)
    lines: list[BudgetResult] = field(default_factory=list)  # the budget lines named for this goal's work

    @property
    def size(self) -> int:
        return sum(len(message.results) for message in self.messages)

    def names_its_work(self, line: BudgetResult) -> bool:
        """The line's own name says this goal's work (不动产登记及信息平台运维经费 under 不动产登记便民服务): its
        sentence opens on it; else on 该项工作对应的 (a reviewer read 为此安排的 after an account of 交房即交证 as that
        account's money, two found the openers taken in turn mechanical)."""
        generic = set(lexicon.wording()["line_generic"])
        work = " ".join([self.title, self.goal] + [task.name for task in self.tasks])
        return bool((_words(line.line.name) - generic) & _words(work))

    def funds_hosts(self, accounts: list[str]) -> dict[int, BudgetResult]:
        """Which of the officer's accounts told under this goal each line's funds go on from, pointing back
        (……地质灾害防治资金年末未支出193.25万元。该项资金调整后预算……; three reviewers found the funds a paragraph
        of their own at each part's end, tied to no result): the last account that names the line and no other of
        the goal's lines, one line to an account; not a line whose figures the account gives all. With several
        lines, only a line whose rate the officer's account gives (……执行率仅为29.09%): the reviewers of 沣源 and
        瀚泉 read it again in the funds sentence below; the lines no account speaks of stay together there."""
        hosts: dict[int, BudgetResult] = {}
        for line in self.lines:
            if line.line.actual is None or self.figures_told(line) or (len(self.lines) > 1
                                                                       and not self.rate_told(line)):
                continue
            others = [b.line.name for b in self.lines if b is not line]
            index = max((index for index, said in enumerate(accounts) if line.line.name in said
                         and not any(name in said for name in others)), default=-1)
            if index >= 0 and index not in hosts:
                hosts[index] = line
        return hosts

    def rate_told(self, line: BudgetResult) -> bool:
        """An officer's account under this goal gives the line's execution rate (……地质灾害防治资金年末未支出193.25万元，
        执行率91.26%): the goal's sentence on its funds does not say it again in the same paragraph."""
        if line.execution_rate is None:
            return False
        rate = round_half_up(line.execution_rate, 2)
        for result in (r for message in self.messages for r in message.results):
            reason = result.indicator.reason
            if line.line.name in reason and any(
                    quantity.unit == "%" and quantity.is_number and quantity.value == rate
                    for quantity in find_quantities(reason)):
                return True
        return False

    def figures_told(self, line: BudgetResult) -> bool:
        """An officer's account under this goal gives the line's budget, spending and rate itself (……公共法律服务体系建设
        经费调整后预算260.00万元，实际支出168.36万元，执行率64.75%): the goal's funds sentence does not give them again
        in the next paragraph."""
        if line.line.actual is None or line.execution_rate is None:
            return False
        wanted = (line.adjusted_budget, line.line.actual, round_half_up(line.execution_rate, 2))
        for result in (r for message in self.messages for r in message.results):
            reason = result.indicator.reason
            values = {q.value for q in find_quantities(reason) if q.is_number}
            if line.line.name in reason and all(value in values for value in wanted):
                return True
        # A task's account of this goal that gives the line's budget, unchanged in the year, and its rate (动物防疫补助
        # 经费317.60万元年内未作调整，执行率99.50%): the reviewer of 潩阳 read it again in the funds sentence below.
        if line.line.adjustment:
            return False
        for task in self.tasks:
            for sentence in re.split(r"(?<=[。；;])", task.result or ""):
                values = {q.value for q in find_quantities(sentence) if q.is_number}
                if line.line.name in sentence and all(value in values for value in wanted[::2]):
                    return True
        return False

    def unspent_told(self, line: BudgetResult) -> bool:
        """An officer's account under this goal already gives the sum the line left unspent (……相应工程款5.45万元未支付):
        the goal's sentence on its funds does not say it and its reason again (a reviewer: the same cause twice in
        neighbouring paragraphs)."""
        if line.line.actual is None:
            return False
        unspent = line.adjusted_budget - line.line.actual
        return unspent > 0 and any(
            quantity.unit == BUDGET_UNIT and quantity.is_number and quantity.value == unspent
            for message in self.messages for result in message.results
            for quantity in find_quantities(result.indicator.reason))

    def funds_say(self, result: IndicatorResult) -> bool:
        """A cost indicator whose value and target are a line of this goal's spending and budget (项目成本298.74万元 against
        343.60万元): the goal's sentence on its funds says both (a reviewer found 298.74 and 343.60 twice in a row)."""
        completion, target = result.indicator.completion, result.indicator.target
        return completion.is_number and target.is_number and completion.unit == BUDGET_UNIT == target.unit and any(
            line.line.actual == completion.value and line.adjusted_budget == target.value for line in self.lines)

    def unpaid_told(self, line: BudgetResult) -> bool:
        """An officer's account under this goal says that money of its work was not paid (相应改造补助资金也未拨付;
        相应拆除费用未支出) without the sum, and the line — the goal's only one, or one his account names — has no note
        of its own: the goal's sentence on its funds gives the sum it left (a reviewer of 湄潭: the 640亩 put off and
        their subsidy unpaid, the line's 13.74万元 never said beside it)."""
        if line.line.actual is None or line.line.note.strip() or line.adjusted_budget <= line.line.actual \
                or self.unspent_told(line):
            return False
        words = lexicon.wording()["line_reasons"]["unpaid_words"]
        return any(any(word in reason for word in words) and (len(self.lines) == 1 or line.line.name in reason)
                   for reason in (r.indicator.reason for message in self.messages for r in message.results))

    def repeats(self, line: BudgetResult) -> bool:
        """Some clause of the officer's 原因说明 of the line says again what his account of an indicator under this goal
        says (most of its two-character pieces are there): the paragraph just above tells it. A list (一是……二是……) counts
        only when all of it does."""
        clauses = self.note_clauses(line.line.note)
        if any(start in line.line.note for start in lexicon.wording()["told_reason"]["listed_reason_starts"]):
            return all(repeated for _, repeated in clauses)  # 一是……；二是……: no item is dropped from his list
        least = lexicon.wording()["line_reasons"]["repeated_clause_chars"]  # a short clause may share words by chance
        return any(repeated and len(clause) > least for clause, repeated in clauses)

    def fresh(self, note: str) -> str:
        """The clauses of `note` that the accounts above do not already tell, with their punctuation ("" when none):
        every repeated clause before the first new one, and long ones after it (a short one there, 工程款未支付, says
        what the new clause before it is about)."""
        least = lexicon.wording()["line_reasons"]["repeated_clause_chars"]
        kept: list[str] = []
        dropped: list[str] = []
        after_dropped = False
        portion = lexicon.wording()["line_reasons"]["portion"]
        for clause, repeated in self.note_clauses(note):
            if not repeated or (kept and len(clause) <= least):
                if after_dropped and kept and kept[-1].endswith("。") and len(clause) <= least:
                    kept[-1] = kept[-1][:-1] + "，"  # ……工程款未支付，完工验收后支付: not a sentence of five words
                elif after_dropped and kept and kept[-1].endswith("。") and clause[:2] in "".join(kept) \
                        and not clause.startswith(portion):
                    # 补贴须待培训结束考核合格后拨付 after 职业技能培训补贴实行先培训后补贴。 with the classes put off left
                    # out between them: the subsidy of those (four reviewers read 年内未支出 as the whole line's), named
                    # by what the clause left out was about when the account above names it too (上述培训班的补贴……: a
                    # reviewer found 相应补贴 pointing at nothing)
                    clause = self.portion(dropped) + clause
                kept.append(clause)
                after_dropped = False
            else:
                dropped.append(clause)
                after_dropped = True
        return "".join(_unpointed(clause, dropped, kept) for clause in kept).lstrip("，,；;")

    def portion(self, dropped: list[str]) -> str:
        """The words that point a kept clause of a line's note at what the clauses left out were about: the noun that
        closes one of them (……开办的2个企业新型学徒制培训班，: 上述培训班的), when the accounts above speak of it too
        (培训); else lexicon's general 相应."""
        words = lexicon.wording()["line_reasons"]
        told = "".join(r.indicator.reason for message in self.messages for r in message.results)
        for clause in dropped:
            tokens = tagged_words(clause.rstrip("，,；;。"))
            head = tokens[-1] if tokens else None
            if head is not None and head.flag.startswith("n") and len(head.word) >= 2 and head.word[:2] in told:
                return words["portion_named"].format(head=head.word)
        return words["portion"]

    def dropped_subject(self, note: str) -> str:
        """What the note's clauses left out were about, when what is left goes on from a time (到年底仅完成主体结构封顶):
        the subject an officer's account above opens with before its cause (东渡镇中心幼儿园新建工程 of ……新建工程因用地
        红线调整……), when the left-out clauses name it; "" otherwise (a reviewer: 主要是到年底…… had no subject)."""
        dropped = [clause for clause, repeated in self.note_clauses(note) if repeated]
        leads = lexicon.wording()["told_reason"]["subject_before_cause"]
        for reason in (r.indicator.reason for message in self.messages for r in message.results):
            found = re.match(rf"([^，,；;。：:\d]{{{leads['least']},{leads['most']}}}?)(?:{'|'.join(leads['causes'])})", reason)
            if found and any(found.group(1) in clause for clause in dropped):
                return found.group(1)
        return ""

    def listed_fresh(self, note: str) -> str:
        """A note that lists its causes (一是……；二是……) with an item whose opening the accounts above already tell (顺庆:
        一是计划整治的30口山坪塘中有3口因片区规划调整……，整治资金未拨付 after his account of the ponds): that item says what
        followed after 受上述因素影响 (一是受上述因素影响，整治资金未拨付), an item all told goes and the rest are numbered
        again; other notes as they are (a reviewer: the same cause in two neighbouring paragraphs)."""
        words = lexicon.wording()
        ordinals = words["told_reason"]["enumerated"]["ordinals"]
        items = re.split(f"(?=(?:{'|'.join(ordinals[1:])}))", note)
        if len(items) < 2 or not items[0].startswith(ordinals[0]) or len(items) > len(ordinals):
            return note
        bodies = [item[len(ordinal):] for item, ordinal in zip(items, ordinals) if item.startswith(ordinal)]
        if len(bodies) != len(items):
            return note
        told = [bool(clauses) and clauses[0][1] for clauses in map(self.note_clauses, bodies)]
        if not any(told) or all(told):
            return note
        said = []
        for body, opening_told in zip(bodies, told):
            rest = self.fresh(body) if opening_told else body
            if rest.strip("，,；;。"):
                said.append((words["line_reasons"]["listed_consequent"] + rest) if opening_told else rest)
        if len(said) == 1:
            return said[0]
        return "".join(ordinal + body for ordinal, body in zip(ordinals, said))

    def note_clauses(self, note: str) -> list[tuple[str, bool]]:
        """`note` cut into clauses (each with the mark that ends it) and whether each says again what an account of
        an indicator under this goal says: 缙云's 东渡镇中心幼儿园新建工程用地红线年初调整 is his account of the
        kindergarten goal, 合同约定的后续进度款未支付 is not."""
        words = lexicon.wording()["line_reasons"]
        reasons = [r.indicator.reason for message in self.messages for r in message.results]
        told = set().union(*(char_pairs(reason) for reason in reasons))
        figures = [quantity for reason in reasons for quantity in find_quantities(reason)]
        counted_results = [r.indicator for message in self.messages for r in message.results
                           if r.indicator.target.is_number and r.indicator.completion.is_number]
        clauses = []
        for clause in re.findall(r"[^，,；;。]+[，,；;。]?", note.strip()):
            pieces = char_pairs(clause.rstrip("，,；;。"))
            share = len(pieces & told) / len(pieces) if told and pieces else 0.0
            # 开工比计划推迟4个月 after 开工时间推迟4个月: its figures all said, and half its words
            said = find_quantities(clause)
            same_figures = bool(said) and all(any(q.unit == f.unit and q.value == f.value for f in figures) for q in said)
            # 计划建设的40个不停车超限检测站点年底建成34个: the plan and the count his account gave, nothing else
            counted = len(said) >= 2 and all(any(q.unit == i.target.unit and q.value in (i.target.value, i.completion.value)
                                                  for i in counted_results) for q in said)
            repeated = share >= words["repeats_share"] or (same_figures and share >= words["repeats_share_with_figures"]) \
                or counted
            clauses.append((clause, repeated))
        return clauses

    @property
    def changes_told(self) -> list[str]:
        """The goal's lines whose change an officer's account under it tells — its amount after a word of change
        (……相应的新能源公交车购置补贴和运营补贴年中调减120.00万元): the sentence on the goal's funds does not say it
        again."""
        words = lexicon.claim_words()
        told = []
        for line in (b.line for b in self.lines if b.line.adjustment):
            verbs = words["increase_words"] if line.adjustment > 0 else words["decrease_words"]
            amount = abs(line.adjustment)
            for result in (r for message in self.messages for r in message.results):
                reason = result.indicator.reason
                if any(quantity.is_number and quantity.unit == BUDGET_UNIT and quantity.value == amount
                       and any(verb in reason[max(0, quantity.start - 12):quantity.start] for verb in verbs)
                       for quantity in find_quantities(reason)):
                    told.append(line.name)
                    break
        return told

    @property
    def lines_total(self) -> tuple[Decimal, Decimal] | None:
        """The adjusted budgets and the actual spending of the goal's lines together, when it has two or more
        and each states what it spent (one sentence then tells them all)."""
        if len(self.lines) < 2 or any(b.line.actual is None or b.adjusted_budget is None for b in self.lines):
            return None
        return sum((b.adjusted_budget for b in self.lines), Decimal(0)), sum((b.line.actual for b in self.lines),
                                                                              Decimal(0))

    @property
    def topic(self) -> str:
        """What a goal's block is about, for its heading: its key task (one or two), else the duty most of
        its indicators share (稳就业促就业; 负责公共就业服务); "" when neither says it."""
        if 0 < len(self.tasks) <= 2:
            return "、".join(task.name for task in self.tasks)
        results = [r for message in self.messages for r in message.results] + [r for _, r in self.see_also]
        duties = Counter(r.indicator.level2 for r in results
                         if r.indicator.level2 and r.indicator.level2 not in lexicon.wording()["generic_level2"])
        if duties:
            duty, count = duties.most_common(1)[0]
            if count * 2 > len(results):
                return duty
        # A goal of the budget or of effects and satisfaction: what its indicators' categories are about.
        topics = lexicon.wording()["category_topics"]
        order = list(topics)  # 决策, 过程, 效益, 满意度: the order the 自评表 gives them, whatever the goal's order
        categories = tuple(topics[level] if level in topics else "" for level in sorted(
            {r.indicator.level1 for r in results}, key=lambda level: order.index(level) if level in order else -1))
        return topics["joined"].get("、".join(categories), categories[0]) if all(categories) \
            and (len(categories) == 1 or "、".join(categories) in topics["joined"]) else ""


@dataclass
class Highlight:
    """A paragraph of §二's highlights: a duty, its task narratives or its figures."""

    title: str
    tasks: list[KeyTask]
    results: list[IndicatorResult]
    area: list[IndicatorResult] = field(default_factory=list)  # all the duty indicators of its tasks
    story: str = ""  # what §二 tells of its tasks: with `area` counted, the narratives without the indicators'
    # values (§四 gives each against its target), else the narratives whole
    said: dict[str, str] = field(default_factory=dict)  # a result of `results` by its name: the narrative's own clause
    # that gave it (街道和社区党群服务中心开展活动268场), told instead of the table's words (党群服务中心活动268场)
    # the narratives with the indicators' values kept (the 通用 outline compares them where they stand, _in_place);
    # "" when `story` is the narratives whole
    told: str = ""

    @property
    def task_named(self) -> str:
        """The one task the paragraph tells, when every indicator it counts is that task's work (重点工作): §二 then
        names the paragraph as §四 heads that goal (市容环境卫生整治方面指标3项; a reviewer: §二 by the 二级指标, §四 by
        the task); "" otherwise, and the duty names it — a checker counts a task's indicators by its 重点工作."""
        if len(self.tasks) != 1 or not self.area:
            return ""
        name = self.tasks[0].name
        return name if all(r.indicator.key_work == name for r in self.area) else ""


@dataclass
class Plan:
    lead_in: list[str]  # goal items that only introduce the list (…重点抓好以下几方面工作：)
    blocks: list[Block]
    highlights: list[Highlight]
    missed: list[IndicatorResult]  # every missed indicator, budget ones too
    pending: list[IndicatorResult]
    notable: list[IndicatorResult]
    low_targets: list[IndicatorResult]  # the notable ones whose officer does not say the target was sound
    execution: IndicatorResult | None
    adjustment: IndicatorResult | None
    budget_indicators: list[IndicatorResult]
    # the narratives' sentences that give a line's change after its cause (……8条新建道路年中移交我局管护，……，年中追加
    # 城区环境卫生保洁及垃圾清运经费180.00万元。): §三 tells them with the budget's changes, §二 leaves them out
    adjustment_accounts: list[str] = field(default_factory=list)
    # the budget lines whose change one of those sentences tells (its name and amount): §三's summary does not
    # list them again in its （其中……调减……）
    accounted_changes: set[str] = field(default_factory=set)
    # the lines whose change no narrative tells, when some do: §三 says them by their amounts after the others
    # (此外，……追加95.00万元); [] when they are items of the enumerated list already
    untold_changes: list = field(default_factory=list)
    # the 通用 outline's block that tells the effects and satisfactions together (None in the seed outline)
    effects: Block | None = None
    # an effect's figure as the story gave it, after the counts it was reckoned from (保障省市县重点项目用地55个中的
    # 54个，保障率98.2%), by indicator name: the effects tell it so, the story having dropped both
    bases: dict[str, str] = field(default_factory=dict)
    # a qualitative effect no story states on its facts, with the duty results it rests on by their names (审计整改长效
    # 机制 ← 审计查出问题整改数342个): the effects tell them before the judgement
    facts: dict[str, list[IndicatorResult]] = field(default_factory=dict)

    def changes_listed(self, lines: list[BudgetResult]) -> bool:
        """§二's list of the year's changes (具体为：一是……, from the narratives' accounts and the rest by amount) tells
        every change among `lines`, and one of them changed: their funds sentences need not tell it again."""
        said = set(self.accounted_changes) | {line.name for line in self.untold_changes}
        changed = [b for b in lines if b.line.adjustment]
        return bool(self.adjustment_accounts) and bool(changed) and all(b.line.name in said for b in changed)

    @property
    def written(self) -> str:
        """The unit's own words as the report carries them: §二's stories and the narratives §四 tells whole."""
        told = [task.result for block in self.blocks if not block.messages for task in block.tasks if task.result]
        return "\n".join([highlight.story for highlight in self.highlights] + told)

    @property
    def budget_block(self) -> Block | None:
        """The goal that speaks of the budget (预算执行率达到100%…): the budget is analysed under it."""
        return next((block for block in self.blocks
                     if block.goal and any(part == "budget" for part, _ in block.see_also)), None)

    @property
    def budget_results(self) -> list[IndicatorResult]:
        """The indicators of budget management the budget's analysis tells: 预算执行率 and 预算调整率, and the
        process indicators of the goal that speaks of the budget (结转结余率, “三公”经费控制率……)."""
        block = self.budget_block
        told = [r for m in block.messages for r in m.results if _category(r) == "process"] if block else []
        return self.budget_indicators + [r for r in told if r not in self.budget_indicators]

    def _home(self, highlight: Highlight) -> Block | None:
        """The goal that holds most of the paragraph's tasks (the first of equals); None when none holds any."""
        held = [(sum(any(task is own for own in block.tasks) for task in highlight.tasks), -index, index)
                for index, block in enumerate(self.blocks) if block.goal]
        most = max(held, default=(0, 0, 0))
        return self.blocks[most[2]] if most[0] else None

    def told_under(self, block: Block) -> list[Highlight]:
        """The §二 paragraphs the 通用 outline tells under `block`'s goal, with the figures against their targets, once:
        those most of whose task narratives belong to it (a reviewer found 养老服务's paragraph left before all the
        goals when its tasks were under two)."""
        return [highlight for highlight in self.highlights if highlight.tasks and self._home(highlight) is block]

    def touching(self, block: Block) -> list[Highlight]:
        """The §二 paragraphs with a task narrative of `block`'s goal: what it tells is told (its figures not again)."""
        return [highlight for highlight in self.highlights
                if any(task is own for task in highlight.tasks for own in block.tasks)]

    @property
    def work_areas(self) -> list[Block]:
        """The goals of the unit's work: a 重点任务 each, not the budget's or the effects'."""
        return [block for block in self.blocks if block.goal and block.category == "duty" and block.tasks
                and block is not self.effects and block is not self.budget_block and block.size]

    @property
    def areas_met(self) -> list[Block]:
        """The goals of the unit's work all of whose indicators met their targets, when some other such goal missed
        one: the closing verdict names them (a reviewer: 总体评价 said only what fell short)."""
        areas = self.work_areas
        met = [block for block in areas if not any(message.kind == "missed" for message in block.messages)]
        return met if 0 < len(met) < len(areas) else []

    @property
    def orphans(self) -> list[Highlight]:
        """The §二 paragraphs of task narratives no goal holds: the 通用 outline tells them after the year's counts."""
        return [highlight for highlight in self.highlights if highlight.tasks and self._home(highlight) is None]


# ---------------------------------------------------------------- messages

def is_notable(result: IndicatorResult) -> bool:
    """An exceedance so large that the target was likely set too low (lexicon/wording.yaml), or one a little smaller
    that the unit's own problems call far over, naming its multiple (为目标的1.75倍: his account of it is then told
    and asked for; 绛岭's officer explained 1.75倍 and named it among his problems, the draft said only 比目标多9家)."""
    words = lexicon.wording()
    # (or his reason given for it — not the tables' label 超额完成工作任务: 瀚泉's and 额尔敦塔拉's officers explained
    # 1.75倍, asked for it)
    if result.multiple_named or result.indicator.reason.strip() not in ("", words["exceeded_reason"]):
        return is_well_over(result)
    return _over_by(result, words["notable_exceedance_percent"])


def is_well_over(result: IndicatorResult) -> bool:
    """An exceedance past the lower threshold (lexicon named_exceedance_percent): far over once the unit says why or
    names its multiple; before that, the officer is asked why, and may leave it."""
    return _over_by(result, lexicon.wording()["named_exceedance_percent"])


def _over_by(result: IndicatorResult, percent) -> bool:
    return result.status is Status.EXCEEDED and result.deviation is not None \
        and result.deviation >= Decimal(str(percent))


@dataclass(frozen=True)
class ShareBase:
    """A missed share whose numerator, an indicator of its own, reached its target: the base (denominator) grew
    beyond the plan, as the arithmetic proves (numerator ≥ its target and share < its target ⇒ base > planned). The
    figures in the count's written scale and unit (18.64万只), rounded as closely as the share's decimals allow."""

    share: IndicatorResult
    count: IndicatorResult
    base: Decimal  # the base the completions imply: count ÷ share
    planned: Decimal  # the base the targets imply: count's target ÷ share's target
    needed: Decimal  # what the count had to be for the share to reach its target on that base
    short: Decimal  # needed − the count
    unit: str  # 万只, 家
    exact: tuple[bool, bool, bool]  # base, planned and needed as computed, not rounded


def share_base(result: IndicatorResult, results: list[IndicatorResult]) -> ShareBase | None:
    """The numerator of a missed share among `results`, when one is found by its name in the same area (定点医药机构
    现场检查覆盖率 → 定点医药机构现场检查数; lexicon/wording.yaml computed_share_reason) and reached its target; None
    otherwise — and for a ceiling, a share whose target is no positive %, or a name no other indicator pairs with."""
    words = lexicon.wording()["computed_share_reason"]
    share = result.indicator
    if result.status is not Status.MISSED or is_ceiling(share) or share.target.unit != "%" \
            or not share.target.is_number or share.target.value <= 0 or result.completion_value is None \
            or result.completion_value <= 0:
        return None
    core = _name_core(share.name, words["rate_words"])
    if len(core) < words["core_chars"]:
        return None
    found = [other for other in results if other is not result and other.indicator.key_work == share.key_work
             and other.status in (Status.MET, Status.EXCEEDED) and other.indicator.target.is_number
             and other.indicator.target.unit not in ("%", "") and other.completion_value is not None
             and not is_ceiling(other.indicator) and _counts_of(other.indicator, core, words)]
    if len(found) != 1:
        return None
    count = found[0]
    scale = count.indicator.completion.scale or count.indicator.target.scale
    factor = SCALES.get(scale, Decimal(1))
    done, aimed = count.completion_value / factor, count.indicator.target.value / factor
    hundred, value = Decimal(100), result.completion_value
    exact = done * hundred / value
    # the base is known only as closely as the share was written (89.76% ± 0.005%): rounded to the power of ten the
    # spread of count ÷ share allows, never finer than the count's own decimals (332家; 约为468.3万元, not 468.29)
    half = result.indicator.completion.resolution / 2 if result.indicator.completion.is_number else Decimal(0)
    spread = done * hundred / (value - half) - done * hundred / (value + half) if value > half else Decimal(0)
    places = max(count.indicator.completion.decimals if count.indicator.completion.is_number else 0,
                 count.indicator.target.decimals)
    if spread > 0:
        places = min(places, -math.floor(math.log10(spread)))
    planned_exact = aimed * hundred / share.target.value
    needed_exact = exact * share.target.value / hundred
    base, planned = (_rounded(figure, places) for figure in (exact, planned_exact))
    # what it needed is rounded up: 396 × 90% = 356.4 needs 357 (a reviewer: 356 of 396 is 89.9%)
    needed = _rounded_up(needed_exact, places)
    if base <= planned or needed <= done:
        return None
    return ShareBase(result, count, base, planned, needed, _rounded(needed - done, places),
                     scale + count.indicator.target.unit, (base == exact, planned == planned_exact, needed == needed_exact))


def _rounded_up(value: Decimal, places: int) -> Decimal:
    """`value` rounded up (towards +∞) to `places` decimals, or to tens, hundreds… when `places` is negative."""
    step = Decimal(1).scaleb(-places)
    return (value / step).to_integral_value(rounding=ROUND_CEILING) * step


def _rounded(value: Decimal, places: int) -> Decimal:
    """`value` rounded half up to `places` decimals, or to tens, hundreds… when `places` is negative."""
    return round_half_up(value, places) if places >= 0 else round_half_up(value.scaleb(places), 0).scaleb(-places)


def _counts_of(indicator, core: str, words: dict) -> bool:
    """The count indicator counts what the share's core names: the same core (定点医药机构现场检查数), or the core and
    what is counted named by its measure word (小反刍兽疫免疫羊只数 in 万只 for 小反刍兽疫免疫密度)."""
    own = _name_core(indicator.name, words["count_words"])
    rest = own[len(core):] if own.startswith(core) else None
    unit = indicator.target.unit
    return own == core or (rest is not None and 0 < len(rest) <= words["measured_chars"] and bool(unit)
                           and rest[-1] == unit[-1])


def _name_core(name: str, endings: list[str]) -> str:
    """An indicator's name without the longest of `endings` it closes with ("" when it closes with none)."""
    ending = max((word for word in endings if name.endswith(word) and len(name) > len(word)), key=len, default="")
    return name[:-len(ending)] if ending else ""


def _target_defended(result: IndicatorResult) -> bool:
    """The officer's reason says the target was not set too low (超额部分是应对汛情的计划外任务，不说明年初目标偏低):
    the report then does not call it so (a reviewer: 不说明年初目标偏低 in §四, 这两项指标的目标值设定偏低 in §四（七）)."""
    return bool(re.search(lexicon.wording()["target_defended"], result.indicator.reason))


def messages(results: list[IndicatorResult]) -> list[Message]:
    """The sentences of one block, aggregated by status and kind, in reading order:
    exceeded, notable exceedances, met, met ceilings, met qualitative, missed, unreadable, pending."""
    exceeded = [r for r in results if r.status is Status.EXCEEDED and not is_notable(r)]
    # Quantities first, then rates: each kind is said in its own words (分别完成年度目标的…; 分别高于年度目标…个百分点).
    exceeded.sort(key=lambda r: r.indicator.target.unit == "%")
    notable = [r for r in results if is_notable(r)]
    met = [r for r in results if r.status is Status.MET and r.is_quantitative and not is_ceiling(r.indicator)]
    met_ceiling = [r for r in results if r.status is Status.MET and r.is_quantitative and is_ceiling(r.indicator)]
    met_qualitative = [r for r in results if r.status is Status.MET and not r.is_quantitative]
    missed = [r for r in results if r.status is Status.MISSED]
    mismatch = [r for r in results if r.status is Status.PENDING and r.problem and r.problem.name != "NO_COMPLETION"]
    pending = [r for r in results if r.status is Status.PENDING and r not in mismatch]
    plan: list[Message] = []
    for kind, group in (("exceeded", exceeded), ("met", met), ("met_ceiling", met_ceiling)):
        if group:
            plan.append(Message(kind, group))
    plan += [Message("notable", [r]) for r in notable]
    if met_qualitative:
        plan.append(Message("met_qualitative", met_qualitative))
    plan += [Message("missed", [r]) for r in missed]
    plan += [Message("mismatch", [r]) for r in mismatch]
    if pending:
        plan.append(Message("pending", pending))
    return plan


# ---------------------------------------------------------------- linking to goals

@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    import jieba

    lexicon.load_dictionary()
    # 人次 links nothing, nor does 人数 or 人员 (流浪乞讨人员救助人数 is not about 城乡低保保障人数)
    stop = set(lexicon.wording()["goal_stopwords"]) | set(lexicon.unit_kinds()) | set(lexicon.wording()["count_heads"])
    return frozenset(word for word in jieba.lcut(lexicon.canonical_names(text))
                     if len(word) >= 2 and word not in stop and not re.fullmatch(r"[\d.%]+", word))


def _marker():
    return re.compile(lexicon.wording()["goal_marker"])


def split_goals(goals: list[str]) -> tuple[list[str], list[str]]:
    """Lead-in lines (ending in a colon) apart from the goals; goals without their "一是" marker."""
    lead_in, real = [], []
    for goal in goals:
        text = str(goal).strip()
        if not text:
            continue
        if text.endswith(("：", ":")):
            lead_in.append(text)
        else:
            real.append(_marker().sub("", text, count=1).strip())
    return lead_in, real


class GoalLinker:
    """Scores a text against each goal: the shared content words, each weighted by how few goals
    use it (a word every goal shares says nothing), plus one when the goal states the indicator's
    target figure (组织形式多样的产学研活动15场 ↔ ≥15场)."""

    THRESHOLD = 1.0

    def __init__(self, goals: list[str]):
        self.goals = goals
        self.words = [_words(goal) for goal in goals]
        counts = Counter(word for words in self.words for word in words)
        size = len(goals)
        self.weight = {word: math.log((1 + size) / count) for word, count in counts.items()}

    def scores(self, text: str, figure: str = "") -> list[float]:
        words = _words(text)
        # math.fsum: the sum of a set's weights must not depend on the set's order (a hash seed of the process), or
        # two goals tied in truth are told apart by rounding and the draft changes from run to run
        return [math.fsum(self.weight[w] for w in words & goal_words) + (1.0 if figure and figure in goal else 0.0)
                for goal, goal_words in zip(self.goals, self.words)]

    def best(self, text: str, figure: str = "", bonus: list[float] | None = None) -> int | None:
        scores = self.scores(text, figure)
        if bonus:
            scores = [s + b for s, b in zip(scores, bonus)]
        if not scores:
            return None
        top = max(scores)
        return scores.index(top) if top >= self.THRESHOLD else None


def _figure(result: IndicatorResult) -> str:
    """The target as a goal would state it (15场, 660亿元); "" for words, zero and percentages (90% or
    100% stand in many goals and say nothing of which)."""
    target = result.indicator.target
    if not target.is_number or target.value == 0 or target.unit == "%":
        return ""
    return number(target.value) + target.unit


# ---------------------------------------------------------------- the plan

def _category(result: IndicatorResult) -> str:
    for name, levels in lexicon.wording()["categories"].items():
        if result.indicator.level1 in levels:
            return name
    return "duty"


def _duty(result: IndicatorResult) -> str:
    indicator = result.indicator
    return indicator.level2 or indicator.key_work or indicator.level1 or indicator.name


def _by_duty(results: list[IndicatorResult]) -> dict[str, list[IndicatorResult]]:
    groups: dict[str, list[IndicatorResult]] = {}
    for result in results:
        groups.setdefault(_duty(result), []).append(result)
    return groups


def make_plan(evaluation: Evaluation) -> Plan:
    report = evaluation.report
    names = lexicon.wording()["budget_indicators"]
    execution = next((r for r in evaluation.indicators if r.indicator.name == names["execution"]), None)
    adjustment = next((r for r in evaluation.indicators if r.indicator.name == names["adjustment"]), None)
    budget_indicators = [r for r in (execution, adjustment) if r is not None]
    by_category: dict[str, list[IndicatorResult]] = {"duty": [], "process": [], "effect": []}
    for result in evaluation.indicators:
        if result not in budget_indicators:
            by_category[_category(result)].append(result)
    duty = by_category["duty"]
    lead_in, goals = split_goals(report.goals)
    tasks = report.key_tasks

    blocks: list[Block] = []
    if goals:
        blocks += _goal_blocks(goals, duty, tasks)
    else:
        for title, results in _by_duty(duty).items():
            works = {r.indicator.key_work for r in results if r.indicator.key_work}
            belongs = [t for t in tasks if t.duty == title or t.name in works]
            blocks.append(Block(title, messages(results), tasks=belongs))
    totals = {category: len(by_category[category]) for category in ("process", "effect")}
    totals["process"] += len(budget_indicators)
    missed = {}
    for category in ("process", "effect"):
        results = by_category[category] + (budget_indicators if category == "process" else [])
        missed[category] = _missed_names(results)
    if goals:
        for category in ("process", "effect"):
            by_category[category] = _into_goals(blocks, by_category[category], process=category == "process")
        by_category["effect"] = _into_effect_goal(blocks, by_category["effect"])
    _refer_empty_goals(blocks, {"budget": budget_indicators, "process": by_category["process"],
                                "effect": by_category["effect"]})
    for category in ("process", "effect"):
        if by_category[category]:
            blocks.append(Block(category, messages(by_category[category]), category=category,
                                total=totals[category], missed=missed[category]))

    for block in blocks:
        if block.goal:  # in the order the goal states them (its work's order), not by how each is said
            block.messages = _in_goal_order(block.messages, block.goal)
    if goals:
        _fund(blocks, evaluation)
    # A goal that only tasks speak to is told in §四 through their narratives; §二 leaves them out.
    told_in_blocks = {id(task) for block in blocks if not block.messages for task in block.tasks if task.result}
    narrated = duty + [r for r in evaluation.indicators if _category(r) == "effect"]
    highlights = _highlights(duty, [task for task in tasks if id(task) not in told_in_blocks], narrated)
    accounts: list[str] = []
    accounted: set[str] = set()
    lines, spent = _lines_told(report)
    for highlight in highlights:
        if highlight.story and lines:
            highlight.story, moved, named = without_adjustments(highlight.story, lines)
            accounts += moved
            accounted |= named
        if highlight.story and spent:
            highlight.story = _without_spending(highlight.story, spent)
        if highlight.told:
            highlight.told = _in_place(highlight.told, narrated, lines, spent)
    # (……；年中因落实调整工资政策和新录用人员，基本支出调增21.36万元: a change and its cause in the 单位概况's sentence on
    # the budget, which §三 leaves out for the table's figures — a reviewer of 靖岭 found the cause missing)
    if lines and accounts:
        for sentence in [part for sentence in budget_sentences(report.overview or "")
                         for part in (_bracketed_changes(sentence) or [sentence])]:
            _, moved, named = without_adjustments(sentence, lines)
            accounts += [account for account in moved if account not in accounts]
            accounted |= named
    total = evaluation.total_budget
    untold = [line for line in lines if accounts and line.name not in accounted
              and line.parent != (total.line.name if total is not None else None)]
    # increases first, then cuts, each the largest first, as an officer lists them (岜林's reviewer: 减、减、增、增、减,
    # the largest, 214.00万元, last)
    standing = [_standing_alone(account) for account in accounts]
    # listed one by one, each change an item of its own (a reviewer: 二是追加A200.00万元和B95.00万元 put two lines in one
    # item); merged as an officer writes bare changes only when they are not listed
    told_changes, listed = _enumerated(_once_in_the_year(standing), untold, lines)
    if not listed:
        told_changes = _once_in_the_year(_merged_changes(standing))
    untold_changes = [] if listed else untold
    return Plan(
        lead_in=lead_in,
        blocks=blocks,
        highlights=highlights,
        adjustment_accounts=told_changes,
        untold_changes=untold_changes,
        accounted_changes=accounted,
        missed=evaluation.by_status(Status.MISSED),
        pending=evaluation.by_status(Status.PENDING),
        notable=[r for r in evaluation.indicators if is_notable(r)],
        low_targets=[r for r in evaluation.indicators if is_notable(r) and not _target_defended(r)],
        execution=execution,
        adjustment=adjustment,
        budget_indicators=budget_indicators,
    )


def _missed_names(results: list[IndicatorResult]) -> list[str] | None:
    """The names of the results that missed their target; None while some are not yet known."""
    return None if any(r.status == Status.PENDING for r in results) \
        else [r.indicator.name for r in results if r.status == Status.MISSED]


def for_general_outline(plan: Plan, evaluation: Evaluation) -> Plan:
    """The plan as the 通用 outline tells it. The budget is a part of its own (二、预算安排和执行情况), and the
    effects and satisfactions a goal names (……救助对象满意度达到90%以上) are told with the other effects, not under
    that goal: reviewers found 满意度 under 预算执行情况 and 检查检验互认节约费用 among the work done, and asked for the
    effects together — in the goal of effects when there is one (综合效益和满意度), else in the part of the effects.
    决策与过程 comes first in 三, as the indicator levels go (决策、过程、履职、效益、满意度)."""
    def effect(result: IndicatorResult) -> bool:
        return _category(result) == "effect"

    def of_effects(block: Block) -> bool:  # a goal of effects itself: it keeps them, it has nothing else to tell
        return bool(block.goal) and block is not plan.budget_block and bool(block.messages) and all(
            effect(r) for m in block.messages for r in m.results)
    def home_of(blocks: list[Block]) -> Block | None:
        return next((block for block in blocks if of_effects(block)), None) \
            or next((block for block in blocks if block.category == "effect"), None)
    moved: list[Message] = []
    blocks: list[Block] = []
    for block in plan.blocks:
        if not block.goal or of_effects(block) or not any(effect(r) for m in block.messages for r in m.results):
            blocks.append(block)
            continue
        kept = []
        for m in block.messages:
            ours = [r for r in m.results if effect(r)]
            if ours:
                moved.append(dataclasses.replace(m, results=ours))
            if len(ours) < len(m.results):
                kept.append(dataclasses.replace(m, results=[r for r in m.results if not effect(r)]) if ours else m)
        blocks.append(dataclasses.replace(block, messages=kept))
    if moved:
        home = home_of(blocks)
        if home is not None:  # effects before satisfactions (a reviewer: 满意度 between 人均预期寿命 and 义诊 was in no order)
            satisfaction = lexicon.wording()["satisfaction_words"]
            together = sorted(home.messages + moved, key=lambda m: any(
                word in r.indicator.name or word in r.indicator.level1 for r in m.results for word in satisfaction))
            blocks[blocks.index(home)] = dataclasses.replace(home, messages=together)
        else:
            results = [r for r in evaluation.indicators if effect(r)]
            blocks.append(Block("effect", moved, category="effect", total=len(results), missed=_missed_names(results)))
    effects = home_of(blocks)
    blocks = [b for b in blocks if b.category == "process"] + [b for b in blocks if b.category != "process"]
    # each narrative with its values where it gives them (实施临时救助2617人次 stays in its place, compared there; a
    # reviewer read it added at the paragraph's end after the satisfactions as pasted on)
    highlights = [part for h in plan.highlights for part in _by_goal(h, blocks, evaluation)]
    # the effects' figures are told with the effects, not in the narratives too (five reviewers found them twice, and
    # two counted 5 results under 指标4项)
    told_apart = [r for r in evaluation.indicators if effect(r)]
    rest = [r for r in evaluation.indicators if not effect(r)]
    bases: dict[str, str] = {}
    highlights = [dataclasses.replace(h, story=_without_effects(h.story, told_apart, rest, bases)) if h.story else h
                  for h in highlights]
    whole = [r for r in rest if _category(r) == "duty"]
    # (each story with the rates of its own tasks' indicators: 城乡低保金's is not said after 孤儿……基本生活费)
    highlights = [dataclasses.replace(h, story=_with_whole_rates(h.story, _own(whole, h.area))) if h.story else h
                  for h in highlights]
    blocks = _with_its_story(blocks, highlights)
    effects = home_of(blocks) if effects is not None else None
    facts = effect_facts(evaluation, bases)
    return dataclasses.replace(plan, blocks=blocks, effects=effects, highlights=highlights, bases=bases, facts=facts)


def widest_words(words: set[str]) -> set[str]:
    """The words not inside another of them (统计数据, not 数据 and 计数 too: jieba's search cut gives all three)."""
    return {word for word in words if not any(word != other and word in other for other in words)}


def effect_facts(evaluation: Evaluation, bases: dict[str, str]) -> dict[str, list[IndicatorResult]]:
    """For each qualitative effect met as written that no story states on its facts (`bases`), the duty results that
    reached their targets and share its most distinctive words — at most lexicon's number: a word in two of the
    duty names or more; one word only when it is in few of them (审计整改长效机制 ← 审计查出问题整改数; 残疾人就业创业
    能力 ← 新增残疾人就业人数). Words most duty names share (审计 in an audit bureau's) and words of judgement (水平,
    长效机制, 安全 …) say nothing of which. Two reviewers of 潩阳 and 潇川 read 社会效益方面，……提升 as the form's
    conclusions restated without a fact; the units' own reports gave the year's figures before each."""
    words = lexicon.wording()["effect_facts"]
    duties = [r for r in evaluation.indicators if _category(r) == "duty" and r.is_quantitative
              and r.status in (Status.MET, Status.EXCEEDED) and r.indicator.completion.is_number
              and not any(word in r.indicator.name for word in words["not_facts"])]
    every = [r for r in evaluation.indicators if _category(r) == "duty"]
    # (whole words on both sides: 疾病预防控制 is no 预防接种, though jieba's search cut gives 预防 in both — a reviewer
    # read 疑似预防接种异常反应48小时内调查率 under 可持续影响 as a duty put among the effects)
    tokens = {id(r): widest_words({t for t in name_tokens(r.indicator.name) if len(t) >= 2}) for r in every}
    counts = Counter(t for r in every for t in tokens[id(r)])
    common = {t for t, count in counts.items() if count * words["common_share"] > len(every)} | set(words["generic"])
    facts = {}
    for r in evaluation.indicators:
        if _category(r) != "effect" or r.is_quantitative or r.status != Status.MET or r.indicator.name in bases:
            continue
        own = widest_words({t for t in name_tokens(r.indicator.name) if len(t) >= 2}) - common
        scored = [(len(widest_words(own & tokens[id(d)])), d) for d in duties if own & tokens[id(d)]]
        if not scored:
            continue
        top = max(score for score, _ in scored)
        best = [d for score, d in scored if score == top]
        if top < words["least_shared"]:
            # (开展养殖实用技术培训1720人次 for 畜禽养殖环境 on 养殖 alone: two reviewers of 潩阳 and 梧溪 read such a
            # pairing as evidence chosen by a rule, not by the work — a judgement stays bare rather than so supported)
            continue
        best = [d for d in best if not any(d in used for used in facts.values())]  # each fact told once
        if best:
            facts[r.indicator.name] = best[:words["most"]]
    return facts


def _without_effects(story: str, effects: list[IndicatorResult], others: list[IndicatorResult],
                     bases: dict[str, str] | None = None) -> str:
    """A narrative without the clauses that give an effect's figure (回访满意度93.1%; 全年未发生因地质灾害造成人员死亡)
    and those that go on from them (，比目标高……): the part of the effects tells them, each with its target. The counts
    an effect was reckoned from go with it into `bases`, with the story's own clause of its figure (全县28个县控以上
    河流断面中27个水质达标，达标率96.4%): reviewers asked what the effects' figures rest on."""
    words = lexicon.wording()
    goes_on = tuple(words["continuation_starts"]) + tuple(words["part_or_bound_starts"])

    def happened(r: IndicatorResult, clause: str) -> bool:  # the clause says the effect's event did not happen
        return none_happened(r) and words["none_happened"] in clause \
            and len(name_tokens(clause) & name_tokens(event(r.indicator))) >= 2

    def states(clause: str) -> bool:
        tokens = name_tokens(clause)
        stated = [r for r in effects if r.is_quantitative and said_as_its_own(r, clause)
                  and tokens & name_tokens(r.indicator.name)]
        if not stated:
            return any(happened(r, clause) for r in effects)
        # (重点建设用地安全利用率100% is a duty's, not 市县重点项目环评审批办结率's, which shares 重点 and 100%: the
        # result whose name the clause shares most words with)
        best = max((len(tokens & name_tokens(o.indicator.name)) for o in others
                    if o.is_quantitative and said_as_its_own(o, clause)), default=0)
        return any(len(tokens & name_tokens(r.indicator.name)) > best for r in stated) \
            or any(happened(r, clause) for r in effects)

    def reckons(clause: str, dropped: str) -> bool:
        """The clause gives the counts the effect dropped after it was reckoned from (全县28个县控以上河流断面中27个
        水质达标 before 达标率96.4%): two words of its name or more, and figures — no other result's own."""
        names = {token for r in effects if said_as_its_own(r, dropped) for token in name_tokens(r.indicator.name)
                 if len(token) >= 2}
        return bool(find_quantities(clause)) and len({t for t in name_tokens(clause) if len(t) >= 2} & names) >= 2 \
            and not any(said_as_its_own(r, clause) for r in others)

    def judged(clauses: list[str]) -> IndicatorResult | None:
        """The qualitative effect whose judgement the part closes on (……田长1206名全部落实到位，耕地保护长效机制进一步
        健全): the effects tell it there in his words, the facts before it with it."""
        last = clauses[-1].strip() if clauses else ""
        for r in effects:
            name, value = r.indicator.name.strip(), r.indicator.completion.text.strip()
            if r.is_quantitative or not value or value != r.indicator.target.text.strip() or name not in last:
                continue
            between = last[last.index(name) + len(name):]
            if between.endswith(value) and len(between) - len(value) <= words["judgement_gap"]:
                return r
        return None

    kept = []
    for part in _sentence_parts(story):
        clauses, end = _clauses(part)
        if bases is not None and (r := judged(clauses)) and r.indicator.name not in bases \
                and not any(said_as_its_own(o, part) for o in others):
            # (a reviewer read 耕地保护长效机制健全 under 可持续影响 bare, the story above having said it on its facts)
            bases[r.indicator.name] = part.strip().rstrip("。；;")
            continue
        out, dropped = [], False
        for index, clause in enumerate(clauses):
            if states(clause):
                stated = [r for r in effects if r.is_quantitative and said_as_its_own(r, clause) and effect_aspect(r)]
                events = [r for r in effects if happened(r, clause) and effect_aspect(r)]  # (where bases go)
                # (a reviewer found 28个断面中27个水质达标 left without its rate)
                if out and reckons(out[-1], clause):
                    basis = out.pop().strip()
                    if bases is not None and len(stated) == 1:
                        bases.setdefault(stated[0].indicator.name, _with_its_name(basis, clause.strip(), stated[0]))
                elif bases is not None and len(stated) == 1 and stated[0].indicator.name in clause \
                        and not clause.strip().startswith(stated[0].indicator.name):
                    # his clause says more than the name (通过山塘整治和水库除险加固新增恢复改善灌溉面积1.36万亩)
                    bases.setdefault(stated[0].indicator.name, clause.strip())
                elif bases is not None and len(events) == 1 and out and index == len(clauses) - 1 \
                        and not any(said_as_its_own(o, "，".join(out)) for o in others):
                    # what was done that it did not happen goes with it (6月中旬流域性强降雨期间提前转移受威胁群众，
                    # 全年未发生因洪涝灾害死亡人员): a reviewer found the first clause left hanging in the story
                    bases.setdefault(events[0].indicator.name, "，".join(c.strip() for c in out))
                    out = []
                dropped = True
                continue
            if dropped and clause.lstrip().startswith(goes_on):
                continue
            dropped = False
            out.append(clause)
        # (经第三方问卷调查，老旧小区改造居民满意度94.2%: the lead of a figure that went says nothing alone)
        if len(out) == 1 < len(clauses) and not find_quantities(out[0]) \
                and len(out[0].strip()) <= words["survey_lead_chars"] and (
                    out[0].lstrip().startswith(tuple(words["survey_leads"]))
                    or any(word in out[0] for word in words["survey_words"])):  # (年末问卷调查。 alone: a reviewer)
            out = []
        if out:
            kept.append(part if len(out) == len(clauses) else "，".join(out) + (end or "。"))
    return closed("".join(kept))


def effect_aspect(result: IndicatorResult) -> str:
    """The effect aspect (lexicon/wording.yaml's effect_aspects) the result's 二级指标 names; "" for none: the 通用
    outline tells the effects aspect by aspect (社会效益方面，……), with what their figures rest on."""
    words = lexicon.wording()
    level2 = result.indicator.level2.strip()
    return next((a for a in words["effect_aspects"] if level2 in (a, a + words["effect_aspect_suffix"])), "")


def _own(results: list[IndicatorResult], area: list[IndicatorResult]) -> list[IndicatorResult]:
    """The results of a story's own tasks (all when it names none), by identity: comparing results field by field
    made 300 indicators cost 0.3 s."""
    ids = {id(r) for r in area}
    return [r for r in results if id(r) in ids] if ids else results


def _with_whole_rates(story: str, results: list[IndicatorResult]) -> str:
    """A story that says a thing was done to all (排查河湖“四乱”问题37个，全部整改销号; 执法人员全部持证上岗) with the
    rate of 100 % it makes, after that clause (……全部整改销号，整改销号率100%), as an officer writes it: a reviewer read
    河湖“四乱”问题整改销号率为100%，达到目标值 added below the story as patched on to name every indicator. Only when the
    clause itself says the end of its name, four characters or more (整改销号 → 整改销号率), or says all were done in
    time and the name is of doing it in time (均在承诺时限内办结 → 按时审批率; 均按月足额打卡发放到户 → 按时足额发放率,
    two rates of one clause said once: 按时足额发放率均为100%; 按月发放高龄津贴 → 按时足额发放率, the thing named in
    the clause itself)."""
    words = lexicon.wording()["whole_rate"]
    found: dict[tuple[str, str, str], list[IndicatorResult]] = {}
    for result in results:
        name, value = result.indicator.name.strip(), result.completion_value
        named = {t for t in name_tokens(name) if len(t) >= 2}
        if not name.endswith(words["suffix"]) or value != 100 or result.indicator.completion.unit != "%" or any(
                said_as_its_own(result, clause) and len(named & name_tokens(clause)) >= 2
                for clause in re.split(r"[，,；;。]", story)):
            continue  # (the story says it already: 整改销号率100%; 达标率100% is another's)
        stem = name[:-len(words["suffix"])]
        timely = next((stem[stem.index(w):] for w in words["timely_names"] if w in stem), "")
        for part in _sentence_parts(story):
            clauses, _ = _clauses(part)
            if len(named & name_tokens(part)) < 2:
                continue
            # (……全部整改销号; 防汛抢险物资按计划储备到位, a clause that ends on what the rate measures, the thing named)
            candidates = [c for c in clauses if any(w in c for w in words["all_words"])
                          or (any(c.rstrip().endswith(stem[i:]) for i in range(len(stem) - words["least_chars"] + 1))
                              or timely and any(w in c for w in words["timely_clauses"]))
                          and len(named & name_tokens(c)) >= 2]
            # (the one about the thing named: 低保金……均按月足额打卡发放到户, not ……特困人员全部安排入住 before it)
            said = max(candidates, key=lambda c: len(named & name_tokens(c)), default=None)
            tail = next((stem[i:] for i in range(len(stem) - words["least_chars"] + 1) if stem[i:] in said), "") \
                if said else ""
            at = clauses.index(said) if said else 0
            if said and not tail and at and any(w in said for w in words["all_words"]) \
                    and said.rstrip().endswith(stem[-words["all_tail_chars"]:]) \
                    and len(named & name_tokens(clauses[at - 1])) >= 2:
                # (参加国家和省级能力验证12项，全部合格: the clause of all after the one that names the thing, ending on
                # the end of the name, 合格 of 实验室能力验证合格率 — a reviewer found 实验室能力验证合格率为100%，达到
                # 目标值 said again below)
                tail = stem[-words["all_tail_chars"]:]
            if said and not tail and timely and any(w in said for w in words["timely_clauses"]) \
                    and (any(w in said for w in words["all_words"]) or len(named & name_tokens(said)) >= 2):
                tail = timely  # (……均在承诺时限内办结; 按月发放高龄津贴, the thing named given in time)
            after = clauses[clauses.index(said) + 1] if said and clauses.index(said) + 1 < len(clauses) else ""
            if not tail or said_as_its_own(result, after):
                continue  # (受理旅游投诉全部按时办结，办结率100%: said right after)
            found.setdefault((part, said, tail), []).append(result)
            break
    for (part, said, tail), rates in found.items():
        if any(r not in rates and r.indicator.name.strip().endswith(tail + words["suffix"]) for r in results):
            continue  # (孤儿……基本生活费's 按时足额发放率 beside 残疾人两项补贴's: which one the clause said, unclear)
        value = rates[0].indicator.completion.text.strip()
        told = f"{said}，{tail}{words['suffix']}{words['each'] if len(rates) > 1 else ''}{value}"
        story = story.replace(part, part.replace(said, told, 1), 1)
    return story


def _with_its_name(basis: str, clause: str, result: IndicatorResult) -> str:
    """The counts and the clause of the effect's figure, as the story gave them when together they name what the
    figure measures (保障省市县重点项目用地55个中的54个，保障率98.2%); "" when they do not (全县196个行政村已建成站点126个，
    覆盖率64.3%: 站点 of what — a reviewer read it cut out of its story, and so it was, with the name added)."""
    said = basis + clause
    if all(token in said for token in name_tokens(result.indicator.name) if len(token) >= 2):
        return f"{basis}，{clause}"
    return ""


def _with_its_story(blocks: list[Block], highlights: list[Highlight]) -> list[Block]:
    """A result another goal states (失能半失能特困人员集中供养率达到60%以上 in the goal of 敬老院) but whose duty's
    narrative gives its figure under its own goal (特困人员供养2648人，失能半失能特困人员集中供养率为55.30%) is told
    there, where that paragraph counts it (社会救助方面的6项指标中……集中供养率未达到目标): a reviewer found the value
    bare in one part and compared and explained in the next, the count in one and the account in the other."""
    home = {id(task): block for block in blocks if block.goal for task in block.tasks}
    stories: dict[int, list[Highlight]] = {}
    for highlight in highlights:
        goals = {id(home[id(task)]) for task in highlight.tasks if id(task) in home}
        if len(goals) == 1:
            stories.setdefault(goals.pop(), []).append(highlight)
    moves: dict[int, list[Message]] = {}
    kept: dict[int, list[Message]] = {}
    for block in blocks:
        own = "".join(h.story for h in stories.get(id(block), []))
        kept[id(block)] = []
        for message in block.messages:
            result = message.results[0] if len(message.results) == 1 else None
            there = [target for target in blocks if target is not block and result is not None and any(
                result in h.area and said_as_its_own(result, h.story) for h in stories.get(id(target), []))]
            if not there and result is not None and result.indicator.key_work:
                # (a paragraph of two goals' tasks, 稳就业促就业 and 创业担保贷款和创业扶持 of one duty: the task the
                # indicator names as its 重点工作, whose narrative gives its figure — four reviewers of 章贡 found the
                # cause of 公共就业服务专项活动场次 under 创业, its 46场 under 稳就业)
                there = [home[id(task)] for task in (t for b in blocks for t in b.tasks)
                         if task.name == result.indicator.key_work and id(task) in home
                         and home[id(task)] is not block and said_as_its_own(result, task.result or "")
                         and not said_as_its_own(result, "".join(t.result or "" for t in block.tasks))]
            # (not the last of a goal's own results, its goal left without tasks: 雾岭's reviewer found goal 2,
            # 生产安全事故死亡人数控制在5人以内, empty and its deaths told under goal 1)
            alone = not block.tasks and len(block.messages) == 1
            if block.goal and len(there) == 1 and not said_as_its_own(result, own) and not alone:
                moves.setdefault(id(there[0]), []).append(message)
            else:
                kept[id(block)].append(message)
    if not moves:
        return blocks
    return [dataclasses.replace(block, messages=kept[id(block)] + moves.get(id(block), [])) for block in blocks]


def _by_goal(highlight: Highlight, blocks: list[Block], evaluation: Evaluation) -> list[Highlight]:
    """A paragraph of the 通用 outline: its narratives with their values (`told`); one paragraph a goal when its tasks
    answer different goals (推进农村养老服务设施建设 and 实施特殊困难老年人关爱服务 under one duty: a reviewer found
    适老化改造 told under the first goal and its part opening on 高龄津贴发放人数完成目标的104.5%)."""
    whole = dataclasses.replace(highlight, story=highlight.told) if highlight.told else highlight
    goal_of = {id(task): index for index, block in enumerate(blocks) if block.goal for task in block.tasks}
    goals = {goal_of.get(id(task)) for task in highlight.tasks}
    if len(highlight.tasks) < 2 or len(goals) < 2 or None in goals:
        return [whole]
    narrated = [r for r in evaluation.indicators if _category(r) in ("duty", "effect")]
    lines, spent = _lines_told(evaluation.report)
    parts = []
    for goal in sorted(goals):
        tasks = [task for task in highlight.tasks if goal_of[id(task)] == goal]
        told = [r for message in blocks[goal].messages for r in message.results]
        area = [r for r in highlight.area if r in told]  # the duty's indicators this goal tells
        story = _in_place("".join(strip_end(task.result) + "。" for task in tasks), narrated, lines, spent)
        # (named by its task: 养老服务方面指标2项 would miscount the duty's 5, which the checker reads so)
        title = tasks[0].name if len(tasks) == 1 else highlight.title
        parts.append(Highlight(title, tasks, [], area, story, {}, story))
    return parts


def _lines_told(report) -> tuple[list, list]:
    """The budget lines a narrative may tell of: those changed in the year (§三 tells the change) and those spent
    (the goal's funds tell the spending)."""
    lines = [line for line in report.budget_lines if line.parent and line.adjustment]
    spent = [line for line in report.budget_lines if line.parent and line.actual is not None]
    return lines, spent


def _in_place(narrative: str, narrated: list[IndicatorResult], lines: list, spent: list) -> str:
    """A narrative as the 通用 outline tells it: with its values in place, without what an officer's account below
    tells, the year's changes §三 tells and the spending its goal's funds tell."""
    story = _untold(narrative, narrated, keep_values=True)
    story = without_adjustments(story, lines)[0] if story and lines else story
    return _without_spending(story, spent) if story and spent else story


def _goal_blocks(goals: list[str], duty: list[IndicatorResult], tasks: list[KeyTask]) -> list[Block]:
    linker = GoalLinker(goals)
    # The duty's own words (二级指标 and its 重点工作) break ties and lift an indicator whose name says little.
    duty_text: dict[str, str] = {}
    for result in duty:
        duty_text[_duty(result)] = duty_text.get(_duty(result), _duty(result)) + " " + result.indicator.key_work
    duty_scores = {title: [score / 4 for score in linker.scores(text)] for title, text in duty_text.items()}
    # The indicators of one key task go together to the goal the task and all its indicators speak of most
    # (高血压患者基层规范管理服务率 ties between two goals that both say 规范管理率; its task decides), unless an
    # indicator shares nothing with that goal and clearly names another.
    task_text = {task.name: f"{task.name} {task.duty} {task.content}" for task in tasks}
    own = {id(result): linker.scores(f"{result.indicator.name} {result.indicator.key_work}", _figure(result))
           for result in duty}
    by_task: dict[str, list[float]] = {}
    for result in duty:
        work = result.indicator.key_work
        if work:
            total = by_task.setdefault(work, linker.scores(task_text.get(work, work)))
            by_task[work] = [a + b for a, b in zip(total, own[id(result)])]
    linked: list[list[IndicatorResult]] = [[] for _ in goals]
    others: list[IndicatorResult] = []
    for result in duty:
        indicator = result.indicator
        index = linker.best(f"{indicator.name} {indicator.key_work}", _figure(result), duty_scores[_duty(result)])
        group = by_task.get(indicator.key_work)
        if group and max(group) >= linker.THRESHOLD:
            shared = group.index(max(group))
            # a goal that states the indicator itself, its target figure too (特困人员供养人数不少于2600人), keeps it
            stated = index is not None and _figure(result) and _figure(result) in goals[index]
            # … judged by the indicator's name, not its task's words, which speak of the task's goal (雾岭: 生产安全事故
            # 死亡人数控制在5人以内 is goal 2's whole text; 安全生产监管执法和隐患治理 drew it to goal 1, goal 2 left empty)
            named = _stating_goal(result, goals, linker)
            if named is not None and named != shared:
                index, stated = named, True
            if (own[id(result)][shared] > 0 or index is None) and not (stated and index != shared and (
                    own[id(result)][index] > own[id(result)][shared] or index == named)):
                index = shared
        (linked[index] if index is not None else others).append(result)
    _with_its_duty(linked, own, goals, linker)
    linked_tasks: list[list[KeyTask]] = [[] for _ in goals]
    other_tasks: list[KeyTask] = []
    for task in tasks:
        votes = [2.0 * sum(1 for r in results if r.indicator.key_work == task.name) for results in linked]
        index = linker.best(f"{task.name} {task.duty} {task.content}", bonus=votes)
        (linked_tasks[index] if index is not None else other_tasks).append(task)
    blocks = [Block(goal, messages(results), goal=goal, goal_number=number, tasks=goal_tasks)
              for number, (goal, results, goal_tasks) in enumerate(zip(goals, linked, linked_tasks), start=1)]
    if others or other_tasks:
        # indicators no goal names have nothing in common: each exceeded one told on its own, not paired with another
        # in one 分别完成 (a reviewer: 流浪乞讨人员救助人数 and 社会组织等级评估数量 in one sentence)
        said = [part for message in messages(others) for part in (
            [Message(message.kind, [result]) for result in message.results] if message.kind == "exceeded" else [message])]
        blocks.append(Block("other", said, tasks=other_tasks, category="other"))
    return blocks


def _stating_goal(result: IndicatorResult, goals: list[str], linker: GoalLinker) -> int | None:
    """The goal that states the indicator by its name's words and its target figure (生产安全事故死亡人数控制在5人以内
    ↔ 生产安全事故死亡人数 ≤5人), when one goal alone does; None otherwise."""
    figure = _figure(result)
    words = _words(result.indicator.name)
    if not figure or not words:
        return None
    stating = [index for index, goal in enumerate(goals)
               if figure in goal and len(words & linker.words[index]) * 5 >= len(words) * 4]
    return stating[0] if len(stating) == 1 else None


def _with_its_duty(linked: list[list[IndicatorResult]], own: dict[int, list[float]], goals: list[str],
                   linker: GoalLinker) -> None:
    """An indicator that one word alone ties to a goal (旅游从业人员培训人次 ↔ 全民艺术普及培训班) goes with its duty:
    to the goal that holds at least three quarters of its 二级指标's indicators, when its name shares a word with
    that goal too (a reviewer: 旅游从业人员培训 told among 送戏下乡 and 村晚) — not one its goal states (_stating_goal)."""
    where = {id(result): index for index, results in enumerate(linked) for result in results}
    by_duty: dict[str, list[IndicatorResult]] = {}
    for results in linked:
        for result in results:
            by_duty.setdefault(_duty(result), []).append(result)
    for results in by_duty.values():
        counted = Counter(where[id(result)] for result in results)
        home, held = counted.most_common(1)[0]
        if len(results) < 4 or held * 4 < len(results) * 3:
            continue
        for result in results:
            index = where[id(result)]
            scores = own[id(result)]
            if index != home and scores[index] < 2 * GoalLinker.THRESHOLD and scores[home] > 0 \
                    and _stating_goal(result, goals, linker) != index:
                linked[index].remove(result)
                linked[home].append(result)


def _fund(blocks: list[Block], evaluation: Evaluation) -> None:
    """Each budget line without lines under it and named for one goal's work (防汛抗旱及山洪灾害防治经费 ↔ 防汛抗旱
    和山洪灾害防御 and its task) goes to that goal, so its part says what the work cost; a line that speaks of
    several goals alike, or of none, or of the budget goal itself (经费、资金 say nothing), goes nowhere."""
    goals = [block for block in blocks if block.goal]
    if not goals:
        return
    linker = GoalLinker([" ".join([block.goal] + [f"{task.name} {task.duty}" for task in block.tasks])
                         for block in goals])
    # Then the names of each goal's indicators: 临时救助及流浪乞讨人员救助经费 beside 临时救助平均审批办结时间
    by_indicators = GoalLinker([" ".join(r.indicator.name for message in block.messages for r in message.results)
                                for block in goals])
    parents = {b.line.parent for b in evaluation.budget}
    total = evaluation.total_budget
    classes = [{r.indicator.level2 for message in block.messages for r in message.results
                if len(r.indicator.level2) >= lexicon.wording()["line_task_run"]} for block in goals]
    for line in evaluation.budget:
        if line is total or line.line.name in parents or not line.line.parent or line.line.parent == (
                total.line.name if total is not None else None):
            continue
        if not line.adjusted_budget:
            continue  # cut to nothing in the year (普查数据采集设备购置经费 16.00 → 0): no spending, no rate to tell there;
            # §三's list of the year's changes tells its cut and cause
        stem = _line_stem(line.line.name)
        holding = [block for block in goals if stem and any(stem in task.name for task in block.tasks)]
        # 特困人员救助供养资金: one goal's task lists 特困人员救助供养 among its contents (两个目标都说特困人员供养)
        holding = holding or [block for block in goals
                              if stem and any(stem in task.content for task in block.tasks)]
        if len(holding) == 1:  # 农村公路建设资金: one goal's task is 农村公路建设和危桥改造
            if not any(part == "budget" for part, _ in holding[0].see_also):
                holding[0].lines.append(line)
            continue
        # 年中调减医保政策宣传和业务培训经费6.00万元 in one goal's task narrative: the officer told the line there (岜林's
        # reviewer found it under 参保扩面, which its words are nearer to, and 医保信息化建设及运维经费 in no part)
        told = [block for block in goals if any(line.line.name in task.result for task in block.tasks)]
        if len(told) == 1:
            if not any(part == "budget" for part, _ in told[0].see_also):
                told[0].lines.append(line)
            continue
        # 疾病预防控制专项经费 ↔ the goal whose indicators' 二级指标 is 疾病预防控制 (its task: 重大传染病防控和免疫规划;
        # a reviewer found that part silent on its money)
        classed = [index for index, level2s in enumerate(classes) if any(level2 in line.line.name for level2 in level2s)]
        if len(classed) == 1:
            if not any(part == "budget" for part, _ in goals[classed[0]].see_also):
                goals[classed[0]].lines.append(line)
            continue
        name = re.sub("|".join(lexicon.wording()["line_generic"]), " ", line.line.name)
        # (the budget goal's part tells no line: a line its indicators' names alone tie to it — 养老服务 of 老年人对养老
        # 服务满意度 — is looked for further)
        found = (lambda: _named_goal(name, linker), lambda: _named_goal(name, by_indicators),
                 lambda: _task_named(line.line.name, goals,
                                     [other.line.name for other in evaluation.budget if other is not line]),
                 lambda: _named_goal(_told_of(line.line.name, evaluation), linker),
                 lambda: _paired_task(line.line.name, goals))
        for find in found:
            index = find()
            if index is not None and any(part == "budget" for part, _ in goals[index].see_also):
                index = None
            if index is not None:
                goals[index].lines.append(line)
                break


def _paired_task(name: str, goals: list[Block]) -> int | None:
    """The one goal whose tasks' names and duties share two pieces of two characters or more with the line's name, the
    others none (动物防疫和畜牧业发展经费 ↔ 动物疫病防控, 畜牧兽医: 动物, 畜牧 — two reviewers of 祁东 found the line told
    as under no task while its task's part was silent on money); None when no goal or several do."""
    words = lexicon.wording()
    stem = re.sub("|".join(words["line_generic"]), " ", name)
    pieces = {piece for piece in char_pairs(stem) if " " not in piece}
    shared = [len(pieces & char_pairs(" ".join(f"{task.name} {task.duty}" for task in block.tasks))) for block in goals]
    tied = [index for index, count in enumerate(shared) if count]
    return tied[0] if len(tied) == 1 and shared[tied[0]] >= words["line_task_pairs"] else None


def _told_of(name: str, evaluation: Evaluation) -> str:
    """What the officer's accounts say beside a budget line's name (……2所乡镇敬老院因消防设计方案变更……，养老服务体系
    建设资金215.65万元结转……): the work its money went to, when its name speaks of two goals alike (养老服务 of 敬老院提升
    改造 and of 老年人关爱服务; a reviewer found the line that left most unspent in no goal's part). Figures and the
    line's own name are left out."""
    notes = [result.indicator.reason for result in evaluation.indicators] \
        + [b.line.note or "" for b in evaluation.budget]
    said = [sentence for note in notes for sentence in re.split(r"(?<=[。；])", note) if name in sentence]
    return re.sub(r"[\d.]+[%％]?", " ", " ".join(sentence.replace(name, " ") for sentence in said))


def _named_goal(name: str, linker: GoalLinker) -> int | None:
    """The one goal a line's name is named for by the linker's texts, or None."""
    scores = linker.scores(name)
    top = max(scores)
    if top < linker.THRESHOLD or scores.count(top) > 1 or sorted(scores)[-2] * 2 > top:
        return None
    index = scores.index(top)
    shared = _words(name) & linker.words[index]
    # 茶产业信息化平台 shares 茶产业 alone: not named for it
    return index if len(shared) >= 2 or shared == _words(name) else None


def _task_named(name: str, goals: list[Block], others: list[str]) -> int | None:
    """The one goal whose key task the line's name speaks of, when the goals' texts leave it open: the task's name
    and the line's share a run of four characters (茶叶加工技术改造补助资金 ↔ 茶叶加工提质升级, not 茶农技术培训), or a
    word of the line's name stands in one task's name alone and in no other line's name (殡葬改革及社会事务管理经费 ↔
    婚姻登记和殡葬管理服务; 社会 stands in two tasks; 林业 in 林业科技推广与执法监管经费 is in other lines too, a word of
    the bureau's, not of one task). Two reviewers found a goal's part silent on the money its work cost."""
    tasks = [" ".join(task.name for task in block.tasks) for block in goals]
    runs = [SequenceMatcher(None, name, task, autojunk=False).find_longest_match().size if task else 0 for task in tasks]
    longest = max(runs)
    if longest >= lexicon.wording()["line_task_run"] and runs.count(longest) == 1:
        return runs.index(longest)
    words = _words(name) - frozenset().union(*(_words(other) for other in others))
    # (a term of three characters or more in the goal's own words counts too: 社会保险经办服务经费 ↔ ……社会保险待遇按时
    # 足额发放率, whose task says 全民参保和社保待遇发放; a reviewer found that part silent on its money — not a word
    # of two, 产业 or 疾病, which a goal may hold in another sense: 新生儿疾病筛查率)
    held = [frozenset(words & _words(task)) | frozenset(word for word in words & _words(block.goal) if len(word) >= 3)
            for task, block in zip(tasks, goals)]
    alone = {index for index, shared in enumerate(held)
             for word in shared if sum(word in other for other in held) == 1}
    return alone.pop() if len(alone) == 1 else None


def _line_stem(name: str) -> str:
    """A budget line's name without its closing 资金/经费/项目, when four characters or more are left."""
    for end in lexicon.wording()["line_name_ends"]:
        if name.endswith(end) and len(name) - len(end) >= 4:
            return name[:-len(end)]
    return ""


def _in_goal_order(said: list[Message], goal: str) -> list[Message]:
    """The goal's messages in the order it states their indicators. Events that did not happen are said in a sentence
    of their own (全年未发生……) where the goal names them, not ahead of the figures of their message: a reviewer read
    不发生事故 … 超限超载率 … 安全隐患整改率 as a random order."""
    parted: list[Message] = []
    for message in said:
        events = [result for result in message.results if none_happened(result)]
        rest = [result for result in message.results if not none_happened(result)]
        parted += [Message(message.kind, part) for part in (events, rest) if part] if events and rest else [message]
    results = [result for message in parted for result in message.results]
    words = {id(result): _name_words(result) for result in results}
    # (a judgement placed by words it shares with others — 群众文化获得感 by the 群众 and 文化 of 群众对公共文化服务满意度 — is
    # not where the goal states it: judgements the goal does not name close their part)
    judged = {id(result) for message in parted if message.kind == "met_qualitative" for result in message.results}
    position = {id(result): _goal_position(
        words[id(result)], goal, set().union(*(words[id(other)] for other in results if other is not result)),
        by_all=id(result) not in judged) for result in results}
    for message in parted:
        message.results.sort(key=lambda r: position[id(r)])
    return sorted(parted, key=lambda message: min(position[id(r)] for r in message.results))


def _name_words(result: IndicatorResult) -> frozenset[str]:
    return frozenset(word for word in cut_words(lexicon.canonical_names(result.indicator.name)) if len(word) >= 2)


def _goal_position(words: frozenset[str], goal: str, shared: set[str], by_all: bool = True) -> int:
    """Where the goal states an indicator named by `words`: the place where most of them stand together, counting
    first the words no other indicator of the goal has (林业有害生物无公害防治率 stands where 无公害防治率 does, not with
    林业有害生物防治面积 at the goal's start; 渡口安全责任事故 where 责任事故 does, not with 开展渡口渡船安全检查: a reviewer
    read 检查 … 事故 … 改造 as a random order); by all its words when those are not in the goal (不动产登记办件量 at
    办理不动产登记业务), unless `by_all` is false (a judgement). A name whose words stand together for less than half
    of them is not stated (文化经营单位年度检查覆盖率 shares only 文化 and 检查 with 开展文化旅游市场执法检查) and goes
    after those that are."""
    places = {word: [found.start() for found in re.finditer(re.escape(word), goal)] for word in words}
    near = lexicon.wording()["goal_position_window"]

    def nearest(place: int, counted: set[str]) -> dict[str, int]:  # the counted words standing near `place`
        return {word: min(found, key=lambda other: abs(other - place)) for word, found in places.items()
                if word in counted and any(abs(other - place) <= near for other in found)}

    def where(counted: set[str]) -> int | None:
        candidates = sorted(place for word, found in places.items() if word in counted for place in found)
        if not candidates:
            return None

        def standing(place: int) -> tuple[int, int, int]:  # how much stands together, how close (一般登记业务), how early
            found = nearest(place, counted)
            return sum(map(len, found)), min(found.values()) - max(found.values()), -place

        best = max(candidates, key=standing)
        return best if sum(map(len, nearest(best, counted))) * 2 >= sum(map(len, counted)) else None

    own = set(words) - shared
    found = (where(own) if own else None)
    if found is None and by_all:
        found = where(set(words))
    return len(goal) if found is None else found


def _object_of(result: IndicatorResult) -> str:
    """The indicator's name without its last word, the measure (“三公”经费控制率 → “三公”经费)."""
    name = result.indicator.name
    words = cut_words(name)
    return name[:-len(words[-1])] if len(words) >= 2 else ""


def _into_goals(blocks: list[Block], results: list[IndicatorResult], process: bool = False) -> list[IndicatorResult]:
    """Process and effect indicators a goal states (全县接待游客人次增长8%以上 ↔ 全县接待游客人次增长率 ≥8%) are
    analysed under that goal: most of their words in it, or half of them and the target figure (not a
    percentage: 100% says little). Returns the others, for their own part of §四."""
    goal_blocks = [block for block in blocks if block.goal]
    moved: dict[int, list[IndicatorResult]] = {}
    rest = []
    satisfaction = lexicon.wording()["satisfaction_words"]
    heads = set(lexicon.wording()["count_heads"])
    for result in results:
        words = _words(result.indicator.name)
        if len(words - heads) >= 2:
            words = words - heads  # 因洪涝灾害死亡人数 in 确保不发生因洪涝灾害死亡人员: 人数 is the measure, not the thing
        figure = _figure(result)
        best, share = None, 0.0
        # 林业经营主体满意度 is not what 新增新型林业经营主体25家以上 states: a satisfaction only under a goal about one
        asks_satisfaction = any(word in result.indicator.name for word in satisfaction)
        for index, block in enumerate(goal_blocks):
            if asks_satisfaction and not any(word in block.goal for word in satisfaction):
                continue
            present = sum(1 for word in words if word in block.goal) / len(words) if words else 0.0
            by_figure = present >= 0.5 and figure and figure in block.goal
            # a process indicator whose words but its measure (控制率) the goal states: “三公”经费支出不超过预算
            by_object = process and len(words) >= 2 and len(thing := _object_of(result)) >= 3 and thing in block.goal
            # a satisfaction of the class the goal names (服务对象满意度达到90%以上 ↔ 救助对象满意度, 二级指标 服务对象满意度;
            # a reviewer: the goal quoted its satisfaction and its part said none)
            level2 = result.indicator.level2.removesuffix("指标")
            # (only where the goal names the class itself, no satisfaction by its own name: 不动产登记服务对象满意度)
            by_class = asks_satisfaction and len(level2) >= 4 and level2 in block.goal and not any(
                other.indicator.name in block.goal for other in results
                if any(word in other.indicator.name for word in satisfaction))
            if (present >= 0.75 or by_figure or by_object or by_class) and max(present, 0.75 * by_class) > share:
                best, share = index, max(present, 0.75 * by_class)
        if best is None:
            rest.append(result)
        else:
            moved.setdefault(best, []).append(result)
    for index, extra in moved.items():
        block = goal_blocks[index]
        block.messages = messages([r for message in block.messages for r in message.results] + extra)
    return rest


def _into_effect_goal(blocks: list[Block], rest: list[IndicatorResult]) -> list[IndicatorResult]:
    """A goal of effects and satisfaction alone (人均预期寿命达到79岁以上，患者满意度……) takes the few effect indicators
    no goal states (lexicon/wording.yaml effect_goal_takes), so that no part of §四 is one sentence (a reviewer:
    （十）效益与满意度 told only 卫生健康服务长效机制健全, beside （七）履职效益和满意度). Returns those left."""
    effect_levels = set(lexicon.wording()["categories"]["effect"])
    takers = [block for block in blocks if block.goal and not block.tasks and block.messages and all(
        r.indicator.level1 in effect_levels for message in block.messages for r in message.results)]
    if len(takers) != 1 or not rest or len(rest) > lexicon.wording()["effect_goal_takes"]:
        return rest
    block = takers[0]
    block.messages = messages([r for message in block.messages for r in message.results] + rest)
    return []


def _refer_empty_goals(blocks: list[Block], elsewhere: dict[str, list[IndicatorResult]]) -> None:
    """A goal may name the budget indicators (预算执行率达到100%), and one no duty indicator or task speaks
    to may be one of process or satisfaction: the indicators of those parts it names are its `see_also`,
    stated briefly under it with a pointer to where they are analysed (not asked of the officer)."""
    goal_blocks = [block for block in blocks if block.goal]
    goal_words = [_words(block.goal) for block in goal_blocks]
    for part, results in elsewhere.items():
        for result in results:
            words = _words(result.indicator.name)
            # Most of the indicator's words in the goal (预算执行率 in 预算执行率达到100%), not one shared word.
            shares = [len(words & goal) / len(words) if words else 0 for goal in goal_words]
            best = max(shares, default=0)
            # (of goals that share as many of its words, the one that names it whole: 预算调整率控制在5%以内, not
            # 培训班次调整率控制在10%以内 — 岚陵's training goal was told as the budget's part)
            tied = [index for index, share in enumerate(shares) if share == best]
            index = next((index for index in tied if result.indicator.name in goal_blocks[index].goal), tied[0]) \
                if tied else 0
            block = goal_blocks[index] if best >= 0.75 else None
            # A goal with results of its own points only to the budget part (预算执行率达到100%).
            if block is not None and (part == "budget" or not (block.messages or block.tasks)):
                block.see_also.append((part, result))


def _told(result: IndicatorResult, narratives: list[str]) -> bool:
    """A task narrative already states the result's figure (12.6公里, 64处): §二 does not say it twice."""
    return any(stated_in(result, text) for text in narratives)


def _area_of(title: str, tasks: list[KeyTask], duty: list[IndicatorResult]) -> list[IndicatorResult]:
    """The duty indicators a §二 paragraph titled `title` may count (公路养护方面指标5项), when a reader of the
    tables can tell which they are: the one 二级指标 the title names, or the 重点工作 of its one task that the
    title names (as the checker resolves 某某方面); [] when neither is sure."""
    words = name_tokens(title)
    if not words:
        return []
    names = {task.name for task in tasks}
    by_task = [r for r in duty if r.indicator.key_work in names]
    level2s = {r.indicator.level2.removesuffix("指标") for r in duty} - {""}
    named = [level2 for level2 in level2s if words <= name_tokens(level2)]
    if len(named) == 1:
        by_level2 = [r for r in duty if r.indicator.level2.removesuffix("指标") == named[0]]
        if not by_task or by_task == by_level2:
            return by_level2
    if len(tasks) == 1 and (words <= name_tokens(tasks[0].name) or name_tokens(tasks[0].name) <= words):
        return by_task
    return []


def _unpointed(clause: str, dropped: list[str], kept: list[str]) -> str:
    """A kept clause of a line's note that points back (这6个站点……继续建设) at a clause left out as said above
    (另外6个站点涉及……): without its 这, pointing at nothing (6个站点……)."""
    pointing = lexicon.wording()["told_reason"]["pointing"]
    figure = re.match(rf"\s*{pointing}(\d+\D)", clause)
    if figure and any(figure.group(1) in other for other in dropped) \
            and not any(figure.group(1) in other for other in kept if other is not clause):
        return clause.replace(pointing, "", 1)
    return clause


def _same_count(figure, completion) -> bool:
    """A count written with another measure word than the table's general 个 (3所 for 3个)."""
    general = lexicon.wording()["general_measure"]
    return figure.is_number and figure.value == completion.value and figure.unit != completion.unit \
        and general in (figure.unit, completion.unit) and figure.unit not in ("%", "") and completion.unit not in ("%", "")


def list_items(parts: list[str]) -> list[bool]:
    """Which sentence parts (to a ；or 。) are further items of a list that an earlier part opened with 其中 and left short
    of its whole (……512人，其中家政服务……146人，……；电商直播培训2期88人，……；……105人；……刺绣编织培训班6期173人，……。):
    each opens on a figure in the list's unit, after a ；, until the items add up to the whole. A list whose items make
    the whole already (……项目20个，……，其中……13个、……7个；……2个项目顺延……) has no more."""
    leads = tuple(lexicon.wording()["parts_leads"])
    flags = []
    unit, left = None, Decimal(0)  # the open list's unit and what its items have yet to add up to
    for part in parts:
        clauses = [c for c in re.split(r"[，,]", part.rstrip("。；;")) if c.strip()]
        first = [q for q in find_quantities(clauses[0]) if q.is_number and q.unit == unit] if clauses and unit else []
        item = bool(first) and first[-1].value <= left
        flags.append(item)
        if item:
            left -= first[-1].value
        at = next((index for index, c in enumerate(clauses) if c.lstrip().startswith(leads)), None)
        if not item and at is not None and at > 0:
            figures = [q for q in find_quantities(clauses[at]) if q.is_number]
            wholes = [q for q in find_quantities(clauses[at - 1]) if q.is_number and figures and q.unit == figures[-1].unit]
            unit = figures[-1].unit if wholes else None
            left = wholes[-1].value - sum((q.value for q in figures if q.unit == unit), Decimal(0)) if wholes else Decimal(0)
        elif not item:
            unit = None
        if not part.rstrip().endswith(("；", ";")) or left <= 0:
            unit = None
    return flags


def _untold(narrative: str, results: list[IndicatorResult], keep_values: bool = False) -> str:
    """The narrative without the clauses that only give an indicator's value (站点完好率95.4%; 全年实施农村供水
    改造提升工程13处): §四 says each against its target. What is left is what the tables do not hold (抽检水样362份，
    合格317份，不合格水样主要来自千人以下小型供水工程); "" when nothing is. With `keep_values` (the 通用 outline,
    which compares a value where the narrative gives it) only what an officer's account below tells goes."""
    names = [r.indicator.name for r in results]

    def told(clause: str) -> bool:
        # (3岁以下儿童系统管理率92.4%: the 3岁 is the name's)
        figures = [figure for figure in find_quantities(clause)
                   if not any(clause[figure.start:figure.end + 2] in name for name in names)]
        words = name_tokens(clause)
        return bool(figures) and all(any(
            r.indicator.completion.is_number and agrees(figure, r.indicator.completion)
            and words & name_tokens(r.indicator.name) for r in results) for figure in figures)

    continuations = tuple(lexicon.wording()["continuation_starts"])
    explained = [r for r in results if r.status is Status.MISSED and r.indicator.reason.strip()]

    def missed_told(clause: str) -> bool:
        """The clause gives the value of an indicator that missed its target and has its reason: §四 says the
        value, the target and the reason, so the sentence is not said twice (6所中…4所完成…，柘坪、上坊…顺延)."""
        words = name_tokens(clause)
        figures = [figure for figure in find_quantities(clause) if figure.is_number]

        def its(figure, r) -> bool:  # the indicator's completion, or its target (6所中…4所完成); 2型 of its name
            return clause[figure.start:figure.end] in r.indicator.name or any(
                value.is_number and (agrees(figure, value) or _same_count(figure, value))
                for value in (r.indicator.completion, r.indicator.target))
        # (计划提升改造的5所乡镇敬老院中已完工3所 for 完成提升改造敬老院数量 3个: 个 counts what 所 counts; but
        # 3所新建改扩建园新增学位630个 tells the places the three gave, which no account below says — a reviewer
        # missed the 630 + 285 that made up 915)
        return any(r.indicator.completion.is_number and words & name_tokens(r.indicator.name)
                   and any(agrees(figure, r.indicator.completion) or _same_count(figure, r.indicator.completion)
                           for figure in figures)
                   and all(its(figure, r) for figure in figures) for r in explained)

    reasons = [(find_quantities(r.indicator.reason), name_tokens(r.indicator.reason)) for r in results
               if r.indicator.reason.strip()]

    changes = tuple(lexicon.claim_words()["increase_words"] + lexicon.claim_words()["decrease_words"])

    def reason_told(sentence: str) -> bool:
        """Every figure of the sentence is in an officer's reason §四 tells, among words it shares with it (全年新增
        公共停车泊位2160个，其中……420个……1060个……680个): his account says it there. A figure that is a whole
        bracket is a name's (审计大数据分析平台（二期）原计划上半年完成招标: a reviewer found the next sentence left
        without its subject)."""
        figures = [figure for figure in find_quantities(sentence)
                   if not (sentence[figure.start - 1:figure.start] in ("（", "(") and figure.start
                           and sentence[figure.end:figure.end + 1] in ("）", ")"))]
        words = name_tokens(sentence)
        return bool(figures) and any(
            len(words & told_words) >= 2 and all(any(figure.unit == quantity.unit and agrees(figure, quantity)
                                                     for quantity in quantities) for figure in figures)
            for quantities, told_words in reasons)

    def accounted(clause: str) -> bool:
        """The clause gives the value of a missed result whose account below is told at length, in sentences of its
        own, and gives the value again (年末全县农村自来水受益人口34.97万人，占农村人口38.6万人的90.6%……)."""
        words = name_tokens(clause)
        chars = lexicon.wording()["account_paragraph_chars"]
        return any(words & name_tokens(r.indicator.name) and any(
            figure.is_number and agrees(figure, r.indicator.completion) for figure in find_quantities(clause))
            and ("。" in strip_end(r.indicator.reason) or len(r.indicator.reason) > chars)
            and any(agrees(quantity, r.indicator.completion) for quantity in find_quantities(r.indicator.reason)
                    if quantity.is_number)
            for r in explained)

    def unaccounted(clause: str) -> bool:
        """The clause gives the value of a result whose own account does not give it (在全县17个在建工地安装扬尘
        在线监测设备: PM2.5's account mentions the 17 sites, 扬尘's has none) — not 开展群测群防员培训2136人次, whose
        account sums it (合计2136人次)."""
        figures = [figure for figure in find_quantities(clause) if figure.is_number]
        words = name_tokens(clause)
        return any(r.indicator.completion.is_number and words & name_tokens(r.indicator.name)
                   and any(agrees(figure, r.indicator.completion) for figure in figures)
                   and not any(q.is_number and agrees(q, r.indicator.completion)
                               for q in find_quantities(r.indicator.reason)) for r in results)

    def told_part(clause: str) -> bool:
        """The clause gives the part or the target of what was left out (其中县直机关10个; 控制在1.58亿立方米以内)."""
        return clause.lstrip().startswith(tuple(lexicon.wording()["part_or_bound_starts"]))
    kept_sentences = []

    def keep_changes(clauses: list[str]) -> None:
        """The changes of the budget among clauses that go (with their cause and purpose), kept for §三."""
        changed = _change_clauses(clauses, changes)
        if changed:
            kept_sentences.append("，".join(changed) + "。")

    headline = False  # the narrative's opening part has been seen
    parts = _sentence_parts(narrative)
    for sentence, item in zip(parts, list_items(parts)):
        end = sentence[-1] if sentence[-1] in "。；;" else ""
        clauses = [c for c in re.split(r"[，,]", sentence.rstrip("。；;")) if c.strip()]
        if keep_values and item:
            # (全年开展妇女技能培训512人，其中家政服务……146人；电商直播培训2期88人，……；……刺绣编织培训班6期173人，……。:
            # items of one list stay whole, though his account names some — a reviewer of 瀚泉 found 512 the sum of
            # the two items left)
            kept_sentences.append(sentence)
            continue
        if keep_values:
            # (在全县17个在建工地安装扬尘在线监测设备……: a sentence that gives a result's value stays, though his account
            # of another mentions its figure — cut, the value came back as a sentence of its own at the paragraph's end)
            if reason_told(sentence) and not any(unaccounted(clause) for clause in clauses):
                # its change of the budget stays, for §三 to tell with the year's changes (年中追加医保基金监管专项经费
                # 18.00万元，用于……: cut with the sentence, the list said only 追加18.00万元)
                keep_changes(clauses)
            else:
                # (计划提升改造的5所乡镇敬老院中已完工3所，其余2所因消防设计变更重新招标，工程顺延至2025年实施: the
                # clauses after the result are his account's, which says 11月开工 and 2025年上半年完工 below — a
                # reviewer found the two told one after the other, and at odds; a clause that gives a result's value
                # stays, to be compared where it stands)
                rest = next((index for index in range(1, len(clauses))
                             if find_quantities("，".join(clauses[index:])) and reason_told("，".join(clauses[index:]))
                             and not told_part(clauses[index])
                             and not any(told(clause) and not accounted(clause) for clause in clauses[index:])),
                            len(clauses))
                head = clauses[:rest]
                # (按照省里统一部署，9月起为……接种HPV疫苗，……: what it led into is his account's, and the lead alone,
                # without a figure, says nothing — a reviewer found 按照省里统一部署。 standing alone)
                if not (rest < len(clauses) and not any(q.raw[:1].isdigit() for q in find_quantities("，".join(head)))
                        and len("，".join(head)) <= lexicon.wording()["lone_lead_chars"]):
                    kept_sentences.append("，".join(head) + ("。" if rest < len(clauses) else (end or "。")))
                keep_changes(clauses[rest:])
            continue
        # A part of a sentence (up to its 。 or ；) goes only when every clause of it gives an indicator's value or
        # goes on from one that does (……1.49亿立方米，控制在……以内): a part with anything else stays whole, or its
        # rest would be half a statement (受理维修事项227件，按期处置222件 without 按期处置率97.8%).
        dropped = ""
        whole = True
        for clause in clauses:
            goes_on = bool(dropped) and clause.lstrip().startswith(continuations) and (
                told(clause) or told_part(clause) or not find_quantities(clause))
            if told(clause) or goes_on:
                dropped = clause
            else:
                whole = False
                break
        if reason_told(sentence) or any(missed_told(clause) for clause in clauses):
            keep_changes(clauses)  # (its change stays, for §三: see above)
        if any(missed_told(clause) for clause in clauses):
            # (检查生产经营单位6534家次，排查隐患3862处，……整改率96.4%: the part tells how the missed one was reckoned —
            # but its opening clauses that give other indicators' values are the area's results, and stay in their
            # place; a reviewer read 检查……6534家次 added after the rest as out of order)
            lead = []
            for clause in clauses:
                if not told(clause) or missed_told(clause):
                    break
                lead.append(clause)
            if lead:  # (not yet the headline: the results that follow it in his narrative keep their place too)
                kept_sentences.append("，".join(lead) + (end or "。"))
            continue
        if reason_told(sentence):
            # 全年新增公共停车泊位2160个，其中……: the whole stays as the area's result, its make-up is his account's
            parts = next((index for index, clause in enumerate(clauses) if index and clause.lstrip().startswith(
                tuple(lexicon.wording()["part_or_bound_starts"]))), 0)
            if parts:
                # from the clause that gives the result (6月下旬强降雨……开展山塘整治，全年整治山塘64座: the cause before it
                # is his account's too; a reviewer found the 212座山塘水毁 told in §二 and again in §四)
                start = max((index for index in range(parts) if told(clauses[index])), default=0)
                if start == parts - 1 and kept_sentences and kept_sentences[-1].endswith("。"):
                    kept_sentences[-1] = kept_sentences[-1][:-1] + "；"  # one clause left: not a sentence of its own
                kept_sentences.append("，".join(clauses[start:parts]) + (end or "。"))
            continue
        if not whole:
            kept_sentences.append("，".join(clauses) + (end or "。"))
            headline = True
        elif not headline:
            # the narrative's opening result stays even when it only gives indicators' values: 全年新增城市绿地8.6公顷，
            # 新建……5个口袋公园 is what the area did, said here before §四 weighs it against the targets — without the
            # narrative's own weighing (全年举办……茶事推介活动27场，为目标的2.7倍: §四 says 为目标（10场）的2.7倍)
            words = tuple(lexicon.wording()["target_words_in_narratives"])
            plain = [clause for clause in clauses if not any(word in clause for word in words)]
            if plain and find_quantities("".join(plain)):
                kept_sentences.append("，".join(plain) + (end or "。"))
                headline = True
    return closed("".join(kept_sentences))


def _change_clauses(clauses: list[str], changes: tuple[str, ...]) -> list[str]:
    """The clauses that change a sum of the budget (追加……18.00万元), the clauses without figures right before them
    that give the cause (县政务服务中心医保窗口改造由县行政审批局统一实施，) and those after that say what for (用于……)."""
    purposes = tuple(lexicon.wording()["purpose_starts"])
    money = [any(q.unit == BUDGET_UNIT for q in find_quantities(clause)) for clause in clauses]
    flags = [any(word in clause for word in changes) and money[index] for index, clause in enumerate(clauses)]
    for index in range(1, len(clauses)):
        # (年中市委党校下达……专项补助资金26.00万元，追加干部教育培训经费: the sum in one clause, its 追加 in the next —
        # 岚陵's reviewer found 一是干部教育培训经费追加26.00万元 without where the money came from)
        if not money[index] and money[index - 1] and any(word in clauses[index] for word in changes) \
                and not flags[index - 1]:
            flags[index - 1] = flags[index] = True
    keep = list(flags)
    for index, flag in enumerate(flags):
        if not flag:
            continue
        amounts = {q.value for q in find_quantities(clauses[index]) if q.unit == BUDGET_UNIT}
        if index and not flags[index - 1] and amounts & {q.value for q in find_quantities(clauses[index - 1])
                                                          if q.unit == BUDGET_UNIT}:
            keep[index - 1] = True  # (6月省红十字会下拨……补助资金15.00万元，年中追加……15.00万元: where it came from)
        # (only a cause told whole from the sentence's start: 经县政府同意取消实施 after a clause with figures lacks its
        # subject)
        if not any(flags[:index]) and not any(find_quantities(clause) for clause in clauses[:index]):
            keep[:index] = [True] * index
        elif index and clauses[index].lstrip().startswith(tuple(lexicon.wording()["change_leaning_starts"])):
            keep[index] = False  # 相应的……调减120.00万元 without its cause: §三 names the line itself
            continue
        after = index + 1
        while after < len(clauses) and not flags[after] and clauses[after].strip().startswith(purposes):
            keep[after] = True
            after += 1
    return [clause.strip() for clause, kept in zip(clauses, keep) if kept]


def _naming(clause: str, line, changes: tuple[str, ...]) -> str:
    """A change clause with its line's name after its word of change (9月根据申报审核结果追加86.40万元 →
    ……追加科技型中小企业研发费用后补助资金86.40万元), for §三's list, where no story tells whose money it was."""
    amount = abs(line.adjustment)
    for quantity in find_quantities(clause):
        if quantity.is_number and quantity.value == amount:
            before = clause[:quantity.start]
            word = next((word for word in sorted(changes, key=len, reverse=True) if before.endswith(word)), "")
            if word:
                return before + line.name + clause[quantity.start:]
    return clause


def _initial_before(clauses: list[str], change: str, lines):
    """The line whose change `change` gives when the clauses before it give that line's budget at the year's start
    (and nothing of its cause); else None."""
    amounts = {q.value for q in find_quantities(change) if q.is_number and q.unit == BUDGET_UNIT}
    # (年初按新认定、重新认定各10家测算安排150.00万元，10月追加……: how it was reckoned is why it grew — it goes with it)
    if any(word in clause for clause in clauses for word in lexicon.claim_words()["reckoning_verbs"]):
        return None
    for line in lines:
        if line.initial and abs(line.adjustment) in amounts and any(
                q.is_number and q.unit == BUDGET_UNIT and q.value == line.initial
                for clause in clauses for q in find_quantities(clause)):
            return line
    return None


def _named_whole(clause: str, line, changes: tuple[str, ...]) -> str:
    """A change clause that names its line by part of its name after its word of change (调减平台建设经费22.00万元 for
    审计大数据分析平台（二期）建设经费) with the whole name, for §三's list, where the story that named the platform is not
    told: a reviewer of 潇川 read 平台 there as named nowhere. Only when every word of the short name is the line's."""
    amount = abs(line.adjustment)
    for quantity in find_quantities(clause):
        if not (quantity.is_number and quantity.value == amount):
            continue
        before = clause[:quantity.start]
        at = max((before.rfind(word) + len(word) for word in changes if word in before), default=-1)
        short = before[at:] if at > 0 else ""
        if short and short != line.name and short.endswith(tuple(lexicon.claim_words()["fund_words"])) \
                and name_tokens(short) <= name_tokens(line.name):
            return before[:at] + line.name + clause[quantity.start:]
    return clause


def without_adjustments(story: str, lines) -> tuple[str, list[str], set[str]]:
    """§二's story without the clauses that give a budget line's change (年中追加市政设施维护经费260.00万元): §三 says
    the budget's changes. A sentence part that ends with such a clause after clauses of its own is its cause told
    (7月中旬强降雨后……清淤，年中追加……260.00万元；): it is returned, whole, for §三; a change at the start of a part
    (……项目年中追加……150.00万元，全年改造……) is returned alone and leaves the rest in §二. Also returned: the names
    of the lines whose change the returned sentences tell."""
    words = lexicon.claim_words()
    changes = tuple(words["increase_words"] + words["decrease_words"])

    def names(line) -> list[str]:
        return [name for name in (line.name, _line_stem(line.name)) if name]

    funds = tuple(words["fund_words"])

    told: set[str] = set()

    def is_change(clause: str) -> bool:
        if not any(word in clause for word in changes):
            return False
        amounts = {quantity.value for quantity in find_quantities(clause) if quantity.is_number}
        cut = any(word in clause for word in words["decrease_words"])
        changed = [line for line in lines if abs(line.adjustment) in amounts and (line.adjustment < 0) == cut]
        # named (……年中追加市政设施维护经费260.00万元), or a fund named its own way whose change only one line has
        # (相应的县级规划编制经费年中调减60.00万元)
        named = [line for line in changed if any(name in clause for name in names(line))]
        if not named and len(changed) == 1 and any(word in clause for word in funds):
            named = changed
            renamed[clause] = changed[0]  # (§三 may name it whole: 调减平台建设经费 → 调减审计大数据分析平台……)
        if not named and len(changed) == 1:
            # (年初按25家测算安排120.00万元，9月根据申报审核结果追加86.40万元: no fund named, but the part gives the
            # line's budget at the year's start or after it beside its change — a reviewer found the change listed last,
            # bare, its cause left in the story)
            budgets = {changed[0].initial, changed[0].adjusted_budget}
            if any(quantity.is_number and quantity.value in budgets for quantity in find_quantities(context[0])):
                named = changed
                unnamed[clause] = changed[0]  # §三 names it: 追加科技型中小企业研发费用后补助资金86.40万元
        told.update(line.name for line in named)
        return bool(named)

    context = [""]  # the sentence part the clauses are of
    unnamed: dict = {}  # a change clause that names no line, with the line its part shows it is of
    renamed: dict = {}  # a change clause that names its line its own way, with that line

    purposes = tuple(lexicon.wording()["purpose_starts"])
    kept, moved = [], []
    pointers = tuple(lexicon.claim_words()["pointing_back_words"])
    went = False  # the part before went to §三 whole
    for part in _sentence_parts(story):
        clauses, end = _clauses(part)
        counts = len(kept), len(moved)
        if went and clauses and clauses[0].lstrip().startswith(pointers):
            # (……调减病死畜禽……资金60.00万元；该项资金年末未支出83.52万元，……: the part it pointed at went to §三 — a
            # reviewer found 该项资金 pointing at nothing — so it names the line)
            line = next((line for line in lines if any(name in moved[-1] for name in names(line))), None)
            if line is not None:
                opening = clauses[0].lstrip()
                pointer = next(word for word in sorted(pointers, key=len, reverse=True) if opening.startswith(word))
                clauses[0] = line.name + opening[len(pointer):]
                part = "，".join(clauses) + end
        elif went and clauses and not any(name in part for line in lines for name in names(line)):
            # (……年中分两批追加326.00万元，……；第四季度对乡镇卫生院的工作补助44.26万元需待……拨付，年末未支出: what the
            # line left, its name gone with the change — a reviewer found the sentence without its subject)
            line = next((line for line in lines if any(name in moved[-1] for name in names(line))), None)
            if line is not None and line.actual is not None and any(
                    quantity.is_number and quantity.value == line.adjusted_budget - line.actual
                    for quantity in find_quantities(clauses[0])):
                clauses[0] = line.name + lexicon.wording()["part_of_line"] + clauses[0].lstrip()
                part = "，".join(clauses) + end
        context[0] = part
        flags = [is_change(clause) for clause in clauses]
        # (a change the part names no line for stays in the story too, in his words: ……应兑现后补助资金206.40万元；年初按25家
        # 测算安排120.00万元，9月……追加86.40万元，11月全部拨付到企业 — cut from it, a reviewer read the 120.00万元 as all
        # that was paid)
        own_words = {index: clause for index, clause in enumerate(clauses) if clause in unnamed}
        clauses = [_naming(clause, unnamed[clause], changes) if clause in unnamed
                   else _named_whole(clause, renamed[clause], changes) if clause in renamed else clause
                   for clause in clauses]
        # (its one change closes it but for what the money is for: 年中争取省级大气污染防治资金，追加……136.00万元，主要用于……
        # — the clauses before are its cause; cut from them it left 年中争取省级大气污染防治资金。 alone)
        last = max((index for index, flag in enumerate(flags) if flag), default=-1)
        # (……改由运营企业市场化运营，农村电商公共服务运营经费年中调减250.00万元，调整后预算210.00万元: the line's budget
        # after it, which its funds sentence gives, goes — a reviewer found the cause left in §二 and the cut bare in §三)
        budget_after = [_budget_figure(clause) for clause in clauses]
        closing = last > 0 and flags.count(True) == 1 and all(
            clause.strip().startswith(purposes) or budget_after[index]
            for index, clause in enumerate(clauses[last + 1:], start=last + 1))
        if closing:
            clauses = [clause for index, clause in enumerate(clauses) if index <= last or not budget_after[index]]
        if not any(flags) and is_change(part):
            # (……年初提前下达中央和自治区医疗救助补助资金860.00万元，2024年8月自治区下达第二批补助资金214.00万元，年中
            # 追加列入部门预算；: its amount and its 追加 in clauses apart — the part is the change told with its cause)
            moved.append("，".join(clauses) + "。")
        elif not any(flags):
            kept.append(part)
        elif closing and (line := _initial_before(clauses[:last], clauses[last], lines)) is not None:
            # (年初自治区妇联提前下达……“两癌”救助资金30.00万元（30人），11月26日追加第二批资金25.00万元（25人）: the line's
            # budget at the year's start stays in the story; §三's list takes the change alone, named — a reviewer of 瀚泉
            # read the 30.00万元 listed among the year's changes)
            kept.append("，".join(clauses[:last]) + (end or "。"))
            change = clauses[last].strip()
            moved.append((change if any(name in change for name in names(line)) else line.name + change) + "。")
        elif closing and any(_reports_result(clause, clauses[index + 1], index + 1 == last)
                             for index, clause in enumerate(clauses[:last])):
            results = [index for index, clause in enumerate(clauses[:last])
                       if _reports_result(clause, clauses[index + 1], index + 1 == last)]
            # (新建现场教学点5个，分别为石门坳村……: the clause that names which goes with its result — 岚陵's reviewer found
            # the list of sites given as the cause of 追加……8.00万元)
            which = tuple(lexicon.wording()["which_starts"])
            results = sorted(set(results) | {index for index in range(1, last) if index - 1 in results
                                             and clauses[index].lstrip().startswith(which)})
            # (……改为组队参加市残疾人运动会，获得金牌3枚、银牌5枚，调减……5.00万元; 全年新增限额以上商贸企业52家，……，
            # 商贸企业培育奖补资金追加45.00万元……: two reviewers found the medals and the firms in the list of the
            # budget's changes) the results stay in the story with what led to them; the change goes with its cause
            # (完成……3860卷，该项目政府采购中标价低于预算，调减……6.00万元: the cause goes without its pointer — a reviewer
            # found 六是该项目 pointing at nothing — and the story keeps the results, not the cause after them)
            if all(_MONTH_OPENING.match(clauses[index].strip()) for index in results) and len(results) == 1 \
                    and results[0] == 0 and last > 1:
                # (3月起使用省红十字会配发的心肺复苏模拟人10套开展教学，原计划自购的模拟人不再采购，年中调减……: a dated
                # step that made the change — left alone at a part's opening, 槠溪's reviewer; it goes with the change)
                results = []
            going = [clause for index, clause in enumerate(clauses) if index >= last or index not in results]
            purposes = tuple(lexicon.wording()["purpose_starts"])
            if len(going) == 1 and not any(word in going[0] for word in purposes) \
                    and not clauses[results[0]].strip().startswith(tuple(lexicon.wording()["result_starts"])):
                # (2024年6月新招聘专职教师3名到岗，年末专职教师19人，年中追加基本支出人员经费14.60万元: nothing but results
                # before the change — the first is its occasion, told with it too; 岚陵's reviewer found 二是追加……14.60万元
                # without a cause)
                going = [clauses[results[0]].strip()] + going
            opening = going[0].lstrip()
            pointer = next((word for word in sorted(pointers, key=len, reverse=True) if opening.startswith(word)), "")
            if pointer and len(going) > 1:
                going[0] = opening[len(pointer):]
            moved.append("，".join(going) + "。")
            if results:
                kept.append("，".join(clauses[:results[-1] + 1]) + (end or "。"))
        elif closing and (dated := [index for index in range(last) if _MONTH_OPENING.match(clauses[index].strip())]) \
                and len(dated) >= 2 and dated[-1] > 0:
            # (项目6月启动政府采购，7月首次公开招标……流标，8月重新组织招标，9月签订合同，合同金额59.40万元，签订合同后……
            # 调减……8.60万元: the year's steps stay in the story, the change goes with the last of them — 额尔敦塔拉's
            # reviewer found the procurement in the list of changes and missing from the digitisation's part)
            kept.append("，".join(clauses[:dated[-1]]) + (end or "。"))
            moved.append("，".join(clause.strip() for clause in clauses[dated[-1]:]) + "。")
        elif closing:
            moved.append("，".join(clauses) + "。")
        else:
            # (……项目年中追加省级城市更新补助资金150.00万元，全年改造……: the change alone to §三, the results stay;
            # a purpose right after it goes with it: 年中追加农村公路养护资金150.00万元，用于水毁修复)
            # (and its parts right after it, with the purpose after them: ……年中分两批追加326.00万元，其中7月下达218.00
            # 万元、11月下达108.00万元，主要用于…… — left behind, a reviewer found 其中 pointing at nothing)
            parts_of = tuple(lexicon.wording()["dangling_starts"])
            going = []
            for index, (clause, flag) in enumerate(zip(clauses, flags)):
                going.append(flag or bool(index and going[index - 1] and (
                    clause.strip().startswith(purposes) or clause.strip().startswith(parts_of))))
            # a cause right before it goes with it too (因城乡居民医保实际参保人数少于……，县级财政补助资金年中调减42.60万元，
            # 全年拨付……: left behind, 因…… became the cause of what was paid)
            causes = tuple(lexicon.wording()["change_cause_starts"])
            # (and the sentence's opening clause without figures: 年中争取省级县域商业建设行动补助，……追加180.00万元，……
            # — left behind, a reviewer read the grant as why money stayed unspent)
            before = [index + 1 < len(clauses) and flags[index + 1] and not flag and (
                clause.strip().startswith(causes) or (index == 0 and not find_quantities(clause)))
                for index, (clause, flag) in enumerate(zip(clauses, flags))]
            going = [go or ahead for go, ahead in zip(going, before)]
            cause = ""
            for index, clause in enumerate(clauses):
                if before[index]:
                    cause = clause.strip() + "，"
                elif flags[index]:
                    moved.append(cause + clause.strip() + "。")
                    cause = ""
                elif going[index]:
                    moved[-1] = moved[-1][:-1] + "，" + clause.strip() + "。"
            rest = [own_words.get(index, clause) for index, (clause, flag) in enumerate(zip(clauses, going))
                    if not flag or index in own_words]
            first_left = next((index for index, go in enumerate(going) if not go), len(going))
            if rest and moved and going[0] and all(not go for go in going[first_left:]) and not own_words \
                    and not any(q.is_number for q in find_quantities("，".join(rest))):
                # (5月县委委托开展……重大课题，追加……6.00万元，课题于11月结题: what became of what the money was for,
                # without a figure, goes with it — left, 课题于11月结题。 read as all nine topics', 岚陵's reviewer)
                moved[-1] = moved[-1][:-1] + "，" + "，".join(clause.strip() for clause in rest) + "。"
                rest = []
            if rest:
                kept.append("，".join(rest) + (end or "。"))
        went = len(kept) == counts[0] and len(moved) > counts[1]
    return closed("".join(kept)), moved, told


_MONTH_OPENING = re.compile(r"(?:\d{4}年)?\d{1,2}月")  # 7月首次公开招标……: a step of the year, dated


def _budget_figure(clause: str) -> bool:
    """A clause that only gives a budget figure (调整后预算210.00万元): a word of the budget and one sum of money."""
    figures = [q for q in find_quantities(clause) if q.is_number]
    return len(figures) == 1 and figures[0].unit == BUDGET_UNIT \
        and any(word in clause for word in lexicon.wording()["budget_words"])


def _reports_result(clause: str, following: str, before_change: bool = False) -> bool:
    """A clause that gives a result of the work (获得金牌3枚、银牌5枚; 全年新增限额以上商贸企业52家): a figure, none of it
    money; not a cause (原计划购置的1套……改由市生态环境局统一采购配发), nor one the clause after it leans on (其中5个……由
    省级……统一组织编制，相应的……调减60.00万元; ……完成牛冷配改良1.06万头，冷冻精液和配种补助支出相应减少); right
    before the change, only one that opens as a result does (年中有8名居家托养对象纳入民政特困人员集中供养，年中调减……
    6.50万元 is the cut's cause)."""
    figures = [q for q in find_quantities(clause) if q.is_number]
    words = lexicon.wording()
    return bool(figures) and all(q.unit != BUDGET_UNIT for q in figures) \
        and not any(word in clause for word in words["change_cause_words"]) \
        and not any(word in following for word in words["change_leaning_starts"]) \
        and (not before_change or clause.strip().startswith(tuple(words["result_starts"])))


def _without_spending(story: str, lines) -> str:
    """§二's story without a clause that only gives what a budget line spent (全年支出茶农技术培训经费88.52万元): the
    money is told in §三 and under the goal in §四 (a reviewer: 硬塞在成效清单里); nor one that says a line was not
    changed, which the line's funds sentence says."""
    spent_words = tuple(lexicon.wording()["spent_words"])
    budget_words = tuple(lexicon.wording()["budget_words"])

    def spends(clause: str) -> bool:
        figures = find_quantities(clause)
        amounts = {quantity.value for quantity in figures if quantity.is_number and quantity.unit == BUDGET_UNIT}
        # (项目实际支出298.74万元: a line's spending by its amount alone, said with a word of spending — a reviewer found
        # it left alone at the end of a paragraph of work)
        # (两项补贴资金实际支出1355.87万元: 两项 is a word of the name, no other figure — a reviewer found the sum twice)
        written = [quantity for quantity in figures if quantity.raw[:1].isdigit()]
        # (该项经费调整后预算110.00万元: its budget, which the funds sentence gives — a reviewer would read it alone)
        # (年末未支出311.40万元: what the line left, which its funds sentence gives)
        return any((line.actual in amounts and (any(name in clause for name in (line.name, _line_stem(line.name)) if name)
                                                or (len(written) == 1 and any(word in clause for word in spent_words))))
                   or ({line.initial, line.adjusted_budget} & amounts and len(written) == 1
                       and any(word in clause for word in budget_words))
                   or (line.actual is not None and line.adjusted_budget - line.actual in amounts and len(written) == 1
                       and any(word in clause for word in unspent_words))
                   for line in lines)

    unspent_words = tuple(lexicon.wording()["unspent_words"])
    pointers = tuple(lexicon.claim_words()["pointing_back_words"])
    rate_word = lexicon.wording()["rate_clause"]["word"]

    def rates_line(clause: str) -> bool:
        """(……过渡，该项经费年末执行率61.50%: a line's rate, pointed at or named, which its funds sentence gives — a
        reviewer found 该项经费 pointing at a cut moved to §三, and 61.50% three times)"""
        figures = [q for q in find_quantities(clause) if q.is_number]
        return len(figures) == 1 and figures[0].unit == "%" and rate_word in clause \
            and (any(word in clause for word in pointers) or named(clause) is not None) \
            and any(line.actual is not None and line.adjusted_budget
                    and round_half_up(line.actual * 100 / line.adjusted_budget, 2) == figures[0].value for line in lines)

    def named(clause: str):
        return next((line for line in lines if any(name in clause for name in (line.name, _line_stem(line.name))
                                                   if name)), None)

    unchanged = tuple(lexicon.wording()["unchanged_words"])

    def says_unchanged(clause: str) -> bool:
        """(生态环境执法及环境应急经费年中未作调整: a clause with no figure that the line's funds sentence says again)"""
        return any(word in clause for word in unchanged) and not find_quantities(clause) and any(
            not line.adjustment and any(name in clause for name in (line.name, _line_stem(line.name)) if name)
            for line in lines)

    subjectless = tuple(lexicon.wording()["subjectless_starts"])
    kept = []
    for part in _sentence_parts(story):
        clauses, end = _clauses(part)
        going = [spends(clause) or says_unchanged(clause) or rates_line(clause) for clause in clauses]
        for index in range(1, len(clauses)):
            # (慢性病防控和健康促进经费全年未作调整，执行率97.42%: the rate of the line the clause gone named goes too —
            # a reviewer found 执行率97.42%。 without its subject)
            line = named(clauses[index - 1]) if going[index - 1] else None
            figures = [q for q in find_quantities(clauses[index]) if q.is_number]
            if line is not None and line.actual is not None and line.adjusted_budget and len(figures) == 1 \
                    and figures[0].unit == "%" and rate_word in clauses[index] \
                    and round_half_up(line.actual * 100 / line.adjusted_budget, 2) == figures[0].value:
                going[index] = True
        # (……年末未支出83.52万元，其中3个未建成暂存点的建设补助54.00万元……: the parts lean on it — a reviewer found
        # 其中 pointing at nothing — so it stays)
        dangling = tuple(lexicon.wording()["dangling_starts"])
        going = [go and not (index + 1 < len(clauses) and not going[index + 1]
                             and clauses[index + 1].lstrip().startswith(dangling))
                 for index, go in enumerate(going)]
        # (……结余6.36万元为冬春救助资金尾数，结转2025年继续使用: what became of the money that went goes with it — 雾岭's
        # reviewer found 结转2025年继续使用 without its subject)
        dependent = tuple(lexicon.wording()["told_reason"]["dependent_starts"])
        for index in range(1, len(clauses)):
            # (……捐献宣传动员经费年初预算12.00万元，年内未作调整: the line named in part — 年内未作调整。 was left alone)
            if going[index - 1] and (clauses[index].lstrip().startswith(dependent) or (
                    index == len(clauses) - 1 and any(word in clauses[index] for word in unchanged))) \
                    and not any(q.is_number for q in find_quantities(clauses[index])):
                going[index] = True
        rest = [clause for clause, go in zip(clauses, going) if not go]
        if len(rest) < len(clauses):
            # (……经费148.60万元全年未作调整，全部支出: what is left of the money's sentence says nothing alone)
            rest = [clause for clause in rest if find_quantities(clause)
                    or not any(word in clause for word in spent_words + budget_words)]
            # (外贸发展促进资金年初预算520.00万元，年中未作调整，主要用于……: the line its opening clause named keeps its
            # name, and its 未作调整 goes with the figures — a reviewer read 年中未作调整 as said of the sentence before)
            line = named(clauses[0]) if clauses[0] not in rest else None
            if line is not None and rest and rest[0] is clauses[1 if len(clauses) > 1 else 0]:
                if not line.adjustment:
                    rest = [clause for clause in rest if not (any(word in clause for word in unchanged)
                                                              and not find_quantities(clause))]
                if rest and rest[0].lstrip().startswith(subjectless):
                    rest[0] = line.name + rest[0].lstrip()
        if rest:
            kept.append(part if len(rest) == len(clauses) else "，".join(rest) + (end or "。"))
    return closed("".join(kept))


def _once_in_the_year(accounts: list[str]) -> list[str]:
    """The accounts of the year's changes, one after another, with their shared time word (年中) said by the first only:
    a reviewer counted six sentences opening with 年中 after the summary's own 年中净调增."""
    words = tuple(lexicon.wording()["change_times"])
    claims = lexicon.claim_words()
    verbs = tuple(claims["increase_words"] + claims["decrease_words"])
    said, out = False, []
    for account in accounts:
        word = next((word for word in words if account.startswith(word)), "")
        rest = account[len(word):].lstrip("，, ")
        # only before a cause (年中争取……补助，追加……): a bare 追加…… keeps its time word, or it reads as a fragment
        # (年中有8名……: 有 needs its time word — 五是有8名 reads broken)
        if word and said and len(rest) > 4 and not rest.startswith(verbs) \
                and not rest.startswith(tuple(lexicon.wording()["time_kept_before"])):
            account = rest
        said = said or bool(word)
        out.append(account)
    return out


def _enumerated(accounts: list[str], untold: list | None = None, lines=()) -> tuple[list[str], bool]:
    """Three accounts of the year's changes or more, each a sentence of its own, told as one list after the summary
    (具体为：一是……追加……；二是……调减……): a reviewer read them as short sentences piled one on another. The summary
    says 年中, so an item's 年中 before its verb goes; an account of several sentences leaves the list as it was.
    The lines whose change no account tells close the list by their amounts (四是追加A95.00万元、B60.00万元和……; a
    reviewer: 具体为 listed three of six changes, and a closing 此外 read as tacked on). Also whether it listed them."""
    words = lexicon.wording()["enumerated_changes"]
    groups = len({line.adjustment > 0 for line in untold or []})  # the untold increases and cuts: an item each
    if len(accounts) + groups < words["from"] or any("。" in account.rstrip("。") for account in accounts):
        return accounts, False
    for verb, group in ((words["increase"], [line for line in untold or [] if line.adjustment > 0]),
                        (words["decrease"], [line for line in untold or [] if line.adjustment < 0])):
        # the line names its change (中小河流治理及山塘整治项目追加150.00万元; A和B分别调减210.00万元和45.00万元 —
        # a reviewer: 追加中小河流治理及山塘整治项目150.00万元 reads as adding a project)
        amounts = [f"{number(abs(line.adjustment))}{BUDGET_UNIT}" for line in group]
        if len(group) == 1:
            accounts = accounts + [words["untold_one"].format(name=group[0].name, verb=verb, amount=amounts[0]) + "。"]
        elif group:
            accounts = accounts + [words["untold_many"].format(
                names=join_list(line.name for line in group), verb=verb, amounts=join_list(amounts)) + "。"]
    claims = lexicon.claim_words()
    # increases first, then cuts, each the larger first, as an officer lists them (岜林's reviewer: 减、减、增、增、减,
    # the largest, 214.00万元, last)
    accounts = sorted(accounts, key=lambda account: _change_order(account, lines))
    verbs = "|".join(map(re.escape, claims["increase_words"] + claims["decrease_words"]))
    times = "|".join(map(re.escape, lexicon.wording()["change_times"]))
    items = [re.sub(rf"(?:{times})(?=(?:{verbs}))", "", strip_end(account), count=1) for account in accounts]
    return [words["lead"] + "；".join(words["item"].format(number=chinese_number(n), text=item)
                                      for n, item in enumerate(items, start=1)) + "。"], True


def _change_order(account: str, lines) -> tuple[int, Decimal]:
    """Where a change stands in the year's list: increases (0) before cuts (1), the larger first; one whose line is
    not found after them."""
    claims = lexicon.claim_words()
    up, down = (any(word in account for word in claims[key]) for key in ("increase_words", "decrease_words"))
    amounts = {q.value for q in find_quantities(account) if q.is_number and q.unit == BUDGET_UNIT}
    sign = 1 if up and not down else -1 if down and not up else 0  # the account's verb, when it says one way
    found = {line.adjustment for line in lines if line.adjustment and abs(line.adjustment) in amounts
             and (not sign or (line.adjustment > 0) == (sign > 0))}
    if len(found) != 1:
        return 2, Decimal(0)
    change = found.pop()
    return (0 if change > 0 else 1), -abs(change)


def _standing_alone(account: str) -> str:
    """A narrative's sentence moved to §三 without the word that tied it to the sentence before it there
    (其中5个特色保护类村庄规划由……统一组织编制，……调减60.00万元: a reviewer found 其中 pointing at nothing)."""
    for word in lexicon.wording()["dangling_starts"]:
        if account.startswith(word) and len(account) > len(word) + 1:
            return account[len(word):].lstrip("，, ")
    return account


def _merged_changes(accounts: list[str]) -> list[str]:
    """Bare changes that open alike (年中追加A资金180.00万元。…… 年中追加B资金60.00万元。) as one sentence where the
    first stands, as an officer writes them: 年中追加A资金180.00万元、B资金60.00万元。 A change told with its cause
    or purpose stays as written."""
    words = lexicon.claim_words()
    verbs = "|".join(map(re.escape, words["increase_words"] + words["decrease_words"]))
    bare = re.compile(rf"^([^，,。]{{0,6}}?(?:{verbs}))([^，,。]+?\d[\d.,]*万元)。$")
    connectives = lexicon.wording()["connectives"]
    merged: list[str | list[str]] = []  # an account, or a lead and the changes it introduces
    first: dict[str, list[str]] = {}
    for account in accounts:
        match = bare.match(account)
        if match and match.group(1) in first:
            first[match.group(1)].append(match.group(2))
        elif match:
            first[match.group(1)] = [match.group(1), match.group(2)]
            merged.append(first[match.group(1)])
        else:
            merged.append(account)
    return [item if isinstance(item, str) else item[0] + connectives["list_separator"].join(item[1:-1])
            + (connectives["list_last"] if len(item) > 2 else "") + item[-1] + "。" for item in merged]


def _clauses(part: str) -> tuple[list[str], str]:
    """A sentence part's clauses (between its commas) and the mark it ends with ("" when none)."""
    end = part[-1] if part[-1] in "。；;" else ""
    return [clause for clause in re.split(r"[，,]", part.rstrip("。；;")) if clause.strip()], end


def _sentence_parts(text: str) -> list[str]:
    """A text's sentence parts, each up to and with its 。 or ；."""
    return re.findall(r"[^。；;]+[。；;]?", text)


def closed(text: str) -> str:
    """Parts joined again, ending with 。 even when the last kept one ended with ；."""
    return text[:-1] + "。" if text.endswith(("；", ";")) else text


def _parts_stated(result: IndicatorResult, narrative: str) -> bool:
    """The narrative gives the value in its parts, side by side (新增农民合作社12个、家庭农场22个 for 新增农民合作社和
    家庭农场数 34个): adding the total after them says it twice (a reviewer)."""
    value, unit = result.completion_value, result.indicator.target.unit
    if value is None or not unit:
        return False
    figures = [q for q in find_quantities(narrative) if q.is_number and q.unit == unit]
    return summing_run(figures, value, longest=4) is not None


def summing_run(figures: list, value: Decimal, longest: int | None = None) -> list | None:
    """The first run of two figures or more, one after another, that add up to `value` exactly (12个、22个 for 34个),
    at most `longest` of them; None when none does."""
    return next((figures[start:end] for start in range(len(figures))
                 for end in range(start + 2, min(start + (longest or len(figures)), len(figures)) + 1)
                 if sum(q.value for q in figures[start:end]) == value), None)


def _own_clause(result: IndicatorResult, narrative: str) -> str:
    """The clause of a task narrative that gives the result's value and no other figure, among words of its name
    (街道和社区党群服务中心开展活动268场 for 党群服务中心活动场次 268场); "" when none does."""
    words = lexicon.wording()
    unit = {result.indicator.target.unit, result.indicator.completion.unit}
    for clause in re.split(r"[，,；;。]", narrative):
        clause = clause.strip()
        figures = find_quantities(clause)
        # (覆盖群众7.8万人次 shares only 覆盖 with 安全宣传教育覆盖人次: it leans on the clause before it)
        if len(figures) == 1 and len(clause) <= words["own_clause_chars"] and stated_in(result, clause) \
                and len((name_tokens(clause) & name_tokens(result.indicator.name)) - unit) >= 2:
            for start in words["dangling_starts"]:  # 其中查处非法营运案件162件: the 其中 of a clause left behind
                clause = clause.removeprefix(start)
            return clause
    return ""


def _highlights(duty: list[IndicatorResult], tasks: list[KeyTask],
                stated: list[IndicatorResult] | None = None) -> list[Highlight]:
    """§二's paragraphs: the task narratives by duty, in the order duties first appear; a duty
    without a task narrative shows its met and exceeded quantitative results — gathered into one last
    paragraph when there are narratives, and only the results they do not state already."""
    order: list[str] = []
    by_duty_tasks: dict[str, list[KeyTask]] = {}
    for task in tasks:
        if not task.result:
            continue
        key = task.duty or task.name
        if key not in by_duty_tasks:
            order.append(key)
            by_duty_tasks[key] = []
        by_duty_tasks[key].append(task)
    groups = _by_duty(duty)
    narratives = [task.result for task in tasks if task.result]
    highlights = []
    for title in order:
        area = _area_of(title, by_duty_tasks[title], duty)
        if not area and len(by_duty_tasks[title]) == 1:
            # 对应职责 基层政权和社会组织管理 over the task 基层治理和社会组织管理: the paragraph is titled by the task,
            # whose name its indicators' 重点工作 carry, so that its count can be said (and checked)
            own = by_duty_tasks[title][0].name
            area = _area_of(own, by_duty_tasks[title], duty)
            if area:
                by_duty_tasks[own] = by_duty_tasks.pop(title)
                title = own
        whole = "".join(strip_end(task.result) + "。" for task in by_duty_tasks[title])
        story = _untold(whole, stated or duty) if len(area) > 1 else whole
        told = whole if len(area) > 1 else ""  # make_plan tells them in place (_in_place)
        # what the area exceeded that its narratives leave unsaid (餐厨垃圾收运处理3386吨): a reviewer read 其中3项达到或
        # 超过目标 and found two of them told
        beyond = [r for r in area if r.status is Status.EXCEEDED and r.is_quantitative and not is_ceiling(r.indicator)
                  and not stated_in(r, story) and not _parts_stated(r, story)][:lexicon.wording()["summary_untold"]]
        said = {r.indicator.name: clause for r in beyond if (clause := _own_clause(r, whole))}
        highlights.append(Highlight(title, by_duty_tasks[title], beyond, area, story, said, told))
    covered = set(order)
    for title, results in groups.items():
        if title in covered:
            continue
        works = {r.indicator.key_work for r in results}
        if any(task.name in works for task in tasks if task.result):
            continue
        reached = [r for r in results if r.status in (Status.MET, Status.EXCEEDED) and r.is_quantitative
                   and not (narratives and is_ceiling(r.indicator)) and not _told(r, narratives)]
        if reached:
            highlights.append(Highlight(title, [], reached))
    if narratives:
        # Beside the task narratives, what they leave unsaid is one closing paragraph (此外, …), not a
        # paragraph a category; a cost kept under its ceiling is no result to highlight (§四 says it).
        rest = [r for highlight in highlights if not highlight.tasks for r in highlight.results]
        highlights = [h for h in highlights if h.tasks] + ([Highlight("", [], rest)] if rest else [])
    return highlights


# ---------------------------------------------------------------- §五 and the officer's own problems

@dataclass
class OwnProblems:
    """What the input's own 存在问题 already say, so §五 does not say it a second time: the missed
    indicators they do not name, and whether they speak of the execution rate, the adjustment rate
    and targets set too low (the officer's 改进措施 pair with his problems)."""

    missed: list[IndicatorResult]
    notable: list[IndicatorResult]
    execution: bool
    adjustment: bool
    targets: bool = False  # they speak of targets set too low (部分指标目标值设置偏保守)


def own_problems(report, plan: Plan) -> OwnProblems:
    duty_missed = [r for r in plan.missed if r not in plan.budget_indicators]
    if not report.problems:
        return OwnProblems(duty_missed, plan.low_targets, False, False)
    topics = lexicon.wording()["problem_topics"]
    text = "".join(report.problems)

    def named(result: IndicatorResult) -> bool:
        # 县级以上文物保护单位修缮完成数 in "文物修缮项目前期工作滞后": two of its words, or half of them
        words = _words(result.indicator.name)
        present = [word for word in words if word in text]
        name = result.indicator.name
        # 新建健身步道里程 in "文物修缮、健身步道等建设类项目": four characters of its name together (jieba cuts 步/道)
        together = any(name[i:i + 4] in text for i in range(len(name) - 3) if not re.search(r"[\d\W]", name[i:i + 4]))
        return bool(words) and (len(present) >= 2 or len(present) / len(words) >= 0.5 or together)

    return OwnProblems(
        missed=[r for r in duty_missed if not named(r)],
        notable=[] if any(word in text for word in topics["notable"]) else [r for r in plan.low_targets if not named(r)],
        execution=any(word in text for word in topics["execution"]),
        adjustment=any(word in text for word in topics["adjustment"]),
        targets=any(word in text for word in topics["notable"]),
    )


@dataclass
class ProblemLines:
    """The figures an officer's problem on budget lines goes with (知识产权创造保护运用专项资金和食品安全监管与抽检经费执行率
    偏低 → 分别为94.31%和96.75%，两项合计结转结余30.03万元，占全部结转结余资金的71.93%): the unit's own report says so,
    the draft said his words bare. `at` is where they go — after the clause of his that speaks of the lines' execution."""

    at: int
    lines: list[tuple[BudgetResult, Decimal]]  # the lines he names, in his order, with what each left unspent
    rates: bool  # that clause speaks of their execution rate: the rates follow it
    money: str  # his word for the money they left (未支出, 结余) when that clause speaks of it: the sum follows it;
    # else it closes the problem in a sentence of its own (两项合计结转结余30.03万元，……) — between his clauses it cut the
    # cause off from what it explains (a reviewer), and 主要是 before it gave one line's cause to both (another)
    closes: bool  # that clause ends on it (造成……资金结余): the sum goes straight after


def problem_lines(problem: str, budget: BudgetView) -> ProblemLines | None:
    """The budget lines an officer's problem names in a clause on their execution (执行率偏低, 资金未能全部拨付,
    年末均有未支出资金), when he gives none of their figures: a line by its name, its name without 经费/资金/项目, or the
    head of its name no other line shares (中小河流治理和水土保持项目: 中小河流治理及水利工程建设经费 and 水土保持综合治理经费).
    None when the clause lists with 等 (高标准农田、改厕等项目资金: the draft cannot know the rest), or he gives a sum of
    money or one of the lines' rates himself."""
    words = lexicon.wording()["problem_lines"]
    subtotals = set(lexicon.budget_structure()["subtotals"])
    lines = [(b, amount) for b, amount in budget.unspent_lines if amount > 0 and b.line.name not in subtotals]
    if not lines or not budget.unspent or any(q.is_number and q.unit == BUDGET_UNIT for q in find_quantities(problem)):
        return None
    names = [b.line.name for b in budget.low]

    def found(name: str) -> tuple[int, int] | None:  # where the line is named: (start, end)
        for form in (name, _line_stem(name)):
            if form and form in problem:
                start = problem.index(form)
                return start, start + len(form)
        for size in range(len(name) - 1, words["least_head"] - 1, -1):
            head = name[:size]
            if head in problem and not any(other != name and other.startswith(head) for other in names):
                start = problem.index(head)
                if problem[start + size:].startswith(tuple(words["head_follows"])):
                    return start, start + size
        return None

    named = sorted(((place, b, amount) for b, amount in lines if (place := found(b.line.name))),
                   key=lambda item: item[0][0])
    if not named:
        return None
    first, last = named[0][0][0], max(place[1] for place, _, _ in named)
    if words["etc"] in problem[first:next((m.start() for m in re.finditer("[，；。]", problem) if m.start() >= last),
                                          len(problem))]:
        return None
    # the clause of the last name, or the next one, that speaks of execution (资金未能全部拨付 after 茶叶加工技术改造补助
    # 资金因个别企业改造项目年底前未完工验收; not 创业担保贷款贴息按季结算存在跨年拨付 two clauses after 职业技能培训补贴
    # 主要依据……编列: another line's)
    start = max(problem.rfind(mark, 0, first) for mark in "，；。") + 1
    for mark in list(re.finditer("[，；。]|$", problem[last:]))[:2]:
        end = last + mark.start()
        clause = problem[start:end]
        if any(word in clause for word in words["execution"]):
            break
        if mark.group() in ("。", ""):
            return None
        start = end + 1
    else:
        return None
    rates = {round_half_up(b.execution_rate, 2) for _, b, _ in named}
    if any(q.is_number and q.unit == "%" and q.value in rates for q in find_quantities(problem)):
        return None
    money = next((word for word in words["money"] if word in clause), "")
    return ProblemLines(at=end, lines=[(b, amount) for _, b, amount in named], rates=words["rate"] in clause,
                        money=money, closes=bool(money) and clause.endswith(money))


def problem_counts(problem: str, results: list[IndicatorResult]) -> str:
    """An officer's problem that counts indicators without naming them (3项指标完成值为目标的1.8倍以上；2项履职指标……
    未完成), with their names in brackets after the count when the tables give exactly that many such indicators (a
    reviewer of 祁东: 没有写出是哪几项指标，只能靠前文推断). Left as he wrote it when the count differs (he counts
    by a cause the tables do not know), names some himself, or the count follows names (智慧教室、AED……3项指标)."""
    words = lexicon.wording()["problem_counts"]
    categories = sorted({r.indicator.level1 for r in results if r.indicator.level1}, key=len, reverse=True)
    pattern = re.compile(words["count"].replace("{categories}", "|".join(map(re.escape, categories))))
    told = problem
    for found in reversed(list(pattern.finditer(problem))):
        count = int(found.group(1)) if found.group(1).isdigit() else int(cn2an.cn2an(found.group(1), "smart"))
        rest = re.split(words["clause_end"], problem[found.end():], maxsplit=1)[0]
        kin = [r for r in results if not found.group(2) or r.indicator.level1 == found.group(2)]
        multiple = re.search(words["multiple"], rest)
        if multiple:
            least = Decimal(multiple.group(1))
            chosen = [r for r in kin if r.status is Status.EXCEEDED and (ratio_to_target(r) or 0) >= least]
        elif any(word in rest for word in words["missed"]):
            chosen = [r for r in kin if r.status is Status.MISSED]
        else:
            continue
        if count < 2 or len(chosen) != count or any(r.indicator.name.strip("“”") in problem for r in chosen):
            continue
        names = join_list([r.indicator.name for r in chosen])
        told = told[:found.end()] + words["named"].format(names=names) + told[found.end():]
    return told


# ---------------------------------------------------------------- the budget

def overview_parts(text: str, budget_given: bool) -> tuple[list[str], list[str]]:
    """The 单位概况 as §三 tells it: its sentences on the unit's duties and setting, and those on its
    organisation and staff (内设、下属、编制、实有人员 …, lexicon/wording.yaml: profile). A sentence on the
    budget is left out when 预算信息 gives the budget (§三 states it from there: one source for each figure)."""
    words = lexicon.wording()["profile"]
    duties, organisation = [], []
    for sentence in re.findall(r"[^。]+。?", text.strip()):
        if not sentence.strip("。 "):
            continue
        # (a sum of money: 部门预算编报范围另含县直属中小学9所 is the unit's setting, not its budget — a reviewer found
        # 缙云's 7个科室 and 9所直属学校 missing)
        if budget_given and _on_the_budget(sentence):
            continue
        # the first sentence introduces the unit (……是市科学技术局下属公益一类事业单位): its setting, not its staff
        staff = bool(duties or organisation) and any(word in sentence for word in words["organisation_words"]) \
            and not any(word in sentence for word in words["duty_words"]) \
            and not sentence.lstrip().startswith(tuple(words["setting_starts"]))  # 全县辖……特困人员2346人: the setting
        (organisation if staff else duties).append(
            sentence if sentence.endswith("。") else sentence + "。")
    return duties, organisation


def _on_the_budget(sentence: str) -> bool:
    """A sentence of the 单位概况 on the budget: a word of it and a sum of money."""
    words = lexicon.wording()["profile"]
    return any(word in sentence for word in words["budget_words"]) and any(
        q.is_number and q.unit in words["money_units"] for q in find_quantities(sentence))


_BRACKETED = re.compile(r"([^，,、；;（(）)\d]{2,12}?)[\d.,]+" + BUDGET_UNIT + r"[（(]([^）)]+)[）)]")


def _bracketed_changes(sentence: str) -> list[str]:
    """The changes a sentence on the budget gives in brackets after a line's sum (……其中基本支出134.95万元（年中因落实
    调资政策调增6.35万元）、……), each told as a change of that line with its cause (年中因落实调资政策，基本支出调增
    6.35万元): the sentence itself gives the year's totals, which §三 says from the table (槠溪's reviewer found it
    listed as 二是2024年部门调整预算277.45万元……)."""
    words = lexicon.claim_words()
    changes = sorted(words["increase_words"] + words["decrease_words"], key=len, reverse=True)
    told = []
    for match in _BRACKETED.finditer(sentence):
        line, inside = match.group(1).strip(), match.group(2)
        at = min((inside.find(word) for word in changes if word in inside), default=-1)
        if at < 0 or not any(q.unit == BUDGET_UNIT for q in find_quantities(inside[at:])):
            continue
        for lead in lexicon.arithmetic_words()["parts_word"]:
            line = line.removeprefix(lead)  # (其中基本支出……: the line, not its 其中)
        cause = inside[:at].rstrip("，, ")
        told.append((cause + "，" if cause else "") + line + inside[at:] + "。")
    return told


def budget_sentences(text: str) -> list[str]:
    """The sentences of the 单位概况 on the budget, which §三 leaves out when 预算信息 gives it (overview_parts)."""
    return [sentence for sentence in re.findall(r"[^。]+。?", text.strip()) if _on_the_budget(sentence)]


def funding_parts(report) -> tuple[object | None, list]:
    """§三's 部门整体资金: the total line of 资金来源 and its non-zero sources (the lines without
    sub-lines) — the sources only when they add up to the total, else none (the table disagrees
    with itself, and §三 is no place to say so); (None, []) without a total."""
    totals = [line for line in report.funding if not line.parent]
    if len(totals) != 1 or not totals[0].amount:
        return None, []
    parents = {line.parent for line in report.funding}
    parts = [line for line in report.funding if line.parent and line.name not in parents and line.amount]
    return totals[0], parts if sum(line.amount for line in parts) == totals[0].amount else []


@dataclass
class BudgetView:
    """What §四's 预算执行情况 and §五 say about the budget, and whether the 自评表's
    预算执行率 / 预算调整率 agree with the rates computed from 预算信息."""

    total: BudgetResult | None
    children: list[BudgetResult]
    adjusted: list[BudgetResult]  # the total's direct lines with an adjustment
    low: list[BudgetResult]  # lines without sub-lines executed below 100 %
    execution_rate: Decimal | None
    adjustment_rate: Decimal | None
    execution_agrees: bool
    adjustment_agrees: bool
    unspent: Decimal | None = None  # the total's 调整预算数 − 实际支出数, when it spent less
    unspent_lines: list[tuple[BudgetResult, Decimal]] = field(default_factory=list)  # where, largest first
    unspent_in: str = ""  # the one direct line all of it comes from (项目支出), when the others spent in full
    lowest: BudgetResult | None = None  # the line executed least, when below the total's rate
    largest: BudgetResult | None = None  # the project with the largest adjusted budget, among three or more
    projects: list[BudgetResult] = field(default_factory=list)  # the lines of a line under the total

    def _changed_leaves(self) -> list[BudgetResult]:
        """The lines changed in the year that have no lines under them."""
        parents = {b.line.parent for b in self.projects + self.children}
        return [b for b in self.children + self.projects if b.line.name not in parents and b.line.adjustment]

    @property
    def gross_changes(self) -> tuple[Decimal, Decimal] | None:
        """The year's increases and cuts over the lines without lines under them (调增356.60万元、调减155.00万元), when
        there are both and they net to the total's change; None otherwise (三位评审专家 of units never seen praised the
        officers' 调增合计……、调减合计……)."""
        if self.total is None or not self.total.line.adjustment:
            return None
        leaves = self._changed_leaves()
        up = sum((b.line.adjustment for b in leaves if b.line.adjustment > 0), Decimal(0))
        down = -sum((b.line.adjustment for b in leaves if b.line.adjustment < 0), Decimal(0))
        return (up, down) if up and down and up - down == self.total.line.adjustment else None

    @property
    def leading_increases(self) -> tuple[list[BudgetResult], Decimal, Decimal, Decimal] | None:
        """Where the year's increases went, when one line took most of them or two lines nearly all (among three lines
        increased or more, over the lines without lines under them): those lines, what they took, all the increases
        and their share of them, to two places (调增的160.70万元中，……一项就占53.76%). Officers of units never seen
        reckon it (调增资金中，中央基本公共卫生服务补助资金326.00万元……占全部调整数的86.11%; 两项调增较多的资金……合计
        116.40万元，占全部调增额的72.43%). None when the lines' increases and cuts do not net to the total's change."""
        if self.total is None or not self.total.line.adjustment:
            return None
        leaves = self._changed_leaves()
        ups = sorted((b for b in leaves if b.line.adjustment > 0), key=lambda b: -b.line.adjustment)
        up = sum((b.line.adjustment for b in ups), Decimal(0))
        down = -sum((b.line.adjustment for b in leaves if b.line.adjustment < 0), Decimal(0))
        if len(ups) < 3 or up - down != self.total.line.adjustment:
            return None
        words = lexicon.wording()["leading_increases"]
        for count, least in ((1, words["one"]), (2, words["two"])):
            taken = sum((b.line.adjustment for b in ups[:count]), Decimal(0))
            share = round_half_up(taken / up * 100, 2)
            if share >= Decimal(str(least)) and ups[count - 1].line.adjustment > ups[count].line.adjustment:
                return ups[:count], taken, up, share
        return None

    def without_largest(self, execution: IndicatorResult | None) -> tuple[BudgetResult, Decimal] | None:
        """When one line below the execution target (the whole's missed or reached) holds most of what was left
        unspent, that line and the rate of all the rest (扣除城市燃气管道老化更新改造资金后，其余资金执行率为98.45%):
        arithmetic that shows the miss lies in that line — two reviewers of 岱川 praised the officer's
        如果把这个项目单独拿出来……98.45%. None otherwise, or when the rest miss the target too."""
        if execution is None or execution.status not in (Status.MISSED, Status.MET, Status.EXCEEDED) \
                or self.total is None or self.total.line.actual is None or not self.unspent or not self.unspent_lines:
            return None
        floor = _floor(execution)
        line, amount = self.unspent_lines[0]
        if execution.status is not Status.MISSED and (line.execution_rate is None or line.execution_rate >= floor):
            # (the whole reached it, and the line too: nothing the arithmetic shows; but 桦岭's 95.65% was reached on
            # 基本支出 while the census money stood at 72.24% — a reviewer praised the officer's 扣除……后，其余99.40%)
            return None
        if amount < Decimal(str(lexicon.wording()["unspent_dominant_share"])) * self.unspent:
            return None
        budget = self.total.adjusted_budget - line.adjusted_budget
        if budget <= 0:
            return None
        rate = round_half_up((self.total.line.actual - line.line.actual) / budget * 100, 2)
        return (line, rate) if rate >= floor else None

    def cushion(self, target: Decimal) -> tuple[Decimal, Decimal] | None:
        """What the total had to spend to reach an execution target (调整后预算 × 90%, to the fen) and what it spent
        beyond that: a reviewer of 梧溪 praised the officer's 执行率达到90%需要实际支出2732.40万元，中心实际支出只比这一
        界限多5.52万元 as the report's most useful sentence to a finance bureau. None without the figures."""
        if self.total is None or self.total.line.actual is None:
            return None
        needed = round_half_up(self.total.adjusted_budget * target / 100, 2)
        spent = self.total.line.actual
        return (needed, spent - needed) if spent >= needed else None

    def rest_of(self, parent: str, shown: list) -> list[tuple[BudgetResult, Decimal]]:
        """The projects of `parent` not named before (`shown`), with what each left unspent — those that spent all
        too: 其余6个项目共结转结余52.41万元 counts the six (绛岭's reviewer read 其余5个 of six as a count gone wrong)."""
        named = {id(b) for b, _ in shown}
        # (a line cut to nothing has no rate to be among 执行率均在……以上: a reviewer)
        return [(b, b.adjusted_budget - b.line.actual) for b in self.projects
                if b.line.parent == parent and id(b) not in named and b.line.actual is not None and b.adjusted_budget]

    @property
    def unspent_split(self) -> tuple[list[tuple[BudgetResult, Decimal]], str, Decimal,
                                     list[tuple[BudgetResult, Decimal]]] | None:
        """The unspent told apart when it stayed both in the total's own lines (基本支出 6.53) and in the projects of
        another (项目支出's): those lines, the projects' line, what it left in all, and its projects largest first —
        so that 其余N项 never puts 基本支出 among the projects; None when the unspent stayed in one kind of line."""
        if self.total is None:
            return None
        own = [(b, amount) for b, amount in self.unspent_lines if b.line.parent == self.total.line.name]
        parents = {b.line.parent for b, _ in self.unspent_lines} - {self.total.line.name}
        if not own or len(parents) != 1:
            return None
        (parent,) = parents
        line = next((b for b in self.children if b.line.name == parent), None)
        if line is None or line.line.actual is None:
            return None
        projects = [(b, amount) for b, amount in self.unspent_lines if b.line.parent == parent]
        return own, parent, line.adjusted_budget - line.line.actual, projects
    cuts: list[BudgetResult] = field(default_factory=list)  # lines cut in the year (the total's change is net)
    weakest: BudgetResult | None = None  # the project line that left the most unspent, below the total's rate
    # and below the execution target (96.75 % against 95 % is not said to lag)
    lowest_told: bool = False  # a goal's funds sentence gives the lowest line's rate already
    lowest_elsewhere: bool = False  # the lowest line is under no goal: the 通用 outline's §二 tells its funds after the
    # budget's analysis, and says it is the lowest there (a reviewer found 执行率最低，为91.39% a sentence before that
    # line's own funds sentence with 执行率91.39%)
    notes: list[tuple[BudgetResult, Decimal]] = field(default_factory=list)  # lines with the officer's 原因说明 that
    # no goal's funds sentence tells, with what they left unspent: 预算执行情况 gives their reasons
    causes: list[tuple[BudgetResult, str]] = field(default_factory=list)  # lines without a 原因说明 whose unspent sum an
    # account of the input explains (秋防疫苗款138.24万元年末尚未结算): 预算执行情况 says why where it names them



def _agrees(result: IndicatorResult | None, computed: Decimal | None) -> bool:
    """The indicator's completion equals the computed rate (two decimals, or more if written)."""
    if result is None or computed is None or not result.indicator.completion.is_number:
        return True
    written = result.indicator.completion
    places = max(written.decimals, 2)  # rates are kept to two decimals: "0%" means 0.00 %
    return round_half_up(computed, places) == round_half_up(written.value, places)


def _floor(execution: IndicatorResult | None) -> Decimal:
    """The execution rate below which a line is said to lag: the 预算执行率's target, else lexicon's."""
    target = execution.indicator.target if execution is not None else None
    if target is not None and target.is_number and target.unit == "%":
        return target.value
    return Decimal(str(lexicon.wording()["lagging_execution_rate"]))


def budget_view(evaluation: Evaluation, plan: Plan) -> BudgetView:
    total = evaluation.total_budget
    children = [b for b in evaluation.budget if total is not None and b.line.parent == total.line.name]
    parents = {b.line.parent for b in evaluation.budget}
    low = [b for b in evaluation.budget if b.line.name not in parents and b.execution_rate is not None
           and b.execution_rate < 100 and b is not total]
    unspent = None
    if total is not None and total.line.actual is not None and total.line.actual < total.adjusted_budget:
        unspent = total.adjusted_budget - total.line.actual  # money keeps its two decimals (4.20万元)
    short = [b for b in children if b.line.actual is not None and b.line.actual < b.adjusted_budget]
    spent = all(b.line.actual is not None for b in children)
    lowest = min(low, key=lambda b: b.execution_rate, default=None)
    if lowest is not None and (evaluation.budget_execution_rate is None or len(low) < 2
                               or lowest.execution_rate >= evaluation.budget_execution_rate):
        lowest = None
    # what to improve is where the money stayed: the line below a direct line (a project) that left the most
    # unspent, when executed below the whole (公务出国（境）费 at 0 % leaving 0.80万元 is no project to improve)
    weakest = next((b for b, _ in sorted(((b, b.adjusted_budget - b.line.actual) for b in low),
                                         key=lambda pair: -pair[1])[:1]
                    if total is not None and b.line.parent and b.line.parent != total.line.name
                    and evaluation.budget_execution_rate is not None
                    and b.execution_rate < evaluation.budget_execution_rate
                    and b.execution_rate < _floor(plan.execution)), None)
    in_goals = {id(b) for block in plan.blocks for b in block.lines}
    # (耕地保护和补充耕地项目资金是预算规模最大的项目: a reviewer praised another report for saying so)
    projects = sorted((b for b in evaluation.budget if total is not None and b.line.name not in parents
                       and b.line.parent and b.line.parent != total.line.name), key=lambda b: -b.adjusted_budget)
    # (by the initial budget too: a reviewer found 文物保护及非遗传承项目 called the largest for its 194.65万元 after
    # the year's additions, with 168.00万元 against another's 186.00万元 at the year's start)
    largest = projects[0] if len(projects) >= 3 and projects[0].adjusted_budget > projects[1].adjusted_budget \
        and all(b.line.initial is not None for b in projects) \
        and all(projects[0].line.initial > b.line.initial for b in projects[1:]) else None
    return BudgetView(
        largest=largest,
        projects=projects,
        weakest=weakest,
        lowest_told=lowest is not None and id(lowest) in in_goals,
        lowest_elsewhere=lowest is not None and bool(in_goals) and total is not None
        and id(lowest) not in in_goals and lowest.line.parent not in ("", total.line.name),
        notes=[(b, b.adjusted_budget - b.line.actual) for b in evaluation.budget
               if b.line.note and b.line.actual is not None and id(b) not in in_goals],
        causes=_unspent_causes(evaluation, plan, low),
        unspent_in=short[0].line.name if unspent and spent and len(short) == 1 and len(children) > 1 else "",
        lowest=lowest,
        cuts=[b for b in evaluation.budget if b is not total and b.line.name not in parents
              and b.line.adjustment is not None and b.line.adjustment < 0],
        unspent=unspent,
        unspent_lines=sorted(((b, b.adjusted_budget - b.line.actual) for b in low), key=lambda pair: -pair[1]),
        total=total,
        children=children,
        adjusted=[b for b in children if b.line.adjustment],
        low=low,
        execution_rate=evaluation.budget_execution_rate,
        adjustment_rate=evaluation.budget_adjustment_rate,
        execution_agrees=_agrees(plan.execution, evaluation.budget_execution_rate),
        adjustment_agrees=_agrees(plan.adjustment, evaluation.budget_adjustment_rate),
    )


def _unspent_causes(evaluation: Evaluation, plan: Plan, low: list[BudgetResult]) -> list[tuple[BudgetResult, str]]:
    """For each line left partly unspent and without a 原因说明, why, as an account of the input says it beside the
    sum (受……延迟影响，秋季集中免疫推迟到10月中旬启动，秋防疫苗款138.24万元年末尚未结算; ……该项资金年末未支出83.52万元，
    其中3个未建成暂存点的建设补助54.00万元、……): 预算执行情况 names where the money stayed and says why (reviewers
    praised the officers' reports that tie a line's remainder to the work; narrator's said only 是……主要原因). Not
    for a line the officer's reason on the execution rate names: 预算执行情况 tells that reason already."""
    report = evaluation.report
    execution = plan.execution.indicator.reason if plan.execution is not None else ""
    accounts = [i.reason for i in report.indicators if i.reason and i.reason != execution] \
        + [t.result for t in report.key_tasks if t.result]
    causes = []
    for b in sorted(low, key=lambda b: b.line.actual - b.adjusted_budget if b.line.actual is not None else 0):
        if b.line.note.strip() or b.line.actual is None or b.line.name in execution:
            continue
        cause = unspent_cause(b, accounts)
        if cause:
            causes.append((b, cause))
    return causes


def unspent_cause(line: BudgetResult, accounts: list[str]) -> str:
    """The clauses of the first sentence in `accounts` that gives the line's unspent sum which say why it stayed: those
    before the sum (两座水库均顺延至……，相应工程款未能在年内结算，是……资金年末结余311.48万元……的主要原因), with the
    clause of the sum when it says what the money was (秋防疫苗款138.24万元年末尚未结算), or the parts after 其中; without
    clauses that name the line or give only its figures. Empty when none says a cause (年中争取省级……补助 is no
    reason for a remainder)."""
    words = lexicon.wording()["unspent_causes"]
    amount = line.adjusted_budget - line.line.actual
    known = {line.adjusted_budget, line.line.actual, amount, abs(line.line.adjustment or 0)}
    if line.execution_rate is not None:
        known.add(round_half_up(line.execution_rate, 2))
    marks = lexicon.wording()["line_reasons"]["cause_marks"] + words["more_marks"]

    def figures_only(clause: str) -> bool:
        figures = [q for q in find_quantities(clause) if q.is_number]
        return bool(figures) and all(q.value in known for q in figures) and len(
            re.sub(rf"[\d.]+(?:{BUDGET_UNIT}|%)?", "", clause)) <= words["figure_clause_chars"]

    for text in accounts:
        for sentence in re.split(r"(?<=[。；;])", text):
            clauses = [clause.strip() for clause in re.split(r"[，,]", sentence.rstrip("。；; ")) if clause.strip()]
            at = next((index for index, clause in enumerate(clauses) if any(
                q.is_number and q.unit == BUDGET_UNIT and q.value == amount for q in find_quantities(clause))), None)
            if at is None:
                continue
            here, after = clauses[at], clauses[at + 1:]
            restating = line.line.name in here or here.startswith(tuple(words["restating_starts"])) or any(
                end in here for end in words["restating_ends"]) or figures_only(here)
            if after and after[0].startswith(words["parts"]):
                picked = [after[0][len(words["parts"]):]] + after[1:]
            else:
                picked = clauses[:at] + ([] if restating else [here])
            picked = [clause for clause in picked if line.line.name not in clause and not figures_only(clause)
                      and clause not in words["opener_clauses"]]
            if picked:
                picked[0] = re.sub("^(?:" + "|".join(map(re.escape, words["listed_starts"])) + ")", "", picked[0])
            while len(picked) > 1 and sum(len(clause) + 1 for clause in picked) > words["most_chars"]:
                picked.pop(0)  # the clauses nearest the sum
            cause = "，".join(picked)
            if len(cause) >= words["least_chars"] and any(mark in cause for mark in marks) \
                    and not cause.startswith(tuple(words["pointing_starts"])):
                return cause
    return ""


def lines_to_explain(evaluation: Evaluation, budget: BudgetView) -> list[tuple[BudgetResult, Decimal]]:
    """The budget lines whose unspent money only the officer can explain, with the amount, largest first: the line
    the draft names as the one to improve (budget.weakest) and every project executed below lexicon's lagging rate
    (73.50 %) that left at least lexicon's share of the total's unspent money, at most lexicon's number — not a category of the total (基本支出), and not a line whose remainder
    the input already explains: its 原因说明, or an account (a reason, a task's 完成情况) that names the line with its
    unspent amount or its rate (……是老旧管网及背街小巷改造项目资金年末结余463.80万元、执行率只有73.50%的主要原因)."""
    words = lexicon.wording()["line_reasons"]
    lagging = Decimal(str(lexicon.wording()["lagging_execution_rate"]))
    subtotals = set(lexicon.budget_structure()["subtotals"])
    report = evaluation.report
    accounts = [i.reason for i in report.indicators] + [t.result for t in report.key_tasks] + [report.overview]
    chosen = []
    for b, amount in budget.unspent_lines:
        if b.line.name in subtotals or amount <= 0 or not (b is budget.weakest or b.execution_rate < lagging):
            continue
        if budget.unspent and amount * 100 < budget.unspent * words["min_share"]:
            continue  # 1.50万元 of 1043.90万元 left unspent is no story
        if b.line.note.strip() or any(_remainder_told(b, amount, text) for text in accounts if text):
            continue
        chosen.append((b, amount))
    return chosen[:words["asked"]]


def _remainder_told(line: BudgetResult, amount: Decimal, text: str) -> bool:
    """`text` names the line and gives what it left unspent or its execution rate."""
    if line.line.name not in text:
        return False
    rate = round_half_up(line.execution_rate, 2) if line.execution_rate is not None else None
    return any(quantity.is_number and ((quantity.unit == BUDGET_UNIT and quantity.value == amount)
                                       or (quantity.unit == "%" and quantity.value == rate))
               for quantity in find_quantities(text))
