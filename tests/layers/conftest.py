"""Fixtures for the local-layer tests: the project root and the bad-layer folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture()
def fixture_layer():
    """Read a fixture layer (and its parents) from tests/layers/fixtures/."""
    from thidua.layers.loader import read_chain

    def read(layer_id: str):
        return read_chain(ROOT, layer_id, folder=FIXTURES)

    return read
