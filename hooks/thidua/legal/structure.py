"""The structure of a legal text: Phần, Chương, Mục, Điều, khoản, điểm.

Recognised on Markdown source lines (conventions, "Legal documents"):
headings "Phần I", "Chương II", "Mục 1", "Điều 24"; a khoản is a paragraph at
column 0 starting "1. " inside a Điều; a điểm one starting "a) " inside a
khoản. Lines between ``<!-- trich-dan -->`` and ``<!-- het-trich-dan -->`` quote
another document and are skipped.

Numbering rule: within its parent, each unit's number must be greater than the
one before (a duplicate or a step back is an error). A full text must also
number without gaps; a summary (``tom_luoc: true``) may leave units out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from thidua.errors import ContentError
from thidua.legal.ref import DIEM_LETTERS, Ref, diem_slug

_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_PHAN = re.compile(
    r"^Phần\s+(?:thứ\s+(?P<word>[^\s.:]+)|(?P<roman>[IVXLC]+)\b)[.:]?\s*(?P<title>.*)$"
)
_CHUONG = re.compile(r"^Chương\s+(?P<num>[IVXLC]+|\d+)\b[.:]?\s*(?P<title>.*)$")
_MUC = re.compile(r"^Mục\s+(?P<num>\d+)\b[.:]?\s*(?P<title>.*)$")
_DIEU = re.compile(r"^Điều\s+(?P<num>\d+[a-z]?)\b[.:]?\s*(?P<title>.*)$")
_KHOAN = re.compile(r"^(?P<num>\d+[a-z]?)(?:\\)?\.\s+\S")
_DIEM = re.compile(r"^(?P<num>[a-zđ])\)\s+\S")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
QUOTE_OPEN = re.compile(r"^\s*<!--\s*trich-dan\s*-->\s*$")
QUOTE_CLOSE = re.compile(r"^\s*<!--\s*het-trich-dan\s*-->\s*$")
_TRAILING_ATTRS = re.compile(r"\s*\{[:\s][^}]*\}\s*$")

_ORDINALS = {
    "nhất": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

KIND_LABEL = {
    "phan": "Phần",
    "chuong": "Chương",
    "muc": "Mục",
    "dieu": "Điều",
    "khoan": "khoản",
    "diem": "điểm",
}
PREVIEW_CHARS = 320


def roman_value(text: str) -> int:
    """Value of a Roman numeral ("XIV" → 14); an Arabic number is read as is."""
    if text.isdigit():
        return int(text)
    total = 0
    values = [_ROMAN[ch] for ch in text.upper()]
    for index, value in enumerate(values):
        nxt = values[index + 1] if index + 1 < len(values) else 0
        total += -value if value < nxt else value
    return total


def to_roman(number: int) -> str:
    """Roman numeral of ``number`` (1 → "I")."""
    table = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX")]
    table += [(5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in table:
        while number >= value:
            out += letters
            number -= value
    return out


@dataclass
class Unit:
    """One structural unit with its anchor and where it stands in the source."""

    kind: str
    number: str
    anchor: str
    start: int  # index of its first line in the body
    end: int  # index of its last line (the heading, or the paragraph's last line)
    title: str = ""
    ref: Ref | None = None
    texts: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """ "khoản 1 Điều 24", "Chương II", "Điều 24"."""
        if self.ref is not None:
            return self.ref.clause_label()
        return f"{KIND_LABEL[self.kind]} {self.number}"

    @property
    def text(self) -> str:
        """Plain-text preview: the unit's own text and what it contains, shortened."""
        return shorten(" ".join(t for t in self.texts if t))


@dataclass
class Structure:
    """The units of one document, in source order."""

    units: list[Unit]

    def __post_init__(self) -> None:
        self.by_anchor = {unit.anchor: unit for unit in self.units}

    def clauses(self) -> list[Unit]:
        """Điều, khoản and điểm only."""
        return [u for u in self.units if u.ref is not None]


