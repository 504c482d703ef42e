"""``thidua check`` reports the problems of the layers in data/layers/."""

from __future__ import annotations

import shutil

from thidua.commands.check import check_layers

from .support import FIXTURES, ROOT


def _root_with(tmp_path, *fixtures: str):
    """A project root sharing the real criteria data and documents, with these layers."""
    (tmp_path / "data" / "layers").mkdir(parents=True)
    (tmp_path / "data" / "criteria").symlink_to(ROOT / "data" / "criteria")
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    for name in fixtures:
        shutil.copy(FIXTURES / f"{name}.yaml", tmp_path / "data" / "layers" / f"{name}.yaml")
    return tmp_path


def test_the_sample_layer_has_no_problem() -> None:
    assert check_layers(ROOT) == []


def test_a_broken_layer_is_reported_with_its_file_and_line(tmp_path) -> None:
    root = _root_with(tmp_path, "dieu-khoan-la", "bo-mau")
    errors = check_layers(root)
    assert [(e.file, e.line, e.field) for e in errors] == [
        ("data/layers/dieu-khoan-la.yaml", 15, "quy_tac[0].can_cu"),
        ("data/layers/dieu-khoan-la.yaml", 16, "quy_tac[0].siet_chat"),
    ]
