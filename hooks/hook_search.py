"""Hook: Vietnamese search with or without diacritics (issue 8).

- ``on_page_context`` (before Material's search plugin indexes the page) gives the
  editors' folders their low ``search: boost:`` (``thidua_mkdocs.search.boost``) and
  remembers the number (``so_hieu``) of each legal document page, each page's
  ``description`` and which pages hold a form (for the snippets, ``teaser.py``);
- ``on_post_build`` runs once, after static-i18n has written the merged index of
  both languages (its ``on_post_build`` is at priority -100 and re-runs the search
  plugin's; during its nested builds ``building`` is true and we wait), and after
  Material's ``offline`` plugin copied the index into ``search_index.js``: it adds
  the accent-folded fields (``thidua_mkdocs.search.index``) to both files. Under
  ``mkdocs serve --dirty`` the entries of a page-only rebuild are first merged with
  the last rebuild's (``thidua_mkdocs.preview.merged_index``): one read and one
  write of the index per rebuild.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from thidua_mkdocs import preview
from thidua_mkdocs.search import boost, index

log = logging.getLogger("mkdocs.hooks.search")

_so_hieu: dict[str, str] = {}
_descriptions: dict[str, str] = {}
_forms: set[str] = set()
_FORM = re.compile(r"<(?:select|fieldset|textarea)\b")


def on_startup(command, dirty):
    """A new command: forget the document numbers (``build()`` re-runs ``on_config``
    for every language, so the map is kept across the language passes)."""
    _so_hieu.clear()
    _descriptions.clear()
    _forms.clear()


@event_priority(50)  # before Material's search plugin (0) reads page.meta["search"]
def on_page_context(context, page, config, nav):
    """Boost the page by its folder; remember a legal document's number by its location."""
    boost.apply(page.meta, page.url)
    number = page.meta.get("so_hieu")
    if isinstance(number, str) and number.strip():
        _so_hieu[page.url] = number
    description = page.meta.get("description")
    if isinstance(description, str) and description.strip():
        _descriptions[page.url] = description.strip()
    if page.content and _FORM.search(page.content):
        _forms.add(page.url)
    return context


@event_priority(-150)  # after static-i18n (-100) and the offline plugin (-100)
def on_post_build(config):
    """Augment the final search index (and its offline copy)."""
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "building", False):
        return  # a nested language build: the merged index comes later
    folder = Path(config.site_dir) / "search"
    source = folder / "search_index.json"
    if not source.is_file():
        return
    before = source.stat().st_size
    data = json.loads(source.read_text(encoding="utf-8"))
    # Under ``serve --dirty``: this rebuild's entries merged with the last rebuild's.
    data["docs"] = preview.merged_index(str(config.site_dir), data.get("docs", []))
    text = index.dumps(index.augment(data, _so_hieu, _descriptions, _forms))
    source.write_text(text, encoding="utf-8")
    offline = folder / "search_index.js"
    if offline.is_file():
        offline.write_text(f"var __index = {text}", encoding="utf-8")
    after = source.stat().st_size
    log.info("search index: %d bytes as built, %d with folded fields", before, after)
