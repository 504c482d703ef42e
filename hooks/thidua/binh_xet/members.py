"""Reading a members list: bytes → text (UTF-8 or Windows-1258, NFC) → rows → members.

Same steps as ``overrides/assets/js/binh-xet/members.js`` (which uses Papa Parse where
this uses the standard ``csv`` module). Nothing is dropped: every row is either a
member or an invalid row with one problem per cell (row, column, value, what is allowed).
Row numbers are the spreadsheet's: the header is row 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from typing import Any

from thidua import words
from thidua.binh_xet.columns import COLUMNS, ONE_OF, VALUES, allowed, fold, header_index

BY_KEY = {column["key"]: column for column in COLUMNS}
LAYER_COUNT_HIGH = 999  # thidua.binh_xet.layer.COUNT_HIGH (no import: layer imports us)
_NUMBER = re.compile(r"^[0-9]{1,3}(?:[.,][0-9]{1,2})?$")
_INT = re.compile(r"^[0-9]{1,6}$")
_DMY = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_BROKEN = re.compile("[\ufffd\u0080-\u009f]")


def _utf8_sequences(data: bytes) -> int:
    """How many well-formed multi-byte UTF-8 sequences ``data`` holds."""
    count, i, n = 0, 0, len(data)
    while i < n:
        b = data[i]
        need = 1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else 0
        if need and i + need < n and all(0x80 <= data[i + k] <= 0xBF for k in range(1, need + 1)):
            count += 1
            i += need + 1
            continue
        i += 1
    return count


def decode(data: bytes) -> tuple[str, str]:
    """The text (NFC) and its encoding: ``utf-8``, or ``windows-1258`` for legacy Excel files.

    A file that is mostly UTF-8 with a few broken bytes stays UTF-8: the broken bytes
    become U+FFFD and the rows holding them are reported, never guessed.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _utf8_sequences(data):
            text, encoding = data.decode("utf-8", errors="replace"), "utf-8"
        else:
            text, encoding = data.decode("cp1258", errors="replace"), "windows-1258"
    return unicodedata.normalize("NFC", text), encoding


def delimiter(text: str) -> str:
    """Tab for a spreadsheet paste, ``;`` when the first line has more of them, else ``,``."""
    first = text.split("\n", 1)[0]
    if "\t" in first:
        return "\t"
    return ";" if first.count(";") > first.count(",") else ","


def records(text: str) -> list[list[str]]:
    """The CSV records of ``text`` (RFC 4180 quoting)."""
    return [
        list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    ]


def both(allowed: str | dict[str, str]) -> dict[str, str]:
    """``allowed`` in both languages (a plain string is the same in both)."""
    if isinstance(allowed, dict):
        return {"vi": allowed["vi"], "en": allowed.get("en", allowed["vi"])}
    return {"vi": allowed, "en": allowed}


def problem(
    row: int, column: str, value: str, allowed: str | dict[str, str], reason: str
) -> dict[str, Any]:
    """One problem: where, what was found, what is allowed, and the message (vi, en).

    ``message`` is Vietnamese (the command line, the Vietnamese page), ``message_en``
    English (the English page); ``allowed`` may be one text or ``{"vi", "en"}``.
    """
    texts = both(allowed)
    message = problem_words(f"messages.{reason}")
    fields = {"row": row, "column": column, "value": value}
    return {
        "row": row,
        "column": column,
        "value": value,
        "allowed": texts["vi"],
        "reason": reason,
        "message": message["vi"].format(**fields, allowed=texts["vi"]),
        "message_en": message["en"].format(**fields, allowed=texts["en"]),
    }


def problem_words(key: str) -> dict[str, str]:
    """The words at ``binh_xet_problems.<key>`` of the words files, in both languages
    (every problem carries both; the page reads the same words through texts.js)."""
    return {lang: words.text(lang, f"binh_xet_problems.{key}") for lang in words.LANGUAGES}


def _allowed(kind: str) -> dict[str, str]:
    return allowed()[kind]


def _number(text: str, high: int) -> float | int | None:
    if not _NUMBER.match(text):
        return None
    value = float(text.replace(",", "."))
    if value > high:
        return None
    return int(value) if value == int(value) else value


def _date(text: str) -> str | None:
    m = _DMY.match(text)
    parts = (m.group(3), m.group(2), m.group(1)) if m else None
    m = _ISO.match(text)
    parts = (m.group(1), m.group(2), m.group(3)) if m else parts
    if not parts:
        return None
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return None


def parse_value(kind: str, text: str, column: dict | None = None) -> tuple[bool, Any]:
    """(ok, value) of one cell; blank cells give (True, None).

    ``column`` is needed for a layer's columns (``layer_group``: its own values).
    """
    if text == "":
        return True, None
    if kind == "layer_group":
        key = fold(text)
        values = (column or {}).get("values", {})
        return (True, values[key]) if key in values else (False, None)
    if kind == "layer_count":
        value = int(text) if _INT.match(text) and int(text) <= LAYER_COUNT_HIGH else None
        return value is not None, value
    if kind in ("text", "name"):
        return True, text
    if kind in VALUES:
        key = fold(text)
        return (True, VALUES[kind][key]) if key in VALUES[kind] else (False, None)
    if kind == "score":
        value = _number(text, 100)
    elif kind == "months":
        value = _number(text, 12)
    elif kind == "date":
        value = _date(text)
    else:
        value = int(text) if _INT.match(text) else None
        limits = {"count": (0, 30), "rank": (1, 999999), "votes": (0, 999999)}[kind]
        if value is not None and not limits[0] <= value <= limits[1]:
            value = None
    return value is not None, value


