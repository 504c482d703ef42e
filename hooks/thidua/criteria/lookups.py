"""What a year's rules give without a profile, worked out once for both evaluators.

The Python evaluator calls these functions; ``Rules.export()`` publishes their results
in each year's entry (``years[Y].lookups``), and the page's evaluator reads them there
instead of working them out a second time in JavaScript: one meaning, in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thidua.contract.messages import WORDS

if TYPE_CHECKING:
    from thidua.criteria import Rules


def quota_rule_sets(entry: dict) -> dict[str, str]:
    """Role or unit kind → the danh-gia rule set whose HTXS cap a unit_quota profile of
    that role or unit kind uses (contract v3). Roles and unit kinds are distinct codes."""
    return {**entry["danh_gia"], **entry.get("collective_rules", {})}


def quota_rules_id(entry: dict, profile: dict) -> str:
    """The rule set of a unit_quota profile's HTXS cap: by ``role``, else by
    ``unit_kind`` when the year models it, else the year's ``quota_rules``."""
    table = quota_rule_sets(entry)
    for key in ("role", "unit_kind"):
        if profile.get(key) in table:
            return table[profile[key]]
    return entry["quota_rules"]


def flag_defaults(rules: Rules, year: int, quota_rules: str) -> dict[str, Any]:
    """Each flag's value when the profile gives none, as the data writes it (a ratio
    as its text): the year's ``flag_defaults``, else the flag's ``default``, else the
    value at its ``default_from`` (``thi_dua.…`` the year's emulation rule set,
    ``quota.…`` the rule set ``quota_rules``), else None."""
    entry = rules.years[year]
    context = {"thi_dua": rules.thi_dua[entry["thi_dua"]], "quota": rules.danh_gia[quota_rules]}
    year_defaults = entry.get("flag_defaults", {})
    values: dict[str, Any] = {}
    for name, spec in rules.flags.items():
        if name in year_defaults:
            value = year_defaults[name]
        elif "default" in spec:
            value = spec["default"]
        else:
            value = context
            for part in spec["default_from"].split("."):
                value = value.get(part) if isinstance(value, dict) else None
        values[name] = value
    return values


def years_with(rules: Rules, key: str) -> str:
    """The modelled years whose entry has a non-empty ``key``, as problems list them."""
    years = [str(y) for y in rules.modelled_years if rules.years[y].get(key)]
    return ", ".join(years) or WORDS["none"]


def armed_forces_titles(rules: Rules, year: int) -> dict[str, str]:
    """Each individual title of the year's emulation rules given outside the armed forces
    → the title given in its place in the armed forces (LDTT → CSTT), as the rules' own
    ``applies_if`` on ``armed_forces`` pair them, in order: the form offers one choice
    for both and writes the one that fits the profile."""
    titles = rules.thi_dua[rules.years[year]["thi_dua"]].get("individual_titles", [])

    def given(armed: bool) -> list[str]:
        condition = {"field": "armed_forces", "value": armed}
        return [title["title"] for title in titles if title.get("applies_if") == condition]

    return dict(zip(given(False), given(True), strict=False))


def year_lookups(rules: Rules, year: int) -> dict[str, Any]:
    """What ``Rules.export()`` publishes in ``years[year].lookups``: the rule set of a
    unit's HTXS cap by role or unit kind, the flags' defaults for each such rule set,
    the years with collectives on 100 points (a problem names them) and the titles the
    armed forces are given in place of others (``armed_forces_titles``)."""
    entry = rules.years[year]
    by_kind = quota_rule_sets(entry)
    quota_ids = sorted({*by_kind.values(), entry["quota_rules"]})
    return {
        "quota_rules": by_kind,
        "flags": {rid: flag_defaults(rules, year, rid) for rid in quota_ids},
        "collective_years": years_with(rules, "collective_rules"),
        "armed_forces_titles": armed_forces_titles(rules, year),
    }
