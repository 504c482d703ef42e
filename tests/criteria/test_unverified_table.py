"""The [U] table (data/criteria/unverified.yaml) covers every unverified clause the data uses.

A clause is unverified when facts.md / facts-verify.md / facts-2025.md tag it [U] or only
derive its number [D] (list below, kept by hand from those files), or when the published
document marks it ``chua_xac_minh`` (the legal registry). Each such clause used by a
criterion must be mapped to an interpretation flag, a manual-review reason or an
unverified_basis entry.
"""

from __future__ import annotations

from pathlib import Path

from thidua.criteria import load_rules
from thidua.evaluator import evaluate

ROOT = Path(__file__).resolve().parents[2]

# Clauses tagged [U] or [D] in the fact sheets (number or wording not verified).
FACTS_UNVERIFIED = {
    "Luật 06/2022/QH15 Điều 21": "facts-verify 1.6 [D]",
    "Luật 06/2022/QH15 Điều 22": "facts-verify 1.6 [D]",
    "Luật 06/2022/QH15 Điều 26": "facts-verify 1.9, 1.10 [D]/[U]",
    "Luật 06/2022/QH15 Điều 27": "facts-verify 1.9 [D]",
    "Luật 06/2022/QH15 Điều 28": "facts-verify 1.9, 1.12 [D]/[U]",
    "Nghị định 90/2020/NĐ-CP Điều 5": "facts-verify 4.6 [D]",
    "Nghị định 90/2020/NĐ-CP Điều 6": "facts-verify 4.6 [D]",
    "Nghị định 90/2020/NĐ-CP Điều 7": "facts-verify 4.6 [D]",
    "Nghị định 90/2020/NĐ-CP Điều 9": "facts-verify 4.5 [D]",
    "Nghị định 90/2020/NĐ-CP Điều 10": "facts-verify 4.6 [D]",
    "Nghị định 90/2020/NĐ-CP Điều 11": "facts-verify 4.6 [D]",
    "Nghị định 90/2020/NĐ-CP Điều 15": "facts-verify 4.2 (threshold wording [U])",
    "Nghị định 98/2023/NĐ-CP": "facts-verify 3.1 (15 % quota [U])",
    "Nghị định 152/2025/NĐ-CP": "facts-2025 §4 [U]",
}


def _covered(rules) -> set[str]:
    covered: set[str] = set()
    for entry in rules.unverified:
        covered |= set(entry.get("legal_basis", []))
    return covered


def _relevant(basis: str, listed: str) -> bool:
    """True when ``basis`` is ``listed`` or a unit inside it (Điều 27 khoản 1 ⊂ Điều 27)."""
    return basis == listed or basis.startswith(listed + " ")


def test_fact_sheet_unverified_clauses_used_are_in_the_table():
    rules = load_rules(ROOT)
    covered = _covered(rules)
    missing = sorted(
        f"{basis} ({where}; {FACTS_UNVERIFIED[listed]})"
        for basis, where in rules.all_legal_bases()
        for listed in FACTS_UNVERIFIED
        if _relevant(basis, listed)
        and basis not in covered
        and where.file != rules.files["unverified"]
        and ".documents[" not in where.path
    )
    assert not missing, "unverified clauses used without a [U]-table entry:\n" + "\n".join(missing)


def test_registry_unverified_clauses_used_are_in_the_table():
    from thidua.legal.registry import load_registry

    rules = load_rules(ROOT)
    registry = load_registry(ROOT / "docs")
    covered = _covered(rules)
    missing = []
    for basis, where in sorted(set(rules.all_legal_bases())):
        if ".documents[" in where.path or where.file == rules.files["unverified"]:
            continue
        clause = registry.resolve_basis(basis)
        if clause.unverified and basis not in covered:
            missing.append(f"{basis} ({where})")
    assert not missing, (
        "clauses marked chua_xac_minh used without a [U]-table entry:\n" + "\n".join(missing)
    )


def test_every_table_entry_is_actionable():
    rules = load_rules(ROOT)
    table = rules.files["unverified"]
    used = {basis for basis, where in rules.all_legal_bases() if where.file != table}
    for entry in rules.unverified:
        if entry["handling"] == "flag":
            assert entry["flag"] in rules.flags, entry["id"]
        elif entry["handling"] == "unverified_basis":
            for basis in entry["legal_basis"]:
                assert basis in used, f"{entry['id']}: {basis} is not used by the data"
        else:
            file = entry["reason_ref"].split()[0]
            assert (ROOT / "data" / "criteria" / file).is_file(), entry["id"]


def test_unverified_basis_is_reported_in_results():
    profile = {
        "evaluation_year": 2025,
        "subject": "collective",
        "members": 10,
        "unit_result": "HTXS",
        "movement_regular_effective": True,
        "internal_unity": True,
        "members_htnv_or_above": 10,
        "members_ldtt": 8,
        "members_cstdcs": 1,
        "members_disciplined": 0,
    }
    result = evaluate(profile, load_rules())
    assert "Nghị định 152/2025/NĐ-CP" in result["unverified_basis"]
    assert "Luật 06/2022/QH15 Điều 27 khoản 1 điểm a" in result["unverified_basis"]
    assert result["manual_review"] is True  # TTLĐTT and Cờ thi đua bộ criteria are [U]
    used = {b for e in result["explanation"] for b in e["legal_basis"]}
    assert set(result["unverified_basis"]) <= used
