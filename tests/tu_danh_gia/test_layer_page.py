"""The layer's data for the self-evaluation page and layer.js's pure part (no build).

``thidua.layers.browser.browser_data`` → ``hook_tu_danh_gia`` writes it with ``</``
escaped; ``layer.js`` under node takes the layer's fields out of a profile and fills the
NĐ 233 transition default exactly as ``Layer.profile_defaults`` does.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from thidua.criteria import export_js
from thidua.layers import load_layer
from thidua.layers.browser import browser_data
from thidua_mkdocs import tu_danh_gia
from thidua_testing import ROOT

LAYER_JS = ROOT / "overrides/assets/js/tu-danh-gia/layer.js"


@pytest.fixture(scope="module")
def layer():
    return load_layer(ROOT, "hoc-vien-mau")


def test_active_layer_only_when_named():
    assert tu_danh_gia.active_layer({}) is None
    assert tu_danh_gia.active_layer({"thidua": {"don_vi": {"lop_quy_che": "none"}}}) is None
    named = {"thidua": {"don_vi": {"lop_quy_che": "hoc-vien-mau"}}}
    assert tu_danh_gia.active_layer(named) == "hoc-vien-mau"


def test_browser_data_is_plain_and_complete(layer):
    data = browser_data(layer, ROOT)
    json.dumps(data)  # plain data only
    assert data["fields"]["diem_chung_thanh_phan"]["parts"] == {"a": 12, "b": 10, "c": 8}
    assert data["groups"]["giang_vien"]["vi"] == "Giảng viên"
    rule = next(r for r in data["rules"] if r["id"] == "giang-vien-bai-bao")
    assert rule["source"]["vi"].endswith("(15/QĐ-HVM), Điều 5 khoản 4")
    assert any("CSTD_BO" in sets.get("CSTDCS", []) for sets in data["dependants"].values())


def test_layer_script_escapes_closing_tags(layer):
    data = browser_data(layer, ROOT)
    data["rules"][0]["text"]["vi"] = "</script><script>alert(1)</script>"
    text = tu_danh_gia.layer_script(data, {"x": {"url": "</script>", "unverified": False}})
    assert "</" not in text
    assert text.count("window.THIDUA_LAYER = ") == 1


PROFILES = [
    {"evaluation_year": 2026, "subject": "individual", "role": "vien_chuc", "score_total": 92,
     "nhom": "giang_vien", "bai_bao_khoa_hoc": 0},
    {"evaluation_year": 2026, "subject": "individual", "role": "vien_chuc", "score_total": 92,
     "unit_has_own_rules": False},
    {"evaluation_year": 2026, "subject": "individual", "role": "cong_chuc", "score_total": 80,
     "score_general": 27, "score_tasks": 53, "diem_chung_thanh_phan": {"a": 11, "b": 9, "c": 7}},
    {"evaluation_year": 2025, "subject": "individual", "role": "vien_chuc"},
]


def test_national_profile_same_in_js(layer, tmp_path):
    script = (
        export_js(ROOT, "THIDUA_DATA")
        + tu_danh_gia.layer_script(browser_data(layer, ROOT), {})
        + LAYER_JS.read_text(encoding="utf-8")
        + "\nvar PROFILES = " + json.dumps(PROFILES) + ";\n"
        + "process.stdout.write(JSON.stringify(PROFILES.map(window.ThiduaLayer.nationalProfile)));"
    )
    runner = tmp_path / "run.js"
    runner.write_text("var window = globalThis;\n" + script, encoding="utf-8")
    proc = subprocess.run(["node", str(runner)], capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    expected = [dict(layer.profile_defaults(p)) for p in PROFILES]
    assert json.loads(proc.stdout) == expected
    assert expected[0]["unit_has_own_rules"] is True and "nhom" not in expected[0]
    assert expected[1]["unit_has_own_rules"] is False


def test_form_without_layer_is_the_national_form(layer):
    """With no layer the form's markup is exactly the template without the layer block."""
    import re

    from thidua import cham_diem
    from thidua_mkdocs import render

    path = ROOT / "hooks/thidua_mkdocs/templates/tu-danh-gia/form.html.j2"
    source = path.read_text(encoding="utf-8")
    block = re.compile(r"^\{% if layer %\}\n.*?^\{% endif %\}\n", re.S | re.M)
    assert len(block.findall(source)) == 1
    data, origin = tu_danh_gia.export_data(ROOT)
    scoring = cham_diem.load(ROOT)
    meta = tu_danh_gia.rules_meta(data)
    labels = tu_danh_gia.code_labels(data["labels"], "vi", "(làm việc dưới 6 tháng)")
    context = dict(lang="vi", labels=labels, meta=meta, meta_json=json.dumps(meta),
                   data_available=True, data_source=origin, links={}, lang_root="../../",
                   default_year=max(meta["years"]), scoring=scoring,
                   periods=data["contract"]["periods"])
    national = render._environment().from_string(block.sub("", source)).render(**context)
    assert render.template("tu-danh-gia/form.html.j2", layer=None, **context) == national
    layered = render.template("tu-danh-gia/form.html.j2",
                              layer=browser_data(layer, ROOT), **context)
    assert 'name="nhom"' in layered and 'name="nhom"' not in national
