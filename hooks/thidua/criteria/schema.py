"""The schema of the criteria data, checked when it is loaded.

The specs are the project's own validator (``thidua.spec``, re-exported here for the
schemas built on this one: cases, local layers); this module adds the criteria's own
kinds (ratios, thresholds, legal bases) and declares the data's schema once, documented
for editors in data/criteria/README.md.
"""

from __future__ import annotations

import re
from typing import Any

from thidua import contract
from thidua.contract import ratio_value
from thidua.legal.ref import RefSyntaxError, parse
from thidua.spec import (
    Bool as Bool,
)
from thidua.spec import (
    Context as Context,
)
from thidua.spec import (
    Date as Date,
)
from thidua.spec import (
    DictOf as DictOf,
)
from thidua.spec import (
    Enum as Enum,
)
from thidua.spec import (
    Int as Int,
)
from thidua.spec import (
    ListOf as ListOf,
)
from thidua.spec import (
    Map as Map,
)
from thidua.spec import (
    Scalar as Scalar,
)
from thidua.spec import (
    Spec as Spec,
)
from thidua.spec import (
    Str as Str,
)
from thidua.spec import (
    Tagged as Tagged,
)
from thidua.spec import (
    Text as Text,
)
from thidua.spec import (
    found as found,
)
from thidua.spec import (
    join as join,
)
from thidua.spec import (
    validate as validate,
)

ID = re.compile(r"^[a-z0-9][a-z0-9.+-]*$")


class Ratio(Spec):
    allowed = "a ratio from 0 to 1 written as text with at most 4 decimals, or null"
    example = 'ratio: "0.15"'

    def __init__(self, nullable: bool = False):
        self.nullable = nullable

    def ok(self, value: Any) -> bool:
        if value is None:
            return self.nullable
        return isinstance(value, str) and ratio_value(value) is not None


class Decimal(Spec):
    """A threshold: a whole number 0–100, or a decimal 0–100 written as text ("0.3")."""

    allowed = 'a whole number from 0 to 100, or a decimal written as text such as "0.3"'
    example = 'value: "0.3"'

    def ok(self, value: Any) -> bool:
        if isinstance(value, int) and not isinstance(value, bool):
            return 0 <= value <= 100
        return isinstance(value, str) and ratio_value(value) is not None


class Basis(Spec):
    """A list of ``legal_basis`` strings, each readable by ``thidua.legal.ref.parse``."""

    allowed = 'a list of legal_basis strings such as "Luật 06/2022/QH15 Điều 24 khoản 1 điểm a"'
    example = 'legal_basis: ["Nghị định 90/2020/NĐ-CP Điều 2 khoản 3"]'

    def __init__(self, min_items: int = 1):
        self.min_items = min_items

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not isinstance(value, list) or len(value) < self.min_items:
            allowed = self.allowed if self.min_items else self.allowed + " (may be empty)"
            ctx.error(parent, key, path, found(value), allowed, self.example)
            return
        for index, text in enumerate(value):
            where = join(path, index)
            if not isinstance(text, str):
                ctx.error(value, index, where, found(text), self.allowed, self.example)
                continue
            try:
                _, kind = parse(text)
            except RefSyntaxError as error:
                ctx.error(
                    value, index, where, f"found {text!r} ({error})", self.allowed, self.example
                )
                continue
            if kind is None:
                ctx.error(
                    value,
                    index,
                    where,
                    f"found {text!r} without the kind of document",
                    "'<Loại> <số hiệu> Điều N khoản M điểm x' (conventions.md)",
                    self.example,
                )


# --- the data's vocabulary ----------------------------------------------------------

LEVELS = contract.LEVEL_CODES[:3]
CMP = Enum(("ge", "gt", "le", "lt", "eq"), example="cmp: ge")
CRITERION_ID = Str(
    re.compile(r"^[a-z0-9]+(\.[a-z0-9-]+)+$"), "a criterion id like dg.nhiem-vu.vuot-muc-50"
)
TERM = Str(
    re.compile(r"^-?[a-z_]+(\.[a-z_]+)?$"), "a profile field, optionally with '-' to subtract"
)
FIELD = Str(re.compile(r"^[a-z_0-9]+(\.[a-z_0-9]+)?$"), "a profile field such as tasks.assigned")
PERCENT = Int(0, 100, example="percent: 50")
TITLES_ALL = contract.INDIVIDUAL_TITLES + contract.COLLECTIVE_TITLES

