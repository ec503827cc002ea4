"""The `narrator` command: a thin layer over the library.

Every command is also a Python function: `narrator.sources.load.load_report`,
`narrator.core.evaluate.evaluate`, `narrator.sources.save.write_input`. Only click, the messages and
the file kinds are imported at start; each command imports what it needs, so `narrator --help` is instant.

One error boundary (`_Group.main`) turns every failure into a Chinese message and
exit code 2: a user error says what to fix, click's usage errors are put in
Chinese, and anything unexpected writes its traceback to a log file it names."""
from __future__ import annotations

import contextlib
import re
import shlex
import sys
from pathlib import Path

import click

from .core import lexicon
from .core.errors import NarratorError, message, write_error_log
from .core.version import DEFAULT_SEED, __version__
from .drafting.questions import unanswered
from .sources import kinds


def _help_words(key: str) -> str:
    """click's own help words in Chinese (templates/messages.yaml: help_*), read only when help is shown."""
    return message(f"help_{key}")


class _Formatter(click.HelpFormatter):
    """click's help in Chinese: the usage prefix and the section headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", _help_words("options_metavar"))
        args = args.replace("COMMAND [ARGS]...", _help_words("commands_metavar"))
        super().write_usage(prog, args, _help_words("usage") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        words = {"Options": "options", "Commands": "commands", "Arguments": "arguments"}
        heading = _help_words(words[heading]) if heading in words else heading
        self.write(f"{'':>{self.current_indent}}{heading}{_help_words('heading_end')}\n")


class _Context(click.Context):
    formatter_class = _Formatter


def _chinese_help_option(option):
    if option is not None:
        option.help = _help_words("option")
    return option


class _Command(click.Command):
    context_class = _Context

    def get_help_option(self, ctx):
        return _chinese_help_option(super().get_help_option(ctx))


class _Group(click.Group):
    """Every failure becomes a Chinese message and exit code 2, never a traceback."""

    context_class = _Context
    command_class = _Command

    def format_options(self, ctx, formatter):
        for param in self.params:
            if param.name == "version":
                param.help = _help_words("version")
        super().format_options(ctx, formatter)

    def get_help_option(self, ctx):
        return _chinese_help_option(super().get_help_option(ctx))

    def main(self, args=None, prog_name=None, **extra):
        try:
            result = super().main(args, prog_name or "narrator", standalone_mode=False, **extra)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.ClickException as error:
            _error_line(_usage_message(error))
            sys.exit(2)
        except NarratorError as error:
            _error_line(str(error))
            sys.exit(2)
        except (KeyboardInterrupt, click.Abort):
            click.echo(message("interrupted"), err=True)
            sys.exit(130)
        except MemoryError:
            _error_line(message("out_of_memory"))
            sys.exit(2)
        except Exception as error:  # a bug or an input narrator cannot handle yet: log it, never print it
            _error_line(message("internal_error", kind=type(error).__name__, log=write_error_log(error)))
            sys.exit(2)
        sys.exit(result if isinstance(result, int) else 0)


def _error_line(text: str) -> None:
    """One failure, as the user sees it on standard error: 错误：…"""
    click.echo(message("error_line", text=text), err=True)


def _usage_message(error: click.ClickException) -> str:
    """click's usage errors, in Chinese."""
    context = getattr(error, "ctx", None)
    command = context.info_name if context is not None and context.parent is not None else ""
    hint = message("usage_hint", command=command).replace("narrator  ", "narrator ")
    if isinstance(error, click.NoSuchOption):
        return message("usage_no_such_option", name=error.option_name, hint=hint)
    if isinstance(error, click.MissingParameter):
        return message("usage_missing", what=_parameter_name(error.param), hint=hint)
    if isinstance(error, click.BadParameter):
        return message("usage_bad_value", what=_parameter_name(error.param), value=_bad_value(error),
                       detail=_parameter_rule(error.param), hint=hint)
    if isinstance(error, click.BadOptionUsage):
        return message("usage_needs_value", name=error.option_name, hint=hint)
    text = error.format_message()
    if text.startswith("No such command"):
        name = text.split("'")[1] if "'" in text else text
        return message("usage_no_such_command", name=name, commands="、".join(sorted(main.commands)))
    if text.startswith("Got unexpected extra argument"):
        extra = text[text.find("(") + 1:text.rfind(")")] if "(" in text else text
        return message("usage_extra", args=extra, hint=hint)
    return message("usage_other", detail=text, hint=hint)


