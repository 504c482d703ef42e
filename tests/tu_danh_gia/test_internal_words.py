"""The scanner of test_no_internal_words.py finds what issue 12 saw on the page, and
leaves the words a reader is meant to see (no browser needed)."""

from __future__ import annotations

import pytest
from internal_words import leaks

SEEN_IN_ISSUE_12 = [
    ("vi", "Chưa đạt: dg.nghi.co-thai-san"),
    ("vi", "Đạt: quy-tac.danh-gia"),
    ("vi", "CSTD_BO: không có chuỗi"),
    ("vi", "HTXS thay cho sáng kiến (cstdcs_htxs_alternative)"),
    ("en", "score_total = 49.5"),
    ("vi", "Xóa <built-in method clear of dict object at 0x7f3a2c1b4e00>"),
    ("vi", "Tiêu chí chung — tot, tot, tot, dap_ung"),
    ("vi", "kỷ luật: discipline[0] hanh_chinh khien_trach"),
    ("en", "This page takes individual profiles only (subject: individual)"),
    ("en", "efficiency: tasks.efficiency = normal"),
    ("en", "rated NOT_CLASSIFIED"),
    ("en", "Rules applied: nd-90-2020+nd-48-2023"),
    ("vi", "Điểm: undefined"),
    ("en", "Score: NaN"),
    ("en", "[object Object]"),
    ("vi", "Lãnh đạo: None"),
    ("en", "Leader: True"),
    ("vi", "Nhiệm vụ: tasks"),
]
READER_WORDS = [
    ("vi", "Mức xếp loại: Hoàn thành xuất sắc nhiệm vụ (HTXS); HTT, HTNV, KHTNV, CSTT"),
    ("en", "Results of the duties and tasks assigned: Assigned 20; completed 20; total: 90 / 100"),
    ("en", "Months actually worked in the year = 5 (needs ≥ 6); Maternity leave: none"),
    ("en", "High efficiency; applied; an individual; Rules applied: Year 2024"),
    ("vi", "Căn cứ: Nghị định 90/2020/NĐ-CP Điều 8; thidua@hocvien-mau.edu.vn"),
]


@pytest.mark.parametrize(("lang", "text"), SEEN_IN_ISSUE_12)
def test_program_words_are_found(lang, text):
    assert leaks(text, lang), text


@pytest.mark.parametrize(("lang", "text"), READER_WORDS)
def test_reader_words_are_left(lang, text):
    assert not leaks(text, lang), [str(leak) for leak in leaks(text, lang)]
