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


def test_bases_in_results_resolve():
    from thidua.criteria.cases import load_cases
    from thidua.evaluator import ProfileError, evaluate

    registry = load_registry(ROOT / "docs")
    cases, _ = load_cases(ROOT)
    seen: set[str] = set()
    for case in cases:
        try:
            result = evaluate(case.profile(), root=ROOT)
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
