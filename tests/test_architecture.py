"""The domain core never depends on MkDocs (Material reaches end of life in 2027)."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "hooks" / "thidua"
FORBIDDEN = ("mkdocs", "material", "mkdocs_static_i18n", "properdocs", "thidua_mkdocs")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def test_core_does_not_import_mkdocs():
    offenders = [
        f"{path.relative_to(CORE.parent)}:{line} imports {name}"
        for path in sorted(CORE.rglob("*.py"))
        for line, name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert not offenders, "the core package must not import MkDocs:\n" + "\n".join(offenders)


def test_the_check_sees_the_core_modules():
    # Guards the test above against passing vacuously on an empty or moved package.
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
