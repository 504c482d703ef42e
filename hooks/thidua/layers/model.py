"""The objects of a local layer (issue 13): plain data, no loading, no mkdocs.

A layer is the Quy chế of a ministry, province, institution or unit, written as data
above the national rules. ``Layer`` is one resolved chain (the layer and its parents,
nearest first); each ``Rule`` cites its clause in its own regulation (``cite``) and the
national clause it tightens (``tightens``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from thidua.contract import rounded

ROUNDINGS = ("floor", "ceil", "round_half_up")
LEVELS = ("bo_nganh_tinh", "co_quan", "don_vi")
FIELD_KINDS = ("nhom", "so_dem", "diem_thanh_phan")
QUOTA_BASES = {
    "members_ldtt": {
        "vi": "số thành viên của đơn vị được công nhận \"Lao động tiên tiến\"",
        "en": "the unit's members recognised as \"Lao động tiên tiến\"",
    },
}


@dataclass(frozen=True)
class Regulation:
    """The layer's own regulation page (a văn bản page of docs/van-ban/)."""

    so_hieu: str
    name: dict[str, str]

    def label(self, lang: str = "vi") -> str:
        """"Quy chế … (15/QĐ-HVM)" in plain words."""
        return f"{self.name.get(lang) or self.name['vi']} ({self.so_hieu})"


@dataclass(frozen=True)
class Quota:
    """A quota set by a layer: at most ``ratio`` × base, rounded with ``rounding``."""

    ratio: Decimal
    rounding: str
    base: str
    cite: str
    tightens: str
    layer_name: str
    layer_id: str = ""
    rule_id: str = ""

    def maximum(self, count: int) -> int:
        """The most that may be proposed when ``count`` members form the base."""
        return rounded(Fraction(self.ratio) * count, self.rounding)

    def base_text(self, lang: str = "vi") -> str:
        """What the base counts, in plain words."""
        return QUOTA_BASES.get(self.base, {}).get(lang, self.base)



@dataclass(frozen=True)
class Rule:
    """One rule of a layer. ``params`` holds the kind's own keys (validated)."""

    id: str
    kind: str
    cite: str
    tightens: str
    text: dict[str, str]
    params: dict[str, Any]
    layer_id: str
    layer_name: dict[str, str]
    regulation: Regulation
    line: int | None = None
    unverified: tuple[str, ...] = ()  # of cite, tightens: those marked "chưa xác minh"

    def source(self, lang: str = "vi") -> str:
        """"Theo Quy chế … của Học viện Mẫu, Điều 5 khoản 4" — where the rule comes from."""
        clause = self.cite.split(self.regulation.so_hieu, 1)[-1].strip()
        name = self.regulation.name.get(lang) or self.regulation.name["vi"]
        where = f"{name} ({self.regulation.so_hieu})"
        if lang == "en":
            return f"Under {where}, {clause}" if clause else f"Under {where}"
        return f"Theo {where}, {clause}" if clause else f"Theo {where}"


@dataclass(frozen=True)
class ProfileField:
    """A profile field a layer declares (``nhom``, ``bai_bao_khoa_hoc``…)."""

    name: str
    kind: str
    text: dict[str, str]
    parts: dict[str, int] = field(default_factory=dict)


@dataclass
class Layer:
    """A resolved layer: its own data and its parents' (nearest first in ``chain``)."""

    id: str
    name: dict[str, str]
    level: str
    regulation: Regulation
    chain: list[str]
    groups: dict[str, dict[str, str]]
    fields: dict[str, ProfileField]
    rules: list[Rule]
    file: str = ""

    @property
    def layer_name(self) -> str:
        """The Vietnamese name of the body that issued the layer."""
        return self.name["vi"]

    def rule_for(self, quota: Quota) -> Rule:
        """The rule that set ``quota`` (its clause, its text)."""
        return next(
            r for r in self.rules if r.id == quota.rule_id and r.layer_id == quota.layer_id
        )

    def rules_of(self, kind: str) -> list[Rule]:
        """Rules of one kind, this layer's first, then its parents'."""
        return [rule for rule in self.rules if rule.kind == kind]

    @property
    def cstdcs_quota(self) -> Quota | None:
        """The CSTĐCS quota of the nearest layer that sets one, or None."""
        for rule in self.rules_of("ty_le_cstdcs"):
            return Quota(
                ratio=Decimal(rule.params["ty_le"]),
                rounding=rule.params.get("lam_tron", "floor"),
                base=rule.params.get("co_so", "members_ldtt"),
                cite=rule.cite,
                tightens=rule.tightens,
                layer_name=rule.layer_name["vi"],
                layer_id=rule.layer_id,
                rule_id=rule.id,
            )
        return None

    def htxs_cap(self, role: str | None = None) -> Quota | None:
        """The strictest HTXS cap the chain sets for ``role`` (or for every role), or None."""
        found = [
            rule
            for rule in self.rules_of("tran_htxs")
            if role is None or rule.params.get("vai_tro") in (None, role)
        ]
        if not found:
            return None
        rule = min(found, key=lambda r: Decimal(r.params["ty_le"]))
        return Quota(
            ratio=Decimal(rule.params["ty_le"]),
            rounding=rule.params.get("lam_tron", "floor"),
            base="htt",
            cite=rule.cite,
            tightens=rule.tightens,
            layer_name=rule.layer_name["vi"],
            layer_id=rule.layer_id,
            rule_id=rule.id,
        )

    def profile_defaults(self, profile: Any) -> Any:
        """The national profile: layer fields taken out, the layer's defaults filled in."""
        from thidua.layers.apply import profile_defaults

        return profile_defaults(self, profile)

    def apply_to_result(self, profile: Any, result: dict, lang: str = "vi") -> dict:
        """The national result with the layer's requirements and sources added."""
        from thidua.layers.apply import apply_to_result

        return apply_to_result(self, profile, result, lang)

    def evaluate(self, profile: Any, lang: str = "vi", root=None) -> dict:
        """Evaluate ``profile`` under the national rules and this layer."""
        from thidua.layers.apply import evaluate

        return evaluate(self, profile, lang, root)
