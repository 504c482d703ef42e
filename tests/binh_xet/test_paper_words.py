"""The council tool's printed papers (docs.js: summary table, draft minutes, proposal, CSV)
take their words from the words files (group ``binh_xet_js``, keys ``doc_…`` and the
shared status words), never from the script: every word the script names exists in both
languages, and no Vietnamese text is left in its code. The papers are administrative
papers, so the script reads the Vietnamese words on both language pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from thidua import words

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "overrides" / "assets" / "js" / "binh-xet" / "docs.js"
# Letters with Vietnamese diacritics (Latin-1 supplement to Latin extended additional).
VIETNAMESE = re.compile(r"[\u00c0-\u024f\u1e00-\u1ef9]")


def _code() -> str:
    """docs.js without its comments."""
    text = DOCS.read_text(encoding="utf-8")
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)


def _asked(code: str) -> tuple[set[str], set[str]]:
    """The keys the script names (paper("…"), and the doc_… keys it passes on) and the
    prefixes of keys it makes from a code (paper("status_" + code))."""
    keys = set(re.findall(r'\bpaper\("([a-z_]+)"[,)]', code))
    keys |= set(re.findall(r'"(doc_[a-z_]+)"', code))
    prefixes = set(re.findall(r'\bpaper\("([a-z_]+_)" \+', code))
    return keys, prefixes


@pytest.mark.parametrize("lang", words.LANGUAGES)
def test_every_word_of_the_papers_is_in_the_words_files(lang):
    keys, prefixes = _asked(_code())
    assert len(keys) > 50 and prefixes == {"status_"}, (len(keys), prefixes)
    group = words.group(lang, "binh_xet_js")
    assert keys <= set(group), sorted(keys - set(group))
    for prefix in prefixes:
        assert {"within", "over", "tie", "unranked"} <= {
            k.removeprefix(prefix) for k in group if k.startswith(prefix)
        }
    for key in keys:
        assert isinstance(group[key], str) and group[key].strip(), key


def test_no_vietnamese_text_is_left_in_the_script():
    lines = [line.strip() for line in _code().splitlines() if VIETNAMESE.search(line)]
    assert lines == []


def test_the_papers_read_the_vietnamese_words_on_both_pages():
    code = _code()
    # One reader of the words, which takes the Vietnamese of BX.both: no BX.t (the page's
    # language) in the papers.
    assert "BX.both(key).vi" in code
    assert not re.search(r"\bBX\.t\(", code)
    vi = words.group("vi", "binh_xet_js")
    assert vi["doc_minutes_title"] == "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"
    assert vi["doc_csv_row"] == "Dòng"
