"""Whether a title's standard is verified, read from the criteria data only.

One source of truth for every place a title is shown (checklists, the ladder, the
Tiêu chí page): a title is *unverified* under a rule set when its checklist has a line
whose basis the [U] table (``data/criteria/unverified.yaml``) marks, or the title carries
a ``review`` (its standard itself is not verified). Plain data, no markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from thidua.checklist.lines import text, title_block

if TYPE_CHECKING:
    from thidua.criteria import Rules


@dataclass(frozen=True)
class Status:
    """The verification status of one title under one rule set."""

    code: str
    rule_id: str
    unverified: bool
    reviews: list[str] = field(default_factory=list)  # why the standard itself is unverified
    bases: list[str] = field(default_factory=list)  # the unverified legal bases, data order


def title_status(rules: Rules, rule_id: str, code: str, lang: str) -> Status | None:
    """The status of title ``code`` under the emulation rules ``rule_id`` (None when the
    rules do not have the title)."""
    block = title_block(rules, rule_id, code, lang)
    if block is None:
        return None
    bases: list[str] = []
    for line in block.lines():
        for citation in line.citations:
            if citation.unverified and citation.basis not in bases:
                bases.append(citation.basis)
    reviews = list(block.reviews)
    return Status(code, rule_id, bool(reviews or bases), reviews, bases)


def current_rule_set(rules: Rules) -> str:
    """The emulation rules of the latest modelled year (what the Tiêu chí page describes)."""
    return rules.years[max(rules.modelled_years)]["thi_dua"]


def review_text(rules: Rules, rule_id: str, code: str, lang: str) -> str:
    """The data's own words on why the title's standard is unverified ('' when it is not)."""
    for group in ("individual_titles", "collective_titles"):
        for title in rules.thi_dua[rule_id][group]:
            if title["title"] == code and title.get("review"):
                return text(title["review"], lang)
    return ""


@dataclass(frozen=True)
class Mark:
    """What the Tiêu chí page shows for one marker: the status, and where its checklist is."""

    status: Status
    slug: str
    anchor: str
    review: str


def marks(rules: Rules, lang: str) -> dict[str, Mark]:
    """Title code → its mark under the current emulation rules (``current_rule_set``)."""
    from thidua.checklist.lines import COLLECTIVE, INDIVIDUAL, anchor_of
    from thidua.slug import slugify

    rule_id = current_rule_set(rules)
    out: dict[str, Mark] = {}
    for code in (*INDIVIDUAL, *COLLECTIVE):
        found = title_status(rules, rule_id, code, lang)
        if found is None:
            continue
        slug = slugify(text(rules.labels["titles"][code], "vi"))
        review = review_text(rules, rule_id, code, lang)
        out[code] = Mark(found, slug, anchor_of(rule_id), review)
    return out
