"""What narrator makes of the shipped and test material, as one JSON file, so that a refactoring can be shown
to change nothing (issue 25): compare the file written before with the one written after.

    python tests/snapshot.py before.json [more report folders…]
    (change the code)
    python tests/snapshot.py after.json [the same folders…] && cmp before.json after.json

It holds the SHA-256 of each drafted DOCX (the shipped example and every held-out unit under tests/data, at
the default seed), each report's check findings (code, claimed, expected, location) and the targets each
target table imports to. Extra folders (such as ../shared/realworld) add their .txt/.docx/.pdf reports."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from narrator.api import check, draft, import_targets
from narrator.core.errors import NarratorError
from narrator.core.resources import example_path

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
REPORTS = (".txt", ".docx", ".pdf")


def _findings(path: Path, data: Path | None = None) -> object:
    try:
        result = check(path, data=data)
    except NarratorError as error:
        return {"error": str(error)}
    return [[f.code, f.severity, f.claimed, f.expected, str(f.location)] for f in result.findings]


def _targets(path: Path) -> object:
    try:
        report = import_targets(path).report
    except NarratorError as error:
        return {"error": str(error)}
    return [[i.name, i.target.raw] for i in report.indicators]


def snapshot(folders: list[Path]) -> dict:
    out: dict = {"draft": {}, "check": {}, "targets": {}}
    inputs = [example_path()] + sorted(DATA.glob("statements_*/unit.yaml"))
    for source in inputs:
        result = draft(source)
        out["draft"][source.parent.name + "/" + source.name] = hashlib.sha256(result.data).hexdigest()
    for unit in sorted(DATA.glob("statements_*/unit.yaml")):
        for report in sorted(unit.parent.glob("*report*.txt")):
            out["check"][f"{unit.parent.name}/{report.name}+data"] = _findings(report, unit)
    reports = sorted(ROOT.parent.joinpath("corpus", "seeds").glob("*.txt")) + sorted(DATA.glob("realworld/*.txt"))
    for folder in folders:
        reports += sorted(p for p in folder.iterdir() if p.suffix in REPORTS)
    for report in reports:
        out["check"][f"{report.parent.name}/{report.name}"] = _findings(report)
        if "mubiao" in report.name:
            out["targets"][report.name] = _targets(report)
    return out


def main() -> None:
    target = Path(sys.argv[1])
    result = snapshot([Path(folder) for folder in sys.argv[2:]])
    target.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(result['draft'])} drafts, {len(result['check'])} checks, {len(result['targets'])} target tables")


if __name__ == "__main__":
    main()
