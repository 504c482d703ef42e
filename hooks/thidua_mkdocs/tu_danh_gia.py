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

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from thidua.contract import ROLES
from thidua.criteria.schema import ANSWER_LABELS
from thidua.data_script import data_script as write_script
from thidua.errors import ContentError

from thidua_mkdocs.kept import Kept

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


def register_documents(docs_dir: Path) -> tuple[Any, ...]:
    """The documents of the legal register (the core reuses an unchanged document's
    object: a new object means the document's file changed)."""
    return tuple(_registry(str(docs_dir)).documents)


# The page's data and script words (``hooks/hook_tu_danh_gia.py``), kept across passes
# and rebuilds: this module outlives the hook modules MkDocs loads again at each rebuild.
KEPT = Kept()


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


def rules_meta(data: dict[str, Any]) -> dict[str, Any]:
    """Years modelled, points-based (year, role) pairs and those needing the level given.

    Read from the exported year table (``years[Y].danh_gia[role]`` → a rule-set id whose
    ``kind`` is ``criteria``, ``points`` or ``text_only``);
    """
    table = data["years"]
    points: dict[str, list[str]] = {}
    needs_level: dict[str, list[str]] = {}
    for year, row in table.items():
        for role in ROLES:
            rule = row["danh_gia"].get(role)
            kind = data["danh_gia"][rule]["kind"] if rule is not None else "text_only"
            if kind == "points":
                points.setdefault(year, []).append(role)
            elif kind == "text_only":
                needs_level.setdefault(year, []).append(role)
    years = sorted(int(year) for year in table)
    return {"years": years, "points": points, "needs_level": needs_level, "source": "data"}


def data_script(data: Any, links: dict[str, Any]) -> str:
    """The text of ``assets/data/thidua-data.js``."""
    return write_script(
        {"THIDUA_DATA": data, "THIDUA_LEGAL_LINKS": links},
        "Generated by hooks/hook_tu_danh_gia.py: criteria data and citation links.",
    )


def code_labels(labels: dict[str, Any], lang: str, not_classified_note: str) -> dict[str, dict]:
    """The form's options for every code it asks about, from the labels data.

    ``labels`` is the exported ``data/criteria/labels.yaml`` (``{code: {vi, en}}`` per
    kind), so the form, the checklists and the council tool name a code the same way:
    levels, unit levels, roles, titles and the answers' codes (``criterion_values``,
    ``leave_kinds``, … ``recognised_by``: the groups of ``thidua.criteria.schema.ANSWER_LABELS``).
    The level a person is given may be "not classified": the form adds why
    (``not_classified_note`` from the words files).
    """

    def names(kind: str) -> dict[str, str]:
        return {code: text.get(lang) or text["vi"] for code, text in labels[kind].items()}

    levels = names("levels")
    unit_levels = {code: name for code, name in levels.items() if code != "NOT_CLASSIFIED"}
    if "NOT_CLASSIFIED" in levels:
        levels["NOT_CLASSIFIED"] += " " + not_classified_note
    return {
        "level": levels,
        "unit_level": unit_levels,
        "role": names("roles"),
        "title": names("titles"),
        **{kind: names(kind) for kind in ANSWER_LABELS},
    }


def texts_script(lang: str, texts: dict[str, Any]) -> str:
    """``window.THIDUA_TEXTS = {lang: texts};`` — the script words of one language."""
    return write_script(
        {"THIDUA_TEXTS": {lang: texts}},
        f"Generated by hooks/hook_tu_danh_gia.py from hooks/thidua/words/{lang}.yml"
        " (tu_danh_gia_js): edit the words there.",
    )


def active_layer(config_extra: Any) -> str | None:
    """The layer id thidua.yml names (``lop_quy_che``), or None for the national law only."""
    thidua = config_extra.get("thidua") if hasattr(config_extra, "get") else None
    settings = thidua.get("don_vi") if hasattr(thidua, "get") else None
    layer_id = settings.get("lop_quy_che") if hasattr(settings, "get") else None
    return None if layer_id in (None, "", "none") else str(layer_id)


def layer_data(root: Path, layer_id: str) -> dict[str, Any]:
    """``thidua.layers.browser.browser_data`` of the layer (``LayerError`` when broken)."""
    from thidua.layers import load_layer
    from thidua.layers.browser import browser_data

    return browser_data(load_layer(root, layer_id), root)


def layer_script(data: dict[str, Any], links: dict[str, Any]) -> str:
    """The text of ``assets/data/thidua-layer.js`` (``</`` escaped inside the JSON)."""
    return write_script(
        {"THIDUA_LAYER": data, "THIDUA_LAYER_LINKS": links},
        "Generated by hooks/hook_tu_danh_gia.py: the local layer of thidua.yml"
        " (lop_quy_che) and its citation links.",
    )
