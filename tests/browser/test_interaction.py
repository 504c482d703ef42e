"""Material's interactive parts under our strict CSP: search, palette toggle, language
switcher, keyboard navigation. The autouse ``guard`` fails any test on a JS error, an
external request or a CSP violation."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCHEME_JS = "document.body.getAttribute('data-md-color-scheme')"


def test_search_finds_results(page, guard):
    page.goto("/")
    search = page.locator(".md-search__input")
    search.click()
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("thi dua")
    page.keyboard.press("End")  # Material searches on keyup (toolchain.md, pitfall 8)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() >= 1
    assert page.locator(".md-search-result__meta").inner_text().strip()
    # The index and the worker came from this site only.
    assert any(url.endswith("search_index.json") for url in guard.requests), guard.requests
    guard.check()


def test_search_result_opens_a_page(page, guard):
    page.goto("/hoi-dap/")
    page.locator(".md-search__input").click()
    page.keyboard.type("thi dua")
    page.keyboard.press("End")
    link = page.locator(".md-search-result__item a").first
    link.wait_for(state="visible", timeout=15_000)
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].startswith(href.split("#")[0].split("?")[0])
    guard.check()


def test_palette_toggle_switches_and_persists(page, guard):
    page.goto("/hoi-dap/")
    before = page.evaluate(SCHEME_JS)
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function(f"{SCHEME_JS} !== {before!r}")
    after = page.evaluate(SCHEME_JS)
    assert {before, after} == {"default", "slate"}
    page.reload()
    assert page.evaluate(SCHEME_JS) == after, "the chosen palette is not remembered"
    guard.check()


def _switch_language(page, lang: str) -> None:
    """Open the header's language menu and follow the link to ``lang``."""
    page.locator(".md-header .md-select").hover()
    page.locator(f'.md-header .md-select a[hreflang="{lang}"]').click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize(
    ("start", "lang", "target"),
    [
        ("/hoi-dap/", "en", "/en/hoi-dap/"),
        ("/en/hoi-dap/", "vi", "/hoi-dap/"),
        ("/thuat-ngu/", "en", "/en/thuat-ngu/"),  # generated page (pitfall 3)
        ("/en/thuat-ngu/", "vi", "/thuat-ngu/"),
        ("/", "en", "/en/"),
        ("/en/", "vi", "/"),
    ],
)
def test_language_switcher_stays_on_the_page(page, guard, base_url, start, lang, target):
    page.goto(start)
    _switch_language(page, lang)
    assert page.url == base_url + target
    assert page.evaluate("document.documentElement.lang") == lang
    guard.check()


def test_tab_reaches_skip_link_then_main_content(page, guard):
    page.goto("/hoi-dap/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const a = document.activeElement;"
        " return [a.className, a.getAttribute('href'), a.getBoundingClientRect().height]; }"
    )
    assert "md-skip" in focused[0], f"first Tab focuses {focused}, not the skip link"
    assert focused[2] > 0, "the focused skip link is not rendered"
    target = focused[1]
    assert page.locator(f".md-content {target}").count() == 1, f"{target} not in main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    # The next Tab continues from the main content, past header and navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')"), page.evaluate(
        "document.activeElement.outerHTML.slice(0, 200)"
    )
    guard.check()


def test_tab_reaches_a_content_link_without_skip(page, guard):
    """Without the skip link, Tab still gets through header and menu to the content."""
    page.goto("/hoi-dap/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement.tagName === 'A'"
            " && !!document.activeElement.closest('.md-content')"
        ):
            break
    else:
        pytest.fail("80 Tab presses never reached a link in the main content")
    guard.check()
