"""Interpret the criteria data for one profile (see the design note in ``__init__``)."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thidua.criteria import Rules
from thidua.contract import COLLECTIVE_TITLES, INDIVIDUAL_TITLES, LEVEL_CODES, ratio_value
from thidua.evaluator import ops

RANK = LEVEL_CODES  # best first
LEVEL_ORDER = LEVEL_CODES[:3]  # the levels reached by meeting criteria


class Ctx:
    """State of one evaluation: profile, rule sets, flags, results so far, explanation."""

    def __init__(self, rules: Rules, profile: dict, flags: dict, lang: str) -> None:
        self.rules = rules
        self.profile = profile
        self.year: int = profile["evaluation_year"]
        self.lang = lang
        self.flags = flags
        self.year_entry = rules.years[self.year]
        self.thi_dua = rules.thi_dua[self.year_entry["thi_dua"]]
        self.classification: str | None = None
        self.title_eligible: dict[str, bool] = {}
        self.memo: dict[str, tuple[bool, str]] = {}
        self.explanation: list[dict] = []
        self.sources: list[tuple[str, str, str]] = []  # (basis, used_by, rule set id)
        self.manual: list[str] = []
        self.flags_consulted: set[str] = set()
        self.quota_flags: dict[str, Any] = {}
        self.chain_years: list[int] = []

    # -- profile access ---------------------------------------------------------------
    def get(self, path: str) -> Any:
        value: Any = self.profile
        for part in path.split("."):
            if not isinstance(value, dict) or part not in value:
                return ops.MISSING
            value = value[part]
        return value

    def holds(self, title: str, year: int) -> bool:
        prior = self.profile.get("prior_titles", {})
        if title in prior.get(year, []):
            return True
        return year == self.year and bool(self.title_eligible.get(title))

    def chain_years_used(self, years: list[int]) -> None:
        self.chain_years.extend(years)

    # -- text -------------------------------------------------------------------------
    def msg(self, key: str, **values: Any) -> str:
        return self.rules.labels["messages"][key][self.lang].format(**values)

    def text(self, pair: dict | None) -> str:
        return pair[self.lang] if pair else ""

    def review(self, text: str) -> None:
        if text and text not in self.manual:
            self.manual.append(text)

    # -- criteria ---------------------------------------------------------------------
    def outcome(self, cid: str) -> tuple[bool, str]:
        if cid in self.memo:
            return self.memo[cid]
        crit = self.rules.criteria[cid]
        raw, detail = ops.OPS[crit["op"]](self, crit)
        if raw is None:
            met = crit.get("missing", "not_met") == "met"
            fields = crit.get("field") or ", ".join(
                t.lstrip("-") for t in crit.get("num", []) + crit.get("fields", [])
            )
            detail = self.msg("missing", field=fields)
        else:
            met = raw != bool(crit.get("not", False))
        flag = crit.get("enabled_by_flag")
        if flag:
            self.flags_consulted.add(flag)
            if not self.flags[flag]:
                met = False
                detail = (
                    f"{detail}; {self.msg('flag_off', flag=flag)}"
                    if detail
                    else self.msg("flag_off", flag=flag)
                )
        self.memo[cid] = (met, detail)
        return met, detail

    def record(self, cid: str, basis: list[str], scope: str, used_by: str, rule_set: str) -> dict:
        met, detail = self.outcome(cid)
        crit = self.rules.criteria[cid]
        text = self.text(crit["text"])
        if detail:
            text = f"{text} — {detail}"
        entry = {
            "criterion": cid,
            "met": met,
            "legal_basis": list(basis),
            "text": text,
            "scope": scope,
        }
        self.explanation.append(entry)
        for item in basis:
            self.sources.append((item, used_by, rule_set))
        return entry

    def record_binding(
        self, binding: dict, base: list[str], scope: str, rule_set: str, bound: set[str]
    ) -> dict:
        """Record a bound criterion; unbound sub-criteria of an any_of come first."""
        basis = _unique(base + binding.get("legal_basis", []))
        crit = self.rules.criteria[binding["criterion"]]
        if crit["op"] == "any_of":
            for sub in crit["criteria"]:
                if sub not in bound:
                    self.record(sub, basis, scope, sub, rule_set)
        return self.record(binding["criterion"], basis, scope, binding["criterion"], rule_set)

    def info(self, cid: str, basis: list[str], text: str, used_by: str, rule_set: str) -> None:
        self.explanation.append(
            {
                "criterion": cid,
                "met": True,
                "legal_basis": list(basis),
                "text": text,
                "scope": "rules",
            }
        )
        for item in basis:
            self.sources.append((item, used_by, rule_set))


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def quota_rules_id(rules: Rules, profile: dict) -> str:
    """The danh-gia rule set whose HTXS cap a unit_quota profile uses (contract v3: by
    ``role`` or ``unit_kind`` when given, else the year's ``quota_rules``)."""
    entry = rules.years[profile["evaluation_year"]]
    if profile.get("role") in entry["danh_gia"]:
        return entry["danh_gia"][profile["role"]]
    if profile.get("unit_kind") in entry.get("collective_rules", {}):
        return entry["collective_rules"][profile["unit_kind"]]
    return entry["quota_rules"]


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
    points = ("score_total", "score_general", "score_tasks", "period_scores")
    if not any(name in profile for name in points) and any(
        name in profile for name in transition["inputs"]
    ):
        return transition["rule_set"], "review"
    return primary, "review"


def effective_flags(rules: Rules, year: int, given: dict, quota_rules: str | None = None) -> dict:
    """Every flag's value for this evaluation: given, else the year's default."""
    entry = rules.years[year]
    context = {
        "thi_dua": rules.thi_dua[entry["thi_dua"]],
        "quota": rules.danh_gia[quota_rules or entry["quota_rules"]],
    }
    values: dict[str, Any] = {}
    year_defaults = entry.get("flag_defaults", {})
    for name, spec in rules.flags.items():
        if name in given:
            value = given[name]
        elif name in year_defaults:
            value = year_defaults[name]
        elif "default" in spec:
            value = spec["default"]
        else:
            value = context
            for part in spec["default_from"].split("."):
                value = value.get(part) if isinstance(value, dict) else None
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
        parts: list[str] = []
        basis: list[str] = list(level_basis.get(code, []))
        for entry in level_failures.get(code, []):
            parts.append(entry["text"])
            basis += entry["legal_basis"]
        for kind, entry in blockers:
            if kind.startswith("lead:"):
                parts.append(ctx.msg("gate_cap", level=kind[5:], text=entry["text"]))
            elif kind.startswith("cap:"):
                if LEVEL_ORDER.index(code) >= LEVEL_ORDER.index(kind[4:]):
                    continue
                parts.append(ctx.msg("gate_cap", level=kind[4:], text=entry["text"]))
            elif kind == "khtnv":
                parts.append(ctx.msg("khtnv_trigger", text=entry["text"]))
            else:
                parts.append(ctx.msg("gate_not_classified", text=entry["text"]))
            basis += entry["legal_basis"]
        not_reached[code] = {
            "reason": ctx.msg("not_met") + ": " + "; ".join(parts) if parts else "",
            "legal_basis": _unique(basis),
        }
    return not_reached


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
            label = ctx.rules.labels["titles"][code][ctx.lang]
            ctx.review(ctx.msg("title_review", title=label, text=ctx.text(title["review"])))
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
                "reason": ctx.msg("not_met") + ": " + "; ".join(e["text"] for e in failed),
                "legal_basis": _unique(basis),
            }
    review = ctx.thi_dua.get("chain_review")
    if review and any(year < review["before_year"] for year in ctx.chain_years):
        ctx.review(ctx.text(review["reason"]))
    return eligible, not_eligible


