""" "Điểm mới": a document compared with its predecessor, article by article.

An editor asks for a comparison with the front-matter key ``so_sanh`` of the newer
document (docs/bien-tap/index.md, "So sánh văn bản — Điểm mới")::

    so_sanh:
      voi: "15/2003/QH11"            # the predecessor (số hiệu of a document in docs/van-ban/)
      anh_xa:                        # optional: article of this document → article of the other
        "Điều 23": "Điều 23"
        "Điều 3": mới                # no counterpart: a new article (never paired automatically)
      diem_khac:                     # optional: documented differences, one row per topic
        - chu_de: Mức xếp loại thứ ba
          truoc: Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực
          sau: Hoàn thành nhiệm vụ
          dan_chieu: "Điều 10"       # a clause of this document (or a full citation)
          chua_xac_minh: false       # optional

Articles the mapping does not name are paired automatically: every unpaired article
of the new document with every unpaired article of the old one, the most similar
pair first (``thidua.legal.diff.similarity``: difflib ratio of the normalised titles
and texts), as long as the similarity reaches ``THRESHOLD``. The similarity is shown
so that an editor can correct a wrong pairing with ``anh_xa``.

Plain Python: never imports MkDocs. ``build_comparisons(registry, docs_dir)``
returns the comparisons of a register; every problem of the key raises a
``ContentError`` naming the file and the line.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from thidua.errors import ContentError
from thidua.legal.diff import WordDiff, similarity, word_diff
from thidua.legal.metadata import SO_HIEU_FULL
from thidua.legal.ref import RefSyntaxError, parse
from thidua.legal.registry import Clause, Document, Registry, UnresolvedCitation
from thidua.legal.structure import QUOTE_CLOSE, QUOTE_OPEN, plain

KEY = "so_sanh"
THRESHOLD = 0.5  # lowest similarity at which two articles are paired automatically
NEW_WORDS = ("mới", "moi")  # anh_xa value: the article has no counterpart

# Status of a row of the comparison.
ADDED = "them"  # only in the new document
REMOVED = "bo"  # only in the old document
CHANGED = "sua_doi"  # paired, wording differs
RENUMBERED = "danh_so_lai"  # paired under another number (wording may differ too)
UNCHANGED = "khong_doi"  # paired, same wording
NOT_COMPARABLE = "khong_so_sanh"  # the old document's articles are not in the portal
STATUSES = (CHANGED, RENUMBERED, ADDED, REMOVED, UNCHANGED, NOT_COMPARABLE)

# Who paired two articles.
BY_EDITOR = "bien_tap"
BY_SIMILARITY = "tu_dong"

_DIEU = re.compile(r"^Điều\s+(?P<num>\d+[a-z]?)$")
_HEADING = re.compile(r"^#{1,6}\s")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s*[-*+]\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_ALLOWED_KEYS = ("voi", "anh_xa", "diem_khac")
_ROW_KEYS = ("chu_de", "truoc", "sau", "dan_chieu", "chua_xac_minh")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Article:
    """One Điều as compared: number, title and text (plain paragraphs)."""

    number: str
    title: str
    paragraphs: tuple[str, ...]
    anchor: str

    @property
    def label(self) -> str:
        """ "Điều 23"."""
        return f"Điều {self.number}"

    @property
    def text(self) -> str:
        """The paragraphs as one text."""
        return " ".join(self.paragraphs)


@dataclass
class Pair:
    """One row of the comparison: an article of the new and/or of the old document."""

    new: Article | None
    old: Article | None
    source: str = ""  # BY_EDITOR, BY_SIMILARITY, or "" when unpaired
    similarity: float | None = None
    diff: WordDiff | None = None
    comparable: bool = True

    @property
    def changed(self) -> bool:
        """The wording (title or text) differs."""
        return bool(self.diff and self.diff.changed)

    @property
    def renumbered(self) -> bool:
        """Paired under another number."""
        return bool(self.new and self.old and self.new.number != self.old.number)

    @property
    def status(self) -> str:
        """One of ``STATUSES``."""
        if not self.comparable:
            return NOT_COMPARABLE
        if self.old is None:
            return ADDED
        if self.new is None:
            return REMOVED
        if self.renumbered:
            return RENUMBERED
        return CHANGED if self.changed else UNCHANGED


@dataclass
class Difference:
    """A documented difference on one topic (``diem_khac``), citing the new document."""

    chu_de: str
    truoc: str
    sau: str
    citation: str  # the text to put between [[ ]]
    clause: Clause
    unverified: bool = False
    line: int | None = None


@dataclass
class Config:
    """The ``so_sanh`` key of one document, validated against the register."""

    file: str
    line: int | None
    voi: str
    mapping: dict[str, str | None] = field(default_factory=dict)  # new number → old number
    mapping_lines: dict[str, int] = field(default_factory=dict)
    differences: list[Difference] = field(default_factory=list)


@dataclass
class Comparison:
    """A document and its predecessor, compared."""

    document: Document
    predecessor: Document
    config: Config
    pairs: list[Pair]
    comparable: bool
    amended_with: list[Document] = field(default_factory=list)
    predecessor_amended_with: list[Document] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The id of the page: the new document's id."""
        return self.document.id

    @property
    def summaries(self) -> bool:
        """True when either text is our summary (``tom_luoc: true``)."""
        return self.document.meta.tom_luoc or self.predecessor.meta.tom_luoc

    def counts(self) -> dict[str, int]:
        """How many rows have each status (every status present, zero included)."""
        counts = dict.fromkeys(STATUSES, 0)
        for pair in self.pairs:
            counts[pair.status] += 1
        return counts


