"""Why a slide, quiz item or module needs updating ("Cần cập nhật").

Reasons are data (``Reason``); ``thidua.tap_huan.words`` turns them into sentences.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from thidua.legal.diff import normalise
from thidua.legal.registry import Clause, Registry

# Reason kinds.
NOT_IN_FORCE = "het_hieu_luc"
REPLACED = "bi_thay_the"
CHANGED = "doi_noi_dung"
UNCOMPARED = "chua_doi_chieu"
RULES = "quy_tac"


@dataclass(frozen=True)
class Reason:
    """One reason: its kind, the document or clause it concerns and a detail."""

    kind: str
    subject: str  # "Nghị định 90/2020/NĐ-CP" or "khoản 1 Điều 24 Luật 06/2022/QH15"
    detail: str = ""  # the replacing document, or the rule set now in force
    year: int | None = None
    group: str = ""


def fingerprint(clause: Clause) -> str:
    """A short hash of the clause's normalised wording (title and text)."""
    unit = clause.unit
    if unit is None:
        return ""
    text = normalise(" ".join([unit.title, *unit.texts]))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def clause_reasons(clause: Clause, registry: Registry, lock: dict[str, str]) -> list[Reason]:
    """Reasons a citation of ``clause`` is out of date (empty when it is current).

    ``lock`` maps ``"<số hiệu> <anchor>"`` to the fingerprint recorded at the last
    review; an empty lock skips the wording check (used for whole documents).
    """
    document = clause.document
    out: list[Reason] = []
    successors = document.relations.get("bi_thay_the_boi") or []
    if successors:
        names = [registry.document(s).name if registry.document(s) else s for s in successors]
        out.append(Reason(REPLACED, document.name, ", ".join(names)))
    elif document.meta.tinh_trang == "het_hieu_luc_toan_bo":
        out.append(Reason(NOT_IN_FORCE, document.name))
    if clause.unit is not None and lock is not None:
        key = f"{document.so_hieu} {clause.anchor}"
        recorded = lock.get(key)
        if recorded is None:
            out.append(Reason(UNCOMPARED, clause.label))
        elif recorded != fingerprint(clause):
            out.append(Reason(CHANGED, clause.label))
    return out


def rule_set_reasons(rule, years: dict) -> list[Reason]:
    """The module teaches rule set ``rule.bo``; does the year table still name it?"""
    year = years.get(rule.nam)
    if not isinstance(year, dict):
        return [Reason(RULES, rule.bo, "", rule.nam, rule.nhom)]
    if rule.nhom == "thi_dua":
        current = year.get("thi_dua")
    else:
        current = (year.get("danh_gia") or {}).get(rule.nhom)
    if current == rule.bo:
        return []
    return [Reason(RULES, rule.bo, str(current or ""), rule.nam, rule.nhom)]
