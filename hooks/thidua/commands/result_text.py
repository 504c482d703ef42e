"""The result of ``thidua evaluate`` in words (Vietnamese, or English with ``--lang en``).

The evaluator words its reasons and explanation from its parts with the labels data's
templates (``thidua.evaluator.wording``); this module lays the result out for a
terminal and names what the result gives as codes (level, titles, rule sets, flags,
scopes) with the labels data, the rule sets' and flags' own names. Nothing is
rewritten: no rule id, code, field name or program value (None, True, NaN…) is printed.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from thidua.contract import format_number

if TYPE_CHECKING:
    from thidua.criteria import Rules


class Words:
    """The labels of ``rules`` in one language."""

    def __init__(self, rules: Rules, lang: str = "vi") -> None:
        self.rules, self.lang = rules, lang
        self.labels = rules.labels

    def m(self, key: str, **values: Any) -> str:
        return self.labels["messages"][key][self.lang].format(**values)

    def code(self, value: str) -> str:
        """The name of a level, title or subject."""
        for group in ("levels", "titles", "subjects"):
            if value in self.labels[group]:
                return self.labels[group][value][self.lang]
        return self.m(f"value_{value}")

    def number(self, value: Any) -> str:
        return format_number(value, self.lang)

    def rule_set(self, rule_id: str | None) -> str:
        if not rule_id:
            return "—"
        rule_set = self.rules.danh_gia.get(rule_id) or self.rules.thi_dua.get(rule_id) or {}
        name = rule_set.get("name")
        return (
            name[self.lang] if isinstance(name, dict) else "; ".join(rule_set.get("documents", []))
        )

    def flag(self, name: str) -> str:
        return self.rules.flags[name]["text"][self.lang]

    def flag_value(self, value: Any) -> str:
        if isinstance(value, bool):
            return self.m("flag_applied") if value else self.m("flag_not_applied")
        if isinstance(value, str):
            if f"value_{value}" in self.labels["messages"]:
                return self.m(f"value_{value}")
            return self.number(Fraction(value))
        return self.number(value)

    def scope(self, scope: str) -> str:
        """Where an explanation line belongs: the rules, a gate, a level or a title."""
        key = f"scope_{scope}"
        if key in self.labels["messages"]:
            return self.m(key)
        return self.code(scope)


def render(result: dict, rules: Rules, lang: str = "vi") -> str:
    """Plain text for a terminal: result first, then the full explanation."""
    w = Words(rules, lang)
    m = w.m
    entries = result["explanation"]
    lines = [m("heading", year=result["evaluation_year"]) + " — " + w.code(result["subject"])]
    used = result["rules"]
    lines.append(f"{m('h_rules')}: {w.rule_set(used['thi_dua'])}")
    if used.get("danh_gia"):
        lines.append(f"{m('h_rules_danh_gia')}: {w.rule_set(used['danh_gia'])}")
    if result["classification"] is not None:
        lines.append(f"{m('h_classification')}: {w.code(result['classification'])}")
    if result["subject"] != "unit_quota":
        eligible = ", ".join(w.code(t) for t in result["eligible_titles"]) or m("none")
        lines.append(f"{m('h_eligible')}: {eligible}")
        if result["not_eligible"]:
            lines.append(f"{m('h_not_eligible')}:")
            for code, item in result["not_eligible"].items():
                lines.append(f"  - {w.code(code)}: {item['reason']}")
                lines.append(f"    {m('basis')}: {'; '.join(item['legal_basis'])}")
    if result["not_reached"]:
        lines.append(f"{m('h_not_reached')}:")
        for code, item in result["not_reached"].items():
            lines.append(f"  - {w.code(code)}: {item['reason']}")
            lines.append(f"    {m('basis')}: {'; '.join(item['legal_basis'])}")
    if result["subject"] == "unit_quota":
        for key in ("max_cstdcs", "max_htxs"):
            value = result[key]
            shown = m("quota_not_computed") if value is None else w.number(value)
            lines.append(f"{m('h_' + key)}: {shown}")
    lines.append(f"{m('h_manual')}: {m('word_yes') if result['manual_review'] else m('none')}")
    for reason in result["manual_review_reasons"]:
        lines.append(f"  - {reason}")
    flags = "; ".join(
        f"{w.flag(name)}: {w.flag_value(value)}" for name, value in result["flags_used"].items()
    )
    lines.append(f"{m('h_flags')}: {flags or m('none')}")
    lines.append(f"{m('h_unverified')}: {'; '.join(result['unverified_basis']) or m('none')}")
    lines.append(f"{m('h_explanation')}:")
    for entry in entries:
        mark = "✓" if entry["met"] else "✗"
        lines.append(f"  [{mark}] {w.scope(entry['scope'])}: {entry['text']}")
        if entry["legal_basis"]:
            lines.append(f"      {m('basis')}: {'; '.join(entry['legal_basis'])}")
    if result["subject"] != "unit_quota":
        lines.append("")
        lines.append(m("proposal_note"))
    return "\n".join(lines) + "\n"
