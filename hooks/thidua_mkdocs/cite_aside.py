"""Citation links kept away from Markdown, their words left in it (issue 16, item 6).

A citation link is a line of HTML (``legal-cite.html.j2``) that Markdown parses tag by
tag only to output it unchanged: on the criteria changes page (240 links) that was half
of the page's Markdown time. Only the link's words must stay in Markdown, where the
``abbr`` extension marks the abbreviations they hold. So the legal hook writes, for each
link, a private-use character, the words, and another private-use character; after
Markdown, each character is replaced by the HTML it stands for: the same page, cheaper.

Not set aside (the link is written in full, as before): a link on a heading or an
admonition's title line (its words go to the table of contents and the title, which
``put_back`` never sees), and every link of a page whose text already holds a
private-use character.
"""

from __future__ import annotations

import re

_FIRST = 0xE000
_LAST = 0xF8FF
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_TITLE_LINE = re.compile(r"[ \t]*(?:#|!!!|\?\?\?)")
# Up to this many pieces, ``put_back`` replaces each character in turn (each a fast
# search of the page); beyond, one pass of the regex over the page.
_FEW = 8


class Pieces:
    """One page's set-aside HTML: the opening and the closing of each citation link."""

    def __init__(self, markdown: str) -> None:
        self.markdown = markdown
        self.usable = _PRIVATE.search(markdown) is None
        self.pieces: list[str] = []

    def wrap(self, start: int, opening: str, words: str, closing: str) -> str | None:
        """The stand-in of the link at ``start`` of the page's Markdown, or None where
        the link must be written in full."""
        if not self.usable or _FIRST + len(self.pieces) + 1 > _LAST:
            return None
        if on_title_line(self.markdown, start):
            return None
        first = _FIRST + len(self.pieces)
        self.pieces += [opening, closing]
        return f"{chr(first)}{words}{chr(first + 1)}"

    def put_back(self, html: str) -> str:
        """The page's HTML with each stand-in character replaced by its HTML."""
        if not self.pieces:
            return html
        pieces = self.pieces
        # A few links: a search per character beats the regex (unless a piece itself
        # holds such a character, which the regex would leave as it is).
        if len(pieces) <= _FEW and _PRIVATE.search("".join(pieces)) is None:
            for index, piece in enumerate(pieces):
                html = html.replace(chr(_FIRST + index), piece)
            return html

        def one(match: re.Match[str]) -> str:
            index = ord(match[0]) - _FIRST
            return pieces[index] if index < len(pieces) else match[0]

        return _PRIVATE.sub(one, html)


def on_title_line(markdown: str, position: int) -> bool:
    """True when ``position`` is on a heading (ATX or setext) or an admonition's line."""
    line_start = markdown.rfind("\n", 0, position) + 1
    if _TITLE_LINE.match(markdown, line_start):
        return True
    line_end = markdown.find("\n", position)
    if line_end < 0:
        return False
    next_end = markdown.find("\n", line_end + 1)
    next_line = markdown[line_end + 1 : next_end if next_end >= 0 else len(markdown)]
    return _SETEXT.fullmatch(next_line) is not None
