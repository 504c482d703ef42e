"""``python -m thidua.tap_huan doi-chieu [ROOT]``: record the wording of every cited clause.

Run after trainers have compared the modules with the current texts; the build then
marks a module "Cần cập nhật" when a recorded clause's wording changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from thidua.errors import ContentError
from thidua.legal import load_registry
from thidua.tap_huan import LOCK, load_program, recorded_fingerprints
from thidua.tap_huan.module import FOLDER

HEADER = (
    "# Dấu vân tay nội dung các điều, khoản mà các chuyên đề tập huấn dẫn chiếu,\n"
    "# ghi khi đối chiếu.\n"
    "# Sinh bằng: .venv/bin/python -m thidua.tap_huan doi-chieu — đừng sửa tay.\n"
)


def main(argv: list[str]) -> int:
    """Write ``docs/tap-huan/doi-chieu.yaml``; 2 on a content error."""
    if not argv or argv[0] != "doi-chieu":
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = Path(argv[1] if len(argv) > 1 else ".").resolve()
    try:
        program = load_program(root, load_registry(root / "docs"))
    except ContentError as error:
        print(error.message, file=sys.stderr)
        return 2
    data = recorded_fingerprints(program)
    text = HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=True)
    (root / "docs" / FOLDER / LOCK).write_text(text, encoding="utf-8")
    print(f"{len(data)} clauses recorded in docs/{FOLDER}/{LOCK}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
