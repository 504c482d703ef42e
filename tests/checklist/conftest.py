"""Fixtures for the checklist tests: the page models, and the real-browser setup.

Browser tests serve the lead's ``built_site`` (tests/conftest.py) on 127.0.0.1 with a
ThreadingHTTPServer and launch Debian's chromium offline; every page error, console
error (except Material's sitemap probes) and CSP violation fails the test.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Material's language switcher probes sitemap.xml next to each alternate (404 here).
SITEMAP_PROBE = re.compile(r"/sitemap\.xml$")
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  if (typeof window.__checklistCsp === "function") {
    window.__checklistCsp(event.violatedDirective + " " + event.blockedURI);
  }
});
"""


@pytest.fixture(scope="session")
def plan_vi():
    """The page models of the real data, Vietnamese."""
    from thidua.checklist import plan

    return plan(ROOT, "vi")


@pytest.fixture(scope="session")
def plan_en():
    """The page models of the real data, English."""
    from thidua.checklist import plan

    return plan(ROOT, "en")


@pytest.fixture(scope="session")
def rules():
    from thidua.criteria import load_rules

    return load_rules(ROOT)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        """No access log."""


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """The strictly built site served on 127.0.0.1 (free port)."""
    handler = functools.partial(_Quiet, directory=str(built_site.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium, offline: every host but loopback is unresolvable."""
    args = [
        *browser_type_launch_args.get("args", []),
        "--disable-gpu",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": args}


@pytest.fixture
def problems(page) -> Iterator[list[str]]:
    """Page errors, console errors and CSP violations seen on ``page`` (checked after)."""
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(f"JS error: {error}"))

    def console(message) -> None:
        url = (message.location or {}).get("url", "")
        if message.type == "error" and not SITEMAP_PROBE.search(url):
            seen.append(f"console error: {message.text} ({url})")

    page.on("console", console)
    page.expose_function("__checklistCsp", lambda text: seen.append(f"CSP violation: {text}"))
    page.add_init_script(CSP_LISTENER)
    yield seen
    assert not seen, "\n".join(seen)
