"""Worked examples ("Ví dụ minh họa") taken from the YAML test cases in ``data/cases``.

For a title under a rule set: the cases of the years those rules cover whose
``expected`` names the title (eligible, then not eligible). For a role under an
evaluation rule set: the cases of that role and years that compute a classification.
Each chosen case is run through the evaluator; a case that fails stops the build
(``ContentError`` naming the file and the case). The profile is told in words and the
answer names the checklist lines not met: no case id, file, field name, program value
or ISO date reaches the page (dates dd/mm/yyyy, the page's language only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thidua.checklist.describe import describe
from thidua.checklist.said import Code, Joined, Said, said
from thidua.content_errors import ContentErrors
from thidua.errors import ContentError

if TYPE_CHECKING:
    from thidua.criteria import Rules
    from thidua.evaluator.cases import Case

PER_BLOCK = 2


class CasesError(ContentErrors):
    """The case files have problems; ``errors`` lists every one, ``message`` all of them."""


def load_cases(root: Path) -> list[Case]:
    """The cases of ``data/cases`` that run under the national law, for the examples.

    Read by the same line-aware reader and schema as ``thidua check``
    (``thidua.evaluator.cases.load_cases``: ``thidua.yaml_lines`` and ``thidua.spec``);
    a broken file stops the build with ``CasesError`` naming every problem, each with
    its file and line. The checklists show the national law: cases run with an
    institution's layer (a file's or a case's ``layer:``) are left out, except those
    marked ``layer: none``.
    """
    from thidua.evaluator.cases import load_cases as read_cases

    cases, errors = read_cases(root)
    if errors:
        raise CasesError(errors)
    return [case for case in cases if case.layer is None]


@dataclass
class Example:
    """One worked example: its profile and the evaluator's answer, as sentences to word
    (``thidua.checklist.said``; the adapter words them for the page).

    ``case_id`` and ``file`` say where it comes from (for errors and tests, never shown)."""

    case_id: str
    file: str
    title: str
    profile: list[Any]
    answer: Said
    details: list[Said] = field(default_factory=list)


def unmet(reason: str, texts: list[str]) -> list[str]:
    """The checklist lines (``texts``) that the evaluator's ``reason`` names as not met,
    in checklist order; without a match, the reason's lines without their program detail
    (what follows " — ")."""
    found = [t for t in dict.fromkeys(texts) if t and t in reason]
    if found:
        return found
    body = reason.split(":", 1)[1] if ":" in reason else reason
    return [part.split(" — ", 1)[0].strip() for part in body.split(";") if " — " in part] or [
        body.split(" — ", 1)[0].strip()
    ]


def _expected(case: Case) -> dict:
    return case.data.get("expected") or {}


def _runs_clean(case: Case) -> bool:
    return _expected(case).get("exit_status", 0) == 0 and "stderr_contains" not in _expected(case)


def title_cases(rules: Rules, cases: list[Case], rule_id: str, code: str) -> list[Case]:
    """Cases that illustrate title ``code`` under emulation rules ``rule_id``."""
    eligible: list[Case] = []
    not_eligible: list[Case] = []
    for case in cases:
        year = case.data["evaluation_year"]
        if year not in rules.years or rules.years[year]["thi_dua"] != rule_id:
            continue
        if case.data["subject"] == "unit_quota" or not _runs_clean(case):
            continue
        expected = _expected(case)
        if code in (expected.get("eligible_titles") or []):
            eligible.append(case)
        elif code in (expected.get("not_eligible") or {}):
            not_eligible.append(case)
    return _interleave(eligible, not_eligible)[:PER_BLOCK]


def role_cases(rules: Rules, cases: list[Case], rule_id: str, role: str) -> list[Case]:
    """Cases that illustrate the classification of ``role`` under ``rule_id``."""
    chosen: list[Case] = []
    seen: set[str] = set()
    for case in cases:
        year = case.data["evaluation_year"]
        inputs = case.data.get("inputs") or {}
        if case.data["subject"] != "individual" or inputs.get("role") != role:
            continue
        if year not in rules.years or rules.years[year]["danh_gia"].get(role) != rule_id:
            continue
        level = _expected(case).get("classification")
        if not level or "classification_input" in inputs or not _runs_clean(case):
            continue
        if level in seen:
            continue
        seen.add(level)
        chosen.append(case)
    return chosen[:PER_BLOCK]


def _interleave(first: list, second: list) -> list:
    out: list = []
    for index in range(max(len(first), len(second))):
        out += first[index : index + 1] + second[index : index + 1]
    return out


def verify(case: Case, root: Path, result: dict) -> None:
    """Check ``case`` against the evaluator (``result``: its default run, already
    computed for the page; the flag variants are run here); raise ``ContentError``
    naming its file and id when it fails."""
    from thidua.criteria import load_rules
    from thidua.evaluator import evaluate
    from thidua.evaluator.cases import compare

    failures = compare(case.data["expected"], result)
    for flags, expected in case.variants()[1:]:
        label = f" with flags {flags}"
        failures += compare(expected, evaluate(case.profile(flags), load_rules(root)), label)
    if failures:
        raise ContentError(
            case.file,
            case.line,
            f"case {case.id}",
            "a worked example whose case fails: " + "; ".join(failures),
            "a case that passes against the criteria data (fix the case or the data)",
        )


def title_example(
    rules: Rules, case: Case, code: str, lang: str, result: dict, texts: list[str]
) -> Example:
    """The worked example of ``case`` for title ``code`` (``result``: its evaluation;
    ``texts``: the lines of the checklist it illustrates)."""
    title = Code("titles", code)
    if code in result["eligible_titles"]:
        answer = said("eligible", title=title)
    else:
        reason = result["not_eligible"].get(code, {}).get("reason", "")
        answer = said(
            "not_eligible", title=title, reason=Joined(tuple(unmet(reason, texts)), "; ", ".")
        )
    details: list[Said] = []
    if result.get("classification"):
        details.append(said("classified", level=Code("levels", result["classification"])))
    return Example(case.id, case.file, case.title, describe(case, rules, lang), answer, details)


def role_example(rules: Rules, case: Case, lang: str, result: dict, texts: list[str]) -> Example:
    """The worked example of ``case`` for a classification checklist (``texts``: the
    lines of the checklist it illustrates)."""
    answer = said("classified", level=Code("level_with_code", result["classification"]))
    details = [
        said(
            "not_reached",
            level=Code("level_with_code", code),
            reason=Joined(tuple(unmet(item["reason"], texts)), "; "),
        )
        for code, item in list(result["not_reached"].items())[:1]
    ]
    return Example(case.id, case.file, case.title, describe(case, rules, lang), answer, details)


__all__ = [
    "PER_BLOCK",
    "CasesError",
    "Example",
    "describe",
    "load_cases",
    "role_cases",
    "role_example",
    "title_cases",
    "title_example",
    "unmet",
    "verify",
]
