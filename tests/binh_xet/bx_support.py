"""Helpers shared by the Bình xét tests (a module with its own name: no conftest clash)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

from thidua.cli import main
from thidua_testing import ROOT

HERE = Path(__file__).parent
DATA = HERE / "data"
TEMPLATE = ROOT / "docs" / "binh-xet" / "mau-danh-sach-binh-xet.csv"
PAGE_VI = "/binh-xet/cong-cu/"
PAGE_EN = "/en/binh-xet/cong-cu/"
# The files the page and the command must agree on (hidden-style edge cases included).
AGREEMENT_FILES = [
    TEMPLATE,
    DATA / "at-cap.csv",
    DATA / "ties.csv",
    DATA / "over.csv",
    DATA / "all-eligible.csv",
    DATA / "nobody.csv",
    DATA / "bad-rows.csv",
    DATA / "windows-1258.csv",
    DATA / "combining.tsv",
    DATA / "broken-encoding.csv",
]


def thidua(*args: str) -> subprocess.CompletedProcess:
    """Run the ``thidua`` command line in this process (the criteria data loads once)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse refusing an option
            code = exit_.code
    return subprocess.CompletedProcess(["thidua", *args], code, out.getvalue(), err.getvalue())


def thidua_process(*args: str) -> subprocess.CompletedProcess:
    """The real console script in a child process (exit status as the shell sees it)."""
    return subprocess.run(
        [sys.executable, "-m", "thidua.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def unit_json(path: Path, *extra: str) -> dict:
    """``thidua unit PATH --json`` as data (the command must succeed)."""
    proc = thidua("unit", str(path), "--json", *extra)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def load_file(page, *paths: Path, confirm: bool = True) -> None:
    """Choose ``paths`` in the page's file input; confirm a list with problems if asked."""
    page.set_input_files("[data-testid=bx-file]", [str(p) for p in paths])
    page.wait_for_selector("[data-testid=bx-preview] p, [data-testid=bx-failed]")
    button = page.locator("[data-testid=bx-confirm]")
    if confirm and button.count():
        button.click()
    page.wait_for_selector("[data-testid=bx-summary]")


def page_result(page) -> dict:
    """The page's figures (BX.state.result) as plain data."""
    return page.evaluate("JSON.parse(JSON.stringify(window.BX.state.result))")
