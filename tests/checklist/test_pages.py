"""The adapter's page list: paths, front matter and citation markers (no build)."""

from __future__ import annotations

from pathlib import Path

from thidua_testing import load_hook

ROOT = Path(__file__).resolve().parents[2]


def _hook():
    return load_hook("hook_checklist")


def test_pages_of_one_language(plan_vi, rules):
    pages = dict(_hook().pages(plan_vi, "vi", rules.labels))
    assert "tieu-chi/danh-sach/index.md" in pages
    assert "tieu-chi/danh-sach/lao-dong-tien-tien.md" in pages
    assert "tieu-chi/danh-sach/xep-loai-cong-chuc.md" in pages
    assert "tieu-chi/thang-danh-hieu.md" in pages
    assert "tieu-chi/thay-doi/index.md" in pages
    # One page per title, per role with a checklist and one for collectives on 100 points
    # (NĐ 233/2026 Điều 5–7, NĐ 335/2025): the page count stays small.
    assert len(pages) == 1 + 9 + 3 + 1 + 1 + 1
    collective = pages["tieu-chi/danh-sach/xep-loai-tap-the.md"]
    assert "[[Nghị định 233/2026/NĐ-CP Điều 7 khoản 1 điểm a]]" in collective
    assert "≥ 30 %" in collective and "0.3" not in collective
    viên_chức = pages["tieu-chi/danh-sach/xep-loai-vien-chuc.md"]
    assert "[[Nghị định 233/2026/NĐ-CP Điều 12 khoản 7]]" in viên_chức
    for src, text in pages.items():
        assert text.startswith("---\ntemplate: checklist.html\n---\n"), src
        assert "\n# " in text, src
    ldtt = pages["tieu-chi/danh-sach/lao-dong-tien-tien.md"]
    assert "[[Luật 06/2022/QH15 Điều 24 khoản 1 điểm a]]" in ldtt
    assert "### Ví dụ minh họa" in ldtt
    index = pages["tieu-chi/danh-sach/index.md"]
    assert 'data-year="2024" data-role="all" data-what="LDTT"' in index


def test_english_pages_keep_the_paths(plan_en, rules):
    pages = dict(_hook().pages(plan_en, "en", rules.labels))
    assert (
        "# Checklist: Advanced Worker (LĐTT)" in pages["tieu-chi/danh-sach/lao-dong-tien-tien.md"]
    )
    assert "# Title ladder" in pages["tieu-chi/thang-danh-hieu.md"]
    assert "Worked examples" in pages["tieu-chi/danh-sach/chien-si-thi-dua-co-so.md"]
