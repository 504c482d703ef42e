"""Golden Markdown/HTML of one small fragment: a checklist list with a nested any_of.

Rewrite the golden file with ``.venv/bin/pytest tests/checklist/test_golden.py --update-golden``
after an intended change of the markup, and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from thidua.checklist.lines import Citation, Line
from thidua_mkdocs import render

GOLDEN = Path(__file__).parent / "golden" / "lines.html"
FRAGMENT = (
    '{% import "checklist/_macros.md.j2" as m with context %}'
    '{{ m.lines(lines, "trang:bo-quy-tac") }}\n'
)


def _lines() -> list[Line]:
    htxs = Line(
        "r-htxs",
        "td.cstdcs.htxs",
        "Hoàn thành xuất sắc nhiệm vụ",
        None,
        [Citation("Luật 06/2022/QH15 Điều 23")],
        notes=["Áp dụng theo mặc định."],
    )
    idea = Line(
        "r-sang-kien",
        "td.cstdcs.sang-kien",
        'Có sáng kiến "được công nhận" <cơ sở>',
        "trong năm",
        [Citation("Luật 06/2022/QH15 Điều 23"), Citation("Luật 06/2022/QH15 Điều 3 khoản 4")],
    )
    either = Line(
        "r-thanh-tich",
        "td.cstdcs.thanh-tich",
        "Thành tích",
        None,
        [Citation("Luật 06/2022/QH15 Điều 23")],
        alternatives=[htxs, idea],
    )
    months = Line(
        "r-6-thang",
        "td.tuyen-dung-6-thang",
        "Không phải cá nhân mới tuyển dụng dưới 06 tháng",
        "tuyển dụng ≥ 6 tháng",
        [Citation("Thông tư 01/2024/TT-BNV", unverified=True)],
    )
    return [months, either]


def test_lines_fragment_matches_golden(update_golden, wording):
    environment = render._environment()
    html = environment.from_string(FRAGMENT).render(lines=_lines(), lang="vi", said=wording("vi"))
    if update_golden:
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8")
    # The markup rules the golden file pins down, stated once more in words.
    assert "\n\n" not in html.strip()  # a raw HTML block may not hold a blank line
    assert "&#34;được công nhận&#34; &lt;cơ sở&gt;" in html  # text escaped
    assert "[[Thông tư 01/2024/TT-BNV]]" in html  # citation markers for the legal hook
    assert 'data-store="trang:bo-quy-tac"' in html
