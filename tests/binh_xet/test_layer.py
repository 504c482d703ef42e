"""The CSTĐCS quota of a local layer (issue 13 + 14): ``thidua unit --layer ID`` and the
page with the portal's ``lop_quy_che`` apply the layer's ratio and rounding, say which
Quy chế clause decides, and show ties; without a layer no national quota applies."""

from __future__ import annotations

import pytest
from bx_support import (
    LAYER,
    LAYER_FILES,
    TEMPLATE,
    axe_violations,
    load_file,
    page_result,
    set_unit_points,
    thidua,
    thidua_process,
    unit_json,
    use_layer,
)
from thidua.binh_xet.layer import layer_data, load
from thidua.layers import load_layer
from thidua_mkdocs.binh_xet import columns_script
from thidua_testing import ROOT

AT_QUOTA, OVER, TIES = LAYER_FILES


def statuses(result: dict) -> list[str | None]:
    return [m["cstdcs_status"] for m in result["members"] if "CSTDCS" in m["eligible_titles"]]


def test_exactly_at_the_quota_everyone_is_within():
    quota = unit_json(AT_QUOTA, "--layer", LAYER)["cstdcs"]
    # 15 % of 20 LĐTT = 3 exactly, 3 candidates.
    assert (quota["ldtt"], quota["cap"], quota["max"], quota["source"]) == (20, 3, 3, "layer")
    assert statuses(unit_json(AT_QUOTA, "--layer", LAYER)) == ["within"] * 3


def test_over_the_quota_by_ranking_and_the_clause_in_plain_words():
    result = unit_json(OVER, "--layer", LAYER)
    assert result["cstdcs"]["cap"] == 2  # 15 % of 14 = 2,1 → rounded down
    assert statuses(result) == ["within", "within", "over"]
    assert result["cstdcs"]["legal_basis"] == [
        "Quy chế 15/QĐ-HVM Điều 5 khoản 3",
        "Luật 06/2022/QH15 Điều 23",
    ]
    text = thidua("unit", str(OVER), "--layer", LAYER).stdout
    assert "Lớp quy chế riêng: Học viện Mẫu — Quy chế thi đua, khen thưởng của Học viện Mẫu" in text
    assert "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5 khoản 3:" in text
    assert "Chiến sĩ thi đua cơ sở vượt tỷ lệ" in text
    assert "Không áp dụng tỷ lệ" not in text


def test_ties_at_the_quota_are_shown_not_broken():
    result = unit_json(TIES, "--layer", LAYER)
    assert result["cstdcs"]["order"] == "votes"
    assert statuses(result) == ["within", "tie", "tie"]


@pytest.mark.parametrize("path", LAYER_FILES, ids=lambda p: p.name)
def test_the_quota_is_the_layer_apis(path):
    """The same maximum as thidua.layers (the API ``thidua evaluate --layer`` uses)."""
    quota = unit_json(path, "--layer", LAYER)["cstdcs"]
    layer = load_layer(ROOT, LAYER)
    result = layer.evaluate(
        {
            "evaluation_year": 2026,
            "subject": "unit_quota",
            "unit_ldtt_count": quota["ldtt"],
            "cstdcs_eligible_candidates": quota["candidates"],
        }
    )
    assert result["max_cstdcs"] == quota["max"]
    assert layer.cstdcs_quota.maximum(quota["ldtt"]) == quota["cap"]


def test_without_a_layer_the_no_national_quota_reason_stays():
    result = unit_json(OVER)
    assert result["cstdcs"]["none_applies"] is True and result["settings"]["layer"] is None
    assert "Không áp dụng tỷ lệ Chiến sĩ thi đua cơ sở" in thidua("unit", str(OVER)).stdout


def test_an_unknown_layer_is_refused_with_the_known_ones():
    proc = thidua_process("unit", str(TEMPLATE), "--layer", "bo-khong-co")
    assert proc.returncode == 2
    assert "bo-khong-co" in proc.stderr and LAYER in proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_portal_publishes_the_active_layer_for_the_page():
    assert load(ROOT, "none") is None and load(ROOT, None) is None
    data = load(ROOT, LAYER)
    assert data == layer_data(load_layer(ROOT, LAYER))
    assert data["quota"]["ratio"] == "0.15" and data["quota"]["rounding"] == "floor"
    script = columns_script(data)
    assert "window.BINH_XET_LAYER = {" in script and '"ratio":"0.15"' in script
    assert "window.BINH_XET_LAYER = null;" in columns_script(None)


@pytest.fixture
def layer_tool(page, guard, base_url):
    """The Vietnamese tool page of a portal whose thidua.yml names the sample layer."""
    use_layer(page, load(ROOT, LAYER))
    page.goto(base_url + "/binh-xet/cong-cu/")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
    return page


@pytest.mark.browser
@pytest.mark.parametrize("path", LAYER_FILES, ids=lambda p: p.name)
def test_page_and_command_agree_with_a_layer(layer_tool, path):
    load_file(layer_tool, path)
    assert page_result(layer_tool) == unit_json(path, "--layer", LAYER)


@pytest.mark.browser
def test_the_page_says_which_quy_che_decides_and_who_is_over(layer_tool):
    load_file(layer_tool, OVER)
    assert "Học viện Mẫu" in layer_tool.inner_text("[data-testid=bx-layer]")
    rule = layer_tool.inner_text("[data-testid=bx-cstdcs-rule]")
    assert rule.startswith("Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5")
    assert layer_tool.inner_text("[data-testid=bx-cstdcs-max]") == (
        "15 % của 14 người Lao động tiên tiến là 2,1, làm tròn xuống: tối đa 2 người."
    )
    row = layer_tool.locator("[data-testid=bx-member][data-row='4'] [data-testid=bx-status]")
    assert row.get_attribute("data-status") == "over"
    assert row.inner_text() == "Vượt tỷ lệ"


@pytest.mark.browser
def test_the_draft_minutes_name_who_is_within_and_over_the_layers_quota(layer_tool):
    load_file(layer_tool, OVER)
    minutes = " ".join(layer_tool.locator("[data-testid=bx-doc-minutes]").text_content().split())
    assert "tối đa 2 người (Theo Quy chế thi đua, khen thưởng của Học viện Mẫu" in minutes
    assert "Trong tỷ lệ: Nguyễn Văn An; Trần Thị Bình; vượt tỷ lệ: Lê Văn Cường." in minutes


@pytest.mark.browser
def test_english_page_with_a_layer_and_the_units_level_no_axe_violation(page, guard, base_url):
    use_layer(page, load(ROOT, LAYER))
    page.goto(base_url + "/en/binh-xet/cong-cu/")
    page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
    load_file(page, TIES)
    set_unit_points(page)
    page.wait_for_selector("[data-testid=bx-collective-level]")
    assert page.inner_text("[data-testid=bx-collective-level]") == (
        "The collective's level (public service unit, 92.5 points): Excellent completion of "
        "duties (HTXS)."
    )
    assert "Model Academy" in page.inner_text("[data-testid=bx-layer]")
    assert page.inner_text("[data-testid=bx-cstdcs-max]") == (
        "15 % of 14 people recognised LĐTT is 2.1, rounded down: at most 2."
    )
    assert axe_violations(page) == []
