"""One real site build: strict, warning-free, both languages, CSP on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from thidua_testing import build_project, copy_project, run_build

pytestmark = pytest.mark.build

HTML_ID = re.compile(r'\sid="([^"]+)"')


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_build_prints_no_warning(built_site):
    warnings = [line for line in built_site.log.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)


def test_both_languages_are_built(built_site):
    site = built_site.site
    for page in ["index.html", "hoi-dap/index.html", "thuat-ngu/index.html"]:
        assert (site / page).is_file(), page
        assert (site / "en" / page).is_file(), f"en/{page}"
    assert 'lang="vi"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_404_page_is_vietnamese(built_site):
    text = (built_site.site / "404.html").read_text(encoding="utf-8")
    assert "Không tìm thấy trang" in text
    assert 'lang="vi"' in text
    assert not (built_site.site / "en" / "404.html").exists()


def test_glossary_page_is_generated_in_each_language(built_site):
    vi = (built_site.site / "thuat-ngu" / "index.html").read_text(encoding="utf-8")
    en = (built_site.site / "en" / "thuat-ngu" / "index.html").read_text(encoding="utf-8")
    assert "Lao động tiên tiến" in vi and "<h1" in vi and "Thuật ngữ" in vi
    assert "Advanced Worker" in en and "Glossary" in en
    # The language switcher stays on the generated page.
    assert 'href="../en/thuat-ngu/" hreflang="en"' in vi
    assert 'href="../../thuat-ngu/" hreflang="vi"' in en


def test_language_switcher_stays_on_the_page(built_site):
    vi = (built_site.site / "hoi-dap" / "index.html").read_text(encoding="utf-8")
    assert 'href="../en/hoi-dap/" hreflang="en"' in vi


def test_untranslated_english_pages_carry_the_notice(built_site, root):
    site = built_site.site
    for src in sorted((root / "docs").rglob("*.md")):
        if src.name.endswith(".en.md") or "_data" in src.parts:
            continue
        rel = src.relative_to(root / "docs")
        out = rel.with_suffix("") if rel.stem != "index" else rel.parent
        page = site / "en" / out / "index.html"
        if not page.exists():
            continue
        has_en = src.with_name(src.stem + ".en.md").exists()
        text = page.read_text(encoding="utf-8")
        assert ("Trang này chưa được dịch" in text) is (not has_en), f"en/{out}"


def test_every_page_has_a_csp_before_any_script(built_site):
    pages = _pages(built_site.site)
    assert len(pages) >= 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        csp = text.find('http-equiv="Content-Security-Policy"')
        assert csp != -1, f"{page}: no CSP"
        script = text.find("<script")
        assert script == -1 or csp < script, f"{page}: a script precedes the CSP"
        policy = re.search(r'Content-Security-Policy" content="([^"]+)"', text)[1]
        assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]


def test_no_inline_handlers_of_ours(root):
    offenders = []
    # Vendored third-party files (overrides/assets/vendor) are not ours: the offline
    # build's iframe-worker shim writes an inline script into an iframe, which only the
    # file:// policy of the offline bundle allows.
    ours = [p for p in (root / "overrides").rglob("*") if "vendor" not in p.parts]
    for path in ours + list((root / "hooks").rglob("*.j2")):
        if path.is_file() and path.suffix in {".html", ".j2", ".js"}:
            text = path.read_text(encoding="utf-8")
            handler = re.search(r"\son[a-z]+\s*=\s*[\"']", text)
            if handler or re.search(r"<script>(?!\s*</script>)", text):
                offenders.append(str(path.relative_to(root)))
    assert not offenders, offenders


def test_anchors_are_ascii(built_site):
    bad = []
    for page in _pages(built_site.site):
        for anchor in HTML_ID.findall(page.read_text(encoding="utf-8")):
            if not anchor.isascii():
                bad.append(f"{page.relative_to(built_site.site)}#{anchor}")
    assert not bad, bad[:20]


def test_no_external_asset_is_referenced(built_site):
    external = re.compile(r'(?:src|href)="(https?://[^"]+)"')
    offenders = []
    for page in _pages(built_site.site):
        for url in external.findall(page.read_text(encoding="utf-8")):
            if not url.startswith(("http://127.0.0.1", "http://localhost")):
                offenders.append(f"{page.name}: {url}")
    assert not offenders, offenders[:20]


def test_broken_internal_link_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "hoi-dap" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n[hỏng](khong-co-trang-nay.md)\n", encoding="utf-8"
    )
    proc = build_project(project, tmp_path / "out")
    assert proc.returncode != 0
    assert "hoi-dap/index.md" in proc.stderr and "khong-co-trang-nay.md" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_properdocs_builds_the_same_tree(tmp_path):
    result = run_build(tmp_path / "site", tool="properdocs")
    assert (result.site / "index.html").is_file()
    assert (result.site / "en" / "thuat-ngu" / "index.html").is_file()
    assert "WARNING" not in result.log
