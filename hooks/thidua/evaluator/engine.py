"""Interpret the criteria data for one profile (see the design note in ``__init__``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thidua.criteria import Rules
from thidua.contract import (
    COLLECTIVE_TITLES,
    INDIVIDUAL_TITLES,
    LEVEL_CODES,
    SCORE_FIELDS,
    ratio_value,
)
from thidua.criteria.lookups import flag_defaults
from thidua.evaluator import ops
from thidua.evaluator.context import Ctx, unique
from thidua.evaluator.quotas import quota_rules_id, quotas

RANK = LEVEL_CODES  # best first
LEVEL_ORDER = LEVEL_CODES[:3]  # the levels reached by meeting criteria


def danh_gia_choice(rules: Rules, profile: dict) -> tuple[str, str | None]:
    """The evaluation rule set of an individual and how a role transition decided it:
    ``(rule set id, None | "applied" | "not_applied" | "review")`` (contract v3)."""
    entry = rules.years[profile["evaluation_year"]]
    role = profile["role"]
    primary = entry["danh_gia"][role]
    transition = entry.get("role_transitions", {}).get(role)
    if not transition:
        return primary, None
    own = profile.get(transition["field"])
    if own is True:
        return primary, "not_applied"
    if own is False:
        return transition["rule_set"], "applied"
    if not any(name in profile for name in SCORE_FIELDS) and any(
        name in profile for name in transition["inputs"]
    ):
        return transition["rule_set"], "review"
    return primary, "review"


def effective_flags(rules: Rules, year: int, given: dict, quota_rules: str | None = None) -> dict:
    """Every flag's value for this evaluation: given, else the year's default
    (``criteria.lookups.flag_defaults``, published as ``years[Y].lookups.flags``)."""
    defaults = flag_defaults(rules, year, quota_rules or rules.years[year]["quota_rules"])
    values: dict[str, Any] = {}
    for name, spec in rules.flags.items():
        value = given[name] if name in given else defaults[name]
        if spec["type"] == "ratio" and value is not None:
            value = ratio_value(value)
        values[name] = value
    return values


# -- classification ---------------------------------------------------------------------


def _basis_for(section_basis: dict, role: str, branch: str) -> list[str]:
    entry = section_basis.get(role) or section_basis.get("all") or {}
    return list(entry.get(branch, []))


def classify(ctx: Ctx, rule_set: dict, role: str, leader: bool) -> dict[str, dict]:
    """Set ``ctx.classification``; return ``not_reached`` (level → reason, basis)."""
    rid = rule_set["id"]
    branch = "leader" if leader else "non_leader"
    blockers: list[tuple[str, dict]] = []  # (kind, entry) that lowered the result
    not_classified = False
    cap = None
    for gate in rule_set["gates"]:
        entry = ctx.record_binding(gate, [], "gate", rid, set())
        if entry["met"]:
            continue
        if gate["effect"] == "not_classified":
            not_classified = True
            blockers.append(("not_classified", entry))
        elif gate["effect"] == "cap":
            if cap is None or LEVEL_ORDER.index(gate["cap"]) > LEVEL_ORDER.index(cap):
                cap = gate["cap"]
            blockers.append(("cap:" + gate["cap"], entry))
        else:
            ctx.review(ctx.text(gate["reason"]))
    khtnv = rule_set["khtnv"]
    khtnv_basis = _basis_for(khtnv["basis"], role, branch)
    triggers = []
    for binding in khtnv[branch]:
        entry = ctx.record_binding(binding, khtnv_basis, "KHTNV", rid, set())
        if not entry["met"]:
            triggers.append(entry)
            blockers.append(("khtnv", entry))
            if binding.get("review"):
                ctx.review(ctx.text(binding["review"]))
    level_failures: dict[str, list[dict]] = {}
    level_met: dict[str, bool] = {}
    level_basis: dict[str, list[str]] = {}
    for level in rule_set["levels"]:
        code = level["level"]
        base = _basis_for(level["basis"], role, branch)
        level_basis[code] = base
        entries = [ctx.record_binding(b, base, code, rid, set()) for b in level[branch]]
        level_failures[code] = [e for e in entries if not e["met"]]
        level_met[code] = not level_failures[code]
    if not_classified:
        result = "NOT_CLASSIFIED"
    elif triggers:
        result = "KHTNV"
    else:
        result = None
        for code in LEVEL_ORDER:
            if cap and LEVEL_ORDER.index(code) < LEVEL_ORDER.index(cap):
                continue
            if level_met.get(code):
                result = code
                break
        if result is None:
            result = rule_set["fallback"]["level"]
            if not any(level_met.values()) and rule_set["fallback"].get("reason"):
                ctx.review(ctx.text(rule_set["fallback"]["reason"]))
        _band_review(ctx, rule_set, result)
        for level in rule_set["levels"]:
            if level["level"] == result and level.get("review"):
                ctx.review(ctx.text(level["review"]))
    ctx.classification = result
    lead = rule_set.get("leader_cap")
    if lead and leader and result in RANK:
        entry = ctx.record_binding(
            {"criterion": lead["criterion"], "legal_basis": lead["legal_basis"]},
            [],
            "gate",
            rid,
            set(),
        )
        unit_level = ctx.get(lead["field"])
        if unit_level is ops.MISSING:
            if result in lead["review_levels"]:
                ctx.review(ctx.text(lead["reason"]))
        elif not entry["met"]:
            result = unit_level
            ctx.classification = result
            blockers.append(("lead:" + unit_level, entry))
    not_reached: dict[str, dict] = {}
    for code in LEVEL_ORDER:
        if result in LEVEL_ORDER and LEVEL_ORDER.index(code) >= LEVEL_ORDER.index(result):
            break
        parts: list[dict] = []
        basis: list[str] = list(level_basis.get(code, []))
        for entry in level_failures.get(code, []):
            parts.append(criterion_part(entry))
            basis += entry["legal_basis"]
        for kind, entry in blockers:
            cid = entry["criterion"]
            if kind.startswith("lead:"):
                parts.append({"k": "gate_cap", "level": kind[5:], "criterion": cid})
            elif kind.startswith("cap:"):
                if LEVEL_ORDER.index(code) >= LEVEL_ORDER.index(kind[4:]):
                    continue
                parts.append({"k": "gate_cap", "level": kind[4:], "criterion": cid})
            elif kind == "khtnv":
                parts.append({"k": "khtnv_trigger", "criterion": cid})
            else:
                parts.append({"k": "gate_not_classified", "criterion": cid})
            basis += entry["legal_basis"]
        not_reached[code] = {
            "reason": ctx.msg("reason", parts=parts) if parts else "",
            "legal_basis": unique(basis),
        }
    return not_reached


def criterion_part(entry: dict) -> dict:
    """A reason's part: an explanation entry's criterion, worded with its detail."""
    return {"k": "criterion", "criterion": entry["criterion"]}


def _band_review(ctx: Ctx, rule_set: dict, result: str) -> None:
    """A score in the band of a level above the result whose other conditions failed:
    the competent level decides (NĐ 233/2026 Điều 7 khoản 5)."""
    review = rule_set.get("band_review")
    if not review:
        return
    for level in rule_set["levels"]:
        if level["level"] == result or "band" not in level:
            break
        if ctx.outcome(level["band"])[0]:
            text = ctx.text(review["reason"])
            ctx.info(
                "quy-tac.khung-diem", review["legal_basis"], text, "band_review", rule_set["id"]
            )
            ctx.review(text)
            return


# -- titles -----------------------------------------------------------------------------


def evaluate_titles(ctx: Ctx, titles: list[dict], order: tuple[str, ...]) -> tuple[list, dict]:
    """Eligible titles (fixed order) and ``not_eligible`` for the titles considered."""
    rid = ctx.thi_dua["id"]
    eligible: list[str] = []
    not_eligible: dict[str, dict] = {}
    by_code = {t["title"]: t for t in titles}
    for code in order:
        title = by_code.get(code)
        if title is None:
            continue
        cond = title.get("applies_if")
        if cond and ctx.get(cond["field"]) != cond["value"]:
            continue
        bound = {b["criterion"] for b in title["criteria"]}
        alternatives = {
            sub
            for b in title["criteria"]
            if ctx.rules.criteria[b["criterion"]]["op"] == "any_of"
            for sub in ctx.rules.criteria[b["criterion"]]["criteria"]
        }
        failed = []
        for binding in title["criteria"]:
            entry = ctx.record_binding(binding, [], code, rid, bound)
            if binding["criterion"] not in alternatives and not entry["met"]:
                failed.append(entry)
        if title.get("review"):
            ctx.review(ctx.msg("title_review", title=code, text=ctx.text(title["review"])))
        for review in ctx.year_entry.get("title_reviews", []):
            if code not in review["titles"]:
                continue
            if "if_met" in review and not ctx.outcome(review["if_met"])[0]:
                continue
            if review["reason"] and ctx.text(review["reason"]) not in ctx.manual:
                ctx.info(
                    "quy-tac.xem-xet-danh-hieu",
                    review["legal_basis"],
                    ctx.text(review["reason"]),
                    "title_reviews",
                    rid,
                )
            ctx.review(ctx.text(review["reason"]))
        ok = not failed
        ctx.title_eligible[code] = ok
        if ok:
            eligible.append(code)
        else:
            basis: list[str] = []
            for entry in failed:
                basis += entry["legal_basis"]
            not_eligible[code] = {
                "reason": ctx.msg("reason", parts=[criterion_part(e) for e in failed]),
                "legal_basis": unique(basis),
            }
    review = ctx.thi_dua.get("chain_review")
    if review and any(year < review["before_year"] for year in ctx.chain_years):
        ctx.review(ctx.text(review["reason"]))
    return eligible, not_eligible


def run(rules: Rules, profile: dict, flags: dict, lang: str) -> dict:
    """Evaluate a normalised, validated profile with the given effective flags."""
    ctx = Ctx(rules, profile, flags, lang)
    subject = profile["subject"]
    entry = ctx.year_entry
    td = ctx.thi_dua
    ctx.info(
        "quy-tac.thi-dua",
        td["documents"],
        ctx.msg("rules_thi_dua", year=ctx.year, name=ctx.text(td["name"])),
        "rules",
        td["id"],
    )
    if entry.get("transition"):
        ctx.info(
            "quy-tac.chuyen-tiep",
            [],
            ctx.msg("transition", text=ctx.text(entry["transition"])),
            "rules",
            td["id"],
        )
    result: dict[str, Any] = {
        "evaluation_year": ctx.year,
        "rules": {"thi_dua": td["id"], "danh_gia": None},
        "subject": subject,
        "classification": None,
        "eligible_titles": [],
        "not_eligible": {},
        "not_reached": {},
        "manual_review": False,
        "manual_review_reasons": [],
        "max_cstdcs": None,
        "max_htxs": None,
        "flags_used": {},
        "unverified_basis": [],
        "explanation": [],
    }
    if subject == "individual":
        role = profile["role"]
        chosen, how = danh_gia_choice(rules, profile)
        dg = rules.danh_gia[chosen]
        result["rules"]["danh_gia"] = dg["id"]
        ctx.info(
            "quy-tac.danh-gia",
            dg["documents"],
            ctx.msg("rules_danh_gia", year=ctx.year, name=ctx.text(dg["name"])),
            "rules",
            dg["id"],
        )
        if how:
            transition = entry["role_transitions"][role]
            text = ctx.text(transition[how])
            ctx.info(
                "quy-tac.chuyen-tiep-vien-chuc", transition["legal_basis"], text, "rules", dg["id"]
            )
            if how == "review":
                ctx.review(text)
        note = entry.get("notes", {}).get(role)
        if note:
            ctx.review(ctx.text(note))
        if "classification_input" in profile:
            ctx.classification = profile["classification_input"]
            level = profile["classification_input"]
            ctx.info(
                "xep-loai.da-quyet-dinh",
                [],
                ctx.msg("classification_input", level=level),
                "rules",
                dg["id"],
            )
        else:
            result["not_reached"] = classify(ctx, dg, role, profile["leader"])
        result["classification"] = ctx.classification
        eligible, not_eligible = evaluate_titles(ctx, td["individual_titles"], INDIVIDUAL_TITLES)
        result["eligible_titles"], result["not_eligible"] = eligible, not_eligible
    elif subject == "collective":
        if "unit_kind" in profile:
            dg = rules.danh_gia[entry["collective_rules"][profile["unit_kind"]]]
            result["rules"]["danh_gia"] = dg["id"]
            ctx.info(
                "quy-tac.danh-gia",
                dg["documents"],
                ctx.msg("rules_danh_gia", year=ctx.year, name=ctx.text(dg["name"])),
                "rules",
                dg["id"],
            )
            result["not_reached"] = classify(ctx, dg, "collective", False)
            result["classification"] = ctx.classification
            if "unit_result" not in profile:
                ctx.profile = {**profile, "unit_result": ctx.classification}
        if "members" in profile:
            eligible, not_eligible = evaluate_titles(
                ctx, td["collective_titles"], COLLECTIVE_TITLES
            )
            result["eligible_titles"], result["not_eligible"] = eligible, not_eligible
    else:
        result["rules"]["danh_gia"] = quota_rules_id(rules, profile)
        result["max_cstdcs"], result["max_htxs"] = quotas(ctx)
    result["manual_review_reasons"] = list(ctx.manual)
    result["manual_review"] = bool(ctx.manual)
    result["unverified_basis"] = unverified(rules, ctx.sources)
    result["explanation"] = ctx.explanation
    result["_consulted"] = sorted(ctx.flags_consulted)
    result["_quota_flags"] = ctx.quota_flags
    return result


def unverified(rules: Rules, sources: list[tuple[str, str, str]]) -> list[str]:
    """The bases used that the [U] table marks unverified, in order of first use."""
    found: list[str] = []
    for basis, used_by, rule_set in sources:
        if basis in found:
            continue
        for entry in rules.unverified:
            if entry["handling"] != "unverified_basis" or basis not in entry.get("legal_basis", []):
                continue
            if "used_by" in entry and used_by not in entry["used_by"]:
                continue
            if "rule_sets" in entry and rule_set not in entry["rule_sets"]:
                continue
            found.append(basis)
            break
    return found
