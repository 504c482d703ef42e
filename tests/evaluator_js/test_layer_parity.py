"""The page's layer.js and Python's ``Layer.evaluate`` agree on the sample layer's cases.

A copy of the repository (``git ls-files``) with ``lop_quy_che: hoc-vien-mau`` is built
strictly; every case of data/cases/80-quy-che-hoc-vien-mau.yaml that runs with the sample
layer goes through the built page's own scripts under node (data, profile.js, evaluator.js,
thidua-layer.js, layer.js, as the page loads them) and through Python: the same level,
titles, refused titles, quota and the same source ("law" or "layer") on every reason.
The same build without a layer stays as it is (no layer data, no layer script).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from thidua.evaluator import ProfileError
from thidua.layers import load_layer
from thidua_testing import ROOT

pytestmark = pytest.mark.build

LAYER = "hoc-vien-mau"
CASES = ROOT / "data/cases/80-quy-che-hoc-vien-mau.yaml"
SCRIPTS = (
    "assets/data/thidua-data.js",
    "assets/js/tu-danh-gia/profile.js",
    "assets/js/tu-danh-gia/evaluator.js",
    "assets/data/thidua-layer.js",
    "assets/js/tu-danh-gia/layer.js",
)
RUNNER = (
    "const SCRIPTS = "
    + json.dumps(list(SCRIPTS))
    + ";\n"
    + """
const fs = require("fs"), vm = require("vm");
const site = process.argv[1];
const ctx = {}; ctx.window = ctx; vm.createContext(ctx);
for (const f of SCRIPTS) {
  vm.runInContext(fs.readFileSync(site + "/" + f, "utf8"), ctx, {filename: f});
}
const out = JSON.parse(fs.readFileSync(0, "utf8")).map(([profile, lang]) => {
  const problems = ctx.ThiduaEvaluator.validateProfile(profile);
  if (problems.length) {
    return {problems: problems.map((p) => (p && p.path) || String(p).split(":")[0])};
  }
  return {result: ctx.ThiduaEvaluator.evaluate(profile, lang)};
});
process.stdout.write(JSON.stringify(out));
"""
)

_BUILDS: dict[str, Path] = {}


def copy_tracked(dest: Path) -> Path:
    """The repository's files as a fresh clone has them (uncommitted new files too)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def build_layered(tmp: Path) -> tuple[Path, Path]:
    """(project copy, built site) with ``lop_quy_che: hoc-vien-mau``; built once per run."""
    if "site" not in _BUILDS:
        project = copy_tracked(tmp / "project")
        settings = project / "thidua.yml"
        text = settings.read_text(encoding="utf-8")
        assert "\nlop_quy_che: none\n" in text, "thidua.yml must ship with lop_quy_che: none"
        settings.write_text(
            text.replace("\nlop_quy_che: none\n", f"\nlop_quy_che: {LAYER}\n"), encoding="utf-8"
        )
        site = tmp / "site"
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            timeout=900,
        )
        if proc.returncode != 0:
            pytest.fail(f"layered build failed:\n{(proc.stdout + proc.stderr)[-4000:]}")
        _BUILDS["project"], _BUILDS["site"] = project, site
    return _BUILDS["project"], _BUILDS["site"]


@pytest.fixture(scope="module")
def layered(tmp_path_factory) -> tuple[Path, Path]:
    return build_layered(tmp_path_factory.mktemp("layered"))


def _layer_cases() -> list[dict]:
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    out = []
    for case in data["cases"]:
        if case.get("layer", data.get("layer")) != LAYER:
            continue
        profile = {
            "evaluation_year": case["evaluation_year"],
            "subject": case["subject"],
            **case["inputs"],
        }
        out.append({"id": case["id"], "profile": profile})
    return out


def _summary(result: dict) -> dict:
    """What must agree: level, titles, refusals and reasons with their sources, quotas."""
    return {
        "classification": result.get("classification"),
        "eligible_titles": result["eligible_titles"],
        "not_eligible": {k: v.get("source") for k, v in result["not_eligible"].items()},
        "not_reached": {k: v.get("source") for k, v in result["not_reached"].items()},
        "max_cstdcs": result.get("max_cstdcs"),
        "max_htxs": result.get("max_htxs"),
        "manual_review": result.get("manual_review"),
        "rules_layer": result["rules"].get("layer"),
        "explanation": [(e["criterion"], e["met"], e.get("source")) for e in result["explanation"]],
        "layer_texts": [e["text"] for e in result["explanation"] if e.get("source") == "layer"],
        "unverified_basis": result["unverified_basis"],
    }


def _run_js(site: Path, profiles: list[tuple[dict, str]]) -> list[dict]:
    proc = subprocess.run(
        ["node", "-e", RUNNER, str(site)],
        input=json.dumps(profiles),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sample_layer_cases_same_in_js_and_python(layered, lang):
    project, site = layered
    cases = _layer_cases()
    assert len(cases) >= 20, len(cases)
    layer = load_layer(project, LAYER)
    js = _run_js(site, [(case["profile"], lang) for case in cases])
    refused = decided = 0
    for case, got in zip(cases, js, strict=True):
        try:
            expected = {"result": layer.evaluate(case["profile"], lang, project)}
        except ProfileError as error:
            expected = {"problems": [".".join(map(str, p.path)) for p in error.problems]}
        assert list(got) == list(expected), (case["id"], got, expected)
        if "problems" in expected:
            refused += 1
            own = set(layer.fields)
            mine = sorted(x for x in got["problems"] if x.split(".")[0] in own)
            assert mine == sorted(x for x in expected["problems"] if x.split(".")[0] in own), (
                case["id"],
                got,
                expected,
            )
            continue
        decided += 1
        assert _summary(got["result"]) == _summary(expected["result"]), case["id"]
        if any(e.get("source") == "layer" for e in expected["result"]["explanation"]):
            assert got["result"]["rules"]["layer"] == LAYER
    assert refused >= 3 and decided >= 15, (refused, decided)


def test_layer_data_published_and_escaped(layered):
    _project, site = layered
    text = (site / "assets/data/thidua-layer.js").read_text(encoding="utf-8")
    assert text.count("window.THIDUA_LAYER = ") == 1
    assert "</" not in text
    page = (site / "tu-danh-gia/cong-cu/index.html").read_text(encoding="utf-8")
    assert page.index("tu-danh-gia/layer.js") < page.index("tu-danh-gia/boot.js")
    assert 'name="nhom"' in page and 'name="bai_bao_khoa_hoc"' in page


def test_ladder_lists_the_layer_requirements(layered):
    """The title ladder names what the Quy chế adds, with a link to each clause."""
    _project, site = layered
    ladder = (site / "tieu-chi/thang-danh-hieu/index.html").read_text(encoding="utf-8")
    assert 'id="quy-che"' in ladder
    assert "Điều 5 khoản 4: giảng viên" in ladder
    assert "quy-che-mau/#dieu-5-khoan-4" in ladder


def test_without_layer_no_layer_script_or_field(built_site):
    """The repository ships lop_quy_che: none: the page is the national one."""
    page = (built_site.site / "tu-danh-gia/cong-cu/index.html").read_text(encoding="utf-8")
    assert "layer.js" not in page and "thidua-layer" not in page
    assert 'name="nhom"' not in page and "tdg-layer" not in page
    assert not (built_site.site / "assets/data/thidua-layer.js").exists()
    ladder = (built_site.site / "tieu-chi/thang-danh-hieu/index.html").read_text(encoding="utf-8")
    assert 'id="quy-che"' not in ladder
