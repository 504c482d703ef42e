"""One member row → the contract's individual profile, and the evaluator that reads it.

``profile_of`` mirrors ``profileOf`` of overrides/assets/js/binh-xet/unit.js; a layer's
own columns (``lop:<field>``) become the layer's profile fields (``nhom``,
``bai_bao_khoa_hoc``…) that ``Layer.evaluate`` takes out again before the national
evaluator runs. ``evaluator(layer, lang)`` is the one function every member, cap and
"if rated HTT" re-evaluation goes through.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from thidua.criteria import load_rules
from thidua.evaluator import evaluate

LAYER_PREFIX = "lop:"  # thidua.binh_xet.layer.PREFIX: a layer field's column key
Evaluate = Callable[[dict], dict]


def evaluator(layer: Any = None, lang: str = "vi") -> Evaluate:
    """profile → result: the national evaluator, wrapped by ``layer`` when one is given."""
    if layer is not None:
        return lambda profile: layer.evaluate(profile, lang)
    return lambda profile: evaluate(profile, load_rules(), lang=lang)


def profile_of(member: dict[str, Any], year: int) -> dict[str, Any]:
    """The contract profile (individual) of one member row."""
    if member.get("profile"):
        return member["profile"]
    profile: dict[str, Any] = {
        "evaluation_year": year,
        "subject": "individual",
        "role": member["role"],
        "leader": bool(member["leader"]),
    }
    if member["level"] is not None:
        profile["classification_input"] = member["level"]
    else:
        profile["score_total"] = member["score"]
    if member["months"] is not None:
        profile["months_worked"] = member["months"]
    if member["recruited"] is not None:
        profile["recruited_on"] = member["recruited"]
    if member["spirit"] is not None:
        profile["emulation_spirit"] = member["spirit"]
    if member["discipline"] is not None:
        profile["discipline"] = [
            {
                "system": "hanh_chinh",
                "form": member["discipline"],
                "decided_on": f"{year}-12-31",
                "violation_year": year,
            }
        ]
    if member["initiative"] is not None:
        profile["initiatives"] = [
            {
                "kind": "sang_kien",
                "year": year,
                "recognised_at": member["initiative"],
                "applied": True,
            }
        ]
    if member["chain"]:
        profile["prior_titles"] = {
            str(year - k): ["LDTT", "CSTDCS"] for k in range(1, member["chain"] + 1)
        }
    for key, value in member.items():  # the layer's own fields (staff group, counts)
        if key.startswith(LAYER_PREFIX) and value is not None:
            profile[key[len(LAYER_PREFIX):]] = value
    return profile


def layer_fields(profile: dict[str, Any], settings: dict) -> dict[str, Any]:
    """The layer's own fields of a profile (shown beside the member), by field name."""
    names = [c["field"] for c in (settings.get("layer") or {}).get("columns", [])]
    return {name: profile[name] for name in names if name in profile}
