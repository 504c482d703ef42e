"""The one writer of data published to the browser as a classic script.

``window.NAME = {…};`` per value, JSON written compactly with ``ensure_ascii=False``;
``</`` is escaped as ``<\\/`` so that the text can never end a ``<script>`` element
early, even when a file is inlined by mistake. Plain Python: the adapters write the
files (``assets/data/*.js``), the core only returns the text.
"""

from __future__ import annotations

import json
from typing import Any


def data_script(values: dict[str, Any], comment: str | None = None, sort_keys: bool = False) -> str:
    """The text of a script defining ``window.<name>`` for each item of ``values``."""
    lines = [f"/* {comment} */"] if comment else []
    for name, value in values.items():
        text = json.dumps(
            value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"), default=str
        )
        text = text.replace("</", "<\\/")
        lines.append(f"window.{name} = {text};")
    return "\n".join(lines) + "\n"
