"""The local layer as plain data for the unit review (issue 14, item 3; issue 13).

``layer_data(layer)`` is what ``thidua unit --layer ID`` puts in the review's settings
and what the Bình xét page receives from the portal's ``thidua.yml`` (``lop_quy_che``):
the layer's names, its CSTĐCS quota (ratio as a decimal string, rounding, base, the
clause it comes from in plain words) and the members list's extra columns for the
profile fields the layer declares (``columns``: the staff group, counts such as the
number of scientific articles). Both sides apply it with exact arithmetic and read the
columns with the same vocabulary, so the page and the command give the same figures.

The 30-point split (``diem_thanh_phan`` fields) is not a column: it only explains how a
công chức's general score is made up and never changes a level or a title, and the
members list carries the total score or the level already decided, not its parts.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from thidua import words
from thidua.binh_xet.columns import fold
from thidua.layers import Layer, LayerError, list_layers, load_layer

# Column keys of layer fields: "lop:<field>" (never clashes with the template's keys).
PREFIX = "lop:"
# The staff-group column's header whatever the layer (the layer's field name "nhom" is
# also a folded alias of the template's "Phòng/Nhóm" column, which keeps it).
GROUP_HEADER = {"vi": "Nhóm cán bộ", "en": "Staff group"}
GROUP_ALIASES = ["nhom can bo theo quy che", "staff group", "nhom theo quy che"]
COUNT_HIGH = 999
NO_GROUP = ("khong", "khac", "none", "no")


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rules_using(layer: Layer, name: str, lang: str) -> str:
    """The layer's rules that read field ``name``, in plain words (for the column's help)."""
    found = [
        f"{rule.source(lang)}: {rule.text.get(lang) or rule.text['vi']}"
        for rule in layer.rules
        if rule.params.get("truong") == name
        or (rule.kind in ("chi_cho_nhom", "yeu_cau_danh_hieu") and layer.fields[name].kind == "nhom"
            and rule.params.get("nhom") is not None)
    ]
    return "; ".join(found)


def _group_column(layer: Layer, name: str) -> dict[str, Any]:
    values: dict[str, Any] = {key: None for key in NO_GROUP}
    for code, text in layer.groups.items():
        for label in (code, text["vi"], text.get("en") or text["vi"]):
            values[fold(label)] = code
    names_vi = ", ".join(text["vi"] for text in layer.groups.values())
    names_en = ", ".join(
        f"{text['vi']} ({text.get('en') or text['vi']})" for text in layer.groups.values()
    )
    uses = {lang: _rules_using(layer, name, lang) for lang in ("vi", "en")}
    text = layer.fields[name].text
    return {
        "key": PREFIX + name,
        "field": name,
        "header": GROUP_HEADER["vi"],
        "header_en": GROUP_HEADER["en"],
        "aliases": [name, *GROUP_ALIASES],
        "kind": "layer_group",
        "values": values,
        "example": next(iter(layer.groups.values()))["vi"] if layer.groups else "",
        "allowed": words.both(
            "binh_xet_problems.layer_group_allowed", names={"vi": names_vi, "en": names_en}
        ),
        "help": words.both(
            "binh_xet_problems.layer_group_help",
            field={lang: _first_upper(text.get(lang) or text["vi"]) for lang in ("vi", "en")},
            names={"vi": names_vi, "en": names_en},
            rules=uses,
        ),
    }


def _count_column(layer: Layer, name: str) -> dict[str, Any]:
    text = layer.fields[name].text
    english = text.get("en") or text["vi"]
    short_en = english[4:] if english.lower().startswith("the ") else english
    uses = {lang: _rules_using(layer, name, lang) for lang in ("vi", "en")}
    return {
        "key": PREFIX + name,
        "field": name,
        "header": _first_upper(text["vi"]),
        "header_en": _first_upper(short_en),
        "aliases": [name, "so " + name.replace("_", " "), english, short_en],
        "kind": "layer_count",
        "values": {},
        "example": "1",
        "allowed": words.both("binh_xet_problems.layer_count_allowed", high=str(COUNT_HIGH)),
        "help": words.both(
            "binh_xet_problems.layer_count_help",
            field={"vi": _first_upper(text["vi"]), "en": _first_upper(short_en)},
            rules=uses,
        ),
    }


def layer_columns(layer: Layer) -> list[dict[str, Any]]:
    """The members list's columns for the layer's own profile fields (group, counts)."""
    out = []
    for name, declared in layer.fields.items():
        if declared.kind == "nhom":
            out.append(_group_column(layer, name))
        elif declared.kind == "so_dem":
            out.append(_count_column(layer, name))
    return out


def layer_data(layer: Layer) -> dict[str, Any]:
    """The layer's names, CSTĐCS quota (or ``None``) and columns as JSON-ready data."""
    quota = layer.cstdcs_quota
    out: dict[str, Any] = {
        "id": layer.id,
        "name": layer.name["vi"],
        "name_en": layer.name.get("en") or layer.name["vi"],
        "regulation": layer.regulation.label("vi"),
        "regulation_en": layer.regulation.label("en"),
        "quota": None,
        "columns": layer_columns(layer),
        "groups": {code: dict(text) for code, text in layer.groups.items()},
    }
    if quota is None:
        return out
    rule = next(r for r in layer.rules if r.id == quota.rule_id and r.layer_id == quota.layer_id)
    out["quota"] = {
        "ratio": format(quota.ratio.normalize(), "f"),
        "rounding": quota.rounding,
        "base": quota.base,
        "cite": quota.cite,
        "tightens": quota.tightens,
        "source": rule.source("vi"),
        "source_en": rule.source("en"),
        "text": rule.text["vi"],
        "text_en": rule.text.get("en") or rule.text["vi"],
    }
    return out