def read(
    data: bytes, layer: dict | None = None, layer_only: dict[str, str] | None = None
) -> dict[str, Any]:
    """Members, invalid rows and problems of a file's bytes (``encoding`` says how it was read).

    ``layer`` is ``thidua.binh_xet.layer.layer_data()`` of the layer in force (its
    ``columns`` are read too); ``layer_only`` the headers of layers not in force
    (``layer_only_headers``): such a column is ignored with a message saying why.
    """
    text, encoding = decode(data)
    return read_text(text, encoding, layer, layer_only)


def all_columns(layer: dict | None) -> list[dict[str, Any]]:
    """The template's columns, then the layer's (its profile fields)."""
    return COLUMNS + list((layer or {}).get("columns") or [])


def _index(columns: list[dict]) -> dict[str, str]:
    """folded header → key; the template's headers win over a layer's aliases."""
    index = header_index()
    for column in columns[len(COLUMNS):]:
        for header in (column["header"], column.get("header_en", ""), *column.get("aliases", [])):
            if header:
                index.setdefault(fold(header), column["key"])
    return index


def _header(
    cells: list[str], columns: list[dict], layer_only: dict[str, str]
) -> tuple[dict[int, str], list[dict]]:
    index, headers = _index(columns), [c["header"] for c in columns]
    allowed = ", ".join(headers)
    found: dict[int, str] = {}
    problems: list[dict] = []
    for position, cell in enumerate(cells):
        raw = cell.strip()
        key = index.get(fold(raw)) if raw else None
        if raw and key is None and fold(raw) in layer_only:
            allowed = problem_words("layer_only_allowed")
            problems.append(problem(1, raw, raw, allowed, "layer_only"))
        elif raw and key is None:
            problems.append(problem(1, raw, raw, allowed, "header_unknown"))
        elif key is not None and key in found.values():
            problems.append(problem(1, raw, raw, allowed, "header_duplicate"))
        elif key is not None:
            found[position] = key
    keys = set(found.values())
    for column in COLUMNS:
        if column.get("required") and column["key"] not in keys:
            problems.append(problem(1, column["header"], "", allowed, "header_missing"))
    if not keys & set(ONE_OF):
        names = " / ".join(BY_KEY[k]["header"] for k in ONE_OF)
        problems.append(problem(1, names, "", allowed, "header_missing"))
    return found, problems


def read_text(
    text: str,
    encoding: str = "utf-8",
    layer: dict | None = None,
    layer_only: dict[str, str] | None = None,
) -> dict[str, Any]:
    """As ``read`` for text already decoded (a paste from a spreadsheet)."""
    columns = all_columns(layer)
    by_key = {column["key"]: column for column in columns}
    rows = records(unicodedata.normalize("NFC", text))
    out: dict[str, Any] = {"encoding": encoding, "members": [], "invalid_rows": [], "problems": []}
    if not rows or not any(cell.strip() for cell in rows[0]):
        allowed = ", ".join(c["header"] for c in COLUMNS)
        out["problems"].append(problem(1, BY_KEY["name"]["header"], "", allowed, "header_missing"))
        return out
    found, header_problems = _header(rows[0], columns, layer_only or {})
    out["problems"].extend(header_problems)
    if any(p["reason"] == "header_missing" for p in header_problems):
        return out
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        member, problems = _member(number, cells, found, seen, by_key)
        out["problems"].extend(problems)
        if problems:
            out["invalid_rows"].append(
                {"row": number, "name": member.get("name") or "", "problems": problems}
            )
        else:
            out["members"].append(member)
    if not out["members"] and not out["invalid_rows"]:
        out["problems"].append(problem(2, "", "", problem_words("no_rows_allowed"), "no_rows"))
    return out


def _member(
    number: int, cells: list[str], found: dict[int, str], seen: dict[str, int], by_key: dict
):
    member: dict[str, Any] = {"row": number}
    problems: list[dict] = []
    for position, key in found.items():
        column = by_key[key]
        raw = unicodedata.normalize("NFC", cells[position].strip()) if position < len(cells) else ""
        if _BROKEN.search(raw):
            problems.append(
                problem(
                    number,
                    column["header"],
                    raw,
                    problem_words("encoding_allowed"),
                    "encoding",
                )
            )
            member[key] = raw if key == "name" else None
            continue
        ok, value = parse_value(column["kind"], raw, column)
        allowed = column.get("allowed") or _allowed(column["kind"])
        if not ok:
            problems.append(problem(number, column["header"], raw, allowed, "value"))
        elif value is None and column.get("required"):
            problems.append(
                problem(number, column["header"], "", _allowed(column["kind"]), "required")
            )
        member[key] = value
    for key in by_key:
        member.setdefault(key, None)
    if (
        member["level"] is None
        and member["score"] is None
        and not any(
            p["column"] in (BY_KEY["level"]["header"], BY_KEY["score"]["header"]) for p in problems
        )
    ):
        problems.append(
            problem(number, BY_KEY["level"]["header"], "", _allowed("level"), "level_or_score")
        )
    who = fold(member["id"]) if member["id"] else fold(member["name"] or "")
    if who:
        if who in seen:
            column = BY_KEY["id" if member["id"] else "name"]["header"]
            shown = member["id"] or member["name"]
            where = {
                lang: words.text(lang, "binh_xet_problems.row_of", row=seen[who])
                for lang in words.LANGUAGES
            }
            problems.append(problem(number, column, shown, where, "duplicate"))
        else:
            seen[who] = number
    return member, problems
