"""The checklist core: lines, thresholds, examples, ladder and diff from the real data."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
from thidua.checklist import conditions, diff, examples, ladder, lines
from thidua.criteria import load_rules
from thidua.errors import ContentError
from thidua.evaluator.cases import load_cases

ROOT = Path(__file__).resolve().parents[2]
TD_2024 = "luat-06-2022+nd-98-2023+tt-01-2024"
TD_2019 = "luat-15-2003+luat-39-2013+nd-91-2017"
ALL_TITLES = {
    "LDTT",
    "CSTT",
    "CSTDCS",
    "CSTD_BO",
    "CSTDTQ",
    "TTLDTT",
    "TTLDXS",
    "CO_THI_DUA_BO",
    "CO_THI_DUA_CP",
}


def _page(plan, code):
    return next(p for p in plan.title_pages if p.code == code)


def _block(page, rule_id):
    return next(b for b in page.blocks if b.rule_id == rule_id)


def test_years_text_joins_runs():
    assert lines.years_text([2019, 2020, 2021, 2023, 2025, 2026]) == "2019–2021, 2023, 2025–2026"
    assert lines.years_text([2024]) == "2024"


def test_threshold_comes_from_the_parameters_not_the_text(rules, wording):
    vi, en = wording("vi"), wording("en")

    def shown(cid: str, said=vi) -> str:
        return said(conditions.threshold(rules.criteria[cid]))

    crit = copy.deepcopy(rules.criteria["td.tuyen-dung-6-thang"])
    assert vi(conditions.threshold(crit)) == "tuyển dụng ≥ 6 tháng"
    crit["at_least"] = 8
    assert vi(conditions.threshold(crit)) == "tuyển dụng ≥ 8 tháng"
    assert shown("dg335.diem-90", en) == "≥ 90 points"
    assert shown("tt.tren-50-ldtt") == "> 50 %"
    assert shown("td.cstdbo.chuoi-3-cstdcs") == "3 năm liên tục"
    assert conditions.threshold(rules.criteria["td.tinh-than-thi-dua"]) is None


def test_a_threshold_is_data_the_words_come_at_the_edge(rules):
    """The core gives the numbers and the phrase's key, no words of its own."""
    from thidua.checklist.said import Said

    crit = rules.criteria["td.tuyen-dung-6-thang"]
    assert conditions.threshold(crit) == Said("units.recruited", {"cmp": "≥", "n": "6"})


def test_shape_pairs_the_recruitment_criteria(rules):
    six, ten = rules.criteria["td.tuyen-dung-6-thang"], rules.criteria["td.tuyen-dung-10-thang"]
    assert conditions.shape(six) == conditions.shape(ten)
    assert conditions.numbers(six) != conditions.numbers(ten)


def test_every_title_has_a_page_with_a_block_per_rule_set(plan_vi, rules):
    assert {p.code for p in plan_vi.title_pages} == ALL_TITLES
    for page in plan_vi.title_pages:
        assert [b.rule_id for b in page.blocks] == [
            "luat-06-2022+nd-152-2025+tt-01-2024",
            TD_2024,
            TD_2019,
        ], page.code
        for block in page.blocks:
            assert block.lines(), (page.code, block.rule_id)
            assert block.years, (page.code, block.rule_id)


def test_ldtt_lines_follow_the_rule_set_in_order(plan_vi, rules):
    block = _block(_page(plan_vi, "LDTT"), TD_2024)
    title = next(t for t in rules.thi_dua[TD_2024]["individual_titles"] if t["title"] == "LDTT")
    assert [line.criterion for line in block.lines()] == [b["criterion"] for b in title["criteria"]]
    first = block.lines()[0]
    assert [c.basis for c in first.citations] == ["Luật 06/2022/QH15 Điều 24 khoản 1 điểm a"]
    assert first.text == rules.criteria["td.xep-loai-htt"]["text"]["vi"]
    assert block.years_text == "2024"
    assert "Thông tư 01/2024/TT-BNV" in block.documents


