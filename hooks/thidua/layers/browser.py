"""A layer as plain data for the self-evaluation page (issue 13, item 2).

``browser_data(layer, root)`` is what the page's ``layer.js`` needs to apply the layer
exactly as ``thidua.layers.apply`` does: names, staff groups, declared fields (with the
parts of a 30-point split), each rule with its clause in plain words ("Theo Quy chế …,
Điều 5 khoản 4"), and, per emulation rule set, the titles that need a withheld title in
the same year (``dependants``), so the browser needs no criteria walk of its own.
No mkdocs, no HTML: the adapter writes it as a script.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thidua.layers.apply import dependants
from thidua.layers.model import QUOTA_BASES, Layer
from thidua.yaml_lines import plain

WITHHOLDING = ("yeu_cau_danh_hieu", "chi_cho_nhom")


def browser_data(layer: Layer, root: Path | None = None) -> dict[str, Any]:
    """The layer as JSON-ready data (see the module docstring)."""
    from thidua.criteria import load_rules

    rules = load_rules(root)
    titles = sorted({r.params["danh_hieu"] for r in layer.rules if r.kind in WITHHOLDING})
    return {
        "id": layer.id,
        "name": dict(layer.name),
        "regulation": {
            "so_hieu": layer.regulation.so_hieu,
            "label": {lang: layer.regulation.label(lang) for lang in ("vi", "en")},
        },
        "groups": {code: dict(text) for code, text in layer.groups.items()},
        "fields": {
            name: {"kind": f.kind, "text": dict(f.text), "parts": dict(f.parts)}
            for name, f in layer.fields.items()
        },
        "rules": [
            {
                "id": rule.id,
                "kind": rule.kind,
                "layer": rule.layer_id,
                "cite": rule.cite,
                "tightens": rule.tightens,
                "text": dict(rule.text),
                "source": {lang: rule.source(lang) for lang in ("vi", "en")},
                "params": plain(dict(rule.params)),
                "unverified": list(rule.unverified),
            }
            for rule in layer.rules
        ],
        "bases": {base: dict(text) for base, text in QUOTA_BASES.items()},
        "dependants": {
            set_id: {title: dependants(set_id, title) for title in titles}
            for set_id in sorted(rules.thi_dua)
        },
    }
