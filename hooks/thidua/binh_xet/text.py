"""Plain text of a unit review, for the terminal (``thidua unit``, ``--lang en``).

Every line is written for a secretary: names of levels and titles in full, numbers in the
language's form (``1,5`` and ``1.234`` in Vietnamese, ``1.5`` and ``1,234`` in English), no
codes, field names or program values. The words are the words files' group
``binh_xet_cli`` (``thidua.words``), in English with the English page's terms (HTXS, HTT,
CSTĐCS). The evaluator's reasons are printed as it words them (its criterion, then after
" — " what the member's or the collective's data gave): nothing is cut out of them, so a
reason says the same in both languages. The evaluator's own explanation of a cap is not
printed: the cap is told from its figures, with the clause it rests on.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from thidua import words
from thidua.contract import rounded

if TYPE_CHECKING:
    from thidua.criteria import Rules

ENCODING = {"utf-8": "UTF-8", "windows-1258": "Windows-1258"}


def say(lang: str, key: str, **values: Any) -> str:
    """The command's words at ``key`` (group ``binh_xet_cli``) in ``lang``."""
    return words.text(lang, f"binh_xet_cli.{key}", **values)


def number(value: float | int | Fraction, lang: str = "vi") -> str:
    """A number for people: ``1.234``, ``1,5``, ``0,33`` in Vietnamese (at most 2
    decimals); ``1,234``, ``1.5`` in English."""
    value = Fraction(value)
    if value.denominator == 1:
        shown = f"{int(value):,}"
    else:
        shown = f"{float(value):,.2f}".rstrip("0").rstrip(".")
    if words.language(lang) == "en":
        return shown
    return shown.replace(",", " ").replace(".", ",").replace(" ", ".")


def percent(ratio: float | Fraction | str, lang: str = "vi") -> str:
    """``0.2`` → ``20 %``."""
    return f"{number(Fraction(str(ratio)) * 100, lang)} %"


def people(count: int, lang: str = "vi") -> str:
    """``3 người`` (``3 people``, ``1 person``)."""
    return say(lang, "person" if count == 1 else "people", n=number(count, lang))


def cap_ratio(cap: dict, settings: dict, rules: Rules, year: int) -> Fraction | None:
    """The ratio the cap applied (the exception's when granted), from the year's data."""
    if cap["ratio"] is not None and not settings["exception"]:
        return Fraction(str(cap["ratio"]))
    entry = rules.years[year]
    rule = rules.danh_gia[entry["danh_gia"].get(cap["role"]) or entry["quota_rules"]]
    found = rule.get("htxs_cap", {})
    value = found.get("exception_ratio") if settings["exception"] else found.get("ratio")
    return Fraction(str(value)) if value is not None else None


def cap_lines(cap: dict, settings: dict, rules: Rules, year: int, lang: str = "vi") -> list[str]:
    """The sentences that explain one HTXS cap."""
    ratio = cap_ratio(cap, settings, rules, year)
    kind = cap["base_kind"] or "htt_or_above"
    group = cap["rated_htt_or_above"]
    if ratio is None or cap["max"] is None:
        return [say(lang, "cap_none")]
    exact = ratio * group if kind == "htt_or_above" else ratio * group / (1 + ratio)
    rounding = settings["rounding"]
    limit = rounded(exact, rounding)
    rule = say(
        lang,
        "cap_rule_exception" if settings["exception"] else "cap_rule",
        ratio=percent(ratio, lang),
        base=say(lang, f"base.{kind}"),
    )
    among = say(
        lang,
        "cap_among_htt_only" if kind == "htt_only" else "cap_among",
        ratio=percent(ratio, lang),
        group=people(group, lang),
        exact=number(exact, lang),
    )
    if exact.denominator != 1:
        how = say(lang, f"rounding.{rounding}")
        among += ", " + say(lang, "cap_rounded", rounding=how, limit=number(limit, lang))
    return [say(lang, "cap_text", rule=rule, among=among, limit=people(limit, lang))]


