"""Clause-level differences of a document page between two revisions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from thidua.errors import ContentError
from thidua.legal.registry import Document, load_document


def unit_texts(document: Document) -> dict[str, tuple[str, str]]:
    """anchor → (label, own source text: from the unit's first line to the next unit)."""
    lines = document.body.splitlines()
    units = document.structure.units
    out = {}
    for index, unit in enumerate(units):
        if unit.ref is None:
            continue
        end = units[index + 1].start if index + 1 < len(units) else len(lines)
        text = " ".join(" ".join(lines[unit.start : end]).split())
        out[unit.anchor] = (unit.label, text)
    return out


def read(root: Path, path: str) -> tuple[Document | None, str | None]:
    """The document at ``path`` of a tree, or the reason it cannot be read."""
    file = root / path
    if not file.is_file():
        return None, None
    try:
        return load_document(file, root / "docs"), None
    except ContentError as error:
        return None, error.message


def metadata_changes(before: Document, after: Document) -> list[tuple[str, str, str]]:
    """(field, before, after) of each front-matter value that changed."""
    old = dataclasses.asdict(before.meta)
    new = dataclasses.asdict(after.meta)
    for data in (old, new):  # one line per relation, not the whole mapping
        data.update(data.pop("relations", {}) or {})
    changes = []
    for key in new:
        if key == "lines" or old.get(key) == new.get(key):
            continue
        changes.append((key, _shown(old.get(key)), _shown(new.get(key))))
    return changes


def _shown(value: object) -> str:
    if value in (None, "", [], {}):
        return "(trống)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
