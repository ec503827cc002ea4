"""Fuzzing (issue 16): whatever a user or a hostile file gives narrator, it answers with
exit code 0, 1 or 2 and a message, never a traceback; it never changes an input, never
writes outside the folder it was told, and stays under a memory limit.

Two parts: hypothesis generates input models (YAML and workbooks) from the real example
with fields replaced by hostile values and runs them through load → evaluate → compose →
render in-process; a corpus of hostile files, generated here, goes through every command
in a subprocess with an address-space limit and a timeout."""
from __future__ import annotations

import copy
import hashlib
import os
import resource
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrator.drafting.compose import compose
from narrator.core.errors import NarratorError
from narrator.core.evaluate import evaluate
from narrator.sources.load import load_report, report_from_mapping
from narrator.drafting.render import docx_bytes
from narrator.core.resources import example_path
from narrator.sources.save import write_input

MEMORY_LIMIT = 3 * 1024 ** 3  # bytes of address space per command; spaCy and jieba need about 1.3 GB
TIMEOUT = 120
SEED_002 = next((Path(__file__).parent.parent / "corpus" / "seeds").glob("002_*.txt"))


def _example() -> dict:
    with open(example_path(".yaml"), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


EXAMPLE = _example()

hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "\x00", "\u202e", "=1+1", "../../x", "≥", "≥-1e999亿元", "1e-999999999", "。" * 3,
                     "9" * 40, ".nan", "-.inf", "【待补充：完成值】", "{{ 1/0 }}", "%s%s", "\\", "null"]),
)
hostile_number = st.one_of(
    st.integers(min_value=-10 ** 30, max_value=10 ** 30),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -0.0, Decimal("1E+999"), Decimal("1E-999"), True, None]),
)
hostile_value = st.one_of(hostile_text, hostile_number, st.lists(st.integers(), max_size=3),
                          st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@st.composite
def damaged_models(draw) -> dict:
    """The example with a few fields, rows or tables replaced by hostile values."""
    data = copy.deepcopy(EXAMPLE)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        key = draw(st.sampled_from(sorted(data)))
        if isinstance(data[key], list) and data[key] and isinstance(data[key][0], dict):
            row = draw(st.sampled_from(data[key]))
            column = draw(st.sampled_from(sorted(row) + ["未知列"]))
            row[column] = draw(hostile_value)
        elif draw(st.booleans()):
            data[key] = draw(hostile_value)
        else:
            del data[key]
    return data


def _run_in_process(data: dict) -> None:
    try:
        report = report_from_mapping(data, "fuzz.yaml")
        docx_bytes(compose(evaluate(report)))
    except NarratorError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_models())