MATCHER = Map(
    {"kinds": ListOf(Enum(contract.INITIATIVE_KINDS), 1)},
    {
        "recognised_at_min": Enum(contract.RECOGNISED_AT),
        "effect_min": Enum(contract.EFFECTS),
        "accepted": Bool(),
        "applied_not_false": Bool(),
        "recognised_by_in": ListOf(Enum(contract.RECOGNISED_BY), 1),
    },
    example="- {kinds: [sang_kien], recognised_at_min: co_so}",
)

CRITERION = Tagged(
    "op",
    {
        "not": Bool(example="not: true"),
        "missing": Enum(("met", "not_met"), example="missing: met"),
        "enabled_by_flag": Enum(("cstdcs_htxs_alternative",)),
        "note": Text(),
    },
    {
        "ratio": Map(
            {"num": ListOf(TERM, 1), "den": ListOf(TERM, 1), "cmp": CMP, "percent": PERCENT},
            example="{op: ratio, num: [tasks.exceeded], den: [tasks.assigned], "
            "cmp: ge, percent: 50}",
        ),
        "compare": Map(
            {"field": FIELD, "cmp": CMP, "value": Decimal()},
            example="{op: compare, field: score_total, cmp: ge, value: 90}",
        ),
        "values_at_least": Map(
            {"fields": ListOf(FIELD, 1), "scale": ListOf(Str(), 2), "min": Str()},
            example="{op: values_at_least, fields: [leadership_criterion_5a], "
            "scale: [khong_dap_ung, dap_ung, tot], min: tot}",
        ),
        "is": Map(
            {"field": FIELD, "value": Scalar()}, example="{op: is, field: leader, value: true}"
        ),
        "in": Map(
            {"field": FIELD, "values": ListOf(Str(), 1)},
            example="{op: in, field: unit_result, values: [HTXS]}",
        ),
        "leave_months": Map(
            {},
            {
                "kinds": ListOf(Enum(contract.LEAVE_KINDS), 1),
                "exclude_kinds": ListOf(Enum(contract.LEAVE_KINDS), 1),
                "at_least": Int(0, 12),
                "below": Int(0, 13),
            },
            example="{op: leave_months, exclude_kinds: [thai_san], at_least: 3, below: 6}",
        ),
        "has_leave": Map({"kinds": ListOf(Enum(contract.LEAVE_KINDS), 1)}),
        "recruited_months": Map(
            {"at_least": Int(1, 12)}, example="{op: recruited_months, at_least: 6}"
        ),
        "no_discipline_in_year": Map({"exceptions": Bool()}),
        "no_discipline_exception": Map({}),
        "level_not_above": Map(
            {"field": FIELD},
            example="{op: level_not_above, field: unit_classification, missing: met}",
        ),
        "classification_in": Map({"values": ListOf(Enum(contract.CLASSIFICATIONS), 1)}),
        "title_eligible": Map({"titles": ListOf(Enum(contract.INDIVIDUAL_TITLES), 1)}),
        "initiative": Map(
            {"within_years": Int(1, 20), "alternatives": ListOf(MATCHER, 1)},
            example="{op: initiative, within_years: 1, alternatives: [{kinds: [sang_kien]}]}",
        ),
        "chain": Map({"title": Enum(contract.INDIVIDUAL_TITLES), "count": Int(1, 20)}),
        "chain_in_run": Map(
            {
                "title": Enum(contract.INDIVIDUAL_TITLES),
                "run_of": Enum(contract.INDIVIDUAL_TITLES),
                "count": Int(1, 20),
            }
        ),
        "any_of": Map({"criteria": ListOf(CRITERION_ID, 2)}),
    },
    example="dg.nhiem-vu.vuot-muc-50: {op: ratio, …, text: {vi: …, en: …}}",
)

CATALOGUE = Map(
    {"schema_version": Int(1, 1), "criteria": DictOf(CRITERION_ID, CRITERION)},
)

