"""Human-readable text of a result (Vietnamese by default, English with lang="en")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thidua.criteria import Rules


def render(result: dict, rules: Rules, lang: str = "vi") -> str:
    """Plain text for a terminal: result first, then the full explanation."""
    labels = rules.labels

    def m(key: str, **values) -> str:
        return labels["messages"][key][lang].format(**values)

    def name(group: str, code: str) -> str:
        return f"{code} ({labels[group][code][lang]})"

    lines = [
        m("heading", year=result["evaluation_year"])
        + " — "
        + labels["subjects"][result["subject"]][lang]
    ]
    rules_used = result["rules"]
    lines.append(
        f"{m('h_rules')}: thi_dua = {rules_used['thi_dua']}; "
        f"danh_gia = {rules_used['danh_gia'] or '—'}"
    )
    if result["classification"] is not None:
        lines.append(f"{m('h_classification')}: {name('levels', result['classification'])}")
    if result["subject"] != "unit_quota":
        eligible = ", ".join(name("titles", t) for t in result["eligible_titles"]) or m("none")
        lines.append(f"{m('h_eligible')}: {eligible}")
        if result["not_eligible"]:
            lines.append(f"{m('h_not_eligible')}:")
            for code, item in result["not_eligible"].items():
                lines.append(f"  - {name('titles', code)}: {item['reason']}")
                lines.append(f"    {m('basis')}: {'; '.join(item['legal_basis'])}")
    if result["not_reached"]:
        lines.append(f"{m('h_not_reached')}:")
        for code, item in result["not_reached"].items():
            lines.append(f"  - {name('levels', code)}: {item['reason']}")
            lines.append(f"    {m('basis')}: {'; '.join(item['legal_basis'])}")
    if result["subject"] == "unit_quota":
        lines.append(
            f"{m('h_quota')}: max_cstdcs = {result['max_cstdcs']}; max_htxs = {result['max_htxs']}"
        )
    lines.append(f"{m('h_manual')}: {m('word_yes') if result['manual_review'] else m('none')}")
    for reason in result["manual_review_reasons"]:
        lines.append(f"  - {reason}")
    flags = ", ".join(f"{k} = {v}" for k, v in result["flags_used"].items()) or m("none")
    lines.append(f"{m('h_flags')}: {flags}")
    lines.append(f"{m('h_unverified')}: {'; '.join(result['unverified_basis']) or m('none')}")
    lines.append(f"{m('h_explanation')}:")
    for entry in result["explanation"]:
        mark = "✓" if entry["met"] else "✗"
        lines.append(f"  [{mark}] ({entry['scope']}) {entry['text']}")
        if entry["legal_basis"]:
            lines.append(
                f"      {m('basis')}: {'; '.join(entry['legal_basis'])}  [{entry['criterion']}]"
            )
        else:
            lines.append(f"      [{entry['criterion']}]")
    if result["subject"] != "unit_quota":
        lines.append("")
        lines.append(m("proposal_note"))
    return "\n".join(lines) + "\n"
