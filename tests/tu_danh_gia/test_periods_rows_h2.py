"""The self-evaluation form's repeated rows and its period codes each have one home (issue 12).

The rows (leave, discipline, initiatives, prior years, periods) are counted off the page the
template renders, never written a second time in the scripts; the months and quarters the
"fill" buttons put in the period rows are the contract's (``contract.periods``, published
with the rules), whose period pattern is made of them: a contract with other periods gives
the page other periods.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from tdg_support import PAGE_EN, PAGE_VI, route_evaluator, serve_contract
from thidua.contract import codes
from thidua.contract.export import export_contract

GROUPS = ("leave", "discipline", "initiatives")
PARSE = "(text) => TDG.io.parse(text, TDG.texts.vi)"
BASE = {"evaluation_year": 2024, "subject": "individual"}
FILL = "(id) => { document.getElementById(id).click(); return TDG.form.read(); }"


def test_the_period_codes_are_what_the_period_pattern_takes():
    contract = export_contract()
    periods, pattern = contract["periods"], re.compile(contract["patterns"]["period"])
    candidates = [f"{n:02d}" for n in range(100)] + [f"Q{n}" for n in range(10)]
    taken = [code for code in candidates if pattern.fullmatch(f"2024-{code}")]
    assert taken == periods["month"] + periods["quarter"]
    assert all(pattern.fullmatch(f"2024-{code}")[2] for code in periods["month"])
    assert all(pattern.fullmatch(f"2024-{code}")[3] for code in periods["quarter"])


@pytest.mark.browser
def test_the_form_counts_the_rows_the_page_renders(tool):
    rows = {g: tool.locator(f'#tdg-form .tdg-row[data-when="{g}"]').count() for g in GROUPS}
    assert all(rows.values()) and tool.evaluate("TDG.form.ROWS") == rows
    prior = tool.locator("#tdg-form .tdg-prior").count()
    assert prior and tool.evaluate("TDG.form.PRIOR") == prior


@pytest.fixture
def one_leave_row_less(page, guard, base_url):
    """The Vietnamese page rendered with its last leave row left out (fake evaluator)."""
    route_evaluator(page)
    removed = []

    def without_last_leave_row(route):
        response = route.fetch()
        body = response.text()
        rows = list(
            re.finditer(
                r'<fieldset class="?tdg-row"? data-when="?leave"?>.*?</fieldset>', body, re.S
            )
        )
        removed.append(len(rows))
        last = rows[-1]
        route.fulfill(response=response, body=body[: last.start()] + body[last.end() :])

    page.route(re.compile(r".*/tu-danh-gia/cong-cu/(index\.html)?$"), without_last_leave_row)
    page.goto(base_url + PAGE_VI)
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    return page, removed[0]


@pytest.mark.browser
def test_a_row_less_on_the_page_is_a_row_less_in_the_form_and_the_import(one_leave_row_less):
    page, rendered = one_leave_row_less
    assert page.evaluate("TDG.form.ROWS.leave") == rendered - 1
    leave = [{"kind": codes.LEAVE_KINDS[0], "months": 1}] * rendered
    parse = lambda rows: page.evaluate(PARSE, json.dumps({**BASE, "leave": rows}))  # noqa: E731
    assert "problems" in parse(leave)
    assert "profile" in parse(leave[:-1])


def _filled(fields: dict) -> list[str]:
    rows = sorted(
        int(k.split(".")[1]) for k in fields if re.fullmatch(r"period_scores\.\d+\.period", k)
    )
    return [
        fields[f"period_scores.{i}.period"] for i in rows if fields[f"period_scores.{i}.period"]
    ]


@pytest.mark.browser
def test_the_fill_buttons_give_the_contracts_months_and_quarters(tool):
    contract = export_contract()
    assert _filled(tool.evaluate(FILL, "tdg-fill-quarters")) == contract["periods"]["quarter"]
    tool.evaluate("() => TDG.form.write({})")
    assert _filled(tool.evaluate(FILL, "tdg-fill-months")) == contract["periods"]["month"]


@pytest.mark.browser
def test_a_contract_with_other_periods_fills_other_periods(page, guard, base_url):
    contract = copy.deepcopy(export_contract())
    contract["periods"] = {"month": ["01", "02", "03", "04", "05", "06"], "quarter": ["Q1", "Q2"]}
    contract["patterns"]["period"] = "([0-9]{4})-(?:(0[1-6])|Q([1-2]))"
    serve_contract(page, base_url, contract)
    assert _filled(page.evaluate(FILL, "tdg-fill-months")) == contract["periods"]["month"]
    page.evaluate("() => TDG.form.write({})")
    assert _filled(page.evaluate(FILL, "tdg-fill-quarters")) == ["Q1", "Q2"]


SCRIPTS = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "js" / "tu-danh-gia"


@pytest.mark.parametrize("name", ["boot.js", "calc.js", "form.js"])
def test_no_period_code_is_written_in_the_script(name):
    # Its comments left out: the quoted texts and regular expressions of the script.
    text = re.sub(
        r"/\*.*?\*/|^\s*//.*$", "", (SCRIPTS / name).read_text("utf-8"), flags=re.S | re.M
    )
    quoted = set(re.findall(r'"((?:[^"\\]|\\.)*)"', text))
    periods = export_contract()["periods"]
    assert not quoted & {"Q", "0", *periods["month"], *periods["quarter"]}
    assert not re.search(r"/\^?Q", text)


@pytest.mark.browser
def test_a_period_is_named_by_its_place_in_the_contract(tool):
    names = tool.evaluate(
        "(codes) => codes.map((c) => TDG.form.periodName(c, TDG.texts.vi))", ["03", "12", "Q2"]
    )
    assert names == ["Tháng 3", "Tháng 12", "Quý 2"]


@pytest.mark.parametrize(
    ("page", "words"),
    [
        (PAGE_VI, ("Tháng", "Quý", "tháng", "quý")),
        (PAGE_EN, ("Month", "Quarter", "months", "quarters")),
    ],
)
def test_the_period_lists_and_fill_buttons_are_the_contracts(built_site, page, words):
    """The period selects offer the contract's codes, named by their place; the fill
    buttons say how many codes they put in."""
    html = (built_site.site / page.strip("/") / "index.html").read_text(encoding="utf-8")
    periods = export_contract()["periods"]
    select = re.search(r'<select[^>]*name="period_scores\.0\.period">(.*?)</select>', html, re.S)
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', select[1])
    month, quarter, months, quarters = words
    assert options == [("", "—")] + [
        (code, f"{month} {i}") for i, code in enumerate(periods["month"], 1)
    ] + [(code, f"{quarter} {i}") for i, code in enumerate(periods["quarter"], 1)]
    assert re.search(rf'id="tdg-fill-months">[^<]* {len(periods["month"])} {months}<', html)
    assert re.search(rf'id="tdg-fill-quarters">[^<]* {len(periods["quarter"])} {quarters}<', html)


def test_the_template_writes_no_period_code_or_count():
    """The form template takes its periods from the contract (what the built page shows
    above), not from a range of its own."""
    template = (
        Path(__file__).parents[2] / "hooks/thidua_mkdocs/templates/tu-danh-gia/form.html.j2"
    ).read_text(encoding="utf-8")
    assert "periods.month" in template and "periods.quarter" in template
    assert not re.search(r"range\(1, (13|5)\)|value=\"Q\{\{", template)
