"""Text comparison for "Điểm mới": normalised text, similarity, word-level diff.

Plain Python (``difflib``), no MkDocs. Used by ``thidua.legal.diem_moi`` to pair the
articles of a document with those of its predecessor and to show what changed.

- ``normalise(text)``: lower case, NFC, punctuation and extra spaces removed — the
  form in which two wordings are compared ("Điều 5." equals "điều 5").
- ``similarity(title_a, text_a, title_b, text_b)``: how alike two articles are, 0–1:
  the mean of the ``difflib`` ratio of the normalised titles and of the normalised
  texts (the title alone when either text is empty). ``Words`` computes the same
  figure, or a cheap upper bound of it, for an article compared many times.
- ``word_diff(old, new)``: the two texts (lists of paragraphs) cut into runs of
  unchanged, deleted and inserted words, paragraph by paragraph, for a side-by-side view.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

# A word with the spaces after it, or one punctuation mark with the spaces after it.
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
_PUNCT = re.compile(r"[^\w\s]")
PARAGRAPH = "\n"  # the token that separates two paragraphs in a diff

SAME, DELETED, INSERTED = "same", "del", "ins"


def normalise(text: str) -> str:
    """Lower case, NFC, without punctuation, single spaces."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


def ratio(a: str, b: str) -> float:
    """``difflib`` ratio of the word sequences of two normalised texts (1.0 when both empty)."""
    words_a, words_b = normalise(a).split(), normalise(b).split()
    if not words_a and not words_b:
        return 1.0
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def similarity(title_a: str, text_a: str, title_b: str, text_b: str) -> float:
    """How alike two articles are (0–1): mean of the title ratio and the text ratio.

    When either article has no text (a summary may give a title only), the title
    ratio alone counts.
    """
    titles = ratio(title_a, title_b)
    if not normalise(text_a) or not normalise(text_b):
        return titles
    return (titles + ratio(text_a, text_b)) / 2


# Levels of ``Words.similarity``: how much work is spent on the figure.
LENGTHS, COUNTS, EXACT = 0, 1, 2


class Words:
    """An article's title and text as normalised words, for comparing it many times.

    ``a.similarity(b)`` equals ``similarity(a's title, a's text, b's title, b's text)``
    but normalises each text once and keeps ``b``'s ``difflib`` tables (built for the
    second text of a comparison) across the comparisons with ``b``. With a lower
    ``level`` it returns an upper bound of that figure for much less work: difflib's
    ``real_quick_ratio`` (word counts only) or ``quick_ratio`` (words shared, in any
    order). Each bound is the same division as the exact ratio with a numerator at
    least as large, so in floating point too it is never below the exact figure;
    ``pair_articles`` uses them to skip pairs that cannot win.
    """

    def __init__(self, title: str, text: str) -> None:
        self.title = normalise(title).split()
        self.text = normalise(text).split()
        self._matchers: tuple[difflib.SequenceMatcher, difflib.SequenceMatcher] | None = None

    def _as_second(self) -> tuple[difflib.SequenceMatcher, difflib.SequenceMatcher]:
        if self._matchers is None:
            self._matchers = (
                difflib.SequenceMatcher(None, [], self.title, autojunk=False),
                difflib.SequenceMatcher(None, [], self.text, autojunk=False),
            )
        return self._matchers

    def similarity(self, other: Words, level: int = EXACT) -> float:
        """``similarity`` of this article (first) and ``other``, or a bound of it."""
        titles_matcher, texts_matcher = other._as_second()
        titles = _ratio(titles_matcher, self.title, level)
        if not self.text or not other.text:
            return titles
        return (titles + _ratio(texts_matcher, self.text, level)) / 2


def _ratio(matcher: difflib.SequenceMatcher, words: list[str], level: int) -> float:
    """``ratio`` of ``words`` and the matcher's second sequence (or a bound of it)."""
    if not words and not matcher.b:
        return 1.0
    matcher.set_seq1(words)  # keeps the second sequence's tables
    if level == LENGTHS:
        return matcher.real_quick_ratio()
    if level == COUNTS:
        return matcher.quick_ratio()
    return matcher.ratio()


@dataclass(frozen=True)
class Run:
    """Consecutive words of one kind: ``same``, ``del`` (old side) or ``ins`` (new side)."""

    kind: str
    text: str


