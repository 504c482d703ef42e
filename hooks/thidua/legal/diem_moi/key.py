""" "Điểm mới", part 2: the comparison key ``so_sanh`` of a document's front matter.

``read_config`` validates the key against the register (the predecessor, the
article mapping ``anh_xa``, the documented differences ``diem_khac``) and raises a
``ContentError`` naming the file, the line, what was found and what is allowed.
Plain Python, no MkDocs.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from thidua.errors import ContentError
from thidua.legal.diem_moi.articles import articles
from thidua.legal.metadata import SO_HIEU_FULL
from thidua.legal.ref import RefSyntaxError, parse
from thidua.legal.registry import Clause, Document, Registry, UnresolvedCitation
from thidua.yaml_lines import LineLoader, line_of

KEY = "so_sanh"
NEW_WORDS = ("mới", "moi")  # anh_xa value: the article has no counterpart
_DIEU = re.compile(r"^Điều\s+(?P<num>\d+[a-z]?)$")
_ALLOWED_KEYS = ("voi", "anh_xa", "diem_khac")
_ROW_KEYS = ("chu_de", "truoc", "sau", "dan_chieu", "chua_xac_minh")


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


def _front_matter(text: str) -> dict[str, Any]:
    """The front matter of a page (starting line 1), read by the line-aware loader."""
    match = re.match(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text, re.DOTALL)
    if not match:
        return {}
    data = yaml.load(match[1], Loader=LineLoader)  # noqa: S506 - LineLoader is a safe loader
    return data if isinstance(data, dict) else {}


def _page_line(line: int | None) -> int | None:
    """A line of the front matter's YAML as a line of the page (line 1 is '---')."""
    return line + 1 if line is not None else None


def _line(parent: Any, key: Any) -> int | None:
    """The page line where ``parent[key]`` starts (a mapping or list: its first line)."""
    value = parent.get(key) if isinstance(parent, dict) else None
    own = getattr(value, "line", None)
    return _page_line(own if own is not None else line_of(parent, key))


def read_config(document: Document, registry: Registry, docs_dir: Path) -> Config | None:
    """The validated ``so_sanh`` key of ``document``, or None when it has none.

    Raises ``ContentError`` for: an unknown sub-key; a predecessor that does not
    exist (or is the document itself); a mapping naming an article that either
    document lacks, or two articles mapped to one; a mapping when the predecessor's
    articles are not in the portal (``chi_sieu_du_lieu: true``); a ``diem_khac`` row
    without topic or with a citation that does not resolve.
    """
    path = docs_dir / document.src_uri
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    data = _front_matter(text)
    if KEY not in data:
        return None
    value = data[KEY]
    file = document.file
    line = _line(data, KEY)

    def fail(at: int | None, what: str, found: str, allowed: str, example: str | None = None):
        return ContentError(file, at, f"{KEY}{what}", found, allowed, example)

    if isinstance(value, str):
        value = {"voi": value}
    if not isinstance(value, dict):
        raise fail(line, "", f"{value!r}", "a mapping with voi, anh_xa, diem_khac", 'voi: "…"')
    for key in value:
        if key not in _ALLOWED_KEYS:
            allowed = ", ".join(_ALLOWED_KEYS)
            key_line = _page_line(getattr(value, "lines", {}).get(key))
            raise fail(key_line or line, "", f"unknown key {key!r}", allowed)
    voi_line = _line(value, "voi") if "voi" in getattr(value, "lines", {}) else None
    voi = value.get("voi")
    if not isinstance(voi, str) or not SO_HIEU_FULL.match(voi.strip()):
        raise fail(
            voi_line or line,
            ".voi",
            f"{voi!r}" if voi is not None else "missing",
            "the số hiệu of the earlier document",
            'so_sanh: {voi: "15/2003/QH11"}',
        )
    voi = unicodedata.normalize("NFC", voi.strip())
    predecessor = registry.document(voi)
    if predecessor is None or predecessor is document:
        nearest = difflib.get_close_matches(voi, list(registry.by_so_hieu), n=3, cutoff=0.5)
        found = (
            "the document itself"
            if predecessor is document
            else f"{voi} is not a document in docs/van-ban/"
        )
        raise fail(
            voi_line,
            ".voi",
            found,
            "the số hiệu of an earlier document in docs/van-ban/"
            + (f"; nearest: {', '.join(nearest)}" if nearest else ""),
        )
    config = Config(file, line, voi)
    _read_mapping(config, value.get("anh_xa"), _line(value, "anh_xa"), document, predecessor)
    _read_differences(config, value.get("diem_khac"), _line(value, "diem_khac"), document, registry)
    return config


