"""Errors about content that an editor must fix.

Every message names the file, the line and the field, what was found and what is
allowed — the shape of mkdocs-static-i18n's option errors — so the build and
``thidua check`` can print it as it is, never a traceback.
"""

from __future__ import annotations


class ContentError(Exception):
    """A problem in a content file (Markdown, YAML, front matter)."""

    def __init__(
        self,
        file: str,
        line: int | None,
        field: str,
        found: str,
        allowed: str,
        example: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.field = field
        self.found = found
        self.allowed = allowed
        self.example = example
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One line (plus an example line when given) for the editor."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.field}: {self.found}; allowed: {self.allowed}"
        if self.example:
            text += f"\n    example: {self.example}"
        return text

    def __str__(self) -> str:
        return self.message
