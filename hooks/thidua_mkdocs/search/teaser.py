"""The snippet shown under a search result (issue 17): ``teaser`` beside ``text``.

Material shows an entry's ``text``: the page's text before its first heading, or a
section's text, as its parser kept it (``<p>``, ``<li>``… and the bare text of
everything else). Three cases read badly, and get a ``teaser`` (display only; the
browser side ``search-vi.js`` shows it instead of ``text``, which stays searchable):

- a page with a ``description`` in its front matter: that description, the summary
  the authors wrote for the page;
- a page with a form (the self-evaluation and review tools): the parser runs the
  field labels and the options of every list together ("—Nghỉ thai sảnNghỉ ốm đau…");
  the teaser keeps the explanatory paragraphs only (none: the heading alone);
- pages whose opening text is word for word another page's (the checklists share one
  sentence): the first paragraphs or list items that are this page's own.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

# A paragraph or list item without another block inside it (Material keeps p/li tags):
# what ``<(p|li)>((?:(?!<(?:p|li|ul|ol)>).)*?)</\1>`` (DOTALL) finds, found by
# ``_inner_blocks`` from the opening tags (the regex tested every character of an entry).
_OPEN = re.compile(r"<(p|li)>")
_NESTED = re.compile(r"<(?:p|li|ul|ol)>")
_CLOSE = {"p": "</p>", "li": "</li>"}
_TAG = re.compile(r"<[^>]*>")
MAX_BLOCKS = 2


# Footnote and citation-preview numbers ("[5]"): noise in a snippet.
_SUP = re.compile(r"<sup>.*?</sup>", re.DOTALL)


def blocks(text: str) -> list[str]:
    """The non-empty paragraphs and list items of an index ``text``, inner HTML."""
    return list(_blocks(text))


# The same entries come back in every ``mkdocs serve`` rebuild (and untranslated
# pages' text in both languages): their blocks are remembered, bounded.
@functools.lru_cache(maxsize=65536)
def _blocks(text: str) -> tuple[str, ...]:
    found = (_SUP.sub("", b).strip() if "<sup" in b else b.strip() for b in _inner_blocks(text))
    return tuple(block for block in found if _TAG.sub("", block).strip())


def _inner_blocks(text: str) -> list[str]:
    """The inner HTML of each paragraph or list item holding no other block, in order.

    An opening tag is matched by the first closing tag of its kind after it, unless
    a block opens in between: then, as with the regex, the search goes on from the
    next opening tag.
    """
    found = []
    position = 0
    while opening := _OPEN.search(text, position):
        start = opening.end()
        close = text.find(_CLOSE[opening[1]], start)
        if close >= 0 and _NESTED.search(text, start, close) is None:
            found.append(text[start:close])
            position = close + len(_CLOSE[opening[1]])
        else:
            position = opening.start() + 1
    return found


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def _language(location: str) -> str:
    return "en" if location == "en" or location.startswith(("en/", "en#")) else "vi"


def _join(parts: Iterable[str]) -> str:
    return "".join(f"<p>{part}</p>" for part in parts)


def add_teasers(
    docs: list[dict[str, Any]],
    descriptions: Mapping[str, str] | None = None,
    forms: Iterable[str] = (),
) -> None:
    """Set (or remove) ``teaser`` on the entries of ``docs`` in place.

    ``descriptions`` maps a page location (``tieu-chi/``) to its front-matter
    description; ``forms`` lists the locations of pages with a form.
    """
    descriptions = dict(descriptions or {})
    form_pages = set(forms)
    by_page: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        doc.pop("teaser", None)
        by_page.setdefault(_page(doc["location"]), []).append(doc)

    openings = Counter(
        (_language(doc["location"]), doc["text"])
        for doc in docs
        if "#" not in doc["location"] and doc.get("text")
    )
    # In how many pages of a language each block occurs.
    spread: Counter[tuple[str, str]] = Counter()
    for page, entries in by_page.items():
        own = {block for doc in entries for block in blocks(doc.get("text", ""))}
        spread.update((_language(page), block) for block in own)

    for page, entries in by_page.items():
        lang = _language(page)
        for doc in entries:
            text = doc.get("text", "")
            is_article = "#" not in doc["location"]
            if is_article and descriptions.get(page):
                doc["teaser"] = f"<p>{escape(descriptions[page], quote=False)}</p>"
            elif page in form_pages:
                doc["teaser"] = _join(blocks(text)[:MAX_BLOCKS])
            elif is_article and text and openings[(lang, text)] > 1:
                own = [
                    block
                    for entry in entries
                    for block in blocks(entry.get("text", ""))
                    if spread[(lang, block)] == 1
                ]
                if own:
                    doc["teaser"] = _join(own[:MAX_BLOCKS])
