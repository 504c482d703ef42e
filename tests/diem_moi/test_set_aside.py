"""A comparison page's big HTML blocks skip Markdown and come back unchanged (issue 16, item 6).

Markdown parsed the article table and the side-by-side texts tag by tag (md_in_html)
only to output them as they were. ``hook_diem_moi.set_aside`` now replaces each marked
block with a one-line comment before Markdown and ``put_back`` restores it in the HTML.
Compared here, byte for byte, with the plain form (the same page with the marker lines
removed, all through Markdown) on every comparison of the project and of the test
fixtures, in both languages, with the site's Markdown extensions.
"""

from __future__ import annotations

from pathlib import Path

import hook_diem_moi as hook
import pytest
from thidua.legal.diem_moi import build_comparisons
from thidua.legal.metadata import split_front_matter
from thidua.legal.registry import load_registry
from thidua_mkdocs import render
from thidua_testing import SET_ASIDE_MARKER_LINE, site_markdown

from .support import docs_copy

ROOT = Path(__file__).resolve().parents[2]
MARKER_LINE = SET_ASIDE_MARKER_LINE


_html = site_markdown


def _pages(docs: Path, lang: str):
    registry = load_registry(docs)
    for comparison in build_comparisons(registry, docs):
        context = hook.page_context(comparison, lambda src, anchor="": f"{src}#{anchor}", lang)
        text = render.template("diem-moi/page.html.j2", lang=lang, page=context).lstrip()
        _, body, _ = split_front_matter(text, hook.page_src(comparison))
        yield hook.page_src(comparison), body


def _same(docs: Path, lang: str) -> int:
    count = 0
    for src, body in _pages(docs, lang):
        aside, blocks = hook.set_aside(body)
        assert blocks, f"{src}: nothing set aside"
        assert "thidua:html" not in aside
        plain = _html(MARKER_LINE.sub("", body))
        assert hook.put_back(_html(aside), blocks) == plain, src
        count += 1
    return count


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_projects_comparison_pages_come_out_the_same(lang):
    assert _same(ROOT / "docs", lang) >= 3


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_fixture_comparisons_come_out_the_same(tmp_path, lang):
    """The fixtures hold one article of each status (added, removed, renumbered…)."""
    assert _same(docs_copy(tmp_path), lang) >= 1


def test_a_block_with_a_citation_marker_stays_in_the_markdown():
    text = "<!-- thidua:html -->\n<p>[[Điều 5]]</p>\n<!-- /thidua:html -->\n<p>x</p>\n"
    assert hook.set_aside(text) == ("<p>[[Điều 5]]</p>\n<p>x</p>\n", [])


def test_a_page_without_marked_blocks_is_left_alone():
    text = "# Điểm mới\n\n<div>\n<p>x</p>\n</div>\n"
    assert hook.set_aside(text) == (text, [])
    assert hook.put_back("<p>x</p>", []) == "<p>x</p>"
