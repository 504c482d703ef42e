"""What a layer's own profile field allows is worded in the words files (issue 12).

``layers_problems`` of ``hooks/thidua/words/vi.yml`` and ``en.yml``; a problem carries the
Vietnamese text, then the English in brackets, as it did when the words were in code.
"""

from __future__ import annotations

import re

import pytest
from thidua import words
from thidua.layers import load_layer
from thidua.layers.apply import profile_problems

from .support import ROOT

APPLY = ROOT / "hooks/thidua/layers/apply.py"
VIETNAMESE = re.compile(
    "[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]", re.IGNORECASE
)
BASE = {"subject": "individual", "role": "cong_chuc", "evaluation_year": 2026}
SOURCE = "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 2 khoản 4"
PARTS = {"a": 1, "b": 1, "c": 1}


def _problem_code() -> str:
    """``profile_problems`` and ``_split_problems`` without docstrings and comments."""
    text = APPLY.read_text(encoding="utf-8")
    text = text[text.index("def profile_problems(") : text.index("def national_profile(")]
    text = re.sub(r'"""(?:.|\n)*?"""', "", text)
    return "\n".join(re.sub(r"(^|\s)#.*$", "", line) for line in text.splitlines())


def test_no_problem_words_in_the_code():
    code = _problem_code()
    assert VIETNAMESE.findall(code) == []
    assert re.findall(r"only in|only for|a whole number|staff group|a mapping|summing", code) == []


def test_every_problem_text_is_used():
    used = set(re.findall(r"_allowed\([\"'](\w+)[\"']", APPLY.read_text(encoding="utf-8")))
    for lang in words.LANGUAGES:
        assert set(words.group(lang, "layers_problems")) == used


@pytest.mark.parametrize(
    ("profile", "allowed"),
    [
        (
            {"subject": "collective", "nhom": "x"},
            "chỉ trong hồ sơ cá nhân (only in an individual profile)",
        ),
        (
            {**BASE, "nhom": "x"},
            "một nhóm của lớp quy chế (a staff group of the layer): giang_vien",
        ),
        ({**BASE, "bai_bao_khoa_hoc": -1}, "một số nguyên ≥ 0 (a whole number ≥ 0)"),
        (
            {**BASE, "role": "vien_chuc", "diem_chung_thanh_phan": {}},
            f"chỉ cho (only for) cong_chuc — {SOURCE}",
        ),
        (
            {**BASE, "diem_chung_thanh_phan": 5},
            "một bảng điểm a 0–12, b 0–10, c 0–8 (a mapping a 0–12, b 0–10, c 0–8) — " + SOURCE,
        ),
        (
            {**BASE, "diem_chung_thanh_phan": {**PARTS, "a": 13}},
            f"từ 0 đến 12 điểm (0 to 12) — {SOURCE}",
        ),
        (
            {**BASE, "diem_chung_thanh_phan": PARTS},
            "score_general và score_tasks, với tổng các phần bằng score_general "
            "(score_general + score_tasks, the parts summing to score_general)",
        ),
        (
            {**BASE, "diem_chung_thanh_phan": PARTS, "score_general": 20},
            f"các phần cộng lại bằng score_general (parts summing to score_general) — {SOURCE}",
        ),
    ],
)
def test_the_problem_texts_read_as_before(profile, allowed):
    found = profile_problems(load_layer(ROOT, "hoc-vien-mau"), profile)
    assert [problem.allowed for problem in found] == [allowed]
