""" "Điểm mới", part 3: a document compared with its predecessor.

``build_comparisons(registry, docs_dir)`` returns every comparison asked for in the
register (cached across the language passes); ``check_comparisons`` collects the
problems of every key for ``thidua check``. Plain Python, no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from thidua.errors import ContentError
from thidua.legal.diem_moi.articles import STATUSES, Pair, articles, pair_articles
from thidua.legal.diem_moi.key import Config, check_config, read_config
from thidua.legal.registry import Document, Registry


@dataclass
class Comparison:
    """A document and its predecessor, compared."""

    document: Document
    predecessor: Document
    config: Config
    pairs: list[Pair]
    comparable: bool
    amended_with: list[Document] = field(default_factory=list)
    predecessor_amended_with: list[Document] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The id of the page: the new document's id."""
        return self.document.id

    @property
    def summaries(self) -> bool:
        """True when either text is our summary (``tom_luoc: true``)."""
        return self.document.meta.tom_luoc or self.predecessor.meta.tom_luoc

    def counts(self) -> dict[str, int]:
        """How many rows have each status (every status present, zero included)."""
        counts = dict.fromkeys(STATUSES, 0)
        for pair in self.pairs:
            counts[pair.status] += 1
        return counts


def compare(document: Document, predecessor: Document, config: Config, registry: Registry):
    """The comparison of ``document`` with ``predecessor`` under ``config``."""
    new, old = articles(document), articles(predecessor)
    comparable = bool(old) and not predecessor.meta.chi_sieu_du_lieu
    if comparable:
        pairs = pair_articles(new, old, config.mapping)
    else:
        pairs = [Pair(a, None, comparable=False) for a in new]

    def amending(doc: Document) -> list[Document]:
        found = (registry.document(s) for s in doc.relations.get("duoc_sua_doi_boi", []))
        return [d for d in found if d is not None]

    return Comparison(
        document,
        predecessor,
        config,
        pairs,
        comparable,
        amending(document),
        amending(predecessor),
    )


_CACHE: dict[tuple[object, ...], tuple[list[Document], list[Comparison]]] = {}


def build_comparisons(registry: Registry, docs_dir: Path) -> list[Comparison]:
    """Every comparison asked for in the register, in register order.

    Cached while the documents are the same objects (the register reuses unchanged
    documents), so the second language pass costs nothing.
    """
    key = (str(docs_dir), *(id(doc) for doc in registry.documents))
    cached = _CACHE.get(key)
    if cached is not None:
        return cached[1]
    comparisons = []
    for document in registry.documents:
        config = read_config(document, registry, docs_dir)
        if config is None:
            continue
        predecessor = registry.document(config.voi)
        assert predecessor is not None
        comparisons.append(compare(document, predecessor, config, registry))
    _CACHE.clear()
    _CACHE[key] = (list(registry.documents), comparisons)
    return comparisons


def check_comparisons(registry: Registry, docs_dir: Path) -> list[ContentError]:
    """Every problem of every ``so_sanh`` key (all of each key), for ``thidua check``."""
    errors: list[ContentError] = []
    for document in registry.documents:
        errors += check_config(document, registry, docs_dir)
    return errors
