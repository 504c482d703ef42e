"""Hook: the institution's settings (``thidua.yml``) for every page (issue 13, item 3).

- ``on_config`` (before static-i18n, priority 0 > -100): reads and validates the file
  with ``thidua.settings`` (a mistake stops the build with the file, line and key),
  puts the plain data at ``config.extra.thidua.don_vi`` for the templates (footer,
  ``<meta name="thidua-co-quan">``), sets the header logo and the languages built.
  The offline config inherits mkdocs.yml and its hooks, so it follows by itself.
- ``on_page_markdown``: the page's "Cập nhật lần cuối" date (newest git commit of
  its source, else the build date), shown by ``overrides/partials/copyright.html``.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from thidua import settings
from thidua.errors import ContentError

_dates: dict[str, dict[str, int]] = {}


def on_startup(command, dirty):
    """A new command (or ``serve``): read the git dates again."""
    _dates.clear()


def on_config(config):
    """Load ``thidua.yml`` and apply it to the config of the language being built."""
    root = Path(config.config_file_path).parent
    extra = config.extra.get("thidua")
    if isinstance(extra, dict) and "co_quan" in extra:
        raise PluginError(
            f"{Path(config.config_file_path).name}: extra.thidua.co_quan: no longer read; "
            f"allowed: the institution's names in {settings.FILE} (co_quan.vi, co_quan.en)"
        )
    custom = Path(config.theme.custom_dir) if config.theme.custom_dir else root / "overrides"
    try:
        data = settings.load(
            root / settings.FILE, root, asset_dirs=(Path(config.docs_dir), custom)
        )
    except ContentError as error:
        raise PluginError(error.message) from None
    if not isinstance(extra, dict):
        extra = {}
        config.extra["thidua"] = extra
    extra["don_vi"] = data.template_data()
    if data.logo:
        config.theme["logo"] = data.logo
    plugin = config.plugins.get("i18n")
    if plugin is not None:
        for language in plugin.config.languages:
            if language.locale not in data.ngon_ngu:
                language.build = False
    return config


def on_page_markdown(markdown, page, config, files):
    """Remember the page's last update (dd/mm/yyyy) for the footer."""
    dates = _git_dates(Path(config.docs_dir))
    when = dates.get(page.file.src_uri)
    stamp = (
        dt.datetime.fromtimestamp(when, tz=dt.UTC) if when else dt.datetime.now(tz=dt.UTC)
    )
    page.meta["thidua_cap_nhat"] = stamp.strftime("%d/%m/%Y")
    # The machine-readable date for <time datetime>: the Nu checker requires it for dd/mm/yyyy.
    page.meta["thidua_cap_nhat_iso"] = stamp.strftime("%Y-%m-%d")
    return markdown


def _git_dates(docs_dir: Path) -> dict[str, int]:
    """Newest commit time of each file under ``docs_dir`` (one ``git log``); {} without git."""
    key = str(docs_dir)
    if key not in _dates:
        cmd = ["git", "-C", key, "log", "--format=%x00%ct", "--name-only", "--relative", "--", "."]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
            output = proc.stdout if proc.returncode == 0 else ""
        except (OSError, subprocess.SubprocessError):
            output = ""
        dates: dict[str, int] = {}
        when = 0
        for line in output.splitlines():
            if line.startswith("\x00"):
                when = int(line[1:])
            elif line and line not in dates:
                dates[line] = when
        _dates[key] = dates
    return _dates[key]
