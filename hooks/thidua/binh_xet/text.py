"""Plain Vietnamese text of a unit review, for the terminal (``thidua unit``).

Every line is written for a secretary: names of levels and titles in full, numbers in
Vietnamese form (``1,5``; ``1.234``), no codes, field names or program values. The
evaluator's own explanation of a cap (a technical trace) is not printed: the cap is
told from its figures, with the clause it rests on.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from thidua.contract import rounded

if TYPE_CHECKING:
    from thidua.criteria import Rules

STATUS = {
    "within": "trong tỷ lệ",
    "over": "vượt tỷ lệ",
    "tie": "bằng nhau ở ranh giới tỷ lệ — Hội đồng quyết định",
    "unranked": "cần thứ tự xếp hạng hoặc số phiếu để so",
}
ORDER = {
    "rank": "xét theo thứ tự xếp hạng",
    "votes": "xét theo số phiếu đồng ý",
    None: "chưa có thứ tự xếp hạng hay số phiếu",
}
ROUNDING = {"floor": "làm tròn xuống", "ceil": "làm tròn lên", "round_half_up": "làm tròn"}
BASE = {
    "htt_only": "số người được xếp loại Hoàn thành tốt nhiệm vụ",
    "htt_or_above": "số người được xếp loại từ Hoàn thành tốt nhiệm vụ trở lên",
}
KINDS = {
    "don_vi_su_nghiep": "đơn vị sự nghiệp công lập",
    "co_quan_hanh_chinh": "cơ quan hành chính",
}
ENCODING = {"utf-8": "UTF-8", "windows-1258": "Windows-1258"}
NO_QUOTA = (
    "Không áp dụng tỷ lệ Chiến sĩ thi đua cơ sở: từ năm 2024 không có tỷ lệ chung của Nhà "
    "nước (tỷ lệ 15 % thuộc Nghị định 91/2017/NĐ-CP Điều 9 khoản 3, hết hiệu lực cuối năm "
    "2023; Luật 06/2022/QH15 Điều 23 không đặt tỷ lệ) và chưa chọn lớp quy chế riêng của "
    "bộ, ngành, tỉnh hoặc cơ quan. Mọi người đủ điều kiện đều có thể được đề nghị; Hội đồng "
    "bỏ phiếu theo quy chế."
)
# An evaluator reason's technical tail (" — unit_result = HTT", " — ✗ …"), as BX.clean.
_TRACE = re.compile(r" — [a-z_][a-z0-9_.\[\]]* [^;]*")
_MARKS = re.compile(" — [\u2717\u2713\u2714][^;]*(?:; [\u2717\u2713\u2714][^;]*)*")


def clean(text: str) -> str:
    """An evaluator reason without its technical detail (same rule as BX.clean)."""
    return _MARKS.sub("", _TRACE.sub("", str(text)))


def number(value: float | int | Fraction) -> str:
    """A number in Vietnamese form: ``1.234``, ``1,5``, ``0,33`` (at most 2 decimals)."""
    value = Fraction(value)
    if value.denominator == 1:
        return f"{int(value):,}".replace(",", ".")
    shown = f"{float(value):,.2f}".rstrip("0").rstrip(".")
    return shown.replace(",", " ").replace(".", ",").replace(" ", ".")


def percent(ratio: float | Fraction | str) -> str:
    """``0.2`` → ``20 %``."""
    return f"{number(Fraction(str(ratio)) * 100)} %"


def people(count: int) -> str:
    """``3 người``."""
    return f"{number(count)} người"


def cap_ratio(cap: dict, settings: dict, rules: Rules, year: int) -> Fraction | None:
    """The ratio the cap applied (the exception's when granted), from the year's data."""
    if cap["ratio"] is not None and not settings["exception"]:
        return Fraction(str(cap["ratio"]))
    entry = rules.years[year]
    rule = rules.danh_gia[entry["danh_gia"].get(cap["role"]) or entry["quota_rules"]]
    found = rule.get("htxs_cap", {})
    value = found.get("exception_ratio") if settings["exception"] else found.get("ratio")
    return Fraction(str(value)) if value is not None else None


def cap_lines(cap: dict, settings: dict, rules: Rules, year: int) -> list[str]:
    """The sentences that explain one HTXS cap."""
    ratio = cap_ratio(cap, settings, rules, year)
    kind = cap["base_kind"] or "htt_or_above"
    group = cap["rated_htt_or_above"]
    if ratio is None or cap["max"] is None:
        return ["Không có trần tỷ lệ trong dữ liệu của năm này; cấp có thẩm quyền quyết định."]
    exact = ratio * group if kind == "htt_or_above" else ratio * group / (1 + ratio)
    rounding = settings["rounding"]
    limit = rounded(exact, rounding)
    which = ""
    if settings["exception"]:
        which = "tỷ lệ cao hơn dành cho đơn vị có thành tích nổi trội: "
    rule = f"{which}không quá {percent(ratio)} {BASE[kind]}"
    if kind == "htt_only":
        among = (
            f"trong {people(group)} từ Hoàn thành tốt nhiệm vụ trở lên, số người Hoàn thành "
            f"xuất sắc nhiệm vụ nhiều nhất là {number(exact)}"
        )
    else:
        among = f"{percent(ratio)} của {people(group)} là {number(exact)}"
    tail = "" if exact.denominator == 1 else f", {ROUNDING[rounding]} được {number(limit)}"
    text = f"Trần: {rule}; {among}{tail}; tối đa {people(limit)}."
    return [text[0].upper() + text[1:]]


def render(result: dict[str, Any], rules: Rules) -> str:
    """The figures of ``unit.compute()`` as lines of plain Vietnamese."""
    labels = rules.labels
    year = result["evaluation_year"]
    settings = result["settings"]

    def level(code: str | None) -> str:
        return labels["levels"][code]["vi"] if code else "chưa xếp loại"

    def titles(codes: list[str]) -> str:
        return "; ".join(labels["titles"][c]["vi"] for c in codes) or "không có"

    def role(code: str) -> str:
        return labels["roles"][code]["vi"]

    members = result["members"]
    lines = [
        f"Bình xét năm {year}: {people(len(members))} được tính, "
        f"{number(len(result['invalid_rows']))} dòng có lỗi chưa tính "
        f"(tệp đọc theo bảng mã {ENCODING.get(result['encoding'], result['encoding'])})."
    ]
    layer = settings.get("layer")
    if layer:
        lines.append(f"Lớp quy chế riêng: {layer['name']} — {layer['regulation']}.")
    lines.append(
        "Xếp loại: "
        + "; ".join(f"{level(code)} {people(n)}" for code, n in result["levels"].items() if n)
        + "."
    )
    counted = [f"{labels['titles'][c]['vi']} {people(n)}" for c, n in result["titles"].items() if n]
    lines.append("Danh hiệu có thể đề nghị: " + ("; ".join(counted) or "không có") + ".")
    lines.append("")
    lines += _caps(result, rules, role)
    lines.append("")
    lines += _cstdcs(result)
    lines.append("")
    lines += _collective(result, level, titles, labels)
    lines.append("")
    lines += _members(result, level, titles)
    if result["invalid_rows"]:
        lines.append("")
        lines.append("Dòng có lỗi (chưa tính):")
        for row in result["invalid_rows"]:
            for item in row["problems"]:
                lines.append(f"  {item['message']}")
    return "\n".join(lines) + "\n"


def _caps(result: dict, rules: Rules, role) -> list[str]:
    lines = ["Trần số người Hoàn thành xuất sắc nhiệm vụ (theo từng nhóm và nhóm đối tượng):"]
    if not result["htxs_caps"]:
        lines.append("  Không có ai được đề nghị Hoàn thành xuất sắc nhiệm vụ.")
    for cap in result["htxs_caps"]:
        where = f"{cap['group']} — " if cap["group"] else ""
        lines.append(
            f"  {where}{role(cap['role'])}: {people(cap['candidates'])} được đề nghị Hoàn thành "
            f"xuất sắc nhiệm vụ, {people(cap['rated_htt_or_above'])} từ Hoàn thành tốt nhiệm vụ "
            f"trở lên ({ORDER[cap['order']]})."
        )
        for text in cap_lines(cap, result["settings"], rules, result["evaluation_year"]):
            lines.append(f"    {text}")
        if cap["legal_basis"]:
            lines.append(f"    Căn cứ: {'; '.join(cap['legal_basis'])}.")
        for reason in cap["manual_review_reasons"]:
            lines.append(f"    Cần xem xét: {clean(reason)}")
    return lines


def _cstdcs(result: dict) -> list[str]:
    quota = result["cstdcs"]
    lines = [f"Chiến sĩ thi đua cơ sở: {people(quota['candidates'])} đủ điều kiện đề nghị."]
    if quota["none_applies"]:
        lines.append(f"  {NO_QUOTA}")
        return lines
    if quota.get("source") == "layer":
        layer = result["settings"]["layer"]["quota"]
        exact = Fraction(layer["ratio"]) * quota["ldtt"]
        tail = "" if exact.denominator == 1 else f", {ROUNDING[layer['rounding']]}"
        lines.append(f"  {quota['text']}")
        lines.append(
            f"  {percent(layer['ratio'])} của {people(quota['ldtt'])} Lao động tiên tiến là "
            f"{number(exact)}{tail}: tối đa {people(quota['cap'])}{_order(quota)}."
        )
    else:
        lines.append(f"  Tối đa {people(quota['max'])}{_order(quota)}.")
    for reason in quota["manual_review_reasons"]:
        lines.append(f"  Cần xem xét: {clean(reason)}")
    return lines


def _order(quota: dict) -> str:
    """How who is within was decided, when more are eligible than the quota allows."""
    if quota["max"] is not None and quota["candidates"] > quota["max"]:
        return f" ({ORDER[quota['order']]})"
    return "; mọi người đủ điều kiện đều trong tỷ lệ"


def _collective(result: dict, level, titles, labels) -> list[str]:
    col = result["collective"]
    settings = result["settings"]
    n = col["counts"]
    lines = [
        f"Tập thể: {people(n['members'])}; {number(n['members_htnv_or_above'])} hoàn thành "
        f"nhiệm vụ trở lên; {number(n['members_ldtt'])} Lao động tiên tiến; "
        f"{number(n['members_cstdcs'])} Chiến sĩ thi đua cơ sở có thể đề nghị; "
        f"{number(n['members_disciplined'])} bị kỷ luật "
        f"({number(n['members_disciplined_canh_cao_or_above'])} từ cảnh cáo trở lên)."
    ]
    if settings.get("unit_kind"):
        kind = KINDS.get(settings["unit_kind"], "")
        if col["level_needed"]:
            lines.append(
                f"  Xếp loại của tập thể ({kind}, thang 100 điểm): chưa tính — cần tổng điểm "
                "(--unit-score), tỷ lệ nhiệm vụ hoàn thành (--tasks-completed) và tỷ lệ nhiệm "
                "vụ chậm tiến độ (--tasks-late)."
            )
        elif col["level_unavailable"]:
            lines.append(
                f"  Xếp loại của tập thể theo thang 100 điểm: năm {result['evaluation_year']} "
                "chưa áp dụng (từ năm 2026); dùng mức xếp loại đã quyết định (--unit-level)."
            )
        elif col["classification"]:
            lines.append(
                f"  Xếp loại của tập thể ({kind}, {number(settings['unit_score'])} điểm): "
                f"{level(col['classification'])}."
            )
            for code, reason in col["level_not_reached"].items():
                said = clean(reason).removeprefix("Chưa đạt: ")
                lines.append(f"    Chưa đạt {level(code)}: {said}")
    if col["needed"]:
        what = {
            "unit_level": "mức xếp loại của tập thể (--unit-level, hoặc chấm điểm với --unit-kind)",
            "movement": "phong trào thi đua (--movement)",
            "unity": "đoàn kết nội bộ (--unity)",
        }
        lines.append(
            "  Danh hiệu tập thể: chưa xét — cần "
            + ", ".join(what[name] for name in col["needed"])
            + "."
        )
    elif n["members"]:
        lines.append(f"  Danh hiệu tập thể có thể đề nghị: {titles(col['eligible_titles'])}.")
        for code, reason in col["not_eligible"].items():
            lines.append(f"    {labels['titles'][code]['vi']}: {clean(reason)}")
    for reason in col["manual_review_reasons"]:
        lines.append(f"    Cần xem xét: {clean(reason)}")
    return lines


def _staff_group(member: dict, result: dict) -> str:
    """" (Giảng viên)" when the layer puts the member in one of its staff groups."""
    layer = result["settings"].get("layer") or {}
    groups = layer.get("groups", {})
    names = [groups[v]["vi"] for v in member.get("layer_fields", {}).values() if v in groups]
    return f" ({', '.join(names)})" if names else ""


def _members(result: dict, level, titles) -> list[str]:
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
            if reason not in shared and clean(reason) not in notes:
                notes.append(clean(reason))
    lines = ["Từng người:"]
    if shared:
        lines.append("  Cần xem xét, chung cho mọi người trong danh sách:")
        lines += [f"    {clean(r)}" for r in shared]
    if notes:
        lines.append("  Cần xem xét, theo từng người (số ghi chú ở cuối dòng của người đó):")
        lines += [f"    {i}. {text}" for i, text in enumerate(notes, start=1)]
    for m in members:
        status = []
        if m["htxs_status"]:
            status.append("Hoàn thành xuất sắc nhiệm vụ " + STATUS[m["htxs_status"]])
        if m["cstdcs_status"] and not quota["none_applies"]:
            status.append("Chiến sĩ thi đua cơ sở " + STATUS[m["cstdcs_status"]])
        refs = sorted(
            {notes.index(clean(r)) + 1 for r in m["manual_review_reasons"] if r not in shared}
        )
        if refs:
            status.append("cần xem xét: ghi chú " + ", ".join(str(n) for n in refs))
        tail = f" [{'; '.join(status)}]" if status else ""
        lines.append(
            f"  Dòng {m['row']}: {m['name']}{_staff_group(m, result)} — {level(m['level'])}; "
            f"danh hiệu có thể đề nghị: {titles(m['eligible_titles'])}{tail}"
        )
        lines += [f"    {clean(reason)}" for reason in m.get("layer_reasons", [])]
        if m.get("titles_if_htt") is not None:
            lines.append(f"    Nếu xếp Hoàn thành tốt nhiệm vụ: {titles(m['titles_if_htt'])}")
    return lines
