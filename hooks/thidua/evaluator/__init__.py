"""The evaluator: one profile in, one result out (evaluation-contract.md).

Design note (for the browser port, which reads the SAME data as ``export_data()``)
==================================================================================

Data model (``data/criteria/``, exported as one JSON object with these keys):

* ``criteria`` — id → criterion. A criterion is ONE generic operation ``op`` with its
  parameters, a ``text`` {vi, en}, and optional modifiers: ``not`` (invert),
  ``missing`` (``met``/``not_met`` when a field it reads is absent; default
  ``not_met``; it gives the final value, ``not`` is not applied to it) and
  ``enabled_by_flag`` (when the flag is false the criterion is not met).
  ``met: true`` is always the outcome favourable to the person.
* ``years`` — "2024" → {thi_dua: rule-set id, danh_gia: {role → rule-set id},
  quota_rules: danh-gia rule-set id used for a unit's HTXS cap, transition?, notes?
  {role|unit_quota → text: adds a manual-review reason}}.
* ``danh_gia`` — evaluation rule sets, ``kind``: ``criteria`` / ``points`` (both
  interpreted the same way) or ``text_only`` (classification_input required).
  ``requires`` {non_leader, leader: profile fields needed without
  classification_input}; ``gates`` [{criterion, effect: not_classified | cap (+cap
  level) | manual_review (+reason), legal_basis}] act when the criterion is NOT met;
  ``khtnv`` {basis, non_leader, leader: [bindings]} — any binding not met → KHTNV;
  ``levels`` [{level: HTXS|HTT|HTNV, basis: {role|all → {non_leader, leader:
  [basis]}}, non_leader: [bindings], leader: [bindings]}]; ``fallback`` {level,
  reason|null}; ``htxs_cap`` {ratio (text) | null, base?, legal_basis, note}.
  A binding is {criterion, legal_basis?}; its explanation basis is the level (or
  khtnv) basis for the role and branch, then the binding's own basis.
* ``thi_dua`` — emulation rule sets: ``flag_defaults``, ``individual_titles`` and
  ``collective_titles`` [{title, applies_if? {field, value}, review? (text: a
  manual-review reason whenever the title is considered), criteria: [bindings with
  legal_basis]}], ``quotas.cstdcs`` {ratio, legal_basis, note}, ``chain_review``?
  {before_year, reason}.
* ``flags`` — the closed set of interpretation flags, each with ``default`` or
  ``default_from`` ("thi_dua.…" = the year's thi-dua rule set, "quota.…" = the
  year's quota_rules danh-gia rule set).
* ``unverified`` — the [U] table; entries with ``handling: unverified_basis`` list
  bases reported in ``unverified_basis`` (restricted by ``used_by``: criterion or
  quota ids, and ``rule_sets``). ``labels`` — names and message templates.

Operations (all exact; numbers in profiles have at most 2 decimals, ratios 4):

* ``ratio`` num/den: lists of fields, ``-field`` subtracts; met ⇔
  ``100·Σnum  cmp  percent·Σden`` (cmp: ge gt le lt eq) — integer cross-multiplication.
* ``compare`` field cmp value; ``is`` field == value; ``in`` field ∈ values;
  ``values_at_least`` every field's rank in ``scale`` ≥ rank of ``min``.
* ``leave_months`` Σ months of leave whose kind ∈ ``kinds`` (all if absent) and ∉
  ``exclude_kinds``; met ⇔ Σ ≥ at_least (if given) and Σ < below (if given).
  ``has_leave``: some leave of those kinds.
* ``recruited_months``: met if recruited_on is not in the evaluation year, else whole
  months to 31 December (day 1 → 13 − month, else 12 − month) ≥ at_least.
* ``no_discipline_in_year``: decisions with decided_on in the year count; with
  ``exceptions`` (NĐ 48/2023) not those with already_used_for_rating_year ≠ year,
  nor those whose violation (same violation_year, other system) was decided in an
  earlier year. Met ⇔ none counted.
* ``classification_in`` (the final level or classification_input);
  ``title_eligible`` (titles already decided in this run).
* ``initiative``: some initiative with year in [Y − within_years + 1, Y] matches an
  alternative {kinds, recognised_at_min?, effect_min? (ranks co_so < bo_tinh <
  toan_quoc; applied < …bo_tinh < …nationwide), accepted? (must be true),
  applied_not_false?, recognised_by_in?}.
* ``chain`` title count: the run of consecutive years ending at Y holding the title
  (prior_titles[year] or, for Y, eligible in this run) has ≥ count years.
  ``chain_in_run`` title run_of count: within the run of ``run_of`` ending at Y, at
  least ``count`` years hold ``title``. ``any_of``: some sub-criterion met.

Each operation returns whether it is met and what it found as parts, plain data
(``ops``); ``wording`` fills the labels' templates with them for the explanation's
``text`` and the reasons (a reason's parts name criteria, worded with their detail),
and the page's evaluator does the same with the same published templates.

Profile defaults follow the contract; ``months_worked`` when absent is 12 (or the
whole months from a recruitment in the year) minus the months of leave, at least 0.

Order of evaluation and of the explanation (fixed): rule-set info entries; for an
individual without classification_input: gates (data order), khtnv bindings, levels
HTXS → HTT → HTNV (every criterion evaluated); result = NOT_CLASSIFIED if a
not_classified gate fails, else KHTNV if a khtnv binding fails, else the highest level
≤ every failed cap whose bindings are all met, else ``fallback``. Then titles in the
fixed order LDTT, CSTT, CSTDCS, CSTD_BO, CSTDTQ (collective: TTLDTT, TTLDXS,
CO_THI_DUA_BO, CO_THI_DUA_CP); a title is eligible when every binding that is not a
sub-criterion of an ``any_of`` in its list is met. Unbound sub-criteria of an any_of
are listed just before it. Quotas: cap = rounding(ratio × base) (htt_only base:
ratio × M / (1 + ratio)), rounding floor / round_half_up / ceil on exact fractions,
max = min(cap, candidates). ``flags_used``: quota flags consulted (quota_rounding only
when the product is not whole); a boolean flag when flipping it changes the eligible
titles. ``unverified_basis``: bases used, in order of first use, that the table marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thidua.contract import Problem
from thidua.contract.messages import WORDS, problem
from thidua.criteria.lookups import years_with
from thidua.evaluator import engine, quotas
from thidua.evaluator.profile import check, normalise

if TYPE_CHECKING:
    from thidua.criteria import Rules

__all__ = ["ProfileError", "evaluate", "problems", "validate_profile"]


class ProfileError(ValueError):
    """An invalid profile; ``problems`` lists each (field path, found, allowed)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.message for p in problems))


