"""The result of ``thidua evaluate`` in words (Vietnamese, or English with ``--lang en``).

Wording happens here, at the edge: the evaluator returns codes, ids and numbers (the
contract's JSON, ``--json``); this module names them with the labels data
(``data/criteria/labels.yaml``), the rule sets' and flags' own names and the documents'
names, and writes numbers as people do (``89,99`` in Vietnamese). No rule id, code,
field name or program value (None, True, NaN…) is printed.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING

from thidua.contract import format_number

if TYPE_CHECKING:
    from thidua.criteria import Rules

# What a person must never read: snake_case names, ASCII title codes, rule ids,
# rule-set ids, indexes into the profile, program values.
PROGRAM_TEXT = re.compile(
    r"\b[a-z]+_[a-z0-9_]+\b"
    r"|\b(LDTT|CSTT|CSTDCS|CSTD_BO|CSTDTQ|TTLDTT|TTLDXS|CO_THI_DUA_\w+|NOT_CLASSIFIED)\b"
    r"|\b(dg|td|tc|quy-tac|dg\d+)\.[a-z0-9][a-z0-9.-]*"
    r"|\b(nd|luat|tt)-\d+-\d{4}"
    r"|\[\d+\]"
    r"|\b(None|True|False|null|undefined|NaN|nan|Infinity)\b|0x[0-9a-f]"
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DECIMAL = re.compile(r"(?<![\d/.])(\d+)\.(\d+)(?![\d/.])")
_FIELD_VALUE = re.compile(r"^([a-z_]+(?:\.[a-z_]+)?) = ([^;()]+?)(?: \((.+)\))?$")
_CODES_HEAD = re.compile(r"^([A-Za-z_]+(?:, [A-Za-z_]+)*): (.+)$")
_INDEXED = re.compile(r"\b(discipline|initiatives)\[(\d+)\][^;]*")


class Words:
    """The labels of ``rules`` in one language, and the rewording of engine texts."""

    def __init__(self, rules: Rules, lang: str = "vi") -> None:
        self.rules, self.lang = rules, lang
        self.labels = rules.labels

    def m(self, key: str, **values) -> str:
        return self.labels["messages"][key][self.lang].format(**values)

    def code(self, value: str) -> str | None:
        """The name of a level, title, role or criterion value code (None: unknown)."""
        for group in ("levels", "titles", "roles", "subjects"):
            if value in self.labels[group]:
                return self.labels[group][value][self.lang]
        key = f"value_{value}"
        return self.m(key) if key in self.labels["messages"] else None

    def number(self, value) -> str:
        return format_number(value, self.lang)

    def numbers(self, text: str) -> str:
        """Dates dd/mm/yyyy; decimals with a comma in Vietnamese."""
        text = _ISO.sub(lambda m: f"{m[3]}/{m[2]}/{m[1]}", text)
        if self.lang == "vi":
            text = _DECIMAL.sub(r"\1,\2", text)
        return text

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

    def flag_value(self, value) -> str:
        if isinstance(value, bool):
            return self.m("flag_applied") if value else self.m("flag_not_applied")
        if isinstance(value, str):
            key = f"value_{value}"
            if key in self.labels["messages"]:
                return self.m(key)
            try:
                return self.number(Fraction(value))
            except ValueError:
                return value
        return self.number(value)

    def _patterns(self, key: str) -> re.Pattern:
        template = re.escape(self.labels["messages"][key][self.lang])
        return re.compile("^" + re.sub(r"\\\{\w+\\\}", "(.+)", template) + "$")

    def part(self, text: str) -> str | None:
        """One piece of an engine detail in words, or None when it cannot be said."""
        mark = ""
        if text[:2] in ("✓ ", "✗ "):
            mark, text = text[:2], text[2:]
        if self._patterns("missing").match(text):
            return mark + self.m("profile_missing")
        flag_off = self._patterns("flag_off").match(text)
        if flag_off and flag_off[1] in self.rules.flags:
            return mark + self.m("reading_not_applied", flag=self.flag(flag_off[1]))
        text = _INDEXED.sub(lambda m: self._item(m[1], int(m[2])), text)
        field = _FIELD_VALUE.match(text)
        if field:
            value = field[2].strip()
            worded = {"true": self.m("word_yes"), "false": self.m("word_no")}.get(value)
            worded = worded or self.code(value)
            if worded is None and re.fullmatch(r"-?[\d./]+", value):
                worded = self.numbers(value)
            if worded is None:
                return None
            need = f" ({self.numbers(field[3])})" if field[3] else ""
            return mark + worded + need
        head = _CODES_HEAD.match(text)
        if head:
            names = [self.code(c) for c in head[1].split(", ")]
            rest = self.part(head[2])
            if rest is None:
                return None
            if all(names) and any(c.isupper() for c in head[1]):
                return mark + ", ".join(names) + ": " + rest  # type: ignore[arg-type]
            return mark + rest
        text = re.sub(r"\b[A-Z][A-Z_]+\b", lambda m: self.code(m[0]) or m[0], text)
        text = self.numbers(text)
        return None if PROGRAM_TEXT.search(text) else mark + text

    def _item(self, kind: str, index: int) -> str:
        return self.m("discipline_item" if kind == "discipline" else "initiative_item", n=index + 1)

    def detail(self, text: str) -> str:
        parts = [self.part(p) for p in text.split("; ")]
        return "; ".join(p for p in parts if p)

    def entry(self, entry: dict) -> str:
        """An explanation entry: the criterion's own text, then its detail in words."""
        crit = self.rules.criteria.get(entry["criterion"])
        own = crit["text"][self.lang] if crit else None
        text = entry["text"]
        if own and text.startswith(own):
            rest = text[len(own) :].removeprefix(" — ")
            worded = self.detail(rest) if rest else ""
            return f"{own} — {worded}" if worded else own
        return self.prose(text)

    def prose(self, text: str) -> str:
        """Free text of the engine (reasons, rule-set notes): codes named, ids dropped."""
        for group in ("titles", "levels"):
            for code, label in self.labels[group].items():
                text = re.sub(rf"(?<![\w-]){re.escape(code)}(?![\w-])", label[self.lang], text)
        for name in self.rules.flags:
            text = text.replace(name, self.flag(name))
        parts = [
            self.part(p) if PROGRAM_TEXT.search(p) else self.numbers(p) for p in text.split("; ")
        ]
        return "; ".join(p for p in parts if p)

    def reason(self, item: dict, entries: list[dict]) -> str:
        """A not-eligible or not-reached reason, its entries reworded one by one."""
        text = item["reason"]
        for entry in sorted(entries, key=lambda e: -len(e["text"])):
            if entry["text"] in text:
                text = text.replace(entry["text"], "\x00" + self.entry(entry) + "\x01")
        pieces = re.split(r"(\x00[^\x01]*\x01)", text)
        return "".join(
            p[1:-1] if p.startswith("\x00") else self.prose(p) if p.strip(" ;:") else p
            for p in pieces
        )

    def scope(self, scope: str) -> str:
        key = f"scope_{scope}"
        if key in self.labels["messages"]:
            return self.m(key)
        return self.code(scope) or scope


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
                lines.append(f"  - {w.code(code)}: {w.reason(item, entries)}")
                lines.append(f"    {m('basis')}: {'; '.join(item['legal_basis'])}")
    if result["not_reached"]:
        lines.append(f"{m('h_not_reached')}:")
        for code, item in result["not_reached"].items():
            lines.append(f"  - {w.code(code)}: {w.reason(item, entries)}")
            lines.append(f"    {m('basis')}: {'; '.join(item['legal_basis'])}")
    if result["subject"] == "unit_quota":
        for key in ("max_cstdcs", "max_htxs"):
            value = result[key]
            shown = m("quota_not_computed") if value is None else w.number(value)
            lines.append(f"{m('h_' + key)}: {shown}")
    lines.append(f"{m('h_manual')}: {m('word_yes') if result['manual_review'] else m('none')}")
    for reason in result["manual_review_reasons"]:
        lines.append(f"  - {w.prose(reason)}")
    flags = "; ".join(
        f"{w.flag(name)}: {w.flag_value(value)}" for name, value in result["flags_used"].items()
    )
    lines.append(f"{m('h_flags')}: {flags or m('none')}")
    lines.append(f"{m('h_unverified')}: {'; '.join(result['unverified_basis']) or m('none')}")
    lines.append(f"{m('h_explanation')}:")
    for entry in entries:
        mark = "✓" if entry["met"] else "✗"
        lines.append(f"  [{mark}] {w.scope(entry['scope'])}: {w.entry(entry)}")
        if entry["legal_basis"]:
            lines.append(f"      {m('basis')}: {'; '.join(entry['legal_basis'])}")
    if result["subject"] != "unit_quota":
        lines.append("")
        lines.append(m("proposal_note"))
    return "\n".join(lines) + "\n"
