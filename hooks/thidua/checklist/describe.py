"""A worked example's profile told in words ("Ví dụ minh họa", the left column).

``describe(case, rules, lang)`` turns a case's inputs into short phrases in the order
of the contract's fields: codes become words (``_V``), dates dd/mm/yyyy, flags their
label and value in words. No field name, code or program value reaches the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thidua.checklist.lines import text

if TYPE_CHECKING:
    from thidua.criteria import Rules
    from thidua.evaluator.cases import Case

_V: dict[str, dict[str, Any]] = {
    "vi": {
        "year": "năm đánh giá {v}",
        "leader": "giữ chức vụ lãnh đạo, quản lý",
        "armed_forces": "thuộc lực lượng vũ trang",
        "months_worked": "làm việc {v} tháng trong năm",
        "recruited_on": "tuyển dụng ngày {v}",
        "leave": "nghỉ {months} tháng ({kind})",
        "discipline": "bị kỷ luật {form} ({system}) ngày {date}, vi phạm năm {year}",
        "discipline_used": "đã dùng để xếp loại năm {v}",
        "general": "tiêu chí chung: {v}",
        "general_all": "các tiêu chí chung đều ở mức {v}",
        "leadership_5a": "tiêu chí kết quả lãnh đạo, quản lý: {v}",
        "tasks": "{assigned} nhiệm vụ được giao: {completed} hoàn thành, {on_time} đúng tiến "
        "độ, bảo đảm chất lượng, {exceeded} vượt mức",
        "efficiency": "hiệu quả {v}",
        "unit": "đơn vị phụ trách có {total} chỉ tiêu: {completed} hoàn thành, {on_time} đúng "
        "tiến độ, chất lượng, {exceeded} vượt mức",
        "sub_units": "{total} đơn vị trực thuộc: {htnv} hoàn thành nhiệm vụ trở lên, {htt} "
        "hoàn thành tốt trở lên",
        "score_total": "tổng điểm {v}",
        "degradation_concluded": "có kết luận về suy thoái tư tưởng chính trị, đạo đức, lối sống",
        "unit_corruption_or_waste": "đơn vị phụ trách để xảy ra tham nhũng, lãng phí",
        "classification_input": "đã được cấp có thẩm quyền xếp loại {v}",
        "no_spirit": "không tích cực tham gia phong trào thi đua",
        "initiative": "{kind} năm {year}",
        "prior": "danh hiệu các năm trước: {v}",
        "flags": "cách hiểu được chọn: {v}",
        "members": "tập thể {v} người",
        "unit_result": "tập thể được xếp loại {v}",
        "movement_false": "phong trào thi đua chưa thường xuyên, hiệu quả",
        "movement_true": "phong trào thi đua thường xuyên, hiệu quả",
        "unity_false": "nội bộ chưa đoàn kết",
        "unity_true": "nội bộ đoàn kết",
        "members_htnv_or_above": "{v} người hoàn thành nhiệm vụ trở lên",
        "members_ldtt": "{v} người đạt Lao động tiên tiến",
        "members_cstdcs": "{v} người đạt Chiến sĩ thi đua cơ sở",
        "members_disciplined": "{v} người bị kỷ luật",
        "members_disciplined_canh_cao_or_above": "{v} người bị kỷ luật từ cảnh cáo trở lên",
        "leads_emulation_cluster": "dẫn đầu cụm, khối thi đua",
        "exceeded_all_targets": "vượt mức mọi chỉ tiêu",
        "unit_ldtt_count": "{v} người đạt Lao động tiên tiến",
        "cstdcs_eligible_candidates": "{v} người đủ tiêu chuẩn Chiến sĩ thi đua cơ sở",
        "group_size_htt_or_above": "{v} người hoàn thành tốt nhiệm vụ trở lên",
        "individuals_meeting_htxs_criteria": "{v} người đủ tiêu chí hoàn thành xuất sắc",
        "unit_outstanding_exception_granted": "được cho phép tỷ lệ cao hơn",
        "accepted": "đã nghiệm thu",
        "applied": "đã áp dụng",
        "not_applied": "chưa áp dụng",
        "recognised_at": "công nhận cấp {v}",
        "effect": "{v}",
        "recognised_by": "do {v} công nhận",
        "yes": "có",
        "no": "không",
        "codes": {
            "thai_san": "thai sản",
            "om_dau": "ốm đau",
            "khong_luong": "không lương",
            "dieu_tri_thuong_tich_cuu_nguoi": "điều trị thương tích do cứu người",
            "dieu_tri_thuong_tich_chien_dau": "điều trị thương tích trong chiến đấu",
            "hoc_tap": "đi học",
            "khac": "khác",
            "dang": "đảng",
            "hanh_chinh": "hành chính",
            "khien_trach": "khiển trách",
            "canh_cao": "cảnh cáo",
            "ha_bac_luong": "hạ bậc lương",
            "giang_chuc": "giáng chức",
            "cach_chuc": "cách chức",
            "buoc_thoi_viec": "buộc thôi việc",
            "khai_tru": "khai trừ",
            "sang_kien": "sáng kiến",
            "de_tai": "đề tài",
            "de_an": "đề án",
            "cong_trinh": "công trình",
            "muu_tri_chien_dau": "mưu trí trong chiến đấu",
            "co_so": "cơ sở",
            "bo_tinh": "bộ, tỉnh",
            "toan_quoc": "toàn quốc",
            "applied": "đã áp dụng tại cơ sở",
            "applied_and_replicable_in_bo_tinh": "áp dụng, nhân rộng trong bộ, tỉnh",
            "applied_and_replicable_nationwide": "áp dụng, nhân rộng toàn quốc",
            "nguoi_dung_dau_bo_tinh": "người đứng đầu bộ, tỉnh",
            "bo_truong_quoc_phong_cong_an": "Bộ trưởng Quốc phòng, Công an",
            "khac_cap": "một cấp khác",
            "floor": "làm tròn xuống",
            "round_half_up": "làm tròn",
            "ceil": "làm tròn lên",
            "htt_or_above": "số hoàn thành tốt nhiệm vụ trở lên",
            "htt_only": "số hoàn thành tốt nhiệm vụ",
            "True": "có",
            "False": "không",
            "chinh_tri_tu_tuong": "chính trị tư tưởng",
            "dao_duc_loi_song": "đạo đức, lối sống",
            "tac_phong_le_loi": "tác phong, lề lối làm việc",
            "y_thuc_to_chuc_ky_luat": "ý thức tổ chức kỷ luật",
            "tot": "tốt",
            "dap_ung": "đáp ứng",
            "khong_dap_ung": "không đáp ứng",
            "high": "cao",
            "normal": "bình thường",
            "low": "thấp",
        },
    },
    "en": {
        "year": "evaluation year {v}",
        "leader": "holds a leadership or management post",
        "armed_forces": "member of the armed forces",
        "months_worked": "worked {v} months in the year",
        "recruited_on": "recruited on {v}",
        "leave": "{months} months of leave ({kind})",
        "discipline": "disciplined: {form} ({system}) on {date}, violation of {year}",
        "discipline_used": "already used for the {v} rating",
        "general": "general criteria: {v}",
        "general_all": "all general criteria at level {v}",
        "leadership_5a": "leadership criterion: {v}",
        "tasks": "{assigned} tasks assigned: {completed} completed, {on_time} on time with "
        "quality, {exceeded} exceeded",
        "efficiency": "efficiency {v}",
        "unit": "the unit led has {total} targets: {completed} completed, {on_time} on time "
        "with quality, {exceeded} exceeded",
        "sub_units": "{total} units managed: {htnv} rated HTNV or above, {htt} HTT or above",
        "score_total": "total score {v}",
        "degradation_concluded": "a conclusion of political, ethical or lifestyle degradation",
        "unit_corruption_or_waste": "corruption or waste in the unit led",
        "classification_input": "already rated {v} by the competent level",
        "no_spirit": "not active in emulation movements",
        "initiative": "{kind} of {year}",
        "prior": "titles of earlier years: {v}",
        "flags": "readings chosen: {v}",
        "members": "a collective of {v}",
        "unit_result": "the collective is rated {v}",
        "movement_false": "emulation movements not regular or effective",
        "movement_true": "regular, effective emulation movements",
        "unity_false": "no internal unity",
        "unity_true": "internal unity",
        "members_htnv_or_above": "{v} members rated HTNV or above",
        "members_ldtt": "{v} members hold LĐTT",
        "members_cstdcs": "{v} members hold CSTĐCS",
        "members_disciplined": "{v} members disciplined",
        "members_disciplined_canh_cao_or_above": "{v} members disciplined at cảnh cáo or above",
        "leads_emulation_cluster": "leads its emulation cluster",
        "exceeded_all_targets": "exceeded every target",
        "unit_ldtt_count": "{v} members hold LĐTT",
        "cstdcs_eligible_candidates": "{v} candidates meet the CSTĐCS standard",
        "group_size_htt_or_above": "{v} members rated HTT or above",
        "individuals_meeting_htxs_criteria": "{v} members meet the HTXS criteria",
        "unit_outstanding_exception_granted": "a higher ratio was allowed",
        "accepted": "accepted",
        "applied": "applied",
        "not_applied": "not applied",
        "recognised_at": "recognised at {v} level",
        "effect": "{v}",
        "recognised_by": "recognised by {v}",
        "yes": "yes",
        "no": "no",
        "codes": {
            "thai_san": "maternity",
            "om_dau": "sickness",
            "khong_luong": "unpaid",
            "dieu_tri_thuong_tich_cuu_nguoi": "injury from a rescue",
            "dieu_tri_thuong_tich_chien_dau": "combat injury",
            "hoc_tap": "study",
            "khac": "other",
            "dang": "Party",
            "hanh_chinh": "administrative",
            "khien_trach": "reprimand (khiển trách)",
            "canh_cao": "warning (cảnh cáo)",
            "ha_bac_luong": "salary step lowered",
            "giang_chuc": "demotion",
            "cach_chuc": "removal from post",
            "buoc_thoi_viec": "dismissal",
            "khai_tru": "expulsion",
            "sang_kien": "initiative",
            "de_tai": "research project",
            "de_an": "scheme",
            "cong_trinh": "scientific work",
            "muu_tri_chien_dau": "combat ingenuity",
            "co_so": "cơ sở",
            "bo_tinh": "ministry or province",
            "toan_quoc": "national",
            "applied": "applied where it was made",
            "applied_and_replicable_in_bo_tinh": "applied and replicable in the ministry or "
            "province",
            "applied_and_replicable_nationwide": "applied and replicable nationwide",
            "nguoi_dung_dau_bo_tinh": "the head of the ministry or province",
            "bo_truong_quoc_phong_cong_an": "the Minister of Defence or Public Security",
            "khac_cap": "another level",
            "floor": "round down",
            "round_half_up": "round to nearest",
            "ceil": "round up",
            "htt_or_above": "those rated HTT or above",
            "htt_only": "those rated HTT",
            "True": "yes",
            "False": "no",
            "chinh_tri_tu_tuong": "political ideology",
            "dao_duc_loi_song": "ethics and lifestyle",
            "tac_phong_le_loi": "working style",
            "y_thuc_to_chuc_ky_luat": "organisational discipline",
            "tot": "good",
            "dap_ung": "meets",
            "khong_dap_ung": "does not meet",
            "high": "high",
            "normal": "normal",
            "low": "low",
        },
    },
}


def _date(value: Any, lang: str) -> str:
    """dd/mm/yyyy in both languages (the portal's date format everywhere)."""
    iso = str(value)
    if len(iso) == 10 and iso[4] == "-" and iso[7] == "-":
        return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
    return iso


def describe(case: Case, rules: Rules, lang: str) -> list[str]:
    """The case's profile as short phrases, in the order of the contract's fields."""
    v = _V["en" if lang == "en" else "vi"]
    codes = v["codes"]
    labels = rules.labels

    def code(value: Any) -> str:
        return codes.get(str(value), str(value))

    data = case.data
    inputs = data.get("inputs") or {}
    out: list[str] = []
    subject = data["subject"]
    first = text(labels["subjects"][subject], lang)
    if subject == "individual" and "role" in inputs:
        first = text(labels["roles"][inputs["role"]], lang)
    out.append(f"{first}, {v['year'].format(v=data['evaluation_year'])}")
    for key in ("leader", "armed_forces", "degradation_concluded", "unit_corruption_or_waste"):
        if inputs.get(key):
            out.append(v[key])
    for key in ("leads_emulation_cluster", "exceeded_all_targets"):
        if inputs.get(key):
            out.append(v[key])
    if "recruited_on" in inputs:
        out.append(v["recruited_on"].format(v=_date(inputs["recruited_on"], lang)))
    if "months_worked" in inputs:
        out.append(v["months_worked"].format(v=inputs["months_worked"]))
    for leave in inputs.get("leave") or []:
        out.append(v["leave"].format(months=leave["months"], kind=code(leave["kind"])))
    for item in inputs.get("discipline") or []:
        phrase = v["discipline"].format(
            form=code(item["form"]),
            system=code(item["system"]),
            date=_date(item["decided_on"], lang),
            year=item["violation_year"],
        )
        if "already_used_for_rating_year" in item:
            phrase += ", " + v["discipline_used"].format(v=item["already_used_for_rating_year"])
        out.append(phrase)
    general = inputs.get("general_criteria")
    if isinstance(general, dict) and general:
        values = set(general.values())
        if len(values) == 1:
            out.append(v["general_all"].format(v=code(values.pop())))
        else:
            shown = ", ".join(f"{code(k)}: {code(x)}" for k, x in general.items())
            out.append(v["general"].format(v=shown))
    if "leadership_criterion_5a" in inputs:
        out.append(v["leadership_5a"].format(v=code(inputs["leadership_criterion_5a"])))
    tasks = inputs.get("tasks")
    if isinstance(tasks, dict):
        phrase = v["tasks"].format(
            assigned=tasks.get("assigned"),
            completed=tasks.get("completed"),
            on_time=tasks.get("on_time_with_quality"),
            exceeded=tasks.get("exceeded"),
        )
        if "efficiency" in tasks:
            phrase += ", " + v["efficiency"].format(v=code(tasks["efficiency"]))
        out.append(phrase)
    unit = inputs.get("unit")
    if isinstance(unit, dict):
        out.append(
            v["unit"].format(
                total=unit.get("targets_total"),
                completed=unit.get("targets_completed"),
                on_time=unit.get("targets_on_time_quality"),
                exceeded=unit.get("targets_exceeded"),
            )
        )
    subs = inputs.get("sub_units")
    if isinstance(subs, dict):
        out.append(
            v["sub_units"].format(
                total=subs.get("total"),
                htnv=subs.get("htnv_or_above"),
                htt=subs.get("htt_or_above"),
            )
        )
    if "score_total" in inputs:
        out.append(v["score_total"].format(v=inputs["score_total"]))
    if "classification_input" in inputs:
        level = inputs["classification_input"]
        out.append(v["classification_input"].format(v=text(labels["levels"][level], lang)))
    if inputs.get("emulation_spirit") is False:
        out.append(v["no_spirit"])
    for item in inputs.get("initiatives") or []:
        phrase = v["initiative"].format(kind=code(item["kind"]), year=item["year"])
        extra = []
        if "recognised_at" in item:
            extra.append(v["recognised_at"].format(v=code(item["recognised_at"])))
        if item.get("accepted"):
            extra.append(v["accepted"])
        if "applied" in item:
            extra.append(v["applied"] if item["applied"] else v["not_applied"])
        if "effect" in item:
            extra.append(v["effect"].format(v=code(item["effect"])))
        if "recognised_by" in item:
            by = "khac_cap" if item["recognised_by"] == "khac" else item["recognised_by"]
            extra.append(v["recognised_by"].format(v=code(by)))
        out.append(phrase + (f" ({', '.join(extra)})" if extra else ""))
    prior = inputs.get("prior_titles")
    if isinstance(prior, dict) and prior:
        shown = "; ".join(
            f"{year}: {', '.join(text(labels['titles'].get(t), lang) or t for t in titles)}"
            for year, titles in sorted(prior.items(), key=lambda kv: str(kv[0]))
        )
        out.append(v["prior"].format(v=shown))
    if "members" in inputs:
        out.append(v["members"].format(v=inputs["members"]))
    if "unit_result" in inputs:
        level = inputs["unit_result"]
        out.append(v["unit_result"].format(v=text(labels["levels"][level], lang)))
    for key, yes, no in (
        ("movement_regular_effective", "movement_true", "movement_false"),
        ("internal_unity", "unity_true", "unity_false"),
    ):
        if key in inputs:
            out.append(v[yes] if inputs[key] else v[no])
    for key in (
        "members_htnv_or_above",
        "members_ldtt",
        "members_cstdcs",
        "members_disciplined",
        "members_disciplined_canh_cao_or_above",
        "unit_ldtt_count",
        "cstdcs_eligible_candidates",
        "group_size_htt_or_above",
        "individuals_meeting_htxs_criteria",
    ):
        if key in inputs:
            out.append(v[key].format(v=inputs[key]))
    if inputs.get("unit_outstanding_exception_granted"):
        out.append(v["unit_outstanding_exception_granted"])
    flags = inputs.get("flags")
    if isinstance(flags, dict) and flags:
        shown = "; ".join(
            f"{text(rules.flags.get(k, {}).get('text'), lang) or k}: {_flag_value(x, codes, lang)}"
            for k, x in flags.items()
        )
        out.append(v["flags"].format(v=shown))
    return out


def _flag_value(value: Any, codes: dict[str, str], lang: str) -> str:
    """A flag's value in words: yes/no, a choice's words, a ratio as a percentage."""
    if isinstance(value, bool):
        return codes[str(value)]
    if isinstance(value, (int, float)) or str(value).replace(".", "", 1).isdigit():
        percent = f"{float(value) * 100:g} %"
        return percent.replace(".", ",") if lang != "en" else percent
    return codes.get(str(value), str(value))
