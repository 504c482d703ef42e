"""Golden HTML of a small comparison and of a relation diagram (no MkDocs build).

The fixture documents ``fixtures/van-ban/luat-cu.md`` and ``luat-moi.md`` (one
article of each status) are compared by the core, rendered by the hook's context
functions and ``templates/diem-moi/``, citations by the legal markup, then
converted by Python-Markdown with the site's extensions. The result is compared with
``golden/*.html`` after normalising whitespace.

Regenerate after an intended change, then review the diff:

    .venv/bin/pytest tests/diem_moi/test_golden.py --update-golden
"""

from __future__ import annotations

import posixpath
import re

import hook_diem_moi as hook
import markdown
import pytest
from thidua.legal.diem_moi import build_comparisons
from thidua.legal.metadata import split_front_matter
from thidua.legal.registry import load_registry
from thidua.slug import slugify
from thidua_mkdocs import legal as markup
from thidua_mkdocs import render

from .support import GOLDEN, docs_copy

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
CONFIG = {"toc": {"permalink": True, "permalink_title": "Liên kết tới mục này", "slugify": slugify}}


def normalise(html: str) -> str:
    """Whitespace-insensitive form of the HTML."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def linker(here: str):
    """Directory-URL links from the page ``here`` (a src_uri) to other src_uris."""
    base = posixpath.dirname(here[: -len(".md")] + "/")

    def href(src_uri: str, anchor: str = "") -> str:
        path = src_uri[: -len(".md")]
        path = path[: -len("index")] if path.endswith("index") else f"{path}/"
        fragment = f"#{anchor}" if anchor else ""
        return posixpath.relpath(path, base) + "/" + fragment

    return href


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    docs = docs_copy(tmp_path_factory.mktemp("golden"))
    registry = load_registry(docs)
    return registry, {c.id: c for c in build_comparisons(registry, docs)}


def check(name: str, html: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(html, encoding="utf-8")
    assert path.exists(), f"missing {path}; run with --update-golden"
    assert normalise(html) == normalise(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", ["luat-moi", "nd-moi"])
def test_comparison_page(setup, page, lang, update_golden):
    registry, comparisons = setup
    src = f"van-ban/diem-moi/{page}.md"
    href = linker(src)
    context = hook.page_context(comparisons[page], href, lang)
    text = render.template("diem-moi/page.html.j2", lang=lang, page=context).lstrip()
    meta, body, _ = split_front_matter(text, src)
    assert meta["title"].startswith("Điểm mới" if lang == "vi" else "What's new")
    body, blocks = hook.set_aside(body)  # as on_files does; on_page_content puts them back
    assert blocks, "the big HTML blocks skip Markdown"
    cited = markup.render_citations(body, registry, lambda s, a: href(s, a), src, lang)
    html = markdown.markdown(cited.markdown, extensions=EXTENSIONS, extension_configs=CONFIG)
    check(f"{page}.{lang}.html", hook.put_back(html, blocks), update_golden)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_relation_diagram(setup, lang, update_golden):
    registry, comparisons = setup
    hook._COMPARISONS[lang] = list(comparisons.values())
    document = registry.document("02/2099/QH99")
    context = hook.diagram_context(document, registry, linker(document.src_uri), lang)
    html = render.template("diem-moi/luoc-do.html.j2", lang=lang, d=context)
    check(f"luoc-do.{lang}.html", html, update_golden)
