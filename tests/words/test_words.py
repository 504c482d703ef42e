"""The page words (thidua.words): one file per language, the same keys, line-aware errors,
one wording of "not verified", and ``t(key)`` in every template rendered by the hooks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from thidua import words
from thidua.errors import ContentError


def _copy(tmp_path: Path) -> Path:
    for lang in words.LANGUAGES:
        shutil.copy(words.DIRECTORY / f"{lang}.yml", tmp_path / f"{lang}.yml")
    return tmp_path


def test_the_words_files_load_with_the_same_keys():
    loaded = words.load()
    assert set(loaded) == {"vi", "en"}
    groups = ("common", "tu_danh_gia", "tu_danh_gia_js", "diem_moi", "checklist", "tap_huan")
    for group in groups + ("binh_xet", "binh_xet_js"):
        assert group in loaded["vi"] and group in loaded["en"]


def test_a_key_missing_in_one_language_is_an_error_naming_file_and_key(tmp_path):
    folder = _copy(tmp_path)
    en = folder / "en.yml"
    en.write_text(
        en.read_text(encoding="utf-8").replace("  toolbar: Actions on your answers\n", ""),
        encoding="utf-8",
    )
    with pytest.raises(words.WordsError) as raised:
        words.load(folder, tmp_path)
    messages = [error.message for error in raised.value.errors]
    assert any(
        m.startswith(
            "en.yml: tu_danh_gia.toolbar: missing; allowed: the same keys as vi.yml (line "
        )
        for m in messages
    ), messages


def test_a_bad_value_is_reported_with_its_line_and_every_problem_is_collected(tmp_path):
    folder = _copy(tmp_path)
    vi = folder / "vi.yml"
    lines = vi.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  toolbar:"))
    lines[at] = "  toolbar:"
    lines.append("  extra: [1, 2]")
    vi.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(words.WordsError) as raised:
        words.load(folder, tmp_path)
    messages = [error.message for error in raised.value.errors]
    assert f"vi.yml:{at + 1}: tu_danh_gia.toolbar: found nothing (null)" in messages[0]
    last_group = [line for line in lines if line[:1].isalpha()][-1].split(":")[0]
    assert any(f"{last_group}.extra: found a list" in m for m in messages), messages


def test_placeholders_must_match_between_languages(tmp_path):
    folder = _copy(tmp_path)
    en = folder / "en.yml"
    text = en.read_text(encoding="utf-8")
    en.write_text(
        text.replace("Part {part}) — at most {max} points", "Part {part})"), encoding="utf-8"
    )
    with pytest.raises(words.WordsError) as raised:
        words.load(folder, tmp_path)
    assert (
        "tu_danh_gia.layer.part: placeholders part; allowed: the placeholders of vi.yml: max, part"
        in (raised.value.message)
    )


def test_yaml_errors_name_the_file_and_line(tmp_path):
    folder = _copy(tmp_path)
    (folder / "vi.yml").write_text("common:\n  unverified: a: b\n", encoding="utf-8")
    with pytest.raises(words.WordsError) as raised:
        words.load(folder, tmp_path)
    assert raised.value.message.startswith("vi.yml:2: (YAML):")


def test_lookup_text_and_unknown_keys():
    assert (
        words.text("en", "tu_danh_gia.layer.part", part="a", max=3) == "Part a) — at most 3 points"
    )
    assert words.lookup("fr", "common.unverified") == words.lookup("vi", "common.unverified")
    assert words.group("vi", "tu_danh_gia.time")["title"] == "Thời gian công tác trong năm"
    with pytest.raises(ContentError) as raised:
        words.lookup("vi", "tu_danh_gia.nothing_here")
    assert "vi.yml: tu_danh_gia.nothing_here: no such key" in raised.value.message


def test_text_fills_the_placeholders_in_one_pass():
    # "Part {part}) — at most {max} points": a value holding "{max}" is put in as
    # written, not filled in again with the other value.
    assert (
        words.text("en", "tu_danh_gia.layer.part", part="{max}", max=3)
        == "Part {max}) — at most 3 points"
    )
    # A placeholder with no value stays as written.
    assert words.text("en", "tu_danh_gia.layer.part", max=3) == "Part {part}) — at most 3 points"


def test_one_wording_of_not_verified_per_language():
    for lang, wording in (
        ("vi", "chưa xác minh với văn bản chính thức"),
        ("en", "not verified against the official text"),
    ):
        assert words.text(lang, "common.unverified") == wording
        for key in ("tu_danh_gia_js.unverified", "checklist.unverified"):
            assert words.text(lang, key) == wording
    for lang in words.LANGUAGES:
        flat = repr(words.load()[lang])
        assert "chưa đối chiếu với văn bản" not in flat and "not checked against" not in flat
        assert "(chưa xác minh)" not in flat and "(not verified)" not in flat


def test_templates_have_t():
    from thidua_mkdocs import render

    environment = render._environment()
    page = environment.from_string(
        '{{ t("common.unverified") }}|{{ t("tu_danh_gia.layer.part", part="b", max=5) }}'
    )
    assert (
        page.render(lang="en")
        == "not verified against the official text|Part b) — at most 5 points"
    )
    with pytest.raises(TypeError, match="needs the template's lang"):
        page.render()  # no lang: an error, never Vietnamese on an English page
    with pytest.raises(ContentError):
        environment.from_string('{{ t("nope.nothing") }}').render(lang="vi")


def test_theme_templates_have_t_in_the_pass_language():
    from types import SimpleNamespace

    import hook_tu_danh_gia
    from jinja2 import Environment

    environment = hook_tu_danh_gia.on_env(Environment(), None, None)
    config = SimpleNamespace(theme=SimpleNamespace(language="en"))
    page = environment.from_string('{{ t("tu_danh_gia.print") }}')
    assert page.render(config=config) == "Print form"
    config.theme.language = "vi"
    assert page.render(config=config) == "In phiếu"


def test_a_broken_words_file_stops_the_script_words_naming_file_and_key(tmp_path, monkeypatch):
    import hook_tu_danh_gia

    folder = _copy(tmp_path)
    en = folder / "en.yml"
    en.write_text(
        en.read_text(encoding="utf-8").replace("  errorsTitle:", "  errorTitle:"), encoding="utf-8"
    )
    monkeypatch.setattr(words, "DIRECTORY", folder)
    words.clear_cache()
    try:
        with pytest.raises(words.WordsError) as raised:
            hook_tu_danh_gia.texts_script("vi")
    finally:
        monkeypatch.undo()
        words.clear_cache()
    messages = [error.message for error in raised.value.errors]
    assert any("tu_danh_gia_js.errorsTitle: missing" in m for m in messages), messages
    assert any("tu_danh_gia_js.errorTitle: missing" in m for m in messages), messages


def test_a_rebuild_reads_the_words_again_only_when_a_file_changed(tmp_path, monkeypatch):
    import os

    folder = _copy(tmp_path)
    monkeypatch.setattr(words, "DIRECTORY", folder)
    try:
        words.clear_cache()
        assert words.text("vi", "common.unverified")
        words.clear_cache()  # nothing saved: the words read stay
        assert words._words.cache_info().currsize == 1
        vi = folder / "vi.yml"
        stat = vi.stat()
        os.utime(vi, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        words.clear_cache()  # an editor saved vi.yml: read again
        assert words._words.cache_info().currsize == 0
    finally:
        monkeypatch.undo()
        words.clear_cache()
