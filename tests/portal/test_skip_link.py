"""A skip link to the form on the two tools (issue 17, item 6: the form was tab stop 31).

With the keyboard only, in Debian's chromium: the second Tab on the self-evaluation
tool and on the council tool reaches "Chuyển đến biểu mẫu" ("Skip to the form" on the
English pages), visible while focused; Enter then Tab puts the focus in the form's
first field. Screenshots in /tmp/thidua-a11y-screenshots.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/thidua-a11y-screenshots")
# (page, link text, where focus lands after Enter and Tab)
TOOLS = [
    ("/tu-danh-gia/cong-cu/", "Chuyển đến biểu mẫu", "#tdg-form"),
    ("/en/tu-danh-gia/cong-cu/", "Skip to the form", "#tdg-form"),
    ("/binh-xet/cong-cu/", "Chuyển đến biểu mẫu", "#bx-app"),
    ("/en/binh-xet/cong-cu/", "Skip to the form", "#bx-app"),
]


@pytest.mark.parametrize(("path", "text", "form"), TOOLS)
def test_second_tab_stop_skips_to_the_form(page, site_url, path: str, text: str, form: str):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    page.locator(form).wait_for(state="visible")
    stops = []
    for _ in range(2):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert stops[1] == text, stops
    link = page.locator(".thidua-skip-form")
    assert link.evaluate("(a) => a === document.activeElement")
    box = link.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    # The link fades in (a CSS transition): wait until it is fully shown, do not read
    # its opacity at one moment (0 on a busy machine).
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    SHOTS.mkdir(exist_ok=True)
    name = path.strip("/").replace("/", "-")
    page.screenshot(
        path=str(SHOTS / f"skip-{name}.png"), clip={"x": 0, "y": 0, "width": 700, "height": 160}
    )
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate(
        "(sel) => document.querySelector(sel).contains(document.activeElement)", form
    )
    field = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    assert inside, field
    assert page.evaluate("document.activeElement.matches('input, select, textarea, button')"), field


def test_pages_without_a_form_have_no_form_skip_link(page, site_url):
    """Only the tools carry it: a prose page keeps Material's single skip link."""
    page.goto(site_url + "/hoi-dap/")
    assert page.locator(".thidua-skip-form").count() == 0