BINDING = Map(
    {"criterion": CRITERION_ID},
    {"legal_basis": Basis(), "review": Text()},
    example="- {criterion: dg.nhiem-vu.vuot-muc-50, "
    'legal_basis: ["Nghị định 90/2020/NĐ-CP Điều 12 khoản 1"]}',
)
TITLE_BINDING = Map(
    {"criterion": CRITERION_ID, "legal_basis": Basis()},
    example="- {criterion: td.xep-loai-htt, "
    'legal_basis: ["Luật 06/2022/QH15 Điều 24 khoản 1 điểm a"]}',
)
LEADER_BASIS = Map({"non_leader": Basis(0), "leader": Basis(0)})
ROLE_BASIS = DictOf(Enum(("all", "can_bo", "cong_chuc", "vien_chuc")), LEADER_BASIS)
BRANCHES = {"non_leader": ListOf(BINDING, 1), "leader": ListOf(BINDING, 1)}
KHTNV_BRANCHES = {"non_leader": ListOf(BINDING), "leader": ListOf(BINDING)}
GATE = Map(
    {
        "criterion": CRITERION_ID,
        "effect": Enum(("not_classified", "cap", "manual_review")),
        "legal_basis": Basis(),
    },
    {"cap": Enum(LEVELS), "reason": Text()},
    example="- {criterion: dg.thoi-gian.du-6-thang, effect: not_classified, legal_basis: [...]}",
)
HTXS_CAP = Map(
    {"ratio": Ratio(nullable=True), "legal_basis": Basis(0), "note": Text()},
    {
        "base": Enum(("htt_or_above", "htt_only")),
        "exception_ratio": Ratio(),
        "exception_basis": Basis(),
        "exception_review": Text(),
        "small_group": Map(
            {"below": Int(1, 100), "max": Int(0, 100), "legal_basis": Basis()},
        ),
    },
)
REASON = Map({"legal_basis": Basis(), "reason": Text()})
HEAD = {
    "schema_version": Int(1, 1),
    "id": Str(ID, "an id of document ids joined by '+'", "id: nd-90-2020+nd-48-2023"),
    "name": Text(),
    "documents": Basis(0),
}
DANH_GIA = Tagged(
    "kind",
    {},
    {
        "criteria": Map(
            {
                "in_force_from": Date(),
                "requires": Map({"non_leader": ListOf(FIELD, 1), "leader": ListOf(FIELD, 1)}),
                "gates": ListOf(GATE),
                "levels": ListOf(
                    Map(
                        {"level": Enum(LEVELS), "basis": ROLE_BASIS, **BRANCHES},
                        {"band": CRITERION_ID, "review": Text()},
                    ),
                    1,
                ),
                "khtnv": Map({"basis": ROLE_BASIS, **KHTNV_BRANCHES}),
                "fallback": Map({"level": Enum(("KHTNV",)), "reason": Text(nullable=True)}),
                "htxs_cap": HTXS_CAP,
            },
            {
                "band_review": REASON,
                "leader_cap": Map(
                    {
                        "criterion": CRITERION_ID,
                        "field": FIELD,
                        "legal_basis": Basis(),
                        "review_levels": ListOf(Enum(LEVELS), 1),
                        "reason": Text(),
                    }
                ),
            },
        ),
        "points": Map({}),  # replaced below: same shape as "criteria"
        "text_only": Map({"summary": Text(), "htxs_cap": HTXS_CAP}, {"in_force_from": Date()}),
    },
    with_text=False,
)
DANH_GIA.variants["points"] = DANH_GIA.variants["criteria"]
for variant in DANH_GIA.variants.values():
    variant.required.update({k: v for k, v in HEAD.items()})

TITLE = Map(
    {"title": Enum(TITLES_ALL), "criteria": ListOf(TITLE_BINDING, 1)},
    {"applies_if": Map({"field": FIELD, "value": Scalar()}), "review": Text()},
)
THI_DUA = Map(
    {
        **HEAD,
        "in_force_from": Date(),
        "flag_defaults": Map({"cstdcs_htxs_alternative": Bool()}),
        "individual_titles": ListOf(TITLE, 1),
        "collective_titles": ListOf(TITLE, 1),
        "quotas": Map(
            {"cstdcs": Map({"ratio": Ratio(nullable=True), "legal_basis": Basis(), "note": Text()})}
        ),
    },
    {"chain_review": Map({"before_year": Int(1945, 2100), "reason": Text()})},
)

