"""Command-line helpers for ``--layer ID`` (``thidua evaluate``, ``thidua unit``)."""

from __future__ import annotations

import sys
from pathlib import Path

from thidua.layers.loader import LayerError, UnknownLayer, load_layer
from thidua.layers.model import Layer

# The refusal of an unknown ``--layer``, in the command's language (``--lang``).
_NO_SUCH_LAYER = {
    "vi": "--layer {layer}: không có lớp quy chế này; các lớp hiện có: {known}",
    "en": "--layer {layer}: there is no such local layer; the layers there are: {known}",
}
_NO_LAYER_YET = {"vi": "(chưa có lớp nào)", "en": "(none yet)"}


def load_for_cli(layer_id: str, lang: str = "vi", root: Path | None = None) -> Layer | None:
    """The layer, or None after printing why on stderr (the caller exits 2).

    An unknown id prints the list of layers, in ``lang`` (the command's ``--lang``); a
    broken layer prints every problem (file, line, key).
    """
    from thidua.criteria import PROJECT_ROOT

    lang = "en" if lang == "en" else "vi"
    try:
        return load_layer(root or PROJECT_ROOT, layer_id)
    except UnknownLayer as error:
        known = ", ".join(error.known) or _NO_LAYER_YET[lang]
        print(_NO_SUCH_LAYER[lang].format(layer=layer_id, known=known), file=sys.stderr)
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
