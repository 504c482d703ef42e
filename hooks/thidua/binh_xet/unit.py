"""The unit's council review: every member evaluated, the HTXS caps, the CSTĐCS quota,
the council's ranking, and the collective's titles — data only (``compute``).

Mirrored by ``overrides/assets/js/binh-xet/unit.js``; ``thidua unit --json`` prints
``compute()``'s result and a test compares it with the page's on the same files.
All rules come from the evaluator (``thidua.evaluator.evaluate``) and the criteria data:
the cap is the ``unit_quota`` subject, the collective titles the ``collective`` subject.
With a local layer, each member and each HTXS cap is evaluated through
``Layer.evaluate`` (its staff-group requirements, titles kept for one group, a tighter
HTXS cap), exactly as ``thidua evaluate --layer ID``; the CSTĐCS quota is the layer's.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from thidua.binh_xet.members import BY_KEY, problem, problem_words
from thidua.binh_xet.profile import Evaluate, evaluator, layer_fields, profile_of
from thidua.contract import COLLECTIVE, DISCIPLINE_FORMS, UNIT_QUOTA, rounded
from thidua.criteria import load_rules
from thidua.evaluator import ProfileError, evaluate, problems

HTT_OR_ABOVE = ("HTXS", "HTT")
HTNV_OR_ABOVE = ("HTXS", "HTT", "HTNV")
# The contract lists discipline forms mildest first: all but khiển trách.
CANH_CAO_OR_ABOVE = DISCIPLINE_FORMS[DISCIPLINE_FORMS.index("canh_cao") :]
DEFAULT_SETTINGS: dict[str, Any] = {
    "rounding": "floor",
    "exception": False,
    "unit_level": None,
    "movement": None,
    "unity": None,
    # The collective's own level on 100 points (2026: NĐ 233 Điều 5–7, NĐ 335): its
    # kind, score, and the task shares as percentages (0–100) entered by the secretary.
    "unit_kind": None,
    "unit_score": None,
    "tasks_completed": None,
    "tasks_late": None,
    "tasks_exceeded": None,
    "units_khtnv": None,
    "remedied": None,
    "violation": None,
    # The active local layer (thidua.binh_xet.layer.layer_data) or None: national law only.
    "layer": None,
}
# Settings needed to compute the collective's level on 100 points.
LEVEL_INPUTS = ("unit_score", "tasks_completed", "tasks_late")
def _missing(result: dict[str, Any]) -> list[dict[str, str]]:
    """Each level not reached and title not eligible, by its code, with the evaluator's
    reason (the reason names the criterion, not the level or title it is for)."""
    not_reached = result["not_reached"]
    out = [{"level": code, "reason": item["reason"]} for code, item in not_reached.items()]
    for title in ("LDTT", "CSTT", "CSTDCS"):
        if title in result["not_eligible"]:
            out.append({"title": title, "reason": result["not_eligible"][title]["reason"]})
    return out


def evaluate_member(
    member: dict[str, Any], year: int, run: Evaluate | None = None, settings: dict | None = None
) -> tuple[dict | None, dict | None]:
    """(member result, None) or (None, the problem that prevented the evaluation)."""
    run = run or evaluator()
    profile = profile_of(member, year)
    try:
        result = run(profile)
    except ProfileError:
        column = BY_KEY["level"]["header"]
        allowed = problem_words("not_evaluable_allowed")
        return None, problem(member["row"], column, str(year), allowed, "not_evaluable")
    out = {key: member.get(key) for key in ("row", "name", "id", "group", "role", "rank", "votes")}
    out.update(
        {
            "level": result["classification"],
            "eligible_titles": result["eligible_titles"],
            "missing": _missing(result),
            "manual_review_reasons": result["manual_review_reasons"],
            "discipline": member.get("discipline"),
            "layer_fields": layer_fields(profile, settings or {}),
            # Titles the local layer withheld (a staff group's requirement…), with the
            # Quy chế's clause: shown on the member's line, not only among "missing".
            "layer_reasons": [
                item["reason"]
                for item in result["not_eligible"].values()
                if item.get("source") == "layer"
            ],
            "htxs_status": None,
            "cstdcs_status": None,
        }
    )
    return out, None


def _order_key(members: list[dict]) -> str | None:
    if members and all(m["rank"] is not None for m in members):
        return "rank"
    if members and all(m["votes"] is not None for m in members):
        return "votes"
    return None


def place(candidates: list[dict], limit: int | None, field: str) -> str | None:
    """Set ``field`` of each candidate: within, over, tie or unranked; return the order used."""
    if limit is None or len(candidates) <= limit:
        for m in candidates:
            m[field] = "within"
        return _order_key(candidates)
    key = _order_key(candidates)
    if limit == 0:
        for m in candidates:
            m[field] = "over"
        return key
    if key is None:
        for m in candidates:
            m[field] = "unranked"
        return None
    value = (lambda m: m["rank"]) if key == "rank" else (lambda m: -m["votes"])
    ordered = sorted(candidates, key=value)
    boundary = value(ordered[limit - 1])
    better = sum(1 for m in candidates if value(m) < boundary)
    equal = sum(1 for m in candidates if value(m) == boundary)
    for m in candidates:
        v = value(m)
        if v < boundary or (v == boundary and better + equal <= limit):
            m[field] = "within"
        elif v == boundary:
            m[field] = "tie"
        else:
            m[field] = "over"
    return key


def _quota_text(result: dict[str, Any], criterion: str) -> dict[str, Any]:
    entry = next((e for e in result["explanation"] if e["criterion"] == criterion), None)
    return {
        "text": entry["text"] if entry else "",
        "legal_basis": entry["legal_basis"] if entry else [],
        "manual_review_reasons": result["manual_review_reasons"],
    }


def _layer_text(result: dict[str, Any]) -> dict[str, Any]:
    """The layer's own lines of a unit_quota result (a tighter HTXS cap), or nothing."""
    lines = [e for e in result["explanation"] if e.get("source") == "layer"]
    return {
        "layer_text": [e["text"] for e in lines],
        "layer_legal_basis": [b for e in lines for b in e["legal_basis"]],
    }


