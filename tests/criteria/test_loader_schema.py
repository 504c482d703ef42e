"""The criteria data is validated at load: every message names file, line, path, allowed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from thidua.criteria import CriteriaDataError, export_data, load_rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data" / "criteria", tmp_path / "data" / "criteria")
    return tmp_path


def _edit(root: Path, name: str, old: str, new: str) -> int:
    path = root / "data" / "criteria" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _errors(root: Path) -> list[str]:
    with pytest.raises(CriteriaDataError) as info:
        load_rules(root)
    return [error.message for error in info.value.errors]


def test_the_real_data_loads():
    rules = load_rules(ROOT)
    assert rules.modelled_years == list(range(2019, 2027))
    assert len(rules.criteria) >= 50


def test_bad_value_names_file_line_path_allowed_and_example(data_root):
    line = _edit(
        data_root,
        "criteria.yaml",
        "    cmp: ge\n    percent: 50\n    text:\n      vi: Trong đó ít nhất 50 %",
        "    cmp: ge\n    percent: fifty\n    text:\n      vi: Trong đó ít nhất 50 %",
    )
    (message,) = _errors(data_root)
    assert message.startswith(f"data/criteria/criteria.yaml:{line + 1}: ")
    assert "criteria.dg.nhiem-vu.vuot-muc-50.percent: found 'fifty'" in message
    assert "allowed: a whole number from 0 to 100" in message
    assert "example: percent: 50" in message


def test_unknown_op_is_named(data_root):
    _edit(data_root, "criteria.yaml", "    op: has_leave\n", "    op: has_leaves\n")
    (message,) = _errors(data_root)
    assert "criteria.dg.nghi.co-thai-san.op: found 'has_leaves'" in message
    assert "allowed: one of ratio, compare" in message


def test_unknown_key_is_an_error(data_root):
    _edit(data_root, "criteria.yaml", "    cmp: ge\n    value: 6\n", "    cmp: ge\n    valeu: 6\n")
    messages = _errors(data_root)
    assert any("criteria.dg.thoi-gian.lam-viec-6-thang.valeu: unknown key" in m for m in messages)
    assert any("criteria.dg.thoi-gian.lam-viec-6-thang.value: missing" in m for m in messages)


def test_unreadable_legal_basis_is_an_error(data_root):
    line = _edit(
        data_root,
        "danh-gia/nd-335-2025.yaml",
        'legal_basis: ["Nghị định 335/2025/NĐ-CP"]\n    reason:',
        'legal_basis: ["Nghị định 335 Điều 2"]\n    reason:',
    )
    (message,) = _errors(data_root)
    assert message.startswith(
        f"data/criteria/danh-gia/nd-335-2025.yaml:{line}: gates[0].legal_basis[0]"
    )
    assert "no document number" in message


def test_basis_without_kind_of_document_is_an_error(data_root):
    _edit(
        data_root,
        "danh-gia/nd-335-2025.yaml",
        '"Nghị định 335/2025/NĐ-CP"]\n    reason:',
        '"335/2025/NĐ-CP"]\n    reason:',
    )
    (message,) = _errors(data_root)
    assert "without the kind of document" in message


def test_year_pointing_to_a_missing_rule_set(data_root):
    line = _edit(
        data_root, "years.yaml", "      cong_chuc: nd-335-2025", "      cong_chuc: nd-999-2025"
    )
    (message,) = _errors(data_root)
    assert message.startswith(f"data/criteria/years.yaml:{line}: years.2026.danh_gia.cong_chuc")
    assert "found 'nd-999-2025'" in message and "nd-335-2025" in message


def test_binding_to_an_unknown_criterion(data_root):
    _edit(
        data_root,
        "danh-gia/nd-335-2025.yaml",
        "{criterion: dg335.diem-90}]\n    leader",
        "{criterion: dg335.diem-99}]\n    leader",
    )
    messages = _errors(data_root)
    assert any("levels[0].non_leader[0].criterion: found 'dg335.diem-99'" in m for m in messages)


def test_field_outside_the_contract(data_root):
    _edit(
        data_root,
        "criteria.yaml",
        "    field: score_total\n    cmp: ge\n    value: 90",
        "    field: score\n    cmp: ge\n    value: 90",
    )
    messages = _errors(data_root)
    assert any("criteria.dg335.diem-90.field: found 'score'" in m for m in messages)


def test_uncited_criterion_fails(data_root):
    path = data_root / "data" / "criteria" / "criteria.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\n  tt.khong-dung:\n    op: is\n    field: internal_unity\n    value: true\n"
        "    text: {vi: Không dùng, en: Unused}\n",
        encoding="utf-8",
    )
    (message,) = _errors(data_root)
    assert "criteria.tt.khong-dung: found a criterion that no rule set cites" in message


def test_yaml_syntax_error_has_a_line(data_root):
    line = _edit(data_root, "flags.yaml", "    type: bool\n", "    type: [bool\n")
    messages = _errors(data_root)
    assert any(m.startswith("data/criteria/flags.yaml:") and "(YAML)" in m for m in messages)
    assert line > 0


def test_a_date_not_in_the_calendar_is_named_with_its_line(data_root):
    """The one YAML loader refuses 2020-02-30 in words (PyYAML alone raises ValueError)."""
    line = _edit(
        data_root, "years.yaml", "schema_version: 1\n", "schema_version: 1\nsaved: 2020-02-30\n"
    )
    messages = _errors(data_root)
    assert messages == [
        f"data/criteria/years.yaml:{line + 1}: saved: '2020-02-30' là ngày không có thật "
        "(not a real date); allowed: một ngày có trong lịch, dạng NĂM-THÁNG-NGÀY (YYYY-MM-DD)"
        "\n    example: saved: 2020-02-29"
    ]


def test_file_name_must_match_id(data_root):
    folder = data_root / "data" / "criteria" / "danh-gia"
    (folder / "nd-335-2025.yaml").rename(folder / "nd-335.yaml")
    messages = _errors(data_root)
    assert any("danh-gia/nd-335.yaml" in m and "id: found 'nd-335-2025'" in m for m in messages)


def test_export_is_plain_json():
    import json

    from thidua.contract.export import export_contract

    data = export_data(ROOT)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    again = json.loads(text)
    assert set(again) == {
        "schema_version",
        "criteria",
        "years",
        "danh_gia",
        "thi_dua",
        "flags",
        "unverified",
        "labels",
        "contract",
    }
    assert again["contract"] == json.loads(json.dumps(export_contract(), ensure_ascii=False))
    assert again["years"]["2026"]["danh_gia"]["cong_chuc"] == "nd-335-2025"
    assert again["danh_gia"]["nd-90-2020+nd-48-2023"]["in_force_from"] == "2023-09-15"


def test_export_js_is_a_classic_script():
    import json

    from thidua.criteria import export_js

    text = export_js(ROOT)
    assert text.startswith("window.THIDUA_CRITERIA = {") and text.endswith("};\n")
    body = text[len("window.THIDUA_CRITERIA = ") : -2]
    assert json.loads(body)["years"]["2024"]["thi_dua"] == "luat-06-2022+nd-98-2023+tt-01-2024"
