"""What only the officer can answer, asked before drafting instead of left as 【待补充】.

`questions(report)` lists, in the report's order, every gap the draft would otherwise mark: a missed
indicator's reason, a large exceedance's reason, a missing or incomparable 完成值, a 重点任务 without
完成情况, a budget line without 实际支出数, a budget line that left much unspent without a reason, a 自评表 rate that disagrees with the one 预算信息 gives
(which one is right?), a 年度目标 nothing in the input speaks to, a missing 单位概况, and 存在问题 /
改进措施 when the data shows none. Each question shows the figures it is about.

`check_answer` says what is wrong with an answer (empty, too long, not a figure in the target's unit,
a figure the tables contradict — found by the checker itself); `apply_answers` writes the answers
into a copy of the report, in the fields `load` reads, so `draft` of the answered copy holds no
【待补充】. The wording is in templates/messages.yaml (keys question_*) and lexicon/wording.yaml (answers)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from ..checking.checker import check_document
from ..core import lexicon
from ..core.errors import message
from ..core.evaluate import Evaluation, IndicatorResult, Problem, Status, evaluate
from ..core.model import BUDGET_UNIT, KeyTask, Report, column_of
from ..core.quantity import convert, format_percent, parse_quantity
from ..core.version import DEFAULT_SEED
from ..sources.text import read_text
from .compose import reason_text
from .language import Language, completion_text, number, strip_end, table_text
from .plan import budget_view, is_notable, is_well_over, lines_to_explain, make_plan, share_base




# Unanswered, the draft marks nothing: a line's unspent money is told without a reason; a short reason the
# table already gives is told as it is.
OPTIONAL_KINDS = ("line_reason", "reason_more", "share_reason", "over_reason")


@dataclass(frozen=True)
class Question:
    key: str  # stable within one input: kind and the row it fills ("reason:预算执行率")
    kind: str  # reason, far_reason, over_reason, reason_more, share_reason, completion, task_result, actual, line_reason,
    #            rate_conflict, goal_result, overview, problems, measures
    text: str  # the question, with its figures, in Chinese
    field: str  # where the answer goes, as the input names it (绩效指标“X”的原因分析)
    answer: str = "text"  # text, quantity, money or choice
    choices: tuple[str, ...] = ()  # for a choice: the options' words, answered by their number
    subject: str = ""  # the indicator, task, budget line or goal the question is about
    value: str = ""  # for a rate conflict: the rate 预算信息 gives, written when choice 1 is taken

    @property
    def optional(self) -> bool:
        """Unanswered, the draft marks nothing (OPTIONAL_KINDS)."""
        return self.kind in OPTIONAL_KINDS

    @property
    def unanswered(self) -> str:
        """What the draft says when an optional question is left unanswered, in Chinese ("" for the others)."""
        return message(f"unanswered_{self.kind}") if self.optional else ""


def unanswered(asked: list[Question]) -> str:
    """What the draft says for the optional questions of `asked` left unanswered, each kind once."""
    return message("unanswered_separator").join(dict.fromkeys(q.unanswered for q in asked if q.optional))


def questions(source: Report | Evaluation) -> list[Question]:
    """Every question the draft of `source` needs answered, in the order the report raises them."""
    evaluation = source if isinstance(source, Evaluation) else evaluate(source)
    report = evaluation.report
    lang = Language(DEFAULT_SEED)
    plan = make_plan(evaluation)
    budget = budget_view(evaluation, plan)
    asked: list[Question] = []
    if not report.overview and not report.functions and not report.organisation:
        asked.append(Question("overview", "overview", message("question_overview", unit=report.unit_name),
                              message("question_field_basic", column=column_of("overview"))))
    # First which of two disagreeing figures is right: a reason asked below may be about it.
    for result, computed, agrees in ((plan.execution, budget.execution_rate, budget.execution_agrees),
                                     (plan.adjustment, budget.adjustment_rate, budget.adjustment_agrees)):
        if result is not None and not agrees:
            name = result.indicator.name
            written, right = table_text(result.indicator.completion), format_percent(computed)
            choices = (message("question_choice_budget", computed=right), message("question_choice_sheet"))
            asked.append(Question(f"rate_conflict:{name}", "rate_conflict",
                                  message("question_rate_conflict", name=name, written=written, computed=right),
                                  message("question_field_indicator", name=_quoted(name), column=column_of("completion")),
                                  "choice", choices, subject=name, value=right))
    for result in evaluation.indicators:
        asked += _indicator_questions(result, lang, evaluation.indicators)
    if not report.key_tasks:
        asked.append(Question("tasks", "tasks", message("question_tasks", year=report.year),
                              message("question_field_tasks")))
    for task in report.key_tasks:
        if not task.result.strip():
            asked.append(Question(f"task_result:{task.name}", "task_result",
                                  message("question_task_result", name=task.name,
                                          content=f"（{task.content.strip()}）" if task.content.strip() else ""),
                                  message("question_field_task", name=task.name), subject=task.name))
    for block in plan.blocks:
        if block.goal and not block.messages and not block.tasks and not block.see_also:
            asked.append(Question(f"goal_result:{block.goal_number}", "goal_result",
                                  message("question_goal_result", number=block.goal_number, goal=strip_end(block.goal)),
                                  message("question_field_goal", number=block.goal_number), subject=block.goal))
    for line in evaluation.budget:
        if line.line.actual is None:
            asked.append(Question(f"actual:{line.line.name}", "actual",
                                  message("question_actual", name=line.line.name, budget=number(line.adjusted_budget)),
                                  message("question_field_budget", name=line.line.name), "money",
                                  subject=line.line.name))
    for line, left in lines_to_explain(evaluation, budget):
        asked.append(Question(f"line_reason:{line.line.name}", "line_reason",
                              message("question_line_reason", name=line.line.name,
                                      budget=number(line.adjusted_budget), actual=number(line.line.actual),
                                      rate=format_percent(line.execution_rate), left=number(left)),
                              message("question_field_line", name=line.line.name, column=column_of("note")),
                              subject=line.line.name))
    problems = plan.missed or plan.notable or plan.pending or report.problems
    if not problems:
        asked.append(Question("problems", "problems", message("question_problems", year=report.year),
                              message("question_field_basic", column=column_of("problems"))))
    if not problems and not report.measures:
        asked.append(Question("measures", "measures", message("question_measures", year=report.year + 1),
                              message("question_field_basic", column=column_of("measures"))))
    # What must be answered first; what may be left unanswered after it, in the same order.
    return [question for question in asked if not question.optional] + \
        [question for question in asked if question.optional]


def _quoted(name: str) -> str:
    return name if name.startswith("“") and name.endswith("”") else f"“{name}”"


def _indicator_questions(result: IndicatorResult, lang: Language, results: list[IndicatorResult]) -> list[Question]:
    indicator = result.indicator
    name, target = _quoted(indicator.name), lang.target_phrase(indicator, quoted=not indicator.target.is_number)
    if result.status is Status.PENDING:
        if result.problem is Problem.NO_COMPLETION:
            text = message("question_completion", name=name, target=target)
        else:
            text = message("question_completion_unit", name=name, target=target,
                           completion=table_text(indicator.completion))
        return [Question(f"completion:{indicator.name}", "completion", text,
                         message("question_field_indicator", name=name, column=column_of("completion")), "quantity",
                         subject=indicator.name)]
    gaps: list[str] = []
    reason_text(result, lambda what, where="": gaps.append(what) or "")
    far = is_notable(result)
    given = indicator.reason.strip()
    field = message("question_field_indicator", name=name, column=column_of("reason"))
    figures = dict(name=name, target=target,
                   completion=completion_text(result) if result.is_quantitative
                   else lexicon.wording()["connectives"]["copula"] + _quoted(completion_text(result)))
    against = lang.against_target(result) or lang.gap_to_target(result)
    figures["against"] = f"，{against}" if against else ""
    if not gaps:
        # The table gives a reason. A short one for a shortfall or a far exceedance is the cell's summary (部分存量
        # 违建涉及产权纠纷……未能在年内完成): the officer may tell it in full — which, how many, when — for the
        # report (a reviewer of 桂城: his notes named 夏北、平东6宗约0.6万平方米, the draft only the cell's words).
        if given and (far or result.status is Status.MISSED) \
                and len(given) <= lexicon.wording()["answers"]["reason_more_chars"]:
            return [Question(f"reason_more:{indicator.name}", "reason_more",
                             message("question_reason_more", reason=strip_end(given),
                                     status=message("question_status_far" if far else "question_status_missed"),
                                     **figures),
                             field, subject=indicator.name)]
        if not given and is_well_over(result):
            # well over its target, short of what the draft calls far over: the officer may say why (瀚泉's and
            # 额尔敦塔拉's officers explained 1.75倍; the draft, never asking, said only 完成目标的175.2%) — answered, it
            # is told as a far exceedance's
            return [Question(f"reason:{indicator.name}", "over_reason", message("question_over_reason", **figures),
                             field, subject=indicator.name)]
        return []
    base = share_base(result, results)
    if base is not None:  # unanswered, the draft says what the arithmetic proves: the base grew (compose.share_reasons)
        count = base.count.indicator
        return [Question(f"reason:{indicator.name}", "share_reason",
                         message("question_share_reason", count=_quoted(count.name),
                                 count_completion=completion_text(base.count), base=number(base.base) + base.unit,
                                 planned=number(base.planned) + base.unit,
                                 reached=lexicon.wording()["computed_share_reason"]["reached"][
                                     "exceeded" if base.count.status is Status.EXCEEDED else "met"], **figures),
                         field, subject=indicator.name)]
    key = message("question_far_reason" if far else "question_reason", **figures)
    return [Question(f"reason:{indicator.name}", "far_reason" if far else "reason", key, field, subject=indicator.name)]


# ---------------------------------------------------------------- answers

def is_skip(answer: str) -> bool:
    return answer.strip() in lexicon.wording()["answers"]["skip"]


def check_answer(question: Question, answer: str, report: Report) -> str:
    """What is wrong with `answer` to `question`, in Chinese; "" when it can be written as it is."""
    limits = lexicon.wording()["answers"]
    text = answer.strip()
    if not text:
        return message("answer_empty", skip=limits["skip"][0])
    limit = limits["max_chars"].get(question.kind, limits["max_chars"]["default"])
    if len(text) > limit:
        return message("answer_too_long", length=len(text), limit=limit)
    if question.answer == "choice":
        numbers = [str(n) for n in range(1, len(question.choices) + 1)]
        return "" if text in numbers else message("answer_choice", numbers="、".join(numbers))
    if question.answer == "money":
        return "" if _money(text) is not None else message("answer_money", value=text)
    if question.answer == "quantity":
        return _check_quantity(question, text, report)
    if question.kind == "tasks":
        return "" if all(name and result for name, result in task_items(text)) else message("answer_tasks")
    return _contradiction(question, text, report)


def _money(text: str) -> Decimal | None:
    """An amount in 万元 as answered (12.5, 12.5万元, 1,250元), or None when it is none."""
    value = parse_quantity(text.replace(",", ""))
    if not value.is_number or value.value < 0:
        return None
    amount = convert(value.value, value.unit or BUDGET_UNIT, BUDGET_UNIT)
    return amount


def _indicator(report: Report, name: str):
    return next(indicator for indicator in report.indicators if indicator.name == name)


def _completion(question: Question, text: str, report: Report):
    """The answer as a 完成值: a bare number takes the target's unit."""
    target = _indicator(report, question.subject).target
    value = parse_quantity(text)
    if value.is_number and not value.unit and target.is_number and target.unit:
        value = parse_quantity(text + target.unit)
    return value


