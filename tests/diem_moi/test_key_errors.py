"""The ``so_sanh`` key reports every problem at once, each with the line of the page.

The key is read with the line-aware loader and checked with the project's spec
validator: an editor who made three mistakes sees three errors, not the first only —
in ``thidua check`` (``check_comparisons``) and when the build stops (``read_config``).
"""

from __future__ import annotations

import pytest
from thidua.content_errors import ContentErrors
from thidua.legal import diem_moi
from thidua.legal.registry import load_registry

from .support import docs_copy

# so_sanh is line 9 of luat-moi.md: the mistakes are on lines 11 (unknown key),
# 13 (an article this document lacks) and 16 (a row without its clause).
THREE_MISTAKES = """so_sanh:
  voi: "01/2098/QH98"
  anhxa: {}
  anh_xa:
    "Điều 3": "Điều 3"
  diem_khac:
    - chu_de: Sáng kiến
      truoc: Bắt buộc
    - chu_de: Danh hiệu
      dan_chieu: "Điều 2"
"""


def _luat_moi(comparisons):
    (comparison,) = [c for c in comparisons if c.document.so_hieu == "02/2099/QH99"]
    return comparison


def _docs(tmp_path, so_sanh: str):
    docs = docs_copy(tmp_path, so_sanh)
    return load_registry(docs), docs


def test_three_mistakes_are_three_errors_with_their_lines(tmp_path):
    registry, docs = _docs(tmp_path, THREE_MISTAKES)
    errors = diem_moi.check_comparisons(registry, docs)
    assert [(e.file, e.line, e.field) for e in errors] == [
        ("docs/van-ban/luat-moi.md", 11, "so_sanh"),
        ("docs/van-ban/luat-moi.md", 13, "so_sanh.anh_xa"),
        ("docs/van-ban/luat-moi.md", 15, "so_sanh.diem_khac[1].dan_chieu"),
    ]
    assert errors[0].found == "unknown key 'anhxa'"
    assert errors[0].allowed == "voi, anh_xa, diem_khac"
    assert errors[1].found == "'Điều 3' is not an article of Luật 02/2099/QH99 in the portal"
    assert errors[1].allowed == "its articles: Điều 1, Điều 2, Điều 4, Điều 6"
    assert errors[2].found == "missing"


def test_the_build_stops_with_every_problem(tmp_path):
    registry, docs = _docs(tmp_path, THREE_MISTAKES)
    with pytest.raises(ContentErrors) as caught:
        diem_moi.build_comparisons(registry, docs)
    lines = [line for line in caught.value.message.splitlines() if not line.startswith(" ")]
    assert [line.split(": ")[0] for line in lines] == [
        "docs/van-ban/luat-moi.md:11",
        "docs/van-ban/luat-moi.md:13",
        "docs/van-ban/luat-moi.md:15",
    ]


@pytest.mark.parametrize(
    ("so_sanh", "expected"),
    [
        (
            'so_sanh:\n  voi: "01/2098/QH98"\n  diem_khac:\n    - chu_de: A\n'
            "      dan_chieu: Điều 2\n      chua_xac_minh: có\n",
            [(14, "so_sanh.diem_khac[1].chua_xac_minh", "found 'có'", "true or false")],
        ),
        (
            'so_sanh:\n  voi: "01/2098/QH98"\n  diem_khac: {chu_de: A}\n',
            [(11, "so_sanh.diem_khac", "found a mapping", "a list")],
        ),
        (
            "so_sanh: [01/2098/QH98]\n",
            [(9, "so_sanh", "found a list", "a mapping with voi, anh_xa?, diem_khac?")],
        ),
        (
            'so_sanh:\n  voi: "không rõ"\n  anh_xa:\n    "Khoản 2": mới\n',
            [
                (10, "so_sanh.voi", "found 'không rõ'", "the số hiệu of the earlier document"),
                (12, "so_sanh.anh_xa", "'Khoản 2' is not an article", '"Điều N"'),
            ],
        ),
    ],
    ids=["flag-not-bool", "rows-not-a-list", "key-not-a-mapping", "bad-voi-and-bad-mapping"],
)
def test_shape_problems_name_line_found_and_allowed(tmp_path, so_sanh, expected):
    registry, docs = _docs(tmp_path, so_sanh)
    errors = diem_moi.check_comparisons(registry, docs)
    assert [(e.line, e.field, e.found, e.allowed) for e in errors] == expected


def test_a_good_key_still_reads_with_its_mapping_and_differences(tmp_path):
    registry, docs = _docs(tmp_path, 'so_sanh: "01/2098/QH98"\n')
    comparison = _luat_moi(diem_moi.build_comparisons(registry, docs))
    assert comparison.config.voi == "01/2098/QH98"
    assert comparison.config.line == 9
    good = docs_copy(tmp_path / "ok")
    comparison = _luat_moi(diem_moi.build_comparisons(load_registry(good), good))
    assert comparison.config.mapping == {"4": "3"}
    assert comparison.config.mapping_lines == {"4": 12}
    (difference,) = comparison.config.differences
    assert (difference.chu_de, difference.citation, difference.line) == (
        "Sáng kiến",
        "02/2099/QH99 Điều 4 khoản 2",
        14,
    )



def test_yaml_that_does_not_parse_is_named_at_the_line_of_the_page(tmp_path):
    # The page is broken after the register was read (the register would stop first):
    # so_sanh is line 9, the bracket opened on line 11 is never closed.
    registry, docs = _docs(tmp_path, THREE_MISTAKES)
    broken = 'so_sanh:\n  voi: "01/2098/QH98"\n  anh_xa: {"Điều 3": "Điều 3"\n'
    docs_copy(tmp_path / "again", broken)
    page = "van-ban/luat-moi.md"
    (docs / page).write_text((tmp_path / "again" / "docs" / page).read_text("utf-8"), "utf-8")
    document = registry.by_so_hieu["02/2099/QH99"]
    errors = diem_moi.check_config(document, registry, docs)
    assert [(e.file, e.line, e.field) for e in errors] == [
        ("docs/van-ban/luat-moi.md", 11, "(YAML)")
    ]
