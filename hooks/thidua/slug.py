"""Anchors that stay ASCII and stable for Vietnamese headings.

Python-Markdown's default slugify drops "đ" ("thi đua" → "thi-ua"), which makes
anchors unreadable and unstable; we fold Vietnamese to ASCII first.
"""

from __future__ import annotations

import re
import unicodedata

_DD = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^a-z0-9\s-]")
_SEPARATORS = re.compile(r"[\s_-]+")


def fold(text: str) -> str:
    """Return ``text`` without Vietnamese diacritics, "đ" folded to "d".

    >>> fold("Thi đua, khen thưởng")
    'Thi dua, khen thuong'
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_DD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(value: str, separator: str = "-") -> str:
    """Slugify a heading for the ``toc`` extension (signature of Python-Markdown).

    >>> slugify("Quy trình đánh giá, xếp loại", "-")
    'quy-trinh-danh-gia-xep-loai'
    """
    text = fold(value).lower()
    text = _NON_WORD.sub("", text)
    return _SEPARATORS.sub(separator, text).strip(separator)
