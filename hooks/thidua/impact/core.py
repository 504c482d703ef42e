"""The impact report's data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from thidua.impact.clauses import metadata_changes, read, unit_texts
from thidua.legal.check import check_repository, content_pages
from thidua.legal.citations import find_citations
from thidua.legal.metadata import split_front_matter
from thidua.legal.ref import Ref, RefSyntaxError, parse
from thidua.legal.registry import FOLDER, page_title

# Metadata changes that affect every citation of the whole document.
WHOLE_DOCUMENT_KEYS = (
    ": so_hieu",
    ": tinh_trang",
    ": ngay_hieu_luc",
    ": bi_thay_the_boi",
    ": duoc_sua_doi_boi",
    ": chi_sieu_du_lieu",
)
STATUS = {"A": "thêm", "M": "sửa", "D": "xoá", "R": "đổi tên", "C": "sao chép", "T": "đổi loại"}


@dataclass(frozen=True)
class ChangedFile:
    """One line of ``git diff --name-status``."""

    status: str  # A, M, D, R…
    path: str
    old_path: str | None = None

    @property
    def action(self) -> str:
        """The change in words."""
        return STATUS.get(self.status[:1], self.status)


@dataclass(frozen=True)
class ClauseChange:
    """A Điều, khoản or điểm added, removed or reworded; or a document's metadata."""

    so_hieu: str
    document: str  # "Luật 06/2022/QH15"
    label: str  # "khoản 1 Điều 24" or "thông tin văn bản: tinh_trang"
    anchor: str
    change: str  # "sửa đổi" | "mới" | "bỏ" | "a → b"
    url: str


@dataclass(frozen=True)
class Affected:
    """Something that relies on a changed clause (or whose own file changed)."""

    title: str
    where: str
    via: str


@dataclass
class Impact:
    """Everything the report lists, in order."""

    files: list[ChangedFile]
    clauses: list[ClauseChange] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    criteria: list[Affected] = field(default_factory=list)
    layers: list[Affected] = field(default_factory=list)
    cases: list[Affected] = field(default_factory=list)
    checklists: list[Affected] = field(default_factory=list)
    training: list[Affected] = field(default_factory=list)
    pages: list[Affected] = field(default_factory=list)
    translations: list[Affected] = field(default_factory=list)
    dangling: list[str] = field(default_factory=list)


def impact(base: Path, head: Path, changed: list[ChangedFile]) -> Impact:
    """The impact of going from the tree ``base`` to the tree ``head``."""
    result = Impact(files=changed)
    for item in changed:
        if _is_document(item.path) or (item.old_path and _is_document(item.old_path)):
            _document_changes(base, head, item, result)
    touched = {(c.so_hieu, c.anchor) for c in result.clauses}
    meta_changed = {
        c.so_hieu
        for c in result.clauses
        if c.anchor == "" and (c.change == "bỏ" or c.label.endswith(WHOLE_DOCUMENT_KEYS))
    }
    hits = _Hits(touched, meta_changed, result.clauses)
    _criteria(head, changed, hits, result)
    _pages(head, hits, result)
    _translations(head, changed, result)
    _cases(head, changed, result)
    _dangling(base, head, result)
    return result


def _is_document(path: str) -> bool:
    parts = path.split("/")
    return (
        len(parts) == 3
        and parts[:2] == ["docs", FOLDER]
        and parts[2].endswith(".md")
        and parts[2].count(".") == 1
        and not parts[2].startswith(("index", "_"))
    )


def _document_changes(base: Path, head: Path, item: ChangedFile, result: Impact) -> None:
    before, before_error = read(base, item.old_path or item.path)
    after, after_error = read(head, item.path)
    if after_error:
        result.unreadable.append(after_error)
    document = after or before
    if document is None:
        return
    url = document.page_url
    old = unit_texts(before) if before else {}
    new = unit_texts(after) if after else {}

    def add(label: str, anchor: str, change: str) -> None:
        result.clauses.append(
            ClauseChange(
                document.so_hieu,
                document.name,
                label,
                anchor,
                change,
                url + (f"#{anchor}" if anchor else ""),
            )
        )

    if before is not None and after is not None:
        for key, was, now in metadata_changes(before, after):
            add(f"thông tin văn bản: {key}", "", f"{was} → {now}")
    elif after is not None:
        add("cả văn bản", "", "mới")
    else:
        add("cả văn bản", "", "bỏ")
        return
    for anchor, (label, text) in new.items():
        if anchor not in old:
            add(label, anchor, "mới")
        elif old[anchor][1] != text:
            add(label, anchor, "sửa đổi")
    for anchor, (label, _) in old.items():
        if anchor not in new:
            add(label, anchor, "bỏ")


