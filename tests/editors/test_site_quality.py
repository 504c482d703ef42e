"""Quality gates on the built portal: valid HTML (Nu checker) and no broken internal link."""

from __future__ import annotations

import pytest

from .site_checks import MATERIAL_MARKUP, broken_links, vnu_errors


@pytest.mark.build
def test_every_page_passes_the_nu_html_checker(built_site):
    errors = vnu_errors(built_site.site)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:60])


@pytest.mark.build
def test_no_broken_internal_link_or_anchor_in_either_language(built_site):
    assert (built_site.site / "en/index.html").is_file()
    broken = broken_links(built_site.site)
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:60])


def test_each_filter_names_materials_own_markup():
    for _message, markup in MATERIAL_MARKUP:
        assert "md-" in markup or "__toc" in markup
