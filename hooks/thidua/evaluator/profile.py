"""The profile of the evaluation contract: field catalogue, validation, normalisation.

``check(profile)`` returns every problem (path, found, allowed); ``normalise`` turns a
valid profile into the form the engine reads (defaults filled, dates as ISO strings,
numbers as exact ``Fraction``). The field names and codes are fixed by
evaluation-contract.md; an unknown field is a problem, never ignored.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

ROLES = ("can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong")
SUBJECTS = ("individual", "collective", "unit_quota")
CLASSIFICATIONS = ("HTXS", "HTT", "HTNV", "KHTNV", "NOT_CLASSIFIED")
LEVEL_CODES = ("HTXS", "HTT", "HTNV", "KHTNV")
UNIT_KINDS = ("don_vi_su_nghiep", "co_quan_hanh_chinh")
INDIVIDUAL_TITLES = ("LDTT", "CSTT", "CSTDCS", "CSTD_BO", "CSTDTQ")
COLLECTIVE_TITLES = ("TTLDTT", "TTLDXS", "CO_THI_DUA_BO", "CO_THI_DUA_CP")
CRITERION_VALUES = ("tot", "dap_ung", "khong_dap_ung")
LEAVE_KINDS = (
    "thai_san",
    "om_dau",
    "khong_luong",
    "dieu_tri_thuong_tich_cuu_nguoi",
    "dieu_tri_thuong_tich_chien_dau",
    "hoc_tap",
    "khac",
)
DISCIPLINE_SYSTEMS = ("dang", "hanh_chinh")
DISCIPLINE_FORMS = (
    "khien_trach",
    "canh_cao",
    "ha_bac_luong",
    "giang_chuc",
    "cach_chuc",
    "buoc_thoi_viec",
    "khai_tru",
)
INITIATIVE_KINDS = ("sang_kien", "de_tai", "de_an", "cong_trinh", "muu_tri_chien_dau")
RECOGNISED_AT = ("co_so", "bo_tinh", "toan_quoc")
EFFECTS = ("applied", "applied_and_replicable_in_bo_tinh", "applied_and_replicable_nationwide")
RECOGNISED_BY = ("co_so", "nguoi_dung_dau_bo_tinh", "bo_truong_quoc_phong_cong_an", "khac")
CERTIFIED_BY = ("co_so_y_te_cap_huyen_tro_len", "khac")
EFFICIENCY = ("high", "normal", "low")
GENERAL_CRITERIA = (
    "chinh_tri_tu_tuong",
    "dao_duc_loi_song",
    "tac_phong_le_loi",
    "y_thuc_to_chuc_ky_luat",
)
FLAG_NAMES = (
    "cstdcs_htxs_alternative",
    "quota_rounding",
    "htxs_ratio_base",
    "htxs_ratio",
    "cstdcs_ratio",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a profile."""

    path: tuple[str | int, ...]
    found: str
    allowed: str

    @property
    def field(self) -> str:
        """Dotted path with list indexes: ``leave[1].months``."""
        return dotted(self.path)

    @property
    def message(self) -> str:
        return f"{self.field}: {self.found}; allowed: {self.allowed}"


def dotted(path: tuple[str | int, ...]) -> str:
    """``("leave", 1, "months")`` → ``leave[1].months``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(profile)"


def show(value: Any) -> str:
    """A found value as shown in messages."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (dict, list)):
        return "a " + ("mapping" if isinstance(value, dict) else "list")
    if value is None:
        return "nothing (null)"
    return str(value).lower() if isinstance(value, bool) else str(value)


# --- field kinds -------------------------------------------------------------------


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


# --- validation --------------------------------------------------------------------


def _describe(kind: Kind) -> str:
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


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PERIOD = re.compile(r"([0-9]{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))")
_YEAR = re.compile(r"[0-9]{4}")
# Fraction("1e-999999") computes 10**999999 before it can be refused: a number with a
# larger exponent than any value in range is refused first (the browser does the same).
_EXPONENT = re.compile(r"[eE][+-]?0*([0-9]+)")
MAX_EXPONENT = 20


def _exact(text: str) -> Fraction | None:
    """``Fraction(text)`` for a numeric text, None when it is not one (or absurd)."""
    exponent = _EXPONENT.search(text)
    if exponent and int(exponent[1]) > MAX_EXPONENT:
        return None
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


def to_fraction(value: Any) -> Fraction | None:
    """An exact value for an int/float/decimal string with at most 2 decimals, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    exact = _exact(str(value))
    if exact is None or (exact * 100).denominator != 1:
        return None
    return exact


def parse_date(value: Any) -> str | None:
    """ISO date string for a YAML date or a ``YYYY-MM-DD`` string, else None."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    # date.fromisoformat also takes week dates and other forms: YYYY-MM-DD only.
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    return None


def _check_value(kind: Kind, value: Any, path: tuple, out: list[Problem]) -> None:
    allowed = _describe(kind)
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
        if not isinstance(value, str) or not _PERIOD.fullmatch(value):
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
                out.append(Problem((*path, name), "missing", _describe(spec.kind)))
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


def ratio_value(value: Any) -> Fraction | None:
    """A ratio 0–1 with at most 4 decimals (number or decimal string), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    exact = _exact(str(value).strip())
    if exact is None or (exact * 10000).denominator != 1 or not 0 <= exact <= 1:
        return None
    return exact


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


def year_key(value: Any) -> int | None:
    """A prior_titles key (int or digit string) as an int."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _YEAR.fullmatch(value):
        return int(value)
    return None


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


def agree(a: Fraction, b: Fraction) -> bool:
    """Two scores agree to 0.01 (|a − b| ≤ 0.01)."""
    return abs(a - b) * 100 <= 1


def show_score(value: Fraction) -> str:
    """A score for messages: exact with 2 decimals, else ≈ rounded to 4 decimals."""
    hundredths = value * 100
    if hundredths.denominator == 1:
        whole, frac = divmod(hundredths.numerator, 100)
        return str(whole) if frac == 0 else f"{whole}.{frac:02d}".rstrip("0")
    scaled = value * 10000
    n = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)
    whole, frac = divmod(n, 10000)
    return f"≈ {whole}.{frac:04d}".rstrip("0").rstrip(".")


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
        match = _PERIOD.fullmatch(period)
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
