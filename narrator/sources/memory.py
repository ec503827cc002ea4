"""A file's bytes under the name it came with — an upload, a draft about to be written — read as the
file of that name would be, with nothing written to disk. It answers what the readers ask of a path
(its name, suffix, size, bytes, a handle to read); `readable` gives the ZIP, workbook and PDF readers
what they take (a handle for bytes, the path itself for a file)."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path, PurePath


@dataclass(frozen=True)
class _Status:
    st_size: int


class InMemory:
    def __init__(self, data: bytes, name: str):
        self.data = bytes(data)
        self._name = str(name)
        self._pure = PurePath(self._name)

    def __str__(self) -> str:
        return self._name

    def __repr__(self) -> str:
        return f"InMemory({self._name!r}, {len(self.data)} bytes)"

    @property
    def name(self) -> str:
        return self._pure.name

    @property
    def suffix(self) -> str:
        return self._pure.suffix

    @property
    def stem(self) -> str:
        return self._pure.stem

    def is_file(self) -> bool:
        return True

    def is_dir(self) -> bool:
        return False

    def stat(self) -> _Status:
        return _Status(len(self.data))

    def read_bytes(self) -> bytes:
        return self.data

    def open(self, mode: str = "rb") -> io.BytesIO:
        if mode != "rb":
            raise ValueError(mode)
        return io.BytesIO(self.data)


def readable(path: Path | InMemory):
    """What zipfile, openpyxl, pdfplumber and PDFium open: a handle on the bytes, or the path of a file."""
    return path.open("rb") if isinstance(path, InMemory) else path
