"""Preview benchmark: how long after a save an edited page shows in ``mkdocs serve``.

The project (or the project merged into the synthetic corpus of ``scripts/bench.py``)
is copied to a work folder, ``mkdocs serve`` is started on it, and then, several
times, one Vietnamese page gets a new line with a unique marker. The script polls the
served page until the marker is in it and records the seconds from the save. The
live-reload server answers a page request only once the running rebuild has finished,
so the figure is what an editor sees: save, rebuild, page with the change.

Reported: each edit's time, the median and the rebuild times that ``mkdocs serve``
printed, and the CPU time the ``mkdocs serve`` process used from save to page (user +
system, from ``/proc``): on a busy machine the wall time grows with the load, the CPU
time much less. Figures, not pass/fail: the machine may be shared and busy (say so with them).

Usage::

    .venv/bin/python scripts/bench_serve.py                 # this portal, 5 edits
    .venv/bin/python scripts/bench_serve.py --pages 500     # 500 corpus pages + ours
    .venv/bin/python scripts/bench_serve.py --serve-args=--dirty
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402  (the corpus and configuration helpers)

# What the copy needs to build: everything but caches, outputs and the tests.
COPIED = ("docs", "hooks", "overrides", "data", "includes", "mkdocs.yml", "thidua.yml")
IGNORED = shutil.ignore_patterns("__pycache__", "*.egg-info", ".pytest_cache")
DEFAULT_PAGE = "hoi-dap/index.md"
START_TIMEOUT = 600.0
EDIT_TIMEOUT = 300.0


class ServeBenchError(Exception):
    """A problem that stops the benchmark with a one-line message."""


@dataclass
class Edit:
    """One timed save: seconds until the served page showed it, and the CPU seconds
    the ``mkdocs serve`` process used meanwhile (steady when other jobs load the machine)."""

    index: int
    seconds: float
    cpu: float


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a running process so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_project(work: Path, origin: Path = ROOT) -> Path:
    """Copy what a build needs from ``origin`` into ``work/project``; return that folder."""
    target = work / "project"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in COPIED:
        source = origin / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=IGNORED, symlinks=True)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def add_corpus(project: Path, origin: Path, work: Path, pages: int, seed: int) -> str:
    """Replace the copy's ``docs`` with ``pages`` corpus pages plus ours; return a page.

    The configuration is made non-strict: the corpus links pages that plain
    Material resolves differently (``scripts/bench.py`` builds it the same way).
    """
    corpus = bench.prepare_corpus(
        origin, bench.corpus_script(), work, pages, "vi+en", seed=seed, en_ratio=0.3
    )
    shutil.rmtree(project / "docs")
    shutil.copytree(corpus.docs_dir, project / "docs")
    config = bench.load_config(project / "mkdocs.yml")
    config["strict"] = False
    (project / "mkdocs.yml").write_text(bench.dump_config(config), encoding="utf-8")
    candidates = sorted(
        p.relative_to(project / "docs").as_posix()
        for p in (project / "docs").rglob("*.md")
        if not p.name.endswith(".en.md")
        and p.name != "index.md"
        # An ordinary page: legal documents and training modules rebuild everything.
        and not p.relative_to(project / "docs").as_posix().startswith(("van-ban/", "tap-huan/"))
        and not (origin / "docs" / p.relative_to(project / "docs")).exists()
    )
    if not candidates:
        raise ServeBenchError("the corpus has no page of its own to edit")
    return candidates[len(candidates) // 2]


def page_url(base: str, page: str) -> str:
    """The served address of a source page (``use_directory_urls``)."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return base + stem


def fetch(url: str) -> str | None:
    """The page's text, or None while the server cannot answer."""
    try:
        with urllib.request.urlopen(url, timeout=EDIT_TIMEOUT) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(
    url: str, marker: str | None, deadline: float, proc: subprocess.Popen, log: Path
) -> float:
    """Poll ``url`` until it answers (and holds ``marker``); return the time it did."""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServeBenchError(
                f"mkdocs serve stopped (exit {proc.returncode}); see its output in {log}"
            )
        text = fetch(url)
        if text is not None and (marker is None or marker in text):
            return time.monotonic()
        time.sleep(0.05)
    raise ServeBenchError(f"timed out waiting for {url}")


