"""A criterion's threshold, read from its parameters (never from its text).

The criterion text in the data is prose written once; the numbers that the evaluator
compares are the parameters (``value``, ``percent``, ``at_least``…). Showing the
threshold computed from the parameters keeps a checklist line true to the evaluator
even when someone edits a number and forgets the prose. The threshold is data
(``thidua.checklist.said``): numbers and comparison signs, with the units and phrases
by their key in ``checklist.units`` of the words files, worded at the edge.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from thidua.checklist.said import Code, Joined, Said, said

# Parameters that hold a number the evaluator compares.
NUMERIC = ("value", "percent", "at_least", "below", "count", "within_years", "cmp")
# Parameters that never decide the shape of a criterion (prose, modifiers).
PROSE = ("text",)

_CMP = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "eq": "="}


def _number(value: Any) -> str:
    text = str(value)
    return text[:-2] if text.endswith(".0") else text


def _unit_of(field: str) -> str:
    if field.startswith("months") or field.endswith("months"):
        return "months"
    if field.startswith("score"):
        return "points"
    if field.startswith("members"):
        return "members"
    return ""


def _u(key: str, **values: Any) -> Said:
    """A unit or phrase of ``checklist.units``."""
    return said(f"units.{key}", **values)


def threshold(criterion: dict) -> Any:
    """The numeric threshold of ``criterion`` (``≥ 6 tháng`` once worded), or None."""
    op = criterion["op"]
    if op == "compare" and criterion["field"].endswith("_share"):
        # A share 0–1 of a collective's tasks is shown as a percentage (0.7 → 70 %).
        percent = Fraction(str(criterion["value"])) * 100
        shown = str(percent.numerator) if percent.denominator == 1 else str(float(percent))
        return f"{_CMP[criterion['cmp']]} {shown} %"
    if op == "compare":
        unit = _unit_of(criterion["field"])
        shown = f"{_CMP[criterion['cmp']]} {_number(criterion['value'])}"
        return Joined((shown, _u(unit)), " ") if unit else shown
    if op == "ratio":
        return f"{_CMP[criterion['cmp']]} {_number(criterion['percent'])} %"
    if op == "recruited_months":
        return _u("recruited", cmp="≥", n=_number(criterion["at_least"]))
    if op == "leave_months":
        low, high = criterion.get("at_least"), criterion.get("below")
        if low is not None and high is not None:
            span = _u("range", a=_number(low), b=_number(high))
        elif low is not None:
            span = _u("from", a=_number(low))
        else:
            span = _u("under", b=_number(high))
        return _u("leave_not" if criterion.get("not") else "leave", range=span)
    if op == "chain":
        return _u("chain", n=criterion["count"])
    if op == "chain_in_run":
        return _u("chain_in_run", n=criterion["count"])
    if op == "initiative":
        years = criterion["within_years"]
        return _u("in_year") if years == 1 else _u("in_years", n=years)
    if op == "values_at_least":
        # The scale's words are those of a worked example's answers (tốt, đáp ứng, …).
        return _u("at_least", v=Code("profile", criterion["min"]))
    return None


def numbers(criterion: dict) -> dict[str, Any]:
    """The numbers (and comparison) of ``criterion``: what a threshold change changes."""
    return {key: criterion[key] for key in NUMERIC if key in criterion}


def shape(criterion: dict) -> tuple:
    """Everything but the numbers and the prose: two criteria with the same shape and
    different numbers are one criterion whose threshold changed (10 → 6 months)."""
    return tuple(
        sorted(
            (key, repr(value))
            for key, value in criterion.items()
            if key not in NUMERIC and key not in PROSE
        )
    )
