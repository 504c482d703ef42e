"""The regulation panel's labels have one home (issue 12 item 4): the words files' ``legal``
group (``fields``: the front-matter fields the panel shows, ``relations``: every relation
between documents), read through ``thidua_mkdocs.legal.words``; the markup code keeps no
table of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from thidua import words
from thidua.legal.metadata import ALL_RELATIONS, TINH_TRANG
from thidua.legal.registry import load_registry
from thidua_mkdocs import legal as markup
from thidua_mkdocs import render

from .support import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
# The panel's rows, in its order (thidua_mkdocs.legal.panel_context).
PANEL_FIELDS = (
    "so_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "nguoi_ky",
    "ngay_ban_hanh",
    "ngay_hieu_luc",
    "ngay_cong_bao",
    "so_cong_bao",
    "linh_vuc",
    "tinh_trang",
    "nguon",
)


@pytest.mark.parametrize("lang", words.LANGUAGES)
def test_every_field_and_relation_has_a_label_in_each_language(lang):
    group = words.group(lang, "legal")
    assert set(group["fields"]) == set(PANEL_FIELDS)
    assert set(group["relations"]) == set(ALL_RELATIONS)
    for label in [*group["fields"].values(), *group["relations"].values()]:
        assert isinstance(label, str) and label.strip() and "_" not in label


@pytest.mark.parametrize("lang", words.LANGUAGES)
def test_every_status_and_kind_of_document_is_worded(lang):
    """Statuses (``tinh_trang`` codes) and the kinds of the portal's documents, in words."""
    group = words.group(lang, "legal")
    assert set(group["statuses"]) == set(TINH_TRANG)
    registry = load_registry(ROOT / "docs")
    for document in registry.documents:
        kind = document.loai_van_ban
        assert markup.kind_name(kind, lang, unknown=""), kind
        assert markup.status_name(document.meta.tinh_trang, lang).strip()


def test_the_markup_code_keeps_no_label_of_its_own():
    path = ROOT / "hooks" / "thidua_mkdocs" / "legal.py"
    source = path.read_text(encoding="utf-8")
    assert not re.search(r"\b(FIELD_LABELS|RELATION_LABELS|KIND_EN)\b", source)
    strings = {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    for lang in words.LANGUAGES:
        group = words.group(lang, "legal")
        labels = [*group["fields"].values(), *group["relations"].values()]
        labels += [*group["statuses"].values()] + (
            list(group["kinds"].values()) if lang == "en" else []
        )
        for label in labels:
            assert label not in strings, label


@pytest.mark.parametrize("lang", words.LANGUAGES)
def test_the_panel_says_the_words_files_labels(lang):
    registry = load_registry(FIXTURES)
    document = registry.document("02/2099/NĐ-CP")
    context = markup.panel_context(document, registry, lambda uri, anchor: f"/{uri}", lang)
    html = render.template("legal-panel.html.j2", **context)
    group = words.group(lang, "legal")
    for key in ("so_hieu", "loai_van_ban", "ngay_hieu_luc", "tinh_trang"):
        assert f"<dt>{group['fields'][key]}</dt>" in html, key
    for key in ("thay_the", "sua_doi", "huong_dan"):
        assert f"<dt>{group['relations'][key]}</dt>" in html, key
    assert [r["label"] for r in context["rows"]][:2] == [
        group["fields"]["so_hieu"],
        group["fields"]["loai_van_ban"],
    ]
