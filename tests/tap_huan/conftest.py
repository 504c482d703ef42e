"""Fixtures for the training-module tests (issue 15).

Browser tests serve the lead's ``built_site`` (tests/conftest.py) and launch Debian's
chromium offline; an autouse guard fails a test on any request off the machine, page
error, console error or Content-Security-Policy violation. ``offline_root`` builds
``mkdocs-offline.yml`` and unzips it as a user would (scripts/offline.py).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from thidua_testing import CHROMIUM, CHROMIUM_ARGS, ROOT

CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  if (typeof window.__tapHuanCsp === "function") {
    window.__tapHuanCsp(event.violatedDirective + " " + event.blockedURI);
  }
});
"""
LOCAL = {"file", "data", "blob", "about"}


@pytest.fixture
def page(browser):
    """A desktop page (1280×720, Vietnamese locale)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def file_browser(playwright):
    """A chromium of its own for file:// pages."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--allow-file-access-from-files"]
    )
    yield browser
    browser.close()


@pytest.fixture
def file_page(file_browser):
    """A page of the file:// browser."""
    context = file_browser.new_context(viewport={"width": 1280, "height": 720})
    yield context.new_page()
    context.close()


@pytest.fixture(autouse=True)
def problems(request: pytest.FixtureRequest) -> Iterator[list[str] | None]:
    """Fail a browser test on a network request, JS or console error, or CSP violation."""
    name = next((n for n in ("page", "file_page") if n in request.fixturenames), None)
    if name is None:
        yield None
        return
    page = request.getfixturevalue(name)
    found: list[str] = []

    def on_request(req) -> None:
        parts = urlsplit(req.url)
        if parts.scheme not in LOCAL and parts.hostname not in ("127.0.0.1", "localhost"):
            found.append(f"network request: {req.url}")

    def on_console(message) -> None:
        if message.type == "error" and "sitemap.xml" not in str(message.location):
            found.append(f"console error: {message.text}")

    page.context.on("request", on_request)
    page.on("pageerror", lambda error: found.append(f"JS error: {error}"))
    page.on("console", on_console)
    page.expose_function("__tapHuanCsp", lambda text: found.append(f"CSP: {text}"))
    page.add_init_script(CSP_LISTENER)
    yield found
    assert not found, "\n".join(found)


def _load_offline_script():
    spec = importlib.util.spec_from_file_location("tap_huan_offline", ROOT / "scripts/offline.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def offline_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make offline``'s bundle, unzipped: ``<tmp>/thidua/index.html`` is what a user opens."""
    offline = _load_offline_script()
    site = tmp_path_factory.mktemp("offline") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(offline.OFFLINE),
        "-d",
        str(site),
    ]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        pytest.fail(f"offline build failed:\n{(proc.stdout + proc.stderr)[-6000:]}", pytrace=False)
    archive = offline.make_zip(site, site.parent / "thidua-offline.zip")
    target = archive.parent / "unzipped"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    return target / "thidua"
