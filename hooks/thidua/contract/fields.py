"""The profile's fields: their kinds, defaults and which are required, per subject.

``FIELDS_BY_SUBJECT`` is the catalogue of evaluation-contract.md ("Profile"); an
unknown field is a problem, never ignored. ``field_paths`` lists what a criterion of
the data may read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thidua.contract.codes import (
    CERTIFIED_BY,
    CLASSIFICATIONS,
    CRITERION_VALUES,
    DISCIPLINE_FORMS,
    DISCIPLINE_SYSTEMS,
    EFFECTS,
    EFFICIENCY,
    GENERAL_CRITERIA,
    INITIATIVE_KINDS,
    LEAVE_KINDS,
    LEVEL_CODES,
    RECOGNISED_AT,
    RECOGNISED_BY,
    ROLES,
    SUBJECTS,
    UNIT_KINDS,
)


@dataclass(frozen=True)
class Kind:
    """A field's type: ``int``, ``number``, ``bool``, ``code``, ``date``, ``map``, ``list``."""

    kind: str
    values: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    fields: dict[str, Field] | None = None
    item: Kind | None = None


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool = False
    default: Any = None


def code(*values: str) -> Kind:
    return Kind("code", values=values)


def integer(low: int | None = 0, high: int | None = None) -> Kind:
    return Kind("int", low=low, high=high)


def number(low: int, high: int) -> Kind:
    return Kind("number", low=low, high=high)


BOOL = Kind("bool")
DATE = Kind("date")
SHARE = Kind("share")
PERIOD = Kind("period")
YEAR = integer(1945, 2100)


def mapping(**fields: Field) -> Kind:
    return Kind("map", fields=fields)


def listing(item: Kind) -> Kind:
    return Kind("list", item=item)


LEAVE = mapping(
    kind=Field(code(*LEAVE_KINDS), required=True),
    months=Field(number(0, 12), required=True),
    **{"from": Field(DATE)},
    to=Field(DATE),
    certified_by=Field(code(*CERTIFIED_BY)),
)
DISCIPLINE = mapping(
    system=Field(code(*DISCIPLINE_SYSTEMS), required=True),
    form=Field(code(*DISCIPLINE_FORMS), required=True),
    decided_on=Field(DATE, required=True),
    violation_year=Field(YEAR, required=True),
    already_used_for_rating_year=Field(YEAR),
)
INITIATIVE = mapping(
    kind=Field(code(*INITIATIVE_KINDS), required=True),
    year=Field(YEAR, required=True),
    recognised_at=Field(code(*RECOGNISED_AT)),
    accepted=Field(BOOL),
    applied=Field(BOOL),
    effect=Field(code(*EFFECTS)),
    recognised_by=Field(code(*RECOGNISED_BY)),
)
PERIOD_SCORE = mapping(
    period=Field(PERIOD, required=True),
    score=Field(number(0, 100), required=True),
)
FLAGS = Kind("flags")
PRIOR_TITLES = Kind("prior_titles")

COMMON = {
    "evaluation_year": Field(integer(1900, 2100), required=True),
    "subject": Field(code(*SUBJECTS), required=True),
    "flags": Field(FLAGS),
}

