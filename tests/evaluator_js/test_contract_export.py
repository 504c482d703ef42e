"""The contract published for the browser (``thidua.contract.export``) is the contract.

The page's evaluator checks profiles with this data only: its fields, codes, flags and
problem words must be those the Python evaluator uses, and it must travel with the rules
(``Rules.export()["contract"]``). The browser tests compare the resulting messages.
"""

from __future__ import annotations

import json

from thidua import contract
from thidua.contract.export import export_contract
from thidua.contract.messages import PROBLEMS
from thidua.criteria import load_rules
from thidua_testing import ROOT

OVERRIDES_JS = ROOT / "overrides" / "assets" / "js" / "tu-danh-gia"


def test_export_is_plain_json_and_travels_with_the_rules():
    data = export_contract()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert load_rules().export()["contract"] == data


def test_fields_and_their_words_are_the_contract():
    data = export_contract()
    for subject, fields in contract.FIELDS_BY_SUBJECT.items():
        published = data["subjects"][subject]
        assert list(published) == list(fields), subject
        for name, spec in fields.items():
            kind = published[name]["kind"]
            assert kind["kind"] == spec.kind.kind
            assert kind["allowed"] == contract.describe(spec.kind), (subject, name)
            assert published[name]["required"] == spec.required
            assert published[name]["default"] == spec.default
    assert data["codes"]["level_codes"] == list(contract.LEVEL_CODES)
    assert list(data["flags"]) == list(contract.FLAG_NAMES)
    assert data["flags"]["quota_rounding"]["allowed"] == "floor, round_half_up or ceil"
    ratios = [flag for flag in data["flags"].values() if flag["kind"] == "ratio"]
    assert ratios and all((flag["low"], flag["high"]) == (0, 1) for flag in ratios)
    assert contract.ratio_value(1) == 1 and contract.ratio_value("1.0001") is None
    assert data["score_fields"] == list(contract.SCORE_FIELDS)
    for subject, rows in data["optional_when"].items():
        paths = contract.field_paths(subject)
        for when, other, given, names in rows:
            assert {when, other, *names} <= paths and isinstance(given, bool), (subject, names)


def test_every_problem_template_is_used_by_the_page():
    """A template the page never asks for is a word nobody reads: keep the two in step.
    The page asks for it by name, or through a consistency row that names it (or is
    named like it) in the published table it interprets."""
    # The evaluator's two files: the profile's checks (profile.js) and the rules' (evaluator.js).
    files = ("profile.js", "evaluator.js")
    source = "".join((OVERRIDES_JS / name).read_text(encoding="utf-8") for name in files)
    rows = [row for checks in export_contract()["consistency"].values() for row in checks]
    kinds = {row[0] for row in rows}
    assert kinds <= {"at_most", "together", "one_group", "not_both", "needs", "periods", "agree"}
    assert all(f'c[0] === "{kind}"' in source for kind in kinds), kinds
    by_rows = {row[3] if len(row) > 3 else row[0] for row in rows}
    unused = [key for key in PROBLEMS if f'"{key}"' not in source and key not in by_rows]
    assert not unused, unused
    # ``periods`` is worded by the page with its own templates (named in the source).
    assert by_rows - {"periods"} <= set(PROBLEMS), by_rows - set(PROBLEMS)


def test_consistency_checks_name_contract_fields():
    """Each operand is a field of the subject (a score may be a sum ``a+b`` of fields);
    a row of three operands ends with the problem's words (a template's name)."""
    for subject, checks in contract.CONSISTENCY.items():
        paths = contract.field_paths(subject)
        for check in checks:
            operands = check[1:3]
            assert all(name in paths for op in operands for name in op.split("+")), check
            assert len(check) <= 3 or check[3] in PROBLEMS, (subject, check)
