"""Core pieces of "Điểm mới" without MkDocs: article texts, a comparison of the fixture
documents, the metadata-only predecessor, the relation diagram's layout."""

from __future__ import annotations

import pytest
from thidua.legal import diem_moi
from thidua.legal.registry import load_registry

from .support import docs_copy


@pytest.fixture
def registry_docs(tmp_path):
    docs = docs_copy(tmp_path)
    return load_registry(docs), docs


def test_article_text_is_complete_plain_and_ends_at_the_next_heading(tmp_path):
    docs = docs_copy(tmp_path)
    path = docs / "van-ban" / "luat-cu.md"
    text = path.read_text(encoding="utf-8") + (
        "\n### Điều 7. Bảng và trích dẫn\n\n"
        "| Danh hiệu | Hệ số |\n| --- | --- |\n| Lao động tiên tiến | 0,3 |\n\n"
        "<!-- trich-dan -->\nĐoạn **trích** dẫn [[01/2098/QH98 Điều 1 | Điều 1]].\n"
        "<!-- het-trich-dan -->\n\n- ý thứ nhất\n- ý thứ hai\n\n## Ghi chú\n\nKhông thuộc điều.\n"
    )
    path.write_text(text, encoding="utf-8")
    document = load_registry(docs).document("01/2098/QH98")
    last = diem_moi.articles(document)[-1]
    assert last.label == "Điều 7"
    assert last.title == "Bảng và trích dẫn"
    assert last.paragraphs == (
        "Danh hiệu | Hệ số",
        "Lao động tiên tiến | 0,3",
        "Đoạn trích dẫn Điều 1.",
        "ý thứ nhất",
        "ý thứ hai",
    )


def test_fixture_comparison_has_every_status(registry_docs):
    registry, docs = registry_docs
    comparison = {c.id: c for c in diem_moi.build_comparisons(registry, docs)}["luat-moi"]
    assert comparison.comparable and comparison.summaries
    rows = [
        (r.new and r.new.label, r.old and r.old.label, r.status, r.source) for r in comparison.pairs
    ]
    assert rows == [
        ("Điều 1", "Điều 1", "khong_doi", "tu_dong"),
        ("Điều 2", "Điều 2", "sua_doi", "tu_dong"),
        ("Điều 4", "Điều 3", "tuong_ung", "bien_tap"),  # not near-identical: corresponds
        ("Điều 6", None, "them", ""),
        (None, "Điều 5", "bo", ""),
    ]
    [difference] = comparison.config.differences
    assert difference.citation == "02/2099/QH99 Điều 4 khoản 2"
    assert difference.clause.anchor == "dieu-4-khoan-2"


def test_metadata_only_predecessor_is_not_compared_article_by_article(registry_docs):
    registry, docs = registry_docs
    comparison = {c.id: c for c in diem_moi.build_comparisons(registry, docs)}["nd-moi"]
    assert not comparison.comparable
    assert [(r.new.label, r.old, r.status) for r in comparison.pairs] == [
        ("Điều 1", None, "khong_so_sanh"),
        ("Điều 2", None, "khong_so_sanh"),
    ]
    assert comparison.counts()["khong_so_sanh"] == 2
    assert [d.unverified for d in comparison.config.differences] == [True]


def test_comparisons_are_cached_while_the_documents_are_the_same(registry_docs):
    registry, docs = registry_docs
    first = diem_moi.build_comparisons(registry, docs)
    again = diem_moi.build_comparisons(load_registry(docs), docs)
    assert again is first


def test_relation_diagram_layout(registry_docs):
    registry, _ = registry_docs
    diagram = diem_moi.relation_diagram(registry.document("01/2098/QH98"), registry)
    assert diagram is not None
    assert [(n.relation, n.document.so_hieu) for n in diagram.left] == [
        ("bi_thay_the_boi", "02/2099/QH99")
    ]
    assert diagram.right == []
    for node in diagram.nodes:
        assert node.x >= 0 and node.x + node.width <= diagram.width
        assert node.y >= 0 and node.y + node.height <= diagram.height
        assert diagram.centre.y <= node.middle <= diagram.centre.y + diagram.centre.height
    both = diem_moi.relation_diagram(registry.document("02/2099/QH99"), registry)
    assert [n.relation for n in both.right] == ["thay_the"]
    assert both.left == []


def test_a_document_without_relations_has_no_diagram(registry_docs):
    registry, _ = registry_docs
    assert diem_moi.relation_diagram(registry.document("04/2099/NĐ-CP"), registry) is not None
    lone = registry.document("01/2098/QH98")
    lone.relations = {}
    assert diem_moi.relation_diagram(lone, registry) is None


def test_wrap_cuts_long_titles_with_an_ellipsis():
    lines = diem_moi.wrap("một hai ba bốn năm sáu bảy tám chín mười", 10, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(len(line) <= 12 for line in lines)
    assert diem_moi.wrap("ngắn", 10, 2) == ["ngắn"]


def test_check_collects_the_problem_of_each_document(tmp_path):
    docs = docs_copy(tmp_path, 'so_sanh:\n  voi: "09/2098/QH98"\n')
    registry = load_registry(docs)
    errors = diem_moi.check_comparisons(registry, docs)
    assert [e.message.split(": ")[0] for e in errors] == ["docs/van-ban/luat-moi.md:10"]
    good = docs_copy(tmp_path / "ok")
    assert diem_moi.check_comparisons(load_registry(good), good) == []
