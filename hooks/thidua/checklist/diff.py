"""What changed between two consecutive rule sets, compared from the data.

Consecutive rule sets come from the year table: for emulation, the ``thi_dua`` rule set
of each year; for evaluation, the ``danh_gia`` rule set of each role (roles that change
to the same pair in the same year share one comparison). Within each scope (a title; a
level, the gates or the KHTNV cases for one branch) a criterion is *added*, *removed*,
or — a removed and an added criterion of the same shape (same operation and
parameters but the numbers) — a *threshold change* (10 → 6 months). A criterion kept
with other citations is a *basis change*; a gate with another effect an *effect
change*. Rule-wide settings (documents, quotas, the HTXS cap, flag defaults, the kind
of rules — the move to 100 points) are listed first. Every change carries the
citations before and after.

What a change says is data (``thidua.checklist.said``): scopes are titles and levels by
code (``Code``) and the page's own words by key (``Said``), worded by the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from thidua.checklist.conditions import numbers, shape, threshold
from thidua.checklist.lines import (
    BRANCHES,
    ROLES,
    Citation,
    citations,
    section_basis,
    text,
    unique,
)
from thidua.checklist.said import Code, Joined, Percent, Said, said

if TYPE_CHECKING:
    from thidua.criteria import Rules


@dataclass
class Change:
    """One change: its kind, where (scope), what, and the citations before and after.

    ``scope``, ``text``, ``before`` and ``after`` are sentences to word (``Said``,
    ``Code``, ``Joined``, ``Percent``) or texts of the criteria data."""

    kind: str  # added | removed | threshold | basis | effect | setting
    scope: Any
    text: Any
    before: Any = None
    after: Any = None
    old: list[Citation] = field(default_factory=list)
    new: list[Citation] = field(default_factory=list)


@dataclass
class Transition:
    """Two consecutive rule sets of one family and the changes between them."""

    family: str  # thi_dua | danh_gia
    old_id: str
    new_id: str
    year: int
    roles: list[str]
    slug: str
    heading: Said
    old_name: str
    new_name: str
    changes: list[Change]
    headline: list[Said] = field(default_factory=list)

    def by_kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


def transitions(rules: Rules) -> list[tuple[str, str, str, int, list[str]]]:
    """``(family, old, new, first year, roles)`` for every change of rule set, in order."""
    found: list[tuple[str, str, str, int, list[str]]] = []
    years = rules.modelled_years
    for before, after in zip(years, years[1:], strict=False):
        old, new = rules.years[before], rules.years[after]
        if old["thi_dua"] != new["thi_dua"]:
            found.append(("thi_dua", old["thi_dua"], new["thi_dua"], after, []))
        pairs: dict[tuple[str, str], list[str]] = {}
        for role in ROLES:
            a, b = old["danh_gia"].get(role), new["danh_gia"].get(role)
            if a and b and a != b:
                pairs.setdefault((a, b), []).append(role)
        for (a, b), roles in pairs.items():
            found.append(("danh_gia", a, b, after, roles))
    return found


@dataclass
class _Entry:
    cid: str
    bases: list[str]
    effect: str | None = None


def _scopes_thi_dua(rule_set: dict) -> dict[Any, dict[str, _Entry]]:
    out: dict[Any, dict[str, _Entry]] = {}
    for group in ("individual_titles", "collective_titles"):
        for title in rule_set[group]:
            out[Code("titles", title["title"])] = {
                b["criterion"]: _Entry(b["criterion"], list(b.get("legal_basis", [])))
                for b in title["criteria"]
            }
    return out


def _scopes_danh_gia(rule_set: dict, roles: list[str]) -> dict[Any, dict[str, _Entry]]:
    out: dict[Any, dict[str, _Entry]] = {}
    gates = {
        g["criterion"]: _Entry(
            g["criterion"], list(g.get("legal_basis", [])), f"{g['effect']}:{g.get('cap', '')}"
        )
        for g in rule_set.get("gates", [])
    }
    lead = rule_set.get("leader_cap")
    if lead:
        gates[lead["criterion"]] = _Entry(
            lead["criterion"], list(lead["legal_basis"]), "leader_cap:"
        )
    if gates:
        out[said("gates")] = gates
    sections: list[tuple[Any, dict]] = []
    if "khtnv" in rule_set:
        sections.append((said("khtnv"), rule_set["khtnv"]))
    for level in rule_set.get("levels", []):
        sections.append((Code("level_with_code", level["level"]), level))
    for name, section in sections:
        for branch in BRANCHES:
            base: list[str] = []
            for role in roles:
                base += section_basis(section["basis"], role, branch)
            entries = {
                b["criterion"]: _Entry(b["criterion"], unique(base + b.get("legal_basis", [])))
                for b in section.get(branch, [])
            }
            out[Joined((name, said(f"scope_{branch}")), " — ")] = entries
    return out


def compare(
    rules: Rules, family: str, old_id: str, new_id: str, year: int, roles: list[str], lang: str
) -> Transition:
    """The changes from rule set ``old_id`` to ``new_id`` (``family``) in ``lang``."""
    none = said("none")
    sets = rules.thi_dua if family == "thi_dua" else rules.danh_gia
    old, new = sets[old_id], sets[new_id]
    changes: list[Change] = []
    headline: list[Said] = []

    def cite(bases: list[str], cid: str, rule_id: str) -> list[Citation]:
        return citations(rules, bases, cid, rule_id)

    # Rule-wide settings.
    if old.get("documents", []) != new.get("documents", []):
        changes.append(
            Change(
                "setting",
                said("documents_changed"),
                "",
                None if old.get("documents") else none,
                None if new.get("documents") else none,
                [Citation(d) for d in old.get("documents", [])],
                [Citation(d) for d in new.get("documents", [])],
            )
        )
    if family == "danh_gia":
        if old.get("kind") != new.get("kind"):
            if new.get("kind") == "points":
                headline.append(said("kind_points"))
            if old.get("kind") == "text_only":
                headline.append(said("kind_text_only"))
        old_cap, new_cap = old.get("htxs_cap") or {}, new.get("htxs_cap") or {}
        before = _cap(old_cap)
        after = _cap(new_cap)
        if before != after:
            changes.append(
                Change(
                    "setting",
                    said("cap_changed"),
                    text(new_cap.get("note"), lang),
                    before,
                    after,
                    cite(old_cap.get("legal_basis", []), "quota.htxs", old_id),
                    cite(new_cap.get("legal_basis", []), "quota.htxs", new_id),
                )
            )
        scopes_old = _scopes_danh_gia(old, roles)
        scopes_new = _scopes_danh_gia(new, roles)
    else:
        old_q = (old.get("quotas") or {}).get("cstdcs") or {}
        new_q = (new.get("quotas") or {}).get("cstdcs") or {}
        if (old_q.get("ratio"), old_q.get("legal_basis")) != (
            new_q.get("ratio"),
            new_q.get("legal_basis"),
        ):
            changes.append(
                Change(
                    "setting" if old_q.get("ratio") != new_q.get("ratio") else "basis",
                    said("quota_changed"),
                    text(new_q.get("note"), lang),
                    _ratio(old_q.get("ratio")),
                    _ratio(new_q.get("ratio")),
                    cite(old_q.get("legal_basis", []), "quota.cstdcs", old_id),
                    cite(new_q.get("legal_basis", []), "quota.cstdcs", new_id),
                )
            )
        flags = sorted(set(old.get("flag_defaults", {})) | set(new.get("flag_defaults", {})))
        for flag in flags:
            a = old.get("flag_defaults", {}).get(flag, rules.flags.get(flag, {}).get("default"))
            b = new.get("flag_defaults", {}).get(flag, rules.flags.get(flag, {}).get("default"))
            if a != b:
                changes.append(
                    Change(
                        "setting",
                        said("flag_changed"),
                        text(rules.flags.get(flag, {}).get("text"), lang),
                        said("on" if a else "off"),
                        said("on" if b else "off"),
                    )
                )
        scopes_old = _scopes_thi_dua(old)
        scopes_new = _scopes_thi_dua(new)

    for scope in [*scopes_new, *(s for s in scopes_old if s not in scopes_new)]:
        before = scopes_old.get(scope, {})
        after = scopes_new.get(scope, {})
        if scope not in scopes_old and old.get("kind") != "text_only":
            new_word = said("section_added" if family == "danh_gia" else "title_added")
            changes.append(Change("setting", scope, new_word))
        if scope not in scopes_new:
            changes.append(
                Change(
                    "setting",
                    scope,
                    said("level_gone" if family == "danh_gia" else "title_removed"),
                )
            )
        removed = [e for cid, e in before.items() if cid not in after]
        added = [e for cid, e in after.items() if cid not in before]
        for entry in list(added):
            crit = rules.criteria[entry.cid]
            match = next(
                (
                    r
                    for r in removed
                    if shape(rules.criteria[r.cid]) == shape(crit)
                    and numbers(rules.criteria[r.cid]) != numbers(crit)
                ),
                None,
            )
            if match is None:
                continue
            removed.remove(match)
            added.remove(entry)
            old_crit = rules.criteria[match.cid]
            changes.append(
                Change(
                    "threshold",
                    scope,
                    text(crit["text"], lang),
                    threshold(old_crit),
                    threshold(crit),
                    cite(match.bases, match.cid, old_id),
                    cite(entry.bases, entry.cid, new_id),
                )
            )
        for entry in removed:
            crit = rules.criteria[entry.cid]
            changes.append(
                Change(
                    "removed",
                    scope,
                    text(crit["text"], lang),
                    threshold(crit),
                    None,
                    cite(entry.bases, entry.cid, old_id),
                )
            )
        for entry in added:
            crit = rules.criteria[entry.cid]
            changes.append(
                Change(
                    "added",
                    scope,
                    text(crit["text"], lang),
                    None,
                    threshold(crit),
                    [],
                    cite(entry.bases, entry.cid, new_id),
                )
            )
        for cid, entry in after.items():
            if cid not in before:
                continue
            was = before[cid]
            crit_text = text(rules.criteria[cid]["text"], lang)
            if was.effect != entry.effect:
                changes.append(
                    Change(
                        "effect",
                        scope,
                        crit_text,
                        _effect(was.effect),
                        _effect(entry.effect),
                        cite(was.bases, cid, old_id),
                        cite(entry.bases, cid, new_id),
                    )
                )
            elif was.bases != entry.bases:
                changes.append(
                    Change(
                        "basis",
                        scope,
                        crit_text,
                        None,
                        None,
                        cite(was.bases, cid, old_id),
                        cite(entry.bases, cid, new_id),
                    )
                )
    if family == "thi_dua":
        heading = said("change_heading_td", year=year)
        slug = f"thi-dua-{year}"
    else:
        role_names = Joined(tuple(Code("roles", r) for r in roles))
        heading = said("change_heading_dg", year=year, roles=role_names)
        slug = f"danh-gia-{year}"
    return Transition(
        family=family,
        old_id=old_id,
        new_id=new_id,
        year=year,
        roles=roles,
        slug=slug,
        heading=heading,
        old_name=text(old["name"], lang),
        new_name=text(new["name"], lang),
        changes=changes,
        headline=headline,
    )


def _cap(cap: dict) -> Any:
    """The HTXS cap: its ratio, and the count it is taken of (in brackets)."""
    ratio = cap.get("ratio")
    if ratio is None:
        return said("none")
    base = cap.get("base")
    shown = _ratio(ratio)
    return Joined((shown, said(f"base_{base}")), " (", ")") if base else shown


def _ratio(ratio: str | None) -> Any:
    return said("none") if ratio is None else Percent(float(ratio))


def _effect(effect: str | None) -> Said:
    """A gate's effect (``effect:cap``) for the table of changes."""
    if effect is None:
        return said("none")
    name, _, cap = effect.partition(":")
    return said(f"change_effect.{name}", level=cap)


def all_transitions(rules: Rules, lang: str) -> list[Transition]:
    """Every comparison between consecutive rule sets, slugs made unique, in year order."""
    out: list[Transition] = []
    seen: dict[str, int] = {}
    for family, old, new, year, roles in transitions(rules):
        item = compare(rules, family, old, new, year, roles, lang)
        if item.slug in seen:
            item.slug = f"{item.slug}-{'-'.join(r.replace('_', '-') for r in roles)}"
        seen[item.slug] = 1
        out.append(item)
    return out
