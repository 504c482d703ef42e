"""Fixtures for the self-evaluation page: a local server for the built site, Debian's
chromium, a guard against external requests, JS errors and CSP violations, and a
TEST-ONLY fake evaluator (never shipped) served in place of evaluator.js."""

from __future__ import annotations

import contextlib
from urllib.parse import urlparse

import pytest
from tdg_support import PAGE_VI, route_evaluator


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "accept_downloads": True, "locale": "vi-VN"}


@pytest.fixture(scope="session")
def base_url(site_url):
    return site_url


_CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
window.__dialogs = 0;
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
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1", "localhost"):
            found.external.append(request.url)

    def on_console(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            found.csp.append(message.text)

    def on_dialog(dialog):
        found.dialogs.append(dialog.message)
        dialog.dismiss()

    page.context.on("request", on_request)
    page.on("pageerror", lambda error: found.errors.append(str(error)))
    page.on("console", on_console)
    page.on("dialog", on_dialog)
    page.add_init_script(_CSP_PROBE)
    yield found
    with contextlib.suppress(Exception):  # page closed: the console listener still saw them
        found.csp += page.evaluate("window.__cspViolations || []")
    assert not found.external, found.external
    assert not found.errors, found.errors
    assert not found.csp, found.csp
    assert not found.dialogs, found.dialogs


@pytest.fixture
def tool(page, guard, base_url):
    """The Vietnamese page with the fake evaluator and test data, storage empty."""
    route_evaluator(page)
    page.goto(base_url + PAGE_VI)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    return page
