"""Fixtures for the legal-sources tests: a docs folder holding the fixture documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A ``docs/`` folder with the three fixture documents in ``van-ban/``."""
    folder = tmp_path / "docs"
    shutil.copytree(FIXTURES / "van-ban", folder / "van-ban")
    return folder


def write(docs: Path, name: str, text: str) -> Path:
    """Write ``docs/<name>`` and return its path."""
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def document(so_hieu: str, body: str, **fields: str) -> str:
    """A minimal valid document page with ``body``; ``fields`` override front matter."""
    meta = {
        "so_hieu": so_hieu,
        "ten": "Văn bản kiểm thử",
        "loai_van_ban": "Nghị định",
        "co_quan_ban_hanh": "Chính phủ",
        "tinh_trang": "con_hieu_luc",
        **fields,
    }
    front = "\n".join(f"{key}: {value}" for key, value in meta.items())
    return f"---\n{front}\n---\n\n# Văn bản kiểm thử\n\n{body}"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium, offline (toolchain.md, "Browser tests")."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            *browser_type_launch_args.get("args", []),
            "--disable-gpu",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        ],
    }
