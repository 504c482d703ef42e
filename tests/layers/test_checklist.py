"""The layer's lines for the checklist pages ("Theo Quy chế …")."""

from __future__ import annotations

from conftest import ROOT
from thidua.layers import load_layer
from thidua.layers.checklist import title_section


def test_the_lecturers_line_says_where_it_comes_from() -> None:
    section = title_section(load_layer(ROOT, "hoc-vien-mau"), "CSTDCS", "vi")
    (line,) = section.parts[0].lines
    assert line.id == "lop-hoc-vien-mau-giang-vien-bai-bao"
    assert line.text.startswith(
        "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5 khoản 4: "
    )
    assert [c.basis for c in line.citations] == [
        "Quy chế 15/QĐ-HVM Điều 5 khoản 4", "Luật 06/2022/QH15 Điều 23 khoản 2"
    ]
    assert line.notes == ["Chỉ áp dụng cho: Giảng viên"]
    assert "15 %" in section.notes[0] and "Điều 5 khoản 3" in section.notes[0]


def test_english_lines() -> None:
    section = title_section(load_layer(ROOT, "hoc-vien-mau"), "CSTDCS", "en")
    assert section.parts[0].lines[0].text.startswith("Under ")
    assert section.parts[0].lines[0].notes == ["Applies only to: Lecturers"]


def test_a_title_the_layer_does_not_touch_has_no_section() -> None:
    assert title_section(load_layer(ROOT, "hoc-vien-mau"), "LDTT", "vi") is None
