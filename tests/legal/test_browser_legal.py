"""Legal pages in a real browser (Playwright + Debian chromium) on the real built site.

The register sorts and filters with legal.js and stays a plain table without JS;
citation previews open on keyboard focus and close with Escape; axe finds no WCAG
violation of ours on the register, a document page and the editors' page.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.build]

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="module")
def base(built_site) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built_site.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def tab(page) -> Iterator[object]:
    """pytest-playwright's page (chromium set up in tests/legal/conftest.py), JS errors fail."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, errors


def test_register_sorts_and_filters(tab, base):
    tab.goto(f"{base}/van-ban/")
    rows = tab.locator(".legal-register tbody tr")
    total = rows.count()
    assert total >= 1
    status = tab.get_by_role("status")
    assert status.inner_text() == f"Đang hiển thị {total}/{total} văn bản"
    select = tab.get_by_label("Tình trạng")
    options = [o for o in select.locator("option").all_inner_texts() if o != "Tất cả"]
    select.select_option(options[0])
    shown = tab.locator(".legal-register tbody tr:not([hidden])")
    assert 0 < shown.count() <= total
    assert all(t == options[0] for t in shown.locator("td:last-child").all_inner_texts())
    assert status.inner_text() == f"Đang hiển thị {shown.count()}/{total} văn bản"
    select.select_option("")
    header = tab.locator("th").first
    tab.get_by_role("button", name="Số hiệu").click()
    assert header.get_attribute("aria-sort") == "ascending"
    first = rows.first.locator("td").first.inner_text()
    tab.get_by_role("button", name="Số hiệu").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert total == 1 or rows.first.locator("td").first.inner_text() != first


def test_register_is_a_plain_table_without_js(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/en/van-ban/")
    assert page.locator(".legal-register table tbody tr").count() >= 1
    assert page.locator(".legal-register select").count() == 0
    assert page.locator("th").first.inner_text() == "Number"
    context.close()


def test_citation_preview_opens_on_focus_and_closes_with_escape(tab, base):
    tab.goto(f"{base}/bien-tap/")
    link = tab.locator(".legal-cite__link").first
    preview = tab.locator(".legal-cite__preview").first
    expect(preview).to_be_hidden()
    link.focus()
    expect(preview).to_be_visible()
    tab.keyboard.press("Escape")
    expect(preview).to_be_hidden()
    href = link.get_attribute("href")
    assert "#dieu-" in href
    link.click()
    anchor = href.split("#", 1)[1]
    expect(tab.locator(f"#{anchor}")).to_be_visible()
    assert tab.url.endswith(f"#{anchor}")


def test_print_shows_the_list_of_cited_clauses(tab, base):
    tab.goto(f"{base}/bien-tap/")
    notes = tab.locator(".legal-notes")
    assert not notes.is_visible()
    tab.emulate_media(media="print")
    assert notes.is_visible() and "Luật 06/2022/QH15" in notes.inner_text()


@pytest.mark.parametrize(
    "path", ["/van-ban/", "/en/van-ban/", "/van-ban/luat-06-2022/", "/bien-tap/"]
)
def test_no_wcag_violation_on_legal_pages(tab, base, path):
    from axe_playwright_python.sync_playwright import Axe

    tab.goto(f"{base}{path}")
    tab.evaluate("document.querySelectorAll('details.legal-cited-by').forEach(d => d.open = true)")
    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG}})
    ours = [
        f"{v['id']}: {node['html'][:120]}"
        for v in result.response["violations"]
        for node in v["nodes"]
        if "md-nav" not in node["html"]  # Material's navigation, not ours
    ]
    assert not ours, ours
