"""Fixtures for the search, offline and print tests (issue 8).

- ``site_dir`` / ``site_url``: the lead's ``built_site`` served on 127.0.0.1 (free port);
- ``offline_root``: ``mkdocs-offline.yml`` built strictly, zipped by scripts/offline.py
  and unzipped into a temporary folder — the copy a user opens from file://;
- Debian's /usr/bin/chromium with every host but loopback unresolvable and file
  access between file:// pages allowed;
- an autouse ``guard`` that fails a test on any request to a network host, any page
  error, console error or Content-Security-Policy violation.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from thidua_testing import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
LOCAL_SCHEMES = {"file", "data", "blob", "about", "chrome-error"}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# Material probes sitemap.xml next to each language link (static-i18n's per-page
# alternates make those missing): harmless, local, ignored by Material.
SITEMAP_PROBE = re.compile(
    r"(status of 404|ERR_FILE_NOT_FOUND).*\((?:http://127\.0\.0\.1:\d+|file://)\S*/sitemap\.xml\)$"
)
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  if (typeof window.__reportCsp === "function") {
    window.__reportCsp(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
  }
});
"""


def load_script(name: str):
    """Import ``scripts/<name>.py`` as a module (``scripts`` is not a package)."""
    spec = importlib.util.spec_from_file_location(
        f"thidua_script_{name}", ROOT / f"scripts/{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def site_dir(built_site) -> Path:
    """The folder of the lead's strict build."""
    return built_site.site


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make offline`` in a temporary folder: strict build of mkdocs-offline.yml, zipped."""
    offline = load_script("offline")
    site = tmp_path_factory.mktemp("offline") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(offline.OFFLINE)]
    proc = subprocess.run(
        [*cmd, "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    if proc.returncode != 0:
        pytest.fail(f"offline build failed:\n{(proc.stdout + proc.stderr)[-6000:]}", pytrace=False)
    return offline.make_zip(site, site.parent / "thidua-offline.zip")


@pytest.fixture(scope="session")
def offline_root(offline_zip: Path) -> Path:
    """The offline zip unzipped: ``<tmp>/thidua/index.html`` is what a user opens."""
    target = offline_zip.parent / "unzipped"
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / "thidua"


CONTEXT = {"viewport": {"width": 1280, "height": 800}, "locale": "vi-VN"}


@pytest.fixture
def page(browser):
    """A page at a desktop viewport (the search field is in the header)."""
    context = browser.new_context(**CONTEXT)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def file_browser(playwright):
    """A chromium of its own for file:// pages (they may load each other)."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--allow-file-access-from-files"]
    )
    yield browser
    browser.close()


@pytest.fixture
def file_page(file_browser):
    """A page of the file:// browser."""
    context = file_browser.new_context(**CONTEXT)
    yield context.new_page()
    context.close()


def is_local(url: str) -> bool:
    """True for file://, in-page schemes and loopback hosts."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOOPBACK


@dataclass
class Guard:
    """What the page did during one test."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Forbidden events: network requests, JS errors, console errors, CSP violations."""
        out = [f"network request: {url}" for url in self.requests if not is_local(url)]
        return out + [e for e in self.errors if not SITEMAP_PROBE.search(e)]


@pytest.fixture(autouse=True)
def guard(request: pytest.FixtureRequest) -> Iterator[Guard | None]:
    """Fail a browser test on any network request, JS error, console error or CSP violation."""
    name = next((n for n in ("page", "file_page") if n in request.fixturenames), None)
    if name is None:
        yield None
        return
    page = request.getfixturevalue(name)
    record = Guard()
    page.context.on("request", lambda r: record.requests.append(r.url))
    page.on("pageerror", lambda error: record.errors.append(f"JS error: {error}"))

    def console(message) -> None:
        if message.type == "error":
            where = (message.location or {}).get("url", "?")
            record.errors.append(f"console error: {message.text} ({where})")

    page.on("console", console)
    page.expose_function("__reportCsp", lambda text: record.errors.append(f"CSP: {text}"))
    page.add_init_script(CSP_LISTENER)
    yield record
    problems = record.problems()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def search(page, query: str) -> list[str]:
    """Type ``query`` in Material's search, press End (it searches on keyup), return hrefs.

    The result links are returned without their ``?h=`` highlight parameter.
    """
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')")
    # Forget the previous results, so that waiting sees this query's.
    page.evaluate(
        "() => { document.querySelector('.md-search-result__list').replaceChildren();"
        " document.querySelector('.md-search-result__meta').textContent = ''; }"
    )
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim() !== ''",
        timeout=90_000,  # the index loads after the page is drawn; slow on a busy machine
    )
    page.wait_for_timeout(200)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)"
    )
    return [re.sub(r"\?h=[^#]*", "", href) for href in hrefs]
