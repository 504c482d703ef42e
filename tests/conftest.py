"""Shared fixtures: the project root and one real strict build per test session.

Helpers live in ``tests/thidua_testing.py`` (importable from every test folder:
``pythonpath`` in pyproject.toml puts ``tests`` and ``hooks`` on sys.path).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from thidua_testing import ROOT, Build, run_build


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root."""
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The portal built once, strictly, into a temporary folder."""
    return run_build(tmp_path_factory.mktemp("site") / "site")
