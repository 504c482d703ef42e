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
    words = _non_ascii_words(separator).findall(plain)
    return " ".join(folded for word in words if (folded := _fold_word(word)) != word)


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
