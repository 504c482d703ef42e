"""Material's search index, adapted for a Vietnamese portal (the adapter side of search).

- ``index.augment`` adds, to each entry of Material's built index, the accent-folded
  copies of its words and a ``so_hieu`` field on a legal document's own page so that
  it ranks above pages that only cite it; the words come from the engine-neutral core
  (``thidua.search.terms``). The browser side (``overrides/assets/js/search-vi.js``)
  folds every query the same way, so a query with or without diacritics, NFC or NFD,
  is the same query.
- ``duplicates.remove_duplicates``: static-i18n's duplicate-entry rule in linear time.
- ``boost``: Material's own ``search: boost:`` for whole folders (editors' guide,
  Điểm mới comparisons) so that staff pages rank first (issue 17);
- ``teaser``: a display-only snippet where the indexed text reads badly (form labels,
  an opening several pages share); ``search-vi.js`` shows it.
- ``offline``: the iframe-worker shim's inline script (file:// use), for the CSP.

Material reaches end of life in May 2027: everything here is what a new site engine
replaces; the core (``hooks/thidua``) knows nothing of it.
"""
