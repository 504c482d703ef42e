"""``thidua unit --lang en``: the command in English, in the English page's words.

The lines come from the words files' group ``binh_xet_cli`` (Vietnamese unchanged), the
evaluator's reasons and the problems are the English ones the English page shows, the
figures are the same in both languages, and no id, code or program value gets through.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from fractions import Fraction

import pytest
from bx_support import DATA, LAYER, program_words, thidua
from test_plain_words import ALL_FILES, VARIANTS
from thidua.binh_xet import compute, read
from thidua.binh_xet.text import number, percent
from thidua.cli import main
from thidua.criteria import load_rules

# Words of the Vietnamese lines that must not be left in the English text.
VIETNAMESE_LINES = re.compile(
    r"Bình xét năm|Từng người|Xếp loại:|Dòng \d|\d người|Trần:|Căn cứ:|Cần xem xét|"
    r"Tập thể:|chưa xét|trong tỷ lệ|vượt tỷ lệ|Tối đa"
)


def unit(*args: str) -> tuple[int, str, str]:
    """``thidua unit ARGS`` in this process (fast): exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["unit", *args])
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_the_command_speaks_plain_english(path, variant):
    status, out, err = unit(str(path), *VARIANTS[variant], "--lang", "en")
    assert status in (0, 2), err
    text = (out + err).replace(str(path), "FILE")
    assert "Traceback" not in text
    assert program_words(text, "en") == [], text
    assert not VIETNAMESE_LINES.search(out), VIETNAMESE_LINES.search(out)
    if status == 0:
        assert out.startswith("Council review ")


def test_english_lines_with_the_same_figures():
    _, vi, _ = unit(str(DATA / "over.csv"), "--rounding", "ceil")
    _, en, _ = unit(str(DATA / "over.csv"), "--rounding", "ceil", "--lang", "en")
    assert "Bình xét năm 2026: 12 người được tính" in vi
    assert en.startswith("Council review 2026: 12 people counted, 0 rows with problems")
    assert "HTXS cap per group and role:" in en
    assert (
        "Cap: at most 20 % of those rated HTT; among 12 people rated HTT or above, at most 2 "
        "may be HTXS; at most 2 people." in en
    )
    assert "[HTXS over the cap]" in en and "[HTXS within the cap]" in en
    assert "Excellent completion of duties (HTXS)" in en
    assert "Each person:" in en and "Row 4: Lê Văn Cường" in en
    # Line for line the same review: the member lines carry the same rows and statuses.
    assert len(vi.splitlines()) == len(en.splitlines())
    rows_vi = re.findall(r"^  Dòng (\d+): .*?(?:\[(.*)\])?$", vi, re.M)
    rows_en = re.findall(r"^  Row (\d+): .*?(?:\[(.*)\])?$", en, re.M)
    assert [r for r, _ in rows_vi] == [r for r, _ in rows_en] and len(rows_en) == 12
    assert [s.count("vượt") for _, s in rows_vi] == [s.count("over") for _, s in rows_en]


def test_english_numbers_and_rounding_words():
    _, en, _ = unit(str(DATA / "windows-1258.csv"), "--exception", "--lang", "en")
    assert "the higher ratio for a unit with outstanding results: at most 25 %" in en
    assert "at most 1.2 may be HTXS, rounded down to 1; at most 1 person." in en
    assert (number(1234, "en"), number(Fraction(3, 2), "en"), number(1234567.5, "en")) == (
        "1,234", "1.5", "1,234,567.5")
    assert percent("0.155", "en") == "15.5 %" and percent("0.155") == "15,5 %"


def test_the_layer_in_english_as_the_english_page_says_it():
    _, en, _ = unit(str(DATA / "layer-over.csv"), "--layer", LAYER, "--lang", "en")
    assert "Local rules in force: Model Academy — the Model Academy's Regulation" in en
    assert (
        "  Under the Model Academy's Regulation on emulation and commendation (15/QĐ-HVM), "
        "Điều 5 khoản 3: each unit proposes at most 15 %" in en
    )
    assert "15 % of 14 people recognised LĐTT is 2.1, rounded down: at most 2 people" in en


