"""Several content errors raised at once, so that an editor sees every problem in one go.

Readers that collect all the problems of a file (with ``thidua.spec``) return them as a
list to ``thidua check`` and raise ``ContentErrors`` where only an exception can pass
(a build hook): it is a ``ContentError`` (the first problem) whose ``message`` holds
every problem, one after the other, each naming its file and line.
"""

from __future__ import annotations

from thidua.errors import ContentError


class ContentErrors(ContentError):
    """Every problem found; ``errors`` lists them (the first is this error's own fields)."""

    def __init__(self, errors: list[ContentError]) -> None:
        if not errors:
            raise ValueError("ContentErrors needs at least one error")
        self.errors = list(errors)  # set before the base class reads ``message``
        first = errors[0]
        super().__init__(
            first.file, first.line, first.field, first.found, first.allowed, first.example
        )

    @property
    def message(self) -> str:
        """Every problem's message, one after the other."""
        return "\n".join(error.message for error in self.errors)