def _parameter_name(param) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return message("usage_option", name="/".join(param.opts)).strip()
    return message("usage_argument", name=param.human_readable_name).strip()


def _bad_value(error: click.BadParameter) -> str:
    text = error.message or ""
    if text.count("'") >= 2:
        return text.split("'")[1]
    return text.split(" is not")[0] if " is not" in text else text


def _parameter_rule(param) -> str:
    kind = getattr(param, "type", None)
    if isinstance(kind, click.Choice):
        return message("usage_choice", choices="、".join(kind.choices))
    if isinstance(kind, click.IntRange) and kind.min is not None:
        return message("usage_int_min", minimum=kind.min)
    return message("usage_integer")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="narrator", message="%(prog)s %(version)s")
def main():
    """narrator：预算绩效自评报告的起草与核对工具。"""


@main.command()
@click.argument("input_file", metavar="[输入]", required=False)
@click.option("-o", "--output", metavar="报告.docx",
              help="输出的 DOCX 文件。默认为当前文件夹下的“单位名称+年度+整体支出预算绩效自评报告.docx”。")
@click.option("--format", "output_format", type=click.Choice(["docx", "md"]), default="docx", show_default=True,
              help="docx 写出 Word 文件；md 在屏幕上显示 Markdown 预览，不写文件。")
@click.option("--seed", type=int, default=DEFAULT_SEED, show_default=True,
              help="措辞选择的随机种子。同样的输入和种子总是得到完全相同的报告。")
@click.option("--templates", "templates", metavar="目录",
              help="自定义模板所在目录；其中的同名文件替换 narrator 自带的模板。")
@click.option("--patterns", metavar="词表.yaml",
              help="narrator mine 学到的句式词表。默认为自带的 lexicon/patterns.yaml。")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 生成同名 PDF。")
@click.option("--suggestions", is_flag=True,
              help="输入没有写存在问题、改进措施时，第五部分附上从往年报告学到的【参考表述】（醒目标出，供改写；默认不附）。")
@click.option("--no-check", is_flag=True, help="写出前不用核对规则检查草稿（默认检查，发现问题时警告）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它（输入文件永远不会被覆盖）。")
@click.option("--form", "form", type=click.Choice(["整体", "项目"]), default="整体", show_default=True,
              help="整体：部门（单位）整体支出自评报告；项目：项目支出自评报告和带分值、得分、等级的项目支出绩效自评表。")
@click.option("--rules", "rule_set", metavar="规则", default="national", show_default=True,
              help="评分规则（--form 项目 或 --scoring 时）：lexicon/scoring/ 下的文件名（不含 .yaml）。")
@click.option("--scoring", is_flag=True,
              help="部门整体自评表加上分值、得分两栏和总分、自评等级（分值取输入的“分值”一栏，没有的留待补充）。")
@click.option("--outline", "outline", type=click.Choice(list(lexicon.wording()["outlines"])), default=None,
              help="报告提纲（不给时用输入的“报告提纲”，都没有时用第一个）："
                   + "；".join(f"{name}：{o['headings']}" for name, o in lexicon.wording()["outlines"].items()))
