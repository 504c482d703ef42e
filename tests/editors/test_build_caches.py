"""What a build keeps across language passes and ``mkdocs serve`` rebuilds (issue 16 item 6).

Each cache must give exactly what the work it saves would give, and must let go
when its source changed: page checks (by page text, while the register holds the
same documents), page sources (by modification time and size), the theme's file
list (installed folders only) and the reverse index's de-duplication.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from thidua.legal import check
from thidua.legal.document import Citing
from thidua.legal.registry import collect_registry
from thidua_mkdocs import jinja_cache
from thidua_testing import ROOT

PAGE = "# Trang thử\n\nCăn cứ [[06/2022/QH15 Điều 24 khoản 1]].\n"
CLAUSE = ("06/2022/QH15", "dieu-24-khoan-1")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """The project's legal documents, copied to be edited."""
    shutil.copytree(ROOT / "docs" / "van-ban", tmp_path / "docs" / "van-ban")
    return tmp_path / "docs"


def _problems(registry, text: str) -> check.PageResult:
    return check.page_problems(registry, text, "docs/thu.md", "thu.md")


def _cited(registry) -> list[str]:
    return [c.src_uri for c in registry.cited_by(CLAUSE)]


def test_a_second_pass_replays_a_kept_page_check_into_its_own_register(docs, monkeypatch):
    cache: dict = {}
    first, _ = collect_registry(docs, cache)
    assert not _problems(first, PAGE).errors
    assert _cited(first) == ["thu.md"]
    monkeypatch.setattr(check, "_page_problems", None)  # a second check would fail
    second, _ = collect_registry(docs, cache)  # the next pass: same documents
    assert not _problems(second, PAGE).errors
    assert _cited(second) == ["thu.md"]


def test_an_edited_page_is_checked_again(docs):
    registry, _ = collect_registry(docs, {})
    assert not _problems(registry, PAGE).errors
    broken = PAGE.replace("Điều 24 khoản 1", "Điều 999")
    errors = _problems(registry, broken).errors
    assert len(errors) == 1 and "Điều 999" in errors[0].message
    assert _problems(registry, PAGE).errors == []  # and back


