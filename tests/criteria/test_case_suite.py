"""Suite-wide checks of data/cases/: size, shared examples, criterion coverage, years, flags.

The cases themselves are collected one by one by the plugin in conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from thidua.criteria import load_rules
from thidua.evaluator import ProfileError, evaluate
from thidua.evaluator.cases import load_cases

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path("/work/shared/domain/examples.yaml")


def _cases():
    cases, errors = load_cases(ROOT)
    assert not errors, [e.message for e in errors]
    return cases


def _results():
    """(case, flags, result) for every case run that produced a result."""
    out = []
    for case in _cases():
        for flags, _expected in case.variants():
            try:
                out.append((case, flags, evaluate(case.profile(flags), load_rules(ROOT))))
            except ProfileError:
                continue
    return out


def test_at_least_sixty_cases():
    assert len(_cases()) >= 60


def test_every_shared_example_is_in_our_suite():
    ours = (ROOT / "data/cases/00-hop-dong-vi-du.yaml").read_text(encoding="utf-8")
    ours_cases = yaml.safe_load(ours)["cases"]
    if SHARED.is_file():
        shared = yaml.safe_load(SHARED.read_text(encoding="utf-8"))["cases"]
        assert ours_cases == shared, "data/cases/00-hop-dong-vi-du.yaml differs from examples.yaml"
    assert {c["id"] for c in ours_cases} >= {"C01", "C07", "C09", "C19", "C25", "C27"}


def test_every_criterion_is_decided_both_ways():
    rules = load_rules(ROOT)
    seen: dict[str, set[bool]] = {cid: set() for cid in rules.criteria}
    for _case, _flags, result in _results():
        for entry in result["explanation"]:
            if entry["criterion"] in seen:
                seen[entry["criterion"]].add(entry["met"])
    missing = sorted(
        f"{cid} (never {'met' if True not in outcomes else 'failed'})"
        for cid, outcomes in seen.items()
        if outcomes != {True, False}
    )
    assert not missing, "criteria not decided both ways by a case:\n" + "\n".join(missing)


def test_every_modelled_year_has_a_case():
    rules = load_rules(ROOT)
    years = {case.data["evaluation_year"] for case in _cases()}
    assert set(rules.modelled_years) <= years, sorted(set(rules.modelled_years) - years)


def test_every_flag_has_an_expected_if_flags_case():
    rules = load_rules(ROOT)
    used: set[str] = set()
    for case in _cases():
        used |= set((case.data.get("expected_if_flags") or {}).keys())
    assert set(rules.flags) <= used, sorted(set(rules.flags) - used)


def test_every_flag_decides_something_in_some_case():
    rules = load_rules(ROOT)
    decided: set[str] = set()
    for _case, _flags, result in _results():
        decided |= set(result["flags_used"])
    assert set(rules.flags) <= decided, sorted(set(rules.flags) - decided)


def test_every_rule_set_is_used_by_a_case():
    rules = load_rules(ROOT)
    used: set[str] = set()
    for _case, _flags, result in _results():
        used |= {v for v in result["rules"].values() if v}
    expected = set(rules.thi_dua) | set(rules.danh_gia)
    # nd-56-2015+nd-88-2017 and nguoi-lao-dong are used with classification_input.
    assert expected <= used, sorted(expected - used)
