"""Command-line helpers for ``--layer ID`` (``thidua evaluate``, ``thidua unit``)."""

from __future__ import annotations

import sys
from pathlib import Path

from thidua import words
from thidua.layers.loader import LayerError, UnknownLayer, load_layer
from thidua.layers.model import Layer


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
        known = ", ".join(error.known) or words.text(lang, "layers_cli.no_layer_yet")
        print(
            words.text(lang, "layers_cli.no_such_layer", layer=layer_id, known=known),
            file=sys.stderr,
        )
    except LayerError as error:
        for item in error.errors:
            print(item.message, file=sys.stderr)
    return None


def layer_line(layer: Layer, lang: str = "vi") -> str:
    """One line naming the layer applied, for the text output."""
    lang = "en" if lang == "en" else "vi"
    return words.text(
        lang,
        "layers_cli.layer_line",
        name=layer.name[lang],
        regulation=layer.regulation.label(lang),
    )
