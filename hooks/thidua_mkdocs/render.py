"""Render the Jinja templates that generated pages and fragments come from.

Templates live in ``hooks/thidua_mkdocs/templates``; Python computes plain data,
the template owns the markup (Material's own hook style).

Every template has ``t(key, **values)``: the page words of ``thidua.words`` in the
language of the template's ``lang`` (required) (``t("tu_danh_gia.year.title")``; a group key gives
its mapping, e.g. the options of a select; ``{name}`` placeholders are filled from
``values``). An unknown key stops the build naming the words file and the key.
The theme's templates (``overrides/*.html``) get the same ``t`` as ``theme_t``
(``hooks/hook_tu_danh_gia.py``, ``on_env``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from thidua import words

TEMPLATES = Path(__file__).parent / "templates"


@pass_context
def t(context: Context, key: str, **values: Any) -> Any:
    """The words at ``key`` in the template's language (its ``lang``, which must be given)."""
    lang = context.get("lang")
    if not isinstance(lang, str):
        # An imported macro file without "with context", or a render without lang: say so
        # rather than fall back to Vietnamese on an English page.
        raise TypeError(f"{context.name}: t({key!r}) needs the template's lang")
    if values:
        return words.text(lang, key, **values)
    return words.lookup(lang, key)


@pass_context
def theme_t(context: Context, key: str, **values: Any) -> Any:
    """``t(key)`` for the theme's templates (``overrides/*.html``): the pass's language.

    mkdocs-static-i18n sets ``config.theme.language`` for each language it builds.
    """
    lang = context["config"].theme.language
    return words.text(lang, key, **values) if values else words.lookup(lang, key)


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiling our templates costs each build process about 0.2 s: Jinja keeps the
    compiled code in the user's temporary folder, keyed by the template's name and
    source, so an edited template is compiled again. None where that folder cannot be
    made (the templates are then compiled in each process, as before)."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "html.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    environment.globals["t"] = t
    return environment


def template(name: str, **context: Any) -> str:
    """Render ``templates/<name>`` with ``context``."""
    return _environment().get_template(name).render(**context)
