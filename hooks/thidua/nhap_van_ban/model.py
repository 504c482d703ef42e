"""The data an import produces: front matter values, blocks of the body, problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """A source line the import could not place, with what was expected."""

    line: int
    text: str
    reason: str


@dataclass
class Block:
    """One block of the body, in order.

    ``kind``: "chuong" / "muc" / "dieu" (a heading: ``number`` and ``title``),
    "khoan" / "diem" (``number`` and ``text``), "para" (``text``, placed in the
    current unit but numbered by none) or "loose" (a line that looked like a unit
    but could not be one: the template keeps its text without making it a unit).
    """

    kind: str
    text: str = ""
    number: str = ""
    title: str = ""
    line: int = 0


@dataclass
class Basis:
    """One "Căn cứ …" line; ``so_hieu`` when it names a document of the portal."""

    text: str
    so_hieu: str | None = None
    shown: str | None = None  # the words of the line that name that document


@dataclass
class ImportedText:
    """Everything the text tells about itself."""

    so_hieu: str | None = None
    loai_van_ban: str | None = None
    co_quan_ban_hanh: str | None = None
    ten: str | None = None
    nguoi_ky: str | None = None
    ngay_ban_hanh: dt.date | None = None
    ngay_hieu_luc: dt.date | None = None
    can_cu: list[Basis] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)  # e.g. "Quốc hội ban hành Luật …"
    blocks: list[Block] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # passage and signature lines
    problems: list[Problem] = field(default_factory=list)

    @property
    def article_count(self) -> int:
        """How many Điều were found."""
        return sum(1 for block in self.blocks if block.kind == "dieu")
