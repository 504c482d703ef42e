"""``check_legal``: all problems of a project, without MkDocs."""

from __future__ import annotations

import shutil
from pathlib import Path

from thidua.legal.check import check_legal

from .support import FIXTURES, write


def _project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "van-ban", tmp_path / "docs" / "van-ban")
    return tmp_path


def test_a_clean_project_has_no_problem(tmp_path):
    root = _project(tmp_path)
    write(root / "docs", "index.md", "# Trang chủ\n\n[[01/2099/QH99 Điều 3 khoản 1 điểm a]]\n")
    assert check_legal(root) == []


def test_every_problem_is_listed_once(tmp_path):
    root = _project(tmp_path)
    docs = root / "docs"
    write(
        docs,
        "a.md",
        "---\ntitle: A\n---\n# A\n\n[[01/2099/QH99 Điều 8]]\n\n[[03/2098/NĐ-CP Điều 1]]\n",
    )
    write(docs, "_data/x.md", "[[01/2099/QH99 Điều 99]]\n")  # not published: not checked
    write(docs, "van-ban/bad.md", "---\nso_hieu: 5/2020/NĐ-CP\n---\n")
    messages = [error.message for error in check_legal(root)]
    assert len(messages) == 3, messages
    assert any(m.startswith("docs/a.md:6: citation: [[01/2099/QH99 Điều 8]]") for m in messages)
    assert any(m.startswith("docs/a.md:8: citation: [[03/2098/NĐ-CP Điều 1]]") for m in messages)
    assert any(m.startswith("docs/van-ban/bad.md:1: ten: missing") for m in messages)


def test_the_project_itself_has_no_legal_problem(root):
    problems = [error.message for error in check_legal(root)]
    assert not problems, "\n".join(problems)


def test_package_exports_the_public_api():
    import thidua.legal as legal

    assert legal.load_registry and legal.check_legal and legal.Registry.resolve_basis


def test_a_bad_comparison_key_is_reported_like_the_build_does(tmp_path):
    root = _project(tmp_path)
    page = root / "docs" / "van-ban" / "nd-02-2099.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("tom_luoc: true\n", 'tom_luoc: true\nso_sanh: {voi: "9/2000/NĐ-CP"}\n', 1),
        encoding="utf-8",
    )
    messages = [error.message for error in check_legal(root)]
    assert len(messages) == 1, messages
    assert messages[0].startswith("docs/van-ban/nd-02-2099.md:")
    assert "9/2000/NĐ-CP" in messages[0]
