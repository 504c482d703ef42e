"""Setup on a stock machine (issue 17, item 7): the Makefile's .venv logic and pyproject.

The Makefile runs in a temporary folder holding only ``Makefile`` and ``pyproject.toml``;
the real install and its check are replaced by stubs (``INSTALL=…``, ``SANITY=…``), so
only the recovery logic runs: a half-made ``.venv`` is made again, the stamp is written
only after an install that worked, ``make clean`` removes ``.venv``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from thidua_testing import ROOT

MAKE = shutil.which("make")


def run_make(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """``make ARGS`` in ``folder`` with this test's Python and a stubbed install."""
    return subprocess.run(
        [MAKE or "make", "--no-print-directory", f"PYTHON={sys.executable}", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "INSTALL": "true", "SANITY": ".venv/bin/python -c 'import pip'"},
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with the project's Makefile and pyproject.toml only."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def stamps(folder: Path) -> list[Path]:
    """The install stamps in ``folder/.venv``."""
    return sorted((folder / ".venv").glob(".installed-*"))


def venv_python_works(folder: Path) -> bool:
    """True if ``.venv/bin/python`` runs and has pip."""
    python = folder / ".venv" / "bin" / "python"
    if not python.exists():
        return False
    proc = subprocess.run([python, "-c", "import pip"], capture_output=True, timeout=120)
    return proc.returncode == 0


def test_make_is_installed():
    """The tests below need GNU make (a Debian machine has it)."""
    assert MAKE, "make is not installed"


def test_dangling_interpreter_is_replaced(project: Path):
    """A .venv whose python points at a removed interpreter is made again."""
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "python").symlink_to("/nonexistent/python3")
    proc = run_make(project, "setup")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "tạo lại" in proc.stdout
    assert venv_python_works(project)
    assert len(stamps(project)) == 1


def test_venv_without_pip_is_replaced(project: Path):
    """A half-made .venv (created, pip never installed) is made again."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", project / ".venv"], check=True)
    assert not venv_python_works(project)
    proc = run_make(project, "setup")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert venv_python_works(project)


def test_failed_install_writes_no_stamp_and_the_next_run_recovers(project: Path):
    """An install that fails leaves no stamp; the next run installs again and succeeds."""
    failed = run_make(project, "setup", "INSTALL=false")
    assert failed.returncode != 0
    assert stamps(project) == []
    failed_check = run_make(project, "setup", "SANITY=false")
    assert failed_check.returncode != 0
    assert stamps(project) == []
    proc = run_make(project, "setup")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(stamps(project)) == 1
    again = run_make(project, "setup")
    assert "is up to date" in again.stdout or "Nothing to be done" in again.stdout


def test_too_old_python_is_refused_with_a_clear_message(project: Path, tmp_path: Path):
    """A PYTHON older than 3.11 stops with a message naming what is needed."""
    fake = tmp_path / "old-python"
    fake.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    proc = subprocess.run(
        [MAKE or "make", f"PYTHON={fake}", "setup"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "INSTALL": "true", "SANITY": "true"},
    )
    assert proc.returncode != 0
    assert "Python ≥ 3.11" in proc.stderr


def test_clean_removes_the_venv(project: Path):
    """``make clean`` removes .venv along with the build outputs."""
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / "site").mkdir()
    proc = run_make(project, "clean")
    assert proc.returncode == 0, proc.stderr
    assert not (project / ".venv").exists()
    assert not (project / "site").exists()


def test_pyproject_accepts_debian_12_python():
    """requires-python admits 3.11.2; pymdown-extensions is chosen by the interpreter."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    pymdown = [d for d in project["dependencies"] if d.startswith("pymdown-extensions")]
    assert sorted(pymdown) == [
        "pymdown-extensions>=12.3,<13; python_full_version < '3.11.5'",
        "pymdown-extensions>=13,<14; python_full_version >= '3.11.5'",
    ]


def test_licence_is_an_spdx_string():
    """A licence table makes setuptools ≥ 77 warn on every install; a string does not."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["license"] == "MIT"
    assert "setuptools>=77" in data["build-system"]["requires"][0]
