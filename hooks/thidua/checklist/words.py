"""The words of the checklist pages that do not come from the criteria data (vi, en).

Criterion texts, level and title names come from ``data/criteria`` ({vi, en}); the
page's own words (headings, notes, the profile described in words) are the group
``checklist`` of the words files (``thidua.words``: ``hooks/thidua/words/vi.yml`` and
``en.yml``), where the templates read them too (``t("checklist.…")``).
"""

from __future__ import annotations

from thidua import words as _words


def words(lang: str) -> dict[str, str]:
    """The page words for ``lang`` (``vi`` or ``en``)."""
    return _words.group(lang, "checklist")
