"""The register of legal documents: ``docs/van-ban/*.md`` read without MkDocs.

``load_registry(docs_dir)`` reads every document page, validates its front
matter and structure and the relations between documents, and returns a
``Registry`` that resolves references to ``Clause`` objects and keeps the
reverse index of who cites what ("Được dẫn chiếu tại").

Pages, criteria and training items all cite through ``Registry.cite``; each
gives a ``Citing`` (title, page, anchor, kind), so the reverse index accepts any
kind of citing source.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

from thidua.errors import ContentError
from thidua.legal import basis
from thidua.legal.citations import Citation, find_citations
from thidua.legal.document import FOLDER as FOLDER  # the register's folder, for the hooks
from thidua.legal.document import WHOLE, Citing, Clause, Document, UnresolvedCitation
from thidua.legal.metadata import (
    ALL_RELATIONS,
    RELATIONS,
    field_lines,
    split_front_matter,
    validate,
)
from thidua.legal.ref import KIND_WORDS, Ref, RefSyntaxError, parse
from thidua.legal.structure import Unit, parse_structure, plain


class Registry:
    """All documents by số hiệu, with resolution and the reverse index."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.by_so_hieu = {doc.so_hieu: doc for doc in documents}
        self.by_src_uri = {doc.src_uri: doc for doc in documents}
        self._cited: dict[tuple[str, str], list[Citing]] = {}
        # (page, anchor) pairs already recorded per clause: one lookup, not a scan of
        # the list (a clause cited by every page of a large site made that quadratic).
        self._citing_keys: dict[tuple[str, str], set[tuple[str, str]]] = {}
        # Clauses resolved, by (reference, kind): the pages of a large site cite the same
        # clauses, each resolved when the page is checked and again when it is rendered
        # (``is_unverified`` scans the document's list). The documents never change once
        # the register is made; a reference that does not resolve is not kept (its
        # message names the page and line).
        self._resolved: dict[tuple[Ref, str | None], Clause] = {}

    def __len__(self) -> int:
        return len(self.documents)

    def document(self, so_hieu: str) -> Document | None:
        """The document with this số hiệu, or None."""
        return self.by_so_hieu.get(unicodedata.normalize("NFC", so_hieu))

    def resolve(
        self,
        ref: Ref,
        kind: str | None = None,
        *,
        file: str = "",
        line: int | None = None,
        citation: str | None = None,
    ) -> Clause:
        """The ``Clause`` that ``ref`` names; raise ``UnresolvedCitation`` otherwise.

        ``file``, ``line`` and ``citation`` (the text as written) only shape the
        message. The message names the nearest existing documents or clauses.
        """
        kept = self._resolved.get((ref, kind))
        if kept is not None:
            return kept
        clause = self._resolve(ref, kind, file, line, citation)
        self._resolved[(ref, kind)] = clause
        return clause

    def _resolve(
        self, ref: Ref, kind: str | None, file: str, line: int | None, citation: str | None
    ) -> Clause:
        """``resolve`` without the kept clauses."""
        shown = citation or f"[[{ref.basis(kind)}]]"

        def fail(found: str, allowed: str, nearest: list[str] | None = None) -> Exception:
            if nearest:
                allowed = f"{allowed}; nearest: {', '.join(nearest)}"
            return UnresolvedCitation(file, line, f"{shown}: {found}", allowed, nearest)

        document = self.document(ref.so_hieu)
        if document is None:
            nearest = difflib.get_close_matches(ref.so_hieu, list(self.by_so_hieu), n=3, cutoff=0.5)
            raise fail(
                f"no document {ref.so_hieu} in docs/{FOLDER}/",
                "the số hiệu of a document in docs/van-ban/",
                nearest or sorted(self.by_so_hieu)[:5],
            )
        if kind and kind != document.loai_van_ban and kind != "Văn bản hợp nhất":
            raise fail(
                f"'{kind}' but {ref.so_hieu} is a {document.loai_van_ban}",
                f"'{document.loai_van_ban} {ref.so_hieu}' or the number alone",
            )
        if not ref.dieu:
            return Clause(document, ref, None, document.unverified)
        if document.meta.chi_sieu_du_lieu:
            raise fail(
                f"{ref.so_hieu} holds metadata only (chi_sieu_du_lieu: true), "
                f"so {ref.clause_label()} cannot be linked",
                f"the whole document: [[{ref.so_hieu}]]",
            )
        unit = document.structure.by_anchor.get(ref.anchor)
        if unit is None:
            raise fail(
                f"{document.name} has no {ref.clause_label()} in the portal",
                "an existing clause",
                _nearest(document, ref),
            )
        return Clause(document, ref, unit, self.is_unverified(document, ref))

    def resolve_basis(self, text: str, *, file: str = "", line: int | None = None) -> Clause:
        """Parse and resolve a ``legal_basis`` string ("Luật 06/2022/QH15 Điều 24 khoản 1")."""
        try:
            ref, kind = parse(text)
        except RefSyntaxError as error:
            raise UnresolvedCitation(
                file, line, str(error), "'<Loại> <số hiệu> Điều N khoản M điểm x'"
            ) from None
        return self.resolve(ref, kind, file=file, line=line, citation=text)

    def is_unverified(self, document: Document, ref: Ref) -> bool:
        """True when the document or a clause containing ``ref`` is listed in chua_xac_minh."""
        if document.unverified:
            return True
        return any(_contains(listed, ref) for listed in document.unverified_refs)

    def clause(self, document: Document, unit: Unit) -> Clause:
        """The ``Clause`` of a unit of ``document`` (Điều, khoản or điểm)."""
        assert unit.ref is not None
        return Clause(document, unit.ref, unit, self.is_unverified(document, unit.ref))

    def cite(self, clause: Clause, citing: Citing) -> None:
        """Record that ``citing`` cites ``clause`` (once per page and anchor)."""
        seen = self._citing_keys.setdefault(clause.key, set())
        where = (citing.src_uri, citing.anchor)
        if where not in seen:
            seen.add(where)
            self._cited.setdefault(clause.key, []).append(citing)

    def cited_by(self, clause: Clause | tuple[str, str]) -> list[Citing]:
        """Who cites ``clause`` (or the key (số hiệu, anchor)), in the order recorded."""
        key = clause.key if isinstance(clause, Clause) else clause
        return list(self._cited.get(key, []))

    def cite_page(
        self, text: str, file: str, src_uri: str, title: str, offset: int = 0, kind: str = "page"
    ) -> list[tuple[Citation, Clause]]:
        """Resolve every marker of a page and record it; raise the first error."""
        resolved = []
        for citation in find_citations(text, file, offset):
            clause = self.resolve(
                citation.ref, citation.kind, file=file, line=citation.line, citation=citation.raw
            )
            self.cite(clause, Citing(title, src_uri, kind=kind, line=citation.line))
            resolved.append((citation, clause))
        return resolved