def draft(input_file, output, output_format, seed, templates, patterns, pdf, suggestions, no_check, force, form,
          rule_set, scoring, outline):
    """根据绩效指标完成情况起草自评报告，写出可编辑的 DOCX。

    不给输入文件时，起草随程序附带的示例（苏州市生产力促进中心 2022 年度；--form 项目 时为示例项目）。

    示例：narrator draft 输入.xlsx -o 2024年自评报告.docx --pdf；narrator draft 项目.yaml --form 项目
    """
    from .api import draft as draft_report
    from .sources.load import load_report
    from .core.output import check_output_path, draft_file_name
    from .drafting.render import convert_to_pdf, markdown, write_bytes
    from .core.resources import example_path
    from .forms.scoring import rule_set as scoring_rules

    _existing_folder(templates)
    _existing_file(patterns)
    inputs = [input_file, patterns]
    project = form == "项目"
    if project or scoring:
        scoring_rules(rule_set)  # an unknown rule set is refused before anything is read
    report = load_report(input_file if input_file or not project else example_path(".yaml", project=True))
    if output_format == "docx":
        output = output or draft_file_name(report, project)
        check_output_path(output, force, inputs)
        if pdf:
            check_output_path(Path(output).with_suffix(".pdf"), force, inputs)
    result = draft_report(report, form, seed, templates, patterns, suggestions, scoring, rule_set,
                          check=not no_check, outline=outline)
    document, data, findings = result.document, result.data, result.findings
    if output_format == "md":
        click.echo(markdown(document))
    else:
        path = write_bytes(data, output, force, inputs)
        click.echo(message("draft_written", path=path))
        if pdf:
            click.echo(message("pdf_written", path=convert_to_pdf(path, path.with_suffix(".pdf"), force, inputs)))
    for warning in document.warnings:
        click.echo(warning, err=True)
    if findings:
        click.echo(message("self_check_findings", count=len(findings)), err=True)
        for finding in findings:
            click.echo(f"  {finding.code} {finding.location.describe()}：{finding.message}", err=True)
    if document.missing:
        click.echo(message("missing_values"), err=True)
        for item in document.missing:
            click.echo(f"  - {item}", err=True)
    file = (" " + _shell_word(input_file)) if input_file else ""
    required = [question for question in result.questions if not question.optional]
    if required:
        click.echo(message("draft_questions", count=len(required), file=file), err=True)
    if len(required) < len(result.questions):
        click.echo(message("draft_questions_optional", count=len(result.questions) - len(required), file=file,
                           unanswered=unanswered(result.questions)), err=True)


def _shell_word(path: str) -> str:
    """`path` as a user can paste it into the shell after `narrator ask`: quoted only when the shell
    would split or expand it (Chinese names stay as they are)."""
    return shlex.quote(path) if re.search(r"[\s'\"$`\\|&;<>()*?#~!{}\[\]]", path) else path


@main.command()
@click.argument("input_file", metavar="[输入]", required=False)
@click.option("--rules", "rule_set", metavar="规则", default="national", show_default=True,
              help="打分表的评分规则：lexicon/scoring/ 下的文件名（不含 .yaml）。")
def evaluate(input_file, rule_set):
    """计算每个绩效指标的偏差情况和完成状态，并核算预算信息。

    给出带分值、得分的自评表（项目支出绩效自评表，DOCX、PDF、文本或 Excel）时，按评分规则
    计算每一行的得分、总分和等级，并与表中所填的对照。

    不给输入文件时，使用随程序附带的示例（苏州市生产力促进中心 2022 年度）。

    示例：narrator evaluate 输入.xlsx；narrator evaluate 项目自评表.pdf
    """
    from .core.evaluate import Status
    from .core.evaluate import evaluate as evaluate_report
    from .sources.load import load_report
    from .core.quantity import format_decimal, format_percent
    from .core.textable import format_table

    sheet = _score_sheet(input_file)
    if sheet is not None:
        _print_scores(sheet, rule_set)
        return
    report = load_report(input_file)
    result = evaluate_report(report)
    click.echo(message("evaluate_header", unit=report.unit_name, year=report.year, count=len(result.indicators)))
    rows = [[r.indicator.level1, r.indicator.name, r.indicator.target.text, r.indicator.completion.text or "—",
             r.deviation_text or "—", r.status.value] for r in result.indicators]
    click.echo(format_table(["一级指标", "三级指标", "目标值", "完成值", "偏差情况", "状态"], rows))
    if result.budget:
        click.echo("")
        rows = [[b.line.name, format_decimal(b.line.initial), format_decimal(b.line.adjustment),
                 format_decimal(b.adjusted_budget), format_decimal(b.line.actual) if b.line.actual is not None else "—",
                 format_percent(b.execution_rate) if b.execution_rate is not None else "—"] for b in result.budget]
        click.echo(format_table(["项目", "年初预算数", "调整数", "调整预算数", "实际支出数", "执行率"], rows))
        if result.budget_adjustment_rate is not None:
            click.echo(message("adjustment_rate", rate=format_percent(result.budget_adjustment_rate)))
    click.echo("，".join(message("status_count", status=status.value, count=len(result.by_status(status)))
                        for status in Status))


