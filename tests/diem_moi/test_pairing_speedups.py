"""The fast article pairing pairs exactly as the plain one did (issue 16, item 6).

``pair_articles`` computed the difflib similarity of every unpaired new article with
every unpaired old one, then sorted all the pairs. It now keeps each text's normalised
words and difflib tables (``diff.Words``) and takes the pairs from a heap under cheap
upper bounds, computing the exact figure only for a pair that may be the next one
chosen. Compared here with the plain form, on the project's own comparisons and on many
random versions made of the pieces that matter (seeded: the same texts on every run).
"""

from __future__ import annotations

import importlib
import random
from pathlib import Path

import pytest
from thidua.legal.diem_moi.articles import Article, pair_articles
from thidua.legal.diff import COUNTS, EXACT, LENGTHS, Words, similarity
from thidua.legal.registry import load_registry

# The module (the package exports a function of the same name).
articles_module = importlib.import_module("thidua.legal.diem_moi.articles")
ROOT = Path(__file__).resolve().parents[2]
VOCABULARY = [
    "cá",
    "nhân",
    "tập",
    "thể",
    "khen",
    "thưởng",
    "danh",
    "hiệu",
    "chiến",
    "sĩ",
    "thi",
    "đua",
    "cơ",
    "sở",
    "lao",
    "động",
    "tiên",
    "tiến",
]


def plain_pair_articles(new, old, mapping=None, threshold=articles_module.THRESHOLD):
    """``pair_articles`` as it was: every similarity computed, every pair sorted."""
    mapping = mapping or {}
    old_by_number = {a.number: a for a in old}
    partner = {}
    taken: set[str] = set()
    for article in new:
        if article.number in mapping:
            target = mapping[article.number]
            if target is not None:
                other = old_by_number[target]
                score = similarity(article.title, article.text, other.title, other.text)
                partner[article.number] = (other, articles_module.BY_EDITOR, score)
                taken.add(target)
    free_new = [a for a in new if a.number not in mapping]
    free_old = [a for a in old if a.number not in taken]
    candidates = [
        (similarity(a.title, a.text, b.title, b.text), a.number == b.number, -ia, -ib, a, b)
        for ia, a in enumerate(free_new)
        for ib, b in enumerate(free_old)
    ]
    candidates.sort(key=lambda c: c[:4], reverse=True)
    used_new: set[str] = set()
    for score, _, _, _, a, b in candidates:
        if score < threshold:
            break
        if a.number in used_new or b.number in taken:
            continue
        partner[a.number] = (b, articles_module.BY_SIMILARITY, score)
        used_new.add(a.number)
        taken.add(b.number)
    rows = []
    for article in new:
        found = partner.get(article.number)
        if found is None:
            rows.append(articles_module.Pair(article, None))
            continue
        other, source, score = found
        rows.append(
            articles_module.Pair(
                article, other, source, round(score, 2), articles_module._diff(other, article)
            )
        )
    rows += [articles_module.Pair(None, a) for a in old if a.number not in taken]
    return rows


def _rows(pairs):
    return [(p.new, p.old, p.source, p.similarity, p.diff, p.status) for p in pairs]


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(VOCABULARY, k=rng.randint(low, high))
    return " ".join(words) + rng.choice(["", ".", ";", ", và"])


def _version(rng: random.Random, base: list[Article] | None) -> list[Article]:
    """Articles made up, or an edited copy of ``base`` (kept, reworded, moved, dropped)."""
    if base is None:
        return [
            Article(
                str(n),
                _sentence(rng, 0, 4),
                tuple(_sentence(rng, 0, 12) for _ in range(rng.randint(0, 3))),
                f"dieu-{n}",
            )
            for n in range(1, rng.randint(1, 12))
        ]
    out = []
    for article in base:
        roll = rng.random()
        if roll < 0.15:
            continue  # dropped
        title, paragraphs = article.title, list(article.paragraphs)
        if roll < 0.5 and paragraphs:
            paragraphs[rng.randrange(len(paragraphs))] = _sentence(rng, 0, 12)
        if roll > 0.9:
            title = _sentence(rng, 0, 4)
        out.append((title, tuple(paragraphs)))
    if rng.random() < 0.3:
        rng.shuffle(out)
    out += [(_sentence(rng, 0, 4), (_sentence(rng, 0, 12),)) for _ in range(rng.randint(0, 3))]
    return [
        Article(str(n), title, paragraphs, f"dieu-{n}")
        for n, (title, paragraphs) in enumerate(out, start=1)
    ]


def test_words_similarity_is_similarity_and_its_bounds_are_never_below():
    rng = random.Random(16)
    for _ in range(400):
        a = (_sentence(rng, 0, 5), _sentence(rng, 0, 20))
        b = (_sentence(rng, 0, 5), _sentence(rng, 0, 20))
        words_a, words_b = Words(*a), Words(*b)
        exact = similarity(*a, *b)
        assert words_a.similarity(words_b) == exact
        assert words_a.similarity(words_b, EXACT) == exact
        assert words_a.similarity(words_b, COUNTS) >= exact
        assert words_a.similarity(words_b, LENGTHS) >= words_a.similarity(words_b, COUNTS)
        assert words_b.similarity(words_a) == similarity(*b, *a)  # the tables are per side


@pytest.mark.parametrize("seed", range(300))
def test_random_versions_pair_as_before(seed):
    rng = random.Random(seed)
    old = _version(rng, None)
    new = _version(rng, old)
    mapping: dict[str, str | None] = {}
    if new and old and rng.random() < 0.3:
        mapping[rng.choice(new).number] = rng.choice([None, rng.choice(old).number])
    threshold = rng.choice([0.0, 0.3, articles_module.THRESHOLD, 0.8, 1.0])
    fast = pair_articles(new, old, mapping, threshold)
    assert _rows(fast) == _rows(plain_pair_articles(new, old, mapping, threshold))


def test_identical_and_tied_articles_pair_as_before():
    """Ties (equal texts under several numbers) are where the order's details show."""
    same = ("Khen thưởng", ("Cá nhân lao động tiên tiến.",))
    old = [Article(str(n), *same, f"d{n}") for n in range(1, 5)]
    new = [Article(str(n), *same, f"d{n}") for n in (3, 1, 7, 2)]
    assert _rows(pair_articles(new, old)) == _rows(plain_pair_articles(new, old))
    empty_old = [Article("1", "", (), "d1"), Article("2", "", (), "d2")]
    empty_new = [Article("2", "", (), "d2"), Article("5", "", (), "d5")]
    fast = pair_articles(empty_new, empty_old)
    assert _rows(fast) == _rows(plain_pair_articles(empty_new, empty_old))


def test_the_projects_comparisons_pair_as_before():
    from thidua.legal.diem_moi import build_comparisons

    registry = load_registry(ROOT / "docs")
    comparisons = [c for c in build_comparisons(registry, ROOT / "docs") if c.comparable]
    assert comparisons, "the project compares at least one document with its predecessor"
    for comparison in comparisons:
        new = articles_module.articles(comparison.document)
        old = articles_module.articles(comparison.predecessor)
        mapping = comparison.config.mapping
        assert _rows(comparison.pairs) == _rows(plain_pair_articles(new, old, mapping))