def _contains(outer: Ref, inner: Ref) -> bool:
    pairs = [(outer.dieu, inner.dieu), (outer.khoan, inner.khoan), (outer.diem, inner.diem)]
    return all(a is None or a == b for a, b in pairs)


def _nearest(document: Document, ref: Ref) -> list[str]:
    clauses = document.structure.clauses()
    if not clauses:
        return [f"[[{document.so_hieu}]] (the document has no Điều in the portal)"]
    parent = Ref(ref.so_hieu, ref.dieu, ref.khoan if ref.diem else None)
    if ref.level != "dieu" and parent.anchor in document.structure.by_anchor:
        level = "diem" if ref.diem else "khoan"
        siblings = [
            u.label for u in clauses if u.kind == level and u.anchor.startswith(parent.anchor + "-")
        ]
        return siblings[:6] or [parent.clause_label()]
    wanted = _number(ref.dieu or "0")
    dieus = [u for u in clauses if u.kind == "dieu"]
    dieus.sort(key=lambda u: (abs(_number(u.number) - wanted), _number(u.number)))
    return [u.label for u in dieus[:3]]


def _number(text: str) -> int:
    match = re.match(r"\d+", text)
    return int(match[0]) if match else 0


def document_files(docs_dir: Path) -> list[Path]:
    """The document pages: ``docs/van-ban/*.md`` but the register and translations."""
    folder = docs_dir / FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.glob("*.md")
        if not path.name.startswith(("index.", "_")) and path.name.count(".") == 1
    )


def load_document(path: Path, docs_dir: Path) -> Document:
    """Read one document page; raise ``ContentError`` for bad metadata or structure."""
    src_uri = path.relative_to(docs_dir).as_posix()
    file = f"{docs_dir.name}/{src_uri}"
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    data, body, offset = split_front_matter(text, file)
    if not data:
        raise ContentError(
            file, 1, "front matter", "none", "a YAML block between '---' lines with so_hieu, …"
        )
    meta = validate(data, file, field_lines(text))
    structure = parse_structure(body.splitlines(), file, offset, meta.tom_luoc, meta.so_hieu)
    document = Document(path.stem, src_uri, file, meta, structure, body=body)
    _check_unverified(document)
    return document


def _check_unverified(document: Document) -> None:
    line = document.meta.lines.get("chua_xac_minh")
    for entry in document.meta.chua_xac_minh:
        if entry == WHOLE:
            continue
        try:
            ref, _ = parse(f"{document.so_hieu} {entry}")
        except RefSyntaxError as error:
            raise ContentError(
                document.file, line, "chua_xac_minh", f"{entry!r}: {error}", '"*" or "Điều N …"'
            ) from None
        if not ref.dieu:
            raise ContentError(
                document.file, line, "chua_xac_minh", f"{entry!r}", '"*" or "Điều N [khoản M]"'
            )
        if ref.anchor not in document.structure.by_anchor:
            existing = [u.label for u in document.structure.clauses() if u.kind == "dieu"]
            raise ContentError(
                document.file,
                line,
                "chua_xac_minh",
                f"{entry!r} is not a clause of this document",
                "clauses present in the text: " + (", ".join(existing[:8]) or 'none; use "*"'),
            )


