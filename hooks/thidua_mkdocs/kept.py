"""Values the hooks make once and keep across language passes and ``serve`` rebuilds.

The ``hook_*.py`` modules are loaded again by MkDocs at every rebuild, so what they keep
lives here (imported once per process).
"""

from __future__ import annotations

from typing import Any


class Kept:
    """Values made from given inputs, kept while the same inputs come again.

    A build makes the generated pages and data twice (one pass per language) and
    ``mkdocs serve`` makes them again at every rebuild, although the criteria data, the
    words files and the templates rarely changed. ``get(slot, objects, stamp, make)``
    returns the value kept in ``slot`` when ``objects`` are the very objects it was made
    from (the cached rules, plan, layer: their loaders give a new object when a file
    changed) and ``stamp`` is equal (files' modification times), else ``make()``'s,
    which replaces it. The objects are held with the value, so that no id is reused
    while it is kept.
    """

    def __init__(self) -> None:
        self._slots: dict[Any, tuple[tuple[Any, ...], Any, Any]] = {}

    def get(self, slot: Any, objects: tuple[Any, ...], stamp: Any, make: Any) -> Any:
        """The value kept for ``slot`` if made from ``objects`` and ``stamp``, else ``make()``."""
        kept = self._slots.get(slot)
        if (
            kept is not None
            and len(kept[0]) == len(objects)
            and all(old is new for old, new in zip(kept[0], objects, strict=True))
            and kept[1] == stamp
        ):
            return kept[2]
        value = make()
        self._slots[slot] = (objects, stamp, value)
        return value

    def clear(self) -> None:
        """Forget every kept value (tests)."""
        self._slots.clear()


# The rendered checklist pages, by (project root, language) (``hooks/hook_checklist.py``).
CHECKLIST_PAGES = Kept()
