"""The random profile generator and the result comparison used by the browser tests
(no browser needed): deterministic, valid, and covering what it claims."""

from __future__ import annotations

from collections import Counter

from thidua.contract import (
    DISCIPLINE_FORMS,
    INITIATIVE_KINDS,
    LEAVE_KINDS,
    ROLES,
)
from thidua.criteria import load_rules
from thidua.evaluator import evaluate, validate_profile

from evaluator_js.compare import diffs
from evaluator_js.profiles import invalid_profiles, random_profiles
from evaluator_js.test_evaluator_js import SEED_VI


def test_generator_is_deterministic_and_valid():
    rules = load_rules()
    first = random_profiles(7, 200, rules)
    assert first == random_profiles(7, 200, rules)
    assert first != random_profiles(8, 200, rules)
    assert all(validate_profile(p, load_rules()) == [] for p in first)
    assert all(validate_profile(p, load_rules()) for p in invalid_profiles(7, 50, rules))


def test_generator_covers_the_contract():
    rules = load_rules()
    seen: Counter = Counter()
    for profile in random_profiles(SEED_VI, 2000, rules):
        seen[("subject", profile["subject"])] += 1
        seen[("year", profile["evaluation_year"])] += 1
        seen[("role", profile.get("role"))] += 1
        seen[("leader", profile.get("leader", False))] += 1
        seen[("flags", bool(profile.get("flags")))] += 1
        seen[("classification_input", "classification_input" in profile)] += 1
        for item in profile.get("leave", []):
            seen[("leave", item["kind"])] += 1
        for item in profile.get("discipline", []):
            seen[("discipline", item["form"])] += 1
            seen[("already_used", "already_used_for_rating_year" in item)] += 1
        for item in profile.get("initiatives", []):
            seen[("initiative", item["kind"])] += 1
        chain = len(profile.get("prior_titles", {}))
        seen[("chain ≥ 6", chain >= 6)] += 1
        result = evaluate(profile, load_rules())
        seen[("classification", result["classification"])] += 1
        for title in result["eligible_titles"]:
            seen[("title", title)] += 1
        seen[("manual_review", result["manual_review"])] += 1
        seen[("quota", result["max_cstdcs"] is not None or result["max_htxs"] is not None)] += 1
    wanted = (
        [("subject", s) for s in ("individual", "collective", "unit_quota")]
        + [("year", y) for y in rules.modelled_years]
        + [("role", r) for r in ROLES]
        + [("leave", k) for k in LEAVE_KINDS]
        + [("discipline", f) for f in DISCIPLINE_FORMS]
        + [("initiative", k) for k in INITIATIVE_KINDS]
        + [("classification", c) for c in ("HTXS", "HTT", "HTNV", "KHTNV", "NOT_CLASSIFIED")]
        + [("title", t) for t in ("LDTT", "CSTT", "CSTDCS", "CSTD_BO", "CSTDTQ")]
        + [("title", t) for t in ("TTLDTT", "TTLDXS", "CO_THI_DUA_BO", "CO_THI_DUA_CP")]
        + [("leader", True), ("flags", True), ("classification_input", True)]
        + [("already_used", True), ("chain ≥ 6", True), ("manual_review", True)]
        + [("quota", True)]
    )
    missing = [key for key in wanted if seen[key] < 3]
    assert not missing, missing


def test_diffs_sees_key_order_types_and_values():
    assert diffs({"a": 1, "b": [1.0, "x"]}, {"a": 1.0, "b": [1, "x"]}) == []
    assert diffs({"a": 1, "b": 2}, {"b": 2, "a": 1}) == [("$ (keys)", ["a", "b"], ["b", "a"])]
    assert diffs({"m": True}, {"m": 1}) == [("$.m", True, 1)]
    assert diffs({"t": ["x", "y"]}, {"t": ["x", "z", "w"]}) == [
        ("$.t (length)", 2, 3),
        ("$.t[1]", "y", "z"),
    ]
