"""Build-time data for the self-evaluation page (issue 5).

Three sources:

- ``thidua.criteria.export_data()`` — the criteria data published to the browser as
  ``window.THIDUA_DATA``; broken data stops the build (``CriteriaDataError``);
- ``thidua.legal.registry.load_registry(docs_dir)`` — resolves every ``legal_basis``
  string found in that data (and in the criteria list of the page) to the URL of
  its clause anchor;
- the year table: which evaluation years are modelled, which (year, role) pairs
  are scored on 100 points and which need the level already decided. Read from the
  exported data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from thidua.errors import ContentError

ROLES = ("can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong")

# legal_basis strings start with the kind of document (conventions.md).
_BASIS = re.compile(
    r"^(Luật|Bộ luật|Nghị định|Thông tư|Quy định|Hướng dẫn|Quyết định|Quy chế|Nghị quyết|NĐ|TT)\s"
)

# The criteria groups listed on the page (for readers without JavaScript, and in print).
PAGE_BASIS = (
    "Nghị định 90/2020/NĐ-CP Điều 3 khoản 1",
    "Nghị định 90/2020/NĐ-CP Điều 3 khoản 2",
    "Nghị định 90/2020/NĐ-CP Điều 3 khoản 3",
    "Nghị định 90/2020/NĐ-CP Điều 3 khoản 4",
    "Nghị định 90/2020/NĐ-CP Điều 3 khoản 5 điểm a",
    "Nghị định 90/2020/NĐ-CP Điều 3 khoản 5 điểm b",
    "Nghị định 90/2020/NĐ-CP Điều 2 khoản 3",
    "Nghị định 335/2025/NĐ-CP Điều 20",
    "Nghị định 233/2026/NĐ-CP Điều 12",
    "Luật 06/2022/QH15 Điều 24 khoản 1",
    "Luật 06/2022/QH15 Điều 23",
)


def export_data(root: Path) -> tuple[dict[str, Any], str]:
    """The criteria data for the browser, and a note saying where it came from.

    Broken data raises ``CriteriaDataError`` (a ``ContentError``): the build stops
    with the same messages as ``thidua check``, never a page that silently lacks data.
    """
    from thidua import criteria

    return criteria.export_data(root), "thidua.criteria.export_data()"


def _basis_strings(value: Any, found: set[str]) -> None:
    if isinstance(value, str):
        if _BASIS.match(value):
            found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _basis_strings(item, found)
    elif isinstance(value, list | tuple):
        for item in value:
            _basis_strings(item, found)


@cache
def _registry(docs_dir: str) -> Any:
    from thidua.legal.registry import load_registry

    return load_registry(Path(docs_dir))


def clear_caches() -> None:
    """Forget the legal registry (a new build, or a rebuild under ``serve``)."""
    _registry.cache_clear()


def legal_links(
    data: Any, docs_dir: Path, url_of: Callable[[str], str]
) -> dict[str, dict[str, Any]]:
    """Map every ``legal_basis`` string of the data and the page to ``{url, unverified}``.

    ``url_of(src_uri)`` gives a document page's URL from the language root, as MkDocs
    computes it (``van-ban/nd-90-2020/``, or ``van-ban/nd-90-2020.html`` in the offline
    build); the anchor of the clause is added (``…#dieu-3-khoan-1``).
    Strings the registry cannot resolve are left out: the page shows them as text.
    """
    registry = _registry(str(docs_dir))
    found: set[str] = set(PAGE_BASIS)
    _basis_strings(data, found)
    links: dict[str, dict[str, Any]] = {}
    for basis in sorted(found):
        try:
            clause = registry.resolve_basis(basis)
            url = url_of(clause.document.src_uri)
            anchor = getattr(clause, "anchor", "") or ""
            links[basis] = {
                "url": f"{url}#{anchor}" if anchor else url,
                "unverified": bool(getattr(clause, "unverified", False)),
            }
        except ContentError:
            # Shown as text; `thidua check` and tests/criteria report the basis.
            continue
    return links


def _years_of(data: Any) -> dict[str, Any] | None:
    """The year table when the exported data has one (``years``: dict or list)."""
    if not isinstance(data, dict):
        return None
    table = data.get("years") or data.get("year_table")
    if isinstance(table, dict):
        return {str(k): v for k, v in table.items() if str(k).isdigit()}
    if isinstance(table, list):
        rows = {}
        for row in table:
            if isinstance(row, dict):
                year = row.get("year") or row.get("evaluation_year")
                if year is not None:
                    rows[str(year)] = row
            elif isinstance(row, int):
                rows[str(row)] = {}
        return rows or None
    return None


def _kind(data: dict[str, Any], rule: Any) -> str:
    """``points``, ``criteria`` or ``text_only`` for a rule-set id (``danh_gia[id].kind``)."""
    rules = data.get("danh_gia") if isinstance(data.get("danh_gia"), dict) else {}
    entry = rules.get(rule) if isinstance(rule, str) else rule
    kind = entry.get("kind") if isinstance(entry, dict) else None
    return kind if kind in ("points", "criteria") else "text_only"


def rules_meta(data: Any) -> dict[str, Any]:
    """Years modelled, points-based (year, role) pairs and those needing the level given.

    Read from the exported year table (``years[Y].danh_gia[role]`` → a rule-set id whose
    ``kind`` is ``criteria``, ``points`` or ``text_only``);
    """
    table = _years_of(data) or {}
    points: dict[str, list[str]] = {}
    needs_level: dict[str, list[str]] = {}
    for year, row in table.items():
        danh_gia = row.get("danh_gia") if isinstance(row, dict) else None
        for role in ROLES:
            rule = danh_gia.get(role) if isinstance(danh_gia, dict) else None
            kind = _kind(data, rule) if rule is not None else "text_only"
            if kind == "points":
                points.setdefault(year, []).append(role)
            elif kind == "text_only":
                needs_level.setdefault(year, []).append(role)
    years = sorted(int(year) for year in table)
    return {"years": years, "points": points, "needs_level": needs_level, "source": "data"}


def data_script(data: Any, links: dict[str, Any]) -> str:
    """The text of ``assets/data/thidua-data.js``."""
    payload = json.dumps(data, default=str, ensure_ascii=False, separators=(",", ":"))
    link_text = json.dumps(links, ensure_ascii=False, separators=(",", ":"))
    return (
        "/* Generated by hooks/hook_tu_danh_gia.py: criteria data and citation links. */\n"
        f"window.THIDUA_DATA = {payload};\n"
        f"window.THIDUA_LEGAL_LINKS = {link_text};\n"
    )
