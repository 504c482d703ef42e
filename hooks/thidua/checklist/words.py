"""The one place the checklist core still reads page words: the pages' own headings.

Everything else the checklist pages say is data (``thidua.checklist.said``) worded at
the edge (``hooks/thidua_mkdocs/checklist_words.py``, ``t("checklist.…")`` in the
templates). ``TitlePage.heading``/``RolePage.heading`` stay worded here because
``thidua impact`` reads them as text; when it words a page's name itself, this module
goes and the templates say ``t("checklist.title_page", name=page.name)``.
"""

from __future__ import annotations

from thidua import words as _words


def words(lang: str) -> dict[str, str]:
    """The ``checklist`` group of the words files for ``lang`` (``vi`` or ``en``)."""
    return _words.group(lang, "checklist")