Side = list[list[Run]]  # paragraphs, each a list of runs


@dataclass
class WordDiff:
    """The two sides of a comparison and whether anything differs."""

    old: Side
    new: Side
    changed: bool


def _tokens(paragraphs: list[str]) -> list[str]:
    tokens: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            tokens.append(PARAGRAPH)
        tokens += _TOKEN.findall(" ".join(paragraph.split()))
    return tokens


def _key(token: str) -> str:
    return token if token == PARAGRAPH else unicodedata.normalize("NFC", token.strip())


def _opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(
        None, [_key(t) for t in old], [_key(t) for t in new], autojunk=False
    )
    codes = matcher.get_opcodes()
    # Readability: one unchanged word (or mark) between two changes joins them
    # ("[-a-] b [-c-]" reads better as one change "[-a b c-]").
    out: list[tuple[str, int, int, int, int]] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        lone = 0 < index < len(codes) - 1 and i2 - i1 == 1 and old[i1] != PARAGRAPH
        if tag == "equal" and lone:
            tag = "replace"
        if tag != "equal" and out and out[-1][0] != "equal":
            _, a1, _, b1, _ = out[-1]
            out[-1] = ("replace", a1, i2, b1, j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


def _append(side: Side, kind: str, tokens: list[str]) -> None:
    for token in tokens:
        if token == PARAGRAPH:
            side.append([])
            continue
        paragraph = side[-1]
        if paragraph and paragraph[-1].kind == kind:
            paragraph[-1] = Run(kind, paragraph[-1].text + token)
        else:
            paragraph.append(Run(kind, token))


def _tidy(side: Side) -> Side:
    """Spaces at the end of a run move out of a change; empty runs and paragraphs go."""
    out: Side = []
    for paragraph in side:
        runs: list[Run] = []
        for run in paragraph:
            text = run.text
            if run.kind != SAME and text != text.rstrip():
                runs.append(Run(run.kind, text.rstrip()))
                runs.append(Run(SAME, " "))
            elif text:
                runs.append(run)
        merged: list[Run] = []
        for run in runs:
            if merged and merged[-1].kind == run.kind:
                merged[-1] = Run(run.kind, merged[-1].text + run.text)
            else:
                merged.append(run)
        if merged and merged[-1].kind == SAME:
            merged[-1] = Run(SAME, merged[-1].text.rstrip())
            if not merged[-1].text:
                merged.pop()
        if merged:
            out.append(merged)
    return out


def word_diff(old: list[str], new: list[str]) -> WordDiff:
    """Word-level differences between two texts given as lists of paragraphs.

    Words are compared as written (case and diacritics count); spacing does not.
    """
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    old_side: Side = [[]]
    new_side: Side = [[]]
    changed = False
    for tag, i1, i2, j1, j2 in _opcodes(old_tokens, new_tokens):
        if tag == "equal":
            _append(old_side, SAME, old_tokens[i1:i2])
            _append(new_side, SAME, new_tokens[j1:j2])
            continue
        deleted, inserted = old_tokens[i1:i2], new_tokens[j1:j2]
        if [t for t in deleted if t.strip()] or [t for t in inserted if t.strip()]:
            changed = True
        _append(old_side, DELETED, deleted)
        _append(new_side, INSERTED, inserted)
    return WordDiff(_tidy(old_side), _tidy(new_side), changed)


def marked(side: Side) -> str:
    """A side as text, wdiff style: ``[-deleted-]``, ``{+inserted+}``, paragraphs on lines.

    For tests and for lawyers reading test cases.
    """
    lines = []
    for paragraph in side:
        parts = []
        for run in paragraph:
            if run.kind == DELETED:
                parts.append(f"[-{run.text}-]")
            elif run.kind == INSERTED:
                parts.append(f"{{+{run.text}+}}")
            else:
                parts.append(run.text)
        lines.append("".join(parts))
    return "\n".join(lines)


__all__ = [
    "DELETED",
    "INSERTED",
    "SAME",
    "Run",
    "COUNTS",
    "EXACT",
    "LENGTHS",
    "WordDiff",
    "Words",
    "marked",
    "normalise",
    "ratio",
    "similarity",
    "word_diff",
]
