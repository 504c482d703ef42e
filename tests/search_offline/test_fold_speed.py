"""The search index's folded words, found faster, are the words the plain form found (issue 16,
item 6).

``folded_words`` ran a backtracking regex over every entry of the index and folded every
word through a translation table: half a second of each build at 500 pages. It now
splits the text into words where that gives the same words, and folds each distinct
word once. The plain form is kept here and both are compared on the project's pages and
on seeded random texts made of the characters that matter (non-ASCII spaces, hyphens,
tags, entities, combining marks).
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest
from thidua.search import terms

ROOT = Path(__file__).resolve().parents[2]


def plain_folded_words(text: str, separator: str = terms.DEFAULT_SEPARATOR) -> str:
    """``folded_words`` as it was: one regex over the text, each word folded on its own."""
    plain = terms._ENTITY.sub(lambda m: terms._ENTITIES[m[0]], terms._TAG.sub(" ", text))
    plain = unicodedata.normalize("NFC", plain)
    words = terms._non_ascii_words(separator).findall(plain)
    return " ".join(folded for word in words if (folded := terms._fold_word(word)) != word)


PIECES = [
    "thi", "đua", "Thưởng", "NĐ-CP", "98/2023", " ", "  ", "-", "\n", "\t", "\xa0", "\u2009",
    "\u3000", "\x1c", "\x85", "a\xa0đ", "<p>", "</p>", "&amp;", "&lt;", "e\u0301", "\u0301",
    "Ω", "ß", "ﬁ", "x", "1",
]  # fmt: skip
SEPARATORS = [terms.DEFAULT_SEPARATOR, r"[\s\-,:!=\[\]()\"/]+", r"[\s]+", r"\s+|-"]


def random_texts(count: int, seed: int) -> list[str]:
    chooser = random.Random(seed)
    return [
        "".join(chooser.choice(PIECES) for _ in range(chooser.randint(0, 16))) for _ in range(count)
    ]


@pytest.mark.parametrize("separator", SEPARATORS)
def test_folded_words_are_the_plain_ones(separator):
    pages = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]
    assert pages
    for text in pages + random_texts(15_000, seed=len(separator)):
        assert terms.folded_words(text, separator) == plain_folded_words(text, separator), text


def test_a_non_ascii_space_takes_the_plain_path():
    # "a\xa0đ" is one match of the plain regex (its non-ASCII character may be the space);
    # splitting would give "a" and "đ". Both forms give "a\xa0d".
    assert terms.folded_words("a\xa0đ") == plain_folded_words("a\xa0đ") == "a\xa0d"


def test_whitespace_of_str_split_is_the_regex_whitespace():
    # The default separator's words come from str.split(): the same characters as \s.
    spaces = [chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))]
    assert spaces == [chr(c) for c in range(0x110000) if chr(c).isspace()]


def test_the_remembered_words_are_bounded(monkeypatch):
    monkeypatch.setattr(terms, "_FOLDED_SIZE", 3)
    terms._FOLDED.clear()
    assert terms.folded_words("một hai ba bốn năm sáu") == "mot bon nam sau"
    assert len(terms._FOLDED) <= 3
    terms._FOLDED.clear()
