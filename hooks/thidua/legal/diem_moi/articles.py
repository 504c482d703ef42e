""" "Điểm mới", part 1: the articles of a document and how two versions are paired.

``articles(document)`` extracts each Điều with its plain text; ``pair_articles``
pairs the articles of two versions, the editor's mapping first, then by similarity
(``thidua.legal.diff.similarity``: difflib ratio of the normalised titles and texts)
as long as it reaches ``THRESHOLD``. Plain Python, no MkDocs.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

from thidua.legal.diff import EXACT, LENGTHS, WordDiff, Words, word_diff
from thidua.legal.registry import Document
from thidua.legal.structure import QUOTE_CLOSE, QUOTE_OPEN, plain

THRESHOLD = 0.5  # lowest similarity at which two articles are paired automatically
# Lowest similarity at which an editor's pair under another number counts as the same
# article renumbered; below it the two articles only correspond (CORRESPONDING).
NEAR_IDENTICAL = 0.9

# Status of a row of the comparison.
ADDED = "them"  # only in the new document
REMOVED = "bo"  # only in the old document
CHANGED = "sua_doi"  # paired, wording differs
RENUMBERED = "danh_so_lai"  # the same article under another number (wording may differ a little)
CORRESPONDING = "tuong_ung"  # paired by an editor under another number, text not near-identical
UNCHANGED = "khong_doi"  # paired, same wording
NOT_COMPARABLE = "khong_so_sanh"  # the old document's articles are not in the portal
STATUSES = (CHANGED, RENUMBERED, CORRESPONDING, ADDED, REMOVED, UNCHANGED, NOT_COMPARABLE)

# Who paired two articles.
BY_EDITOR = "bien_tap"
BY_SIMILARITY = "tu_dong"

_DIEU = re.compile(r"^Điều\s+(?P<num>\d+[a-z]?)$")
_HEADING = re.compile(r"^#{1,6}\s")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s*[-*+]\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


@dataclass(frozen=True)
class Article:
    """One Điều as compared: number, title and text (plain paragraphs)."""

    number: str
    title: str
    paragraphs: tuple[str, ...]
    anchor: str

    @property
    def label(self) -> str:
        """ "Điều 23"."""
        return f"Điều {self.number}"

    @property
    def text(self) -> str:
        """The paragraphs as one text."""
        return " ".join(self.paragraphs)


@dataclass
class Pair:
    """One row of the comparison: an article of the new and/or of the old document."""

    new: Article | None
    old: Article | None
    source: str = ""  # BY_EDITOR, BY_SIMILARITY, or "" when unpaired
    similarity: float | None = None
    diff: WordDiff | None = None
    comparable: bool = True

    @property
    def changed(self) -> bool:
        """The wording (title or text) differs."""
        return bool(self.diff and self.diff.changed)

    @property
    def renumbered(self) -> bool:
        """Paired under another number."""
        return bool(self.new and self.old and self.new.number != self.old.number)

    @property
    def status(self) -> str:
        """One of ``STATUSES``."""
        if not self.comparable:
            return NOT_COMPARABLE
        if self.old is None:
            return ADDED
        if self.new is None:
            return REMOVED
        if self.renumbered:
            if self.source == BY_EDITOR and (self.similarity or 0) < NEAR_IDENTICAL:
                return CORRESPONDING
            return RENUMBERED
        return CHANGED if self.changed else UNCHANGED


def articles(document: Document) -> list[Article]:
    """The Điều of a document with their full plain text (headings end an article)."""
    lines = document.body.splitlines()
    units = [u for u in document.structure.units if u.kind == "dieu"]
    out = []
    for unit in units:
        paragraphs = _paragraphs(lines, unit.start + 1)
        out.append(Article(unit.number, plain(unit.title), tuple(paragraphs), unit.anchor))
    return out


def _paragraphs(lines: list[str], start: int) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    fence: str | None = None

    def close() -> None:
        text = plain(" ".join(current))
        if text:
            paragraphs.append(text)
        current.clear()

    for line in lines[start:]:
        match = _FENCE.match(line)
        if fence is not None:
            if match and match[1][0] == fence[0]:
                fence = None
            continue
        if match:
            close()
            fence = match[1]
            continue
        if _HEADING.match(line):
            break
        if QUOTE_OPEN.match(line) or QUOTE_CLOSE.match(line) or not line.strip():
            close()
            continue
        stripped = line.strip()
        if stripped.startswith("|"):
            close()
            if not _TABLE_RULE.match(stripped):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                current.append(" | ".join(cells))
                close()
            continue
        if _LIST_ITEM.match(line):
            close()
            line = _LIST_ITEM.sub("", line)
        current.append(line)
    close()
    return paragraphs


# ---------------------------------------------------------------- pairing


def pair_articles(
    new: list[Article],
    old: list[Article],
    mapping: dict[str, str | None] | None = None,
    threshold: float = THRESHOLD,
) -> list[Pair]:
    """Pair the articles of two versions: the editor's mapping first, then by similarity.

    ``mapping``: number in the new version → number in the old one, or None for an
    article without counterpart. Numbers must exist (``read_config`` checks them).
    Rows come in the new version's order; old articles left unpaired follow.
    """
    mapping = mapping or {}
    old_by_number = {a.number: a for a in old}
    words = {id(a): Words(a.title, a.text) for a in (*new, *old)}
    partner: dict[str, tuple[Article, str, float]] = {}
    taken: set[str] = set()
    for article in new:
        if article.number in mapping:
            target = mapping[article.number]
            if target is not None:
                other = old_by_number[target]
                score = words[id(article)].similarity(words[id(other)])
                partner[article.number] = (other, BY_EDITOR, score)
                taken.add(target)
    free_new = [a for a in new if a.number not in mapping]
    free_old = [a for a in old if a.number not in taken]
    for a, b, score in _by_similarity(free_new, free_old, words, threshold):
        partner[a.number] = (b, BY_SIMILARITY, score)
        taken.add(b.number)
    rows: list[Pair] = []
    for article in new:
        found = partner.get(article.number)
        if found is None:
            rows.append(Pair(article, None))
            continue
        other, source, score = found
        rows.append(Pair(article, other, source, round(score, 2), _diff(other, article)))
    rows += [Pair(None, a) for a in old if a.number not in taken]
    return rows


def _by_similarity(
    new: list[Article], old: list[Article], words: dict[int, Words], threshold: float
) -> list[tuple[Article, Article, float]]:
    """Greedy pairing, the most similar pair first, while the similarity reaches ``threshold``.

    The order is that of every pair sorted by (similarity, same number, earlier new
    article, earlier old article), best first; a pair whose article is already paired
    is passed over. Computed lazily, with the same result: a heap holds each pair under
    an upper bound of its similarity (``Words.similarity`` at a lower level), and a pair
    taken from the top is refined one level and put back until its figure is exact; an
    exact figure on top is at least every other pair's bound, so it is the next pair of
    the sorted order. A pair with an article already paired is dropped unrefined, and
    the search stops when the top bound is under ``threshold``: most pairs never get
    the expensive exact ratio.
    """
    heap = [
        (-words[id(a)].similarity(words[id(b)], LENGTHS), a.number != b.number, i, j, LENGTHS)
        for i, a in enumerate(new)
        for j, b in enumerate(old)
    ]
    heapq.heapify(heap)
    used_new: set[str] = set()
    used_old: set[str] = set()
    found: list[tuple[Article, Article, float]] = []
    while heap:
        negative, other_number, i, j, level = heapq.heappop(heap)
        if -negative < threshold:
            break
        a, b = new[i], old[j]
        if a.number in used_new or b.number in used_old:
            continue
        if level != EXACT:
            bound = words[id(a)].similarity(words[id(b)], level + 1)
            heapq.heappush(heap, (-bound, other_number, i, j, level + 1))
            continue
        found.append((a, b, -negative))
        used_new.add(a.number)
        used_old.add(b.number)
    return found


def _diff(old: Article, new: Article) -> WordDiff:
    return word_diff([old.title, *old.paragraphs], [new.title, *new.paragraphs])
