"""``make offline``: the zip of the whole portal, opened from file:// in a real browser.

The guard (conftest.py) fails every browser test here on any request to a network
host, any JS or console error and any Content-Security-Policy violation.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import search

ATTR = re.compile(r'\b(?:href|src)="([^"]+)"')


def local_targets(root: Path):
    """Every relative href/src of every HTML page: (page, target path or None)."""
    for page in sorted(root.rglob("*.html")):
        if "assets" in page.relative_to(root).parts:
            continue
        text = page.read_text(encoding="utf-8")
        for value in ATTR.findall(text):
            value = html.unescape(value)
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or value.startswith(("#", "data:", "mailto:")):
                continue
            yield page, value, (page.parent / unquote(parts.path)).resolve()


def test_zip_holds_both_languages_every_page_and_the_offline_search(offline_zip, offline_root):
    assert offline_zip.stat().st_size < 20_000_000
    for path in [
        "index.html",
        "en/index.html",
        "tu-danh-gia/cong-cu.html",
        "en/tu-danh-gia/cong-cu.html",
        "huong-dan/in-toan-bo.html",
        "search/search_index.js",
        "assets/vendor/iframe-worker/shim.js",
        "assets/vendor/iframe-worker/LICENSE",
    ]:
        assert (offline_root / path).is_file(), path
    index = (offline_root / "search/search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index = ") and '"text_fold"' in index
    assert '"location":"en/' in index, "the offline index holds both languages"


def test_every_local_link_resolves_in_the_offline_build(offline_root):
    """The offline plugin turns directory URLs off: every link must name a file.

    A link a hook builds by hand (``x/`` instead of MkDocs' ``File.url_relative_to``)
    ends on a folder here. ``404.html`` is left out: a web server shows it at any
    depth, so Material gives it absolute URLs; from file:// it is never shown.
    """
    broken = []
    for page, value, target in local_targets(offline_root):
        if page == offline_root / "404.html":
            continue
        if target.is_dir() or not target.exists():
            broken.append(f"{page.relative_to(offline_root)}: {value}")
    assert not broken, "links built by hand?\n" + "\n".join(sorted(set(broken))[:40])


def test_no_page_names_a_network_host_to_load(offline_root):
    pattern = re.compile(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(?:https?:)?//', re.I)
    found = [
        str(page.relative_to(offline_root))
        for page in offline_root.rglob("*.html")
        if any("canonical" not in m for m in pattern.findall(page.read_text(encoding="utf-8")))
    ]
    assert not found, found[:10]


@pytest.mark.browser
def test_search_from_file_url(file_page, offline_root):
    file_page.goto((offline_root / "hoi-dap/index.html").as_uri())
    found = search(file_page, "thi dua khen thuong")
    assert found and all(href.startswith("file://") for href in found), found[:5]
    # The same pages (typed diacritics rank their exact words first: order may differ).
    pages = list(dict.fromkeys(href.split("#")[0] for href in found))
    accented = {href.split("#")[0] for href in search(file_page, "thi đua khen thưởng")}
    assert set(pages[:5]) <= accented, (pages[:5], sorted(accented))
    own = search(file_page, "98/2023/NĐ-CP")
    assert own[0].endswith("/van-ban/nd-98-2023.html"), own[:3]


@pytest.mark.browser
def test_language_switch_from_file_url(file_page, offline_root):
    file_page.goto((offline_root / "index.html").as_uri())
    file_page.locator('a.md-select__link[hreflang="en"]').first.evaluate("a => a.click()")
    file_page.wait_for_url(re.compile(r"^file://.*/en/index\.html$"))
    assert file_page.locator("html").get_attribute("lang").startswith("en")
    found = search(file_page, "evaluation")
    assert found and "/en/" in found[0], found[:3]


@pytest.mark.browser
def test_self_evaluation_works_from_file_url(file_page, offline_root):
    file_page.goto((offline_root / "tu-danh-gia/cong-cu.html").as_uri())
    file_page.fill("#f-evaluation_year", "2024")
    file_page.check("#f-role--vien_chuc")
    for key in ["chinh_tri_tu_tuong", "dao_duc_loi_song", "tac_phong_le_loi"]:
        file_page.check(f"#f-general_criteria-{key}")
    file_page.check("#f-general_criteria-y_thuc_to_chuc_ky_luat")
    for key in ["assigned", "completed", "on_time_with_quality"]:
        file_page.fill(f"#f-tasks-{key}", "20")
    file_page.fill("#f-tasks-exceeded", "5")
    result = file_page.locator('[data-testid="result"]')
    file_page.wait_for_function(
        "() => (document.querySelector('[data-testid=\"result\"]') || {}).dataset"
        " && document.querySelector('[data-testid=\"result\"]').dataset.classification"
    )
    assert result.get_attribute("data-classification") in {"HTXS", "HTT", "HT", "KHT", "HTNV"}
