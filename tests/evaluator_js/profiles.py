"""Seeded random profiles of the evaluation contract, for comparing evaluators.

``random_profile(rng, rules)`` returns one VALID profile (checked with the Python
``validate_profile``; regenerated until valid). It covers every subject, every modelled
year and role, leaders, leave kinds, discipline with the NĐ 48/2023 exceptions,
initiatives of every kind and level, long prior-title chains, flags,
``classification_input`` and boundary values (exactly 50 %, 70 %, 80 %, 6 months,
3 months of leave, 89.5 / 90 points …). ``invalid_profiles(rng, rules)`` derives invalid
profiles from valid ones by one mutation each. Profiles are plain JSON data (dates as
``YYYY-MM-DD`` text, prior_titles keys as text) — what the page passes.
"""

from __future__ import annotations

import copy
import random
from typing import Any

from thidua.contract import (
    CERTIFIED_BY,
    CLASSIFICATIONS,
    CRITERION_VALUES,
    DISCIPLINE_FORMS,
    DISCIPLINE_SYSTEMS,
    EFFECTS,
    EFFICIENCY,
    FLAG_VALUES,
    GENERAL_CRITERIA,
    INITIATIVE_KINDS,
    LEAVE_KINDS,
    LEVEL_CODES,
    RECOGNISED_AT,
    RECOGNISED_BY,
    ROLES,
    SUBJECTS,
    TITLE_FIELDS,
    UNIT_KINDS,
)
from thidua.criteria import load_rules
from thidua.evaluator import validate_profile

# Title inputs of a collective besides the contract's TITLE_FIELDS (optional ones).
TITLE_EXTRAS = ("leads_emulation_cluster", "exceeded_all_targets")
MONTHS_WORKED = [12, 12, 12, 11.5, 9, 8.25, 6.01, 6, 5.99, 5, 3, 0.5, 0]
LEAVE_MONTHS = [3, 3, 2.99, 3.01, 6, 5.99, 6.01, 1, 0.5, 4, 4.75, 2, 0.01, 0]
SCORES = [90, 89.5, 89.99, 90.01, 70, 69.99, 70.5, 50, 49.99, 50.01, 100, 0, 95.25, 75, 30]


def _pick(rng: random.Random, values: list | tuple) -> Any:
    return values[rng.randrange(len(values))]


def _date(rng: random.Random, year: int, *, first_day: bool | None = None) -> str:
    month = rng.randint(1, 12)
    if first_day is None:
        first_day = rng.random() < 0.4
    day = 1 if first_day else rng.choice([2, 15, 28])
    return f"{year:04d}-{month:02d}-{day:02d}"


def _counts(rng: random.Random, total: int) -> tuple[int, int, int]:
    """completed ≥ on_time / exceeded, with boundary ratios made likely."""
    completed = total if rng.random() < 0.75 else rng.randint(0, total)
    share = _pick(rng, [1, 1, 1, 0.8, 0.5, 0.79, 0.81, 0.49, 0.51, 0.7, 0.2, 0, None])
    on_time = rng.randint(0, completed) if share is None else min(completed, round(total * share))
    share = _pick(rng, [0.5, 0.5, 0.49, 0.6, 1, 0, 0.3, None])
    exceeded = rng.randint(0, completed) if share is None else min(completed, round(total * share))
    return completed, on_time, exceeded


def _tasks(rng: random.Random, strong: bool = False) -> dict:
    assigned = _pick(rng, [10, 20, 100, 4, 1, 7, 3, rng.randint(1, 60)])
    if strong:
        share = _pick(rng, [0.5, 0.5, 0.6, 1, 0.49])
        completed, on_time, exceeded = assigned, assigned, round(assigned * share)
    else:
        completed, on_time, exceeded = _counts(rng, assigned)
    tasks = {
        "assigned": assigned,
        "completed": completed,
        "on_time_with_quality": on_time,
        "exceeded": exceeded,
    }
    if rng.random() < 0.5:
        tasks["efficiency"] = "high" if strong and rng.random() < 0.7 else _pick(rng, EFFICIENCY)
    return tasks


