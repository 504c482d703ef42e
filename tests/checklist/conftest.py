"""Fixtures for the checklist tests: the page models, and the real-browser setup.

Browser tests serve the lead's ``built_site`` (tests/conftest.py) on 127.0.0.1 with a
ThreadingHTTPServer and launch Debian's chromium offline; every page error, console
error (except Material's sitemap probes) and CSP violation fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def wording(rules):
    """The adapter's wording of the core's sentences: ``wording("vi")(said)`` → text."""
    from thidua_mkdocs.checklist_words import Wording

    return lambda lang: Wording(lang, rules.labels)


@pytest.fixture(scope="session")
def drawings(rules, wording):
    """The ladders of the real data worded and laid out: ``drawings("vi")``."""
    from thidua.checklist import ladder
    from thidua_mkdocs.checklist_ladder import draw

    return lambda lang: [draw(item, wording(lang)) for item in ladder.ladders(rules, lang)]


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
