"""Pages generated at build time, correct in every language.

static-i18n crashes on a plain ``File.generated`` added before it runs and points
the language switcher at the wrong page unless the file carries its language
attributes (toolchain.md, pitfalls 2–3). Hooks that generate pages call
``add_generated_page`` from an ``on_files`` handler with
``@event_priority(-200)`` (after the plugin) and get all of this right.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from thidua_mkdocs import i18n


def _file_for(config: MkDocsConfig, src_uri: str, lang: str, content: str) -> File:
    file = File.generated(config, src_uri, content=content)
    if lang != i18n.default_language(config):
        # Same layout as static-i18n's suffix structure: en/<path>.
        file.dest_uri = f"{lang}/{file.dest_uri}"
    file.locale = lang
    file.locale_alternate_of = lang
    file.localization = None if lang == i18n.default_language(config) else lang
    file.norm_src_uri = src_uri
    return file


def url_for(config: MkDocsConfig, src_uri: str) -> str:
    """The URL (from the site root) that the page ``src_uri`` gets in this pass.

    Computed by MkDocs itself, so it follows ``use_directory_urls`` (the offline
    build turns it off) and the language prefix; never build such URLs by hand.
    """
    return _file_for(config, src_uri, i18n.current_language(config), "").url


def add_generated_page(files: Files, config: MkDocsConfig, src_uri: str, content: str) -> File:
    """Add the page ``src_uri`` (language-neutral, e.g. ``thuat-ngu/index.md``).

    ``content`` is the Markdown for the language being built. The page is listed
    in ``nav:`` under ``src_uri`` like a hand-written page; its alternates point
    at the same page in the other languages, so the switcher stays on the page.
    """
    lang = i18n.current_language(config)
    file = _file_for(config, src_uri, lang, content)
    alternates: dict[str, Any] = {}
    for other in i18n.build_languages(config):
        alternates[other] = file if other == lang else _file_for(config, src_uri, other, "")
    file.alternates = alternates
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)
    i18n.register_sitemap_page(config, file)
    return file
