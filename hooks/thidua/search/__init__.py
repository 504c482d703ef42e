"""Search for a Vietnamese portal: accent-insensitive index fields, document numbers.

Material's search (lunr) is not diacritic-insensitive: "thi dua" finds nothing
that is written "thi đua" (toolchain.md, item 8). ``index.augment`` adds, to each
entry of the built index, the accent-folded copies of its words, and a ``so_hieu``
field on a legal document's own page so that it ranks above pages that only cite
it. The browser side (``overrides/assets/js/search-vi.js``) folds every query the
same way, so a query with or without diacritics, NFC or NFD, is the same query.
"""
