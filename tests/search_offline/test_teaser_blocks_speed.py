"""The snippet blocks found from the opening tags are the ones the regex found (issue 16,
item 6): ``teaser._inner_blocks`` replaced a regex that tested every character of every
entry of the search index. Compared on many random entries made of the pieces that
matter (seeded: the same texts on every run) and on hand-written ones."""

from __future__ import annotations

import random
import re

import pytest
from thidua_mkdocs.search import teaser

# The plain form, as it was.
BLOCK = re.compile(r"<(p|li)>((?:(?!<(?:p|li|ul|ol)>).)*?)</\1>", re.DOTALL)
PIECES = [
    "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "</ol>", "<sup>[1]</sup>",
    "<sup>", "</sup>", "<p class=\"x\">", "<strong>", "</strong>", "<pre>", "Thi đua", " ",
    "\n", "khen thưởng", "<", ">", "p>", "</", "<l", "i>", "&lt;p&gt;", "<P>", "</P>",
]  # fmt: skip


def plain_blocks(text: str) -> tuple[str, ...]:
    """``teaser._blocks`` as it was."""
    found = (teaser._SUP.sub("", m[2]).strip() for m in BLOCK.finditer(text))
    return tuple(block for block in found if teaser._TAG.sub("", block).strip())


def _texts(count: int = 4000, seed: int = 16):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "<p>Một</p><p>Hai</p>",
        "<li><p>Trong</p></li><li>Ngoài</li>",
        "<p>mở<ul><li>a</li></ul></p>",
        "<p>không đóng",
        "<li>a<sup>[2]</sup></li><p>   </p><p><em></em></p>",
        "<p>x</li></p><li>y</p></li>",
    ],
)
def test_hand_written_entries(text):
    assert [m[2] for m in BLOCK.finditer(text)] == teaser._inner_blocks(text)
    assert teaser._blocks.__wrapped__(text) == plain_blocks(text)


def test_random_entries():
    texts = list(_texts())
    assert sum(bool(plain_blocks(t)) for t in texts) > 300  # the pieces make blocks
    for text in texts:
        assert [m[2] for m in BLOCK.finditer(text)] == teaser._inner_blocks(text), text
        assert teaser._blocks.__wrapped__(text) == plain_blocks(text), text
