"""A checklist page's checklists skip Markdown and come back unchanged (issue 16, item 6).

Markdown parsed each checklist (``<ol class="checklist__lines">``) tag by tag
(md_in_html) only to output it as it was. ``hook_checklist.set_aside`` now replaces each
marked checklist, its citations already rendered by the legal hook, with a one-line
comment before Markdown, and ``put_back`` restores it in the HTML. Compared here, byte
for byte, with the plain form (the same page with the marker lines removed, all through
Markdown) on every generated page, in both languages, with the site's Markdown
extensions and the abbreviations every page gets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from thidua.legal.metadata import split_front_matter
from thidua.legal.registry import load_registry
from thidua_mkdocs import legal as markup
from thidua_testing import SET_ASIDE_MARKER_LINE, load_hook, site_markdown

ROOT = Path(__file__).resolve().parents[2]
MARKER_LINE = SET_ASIDE_MARKER_LINE


def _hook():
    return load_hook("hook_checklist")


_html = site_markdown


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_generated_page_comes_out_the_same(lang, rules, request):
    hook = _hook()
    plan = request.getfixturevalue(f"plan_{lang}")
    registry = load_registry(ROOT / "docs")
    set_aside_somewhere = 0
    for src, text in hook.pages(plan, lang, rules.labels):
        _, body, _ = split_front_matter(text, src)
        cited = markup.render_citations(
            body, registry, lambda s, a="": f"/{s}#{a}", src, lang
        ).markdown
        aside, blocks = hook.set_aside(cited)
        assert "thidua:html" not in aside, src
        set_aside_somewhere += len(blocks)
        assert hook.put_back(_html(aside), blocks) == _html(MARKER_LINE.sub("", cited)), src
    assert set_aside_somewhere >= 20


def test_a_checklist_with_a_citation_marker_left_stays_in_the_markdown():
    hook = _hook()
    text = "<!-- thidua:html -->\n<ol>\n<li>[[Điều 5]]</li>\n</ol>\n<!-- /thidua:html -->\n"
    assert hook.set_aside(text) == ("<ol>\n<li>[[Điều 5]]</li>\n</ol>\n", [])
    assert hook.put_back("<p>x</p>", []) == "<p>x</p>"
