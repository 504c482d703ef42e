"""Checking and normalising a profile against the contract's field catalogue.

``check(profile)`` returns every problem (path, found, allowed); ``normalise`` turns a
valid profile into the form the engine reads (defaults filled, dates as ISO strings,
numbers as exact ``Fraction``). The fields, codes and number grammar are those of
``thidua.contract`` (evaluation-contract.md); an unknown field is a problem, never
ignored. Every problem is worded by a template of ``contract.messages.PROBLEMS`` and
the consistency checks are the table ``contract.CONSISTENCY``: the data the page's
evaluator reads (``contract.export``), so both write the same messages.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from thidua.contract import (
    COMMON,
    CONSISTENCY,
    FIELDS_BY_SUBJECT,
    FLAG_NAMES,
    INDIVIDUAL_TITLES,
    OPTIONAL_WHEN,
    Field,
    Kind,
    Problem,
    agree,
    describe,
    parse_date,
    ratio_value,
    show,
    show_score,
    to_fraction,
    year_key,
)
from thidua.contract.export import export_contract
from thidua.contract.messages import WORDS, problem
from thidua.contract.numbers import PERIOD

# The interpretation flags as the page's evaluator reads them: kind, codes, and what a
# value must be (``contract.export``), so that both say the same of a wrong value.
FLAGS: dict[str, dict[str, Any]] = export_contract()["flags"]


def _valid(kind: Kind, value: Any) -> bool:
    """True when ``value`` is a value of ``kind`` (maps, lists and the profile's special
    kinds are walked by ``_check_value``)."""
    if kind.kind == "code":
        return isinstance(value, str) and value in kind.values
    if kind.kind == "int":
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (kind.low is None or value >= kind.low)
            and (kind.high is None or value <= kind.high)
        )
    if kind.kind == "number":
        exact = to_fraction(value) if not isinstance(value, str) else None
        return exact is not None and kind.low <= exact <= kind.high
    if kind.kind == "bool":
        return isinstance(value, bool)
    if kind.kind == "date":
        return parse_date(value) is not None
    if kind.kind == "share":
        return ratio_value(value) is not None and not isinstance(value, str)
    if kind.kind == "period":
        return isinstance(value, str) and PERIOD.fullmatch(value) is not None
    return False  # a list or map that is not one


def _check_value(kind: Kind, value: Any, path: tuple, out: list[Problem]) -> None:
    if kind.kind == "flags":
        _check_flags(value, path, out)
    elif kind.kind == "prior_titles":
        _check_prior_titles(value, path, out)
    elif kind.kind == "map" and isinstance(value, dict):
        _check_map(kind.fields or {}, value, path, out)
    elif kind.kind == "list" and isinstance(value, list):
        assert kind.item is not None
        for index, item in enumerate(value):
            _check_value(kind.item, item, (*path, index), out)
    elif not _valid(kind, value):
        out.append(problem(path, "value", value=show(value), allowed=describe(kind)))


def _check_map(fields: dict[str, Field], value: dict, path: tuple, out: list[Problem]) -> None:
    names = ", ".join(fields)
    for key in value:
        if key not in fields:
            out.append(problem((*path, str(key)), "unknown_field", fields=names))
    for name, spec in fields.items():
        if name in value:
            _check_value(spec.kind, value[name], (*path, name), out)
        elif spec.required:
            out.append(problem((*path, name), "missing", allowed=describe(spec.kind)))


def _check_flags(value: Any, path: tuple, out: list[Problem]) -> None:
    if not isinstance(value, dict):
        out.append(problem(path, "flags_not_mapping", value=show(value)))
        return
    for name, flag_value in value.items():
        where = (*path, str(name))
        flag = FLAGS.get(name) if isinstance(name, str) else None
        if flag is None:
            out.append(problem(where, "unknown_flag", flags=", ".join(FLAG_NAMES)))
            continue
        if flag["kind"] == "ratio":
            ok = ratio_value(flag_value) is not None
        else:
            ok = _valid(Kind(flag["kind"], values=tuple(flag.get("values", ()))), flag_value)
        if not ok:
            out.append(problem(where, "value", value=show(flag_value), allowed=flag["allowed"]))


def _check_prior_titles(value: Any, path: tuple, out: list[Problem]) -> None:
    if not isinstance(value, dict):
        out.append(problem(path, "titles_not_mapping", value=show(value)))
        return
    for year, titles in value.items():
        where = (*path, str(year))
        if year_key(year) is None:
            out.append(problem(where, "title_year", value=show(year)))
            continue
        if not isinstance(titles, list):
            out.append(problem(where, "titles_not_list", value=show(titles)))
            continue
        for index, title in enumerate(titles):
            if title not in INDIVIDUAL_TITLES:
                out.append(
                    problem(
                        (*where, index),
                        "title",
                        value=show(title),
                        titles=", ".join(INDIVIDUAL_TITLES),
                    )
                )


def _at(profile: dict, dotted_path: str) -> Any:
    """The value at ``tasks.completed`` (``None`` where a step is missing)."""
    value: Any = profile
    for part in dotted_path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _score(profile: dict, operand: str, lists: dict[str, bool]) -> tuple[Fraction, dict] | None:
    """A score of a consistency row and the words that show it (None when missing): a
    field, a sum ``a+b`` of fields, or the mean of a list's scores (``lists``: those a
    ``periods`` row checked → whether it is valid)."""
    if operand in lists:
        if not lists[operand]:
            return None
        items = profile[operand]
        kind = WORDS["month" if PERIOD.fullmatch(items[0]["period"])[2] else "quarter"]
        mean = period_mean(items)
        count = f"{len(items)} {kind}{WORDS['plural'] if len(items) > 1 else ''}"
        return mean, {"count": count, "mean": show_score(mean)}
    terms = operand.split("+")
    if any(term not in profile for term in terms):
        return None
    values = [to_fraction(profile[term]) for term in terms]
    if len(terms) == 1:
        return values[0], {"value": show(profile[operand])}
    total = sum(values, Fraction(0))
    shown = " + ".join(show_score(v) for v in values)
    return total, {"terms": shown, "sum": show_score(total)}


def _periods(profile: dict, name: str, out: list[Problem]) -> bool:
    """A list of period scores: not empty, months or quarters of the evaluation year, each
    once, not both kinds. True when it is given and valid (its mean can be compared)."""
    items = profile.get(name)
    if items is None:
        return False
    if not items:
        out.append(problem((name,), "periods_empty"))
        return False
    year = profile.get("evaluation_year")
    seen: dict[str, int] = {}
    first = None
    before = len(out)
    for index, item in enumerate(items):
        period = item["period"]
        where = (name, index, "period")
        match = PERIOD.fullmatch(period)
        assert match is not None
        kind = WORDS["month" if match[2] else "quarter"]
        if int(match[1]) != year:
            values = {"value": show(period), "year": match[1], "evaluation_year": year}
            out.append(problem(where, "period_year", **values))
        if period in seen:
            out.append(problem(where, "period_twice", value=show(period), index=seen[period]))
        else:
            seen[period] = index
        if first is not None and kind != first:
            values = {"kind": kind, "value": show(period), "first_kind": first}
            first_period = show(items[0]["period"])
            out.append(problem(where, "period_mixed", **values, first=first_period, index=0))
        first = first or kind
    return len(out) == before


def _consistency(profile: dict, out: list[Problem]) -> None:
    """Counts, scores and groups that must fit together (``contract.CONSISTENCY``, in its
    order; a row's last item names its words when it is not the check's name)."""
    any_group = False
    lists: dict[str, bool] = {}  # checked by a ``periods`` row → valid
    for check_kind, first, *rest in CONSISTENCY.get(profile.get("subject"), ()):
        second = rest[0] if rest else ""  # ``one_group`` and ``periods`` name one field
        key = rest[1] if len(rest) > 1 else check_kind
        if check_kind == "at_most":
            small, big = _at(profile, first), _at(profile, second)
            if isinstance(small, int) and isinstance(big, int) and small > big:
                where = tuple(first.split("."))
                out.append(problem(where, key, small=small, big_path=second, big=big))
        elif check_kind == "together" and (first in profile or second in profile):
            any_group = True
            for name, other in ((first, second), (second, first)):
                if name not in profile:
                    out.append(problem((name,), key, first=first, second=second, have=other))
        elif check_kind == "one_group" and not any_group:
            out.append(problem((first,), key))
        elif check_kind == "not_both" and first in profile and second in profile:
            out.append(problem((second,), key))
        elif check_kind == "needs" and first in profile and second not in profile:
            out.append(problem((first,), key, other=second))
        elif check_kind == "periods":
            lists[first] = _periods(profile, first, out)
        elif check_kind == "agree":
            left = _score(profile, first, lists)
            right = _score(profile, second, lists)
            if left and right and not agree(left[0], right[0]):
                where = (first.split("+")[0],)
                out.append(problem(where, key, **left[1], **right[1]))


def period_mean(items: list[dict]) -> Fraction:
    """The year's score: the mean of the period scores (exact)."""
    total = Fraction(0)
    for item in items:
        score = item["score"]
        total += score if isinstance(score, Fraction) else to_fraction(score)
    return total / len(items)


def check(profile: Any) -> list[Problem]:
    """Every structural problem of ``profile`` (empty when it is valid)."""
    out: list[Problem] = []
    if not isinstance(profile, dict):
        return [problem((), "not_mapping", value=show(profile))]
    subject = profile.get("subject")
    if isinstance(subject, str) and subject in FIELDS_BY_SUBJECT:
        optional = [
            name
            for when, other, given, names in OPTIONAL_WHEN.get(subject, ())
            if when in profile and (other in profile) == given
            for name in names
        ]
        fields = {
            name: replace(spec, required=False) if name in optional else spec
            for name, spec in FIELDS_BY_SUBJECT[subject].items()
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
