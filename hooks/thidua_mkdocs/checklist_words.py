"""The checklist pages' sentences worded: the edge of ``thidua.checklist.said``.

The core returns what a page says as data (``Said``: a words key and values; ``Code``,
``Date``, ``Percent``, ``Joined``); ``Wording(lang, labels)`` turns it into text:

- ``Said`` → ``checklist.<key>`` of the words files (``thidua.words``), each ``{name}``
  filled with its value worded, then what is said after it;
- ``Code`` → the code's name in the labels data (``data/criteria/labels.yaml``), or in
  the words files for a worked example's answers (``checklist.profile_codes``) and the
  ladder's short names (``checklist.title_abbr``, ``checklist.ladder_subject``);
- ``Date`` → dd/mm/yyyy; ``Percent`` → ``10 %`` (``12,5 %`` in Vietnamese);
- a plain string (a text of the criteria data, already in the page's language) as is.

The checklist templates get ``said`` (``Wording.__call__``) beside ``t``.
"""

from __future__ import annotations

from typing import Any

from thidua import words
from thidua.checklist.said import Code, Date, Joined, Percent, Said

# Code kinds named by the words files: kind → (group of ``checklist``, labels group to
# fall back on, or None for the code itself).
_OWN_WORDS: dict[str, tuple[str, str | None]] = {
    "profile": ("profile_codes", None),
    "title_abbr": ("title_abbr", "titles"),
    "ladder_subject": ("ladder_subject", None),
}


class Wording:
    """Words ``Said`` values for one page language with the labels data."""

    def __init__(self, lang: str, labels: dict[str, dict]) -> None:
        self.lang = words.language(lang)
        self.labels = labels

    def __call__(self, value: Any) -> str:
        """``value`` as text for people."""
        if isinstance(value, Said):
            return self._said(value)
        if isinstance(value, Code):
            return self._code(value)
        if isinstance(value, Date):
            iso = value.iso
            if len(iso) == 10 and iso[4] == "-" and iso[7] == "-":
                return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
            return iso
        if isinstance(value, Percent):
            shown = f"{float(value.ratio) * 100:g} %"
            return shown if self.lang == "en" else shown.replace(".", ",")
        if isinstance(value, Joined):
            return value.sep.join(self(item) for item in value.items) + value.end
        return "" if value is None else str(value)

    def _said(self, value: Said) -> str:
        values = {name: self(item) for name, item in value.values.items()}
        text = words.text(self.lang, f"checklist.{value.key}", **values)
        if not value.after:
            return text
        after = value.sep.join(self(item) for item in value.after)
        return f"{text} ({after})" if value.bracket else f"{text}{value.sep}{after}"

    def _code(self, value: Code) -> str:
        own = _OWN_WORDS.get(value.kind)
        if own is not None:
            found = words.group(self.lang, f"checklist.{own[0]}").get(value.code)
            if found is not None:
                return found
            if own[1] is None:
                return value.code
        group = own[1] if own else "levels" if value.kind == "level_with_code" else value.kind
        pair = self.labels.get(group, {}).get(value.code)
        name = (pair.get(self.lang) or pair.get("vi")) if pair else None
        if name is None:
            return value.code
        if value.kind == "level_with_code" and f"({value.code})" not in name:
            return f"{name} ({value.code})"
        return name
