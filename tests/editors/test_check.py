"""``thidua check`` over a whole repository: every mistake once, grouped, with a fix."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest
from legal.support import FIXTURES, write
from thidua.commands import check as command
from thidua.errors import ContentError
from thidua.legal.check import check_repository, format_report


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project with the legal fixture documents and one clean page."""
    shutil.copytree(FIXTURES / "van-ban", tmp_path / "docs" / "van-ban")
    write(tmp_path / "docs", "index.md", "# Trang chủ\n\n[[01/2099/QH99 Điều 2 khoản 1]]\n")
    return tmp_path


def _messages(root: Path) -> list[str]:
    return [error.message for error in check_repository(root).errors]


def test_a_clean_project(root):
    report = check_repository(root)
    assert report.errors == [] and report.warnings == []


def test_a_duplicate_anchor(root):
    write(root / "docs", "a.md", "# A\n\n## Một {#mot}\n\nChữ.\n\n## Hai {#mot}\n")
    (message,) = _messages(root)
    assert message.startswith("docs/a.md:7: mục neo: '#mot' đã có ở dòng 3")


def test_a_heading_that_takes_a_clause_anchor(root):
    page = root / "docs/van-ban/luat-01-2099.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n## Ghi chú { #dieu-2-khoan-1 }\n\nChữ.\n", encoding="utf-8")
    line = text.count("\n") + 2
    (message,) = _messages(root)
    assert message.startswith(f"docs/van-ban/luat-01-2099.md:{line}: mục neo: '#dieu-2-khoan-1' ")
    assert "trùng mục neo của khoản 1 Điều 2" in message


def test_an_english_page_without_its_source(root):
    write(root / "docs", "huong-dan/moi.en.md", "# New\n")
    write(root / "docs", "index.en.md", "# Home\n")  # has its source: fine
    (message,) = _messages(root)
    assert message.startswith("docs/huong-dan/moi.en.md:1: bản dịch: trang tiếng Anh không có")
    assert "docs/huong-dan/moi.md" in message


def test_an_unclosed_citation_marker(root):
    write(root / "docs", "b.md", "# B\n\nTheo [[01/2099/QH99 Điều 2 khoản 1, xem thêm.\n\n`[[`\n")
    (message,) = _messages(root)
    assert message.startswith("docs/b.md:3: dẫn chiếu: '[[01/2099/QH99 Điều 2 khoản 1, xem")
    assert "không đóng bằng ']]'" in message


def test_broken_front_matter_on_an_ordinary_page_at_its_line(root):
    front = "title: C\ndescription: >\n  Mô tả\nhide:\n  - toc\nsearch:\n  boost: 2\n"
    write(root / "docs", "c.md", f"---\n{front} bad: [x\n---\n# C\n")
    (message,) = _messages(root)
    assert message.startswith("docs/c.md:9: front matter: YAML that does not parse")


def test_a_date_that_is_not_in_the_calendar(root):
    page = root / "docs/van-ban/nd-03-2098.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("tinh_trang:", "ngay_hieu_luc: 2020-02-30\ntinh_trang:", 1))
    (message,) = _messages(root)
    assert "'2020-02-30' là ngày không có thật" in message
    assert "YYYY-MM-DD" in message and "not YYYY-MM-DD" not in message


def test_everything_at_once_each_once_grouped_by_file(root):
    write(
        root / "docs", "a.md", "# A\n\n## Một {#mot}\n\n## Hai {#mot}\n\n[[01/2099/QH99 Điều 9]]\n"
    )
    write(root / "docs", "b.md", "# B\n\n[[01/2099/QH99\n")
    write(root / "docs", "a.en.md", "# A\n")
    write(root / "docs", "x.en.md", "# X\n")
    errors = check_repository(root).errors
    assert len(errors) == 4, [e.message for e in errors]
    text = format_report(errors)
    assert text.splitlines()[0] == "docs/a.md: 2 lỗi"
    assert "  dòng 5: mục neo:" in text and "      cách sửa: " in text
    assert text.count("docs/b.md: 1 lỗi") == 1


def test_a_broken_document_does_not_drag_its_citations_along(root):
    page = root / "docs/van-ban/luat-01-2099.md"
    page.write_text(page.read_text(encoding="utf-8").replace("tinh_trang: con_hieu_luc", "x: ["))
    messages = _messages(root)
    assert all("luat-01-2099.md" in m or "02/2099" in m for m in messages), messages
    assert not any(m.startswith("docs/index.md") for m in messages), messages


def test_bare_mentions_are_warnings_with_the_citation_to_write(root):
    write(
        root / "docs",
        "d.md",
        "# D\n\nTheo khoản 1 Điều 2 Luật 01/2099/QH99 và Điều 3; "
        "[[01/2099/QH99 Điều 2]] đã là dẫn chiếu. `Điều 4` là mã.\n",
    )
    report = check_repository(root)
    assert report.errors == []
    first, second = (w.message for w in report.warnings)
    assert first.startswith("docs/d.md:3: nhắc điều khoản: 'khoản 1 Điều 2' của Luật 01/2099/QH99")
    assert "[[01/2099/QH99 Điều 2 khoản 1]]" in first
    assert "'Điều 3' viết thành chữ thường" in second and "[[<số hiệu> Điều 3]]" in second


