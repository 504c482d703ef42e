"""Citation markers in Markdown: ``[[06/2022/QH15 Điều 24 khoản 1 | custom text]]``.

Markers inside fenced code, inline code and HTML comments are left alone, so
editors can show the syntax itself.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from thidua.errors import ContentError
from thidua.legal.ref import Ref, RefSyntaxError, parse

MARKER = re.compile(r"\[\[(?P<body>[^\[\]\n]+?)\]\]")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
SYNTAX = (
    "[[06/2022/QH15 Điều 24 khoản 1 điểm a]], [[Luật 06/2022/QH15 Điều 24]], "
    "[[điểm a khoản 1 Điều 24 Luật 06/2022/QH15]], [[98/2023/NĐ-CP]], "
    "[[06/2022/QH15 Điều 24 | văn bản hiển thị]]"
)


@dataclass(frozen=True)
class Citation:
    """One marker found in a page."""

    raw: str
    ref: Ref
    kind: str | None
    text: str | None
    line: int
    start: int
    end: int


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of fenced code, code spans and comments (never checked).

    Remembered by text: the checks of one page (citations, markers, anchors, mentions)
    each ask for the same page's spans.
    """
    return list(_masked_spans(text))


@functools.lru_cache(maxsize=1024)
def _masked_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    # Each scan runs only when its opening characters occur at all (the same spans).
    if "```" in text or "~~~" in text:
        position = 0
        while opening := _FENCE.search(text, position):
            fence = opening[1]
            closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
            close = closing.search(text, opening.end())
            end = close.end() if close else len(text)
            spans.append((opening.start(), end))
            position = end
    if "<!--" in text:
        spans += [m.span() for m in _COMMENT.finditer(text) if not _inside(m.start(), spans)]
    if "`" in text:
        spans += [span for span in code_spans(text) if not _inside(span[0], spans)]
    return tuple(spans)


_BACKTICKS = re.compile(r"`+")


def code_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``_CODE_SPAN.finditer(text)`` gives, found from the runs of backticks: a
    run opens a span that the next run of the same length closes (the regex, tried at
    every character of a page, was the larger part of a page's checks).

    >>> code_spans("a `b` ``c`d`` `e")
    [(2, 5), (6, 13)]
    """
    runs = [match.span() for match in _BACKTICKS.finditer(text)]
    by_width: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_width.setdefault(end - start, []).append(index)
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_width[end - start]
        after = bisect.bisect_right(same, index)
        if after == len(same):
            index += 1  # no closing run: the regex fails here and moves on
            continue
        close = same[after]
        spans.append((start, runs[close][1]))
        index = close + 1
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def find_citations(text: str, file: str, offset: int = 0) -> list[Citation]:
    """All markers of ``text``, parsed; a marker the grammar cannot read raises ContentError.

    ``offset`` is the number of file lines before ``text`` (front matter), so that
    messages name the line in the file. Remembered for the same arguments (a page is
    read by the check, then rendered, in each language pass and serve rebuild).
    """
    if "[[" not in text:
        return []
    return list(_find_citations(text, file, offset))


@functools.lru_cache(maxsize=4096)
def _find_citations(text: str, file: str, offset: int) -> tuple[Citation, ...]:
    """``find_citations`` without the copy (citations are frozen)."""
    masked = masked_spans(text)
    found = []
    for match in MARKER.finditer(text):
        if _inside(match.start(), masked):
            continue
        line = text.count("\n", 0, match.start()) + 1 + offset
        body, _, custom = match["body"].partition("|")
        body = body.removesuffix("\\")  # "\|" inside a Markdown table cell
        try:
            ref, kind = parse(body)
        except RefSyntaxError as error:
            raise ContentError(file, line, "citation", f"{match[0]}: {error}", SYNTAX) from None
        found.append(
            Citation(
                raw=match[0],
                ref=ref,
                kind=kind,
                text=custom.strip() or None,
                line=line,
                start=match.start(),
                end=match.end(),
            )
        )
    return tuple(found)


def replace_citations(
    text: str, citations: list[Citation], render: Callable[[Citation], str]
) -> str:
    """``text`` with each citation replaced by ``render(citation)``."""
    out = []
    position = 0
    for citation in citations:
        out.append(text[position : citation.start])
        out.append(render(citation))
        position = citation.end
    out.append(text[position:])
    return "".join(out)
