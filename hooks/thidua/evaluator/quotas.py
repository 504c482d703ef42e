"""The unit's quotas: at most how many CSTĐCS and HTXS (``max_cstdcs``, ``max_htxs``).

cap = rounding(ratio × base) on exact fractions (floor / round_half_up / ceil), and
max = min(cap, candidates); see the design note in ``thidua/evaluator/__init__.py``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from thidua.contract import ratio_value, rounded
from thidua.criteria import lookups
from thidua.evaluator import ops
from thidua.evaluator.context import Ctx

if TYPE_CHECKING:
    from thidua.criteria import Rules


def quota_rules_id(rules: Rules, profile: dict) -> str:
    """The danh-gia rule set whose HTXS cap a unit_quota profile uses (contract v3: by
    ``role`` or ``unit_kind`` when given, else the year's ``quota_rules``; the lookup
    the page reads in ``years[Y].lookups.quota_rules``)."""
    return lookups.quota_rules_id(rules.years[profile["evaluation_year"]], profile)


def quotas(ctx: Ctx) -> tuple[int | None, int | None]:
    """``max_cstdcs`` and ``max_htxs`` of a unit_quota profile."""
    profile, flags = ctx.profile, ctx.flags
    rounding = flags["quota_rounding"]
    max_cstdcs = max_htxs = None
    if "unit_ldtt_count" in profile and flags["cstdcs_ratio"] is None:
        quota = ctx.thi_dua["quotas"]["cstdcs"]
        text = ctx.msg("quota_cstdcs_none", text=ctx.text(quota["note"]))
        ctx.review(text)
        _quota_entry(ctx, "quota.cstdcs", True, quota["legal_basis"], text, ctx.thi_dua["id"])
    elif "unit_ldtt_count" in profile:
        quota = ctx.thi_dua["quotas"]["cstdcs"]
        ratio = flags["cstdcs_ratio"]
        base = profile["unit_ldtt_count"]
        exact = ratio * base
        cap = rounded(exact, rounding)
        candidates = profile["cstdcs_eligible_candidates"]
        max_cstdcs = min(cap, candidates)
        ctx.quota_flags["cstdcs_ratio"] = float(ratio)
        if exact.denominator != 1:
            ctx.quota_flags["quota_rounding"] = rounding
        text = ctx.msg(
            "quota_cstdcs",
            max=max_cstdcs,
            ratio=ops.fmt(ratio),
            base=base,
            exact=ops.fmt(exact),
            rounding=rounding,
            cap=cap,
            candidates=candidates,
        )
        text += " — " + ctx.text(quota["note"])
        _quota_entry(
            ctx, "quota.cstdcs", candidates <= cap, quota["legal_basis"], text, ctx.thi_dua["id"]
        )
    if "group_size_htt_or_above" in profile:
        rule_set = ctx.rules.danh_gia[quota_rules_id(ctx.rules, profile)]
        cap_rule = rule_set["htxs_cap"]
        group = profile["group_size_htt_or_above"]
        candidates = profile["individuals_meeting_htxs_criteria"]
        ratio = flags["htxs_ratio"]
        note = ctx.text(cap_rule["note"])
        basis = list(cap_rule["legal_basis"])
        exception = profile.get("unit_outstanding_exception_granted")
        small = cap_rule.get("small_group")
        if small and profile.get("units_total", small["below"]) < small["below"]:
            max_htxs = min(small["max"], candidates)
            text = ctx.msg(
                "quota_small_group",
                units=profile["units_total"],
                below=small["below"],
                cap=small["max"],
                max=max_htxs,
                candidates=candidates,
            )
            met = candidates <= small["max"]
            basis = list(small["legal_basis"])
        elif exception and cap_rule.get("exception_ratio"):
            ratio = ratio_value(cap_rule["exception_ratio"])
            max_htxs, text, met = _htxs_cap(ctx, "quota_htxs_exception", ratio, group, candidates)
            basis = list(cap_rule["exception_basis"])
            if cap_rule.get("exception_review"):
                ctx.review(ctx.text(cap_rule["exception_review"]))
        elif exception:
            max_htxs = candidates
            ctx.review(ctx.msg("quota_exception"))
            text = ctx.msg("quota_exception")
            met = True
        elif ratio is None:
            max_htxs = candidates
            ctx.review(ctx.msg("quota_htxs_none", text=note))
            text = ctx.msg("quota_htxs_none", text=note)
            met = True
        else:
            ctx.quota_flags["htxs_ratio"] = float(ratio)
            max_htxs, text, met = _htxs_cap(ctx, "quota_htxs", ratio, group, candidates)
            text += " — " + note
        _quota_entry(ctx, "quota.htxs", met, basis, text, rule_set["id"])
        notes = ctx.year_entry.get("notes", {})
        if "role" in profile:
            note = notes.get(profile["role"])
        else:
            note = None if "unit_kind" in profile else notes.get("unit_quota")
        if note:
            ctx.review(ctx.text(note))
    return max_cstdcs, max_htxs


def _htxs_cap(
    ctx: Ctx, message: str, ratio: Fraction, group: int, candidates: int
) -> tuple[int, str, bool]:
    """(max_htxs, text, met) for ``ratio`` of the unit's group, the law's ratio or the
    exception's: the base is those rated HTT or above (``htt_or_above``) or, read as
    "HTXS ≤ ratio × HTT" (``htt_only``), ratio × group / (1 + ratio)."""
    rounding = ctx.flags["quota_rounding"]
    base_kind = ctx.flags["htxs_ratio_base"] or "htt_or_above"
    exact = ratio * group if base_kind == "htt_or_above" else ratio * group / (1 + ratio)
    cap = rounded(exact, rounding)
    max_htxs = min(cap, candidates)
    ctx.quota_flags["htxs_ratio_base"] = base_kind
    if exact.denominator != 1:
        ctx.quota_flags["quota_rounding"] = rounding
    text = ctx.msg(
        message,
        max=max_htxs,
        ratio=ops.fmt(ratio),
        base_kind=base_kind,
        base=group,
        exact=ops.fmt(exact),
        rounding=rounding,
        cap=cap,
        candidates=candidates,
    )
    return max_htxs, text, candidates <= cap


def _quota_entry(ctx: Ctx, cid: str, met: bool, basis: list[str], text: str, rid: str) -> None:
    ctx.explanation.append(
        {"criterion": cid, "met": met, "legal_basis": list(basis), "text": text, "scope": "quota"}
    )
    for item in basis:
        ctx.sources.append((item, cid, rid))


# -- the whole evaluation -----------------------------------------------------------------
