"""No page requests a file that does not exist (issue 17, item 7: two sitemap.xml 404s).

Every built page of both languages is opened in Debian's chromium from a local server;
every response with a status of 400 or more and every failed request is recorded.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser


def served_paths(site: Path) -> list[str]:
    """Every built HTML page as a served path (``hoi-dap/index.html`` → ``/hoi-dap/``)."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site)
        if rel.parts[0] == "assets":
            continue
        if rel.name == "index.html":
            parent = rel.parent.as_posix()
            paths.append("/" if parent == "." else f"/{parent}/")
        else:
            paths.append(f"/{rel.as_posix()}")
    return paths


def test_no_page_links_alternates_in_its_head(built_site):
    """Material fetches sitemap.xml next to each <link rel=alternate>: none is written."""
    site = built_site.site
    offenders = [
        html.relative_to(site).as_posix()
        for html in sorted(site.rglob("*.html"))
        if '<link rel="alternate"' in html.read_text(encoding="utf-8")
    ]
    assert offenders == []


def one_page_per_kind(paths: list[str]) -> list[str]:
    """One page per language, section and depth: every page type, not every page."""
    chosen: dict[tuple[str, str, int], str] = {}
    for path in paths:
        parts = [part for part in path.split("/") if part]
        lang = "en" if parts[:1] == ["en"] else "vi"
        parts = parts[1:] if lang == "en" else parts
        chosen.setdefault((lang, parts[0] if parts else "", len(parts)), path)
    return sorted(chosen.values())


def missing_file(site: Path, url: str) -> bool:
    """True if a loopback ``url`` names no file of the built site."""
    parts = urlsplit(url)
    if parts.hostname != "127.0.0.1":
        return False
    target = site / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/"):
        target = target / "index.html"
    return not target.is_file()


def test_no_page_requests_a_missing_file(page, site_url, built_site):
    """Open a page of every folder; every request names a file that exists.

    Requests are checked against the built folder (a request cut short by the next
    navigation is still checked), and any HTTP error response is recorded too.
    """
    site = built_site.site
    missing: list[str] = []
    current = {"path": ""}

    def on_request(request) -> None:
        if missing_file(site, request.url):
            missing.append(f"{current['path']}: requests missing {request.url}")

    def on_response(response) -> None:
        if response.status >= 400:
            missing.append(f"{current['path']}: {response.status} {response.url}")

    page.context.on("request", on_request)
    page.on("response", on_response)
    paths = one_page_per_kind(served_paths(site))
    assert "/en/" in paths and "/404.html" in paths and len(paths) > 20, paths
    for path in paths:
        current["path"] = path
        page.goto(site_url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert missing == []
