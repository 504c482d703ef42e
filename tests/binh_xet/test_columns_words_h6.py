"""The members list's columns take their words from the words files (issue 12).

What a column allows and its help are ``binh_xet_columns`` of ``hooks/thidua/words/vi.yml``
and ``en.yml``; the levels are the labels' names (``data/criteria/labels.yaml``), so
``binh_xet/columns.py`` writes no user's word itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from thidua import words
from thidua.binh_xet import columns as columns_module
from thidua.criteria import load_rules

ALLOWED = columns_module.allowed()
COLUMNS = columns_module.columns()
COLUMNS_PY = Path(__file__).resolve().parents[2] / "hooks/thidua/binh_xet/columns.py"
# Words the columns' texts used to carry in code, in either language.
CODE_WORDS = re.compile(
    r"để trống|bắt buộc|số nguyên|thập phân|trở lên|hoặc|blank|whole number|decimals|optional",
    re.IGNORECASE,
)


def _code(path: Path) -> str:
    """The source without docstrings and comments."""
    text = re.sub(r'"""(?:.|\n)*?"""', "", path.read_text(encoding="utf-8"))
    return "\n".join(re.sub(r"(^|\s)#.*$", "", line) for line in text.splitlines())


def test_no_column_words_in_the_code():
    code = _code(COLUMNS_PY)
    assert re.findall(r"[\"'](?:vi|en)[\"']\s*:", code) == []
    assert CODE_WORDS.findall(code) == []


def test_every_kind_and_every_column_is_worded_in_both_languages():
    for lang in words.LANGUAGES:
        group = words.group(lang, "binh_xet_columns")
        assert list(group["allowed"]) == list(ALLOWED)
        assert list(group["help"]) == [column["key"] for column in COLUMNS]
    assert {column["kind"] for column in COLUMNS} <= set(ALLOWED)
    for texts in [*ALLOWED.values(), *(column["help"] for column in COLUMNS)]:
        assert set(texts) == {"vi", "en"} and all(texts.values()), texts
    assert ALLOWED["bool"]["en"] == words.text("en", "binh_xet_columns.allowed.bool")
    assert COLUMNS[0]["help"]["vi"] == words.text("vi", "binh_xet_columns.help.stt")


def test_the_levels_are_the_labels_names_with_their_codes():
    levels = load_rules().labels["levels"]
    graded = ", ".join(f"{levels[c]['vi']} ({c})" for c in ("HTXS", "HTT", "HTNV", "KHTNV"))
    assert ALLOWED["level"] == {
        "vi": f"{graded} hoặc Không xếp loại",
        "en": f"{graded} or Không xếp loại",
    }
    # The text the members list showed before its words left the code.
    assert ALLOWED["level"]["vi"] == (
        "Hoàn thành xuất sắc nhiệm vụ (HTXS), Hoàn thành tốt nhiệm vụ (HTT), Hoàn thành "
        "nhiệm vụ (HTNV), Không hoàn thành nhiệm vụ (KHTNV) hoặc Không xếp loại"
    )


def test_importing_the_columns_reads_no_words_or_labels(monkeypatch):
    """A mistake in the words or labels files must be reported where the build and the
    commands report data errors (file, line, what to fix), not as a traceback while the
    hooks are imported: the module reads them only when its texts are first asked for."""
    import importlib

    def refuse(*args, **kwargs):
        raise AssertionError("read at import")

    monkeypatch.setattr(words, "text", refuse)
    monkeypatch.setattr(words, "group", refuse)
    monkeypatch.setattr("thidua.criteria.load_rules", refuse)
    fresh = importlib.reload(columns_module)
    assert [c["key"] for c in fresh.COLUMNS][:2] == ["stt", "name"]
    monkeypatch.undo()
    importlib.reload(columns_module)
