"""Plain words on the generated pages (issue 17 item 5): worked examples without test-file
paths, case ids, field names or ISO dates, in the page's own language.

Golden fragments: ``golden/example-dh11.vi.md`` and ``.en.md`` (one worked example of the
CSTĐCS checklist). Rewrite them with
``.venv/bin/python -m pytest tests/checklist/test_copy.py --update-golden`` after an
intended change, and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from thidua_mkdocs import render
from thidua_testing import load_hook

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
FRAGMENT = (
    '{% import "checklist/_macros.md.j2" as m with context %}{{ m.examples(block, "vi-du") }}\n'
)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A field name or code: snake_case, "= true", "discipline[0]", a case file.
PROGRAM = re.compile(r"\b[a-z]+_[a-z0-9_]+\b|= (?:true|false)\b|\w\[\d\]|\.yaml\b|data/cases")
ENGLISH_ON_VI = re.compile(r"\b(?:applied|true|false|None|not met|eligible)\b")


def _hook():
    return load_hook("hook_checklist")


def _shown(markdown: str) -> str:
    """What a reader sees of a generated page: no front matter, tags, attributes,
    citation markers, link targets or heading anchors."""
    text = markdown.split("\n---\n", 1)[1]
    text = re.sub(r"\[\[[^\]]*\]\]", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"\{:[^}]*\}", " ", text)


def _examples(markdown: str) -> list[str]:
    return re.findall(r'<div class="checklist-example">.*?</div>', markdown, re.DOTALL)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_generated_pages_show_no_program_value(request, rules, lang):
    plan = request.getfixturevalue(f"plan_{lang}")
    pages = dict(_hook().pages(plan, lang, rules.labels))
    problems = []
    for src, markdown in pages.items():
        shown = _shown(markdown)
        for pattern in (ISO_DATE, PROGRAM) + ((ENGLISH_ON_VI,) if lang == "vi" else ()):
            problems += [f"{src}: {m[0]!r}" for m in pattern.finditer(shown)]
    assert not problems, problems[:20]
    examples = [e for m in pages.values() for e in _examples(m)]
    assert len(examples) > 20
    for example in examples:
        assert "checklist-example__source" not in example
        assert not re.search(r"\b[A-Z]{1,3}\d{2}\b", _shown("\n---\n" + example)), example


def test_examples_name_the_unmet_lines_in_words(plan_vi, plan_en, wording):
    def block(plan, code, rule_id):
        page = next(p for p in plan.title_pages if p.code == code)
        return next(b for b in page.blocks if b.rule_id == rule_id)

    rule_id = "luat-06-2022+nd-98-2023+tt-01-2024"
    co = block(plan_vi, "CO_THI_DUA_BO", rule_id)
    texts = [line.text for line in co.lines()]
    answers = [wording("vi")(e.answer) for e in co.examples]
    unmet = [answer for answer in answers if answer.startswith("Chưa đủ")]
    assert unmet, "a case that does not earn the flag"
    answer = unmet[0]
    assert "Chưa đạt: " in answer and any(t in answer for t in texts)
    assert "leads_emulation_cluster" not in answer and " — " not in answer
    english = block(plan_en, "CO_THI_DUA_BO", rule_id).examples
    assert any(wording("en")(e.answer).startswith("Not eligible for") for e in english)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_worked_example_fragment_matches_golden(request, update_golden, lang, wording):
    plan = request.getfixturevalue(f"plan_{lang}")
    page = next(p for p in plan.title_pages if p.code == "CSTDCS")
    block = next(b for b in page.blocks if any(e.case_id == "DH11" for e in b.examples))
    only = type(block)(
        **{**block.__dict__, "examples": [e for e in block.examples if e.case_id == "DH11"]}
    )
    environment = render._environment()
    markdown = environment.from_string(FRAGMENT).render(block=only, lang=lang, said=wording(lang))
    golden = GOLDEN / f"example-dh11.{lang}.md"
    if update_golden:
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8")
    assert "DH11" not in markdown and "data/cases" not in markdown
    if lang == "vi":
        assert "đã áp dụng tại cơ sở" in markdown and "applied" not in markdown
    else:
        assert "Example 1" in markdown and "Ví dụ" not in markdown