def htxs_caps(
    members: list[dict], year: int, settings: dict, run: Evaluate | None = None
) -> list[dict[str, Any]]:
    """One HTXS cap per (group, role): 20 % of those rated HTT, per the year's rules."""
    run = run or evaluator()
    groups: dict[tuple[str, str], list[dict]] = {}
    for m in members:
        groups.setdefault((m["group"] or "", m["role"]), []).append(m)
    caps = []
    for (group, role), people in sorted(groups.items()):
        rated = [m for m in people if m["level"] in HTT_OR_ABOVE]
        candidates = [m for m in people if m["level"] == "HTXS"]
        if not candidates:
            continue
        profile: dict[str, Any] = {
            "evaluation_year": year,
            "subject": "unit_quota",
            "group_size_htt_or_above": len(rated),
            "individuals_meeting_htxs_criteria": len(candidates),
            "unit_outstanding_exception_granted": bool(settings["exception"]),
            "flags": {"quota_rounding": settings["rounding"]},
        }
        if "role" in UNIT_QUOTA:
            profile["role"] = role
        result = run(profile)
        limit = result["max_htxs"]
        order = place(candidates, limit, "htxs_status")
        caps.append(
            {
                "group": group,
                "role": role,
                "rated_htt_or_above": len(rated),
                "rated_htt": len(rated) - len(candidates),
                "candidates": len(candidates),
                "max": limit,
                "order": order,
                "ratio": result["flags_used"].get("htxs_ratio"),
                "base_kind": result["flags_used"].get("htxs_ratio_base"),
                **_quota_text(result, "quota.htxs"),
                **_layer_text(result),
            }
        )
    return caps


