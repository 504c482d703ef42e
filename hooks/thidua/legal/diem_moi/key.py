""" "Điểm mới", part 2: the comparison key ``so_sanh`` of a document's front matter.

The key is read with the line-aware loader (``thidua.yaml_lines``) and its shape checked
with the project's spec validator (``thidua.spec``); then the predecessor, the article
mapping ``anh_xa`` and the documented differences ``diem_khac`` are checked against the
register. Every problem is collected, each a ``ContentError`` naming the file, the line
of the page, what was found and what is allowed: ``check_config`` returns them (for
``thidua check``), ``read_config`` raises them together (``ContentErrors``, for the
build). Plain Python, no MkDocs.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thidua import spec
from thidua.content_errors import ContentErrors
from thidua.errors import ContentError
from thidua.legal.diem_moi.articles import articles
from thidua.legal.metadata import SO_HIEU_FULL
from thidua.legal.ref import RefSyntaxError, parse
from thidua.legal.registry import Clause, Document, Registry, UnresolvedCitation
from thidua.yaml_lines import LineDict, line_of, load_text

KEY = "so_sanh"
NEW_WORDS = ("mới", "moi")  # anh_xa value: the article has no counterpart
_DIEU = re.compile(r"^Điều\s+(?P<num>\d+[a-z]?)$")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class Difference:
    """A documented difference on one topic (``diem_khac``), citing the new document."""

    chu_de: str
    truoc: str
    sau: str
    citation: str  # the text to put between [[ ]]
    clause: Clause
    unverified: bool = False
    line: int | None = None


@dataclass
class Config:
    """The ``so_sanh`` key of one document, validated against the register."""

    file: str
    line: int | None
    voi: str
    mapping: dict[str, str | None] = field(default_factory=dict)  # new number → old number
    mapping_lines: dict[str, int] = field(default_factory=dict)
    differences: list[Difference] = field(default_factory=list)


# --- the shape of the key (thidua.spec) ----------------------------------------------


class _Keys(spec.Map):
    """A mapping whose unknown keys are named in the found part, its own path kept
    (``so_sanh: unknown key 'anhxa'; allowed: voi, anh_xa, diem_khac``)."""

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: spec.Context) -> None:
        if not isinstance(value, dict):
            ctx.error(parent, key, path, spec.found(value), self.allowed, self.example)
            return
        known = {**self.required, **self.optional}
        for name in value:
            if name not in known:
                ctx.error(value, name, path, f"unknown key {name!r}", ", ".join(known), None)
        for name, item in self.required.items():
            if name not in value:
                ctx.error(value, None, spec.join(path, name), "missing", item.allowed, item.example)
        for name, item in known.items():
            if name in value:
                item.check(value, name, value[name], spec.join(path, name), ctx)


class _SoHieu(spec.Str):
    """The số hiệu of a document, surrounding spaces allowed."""

    def ok(self, value: Any) -> bool:
        return isinstance(value, str) and bool(SO_HIEU_FULL.match(value.strip()))


class _Text(spec.Spec):
    """A short text (a number is read as its text); ``required``: not blank."""

    def __init__(self, allowed: str, required: bool = False, example: str | None = None):
        self.allowed, self.required, self.example = allowed, required, example

    def ok(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return False
        return bool(_words(value)) or not self.required


class _Rows(spec.ListOf):
    """The ``diem_khac`` rows, numbered from 1 as an editor counts them."""

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: spec.Context) -> None:
        if not isinstance(value, list):
            ctx.error(parent, key, path, spec.found(value), self.allowed, self.example)
            return
        for index, item in enumerate(value):
            self.item.check(value, index, item, f"{path}[{index + 1}]", ctx)


_ROW = _Keys(
    {
        "chu_de": _Text("a topic (chu_de)", required=True, example="chu_de: Sáng kiến"),
        "dan_chieu": _Text(
            "the clause of this document that holds it (dan_chieu)",
            required=True,
            example='dan_chieu: "Điều 10"',
        ),
    },
    {
        "truoc": _Text("a text: what the earlier document said"),
        "sau": _Text("a text: what this document says"),
        "chua_xac_minh": spec.Bool(example="chua_xac_minh: true"),
    },
    example='- {chu_de: Sáng kiến, truoc: …, sau: …, dan_chieu: "Điều 10"}',
)
SO_SANH = _Keys(
    {
        "voi": _SoHieu(
            allowed="the số hiệu of the earlier document",
            example='so_sanh: {voi: "15/2003/QH11"}',
        )
    },
    {
        "anh_xa": spec.DictOf(spec.Spec(), spec.Spec(), example='"Điều 23": "Điều 23"'),
        "diem_khac": _Rows(_ROW, example="- {chu_de: …, truoc: …, sau: …, dan_chieu: …}"),
    },
    example='so_sanh: {voi: "15/2003/QH11"}',
)


def _words(value: Any) -> str:
    return " ".join(str(value).split())


def _front_matter(text: str, file: str) -> dict[str, Any]:
    """The front matter of a page, read by the line-aware loader with the page's lines
    (it begins on line 2, after the opening ``---``)."""
    match = _FRONT.match(text)
    if not match:
        return {}
    data = load_text(match[1], file, first_line=2)
    return data if isinstance(data, dict) else {}


# --- reading and checking -------------------------------------------------------------


def read_config(document: Document, registry: Registry, docs_dir: Path) -> Config | None:
    """The validated ``so_sanh`` key of ``document``, or None when it has none.

    Raises ``ContentErrors`` holding every problem of the key (see ``check_config``).
    """
    config, errors = _read(document, registry, docs_dir)
    if errors:
        raise ContentErrors(errors)
    return config


def check_config(document: Document, registry: Registry, docs_dir: Path) -> list[ContentError]:
    """Every problem of ``document``'s ``so_sanh`` key: an unknown sub-key; a predecessor
    that does not exist (or is the document itself); a mapping naming an article that
    either document lacks, or two articles mapped to one; a mapping when the
    predecessor's articles are not in the portal (``chi_sieu_du_lieu: true``); a
    ``diem_khac`` row without topic or with a citation that does not resolve."""
    return _read(document, registry, docs_dir)[1]


def _read(
    document: Document, registry: Registry, docs_dir: Path
) -> tuple[Config | None, list[ContentError]]:
    file = document.file
    text = (docs_dir / document.src_uri).read_text(encoding="utf-8")
    try:
        data = _front_matter(unicodedata.normalize("NFC", text), file)
    except ContentError as error:
        return None, [error]
    if KEY not in data:
        return None, []
    value = data[KEY]
    if isinstance(value, str):  # so_sanh: "15/2003/QH11", short for {voi: …}
        value = LineDict(voi=value)
        value.line = value.lines["voi"] = line_of(data, KEY)
    ctx = spec.Context(file)
    SO_SANH.check(data, KEY, value, KEY, ctx)
    if not isinstance(value, dict):
        return None, ctx.errors
    voi = value.get("voi")
    predecessor = None
    if _SoHieu().ok(voi):
        voi = unicodedata.normalize("NFC", voi.strip())
        predecessor = _predecessor(document, registry, voi, line_of(value, "voi"), ctx)
    config = Config(file, getattr(value, "line", None) or line_of(data, KEY), voi or "")
    if isinstance(value.get("anh_xa"), dict):
        _read_mapping(config, value["anh_xa"], document, predecessor, ctx)
    if isinstance(value.get("diem_khac"), list):
        _read_differences(config, value["diem_khac"], document, registry, ctx)
    if ctx.errors:  # shape first, then the register: shown in the page's order
        return None, sorted(ctx.errors, key=lambda error: error.line or 0)
    return config, []


def _predecessor(
    document: Document, registry: Registry, voi: str, line: int | None, ctx: spec.Context
) -> Document | None:
    """The earlier document ``voi`` names, or None (reported) when there is none."""
    predecessor = registry.document(voi)
    if predecessor is not None and predecessor is not document:
        return predecessor
    nearest = difflib.get_close_matches(voi, list(registry.by_so_hieu), n=3, cutoff=0.5)
    found = (
        "the document itself"
        if predecessor is document
        else f"{voi} is not a document in docs/van-ban/"
    )
    allowed = "the số hiệu of an earlier document in docs/van-ban/" + (
        f"; nearest: {', '.join(nearest)}" if nearest else ""
    )
    ctx.errors.append(ContentError(ctx.file, line, f"{KEY}.voi", found, allowed))
    return None


def _dieu_number(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    match = _DIEU.match(" ".join(text.split()))
    return match["num"] if match else None


def _read_mapping(
    config: Config,
    value: dict,
    document: Document,
    predecessor: Document | None,
    ctx: spec.Context,
) -> None:
    """``anh_xa``: this document's articles → the earlier one's (or mới), each checked.

    Without a known predecessor only this document's side is checked."""
    new_numbers = [a.number for a in articles(document)]
    old_numbers = [a.number for a in articles(predecessor)] if predecessor else []
    where = f"{KEY}.anh_xa"
    seen: dict[str, str] = {}

    def fail(at: int | None, found: str, allowed: str, example: str | None = None) -> None:
        ctx.errors.append(ContentError(config.file, at, where, found, allowed, example))

    for key, target in value.items():
        at = line_of(value, key)
        number = _dieu_number(key)
        if number is None:
            fail(at, f"{key!r} is not an article", '"Điều N"', '"Điều 23"')
            continue
        if number not in new_numbers:
            fail(
                at,
                f"'{key}' is not an article of {document.name} in the portal",
                "its articles: " + _list(new_numbers),
            )
            continue
        if target is None or (isinstance(target, str) and target.strip().lower() in NEW_WORDS):
            config.mapping[number] = None
            config.mapping_lines[number] = at or 0
            continue
        old = _dieu_number(target)
        if old is None:
            fail(
                at,
                f"'{key}': {target!r} is not an article",
                '"Điều N" of the earlier document, or mới (no counterpart)',
            )
            continue
        if predecessor is None:
            continue  # the predecessor's own error says what to fix
        if predecessor.meta.chi_sieu_du_lieu:
            fail(
                at,
                f"'{key}': '{target}', but {predecessor.name} holds metadata only "
                "(chi_sieu_du_lieu: true): its articles are not in the portal",
                "no anh_xa for this predecessor; list the known differences under diem_khac",
            )
            continue
        if old not in old_numbers:
            fail(
                at,
                f"'{key}': 'Điều {old}' is not an article of {predecessor.name} in the portal",
                "its articles: " + _list(old_numbers),
            )
            continue
        if old in seen:
            fail(
                at,
                f"'{key}' and '{seen[old]}' are both mapped to 'Điều {old}' "
                f"of {predecessor.so_hieu}",
                "one article of this document for each article of the earlier one",
            )
            continue
        seen[old] = str(key)
        config.mapping[number] = old
        config.mapping_lines[number] = at or 0


