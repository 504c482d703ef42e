"""Phones at 390 px and the register on a desktop (issue 17, item 2), in Debian's chromium.

- the register's status column is on screen, and its box shows that it scrolls;
- the guidance's level table keeps readable cells (never one word per line);
- the title ladder and the Điểm mới diagrams keep their drawn size (readable text)
  inside a box that scrolls, and no page scrolls sideways as a whole;
- at 1366 px the register's title column is its widest.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


def open_page(page, site_url: str, path: str, viewport: dict) -> None:
    """Open ``path`` at the given viewport; fail if the page scrolls sideways."""
    page.set_viewport_size(viewport)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    overflow = page.evaluate(
        "document.scrollingElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"{path} scrolls sideways by {overflow} px"


def scrolls_with_a_sign(page, selector: str) -> dict:
    """The nearest scrolling box around ``selector``: how wide, and its background."""
    return page.evaluate(
        """(sel) => {
          let node = document.querySelector(sel);
          while (node && !(node.scrollWidth > node.clientWidth + 1
                 && ["auto", "scroll"].includes(getComputedStyle(node).overflowX))) {
            node = node.parentElement;
          }
          if (!node) return null;
          return {scroll: node.scrollWidth, client: node.clientWidth,
                  background: getComputedStyle(node).backgroundImage};
        }""",
        selector,
    )


def test_register_status_column_is_on_screen(page, site_url):
    """On a phone the status of each document is visible without scrolling."""
    open_page(page, site_url, "/van-ban/", PHONE)
    cells = page.locator(".legal-register tbody tr:first-child td")
    status = cells.last.bounding_box()
    assert status is not None
    assert status["x"] >= 0 and status["x"] + status["width"] <= PHONE["width"] + 1, status
    box = scrolls_with_a_sign(page, ".legal-register table")
    assert box is not None and box["scroll"] > box["client"], box
    assert "gradient" in box["background"], box
    caption = page.evaluate(
        "getComputedStyle(document.querySelector('.legal-register caption'), '::after').content"
    )
    assert "vuốt ngang" in caption


def test_register_title_column_is_widest_on_desktop(page, site_url):
    """At 1366 px the whole register fits and the title column takes the spare width."""
    open_page(page, site_url, "/van-ban/", DESKTOP)
    widths = page.evaluate(
        "[...document.querySelectorAll('.legal-register thead th')]"
        ".map((th) => th.getBoundingClientRect().width)"
    )
    assert len(widths) == 7
    assert widths[2] == max(widths), widths
    assert widths[2] >= 200, widths
    fits = page.evaluate(
        "(() => { const box = document.querySelector('.legal-register .md-typeset__scrollwrap');"
        " return box.scrollWidth <= box.clientWidth + 1; })()"
    )
    assert fits, "the register scrolls sideways on a desktop"


def test_guidance_level_table_keeps_readable_cells(page, site_url):
    """The level table's cells stay at least 7rem wide and the table scrolls visibly."""
    open_page(page, site_url, "/huong-dan/danh-gia-xep-loai-2024/", PHONE)
    widths = page.evaluate(
        """[...document.querySelectorAll('article .md-typeset__table td')]
             .map((td) => td.getBoundingClientRect().width)"""
    )
    assert widths and min(widths) >= 130, min(widths)
    boxes = page.evaluate(
        """[...document.querySelectorAll('article .md-typeset__scrollwrap')]
             .filter((box) => box.scrollWidth > box.clientWidth + 1)
             .map((box) => getComputedStyle(box).backgroundImage)"""
    )
    assert boxes, "no table scrolls sideways"
    assert all("gradient" in background for background in boxes), boxes


@pytest.mark.parametrize(
    ("path", "svg"),
    [
        ("/tieu-chi/thang-danh-hieu/", "svg.checklist-ladder__svg"),
        ("/van-ban/luat-06-2022/", "svg.diem-moi-luoc-do__svg"),
    ],
)
def test_diagrams_keep_their_drawn_size(page, site_url, path: str, svg: str):
    """The diagram is drawn at its own size (text as designed) inside a scrolling box."""
    open_page(page, site_url, path, PHONE)
    scale = page.evaluate(
        """(sel) => { const s = document.querySelector(sel);
             return s.getBoundingClientRect().width / s.width.baseVal.value; }""",
        svg,
    )
    assert scale >= 0.99, scale
    font = page.evaluate(
        """(sel) => Math.min(...[...document.querySelector(sel).querySelectorAll('text')]
             .map((t) => t.getBoundingClientRect().height))""",
        svg,
    )
    assert font >= 10, font
