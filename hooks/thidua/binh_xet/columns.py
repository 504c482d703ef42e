"""The columns of the members list (CSV, spreadsheet paste): headers, values, help.

One table, published to the browser as JSON (``columns_spec()``) so that the page and
``thidua unit`` read a file with the same vocabulary. Headers and values are matched
after ``fold()``: NFC, lower case, Vietnamese tone marks and đ removed, punctuation and
spaces collapsed ("Họ và tên", "ho va ten", "HỌ VÀ TÊN" are one header).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_MARKS = re.compile("[\u0300-\u036f]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


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

# What a person may type, for messages ("what is allowed"), per kind (vi, en).
ALLOWED: dict[str, dict[str, str]] = {
    "text": {"vi": "chữ", "en": "text"},
    "name": {"vi": "họ và tên (bắt buộc)", "en": "a full name (required)"},
    "role": {
        "vi": "cán bộ, công chức, viên chức hoặc người lao động",
        "en": "cán bộ, công chức, viên chức or người lao động",
    },
    "level": {
        "vi": "Hoàn thành xuất sắc nhiệm vụ (HTXS), Hoàn thành tốt nhiệm vụ (HTT), Hoàn thành "
        "nhiệm vụ (HTNV), Không hoàn thành nhiệm vụ (KHTNV) hoặc Không xếp loại",
        "en": "Hoàn thành xuất sắc nhiệm vụ (HTXS), Hoàn thành tốt nhiệm vụ (HTT), Hoàn "
        "thành nhiệm vụ (HTNV), Không hoàn thành nhiệm vụ (KHTNV) or Không xếp loại",
    },
    "bool": {
        "vi": "có hoặc không (để trống: theo mặc định)",
        "en": "có (yes) or không (no); blank: the default",
    },
    "score": {
        "vi": "số từ 0 đến 100, tối đa 2 chữ số thập phân",
        "en": "a number from 0 to 100, at most 2 decimals",
    },
    "months": {"vi": "số từ 0 đến 12", "en": "a number from 0 to 12"},
    "discipline": {
        "vi": "để trống, không, khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, "
        "buộc thôi việc hoặc khai trừ",
        "en": "blank, không, khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, "
        "buộc thôi việc or khai trừ",
    },
    "initiative": {
        "vi": "để trống, không, cơ sở, bộ, tỉnh hoặc toàn quốc",
        "en": "blank, không, cơ sở, bộ, tỉnh or toàn quốc (the level that recognised it)",
    },
    "count": {"vi": "số nguyên từ 0 đến 30", "en": "a whole number from 0 to 30"},
    "rank": {
        "vi": "số nguyên từ 1 trở lên (1 là cao nhất)",
        "en": "a whole number from 1 up (1 is first)",
    },
    "votes": {"vi": "số nguyên từ 0 trở lên", "en": "a whole number from 0 up"},
    "date": {
        "vi": "ngày dạng 15/03/2026 hoặc 2026-03-15",
        "en": "a date, 15/03/2026 or 2026-03-15",
    },
}

# key, header (vi), other accepted headers (any language), kind, required, help vi, help en
COLUMNS: list[dict[str, Any]] = [
    {
        "key": "stt",
        "header": "STT",
        "aliases": ["so thu tu", "no"],
        "kind": "text",
        "help": {"vi": "Số thứ tự (không bắt buộc).", "en": "Row number (optional)."},
    },
    {
        "key": "name",
        "header": "Họ và tên",
        "aliases": ["ho ten", "name", "full name"],
        "kind": "name",
        "required": True,
        "help": {"vi": "Bắt buộc.", "en": "Required."},
    },
    {
        "key": "id",
        "header": "Mã",
        "aliases": ["ma can bo", "ma so", "id"],
        "kind": "text",
        "help": {
            "vi": "Mã cán bộ hoặc số hiệu (không bắt buộc); dùng để phát hiện người trùng.",
            "en": "Staff number (optional); used to find duplicates.",
        },
    },
    {
        "key": "group",
        "header": "Phòng/Nhóm",
        "aliases": ["phong", "nhom", "don vi", "group"],
        "kind": "text",
        "help": {
            "vi": "Nhóm có nhiệm vụ tương đồng: trần HTXS tính riêng cho từng nhóm và từng "
            "nhóm đối tượng.",
            "en": "Group with similar tasks: the HTXS cap is counted per group and role.",
        },
    },
    {
        "key": "role",
        "header": "Nhóm đối tượng",
        "aliases": ["doi tuong", "role"],
        "kind": "role",
        "required": True,
        "help": {"vi": "Bắt buộc.", "en": "Required."},
    },
    {
        "key": "leader",
        "header": "Lãnh đạo",
        "aliases": ["lanh dao quan ly", "leader"],
        "kind": "bool",
        "help": {
            "vi": "Có giữ chức vụ lãnh đạo, quản lý.",
            "en": "Holds a leading or managing post.",
        },
    },
    {
        "key": "level",
        "header": "Xếp loại",
        "aliases": ["muc xep loai", "level"],
        "kind": "level",
        "help": {
            "vi": "Mức xếp loại chất lượng (đã tự đánh giá hoặc đề nghị). Cần cột này hoặc "
            "cột Điểm.",
            "en": "Quality level (self-evaluated or proposed). This or the score is needed.",
        },
    },
    {
        "key": "score",
        "header": "Điểm",
        "aliases": ["tong diem", "score"],
        "kind": "score",
        "help": {
            "vi": "Tổng điểm trên thang 100, dùng khi năm đó chấm điểm (ví dụ công chức năm "
            "2026) và cột Xếp loại để trống.",
            "en": "Total score out of 100, for years scored on points when the level is blank.",
        },
    },
    {
        "key": "months",
        "header": "Số tháng công tác",
        "aliases": ["so thang", "months worked"],
        "kind": "months",
        "help": {"vi": "Để trống: cả năm.", "en": "Blank: the whole year."},
    },
    {
        "key": "recruited",
        "header": "Ngày tuyển dụng",
        "aliases": ["recruited on"],
        "kind": "date",
        "help": {
            "vi": "Chỉ ghi khi tuyển dụng trong năm đánh giá.",
            "en": "Only when recruited in the evaluation year.",
        },
    },
    {
        "key": "discipline",
        "header": "Kỷ luật trong năm",
        "aliases": ["ky luat", "discipline"],
        "kind": "discipline",
        "help": {
            "vi": "Hình thức kỷ luật có quyết định trong năm đánh giá.",
            "en": "Discipline decided in the evaluation year.",
        },
    },
    {
        "key": "initiative",
        "header": "Sáng kiến được công nhận",
        "aliases": ["sang kien", "initiative"],
        "kind": "initiative",
        "help": {
            "vi": "Cấp công nhận sáng kiến trong năm: cơ sở; bộ, tỉnh; toàn quốc.",
            "en": "Level at which an initiative of the year was recognised.",
        },
    },
    {
        "key": "chain",
        "header": "Số năm liền CSTĐCS trước đó",
        "aliases": ["cstdcs lien tuc", "chain"],
        "kind": "count",
        "help": {
            "vi": "Số năm liên tục ngay trước năm đánh giá đã đạt Chiến sĩ thi đua cơ sở.",
            "en": "Consecutive years of CSTĐCS just before the evaluation year.",
        },
    },
    {
        "key": "spirit",
        "header": "Tinh thần thi đua",
        "aliases": ["emulation spirit"],
        "kind": "bool",
        "help": {
            "vi": "Tự lực, đoàn kết, tích cực tham gia phong trào thi đua. Để trống: có.",
            "en": "Self-reliant, united, active in movements. Blank: yes.",
        },
    },
    {
        "key": "rank",
        "header": "Thứ tự xếp hạng",
        "aliases": ["thu tu", "xep hang", "rank"],
        "kind": "rank",
        "help": {
            "vi": "Thứ tự Hội đồng xếp (1 là cao nhất); có thể nhập trên trang.",
            "en": "The council's ranking (1 = first); can be entered on the page.",
        },
    },
    {
        "key": "votes",
        "header": "Số phiếu đồng ý",
        "aliases": ["so phieu", "phieu", "votes"],
        "kind": "votes",
        "help": {
            "vi": "Số phiếu đồng ý khi bỏ phiếu; dùng khi không có thứ tự xếp hạng.",
            "en": "Votes in favour; used when there is no ranking.",
        },
    },
    {
        "key": "note",
        "header": "Ghi chú",
        "aliases": ["note"],
        "kind": "text",
        "help": {"vi": "Không bắt buộc.", "en": "Optional."},
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


def columns_spec() -> dict[str, Any]:
    """Everything the browser needs to read the same files (published as JSON)."""
    return {
        "columns": COLUMNS,
        "values": VALUES,
        "allowed": ALLOWED,
        "one_of": list(ONE_OF),
        "headers": header_index(),
    }
