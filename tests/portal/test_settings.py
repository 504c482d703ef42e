"""The institution's settings file ``thidua.yml`` (issue 13, item 3).

Core validation (``thidua.settings``), the shipped sample institution in the built
footer and head of Vietnamese and English pages, a copy built with another
institution's settings, and a bad file stopping the build with a clear message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from thidua import settings
from thidua.errors import ContentError
from thidua.yaml_lines import load_text
from thidua_testing import ROOT, build_project, copy_project

GOOD = """\
co_quan:
  vi: Trường Đại học Thử nghiệm
  en: Test University
co_quan_cap_tren:
  vi: Ủy ban nhân dân tỉnh Mẫu
lien_he:
  don_vi: Phòng Tổ chức – Hành chính
  dien_thoai: 0200 123 456
  email: tchc@dh-thu-nghiem.edu.vn
lop_quy_che: none
ngon_ngu: [vi, en]
"""


def parse(text: str) -> settings.Settings:
    """Validate settings given as YAML text (named thidua.yml in messages)."""
    return settings.parse(load_text(text, "thidua.yml"), "thidua.yml")


def error_of(text: str) -> str:
    """The message of the error the text raises."""
    with pytest.raises(ContentError) as info:
        parse(text)
    return info.value.message


def test_shipped_settings_are_the_sample_institution():
    """The repository ships thidua.yml filled in for Học viện Mẫu."""
    shipped = settings.load(ROOT / settings.FILE, ROOT, (ROOT / "docs", ROOT / "overrides"))
    assert shipped.co_quan.vi == "Học viện Mẫu"
    assert shipped.co_quan_cap_tren is not None and shipped.co_quan_cap_tren.vi == "Bộ Mẫu"
    assert shipped.lop_quy_che == "none"
    assert shipped.ngon_ngu == ("vi", "en")


def test_good_settings_parse_and_english_falls_back():
    """English names are optional: the Vietnamese one stands in."""
    data = parse(GOOD)
    assert data.co_quan.en == "Test University"
    assert data.co_quan_cap_tren.en == "Ủy ban nhân dân tỉnh Mẫu"
    assert data.lien_he.email == "tchc@dh-thu-nghiem.edu.vn"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lop_quy_che: none\n", r"^thidua\.yml:1: co_quan: missing; allowed: the name in Vietn"),
        ("co_quan:\n  en: Test University\n", r"^thidua\.yml:2: co_quan\.vi: missing"),
        (
            GOOD + "co_quan_khac: X\n",
            r"^thidua\.yml:12: co_quan_khac: unknown key 'co_quan_khac'; allowed: co_quan, ",
        ),
        (
            GOOD.replace("  don_vi:", "  phong:"),
            r"^thidua\.yml:7: lien_he\.phong: unknown key 'phong'; allowed: don_vi, dia_chi",
        ),
        (
            GOOD.replace("tchc@dh-thu-nghiem.edu.vn", "tchc"),
            r"^thidua\.yml:9: lien_he\.email: 'tchc'; allowed: an e-mail address",
        ),
        (
            GOOD.replace("lop_quy_che: none", "lop_quy_che: Quy chế 2019"),
            r"^thidua\.yml:10: lop_quy_che: found the text 'Quy chế 2019'; allowed: 'none'",
        ),
        (
            GOOD.replace("[vi, en]", "[en]"),
            r"^thidua\.yml:11: ngon_ngu: no 'vi'; allowed: a list of vi, en",
        ),
        (
            GOOD.replace("[vi, en]", "[vi, fr]"),
            r"^thidua\.yml:11: ngon_ngu: found the text 'fr'",
        ),
        ("co_quan: Học viện\n", r"^thidua\.yml:1: co_quan: found the text 'Học viện'"),
        ("- a\n", r"^thidua\.yml: \(file\): found a list; allowed: a mapping with the keys"),
    ],
)
def test_bad_settings_name_file_line_key_and_what_is_allowed(text: str, expected: str):
    """Each mistake: file, line, key, what was found, what is allowed."""
    message = error_of(text)
    assert re.search(expected, message), message
    assert "Traceback" not in message and "None" not in message


def test_every_mistake_of_the_settings_is_reported_at_once():
    """Three mistakes, three messages, each with its line (the spec validator)."""
    text = (
        GOOD.replace("  don_vi:", "  phong:")
        .replace("tchc@dh-thu-nghiem.edu.vn", "tchc")
        .replace("[vi, en]", "[en]")
    )
    lines = [line for line in error_of(text).splitlines() if not line.startswith(" ")]
    assert [line.split(": ")[:2] for line in lines] == [
        ["thidua.yml:7", "lien_he.phong"],
        ["thidua.yml:9", "lien_he.email"],
        ["thidua.yml:11", "ngon_ngu"],
    ]


def test_missing_logo_file_is_refused(tmp_path: Path):
    """A logo must be a file under the folders given (docs/, overrides/)."""
    path = tmp_path / settings.FILE
    path.write_text(GOOD + "logo: assets/khong-co.svg\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        settings.load(path, tmp_path, (tmp_path / "docs",))
    assert info.value.message.startswith("thidua.yml:12: logo: no file 'assets/khong-co.svg'")


def _footer(html: str) -> str:
    """The text of the footer's institution block."""
    match = re.search(r'<div class="md-copyright thidua-footer">(.*?)</div>', html, re.S)
    assert match, "no institution footer"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match[1]))