# ---------------------------------------------------------------- articles


def articles(document: Document) -> list[Article]:
    """The Điều of a document with their full plain text (headings end an article)."""
    lines = document.body.splitlines()
    units = [u for u in document.structure.units if u.kind == "dieu"]
    out = []
    for unit in units:
        paragraphs = _paragraphs(lines, unit.start + 1)
        out.append(Article(unit.number, plain(unit.title), tuple(paragraphs), unit.anchor))
    return out


def _paragraphs(lines: list[str], start: int) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    fence: str | None = None

    def close() -> None:
        text = plain(" ".join(current))
        if text:
            paragraphs.append(text)
        current.clear()

    for line in lines[start:]:
        match = _FENCE.match(line)
        if fence is not None:
            if match and match[1][0] == fence[0]:
                fence = None
            continue
        if match:
            close()
            fence = match[1]
            continue
        if _HEADING.match(line):
            break
        if QUOTE_OPEN.match(line) or QUOTE_CLOSE.match(line) or not line.strip():
            close()
            continue
        stripped = line.strip()
        if stripped.startswith("|"):
            close()
            if not _TABLE_RULE.match(stripped):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                current.append(" | ".join(cells))
                close()
            continue
        if _LIST_ITEM.match(line):
            close()
            line = _LIST_ITEM.sub("", line)
        current.append(line)
    close()
    return paragraphs


# ---------------------------------------------------------------- pairing


def pair_articles(
    new: list[Article],
    old: list[Article],
    mapping: dict[str, str | None] | None = None,
    threshold: float = THRESHOLD,
) -> list[Pair]:
    """Pair the articles of two versions: the editor's mapping first, then by similarity.

    ``mapping``: number in the new version → number in the old one, or None for an
    article without counterpart. Numbers must exist (``read_config`` checks them).
    Rows come in the new version's order; old articles left unpaired follow.
    """
    mapping = mapping or {}
    old_by_number = {a.number: a for a in old}
    partner: dict[str, tuple[Article, str, float]] = {}
    taken: set[str] = set()
    for article in new:
        if article.number in mapping:
            target = mapping[article.number]
            if target is not None:
                other = old_by_number[target]
                partner[article.number] = (other, BY_EDITOR, _similarity(article, other))
                taken.add(target)
    free_new = [a for a in new if a.number not in mapping]
    free_old = [a for a in old if a.number not in taken]
    candidates = [
        (_similarity(a, b), a.number == b.number, -index_a, -index_b, a, b)
        for index_a, a in enumerate(free_new)
        for index_b, b in enumerate(free_old)
    ]
    candidates.sort(key=lambda c: c[:4], reverse=True)
    used_new: set[str] = set()
    for score, _, _, _, a, b in candidates:
        if score < threshold:
            break
        if a.number in used_new or b.number in taken:
            continue
        partner[a.number] = (b, BY_SIMILARITY, score)
        used_new.add(a.number)
        taken.add(b.number)
    rows: list[Pair] = []
    for article in new:
        found = partner.get(article.number)
        if found is None:
            rows.append(Pair(article, None))
            continue
        other, source, score = found
        rows.append(Pair(article, other, source, round(score, 2), _diff(other, article)))
    rows += [Pair(None, a) for a in old if a.number not in taken]
    return rows


