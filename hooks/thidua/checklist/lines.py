"""Checklist lines computed from the criteria data, the way the evaluator reads it.

A thi-đua title gives one list: its bindings in data order, an ``any_of`` with its
alternatives nested (the evaluator's rule: a title is eligible when every binding that
is not a sub-criterion of an ``any_of`` in its list is met). An evaluation rule set
gives, per role, the gates, the KHTNV cases and the levels HTXS → HTT → HTNV, each for
staff without and with a leadership post. A line's citations are the evaluator's
explanation basis: the section basis for the role and branch, then the binding's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from thidua.checklist.conditions import threshold
from thidua.checklist.said import Code, Percent, Said, said
from thidua.contract import COLLECTIVE_TITLES, INDIVIDUAL_TITLES
from thidua.contract import ROLES as ROLES  # the pages per role (checklist, diff)
from thidua.errors import ContentError
from thidua.yaml_lines import line_of

if TYPE_CHECKING:
    from thidua.criteria import Rules

BRANCHES = ("non_leader", "leader")
COLLECTIVE_ROLE = "collective"  # the page of collectives on 100 points (contract v3)
INDIVIDUAL = INDIVIDUAL_TITLES
COLLECTIVE = COLLECTIVE_TITLES


@dataclass(frozen=True)
class Citation:
    """One legal basis as written in the data; ``unverified`` per the [U] table."""

    basis: str
    unverified: bool = False


@dataclass
class Line:
    """One tickable line: a criterion, its threshold, its citations.

    ``notes`` are sentences to word (``thidua.checklist.said``) or texts of the data."""

    id: str
    criterion: str
    text: str
    condition: Any
    citations: list[Citation]
    notes: list[Said | str] = field(default_factory=list)
    alternatives: list[Line] = field(default_factory=list)

    @property
    def unverified(self) -> bool:
        return any(c.unverified for c in self.citations)

    def all_lines(self) -> list[Line]:
        """This line and its alternatives (every tickable line)."""
        return [self, *(line for alt in self.alternatives for line in alt.all_lines())]


@dataclass
class Part:
    """A list of lines under an optional heading (e.g. staff with a leadership post)."""

    heading: Said | None
    lines: list[Line]
    anchor: str = ""


@dataclass
class Section:
    """A group of parts: a level, the gates, the KHTNV cases — or a title's one list.

    ``heading`` is a sentence (``Said``), a level (``Code``) or a layer's own name."""

    heading: Said | Code | str | None
    anchor: str
    parts: list[Part]
    notes: list[Said | str] = field(default_factory=list)


@dataclass
class Block:
    """One rule set on a checklist page, under a banner naming its years and documents."""

    rule_id: str
    anchor: str
    name: str
    years: list[int]
    years_text: str
    documents: list[str]
    in_force_from: str | None
    notes: list[Said | str]
    reviews: list[str]
    sections: list[Section]
    examples: list = field(default_factory=list)
    change_anchor: str | None = None  # the section of the change page that led here

    def lines(self) -> list[Line]:
        return [
            line
            for section in self.sections
            for part in section.parts
            for top in part.lines
            for line in top.all_lines()
        ]


