"""Checklists, the title ladder and the changes between rule sets, from the criteria data.

Everything here is plain data computed from ``data/criteria`` (``thidua.criteria``) and
``data/cases`` — the same data the evaluator reads, so a page can never disagree with
it. ``plan(root, lang)`` returns the whole model of the pages for one language:

* one checklist page per title (LĐTT, CSTT, CSTĐCS, CSTĐ bộ, CSTĐ toàn quốc, TTLĐTT,
  TTLĐXS, Cờ thi đua…), holding one block per emulation rule set (newest first), and
  one page per role holding one block per evaluation rule set (gates, KHTNV cases,
  levels; staff with and without a leadership post) — see ``lines``;
* worked examples from the YAML test cases, each case run and checked (``examples``);
* the ladder drawings (``ladder``) and the comparisons of consecutive rule sets
  (``diff``);
* the entries of the picker on the index page (year × role × title → page, block).

Bad input raises ``ContentError``: a checklist that would be empty, a worked example
whose case fails (file and case named). The MkDocs adapter is ``hooks/hook_checklist.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from thidua.checklist import diff, examples, ladder
from thidua.checklist.lines import (
    COLLECTIVE,
    COLLECTIVE_ROLE,
    INDIVIDUAL,
    ROLES,
    Block,
    anchor_of,
    danh_gia_years,
    role_block,
    text,
    thi_dua_years,
    title_block,
    years_text,
)
from thidua.slug import slugify

__all__ = ["Entry", "Plan", "RolePage", "TextOnly", "TitlePage", "plan"]


@dataclass
class TitlePage:
    """The checklist page of one title: one block per emulation rule set."""

    code: str
    slug: str
    group: str  # individual | collective
    name: str
    blocks: list[Block]


@dataclass
class RolePage:
    """The classification checklist page of one role: one block per evaluation rule set."""

    role: str
    slug: str
    name: str
    blocks: list[Block]


@dataclass
class TextOnly:
    """Evaluation rules held as text only (no thresholds, so no checklist)."""

    rule_id: str
    name: str
    summary: str
    roles: list[str]
    years_text: str


@dataclass
class Entry:
    """One choice of the picker: year, role (None: every role), what → page and block;
    ``label`` is the page's name (the title's, or the role's for a classification)."""

    year: int
    role: str | None
    what: str  # a title code or "classification"
    page: str
    anchor: str
    label: str


@dataclass
class Plan:
    """Every page model for one language."""

    lang: str
    title_pages: list[TitlePage]
    role_pages: list[RolePage]
    text_only: list[TextOnly]
    ladders: list[ladder.Ladder]
    transitions: list[diff.Transition]
    entries: list[Entry] = field(default_factory=list)
    years: list[int] = field(default_factory=list)


def _rule_order(rules, ids: list[str]) -> list[str]:
    """Rule-set ids newest first (by the last year that uses them)."""
    return sorted(ids, key=lambda rid: -max([0, *_years_using(rules, rid)]))


def _years_using(rules, rule_id: str) -> list[int]:
    years = thi_dua_years(rules, rule_id)
    for role in ROLES:
        years += danh_gia_years(rules, rule_id, role)
    return years


def _signature(root: Path) -> tuple:
    files = sorted((root / "data" / "criteria").rglob("*.yaml")) + sorted(
        (root / "data" / "cases").glob("*.yaml")
    )
    return tuple((str(p), p.stat().st_mtime_ns) for p in files)


def plan(root: Path, lang: str) -> Plan:
    """The page models for ``lang`` (cached per data state and language)."""
    root = Path(root).resolve()
    return _plan(str(root), "en" if lang == "en" else "vi", _signature(root))


@dataclass
class _Data:
    """Rules and cases, and the evaluations already made, shared by both languages."""

    root: Path
    rules: object
    cases: list
    verified: set[tuple[str, str]] = field(default_factory=set)
    # Evaluations made, by case and language: a case that illustrates several titles
    # (35 cases make the 48 examples of today's data) is evaluated once. The examples
    # only read a result.
    results: dict[tuple[str, str, str], dict] = field(default_factory=dict)

    def result(self, case, lang: str) -> dict:
        """The evaluation of ``case`` in ``lang``; the first one also checks the case."""
        from thidua.evaluator import evaluate

        found = self.results.get((case.file, case.id, lang))
        if found is not None:
            return found
        result = evaluate(case.profile(), self.rules, lang=lang)
        key = (case.file, case.id)
        if key not in self.verified:
            examples.verify(case, self.root, result)
            self.verified.add(key)
        self.results[(case.file, case.id, lang)] = result
        return result