class _Hits:
    """Does a reference rely on a changed clause?"""

    def __init__(self, touched: set[tuple[str, str]], meta: set[str], clauses) -> None:
        self.touched = touched
        self.meta = meta
        self.labels = {(c.so_hieu, c.anchor): f"{c.label} {c.document}".strip() for c in clauses}

    def via(self, ref: Ref) -> str | None:
        if not ref.dieu:
            if ref.so_hieu in self.meta:
                return f"thông tin văn bản {ref.so_hieu}"
            return None
        anchor = ref.anchor
        for so_hieu, changed in self.touched:
            if so_hieu != ref.so_hieu or not changed:
                continue
            if (
                changed == anchor
                or changed.startswith(anchor + "-")
                or anchor.startswith(changed + "-")
            ):
                return self.labels[(so_hieu, changed)]
        return None

    def basis(self, text: str) -> str | None:
        try:
            ref, _ = parse(text)
        except RefSyntaxError:
            return None
        return self.via(ref)


def _criteria(head: Path, changed: list[ChangedFile], hits: _Hits, result: Impact) -> None:
    """Criteria whose legal basis changed, criteria files changed, checklist pages."""
    rule_sets: set[str] = set()
    for item in changed:
        if item.path.startswith("data/criteria/") and item.path.endswith(".yaml"):
            result.criteria.append(Affected(item.path, item.path, f"tệp dữ liệu ({item.action})"))
            rule_sets.add(Path(item.path).stem)
        if item.path.startswith(("data/layers/", "data/don-vi/", "data/lop/")):
            result.layers.append(Affected(item.path, item.path, f"tệp ({item.action})"))
    rules = _rules(head)
    if rules is not None:
        for basis, where in sorted(set(rules.all_legal_bases())):
            via = hits.basis(basis)
            if via:
                result.criteria.append(Affected(basis, str(where), via))
                rule_sets.add(Path(where.file).stem)
    if rule_sets:
        result.checklists += _checklists(head, rule_sets)


def _rules(head: Path) -> Any:
    try:
        from thidua.criteria import load_rules

        return load_rules(head)
    except Exception:  # noqa: BLE001 - broken data: thidua check reports it
        return None


def _checklists(head: Path, rule_sets: set[str]) -> list[Affected]:
    try:
        from thidua.checklist import plan

        model = plan(head, "vi")
    except Exception:  # noqa: BLE001 - broken data: thidua check reports it
        return []
    from thidua import words

    found = []
    pages = [("checklist.title_page", page) for page in model.title_pages]
    pages += [("checklist.role_page", page) for page in model.role_pages]
    for key, page in pages:
        used = sorted(r for r in rule_sets if r in repr(page))
        if used:
            heading = words.text("vi", key, name=page.name)  # the page's own heading
            found.append(Affected(heading, f"tieu-chi/danh-sach/{page.slug}/", ", ".join(used)))
    return found


def _pages(head: Path, hits: _Hits, result: Impact) -> None:
    """Pages and training items that cite a changed clause."""
    docs = head / "docs"
    if not docs.is_dir():
        return
    for path in content_pages(docs):
        src = path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8")
        try:
            _, body, offset = split_front_matter(text, src)
            citations = find_citations(body, src, offset)
        except Exception:  # noqa: BLE001 - reported by thidua check
            continue
        title = page_title(text, src)
        target = result.training if src.startswith("tap-huan/") else result.pages
        for citation in citations:
            via = hits.via(citation.ref)
            if via:
                target.append(Affected(title, f"docs/{src}:{citation.line}", via))
    for path in sorted((docs / "tap-huan").glob("*.yaml")) if (docs / "tap-huan").is_dir() else []:
        for basis, line in _yaml_bases(path):
            via = hits.basis(basis)
            if via:
                where = f"docs/{path.relative_to(docs).as_posix()}:{line}"
                result.training.append(Affected(basis, where, via))


def _yaml_bases(path: Path) -> list[tuple[str, int]]:
    """``can_cu`` strings of a quiz file with their lines."""
    found = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        key, _, value = line.strip().lstrip("- ").partition(":")
        if key.strip() != "can_cu" or not value.strip():
            continue
        try:
            data = yaml.safe_load(value)
        except yaml.YAMLError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, str):
                found.append((item, number))
    return found


def _translations(head: Path, changed: list[ChangedFile], result: Impact) -> None:
    """English pages whose Vietnamese source changed while they did not."""
    paths = {item.path for item in changed}
    for item in changed:
        if not item.path.endswith(".md") or item.path.endswith(".en.md") or item.status == "D":
            continue
        english = item.path[: -len(".md")] + ".en.md"
        if (head / english).is_file() and english not in paths:
            result.translations.append(Affected(english, english, f"{item.path} ({item.action})"))


def _cases(head: Path, changed: list[ChangedFile], result: Impact) -> None:
    for item in changed:
        if item.path.startswith("data/cases/") and item.path.endswith(".yaml"):
            result.cases.append(Affected(item.path, item.path, f"tệp ca ({item.action})"))


def _dangling(base: Path, head: Path, result: Impact) -> None:
    """Citations that do not resolve in ``head`` but did (or did not exist) in ``base``."""

    def unresolved(root: Path) -> dict[tuple[str, str], str]:
        if not (root / "docs").is_dir():
            return {}
        errors = check_repository(root).errors
        return {(e.file, e.found): e.message for e in errors if e.field == "citation"}

    before = unresolved(base)
    after = unresolved(head)
    result.dangling = [message for key, message in after.items() if key not in before]