def _semantic(profile: dict, rules: Rules) -> list[Problem]:
    """Problems that need the data: year and role modelled, inputs the rules need.

    Worded by the contract's templates (``contract.messages.PROBLEMS``), as the page's
    evaluator words them from the published contract.
    """
    out: list[Problem] = []
    year = profile["evaluation_year"]
    modelled = ", ".join(str(y) for y in rules.modelled_years)
    if year not in rules.years:
        return [problem(("evaluation_year",), "year_not_modelled", year=year, modelled=modelled)]
    entry = rules.years[year]
    if profile["subject"] == "collective":
        return _semantic_collective(profile, rules, entry)
    if profile["subject"] == "unit_quota":
        return _semantic_quota(profile, entry)
    role = profile["role"]
    if role not in entry["danh_gia"]:
        roles = ", ".join(entry["danh_gia"])
        return [
            problem(
                ("role",), "role_not_modelled", role=role, year=year, roles=roles, modelled=modelled
            )
        ]
    recruited = profile.get("recruited_on")
    if recruited and int(recruited[:4]) > year:
        out.append(problem(("recruited_on",), "recruited_after", date=recruited, year=year))
    if "classification_input" in profile:
        return out
    rule_set = rules.danh_gia[engine.danh_gia_choice(rules, profile)[0]]
    if rule_set["kind"] == "text_only":
        out.append(
            problem(
                ("classification_input",),
                "text_only",
                role=role,
                year=year,
                rule_set=rule_set["id"],
            )
        )
        return out
    branch = "leader" if profile.get("leader") else "non_leader"
    for name in rule_set["requires"][branch]:
        if name not in profile:
            out.append(
                problem(
                    (name,),
                    "required",
                    rule_set=rule_set["id"],
                    who=WORDS[branch],
                    role=role,
                    year=year,
                    name=name,
                )
            )
    return out


