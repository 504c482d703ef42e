"""The schema of the criteria data, checked when it is loaded.

Specs are small objects with ``check(value, path, ctx)``; a problem becomes a
``ContentError`` naming the file, the line, the dotted path, the value found, what is
allowed and an example. The schema is declared once here (``SCHEMAS``) and documented
for editors in data/criteria/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from thidua import contract
from thidua.contract import ratio_value
from thidua.errors import ContentError
from thidua.legal.ref import RefSyntaxError, parse
from thidua.yaml_lines import line_of

ID = re.compile(r"^[a-z0-9][a-z0-9.+-]*$")


@dataclass
class Context:
    """Where problems go while one file is checked."""

    file: str
    errors: list[ContentError] = field(default_factory=list)

    def error(
        self, container: Any, key: Any, path: str, found: str, allowed: str, example: str | None
    ) -> None:
        self.errors.append(
            ContentError(self.file, line_of(container, key), path, found, allowed, example)
        )


def join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def found(value: Any) -> str:
    if isinstance(value, dict):
        return "found a mapping"
    if isinstance(value, list):
        return "found a list"
    if value is None:
        return "found nothing (null)"
    return f"found {value!r}"


class Spec:
    """Base: ``check`` reports into ``ctx``; ``allowed``/``example`` describe it."""

    allowed = "a value"
    example: str | None = None

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not self.ok(value):
            ctx.error(parent, key, path, found(value), self.allowed, self.example)

    def ok(self, value: Any) -> bool:  # pragma: no cover - overridden
        return True


class Str(Spec):
    def __init__(self, pattern: re.Pattern | None = None, allowed: str = "a text", example=None):
        self.pattern, self.allowed, self.example = pattern, allowed, example

    def ok(self, value: Any) -> bool:
        if not isinstance(value, str) or not value.strip():
            return False
        return bool(self.pattern.match(value)) if self.pattern else True


class Int(Spec):
    def __init__(self, low: int = 0, high: int | None = None, example: str | None = None):
        self.low, self.high, self.example = low, high, example
        self.allowed = (
            f"a whole number from {low} to {high}"
            if high is not None
            else f"a whole number ≥ {low}"
        )

    def ok(self, value: Any) -> bool:
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        return value >= self.low and (self.high is None or value <= self.high)


class Bool(Spec):
    allowed = "true or false"

    def __init__(self, example: str | None = None):
        self.example = example

    def ok(self, value: Any) -> bool:
        return isinstance(value, bool)


class Scalar(Spec):
    allowed = "a number, text or true/false"

    def ok(self, value: Any) -> bool:
        return isinstance(value, (str, int, float, bool))


class Enum(Spec):
    def __init__(self, values: tuple[str, ...] | Callable[[], tuple[str, ...]], example=None):
        self._values = values
        self.example = example

    @property
    def values(self) -> tuple[str, ...]:
        return self._values() if callable(self._values) else self._values

    @property
    def allowed(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.values)

    def ok(self, value: Any) -> bool:
        return isinstance(value, str) and value in self.values


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


class Date(Spec):
    allowed = "a date YYYY-MM-DD"
    example = "in_force_from: 2024-01-01"

    def ok(self, value: Any) -> bool:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


class Text(Spec):
    """A ``{vi: …, en: …}`` pair (Vietnamese first)."""

    allowed = "a mapping with non-empty vi and en texts"
    example = "text: {vi: Đạt tiêu chuẩn…, en: Meets the standard…}"

    def __init__(self, nullable: bool = False):
        self.nullable = nullable

    def ok(self, value: Any) -> bool:
        if value is None:
            return self.nullable
        return (
            isinstance(value, dict)
            and set(value) == {"vi", "en"}
            and all(isinstance(v, str) and v.strip() for v in value.values())
        )


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


class ListOf(Spec):
    def __init__(self, item: Spec, min_items: int = 0, example: str | None = None):
        self.item, self.min_items, self.example = item, min_items, example
        self.allowed = f"a list ({min_items}+ items)" if min_items else "a list"

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not isinstance(value, list) or len(value) < self.min_items:
            ctx.error(parent, key, path, found(value), self.allowed, self.example)
            return
        for index, item in enumerate(value):
            self.item.check(value, index, item, join(path, index), ctx)


class Map(Spec):
    """A mapping with known keys; unknown keys are errors."""

    def __init__(
        self,
        required: dict[str, Spec],
        optional: dict[str, Spec] | None = None,
        example: str | None = None,
    ):
        self.required, self.optional, self.example = required, optional or {}, example

    @property
    def allowed(self) -> str:  # type: ignore[override]
        keys = list(self.required) + [f"{k}?" for k in self.optional]
        return "a mapping with " + ", ".join(keys)

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not isinstance(value, dict):
            ctx.error(parent, key, path, found(value), self.allowed, self.example)
            return
        known = {**self.required, **self.optional}
        for name in value:
            if name not in known:
                ctx.error(
                    value,
                    name,
                    join(path, name),
                    "unknown key",
                    "one of " + ", ".join(known),
                    self.example,
                )
        for name, spec in self.required.items():
            if name not in value:
                ctx.error(value, None, join(path, name), "missing", spec.allowed, spec.example)
        for name, spec in known.items():
            if name in value:
                spec.check(value, name, value[name], join(path, name), ctx)


class DictOf(Spec):
    """A mapping from keys (checked by ``keys``) to values (``values``)."""

    def __init__(self, keys: Spec, values: Spec, example: str | None = None):
        self.keys, self.values, self.example = keys, values, example
        self.allowed = "a mapping"

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not isinstance(value, dict):
            ctx.error(parent, key, path, found(value), self.allowed, self.example)
            return
        for name, item in value.items():
            where = join(path, name)
            if not self.keys.ok(name):
                ctx.error(
                    value, name, where, f"found key {name!r}", self.keys.allowed, self.example
                )
                continue
            self.values.check(value, name, item, where, ctx)


class Tagged(Spec):
    """A mapping whose ``tag`` key picks its schema (the ``op`` of a criterion)."""

    def __init__(
        self,
        tag: str,
        common: dict[str, Spec],
        variants: dict[str, Map],
        example: str | None = None,
        with_text: bool = True,
    ):
        self.tag, self.common, self.variants, self.example = tag, common, variants, example
        self.with_text = with_text
        self.allowed = f"a mapping with {tag}: one of " + ", ".join(variants)

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not isinstance(value, dict):
            ctx.error(parent, key, path, found(value), self.allowed, self.example)
            return
        tag = value.get(self.tag)
        if tag not in self.variants:
            ctx.error(
                value,
                self.tag,
                join(path, self.tag),
                found(tag) if self.tag in value else "missing",
                "one of " + ", ".join(self.variants),
                self.example,
            )
            return
        variant = self.variants[tag]
        Map(
            {
                self.tag: Enum(tuple(self.variants)),
                **variant.required,
                **({"text": Text()} if self.with_text else {}),
            },
            {**self.common, **variant.optional},
            variant.example or self.example,
        ).check(parent, key, value, path, ctx)


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
LABELS = Map(
    {
        "schema_version": Int(1, 1),
        "levels": LABEL_GROUP,
        "titles": LABEL_GROUP,
        "roles": LABEL_GROUP,
        "subjects": LABEL_GROUP,
        "messages": LABEL_GROUP,
    }
)


def validate(spec: Spec, data: Any, file: str) -> list[ContentError]:
    """Check ``data`` (loaded with line marks) against ``spec``; return the problems."""
    ctx = Context(file)
    spec.check(None, None, data, "", ctx)
    for error in ctx.errors:
        if error.field == "":
            error.field = "(file)"
    return ctx.errors
