"""scripts/lighthouse.py without running Lighthouse: the plain-Material configuration,
the report parsing and the table (issue 17, item 6)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from thidua_testing import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
SPEC = importlib.util.spec_from_file_location(
    "thidua_lighthouse", ROOT / "scripts" / "lighthouse.py"
)
lighthouse = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = lighthouse  # dataclasses look their module up
SPEC.loader.exec_module(lighthouse)


def test_plain_config_drops_everything_of_ours():
    project = lighthouse.load_config(ROOT / "mkdocs.yml")
    plain = lighthouse.plain_config(project, ROOT, Path("/tmp/plain-docs"))
    for key in ("hooks", "extra_css", "extra_javascript"):
        assert key not in plain
    assert "custom_dir" not in plain["theme"]
    assert "static_templates" not in plain["theme"]
    assert "polyfills" not in plain.get("extra", {})
    assert plain["docs_dir"] == "/tmp/plain-docs"
    # the project's configuration itself is left as it was
    assert "hooks" in project and "custom_dir" in project["theme"]
    assert "static_templates" in project["theme"]


def test_drop_template_keeps_the_rest_of_the_front_matter(tmp_path):
    page = tmp_path / "cong-cu.md"
    page.write_text("---\ntemplate: tu-danh-gia.html\nhide:\n  - toc\n---\n# Công cụ\n")
    lighthouse.drop_template(page)
    assert page.read_text() == "---\nhide:\n  - toc\n---\n# Công cụ\n"


def report(score: float, fcp: float, a11y: float, failing: bool) -> dict:
    """A minimal Lighthouse JSON report."""
    return {
        "categories": {
            "performance": {"score": score},
            "accessibility": {
                "score": a11y,
                "auditRefs": [{"id": "aria-prohibited-attr", "weight": 10}],
            },
        },
        "audits": {
            "first-contentful-paint": {"numericValue": fcp},
            "largest-contentful-paint": {"numericValue": fcp + 500},
            "total-blocking-time": {"numericValue": 120},
            "aria-prohibited-attr": {"score": 0 if failing else 1},
        },
    }


def test_report_and_table():
    ours = lighthouse.parse_report(report(0.9, 1500, 0.96, failing=True))
    assert ours.a11y_failures == ["aria-prohibited-attr"]
    plain = lighthouse.median_result(
        [
            lighthouse.parse_report(report(s, f, 1.0, failing=False))
            for s, f in [(0.8, 1000), (0.9, 1200), (1.0, 1100)]
        ]
    )
    assert (plain.performance, plain.fcp_ms, plain.a11y_failures) == (0.9, 1100, [])
    text = lighthouse.table({("/", "ours"): ours, ("/", "plain"): plain})
    assert "| / | ours | 0.90 | 1.50 | 2.00 | 120 | 0.96 | aria-prohibited-attr |" in text
    assert "| / | ours − plain | +0.00 | +0.40 |" in text