def _check_quantity(question: Question, text: str, report: Report) -> str:
    indicator = _indicator(report, question.subject)
    value = _completion(question, text, report)
    trial = evaluate(dataclasses.replace(report, indicators=[dataclasses.replace(indicator, completion=value)],
                                         budget_lines=[], key_tasks=[])).indicators[0]
    if trial.status is Status.PENDING:
        return message("answer_quantity", value=text, target=table_text(indicator.target))
    return ""


def _contradiction(question: Question, text: str, report: Report) -> str:
    """A figure in the answer that the input contradicts, as the checker finds it in a sentence
    about the question's subject."""
    reasons = ("reason", "far_reason", "reason_more", "share_reason")
    subject = question.subject if question.kind in (*reasons, "task_result", "line_reason") else ""
    # A reason is read as one (原因是……): what it counts in passing is matched to an indicator by name only.
    said = message("answer_reason_lead") + text if question.kind in reasons else text
    if question.kind == "line_reason":  # said of its line: 结余180.55万元 is read as the line's unspent money
        said = question.subject + "：" + text
    result = check_document(read_text(said, "回答"), data=report)
    # Only what the answer says of its own subject: a reason names other figures in passing, and those
    # are no reason to refuse it.
    errors = [finding for finding in result.findings if finding.severity == "error"
              and (not subject or subject in finding.message)]
    if not errors:
        return ""
    # The finding speaks of 正文 (a report's prose); here the prose is the officer's answer.
    said = errors[0].message.replace(message("answer_prose_word"), message("answer_own_word"), 1)
    return message("answer_contradicts", finding=said)


