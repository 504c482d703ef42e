"""A training module: one Markdown page under ``docs/tap-huan/`` read without MkDocs.

Front matter (every problem is a ``ContentError`` naming file, line and field; all of a
page's problems are reported at once):

- ``muc_tieu``: the learning objectives, a non-empty list of sentences;
- ``doi_tuong``: who the module is for (text or list of texts);
- ``thoi_luong``: duration in minutes (whole number, 5–480);
- ``van_ban``: the documents the module relies on (số hiệu of ``docs/van-ban/`` pages);
- ``quy_tac`` (optional): the rule sets it teaches, each ``{nam, nhom, bo}`` — checked
  against ``data/criteria/years.yaml`` for staleness;
- ``thu_tu`` (optional): the module's place in the program.

The body splits into slides: the part before the first ``## `` heading is the title
slide; each ``## `` heading starts a slide; a line holding only ``---`` (outside code)
starts a new slide inside a section. ``!!! ghi-chu`` blocks are speaker notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from thidua.content_errors import ContentErrors
from thidua.errors import ContentError
from thidua.legal.citations import Citation, find_citations
from thidua.legal.metadata import split_front_matter
from thidua.spec import Context
from thidua.yaml_lines import LineDict, line_of

FOLDER = "tap-huan"
# Pages of docs/tap-huan/ that are not modules.
NOT_MODULES = ("index", "giang-vien")
REQUIRED = ("muc_tieu", "doi_tuong", "thoi_luong", "van_ban")
OPTIONAL = ("quy_tac", "thu_tu")
PAGE_KEYS = ("title", "description", "hide", "search", "icon", "status", "template", "tags")
NHOM = ("thi_dua", "can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong")
NOTES = "ghi-chu"

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_H1 = re.compile(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$")
_H2 = re.compile(r"^##\s+(.+?)\s*(?:\{[^}]*\})?\s*$")
_BREAK = re.compile(r"^---[ \t]*$")
_NOTES = re.compile(rf"^(?:!!!|\?\?\?\+?)\s+{NOTES}\b")


@dataclass(frozen=True)
class RuleSet:
    """One rule set a module teaches: year, group and rule-set name."""

    nam: int
    nhom: str
    bo: str
    line: int


@dataclass
class Slide:
    """Lines ``start``–``end`` (0-based, end exclusive) of the body."""

    index: int
    start: int
    end: int
    title: str
    line: int  # first line in the file (1-based)
    citations: list[Citation] = field(default_factory=list)
    has_notes: bool = False


@dataclass
class Module:
    """A validated module page."""

    slug: str
    src_uri: str
    file: str
    lang: str
    title: str
    muc_tieu: list[str]
    doi_tuong: list[str]
    thoi_luong: int
    van_ban: list[str]
    quy_tac: list[RuleSet]
    thu_tu: int
    lines: dict[str, int]
    slides: list[Slide]
    offset: int


def is_module(path: Path) -> bool:
    """A Markdown page of ``docs/tap-huan/`` other than the index and trainers' pages."""
    return path.suffix == ".md" and path.name.split(".")[0] not in NOT_MODULES


def module_paths(docs_dir: Path) -> list[Path]:
    """Every module page (both languages), sorted."""
    folder = docs_dir / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if is_module(p))


def language(path: Path) -> str:
    """``en`` for ``x.en.md``, else ``vi``."""
    return "en" if path.name.endswith(".en.md") else "vi"


def split_slides(body: str, offset: int, file: str) -> list[Slide]:
    """Cut the body into slides (see the module docstring); citations per slide."""
    lines = body.split("\n")
    starts: list[tuple[int, str]] = [(0, "")]
    fence = ""
    for number, text in enumerate(lines):
        opening = _FENCE.match(text)
        if fence:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening[1]
            continue
        h1 = _H1.match(text)
        if h1 and not starts[0][1]:
            starts[0] = (0, h1[1])
        heading = _H2.match(text)
        if heading:
            starts.append((number, heading[1]))
        elif _BREAK.match(text) and number > 0:
            starts.append((number, ""))
    slides = []
    for index, (start, title) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        if not title and index:
            title = slides[-1].title
        chunk = "\n".join(lines[start:end])
        slide = Slide(index, start, end, title, start + 1 + offset)
        slide.citations = find_citations(chunk, file, start + offset)
        slide.has_notes = any(_NOTES.match(line) for line in lines[start:end])
        slides.append(slide)
    return slides


