"""A normal (non-editable) install finds its templates, lexicon and example."""
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    source = tmp_path_factory.mktemp("src") / "narrator"
    # Build from a copy so the checkout gets no build/ or egg-info folders.
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(out), str(source)], check=True)
    (path,) = out.glob("narrator-*.whl")
    return path


def test_wheel_contains_data_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("narrator/cli.py", "narrator/templates/messages.yaml", "narrator/lexicon/units.yaml",
                 "narrator/lexicon/qualitative.txt", "narrator/corpus/example.yaml",
                 "narrator/corpus/example.xlsx"):
        assert name in names
    assert len([n for n in names if n.startswith("narrator/corpus/seeds/") and n.endswith(".txt")]) == 4


def test_installed_wheel_runs_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True)
    env = dict(os.environ, PYTHONPATH=str(target))
    where = subprocess.run([sys.executable, "-c", "import narrator.core.resources as r; print(r.data_path('lexicon'))"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert where.stdout.strip() == str(target / "narrator" / "lexicon")
    result = subprocess.run([str(target / "bin" / "narrator"), "evaluate"], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "苏州市生产力促进中心  2022年度  绩效指标 54 项"


def _lock() -> dict[str, str]:
    """requirements.lock: package name → pinned version (the lines whose marker fits this Python)."""
    from packaging.markers import Marker

    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith((" ", "#")):
            continue
        requirement, _, marker = line.partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate():
            continue
        name, _, version = requirement.strip().partition("==")
        pins[_canonical(name)] = version
    return pins


def _canonical(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> list[str]:
    """The names of setup.cfg's install_requires and test extra."""
    import configparser
    import re

    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    lines = config["options"]["install_requires"].split() + config["options.extras_require"]["test"].split()
    return sorted({_canonical(re.split(r"[<>=!~\[; ]", line)[0]) for line in lines if line.strip()})


def test_every_declared_dependency_is_pinned_and_installed_at_its_pin():
    from importlib.metadata import version

    pins = _lock()
    declared = _declared()
    assert "pyyaml" in declared and "spacy" in declared
    assert [name for name in declared if name not in pins] == []
    assert {name: version(name) for name in declared} == {name: pins[name] for name in declared}


def test_the_library_drafts_checks_and_imports_as_the_cli_does(tmp_path):
    """narrator.api is what the CLI and the web call: the same bytes as `narrator draft`, the same findings
    as `narrator check`, the same import as `narrator import`."""
    from click.testing import CliRunner

    import narrator
    from narrator.api import check, draft, import_targets
    from narrator.cli import main

    written = tmp_path / "示例.docx"
    assert CliRunner().invoke(main, ["draft", "-o", str(written)]).exit_code == 0
    result = narrator.draft(ROOT / "corpus" / "example.yaml")
    assert narrator.draft is draft
    assert result.data == written.read_bytes()
    assert result.findings == [] and result.name == "苏州市生产力促进中心2022年度整体支出预算绩效自评报告.docx"
    assert check(written).findings == []
    (seed,) = (ROOT / "corpus" / "seeds").glob("003_*.txt")
    assert len(import_targets(seed).report.indicators) == 35


def _imports(path: Path) -> set[str]:
    """The narrator modules a module imports, at its top or inside a function."""
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            for name in ([node.module] if node.module else [alias.name for alias in node.names]):
                names.add(name.split(".")[0])
    return names


def test_no_import_cycle_even_inside_functions():
    package = Path(__file__).parent.parent / "narrator"
    graph = {path.stem: _imports(path) & {p.stem for p in package.glob("*.py")} for path in package.glob("*.py")}
    graph.pop("__init__")  # narrator.draft and narrator.import_targets: the library, loaded when asked for

    def reaches(start: str, node: str, seen: set[str]) -> bool:
        return any(other == start or (other not in seen and reaches(start, other, seen | {other}))
                   for other in graph.get(node, ()))

    assert [module for module in sorted(graph) if reaches(module, module, {module})] == []
