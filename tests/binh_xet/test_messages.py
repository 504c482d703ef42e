"""Bad rows are told in the page's language (issue 14): row, column, value, what is
allowed — English on the English page, Vietnamese on the Vietnamese page, the same
problems (the file's headers and values stay as written)."""

from __future__ import annotations

import pytest
from bx_support import DATA, PAGE_EN, TEMPLATE, load_file, unit_json
from thidua.binh_xet import read

pytestmark = pytest.mark.browser

BAD_ROWS_EN = [
    "Row 3, column “Nhóm đối tượng”: “giáo viên” is not valid; allowed: cán bộ, công chức, "
    "viên chức or người lao động.",
    "Row 4, column “Xếp loại”: “Xuất sắc” is not valid; allowed: Hoàn thành xuất sắc nhiệm vụ "
    "(HTXS), Hoàn thành tốt nhiệm vụ (HTT), Hoàn thành nhiệm vụ (HTNV), Không hoàn thành nhiệm "
    "vụ (KHTNV) or Không xếp loại.",
    "Row 5, column “Mã”: “M001” is the same person as row 2.",
    "Row 6, column “Số phiếu đồng ý”: “mười” is not valid; allowed: a whole number from 0 up.",
    "Row 7, column “Họ và tên”: empty; allowed: a full name (required).",
]


@pytest.fixture
def english(page, guard, base_url):
    page.goto(base_url + PAGE_EN)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
    return page


def texts(page, selector: str) -> list[str]:
    return page.locator(selector).all_inner_texts()


def test_bad_rows_in_english_on_the_english_page(english):
    load_file(english, TEMPLATE)
    english.set_input_files("[data-testid=bx-file]", str(DATA / "bad-rows.csv"))
    english.wait_for_selector("[data-testid=bx-confirm]")
    assert texts(english, "[data-testid=bx-preview-problems] li") == BAD_ROWS_EN
    assert "5 rows have problems" in english.inner_text("[data-testid=bx-preview]")
    english.click("[data-testid=bx-confirm]")
    english.wait_for_selector("[data-testid=bx-invalid] li")
    shown = texts(english, "[data-testid=bx-invalid] li")
    assert shown == BAD_ROWS_EN
    assert not any("Dòng" in line or "cho phép" in line for line in shown)


def test_the_same_problems_in_both_languages_and_the_command():
    expected = unit_json(DATA / "bad-rows.csv")["problems"]
    assert [p["message_en"] for p in expected] == BAD_ROWS_EN
    assert expected[0]["message"].startswith("Dòng 3, cột “Nhóm đối tượng”: “giáo viên”")


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("bad-header.csv", "Row 1: column “Họ và tên” is missing; allowed: STT, Họ và tên, Mã"),
        ("bad-header.csv", "Row 1: column “Tên người” is not in the template (ignored); allowed:"),
        ("broken-encoding.csv", "Row 4, column “Họ và tên”: “Ng"),
    ],
)
def test_header_and_encoding_problems_in_english(english, name, line):
    english.set_input_files("[data-testid=bx-file]", str(DATA / name))
    english.wait_for_selector("[data-testid=bx-preview-problems] li")
    shown = texts(english, "[data-testid=bx-preview-problems] li")
    assert any(item.startswith(line) for item in shown), shown
    if name == "broken-encoding.csv":
        assert all(item.endswith("allowed: readable Vietnamese text (save the file as CSV UTF-8).")
                   for item in shown)


def test_json_profiles_problems_in_english(english, tmp_path):
    path = tmp_path / "Hỏng.json"
    path.write_text('"not a profile"', encoding="utf-8")
    english.set_input_files("[data-testid=bx-file]", str(path))
    english.wait_for_selector("[data-testid=bx-preview-problems] li")
    assert texts(english, "[data-testid=bx-preview-problems] li") == [
        "File 1 “Hỏng.json”: cannot be used; allowed: an individual JSON profile exported from "
        "the Self-evaluation page."
    ]


def test_the_vietnamese_page_keeps_vietnamese(tool):
    load_file(tool, DATA / "bad-rows.csv")
    shown = texts(tool, "[data-testid=bx-invalid] li")
    assert shown == [p["message"] for p in read((DATA / "bad-rows.csv").read_bytes())["problems"]]
    assert shown[2] == "Dòng 5, cột “Mã”: “M001” trùng với dòng 2."
