"""Structure of legal texts: anchors for Phần, Chương, Mục, Điều, khoản, điểm; numbering checks."""

from __future__ import annotations

import pytest
from thidua.errors import ContentError
from thidua.legal.structure import parse_structure, plain, roman_value, to_roman

TEXT = """\
# Luật

## Phần thứ nhất. Chung

## Chương I. Quy định chung

### Mục 1. Phạm vi

#### Điều 1. Phạm vi

1. Khoản một.

a) Điểm a;

đ) Điểm đ, trong một bản tóm lược.

### Mục 2. Đối tượng

#### Điều 2. Đối tượng

Nội dung.

## Chương II. Danh hiệu

### Mục 1. Cá nhân

#### Điều 3. Danh hiệu

1. Một.

2. Hai.
"""


def _anchors(text: str, summary: bool = True) -> list[str]:
    structure = parse_structure(text.splitlines(), "x.md", 0, summary, "06/2022/QH15")
    return [unit.anchor for unit in structure.units]


def test_anchor_scheme():
    assert _anchors(TEXT) == [
        "phan-i",
        "chuong-i",
        "chuong-i-muc-1",
        "dieu-1",
        "dieu-1-khoan-1",
        "dieu-1-khoan-1-diem-a",
        "dieu-1-khoan-1-diem-dd",
        "chuong-i-muc-2",
        "dieu-2",
        "chuong-ii",
        "chuong-ii-muc-1",
        "dieu-3",
        "dieu-3-khoan-1",
        "dieu-3-khoan-2",
    ]


def test_units_carry_refs_labels_and_previews():
    structure = parse_structure(TEXT.splitlines(), "x.md", 0, True, "06/2022/QH15")
    unit = structure.by_anchor["dieu-1-khoan-1-diem-dd"]
    assert unit.ref.basis("Luật") == "Luật 06/2022/QH15 Điều 1 khoản 1 điểm đ"
    assert unit.label == "điểm đ khoản 1 Điều 1"
    assert unit.text == "đ) Điểm đ, trong một bản tóm lược."
    khoan = structure.by_anchor["dieu-1-khoan-1"]
    assert khoan.text == "1. Khoản một. a) Điểm a; đ) Điểm đ, trong một bản tóm lược."
    assert structure.by_anchor["dieu-2"].text == "Điều 2. Đối tượng Nội dung."


def test_quoted_articles_get_no_anchor_and_no_numbering_check():
    text = """\
#### Điều 1. Sửa đổi

1. Sửa đổi Điều 5 như sau:

<!-- trich-dan -->
#### Điều 5. Trích dẫn

1. Một.

1. Một lần nữa.
<!-- het-trich-dan -->

2. Khoản hai.
"""
    assert _anchors(text, summary=False) == ["dieu-1", "dieu-1-khoan-1", "dieu-1-khoan-2"]


def test_lists_outside_articles_and_code_are_not_clauses():
    text = "1. Mục lục\n\n```\n#### Điều 9. Mẫu\n```\n\n#### Điều 1. A\n\n- a) không phải điểm\n"
    assert _anchors(text) == ["dieu-1"]


def test_a_plain_heading_ends_the_article():
    assert _anchors("#### Điều 1. A\n\n## Ghi chú\n\n1. Danh sách thường.\n") == ["dieu-1"]


def _error(text: str, summary: bool = False) -> ContentError:
    with pytest.raises(ContentError) as info:
        parse_structure(text.splitlines(), "docs/van-ban/x.md", 10, summary, "1/2020/NĐ-CP")
    return info.value


def test_article_numbered_twice():
    error = _error("#### Điều 4. A\n\n#### Điều 5. B\n\n#### Điều 5. C\n", summary=True)
    assert error.message.startswith("docs/van-ban/x.md:15: Điều: 'Điều 5' numbered twice")
    assert "(also on line 13)" in error.found and "increasing order" in error.allowed


def test_khoan_out_of_order_even_in_a_summary():
    error = _error("#### Điều 1. A\n\n2. Hai.\n\n1. Một.\n", summary=True)
    assert error.line == 15 and error.field == "khoản"
    assert "'khoản 1' in Điều 1 after 'khoản 2' (line 13)" in error.found


def test_gap_in_a_full_text():
    error = _error("#### Điều 1. A\n\n1. Một.\n\n3. Ba.\n")
    assert error.line == 15 and "'khoản 3' in Điều 1 where 'khoản 2' is expected" in error.found
    assert "tom_luoc: true" in error.allowed


def test_gap_allowed_in_a_summary():
    structure = parse_structure(
        "#### Điều 1. A\n\n1. Một.\n\n3. Ba.\n\n#### Điều 7. B\n".splitlines(), "x", 0, True
    )
    assert [u.anchor for u in structure.units][-1] == "dieu-7"


def test_diem_order_and_diem_outside_khoan():
    error = _error("#### Điều 1. A\n\n1. Một.\n\na) A.\n\nđ) Đ.\n")
    assert "'điểm đ' in khoản 1 Điều 1 where 'điểm b' is expected" in error.found
    error = _error("#### Điều 1. A\n\nb) B.\n")
    assert error.field == "điểm" and "before any khoản" in error.found


def test_mục_numbered_again_in_each_chương_and_checked_per_chương():
    error = _error("## Chương I. A\n\n### Mục 1. X\n\n### Mục 1. Y\n")
    assert "in Chương I" in error.found


def test_unclosed_quotation():
    error = _error("#### Điều 1. A\n\n<!-- trich-dan -->\n1. X\n")
    assert error.field == "trich-dan" and error.line == 13


def test_roman_numerals():
    assert [roman_value(t) for t in ["I", "IV", "IX", "XIV", "XL"]] == [1, 4, 9, 14, 40]
    assert to_roman(14) == "XIV"


def test_plain_text_of_markdown():
    assert plain("**Đậm** và [liên kết](x.md) theo [[06/2022/QH15 Điều 2 | Điều 2]]") == (
        "Đậm và liên kết theo Điều 2"
    )


def test_headings_that_only_look_like_structure():
    text = "## Phần lý do\n\n## Phần V. Năm\n\n#### Điều 1. A\n"
    assert _anchors(text) == ["phan-v", "dieu-1"]
