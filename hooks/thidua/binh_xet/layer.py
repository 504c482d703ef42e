"""The local layer as plain data for the unit review (issue 14, item 3; issue 13).

``layer_data(layer)`` is what ``thidua unit --layer ID`` puts in the review's settings
and what the Bình xét page receives from the portal's ``thidua.yml`` (``lop_quy_che``):
the layer's names and its CSTĐCS quota (ratio as a decimal string, rounding, base, the
clause it comes from in plain words). Both sides apply it with exact arithmetic, so the
page and the command give the same maximum.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thidua.layers import Layer, load_layer


def layer_data(layer: Layer) -> dict[str, Any]:
    """The layer's names and CSTĐCS quota (or ``None``) as JSON-ready data."""
    quota = layer.cstdcs_quota
    out: dict[str, Any] = {
        "id": layer.id,
        "name": layer.name["vi"],
        "name_en": layer.name.get("en") or layer.name["vi"],
        "regulation": layer.regulation.label("vi"),
        "regulation_en": layer.regulation.label("en"),
        "quota": None,
    }
    if quota is None:
        return out
    rule = next(r for r in layer.rules if r.id == quota.rule_id and r.layer_id == quota.layer_id)
    out["quota"] = {
        "ratio": format(quota.ratio.normalize(), "f"),
        "rounding": quota.rounding,
        "base": quota.base,
        "cite": quota.cite,
        "tightens": quota.tightens,
        "source": rule.source("vi"),
        "source_en": rule.source("en"),
        "text": rule.text["vi"],
        "text_en": rule.text.get("en") or rule.text["vi"],
    }
    return out


def load(root: Path, layer_id: str | None) -> dict[str, Any] | None:
    """``layer_data`` of layer ``layer_id`` (``None`` or ``"none"``: national law only).

    Raises ``thidua.layers.UnknownLayer`` or ``LayerError`` as ``load_layer`` does.
    """
    if layer_id in (None, "", "none"):
        return None
    return layer_data(load_layer(root, layer_id))
