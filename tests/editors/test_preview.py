"""The preview's building blocks: what triggers a full rebuild, the caches, the console.

The live test with ``mkdocs serve --dirty`` is ``test_preview_serve.py``; the console of
a real build is checked in ``test_preview_console.py``.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from thidua import criteria
from thidua.legal.registry import collect_registry
from thidua_mkdocs import console, jinja_cache
from thidua_mkdocs.preview import Watcher, merge_search, near_edit
from thidua_testing import ROOT

# --------------------------------------------------------------------------
# Full or page-only rebuild
# --------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small project: pages, a legal document, a training module, data, a template."""
    files = {
        "docs/index.md": "# Trang chủ\n",
        "docs/hoi-dap/index.md": "# Hỏi đáp\n",
        "docs/van-ban/luat.md": "# Luật\n",
        "docs/tap-huan/mo-dun.md": "# Mô-đun\n",
        "docs/tap-huan/mo-dun.cau-hoi.yaml": "cau_hoi: []\n",
        "data/criteria/labels.yaml": "levels: {}\n",
        "overrides/main.html": "{% extends 'base.html' %}\n",
        "mkdocs.yml": "site_name: x\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def roots(tree: Path) -> list[Path]:
    return [tree / "docs", tree / "data", tree / "overrides", tree / "mkdocs.yml"]


def edit(path: Path, text: str = "\nthêm một dòng\n") -> None:
    """Append to a file and move its time forward (filesystems with coarse times)."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_first_build_is_full_and_a_second_language_pass_keeps_the_decision(tree):
    watcher = Watcher()
    assert watcher.decide(roots(tree), tree / "docs") == "full"
    edit(tree / "docs" / "hoi-dap" / "index.md")
    assert watcher.decide(roots(tree), tree / "docs") == "pages"
    # The English pass of the same rebuild sees the same files: same decision.
    assert watcher.decide(roots(tree), tree / "docs") == "pages"
    edit(tree / "data" / "criteria" / "labels.yaml")
    assert watcher.decide(roots(tree), tree / "docs") == "full"
    assert watcher.decide(roots(tree), tree / "docs") == "full"


@pytest.mark.parametrize(
    "changed",
    [
        "docs/van-ban/luat.md",  # cited by other pages
        "docs/tap-huan/mo-dun.md",  # listed on the training index
        "docs/tap-huan/mo-dun.cau-hoi.yaml",  # a quiz
        "data/criteria/labels.yaml",  # criteria data
        "overrides/main.html",  # a template
        "mkdocs.yml",
    ],
)
def test_anything_but_an_ordinary_page_rebuilds_everything(tree, changed):
    watcher = Watcher()
    watcher.decide(roots(tree), tree / "docs")
    edit(tree / changed)
    assert watcher.decide(roots(tree), tree / "docs") == "full"
    assert watcher.edited == {str(tree / changed)}


def test_a_page_added_or_removed_rebuilds_everything(tree):
    watcher = Watcher()
    watcher.decide(roots(tree), tree / "docs")
    (tree / "docs" / "moi.md").write_text("# Mới\n", encoding="utf-8")
    assert watcher.decide(roots(tree), tree / "docs") == "full"
    (tree / "docs" / "moi.md").unlink()
    assert watcher.decide(roots(tree), tree / "docs") == "full"


def test_ordinary_pages_in_both_languages_rebuild_only_themselves(tree):
    watcher = Watcher()
    watcher.decide(roots(tree), tree / "docs")
    (tree / "docs" / "hoi-dap" / "index.en.md").write_text("# Q&A\n", encoding="utf-8")
    assert watcher.decide(roots(tree), tree / "docs") == "full"  # a new page
    edit(tree / "docs" / "hoi-dap" / "index.md")
    edit(tree / "docs" / "hoi-dap" / "index.en.md")
    edit(tree / "docs" / "index.md")
    assert watcher.decide(roots(tree), tree / "docs") == "pages"


# --------------------------------------------------------------------------
# The caches: reused when nothing changed, refreshed when a source changed
# --------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The project's legal documents and criteria data, copied to be edited."""
    shutil.copytree(ROOT / "docs" / "van-ban", tmp_path / "docs" / "van-ban")
    shutil.copytree(ROOT / "data" / "criteria", tmp_path / "data" / "criteria")
    return tmp_path


def test_legal_register_reuses_unchanged_documents_and_reads_an_edited_one(project):
    cache: dict = {}
    first, errors = collect_registry(project / "docs", cache)
    assert not errors
    again, _ = collect_registry(project / "docs", cache)
    assert again.document("06/2022/QH15") is first.document("06/2022/QH15")  # from the cache
    source = project / "docs" / "van-ban" / "luat-06-2022.md"
    text = source.read_text(encoding="utf-8")
    assert "ten: Luật Thi đua, khen thưởng\n" in text
    source.write_text(
        text.replace("ten: Luật Thi đua, khen thưởng\n", "ten: Luật Thi đua (sửa thử)\n", 1),
        encoding="utf-8",
    )
    edited, _ = collect_registry(project / "docs", cache)
    assert edited.document("06/2022/QH15") is not first.document("06/2022/QH15")
    assert edited.document("06/2022/QH15").ten == "Luật Thi đua (sửa thử)"
    # A document left untouched is reused.
    assert edited.document("01/2024/TT-BNV") is first.document("01/2024/TT-BNV")


def test_criteria_are_cached_until_a_data_file_changes(project):
    first = criteria.load_rules(project)
    assert criteria.load_rules(project) is first  # nothing changed: the cached rules
    labels = project / "data" / "criteria" / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    assert "vi: Không xếp loại," in text
    edit(labels, "")
    labels.write_text(text.replace("vi: Không xếp loại,", "vi: Chưa xếp loại (thử),"), "utf-8")
    edit(labels, "")
    second = criteria.load_rules(project)
    assert second is not first
    assert "Chưa xếp loại (thử)" in str(second.export())
    assert "Chưa xếp loại (thử)" not in str(first.export())


# --------------------------------------------------------------------------
# The console filter
# --------------------------------------------------------------------------


def record(message: str, level: int = logging.INFO, name: str = "mkdocs") -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, message, None, None)


