"""The number grammar of the contract: exact numbers, ratios, dates, periods, years.

A profile's numbers have at most 2 decimals and ratios at most 4; they are read as
exact ``Fraction`` values (never floats), so that 89.99 stays below 90 everywhere.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from fractions import Fraction
from typing import Any

# Decimal places of the number grammar, published as ``contract.places`` (the page reads
# them there): a profile's numbers (also the 0.01 within which two scores agree, and the
# places a score is shown with exactly), ratios, and a score a problem shows rounded (≈).
PLACES = {"number": 2, "ratio": 4, "approx": 4}
NUMBER_SCALE = 10 ** PLACES["number"]
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The periods of a year a score may be given for (what follows "YYYY-"): the months, then the
# quarters. The period pattern is made of them, and the page offers them (``contract.periods``).
MONTHS = tuple(f"{month:02d}" for month in range(1, 13))
QUARTERS = tuple(f"Q{quarter}" for quarter in range(1, 5))
# YYYY-MM or YYYY-Qn: group 1 the year, group 2 a month, group 3 the number of a quarter.
_MONTH = "|".join(MONTHS)
_QUARTER = "|".join(code.removeprefix("Q") for code in QUARTERS)
PERIOD = re.compile(rf"([0-9]{{4}})-(?:({_MONTH})|Q({_QUARTER}))")
YEAR_TEXT = re.compile(r"[0-9]{4}")
# The number texts a profile or the rules may hold: a decimal (an exponent of at most two
# digits, so that no text is absurdly large: Fraction("1e-999999") would compute 10**999999)
# or n/d. The browser reads the same pattern (contract.patterns.number).
NUMBER_TEXT = re.compile(
    r"([-+]?[0-9]+)/([0-9]+)|[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,2})?"
)


def exact_number(text: str) -> Fraction | None:
    """The exact value of a number text of the grammar (surrounding blanks allowed), else None."""
    text = text.strip()
    if not NUMBER_TEXT.fullmatch(text):
        return None
    try:
        return Fraction(text)
    except ZeroDivisionError:
        return None


def to_fraction(value: Any) -> Fraction | None:
    """An exact value for an int/float/decimal string with at most 2 decimals, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    exact = exact_number(str(value))
    if exact is None or (exact * NUMBER_SCALE).denominator != 1:
        return None
    return exact


def parse_date(value: Any) -> str | None:
    """ISO date string for a YAML date or a ``YYYY-MM-DD`` string, else None."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    # date.fromisoformat also takes week dates and other forms: YYYY-MM-DD only.
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    return None


# A flag's ratio (a share of a group): its bounds, published with the contract.
RATIO_LOW, RATIO_HIGH = 0, 1


def ratio_value(value: Any) -> Fraction | None:
    """A ratio 0–1 with at most 4 decimals (number or decimal string), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    exact = exact_number(str(value).strip())
    if exact is None or (exact * 10 ** PLACES["ratio"]).denominator != 1:
        return None
    if not RATIO_LOW <= exact <= RATIO_HIGH:
        return None
    return exact


def year_key(value: Any) -> int | None:
    """A prior_titles key (int or digit string) as an int."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and YEAR_TEXT.fullmatch(value):
        return int(value)
    return None


def agree(a: Fraction, b: Fraction) -> bool:
    """Two scores agree to 0.01 (|a − b| ≤ 0.01)."""
    return abs(a - b) * NUMBER_SCALE <= 1


def show_score(value: Fraction) -> str:
    """A score for messages: exact with 2 decimals, else ≈ rounded to 4 decimals
    (``PLACES``: number, approx)."""
    if (value * NUMBER_SCALE).denominator == 1:
        return decimal_text(value, PLACES["number"])
    places = PLACES["approx"]
    scaled = value * 10**places
    n = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)
    return "≈ " + decimal_text(Fraction(n, 10**places), places)


def decimal_text(value: Fraction, places: int) -> str:
    """``value`` (with at most ``places`` decimals, not negative) written with its
    decimals, trailing zeros dropped: ``89.5``, ``90``."""
    whole, frac = divmod(value.numerator * 10**places // value.denominator, 10**places)
    return f"{whole}.{frac:0{places}d}".rstrip("0").rstrip(".")


def format_number(value: Any, lang: str = "vi") -> str:
    """A number for people: ``89,99`` in Vietnamese, ``89.99`` in English.

    Exact values with at most 2 decimals are written exactly (no trailing zeros);
    others are rounded to 2 decimals. Thousands are grouped (``1.234`` / ``1,234``).
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
        return str(value)
    exact = Fraction(value) if not isinstance(value, float) else Fraction(str(value))
    hundredths = exact * 100
    n = (2 * hundredths.numerator + hundredths.denominator) // (2 * hundredths.denominator)
    sign = "-" if n < 0 else ""
    whole, frac = divmod(abs(n), 100)
    group, point = (".", ",") if lang == "vi" else (",", ".")
    text = f"{whole:,}".replace(",", group)
    if frac:
        text += point + f"{frac:02d}".rstrip("0")
    return sign + text


def rounded(value: Fraction, how: str) -> int:
    """``value`` (exact) rounded to a whole number: floor, ceil or round_half_up.

    The one rounding of caps and quotas (evaluator, local layers, the unit review):
    integers only, so 0.2 × 15 is exactly 3 and never 2.9999….
    """
    n, d = value.numerator, value.denominator
    if how == "ceil":
        return -((-n) // d)
    if how == "round_half_up":
        return (2 * n + d) // (2 * d)
    return n // d
