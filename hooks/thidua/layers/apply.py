"""Applying a layer AROUND the national evaluator (never inside it).

Before: ``profile_defaults`` takes the layer's own profile fields out (the national
contract refuses unknown fields) and fills the layer's defaults (NĐ 233's transition
for the institution's viên chức). After: ``apply_to_result`` adds the layer's extra
requirements (a title withheld from a staff group), its quotas and its checks, each
with ``source: "layer"`` and the layer's clause; every other explanation entry and
reason gets ``source: "law"``; ``rules.layer`` names the layer.

The words of what the layer found are templates ``layer_*`` of the labels' messages
(``data/criteria/labels.yaml``), the evaluator's own (``evaluator/wording.py``); the
page's ``layer.js`` fills the same published templates. What a layer's own profile field
allows (``profile_problems``) is worded in the words files (``layers_problems``).
"""

from __future__ import annotations

import copy
from fractions import Fraction
from typing import Any

from thidua import words
from thidua.contract import Problem, rounded, show, to_fraction
from thidua.criteria import load_rules
from thidua.layers.model import Layer, Rule


def say(lang: str, key: str, **values: Any) -> str:
    """The labels' message ``layer_<key>`` in ``lang`` with ``values`` filled in."""
    return load_rules().labels["messages"][f"layer_{key}"][lang].format_map(values)


def _allowed(key: str, **values: Any) -> str:
    """The words ``layers_problems.<key>``: Vietnamese, then English in brackets (a
    problem of a profile carries one text, read by an editor of either language)."""
    vi, en = (words.text(lang, f"layers_problems.{key}", **values) for lang in words.LANGUAGES)
    return f"{vi} ({en})"


def _individual(profile: dict) -> bool:
    return profile.get("subject") == "individual"


def _applies(rule: Rule, profile: dict) -> bool:
    """Whether a rule with ``vai_tro`` (and ``nam``) concerns this profile."""
    role = rule.params.get("vai_tro")
    if role is not None and profile.get("role") != role:
        return False
    years = rule.params.get("nam")
    return years is None or profile.get("evaluation_year") in years


def profile_problems(layer: Layer, profile: Any) -> list[Problem]:
    """Problems of the layer's own fields in ``profile`` (national fields are not checked)."""
    if not isinstance(profile, dict):
        return []
    out: list[Problem] = []
    for name, declared in layer.fields.items():
        if name not in profile:
            continue
        value = profile[name]
        if profile.get("subject") != "individual":
            out.append(Problem((name,), f"found {show(value)} for subject "
                               f"{show(profile.get('subject'))}",
                               _allowed("individual_only")))
            continue
        if declared.kind == "nhom":
            if not isinstance(value, str) or value not in layer.groups:
                out.append(Problem((name,), f"found {show(value)}",
                                   _allowed("group") + ": " + ", ".join(layer.groups)))
        elif declared.kind == "so_dem":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                out.append(Problem((name,), f"found {show(value)}",
                                   _allowed("count")))
        elif declared.kind == "diem_thanh_phan":
            out += _split_problems(layer, name, value, profile)
    return out


def _split_problems(layer: Layer, name: str, value: Any, profile: dict) -> list[Problem]:
    rules = [r for r in layer.rules_of("chia_diem_chung") if r.params["truong"] == name]
    rule = next((r for r in rules if _applies(r, profile)), None)
    if rule is None:
        roles = ", ".join(sorted({r.params["vai_tro"] for r in rules})) or "—"
        return [Problem((name,), f"found {show(value)} for role {profile.get('role')!r}",
                        f"{_allowed('split_role')} {roles} — "
                        f"{rules[0].source() if rules else ''}")]
    parts = rule.params["phan"]
    allowed = ", ".join(f"{k} 0–{v}" for k, v in parts.items())
    if not isinstance(value, dict) or set(value) != set(parts):
        return [Problem((name,), f"found {show(value)}",
                        f"{_allowed('split_mapping', parts=allowed)} — {rule.source()}")]
    out: list[Problem] = []
    total = Fraction(0)
    for key, most in parts.items():
        score = to_fraction(value[key])
        if score is None or isinstance(value[key], bool) or not 0 <= score <= most:
            out.append(Problem((name, key), f"found {show(value[key])}",
                               f"{_allowed('split_part', most=most)} — {rule.source()}"))
        else:
            total += score
    if out:
        return out
    general = to_fraction(profile.get("score_general")) if "score_general" in profile else None
    if general is None:
        return [Problem((name,), "found the parts without score_general",
                        _allowed("split_general"))]
    if abs(total - general) > Fraction(1, 100):
        return [Problem((name,), f"found a + b + c = {float(total):g}, but score_general = "
                        f"{float(general):g}",
                        f"{_allowed('split_sum')} — {rule.source()}")]
    return []


