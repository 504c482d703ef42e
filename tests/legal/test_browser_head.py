"""Document pages in a real browser (issue 17 item 5): the text starts on the first screen
at 1366×768 and on a 390×844 phone; the folds open with the keyboard and print open; axe
finds no WCAG violation of ours on a document page, the ladder and a checklist.

Playwright + Debian chromium (tests/conftest.py) on the real strict build.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.build]

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENS = [(1366, 768), (390, 844)]
# Documents with the longest editors' introductions and the most citations.
DOCUMENTS = [
    "/van-ban/luat-06-2022/",
    "/en/van-ban/luat-06-2022/",
    "/van-ban/nd-335-2025/",
    "/van-ban/nd-233-2026/",
    "/van-ban/nd-90-2020/",
]


@pytest.fixture
def screen(browser, request) -> Iterator[object]:
    """A page of the given viewport; a JS error or a request off the machine fails."""
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request",
        lambda r: None if r.url.startswith(("http://127.0.0.1", "data:")) else errors.append(r.url),
    )
    yield page
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("screen", SCREENS, indirect=True, ids=["1366x768", "390x844"])
@pytest.mark.parametrize("path", DOCUMENTS)
def test_the_text_starts_on_the_first_screen(screen, site_url, path):
    screen.goto(f"{site_url}{path}")
    height = screen.viewport_size["height"]
    first = screen.locator(".md-content .legal-dieu").first
    top = first.evaluate("(el) => el.getBoundingClientRect().top")
    assert top < height - 40, f"the first article starts at {top:.0f} px of {height}"
    # The metadata and the introduction are there, folded: one line each.
    expect(screen.locator(".legal-head__facts")).to_be_visible()
    expect(screen.locator(".legal-panel")).to_be_hidden()
    expect(screen.locator("details.legal-head__more > summary")).to_be_visible()


@pytest.mark.parametrize("screen", [SCREENS[1]], indirect=True, ids=["390x844"])
def test_folds_open_with_the_keyboard(screen, site_url):
    screen.goto(f"{site_url}/van-ban/luat-06-2022/")
    summary = screen.locator("details.legal-head__more > summary")
    summary.focus()
    screen.keyboard.press("Enter")
    expect(screen.locator(".legal-panel")).to_be_visible()
    expect(screen.locator(".legal-panel__row--so_hieu dd")).to_have_text("06/2022/QH15")
    # The per-clause "Được dẫn chiếu tại (n)": a count in the summary, opened by keyboard.
    cited = screen.locator("details.legal-cited-by").first
    label = cited.locator("summary")
    assert label.inner_text().startswith("Được dẫn chiếu tại (")
    expect(cited.locator("li").first).to_be_hidden()
    label.focus()
    screen.keyboard.press("Space")
    expect(cited.locator("li").first).to_be_visible()
    # Nothing of ours is wider than the phone.
    wide = screen.evaluate(
        """() => Array.from(document.querySelectorAll('.legal-head, .legal-panel, .legal-intro'))
        .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className)"""
    )
    assert not wide, wide


@pytest.mark.parametrize("screen", [SCREENS[0]], indirect=True, ids=["1366x768"])
def test_print_opens_every_fold(screen, site_url, tmp_path):
    screen.goto(f"{site_url}/van-ban/luat-06-2022/")
    cited = screen.locator("details.legal-cited-by li").first
    expect(cited).to_be_hidden()
    screen.emulate_media(media="print")
    expect(screen.locator(".legal-panel")).to_be_visible()
    expect(screen.locator(".legal-intro__body .admonition").first).to_be_visible()
    expect(cited).to_be_visible()
    pdf = tmp_path / "van-ban.pdf"
    screen.pdf(path=str(pdf), format="A4")
    first = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # The title, the facts and the open panel share the first page (no blank page).
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15" in first
    assert "Số hiệu" in first and "Được dẫn chiếu tại (" in first


@pytest.mark.parametrize("screen", [SCREENS[0]], indirect=True, ids=["1366x768"])
def test_english_document_page_labels_are_english(screen, site_url):
    screen.goto(f"{site_url}/en/van-ban/luat-06-2022/")
    facts = screen.locator(".legal-head__facts").inner_text()
    assert facts.startswith("Law · ") and "in force from 01/01/2024" in facts
    screen.locator("details.legal-head__more > summary").click()
    labels = screen.locator(".legal-panel dt").all_inner_texts()
    assert labels[:3] == ["Number", "Type", "Issued by"]
    assert "Replaces" in labels and not any("Được" in label for label in labels)
    assert (
        screen.locator("details.legal-cited-by summary").first.inner_text().startswith("Cited on (")
    )
    assert screen.locator(".thidua-untranslated .admonition-title").inner_text() == (
        "Not translated yet"
    )


@pytest.mark.parametrize(
    ("screen", "path"),
    [
        (SCREENS[0], "/van-ban/luat-06-2022/"),
        (SCREENS[1], "/van-ban/luat-06-2022/"),
        (SCREENS[0], "/en/van-ban/luat-06-2022/"),
        (SCREENS[0], "/tieu-chi/"),
        (SCREENS[0], "/tieu-chi/thang-danh-hieu/"),
        (SCREENS[1], "/tieu-chi/danh-sach/tap-the-lao-dong-tien-tien/"),
    ],
    indirect=["screen"],
)
def test_no_wcag_violation(screen, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    screen.goto(f"{site_url}{path}")
    for opened in (False, True):
        if opened:
            screen.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        result = Axe().run(screen, options={"runOnly": {"type": "tag", "values": WCAG}})
        ours = [
            f"{v['id']}: {node['html'][:120]}"
            for v in result.response["violations"]
            for node in v["nodes"]
            if "md-nav" not in node["html"]  # Material's navigation, not ours
        ]
        assert not ours, (opened, ours)
