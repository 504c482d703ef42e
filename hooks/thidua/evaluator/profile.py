"""Checking and normalising a profile against the contract's field catalogue.

``check(profile)`` returns every problem (path, found, allowed); ``normalise`` turns a
valid profile into the form the engine reads (defaults filled, dates as ISO strings,
numbers as exact ``Fraction``). The fields, codes and number grammar are those of
``thidua.contract`` (evaluation-contract.md); an unknown field is a problem, never
ignored.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from thidua.contract import (
    COMMON,
    FIELDS_BY_SUBJECT,
    FLAG_NAMES,
    INDIVIDUAL_TITLES,
    TITLE_FIELDS,
    Field,
    Kind,
    Problem,
    agree,
    describe,
    dotted,
    parse_date,
    ratio_value,
    show,
    show_score,
    to_fraction,
    year_key,
)
from thidua.contract.numbers import PERIOD


def _check_value(kind: Kind, value: Any, path: tuple, out: list[Problem]) -> None:
    allowed = describe(kind)
    if kind.kind == "code":
        if not isinstance(value, str) or value not in kind.values:
            out.append(Problem(path, f"found {show(value)}", allowed))
    elif kind.kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
        if ok and kind.low is not None and value < kind.low:
            ok = False
        if ok and kind.high is not None and value > kind.high:
            ok = False
        if not ok:
            out.append(Problem(path, f"found {show(value)}", allowed))
    elif kind.kind == "number":
        exact = to_fraction(value) if not isinstance(value, str) else None
        if exact is None or exact < kind.low or exact > kind.high:
            out.append(Problem(path, f"found {show(value)}", allowed))
    elif kind.kind == "bool":
        if not isinstance(value, bool):
            out.append(Problem(path, f"found {show(value)}", allowed))
    elif kind.kind == "date":
        if parse_date(value) is None:
            out.append(Problem(path, f"found {show(value)}", allowed))
    elif kind.kind == "map":
        _check_map(kind.fields or {}, value, path, out)
    elif kind.kind == "list":
        if not isinstance(value, list):
            out.append(Problem(path, f"found {show(value)}", allowed))
            return
        for index, item in enumerate(value):
            assert kind.item is not None
            _check_value(kind.item, item, (*path, index), out)
    elif kind.kind == "share":
        if ratio_value(value) is None or isinstance(value, str):
            out.append(Problem(path, f"found {show(value)}", allowed))
    elif kind.kind == "period":
        if not isinstance(value, str) or not PERIOD.fullmatch(value):
            out.append(Problem(path, f"found {show(value)}", allowed))
    elif kind.kind == "flags":
        _check_flags(value, path, out)
    elif kind.kind == "prior_titles":
        _check_prior_titles(value, path, out)


def _check_map(fields: dict[str, Field], value: Any, path: tuple, out: list[Problem]) -> None:
    if not isinstance(value, dict):
        out.append(Problem(path, f"found {show(value)}", "a mapping with " + ", ".join(fields)))
        return
    for key in value:
        if key not in fields:
            out.append(Problem((*path, str(key)), "unknown field", "one of " + ", ".join(fields)))
    for name, spec in fields.items():
        if name not in value:
            if spec.required:
                out.append(Problem((*path, name), "missing", describe(spec.kind)))
            continue
        _check_value(spec.kind, value[name], (*path, name), out)


def _check_flags(value: Any, path: tuple, out: list[Problem]) -> None:
    if not isinstance(value, dict):
        out.append(Problem(path, f"found {show(value)}", "a mapping of interpretation flags"))
        return
    for name, flag_value in value.items():
        where = (*path, str(name))
        if name not in FLAG_NAMES:
            out.append(Problem(where, "unknown flag", "one of " + ", ".join(FLAG_NAMES)))
        elif name == "cstdcs_htxs_alternative":
            if not isinstance(flag_value, bool):
                out.append(Problem(where, f"found {show(flag_value)}", "true or false"))
        elif name == "quota_rounding":
            if flag_value not in ("floor", "round_half_up", "ceil"):
                out.append(
                    Problem(where, f"found {show(flag_value)}", "floor, round_half_up or ceil")
                )
        elif name == "htxs_ratio_base":
            if flag_value not in ("htt_or_above", "htt_only"):
                out.append(Problem(where, f"found {show(flag_value)}", "htt_or_above or htt_only"))
        elif ratio_value(flag_value) is None:
            out.append(
                Problem(where, f"found {show(flag_value)}", "a ratio from 0 to 1 (e.g. 0.15)")
            )


def _check_prior_titles(value: Any, path: tuple, out: list[Problem]) -> None:
    if not isinstance(value, dict):
        out.append(Problem(path, f"found {show(value)}", "a mapping year → list of title codes"))
        return
    for year, titles in value.items():
        where = (*path, str(year))
        if year_key(year) is None:
            out.append(Problem(where, f"found year {show(year)}", "a year such as 2023"))
            continue
        if not isinstance(titles, list):
            out.append(Problem(where, f"found {show(titles)}", "a list of title codes"))
            continue
        for index, title in enumerate(titles):
            if title not in INDIVIDUAL_TITLES:
                out.append(
                    Problem((*where, index), f"found {show(title)}", ", ".join(INDIVIDUAL_TITLES))
                )


def _consistency(profile: dict, out: list[Problem]) -> None:
    """Counts that must fit inside each other (completed ≤ assigned, …)."""

    def le(path_small: tuple, path_big: tuple, base: dict) -> None:
        small, big = base.get(path_small[-1]), base.get(path_big[-1])
        if isinstance(small, int) and isinstance(big, int) and small > big:
            out.append(Problem(path_small, f"found {small}", f"at most {dotted(path_big)} ({big})"))

    subject = profile.get("subject")
    if subject == "individual":
        _check_scores(profile, out)
        tasks = profile.get("tasks")
        if isinstance(tasks, dict):
            le(("tasks", "completed"), ("tasks", "assigned"), tasks)
            le(("tasks", "on_time_with_quality"), ("tasks", "completed"), tasks)
            le(("tasks", "exceeded"), ("tasks", "completed"), tasks)
        unit = profile.get("unit")
        if isinstance(unit, dict):
            le(("unit", "targets_completed"), ("unit", "targets_total"), unit)
            le(("unit", "targets_on_time_quality"), ("unit", "targets_completed"), unit)
            le(("unit", "targets_exceeded"), ("unit", "targets_completed"), unit)
        subs = profile.get("sub_units")
        if isinstance(subs, dict):
            le(("sub_units", "htnv_or_above"), ("sub_units", "total"), subs)
            le(("sub_units", "htt_or_above"), ("sub_units", "htnv_or_above"), subs)
    elif subject == "collective":
        for name in ("members_htnv_or_above", "members_ldtt", "members_cstdcs"):
            le((name,), ("members",), profile)
        le(("members_disciplined",), ("members",), profile)
        le(("members_disciplined_canh_cao_or_above",), ("members_disciplined",), profile)
    elif subject == "unit_quota":
        pairs = (
            ("unit_ldtt_count", "cstdcs_eligible_candidates"),
            ("group_size_htt_or_above", "individuals_meeting_htxs_criteria"),
        )
        present = [a in profile or b in profile for a, b in pairs]
        for (a, b), any_present in zip(pairs, present, strict=True):
            if any_present:
                for name in (a, b):
                    if name not in profile:
                        out.append(Problem((name,), "missing", f"given together with {a}/{b}"))
        if not any(present):
            out.append(
                Problem(
                    ("unit_ldtt_count",),
                    "missing",
                    "at least one group: unit_ldtt_count + cstdcs_eligible_candidates, "
                    "or group_size_htt_or_above + individuals_meeting_htxs_criteria",
                )
            )
        le(("cstdcs_eligible_candidates",), ("unit_ldtt_count",), profile)
        le(("individuals_meeting_htxs_criteria",), ("group_size_htt_or_above",), profile)
        if "role" in profile and "unit_kind" in profile:
            out.append(
                Problem(
                    ("unit_kind",),
                    "found together with role",
                    "role (a group of staff) or unit_kind (a group of units), not both",
                )
            )
        if "units_total" in profile and "unit_kind" not in profile:
            out.append(Problem(("units_total",), "found without unit_kind", "given with unit_kind"))
        le(("group_size_htt_or_above",), ("units_total",), profile)


def period_mean(items: list[dict]) -> Fraction:
    """The year's score: the mean of the period scores (exact)."""
    total = Fraction(0)
    for item in items:
        score = item["score"]
        total += score if isinstance(score, Fraction) else to_fraction(score)
    return total / len(items)


