"""Hook: "In toàn bộ hướng dẫn" — a section's pages joined for one print job.

Like GOV.UK's "print entire guide": ``huong-dan/in-toan-bo.md`` is generated in
each language (``add_generated_page``) with a table of contents and a marker; the
HTML of the section's pages (in ``nav:`` order, as rendered, citations and their
print notes included) is put in place of the marker once every page of the pass is
rendered (``on_post_build``). On the joined page:

- every ``id`` (and ``href="#…"``, ``for``, ``aria-*`` references) gets the prefix
  ``pN-`` of its part, so anchors stay unique;
- relative links are re-based on the joined page's URL (MkDocs' own URLs, so
  ``use_directory_urls: false`` of the offline build works); links to another part
  of the same section point inside the joined page;
- each part starts on a new printed page.

The joined page is excluded from search (the parts are indexed already).
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from thidua_mkdocs import i18n, render
from thidua_mkdocs.generated import add_generated_page

MARKER = "<!-- thidua:in-toan-bo -->"
# Section folder → page title per language.
SECTIONS = {
    "huong-dan/": {"vi": "In toàn bộ hướng dẫn", "en": "Print the whole guidance"},
}
PAGE = "in-toan-bo.md"

# (language, src_uri) → {"url", "title", "content", "toc"} of the pass being built.
_parts: dict[tuple[str, str], dict] = {}
# (language, section folder) → (output file, URL) of the joined page, as MkDocs made them.
_joined: dict[tuple[str, str], tuple[Path, str]] = {}

_ID_ATTR = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)


def section_pages(nav: list, folder: str) -> list[str]:
    """Source paths under ``folder`` in ``nav:`` order (the joined page itself left out).

    >>> section_pages(["index.md", {"A": ["a/index.md", {"B": "a/b.md"}]}], "a/")
    ['a/index.md', 'a/b.md']
    """
    found: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, str):
            if item.startswith(folder) and item != folder + PAGE and item not in found:
                found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav)
    return found


def prefix_ids(content: str, prefix: str) -> str:
    """Prefix every id and in-page reference of ``content`` with ``prefix``.

    >>> prefix_ids('<h2 id="a">A</h2><a href="#a">x</a><label for="b">', "p1-")
    '<h2 id="p1-a">A</h2><a href="#p1-a">x</a><label for="p1-b">'
    """

    def ids(match: re.Match[str]) -> str:
        values = " ".join(prefix + value for value in match[2].split())
        return f'{match[1]}="{values}"'

    content = _ID_ATTR.sub(ids, content)
    return re.sub(r'\bhref="#([^"]+)"', lambda m: f'href="#{prefix}{m[1]}"', content)


def rebase_links(content: str, part_url: str, page_url: str, anchors: dict[str, str]) -> str:
    """Rewrite relative ``href``/``src`` of a part (at ``part_url``) for ``page_url``.

    ``anchors`` maps the site URL of each part to its anchor on the joined page.

    >>> rebase_links('<a href="../x/">', "a/", "a/print/", {})
    '<a href="../../x/">'
    >>> rebase_links('<a href="b/#k">', "a/", "a/print/", {"a/b/": "p2-"})
    '<a href="#p2-k">'
    """

    def one(match: re.Match[str]) -> str:
        attr, value = match[1], html.unescape(match[2])
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith(("#", "/", "data:", "mailto:")):
            return match[0]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(part_url), parts.path))
        target = "" if target == "." else target
        if parts.path.endswith("/") and target:
            target += "/"
        if attr == "href" and target in anchors:
            prefix = anchors[target]
            fragment = f"{prefix}{parts.fragment}" if parts.fragment else prefix.rstrip("-")
            return f'href="#{html.escape(fragment)}"'
        base = posixpath.dirname(page_url) or "."
        rel = posixpath.relpath(target or ".", base)
        if target.endswith("/") or not target:
            rel = rel.rstrip("/") + "/"
        rel += f"?{parts.query}" if parts.query else ""
        rel += f"#{parts.fragment}" if parts.fragment else ""
        return f'{attr}="{html.escape(rel)}"'

    return _URL_ATTR.sub(one, content)


@event_priority(-200)  # after static-i18n (toolchain.md, pitfall 2)
def on_files(files, config):
    """Add the joined page of each section for the language being built."""
    lang = i18n.current_language(config)
    for folder, titles in SECTIONS.items():
        pages = section_pages(config.nav or [], folder)
        if not pages:
            continue
        content = render.template(
            "in-toan-bo/page.md.j2",
            title=titles.get(lang, titles["vi"]),
            lang=lang,
            marker=MARKER,
        )
        add_generated_page(files, config, folder + PAGE, content)
    return files


@event_priority(-500)  # after the other hooks changed the content (legal print notes, -100)
def on_page_context(context, page, config, nav):
    """Keep the rendered content of each page of a joined section."""
    html_content = page.content
    lang = i18n.current_language(config)
    src = _source(page.file.src_uri, lang)
    for folder in SECTIONS:
        if src == folder + PAGE:
            _joined[(lang, folder)] = (Path(page.file.abs_dest_path), page.url)
    if any(src.startswith(folder) for folder in SECTIONS) and not src.endswith(PAGE):
        _parts[(lang, src)] = {
            "url": page.url,
            "title": page.title,
            "content": html_content,
            "toc": [(item.id, item.title) for top in page.toc for item in top.children],
        }
    return context


def _source(src_uri: str, lang: str) -> str:
    """``x.en.md`` → ``x.md`` (the language-neutral source path)."""
    suffix = f".{lang}.md"
    return src_uri[: -len(suffix)] + ".md" if src_uri.endswith(suffix) else src_uri


def on_post_build(config):
    """Fill each joined page of this language pass with its parts."""
    lang = i18n.current_language(config)
    for folder in SECTIONS:
        sources = section_pages(config.nav or [], folder)
        parts = [_parts[(lang, src)] for src in sources if (lang, src) in _parts]
        joined = _joined.pop((lang, folder), None)
        if not parts or joined is None:
            continue
        path, page_url = joined
        anchors = {part["url"]: f"p{n}-" for n, part in enumerate(parts, 1)}
        rendered = []
        for number, part in enumerate(parts, 1):
            prefix = f"p{number}-"
            body = _SCRIPT.sub("", part["content"])
            body = rebase_links(prefix_ids(body, prefix), part["url"], page_url, anchors)
            rendered.append(
                {
                    "id": f"p{number}",
                    "title": part["title"],
                    "content": body,
                    "toc": [(prefix + anchor, title) for anchor, title in part["toc"]],
                }
            )
        fragment = render.template("in-toan-bo/parts.html.j2", parts=rendered, lang=lang)
        text = path.read_text(encoding="utf-8")
        if MARKER in text:
            path.write_text(text.replace(MARKER, fragment, 1), encoding="utf-8")
    # The parts are kept for the next rebuild: under ``make serve --dirty`` only the
    # edited page is rendered again, and the joined page needs the others too (a
    # full build renders, and replaces, every part; ``sources`` follows the nav).
