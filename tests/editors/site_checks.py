"""Quality gates over a built site: the Nu HTML checker and internal links and anchors."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from thidua_testing import ROOT

VNU_JAR = Path(
    os.environ.get("THIDUA_VNU_JAR", ROOT / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
)

# (message pattern, pattern of the reported markup): errors that Material for MkDocs'
# own templates cause, and only those (the markup must carry Material's classes/ids).
MATERIAL_MARKUP = [
    # Navigation section labels: Material's partials/nav-item.html writes tabindex=""
    # on <label class="md-nav__link"> when a section has an index page.
    (r"Bad value “” for attribute “tabindex” on element “label”", r'class="md-nav__link'),
    # Material's CSS-only toggles (<input class="md-toggle" type="checkbox">) carry
    # autocomplete="off" so that Firefox does not restore an open drawer on reload.
    (r"Attribute “autocomplete” is only allowed when the input type", r'class="md-toggle'),
    # Material's search box sets Safari's autocorrect="off" (not in the HTML standard).
    (r"Attribute “autocorrect” not allowed on element “input”", r'class="md-search__input'),
    # The table of contents' title is a <label for="__toc"> that opens Material's
    # hidden toggle checkbox (its mobile drawer works without JavaScript this way).
    (r"“for” attribute of the “label” element must be the ID of a non-hidden", r'for="__toc"'),
]


def vnu_errors(site: Path) -> list[str]:
    """Nu checker errors of every page, minus Material's own markup; "file:line: message"."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        raise RuntimeError(f"Nu HTML checker not installed (java: {java}, {VNU_JAR}): run make vnu")
    proc = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            "--exit-zero-always",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    messages = json.loads(proc.stderr or proc.stdout)["messages"]
    left = []
    for item in messages:
        text, extract = item.get("message", ""), item.get("extract", "")
        if any(re.search(m, text) and re.search(x, extract) for m, x in MATERIAL_MARKUP):
            continue
        where = unquote(item.get("url", "")).removeprefix(f"file:{site}/")
        left.append(f"{where}:{item.get('lastLine', '?')}: {text} [{extract.strip()[:120]}]")
    return left


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key] or "")
        if tag == "a" and values.get("href") is not None:
            self.links.append((values["href"] or "", self.getpos()[0]))


def broken_links(site: Path) -> list[str]:
    """Internal links whose page or anchor does not exist: "page:line: href"."""
    pages: dict[Path, _Links] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        pages[path] = parser
    broken = []
    for path, parser in pages.items():
        for href, line in parser.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            if not parts.path:
                target = path
            elif parts.path.startswith("/"):  # site-absolute (404 page, language links)
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            where = f"{path.relative_to(site)}:{line}: {href}"
            if not target.exists():
                broken.append(f"{where} (no such page)")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if fragment not in ids:
                    broken.append(f"{where} (no anchor #{fragment})")
    return broken