def test_reasons_and_problems_are_the_english_pages():
    """--json --lang en is compute(…, "en"), what the English page computes; the problems
    on stderr are their English messages."""
    path = DATA / "bad-rows.csv"
    status, out, err = unit(str(path), "--json", "--lang", "en")
    assert status == 0
    expected = compute(read(path.read_bytes()), 2026, None, None, "en")
    assert json.loads(out) == json.loads(json.dumps(expected, ensure_ascii=False))
    lines = err.splitlines()
    assert lines and all(line.startswith(f"{path}: Row ") for line in lines), lines
    assert [p["message_en"] for p in expected["problems"]] == [
        line.removeprefix(f"{path}: ") for line in lines
    ]
    _, text, _ = unit(str(path), "--lang", "en")
    assert "Rows with problems (not counted):\n  Row 3, column “Nhóm đối tượng”" in text


def test_refused_options_and_files_in_english(tmp_path):
    status, _, err = unit(str(DATA / "over.csv"), "--year", "1999", "--lang", "en")
    assert status == 2 and "--year 1999: no data for that year; allowed: 2019" in err
    status, _, err = unit(str(tmp_path / "none.csv"), "--lang", "en")
    assert status == 2 and "the file cannot be read" in err and "allowed: a readable CSV" in err
    status, _, err = unit(str(DATA / "bad-header.csv"), "--lang", "en")
    assert status == 2 and "Row 1: column “Họ và tên” is missing" in err


def test_the_installed_command_takes_the_option():
    proc = thidua("unit", str(DATA / "ties.csv"), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Council review 2026: ")
    assert "tied at the limit — the council decides" in proc.stdout
    proc = thidua("unit", str(DATA / "ties.csv"), "--lang", "fr")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


# A collective that reaches no level and no title: every reason has detail after " — ".
LOW_UNIT = ["--unit-kind", "hanh-chinh", "--unit-score", "49,5", "--tasks-completed", "80",
            "--tasks-late", "10", "--movement", "co", "--unity", "co"]


@pytest.mark.parametrize("path", [DATA / "at-cap.csv", DATA / "over.csv"], ids=lambda p: p.name)
def test_reasons_are_printed_whole_in_both_languages(path):
    """A title not eligible, a level not reached and a review reason are printed as the
    evaluator words them, in Vietnamese and in English alike: nothing is cut from one
    language that the other keeps (the old rule cut English tails only)."""
    shapes = {}
    for lang in ("vi", "en"):
        _, out, _ = unit(str(path), *LOW_UNIT, "--json", "--lang", lang)
        result = json.loads(out)
        _, text, _ = unit(str(path), *LOW_UNIT, "--lang", lang)
        col = result["collective"]
        labels = load_rules().labels
        assert col["not_eligible"], "the case must give not-eligible titles"
        for code, reason in col["not_eligible"].items():
            assert f"    {labels['titles'][code][lang]}: {reason}\n" in text, (code, text)
            assert " — " in reason
        not_met = labels["messages"]["not_met"][lang]
        for reason in col["level_not_reached"].values():
            assert reason.startswith(f"{not_met}: ")
            assert reason.removeprefix(f"{not_met}: ") + "\n" in text
        reviews = col["manual_review_reasons"] + result["members"][0]["manual_review_reasons"]
        for reason in reviews:
            assert reason in text
        shapes[lang] = {
            "titles": {c: r.count(" — ") for c, r in col["not_eligible"].items()},
            "levels": {c: r.count(" — ") for c, r in col["level_not_reached"].items()},
            "reviews": [r.count(" — ") for r in reviews],
        }
    assert shapes["vi"] == shapes["en"]
