"""The self-evaluation result as a civil servant reads it, after the evaluator's reasons
came worded from the templates (labels.yaml ``messages``):

- a reason for not being classified says which condition is not fulfilled, without
  "Chưa đạt: … chưa đạt" and without stating the condition as if it were the cause;
- an English run of consecutive years reads for one year as for three;
- the criteria checked are set in the same type size as the reasons (Material's details
  are smaller), on a phone as on a desktop;
- the printed form names the leader's criterion 5a in words, not "5a" alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tdg_support import PAGE_EN, PAGE_VI
from thidua.criteria import load_rules
from thidua.evaluator import evaluate

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules(ROOT)
GC = {
    key: "tot"
    for key in (
        "chinh_tri_tu_tuong",
        "dao_duc_loi_song",
        "tac_phong_le_loi",
        "y_thuc_to_chuc_ky_luat",
    )
}
# Four months worked: below the six months needed to be classified at all.
SHORT_YEAR = {
    "evaluation_year": 2024,
    "subject": "individual",
    "role": "cong_chuc",
    "months_worked": 4,
    "general_criteria": GC,
    "tasks": {"assigned": 10, "completed": 10, "on_time_with_quality": 10, "exceeded": 6},
}
# HTXS with an initiative: one year of Grassroots Emulation Fighter so far.
ONE_YEAR = {
    "evaluation_year": 2024,
    "subject": "individual",
    "role": "vien_chuc",
    "general_criteria": GC,
    "tasks": {"assigned": 20, "completed": 20, "on_time_with_quality": 20, "exceeded": 12},
    "initiatives": [{"kind": "sang_kien", "year": 2024, "recognised_at": "co_so", "applied": True}],
}
# A leader (examples of data/cases/20-lanh-dao.yaml, LD01).
LEADER = {
    "evaluation_year": 2024,
    "subject": "individual",
    "role": "cong_chuc",
    "leader": True,
    "general_criteria": GC,
    "leadership_criterion_5a": "tot",
    "unit": {
        "targets_total": 10,
        "targets_completed": 10,
        "targets_on_time_quality": 10,
        "targets_exceeded": 5,
    },
    "sub_units": {"total": 4, "htnv_or_above": 4, "htt_or_above": 3},
}


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("vi", "Chưa đạt: Không được xếp loại vì không đáp ứng: Có thời gian", "vì: Có"),
        (
            "en",
            "Not met: Not classified, as this condition is not fulfilled: Worked",
            "because: Worked",
        ),
    ],
)
def test_not_classified_names_the_condition_not_fulfilled(lang, said, not_said):
    result = evaluate(SHORT_YEAR, RULES, lang)
    assert result["classification"] == "NOT_CLASSIFIED"
    for reason in (entry["reason"] for entry in result["not_reached"].values()):
        assert reason.startswith(said), reason
        assert not_said not in reason
        # The lead word of the reason is not said again right after it.
        assert reason.lower().count("chưa đạt") <= 1 and reason.lower().count("not met") <= 1


def test_one_year_in_a_row_reads_in_english():
    english = json.dumps(evaluate(ONE_YEAR, RULES, "en"), ensure_ascii=False)
    assert "Grassroots Emulation Fighter (CSTĐCS): years in a row: 1 (2024)" in english
    assert "1 consecutive years" not in english
    vietnamese = json.dumps(evaluate(ONE_YEAR, RULES, "vi"), ensure_ascii=False)
    assert "Chiến sĩ thi đua cơ sở: 1 năm liên tục (2024)" in vietnamese


# --- in the browser, with the built page's real evaluator and data ------------------------


def _import(page, tmp_path, base_url, path, profile, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + path)
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    source = tmp_path / "profile.json"
    source.write_text(json.dumps(profile), encoding="utf-8")
    page.set_input_files("#tdg-import", str(source))
    page.wait_for_selector("#tdg-io-message p")
    page.wait_for_selector("#tdg-result .tdg-explanation", state="attached")


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", [PAGE_VI, PAGE_EN])
def test_criteria_checked_are_as_readable_as_the_reasons(
    page, guard, base_url, tmp_path, path, width
):
    _import(page, tmp_path, base_url, path, ONE_YEAR, width)
    page.evaluate("document.querySelector('#tdg-result .tdg-explanation').open = true")
    sizes = page.evaluate(
        "() => ['#tdg-result .tdg-not-eligible li > p', '#tdg-result .tdg-explanation li']"
        ".map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"
    )
    reason, line = sizes
    assert line == pytest.approx(reason), sizes
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "words"),
    [
        (PAGE_VI, "5a. Kết quả lãnh đạo, quản lý (Điều 3 khoản 5 điểm a): Thực hiện tốt"),
        (PAGE_EN, "5a. Leadership results (Article 3 clause 5 point a): Performed well"),
    ],
)
def test_printed_form_names_the_leaders_criterion(page, guard, base_url, tmp_path, path, words):
    _import(page, tmp_path, base_url, path, LEADER, 1280)
    page.evaluate("() => { window.print = function () {}; }")
    page.click("#tdg-print-button")
    lines = page.eval_on_selector_all("#tdg-print li", "items => items.map(li => li.innerText)")
    assert words in lines, lines
    assert not [line for line in lines if line.startswith("5a:")], lines


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "heads"),
    [
        (
            PAGE_VI,
            [
                "Quy tắc",
                "Điều kiện để được xếp loại",
                "Không hoàn thành nhiệm vụ",
                "Hoàn thành xuất sắc nhiệm vụ",
                "Hoàn thành tốt nhiệm vụ",
                "Hoàn thành nhiệm vụ",
                "Lao động tiên tiến",
                "Chiến sĩ thi đua cơ sở",
            ],
        ),
        (
            PAGE_EN,
            [
                "Rules",
                "Condition to be classified",
                "Failure to complete duties (KHTNV)",
                "Excellent completion of duties (HTXS)",
                "Good completion of duties (HTT)",
                "Completion of duties (HTNV)",
                "Advanced Worker (LĐTT)",
                "Grassroots Emulation Fighter (CSTĐCS)",
            ],
        ),
    ],
)
def test_criteria_checked_are_headed_by_what_they_were_checked_for(
    page, guard, base_url, tmp_path, path, heads
):
    """'Đáp ứng các tiêu chí chung' is checked for HTT and again for HTNV: each line under
    the level or title it was checked for, in words, on the page and in the printed annex."""
    _import(page, tmp_path, base_url, path, ONE_YEAR, 1280)
    shown = page.eval_on_selector_all(
        "#tdg-result .tdg-explanation h4", "hs => hs.map(h => h.textContent)"
    )
    assert shown[: len(heads)] == heads, shown
    assert len(shown) == len(set(shown)), shown  # one heading per run, none said twice
    lines = page.locator("#tdg-result .tdg-explanation li").count()
    summary = page.inner_text("#tdg-result .tdg-explanation summary")
    assert summary.endswith(f"({lines})"), (summary, lines)
    page.evaluate("() => { window.print = function () {}; }")
    page.click("#tdg-print-button")
    printed = page.eval_on_selector_all(
        "#tdg-print h3.tdg-scope", "hs => hs.map(h => h.textContent)"
    )
    assert printed == shown
    # Numbered on across the headings: 1 … n once each.
    numbers = page.evaluate(
        "() => Array.from(document.querySelectorAll('.tdg-print-annex ol'))"
        ".flatMap(ol => Array.from(ol.children).map((li, i) => ol.start + i))"
    )
    assert numbers == list(range(1, lines + 1))
    assert page.evaluate("document.querySelectorAll('#tdg-result h4:empty').length") == 0
