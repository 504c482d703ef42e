"""The header of an official text: agency, số hiệu, date, kind and title, căn cứ."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from thidua.legal.metadata import SO_HIEU_FULL
from thidua.nhap_van_ban.clean import is_upper, sentence_case
from thidua.nhap_van_ban.model import Basis, ImportedText, Problem

# Kind words as printed in capitals on their own line, longest first.
KINDS = {
    "BỘ LUẬT": "Bộ luật",
    "LUẬT": "Luật",
    "NGHỊ ĐỊNH": "Nghị định",
    "THÔNG TƯ": "Thông tư",
    "QUYẾT ĐỊNH": "Quyết định",
    "QUY ĐỊNH": "Quy định",
    "HƯỚNG DẪN": "Hướng dẫn",
    "NGHỊ QUYẾT": "Nghị quyết",
    "QUY CHẾ": "Quy chế",
    "VĂN BẢN HỢP NHẤT": "Văn bản hợp nhất",
}
# Kind from the số hiệu when no kind line was read.
_KIND_FROM_NUMBER = (
    (re.compile(r"/QH\d+$"), "Luật"),
    (re.compile(r"/NĐ-"), "Nghị định"),
    (re.compile(r"/TT-"), "Thông tư"),
    (re.compile(r"QĐ"), "Quyết định"),
    (re.compile(r"/NQ-|NQ/"), "Nghị quyết"),
    (re.compile(r"HD"), "Hướng dẫn"),
    (re.compile(r"VBHN"), "Văn bản hợp nhất"),
)
AGENCIES = {
    "QUỐC HỘI": "Quốc hội",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI": "Ủy ban Thường vụ Quốc hội",
    "CHÍNH PHỦ": "Chính phủ",
    "THỦ TƯỚNG CHÍNH PHỦ": "Thủ tướng Chính phủ",
    "BAN CHẤP HÀNH TRUNG ƯƠNG": "Ban Chấp hành Trung ương",
    "BỘ CHÍNH TRỊ": "Bộ Chính trị",
    "BAN BÍ THƯ": "Ban Bí thư",
}
_NATIONAL = re.compile(r"^(CỘNG\s+H(?:ÒA|OÀ)|ĐỘC LẬP|ĐẢNG CỘNG SẢN)", re.IGNORECASE)
_NUMBER = re.compile(
    r"\bs[ốo]\s*(?:hiệu)?\s*:?\s*(?P<so>\d[\dA-ZĐ]*(?:\s*[/-]\s*[\dA-ZĐ]+)+)", re.IGNORECASE
)
_DATE_WORDS = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s*tháng\s+(?P<m>\d{1,2})\s*năm\s+(?P<y>\d{4})", re.IGNORECASE
)
_DATE_SLASH = re.compile(r"ngày\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})")
_IN_FORCE = re.compile(
    r"có hiệu lực(?: thi hành)?(?: kể)? từ\s+(?P<date>ngày\s+[\d\s/thángnăm]+)", re.IGNORECASE
)
_BASIS = re.compile(r"^Căn cứ\b")
_ENACTS = re.compile(r"^(Theo đề nghị|.{2,80}\bban hành\b)")


@dataclass(frozen=True)
class KnownDocument:
    """A document of the portal that a "Căn cứ" line may name."""

    so_hieu: str
    ten: str
    ngay_ban_hanh: dt.date | None = None


def date_in(text: str) -> tuple[dt.date | None, str | None]:
    """(date, None) for the first "ngày 15 tháng 6 năm 2022" of ``text``;
    (None, "ngày 30 tháng 2 năm 2020") for one that does not exist; (None, None)."""
    match = _DATE_WORDS.search(text) or _DATE_SLASH.search(text)
    if not match:
        return None, None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"])), None
    except ValueError:
        return None, match[0]


def so_hieu_in(text: str) -> str | None:
    """The số hiệu of a "Số: 90/2020/NĐ-CP" line, OCR spacing and "ND" for "NĐ" repaired."""
    match = _NUMBER.search(text)
    if not match:
        return None
    value = re.sub(r"\s+", "", match["so"]).upper()
    value = re.sub(r"(?<![A-Z])ND(?=-)", "NĐ", value)
    value = re.sub(r"(?<![A-Z])QD(?=[-/])", "QĐ", value)
    return value if SO_HIEU_FULL.match(value) else None


def read_header(lines: list[tuple[int, str]], result: ImportedText, known: list[KnownDocument]):
    """Fill ``result`` from the cleaned lines before the first unit ((line number, text))."""
    index = 0
    title_words: list[str] = []
    while index < len(lines):
        number, text = lines[index]
        index += 1
        if _NATIONAL.match(text):
            continue
        so_hieu = so_hieu_in(text) if result.so_hieu is None else None
        if so_hieu:
            result.so_hieu = so_hieu
            _issue_date(number, text, result)
            continue
        if result.ngay_ban_hanh is None and re.search(r",\s*ngày\s+\d", text):
            _issue_date(number, text, result)
            continue
        upper = text.upper()
        if result.loai_van_ban is None and is_upper(text):
            kind = next((k for k in KINDS if upper == k or upper.startswith(k + " ")), None)
            if kind is not None and (result.co_quan_ban_hanh or result.so_hieu):
                result.loai_van_ban = KINDS[kind]
                rest = text[len(kind) :].strip()
                title_words = [rest] if rest else []
                while index < len(lines) and is_upper(lines[index][1]):
                    title_words.append(lines[index][1])
                    index += 1
                continue
            if result.co_quan_ban_hanh is None and result.so_hieu is None:
                result.co_quan_ban_hanh = agency(text)
                continue
        if _BASIS.match(text):
            result.can_cu.append(basis(text, known))
            continue
        if _ENACTS.match(text) and result.loai_van_ban:
            result.preamble.append(text)
            continue
        if result.loai_van_ban and not result.can_cu and text[:1].islower() and title_words:
            title_words.append(text)  # a title continued in lower case
            continue
        result.problems.append(
            Problem(
                number, text, "phần đầu văn bản: không phải cơ quan, số hiệu, ngày, tên hay căn cứ"
            )
        )
    if result.loai_van_ban is None and result.so_hieu:
        result.loai_van_ban = next(
            (kind for pattern, kind in _KIND_FROM_NUMBER if pattern.search(result.so_hieu)), None
        )
    if result.loai_van_ban and title_words:
        capital = result.loai_van_ban in ("Luật", "Bộ luật")
        result.ten = f"{result.loai_van_ban} {sentence_case(' '.join(title_words), capital)}"


def _issue_date(number: int, text: str, result: ImportedText) -> None:
    value, impossible = date_in(text)
    if value:
        result.ngay_ban_hanh = value
    elif impossible:
        result.problems.append(
            Problem(number, text, f"ngày ban hành '{impossible}' là ngày không có thật")
        )


def agency(text: str) -> str:
    """ "BỘ NỘI VỤ" → "Bộ Nội vụ"; a known agency by its usual name."""
    upper = text.upper().strip(" *-")
    if upper in AGENCIES:
        return AGENCIES[upper]
    if upper.startswith("BỘ "):
        return "Bộ " + sentence_case(upper[3:], capital=True)
    return sentence_case(upper, capital=True)


def basis(text: str, known: list[KnownDocument]) -> Basis:
    """A "Căn cứ …" line, linked to a portal document it names without doubt."""
    for doc in known:
        position = text.find(doc.so_hieu)
        if position >= 0:
            return Basis(text, doc.so_hieu, doc.so_hieu)
    lowered = text.lower()
    named = [doc for doc in known if doc.ten and doc.ten.lower() in lowered]
    when, _ = date_in(text)
    dated = [doc for doc in named if when and doc.ngay_ban_hanh == when]
    chosen = dated or (named if len(named) == 1 and not when else [])
    if len(chosen) == 1:
        start = lowered.find(chosen[0].ten.lower())
        return Basis(text, chosen[0].so_hieu, text[start : start + len(chosen[0].ten)])
    return Basis(text)


_PASSED = re.compile(r"thông qua\s+(?P<date>ngày\s+[\d\s/thángnăm]+)", re.IGNORECASE)


def passage_date(texts: list[str], result: ImportedText) -> None:
    """A law's ``ngay_ban_hanh``: the day the National Assembly passed it ("thông qua ngày …")."""
    if result.ngay_ban_hanh is not None:
        return
    for text in texts:
        match = _PASSED.search(text)
        if match:
            value, _ = date_in(match["date"])
            if value:
                result.ngay_ban_hanh = value
                return


def in_force_date(texts: list[tuple[int, str]], result: ImportedText) -> None:
    """``ngay_hieu_luc`` from "có hiệu lực (thi hành) (kể) từ ngày …"."""
    for number, text in texts:
        match = _IN_FORCE.search(text)
        if not match:
            continue
        value, impossible = date_in(match["date"])
        if value:
            result.ngay_hieu_luc = value
            return
        if impossible:
            result.problems.append(
                Problem(number, text, f"ngày hiệu lực '{impossible}' là ngày không có thật")
            )
            return
