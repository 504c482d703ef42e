"""The council tool's words have one home, the words files (``thidua.words``): the
markup says them through ``t("binh_xet.…")`` and the scripts read the group
``binh_xet_js`` of both languages, published once as ``assets/js/binh-xet/texts.js``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import escape
from thidua import words
from thidua.binh_xet.members import problem
from thidua_mkdocs import binh_xet

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "overrides" / "assets" / "js" / "binh-xet"


def _published(script: str, name: str = "BX_TEXTS") -> dict:
    line = next(x for x in script.splitlines() if x.startswith(f"window.{name} = "))
    return json.loads(line.removeprefix(f"window.{name} = ").removesuffix(";"))


def test_the_scripts_words_are_published_once_for_both_languages_from_the_words_files():
    script = binh_xet.texts_script()
    published = _published(script)
    assert set(published) == set(words.LANGUAGES)
    problems = _published(script, "BX_PROBLEMS")
    for lang in words.LANGUAGES:
        assert published[lang] == words.group(lang, "binh_xet_js")
        assert problems[lang] == words.group(lang, "binh_xet_problems")
    assert "BX.t = function" in script and "BX.both = function" in script
    # No hand-kept copy beside the words files.
    assert not (SCRIPTS / "texts.js").exists()
    assert not (ROOT / "hooks/thidua_mkdocs/templates/binh-xet/texts.yml").exists()


def test_every_word_a_script_asks_for_is_in_the_words_files():
    keys = set(words.group("vi", "binh_xet_js"))
    asked: set[str] = set()
    for path in SCRIPTS.glob("*.js"):
        text = path.read_text(encoding="utf-8")
        asked |= set(re.findall(r"\b(?:t|BX\.t|BX\.both)\(\"([a-z_]+)\"[,)]", text))
        # Keys made from a code: t("kind_" + code), t("status_" + status), …
        for prefix in re.findall(r"\b(?:t|BX\.t)\(\"([a-z_]+_)\" \+", text):
            assert any(k.startswith(prefix) for k in keys), (path.name, prefix)
    assert asked, "the scan found no word"
    assert asked <= keys, sorted(asked - keys)


def test_the_markup_says_the_words_of_its_language():
    for lang in words.LANGUAGES:
        html = binh_xet.render_tool(lang, "binh-xet/cong-cu/")
        for key in ("intro", "nojs", "template_heading", "no_layer_note", "cli_note"):
            wording = words.text(lang, f"binh_xet.{key}")
            assert str(escape(wording)) in html, key
        assert f'data-lang="{lang}"' in html
    layer = {"regulation": "Quy chế X", "regulation_en": "the Quy chế X", "columns": []}
    said = words.text("en", "binh_xet.layer_note", regulation="the Quy chế X")
    assert str(escape(said)) in binh_xet.render_tool("en", "binh-xet/cong-cu/", layer)


def test_the_command_and_the_page_word_problems_from_the_same_group():
    """The members list's problems: no table of words left in the scripts or the core."""
    for path in (SCRIPTS / "members.js", SCRIPTS / "unit.js"):
        text = path.read_text(encoding="utf-8")
        assert "không hợp lệ" not in text and "is not valid" not in text, path.name
        assert "Điểm khi năm đó chấm điểm" not in text, path.name
    core = ROOT / "hooks" / "thidua" / "binh_xet"
    for path in (core / "members.py", core / "unit.py"):
        assert "không hợp lệ" not in path.read_text(encoding="utf-8"), path.name
    found = problem(7, "Xếp loại", "Xuất sắc", {"vi": "A", "en": "B"}, "value")
    assert found["message"] == words.text(
        "vi", "binh_xet_problems.messages.value", row=7, column="Xếp loại", value="Xuất sắc",
        allowed="A")
    assert found["message_en"] == "Row 7, column “Xếp loại”: “Xuất sắc” is not valid; allowed: B."
    # A value that looks like a placeholder stays as it was typed.
    assert problem(2, "Mã", "{allowed}", "x", "value")["message"].count("{allowed}") == 1
    for lang in words.LANGUAGES:
        for reason in words.group(lang, "binh_xet_problems")["messages"]:
            assert problem(1, "c", "v", "a", reason)["message"]
