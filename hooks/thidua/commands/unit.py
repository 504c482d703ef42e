"""``thidua unit MEMBERS.csv [--json] [--layer ID] [--lang en]`` — the unit council review.

Reads a members list (CSV UTF-8 or Windows-1258, ``,`` ``;`` or tab separated, the
columns of binh-xet/mau-danh-sach-binh-xet.csv), evaluates every member with the same
evaluator and data as ``thidua evaluate``, and prints the HTXS caps, the CSTĐCS quota
(the local layer's with ``--layer ID``, else why none applies; the layer's per-member
rules too: a staff group's extra requirement, a title kept for one group, read from the
layer's own columns such as "Nhóm cán bộ"), who is within and who
is over given the ranking or vote counts, the collective's own level on 100 points
(``--unit-kind``, ``--unit-score``, ``--tasks-completed``, ``--tasks-late``… from
2026) and its titles. The figures are the ones the Bình xét page shows; with
``--lang en`` the lines, the evaluator's reasons and the problems are in English, in the
English page's words (the words files' group ``binh_xet_cli``).

Exit status: 0 when the figures were produced (rows with problems are listed on stderr
and in the output, never dropped), 2 when the file cannot be used at all (unreadable,
a required column missing, no member) or an option is refused, 1 when the criteria
data is broken. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

HELP = "Bình xét của đơn vị từ danh sách thành viên CSV: trần HTXS, tỷ lệ, danh hiệu tập thể"
FATAL = ("header_missing", "no_rows")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("members", metavar="MEMBERS.csv", help="danh sách thành viên (CSV)")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="ngôn ngữ của kết quả và lý do: vi (mặc định) hoặc en (như trang tiếng Anh)",
    )
    parser.add_argument(
        "--layer",
        metavar="ID",
        help="lớp quy chế riêng (data/layers/ID.yaml): tỷ lệ Chiến sĩ thi đua cơ sở của đơn "
        "vị và các quy định riêng cho từng người (nhóm cán bộ, số bài báo…)",
    )
    parser.add_argument("--year", type=int, help="năm đánh giá (mặc định: năm mới nhất có dữ liệu)")
    parser.add_argument(
        "--rounding",
        choices=("floor", "round_half_up", "ceil"),
        default="floor",
        help="cách làm tròn trần hoàn thành xuất sắc: floor lấy phần nguyên (mặc định), "
        "round_half_up làm tròn thông thường, ceil làm tròn lên",
    )
    parser.add_argument(
        "--exception",
        action="store_true",
        help="đơn vị được cấp có thẩm quyền cho áp dụng tỷ lệ HTXS ngoại lệ",
    )
    parser.add_argument(
        "--unit-level",
        choices=("HTXS", "HTT", "HTNV", "KHTNV"),
        help="mức xếp loại của tập thể (để xét danh hiệu tập thể)",
    )
    parser.add_argument(
        "--movement",
        choices=("co", "khong"),
        help="phong trào thi đua thường xuyên, thiết thực, hiệu quả",
    )
    parser.add_argument("--unity", choices=("co", "khong"), help="nội bộ đoàn kết")
    unit = parser.add_argument_group(
        "xếp loại của tập thể theo thang 100 điểm (từ năm 2026)",
        "Đơn vị sự nghiệp công lập: Nghị định 233/2026/NĐ-CP Điều 5–7; cơ quan hành chính: "
        "Nghị định 335/2025/NĐ-CP. Cần --unit-kind, --unit-score, --tasks-completed và "
        "--tasks-late; khi có, mức của tập thể được tính (không cần --unit-level).",
    )
    unit.add_argument(
        "--unit-kind",
        choices=tuple(UNIT_KINDS),
        help="su-nghiep: đơn vị sự nghiệp công lập; hanh-chinh: cơ quan hành chính",
    )
    unit.add_argument("--unit-score", type=_number(100), metavar="ĐIỂM", help="tổng điểm, 0–100")
    unit.add_argument(
        "--tasks-completed",
        type=_number(100),
        metavar="%",
        help="tỷ lệ nhiệm vụ hoàn thành, phần trăm (0–100)",
    )
    unit.add_argument(
        "--tasks-late", type=_number(100), metavar="%", help="tỷ lệ nhiệm vụ chậm tiến độ, %%"
    )
    unit.add_argument(
        "--tasks-exceeded",
        type=_number(100),
        metavar="%",
        help="tỷ lệ nhiệm vụ vượt mức (để xét hoàn thành xuất sắc), %%",
    )
    unit.add_argument(
        "--units-khtnv",
        type=_count,
        metavar="SỐ",
        help="số đơn vị cấu thành không hoàn thành nhiệm vụ",
    )
    unit.add_argument(
        "--remedied", choices=("co", "khong"), help="đã khắc phục hạn chế được chỉ ra kỳ trước"
    )
    unit.add_argument(
        "--violation",
        choices=("co", "khong"),
        help="có kết luận vi phạm, mất đoàn kết của cấp có thẩm quyền",
    )


UNIT_KINDS = {"su-nghiep": "don_vi_su_nghiep", "hanh-chinh": "co_quan_hanh_chinh"}
_NUMBER = re.compile(r"^[0-9]{1,3}(?:[.,][0-9]{1,2})?$")


def _number(high: int):
    """An argparse type: a number from 0 to ``high``, ``,`` or ``.`` decimals (at most 2)."""

    def parse(text: str) -> float | int:
        value = float(text.replace(",", ".")) if _NUMBER.match(text.strip()) else None
        if value is None or value > high:
            raise argparse.ArgumentTypeError(
                f"“{text}” không hợp lệ; cho phép: số từ 0 đến {high}, tối đa 2 chữ số thập phân"
            )
        return int(value) if value == int(value) else value

    return parse


def _count(text: str) -> int:
    """An argparse type: a whole number from 0."""
    if not re.fullmatch(r"[0-9]{1,4}", text.strip()):
        raise argparse.ArgumentTypeError(f"“{text}” không hợp lệ; cho phép: số nguyên từ 0")
    return int(text)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except Exception as error:  # noqa: BLE001 - the CLI boundary: never a traceback
        from thidua.binh_xet.text import say

        what = f"{type(error).__name__}: {error}"
        print(say(args.lang, "internal", error=what), file=sys.stderr)
        return 1


def _settings(args: argparse.Namespace, layer: dict | None) -> dict[str, Any]:
    yes = {"co": True, "khong": False, None: None}
    return {
        "rounding": args.rounding,
        "exception": args.exception,
        "unit_level": args.unit_level,
        "movement": yes[args.movement],
        "unity": yes[args.unity],
        "unit_kind": UNIT_KINDS.get(args.unit_kind),
        "unit_score": args.unit_score,
        "tasks_completed": args.tasks_completed,
        "tasks_late": args.tasks_late,
        "tasks_exceeded": args.tasks_exceeded,
        "units_khtnv": args.units_khtnv,
        "remedied": yes[args.remedied],
        "violation": yes[args.violation],
        "layer": layer,
    }


def _run(args: argparse.Namespace) -> int:
    from thidua.binh_xet import compute, read
    from thidua.binh_xet.layer import layer_data, layer_only_headers
    from thidua.binh_xet.text import render, say
    from thidua.criteria import PROJECT_ROOT, CriteriaDataError, load_rules

    layer, loaded = None, None
    if args.layer is not None:
        from thidua.layers.cli import load_for_cli

        loaded = load_for_cli(args.layer, args.lang)
        if loaded is None:
            return 2
        layer = layer_data(loaded)
    try:
        rules = load_rules()
    except CriteriaDataError as error:
        for item in error.errors:
            print(item.message, file=sys.stderr)
        return 1
    years = rules.modelled_years
    year = args.year if args.year is not None else max(years)
    if year not in years:
        shown = ", ".join(str(y) for y in years)
        print(say(args.lang, "year_unknown", year=year, years=shown), file=sys.stderr)
        return 2
    try:
        data = Path(args.members).read_bytes()
    except OSError as error:
        said = say(args.lang, "unreadable", file=args.members, error=error.strerror or error)
        print(said, file=sys.stderr)
        return 2
    read_result = read(data, layer, layer_only_headers(PROJECT_ROOT, layer))
    result = compute(read_result, year, _settings(args, layer), loaded, args.lang)
    message = "message_en" if args.lang == "en" else "message"
    for item in result["problems"]:
        print(f"{args.members}: {item.get(message) or item['message']}", file=sys.stderr)
    if any(item["reason"] in FATAL for item in result["problems"]):
        return 2
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render(result, rules, args.lang))
    return 0