@lru_cache(maxsize=4)
def _data(root_text: str, _signature: tuple) -> _Data:
    """Rules and cases, loaded once for both language passes."""
    from thidua.criteria import load_rules

    root = Path(root_text)
    return _Data(root, load_rules(root), examples.load_cases(root))


@lru_cache(maxsize=8)
def _plan(root_text: str, lang: str, signature: tuple) -> Plan:
    data = _data(root_text, signature)
    rules, cases = data.rules, data.cases

    title_pages: list[TitlePage] = []
    thi_dua_ids = _rule_order(rules, list(rules.thi_dua))
    for code in (*INDIVIDUAL, *COLLECTIVE):
        name = text(rules.labels["titles"][code], lang)
        slug = slugify(text(rules.labels["titles"][code], "vi"))
        blocks: list[Block] = []
        for rule_id in thi_dua_ids:
            if not thi_dua_years(rules, rule_id):
                continue
            block = title_block(rules, rule_id, code, lang)
            if block is None:
                continue
            for case in examples.title_cases(rules, cases, rule_id, code):
                result = data.result(case, lang)
                texts = [line.text for line in block.lines()]
                block.examples.append(
                    examples.title_example(rules, case, code, lang, result, texts)
                )
            blocks.append(block)
        if blocks:
            group = "individual" if code in INDIVIDUAL else "collective"
            title_pages.append(TitlePage(code, slug, group, name, blocks))

    role_pages: list[RolePage] = []
    danh_gia_ids = _rule_order(rules, list(rules.danh_gia))
    text_only: dict[str, TextOnly] = {}
    for role in ROLES:
        name = text(rules.labels["roles"][role], lang)
        slug = "xep-loai-" + slugify(text(rules.labels["roles"][role], "vi"))
        blocks = []
        for rule_id in danh_gia_ids:
            years = danh_gia_years(rules, rule_id, role)
            if not years:
                continue
            block = role_block(rules, rule_id, role, lang)
            if block is None:
                rule_set = rules.danh_gia[rule_id]
                item = text_only.setdefault(
                    rule_id,
                    TextOnly(
                        rule_id,
                        text(rule_set["name"], lang),
                        text(rule_set.get("summary"), lang),
                        [],
                        "",
                    ),
                )
                item.roles.append(role)
                all_years = sorted(
                    {y for r in item.roles for y in danh_gia_years(rules, rule_id, r)}
                )
                item.years_text = years_text(all_years)
                continue
            for case in examples.role_cases(rules, cases, rule_id, role):
                result = data.result(case, lang)
                texts = [line.text for line in block.lines()]
                block.examples.append(examples.role_example(rules, case, lang, result, texts))
            blocks.append(block)
        if blocks:
            role_pages.append(RolePage(role, slug, name, blocks))

    collective_ids: list[str] = []
    for year in rules.modelled_years:
        for rule_id in rules.years[year].get("collective_rules", {}).values():
            if rule_id not in collective_ids:
                collective_ids.append(rule_id)
    collective_blocks = [
        role_block(rules, rule_id, COLLECTIVE_ROLE, lang) for rule_id in collective_ids
    ]
    if collective_blocks:
        name = text(rules.labels["subjects"]["collective"], lang)
        blocks = [block for block in collective_blocks if block is not None]
        role_pages.append(RolePage(COLLECTIVE_ROLE, "xep-loai-tap-the", name, blocks))

    transitions = diff.all_transitions(rules, lang)
    for transition in transitions:
        if transition.family == "thi_dua":
            related = [p.blocks for p in title_pages]
        else:
            related = [p.blocks for p in role_pages if p.role in transition.roles]
        for blocks in related:
            for block in blocks:
                if block.rule_id == transition.new_id:
                    block.change_anchor = transition.slug
    result = Plan(
        lang=lang,
        title_pages=title_pages,
        role_pages=role_pages,
        text_only=list(text_only.values()),
        ladders=ladder.ladders(rules, lang),
        transitions=transitions,
        years=list(reversed(rules.modelled_years)),
    )
    result.entries = _entries(rules, result, lang)
    return result


def _entries(rules, result: Plan, lang: str) -> list[Entry]:
    out: list[Entry] = []
    for year in result.years:
        entry = rules.years[year]
        for page in result.role_pages:
            rule_id = entry["danh_gia"].get(page.role)
            if any(b.rule_id == rule_id for b in page.blocks):
                anchor = anchor_of(rule_id)
                out.append(Entry(year, page.role, "classification", page.slug, anchor, page.name))
        for page in result.title_pages:
            if any(b.rule_id == entry["thi_dua"] for b in page.blocks):
                out.append(
                    Entry(year, None, page.code, page.slug, anchor_of(entry["thi_dua"]), page.name)
                )
    return out