def _check_scores(profile: dict, out: list[Problem]) -> None:
    """score_general + score_tasks, period_scores and score_total must agree (contract v3)."""
    year = profile.get("evaluation_year")
    split = None
    if ("score_general" in profile) != ("score_tasks" in profile):
        have, need = (
            ("score_general", "score_tasks")
            if "score_general" in profile
            else ("score_tasks", "score_general")
        )
        out.append(
            Problem(
                (need,), "missing", f"given together with {have} (their sum is the year's score)"
            )
        )
    elif "score_general" in profile:
        general = to_fraction(profile["score_general"])
        tasks = to_fraction(profile["score_tasks"])
        split = general + tasks
        if "score_total" in profile and not agree(split, to_fraction(profile["score_total"])):
            out.append(
                Problem(
                    ("score_total",),
                    f"found {show(profile['score_total'])}, but score_general + score_tasks = "
                    f"{show_score(general)} + {show_score(tasks)} = {show_score(split)}",
                    "a total that agrees with score_general + score_tasks to 0.01",
                )
            )
    items = profile.get("period_scores")
    if items is None:
        return
    if not items:
        out.append(
            Problem(
                ("period_scores",), "found an empty list", "one score per month or quarter worked"
            )
        )
        return
    seen: dict[str, int] = {}
    first_kind: tuple[int, str] | None = None
    ok = True
    for index, item in enumerate(items):
        period = item["period"]
        where = ("period_scores", index, "period")
        match = PERIOD.fullmatch(period)
        assert match is not None
        kind = "month" if match[2] else "quarter"
        if int(match[1]) != year:
            ok = False
            out.append(
                Problem(
                    where,
                    f"found {show(period)}, a period of {match[1]}",
                    f"a month or quarter of the evaluation year {year}",
                )
            )
        if period in seen:
            ok = False
            out.append(
                Problem(
                    where,
                    f"found {show(period)} twice (also period_scores[{seen[period]}])",
                    "each month or quarter once",
                )
            )
        else:
            seen[period] = index
        if first_kind is None:
            first_kind = (index, kind)
        elif kind != first_kind[1]:
            ok = False
            other = items[first_kind[0]]["period"]
            out.append(
                Problem(
                    where,
                    f"found the {kind} {show(period)} with the {first_kind[1]} {show(other)} "
                    f"(period_scores[{first_kind[0]}])",
                    "all months (YYYY-MM) or all quarters (YYYY-Qn), not both",
                )
            )
    if not ok:
        return
    mean = period_mean(items)
    count = f"{len(items)} {first_kind[1] if first_kind else ''}{'s' if len(items) > 1 else ''}"
    if "score_total" in profile and not agree(mean, to_fraction(profile["score_total"])):
        out.append(
            Problem(
                ("score_total",),
                f"found {show(profile['score_total'])}, but the mean of period_scores "
                f"({count}) is {show_score(mean)}",
                "a total that agrees with the mean of period_scores to 0.01",
            )
        )
    if split is not None and not agree(mean, split):
        out.append(
            Problem(
                ("score_general",),
                f"found score_general + score_tasks = {show_score(split)}, but the mean of "
                f"period_scores ({count}) is {show_score(mean)}",
                "a split whose sum agrees with the mean of period_scores to 0.01",
            )
        )


