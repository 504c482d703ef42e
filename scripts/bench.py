"""Build-time benchmark: the portal's configuration and hooks against plain Material.

For each corpus size (synthetic pages from ``../shared/bench/make_corpus.py``) and each
language set (Vietnamese only; Vietnamese + English), the same corpus is built with

- **ours**: the project's ``mkdocs.yml`` (theme features, Markdown extensions, hooks,
  overrides, extra CSS/JS, static-i18n for two languages), ``docs_dir`` pointed at the
  corpus and ``nav`` removed (the corpus has none);
- **plain**: the same file without our hooks and without our extra CSS/JS;
- **same**: plain again, on the Markdown that our hooks hand to Python-Markdown (written
  out by ``scripts/bench_dump_hook.py`` in one untimed build of ours): the pages our
  hooks generate (criteria, changes, checklists) and the citations they turn into
  links are then in both builds, so ``ours / same`` is what the hooks themselves add
  (issue 16: "hooks overhead against plain Material on the same Markdown"), while
  ``ours / plain`` also counts the pages that plain Material never builds. Blocks that
  our hooks set aside before Markdown stay as their one-line stand-ins: plain does not
  parse them either, so this ratio does not flatter us.

Runs alternate (ours, plain, same, same, plain, ours, …) so that drift in a shared machine's load
hits both alike. Reported: median wall time, median CPU time (user + sys of the build
process, steadier than wall time when other jobs share the cores), peak memory
(``ru_maxrss`` of each build from ``os.wait4``), warnings, and the ratios ours/plain,
per-page cost at the largest size against the smallest, two languages against one.

So that our hooks do real work, the corpus gets the project's own pages (merged into
the corpus; the project's home page replaces the corpus's) and a citation in the
project's syntax (``[[06/2022/QH15 Điều 24 khoản 1]]``) on every corpus page, checked
against the project's register before any build.

Usage: ``make bench`` or ``.venv/bin/python scripts/bench.py [--sizes 100,500] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS_SCRIPT = ROOT.parent / "shared" / "bench" / "make_corpus.py"
DEFAULT_SIZES = (100, 500, 2000)
LANGUAGE_SETS = ("vi", "vi+en")
VARIANTS = ("ours", "plain", "same")
# Keys that only our own code or assets feed; the plain variant drops them.
OURS_ONLY_KEYS = ("hooks", "extra_css", "extra_javascript")
# The citation put on every corpus page (a clause of the Law on Emulation and Commendation).
CITATION = "06/2022/QH15 Điều 24 khoản 1"
# Top-level project entries that are not linked next to the generated configs.
NOT_LINKED = {"docs", "site", "mkdocs.yml", ".bench", ".git", ".venv"}
# The hook that writes each page's final Markdown for the ``same`` variant.
DUMP_HOOK = ROOT / "scripts" / "bench_dump_hook.py"


class BenchError(Exception):
    """A problem that stops the benchmark with a one-line message (no traceback)."""


# --------------------------------------------------------------------------
# mkdocs.yml with its custom tags (!ENV, !!python/name:…) kept verbatim
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Tagged:
    """A YAML node with an application tag, written back unchanged."""

    tag: str
    value: Any


class ConfigLoader(yaml.SafeLoader):
    """Safe loader that keeps MkDocs' custom tags as ``Tagged`` values."""


class ConfigDumper(yaml.SafeDumper):
    """Safe dumper that writes ``Tagged`` values with their tag."""