def test_an_official_text_is_exempt(root):
    body = "## Điều 1. Phạm vi\n\nTheo Điều 2 Luật 01/2099/QH99.\n"
    meta = (
        "---\nso_hieu: 9/2099/NĐ-CP\nten: Nghị định chính thức\nloai_van_ban: Nghị định\n"
        "co_quan_ban_hanh: Chính phủ\ntinh_trang: con_hieu_luc\n{flag}---\n\n# N\n\n"
    )
    write(root / "docs", "van-ban/nd-9-2099.md", meta.format(flag="") + body)
    assert len(check_repository(root).warnings) == 1
    write(
        root / "docs", "van-ban/nd-9-2099.md", meta.format(flag="van_ban_chinh_thuc: true\n") + body
    )
    report = check_repository(root)
    assert report.errors == [] and report.warnings == []


def _run(root: Path, strict: bool, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr(command, "criteria_problems", lambda _root: ([], None))
    status = command.run(argparse.Namespace(root=root, strict=strict))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_the_command_warns_by_default_and_fails_with_strict(root, monkeypatch, capsys):
    write(root / "docs", "d.md", "# D\n\nTheo Điều 2 Luật 01/2099/QH99.\n")
    status, out, err = _run(root, False, monkeypatch, capsys)
    assert status == 0 and "docs/d.md: 1 cảnh báo" in out and "1 cảnh báo" in out
    status, out, err = _run(root, True, monkeypatch, capsys)
    assert status == 1 and "docs/d.md: 1 lỗi" in err
    assert "thidua check: 1 lỗi trong 1 tệp" in err and "Traceback" not in err


def test_the_command_lists_criteria_messages_by_file(root, monkeypatch, capsys):
    write(root / "docs", "a.md", "# A\n\n[[01/2099/QH99 Điều 9]]\n")
    failure = ContentError(
        "data/cases/x.yaml", 4, "cases.A1", "level: expected HTT, actual HTXS", command.CASE_FIX
    )
    monkeypatch.setattr(command, "criteria_problems", lambda _root: ([failure], None))
    status = command.run(argparse.Namespace(root=root, strict=False))
    err = capsys.readouterr().err
    assert status == 1
    assert "data/cases/x.yaml: 1 lỗi\n  dòng 4: cases.A1: level: expected HTT, actual HTXS" in err
    assert "docs/a.md: 1 lỗi\n  dòng 3: citation:" in err
    assert "not available yet" not in err


def test_training_modules_are_checked_too(root, monkeypatch, capsys):
    import thidua.tap_huan as tap_huan

    write(root / "docs", "tap-huan/index.md", "# Tập huấn\n")

    def broken(_root, _registry):
        raise ContentError("docs/tap-huan/a.cau-hoi.yaml", 4, "dap_an", "'z'", "a, b, c")

    monkeypatch.setattr(tap_huan, "load_program", broken)
    status, _out, err = _run(root, False, monkeypatch, capsys)
    assert status == 1
    assert "docs/tap-huan/a.cau-hoi.yaml: 1 lỗi\n  dòng 4: dap_an: 'z'" in err


def test_every_training_problem_is_listed(root, monkeypatch, capsys):
    import thidua.tap_huan as tap_huan
    from thidua.content_errors import ContentErrors

    write(root / "docs", "tap-huan/index.md", "# Tập huấn\n")
    quiz = "docs/tap-huan/a.cau-hoi.yaml"

    def broken(_root, _registry):
        raise ContentErrors(
            [ContentError(quiz, 4, "dap_an", "'z'", "a, b"), ContentError(quiz, 9, "hoi", "", "?")]
        )

    monkeypatch.setattr(tap_huan, "load_program", broken)
    status, _out, err = _run(root, False, monkeypatch, capsys)
    assert status == 1 and f"{quiz}: 2 lỗi" in err and "dòng 9: hoi:" in err


def test_criteria_problems_reach_the_report_as_they_are(tmp_path, capsys):
    """A criteria error keeps its file, line, fix and example (no message parsed back)."""
    from thidua_testing import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs" / "van-ban", tmp_path / "docs" / "van-ban")
    path = tmp_path / "data" / "criteria" / "criteria.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.strip() == "cmp: ge") + 1
    lines[number - 1] = lines[number - 1].replace("cmp: ge", "cmp: geq")
    path.write_text("\n".join(lines), encoding="utf-8")
    errors, rules = command.criteria_problems(tmp_path)
    assert rules is None
    (error,) = errors
    assert (error.file, error.line, error.found) == (
        "data/criteria/criteria.yaml",
        number,
        "found 'geq'",
    )
    status = command.run(argparse.Namespace(root=tmp_path, strict=False))
    err = capsys.readouterr().err
    assert status == 1
    assert (
        f"data/criteria/criteria.yaml: 1 lỗi\n  dòng {number}: {error.field}: found 'geq'\n"
        f"      cách sửa: {error.allowed}\n      ví dụ: {error.example}\n"
    ) in err


def test_the_page_words_files_are_checked_too(tmp_path, capsys):
    """A key missing from the English words file is reported with its file and key."""
    from thidua import words

    folder = tmp_path / "hooks" / "thidua" / "words"
    folder.mkdir(parents=True)
    shutil.copy(words.DIRECTORY / "vi.yml", folder / "vi.yml")
    english = (words.DIRECTORY / "en.yml").read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(english) if line.startswith("  toolbar: "))
    key = english.pop(number).strip().split(":")[0]
    (folder / "en.yml").write_text("\n".join(english), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    problems = command.check_words(tmp_path)
    assert problems and any(key in error.message for error in problems), problems
    assert any(error.file.endswith("en.yml") for error in problems)
    status = command.run(argparse.Namespace(root=tmp_path, strict=False))
    assert status == 1 and "en.yml" in capsys.readouterr().err


def test_the_shipped_words_files_have_no_problems():
    from thidua_testing import ROOT

    assert command.check_words(ROOT) == []
