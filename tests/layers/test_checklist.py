"""The layer's lines for the checklist pages ("Theo Quy chế …")."""

from __future__ import annotations

import re

from thidua.layers import load_layer
from thidua.layers.checklist import title_section

from .support import ROOT


def test_the_lecturers_line_says_where_it_comes_from() -> None:
    section = title_section(load_layer(ROOT, "hoc-vien-mau"), "CSTDCS", "vi")
    (line,) = section.parts[0].lines
    assert line.id == "lop-hoc-vien-mau-giang-vien-bai-bao"
    assert line.text.startswith(
        "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5 khoản 4: "
    )
    assert [c.basis for c in line.citations] == [
        "Quy chế 15/QĐ-HVM Điều 5 khoản 4", "Luật 06/2022/QH15 Điều 23"
    ]
    assert line.notes == ["Chỉ áp dụng cho: Giảng viên"]
    assert "15 %" in section.notes[0] and "Điều 5 khoản 3" in section.notes[0]


def test_english_lines() -> None:
    section = title_section(load_layer(ROOT, "hoc-vien-mau"), "CSTDCS", "en")
    assert section.parts[0].lines[0].text.startswith("Under ")
    assert section.parts[0].lines[0].notes == ["Applies only to: Lecturers"]


def test_a_title_the_layer_does_not_touch_has_no_section() -> None:
    assert title_section(load_layer(ROOT, "hoc-vien-mau"), "LDTT", "vi") is None


def test_the_checklist_pages_show_the_layer_lines_only_when_configured() -> None:
    from types import SimpleNamespace

    import hook_checklist

    def page_text(layer_id: str) -> str:
        config = SimpleNamespace(extra={"thidua": {"don_vi": {"lop_quy_che": layer_id}}})
        pages = dict(hook_checklist.rendered_pages(ROOT, config, "vi"))
        return pages["tieu-chi/danh-sach/chien-si-thi-dua-co-so.md"]

    national = page_text("none")
    layered = page_text("hoc-vien-mau")
    assert "Theo Quy chế" not in national
    assert 'id="lop-hoc-vien-mau-giang-vien-bai-bao"' in layered
    assert "[[Quy chế 15/QĐ-HVM Điều 5 khoản 4]]" in layered
    ids = re.compile(r'data-line="([^"]+)"')
    assert set(ids.findall(national)) < set(ids.findall(layered)), "national ids stay the same"
    assert "Theo Quy chế" not in page_text("none"), "the cached plan is not changed"


def test_an_unverified_clause_is_marked_on_the_line(fixture_layer) -> None:
    section = title_section(fixture_layer("chi-giang-vien"), "CSTDCS", "vi")
    (line,) = section.parts[0].lines
    assert [c.unverified for c in line.citations] == [False, True]
    assert line.unverified
