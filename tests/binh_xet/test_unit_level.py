"""The unit's own level on 100 points beside its titles (issue 14, item 3; 2026 rules):
NĐ 233/2026 Điều 5–7 for public service units, NĐ 335/2025 for administrative bodies,
computed by the same evaluator as ``thidua evaluate`` (``subject: collective``)."""

from __future__ import annotations

from bx_support import DATA, UNIT_POINTS, thidua, thidua_process, unit_json
from thidua.criteria import load_rules
from thidua.evaluator import evaluate

FILE = DATA / "all-eligible.csv"


def test_a_public_service_unit_on_points_is_rated_and_its_titles_follow():
    result = unit_json(FILE, *UNIT_POINTS["args"])
    col = result["collective"]
    assert col["classification"] == "HTXS"
    assert "TTLDXS" in col["eligible_titles"]
    # The same as the evaluator on the contract's collective profile (case TC13 style).
    direct = evaluate(
        {
            "evaluation_year": 2026,
            "subject": "collective",
            "unit_kind": "don_vi_su_nghiep",
            "score_total": 92.5,
            "tasks_completed_share": 1.0,
            "tasks_late_share": 0.0,
            "tasks_exceeded_share": 0.35,
            "constituent_units_khtnv": 0,
            "deficiencies_remedied": True,
        },
        load_rules(),
    )
    assert direct["classification"] == col["classification"]
    text = thidua("unit", str(FILE), *UNIT_POINTS["args"]).stdout
    assert (
        "Xếp loại của tập thể (đơn vị sự nghiệp công lập, 92,5 điểm): Hoàn thành xuất sắc "
        "nhiệm vụ." in text
    )
    assert "Danh hiệu tập thể có thể đề nghị: Tập thể lao động tiên tiến; Tập thể lao động " in text


def test_under_30_percent_exceeded_the_unit_is_htt_and_the_competent_level_decides():
    args = [a if a != "35" else "29" for a in UNIT_POINTS["args"]]
    col = unit_json(FILE, *args)["collective"]
    assert col["classification"] == "HTT"
    assert "HTXS" in col["level_not_reached"]
    assert any("Điều 7 khoản 5" in r for r in col["manual_review_reasons"])
    assert "TTLDXS" not in col["eligible_titles"]
    text = thidua("unit", str(FILE), *args).stdout
    assert "Chưa đạt Hoàn thành xuất sắc nhiệm vụ:" in text


def test_an_administrative_body_under_50_points_without_titles_inputs():
    args = ["--unit-kind", "hanh-chinh", "--unit-score", "45", "--tasks-completed", "100",
            "--tasks-late", "0"]
    col = unit_json(FILE, *args)["collective"]
    assert col["classification"] == "KHTNV"
    assert col["needed"] == ["movement", "unity"] and col["eligible_titles"] == []
    text = thidua("unit", str(FILE), *args).stdout
    assert "Xếp loại của tập thể (cơ quan hành chính, 45 điểm): Không hoàn thành nhiệm vụ." in text
    assert "chưa xét — cần phong trào thi đua (--movement), đoàn kết nội bộ (--unity)" in text


def test_missing_task_shares_are_named_and_the_level_is_not_guessed():
    col = unit_json(FILE, "--unit-kind", "su-nghiep", "--unit-score", "95")["collective"]
    assert col["level_needed"] == ["tasks_completed", "tasks_late"]
    assert col["classification"] is None
    assert col["needed"] == ["unit_level", "movement", "unity"]
    text = thidua("unit", str(FILE), "--unit-kind", "su-nghiep", "--unit-score", "95").stdout
    assert "chưa tính — cần tổng điểm (--unit-score), tỷ lệ nhiệm vụ hoàn thành" in text


def test_a_year_before_2026_does_not_rate_collectives_on_points():
    args = ["--year", "2025", *UNIT_POINTS["args"]]
    col = unit_json(FILE, *args)["collective"]
    assert col["level_unavailable"] is True and col["classification"] is None
    assert "unit_level" in col["needed"]
    assert "năm 2025 chưa áp dụng (từ năm 2026)" in thidua("unit", str(FILE), *args).stdout


def test_a_wrong_score_or_share_is_refused_with_exit_2():
    for option, value in [("--unit-score", "101"), ("--tasks-late", "abc"),
                          ("--units-khtnv", "-1")]:
        proc = thidua_process("unit", str(FILE), option, value)
        assert proc.returncode == 2, (option, proc.stderr)
        assert f"“{value}” không hợp lệ; cho phép:" in proc.stderr
        assert "Traceback" not in proc.stderr


def test_the_options_are_documented_in_the_help():
    proc = thidua_process("unit", "--help")
    assert proc.returncode == 0
    for option in ("--unit-kind", "--unit-score", "--tasks-completed", "--tasks-late",
                   "--tasks-exceeded", "--units-khtnv", "--remedied", "--violation", "--layer"):
        assert option in proc.stdout
    assert "Nghị định 233/2026/NĐ-CP Điều 5–7" in " ".join(proc.stdout.split())