def _score_sheet(input_file):
    """The scored form in `input_file`, when it is a report or form rather than an input: a DOCX,
    PDF or text file, or a workbook that is not narrator's input but holds a form with 分值 and 得分."""
    from .recognise.projectform import read_sheet
    from .sources.read import read_document

    if input_file is None:
        return None
    suffix = Path(input_file).suffix.lower()
    if suffix in kinds.PROSE:
        sheet = read_sheet(read_document(input_file))
        if sheet is None:
            raise NarratorError("scores_not_found", file=input_file)
        return sheet
    if suffix in kinds.WORKBOOK:
        from .sources.load import load_report

        try:
            load_report(input_file)
        except NarratorError:
            sheet = read_sheet(read_document(input_file))
            if sheet is None:
                raise
            return sheet
    return None


def _print_scores(sheet, rule_set: str) -> None:
    from .forms.scoring import grade, rule_set as load_rule_set, score_rows, score_text
    from .recognise.projectform import score
    from .core.textable import format_table

    rules = load_rule_set(rule_set)
    rows = score_rows(sheet, rules)
    click.echo(message("scores_header", name=sheet.labels.get("project") or sheet.labels.get("unit") or sheet.file,
                       rules=rules.name, count=len(rows)))
    table = []
    for row in rows:
        expected = row.expected
        ruled = "—" if expected is None else score_text(expected.low) if expected.exact else \
            message("scores_band", low=score_text(expected.low), high=score_text(expected.high))
        verdict = {True: message("scores_agree"), False: message("scores_differ"), None: "—"}[row.agrees]
        table.append([row.name, score_text(row.weight), row.cells["score"].text if "score" in row.cells else "—",
                      ruled, verdict])
    click.echo(format_table(message("scores_columns").split("|"), table))
    settled = [row.settled for row in rows]
    written_total = score(sheet.total_score)
    if all(value is not None for value in settled) and settled:
        total = sum(settled)
        click.echo(message("scores_total", weight=score_text(sum(row.weight for row in rows)),
                           written=sheet.total_score.text if sheet.total_score is not None else "—",
                           total=score_text(total), grade=grade(total, rules),
                           written_grade=sheet.grade.text.strip() if sheet.grade is not None else "—"))
    else:
        click.echo(message("scores_total_unknown",
                           written=sheet.total_score.text if written_total is not None else "—"))


@main.command()
@click.argument("reports", nargs=-1, required=True, metavar="报告…")
@click.option("--data", metavar="输入.yaml|xlsx",
              help="结构化输入文件，作为核对依据的表格（报告本身没有表格时使用）。")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text 按章节列出问题并标出数字；json 输出 JSON 数组，便于其他程序处理。")
@click.option("--annotate", metavar="批注版.docx",
              help="另存一份带 Word 批注的报告，批注标在有问题的数字上；原文件不会改动。核对多个报告时给一个文件夹。")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="同时核对的进程数。默认为本机 CPU 核数（报告不多时逐个核对，更快）。")
@click.option("--force", is_flag=True, help="批注版文件已存在时覆盖它（输入文件永远不会被覆盖）。")
@click.option("--explain", is_flag=True,
              help="逐个列出正文和年度重点任务表中的数字：对应到了表格中的哪个数字，或为什么没有对应。")
