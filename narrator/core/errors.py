"""User errors: a Chinese message that names the file, sheet, row and column and
says what to write instead. The CLI turns them into exit code 2, never a traceback."""
from __future__ import annotations

import errno
import os
import sys
import tempfile
import time
import traceback

from .resources import load_yaml
from .version import __version__


def message(code: str, **arguments: object) -> str:
    """The user-facing sentence for `code`, from templates/messages.yaml."""
    return load_yaml("templates", "messages.yaml")[code].format(**arguments)


class Notice(str):
    """A warning: the sentence printed (it is that str) and the message key and arguments it was worded
    from, like NarratorError's, so that every output words it the same way and a program can tell kinds apart."""

    code: str = ""
    arguments: dict

    def __new__(cls, code: str, **arguments: object) -> "Notice":
        made = super().__new__(cls, message(code, **arguments))
        made.code, made.arguments = code, arguments
        return made

    def __reduce__(self):
        return (_notice, (self.code, self.arguments))


def _notice(code: str, arguments: dict) -> Notice:
    return Notice(code, **arguments)


class NarratorError(Exception):
    """The one error type: what went wrong as a message key of templates/messages.yaml and its
    arguments, with where (file, sheet, row, item, column). The library, the CLI and the web word it
    here, the same way; the CLI exits with 2, the web answers with the status `web.STATUS` gives
    the key (400 unless named)."""

    def __init__(self, code: str, file: str = "", sheet: str = "", row: int | None = None,
                 item: int | None = None, column: str = "", **arguments: object):
        self.code = code
        self.file = str(file)
        self.sheet = sheet
        self.row = row
        self.item = item
        self.column = column
        self.arguments = arguments
        super().__init__(self.render())

    def __reduce__(self):  # sent back whole from a worker process
        return (_rebuilt, (self.code, self.file, self.sheet, self.row, self.item, self.column, self.arguments))

    @property
    def location(self) -> str:
        parts = [f"文件 {self.file}"] if self.file else []
        if self.sheet:
            parts.append(f"「{self.sheet}」" + (f"第 {self.item} 条" if self.item else ""))
        if self.row:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"「{self.column}」列")
        return "，".join(parts)

    def render(self) -> str:
        text = message(self.code, column=self.column, sheet=self.sheet, **self.arguments)
        return f"{self.location}：{text}" if self.location else text

    def with_paths(self, clean) -> "NarratorError":
        """The same error with `clean` applied to its file and its text arguments (the web shows an
        upload's own name, never its temporary path)."""
        arguments = {key: clean(value) if isinstance(value, str) else value for key, value in self.arguments.items()}
        return NarratorError(self.code, clean(self.file) if self.file else "", self.sheet, self.row, self.item,
                             self.column, **arguments)


def _rebuilt(code, file, sheet, row, item, column, arguments) -> NarratorError:
    return NarratorError(code, file, sheet, row, item, column, **arguments)


_ERRNO_CODES = {"EACCES": "os_permission", "EPERM": "os_permission", "ENOSPC": "os_no_space", "EDQUOT": "os_no_space",
                "EROFS": "os_read_only", "ENAMETOOLONG": "os_name_too_long", "ENOENT": "os_not_found",
                "EISDIR": "os_is_folder"}


def os_reason(error: OSError) -> str:
    """Why the system refused, in Chinese: 没有权限, 磁盘空间已满 …"""
    name = errno.errorcode.get(error.errno or 0, "")
    code = _ERRNO_CODES.get(name)
    return message(code) if code else message("os_other", code=name or type(error).__name__)


def write_error_log(error: BaseException) -> str:
    """Write the traceback of an unexpected error to a log file in the temporary folder; its path."""
    name = f"narrator-error-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    path = os.path.join(tempfile.gettempdir(), name)

    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"narrator {__version__}\nargv: {sys.argv!r}\n\n")
        handle.write("".join(traceback.format_exception(error)))
    return path
