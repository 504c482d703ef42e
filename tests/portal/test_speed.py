"""Nothing of ours blocks the first paint (issue 17, item 6: FCP parity with Material).

Structure only, no timing: measured figures come from ``scripts/lighthouse.py``.

- no external ``<script>`` in ``<head>``; the only scripts there are Material's own
  small inline ones (hashed by the Content-Security-Policy);
- every external script is deferred, in an order that keeps the search working:
  thidua-speed.js, the head scripts (search-vi.js), Material's bundle, then ours;
- the search index is requested only after the page has loaded, or at once when the
  reader goes to the search field (thidua-speed.js), and search still finds pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# Home, regulation, checklist, the two tools, a training module, Hỏi đáp, English pages.
PAGE_TYPES = [
    "index.html",
    "van-ban/luat-06-2022/index.html",
    "tieu-chi/danh-sach/lao-dong-tien-tien/index.html",
    "tu-danh-gia/cong-cu/index.html",
    "binh-xet/cong-cu/index.html",
    "tap-huan/luat-thi-dua-2022/index.html",
    "hoi-dap/index.html",
    "en/index.html",
    "en/tu-danh-gia/cong-cu/index.html",
    "404.html",
]
SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
SRC = re.compile(r'\bsrc="(?P<src>[^"]+)"')
# Material's own inline head script: __md_scope, __md_get, __md_set (localStorage).
MATERIAL_HEAD_INLINE = "__md_scope="


def scripts(html: str) -> list[tuple[str, str, str]]:
    """Every <script> as (attributes, src or "", inline body)."""
    out = []
    for match in SCRIPT.finditer(html):
        src = SRC.search(match["attrs"])
        out.append((match["attrs"], src["src"] if src else "", match["body"]))
    return out


def head_of(html: str) -> str:
    """The text between <head> and </head>."""
    return html.split("<head>", 1)[1].split("</head>", 1)[0]


@pytest.mark.parametrize("rel", PAGE_TYPES)
def test_head_has_no_render_blocking_script(built_site, rel: str):
    """In <head>: no external script at all, inline only Material's own."""
    head = head_of((built_site.site / rel).read_text(encoding="utf-8"))
    found = scripts(head)
    external = [src for _, src, _ in found if src]
    assert external == [], rel
    inline = [body for attrs, src, body in found if not src and "application/json" not in attrs]
    assert all(MATERIAL_HEAD_INLINE in body for body in inline), inline


@pytest.mark.parametrize("rel", PAGE_TYPES)
def test_every_external_script_is_deferred_in_order(built_site, rel: str):
    """Deferred, and in the order the search needs (before and after Material's bundle)."""
    html = (built_site.site / rel).read_text(encoding="utf-8")
    external = [(attrs, src) for attrs, src, _ in scripts(html) if src]
    blocking = [src for attrs, src in external if not re.search(r"\b(defer|async)\b", attrs)]
    assert blocking == [], rel
    names = [Path(src).name for _, src in external]
    bundle = next(i for i, name in enumerate(names) if name.startswith("bundle."))
    assert names[0] == "thidua-speed.js", names
    assert names.index("search-vi.js") < bundle, names
    assert names.index("thidua-a11y.js") > bundle, names


def test_search_index_waits_for_the_page_then_search_works(page, site_url):
    """The index is requested after the load event began; typing a query finds pages."""
    page.set_viewport_size({"width": 1280, "height": 800})
    with page.expect_request(re.compile(r"search/search_index\.json$")):
        page.goto(site_url + "/hoi-dap/")
    # A resource timing entry is written when the (large) index has fully arrived,
    # which on a busy machine is after the request is seen: wait for it.
    page.wait_for_function(
        """() => performance.getEntriesByType("resource")
          .some((e) => e.name.endsWith("search/search_index.json"))""",
        timeout=30_000,
    )
    order = page.evaluate(
        """() => {
          const nav = performance.getEntriesByType("navigation")[0];
          const index = performance.getEntriesByType("resource")
            .find((e) => e.name.endsWith("search/search_index.json"));
          return {load: nav.loadEventStart, index: index ? index.startTime : null};
        }"""
    )
    assert order["index"] is not None and order["index"] >= order["load"], order
    page.locator(".md-search__input").click()
    page.keyboard.type("thi dua")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)


def test_going_to_search_requests_the_index_at_once(page, site_url):
    """A reader who goes to the search field before the page has loaded gets the index.

    The load event is held back (the logo image never answers); focusing the search
    field alone must release the request."""
    held = []
    page.route("**/assets/images/logo.svg", lambda route: held.append(route))
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "/hoi-dap/", wait_until="domcontentloaded")
    page.wait_for_function("() => '__thiduaLater' in XMLHttpRequest.prototype")
    page.locator(".md-search__input").wait_for(state="visible")
    assert page.evaluate("document.readyState") != "complete"
    assert not [url for url in requests if url.endswith("search/search_index.json")]
    with page.expect_request(re.compile(r"search/search_index\.json$")):
        page.locator(".md-search__input").focus()
    for route in held:
        route.abort()
