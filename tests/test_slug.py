"""Vietnamese headings get ASCII anchors that do not change."""

from __future__ import annotations

import pytest
from thidua.slug import fold, slugify


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Quy trình đánh giá, xếp loại", "quy-trinh-danh-gia-xep-loai"),
        ("Danh hiệu thi đua", "danh-hieu-thi-dua"),
        ("ĐÁNH GIÁ CÁN BỘ", "danh-gia-can-bo"),
        ("Chiến sĩ thi đua cơ sở (CSTĐCS)", "chien-si-thi-dua-co-so-cstdcs"),
        ("Hỏi đáp   –   câu hỏi thường gặp", "hoi-dap-cau-hoi-thuong-gap"),
        ("Điều 24. Lao động tiên tiến", "dieu-24-lao-dong-tien-tien"),
    ],
)
def test_slugify_folds_vietnamese(heading, anchor):
    assert slugify(heading, "-") == anchor


def test_decomposed_input_gives_the_same_anchor():
    import unicodedata

    heading = "Thi đua, khen thưởng"
    assert slugify(unicodedata.normalize("NFD", heading), "-") == slugify(heading, "-")


def test_fold_keeps_ascii():
    assert fold("abc-123") == "abc-123"
