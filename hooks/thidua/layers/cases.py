"""Running a YAML case with a layer (``layer:`` in a case file of data/cases/).

``layer: hoc-vien-mau`` names a layer of data/layers/; a path with a ``/``
(``tests/layers/fixtures/noi-long-tran-htxs``, without .yaml) names a layer file
elsewhere, so that a case can show a loosening layer being refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thidua.layers.loader import load_layer, read_chain

NO_LAYER = "none"


def case_layer(root: Path, ref: str):
    """The layer a case names (raises ``LayerError`` when it is refused)."""
    if "/" in ref:
        path = Path(root) / ref
        return read_chain(Path(root), path.name, folder=path.parent)
    return load_layer(Path(root), ref)


def evaluate_case(root: Path | None, ref: str, profile: Any, lang: str = "vi") -> dict:
    """The result of ``profile`` under the national rules and the layer ``ref``."""
    from thidua.criteria import PROJECT_ROOT

    return case_layer(root or PROJECT_ROOT, ref).evaluate(profile, lang=lang, root=root)