def _unit(rng: random.Random, strong: bool = False) -> dict:
    total = _pick(rng, [10, 20, 100, 3, 1, rng.randint(1, 50)])
    if strong:
        half = round(total * _pick(rng, [0.5, 0.6, 1, 0.4]))
        return {
            "targets_total": total,
            "targets_completed": total,
            "targets_on_time_quality": _pick(rng, [total, round(total * 0.8)]),
            "targets_exceeded": min(total, half),
        }
    completed = _pick(
        rng, [total, total, round(total * 0.7), round(total * 0.5), rng.randint(0, total)]
    )
    completed = min(completed, total)
    on_time = min(completed, _pick(rng, [completed, round(total * 0.8), rng.randint(0, total)]))
    exceeded = min(completed, _pick(rng, [round(total * 0.5), 0, completed, rng.randint(0, total)]))
    return {
        "targets_total": total,
        "targets_completed": completed,
        "targets_on_time_quality": on_time,
        "targets_exceeded": exceeded,
    }


def _sub_units(rng: random.Random, strong: bool = False) -> dict:
    total = _pick(rng, [10, 5, 0, 1, rng.randint(0, 30)])
    if strong:
        return {
            "total": total,
            "htnv_or_above": total,
            "htt_or_above": _pick(rng, [total, round(total * 0.7)]),
        }
    htnv = min(total, _pick(rng, [total, total, round(total * 0.7), rng.randint(0, total)]))
    htt = min(
        htnv, _pick(rng, [round(total * 0.7), htnv, round(total * 0.69), rng.randint(0, htnv)])
    )
    return {"total": total, "htnv_or_above": htnv, "htt_or_above": htt}


def _general(rng: random.Random, strong: bool = False) -> dict:
    if strong:
        weights = [0.93, 0.07, 0]
    else:
        weights = [0.7, 0.25, 0.05] if rng.random() < 0.8 else [0.3, 0.4, 0.3]
    return {k: rng.choices(CRITERION_VALUES, weights)[0] for k in GENERAL_CRITERIA}


def _leave(rng: random.Random, room: float) -> list[dict]:
    items = []
    for _ in range(rng.choice([0, 0, 1, 1, 1, 2, 3])):
        months = _pick(rng, LEAVE_MONTHS)
        if months > room:
            continue
        room = round(room - months, 2)
        item: dict[str, Any] = {"kind": _pick(rng, LEAVE_KINDS), "months": months}
        if rng.random() < 0.3:
            item["certified_by"] = _pick(rng, CERTIFIED_BY)
        if rng.random() < 0.2:
            item["from"] = "2024-03-01"
            item["to"] = "2024-06-30"
        items.append(item)
    return items


def _discipline(rng: random.Random, year: int) -> list[dict]:
    items = []
    count = rng.choices([0, 1, 2, 3], [0.6, 0.2, 0.15, 0.05])[0]
    violation = _pick(rng, [year, year - 1])
    for _ in range(count):
        decided = _pick(rng, [year, year, year - 1, year + 1, year - 2])
        item: dict[str, Any] = {
            "system": _pick(rng, DISCIPLINE_SYSTEMS),
            "form": _pick(rng, DISCIPLINE_FORMS),
            "decided_on": _date(rng, decided),
            "violation_year": violation if rng.random() < 0.7 else _pick(rng, [year, year - 1]),
        }
        if rng.random() < 0.35:
            item["already_used_for_rating_year"] = _pick(rng, [year, year - 1, year + 1])
        items.append(item)
    return items


