"""The ``thidua`` command line.

Subcommands register themselves in ``COMMANDS`` (name → module path); each module
exposes ``add_arguments(parser)`` and ``run(args) -> int``. Keeping the table here
lets a subcommand arrive with its issue without touching argument plumbing.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from thidua import __version__

# name → (module, one-line help). Modules are imported lazily so that
# `thidua --version` stays instant.
COMMANDS: dict[str, tuple[str, str]] = {
    "evaluate": (
        "thidua.commands.evaluate",
        "Đánh giá một hồ sơ (YAML/JSON): xếp loại, danh hiệu, giải thích (--json, --lang en)",
    ),
    "unit": (
        "thidua.commands.unit",
        "Bình xét của đơn vị từ danh sách CSV: trần HTXS, tỷ lệ, danh hiệu tập thể (--json)",
    ),
    "check": (
        "thidua.commands.check",
        "Kiểm tra toàn bộ nội dung (dữ liệu tiêu chí, ca kiểm thử, trích dẫn) không dựng trang",
    ),
    "import": (
        "thidua.commands.import_van_ban",
        "Nhập toàn văn một văn bản (.docx, .md, .txt; cả bản quét OCR) thành trang văn bản",
    ),
    "impact": (
        "thidua.commands.impact",
        "Báo cáo ảnh hưởng của một thay đổi giữa hai bản git (Markdown cho pull request)",
    ),
}


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="thidua",
        description=(
            "Cổng thông tin Thi đua – Khen thưởng: công cụ dòng lệnh "
            "(đánh giá, xếp loại và danh hiệu thi đua)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"thidua {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name, (module_path, help_text) in COMMANDS.items():
        module = importlib.import_module(module_path)
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sub_parser)
        sub_parser.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "_run", None)
    if run is None:
        parser.print_help()
        return 0
    return int(run(args) or 0)


if __name__ == "__main__":  # pragma: no cover - `python -m thidua.cli`
    sys.exit(main())
