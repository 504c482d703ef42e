"""The browser evaluator (overrides/assets/js/tu-danh-gia/: profile.js, evaluator.js) vs Python.

Every YAML case profile of data/cases/ (each flag variant) and thousands of seeded
random contract profiles go through ``window.ThiduaEvaluator`` on the real built page,
in one ``page.evaluate`` batch per language; each result must equal the Python
``thidua.evaluator.evaluate`` result exactly (after a JSON round trip of both): every key,
text, list order, map key order and number. Invalid profiles must be refused by both
with the same messages.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
from thidua.criteria import load_rules
from thidua.evaluator import ProfileError, evaluate, validate_profile
from thidua.evaluator.cases import load_cases

from evaluator_js.compare import diffs, short
from evaluator_js.profiles import invalid_profiles, random_profiles

pytestmark = pytest.mark.browser

SEED_VI = 20261124
SEED_EN = 20261125
SEED_INVALID = 20261126
RANDOM_VI = 2000
RANDOM_EN = 300
SEED_2026 = 20261203
RANDOM_2026 = 1000
# The evaluator's two files, in the page's order: the profile's checks, then the engine.
EVALUATOR = ("assets/js/tu-danh-gia/profile.js", "assets/js/tu-danh-gia/evaluator.js")

# One call: validate, then evaluate (or check that evaluate refuses); JSON text back.
JS_BATCH = """items => JSON.stringify(items.map(function (item) {
  var ev = window.ThiduaEvaluator, profile = item[0], lang = item[1];
  try {
    var problems = ev.validateProfile(profile);
    if (problems.length) {
      var threw = false;
      try { ev.evaluate(profile, lang); } catch (e) { threw = true; }
      return {problems: problems, evaluate_threw: threw};
    }
    return {result: ev.evaluate(profile, lang)};
  } catch (e) {
    return {error: String((e && e.stack) || e)};
  }
}))"""


def python_answer(profile: Any, lang: str) -> dict:
    """What the page must get: the problems, or the result (JSON round trip)."""
    problems = validate_profile(profile, load_rules())
    if problems:
        try:
            evaluate(profile, load_rules(), lang)
            threw = False
        except ProfileError:
            threw = True
        return {"problems": problems, "evaluate_threw": threw}
    result = evaluate(profile, load_rules(), lang)
    return {"result": json.loads(json.dumps(result, ensure_ascii=False))}


def compare_batch(page, items: list[tuple[str, Any, str]]) -> list[str]:
    """Run ``items`` (label, profile, lang) in the page; one report per mismatch."""
    payload = [[profile, lang] for _, profile, lang in items]
    answers = json.loads(page.evaluate(JS_BATCH, payload))
    assert len(answers) == len(items)
    reports = []
    for (label, profile, lang), js in zip(items, answers, strict=True):
        py = python_answer(profile, lang)
        found = diffs(py, js)
        if found:
            lines = [f"{label} [{lang}] profile: {short(profile, 2000)}"]
            for where, a, b in found:
                lines.append(f"    at {where}:\n      python: {short(a)}\n      js:     {short(b)}")
            reports.append("\n".join(lines))
    return reports


def fail_with(reports: list[str], total: int) -> None:
    if reports:
        shown = "\n".join(reports[:8])
        more = f"\n… and {len(reports) - 8} more" if len(reports) > 8 else ""
        pytest.fail(f"{len(reports)} of {total} profiles differ:\n{shown}{more}", pytrace=False)


def _json(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False))


def case_items(root) -> list[tuple[str, Any, str]]:
    cases, errors = load_cases(root)
    assert not errors, [e.message for e in errors]
    items = []
    for case in cases:
        for flags, _expected in case.variants():
            label = f"case {case.id} ({case.file})" + (f" flags {flags}" if flags else "")
            profile = _json(case.profile(flags))
            items += [(label, profile, "vi"), (label, profile, "en")]
    return items


def test_cases_match_python(tool_page, root):
    items = case_items(root)
    assert len(items) >= 200, len(items)
    reports = compare_batch(tool_page, items)
    print(f"\nevaluator.js: {len(items)} case runs (vi + en) compared, {len(reports)} differ")
    fail_with(reports, len(items))


def test_random_profiles_match_python_vi(tool_page):
    rules = load_rules()
    profiles = random_profiles(SEED_VI, RANDOM_VI, rules)
    items = [(f"seed {SEED_VI} #{i}", _json(p), "vi") for i, p in enumerate(profiles)]
    reports = compare_batch(tool_page, items)
    print(f"\nevaluator.js: {len(items)} random profiles (vi) compared, {len(reports)} differ")
    fail_with(reports, len(items))


def test_random_2026_profiles_match_python(tool_page):
    """Contract v3: NĐ 233 and its transition, split and period scores, leaders and the
    unit's level, collectives on 100 points, quotas by role or unit kind (vi and en)."""
    rules = load_rules()
    profiles = random_profiles(SEED_2026, RANDOM_2026, rules, years=[2026])
    items = [
        (f"seed {SEED_2026} #{i}", _json(p), "vi" if i % 3 else "en")
        for i, p in enumerate(profiles)
    ]
    assert sum("period_scores" in p for p in profiles) > 50
    assert sum("unit_kind" in p for p in profiles) > 50
    reports = compare_batch(tool_page, items)
    print(f"\nevaluator.js: {len(items)} random 2026 profiles compared, {len(reports)} differ")
    fail_with(reports, len(items))


