"""``lop_quy_che`` in thidua.yml must name a layer of data/layers/ (or none)."""

from __future__ import annotations

import pytest
from thidua import settings
from thidua.errors import ContentError

from .support import ROOT


def _write(tmp_path, value: str):
    text = (ROOT / settings.FILE).read_text(encoding="utf-8")
    lines = [
        f"lop_quy_che: {value}" if line.startswith("lop_quy_che:") else line
        for line in text.splitlines()
    ]
    path = tmp_path / settings.FILE
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, next(i for i, line in enumerate(lines, 1) if line.startswith("lop_quy_che:"))


def test_an_existing_layer_is_accepted(tmp_path) -> None:
    path, _ = _write(tmp_path, "hoc-vien-mau")
    assert settings.load(path, ROOT).lop_quy_che == "hoc-vien-mau"


def test_none_is_accepted(tmp_path) -> None:
    path, _ = _write(tmp_path, "none")
    assert settings.load(path, ROOT).lop_quy_che == "none"


def test_an_unknown_layer_is_refused_with_file_and_line(tmp_path) -> None:
    path, line = _write(tmp_path, "hoc-vien-khac")
    with pytest.raises(ContentError) as raised:
        settings.load(path, ROOT)
    error = raised.value
    assert (error.line, error.field) == (line, "lop_quy_che")
    assert "hoc-vien-khac" in error.found
    assert "hoc-vien-mau" in error.allowed and "none" in error.allowed