def test_models_never_raise_anything_but_a_user_error(data):
    _run_in_process(data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(data=damaged_models(), as_workbook=st.booleans())
def test_written_and_reread_inputs_never_raise_anything_but_a_user_error(tmp_path, data, as_workbook):
    try:
        report = report_from_mapping(data, "fuzz.yaml")
    except NarratorError:
        return
    path = tmp_path / ("输入.xlsx" if as_workbook else "输入.yaml")
    write_input(report, path, force=True)
    try:
        docx_bytes(compose(evaluate(load_report(path))))
    except NarratorError:
        pass


# ---------------------------------------------------------------- hostile files, every command

def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def hostile_files(folder: Path) -> list[Path]:
    """Files a careless or hostile user hands narrator, made here from the real example and seed."""
    text = example_path(".yaml").read_text(encoding="utf-8")
    seed = SEED_002.read_text(encoding="utf-8")
    files = {
        "空.yaml": b"",
        "锚点.yaml": ("a: &a [" + ", ".join(["x"] * 10) + "]\nb: &b [" + ", ".join(["*a"] * 10) + "]\n单位名称: *b\n").encode(),
        "深.yaml": ("单位名称: " + "[" * 50_000 + "]" * 50_000).encode(),
        "指数.yaml": text.replace("年初预算数: 545.57", "年初预算数: 1.0e-999999999").encode(),
        "非数.yaml": text.replace("年初预算数: 545.57", "年初预算数: .nan").encode(),
        "控制符.yaml": text.replace("单位名称: 苏州市生产力促进中心", "单位名称: \"苏州\\0\\x1b中心\"").encode(),
        "列表.yaml": text.replace("单位名称: 苏州市生产力促进中心", "单位名称: [甲, 乙]").encode(),
        "UTF16.yaml": text.encode("utf-16"),
        "GBK.yaml": text.encode("gb18030"),
        "二进制.yaml": os.urandom(4096),
        "截断.xlsx": b"PK\x03\x04" + os.urandom(2000),
        "加密.xlsx": bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 1024,
        "假.docx": b"PK\x03\x04" + os.urandom(2000),
        "无正文.docx": b"",
        "大样式.docx": b"",
        "长段.txt": ("全年开展技术经纪人培训7场，" * 20_000).encode(),
        "空行.txt": ("\n" * 200_000 + seed).encode(),
        "Big5.txt": "本單位預算執行率為96.03%，完成年度目標。\n".encode("big5"),
        "UTF32.txt": seed.encode("utf-32"),
        "乱码.txt": b"\xff\xfe\xfd" * 500,
        "NUL.txt": seed.encode() + b"\x00" * 100,
        "损坏.pdf": b"%PDF-1.7\n" + os.urandom(3000),
        "无页.pdf": b"%PDF-1.4\n%%EOF\n",
    }
    paths = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    _zip(folder / "无正文.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml":
                                  b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'})
    _zip(folder / "大样式.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<x/>",
                                "word/styles.xml": b" " * (60 * 1024 * 1024)})
    workbook = folder / "远格.xlsx"
    write_input(load_report(), workbook)
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    book["绩效指标"]["XFD1048576"] = "x"
    book["基本信息"]["B2"] = "=SUM(A1:A3)"
    book.save(workbook)
    paths.append(workbook)
    return paths


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _narrator(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "narrator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=TIMEOUT, preexec_fn=_limit_memory, env=dict(os.environ, PYTHONHASHSEED="0"))


def _digest(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_hostile_files_through_every_command(tmp_path):
    inputs = tmp_path / "输入"
    inputs.mkdir()
    work = tmp_path / "工作"
    work.mkdir()
    files = hostile_files(inputs)
    before = _digest(inputs)
    models = [p for p in files if p.suffix in (".yaml", ".xlsx")]
    reports = [p for p in files if p.suffix in (".docx", ".txt", ".xlsx", ".pdf")]
    runs = [["evaluate", str(path)] for path in models]
    runs += [["draft", str(path), "--no-check"] for path in models[:6]]
    runs += [["import", str(path), "-o", "导入.yaml", "--force"] for path in reports]
    runs += [["check", *map(str, reports), "--annotate", ".", "--jobs", "1"],
             ["mine", str(inputs), "-o", "词表.yaml"],
             ["draft", str(models[0]), "-o", str(models[0]), "--force"],
             ["check", str(reports[-1]), "--annotate", str(reports[-1]), "--force"]]
    outcomes = []
    for args in runs:
        result = _narrator(args, work)
        outcomes.append((args[0], Path(args[1]).name, result.returncode))
        assert result.returncode in (0, 1, 2), (args, result.stderr[-2000:])
        assert "Traceback" not in result.stderr + result.stdout, (args, result.stderr[-2000:])
        if result.returncode == 2:
            assert "错误：" in result.stderr, (args, result.stderr)
            assert "内部出错" not in result.stderr, (args, result.stderr)
    assert _digest(inputs) == before  # no input changed, nothing written beside them
    assert all(path.parent == work for path in work.rglob("*"))  # nothing written below or outside the folder
    # The readable ones were read: the far cell is ignored but its uncached formula named.
    assert ("evaluate", "GBK.yaml", 0) in outcomes and ("evaluate", "UTF16.yaml", 0) in outcomes
    assert ("evaluate", "远格.xlsx", 2) in outcomes and ("evaluate", "深.yaml", 2) in outcomes


def test_a_total_budget_of_zero_drafts_the_tables_rate_as_written():
    """Found by the fuzzing above: 预算总金额's 调整预算数 0 leaves no rate to compute; the draft says the
    自评表's 预算执行率 as written instead of failing on the missing one."""
    data = copy.deepcopy(EXAMPLE)
    data["预算信息"][0]["调整预算数"] = 0
    report = report_from_mapping(data, "zero.yaml")
    prose = compose(evaluate(report)).prose()
    execution = next(i for i in report.indicators if i.name == "预算执行率")
    assert f"预算执行率为{execution.completion.text}。" in prose
