"""A worked example's profile as phrases ("Ví dụ minh họa", the left column).

``describe(case, rules, lang)`` turns a case's inputs into short phrases in the order
of the contract's fields, as data (``thidua.checklist.said``): each phrase is a words
key of ``checklist.profile`` with its values — codes (``Code``), dates (``Date``),
numbers — worded at the edge (``hooks/thidua_mkdocs/checklist_words.py``). Flags are
named by their own text in the criteria data. No field name, code or program value
reaches the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thidua.checklist.lines import text
from thidua.checklist.said import Code, Date, Joined, Percent, Said, said

if TYPE_CHECKING:
    from thidua.criteria import Rules
    from thidua.evaluator.cases import Case


def _p(key: str, *after: Any, **values: Any) -> Said:
    """A phrase of ``checklist.profile``."""
    return said(f"profile.{key}", *after, **values)


def code(value: Any) -> Code:
    """An answer code (or a criterion's key, a yes/no) in the words of the profile."""
    return Code("profile", str(value))


def describe(case: Case, rules: Rules, lang: str) -> list[Any]:
    """The case's profile as phrases (``Said``, ``Joined``), in the order of the
    contract's fields; ``lang`` picks the flags' own names from the criteria data."""
    data = case.data
    inputs = data.get("inputs") or {}
    out: list[Any] = []
    subject = data["subject"]
    first = Code("subjects", subject)
    if subject == "individual" and "role" in inputs:
        first = Code("roles", inputs["role"])
    out.append(Joined((first, _p("year", v=data["evaluation_year"]))))
    for key in ("leader", "armed_forces", "degradation_concluded", "unit_corruption_or_waste"):
        if inputs.get(key):
            out.append(_p(key))
    for key in ("leads_emulation_cluster", "exceeded_all_targets"):
        if inputs.get(key):
            out.append(_p(key))
    if "recruited_on" in inputs:
        out.append(_p("recruited_on", v=Date(str(inputs["recruited_on"]))))
    if "months_worked" in inputs:
        out.append(_p("months_worked", v=inputs["months_worked"]))
    for leave in inputs.get("leave") or []:
        out.append(_p("leave", months=leave["months"], kind=code(leave["kind"])))
    for item in inputs.get("discipline") or []:
        used = []
        if "already_used_for_rating_year" in item:
            used.append(_p("discipline_used", v=item["already_used_for_rating_year"]))
        out.append(
            _p(
                "discipline",
                *used,
                form=code(item["form"]),
                system=code(item["system"]),
                date=Date(str(item["decided_on"])),
                year=item["violation_year"],
            )
        )
    general = inputs.get("general_criteria")
    if isinstance(general, dict) and general:
        values = set(general.values())
        if len(values) == 1:
            out.append(_p("general_all", v=code(values.pop())))
        else:
            shown = tuple(Joined((code(k), code(x)), ": ") for k, x in general.items())
            out.append(_p("general", v=Joined(shown)))
    if "leadership_criterion_5a" in inputs:
        out.append(_p("leadership_5a", v=code(inputs["leadership_criterion_5a"])))
    tasks = inputs.get("tasks")
    if isinstance(tasks, dict):
        efficiency = []
        if "efficiency" in tasks:
            efficiency.append(_p("efficiency", v=code(tasks["efficiency"])))
        out.append(
            _p(
                "tasks",
                *efficiency,
                assigned=tasks.get("assigned"),
                completed=tasks.get("completed"),
                on_time=tasks.get("on_time_with_quality"),
                exceeded=tasks.get("exceeded"),
            )
        )
    unit = inputs.get("unit")
    if isinstance(unit, dict):
        out.append(
            _p(
                "unit",
                total=unit.get("targets_total"),
                completed=unit.get("targets_completed"),
                on_time=unit.get("targets_on_time_quality"),
                exceeded=unit.get("targets_exceeded"),
            )
        )
    subs = inputs.get("sub_units")
    if isinstance(subs, dict):
        out.append(
            _p(
                "sub_units",
                total=subs.get("total"),
                htnv=subs.get("htnv_or_above"),
                htt=subs.get("htt_or_above"),
            )
        )
    if "score_total" in inputs:
        out.append(_p("score_total", v=inputs["score_total"]))
    if "classification_input" in inputs:
        out.append(_p("classification_input", v=Code("levels", inputs["classification_input"])))
    if inputs.get("emulation_spirit") is False:
        out.append(_p("no_spirit"))
    for item in inputs.get("initiatives") or []:
        out.append(_initiative(item))
    prior = inputs.get("prior_titles")
    if isinstance(prior, dict) and prior:
        shown = tuple(
            Joined((year, Joined(tuple(Code("titles", t) for t in titles))), ": ")
            for year, titles in sorted(prior.items(), key=lambda kv: str(kv[0]))
        )
        out.append(_p("prior", v=Joined(shown, "; ")))
    if "members" in inputs:
        out.append(_p("members", v=inputs["members"]))
    if "unit_result" in inputs:
        out.append(_p("unit_result", v=Code("levels", inputs["unit_result"])))
    for key, yes, no in (
        ("movement_regular_effective", "movement_true", "movement_false"),
        ("internal_unity", "unity_true", "unity_false"),
    ):
        if key in inputs:
            out.append(_p(yes if inputs[key] else no))
    for key in (
        "members_htnv_or_above",
        "members_ldtt",
        "members_cstdcs",
        "members_disciplined",
        "members_disciplined_canh_cao_or_above",
        "unit_ldtt_count",
        "cstdcs_eligible_candidates",
        "group_size_htt_or_above",
        "individuals_meeting_htxs_criteria",
    ):
        if key in inputs:
            out.append(_p(key, v=inputs[key]))
    if inputs.get("unit_outstanding_exception_granted"):
        out.append(_p("unit_outstanding_exception_granted"))
    flags = inputs.get("flags")
    if isinstance(flags, dict) and flags:
        shown = tuple(
            Joined((text(rules.flags.get(k, {}).get("text"), lang) or k, _flag_value(x)), ": ")
            for k, x in flags.items()
        )
        out.append(_p("flags", v=Joined(shown, "; ")))
    return out


def _initiative(item: dict) -> Said:
    """An initiative: its kind and year, then what is known of it in brackets."""
    extra: list[Said] = []
    if "recognised_at" in item:
        extra.append(_p("recognised_at", v=code(item["recognised_at"])))
    if item.get("accepted"):
        extra.append(_p("accepted"))
    if "applied" in item:
        extra.append(_p("applied" if item["applied"] else "not_applied"))
    if "effect" in item:
        extra.append(_p("effect", v=code(item["effect"])))
    if "recognised_by" in item:
        # "khac" alone would read "recognised by other": the profile words say "another level".
        by = "khac_cap" if item["recognised_by"] == "khac" else item["recognised_by"]
        extra.append(_p("recognised_by", v=code(by)))
    return said(
        "profile.initiative", *extra, bracket=True, kind=code(item["kind"]), year=item["year"]
    )


def _flag_value(value: Any) -> Any:
    """A flag's value: yes/no, a ratio as a percentage, or a choice's words."""
    if isinstance(value, bool):
        return code(value)
    if isinstance(value, (int, float)) or str(value).replace(".", "", 1).isdigit():
        return Percent(float(value))
    return code(value)
