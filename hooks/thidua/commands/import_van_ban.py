"""``thidua import SOURCE --out docs/van-ban/NAME.md [--force]`` — bring in an official text.

Reads a .docx, .md or .txt (OCR'd text included), finds the header and the
Chương, Mục, Điều, khoản and điểm (``thidua.nhap_van_ban``), renders a văn bản page
through ``nhap_van_ban/van-ban.md.j2`` and checks it like the build would. Lines it
could not place are listed with their numbers. Exit 0 written, 1 written but
needing an editor (missing fields, a page the build would refuse), 2 nothing written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from thidua.errors import ContentError

HELP = "Nhập toàn văn một văn bản (.docx, .md, .txt; cả bản quét OCR) thành trang văn bản"
# Keys the import writes from the text; every other key of an existing page was
# made by an editor (relations, so_sanh, nguon, chua_xac_minh…) and is kept on --force.
IMPORTED_KEYS = (
    "so_hieu",
    "ten",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "nguoi_ky",
    "ngay_ban_hanh",
    "ngay_hieu_luc",
    "can_cu",
    "van_ban_chinh_thuc",
    "tom_luoc",
    "chi_sieu_du_lieu",
)
REQUIRED = {
    "so_hieu": "số hiệu (dòng 'Số: …')",
    "ten": "tên văn bản (dòng loại văn bản in hoa và tên)",
    "loai_van_ban": "loại văn bản",
    "co_quan_ban_hanh": "cơ quan ban hành (dòng in hoa đầu văn bản)",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, help="tệp văn bản: .docx, .md hoặc .txt")
    parser.add_argument(
        "--out", type=Path, required=True, help="trang sẽ ghi, ví dụ docs/van-ban/nd-90-2020.md"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="ghi đè trang đã có (giữ các khóa do biên tập viên thêm: quan hệ, so_sanh, nguon…)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except Exception as error:  # noqa: BLE001 - the CLI boundary: never a traceback
        print(f"thidua import: lỗi nội bộ: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from thidua.nhap_van_ban import SourceError, parse_text, read_source

    out: Path = args.out
    if out.suffix != ".md":
        return _refuse(f"--out {out}: cần một tệp .md, ví dụ docs/van-ban/nd-90-2020.md")
    if out.exists() and not args.force:
        return _refuse(
            f"{out}: đã có trang này; không ghi đè. Thêm --force để ghi đè (các khóa do biên "
            "tập viên thêm như thay_the, so_sanh, nguon, chua_xac_minh được giữ nguyên)"
        )
    try:
        lines = read_source(args.source)
    except SourceError as error:
        return _refuse(str(error))
    docs_dir = out.resolve().parent.parent
    registry = _registry(docs_dir)
    known = _known(registry)
    text = parse_text(lines, known)
    if text.article_count == 0:
        return _refuse(
            f"{args.source}: không tìm thấy Điều nào (dòng bắt đầu bằng 'Điều 1.', 'Điều 2.'…); "
            "không ghi tệp nào. Kiểm tra đây có phải toàn văn văn bản không."
        )
    existing = _existing(out) if out.exists() else {}
    front = front_matter(text, existing)
    other = registry.document(front["so_hieu"]) if registry and front.get("so_hieu") else None
    if other is not None and Path(other.file).name != out.name:
        return _refuse(
            f"{args.source}: số hiệu {front['so_hieu']} đã là văn bản {other.file}; "
            f"nhập lại vào chính trang đó: --out {docs_dir / other.src_uri} --force"
        )
    page = render_page(text, front)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return _report(args.source, out, text, front, page)


def _refuse(message: str) -> int:
    print(f"thidua import: {message}", file=sys.stderr)
    return 2


def _registry(docs_dir: Path) -> Any:
    from thidua.legal.registry import collect_registry

    if not (docs_dir / "van-ban").is_dir():
        return None
    registry, _ = collect_registry(docs_dir, cache={})
    return registry


def _known(registry: Any) -> list[Any]:
    from thidua.nhap_van_ban.header import KnownDocument

    if registry is None:
        return []
    return [
        KnownDocument(doc.so_hieu, doc.ten, doc.meta.ngay_ban_hanh) for doc in registry.documents
    ]


def _existing(out: Path) -> dict[str, Any]:
    from thidua.legal.metadata import split_front_matter

    try:
        data, _, _ = split_front_matter(out.read_text(encoding="utf-8"), str(out))
    except ContentError as error:
        print(f"cảnh báo: không đọc được phần đầu trang cũ ({error.message})", file=sys.stderr)
        return {}
    return data


def front_matter(text: Any, existing: dict[str, Any]) -> dict[str, Any]:
    """The page's front matter: what the text tells, then the editor's own keys."""
    today = dt.date.today()
    pending = text.ngay_hieu_luc is not None and text.ngay_hieu_luc > today
    values: dict[str, Any] = {
        "so_hieu": text.so_hieu or "",
        "ten": text.ten or "",
        "loai_van_ban": text.loai_van_ban or "",
        "co_quan_ban_hanh": text.co_quan_ban_hanh or "",
        "nguoi_ky": text.nguoi_ky,
        "ngay_ban_hanh": text.ngay_ban_hanh,
        "ngay_hieu_luc": text.ngay_hieu_luc,
        "tinh_trang": "chua_co_hieu_luc" if pending else "con_hieu_luc",
        "can_cu": [basis.text for basis in text.can_cu] or None,
        "van_ban_chinh_thuc": True,
        "tom_luoc": False,
        "chi_sieu_du_lieu": False,
        # The status is a guess from the dates until an editor checks it.
        "chua_xac_minh_truong": ["tinh_trang"],
    }
    values = {key: value for key, value in values.items() if value is not None}
    for key, value in existing.items():
        if key not in IMPORTED_KEYS:
            values[key] = value
    return values


def render_page(text: Any, front: dict[str, Any]) -> str:
    """The Markdown page, through the import's Jinja template."""
    import jinja2

    folder = Path(__file__).resolve().parent.parent / "nhap_van_ban"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, escaped by the filters below
    )
    env.filters["md"] = markdown_text
    env.filters["inert"] = inert_text
    # Kept keys come from the line-aware loader (str/list/dict subclasses carrying lines),
    # which safe_dump cannot represent: write them back as plain values.
    dumped = yaml.safe_dump(_plain(front), allow_unicode=True, sort_keys=False, width=1000)
    blocks = text.blocks
    has_muc = any(b.kind == "muc" for b in blocks)
    has_chuong = any(b.kind == "chuong" for b in blocks)
    title = f"{front['ten']} số {front['so_hieu']}".strip() if front.get("so_hieu") else "?"
    page = env.get_template("van-ban.md.j2").render(
        front_matter=dumped,
        title=front.get("title") or title,
        can_cu=text.can_cu,
        preamble=text.preamble,
        blocks=blocks,
        dieu_level=4 if has_muc else 3 if has_chuong else 2,
        closing_level=2,
        closing=text.closing,
        signer=text.nguoi_ky,
    )
    return re.sub(r"\n{3,}", "\n\n", page).rstrip("\n") + "\n"


