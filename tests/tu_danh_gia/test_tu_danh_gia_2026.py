"""The self-evaluation page for the points-based year 2026 (issue 11 item 2, issues 12 and 17):
the year's score as a total, the 30 + 70 split or monthly/quarterly scores, the task-score
calculator read from data/cham-diem, the new contract fields, bad input at the field, the
printed form, and no program value on screen or in print.

Most tests use the TEST-ONLY fake evaluator (tdg_support.py); those marked "real" use the
build's evaluator.js and data, as a user gets them."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from tdg_support import PAGE_EN, PAGE_VI, route_evaluator
from test_tu_danh_gia_browser import answers, assert_no_axe_violations, visible

pytestmark = pytest.mark.browser

CALC = "#f-calc-nd-335-2025-"
RESULT = '[data-testid="result"]'
MONTHS = range(1, 13)


def start_2026(page, role="cong_chuc", how="total"):
    page.fill("#f-evaluation_year", "2026")
    page.check(f"#f-role--{role}")
    if how != "total":
        page.check(f"#f-score_input--{how}")


def last_profile(page):
    return page.evaluate("ThiduaEvaluator.calls[ThiduaEvaluator.calls.length - 1].profile")


def fill_periods(page, scores, codes=None):
    """Fill rows with period codes ("01".."12", "Q1".."Q4") and scores (strings)."""
    codes = codes or [f"{i + 1:02d}" for i in range(len(scores))]
    for i, (code, score) in enumerate(zip(codes, scores, strict=True)):
        page.select_option(f"#f-period_scores-{i}-period", code)
        page.fill(f"#f-period_scores-{i}-score", score)


def pdf_text(page, tmp_path, name="phieu"):
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return pdf, " ".join(text.split())


# --- the three ways of giving the year's score --------------------------------------------


def test_months_give_their_mean_live_and_in_the_profile(tool):
    page = tool
    start_2026(page, how="periods")
    assert not visible(page, "#f-score_total")
    page.click("#tdg-fill-months")
    assert page.input_value("#f-period_scores-11-period") == "12"
    # Eleven months at 90 and one at 89,88: the mean is 89,99 (just under the HTXS line).
    for i in range(12):
        page.fill(f"#f-period_scores-{i}-score", "89,88" if i == 0 else "90")
    assert page.inner_text("#tdg-period-mean") == "Điểm năm (trung bình 12 tháng): 89,99 điểm"
    profile = last_profile(page)
    assert profile["period_scores"][0] == {"period": "2026-01", "score": 89.88}
    assert [p["period"] for p in profile["period_scores"]][-1] == "2026-12"
    assert "score_total" not in profile
    page.fill("#f-period_scores-0-score", "90")
    assert page.inner_text("#tdg-period-mean") == "Điểm năm (trung bình 12 tháng): 90 điểm"


def test_quarters_and_part_of_a_year(tool):
    page = tool
    start_2026(page, how="periods")
    fill_periods(page, ["70", "69,97", "70"], ["Q1", "Q2", "Q4"])
    assert page.inner_text("#tdg-period-mean") == "Điểm năm (trung bình 3 quý): 69,99 điểm"
    assert [p["period"] for p in last_profile(page)["period_scores"]] == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q4",
    ]
    # Only the rows filled and one more show.
    assert visible(page, "#f-period_scores-3-period")
    assert not visible(page, "#f-period_scores-4-period")


def test_the_split_fills_the_total_and_is_sent(tool):
    page = tool
    start_2026(page, how="split")
    page.fill("#f-score_general", "25,5")
    page.fill("#f-score_tasks", "64,49")
    assert page.input_value("#f-score_total") == "89,99"
    profile = last_profile(page)
    assert (profile["score_general"], profile["score_tasks"]) == (25.5, 64.49)
    assert profile["score_total"] == 89.99
    page.fill("#f-score_tasks", "64,5")
    assert page.input_value("#f-score_total") == "90"


def test_the_calculator_applies_the_deductions_and_fills_the_task_score(tool):
    page = tool
    start_2026(page, how="split")
    calc = page.locator(".tdg-calc:not([hidden])")
    calc.locator("summary").click()
    text = calc.inner_text()
    assert "chưa xác minh" in text and "Nghị định 335/2025/NĐ-CP Điều 16" in text
    link = calc.locator("a", has_text="Nghị định 335/2025/NĐ-CP Điều 14 khoản 2 điểm b")
    assert link.get_attribute("href").endswith("#dieu-14-khoan-2-diem-b")
    page.fill(CALC + "assigned", "10")
    page.fill(CALC + "completed", "10")
    page.fill(CALC + "failed_review", "2")  # 2 × 25 % of one product's quality points
    page.fill(CALC + "delay", "1")
    assert page.inner_text("#calc-nd-335-2025-so_luong") == "100 %"
    assert page.inner_text("#calc-nd-335-2025-chat_luong") == "95 %"
    assert page.inner_text("#calc-nd-335-2025-tien_do") == "97,5 %"
    assert "68,25 / 70" in page.inner_text("#calc-nd-335-2025-out")
    calc.locator(".tdg-calc-fill").click()
    assert page.input_value("#f-score_tasks") == "68,25"
    page.fill("#f-score_general", "25")
    assert page.input_value("#f-score_total") == "93,25"
    page.fill("#f-score_tasks", "60")  # the user can always overwrite
    assert last_profile(page)["score_tasks"] == 60
    # Leaders: the mean of six components (unit result 50 % when someone is KHTNV).
    page.check("#f-leader--true")
    assert "Nhập đủ" in page.inner_text("#calc-nd-335-2025-out")
    page.select_option(CALC + "ket_qua_don_vi", "co_khtnv")
    page.fill(CALC + "nang_luc_to_chuc", "80")
    page.fill(CALC + "doan_ket", "90")
    assert "≈ 59,79 / 70" in page.inner_text("#calc-nd-335-2025-out")
    assert_no_axe_violations(page)


# --- new questions ------------------------------------------------------------------------


def test_vien_chuc_2026_is_asked_about_the_units_own_rules(tool):
    page = tool
    start_2026(page, role="vien_chuc")
    assert visible(page, "#fs-unit_has_own_rules")
    assert "Quy chế đánh giá riêng" in page.inner_text("#fs-unit_has_own_rules")
    role_step = page.inner_text("section[aria-labelledby=s-role]")
    assert "Nghị định 233/2026/NĐ-CP Điều 20 khoản 1" in role_step
    page.check("#f-unit_has_own_rules--false")  # the transition: NĐ 90/2020 criteria
    assert visible(page, "#f-general_criteria-chinh_tri_tu_tuong")
    assert not visible(page, "#f-score_total")
    page.check("#f-unit_has_own_rules")
    assert visible(page, "#f-score_total")
    page.fill("#f-score_total", "75")
    assert last_profile(page)["unit_has_own_rules"] is True
    page.check("#f-leader--true")
    assert visible(page, "#f-unit_classification")
    page.select_option("#f-unit_classification", "HTT")
    assert last_profile(page)["unit_classification"] == "HTT"
    page.check("#f-role--cong_chuc")
    assert not visible(page, "#fs-unit_has_own_rules")
    assert "unit_has_own_rules" not in last_profile(page)


# --- bad input: a message at the field, by its label; nothing entered is lost --------------


def error_of(page, field_id):
    return page.inner_text(f"#e-{field_id}")


def assert_summary_links(page, field_id):
    link = page.locator(f'#tdg-error-list a[href="#f-{field_id}"]')
    assert link.is_visible()
    link.click()
    assert page.evaluate("document.activeElement.id") == f"f-{field_id}"


def test_bad_periods_are_named_at_the_field_and_kept(tool):
    page = tool
    start_2026(page, how="periods")
    fill_periods(page, ["90", "101", "80", "85"], ["01", "02", "01", "Q3"])
    assert visible(page, "#tdg-error-summary")
    assert error_of(page, "period_scores-1-score") == "Kỳ 2 — Điểm: nhập số từ 0 đến 100"
    assert "Tháng 1 đã nhập ở kỳ 1" in error_of(page, "period_scores-2-period")
    assert "không trộn" in error_of(page, "period_scores-3-period")
    summary = page.inner_text("#tdg-error-summary")
    assert "period_scores" not in summary and "score" not in summary
    assert_summary_links(page, "period_scores-2-period")
    assert page.get_attribute(RESULT, "data-classification") == ""
    # Everything typed is still there, on screen and in storage.
    assert page.input_value("#f-period_scores-1-score") == "101"
    assert page.input_value("#f-period_scores-3-period") == "Q3"
    stored = json.loads(page.evaluate("localStorage.getItem('thidua.tu-danh-gia')"))
    assert stored["fields"]["period_scores.1.score"] == "101"
    page.fill("#f-period_scores-1-score", "100")
    page.select_option("#f-period_scores-2-period", "03")
    page.select_option("#f-period_scores-3-period", "04")
    assert not visible(page, "#tdg-error-summary")
    assert page.get_attribute(RESULT, "data-classification") == "HTT"
    assert_no_axe_violations(page)


def test_a_split_that_does_not_add_up(tool):
    page = tool
    start_2026(page, how="split")
    page.fill("#f-score_general", "25")
    page.fill("#f-score_tasks", "60")
    page.fill("#f-score_total", "86")
    message = error_of(page, "score_total")
    assert message.startswith("Tổng điểm của năm (thang 100): 86 khác tổng hai phần 25 + 60 = 85")
    assert "score_" not in page.inner_text("#tdg-error-summary")
    assert_summary_links(page, "score_total")
    assert page.input_value("#f-score_general") == "25"
    page.fill("#f-score_total", "85,01")  # within 0.01
    assert not visible(page, "#tdg-error-summary")
    page.fill("#f-score_general", "31")
    assert "0 đến 30" in error_of(page, "score_general")


def import_profile(page, tmp_path, profile, name="in.json"):
    path = tmp_path / name
    path.write_text(json.dumps(profile), encoding="utf-8")
    page.set_input_files("#tdg-import", str(path))
    page.wait_for_selector("#tdg-io-message p")


def test_imported_bad_values_are_shown_at_their_fields(tool, tmp_path):
    page = tool
    profile = {
        "evaluation_year": 2026,
        "subject": "individual",
        "role": "vien_chuc",
        "leader": True,
        "unit_has_own_rules": True,
        "unit_classification": "XUAT_SAC",
        "period_scores": [
            {"period": "2026-01", "score": 90},
            {"period": "2025-02", "score": 80},
            {"period": "2026-03", "score": -5},
        ],
    }
    import_profile(page, tmp_path, profile)
    assert "Đã nhập" in page.inner_text("#tdg-io-message")
    level = error_of(page, "unit_classification")
    assert level.startswith("Mức xếp loại của đơn vị do bạn đứng đầu: “XUAT_SAC”")
    assert "Hoàn thành tốt nhiệm vụ" in level
    assert "“2025-02” không phải một tháng hay một quý của năm 2026" in error_of(
        page, "period_scores-1-period"
    )
    assert "0 đến 100" in error_of(page, "period_scores-2-score")
    assert_summary_links(page, "unit_classification")
    # The odd values stay (nothing lost) until the user picks another.
    assert page.input_value("#f-unit_classification") == "XUAT_SAC"
    page.select_option("#f-unit_classification", "HTT")
    assert not page.locator("#e-unit_classification").is_visible()
    assert_no_axe_violations(page)


# --- export / import ----------------------------------------------------------------------


def export(page, tmp_path, name="out.json"):
    with page.expect_download() as info:
        page.click("#tdg-export")
    path = tmp_path / name
    info.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "extra",
    [
        {"role": "cong_chuc", "score_total": 91.25},
        {"role": "cong_chuc", "score_general": 27.5, "score_tasks": 63.75, "score_total": 91.25},
        {
            "role": "cong_chuc",
            "period_scores": [{"period": f"2026-{m:02d}", "score": 88 + m / 4} for m in MONTHS],
        },
        {
            "role": "vien_chuc",
            "leader": True,
            "unit_has_own_rules": True,
            "unit_classification": "HTT",
            "period_scores": [{"period": f"2026-Q{q}", "score": 70 + q} for q in range(1, 5)],
        },
        {"role": "vien_chuc", "unit_has_own_rules": False, "general_criteria": {}},
    ],
    ids=["total", "split", "months", "quarters-head", "transition"],
)
def test_import_then_export_round_trips_the_2026_fields(tool, tmp_path, extra):
    page = tool
    profile = {"evaluation_year": 2026, "subject": "individual", "leader": False, **extra}
    import_profile(page, tmp_path, profile)
    exported = export(page, tmp_path)
    for key, value in extra.items():
        assert exported[key] == value, key
    assert "Nguyễn" not in json.dumps(exported)


def test_numbers_are_written_the_vietnamese_way_after_import(tool, tmp_path):
    page = tool
    import_profile(
        page, tmp_path, {"evaluation_year": 2026, "subject": "individual", "role": "cong_chuc",
                         "score_total": 91.25, "months_worked": 7.5}
    )  # fmt: skip
    assert page.input_value("#f-score_total") == "91,25"
    assert page.input_value("#f-months_worked") == "7,5"


def test_a_version_1_entry_keeps_its_period_scores(tool):
    page = tool
    v1 = {
        "version": 1,
        "saved_at": None,
        "fields": {
            "evaluation_year": "2026",
            "role": "cong_chuc",
            "score_total": "85.17",
            "score_period": "quarter",
            "score_periods.1": "80",
            "score_periods.2": "90",
            "score_periods.3": "85,5",
        },
    }
    page.evaluate("v => localStorage.setItem('thidua.tu-danh-gia', JSON.stringify(v))", v1)
    page.reload()
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    assert page.input_value("#f-score_total") == "85.17"
    stored = json.loads(page.evaluate("localStorage.getItem('thidua.tu-danh-gia')"))
    assert stored["version"] == 2
    fields = stored["fields"]
    assert fields["period_scores.2.period"] == "Q3" and fields["period_scores.2.score"] == "85,5"
    assert "score_periods.1" not in fields
    assert json.loads(page.evaluate("localStorage.getItem('thidua.tu-danh-gia.backup-v1')")) == v1
    page.check("#f-score_input--periods")
    assert page.inner_text("#tdg-period-mean") == "Điểm năm (trung bình 3 quý): ≈ 85,17 điểm"


# --- print --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Nguyễn Thị Bình", "Nguyen Thi Binh"])
def test_print_shows_the_split_in_vietnamese_numbers(tool, tmp_path, name):
    page = tool
    page.evaluate("() => { window.print = function () {}; }")
    start_2026(page, how="split")
    page.fill("#f-personal-name", name)
    page.fill("#f-personal-unit", "Sở Nội vụ tỉnh Đồng Nai" if name[-1] == "h" else "So Noi vu")
    page.fill("#f-score_general", "27.5")
    page.fill("#f-score_tasks", "63,75")
    page.click("#tdg-print-button")
    _pdf, flat = pdf_text(page, tmp_path)
    assert "Điểm tiêu chí chung: 27,5 / 30; điểm kết quả thực hiện nhiệm vụ: 63,75 / 70" in flat
    assert "tổng điểm: 91,25 / 100" in flat
    assert name in flat
    assert "91.25" not in flat and "27.5" not in flat


def test_print_shows_the_periods_and_their_mean(tool, tmp_path):
    page = tool
    page.evaluate("() => { window.print = function () {}; }")
    start_2026(page, how="periods")
    fill_periods(page, ["80", "90", "85,5"], ["Q1", "Q2", "Q3"])
    page.click("#tdg-print-button")
    _pdf, flat = pdf_text(page, tmp_path)
    assert "Quý 1: 80" in flat and "Quý 2: 90" in flat and "Quý 3: 85,5" in flat
    assert "Điểm năm (trung bình 3 kỳ): ≈ 85,17 / 100" in flat


def set_institution(page, unit, upper):
    """Set (or, with None, remove) the institution meta tags the portal's settings write."""
    page.evaluate(
        """([unit, upper]) => { for (const [n, c] of [["thidua-co-quan", unit],
                                                    ["thidua-co-quan-cap-tren", upper]]) {
          document.querySelectorAll('meta[name="' + n + '"]').forEach((m) => m.remove());
          if (c) { const m = document.createElement("meta"); m.name = n; m.content = c;
                   document.head.appendChild(m); } } }""",
        [unit, upper],
    )


