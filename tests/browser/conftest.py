"""Fixtures for the real-browser tests (Playwright + Debian chromium).

- the strictly built site (``built_site`` from tests/conftest.py) is served on
  127.0.0.1 by a ThreadingHTTPServer in a daemon thread; ``base_url`` points at it;
- pytest-playwright launches Debian's /usr/bin/chromium (never ``playwright install``)
  with a resolver rule that makes every host but loopback unresolvable;
- an autouse ``guard`` records every request, page error, console error and
  Content-Security-Policy violation of the test's page and fails the test on any
  non-loopback request, JS error or CSP violation (toolchain.md, "Browser tests").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from thidua_testing import serve

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}

# Material's language code fetches ``sitemap.xml`` next to every <link rel=alternate>
# (e.g. /en/hoi-dap/sitemap.xml); static-i18n's per-page alternates make those 404.
# Harmless (Material ignores the failure) and loopback-only; every other console
# error still fails the test.
SITEMAP_PROBE = r"status of 404 .*/sitemap\.xml\)$"

# Collects `securitypolicyviolation` events in every document and frame. Playwright
# injects init scripts through CDP: they are not subject to the page's CSP.
CSP_LISTENER = """
(() => {
  window.__cspViolations = window.__cspViolations || [];
  document.addEventListener("securitypolicyviolation", (event) => {
    const record = {
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      source: event.sourceFile,
      line: event.lineNumber,
      sample: event.sample,
      page: location.href,
    };
    window.__cspViolations.push(record);
    if (typeof window.__thiduaReportCsp === "function") {
      window.__thiduaReportCsp(JSON.stringify(record));
    }
  });
})();
"""


class _Handler(SimpleHTTPRequestHandler):
    """Static files with the site's own 404 page for missing paths, no access log."""

    def send_error(self, code, message=None, explain=None):
        """Serve ``404.html`` like a real web server configured for MkDocs."""
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        """Keep the test output quiet."""


@pytest.fixture(scope="session")
def site_dir(built_site) -> Path:
    """The folder of the strictly built site."""
    return built_site.site


@pytest.fixture(scope="session")
def site_server(site_dir: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (free port), with its 404 page; yield its root URL."""
    with serve(site_dir, _Handler) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(site_server: str) -> str:
    """pytest-playwright's base URL: the local server (``page.goto("/hoi-dap/")``)."""
    return site_server


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict, base_url: str) -> dict:
    """A desktop viewport (search field and language menu in the header), Vietnamese.

    ``base_url`` is set here, not only through pytest-playwright's own session fixture:
    that one is cached with the base URL of whichever test folder asked for it first
    (tests/binh_xet runs before this folder and serves another build)."""
    return {
        **browser_context_args,
        "base_url": base_url,
        "viewport": {"width": 1280, "height": 800},
        "locale": "vi-VN",
    }


def is_loopback(url: str) -> bool:
    """True for URLs the browser may load: loopback hosts and in-page schemes."""
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about", "chrome-error"}:
        return True
    return parts.hostname in LOOPBACK


@dataclass
class Guard:
    """What the page did during one test; ``check()`` fails on anything forbidden."""

    requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    # Console errors a test expects (e.g. the 404 status of the 404 page itself).
    allowed_console: list[re.Pattern[str]] = field(
        default_factory=lambda: [re.compile(SITEMAP_PROBE)]
    )

    def allow_console(self, pattern: str) -> None:
        """Accept console errors matching ``pattern`` (regular expression)."""
        self.allowed_console.append(re.compile(pattern))

    def problems(self) -> list[str]:
        """Every forbidden event seen so far, one line each."""
        out = [f"external request: {url}" for url in self.requests if not is_loopback(url)]
        out += [f"JS error: {error}" for error in self.page_errors]
        out += [f"CSP violation: {v}" for v in self.csp_violations]
        for message in self.console_errors:
            if re.search(r"Content[- ]Security[- ]Policy", message):
                out.append(f"CSP violation (console): {message}")
            elif not any(p.search(message) for p in self.allowed_console):
                out.append(f"console error: {message}")
        return out

    def check(self) -> None:
        """Fail the test if the page made a forbidden request or raised any error."""
        problems = self.problems()
        if problems:
            pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture(autouse=True)
def guard(page) -> Iterator[Guard]:
    """Record requests, JS errors, console errors and CSP violations of ``page``.

    The test fails on any non-loopback request, uncaught JS error, console error or CSP
    violation: when it calls ``guard.check()``, and again right after its body
    (``pytest_runtest_call`` below), so a test cannot forget it.
    """
    record = Guard()
    page.context.on("request", lambda request: record.requests.append(request.url))
    page.on("pageerror", lambda error: record.page_errors.append(str(error)))

    def on_console(message) -> None:
        if message.type == "error":
            location = message.location or {}
            record.console_errors.append(f"{message.text} ({location.get('url', '?')})")

    page.on("console", on_console)
    page.expose_function("__thiduaReportCsp", lambda text: record.csp_violations.append(text))
    page.add_init_script(CSP_LISTENER)
    yield record


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """After a browser test's body ran without failing, fail it on what ``guard`` saw."""
    result = yield
    record = getattr(item, "funcargs", {}).get("guard")
    if isinstance(record, Guard):
        record.check()
    return result


def url_of(rel_html: Path) -> str:
    """The served path of a built HTML file (``hoi-dap/index.html`` → ``/hoi-dap/``)."""
    if rel_html.name == "index.html":
        parent = rel_html.parent.as_posix()
        return "/" if parent == "." else f"/{parent}/"
    return f"/{rel_html.as_posix()}"


@pytest.fixture(scope="session")
def page_urls(site_dir: Path) -> list[str]:
    """Every built HTML page of the site (both languages, 404 included), as served paths."""
    pages = sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.parts)
    return [url_of(p.relative_to(site_dir)) for p in pages]


@pytest.fixture(scope="session")
def fallback_url(root: Path, site_dir: Path) -> str:
    """An English page that falls back to the Vietnamese source (``X.md`` without ``X.en.md``).

    Chosen from the sources at run time, so it follows the translations as they arrive.
    """
    docs = root / "docs"
    for src in sorted(docs.rglob("*.md")):
        rel = src.relative_to(docs)
        if src.name.endswith(".en.md") or rel.parts[0].startswith("_"):
            continue
        if src.with_name(f"{src.stem}.en.md").exists():
            continue
        out = rel.parent if rel.stem == "index" else rel.with_suffix("")
        html = site_dir / "en" / out / "index.html"
        if html.is_file():
            return url_of(html.relative_to(site_dir))
    pytest.fail("every page has an English version: no fallback page to test")