def _front(text: str, file: str) -> tuple[LineDict, str, int]:
    """Front matter (with lines in the file), body and the body's line offset.

    ``split_front_matter`` reads the block once with the line-aware loader
    (``load_text(…, first_line=2)``): its lines are the page's."""
    data, body, offset = split_front_matter(text, file)
    if not offset:
        raise ContentError(
            file,
            1,
            "front matter",
            "none",
            "a YAML block between '---' lines with " + ", ".join(REQUIRED),
            "muc_tieu: [...]; doi_tuong: ...; thoi_luong: 45; van_ban: [06/2022/QH15]",
        )
    if not isinstance(data, LineDict):  # an empty block: nothing but the two '---'
        allowed = "key: value lines with " + ", ".join(REQUIRED)
        raise ContentError(file, 2, "front matter", "an empty block", allowed)
    return data, body, offset


def _texts(data: LineDict, key: str, ctx: Context) -> list[str]:
    value = data.get(key)
    if isinstance(value, str):
        value = [value]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        if key in data:  # a missing field is reported once, with the others missing
            ctx.error(data, key, key, repr(value), "a sentence or a list of sentences", None)
        return []
    return [v.strip() for v in value]


def _rule_sets(data: LineDict, ctx: Context) -> list[RuleSet]:
    value = data.get("quy_tac") or []
    if not isinstance(value, list):
        ctx.error(data, "quy_tac", "quy_tac", repr(value), "a list of {nam, nhom, bo}", None)
        return []
    out = []
    for index, item in enumerate(value):
        ok = (
            isinstance(item, dict)
            and isinstance(item.get("nam"), int)
            and item.get("nhom") in NHOM
            and isinstance(item.get("bo"), str)
        )
        if not ok:
            allowed = "{nam: <year>, nhom: " + "|".join(NHOM) + ", bo: <rule set in data/criteria>}"
            ctx.error(value, index, "quy_tac", repr(item), allowed, None)
            continue
        out.append(RuleSet(item["nam"], item["nhom"], item["bo"], line_of(value, index) or 1))
    return out


def _minutes(data: LineDict, ctx: Context) -> int:
    minutes = data.get("thoi_luong")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 5 <= minutes <= 480:
        if "thoi_luong" in data:
            allowed = "minutes as a whole number from 5 to 480"
            ctx.error(data, "thoi_luong", "thoi_luong", repr(minutes), allowed, None)
        return 0
    return minutes


def _fields(data: LineDict, ctx: Context) -> None:
    """The front matter's missing and unknown fields, each a problem."""
    for key in REQUIRED:
        if key not in data:
            allowed = f"front matter with {', '.join(REQUIRED)} (a module of docs/{FOLDER}/)"
            ctx.errors.append(ContentError(ctx.file, 1, key, "missing", allowed))
    known = (*REQUIRED, *OPTIONAL, *PAGE_KEYS)
    for key in data:
        if key not in known:
            ctx.error(data, key, str(key), "unknown field", ", ".join(known), None)


def load_module(path: Path, docs_dir: Path) -> Module:
    """Read and validate one module page: every problem of its front matter at once."""
    src_uri = path.relative_to(docs_dir).as_posix()
    file = f"{docs_dir.name}/{src_uri}"
    text = path.read_text(encoding="utf-8")
    data, body, offset = _front(text, file)
    ctx = Context(file)
    _fields(data, ctx)
    minutes = _minutes(data, ctx)
    muc_tieu = _texts(data, "muc_tieu", ctx)
    doi_tuong = _texts(data, "doi_tuong", ctx)
    van_ban = _texts(data, "van_ban", ctx)
    rule_sets = _rule_sets(data, ctx)
    order = data.get("thu_tu", 99)
    if not isinstance(order, int) or isinstance(order, bool):
        ctx.error(data, "thu_tu", "thu_tu", repr(order), "a whole number", None)
    if ctx.errors:
        raise ctx.errors[0] if len(ctx.errors) == 1 else ContentErrors(ctx.errors)
    slides = split_slides(body, offset, file)
    title = data.get("title") or slides[0].title or path.stem
    return Module(
        slug=path.name.split(".")[0],
        src_uri=src_uri,
        file=file,
        lang=language(path),
        title=str(title),
        muc_tieu=muc_tieu,
        doi_tuong=doi_tuong,
        thoi_luong=minutes,
        van_ban=van_ban,
        quy_tac=rule_sets,
        thu_tu=order,
        lines=dict(data.lines),
        slides=slides,
        offset=offset,
    )


def notes_with_title(text: str, title: str) -> str:
    """Give every ``!!! ghi-chu`` block written without a title the words ``title``."""
    out = []
    for line in text.split("\n"):
        stripped = line.rstrip()
        if _NOTES.match(stripped) and stripped.split()[-1] == NOTES:
            line = f'{stripped} "{title}"'
        out.append(line)
    return "\n".join(out)
