"""The title ladder drawn: the core's ladder (``thidua.checklist.ladder``) worded, then
its boxes and arrows placed for the SVG of ``templates/checklist/ladder.svg.j2``.

The words decide the geometry (a long name wraps onto more rows, a box grows), so the
layout happens here, after the wording (``checklist_words.Wording``): plain numbers the
template draws. Steps stand in a column, the base at the bottom; collective titles in a
second column; an arrow's label is wrapped beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from thidua.checklist.ladder import Ladder, Node
from thidua.checklist.said import said as sentence

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
class Box:
    """A title box: its code, worded name and facts, position, size and rows of text."""

    code: str
    name: str
    facts: list[str]
    unverified: bool
    mark: str  # the words shown for an unverified title
    x: int
    w: int
    y: int = 0
    h: int = 0
    rows: list[Row] = field(default_factory=list)


@dataclass
class Arrow:
    """An arrow from one step up to the next, with its label's rows."""

    x1: int
    y1: int
    x2: int
    y2: int
    rows: list[Row]


@dataclass
class Drawing:
    """What ``ladder.svg.j2`` and the text equivalent show of one ladder."""

    anchor: str
    years_text: str
    title: str
    desc: str
    height: int
    headings: list[Row]
    steps: list[Box]
    edges: list[Arrow]
    collective: list[Box]
    text_lines: list[str]
    width: int = WIDTH


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


def _rows(box: Box, width: int) -> None:
    """Rows of a box (name, then facts, then the mark) and its height, from its ``y``."""
    y = box.y + 22
    box.rows = []
    for line in wrap(box.name, width):
        box.rows.append(Row(box.x + 12, y, line, "name"))
        y += ROW
    for fact in box.facts:
        for line in wrap(fact, width + 8):
            box.rows.append(Row(box.x + 12, y, line, "fact"))
            y += ROW - 2
    if box.unverified:
        box.rows.append(Row(box.x + 12, y, box.mark, "unverified"))
        y += ROW - 2
    box.h = y - box.y + 2


def draw(ladder: Ladder, said: Callable[[Any], str]) -> Drawing:
    """``ladder`` worded by ``said`` and laid out."""
    mark = said(sentence("unverified"))

    def box(node: Node, x: int, w: int) -> Box:
        facts = [said(fact) for fact in node.facts]
        return Box(node.code, said(node.name), facts, node.unverified, mark, x, w)

    steps = [box(node, STEP_X, STEP_W) for node in ladder.steps]
    # Top step first on the page: place from the top down, the base at the bottom.
    y = TOP
    for step in reversed(steps):
        step.y = y
        _rows(step, WRAP)
        y += step.h + STEP_GAP
    steps_bottom = y - STEP_GAP
    by_code = {step.code: step for step in steps}
    arrows: list[Arrow] = []
    for edge in ladder.edges:
        lower, upper = by_code[edge.source], by_code[edge.target]
        x, y1, y2 = lower.x + 40, lower.y - 2, upper.y + upper.h + 6
        rows = wrap(said(edge.label), LABEL_WRAP)
        middle = (y1 + y2) // 2 - (len(rows) - 1) * ROW // 2 + 5
        shown = [Row(x + 14, middle + i * ROW, row, "edge") for i, row in enumerate(rows)]
        arrows.append(Arrow(x, y1, x, y2, shown))
    collective: list[Box] = []
    y = TOP
    for node in ladder.collective:
        item = box(node, COLLECTIVE_X, COLLECTIVE_W)
        item.y = y
        _rows(item, 30)
        y += item.h + COLLECTIVE_GAP
        collective.append(item)
    text_lines = [said(line) for line in ladder.text_lines]
    return Drawing(
        anchor=ladder.anchor,
        years_text=ladder.years_text,
        title=said(ladder.title),
        desc=" ".join(text_lines),
        height=max(steps_bottom, y - COLLECTIVE_GAP) + 16,
        headings=[
            Row(STEP_X, 24, said(sentence("individual")), "heading"),
            Row(COLLECTIVE_X, 24, said(sentence("collective")), "heading"),
        ],
        steps=steps,
        edges=arrows,
        collective=collective,
        text_lines=text_lines,
    )