def test_cstdcs_nests_the_alternatives_of_any_of(plan_vi, wording):
    block = _block(_page(plan_vi, "CSTDCS"), TD_2019)
    top = block.sections[0].parts[0].lines
    assert [line.criterion for line in top] == ["td.chuan-ldtt", "td.cstdcs.thanh-tich"]
    alternatives = top[1].alternatives
    assert [a.criterion for a in alternatives] == ["td.cstdcs.htxs", "td.cstdcs.sang-kien"]
    # Before 2024 HTXS does not stand in for an initiative by default.
    notes = [wording("vi")(note) for note in alternatives[0].notes]
    assert any("Mặc định không áp dụng" in note for note in notes)
    assert not any("cstdcs_htxs_alternative" in note for note in notes)


def test_line_ids_are_unique_per_page(plan_vi):
    for page in [*plan_vi.title_pages, *plan_vi.role_pages]:
        ids = [line.id for block in page.blocks for line in block.lines()]
        assert len(ids) == len(set(ids)), page.slug


def test_role_pages_cover_levels_and_branches(plan_vi, wording):
    page = next(p for p in plan_vi.role_pages if p.role == "cong_chuc")
    assert [b.rule_id for b in page.blocks] == [
        "nd-335-2025",
        "nd-90-2020+nd-48-2023",
        "nd-90-2020",
    ]
    points = page.blocks[0]
    keys = [s.anchor for s in points.sections]
    assert keys == ["gates", "khtnv", "htxs", "htt", "htnv"]
    htxs = points.sections[2]
    assert [p.anchor for p in htxs.parts] == ["htxs-non-leader", "htxs-leader"]
    assert wording("vi")(htxs.parts[0].lines[0].condition) == "≥ 90 điểm"
    assert {p.role for p in plan_vi.role_pages} == {
        "can_bo",
        "cong_chuc",
        "vien_chuc",
        "collective",
    }
    collective = next(p for p in plan_vi.role_pages if p.role == "collective")
    assert [b.rule_id for b in collective.blocks] == ["nd-233-2026-don-vi", "nd-335-2025-co-quan"]
    assert all(b.years == [2026] for b in collective.blocks)
    assert {t.rule_id for t in plan_vi.text_only} == {"nd-56-2015+nd-88-2017", "nguoi-lao-dong"}


def _explained(rules, case):
    from thidua.evaluator import evaluate

    return evaluate(case.profile(), load_rules(ROOT))


def test_checklist_citations_equal_the_evaluator_explanation(plan_vi, rules):
    """Every criterion the evaluator explains is a checklist line with the same basis."""
    cases, _ = load_cases(ROOT)
    titles = {p.code: p for p in plan_vi.title_pages}
    roles = {p.role: p for p in plan_vi.role_pages}
    compared = 0
    for case in cases:
        expected = case.data.get("expected") or {}
        if case.data["subject"] != "individual" or expected.get("exit_status", 0):
            continue
        if case.layer:  # an institution's layer: not the national checklists
            continue
        result = _explained(rules, case)
        year = case.data["evaluation_year"]
        inputs = case.data.get("inputs") or {}
        branch = "leader" if inputs.get("leader") else "non_leader"
        for entry in result["explanation"]:
            scope = entry["scope"]
            if scope in titles:
                block = _block(titles[scope], rules.years[year]["thi_dua"])
                found = block.lines()
            elif scope in ("gate", "KHTNV", "HTXS", "HTT", "HTNV"):
                if "classification_input" in inputs:
                    continue
                rule_id = result["rules"]["danh_gia"]
                block = _block(roles[inputs["role"]], rule_id)
                key = {"gate": "gates"}.get(scope, scope.lower())
                section = next(s for s in block.sections if s.anchor == key)
                parts = (
                    section.parts
                    if key == "gates"
                    else [p for p in section.parts if p.anchor.endswith(branch.replace("_", "-"))]
                )
                found = [line for p in parts for top in p.lines for line in top.all_lines()]
            else:
                continue
            bases = [
                [c.basis for c in line.citations]
                for line in found
                if line.criterion == entry["criterion"]
            ]
            assert entry["legal_basis"] in bases, (case.id, scope, entry["criterion"], bases)
            compared += 1
    assert compared > 300


