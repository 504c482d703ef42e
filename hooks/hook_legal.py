"""Hook: legal sources — document pages, citations, the register (issue 3).

Per build pass (static-i18n builds once per language) ``on_files`` loads the
register from ``docs/van-ban/*.md`` and resolves every citation of every page,
which fills the reverse index before any page is rendered. ``on_page_markdown``
then decorates document pages, replaces citation markers and fills the
register marker. All logic is in ``thidua.legal``; markup in templates.

Other hooks may add citing sources (criteria, training items) from their own
``on_files`` (priority below -300) with
``thidua_mkdocs.legal.registry_for(config).cite(clause, Citing(...))``.
"""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from thidua.errors import ContentError
from thidua.legal.check import (
    broken_documents,
    content_pages,
    format_build,
    orphan_translations,
    page_problems,
    unique,
    without_follow_ons,
)
from thidua.legal.citations import find_citations
from thidua.legal.registry import Citing, Registry, collect_registry
from thidua_mkdocs import i18n
from thidua_mkdocs import legal as markup
from thidua_mkdocs.cite_aside import Pieces

_registries: dict[str, Registry] = markup.REGISTRIES
registry_for = markup.registry_for
log = logging.getLogger("mkdocs.plugins.thidua.legal")


# Page sources by path: (modification time, size, text). Each language pass and each
# ``mkdocs serve`` rebuild reads every page; only the changed ones are read again.
_texts: dict[str, tuple[int, int, str]] = {}


def _content(file) -> str | None:
    if getattr(file, "generated_by", None) or not file.abs_src_path:
        try:
            return file.content_string
        except (TypeError, ValueError, OSError):
            return None
    path = file.abs_src_path
    try:
        stat = os.stat(path)
        kept = _texts.get(path)
        if kept is not None and kept[:2] == (stat.st_mtime_ns, stat.st_size):
            return kept[2]
        with open(path, encoding="utf-8") as source:
            text = source.read()
    except OSError:
        return None
    _texts[path] = (stat.st_mtime_ns, stat.st_size, text)
    return text


@event_priority(-300)  # after static-i18n and the hooks that generate pages (-200)
def on_files(files, config):
    """Load the register and the reverse index for this language pass.

    Every problem that ``thidua check`` finds in the content stops the build, all of
    them in one message (``thidua.legal.check``); articles mentioned in plain text
    are counted at INFO level until the content is converted to citations.
    """
    docs_dir = Path(config.docs_dir)
    markup.forget_fragments()
    registry, errors = collect_registry(docs_dir)
    broken = broken_documents(docs_dir, registry) if errors else set()
    errors = without_follow_ons(errors, broken)
    mentions = 0
    for file in files.documentation_pages():
        text = _content(file)
        if not text:
            continue
        src = file.src_uri
        generated = bool(getattr(file, "generated_by", None))
        if generated and "[[" not in text:
            continue
        shown = f"{docs_dir.name}/{src}"
        result = page_problems(registry, text, shown, src, broken=broken, lint=not generated)
        errors += result.errors
        mentions += len(result.mentions)
    lang = i18n.current_language(config)
    first_pass = lang != "en"  # static-i18n builds Vietnamese, then English
    if first_pass:
        errors += orphan_translations(docs_dir, content_pages(docs_dir))
    errors = unique(errors)
    if errors:
        raise PluginError(format_build(errors))
    if mentions and first_pass:
        log.info(
            "thidua: %d chỗ nhắc điều khoản bằng chữ thường, chưa là dẫn chiếu (xem: thidua check)",
            mentions,
        )
    _registries[lang] = registry
    return files


def _href(page, files):
    here = page.file

    def href(src_uri: str, anchor: str) -> str:
        fragment = f"#{anchor}" if anchor else ""
        if src_uri == here.src_uri and fragment:
            return fragment
        # The page itself without an anchor falls through: MkDocs gives "./" or, in the
        # offline build (no directory URLs), the file name that file:// can open.
        target = files.get_file_from_path(src_uri)
        if target is None:
            base = posixpath.dirname(here.src_uri)
            return posixpath.relpath(src_uri, base or ".") + fragment
        return target.url_relative_to(here) + fragment

    return href


# A page's printed list of cited clauses, and its citation links' HTML set aside from
# Markdown (``thidua_mkdocs.cite_aside``), from its Markdown to its HTML.
_notes: dict[str, str] = {}
_links: dict[str, Pieces] = {}


def on_page_markdown(markdown, page, config, files):
    """Document pages, citation markers and the register marker."""
    _notes.pop(page.file.src_uri, None)
    _links.pop(page.file.src_uri, None)
    registry = _registries.get(i18n.current_language(config))
    if registry is None:
        return markdown
    lang = i18n.current_language(config)
    src = page.file.src_uri
    shown = f"{Path(config.docs_dir).name}/{src}"
    href = _href(page, files)
    try:
        document = registry.by_src_uri.get(src)
        if document is not None:
            markdown = markup.document_markdown(markdown, document, registry, href, lang)
        markdown = markup.fill_register(markdown, registry, href, lang)
        if "[[" in markdown:
            aside = _links[src] = Pieces(markdown)
            cited = markup.render_citations(
                markdown, registry, href, shown, lang, find_citations(markdown, shown), aside
            )
            # The printed list of cited clauses is HTML, added once the search plugin has
            # read the page (on_page_context): Markdown would parse it again as a raw
            # block to output it unchanged, and search would parse it to leave it out.
            _notes[src] = markup.notes_html(cited.notes, lang)
            markdown = cited.markdown
    except ContentError as error:
        raise PluginError(error.message) from None
    return markdown


# After the hooks that put back HTML set aside before Markdown (checklists, Điểm mới
# tables: priority 0), which may hold citation links' stand-ins.
@event_priority(-50)
def on_page_content(html, page, config, files):
    """Put back the citation links set aside before Markdown; name the heading
    permalinks of document pages ("Liên kết tới Điều 24"), and give every English
    page's permalinks their English title (the toc setting is Vietnamese)."""
    aside = _links.pop(page.file.src_uri, None)
    if aside is not None:
        html = aside.put_back(html)
    lang = i18n.current_language(config)
    registry = _registries.get(lang)
    document = registry.by_src_uri.get(page.file.src_uri) if registry else None
    if document is not None:
        html = markup.label_heading_links(html, document, lang)
    return markup.permalink_titles(html, lang)


@event_priority(-100)  # after Material's search plugin (0) has indexed the page
def on_page_context(context, page, config, nav):
    """Append the page's printed list of cited clauses to its content."""
    notes = _notes.pop(page.file.src_uri, "")
    if notes and page.content is not None:
        page.content = f"{page.content}\n{notes}"
    return context


__all__ = ["Citing", "registry_for"]
