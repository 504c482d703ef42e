"""The layer around the evaluator: sources marked, requirements added, CLI --layer."""

from __future__ import annotations

import json

import pytest
from thidua.cli import main
from thidua.criteria import load_rules
from thidua.evaluator import ProfileError, evaluate
from thidua.layers import load_layer

from .support import ROOT

LECTURER = {
    "evaluation_year": 2026, "subject": "individual", "role": "vien_chuc",
    "nhom": "giang_vien", "score_total": 92,
}


@pytest.fixture(scope="module")
def layer():
    return load_layer(ROOT, "hoc-vien-mau")


def test_reasons_decided_by_the_layer_say_where_they_come_from(layer) -> None:
    result = layer.evaluate(LECTURER)
    assert result["rules"]["layer"] == "hoc-vien-mau"
    reason = result["not_eligible"]["CSTDCS"]
    assert reason["source"] == "layer"
    assert reason["reason"].startswith(
        "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5 khoản 4"
    )
    assert reason["legal_basis"] == [
        "Quy chế 15/QĐ-HVM Điều 5 khoản 4", "Luật 06/2022/QH15 Điều 23"
    ]
    sources = {entry["source"] for entry in result["explanation"]}
    assert sources == {"law", "layer"}


def test_english_reasons(layer) -> None:
    result = layer.evaluate(LECTURER, lang="en")
    assert result["not_eligible"]["CSTDCS"]["reason"].startswith("Under ")


def test_the_national_result_is_untouched_without_a_layer() -> None:
    profile = {k: v for k, v in LECTURER.items() if k != "nhom"}
    result = evaluate({**profile, "unit_has_own_rules": True}, load_rules(ROOT))
    assert "layer" not in result["rules"]
    assert all("source" not in entry for entry in result["explanation"])
    assert "CSTDCS" in result["eligible_titles"]


def test_profile_defaults_take_the_layer_fields_out(layer) -> None:
    national = layer.profile_defaults({**LECTURER, "bai_bao_khoa_hoc": 2})
    assert "nhom" not in national and "bai_bao_khoa_hoc" not in national
    assert national["unit_has_own_rules"] is True
    explicit = layer.profile_defaults({**LECTURER, "unit_has_own_rules": False})
    assert explicit["unit_has_own_rules"] is False


def test_layer_and_national_problems_are_reported_together(layer) -> None:
    with pytest.raises(ProfileError) as raised:
        layer.evaluate({**LECTURER, "nhom": "khac", "score_total": 120})
    fields = [problem.field for problem in raised.value.problems]
    assert fields == ["nhom", "score_total"]


def test_apply_to_result_around_the_evaluator(layer) -> None:
    national = evaluate(layer.profile_defaults(LECTURER), load_rules(ROOT))
    assert "CSTDCS" in national["eligible_titles"]
    result = layer.apply_to_result(LECTURER, national)
    assert "CSTDCS" not in result["eligible_titles"]
    assert "CSTDCS" in national["eligible_titles"], "the national result is not changed"


def test_cli_unknown_layer_exits_2_with_the_list(tmp_path, capsys) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(json.dumps(LECTURER), encoding="utf-8")
    assert main(["evaluate", str(path), "--layer", "khong-co"]) == 2
    err = capsys.readouterr().err
    assert "khong-co" in err and "hoc-vien-mau" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["evaluate", "unit"])
