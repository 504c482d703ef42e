"""The adoption guide (docs/bien-tap/ap-dung.md) followed on a copy of the repository.

A fresh copy of the tracked files becomes "Trường Đại học Thử nghiệm": its settings
(step 2), its own Quy chế page with a legal basis (step 3) and a layer with a 10 %
CSTĐCS quota instead of the sample's 15 % (step 4). The strict build (step 6) shows
its names in the footer of Vietnamese and English pages and in the printed forms'
meta tags, its Quy chế rests on the national texts both ways, and the layer decides a
case through ``thidua evaluate --layer`` (step 5).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from thidua_testing import ROOT

pytestmark = pytest.mark.build

NAME, NAME_EN = "Trường Đại học Thử nghiệm", "Thu Nghiem University"
PARENT = "Ủy ban nhân dân tỉnh Thử nghiệm"
LAYER = "dai-hoc-thu-nghiem"
SO_HIEU = "120/QĐ-ĐHTN"

SETTINGS = f"""\
co_quan:
  vi: {NAME}
  en: {NAME_EN}
co_quan_cap_tren:
  vi: {PARENT}
  en: People's Committee of Thu Nghiem Province
logo: assets/images/logo.svg
lien_he:
  don_vi: Phòng Tổ chức – Hành chính
  email: thidua@dhtn.edu.vn
lop_quy_che: {LAYER}
ngon_ngu: [vi, en]
"""

QUOTA_CASE = """\
evaluation_year: 2026
subject: unit_quota
unit_ldtt_count: 20
cstdcs_eligible_candidates: 5
"""


def _copy_tracked(dest: Path) -> Path:
    """The repository's files (``git ls-files``: tracked, plus new files not ignored, so a
    change not yet committed is copied whole), as a fresh clone of it has them."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if not source.is_file():  # deleted in the working tree, not yet committed
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    return dest


