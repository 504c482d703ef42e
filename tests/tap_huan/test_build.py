"""Real builds of edited copies of the project: staleness marks and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from thidua_testing import build_project, copy_project

MODULE = "docs/tap-huan/luat-thi-dua-2022.md"
QUIZ = "docs/tap-huan/luat-thi-dua-2022.cau-hoi.yaml"


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def stale_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy: a clause cited by module 1 reworded, module 2's rule set replaced."""
    project = copy_project(tmp_path_factory.mktemp("stale") / "project")
    edit(
        project,
        "docs/van-ban/luat-06-2022.md",
        "a) Được đánh giá, xếp loại từ hoàn thành tốt nhiệm vụ trở lên.",
        "a) Được đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ.",
    )
    years = project / "data/criteria/years.yaml"
    text = years.read_text(encoding="utf-8")
    head, tail = text.split("\n  2026:\n", 1)
    tail = tail.replace("cong_chuc: nd-335-2025", "cong_chuc: nd-90-2020+nd-48-2023", 1)
    years.write_text(head + "\n  2026:\n" + tail, encoding="utf-8")
    out = project.parent / "site"
    result = build_project(project, out)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return out


def test_changed_clause_marks_module_slide_and_question(stale_site):
    html = (stale_site / "tap-huan/luat-thi-dua-2022/index.html").read_text(encoding="utf-8")
    assert "Chuyên đề này cần cập nhật" in html
    assert (
        "Nội dung điểm a khoản 1 Điều 24 Luật 06/2022/QH15 đã thay đổi so với lần đối chiếu trước."
        in html
    )
    assert "Trang này cần cập nhật" in html and "Câu này cần cập nhật" in html


def test_replaced_rule_set_marks_the_module(stale_site):
    html = (stale_site / "tap-huan/danh-gia-2026/index.html").read_text(encoding="utf-8")
    assert (
        "Năm 2026, công chức nay áp dụng bộ quy tắc khác với bộ quy tắc chuyên đề giảng dạy."
        in html
    )


def test_trainers_page_lists_what_needs_updating(stale_site):
    html = (stale_site / "tap-huan/giang-vien/index.html").read_text(encoding="utf-8")
    assert "Không có chuyên đề nào cần cập nhật" not in html
    assert html.count("— Cần cập nhật") >= 2
    assert "Câu 1: Tiêu chuẩn xếp loại tối thiểu" in html
    index = (stale_site / "tap-huan/index.html").read_text(encoding="utf-8")
    assert "<strong>Cần cập nhật</strong>" in index
    # The unchanged modules stay current.
    assert (
        "cần cập nhật"
        not in (stale_site / "tap-huan/sang-kien/index.html").read_text(encoding="utf-8").lower()
    )


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (QUIZ, "    dap_an: b\n", "", f"{QUIZ}:2: dap_an: no correct answer"),
        (
            QUIZ,
            "dap_an: [a, b, d]",
            "dap_an: [a, b, e]",
            f"{QUIZ}:21: dap_an: 'e' is not an option",
        ),
        (
            MODULE,
            "[[06/2022/QH15 Điều 24 khoản 4]]",
            "[[06/2022/QH15 Điều 24 khoản 9]]",
            f"{MODULE}:59: citation: [[06/2022/QH15 Điều 24 khoản 9]]",
        ),
        (MODULE, "thoi_luong: 45\n", "", f"{MODULE}:1: thoi_luong: missing"),
    ],
    ids=["no-correct-answer", "missing-option", "unresolved-citation", "missing-front-matter"],
)
def test_bad_input_fails_the_build_with_file_and_line(tmp_path, name, old, new, expected):
    project = copy_project(tmp_path / "project")
    edit(project, name, old, new)
    result = build_project(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in log, log[-3000:]
    assert "Traceback" not in log
