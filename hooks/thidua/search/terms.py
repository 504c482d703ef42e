"""Accent-folded words and document-number forms: plain strings for any search index.

``folded_words`` keeps only the words that have diacritics, in order (so a word is
counted once in either its original or its folded form; plain ASCII words are not
repeated). ``so_hieu_forms`` lists a document number as people type it
("98/2023/NĐ-CP", "98/2023", "NĐ 98/2023"), folded.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from thidua.slug import fold

DEFAULT_SEPARATOR = r"[\s\-]+"

_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#39);")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}


def folded_words(text: str, separator: str = DEFAULT_SEPARATOR) -> str:
    """The folded forms of the words of ``text`` that have diacritics, space-separated.

    >>> folded_words("Thi đua, khen thưởng năm 2024")
    'dua, thuong nam'
    """
    plain = _ENTITY.sub(lambda m: _ENTITIES[m[0]], _TAG.sub(" ", text))
    plain = unicodedata.normalize("NFC", plain)
    folded = []
    known = _FOLDED.get
    for word in _words(plain, separator):
        form = known(word)
        if form is None:
            if len(_FOLDED) >= _FOLDED_SIZE:
                _FOLDED.clear()
            form = _FOLDED[word] = _fold_word(word)
        if form != word:
            folded.append(form)
    return " ".join(folded)


# Words already folded: a site has a few thousand distinct words (Vietnamese syllables)
# and every entry of the index repeats them; bounded for a long ``mkdocs serve``.
_FOLDED: dict[str, str] = {}
_FOLDED_SIZE = 200_000


def _words(plain: str, separator: str) -> list[str]:
    """What ``_non_ascii_words(separator).findall(plain)`` gives.

    With a separator that is a character class and no non-ASCII separator character in
    the text, those are the runs of word characters that hold a non-ASCII character:
    found by splitting, which does not retry the regex at every character of an ASCII
    word (tests/search_offline/test_fold_speed.py compares the two).
    """
    runs, odd = _word_runs(separator)
    if runs is None or odd is None or odd.search(plain):
        return _non_ascii_words(separator).findall(plain)
    if separator == DEFAULT_SEPARATOR:  # str.split() knows the same whitespace as \s
        return [word for word in plain.replace("-", " ").split() if not word.isascii()]
    return [word for word in runs.findall(plain) if not word.isascii()]


@functools.cache
def _word_runs(separator: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(runs of word characters, a non-ASCII character that is not a word character), or
    (None, None) for a separator that is not a character class."""
    if not re.fullmatch(r"\[[^\]^]+\]\+", separator):
        return None, None
    word = f"[^{separator[1:-2]}]"
    return re.compile(f"{word}+"), re.compile(rf"[^\x00-\x7f](?<!{word})")


@functools.cache
def _non_ascii_words(separator: str) -> re.Pattern[str]:
    """Words (between separators) that contain a non-ASCII character."""
    if re.fullmatch(r"\[[^\]^]+\]\+", separator):  # a character class: fast form
        word = f"[^{separator[1:-2]}]"
    else:
        word = rf"(?:(?!{separator}).)"
    return re.compile(rf"{word}*[^\x00-\x7f]{word}*", re.DOTALL)


# Latin letters with diacritics (Latin-1 to Latin Extended Additional) → folded.
_TABLE = {code: fold(chr(code)) for code in range(0xC0, 0x1F00) if fold(chr(code)) != chr(code)}


def _fold_word(word: str) -> str:
    """``fold`` of one NFC word, through a translation table (the index's hot path)."""
    folded = word.translate(_TABLE)
    return folded if folded.isascii() else fold(folded)


def so_hieu_forms(so_hieu: str) -> str:
    """The ways a document number is typed, folded: full, "number/year", "kind number/year".

    >>> so_hieu_forms("98/2023/NĐ-CP")
    '98/2023/ND-CP 98/2023 ND 98/2023 ND-CP'
    """
    folded = fold(so_hieu.strip())
    parts = folded.split("/")
    forms = [folded]
    if len(parts) >= 3:
        short = "/".join(parts[:2])
        issuer = "/".join(parts[2:])
        kind = issuer.split("-")[0]
        forms += [short, f"{kind} {short}", issuer]
    elif len(parts) == 2:
        forms.append(parts[0])
    return " ".join(dict.fromkeys(forms))