def _replace(text: str, old: str, new: str, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


def _adopt(project: Path) -> None:
    """Steps 2–4 of the guide, as an editor would do them."""
    (project / "thidua.yml").write_text(SETTINGS, encoding="utf-8")
    sample = (project / "docs/van-ban/quy-che-mau.md").read_text(encoding="utf-8")
    own = _replace(sample, "so_hieu: 15/QĐ-HVM", f"so_hieu: {SO_HIEU}")
    own = _replace(own, "ngay_ban_hanh: 2026-08-15", "ngay_ban_hanh: 2026-09-10")
    own = _replace(own, "ngay_hieu_luc: 2026-09-01", "ngay_hieu_luc: 2026-09-10")
    own = re.sub(r"(?m)^ten: .*$", f"ten: Quy chế công tác thi đua, khen thưởng của {NAME}", own)
    own = re.sub(r"(?m)^co_quan_ban_hanh: .*$", f"co_quan_ban_hanh: {NAME}", own)
    own = _replace(own, "không vượt quá 15 % số thành viên", "không vượt quá 10 % số thành viên")
    (project / "docs/van-ban/quy-che-dhtn.md").write_text(own, encoding="utf-8")
    layer = (project / "data/layers/hoc-vien-mau.yaml").read_text(encoding="utf-8")
    layer = _replace(layer, "id: hoc-vien-mau", f"id: {LAYER}")
    layer = _replace(
        layer, "ten: {vi: Học viện Mẫu, en: Model Academy}", f"ten: {{vi: {NAME}, en: {NAME_EN}}}"
    )
    layer = _replace(layer, "so_hieu: 15/QĐ-HVM", f"so_hieu: {SO_HIEU}")
    layer = layer.replace("Quy chế 15/QĐ-HVM", f"Quy chế {SO_HIEU}")
    layer = _replace(layer, 'ty_le: "0.15"', 'ty_le: "0.10"')
    layer = layer.replace("15 %", "10 %")
    (project / f"data/layers/{LAYER}.yaml").write_text(layer, encoding="utf-8")


def _env(project: Path) -> dict[str, str]:
    """The copy's own code first (``hooks/``), as a fresh clone's ``.venv`` would have it."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}


@pytest.fixture(scope="module")
def adopted(tmp_path_factory) -> tuple[Path, Path]:
    """The adopted copy and its strict build."""
    tmp = tmp_path_factory.mktemp("adoption")
    project = _copy_tracked(tmp / "project")
    _adopt(project)
    site = tmp / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=_env(project),
        timeout=900,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    return project, site


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def _footer(html: str) -> str:
    match = re.search(r'<div class="md-copyright thidua-footer">(.*?)</div>', html, re.S)
    assert match, "no institution footer"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match[1]))


@pytest.mark.parametrize("page", ["", "en", "van-ban/quy-che-dhtn", "en/bien-tap/ap-dung"])
def test_the_names_are_in_every_footer(adopted, page):
    _, site = adopted
    footer = _footer(_html(site, page))
    assert NAME in footer and PARENT in footer, footer
    assert "thidua@dhtn.edu.vn" in footer
    assert "Học viện Mẫu" not in footer


@pytest.mark.parametrize(
    "page", ["tu-danh-gia/cong-cu", "binh-xet/cong-cu", "en/tu-danh-gia/cong-cu"]
)
def test_the_printed_forms_carry_the_names(adopted, page):
    _, site = adopted
    html = _html(site, page)
    assert f'<meta name="thidua-co-quan" content="{NAME}">' in html
    assert f'<meta name="thidua-co-quan-cap-tren" content="{PARENT}">' in html


def test_the_regulation_rests_on_the_national_texts_both_ways(adopted):
    _, site = adopted
    own = _html(site, "van-ban/quy-che-dhtn")
    basis = re.search(r"<dt>Căn cứ</dt><dd>(.*?)</dd>", own, re.S)
    assert basis and 'href="../nd-233-2026/"' in basis[1], own[:2000]
    assert "Luật Viên chức số 129/2025/QH15" in basis[1]  # not on the portal: plain text
    decree = _html(site, "van-ban/nd-233-2026")
    used = re.search(r"<dt>Làm căn cứ cho</dt><dd>(.*?)</dd>", decree, re.S)
    assert used and f"Quy chế {SO_HIEU}" in used[1] and "Quy chế 15/QĐ-HVM" in used[1]


@pytest.mark.parametrize(
    ("page", "title"),
    [("bien-tap", "Áp dụng cho đơn vị của bạn"), ("en/bien-tap", "Adopting the portal")],
)
def test_the_guide_is_in_the_editors_section(adopted, page, title):
    _, site = adopted
    html = _html(site, page)
    link = re.search(rf'<a href="ap-dung/" class="md-nav__link">\s*(<[^>]+>\s*)*{title}\s*<', html)
    assert link, "no navigation link to the guide"


def _evaluate(project: Path, layer: str) -> dict:
    case = project / "thu-ty-le.yaml"
    case.write_text(QUOTA_CASE, encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from thidua.cli import main; sys.exit(main())",
            "evaluate",
            str(case),
            "--layer",
            layer,
            "--json",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env=_env(project),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_the_layer_decides_a_case(adopted):
    project, _ = adopted
    own = _evaluate(project, LAYER)
    sample = _evaluate(project, "hoc-vien-mau")
    # 20 members recognised "Lao động tiên tiến": 10 % → 2 (the sample's 15 % → 3).
    assert own["max_cstdcs"] == 2 and sample["max_cstdcs"] == 3
    assert own["rules"]["layer"] == LAYER and own["manual_review"] is False
    decided = [e for e in own["explanation"] if e.get("source") == "layer"]
    assert decided and f"Quy chế {SO_HIEU} Điều 5 khoản 3" in decided[0]["legal_basis"]


def test_the_council_page_gets_the_layer(adopted):
    """The Bình xét page applies the layer named in thidua.yml (its quota and clause)."""
    _, site = adopted
    script = (site / "assets/data/binh-xet-columns.js").read_text(encoding="utf-8")
    assert '"ratio":"0.1"' in script and f"{SO_HIEU} Điều 5 khoản 3" in script
