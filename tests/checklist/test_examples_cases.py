"""The cases behind the worked examples are read as ``thidua check`` reads them.

``thidua.checklist.examples.load_cases`` uses the line-aware loader and the project's
spec validator (through ``thidua.evaluator.cases``): every problem of every file is
reported with its line, and the cases run with an institution's layer are left out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from thidua.checklist import examples
from thidua.evaluator.cases import load_cases as read_cases
from thidua_testing import ROOT

GOOD = """schema_version: 1
cases:
  - id: A01
    title: Một ca
    evaluation_year: 2026
    subject: individual
    inputs: {}
    expected: {classification: HTT}

  - id: A02
    title: Ca chạy với lớp quy chế
    layer: hoc-vien-mau
    evaluation_year: 2026
    subject: individual
    inputs: {}
    expected: {classification: HTT}
"""

# Three mistakes, on lines 5, 11 and 14.
BAD = """schema_version: 1
cases:
  - id: B01
    title: Năm viết bằng chữ
    evaluation_year: hai nghìn
    subject: individual
    inputs: {}
    expected: {classification: HTT}
  - id: B02
    title: Đối tượng lạ
    subject: person
    evaluation_year: 2026
    inputs: {}
    expected: {classification: TOT}
"""


def _root(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "data" / "cases"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_layered_cases_are_left_out(tmp_path):
    cases = examples.load_cases(_root(tmp_path, good=GOOD))
    assert [(c.id, c.line) for c in cases] == [("A01", 3)]


def test_every_problem_of_every_file_with_its_line(tmp_path):
    root = _root(tmp_path, bad=BAD, good=GOOD)
    with pytest.raises(examples.CasesError) as caught:
        examples.load_cases(root)
    found = [(e.file, e.line, e.field) for e in caught.value.errors]
    assert found == [
        ("data/cases/bad.yaml", 5, "cases[0].evaluation_year"),
        ("data/cases/bad.yaml", 11, "cases[1].subject"),
        ("data/cases/bad.yaml", 14, "cases[1].expected.classification"),
    ]
    lines = caught.value.message.splitlines()
    assert lines[0].startswith("data/cases/bad.yaml:5: cases[0].evaluation_year: found 'hai")
    assert sum(line.startswith("data/cases/bad.yaml:") for line in lines) == 3


def test_the_real_cases_and_their_lines():
    """The same cases as the full reader, each at its ``- id:`` line (not a blank before)."""
    cases = examples.load_cases(ROOT)
    full, errors = read_cases(ROOT)
    assert errors == []
    assert [c.id for c in cases] == [c.id for c in full if c.layer is None]
    for case in cases[:40]:
        text = (ROOT / case.file).read_text(encoding="utf-8").splitlines()
        assert text[case.line - 1].lstrip().startswith("- id:"), (case.file, case.line)
