"""The generic operations, one by one, at their boundaries (integers only, no floats)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from thidua.contract import rounded
from thidua.evaluator.ops import discipline_counted, fmt, recruited_months


@pytest.mark.parametrize(
    ("value", "how", "expected"),
    [
        (Fraction(33, 10), "floor", 3),
        (Fraction(33, 10), "ceil", 4),
        (Fraction(33, 10), "round_half_up", 3),
        (Fraction(9, 2), "round_half_up", 5),
        (Fraction(9, 2), "floor", 4),
        (Fraction(3), "ceil", 3),
        (Fraction(0), "round_half_up", 0),
        (Fraction(10, 6), "floor", 1),
    ],
)
def test_rounding_is_exact(value, how, expected):
    assert rounded(value, how) == expected


@pytest.mark.parametrize(
    ("date", "months"),
    [
        ("2024-07-01", 6),
        ("2024-07-02", 5),
        ("2024-01-01", 12),
        ("2024-12-31", 0),
        ("2024-03-01", 10),
    ],
)
def test_recruited_months(date, months):
    assert recruited_months(date, 2024) == months


def test_recruited_in_an_earlier_year_is_not_new():
    assert recruited_months("2023-12-01", 2024) is None


def _d(system, decided_on, violation_year, used=None):
    item = {
        "system": system,
        "form": "khien_trach",
        "decided_on": decided_on,
        "violation_year": violation_year,
    }
    if used is not None:
        item["already_used_for_rating_year"] = used
    return item


def test_discipline_counts_by_decision_date():
    counted, _ = discipline_counted([_d("hanh_chinh", "2025-01-05", 2024)], 2024, True)
    assert counted == []
    counted, _ = discipline_counted([_d("hanh_chinh", "2024-01-05", 2023)], 2024, True)
    assert len(counted) == 1


def test_discipline_exceptions_of_nd_48_2023():
    items = [_d("hanh_chinh", "2024-03-01", 2023, used=2023)]
    assert discipline_counted(items, 2024, True)[0] == []
    assert len(discipline_counted(items, 2024, False)[0]) == 1  # before NĐ 48/2023
    same = [_d("dang", "2023-11-20", 2023), _d("hanh_chinh", "2024-01-10", 2023)]
    counted, skipped = discipline_counted(same, 2024, True)
    assert counted == [] and len(skipped) == 1
    both_this_year = [_d("dang", "2024-02-01", 2024), _d("hanh_chinh", "2024-03-01", 2024)]
    assert len(discipline_counted(both_this_year, 2024, True)[0]) == 2


def test_numbers_are_shown_exactly():
    assert fmt(Fraction(179, 2)) == "89.5"
    assert fmt(Fraction(6999, 100)) == "69.99"
    assert fmt(Fraction(12)) == "12"
    assert fmt(Fraction(10, 6)) == "5/3"


def test_discipline_parts_are_data_not_words():
    """A decision is named by its row (1 = the first) with its codes and ISO date; the
    words come from the templates (thidua.evaluator.wording)."""
    items = [_d("dang", "2023-11-20", 2023), _d("hanh_chinh", "2024-01-10", 2023)]
    items.append(_d("dang", "2024-05-02", 2024))
    counted, skipped = discipline_counted(items, 2024, True)
    assert counted == [
        {
            "k": "discipline_row",
            "row": 3,
            "system": "dang",
            "form": "khien_trach",
            "date": "2024-05-02",
        }
    ]
    assert skipped == [{"k": "discipline_same", "row": 2, "year": 2023}]
