"""The real site: comparison pages and diagrams in both languages and in search, and
a bad ``so_sanh`` key stopping a (small) MkDocs build with file, line and problem."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest

from .support import docs_copy

pytestmark = pytest.mark.build

PAGES = ("luat-06-2022", "nd-98-2023", "nd-90-2020", "nd-233-2026", "nd-335-2025")


def read(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_comparison_pages_and_index_exist_in_both_languages(built_site, prefix):
    index = read(built_site.site, f"{prefix}van-ban/diem-moi")
    for page in PAGES:
        html = read(built_site.site, f"{prefix}van-ban/diem-moi/{page}")
        assert f'href="{page}/"' in index
        assert '<html lang="en"' in html if prefix else '<html lang="vi"' in html
        honest = "A comparison of summaries" if prefix else "So sánh các bản tóm lược"
        assert honest in html


def test_law_comparison_pairs_in_plain_words(built_site):
    html = read(built_site.site, "van-ban/diem-moi/luat-06-2022")
    rows = re.findall(r'<tr class="diem-moi-row diem-moi-row--(\w+)">(.*?)</tr>', html, re.S)
    by_article = {re.search(r"#dieu-(\w+)\"", r[1])[1]: r for r in rows}
    assert by_article["3"][0] == "them"
    table = html.split('id="cac-dieu"', 1)[1].split("</table>", 1)[0]
    assert "Các điều được ghép theo nội dung" in table
    assert not re.search(r"\d\s?%", table), "no similarity score for staff"
    assert "Cách ghép" not in html and "Độ giống" not in html
    assert "so_sanh" not in html and "anh_xa" not in html
    editors = re.search(r'<details class="diem-moi-editors">(.*?)</details>', html, re.S)[1]
    assert "Dành cho biên tập viên" in editors and "Điều 23 (Luật 06/2022/QH15)" in editors
    assert not re.search(r"\d\s?%", editors)
    assert "<del>" in html and "<ins>" in html
    assert 'class="diem-moi-sr">[bỏ: </span>' in html


def test_editor_pairs_under_another_number_correspond_unless_near_identical(built_site):
    html = read(built_site.site, "van-ban/diem-moi/nd-233-2026")
    rows = re.findall(r'<tr class="diem-moi-row diem-moi-row--(\w+)">(.*?)</tr>', html, re.S)
    statuses = {status for status, _ in rows}
    assert "tuong_ung" in statuses
    for status, row in rows:
        if status == "tuong_ung":
            assert "Tương ứng" in row and "Đánh số lại" not in row
    assert "tương ứng với Điều" in html


@pytest.mark.parametrize("page", ["nd-90-2020", "nd-233-2026", "nd-335-2025"])
def test_topic_differences_come_right_after_the_summary(built_site, page):
    html = read(built_site.site, f"van-ban/diem-moi/{page}")
    assert html.index('id="tom-tat"') < html.index('id="diem-khac"') < html.index('id="cac-dieu"')


def test_metadata_only_predecessor_page_is_honest(built_site):
    html = read(built_site.site, "van-ban/diem-moi/nd-90-2020")
    assert "Không so sánh được từng điều" in html
    statuses = re.findall(r"diem-moi-row--(\w+)", html)
    assert statuses and set(statuses) == {"khong_so_sanh"}
    topics = html.split('id="diem-khac"', 1)[1]
    links = re.findall(r'class="legal-cite__link" href="([^"]+)"', topics)
    assert len(links) >= 3
    assert all(link.startswith("../../nd-90-2020/#dieu-") for link in links)
    assert "../../nd-56-2015/" in html and "#dieu-" not in html.split("nd-56-2015/", 1)[1][:5]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_relation_diagram_follows_the_metadata_panel(built_site, prefix):
    html = read(built_site.site, f"{prefix}van-ban/luat-06-2022")
    panel = html.index('<section class="legal-panel"')
    figure = html.index('<figure class="diem-moi-luoc-do"')
    assert panel < figure
    svg = html[figure:].split("</svg>", 1)[0]
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg)[1]
    expected = "replaces Law 15/2003/QH11" if prefix else "thay thế Luật 15/2003/QH11"
    assert expected in desc
    assert "../diem-moi/luat-06-2022/" in html[figure:]
    old = read(built_site.site, f"{prefix}van-ban/luat-15-2003")
    assert "../diem-moi/luat-06-2022/" in old.split('class="diem-moi-luoc-do"', 1)[1]


def test_comparisons_are_in_the_search_index_in_both_languages(built_site):
    index = json.loads((built_site.site / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for page in PAGES:
        assert f"van-ban/diem-moi/{page}/" in locations
        assert f"en/van-ban/diem-moi/{page}/" in locations
    # The diagram's text list (with its link to the comparison) is searchable.
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "Điểm mới so với Luật 15/2003/QH11" in texts["van-ban/luat-06-2022/"]
    assert "What's new compared with Law 15/2003/QH11" in texts["en/van-ban/luat-06-2022/"]


@pytest.mark.parametrize(("prefix", "label"), [("", "Điểm mới"), ("en/", "What's new")])
def test_index_is_in_the_navigation(built_site, prefix, label):
    html = read(built_site.site, f"{prefix}van-ban")
    assert re.search(rf'<a href="diem-moi/" class="md-nav__link">\s*<span[^>]*>\s*{label}', html)


CONFIG = """\
site_name: t
docs_dir: docs
strict: true
hooks:
  - {hooks}/hook_legal.py
  - {hooks}/hook_diem_moi.py
"""

BAD = {
    "missing article": (
        'so_sanh:\n  voi: "01/2098/QH98"\n  anh_xa:\n    "Điều 4": "Điều 9"\n',
        "docs/van-ban/luat-moi.md:12: so_sanh.anh_xa: 'Điều 4': 'Điều 9' is not an article",
    ),
    "two to one": (
        'so_sanh:\n  voi: "01/2098/QH98"\n  anh_xa:\n    "Điều 2": "Điều 3"\n'
        '    "Điều 4": "Điều 3"\n',
        "docs/van-ban/luat-moi.md:13: so_sanh.anh_xa: 'Điều 4' and 'Điều 2' are both mapped",
    ),
    "missing predecessor": (
        'so_sanh:\n  voi: "09/2098/QH98"\n',
        "docs/van-ban/luat-moi.md:10: so_sanh.voi: 09/2098/QH98 is not a document",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_so_sanh_fails_the_build_without_traceback(case, tmp_path, root):
    text, message = BAD[case]
    docs_copy(tmp_path, text)
    (tmp_path / "docs" / "index.md").write_text("# t\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.format(hooks=root / "hooks"), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0, log
    assert message in log, textwrap.shorten(log, 2000)
    assert "Traceback" not in log
