"""Write output files safely: never over an existing file without `force`, never
half-written (a temporary file in the same folder is renamed into place)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from .errors import InputError


def check_output_path(path: str | Path, force: bool = False) -> Path:
    """Fail early, before any work, when `path` cannot be written."""
    path = Path(path)
    if not path.parent.resolve().is_dir():
        raise InputError("output_folder_missing", file=path)
    if path.exists() and not force:
        raise InputError("output_exists", file=path)
    return path


def write_atomically(path: str | Path, write: Callable[[Path], None], force: bool = False) -> Path:
    """Call `write(temporary_path)`, then rename the result to `path`."""
    path = check_output_path(path, force)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix)
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return path
