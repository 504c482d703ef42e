"""The register: resolution, relations both ways, unverified markers, reverse index."""

from __future__ import annotations

import pytest
from thidua.legal.ref import parse
from thidua.legal.registry import Citing, UnresolvedCitation, load_registry

from .support import write


@pytest.fixture
def registry(docs):
    return load_registry(docs)


def test_documents_are_read_from_the_folder(registry):
    assert sorted(d.so_hieu for d in registry.documents) == [
        "01/2099/QH99",
        "02/2099/NĐ-CP",
        "03/2098/NĐ-CP",
    ]
    doc = registry.document("01/2099/QH99")
    assert doc.id == "luat-01-2099" and doc.src_uri == "van-ban/luat-01-2099.md"
    assert doc.page_url == "van-ban/luat-01-2099/"


def test_an_empty_or_missing_folder_gives_an_empty_register(tmp_path):
    assert len(load_registry(tmp_path / "docs")) == 0


def test_relations_are_derived_both_ways(registry):
    old = registry.document("03/2098/NĐ-CP")
    law = registry.document("01/2099/QH99")
    assert old.relations["bi_thay_the_boi"] == ["02/2099/NĐ-CP"]
    assert law.relations["duoc_huong_dan_boi"] == ["02/2099/NĐ-CP"]
    assert law.relations["duoc_sua_doi_boi"] == ["02/2099/NĐ-CP"]


def test_resolve_clause_fields(registry):
    clause = registry.resolve_basis("Luật 01/2099/QH99 Điều 3 khoản 1 điểm đ")
    assert clause.document.so_hieu == "01/2099/QH99"
    assert clause.document.loai_van_ban == "Luật"
    assert clause.document.page_url == "van-ban/luat-01-2099/"
    assert clause.anchor == "dieu-3-khoan-1-diem-dd"
    assert clause.url == "van-ban/luat-01-2099/#dieu-3-khoan-1-diem-dd"
    assert clause.text == "đ) Có đạo đức tốt."
    assert clause.label == "điểm đ khoản 1 Điều 3 Luật 01/2099/QH99"
    assert clause.unverified is False


def test_vietnamese_order_and_whole_documents(registry):
    ref, kind = parse("điểm a khoản 1 Điều 3 Luật 01/2099/QH99")
    assert registry.resolve(ref, kind).anchor == "dieu-3-khoan-1-diem-a"
    whole = registry.resolve_basis("03/2098/NĐ-CP")
    assert whole.anchor == "" and whole.text.startswith("Nghị định mẫu cũ")


def test_unverified_clauses_and_their_children(registry):
    assert registry.resolve_basis("02/2099/NĐ-CP Điều 3").unverified
    assert registry.resolve_basis("02/2099/NĐ-CP Điều 3 khoản 1").unverified
    assert not registry.resolve_basis("02/2099/NĐ-CP Điều 1 khoản 1").unverified


def test_whole_document_unverified(docs):
    path = docs / "van-ban" / "nd-03-2098.md"
    text = path.read_text(encoding="utf-8").replace(
        "chi_sieu_du_lieu", 'chua_xac_minh: ["*"]\nchi_sieu_du_lieu'
    )
    path.write_text(text, encoding="utf-8")
    registry = load_registry(docs)
    assert registry.resolve_basis("03/2098/NĐ-CP").unverified


@pytest.mark.parametrize(
    ("text", "found", "nearest"),
    [
        ("01/2099/QH99 Điều 9", "has no Điều 9", "Điều 4, Điều 3, Điều 2"),
        ("01/2099/QH99 Điều 3 khoản 4", "has no khoản 4 Điều 3", "khoản 1 Điều 3, khoản 2 Điều 3"),
        ("01/2099/QH99 Điều 3 khoản 1 điểm g", "has no điểm g", "điểm a khoản 1 Điều 3"),
        ("01/2099/QH98 Điều 1", "no document 01/2099/QH98", "01/2099/QH99"),
    ],
)
def test_unresolved_references_name_the_nearest_clauses(registry, text, found, nearest):
    with pytest.raises(UnresolvedCitation) as info:
        registry.resolve_basis(text, file="docs/x.md", line=7)
    error = info.value
    assert error.message.startswith(f"docs/x.md:7: citation: {text}: ")
    assert found in error.found
    assert nearest in error.allowed


def test_clause_of_a_metadata_only_document_fails_whole_document_works(registry):
    with pytest.raises(UnresolvedCitation) as info:
        registry.resolve_basis("03/2098/NĐ-CP Điều 1")
    assert "chi_sieu_du_lieu: true" in info.value.found
    assert "[[03/2098/NĐ-CP]]" in info.value.allowed
    assert registry.resolve_basis("Nghị định 03/2098/NĐ-CP").document.id == "nd-03-2098"


def test_wrong_kind_word_is_reported(registry):
    with pytest.raises(UnresolvedCitation) as info:
        registry.resolve_basis("Nghị định 01/2099/QH99 Điều 1")
    assert "is a Luật" in info.value.found


def test_reverse_index_accepts_pages_and_other_sources(registry):
    clause = registry.resolve_basis("01/2099/QH99 Điều 3 khoản 1")
    registry.cite(clause, Citing("Hỏi đáp", "hoi-dap/index.md", line=3))
    registry.cite(clause, Citing("Hỏi đáp", "hoi-dap/index.md", line=9))  # same page once
    registry.cite(
        clause, Citing("Tiêu chí LĐTT", "tieu-chi/index.md", "lao-dong-tien-tien", "criterion")
    )
    cited = registry.cited_by(clause)
    assert [(c.title, c.kind) for c in cited] == [
        ("Hỏi đáp", "page"),
        ("Tiêu chí LĐTT", "criterion"),
    ]
    assert registry.cited_by(("01/2099/QH99", "dieu-3-khoan-1")) == cited
    assert registry.cited_by(registry.resolve_basis("01/2099/QH99 Điều 3")) == []


def test_cite_page_resolves_and_records(registry, docs):
    page = write(docs, "hoi-dap/index.md", "# Hỏi đáp\n\nTheo [[01/2099/QH99 Điều 2 khoản 1]].\n")
    resolved = registry.cite_page(
        page.read_text(encoding="utf-8"), "docs/hoi-dap/index.md", "hoi-dap/index.md", "Hỏi đáp"
    )
    assert [clause.anchor for _, clause in resolved] == ["dieu-2-khoan-1"]
    assert registry.cited_by(resolved[0][1])[0].src_uri == "hoi-dap/index.md"


def test_other_hooks_reach_the_register_of_the_current_pass(registry):
    from types import SimpleNamespace

    from thidua_mkdocs import legal as markup

    config = SimpleNamespace(plugins={})  # no i18n plugin: the default language
    markup.REGISTRIES["vi"] = registry
    try:
        assert markup.registry_for(config) is registry
    finally:
        del markup.REGISTRIES["vi"]


def test_page_titles():
    from thidua.legal.registry import page_title

    assert page_title("---\ntitle: Tiêu đề\n---\n# Khác\n", "x.md") == "Tiêu đề"
    assert page_title("# Hỏi **đáp** { #hd }\n\ntitle: không phải\n", "x.md") == "Hỏi đáp"
    assert page_title("Không có tiêu đề\n", "x.md") == "x.md"
