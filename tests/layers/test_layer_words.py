"""The layer's words live in the labels' messages (``layer_*``), not in code (issue 12).

``thidua.layers.apply`` and the pages' ``layer.js`` fill the same published templates:
both languages give each template the same placeholders, both programs use the same
templates, and neither writes a word of a result line itself.
"""

from __future__ import annotations

import re
import string

import pytest
from thidua.criteria import load_rules

from .support import ROOT

APPLY = ROOT / "hooks/thidua/layers/apply.py"
LAYER_JS = ROOT / "overrides/assets/js/tu-danh-gia/layer.js"
MESSAGES = load_rules().labels["messages"]
LAYER_KEYS = sorted(k.removeprefix("layer_") for k in MESSAGES if k.startswith("layer_"))
# Templates named in pieces: "rounding_" + the rule's rounding, one key per answer.
BUILT = {"rounding_floor", "rounding_ceil", "rounding_round_half_up"}
# Words a result line of the layer used to carry in code, in either language.
CODE_WORDS = re.compile(
    r"hồ sơ|the profile|tối đa|at most|làm tròn|rounded (?:down|up|half)|chưa đề nghị|not proposed"
)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _code(path, start: str) -> str:
    """The part of a source file that words results, without comments and docstrings."""
    text = path.read_text(encoding="utf-8")
    text = text[text.index(start):]
    text = re.sub(r'"""(?:.|\n)*?"""', "", text)
    text = re.sub(r"/\*(?:.|\n)*?\*/", "", text)
    return "\n".join(re.sub(r"(^|\s)(#|//).*$", "", line) for line in text.splitlines())


@pytest.mark.parametrize("key", LAYER_KEYS)
def test_each_template_in_both_languages_with_the_same_placeholders(key):
    entry = MESSAGES[f"layer_{key}"]
    assert set(entry) == {"vi", "en"}
    assert _placeholders(entry["vi"]) == _placeholders(entry["en"])


def test_python_and_js_use_the_same_templates():
    """Each template is named in both programs (as a string), none is left unused."""
    named = {
        path.suffix: set(re.findall(r"[\"'](\w+)[\"']", path.read_text(encoding="utf-8")))
        & set(LAYER_KEYS)
        for path in (APPLY, LAYER_JS)
    }
    assert named[".py"] == named[".js"]
    assert named[".py"] | BUILT == set(LAYER_KEYS)


@pytest.mark.parametrize(
    ("path", "start"), [(APPLY, "def _entry("), (LAYER_JS, "function entry(")], ids=["py", "js"]
)
def test_no_result_words_in_code(path, start):
    found = CODE_WORDS.findall(_code(path, start))
    assert found == [], found
