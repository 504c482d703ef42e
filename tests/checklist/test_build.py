"""Real strict builds of a temporary copy of the project with edited criteria data.

One threshold edit per page kind — the recruitment months of LĐTT (6 → 7) and the LĐTT
share of TTLĐXS (70 % → 72 %) — and the checklist, the ladder and the change page
follow. A threshold that makes a worked example's case fail stops the build, naming
the case file and the case.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from thidua_testing import build_project, copy_project

pytestmark = pytest.mark.build

RECRUITED = "  td.tuyen-dung-6-thang:\n    op: recruited_months\n    at_least: 6\n"
SHARE = (
    "  tt.70-ldtt:\n    op: ratio\n    num: [members_ldtt]\n    den: [members]\n"
    "    cmp: ge\n    percent: 70\n"
)


def _project(tmp: Path) -> Path:
    return copy_project(tmp / "project")


def _edit(project: Path, old: str, new: str) -> None:
    path = project / "data" / "criteria" / "criteria.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, "the test's anchor text is no longer in criteria.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")


_build = build_project


def _text(html: str) -> str:
    inline = re.sub(r"</?(abbr|a|span|sup|strong|em)\b[^>]*>", "", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inline))


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("checklist-build")
    project = _project(tmp)
    _edit(project, RECRUITED, RECRUITED.replace("at_least: 6", "at_least: 7"))
    _edit(project, SHARE, SHARE.replace("percent: 70", "percent: 72"))
    proc = _build(project, tmp / "site")
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    assert "WARNING" not in log, log[-4000:]
    return tmp / "site"


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_checklist_follows_the_threshold(edited):
    text = _text(_page(edited, "tieu-chi/danh-sach/lao-dong-tien-tien"))
    assert "Ngưỡng: tuyển dụng ≥ 7 tháng" in text
    assert "tuyển dụng ≥ 6 tháng" not in text
    english = _text(_page(edited, "en/tieu-chi/danh-sach/lao-dong-tien-tien"))
    assert "Threshold: recruited ≥ 7 months" in english
    assert "Ngưỡng: ≥ 72 %" in _text(_page(edited, "tieu-chi/danh-sach/tap-the-lao-dong-xuat-sac"))


def test_ladder_follows_the_threshold(edited):
    html = _page(edited, "tieu-chi/thang-danh-hieu")
    start = html.index('<svg class="checklist-ladder__svg"')
    svg = html[start : html.index("</svg>", start)]  # the newest ladder
    assert "LĐTT ≥ 72 %" in svg
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg


def test_change_page_follows_the_threshold(edited):
    html = _page(edited, "tieu-chi/thay-doi")
    start = html.index('<h2 id="thi-dua-2024"')
    text = _text(html[start : html.index("<h2", start + 10)])
    assert "tuyển dụng ≥ 10 tháng" in text and "tuyển dụng ≥ 7 tháng" in text
    assert "Điều 10 Nghị định 91/2017/NĐ-CP" in text  # old citation, rendered by the legal hook
    assert "Thông tư 01/2024/TT-BNV" in text  # new citation


def test_citations_are_rendered_and_checked_by_the_legal_hook(edited):
    html = _page(edited, "tieu-chi/danh-sach/lao-dong-tien-tien")
    assert "[[" not in html
    assert (
        'class="legal-cite__link" href="../../../van-ban/luat-06-2022/#dieu-24-khoan-1-diem-a"'
        in html
    )
    assert 'class="legal-notes"' in html  # printed list of cited clauses


def test_a_failing_worked_example_stops_the_build(tmp_path):
    project = _project(tmp_path)
    _edit(project, SHARE, SHARE.replace("percent: 70", "percent: 75"))
    proc = _build(project, tmp_path / "site")
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "data/cases/00-hop-dong-vi-du.yaml:" in log and "case C27" in log, log[-3000:]
    assert "Traceback" not in log
