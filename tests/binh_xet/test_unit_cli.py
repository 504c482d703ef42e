"""``thidua unit``: the members list reader and the unit's figures (issue 14)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from bx_support import DATA, TEMPLATE, thidua, unit_json
from thidua.binh_xet import members
from thidua.binh_xet.columns import COLUMNS


def by_name(result: dict) -> dict[str, dict]:
    return {m["name"]: m for m in result["members"]}


def test_the_published_template_has_the_documented_headers_a_bom_and_is_accepted():
    data = TEMPLATE.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    assert header == [c["header"] for c in COLUMNS]
    proc = thidua("unit", str(TEMPLATE))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "Bình xét năm" in proc.stdout
    result = unit_json(TEMPLATE)
    assert result["invalid_rows"] == [] and len(result["members"]) == 8


def test_exactly_at_the_cap_everyone_proposed_is_within():
    result = unit_json(DATA / "at-cap.csv")
    (cap,) = result["htxs_caps"]
    # 20 % of those rated HTT: 2 HTXS and 10 HTT → 2 / 10 = 20 %, exactly the cap.
    assert (cap["candidates"], cap["rated_htt"], cap["max"]) == (2, 10, 2)
    statuses = [m["htxs_status"] for m in result["members"] if m["level"] == "HTXS"]
    assert statuses == ["within", "within"]


def test_one_over_the_cap_is_named_by_the_ranking():
    result = unit_json(DATA / "over.csv")
    people = by_name(result)
    assert result["htxs_caps"][0]["max"] == 2
    assert people["Lê Văn Cường"]["htxs_status"] == "over"
    assert people["Nguyễn Văn An"]["htxs_status"] == "within"
    # Rated HTT instead, the initiative still carries CSTĐCS.
    assert people["Lê Văn Cường"]["titles_if_htt"] == ["LDTT", "CSTDCS"]


def test_ties_at_the_limit_are_shown_not_broken():
    result = unit_json(DATA / "ties.csv")
    people = by_name(result)
    assert result["htxs_caps"][0]["order"] == "votes"
    assert people["Nguyễn Văn An"]["htxs_status"] == "within"
    assert people["Trần Thị Bình"]["htxs_status"] == "tie"
    assert people["Lê Văn Cường"]["htxs_status"] == "tie"


def test_all_eligible_and_no_national_cstdcs_quota_from_2024():
    result = unit_json(DATA / "all-eligible.csv")
    assert all(m["eligible_titles"] == ["LDTT", "CSTDCS"] for m in result["members"])
    quota = result["cstdcs"]
    assert quota["none_applies"] is True and quota["max"] is None
    assert {m["cstdcs_status"] for m in result["members"]} == {"within"}
    text = thidua("unit", str(DATA / "all-eligible.csv")).stdout
    assert "Không áp dụng tỷ lệ Chiến sĩ thi đua cơ sở" in text
    assert "Nghị định 91/2017/NĐ-CP" in text


def test_a_year_with_the_old_15_percent_quota_applies_it():
    result = unit_json(DATA / "all-eligible.csv", "--year", "2023")
    # 15 % of 5 LĐTT = 0.75 → 0 by default (floor), and everyone eligible is over.
    assert result["cstdcs"]["max"] == 0
    assert {m["cstdcs_status"] for m in result["members"]} == {"over"}


def test_nobody_eligible():
    result = unit_json(
        DATA / "nobody.csv", "--unit-level", "HTT", "--movement", "co", "--unity", "co"
    )
    assert all(m["eligible_titles"] == [] for m in result["members"])
    assert result["htxs_caps"] == [] and result["cstdcs"]["candidates"] == 0
    assert result["collective"]["eligible_titles"] == []
    assert "TTLDTT" in result["collective"]["not_eligible"]
    assert result["collective"]["counts"]["members_disciplined_canh_cao_or_above"] == 1


def test_collective_titles_from_the_member_shares():
    result = unit_json(
        DATA / "all-eligible.csv", "--unit-level", "HTXS", "--movement", "co", "--unity", "co"
    )
    collective = result["collective"]
    assert collective["counts"]["members_ldtt"] == 5
    assert collective["counts"]["members_cstdcs"] == 5
    assert "TTLDXS" in collective["eligible_titles"]
    without = unit_json(DATA / "all-eligible.csv")
    assert without["collective"]["needed"] == ["unit_level", "movement", "unity"]


def test_bad_rows_are_listed_with_row_column_value_and_what_is_allowed():
    proc = thidua("unit", str(DATA / "bad-rows.csv"), "--json")
    assert proc.returncode == 0
    result = json.loads(proc.stdout)
    assert [m["name"] for m in result["members"]] == ["Nguyễn Văn An"]
    found = {(p["row"], p["column"], p["value"]) for p in result["problems"]}
    assert found == {
        (3, "Nhóm đối tượng", "giáo viên"),
        (4, "Xếp loại", "Xuất sắc"),
        (5, "Mã", "M001"),
        (6, "Số phiếu đồng ý", "mười"),
        (7, "Họ và tên", ""),
    }
    assert [r["row"] for r in result["invalid_rows"]] == [3, 4, 5, 6, 7]
    assert "Dòng 3, cột “Nhóm đối tượng”: “giáo viên” không hợp lệ; cho phép: cán bộ" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_wrong_header_is_refused_with_exit_2():
    proc = thidua("unit", str(DATA / "bad-header.csv"))
    assert proc.returncode == 2
    assert "cột “Tên người” không có trong mẫu" in proc.stderr
    assert "thiếu cột “Họ và tên”" in proc.stderr


def test_windows_1258_with_combining_tone_marks_is_read_as_nfc():
    result = unit_json(DATA / "windows-1258.csv")
    assert result["encoding"] == "windows-1258"
    assert result["invalid_rows"] == []
    assert result["members"][0]["name"] == "Nguyễn Văn An"
    assert result["htxs_caps"][0]["role"] == "vien_chuc"


def test_combining_marks_in_utf8_and_tabs_are_read_as_nfc():
    result = unit_json(DATA / "combining.tsv")
    assert [m["name"] for m in result["members"]] == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
    ]


def test_broken_encoding_is_reported_per_row_and_the_other_rows_kept():
    result = unit_json(DATA / "broken-encoding.csv")
    assert len(result["members"]) == 2
    assert [r["row"] for r in result["invalid_rows"]] == [4]
    assert {p["reason"] for p in result["problems"]} == {"encoding"}


def test_unreadable_file_and_unmodelled_year_exit_2(tmp_path):
    proc = thidua("unit", str(tmp_path / "khong-co.csv"))
    assert proc.returncode == 2 and "không đọc được tệp" in proc.stderr
    proc = thidua("unit", str(TEMPLATE), "--year", "1990")
    assert proc.returncode == 2 and "cho phép: 2019" in proc.stderr


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("level", "hoàn thành tốt nhiệm vụ", "HTT"),
        ("level", "HTXS", "HTXS"),
        ("role", "Viên chức", "vien_chuc"),
        ("score", "92,5", 92.5),
        ("months", "12", 12),
        ("date", "15/03/2026", "2026-03-15"),
        ("bool", "Có", True),
        ("votes", "0", 0),
    ],
)
def test_values_people_type_are_understood(kind, text, value):
    assert members.parse_value(kind, text) == (True, value)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("level", "giỏi"),
        ("role", "giáo viên"),
        ("score", "101"),
        ("months", "13"),
        ("date", "31/02/2026"),
        ("rank", "0"),
        ("votes", "-1"),
        ("count", "x"),
    ],
)
def test_values_outside_the_vocabulary_are_refused(kind, text):
    assert members.parse_value(kind, text) == (False, None)


def test_paste_from_a_spreadsheet_uses_tabs():
    header = "\t".join(c["header"] for c in COLUMNS)
    line = "\t".join(["1", "Nguyễn Văn An", "", "", "công chức", "", "HTT"] + [""] * 10)
    read = members.read_text(header + "\n" + line + "\n")
    assert read["problems"] == [] and read["members"][0]["role"] == "cong_chuc"
