"""The checklist plan's shortcuts give what the plain computation gave (issue 16, item 6).

A case that illustrates several titles is now evaluated once per language
(``_Data.results``) instead of once per example. Compared here with the plan built
while that memory keeps nothing (every example evaluates its case again, as before).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from thidua import checklist

ROOT = Path(__file__).resolve().parents[2]


class _KeepsNothing(dict):
    """A ``results`` memory that never stores: the plain form, one evaluation per example."""

    def __setitem__(self, key, value) -> None:
        return None


def _fresh_plan(root: Path, lang: str, keep: bool):
    checklist._plan.cache_clear()
    checklist._data.cache_clear()
    resolved = root.resolve()
    data = checklist._data(str(resolved), checklist._signature(resolved))
    if not keep:
        data.results = _KeepsNothing()
    try:
        return checklist.plan(root, lang), data
    finally:
        checklist._plan.cache_clear()
        checklist._data.cache_clear()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_case_is_evaluated_once_and_the_plan_is_the_same(lang, monkeypatch):
    from thidua import evaluator

    calls: list[str] = []
    real = evaluator.evaluate

    def counting(profile, rules, **options):
        calls.append("x")
        return real(profile, rules, **options)

    monkeypatch.setattr(evaluator, "evaluate", counting)
    plain, _ = _fresh_plan(ROOT, lang, keep=False)
    plain_calls = len(calls)
    calls.clear()
    fast, data = _fresh_plan(ROOT, lang, keep=True)
    assert fast == plain
    # verify() may evaluate a case under other flags; the examples' own runs are cut.
    assert len(calls) < plain_calls
    examples = sum(len(b.examples) for p in fast.title_pages + fast.role_pages for b in p.blocks)
    assert len(data.results) < examples, "some case illustrates two titles in today's data"
