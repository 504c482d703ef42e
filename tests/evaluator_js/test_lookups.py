"""The per-year lookups published with the rules (``years[Y].lookups``) are what the year's
data says: the page's evaluator reads them instead of working them out again, so they
must give, for every year, what the rule files give read directly."""

from __future__ import annotations

from thidua import contract
from thidua.criteria import load_rules
from thidua.evaluator import engine, quotas


def test_roles_and_unit_kinds_never_share_a_code():
    """One table maps both to a quota rule set: a shared code would hide one of them."""
    assert not set(contract.ROLES) & set(contract.UNIT_KINDS)


def test_quota_rule_set_by_role_or_unit_kind_is_the_year_table():
    rules = load_rules()
    data = rules.export()["years"]
    for year, entry in rules.years.items():
        table = data[str(year)]["lookups"]["quota_rules"]
        assert {k: v for k, v in table.items() if k in contract.ROLES} == entry["danh_gia"]
        kinds = {k: v for k, v in table.items() if k in contract.UNIT_KINDS}
        assert kinds == entry.get("collective_rules", {})
        profile = {"evaluation_year": year, "subject": "unit_quota"}
        assert quotas.quota_rules_id(rules, profile) == entry["quota_rules"]
        for role, rule_set in entry["danh_gia"].items():
            assert quotas.quota_rules_id(rules, {**profile, "role": role}) == rule_set


def test_flag_defaults_follow_the_year_and_the_quota_rule_set():
    rules = load_rules()
    data = rules.export()["years"]
    for year, entry in rules.years.items():
        published = data[str(year)]["lookups"]["flags"]
        for rule_set, defaults in published.items():
            assert list(defaults) == list(rules.flags)
            cap = rules.danh_gia[rule_set]["htxs_cap"]
            if "htxs_ratio" not in entry.get("flag_defaults", {}):
                assert defaults["htxs_ratio"] == cap.get("ratio")
            flags = engine.effective_flags(rules, year, {}, rule_set)
            assert flags["quota_rounding"] == defaults["quota_rounding"] == "floor"
        assert entry["quota_rules"] in published
        given = engine.effective_flags(rules, year, {"quota_rounding": "ceil"})
        assert given["quota_rounding"] == "ceil"


def test_years_with_collectives_on_points_are_named():
    rules = load_rules()
    data = rules.export()["years"]
    years = [str(y) for y in sorted(rules.years) if rules.years[y].get("collective_rules")]
    expected = ", ".join(years)
    for year in rules.years:
        assert data[str(year)]["lookups"]["collective_years"] == (expected or "none")


def test_armed_forces_titles_pair_the_rules_applies_if():
    """LĐTT outside the armed forces, CSTT inside: paired from each year's emulation rules."""
    rules = load_rules()
    data = rules.export()["years"]
    for year, entry in rules.years.items():
        titles = rules.thi_dua[entry["thi_dua"]]["individual_titles"]
        armed = {
            t["title"]: t["applies_if"]["value"]
            for t in titles
            if (t.get("applies_if") or {}).get("field") == "armed_forces"
        }
        table = data[str(year)]["lookups"]["armed_forces_titles"]
        assert table == {"LDTT": "CSTT"}, year
        assert armed == {"LDTT": False, "CSTT": True}, year
