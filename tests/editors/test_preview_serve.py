"""``mkdocs serve --dirty`` (``make serve``) on a copy of the portal: edits show, never stale.

One served copy, three saves, in order:

1. an ordinary page: the page shows the change, and an unrelated page's output is
   not written again (only the edited page was rendered: the preview is fast);
2. a clause of a legal document: a page citing it shows the new wording in its
   citation preview (a full rebuild: the unrelated page is written again);
3. a label of the criteria data: the data the self-evaluation tool reads has it.

Then the console of the whole session holds only lines an editor acts on. Nothing is
timed here (scripts/bench_serve.py measures); the waits only have generous limits.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import time
from pathlib import Path

import pytest
from thidua_testing import ROOT

pytestmark = pytest.mark.build

SPEC = importlib.util.spec_from_file_location("thidua_bench_serve", ROOT / "scripts/bench_serve.py")
bench_serve = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = bench_serve
SPEC.loader.exec_module(bench_serve)

LIMIT = 900.0  # seconds: a busy shared machine, never a timing assertion
# Console lines of a serve session an editor acts on or needs (the address).
ALLOWED = re.compile(
    r"^(?:INFO    -  (?:\[\d\d:\d\d:\d\d\] Serving on http://\S+"
    r"|Documentation built in [\d.]+ seconds"
    r"|thidua: .+"
    r"|The following pages exist in the docs directory, but are not included in the \"nav\""
    r" configuration:)"
    r"|  - \S+\.md"
    r"|(?:WARNING|ERROR)\s+-  .+)$"
)


def save(path: Path, text: str) -> None:
    """Write ``text`` and make sure the watcher sees a newer time."""
    time.sleep(1.5)  # the watcher polls every 0.5 s; like an editor between saves
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """A copy of the portal under ``mkdocs serve --dirty``: (project, base URL, site, log)."""
    work = tmp_path_factory.mktemp("preview")
    project = bench_serve.copy_project(work)
    tmp = work / "tmp"
    tmp.mkdir()
    port = bench_serve.free_port()
    log = work / "serve.log"
    proc = bench_serve.start_serve(project, port, ["--dirty"], log, tmp)
    base = f"http://127.0.0.1:{port}/"
    try:
        bench_serve.wait_for(base + "hoi-dap/", None, time.monotonic() + LIMIT, proc, log)
        sites = list(tmp.glob("mkdocs_*"))
        assert len(sites) == 1, sites
        yield project, base, sites[0], log, proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=60)


def shows(served, url: str, marker: str) -> str:
    """Wait until ``url`` holds ``marker``; return the page."""
    _, base, _, log, proc = served
    try:
        bench_serve.wait_for(base + url, marker, time.monotonic() + LIMIT, proc, log)
    except bench_serve.ServeBenchError as error:
        pytest.fail(f"{error}\n{log.read_text(encoding='utf-8')[-3000:]}", pytrace=False)
    return bench_serve.fetch(base + url) or ""


def test_1_an_ordinary_page_is_rendered_again_alone(served):
    project, _, site, _, _ = served
    other = site / "tieu-chi" / "index.html"
    before = other.stat().st_mtime_ns
    page = project / "docs" / "hoi-dap" / "index.md"
    save(page, page.read_text(encoding="utf-8") + "\n\nĐoạn xem trước số một.\n")
    assert "Đoạn xem trước số một." in shows(served, "hoi-dap/", "Đoạn xem trước số một.")
    assert other.stat().st_mtime_ns == before, "an unrelated page was rendered again"


def test_2_a_legal_clause_edit_reaches_the_pages_citing_it(served):
    project, _, site, _, _ = served
    other = site / "tieu-chi" / "index.html"
    before = other.stat().st_mtime_ns
    law = project / "docs" / "van-ban" / "luat-06-2022.md"
    text = law.read_text(encoding="utf-8")
    article = text.index("### Điều 24.")
    clause = text.index("\n1. ", article) + len("\n1. ")
    save(law, text[:clause] + "(Bản sửa thử) " + text[clause:])
    page = shows(served, "hoi-dap/", "(Bản sửa thử)")
    assert re.search(r'id="legal-note-\d+">1\. \(Bản sửa thử\) ', page)  # cited text
    assert other.stat().st_mtime_ns != before, "a legal edit must rebuild every page"


def test_3_a_criteria_edit_reaches_the_data_of_the_tools(served):
    project, _, _, _, _ = served
    labels = project / "data" / "criteria" / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    assert "vi: Không xếp loại," in text
    save(labels, text.replace("vi: Không xếp loại,", "vi: Chưa xếp loại (bản thử),", 1))
    shows(served, "assets/data/thidua-data.js", "Chưa xếp loại (bản thử)")


def test_4_the_console_shows_only_what_an_editor_acts_on(served):
    _, _, _, log, _ = served
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert any("Serving on" in line for line in lines)
    assert sum("Documentation built in" in line for line in lines) >= 4
    noise = [line for line in lines if not ALLOWED.match(line)]
    assert not noise, "\n".join(noise)
