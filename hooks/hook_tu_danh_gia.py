"""Hook: the self-evaluation page (issue 5).

- ``on_files`` publishes ``assets/data/thidua-data.js`` (``window.THIDUA_DATA`` from
  ``thidua.criteria.export_data()``; broken data stops the build) and
  ``window.THIDUA_LEGAL_LINKS``: legal_basis → clause URL). Both language passes
  write the same file. ``assets/data/cham-diem.js`` (``window.THIDUA_CHAM_DIEM``) carries
  the scoring data of ``data/cham-diem/`` (``thidua.cham_diem``; bad data stops
  the build naming file and line).
- ``on_files`` also publishes the words the page's scripts write,
  ``assets/js/tu-danh-gia/texts-vi.js`` and ``texts-en.js`` (``TDG.texts[lang]``), from
  the words files (``thidua.words``, group ``tu_danh_gia_js``): no hand-kept copy.
- ``on_page_content`` replaces the marker ``<!-- thidua:tu-danh-gia -->`` with the
  form, rendered from ``templates/tu-danh-gia/form.html.j2`` in the page's language
  (its words through ``t("tu_danh_gia.…")``).
  The form works without JavaScript as a printable blank form; the scripts loaded by
  ``overrides/tu-danh-gia.html`` enhance it.
"""

from __future__ import annotations

import json
from functools import cache, partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from thidua import cham_diem, words
from thidua.errors import ContentError
from thidua.file_stamp import stamp
from thidua_mkdocs import i18n, render, tu_danh_gia

MARKER = "<!-- thidua:tu-danh-gia -->"
DATA_FILE = "assets/data/thidua-data.js"
SCORING_FILE = "assets/data/cham-diem.js"
LAYER_FILE = "assets/data/thidua-layer.js"
TEXTS_FILE = "assets/js/tu-danh-gia/texts-{lang}.js"


@cache  # within one build; across builds ``_data`` keeps it while its inputs hold
def _build_data(root: str, directory_urls: bool = True) -> tuple[object, str, dict, dict, dict]:
    def url_of(src_uri: str) -> str:
        # MkDocs computes the URL (the offline build has no directory URLs).
        return File(src_uri, "", "", directory_urls).url

    try:
        data, source = tu_danh_gia.export_data(Path(root))
        scoring = cham_diem.load(Path(root))
        links = tu_danh_gia.legal_links([data, scoring], Path(root) / "docs", url_of)
    except ContentError as error:
        problems = getattr(error, "errors", [error])
        raise PluginError("\n".join(problem.message for problem in problems)) from None
    return data, source, links, tu_danh_gia.rules_meta(data), scoring


def _inputs_stamp(root: Path) -> tuple:
    """The files the data and the scripts are made from beside the cached objects: the
    criteria, scoring and case data, the words files, the templates and this hook's code
    (reloaded by MkDocs at every rebuild)."""
    return (
        stamp([root / "data"], (".yaml", ".yml")),
        stamp([words.DIRECTORY], (".yml",)),
        stamp([render.TEMPLATES / "tu-danh-gia"], (".j2",)),
        Path(__file__).stat().st_mtime_ns,
    )


def _data(config) -> tuple[object, str, dict, dict, dict]:
    """``_build_data``, kept across the language passes and ``serve`` rebuilds while the
    cached rules and the register's documents are the same objects and no data, words
    or template file changed."""
    root = Path(config.config_file_path).parent
    try:
        from thidua.criteria import load_rules

        objects = (load_rules(root), *tu_danh_gia.register_documents(root / "docs"))
    except ContentError as error:
        problems = getattr(error, "errors", [error])
        raise PluginError("\n".join(problem.message for problem in problems)) from None
    return tu_danh_gia.KEPT.get(
        ("data", str(root), config.use_directory_urls),
        objects,
        _inputs_stamp(root),
        lambda: _build_data(str(root), config.use_directory_urls),
    )


