"""The evaluator's details and reasons in words: one template per kind of part.

The operations (``ops``) and the engine say what they found as parts, small mappings
``{"k": key, name: value, …}`` of plain data (codes, numbers in the contract's format,
ISO dates, lists of codes or of parts). ``Wording.say`` fills the template
``labels.messages[key][lang]`` (``data/criteria/labels.yaml``), naming each value by
what its name says it is: a level, a title, a form of discipline, a date, a number…
The page's evaluator (``profile.js``, ``words``) does the same with the same published
templates and the same tables of names (``thidua.contract.parts``, published as
``contract.parts``), so both give the same text, and no code, field path or program
value reaches a reader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from thidua.contract.parts import CODE_GROUPS, CODES, NUMBERS, VALUE_GROUPS

if TYPE_CHECKING:
    from thidua.criteria import Rules


class Wording:
    """The parts of one evaluation in one language."""

    def __init__(
        self, rules: Rules, lang: str, criterion: Callable[[str], str] | None = None
    ) -> None:
        self.labels = rules.labels
        self.flags = rules.flags
        self.lang = lang
        # A criterion's text with its detail (the evaluation's own, for a reason's parts).
        self.criterion_words = criterion or (lambda cid: cid)

    def message(self, key: str) -> str:
        return self.labels["messages"][key][self.lang]

    def say(self, part: dict[str, Any]) -> str:
        """A part in words: its template with each value named."""
        values = {name: self.value(name, value) for name, value in part.items() if name != "k"}
        return self.message(part["k"]).format_map(values)

    def parts(self, parts: list[dict[str, Any]]) -> str:
        return "; ".join(self.say(part) for part in parts)

    def criterion(self, text: str, detail: list[dict[str, Any]]) -> str:
        """A criterion's own text, then (after " — ") its detail in words."""
        said = self.parts(detail)
        return f"{text} — {said}" if said else text

    def value(self, name: str, value: Any) -> str:
        """One value of a part in words, by its name."""
        if name in ("items", "parts"):
            return self.parts(value)
        if isinstance(value, list):
            return ", ".join(self.value(name, item) for item in value) or self.message("none")
        if value is None:
            return "—"
        if name == "criterion":
            return self.criterion_words(value)
        if name == "fields":
            return self.message(f"field_{value}")
        if name in VALUE_GROUPS:
            return self.labels[VALUE_GROUPS[name]][value][self.lang]
        if name in NUMBERS:
            return self.number(str(value))
        if name == "date":
            return self.message("date").format(year=value[:4], month=value[5:7], day=value[8:10])
        if name == "cmp":
            return self.message(f"cmp_{value}")
        if name == "flag":
            return self.flags[value]["text"][self.lang]
        if name in CODES:
            return self.code(value)
        return str(value)

    def number(self, text: str) -> str:
        """A number of the contract's format as the language writes it (``49,5``)."""
        return text.replace(".", ",") if self.lang == "vi" else text

    def code(self, value: Any) -> str:
        """A value a profile answered: yes or no, a level, title or answer code, a number."""
        if isinstance(value, bool):
            return self.message("word_yes" if value else "word_no")
        text = str(value)
        if f"value_{text}" in self.labels["messages"]:
            return self.message(f"value_{text}")
        for group in CODE_GROUPS:
            if text in self.labels[group]:
                return self.labels[group][text][self.lang]
        return self.number(text)
