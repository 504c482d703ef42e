"""The self-evaluation page as built: form in place of the marker, data files, scripts,
no inline script or handler of ours, and the JS+CSS budget (32 KB gzipped, file by file)."""

from __future__ import annotations

import gzip
import json
import re

import pytest

pytestmark = pytest.mark.build

OURS = [
    "assets/js/tu-danh-gia/texts-vi.js",
    "assets/js/tu-danh-gia/state.js",
    "assets/js/tu-danh-gia/calc.js",
    "assets/js/tu-danh-gia/form.js",
    "assets/js/tu-danh-gia/io.js",
    "assets/js/tu-danh-gia/result.js",
    "assets/js/tu-danh-gia/print.js",
    "assets/js/tu-danh-gia/boot.js",
    "assets/js/tu-danh-gia/profile.js",
    "assets/js/tu-danh-gia/evaluator.js",
    "assets/js/tu-danh-gia/layer.js",
    "assets/css/tu-danh-gia.css",
]


def _page(site, lang="vi"):
    path = site / ("en/" if lang == "en" else "") / "tu-danh-gia" / "cong-cu" / "index.html"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_marker_is_replaced_by_the_form(built_site, lang):
    html = _page(built_site.site, lang)
    assert "thidua:tu-danh-gia" not in html
    assert 'id="tdg-form"' in html
    assert 'data-testid="result"' in html
    assert 'id="tdg-import"' in html and 'type="file"' in html
    label = "Nhập dữ liệu" if lang == "vi" else "Import data"
    assert re.search(r'<label for="tdg-import"[^>]*>' + label + "</label>", html)
    assert ("Chính trị tư tưởng" if lang == "vi" else "Political ideology") in html


def test_scripts_load_in_order_on_this_page_only(built_site):
    html = _page(built_site.site)
    sources = re.findall(r'<script src="([^"]+)"', html)
    ours = [s for s in sources if "assets/data/" in s or "tu-danh-gia/" in s]
    names = [s.rsplit("/", 1)[-1] for s in ours]
    assert names == [
        "thidua-data.js",
        "cham-diem.js",
        "profile.js",
        "evaluator.js",
        "texts-vi.js",
        "state.js",
        "calc.js",
        "form.js",
        "io.js",
        "result.js",
        "print.js",
        "boot.js",
    ]
    assert "tu-danh-gia.css" in html
    english = re.findall(r'<script src="([^"]+)"', _page(built_site.site, "en"))
    assert any(s.endswith("/texts-en.js") for s in english)
    assert not any(s.endswith("/texts-vi.js") for s in english)
    other = (built_site.site / "hoi-dap" / "index.html").read_text(encoding="utf-8")
    assert "assets/js/tu-danh-gia/" not in other and "thidua-data" not in other


def test_no_inline_script_or_handler_in_the_form(built_site):
    html = _page(built_site.site)
    start = html.index('<div class="tdg"')
    end = html.index('id="tdg-print"')
    fragment = html[start:end]
    assert "<script" not in fragment
    assert not re.search(r"\son[a-z]+\s*=", fragment)
    assert "style=" not in fragment


def test_data_file_defines_the_globals(built_site):
    text = (built_site.site / "assets" / "data" / "thidua-data.js").read_text(encoding="utf-8")
    assert re.search(r"^window\.THIDUA_DATA = (null|\{.*\});$", text, re.M)
    assert re.search(r"^window\.THIDUA_LEGAL_LINKS = \{.*\};$", text, re.M)


def test_without_javascript_every_question_and_the_criteria_are_in_the_page(built_site):
    html = _page(built_site.site)
    for name in [
        "evaluation_year",
        "role",
        "leader",
        "months_worked",
        "recruited_on",
        "leave.0.kind",
        "discipline.0.form",
        "general_criteria.chinh_tri_tu_tuong",
        "leadership_criterion_5a",
        "tasks.exceeded",
        "unit.targets_total",
        "sub_units.total",
        "score_total",
        "score_input",
        "score_general",
        "score_tasks",
        "period_scores.0.period",
        "period_scores.11.score",
        "calc.nd-335-2025.failed_review",
        "unit_has_own_rules",
        "unit_classification",
        "emulation_spirit",
        "initiatives.0.kind",
        "prior_titles.1",
        "classification_input",
    ]:
        assert f'name="{name}"' in html, name
    criteria = html[html.index('id="tdg-criteria-title"') :]
    for group in ["Chính trị tư tưởng", "Đạo đức, lối sống", "Tác phong, lề lối làm việc"]:
        assert group in criteria


def test_own_js_and_css_stay_within_the_page_budget_gzipped(built_site, capsys):
    raw = b"".join((built_site.site / path).read_bytes() for path in OURS)
    size = len(gzip.compress(raw, 9))
    per_file = sum(len(gzip.compress((built_site.site / p).read_bytes(), 9)) for p in OURS)
    with capsys.disabled():
        print(
            f"\n[tu-danh-gia] JS+CSS: {len(raw)} B raw, {size} B gzipped together, "
            f"{per_file} B gzipped file by file"
        )
    # Issue 5 set 25 KB for the form's scripts; the 2026 score inputs and calculator (issue 11)
    # took them to about 31 KB. The budget now covers all of the page's own code, the
    # evaluator and the layer included (57 KB at d2a4326): the evaluator became an interpreter
    # of the published contract (19.4 → 15.8 KB) while the result's wording of codes and
    # fields (issue 12 item 4) added 1.9 KB, so the page as a whole got lighter. Unminified
    # classic scripts: no build step. Splitting the evaluator like the Python package (profile.js,
    # evaluator.js) cost 1.5 KB of it, file by file (each file its own gzip dictionary): 58 KB.
    assert per_file < 58 * 1024


def test_scoring_data_file_is_published(built_site):
    text = (built_site.site / "assets" / "data" / "cham-diem.js").read_text(encoding="utf-8")
    match = re.search(r"^window\.THIDUA_CHAM_DIEM = (\{.*\});$", text, re.M)
    data = json.loads(match[1])
    assert data["nd-335-2025"]["formula"]["factor"] == 0.7
    assert data["nd-335-2025"]["formula"]["unverified"] is True


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_program_value_in_the_form_markup(built_site, lang):
    html = _page(built_site.site, lang)
    form = html[html.index('<div class="tdg"') : html.index('id="tdg-print"')]
    text = re.sub(r"<[^>]+>", " ", form)
    for bad in ["built-in method", "None", "True", "undefined", "NaN", "0x"]:
        assert bad not in text, bad