def test_unverified_marks_follow_the_u_table(plan_vi):
    block = _block(_page(plan_vi, "CSTD_BO"), TD_2024)
    assert all(line.unverified for line in block.lines())  # Điều 22: number derived
    ldtt = _block(_page(plan_vi, "LDTT"), TD_2024)
    assert not ldtt.lines()[0].unverified


def test_examples_are_cases_of_the_rule_set_and_answer_in_the_language(plan_vi, plan_en, wording):
    block = _block(_page(plan_vi, "LDTT"), TD_2019)
    assert block.examples, "LĐTT 2019–2023 has cases in data/cases"
    for example in block.examples:
        assert example.file.startswith("data/cases/")
        assert example.profile and wording("vi")(example.answer)
    english = _block(_page(plan_en, "LDTT"), TD_2019).examples[0]
    assert english.case_id == block.examples[0].case_id
    answer = wording("en")(english.answer)
    assert "Advanced Worker" in answer or "LĐTT" in answer


def test_profile_in_words(rules, wording):
    cases, _ = load_cases(ROOT)
    case = next(c for c in cases if c.id == "DH01")
    words = [wording("vi")(p) for p in examples.describe(case, rules, "vi")]
    assert words[0] == "Công chức, năm đánh giá 2024"
    assert "tuyển dụng ngày 01/07/2024" in words
    assert "làm việc 6 tháng trong năm" in words
    english = [wording("en")(p) for p in examples.describe(case, rules, "en")]
    assert "recruited on 01/07/2024" in english  # dd/mm/yyyy on English pages too


def test_the_profile_is_data_worded_at_the_edge(rules):
    """The core says which phrase and which codes, dates and numbers; no words of its own."""
    from thidua.checklist.said import Code, Date, Joined, Said

    cases, _ = load_cases(ROOT)
    case = next(c for c in cases if c.id == "DH01")
    phrases = examples.describe(case, rules, "vi")
    assert phrases[0] == Joined((Code("roles", "cong_chuc"), Said("profile.year", {"v": 2024})))
    assert Said("profile.recruited_on", {"v": Date("2024-07-01")}) in phrases
    assert examples.describe(case, rules, "en") == phrases  # no flags: the same data


def test_ladder_from_the_chain_operations(rules, wording, drawings):
    found = ladder.ladders(rules, "vi")
    # 2025–2026 apart from 2024: its LĐTT rests on Thông tư 15/2025 (unverified), so its
    # first step carries the mark (thidua.checklist.status).
    assert [d.years_text for d in found] == ["2025–2026", "2024", "2019–2023"]
    assert found[0].steps[0].unverified and not found[1].steps[0].unverified
    assert [n.code for n in found[0].steps] == ["LDTT", "CSTDCS", "CSTD_BO", "CSTDTQ"]
    labels = [wording("vi")(e.label) for e in found[0].edges]
    assert "3 năm liên tục đạt CSTĐCS" in labels
    assert "2 lần liên tục đạt CSTĐ bộ, tỉnh" in labels
    assert found[0].base == ["LDTT", "CSTT"]
    newest = drawings("vi")[0]
    ttldxs = next(n for n in newest.collective if n.code == "TTLDXS")
    assert "LĐTT ≥ 70 %" in ttldxs.facts
    # The boxes do not overlap and the drawing holds them.
    boxes = sorted((n.y, n.y + n.h) for n in newest.steps)
    assert all(a[1] < b[0] for a, b in zip(boxes, boxes[1:], strict=False))
    assert max(n.y + n.h for n in [*newest.steps, *newest.collective]) <= newest.height


def test_ladder_follows_a_changed_chain(rules, wording):
    changed = copy.copy(rules)
    changed.criteria = copy.deepcopy(rules.criteria)
    changed.criteria["td.cstdbo.chuoi-3-cstdcs"]["count"] = 4
    labels = [wording("vi")(e.label) for e in ladder.build(changed, TD_2024, "vi").edges]
    assert "4 năm liên tục đạt CSTĐCS" in labels