def _semantic_collective(profile: dict, rules: Rules, entry: dict) -> list[Problem]:
    """A collective on 100 points: the year models it, and the inputs its rules need."""
    if "unit_kind" not in profile:
        return []
    kinds = entry.get("collective_rules", {})
    year = profile["evaluation_year"]
    if profile["unit_kind"] not in kinds:
        return [
            problem(
                ("unit_kind",),
                "unit_kind_not_modelled",
                kind=profile["unit_kind"],
                year=year,
                years=years_with(rules, "collective_rules"),
            )
        ]
    rule_set = rules.danh_gia[kinds[profile["unit_kind"]]]
    return [
        problem((name,), "required_collective", rule_set=rule_set["id"], year=year, name=name)
        for name in rule_set["requires"]["non_leader"]
        if name not in profile
    ]


def _semantic_quota(profile: dict, entry: dict) -> list[Problem]:
    year = profile["evaluation_year"]
    if "unit_kind" in profile and profile["unit_kind"] not in entry.get("collective_rules", {}):
        return [problem(("unit_kind",), "quota_unit_kind", kind=profile["unit_kind"], year=year)]
    if "role" in profile and profile["role"] not in entry["danh_gia"]:
        return [problem(("role",), "quota_role", role=profile["role"], year=year)]
    return []


def problems(profile: Any, rules: Rules) -> list[Problem]:
    """Every problem of ``profile``: structure first, then what the year's rules need."""
    found = check(profile)
    if found:
        return found
    return _semantic(normalise(profile), rules)


def validate_profile(profile: Any, rules: Rules) -> list[str]:
    """One message per problem ("leave[1].months: found -1; allowed: …"); [] if valid."""
    return [p.message for p in problems(profile, rules)]


def evaluate(profile: dict, rules: Rules, lang: str = "vi") -> dict:
    """The contract result for ``profile`` under the loaded ``rules``.

    The caller loads the rules once (``thidua.criteria.load_rules``); raises
    ``ProfileError`` when the profile is invalid.
    """
    if lang not in ("vi", "en"):
        raise ValueError(f"lang: found {lang!r}; allowed: vi or en")
    found = check(profile)
    if found:
        raise ProfileError(found)
    normal = normalise(profile)
    found = _semantic(normal, rules)
    if found:
        raise ProfileError(found)
    quota = quotas.quota_rules_id(rules, normal) if normal["subject"] == "unit_quota" else None
    flags = engine.effective_flags(rules, normal["evaluation_year"], normal["flags"], quota)
    result = engine.run(rules, normal, flags, lang)
    consulted = result.pop("_consulted")
    used: dict[str, Any] = dict(result.pop("_quota_flags"))
    for name in consulted:
        if rules.flags[name]["type"] != "bool":
            continue
        other = engine.run(rules, normal, {**flags, name: not flags[name]}, lang)
        if other["eligible_titles"] != result["eligible_titles"]:
            used[name] = flags[name]
    result["flags_used"] = {name: used[name] for name in rules.flags if name in used}
    return result
