"""Command-line helpers for ``--layer ID`` (``thidua evaluate``, ``thidua unit``)."""

from __future__ import annotations

import sys
from pathlib import Path

from thidua.layers.loader import LayerError, UnknownLayer, load_layer
from thidua.layers.model import Layer


def load_for_cli(layer_id: str, root: Path | None = None) -> Layer | None:
    """The layer, or None after printing why on stderr (the caller exits 2).

    An unknown id prints the list of layers; a broken layer prints every problem.
    """
    from thidua.criteria import PROJECT_ROOT

    try:
        return load_layer(root or PROJECT_ROOT, layer_id)
    except UnknownLayer as error:
        known = ", ".join(error.known) or "(chưa có lớp nào / none yet)"
        print(
            f"--layer {layer_id}: không có lớp quy chế này (no such layer); "
            f"các lớp hiện có (layers): {known}",
            file=sys.stderr,
        )
    except LayerError as error:
        for item in error.errors:
            print(item.message, file=sys.stderr)
    return None


def layer_line(layer: Layer, lang: str = "vi") -> str:
    """One line naming the layer applied, for the text output."""
    regulation = layer.regulation.label(lang)
    if lang == "en":
        return f"Local layer: {layer.name['en']} — {regulation}"
    return f"Lớp quy chế: {layer.name['vi']} — {regulation}"
