"""Benchmark helper hook (``scripts/bench.py`` only, never in ``mkdocs.yml``).

Registered last, at the lowest priority, it writes the Markdown that each page hands
to Python-Markdown once every other hook has run, under
``$THIDUA_BENCH_DUMP/<language>/<source path>``. The benchmark builds plain Material
on that Markdown too, so that one ratio compares the same Markdown with and without
our hooks (issue 16: "hooks overhead against plain Material on the same Markdown").
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


def _plain(value: object) -> bool:
    """Whether YAML can write the value back (only a hook puts anything else there)."""
    try:
        yaml.safe_dump(value)
    except yaml.YAMLError:
        return False
    return True


@event_priority(-10_000)
def on_page_markdown(markdown, page, config, files):
    """Write the page's front matter and final Markdown; change nothing.

    The front matter goes back on top (the template, search boost and title it names
    are part of the page); a value that is no plain data, which only a hook can put
    there, is left out.
    """
    language = config.theme.get("language") or "vi"
    target = Path(os.environ["THIDUA_BENCH_DUMP"]) / language / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in page.meta.items() if _plain(v)}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    target.write_text(f"---\n{front}---\n\n{markdown}" if meta else markdown, encoding="utf-8")
