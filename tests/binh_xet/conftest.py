"""Fixtures for the Bình xét page: the built site served locally (root conftest), Debian's
chromium, and a guard against external requests, script errors and CSP violations."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bx_support import PAGE_VI
from thidua_testing import serve


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "accept_downloads": True, "locale": "vi-VN"}


@pytest.fixture(scope="session")
def base_url(request):
    """The built site: BX_SITE (a folder already built, for quick local runs) or the
    session's own strict build (root conftest)."""
    folder = os.environ.get("BX_SITE")
    if folder:
        with serve(Path(folder)) as url:
            yield url
    else:
        yield request.getfixturevalue("site_url")


_CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


class Guard:
    """What a page did that it must not: external requests, errors, CSP violations."""

    def __init__(self) -> None:
        self.external: list[str] = []
        self.errors: list[str] = []
        self.csp: list[str] = []
        self.dialogs: list[str] = []


@pytest.fixture
def guard(page):
    found = Guard()

    def on_request(request):
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if urlparse(request.url).hostname not in ("127.0.0.1", "localhost"):
            found.external.append(request.url)

    def on_dialog(dialog):
        found.dialogs.append(dialog.message)
        dialog.dismiss()

    page.context.on("request", on_request)
    page.on("pageerror", lambda error: found.errors.append(str(error)))
    page.on("dialog", on_dialog)
    page.on(
        "console",
        lambda m: found.csp.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(_CSP_PROBE)
    yield found
    with contextlib.suppress(Exception):
        found.csp += page.evaluate("window.__cspViolations || []")
    assert not found.external, found.external
    assert not found.errors, found.errors
    assert not found.csp, found.csp
    assert not found.dialogs, found.dialogs


@pytest.fixture
def tool(page, guard, base_url):
    """The Vietnamese tool page with empty storage, scripts started."""
    page.goto(base_url + PAGE_VI)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
    return page
