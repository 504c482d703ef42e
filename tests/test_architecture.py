"""The layer rule of the code (README, "How the code is laid out").

Which package may import which is checked by import-linter (``[tool.importlinter]`` in
pyproject.toml; ``make lint`` runs ``lint-imports``): the contract and the citation
grammar at the bottom, then the criteria data, the evaluator, the services, the
commands, and the MkDocs adapters on top; the core never imports MkDocs, Material,
static-i18n, ProperDocs or the adapters, and its logic never renders templates. The
tests below run it, and keep what an import graph cannot say.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "hooks" / "thidua"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _contracts() -> list[dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"]


def test_import_linter_keeps_every_contract():
    run = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"Contracts: {len(_contracts())} kept, 0 broken." in run.stdout, run.stdout


def test_the_contracts_say_what_the_layer_rule_says():
    # Guards the run above against passing on an emptied or weakened configuration.
    contracts = _contracts()
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    order = [name for layer in layers for name in layer.replace(":", "|").split("|")]
    order = [name.strip() for name in order]
    for upper, lower in (
        ("thidua_mkdocs", "thidua.commands"),
        ("thidua.commands", "thidua.evaluator"),
        ("thidua.evaluator", "thidua.criteria"),
        ("thidua.criteria", "thidua.contract"),
    ):
        assert order.index(upper) < order.index(lower), (upper, lower)
    forbidden = next(c for c in contracts if c.get("source_modules") == ["thidua"])
    assert {"mkdocs", "material", "mkdocs_static_i18n", "thidua_mkdocs"} <= set(
        forbidden["forbidden_modules"]
    )


def test_the_check_sees_the_core_modules():
    assert len(list(CORE.rglob("*.py"))) >= 4


# Markers of Material's page and search-index formats: code that knows them lives in
# the adapter package (``hooks/thidua_mkdocs``), what must change when Material goes.
MATERIAL_FORMATS = ("search_index", "__config", "Content-Security-Policy", "iframe-worker")


def test_material_formats_stay_in_the_adapter():
    offenders = [
        f"{path.relative_to(CORE.parent)} mentions {marker}"
        for path in sorted(CORE.rglob("*.py"))
        for marker in MATERIAL_FORMATS
        if marker in path.read_text(encoding="utf-8")
    ]
    assert not offenders, "Material-specific code belongs in thidua_mkdocs:\n" + "\n".join(
        offenders
    )


def test_the_adapter_holds_csp_and_search_index():
    adapter = CORE.parent / "thidua_mkdocs"
    for module in ("csp.py", "search/index.py", "search/duplicates.py", "search/offline.py"):
        assert (adapter / module).is_file(), module
    assert not (CORE / "csp.py").exists()


def test_diem_moi_modules_stay_small():
    package = CORE / "legal" / "diem_moi"
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in package.glob("*.py")}
    assert len(sizes) >= 4 and max(sizes.values()) <= 450, sizes


def test_the_contract_has_one_home():
    # The field names and codes are declared once, in thidua.contract; the criteria
    # data's schema and the evaluator read them from there.
    declarations = [
        str(path.relative_to(CORE.parent))
        for path in sorted(CORE.rglob("*.py"))
        if "\nROLES = (" in path.read_text(encoding="utf-8")
    ]
    assert declarations == ["thidua/contract/codes.py"], declarations


def test_core_modules_stay_small():
    sizes = {
        str(path.relative_to(CORE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in CORE.rglob("*.py")
    }
    too_long = {name: n for name, n in sizes.items() if n > 450}
    assert not too_long, too_long
