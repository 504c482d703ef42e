"""The top of a document page (issue 17 item 5): compact, folded, in the page's language.

A document with a long editors' introduction (two boxes and prose) and clauses cited by
a page is rendered without MkDocs (core + ``thidua_mkdocs.legal`` + Python-Markdown with
the site's extensions) in Vietnamese and in English and compared with
``golden/dau-trang/*.html``. Rewrite them after an intended change with
``.venv/bin/python -m pytest tests/legal/test_head.py --update-golden`` and review the diff.
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
from thidua_mkdocs import legal as markup

from .support import FIXTURES, write
from .test_golden import CONFIG, EXTENSIONS, normalise

GOLDEN = Path(__file__).parent / "golden" / "dau-trang"
DOCUMENT = """---
so_hieu: 07/2099/NĐ-CP
ten: Nghị định mẫu có phần giới thiệu dài (dữ liệu kiểm thử)
loai_van_ban: Nghị định
co_quan_ban_hanh: Chính phủ
nguoi_ky: Người Ký Mẫu
ngay_ban_hanh: 2099-09-01
ngay_hieu_luc: 2099-11-01
tinh_trang: con_hieu_luc
tom_luoc: true
huong_dan: ["01/2099/QH99"]
chua_xac_minh_truong: [tinh_trang]
---

# Nghị định mẫu có phần giới thiệu dài

!!! info "Bản tóm lược phục vụ tập huấn"
    Đây là bản tóm lược bằng lời của chúng tôi, không phải văn bản chính thức.

!!! warning "Những điểm chưa xác minh"
    Số thứ tự một số điều được suy ra, chưa đối chiếu với văn bản chính thức.

Nghị định được ban hành để hướng dẫn Luật mẫu; đoạn giới thiệu này dài như phần mở đầu của
các trang văn bản thật, với bối cảnh, hiệu lực và những văn bản liên quan cần đối chiếu.

## Chương I. Quy định chung

#### Điều 1. Phạm vi điều chỉnh

1. Nghị định này hướng dẫn Luật mẫu.

2. Khoản được dẫn chiếu từ một trang khác.
"""
CITING = """# Trang dẫn chiếu

Xem [[07/2099/NĐ-CP Điều 1 khoản 2]] và [[07/2099/NĐ-CP Điều 1 khoản 2 | khoản này]].
"""
# Letters only Vietnamese uses: none may be left in the English head outside lang="vi".
VIETNAMESE = re.compile(
    r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    docs = tmp_path_factory.mktemp("dau-trang") / "docs"
    shutil.copytree(FIXTURES / "van-ban", docs / "van-ban")
    write(docs, "van-ban/nd-07-2099.md", DOCUMENT)
    write(docs, "kiem-thu/index.md", CITING)
    registry = load_registry(docs)
    text = CITING
    _, body, offset = split_front_matter(text, "kiem-thu/index.md")
    registry.cite_page(
        body, "docs/kiem-thu/index.md", "kiem-thu/index.md", page_title(text, "x"), offset
    )
    return docs, registry


def render(site, lang: str) -> str:
    docs, registry = site
    src = "van-ban/nd-07-2099.md"

    def href(target: str, anchor: str) -> str:
        fragment = f"#{anchor}" if anchor else ""
        return fragment if target == src else posixpath.relpath(target, "van-ban") + fragment

    _, body, _ = split_front_matter(DOCUMENT, src)
    document = registry.by_src_uri[src]
    body = markup.document_markdown(body, document, registry, href, lang)
    return markdown.markdown(body, extensions=EXTENSIONS, extension_configs=CONFIG)


def head(html: str) -> str:
    """The page from its title to the first heading of the text."""
    return html.split('<h2 class="legal-chuong"', 1)[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_head_matches_golden(site, update_golden, lang):
    html = render(site, lang)
    expected = GOLDEN / f"nd-07-2099.{lang}.html"
    if update_golden:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(html + "\n", encoding="utf-8")
    assert normalise(html) == normalise(expected.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_everything_before_the_text_is_one_line_or_folded(site, lang):
    top = head(render(site, lang))
    # What shows before the text: the title, one line of facts, one note, two summaries.
    outside = re.sub(r"<details.*?</details>", "", top, flags=re.DOTALL)
    assert 'class="legal-panel"' not in outside and "admonition" not in outside
    assert outside.count("<p") == 2, outside
    assert re.search(r"<details class=\"legal-head__more\">\s*<summary>", top)
    intro = re.search(r'<details class="legal-intro">\s*<summary>(.*?)</summary>', top, re.S)
    assert intro and "Bản tóm lược phục vụ tập huấn; Những điểm chưa xác minh" in intro[1]
    # The boxes are still there, inside the fold, rendered as boxes.
    assert top.count('class="admonition ') == 2
    assert "<p>Đây là bản tóm lược" in top


def test_english_head_is_english(site):
    top = head(render(site, "en")).split("</h1>", 1)[1]  # the title is the document's
    # The editors' introduction is the document's own text (Vietnamese, lang="vi").
    top = re.sub(r'<div class="legal-intro__body" lang="vi">.*</details>', "", top, flags=re.S)
    visible = re.sub(r"<(\w+)[^>]*lang=\"vi\"[^>]*>.*?</\1>", "", top, flags=re.DOTALL)
    visible = visible.replace("NĐ-CP", "")  # a document number
    visible = re.sub(r"<[^>]+>", " ", visible)
    assert not VIETNAMESE.findall(visible), " ".join(visible.split())
    for label in ("Number", "Issued by", "Status", "Guides the implementation of", "Decree"):
        assert label in top
    assert "Introduction (Vietnamese)" in top
    assert "not verified against the official text" in top


@pytest.mark.parametrize(("lang", "label"), [("vi", "Được dẫn chiếu tại"), ("en", "Cited on")])
def test_cited_by_is_folded_per_clause_with_a_count(site, lang, label):
    html = render(site, lang)
    clause = html.split('id="dieu-1-khoan-2"', 1)[1]
    fold = re.search(r'<details class="legal-cited-by"[^>]*>\s*<summary>(.*?)</summary>', clause)
    assert fold and fold[1] == f"{label} (1)"
    assert "<details open" not in html


def test_english_permalinks_have_an_english_title():
    html = '<a class="headerlink" href="#a" title="Liên kết tới mục này">&para;</a>'
    assert 'title="Link to this section"' in markup.permalink_titles(html, "en")
    assert markup.permalink_titles(html, "vi") == html
