"""Hook: Vietnamese search with or without diacritics (issue 8).

- ``on_page_context`` remembers the number (``so_hieu``) of each legal document page;
- ``on_post_build`` runs once, after static-i18n has written the merged index of
  both languages (its ``on_post_build`` is at priority -100 and re-runs the search
  plugin's; during its nested builds ``building`` is true and we wait), and after
  Material's ``offline`` plugin copied the index into ``search_index.js``: it adds
  the accent-folded fields (``thidua_mkdocs.search.index``) to both files.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority
from thidua_mkdocs.search import index

log = logging.getLogger("mkdocs.hooks.search")

_so_hieu: dict[str, str] = {}


def on_startup(command, dirty):
    """A new command: forget the document numbers (``build()`` re-runs ``on_config``
    for every language, so the map is kept across the language passes)."""
    _so_hieu.clear()


def on_page_context(context, page, config, nav):
    """Remember the number of a legal document's page, by its index location."""
    number = page.meta.get("so_hieu")
    if isinstance(number, str) and number.strip():
        _so_hieu[page.url] = number
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
    text = index.augment_text(source.read_text(encoding="utf-8"), _so_hieu)
    source.write_text(text, encoding="utf-8")
    offline = folder / "search_index.js"
    if offline.is_file():
        offline.write_text(f"var __index = {text}", encoding="utf-8")
    log.info("search index: %d bytes as built, %d with folded fields", before, len(text.encode()))