def _construct_tagged(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.Dumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


ConfigLoader.add_multi_constructor("!", _construct_tagged)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
ConfigDumper.add_representer(Tagged, _represent_tagged)


def load_config_text(text: str) -> dict[str, Any]:
    """Parse ``mkdocs.yml`` text, keeping its custom tags."""
    return yaml.load(text, Loader=ConfigLoader)


def load_config(path: Path) -> dict[str, Any]:
    """Read an ``mkdocs.yml``, keeping its custom tags."""
    return load_config_text(path.read_text(encoding="utf-8"))


def dump_config(config: dict[str, Any]) -> str:
    """Write a configuration back as YAML (custom tags included)."""
    return yaml.dump(config, Dumper=ConfigDumper, allow_unicode=True, sort_keys=False)


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def make_config(
    project: dict[str, Any], root: Path, docs_dir: Path, *, variant: str, languages: str
) -> dict[str, Any]:
    """The configuration of one benchmark build.

    ``variant`` is ``ours`` (the project's configuration with absolute paths),
    ``plain`` (the same without our hooks and extra CSS/JS) or ``same`` (as plain; its
    ``docs_dir`` is the Markdown our hooks produced). ``languages`` is ``vi``
    (static-i18n removed: one build pass) or ``vi+en`` (the project's i18n plugin).
    """
    if variant not in VARIANTS or languages not in LANGUAGE_SETS:
        raise ValueError(f"unknown variant/languages: {variant}, {languages}")
    config = copy.deepcopy(project)
    config["docs_dir"] = str(docs_dir)
    config.pop("nav", None)
    config.pop("watch", None)
    # Both variants build non-strict: plain Material cannot resolve links to our
    # generated pages. Warnings are counted and reported instead.
    config["strict"] = False
    theme = config.get("theme", {})
    if "custom_dir" in theme:
        theme["custom_dir"] = str(root / theme["custom_dir"])
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            options = entry["pymdownx.snippets"] or {}
            base = options.get("base_path", ["."])
            base = [base] if isinstance(base, str) else base
            options["base_path"] = [str(root / path) for path in base]
    if "hooks" in config:
        config["hooks"] = [str(root / hook) for hook in config["hooks"]]
    if variant in ("plain", "same"):
        for key in OURS_ONLY_KEYS:
            config.pop(key, None)
    if languages == "vi":
        config["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) != "i18n"]
    return config


# --------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------


def corpus_script(path: Path | None = None) -> Path:
    """The corpus generator, or a clear error when the shared folder is missing."""
    script = path or CORPUS_SCRIPT
    if not script.is_file():
        raise BenchError(
            f"corpus generator not found: {script} (expected ../shared/bench/make_corpus.py "
            "next to the project; pass --corpus-script PATH)"
        )
    return script


def make_corpus(script: Path, pages: int, out: Path, *, en_ratio: float, seed: int) -> dict:
    """Generate ``pages`` synthetic pages into ``out/docs``; return the generator's manifest."""
    cmd = [sys.executable, str(script), str(pages), str(out), "--seed", str(seed)]
    cmd += ["--en-ratio", str(en_ratio)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BenchError(f"make_corpus.py failed: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def check_citation(root: Path, docs_dir: Path, citation: str = CITATION) -> str:
    """``citation`` if the register of ``docs_dir`` resolves it; a clear error otherwise."""
    sys.path.insert(0, str(root / "hooks"))
    from thidua.legal.check import check_page
    from thidua.legal.registry import collect_registry

    registry, errors = collect_registry(docs_dir, cache={})
    if errors:
        raise BenchError(f"the project's legal documents do not load: {errors[0].message}")
    found: list = []
    check_page(registry, f"# Bench\n\n[[{citation}]]\n", "bench.md", "bench.md", found)
    if found:
        raise BenchError(f"the bench citation [[{citation}]] does not resolve: {found[0].message}")
    return citation


def add_citations(docs_dir: Path, citation: str) -> int:
    """Insert ``[[citation]]`` under the title of every corpus page; return the count."""
    count = 0
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        lead = "Legal basis" if page.name.endswith(".en.md") else "Căn cứ"
        head, sep, rest = text.partition("\n# ")
        if not sep:
            continue
        title, newline, body = rest.partition("\n")
        page.write_text(
            f"{head}\n# {title}{newline}\n{lead}: [[{citation}]].\n{body}", encoding="utf-8"
        )
        count += 1
    return count


def merge_project_pages(root: Path, docs_dir: Path, languages: str) -> int:
    """Copy the project's own pages over the corpus (ours win); return how many.

    For a Vietnamese-only build the English sources (``*.en.md``) stay out: without
    static-i18n they would become pages of their own.
    """
    count = 0
    source = root / "docs"
    for path in sorted(source.rglob("*")):
        if languages == "vi" and path.name.endswith(".en.md"):
            continue
        if path.is_file():
            target = docs_dir / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            count += path.suffix == ".md"
    return count


@dataclass
class Corpus:
    """One prepared corpus: where it is and what it holds."""

    size: int
    languages: str
    docs_dir: Path
    vi_pages: int
    en_pages: int
    citations: int
    project_pages: int


def prepare_corpus(
    root: Path, script: Path, work: Path, size: int, languages: str, *, seed: int, en_ratio: float
) -> Corpus:
    """Generate one corpus and run it through the project's features (pages, citations)."""
    out = work / f"corpus-{size}-{languages.replace('+', '-')}"
    make_corpus(script, size, out, en_ratio=en_ratio if languages == "vi+en" else 0.0, seed=seed)
    docs_dir = out / "docs"
    citations = add_citations(docs_dir, check_citation(root, root / "docs"))
    project_pages = merge_project_pages(root, docs_dir, languages)
    pages = [p for p in docs_dir.rglob("*.md") if "_data" not in p.parts]
    en = sum(p.name.endswith(".en.md") for p in pages)
    return Corpus(size, languages, docs_dir, len(pages) - en, en, citations, project_pages)


def write_config(
    root: Path, work: Path, corpus: Corpus, variant: str, *, dump: bool = False
) -> Path:
    """Write the generated ``mkdocs.yml`` of one variant next to links to the project.

    Hooks that read files relative to the configuration (``includes/``, ``data/``)
    find them through the links; the configuration itself uses absolute paths.
    ``same`` builds the Markdown laid out by ``lay_out_same``; ``dump`` adds the hook
    that writes that Markdown (to the build of ours that is not timed).
    """
    folder = work / "project"
    folder.mkdir(parents=True, exist_ok=True)
    for entry in root.iterdir():
        link = folder / entry.name
        if entry.name not in NOT_LINKED and not link.exists() and not link.is_symlink():
            link.symlink_to(entry)
    docs_dir = same_dir(corpus) if variant == "same" else corpus.docs_dir
    config = make_config(
        load_config(root / "mkdocs.yml"),
        root,
        docs_dir,
        variant=variant,
        languages=corpus.languages,
    )
    if dump:
        config["hooks"].append(str(DUMP_HOOK))
    name = f"{corpus.size}-{corpus.languages.replace('+', '-')}-{variant}{'-dump' if dump else ''}"
    path = folder / f"mkdocs-{name}.yml"
    path.write_text(dump_config(config), encoding="utf-8")
    return path


def same_dir(corpus: Corpus) -> Path:
    """Where the ``same`` variant's Markdown is laid out (beside the corpus)."""
    return corpus.docs_dir.parent / "same-docs"


def lay_out_same(root: Path, work: Path, corpus: Corpus, default: str = "vi") -> Path:
    """Build ours once (not timed) with the dump hook; lay its Markdown out for plain.

    The corpus is copied (images and other files too), then every page's final Markdown
    replaces its source and the generated pages are added. A page of another language
    that static-i18n built from a Vietnamese file (a page not translated yet, or one our
    hooks generate) becomes ``<name>.<language>.md`` where its Markdown differs, so that
    plain's static-i18n gives each language the Markdown ours gave it.
    """
    dumped = work / f"dump-{corpus.size}-{corpus.languages.replace('+', '-')}"
    shutil.rmtree(dumped, ignore_errors=True)
    config = write_config(root, work, corpus, "ours", dump=True)
    timed_build(config, work / "out", work / "dump.log", {"THIDUA_BENCH_DUMP": str(dumped)})
    return merge_dump(dumped, corpus.docs_dir, same_dir(corpus), default)


def merge_dump(dumped: Path, docs_dir: Path, target: Path, default: str = "vi") -> Path:
    """Lay out ``target``: ``docs_dir`` with the dumped Markdown of each language over it."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(docs_dir, target)
    first = dumped / default
    if not first.is_dir():
        raise BenchError(f"the build of ours wrote no Markdown under {first}")
    for path in sorted(first.rglob("*.md")):
        _copy(path, target / path.relative_to(first))
    for folder in sorted(p for p in dumped.iterdir() if p.is_dir() and p.name != default):
        suffix = f".{folder.name}.md"
        for path in sorted(folder.rglob("*.md")):
            relative = path.relative_to(folder)
            if not relative.name.endswith(suffix):
                same = first / relative
                if same.is_file() and same.read_bytes() == path.read_bytes():
                    continue  # static-i18n's fallback gives the language this very text
                relative = relative.with_name(relative.name[: -len(".md")] + suffix)
            _copy(path, target / relative)
    return target


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


# --------------------------------------------------------------------------
# Timed builds
# --------------------------------------------------------------------------


@dataclass
class Run:
    """One build: wall and CPU seconds, peak resident memory (MB), warnings."""

    wall: float
    cpu: float
    peak_mb: float
    warnings: int


def timed_build(config: Path, out: Path, log: Path, extra_env: dict[str, str] | None = None) -> Run:
    """Build once in a child process; measure it with ``os.wait4`` (its own rusage)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.update(extra_env or {})
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(out)]
    with log.open("w", encoding="utf-8") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        raise BenchError(f"build of {config.name} failed ({proc.returncode}):\n{text[-3000:]}")
    warnings = sum(line.startswith("WARNING") for line in text.splitlines())
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, warnings)


@dataclass
class Cell:
    """All runs of one (size, languages, variant)."""

    corpus: Corpus
    variant: str
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        """Median wall-clock seconds."""
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        """Median CPU seconds (user + sys)."""
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak_mb(self) -> float:
        """Highest peak resident memory of the runs."""
        return max(r.peak_mb for r in self.runs)

    @property
    def ms_per_page(self) -> float:
        """Median wall time per Vietnamese source page, in milliseconds."""
        return 1000 * self.wall / self.corpus.vi_pages


def bench(
    root: Path,
    script: Path,
    work: Path,
    sizes: list[int],
    repeat: int,
    seed: int,
    en_ratio: float,
    language_sets: tuple[str, ...] = LANGUAGE_SETS,
) -> list[Cell]:
    """Prepare every corpus and run the alternating builds; return the measured cells."""
    cells: list[Cell] = []
    for size in sizes:
        for languages in language_sets:
            corpus = prepare_corpus(
                root, script, work, size, languages, seed=seed, en_ratio=en_ratio
            )
            lay_out_same(root, work, corpus)
            pair = {v: Cell(corpus, v) for v in VARIANTS}
            configs = {v: write_config(root, work, corpus, v) for v in VARIANTS}
            for index in range(repeat):
                order = VARIANTS if index % 2 == 0 else VARIANTS[::-1]
                for variant in order:
                    run = timed_build(configs[variant], work / "out", work / f"{variant}.log")
                    pair[variant].runs.append(run)
                    print(
                        f"  {size:>5} pages {languages:<5} {variant:<5} run {index + 1}: "
                        f"{run.wall:6.2f} s wall, {run.cpu:6.2f} s CPU, "
                        f"{run.peak_mb:6.0f} MB, {run.warnings} warnings",
                        flush=True,
                    )
            cells.extend(pair.values())
    return cells


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def _find(cells: list[Cell], size: int, languages: str, variant: str) -> Cell | None:
    return next(
        (
            c
            for c in cells
            if (c.corpus.size, c.corpus.languages, c.variant) == (size, languages, variant)
        ),
        None,
    )


def report(cells: list[Cell], repeat: int) -> str:
    """The Markdown tables: measurements, then ratios."""
    lines = [
        f"### Builds (median of {repeat}; peak memory = highest of the runs)",
        "",
        "| pages (vi + en) | languages | variant | citations | wall s | CPU s "
        "| wall ms/page | CPU ms/page | peak MB | warnings |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for c in cells:
        k = c.corpus
        lines.append(
            f"| {k.vi_pages} + {k.en_pages} | {k.languages} | {c.variant} | {k.citations} "
            f"| {c.wall:.2f} | {c.cpu:.2f} | {c.ms_per_page:.1f} "
            f"| {1000 * _per_page_cpu(c):.1f} | {c.peak_mb:.0f} "
            f"| {max(r.warnings for r in c.runs)} |"
        )
    sizes = sorted({c.corpus.size for c in cells})
    lines += [
        "",
        "### Ratios (wall / CPU)",
        "",
        "ours / same: our hooks against plain Material on the same Markdown; "
        "ours / plain: also counts the pages our hooks generate, which plain never builds.",
        "",
        "| corpus size | ours / same, vi | ours / plain, vi | ours / same, vi+en "
        "| ours / plain, vi+en | vi+en / vi, ours | vi+en / vi, plain |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        cell = {
            (langs, v): _find(cells, size, langs, v) for langs in LANGUAGE_SETS for v in VARIANTS
        }
        lines.append(
            f"| {size} "
            f"| {_ratio(cell['vi', 'ours'], cell['vi', 'same'])} "
            f"| {_ratio(cell['vi', 'ours'], cell['vi', 'plain'])} "
            f"| {_ratio(cell['vi+en', 'ours'], cell['vi+en', 'same'])} "
            f"| {_ratio(cell['vi+en', 'ours'], cell['vi+en', 'plain'])} "
            f"| {_ratio(cell['vi+en', 'ours'], cell['vi', 'ours'])} "
            f"| {_ratio(cell['vi+en', 'plain'], cell['vi', 'plain'])} |"
        )
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        lines += [
            "",
            f"### Per-page cost at {large} pages against {small} (ms per Vietnamese page)",
            "",
            f"| languages | variant | wall {small} | wall {large} | ratio "
            f"| CPU {small} | CPU {large} | ratio |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for languages in LANGUAGE_SETS:
            for variant in VARIANTS:
                a, b = (
                    _find(cells, small, languages, variant),
                    _find(cells, large, languages, variant),
                )
                if a and b:
                    lines.append(
                        f"| {languages} | {variant} | {a.ms_per_page:.1f} | {b.ms_per_page:.1f} "
                        f"| {b.ms_per_page / a.ms_per_page:.2f} "
                        f"| {1000 * _per_page_cpu(a):.1f} | {1000 * _per_page_cpu(b):.1f} "
                        f"| {_per_page_cpu(b) / _per_page_cpu(a):.2f} |"
                    )
    return "\n".join(lines)


def _ratio(a: Cell | None, b: Cell | None) -> str:
    """``a / b`` in wall and CPU time, e.g. ``1.14 / 1.13``."""
    return f"{a.wall / b.wall:.2f} / {a.cpu / b.cpu:.2f}" if a and b else "–"


def _per_page_cpu(cell: Cell) -> float:
    return cell.cpu / cell.corpus.vi_pages


def cpu_model() -> str:
    """The processor's name (``model name`` in /proc/cpuinfo on Linux)."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    return platform.processor() or platform.machine()


def environment() -> str:
    """One line on the machine, its load and the versions measured."""
    names = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions")
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in names)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs ({cpu_model()}), "
        f"load average {load}; {versions}"
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated corpus sizes in Vietnamese pages (default 100,500,2000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="builds per cell (default 3)")
    parser.add_argument("--quick", action="store_true", help="100 pages only")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--languages",
        default=",".join(LANGUAGE_SETS),
        help="comma-separated language sets to build: vi, vi+en (default both)",
    )
    parser.add_argument("--en-ratio", type=float, default=0.3, help="English share for vi+en")
    parser.add_argument("--work-dir", type=Path, default=ROOT / ".bench")
    parser.add_argument("--corpus-script", type=Path, default=None)
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    args = parser.parse_args(argv)
    try:
        args.sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes}")
    if not args.sizes or min(args.sizes) < 1 or args.repeat < 1:
        parser.error("sizes and --repeat must be positive")
    sets = tuple(s.strip() for s in args.languages.split(",") if s.strip())
    unknown = [s for s in sets if s not in LANGUAGE_SETS]
    if not sets or unknown:
        parser.error(
            f"--languages: {', '.join(unknown) or 'empty'} is not a language set; "
            f"allowed: {', '.join(LANGUAGE_SETS)}"
        )
    args.languages = sets
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    args = parse_args(argv)
    try:
        script = corpus_script(args.corpus_script)
        work = args.work_dir.resolve()
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        before = environment()
        print(
            f"Benchmark: sizes {args.sizes}, languages {', '.join(args.languages)}, "
            f"{args.repeat} run(s) per cell, work dir {work}"
        )
        cells = bench(
            ROOT, script, work, args.sizes, args.repeat, args.seed, args.en_ratio, args.languages
        )
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    text = "\n".join(
        [
            "",
            report(cells, args.repeat),
            "",
            f"Before: {before}",
            f"After:  {environment()}",
            "Shared machine: wall times are noisy; CPU time is the steadier figure.",
        ]
    )
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