def national_profile(layer: Layer, profile: Any) -> Any:
    """``profile`` without the layer's fields, with the layer's defaults (no checks)."""
    if not isinstance(profile, dict):
        return profile
    out = type(profile)()
    for key, value in profile.items():
        if key not in layer.fields:
            out[key] = value
    if hasattr(profile, "lines"):
        out.lines = dict(profile.lines)
        out.line = profile.line
    if _individual(profile):
        for rule in layer.rules_of("quy_che_rieng"):
            if _applies(rule, profile) and "unit_has_own_rules" not in out:
                out["unit_has_own_rules"] = rule.params["gia_tri"]
                break
    return out


def profile_defaults(layer: Layer, profile: Any) -> Any:
    """The national profile; raises ``ProfileError`` when the layer's fields are wrong."""
    from thidua.evaluator import ProfileError

    found = profile_problems(layer, profile)
    if found:
        raise ProfileError(found)
    return national_profile(layer, profile)


def evaluate(layer: Layer, profile: Any, lang: str = "vi", root=None) -> dict:
    """The national result of ``profile`` with the layer applied around it.

    Raises ``ProfileError`` listing the layer's and the law's problems together.
    """
    from thidua.criteria import load_rules
    from thidua.evaluator import ProfileError
    from thidua.evaluator import evaluate as national

    own = profile_problems(layer, profile)
    try:
        result = national(national_profile(layer, profile), load_rules(root), lang=lang)
    except ProfileError as error:
        raise ProfileError(own + error.problems) from None
    if own:
        raise ProfileError(own)
    return apply_to_result(layer, profile, result, lang)


def _entry(rule: Rule, met: bool, text: str, lang: str, layer: Layer) -> dict:
    return {
        "criterion": f"lop.{rule.layer_id}.{rule.id}",
        "met": met,
        "legal_basis": [rule.cite, rule.tightens],
        "text": f"{rule.source(lang)}: {text}",
        "scope": "layer",
        "source": "layer",
        "layer": rule.layer_id,
    }


def apply_to_result(layer: Layer, profile: dict, result: dict, lang: str = "vi") -> dict:
    """A copy of the national ``result`` with the layer's decisions and sources marked."""
    out = copy.deepcopy(result)
    out["rules"]["layer"] = layer.id
    for entry in out["explanation"]:
        entry.setdefault("source", "law")
    for group in ("not_eligible", "not_reached"):
        for item in out[group].values():
            item.setdefault("source", "law")
    if out["subject"] == "individual":
        for rule in layer.rules:
            if rule.kind == "quy_che_rieng" and _applies(rule, profile):
                _transition(rule, profile, out, lang, layer)
            elif rule.kind == "chia_diem_chung" and _applies(rule, profile):
                _split(rule, profile, out, lang, layer)
            elif rule.kind == "yeu_cau_danh_hieu":
                _requirement(rule, profile, out, lang, layer)
            elif rule.kind == "chi_cho_nhom":
                _only_group(rule, profile, out, lang, layer)
    elif out["subject"] == "unit_quota":
        _quota(layer, profile, out, lang)
        _htxs(layer, profile, out, lang)
    used = {e["criterion"] for e in out["explanation"] if e.get("source") == "layer"}
    for rule in layer.rules:
        if f"lop.{rule.layer_id}.{rule.id}" in used:
            out["unverified_basis"] += [b for b in rule.unverified
                                        if b not in out["unverified_basis"]]
    return out


def _transition(rule, profile, out, lang, layer) -> None:
    text = rule.text[lang]
    if "unit_has_own_rules" in profile:
        said = "own_rules_given" if profile["unit_has_own_rules"] else "own_rules_denied"
        text = f"{text} — {say(lang, said)}"
    out["explanation"].append(_entry(rule, True, text, lang, layer))


def _split(rule, profile, out, lang, layer) -> None:
    name = rule.params["truong"]
    if name not in profile:
        return
    parts = profile[name]
    given = ", ".join(f"{k}) {show(parts[k])}/{most}" for k, most in rule.params["phan"].items())
    said = say(lang, "split", given=given)
    out["explanation"].append(_entry(rule, True, f"{rule.text[lang]} — {said}", lang, layer))


def _title_name(code: str, lang: str) -> str:
    from thidua.criteria import load_rules

    return load_rules().labels["titles"][code][lang]


def _requirement(rule, profile, out, lang, layer) -> None:
    group_field = next((n for n, f in layer.fields.items() if f.kind == "nhom"), None)
    group = rule.params.get("nhom")
    if group is not None and (group_field is None or profile.get(group_field) != group):
        return
    title, name, least = rule.params["danh_hieu"], rule.params["truong"], rule.params["toi_thieu"]
    label = layer.fields[name].text[lang]
    value = profile.get(name)
    if value is None:
        status = say(lang, "count_missing", field=label)
    else:
        status = say(lang, "count", field=label, value=value)
    met = value is not None and value >= least
    text = f"{rule.text[lang]} — {status}"
    out["explanation"].append(_entry(rule, met, text, lang, layer))
    if met or title not in out["eligible_titles"]:
        return
    reason = f"{rule.source(lang)}: {rule.text[lang]} — {status}, {say(lang, 'not_proposed')}"
    _withhold(out, title, reason, [rule.cite, rule.tightens], rule, lang)


