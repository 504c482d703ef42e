"""Build the portal for use from file:// and zip it (``make offline``).

The offline build is ``mkdocs-offline.yml``: ``INHERIT: mkdocs.yml`` plus Material's
``offline`` plugin (listed after ``i18n``, so its copy of the search index holds both
languages), the vendored iframe-worker shim and ``extra.thidua.offline: true`` (the
CSP allows ``file:``). MkDocs replaces lists on INHERIT, so the file repeats the
``plugins:`` list of mkdocs.yml; this script rewrites it when mkdocs.yml changed
(a test fails while the committed copy is stale).

    python scripts/offline.py            # sync, build into site-offline/, zip
    python scripts/offline.py --sync     # rewrite mkdocs-offline.yml from mkdocs.yml
    python scripts/offline.py --check    # exit 1 when mkdocs-offline.yml is stale
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAIN = ROOT / "mkdocs.yml"
OFFLINE = ROOT / "mkdocs-offline.yml"
SITE = ROOT / "site-offline"
ZIP = ROOT / "dist" / "thidua-offline.zip"

HEADER = """\
# Offline build: the whole portal (both languages) opened from file://.
# Build it with `make offline` (scripts/offline.py), which checks this file first.
# GENERATED from mkdocs.yml by `python scripts/offline.py --sync`: edit the header
# in scripts/offline.py, the plugins in mkdocs.yml.
INHERIT: mkdocs.yml
site_dir: site-offline

extra:
  thidua:
    # hooks/hook_csp.py: pages are opened from file:// ('self' matches nothing there).
    offline: true
  # Material's offline plugin would add https://unpkg.com/iframe-worker/shim:
  # the vendored copy is used instead (same file, MIT). search-vi.js wraps the
  # worker the shim provides, so it comes after it.
  polyfills:
    - assets/vendor/iframe-worker/shim.js
    - assets/js/search-vi.js

"""

_TOP_LEVEL = re.compile(r"^\S", re.MULTILINE)
_ITEM = re.compile(r"^  - (\S+?)(:|$)", re.MULTILINE)


def plugins_block(config_text: str) -> str:
    """The ``plugins:`` block of a config file, verbatim (up to the next top-level key)."""
    start = re.search(r"^plugins:\s*$", config_text, re.MULTILINE)
    if start is None:
        raise SystemExit("mkdocs.yml has no plugins: block")
    rest = config_text[start.end() :]
    end = next((m.start() for m in _TOP_LEVEL.finditer(rest) if m.start() > 0), len(rest))
    return config_text[start.start() : start.end()] + rest[:end].rstrip() + "\n"


def with_offline(block: str) -> str:
    """The plugins block with ``- offline`` right after the ``i18n`` entry."""
    items = list(_ITEM.finditer(block))
    names = [m[1] for m in items]
    if "i18n" not in names:
        raise SystemExit("mkdocs.yml lists no i18n plugin")
    index = names.index("i18n")
    cut = items[index + 1].start() if index + 1 < len(items) else len(block)
    entry = "  # After i18n: its search_index.js copy holds both languages.\n  - offline\n"
    return block[:cut].rstrip("\n") + "\n" + entry + block[cut:]


def expected_config() -> str:
    """What mkdocs-offline.yml must contain."""
    return HEADER + with_offline(plugins_block(MAIN.read_text(encoding="utf-8")))


def is_current() -> bool:
    """True when mkdocs-offline.yml matches mkdocs.yml."""
    return OFFLINE.is_file() and OFFLINE.read_text(encoding="utf-8") == expected_config()


def build(site: Path = SITE) -> None:
    """A strict build of mkdocs-offline.yml into ``site``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(OFFLINE), "-d", str(site)]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


def make_zip(site: Path = SITE, target: Path = ZIP) -> Path:
    """Zip ``site`` under a top folder ``thidua/`` (open ``thidua/index.html``)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, Path("thidua") / path.relative_to(site))
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--sync", action="store_true", help="rewrite mkdocs-offline.yml")
    group.add_argument("--check", action="store_true", help="exit 1 if mkdocs-offline.yml is stale")
    args = parser.parse_args(argv)
    if args.sync:
        OFFLINE.write_text(expected_config(), encoding="utf-8")
        print(f"wrote {OFFLINE.name}")
        return 0
    if args.check:
        if is_current():
            return 0
        print(
            f"{OFFLINE.name} is stale: the plugins of mkdocs.yml changed.\n"
            "Run: python scripts/offline.py --sync (or make offline) and commit it.",
            file=sys.stderr,
        )
        return 1
    if not is_current():
        OFFLINE.write_text(expected_config(), encoding="utf-8")
        print(f"updated {OFFLINE.name} from mkdocs.yml: commit it", file=sys.stderr)
    build()
    target = make_zip()
    size = target.stat().st_size
    print(f"{target.name}: {size / 1e6:.1f} MB — unzip, open thidua/index.html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
