"""The unit council review ("Bình xét", issue 14): members in, the unit's figures out.

``members.read(bytes)`` reads a members list (CSV or a spreadsheet paste);
``unit.compute(read_result, year, settings)`` evaluates every member with the
evaluator, applies the HTXS caps, the CSTĐCS quota and the council's ranking, and
checks the collective titles. Data only: never HTML, never mkdocs.
"""

from thidua.binh_xet.columns import columns_spec, fold
from thidua.binh_xet.members import read, read_text
from thidua.binh_xet.unit import compute

__all__ = ["columns_spec", "compute", "fold", "read", "read_text"]
