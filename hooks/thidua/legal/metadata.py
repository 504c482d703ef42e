"""Front matter of a legal document page: split, read and validate.

Every problem becomes one ``ContentError`` naming the file, the line of the
field, what was found and what is allowed (conventions, "Legal documents").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from thidua.errors import ContentError
from thidua.legal.basis import BASIS, BASIS_INVERSE, numbers
from thidua.legal.ref import SO_HIEU
from thidua.yaml_lines import UnreadableYaml, impossible_date, load_text

LOAI_VAN_BAN = (
    "Luật",
    "Bộ luật",
    "Nghị định",
    "Thông tư",
    "Quy định",
    "Hướng dẫn",
    "Quyết định",
    "Quy chế",
    "Nghị quyết",
    "Văn bản hợp nhất",
)

# tình trạng → Vietnamese label, English label.
# The statuses a document may have (words: ``legal.statuses`` of the words files).
TINH_TRANG = ("con_hieu_luc", "het_hieu_luc_mot_phan", "het_hieu_luc_toan_bo", "chua_co_hieu_luc")

# Relations written in front matter → their inverse. "huong_dan" has an inverse
# that is only ever derived ("duoc_huong_dan_boi"). The legal basis ``can_cu`` is read
# apart (thidua.legal.basis): an entry naming no portal document stays plain text.
RELATIONS = {
    "thay_the": "bi_thay_the_boi",
    "bi_thay_the_boi": "thay_the",
    "sua_doi": "duoc_sua_doi_boi",
    "duoc_sua_doi_boi": "sua_doi",
    "huong_dan": "duoc_huong_dan_boi",
}
DERIVED_RELATIONS = ("duoc_huong_dan_boi", BASIS_INVERSE)
ALL_RELATIONS = (*RELATIONS, BASIS, *DERIVED_RELATIONS)

_TEXT_FIELDS = ("so_hieu", "ten", "loai_van_ban", "co_quan_ban_hanh", "nguoi_ky", "nguon")
_DATE_FIELDS = ("ngay_ban_hanh", "ngay_hieu_luc", "ngay_cong_bao")
_BOOL_FIELDS = ("chi_sieu_du_lieu", "tom_luoc", "van_ban_chinh_thuc")
_OPTIONAL_TEXT = ("linh_vuc", "so_cong_bao")
REQUIRED = ("so_hieu", "ten", "loai_van_ban", "co_quan_ban_hanh", "tinh_trang")
# Keys MkDocs and Material read from front matter: allowed, ignored here.
_PAGE_KEYS = ("title", "description", "hide", "search", "icon", "status", "template", "tags")
# Keys other parts of the core read from a document's front matter: allowed, ignored here.
# so_sanh: the comparison with a predecessor ("Điểm mới", thidua.legal.diem_moi).
_EXTENSION_KEYS = ("so_sanh",)
KNOWN_FIELDS = (
    *_TEXT_FIELDS,
    *_DATE_FIELDS,
    *_BOOL_FIELDS,
    *_OPTIONAL_TEXT,
    "tinh_trang",
    *RELATIONS,
    "chua_xac_minh",
    "chua_xac_minh_truong",
    "can_cu",
)

SO_HIEU_FULL = re.compile(rf"^(?:{SO_HIEU})$")
_FRONT = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class Metadata:
    """Validated front matter of one document."""

    so_hieu: str
    ten: str
    loai_van_ban: str
    co_quan_ban_hanh: str
    tinh_trang: str
    nguoi_ky: str | None = None
    ngay_ban_hanh: dt.date | None = None
    ngay_hieu_luc: dt.date | None = None
    ngay_cong_bao: dt.date | None = None
    so_cong_bao: str | None = None
    linh_vuc: str | None = None
    nguon: str | None = None
    chi_sieu_du_lieu: bool = False
    tom_luoc: bool = False
    # The page holds the official text itself (``thidua import``), not a summary.
    van_ban_chinh_thuc: bool = False
    # The legal basis as written: số hiệu, or "Căn cứ …" lines of the official text.
    can_cu: list[str] = field(default_factory=list)
    relations: dict[str, list[str]] = field(default_factory=dict)
    chua_xac_minh: list[str] = field(default_factory=list)
    chua_xac_minh_truong: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def basis(self) -> list[str]:
        """The số hiệu named in ``can_cu``, each once, in order."""
        found = [so for entry in self.can_cu for so in numbers(entry)]
        return list(dict.fromkeys(found))

    @property
    def nam(self) -> int | None:
        """Year of issue: from ``ngay_ban_hanh``, else from the số hiệu."""
        if self.ngay_ban_hanh:
            return self.ngay_ban_hanh.year
        match = re.search(r"/(\d{4})/", self.so_hieu)
        return int(match[1]) if match else None


def split_front_matter(text: str, file: str) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, number of lines before the body).

    A page without front matter gives ``({}, text, 0)``; YAML that does not
    parse, a date not in the calendar, or front matter that is not a mapping, raises
    ``ContentError`` with its line in the file (read by ``yaml_lines.load_text``).
    """
    match = _FRONT.match(text)
    if not match:
        if text.startswith("---"):
            raise ContentError(
                file, 1, "front matter", "a '---' line that is never closed", "'---' … '---'"
            )
        return {}, text, 0
    try:
        data = load_text(match["yaml"] or "", file, first_line=2)
    except UnreadableYaml as error:
        found = f"YAML that does not parse ({error.found})"
        raise ContentError(file, error.line or 1, "front matter", found, "'key: value'") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(
            file, 2, "front matter", f"a {type(data).__name__}", "a mapping of 'key: value'"
        )
    offset = text[: match.end()].count("\n")
    return data, text[match.end() :], offset


