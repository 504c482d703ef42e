"""Search words for a Vietnamese portal, engine-neutral: plain text in, plain text out.

Most site search engines (Material's lunr among them) are not diacritic-insensitive:
"thi dua" finds nothing that is written "thi đua" (toolchain.md, item 8).
``terms.folded_words`` gives the accent-folded copies of a text's words and
``terms.so_hieu_forms`` the ways a document number is typed. How they are added to
a particular engine's index is the adapter's business
(``thidua_mkdocs.search.index`` for Material).
"""
