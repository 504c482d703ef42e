"""Build-speed forms of the legal hook give what their plain forms gave (issue 16, item 6).

- ``Registry.resolve`` keeps the clauses it resolved (a clause cited by 500 pages was
  resolved, and its document's list of unverified clauses scanned, twice per page):
  a kept clause equals a fresh register's, and a reference that does not resolve is
  refused every time with the message of the page that cites it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from thidua.legal.citations import find_citations
from thidua.legal.ref import parse
from thidua.legal.registry import UnresolvedCitation, collect_registry, load_registry

ROOT = Path(__file__).resolve().parents[2]


def _project_citations():
    """Every citation of the project's pages (reference and kind), in page order."""
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        found += [(c.ref, c.kind) for c in find_citations(text, path.name)]
    return found


def test_a_kept_clause_is_what_a_fresh_register_resolves():
    registry, _ = collect_registry(ROOT / "docs", cache={})
    cited = _project_citations()
    assert len(cited) > 100
    first = [registry.resolve(ref, kind) for ref, kind in cited]
    again = [registry.resolve(ref, kind) for ref, kind in cited]
    assert again == first
    for clause, (ref, kind) in zip(first, cited, strict=True):
        assert clause == registry._resolve(ref, kind, "", None, None)


def test_each_register_keeps_its_own_clauses(docs):
    ref, kind = parse("01/2099/QH99 Điều 1")
    one, two = load_registry(docs), load_registry(docs)
    assert one.resolve(ref, kind) == two.resolve(ref, kind)
    assert one._resolved and two._resolved is not one._resolved


def test_an_unresolved_reference_is_refused_each_time_with_its_own_page(docs):
    registry = load_registry(docs)
    ref, kind = parse("01/2099/QH99 Điều 99")
    for file, line in (("a.md", 3), ("b.md", 7)):
        with pytest.raises(UnresolvedCitation) as error:
            registry.resolve(ref, kind, file=file, line=line)
        assert error.value.file == file and error.value.line == line
    assert (ref, kind) not in registry._resolved


def _notes(*texts: str, unverified: bool = False) -> list[dict[str, object]]:
    return [
        {"number": n, "label": f"Điều {n}", "text": text, "unverified": unverified}
        for n, text in enumerate(texts, 1)
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_kept_list_of_cited_clauses_is_the_one_the_template_gives(lang):
    from thidua_mkdocs import legal, render

    legal.forget_fragments()
    cases = [
        _notes("Một & hai"),
        _notes("Một & hai", "<ba>"),
        _notes("Một & hai", unverified=True),
        _notes("Khác"),
        _notes("Một & hai"),
    ]
    for notes in cases:
        fresh = render.template("legal-notes.html.j2", notes=notes, words=legal.words(lang))
        assert legal.notes_html(notes, lang) == fresh
    assert legal.notes_html(_notes("x"), "vi") != legal.notes_html(_notes("x"), "en")
    assert len(legal._NOTES) == 6  # the repeated list rendered once


def test_a_new_pass_renders_the_lists_again(monkeypatch):
    from thidua_mkdocs import legal

    legal.forget_fragments()
    before = legal.notes_html(_notes("Một"), "vi")
    monkeypatch.setitem(legal.words("vi"), "notes", "Đã đổi")
    assert legal.notes_html(_notes("Một"), "vi") == before  # the same pass: kept
    legal.forget_fragments()  # the legal hook's on_files, at every pass
    assert "Đã đổi" in legal.notes_html(_notes("Một"), "vi")


HREFS = [
    "../../van-ban/luat-06-2022/#dieu-24-khoan-1",
    "#dieu-3",
    "./",
    "luat-06-2022.html#a",
    "../x/?a=1&b=<2>\"'",
    "../văn bản/#dieu-1",
    "a\tb",
    "",
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("href", HREFS)
def test_a_citation_link_from_its_kept_halves_is_the_one_the_template_gives(href, lang):
    from thidua_mkdocs import legal

    legal.forget_fragments()
    text = legal.words(lang)
    for label, number, unverified in [("Điều 24 khoản 1", 1, False), ("NĐ &#42;", 12, True)]:
        for _ in range(2):  # made, then from the kept halves
            fresh = legal._cite_line(href, label, number, unverified, text)  # the template
            assert legal.cite_html(href, label, number, unverified, text) == fresh
    assert len(legal._CITES) == 2  # one entry per link whatever its target