@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("en", "there is no such local layer; the layers there are:", "không có"),
        ("vi", "không có lớp quy chế này; các lớp hiện có:", "no such"),
    ],
)
def test_cli_unknown_layer_is_refused_in_the_command_language(
    tmp_path, capsys, command, lang, said, not_said
) -> None:
    path = tmp_path / "p.yaml"  # the layer is refused before the file is read
    path.write_text(json.dumps(LECTURER), encoding="utf-8")
    assert main([command, str(path), "--layer", "khong-co", "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert f"--layer khong-co: {said} " in err and "hoc-vien-mau" in err
    assert not_said not in err


def test_cli_json_marks_the_source(tmp_path, capsys) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(json.dumps(LECTURER), encoding="utf-8")
    assert main(["evaluate", str(path), "--layer", "hoc-vien-mau", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["rules"]["layer"] == "hoc-vien-mau"
    assert result["not_eligible"]["CSTDCS"]["source"] == "layer"


def test_cli_text_names_the_layer_and_its_clause(tmp_path, capsys) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("\n".join(f"{k}: {v}" for k, v in LECTURER.items()), encoding="utf-8")
    assert main(["evaluate", str(path), "--layer", "hoc-vien-mau"]) == 0
    out = capsys.readouterr().out
    assert "Lớp quy chế: Học viện Mẫu" in out
    assert "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5 khoản 4" in out


def test_cli_bad_layer_field_names_the_line(tmp_path, capsys) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "evaluation_year: 2026\nsubject: individual\nrole: vien_chuc\nscore_total: 92\n"
        "bai_bao_khoa_hoc: nhieu\n",
        encoding="utf-8",
    )
    assert main(["evaluate", str(path), "--layer", "hoc-vien-mau"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:5: bai_bao_khoa_hoc: found 'nhieu'" in err


def test_a_layer_field_outside_an_individual_profile_is_refused(layer) -> None:
    profile = {"evaluation_year": 2026, "subject": "unit_quota", "unit_ldtt_count": 20,
               "cstdcs_eligible_candidates": 3, "nhom": "giang_vien"}
    with pytest.raises(ProfileError) as raised:
        layer.evaluate(profile)
    (problem,) = raised.value.problems
    assert problem.field == "nhom" and "individual" in problem.allowed


def test_the_quota_replaces_the_missing_national_ratio(layer) -> None:
    profile = {"evaluation_year": 2026, "subject": "unit_quota", "unit_ldtt_count": 20,
               "cstdcs_eligible_candidates": 5}
    national = evaluate(profile, load_rules(ROOT))
    assert national["max_cstdcs"] is None and national["manual_review"]
    result = layer.evaluate(profile)
    assert result["max_cstdcs"] == 3 and not result["manual_review"]
    (entry,) = [e for e in result["explanation"] if e["source"] == "layer"]
    assert entry["text"].startswith(
        "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5 khoản 3: "
    )
    assert "(20), làm tròn xuống: 3" in entry["text"]


def test_cli_layer_none_is_the_national_law(tmp_path, capsys) -> None:
    path = tmp_path / "p.yaml"
    profile = {k: v for k, v in LECTURER.items() if k != "nhom"}
    path.write_text(json.dumps({**profile, "unit_has_own_rules": True}), encoding="utf-8")
    assert main(["evaluate", str(path), "--layer", "none", "--json"]) == 0
    with_none = json.loads(capsys.readouterr().out)
    assert main(["evaluate", str(path), "--json"]) == 0
    assert with_none == json.loads(capsys.readouterr().out)


def test_a_title_kept_for_one_group(fixture_layer) -> None:
    layer = fixture_layer("chi-giang-vien")
    staff = {k: v for k, v in LECTURER.items() if k != "nhom"}
    other = layer.evaluate(staff)
    assert "CSTDCS" not in other["eligible_titles"] and "LDTT" in other["eligible_titles"]
    assert other["not_eligible"]["CSTDCS"]["reason"].endswith(
        "hồ sơ không thuộc nhóm Giảng viên, chưa đề nghị danh hiệu này"
    )
    lecturer = layer.evaluate(LECTURER)
    assert "CSTDCS" in lecturer["eligible_titles"]
    (entry,) = [e for e in lecturer["explanation"] if e["source"] == "layer"]
    assert entry["met"] is True


def test_an_unverified_clause_the_layer_cites_is_reported(fixture_layer, layer) -> None:
    basis = "Luật 06/2022/QH15 Điều 23 khoản 2"  # "chưa xác minh" on the Law's page
    school = fixture_layer("chi-giang-vien")
    assert school.rules[0].unverified == (basis,)
    assert basis in school.evaluate(LECTURER)["unverified_basis"]
    assert all(rule.unverified == () for rule in layer.rules)
