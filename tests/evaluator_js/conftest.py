"""Fixtures for the browser evaluator tests: the built site on a local server, Debian's
chromium without outside network, and the real self-evaluation page with its data and
evaluator loaded (nothing replaced)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

PAGE_VI = "/tu-danh-gia/cong-cu/"


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
