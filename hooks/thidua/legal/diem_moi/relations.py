""" "Điểm mới", part 4: relation data — the boxes and arrows of a document's relations.

Plain data (positions, wrapped titles) for a diagram any renderer can draw; no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.legal.registry import Document, Registry

# Relations drawn on the left (other documents act on this one) and on the right
# (this document acts on them); each arrow reads "subject — verb → object".
INCOMING = ("bi_thay_the_boi", "duoc_sua_doi_boi", "duoc_huong_dan_boi", "lam_can_cu_cho")
OUTGOING = ("thay_the", "sua_doi", "huong_dan", "can_cu")
BOX_WIDTH, CENTRE_WIDTH, GAP = 180, 200, 110
BOX_HEIGHT, BOX_GAP, MARGIN = 62, 14, 4
LINE_CHARS, CENTRE_CHARS = 26, 29


@dataclass
class Node:
    """A box of the diagram: a document, where it stands and its wrapped title."""

    document: Document
    relation: str  # the relation as written from this box towards the centre box
    x: int
    y: int
    width: int
    height: int
    lines: list[str]

    @property
    def middle(self) -> int:
        """The y of the box's middle (where its arrow runs)."""
        return self.y + self.height // 2


@dataclass
class Diagram:
    """The relation diagram of one document: a centre box, boxes left and right."""

    centre: Node
    left: list[Node]
    right: list[Node]
    width: int
    height: int

    @property
    def nodes(self) -> list[Node]:
        """Left boxes, then right boxes."""
        return [*self.left, *self.right]


def wrap(text: str, width: int, lines: int) -> list[str]:
    """``text`` cut into at most ``lines`` lines of ``width`` characters ("…" when cut)."""
    words = text.split()
    out: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        last = out[-1]
        out[-1] = (last if len(last) < width else last[: width - 2].rsplit(" ", 1)[0]) + " …"
    return out


def relation_diagram(document: Document, registry: Registry) -> Diagram | None:
    """The boxes and arrows of ``document``'s relations, or None when it has none."""
    left = [(r, d) for r in INCOMING for d in _related(document, registry, r)]
    right = [(r, d) for r in OUTGOING for d in _related(document, registry, r)]
    if not left and not right:
        return None
    rows = max(len(left), len(right))
    column = rows * BOX_HEIGHT + (rows - 1) * BOX_GAP
    x = MARGIN
    left_x = x
    if left:
        x += BOX_WIDTH + GAP
    centre_x = x
    x += CENTRE_WIDTH
    right_x = x + GAP
    width = (right_x + BOX_WIDTH if right else x) + MARGIN

    def boxes(items: list[tuple[str, Document]], at: int) -> list[Node]:
        used = len(items) * BOX_HEIGHT + (len(items) - 1) * BOX_GAP
        top = MARGIN + (column - used) // 2
        return [
            Node(
                doc,
                relation,
                at,
                top + index * (BOX_HEIGHT + BOX_GAP),
                BOX_WIDTH,
                BOX_HEIGHT,
                wrap(doc.ten, LINE_CHARS, 2),
            )
            for index, (relation, doc) in enumerate(items)
        ]

    centre_lines = wrap(document.ten, CENTRE_CHARS, max(2, (column - 30) // 15))
    centre = Node(document, "", centre_x, MARGIN, CENTRE_WIDTH, column, centre_lines)
    return Diagram(centre, boxes(left, left_x), boxes(right, right_x), width, column + 2 * MARGIN)


def _related(document: Document, registry: Registry, relation: str) -> list[Document]:
    found = (registry.document(s) for s in document.relations.get(relation, []))
    return [d for d in found if d is not None]
