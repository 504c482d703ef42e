"""Citation markers found in Markdown, with their lines; code and comments left alone."""

from __future__ import annotations

import pytest
from thidua.errors import ContentError
from thidua.legal.citations import find_citations, replace_citations

PAGE = """\
# Trang

Theo [[06/2022/QH15 Điều 24 khoản 1 điểm a]] và
[[NĐ 90/2020/NĐ-CP Điều 2 khoản 3 | thời gian công tác]].

`[[không phải trích dẫn]]` và <!-- [[cũng không]] -->

```
[[mã nguồn]]
```

Cuối: [[điểm đ khoản 1 Điều 3 Luật 01/2099/QH99]]
"""


def test_markers_are_found_with_lines():
    found = find_citations(PAGE, "docs/a.md", offset=3)
    assert [(c.line, c.ref.anchor, c.kind, c.text) for c in found] == [
        (6, "dieu-24-khoan-1-diem-a", None, None),
        (7, "dieu-2-khoan-3", "Nghị định", "thời gian công tác"),
        (15, "dieu-3-khoan-1-diem-dd", "Luật", None),
    ]


def test_replace_keeps_the_rest_of_the_text():
    found = find_citations(PAGE, "docs/a.md")
    out = replace_citations(PAGE, found, lambda c: f"<{c.ref.so_hieu}>")
    assert "Theo <06/2022/QH15> và\n<90/2020/NĐ-CP>." in out
    assert "`[[không phải trích dẫn]]`" in out and "[[mã nguồn]]" in out


def test_a_marker_the_grammar_cannot_read():
    with pytest.raises(ContentError) as info:
        find_citations("a\n\n[[Điều 24 khoản 1]]\n", "docs/a.md")
    error = info.value
    assert error.message.startswith(
        "docs/a.md:3: citation: [[Điều 24 khoản 1]]: no document number"
    )
    assert "[[06/2022/QH15 Điều 24 khoản 1 điểm a]]" in error.allowed


def test_escaped_bar_inside_a_table_cell():
    (citation,) = find_citations("| a | [[06/2022/QH15 Điều 24 \\| LĐTT]] |\n", "docs/a.md")
    assert citation.ref.anchor == "dieu-24" and citation.text == "LĐTT"
