"""Test support shared by every test folder: the project root and a real build.

A module with a unique name (not ``conftest``) so that test folders with their own
conftest.py can import it without shadowing.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import markdown
import pytest

ROOT = Path(__file__).resolve().parents[1]


# What a copy of the project leaves out: environments, outputs and caches.
COPY_IGNORE = shutil.ignore_patterns(
    ".venv", "site", "site-*", "dist", ".git", "*.pyc", "__pycache__", ".bench"
)


def copy_project(dest: Path) -> Path:
    """A copy of the project at ``dest`` (sources only) for a test to edit and build."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    return dest


def build_project(project: Path, out: Path) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of a copied project into ``out``; the caller reads the result."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=900,
    )


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


# Debian's chromium (never `playwright install`), offline: every host but loopback is
# unresolvable, or chromium looks up Google hosts when a page has a form (toolchain.md).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
if hasattr(os, "geteuid") and os.geteuid() == 0:
    CHROMIUM_ARGS.append("--no-sandbox")


def chromium_launch_args(base: dict) -> dict:
    """pytest-playwright's launch arguments with Debian's chromium and the offline flags."""
    return {
        **base,
        "executable_path": CHROMIUM,
        "args": [*base.get("args", []), *CHROMIUM_ARGS],
    }


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files without an access log."""

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        """Keep the test output quiet."""


@contextmanager
def serve(directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port); yield the root URL, no trailing slash."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="site-server", daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def load_hook(name: str) -> ModuleType:
    """A fresh copy of ``hooks/<name>.py`` (its module-level caches empty)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The Markdown extensions a generated page's raw HTML meets in the site, and the
# abbreviations appended to every page (includes/abbreviations.md): what the tests of
# the blocks set aside from Markdown compare with (thidua_mkdocs/set_aside.py).
SITE_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]
# The lines that mark a block to set aside; without them a page is its plain form.
SET_ASIDE_MARKER_LINE = re.compile(r"^<!-- /?thidua:html -->\n", re.MULTILINE)


def site_markdown(text: str) -> str:
    """``text`` through Markdown as the site converts a page (abbreviations appended)."""
    from thidua.slug import slugify

    abbreviations = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    return markdown.markdown(
        text + "\n\n" + abbreviations,
        extensions=SITE_EXTENSIONS,
        extension_configs={"toc": {"permalink": True, "slugify": slugify}},
    )
