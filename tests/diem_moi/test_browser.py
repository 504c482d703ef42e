"""Comparison pages and relation diagrams in a real browser (Playwright + Debian
chromium) on the lead's built site: printable on A4 without clipped columns, columns
stacked in print and on a phone, zero axe violations, no JS errors, readable without JS."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.build]

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
A4 = {"width": 794, "height": 1123}  # 210 × 297 mm at 96 dpi
PAGES = [
    "/van-ban/diem-moi/luat-06-2022/",
    "/en/van-ban/diem-moi/luat-06-2022/",
    "/van-ban/diem-moi/nd-90-2020/",
    "/en/van-ban/diem-moi/nd-98-2023/",
    "/van-ban/diem-moi/nd-233-2026/",
    "/en/van-ban/diem-moi/nd-335-2025/",
    "/van-ban/diem-moi/",
    "/van-ban/luat-06-2022/",
    "/en/van-ban/nd-90-2020/",
]
# Everything of ours that must fit its box: scrollWidth <= clientWidth.
OURS = (
    ".md-content, .diem-moi-diff, .diem-moi-diff__col, .diem-moi-table, "
    ".diem-moi-docs, .diem-moi-luoc-do, .diem-moi-luoc-do__list, .diem-moi-text"
)
OVERFLOW = """(selector) => Array.from(document.querySelectorAll(selector))
  .filter((el) => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1)
  .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)"""


@pytest.fixture
def tab(page) -> Iterator[object]:
    """pytest-playwright's page; a JS error or a request off the machine fails the test."""
    errors: list[str] = []
    external: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith(("http://127.0.0.1", "data:")) else external.append(r.url)
        ),
    )
    yield page
    assert not errors, errors
    assert not external, external


@pytest.mark.parametrize(
    "path",
    [
        "/van-ban/diem-moi/luat-06-2022/",
        "/en/van-ban/diem-moi/nd-90-2020/",
        "/van-ban/luat-06-2022/",
    ],
)
def test_prints_on_a4_without_clipped_columns(tab, site_url, path):
    tab.set_viewport_size(A4)
    tab.goto(site_url + path)
    tab.emulate_media(media="print")
    assert tab.evaluate(OVERFLOW, OURS) == []
    columns = tab.locator(".diem-moi-diff").first
    if columns.count():
        old = columns.locator(".diem-moi-diff__col--old").bounding_box()
        new = columns.locator(".diem-moi-diff__col--new").bounding_box()
        assert new["y"] >= old["y"] + old["height"] - 1, "columns are stacked in print"
        assert new["width"] >= 0.9 * columns.bounding_box()["width"]
    for cell in tab.locator(".diem-moi-table").all():
        box, content = cell.bounding_box(), tab.locator(".md-content").bounding_box()
        assert box["x"] + box["width"] <= content["x"] + content["width"] + 1
    pdf = tab.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_columns_side_by_side_on_a_wide_screen_and_stacked_on_a_phone(tab, site_url):
    tab.set_viewport_size({"width": 1400, "height": 900})
    tab.goto(site_url + "/van-ban/diem-moi/luat-06-2022/")
    diff = tab.locator("#moi-dieu-23 + .diem-moi-diff")
    old = diff.locator(".diem-moi-diff__col--old").bounding_box()
    new = diff.locator(".diem-moi-diff__col--new").bounding_box()
    assert abs(old["y"] - new["y"]) < 2 and new["x"] > old["x"] + old["width"]
    tab.set_viewport_size({"width": 390, "height": 844})
    old = diff.locator(".diem-moi-diff__col--old").bounding_box()
    new = diff.locator(".diem-moi-diff__col--new").bounding_box()
    assert new["y"] >= old["y"] + old["height"] - 1
    assert tab.evaluate(OVERFLOW, OURS) == []