@pytest.mark.parametrize(
    "message",
    [
        "Cleaning site directory",
        "Building documentation to directory: /tmp/site",
        "Building documentation...",
        "mkdocs_static_i18n: Building 'en' documentation to directory: /tmp/site/en",
        "mkdocs_static_i18n: Overriding 'en' config 'site_name' with 'Emulation Portal'",
        "mkdocs_static_i18n: Translated 26 navigation elements to 'en'",
        "search index: 2093039 bytes as built, 2207550 with folded fields",
        "[21:00:07] Detected file changes",
        "[21:00:09] Reloading browsers",
        "[21:00:02] Watching paths for changes: 'docs', 'mkdocs.yml'",
    ],
)
def test_status_lines_are_dropped(message):
    assert console.is_noise(record(message))
    assert not console.QuietConsole().filter(record(message))


@pytest.mark.parametrize(
    "message",
    [
        "Documentation built in 9.82 seconds",
        "[21:00:02] Serving on http://127.0.0.1:8000/",
        "thidua: 2 chỗ nhắc điều khoản bằng chữ thường, chưa là dẫn chiếu (xem: thidua check)",
        "The following pages exist in the docs directory, but are not included in the "
        '"nav" configuration:\n  - moi.md',
    ],
)
def test_lines_an_editor_acts_on_are_kept(message):
    assert console.QuietConsole().filter(record(message))


def test_warnings_are_never_dropped_even_with_a_noisy_text():
    for level in (logging.WARNING, logging.ERROR):
        assert console.QuietConsole().filter(record("Cleaning site directory", level))
        assert console.QuietConsole().filter(record("Reloading browsers", level))