def task_items(text: str) -> list[tuple[str, str]]:
    """重点任务 written as 任务名称：完成情况, one a line, or on one line separated by ；;
    (name, result) pairs, a result "" when its 任务名称： is missing."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) == 1:
        pieces = [piece.strip() for piece in lines[0].split("；") if piece.strip()]
        if all("：" in piece or ":" in piece for piece in pieces):
            lines = pieces
    items = []
    for line in lines:
        name, colon, result = line.replace(":", "：", 1).partition("：")
        items.append((name.strip(), result.strip()) if colon else ("", line))
    return items


def apply_answers(report: Report, answers: dict[str, str]) -> Report:
    """A copy of `report` with the answers (question key → answer) in their fields; skipped or empty
    answers leave the field as it was. The answers must have passed `check_answer`."""
    asked = {question.key: question for question in questions(report)}
    indicators = list(report.indicators)
    tasks = list(report.key_tasks)
    lines = list(report.budget_lines)
    basic: dict[str, object] = {}
    for key, answer in answers.items():
        question, text = asked.get(key), answer.strip()
        if question is None or not text or is_skip(text):
            continue
        if question.kind in ("reason", "far_reason", "over_reason", "reason_more", "share_reason", "completion",
                             "rate_conflict"):
            index = next(i for i, indicator in enumerate(indicators) if indicator.name == question.subject)
            indicator = indicators[index]
            if question.kind == "completion":
                indicators[index] = dataclasses.replace(indicator, completion=_completion(question, text, report))
            elif question.kind == "rate_conflict":
                if text != "1":  # the 自评表 is right: 预算信息 must be corrected by hand
                    continue
                indicators[index] = dataclasses.replace(indicator, completion=parse_quantity(question.value))
            else:
                indicators[index] = dataclasses.replace(indicator, reason=text)
        elif question.kind == "task_result":
            index = next(i for i, task in enumerate(tasks) if task.name == question.subject)
            tasks[index] = dataclasses.replace(tasks[index], result=text)
        elif question.kind == "tasks":
            tasks += [KeyTask(name=name, result=result) for name, result in task_items(text)]
        elif question.kind == "goal_result":
            number_ = key.split(":", 1)[1]
            tasks.append(KeyTask(name=message("question_goal_task", number=number_), content=question.subject,
                                 result=text))
        elif question.kind == "actual":
            index = next(i for i, line in enumerate(lines) if line.name == question.subject)
            lines[index] = dataclasses.replace(lines[index], actual=_money(text))
        elif question.kind == "line_reason":
            index = next(i for i, line in enumerate(lines) if line.name == question.subject)
            lines[index] = dataclasses.replace(lines[index], note=text)
        elif question.kind == "overview":
            basic["overview"] = text
        elif question.kind == "problems":
            basic["problems"] = [*report.problems, text]
        elif question.kind == "measures":
            basic["measures"] = [*report.measures, text]
    return dataclasses.replace(report, indicators=indicators, key_tasks=tasks, budget_lines=lines, **basic)

