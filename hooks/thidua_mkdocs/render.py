"""Render the Jinja templates that generated pages and fragments come from.

Templates live in ``hooks/thidua_mkdocs/templates``; Python computes plain data,
the template owns the markup (Material's own hook style).

Every template has ``t(key, **values)``: the page words of ``thidua.words`` in the
language of the template's ``lang`` (``t("tu_danh_gia.year.title")``; a group key gives
its mapping, e.g. the options of a select; ``{name}`` placeholders are filled from
``values``). An unknown key stops the build naming the words file and the key.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from thidua import words

TEMPLATES = Path(__file__).parent / "templates"


@pass_context
def t(context: Context, key: str, **values: Any) -> Any:
    """The words at ``key`` in the template's language (``lang``; Vietnamese without one)."""
    lang = context.get("lang")
    if values:
        return words.text(lang, key, **values)
    return words.lookup(lang, key)


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "html.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals["t"] = t
    return environment


def template(name: str, **context: Any) -> str:
    """Render ``templates/<name>`` with ``context``."""
    return _environment().get_template(name).render(**context)
