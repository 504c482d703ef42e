"""Every bad-layer message: file, line, key, what was found and what is allowed."""

from __future__ import annotations

import pytest
from thidua.layers import LayerError
from thidua.layers.loader import read_chain

from .support import FIXTURES, ROOT

# fixture → [(line, key, words of what was found, words of what is allowed), …]
CASES = {
    "tran-htxs-cao": [
        (15, "quy_tac[0].ty_le", ["0.25", "Nghị định 335/2025/NĐ-CP Điều 20 khoản 5 điểm a"],
         ["không quá 0.20", "only tighten"]),
    ],
    "ty-le-cstdcs-cao": [
        (14, "quy_tac[0].ty_le", ["0.20", "Nghị định 91/2017/NĐ-CP Điều 9 khoản 3"],
         ["không quá 0.15"]),
    ],
    "bo-tieu-chi": [
        (13, "quy_tac[0].loai", ["td.xep-loai-htt", "Luật 06/2022/QH15 Điều 24 khoản 1 điểm a"],
         ["không được bỏ"]),
    ],
    "ha-nguong": [
        (15, "quy_tac[0].gia_tri", ["85", "dg335.diem-90", "Nghị định 335/2025/NĐ-CP Điều 20"],
         ["90"]),
    ],
    "tieu-chi-la": [
        (14, "quy_tac[0].tieu_chi", ["td.khong-co", "unknown criterion"], ["criteria.yaml"]),
    ],
    "nhom-la": [
        (20, "quy_tac[0].nhom", ["nghien_cuu_vien", "unknown staff group"], ["giang_vien"]),
    ],
    "danh-hieu-la": [
        (16, "quy_tac[0].danh_hieu", ["CSTD_KHOA"], ["CSTDCS"]),
    ],
    "dieu-khoan-la": [
        (15, "quy_tac[0].can_cu", ["Điều 40"], ["15/QĐ-HVM"]),
        (16, "quy_tac[0].siet_chat", ["unknown national clause", "Điều 99"], ["docs/van-ban/"]),
    ],
    "can-cu-khac": [
        (15, "quy_tac[0].can_cu", ["Luật 06/2022/QH15 Điều 23", "own regulation"],
         ["15/QĐ-HVM"]),
        (16, "quy_tac[0].siet_chat", ["not a national text"], ["national clause"]),
    ],
    "vong-a": [(7, "tren", ["vong-a → vong-b → vong-a", "cycle"], ["does not lead back"])],
    "khoa-la": [
        (11, "ty_le_toi_da", ["unknown key"], ["quy_tac"]),
        (16, "quy_tac[0].han_muc", ["unknown key"], ["ty_le"]),
    ],
    "tren-la": [(7, "tren", ["khong-co"], ["none", "bo-mau"])],
    "chia-sai": [
        (18, "quy_tac[0].phan", ["32", "not 30"], ["30"]),
        (24, "quy_tac[1].vai_tro", ["cong_chuc", "Nghị định 233/2026/NĐ-CP Điều 20 khoản 1"],
         ["vien_chuc", "2026"]),
    ],
    "truong-trung": [(12, "truong_ho_so.score_total", ["national profile"], ["new field"])],
    "khoa-vuot": [(14, "quy_tac[0].ty_le", ["0.11", "hoc-vien-con"], ["0.10"])],
    "cap-nguoc": [(7, "tren", ["hoc-vien-con", "co_quan"], ["higher level"])],
    # The line of the '{' never closed (the parser only notices it on line 4).
    "cu-phap-sai": [(3, "(YAML)", ["expected"], ["valid YAML"])],
    "khac-ten": [(4, "id", ["ten-khac"], ["khac-ten"])],
}


def _errors(layer_id: str) -> list:
    with pytest.raises(LayerError) as raised:
        read_chain(ROOT, layer_id, folder=FIXTURES)
    return raised.value.errors


@pytest.mark.parametrize("layer_id", sorted(CASES))
def test_every_problem_is_reported_with_file_line_key(layer_id: str) -> None:
    errors = _errors(layer_id)
    expected = CASES[layer_id]
    assert len(errors) == len(expected), [e.message for e in errors]
    for error, (line, key, found, allowed) in zip(errors, expected, strict=True):
        assert error.file.startswith("tests/layers/fixtures/"), error.message
        assert error.line == line, error.message
        assert error.field == key, error.message
        for words in found:
            assert words in error.found, error.message
        for words in allowed:
            assert words in error.allowed, error.message
        assert "Traceback" not in error.message


def test_the_cycle_names_the_file_that_closes_it() -> None:
    (error,) = _errors("vong-a")
    assert error.file.endswith("vong-b.yaml")


def test_messages_are_vietnamese_first_then_english() -> None:
    (error,) = _errors("tran-htxs-cao")
    assert error.found.index("cao hơn") < error.found.index("above the law")
    assert error.allowed.index("chặt hơn") < error.allowed.index("tighten")


def test_every_fixture_is_covered() -> None:
    valid = {"bo-mau", "hoc-vien-con", "vong-b", "chi-giang-vien"}
    assert {p.stem for p in FIXTURES.glob("*.yaml")} - valid == set(CASES)
