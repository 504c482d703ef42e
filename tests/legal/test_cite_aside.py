"""Citation links kept away from Markdown, their words left in it, come back unchanged
(issue 16, item 6; ``thidua_mkdocs.cite_aside``).

Compared byte for byte with the plain form (every link's HTML in the Markdown) on every
page of the project, on the generated checklist and criteria-changes pages, and on
hand-written pages where a citation sits on a heading, an admonition's title, a table,
a list, emphasis, a footnote and raw HTML — with the site's Markdown extensions and
the abbreviations every page gets, in both languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from thidua.legal.citations import find_citations
from thidua.legal.metadata import split_front_matter
from thidua.legal.registry import load_registry
from thidua_mkdocs import legal as markup
from thidua_mkdocs.cite_aside import Pieces, on_title_line
from thidua_testing import load_hook, site_markdown

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = load_registry(ROOT / "docs")


def _href(src: str, anchor: str = "") -> str:
    return f"../{src.removesuffix('.md')}/#{anchor}" if anchor else f"../{src}"


def _both(body: str, lang: str, name: str = "page.md") -> tuple[str, str, int]:
    """(the page's HTML with links set aside then put back, the plain HTML, links set aside)."""
    found = find_citations(body, name)
    plain = markup.render_citations(body, REGISTRY, _href, name, lang, found).markdown
    aside = Pieces(body)
    cited = markup.render_citations(body, REGISTRY, _href, name, lang, found, aside).markdown
    return aside.put_back(site_markdown(cited)), site_markdown(plain), len(aside.pieces) // 2


HAND_WRITTEN = """# Trang [[06/2022/QH15 Điều 24]]

Căn cứ [[06/2022/QH15 Điều 24 khoản 1]] và *[[98/2023/NĐ-CP Điều 54]]*; NĐ-CP.

Tiêu đề [[06/2022/QH15 Điều 24 | Luật TĐKT]]
-------------------------------------------

!!! note "Lưu ý [[06/2022/QH15]]"
    Nội dung [[06/2022/QH15 Điều 24 khoản 1 | theo  khoản   1]] trong hộp.

| Cột | Căn cứ |
| --- | --- |
| a | [[06/2022/QH15 Điều 24 khoản 1]]; [[98/2023/NĐ-CP Điều 54]] |

- mục [[06/2022/QH15 Điều 24]][^1]
- **đậm [[98/2023/NĐ-CP]]**

<div class="x">[[06/2022/QH15 Điều 24]]</div>

[^1]: Chú thích [[06/2022/QH15 Điều 24 khoản 1]].
"""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_hand_written_citations_come_out_the_same(lang):
    kept, plain, count = _both(HAND_WRITTEN, lang)
    assert kept == plain
    assert count >= 7  # the heading, setext and admonition-title links are written in full


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_project_page_comes_out_the_same(lang):
    count = 0
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "[[" not in text:
            continue
        _, body, _ = split_front_matter(text, path.name)
        kept, plain, aside = _both(body, lang, path.name)
        assert kept == plain, path
        count += aside
    assert count > 100


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_generated_pages_come_out_the_same(lang):
    from thidua import checklist
    from thidua.criteria import load_rules

    hook = load_hook("hook_checklist")
    count = 0
    for src, text in hook.pages(checklist.plan(ROOT, lang), lang, load_rules(ROOT).labels):
        _, body, _ = split_front_matter(text, src)
        kept, plain, aside = _both(body, lang, src)
        assert kept == plain, src
        count += aside
    assert count > 100


def test_title_lines():
    text = '# A [[x]]\n\nB [[x]]\nC [[x]]\n===\n!!! note "[[x]]"\n    D [[x]]\n\nE [[x]]\n---\n'
    starts = [i for i in range(len(text)) if text.startswith("[[x]]", i)]
    assert [on_title_line(text, s) for s in starts] == [True, False, True, True, False, True]


def test_a_page_holding_a_private_use_character_keeps_its_links_in_full():
    body = "Biểu tượng \ue000 và [[06/2022/QH15 Điều 24]].\n"
    aside = Pieces(body)
    cited = markup.render_citations(
        body, REGISTRY, _href, "p.md", "vi", find_citations(body, "p.md"), aside
    )
    assert aside.pieces == [] and 'class="legal-cite"' in cited.markdown
    assert aside.put_back("<p>\ue000</p>") == "<p>\ue000</p>"


def test_put_back_leaves_characters_it_did_not_set():
    aside = Pieces("x")
    assert aside.wrap(0, "<a>", "chữ", "</a>") == "\ue000chữ\ue001"
    assert aside.put_back("\ue000chữ\ue001 \ue002") == "<a>chữ</a> \ue002"


@pytest.mark.parametrize("links", [1, 4, 5, 40])
def test_put_back_with_few_and_many_links(links):
    aside = Pieces("x")
    html = "".join(
        f"<p>{aside.wrap(0, f'<a{n}>', f'chữ {n}', f'</a{n}>')}</p>" for n in range(links)
    )
    assert (
        aside.put_back(html + "\uf000")
        == "".join(f"<p><a{n}>chữ {n}</a{n}></p>" for n in range(links)) + "\uf000"
    )


def test_a_piece_holding_a_private_use_character_is_put_back_as_it_is():
    aside = Pieces("x")
    html = aside.wrap(0, '<a title="\ue001">', "a", "</a>")
    assert aside.put_back(html) == '<a title="\ue001">a</a>'
