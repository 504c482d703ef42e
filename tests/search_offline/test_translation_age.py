"""The "Bản dịch có thể đã cũ" notice in a real browser, on English pages only."""

from __future__ import annotations

import hook_translation_age as age
import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser


def english_pages() -> dict[str, bool]:
    """Served path of each translated English page → whether git says it is stale."""
    age._dates.clear()
    dates = age.git_dates(ROOT / "docs")
    pages = {}
    for source in sorted((ROOT / "docs").rglob("*.en.md")):
        rel = source.relative_to(ROOT / "docs").as_posix()
        stem = rel[: -len(".en.md")]
        path = "/en/" + (stem[: -len("index")] if stem.endswith("index") else stem + "/")
        pages[path] = dates.get(stem + ".md", 0) > dates.get(rel, 0) > 0
    return pages


def test_notice_shows_on_stale_english_pages_only(page, site_url):
    pages = english_pages()
    fresh = [path for path, stale in pages.items() if not stale]
    stale = [path for path, stale in pages.items() if stale]
    assert fresh, "no English page to check"
    for path in [*stale[:2], fresh[0]]:
        page.goto(site_url + path)
        notice = page.locator(".thidua-translation-age")
        if path in stale:
            assert notice.is_visible()
            assert "Bản dịch có thể đã cũ" in notice.inner_text()
            assert "Vietnamese version applies" in notice.inner_text()
        else:
            assert notice.count() == 0
        # The Vietnamese page never carries it.
        page.goto(site_url + path.removeprefix("/en"))
        assert page.locator(".thidua-translation-age").count() == 0
