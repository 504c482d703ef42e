"""Hook: "Điểm mới" comparison pages and relation diagrams (issue 7).

- ``on_files`` (priority -200, after static-i18n, before the legal hook at -300):
  reads the register, builds the comparisons asked for with the front-matter key
  ``so_sanh`` (``thidua.legal.diem_moi``; cached across the language passes) and
  adds ``van-ban/diem-moi/<id>.md`` for each and the index ``van-ban/diem-moi/index.md``.
  Their ``[[…]]`` citations are resolved by the legal hook like any page's.
- ``on_page_content``: on each document page, inserts the relation diagram (inline
  SVG + a text list) right after the legal hook's metadata panel; on a comparison
  page, puts back the HTML blocks set aside before Markdown (``set_aside``).

All logic is in the core; markup in ``templates/diem-moi/``.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url
from thidua.errors import ContentError
from thidua.legal import diem_moi
from thidua.legal.registry import Document, Registry, load_registry
from thidua_mkdocs import i18n, render
from thidua_mkdocs.generated import add_generated_page, url_for
from thidua_mkdocs.legal import kind_name, registry_for, status_name
from thidua_mkdocs.set_aside import HtmlBlocks

FOLDER = "van-ban/diem-moi"
INDEX = f"{FOLDER}/index.md"
EDITORS = "bien-tap/index.md"
_PANEL_END = re.compile(r'<section class="legal-panel"[^>]*>.*?</section>', re.DOTALL)
# Comparisons of the pass being built, by language (read by on_page_content).
_COMPARISONS: dict[str, list[diem_moi.Comparison]] = {}
# The article table and side-by-side texts skip Markdown: a third of a large
# comparison page's Markdown time.
_BLOCKS = HtmlBlocks("diem-moi")


def name(document: Document, lang: str) -> str:
    """ "Luật 06/2022/QH15" ("Law 06/2022/QH15" in English)."""
    if lang == "en":
        return f"{kind_name(document.loai_van_ban, 'en')} {document.so_hieu}"
    return document.name


def page_src(comparison: diem_moi.Comparison) -> str:
    """The generated page of a comparison: ``van-ban/diem-moi/<id>.md``."""
    return f"{FOLDER}/{comparison.id}.md"


def _linker(files, config, here: str):
    """``href(src_uri, anchor)``: a link from the page at URL ``here`` to a page of this pass."""

    def href(src_uri: str, anchor: str = "") -> str:
        target = files.get_file_from_path(src_uri)
        url = target.url if target is not None else url_for(config, src_uri)
        fragment = f"#{anchor}" if anchor else ""
        return get_relative_url(url, here) + fragment

    return href


def page_context(comparison: diem_moi.Comparison, href, lang: str) -> dict[str, object]:
    """Plain data for ``diem-moi/page.html.j2``."""
    document, predecessor = comparison.document, comparison.predecessor

    def article(doc: Document, item: diem_moi.Article | None) -> dict[str, object] | None:
        if item is None:
            return None
        return {
            "label": item.label if lang == "vi" else f"Article {item.number}",
            "title": item.title,
            "href": href(doc.src_uri, item.anchor),
            "article": item,
        }

    rows = []
    for pair in comparison.pairs:
        new, old = article(document, pair.new), article(predecessor, pair.old)
        if pair.status == diem_moi.NOT_COMPARABLE:
            detail = ""
        elif pair.new is not None:
            detail = f"moi-{pair.new.anchor}"
        else:
            detail = f"cu-{pair.old.anchor}"  # type: ignore[union-attr]
        rows.append(
            {
                "new": new,
                "old": old,
                "status": pair.status,
                "changed": pair.changed,
                "renumbered": pair.status == diem_moi.RENUMBERED,
                "corresponding": pair.status == diem_moi.CORRESPONDING,
                "by_editor": pair.source == diem_moi.BY_EDITOR,
                "diff": pair.diff,
                "detail": detail,
            }
        )
    counts = [(s, n) for s, n in comparison.counts().items() if n]
    differences = [
        {
            "chu_de": d.chu_de,
            "truoc": d.truoc,
            "sau": d.sau,
            "citation": d.citation,
            "unverified": d.unverified and not d.clause.unverified,
        }
        for d in comparison.config.differences
    ]
    return {
        "new_name": name(document, lang),
        "old_name": name(predecessor, lang),
        "new_ten": document.ten,
        "old_ten": predecessor.ten,
        "new_href": href(document.src_uri),
        "old_href": href(predecessor.src_uri),
        "new_amended": [
            {"name": name(d, lang), "href": href(d.src_uri)} for d in comparison.amended_with
        ],
        "old_amended": [
            {"name": name(d, lang), "href": href(d.src_uri)}
            for d in comparison.predecessor_amended_with
        ],
        "summaries": comparison.summaries,
        "comparable": comparison.comparable,
        "threshold_tenths": round(diem_moi.THRESHOLD * 10),
        "editors_href": href(EDITORS),
        "counts": counts,
        "rows": rows,
        "paired": [r for r in rows if r["new"] and r["old"]],
        "editor_pairs": [r for r in rows if r["by_editor"]],
        "added": [r for r in rows if r["status"] == diem_moi.ADDED],
        "removed": [r for r in rows if r["status"] == diem_moi.REMOVED],
        "differences": differences,
    }


def _render(name_: str, **context: object) -> str:
    return render.template(name_, **context).lstrip()


set_aside = _BLOCKS.set_aside
put_back = _BLOCKS.put_back


@event_priority(-200)  # after static-i18n (toolchain.md, pitfall 2), before the legal hook
def on_files(files, config):
    """Add the comparison pages and their index for the language being built."""
    docs_dir = Path(config.docs_dir)
    try:
        registry = load_registry(docs_dir)
        comparisons = diem_moi.build_comparisons(registry, docs_dir)
    except ContentError as error:
        raise PluginError(error.message) from None
    lang = i18n.current_language(config)
    _COMPARISONS[lang] = comparisons
    _BLOCKS.forget(lang)
    items = []
    for comparison in comparisons:
        src = page_src(comparison)
        here = url_for(config, src)
        context = page_context(comparison, _linker(files, config, here), lang)
        content = _render("diem-moi/page.html.j2", lang=lang, page=context)
        content = _BLOCKS.keep(lang, src, content)
        add_generated_page(files, config, src, content)
        items.append(
            {
                "href": get_relative_url(url_for(config, src), url_for(config, INDEX)),
                "new_name": context["new_name"],
                "old_name": context["old_name"],
                "summaries": comparison.summaries,
                "counts": context["counts"],
            }
        )
    index_href = _linker(files, config, url_for(config, INDEX))
    content = _render(
        "diem-moi/index.html.j2", lang=lang, items=items, editors_href=index_href(EDITORS)
    )
    add_generated_page(files, config, INDEX, content)
    return files


def diagram_context(document: Document, registry: Registry, href, lang: str) -> dict | None:
    """Plain data for ``diem-moi/luoc-do.html.j2``, or None without relations."""
    diagram = diem_moi.relation_diagram(document, registry)
    if diagram is None:
        return None

    def box(node: diem_moi.Node, centre: bool = False) -> dict[str, object]:
        return {
            "x": node.x,
            "y": node.y,
            "width": node.width,
            "height": node.height,
            "name": name(node.document, lang),
            "lines": node.lines,
            "centre": centre,
            "ended": node.document.meta.tinh_trang == "het_hieu_luc_toan_bo",
        }

    centre = diagram.centre
    edges = []
    for node in diagram.nodes:
        left = node in diagram.left
        x1, x2 = (node.x + node.width, centre.x) if left else (centre.x + centre.width, node.x)
        edges.append(
            {
                "x1": x1,
                "x2": x2,
                "y": node.middle,
                "label_x": (x1 + x2) // 2,
                "relation": node.relation,
                "incoming": left,
                "name": name(node.document, lang),
            }
        )
    groups = []
    for relation in (*diem_moi.OUTGOING, *diem_moi.INCOMING):
        docs = [n.document for n in diagram.nodes if n.relation == relation]
        if docs:
            groups.append(
                {
                    "relation": relation,
                    "docs": [
                        {
                            "name": name(d, lang),
                            "ten": d.ten,
                            "href": href(d.src_uri),
                            "status": status_name(d.meta.tinh_trang, lang),
                        }
                        for d in docs
                    ],
                }
            )
    links = []
    for comparison in _COMPARISONS.get(lang, []):
        if comparison.document is document:
            links.append(("see_diem_moi", comparison.predecessor, comparison))
        elif comparison.predecessor is document:
            links.append(("see_successor", comparison.document, comparison))
    return {
        "width": diagram.width,
        "height": diagram.height,
        "centre": box(centre, True),
        "boxes": [box(centre, True), *(box(n) for n in diagram.nodes)],
        "nodes": edges,
        "groups": groups,
        "links": [
            {"key": key, "name": name(other, lang), "href": href(page_src(comparison))}
            for key, other, comparison in links
        ],
    }


def on_page_content(html, page, config, files):
    """Put back a comparison page's HTML blocks; insert the relation diagram after the
    metadata panel of a document page."""
    # A comparison page is generated, not a document of the register: it stops below.
    html = _BLOCKS.restore(i18n.current_language(config), page.file.src_uri, html)
    registry = registry_for(config)
    document = registry.by_src_uri.get(page.file.src_uri) if registry else None
    if document is None:
        return html
    lang = i18n.current_language(config)
    href = _linker(files, config, page.file.url)
    context = diagram_context(document, registry, href, lang)
    if context is None:
        return html
    block = render.template("diem-moi/luoc-do.html.j2", lang=lang, d=context)
    match = _PANEL_END.search(html)
    if match is None:
        return block + html
    return html[: match.end()] + "\n" + block + html[match.end() :]


__all__ = ["diagram_context", "name", "page_context", "page_src", "put_back", "set_aside"]
