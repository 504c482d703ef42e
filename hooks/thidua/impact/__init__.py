"""What a change affects: plain data from two trees of the project (no git, no MkDocs).

``thidua impact BASE HEAD`` extracts both revisions and calls ``impact(base, head,
changed)``; the result lists the changed files, the clauses changed, and what relies
on them: criteria, layers, cases, checklist pages, training items, other pages,
translations, and the citations the change leaves dangling.
"""

from thidua.impact.core import (
    Affected,
    ChangedFile,
    ClauseChange,
    Impact,
    impact,
)

__all__ = ["Affected", "ChangedFile", "ClauseChange", "Impact", "impact"]