def test_changes_have_non_colour_cues(tab, site_url):
    tab.goto(site_url + "/van-ban/diem-moi/luat-06-2022/")
    deleted = tab.locator(".diem-moi-diff del").first
    inserted = tab.locator(".diem-moi-diff ins").first
    line = "el => getComputedStyle(el).textDecorationLine"
    assert deleted.evaluate(line) == "line-through"
    assert inserted.evaluate(line) == "underline"
    assert deleted.inner_text().startswith("[bỏ: ") is False  # the marker is for screen readers
    assert deleted.locator(".diem-moi-sr").first.text_content() == "[bỏ: "
    tab.emulate_media(media="print")
    assert deleted.evaluate(line) == "line-through"
    assert inserted.evaluate(line) == "underline"


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violation(tab, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    tab.goto(site_url + path)
    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG}})
    found = [
        f"{v['id']}: {node['html'][:160]}"
        for v in result.response["violations"]
        for node in v["nodes"]
    ]
    assert not found, found


def test_diagram_is_an_image_with_a_text_alternative_and_a_list(tab, site_url):
    tab.goto(site_url + "/van-ban/nd-90-2020/")
    # The diagram sits in the document's folded information panel (text first).
    tab.locator("details.legal-head__more > summary").click()
    figure = tab.get_by_role("figure", name="Lược đồ quan hệ")
    image = figure.get_by_role("img", name="Lược đồ quan hệ của Nghị định 90/2020/NĐ-CP")
    assert image.is_visible()
    assert "thay thế Nghị định 56/2015/NĐ-CP" in image.locator("desc").text_content()
    link = figure.get_by_role("link", name="Nghị định 56/2015/NĐ-CP", exact=True)
    assert link.is_visible()
    width = image.bounding_box()["width"]
    assert width <= tab.locator(".md-content").bounding_box()["width"]
    figure.get_by_role("link", name="Điểm mới so với Nghị định 56/2015/NĐ-CP").click()
    assert tab.url.endswith("/van-ban/diem-moi/nd-90-2020/")


def test_readable_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/en/van-ban/diem-moi/luat-06-2022/")
    assert page.locator(".diem-moi-diff").count() >= 5
    assert page.locator("table tbody tr").count() >= 10
    assert page.get_by_role("heading", name="Changes in detail").is_visible()
    context.close()


def test_citation_preview_in_the_topics_table_stays_in_view(tab, site_url):
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.goto(site_url + "/van-ban/diem-moi/nd-90-2020/")
    link = tab.locator(".diem-moi-topics .legal-cite__link").first
    link.focus()
    preview = tab.locator(".diem-moi-topics .legal-cite__preview").first
    assert preview.is_visible()
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    assert tab.evaluate(OVERFLOW, ".diem-moi-table") == []


COMPARISONS = ["luat-06-2022", "nd-98-2023", "nd-90-2020", "nd-233-2026", "nd-335-2025"]
# Open every collapsed section, then read what a reader sees.
OPEN_ALL = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
FOLLOWS = "([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)"


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("slug", COMPARISONS)
def test_staff_see_no_editors_jargon_and_topics_first(tab, site_url, slug, prefix):
    tab.goto(f"{site_url}{prefix}/van-ban/diem-moi/{slug}/")
    tab.evaluate(OPEN_ALL)
    text = tab.locator(".md-content").inner_text()
    for word in ("so_sanh", "anh_xa", "Cách ghép", "Độ giống", "Similarity"):
        assert word not in text, word
    pairing = " ".join(
        tab.locator(".diem-moi-grid:not(.diem-moi-topics), .diem-moi-editors").all_inner_texts()
    )
    assert pairing and not re.search(r"\d\s?%", pairing), "no similarity score"
    topics = tab.locator("#diem-khac")
    if slug in ("luat-06-2022", "nd-98-2023"):
        assert topics.count() == 0  # no documented differences on these two
        return
    first_article = tab.locator(".diem-moi-diff, #cac-dieu").first
    handles = [topics.element_handle(), first_article.element_handle()]
    assert tab.evaluate(FOLLOWS, handles), "the topic table comes before the articles"
    summary = tab.locator("#tom-tat").element_handle()
    assert tab.evaluate(FOLLOWS, [summary, handles[0]])