def titles_if_htt(
    source: dict[str, Any], member: dict[str, Any], year: int, run: Evaluate | None = None
) -> list | None:
    """For a member over the HTXS cap: the titles if rated HTT instead (else None)."""
    run = run or evaluator()
    if member["htxs_status"] != "over":
        return None
    profile = {
        k: v
        for k, v in profile_of(source, year).items()
        if k not in ("score_total", "score_general", "score_tasks", "period_scores")
    }
    profile["classification_input"] = "HTT"
    return run(profile)["eligible_titles"]


def proposable(member: dict[str, Any]) -> list[str]:
    """The individual titles that may be proposed, after the HTXS cap."""
    if member.get("titles_if_htt") is not None:
        return member["titles_if_htt"]
    return member["eligible_titles"]


def cstdcs_quota(
    members: list[dict], year: int, settings: dict, lang: str = "vi"
) -> dict[str, Any]:
    """The CSTĐCS quota of the whole unit: the local layer's, or why none applies."""
    ldtt = [m for m in members if {"LDTT", "CSTT"} & set(proposable(m))]
    candidates = [m for m in members if "CSTDCS" in proposable(m)]
    layer = settings.get("layer") or {}
    quota = layer.get("quota")
    if quota:
        # The layer's own ratio and rounding (its Quy chế), exact arithmetic.
        cap = rounded(Fraction(quota["ratio"]) * len(ldtt), quota["rounding"])
        limit = min(cap, len(candidates))
        order = place(candidates, limit, "cstdcs_status")
        return {
            "ldtt": len(ldtt),
            "candidates": len(candidates),
            "max": limit,
            "cap": cap,
            "order": order,
            "none_applies": False,
            "source": "layer",
            "text": f"{quota['source']}: {quota['text']}.",
            "legal_basis": [quota["cite"], quota["tightens"]],
            "manual_review_reasons": [],
        }
    profile = {
        "evaluation_year": year,
        "subject": "unit_quota",
        "unit_ldtt_count": len(ldtt),
        "cstdcs_eligible_candidates": len(candidates),
        "flags": {"quota_rounding": settings["rounding"]},
    }
    result = evaluate(profile, load_rules(), lang=lang)
    limit = result["max_cstdcs"]
    order = place(candidates, limit, "cstdcs_status")
    return {
        "ldtt": len(ldtt),
        "candidates": len(candidates),
        "max": limit,
        "cap": limit,
        "order": order,
        "none_applies": limit is None,
        "source": "law",
        **_quota_text(result, "quota.cstdcs"),
    }


def level_profile(settings: dict, year: int) -> dict[str, Any]:
    """The collective profile that gives the unit's own level on 100 points."""
    profile: dict[str, Any] = {
        "evaluation_year": year,
        "subject": "collective",
        "unit_kind": settings["unit_kind"],
        "score_total": settings["unit_score"],
        "tasks_completed_share": settings["tasks_completed"] / 100,
        "tasks_late_share": settings["tasks_late"] / 100,
    }
    if settings["tasks_exceeded"] is not None:
        profile["tasks_exceeded_share"] = settings["tasks_exceeded"] / 100
    optional = {
        "units_khtnv": "constituent_units_khtnv",
        "remedied": "deficiencies_remedied",
        "violation": "violation_concluded",
    }
    for key, field in optional.items():
        if settings[key] is not None:
            profile[field] = settings[key]
    return profile


