"""Benchmark of the Bình xét page: N members read, evaluated and rendered in the browser.

A synthetic members list (N rows, mixed roles, levels, initiatives, discipline, ranks)
is imported into the built page in Debian's chromium, through the page's own path:
bytes → BX.members.read (Papa Parse) → BX.unit.compute (evaluator.js for every member,
the caps, the quota, the collective) → BX.results.render and BX.docs.render → layout.
The time is measured inside the page with performance.now(); the median of the runs is
reported, with the same figure for ``thidua unit`` on the same file for comparison.
Not a test (timings depend on the machine): run it and read the figures.

Usage: ``.venv/bin/python scripts/bench_binh_xet.py --site DIR [--members 500] [--repeat 7]``
where DIR is a built site (``mkdocs build -d DIR``).
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from thidua.binh_xet import compute, read  # noqa: E402
from thidua.binh_xet.columns import COLUMNS  # noqa: E402
from thidua_testing import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

LEVELS = [
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
]
ROLES = ["công chức", "công chức", "viên chức", "người lao động", "cán bộ"]


def members_csv(count: int, seed: int = 14) -> bytes:
    """A members list of ``count`` rows with the template's headers (UTF-8 with BOM)."""
    rng = random.Random(seed)
    out = io.StringIO()
    out.write(",".join(c["header"] for c in COLUMNS) + "\r\n")
    for i in range(1, count + 1):
        values = {
            "stt": str(i),
            "name": f"Thành viên số {i}",
            "id": f"M{i:05d}",
            "group": f"Phòng {rng.randint(1, 12)}",
            "role": rng.choice(ROLES),
            "level": rng.choice(LEVELS),
            "initiative": rng.choice(["", "", "cơ sở"]),
            "discipline": rng.choice([""] * 20 + ["khiển trách"]),
            "chain": rng.choice(["", "", "1", "2"]),
            "votes": str(rng.randint(0, 30)),
        }
        out.write(",".join(values.get(c["key"], "") for c in COLUMNS) + "\r\n")
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


PAGE_RUN = """async (text) => {
  const bytes = new TextEncoder().encode(text);
  const t0 = performance.now();
  const readResult = BX.members.read(bytes);
  const t1 = performance.now();
  const result = BX.unit.compute(readResult, BX.state.year, {});
  const t2 = performance.now();
  BX.results.render(document.getElementById('bx-results'), result);
  BX.docs.render(document.getElementById('bx-docs'), result);
  document.body.getBoundingClientRect();  // force style and layout
  const t3 = performance.now();
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const t4 = performance.now();
  return {read: t1 - t0, compute: t2 - t1, render: t3 - t2, frame: t4 - t3, total: t4 - t0,
          members: result.members.length, invalid: result.invalid_rows.length};
}"""


# The same machine's speed, for reading the figures: a plain 500 × 10 text table.
CALIBRATION = """() => {
  const table = document.createElement('table');
  for (let i = 0; i < 500; i++) {
    const tr = table.insertRow();
    for (let j = 0; j < 10; j++) { tr.insertCell().textContent = 'Nguyễn Văn An ' + i; }
  }
  const t0 = performance.now();
  document.body.appendChild(table);
  document.body.getBoundingClientRect();
  const ms = performance.now() - t0;
  table.remove();
  return ms;
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True, type=Path, help="a built site folder")
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    data = members_csv(args.members)
    start = time.perf_counter()
    result = compute(read(data), 2026)
    python_ms = (time.perf_counter() - start) * 1000
    runs = []
    with serve(args.site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(url + "/binh-xet/cong-cu/")
        page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
        text = data.decode("utf-8")
        calibration = []
        for _ in range(args.repeat):
            runs.append(page.evaluate(PAGE_RUN, text))
            calibration.append(page.evaluate(CALIBRATION))
        browser.close()
    print(f"Bình xét benchmark: {args.members} members, {args.repeat} runs in chromium")
    print(
        f"  evaluated in the page: {runs[0]['members']} (rows with problems: {runs[0]['invalid']};"
        f" thidua unit: {len(result['members'])})"
    )
    for key in ("read", "compute", "render", "frame", "total"):
        values = [r[key] for r in runs]
        print(
            f"  {key:8} median {statistics.median(values):7.1f} ms  "
            f"(min {min(values):.1f}, max {max(values):.1f})"
        )
    print(f"  thidua unit (Python, same file, one run): {python_ms:.0f} ms")
    plain = statistics.median(calibration)
    print(
        f"  machine calibration: a plain 500 × 10 text table lays out in median "
        f"{plain:.1f} ms (about 30–60 ms on an idle laptop)"
    )
    # A busy machine slows everything alike: render ÷ calibration compares runs fairly.
    render = statistics.median(r["render"] for r in runs)
    print(f"  render ÷ calibration: {render / plain:.1f} (the same figure on any machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
