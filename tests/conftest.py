"""Shared fixtures: the project root and one real strict build per test session.

Golden tests take the ``update_golden`` fixture: ``pytest --update-golden`` rewrites
their expected files (review the diff by eye before committing it).

Helpers live in ``tests/thidua_testing.py`` (importable from every test folder:
``pythonpath`` in pyproject.toml puts ``tests`` and ``hooks`` on sys.path).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from thidua_testing import ROOT, Build, chromium_launch_args, run_build, serve


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``: every golden test rewrites its expected file, then compares."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files of the golden tests from the current output",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was started with ``--update-golden``."""
    return bool(request.config.getoption("--update-golden"))


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
