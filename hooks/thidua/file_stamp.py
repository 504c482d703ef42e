"""A cache key from files' names and modification times.

Data read once per build is cached (``functools.lru_cache``) under a key that changes
when an editor saves a file under ``mkdocs serve``: the criteria data, the local layers
and the documents they cite. ``stamp`` is that key.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

Stamp = tuple[tuple[str, int], ...]


def stamp(folders: Iterable[Path], suffixes: tuple[str, ...]) -> Stamp:
    """(path, mtime in ns) of every file under ``folders`` (recursively) whose suffix is
    one of ``suffixes``; folders in the order given, files sorted; a missing folder
    adds nothing."""
    return tuple(
        (str(path), path.stat().st_mtime_ns)
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if path.suffix in suffixes
    )
