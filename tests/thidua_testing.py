"""Test support shared by every test folder: the project root and a real build.

A module with a unique name (not ``conftest``) so that test folders with their own
conftest.py can import it without shadowing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Build:
    """Where a build went and what it printed."""

    site: Path
    log: str


def run_build(
    dest: Path, *, tool: str = "mkdocs", config: Path | None = None, cwd: Path = ROOT
) -> Build:
    """Run a strict build of ``config`` (default: the project's) into ``dest``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [
        sys.executable,
        "-m",
        tool,
        "build",
        "--strict",
        "-d",
        str(dest),
        "-f",
        str(config or ROOT / "mkdocs.yml"),
    ]
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        pytest.fail(f"{tool} build failed ({proc.returncode}):\n{log[-6000:]}", pytrace=False)
    return Build(site=dest, log=log)
