"""Theme work kept across builds: compiled templates and the theme's file list.

MkDocs makes a new Jinja environment for every build, so Material's templates (and
ours in ``overrides/``) are compiled again in each of static-i18n's language passes
and on every ``mkdocs serve`` rebuild (about 1 s of CPU each time). Jinja's bytecode
cache keys a compiled template by its name and file and checks the SHA-1 of its
source before use, so an edited template is compiled again; the compile-time
settings of the environment are part of the key here too.

Each build also lists every file of the theme folders (Material's holds 14,500,
icons included) and matches each against MkDocs' patterns of files not to copy
(``Files.add_files_from_theme``): a quarter of a ``mkdocs serve --dirty`` rebuild.
``cache_theme`` makes the theme's environments list an installed folder (a package
in site-packages, which a rebuild cannot change) once per process; the project's
own ``overrides/`` is listed afresh every time, so a file added there is seen.
"""

from __future__ import annotations

import functools
import os
import sys
import sysconfig
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


def _settings(environment: Environment) -> tuple:
    """What changes the compiled code besides the source."""
    return (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        tuple(sorted(environment.extensions)),
    )


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by (settings, name and file); the source checksum guards each."""

    def __init__(self) -> None:
        self._store: dict[str, tuple[str, object]] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        """Jinja's bucket, its key extended with the environment's settings."""
        bucket = Bucket(
            environment,
            f"{hash(_settings(environment))}:{self.get_cache_key(name, filename)}",
            self.get_source_checksum(source),
        )
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give the bucket the compiled code of the same source, if kept."""
        kept = self._store.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the bucket's compiled code with its source checksum."""
        self._store[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        """Forget every compiled template."""
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store)


CACHE = MemoryBytecodeCache()


def use(environment: Environment) -> Environment:
    """Attach the shared cache to ``environment`` (unless it has one)."""
    if environment.bytecode_cache is None:
        environment.bytecode_cache = CACHE
    return environment


# --------------------------------------------------------------------------
# The theme's file list
# --------------------------------------------------------------------------

_INSTALLED = tuple(
    os.path.join(os.path.realpath(path), "")
    for path in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], sys.prefix}
)
# MkDocs' filter of theme files (a closure made per build); its answer depends on the
# name and the theme's static templates only (``mkdocs/structure/files.py``).
_MKDOCS_FILTER = "Files.add_files_from_theme.<locals>.filter"
_listings: dict[str, tuple[str, ...]] = {}
_kept: dict[tuple[tuple[str, ...], str], bool] = {}


def installed(folder: str) -> bool:
    """True for a folder of an installed package (site-packages), not of the project."""
    return os.path.join(os.path.realpath(folder), "").startswith(_INSTALLED)


def listing(folder: str) -> tuple[str, ...]:
    """The files under ``folder`` as template names, as Jinja's ``FileSystemLoader`` lists
    them; an installed folder's list is kept for the process."""
    kept = _listings.get(folder)
    if kept is not None:
        return kept
    names = []
    for dirpath, _, filenames in os.walk(folder):
        for filename in filenames:
            name = os.path.join(dirpath, filename)[len(folder) :].strip(os.sep)
            name = name.replace(os.sep, "/")
            names.append(name[2:] if name[:2] == "./" else name)
    found = tuple(names)
    if installed(folder):
        _listings[folder] = found
    return found


def _list_templates(
    environment: Environment, theme: Any, extensions: Any = None, filter_func: Any = None
) -> list[str]:
    """``Environment.list_templates`` from kept folder lists (and kept filter answers)."""
    loader = environment.loader
    folders = getattr(loader, "searchpath", None)
    if folders is None or extensions is not None or getattr(loader, "followlinks", False):
        return Environment.list_templates(environment, extensions, filter_func)
    names = sorted({name for folder in folders for name in listing(folder)})
    if filter_func is None:
        return names
    if getattr(filter_func, "__qualname__", "") != _MKDOCS_FILTER:
        return [name for name in names if filter_func(name)]
    key = tuple(theme.static_templates)
    result = []
    for name in names:
        kept = _kept.get((key, name))
        if kept is None:
            kept = _kept[(key, name)] = bool(filter_func(name))
        if kept:
            result.append(name)
    return result


def cache_theme(theme: Any) -> None:
    """Make ``theme.get_env()`` give environments with the shared bytecode cache and the
    kept file lists. Calling again (every build pass) is harmless."""
    if getattr(theme.get_env, "thidua_cached", False):
        return
    original = theme.get_env

    @functools.wraps(original)
    def get_env() -> Environment:
        environment = use(original())
        environment.list_templates = functools.partial(_list_templates, environment, theme)
        return environment

    get_env.thidua_cached = True  # type: ignore[attr-defined]
    theme.get_env = get_env