def collective(
    members: list[dict], year: int, settings: dict, total: int, lang: str = "vi"
) -> dict[str, Any]:
    """The collective's level on 100 points (when entered) and its titles (TTLĐTT…)."""
    kind = settings["unit_kind"] if "unit_kind" in COLLECTIVE else None
    level_needed = [k for k in LEVEL_INPUTS if settings[k] is None] if kind else []
    scored = False
    out: dict[str, Any] = {
        "needed": [],
        "level_needed": level_needed,
        "level_unavailable": False,
        "eligible_titles": [],
        "not_eligible": {},
        "manual_review_reasons": [],
        "classification": None,
        "level_not_reached": {},
    }
    if kind and not level_needed:
        profile = level_profile(settings, year)
        if problems(profile, load_rules()):
            out["level_unavailable"] = True  # the year does not rate collectives on points
        else:
            scored = True
    wanted = ("movement", "unity") if scored else ("unit_level", "movement", "unity")
    out["needed"] = [name for name in wanted if settings[name] is None]
    counts = {
        "members": total,
        "members_htnv_or_above": sum(1 for m in members if m["level"] in HTNV_OR_ABOVE),
        "members_ldtt": sum(1 for m in members if {"LDTT", "CSTT"} & set(proposable(m))),
        "members_cstdcs": sum(1 for m in members if m["cstdcs_status"] == "within"),
        "members_disciplined": sum(1 for m in members if m["discipline"]),
        "members_disciplined_canh_cao_or_above": sum(
            1 for m in members if m["discipline"] in CANH_CAO_OR_ABOVE
        ),
    }
    out["counts"] = counts
    titles = not out["needed"] and total > 0
    if not scored and not titles:
        return out
    if scored:
        profile = level_profile(settings, year)
    else:
        profile = {"evaluation_year": year, "subject": "collective"}
        profile["unit_result"] = settings["unit_level"]
    if titles:
        profile.update(
            {
                "movement_regular_effective": settings["movement"],
                "internal_unity": settings["unity"],
                **counts,
            }
        )
    result = evaluate(profile, load_rules(), lang=lang)
    out.update(
        {
            "manual_review_reasons": result["manual_review_reasons"],
            "classification": result["classification"],
        }
    )
    if scored:
        out["level_not_reached"] = {k: v["reason"] for k, v in result["not_reached"].items()}
    if titles:
        out["eligible_titles"] = result["eligible_titles"]
        out["not_eligible"] = {k: v["reason"] for k, v in result["not_eligible"].items()}
    return out


def compute(
    read_result: dict[str, Any],
    year: int,
    settings: dict | None = None,
    layer: Any = None,
    lang: str = "vi",
) -> dict:
    """The whole review of a members list read by ``members.read``.

    ``layer`` is the ``thidua.layers.Layer`` whose data is ``settings["layer"]`` (loaded
    from the project when only the data is given); ``lang`` the language of the reasons.
    """
    settings = {**DEFAULT_SETTINGS, **(settings or {})}
    if layer is None and settings["layer"]:
        from thidua.criteria import PROJECT_ROOT
        from thidua.layers import load_layer

        layer = load_layer(PROJECT_ROOT, settings["layer"]["id"])
    run = evaluator(layer, lang)
    problems = list(read_result["problems"])
    invalid = [dict(row) for row in read_result["invalid_rows"]]
    members = []
    for member in read_result["members"]:
        result, trouble = evaluate_member(member, year, run, settings)
        if trouble:
            problems.append(trouble)
            invalid.append({"row": member["row"], "name": member["name"], "problems": [trouble]})
        else:
            members.append(result)
    invalid.sort(key=lambda row: row["row"])
    caps = htxs_caps(members, year, settings, run)
    sources = {m["row"]: m for m in read_result["members"]}
    for m in members:
        m["titles_if_htt"] = titles_if_htt(sources[m["row"]], m, year, run)
    quota = cstdcs_quota(members, year, settings, lang)
    levels = {
        code: sum(1 for m in members if m["level"] == code)
        for code in ("HTXS", "HTT", "HTNV", "KHTNV", "NOT_CLASSIFIED")
    }
    titles = {
        code: sum(1 for m in members if code in m["eligible_titles"])
        for code in ("LDTT", "CSTT", "CSTDCS", "CSTD_BO", "CSTDTQ")
    }
    return {
        "evaluation_year": year,
        "encoding": read_result["encoding"],
        "settings": settings,
        "members": members,
        "invalid_rows": invalid,
        "problems": problems,
        "levels": levels,
        "titles": titles,
        "htxs_caps": caps,
        "cstdcs": quota,
        "collective": collective(members, year, settings, len(members) + len(invalid), lang),
    }
