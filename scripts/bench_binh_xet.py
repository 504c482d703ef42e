"""Benchmark of the Bình xét page: N members read, evaluated and rendered in the browser.

A synthetic members list (N rows, mixed roles, levels, initiatives, discipline, ranks)
is imported into the built page in Debian's chromium, through the page's own path:
bytes → BX.members.read (Papa Parse) → BX.unit.compute (evaluator.js for every member,
the caps, the quota, the collective) → BX.results.render and BX.docs.render → layout.
The time is measured inside the page with performance.now(); the median of the runs is
reported, with the same figure for ``thidua unit`` on the same file for comparison.
Not a test (timings depend on the machine): run it and read the figures.

With ``--layer ID`` (e.g. ``hoc-vien-mau``) the page is served as a portal whose
``thidua.yml`` names that layer (its published data, as the hook writes it, replaces the
site's ``binh-xet-columns.js``), the list gains the layer's columns (staff group, counts)
and every member is evaluated through the layer (tu-danh-gia/layer.js), as
``thidua unit --layer ID`` does.

Usage: ``.venv/bin/python scripts/bench_binh_xet.py --site DIR [--members 500] [--repeat 7]
[--layer ID]`` where DIR is a built site (``mkdocs build -d DIR``).
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


def members_csv(count: int, seed: int = 14, layer: dict | None = None) -> bytes:
    """A members list of ``count`` rows with the template's headers (UTF-8 with BOM).

    ``layer`` (``layer_data``) adds its columns: a third of the members in its first
    staff group, an article count of 0–2 for everyone.
    """
    rng = random.Random(seed)
    extra = (layer or {}).get("columns") or []
    out = io.StringIO()
    out.write(",".join(c["header"] for c in COLUMNS + extra) + "\r\n")
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
        for c in extra:
            values[c["key"]] = (
                rng.choice([c["example"], "", ""])
                if c["kind"] == "layer_group"
                else str(rng.randint(0, 2))
            )
        out.write(",".join(values.get(c["key"], "") for c in COLUMNS + extra) + "\r\n")
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


PAGE_RUN = """async (text) => {
  const bytes = new TextEncoder().encode(text);
  const t0 = performance.now();
  const readResult = BX.members.read(bytes);
  const t1 = performance.now();
  const result = BX.unit.compute(readResult, BX.state.year, {layer: window.BINH_XET_LAYER || null});
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
    parser.add_argument("--layer", metavar="ID", help="a local layer of data/layers/")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    from thidua.binh_xet.layer import layer_data, layer_only_headers
    from thidua.layers import load_layer
    from thidua.layers.browser import browser_data
    from thidua_mkdocs.binh_xet import columns_script

    loaded = load_layer(ROOT, args.layer) if args.layer else None
    layer = layer_data(loaded) if loaded else None
    data = members_csv(args.members, layer=layer)
    start = time.perf_counter()
    result = compute(read(data, layer), 2026, {"layer": layer}, loaded)
    python_ms = (time.perf_counter() - start) * 1000
    runs = []
    with serve(args.site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        if loaded is not None:
            script = columns_script(
                layer, layer_only_headers(ROOT, layer), browser_data(loaded, ROOT)
            )
            page.route(
                "**/assets/data/binh-xet-columns.js",
                lambda route: route.fulfill(
                    status=200, body=script, content_type="application/javascript"
                ),
            )
        page.goto(url + "/binh-xet/cong-cu/")
        page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
        text = data.decode("utf-8")
        calibration = []
        for _ in range(args.repeat):
            runs.append(page.evaluate(PAGE_RUN, text))
            calibration.append(page.evaluate(CALIBRATION))
        browser.close()
    where = f", local layer {args.layer}" if args.layer else ", national law only"
    print(f"Bình xét benchmark: {args.members} members, {args.repeat} runs in chromium{where}")
    print(
        f"  evaluated in the page: {runs[0]['members']} (rows with problems: {runs[0]['invalid']};"
        f" thidua unit: {len(result['members'])})"
    )
    if args.layer:
        withheld = sum(1 for m in result["members"] if m["layer_reasons"])
        print(f"  titles withheld by the layer (thidua unit): {withheld} members")
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