def plain(markdown: str) -> str:
    """Markdown of one paragraph → plain text for a preview."""
    text = re.sub(r"\[\[([^\]|]*?)(?:\|([^\]]*))?\]\]", lambda m: (m[2] or m[1]).strip(), markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    text = _TRAILING_ATTRS.sub("", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.split())


def shorten(text: str, limit: int = PREVIEW_CHARS) -> str:
    """Cut ``text`` at a word boundary and add "…" when it is longer than ``limit``."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def _sort_key(kind: str, number: str) -> tuple[int, str]:
    if kind == "diem":
        return DIEM_LETTERS.index(number), ""
    if kind in ("phan", "chuong"):
        return roman_value(number), ""
    digits = re.match(r"\d+", number)
    return int(digits[0]), number[digits.end() :]


class _Numbering:
    """Checks that numbers rise within each parent (and without gaps in a full text)."""

    def __init__(self, file: str, offset: int, summary: bool) -> None:
        self.file = file
        self.offset = offset
        self.summary = summary
        self.last: dict[tuple[str, str], tuple[str, int]] = {}

    def check(self, kind: str, number: str, parent: str, index: int) -> None:
        key = (kind, parent)
        line = index + 1 + self.offset
        where = f" in {parent}" if parent else ""
        label = KIND_LABEL[kind]
        previous = self.last.get(key)
        current = _sort_key(kind, number)
        if previous is not None:
            before, before_line = previous
            if _sort_key(kind, before) >= current:
                if _sort_key(kind, before) == current:
                    found = f"'{label} {number}'{where} numbered twice (also on line {before_line})"
                else:
                    found = (
                        f"'{label} {number}'{where} after '{label} {before}' (line {before_line})"
                    )
                raise ContentError(
                    self.file,
                    line,
                    label,
                    found,
                    f"each {label} once, numbered in increasing order",
                )
            expected = self._next(kind, before)
        else:
            expected = self._first(kind)
        has_suffix = kind not in ("diem", "phan", "chuong") and not number.isdigit()
        if not self.summary and not has_suffix and expected is not None and number != expected:
            raise ContentError(
                self.file,
                line,
                label,
                f"'{label} {number}'{where} where '{label} {expected}' is expected",
                f"numbering without gaps in a full text (set 'tom_luoc: true' for a summary "
                f"that leaves {label} out)",
            )
        self.last[key] = (number, line)

    def _first(self, kind: str) -> str | None:
        return {"diem": "a", "phan": None, "chuong": None}.get(kind, "1")

    def _next(self, kind: str, before: str) -> str | None:
        if kind == "diem":
            position = DIEM_LETTERS.index(before) + 1
            return DIEM_LETTERS[position] if position < len(DIEM_LETTERS) else None
        if kind in ("phan", "chuong"):
            return None  # Roman numerals checked for order only
        digits = re.match(r"\d+", before)
        return str(int(digits[0]) + 1)


def parse_structure(
    lines: list[str], file: str, offset: int = 0, summary: bool = False, so_hieu: str = ""
) -> Structure:
    """Find the units in the body ``lines`` (``offset`` lines precede them in the file).

    ``so_hieu`` is the document's number, carried by each clause's ``Ref``.

    Raises ``ContentError`` for a unit numbered twice or out of order, a khoản or
    điểm outside its parent or an unclosed quotation.
    """
    units: list[Unit] = []
    numbering = _Numbering(file, offset, summary)
    chuong: Unit | None = None
    dieu: Unit | None = None
    khoan: Unit | None = None
    open_units: list[Unit] = []  # units whose preview collects the text that follows
    fence: str | None = None
    quote_line: int | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        fence_match = _FENCE.match(line)
        if fence is not None:
            if fence_match and fence_match[1][0] == fence[0] and len(fence_match[1]) >= len(fence):
                fence = None
            index += 1
            continue
        if fence_match:
            fence = fence_match[1]
            index += 1
            continue
        if quote_line is not None:
            if QUOTE_CLOSE.match(line):
                quote_line = None
            elif QUOTE_OPEN.match(line):
                raise _quote_error(file, offset, index, "a second '<!-- trich-dan -->'")
            else:
                _collect(open_units, plain(line))
            index += 1
            continue
        if QUOTE_OPEN.match(line):
            quote_line = index
            index += 1
            continue
        if QUOTE_CLOSE.match(line):
            raise _quote_error(file, offset, index, "'<!-- het-trich-dan -->' without an opening")
        heading = _HEADING.match(line)
        if heading:
            text = _TRAILING_ATTRS.sub("", heading["text"])
            unit = _heading_unit(text, index, chuong, numbering, so_hieu)
            if unit is None:
                dieu = khoan = None
                open_units = []
            else:
                units.append(unit)
                if unit.kind in ("phan", "chuong"):
                    chuong = unit if unit.kind == "chuong" else None
                    dieu = khoan = None
                    open_units = []
                elif unit.kind == "muc":
                    dieu = khoan = None
                    open_units = []
                else:
                    dieu, khoan = unit, None
                    unit.texts.append(f"{unit.label}. {plain(unit.title)}".rstrip(". "))
                    open_units = [unit]
            index += 1
            continue
        if not line.strip():
            index += 1
            continue
        if dieu is not None and (_KHOAN.match(line) or _DIEM.match(line)):
            end = _paragraph_end(lines, index)
            text = plain(" ".join(lines[index : end + 1]))
            khoan_match = _KHOAN.match(line)
            assert dieu.ref is not None
            if khoan_match:
                number = khoan_match["num"]
                numbering.check("khoan", number, dieu.label, index)
                ref = Ref(dieu.ref.so_hieu, dieu.number, number)
                khoan = Unit("khoan", number, ref.anchor, index, end, ref=ref)
                khoan.texts.append(text)
                units.append(khoan)
                open_units = [dieu, khoan]
            else:
                number = _DIEM.match(line)["num"]
                if khoan is None:
                    raise ContentError(
                        file,
                        index + 1 + offset,
                        "điểm",
                        f"'{number})' in {dieu.label} before any khoản",
                        "điểm inside a khoản ('1. …' first); write other lists with '- '",
                    )
                numbering.check("diem", number, khoan.label, index)
                ref = Ref(dieu.ref.so_hieu, dieu.number, khoan.number, number)
                unit = Unit("diem", number, ref.anchor, index, end, ref=ref)
                unit.texts.append(text)
                units.append(unit)
                open_units = [dieu, khoan, unit]
                _collect([dieu, khoan], text)
            if khoan_match:
                _collect([dieu], text)
            index = end + 1
            continue
        _collect(open_units, plain(line))
        index += 1
    if quote_line is not None:
        raise _quote_error(file, offset, quote_line, "'<!-- trich-dan -->' never closed")
    return Structure(units)


def _quote_error(file: str, offset: int, index: int, found: str) -> ContentError:
    return ContentError(
        file,
        index + 1 + offset,
        "trich-dan",
        found,
        "'<!-- trich-dan -->' … '<!-- het-trich-dan -->' on lines of their own, in pairs",
    )


def _collect(units: list[Unit], text: str) -> None:
    if not text:
        return
    for unit in units:
        if sum(len(t) for t in unit.texts) <= PREVIEW_CHARS:
            unit.texts.append(text)


def _paragraph_end(lines: list[str], index: int) -> int:
    end = index
    while end + 1 < len(lines):
        nxt = lines[end + 1]
        if not nxt.strip() or _KHOAN.match(nxt) or _DIEM.match(nxt) or _HEADING.match(nxt):
            break
        if QUOTE_OPEN.match(nxt) or _FENCE.match(nxt):
            break
        end += 1
    return end


def _heading_unit(
    text: str, index: int, chuong: Unit | None, numbering: _Numbering, so_hieu: str
) -> Unit | None:
    match = _PHAN.match(text)
    if match:
        number = (
            to_roman(_ORDINALS.get((match["word"] or "").lower(), 0))
            or (match["roman"] or "").upper()
        )
        if number:
            numbering.check("phan", number, "", index)
            return Unit("phan", number, f"phan-{number.lower()}", index, index, match["title"])
    match = _CHUONG.match(text)
    if match:
        number = match["num"]
        numbering.check("chuong", number, "", index)
        return Unit("chuong", number, f"chuong-{number.lower()}", index, index, match["title"])
    match = _MUC.match(text)
    if match:
        number = match["num"]
        parent = chuong.label if chuong else ""
        numbering.check("muc", number, parent, index)
        prefix = f"{chuong.anchor}-" if chuong else ""
        return Unit("muc", number, f"{prefix}muc-{number}", index, index, match["title"])
    match = _DIEU.match(text)
    if match:
        number = match["num"]
        numbering.check("dieu", number, "", index)
        ref = Ref(so_hieu, number)
        return Unit("dieu", number, ref.anchor, index, index, match["title"], ref=ref)
    return None


Decorate = Callable[[Unit, list[str]], list[str]]


def annotate(
    lines: list[str], structure: Structure, decorate: Decorate, shift: int = 0
) -> list[str]:
    """Replace each unit's lines (heading, or paragraph) by ``decorate(unit, lines)``.

    ``shift``: how many lines the structure's indexes are ahead of ``lines``.
    """
    out: list[str] = []
    position = 0
    for unit in structure.units:
        start, end = unit.start - shift, unit.end - shift
        out.extend(lines[position:start])
        out.extend(decorate(unit, lines[start : end + 1]))
        position = end + 1
    out.extend(lines[position:])
    return out


def heading_with_id(unit: Unit, line: str) -> str:
    """``#### Điều 24. …`` → ``#### Điều 24. … { #dieu-24 .legal-dieu }``."""
    bare = _TRAILING_ATTRS.sub("", line.rstrip())
    return f"{bare} {{ #{unit.anchor} .legal-{unit.kind} }}"


def paragraph_with_id(unit: Unit, lines: list[str], prefix: str = "") -> list[str]:
    """A khoản/điểm paragraph with an attr_list id and ``prefix`` (e.g. a link) before it.

    "1." is escaped so that Markdown does not start an ordered list.
    """
    first = re.sub(r"^(\d+[a-z]?)\.", r"\1\\.", lines[0], count=1)
    return [f"{prefix}{first}", *lines[1:], f"{{: #{unit.anchor} .legal-{unit.kind} }}"]


__all__ = [
    "Structure",
    "Unit",
    "annotate",
    "diem_slug",
    "heading_with_id",
    "paragraph_with_id",
    "parse_structure",
    "plain",
]
