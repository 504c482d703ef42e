"""The page and ``thidua unit`` give the same figures on the same files (issue 14).

The page reads the file with Papa Parse and evaluates with evaluator.js; the command
reads it with Python's csv module and evaluates with the Python evaluator. The whole
result object must be equal: members, statuses, caps, quota, collective, problems.
"""

from __future__ import annotations

import pytest
from bx_support import AGREEMENT_FILES, load_file, page_result, unit_json

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", AGREEMENT_FILES, ids=lambda p: p.name)
def test_page_and_command_agree(tool, path):
    load_file(tool, path)
    assert page_result(tool) == unit_json(path)


def test_page_and_command_agree_with_the_collective_and_rounding(tool):
    path = AGREEMENT_FILES[1]
    load_file(tool, path)
    tool.select_option("[data-testid=bx-unit-level]", "HTXS")
    tool.select_option("[data-testid=bx-movement]", "true")
    tool.select_option("[data-testid=bx-unity]", "true")
    tool.select_option("[data-testid=bx-rounding]", "ceil")
    expected = unit_json(
        path, "--unit-level", "HTXS", "--movement", "co", "--unity", "co", "--rounding", "ceil"
    )
    assert page_result(tool) == expected
    assert expected["collective"]["eligible_titles"]
