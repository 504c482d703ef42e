"""Training modules in a real browser: slides, speaker notes, quiz, axe, CSP, print, phone."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
MODULE = "/tap-huan/luat-thi-dua-2022/"
MODULES = [
    "luat-thi-dua-2022",
    "danh-gia-2026",
    "ket-hop-binh-xet",
    "ho-so-khen-thuong",
    "sang-kien",
    "quy-che-don-vi",
]
SHOTS = Path("/tmp/tap-huan-screenshots")


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def present(page) -> None:
    page.click(".tap-huan-present")
    page.wait_for_selector(".tap-huan-deck .reveal.ready")


def counter(page) -> str:
    return re.sub(r"\s+", "", page.inner_text(".tap-huan-deck .slide-number"))


def test_keyboard_moves_through_the_slides(page, site_url):
    page.goto(site_url + MODULE)
    total = page.locator(".tap-huan-slide").count()
    assert total == 8
    assert page.get_attribute(
        "html", "class"
    ) is None or "tap-huan-presenting" not in page.get_attribute("html", "class")
    present(page)
    assert counter(page) == f"1/{total}"
    assert (
        page.locator(".reveal .slides > section.present h1").inner_text().startswith("Chuyên đề 1")
    )
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert counter(page) == f"3/{total}"
    assert page.locator("section.present h2").inner_text() == 'Nguyên tắc: thêm "minh bạch"'
    page.keyboard.press("ArrowLeft")
    assert counter(page) == f"2/{total}"
    page.keyboard.press("End")
    assert counter(page) == f"{total}/{total}"
    assert page.locator("section.present h2").inner_text().endswith("(tiếp)")
    page.keyboard.press("Home")
    assert counter(page) == f"1/{total}"
    page.click(".reveal .controls .navigate-right")
    assert counter(page) == f"2/{total}"
    assert (
        page.locator(".reveal .controls .navigate-right").get_attribute("aria-label") == "Trang sau"
    )
    # Only the current slide can take focus.
    assert (
        page.evaluate(
            "[...document.querySelectorAll('.reveal .slides > section')]"
            ".filter(s => !s.inert).length"
        )
        == 1
    )
    page.keyboard.press("Escape")
    assert page.locator(".tap-huan-deck").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('tap-huan-present')")
    assert page.evaluate("[...document.body.children].every(e => !e.inert)")


def test_speaker_notes_hidden_on_page_and_slides_shown_in_presenter_view(page, site_url):
    page.goto(site_url + MODULE)
    notes = page.locator(".tap-huan-slide .admonition.ghi-chu")
    assert notes.count() >= 6
    assert all(not notes.nth(i).is_visible() for i in range(notes.count()))
    present(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert not page.locator("section.present aside.notes").is_visible()
    assert not page.locator(".speaker-notes").is_visible()
    page.keyboard.press("s")
    panel = page.locator(".speaker-notes")
    assert panel.is_visible()
    assert "đủ bậc" in panel.inner_text()
    assert page.get_attribute(".tap-huan-deck__notes", "aria-pressed") == "true"
    page.keyboard.press("ArrowRight")
    assert "Luật cũ" not in panel.inner_text() and "cửa vào" in panel.inner_text()
    page.click(".tap-huan-deck__notes")
    assert not panel.is_visible()


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_every_slide_fits_the_projector(page, site_url, size):
    """No slide's content runs past the 1280×720 frame reveal.js scales to the screen."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    SHOTS.mkdir(exist_ok=True)
    too_tall = []
    for slug in MODULES:
        page.goto(f"{site_url}/tap-huan/{slug}/")
        total = page.locator(".tap-huan-slide").count()
        present(page)
        for number in range(1, total + 1):
            height = page.evaluate(
                "document.querySelector('.reveal .slides > section.present').scrollHeight"
            )
            if height > 720:
                too_tall.append(f"{slug} slide {number}: {height}px")
            if slug == "danh-gia-2026" or number == 3:
                page.screenshot(path=str(SHOTS / f"{slug}-{number}-{size[0]}x{size[1]}.png"))
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Escape")
    assert not too_tall


def answer(page, number: int, labels: list[int]) -> None:
    question = page.locator(".tap-huan-q").nth(number)
    for index in labels:
        question.locator("label").nth(index).click()
    question.locator(".tap-huan-q__check").click()


