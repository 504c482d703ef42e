"""Hook: the per-language fixes every page needs (toolchain.md, pitfalls 3–4).

- The 404 page is rendered only in the default-language pass, so it stays
  Vietnamese (static-i18n would otherwise leave the last language's copy).
- English pages that fall back to the Vietnamese source are marked, and the
  template shows "Trang này chưa được dịch" above them.
- static-i18n's removal of repeated search entries is replaced by the same rule in
  linear time (``thidua_mkdocs.search.duplicates``): its quadratic loop made two languages
  cost several times one language on large sites.
"""

from __future__ import annotations

from thidua_mkdocs import i18n
from thidua_mkdocs.search.duplicates import remove_duplicates

NOT_FOUND = "404.html"


def on_config(config):
    """Give static-i18n the linear-time removal of repeated search entries."""
    plugin = config.plugins.get("i18n")
    if plugin is not None and hasattr(plugin, "reconfigure_search_duplicates"):

        def reconfigure_search_duplicates(entries: list[dict]) -> None:
            prefixes = [f"{lang}/" for lang in plugin.build_languages]
            remove_duplicates(entries, prefixes)

        plugin.reconfigure_search_duplicates = reconfigure_search_duplicates
    return config


def on_pre_build(config, **kwargs) -> None:
    """Render 404.html in the default-language pass only."""
    templates = config.theme.static_templates
    if i18n.current_language(config) == i18n.default_language(config):
        templates.add(NOT_FOUND)
    else:
        templates.discard(NOT_FOUND)


def on_page_markdown(markdown, page, config, files):
    """Flag English pages served from the Vietnamese source."""
    page.meta["thidua_untranslated"] = i18n.is_untranslated(page, config)
    return markdown
