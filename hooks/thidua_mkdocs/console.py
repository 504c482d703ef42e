"""The build console shows only what an editor must act on.

MkDocs, mkdocs-static-i18n and the live-reload server print status lines on every
build (the site folder, each language pass, the settings static-i18n overrides for
English, the navigation entries it translated, the size of the search index, the
watcher's "changes detected / reloading"). None of them asks anything of an editor,
and with two languages they bury the lines that do. ``install`` adds a filter that
drops exactly those INFO lines (the patterns below) from the console.

Never dropped: any WARNING or ERROR, our own ``thidua:`` notices, pages left out of
the navigation, "Serving on …" and "Documentation built in …". The one exception is
MkDocs' warning that a ``--dirty`` build "will likely lead to inaccurate navigation":
``make serve`` asks for that mode on purpose (``hooks/hook_preview.py`` rebuilds in
full whenever the result could be wrong), and under ``strict: true`` the warning
would abort every preview rebuild. It is filtered at its logger, before MkDocs
counts warnings.
"""

from __future__ import annotations

import logging
import re

# INFO lines that carry no action for an editor (matched against the message,
# static-i18n's "mkdocs_static_i18n: " prefix and the watcher's "[hh:mm:ss] " allowed).
NOISE = re.compile(
    r"^(?:mkdocs_static_i18n: |\[\d\d:\d\d:\d\d\] )?(?:"
    r"Cleaning site directory$"
    r"|Building documentation(?: to directory: .*|\.\.\.)$"
    r"|Building '[\w-]+' documentation to directory: "
    r"|Overriding '[\w-]+' config "
    r"|Translated \d+ navigation elements? to "
    r"|search index: \d+ bytes "
    r"|Watching paths for changes: "
    r"|Detected file changes$"
    r"|Reloading browsers$"
    r"|The directory contains stale files\. "
    r")",
    re.DOTALL,
)
DIRTY_WARNING = "A 'dirty' build is being performed"
BUILD_LOGGER = "mkdocs.commands.build"


def is_noise(record: logging.LogRecord) -> bool:
    """True for a status line that asks nothing of an editor (INFO level only)."""
    if record.levelno != logging.INFO:
        return False
    return NOISE.match(record.getMessage()) is not None


class QuietConsole(logging.Filter):
    """Drops the status lines of ``NOISE`` from a handler's output."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep the record unless it is noise."""
        return not is_noise(record)


class ExpectedDirtyWarning(logging.Filter):
    """Drops MkDocs' warning about ``--dirty`` builds (asked for by ``make serve``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record but the dirty-build warning."""
        return not (
            record.levelno == logging.WARNING and record.getMessage().startswith(DIRTY_WARNING)
        )


def _add_once(target: logging.Logger | logging.Handler, kind: type[logging.Filter]) -> None:
    if not any(isinstance(f, kind) for f in target.filters):
        target.addFilter(kind())


def install(*, dirty: bool = False) -> None:
    """Quiet the console: a filter on every handler of the ``mkdocs`` logger.

    ``dirty``: also drop the dirty-build warning (at its logger, so that strict mode
    does not count it). Calling again is harmless.
    """
    for handler in logging.getLogger("mkdocs").handlers:
        _add_once(handler, QuietConsole)
    if dirty:
        _add_once(logging.getLogger(BUILD_LOGGER), ExpectedDirtyWarning)