def test_only_the_dirty_mode_warning_is_dropped_before_strict_counts_it():
    dirty = console.ExpectedDirtyWarning()
    text = "A 'dirty' build is being performed, this will likely lead to inaccurate navigation"
    assert not dirty.filter(record(text, logging.WARNING, console.BUILD_LOGGER))
    assert dirty.filter(record("Doc file 'x.md' contains a link 'y.md'", logging.WARNING))


def test_install_adds_each_filter_once():
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    logger.addHandler(handler)
    build = logging.getLogger(console.BUILD_LOGGER)
    try:
        console.install(dirty=True)
        console.install(dirty=True)
        assert sum(isinstance(f, console.QuietConsole) for f in handler.filters) == 1
        assert sum(isinstance(f, console.ExpectedDirtyWarning) for f in build.filters) == 1
    finally:
        logger.removeHandler(handler)
        for f in [f for f in build.filters if isinstance(f, console.ExpectedDirtyWarning)]:
            build.removeFilter(f)


# --------------------------------------------------------------------------
# Search entries of a page-only rebuild; generated pages near an edit
# --------------------------------------------------------------------------


def entry(location: str, text: str) -> dict:
    return {"location": location, "title": location, "text": text}


def test_a_page_only_rebuild_replaces_that_pages_entries_and_keeps_the_others():
    previous = [
        entry("", "trang chủ"),
        entry("hoi-dap/", "cũ"),
        entry("hoi-dap/#muc-cu", "mục cũ"),
        entry("en/hoi-dap/", "old"),
        entry("tieu-chi/", "tiêu chí"),
    ]
    rendered = [entry("hoi-dap/", "mới"), entry("hoi-dap/#muc-moi", "mục mới")]
    merged = merge_search(previous, rendered)
    assert [e["location"] for e in merged] == [
        "",
        "en/hoi-dap/",
        "tieu-chi/",
        "hoi-dap/",
        "hoi-dap/#muc-moi",
    ]
    assert merge_search(None, rendered) == rendered


def test_a_generated_page_in_the_folder_of_an_edited_page_is_rendered_again(tmp_path):
    docs = tmp_path / "docs"
    edited = {str(docs / "huong-dan" / "danh-gia-xep-loai-2026.md")}
    assert near_edit("huong-dan/in-toan-bo.md", edited, docs)
    assert not near_edit("tieu-chi/danh-sach/index.md", edited, docs)
    assert not near_edit("thuat-ngu/index.md", {str(docs / "index.md")}, docs)
    assert near_edit("trang.md", {str(docs / "index.md")}, docs)


# --------------------------------------------------------------------------
# Compiled templates kept across passes and rebuilds
# --------------------------------------------------------------------------


def test_compiled_templates_are_reused_and_compiled_again_after_an_edit(monkeypatch):
    from jinja2 import DictLoader, Environment

    cache = jinja_cache.MemoryBytecodeCache()
    monkeypatch.setattr(jinja_cache, "CACHE", cache)
    sources = {"trang.html": "Xin chào {{ ten }}"}
    compiled: list[str] = []
    real = Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counting)
    first = jinja_cache.use(Environment(loader=DictLoader(sources)))
    assert first.get_template("trang.html").render(ten="An") == "Xin chào An"
    second = jinja_cache.use(Environment(loader=DictLoader(sources)))  # next pass
    assert second.get_template("trang.html").render(ten="Bình") == "Xin chào Bình"
    assert compiled == ["trang.html"]  # compiled once
    sources["trang.html"] = "Chào {{ ten }}"
    third = jinja_cache.use(Environment(loader=DictLoader(sources)))
    assert third.get_template("trang.html").render(ten="Chi") == "Chào Chi"
    assert compiled == ["trang.html", "trang.html"]  # the edit is compiled
    trimmed = jinja_cache.use(Environment(loader=DictLoader(sources), trim_blocks=True))
    trimmed.get_template("trang.html")
    assert len(compiled) == 3  # other compile settings: not shared
