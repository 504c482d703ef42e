"""The sample layer and the public API (``thidua.layers``)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from thidua.contract import rounded
from thidua.layers import UnknownLayer, list_layers, load_layer

from .support import FIXTURES, ROOT


def test_the_sample_layer_loads_with_its_four_rules() -> None:
    layer = load_layer(ROOT, "hoc-vien-mau")
    assert layer.layer_name == "Học viện Mẫu"
    assert layer.chain == ["hoc-vien-mau"]
    assert layer.regulation.so_hieu == "15/QĐ-HVM"
    assert layer.groups == {"giang_vien": {"vi": "Giảng viên", "en": "Lecturers"}}
    cites = {rule.id: rule.cite for rule in layer.rules}
    assert cites == {
        "ty-le-cstdcs": "Quy chế 15/QĐ-HVM Điều 5 khoản 3",
        "giang-vien-bai-bao": "Quy chế 15/QĐ-HVM Điều 5 khoản 4",
        "chia-diem-chung": "Quy chế 15/QĐ-HVM Điều 2 khoản 4",
        "quy-che-danh-gia-vien-chuc": "Quy chế 15/QĐ-HVM Điều 2 khoản 5",
    }


def test_the_cstdcs_quota_of_the_sample_layer() -> None:
    quota = load_layer(ROOT, "hoc-vien-mau").cstdcs_quota
    assert quota is not None
    assert quota.ratio == Decimal("0.15")
    assert quota.rounding == "floor"
    assert quota.base == "members_ldtt"
    assert quota.cite == "Quy chế 15/QĐ-HVM Điều 5 khoản 3"
    assert quota.layer_name == "Học viện Mẫu"
    assert [quota.maximum(n) for n in (0, 6, 7, 13, 20, 40)] == [0, 0, 1, 1, 3, 6]


@pytest.mark.parametrize(
    ("value", "rounding", "expected"),
    [
        ("1.5", "floor", 1), ("1.5", "ceil", 2), ("1.5", "round_half_up", 2),
        ("1.49", "round_half_up", 1), ("2", "ceil", 2), ("0.05", "ceil", 1),
    ],
)
def test_rounding(value: str, rounding: str, expected: int) -> None:
    # Layers round with the contract's one rounding, like the evaluator's caps.
    assert rounded(Fraction(value), rounding) == expected


def test_list_layers_names_the_files() -> None:
    assert "hoc-vien-mau" in list_layers(ROOT)
    assert "bo-mau" in list_layers(ROOT, FIXTURES)


def test_an_unknown_layer_lists_the_known_ones() -> None:
    with pytest.raises(UnknownLayer) as raised:
        load_layer(ROOT, "khong-co")
    assert raised.value.known == list_layers(ROOT)
    assert "hoc-vien-mau" in raised.value.allowed


def test_a_chain_takes_the_nearest_quota(fixture_layer) -> None:
    layer = fixture_layer("hoc-vien-con")
    assert layer.chain == ["hoc-vien-con", "bo-mau"]
    quota = layer.cstdcs_quota
    assert (quota.ratio, quota.rounding) == (Decimal("0.10"), "ceil")
    assert quota.maximum(11) == 2


def test_no_quota_no_cap_when_the_layer_sets_none(fixture_layer) -> None:
    layer = load_layer(ROOT, "hoc-vien-mau")
    assert layer.htxs_cap("cong_chuc") is None


def test_layers_and_criteria_read_their_files_with_one_reader(monkeypatch) -> None:
    """Load and schema check happen in ``spec.read`` for both (one reader), the id check
    in ``criteria.read``."""
    from thidua import spec
    from thidua.criteria import _read
    from thidua.layers.loader import read_chain

    seen: list[str] = []
    real = spec.load_file

    def spy(path, root=None):
        seen.append(path.name)
        return real(path, root)

    monkeypatch.setattr(spec, "load_file", spy)
    _read(ROOT)
    read_chain(ROOT, "hoc-vien-mau")
    assert {"criteria.yaml", "years.yaml", "labels.yaml", "hoc-vien-mau.yaml"} <= set(seen)
    assert "nd-335-2025.yaml" in seen  # a rule set, checked against its id
