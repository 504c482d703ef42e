"""Markup for legal sources: document pages, citations, the register.

The core (``thidua.legal``) finds structure, resolves citations and keeps the
reverse index; this module turns its data into Markdown + HTML through the
templates ``templates/legal-*.j2``. It imports no MkDocs, so golden tests
render pages with plain Python-Markdown. Links come from an ``href`` callable
``(src_uri, anchor) -> str`` that the hook builds from MkDocs' files.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import markupsafe
from thidua import words as thidua_words
from thidua.legal.basis import BASIS, entries
from thidua.legal.citations import Citation, find_citations, replace_citations
from thidua.legal.metadata import ALL_RELATIONS
from thidua.legal.registry import Clause, Document, Registry
from thidua.legal.structure import (
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Unit,
    annotate,
    heading_with_id,
    paragraph_with_id,
    parse_structure,
)
from thidua.slug import fold

from thidua_mkdocs import render
from thidua_mkdocs.cite_aside import Pieces

Href = Callable[[str, str], str]

# The register of each language pass, set by hooks/hook_legal.py in ``on_files``.
REGISTRIES: dict[str, Registry] = {}


def registry_for(config: object) -> Registry | None:
    """The register of the pass being built, for other hooks that add citing sources.

    Call it from an ``on_files`` handler with a priority below -300 (after the legal
    hook), then ``registry.cite(registry.resolve_basis(basis), Citing(title, src_uri,
    anchor, kind="criterion"))``; the document pages then list that source under
    "Được dẫn chiếu tại".
    """
    from thidua_mkdocs import i18n

    return REGISTRIES.get(i18n.current_language(config))


MARKER = "<!-- thidua:danh-muc-van-ban -->"
_MARKER_LINE = re.compile(rf"^[ \t]*{re.escape(MARKER)}[ \t]*$", re.MULTILINE)


def words(lang: str) -> dict[str, Any]:
    """The markup's words in ``lang`` (Vietnamese for any other language): the ``legal``
    group of the words files (the document text itself stays Vietnamese), with the panel's
    labels of the front-matter fields (``fields``) and of the relations (``relations``)."""
    return thidua_words.group(lang, "legal")


def kind_name(kind: str, lang: str, unknown: str | None = None) -> str:
    """A kind of document (``loai_van_ban``) as pages in ``lang`` name it; a kind the words
    files do not list is ``unknown``, or kept as written."""
    key = fold(kind).lower().replace(" ", "_")  # "Nghị định" → nghi_dinh (words keys)
    return words(lang)["kinds"].get(key, kind if unknown is None else unknown)


def status_name(code: str, lang: str) -> str:
    """A document's status (``tinh_trang`` code) in words."""
    return words(lang)["statuses"][code]


def date_text(value: dt.date | None) -> str:
    """dd/mm/yyyy, the Vietnamese way; empty when unknown."""
    return value.strftime("%d/%m/%Y") if value else ""


def clause_label(clause: Clause, lang: str = "vi") -> str:
    """The link text of a citation without custom text."""
    if lang != "en":
        return clause.label
    ref = clause.ref
    name = f"{kind_name(clause.document.loai_van_ban, 'en', '')} {clause.document.so_hieu}".strip()
    if not ref.dieu:
        return name
    parts = f"Article {ref.dieu}"
    if ref.khoan:
        parts += f"({ref.khoan})"
    if ref.diem:
        parts += f"({ref.diem})"
    return f"{parts} of {name}"


def _one_line(name: str, **context: object) -> str:
    return " ".join(render.template(name, **context).split())


@functools.lru_cache(maxsize=4096)
def _md_safe(text: str) -> str:
    """Escape text for inline HTML inside Markdown: no Markdown syntax survives."""
    escaped = html.escape(text, quote=True)
    for char in "\\`*_[]{}#+!|~":
        escaped = escaped.replace(char, f"&#{ord(char)};")
    return escaped


@dataclass
class CitedPage:
    """The result of rendering the citations of one page."""

    markdown: str
    notes: list[dict[str, object]] = field(default_factory=list)


