"""jieba's dictionary, looked up word by word instead of loaded whole.

jieba keeps its prefix dictionary (about 580,000 words and prefixes with their frequencies) in
one Python dict, unmarshalled from a cache at every start: 0.5 s of every cold `narrator check`,
which segments only a few hundred short names. Here the same dictionary lives in an SQLite file
built once from jieba's own (in the temporary folder, beside jieba's cache); a process reads
only the words it asks for. The entries are jieba's, so the cuts are identical."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading

_SCHEMA_VERSION = 1


class StoredFrequencies:
    """The mapping jieba's Tokenizer uses as FREQ (`in`, `[]`, `get`, assignment), read from
    the SQLite store; words added in this process (narrator's domain dictionary) sit in memory."""

    def __init__(self, path: str):
        self.path = path
        self._added: dict[str, int] = {}
        self._seen: dict[str, int | None] = {}
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        # One connection per process and thread: a worker forked after the first look-up opens its own.
        key = os.getpid()
        if getattr(self._local, "key", None) != key:
            self._local.connection = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
            self._local.key = key
        return self._local.connection

    def _stored(self, word: str) -> int | None:
        try:
            return self._seen[word]
        except KeyError:
            row = self._connection().execute("SELECT n FROM f WHERE w = ?", (word,)).fetchone()
            value = self._seen[word] = None if row is None else row[0]
            return value

    def get(self, word: str, default=None):
        value = self._added.get(word)
        if value is None:
            value = self._stored(word)
        return default if value is None else value

    def __contains__(self, word: str) -> bool:
        return word in self._added or self._stored(word) is not None

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __setitem__(self, word: str, frequency: int) -> None:
        self._added[word] = frequency


def _store_path(dictionary: str) -> str:
    # Named by the dictionary's content (7 ms for jieba's 5 MB), not its size and time: every
    # installation of the same jieba (each virtual environment, each fresh clone) shares one store
    # instead of leaving another 9 MB file in the temporary folder.
    with open(dictionary, "rb") as handle:
        digest = hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=8)).hexdigest()
    name = f"narrator-jieba-{_SCHEMA_VERSION}-{digest}.sqlite"
    return os.path.join(tempfile.gettempdir(), name)


def _dictionary_file(tokenizer) -> str:
    import jieba

    return tokenizer.dictionary or os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)


def _build(tokenizer, path: str) -> None:
    """Write jieba's prefix dictionary to `path` (through a temporary file, renamed when complete)."""
    frequencies, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".part")
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as connection:
            connection.execute("CREATE TABLE f (w TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
            connection.execute("CREATE TABLE total (n INTEGER NOT NULL)")
            connection.executemany("INSERT INTO f VALUES (?, ?)", sorted(frequencies.items()))
            connection.execute("INSERT INTO total VALUES (?)", (total,))
        connection.close()
        os.chmod(temporary, 0o644)  # mkstemp's file is the owner's alone; the store is for every user
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def install(tokenizer) -> bool:
    """Give jieba's `tokenizer` the stored dictionary instead of loading its own; False (and jieba
    loads as usual) when the store cannot be made, e.g. in a read-only temporary folder."""
    if tokenizer.initialized:
        return False
    try:
        path = _store_path(_dictionary_file(tokenizer))
        if not os.path.exists(path):
            _build(tokenizer, path)
        with sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True) as connection:
            (total,) = connection.execute("SELECT n FROM total").fetchone()
        connection.close()
    except (OSError, sqlite3.Error):
        return False
    tokenizer.FREQ = StoredFrequencies(path)
    tokenizer.total = total
    tokenizer.initialized = True
    return True
