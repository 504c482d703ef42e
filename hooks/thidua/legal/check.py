"""``check_legal``: every legal document and every citation of the portal, without MkDocs.

Used by ``thidua check``; the MkDocs hook runs the same checks during a build.
"""

from __future__ import annotations

from pathlib import Path

from thidua.errors import ContentError
from thidua.legal.citations import find_citations
from thidua.legal.diem_moi import check_comparisons
from thidua.legal.metadata import split_front_matter
from thidua.legal.registry import Citing, Registry, collect_registry, page_title

EXCLUDED = ("_data",)


def content_pages(docs_dir: Path) -> list[Path]:
    """The Markdown pages of ``docs_dir`` (``_data/`` is not published)."""
    return sorted(
        path
        for path in docs_dir.rglob("*.md")
        if not any(part in EXCLUDED for part in path.relative_to(docs_dir).parts)
    )


def check_page(
    registry: Registry, text: str, file: str, src_uri: str, errors: list[ContentError]
) -> None:
    """Resolve every citation of one page, appending problems to ``errors``."""
    try:
        _, body, offset = split_front_matter(text, file)
        citations = find_citations(body, file, offset)
    except ContentError as error:
        errors.append(error)
        return
    title = page_title(text, src_uri)
    for citation in citations:
        try:
            clause = registry.resolve(
                citation.ref, citation.kind, file=file, line=citation.line, citation=citation.raw
            )
        except ContentError as error:
            errors.append(error)
            continue
        registry.cite(clause, Citing(title, src_uri, line=citation.line))


def check_legal(root: Path) -> list[ContentError]:
    """All problems in ``root/docs``: documents, relations, comparisons and citations."""
    docs_dir = root / "docs"
    registry, errors = collect_registry(docs_dir)
    # The "Điểm mới" comparisons (so_sanh keys) fail the build too: same checks here.
    errors.extend(check_comparisons(registry, docs_dir))
    for path in content_pages(docs_dir):
        src_uri = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        check_page(registry, text, f"docs/{src_uri}", src_uri, errors)
    unique: dict[str, ContentError] = {}
    for error in errors:
        unique.setdefault(error.message, error)
    return list(unique.values())