INDIVIDUAL: dict[str, Field] = {
    "role": Field(code(*ROLES), required=True),
    "leader": Field(BOOL, default=False),
    "armed_forces": Field(BOOL, default=False),
    # Default: 12 months (or the months since recruitment in the year) minus the leave.
    "months_worked": Field(number(0, 12)),
    "recruited_on": Field(DATE),
    "leave": Field(listing(LEAVE), default=[]),
    "discipline": Field(listing(DISCIPLINE), default=[]),
    "general_criteria": Field(
        mapping(**{k: Field(code(*CRITERION_VALUES), required=True) for k in GENERAL_CRITERIA})
    ),
    "leadership_criterion_5a": Field(code(*CRITERION_VALUES)),
    "tasks": Field(
        mapping(
            assigned=Field(integer(1), required=True),
            completed=Field(integer(), required=True),
            on_time_with_quality=Field(integer(), required=True),
            exceeded=Field(integer(), required=True),
            efficiency=Field(code(*EFFICIENCY)),
        )
    ),
    "unit": Field(
        mapping(
            targets_total=Field(integer(1), required=True),
            targets_completed=Field(integer(), required=True),
            targets_on_time_quality=Field(integer(), required=True),
            targets_exceeded=Field(integer(), required=True),
        )
    ),
    "sub_units": Field(
        mapping(
            total=Field(integer(), required=True),
            htnv_or_above=Field(integer(), required=True),
            htt_or_above=Field(integer(), required=True),
        )
    ),
    "score_total": Field(number(0, 100)),
    "score_general": Field(number(0, 30)),
    "score_tasks": Field(number(0, 70)),
    "period_scores": Field(listing(PERIOD_SCORE)),
    "unit_has_own_rules": Field(BOOL),
    "unit_classification": Field(code(*LEVEL_CODES)),
    "degradation_concluded": Field(BOOL, default=False),
    "unit_corruption_or_waste": Field(BOOL, default=False),
    "classification_input": Field(code(*CLASSIFICATIONS)),
    "emulation_spirit": Field(BOOL, default=True),
    "initiatives": Field(listing(INITIATIVE), default=[]),
    "prior_titles": Field(PRIOR_TITLES, default={}),
}

COLLECTIVE: dict[str, Field] = {
    "members": Field(integer(1), required=True),
    "unit_result": Field(code(*CLASSIFICATIONS), required=True),
    "movement_regular_effective": Field(BOOL, required=True),
    "internal_unity": Field(BOOL, required=True),
    "members_htnv_or_above": Field(integer(), required=True),
    "members_ldtt": Field(integer(), required=True),
    "members_cstdcs": Field(integer(), required=True),
    "members_disciplined": Field(integer()),
    "members_disciplined_canh_cao_or_above": Field(integer(), default=0),
    "leads_emulation_cluster": Field(BOOL, default=False),
    "exceeded_all_targets": Field(BOOL, default=False),
    # Version 3: the level of a collective on 100 points (2026).
    "unit_kind": Field(code(*UNIT_KINDS)),
    "score_total": Field(number(0, 100)),
    "tasks_completed_share": Field(SHARE),
    "tasks_exceeded_share": Field(SHARE),
    "tasks_late_share": Field(SHARE),
    "constituent_units_khtnv": Field(integer()),
    "deficiencies_remedied": Field(BOOL),
    "violation_concluded": Field(BOOL),
}
# With unit_kind and without members, a collective profile asks for its level only.
TITLE_FIELDS = (
    "members",
    "unit_result",
    "movement_regular_effective",
    "internal_unity",
    "members_htnv_or_above",
    "members_ldtt",
    "members_cstdcs",
)
# Required fields a subject may leave out: (when this field is given, and that one is
# given (true) or not (false), these are optional). A collective with unit_kind has its
# level computed, so unit_result is optional; without members it asks for no title.
OPTIONAL_WHEN: dict[str, tuple[tuple[str, str, bool, tuple[str, ...]], ...]] = {
    "collective": (
        ("unit_kind", "members", True, ("unit_result",)),
        ("unit_kind", "members", False, TITLE_FIELDS),
    ),
}
# The fields that give an individual's score: a role transition keeps the rules on points
# when one of them is given (``years[Y].role_transitions``).
SCORE_FIELDS = ("score_total", "score_general", "score_tasks", "period_scores")

UNIT_QUOTA: dict[str, Field] = {
    "unit_ldtt_count": Field(integer()),
    "cstdcs_eligible_candidates": Field(integer()),
    "group_size_htt_or_above": Field(integer()),
    "individuals_meeting_htxs_criteria": Field(integer()),
    "unit_outstanding_exception_granted": Field(BOOL, default=False),
    "role": Field(code(*ROLES)),
    "unit_kind": Field(code(*UNIT_KINDS)),
    "units_total": Field(integer()),
}

FIELDS_BY_SUBJECT = {"individual": INDIVIDUAL, "collective": COLLECTIVE, "unit_quota": UNIT_QUOTA}