@cache
def _build_layer(root: str, layer_id: str, directory_urls: bool) -> tuple[dict, dict]:
    """The layer's data for the page and the links of the clauses it cites."""
    from thidua.layers import LayerError

    def url_of(src_uri: str) -> str:
        return File(src_uri, "", "", directory_urls).url

    try:
        data = tu_danh_gia.layer_data(Path(root), layer_id)
        links = tu_danh_gia.legal_links(data["rules"], Path(root) / "docs", url_of)
    except (LayerError, ContentError) as error:
        raise PluginError(f"thidua.yml: lop_quy_che: {error}") from None
    return data, links


def _layer(config) -> tuple[dict, dict] | None:
    """The layer named by thidua.yml (``lop_quy_che``), or None for the national law only."""
    layer_id = tu_danh_gia.active_layer(config.extra)
    if layer_id is None:
        return None
    root = str(Path(config.config_file_path).parent)
    return _build_layer(root, layer_id, config.use_directory_urls)


def on_startup(command, dirty):
    """A new build (or a rebuild under ``serve``) reads the data afresh if it changed."""
    _build_data.cache_clear()
    _build_layer.cache_clear()
    tu_danh_gia.clear_caches()
    words.clear_cache()


def on_pre_build(config, **kwargs):
    """Forget the data of an earlier ``serve`` rebuild (once per language is cheap)."""
    if i18n.current_language(config) == i18n.default_language(config):
        _build_data.cache_clear()
        _build_layer.cache_clear()
        tu_danh_gia.clear_caches()
        words.clear_cache()


@event_priority(-200)  # after static-i18n (toolchain.md, pitfall 2)
def on_files(files, config):
    """Publish the data script and the script words for the browser."""
    root = Path(config.config_file_path).parent
    data, _source, links, _meta, scoring = _data(config)
    outputs = [
        (DATA_FILE, tu_danh_gia.data_script(data, links)),
        (SCORING_FILE, cham_diem.script(scoring)),
    ]
    try:
        outputs += [
            (TEXTS_FILE.format(lang=lang), texts_script(lang, root)) for lang in words.LANGUAGES
        ]
    except ContentError as error:
        problems = getattr(error, "errors", [error])
        raise PluginError("\n".join(problem.message for problem in problems)) from None
    layer = _layer(config)
    if layer is not None:
        outputs.append((LAYER_FILE, tu_danh_gia.layer_script(*layer)))
    for path, content in outputs:
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    return files


def texts_script(lang: str, root: Path | None = None) -> str:
    """The text of ``assets/js/tu-danh-gia/texts-<lang>.js`` (``window.TDG.texts[lang]``),
    kept while the words files, the templates and this file are unchanged (``root``:
    the project, whose data is part of the stamp; by default this checkout's)."""
    root = root or Path(__file__).resolve().parents[1]
    return tu_danh_gia.KEPT.get(("texts", lang), (), _inputs_stamp(root), partial(_texts, lang))


def _texts(lang: str) -> str:
    """The script words of ``lang``, rendered (what ``texts_script`` keeps)."""
    script = tu_danh_gia.texts_script(lang, words.group(lang, "tu_danh_gia_js"))
    return render.template("tu-danh-gia/texts.js.j2", script=script)


def on_env(env, config, files):
    """``t(key)`` in the theme's templates (``overrides/*.html``), in the pass's language."""
    env.globals["t"] = render.theme_t
    return env


def on_page_content(html, page, config, files):
    """Replace the marker with the self-evaluation form."""
    if MARKER not in html:
        return html
    lang = i18n.current_language(config)
    data, source, links, meta, scoring = _data(config)
    home = "" if lang == i18n.default_language(config) else f"{lang}/"
    layer = _layer(config)
    if layer is not None:
        links = {**layer[1], **links}
    form = render.template(
        "tu-danh-gia/form.html.j2",
        lang=lang,
        labels=tu_danh_gia.code_labels(
            data["labels"], lang, words.text(lang, "tu_danh_gia.not_classified_note")
        ),
        meta=meta,
        meta_json=json.dumps(meta, separators=(",", ":")),
        data_available=data is not None,
        data_source=source,
        links=links,
        lang_root=get_relative_url(home or ".", page.url).rstrip("/") + "/",
        default_year=max(meta["years"]),
        # The period codes the contract takes (its options and the fill buttons' counts).
        periods=data["contract"]["periods"],
        scoring=scoring,
        layer=layer[0] if layer else None,
    )
    return html.replace(MARKER, form, 1)
