"""One problem of a profile: the field path, what was found and what is allowed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a profile."""

    path: tuple[str | int, ...]
    found: str
    allowed: str

    @property
    def field(self) -> str:
        """Dotted path with list indexes: ``leave[1].months``."""
        return dotted(self.path)

    @property
    def message(self) -> str:
        return f"{self.field}: {self.found}; allowed: {self.allowed}"


def dotted(path: tuple[str | int, ...]) -> str:
    """``("leave", 1, "months")`` → ``leave[1].months``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(profile)"


def show(value: Any) -> str:
    """A found value as shown in messages."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (dict, list)):
        return "a " + ("mapping" if isinstance(value, dict) else "list")
    if value is None:
        return "nothing (null)"
    return str(value).lower() if isinstance(value, bool) else str(value)
