"""The page and ``thidua unit`` give the same figures on the same files (issue 14).

The page reads the file with Papa Parse and evaluates with evaluator.js; the command
reads it with Python's csv module and evaluates with the Python evaluator. The whole
result object must be equal: members, statuses, caps, quota, collective, problems.
"""

from __future__ import annotations

import pytest
from bx_support import (
    AGREEMENT_FILES,
    DATA,
    PAGE_EN,
    PAGE_VI,
    UNIT_POINTS,
    load_file,
    page_result,
    set_unit_points,
    thidua,
    unit_json,
)
from thidua.criteria import load_rules

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


POINTS_FILES = [AGREEMENT_FILES[0], DATA / "all-eligible.csv"]


@pytest.mark.parametrize("path", POINTS_FILES, ids=lambda p: p.name)
def test_page_and_command_agree_on_the_units_own_level_on_100_points(tool, path):
    load_file(tool, path)
    set_unit_points(tool)
    tool.wait_for_selector("[data-testid=bx-collective-level]")
    expected = unit_json(path, *UNIT_POINTS["args"])
    assert page_result(tool) == expected
    assert expected["collective"]["classification"] == "HTXS"
    level = tool.inner_text("[data-testid=bx-collective-level]")
    assert level == (
        "Xếp loại của tập thể (đơn vị sự nghiệp công lập, 92,5 điểm): Hoàn thành xuất sắc "
        "nhiệm vụ."
    )
    # Fewer tasks exceeded than the 30 % the top level needs: both say HTT.
    tool.fill("[data-testid=bx-tasks-exceeded]", "29")
    tool.dispatch_event("[data-testid=bx-tasks-exceeded]", "change")
    args = [a if a != "35" else "29" for a in UNIT_POINTS["args"]]
    assert page_result(tool) == unit_json(path, *args)
    assert page_result(tool)["collective"]["classification"] == "HTT"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_shows_each_reason_whole_as_the_command(page, guard, base_url, lang):
    """A collective title not eligible, on the page and in ``thidua unit`` of the same
    language: the same whole reason (criterion and what was found), in both languages."""
    page.goto(base_url + (PAGE_VI if lang == "vi" else PAGE_EN))
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
    path = AGREEMENT_FILES[1]
    load_file(page, path)
    page.select_option("[data-testid=bx-unit-level]", "HTT")
    page.select_option("[data-testid=bx-movement]", "true")
    page.select_option("[data-testid=bx-unity]", "true")
    args = ("--unit-level", "HTT", "--movement", "co", "--unity", "co", "--lang", lang)
    expected = unit_json(path, *args)
    assert page_result(page) == expected
    not_eligible = expected["collective"]["not_eligible"]
    assert not_eligible and all(" — " in reason for reason in not_eligible.values())
    shown = page.inner_text("[data-testid=bx-results]")
    command = thidua("unit", str(path), *args).stdout
    labels = load_rules().labels["titles"]
    for code, reason in not_eligible.items():
        line = f"{labels[code][lang]}: {reason}"
        assert line in shown, (line, shown)
        assert f"    {line}\n" in command


def test_what_a_member_misses_is_named_with_its_reason(tool):
    """Each line under "Còn thiếu" names the level or title it is for (from the result's
    codes, not from the reason's text), then the reason without its "Chưa đạt: "."""
    path = DATA / "over.csv"
    load_file(tool, path)
    member = next(m for m in unit_json(path)["members"] if m["missing"])
    labels = load_rules().labels
    shown = tool.text_content(f"#bx-missing-{member['row']}")
    for item in member["missing"]:
        group, code = ("levels", item["level"]) if "level" in item else ("titles", item["title"])
        name = labels[group][code]
        reason = item["reason"].removeprefix(labels["messages"]["not_met"]["vi"] + ": ")
        assert f"{name['vi']}: {reason}" in shown, shown