def render_citations(
    markdown: str,
    registry: Registry,
    href: Href,
    file: str,
    lang: str = "vi",
    citations: list[Citation] | None = None,
    aside: Pieces | None = None,
) -> CitedPage:
    """Replace each ``[[…]]`` marker by a link with a preview; collect print notes.

    With ``aside``, a link's HTML is set aside there and only its words stay in the
    Markdown, between two stand-in characters (``cite_aside``).
    Raises ``ContentError`` (``UnresolvedCitation``) for a marker that does not resolve.
    """
    found = find_citations(markdown, file) if citations is None else citations
    if not found:
        return CitedPage(markdown)
    notes: list[dict[str, object]] = []
    numbers: dict[tuple[str, str], int] = {}
    text = words(lang)

    def one(citation: Citation) -> str:
        clause = registry.resolve(
            citation.ref, citation.kind, file=file, line=citation.line, citation=citation.raw
        )
        number = numbers.get(clause.key)
        if number is None:
            number = numbers[clause.key] = len(numbers) + 1
            notes.append(
                {
                    "number": number,
                    "label": clause.label,
                    "text": clause.text,
                    "unverified": clause.unverified,
                }
            )
        target = href(clause.document.src_uri, clause.anchor)
        label = _md_safe(citation.text or clause_label(clause, lang))
        if aside is not None:
            parts = cite_parts(target, label, number, clause.unverified, text)
            wrapped = aside.wrap(citation.start, parts[0], label, parts[1]) if parts else None
            if wrapped is not None:
                return wrapped
        return cite_html(target, label, number, clause.unverified, text)

    return CitedPage(replace_citations(markdown, found, one), notes)


# Citation links by what they are made of (the words by identity, kept alive with the
# entry so that no other object takes their id), without the link's target and words:
# the pages of a large site mostly cite the same clauses, from folders of every depth.
# The line is kept in three pieces around the target (escaped as the template escapes
# it) and the words. Emptied by the legal hook at each build pass, so that an edited
# template or words file is used.
_CITES: dict[tuple[int, bool, int], tuple[dict[str, str], tuple[str, str, str] | None]] = {}
_CITES_SIZE = 10_000
# Stand for the target and the words in the kept line: no Markdown or URL holds them.
_TARGET = "\x00href\x00"
_LABEL = "\x00label\x00"


def cite_parts(
    href: str, label: str, number: int, unverified: bool, text: dict[str, str]
) -> tuple[str, str] | None:
    """The HTML before and after the words of one citation link (``cite_html`` is
    ``before + label + after``), or None where the link must be rendered in full: a
    target or words whose spaces the one-line join would change. ``label`` escaped
    already."""
    key = (number, unverified, id(text))
    kept = _CITES.get(key)
    if kept is None:
        if len(_CITES) >= _CITES_SIZE:
            _CITES.clear()
        line = _cite_line(_TARGET, _LABEL, number, unverified, text)
        head, found_target, tail = line.partition(_TARGET)
        middle, found_label, after = tail.partition(_LABEL)
        pieces = (head, middle, after)
        single = all(_TARGET not in piece and _LABEL not in piece for piece in pieces)
        kept = _CITES[key] = (text, pieces if found_target and found_label and single else None)
    pieces = kept[1]
    if pieces is None or not _kept_as_is(href, label):
        return None
    return f"{pieces[0]}{markupsafe.escape(href)}{pieces[1]}", pieces[2]


def _kept_as_is(href: str, label: str) -> bool:
    """True when the one-line join leaves ``href`` and ``label`` as they are."""
    return (
        not any(char.isspace() for char in href)
        and label == " ".join(label.split())
        and _TARGET not in href + label
        and _LABEL not in href + label
    )


def cite_html(href: str, label: str, number: int, unverified: bool, text: dict[str, str]) -> str:
    """One citation link (``legal-cite.html.j2`` on one line); ``label`` escaped already."""
    parts = cite_parts(href, label, number, unverified, text)
    if parts is None:
        return _cite_line(href, label, number, unverified, text)
    return f"{parts[0]}{label}{parts[1]}"


def _cite_line(href: str, label: str, number: int, unverified: bool, text: dict[str, str]) -> str:
    return _one_line(
        "legal-cite.html.j2",
        href=href,
        label=label,
        number=number,
        unverified=unverified,
        words=text,
    )


def forget_fragments() -> None:
    """A new build pass: render the citation links and the lists of cited clauses again
    (templates and words may have changed)."""
    _CITES.clear()
    _NOTES.clear()


