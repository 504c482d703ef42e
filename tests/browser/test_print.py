"""Printing a content page on A4: only the content, no navigation, no blank last page.

The PDF is read back with poppler's ``pdfinfo``/``pdftotext`` (``make chromium``
installs poppler-utils).
"""

from __future__ import annotations

import re
import subprocess

import pytest

pytestmark = pytest.mark.browser

A4_POINTS = (595.3, 841.9)  # 210 × 297 mm in PostScript points

# Texts of the navigation, header and footer, as the screen shows them.
CHROME_TEXTS_JS = """() => Array.from(
  document.querySelectorAll(
    '.md-header__topic, .md-nav--primary .md-nav__link, .md-nav--secondary .md-nav__link,'
    + ' .md-footer__title, .md-footer-meta, .md-skip'),
  (e) => e.textContent.replace(/\\s+/g, ' ').trim())"""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pdf_pages(pdf) -> tuple[int, tuple[float, float]]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.M)
    return pages, (float(size[1]), float(size[2]))


def _pdf_text(pdf, first: int | None = None, last: int | None = None) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    proc = subprocess.run([*cmd, str(pdf), "-"], capture_output=True, text=True, check=True)
    return proc.stdout


def test_css_keeps_the_print_fix(root):
    """``html, body { height: auto }`` in print: without it Chromium adds a blank page."""
    css = (root / "overrides/assets/css/thidua.css").read_text(encoding="utf-8")
    block = css[css.index("@media print") :]
    assert re.search(r"html,\s*body\s*\{\s*height:\s*auto", block), "print height fix missing"


@pytest.mark.parametrize("path", ["/hoi-dap/", "/thuat-ngu/", "/en/huong-dan/"])
def test_print_has_content_only_and_no_blank_page(page, guard, tmp_path, path):
    page.goto(path)
    chrome = {t for t in page.evaluate(CHROME_TEXTS_JS) if len(t) >= 4}
    # textContent, not innerText: closed <details> are opened for print by Material.
    article = _norm(page.locator("article.md-content__inner").text_content())
    title = _norm(page.locator(".md-content h1").first.inner_text()).rstrip("¶").strip()
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)

    pages, (width, height) = _pdf_pages(pdf)
    assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)
    text = _norm(_pdf_text(pdf))
    assert title in text, f"the page title {title!r} is not printed"

    # A navigation/header/footer label may be printed only as often as the content has it.
    printed_chrome = [t for t in sorted(chrome) if text.count(t) > article.count(t)]
    assert not printed_chrome, f"navigation text printed: {printed_chrome}"

    blank = [n for n in range(1, pages + 1) if not _pdf_text(pdf, n).strip()]
    assert not blank, f"{path}: blank page(s) {blank} of {pages}"
    guard.check()
