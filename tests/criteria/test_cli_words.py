"""``thidua evaluate`` in words: every case of data/cases/, in both languages.

The text output names codes with the labels data and rule sets with their documents,
writes numbers as people do (89,99 in Vietnamese) and prints no rule id, code, field
name or program value. A refused profile prints nothing on stdout; its messages on
stderr name the field path, as the contract asks, and never a program value.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from thidua.cli import main
from thidua.criteria import load_rules
from thidua.evaluator.cases import load_cases

ROOT = Path(__file__).resolve().parents[2]
CASES, _ = load_cases(ROOT)
RULES = load_rules(ROOT)
# The names of the labels data are words chosen by editors (English names carry the
# Vietnamese abbreviation, "Advanced Soldier (CSTT)"): they are not scanned.
NAMES = sorted(
    {
        text
        for group in ("levels", "titles", "roles", "subjects")
        for pair in RULES.labels[group].values()
        for text in pair.values()
    },
    key=len,
    reverse=True,
)
# What a person must never read: snake_case names, ASCII title codes, rule ids,
# rule-set ids, indexes into the profile, program values.
PROGRAM_TEXT = re.compile(
    r"\b[a-z]+_[a-z0-9_]+\b"
    r"|\b(LDTT|CSTT|CSTDCS|CSTD_BO|CSTDTQ|TTLDTT|TTLDXS|CO_THI_DUA_\w+|NOT_CLASSIFIED)\b"
    r"|\b(dg|td|tc|quy-tac|dg\d+)\.[a-z0-9][a-z0-9.-]*"
    r"|\b(nd|luat|tt)-\d+-\d{4}"
    r"|\[\d+\]"
    r"|\b(None|True|False|null|undefined|NaN|nan|Infinity)\b|0x[0-9a-f]"
)
PROGRAM_VALUES = re.compile(r"\b(None|True|False|nan|NaN|undefined)\b|0x[0-9a-f]|Traceback")


def _runs():
    for case in CASES:
        for flags, _expected in case.variants():
            yield pytest.param(case, flags, id=f"{Path(case.file).stem}-{case.id}-{bool(flags)}")


def _evaluate(capsys, path: Path, case, lang: str) -> tuple[int, str, str]:
    argv = ["evaluate", str(path), "--lang", lang]
    if case.layer:
        argv += ["--layer", case.layer]
    status = main(argv)
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.mark.parametrize(("case", "flags"), list(_runs()))
def test_text_output_has_no_program_words(case, flags, tmp_path, capsys):
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(case.profile(flags), ensure_ascii=False), encoding="utf-8")
    for lang in ("vi", "en"):
        status, out, err = _evaluate(capsys, path, case, lang)
        assert status in (0, 2), err
        assert not PROGRAM_VALUES.search(out + err), out + err
        if status == 2:
            assert out == "" and err.strip(), (out, err)
            continue
        plain = out
        for name in NAMES:
            plain = plain.replace(name, "")
        found = sorted({m[0] for m in PROGRAM_TEXT.finditer(plain)})
        assert not found, f"{case.file} {case.id} ({lang}): {found}\n{out}"
        if lang == "vi":
            assert not re.search(r"\b\d+\.\d+\b", out.replace("06/2022", "")), out


def test_every_case_is_run():
    assert len(CASES) >= 150


def test_numbers_and_names_in_words(tmp_path, capsys):
    path = tmp_path / "p.yaml"
    path.write_text(
        "evaluation_year: 2026\nsubject: individual\nrole: cong_chuc\nscore_total: 89.99\n",
        encoding="utf-8",
    )
    assert main(["evaluate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Tổng điểm từ 90 điểm trở lên — 89,99 (cần ≥ 90)" in out
    assert "Nghị định 335/2025/NĐ-CP" in out
    for program in ("score_total", "dg335.diem-90", "nd-335-2025", "HTT (", "[✗] (HTXS)"):
        assert program not in out, program
    assert main(["evaluate", str(path), "--lang", "en"]) == 0
    assert "89.99 (needs ≥ 90)" in capsys.readouterr().out
