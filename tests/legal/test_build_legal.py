"""Legal sources through real strict MkDocs builds of a temporary copy of the project.

The fixture documents (fictitious numbers …/2099/QH99, …/NĐ-CP) are added next to
whatever real documents exist, and a page cites them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from thidua_testing import build_project, copy_project

from .support import FIXTURES

pytestmark = pytest.mark.build

CITING = """# Trang kiểm thử dẫn chiếu

Theo [[Luật 01/2099/QH99 Điều 3 khoản 1 điểm đ]] và
[[02/2099/NĐ-CP Điều 3 khoản 1 | khoản chưa xác minh]]; xem [[03/2098/NĐ-CP]].
"""


def _project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    for path in (FIXTURES / "van-ban").glob("*.md"):
        shutil.copy(path, project / "docs" / "van-ban" / path.name)
    return project


def _append(path: Path, text: str) -> int:
    """Append ``text`` to ``path``; return the number of the first appended line."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1 + (0 if before.endswith("\n") else 1)


_build = build_project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("legal-build")
    project = _project(tmp)
    (project / "docs" / "kiem-thu.md").write_text(CITING, encoding="utf-8")
    (project / "docs" / "kiem-thu.en.md").write_text(
        "# Citation test page\n\nSee [[02/2099/NĐ-CP Điều 3 khoản 1]].\n", encoding="utf-8"
    )
    proc = _build(project, tmp / "site")
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    assert "WARNING" not in log, log[-4000:]
    return tmp / "site"


def _read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_document_page_has_clause_anchors_and_copy_links(site):
    html = _read(site, "van-ban/luat-01-2099")
    for anchor in [
        "chuong-ii",
        "chuong-ii-muc-1",
        "dieu-3",
        "dieu-3-khoan-1",
        "dieu-3-khoan-1-diem-dd",
    ]:
        assert f'id="{anchor}"' in html, anchor
    assert (
        '<a class="headerlink legal-headerlink" data-search-exclude href="#dieu-3-khoan-1-diem-dd" '
        'aria-label="Liên kết tới điểm đ khoản 1 Điều 3"'
    ) in html
    assert 'href="#dieu-3" title="Liên kết tới Điều 3" aria-label="Liên kết tới Điều 3"' in html
    assert 'class="legal-panel"' in html and "<dd>01/2099/QH99</dd>" in html


def test_reverse_index_links_back_to_the_citing_page(site):
    html = _read(site, "van-ban/luat-01-2099")
    block = html.split('id="dieu-3-khoan-1-diem-dd"', 1)[1].split('id="dieu-3-khoan-2"', 1)[0]
    assert "Được dẫn chiếu tại (1)" in block
    assert '<a href="../../kiem-thu/">Trang kiểm thử dẫn chiếu</a>' in block


def test_document_no_longer_in_force_links_to_its_replacement(site):
    html = _read(site, "van-ban/nd-03-2098")
    assert "Văn bản đã hết hiệu lực toàn bộ" in html
    assert re.search(
        r'Được thay thế bởi: <a href="../nd-02-2099/">Nghị định 02/2099/NĐ-CP</a>', html
    )
    assert "Bị thay thế bởi" in html


def test_citations_link_to_the_exact_clause_with_a_preview(site):
    html = _read(site, "kiem-thu")
    assert 'href="../van-ban/luat-01-2099/#dieu-3-khoan-1-diem-dd"' in html
    # The clause's text once, in the printed list, named by the link as its description
    # (legal.js copies it into the preview).
    note = re.search(r'aria-describedby="(legal-note-\d+)"', html)[1]
    assert f'id="{note}">đ) Có đạo đức tốt.</span>' in html
    assert "chưa xác minh với văn bản chính thức" in html
    assert 'class="legal-notes"' in html


def test_english_pass_links_to_the_english_copies(site):
    html = _read(site, "en/kiem-thu")
    assert 'href="../van-ban/nd-02-2099/#dieu-3-khoan-1"' in html
    assert "Article 3(1) of Decree 02/2099/" in html
    assert "not verified against the official text" in html
    assert (site / "en" / "van-ban" / "nd-02-2099" / "index.html").is_file()
    # The reverse index of the English pass lists the English page.
    doc = _read(site, "en/van-ban/nd-02-2099")
    assert '<a href="../../kiem-thu/">Citation test page</a>' in doc


def test_register_page_in_both_languages(site):
    vi = _read(site, "van-ban")
    en = _read(site, "en/van-ban")
    assert '<a href="luat-01-2099/">01/2099/QH99</a>' in vi and "Tình trạng" in vi
    assert "<!-- thidua:danh-muc-van-ban -->" not in vi
    assert '<a href="luat-01-2099/">01/2099/QH99</a>' in en
    assert ">Status</th>" in en and ">No longer in force</td>" in en and 'lang="en"' in en
    assert 'data-nam="2099"' in vi


def test_unresolvable_citation_fails_the_build_with_one_message(tmp_path):
    project = _project(tmp_path)
    line = _append(project / "docs" / "hoi-dap" / "index.md", "\n[[01/2099/QH99 Điều 9]]\n") + 1
    proc = _build(project, tmp_path / "out")
    assert proc.returncode != 0
    assert f"docs/hoi-dap/index.md:{line}: citation: [[01/2099/QH99 Điều 9]]" in proc.stderr
    assert "nearest: Điều 4, Điều 3, Điều 2" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_clause_numbered_twice_fails_the_build(tmp_path):
    project = _project(tmp_path)
    path = project / "docs" / "van-ban" / "luat-01-2099.md"
    _append(path, "\n#### Điều 4. Lặp lại\n")
    proc = _build(project, tmp_path / "out")
    assert proc.returncode != 0
    assert re.search(
        r"docs/van-ban/luat-01-2099\.md:\d+: Điều: 'Điều 4' numbered twice", proc.stderr
    )
    assert "Traceback" not in proc.stderr


def test_unknown_status_fails_the_build(tmp_path):
    project = _project(tmp_path)
    path = project / "docs" / "van-ban" / "nd-03-2098.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("het_hieu_luc_toan_bo", "da_het"), encoding="utf-8"
    )
    proc = _build(project, tmp_path / "out")
    assert proc.returncode != 0
    assert "docs/van-ban/nd-03-2098.md:7: tinh_trang: unknown status 'da_het'" in proc.stderr
    assert "Traceback" not in proc.stderr
