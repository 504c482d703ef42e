"""What the checklist pages say, as data: a words key and its values, worded at the edge.

The core names a sentence (``Said("classified", level=Code("levels", "HTT"))``) and
never holds its words: the adapter (``hooks/thidua_mkdocs/checklist_words.py``) looks
the key up in the ``checklist`` group of the words files (``hooks/thidua/words/``),
names codes from the labels data (``data/criteria/labels.yaml``) and writes dates and
percentages. Texts that come from the criteria data (a criterion's text, a rule set's
note) are already in the page's language and stay plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Said:
    """A sentence by its words key (``checklist.<key>``) and the values of its ``{names}``.

    ``after`` are said behind it, joined by ``sep`` (``"a, b"``), or in brackets
    (``"a (b, c)"``) when ``bracket`` is set.
    """

    key: str
    values: dict[str, Any] = field(default_factory=dict)
    after: tuple[Any, ...] = ()
    sep: str = ", "
    bracket: bool = False

    def __hash__(self) -> int:  # a key of the changes' scopes (diff.py); values are plain
        return hash((self.key, tuple(self.values.items()), self.after, self.sep, self.bracket))


def said(key: str, *after: Any, sep: str = ", ", bracket: bool = False, **values: Any) -> Said:
    """``Said`` written shortly: ``said("leave", months=2, kind=Code("profile", "om_dau"))``."""
    return Said(key, values, tuple(after), sep, bracket)


@dataclass(frozen=True)
class Code:
    """A code named for people.

    ``kind`` is a group of the labels data (``levels``, ``titles``, ``roles``,
    ``subjects``), ``level_with_code`` (a level's name followed by its code, once),
    ``profile`` (the words of a worked example's answers, ``checklist.profile_codes``),
    ``title_abbr`` (a title's short name on the ladder) or ``ladder_subject`` (what a
    collective title's threshold counts).
    """

    kind: str
    code: str


@dataclass(frozen=True)
class Date:
    """A date (ISO ``yyyy-mm-dd``), written dd/mm/yyyy in every language."""

    iso: str


@dataclass(frozen=True)
class Percent:
    """A ratio (0.1) written as a percentage (``10 %``, Vietnamese decimal comma)."""

    ratio: float


@dataclass(frozen=True)
class Joined:
    """Items said one after the other, separated by ``sep`` and followed by ``end``."""

    items: tuple[Any, ...]
    sep: str = ", "
    end: str = ""


__all__ = ["Code", "Date", "Joined", "Percent", "Said", "said"]
