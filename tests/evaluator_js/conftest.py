"""Fixtures for the browser evaluator tests: the built site on a local server, Debian's
chromium without outside network, and the real self-evaluation page with its data and
evaluator loaded (nothing replaced)."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

PAGE_VI = "/tu-danh-gia/cong-cu/"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            *browser_type_launch_args.get("args", []),
            "--disable-gpu",
            "--disable-quic",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        ],
    }


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site_url):
    return site_url


@pytest.fixture
def tool_page(page, base_url):
    """The Vietnamese self-evaluation page with the real data and evaluator loaded.

    Fails the test on a JS error or a request that leaves the machine."""
    errors: list[str] = []
    external: list[str] = []

    def on_request(request):
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if urlparse(request.url).hostname not in ("127.0.0.1", "localhost"):
            external.append(request.url)

    page.context.on("request", on_request)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + PAGE_VI)
    page.wait_for_function(
        "window.THIDUA_DATA && window.ThiduaEvaluator"
        " && typeof window.ThiduaEvaluator.evaluate === 'function'",
        timeout=15000,
    )
    yield page
    assert not errors, errors
    assert not external, external