def _list(numbers: list[str]) -> str:
    return ", ".join(f"Điều {n}" for n in numbers) or "none"


def _read_differences(
    config: Config, rows: list, document: Document, registry: Registry, ctx: spec.Context
) -> None:
    """``diem_khac``: each row's citation resolved in this document (the shape of the
    rows is checked by ``SO_SANH``)."""
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        at = line_of(rows, index)
        where = f"{KEY}.diem_khac[{index + 1}].dan_chieu"
        texts = {
            key: _words(row[key]) if _Text("").ok(row.get(key)) else ""
            for key in ("chu_de", "truoc", "sau", "dan_chieu")
        }
        citation = texts["dan_chieu"]
        if not citation:
            continue  # missing or not a text: reported by the shape check
        if citation.startswith(("Điều", "khoản", "điểm")):
            citation = f"{document.so_hieu} {citation}"
        try:
            ref, kind = parse(citation)
            clause = registry.resolve(
                ref, kind, file=config.file, line=at, citation=f"[[{citation}]]"
            )
        except RefSyntaxError as error:
            ctx.errors.append(
                ContentError(config.file, at, where, f"{citation!r}: {error}", '"Điều N khoản M"')
            )
            continue
        except UnresolvedCitation as error:
            ctx.errors.append(ContentError(config.file, at, where, error.found, error.allowed))
            continue
        flag = row.get("chua_xac_minh", False)
        config.differences.append(
            Difference(
                texts["chu_de"],
                texts["truoc"],
                texts["sau"],
                citation,
                clause,
                (flag is True) or clause.unverified,
                at,
            )
        )
