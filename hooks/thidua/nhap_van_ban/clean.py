"""OCR and Word noise: look-alike letters, stray symbols, Markdown marks, spacing."""

from __future__ import annotations

import re

# Look-alikes that OCR and old fonts put in place of Vietnamese letters.
_LOOKALIKE = str.maketrans({"Ð": "Đ", "ð": "đ", "\u00a0": " ", "\t": " ", "\u3000": " "})
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)")
_MD_ESCAPE = re.compile(r"\\([.()\[\]*_#>-])")
_UNIT_WORD = r"(?:Đ\s*i\s*ề\s*u|Ch\s*ư\s*ơ\s*n\s*g|M\s*ụ\s*c|Ph\s*ầ\s*n)"
# Stray symbols OCR leaves before a unit word ("| Điều 3.", "' Chương II").
_STRAY_BEFORE_UNIT = re.compile(rf"^[^\w(]+(?={_UNIT_WORD}\s)", re.IGNORECASE)
# Stray symbols at the end of a line ("… như sau: |", "thi hành. ~").
_STRAY_AFTER = re.compile(r"\s+[|~_^`¦•■□]+$")
_SPACES = re.compile(r"\s+")


def clean(line: str) -> str:
    """One source line without noise; empty when nothing readable is left."""
    text = _INVISIBLE.sub("", line.translate(_LOOKALIKE))
    text = _MD_HEADING.sub("", text.strip())
    text = _MD_EMPHASIS.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip()
    text = _STRAY_BEFORE_UNIT.sub("", text)
    text = _STRAY_AFTER.sub("", text)
    if text.startswith("> "):  # a Markdown blockquote mark
        text = text[2:]
    if is_noise(text):
        return ""
    return text


def is_noise(text: str) -> bool:
    """A separator ("-----", "|", "* * *") or a page number ("12", "- 3 -")."""
    if not any(ch.isalnum() for ch in text):
        return True
    return bool(re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*", text)) and "." not in text


def is_upper(text: str) -> bool:
    """All letters are capitals (a header line, a title in capitals)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def sentence_case(text: str, capital: bool = False) -> str:
    """ "THI ĐUA, KHEN THƯỞNG" → "thi đua, khen thưởng" ("Thi đua, …" with ``capital``)."""
    lower = text.lower()
    if capital and lower:
        return lower[0].upper() + lower[1:]
    return lower
