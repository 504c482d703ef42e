"""Comparing two results after a JSON round trip: the first differing places, with map
key order, and bool ≠ number (Python's True == 1 must not hide a difference)."""

from __future__ import annotations

import json
from typing import Any


def _same_number(a: Any, b: Any) -> bool:
    numbers = (int, float)
    return (
        isinstance(a, numbers)
        and isinstance(b, numbers)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
        and a == b
    )


def diffs(py: Any, js: Any, path: str = "$", limit: int = 3) -> list[tuple[str, Any, Any]]:
    """The first differing places (key order of maps included): [(path, python, js)]."""
    out: list[tuple[str, Any, Any]] = []

    def walk(a: Any, b: Any, where: str) -> None:
        if len(out) >= limit:
            return
        if _same_number(a, b):
            return
        if type(a) is not type(b):
            out.append((where, a, b))
        elif isinstance(a, dict):
            if list(a) != list(b):
                out.append((where + " (keys)", list(a), list(b)))
                return
            for key in a:
                walk(a[key], b[key], f"{where}.{key}")
        elif isinstance(a, list):
            if len(a) != len(b):
                out.append((where + " (length)", len(a), len(b)))
            for index, (x, y) in enumerate(zip(a, b, strict=False)):
                walk(x, y, f"{where}[{index}]")
        elif a != b:
            out.append((where, a, b))

    walk(py, js, path)
    return out


def short(value: Any, size: int = 300) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= size else text[:size] + f"… ({len(text)} chars)"
