"""Hook: a per-page Content-Security-Policy on the built site.

With ``extra.thidua.offline: true`` (``mkdocs-offline.yml``, pages opened from
file://) the policy also allows ``file:`` and the iframe-worker shim's inline script
(``thidua_mkdocs.search.offline``).

``mkdocs serve`` is exempt: its live-reload script is injected per request and
changes every time, so no build-time hash can match it.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from thidua_mkdocs import csp
from thidua_mkdocs.search import offline

_serving = False


def _apply(output: str, config) -> str:
    if not (config.extra.get("thidua") or {}).get("offline"):
        return csp.apply(output)
    return csp.apply(output, offline=True, extra_scripts=offline.inline_scripts(output))


def on_startup(command, dirty):
    """Remember whether this process serves (live reload) or builds."""
    global _serving
    _serving = command == "serve"


@event_priority(-1000)  # after every other post-page hook: hash the final HTML
def on_post_page(output, page, config):
    """Add the policy to a content page."""
    return output if _serving else _apply(output, config)


@event_priority(-1000)
def on_post_template(output_content, template_name, config):
    """Add the policy to static templates that are HTML pages (404.html)."""
    if _serving or not template_name.endswith(".html"):
        return output_content
    return _apply(output_content, config)
