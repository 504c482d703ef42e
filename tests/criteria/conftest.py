"""Pytest plugin: each YAML case of data/cases/ becomes a test item.

The cases are collected next to ``test_case_suite.py`` (which holds the suite-wide
checks: number of cases, criterion coverage). A failing case prints its name, file,
expected and actual values — not a stack trace (``CaseItem.repr_failure``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


class CaseFailure(Exception):
    """Mismatches between a case's expected block and the evaluator's result."""


class CaseItem(pytest.Item):
    def __init__(self, *, case, **kwargs):
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        from thidua.criteria import load_rules
        from thidua.evaluator.cases import run_case

        failures = run_case(self.case, load_rules(ROOT))
        if failures:
            raise CaseFailure(failures)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CaseFailure):
            lines = [
                f"case {self.case.id} — {self.case.title}",
                f"  at {self.case.file}:{self.case.line}",
            ]
            lines += [f"  {failure}" for failure in excinfo.value.args[0]]
            return "\n".join(lines)
        return f"case {self.case.id} ({self.case.file}:{self.case.line}) raised {excinfo.value!r}"

    def reportinfo(self):
        return self.case.file, (self.case.line or 1) - 1, f"case {self.case.id}: {self.case.title}"


class CaseFileStructure(pytest.Item):
    """Fails when a case file itself is malformed (messages with file:line)."""

    def __init__(self, *, errors, **kwargs):
        super().__init__(**kwargs)
        self.errors = errors

    def runtest(self) -> None:
        if self.errors:
            raise CaseFailure([e.message for e in self.errors])

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CaseFailure):
            return "case files are malformed:\n" + "\n".join(excinfo.value.args[0])
        return repr(excinfo.value)

    def reportinfo(self):
        return "data/cases", None, "case file structure"


class CaseSuite(pytest.File):
    def collect(self):
        from thidua.evaluator.cases import load_cases

        cases, errors = load_cases(ROOT)
        yield CaseFileStructure.from_parent(self, name="case-files", errors=errors)
        for case in cases:
            name = f"{Path(case.file).stem}/{case.id}"
            yield CaseItem.from_parent(self, name=name, case=case)


def pytest_collect_file(parent, file_path: Path):
    if file_path.name == "test_case_suite.py" and file_path.parent == Path(__file__).parent:
        return CaseSuite.from_parent(parent, path=file_path)
    return None
