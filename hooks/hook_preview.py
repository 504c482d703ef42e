"""Hook: a quiet console and a fast, correct ``make serve`` (issue 16, item 6).

- ``on_startup``: the console keeps only what an editor must act on
  (``thidua_mkdocs.console``); under ``--dirty`` MkDocs' own warning about that mode
  is dropped (``make serve`` asks for it, and strict mode would abort on it).
- ``on_files`` (after static-i18n has made each language's files): under ``--dirty``,
  a rebuild after anything but an ordinary page changed marks every page modified,
  so it is a full rebuild (``thidua_mkdocs.preview``). After a page edit only that
  page is rendered again, in both languages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from thidua_mkdocs import console, preview

_dirty = False


def on_startup(command, dirty):
    """Remember the build mode; quiet the console."""
    global _dirty
    _dirty = bool(dirty)
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


@event_priority(-110)  # after static-i18n (-100) has built this language's files
def on_files(files, config):
    """Under ``--dirty``: a full rebuild unless only ordinary pages changed."""
    console.install(dirty=_dirty)
    if _dirty and preview.WATCHER.decide(_roots(config), Path(config.docs_dir)) == "full":
        for file in files:
            file.is_modified = _modified
    return files
