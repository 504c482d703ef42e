"""Print: "In toàn bộ hướng dẫn" (the section joined for one print job) and ``make pdf``.

PDFs are read back with poppler's ``pdfinfo``/``pdftotext``. Nothing here skips:
without chromium or poppler the tests fail (``make chromium`` installs both).
"""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

JOINED = "huong-dan/in-toan-bo/index.html"
PART_TITLES = {
    "vi": ["Hướng dẫn", "Đánh giá, xếp loại chất lượng và bình xét thi đua năm 2024"],
    "en": ["Guidance"],
}


def pdf_pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])
    assert re.search(r"^Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts", info.stdout, re.M), "A4"
    return [
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_joined_page_has_contents_parts_and_unique_anchors(built_site, lang):
    path = built_site.site / ("en/" if lang == "en" else "") / JOINED
    text = path.read_text(encoding="utf-8")
    assert "thidua:in-toan-bo" not in text, "marker left: parts not filled"
    article = text[text.index('<article class="md-content__inner') : text.index("</article>")]
    ids = re.findall(r'\bid="([^"]+)"', text)
    duplicates = [key for key, n in collections.Counter(ids).items() if n > 1]
    assert not duplicates, duplicates
    targets = set(re.findall(r'href="#([^"]+)"', article))
    assert targets and targets <= set(ids), targets - set(ids)
    assert article.count('class="in-toan-bo__part"') >= 2
    for title in PART_TITLES[lang]:
        assert title in article
    # Parts stay in nav order: the section's index first.
    assert article.index('id="p1"') < article.index('id="p2"')


def test_joined_page_is_not_indexed_twice(built_site):
    index = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if "in-toan-bo" in d["location"]]


@pytest.mark.browser
def test_joined_page_prints_each_part_on_a4_without_navigation(page, site_url, tmp_path):
    page.goto(site_url + "/huong-dan/in-toan-bo/")
    page.emulate_media(media="print")
    pdf = tmp_path / "joined.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = pdf_pages(pdf)
    assert len(pages) >= 3
    assert all(len(text.split()) > 10 for text in pages), "blank page"
    whole = re.sub(r"\s+", " ", "".join(pages))
    assert "Mục lục" in whole and "Hồ sơ lưu" in whole
    assert "Chân trang" not in whole and "Bỏ qua" not in whole
    # The 2024 guidance (part 2) starts on a page of its own.
    starts = [n for n, text in enumerate(pages) if text.lstrip().startswith("Đánh giá, xếp loại")]
    assert starts, "part 2 does not start a page"


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["/", "/huong-dan/danh-gia-xep-loai-2024/", "/van-ban/nd-98-2023/"]
)
def test_pages_print_without_blank_pages(page, site_url, tmp_path, path):
    page.goto(site_url + path)
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = pdf_pages(pdf)
    assert all(text.strip() for text in pages), f"blank page in {path}"


def test_make_pdf_prints_the_annual_guidance(built_site, tmp_path):
    """``make pdf``: scripts/pdf.py in its own process, as the Makefile runs it."""
    out = tmp_path / "dist" / "huong-dan.pdf"
    cmd = [sys.executable, str(ROOT / "scripts/pdf.py"), "--site", str(built_site.site)]
    proc = subprocess.run([*cmd, "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    pages = pdf_pages(out)
    assert 3 <= len(pages) <= 60, len(pages)
    whole = re.sub(r"\s+", " ", "".join(pages))
    for text in [
        "Mục lục",
        "Đánh giá, xếp loại chất lượng và bình xét thi đua năm",
        "Bốn mức xếp loại",
    ]:
        assert text in whole, text
    assert re.search(rf"\b1 ?/ ?{len(pages)}\b", pages[0]), "page numbers in the footer"
    assert all(len(text.split()) > 5 for text in pages), "blank page"
