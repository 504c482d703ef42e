"""References to Vietnamese legal documents and their clauses.

One grammar serves the citation markers in Markdown (``[[06/2022/QH15 Điều 24
khoản 1]]``), the ``legal_basis`` strings of criteria and results ("Luật
06/2022/QH15 Điều 24 khoản 1 điểm a") and the anchors of published clauses
(``dieu-24-khoan-1-diem-a``). Both orders used in Vietnamese are accepted:
"Điều 24 khoản 1 điểm a" and "điểm a khoản 1 Điều 24" (facts.md §6.2).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Letters used for điểm, in order: a b c d đ e g h i k l m n o p q r s t u v x y
# (facts.md §6.1). "đ" gets the anchor "dd" so it never collides with "d".
DIEM_LETTERS = "abcdđeghiklmnopqrstuvxy"

# Document kinds as written before a number; the short forms are common in guidance.
KIND_WORDS = {
    "luật": "Luật",
    "bộ luật": "Bộ luật",
    "nghị định": "Nghị định",
    "nđ": "Nghị định",
    "thông tư": "Thông tư",
    "tt": "Thông tư",
    "quy định": "Quy định",
    "hướng dẫn": "Hướng dẫn",
    "quyết định": "Quyết định",
    "qđ": "Quyết định",
    "nghị quyết": "Nghị quyết",
    "quy chế": "Quy chế",
    "văn bản hợp nhất": "Văn bản hợp nhất",
}

# Số hiệu patterns (facts.md §6.3): 06/2022/QH15, 98/2023/NĐ-CP, 124-QĐ/TW,
# 1206/QĐ-BTP, 01/2024/TT-BNV, 3/VBHN-BNV.
SO_HIEU = r"\d+[A-Z]?(?:/\d{4})?/[A-ZĐ0-9]+(?:-[A-Za-zĐđ0-9]+)*|\d+-[A-ZĐ]+/[A-ZĐ]+"
_SO_HIEU = re.compile(rf"(?<![\w/-])(?P<so_hieu>{SO_HIEU})(?![\w/-])")
_KIND = re.compile(
    r"^\s*(?P<kind>"
    + "|".join(sorted((re.escape(k) for k in KIND_WORDS), key=len, reverse=True))
    + r")\b\.?\s*",
    re.IGNORECASE,
)
_PART = re.compile(
    r"(?P<word>điều|khoản|điểm)\s+(?P<value>\d+[a-z]?|[a-zđ])(?![\w])", re.IGNORECASE
)


class RefSyntaxError(ValueError):
    """A reference string that the grammar cannot read."""


@dataclass(frozen=True, order=True)
class Ref:
    """A document (by số hiệu) and optionally an article, clause and point."""

    so_hieu: str
    dieu: str | None = None
    khoan: str | None = None
    diem: str | None = None

    @property
    def anchor(self) -> str:
        """The clause anchor (``dieu-24-khoan-1-diem-dd``); empty for a whole document."""
        return anchor(self.dieu, self.khoan, self.diem)

    @property
    def level(self) -> str:
        """The narrowest unit named: ``van_ban``, ``dieu``, ``khoan`` or ``diem``."""
        if self.diem:
            return "diem"
        if self.khoan:
            return "khoan"
        if self.dieu:
            return "dieu"
        return "van_ban"

    def clause_label(self) -> str:
        """The clause in Vietnamese citation order: "điểm a khoản 1 Điều 24"."""
        parts = []
        if self.diem:
            parts.append(f"điểm {self.diem}")
        if self.khoan:
            parts.append(f"khoản {self.khoan}")
        if self.dieu:
            parts.append(f"Điều {self.dieu}")
        return " ".join(parts)

    def basis(self, kind: str | None = None) -> str:
        """The ``legal_basis`` form: "Luật 06/2022/QH15 Điều 24 khoản 1 điểm a"."""
        parts = [f"{kind} {self.so_hieu}" if kind else self.so_hieu]
        if self.dieu:
            parts.append(f"Điều {self.dieu}")
        if self.khoan:
            parts.append(f"khoản {self.khoan}")
        if self.diem:
            parts.append(f"điểm {self.diem}")
        return " ".join(parts)


def diem_slug(letter: str) -> str:
    """Anchor part of a điểm letter: "đ" → "dd", others unchanged."""
    return "dd" if letter == "đ" else letter


def anchor(dieu: str | None, khoan: str | None = None, diem: str | None = None) -> str:
    """Build ``dieu-N[-khoan-M[-diem-x]]``."""
    if not dieu:
        return ""
    text = f"dieu-{dieu.lower()}"
    if khoan:
        text += f"-khoan-{khoan.lower()}"
        if diem:
            text += f"-diem-{diem_slug(diem.lower())}"
    return text


_TRAILING_KIND = re.compile(
    r"(?P<kind>" + "|".join(re.escape(k) for k in KIND_WORDS) + r")\s*$", re.IGNORECASE
)


def parse(text: str) -> tuple[Ref, str | None]:
    """Parse a reference; return the ``Ref`` and the document kind word if given.

    Accepts "Luật 06/2022/QH15 Điều 24 khoản 1 điểm a", "NĐ 90/2020/NĐ-CP Điều 2",
    "điểm a khoản 1 Điều 24 Luật 06/2022/QH15" and "06/2022/QH15". Raises
    ``RefSyntaxError`` with a readable reason otherwise.

    Remembered by text (the result is immutable): a build reads each page's markers
    when it checks the page and again when it renders it, in each language pass.
    """
    return _parse(text)


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[Ref, str | None]:
    source = unicodedata.normalize("NFC", " ".join(text.split()))
    match = _SO_HIEU.search(source)
    if not match:
        raise RefSyntaxError(
            f"no document number in {text!r}; expected e.g. '06/2022/QH15', "
            "'98/2023/NĐ-CP' or '124-QĐ/TW'"
        )
    so_hieu = match["so_hieu"]
    before, after = source[: match.start()], source[match.end() :]
    kind = None
    clause_text = before
    kind_match = _KIND.search(before.strip()) if before.strip() else None
    # The kind word stands right before the number: "… Điều 24 Luật 06/2022/QH15".
    trailing_kind = _TRAILING_KIND.search(before)
    if trailing_kind:
        kind = KIND_WORDS[trailing_kind["kind"].lower()]
        clause_text = before[: trailing_kind.start()]
    elif kind_match:
        kind = KIND_WORDS[kind_match["kind"].lower()]
    clause_text = f"{clause_text} {after}"
    values: dict[str, str] = {}
    consumed = clause_text
    for part in _PART.finditer(clause_text):
        word = part["word"].lower()
        key = {"điều": "dieu", "khoản": "khoan", "điểm": "diem"}[word]
        if key in values:
            raise RefSyntaxError(f"'{part['word']}' named twice in {text!r}")
        value = part["value"]
        if key == "diem":
            value = value.lower()
            if value not in DIEM_LETTERS:
                raise RefSyntaxError(
                    f"'điểm {value}' in {text!r}: a điểm is one of {', '.join(DIEM_LETTERS)}"
                )
        elif not value[0].isdigit():
            raise RefSyntaxError(f"'{part['word']} {value}' in {text!r}: expected a number")
        values[key] = value
        consumed = consumed.replace(part.group(0), " ", 1)
    leftover = consumed.strip(" ,.")
    if leftover and leftover.lower() not in KIND_WORDS:
        raise RefSyntaxError(
            f"cannot read {leftover!r} in {text!r}; expected 'Điều N', 'khoản N', 'điểm x'"
        )
    if "diem" in values and "khoan" not in values:
        raise RefSyntaxError(f"'điểm' without 'khoản' in {text!r}")
    if "khoan" in values and "dieu" not in values:
        raise RefSyntaxError(f"'khoản' without 'Điều' in {text!r}")
    ref = Ref(so_hieu, values.get("dieu"), values.get("khoan"), values.get("diem"))
    return ref, kind