DocumentCache = dict[Path, tuple[tuple[int, int], Document]]
# Parsed documents by path, reused while the file is unchanged (modification time
# and size): static-i18n builds twice, ``mkdocs serve`` rebuilds after each edit.
_CACHE: DocumentCache = {}


def collect_registry(
    docs_dir: Path, cache: DocumentCache | None = None
) -> tuple[Registry, list[ContentError]]:
    """Load every document, collecting all errors; documents in error are left out.

    Documents whose file has not changed (same modification time and size) are
    reused from ``cache`` (a module-level cache by default).
    """
    if cache is None:
        cache = _CACHE
    errors: list[ContentError] = []
    documents: list[Document] = []
    seen: dict[str, Document] = {}
    for path in document_files(docs_dir):
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = cache.get(path)
        if cached is not None and cached[0] == stamp:
            document = cached[1]
        else:
            try:
                document = load_document(path, docs_dir)
            except ContentError as error:
                errors.append(error)
                continue
            cache[path] = (stamp, document)
        first = seen.get(document.so_hieu)
        if first is not None:
            errors.append(
                ContentError(
                    document.file,
                    document.meta.lines.get("so_hieu", 1),
                    "so_hieu",
                    f"{document.so_hieu} is already the number of {first.file}",
                    "one file per document (a unique số hiệu)",
                )
            )
            continue
        seen[document.so_hieu] = document
        documents.append(document)
    errors += _derive_relations(documents)
    return Registry(documents), errors


def load_registry(docs_dir: Path, cache: DocumentCache | None = None) -> Registry:
    """The register of ``docs_dir/van-ban``; raise the first ``ContentError`` found.

    ``cache``: see ``collect_registry``.
    """
    registry, errors = collect_registry(docs_dir, cache)
    if errors:
        raise errors[0]
    return registry


def _derive_relations(documents: list[Document]) -> list[ContentError]:
    """Fill each document's relations both ways; report missing, disagreeing or
    date-inverted ones (a document cannot act on, or rest on, a later one)."""
    errors: list[ContentError] = []
    by_so_hieu = {doc.so_hieu: doc for doc in documents}
    for doc in documents:
        doc.relations = {name: list(doc.meta.relations.get(name, [])) for name in ALL_RELATIONS}
    for doc in documents:
        for name, targets in doc.meta.relations.items():
            inverse = RELATIONS[name]
            line = doc.meta.lines.get(name)
            for target in targets:
                other = by_so_hieu.get(target)
                if other is None:
                    nearest = difflib.get_close_matches(target, list(by_so_hieu), n=3, cutoff=0.5)
                    errors.append(
                        ContentError(
                            doc.file,
                            line,
                            name,
                            f"{target} is not a document in docs/{FOLDER}/",
                            "the số hiệu of an existing document"
                            + (f"; nearest: {', '.join(nearest)}" if nearest else "")
                            + f" (or add docs/{FOLDER}/<id>.md with chi_sieu_du_lieu: true)",
                        )
                    )
                    continue
                order = basis.date_order(doc, name, other)
                if order is not None:
                    errors.append(order)
                    continue
                written = other.meta.relations.get(inverse, [])
                if written and doc.so_hieu not in written:
                    errors.append(
                        ContentError(
                            other.file,
                            other.meta.lines.get(inverse),
                            inverse,
                            f"{written} lacks {doc.so_hieu}, yet {doc.file} lists "
                            f"{other.so_hieu} under {name}",
                            "both sides agree, or the relation written on one side only",
                        )
                    )
                    continue
                if doc.so_hieu not in other.relations[inverse]:
                    other.relations[inverse].append(doc.so_hieu)
    return errors + basis.derive(documents, by_so_hieu)


def page_title(text: str, fallback: str) -> str:
    """A page's title: front-matter ``title``, else its first ``# `` heading."""
    try:
        data, body, _ = split_front_matter(text, fallback)
    except ContentError:
        data, body = {}, text
    return title_of(data, body, fallback)


def title_of(data: dict, body: str, fallback: str) -> str:
    """``page_title`` from a page's front matter and body, already split."""
    title = data.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    heading = re.search(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", body, re.MULTILINE)
    return plain(heading[1]) if heading else fallback


__all__ = [
    "KIND_WORDS",
    "Citing",
    "Clause",
    "Document",
    "Registry",
    "UnresolvedCitation",
    "collect_registry",
    "document_files",
    "load_document",
    "load_registry",
    "page_title",
    "title_of",
]
