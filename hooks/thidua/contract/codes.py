"""The codes of the evaluation contract (evaluation-contract.md, "Codes").

Fixed by the contract: a profile exported from the page and read by the command line
uses exactly these. Their names for people are in ``data/criteria/labels.yaml``.
"""

from __future__ import annotations

ROLES = ("can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong")
SUBJECTS = ("individual", "collective", "unit_quota")
CLASSIFICATIONS = ("HTXS", "HTT", "HTNV", "KHTNV", "NOT_CLASSIFIED")
LEVEL_CODES = ("HTXS", "HTT", "HTNV", "KHTNV")
UNIT_KINDS = ("don_vi_su_nghiep", "co_quan_hanh_chinh")
INDIVIDUAL_TITLES = ("LDTT", "CSTT", "CSTDCS", "CSTD_BO", "CSTDTQ")
COLLECTIVE_TITLES = ("TTLDTT", "TTLDXS", "CO_THI_DUA_BO", "CO_THI_DUA_CP")
CRITERION_VALUES = ("tot", "dap_ung", "khong_dap_ung")
LEAVE_KINDS = (
    "thai_san",
    "om_dau",
    "khong_luong",
    "dieu_tri_thuong_tich_cuu_nguoi",
    "dieu_tri_thuong_tich_chien_dau",
    "hoc_tap",
    "khac",
)
DISCIPLINE_SYSTEMS = ("dang", "hanh_chinh")
DISCIPLINE_FORMS = (
    "khien_trach",
    "canh_cao",
    "ha_bac_luong",
    "giang_chuc",
    "cach_chuc",
    "buoc_thoi_viec",
    "khai_tru",
)
INITIATIVE_KINDS = ("sang_kien", "de_tai", "de_an", "cong_trinh", "muu_tri_chien_dau")
RECOGNISED_AT = ("co_so", "bo_tinh", "toan_quoc")
EFFECTS = ("applied", "applied_and_replicable_in_bo_tinh", "applied_and_replicable_nationwide")
RECOGNISED_BY = ("co_so", "nguoi_dung_dau_bo_tinh", "bo_truong_quoc_phong_cong_an", "khac")
CERTIFIED_BY = ("co_so_y_te_cap_huyen_tro_len", "khac")
EFFICIENCY = ("high", "normal", "low")
GENERAL_CRITERIA = (
    "chinh_tri_tu_tuong",
    "dao_duc_loi_song",
    "tac_phong_le_loi",
    "y_thuc_to_chuc_ky_luat",
)
FLAG_NAMES = (
    "cstdcs_htxs_alternative",
    "quota_rounding",
    "htxs_ratio_base",
    "htxs_ratio",
    "cstdcs_ratio",
)
# The values of the interpretation flags that are codes (the others: true/false, ratios).
FLAG_VALUES = {
    "quota_rounding": ("floor", "round_half_up", "ceil"),
    "htxs_ratio_base": ("htt_or_above", "htt_only"),
}
