"""What the checklist and self-evaluation hooks keep across language passes and
``mkdocs serve`` rebuilds (issue 16 item 6, preview speed).

Each kept value must be given again while its inputs are unchanged (the work is not
done twice) and made again when one of them changed: the criteria data, the words
files, a template, a legal document. The words and template folders are copies in a
temporary folder (the checkout's files are never touched).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import hook_checklist
import hook_tu_danh_gia
import pytest
from thidua import words
from thidua_mkdocs import kept, render, tu_danh_gia
from thidua_testing import ROOT


def _later(path: Path) -> None:
    """Give ``path`` a later modification time (an editor's save)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the data, the legal documents, the words files and the templates."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs" / "van-ban", tmp_path / "docs" / "van-ban")
    shutil.copytree(words.DIRECTORY, tmp_path / "words", ignore=shutil.ignore_patterns("*.py"))
    shutil.copytree(render.TEMPLATES, tmp_path / "templates")
    # Only the stamps read these two attributes: the words and templates in use stay
    # the checkout's, so the output is the same.
    monkeypatch.setattr(words, "DIRECTORY", tmp_path / "words")
    monkeypatch.setattr(render, "TEMPLATES", tmp_path / "templates")
    kept.CHECKLIST_PAGES.clear()
    tu_danh_gia.KEPT.clear()
    yield tmp_path
    kept.CHECKLIST_PAGES.clear()
    tu_danh_gia.KEPT.clear()


def _config(root: Path) -> SimpleNamespace:
    return SimpleNamespace(
        extra={}, config_file_path=str(root / "mkdocs.yml"), use_directory_urls=True
    )


class _Counted:
    """Wraps a function and counts its calls."""

    def __init__(self, function) -> None:
        self.function, self.calls = function, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.function(*args, **kwargs)


# The checklist pages ---------------------------------------------------------------


@pytest.fixture
def counted_pages(monkeypatch) -> _Counted:
    counted = _Counted(hook_checklist.pages)
    monkeypatch.setattr(hook_checklist, "pages", counted)
    return counted


def test_checklist_pages_are_kept_for_the_same_inputs(project, counted_pages):
    first = hook_checklist.rendered_pages(project, _config(project), "vi")
    again = hook_checklist.rendered_pages(project, _config(project), "vi")
    assert counted_pages.calls == 1 and again is first
    english = hook_checklist.rendered_pages(project, _config(project), "en")
    assert counted_pages.calls == 2 and english != first  # one slot per language
    assert hook_checklist.rendered_pages(project, _config(project), "vi") is first
    assert counted_pages.calls == 2


def test_kept_checklist_pages_are_what_rendering_gives(project, counted_pages):
    from thidua import checklist
    from thidua.criteria import load_rules

    kept = hook_checklist.rendered_pages(project, _config(project), "en")
    made = hook_checklist.pages(checklist.plan(project, "en"), "en", load_rules(project).labels)
    assert kept == made


@pytest.mark.parametrize(
    "edited",
    ["data/criteria/labels.yaml", "words/vi.yml", "templates/checklist/title.md.j2"],
)
def test_checklist_pages_are_made_again_after_an_edit(project, counted_pages, edited):
    first = hook_checklist.rendered_pages(project, _config(project), "vi")
    _later(project / edited)
    again = hook_checklist.rendered_pages(project, _config(project), "vi")
    assert counted_pages.calls == 2 and again is not first
    assert again == first  # only the time changed: the same pages


def test_an_edited_label_shows_in_the_checklist_pages(project):
    labels = project / "data" / "criteria" / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    assert "Chiến sĩ thi đua cơ sở" in text
    before = dict(hook_checklist.rendered_pages(project, _config(project), "vi"))
    labels.write_text(text.replace("Chiến sĩ thi đua cơ sở", "Chiến sĩ XYZ"), encoding="utf-8")
    _later(labels)  # a save within the same clock tick still gives a new stamp
    after = dict(hook_checklist.rendered_pages(project, _config(project), "vi"))
    assert "Chiến sĩ XYZ" in after[f"{hook_checklist.BASE}/index.md"]
    assert "Chiến sĩ XYZ" not in before[f"{hook_checklist.BASE}/index.md"]


# The self-evaluation page's data and script words -----------------------------------


@pytest.fixture
def counted_data(monkeypatch) -> _Counted:
    counted = _Counted(hook_tu_danh_gia._build_data)
    monkeypatch.setattr(hook_tu_danh_gia, "_build_data", counted)
    tu_danh_gia.clear_caches()
    yield counted
    tu_danh_gia.clear_caches()


def _rebuild(counted: _Counted) -> None:
    """What a ``serve`` rebuild forgets (``on_pre_build``)."""
    counted.function.cache_clear()
    tu_danh_gia.clear_caches()


def test_the_page_data_is_kept_for_the_same_inputs(project, counted_data):
    first = hook_tu_danh_gia._data(_config(project))
    _rebuild(counted_data)  # the register is read again: the same documents
    again = hook_tu_danh_gia._data(_config(project))
    assert counted_data.calls == 1 and again is first


@pytest.mark.parametrize(
    "edited",
    ["data/criteria/years.yaml", "docs/van-ban/nd-90-2020.md", "words/en.yml"],
)
def test_the_page_data_is_made_again_after_an_edit(project, counted_data, edited):
    first = hook_tu_danh_gia._data(_config(project))
    _later(project / edited)
    _rebuild(counted_data)
    again = hook_tu_danh_gia._data(_config(project))
    assert counted_data.calls == 2 and again is not first
    assert again[2] == first[2]  # only the time changed: the same links


def test_the_script_words_are_kept_until_a_words_file_or_template_changes(project, monkeypatch):
    counted = _Counted(hook_tu_danh_gia._texts)
    monkeypatch.setattr(hook_tu_danh_gia, "_texts", counted)
    first = hook_tu_danh_gia.texts_script("en", project)
    assert hook_tu_danh_gia.texts_script("en", project) is first
    assert counted.calls == 1
    _later(project / "words" / "en.yml")
    assert hook_tu_danh_gia.texts_script("en", project) == first
    assert counted.calls == 2
    _later(project / "templates" / "tu-danh-gia" / "texts.js.j2")
    hook_tu_danh_gia.texts_script("en", project)
    assert counted.calls == 3


def test_kept_values_are_held_by_identity_not_equality():
    values = kept.Kept()
    one, other = [1], [1]  # equal, not the same object
    assert values.get("slot", (one,), "stamp", lambda: "first") == "first"
    assert values.get("slot", (one,), "stamp", lambda: "second") == "first"
    assert values.get("slot", (other,), "stamp", lambda: "third") == "third"
    assert values.get("slot", (other,), "new stamp", lambda: "fourth") == "fourth"
