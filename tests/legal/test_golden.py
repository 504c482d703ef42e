"""Golden HTML tests for clause anchors and citations (pymdown-extensions style).

Each ``golden/**/*.md`` is rendered without MkDocs — core + ``thidua_mkdocs.legal``
+ Python-Markdown with the site's extensions — and compared with the ``.html``
next to it after normalising whitespace. Documents live in ``golden/van-ban/``
(with the fixture documents); other pages cite them.

Regenerate the expected files after an intended change, then review the diff:

    .venv/bin/pytest tests/legal/test_golden.py --update-golden
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import markdown
import pytest
from thidua.legal.metadata import split_front_matter
from thidua.legal.registry import load_registry, page_title
from thidua.slug import slugify
from thidua_mkdocs import legal as markup

from .support import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.rglob("*.md"))
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
CONFIG = {"toc": {"permalink": True, "permalink_title": "Liên kết tới mục này", "slugify": slugify}}


def normalise(html: str) -> str:
    """Whitespace-insensitive form of the HTML."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    docs = tmp_path_factory.mktemp("golden") / "docs"
    shutil.copytree(FIXTURES / "van-ban", docs / "van-ban")
    shutil.copytree(GOLDEN, docs, dirs_exist_ok=True)
    for path in docs.rglob("*.html"):
        path.unlink()
    registry = load_registry(docs)
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8")
        _, body, offset = split_front_matter(text, src)
        registry.cite_page(body, f"docs/{src}", src, page_title(text, src), offset)
    return docs, registry


def render(case: Path, docs: Path, registry) -> str:
    src = case.relative_to(GOLDEN).as_posix()
    lang = "en" if src.endswith(".en.md") else "vi"
    here = posixpath.dirname(src)

    def href(target: str, anchor: str) -> str:
        fragment = f"#{anchor}" if anchor else ""
        if target == src:
            return fragment
        return posixpath.relpath(target, here or ".") + fragment

    _, body, _ = split_front_matter(case.read_text(encoding="utf-8"), src)
    document = registry.by_src_uri.get(src)
    if document is not None:
        body = markup.document_markdown(body, document, registry, href, lang)
    cited = markup.render_citations(body, registry, href, f"docs/{src}", lang)
    body = cited.markdown + "\n\n" + markup.notes_html(cited.notes, lang)
    html = markdown.markdown(body, extensions=EXTENSIONS, extension_configs=CONFIG)
    return markup.label_heading_links(html, document, lang) if document else html


@pytest.mark.parametrize("case", CASES, ids=[c.relative_to(GOLDEN).as_posix() for c in CASES])
def test_golden(case, site, update_golden):
    docs, registry = site
    html = render(case, docs, registry)
    expected = case.with_suffix(".html")
    if update_golden:
        expected.write_text(html + "\n", encoding="utf-8")
    assert expected.exists(), f"no {expected.name}: run with --update-golden"
    assert normalise(html) == normalise(expected.read_text(encoding="utf-8"))


def test_there_are_golden_cases_for_anchors_and_citations():
    names = {c.name for c in CASES}
    assert {"luat-09-2099.md", "trang-dan-chieu.md", "trang-dan-chieu.en.md"} <= names


def test_register_marker_only_on_a_line_of_its_own(site):
    _, registry = site
    text = f"A `{markup.MARKER}` b\n\n{markup.MARKER}\n"
    out = markup.fill_register(text, registry, lambda s, a: s, "en")
    assert out.startswith(f"A `{markup.MARKER}` b")
    assert out.count("<table>") == 1 and ">Status</th>" in out
