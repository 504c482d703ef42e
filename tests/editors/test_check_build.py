"""The strict build reports the same problems as ``thidua check``, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from thidua.legal.check import check_repository
from thidua_testing import build_project, copy_project


@pytest.mark.build
def test_the_build_stops_on_every_mistake_that_used_to_pass(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "loi-neo.md").write_text(
        "# Lỗi neo\n\n## Một {#mot}\n\n## Hai {#mot}\n\nTheo [[06/2022/QH15 Điều 24 chưa đóng.\n",
        encoding="utf-8",
    )
    (docs / "mo-coi.en.md").write_text("# Orphan\n", encoding="utf-8")
    (docs / "yaml-hong.md").write_text(
        "---\ntitle: Y\ndescription: [chưa đóng\n---\n# Y\n", encoding="utf-8"
    )
    expected = sorted(error.message for error in check_repository(project).errors)
    assert len(expected) == 4, expected
    result = build_project(project, tmp_path / "site")
    assert result.returncode == 1
    log = result.stdout + result.stderr
    for message in expected:
        assert log.count(message) == 1, (message, log[-3000:])
    assert "Traceback" not in log