def _similarity(a: Article, b: Article) -> float:
    return similarity(a.title, a.text, b.title, b.text)


def _diff(old: Article, new: Article) -> WordDiff:
    return word_diff([old.title, *old.paragraphs], [new.title, *new.paragraphs])


# ---------------------------------------------------------------- the front-matter key


def _front_matter_nodes(text: str) -> tuple[dict[str, Any], Any]:
    """(data, the YAML node of ``so_sanh``) of a page whose front matter starts line 1."""
    match = re.match(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text, re.DOTALL)
    if not match:
        return {}, None
    source = match[1]
    data = yaml.load(source, Loader=_LOADER)  # noqa: S506 - a safe loader
    root = yaml.compose(source, Loader=_LOADER)
    node = None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == KEY:
                node = value
    return (data if isinstance(data, dict) else {}), node


def _line(node: Any) -> int | None:
    return node.start_mark.line + 2 if node is not None else None  # line 1 is '---'


def _child(node: Any, name: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name:
                return key, value
    return None, None


def read_config(document: Document, registry: Registry, docs_dir: Path) -> Config | None:
    """The validated ``so_sanh`` key of ``document``, or None when it has none.

    Raises ``ContentError`` for: an unknown sub-key; a predecessor that does not
    exist (or is the document itself); a mapping naming an article that either
    document lacks, or two articles mapped to one; a mapping when the predecessor's
    articles are not in the portal (``chi_sieu_du_lieu: true``); a ``diem_khac`` row
    without topic or with a citation that does not resolve.
    """
    path = docs_dir / document.src_uri
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    data, node = _front_matter_nodes(text)
    if KEY not in data:
        return None
    value = data[KEY]
    file = document.file
    line = _line(node)

    def fail(at: int | None, what: str, found: str, allowed: str, example: str | None = None):
        return ContentError(file, at, f"{KEY}{what}", found, allowed, example)

    if isinstance(value, str):
        value = {"voi": value}
    if not isinstance(value, dict):
        raise fail(line, "", f"{value!r}", "a mapping with voi, anh_xa, diem_khac", 'voi: "…"')
    for key in value:
        if key not in _ALLOWED_KEYS:
            key_node, _ = _child(node, key)
            allowed = ", ".join(_ALLOWED_KEYS)
            raise fail(_line(key_node) or line, "", f"unknown key {key!r}", allowed)
    voi_node = _child(node, "voi")[1]
    voi = value.get("voi")
    if not isinstance(voi, str) or not SO_HIEU_FULL.match(voi.strip()):
        raise fail(
            _line(voi_node) or line,
            ".voi",
            f"{voi!r}" if voi is not None else "missing",
            "the số hiệu of the earlier document",
            'so_sanh: {voi: "15/2003/QH11"}',
        )
    voi = unicodedata.normalize("NFC", voi.strip())
    predecessor = registry.document(voi)
    if predecessor is None or predecessor is document:
        nearest = difflib.get_close_matches(voi, list(registry.by_so_hieu), n=3, cutoff=0.5)
        found = (
            "the document itself"
            if predecessor is document
            else f"{voi} is not a document in docs/van-ban/"
        )
        raise fail(
            _line(voi_node),
            ".voi",
            found,
            "the số hiệu of an earlier document in docs/van-ban/"
            + (f"; nearest: {', '.join(nearest)}" if nearest else ""),
        )
    config = Config(file, line, voi)
    _read_mapping(config, value.get("anh_xa"), _child(node, "anh_xa")[1], document, predecessor)
    _read_differences(
        config, value.get("diem_khac"), _child(node, "diem_khac")[1], document, registry
    )
    return config


def _dieu_number(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    match = _DIEU.match(" ".join(text.split()))
    return match["num"] if match else None


def _read_mapping(
    config: Config, value: Any, node: Any, document: Document, predecessor: Document
) -> None:
    if value is None:
        return
    file = config.file
    line = _line(node)
    if not isinstance(value, dict):
        raise ContentError(
            file, line, f"{KEY}.anh_xa", f"{value!r}", "a mapping", '"Điều 23": "Điều 23"'
        )
    new_numbers = [a.number for a in articles(document)]
    old_numbers = [a.number for a in articles(predecessor)]
    entries = node.value if isinstance(node, yaml.MappingNode) else []
    lines = {str(k.value): _line(k) for k, _ in entries}
    seen: dict[str, str] = {}
    for key, target in value.items():
        at = lines.get(str(key), line)
        number = _dieu_number(key)
        if number is None:
            raise ContentError(
                file, at, f"{KEY}.anh_xa", f"{key!r} is not an article", '"Điều N"', '"Điều 23"'
            )
        if number not in new_numbers:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}' is not an article of {document.name} in the portal",
                "its articles: " + _list(new_numbers),
            )
        if target is None or (isinstance(target, str) and target.strip().lower() in NEW_WORDS):
            config.mapping[number] = None
            config.mapping_lines[number] = at or 0
            continue
        old = _dieu_number(target)
        if old is None:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}': {target!r} is not an article",
                '"Điều N" of the earlier document, or mới (no counterpart)',
            )
        if predecessor.meta.chi_sieu_du_lieu:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}': '{target}', but {predecessor.name} holds metadata only "
                "(chi_sieu_du_lieu: true): its articles are not in the portal",
                "no anh_xa for this predecessor; list the known differences under diem_khac",
            )
        if old not in old_numbers:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}': 'Điều {old}' is not an article of {predecessor.name} in the portal",
                "its articles: " + _list(old_numbers),
            )
        if old in seen:
            raise ContentError(
                file,
                at,
                f"{KEY}.anh_xa",
                f"'{key}' and '{seen[old]}' are both mapped to 'Điều {old}' "
                f"of {predecessor.so_hieu}",
                "one article of this document for each article of the earlier one",
            )
        seen[old] = str(key)
        config.mapping[number] = old
        config.mapping_lines[number] = at or 0