_LEADING = re.compile(r"^([-+*#>|=]|\d+[.)]\s)")


def markdown_text(text: str, start: bool = True) -> str:
    """Source text that Markdown shows as written: no HTML, no list or heading at the start."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("[[", "[\\[")
    if start and _LEADING.match(text):
        text = "\\" + text if not text[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


def inert_text(text: str) -> str:
    """A line that looked like a unit but is none: its first character as an entity,
    so neither Markdown nor the structure reader sees a khoản or điểm."""
    body = markdown_text(text, start=False)
    return f"&#{ord(body[0])};{body[1:]}" if body else body


def _report(source: Path, out: Path, text: Any, front: dict[str, Any], page: str) -> int:
    counts = {
        kind: sum(1 for b in text.blocks if b.kind == kind) for kind in ("dieu", "khoan", "diem")
    }
    print(
        f"Đã ghi {out}: {counts['dieu']} điều, {counts['khoan']} khoản, {counts['diem']} điểm "
        f"(từ {source})."
    )
    status = 0
    missing = [label for key, label in REQUIRED.items() if not front.get(key)]
    for label in missing:
        print(
            f"  cần điền: {label} — văn bản không cho biết; điền vào phần đầu trang",
            file=sys.stderr,
        )
        status = 1
    if text.problems:
        print(
            f"Không xếp được {len(text.problems)} dòng (sửa trong trang hoặc bản gốc):",
            file=sys.stderr,
        )
        for problem in text.problems:
            print(
                f"  dòng {problem.line}: {problem.reason}: «{_short(problem.text)}»",
                file=sys.stderr,
            )
    for basis in text.can_cu:
        if basis.so_hieu is None:
            print(f"  căn cứ (giữ nguyên chữ, không có trên cổng): {_short(basis.text)}")
    for error in _build_check(out, page):
        print(f"  trang chưa dựng được: {error}", file=sys.stderr)
        status = 1
    print("Kiểm tra lại: tinh_trang (đoán theo ngày hiệu lực), tên văn bản, người ký.")
    return status


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _build_check(out: Path, page: str) -> list[str]:
    """What the build would say about the written page (metadata and structure)."""
    from thidua.legal.metadata import field_lines, split_front_matter, validate
    from thidua.legal.structure import parse_structure

    try:
        data, body, offset = split_front_matter(page, str(out))
        meta = validate(data, str(out), field_lines(page))
        parse_structure(body.splitlines(), str(out), offset, meta.tom_luoc, meta.so_hieu)
    except ContentError as error:
        return [error.message]
    return []


def _plain(value: object) -> object:
    """``value`` with every str, list and dict subclass turned into the plain type."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value
