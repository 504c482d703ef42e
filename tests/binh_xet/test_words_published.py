"""The council tool's words have one home, the words files (``thidua.words``): the
markup says them through ``t("binh_xet.…")`` and the scripts read the group
``binh_xet_js`` of both languages, published once as ``assets/js/binh-xet/texts.js``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import escape
from thidua import words
from thidua_mkdocs import binh_xet

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "overrides" / "assets" / "js" / "binh-xet"


def _published(script: str) -> dict:
    line = next(x for x in script.splitlines() if x.startswith("window.BX_TEXTS = "))
    return json.loads(line.removeprefix("window.BX_TEXTS = ").removesuffix(";"))


def test_the_scripts_words_are_published_once_for_both_languages_from_the_words_files():
    script = binh_xet.texts_script()
    published = _published(script)
    assert set(published) == set(words.LANGUAGES)
    for lang in words.LANGUAGES:
        assert published[lang] == words.group(lang, "binh_xet_js")
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
