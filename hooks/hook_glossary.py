"""Hook: the Thuật ngữ page, generated from ``includes/abbreviations.md``.

The same file gives every page its abbreviation tooltips (snippets auto-append),
so the glossary page and the tooltips can never disagree. Markdown's abbr extension
writes the title on every occurrence (Hỏi đáp: 168 of 15 abbreviations, 12 KB); a page
keeps it on the first of each only, and ``legal.js`` gives it back to the others before
Material makes tooltips of them (issue 17 item 6: page weight, first paint).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from thidua import glossary
from thidua.errors import ContentError
from thidua_mkdocs import i18n, render
from thidua_mkdocs.generated import add_generated_page

PAGE = "thuat-ngu/index.md"
SOURCE = "includes/abbreviations.md"
# What Python-Markdown's abbr extension writes: <abbr title="…">HTXS</abbr>.
_ABBR = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


@event_priority(-200)  # after static-i18n (toolchain.md, pitfall 2)
def on_files(files, config):
    """Add the glossary page for the language being built."""
    path = Path(config.config_file_path).parent / SOURCE
    try:
        terms = glossary.parse(path.read_text(encoding="utf-8"), SOURCE)
    except ContentError as error:
        raise PluginError(error.message) from None
    lang = i18n.current_language(config)
    content = render.template("thuat-ngu.md.j2", lang=lang, terms=terms)
    add_generated_page(files, config, PAGE, content)
    return files


def first_titles_only(html: str) -> str:
    """Keep an abbreviation's title on its first occurrence in ``html`` only.

    >>> first_titles_only('<abbr title="Nghị định">NĐ</abbr> <abbr title="Nghị định">NĐ</abbr>')
    '<abbr title="Nghị định">NĐ</abbr> <abbr>NĐ</abbr>'
    """
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        if match[1] in seen:
            return f"<abbr>{match[1]}</abbr>"
        seen.add(match[1])
        return match[0]

    return _ABBR.sub(once, html)


def on_page_content(html, page, config, files):
    """Abbreviation titles: the first occurrence of each on the page carries it."""
    return first_titles_only(html) if "<abbr" in html else html