def _list(numbers: list[str]) -> str:
    return ", ".join(f"Điều {n}" for n in numbers) or "none"


def _read_differences(
    config: Config, value: Any, node: Any, document: Document, registry: Registry
) -> None:
    if value is None:
        return
    file = config.file
    line = _line(node)
    if not isinstance(value, list):
        raise ContentError(
            file, line, f"{KEY}.diem_khac", f"{value!r}", "a list of rows (chu_de, truoc, sau, …)"
        )
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    for index, row in enumerate(value):
        at = _line(items[index]) if index < len(items) else line
        where = f"{KEY}.diem_khac[{index + 1}]"
        if not isinstance(row, dict):
            raise ContentError(file, at, where, f"{row!r}", "a mapping: chu_de, truoc, sau, …")
        for key in row:
            if key not in _ROW_KEYS:
                raise ContentError(file, at, where, f"unknown key {key!r}", ", ".join(_ROW_KEYS))
        texts = {}
        for key in ("chu_de", "truoc", "sau", "dan_chieu"):
            item = row.get(key)
            if item is not None and not isinstance(item, (str, int, float)):
                raise ContentError(file, at, f"{where}.{key}", f"{item!r}", "a text")
            texts[key] = " ".join(str(item).split()) if item is not None else ""
        for key in ("chu_de", "dan_chieu"):
            if not texts[key]:
                raise ContentError(
                    file,
                    at,
                    f"{where}.{key}",
                    "missing",
                    "a topic (chu_de) and the clause of this document that holds it (dan_chieu)",
                    'dan_chieu: "Điều 10"',
                )
        flag = row.get("chua_xac_minh", False)
        if not isinstance(flag, bool):
            raise ContentError(file, at, f"{where}.chua_xac_minh", f"{flag!r}", "true | false")
        citation = texts["dan_chieu"]
        if citation.startswith(("Điều", "khoản", "điểm")):
            citation = f"{document.so_hieu} {citation}"
        try:
            ref, kind = parse(citation)
            clause = registry.resolve(ref, kind, file=file, line=at, citation=f"[[{citation}]]")
        except RefSyntaxError as error:
            raise ContentError(
                file, at, f"{where}.dan_chieu", f"{citation!r}: {error}", '"Điều N khoản M"'
            ) from None
        except UnresolvedCitation as error:
            raise ContentError(file, at, f"{where}.dan_chieu", error.found, error.allowed) from None
        config.differences.append(
            Difference(
                texts["chu_de"],
                texts["truoc"],
                texts["sau"],
                citation,
                clause,
                flag or clause.unverified,
                at,
            )
        )