class _Say:
    """The words of one language with the result's labels: what ``render`` writes with."""

    def __init__(self, rules: Rules, lang: str) -> None:
        self.lang = words.language(lang)
        self.labels = rules.labels
        self.rules = rules

    def __call__(self, key: str, **values: Any) -> str:
        return say(self.lang, key, **values)

    def label(self, group: str, code: str) -> str:
        entry = self.labels[group][code]
        return entry.get(self.lang) or entry["vi"]

    def level(self, code: str | None) -> str:
        return self.label("levels", code) if code else self("not_classified")

    def titles(self, codes: list[str]) -> str:
        return "; ".join(self.label("titles", c) for c in codes) or self("none")

    def people(self, count: int) -> str:
        return people(count, self.lang)

    def number(self, value: float | int | Fraction) -> str:
        return number(value, self.lang)

    def not_met(self, reason: str) -> str:
        """A reason without the evaluator's leading "Chưa đạt: " ("Not met: ")."""
        prefix = self.labels.get("messages", {}).get("not_met", {}).get(self.lang)
        return reason.removeprefix(f"{prefix}: ") if prefix else reason


def render(result: dict[str, Any], rules: Rules, lang: str = "vi") -> str:
    """The figures of ``unit.compute()`` as lines of plain words in ``lang``."""
    s = _Say(rules, lang)
    settings = result["settings"]
    members = result["members"]
    lines = [
        s(
            "header",
            year=result["evaluation_year"],
            counted=s.people(len(members)),
            invalid=s.number(len(result["invalid_rows"])),
            encoding=ENCODING.get(result["encoding"], result["encoding"]),
        )
    ]
    layer = settings.get("layer")
    if layer:
        name, regulation = layer["name"], layer["regulation"]
        if s.lang == "en":
            name = layer.get("name_en") or name
            regulation = layer.get("regulation_en") or regulation
        lines.append(s("layer", name=name, regulation=regulation))
    levels = [
        s("level_count", level=s.level(code), people=s.people(n))
        for code, n in result["levels"].items()
        if n
    ]
    lines.append(s("levels", list="; ".join(levels)))
    counted = [
        s("title_count", title=s.label("titles", c), people=s.people(n))
        for c, n in result["titles"].items()
        if n
    ]
    lines.append(s("titles", list="; ".join(counted) or s("none")))
    lines.append("")
    lines += _caps(result, s)
    lines.append("")
    lines += _cstdcs(result, s)
    lines.append("")
    lines += _collective(result, s)
    lines.append("")
    lines += _members(result, s)
    if result["invalid_rows"]:
        lines.append("")
        lines.append(s("invalid_title"))
        message = "message_en" if s.lang == "en" else "message"
        for row in result["invalid_rows"]:
            for item in row["problems"]:
                lines.append(f"  {item.get(message) or item['message']}")
    return "\n".join(lines) + "\n"


def _caps(result: dict, s: _Say) -> list[str]:
    lines = [s("caps_title")]
    if not result["htxs_caps"]:
        lines.append(f"  {s('caps_nobody')}")
    for cap in result["htxs_caps"]:
        lines.append(
            "  "
            + s(
                "cap",
                where=f"{cap['group']} — " if cap["group"] else "",
                role=s.label("roles", cap["role"]),
                candidates=s.people(cap["candidates"]),
                rated=s.people(cap["rated_htt_or_above"]),
                order=s(f"order.{cap['order'] or 'none'}"),
            )
        )
        for text in cap_lines(cap, result["settings"], s.rules, result["evaluation_year"], s.lang):
            lines.append(f"    {text}")
        if cap["legal_basis"]:
            lines.append(f"    {s('basis', basis='; '.join(cap['legal_basis']))}")
        for reason in cap["manual_review_reasons"]:
            lines.append(f"    {s('review', reason=reason)}")
    return lines


def _cstdcs(result: dict, s: _Say) -> list[str]:
    quota = result["cstdcs"]
    lines = [s("cstdcs", candidates=s.people(quota["candidates"]))]
    if quota["none_applies"]:
        lines.append(f"  {s('no_quota')}")
        return lines
    if quota.get("source") == "layer":
        layer = result["settings"]["layer"]["quota"]
        exact = Fraction(layer["ratio"]) * quota["ldtt"]
        shown = s.number(exact)
        if exact.denominator != 1:
            shown += ", " + s(f"rounding.{layer['rounding']}")
        if s.lang == "en" and layer.get("source_en"):  # the English page's wording
            lines.append(f"  {layer['source_en']}: {layer.get('text_en') or layer['text']}.")
        else:
            lines.append(f"  {quota['text']}")
        lines.append(
            "  "
            + s(
                "cstdcs_layer",
                ratio=percent(layer["ratio"], s.lang),
                ldtt=s.people(quota["ldtt"]),
                exact=shown,
                cap=s.people(quota["cap"]),
                order=_order(quota, s),
            )
        )
    else:
        lines.append(f"  {s('cstdcs_max', max=s.people(quota['max']), order=_order(quota, s))}")
    for reason in quota["manual_review_reasons"]:
        lines.append(f"  {s('review', reason=reason)}")
    return lines