def test_diff_thi_dua_2024_recruitment_threshold(rules, wording):
    found = diff.all_transitions(rules, "vi")
    vi = wording("vi")
    assert [t.slug for t in found] == [
        "danh-gia-2020",
        "danh-gia-2023",
        "thi-dua-2024",
        "thi-dua-2025",
        "danh-gia-2026",
        "danh-gia-2026-vien-chuc",
    ]
    td = next(t for t in found if t.slug == "thi-dua-2024")
    change = next(c for c in td.by_kind("threshold") if vi(c.scope) == "Lao động tiên tiến")
    shown = (vi(change.before), vi(change.after))
    assert shown == ("tuyển dụng ≥ 10 tháng", "tuyển dụng ≥ 6 tháng")
    assert [c.basis for c in change.old] == ["Nghị định 91/2017/NĐ-CP Điều 10"]
    assert [c.basis for c in change.new] == ["Thông tư 01/2024/TT-BNV"]
    removed = [c.text for c in td.by_kind("removed") if vi(c.scope) == "Lao động tiên tiến"]
    assert removed == [rules.criteria["td.khong-ky-luat"]["text"]["vi"]]
    stands_in = "hoàn thành xuất sắc nhiệm vụ có thể thay cho sáng kiến"
    flag = [c for c in td.by_kind("setting") if stands_in in vi(c.text)]
    assert flag and (vi(flag[0].before), vi(flag[0].after)) == ("tắt", "bật")


def test_diff_2026_is_the_move_to_100_points(rules, wording):
    found = diff.all_transitions(rules, "vi")
    vi = wording("vi")
    dg = next(t for t in found if t.slug == "danh-gia-2026")
    assert dg.roles == ["cong_chuc"]
    assert [vi(h) for h in dg.headline] == ["Chuyển sang chấm điểm theo thang 100 điểm."]
    added = [c for c in dg.by_kind("added") if vi(c.after) == "≥ 90 điểm"]
    assert added and [c.basis for c in added[0].new] == ["Nghị định 335/2025/NĐ-CP Điều 20 khoản 1"]
    effects = dg.by_kind("effect")
    assert any(vi(c.after) == "Nếu không đạt: cần xem xét thủ công" for c in effects)


def test_diff_2026_viên_chức_move_to_nd_233(rules):
    """Viên chức move from NĐ 90/2020 (as amended) to NĐ 233/2026 in 2026: the change page
    cites NĐ 233 by clause; the leader-not-above-unit line is among the added ones."""
    found = diff.all_transitions(rules, "vi")
    dg = next(t for t in found if t.slug == "danh-gia-2026-vien-chuc")
    assert dg.roles == ["vien_chuc"]
    bases = {c.basis for change in dg.changes for c in change.new}
    assert "Nghị định 233/2026/NĐ-CP Điều 12 khoản 1" in bases
    assert "Nghị định 233/2026/NĐ-CP Điều 12 khoản 7" in bases


def test_diff_of_equal_rule_sets_is_empty(rules):
    same = diff.compare(rules, "thi_dua", TD_2024, TD_2024, 2024, [], "vi")
    assert same.changes == []