@click.option("--rules", "rule_set", metavar="规则", default="national", show_default=True,
              help="带分值、得分的自评表按哪套评分规则核对：lexicon/scoring/ 下的文件名（不含 .yaml）。")
@click.option("--targets", metavar="绩效目标表",
              help="批复的绩效目标表（DOCX、PDF、XLSX 或文本）：与自评表逐项比较，指标是否被删除、增加、改名，"
                   "目标值、比较方式或计量单位是否被改动。须是同一单位、同一年度的表。")
@click.option("--last-year", "last_year", metavar="上年报告",
              help="同一单位上一年度的自评报告（或上年的输入 .yaml）：正文中“同比增长”“较上年增加”的数字按上年的完成值核对；"
                   "上年已大幅超额完成而今年目标未提高的指标给出提示。")
def check(reports, data, output_format, annotate, jobs, force, explain, rule_set, targets, last_year):
    """核对自评报告：正文中的数字是否与表格一致，正文和表格内的计算是否正确。

    读取 DOCX、PDF 或文本（.txt、.md）报告。没有发现问题时退出码为 0，发现问题为 1，
    文件无法读取为 2（其他文件照常核对）。

    示例：narrator check 2022年自评报告.docx --annotate 2022年自评报告（批注）.docx
    """
    from .checking.across import load_targets, source
    from .checking.checker import check_files
    from .checking.reporters import annotate as write_annotated
    from .checking.reporters import explain_report, json_report, summary, text_report

    inputs = [*reports, data, targets, last_year]
    annotated = _annotation_targets(reports, annotate, force, inputs)
    results = []
    failed = False
    approved = None
    if targets is not None:
        approved, skipped = load_targets(targets)
        for reason in skipped:
            click.echo(message("targets_skipped", reason=reason), err=True)
    stream = check_files(reports, data, jobs, explain, rule_set, approved, last_year)
    show_bar = len(reports) > 1 and sys.stderr.isatty()
    with click.progressbar(stream, length=len(reports), label="核对中", file=sys.stderr) if show_bar \
            else contextlib.nullcontext(stream) as progress:
        for result in progress:
            results.append(result)
    for result, target in zip(results, annotated):
        if output_format == "text":
            click.echo(text_report(result))
            if explain and not result.error:
                click.echo(explain_report(result))
        else:
            click.echo(summary(result), err=True)
        if target is not None and not result.error:
            try:
                path = write_annotated(result.file, result, target, force, inputs)
            except NarratorError as error:  # this report cannot be annotated; the others still are
                _error_line(str(error))
                failed = True
            else:
                click.echo(message("annotated", path=path), err=True)
    if isinstance(approved, tuple):
        used = {result.targets for result in results}
        unused = [source(table) for table in approved if source(table) not in used]
        if unused:
            click.echo(message("targets_unused", files="、".join(unused)), err=True)
    if output_format == "json":
        click.echo(json_report(results, explain))
    return 2 if failed else max((result.exit_code for result in results), default=0)


def _annotation_targets(reports, annotate, force, inputs) -> list:
    """Where each annotated copy goes: the path given, or a file per report in the folder given."""
    from .core.output import check_output_path, safe_file_name

    if annotate is None:
        return [None] * len(reports)
    if len(reports) == 1 and not Path(annotate).is_dir():
        check_output_path(annotate, force, inputs)
        return [Path(annotate)]
    if not Path(annotate).is_dir():
        raise NarratorError("annotate_needs_folder")
    targets = [Path(annotate) / safe_file_name(message("annotated_name", stem=Path(report).stem)) for report in reports]
    for target in targets:
        check_output_path(target, force, inputs)
    return targets


@main.command()
@click.argument("input_file", metavar="[输入]", required=False)
@click.option("-o", "--output", metavar="回答后.yaml",
              help="写入回答的副本（.yaml 或 .xlsx）。默认为输入文件旁的“原名（已回答）”；不给输入时写在当前文件夹。")