def field_lines(text: str) -> dict[str, int]:
    """Line number (1-based, in the file) of each top-level front-matter key."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines()[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match:
            lines.setdefault(match[1], number)
    return lines


def validate(data: dict[str, Any], file: str, lines: dict[str, int]) -> Metadata:
    """Check every field; return the ``Metadata`` or raise the first ``ContentError``."""

    def fail(key: str, found: str, allowed: str, example: str | None = None) -> ContentError:
        return ContentError(file, lines.get(key, 1), key, found, allowed, example)

    for key in data:
        if key not in KNOWN_FIELDS and key not in _PAGE_KEYS and key not in _EXTENSION_KEYS:
            raise fail(
                str(key),
                f"unknown field {key!r}",
                ", ".join(KNOWN_FIELDS),
            )
    for key in REQUIRED:
        if data.get(key) in (None, ""):
            raise ContentError(
                file,
                1,
                key,
                "missing",
                "a value (required for every legal document)",
                f"{key}: …",
            )
    values: dict[str, Any] = {}
    for key in (*_TEXT_FIELDS, *_OPTIONAL_TEXT):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise fail(key, f"{value!r}", "a text")
        values[key] = str(value).strip()
    so_hieu = values["so_hieu"]
    if not SO_HIEU_FULL.match(so_hieu):
        raise fail(
            "so_hieu",
            f"{so_hieu!r} is not a document number",
            "'số/năm/ký hiệu' or 'số-loại/cơ quan'",
            "06/2022/QH15, 98/2023/NĐ-CP, 01/2024/TT-BNV, 124-QĐ/TW",
        )
    if values["loai_van_ban"] not in LOAI_VAN_BAN:
        raise fail("loai_van_ban", f"{values['loai_van_ban']!r}", " | ".join(LOAI_VAN_BAN))
    tinh_trang = data["tinh_trang"]
    if tinh_trang not in TINH_TRANG:
        raise fail("tinh_trang", f"unknown status {tinh_trang!r}", " | ".join(TINH_TRANG))
    for key in _DATE_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        values[key] = _date(value, key, fail)
    for key in _BOOL_FIELDS:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise fail(key, f"{value!r}", "true | false")
        values[key] = value
    if values["van_ban_chinh_thuc"] and values["tom_luoc"]:
        raise fail(
            "van_ban_chinh_thuc",
            "'van_ban_chinh_thuc: true' together with 'tom_luoc: true'",
            "one of them: the official text is not a summary",
        )
    values["can_cu"] = _text_list(data.get("can_cu"), "can_cu", fail)
    _check_basis(values["can_cu"], so_hieu, fail)
    relations: dict[str, list[str]] = {}
    for key in RELATIONS:
        items = _text_list(data.get(key), key, fail)
        for item in items:
            if not SO_HIEU_FULL.match(item):
                raise fail(
                    key,
                    f"{item!r} is not a document number",
                    "a list of số hiệu",
                    f'{key}: ["56/2015/NĐ-CP"]',
                )
            if item == so_hieu:
                raise fail(key, f"the document names itself ({item})", "other documents")
        if len(set(items)) != len(items):
            raise fail(key, f"a số hiệu listed twice in {items}", "each document once")
        relations[key] = items
    unverified = _text_list(data.get("chua_xac_minh"), "chua_xac_minh", fail)
    unverified_fields = _text_list(data.get("chua_xac_minh_truong"), "chua_xac_minh_truong", fail)
    for name in unverified_fields:
        if name not in KNOWN_FIELDS:
            raise fail("chua_xac_minh_truong", f"unknown field {name!r}", ", ".join(KNOWN_FIELDS))
    return Metadata(
        tinh_trang=tinh_trang,
        relations=relations,
        chua_xac_minh=unverified,
        chua_xac_minh_truong=unverified_fields,
        lines=lines,
        **values,
    )


def _check_basis(entries: list[str], so_hieu: str, fail: Any) -> None:
    """``can_cu``: no empty entry, not the document itself, no document twice."""
    seen: set[str] = set()
    for entry in entries:
        if not entry:
            raise fail(
                "can_cu",
                "một dòng để trống",
                "số hiệu văn bản hoặc dòng 'Căn cứ …'",
                'can_cu: ["06/2022/QH15"]',
            )
        for number in numbers(entry):
            if number == so_hieu:
                raise fail(
                    "can_cu",
                    f"văn bản tự nêu chính nó làm căn cứ ({number})",
                    "số hiệu của văn bản khác",
                )
            if number in seen:
                raise fail(
                    "can_cu", f"{number} được nêu hai lần", "mỗi văn bản một lần trong can_cu"
                )
            seen.add(number)


def _date(value: Any, key: str, fail: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value).strip()):
            wrong = impossible_date(file="", line=None, key=key, value=str(value).strip())
            raise fail(key, wrong.found, wrong.allowed, wrong.example) from None
        raise fail(key, f"{value!r} is not a date", "YYYY-MM-DD", f"{key}: 2022-06-15") from None


def _text_list(value: Any, key: str, fail: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise fail(key, f"{value!r}", "a list of texts", f'{key}: ["…"]')
    return [str(v).strip() for v in value]
