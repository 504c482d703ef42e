"""Training modules (tập huấn): module pages, quizzes and staleness — plain data, no MkDocs.

``load_program(root, registry)`` reads every module of ``docs/tap-huan/`` (both
languages) and its quiz, resolves every citation (slides, quiz items, ``van_ban``)
against the legal register and computes what needs updating:

- a cited document no longer in force (``tinh_trang: het_hieu_luc_toan_bo``) or
  replaced (``bi_thay_the_boi``);
- a cited clause whose wording changed since the trainers compared it: the wording's
  fingerprint differs from the one recorded in ``docs/tap-huan/doi-chieu.yaml``
  (``python -m thidua.tap_huan doi-chieu`` records them after a review);
- a rule set the module teaches (``quy_tac``) that ``data/criteria/years.yaml`` no longer
  names for that year and group.

Problems in the content raise ``ContentError`` with file, line and field; every module's
and quiz's problems together (``ContentErrors``) when there are several.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from thidua.content_errors import ContentErrors
from thidua.errors import ContentError
from thidua.legal.citations import find_citations
from thidua.legal.registry import Clause, Registry
from thidua.tap_huan.module import FOLDER, Module, load_module, module_paths
from thidua.tap_huan.quiz import Item, Quiz, load_quiz, quiz_path
from thidua.tap_huan.stale import Reason, clause_reasons, fingerprint, rule_set_reasons
from thidua.yaml_lines import display_path, load_file

LOCK = "doi-chieu.yaml"

__all__ = [
    "LOCK",
    "Entry",
    "Item",
    "Module",
    "Program",
    "Quiz",
    "Reason",
    "fingerprint",
    "load_program",
]


@dataclass
class Entry:
    """A module with its quiz and every reason it needs updating."""

    module: Module
    quiz: Quiz | None
    reasons: list[Reason] = field(default_factory=list)  # module level (van_ban, quy_tac)
    slide_reasons: dict[int, list[Reason]] = field(default_factory=dict)
    clauses: list[Clause] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        """Anything in the module needs updating."""
        items = self.quiz.items if self.quiz else []
        return bool(self.reasons or self.slide_reasons or any(i.stale for i in items))


@dataclass
class Program:
    """Every module, by language."""

    entries: list[Entry]

    def for_language(self, lang: str) -> list[Entry]:
        """The program in one language, in order (Vietnamese stands in for a translation)."""
        chosen = {e.module.slug: e for e in self.entries if e.module.lang == "vi"}
        chosen.update({e.module.slug: e for e in self.entries if e.module.lang == lang})
        return sorted(chosen.values(), key=lambda e: (e.module.thu_tu, e.module.slug))

    def by_src_uri(self, src_uri: str) -> Entry | None:
        """The entry of one page."""
        return next((e for e in self.entries if e.module.src_uri == src_uri), None)


def load_lock(root: Path) -> tuple[dict[str, str], str]:
    """The recorded fingerprints (``"<số hiệu> <anchor>" → fingerprint``) and the file name."""
    path = root / "docs" / FOLDER / LOCK
    shown = display_path(path, root)
    if not path.exists():
        return {}, shown
    data = load_file(path, root) or {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ContentError(
            shown, 1, "(file)", "not a mapping of texts", '"<số hiệu> <anchor>": fingerprint'
        )
    return dict(data), shown


def _years(root: Path) -> dict:
    path = root / "data" / "criteria" / "years.yaml"
    data = load_file(path, root)
    return (data or {}).get("years") or {}


def _rule_set_exists(root: Path, nhom: str, name: str) -> bool:
    folder = "thi-dua" if nhom == "thi_dua" else "danh-gia"
    return (root / "data" / "criteria" / folder / f"{name}.yaml").exists()


class _Resolver:
    """Resolve citations, record them and collect the reasons each one is stale."""

    def __init__(self, registry: Registry, lock: dict[str, str], lock_file: str) -> None:
        self.registry = registry
        self.lock = lock
        self.lock_file = lock_file

    def text(self, text: str, file: str, offset: int) -> list[Clause]:
        """The clauses ``text`` cites; every citation that does not resolve raised together."""
        clauses, problems = [], []
        for citation in find_citations(text, file, offset):
            try:
                clauses.append(
                    self.registry.resolve(
                        citation.ref,
                        citation.kind,
                        file=file,
                        line=citation.line,
                        citation=citation.raw,
                    )
                )
            except ContentError as error:
                problems += _each(error)
        _raise_all(problems)
        return clauses

    def reasons(self, clauses: list[Clause]) -> list[Reason]:
        out: list[Reason] = []
        for clause in clauses:
            for reason in clause_reasons(clause, self.registry, self.lock):
                if reason not in out:
                    out.append(reason)
        return out


def _each(error: ContentError) -> list[ContentError]:
    """The problems one raised error carries (several for ``ContentErrors``)."""
    return list(error.errors) if isinstance(error, ContentErrors) else [error]


def _raise_all(problems: list[ContentError]) -> None:
    """Raise the problems found, if any: one as itself, several as ``ContentErrors``."""
    if problems:
        raise problems[0] if len(problems) == 1 else ContentErrors(problems)


def _entry(path: Path, root: Path, docs: Path, years: dict, resolver: _Resolver) -> Entry:
    """A module with its quiz; every problem found past its front matter (documents, rule
    sets, each slide's and each question's citations, the quiz) raised together."""
    module = load_module(path, docs)
    registry = resolver.registry
    entry = Entry(module, None)
    problems: list[ContentError] = []
    for so_hieu in module.van_ban:
        document = registry.document(so_hieu)
        if document is None:
            problems.append(
                ContentError(
                    module.file,
                    module.lines.get("van_ban"),
                    "van_ban",
                    f"{so_hieu} is not a document in docs/van-ban/",
                    "the số hiệu of a document page, e.g. 06/2022/QH15",
                )
            )
            continue
        entry.reasons += [
            r
            for r in clause_reasons(Clause(document, _whole(document)), registry, {})
            if r not in entry.reasons
        ]
    for rule in module.quy_tac:
        if not _rule_set_exists(root, rule.nhom, rule.bo):
            problems.append(
                ContentError(
                    module.file,
                    rule.line,
                    "quy_tac",
                    f"no rule set {rule.bo} for {rule.nhom}",
                    "a file name (without .yaml) of data/criteria/thi-dua/ "
                    "or data/criteria/danh-gia/",
                )
            )
            continue
        entry.reasons += rule_set_reasons(rule, years)
    text = path.read_text(encoding="utf-8").split("\n")
    body_lines = text[module.offset :]
    for slide in module.slides:
        chunk = "\n".join(body_lines[slide.start : slide.end])
        try:
            clauses = resolver.text(chunk, module.file, slide.start + module.offset)
        except ContentError as error:
            problems += _each(error)
            continue
        entry.clauses += clauses
        reasons = resolver.reasons(clauses)
        if reasons:
            entry.slide_reasons[slide.index] = reasons
    qpath = quiz_path(path)
    if qpath.exists():
        try:
            entry.quiz = load_quiz(qpath, root, module.lang)
        except ContentError as error:
            problems += _each(error)
    for item in entry.quiz.items if entry.quiz else []:
        try:
            item.clauses = _item_clauses(item, entry.quiz.file, resolver)
        except ContentError as error:
            problems += _each(error)
            continue
        entry.clauses += item.clauses
        item.stale = resolver.reasons(item.clauses)
    _raise_all(problems)
    return entry


def _item_clauses(item: Item, file: str, resolver: _Resolver) -> list[Clause]:
    """The clauses a question rests on (``can_cu``) and those its texts cite."""
    clauses, problems = [], []
    for basis in item.basis:
        try:
            clauses.append(resolver.registry.resolve_basis(basis, file=file, line=item.line))
        except ContentError as error:
            problems += _each(error)
    for text_part in [item.question, *item.explanations.values()]:
        try:
            clauses += resolver.text(text_part, file, item.line - 1)
        except ContentError as error:
            problems += _each(error)
    _raise_all(problems)
    return clauses


def _whole(document):
    from thidua.legal.ref import Ref

    return Ref(document.so_hieu)


def load_program(root: Path, registry: Registry) -> Program:
    """Every module of ``root/docs/tap-huan`` with quiz and staleness; raise ``ContentError``."""
    docs = root / "docs"
    lock, lock_file = load_lock(root)
    resolver = _Resolver(registry, lock, lock_file)
    years = _years(root)
    entries, problems = [], []
    for path in module_paths(docs):  # every module's problems, not the first module's only
        try:
            entries.append(_entry(path, root, docs, years, resolver))
        except ContentError as error:
            problems += _each(error)
    _raise_all(problems)
    return Program(entries)


def recorded_fingerprints(program: Program) -> dict[str, str]:
    """The lock content for every clause the program cites (for ``doi-chieu``)."""
    out: dict[str, str] = {}
    for entry in program.entries:
        for clause in entry.clauses:
            if clause.unit is not None:
                out[f"{clause.document.so_hieu} {clause.anchor}"] = fingerprint(clause)
    return dict(sorted(out.items()))
