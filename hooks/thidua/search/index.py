"""Augment Material's search index (``search/search_index.json``) after the build.

The index is ``{"config": {..., "fields": {...}}, "docs": [{location, title, text}, ...]}``.
Every entry gets ``title_fold``/``text_fold``: the accent-folded forms of only
those words that have diacritics, in order (so a word is counted once in
either its original or its folded form; plain ASCII words are not repeated).
The entry of a legal document's own page gets ``so_hieu``: its number in the
forms people type ("98/2023/NĐ-CP", "98/2023", "NĐ 98/2023"), folded.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from thidua.slug import fold

# Boosts: folded copies weigh as much as the originals; a document number
# beats a title (1000) so the document's own page comes first.
FOLD_FIELDS = {"title_fold": "title", "text_fold": "text"}
SO_HIEU_BOOST = 1e4

_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#39);")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}


def folded_words(text: str, separator: str = r"[\s\-]+") -> str:
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


def augment(index: dict[str, Any], so_hieu: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Add the folded fields (and ``so_hieu`` on document pages) to ``index`` in place.

    ``so_hieu`` maps a page location as in the index (``van-ban/nd-98-2023/``) to the
    document's number. Idempotent: folding twice gives the same index.
    """
    config = index.setdefault("config", {})
    fields = config.setdefault("fields", {})
    separator = config.get("separator") or r"[\s\-]+"
    for name, original in FOLD_FIELDS.items():
        fields[name] = {"boost": fields.get(original, {}).get("boost", 1.0)}
    numbers = dict(so_hieu or {})
    if numbers:
        fields["so_hieu"] = {"boost": SO_HIEU_BOOST}
    for doc in index.get("docs", []):
        for name, original in FOLD_FIELDS.items():
            folded = folded_words(str(doc.get(original, "")), separator)
            if folded:
                doc[name] = folded
            else:
                doc.pop(name, None)
        number = numbers.get(doc.get("location", ""))
        if number:
            doc["so_hieu"] = so_hieu_forms(number)
    return index


def dumps(index: dict[str, Any]) -> str:
    """The index as compact JSON in UTF-8 (MkDocs' ``\\u`` escapes make Vietnamese 1.4 × larger)."""
    return json.dumps(index, separators=(",", ":"), ensure_ascii=False, default=str)


def augment_text(text: str, so_hieu: Mapping[str, str] | None = None) -> str:
    """``augment`` on the JSON text of an index; returns the new JSON text."""
    return dumps(augment(json.loads(text), so_hieu))
