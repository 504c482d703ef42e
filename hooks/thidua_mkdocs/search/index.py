"""Augment Material's search index (``search/search_index.json``) after the build.

The Material-specific half of the search words: the words themselves come from the
engine-neutral core (``thidua.search.terms``).

The index is ``{"config": {..., "fields": {...}}, "docs": [{location, title, text}, ...]}``.
Every entry gets ``title_fold``/``text_fold``: the accent-folded forms of only
those words that have diacritics, in order (so a word is counted once in
either its original or its folded form; plain ASCII words are not repeated).
The entry of a legal document's own page gets ``so_hieu``: its number in the
forms people type ("98/2023/NĐ-CP", "98/2023", "NĐ 98/2023"), folded.
Entries whose text reads badly as a snippet get a display-only ``teaser``
(``teaser.add_teasers``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from typing import Any

from thidua.search.terms import DEFAULT_SEPARATOR, folded_words, so_hieu_forms

from .teaser import add_teasers

# Boosts: folded copies weigh as much as the originals; a document number
# beats a title (1000) so the document's own page comes first.
FOLD_FIELDS = {"title_fold": "title", "text_fold": "text"}
SO_HIEU_BOOST = 1e4

__all__ = ["FOLD_FIELDS", "augment", "augment_text", "dumps", "folded_words", "so_hieu_forms"]

# The same entry text is folded again in every rebuild of ``mkdocs serve`` (and the
# untranslated pages' text in both languages): remembered, bounded.
_folded_words = functools.lru_cache(maxsize=65536)(folded_words)


def augment(
    index: dict[str, Any],
    so_hieu: Mapping[str, str] | None = None,
    descriptions: Mapping[str, str] | None = None,
    forms: Iterable[str] = (),
) -> dict[str, Any]:
    """Add the folded fields (and ``so_hieu`` on document pages) to ``index`` in place.

    ``so_hieu`` maps a page location as in the index (``van-ban/nd-98-2023/``) to the
    document's number; ``descriptions`` and ``forms`` (page locations) feed the
    snippets (``teaser.add_teasers``). Idempotent: folding twice gives the same index.
    """
    config = index.setdefault("config", {})
    fields = config.setdefault("fields", {})
    separator = config.get("separator") or DEFAULT_SEPARATOR
    for name, original in FOLD_FIELDS.items():
        fields[name] = {"boost": fields.get(original, {}).get("boost", 1.0)}
    numbers = dict(so_hieu or {})
    if numbers:
        fields["so_hieu"] = {"boost": SO_HIEU_BOOST}
    for doc in index.get("docs", []):
        for name, original in FOLD_FIELDS.items():
            folded = _folded_words(str(doc.get(original, "")), separator)
            if folded:
                doc[name] = folded
            else:
                doc.pop(name, None)
        number = numbers.get(doc.get("location", ""))
        if number:
            doc["so_hieu"] = so_hieu_forms(number)
    add_teasers(index.get("docs", []), descriptions, forms)
    return index


def dumps(index: dict[str, Any]) -> str:
    """The index as compact JSON in UTF-8 (MkDocs' ``\\u`` escapes make Vietnamese 1.4 × larger)."""
    return json.dumps(index, separators=(",", ":"), ensure_ascii=False, default=str)


def augment_text(
    text: str,
    so_hieu: Mapping[str, str] | None = None,
    descriptions: Mapping[str, str] | None = None,
    forms: Iterable[str] = (),
) -> str:
    """``augment`` on the JSON text of an index; returns the new JSON text."""
    return dumps(augment(json.loads(text), so_hieu, descriptions, forms))