# Printed lists of cited clauses by language and content: the pages of a large site
# mostly cite the same few clauses, so most pages print the same list.
_NOTES: dict[tuple[str, tuple[tuple[object, ...], ...]], str] = {}


def notes_html(notes: list[dict[str, object]], lang: str = "vi") -> str:
    """The print-only list of cited clauses, appended at the end of a page."""
    if not notes:
        return ""
    key = (lang, tuple(tuple(note.items()) for note in notes))
    kept = _NOTES.get(key)
    if kept is None:
        if len(_NOTES) >= _CITES_SIZE:
            _NOTES.clear()
        kept = _NOTES[key] = render.template("legal-notes.html.j2", notes=notes, words=words(lang))
    return kept


def document_markdown(
    markdown: str, document: Document, registry: Registry, href: Href, lang: str = "vi"
) -> str:
    """A document page: metadata panel and banner, anchors, links, markers, reverse index."""
    lines = markdown.splitlines()
    # MkDocs hands over the body without its leading blank lines; when nothing else
    # changed it, reuse the structure parsed with the register (shifted), else re-parse.
    source = document.body.lstrip("\n")
    if source and source == markdown:
        structure, shift = document.structure, len(document.body) - len(source)
    else:
        structure, shift = parse_structure(lines, document.file, 0, True, document.so_hieu), 0
    text = words(lang)

    def marker(clause: Clause, parent: Clause | None) -> bool:
        return (
            clause.unverified
            and not document.unverified
            and not (parent is not None and parent.unverified)
        )

    parents: dict[str, Clause] = {}

    def decorate(unit: Unit, source: list[str]) -> list[str]:
        if unit.ref is None:
            return [heading_with_id(unit, source[0])]
        clause = registry.clause(document, unit)
        parents[unit.anchor] = clause
        parent = parents.get(unit.anchor.rsplit("-", 2)[0]) if unit.kind != "dieu" else None
        flag = marker(clause, parent)
        cited = [
            {"title": c.title, "href": href(c.src_uri, c.anchor), "kind": c.kind}
            for c in registry.cited_by(clause)
        ]
        after: list[str] = []
        if unit.kind == "dieu":
            out = [heading_with_id(unit, source[0])]
            if flag:
                after.append(_one_line("legal-unverified.html.j2", words=text, block=True))
        else:
            link = _one_line(
                "legal-headerlink.html.j2",
                anchor=unit.anchor,
                label=f"{text['link_to']} {unit.label}",
            )
            if flag:
                badge = _one_line("legal-unverified.html.j2", words=text, block=False)
                source = [*source[:-1], f"{source[-1].rstrip()} {badge}"]
            out = paragraph_with_id(unit, source, prefix=link)
        if cited:
            after.append(render.template("legal-cited-by.html.j2", cited=cited, words=text))
        for block in after:
            out += ["", block.rstrip("\n"), ""]
        return out

    body = "\n".join(_quotes(annotate(lines, structure, decorate, shift)))
    panel = render.template("legal-panel.html.j2", **panel_context(document, registry, href, lang))
    return _after_title(_fold_intro(body, lang), panel)


_HEADING_LINK = re.compile(r'<a class="headerlink" href="#(?P<anchor>[a-z0-9-]+)" title="[^"]*">')


def label_heading_links(html_text: str, document: Document, lang: str = "vi") -> str:
    """Give the toc permalinks of Phần/Chương/Mục/Điều headings a precise accessible name."""
    units = document.structure.by_anchor

    def label(match: re.Match[str]) -> str:
        unit = units.get(match["anchor"])
        if unit is None or unit.kind in ("khoan", "diem"):
            return match[0]
        name = f"{words(lang)['link_to']} {unit.label}"
        return _one_line("legal-heading-link.html.j2", anchor=unit.anchor, label=name)

    return _HEADING_LINK.sub(label, html_text)


PERMALINK_TITLE = 'title="Liên kết tới mục này"'


def permalink_titles(html_text: str, lang: str = "vi") -> str:
    """The toc permalinks' title in ``lang`` (mkdocs.yml sets the Vietnamese one)."""
    if lang != "en":
        return html_text
    return html_text.replace(PERMALINK_TITLE, 'title="Link to this section"')


