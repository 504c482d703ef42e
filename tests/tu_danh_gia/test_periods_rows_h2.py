"""The self-evaluation form's repeated rows have one home (issue 12): the rows (leave,
discipline, initiatives, prior years, periods) are counted off the page the template
renders, never written a second time in the scripts.
"""

from __future__ import annotations

import json
import re

import pytest
from tdg_support import PAGE_VI, route_evaluator
from thidua.contract import codes

GROUPS = ("leave", "discipline", "initiatives")
PARSE = "(text) => TDG.io.parse(text, TDG.texts.vi)"
BASE = {"evaluation_year": 2024, "subject": "individual"}


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
