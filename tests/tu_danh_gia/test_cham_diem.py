"""The scoring data of the self-evaluation page (data/cham-diem/*.yaml): read with the
project's line-aware loader, checked, every problem named by file, line and field; the
build stops on bad data; every citation of the data resolves to a published clause."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from thidua import cham_diem
from thidua.errors import ContentError

FILE = "data/cham-diem/nd-335-2025.yaml"


def test_the_real_data_loads(root):
    data = cham_diem.load(root)
    assert set(data) >= {"nd-335-2025", "nd-233-2026"}
    formula = data["nd-335-2025"]["formula"]
    assert formula["factor"] == 0.7 and formula["unverified"] is True
    assert formula["non_leader"] == ["so_luong", "chat_luong", "tien_do"]
    assert len(formula["leader"]) == 6
    shares = {c["id"]: c.get("deduction") for c in data["nd-335-2025"]["components"]}
    assert shares["chat_luong"] == {"per": "failed_review", "share": 0.25}
    assert shares["tien_do"] == {"per": "delay", "share": 0.25}
    assert data["nd-233-2026"]["transition"]["year"] == 2026


def test_every_citation_of_the_data_resolves(root):
    from thidua.legal.registry import load_registry

    registry = load_registry(root / "docs")
    data = cham_diem.load(root)
    found = []

    def walk(value):
        if isinstance(value, dict):
            found.extend(value.get("legal_basis", []))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    assert len(found) > 10
    for basis in found:
        registry.resolve_basis(basis)  # raises ContentError naming the basis


def broken_copy(tmp_path: Path, root: Path, old: str, new: str) -> Path:
    shutil.copytree(root / "data" / "cham-diem", tmp_path / "data" / "cham-diem")
    path = tmp_path / FILE
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def line_of(root: Path, needle: str) -> int:
    lines = (root / FILE).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "needle", "field", "allowed"),
    [
        ("  factor: 0.70", "  factor: 0.80", "factor: 0.80", "formula.factor", "at most 0.7"),
        ("      share: 0.25", "      share: 25", "share: 25", "components[1].deduction.share",
         "at most 1"),
        ("    input: share", "    input: slider", "input: slider", "components[0].input",
         "share, percent or choice"),
        ("  general_max: 30", "  general_max: 30\n  bonus: 5", "bonus: 5", "scale.bonus",
         "one of general_max"),
        ("  non_leader: [so_luong,", "  non_leader: [so_luongg,", "non_leader: [so_luongg",
         "formula.non_leader", "ids of components"),
        ('  legal_basis: ["Nghị định 335/2025/NĐ-CP Điều 16"]', "  legal_basis: [Điều 16]",
         "legal_basis: [Điều 16]", "formula.legal_basis", "a list of citations"),
        ("    mark: đ", "    mark: đ\n    mark: dd", "mark: dd", "(YAML)",
         "duplicate key"),
    ],
    ids=["factor", "share", "input", "unknown-key", "formula-id", "basis", "duplicate-key"],
)  # fmt: skip
def test_bad_data_is_named_by_file_line_and_field(tmp_path, root, old, new, needle, field, allowed):
    project = broken_copy(tmp_path, root, old, new)
    with pytest.raises(ContentError) as raised:
        cham_diem.load(project)
    message = str(raised.value)
    assert f"{FILE}:{line_of(project, needle)}: " in message, message
    assert field in message and allowed in message, message
    assert "Traceback" not in message


def test_every_problem_is_listed_at_once(tmp_path, root):
    project = broken_copy(tmp_path, root, "  factor: 0.70", "  factor: 2")
    path = project / FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace("  tasks_max: 70", "  tasks_max: -1"),
        encoding="utf-8",
    )
    with pytest.raises(cham_diem.ScoringDataError) as raised:
        cham_diem.load(project)
    fields = [error.field for error in raised.value.errors]
    assert "formula.factor" in fields and "scale.tasks_max" in fields


def test_broken_scoring_data_stops_the_build(monkeypatch, tmp_path, root):
    import hook_tu_danh_gia
    from mkdocs.exceptions import PluginError
    from thidua_mkdocs import tu_danh_gia

    project = broken_copy(tmp_path, root, "  factor: 0.70", "  factor: 0.80")
    monkeypatch.setattr(tu_danh_gia, "export_data", lambda _root: ({}, "test"))
    hook_tu_danh_gia._build_data.cache_clear()
    try:
        with pytest.raises(PluginError) as raised:
            hook_tu_danh_gia._build_data(str(project))
    finally:
        hook_tu_danh_gia._build_data.cache_clear()
    assert f"{FILE}:{line_of(project, 'factor: 0.80')}: formula.factor" in str(raised.value)


def test_the_data_script_escapes_closing_tags():
    script = cham_diem.script({"x": {"note": "</script><b>"}})
    assert "</script>" not in script and "<\\/script>" in script
    assert script.splitlines()[1].startswith("window.THIDUA_CHAM_DIEM = {")
