"""One source of truth for "chưa xác minh" (issue 17 item 5): the criteria data and its
[U] table decide, and the checklists, the title ladder and the Tiêu chí page all show the
same mark for every title (not only Tập thể lao động tiên tiến)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from thidua.checklist import ladder, lines, status
from thidua.errors import ContentError
from thidua_mkdocs import render
from thidua_testing import load_hook

ROOT = Path(__file__).resolve().parents[2]


def _hook():
    return load_hook("hook_checklist")


def _checklist_unverified(rules, rule_id: str, code: str) -> bool:
    block = lines.title_block(rules, rule_id, code, "vi")
    return bool(block.reviews) or any(line.unverified for line in block.lines())


def test_ladder_marks_exactly_the_titles_the_checklists_mark(rules):
    checked = 0
    for drawing in ladder.ladders(rules, "vi"):
        for rule_id in drawing.rule_ids:
            for node in drawing.collective:
                assert node.unverified is _checklist_unverified(rules, rule_id, node.code)
                checked += 1
            for node in drawing.steps[1:]:
                assert node.unverified is _checklist_unverified(rules, rule_id, node.code)
                checked += 1
    assert checked > 20


def test_ttldtt_2024_on_is_not_drawn_as_fact(rules, drawings):
    drawing = next(d for d in drawings("vi") if "2024" in d.years_text)
    node = next(n for n in drawing.collective if n.code == "TTLDTT")
    assert node.unverified and node.rows[-1].text == "chưa xác minh với văn bản chính thức"
    assert any(
        t.startswith("Danh hiệu tập thể: Tập thể lao động tiên tiến")
        and t.endswith("— chưa xác minh với văn bản chính thức")
        for t in drawing.text_lines
    )
    svg = render.template("checklist/ladder.svg.j2", l=drawing, lang="vi")
    group = re.search(r'<g class="([^"]*)" data-title="TTLDTT">(.*?)</g>', svg, re.S)
    assert "checklist-ladder__node--unverified" in group[1]
    assert '<text class="checklist-ladder__unverified"' in group[2]
    # The 2019–2023 standard (Luật 2003) is verified: drawn without the mark.
    old = next(d for d in ladder.ladders(rules, "vi") if d.years_text == "2019–2023")
    assert not next(n for n in old.collective if n.code == "TTLDTT").unverified


def test_english_ladder_says_unverified(drawings):
    drawing = next(d for d in drawings("en") if "2024" in d.years_text)
    node = next(n for n in drawing.collective if n.code == "CO_THI_DUA_BO")
    assert node.unverified and node.rows[-1].text == "not verified against the official text"


@pytest.mark.parametrize(
    ("lang", "word"),
    [
        ("vi", "chưa xác minh với văn bản chính thức"),
        ("en", "not verified against the official text"),
    ],
)
def test_tieu_chi_page_marks_what_the_data_marks(rules, lang, word):
    name = "index.md" if lang == "vi" else "index.en.md"
    source = (ROOT / "docs" / "tieu-chi" / name).read_text(encoding="utf-8")
    marks = status.marks(rules, lang)
    filled = _hook().fill_marks(source, marks, lang, f"docs/tieu-chi/{name}")
    assert "thidua:x" not in filled
    rule_id = status.current_rule_set(rules)
    for code, mark in marks.items():
        assert f"<!-- thidua:xac-minh {code} -->" in source, code
        # The row holding the marker (filling keeps the lines where they are).
        index = next(i for i, r in enumerate(source.splitlines()) if f"xac-minh {code} " in r)
        row = filled.splitlines()[index]
        shown = f"**{word}** (" in row
        assert shown is _checklist_unverified(rules, rule_id, code), (code, row)
        if shown:
            assert f"(danh-sach/{mark.slug}.md#{lines.anchor_of(rule_id)})" in row
    ttldtt = next(r for r in filled.splitlines() if "thidua" not in r and "TTLĐTT" in r)
    assert "50 %" in ttldtt  # the data's reading, stated with its mark


def test_unknown_title_in_a_marker_names_file_and_line(rules):
    text = "# Trang\n\nDòng <!-- thidua:xac-minh KHONG_CO -->\n"
    with pytest.raises(ContentError) as caught:
        _hook().fill_marks(text, status.marks(rules, "vi"), "vi", "docs/trang.md")
    message = caught.value.message
    assert "docs/trang.md:3" in message and "KHONG_CO" in message and "TTLDTT" in message