YEAR_ENTRY = Map(
    {
        "thi_dua": Str(ID, "a thi-dua rule set id"),
        "danh_gia": DictOf(Enum(contract.ROLES), Str(ID, "a danh-gia rule set id")),
        "quota_rules": Str(ID, "a danh-gia rule set id"),
    },
    {
        "transition": Text(),
        "notes": DictOf(Enum((*contract.ROLES, "unit_quota")), Text()),
        "flag_defaults": Map({}, {"htxs_ratio_base": Enum(("htt_or_above", "htt_only"))}),
        "role_transitions": DictOf(
            Enum(contract.ROLES),
            Map(
                {
                    "rule_set": Str(ID, "a danh-gia rule set id"),
                    "field": Enum(("unit_has_own_rules",)),
                    "inputs": ListOf(FIELD, 1),
                    "legal_basis": Basis(),
                    "applied": Text(),
                    "not_applied": Text(),
                    "review": Text(),
                }
            ),
        ),
        "collective_rules": DictOf(Enum(contract.UNIT_KINDS), Str(ID, "a danh-gia rule set id")),
        "title_reviews": ListOf(
            Map(
                {
                    "titles": ListOf(Enum(contract.INDIVIDUAL_TITLES), 1),
                    "legal_basis": Basis(),
                    "reason": Text(),
                },
                {"if_met": CRITERION_ID},
            )
        ),
    },
)
YEARS = Map(
    {"schema_version": Int(1, 1), "years": DictOf(Int(1945, 2100), YEAR_ENTRY)},
)
FLAGS = Map(
    {
        "schema_version": Int(1, 1),
        "flags": DictOf(
            Enum(contract.FLAG_NAMES),
            Map(
                {"type": Enum(("bool", "choice", "ratio")), "text": Text()},
                {"values": ListOf(Str(), 2), "default": Scalar(), "default_from": Str()},
            ),
        ),
    }
)
UNVERIFIED = Map(
    {
        "schema_version": Int(1, 1),
        "entries": ListOf(
            Map(
                {
                    "id": Str(ID, "an id"),
                    "fact": Str(),
                    "source": Str(),
                    "tag": Enum(("U", "D")),
                    "handling": Enum(("unverified_basis", "flag", "manual_review")),
                },
                {
                    "legal_basis": Basis(),
                    "used_by": ListOf(Str(), 1),
                    "rule_sets": ListOf(Str(ID), 1),
                    "flag": Enum(contract.FLAG_NAMES),
                    "reason_ref": Str(),
                },
            ),
            1,
        ),
    }
)
LABEL_GROUP = DictOf(Str(), Text())


def _every_code(codes: tuple[str, ...]) -> Map:
    """A label for each of ``codes`` (a contract code list), none left out, none added."""
    return Map({code: Text() for code in codes})


# The contract's answer codes the self-evaluation form names (its selects and radios).
ANSWER_LABELS = {
    "criterion_values": contract.CRITERION_VALUES,
    "leave_kinds": contract.LEAVE_KINDS,
    "certified_by": contract.CERTIFIED_BY,
    "discipline_systems": contract.DISCIPLINE_SYSTEMS,
    "discipline_forms": contract.DISCIPLINE_FORMS,
    "efficiency": contract.EFFICIENCY,
    "initiative_kinds": contract.INITIATIVE_KINDS,
    "recognised_at": contract.RECOGNISED_AT,
    "effects": contract.EFFECTS,
    "recognised_by": contract.RECOGNISED_BY,
}
LABELS = Map(
    {
        "schema_version": Int(1, 1),
        "levels": LABEL_GROUP,
        "titles": LABEL_GROUP,
        "roles": LABEL_GROUP,
        "subjects": LABEL_GROUP,
        "messages": LABEL_GROUP,
        **{name: _every_code(codes) for name, codes in ANSWER_LABELS.items()},
    }
)
