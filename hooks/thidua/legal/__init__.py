"""Legal sources: references, document metadata, structure, citations.

Public API (plain Python, no MkDocs):

- ``load_registry(docs_dir) -> Registry`` — the documents of ``docs/van-ban/*.md``;
  ``Registry.resolve(ref)``, ``Registry.resolve_basis(text)`` → ``Clause``;
  ``Registry.cite(clause, Citing(...))`` / ``Registry.cited_by(clause)`` — the reverse index.
- ``check_legal(root) -> list[ContentError]`` — every document and citation of a project.
- ``ref.parse(text) -> (Ref, kind)`` — the reference grammar.
"""

from thidua.legal.check import check_legal
from thidua.legal.ref import Ref, RefSyntaxError, parse
from thidua.legal.registry import (
    Citing,
    Clause,
    Document,
    Registry,
    UnresolvedCitation,
    collect_registry,
    load_registry,
)

__all__ = [
    "Citing",
    "Clause",
    "Document",
    "Ref",
    "RefSyntaxError",
    "Registry",
    "UnresolvedCitation",
    "check_legal",
    "collect_registry",
    "load_registry",
    "parse",
]
