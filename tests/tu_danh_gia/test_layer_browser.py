"""The self-evaluation page of a portal whose thidua.yml names the sample layer.

Built from a copy of the repository with ``lop_quy_che: hoc-vien-mau`` (the build is
shared with tests/evaluator_js/test_layer_parity.py): the lecturer field shows, a lecturer
without an article is not proposed for "Chiến sĩ thi đua cơ sở" with the Quy chế's reason
and a link to its clause, saved answers survive, axe finds nothing, 390 px phones, and no
field name or code reaches the screen or the print.
"""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from evaluator_js.test_layer_parity import build_layered
from thidua_testing import serve

pytestmark = [pytest.mark.browser, pytest.mark.build]

CODES = re.compile(r"\b(nhom|giang_vien|bai_bao_khoa_hoc|diem_chung_thanh_phan|hoc-vien-mau|"
                   r"CSTDCS|lop\.|undefined|NaN|null)\b")


@pytest.fixture(scope="module")
def layered_url(tmp_path_factory):
    _project, site = build_layered(tmp_path_factory.mktemp("layered"))
    with serve(site) as url:
        yield url


def _open(page, url: str, width: int = 1280):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url + "/tu-danh-gia/cong-cu/")
    page.wait_for_function("window.ThiduaLayer && window.ThiduaEvaluator"
                           " && window.ThiduaEvaluator.national")
    return errors


def _lecturer_without_article(page) -> None:
    page.fill("#f-evaluation_year", "2026")
    page.check("#f-role--vien_chuc")
    page.select_option("#f-nhom", "giang_vien")
    page.fill("#f-score_total", "92")
    page.wait_for_function("document.getElementById('tdg-result')"
                           ".getAttribute('data-classification') === 'HTXS'")


@pytest.mark.parametrize("width", [1280, 390])
def test_lecturer_without_article_not_proposed(page, layered_url, width):
    errors = _open(page, layered_url, width)
    assert page.is_visible("#f-nhom") and page.is_visible("#f-bai_bao_khoa_hoc")
    _lecturer_without_article(page)
    titles = page.get_attribute("#tdg-result", "data-titles").split()
    assert "LDTT" in titles and "CSTDCS" not in titles
    refused = page.inner_text(".tdg-not-eligible")
    source = "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5 khoản 4"
    assert source in refused
    link = page.locator(".tdg-not-eligible a", has_text="Quy chế 15/QĐ-HVM Điều 5 khoản 4").first
    href = link.get_attribute("href")
    assert "van-ban/" in href and "#dieu-5-khoan-4" in href
    assert not CODES.search(page.inner_text("#tdg")), CODES.search(page.inner_text("#tdg"))
    if width == 390:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # With an article the title is proposed again.
    page.fill("#f-bai_bao_khoa_hoc", "1")
    page.wait_for_function("document.getElementById('tdg-result')"
                           ".getAttribute('data-titles').split(' ').indexOf('CSTDCS') >= 0")
    assert not errors, errors


def test_answers_survive_and_print(page, layered_url):
    errors = _open(page, layered_url)
    _lecturer_without_article(page)
    page.fill("#f-bai_bao_khoa_hoc", "0")
    stored = json.loads(page.evaluate("localStorage.getItem('thidua.tu-danh-gia')"))
    assert stored["fields"]["nhom"] == "giang_vien" and stored["fields"]["role"] == "vien_chuc"
    page.reload()
    page.wait_for_function("window.ThiduaLayer && window.ThiduaEvaluator.national")
    assert page.input_value("#f-nhom") == "giang_vien"
    assert page.input_value("#f-bai_bao_khoa_hoc") == "0"
    assert page.input_value("#f-score_total") == "92"
    page.evaluate("TDG.print.build(TDG.last.fields, TDG.last.ctx, TDG.last.result, TDG.texts.vi)")
    printed = page.inner_text("#tdg-print")
    assert "Giảng viên" in printed and "Điều 5 khoản 4" in printed
    assert not CODES.search(printed), CODES.search(printed)
    exported = page.evaluate("TDG.form.toProfile(TDG.form.read(), TDG.last.ctx)")
    assert exported["nhom"] == "giang_vien" and exported["bai_bao_khoa_hoc"] == 0
    parsed = page.evaluate("(t) => TDG.io.parse(t, TDG.texts.vi)", json.dumps(exported))
    assert "profile" in parsed, parsed
    assert not errors, errors


def test_axe_no_violations(page, layered_url):
    _open(page, layered_url)
    _lecturer_without_article(page)
    violations = Axe().run(page).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_answers_saved_without_layer_survive(page, layered_url):
    """An entry saved by the national page (same key, no layer fields) loads unchanged."""
    _open(page, layered_url)
    saved = {"version": 2, "saved_at": None, "fields": {
        "evaluation_year": "2026", "role": "vien_chuc", "leader": "false", "mode": "full",
        "score_input": "total", "score_total": "92", "unit_has_own_rules": "unknown"}}
    page.evaluate("(v) => localStorage.setItem('thidua.tu-danh-gia', v)", json.dumps(saved))
    page.reload()
    page.wait_for_function("document.getElementById('tdg-result')"
                           ".getAttribute('data-classification') === 'HTXS'")
    assert page.input_value("#f-score_total") == "92"
    assert page.input_value("#f-nhom") == ""
    titles = page.get_attribute("#tdg-result", "data-titles").split()
    assert "CSTDCS" in titles  # not a lecturer: the Quy chế's requirement does not apply
