"""Snippets (``teaser``) and folder boosts of the search index, without a build (issue 17)."""

from __future__ import annotations

from thidua_mkdocs.search import boost
from thidua_mkdocs.search.index import augment
from thidua_mkdocs.search.teaser import add_teasers, blocks

SHARED = "<p>Đạt mọi dòng là đủ điều kiện đề nghị.</p>"


def entry(location: str, text: str, title: str = "T") -> dict:
    return {"location": location, "title": title, "text": text}


def test_blocks_keep_paragraphs_and_items_without_footnote_numbers():
    text = "Nhãn <p>Một câu.<sup>[5]</sup></p> <ul><li>Mục</li></ul> <p></p>"
    assert blocks(text) == ["Một câu.", "Mục"]


def test_pages_with_the_same_opening_show_their_own_lines():
    docs = [
        entry("a/", SHARED),
        entry("a/#x", "<p>Chung cho cả hai.</p><ol><li>Dòng riêng của A</li></ol>"),
        entry("b/", SHARED),
        entry("b/#x", "<p>Chung cho cả hai.</p><ol><li>Dòng riêng của B</li></ol>"),
        entry("c/", "<p>Mở đầu riêng.</p>"),
    ]
    add_teasers(docs)
    assert docs[0]["teaser"] == "<p>Dòng riêng của A</p>"
    assert docs[2]["teaser"] == "<p>Dòng riêng của B</p>"
    assert "teaser" not in docs[4] and "teaser" not in docs[1]
    assert docs[0]["text"] == SHARED  # still searchable as written


def test_an_untranslated_english_page_is_not_a_duplicate_of_its_source():
    docs = [entry("a/", SHARED), entry("en/a/", SHARED)]
    add_teasers(docs)
    assert all("teaser" not in doc for doc in docs)


def test_description_wins_and_form_pages_show_prose_only():
    docs = [
        entry("t/", "<p>Trả lời lần lượt các bước.</p>"),
        entry("t/#s-time", "Loại nghỉ —Nghỉ thai sảnNghỉ ốm đau <p>Từ 0 đến 12.</p>"),
        entry("t/#s-emulation", "Loại —Sáng kiếnĐề tài"),
    ]
    add_teasers(docs, {"t/": "Công cụ <tự> đánh giá"}, ["t/"])
    assert docs[0]["teaser"] == "<p>Công cụ &lt;tự&gt; đánh giá</p>"
    assert docs[1]["teaser"] == "<p>Từ 0 đến 12.</p>"
    assert docs[2]["teaser"] == ""


def test_augment_adds_teasers_and_is_idempotent():
    index = {"config": {"fields": {}}, "docs": [entry("a/", SHARED), entry("b/", SHARED)]}
    once = augment(index, descriptions={"a/": "Mô tả"})
    assert once["docs"][0]["teaser"] == "<p>Mô tả</p>"
    assert augment(once, descriptions={"a/": "Mô tả"}) == once


def test_folder_boost_and_a_pages_own_boost():
    meta: dict = {}
    boost.apply(meta, "bien-tap/ap-dung/")
    assert meta == {"search": {"boost": boost.FOLDER_BOOSTS["bien-tap/"]}}
    meta = {"search": {"boost": 2}}
    boost.apply(meta, "en/van-ban/diem-moi/nd-98-2023/")
    assert meta == {"search": {"boost": 2}}
    meta = {"search": {"exclude": False}}
    boost.apply(meta, "en/van-ban/diem-moi/nd-98-2023/")
    assert meta["search"] == {"exclude": False, "boost": boost.FOLDER_BOOSTS["van-ban/diem-moi/"]}
    meta = {}
    boost.apply(meta, "tieu-chi/")
    assert meta == {}
