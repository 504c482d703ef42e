"""The portal opened from file:// (``make offline``): what its CSP must allow.

On file:// Material runs the search worker through the ``iframe-worker`` shim
(vendored in ``overrides/assets/vendor/iframe-worker/shim.js``): a hidden
``about:blank`` iframe that inherits the page's Content-Security-Policy and gets
one inline script, written with ``document.write``. Its text depends on the
worker URL of the page (relative, so it changes with the page's depth); this
module rebuilds it so the CSP hook can hash it like Material's own inline scripts.
"""

from __future__ import annotations

import json
import re

# The two functions the shim writes into the iframe, as in shim.js (1.0.4);
# tests/search_offline checks that they are still there verbatim.
POST_MESSAGE = 'function c(s,n){parent.postMessage(s,n||"*")}'
IMPORT_SCRIPTS = (
    "function d(...s){return s.reduce((n,e)=>n.then(()=>new Promise(r=>{"
    'let t=document.createElement("script");t.src=e,t.onload=r,'
    "document.body.appendChild(t)})),Promise.resolve())}"
)
TEMPLATE = (
    "postMessage={c};importScripts={d};"
    'addEventListener("error",({{error}})=>{{parent.dispatchEvent('
    'new ErrorEvent("error",{{filename:"{e}",error}}))}})'
)

_CONFIG = re.compile(
    r'<script id="__config" type="application/json">(?P<json>.*?)</script>', re.DOTALL
)


def worker_url(page_html: str) -> str | None:
    """The search worker URL of a Material page (``__config.search``), if any."""
    match = _CONFIG.search(page_html)
    if match is None:
        return None
    try:
        url = json.loads(match["json"]).get("search")
    except (ValueError, AttributeError):
        return None
    return url if isinstance(url, str) else None


def iframe_worker_script(url: str) -> str:
    """The inline script the shim writes into the worker iframe for ``url``."""
    return TEMPLATE.format(c=POST_MESSAGE, d=IMPORT_SCRIPTS, e=url)


def inline_scripts(page_html: str) -> list[str]:
    """Inline scripts that run on file:// besides the page's own (for the CSP)."""
    url = worker_url(page_html)
    return [iframe_worker_script(url)] if url else []
