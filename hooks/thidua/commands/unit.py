"""``thidua unit MEMBERS.csv [--json] [--layer ID]`` — the unit council review.

Reads a members list (CSV UTF-8 or Windows-1258, ``,`` ``;`` or tab separated, the
columns of binh-xet/mau-danh-sach-binh-xet.csv), evaluates every member with the same
evaluator and data as ``thidua evaluate``, and prints the HTXS caps, the CSTĐCS quota
(or why none applies), who is within and who is over given the ranking or vote counts,
and the collective titles. The figures are the ones the Bình xét page shows.

Exit status: 0 when the figures were produced (rows with problems are listed on stderr
and in the output, never dropped), 2 when the file cannot be used at all (unreadable,
a required column missing, no member) or an option is refused, 1 when the criteria
data is broken. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HELP = "Bình xét của đơn vị từ danh sách thành viên CSV: trần HTXS, tỷ lệ, danh hiệu tập thể"
FATAL = ("header_missing", "no_rows")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("members", metavar="MEMBERS.csv", help="danh sách thành viên (CSV)")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--layer", metavar="ID", help="lớp quy định riêng của bộ, ngành, tỉnh")
    parser.add_argument("--year", type=int, help="năm đánh giá (mặc định: năm mới nhất có dữ liệu)")
    parser.add_argument(
        "--rounding",
        choices=("floor", "round_half_up", "ceil"),
        default="floor",
        help="cách làm tròn tỷ lệ (mặc định: floor, lấy phần nguyên)",
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


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except Exception as error:  # noqa: BLE001 - the CLI boundary: never a traceback
        print(f"thidua unit: lỗi nội bộ: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    yes = {"co": True, "khong": False, None: None}
    return {
        "rounding": args.rounding,
        "exception": args.exception,
        "unit_level": args.unit_level,
        "movement": yes[args.movement],
        "unity": yes[args.unity],
    }


def _run(args: argparse.Namespace) -> int:
    from thidua.binh_xet import compute, read
    from thidua.binh_xet.text import render
    from thidua.criteria import CriteriaDataError, load_rules

    if args.layer is not None:
        print(
            f"thidua unit: --layer {args.layer}: chưa có lớp quy định riêng nào được cấu hình "
            "(no layers configured); bỏ tùy chọn --layer để dùng quy định chung của Nhà nước.",
            file=sys.stderr,
        )
        return 2
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
        print(
            f"thidua unit: --year {year}: năm không có trong dữ liệu; cho phép: {shown}.",
            file=sys.stderr,
        )
        return 2
    try:
        data = Path(args.members).read_bytes()
    except OSError as error:
        print(
            f"{args.members}: không đọc được tệp: {error.strerror or error}; cho phép: một "
            "tệp CSV đọc được.",
            file=sys.stderr,
        )
        return 2
    read_result = read(data)
    result = compute(read_result, year, _settings(args))
    for item in result["problems"]:
        print(f"{args.members}: {item['message']}", file=sys.stderr)
    if any(item["reason"] in FATAL for item in result["problems"]):
        return 2
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render(result, rules))
    return 0
