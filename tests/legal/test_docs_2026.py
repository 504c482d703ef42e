"""Content for the 2026 evaluation year (issue 11 item 6): NĐ 335/2025 and NĐ 152/2025 by
article, Luật 06/2026/QH16, the "Hướng dẫn năm 2026" guidance page and its links.

The anchors listed here are the ones the sources confirm (facts-2026 §2, §5); the criteria
data cites them ("Nghị định 335/2025/NĐ-CP Điều 20 khoản 4 điểm c"), so they must stay.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from thidua.legal.citations import find_citations
from thidua.legal.ref import parse
from thidua.legal.registry import Registry, collect_registry

ND_335 = "335/2025/NĐ-CP"
ND_152 = "152/2025/NĐ-CP"
ND_233 = "233/2026/NĐ-CP"
GUIDE = "huong-dan/danh-gia-xep-loai-2026"

ANCHORS_335 = (
    "dieu-1",
    "dieu-2",
    "dieu-12",
    "dieu-12-khoan-1",
    "dieu-12-khoan-2",
    "dieu-12-khoan-3",
    "dieu-13",
    "dieu-14",
    "dieu-14-khoan-1",
    "dieu-14-khoan-2",
    "dieu-14-khoan-2-diem-a",
    "dieu-14-khoan-2-diem-b",
    "dieu-14-khoan-2-diem-c",
    "dieu-15",
    "dieu-16",
    "dieu-20",
    "dieu-20-khoan-1",
    "dieu-20-khoan-2",
    "dieu-20-khoan-3",
    "dieu-20-khoan-4",
    "dieu-20-khoan-4-diem-a",
    "dieu-20-khoan-4-diem-b",
    "dieu-20-khoan-4-diem-c",
    "dieu-20-khoan-4-diem-d",
    "dieu-20-khoan-5",
    "dieu-20-khoan-5-diem-a",
    "dieu-20-khoan-5-diem-b",
    # The timing clause: kept for the citations already published, number unverified
    # (Điều 19 or Điều 21 depending on the source).
    "dieu-21",
    "dieu-23",
    "dieu-23-khoan-3",
    "dieu-26",
    "dieu-26-khoan-1",
)
# Parts of NĐ 335 whose number or content the sources do not confirm.
UNVERIFIED_335 = (
    "Điều 12 khoản 3",
    "Điều 13",
    "Điều 15",
    "Điều 16",
    "Điều 20 khoản 5 điểm b",
    "Điều 21",
)
VERIFIED_335 = (
    "Điều 12 khoản 1",
    "Điều 14 khoản 2 điểm b",
    "Điều 20 khoản 4 điểm c",
    "Điều 26 khoản 1",
)

ANCHORS_152 = (
    "dieu-4",
    "dieu-4-khoan-1",
    "dieu-4-khoan-4",
    "dieu-4-khoan-5",
    "dieu-4-khoan-6",
    "dieu-6",
    "dieu-6-khoan-2",
    "dieu-6-khoan-2-diem-c",
    "dieu-50",
    "dieu-50-khoan-1",
    "dieu-50-khoan-2",
    "dieu-59",
    "dieu-59-khoan-1",
    "dieu-59-khoan-2",
)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
OVERFLOW = """() => Array.from(document.querySelectorAll('.md-content, .admonition'))
  .filter((el) => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1)
  .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)"""


@pytest.fixture(scope="module")
def registry(root: Path) -> Registry:
    """The register of every document in docs/van-ban/ (no content error)."""
    found, errors = collect_registry(root / "docs")
    assert not errors, errors
    return found


def clause_anchors(registry: Registry, so_hieu: str) -> list[str]:
    """The Điều, khoản and điểm anchors of a document page, in page order."""
    return [unit.anchor for unit in registry.document(so_hieu).structure.clauses()]


def content(html: str) -> str:
    """The page's own content (navigation and header left out)."""
    start = html.index('<article class="md-content__inner')
    return html[start : html.index("</article>", start)]


# ---- sources -----------------------------------------------------------------------


def test_nd_335_has_exactly_the_confirmed_anchors(registry):
    assert clause_anchors(registry, ND_335) == list(ANCHORS_335)


def test_nd_335_marks_what_the_sources_do_not_confirm(registry):
    document = registry.document(ND_335)
    assert document.meta.tom_luoc
    for entry in UNVERIFIED_335:
        assert registry.is_unverified(document, parse(f"{ND_335} {entry}")[0]), entry
    for entry in VERIFIED_335:
        assert not registry.is_unverified(document, parse(f"{ND_335} {entry}")[0]), entry


def test_nd_335_timing_clause_states_the_number_conflict(root):
    text = (root / "docs/van-ban/nd-335-2025.md").read_text(encoding="utf-8")
    section = text[text.index("### Điều 21.") :]
    assert "Điều 19" in section and "chưa xác minh" in section


def test_nd_335_compares_with_nd_90(root):
    text = (root / "docs/van-ban/nd-335-2025.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---", 2)[1])
    assert front["so_sanh"]["voi"] == "90/2020/NĐ-CP"
    topics = [row["dan_chieu"] for row in front["so_sanh"]["diem_khac"]]
    assert "Điều 20 khoản 5 điểm a" in topics


def test_nd_152_has_exactly_the_confirmed_anchors(registry):
    assert clause_anchors(registry, ND_152) == list(ANCHORS_152)


