"""The title ladder ("Thang danh hiệu") read from the emulation rule sets.

The steps and the chains are not written anywhere as a picture: they follow from the
operations of the criteria — ``title_eligible`` (meets the standard of LĐTT/CSTT),
``chain`` (N consecutive years holding a title) and ``chain_in_run`` (N consecutive
awards within an unbroken run). Rule sets whose ladders are equal share one drawing
with the years they cover. The model carries the geometry of the SVG as plain numbers;
the template draws it. A step or collective title whose checklist has an unverified line
or a review (``thidua.checklist.status``) is drawn with a dashed border and the words
"chưa xác minh", as its checklist and the Tiêu chí page mark it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from thidua.checklist.conditions import threshold
from thidua.checklist.lines import COLLECTIVE, INDIVIDUAL, text, thi_dua_years, years_text
from thidua.checklist.status import title_status
from thidua.checklist.words import words

if TYPE_CHECKING:
    from thidua.criteria import Rules

WIDTH = 760
TOP = 44
STEP_X = 20
STEP_W = 230
STEP_GAP = 58
COLLECTIVE_X = 480
COLLECTIVE_W = 260
COLLECTIVE_GAP = 14
ROW = 18
WRAP = 26
LABEL_WRAP = 40


@dataclass
class Row:
    """One line of text in the drawing, at an absolute position."""

    x: int
    y: int
    text: str
    kind: str = "name"


@dataclass
class Node:
    """A title box: code, name and facts, its position and its rows of text."""

    code: str
    name: str
    x: int = 0
    y: int = 0
    w: int = STEP_W
    h: int = 0
    facts: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    unverified: bool = False
    mark: str = ""  # the words shown for an unverified title ("chưa xác minh")


@dataclass
class Edge:
    """An arrow from one step up to the next, labelled with how it is earned."""

    source: str
    target: str
    label: str
    x1: int = 0
    y1: int = 0
    x2: int = 0
    y2: int = 0
    rows: list[Row] = field(default_factory=list)


@dataclass
class Ladder:
    """One drawing: the rule sets and years it covers, steps, arrows, collective titles."""

    rule_ids: list[str]
    years_text: str
    anchor: str
    title: str
    desc: str
    base: list[str]
    steps: list[Node]
    edges: list[Edge]
    collective: list[Node]
    height: int
    headings: list[Row] = field(default_factory=list)
    width: int = WIDTH
    text_lines: list[str] = field(default_factory=list)
    signature: tuple = ()


def wrap(words_text: str, width: int = WRAP) -> list[str]:
    """Split ``words_text`` into lines of at most ``width`` characters (whole words)."""
    lines: list[str] = []
    current = ""
    for word in words_text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


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


def _collective_facts(rules: Rules, title: dict, lang: str) -> list[str]:
    """Short facts of a collective title: its criteria that carry a threshold."""
    facts: list[str] = []
    for binding in title["criteria"]:
        crit = rules.criteria[binding["criterion"]]
        if crit["op"] in ("ratio", "compare"):
            facts.append(f"{_subject(crit, rules, lang)} {threshold(crit, lang)}")
    return facts


def _subject(crit: dict, rules: Rules, lang: str) -> str:
    field_name = crit.get("field") or (crit.get("num") or [""])[0]
    short = {
        "members_ldtt": ("LĐTT", "LĐTT"),
        "members_htnv_or_above": ("HTNV+", "HTNV+"),
        "members_cstdcs": ("CSTĐCS", "CSTĐCS"),
        "members_disciplined_canh_cao_or_above": ("kỷ luật cảnh cáo+", "cảnh cáo+ discipline"),
    }.get(field_name)
    if short:
        return short[1] if lang == "en" else short[0]
    return field_name


def _box(node: Node, width: int) -> None:
    """Rows of a box (name, then facts) and its height; ``node.x``/``y`` are set."""
    y = node.y + 22
    node.rows = []
    for line in wrap(node.name, width):
        node.rows.append(Row(node.x + 12, y, line, "name"))
        y += ROW
    for fact in node.facts:
        for line in wrap(fact, width + 8):
            node.rows.append(Row(node.x + 12, y, line, "fact"))
            y += ROW - 2
    if node.unverified:
        node.rows.append(Row(node.x + 12, y, node.mark, "unverified"))
        y += ROW - 2
    node.h = y - node.y + 2


def build(rules: Rules, rule_id: str, lang: str) -> Ladder:
    """The ladder of the emulation rules ``rule_id`` in ``lang`` (geometry included)."""
    w = words(lang)
    rule_set = rules.thi_dua[rule_id]
    titles = {t["title"]: t for t in rule_set["individual_titles"]}
    labels = rules.labels["titles"]
    base, links = _links(rules, rule_set)
    order = _order(base, links) if base else [c for c in INDIVIDUAL if c in titles][:1]

    def name(code: str) -> str:
        return text(labels[code], lang)

    def unverified(codes: list[str]) -> bool:
        found = [title_status(rules, rule_id, c, lang) for c in codes]
        return any(s is not None and s.unverified for s in found)

    def marked(label: str, flag: bool) -> str:
        return f"{label} ({w['unverified']})" if flag else label

    base_names = " / ".join(name(c) for c in base or order[:1])
    steps: list[Node] = []
    for index, code in enumerate(order):
        shown = base_names if index == 0 else name(code)
        node = Node(code, shown, x=STEP_X, w=STEP_W)
        node.unverified = unverified((base or order[:1]) if index == 0 else [code])
        node.mark = w["unverified"]
        _box(node, WRAP)
        steps.append(node)
    # Top step first on the page: place from the top down, the base at the bottom.
    y = TOP
    for node in reversed(steps):
        node.y = y
        _box(node, WRAP)
        y += node.h + STEP_GAP
    steps_bottom = y - STEP_GAP
    by_code = {n.code: n for n in steps}
    edges: list[Edge] = []
    text_lines = [w["ladder_base"].format(titles=marked(base_names, steps[0].unverified))]
    for source, target, op, count in links:
        if source not in by_code or target not in by_code:
            continue
        lower, upper = by_code[source], by_code[target]
        if op == "title_eligible":
            how = w["meets"].format(titles=" / ".join(_abbr(c, rules, lang) for c in base))
            label = how
        else:
            how = w[op].format(count=count, title=name(source))
            label = w[op].format(count=count, title=_abbr(source, rules, lang))
        edge = Edge(source, target, label)
        edge.x1 = edge.x2 = lower.x + 40
        edge.y1, edge.y2 = lower.y - 2, upper.y + upper.h + 6
        rows = wrap(label, LABEL_WRAP)
        middle = (edge.y1 + edge.y2) // 2 - (len(rows) - 1) * ROW // 2 + 5
        edge.rows = [Row(edge.x1 + 14, middle + i * ROW, r, "edge") for i, r in enumerate(rows)]
        edges.append(edge)
        text_lines.append(
            w["ladder_step"].format(
                source=name(source), target=marked(name(target), upper.unverified), how=how
            )
        )
    collective: list[Node] = []
    y = TOP
    for title in sorted(rule_set["collective_titles"], key=lambda t: COLLECTIVE.index(t["title"])):
        node = Node(title["title"], name(title["title"]), x=COLLECTIVE_X, w=COLLECTIVE_W)
        node.facts = _collective_facts(rules, title, lang)
        node.unverified = unverified([title["title"]])
        node.mark = w["unverified"]
        node.y = y
        _box(node, 30)
        y += node.h + COLLECTIVE_GAP
        collective.append(node)
        facts = "; ".join(node.facts)
        text_lines.append(
            f"{w['ladder_collective']}: {node.name}"
            + (f" ({facts})" if facts else "")
            + (f" — {w['unverified']}" if node.unverified else "")
        )
    headings = [
        Row(STEP_X, 24, w["individual"], "heading"),
        Row(COLLECTIVE_X, 24, w["collective"], "heading"),
    ]
    years = thi_dua_years(rules, rule_id)
    shown_years = years_text(years)
    signature = (
        tuple((n.code, n.name, n.unverified) for n in steps),
        tuple(e.label for e in edges),
        tuple((n.code, tuple(n.facts), n.unverified) for n in collective),
    )
    return Ladder(
        rule_ids=[rule_id],
        years_text=shown_years,
        anchor=f"thang-{years[0]}" if years else f"thang-{rule_id}",
        title=w["ladder_svg_title"].format(years=shown_years),
        desc=" ".join(text_lines),
        base=base,
        steps=steps,
        edges=edges,
        collective=collective,
        height=max(steps_bottom, y - COLLECTIVE_GAP) + 16,
        headings=headings,
        text_lines=text_lines,
        signature=signature,
    )


def _abbr(code: str, rules: Rules, lang: str) -> str:
    short = {
        "LDTT": "LĐTT",
        "CSTT": "CSTT",
        "CSTDCS": "CSTĐCS",
        "CSTD_BO": "CSTĐ bộ, tỉnh",
        "CSTDTQ": "CSTĐ toàn quốc",
    }
    return short.get(code, text(rules.labels["titles"][code], lang))


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
            last.title = words(lang)["ladder_svg_title"].format(years=last.years_text)
            continue
        groups.append(ladder)
    return list(reversed(groups))