def test_quiz_graded_with_feedback_score_and_saved_progress(page, site_url):
    page.goto(site_url + MODULE)
    q1 = page.locator(".tap-huan-q").nth(0)
    assert not q1.locator(".tap-huan-q__why").first.is_visible()
    answer(page, 0, [0])  # A: wrong
    assert q1.locator(".tap-huan-q__result").inner_text() == "Chưa đúng. Đáp án đúng: B."
    assert q1.locator("li.is-wrong .tap-huan-q__why").inner_text().startswith("✗ Chưa đủ.")
    assert q1.locator("li.is-right .tap-huan-q__why").is_visible()
    basis = q1.locator(".tap-huan-q__basis")
    assert basis.is_visible() and "điểm a khoản 1 Điều 24 Luật 06/2022/QH15" in basis.inner_text()
    assert basis.locator("a").get_attribute("href").endswith("#dieu-24-khoan-1-diem-a")
    assert page.inner_text(".tap-huan-quiz__score") == "Đã trả lời 1/5 câu, đúng 0 câu."
    answer(page, 0, [1])  # B: right
    assert q1.locator(".tap-huan-q__result").inner_text() == "Đúng."
    answer(page, 1, [0, 1, 3])  # multiple choice, right
    assert page.locator(".tap-huan-q").nth(1).locator(".tap-huan-q__result").inner_text() == "Đúng."
    answer(page, 3, [0])  # true/false: "Đúng" is wrong here
    assert (
        "Đáp án đúng: Sai."
        in page.locator(".tap-huan-q").nth(3).locator(".tap-huan-q__result").inner_text()
    )
    assert page.inner_text(".tap-huan-quiz__score") == "Đã trả lời 3/5 câu, đúng 2 câu."
    page.reload()
    assert page.inner_text(".tap-huan-quiz__score") == "Đã trả lời 3/5 câu, đúng 2 câu."
    assert page.locator(".tap-huan-q").nth(0).locator("input[value=b]").is_checked()
    assert page.locator(".tap-huan-q").nth(0).locator(".tap-huan-q__result").inner_text() == "Đúng."
    page.click(".tap-huan-quiz__reset")
    assert not page.locator(".tap-huan-quiz__summary").is_visible()
    assert page.locator(".tap-huan-quiz input:checked").count() == 0
    assert not page.locator(".tap-huan-key").is_visible()


def test_quiz_check_without_an_answer(page, site_url):
    page.goto(site_url + MODULE)
    page.locator(".tap-huan-q").nth(2).locator(".tap-huan-q__check").click()
    assert (
        page.locator(".tap-huan-q").nth(2).locator(".tap-huan-q__result").inner_text()
        == "Hãy chọn ít nhất một đáp án."
    )


def test_english_quiz_and_slides(page, site_url):
    page.goto(site_url + "/en" + MODULE)
    answer(page, 0, [1])
    assert (
        page.locator(".tap-huan-q").nth(0).locator(".tap-huan-q__result").inner_text() == "Correct."
    )
    assert page.inner_text(".tap-huan-quiz__score") == "Answered 1 of 3; 1 correct."
    present(page)
    page.keyboard.press("End")
    assert page.locator("section.present h2").inner_text().endswith("(continued)")


def test_axe_on_module_slides_presenter_view_and_quiz(page, site_url, axe):
    failures = []

    def check(label: str) -> None:
        results = axe.run(page, options=WCAG)
        if results.violations_count:
            failures.append(f"{label}\n{results.generate_report()}")

    for slug in ("luat-thi-dua-2022", "danh-gia-2026"):
        page.goto(f"{site_url}/tap-huan/{slug}/")
        check(slug)
    for path in ("/tap-huan/", "/tap-huan/giang-vien/", "/en/tap-huan/ket-hop-binh-xet/"):
        page.goto(site_url + path)
        check(path)
    page.goto(site_url + MODULE)
    answer(page, 0, [0])
    answer(page, 1, [0, 1, 3])
    check("quiz answered")
    present(page)
    page.keyboard.press("ArrowRight")
    check("slides")
    page.keyboard.press("s")
    check("presenter view")
    assert not failures, "\n".join(failures)


def test_strict_csp_on_module_pages(page, site_url):
    page.goto(site_url + MODULE)
    policy = page.get_attribute("meta[http-equiv=Content-Security-Policy]", "content")
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    present(page)
    page.keyboard.press("s")
    page.keyboard.press("ArrowRight")
    # the autouse fixture fails the test on any CSP violation or console error


def test_without_javascript_a_worksheet_and_answer_key(browser, site_url):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 800}
    )
    page = context.new_page()
    page.goto(site_url + MODULE)
    assert not page.locator(".tap-huan-actions").is_visible()
    assert not page.locator(".tap-huan-q__check").first.is_visible()
    assert page.locator(".tap-huan-key").is_visible()
    key = page.inner_text(".tap-huan-key")
    assert (
        "Đáp án đúng: B." in key and "Đáp án đúng: A, B, D." in key and "Đáp án đúng: Sai." in key
    )
    context.close()


def test_handout_prints_on_a4_with_notes_and_answer_key(page, site_url, tmp_path):
    page.goto(site_url + MODULE)
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("Ghi chú cho người trình bày") >= 6
    assert "Đáp án" in text and "Câu 1." in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    SHOTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(SHOTS / "handout")], check=True)
    pages = sorted(SHOTS.glob("handout-*.png"))
    assert len(pages) >= 4


def test_phone_width_390(browser, site_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(site_url + MODULE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "phone-390.png"))
    page.locator(".tap-huan-present").tap()
    page.wait_for_selector(".tap-huan-deck .reveal.ready")
    assert counter(page) == "1/8"
    page.screenshot(path=str(SHOTS / "phone-390-slides.png"))
    # Below 435 px reveal.js shows the deck as one vertical scroll (its scroll view).
    assert page.locator(".reveal-viewport.reveal-scroll, .reveal-scroll").count() >= 1
    context.close()