# -- quotas -----------------------------------------------------------------------------


def rounded(value: Fraction, how: str) -> int:
    """floor / ceil / round_half_up of an exact value, with integers only."""
    n, d = value.numerator, value.denominator
    if how == "ceil":
        return -((-n) // d)
    if how == "round_half_up":
        return (2 * n + d) // (2 * d)
    return n // d


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
            base_kind = flags["htxs_ratio_base"] or "htt_or_above"
            exact = ratio * group if base_kind == "htt_or_above" else ratio * group / (1 + ratio)
            cap = rounded(exact, rounding)
            max_htxs = min(cap, candidates)
            ctx.quota_flags["htxs_ratio_base"] = base_kind
            if exact.denominator != 1:
                ctx.quota_flags["quota_rounding"] = rounding
            text = ctx.msg(
                "quota_htxs_exception",
                max=max_htxs,
                ratio=ops.fmt(ratio),
                base_kind=base_kind,
                base=group,
                exact=ops.fmt(exact),
                rounding=rounding,
                cap=cap,
                candidates=candidates,
            )
            met = candidates <= cap
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
            base_kind = flags["htxs_ratio_base"] or "htt_or_above"
            exact = ratio * group if base_kind == "htt_or_above" else ratio * group / (1 + ratio)
            cap = rounded(exact, rounding)
            max_htxs = min(cap, candidates)
            ctx.quota_flags["htxs_ratio"] = float(ratio)
            ctx.quota_flags["htxs_ratio_base"] = base_kind
            if exact.denominator != 1:
                ctx.quota_flags["quota_rounding"] = rounding
            text = (
                ctx.msg(
                    "quota_htxs",
                    max=max_htxs,
                    ratio=ops.fmt(ratio),
                    base_kind=base_kind,
                    base=group,
                    exact=ops.fmt(exact),
                    rounding=rounding,
                    cap=cap,
                    candidates=candidates,
                )
                + " — "
                + note
            )
            met = candidates <= cap
        _quota_entry(ctx, "quota.htxs", met, basis, text, rule_set["id"])
        notes = ctx.year_entry.get("notes", {})
        if "role" in profile:
            note = notes.get(profile["role"])
        else:
            note = None if "unit_kind" in profile else notes.get("unit_quota")
        if note:
            ctx.review(ctx.text(note))
    return max_cstdcs, max_htxs


def _quota_entry(ctx: Ctx, cid: str, met: bool, basis: list[str], text: str, rid: str) -> None:
    ctx.explanation.append(
        {"criterion": cid, "met": met, "legal_basis": list(basis), "text": text, "scope": "quota"}
    )
    for item in basis:
        ctx.sources.append((item, cid, rid))


# -- the whole evaluation -----------------------------------------------------------------


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
                ctx.msg(
                    "classification_input",
                    level=f"{level} ({ctx.rules.labels['levels'][level][lang]})",
                ),
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
