"""Hook: checklist pages, the title ladder and the changes in the criteria (issue 6).

Per language pass ``on_files`` (priority -200: after static-i18n, before the legal
hook's -300 which reads every page's citations) computes the page models with
``thidua.checklist.plan`` — plain data from the criteria data and the YAML test cases,
cached per data state and language — renders the templates in
``hooks/thidua_mkdocs/templates/checklist/`` and adds the pages:

- ``tieu-chi/danh-sach/index.md`` — the index and the picker;
- ``tieu-chi/danh-sach/<title or role>.md`` — one checklist page per title and per role;
- ``tieu-chi/thang-danh-hieu.md`` — the ladder (inline SVG) and its text equivalent;
- ``tieu-chi/thay-doi/index.md`` — every comparison of consecutive rule sets, one
  section each (``#thi-dua-2024``, ``#danh-gia-2026``…): one page keeps the build small.

When ``thidua.yml`` names a local layer (``lop_quy_che``), each title page's newest
block also lists the layer's lines, "Theo Quy chế … Điều N khoản M: …"
(``thidua.layers.checklist``).
The pages carry citation markers ``[[…]]``; the legal hook renders and checks them in
its own ``on_page_markdown`` like on any hand-written page. Content errors (an empty
checklist, a worked example whose case fails) stop the build with the file named.

``on_page_markdown`` fills the markers ``<!-- thidua:xac-minh CODE -->`` (the one
wording of "not verified", ``common.unverified`` of the words files, and the checklist
link when the criteria data marks title CODE unverified, nothing when it does not) and
``<!-- thidua:xem-xet CODE -->`` (the data's reason) of hand-written pages such as
``docs/tieu-chi/index.md``: one source of truth with the checklists and the ladder
(``thidua.checklist.status``). It runs after the legal hook's (priority -10) so that it
can also set a generated page's checklists aside, their citations rendered, for
``on_page_content`` to put back after Markdown (``set_aside``, ``put_back``).
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from thidua import checklist, words
from thidua.checklist import status
from thidua.errors import ContentError
from thidua.file_stamp import stamp
from thidua_mkdocs import checklist_ladder, checklist_words, i18n, kept, render
from thidua_mkdocs.generated import add_generated_page
from thidua_mkdocs.set_aside import HtmlBlocks

BASE = "tieu-chi/danh-sach"
LADDER = "tieu-chi/thang-danh-hieu.md"
CHANGES = "tieu-chi/thay-doi/index.md"
MARKER = re.compile(r"<!-- thidua:(?P<kind>xac-minh|xem-xet) (?P<code>[A-Z_]+) -->")
# Checklists (``<ol class="checklist__lines">``) skip Markdown once the legal hook has
# rendered their citations: more than half of a checklist page's Markdown time.
_BLOCKS = HtmlBlocks("checklist")


def pages(model: checklist.Plan, lang: str, labels: dict) -> list[tuple[str, str]]:
    """``(src_uri, Markdown)`` of every generated page for one language."""

    def role_names(roles: list[str]) -> str:
        return ", ".join(labels["roles"][r].get(lang) or labels["roles"][r]["vi"] for r in roles)

    said = checklist_words.Wording(lang, labels)  # the core's sentences worded (said.py)

    def page(name: str, **context) -> str:
        return render.template(f"checklist/{name}", lang=lang, said=said, **context)

    out = [(f"{BASE}/index.md", page("index.md.j2", plan=model, role_names=role_names))]
    for item in [*model.title_pages, *model.role_pages]:
        name = "title.md.j2" if isinstance(item, checklist.TitlePage) else "role.md.j2"
        out.append((f"{BASE}/{item.slug}.md", page(name, page=item, store=item.slug)))
    draw = partial(checklist_ladder.draw, said=said)  # words, then lays out, each ladder
    out.append((LADDER, page("ladder.md.j2", plan=model, draw=draw)))
    out.append((CHANGES, page("changes.md.j2", plan=model)))
    return out


def _active_layer(config, root: Path):
    """The layer named by thidua.yml (``lop_quy_che``), or None for the national law only."""
    extra = config.extra.get("thidua")
    settings = extra.get("don_vi") if isinstance(extra, dict) else None
    layer_id = (settings or {}).get("lop_quy_che", "none")
    if layer_id == "none":
        return None
    from thidua.layers import load_layer

    return load_layer(root, layer_id)  # cached by the core until a file changes


def _stamp() -> tuple:
    """What the rendered pages are made from beside the data objects: the words files,
    the templates and this hook's own code (reloaded by MkDocs at every rebuild)."""
    return (
        stamp([words.DIRECTORY], (".yml",)),
        stamp([render.TEMPLATES], (".j2",)),
        Path(__file__).stat().st_mtime_ns,
    )


