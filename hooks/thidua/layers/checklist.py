"""The layer's lines on the checklist pages: "Theo Quy chế … Điều 5 khoản 4: …".

``title_section(layer, code, lang)`` returns a checklist ``Section`` with one tickable
line per extra requirement the layer sets for title ``code`` (its id, ``lop-<layer>-
<rule>``, never collides with a national line, so saved ticks survive adding or
changing a layer) and, for CSTĐCS, a note with the layer's quota. ``None`` when the
layer says nothing about the title.
"""

from __future__ import annotations

from thidua.checklist.lines import Citation, Line, Part, Section
from thidua.layers.model import Layer

GROUP = {"vi": "Chỉ áp dụng cho: {0}", "en": "Applies only to: {0}"}


def title_section(layer: Layer, code: str, lang: str = "vi") -> Section | None:
    """The layer's lines and notes for title ``code``, or None."""
    lines: list[Line] = []
    for rule in layer.rules:
        if rule.kind not in ("yeu_cau_danh_hieu", "chi_cho_nhom"):
            continue
        if rule.params["danh_hieu"] != code:
            continue
        notes = []
        group = rule.params.get("nhom")
        if group and group in layer.groups:
            notes.append(GROUP[lang].format(layer.groups[group][lang]))
        lines.append(
            Line(
                id=f"lop-{rule.layer_id}-{rule.id}",
                criterion=f"lop.{rule.layer_id}.{rule.id}",
                text=f"{rule.source(lang)}: {rule.text[lang]}",
                condition=None,
                citations=[
                    Citation(basis, basis in rule.unverified)
                    for basis in (rule.cite, rule.tightens)
                ],
                notes=notes,
            )
        )
    notes: list[str] = []
    quota = layer.cstdcs_quota if code == "CSTDCS" else None
    if quota is not None:
        rule = layer.rule_for(quota)
        notes.append(f"{rule.source(lang)}: {rule.text[lang]}.")
    if not lines and not notes:
        return None
    heading = layer.regulation.label(lang)
    return Section(heading, f"lop-{layer.id}", [Part(None, lines)] if lines else [], notes)


def with_layer(plan, layer: Layer, lang: str = "vi"):
    """A copy of the checklist ``plan`` whose title pages carry the layer's section in
    their newest block (the rules in force now); the cached plan is left unchanged.
    ``ladder_layer`` lists ``(title name, section)`` for the ladder page."""
    import copy

    out = copy.copy(plan)
    out.title_pages = []
    # The ladder page lists the same lines under the regulation's name (issue 13 item 2).
    out.ladder_layer = []
    for page in plan.title_pages:
        section = title_section(layer, page.code, lang)
        if section is not None:
            out.ladder_layer.append((page.name, section))
        if section is None or not page.blocks:
            out.title_pages.append(page)
            continue
        page = copy.copy(page)
        newest = copy.copy(page.blocks[0])
        newest.sections = [*newest.sections, section]
        page.blocks = [newest, *page.blocks[1:]]
        out.title_pages.append(page)
    return out