def test_print_uses_the_institution_of_the_portal_settings(tool, tmp_path):
    page = tool
    page.evaluate("() => { window.print = function () {}; }")
    set_institution(page, "Trường Đại học Mẫu", "Bộ Giáo dục và Đào tạo")
    start_2026(page)
    page.fill("#f-score_total", "91")
    page.click("#tdg-print-button")
    _pdf, flat = pdf_text(page, tmp_path)
    assert "Bộ Giáo dục và Đào tạo" in flat and "TRƯỜNG ĐẠI HỌC MẪU" in flat
    assert "In từ công cụ tự đánh giá của Trường Đại học Mẫu" in flat


def test_without_institution_settings_the_heading_is_left_to_fill_in(tool, tmp_path):
    page = tool
    page.evaluate("() => { window.print = function () {}; }")
    set_institution(page, None, None)
    start_2026(page)
    page.click("#tdg-print-button")
    head = page.evaluate("document.querySelector('.tdg-print-unit').textContent")
    assert "…………" in head
    assert "Cổng thông tin Thi đua – Khen thưởng" in page.evaluate(
        "document.getElementById('tdg-print').textContent"
    )


def page_of(pdf, needle):
    """The 1-based pages of a PDF whose text holds ``needle``."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info)[1])
    found = []
    for number in range(1, count + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        if needle in " ".join(text.split()):
            found.append(number)
    return found


@pytest.mark.parametrize("leader", [False, True])
def test_signatures_stay_with_their_section_on_a4(tool, tmp_path, leader):
    page = tool
    page.evaluate("() => { window.print = function () {}; }")
    start_2026(page, how="periods")
    if leader:
        page.check("#f-leader--true")
    page.click("#tdg-fill-months")
    for i in range(12):
        page.fill(f"#f-period_scores-{i}-score", str(80 + i))
    page.fill("#f-personal-name", "Nguyễn Thị Bình")
    page.click("#tdg-print-button")
    pdf, _flat = pdf_text(page, tmp_path)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True)
    heading = page_of(pdf, "III. Ý KIẾN, XẾP LOẠI CỦA CẤP CÓ THẨM QUYỀN")
    signer = page_of(pdf, "NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ")
    assert heading and heading == signer, (heading, signer)
    own = page_of(pdf, "II. TỰ XẾP LOẠI CHẤT LƯỢNG")
    assert own == page_of(pdf, "NGƯỜI TỰ ĐÁNH GIÁ"), own
    assert sorted(tmp_path.glob("page-*.png"))


# --- no program value reaches the user ------------------------------------------------------

PROGRAM = re.compile(
    r"\b(None|True|False|undefined|NaN|null)\b|0x[0-9a-f]{4,}|built-in method|\b(dg|td)\.[a-z]"
    r"|score_total|score_general|score_tasks|period_scores|unit_has_own_rules|unit_classification"
    r"|cstdcs_htxs_alternative|\[object Object\]"
)


def open_everything(page):
    page.evaluate("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")


@pytest.mark.parametrize("address", [PAGE_VI, PAGE_EN])
def test_no_program_value_on_screen_or_in_print(page, guard, base_url, tmp_path, address):
    route_evaluator(page)
    page.goto(base_url + address)
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    page.evaluate("localStorage.clear()")
    page.evaluate("() => { window.print = function () {}; }")
    start_2026(page, how="split")
    page.check("#f-leader--true")
    page.fill("#f-score_general", "25")
    page.fill("#f-score_tasks", "60")
    open_everything(page)
    screen = page.inner_text("body")
    assert not PROGRAM.search(screen), PROGRAM.search(screen)
    page.check("#f-score_input--periods")
    fill_periods(page, ["90", "91"])
    page.click("#tdg-clear")
    open_everything(page)
    screen = page.inner_text("body")
    assert not PROGRAM.search(screen), PROGRAM.search(screen)
    page.click("#tdg-clear-no")
    page.click("#tdg-print-button")
    page.emulate_media(media="print")
    printed = page.inner_text("body")
    _pdf, flat = pdf_text(page, tmp_path)
    for text in (printed, flat):
        assert not PROGRAM.search(text), PROGRAM.search(text)


# --- phones -------------------------------------------------------------------------------


def test_2026_form_fits_a_phone(tool, tmp_path):
    page = tool
    page.set_viewport_size({"width": 390, "height": 844})
    start_2026(page, how="periods")
    fill_periods(page, ["90", "101", "80"], ["01", "02", "02"])
    page.check("#f-score_input--split")
    page.locator(".tdg-calc:not([hidden]) summary").click()
    page.check("#f-leader--true")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    page.screenshot(path=str(tmp_path / "390.png"), full_page=True)
    assert width[0] <= width[1], width
    assert_no_axe_violations(page)


# --- with the build's real evaluator and data ---------------------------------------------


@pytest.fixture
def real(page, guard, base_url):
    page.goto(base_url + PAGE_VI)
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    return page


@pytest.mark.parametrize(
    ("last_month", "level"), [("89,88", "HTT"), ("90", "HTXS")], ids=["89.99", "90"]
)
def test_real_evaluator_months_at_the_htxs_threshold(real, last_month, level):
    page = real
    start_2026(page, how="periods")
    fill_periods(page, ["90"] * 11 + [last_month])
    assert page.get_attribute(RESULT, "data-classification") == level
    assert answers(page)["score_input"] == "periods"


@pytest.mark.parametrize(
    ("tasks", "level"), [("59,99", "HTT"), ("60", "HTXS")], ids=["89.99", "90"]
)
def test_real_evaluator_split_at_the_threshold(real, tasks, level):
    page = real
    start_2026(page, how="split")
    page.fill("#f-score_general", "30")
    page.fill("#f-score_tasks", tasks)
    assert page.get_attribute(RESULT, "data-classification") == level
    assert page.input_value("#f-score_total") == tasks.replace("59", "89").replace("60", "90")


def test_real_evaluator_vien_chuc_2026_quarters(real):
    page = real
    start_2026(page, role="vien_chuc")
    page.check("#f-unit_has_own_rules")
    page.check("#f-score_input--periods")
    fill_periods(page, ["70", "70", "70", "70"], ["Q1", "Q2", "Q3", "Q4"])
    assert page.get_attribute(RESULT, "data-classification") == "HTT"
    page.fill("#f-period_scores-1-score", "69,96")  # the mean is 69,99
    assert page.get_attribute(RESULT, "data-classification") == "HTNV"
    text = page.inner_text(RESULT)
    assert not PROGRAM.search(text), PROGRAM.search(text)
    assert_no_axe_violations(page)


def test_an_evaluator_problem_in_program_words_is_said_in_plain_words(tool):
    page = tool
    page.evaluate(
        "() => { ThiduaEvaluator.validateProfile = function (p) { return p.period_scores"
        " ? ['period_scores: unknown field; allowed: one of evaluation_year, score_total']"
        " : []; }; }"
    )
    start_2026(page, how="periods")
    fill_periods(page, ["90"])
    summary = page.inner_text("#tdg-error-summary")
    assert summary.count("Kỳ 1 — Tháng hoặc quý: bộ đánh giá chưa nhận câu trả lời này") == 1
    assert not PROGRAM.search(summary), summary
    assert page.get_attribute(RESULT, "data-classification") == ""


def test_print_for_vien_chuc_2026_names_decree_233_and_the_units_rules(tool, tmp_path):
    page = tool
    page.evaluate("() => { window.print = function () {}; }")
    start_2026(page, role="vien_chuc")
    page.check("#f-unit_has_own_rules")  # "Có"
    page.fill("#f-score_total", "75,5")
    page.click("#tdg-print-button")
    _pdf, flat = pdf_text(page, tmp_path)
    assert "Dựa theo Nghị định 233/2026/NĐ-CP — mẫu phiếu chưa xác minh" in flat
    assert "Đơn vị đã ban hành Quy chế đánh giá riêng: có" in flat
    assert "Tổng điểm tự chấm (thang 100): 75,5" in flat


def test_armed_forces_prior_titles_follow_the_rules(real, tmp_path):
    """In the armed forces an earlier Chiến sĩ tiên tiến shows as the form's one choice for
    LĐTT/CSTT and is exported as CSTT again: the pairing is the rules' (lookups)."""
    page = real
    profile = {
        "evaluation_year": 2024,
        "subject": "individual",
        "role": "cong_chuc",
        "armed_forces": True,
        "prior_titles": {"2023": ["CSTT"], "2022": ["CSTT", "CSTDCS"]},
    }
    source = tmp_path / "armed.json"
    source.write_text(json.dumps(profile), encoding="utf-8")
    page.set_input_files("#tdg-import", str(source))
    page.wait_for_selector("#tdg-io-message p")
    assert page.is_checked('input[name="prior_titles.1"][value="LDTT"]')
    assert page.is_checked('input[name="prior_titles.2"][value="CSTDCS"]')
    with page.expect_download() as info:
        page.click("#tdg-export")
    out = tmp_path / "out.json"
    info.value.save_as(out)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["prior_titles"] == {"2023": ["CSTT"], "2022": ["CSTT", "CSTDCS"]}
