"""The title ladder ("Thang danh hiệu") read from the emulation rule sets.

The steps and the chains are not written anywhere as a picture: they follow from the
operations of the criteria — ``title_eligible`` (meets the standard of LĐTT/CSTT),
``chain`` (N consecutive years holding a title) and ``chain_in_run`` (N consecutive
awards within an unbroken run). Rule sets whose ladders are equal share one drawing
with the years they cover. The model is data: titles by code, what an arrow says as a
sentence to word (``thidua.checklist.said``); the adapter words it and lays out the SVG
(``hooks/thidua_mkdocs/checklist_ladder.py``). A step or collective title whose
checklist has an unverified line or a review (``thidua.checklist.status``) is marked
``unverified``: drawn with a dashed border and the words "chưa xác minh", as its
checklist and the Tiêu chí page mark it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from thidua.checklist.conditions import threshold
from thidua.checklist.lines import COLLECTIVE, INDIVIDUAL, thi_dua_years, years_text
from thidua.checklist.said import Code, Joined, Said, said
from thidua.checklist.status import title_status

if TYPE_CHECKING:
    from thidua.criteria import Rules


@dataclass
class Node:
    """A title box: its code, its name (the base step names every base title) and facts."""

    code: str
    name: Any
    facts: list[Any] = field(default_factory=list)
    unverified: bool = False


@dataclass
class Edge:
    """An arrow from one step up to the next: ``label`` on the drawing (short names),
    ``how`` in the text equivalent (full names)."""

    source: str
    target: str
    label: Said
    how: Said


@dataclass
class Ladder:
    """One drawing: the rule sets and years it covers, steps, arrows, collective titles,
    and its text equivalent (``text_lines``)."""

    rule_ids: list[str]
    years_text: str
    anchor: str
    base: list[str]
    steps: list[Node]
    edges: list[Edge]
    collective: list[Node]
    text_lines: list[Any] = field(default_factory=list)
    signature: tuple = ()

    @property
    def title(self) -> Said:
        return said("ladder_svg_title", years=self.years_text)


def _links(rules: Rules, rule_set: dict) -> tuple[list[str], list[tuple[str, str, str, int]]]:
    """(base titles, [(source, target, op, count)]) from the individual titles' criteria."""
    base: list[str] = []
    links: list[tuple[str, str, str, int]] = []
    for title in rule_set["individual_titles"]:
        for binding in title["criteria"]:
            crit = rules.criteria[binding["criterion"]]
            if crit["op"] == "title_eligible":
                for source in crit["titles"]:
                    if source not in base:
                        base.append(source)
                links.append((crit["titles"][0], title["title"], "title_eligible", 0))
            elif crit["op"] in ("chain", "chain_in_run"):
                links.append((crit["title"], title["title"], crit["op"], crit["count"]))
    return base, links


def _order(base: list[str], links: list[tuple[str, str, str, int]]) -> list[str]:
    """Steps from the base upwards, following the links (first base title first)."""
    order = base[:1]
    while True:
        nexts = [t for s, t, _, _ in links if s == order[-1] and t not in order]
        if not nexts:
            return order
        order.append(nexts[0])


def _collective_facts(rules: Rules, title: dict, lang: str) -> list[Any]:
    """Short facts of a collective title: its criteria that carry a threshold."""
    facts: list[Any] = []
    for binding in title["criteria"]:
        crit = rules.criteria[binding["criterion"]]
        if crit["op"] in ("ratio", "compare"):
            field_name = crit.get("field") or (crit.get("num") or [""])[0]
            facts.append(Joined((Code("ladder_subject", field_name), threshold(crit)), " "))
    return facts


def _marked(name: Any, flag: bool) -> Any:
    """A name followed by "(not verified)" when its checklist is."""
    return Joined((name, said("unverified")), " (", ")") if flag else name


def build(rules: Rules, rule_id: str, lang: str) -> Ladder:
    """The ladder of the emulation rules ``rule_id`` (``lang``: of thresholds and status)."""
    rule_set = rules.thi_dua[rule_id]
    titles = {t["title"]: t for t in rule_set["individual_titles"]}
    base, links = _links(rules, rule_set)
    order = _order(base, links) if base else [c for c in INDIVIDUAL if c in titles][:1]

    def unverified(codes: list[str]) -> bool:
        found = [title_status(rules, rule_id, c, lang) for c in codes]
        return any(s is not None and s.unverified for s in found)

    base_names = Joined(tuple(Code("titles", c) for c in base or order[:1]), " / ")
    steps: list[Node] = []
    for index, code in enumerate(order):
        shown = base_names if index == 0 else Code("titles", code)
        node = Node(code, shown)
        node.unverified = unverified((base or order[:1]) if index == 0 else [code])
        steps.append(node)
    by_code = {n.code: n for n in steps}
    edges: list[Edge] = []
    text_lines: list[Any] = [said("ladder_base", titles=_marked(base_names, steps[0].unverified))]
    for source, target, op, count in links:
        if source not in by_code or target not in by_code:
            continue
        if op == "title_eligible":
            abbr = Joined(tuple(Code("title_abbr", c) for c in base), " / ")
            how = label = said("meets", titles=abbr)
        else:
            how = said(op, count=count, title=Code("titles", source))
            label = said(op, count=count, title=Code("title_abbr", source))
        edges.append(Edge(source, target, label, how))
        target_name = _marked(Code("titles", target), by_code[target].unverified)
        text_lines.append(
            said("ladder_step", source=Code("titles", source), target=target_name, how=how)
        )
    collective: list[Node] = []
    for title in sorted(rule_set["collective_titles"], key=lambda t: COLLECTIVE.index(t["title"])):
        node = Node(title["title"], Code("titles", title["title"]))
        node.facts = _collective_facts(rules, title, lang)
        node.unverified = unverified([title["title"]])
        collective.append(node)
        # "Danh hiệu tập thể: <name> (<facts>) — <not verified>"
        parts: list[Any] = [Joined((said("ladder_collective"), node.name), ": ")]
        if node.facts:
            parts += [" (", Joined(tuple(node.facts), "; "), ")"]
        if node.unverified:
            parts += [" — ", said("unverified")]
        text_lines.append(Joined(tuple(parts), ""))
    years = thi_dua_years(rules, rule_id)
    signature = (
        tuple((n.code, n.name, n.unverified) for n in steps),
        tuple(e.label for e in edges),
        tuple((n.code, tuple(n.facts), n.unverified) for n in collective),
    )
    return Ladder(
        rule_ids=[rule_id],
        years_text=years_text(years),
        anchor=f"thang-{years[0]}" if years else f"thang-{rule_id}",
        base=base,
        steps=steps,
        edges=edges,
        collective=collective,
        text_lines=text_lines,
        signature=signature,
    )


def ladders(rules: Rules, lang: str) -> list[Ladder]:
    """One ladder per group of consecutive rule sets whose ladders are equal, newest
    first; the years of the group are merged."""
    order: list[str] = []
    for year in rules.modelled_years:
        rule_id = rules.years[year]["thi_dua"]
        if rule_id not in order:
            order.append(rule_id)
    groups: list[Ladder] = []
    for rule_id in order:
        ladder = build(rules, rule_id, lang)
        if groups and groups[-1].signature == ladder.signature:
            last = groups[-1]
            last.rule_ids.append(rule_id)
            years = [y for r in last.rule_ids for y in thi_dua_years(rules, r)]
            last.years_text = years_text(years)
            continue
        groups.append(ladder)
    return list(reversed(groups))