def _quotes(lines: list[str]) -> list[str]:
    """Quoted text (``<!-- trich-dan -->`` … ``<!-- het-trich-dan -->``) as a blockquote."""
    out = []
    for line in lines:
        if QUOTE_OPEN.match(line):
            out += ["", render.template("legal-quote.html.j2", open=True).strip(), ""]
        elif QUOTE_CLOSE.match(line):
            out += ["", render.template("legal-quote.html.j2", open=False).strip(), ""]
        else:
            out.append(line)
    return out


_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+"(?P<title>[^"]*)")?', re.MULTILINE)
_HEADING = re.compile(r"^#{1,6}\s")
# An introduction this long (characters) or holding a box is folded away.
INTRO_FOLD = 300


def _fold_intro(markdown: str, lang: str) -> str:
    """Fold what stands between the title and the first heading of the text (the editors'
    introduction, notes and boxes) into a closed ``<details>`` whose summary names its
    boxes, so that the text starts on the first screen. Kept open in print (CSS)."""
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        return markdown
    first = next((i for i in range(title + 1, len(lines)) if _HEADING.match(lines[i])), None)
    if first is None:
        return markdown
    intro = "\n".join(lines[title + 1 : first]).strip("\n")
    boxes = [m["title"] for m in _ADMONITION.finditer(intro) if m["title"]]
    if not intro.strip() or (len(intro) < INTRO_FOLD and not boxes):
        return markdown
    folded = render.template(
        "legal-intro.html.j2",
        words=words(lang),
        boxes=boxes,
        lang=lang,
        body=intro,
    )
    return "\n".join([*lines[: title + 1], "", folded.rstrip("\n"), "", *lines[first:]])


def _after_title(markdown: str, block: str) -> str:
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", block, *lines[index + 1 :]])
        if line.strip():
            break
    return f"{block}\n{markdown}"


def panel_context(
    document: Document, registry: Registry, href: Href, lang: str = "vi"
) -> dict[str, object]:
    """Data of the metadata panel and the validity banner, labelled in ``lang`` (the
    document's own names and Vietnamese legal terms stay as written)."""
    meta = document.meta
    english = lang == "en"
    text = words(lang)
    relation_labels = text["relations"]
    unverified_fields = set(meta.chua_xac_minh_truong)

    def link(so_hieu: str) -> dict[str, str]:
        other = registry.document(so_hieu)
        if other is None:
            return {"so_hieu": so_hieu, "href": "", "name": so_hieu, "ten": ""}
        name = other.name
        if english:
            name = f"{kind_name(other.loai_van_ban, 'en')} {other.so_hieu}"
        return {"so_hieu": so_hieu, "href": href(other.src_uri, ""), "name": name, "ten": other.ten}

    def row(key: str, value: str, vietnamese: bool = False) -> dict[str, object]:
        """One line of the panel; ``vietnamese``: a name kept in Vietnamese (lang="vi")."""
        return {
            "key": key,
            "label": text["fields"][key],
            "value": value,
            "unverified": key in unverified_fields,
            "lang": "vi" if english and vietnamese else "",
        }

    kind = kind_name(meta.loai_van_ban, "en") if english else meta.loai_van_ban
    status = status_name(meta.tinh_trang, "en" if english else "vi")
    rows = [
        row("so_hieu", meta.so_hieu),
        row("loai_van_ban", kind),
        row("co_quan_ban_hanh", meta.co_quan_ban_hanh, True),
        row("nguoi_ky", meta.nguoi_ky or "", True),
        row("ngay_ban_hanh", date_text(meta.ngay_ban_hanh)),
        row("ngay_hieu_luc", date_text(meta.ngay_hieu_luc)),
        row("ngay_cong_bao", date_text(meta.ngay_cong_bao)),
        row("so_cong_bao", meta.so_cong_bao or ""),
        row("linh_vuc", meta.linh_vuc or "", True),
        row("tinh_trang", status),
        row("nguon", meta.nguon or "", True),
    ]
    facts = [kind, meta.co_quan_ban_hanh]
    if meta.ngay_ban_hanh:
        facts.append(text["issued"].format(date=date_text(meta.ngay_ban_hanh)))
    if meta.ngay_hieu_luc:
        facts.append(text["in_force"].format(date=date_text(meta.ngay_hieu_luc)))
    relations = [
        {"key": name, "label": relation_labels[name], "links": [link(s) for s in targets]}
        for name in ALL_RELATIONS
        if name != BASIS and (targets := document.relations.get(name))
    ]
    # "Căn cứ": every can_cu entry; portal documents linked, the rest as written.
    linked = set(document.relations.get(BASIS, []))
    basis = [
        {
            "bare": link(entry.bare) if entry.bare else None,
            "parts": [
                {"text": part.text, "href": link(part.so_hieu)["href"] if part.so_hieu else ""}
                for part in entry.segments
            ],
        }
        for entry in entries(meta.can_cu, linked.__contains__)
    ]
    replaced_by = [link(s) for s in document.relations.get("bi_thay_the_boi", [])]
    amended_by = [link(s) for s in document.relations.get("duoc_sua_doi_boi", [])]
    cited = [
        {"title": c.title, "href": href(c.src_uri, c.anchor), "kind": c.kind}
        for c in registry.cited_by((document.so_hieu, ""))
    ]
    return {
        "document": document,
        "status": meta.tinh_trang,
        "rows": [r for r in rows if r["value"]],
        "relations": relations,
        "basis": basis,
        "replaced_by": replaced_by,
        "amended_by": amended_by,
        "ngay_hieu_luc": date_text(meta.ngay_hieu_luc),
        "summary": meta.tom_luoc,
        "official": meta.van_ban_chinh_thuc,
        "metadata_only": meta.chi_sieu_du_lieu,
        "unverified": document.unverified,
        "cited": cited,
        "words": text,
        "lang": lang,
        "facts": facts,
        "status_text": status,
        "status_unverified": "tinh_trang" in unverified_fields,
        "basis_label": relation_labels[BASIS],
    }