def test_random_profiles_match_python_en(tool_page):
    rules = load_rules()
    profiles = random_profiles(SEED_EN, RANDOM_EN, rules)
    items = [(f"seed {SEED_EN} #{i}", _json(p), "en") for i, p in enumerate(profiles)]
    reports = compare_batch(tool_page, items)
    print(f"\nevaluator.js: {len(items)} random profiles (en) compared, {len(reports)} differ")
    fail_with(reports, len(items))


CRAFTED_INVALID: list[tuple[str, Any]] = [
    ("not a mapping", ["evaluation_year", 2024]),
    ("text", "2024"),
    ("empty", {}),
    ("unknown subject", {"evaluation_year": 2024, "subject": "team", "role": "cong_chuc"}),
    ("year not modelled", {"evaluation_year": 2010, "subject": "individual", "role": "can_bo"}),
    ("year as text", {"evaluation_year": "2024", "subject": "collective"}),
    (
        "typos",
        {
            "evaluation_year": 2024,
            "subject": "individual",
            "role": "cong_chuc",
            "montsh_worked": 12,
            "flags": {"cstdcs_htxs_alternativ": True},
        },
    ),
    (
        "criteria missing",
        {"evaluation_year": 2024, "subject": "individual", "role": "vien_chuc", "leader": True},
    ),
    ("points need score", {"evaluation_year": 2026, "subject": "individual", "role": "cong_chuc"}),
    (
        "text-only year needs the level",
        {"evaluation_year": 2019, "subject": "individual", "role": "cong_chuc"},
    ),
    (
        "bad numbers and dates",
        {
            "evaluation_year": 2024,
            "subject": "individual",
            "role": "cong_chuc",
            "classification_input": "HTT",
            "months_worked": 6.005,
            "recruited_on": "2024-02-30",
            "leave": [{"kind": "thai_san", "months": -1}, "x"],
            "discipline": [{"system": "dang", "form": "canh_cao", "decided_on": "2024/05/01"}],
            # Keys in ascending order: a JS object lists integer-like keys that way.
            "prior_titles": {"99": ["LDTT"], "2022": "LDTT", "2023": ["CSTDCS", "LĐTT"]},
        },
    ),
    (
        "inconsistent counts",
        {
            "evaluation_year": 2024,
            "subject": "individual",
            "role": "cong_chuc",
            "general_criteria": {k: "tot" for k in ("chinh_tri_tu_tuong", "dao_duc_loi_song")},
            "tasks": {"assigned": 5, "completed": 6, "on_time_with_quality": 7, "exceeded": 7},
        },
    ),
    (
        "bad flags",
        {
            "evaluation_year": 2024,
            "subject": "unit_quota",
            "unit_ldtt_count": 10,
            "cstdcs_eligible_candidates": 11,
            "flags": {
                "quota_rounding": "up",
                "htxs_ratio": 1.5,
                "cstdcs_ratio": "0.12345",
                "htxs_ratio_base": None,
                "cstdcs_htxs_alternative": "yes",
            },
        },
    ),
    ("unit quota without a group", {"evaluation_year": 2024, "subject": "unit_quota"}),
    (
        "v3 periods twice, mixed, other year, out of range",
        {
            "evaluation_year": 2026,
            "subject": "individual",
            "role": "vien_chuc",
            "score_total": 81,
            "period_scores": [
                {"period": "2026-01", "score": 80},
                {"period": "2026-01", "score": 80},
                {"period": "2026-Q2", "score": 80},
                {"period": "2025-12", "score": 80},
            ],
        },
    ),
    (
        "v3 period score out of range and bad period",
        {
            "evaluation_year": 2026,
            "subject": "individual",
            "role": "cong_chuc",
            "period_scores": [{"period": "2026-Q1", "score": 101}, {"period": "2026-13"}],
        },
    ),
    (
        "v3 mean and total disagree",
        {
            "evaluation_year": 2026,
            "subject": "individual",
            "role": "cong_chuc",
            "score_total": 90,
            "score_general": 30,
            "score_tasks": 59.5,
            "period_scores": [
                {"period": "2026-Q1", "score": 89.97},
                {"period": "2026-Q2", "score": 89},
            ],
        },
    ),
    (
        "v3 split half given, bad unit level",
        {
            "evaluation_year": 2026,
            "subject": "individual",
            "role": "vien_chuc",
            "leader": True,
            "score_tasks": 60,
            "unit_classification": "TOT",
            "unit_has_own_rules": "true",
        },
    ),
    (
        "v3 transition needs NĐ 90 inputs",
        {
            "evaluation_year": 2026,
            "subject": "individual",
            "role": "vien_chuc",
            "unit_has_own_rules": False,
            "score_total": 80,
        },
    ),
    (
        "v3 collective on 100 points",
        {
            "evaluation_year": 2026,
            "subject": "collective",
            "unit_kind": "don_vi_su_nghiep",
            "score_total": 90,
            "tasks_completed_share": 1.2,
            "tasks_exceeded_share": "0.3",
            "members": 5,
        },
    ),
    (
        "v3 collective year and quota kinds",
        {
            "evaluation_year": 2025,
            "subject": "unit_quota",
            "unit_kind": "don_vi_su_nghiep",
            "group_size_htt_or_above": 5,
            "individuals_meeting_htxs_criteria": 1,
        },
    ),
    (
        "numbers shown as Python writes them",
        {
            "evaluation_year": 2026,
            "subject": "individual",
            "role": "cong_chuc",
            "score_total": 0.00001,
            "months_worked": 1e16,
            "leave": [{"kind": "om_dau", "months": 2.5e-7}, {"kind": "khac", "months": 0.125}],
        },
    ),
    (
        "bools are not numbers",
        {
            "evaluation_year": 2024,
            "subject": "unit_quota",
            "unit_ldtt_count": True,
            "cstdcs_eligible_candidates": 0,
            "unit_outstanding_exception_granted": 0,
        },
    ),
    (
        "collective counts",
        {
            "evaluation_year": 2024,
            "subject": "collective",
            "members": 10,
            "unit_result": "HTT",
            "movement_regular_effective": True,
            "internal_unity": "yes",
            "members_htnv_or_above": 11,
            "members_ldtt": 5,
            "members_cstdcs": 1,
        },
    ),
]


