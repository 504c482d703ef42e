"""The Bình xét page in chromium: import, ranking, cap, documents, privacy, a11y (issue 14)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bx_support import DATA, PAGE_EN, PAGE_VI, TEMPLATE, load_file, page_result
from thidua.binh_xet.columns import COLUMNS

pytestmark = pytest.mark.browser

PROGRAM_VALUES = re.compile(
    r"\b(None|undefined|null|NaN|true|false|cong_chuc|vien_chuc|LDTT|CSTDCS)\b"
)


def assert_no_axe_violations(page) -> None:
    results = Axe().run(page)
    violations = results.response["violations"]
    assert not violations, json.dumps(
        [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations], ensure_ascii=False
    )


def status_of(page, name: str) -> str:
    row = page.locator("[data-testid=bx-member]", has=page.locator(f"th:text-is('{name}')"))
    return row.locator("[data-testid=bx-status]").get_attribute("data-status")


def test_import_csv_shows_each_person_in_plain_words(tool):
    load_file(tool, TEMPLATE)
    assert tool.inner_text("[data-testid=bx-summary]").startswith("8 người được tính; 0 dòng")
    levels = tool.locator("[data-testid=bx-level]").all_inner_texts()
    assert levels[0] == "Hoàn thành xuất sắc nhiệm vụ" and levels[1] == "Hoàn thành tốt nhiệm vụ"
    titles = tool.locator("[data-testid=bx-titles]").all_inner_texts()
    assert titles[0] == "Lao động tiên tiến; Chiến sĩ thi đua cơ sở"
    assert tool.locator("[data-testid=bx-cap-max]").inner_text() == "1"
    assert "từ năm 2024 không có tỷ lệ Chiến sĩ thi đua cơ sở chung" in tool.inner_text(
        "[data-testid=bx-cstdcs-rule]"
    )
    assert not PROGRAM_VALUES.search(tool.inner_text("#bx-app"))


def test_paste_from_a_spreadsheet(tool):
    header = "\t".join(c["header"] for c in COLUMNS)
    rows = [
        "\t".join(["1", name, "", "Tổ 1", "viên chức", "", level] + [""] * 10)
        for name, level in [("Nguyễn Văn An", "HTXS"), ("Trần Thị Bình", "HTT")]
    ]
    tool.fill("[data-testid=bx-paste]", "\n".join([header, *rows]))
    tool.click("[data-testid=bx-paste-read]")
    tool.wait_for_selector("[data-testid=bx-summary]")
    assert tool.locator("[data-testid=bx-member]").count() == 2
    assert page_result(tool)["htxs_caps"][0]["role"] == "vien_chuc"


def test_json_profiles_from_the_self_evaluation_page(tool, tmp_path):
    def profile(score, year=2026):
        return {
            "evaluation_year": year,
            "subject": "individual",
            "role": "cong_chuc",
            "score_total": score,
        }

    files = []
    for name, data in [
        ("Nguyễn Văn An", profile(95)),
        ("Trần Thị Bình", profile(80)),
        ("Lê Văn Cường", profile(80, 2025)),
        ("Hỏng", "not a profile"),
    ]:
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        files.append(path)
    load_file(tool, *files)
    result = page_result(tool)
    assert [(m["name"], m["level"]) for m in result["members"]] == [
        ("Nguyễn Văn An", "HTXS"),
        ("Trần Thị Bình", "HTT"),
    ]
    assert [(r["row"], r["name"]) for r in result["invalid_rows"]] == [
        (3, "Lê Văn Cường"),
        (4, "Hỏng"),
    ]
    assert "hồ sơ năm 2026" in tool.inner_text("[data-testid=bx-invalid]")


def test_ties_are_shown_and_the_council_breaks_them_on_the_page(tool):
    load_file(tool, DATA / "ties.csv")
    assert status_of(tool, "Nguyễn Văn An") == "within"
    assert status_of(tool, "Trần Thị Bình") == "tie"
    assert status_of(tool, "Lê Văn Cường") == "tie"
    assert "Bằng nhau ở ranh giới" in tool.inner_text("[data-testid=bx-members]")
    # The council re-votes: 9 for Trần Thị Bình. Keyboard only: type, then Tab.
    box = tool.locator("#bx-votes-3")
    box.focus()
    tool.keyboard.press("Control+A")
    tool.keyboard.type("9")
    tool.keyboard.press("Tab")
    cell = "document.querySelector('[data-row=\"3\"] [data-testid=bx-status]')"
    tool.wait_for_function(f"{cell}.dataset.status === 'within'")
    assert status_of(tool, "Lê Văn Cường") == "over"


def test_over_the_cap_by_ranking(tool):
    load_file(tool, DATA / "over.csv")
    assert status_of(tool, "Lê Văn Cường") == "over"
    row = tool.locator("[data-testid=bx-member][data-row='4']")
    assert "Nếu xếp hoàn thành tốt nhiệm vụ: Lao động tiên tiến; Chiến sĩ thi đua cơ sở" in (
        row.inner_text()
    )


def test_bad_rows_wait_for_confirmation_and_the_previous_list_stays(tool):
    load_file(tool, TEMPLATE)
    tool.set_input_files("[data-testid=bx-file]", str(DATA / "bad-rows.csv"))
    tool.wait_for_selector("[data-testid=bx-confirm]")
    problems = tool.locator("[data-testid=bx-preview-problems] li")
    assert problems.count() == 5
    assert problems.nth(0).inner_text() == (
        "Dòng 3, cột “Nhóm đối tượng”: “giáo viên” không hợp lệ; cho phép: cán bộ, công chức, "
        "viên chức hoặc người lao động."
    )
    assert tool.locator("[data-testid=bx-member]").count() == 8  # untouched
    tool.click("[data-testid=bx-cancel]")
    assert tool.locator("[data-testid=bx-member]").count() == 8
    load_file(tool, DATA / "bad-rows.csv")  # confirms
    assert tool.locator("[data-testid=bx-member]").count() == 1
    assert tool.locator("[data-testid=bx-invalid] li").count() == 5


def test_a_wrong_header_cannot_be_used(tool):
    load_file(tool, TEMPLATE)
    tool.set_input_files("[data-testid=bx-file]", str(DATA / "bad-header.csv"))
    tool.wait_for_selector("[data-testid=bx-preview-problems]")
    assert tool.locator("[data-testid=bx-confirm]").count() == 0
    assert "thiếu cột “Họ và tên”" in tool.inner_text("[data-testid=bx-preview]")
    assert tool.locator("[data-testid=bx-member]").count() == 8


def test_csv_export_of_all_results(tool):
    load_file(tool, DATA / "bad-rows.csv")
    with tool.expect_download() as info:
        tool.click("[data-testid=bx-export]")
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Dòng,Họ và tên,Mã,Phòng/Nhóm,Nhóm đối tượng,Xếp loại")
    assert "Nguyễn Văn An" in text and "Hoàn thành tốt nhiệm vụ" in text
    assert "“giáo viên” không hợp lệ" in text  # invalid rows are exported too


def test_autosave_only_when_turned_on_and_one_button_erases_everything(tool):
    load_file(tool, TEMPLATE)
    assert tool.evaluate("localStorage.getItem('thidua.binh-xet')") is None
    tool.check("[data-testid=bx-autosave]")
    assert "Nguyễn Văn An" in tool.evaluate("localStorage.getItem('thidua.binh-xet')")
    tool.reload()
    tool.wait_for_selector("[data-testid=bx-summary]")
    assert tool.locator("[data-testid=bx-member]").count() == 8
    tool.click("[data-testid=bx-erase]")
    tool.click("[data-testid=bx-erase-yes]")
    assert tool.evaluate("localStorage.getItem('thidua.binh-xet')") is None
    assert tool.locator("[data-testid=bx-empty]").is_visible()
    assert tool.inner_text("[data-testid=bx-status]") == "Đã xóa toàn bộ dữ liệu."


SET_NAMES = """() => {
  for (const [name, content] of [['thidua-co-quan', 'Sở Nội vụ tỉnh Mẫu'],
                                 ['thidua-co-quan-cap-tren', 'Ủy ban nhân dân tỉnh Mẫu']]) {
    let m = document.querySelector(`meta[name="${name}"]`);
    if (!m) { m = document.createElement('meta'); m.name = name; document.head.appendChild(m); }
    m.content = content;
  }
}"""


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("table", "BẢNG TỔNG HỢP KẾT QUẢ BÌNH XÉT"),
        ("minutes", "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"),
        ("proposal", "TỜ TRÌNH"),
    ],
)
def test_printed_documents_on_a4(tool, tmp_path, kind, title):
    # The portal's settings give the names (thidua.yml); set known ones for the test.
    tool.evaluate(SET_NAMES)
    load_file(tool, DATA / "ties.csv")
    tool.evaluate(f"document.body.setAttribute('data-bx-print', '{kind}')")
    tool.emulate_media(media="print")
    pdf = tmp_path / f"{kind}.pdf"
    tool.pdf(path=str(pdf), format="A4", print_background=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / kind)], check=True)
    assert sorted(tmp_path.glob(f"{kind}*.png"))
    text = _pdf_text(pdf)
    words = " ".join(text.split())
    assert title in text
    assert "SỞ NỘI VỤ TỈNH MẪU" in text and "ỦY BAN NHÂN DÂN TỈNH MẪU" in text
    assert "Lê Văn Cường" in words
    assert "Công cụ bình xét" not in text  # only the document prints
    assert not PROGRAM_VALUES.search(text)
    if kind == "minutes":
        assert "bằng nhau ở ranh giới, Hội đồng quyết định: Trần Thị Bình; Lê Văn Cường" in words


def test_documents_take_the_names_from_the_settings_or_leave_blanks(tool):
    names = tool.evaluate(
        "[...document.querySelectorAll('meta[name^=thidua-co-quan]')].map(m => m.content)"
    )
    assert names  # the portal's settings (thidua.yml) name the institution
    load_file(tool, TEMPLATE)
    assert tool.locator("[data-testid=bx-doc-agency]").first.text_content() == names[0].upper()
    tool.evaluate(
        "document.querySelectorAll('meta[name^=thidua-co-quan]').forEach(m => m.remove())"
    )
    load_file(tool, TEMPLATE)
    assert tool.locator("[data-testid=bx-doc-agency]").first.text_content() == "………………………………"


def test_no_axe_violation_with_results(tool):
    load_file(tool, DATA / "bad-rows.csv")
    assert_no_axe_violations(tool)
    load_file(tool, DATA / "ties.csv")
    tool.select_option("[data-testid=bx-unit-level]", "HTT")
    tool.select_option("[data-testid=bx-movement]", "true")
    tool.select_option("[data-testid=bx-unity]", "true")
    assert_no_axe_violations(tool)


def test_english_page(page, guard, base_url):
    page.goto(base_url + PAGE_EN)
    page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
    load_file(page, TEMPLATE)
    assert page.inner_text("[data-testid=bx-summary]").startswith("8 people counted")
    assert page.locator("[data-testid=bx-level]").first.inner_text() == (
        "Excellent completion of duties (HTXS)"
    )
    assert_no_axe_violations(page)


def test_phone_390_no_sideways_scroll_and_screenshots(tool, tmp_path):
    load_file(tool, TEMPLATE)
    tool.screenshot(path=str(tmp_path / "bx-1366.png"), full_page=True)
    tool.set_viewport_size({"width": 390, "height": 844})
    tool.wait_for_timeout(200)
    assert tool.evaluate("document.documentElement.scrollWidth") <= 390
    tool.screenshot(path=str(tmp_path / "bx-390.png"), full_page=True)
    assert_no_axe_violations(tool)


def test_without_javascript_the_page_explains_and_offers_the_template(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE_VI)
    assert page.locator("[data-testid=bx-nojs]").is_visible()
    assert "thidua unit" in page.inner_text("[data-testid=bx-nojs]")
    assert page.locator("[data-testid=bx-app]").is_hidden()
    link = page.locator("[data-testid=bx-template]")
    assert link.is_visible() and link.get_attribute("href") == "../mau-danh-sach-binh-xet.csv"
    headers = page.locator("[data-testid=bx-columns] tbody th").all_inner_texts()
    assert headers == [c["header"] for c in COLUMNS]
    response = page.request.get(base_url + "/binh-xet/mau-danh-sach-binh-xet.csv")
    assert response.body() == TEMPLATE.read_bytes()
    context.close()