def register_rows(registry: Registry, href: Href, lang: str = "vi") -> list[dict[str, object]]:
    """One row per document for the register table, newest first."""
    rows = []
    for doc in registry.documents:
        meta = doc.meta
        rows.append(
            {
                "so_hieu": doc.so_hieu,
                "so_hieu_sort": _number_key(doc),
                "href": href(doc.src_uri, ""),
                "ten": doc.ten,
                "loai": doc.loai_van_ban,
                "loai_text": kind_name(doc.loai_van_ban, lang),
                "co_quan": meta.co_quan_ban_hanh,
                "ngay_ban_hanh": date_text(meta.ngay_ban_hanh),
                "ngay_ban_hanh_iso": meta.ngay_ban_hanh.isoformat() if meta.ngay_ban_hanh else "",
                "ngay_hieu_luc": date_text(meta.ngay_hieu_luc),
                "ngay_hieu_luc_iso": meta.ngay_hieu_luc.isoformat() if meta.ngay_hieu_luc else "",
                "tinh_trang": meta.tinh_trang,
                "tinh_trang_text": status_name(meta.tinh_trang, lang),
                "nam": meta.nam or "",
                "unverified": doc.unverified,
            }
        )
    rows.sort(key=lambda r: (str(r["ngay_ban_hanh_iso"]) or f"{r['nam']}", r["so_hieu"]))
    rows.reverse()
    return rows


def fill_register(markdown: str, registry: Registry, href: Href, lang: str = "vi") -> str:
    """Replace the marker line ``<!-- thidua:danh-muc-van-ban -->`` by the register table.

    Only a marker on a line of its own counts (not one quoted in inline code).
    """
    if MARKER not in markdown:
        return markdown
    table = None

    def fill(_: re.Match[str]) -> str:
        nonlocal table
        table = table or register_html(registry, href, lang)
        return table

    return _MARKER_LINE.sub(fill, markdown)


def _number_key(document: Document) -> str:
    """Sort key of a số hiệu: year, then number ("2022-000006")."""
    digits = re.match(r"\d+", document.so_hieu)
    return f"{document.meta.nam or 0:04d}-{int(digits[0]) if digits else 0:06d}"


def register_html(registry: Registry, href: Href, lang: str = "vi") -> str:
    """The register table (Danh mục văn bản) in ``lang``."""
    return render.template(
        "legal-register.html.j2", rows=register_rows(registry, href, lang), lang=lang
    )
