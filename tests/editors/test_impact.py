"""``thidua impact BASE HEAD`` on a temporary git repository holding a copy of the content."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from thidua.cli import main
from thidua_testing import ROOT

LAW = "docs/van-ban/luat-06-2022.md"
OLD = "a) Được đánh giá, xếp loại từ hoàn thành tốt nhiệm vụ trở lên."


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Two commits: the content as it is, then one clause reworded, one removed, a page edited."""
    repo = tmp_path_factory.mktemp("impact") / "repo"
    shutil.copytree(ROOT / "docs", repo / "docs")
    shutil.copytree(ROOT / "data", repo / "data")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "Test")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    law = repo / LAW
    text = law.read_text(encoding="utf-8")
    assert OLD in text
    text = text.replace(OLD, "a) Được đánh giá, xếp loại từ hoàn thành xuất sắc nhiệm vụ.")
    law.write_text(text, encoding="utf-8")
    (repo / "docs/hoi-dap/index.md").write_text(
        (repo / "docs/hoi-dap/index.md").read_text(encoding="utf-8")
        + "\nXem [[06/2022/QH15 Điều 24 khoản 9]].\n",
        encoding="utf-8",
    )
    _git(repo, "commit", "-q", "-am", "head")
    return repo


@pytest.fixture(scope="module")
def report(repo, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("impact-out") / "impact.md"
    assert main(["impact", "HEAD~1", "HEAD", "--root", str(repo), "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _section(report: str, title: str) -> str:
    start = report.index(f"### {title}")
    end = report.find("\n### ", start + 1)
    return report[start : end if end > 0 else None]


def test_changed_files_come_first(report):
    assert report.startswith("## Ảnh hưởng của thay đổi `HEAD~1` → `HEAD`\n\n### Tệp thay đổi (2)")
    files = _section(report, "Tệp thay đổi")
    assert f"- sửa: `{LAW}`" in files and "- sửa: `docs/hoi-dap/index.md`" in files


def test_the_clause_changed(report):
    clauses = _section(report, "Điều khoản thay đổi")
    assert "- Luật 06/2022/QH15, điểm a khoản 1 Điều 24: sửa đổi" in clauses
    assert "`van-ban/luat-06-2022/#dieu-24-khoan-1-diem-a`" in clauses
    assert "Điều 23" not in clauses  # unchanged clauses are not listed


def test_criteria_and_checklists_relying_on_it(report):
    criteria = _section(report, "Tiêu chí")
    assert "Điều 24 khoản 1" in criteria and "legal_basis" in criteria
    checklists = _section(report, "Trang danh sách kiểm tra")
    assert "`tieu-chi/danh-sach/lao-dong-tien-tien/`" in checklists


def test_training_items_pages_and_translations(report):
    training = _section(report, "Tập huấn")
    assert "docs/tap-huan/luat-thi-dua-2022.cau-hoi.yaml:" in training
    translations = _section(report, "Bản dịch cần xem lại")
    assert "`docs/hoi-dap/index.en.md` (do: docs/hoi-dap/index.md (sửa))" in translations
    assert "Không có (dự án chưa có lớp quy định riêng)." in _section(report, "Lớp quy định")


def test_new_dangling_citations(report):
    dangling = _section(report, "Dẫn chiếu mới không tìm thấy")
    assert "docs/hoi-dap/index.md:" in dangling and "[[06/2022/QH15 Điều 24 khoản 9]]" in dangling
    assert dangling.count("\n- ") == 1


def test_a_bad_revision_is_a_clear_message(repo, capsys):
    assert main(["impact", "khong-co", "HEAD", "--root", str(repo)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("thidua impact: git rev-parse") and "Traceback" not in err
