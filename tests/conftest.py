"""Shared fixtures: the project root and one real strict build per test session.

Helpers live in ``tests/thidua_testing.py`` (importable from every test folder:
``pythonpath`` in pyproject.toml puts ``tests`` and ``hooks`` on sys.path).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from thidua_testing import ROOT, Build, chromium_launch_args, run_build, serve


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root."""
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The portal built once, strictly, into a temporary folder."""
    return run_build(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def site_url(built_site: Build) -> Iterator[str]:
    """The built site served on 127.0.0.1 (free port), without a trailing slash."""
    with serve(built_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium, offline (one browser serves the whole session)."""
    return chromium_launch_args(browser_type_launch_args)
