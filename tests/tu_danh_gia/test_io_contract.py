"""Import (io.js) and the period rows (calc.js) read the published contract (issue 12
item 3): they keep no copy of its fields, codes, limits or patterns.

Served a contract that differs from the real one (one more leave kind, evaluation years up
to 2030, one title less, months January to June and quarters 1–2 only), the page imports
and counts by it: what the real contract refuses is taken, and the other way round.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from tdg_support import serve_contract
from thidua.contract import codes
from thidua.contract.export import export_contract

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "overrides" / "assets" / "js" / "tu-danh-gia"
BASE = {"evaluation_year": 2024, "subject": "individual"}
PARSE = "(text) => TDG.io.parse(text, TDG.texts.vi)"
KINDS = """(periods) => TDG.calc.periodRows(Object.fromEntries(periods.flatMap((p, i) => [
  ["period_scores." + i + ".period", p], ["period_scores." + i + ".score", "80"]
]))).map(r => r.kind)"""


def _changed() -> dict:
    contract = copy.deepcopy(export_contract())
    leave = contract["subjects"]["individual"]["leave"]["kind"]["item"]["fields"]
    leave["kind"]["kind"]["values"].append("nghi_moi")
    contract["common"]["evaluation_year"]["kind"]["high"] = 2030
    contract["codes"]["individual_titles"].remove("CSTDTQ")
    contract["patterns"]["period"] = "([0-9]{4})-(?:(0[1-6])|Q([1-2]))"
    return contract


@pytest.fixture
def changed(page, guard, base_url):
    """The Vietnamese page served the changed contract (fake evaluator, as elsewhere)."""
    serve_contract(page, base_url, _changed())
    return page


def _parse(page, **fields) -> dict:
    return page.evaluate(PARSE, json.dumps({**BASE, **fields}))


@pytest.mark.browser
def test_import_and_periods_follow_the_published_contract(changed):
    page = changed
    assert "profile" in _parse(page, leave=[{"kind": "nghi_moi", "months": 1}])
    assert "profile" in _parse(page, evaluation_year=2030)
    refused = _parse(page, evaluation_year=2031)["problems"]
    assert refused and "Năm đánh giá" in refused[0] and "evaluation_year" not in refused[0]
    assert "problems" in _parse(page, prior_titles={"2023": ["CSTDTQ"]})
    assert "profile" in _parse(page, prior_titles={"2023": ["CSTD_BO"]})
    assert page.evaluate(KINDS, ["06", "07", "Q2", "Q3"]) == ["month", "bad", "quarter", "bad"]
    # The page's period rows: as many as it renders, no more imported.
    rows = page.locator("#tdg-form .tdg-period").count()
    assert rows and page.evaluate("TDG.calc.ROWS") == rows
    periods = [{"period": "2024-Q1", "score": 80}] * (rows + 1)
    assert "problems" in _parse(page, period_scores=periods)
    assert "profile" in _parse(page, period_scores=periods[:rows])


@pytest.mark.browser
def test_the_real_contract_takes_what_the_changed_one_refuses(tool):
    assert "profile" in _parse(tool, evaluation_year=2031)
    assert "problems" in _parse(tool, leave=[{"kind": "nghi_moi", "months": 1}])
    assert tool.evaluate(KINDS, ["07", "Q3", "13"]) == ["month", "quarter", "bad"]


def _literals(path: Path) -> set[str]:
    """The quoted texts, their words and the regular expressions of a script, its comments
    left out (a list of codes may be written as one text: "a b c".split(" "))."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/|^\s*//.*$", "", text, flags=re.S | re.M)
    quoted = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
    words = {word for text in quoted for word in text.split()}
    return set(quoted) | words | set(re.findall(r"(?<=[(=,:!|&?]) ?(/\^[^/\n]+/)", text))


@pytest.mark.parametrize("name", ["io.js", "calc.js"])
def test_no_code_list_or_pattern_of_the_contract_in_the_script(name):
    found = _literals(SCRIPTS / name)
    contract_codes = {
        value
        for attribute in dir(codes)
        if attribute.isupper() and isinstance(getattr(codes, attribute), tuple)
        for value in getattr(codes, attribute)
    } - {"individual"}  # the page's own subject: it takes individual profiles only
    assert not found & contract_codes, sorted(found & contract_codes)
    for pattern in (r"\d{4}", "[0-9]{4}", "Q[1-4]", "0[1-9]", "1[0-2]"):
        assert not any(pattern in text for text in found), pattern
