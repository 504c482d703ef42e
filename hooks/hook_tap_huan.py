"""Hook: training modules (issue 15) — slides, speaker notes, quizzes, "Cần cập nhật".

Per language pass ``on_files`` loads the program with ``thidua.tap_huan.load_program``
(modules of ``docs/tap-huan/``, quizzes beside them, staleness) and drops the quiz
and fingerprint YAML files from the site. ``on_page_markdown`` wraps each slide of a
module page, adds its header, stale marks and quiz (templates in
``hooks/thidua_mkdocs/templates/tap-huan/``) and fills the program and "needs
updating" markers of the index and trainers' pages. Runs before the legal hook, which
then renders every ``[[…]]`` citation the templates leave in place.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from thidua import tap_huan
from thidua.errors import ContentError
from thidua.legal import Citing, load_registry
from thidua.tap_huan.module import FOLDER, notes_with_title, split_slides
from thidua.tap_huan.words import reason_text, words
from thidua_mkdocs import i18n, render
from thidua_mkdocs.legal import registry_for as legal_registry_for

_PROGRAMS: dict[str, tap_huan.Program] = {}
PROGRAM_MARKER = "<!-- tap-huan:chuong-trinh -->"
STALE_MARKER = "<!-- tap-huan:can-cap-nhat -->"
TEMPLATE = "tap-huan.html"


@event_priority(-250)  # after static-i18n; before the legal hook (-300) loads its register
def on_files(files, config):
    """Load the program for this language pass; drop the YAML data files from the site."""
    root = Path(config.config_file_path).parent
    try:
        registry = load_registry(Path(config.docs_dir))
        _PROGRAMS[i18n.current_language(config)] = _program(root, registry)
    except ContentError as error:
        raise PluginError(error.message) from None
    for file in list(files):
        if file.src_uri.startswith(f"{FOLDER}/") and file.src_uri.endswith(".yaml"):
            files.remove(file)
    return files


def _stamps(folder: Path) -> tuple:
    """(path, mtime, size) of every file under ``folder``."""
    found = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            stat = path.stat()
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


# The program of the last load, kept while its sources are unchanged: the modules,
# quizzes and lock (docs/tap-huan), the data (data/) and the register's documents
# (the same objects while unchanged; held here so their ids stay unique). Shared by
# the two language passes and by every ``mkdocs serve`` rebuild.
_LOADED: dict[str, tuple] = {}


def _program(root: Path, registry) -> tap_huan.Program:
    """``tap_huan.load_program``, cached by its sources (see ``_LOADED``)."""
    documents = tuple(registry.documents)
    key = (_stamps(root / "docs" / FOLDER), _stamps(root / "data"), tuple(map(id, documents)))
    cached = _LOADED.get(str(root))
    if cached is not None and cached[0] == key:
        return cached[1]
    program = tap_huan.load_program(root, registry)
    _LOADED[str(root)] = (key, program, documents)
    return program


def on_nav(nav, config, files):
    """Record each quiz item's clauses in the legal register ("Được dẫn chiếu tại")."""
    registry = legal_registry_for(config)
    program = _PROGRAMS.get(i18n.current_language(config))
    if registry is None or program is None:
        return nav
    for entry in program.for_language(i18n.current_language(config)):
        if entry.quiz is None:
            continue
        src = entry.module.src_uri.replace(".en.md", ".md")
        for item in entry.quiz.items:
            title = f"{entry.module.title} — {words(entry.module.lang)['question']} {item.number}"
            anchor = f"{entry.module.slug}-{entry.module.lang}-q{item.number}"
            for clause in item.clauses:
                registry.cite(clause, Citing(title, src, anchor, kind="quiz", line=item.line))
    return nav


def _lang(page) -> str:
    path = page.file.abs_src_path or page.file.src_uri
    return "en" if str(path).endswith(".en.md") else "vi"


def _src_uri(page, config) -> str:
    if page.file.abs_src_path:
        return Path(page.file.abs_src_path).relative_to(Path(config.docs_dir)).as_posix()
    return page.file.src_uri


def _reasons(reasons, lang):
    return [reason_text(r, lang) for r in reasons]


def _module(markdown: str, entry: tap_huan.Entry, lang: str) -> str:
    notes_title = words(lang)["notes_title"]
    lines = markdown.split("\n")
    slides = []
    for slide in split_slides(markdown, 0, entry.module.file):
        chunk = "\n".join(lines[slide.start : slide.end])
        if chunk.lstrip().startswith("---") and slide.index:
            chunk = chunk.lstrip()[3:]
        slides.append(
            {
                "index": slide.index,
                "text": notes_with_title(chunk, notes_title),
                "stale": _reasons(entry.slide_reasons.get(slide.index, []), lang),
            }
        )
    head, _, rest = (
        slides[0]["text"].partition("\n")
        if slides[0]["text"].lstrip().startswith("# ")
        else ("", "", slides[0]["text"])
    )
    return render.template(
        "tap-huan/module.md.j2",
        lang=lang,
        entry=entry,
        module=entry.module,
        head=head,
        intro=rest,
        slides=slides[1:],
        first=slides[0],
        module_reasons=_reasons(entry.reasons, lang),
        quiz=entry.quiz,
        item_reasons={
            i.number: _reasons(i.stale, lang) for i in (entry.quiz.items if entry.quiz else [])
        },
    )


def on_page_markdown(markdown, page, config, files):
    """Module pages, the program table and the list of modules that need updating."""
    src = _src_uri(page, config)
    if not src.startswith(f"{FOLDER}/"):
        return markdown
    page.meta.setdefault("template", TEMPLATE)
    program = _PROGRAMS.get(i18n.current_language(config))
    if program is None:
        return markdown
    lang = _lang(page)
    entry = program.by_src_uri(src)
    if entry is not None:
        return _module(markdown, entry, lang)
    entries = program.for_language(lang)
    if PROGRAM_MARKER in markdown:
        table = render.template("tap-huan/program.md.j2", lang=lang, entries=entries)
        markdown = markdown.replace(PROGRAM_MARKER, table)
    if STALE_MARKER in markdown:
        stale = render.template(
            "tap-huan/stale.md.j2",
            lang=lang,
            entries=[e for e in entries if e.stale],
            reasons=lambda rs: _reasons(rs, lang),
        )
        markdown = markdown.replace(STALE_MARKER, stale)
    return markdown
