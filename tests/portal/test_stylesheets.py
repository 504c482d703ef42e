"""One stylesheet of ours per page, and only the rules a page can use (issue 17, item 6).

Our four sheets (thidua, legal, diem-moi, van-ban) used to be four render-blocking
requests on every page. ``overrides/main.html`` now links one joined file, rendered by
MkDocs from the static templates ``thidua-site.css`` (thidua + legal) and
``thidua-site-van-ban.css`` (+ diem-moi + van-ban), the second only on pages whose HTML
holds one of their classes; comments are left out (``partials/thidua-css.html``). These
tests check, on a real build:

- the joined files are the source files, whole and in the order ``extra_css`` had;
- every page links exactly one of them, after Material's and its template's stylesheets
  (the cascade of before);
- a page that gets ``thidua-site.css`` only has no element that any rule of diem-moi.css
  or van-ban.css could select (so leaving them out changes nothing on screen or paper).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from thidua_testing import ROOT

CSS = ROOT / "overrides" / "assets" / "css"
SITE_CSS = "assets/css/thidua-site.css"
FULL_CSS = "assets/css/thidua-site-van-ban.css"
PARTS = {
    SITE_CSS: ["thidua.css", "legal.css"],
    FULL_CSS: ["thidua.css", "legal.css", "diem-moi.css", "van-ban.css"],
}
OPTIONAL = ["diem-moi.css", "van-ban.css"]
LINK = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)"')
CLASS_ATTR = re.compile(r'\bclass="(?P<names>[^"]*)"')
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# :not(…) excludes, :is(…)/:where(…) offer alternatives: neither adds a class that an
# element must have. Dropping them only makes the check below stricter.
PSEUDO_ARGS = re.compile(r":(?:not|is|where|has)\([^()]*\)")
CLASS = re.compile(r"\.(?P<name>-?[A-Za-z_][\w-]*)")


def pages(site: Path) -> list[Path]:
    """Every built HTML page (Material's assets excluded)."""
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] != "assets"]


def selectors(css: str) -> list[str]:
    """Every selector of every style rule (inside @media too), comments removed."""
    out = []
    for prelude in re.findall(r"([^{}]+)\{", COMMENT.sub("", css)):
        prelude = prelude.strip()
        if prelude and not prelude.startswith("@"):
            out.extend(s.strip() for s in prelude.split(","))
    return out


def required_classes(selector: str) -> frozenset[str]:
    """The classes a document must contain somewhere for ``selector`` to match."""
    return frozenset(m["name"] for m in CLASS.finditer(PSEUDO_ARGS.sub("", selector)))


def classes_in(html: str) -> set[str]:
    """Every class name written in the page's HTML."""
    return {name for m in CLASS_ATTR.finditer(html) for name in m["names"].split()}


def our_links(html: str) -> list[str]:
    """The stylesheets of ours a page links, relative hrefs reduced to site paths."""
    hrefs = [m["href"] for m in LINK.finditer(html)]
    return [h.split("assets/css/", 1)[1] for h in hrefs if "assets/css/thidua" in h]


def minified(css: str) -> str:
    """What partials/thidua-css.html makes of a source: comments out, whitespace one space."""
    chunks = css.split("/*")
    kept = [chunks[0]] + [chunk.split("*/", 1)[1] for chunk in chunks[1:]]
    return " ".join(" ".join(kept).split())


@pytest.mark.parametrize("name", ["thidua.css", "legal.css", "diem-moi.css", "van-ban.css"])
def test_sources_can_be_joined(name: str):
    """Jinja reads the sources (no delimiters allowed); comments are cut at "/*"."""
    text = (CSS / name).read_text(encoding="utf-8")
    for delimiter in ("{{", "{%", "{#"):
        assert delimiter not in text, f"{name}: '{delimiter}' would be read as Jinja"
    for string in re.findall(r'"[^"\n]*"', COMMENT.sub("", text)):
        assert "/*" not in string and "*/" not in string, f"{name}: {string} holds a comment mark"
    assert text.count("/*") == text.count("*/"), f"{name}: an unclosed comment"


@pytest.mark.parametrize("joined", [SITE_CSS, FULL_CSS])
def test_joined_stylesheet_is_the_sources_in_order(built_site, joined: str):
    text = (built_site.site / joined).read_text(encoding="utf-8")
    expected = [minified((CSS / name).read_text(encoding="utf-8")) for name in PARTS[joined]]
    assert text.strip().splitlines() == expected
    assert "/*" not in text and "{%" not in text and "{#" not in text


def test_every_page_links_one_stylesheet_of_ours_after_the_others(built_site):
    for page in pages(built_site.site):
        html = page.read_text(encoding="utf-8")
        hrefs = [m["href"] for m in LINK.finditer(html.split("</head>", 1)[0])]
        ours = [h for h in hrefs if "/css/thidua" in h or h.startswith("assets/css/thidua")]
        rel = page.relative_to(built_site.site)
        assert len(ours) == 1, f"{rel}: stylesheets of ours {ours}"
        assert hrefs[-1] == ours[0], f"{rel}: {ours[0]} is not the last stylesheet"
        for name in ("thidua.css", "legal.css", *OPTIONAL):
            assert not any(h.endswith("/" + name) or h == name for h in hrefs), rel


def test_pages_without_the_optional_styles_use_none_of_their_rules(built_site):
    rules = {
        name: {required_classes(s) for s in selectors((CSS / name).read_text(encoding="utf-8"))}
        for name in OPTIONAL
    }
    checked = full = 0
    for page in pages(built_site.site):
        html = page.read_text(encoding="utf-8")
        links = our_links(html)
        if links == [FULL_CSS.rsplit("/", 1)[1]]:
            full += 1
            continue
        checked += 1
        present = classes_in(html)
        for name, needs in rules.items():
            matching = sorted(sorted(n) for n in needs if n <= present)
            assert not matching, (
                f"{page.relative_to(built_site.site)} uses rules of {name} ({matching[:3]}) "
                f"but links {links}"
            )
    # Both kinds exist: documents and Điểm mới pages get the full sheet, the home page not.
    assert checked > 10 and full > 10


def test_home_page_and_a_document_get_the_right_sheet(built_site):
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    document = (built_site.site / "van-ban/luat-06-2022/index.html").read_text(encoding="utf-8")
    assert our_links(home) == ["thidua-site.css"]
    assert our_links(document) == ["thidua-site-van-ban.css"]