def _strong_initiative(rng: random.Random, year: int) -> dict:
    """An initiative that meets a CSTĐ bộ or CSTĐ toàn quốc criterion (or nearly)."""
    kind = _pick(
        rng, ["sang_kien", "sang_kien", "de_tai", "de_an", "cong_trinh", "muu_tri_chien_dau"]
    )
    item: dict[str, Any] = {"kind": kind, "year": year - rng.choice([0, 0, 1, 2, 3, 5, 6])}
    if kind == "muu_tri_chien_dau":
        item["recognised_at"] = _pick(rng, ["bo_tinh", "toan_quoc", "toan_quoc"])
        item["recognised_by"] = _pick(rng, ["bo_truong_quoc_phong_cong_an", "khac"])
    else:
        item["recognised_at"] = _pick(rng, RECOGNISED_AT)
        item["effect"] = _pick(rng, EFFECTS[1:] * 3 + EFFECTS[:1])
        item["recognised_by"] = _pick(rng, ["nguoi_dung_dau_bo_tinh"] * 3 + ["co_so"])
        if kind != "sang_kien" or rng.random() < 0.3:
            item["accepted"] = rng.random() < 0.9
        if rng.random() < 0.3:
            item["applied"] = True
    return item


def _initiatives(rng: random.Random, year: int, strong: bool = False) -> list[dict]:
    items = []
    if strong:
        items = [_strong_initiative(rng, year) for _ in range(rng.choice([0, 1, 1, 2, 3]))]
    for _ in range(rng.choices([0, 1, 2, 3, 4], [0.35, 0.3, 0.2, 0.1, 0.05])[0]):
        item: dict[str, Any] = {
            "kind": _pick(rng, INITIATIVE_KINDS),
            "year": year - rng.choice([0, 0, 0, 1, 2, 3, 5, 6, 7]) + (rng.random() < 0.05),
        }
        if rng.random() < 0.75:
            item["recognised_at"] = _pick(rng, RECOGNISED_AT)
        if rng.random() < 0.5:
            item["accepted"] = rng.random() < 0.8
        if rng.random() < 0.4:
            item["applied"] = rng.random() < 0.7
        if rng.random() < 0.6:
            item["effect"] = _pick(rng, EFFECTS)
        if rng.random() < 0.5:
            item["recognised_by"] = _pick(rng, RECOGNISED_BY)
        items.append(item)
    return items


def _prior_titles(rng: random.Random, year: int, strong: bool = False) -> dict[str, list[str]]:
    """Long chains are likely: a run of CSTĐCS years, CSTĐ bộ on some, a gap sometimes."""
    titles: dict[str, list[str]] = {}
    weights = [0.15, 0.08, 0.12, 0.15, 0.12, 0.1, 0.1, 0.08, 0.06, 0.04]
    if strong:
        weights = [0.04, 0.04, 0.12, 0.12, 0.12, 0.14, 0.14, 0.12, 0.1, 0.06]
    length = rng.choices(range(10), weights)[0]
    gap = rng.randint(1, length) if length and rng.random() < (0.08 if strong else 0.2) else None
    bo_every = rng.choice([3, 3, 2, None])
    for back in range(1, length + 1):
        if back == gap:
            titles[str(year - back)] = rng.choice([["LDTT"], []])
            continue
        held = ["LDTT", "CSTDCS"] if rng.random() < 0.9 else ["CSTDCS"]
        if bo_every and back % bo_every == 0 or rng.random() < 0.1:
            held.append("CSTD_BO")
        if rng.random() < 0.03:
            held.append("CSTDTQ")
        titles[str(year - back)] = held
    if rng.random() < 0.1:
        titles[str(year)] = _pick(rng, [["CSTDCS"], ["LDTT", "CSTDCS"], ["CSTD_BO"]])
    if rng.random() < 0.15:
        titles[str(year - length - 3)] = ["LDTT", "CSTDCS", "CSTD_BO"]
    if rng.random() < 0.05:
        titles[str(year - 1)] = ["CSTT", "CSTDCS", "CSTDCS"]
    return titles


