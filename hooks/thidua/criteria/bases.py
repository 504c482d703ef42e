"""Where every legal basis stands in the criteria data (``Rules.all_legal_bases``).

A basis is returned with its ``Place``: file, line and path as data, so that
``thidua check`` can name them in a ``ContentError`` and the tests can filter by file or
path without reading a text back; ``str(place)`` is how people read it
(``file:line: path``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from thidua.yaml_lines import line_of

if TYPE_CHECKING:
    from thidua.criteria import Rules

# The keys whose value is a list of citations (``basis`` maps role → branch → list).
LIST_KEYS = ("legal_basis", "documents", "exception_basis")


@dataclass(frozen=True, order=True)
class Place:
    """One spot of the data: ``file``, dotted ``path`` (``gates[0].legal_basis[1]``), ``line``.

    Places compare by file and path (one path of a file has one line)."""

    file: str
    path: str
    line: int | None = field(default=None, compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}"


def legal_bases(rules: Rules) -> list[tuple[str, Place]]:
    """Every ``legal_basis`` (and ``documents``, ``exception_basis``, ``basis``) of the
    rule sets, the [U] table and the years, with its place, in file order."""
    found: list[tuple[str, Place]] = []

    def add(texts: Any, container: Any, key: Any, file: str, path: str) -> None:
        for index, text in enumerate(texts):
            line = line_of(texts, index) or line_of(container, key)
            found.append((text, Place(file, f"{path}[{index}]", line)))

    def walk(value: Any, file: str, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                here = f"{path}.{key}" if path else str(key)
                if key in LIST_KEYS and isinstance(item, list):
                    add(item, value, key, file, here)
                elif key == "basis" and isinstance(item, dict):
                    for role, branches in item.items():
                        for branch, texts in branches.items():
                            add(texts, branches, branch, file, f"{here}.{role}.{branch}")
                else:
                    walk(item, file, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, file, f"{path}[{index}]")

    for rule_id, rule_set in sorted(rules.danh_gia.items()):
        walk(rule_set, rules.files[rule_id], "")
    for rule_id, rule_set in sorted(rules.thi_dua.items()):
        walk(rule_set, rules.files[rule_id], "")
    for index, entry in enumerate(rules.unverified):
        walk(entry, rules.files["unverified"], f"entries[{index}]")
    for year, entry in sorted(rules.years.items()):
        walk(entry, rules.files["years"], f"years.{year}")
    return found
