"""Write output files safely: never over an existing file without `force`, never over
an input of the same run (even with `force`), never half-written (a temporary file
in the same folder is renamed into place), with the permissions the user's umask gives."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from .errors import NarratorError, message, os_reason

MAX_NAME_BYTES = 200  # file systems allow 255 bytes; a Chinese character takes 3
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def safe_file_name(name: str) -> str:
    """A file name made from data (单位名称): no folder separators, no characters Windows refuses,
    no leading dots, at most MAX_NAME_BYTES bytes with the suffix kept."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not re.fullmatch(r"[A-Za-z0-9]{1,8}", suffix):
        stem, suffix = name, ""
    stem = _UNSAFE.sub("_", re.sub(r"\.{2,}", "", stem)).strip(" ._") or "_"
    suffix = _UNSAFE.sub("", suffix)
    limit = MAX_NAME_BYTES - len(suffix.encode()) - 1
    while len(stem.encode()) > limit:
        stem = stem[:-1]
    return f"{stem}.{suffix}" if suffix else stem


def draft_file_name(report, project: bool = False) -> str:
    """The DOCX a draft is written to when no name is given: 单位名称+年度 (项目名称+年度 for a project)."""
    return safe_file_name(message("default_project_output", project=report.project_name, year=report.year)
                          if project else message("default_output", unit=report.unit_name, year=report.year))


def check_output_path(path: str | Path, force: bool = False, inputs: Iterable[str | Path | None] = ()) -> Path:
    """Fail early, before any work, when `path` cannot or must not be written."""
    path = Path(path)
    if path.is_dir():
        raise NarratorError("output_is_folder", file=path,
                         example=path / (message("example_output_name") + (path.suffix or ".docx")))
    if not path.parent.resolve().is_dir():
        raise NarratorError("output_folder_missing", file=path)
    if path.exists():
        target = path.resolve()
        for source in inputs:
            if source is not None and Path(source).exists() and _same_file(Path(source), target):
                raise NarratorError("output_is_input", file=path)
        if not force:
            raise NarratorError("output_exists", file=path)
    return path


def _same_file(source: Path, target: Path) -> bool:
    try:
        return source.resolve() == target or os.path.samefile(source, target)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: str | Path, write: Callable[[Path], None], force: bool = False,
                     inputs: Iterable[str | Path | None] = ()) -> Path:
    """Call `write(temporary_path)`, then rename the result to `path`."""
    path = check_output_path(path, force, inputs)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:40]}.", suffix=path.suffix)
    except OSError as error:
        raise NarratorError("output_write_failed", file=path, reason=os_reason(error)) from None
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        _remove(temporary)
        raise NarratorError("output_write_failed", file=path, reason=os_reason(error)) from None
    except BaseException:
        _remove(temporary)
        raise
    return path


def _remove(temporary: str) -> None:
    try:
        os.unlink(temporary)
    except OSError:
        pass