def _flags(rng: random.Random) -> dict:
    flags: dict[str, Any] = {}
    if rng.random() < 0.5:
        flags["cstdcs_htxs_alternative"] = rng.random() < 0.5
    if rng.random() < 0.4:
        flags["quota_rounding"] = _pick(rng, FLAG_VALUES["quota_rounding"])
    if rng.random() < 0.3:
        flags["htxs_ratio_base"] = _pick(rng, FLAG_VALUES["htxs_ratio_base"])
    if rng.random() < 0.3:
        flags["htxs_ratio"] = _pick(rng, [0.2, "0.20", 0.25, 0.1234, 1, 0, "0.3333", 0.5, "3/20"])
    if rng.random() < 0.3:
        flags["cstdcs_ratio"] = _pick(rng, [0.15, "0.15", 0.2, 0.125, 1, 0, "0.0001"])
    return flags


def _scores_v3(rng: random.Random, profile: dict, year: int, strong: bool) -> None:
    """The year's score as one total, the 30 + 70 split, or month / quarter scores
    (contract v3), with totals that agree to 0.01 and the exact thresholds likely."""
    way = rng.choices(["total", "split", "periods", "periods_total"], [0.4, 0.25, 0.2, 0.15])[0]
    score = _pick(rng, [90, 95.25, 100, 89.5, 89.99, 70]) if strong else _pick(rng, SCORES)
    if way == "total":
        profile["score_total"] = score
        return
    if way == "split":
        general = _pick(rng, [30, 29.99, 25, 0, 20.5, 28])
        tasks = max(0, min(70, round(score - general, 2)))
        profile["score_general"], profile["score_tasks"] = general, tasks
        if rng.random() < 0.4:
            profile["score_total"] = round(general + tasks + _pick(rng, [0, 0, 0.01, -0.01]), 2)
        return
    quarters = rng.random() < 0.5
    periods = (
        [f"{year}-Q{q}" for q in range(1, 5)]
        if quarters
        else [f"{year}-{m:02d}" for m in range(1, 13)]
    )
    periods = periods[: rng.randint(1, len(periods))] if rng.random() < 0.3 else periods
    items = []
    for period in periods:
        value = max(0, min(100, round(score + _pick(rng, [0, 0, 0, -0.03, 0.01, -0.02, 0.5]), 2)))
        items.append({"period": period, "score": value})
    profile["period_scores"] = items
    if way == "periods_total":
        mean = sum(item["score"] for item in items) / len(items)
        profile["score_total"] = round(mean, 2)


