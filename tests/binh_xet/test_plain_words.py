"""Plain words (issue 14): no id, code, field name or program value reaches a person.

The command's text for every test file (with the options that change what it says) and
the page's rendered results for the same files, in Vietnamese and in English. Numbers
are written the Vietnamese way (``2,1``; ``1.234``).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from bx_support import (
    AGREEMENT_FILES,
    DATA,
    LAYER,
    LAYER_FILES,
    PAGE_EN,
    UNIT_POINTS,
    load_file,
    program_words,
    set_unit_points,
    thidua,
)
from thidua.binh_xet.text import number, percent

ALL_FILES = [*AGREEMENT_FILES, DATA / "bad-header.csv", *LAYER_FILES]
VARIANTS = {
    "plain": [],
    "collective": ["--unit-level", "HTT", "--movement", "co", "--unity", "co"],
    "unit-points": UNIT_POINTS["args"],
    "points-incomplete": ["--unit-kind", "hanh-chinh", "--unit-score", "45"],
    "layer": ["--layer", LAYER],
    "exception-ceil": ["--exception", "--rounding", "ceil"],
    "year-2023": ["--year", "2023", "--unit-kind", "su-nghiep", "--unit-score", "90",
                  "--tasks-completed", "100", "--tasks-late", "0"],
}


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_the_command_speaks_plain_vietnamese(path, variant):
    proc = thidua("unit", str(path), *VARIANTS[variant])
    assert proc.returncode in (0, 2), proc.stderr
    text = (proc.stdout + proc.stderr).replace(str(path), "TỆP")
    assert "Traceback" not in text
    assert program_words(text) == [], text


def test_cap_lines_say_the_rule_and_the_rounding_in_words():
    text = thidua("unit", str(DATA / "layer-over.csv"), "--layer", LAYER).stdout
    assert "15 % của 14 người Lao động tiên tiến là 2,1, làm tròn xuống: tối đa 2 người" in text
    text = thidua("unit", str(DATA / "over.csv"), "--rounding", "ceil").stdout
    assert (
        "Trần: không quá 20 % số người được xếp loại Hoàn thành tốt nhiệm vụ; trong 12 người "
        "từ Hoàn thành tốt nhiệm vụ trở lên, số người Hoàn thành xuất sắc nhiệm vụ nhiều nhất "
        "là 2; tối đa 2 người." in text
    )
    text = thidua("unit", str(DATA / "windows-1258.csv"), "--exception").stdout
    assert "tỷ lệ cao hơn dành cho đơn vị có thành tích nổi trội: không quá 25 %" in text
    assert "nhiều nhất là 1,2, làm tròn xuống được 1; tối đa 1 người" in text


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1234, "1.234"), (Fraction(3, 2), "1,5"), (2.1, "2,1"), (Fraction(5, 3), "1,67"),
     (1234567.5, "1.234.567,5"), (0, "0")],
)
def test_numbers_in_vietnamese_form(value, shown):
    assert number(value) == shown


def test_percent():
    assert percent("0.15") == "15 %" and percent(0.2) == "20 %" and percent("0.125") == "12,5 %"


def _page_text(page) -> str:
    return page.inner_text("[data-testid=bx-results]") + page.inner_text("[data-testid=bx-preview]")


@pytest.mark.browser
@pytest.mark.parametrize("path", [*AGREEMENT_FILES, *LAYER_FILES], ids=lambda p: p.name)
def test_the_page_results_are_plain_words(tool, path):
    load_file(tool, path)
    set_unit_points(tool)
    tool.wait_for_selector("[data-testid=bx-collective-level]")
    text = _page_text(tool)
    assert program_words(text) == [], text


@pytest.mark.browser
@pytest.mark.parametrize("path", [DATA / "bad-rows.csv", DATA / "over.csv"], ids=lambda p: p.name)
def test_the_english_page_results_are_plain_words(page, guard, base_url, path):
    page.goto(base_url + PAGE_EN)
    page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
    load_file(page, path)
    set_unit_points(page)
    page.wait_for_selector("[data-testid=bx-collective-level]")
    text = _page_text(page)
    assert program_words(text, "en") == [], text
