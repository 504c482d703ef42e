"""Fixtures for the local-layer tests: the project root and the bad-layer folder."""

from __future__ import annotations

import pytest

from .support import FIXTURES, ROOT


@pytest.fixture()
def fixture_layer():
    """Read a fixture layer (and its parents) from tests/layers/fixtures/."""
    from thidua.layers.loader import read_chain

    def read(layer_id: str):
        return read_chain(ROOT, layer_id, folder=FIXTURES)

    return read
