"""The page checks' faster forms find exactly what their plain forms found (issue 16, item 6).

A build checks every page (citations, unclosed markers, anchors, plain-text mentions) in
each language pass; at 500 pages those checks were a second of CPU. They now share one
computation of a page's code and comment spans, scan for code spans from the runs of
backticks, start the mention regex with the characters a mention can begin with, work
out how a page may name each document once per register, and read the front matter once.
Each faster form is compared here with the plain form it replaces, on the project's own
pages and on many random texts made of the pieces that matter (seeded: the same texts on
every run).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from thidua.legal import citations, lint
from thidua.legal.metadata import split_front_matter
from thidua.legal.registry import collect_registry, page_title, title_of

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").rglob("*.md"))

# The plain forms, as they were before.
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
MENTION = re.compile(
    r"(?<![\w\[])(?P<mention>(?:điểm\s+[a-zđ]\s+(?:của\s+)?)?(?:khoản\s+\d+[a-z]?\s+(?:của\s+)?)?"
    r"Điều\s+(?P<dieu>\d+[a-z]?))(?![\w/])",
    re.IGNORECASE,
)


def plain_masked_spans(text: str) -> list[tuple[int, int]]:
    """``masked_spans`` as it was: every regex over the whole text, no memory."""
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        opening = citations._FENCE.search(text, position)
        if not opening:
            break
        fence = opening[1]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        close = closing.search(text, opening.end())
        end = close.end() if close else len(text)
        spans.append((opening.start(), end))
        position = end
    for pattern in (citations._COMMENT, CODE_SPAN):
        inside = citations._inside
        spans += [m.span() for m in pattern.finditer(text) if not inside(m.start(), spans)]
    return spans


def plain_named_document(window: str, registry):
    """``_named_document`` as it was: every document's number and title per mention."""
    lead = lint._LEAD.match(window)
    rest = window[lead.end() if lead else 0 :]
    match = lint._SO_HIEU.match(rest)
    if match:
        return registry.document(match["so"])
    for document in registry.documents:
        short = "/".join(document.so_hieu.split("/")[:2])
        if "/" in short and re.match(rf"{re.escape(short)}(?![\d/])", rest):
            return document
    lowered = window[(lead.start() if lead else 0) :].lstrip(" ,(").lower()
    lowered = re.sub(r"^của\s+", "", lowered)
    named = [d for d in registry.documents if d.ten and lowered.startswith(d.ten.lower())]
    chosen = [d for d in named if d.in_force] or named
    return chosen[0] if len(chosen) == 1 else None


def random_texts(pieces: list[str], count: int, seed: int, longest: int = 14) -> list[str]:
    """``count`` texts of up to ``longest`` pieces each, the same ones every run."""
    chooser = random.Random(seed)
    return [
        "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, longest)))
        for _ in range(count)
    ]


def project_texts() -> list[str]:
    assert PAGES, "the project's pages were not found"
    return [path.read_text(encoding="utf-8") for path in PAGES]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str, str]]:
    return [(m.span(), m["mention"], m["dieu"]) for m in pattern.finditer(text)]


def test_code_spans_are_the_regex_spans():
    pieces = ["`", "``", "```", "a", " ", "\n", "b`c"]
    for text in project_texts() + random_texts(pieces, 20_000, seed=1):
        assert citations.code_spans(text) == [m.span() for m in CODE_SPAN.finditer(text)], text


def test_masked_spans_are_the_plain_spans():
    pieces = ["`", "``", "```", "~~~", " ", "a", "\n", "<!--", "-->", "<", "\t", "[[x]]"]
    for text in project_texts() + random_texts(pieces, 20_000, seed=2):
        assert citations.masked_spans(text) == plain_masked_spans(text), text


def test_masked_spans_give_a_new_list_each_time():
    text = "a `b` c"
    first = citations.masked_spans(text)
    first.append((0, 99))
    assert citations.masked_spans(text) == [(2, 5)]


def test_mentions_are_the_plain_regex_mentions():
    pieces = [
        "điểm", "ĐIỂM", "Điểm", "khoản", "KHOẢN", "\u212ahoản", "Điều", "điều", "ĐIỀU",
        " ", "  ", "\n", "a", "đ", "1", "3a", "của", "/", "[", "x", "đi", "iều", "Kho",
    ]  # fmt: skip
    for text in project_texts() + random_texts(pieces, 40_000, seed=3):
        assert spans(lint._MENTION, text) == spans(MENTION, text), text


def test_the_regex_starts_with_every_character_a_mention_can_begin_with():
    # IGNORECASE matches these (and only these) to the first letters of the three words;
    # the faster regex spells them out.
    for letter, expected in (("đ", "đĐ"), ("k", "kK\u212a")):
        pattern = re.compile(letter, re.IGNORECASE)
        found = [chr(c) for c in range(0x30000) if pattern.fullmatch(chr(c))]
        assert sorted(found) == sorted(expected)


@pytest.fixture(scope="module")
def registry():
    found, errors = collect_registry(ROOT / "docs", cache={})
    assert not errors and len(found) > 3
    return found


def test_documents_named_after_a_mention_are_the_plain_ones(registry):
    names = lint._names(registry)
    windows = [text[m.end() : m.end() + lint.LOOKAHEAD] for text in project_texts()
               for m in MENTION.finditer(text)]  # fmt: skip
    windows += [f" {d.loai_van_ban} {d.so_hieu}" for d in registry.documents]
    windows += [f" của {d.ten}, khoản 2" for d in registry.documents if d.ten]
    windows += [" " + "/".join(d.so_hieu.split("/")[:2]) + " x" for d in registry.documents]
    named = [names.named(window) for window in windows]
    assert named == [plain_named_document(window, registry) for window in windows]
    assert sum(document is not None for document in named) > len(registry.documents)
    assert lint._names(registry) is names


def test_title_of_split_front_matter_is_page_title():
    for path, text in zip(PAGES, project_texts(), strict=True):
        src_uri = path.relative_to(ROOT / "docs").as_posix()
        data, body, _ = split_front_matter(text, src_uri)
        assert title_of(data, body, src_uri) == page_title(text, src_uri)
