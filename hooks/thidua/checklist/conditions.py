"""A criterion's threshold in words, read from its parameters (never from its text).

The criterion text in the data is prose written once; the numbers that the evaluator
compares are the parameters (``value``, ``percent``, ``at_least``…). Showing the
threshold computed from the parameters keeps a checklist line true to the evaluator
even when someone edits a number and forgets the prose.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

# Parameters that hold a number the evaluator compares.
NUMERIC = ("value", "percent", "at_least", "below", "count", "within_years", "cmp")
# Parameters that never decide the shape of a criterion (prose, modifiers).
PROSE = ("text",)

_CMP = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "eq": "="}

_UNITS: dict[str, dict[str, str]] = {
    "vi": {
        "months": "tháng",
        "points": "điểm",
        "years": "năm",
        "in_years": "trong {n} năm gần nhất",
        "in_year": "trong năm",
        "recruited": "tuyển dụng {cmp} {n} tháng",
        "leave": "nghỉ {range} tháng",
        "leave_not": "không nghỉ {range} tháng",
        "range": "từ {a} đến dưới {b}",
        "from": "từ {a}",
        "under": "dưới {b}",
        "chain": "{n} năm liên tục",
        "chain_in_run": "{n} lần liên tục",
        "at_least": "mức tối thiểu: {v}",
        "members": "người",
    },
    "en": {
        "months": "months",
        "points": "points",
        "years": "years",
        "in_years": "within the last {n} years",
        "in_year": "in the year",
        "recruited": "recruited {cmp} {n} months",
        "leave": "{range} months of leave",
        "leave_not": "not {range} months of leave",
        "range": "{a} to under {b}",
        "from": "at least {a}",
        "under": "under {b}",
        "chain": "{n} consecutive years",
        "chain_in_run": "{n} consecutive awards",
        "at_least": "minimum level: {v}",
        "members": "members",
    },
}

_SCALE = {
    "vi": {"tot": "tốt", "dap_ung": "đáp ứng", "khong_dap_ung": "không đáp ứng"},
    "en": {"tot": "good", "dap_ung": "meets", "khong_dap_ung": "does not meet"},
}


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


def threshold(criterion: dict, lang: str = "vi") -> str | None:
    """The numeric threshold of ``criterion`` in words (``≥ 6 tháng``), or None."""
    units = _UNITS["en" if lang == "en" else "vi"]
    op = criterion["op"]
    if op == "compare" and criterion["field"].endswith("_share"):
        # A share 0–1 of a collective's tasks is shown as a percentage (0.7 → 70 %).
        percent = Fraction(str(criterion["value"])) * 100
        shown = str(percent.numerator) if percent.denominator == 1 else str(float(percent))
        return f"{_CMP[criterion['cmp']]} {shown} %"
    if op == "compare":
        unit = _unit_of(criterion["field"])
        shown = f"{_CMP[criterion['cmp']]} {_number(criterion['value'])}"
        return f"{shown} {units[unit]}" if unit else shown
    if op == "ratio":
        return f"{_CMP[criterion['cmp']]} {_number(criterion['percent'])} %"
    if op == "recruited_months":
        return units["recruited"].format(cmp="≥", n=_number(criterion["at_least"]))
    if op == "leave_months":
        low, high = criterion.get("at_least"), criterion.get("below")
        if low is not None and high is not None:
            span = units["range"].format(a=_number(low), b=_number(high))
        elif low is not None:
            span = units["from"].format(a=_number(low))
        else:
            span = units["under"].format(b=_number(high))
        return units["leave_not" if criterion.get("not") else "leave"].format(range=span)
    if op == "chain":
        return units["chain"].format(n=criterion["count"])
    if op == "chain_in_run":
        return units["chain_in_run"].format(n=criterion["count"])
    if op == "initiative":
        years = criterion["within_years"]
        return units["in_year"] if years == 1 else units["in_years"].format(n=years)
    if op == "values_at_least":
        scale = _SCALE["en" if lang == "en" else "vi"]
        return units["at_least"].format(v=scale.get(criterion["min"], criterion["min"]))
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
