"""The state of one evaluation: profile, rule sets, flags, results so far, explanation.

``Ctx.outcome`` runs a criterion's operation (``ops``) once and remembers its detail
(parts, as data); ``Ctx.record`` writes an explanation entry and the legal bases it
used, its text worded from the parts by ``thidua.evaluator.wording``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thidua.evaluator import ops
from thidua.evaluator.wording import Wording

if TYPE_CHECKING:
    from thidua.criteria import Rules


class Ctx:
    """State of one evaluation: profile, rule sets, flags, results so far, explanation."""

    def __init__(self, rules: Rules, profile: dict, flags: dict, lang: str) -> None:
        self.rules = rules
        self.profile = profile
        self.year: int = profile["evaluation_year"]
        self.lang = lang
        self.flags = flags
        self.year_entry = rules.years[self.year]
        self.thi_dua = rules.thi_dua[self.year_entry["thi_dua"]]
        self.classification: str | None = None
        self.title_eligible: dict[str, bool] = {}
        self.memo: dict[str, tuple[bool, list[ops.Part]]] = {}
        self.words = Wording(rules, lang, self.criterion_text)
        self.explanation: list[dict] = []
        self.sources: list[tuple[str, str, str]] = []  # (basis, used_by, rule set id)
        self.manual: list[str] = []
        self.flags_consulted: set[str] = set()
        self.quota_flags: dict[str, Any] = {}
        self.chain_years: list[int] = []

    # -- profile access ---------------------------------------------------------------
    def get(self, path: str) -> Any:
        value: Any = self.profile
        for part in path.split("."):
            if not isinstance(value, dict) or part not in value:
                return ops.MISSING
            value = value[part]
        return value

    def holds(self, title: str, year: int) -> bool:
        prior = self.profile.get("prior_titles", {})
        if title in prior.get(year, []):
            return True
        return year == self.year and bool(self.title_eligible.get(title))

    def chain_years_used(self, years: list[int]) -> None:
        self.chain_years.extend(years)

    # -- text -------------------------------------------------------------------------
    def msg(self, key: str, **values: Any) -> str:
        """The message ``key`` with ``values`` (data: codes, numbers, dates) in words."""
        return self.words.say({"k": key, **values})

    def text(self, pair: dict | None) -> str:
        return pair[self.lang] if pair else ""

    def review(self, text: str) -> None:
        if text and text not in self.manual:
            self.manual.append(text)

    # -- criteria ---------------------------------------------------------------------
    def outcome(self, cid: str) -> tuple[bool, list[ops.Part]]:
        """``(met, detail parts)`` of criterion ``cid``, computed once."""
        if cid in self.memo:
            return self.memo[cid]
        crit = self.rules.criteria[cid]
        raw, detail = ops.OPS[crit["op"]](self, crit)
        if raw is None:
            met = crit.get("missing", "not_met") == "met"
            # Met all the same: say the fields were not checked, not that they fall short.
            key = "missing_not_checked" if met else "missing"
            detail = [{"k": key, "fields": self.missing_fields(crit)}]
        else:
            met = raw != bool(crit.get("not", False))
        flag = crit.get("enabled_by_flag")
        if flag:
            self.flags_consulted.add(flag)
            if not self.flags[flag]:
                met = False
                detail = [*detail, {"k": "flag_off", "flag": flag}]
        self.memo[cid] = (met, detail)
        return met, detail

    def missing_fields(self, crit: dict) -> list[str]:
        """The fields a criterion reads that the profile does not give, in its order."""
        read = [crit["field"]] if "field" in crit else []
        read += [t.lstrip("-") for t in crit.get("num", []) + crit.get("den", [])]
        read += crit.get("fields", [])
        return [name for name in unique(read) if self.get(name) is ops.MISSING]

    def criterion_text(self, cid: str) -> str:
        """The criterion's own text, then its detail in words."""
        return self.words.criterion(self.text(self.rules.criteria[cid]["text"]), self.memo[cid][1])

    def record(self, cid: str, basis: list[str], scope: str, used_by: str, rule_set: str) -> dict:
        met, _detail = self.outcome(cid)
        text = self.criterion_text(cid)
        entry = {
            "criterion": cid,
            "met": met,
            "legal_basis": list(basis),
            "text": text,
            "scope": scope,
        }
        self.explanation.append(entry)
        for item in basis:
            self.sources.append((item, used_by, rule_set))
        return entry

    def record_binding(
        self, binding: dict, base: list[str], scope: str, rule_set: str, bound: set[str]
    ) -> dict:
        """Record a bound criterion; unbound sub-criteria of an any_of come first."""
        basis = unique(base + binding.get("legal_basis", []))
        crit = self.rules.criteria[binding["criterion"]]
        if crit["op"] == "any_of":
            for sub in crit["criteria"]:
                if sub not in bound:
                    self.record(sub, basis, scope, sub, rule_set)
        return self.record(binding["criterion"], basis, scope, binding["criterion"], rule_set)

    def info(self, cid: str, basis: list[str], text: str, used_by: str, rule_set: str) -> None:
        self.explanation.append(
            {
                "criterion": cid,
                "met": True,
                "legal_basis": list(basis),
                "text": text,
                "scope": "rules",
            }
        )
        for item in basis:
            self.sources.append((item, used_by, rule_set))


def unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
