"""Hook: "Bản dịch có thể đã cũ" on English pages whose Vietnamese source changed later.

The dates are git commit dates (``git log -1 --format=%ct -- file`` for each file),
read in one ``git log --name-only`` pass over ``docs/`` per command, so the cost is
one subprocess whatever the number of pages. Outside a git checkout (a release
tarball) the hook is silent. The flag ``thidua_translation_age`` is rendered by
``overrides/partials/translation-age.html``, included from ``overrides/main.html``.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from thidua_mkdocs import i18n

_dates: dict[str, dict[str, int]] = {}


def parse_git_log(output: str) -> dict[str, int]:
    """Map each path to the time of its newest commit (``git log --format=%x00%ct --name-only``).

    >>> parse_git_log("\\x00200\\n\\na.md\\n\\x00100\\n\\na.md\\nb.md\\n")
    {'a.md': 200, 'b.md': 100}
    """
    dates: dict[str, int] = {}
    when = 0
    for line in output.splitlines():
        if line.startswith("\x00"):
            when = int(line[1:])
        elif line and line not in dates:
            dates[line] = when
    return dates


def git_dates(docs_dir: Path) -> dict[str, int]:
    """Newest commit time of every file under ``docs_dir`` (relative paths); {} without git."""
    key = str(docs_dir)
    if key not in _dates:
        cmd = ["git", "-C", key, "log", "--format=%x00%ct", "--name-only", "--relative", "--", "."]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
        except (OSError, subprocess.SubprocessError):
            proc = None
        ok = proc is not None and proc.returncode == 0
        _dates[key] = parse_git_log(proc.stdout) if ok else {}
    return _dates[key]


def on_startup(command, dirty):
    """A new command (or ``serve``): read the dates again."""
    _dates.clear()


def on_page_markdown(markdown, page, config, files):
    """Flag a translated page whose source in the default language is newer."""
    lang = i18n.current_language(config)
    page.meta["thidua_translation_age"] = None
    if lang == i18n.default_language(config) or i18n.is_untranslated(page, config):
        return markdown
    src = page.file.src_uri
    suffix = f".{lang}.md"
    if not src.endswith(suffix):
        return markdown
    dates = git_dates(Path(config.docs_dir))
    source = src[: -len(suffix)] + ".md"
    translated, original = dates.get(src), dates.get(source)
    if translated and original and original > translated:
        page.meta["thidua_translation_age"] = {
            "source": _day(original),
            "translation": _day(translated),
        }
    return markdown


def _day(timestamp: int) -> str:
    return dt.datetime.fromtimestamp(timestamp, tz=dt.UTC).strftime("%d/%m/%Y")
