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


def test_every_problem_template_is_used_by_the_page():
    """A template the page never asks for is a word nobody reads: keep the two in step."""
    source = (OVERRIDES_JS / "evaluator.js").read_text(encoding="utf-8")
    unused = [key for key in PROBLEMS if f'"{key}"' not in source]
    assert not unused, unused


def test_consistency_checks_name_contract_fields():
    for subject, checks in contract.CONSISTENCY.items():
        paths = contract.field_paths(subject)
        for check in checks:
            assert all(name in paths for name in check[1:]), (subject, check)
