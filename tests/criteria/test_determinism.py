"""Random profiles: never a crash, JSON-able results, identical on a second run.

The browser port must give identical answers on random profiles; this generator is the
shape of that comparison (the same seed gives the same profiles).
"""

from __future__ import annotations

import json
import random

from thidua.criteria import load_rules
from thidua.evaluator import ProfileError, evaluate, validate_profile

ROLES = ["can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong"]
VALUES = ["tot", "dap_ung", "khong_dap_ung"]


def random_profile(rng: random.Random) -> dict:
    year = rng.choice(range(2018, 2028))
    subject = rng.choice(["individual", "individual", "individual", "collective", "unit_quota"])
    profile: dict = {"evaluation_year": year, "subject": subject}
    if subject == "individual":
        assigned = rng.randint(1, 20)
        completed = rng.randint(0, assigned)
        on_time = rng.randint(0, completed)
        profile.update(
            role=rng.choice(ROLES),
            leader=rng.random() < 0.3,
            armed_forces=rng.random() < 0.1,
            months_worked=rng.choice([12, 9, 6, 5.5, 3]),
            general_criteria={
                k: rng.choice(VALUES)
                for k in [
                    "chinh_tri_tu_tuong",
                    "dao_duc_loi_song",
                    "tac_phong_le_loi",
                    "y_thuc_to_chuc_ky_luat",
                ]
            },
            leadership_criterion_5a=rng.choice(VALUES),
            tasks={
                "assigned": assigned,
                "completed": completed,
                "on_time_with_quality": on_time,
                "exceeded": rng.randint(0, completed),
            },
            unit={
                "targets_total": 10,
                "targets_completed": 10,
                "targets_on_time_quality": rng.randint(5, 10),
                "targets_exceeded": rng.randint(0, 5),
            },
            sub_units={"total": 4, "htnv_or_above": 4, "htt_or_above": rng.randint(0, 4)},
            score_total=rng.choice([45, 50, 69.99, 70, 89.5, 90, 100]),
            initiatives=[{"kind": "sang_kien", "year": year, "recognised_at": "co_so"}]
            if rng.random() < 0.4
            else [],
            prior_titles={year - 1: ["CSTDCS"], year - 2: ["CSTDCS"]} if rng.random() < 0.3 else {},
        )
        if rng.random() < 0.2:
            profile["classification_input"] = rng.choice(["HTXS", "HTT", "HTNV", "KHTNV"])
        if rng.random() < 0.2:
            profile["leave"] = [
                {"kind": rng.choice(["om_dau", "thai_san", "hoc_tap"]), "months": 3}
            ]
            profile["months_worked"] = 9
        if rng.random() < 0.15:
            profile["discipline"] = [
                {
                    "system": "hanh_chinh",
                    "form": "khien_trach",
                    "decided_on": f"{year}-05-01",
                    "violation_year": year,
                }
            ]
        if rng.random() < 0.2:
            profile["flags"] = {"cstdcs_htxs_alternative": rng.random() < 0.5}
    elif subject == "collective":
        members = rng.randint(1, 30)
        profile.update(
            members=members,
            unit_result=rng.choice(["HTXS", "HTT", "HTNV", "KHTNV"]),
            movement_regular_effective=rng.random() < 0.8,
            internal_unity=rng.random() < 0.8,
            members_htnv_or_above=rng.randint(0, members),
            members_ldtt=rng.randint(0, members),
            members_cstdcs=rng.randint(0, members),
            members_disciplined=0,
            leads_emulation_cluster=rng.random() < 0.3,
            exceeded_all_targets=rng.random() < 0.3,
        )
    else:
        ldtt = rng.randint(0, 40)
        group = rng.randint(0, 40)
        profile.update(
            unit_ldtt_count=ldtt,
            cstdcs_eligible_candidates=rng.randint(0, ldtt),
            group_size_htt_or_above=group,
            individuals_meeting_htxs_criteria=rng.randint(0, group),
        )
        if rng.random() < 0.5:
            profile["flags"] = {
                "quota_rounding": rng.choice(["floor", "ceil", "round_half_up"]),
                "htxs_ratio_base": rng.choice(["htt_only", "htt_or_above"]),
            }
    return profile


def test_random_profiles_are_stable_and_json_able():
    rng = random.Random(20261123)
    produced = refused = 0
    for _ in range(300):
        profile = random_profile(rng)
        problems = validate_profile(profile, load_rules())
        try:
            first = evaluate(profile, load_rules())
        except ProfileError as error:
            assert problems == [p.message for p in error.problems]
            refused += 1
            continue
        assert problems == []
        second = evaluate(json.loads(json.dumps(profile)), load_rules())
        assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)
        produced += 1
        if first["subject"] == "individual":
            assert first["classification"] in {"HTXS", "HTT", "HTNV", "KHTNV", "NOT_CLASSIFIED"}
            order = ["LDTT", "CSTT", "CSTDCS", "CSTD_BO", "CSTDTQ"]
            assert first["eligible_titles"] == [t for t in order if t in first["eligible_titles"]]
    assert produced > 150 and refused > 10
