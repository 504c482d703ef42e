"""The self-evaluation form reads the evaluation contract, it keeps no copy of it (issue 12).

Every number the form asks for is checked against the limits of its field in the
contract published with the rules (``THIDUA_DATA.contract``): the form refuses exactly
what the command line refuses (``thidua.evaluator.profile.check``), and what it accepts
reaches the profile. The test data carry the real contract (``tdg_support.FAKE_DATA``).
"""

from __future__ import annotations

from typing import Any

import pytest
from tdg_support import PAGE_VI, route_evaluator
from thidua.contract.export import export_contract
from thidua.evaluator.profile import check

pytestmark = pytest.mark.browser

CONTRACT = export_contract()
# Asked for against the years the rules model (a stricter list than the contract's limits).
OWN_CHECK = {"evaluation_year"}

# Validate answers with every question shown (the periods included), one field at a time:
# the message the form gives at that field, "" when it takes the answer.
VERDICTS = """
(cases) => {
  document.querySelectorAll("#tdg-form [hidden]").forEach(function (n) { n.hidden = false; });
  var rules = JSON.parse(document.getElementById("tdg").getAttribute("data-rules"));
  return cases.map(function (c) {
    var fields = TDG.form.read();
    fields[c[0]] = c[1];
    var ctx = TDG.form.context(fields, rules, "vi");
    ctx.periods = true;
    var errors = TDG.form.validate(fields, ctx, TDG.texts.vi);
    var error = errors.filter(function (e) { return e.name === c[0]; })[0];
    return error ? error.message : "";
  });
}
"""


def contract_kind(name: str) -> dict[str, Any] | None:
    """The exported kind of a form control ("leave.1.months" → leave's item's months)."""
    fields: dict[str, Any] | None = CONTRACT["subjects"]["individual"]
    kind: dict[str, Any] | None = None
    for part in name.split("."):
        if part.isdigit() and kind is not None and "item" in kind:
            kind = kind["item"]
        elif fields is not None and part in fields:
            kind = fields[part]["kind"]
        else:
            return None
        fields = kind.get("fields")
    return kind


def cli_accepts(name: str, text: str) -> bool:
    """Whether the command line takes this value for this field (no problem at its path)."""
    value: Any = float(text) if "." in text else int(text)
    parts: list[Any] = [int(p) if p.isdigit() else p for p in name.split(".")]
    nested: Any = value
    for part in reversed(parts[1:]):
        nested = [nested] if isinstance(part, int) else {part: nested}
    path = (parts[0], *(0 if isinstance(p, int) else p for p in parts[1:]))
    profile = {"evaluation_year": 2024, "subject": "individual", "role": "vien_chuc"}
    profile[parts[0]] = nested
    return not any(problem.path == path for problem in check(profile))


def samples(kind: dict[str, Any]) -> list[str]:
    """Values at and just beyond the kind's limits (an unbounded count: a large one)."""
    step = 1 if kind["kind"] == "int" else 0.01
    low, high = kind["low"], kind["high"]
    values = [low, low - step, 10**9 if high is None else high]
    if high is not None:
        values.append(high + step)
    if kind["kind"] == "int":
        values.append(low + 0.5)
    return [f"{v:.2f}" if isinstance(v, float) else str(v) for v in values]


def numeric_controls(page) -> list[str]:
    return page.evaluate(
        "Array.prototype.map.call(document.querySelectorAll('#tdg-form input[inputmode]'),"
        " function (c) { return c.name; })"
    )


def test_every_number_of_the_form_has_the_contracts_limits(tool):
    page = tool
    names = [n for n in numeric_controls(page) if contract_kind(n) and n not in OWN_CHECK]
    # Each group of the form is there: counts, months, scores, years of rows, periods.
    expected = [
        "tasks.assigned", "sub_units.total", "leave.2.months", "score_tasks",
        "discipline.1.violation_year", "initiatives.0.year", "period_scores.11.score",
    ]  # fmt: skip
    assert set(expected) <= set(names)
    cases = [(name, text) for name in names for text in samples(contract_kind(name))]
    verdicts = page.evaluate(VERDICTS, cases)
    wrong = []
    for (name, text), message in zip(cases, verdicts, strict=True):
        kind = contract_kind(name)
        cli = cli_accepts(name, text)
        if kind["high"] is None and kind["low"] > 0 and float(text) < kind["low"]:
            # A count of at least 1 with no upper limit (tasks assigned): the words have no
            # "at least" message, the evaluator's problem says it; the form only lets it by.
            assert not cli and message == "", (name, text, message)
            continue
        if (message == "") != cli:
            wrong.append((name, text, message or "accepted", "CLI takes it" if cli else "CLI not"))
        elif "nhập số từ" in message:
            # Out of range: the message gives the contract's limits.
            assert f"{kind['low']} đến {kind['high']}" in message, (name, text, message)
    assert not wrong, wrong


