"""Render the Jinja templates that generated pages and fragments come from.

Templates live in ``hooks/thidua_mkdocs/templates``; Python computes plain data,
the template owns the markup (Material's own hook style).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "html.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template(name: str, **context: Any) -> str:
    """Render ``templates/<name>`` with ``context``."""
    return _environment().get_template(name).render(**context)
