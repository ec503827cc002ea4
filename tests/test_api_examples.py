"""The library's docstring examples run as written (issue 25: each with a runnable example), on the
shipped example — so the README's and the docstrings' promises are tested, not just shown."""
from __future__ import annotations

import doctest
from pathlib import Path

import narrator
import narrator.api


def _run(module) -> doctest.TestResults:
    return doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE, raise_on_error=False, verbose=False)


def test_the_package_docstring_examples_run():
    result = _run(narrator)
    assert (result.failed, result.attempted) == (0, 8)


def test_the_api_docstring_examples_run():
    result = _run(narrator.api)
    assert (result.failed, result.attempted) == (0, 17)


def test_the_readme_library_example_runs():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    test = doctest.DocTestParser().get_doctest(block, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert (runner.failures, runner.tries) == (0, 8)