def test_invalid_profiles_refused_by_both(tool_page):
    rules = load_rules()
    crafted = [(f"crafted: {name}", _json(p), "vi") for name, p in CRAFTED_INVALID]
    derived = [
        (f"seed {SEED_INVALID} #{i}", _json(p), "vi")
        for i, p in enumerate(invalid_profiles(SEED_INVALID, 300, rules))
    ]
    items = crafted + derived
    for label, profile, _lang in items:
        assert validate_profile(profile, load_rules()), f"{label}: Python accepts it"
    reports = compare_batch(tool_page, items)
    print(f"\nevaluator.js: {len(items)} invalid profiles compared, {len(reports)} differ")
    fail_with(reports, len(items))


def test_contract_dates_and_subjects_strict_in_js(tool_page):
    """Dates must be YYYY-MM-DD and a subject a code (Python's lax cases aside)."""
    base = {"evaluation_year": 2024, "subject": "individual", "role": "cong_chuc"}
    profiles = [
        {**base, "classification_input": "HTT", "recruited_on": "20240101xx"},
        {**base, "classification_input": "HTT", "recruited_on": "2024-W01-1"},
        {"evaluation_year": 2024, "subject": ["individual"]},
    ]
    problems = tool_page.evaluate(
        "ps => ps.map(p => window.ThiduaEvaluator.validateProfile(p))", profiles
    )
    assert problems[0] == ["recruited_on: found '20240101xx'; allowed: a date YYYY-MM-DD"]
    assert problems[1] == ["recruited_on: found '2024-W01-1'; allowed: a date YYYY-MM-DD"]
    assert problems[2] == [
        "subject: found a list; allowed: one of individual, collective, unit_quota"
    ]


