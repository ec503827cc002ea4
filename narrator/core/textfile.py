"""Text files as narrator reads them: refused above their size limit, decoded as UTF-8 or the Chinese
encoding charset-normalizer finds, never as garbage. Reports (`read`) and YAML inputs (`yamlfile`) both
come through here."""
from __future__ import annotations

import re
from pathlib import Path

from .errors import NarratorError, os_reason

MAX_TEXT_BYTES = 5 * 1024 * 1024  # a report's text is a few hundred KB


def read_text_file(path: Path) -> str:
    """A text file's content, refused above MAX_TEXT_BYTES, decoded as `decode` does."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise NarratorError("report_too_large", file=path, size=megabytes(size), limit=megabytes(MAX_TEXT_BYTES))
    try:
        return decode(path.read_bytes(), path)
    except OSError as error:
        raise NarratorError("file_unreadable", file=path, reason=os_reason(error)) from None


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


# Encodings a Chinese report's text comes in; charset-normalizer picks among what the bytes allow.
_CHINESE_ENCODINGS = {"gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950", "cp936",
                      "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"}


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM) first, as almost every file is; otherwise the encoding
    charset-normalizer finds (GB18030/GBK, Big5, UTF-16/32 with or without BOM). Anything
    that is not Chinese text in one of those is an error, never decoded as garbage."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        return text
    from charset_normalizer import from_bytes  # loaded only for a file that is not UTF-8

    best = from_bytes(data, cp_isolation=sorted(_CHINESE_ENCODINGS)).best()
    if best is not None and best.encoding in _CHINESE_ENCODINGS:
        text = str(best)
        if _plausible(text):
            return text
    raise NarratorError("report_encoding", file=path)


_READABLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\u00b7\u2160-\u216b\x20-\x7e\s]")


def _plausible(text: str) -> bool:
    """Decoded text a report could be: Chinese, ASCII and their punctuation, almost nothing else."""
    sample = text[:20_000]
    return bool(sample) and len(_READABLE.findall(sample)) >= 0.95 * len(sample)
