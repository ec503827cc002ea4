"""jieba's dictionary read word by word from narrator's SQLite store cuts exactly as jieba's own."""
from __future__ import annotations

import logging
import os
import sqlite3

import jieba
import pytest

from narrator.core import wordstore
from narrator.core.resources import data_path

SEED_002 = next((data_path("corpus") / "seeds").glob("002_*.txt"))


@pytest.fixture(scope="module")
def both():
    jieba.setLogLevel(logging.WARNING)
    own = jieba.Tokenizer()
    own.initialize()
    stored = jieba.Tokenizer()
    assert wordstore.install(stored)
    return own, stored


def test_a_seed_report_is_cut_exactly_as_by_jiebas_own_dictionary(both):
    own, stored = both
    text = SEED_002.read_text(encoding="utf-8")
    assert len(text) > 5000
    assert stored.lcut(text) == own.lcut(text)
    assert stored.lcut_for_search(text) == own.lcut_for_search(text)
    assert stored.total == own.total == 60101967


def test_words_added_in_the_process_are_cut_as_with_jiebas_own_dictionary(both):
    own, stored = both
    name = "科贷通当年受惠企业数"
    for tokenizer in (own, stored):
        tokenizer.add_word("科贷通", 2000)
        tokenizer.add_word("受惠企业数", 1000)
    assert stored.lcut(name) == own.lcut(name) == ["科贷通", "当年", "受惠企业数"]
    assert "科贷" in stored.FREQ and stored.FREQ["科贷"] == 0  # the prefixes jieba adds with a word
    assert stored.FREQ.get("不在词典里的词语") is None


def test_an_unwritable_temporary_folder_leaves_jieba_loading_its_own(tmp_path, monkeypatch):
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setattr(wordstore.tempfile, "gettempdir", lambda: str(folder))
    tokenizer = jieba.Tokenizer()
    try:
        installed = wordstore.install(tokenizer)
    finally:
        folder.chmod(0o700)
    if installed:  # root may write anywhere: the store was then made there, and must be whole
        with sqlite3.connect(next(folder.glob("*.sqlite"))) as connection:
            assert connection.execute("SELECT count(*) FROM f").fetchone()[0] == 498113
        return
    assert not list(folder.iterdir())  # no half-written store left behind
    assert tokenizer.lcut("预算执行率") == jieba.lcut("预算执行率")


def test_two_installations_of_the_same_dictionary_share_one_store(tmp_path):
    # Each virtual environment installs jieba's dict.txt afresh (another time, the same bytes).
    source = wordstore._dictionary_file(jieba.Tokenizer())
    first, second = tmp_path / "a" / "dict.txt", tmp_path / "b" / "dict.txt"
    for copy, when in ((first, 1_600_000_000), (second, 1_700_000_000)):
        copy.parent.mkdir()
        copy.write_bytes(open(source, "rb").read())
        os.utime(copy, (when, when))
    assert wordstore._store_path(str(first)) == wordstore._store_path(str(second))
    second.write_bytes(second.read_bytes() + "新词 3 n\n".encode("utf-8"))
    assert wordstore._store_path(str(first)) != wordstore._store_path(str(second))
