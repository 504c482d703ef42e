"""Front matter of legal documents: each bad value gives one message naming file, line, field."""

from __future__ import annotations

import datetime as dt

import pytest
from thidua.errors import ContentError
from thidua.legal.metadata import field_lines, split_front_matter, validate
from thidua.legal.registry import collect_registry, load_registry

from .support import document, write


def _meta(text: str):
    data, _, _ = split_front_matter(text, "x.md")
    return validate(data, "x.md", field_lines(text))


def test_valid_front_matter_is_read():
    meta = _meta(
        document("90/2020/NĐ-CP", "", ngay_ban_hanh="2020-08-13", thay_the='["56/2015/NĐ-CP"]')
    )
    assert meta.so_hieu == "90/2020/NĐ-CP"
    assert meta.ngay_ban_hanh == dt.date(2020, 8, 13)
    assert meta.relations["thay_the"] == ["56/2015/NĐ-CP"]
    assert meta.nam == 2020


@pytest.mark.parametrize(
    "so_hieu", ["06/2022/QH15", "98/2023/NĐ-CP", "01/2024/TT-BNV", "124-QĐ/TW", "21-HD/BTCTW"]
)
def test_document_numbers_of_every_shape_are_accepted(so_hieu):
    assert _meta(document(so_hieu, "")).so_hieu == so_hieu


def test_front_matter_lines_are_the_file_lines():
    """Read by the one line-aware loader: a key's line is its line in the page."""
    data, _, _ = split_front_matter("---\na: 1\nb:\n  - x\n---\n# T\n", "x.md")
    assert (data.lines["a"], data.lines["b"], data["b"].lines[0]) == (2, 3, 4)


def test_an_impossible_date_deeper_in_front_matter_is_named_at_its_line():
    text = "---\ntitle: T\nso_sanh:\n  ngay:\n    - 2020-02-30\n---\n# T\n"
    with pytest.raises(ContentError) as info:
        split_front_matter(text, "x.md")
    error = info.value
    assert (error.file, error.line, error.field) == ("x.md", 5, "ngay")
    assert "'2020-02-30' là ngày không có thật" in error.found


def test_body_offset_counts_front_matter_lines():
    _, body, offset = split_front_matter("---\na: 1\nb: 2\n---\n# T\n", "x.md")
    assert offset == 4 and body == "# T\n"


def _error(docs, text: str, name: str = "van-ban/bad.md") -> ContentError:
    write(docs, name, text)
    with pytest.raises(ContentError) as info:
        load_registry(docs)
    return info.value


def test_malformed_front_matter(docs):
    error = _error(docs, "---\nso_hieu: 1/2020/NĐ-CP\nten: [không đóng\n---\n# T\n")
    assert error.file == "docs/van-ban/bad.md" and error.line == 3
    assert error.field == "front matter" and "YAML" in error.found
    assert "\n" not in error.message.split("\n    example")[0]


def test_unknown_status(docs):
    error = _error(docs, document("7/2020/NĐ-CP", "", tinh_trang="con_hieu_luc_mot_phan"))
    assert error.message.startswith("docs/van-ban/bad.md:6: tinh_trang: unknown status")
    assert "het_hieu_luc_mot_phan" in error.allowed


def test_a_date_that_is_not_a_date(docs):
    error = _error(docs, document("7/2020/NĐ-CP", "", ngay_hieu_luc="20/08/2020"))
    assert (error.line, error.field) == (7, "ngay_hieu_luc")
    assert "'20/08/2020' is not a date" in error.found and error.allowed == "YYYY-MM-DD"


def test_an_impossible_date(docs):
    error = _error(docs, document("7/2020/NĐ-CP", "", ngay_ban_hanh="2020-02-30"))
    assert (error.line, error.field) == (7, "ngay_ban_hanh") and "không có thật" in error.found


def test_unknown_kind_and_bad_number(docs):
    error = _error(docs, document("7/2020/NĐ-CP", "", loai_van_ban="Chỉ thị"))
    assert error.field == "loai_van_ban" and "Nghị định" in error.allowed
    error = _error(docs, document("NĐ 7 năm 2020", ""))
    assert error.field == "so_hieu" and error.line == 2


def test_missing_required_field(docs):
    text = document("7/2020/NĐ-CP", "").replace("co_quan_ban_hanh: Chính phủ\n", "")
    error = _error(docs, text)
    assert error.field == "co_quan_ban_hanh" and error.found == "missing"


def test_unknown_field_is_named(docs):
    error = _error(docs, document("7/2020/NĐ-CP", "", tinh_trng="con_hieu_luc"))
    assert error.field == "tinh_trng" and error.line == 7 and "tinh_trang" in error.allowed


def test_duplicate_so_hieu_names_both_files(docs):
    error = _error(docs, document("01/2099/QH99", "", loai_van_ban="Luật"), "van-ban/z-copy.md")
    assert error.file == "docs/van-ban/z-copy.md" and error.field == "so_hieu"
    assert "docs/van-ban/luat-01-2099.md" in error.found


def test_relation_to_a_missing_document(docs):
    error = _error(docs, document("7/2020/NĐ-CP", "", thay_the='["99/1999/NĐ-CP"]'))
    assert (error.file, error.line, error.field) == ("docs/van-ban/bad.md", 7, "thay_the")
    assert "99/1999/NĐ-CP is not a document" in error.found


def test_relations_written_both_ways_must_agree(docs):
    # nd-03-2098 says it was replaced by someone else than nd-02-2099, which replaces it.
    path = docs / "van-ban" / "nd-03-2098.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "chi_sieu_du_lieu: true", 'chi_sieu_du_lieu: true\nbi_thay_the_boi: ["01/2099/QH99"]'
        ),
        encoding="utf-8",
    )
    _, errors = collect_registry(docs)
    fields = {(e.file, e.field) for e in errors}
    assert ("docs/van-ban/nd-03-2098.md", "bi_thay_the_boi") in fields


def test_unverified_entry_must_name_a_clause(docs):
    error = _error(
        docs, document("7/2020/NĐ-CP", "#### Điều 1. A\n\nB.\n", chua_xac_minh='["Điều 2"]')
    )
    assert error.field == "chua_xac_minh" and "Điều 1" in error.allowed
