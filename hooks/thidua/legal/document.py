"""One legal document of the register, its clauses and who cites them.

``Document`` (a page of ``docs/van-ban/`` with its metadata and structure), ``Clause``
(a unit of it a citation resolves to), ``Citing`` (a source that cites) and
``UnresolvedCitation``. The register (``thidua.legal.registry``) builds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from thidua.errors import ContentError
from thidua.legal.metadata import (
    Metadata,
)
from thidua.legal.ref import Ref, RefSyntaxError, parse
from thidua.legal.structure import Structure, Unit, shorten

FOLDER = "van-ban"
WHOLE = "*"


class UnresolvedCitation(ContentError):
    """A reference to a document or clause that the register does not have."""

    def __init__(
        self,
        file: str,
        line: int | None,
        found: str,
        allowed: str,
        nearest: list[str] | None = None,
    ) -> None:
        self.nearest = nearest or []
        super().__init__(file, line, "citation", found, allowed)


@dataclass
class Document:
    """One legal document: metadata, structure and (derived) relations."""

    id: str
    src_uri: str
    file: str
    meta: Metadata
    structure: Structure
    relations: dict[str, list[str]] = field(default_factory=dict)
    body: str = ""

    @property
    def so_hieu(self) -> str:
        """The document number, e.g. "06/2022/QH15"."""
        return self.meta.so_hieu

    @property
    def loai_van_ban(self) -> str:
        """The kind, e.g. "Luật"."""
        return self.meta.loai_van_ban

    @property
    def ten(self) -> str:
        """The title."""
        return self.meta.ten

    @property
    def name(self) -> str:
        """Kind and number: "Luật 06/2022/QH15"."""
        return f"{self.loai_van_ban} {self.so_hieu}"

    @property
    def page_url(self) -> str:
        """The page URL relative to the site root (directory URLs): "van-ban/luat-06-2022/"."""
        return f"{FOLDER}/{self.id}/"

    @property
    def unverified(self) -> bool:
        """The whole document is marked unverified (``chua_xac_minh: ["*"]``)."""
        return WHOLE in self.meta.chua_xac_minh

    @cached_property
    def unverified_refs(self) -> list[Ref]:
        """The clauses listed in ``chua_xac_minh`` (without "*")."""
        refs = (_entry_ref(self, entry) for entry in self.meta.chua_xac_minh)
        return [ref for ref in refs if ref is not None]

    @property
    def in_force(self) -> bool:
        """True unless the status says the document no longer (or not yet) applies."""
        return self.meta.tinh_trang == "con_hieu_luc"


@dataclass(frozen=True)
class Clause:
    """A document, or one Điều/khoản/điểm of it, that a citation resolved to."""

    document: Document
    ref: Ref
    unit: Unit | None = None
    unverified: bool = False

    @property
    def anchor(self) -> str:
        """``dieu-24-khoan-1``; empty for the whole document."""
        return self.ref.anchor

    @property
    def clause_label(self) -> str:
        """ "điểm a khoản 1 Điều 24"; empty for the whole document."""
        return self.ref.clause_label()

    @property
    def label(self) -> str:
        """ "khoản 1 Điều 24 Luật 06/2022/QH15" (Vietnamese citation order)."""
        return f"{self.clause_label} {self.document.name}".strip()

    @property
    def text(self) -> str:
        """Plain-text preview of the clause (the document's title for a whole document)."""
        if self.unit is None:
            return shorten(self.document.ten)
        return self.unit.text

    @property
    def url(self) -> str:
        """Site-relative URL with the anchor."""
        anchor = f"#{self.anchor}" if self.anchor else ""
        return f"{self.document.page_url}{anchor}"

    @property
    def key(self) -> tuple[str, str]:
        """(số hiệu, anchor): the reverse index key."""
        return self.document.so_hieu, self.anchor


@dataclass(frozen=True)
class Citing:
    """Where a clause is cited: a page (``src_uri``, docs-relative), a criterion, a quiz…"""

    title: str
    src_uri: str
    anchor: str = ""
    kind: str = "page"
    line: int | None = None


def _entry_ref(document: Document, entry: str) -> Ref | None:
    if entry == WHOLE:
        return None
    try:
        ref, _ = parse(f"{document.so_hieu} {entry}")
    except RefSyntaxError:
        return None
    return ref
