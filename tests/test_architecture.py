"""The layout shows the pipelines: stage packages over a small core, imports pointing one way only,
no import cycle even counting the imports made inside functions."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "narrator"

# What each stage may import, besides itself (the library, the CLI and the web may import anything).
ALLOWED = {
    "core": set(),
    "sources": {"core"},
    "recognise": {"core", "sources"},
    "statements": {"core", "sources", "recognise"},
    "forms": {"core", "sources", "recognise"},
    "checking": {"core", "sources", "recognise", "statements", "forms"},
    "drafting": {"core", "sources", "recognise", "statements", "forms", "checking"},  # the self-review checks
    "learn": {"core", "sources"},
}
LAYERS = {"api", "cli", "web", "__main__", ""}


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, int, bool]]:
    """(imported narrator module, line, inside a function) for every import of `name`, at any depth."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - node.level + 1] + (node.module.split(".") if node.module else [])
            candidates = [".".join(base)] + [".".join(base + [alias.name]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("narrator"):
            base = node.module.split(".")[1:]
            candidates = [".".join(base)] + [".".join(base + [alias.name]) for alias in node.names]
        elif isinstance(node, ast.Import):
            candidates = [alias.name.split(".", 1)[1] for alias in node.names if alias.name.startswith("narrator.")]
        else:
            continue
        for candidate in candidates:
            if candidate in modules and candidate != name and not (candidate == "" and not node.module):
                found.append((candidate, node.lineno, node.col_offset > 0))
    return found


def test_every_module_sits_in_a_stage_package():
    loose = sorted(name for name in _modules() if "." not in name and name not in LAYERS and name not in ALLOWED)
    assert loose == []
    assert {name.split(".")[0] for name in _modules() if "." in name} == set(ALLOWED)


def test_stages_import_only_what_comes_before_them():
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        stage = name.split(".")[0]
        if stage in LAYERS:
            continue
        for target, line, _ in _imports(name, path, modules):
            other = target.split(".")[0]
            if other != stage and other not in ALLOWED[stage]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
    assert wrong == []


def test_no_import_cycle_counting_imports_inside_functions():
    modules = _modules()
    graph = {name: {target for target, _, _ in _imports(name, path, modules)} for name, path in modules.items()}
    cycles, index, low, stack, on_stack = [], {}, {}, [], set()

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert cycles == []
    assert len(graph) > 50 and sum(map(len, graph.values())) > 200  # the walk saw the real graph


_SUFFIX = __import__("re").compile(r"\.(docx?|docm|pdf|txt|md|text|xlsx|xlsm|xls|ya?ml|json)")


def test_file_kinds_are_decided_by_suffix_in_one_module():
    """A suffix compared (==, in) anywhere but sources/kinds.py is a second list that will drift."""
    compared = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "kinds.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            for side in [node.left, *node.comparators]:
                constants = side.elts if isinstance(side, (ast.Set, ast.Tuple, ast.List)) else [side]
                if any(isinstance(c, ast.Constant) and isinstance(c.value, str) and _SUFFIX.fullmatch(c.value)
                       for c in constants):
                    compared.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert compared == []


# The packages worth loading only when a function needs them (each costs tens to hundreds of milliseconds).
HEAVY = {"spacy", "jieba", "docx", "openpyxl", "pdfplumber", "pypdfium2", "opencc", "lxml", "yaml",
         "charset_normalizer", "pandas", "uvicorn"}
# Narrator modules imported late on purpose: the library behind `import narrator`, PDF reading (pdfplumber).
LATE = {("__init__", "api"), ("sources.pdf", "sources.pdfpage")}


def test_imports_inside_functions_only_defer_a_heavy_dependency():
    """An import inside a function hides the module's real dependencies; it is kept only to defer a heavy
    package (and in cli.py, whose commands each load what they need so that `narrator --help` is instant)."""
    modules = _modules()
    hidden = []
    for name, path in modules.items():
        if name == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        late = {target for target, _, inside in _imports(name, path, modules) if inside}
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import):
                    roots = {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    roots = {node.module.split(".")[0]}
                else:
                    continue
                if roots - HEAVY:
                    hidden.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
        hidden += [f"{path.relative_to(PACKAGE)} imports {target} late" for target in late
                   if (name, target) not in LATE]
    assert hidden == []
