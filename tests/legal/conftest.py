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
