"""How the value of an evaluator's part is named, by the value's name.

The evaluator says what a criterion found as parts, ``{"k": template key, name: value}``
(``thidua.evaluator.ops``). Python's wording (``thidua.evaluator.wording``) and the page's
(``ThiduaProfile.wording`` in ``profile.js``, reading ``contract.parts``) name each value by
its name with these tables, so the two cannot drift apart.
"""

from __future__ import annotations

# A value named so is the code of this labels group.
VALUE_GROUPS = {
    "level": "levels",
    "unit_level": "levels",
    "title": "titles",
    "titles": "titles",
    "system": "discipline_systems",
    "form": "discipline_forms",
    "kind": "initiative_kinds",
    "leave_kinds": "leave_kinds",
}
# A value named so is a number in the contract's format ("49.5", "3/4").
NUMBERS = ("number", "limit", "num", "den", "percent", "months", "ratio", "exact")
# A value named so is an answer: yes or no, a code of the messages' value_* words (rounding,
# a cap's base, a general criterion's answer) or of CODE_GROUPS, else a number.
CODES = ("value", "values", "rounding", "base_kind")
CODE_GROUPS = ("levels", "titles", "efficiency", "criterion_values")


def export_parts() -> dict[str, object]:
    """The tables as plain data (``contract.parts``)."""
    return {
        "value_groups": dict(VALUE_GROUPS),
        "numbers": list(NUMBERS),
        "codes": list(CODES),
        "code_groups": list(CODE_GROUPS),
    }