def check(profile: Any) -> list[Problem]:
    """Every structural problem of ``profile`` (empty when it is valid)."""
    out: list[Problem] = []
    if not isinstance(profile, dict):
        return [Problem((), f"found {show(profile)}", "a mapping (YAML or JSON object)")]
    subject = profile.get("subject")
    if isinstance(subject, str) and subject in FIELDS_BY_SUBJECT:
        fields = FIELDS_BY_SUBJECT[subject]
        if subject == "collective" and "unit_kind" in profile:
            # The level is computed: unit_result is optional; without members, no titles.
            optional = TITLE_FIELDS if "members" not in profile else ("unit_result",)
            fields = {
                name: replace(spec, required=False) if name in optional else spec
                for name, spec in fields.items()
            }
        _check_map({**COMMON, **fields}, profile, (), out)
    else:
        # Without a valid subject the other fields cannot be judged: report the subject.
        common = {k: v for k, v in profile.items() if k in COMMON}
        _check_map(COMMON, common, (), out)
    if not out:
        _consistency(profile, out)
    return out


def normalise(profile: dict) -> dict:
    """A valid profile with defaults filled, dates ISO, numbers exact Fractions."""
    subject = profile["subject"]
    result: dict[str, Any] = {
        "evaluation_year": profile["evaluation_year"],
        "subject": subject,
        "flags": dict(profile.get("flags") or {}),
    }
    for name, spec in FIELDS_BY_SUBJECT[subject].items():
        if name in profile:
            result[name] = _norm(spec.kind, profile[name])
        elif spec.default is not None:
            result[name] = _norm(spec.kind, spec.default)
    if subject == "individual" and "months_worked" not in result:
        result["months_worked"] = default_months_worked(result)
    if subject == "individual":
        # The unrounded year score decides the level (contract v3).
        if "period_scores" in result:
            result["score_total"] = period_mean(result["period_scores"])
        elif "score_general" in result:
            result["score_total"] = result["score_general"] + result["score_tasks"]
    return result


def default_months_worked(profile: dict) -> Fraction:
    """12 months, or whole months from recruitment in the year, minus the leave taken."""
    year = profile["evaluation_year"]
    months = Fraction(12)
    recruited = profile.get("recruited_on")
    if recruited and int(recruited[:4]) == year:
        month, day = int(recruited[5:7]), int(recruited[8:10])
        months = Fraction(13 - month if day == 1 else 12 - month)
    for item in profile.get("leave", []):
        months -= item["months"]
    return max(months, Fraction(0))


def _norm(kind: Kind, value: Any) -> Any:
    if kind.kind == "number":
        return to_fraction(value)
    if kind.kind == "share":
        return ratio_value(value)
    if kind.kind == "date":
        return parse_date(value)
    if kind.kind == "map":
        fields = kind.fields or {}
        return {k: _norm(fields[k].kind, v) for k, v in value.items()}
    if kind.kind == "list":
        assert kind.item is not None
        return [_norm(kind.item, v) for v in value]
    if kind.kind == "prior_titles":
        return {year_key(k): list(v) for k, v in value.items()}
    return value
