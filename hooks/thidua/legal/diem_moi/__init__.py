""" "Điểm mới": a document compared with its predecessor, article by article.

An editor asks for a comparison with the front-matter key ``so_sanh`` of the newer
document (docs/bien-tap/index.md, "So sánh văn bản — Điểm mới")::

    so_sanh:
      voi: "15/2003/QH11"            # the predecessor (số hiệu of a document in docs/van-ban/)
      anh_xa:                        # optional: article of this document → article of the other
        "Điều 23": "Điều 23"
        "Điều 3": mới                # no counterpart: a new article (never paired automatically)
      diem_khac:                     # optional: documented differences, one row per topic
        - chu_de: Mức xếp loại thứ ba
          truoc: Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực
          sau: Hoàn thành nhiệm vụ
          dan_chieu: "Điều 10"       # a clause of this document (or a full citation)
          chua_xac_minh: false       # optional

Articles the mapping does not name are paired automatically: every unpaired article
of the new document with every unpaired article of the old one, the most similar
pair first (``thidua.legal.diff.similarity``: difflib ratio of the normalised titles
and texts), as long as the similarity reaches ``THRESHOLD``; an editor corrects a
wrong pairing with ``anh_xa``. A pair under another number is "renumbered"
(``RENUMBERED``) when paired automatically or when the editor's two articles are
near-identical (``NEAR_IDENTICAL``); otherwise the editor's pair only corresponds
(``CORRESPONDING``): a new article that takes over an old one is not a renumbering.

Plain Python: never imports MkDocs. ``build_comparisons(registry, docs_dir)``
returns the comparisons of a register; the problems of a key (all of them, each naming
the file and the line) raise ``ContentErrors``, and ``check_comparisons`` lists them.

The package holds four parts: ``articles`` (extraction and pairing), ``key`` (the
front-matter key), ``compare`` (the comparisons of a register) and ``relations``
(the relation diagram's data).
"""

from __future__ import annotations

from thidua.legal.diem_moi.articles import (
    ADDED,
    BY_EDITOR,
    BY_SIMILARITY,
    CHANGED,
    CORRESPONDING,
    NEAR_IDENTICAL,
    NOT_COMPARABLE,
    REMOVED,
    RENUMBERED,
    STATUSES,
    THRESHOLD,
    UNCHANGED,
    Article,
    Pair,
    articles,
    pair_articles,
)
from thidua.legal.diem_moi.compare import (
    Comparison,
    build_comparisons,
    check_comparisons,
    compare,
)
from thidua.legal.diem_moi.key import KEY, Config, Difference, check_config, read_config
from thidua.legal.diem_moi.relations import (
    INCOMING,
    OUTGOING,
    Diagram,
    Node,
    relation_diagram,
    wrap,
)

__all__ = [
    "ADDED",
    "CORRESPONDING",
    "NEAR_IDENTICAL",
    "INCOMING",
    "KEY",
    "OUTGOING",
    "BY_EDITOR",
    "BY_SIMILARITY",
    "CHANGED",
    "NOT_COMPARABLE",
    "REMOVED",
    "RENUMBERED",
    "STATUSES",
    "THRESHOLD",
    "UNCHANGED",
    "Article",
    "Comparison",
    "Diagram",
    "Node",
    "Config",
    "Difference",
    "Pair",
    "articles",
    "build_comparisons",
    "check_comparisons",
    "check_config",
    "compare",
    "pair_articles",
    "read_config",
    "relation_diagram",
    "wrap",
]
