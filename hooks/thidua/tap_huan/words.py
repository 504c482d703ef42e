"""Words of the training pages, Vietnamese and English, and reasons in plain sentences.

The words themselves are the group ``tap_huan`` of the words files (``thidua.words``:
``hooks/thidua/words/vi.yml`` and ``en.yml``; the templates read them as
``t("tap_huan.…")``); a reason (``thidua.tap_huan.stale.Reason``, plain data) becomes a
sentence from ``tap_huan.reasons`` and the staff group's name from ``tap_huan.groups``.
"""

from __future__ import annotations

from thidua import words as _words
from thidua.tap_huan.stale import CHANGED, NOT_IN_FORCE, REPLACED, RULES, UNCOMPARED, Reason


def words(lang: str) -> dict[str, str]:
    """The words of one language (Vietnamese for anything but English)."""
    return _words.group(lang, "tap_huan")


# The sentence of each kind of reason (keys of tap_huan.reasons in the words files).
_REASONS = {
    REPLACED: "replaced",
    NOT_IN_FORCE: "not_in_force",
    CHANGED: "changed",
    UNCOMPARED: "uncompared",
}


def reason_text(reason: Reason, lang: str) -> str:
    """One reason as a sentence for trainers."""
    groups = _words.group(lang, "tap_huan.groups")
    values = {
        "subject": reason.subject,
        "detail": reason.detail,
        "year": reason.year,
        "group": groups.get(reason.group, reason.group),
    }
    if reason.kind in _REASONS:
        return _words.text(lang, f"tap_huan.reasons.{_REASONS[reason.kind]}", **values)
    if reason.kind == RULES:
        key = "rules_other" if reason.detail else "rules_none"
        return _words.text(lang, f"tap_huan.reasons.{key}", **values)
    return reason.subject
