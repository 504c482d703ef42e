"""Fixtures for the legal-sources tests: a docs folder holding the fixture documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .support import FIXTURES


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A ``docs/`` folder with the three fixture documents in ``van-ban/``."""
    folder = tmp_path / "docs"
    shutil.copytree(FIXTURES / "van-ban", folder / "van-ban")
    return folder


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
