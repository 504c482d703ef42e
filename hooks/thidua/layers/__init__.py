"""Local layers: the Quy chế of a ministry, province, institution or unit as data (issue 13).

Layer files are ``data/layers/<id>.yaml`` (documented in ``data/layers/README.md``).
A layer names its parent (``tren``), its regulation page (``quy_che.so_hieu``, a page
of docs/van-ban/) and its rules; each rule cites its own clause (``can_cu``) and the
national clause it tightens (``siet_chat``). A layer can only tighten the law.

Public API (no mkdocs import):

* ``load_layer(root, layer_id) -> Layer`` — the resolved chain; raises ``UnknownLayer``
  (``.known``) or ``LayerError`` (``.errors``: every problem, file, line, key);
* ``list_layers(root) -> list[str]``;
* ``Layer.cstdcs_quota -> Quota | None`` (``ratio: Decimal``, ``rounding``, ``base``,
  ``cite``, ``tightens``, ``layer_name``, ``maximum(count)``), ``Layer.htxs_cap(role)``;
* ``Layer.profile_defaults(profile)`` (before the evaluator) and
  ``Layer.apply_to_result(profile, result, lang)`` (after it), or
  ``Layer.evaluate(profile, lang)`` for both around ``thidua.evaluator.evaluate``.
"""

from __future__ import annotations

from thidua.layers.loader import LayerError, UnknownLayer, list_layers, load_layer
from thidua.layers.model import Layer, Quota, Rule

__all__ = [
    "Layer",
    "LayerError",
    "Quota",
    "Rule",
    "UnknownLayer",
    "list_layers",
    "load_layer",
]
