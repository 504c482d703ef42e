"""The words of a profile's problems: (found, allowed) templates, fixed by the contract.

A problem reads ``field: found …; allowed: …`` (``Problem.message``). These templates
are what the command line and the browser print for an invalid profile; they are
published with the contract (``contract.export``) so that the page's evaluator writes
the same messages without a copy of them. ``{name}`` is filled with
``str.format``-style keys; a value found in the profile is written by ``problem.show``.
``problem(path, key, **values)`` is the one Python writer of these words (the page's
``problem()`` in profile.js fills the same templates).
"""

from __future__ import annotations

from typing import Any

from thidua.contract.problem import Problem

PROBLEMS: dict[str, tuple[str, str]] = {
    # Structure (field catalogue).
    "not_mapping": ("found {value}", "a mapping (YAML or JSON object)"),
    "value": ("found {value}", "{allowed}"),
    "missing": ("missing", "{allowed}"),
    "unknown_field": ("unknown field", "one of {fields}"),
    "flags_not_mapping": ("found {value}", "a mapping of interpretation flags"),
    "unknown_flag": ("unknown flag", "one of {flags}"),
    "titles_not_mapping": ("found {value}", "a mapping year → list of title codes"),
    "title_year": ("found year {value}", "a year such as 2023"),
    "titles_not_list": ("found {value}", "a list of title codes"),
    "title": ("found {value}", "{titles}"),
    # Consistency of counts and groups (``CONSISTENCY``).
    "at_most": ("found {small}", "at most {big_path} ({big})"),
    "together": ("missing", "given together with {first}/{second}"),
    "one_group": (
        "missing",
        "at least one group: unit_ldtt_count + cstdcs_eligible_candidates, "
        "or group_size_htt_or_above + individuals_meeting_htxs_criteria",
    ),
    "not_both": (
        "found together with role",
        "role (a group of staff) or unit_kind (a group of units), not both",
    ),
    "needs": ("found without {other}", "given with {other}"),
    # Scores (contract v3).
    "split_half": ("missing", "given together with {have} (their sum is the year's score)"),
    "split_total": (
        "found {value}, but score_general + score_tasks = {terms} = {sum}",
        "a total that agrees with score_general + score_tasks to 0.01",
    ),
    "periods_empty": ("found an empty list", "one score per month or quarter worked"),
    "period_year": (
        "found {value}, a period of {year}",
        "a month or quarter of the evaluation year {evaluation_year}",
    ),
    "period_twice": (
        "found {value} twice (also period_scores[{index}])",
        "each month or quarter once",
    ),
    "period_mixed": (
        "found the {kind} {value} with the {first_kind} {first} (period_scores[{index}])",
        "all months (YYYY-MM) or all quarters (YYYY-Qn), not both",
    ),
    "mean_total": (
        "found {value}, but the mean of period_scores ({count}) is {mean}",
        "a total that agrees with the mean of period_scores to 0.01",
    ),
    "mean_split": (
        "found score_general + score_tasks = {sum}, but the mean of period_scores "
        "({count}) is {mean}",
        "a split whose sum agrees with the mean of period_scores to 0.01",
    ),
    # What the year's rules need (the evaluator's semantic checks).
    "year_not_modelled": (
        "found {year}, a year the criteria data does not model",
        "one of the modelled years {modelled}",
    ),
    "role_not_modelled": (
        "found {role}, not modelled for {year}",
        "one of {roles} (modelled years: {modelled})",
    ),
    "recruited_after": (
        "found {date}, after the evaluation year",
        "a date on or before 31/12/{year}",
    ),
    "text_only": (
        "missing: the evaluation rules for {role} in {year} ({rule_set}) are held as text "
        "only (no thresholds), so the level cannot be computed",
        "the level already decided by the competent authority: HTXS, HTT, HTNV, KHTNV "
        "or NOT_CLASSIFIED",
    ),
    "required": (
        "missing: required by {rule_set} to classify {who} ({role}, {year})",
        "{name} as in the contract, or classification_input",
    ),
    "required_collective": (
        "missing: required by {rule_set} to classify the collective ({year})",
        "{name} as in the contract",
    ),
    "unit_kind_not_modelled": (
        "found {kind}, not modelled for {year}",
        "a year with collectives on 100 points ({years})",
    ),
    "quota_unit_kind": (
        "found {kind}, not modelled for {year}",
        "a year with collectives on 100 points, or no unit_kind",
    ),
    "quota_role": ("found {role}, not modelled for {year}", "a role"),
}

# Words filled into the templates above.
WORDS = {
    "leader": "a leader",
    "non_leader": "a non-leader",
    "month": "month",
    "quarter": "quarter",
    "plural": "s",
    "none": "none",
    "or": " or ",
}

# What a flag's value must be, when it is not one of its codes or true/false.
FLAG_RATIO = "a ratio from 0 to 1 (e.g. 0.15)"


def problem(path: tuple[str | int, ...], key: str, **values: Any) -> Problem:
    """The problem ``key`` at ``path``, its found and allowed filled from ``values``.

    A template's placeholder without a value is a mistake in the code: ``KeyError``.
    """
    found, allowed = PROBLEMS[key]
    return Problem(tuple(path), found.format(**values), allowed.format(**values))
