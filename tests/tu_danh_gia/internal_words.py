"""The program words that must never reach a reader of the self-evaluation page, read
from the project's own data and code (nothing listed by hand but the value texts):

- criterion ids (``data/criteria/criteria.yaml``, every rule set, and every id the
  Python evaluator puts in the explanation of a case: ``quy-tac.danh-gia``) and any id
  shaped like one (``dg.…``, ``td.…``, the prefixes those use), rule-set ids
  (``nd-90-2020+nd-48-2023``) and their documents (``nd-90-2020``);
- the contract's codes (``thidua.contract.codes``) and the flags' choice values, except
  the abbreviations the glossary (``includes/abbreviations.md``) gives readers (HTXS,
  HTT, HTNV, KHTNV, CSTT are how the law itself writes them) and, on the English page,
  the codes that are plain English words (``high``, ``individual``);
- the profile's field names (every subject, maps expanded) and the flag names
  (``data/criteria/flags.yaml``): snake_case names and paths such as ``tasks.assigned``
  everywhere; one-word names (``role``, ``leave``) on the Vietnamese page, and on the
  English page when written as a program writes them (``subject: individual``);
- value texts of Python and JavaScript: None, True, False, null, undefined, NaN,
  Infinity, [object Object], 0x… addresses, "built-in method", a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from thidua.contract import COMMON, FIELDS_BY_SUBJECT, Field
from thidua.contract import codes as contract_codes
from thidua.criteria import load_rules
from thidua.evaluator import ProfileError, evaluate
from thidua.evaluator.cases import load_cases

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "includes" / "abbreviations.md"

# Codes that are ordinary English words: prose on the English page, a leak on the
# Vietnamese one.
ENGLISH_WORDS = frozenset(
    {"individual", "collective", "high", "normal", "low", "applied", "floor"}
)
VALUE_TEXTS = (
    r"\b(?:None|True|False|null|undefined|NaN|Infinity)\b",
    r"\[object \w+\]",
    r"\b0x[0-9a-fA-F]+\b",
    r"built-in method",
    r"<function\b",
    r"Traceback \(most recent call last\)",
)


@dataclass(frozen=True)
class Leak:
    """One program word found in the page's text, with the words around it."""

    kind: str
    word: str
    context: str

    def __str__(self) -> str:
        return f"{self.kind} {self.word!r} in “…{self.context}…”"


def _field_names() -> set[str]:
    names: set[str] = set()

    def walk(fields: dict[str, Field]) -> None:
        for name, spec in fields.items():
            names.add(name)
            kind = spec.kind
            while kind is not None:
                if kind.fields:
                    walk(kind.fields)
                kind = kind.item

    walk(COMMON)
    for fields in FIELDS_BY_SUBJECT.values():
        walk(fields)
    return names


def _codes() -> set[str]:
    found: set[str] = set()
    for name in dir(contract_codes):
        value = getattr(contract_codes, name)
        if name.isupper() and isinstance(value, tuple):
            found.update(v for v in value if isinstance(v, str))
    return found


def _glossary() -> set[str]:
    """The abbreviations the glossary explains to readers (``*[HTXS]: …``)."""
    text = GLOSSARY.read_text(encoding="utf-8")
    return set(re.findall(r"^\*\[([^\]]+)\]:", text, flags=re.MULTILINE))


def _alternation(words: set[str]) -> str:
    # Longest first, so that "dg.nghi.co-thai-san" wins over a shorter id it starts with.
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=2)
def patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) pairs for a page in ``lang`` (``vi`` or ``en``)."""
    rules = load_rules(ROOT)
    criteria = set(rules.criteria)
    for sets in (rules.danh_gia, rules.thi_dua):
        for rule_set in sets.values():
            _collect_criteria(rule_set, criteria)
    criteria |= _explained(rules)
    prefixes = {c.split(".", 1)[0] for c in criteria if "." in c}
    rule_sets = set(rules.danh_gia) | set(rules.thi_dua)
    rule_sets |= {part for r in rule_sets for part in r.split("+")}
    flag_values = {
        v for spec in rules.flags.values() for v in spec.get("values", ()) if isinstance(v, str)
    }
    codes = (_codes() | flag_values) - _glossary()
    if lang == "en":
        codes -= ENGLISH_WORDS
    fields = _field_names()
    flags = set(rules.flags)
    snake = {w for w in fields | flags if "_" in w}
    single = fields - snake
    field_start = _alternation(fields)
    found = [
        ("criterion id", rf"(?<![\w.-])(?:{_alternation(criteria)})(?![\w-])"),
        ("criterion id", rf"(?<![\w.-])(?:{_alternation(prefixes)})\.[a-z0-9]"),
        ("rule-set id", rf"(?<![\w.-])(?:{_alternation(rule_sets)})(?![\w-])"),
        ("code", rf"(?<![\w.-])(?:{_alternation(codes)})(?![\w-])"),
        ("field path", rf"(?<![\w.-])(?:{field_start})(?:\.\w+|\[\d+\])+"),
        ("field or flag name", rf"(?<![\w.-])(?:{_alternation(snake)})(?![\w-])"),
    ]
    if lang == "vi":
        found.append(("field name", rf"(?<![\w.-])(?:{_alternation(single)})(?![\w-])"))
    else:
        # English words too: a leak only as a program writes it ("subject: individual",
        # "leader = true"), not in a label ("Tasks assigned: 20", "worked in the year = 5").
        values = _alternation(_codes() | flag_values | {"true", "false"})
        found.append(
            (
                "field name",
                rf"(?<![\w.-])(?<![A-Za-z] )(?:{_alternation(single)})"
                rf"(?:\s*=|:\s*(?:{values})(?![\w-]))",
            )
        )
    found += [("program value", v) for v in VALUE_TEXTS]
    return tuple((kind, re.compile(p)) for kind, p in found)


def _explained(rules) -> set[str]:
    """Every criterion id the Python evaluator explains for the cases (national rules)."""
    found: set[str] = set()
    cases, _errors = load_cases(ROOT)
    for case in cases:
        for flags, _expected in case.variants():
            try:
                result = evaluate(case.profile(flags), rules)
            except ProfileError:
                continue
            found.update(item["criterion"] for item in result.get("explanation", []))
    return found


def _collect_criteria(value, out: set[str]) -> None:
    """Every ``criterion:`` id a rule set names (some are defined inside the set)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "criterion" and isinstance(item, str):
                out.add(item)
            _collect_criteria(item, out)
    elif isinstance(value, list):
        for item in value:
            _collect_criteria(item, out)


def leaks(text: str, lang: str) -> list[Leak]:
    """Every program word in ``text`` (a page's visible text in ``lang``)."""
    found: list[Leak] = []
    taken: set[int] = set()  # a word found by one pattern is not reported again
    for kind, pattern in patterns(lang):
        for match in pattern.finditer(text):
            start, end = match.span()
            if start in taken:
                continue
            taken.update(range(start, end))
            context = " ".join(text[max(0, start - 50) : end + 50].split())
            found.append(Leak(kind, match.group(0), context))
    return found
