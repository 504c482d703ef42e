"""Every content problem of the portal, without MkDocs: ``check_repository(root)``.

Used by ``thidua check`` and, page by page, by the legal hook during a build
(``page_problems``, ``orphan_translations``), so both report the same problems:
documents (front matter, structure, relations, comparisons), every page's front
matter, citations, unclosed markers and anchors, English pages without their
Vietnamese source, and, as warnings, articles mentioned in plain text where a
citation belongs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path

from thidua.errors import ContentError
from thidua.legal.citations import find_citations
from thidua.legal.diem_moi import check_comparisons
from thidua.legal.lint import anchor_problems, bare_mentions, orphan_translations, unclosed_markers
from thidua.legal.metadata import RELATIONS, split_front_matter
from thidua.legal.registry import (
    Citing,
    Clause,
    Document,
    Registry,
    UnresolvedCitation,
    collect_registry,
    document_files,
    title_of,
)

EXCLUDED = ("_data",)
_SO_HIEU_LINE = re.compile(r"^so_hieu\s*:\s*[\"']?(?P<so>[^\"'\n#]+?)[\"']?\s*$", re.MULTILINE)


@dataclass
class Report:
    """Errors (fail the check and the build) and warnings (listed, do not fail)."""

    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)


@dataclass
class PageResult:
    """What one page gives: its errors and its plain-text article mentions."""

    errors: list[ContentError] = field(default_factory=list)
    mentions: list[ContentError] = field(default_factory=list)


def content_pages(docs_dir: Path) -> list[Path]:
    """The Markdown pages of ``docs_dir`` (``_data/`` is not published)."""
    return sorted(
        path
        for path in docs_dir.rglob("*.md")
        if not any(part in EXCLUDED for part in path.relative_to(docs_dir).parts)
    )


def broken_documents(docs_dir: Path, registry: Registry) -> set[str]:
    """Số hiệu of document files that failed to load (their citations are not re-reported)."""
    found = set()
    for path in document_files(docs_dir):
        if path.relative_to(docs_dir).as_posix() in registry.by_src_uri:
            continue
        match = _SO_HIEU_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
        if match:
            found.add(match["so"].strip())
    return found


def without_follow_ons(errors: list[ContentError], broken: set[str]) -> list[ContentError]:
    """Drop "X is not a document" relation errors where X is a document that failed to load."""
    return [
        error
        for error in errors
        if not (
            error.field in RELATIONS
            and any(error.found.startswith(f"{so} is not a document") for so in broken)
        )
    ]


def page_problems(
    registry: Registry,
    text: str,
    file: str,
    src_uri: str,
    *,
    broken: set[str] | frozenset[str] = frozenset(),
    lint: bool = True,
) -> PageResult:
    """Check one page and record its citations in ``registry``'s reverse index.

    ``broken``: documents that failed to load (a citation of them is not an extra
    error); ``lint``: also anchors, unclosed markers and mentions (not for pages a
    hook generated).

    The outcome is kept by page text while the register holds the same document
    objects (``collect_registry`` reuses unchanged documents): the second language
    pass and every ``mkdocs serve`` rebuild check only the pages that changed, and
    replay the kept citations into this pass's reverse index.
    """
    _forget_if_new(registry)
    key = (text, file, src_uri, frozenset(broken), lint)
    kept = _page_cache.get(key)
    if kept is None:
        if len(_page_cache) >= _PAGE_CACHE_SIZE:
            _page_cache.clear()  # a long ``mkdocs serve``: old versions of edited pages
        kept = _page_cache[key] = _page_problems(registry, text, file, src_uri, broken, lint)
    result, cited = kept
    for clause, citing in cited:
        registry.cite(clause, citing)
    return PageResult(list(result.errors), list(result.mentions))


# Page outcomes by (text, file, src_uri, broken, lint): (result, citations to record),
# emptied when a document changed. Keyed by text, not by page: a generated page has
# one text per language under one name.
_page_cache: dict[tuple, tuple[PageResult, list[tuple[Clause, Citing]]]] = {}
_PAGE_CACHE_SIZE = 20_000
_page_documents: list[tuple[Document, ...]] = [()]


def _forget_if_new(registry: Registry) -> None:
    """Empty the page cache unless ``registry`` holds the very documents it was made with."""
    documents = tuple(registry.documents)
    if tuple(map(id, documents)) != tuple(map(id, _page_documents[0])):
        _page_cache.clear()
        _page_documents[0] = documents  # held, so that no id is reused while cached


def _page_problems(
    registry: Registry, text: str, file: str, src_uri: str, broken: Set[str], lint: bool
) -> tuple[PageResult, list[tuple[Clause, Citing]]]:
    """``page_problems`` without the cache: the result and the citations resolved."""
    result = PageResult()
    cited: list[tuple[Clause, Citing]] = []
    try:
        data, body, offset = split_front_matter(text, file)
    except ContentError as error:
        result.errors.append(error)
        return result, cited
    document: Document | None = registry.by_src_uri.get(src_uri)
    try:
        citations = find_citations(body, file, offset)
    except ContentError as error:
        result.errors.append(error)
        citations = []
    title = title_of(data, body, src_uri)
    for citation in citations:
        try:
            clause = registry.resolve(
                citation.ref, citation.kind, file=file, line=citation.line, citation=citation.raw
            )
        except UnresolvedCitation as error:
            if citation.ref.so_hieu not in broken or registry.document(citation.ref.so_hieu):
                result.errors.append(error)
            continue
        except ContentError as error:
            result.errors.append(error)
            continue
        cited.append((clause, Citing(title, src_uri, line=citation.line)))
    if lint:
        result.errors += unclosed_markers(body, file, offset) + anchor_problems(
            body, file, offset, document
        )
        if not src_uri.endswith(".en.md") and not src_uri.startswith("bien-tap/"):
            result.mentions += bare_mentions(body, file, registry, offset, document)
    return result, cited


def check_page(
    registry: Registry, text: str, file: str, src_uri: str, errors: list[ContentError]
) -> None:
    """Citations and front matter of one page, appending problems to ``errors``."""
    errors.extend(page_problems(registry, text, file, src_uri, lint=False).errors)


def check_repository(root: Path) -> Report:
    """All problems in ``root/docs``, each once."""
    docs_dir = root / "docs"
    registry, errors = collect_registry(docs_dir, cache={})
    broken = broken_documents(docs_dir, registry)
    errors = without_follow_ons(errors, broken)
    # The "Điểm mới" comparisons (so_sanh keys) fail the build too: same checks here.
    errors.extend(check_comparisons(registry, docs_dir))
    pages = content_pages(docs_dir)
    warnings: list[ContentError] = []
    for path in pages:
        src_uri = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        result = page_problems(registry, text, f"{docs_dir.name}/{src_uri}", src_uri, broken=broken)
        errors += result.errors
        warnings += result.mentions
    errors += orphan_translations(docs_dir, pages)
    return Report(unique(errors), unique(warnings))


def check_legal(root: Path) -> list[ContentError]:
    """The errors of ``check_repository`` (documents, citations, pages)."""
    return check_repository(root).errors


def unique(errors: list[ContentError]) -> list[ContentError]:
    """Each message once, in the order first seen."""
    seen: dict[str, ContentError] = {}
    for error in errors:
        seen.setdefault(error.message, error)
    return list(seen.values())


def grouped(errors: list[ContentError]) -> dict[str, list[ContentError]]:
    """Problems by file (files in order), each file's by line."""
    by_file: dict[str, list[ContentError]] = defaultdict(list)
    for error in errors:
        by_file[error.file].append(error)
    return {
        file: sorted(items, key=lambda e: e.line or 0) for file, items in sorted(by_file.items())
    }


def editor_lines(error: ContentError) -> list[str]:
    """One problem for an editor: "dòng N: trường: điều đã gặp" and "cách sửa: …"."""
    where = f"dòng {error.line}" if error.line else "cả tệp"
    lines = [f"  {where}: {error.field}: {error.found}", f"      cách sửa: {error.allowed}"]
    if error.example:
        lines.append(f"      ví dụ: {error.example}")
    return lines


def format_report(errors: list[ContentError], title: str = "", noun: str = "lỗi") -> str:
    """Problems grouped by file with line numbers and a fix, in Vietnamese."""
    out = [title] if title else []
    for file, items in grouped(errors).items():
        out.append(f"{file}: {len(items)} {noun}")
        for error in items:
            out += editor_lines(error)
    return "\n".join(out)


def format_build(errors: list[ContentError]) -> str:
    """The build's report: every problem's full message, grouped by file."""
    out = [f"{len(errors)} lỗi nội dung; sửa rồi dựng lại (cùng danh sách: thidua check):"]
    for items in grouped(errors).values():
        out += [f"  {error.message}" for error in items]
    return "\n".join(out)
