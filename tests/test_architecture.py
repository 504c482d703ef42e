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
