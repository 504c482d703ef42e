"""Hook: a quiet console and a fast, correct ``make serve`` (issue 16, item 6).

- ``on_startup``: the console keeps only what an editor must act on
  (``thidua_mkdocs.console``); under ``--dirty`` MkDocs' own warning about that mode
  is dropped (``make serve`` asks for it, and strict mode would abort on it).
- ``on_files`` (after static-i18n has made each language's files): under ``--dirty``,
  a rebuild after anything but an ordinary page changed marks every page modified,
  so it is a full rebuild (``thidua_mkdocs.preview``). After a page edit only that
  page is rendered again, in both languages (generated pages are kept, but for one
  in the edited page's folder).
- ``on_config``: compiled theme templates and the installed theme's file list are
  kept across language passes and rebuilds (``thidua_mkdocs.jinja_cache``; a changed
  template is compiled again, ``overrides/`` is listed again).
- The search index of a dirty rebuild: Material's own merge is turned off, the
  entries static-i18n stacks are cleared at each rebuild, and ``hook_search``
  merges the rendered pages' entries with the previous index
  (``thidua_mkdocs.preview.merged_index``) when it reads the index to augment it.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority
from thidua_mkdocs import console, jinja_cache, preview

_dirty = False


def on_startup(command, dirty):
    """Remember the build mode; quiet the console."""
    global _dirty
    _dirty = preview.DIRTY[0] = bool(dirty)
    console.install(dirty=_dirty)


def _roots(config) -> list[Path]:
    """What the preview rebuilds from: pages, watched folders, the settings files."""
    roots = [Path(config.docs_dir), *(Path(p) for p in config.watch)]
    if config.config_file_path:
        base = Path(config.config_file_path)
        roots += [base, base.with_name("thidua.yml")]
    return [root for root in roots if root.exists()]


def _modified() -> bool:
    return True


def _unmodified() -> bool:
    return False


def _outermost(config) -> bool:
    """False during static-i18n's nested build of the next language."""
    plugin = config.plugins.get("i18n")
    return not (plugin is not None and getattr(plugin, "building", False))


@event_priority(100)  # first: Material's search plugin renders a theme template here
def on_config(config):
    """Theme environments with the kept compiled templates and file lists."""
    jinja_cache.cache_theme(config.theme)
    return config


def on_pre_build(config):
    """A new rebuild starts with no stacked search entries (static-i18n never clears
    its list: under ``serve`` it grew with every rebuild). Under ``--dirty`` each pass
    indexes only what it renders; ``on_post_build`` merges."""
    jinja_cache.cache_theme(config.theme)  # static-i18n may have set another theme
    plugin = config.plugins.get("i18n")
    if _outermost(config) and isinstance(getattr(plugin, "search_entries", None), list):
        plugin.search_entries.clear()
    if not _dirty:
        return
    for name in ("material/search", "search"):
        search = config.plugins.get(name)
        if search is not None and hasattr(search, "is_dirty"):
            search.is_dirty = False  # Material's per-pass merge (see preview.py)
            search.search_index_prev = None


@event_priority(-400)  # last: after static-i18n (-100) and the hooks that generate pages
def on_files(files, config):
    """Under ``--dirty``: a full rebuild unless only ordinary pages changed."""
    console.install(dirty=_dirty)
    if not _dirty:
        return files
    docs_dir = Path(config.docs_dir)
    if preview.WATCHER.decide(_roots(config), docs_dir) == "full":
        for file in files:
            file.is_modified = _modified
        return files
    for file in files:
        if (
            getattr(file, "generated_by", None)
            and os.path.isfile(file.abs_dest_path)
            and not preview.near_edit(file.src_uri, preview.WATCHER.edited, docs_dir)
        ):
            file.is_modified = _unmodified
    return files


def on_env(env, config, files):
    """Reuse the theme templates compiled by an earlier pass or rebuild."""
    return jinja_cache.use(env)