def load(root: Path, layer_id: str | None) -> dict[str, Any] | None:
    """``layer_data`` of layer ``layer_id`` (``None`` or ``"none"``: national law only).

    Raises ``thidua.layers.UnknownLayer`` or ``LayerError`` as ``load_layer`` does.
    """
    if layer_id in (None, "", "none"):
        return None
    return layer_data(load_layer(root, layer_id))


def layer_only_headers(root: Path, active: dict[str, Any] | None) -> dict[str, str]:
    """folded header → header, for the columns of layers that are NOT in force.

    A file with such a column (a staff group, a count of articles) is read, the column
    is ignored and the reader says why: without the layer it decides nothing. The
    staff-group header is always one of them; broken layers are skipped (``thidua
    check`` reports them).
    """
    own = {fold(h) for c in (active or {}).get("columns", [])
           for h in (c["header"], c["header_en"], *c["aliases"])}
    found: dict[str, str] = {}
    for header in (GROUP_HEADER["vi"], GROUP_HEADER["en"], *GROUP_ALIASES):
        found[fold(header)] = GROUP_HEADER["vi"] if header != GROUP_HEADER["en"] else header
    for layer_id in list_layers(root):
        try:
            columns = layer_columns(load_layer(root, layer_id))
        except LayerError:
            continue
        for column in columns:
            for header in (column["header"], column["header_en"], *column["aliases"]):
                found.setdefault(fold(header), column["header"])
    return {key: value for key, value in sorted(found.items()) if key not in own}


def template_with_columns(text: str, columns: list[dict[str, Any]]) -> str:
    """The template CSV ``text`` with ``columns`` appended (first member row: an example).

    The example is the first staff group and 1 for a count; blank cells elsewhere mean
    "no group" and "not given". ``text`` keeps its BOM and line ends (CRLF for Excel).
    """
    if not columns:
        return text
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    rows = list(csv.reader(io.StringIO(text[len(bom):], newline="")))
    for number, row in enumerate(rows):
        if not any(cell.strip() for cell in row):
            continue
        if number == 0:
            row += [c["header"] for c in columns]
        elif number == 1:
            row += [c.get("example", "") for c in columns]
        else:
            row += ["" for _ in columns]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n" if "\r\n" in text else "\n").writerows(rows)
    return bom + out.getvalue()