def _only_group(rule, profile, out, lang, layer) -> None:
    """A title kept for one staff group: anyone else is not proposed."""
    group_field = next((n for n, f in layer.fields.items() if f.kind == "nhom"), None)
    group = rule.params["nhom"]
    label = layer.groups[group][lang]
    met = group_field is not None and profile.get(group_field) == group
    status = say(lang, "in_group" if met else "not_in_group", group=label)
    out["explanation"].append(_entry(rule, met, f"{rule.text[lang]} — {status}", lang, layer))
    title = rule.params["danh_hieu"]
    if met or title not in out["eligible_titles"]:
        return
    reason = f"{rule.source(lang)}: {rule.text[lang]} — {status}, {say(lang, 'not_proposed')}"
    _withhold(out, title, reason, [rule.cite, rule.tightens], rule, lang)


def _withhold(out: dict, title: str, reason: str, basis: list[str], rule: Rule, lang: str) -> None:
    """Take ``title`` (and the titles that need it this year) out of the eligible ones."""
    out["eligible_titles"].remove(title)
    out["not_eligible"][title] = {
        "reason": reason, "legal_basis": basis, "source": "layer", "layer": rule.layer_id
    }
    # The clause's words ("Theo Quy chế …") go mid-sentence: first letter lower case.
    source = rule.source(lang)
    needs = say(lang, "needs_title", title=_title_name(title, lang),
                source=source[:1].lower() + source[1:])
    for other in dependants(out["rules"]["thi_dua"], title):
        if other in out["eligible_titles"]:
            _withhold_plain(out, other, needs, basis, rule)


def _withhold_plain(out: dict, title: str, reason: str, basis: list[str], rule: Rule) -> None:
    out["eligible_titles"].remove(title)
    out["not_eligible"][title] = {
        "reason": reason, "legal_basis": basis, "source": "layer", "layer": rule.layer_id
    }


def dependants(thi_dua_id: str, title: str) -> list[str]:
    """Titles of the emulation rule set whose criteria need ``title`` in the same year."""
    from thidua.criteria import load_rules

    rules = load_rules()
    rule_set = rules.thi_dua.get(thi_dua_id, {})

    def needs(cid: str, seen: set[str]) -> bool:
        crit = rules.criteria.get(cid, {})
        if cid in seen:
            return False
        seen.add(cid)
        if crit.get("op") in ("chain", "chain_in_run"):
            return title in (crit.get("title"), crit.get("run_of"))
        if crit.get("op") == "title_eligible":
            return title in crit.get("titles", [])
        return any(needs(sub, seen) for sub in crit.get("criteria", []))

    return [
        entry["title"]
        for entry in rule_set.get("individual_titles", [])
        if entry["title"] != title and any(needs(b["criterion"], set()) for b in entry["criteria"])
    ]


def _quota(layer: Layer, profile: dict, out: dict, lang: str) -> None:
    quota = layer.cstdcs_quota
    count = profile.get("unit_ldtt_count")
    if quota is None or not isinstance(count, int) or isinstance(count, bool):
        return
    cap = quota.maximum(count)
    most = cap
    candidates = profile.get("cstdcs_eligible_candidates")
    if isinstance(candidates, int) and not isinstance(candidates, bool):
        most = min(most, candidates)
    national = out["max_cstdcs"]
    if national is None:
        dropped = {e["text"] for e in out["explanation"] if e["criterion"] == "quota.cstdcs"}
        out["manual_review_reasons"] = [
            r for r in out["manual_review_reasons"] if r not in dropped
        ]
        out["manual_review"] = bool(out["manual_review_reasons"])
        out["max_cstdcs"] = most
    else:
        out["max_cstdcs"] = min(national, most)
    percent = f"{(quota.ratio * 100).normalize():f}"
    text = say(lang, "quota", percent=percent, base=quota.base_text(lang), count=count,
               rounding=say(lang, f"rounding_{quota.rounding}"), cap=cap)
    rule = layer.rule_for(quota)
    out["explanation"].append(_entry(rule, True, text, lang, layer))


def _htxs(layer: Layer, profile: dict, out: dict, lang: str) -> None:
    cap = layer.htxs_cap(profile.get("role"))
    size = profile.get("group_size_htt_or_above")
    if cap is None or out["max_htxs"] is None or not isinstance(size, int):
        return
    most = rounded(Fraction(cap.ratio) * size, cap.rounding)
    out["max_htxs"] = min(out["max_htxs"], most)
    rule = layer.rule_for(cap)
    text = say(lang, "htxs", percent=f"{(cap.ratio * 100).normalize():f}", size=size, most=most)
    out["explanation"].append(_entry(rule, True, text, lang, layer))
