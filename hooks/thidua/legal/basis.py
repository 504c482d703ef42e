"""The legal basis of a document ("căn cứ") and the date order of relations.

A document's front matter ``can_cu`` lists what it is based on: the số hiệu of a
document (``"06/2022/QH15"``, ``"Luật 06/2022/QH15"``) or a "Căn cứ …" line as
written (what ``thidua import`` records). A number that names a document of the
portal becomes the relation ``can_cu`` (shown "Căn cứ") and, on that document, its
inverse ``lam_can_cu_cho`` ("Làm căn cứ cho"); any other entry stays plain text.

A relation that acts on another document (``can_cu``, ``huong_dan``, ``thay_the``,
``sua_doi`` and the written inverses ``bi_thay_the_boi``, ``duoc_sua_doi_boi``)
cannot point at a document issued later: ``date_order`` returns the error, in
Vietnamese, with the file, the line and the fix. Plain data, no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from thidua.errors import ContentError
from thidua.legal.ref import KIND_WORDS, SO_HIEU

if TYPE_CHECKING:
    from thidua.legal.registry import Document

BASIS = "can_cu"
BASIS_INVERSE = "lam_can_cu_cho"

_NUMBER = re.compile(rf"(?<![\w/-])(?P<so>{SO_HIEU})(?![\w/-])")
_KINDS = "|".join(sorted((re.escape(k) for k in KIND_WORDS), key=len, reverse=True))
# An entry that is only a number, optionally after its kind: "Nghị định số 152/2025/NĐ-CP".
_BARE = re.compile(rf"^(?:(?:{_KINDS})\.?\s+)?(?:số\s+)?(?P<so>{SO_HIEU})$", re.IGNORECASE)

# Relation written on a document → (the later document is the writer?, verb in Vietnamese).
# "A thay_the B": A is later. "A bi_thay_the_boi C": C is later.
_ORDER = {
    BASIS: (True, "căn cứ vào"),
    "huong_dan": (True, "hướng dẫn thi hành"),
    "thay_the": (True, "thay thế"),
    "sua_doi": (True, "sửa đổi, bổ sung"),
    "bi_thay_the_boi": (False, "thay thế"),
    "duoc_sua_doi_boi": (False, "sửa đổi, bổ sung"),
}


@dataclass(frozen=True)
class Segment:
    """A piece of a basis entry: text, and the số hiệu when it names a portal document."""

    text: str
    so_hieu: str | None = None


@dataclass(frozen=True)
class BasisEntry:
    """One ``can_cu`` entry for display: its pieces; ``bare`` when it is only a number."""

    text: str
    segments: tuple[Segment, ...]
    bare: str | None = None


def numbers(entry: str) -> list[str]:
    """The số hiệu named in one ``can_cu`` entry, in order."""
    text = unicodedata.normalize("NFC", entry)
    return [match["so"] for match in _NUMBER.finditer(text)]


def bare_number(entry: str) -> str | None:
    """The số hiệu when the entry is only a number (with its kind word), else None."""
    match = _BARE.match(" ".join(unicodedata.normalize("NFC", entry).split()))
    return match["so"] if match else None


def entries(texts: list[str], known: Callable[[str], bool]) -> list[BasisEntry]:
    """The ``can_cu`` entries cut into text and links to the documents ``known`` accepts."""
    out = []
    for raw in texts:
        text = unicodedata.normalize("NFC", raw)
        bare = bare_number(text)
        segments: list[Segment] = []
        position = 0
        for match in _NUMBER.finditer(text):
            if not known(match["so"]):
                continue
            if match.start() > position:
                segments.append(Segment(text[position : match.start()]))
            segments.append(Segment(match["so"], match["so"]))
            position = match.end()
        if position < len(text):
            segments.append(Segment(text[position:]))
        out.append(BasisEntry(text, tuple(segments), bare if bare and known(bare) else None))
    return out


def issued(document: Document) -> tuple[dt.date | None, int | None]:
    """The issue date and year of a document (the year from its số hiệu when no date)."""
    return document.meta.ngay_ban_hanh, document.meta.nam


def date_order(document: Document, relation: str, other: Document) -> ContentError | None:
    """The error when ``relation`` from ``document`` to ``other`` runs against the dates.

    Exact dates are compared when both documents have ``ngay_ban_hanh``, else the years
    (from the số hiệu); a document with neither is not checked.
    """
    if relation not in _ORDER:
        return None
    writer_is_later, verb = _ORDER[relation]
    later, earlier = (document, other) if writer_is_later else (other, document)
    later_date, later_year = issued(later)
    earlier_date, earlier_year = issued(earlier)
    if later_date and earlier_date:
        wrong = later_date < earlier_date
        shown_later, shown_earlier = _day(later_date), _day(earlier_date)
    elif later_year and earlier_year:
        wrong = later_year < earlier_year
        shown_later, shown_earlier = f"năm {later_year}", f"năm {earlier_year}"
    else:
        return None
    if not wrong:
        return None
    if relation == BASIS:
        found = (
            f"{document.name} ({shown_later}) căn cứ vào {other.name}, văn bản ban hành sau "
            f"nó ({shown_earlier}): một văn bản không thể căn cứ vào văn bản ban hành sau nó"
        )
    else:
        found = (
            f"{later.name} ({shown_later}) ghi là {verb} {earlier.name}, văn bản ban hành sau "
            f"nó ({shown_earlier}): một văn bản không thể {verb} văn bản ban hành sau nó"
        )
    return ContentError(
        document.file,
        document.meta.lines.get(relation),
        relation,
        found,
        f"bỏ {other.so_hieu} khỏi {relation}, hoặc sửa ngay_ban_hanh của {document.file} "
        f"hay của {other.file} cho đúng ngày ban hành",
    )


def _day(value: dt.date) -> str:
    return f"ngày {value.strftime('%d/%m/%Y')}"


def derive(documents: list[Document], by_so_hieu: dict[str, Document]) -> list[ContentError]:
    """Fill ``can_cu`` / ``lam_can_cu_cho`` of every document; the date-order errors.

    A number that is not a document of the portal stays plain text (allowed).
    """
    errors: list[ContentError] = []
    for document in documents:
        for so_hieu in document.meta.basis:
            other = by_so_hieu.get(so_hieu)
            if other is None:
                continue
            error = date_order(document, BASIS, other)
            if error is not None:
                errors.append(error)
                continue
            document.relations[BASIS].append(so_hieu)
            if document.so_hieu not in other.relations[BASIS_INVERSE]:
                other.relations[BASIS_INVERSE].append(document.so_hieu)
    return errors
