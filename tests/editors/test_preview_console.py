"""The console of a real build shows only what an editor must act on.

A strict build of the portal prints, besides warnings (none: ``tests/test_build.py``),
at most: our own ``thidua:`` notices (each names what to fix and where to look), the
pages left out of the navigation (add them to ``nav`` or ``not_in_nav``) and the build
time. MkDocs' and static-i18n's status lines (site folder, language passes, settings
overridden for English, navigation entries translated, search index size) are
filtered by ``thidua_mkdocs.console``.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.build

ALLOWED = re.compile(
    r"^(?:INFO    -  (?:Documentation built in [\d.]+ seconds"
    r"|thidua: .+"
    r"|The following pages exist in the docs directory, but are not included in the \"nav\""
    r" configuration:)"
    r"|  - \S+\.md"
    r"|(?:WARNING|ERROR)\s+-  .+)$"
)
NOISE_SEEN_BEFORE = (
    "Cleaning site directory",
    "Building documentation to directory",
    "mkdocs_static_i18n: Building",
    "mkdocs_static_i18n: Overriding",
    "mkdocs_static_i18n: Translated",
    "search index:",
)


def lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.strip()]


def test_every_console_line_is_one_an_editor_acts_on(built_site):
    noise = [line for line in lines(built_site.log) if not ALLOWED.match(line)]
    assert not noise, "\n".join(noise)


def test_the_status_lines_of_before_are_gone_and_the_build_time_stays(built_site):
    printed = lines(built_site.log)
    assert not [line for line in printed if any(n in line for n in NOISE_SEEN_BEFORE)]
    assert sum(line.startswith("INFO    -  Documentation built in") for line in printed) == 1