def _order(quota: dict, s: _Say) -> str:
    """How who is within was decided, when more are eligible than the quota allows."""
    if quota["max"] is not None and quota["candidates"] > quota["max"]:
        return f" ({s('order.' + (quota['order'] or 'none'))})"
    return s("cstdcs_all_within")


def _collective(result: dict, s: _Say) -> list[str]:
    col = result["collective"]
    settings = result["settings"]
    n = col["counts"]
    lines = [
        s(
            "collective",
            members=s.people(n["members"]),
            htnv=s.number(n["members_htnv_or_above"]),
            ldtt=s.number(n["members_ldtt"]),
            cstdcs=s.number(n["members_cstdcs"]),
            disciplined=s.number(n["members_disciplined"]),
            canh_cao=s.number(n["members_disciplined_canh_cao_or_above"]),
        )
    ]
    if settings.get("unit_kind"):
        kind = s(f"kinds.{settings['unit_kind']}")
        if col["level_needed"]:
            lines.append(f"  {s('unit_level_needed', kind=kind)}")
        elif col["level_unavailable"]:
            lines.append(f"  {s('unit_level_unavailable', year=result['evaluation_year'])}")
        elif col["classification"]:
            score = s.number(settings["unit_score"])
            level = s.level(col["classification"])
            lines.append(f"  {s('unit_level', kind=kind, score=score, level=level)}")
            for code, reason in col["level_not_reached"].items():
                said = s("level_not_reached", level=s.level(code), reason=s.not_met(reason))
                lines.append(f"    {said}")
    if col["needed"]:
        what = ", ".join(s(f"needed.{name}") for name in col["needed"])
        lines.append(f"  {s('collective_needed', what=what)}")
    elif n["members"]:
        lines.append(f"  {s('collective_titles', titles=s.titles(col['eligible_titles']))}")
        for code, reason in col["not_eligible"].items():
            lines.append(f"    {s.label('titles', code)}: {reason}")
    for reason in col["manual_review_reasons"]:
        lines.append(f"    {s('review', reason=reason)}")
    return lines


def _staff_group(member: dict, result: dict, s: _Say) -> str:
    """" (Giảng viên)" when the layer puts the member in one of its staff groups."""
    layer = result["settings"].get("layer") or {}
    groups = layer.get("groups", {})
    names = [
        groups[v].get(s.lang) or groups[v]["vi"]
        for v in member.get("layer_fields", {}).values()
        if v in groups
    ]
    return f" ({', '.join(names)})" if names else ""


def _members(result: dict, s: _Say) -> list[str]:
    """Each member on one line; a reason shared by all once, others as numbered notes."""
    members = result["members"]
    quota = result["cstdcs"]
    shared = [
        r
        for r in (members[0]["manual_review_reasons"] if members else [])
        if all(r in m["manual_review_reasons"] for m in members)
    ]
    notes: list[str] = []
    for m in members:
        for reason in m["manual_review_reasons"]:
            if reason not in shared and reason not in notes:
                notes.append(reason)
    lines = [s("members_title")]
    if shared:
        lines.append(f"  {s('shared')}")
        lines += [f"    {r}" for r in shared]
    if notes:
        lines.append(f"  {s('notes')}")
        lines += [f"    {i}. {text}" for i, text in enumerate(notes, start=1)]
    for m in members:
        status = []
        if m["htxs_status"]:
            status.append(s("member_htxs", status=s(f"status.{m['htxs_status']}")))
        if m["cstdcs_status"] and not quota["none_applies"]:
            status.append(s("member_cstdcs", status=s(f"status.{m['cstdcs_status']}")))
        refs = sorted(
            {notes.index(r) + 1 for r in m["manual_review_reasons"] if r not in shared}
        )
        if refs:
            status.append(s("member_notes", refs=", ".join(str(n) for n in refs)))
        lines.append(
            "  "
            + s(
                "member",
                row=m["row"],
                name=m["name"],
                staff=_staff_group(m, result, s),
                level=s.level(m["level"]),
                titles=s.titles(m["eligible_titles"]),
                status=f" [{'; '.join(status)}]" if status else "",
            )
        )
        lines += [f"    {reason}" for reason in m.get("layer_reasons", [])]
        if m.get("titles_if_htt") is not None:
            lines.append(f"    {s('if_htt', titles=s.titles(m['titles_if_htt']))}")
    return lines
