"""One place for what static-i18n does to a build (toolchain.md, pitfalls 1–4).

static-i18n builds the whole site once per language, re-running every hook event;
these helpers tell a hook which language is being built without keeping state.
"""

from __future__ import annotations

from typing import Any

DEFAULT_LANGUAGE = "vi"


def _plugin(config: Any) -> Any | None:
    return config.plugins.get("i18n")


def current_language(config: Any) -> str:
    """Language of the pass being built (``vi`` when the plugin is absent)."""
    plugin = _plugin(config)
    return getattr(plugin, "current_language", None) or default_language(config)


def default_language(config: Any) -> str:
    """The site's default language (pages without a suffix)."""
    plugin = _plugin(config)
    return getattr(plugin, "default_language", None) or DEFAULT_LANGUAGE


def build_languages(config: Any) -> list[str]:
    """All languages built, default first."""
    plugin = _plugin(config)
    if plugin is None:
        return [DEFAULT_LANGUAGE]
    default = default_language(config)
    others = [lang for lang in plugin.build_languages if lang != default]
    return [default, *others]


def is_untranslated(page: Any, config: Any) -> bool:
    """True when a non-default language pass renders a default-language source.

    static-i18n's ``fallback_to_default`` serves the Vietnamese page at the English
    URL; the file keeps ``locale == "vi"`` while the pass is ``en``.
    """
    locale = getattr(page.file, "locale", None)
    lang = current_language(config)
    return locale is not None and lang != default_language(config) and locale != lang


def register_sitemap_page(config: Any, file: Any) -> None:
    """Add a generated page to static-i18n's sitemap list for this language."""
    plugin = _plugin(config)
    if plugin is None:
        return
    per_language = getattr(plugin, "i18n_files_per_language", None)
    if per_language is not None:
        per_language.setdefault(current_language(config), []).append(file)
