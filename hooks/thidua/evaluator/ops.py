"""The generic operations that criteria are made of (one function per ``op``).

Each operation reads the normalised profile through ``Ctx`` and returns ``(met,
detail)``: ``met`` before ``not`` is applied, ``detail`` what it compared as data, never
as a sentence (numbers are exact: ratios are compared by integer cross-multiplication,
``100·num ⋚ percent·den``). See the design note in ``thidua/evaluator/__init__.py``.

A detail is a list of parts; a part is a small mapping ``{"k": message key, name:
value, …}``: the key names a template of ``labels.messages`` and the values are plain
data — numbers in the contract's number format (``fmt``: ``"49.5"``, ``"3/4"``), codes
(``"KHTNV"``, ``"khien_trach"``), ISO dates, whole numbers, lists of codes or of parts
(``items``, ``parts``). ``thidua.evaluator.wording`` words a part by its key and value
names, and the page's evaluator does the same with the same published templates.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from thidua.contract import EFFECTS, RECOGNISED_AT
from thidua.contract.numbers import NUMBER_SCALE, PLACES, decimal_text

MISSING = object()

Part = dict[str, Any]
Outcome = tuple[bool | None, list[Part]]


def fmt(value: Any) -> str:
    """Numbers as the result writes them: whole, with their decimals (at most
    ``PLACES["number"]``, those of a profile's numbers), else n/d."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        if (value * NUMBER_SCALE).denominator == 1:
            return decimal_text(value, PLACES["number"])
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def compare(left: Fraction, cmp: str, right: Fraction) -> bool:
    return {
        "ge": left >= right,
        "gt": left > right,
        "le": left <= right,
        "lt": left < right,
        "eq": left == right,
    }[cmp]


def _number(value: Any) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


def op_ratio(ctx, crit: dict) -> Outcome:
    def total(terms: list[str]) -> Fraction | None:
        result = Fraction(0)
        for term in terms:
            sign = -1 if term.startswith("-") else 1
            value = ctx.get(term.lstrip("-"))
            if value is MISSING:
                return None
            result += sign * _number(value)
        return result

    num, den = total(crit["num"]), total(crit["den"])
    if num is None or den is None:
        return None, []
    met = compare(100 * num, crit["cmp"], crit["percent"] * den)
    part = {"k": "ratio", "num": fmt(num), "den": fmt(den), "cmp": crit["cmp"]}
    return met, [{**part, "percent": fmt(crit["percent"])}]


def op_compare(ctx, crit: dict) -> Outcome:
    value = ctx.get(crit["field"])
    if value is MISSING:
        return None, []
    met = compare(_number(value), crit["cmp"], Fraction(crit["value"]))
    part = {"k": "compare", "number": fmt(value), "cmp": crit["cmp"]}
    return met, [{**part, "limit": fmt(Fraction(crit["value"]))}]


def op_values_at_least(ctx, crit: dict) -> Outcome:
    scale = crit["scale"]
    minimum = scale.index(crit["min"])
    values = [ctx.get(name) for name in crit["fields"]]
    if any(value is MISSING for value in values):
        return None, []
    met = all(scale.index(value) >= minimum for value in values)
    return met, [{"k": "values", "values": values}]


def op_is(ctx, crit: dict) -> Outcome:
    value = ctx.get(crit["field"])
    if value is MISSING:
        return None, []
    return value == crit["value"], [{"k": "value", "value": value}]


def op_in(ctx, crit: dict) -> Outcome:
    value = ctx.get(crit["field"])
    if value is MISSING:
        return None, []
    return value in crit["values"], [{"k": "value", "value": value}]


def _leave_sum(ctx, crit: dict) -> Fraction:
    total = Fraction(0)
    for item in ctx.profile.get("leave", []):
        if "kinds" in crit and item["kind"] not in crit["kinds"]:
            continue
        if item["kind"] in crit.get("exclude_kinds", []):
            continue
        total += item["months"]
    return total


def op_leave_months(ctx, crit: dict) -> Outcome:
    total = _leave_sum(ctx, crit)
    met = True
    if "at_least" in crit and total < crit["at_least"]:
        met = False
    if "below" in crit and total >= crit["below"]:
        met = False
    return met, [{"k": "leave_sum", "months": fmt(total)}]


def op_has_leave(ctx, crit: dict) -> Outcome:
    kinds = [item["kind"] for item in ctx.profile.get("leave", []) if item["kind"] in crit["kinds"]]
    return bool(kinds), [{"k": "has_leave", "leave_kinds": kinds}]


def recruited_months(date: str, year: int) -> int | None:
    """Whole months from ``date`` to 31 December of ``year``; None when not in ``year``."""
    y, m, d = (int(part) for part in date.split("-"))
    if y != year:
        return None
    return 13 - m if d == 1 else 12 - m


def op_recruited_months(ctx, crit: dict) -> Outcome:
    date = ctx.profile.get("recruited_on")
    months = recruited_months(date, ctx.year) if date else None
    if months is None:
        return True, [{"k": "not_recruited_in_year"}]
    return months >= crit["at_least"], [{"k": "recruited", "date": date, "months": months}]


def discipline_counted(items: list[dict], year: int, exceptions: bool) -> tuple[list, list]:
    """Split discipline decisions into those counted for ``year`` and those set aside,
    each as a part naming the decision by its row (1 = the first).

    Counted: decided in ``year``. With ``exceptions`` (NĐ 48/2023): not when the
    violation was already used to rate another year, nor when the same violation
    (same violation_year, the other system) was decided in an earlier year.
    """
    counted: list[Part] = []
    skipped: list[Part] = []
    for index, item in enumerate(items):
        decided_year = int(item["decided_on"][:4])
        if decided_year != year:
            continue
        row = index + 1
        if exceptions:
            used = item.get("already_used_for_rating_year")
            if used is not None and used != year:
                skipped.append({"k": "discipline_used", "row": row, "year": used})
                continue
            earlier = [
                other
                for other in items
                if other is not item
                and other["system"] != item["system"]
                and other["violation_year"] == item["violation_year"]
                and int(other["decided_on"][:4]) < year
            ]
            if earlier:
                skipped.append({"k": "discipline_same", "row": row, "year": item["violation_year"]})
                continue
        counted.append(
            {
                "k": "discipline_row",
                "row": row,
                "system": item["system"],
                "form": item["form"],
                "date": item["decided_on"],
            }
        )
    return counted, skipped


def op_no_discipline_in_year(ctx, crit: dict) -> Outcome:
    counted, skipped = discipline_counted(
        ctx.profile.get("discipline", []), ctx.year, crit["exceptions"]
    )
    if counted:
        detail = [{"k": "discipline_counted", "year": ctx.year, "items": counted}]
    else:
        detail = [{"k": "discipline_none", "year": ctx.year}]
    if skipped:
        detail.append({"k": "discipline_skipped", "items": skipped})
    return not counted, detail


def op_no_discipline_exception(ctx, crit: dict) -> Outcome:
    """Met when no decision of the year is one that the exceptions would set aside."""
    _counted, skipped = discipline_counted(ctx.profile.get("discipline", []), ctx.year, True)
    if skipped:
        return False, [{"k": "discipline_skipped", "items": skipped}]
    return True, [{"k": "none"}]


LEVEL_RANK = ("HTXS", "HTT", "HTNV", "KHTNV")


def op_level_not_above(ctx, crit: dict) -> Outcome:
    """The level reached so far is not above the level in ``field`` (a leader vs the unit)."""
    value = ctx.get(crit["field"])
    if value is MISSING:
        return None, []
    level = ctx.classification
    met = LEVEL_RANK.index(level) >= LEVEL_RANK.index(value)
    return met, [{"k": "level_not_above", "unit_level": value, "level": level}]


def op_classification_in(ctx, crit: dict) -> Outcome:
    value = ctx.classification
    return value in crit["values"], [{"k": "classification_is", "level": value}]


def op_title_eligible(ctx, crit: dict) -> Outcome:
    eligible = [t for t in crit["titles"] if ctx.title_eligible.get(t)]
    return bool(eligible), [{"k": "titles", "titles": eligible}]


def _matches(item: dict, alt: dict) -> bool:
    if item["kind"] not in alt["kinds"]:
        return False
    if "recognised_at_min" in alt:
        at = item.get("recognised_at")
        if at is None or RECOGNISED_AT.index(at) < RECOGNISED_AT.index(alt["recognised_at_min"]):
            return False
    if "effect_min" in alt:
        effect = item.get("effect")
        if effect is None or EFFECTS.index(effect) < EFFECTS.index(alt["effect_min"]):
            return False
    if alt.get("accepted") and item.get("accepted") is not True:
        return False
    if alt.get("applied_not_false") and item.get("applied") is False:
        return False
    return not (
        "recognised_by_in" in alt and item.get("recognised_by") not in alt["recognised_by_in"]
    )


def op_initiative(ctx, crit: dict) -> Outcome:
    first = ctx.year - crit["within_years"] + 1
    found = []
    for index, item in enumerate(ctx.profile.get("initiatives", [])):
        if not first <= item["year"] <= ctx.year:
            continue
        if any(_matches(item, alt) for alt in crit["alternatives"]):
            row = {"k": "initiative_row", "row": index + 1, "kind": item["kind"]}
            found.append({**row, "year": item["year"]})
    if found:
        return True, [{"k": "initiative_found", "items": found}]
    return False, [{"k": "initiative_none"}]


def _run(ctx, title: str) -> list[int]:
    """The consecutive years ending at the evaluation year in which ``title`` is held."""
    years = []
    year = ctx.year
    while ctx.holds(title, year):
        years.append(year)
        year -= 1
    return years


def _chain_part(title: str, years: list[int]) -> Part:
    if not years:
        return {"k": "chain_none", "title": title}
    return {"k": "chain_years", "title": title, "count": len(years), "years": sorted(years)}


def op_chain(ctx, crit: dict) -> Outcome:
    years = _run(ctx, crit["title"])
    met = len(years) >= crit["count"]
    if met:
        ctx.chain_years_used(years[: crit["count"]])
    return met, [_chain_part(crit["title"], years)]


def op_chain_in_run(ctx, crit: dict) -> Outcome:
    run = _run(ctx, crit["run_of"])
    awards = [year for year in run if ctx.holds(crit["title"], year)]
    met = len(awards) >= crit["count"]
    if met:
        ctx.chain_years_used(run[: run.index(awards[crit["count"] - 1]) + 1])
    return met, [_chain_part(crit["title"], awards), _chain_part(crit["run_of"], run)]


def op_any_of(ctx, crit: dict) -> Outcome:
    results = [ctx.outcome(sub) for sub in crit["criteria"]]
    details = [{"k": "alt_met" if met else "alt_not_met", "parts": parts} for met, parts in results]
    return any(met for met, _ in results), details


OPS: dict[str, Callable[[Any, dict], Outcome]] = {
    "ratio": op_ratio,
    "compare": op_compare,
    "values_at_least": op_values_at_least,
    "is": op_is,
    "in": op_in,
    "leave_months": op_leave_months,
    "has_leave": op_has_leave,
    "recruited_months": op_recruited_months,
    "no_discipline_in_year": op_no_discipline_in_year,
    "no_discipline_exception": op_no_discipline_exception,
    "level_not_above": op_level_not_above,
    "classification_in": op_classification_in,
    "title_eligible": op_title_eligible,
    "initiative": op_initiative,
    "chain": op_chain,
    "chain_in_run": op_chain_in_run,
    "any_of": op_any_of,
}