def _individual(rng: random.Random, rules: Any, year: int) -> dict:
    """An individual; half of them "strong" (good results, long chains) so that the
    title rules and chains are reached, not only the failures."""
    entry = rules.years[year]
    role = _pick(rng, list(entry["danh_gia"]))
    rule_set = rules.danh_gia[entry["danh_gia"][role]]
    strong = rng.random() < 0.5
    leader = rng.random() < 0.4
    profile: dict[str, Any] = {"evaluation_year": year, "subject": "individual", "role": role}
    if leader or rng.random() < 0.3:
        profile["leader"] = leader
    if rng.random() < 0.15:
        profile["armed_forces"] = True
    elif rng.random() < 0.2:
        profile["armed_forces"] = False
    months = 12 if strong and rng.random() < 0.8 else _pick(rng, MONTHS_WORKED)
    if months != 12 or rng.random() < 0.2:
        profile["months_worked"] = months
    leave = _leave(rng, round(12 - months, 2)) if not strong or rng.random() < 0.3 else []
    if leave or rng.random() < 0.1:
        profile["leave"] = leave
    if rng.random() < (0.15 if strong else 0.3):
        profile["recruited_on"] = _date(rng, year if rng.random() < 0.8 else year - 1)
    discipline = _discipline(rng, year) if not strong or rng.random() < 0.15 else []
    if discipline:
        profile["discipline"] = discipline
    text_only = rule_set["kind"] == "text_only"
    if text_only or rng.random() < 0.15:
        good = ["HTXS", "HTXS", "HTT", "HTT", "HTNV"]
        profile["classification_input"] = _pick(rng, good if strong else CLASSIFICATIONS)
    points = rule_set["kind"] == "points"
    transition = entry.get("role_transitions", {}).get(role)
    if transition and rng.random() < 0.7:
        profile["unit_has_own_rules"] = rng.random() < 0.6
    if points or rng.random() < 0.1:
        if year >= 2026 and rng.random() < 0.7:
            _scores_v3(rng, profile, year, strong)
        else:
            score = _pick(rng, [90, 95.25, 100, 89.5, 89.99, 70]) if strong else _pick(rng, SCORES)
            profile["score_total"] = score
    if leader and rng.random() < 0.5:
        profile["unit_classification"] = _pick(rng, LEVEL_CODES)
    if transition and profile.get("unit_has_own_rules") is False:
        points = False
    if (not points or rng.random() < 0.2) and (not text_only or rng.random() < 0.3):
        profile["general_criteria"] = _general(rng, strong)
        if not leader or rng.random() < 0.5:
            profile["tasks"] = _tasks(rng, strong)
        if leader:
            weights = [0.9, 0.1, 0] if strong else [0.6, 0.3, 0.1]
            profile["leadership_criterion_5a"] = rng.choices(CRITERION_VALUES, weights)[0]
            profile["unit"] = _unit(rng, strong)
            profile["sub_units"] = _sub_units(rng, strong)
    bad = 0.02 if strong else 0.06
    if rng.random() < bad:
        profile["degradation_concluded"] = True
    if leader and rng.random() < bad:
        profile["unit_corruption_or_waste"] = True
    if rng.random() < bad:
        profile["emulation_spirit"] = False
    initiatives = _initiatives(rng, year, strong)
    if initiatives:
        profile["initiatives"] = initiatives
    prior = _prior_titles(rng, year, strong)
    if prior:
        profile["prior_titles"] = prior
    return profile


def _collective(rng: random.Random, year: int) -> dict:
    members = _pick(rng, [10, 20, 1, 2, 7, rng.randint(1, 40)])

    def share(options: list) -> int:
        value = _pick(rng, options)
        return rng.randint(0, members) if value is None else min(members, round(members * value))

    strong = rng.random() < 0.4
    disciplined = share([0, 0, 0, 0.1, None])
    results = ["HTXS", "HTXS", "HTT"] if strong else CLASSIFICATIONS[:4] * 3 + CLASSIFICATIONS[4:]
    profile: dict[str, Any] = {
        "evaluation_year": year,
        "subject": "collective",
        "members": members,
        "unit_result": _pick(rng, results),
        "movement_regular_effective": rng.random() < (0.95 if strong else 0.85),
        "internal_unity": rng.random() < (0.95 if strong else 0.85),
        "members_htnv_or_above": share([1] if strong else [1, 1, 1, 0.9, None]),
        "members_ldtt": share([0.7, 0.5, 0.69, 0.51, 0.49, 1, None]),
        "members_cstdcs": share([0.1, 0.15, 1] if strong else [0, 0.1, 0.15, None]),
    }
    if rng.random() < 0.9:
        profile["members_disciplined"] = disciplined
    if rng.random() < 0.6:
        profile["members_disciplined_canh_cao_or_above"] = rng.randint(0, disciplined)
    for name in ("leads_emulation_cluster", "exceeded_all_targets"):
        if rng.random() < 0.6:
            profile[name] = rng.random() < (0.8 if strong else 0.5)
    if year >= 2026 and rng.random() < 0.6:
        _collective_points(rng, profile, strong)
    return profile


