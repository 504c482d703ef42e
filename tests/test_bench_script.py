"""scripts/bench.py generates the right configurations (no build is run here)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
import yaml
from thidua_testing import ROOT

SPEC = importlib.util.spec_from_file_location("thidua_bench", ROOT / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = bench  # dataclasses look their module up
SPEC.loader.exec_module(bench)

CORPUS = Path("/tmp/bench-corpus/docs")


@pytest.fixture(scope="module")
def project() -> dict:
    return bench.load_config(ROOT / "mkdocs.yml")


def configs(project: dict, languages: str) -> tuple[dict, dict]:
    return tuple(
        bench.make_config(project, ROOT, CORPUS, variant=v, languages=languages)
        for v in ("ours", "plain")
    )


@pytest.mark.parametrize("languages", ["vi", "vi+en"])
def test_plain_and_ours_differ_only_in_our_hooks_and_assets(project, languages):
    ours, plain = configs(project, languages)
    differing = {key for key in ours.keys() | plain.keys() if ours.get(key) != plain.get(key)}
    assert differing == {key for key in bench.OURS_ONLY_KEYS if key in project}
    assert "hooks" in ours and "hooks" not in plain
    assert ours["theme"] == plain["theme"]
    assert ours["markdown_extensions"] == plain["markdown_extensions"]


@pytest.mark.parametrize("variant", ["ours", "plain"])
def test_docs_dir_points_at_the_corpus_and_nav_is_gone(project, variant):
    config = bench.make_config(project, ROOT, CORPUS, variant=variant, languages="vi+en")
    assert config["docs_dir"] == str(CORPUS)
    assert "nav" not in config and "watch" not in config


def test_our_paths_are_absolute(project):
    ours, _ = configs(project, "vi+en")
    assert all(Path(hook).is_absolute() and Path(hook).is_file() for hook in ours["hooks"])
    assert Path(ours["theme"]["custom_dir"]) == ROOT / "overrides"
    snippets = next(
        e["pymdownx.snippets"]
        for e in ours["markdown_extensions"]
        if isinstance(e, dict) and "pymdownx.snippets" in e
    )
    assert all(Path(p).is_absolute() and Path(p).is_dir() for p in snippets["base_path"])


def test_languages_select_the_i18n_plugin(project):
    names = {
        langs: [bench._plugin_name(p) for p in configs(project, langs)[1]["plugins"]]
        for langs in ("vi", "vi+en")
    }
    assert "i18n" in names["vi+en"] and "i18n" not in names["vi"]
    assert "search" in names["vi"]


def test_generated_yaml_keeps_mkdocs_tags(project):
    ours, _ = configs(project, "vi")
    text = bench.dump_config(ours)
    assert "!!python/name:thidua.slug.slugify" in text
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.safe_load(text)  # the tags are real tags, not strings
    assert bench.load_config_text(text) == ours


def test_project_is_not_modified(project):
    bench.make_config(project, ROOT, CORPUS, variant="plain", languages="vi")
    assert project == bench.load_config(ROOT / "mkdocs.yml")
    assert "nav" in project and "hooks" in project


def test_missing_corpus_script_is_a_clear_error(tmp_path):
    with pytest.raises(bench.BenchError, match="make_corpus.py"):
        bench.corpus_script(tmp_path / "make_corpus.py")


def test_the_bench_citation_resolves_in_the_project():
    assert bench.check_citation(ROOT, ROOT / "docs") == bench.CITATION


def test_a_citation_the_register_lacks_stops_the_bench():
    with pytest.raises(bench.BenchError, match="does not resolve"):
        bench.check_citation(ROOT, ROOT / "docs", "06/2022/QH15 Điều 999")


def test_citations_go_under_each_page_title(tmp_path):
    front = '---\ntitle: "T"\n---\n'
    (tmp_path / "a.md").write_text(f"{front}\n# Tiêu đề\n\nNội dung.\n", encoding="utf-8")
    (tmp_path / "a.en.md").write_text(f"{front}\n# Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Không có tiêu đề.\n", encoding="utf-8")
    assert bench.add_citations(tmp_path, bench.CITATION) == 2
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        f"{front}\n# Tiêu đề\n\nCăn cứ: [[{bench.CITATION}]].\n\nNội dung.\n"
    )
    assert f"Legal basis: [[{bench.CITATION}]]" in (tmp_path / "a.en.md").read_text("utf-8")
    assert "[[" not in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_environment_names_the_machine():
    line = bench.environment()
    assert f"{os.cpu_count()} CPUs (" in line and "load average" in line
    assert "mkdocs-material" in line


def test_languages_choose_the_language_sets():
    assert bench.parse_args([]).languages == ("vi", "vi+en")
    assert bench.parse_args(["--languages", "vi"]).languages == ("vi",)
    assert bench.parse_args(["--languages", "vi+en, vi"]).languages == ("vi+en", "vi")


def test_an_unknown_language_set_is_named(capsys):
    with pytest.raises(SystemExit):
        bench.parse_args(["--languages", "vi,fr"])
    err = capsys.readouterr().err
    assert "--languages: fr is not a language set" in err and "allowed: vi, vi+en" in err


def test_same_differs_from_plain_only_in_its_markdown(project):
    plain = bench.make_config(project, ROOT, CORPUS, variant="plain", languages="vi+en")
    same = bench.make_config(project, ROOT, CORPUS, variant="same", languages="vi+en")
    assert same == plain and "hooks" not in same


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_dumped_markdown_is_laid_out_for_each_language(tmp_path):
    docs, dumped, target = tmp_path / "docs", tmp_path / "dump", tmp_path / "same"
    _write(docs / "a.md", "[[06/2022/QH15 Điều 24]]\n")
    _write(docs / "a.en.md", "[[06/2022/QH15 Điều 24]] en\n")
    _write(docs / "b.md", "b source\n")
    _write(docs / "c.md", "c source\n")
    _write(docs / "img" / "x.png", "png")
    _write(dumped / "vi" / "a.md", "[Luật 06](van-ban/luat.md#dieu-24)\n")
    _write(dumped / "vi" / "b.md", "b vi\n")
    _write(dumped / "vi" / "c.md", "c source\n")
    _write(dumped / "vi" / "tieu-chi" / "index.md", "generated vi\n")
    _write(dumped / "en" / "a.en.md", "[Law 06](van-ban/luat.md#dieu-24) en\n")
    _write(dumped / "en" / "b.md", "b as the English pass gave it\n")
    _write(dumped / "en" / "c.md", "c source\n")
    _write(dumped / "en" / "tieu-chi" / "index.md", "generated en\n")
    bench.merge_dump(dumped, docs, target)
    files = {p.relative_to(target).as_posix(): p.read_text("utf-8") for p in target.rglob("*.*")}
    assert files == {
        "a.md": "[Luật 06](van-ban/luat.md#dieu-24)\n",
        "a.en.md": "[Law 06](van-ban/luat.md#dieu-24) en\n",
        "b.md": "b vi\n",
        "b.en.md": "b as the English pass gave it\n",  # differs: the language gets its own
        "c.md": "c source\n",  # the same in both passes: static-i18n's fallback does it
        "tieu-chi/index.md": "generated vi\n",
        "tieu-chi/index.en.md": "generated en\n",
        "img/x.png": "png",
    }


def test_a_build_that_dumped_nothing_is_a_clear_error(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "dump").mkdir()
    with pytest.raises(bench.BenchError, match="wrote no Markdown"):
        bench.merge_dump(tmp_path / "dump", tmp_path / "docs", tmp_path / "same")


def test_the_dump_hook_writes_front_matter_and_markdown_per_language(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "bench_dump_hook", ROOT / "scripts" / "bench_dump_hook.py"
    )
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    monkeypatch.setenv("THIDUA_BENCH_DUMP", str(tmp_path))

    class File:
        src_uri = "huong-dan/a.md"

    class Page:
        file = File()
        meta = {"template": "tu-danh-gia.html", "search": {"boost": 0.5}, "obj": object()}

    class Config:
        theme = {"language": "en"}

    assert hook.on_page_markdown("# T\n\nBody\n", page=Page(), config=Config(), files=None) is None
    text = (tmp_path / "en" / "huong-dan" / "a.md").read_text(encoding="utf-8")
    assert text == "---\ntemplate: tu-danh-gia.html\nsearch:\n  boost: 0.5\n---\n\n# T\n\nBody\n"
