"""Hook: the Thuật ngữ page, generated from ``includes/abbreviations.md``.

The same file gives every page its abbreviation tooltips (snippets auto-append),
so the glossary page and the tooltips can never disagree.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from thidua import glossary
from thidua.errors import ContentError
from thidua_mkdocs import i18n, render
from thidua_mkdocs.generated import add_generated_page

PAGE = "thuat-ngu/index.md"
SOURCE = "includes/abbreviations.md"


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