def _collective_points(rng: random.Random, profile: dict, strong: bool) -> None:
    """A collective on 100 points (contract v3), titles kept or dropped."""
    profile["unit_kind"] = _pick(rng, UNIT_KINDS)
    profile["score_total"] = _pick(rng, [90, 95, 89.99, 70, 69.99, 50, 49.99, 100, 0, 75.5])
    profile["tasks_completed_share"] = _pick(rng, [1, 1, 1, 0.7, 0.69, 0.95, 0])
    profile["tasks_late_share"] = _pick(rng, [0, 0, 0.2, 0.21, 0.1, 0.0001, 1])
    if rng.random() < 0.8:
        profile["tasks_exceeded_share"] = _pick(rng, [0.3, 0.29, 0.5, 0, 1, 0.3333])
    if rng.random() < 0.8:
        profile["constituent_units_khtnv"] = _pick(rng, [0, 0, 0, 1, 3])
    if rng.random() < 0.8:
        profile["deficiencies_remedied"] = rng.random() < (0.9 if strong else 0.6)
    if rng.random() < 0.6:
        profile["violation_concluded"] = rng.random() < 0.15
    if rng.random() < 0.4:
        del profile["unit_result"]
    if rng.random() < 0.3:
        # Without members the profile asks for the level only: drop every title input.
        for name in list(profile):
            if name in TITLE_FIELDS or name in TITLE_EXTRAS or name.startswith("members"):
                del profile[name]