# Counts, scores and groups that must fit together, checked in this order once the fields
# are valid (templates in ``messages.PROBLEMS``, the check's name unless a row ends with
# another): ``at_most`` small, big (both present); ``together`` a, b (one given, the other
# missing); ``one_group`` a (no pair given: reported on a); ``not_both`` a, b; ``needs``
# a, b (a given without b); ``periods`` list (a month or quarter of the year, each once,
# not both kinds); ``agree`` x, y, words: two scores agree to 0.01, where a score is a
# field, a sum ``a+b`` of fields, or a list checked by ``periods`` (the mean of its
# scores), and is left out when it is missing (or its list has a problem).
UNIT_GROUPS = (
    ("unit_ldtt_count", "cstdcs_eligible_candidates"),
    ("group_size_htt_or_above", "individuals_meeting_htxs_criteria"),
)
CONSISTENCY: dict[str, tuple[tuple[str, ...], ...]] = {
    "individual": (
        ("together", "score_general", "score_tasks", "split_half"),
        ("agree", "score_total", "score_general+score_tasks", "split_total"),
        ("periods", "period_scores"),
        ("agree", "score_total", "period_scores", "mean_total"),
        ("agree", "score_general+score_tasks", "period_scores", "mean_split"),
        ("at_most", "tasks.completed", "tasks.assigned"),
        ("at_most", "tasks.on_time_with_quality", "tasks.completed"),
        ("at_most", "tasks.exceeded", "tasks.completed"),
        ("at_most", "unit.targets_completed", "unit.targets_total"),
        ("at_most", "unit.targets_on_time_quality", "unit.targets_completed"),
        ("at_most", "unit.targets_exceeded", "unit.targets_completed"),
        ("at_most", "sub_units.htnv_or_above", "sub_units.total"),
        ("at_most", "sub_units.htt_or_above", "sub_units.htnv_or_above"),
    ),
    "collective": (
        ("at_most", "members_htnv_or_above", "members"),
        ("at_most", "members_ldtt", "members"),
        ("at_most", "members_cstdcs", "members"),
        ("at_most", "members_disciplined", "members"),
        ("at_most", "members_disciplined_canh_cao_or_above", "members_disciplined"),
    ),
    "unit_quota": (
        *(("together", *pair) for pair in UNIT_GROUPS),
        ("one_group", UNIT_GROUPS[0][0]),
        ("at_most", "cstdcs_eligible_candidates", "unit_ldtt_count"),
        ("at_most", "individuals_meeting_htxs_criteria", "group_size_htt_or_above"),
        ("not_both", "role", "unit_kind"),
        ("needs", "units_total", "unit_kind"),
        ("at_most", "group_size_htt_or_above", "units_total"),
    ),
}


def field_paths(subject: str) -> set[str]:
    """Every dotted path (maps expanded) a criterion may read for ``subject``."""
    paths: set[str] = set()

    def walk(prefix: str, fields: dict[str, Field]) -> None:
        for name, spec in fields.items():
            path = f"{prefix}{name}"
            paths.add(path)
            if spec.kind.kind == "map" and spec.kind.fields:
                walk(path + ".", spec.kind.fields)

    walk("", FIELDS_BY_SUBJECT[subject])
    return paths


def describe(kind: Kind) -> str:
    """What a value of ``kind`` must be, as said in messages."""
    if kind.kind == "code":
        return "one of " + ", ".join(kind.values)
    if kind.kind == "int":
        if kind.high is not None:
            return f"a whole number from {kind.low} to {kind.high}"
        return f"a whole number ≥ {kind.low}"
    if kind.kind == "number":
        return f"a number from {kind.low} to {kind.high} (at most 2 decimals)"
    if kind.kind == "bool":
        return "true or false"
    if kind.kind == "date":
        return "a date YYYY-MM-DD"
    if kind.kind == "map":
        return "a mapping with " + ", ".join(kind.fields or {})
    if kind.kind == "list":
        return "a list"
    if kind.kind == "share":
        return "a share from 0 to 1 (at most 4 decimals, e.g. 0.25)"
    if kind.kind == "period":
        return "a month YYYY-MM or a quarter YYYY-Qn (n = 1–4)"
    return kind.kind
