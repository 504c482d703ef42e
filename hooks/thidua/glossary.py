"""The site-wide glossary of abbreviations.

One file, ``includes/abbreviations.md``, holds every abbreviation as a Markdown
abbreviation definition (``*[LĐTT]: Lao động tiên tiến — Advanced worker``):
pymdown's snippets appends it to every page, so each abbreviation gets a
tooltip, and this module reads the same file to build the Thuật ngữ page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from thidua.errors import ContentError
from thidua.slug import fold

_LINE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<text>.*\S)\s*$")
_SEPARATOR = " — "


@dataclass(frozen=True)
class Term:
    """One abbreviation with its Vietnamese expansion and English gloss."""

    abbr: str
    vi: str
    en: str

    @property
    def sort_key(self) -> str:
        """Alphabetical order without diacritics, as staff look terms up."""
        return fold(self.abbr).lower()


def parse(text: str, source: str = "includes/abbreviations.md") -> list[Term]:
    """Parse abbreviation definitions; blank lines and HTML comments are skipped.

    A malformed line, a missing English gloss or an abbreviation defined twice
    raises ``ContentError`` naming the file and line.
    """
    terms: list[Term] = []
    seen: dict[str, int] = {}
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if in_comment or line.startswith("<!--"):
            in_comment = "-->" not in line
            continue
        if not line:
            continue
        match = _LINE.match(line)
        if not match:
            raise ContentError(
                source,
                number,
                "abbreviation",
                f"found {line!r}",
                "a line '*[ABBR]: tiếng Việt — English'",
            )
        abbr, expansion = match["abbr"], match["text"]
        if _SEPARATOR not in expansion:
            raise ContentError(
                source,
                number,
                abbr,
                f"no English gloss in {expansion!r}",
                f"'<tiếng Việt>{_SEPARATOR}<English>' (the separator is an em dash with spaces)",
            )
        if abbr in seen:
            raise ContentError(
                source,
                number,
                abbr,
                f"defined again (first on line {seen[abbr]})",
                "each abbreviation once",
            )
        seen[abbr] = number
        vi, en = (part.strip() for part in expansion.split(_SEPARATOR, 1))
        terms.append(Term(abbr=abbr, vi=vi, en=en))
    return sorted(terms, key=lambda term: term.sort_key)
