"""A strict Content-Security-Policy for each built page.

Material writes small inline scripts into every page (the scope script differs
with page depth), so the policy is computed per page: ``script-src 'self'`` plus
the sha256 hash of each inline script actually on that page, never
``'unsafe-inline'``. Our own code adds no inline script and no inline handler.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

# An inline script: no src attribute. JSON data blocks (Material's __config) are
# not executed, so they need no hash.
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_DATA_TYPE = re.compile(r'\btype\s*=\s*["\']?application/(?:ld\+)?json', re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)

BASE_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    # Material sets a few style attributes in its markup; styles cannot run code.
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("object-src", "'none'"),
)


def inline_script_hashes(page_html: str) -> list[str]:
    """Return the CSP sources (``'sha256-…'``) of the page's executable inline scripts."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(page_html):
        attrs = match["attrs"]
        if _SRC.search(attrs) or _DATA_TYPE.search(attrs):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy_for(page_html: str) -> str:
    """The policy text for one page."""
    hashes = inline_script_hashes(page_html)
    parts = []
    for directive, sources in BASE_POLICY:
        if directive == "script-src" and hashes:
            sources = " ".join([sources, *hashes])
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


def apply(page_html: str) -> str:
    """Insert the policy as the first element of ``<head>`` (after the charset).

    It must precede every script, or the browser runs those before it sees the policy.
    """
    meta = (
        '<meta http-equiv="Content-Security-Policy" content="'
        + html.escape(policy_for(page_html), quote=True)
        + '">'
    )
    charset = _CHARSET.search(page_html)
    anchor = charset or _HEAD.search(page_html)
    if anchor is None:
        return page_html
    return page_html[: anchor.end()] + meta + page_html[anchor.end() :]