def test_nd_152_replaces_nd_98_on_both_sides(registry):
    new, old = registry.document(ND_152), registry.document("98/2023/NĐ-CP")
    assert new.meta.ngay_hieu_luc.isoformat() == "2025-07-01"
    assert new.meta.ngay_ban_hanh.isoformat() == "2025-06-14"
    assert new.meta.relations["thay_the"] == ["98/2023/NĐ-CP"]
    assert old.meta.relations["bi_thay_the_boi"] == [ND_152]
    assert old.meta.tinh_trang == "het_hieu_luc_toan_bo"


def test_amending_law_and_circular_are_recorded_and_unverified(registry):
    amending = registry.document("06/2026/QH16")
    assert amending.meta.relations["sua_doi"] == ["06/2022/QH15"]
    assert registry.document("06/2022/QH15").meta.relations["duoc_sua_doi_boi"] == ["06/2026/QH16"]
    assert amending.unverified and amending.meta.chi_sieu_du_lieu
    circular = registry.document("15/2025/TT-BNV")
    assert sorted(circular.meta.relations["huong_dan"]) == ["06/2022/QH15", ND_152]
    assert circular.unverified
    # Its relation to TT 01/2024 is not confirmed: no "thay thế" either way.
    assert not circular.meta.relations.get("thay_the")
    assert not registry.document("01/2024/TT-BNV").meta.relations.get("bi_thay_the_boi")


@pytest.mark.parametrize("suffix", ["", ".en"])
def test_guidance_cites_nd_233_and_nd_335_clauses_that_resolve(root, registry, suffix):
    path = root / "docs" / f"{GUIDE}{suffix}.md"
    citations = find_citations(path.read_text(encoding="utf-8"), str(path))
    by_document: dict[str, set[str]] = {}
    for citation in citations:
        clause = registry.resolve(citation.ref, citation.kind, file=str(path), line=citation.line)
        by_document.setdefault(clause.document.so_hieu, set()).add(citation.ref.anchor)
    assert {"dieu-20-khoan-1", "dieu-19-khoan-2", "dieu-12-khoan-6-diem-b"} <= by_document[ND_233]
    assert {"dieu-20-khoan-4-diem-c", "dieu-20-khoan-5-diem-a", "dieu-14-khoan-2"} <= by_document[
        ND_335
    ]
    assert {"dieu-59-khoan-2", "dieu-4-khoan-5"} <= by_document[ND_152]


def test_guidance_is_in_the_nav_above_2024_with_an_english_name(root):
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:") :]
    assert nav.index(f"{GUIDE}.md") < nav.index("huong-dan/danh-gia-xep-loai-2024.md")
    assert "Hướng dẫn năm 2026: Guidance for 2026" in text


# ---- the built site ------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize(
    ("page", "anchors"), [("nd-335-2025", ANCHORS_335), ("nd-152-2025", ANCHORS_152)]
)
def test_built_document_pages_have_the_anchors(built_site, page, anchors):
    html = (built_site.site / "van-ban" / page / "index.html").read_text(encoding="utf-8")
    missing = [a for a in anchors if f'id="{a}"' not in html]
    assert not missing, missing


@pytest.mark.build
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_built_guidance_exists_and_links_resolve(built_site, prefix):
    site = built_site.site
    html = (site / prefix / GUIDE / "index.html").read_text(encoding="utf-8")
    body = content(html)
    targets = set(
        re.findall(r'href="(?:\.\./)+(van-ban/nd-(?:233-2026|335-2025)/)#([\w-]+)"', body)
    )
    assert ("van-ban/nd-233-2026/", "dieu-20-khoan-1") in targets
    assert ("van-ban/nd-335-2025/", "dieu-20-khoan-5-diem-a") in targets
    for folder, anchor in targets:
        page = (site / folder / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in page, (folder, anchor)
    # Unverified clauses carry the visible marker.
    assert "legal-unverified" in body


@pytest.mark.build
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_built_home_page_points_to_the_2026_guidance(built_site, prefix):
    for page in ("index.html", "huong-dan/index.html"):
        body = content((built_site.site / prefix / page).read_text(encoding="utf-8"))
        assert "danh-gia-xep-loai-2026/" in body, (prefix, page)
    home = content((built_site.site / prefix / "index.html").read_text(encoding="utf-8"))
    assert "danh-gia-xep-loai-2024" not in home


@pytest.mark.build
def test_built_print_page_and_comparison_include_2026(built_site):
    joined = (built_site.site / "huong-dan/in-toan-bo/index.html").read_text(encoding="utf-8")
    assert "Trả lời nhanh: năm 2026" in joined
    assert joined.index("năm 2026") < joined.index("năm 2024")
    comparison = built_site.site / "van-ban/diem-moi/nd-335-2025/index.html"
    html = comparison.read_text(encoding="utf-8")
    assert "90/2020/NĐ-CP" in html and "Tỷ lệ hoàn thành xuất sắc nhiệm vụ" in html
    index = (built_site.site / "van-ban/diem-moi/index.html").read_text(encoding="utf-8")
    assert 'href="nd-335-2025/"' in index


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize(
    "path",
    [f"/{GUIDE}/", f"/en/{GUIDE}/", "/", "/en/", "/van-ban/nd-335-2025/", "/van-ban/nd-152-2025/"],
)
def test_pages_have_no_wcag_violation_and_fit_a_phone(tab, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(site_url + path)
    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG}})
    found = [
        f"{v['id']}: {node['html'][:160]}"
        for v in result.response["violations"]
        for node in v["nodes"]
        if "md-nav" not in node["html"]  # Material's navigation, not ours
    ]
    assert not found, found
    assert tab.evaluate(OVERFLOW) == []