def anchor_of(text: str) -> str:
    """A stable ASCII anchor for a rule-set id or criterion id."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def years_text(years: list[int]) -> str:
    """``[2019, 2020, 2021, 2023]`` → ``2019–2021, 2023``."""
    out: list[str] = []
    run: list[int] = []
    for year in sorted(years):
        if run and year != run[-1] + 1:
            out.append(_run(run))
            run = []
        run.append(year)
    if run:
        out.append(_run(run))
    return ", ".join(out)


def _run(run: list[int]) -> str:
    return str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}"


def thi_dua_years(rules: Rules, rule_id: str) -> list[int]:
    """The evaluation years whose emulation rules are ``rule_id``."""
    return [y for y in rules.modelled_years if rules.years[y]["thi_dua"] == rule_id]


def danh_gia_years(rules: Rules, rule_id: str, role: str) -> list[int]:
    """The evaluation years in which ``role`` is classified under ``rule_id`` (by default,
    or under a role transition such as NĐ 233/2026 Điều 20 khoản 1). ``role`` may be
    ``collective``: the years whose collectives on 100 points use ``rule_id``."""
    if role == COLLECTIVE_ROLE:
        return [
            y
            for y in rules.modelled_years
            if rule_id in rules.years[y].get("collective_rules", {}).values()
        ]
    return [
        y
        for y in rules.modelled_years
        if rules.years[y]["danh_gia"].get(role) == rule_id
        or rules.years[y].get("role_transitions", {}).get(role, {}).get("rule_set") == rule_id
    ]


def text(pair: dict | None, lang: str) -> str:
    """The ``lang`` text of a {vi, en} pair (Vietnamese when English is missing)."""
    if not pair:
        return ""
    return pair.get(lang) or pair.get("vi") or ""


def unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def citations(rules: Rules, bases: list[str], used_by: str, rule_id: str) -> list[Citation]:
    """Citations for ``bases``, each marked when the [U] table marks it for this use."""
    from thidua.evaluator.engine import unverified

    marked = set(unverified(rules, [(b, used_by, rule_id) for b in bases]))
    return [Citation(b, b in marked) for b in unique(bases)]


def section_basis(section_basis: dict, role: str, branch: str) -> list[str]:
    """The basis of a level or of KHTNV for ``role`` and ``branch`` (as the evaluator)."""
    entry = section_basis.get(role) or section_basis.get("all") or {}
    return list(entry.get(branch, []))


class _Maker:
    """Builds lines for one rule set in one language."""

    def __init__(self, rules: Rules, rule_set: dict, lang: str, prefix: str) -> None:
        self.rules = rules
        self.rule_set = rule_set
        self.lang = lang
        self.prefix = prefix

    def line(self, cid: str, bases: list[str], suffix: str = "") -> Line:
        crit = self.rules.criteria[cid]
        notes: list[str] = []
        flag = crit.get("enabled_by_flag")
        if flag:
            default = self.rule_set.get("flag_defaults", {}).get(
                flag, self.rules.flags.get(flag, {}).get("default")
            )
            shown = text(self.rules.flags.get(flag, {}).get("text"), self.lang) or flag
            notes.append(said("flag_on" if default else "flag_off", flag=shown))
        return Line(
            id=anchor_of(f"{self.prefix}-{cid}{suffix}"),
            criterion=cid,
            text=text(crit["text"], self.lang),
            condition=threshold(crit),
            citations=citations(self.rules, bases, cid, self.rule_set["id"]),
            notes=notes,
        )

    def bindings(self, bindings: list[dict], base: list[str]) -> list[Line]:
        """Lines for a binding list; sub-criteria of an ``any_of`` nested under it."""
        own = {b["criterion"]: b for b in bindings}
        nested: set[str] = set()
        for binding in bindings:
            crit = self.rules.criteria[binding["criterion"]]
            if crit["op"] == "any_of":
                nested.update(crit["criteria"])
        out: list[Line] = []
        for binding in bindings:
            cid = binding["criterion"]
            if cid in nested:
                continue
            bases = unique(base + binding.get("legal_basis", []))
            line = self.line(cid, bases)
            crit = self.rules.criteria[cid]
            if crit["op"] == "any_of":
                for sub in crit["criteria"]:
                    sub_bases = unique(base + own.get(sub, binding).get("legal_basis", []))
                    line.alternatives.append(self.line(sub, sub_bases))
            out.append(line)
        return out


def title_block(rules: Rules, rule_id: str, code: str, lang: str) -> Block | None:
    """The checklist of title ``code`` under the emulation rules ``rule_id`` (None if the
    rules do not have the title). Raises ``ContentError`` when it would be empty."""
    rule_set = rules.thi_dua[rule_id]
    for group in ("individual_titles", "collective_titles"):
        for index, title in enumerate(rule_set[group]):
            if title["title"] != code:
                continue
            maker = _Maker(rules, rule_set, lang, rule_id)
            lines = maker.bindings(title["criteria"], [])
            if not lines:
                raise ContentError(
                    rules.files.get(rule_id, rule_id),
                    line_of(rule_set[group], index),
                    f"{group}[{index}].criteria",
                    f"an empty checklist for {code}",
                    "at least one criterion binding",
                )
            notes: list[Said | str] = []
            cond = title.get("applies_if")
            if cond and cond.get("field") == "armed_forces":
                notes.append(said(f"applies_if_armed_{str(bool(cond['value'])).lower()}"))
            quota = (rule_set.get("quotas") or {}).get("cstdcs") or {}
            if code == "CSTDCS" and quota.get("ratio"):
                cited = "; ".join(f"[[{b}]]" for b in quota.get("legal_basis", []))
                after = (text(quota["note"], lang),) if quota.get("note") else ()
                ratio = Percent(float(quota["ratio"]))
                notes.append(said("quota_note", *after, sep=" ", ratio=ratio, basis=cited))
            reviews = [text(title["review"], lang)] if title.get("review") else []
            chain = rule_set.get("chain_review")
            uses_chain = any(
                rules.criteria[line.criterion]["op"] in ("chain", "chain_in_run") for line in lines
            )
            if chain and uses_chain:
                reviews.append(text(chain["reason"], lang))
            section = Section(None, "", [Part(None, lines)], notes)
            return _block(rules, rule_set, thi_dua_years(rules, rule_id), lang, [section], reviews)
    return None


def role_block(rules: Rules, rule_id: str, role: str, lang: str) -> Block | None:
    """The classification checklist of ``role`` under ``rule_id`` (None when the rules are
    held as text only). Raises ``ContentError`` when a list would be empty."""
    rule_set = rules.danh_gia[rule_id]
    if rule_set["kind"] == "text_only":
        return None
    file = rules.files.get(rule_id, rule_id)
    maker = _Maker(rules, rule_set, lang, rule_id)
    sections: list[Section] = []
    gate_lines: list[Line] = []
    for gate in rule_set.get("gates", []):
        maker.prefix = f"{rule_id}-gates"
        line = maker.bindings([gate], [])[0]
        effect = gate["effect"]
        reason = effect == "manual_review" and gate.get("reason")
        after = (text(gate["reason"], lang),) if reason else ()
        line.notes.append(said(f"effect_{effect}", *after, sep=" ", level=gate.get("cap", "")))
        gate_lines.append(line)
    lead = rule_set.get("leader_cap")
    if lead:
        maker.prefix = f"{rule_id}-gates"
        line = maker.bindings([{"criterion": lead["criterion"]}], lead["legal_basis"])[0]
        line.notes.append(said("effect_leader_cap", text(lead["reason"], lang), sep=" "))
        gate_lines.append(line)
    if gate_lines:
        sections.append(Section(said("gates"), "gates", [Part(None, gate_lines)]))
    groups: list[tuple[str, Said | Code, dict, list[Said | str]]] = []
    if "khtnv" in rule_set:
        groups.append(("khtnv", said("khtnv"), rule_set["khtnv"], [said("khtnv_note")]))
    for level in rule_set.get("levels", []):
        name = Code("level_with_code", level["level"])
        groups.append((level["level"].lower(), name, level, []))
    collective = role == COLLECTIVE_ROLE
    for key, heading, section, notes in groups:
        parts: list[Part] = []
        for branch in ("non_leader",) if collective else BRANCHES:
            bindings = section.get(branch, [])
            maker.prefix = f"{rule_id}-{key}-{branch}"
            lines = maker.bindings(bindings, section_basis(section["basis"], role, branch))
            if collective:
                for binding, line in zip(bindings, lines, strict=False):
                    if binding.get("review"):
                        line.notes.append(text(binding["review"], lang))
                if lines:
                    parts.append(Part(None, lines, anchor_of(key)))
                continue
            if not lines:
                raise ContentError(
                    file,
                    line_of(section, branch),
                    f"{key}.{branch}",
                    f"an empty checklist ({key}, {branch})",
                    "at least one criterion binding",
                )
            parts.append(Part(said(branch), lines, anchor_of(f"{key}-{branch}")))
        level_review = section.get("review") if key != "khtnv" else None
        if level_review:
            notes = [*notes, text(level_review, lang)]
        if parts:
            sections.append(Section(heading, key, parts, notes))
    if not sections:
        raise ContentError(
            file, None, "levels", "an empty checklist", "gates, khtnv or levels with criteria"
        )
    notes: list[Said | str] = [said("level_note")]
    if rule_set.get("band_review"):
        notes.append(text(rule_set["band_review"]["reason"], lang))
    if rule_set.get("fallback", {}).get("reason"):
        notes.append(text(rule_set["fallback"]["reason"], lang))
    years = danh_gia_years(rules, rule_id, role)
    for year in years:
        note = rules.years[year].get("notes", {}).get(role)
        if note:
            notes.append(f"{year}: {text(note, lang)}")
        transition = rules.years[year].get("role_transitions", {}).get(role)
        if transition:
            key = "applied" if transition["rule_set"] == rule_id else "not_applied"
            notes.append(
                f"{year}: {text(transition[key], lang)} {text(transition['review'], lang)}"
            )
    block = _block(rules, rule_set, years, lang, sections, [])
    block.notes = notes + block.notes
    return block


def _block(
    rules: Rules,
    rule_set: dict,
    years: list[int],
    lang: str,
    sections: list[Section],
    reviews: list[str],
) -> Block:
    notes: list[Said | str] = []
    for year in years:
        transition = rules.years[year].get("transition")
        if transition:
            notes.append(f"{year}: {text(transition, lang)}")
    in_force = rule_set.get("in_force_from")
    if in_force:
        iso = str(in_force)
        in_force = f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if len(iso) == 10 else iso
    return Block(
        rule_id=rule_set["id"],
        anchor=anchor_of(rule_set["id"]),
        name=text(rule_set["name"], lang),
        years=years,
        years_text=years_text(years),
        documents=list(rule_set.get("documents", [])),
        in_force_from=str(in_force) if in_force else None,
        notes=notes,
        reviews=reviews,
        sections=sections,
    )
