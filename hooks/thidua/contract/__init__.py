"""The evaluation contract: one profile in, one result out (evaluation-contract.md).

The one home of what the command line, the self-evaluation page, the unit tool and
the conformance tests share: the codes (``codes``), the profile's fields with their
kinds and defaults (``fields``), the number grammar and the formatting of values
(``numbers``), the shape and words of a problem (``problem``, ``messages``), and all
of it as data for the browser (``export``). It imports nothing else of
``thidua``: the criteria data, the evaluator and the commands build on it.
"""

from __future__ import annotations

from thidua.contract.codes import (
    CERTIFIED_BY,
    CLASSIFICATIONS,
    COLLECTIVE_TITLES,
    CRITERION_VALUES,
    DISCIPLINE_FORMS,
    DISCIPLINE_SYSTEMS,
    EFFECTS,
    EFFICIENCY,
    FLAG_NAMES,
    FLAG_VALUES,
    GENERAL_CRITERIA,
    INDIVIDUAL_TITLES,
    INITIATIVE_KINDS,
    LEAVE_KINDS,
    LEVEL_CODES,
    RECOGNISED_AT,
    RECOGNISED_BY,
    ROLES,
    SUBJECTS,
    UNIT_KINDS,
)
from thidua.contract.fields import (
    COLLECTIVE,
    COMMON,
    CONSISTENCY,
    FIELDS_BY_SUBJECT,
    INDIVIDUAL,
    OPTIONAL_WHEN,
    SCORE_FIELDS,
    TITLE_FIELDS,
    UNIT_QUOTA,
    Field,
    Kind,
    describe,
    field_paths,
)
from thidua.contract.numbers import (
    agree,
    format_number,
    parse_date,
    ratio_value,
    rounded,
    show_score,
    to_fraction,
    year_key,
)
from thidua.contract.problem import Problem, dotted, show

__all__ = [
    "rounded",
    "CERTIFIED_BY",
    "CLASSIFICATIONS",
    "COLLECTIVE",
    "COLLECTIVE_TITLES",
    "COMMON",
    "CONSISTENCY",
    "CRITERION_VALUES",
    "DISCIPLINE_FORMS",
    "DISCIPLINE_SYSTEMS",
    "EFFECTS",
    "EFFICIENCY",
    "FIELDS_BY_SUBJECT",
    "FLAG_NAMES",
    "FLAG_VALUES",
    "GENERAL_CRITERIA",
    "INDIVIDUAL",
    "INDIVIDUAL_TITLES",
    "INITIATIVE_KINDS",
    "LEAVE_KINDS",
    "LEVEL_CODES",
    "RECOGNISED_AT",
    "RECOGNISED_BY",
    "ROLES",
    "OPTIONAL_WHEN",
    "SCORE_FIELDS",
    "SUBJECTS",
    "TITLE_FIELDS",
    "UNIT_KINDS",
    "UNIT_QUOTA",
    "Field",
    "Kind",
    "Problem",
    "agree",
    "describe",
    "dotted",
    "field_paths",
    "format_number",
    "parse_date",
    "ratio_value",
    "show",
    "show_score",
    "to_fraction",
    "year_key",
]
