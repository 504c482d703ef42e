"""Lighthouse (mobile) on the portal against plain Material built from the same Markdown.

Two sites are built into a work folder:

- **ours**: the project's ``mkdocs.yml`` as it is (hooks, overrides, extra CSS/JS, CSP);
- **plain**: the same ``mkdocs.yml`` and ``docs/`` without our hooks, template overrides
  (``theme.custom_dir``, ``theme.static_templates``), extra CSS/JS and head scripts
  (``extra.polyfills``); the logo
  and favicon are copied so that both sites load the same images. Citations stay as
  plain ``[[…]]`` text there, which changes nothing that Lighthouse measures.

Each site is served on 127.0.0.1 and Lighthouse 12.8.2 (npm, installed on demand into
``.cache/lighthouse``; ``../shared/toolchain.md``) runs its default mobile preset
(simulated throttling) on a few page types, ours and plain alternating, with Debian's
chromium and a resolver rule that keeps every host but loopback unreachable. The table
gives the median of the runs: performance score, first contentful paint, largest
contentful paint, total blocking time, accessibility score and the accessibility
audits that failed.

Usage: ``.venv/bin/python scripts/lighthouse.py [--runs 3] [--pages /,/hoi-dap/]``.
Nothing is fetched from the internet but the npm package on its first run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import BenchError, dump_config, load_config  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE_VERSION = "12.8.2"
# Lighthouse 12.x pulls third-party-web; its newest release does not install with npm ci.
PACKAGE_JSON = {
    "name": "thidua-lighthouse",
    "private": True,
    "dependencies": {"lighthouse": LIGHTHOUSE_VERSION},
    "overrides": {"third-party-web": "0.27.0"},
}
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic "
    "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'"
)
# Home, a regulation page, a long prose page (Hỏi đáp).
DEFAULT_PAGES = ("/", "/van-ban/luat-06-2022/", "/hoi-dap/")
VARIANTS = ("ours", "plain")
# Optional third site: an earlier build of the portal (--before), shown first.
ALL_VARIANTS = ("before", "ours", "plain")
ATTEMPTS = 3
PLAIN_DROPS = ("hooks", "extra_css", "extra_javascript", "watch")


class LighthouseError(Exception):
    """A problem that stops the run with a one-line message."""


# --------------------------------------------------------------------------
# Lighthouse itself
# --------------------------------------------------------------------------


def lighthouse_cli(cache: Path = CACHE) -> Path:
    """The Lighthouse CLI script, installed with npm into ``cache`` when missing."""
    cli = cache / "node_modules" / "lighthouse" / "cli" / "index.js"
    package = cache / "node_modules" / "lighthouse" / "package.json"
    if package.is_file() and json.loads(package.read_text())["version"] == LIGHTHOUSE_VERSION:
        return cli
    if shutil.which("npm") is None:
        raise LighthouseError("npm not found: install Node.js 20 (apt-get install nodejs npm)")
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "package.json").write_text(json.dumps(PACKAGE_JSON, indent=2) + "\n")
    print(f"installing lighthouse {LIGHTHOUSE_VERSION} into {cache} (npm) …", flush=True)
    proc = subprocess.run(
        ["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund"],
        cwd=cache,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 or not cli.is_file():
        raise LighthouseError(f"npm install lighthouse failed: {proc.stderr.strip()[-800:]}")
    return cli


@dataclass
class Result:
    """One Lighthouse run of one page."""

    performance: float
    fcp_ms: float
    lcp_ms: float
    tbt_ms: float
    accessibility: float
    a11y_failures: list[str] = field(default_factory=list)


def parse_report(report: dict) -> Result:
    """The figures of a Lighthouse JSON report that the table shows."""
    audits = report["audits"]
    categories = report["categories"]
    failed = []
    for ref in categories["accessibility"]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 1:
            failed.append(ref["id"])
    return Result(
        performance=categories["performance"]["score"],
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        accessibility=categories["accessibility"]["score"],
        a11y_failures=failed,
    )


def run_lighthouse(cli: Path, url: str, out: Path) -> Result:
    """Lighthouse's mobile preset on ``url``; the JSON report is kept in ``out``."""
    cmd = [
        "node",
        str(cli),
        url,
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    problem = ""
    for _attempt in range(ATTEMPTS):  # a busy machine can time a DevTools call out
        out.unlink(missing_ok=True)
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if proc.returncode != 0 or not out.is_file():
            problem = proc.stderr.strip()[-800:]
            continue
        report = json.loads(out.read_text(encoding="utf-8"))
        if report.get("runtimeError"):
            problem = str(report["runtimeError"].get("message"))
            continue
        return parse_report(report)
    raise LighthouseError(f"lighthouse failed on {url} ({ATTEMPTS} attempts): {problem}")


# --------------------------------------------------------------------------
# The two sites
# --------------------------------------------------------------------------


def plain_config(project: dict, root: Path, docs_dir: Path) -> dict:
    """The project's configuration as plain Material: no hooks, overrides or extra assets."""
    config = dict(project)
    for key in PLAIN_DROPS:
        config.pop(key, None)
    config["docs_dir"] = str(docs_dir)
    config["strict"] = False  # plain Material cannot resolve links to generated pages
    theme = dict(config.get("theme", {}))
    theme.pop("custom_dir", None)
    theme.pop("static_templates", None)  # our joined stylesheets live in custom_dir
    config["theme"] = theme
    extra = dict(config.get("extra") or {})
    extra.pop("polyfills", None)
    config["extra"] = extra
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            options = entry["pymdownx.snippets"] or {}
            base = options.get("base_path", ["."])
            base = [base] if isinstance(base, str) else base
            options["base_path"] = [str(root / path) for path in base]
    return config


def build(config: Path, out: Path, log: Path) -> None:
    """``mkdocs build`` of one configuration into ``out``; stop with the log's tail on failure."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        # slugify in mkdocs.yml is !!python/name:thidua.slug.slugify
        "PYTHONPATH": os.pathsep.join([str(ROOT / "hooks"), os.environ.get("PYTHONPATH", "")]),
    }
    mkdocs = Path(sys.executable).with_name("mkdocs")
    cmd = [str(mkdocs), "build", "-q", "-f", str(config), "-d", str(out)]
    with log.open("w", encoding="utf-8") as handle:
        proc = subprocess.run(cmd, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, env=env)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8").strip().splitlines()[-5:]
        raise LighthouseError(f"build of {config.name} failed ({log}):\n" + "\n".join(tail))


def drop_template(page: Path) -> None:
    """Remove ``template:`` from a page's front matter (our templates are overrides)."""
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return
    head, sep, body = text[4:].partition("\n---\n")
    if not sep:
        return
    kept = [line for line in head.splitlines() if not line.startswith("template:")]
    page.write_text("---\n" + "\n".join(kept) + "\n---\n" + body, encoding="utf-8")


def build_sites(work: Path, root: Path = ROOT, ours: Path | None = None) -> dict[str, Path]:
    """Build ours (unless ``ours`` is a site already built) and plain into ``work``."""
    project = load_config(root / "mkdocs.yml")
    docs = work / "plain-docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(root / "docs", docs)
    for page in docs.rglob("*.md"):
        drop_template(page)
    images = root / "overrides" / "assets" / "images"
    if images.is_dir():
        shutil.copytree(images, docs / "assets" / "images", dirs_exist_ok=True)
    plain_yml = work / "mkdocs-plain.yml"
    plain_yml.write_text(dump_config(plain_config(project, root, docs)), encoding="utf-8")
    sites = {"ours": ours or work / "ours", "plain": work / "plain"}
    if ours is None:
        print("building ours …", flush=True)
        build(root / "mkdocs.yml", sites["ours"], work / "ours.log")
    print("building plain Material …", flush=True)
    build(plain_yml, sites["plain"], work / "plain.log")
    return sites


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def median_result(results: list[Result]) -> Result:
    """The median of each figure over several runs; failures of any run."""
    failures = sorted({name for r in results for name in r.a11y_failures})
    return Result(
        performance=statistics.median(r.performance for r in results),
        fcp_ms=statistics.median(r.fcp_ms for r in results),
        lcp_ms=statistics.median(r.lcp_ms for r in results),
        tbt_ms=statistics.median(r.tbt_ms for r in results),
        accessibility=statistics.median(r.accessibility for r in results),
        a11y_failures=failures,
    )


def table(rows: dict[tuple[str, str], Result]) -> str:
    """A Markdown table: one row per page and site, then the gap ours − plain."""
    lines = [
        "| page | site | performance | FCP (s) | LCP (s) | TBT (ms) | accessibility "
        "| failed a11y audits |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    pages = list(dict.fromkeys(page for page, _ in rows))
    for page in pages:
        for variant in ALL_VARIANTS:
            r = rows.get((page, variant))
            if r is None:
                continue
            lines.append(
                f"| {page} | {variant} | {r.performance:.2f} | {r.fcp_ms / 1000:.2f} | "
                f"{r.lcp_ms / 1000:.2f} | {r.tbt_ms:.0f} | {r.accessibility:.2f} | "
                f"{', '.join(r.a11y_failures) or '—'} |"
            )
        ours, plain = rows.get((page, "ours")), rows.get((page, "plain"))
        if ours and plain:
            lines.append(
                f"| {page} | ours − plain | {ours.performance - plain.performance:+.2f} | "
                f"{(ours.fcp_ms - plain.fcp_ms) / 1000:+.2f} | "
                f"{(ours.lcp_ms - plain.lcp_ms) / 1000:+.2f} | "
                f"{ours.tbt_ms - plain.tbt_ms:+.0f} | "
                f"{ours.accessibility - plain.accessibility:+.2f} | |"
            )
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page and site (median)")
    parser.add_argument(
        "--pages", default=",".join(DEFAULT_PAGES), help="comma-separated site paths"
    )
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument(
        "--no-build", action="store_true", help="reuse the sites already built in --work"
    )
    parser.add_argument(
        "--ours", type=Path, help="a strict build of the portal to measure instead of building it"
    )
    parser.add_argument(
        "--before", type=Path, help="an earlier build of the portal, measured alongside"
    )
    parser.add_argument(
        "--only", choices=VARIANTS, help="measure one site only (e.g. ours after a change)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build, serve, measure, print the table."""
    args = parse_args(argv)
    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    if args.no_build and not args.work:
        print("--no-build needs --work (where the sites were built)", file=sys.stderr)
        return 2
    pages = [p if p.startswith("/") else f"/{p}" for p in args.pages.split(",") if p.strip()]
    variants = [args.only] if args.only else list(VARIANTS)
    if args.before:
        variants.insert(0, "before")
    work = args.work or Path(tempfile.mkdtemp(prefix="thidua-lighthouse-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        cli = lighthouse_cli()
        if args.no_build:
            sites = {v: work / v for v in VARIANTS}
            if args.ours:
                sites["ours"] = args.ours
        else:
            sites = build_sites(work, ours=args.ours)
        sys.path.insert(0, str(ROOT / "tests"))
        from thidua_testing import serve  # a loopback static server (tests/thidua_testing.py)
    except (LighthouseError, BenchError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    reports = work / "reports"
    reports.mkdir(exist_ok=True)
    results: dict[tuple[str, str], list[Result]] = {}
    try:
        before_site = args.before or sites["ours"]
        with (
            serve(sites["ours"]) as ours_url,
            serve(sites["plain"]) as plain_url,
            serve(before_site) as before_url,
        ):
            urls = {"ours": ours_url, "plain": plain_url, "before": before_url}
            for run in range(args.runs):
                order = variants if run % 2 == 0 else variants[::-1]
                for page in pages:
                    for variant in order:
                        slug = page.strip("/").replace("/", "_") or "home"
                        out = reports / f"{variant}-{slug}-{run}.json"
                        result = run_lighthouse(cli, urls[variant].rstrip("/") + page, out)
                        results.setdefault((page, variant), []).append(result)
                        print(
                            f"  run {run + 1} {variant:6} {page}: perf {result.performance:.2f}"
                            f" FCP {result.fcp_ms / 1000:.2f} s a11y {result.accessibility:.2f}",
                            flush=True,
                        )
    except LighthouseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print()
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile preset, median of {args.runs} run(s):")
    print(table({key: median_result(value) for key, value in results.items()}))
    print(f"\nreports: {reports}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