TYPICAL = {
    "evaluation_year": 2024,
    "subject": "individual",
    "role": "cong_chuc",
    "general_criteria": {
        "chinh_tri_tu_tuong": "tot",
        "dao_duc_loi_song": "tot",
        "tac_phong_le_loi": "tot",
        "y_thuc_to_chuc_ky_luat": "dap_ung",
    },
    "tasks": {"assigned": 20, "completed": 20, "on_time_with_quality": 19, "exceeded": 8},
    "leave": [{"kind": "om_dau", "months": 1}],
    "initiatives": [{"kind": "sang_kien", "year": 2024, "recognised_at": "co_so"}],
    "prior_titles": {"2023": ["LDTT", "CSTDCS"], "2022": ["LDTT", "CSTDCS"]},
}

JS_TIMING = """profile => {
  var ev = window.ThiduaEvaluator, i, b, t;
  for (i = 0; i < 100; i++) { ev.validateProfile(profile); ev.evaluate(profile, "vi"); }
  var single = [], batched = [], page = [];
  for (i = 0; i < 1000; i++) {
    t = performance.now(); ev.evaluate(profile, "vi"); single.push(performance.now() - t);
  }
  for (b = 0; b < 50; b++) {
    t = performance.now();
    for (i = 0; i < 20; i++) { ev.evaluate(profile, "vi"); }
    batched.push((performance.now() - t) / 20);
  }
  for (b = 0; b < 50; b++) {
    t = performance.now();
    for (i = 0; i < 20; i++) { ev.validateProfile(profile); ev.evaluate(profile, "vi"); }
    page.push((performance.now() - t) / 20);
  }
  function median(a) {
    var s = a.slice().sort(function (x, y) { return x - y; });
    return s[s.length >> 1];
  }
  return {single: median(single), batched: median(batched), page: median(page),
          worst: Math.max.apply(null, single), result: ev.evaluate(profile, "vi")};
}"""


def test_evaluate_time_and_size(tool_page, built_site):
    timing = tool_page.evaluate(JS_TIMING, TYPICAL)
    assert timing["result"]["classification"] == evaluate(TYPICAL, load_rules())["classification"]
    raw = b"".join((built_site.site / path).read_bytes() for path in EVALUATOR)
    print(
        f"\nprofile.js + evaluator.js evaluate(): median {timing['single']:.3f} ms a call "
        f"(timer resolution limits this), {timing['batched']:.3f} ms a call in batches of 20, "
        f"validate + evaluate {timing['page']:.3f} ms, worst single {timing['worst']:.2f} ms "
        f"(target < 5 ms); size {len(raw)} bytes raw, {len(gzip.compress(raw, 9))} gzipped"
    )


def _kind(kind) -> dict:
    out: dict[str, Any] = {"kind": kind.kind}
    if kind.kind == "code":
        out["values"] = list(kind.values)
    if kind.kind in ("int", "number"):
        out["low"], out["high"] = kind.low, kind.high
    if kind.kind == "map":
        out["fields"] = _fields(kind.fields or {})
    if kind.kind == "list":
        out["item"] = _kind(kind.item)
    return out


def _fields(fields: dict) -> dict:
    return {
        name: {"kind": _kind(f.kind), "required": f.required, "default": f.default}
        for name, f in fields.items()
    }


def test_js_schema_matches_python(tool_page):
    """What evaluator.js writes itself (the contract's profile schema, fixed orders and
    the operation names) is what the Python package has: a change there shows here."""
    from thidua import contract
    from thidua.evaluator import engine, ops

    python = {
        "common": _fields(contract.COMMON),
        "individual": _fields(contract.INDIVIDUAL),
        "collective": _fields(contract.COLLECTIVE),
        "unit_quota": _fields(contract.UNIT_QUOTA),
        "flag_names": list(contract.FLAG_NAMES),
        "individual_titles": list(contract.INDIVIDUAL_TITLES),
        "collective_titles": list(contract.COLLECTIVE_TITLES),
        "level_order": list(engine.LEVEL_ORDER),
        "recognised_at": list(ops.RECOGNISED_AT),
        "effects": list(ops.EFFECTS),
        "ops": sorted(ops.OPS),
        "level_codes": list(contract.LEVEL_CODES),
        "unit_kinds": list(contract.UNIT_KINDS),
    }
    js = tool_page.evaluate("window.ThiduaEvaluator.schema()")
    found = diffs(json.loads(json.dumps(python)), js, limit=10)
    assert not found, "\n".join(f"{w}: python {short(a)} js {short(b)}" for w, a, b in found)