@click.option("--in-place", "in_place", is_flag=True,
              help="把回答直接写回输入文件；写之前先把原文件备份为“原名（备份）”。")
@click.option("--force", is_flag=True, help="副本已存在时覆盖它（输入文件只有 --in-place 时才会改写）。")
def ask(input_file, output, in_place, force):
    """起草前逐一回答只有填报人能回答的问题，回答写入输入文件的副本。

    问题包括：未达到目标和大幅超出目标的原因、缺少的完成值和实际支出数、没有完成情况的重点任务、
    自评表与预算信息表不一致时以哪个为准、缺少的单位概况等。每个问题都列出相关的数字；
    回答为空、过长或与表格中的数字矛盾时会提示重新输入；输入“跳过”暂不回答。

    示例：narrator ask 输入.yaml（回答写入“输入（已回答）.yaml”，再 narrator draft 输入（已回答）.yaml）
    """
    from .api import answer_file

    return answer_file(input_file, output, in_place, force, _prompt, click.echo)


def _prompt(label: str) -> str | None:
    """One answer from the terminal; None when the input ends (Ctrl-D, Ctrl-C)."""
    try:
        return click.prompt(label, default="", show_default=False, prompt_suffix="：")
    except click.Abort:
        click.echo()
        return None


@main.command("import")
@click.argument("table", metavar="目标表")
@click.option("-o", "--output", metavar="输入.xlsx|输入.yaml",
              help="写出的输入文件（.xlsx 或 .yaml）。默认为当前文件夹下的“单位名称+年度+自评输入.xlsx”。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它（输入文件永远不会被覆盖）。")
@click.option("--form", "form", type=click.Choice(["整体", "项目"]), default=None,
              help="不给时按表中的栏目自动识别。整体：部门（单位）整体绩效目标表；项目：项目支出绩效目标表"
                   "（或上年的项目支出绩效自评表），生成 draft --form 项目 的输入。")
def import_table(table, output, force, form):
    """导入绩效目标表，生成自评输入文件：目标值照表填好，完成值留空待填。

    读取 DOCX、PDF、Excel（.xlsx），或从 PDF/Word 复制出的文字（.txt）。合并单元格、
    拆成几行的表头、全角半角符号都能识别；无法归入任何一栏的行会逐行列出。

    示例：narrator import 2025年绩效目标表.docx -o 2025年自评输入.xlsx；narrator import 项目目标表.docx --form 项目
    """
    from .core.output import check_output_path, safe_file_name
    from .core.quantity import format_decimal
    from .sources.save import TO_FILL, write_input
    from .recognise.targets import import_table as import_any

    if output:
        _check_input_suffix(output)
        check_output_path(output, force, [table])
    recognised, result = import_any(table, form)
    project = recognised == "项目"
    if form is None and project:
        click.echo(message("import_form_recognised", form=message(f"form_{recognised}")))
    report = result.report
    if not output:
        output = safe_file_name(
            message("default_project_import_output", project=report.project_name, year=report.year) if project
            else message("default_import_output", unit=report.unit_name, year=report.year))
        check_output_path(output, force, [table])
    path = write_input(report, output, force, keep_blank=TO_FILL, inputs=[table])
    levels = "，".join(message("level_count", level=level, count=count) for level, count in result.level_counts())
    if project:
        click.echo(message("import_project_summary", project=report.project_name, unit=report.unit_name,
                           year=report.year, count=len(report.indicators), levels=levels))
    else:
        click.echo(message("import_summary", unit=report.unit_name, year=report.year,
                           count=len(report.indicators), levels=levels))
    if project and report.budget_lines:
        click.echo(message("import_project_budget", total=format_decimal(report.budget_lines[0].initial)))
    elif report.budget_lines:
        click.echo(message("import_budget", total=format_decimal(report.budget_lines[0].initial),
                           lines=len(report.budget_lines) - 1))
    if result.empty_levels:
        click.echo(message("import_empty_levels", names="、".join(result.empty_levels)))
    if result.warnings:
        click.echo(message("import_warnings"), err=True)
        for warning in result.warnings:
            click.echo(f"  - {warning}", err=True)
    click.echo(message("import_project_written" if project else "import_written", path=path))


