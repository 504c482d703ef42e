"""``thidua evaluate`` and ``thidua check`` at the command line: exit codes, output, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

C01 = """\
evaluation_year: 2024
subject: individual
role: vien_chuc
leader: false
months_worked: 12
leave: []
discipline: []
general_criteria:
  chinh_tri_tu_tuong: tot
  dao_duc_loi_song: tot
  tac_phong_le_loi: tot
  y_thuc_to_chuc_ky_luat: tot
tasks: {assigned: 20, completed: 20, on_time_with_quality: 20, exceeded: 12, efficiency: high}
emulation_spirit: true
initiatives: []
"""

RESULT_KEYS = {
    "evaluation_year",
    "rules",
    "subject",
    "classification",
    "eligible_titles",
    "not_eligible",
    "not_reached",
    "manual_review",
    "manual_review_reasons",
    "max_cstdcs",
    "max_htxs",
    "flags_used",
    "unverified_basis",
    "explanation",
}


def thidua(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "thidua.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "c01.yaml"
    path.write_text(C01, encoding="utf-8")
    return path


def test_human_output_in_vietnamese(profile_file):
    proc = thidua("evaluate", str(profile_file))
    assert proc.returncode == 0, proc.stderr
    assert "Kết quả đánh giá năm 2024" in proc.stdout
    assert "Xếp loại chất lượng: Hoàn thành xuất sắc nhiệm vụ" in proc.stdout
    assert "Giải thích" in proc.stdout and "Traceback" not in proc.stderr


def test_english_output(profile_file):
    proc = thidua("evaluate", str(profile_file), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "Evaluation result for 2024" in proc.stdout
    assert "Explanation" in proc.stdout


def test_json_shape(profile_file):
    proc = thidua("evaluate", str(profile_file), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) >= RESULT_KEYS
    assert result["rules"] == {
        "thi_dua": "luat-06-2022+nd-98-2023+tt-01-2024",
        "danh_gia": "nd-90-2020+nd-48-2023",
    }
    assert result["classification"] == "HTXS"
    assert result["eligible_titles"] == ["LDTT", "CSTDCS"]
    assert result["flags_used"] == {"cstdcs_htxs_alternative": True}
    assert result["max_cstdcs"] is None and result["max_htxs"] is None
    for item in result["not_eligible"].values():
        assert set(item) >= {"reason", "legal_basis"} and item["legal_basis"]
    for entry in result["explanation"]:
        assert {"criterion", "met", "legal_basis", "text"} <= set(entry)


def test_json_english_reasons(profile_file):
    result = json.loads(thidua("evaluate", str(profile_file), "--json", "--lang", "en").stdout)
    assert result["not_eligible"]["CSTD_BO"]["reason"].startswith("Not met:")


def test_stdin_yaml_and_json():
    proc = thidua("evaluate", "-", "--json", stdin=C01)
    assert proc.returncode == 0, proc.stderr
    import yaml

    as_json = json.dumps(yaml.safe_load(C01))
    proc2 = thidua("evaluate", "-", "--json", stdin=as_json)
    assert proc2.returncode == 0, proc2.stderr
    assert json.loads(proc.stdout) == json.loads(proc2.stdout)


def test_unknown_field_and_flag_exit_2(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(C01 + "montsh_worked: 3\nflags: {htxs_ratioo: 0.2}\n", encoding="utf-8")
    proc = thidua("evaluate", str(path))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    line_no = C01.count("\n") + 1
    assert any(f"{path}:{line_no}: montsh_worked: unknown field" in line for line in lines)
    assert any(
        "flags.htxs_ratioo: unknown flag; allowed: one of cstdcs_htxs_alternative" in line
        for line in lines
    )
    assert proc.stdout == "" and "Traceback" not in proc.stderr


def test_bad_value_names_path_found_allowed():
    profile = C01.replace(
        "leave: []", "leave: [{kind: om_dau, months: 1}, {kind: om_dau, months: -2}]"
    )
    proc = thidua("evaluate", "-", stdin=profile)
    assert proc.returncode == 2
    assert "<stdin>:6: leave[1].months: found -2; allowed: a number from 0 to 12" in proc.stderr


def test_unmodelled_year_names_modelled_years():
    proc = thidua(
        "evaluate", "-", stdin=C01.replace("evaluation_year: 2024", "evaluation_year: 2030")
    )
    assert proc.returncode == 2
    assert "evaluation_year: found 2030" in proc.stderr
    assert "2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026" in proc.stderr


def test_missing_classification_inputs_are_named():
    profile = "evaluation_year: 2024\nsubject: individual\nrole: vien_chuc\nleader: true\n"
    proc = thidua("evaluate", "-", stdin=profile)
    assert proc.returncode == 2
    for name in ("general_criteria", "leadership_criterion_5a", "unit", "sub_units"):
        assert f"{name}: missing" in proc.stderr
    proc = thidua(
        "evaluate", "-", stdin="evaluation_year: 2019\nsubject: individual\nrole: can_bo\n"
    )
    assert proc.returncode == 2 and "classification_input: missing" in proc.stderr


def test_invalid_yaml_and_missing_file(tmp_path):
    proc = thidua("evaluate", "-", stdin="evaluation_year: [2024\n")
    assert proc.returncode == 2 and "<stdin>:" in proc.stderr and "(YAML)" in proc.stderr
    proc = thidua("evaluate", str(tmp_path / "nope.yaml"))
    assert proc.returncode == 2 and "cannot read" in proc.stderr
    proc = thidua("evaluate", "-", stdin="- 1\n- 2\n")
    assert proc.returncode == 2 and "a mapping" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_option_exits_2(profile_file):
    proc = thidua("evaluate", str(profile_file), "--jsn")
    assert proc.returncode == 2


def test_collective_and_unit_quota():
    quota = (
        "evaluation_year: 2024\nsubject: unit_quota\n"
        "unit_ldtt_count: 20\ncstdcs_eligible_candidates: 5\n"
    )
    result = json.loads(thidua("evaluate", "-", "--json", stdin=quota).stdout)
    # No national CSTĐCS ratio from 2024 (contract v3): no maximum, manual review.
    assert result["max_cstdcs"] is None and result["classification"] is None
    assert result["manual_review"] is True
    assert any("NĐ 91/2017" in reason for reason in result["manual_review_reasons"])
    quota_2023 = quota.replace("2024", "2023")
    result = json.loads(thidua("evaluate", "-", "--json", stdin=quota_2023).stdout)
    assert result["max_cstdcs"] == 3 and result["manual_review"] is False
    text = thidua("evaluate", "-", "--lang", "en", stdin=quota_2023).stdout
    assert "Most who may be proposed for Grassroots Emulation Fighter: 3" in text


def test_check_passes_on_the_project_criteria():
    from thidua.commands.check import criteria_problems

    errors, rules = criteria_problems(ROOT)
    assert rules is not None
    assert errors == []


def test_check_fails_with_the_build_messages(tmp_path):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "criteria" / "years.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("quota_rules: nd-335-2025", "quota_rules: nd-335"),
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    proc = thidua("check", "--root", str(tmp_path))
    assert proc.returncode == 1
    assert "data/criteria/years.yaml:" in proc.stderr
    assert "years.2026.quota_rules: found 'nd-335'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_reports_a_failing_case(tmp_path):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "cases" / "60-cac-nam.yaml"
    tail = "\n      eligible_titles: [LDTT, CSTDCS]\n      result: MANUAL_REVIEW"
    text = path.read_text(encoding="utf-8").replace(
        "      classification: HTXS" + tail, "      classification: HTT" + tail, 1
    )
    path.write_text(text, encoding="utf-8")
    from thidua.commands.check import criteria_problems

    errors, _rules = criteria_problems(tmp_path)
    messages = [error.message for error in errors]
    assert any("cases.NA06: classification: expected HTT, actual HTXS" in m for m in messages)


def test_check_has_no_scaffolding_warnings(capsys):
    import argparse

    from thidua.commands import check

    check.run(argparse.Namespace(root=ROOT, strict=False))
    out = capsys.readouterr()
    assert "not available yet" not in out.out + out.err


def test_help_lists_both_commands():
    proc = thidua("--help")
    assert proc.returncode == 0
    assert "evaluate" in proc.stdout and "check" in proc.stdout


HOSTILE_VALUES = {
    "subject is a list": '{"evaluation_year": 2024, "subject": ["individual"]}',
    "subject is a mapping": '{"evaluation_year": 2024, "subject": {"a": 1}}',
    "week date": '{"evaluation_year": 2024, "subject": "individual", "role": "cong_chuc",'
    ' "recruited_on": "2024-W01-1"}',
    "date with a tail": '{"evaluation_year": 2024, "subject": "individual", "role": "cong_chuc",'
    ' "recruited_on": "20240101xx"}',
    "superscript year": '{"evaluation_year": 2024, "subject": "individual", "role": "vien_chuc",'
    ' "classification_input": "HTT", "prior_titles": {"²⁰²³": ["LDTT"]}}',
    "full-width year": '{"evaluation_year": 2024, "subject": "individual", "role": "vien_chuc",'
    ' "classification_input": "HTT", "prior_titles": {"２０２３": ["LDTT"]}}',
    "huge exponent": '{"evaluation_year": 2024, "subject": "unit_quota",'
    ' "unit_ldtt_count": 20, "cstdcs_eligible_candidates": 5,'
    ' "flags": {"cstdcs_ratio": "1e-999999999"}}',
}


@pytest.mark.parametrize("text", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_odd_values_are_refused_with_exit_2_and_no_traceback(text):
    proc = thidua("evaluate", "-", "--json", stdin=text)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert proc.stderr.strip()


@pytest.mark.parametrize("kind", ["json", "yaml"])
def test_deeply_nested_profile_is_refused_with_exit_2(kind):
    """5,000 levels of nesting: a clear exit-2 message, never an internal RecursionError."""
    depth = 5000
    if kind == "json":
        text = '{"evaluation_year": 2026, "subject": "individual", "role": "vien_chuc", "x": '
        text += "[" * depth + "]" * depth + "}"
    else:
        text = "evaluation_year: 2026\nsubject: individual\nx: " + "[" * depth + "]" * depth + "\n"
    proc = thidua("evaluate", "-", "--json", stdin=text)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    assert "nested" in proc.stderr
