"""The module format, quizzes and staleness in plain Python (thidua.tap_huan)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from thidua.errors import ContentError
from thidua.legal import load_registry
from thidua.tap_huan import load_program, recorded_fingerprints
from thidua.tap_huan.module import split_slides
from thidua.tap_huan.stale import CHANGED, NOT_IN_FORCE, REPLACED, RULES, UNCOMPARED
from thidua_testing import ROOT

MODULE = """---
muc_tieu: [Hiểu tiêu chuẩn Lao động tiên tiến.]
doi_tuong: Người làm công tác thi đua
thoi_luong: 30
van_ban: ["06/2022/QH15"]
{extra}---

# Thử

Mở đầu.

## Tiêu chuẩn

Xếp loại từ hoàn thành tốt nhiệm vụ [[06/2022/QH15 Điều 24 khoản 1 điểm a]].

!!! ghi-chu
    Ghi chú.

---

Phần tiếp.

## Cũ

Văn bản cũ [[90/2020/NĐ-CP Điều 2]].
"""

QUIZ = """cau_hoi:
  - loai: mot_lua_chon
    hoi: Mức tối thiểu?
    lua_chon: {a: Hoàn thành nhiệm vụ, b: Hoàn thành tốt nhiệm vụ}
    dap_an: b
    giai_thich: {a: Chưa đủ., b: Đúng.}
    can_cu: ["06/2022/QH15 Điều 24 khoản 1 điểm a"]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the real legal documents and year table, and one module."""
    shutil.copytree(ROOT / "docs" / "van-ban", tmp_path / "docs" / "van-ban")
    shutil.copytree(ROOT / "data" / "criteria", tmp_path / "data" / "criteria")
    folder = tmp_path / "docs" / "tap-huan"
    folder.mkdir()
    (folder / "thu.md").write_text(MODULE.format(extra=""), encoding="utf-8")
    (folder / "thu.cau-hoi.yaml").write_text(QUIZ, encoding="utf-8")
    return tmp_path


def program(project: Path):
    return load_program(project, load_registry(project / "docs"))


def error(project: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        program(project)
    return caught.value


def test_slides_split_at_headings_and_marker():
    slides = split_slides(MODULE.format(extra="").split("---\n", 2)[2], 7, "m.md")
    assert [s.title for s in slides] == ["Thử", "Tiêu chuẩn", "Tiêu chuẩn", "Cũ"]
    assert [s.has_notes for s in slides] == [False, True, False, False]
    assert slides[1].citations[0].line == 7 + 8


def test_the_real_program_loads_with_every_module_and_quiz():
    loaded = load_program(ROOT, load_registry(ROOT / "docs"))
    slugs = {e.module.slug for e in loaded.entries if e.module.lang == "vi"}
    assert slugs >= {
        "luat-thi-dua-2022",
        "danh-gia-2026",
        "ket-hop-binh-xet",
        "ho-so-khen-thuong",
        "sang-kien",
        "quy-che-don-vi",
    }
    assert {e.module.slug for e in loaded.entries if e.module.lang == "en"} >= {
        "luat-thi-dua-2022",
        "ket-hop-binh-xet",
    }
    kinds = {i.kind for e in loaded.entries for i in e.quiz.items}
    assert kinds == {"mot_lua_chon", "nhieu_lua_chon", "dung_sai"}


def test_replaced_document_and_uncompared_clause_are_stale(project):
    entry = program(project).entries[0]
    old = entry.slide_reasons[3]
    assert old[0].kind == REPLACED and "90/2020" in old[0].subject and "233/2026" in old[0].detail
    assert {r.kind for r in entry.slide_reasons[1]} == {UNCOMPARED}
    assert entry.stale


def test_recorded_wording_then_a_changed_clause(project):
    loaded = program(project)
    lock = recorded_fingerprints(loaded)
    text = "".join(f'"{k}": "{v}"\n' for k, v in lock.items())
    (project / "docs" / "tap-huan" / "doi-chieu.yaml").write_text(text, encoding="utf-8")
    assert 1 not in program(project).entries[0].slide_reasons
    law = project / "docs" / "van-ban" / "luat-06-2022.md"
    before = law.read_text(encoding="utf-8")
    after = before.replace(
        "a) Được đánh giá, xếp loại từ hoàn thành tốt nhiệm vụ trở lên.",
        "a) Được đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ.",
    )
    assert after != before, "the cited clause's wording is no longer in the law's page"
    law.write_text(after, encoding="utf-8")
    entry = program(project).entries[0]
    # .get: a check that misses the change fails here with the reasons it did find
    assert [r.kind for r in entry.slide_reasons.get(1, [])] == [CHANGED]
    assert [r.kind for r in entry.quiz.items[0].stale] == [CHANGED]


def test_document_no_longer_in_force(project):
    law = project / "docs" / "van-ban" / "luat-06-2022.md"
    law.write_text(
        law.read_text(encoding="utf-8").replace(
            "tinh_trang: con_hieu_luc", "tinh_trang: het_hieu_luc_toan_bo", 1
        ),
        encoding="utf-8",
    )
    entry = program(project).entries[0]
    assert NOT_IN_FORCE in {r.kind for r in entry.reasons}


def test_rule_set_replaced_in_the_year_table(project):
    module = project / "docs" / "tap-huan" / "thu.md"
    extra = "quy_tac:\n  - {nam: 2026, nhom: vien_chuc, bo: nd-90-2020+nd-48-2023}\n"
    module.write_text(MODULE.format(extra=extra), encoding="utf-8")
    years = (project / "data" / "criteria" / "years.yaml").read_text(encoding="utf-8")
    reasons = program(project).entries[0].reasons
    current_2026_vien_chuc = "vien_chuc: nd-90-2020+nd-48-2023" in years.split("2026:")[1]
    assert (RULES in {r.kind for r in reasons}) is not current_2026_vien_chuc
    module.write_text(MODULE.format(extra=extra.replace("2026", "2024")), encoding="utf-8")
    assert RULES not in {r.kind for r in program(project).entries[0].reasons}


def test_module_without_front_matter(project):
    module = project / "docs" / "tap-huan" / "thu.md"
    module.write_text("# Thử\n\nKhông có phần đầu.\n", encoding="utf-8")
    found = error(project)
    assert (found.file, found.line) == ("docs/tap-huan/thu.md", 1)
    assert "muc_tieu" in found.message


def test_front_matter_problems_name_the_line_of_the_page(project):
    # The front matter is read once, its lines the page's: line 1 is the '---'.
    module = project / "docs" / "tap-huan" / "thu.md"
    module.write_text(MODULE.format(extra="thu_tu: [1\n"), encoding="utf-8")
    found = error(project)
    assert (found.file, found.line, found.field) == ("docs/tap-huan/thu.md", 6, "front matter")
    too_short = MODULE.format(extra="").replace("thoi_luong: 30", "thoi_luong: 3")
    module.write_text(too_short, encoding="utf-8")
    found = error(project)
    assert (found.line, found.field) == (4, "thoi_luong")
    module.write_text(MODULE.format(extra="nam: 2026\n"), encoding="utf-8")
    found = error(project)
    assert (found.line, found.field, found.found) == (6, "nam", "unknown field")
    module.write_text("---\n---\n\n# Thử\n", encoding="utf-8")
    found = error(project)
    assert (found.line, found.field) == (2, "front matter")


def test_module_missing_one_field(project):
    module = project / "docs" / "tap-huan" / "thu.md"
    module.write_text(MODULE.format(extra="").replace("thoi_luong: 30\n", ""), encoding="utf-8")
    found = error(project)
    assert found.field == "thoi_luong" and found.found == "missing"


def test_quiz_without_a_correct_answer(project):
    quiz = project / "docs" / "tap-huan" / "thu.cau-hoi.yaml"
    quiz.write_text(QUIZ.replace("    dap_an: b\n", ""), encoding="utf-8")
    found = error(project)
    assert (found.file, found.line, found.field) == ("docs/tap-huan/thu.cau-hoi.yaml", 2, "dap_an")
    assert "no correct answer" in found.message


def test_answer_key_naming_a_missing_option(project):
    quiz = project / "docs" / "tap-huan" / "thu.cau-hoi.yaml"
    quiz.write_text(QUIZ.replace("dap_an: b", "dap_an: c"), encoding="utf-8")
    found = error(project)
    assert (found.line, found.field) == (5, "dap_an")
    assert "'c' is not an option" in found.message and "a, b" in found.message


def test_every_question_with_a_problem_is_reported_at_once(project):
    # The quiz's one question twice (lines 2–6 without its answer, then 7–12 whose
    # answer on line 10 names no option): both reported.
    quiz = project / "docs" / "tap-huan" / "thu.cau-hoi.yaml"
    second = QUIZ.removeprefix("cau_hoi:\n").replace("dap_an: b", "dap_an: c")
    quiz.write_text(QUIZ.replace("    dap_an: b\n", "") + second, encoding="utf-8")
    found = error(project)
    assert [(e.file, e.line, e.field) for e in found.errors] == [
        ("docs/tap-huan/thu.cau-hoi.yaml", 2, "dap_an"),
        ("docs/tap-huan/thu.cau-hoi.yaml", 10, "dap_an"),
    ]
    assert "no correct answer" in found.message and "'c' is not an option" in found.message


def test_unresolved_citation_in_a_slide(project):
    module = project / "docs" / "tap-huan" / "thu.md"
    module.write_text(
        MODULE.format(extra="").replace("Điều 24 khoản 1 điểm a", "Điều 240"), encoding="utf-8"
    )
    found = error(project)
    assert (found.file, found.line) == ("docs/tap-huan/thu.md", 14)
    assert "Điều 240" in found.message


def test_unresolved_citation_in_a_quiz(project):
    quiz = project / "docs" / "tap-huan" / "thu.cau-hoi.yaml"
    quiz.write_text(
        QUIZ.replace('["06/2022/QH15 Điều 24 khoản 1 điểm a"]', '["06/2022/QH15 Điều 99"]'),
        encoding="utf-8",
    )
    found = error(project)
    assert (found.file, found.line) == ("docs/tap-huan/thu.cau-hoi.yaml", 2)


def test_missing_explanation(project):
    quiz = project / "docs" / "tap-huan" / "thu.cau-hoi.yaml"
    quiz.write_text(QUIZ.replace("a: Chưa đủ., ", ""), encoding="utf-8")
    found = error(project)
    assert found.field == "giai_thich" and "no explanation for a" in found.message


def _two_questions(project: Path) -> None:
    """Question 1 (lines 2–6) without an answer and with an empty basis (line 6); question 2
    (lines 7–12) whose answer on line 10 names no option: three problems."""
    quiz = project / "docs" / "tap-huan" / "thu.cau-hoi.yaml"
    first = QUIZ.replace("    dap_an: b\n", "").replace(
        '["06/2022/QH15 Điều 24 khoản 1 điểm a"]', "[]"
    )
    second = QUIZ.removeprefix("cau_hoi:\n").replace("dap_an: b", "dap_an: c")
    quiz.write_text(first + second, encoding="utf-8")


def test_every_problem_of_each_question_is_reported_at_once(project):
    _two_questions(project)
    found = error(project)
    assert [(e.file, e.line, e.field) for e in found.errors] == [
        ("docs/tap-huan/thu.cau-hoi.yaml", 2, "dap_an"),
        ("docs/tap-huan/thu.cau-hoi.yaml", 6, "can_cu"),
        ("docs/tap-huan/thu.cau-hoi.yaml", 10, "dap_an"),
    ]
    assert [e.found for e in found.errors] == ["no correct answer", "[]", "'c' is not an option"]
    assert "the clauses the answer rests on" in found.errors[1].allowed


def test_thidua_check_prints_every_problem_of_the_quiz(project, capsys):
    import argparse

    from thidua.commands import check

    _two_questions(project)
    assert check.run(argparse.Namespace(root=project, strict=False)) == 1
    printed = capsys.readouterr().err
    assert "docs/tap-huan/thu.cau-hoi.yaml: 3 lỗi" in printed
    for line in ("dòng 2: dap_an: no correct answer", "dòng 6: can_cu: []"):
        assert line in printed
    assert "dòng 10: dap_an: 'c' is not an option" in printed


def test_a_question_of_an_unknown_kind_still_has_its_other_problems_reported(project):
    quiz = project / "docs" / "tap-huan" / "thu.cau-hoi.yaml"
    bad = QUIZ.replace("loai: mot_lua_chon", "loai: tu_luan").replace("hoi: Mức", "hoj: Mức")
    quiz.write_text(bad.replace("dap_an: b", "dap_an: c"), encoding="utf-8")
    found = error(project)
    assert [(e.line, e.field, e.found) for e in found.errors] == [
        (3, "hoj", "unknown field"),
        (2, "loai", "'tu_luan'"),
        (2, "hoi", "missing"),
        (5, "dap_an", "'c' is not an option"),
    ]


def test_every_problem_of_a_module_front_matter_at_once(project):
    module = project / "docs" / "tap-huan" / "thu.md"
    text = MODULE.format(extra="thu_tu: dau\nnam: 2026\n")
    text = text.replace("thoi_luong: 30", "thoi_luong: 3").replace(
        'van_ban: ["06/2022/QH15"]\n', ""
    )
    module.write_text(text, encoding="utf-8")
    found = error(project)
    assert [(e.line, e.field, e.found) for e in found.errors] == [
        (1, "van_ban", "missing"),
        (6, "nam", "unknown field"),
        (4, "thoi_luong", "3"),
        (5, "thu_tu", "'dau'"),
    ]


def test_every_module_with_a_problem_is_reported(project):
    folder = project / "docs" / "tap-huan"
    (folder / "hai.md").write_text(
        MODULE.format(extra="").replace("thoi_luong: 30", "thoi_luong: 0"), encoding="utf-8"
    )
    (folder / "thu.md").write_text(MODULE.format(extra="nam: 1\n"), encoding="utf-8")
    found = error(project)
    assert [(e.file, e.field) for e in found.errors] == [
        ("docs/tap-huan/hai.md", "thoi_luong"),
        ("docs/tap-huan/thu.md", "nam"),
    ]


def test_a_modules_documents_citations_and_quiz_problems_reported_together(project):
    folder = project / "docs" / "tap-huan"
    text = MODULE.format(extra="").replace('["06/2022/QH15"]', '["06/2022/QH15", "99/2099/QH99"]')
    text = text.replace("Điều 24 khoản 1 điểm a", "Điều 240").replace("Điều 2]]", "Điều 999]]")
    (folder / "thu.md").write_text(text, encoding="utf-8")
    (folder / "thu.cau-hoi.yaml").write_text(QUIZ.replace("dap_an: b", "dap_an: c"), "utf-8")
    found = error(project)
    assert [(e.file.rsplit("/", 1)[-1], e.line) for e in found.errors] == [
        ("thu.md", 5),
        ("thu.md", 14),
        ("thu.md", 25),
        ("thu.cau-hoi.yaml", 5),
    ]
    assert "99/2099/QH99 is not a document" in found.errors[0].found
    assert "Điều 240" in found.errors[1].message and "Điều 999" in found.errors[2].message