def _data_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def test_a_failing_worked_example_names_file_and_case(tmp_path):
    from thidua.checklist import plan

    root = _data_copy(tmp_path)
    path = root / "data" / "criteria" / "criteria.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "  tt.70-ldtt:\n    op: ratio\n    num: [members_ldtt]\n    den: [members]\n"
    assert marker + "    cmp: ge\n    percent: 70\n" in text
    path.write_text(
        text.replace(
            marker + "    cmp: ge\n    percent: 70\n", marker + "    cmp: ge\n    percent: 75\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        plan(root, "vi")
    message = caught.value.message
    assert message.startswith("data/cases/00-hop-dong-vi-du.yaml:")
    assert "case C27" in message and "worked example" in message


def test_an_empty_checklist_stops_with_the_file(rules):
    broken = copy.copy(rules)
    broken.thi_dua = copy.deepcopy(rules.thi_dua)
    broken.thi_dua[TD_2024]["individual_titles"][0]["criteria"] = []
    with pytest.raises(ContentError) as caught:
        lines.title_block(broken, TD_2024, "LDTT", "vi")
    assert re.search(
        r"thi-dua/luat-06-2022\+nd-98-2023\+tt-01-2024\.yaml:\d+: ", caught.value.message
    )
    assert "empty checklist for LDTT" in caught.value.message
    broken.danh_gia = copy.deepcopy(rules.danh_gia)
    broken.danh_gia["nd-335-2025"]["levels"][0]["leader"] = []
    with pytest.raises(ContentError) as caught:
        lines.role_block(broken, "nd-335-2025", "cong_chuc", "vi")
    assert re.search(r"danh-gia/nd-335-2025\.yaml:\d+: ", caught.value.message)
    assert "htxs.leader" in caught.value.message


def test_picker_entries_cover_every_year(plan_vi, rules):
    years = {e.year for e in plan_vi.entries}
    assert years == set(rules.modelled_years)
    ldtt_2024 = [e for e in plan_vi.entries if e.year == 2024 and e.what == "LDTT"]
    assert [(e.page, e.anchor) for e in ldtt_2024] == [
        ("lao-dong-tien-tien", lines.anchor_of(TD_2024))
    ]
    cc_2026 = [e for e in plan_vi.entries if e.year == 2026 and e.role == "cong_chuc"]
    assert [(e.page, e.anchor) for e in cc_2026] == [("xep-loai-cong-chuc", "nd-335-2025")]
    assert not [e for e in plan_vi.entries if e.year == 2019 and e.what == "classification"]


def test_blocks_link_to_the_change_that_introduced_them(plan_vi):
    ldtt = _page(plan_vi, "LDTT")
    assert [b.change_anchor for b in ldtt.blocks] == ["thi-dua-2025", "thi-dua-2024", None]
    cong_chuc = next(p for p in plan_vi.role_pages if p.role == "cong_chuc")
    assert [b.change_anchor for b in cong_chuc.blocks] == [
        "danh-gia-2026",
        "danh-gia-2023",
        "danh-gia-2020",
    ]
    vien_chuc = next(p for p in plan_vi.role_pages if p.role == "vien_chuc")
    assert [b.rule_id for b in vien_chuc.blocks][:2] == ["nd-233-2026", "nd-90-2020+nd-48-2023"]
    assert vien_chuc.blocks[0].change_anchor == "danh-gia-2026-vien-chuc"
    assert vien_chuc.blocks[1].change_anchor == "danh-gia-2023"
    # NĐ 90/2020 as amended still serves 2026 under the transition (Điều 20 khoản 1).
    assert 2026 in vien_chuc.blocks[1].years
    assert any("Điều 20 khoản 1" in str(note) for note in vien_chuc.blocks[1].notes)
    gates = next(s for s in vien_chuc.blocks[0].sections if s.anchor == "gates")
    cap = [
        x
        for part in gates.parts
        for x in part.lines
        if x.criterion.endswith("khong-cao-hon-don-vi")
    ]
    assert cap and [c.basis for c in cap[0].citations] == [
        "Nghị định 233/2026/NĐ-CP Điều 12 khoản 7"
    ]


def test_profile_in_words_names_the_general_criteria(rules, wording):
    cases, _ = load_cases(ROOT)
    case = next(c for c in cases if c.id == "XL10")
    words = "; ".join(wording("vi")(p) for p in examples.describe(case, rules, "vi"))
    assert "đạo đức, lối sống: không đáp ứng" in words
    assert "_" not in words


def test_cstdcs_states_the_quota_with_its_citation(plan_vi, wording):
    block = _block(_page(plan_vi, "CSTDCS"), TD_2019)
    notes = [wording("vi")(note) for note in block.sections[0].notes]
    assert any("15 %" in n and "[[Nghị định 91/2017/NĐ-CP Điều 9 khoản 3]]" in n for n in notes)
