"""Focus and scrolling boxes for keyboard users (issue 17, item 6), in Debian's chromium.

- a focused navigation link is drawn in a colour with at least 4.5:1 contrast on the
  light scheme's white (Material's amber is 1.6:1), with an outline;
- on a phone, every table or diagram box that scrolls sideways can be focused to
  scroll it: axe (all rules) finds nothing on pages with wide tables and diagrams.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def luminance(rgb: str) -> float:
    """Relative luminance of a CSS ``rgb(r, g, b)`` colour (WCAG 2)."""
    values = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    """WCAG contrast ratio of two colours."""
    a, b = sorted((luminance(one), luminance(two)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_focused_navigation_link_has_contrast(page, site_url):
    """Keyboard focus on a navigation link: dark red on white, with an outline."""
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(site_url + "/tieu-chi/")
    link = page.locator(".md-sidebar--primary .md-nav__link[href]:not(.md-nav__link--active)")
    link.first.focus()
    style = link.first.evaluate(
        "(a) => { const s = getComputedStyle(a);"
        " return {color: s.color, outline: s.outlineStyle, focus: a.matches(':focus-visible')}; }"
    )
    assert style["focus"], style
    assert contrast(style["color"], "rgb(255, 255, 255)") >= 4.5, style
    assert style["outline"] != "none", style


@pytest.mark.parametrize(
    "path", ["/tieu-chi/", "/van-ban/", "/tieu-chi/thang-danh-hieu/", "/van-ban/luat-06-2022/"]
)
def test_phone_pages_have_no_axe_violation(page, site_url, path: str):
    """At 390 px the boxes that scroll are focusable (axe scrollable-region-focusable)."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    violations = Axe().run(page).response["violations"]
    found = {v["id"]: [n["html"][:120] for n in v["nodes"]][:3] for v in violations}
    assert found == {}