@pytest.mark.build
@pytest.mark.parametrize("page", ["hoi-dap/index.html", "en/hoi-dap/index.html", "en/index.html"])
def test_sample_institution_in_footer_and_head(built_site, page: str):
    """Học viện Mẫu (Vietnamese name) in the footer of Vietnamese and English pages."""
    html = (built_site.site / page).read_text(encoding="utf-8")
    footer = _footer(html)
    assert "Học viện Mẫu" in footer and "Bộ Mẫu" in footer
    assert re.search(r"(Cập nhật lần cuối|Last updated): \d\d/\d\d/\d{4}", footer), footer
    assert '<meta name="thidua-co-quan" content="Học viện Mẫu">' in html
    assert '<meta name="thidua-co-quan-cap-tren" content="Bộ Mẫu">' in html
    assert "Cơ quan, đơn vị áp dụng" not in html


@pytest.mark.build
def test_copy_with_another_institution_shows_its_names(tmp_path: Path):
    """An adopting institution edits thidua.yml only; its names reach every page."""
    project = copy_project(tmp_path / "project")
    (project / settings.FILE).write_text(GOOD, encoding="utf-8")
    site = tmp_path / "site"
    proc = build_project(project, site)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    for page in ("index.html", "en/tieu-chi/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        footer = _footer(html)
        assert "Trường Đại học Thử nghiệm" in footer and "Ủy ban nhân dân tỉnh Mẫu" in footer
        assert "tchc@dh-thu-nghiem.edu.vn" in footer
        assert "Học viện Mẫu" not in html
        assert '<meta name="thidua-co-quan" content="Trường Đại học Thử nghiệm">' in html


@pytest.mark.build
def test_bad_settings_stop_the_build_with_a_clear_message(tmp_path: Path):
    """A settings file without the institution's name fails the build, no traceback."""
    project = copy_project(tmp_path / "project")
    (project / settings.FILE).write_text("lop_quy_che: none\n", encoding="utf-8")
    proc = build_project(project, tmp_path / "site")
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "thidua.yml:1: co_quan: missing; allowed: the name in Vietnamese (vi)" in log
    assert "Traceback" not in log


@pytest.mark.build
def test_vietnamese_only_portal(tmp_path: Path):
    """``ngon_ngu: [vi]`` builds no English pages and offers no link to them."""
    project = copy_project(tmp_path / "project")
    text = (project / settings.FILE).read_text(encoding="utf-8")
    (project / settings.FILE).write_text(
        text.replace("ngon_ngu: [vi, en]", "ngon_ngu: [vi]"), encoding="utf-8"
    )
    site = tmp_path / "site"
    proc = build_project(project, site)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    assert not (site / "en").exists()
    assert 'hreflang="en"' not in (site / "index.html").read_text(encoding="utf-8")
