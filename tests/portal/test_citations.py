"""The pages people read most cite articles as links, not as plain text (issue 17, item 1).

For the 2024 guidance, Tiêu chí and Hỏi đáp: no "Điều N" of a document the portal holds
is left as plain text (``thidua.legal.lint.bare_mentions``, the check ``thidua check``
runs), and the built pages carry the citation links.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from thidua.legal.lint import bare_mentions
from thidua.legal.ref import parse
from thidua.legal.registry import collect_registry
from thidua_testing import ROOT

PAGES = {
    "docs/huong-dan/danh-gia-xep-loai-2024.md": "huong-dan/danh-gia-xep-loai-2024/index.html",
    "docs/tieu-chi/index.md": "tieu-chi/index.html",
    "docs/hoi-dap/index.md": "hoi-dap/index.html",
}
# The built pages of both languages, and how a plain mention reads in each.
BUILT = [
    *[(built, r"Điều\s+\d+") for built in PAGES.values()],
    *[("en/" + built, r"Article\s+\d+") for built in PAGES.values()],
]
_SUGGESTION = re.compile(r"\[\[(?P<ref>[^\]<>]+)\]\]")


@pytest.fixture(scope="module")
def registry():
    """The legal documents of docs/van-ban/ with their clauses."""
    found, _ = collect_registry(ROOT / "docs", cache={})
    return found


def on_the_portal(registry, citation: str) -> bool:
    """True if the citation ``[[…]]`` would resolve (the clause is on the portal)."""
    try:
        ref, kind = parse(citation)
        registry.resolve(ref, kind)
    except Exception:  # noqa: BLE001 - any refusal means "not on the portal"
        return False
    return True


@pytest.mark.parametrize("source", sorted(PAGES))
def test_no_bare_mention_of_a_clause_on_the_portal(registry, source: str):
    """Every "Điều N" whose clause the portal holds is a citation."""
    text = (ROOT / source).read_text(encoding="utf-8")
    left = []
    for problem in bare_mentions(text, source, registry):
        match = _SUGGESTION.search(problem.allowed)
        if match and on_the_portal(registry, match["ref"]):
            left.append(problem.message)
    assert left == []


class _Text(HTMLParser):
    """The article's text outside citations and the printed list of cited texts, and the
    number of citation links."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # open elements since a citation began (0: outside)
        self.links = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if "legal-cite__link" in classes:
            self.links += 1
        if self.depth or {"legal-cite", "legal-notes"} & set(classes):
            self.depth += 1 if tag not in _VOID else 0

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)  # a void element: nothing to close

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


_VOID = {"br", "img", "input", "hr", "wbr", "meta", "link"}


@pytest.mark.build
@pytest.mark.parametrize(("built", "mention"), BUILT)
def test_built_pages_link_their_citations(built_site, built: str, mention: str):
    """Citation links outnumber the plain mentions left (clauses not on the portal)."""
    html = (built_site.site / built).read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(html[html.index("<article") : html.index("</article>")])
    plain = len(re.findall(mention, " ".join(parser.parts)))
    assert parser.links >= 15, parser.links
    assert plain <= 2, (plain, parser.links)