def test_a_changed_document_empties_the_page_checks(docs, monkeypatch):
    cache: dict = {}
    registry, _ = collect_registry(docs, cache)
    checked: list[str] = []
    real = check._page_problems

    def counting(registry, text, *args):
        checked.append(text)
        return real(registry, text, *args)

    monkeypatch.setattr(check, "_page_problems", counting)
    assert not _problems(registry, PAGE).errors
    assert not _problems(collect_registry(docs, cache)[0], PAGE).errors
    assert len(checked) == 1  # the same documents: kept
    law = docs / "van-ban" / "luat-06-2022.md"
    text = law.read_text(encoding="utf-8")
    law.write_text(text.replace("ten: Luật Thi đua, khen thưởng\n", "ten: Luật (sửa)\n", 1))
    stat = law.stat()
    os.utime(law, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    edited, _ = collect_registry(docs, cache)
    assert edited.document("06/2022/QH15") is not registry.document("06/2022/QH15")
    assert not _problems(edited, PAGE).errors
    assert len(checked) == 2  # checked again against the edited document
    assert [c.document.ten for c in [edited.resolve_basis("06/2022/QH15")]] == ["Luật (sửa)"]


def test_each_page_is_recorded_once_per_anchor(docs):
    registry, _ = collect_registry(docs, {})
    clause = registry.resolve_basis("06/2022/QH15 Điều 24 khoản 1")
    for _ in range(3):
        registry.cite(clause, Citing("A", "a.md"))
        registry.cite(clause, Citing("A", "a.md", anchor="muc"))
        registry.cite(clause, Citing("B", "b.md"))
    assert [(c.src_uri, c.anchor) for c in registry.cited_by(clause)] == [
        ("a.md", ""),
        ("a.md", "muc"),
        ("b.md", ""),
    ]


def test_page_sources_are_read_again_after_an_edit(tmp_path):
    import hook_legal

    page = tmp_path / "trang.md"
    page.write_text("một", encoding="utf-8")
    file = SimpleNamespace(abs_src_path=str(page), generated_by=None)
    assert hook_legal._content(file) == "một"
    page.write_text("hai dòng", encoding="utf-8")
    assert hook_legal._content(file) == "hai dòng"


# --------------------------------------------------------------------------
# The theme's file list
# --------------------------------------------------------------------------


def test_an_installed_theme_folder_is_listed_once_the_project_folder_every_time(
    tmp_path, monkeypatch
):
    material = Path(jinja2.__file__).parent  # any installed folder
    assert jinja_cache.installed(str(material))
    assert not jinja_cache.installed(str(ROOT / "overrides"))
    walks: list[str] = []
    real_walk = os.walk
    monkeypatch.setattr(jinja_cache, "_listings", {})
    monkeypatch.setattr(
        jinja_cache.os, "walk", lambda top, *a, **k: walks.append(top) or real_walk(top, *a, **k)
    )
    own = tmp_path / "overrides"
    (own / "assets").mkdir(parents=True)
    (own / "main.html").write_text("x", encoding="utf-8")
    for _ in range(2):
        jinja_cache.listing(str(material))
        jinja_cache.listing(str(own))
    assert walks == [str(material), str(own), str(own)]
    (own / "assets" / "new.js").write_text("", encoding="utf-8")
    assert "assets/new.js" in jinja_cache.listing(str(own))


def test_theme_environments_list_what_jinja_lists(tmp_path):
    own = tmp_path / "overrides"
    (own / "partials").mkdir(parents=True)
    (own / "partials" / "a.html").write_text("", encoding="utf-8")
    (own / "b.css").write_text("", encoding="utf-8")
    folders = [str(own), str(Path(jinja2.__file__).parent)]
    theme = SimpleNamespace(
        static_templates=["404.html"],
        get_env=lambda: jinja2.Environment(loader=jinja2.FileSystemLoader(folders)),
    )
    plain = theme.get_env()
    jinja_cache.cache_theme(theme)
    jinja_cache.cache_theme(theme)  # every pass: wrapped once
    cached = theme.get_env()
    assert cached.bytecode_cache is jinja_cache.CACHE
    assert cached.list_templates() == plain.list_templates()

    def keep(name: str) -> bool:
        return not name.endswith(".py")

    assert cached.list_templates(filter_func=keep) == plain.list_templates(filter_func=keep)
    assert cached.list_templates(extensions=["css"]) == ["b.css"]


# --------------------------------------------------------------------------
# The search index of a page-only rebuild
# --------------------------------------------------------------------------


def _entry(location: str, text: str) -> dict:
    return {"location": location, "title": location, "text": text}


def test_the_index_of_a_page_only_rebuild_keeps_the_other_pages(monkeypatch):
    from thidua_mkdocs import preview

    monkeypatch.setattr(preview, "DIRTY", [True])
    monkeypatch.setattr(preview, "_search", {})
    monkeypatch.setattr(preview, "WATCHER", preview.Watcher(decision="full"))
    full = [_entry("a/", "một"), _entry("b/", "hai"), _entry("en/b/", "two")]
    assert preview.merged_index("/site", full) == full
    preview.WATCHER.decision = "pages"
    rebuilt = [_entry("b/", "hai mới"), _entry("en/b/", "two new")]
    assert preview.merged_index("/site", rebuilt) == [full[0], *rebuilt]
    preview.WATCHER.decision = "full"  # e.g. a template changed: what was indexed, only
    assert preview.merged_index("/site", full[:1]) == full[:1]


def test_a_plain_build_publishes_what_it_indexed(monkeypatch):
    from thidua_mkdocs import preview

    monkeypatch.setattr(preview, "DIRTY", [False])
    monkeypatch.setattr(preview, "WATCHER", preview.Watcher(decision="pages"))
    docs = [_entry("a/", "một")]
    assert preview.merged_index("/site", docs) is docs