# ---------------------------------------------------------------- comparisons


def compare(document: Document, predecessor: Document, config: Config, registry: Registry):
    """The comparison of ``document`` with ``predecessor`` under ``config``."""
    new, old = articles(document), articles(predecessor)
    comparable = bool(old) and not predecessor.meta.chi_sieu_du_lieu
    if comparable:
        pairs = pair_articles(new, old, config.mapping)
    else:
        pairs = [Pair(a, None, comparable=False) for a in new]

    def amending(doc: Document) -> list[Document]:
        found = (registry.document(s) for s in doc.relations.get("duoc_sua_doi_boi", []))
        return [d for d in found if d is not None]

    return Comparison(
        document,
        predecessor,
        config,
        pairs,
        comparable,
        amending(document),
        amending(predecessor),
    )


_CACHE: dict[tuple[object, ...], tuple[list[Document], list[Comparison]]] = {}


def build_comparisons(registry: Registry, docs_dir: Path) -> list[Comparison]:
    """Every comparison asked for in the register, in register order.

    Cached while the documents are the same objects (the register reuses unchanged
    documents), so the second language pass costs nothing.
    """
    key = (str(docs_dir), *(id(doc) for doc in registry.documents))
    cached = _CACHE.get(key)
    if cached is not None:
        return cached[1]
    comparisons = []
    for document in registry.documents:
        config = read_config(document, registry, docs_dir)
        if config is None:
            continue
        predecessor = registry.document(config.voi)
        assert predecessor is not None
        comparisons.append(compare(document, predecessor, config, registry))
    _CACHE.clear()
    _CACHE[key] = (list(registry.documents), comparisons)
    return comparisons


def check_comparisons(registry: Registry, docs_dir: Path) -> list[ContentError]:
    """Every problem of every ``so_sanh`` key (one per document), for ``thidua check``."""
    errors: list[ContentError] = []
    for document in registry.documents:
        try:
            read_config(document, registry, docs_dir)
        except ContentError as error:
            errors.append(error)
    return errors


# ---------------------------------------------------------------- relation diagram

# Relations drawn on the left (other documents act on this one) and on the right
# (this document acts on them); each arrow reads "subject — verb → object".
INCOMING = ("bi_thay_the_boi", "duoc_sua_doi_boi", "duoc_huong_dan_boi")
OUTGOING = ("thay_the", "sua_doi", "huong_dan")
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


__all__ = [
    "ADDED",
    "BY_EDITOR",
    "BY_SIMILARITY",
    "CHANGED",
    "NOT_COMPARABLE",
    "REMOVED",
    "RENUMBERED",
    "STATUSES",
    "THRESHOLD",
    "UNCHANGED",
    "Article",
    "Comparison",
    "Diagram",
    "Node",
    "Config",
    "Difference",
    "Pair",
    "articles",
    "build_comparisons",
    "check_comparisons",
    "compare",
    "pair_articles",
    "read_config",
    "relation_diagram",
    "wrap",
]