def rendered_pages(root: Path, config, lang: str) -> list[tuple[str, str]]:
    """The pages of ``pages()``, kept across passes and rebuilds while their inputs hold.

    The inputs are the cached plan (new when the criteria data or the cases change),
    the cached rules (the labels) and layer, each compared by identity, and the stamp
    of the words files, the templates and this file.
    """
    from thidua.criteria import load_rules

    model = checklist.plan(root, lang)
    rules = load_rules(root)
    layer = _active_layer(config, root)

    def make() -> list[tuple[str, str]]:
        shown = model
        if layer is not None:
            from thidua.layers.checklist import with_layer

            shown = with_layer(model, layer, lang)
        return pages(shown, lang, rules.labels)

    key = (str(root.resolve()), lang)
    return kept.CHECKLIST_PAGES.get(key, (model, rules, layer), _stamp(), make)


@event_priority(-200)  # after static-i18n; before the legal hook (-300) reads citations
def on_files(files, config):
    """Add the checklist, ladder and change pages for the language being built."""
    root = Path(config.config_file_path).parent
    lang = i18n.current_language(config)
    _BLOCKS.forget(lang)  # set aside again by on_page_markdown for the pages of this pass
    try:
        generated = rendered_pages(root, config, lang)
    except ContentError as error:
        raise PluginError(error.message) from None
    for src_uri, content in generated:
        add_generated_page(files, config, src_uri, content)
    return files


def fill_marks(markdown: str, marks: dict[str, status.Mark], lang: str, file: str) -> str:
    """Replace every status marker of ``markdown``; an unknown title code is an error."""

    def one(match: re.Match[str]) -> str:
        mark = marks.get(match["code"])
        if mark is None:
            line = markdown.count("\n", 0, match.start()) + 1
            raise ContentError(
                file,
                line,
                match["kind"],
                f"unknown title {match['code']}",
                " | ".join(marks),
            )
        shown = render.template(
            "checklist/xac-minh.md.j2", kind=match["kind"], mark=mark, lang=lang
        )
        return shown.strip()

    return MARKER.sub(one, markdown)


set_aside = _BLOCKS.set_aside
put_back = _BLOCKS.put_back


# After the legal hook (0) has rendered the citations inside the checklists. The status
# markers' words hold no citation marker, so they need not be filled before it.
@event_priority(-10)
def on_page_markdown(markdown, page, config, files):
    """Set a generated page's checklists aside; fill the status markers of a hand-written
    page from the criteria data."""
    if "<!-- thidua:html -->" in markdown:  # on_files forgot the pass's earlier blocks
        markdown = _BLOCKS.keep(i18n.current_language(config), page.file.src_uri, markdown)
    if "<!-- thidua:x" not in markdown:
        return markdown
    from thidua.criteria import load_rules

    root = Path(config.config_file_path).parent
    lang = i18n.current_language(config)
    try:
        marks = status.marks(load_rules(root), lang)
        return fill_marks(markdown, marks, lang, f"docs/{page.file.src_uri}")
    except ContentError as error:
        raise PluginError(error.message) from None


def on_page_content(html, page, config, files):
    """Put back the checklists set aside before Markdown."""
    return _BLOCKS.restore(i18n.current_language(config), page.file.src_uri, html)
