"""Helpers of the "Điểm mới" tests: the fixture documents and the YAML cases."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
_SO_SANH = re.compile(r"^so_sanh:\n(?:[ \t]+.*\n)*", re.MULTILINE)


def docs_copy(target: Path, so_sanh: str | None = None) -> Path:
    """A ``docs/`` folder with the fixture documents; ``so_sanh`` replaces luat-moi's key."""
    docs = target / "docs"
    shutil.copytree(FIXTURES / "van-ban", docs / "van-ban")
    if so_sanh is not None:
        path = docs / "van-ban" / "luat-moi.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(_SO_SANH.sub(lambda _: so_sanh, text, count=1), encoding="utf-8")
    return docs
