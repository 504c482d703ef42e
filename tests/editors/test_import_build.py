"""An imported official text builds strictly; citations of its clauses resolve to anchors."""

from __future__ import annotations

from pathlib import Path

import pytest
from thidua.cli import main
from thidua_testing import build_project, copy_project

from .sample import LAWS, OCR_TEXT


@pytest.mark.build
def test_the_imported_page_builds_and_its_anchors_resolve(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    for name, text in LAWS.items():
        (project / "docs/van-ban" / name).write_text(text, encoding="utf-8")
    source = tmp_path / "nd.txt"
    source.write_text(OCR_TEXT, encoding="utf-8")
    assert main(["import", str(source), "--out", str(project / "docs/van-ban/nd-77-2099.md")]) == 0
    (project / "docs/thu-dan-chieu.md").write_text(
        "# Thử dẫn chiếu\n\nTheo [[77/2099/NĐ-CP Điều 3 khoản 1 điểm đ]] và "
        "[[điểm b khoản 1 Điều 3 Nghị định 77/2099/NĐ-CP]].\n",
        encoding="utf-8",
    )
    result = build_project(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    # Documents are reached from the register, not the navigation: no console line each.
    assert "  - van-ban/" not in result.stdout + result.stderr
    page = (tmp_path / "site/van-ban/nd-77-2099/index.html").read_text(encoding="utf-8")
    for anchor in ("dieu-1", "dieu-2-khoan-2", "dieu-3-khoan-1-diem-dd", "dieu-4", "chuong-ii"):
        assert f'id="{anchor}"' in page, anchor
    assert "toàn văn văn bản chính thức, không phải bản tóm lược" in page
    assert "bản tóm lược để tra cứu" not in page
    citing = (tmp_path / "site/thu-dan-chieu/index.html").read_text(encoding="utf-8")
    assert 'href="../van-ban/nd-77-2099/#dieu-3-khoan-1-diem-dd"' in citing
    assert 'href="../van-ban/nd-77-2099/#dieu-3-khoan-1-diem-b"' in citing