def _check_input_suffix(output) -> None:

    suffix = Path(output).suffix.lower()
    if suffix not in kinds.INPUT_OUTPUT:
        raise NarratorError("output_unknown_extension", suffix=suffix or message("nothing"))


def _existing_folder(path) -> None:
    if path is not None and not Path(path).is_dir():
        raise NarratorError("folder_missing" if not Path(path).exists() else "not_a_folder", file=path)


def _existing_file(path) -> None:
    if path is not None and not Path(path).is_file():
        raise NarratorError("file_missing" if not Path(path).exists() else "os_is_folder", file=path)


@main.command("mine")
@click.argument("corpus", nargs=-1, required=True, metavar="语料…")
@click.option("-o", "--output", metavar="词表.yaml", default=None,
              help="写出的句式词表。默认为 narrator 自带的 lexicon/patterns.yaml（起草时使用）。")
@click.option("--force", is_flag=True, help="即使词表文件已被手工修改也覆盖它。")
def mine_corpus(corpus, output, force):
    """从往年的自评报告中学习措辞：数值陈述的句式、量词搭配、存在问题和改进措施的句子。

    语料可以是 .docx、.txt、.md 文件或包含它们的文件夹。无法读取或没有正文的文件会逐个
    列出并跳过。结果按出现次数排序写入词表，起草报告时选用其中的动词、量词和句式。

    示例：narrator mine corpus/ 往年报告/ -o lexicon/patterns.yaml
    """
    from .learn.mine import mine as mine_reports
    from .learn.mine import write_patterns
    from .core.output import check_output_path
    from .core.resources import data_path

    output = output or str(data_path("lexicon") / "patterns.yaml")
    check_output_path(output, True, corpus)
    result = mine_reports(list(corpus))
    for warning in result.warnings:
        click.echo(message("warning", text=warning), err=True)
    patterns = result.patterns()
    path = write_patterns(result, output, force)
    click.echo(message("mine_stats", documents=len(result.documents),
                       skipped=len(result.warnings), sentences=result.sentences,
                       figures=result.figures, recognised=result.recognised))
    click.echo(message("mine_kinds", **{kind: len(entries) for kind, entries in patterns.items()}))
    click.echo(message("mine_written", path=path))


@main.command()
@click.argument("output", metavar="文件.xlsx|文件.yaml")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它。")
def init(output, force):
    """生成一份空白输入文件（含表头和每张表一行示例），可在此基础上填写。

    示例：narrator init 2025年自评输入.xlsx
    """
    from .sources.load import load_report
    from .sources.save import starter_report, write_input


    path = write_input(starter_report(load_report()), output, force)
    click.echo(message("init_written", path=path))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听的地址。默认只有本机可以访问；其他地址必须同时设置 --token。")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="监听的端口。")
@click.option("--token", metavar="口令", help="访问口令：每个请求都要带上（打开 http://地址/?token=口令 一次即可）。")
@click.option("--templates", "templates", metavar="目录",
              help="网页起草时用的自定义模板目录（同 narrator draft --templates）。")
@click.option("--patterns", metavar="词表.yaml", help="网页起草时用的句式词表（同 narrator draft --patterns）。")
def serve(host, port, token, templates, patterns):
    """启动网页：在浏览器中起草和核对报告（http://127.0.0.1:8000/）。

    示例：narrator serve；narrator serve --host 0.0.0.0 --port 8080 --token 口令；narrator serve --templates 本单位模板
    """
    from .web import serve as run_server

    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        raise NarratorError("serve_token_required", host=host)
    _existing_folder(templates)
    _existing_file(patterns)
    click.echo(message("serve_started", url=f"http://{host}:{port}/"))
    run_server(host, port, token, templates, patterns)


if __name__ == "__main__":
    main()
