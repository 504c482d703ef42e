"""Paths shared by the local-layer tests (imported as ``.support``: a bare
``from conftest import`` picks whichever conftest a whole run imported first)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
