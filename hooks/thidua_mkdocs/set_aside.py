"""Raw HTML blocks kept away from Markdown and put back after it.

A generated page (a checklist, a Điểm mới comparison) holds big blocks of raw HTML
that Markdown would parse tag by tag (md_in_html) only to output them unchanged. The
templates mark each block between ``<!-- thidua:html -->`` and ``<!-- /thidua:html -->``
lines; before Markdown a one-line comment stands in for it, and in ``on_page_content``
the block is put back where Markdown wrote the comment: the same HTML, cheaper. A block
still holding a citation marker stays in the Markdown, where the legal hook renders it.
"""

from __future__ import annotations

import re

_MARKED = re.compile(
    r"^<!-- thidua:html -->\n(.*?)\n<!-- /thidua:html -->$", re.DOTALL | re.MULTILINE
)


class HtmlBlocks:
    """Set aside and put back one hook's blocks; ``name`` tells its stand-ins apart.

    ``keep``/``restore`` remember each page's blocks between its Markdown and its HTML,
    by (language, src_uri); ``forget`` drops a language pass's before it starts again.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._prefix = f"<!-- thidua:{name}-html "
        self._stand_in = re.compile(rf"{re.escape(self._prefix)}(\d+) -->")
        self._kept: dict[tuple[str, str], list[str]] = {}

    def set_aside(self, markdown: str) -> tuple[str, list[str]]:
        """The page with each marked block replaced by a stand-in comment, and the blocks."""
        blocks: list[str] = []

        def one(match: re.Match[str]) -> str:
            if "[[" in match[1]:
                return match[1]  # a citation marker: the legal hook must see it, Markdown too
            blocks.append(match[1])
            return f"{self._prefix}{len(blocks) - 1} -->"

        return _MARKED.sub(one, markdown), blocks

    def put_back(self, html: str, blocks: list[str]) -> str:
        """The page's HTML with each stand-in comment replaced by its block."""
        return self._stand_in.sub(lambda match: blocks[int(match[1])], html) if blocks else html

    def keep(self, lang: str, src_uri: str, markdown: str) -> str:
        """``set_aside`` for one page, its blocks remembered for ``restore``."""
        markdown, self._kept[(lang, src_uri)] = self.set_aside(markdown)
        return markdown

    def restore(self, lang: str, src_uri: str, html: str) -> str:
        """The page's HTML with the blocks ``keep`` set aside put back."""
        if self._prefix not in html:
            return html
        return self.put_back(html, self._kept.get((lang, src_uri), []))

    def forget(self, lang: str) -> None:
        """Drop the blocks of a language pass (a page an editor removed leaves nothing)."""
        for key in [key for key in self._kept if key[0] == lang]:
            del self._kept[key]
