"""Fixtures for the legal-sources tests: a docs folder holding the fixture documents."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .support import FIXTURES


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A ``docs/`` folder with the three fixture documents in ``van-ban/``."""
    folder = tmp_path / "docs"
    shutil.copytree(FIXTURES / "van-ban", folder / "van-ban")
    return folder


@pytest.fixture
def tab(page) -> Iterator[object]:
    """pytest-playwright's page; a JS error or a request off the machine fails the test.

    test_browser_legal.py keeps its own, which checks JS errors only."""
    errors: list[str] = []
    external: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith(("http://127.0.0.1", "data:")) else external.append(r.url)
        ),
    )
    yield page
    assert not errors, errors
    assert not external, external
