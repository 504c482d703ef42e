"""Helpers shared by the Bình xét tests (a module with its own name: no conftest clash)."""

from __future__ import annotations

import contextlib
import io
import json
import re
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
# A local layer's CSTĐCS quota (hoc-vien-mau: 15 % of LĐTT, rounded down): exactly at the
# quota (20 LĐTT → 3, 3 candidates), over it by ranking (14 → 2, 3 ranked) and ties (votes).
LAYER = "hoc-vien-mau"
LAYER_FILES = [DATA / "layer-at-quota.csv", DATA / "layer-over.csv", DATA / "layer-ties.csv"]
# The collective's own level on 100 points (2026), as options of the command and the
# page's fields (data-testid → value).
UNIT_POINTS = {
    "args": [
        "--unit-kind", "su-nghiep", "--unit-score", "92,5", "--tasks-completed", "100",
        "--tasks-late", "0", "--tasks-exceeded", "35", "--units-khtnv", "0",
        "--remedied", "co", "--movement", "co", "--unity", "co",
    ],
    "select": {"bx-unit-kind": "don_vi_su_nghiep", "bx-remedied": "true",
               "bx-movement": "true", "bx-unity": "true"},
    "fill": {"bx-unit-score": "92,5", "bx-tasks-completed": "100", "bx-tasks-late": "0",
             "bx-tasks-exceeded": "35", "bx-units-khtnv": "0"},
}

# What must never reach a person: program values, codes, rule and rule-set ids, field
# names (snake_case), and, in Vietnamese text, the contract's one-word English fields.
_PROGRAM = re.compile(
    r"\b(None|True|False|null|undefined|NaN|Infinity|floor|ceil)\b|0x[0-9a-f]|\[object"
    r"|\b[a-z]+_[a-z0-9_]+\b"
    r"|\b(LDTT|CSTT|CSTDCS|CSTD_BO|CSTDTQ|TTLDTT|TTLDXS|CO_THI_DUA_\w+|NOT_CLASSIFIED)\b"
    r"|\b(dg\d+|tc|td|tt|quota|lop)\.[a-z0-9][a-z0-9.-]*"
    r"|\b(nd|luat|tt)-\d+-\d{4}"
)
# (Not inside the command's own option names: --unit-level, --tasks-late…)
_ENGLISH_FIELDS = re.compile(
    r"(?<!-)\b(members|leader|role|tasks|unit|leave|discipline|initiatives|subject|flags"
    r"|score|months|level|rank|votes)\b(?!-)"
)


def program_words(text: str, lang: str = "vi") -> list[str]:
    """Every id, code, field name or program value found in ``text`` (empty: plain)."""
    found = [m.group(0) for m in _PROGRAM.finditer(text)]
    if lang == "vi":
        found += [m.group(0) for m in _ENGLISH_FIELDS.finditer(text)]
    return found


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


def set_unit_points(page) -> None:
    """Enter the collective's 100-point inputs on the page (as UNIT_POINTS["args"])."""
    for testid, value in UNIT_POINTS["select"].items():
        page.select_option(f"[data-testid={testid}]", value)
    for testid, value in UNIT_POINTS["fill"].items():
        page.fill(f"[data-testid={testid}]", value)
        page.dispatch_event(f"[data-testid={testid}]", "change")


def use_layer(page, layer: dict | None, loaded=None) -> None:
    """Serve the page's published data as a portal whose thidua.yml names ``layer``.

    The site under test is built with ``lop_quy_che: none``; the generated script is
    the one the hook writes (``columns_script``) with the layer's data instead: its
    quota and columns, and its rules for layer.js (``loaded``: the ``Layer``, by
    default the project's layer of that id).
    """
    from thidua.binh_xet.layer import layer_only_headers
    from thidua.layers import load_layer
    from thidua.layers.browser import browser_data
    from thidua_mkdocs.binh_xet import columns_script

    rules = None
    if layer is not None:
        rules = browser_data(loaded or load_layer(ROOT, layer["id"]), ROOT)
    body = columns_script(layer, layer_only_headers(ROOT, layer), rules)
    page.route(
        "**/assets/data/binh-xet-columns.js",
        lambda route: route.fulfill(
            status=200, body=body, content_type="application/javascript; charset=utf-8"
        ),
    )


def axe_violations(page) -> list:
    """axe-core's violations on the page as (rule, targets) pairs (empty: none)."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in found]
