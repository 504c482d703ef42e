"""Focus and scrolling boxes for keyboard users (issue 17, item 6), in Debian's chromium.

- a focused navigation link is drawn in a colour with at least 4.5:1 contrast on the
  light scheme's white (Material's amber is 1.6:1), with an outline;
- on a phone, every table or diagram box that scrolls sideways can be focused to
  scroll it: axe (all rules) finds nothing on pages with wide tables and diagrams;
- every kind of form control of the two tools (text, date, list, choice, file, button)
  shows a ring of 2px or more with 3:1 contrast against the page when it has keyboard
  focus, in both palettes; a date field reached with Tab too (screenshots in
  /tmp/thidua-a11y-screenshots).
"""

from __future__ import annotations

import re
from pathlib import Path

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


# --------------------------------------------------------------------------
# Form controls (issue 17, item 6: "the date inputs show no focus")
# --------------------------------------------------------------------------

# Every visible form control of the page, one per kind (tag and type), with its id path.
CONTROLS_JS = """() => {
  const seen = new Map();
  const all = document.querySelectorAll(
    ".md-typeset input:not([type=hidden]), .md-typeset select, .md-typeset textarea, " +
    ".md-typeset button, .md-typeset .md-button");
  for (const el of all) {
    if (!el.offsetParent || el.disabled) continue;
    const kind = el.localName + (el.type && el.localName !== "select" ? ":" + el.type : "");
    if (!seen.has(kind)) {
      el.setAttribute("data-focus-probe", kind);
      seen.set(kind, kind);
    }
  }
  return [...seen.keys()];
}"""
FOCUS_STYLE_JS = """(el) => {
  const s = getComputedStyle(el);
  return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
          bg: getComputedStyle(document.body).backgroundColor,
          visible: el.matches(":focus-visible"), focused: document.activeElement === el};
}"""


def assert_visible_focus(style: dict, where: str) -> None:
    """A solid ring of 2px or more with 3:1 contrast against the page (WCAG 1.4.11)."""
    assert style["focused"] and style["visible"], (where, style)
    assert style["outline"] not in ("none", "hidden"), (where, style)
    assert style["width"] >= 2, (where, style)
    assert contrast(style["color"], style["bg"]) >= 3, (where, style)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/tu-danh-gia/cong-cu/", "/binh-xet/cong-cu/"])
def test_every_form_control_shows_focus(page, site_url, path: str, scheme: str):
    """Each kind of field, list, choice and button of the tools: a ring you can see."""
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    page.keyboard.press("Tab")  # keyboard use: focus() below is then :focus-visible
    kinds = page.evaluate(CONTROLS_JS)
    if path.startswith("/tu-danh-gia"):
        assert {"input:text", "input:date", "select", "input:radio", "button:button"} <= set(
            kinds
        ), kinds
    else:
        assert {"select", "input:file"} <= set(kinds), kinds
    for kind in kinds:
        control = page.locator(f'[data-focus-probe="{kind}"]')
        control.focus()
        assert_visible_focus(control.evaluate(FOCUS_STYLE_JS), f"{path} {kind} ({scheme})")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_date_field_reached_with_tab_shows_focus(page, site_url, scheme: str):
    """Tab into a date field (Chrome focuses its day part inside): the field shows it."""
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(site_url + "/tu-danh-gia/cong-cu/")
    page.wait_for_load_state("load")
    date = page.locator("input[type=date]:visible").first
    date.scroll_into_view_if_needed()
    page.evaluate(
        """(date) => {
          const tabbable = [...document.querySelectorAll(
            "input:not([type=hidden]), select, textarea, button, a[href], [tabindex='0']")]
            .filter((e) => e.offsetParent && !e.disabled);
          tabbable[tabbable.indexOf(date) - 1].focus();
        }""",
        date.element_handle(),
    )
    page.keyboard.press("Tab")
    style = date.evaluate(FOCUS_STYLE_JS)
    assert_visible_focus(style, f"date field ({scheme})")
    shots = Path("/tmp/thidua-a11y-screenshots")
    shots.mkdir(exist_ok=True)
    box = date.bounding_box()
    clip = {
        "x": box["x"] - 12,
        "y": box["y"] - 12,
        "width": box["width"] + 24,
        "height": box["height"] + 24,
    }
    page.screenshot(path=str(shots / f"date-focus-{scheme}.png"), clip=clip)
