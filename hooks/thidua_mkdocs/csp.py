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
from collections.abc import Sequence

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


def script_hash(text: str) -> str:
    """The CSP source (``'sha256-…'``) of one inline script's text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(page_html: str) -> list[str]:
    """Return the CSP sources (``'sha256-…'``) of the page's executable inline scripts."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(page_html):
        attrs = match["attrs"]
        if _SRC.search(attrs) or _DATA_TYPE.search(attrs):
            continue
        source = script_hash(match["body"])
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy_for(page_html: str, *, offline: bool = False, extra_scripts: Sequence[str] = ()) -> str:
    """The policy text for one page.

    ``offline``: the page is opened from file:// (``make offline``), where ``'self'``
    matches nothing, so every ``'self'`` also allows ``file:``. ``extra_scripts``:
    inline scripts that run besides the page's own (the iframe-worker shim's), hashed too.
    """
    hashes = inline_script_hashes(page_html)
    hashes += [h for h in map(script_hash, extra_scripts) if h not in hashes]
    parts = []
    for directive, sources in BASE_POLICY:
        if offline:
            sources = sources.replace("'self'", "'self' file:")
        if directive == "script-src" and hashes:
            sources = " ".join([sources, *hashes])
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


def apply(page_html: str, *, offline: bool = False, extra_scripts: Sequence[str] = ()) -> str:
    """Insert the policy as the first element of ``<head>`` (after the charset).

    It must precede every script, or the browser runs those before it sees the policy.
    ``offline`` and ``extra_scripts``: see ``policy_for``.
    """
    policy = policy_for(page_html, offline=offline, extra_scripts=extra_scripts)
    meta = (
        '<meta http-equiv="Content-Security-Policy" content="'
        + html.escape(policy, quote=True)
        + '">'
    )
    charset = _CHARSET.search(page_html)
    anchor = charset or _HEAD.search(page_html)
    if anchor is None:
        return page_html
    return page_html[: anchor.end()] + meta + page_html[anchor.end() :]