def _dieu_number(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    match = _DIEU.match(" ".join(text.split()))
    return match["num"] if match else None


def _read_mapping(
    config: Config, value: Any, line: int | None, document: Document, predecessor: Document
) -> None:
    if value is None:
        return
    file = config.file
    if not isinstance(value, dict):
        raise ContentError(
            file, line, f"{KEY}.anh_xa", f"{value!r}", "a mapping", '"Điều 23": "Điều 23"'
        )
    new_numbers = [a.number for a in articles(document)]
    old_numbers = [a.number for a in articles(predecessor)]
    lines = {str(k): _page_line(n) for k, n in getattr(value, "lines", {}).items()}
    seen: dict[str, str] = {}
    for key, target in value.items():
        at = lines.get(str(key), line)
        number = _dieu_number(key)
        if number is None:
            raise ContentError(
                file, at, f"{KEY}.anh_xa", f"{key!r} is not an article", '"Điều N"', '"Điều 23"'
            )
        if number not in new_numbers:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}' is not an article of {document.name} in the portal",
                "its articles: " + _list(new_numbers),
            )
        if target is None or (isinstance(target, str) and target.strip().lower() in NEW_WORDS):
            config.mapping[number] = None
            config.mapping_lines[number] = at or 0
            continue
        old = _dieu_number(target)
        if old is None:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}': {target!r} is not an article",
                '"Điều N" of the earlier document, or mới (no counterpart)',
            )
        if predecessor.meta.chi_sieu_du_lieu:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}': '{target}', but {predecessor.name} holds metadata only "
                "(chi_sieu_du_lieu: true): its articles are not in the portal",
                "no anh_xa for this predecessor; list the known differences under diem_khac",
            )
        if old not in old_numbers:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}': 'Điều {old}' is not an article of {predecessor.name} in the portal",
                "its articles: " + _list(old_numbers),
            )
        if old in seen:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}' and '{seen[old]}' are both mapped to 'Điều {old}' "
                f"of {predecessor.so_hieu}",
                "one article of this document for each article of the earlier one",
            )
        seen[old] = str(key)
        config.mapping[number] = old
        config.mapping_lines[number] = at or 0


def _list(numbers: list[str]) -> str:
    return ", ".join(f"Điều {n}" for n in numbers) or "none"


def _read_differences(
    config: Config, value: Any, line: int | None, document: Document, registry: Registry
) -> None:
    if value is None:
        return
    file = config.file
    if not isinstance(value, list):
        raise ContentError(
            file, line, f"{KEY}.diem_khac", f"{value!r}", "a list of rows (chu_de, truoc, sau, …)"
        )
    rows = getattr(value, "lines", {})
    for index, row in enumerate(value):
        at = _page_line(rows.get(index)) or line
        where = f"{KEY}.diem_khac[{index + 1}]"
        if not isinstance(row, dict):
            raise ContentError(file, at, where, f"{row!r}", "a mapping: chu_de, truoc, sau, …")
        for key in row:
            if key not in _ROW_KEYS:
                raise ContentError(file, at, where, f"unknown key {key!r}", ", ".join(_ROW_KEYS))
        texts = {}
        for key in ("chu_de", "truoc", "sau", "dan_chieu"):
            item = row.get(key)
            if item is not None and not isinstance(item, (str, int, float)):
                raise ContentError(file, at, f"{where}.{key}", f"{item!r}", "a text")
            texts[key] = " ".join(str(item).split()) if item is not None else ""
        for key in ("chu_de", "dan_chieu"):
            if not texts[key]:
                raise ContentError(
                    file,
                    at,
                    f"{where}.{key}",
                    "missing",
                    "a topic (chu_de) and the clause of this document that holds it (dan_chieu)",
                    'dan_chieu: "Điều 10"',
                )
        flag = row.get("chua_xac_minh", False)
        if not isinstance(flag, bool):
            raise ContentError(file, at, f"{where}.chua_xac_minh", f"{flag!r}", "true | false")
        citation = texts["dan_chieu"]
        if citation.startswith(("Điều", "khoản", "điểm")):
            citation = f"{document.so_hieu} {citation}"
        try:
            ref, kind = parse(citation)
            clause = registry.resolve(ref, kind, file=file, line=at, citation=f"[[{citation}]]")
        except RefSyntaxError as error:
            raise ContentError(
                file, at, f"{where}.dan_chieu", f"{citation!r}: {error}", '"Điều N khoản M"'
            ) from None
        except UnresolvedCitation as error:
            raise ContentError(file, at, f"{where}.dan_chieu", error.found, error.allowed) from None
        config.differences.append(
            Difference(
                texts["chu_de"],
                texts["truoc"],
                texts["sau"],
                citation,
                clause,
                flag or clause.unverified,
                at,
            )
        )