def _unit_quota(rng: random.Random, year: int) -> dict:
    profile: dict[str, Any] = {"evaluation_year": year, "subject": "unit_quota"}
    groups = _pick(rng, [(True, True), (True, False), (False, True)])
    if groups[0]:
        count = _pick(rng, [20, 7, 100, 0, 1, 13, 40, rng.randint(0, 80)])
        profile["unit_ldtt_count"] = count
        profile["cstdcs_eligible_candidates"] = _pick(
            rng, [count, 0, count // 2, rng.randint(0, count)]
        )
    if groups[1]:
        size = _pick(rng, [10, 12, 25, 0, 1, 6, rng.randint(0, 80)])
        profile["group_size_htt_or_above"] = size
        profile["individuals_meeting_htxs_criteria"] = _pick(
            rng, [size, 0, 2, rng.randint(0, size)]
        )
        profile["individuals_meeting_htxs_criteria"] = min(
            size, profile["individuals_meeting_htxs_criteria"]
        )
        if rng.random() < 0.15:
            profile["unit_outstanding_exception_granted"] = rng.random() < 0.7
        if year >= 2026 and rng.random() < 0.6:
            if rng.random() < 0.5:
                profile["role"] = _pick(rng, ROLES)
            else:
                profile["unit_kind"] = _pick(rng, UNIT_KINDS)
                if rng.random() < 0.7:
                    profile["units_total"] = size + _pick(rng, [0, 0, 1, 3, 10])
    return profile


def random_profile(rng: random.Random, rules: Any, years: list[int] | None = None) -> dict:
    """One valid profile (regenerated until the Python validator accepts it)."""
    for _ in range(100):
        year = _pick(rng, years or rules.modelled_years)
        kind = rng.choices(SUBJECTS, [0.72, 0.14, 0.14])[0]
        if kind == "individual":
            profile = _individual(rng, rules, year)
        elif kind == "collective":
            profile = _collective(rng, year)
        else:
            profile = _unit_quota(rng, year)
        if rng.random() < 0.3:
            flags = _flags(rng)
            if flags:
                profile["flags"] = flags
        if not validate_profile(profile, load_rules()):
            return profile
    raise AssertionError("the generator keeps producing invalid profiles")


def random_profiles(
    seed: int, count: int, rules: Any, years: list[int] | None = None
) -> list[dict]:
    """``count`` valid profiles from one seed (the same list for the same seed); only
    of ``years`` when given (the 2026 rules of contract v3 get their own batch)."""
    rng = random.Random(seed)
    return [random_profile(rng, rules, years) for _ in range(count)]


# --- invalid profiles -------------------------------------------------------------------

MUTATIONS: list[tuple[str, Any]] = [
    ("evaluation_year", 2018),
    ("evaluation_year", 2030),
    ("evaluation_year", "2024"),
    ("subject", "ca_nhan"),
    ("role", "giam_doc"),
    ("leader", "yes"),
    ("months_worked", 12.345),
    ("months_worked", -1),
    ("months_worked", 13),
    ("months_worked", "12"),
    ("score_total", 100.01),
    ("score_total", True),
    ("recruited_on", "2024-02-30"),
    ("recruited_on", "2024/01/01"),
    ("recruited_on", "2099-01-01"),
    ("tasks", {"assigned": 0, "completed": 0, "on_time_with_quality": 0, "exceeded": 0}),
    ("tasks", {"assigned": 5, "completed": 6, "on_time_with_quality": 0, "exceeded": 0}),
    ("tasks", {"assigned": 5, "completed": 5}),
    ("general_criteria", {"chinh_tri_tu_tuong": "tot"}),
    ("leave", [{"kind": "thai_san", "months": 13}]),
    ("leave", [{"kind": "nghi_phep", "months": 1}]),
    ("leave", {"kind": "thai_san"}),
    ("discipline", [{"system": "dang", "form": "canh_cao", "decided_on": "2024-13-01"}]),
    ("initiatives", [{"kind": "sang_kien", "year": 1900}]),
    ("initiatives", [{"kind": "sang_kien", "year": 2024, "effect": "huge"}]),
    ("prior_titles", {"23": ["LDTT"]}),
    ("prior_titles", {"2023": "LDTT"}),
    ("prior_titles", {"2023": ["LĐTT"]}),
    ("flags", {"cstdcs_htxs_alternativ": True}),
    ("flags", {"quota_rounding": "up"}),
    ("flags", {"htxs_ratio": 1.5}),
    ("flags", {"cstdcs_ratio": "0.12345"}),
    ("flags", {"htxs_ratio": "3/20"}),
    ("flags", {"htxs_ratio_base": None}),
    ("flags", []),
    ("typo_field", 1),
    ("members", 0),
    ("members_ldtt", 1000),
    ("members_disciplined_canh_cao_or_above", 1000),
    ("unit_ldtt_count", None),
    ("cstdcs_eligible_candidates", 100000),
    ("unit_outstanding_exception_granted", 1),
    # Contract v3.
    ("unit_has_own_rules", "yes"),
    ("unit_classification", "XUAT_SAC"),
    ("score_general", 30.5),
    ("score_tasks", -1),
    ("score_general", 10),
    ("period_scores", []),
    ("period_scores", [{"period": "2026-01", "score": 101}]),
    ("period_scores", [{"period": "2026-01", "score": 80}, {"period": "2026-01", "score": 80}]),
    ("period_scores", [{"period": "2026-01", "score": 80}, {"period": "2026-Q2", "score": 80}]),
    ("period_scores", [{"period": "2025-12", "score": 80}]),
    ("period_scores", [{"period": "2026-Q5", "score": 80}]),
    ("period_scores", [{"period": "2026-02", "score": 80.5}, {"period": "2026-03", "score": 1}]),
    ("unit_kind", "truong_hoc"),
    ("tasks_completed_share", 1.5),
    ("tasks_late_share", "0.2"),
    ("constituent_units_khtnv", -1),
    ("units_total", 2),
    ("role", "can_bo"),
]


def invalid_profiles(seed: int, count: int, rules: Any) -> list[dict]:
    """Profiles that one mutation made invalid for Python (kept only if Python rejects)."""
    rng = random.Random(seed)
    out: list[dict] = []
    while len(out) < count:
        profile = copy.deepcopy(random_profile(rng, rules))
        name, value = _pick(rng, MUTATIONS)
        if rng.random() < 0.15 and name in profile:
            del profile[name]
        else:
            profile[name] = copy.deepcopy(value)
        if validate_profile(profile, load_rules()):
            out.append(profile)
    return out