def test_a_year_the_contract_allows_reaches_the_profile(tool):
    # The contract's years start in 1945; the form used to stop at 1975.
    page = tool
    page.fill("#f-evaluation_year", "2024")
    page.check("#f-role--vien_chuc")
    page.check("#f-has_discipline--true")
    page.select_option("#f-discipline-0-system", "dang")
    page.select_option("#f-discipline-0-form", "canh_cao")
    page.fill("#f-discipline-0-decided_on", "2024-03-01")
    page.fill("#f-discipline-0-violation_year", "1950")
    page.check("#f-has_initiatives--true")
    page.select_option("#f-initiatives-0-kind", "sang_kien")
    page.fill("#f-initiatives-0-year", "1946")
    page.fill("#f-discipline-1-violation_year", "1944")
    messages = page.inner_text("#tdg-error-list")
    assert "1945 đến 2100" in messages and "1950" not in messages
    assert page.locator("#e-discipline-0-violation_year").is_hidden()
    assert page.locator("#e-initiatives-0-year").is_hidden()
    profile = page.evaluate(
        "(function () { var f = TDG.form.read(); var rules = JSON.parse("
        "document.getElementById('tdg').getAttribute('data-rules'));"
        " return TDG.form.toProfile(f, TDG.form.context(f, rules, 'vi')); })()"
    )
    assert profile["discipline"][0]["violation_year"] == 1950
    assert profile["initiatives"][0]["year"] == 1946


@pytest.mark.parametrize("data", [True, False], ids=["with-data", "without-data"])
def test_the_form_lists_of_fields_are_the_contracts(page, guard, base_url, data):
    # The groups the form reads (general criteria, tasks, rows) in the contract's order.
    # Without the data (it did not load) the form still exports every answer of each
    # group, the controls (rendered from the same contract) naming the fields.
    route_evaluator(page, present=data, data=data)
    page.goto(base_url + PAGE_VI)
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    individual = CONTRACT["subjects"]["individual"]
    for group in ["general_criteria", "tasks", "unit", "sub_units"]:
        fields = individual[group]["kind"]["fields"]
        assert page.evaluate(f"TDG.form.keys('{group}')") == list(fields)
    for group in ["leave", "discipline", "initiatives"]:
        expected = list(individual[group]["kind"]["item"]["fields"])
        keys = page.evaluate(f"TDG.form.keys('{group}')")
        if data:
            assert keys == expected
        else:  # read off the rows' controls, in the page's order
            assert set(keys) == set(expected)
    assert page.evaluate("TDG.form.keys('tasks', 'int')") == [
        "assigned", "completed", "on_time_with_quality", "exceeded",
    ]  # fmt: skip


def test_every_choice_of_the_form_offers_the_contracts_codes(tool):
    # Lists and radio buttons of a code field offer exactly the contract's codes.
    offered = tool.evaluate(
        """(function () {
          var out = {};
          Array.prototype.forEach.call(document.getElementById("tdg-form").elements, function (c) {
            var values = c.tagName === "SELECT" ? Array.prototype.map.call(c.options, function (o) {
              return o.value; }) : c.type === "radio" ? [c.value] : [];
            out[c.name] = (out[c.name] || []).concat(values.filter(Boolean));
          });
          return out;
        })()"""
    )
    codes = {n: v for n, v in offered.items() if (contract_kind(n) or {}).get("kind") == "code"}
    assert {"role", "general_criteria.tac_phong_le_loi", "leave.0.kind", "unit_classification",
            "classification_input", "initiatives.2.recognised_by"} <= set(codes)  # fmt: skip
    for name, values in codes.items():
        assert sorted(values) == sorted(contract_kind(name)["values"]), name
    # The titles of earlier years: the individual titles (CSTT is LDTT in the armed forces).
    prior = tool.evaluate(
        "Array.prototype.map.call(document.querySelectorAll('[name=\"prior_titles.0\"]'),"
        " function (c) { return c.value; })"
    )
    assert set(prior) | {"CSTT"} == set(CONTRACT["codes"]["individual_titles"])


def test_an_untouched_answer_is_the_contracts_default(tool):
    # The questions start at the contract's defaults (not a leader, emulation spirit, no
    # leave …): an untouched form says what a profile without those fields says.
    page = tool
    page.fill("#f-evaluation_year", "2024")
    page.check("#f-role--vien_chuc")
    profile = page.evaluate(
        "(function () { var f = TDG.form.read(); var rules = JSON.parse("
        "document.getElementById('tdg').getAttribute('data-rules'));"
        " return TDG.form.toProfile(f, TDG.form.context(f, rules, 'vi')); })()"
    )
    defaults = {
        name: field["default"]
        for name, field in CONTRACT["subjects"]["individual"].items()
        if field["default"] is not None and name in profile
    }
    assert {"leader", "armed_forces", "emulation_spirit", "leave", "prior_titles"} <= set(defaults)
    assert {name: profile[name] for name in defaults} == defaults
