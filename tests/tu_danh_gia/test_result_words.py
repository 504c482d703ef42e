"""The evaluator's reasons are plain words (issue 12: the core returns codes and numbers,
wording happens from the templates, never by rewriting program text).

The JSON ``reason`` of every level not reached and title not eligible, every
``manual_review_reasons`` text and every explanation line, for every case of
``data/cases/`` and a few profiles written for the issue, in Vietnamese and English:
no criterion id, field path, code, flag name or program value (``internal_words.leaks``,
the scanner of the self-evaluation page); and ``thidua evaluate``'s text output keeps
the "; " between the parts of a reason (it was eaten by the old rewriting).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from internal_words import leaks
from thidua.cli import main
from thidua.criteria import load_rules
from thidua.evaluator import ProfileError, evaluate
from thidua.evaluator.cases import load_cases
from thidua.evaluator.wording import Wording

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules(ROOT)

# The profile of the issue: a score below every band, a Party reprimand of the year,
# maternity leave.
ISSUE_12 = {
    "evaluation_year": 2026,
    "subject": "individual",
    "role": "vien_chuc",
    "score_total": 49.5,
    "discipline": [
        {
            "system": "dang",
            "form": "khien_trach",
            "decided_on": "2026-03-01",
            "violation_year": 2026,
        }
    ],
    "leave": [{"kind": "thai_san", "months": 3}],
}
# A leader whose unit is rated lower, with an initiative, earlier titles, discipline set
# aside by NĐ 48/2023 and the HTXS alternative switched off.
LEADER_2024 = {
    "evaluation_year": 2024,
    "subject": "individual",
    "role": "cong_chuc",
    "leader": True,
    "unit_classification": "HTT",
    "general_criteria": {
        "chinh_tri_tu_tuong": "tot",
        "dao_duc_loi_song": "tot",
        "tac_phong_le_loi": "tot",
        "y_thuc_to_chuc_ky_luat": "tot",
    },
    "leadership_criterion_5a": "tot",
    "unit": {
        "targets_total": 10,
        "targets_completed": 10,
        "targets_on_time_quality": 9,
        "targets_exceeded": 6,
    },
    "sub_units": {"total": 4, "htnv_or_above": 4, "htt_or_above": 3},
    "tasks": {
        "assigned": 20,
        "completed": 20,
        "on_time_with_quality": 20,
        "exceeded": 4,
        "efficiency": "high",
    },
    "initiatives": [{"kind": "sang_kien", "year": 2024, "recognised_at": "co_so"}],
    "prior_titles": {2023: ["LDTT", "CSTDCS"], 2022: ["LDTT", "CSTDCS"]},
    "discipline": [
        {
            "system": "hanh_chinh",
            "form": "canh_cao",
            "decided_on": "2024-02-01",
            "violation_year": 2022,
            "already_used_for_rating_year": 2022,
        }
    ],
    "flags": {"cstdcs_htxs_alternative": False},
}
# A head of a public unit rated higher than the unit (NĐ 233/2026 Điều 12 khoản 7).
HEAD_2026 = {
    "evaluation_year": 2026,
    "subject": "individual",
    "role": "vien_chuc",
    "leader": True,
    "score_total": 95,
    "unit_classification": "HTT",
}
WRITTEN = {"issue-12": ISSUE_12, "leader-2024": LEADER_2024, "head-2026": HEAD_2026}


def _profiles():
    cases, errors = load_cases(ROOT)
    assert not errors, errors
    for case in cases:
        if case.layer:
            continue  # a local layer's own words are its editors'
        for flags, _expected in case.variants():
            yield f"{Path(case.file).stem}-{case.id}-{bool(flags)}", case.profile(flags)
    yield from WRITTEN.items()


def _prose(result: dict) -> list[str]:
    """Every text of a result meant for people."""
    texts = [
        item["reason"] for key in ("not_reached", "not_eligible") for item in result[key].values()
    ]
    texts += result["manual_review_reasons"]
    texts += [entry["text"] for entry in result["explanation"]]
    return texts


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_reason_is_plain_words(lang):
    found = []
    for name, profile in _profiles():
        try:
            result = evaluate(profile, RULES, lang)
        except ProfileError:
            assert name not in WRITTEN, name
            continue
        for text in _prose(result):
            found += [f"{name}: {leak}" for leak in leaks(text, lang)]
    assert not found, "\n".join(found[:20])


def test_the_issue_profile_in_words():
    result = evaluate(ISSUE_12, RULES, "vi")
    reason = result["not_reached"]["HTXS"]["reason"]
    assert reason.startswith("Chưa đạt: Tổng điểm từ 90 điểm trở lên — 49,5 (cần ≥ 90); ")
    assert "Thuộc trường hợp không hoàn thành nhiệm vụ vì không đáp ứng: " in reason
    assert "quyết định kỷ luật thứ 1 (Kỷ luật đảng, Khiển trách, ngày 01/03/2026)" in reason
    for program in ("score_total", "discipline[0]", "dang khien_trach", "49.5", "KHTNV"):
        assert program not in reason, program
    titles = result["not_eligible"]
    assert "xếp loại Không hoàn thành nhiệm vụ" in titles["LDTT"]["reason"]
    assert "Chiến sĩ thi đua cơ sở: chưa có năm liên tục nào" in titles["CSTD_BO"]["reason"]
    assert "CSTDCS" not in titles["CSTD_BO"]["reason"]
    texts = [entry["text"] for entry in result["explanation"]]
    assert any(t.endswith(" — Nghỉ thai sản") for t in texts), texts
    english = evaluate(ISSUE_12, RULES, "en")["not_reached"]["HTXS"]["reason"]
    assert (
        "49.5 (needs ≥ 90); Falls under failure to complete duties, as this condition is not"
        " fulfilled: " in english
    )
    assert "disciplinary decision 1 (Party discipline, Reprimand, 01/03/2026)" in english


def test_parts_of_a_leader_in_words():
    result = evaluate(LEADER_2024, RULES, "vi")
    texts = "\n".join(_prose(result))
    assert "quyết định kỷ luật thứ 1 (vi phạm đã dùng để xếp loại năm 2022)" in texts
    assert "tốt, tốt, tốt, tốt" in texts
    assert "sáng kiến, đề tài thứ 1 (Sáng kiến, năm 2024)" in texts
    assert "Chiến sĩ thi đua cơ sở: 3 năm liên tục (2022, 2023, 2024)" in texts
    for program in ("already_used", "unit_classification", "initiatives[0]", "sang_kien"):
        assert program not in texts, program
    head = evaluate(HEAD_2026, RULES, "vi")["not_reached"]["HTXS"]["reason"]
    assert head.startswith("Chưa đạt: Mức tối đa là Hoàn thành tốt nhiệm vụ vì không đáp ứng: ")
    assert head.endswith(
        " — đơn vị xếp loại Hoàn thành tốt nhiệm vụ; bản thân xếp loại Hoàn thành xuất sắc nhiệm vụ"
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_output_keeps_the_separator(tmp_path, capsys, lang):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(ISSUE_12), encoding="utf-8")
    assert main(["evaluate", str(path), "--lang", lang]) == 0
    out = capsys.readouterr().out
    joint = "49,5 (cần ≥ 90); Thuộc trường hợp" if lang == "vi" else "49.5 (needs ≥ 90); Falls"
    assert joint in out
    assert "(cần ≥ 90)Thuộc" not in out and "90)Falls" not in out
    assert not leaks(out, lang), [str(leak) for leak in leaks(out, lang)]
    assert main(["evaluate", str(path), "--lang", lang, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    for text in _prose(result):
        assert not leaks(text, lang), [str(leak) for leak in leaks(text, lang)]


def test_every_field_a_criterion_reads_is_named():
    read: set[str] = set()
    for crit in RULES.criteria.values():
        read.update([crit["field"]] if "field" in crit else [])
        read.update(
            term.lstrip("-") for key in ("num", "den", "fields") for term in crit.get(key, [])
        )
    messages = RULES.labels["messages"]
    unnamed = sorted(name for name in read if f"field_{name}" not in messages)
    assert not unnamed, unnamed
    unused = sorted(k[6:] for k in messages if k.startswith("field_") and k[6:] not in read)
    assert not unused, unused


def test_what_the_profile_lacks_is_named():
    profile = {key: value for key, value in LEADER_2024.items() if key != "tasks"}
    texts = "\n".join(_prose(evaluate(profile, RULES, "vi")))
    # These criteria count as met without the tasks: they say the tasks were not checked.
    assert "— hồ sơ không ghi số nhiệm vụ được giao, số nhiệm vụ đúng tiến độ" in texts
    english = "\n".join(_prose(evaluate(profile, RULES, "en")))
    lacks = "not checked: the tasks assigned, the tasks on time and of quality"
    assert f"— not given in the profile, so {lacks}" in english
    assert "tasks.assigned" not in texts + english
    # A criterion not met for want of them says so.
    fields = {"k": "missing", "fields": ["tasks.assigned"]}
    assert Wording(RULES, "vi").say(fields) == "hồ sơ chưa có số nhiệm vụ được giao"
    said = Wording(RULES, "en").say(fields)
    assert said == "not given in the profile: the tasks assigned"


def test_wording_names_each_value_by_its_name():
    vi, en = Wording(RULES, "vi"), Wording(RULES, "en")
    compare = {"k": "compare", "number": "49.5", "cmp": "ge", "limit": "90"}
    assert vi.say(compare) == "49,5 (cần ≥ 90)"
    assert en.say(compare) == "49.5 (needs ≥ 90)"
    assert vi.say({"k": "titles", "titles": []}) == "không"
    titles = vi.say({"k": "titles", "titles": ["LDTT", "CSTT"]})
    assert titles == "Lao động tiên tiến, Chiến sĩ tiên tiến"
    assert vi.say({"k": "classification_is", "level": None}) == "xếp loại —"
    assert vi.say({"k": "value", "value": True}) == "có"
    assert en.say({"k": "value", "value": "high"}) == "High"
    assert en.say({"k": "has_leave", "leave_kinds": ["thai_san"]}) == "Maternity leave"


def test_a_met_criterion_the_profile_lacks_reads_as_not_checked():
    """Met for want of data, it says the field was not checked, not that it falls short."""
    tasks = {key: value for key, value in LEADER_2024["tasks"].items() if key != "efficiency"}
    profile = {**LEADER_2024, "leader": False, "tasks": tasks}
    texts = "\n".join(_prose(evaluate(profile, RULES, "vi")))
    met = "Hiệu quả cao (khi hồ sơ ghi mức hiệu quả) — hồ sơ không ghi hiệu quả công việc"
    assert f"{met} nên không xét" in texts
    assert "hồ sơ chưa có hiệu quả công việc" not in texts
    english = "\n".join(_prose(evaluate(profile, RULES, "en")))
    assert "— not given in the profile, so not checked: the work efficiency" in english
