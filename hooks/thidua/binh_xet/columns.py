"""The columns of the members list (CSV, spreadsheet paste): headers, values, help.

One table, published to the browser as JSON (``columns_spec()``) so that the page and
``thidua unit`` read a file with the same vocabulary. Headers and values are matched
after ``fold()``: NFC, lower case, Vietnamese tone marks and đ removed, punctuation and
spaces collapsed ("Họ và tên", "ho va ten", "HỌ VÀ TÊN" are one header).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from thidua import words
from thidua.criteria import load_rules

_MARKS = re.compile("[\u0300-\u036f]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def _levels_allowed() -> dict[str, str]:
    """The levels a list may give: the labels' Vietnamese names with their codes, in
    both languages (a list is typed in Vietnamese whatever the page's language)."""
    names = load_rules().labels["levels"]
    graded = ", ".join(
        f"{names[code]['vi']} ({code})" for code in names if code != "NOT_CLASSIFIED"
    )
    return words.both(
        "binh_xet_columns.allowed.level", levels=graded, none=names["NOT_CLASSIFIED"]["vi"]
    )


def fold(text: str) -> str:
    """The comparison key of a header or a value (same rule as binh-xet/csv.js)."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower())
    text = _MARKS.sub("", text).replace("đ", "d")
    return _NON_WORD.sub(" ", text).strip()


# kind → {folded value: code}. Codes are the contract's (evaluation-contract.md).
VALUES: dict[str, dict[str, Any]] = {
    "role": {
        "can bo": "can_bo",
        "cong chuc": "cong_chuc",
        "vien chuc": "vien_chuc",
        "nguoi lao dong": "nguoi_lao_dong",
    },
    "level": {
        "htxs": "HTXS",
        "hoan thanh xuat sac nhiem vu": "HTXS",
        "hoan thanh xuat sac": "HTXS",
        "htt": "HTT",
        "hoan thanh tot nhiem vu": "HTT",
        "hoan thanh tot": "HTT",
        "htnv": "HTNV",
        "hoan thanh nhiem vu": "HTNV",
        "khtnv": "KHTNV",
        "khong hoan thanh nhiem vu": "KHTNV",
        "khong hoan thanh": "KHTNV",
        "khong xep loai": "NOT_CLASSIFIED",
        "not classified": "NOT_CLASSIFIED",
    },
    "bool": {
        "co": True,
        "x": True,
        "1": True,
        "dung": True,
        "yes": True,
        "true": True,
        "khong": False,
        "0": False,
        "sai": False,
        "no": False,
        "false": False,
    },
    "discipline": {
        "khong": None,
        "khien trach": "khien_trach",
        "canh cao": "canh_cao",
        "ha bac luong": "ha_bac_luong",
        "giang chuc": "giang_chuc",
        "cach chuc": "cach_chuc",
        "buoc thoi viec": "buoc_thoi_viec",
        "khai tru": "khai_tru",
    },
    "initiative": {
        "khong": None,
        "co": "co_so",
        "co so": "co_so",
        "cap co so": "co_so",
        "bo tinh": "bo_tinh",
        "bo nganh tinh": "bo_tinh",
        "bo ban nganh tinh": "bo_tinh",
        "cap bo tinh": "bo_tinh",
        "toan quoc": "toan_quoc",
    },
}


# What a person may type, for messages ("what is allowed"), per kind (vi, en): the words
# files' ``binh_xet_columns.allowed`` in their order; the levels are the labels' names.
# Made when first asked for, not at import: a mistake in the words or labels files is
# then reported where the build or the command reports data errors, never as a traceback.
@functools.cache
def allowed() -> dict[str, dict[str, str]]:
    """What each kind of cell allows, in both languages."""
    return {
        kind: _levels_allowed()
        if kind == "level"
        else words.both(f"binh_xet_columns.allowed.{kind}")
        for kind in words.group("vi", "binh_xet_columns")["allowed"]
    }


# key, header (vi), other accepted headers (any language), kind, required; each column's
# help (vi, en) is the words files' ``binh_xet_columns.help.<key>`` (``columns()``)
COLUMNS: list[dict[str, Any]] = [
    {
        "key": "stt",
        "header": "STT",
        "aliases": ["so thu tu", "no"],
        "kind": "text",
    },
    {
        "key": "name",
        "header": "Họ và tên",
        "aliases": ["ho ten", "name", "full name"],
        "kind": "name",
        "required": True,
    },
    {
        "key": "id",
        "header": "Mã",
        "aliases": ["ma can bo", "ma so", "id"],
        "kind": "text",
    },
    {
        "key": "group",
        "header": "Phòng/Nhóm",
        "aliases": ["phong", "nhom", "don vi", "group"],
        "kind": "text",
    },
    {
        "key": "role",
        "header": "Nhóm đối tượng",
        "aliases": ["doi tuong", "role"],
        "kind": "role",
        "required": True,
    },
    {
        "key": "leader",
        "header": "Lãnh đạo",
        "aliases": ["lanh dao quan ly", "leader"],
        "kind": "bool",
    },
    {
        "key": "level",
        "header": "Xếp loại",
        "aliases": ["muc xep loai", "level"],
        "kind": "level",
    },
    {
        "key": "score",
        "header": "Điểm",
        "aliases": ["tong diem", "score"],
        "kind": "score",
    },
    {
        "key": "months",
        "header": "Số tháng công tác",
        "aliases": ["so thang", "months worked"],
        "kind": "months",
    },
    {
        "key": "recruited",
        "header": "Ngày tuyển dụng",
        "aliases": ["recruited on"],
        "kind": "date",
    },
    {
        "key": "discipline",
        "header": "Kỷ luật trong năm",
        "aliases": ["ky luat", "discipline"],
        "kind": "discipline",
    },
    {
        "key": "initiative",
        "header": "Sáng kiến được công nhận",
        "aliases": ["sang kien", "initiative"],
        "kind": "initiative",
    },
    {
        "key": "chain",
        "header": "Số năm liền CSTĐCS trước đó",
        "aliases": ["cstdcs lien tuc", "chain"],
        "kind": "count",
    },
    {
        "key": "spirit",
        "header": "Tinh thần thi đua",
        "aliases": ["emulation spirit"],
        "kind": "bool",
    },
    {
        "key": "rank",
        "header": "Thứ tự xếp hạng",
        "aliases": ["thu tu", "xep hang", "rank"],
        "kind": "rank",
    },
    {
        "key": "votes",
        "header": "Số phiếu đồng ý",
        "aliases": ["so phieu", "phieu", "votes"],
        "kind": "votes",
    },
    {
        "key": "note",
        "header": "Ghi chú",
        "aliases": ["note"],
        "kind": "text",
    },
]

# At least one of these columns must be present (the level or the score).
ONE_OF = ("level", "score")


def header_index() -> dict[str, str]:
    """folded header or alias → column key."""
    index: dict[str, str] = {}
    for column in COLUMNS:
        index[fold(column["header"])] = column["key"]
        index[fold(column["key"])] = column["key"]
        for alias in column.get("aliases", []):
            index[fold(alias)] = column["key"]
    return index


@functools.cache
def columns() -> list[dict[str, Any]]:
    """The columns with their help in both languages (made when first asked for)."""
    return [
        {**column, "help": words.both(f"binh_xet_columns.help.{column['key']}")}
        for column in COLUMNS
    ]


def columns_spec() -> dict[str, Any]:
    """Everything the browser needs to read the same files (published as JSON)."""
    return {
        "columns": columns(),
        "values": VALUES,
        "allowed": allowed(),
        "one_of": list(ONE_OF),
        "headers": header_index(),
    }
