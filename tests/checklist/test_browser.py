"""The checklist pages in a real browser: axe, ticks kept, no-JS list, picker, A4 print."""

from __future__ import annotations

import re
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}
SCHEME_JS = "document.body.getAttribute('data-md-color-scheme')"
LDTT = "/tieu-chi/danh-sach/lao-dong-tien-tien/"


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _set_scheme(page, scheme: str) -> None:
    for _ in range(3):
        current = page.evaluate(SCHEME_JS)
        if current == scheme:
            return
        page.locator("form[data-md-component=palette] label:visible").click()
        page.wait_for_function(f"{SCHEME_JS} !== {current!r}")
    assert page.evaluate(SCHEME_JS) == scheme


def test_no_axe_violation_on_every_generated_page(page, problems, axe, site_url, built_site):
    """Every checklist, ladder and change page of both languages (light palette)."""
    site = built_site.site
    paths = []
    for lang in ("", "en/"):
        for folder in ("tieu-chi/danh-sach", "tieu-chi/thang-danh-hieu", "tieu-chi/thay-doi"):
            for html in sorted((site / lang / folder).rglob("index.html")):
                paths.append("/" + html.parent.relative_to(site).as_posix() + "/")
    # 9 titles, 3 roles, collectives on 100 points, index, ladder, changes — per language.
    assert len(paths) == 2 * 16, paths
    assert "/tieu-chi/danh-sach/xep-loai-tap-the/" in paths
    failures = []
    for path in paths:
        page.goto(site_url + path)
        results = axe.run(page, options=OPTIONS)
        if results.violations_count:
            failures.append(f"{path}\n{results.generate_report()}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("path", [LDTT, "/tieu-chi/thang-danh-hieu/", "/tieu-chi/danh-sach/"])
def test_no_axe_violation_dark(page, problems, axe, site_url, path):
    page.goto(site_url + path)
    _set_scheme(page, "slate")
    page.wait_for_timeout(400)
    results = axe.run(page, options=OPTIONS)
    assert results.violations_count == 0, f"{path} (slate)\n{results.generate_report()}"


def test_ticks_persist_per_page_and_rule_set(page, problems, site_url):
    page.goto(site_url + LDTT)
    lists = page.locator("ol.checklist__lines")
    first, second = lists.nth(0), lists.nth(1)
    boxes = first.locator("input.checklist__box")
    assert boxes.count() == 3
    # Each box is named by its line's text (a label).
    label = first.locator("label.checklist__text").first.inner_text()
    assert page.get_by_label(label).first.is_visible()
    boxes.nth(0).check()
    boxes.nth(2).check()
    count = page.locator(".checklist__count").first
    assert re.search(r"2 trên 3", count.inner_text())
    page.reload()
    boxes = page.locator("ol.checklist__lines").nth(0).locator("input.checklist__box")
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    # Another rule set on the same page keeps its own ticks.
    other = page.locator("ol.checklist__lines").nth(1).locator("input.checklist__box")
    assert not any(other.nth(i).is_checked() for i in range(other.count()))
    assert second.count() == 1
    stored = page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('thidua-checklist'))"
    )
    assert stored == ["thidua-checklist:v1:lao-dong-tien-tien:luat-06-2022+nd-152-2025+tt-01-2024"]
    # The English page shares the ticks of the same page and rule set.
    page.goto(site_url + "/en" + LDTT)
    boxes = page.locator("ol.checklist__lines").nth(0).locator("input.checklist__box")
    assert boxes.nth(0).is_checked()
    page.locator(".checklist__clear").first.click()
    page.reload()
    boxes = page.locator("ol.checklist__lines").nth(0).locator("input.checklist__box")
    assert not boxes.nth(0).is_checked()


def test_keyboard_ticks_a_line(page, problems, site_url):
    page.goto(site_url + "/tieu-chi/danh-sach/xep-loai-vien-chuc/")
    box = page.locator("input.checklist__box").first
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()


def test_without_javascript_a_plain_list(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + LDTT)
        assert page.locator("input.checklist__box").count() == 0
        lines = page.locator("li.checklist__line")
        assert lines.count() >= 10
        assert lines.first.is_visible()
        assert "Căn cứ" in lines.first.inner_text()
        page.goto(site_url + "/tieu-chi/danh-sach/")
        assert not page.locator(".checklist-picker").is_visible()
        links = page.locator("a[data-year='2024'][data-what='LDTT']")
        assert links.count() == 1
        assert links.first.get_attribute("href").endswith(
            "lao-dong-tien-tien/#luat-06-2022-nd-98-2023-tt-01-2024"
        )
    finally:
        context.close()


def test_picker_opens_the_matching_checklist(page, problems, site_url):
    page.goto(site_url + "/tieu-chi/danh-sach/")
    picker = page.locator(".checklist-picker")
    assert picker.is_visible()
    page.get_by_label("Năm đánh giá").select_option("2026")
    page.get_by_label("Đối tượng").select_option("cong_chuc")
    page.get_by_label("Nội dung").select_option("classification")
    go = picker.locator("a.checklist-picker__go")
    assert go.get_attribute("href").endswith("xep-loai-cong-chuc/#nd-335-2025")
    page.get_by_label("Nội dung").select_option("CSTDCS")
    page.get_by_label("Năm đánh giá").select_option("2021")
    assert go.get_attribute("href").endswith(
        "chien-si-thi-dua-co-so/#luat-15-2003-luat-39-2013-nd-91-2017"
    )
    go.click()
    page.wait_for_url(re.compile(r"chien-si-thi-dua-co-so/#luat-15-2003"))
    page.get_by_label("Năm đánh giá")  # no picker on a checklist page
    assert page.locator(".checklist-picker").count() == 0


def test_citation_preview_on_focus(page, problems, site_url):
    page.goto(site_url + LDTT)
    link = page.locator(".checklist__basis a.legal-cite__link").first
    link.focus()
    preview = page.locator("#" + link.get_attribute("aria-describedby"))
    assert preview.is_visible()
    assert "hoàn thành tốt nhiệm vụ" in preview.inner_text()


def test_ladder_svg_is_an_image_with_a_text_equivalent(page, problems, site_url):
    page.goto(site_url + "/tieu-chi/thang-danh-hieu/")
    svg = page.locator("svg.checklist-ladder__svg").first
    assert svg.get_attribute("role") == "img"
    assert svg.locator("title").text_content().startswith("Thang danh hiệu thi đua")
    box = svg.bounding_box()
    assert box and box["width"] > 500  # scaled to the column, not a thumbnail
    assert page.get_by_text("3 năm liên tục đạt Chiến sĩ thi đua cơ sở", exact=False).count()


def test_print_to_pdf_has_the_lines(page, problems, site_url, tmp_path):
    page.goto(site_url + LDTT)
    page.locator("ol.checklist__lines").first.locator("input.checklist__box").first.check()
    pdf = tmp_path / "ldtt.pdf"
    page.emulate_media(media="print")
    assert not page.locator(".checklist__toolbar").first.is_visible()
    page.pdf(path=str(pdf), format="A4")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert size and abs(float(size[1]) - 595.3) < 2 and abs(float(size[2]) - 841.9) < 2
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", " ", text)
    for line in (
        "Được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên",
        "Không phải cá nhân mới tuyển dụng dưới 06 tháng",
        "Không phải cá nhân mới tuyển dụng dưới 10 tháng",
        "Ví dụ minh họa",
    ):
        assert line in flat, line
    assert "Bỏ mọi dấu" not in flat
    page.evaluate("localStorage.clear()")
