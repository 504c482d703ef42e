"""Plain Vietnamese text of a unit review, for the terminal (``thidua unit``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thidua.criteria import Rules

STATUS = {
    "within": "trong tỷ lệ",
    "over": "vượt tỷ lệ",
    "tie": "bằng nhau ở ranh giới tỷ lệ — Hội đồng quyết định",
    "unranked": "chưa có thứ tự hoặc số phiếu để so",
}
ORDER = {"rank": "theo thứ tự xếp hạng", "votes": "theo số phiếu đồng ý", None: "chưa có thứ tự"}
NO_QUOTA = (
    "Không áp dụng tỷ lệ CSTĐCS: từ năm 2024 không có tỷ lệ chung của Nhà nước (tỷ lệ 15 % "
    "thuộc Nghị định 91/2017/NĐ-CP Điều 9 khoản 3, hết hiệu lực cuối năm 2023; Luật 06/2022/QH15 "
    "Điều 23 không đặt tỷ lệ) và chưa cấu hình lớp quy định riêng của bộ, ngành, tỉnh hoặc cơ "
    "quan. Mọi người đủ điều kiện đều có thể được đề nghị; Hội đồng bỏ phiếu theo quy chế."
)


def render(result: dict[str, Any], rules: Rules) -> str:
    """The figures of ``unit.compute()`` as lines of text."""
    labels = rules.labels

    def level(code: str | None) -> str:
        return labels["levels"][code]["vi"] if code else "chưa xếp loại"

    def titles(codes: list[str]) -> str:
        return "; ".join(labels["titles"][c]["vi"] for c in codes) or "không có"

    def role(code: str) -> str:
        return labels["roles"][code]["vi"]

    lines = [
        f"Bình xét năm {result['evaluation_year']} — {len(result['members'])} thành viên "
        f"đánh giá được, {len(result['invalid_rows'])} dòng có lỗi (tệp: {result['encoding']})"
    ]
    lines.append(
        "Xếp loại: " + ", ".join(f"{level(code)} {n}" for code, n in result["levels"].items())
    )
    lines.append(
        "Danh hiệu có thể đề nghị: "
        + ", ".join(
            f"{labels['titles'][code]['vi']} {n}" for code, n in result["titles"].items() if n
        )
    )
    lines.append("")
    lines.append("Trần hoàn thành xuất sắc nhiệm vụ:")
    if not result["htxs_caps"]:
        lines.append("  Không có ai được đề nghị hoàn thành xuất sắc nhiệm vụ.")
    for cap in result["htxs_caps"]:
        where = f"{cap['group']} — " if cap["group"] else ""
        most = "không giới hạn trong dữ liệu" if cap["max"] is None else f"tối đa {cap['max']}"
        lines.append(
            f"  {where}{role(cap['role'])}: {cap['candidates']} đề nghị, "
            f"{cap['rated_htt_or_above']} người từ HTT trở lên, {most} "
            f"({ORDER[cap['order']]})."
        )
        lines.append(f"    {cap['text']}")
        for reason in cap["manual_review_reasons"]:
            lines.append(f"    Cần xem xét: {reason}")
    quota = result["cstdcs"]
    lines.append("")
    lines.append(f"Chiến sĩ thi đua cơ sở: {quota['candidates']} người đủ điều kiện đề nghị.")
    lines.append(
        "  " + (NO_QUOTA if quota["none_applies"] else f"Tối đa {quota['max']}. {quota['text']}")
    )
    lines.append("")
    lines.append("Thành viên:")
    for m in result["members"]:
        status = []
        if m["htxs_status"]:
            status.append("HTXS " + STATUS[m["htxs_status"]])
        if m["cstdcs_status"] and not quota["none_applies"]:
            status.append("CSTĐCS " + STATUS[m["cstdcs_status"]])
        tail = f" [{'; '.join(status)}]" if status else ""
        lines.append(
            f"  Dòng {m['row']}: {m['name']} — {level(m['level'])}; "
            f"{titles(m['eligible_titles'])}{tail}"
        )
        for reason in m["manual_review_reasons"]:
            lines.append(f"    Cần xem xét: {reason}")
    if result["invalid_rows"]:
        lines.append("")
        lines.append("Dòng có lỗi (chưa tính):")
        for row in result["invalid_rows"]:
            for item in row["problems"]:
                lines.append(f"  {item['message']}")
    col = result["collective"]
    lines.append("")
    if col["needed"]:
        lines.append("Danh hiệu tập thể: chưa xét — cần --unit-level, --movement và --unity.")
    else:
        lines.append(f"Danh hiệu tập thể có thể đề nghị: {titles(col['eligible_titles'])}")
        for code, reason in col["not_eligible"].items():
            lines.append(f"  {labels['titles'][code]['vi']}: {reason}")
        for reason in col["manual_review_reasons"]:
            lines.append(f"  Cần xem xét: {reason}")
    return "\n".join(lines) + "\n"
