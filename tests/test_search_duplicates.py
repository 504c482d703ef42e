"""Our linear removal of repeated search entries follows static-i18n's rule.

static-i18n's own loop removes from the list it is filtering, so it skips the second
of two consecutive repeats of one entry and leaves it in the index; ours removes every
repeat. The reference below is the rule itself, written the slow, obvious way.
"""

from __future__ import annotations

import copy
import random
from types import SimpleNamespace

from mkdocs_static_i18n.reconfigure import ExtendedPlugin
from thidua_mkdocs.search.duplicates import remove_duplicates

PREFIXES = ["vi/", "en/"]


def _entries(rng: random.Random, count: int) -> list[dict]:
    pages = [f"p{n}/" for n in range(12)]
    entries = []
    for _ in range(count):
        page = rng.choice(pages)
        location = rng.choice(["", "en/", "vi/"]) + page + rng.choice(["", "#a", "#b"])
        entries.append({"location": location, "title": rng.choice("TU"), "text": rng.choice("xyz")})
    return entries


def _rule(entries: list[dict]) -> list[dict]:
    defaults = [e for e in entries if not e["location"].startswith(tuple(PREFIXES))]

    def repeats(entry: dict) -> bool:
        return entry["location"].startswith(tuple(PREFIXES)) and any(
            d["title"] == entry["title"]
            and d["text"] == entry["text"]
            and entry["location"].endswith(d["location"])
            for d in defaults
        )

    return [entry for entry in entries if not repeats(entry)]


def _static_i18n(entries: list[dict]) -> list[dict]:
    plugin = SimpleNamespace(build_languages=["vi", "en"])
    ExtendedPlugin.reconfigure_search_duplicates(plugin, entries)
    return entries


def test_same_result_as_the_rule_on_random_indexes():
    rng = random.Random(20261124)
    for _ in range(300):
        entries = _entries(rng, rng.randint(0, 40))
        ours = copy.deepcopy(entries)
        remove_duplicates(ours, PREFIXES)
        assert ours == _rule(entries)


def test_same_result_as_static_i18n_when_each_entry_repeats_once():
    # One English copy per Vietnamese entry: the case static-i18n's loop gets right.
    entries = [{"location": f"p{n}/", "title": "T", "text": f"x{n}"} for n in range(20)] + [
        {"location": f"en/p{n}/", "title": "T", "text": f"x{n}"} for n in range(0, 20, 3)
    ]
    ours = copy.deepcopy(entries)
    remove_duplicates(ours, PREFIXES)
    assert ours == _static_i18n(copy.deepcopy(entries)) == entries[:20]


def test_an_english_copy_of_an_untranslated_page_is_removed():
    entries = [
        {"location": "hoi-dap/", "title": "Hỏi đáp", "text": "…"},
        {"location": "en/hoi-dap/", "title": "Hỏi đáp", "text": "…"},
        {"location": "en/hoi-dap/", "title": "Questions", "text": "…"},
    ]
    remove_duplicates(entries, PREFIXES)
    assert [entry["location"] for entry in entries] == ["hoi-dap/", "en/hoi-dap/"]
    assert entries[1]["title"] == "Questions"
