"""The contract as data, published with the rules for the browser's evaluator.

``export_contract()`` returns plain JSON-able data: the fields of each subject (kind,
limits, codes, required, default and what a value must be, as messages say it), the
codes, the interpretation flags, the number grammar (decimal places of numbers and
ratios, the patterns of dates, periods and years), the period codes, how the
evaluator's parts name their values, the consistency
checks and the problem templates. ``profile.js`` and ``evaluator.js`` interpret it; nothing of the
contract is written a second time in JavaScript.
"""

from __future__ import annotations

from typing import Any

from thidua.contract import codes
from thidua.contract.fields import (
    COMMON,
    CONSISTENCY,
    FIELDS_BY_SUBJECT,
    OPTIONAL_WHEN,
    SCORE_FIELDS,
    TITLE_FIELDS,
    Field,
    Kind,
    describe,
)
from thidua.contract.messages import FLAG_RATIO, PROBLEMS, WORDS
from thidua.contract.numbers import (
    ISO_DATE,
    MONTHS,
    NUMBER_TEXT,
    PERIOD,
    PLACES,
    QUARTERS,
    RATIO_HIGH,
    RATIO_LOW,
    YEAR_TEXT,
)
from thidua.contract.parts import export_parts

CODE_LISTS = (
    "ROLES",
    "SUBJECTS",
    "CLASSIFICATIONS",
    "LEVEL_CODES",
    "UNIT_KINDS",
    "INDIVIDUAL_TITLES",
    "COLLECTIVE_TITLES",
    "RECOGNISED_AT",
    "EFFECTS",
    "FLAG_NAMES",
)


def kind_data(kind: Kind) -> dict[str, Any]:
    """One field kind: ``kind``, ``allowed`` (its description) and its parameters."""
    out: dict[str, Any] = {"kind": kind.kind, "allowed": describe(kind)}
    if kind.kind == "code":
        out["values"] = list(kind.values)
    if kind.kind in ("int", "number"):
        out["low"], out["high"] = kind.low, kind.high
    if kind.kind == "map":
        out["fields"] = fields_data(kind.fields or {})
    if kind.kind == "list" and kind.item is not None:
        out["item"] = kind_data(kind.item)
    return out


def fields_data(fields: dict[str, Field]) -> dict[str, Any]:
    """Field name → {kind, required, default}, in the catalogue's order."""
    return {
        name: {"kind": kind_data(spec.kind), "required": spec.required, "default": spec.default}
        for name, spec in fields.items()
    }


def _flag(name: str) -> dict[str, Any]:
    if name in codes.FLAG_VALUES:
        values = codes.FLAG_VALUES[name]
        allowed = ", ".join(values[:-1]) + WORDS["or"] + values[-1]
        return {"kind": "code", "values": list(values), "allowed": allowed}
    if name == "cstdcs_htxs_alternative":
        return {"kind": "bool", "allowed": describe(Kind("bool"))}
    return {"kind": "ratio", "low": RATIO_LOW, "high": RATIO_HIGH, "allowed": FLAG_RATIO}


def export_contract() -> dict[str, Any]:
    """The whole contract as plain data (see the module's docstring)."""
    return {
        "places": dict(PLACES),
        # Whole-text patterns (Python's fullmatch; the same syntax in JavaScript).
        "patterns": {
            "date": ISO_DATE.pattern,
            "period": PERIOD.pattern,
            "year": YEAR_TEXT.pattern,
            "number": NUMBER_TEXT.pattern,
        },
        # The codes that pattern takes after "YYYY-", by kind: the page offers them.
        "periods": {"month": list(MONTHS), "quarter": list(QUARTERS)},
        # How the evaluator's parts name their values (both wordings read it).
        "parts": export_parts(),
        "common": fields_data(COMMON),
        "subjects": {name: fields_data(fields) for name, fields in FIELDS_BY_SUBJECT.items()},
        "title_fields": list(TITLE_FIELDS),
        "optional_when": {
            subject: [[a, b, given, list(names)] for a, b, given, names in rows]
            for subject, rows in OPTIONAL_WHEN.items()
        },
        "score_fields": list(SCORE_FIELDS),
        "codes": {name.lower(): list(getattr(codes, name)) for name in CODE_LISTS},
        "flags": {name: _flag(name) for name in codes.FLAG_NAMES},
        "consistency": {
            subject: [list(c) for c in checks] for subject, checks in CONSISTENCY.items()
        },
        "problems": {key: list(pair) for key, pair in PROBLEMS.items()},
        "words": dict(WORDS),
    }
