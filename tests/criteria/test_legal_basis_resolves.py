"""Every legal_basis in the criteria data resolves to a clause the site publishes.

Uses the legal core's registry (``thidua.legal.registry``) over docs/van-ban.
"""

from __future__ import annotations

from pathlib import Path

from thidua.criteria import load_rules
from thidua.errors import ContentError
from thidua.legal.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]


def test_every_legal_basis_resolves():
    rules = load_rules(ROOT)
    registry = load_registry(ROOT / "docs")
    failures = []
    for basis, where in sorted(set(rules.all_legal_bases())):
        try:
            registry.resolve_basis(basis)
        except ContentError as error:
            failures.append(f"{where}: {basis}: {error.message}")
    assert not failures, "\n".join(failures)


def test_every_basis_comes_with_its_place_as_data():
    """File, line and path are data (``thidua check`` names them without parsing text)."""
    rules = load_rules(ROOT)
    bases = rules.all_legal_bases()
    files = set(rules.files.values())
    assert len(bases) > 30
    for _basis, place in bases:
        assert place.file in files and place.line and place.path.endswith("]"), place
        assert str(place) == f"{place.file}:{place.line}: {place.path}"
    assert any(place.path.startswith("entries[") for _basis, place in bases)


def test_bases_in_results_resolve():
    from thidua.evaluator import ProfileError, evaluate
    from thidua.evaluator.cases import load_cases

    registry = load_registry(ROOT / "docs")
    cases, _ = load_cases(ROOT)
    seen: set[str] = set()
    for case in cases:
        try:
            result = evaluate(case.profile(), load_rules(ROOT))
        except ProfileError:
            continue
        for entry in result["explanation"]:
            seen |= set(entry["legal_basis"])
        for item in [*result["not_eligible"].values(), *result["not_reached"].values()]:
            seen |= set(item["legal_basis"])
    failures = []
    for basis in sorted(seen):
        try:
            registry.resolve_basis(basis)
        except ContentError as error:
            failures.append(f"{basis}: {error.message}")
    assert not failures, "\n".join(failures)
    assert len(seen) > 30


def test_check_names_file_and_line_of_an_unresolved_basis(tmp_path):
    import shutil

    from thidua.commands.check import criteria_problems

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    path = tmp_path / "data" / "criteria" / "thi-dua" / "luat-06-2022+nd-98-2023+tt-01-2024.yaml"
    text = path.read_text(encoding="utf-8")
    old = '{criterion: td.cstdbo.chuoi-3-cstdcs, legal_basis: ["Luật 06/2022/QH15 Điều 22"]}'
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, old.replace("Điều 22", "Điều 99")), encoding="utf-8")
    errors, _rules = criteria_problems(tmp_path)
    messages = [error.message for error in errors]
    expected = (
        f"data/criteria/thi-dua/luat-06-2022+nd-98-2023+tt-01-2024.yaml:{line}: "
        "individual_titles[3].criteria[0].legal_basis[0]: found 'Luật 06/2022/QH15 Điều 99'"
    )
    assert any(message.startswith(expected) for message in messages), messages
