"""Drop the search entries that a second language only repeats, in linear time.

mkdocs-static-i18n removes an entry of a language folder (``en/…``) when it has the
same title and text as a default-language entry whose location it ends with (an
English URL serving the untranslated Vietnamese page). Its own loop compares every
entry with every other and removes from lists one by one: ≈ 13 % of a two-language
build at 500 pages, and why two languages cost several times one at 2,000
(toolchain.md). Same rule here, grouped by (title, text) first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def remove_duplicates(entries: list[dict], language_prefixes: Iterable[str]) -> None:
    """Remove, in place, every ``<lang>/`` entry that repeats a default-language entry.

    An entry repeats another when title and text are equal and its location ends with
    the other's location — static-i18n's rule, kept exactly.
    """
    prefixes = tuple(language_prefixes)
    by_content: dict[tuple[str, str], list[int]] = defaultdict(list)
    defaults: list[dict] = []
    for index, entry in enumerate(entries):
        if entry["location"].startswith(prefixes):
            by_content[(entry["title"], entry["text"])].append(index)
        else:
            defaults.append(entry)
    removed: set[int] = set()
    for entry in defaults:
        candidates = by_content.get((entry["title"], entry["text"]))
        if not candidates:
            continue
        location = entry["location"]
        for index in candidates:
            if index not in removed and entries[index]["location"].endswith(location):
                removed.add(index)
    if removed:
        entries[:] = [entry for index, entry in enumerate(entries) if index not in removed]
