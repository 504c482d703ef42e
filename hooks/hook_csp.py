"""Hook: a per-page Content-Security-Policy on the built site.

``mkdocs serve`` is exempt: its live-reload script is injected per request and
changes every time, so no build-time hash can match it.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from thidua import csp

_serving = False


def on_startup(command, dirty):
    """Remember whether this process serves (live reload) or builds."""
    global _serving
    _serving = command == "serve"


@event_priority(-1000)  # after every other post-page hook: hash the final HTML
def on_post_page(output, page, config):
    """Add the policy to a content page."""
    return output if _serving else csp.apply(output)


@event_priority(-1000)
def on_post_template(output_content, template_name, config):
    """Add the policy to static templates that are HTML pages (404.html)."""
    if _serving or not template_name.endswith(".html"):
        return output_content
    return csp.apply(output_content)
