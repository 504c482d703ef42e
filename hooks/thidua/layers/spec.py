"""The schema of a layer file (``data/layers/<id>.yaml``), with the criteria's specs.

Declared once here and documented for editors in ``data/layers/README.md``. The specs
are those of ``thidua.criteria.schema``: unknown keys are errors, every problem names
the file, the line and the key.
"""

from __future__ import annotations

import re

from thidua import contract as P
from thidua.criteria import schema as S
from thidua.layers.model import FIELD_KINDS, LEVELS, QUOTA_BASES, ROUNDINGS

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
LAYER_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


class Cite(S.Spec):
    """One citation string ("Quy chế 15/QĐ-HVM Điều 5 khoản 4"), readable by the grammar."""

    allowed = "một dẫn chiếu như 'Quy chế 15/QĐ-HVM Điều 5 khoản 4' (a citation string)"
    example = 'can_cu: "Quy chế 15/QĐ-HVM Điều 5 khoản 4"'

    def ok(self, value) -> bool:
        from thidua.legal.ref import RefSyntaxError, parse

        if not isinstance(value, str):
            return False
        try:
            parse(value)
        except RefSyntaxError:
            return False
        return True


COMMON = {
    "id": S.Str(re.compile(r"^[a-z0-9][a-z0-9-]*$"), "a rule id like ty-le-cstdcs"),
    "can_cu": Cite(),
    "siet_chat": Cite(),
}
ROLE = S.Enum(P.ROLES, example="vai_tro: cong_chuc")


def _variant(required: dict, optional: dict | None = None, example: str | None = None) -> S.Map:
    return S.Map({**COMMON, **required}, optional or {}, example)


RULE = S.Tagged(
    "loai",
    {},
    {
        "ty_le_cstdcs": _variant(
            {"ty_le": S.Ratio()},
            {"lam_tron": S.Enum(ROUNDINGS), "co_so": S.Enum(tuple(QUOTA_BASES))},
            'ty_le: "0.15"',
        ),
        "tran_htxs": _variant(
            {"ty_le": S.Ratio()},
            {"vai_tro": ROLE, "lam_tron": S.Enum(ROUNDINGS)},
            'ty_le: "0.15"',
        ),
        "yeu_cau_danh_hieu": _variant(
            {
                "danh_hieu": S.Enum(P.INDIVIDUAL_TITLES),
                "truong": S.Str(NAME, "a profile field declared in truong_ho_so"),
                "toi_thieu": S.Int(1),
            },
            {"nhom": S.Str(NAME, "a staff group declared in nhom_can_bo")},
            "danh_hieu: CSTDCS",
        ),
        "chia_diem_chung": _variant(
            {
                "vai_tro": ROLE,
                "truong": S.Str(NAME, "a profile field declared in truong_ho_so"),
                "phan": S.DictOf(S.Enum(("a", "b", "c")), S.Int(0, 30)),
            },
            {},
            "phan: {a: 12, b: 10, c: 8}",
        ),
        "quy_che_rieng": _variant(
            {
                "vai_tro": ROLE,
                "nam": S.ListOf(S.Int(2000, 2100), 1),
                "gia_tri": S.Bool(),
            },
            {},
            "nam: [2026]",
        ),
        "chi_cho_nhom": _variant(
            {
                "danh_hieu": S.Enum(P.INDIVIDUAL_TITLES),
                "nhom": S.Str(NAME, "a staff group declared in nhom_can_bo"),
            },
            {},
            "nhom: giang_vien",
        ),
        "bo_tieu_chi": _variant({"tieu_chi": S.CRITERION_ID}),
        "nguong": _variant(
            {"tieu_chi": S.CRITERION_ID, "gia_tri": S.Decimal()},
            {},
            "gia_tri: 92",
        ),
    },
    example="- {id: ty-le-cstdcs, loai: ty_le_cstdcs, ty_le: \"0.15\", can_cu: …, "
    "siet_chat: …, text: {vi: …, en: …}}",
)

FIELD = S.Map(
    {"kieu": S.Enum(FIELD_KINDS, example="kieu: so_dem"), "text": S.Text()},
    example="bai_bao_khoa_hoc: {kieu: so_dem, text: {vi: …, en: …}}",
)

LAYER = S.Map(
    {
        "schema_version": S.Int(1, 1),
        "id": S.Str(LAYER_ID, "the file name without .yaml", "id: hoc-vien-mau"),
        "ten": S.Text(),
        "cap": S.Enum(LEVELS, example="cap: co_quan"),
        "tren": S.Str(LAYER_ID, "none, or the id of the parent layer", "tren: none"),
        "quy_che": S.Map(
            {"so_hieu": S.Str(allowed="the số hiệu of a page in docs/van-ban/"), "ten": S.Text()},
            example="quy_che: {so_hieu: 15/QĐ-HVM, ten: {vi: …, en: …}}",
        ),
        "quy_tac": S.ListOf(RULE, 1),
    },
    {
        "nhom_can_bo": S.DictOf(S.Str(NAME, "a group id like giang_vien"), S.Text()),
        "truong_ho_so": S.DictOf(S.Str(NAME, "a field name like bai_bao_khoa_hoc"), FIELD),
        "ghi_chu": S.Text(),
    },
)
