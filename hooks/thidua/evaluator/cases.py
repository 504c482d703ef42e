"""The YAML test cases in ``data/cases/`` (the style of the contract's examples.yaml).

A case file holds ``cases:``, each with ``id``, ``title``, ``evaluation_year``,
``subject``, ``inputs`` and ``expected`` (plus ``expected_if_flags``) — the contract's
vocabulary: ``classification`` (equal), ``eligible_titles`` (each included),
``not_eligible`` (each excluded), ``not_reached`` (each level listed),
``max_cstdcs``/``max_htxs`` (equal), ``result: MANUAL_REVIEW``, ``exit_status``.
Our own files may also say ``manual_review`` (equal), ``flags_used`` (each equal),
``rules`` (each rule-set id equal), ``manual_review_reasons_contain`` (texts found),
``unverified_basis`` (each included), ``explanation`` (criterion id → met, each equal)
and ``stderr_contains`` (text of a refusal). Other keys are prose for people.
``layer:`` (for the file or one case; ``none`` for no layer) runs the case with a local
layer around the evaluator (``thidua.layers``); a refused layer is exit status 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thidua.contract import FLAG_NAMES
from thidua.criteria import Rules, schema
from thidua.errors import ContentError
from thidua.evaluator import ProfileError, evaluate
from thidua.spec import read
from thidua.yaml_lines import LineDict, display_path, line_of, plain

CASES_DIR = ("data", "cases")
CHECKED = {
    "classification",
    "eligible_titles",
    "not_eligible",
    "not_reached",
    "max_cstdcs",
    "max_htxs",
    "result",
    "exit_status",
    "manual_review",
    "flags_used",
    "unverified_basis",
    "explanation",
    "stderr_contains",
    "rules",
    "manual_review_reasons_contain",
}


class _NullableInt(schema.Int):
    """A count, or null (no maximum could be computed)."""

    def ok(self, value) -> bool:
        return value is None or super().ok(value)


EXPECTED = schema.Map(
    {},
    {
        "classification": schema.Enum(("HTXS", "HTT", "HTNV", "KHTNV", "NOT_CLASSIFIED")),
        "eligible_titles": schema.ListOf(schema.Enum(schema.TITLES_ALL)),
        "not_eligible": schema.DictOf(schema.Enum(schema.TITLES_ALL), schema.Scalar()),
        "not_reached": schema.Spec(),
        "max_cstdcs": _NullableInt(0),
        "max_htxs": _NullableInt(0),
        "result": schema.Enum(("MANUAL_REVIEW",)),
        "exit_status": schema.Int(0, 2),
        "manual_review": schema.Bool(),
        "flags_used": schema.Spec(),
        "unverified_basis": schema.ListOf(schema.Str()),
        "explanation": schema.DictOf(schema.Str(), schema.Bool()),
        "stderr_contains": schema.ListOf(schema.Str(), 1),
        "rules": schema.Map({}, {"thi_dua": schema.Str(), "danh_gia": schema.Str()}),
        "manual_review_reasons_contain": schema.ListOf(schema.Str(), 1),
    },
)


class _Prose(schema.Map):
    """``expected`` accepts the checked keys above and any other key as prose."""

    def check(self, parent, key, value, path, ctx):
        if not isinstance(value, dict):
            ctx.error(parent, key, path, schema.found(value), "a mapping", None)
            return
        checked = _with_lines({k: v for k, v in value.items() if k in CHECKED}, value)
        EXPECTED.check(parent, key, checked, path, ctx)


def _with_lines(data: dict, source: Any):
    copy = LineDict(data)
    copy.line = getattr(source, "line", None)
    copy.lines = dict(getattr(source, "lines", {}))
    return copy


CASE = schema.Map(
    {
        "id": schema.Str(allowed="a case id such as C01"),
        "title": schema.Str(),
        "evaluation_year": schema.Int(1900, 2100),
        "subject": schema.Enum(("individual", "collective", "unit_quota")),
        "inputs": schema.Spec(),
        "expected": _Prose({}),
    },
    {
        "expected_if_flags": schema.Spec(),
        "decided_by": schema.Spec(),
        "confidence": schema.Enum(("confirmed", "derived", "unconfirmed")),
        "sources": schema.Spec(),
        "notes": schema.Spec(),
        "tags": schema.Spec(),
        "layer": schema.Str(allowed="none or a layer id of data/layers/ (thidua.layers)"),
    },
)
CASE_FILE = schema.Map(
    {"schema_version": schema.Int(1, 1), "cases": schema.ListOf(CASE, 1)},
    {
        "conventions": schema.Spec(),
        "default_flags": schema.Spec(),
        "rule_values": schema.Spec(),
        "layer": schema.Str(allowed="a layer id of data/layers/ for every case of the file"),
    },
)


@dataclass
class Case:
    """One case: where it is, its id, the profile it describes and what it expects."""

    file: str
    line: int | None
    id: str
    title: str
    data: dict
    layer: str | None = None

    def profile(self, flags: dict | None = None) -> dict:
        inputs = plain(self.data.get("inputs") or {})
        profile = {
            "evaluation_year": self.data["evaluation_year"],
            "subject": self.data["subject"],
            **inputs,
        }
        if flags:
            profile["flags"] = {**profile.get("flags", {}), **flags}
        return profile

    def variants(self) -> list[tuple[dict | None, dict]]:
        """(flags, expected) pairs: the default run, then each expected_if_flags."""
        runs: list[tuple[dict | None, dict]] = [(None, self.data["expected"])]
        alt = self.data.get("expected_if_flags")
        if isinstance(alt, dict):
            flags = {k: v for k, v in alt.items() if k in FLAG_NAMES}
            expected = {k: v for k, v in alt.items() if k not in FLAG_NAMES}
            runs.append((flags, expected))
        return runs


def load_cases(root: Path) -> tuple[list[Case], list[ContentError]]:
    """Every case of ``root/data/cases/*.yaml`` and every structural problem."""
    cases: list[Case] = []
    errors: list[ContentError] = []
    folder = root.joinpath(*CASES_DIR)
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        shown = display_path(path, root)
        data, problems = read(path, CASE_FILE, root=root)
        if problems:
            errors.extend(problems)
            continue
        for index, item in enumerate(data["cases"]):
            key = f"{item['id']}"
            if key in seen and seen[key] == shown:
                errors.append(
                    ContentError(
                        shown,
                        line_of(item, "id"),
                        f"cases[{index}].id",
                        f"found {key!r} twice",
                        "a unique id per file",
                    )
                )
            seen[key] = shown
            layer = item.get("layer", data.get("layer"))
            cases.append(
                Case(
                    shown,
                    line_of(data["cases"], index),
                    item["id"],
                    item["title"],
                    item,
                    None if layer in (None, "none") else layer,
                )
            )
    return cases, errors


def run_case(case: Case, rules: Rules) -> list[str]:
    """Run a case (each flag variant) under the loaded ``rules``; one message per
    mismatch (empty: passed)."""
    root = rules.root
    failures: list[str] = []
    for flags, expected in case.variants():
        label = f" with flags {flags}" if flags else ""
        try:
            if case.layer:
                from thidua.layers.cases import evaluate_case

                result = evaluate_case(root, case.layer, case.profile(flags))
            else:
                result = evaluate(case.profile(flags), rules)
            status, stderr = 0, ""
        except (ProfileError, ContentError) as error:  # ContentError: a layer refused
            result, status, stderr = None, 2, str(error)
        want_status = expected.get("exit_status", 0)
        if status != want_status:
            failures.append(
                f"exit_status{label}: expected {want_status}, actual {status}"
                + (f" ({stderr})" if stderr else "")
            )
            continue
        if result is None:
            for text in expected.get("stderr_contains", []):
                if text not in stderr:
                    failures.append(
                        f"stderr{label}: expected to contain {text!r}, actual {stderr!r}"
                    )
            continue
        failures += compare(expected, result, label)
    return failures


def compare(expected: dict, result: dict, label: str = "") -> list[str]:
    """Mismatches between a case's ``expected`` block and a result."""
    out: list[str] = []
    if "classification" in expected and result["classification"] != expected["classification"]:
        out.append(
            f"classification{label}: expected {expected['classification']}, "
            f"actual {result['classification']}"
        )
    for title in expected.get("eligible_titles") or []:
        if title not in result["eligible_titles"]:
            why = result["not_eligible"].get(title, {}).get("reason", "not considered")
            out.append(
                f"eligible_titles{label}: expected to include {title}, actual "
                f"{result['eligible_titles']} ({title}: {why})"
            )
    for title in expected.get("not_eligible") or {}:
        if title in result["eligible_titles"]:
            out.append(
                f"not_eligible{label}: expected {title} not eligible, actual eligible "
                f"{result['eligible_titles']}"
            )
    reached = expected.get("not_reached")
    if isinstance(reached, dict):
        for level in reached:
            if level not in result["not_reached"]:
                out.append(
                    f"not_reached{label}: expected {level} listed, actual "
                    f"{sorted(result['not_reached'])}"
                )
    for key in ("max_cstdcs", "max_htxs", "manual_review"):
        if key in expected and result[key] != expected[key]:
            out.append(f"{key}{label}: expected {expected[key]}, actual {result[key]}")
    if expected.get("result") == "MANUAL_REVIEW" and not result["manual_review"]:
        out.append(f"result{label}: expected MANUAL_REVIEW, actual manual_review false")
    for key, value in (expected.get("rules") or {}).items():
        if result["rules"].get(key) != value:
            out.append(f"rules.{key}{label}: expected {value}, actual {result['rules'].get(key)}")
    for text in expected.get("manual_review_reasons_contain") or []:
        if not any(text in reason for reason in result["manual_review_reasons"]):
            out.append(
                f"manual_review_reasons{label}: expected one containing {text!r}, actual "
                f"{result['manual_review_reasons']}"
            )
    for name, value in (expected.get("flags_used") or {}).items():
        if result["flags_used"].get(name, "(absent)") != value:
            out.append(
                f"flags_used.{name}{label}: expected {value}, actual "
                f"{result['flags_used'].get(name, '(absent)')}"
            )
    for basis in expected.get("unverified_basis") or []:
        if basis not in result["unverified_basis"]:
            out.append(
                f"unverified_basis{label}: expected to include {basis!r}, actual "
                f"{result['unverified_basis']}"
            )
    for cid, met in (expected.get("explanation") or {}).items():
        found = [e["met"] for e in result["explanation"] if e["criterion"] == cid]
        if not found:
            out.append(f"explanation.{cid}{label}: expected met={met}, actual not checked")
        elif any(value != met for value in found):
            out.append(f"explanation.{cid}{label}: expected met={met}, actual {found}")
    return out
