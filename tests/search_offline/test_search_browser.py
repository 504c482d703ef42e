"""Material's search in a real browser, on the served build: Vietnamese with or without
diacritics, NFD, document numbers, citations, the page's language first."""

from __future__ import annotations

import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import search

pytestmark = pytest.mark.browser

QUERIES = ["thi đua khen thưởng", "thi dua khen thuong", "THI ĐUA KHEN THƯỞNG"]


def paths(hrefs: list[str], site_url: str) -> list[str]:
    return [href.removeprefix(site_url) for href in hrefs]


def pages(found: list[str]) -> list[str]:
    """The pages of result links, in order, once each."""
    return list(dict.fromkeys(link.split("#")[0] for link in found))


def test_same_results_with_without_diacritics_and_in_nfd(page, site_url):
    """Typed with diacritics (NFC, NFD, any case) one order; without, the same pages
    (words with the typed diacritics rank first, issue 17, so the order may differ)."""
    page.goto(site_url + "/")
    results = {}
    for query in [*QUERIES, unicodedata.normalize("NFD", QUERIES[0])]:
        results[query] = paths(search(page, query), site_url)
    first = results[QUERIES[0]]
    assert len(first) >= 5, first
    for query, found in results.items():
        if query == "thi dua khen thuong":
            assert set(pages(found)[:5]) <= set(pages(first)), f"{query!r} finds other pages"
        else:
            assert found == first, f"{query!r} gives other results"


def test_d_finds_dd_and_accented_words_are_highlighted(page, site_url):
    page.goto(site_url + "/")
    assert search(page, "danh hieu"), "no result for a query without diacritics"
    marks = page.eval_on_selector_all(
        ".md-search-result__list mark", "els => els.map(e => e.textContent.toLowerCase())"
    )
    assert "danh" in marks and "hiệu" in marks, marks
    plain, accented = pages(search(page, "dieu")), pages(search(page, "điều"))
    assert set(plain[:5]) <= set(accented), (plain[:5], accented)


@pytest.mark.parametrize(
    ("query", "own_page"),
    [
        ("98/2023", "/van-ban/nd-98-2023/"),
        ("98/2023/NĐ-CP", "/van-ban/nd-98-2023/"),
        ("98/2023/ND-CP", "/van-ban/nd-98-2023/"),
        ("06/2022/QH15", "/van-ban/luat-06-2022/"),
        ("90/2020", "/van-ban/nd-90-2020/"),
    ],
)
def test_a_document_number_finds_its_own_page_first(page, site_url, query, own_page):
    page.goto(site_url + "/")
    found = paths(search(page, query), site_url)
    assert found and found[0] == own_page, found[:5]
    assert len(found) > 1, "pages that cite it are listed after it"


@pytest.mark.parametrize("query", ["Điều 24", "khoản 1 Điều 24", "dieu 24"])
def test_citations_find_the_article(page, site_url, query):
    page.goto(site_url + "/")
    found = paths(search(page, query), site_url)
    assert "/van-ban/luat-06-2022/" in found[:6], found[:6]
    sections = page.eval_on_selector_all(
        ".md-search-result__link", "els => els.map(e => e.getAttribute('href'))"
    )
    assert any(href.endswith("#dieu-24") for href in sections), sections[:10]


def test_english_pages_list_english_results_first(page, site_url):
    page.goto(site_url + "/en/")
    found = paths(search(page, "2024"), site_url)
    languages = ["en" if p.startswith("/en/") else "vi" for p in found]
    assert languages and languages == sorted(languages, key=lambda lang: lang != "en"), found
    assert languages[0] == "en", found
    page.goto(site_url + "/")
    found = paths(search(page, "2024"), site_url)
    # The same query on a Vietnamese page: Vietnamese first (one index for both).
    assert found and not found[0].startswith("/en/"), found


def test_page_highlight_finds_accented_words_typed_without_diacritics(page, site_url):
    """The ?h= link carries the words as the page writes them ("dua" → "đua")."""
    page.goto(site_url + "/")
    search(page, "thi dua")
    links = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)"
    )
    highlight = parse_qs(urlsplit(links[0]).query)["h"][0].split()
    assert "đua" in highlight, highlight
    page.goto(links[0])
    # Material highlights after the page's scripts run: wait for it on a busy machine.
    page.wait_for_selector("article mark", state="attached", timeout=15_000)
    marks = page.eval_on_selector_all(
        "article mark", "els => els.map(e => e.textContent.toLowerCase())"
    )
    assert any("đua" in mark for mark in marks), marks[:10]


@pytest.mark.parametrize(("typed", "ghost"), [("danh hiệ", "danh hiệu"), ("danh hie", "danh hieu")])
def test_suggestion_completes_accented_words(page, site_url, typed, ghost):
    page.goto(site_url + "/")
    search(page, typed)
    box = page.locator("input.md-search__input")
    box.press("End")  # Material updates the suggestion on keydown
    page.wait_for_function(
        "(ghost) => document.querySelector('.md-search__suggest').textContent === ghost", arg=ghost
    )
    box.press("ArrowRight")
    assert box.input_value() == ghost
