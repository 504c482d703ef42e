"""A preview that keeps up: ``mkdocs serve --dirty`` that is never wrong.

With ``--dirty`` MkDocs (and static-i18n, for the English pass) renders again only
the pages whose source is newer than their output. That is right after an editor
saved an ordinary page, and wrong after anything those pages are made from changed:
a legal document (every citation to it), the criteria data, the glossary, a quiz,
a template, a stylesheet, a hook, ``mkdocs.yml``, ``thidua.yml``, or a page added,
removed or renamed (the navigation). ``Watcher.decide`` compares the watched files
with the previous rebuild and says which: "pages" (only these pages changed) or
"full". On "full", every page is marked modified, so the dirty build is a full one.
On "pages", the pages generated from data (checklists, comparisons, glossary) are
not rendered again either (their data did not change), except one in the folder of
an edited page (the printable guidance is made from the guidance pages).

The search index: Material merges a dirty build's entries with the previous ones
per build pass, and static-i18n stacks the passes without ever clearing its list,
so under ``serve --dirty`` the index grew with every rebuild (×4 after one). Here
each rebuild indexes what it rendered and ``merge_search`` keeps the other pages'
entries from the rebuild before.

The state lives in this module (imported once per ``mkdocs serve``; hook modules are
cached by MkDocs too), so it survives rebuilds and is shared by the two language
passes of one rebuild: the second pass sees the same files and reuses the decision.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

Stamp = tuple[int, int]
# Folders under docs/ whose pages other pages are made from: legal documents
# (citations everywhere, comparisons) and training modules (the program on the index
# and trainers' pages). The printable guidance keeps the parts of the last rebuild
# (hooks/hook_in_toan_bo.py), so a guidance page alone is an ordinary page.
SHARED_PAGES = ("van-ban/", "tap-huan/")
SKIPPED_DIRS = {"__pycache__", ".git", ".pytest_cache"}


def fingerprint(roots: Iterable[Path]) -> dict[str, Stamp]:
    """Every file under ``roots`` (files or folders) with its (mtime, size)."""
    found: dict[str, Stamp] = {}
    for root in roots:
        if root.is_file():
            stat = root.stat()
            found[str(root)] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
            for name in files:
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except OSError:  # removed while we looked: the next rebuild sees it
                    continue
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed(before: dict[str, Stamp], after: dict[str, Stamp]) -> tuple[set[str], bool]:
    """The paths edited between two fingerprints, and whether files came or went."""
    edited = {path for path, stamp in after.items() if before.get(path, stamp) != stamp}
    return edited, before.keys() != after.keys()


def only_pages(edited: set[str], docs_dir: Path) -> bool:
    """True if every edited file is an ordinary Markdown page (nothing else uses it)."""
    docs = str(docs_dir) + os.sep
    for path in edited:
        if not (path.startswith(docs) and path.endswith(".md")):
            return False
        rel = path[len(docs) :].replace(os.sep, "/")
        if rel.startswith(SHARED_PAGES) or rel.startswith("_"):
            return False
    return True


@dataclass
class Watcher:
    """The watched files at the previous rebuild and the decision taken for them."""

    previous: dict[str, Stamp] | None = None
    decision: str = "full"
    edited: set[str] = field(default_factory=set)

    def decide(self, roots: Iterable[Path], docs_dir: Path) -> str:
        """ "pages" when only ordinary pages changed since the last rebuild, else "full"."""
        now = fingerprint(roots)
        if self.previous is not None and now == self.previous:
            return self.decision  # the next language pass of the same rebuild
        if self.previous is None:
            self.edited, self.decision = set(), "full"
        else:
            self.edited, came_or_went = changed(self.previous, now)
            pages = self.edited and not came_or_went and only_pages(self.edited, docs_dir)
            self.decision = "pages" if pages else "full"
        self.previous = now
        return self.decision


WATCHER = Watcher()
# Under ``mkdocs serve --dirty`` (set by ``hook_preview.on_startup``).
DIRTY = [False]
# Site folder → search entries of the last rebuild (``merged_index``).
_search: dict[str, list[dict]] = {}


def merged_index(site_dir: str, docs: list[dict]) -> list[dict]:
    """The search entries to publish for this build of ``site_dir``.

    A full build publishes what it indexed. Under ``--dirty`` each build indexes only
    what it rendered: after a page-only rebuild those entries replace the page's
    entries of the last rebuild (``merge_search``). Called once per build, after
    static-i18n merged its language passes (``hook_search.on_post_build``), so the
    index is read and written once.
    """
    if not DIRTY[0]:
        return docs
    previous = _search.get(site_dir) if WATCHER.decision == "pages" else None
    _search[site_dir] = merge_search(previous, docs)
    return _search[site_dir]


def page_of(location: str) -> str:
    """The page part of a search entry's location (``hoi-dap/#muc`` → ``hoi-dap/``)."""
    return location.split("#", 1)[0]


def merge_search(previous: list[dict] | None, rendered: list[dict]) -> list[dict]:
    """The search entries of a dirty rebuild merged into those of the last rebuild.

    ``rendered`` holds the entries of the pages rendered this time (both languages);
    every other page keeps its entries from ``previous``.
    """
    if not previous:
        return rendered
    pages = {page_of(entry["location"]) for entry in rendered}
    kept = [entry for entry in previous if page_of(entry["location"]) not in pages]
    return kept + rendered


def near_edit(src_uri: str, edited: Iterable[str], docs_dir: Path) -> bool:
    """True if a generated page sits in the folder of an edited page (it may be made
    from it, as the printable guidance is made from the guidance pages)."""
    folder = src_uri.rpartition("/")[0]
    docs = Path(docs_dir)
    for path in edited:
        try:
            rel = Path(path).relative_to(docs).as_posix()
        except ValueError:
            continue
        if rel.rpartition("/")[0] == folder:
            return True
    return False