def start_serve(
    project: Path, port: int, serve_args: list[str], log: Path, tmp: Path | None = None
) -> subprocess.Popen:
    """Start ``mkdocs serve`` on the copy, its output going to ``log``.

    ``tmp``: where ``mkdocs serve`` makes its site folder (``TMPDIR``), for a caller
    that looks at the built files.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    if tmp is not None:
        env["TMPDIR"] = str(tmp)
    env["PYTHONPATH"] = str(project / "hooks")
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    cmd += serve_args
    sink = log.open("w", encoding="utf-8")
    return subprocess.Popen(
        cmd, cwd=project, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
    )


def rebuild_times(log: Path) -> list[float]:
    """The 'Documentation built in N seconds' figures ``mkdocs serve`` printed."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return [float(x) for x in re.findall(r"Documentation built in ([0-9.]+) seconds", text)]


def run(work: Path, origin: Path, pages: int, edits: int, serve_args: list[str], seed: int) -> dict:
    """Copy ``origin``, serve, edit ``edits`` times; return the measurements."""
    project = copy_project(work, origin)
    page = add_corpus(project, origin, work, pages, seed) if pages else DEFAULT_PAGE
    source = project / "docs" / page
    if not source.is_file():
        raise ServeBenchError(f"no page {page} to edit")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    url = page_url(base, page)
    log = work / "serve.log"
    proc = start_serve(project, port, serve_args, log)
    results: list[Edit] = []
    try:
        started = time.monotonic()
        wait_for(url, None, started + START_TIMEOUT, proc, log)
        first = time.monotonic() - started
        original = source.read_text(encoding="utf-8")
        for index in range(1, edits + 1):
            time.sleep(1.5)  # let the watcher settle, as an editor between saves
            marker = f"bench-serve-marker-{os.getpid()}-{index}"
            cpu = cpu_seconds(proc.pid)
            source.write_text(f"{original}\n\nĐoạn thử {marker}.\n", encoding="utf-8")
            saved = time.monotonic()
            shown = wait_for(url, marker, saved + EDIT_TIMEOUT, proc, log)
            cpu = cpu_seconds(proc.pid) - cpu
            results.append(Edit(index, shown - saved, cpu))
            print(f"  edit {index}: {shown - saved:5.2f} s, serve CPU {cpu:5.2f} s", flush=True)
        source.write_text(original, encoding="utf-8")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=30)
    return {"page": page, "first": first, "edits": results, "rebuilds": rebuild_times(log)}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=0, help="corpus pages (0: the portal)")
    parser.add_argument("--edits", type=int, default=5, help="timed saves (default 5)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--serve-args", default="", help="extra options for mkdocs serve, e.g. --dirty"
    )
    parser.add_argument(
        "--source", type=Path, default=ROOT, help="project tree to copy (default: this one)"
    )
    parser.add_argument("--work-dir", type=Path, default=ROOT / ".bench" / "serve")
    args = parser.parse_args(argv)
    if args.pages < 0 or args.edits < 1:
        parser.error("--pages must be ≥ 0 and --edits ≥ 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the preview benchmark and print the figures."""
    args = parse_args(argv)
    work = args.work_dir.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    what = f"{args.pages} corpus pages + the portal" if args.pages else "the portal"
    print(f"Preview benchmark: {what}, {args.edits} edits, serve {args.serve_args or '(default)'}")
    try:
        result = run(
            work, args.source.resolve(), args.pages, args.edits, args.serve_args.split(), args.seed
        )
    except (ServeBenchError, bench.BenchError) as error:
        print(f"bench_serve: {error}", file=sys.stderr)
        return 1
    times = [e.seconds for e in result["edits"]]
    rebuilds = result["rebuilds"]
    print(f"page edited: {result['page']}")
    print(f"first build and serve: {result['first']:.1f} s")
    print(
        f"save → page shows the change: median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}) over {len(times)} edits"
    )
    cpus = [e.cpu for e in result["edits"]]
    print(
        f"CPU of mkdocs serve from save to page: median {statistics.median(cpus):.2f} s "
        f"(min {min(cpus):.2f}, max {max(cpus):.2f})"
    )
    if rebuilds:
        print(f"rebuild times printed by mkdocs: {', '.join(f'{t:.2f}' for t in rebuilds)}")
    print(f"machine: {bench.environment()}")
    print("Shared machine: figures are noisy; compare medians taken at the same time.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
