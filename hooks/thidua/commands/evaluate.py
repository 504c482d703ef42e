"""``thidua evaluate PROFILE [--json] [--lang en]`` — one profile in, one result out.

Exit status: 0 when a result was produced, 2 when the profile is invalid (one message
per problem on stderr: file:line: field path: found; allowed: …), 1 when the criteria
data itself is broken. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from thidua.errors import ContentError
from thidua.yaml_lines import line_of, load_text

HELP = "Đánh giá một hồ sơ (YAML/JSON): xếp loại, danh hiệu, giải thích (--json, --lang en)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("profile", metavar="PROFILE", help="tệp hồ sơ YAML hoặc JSON; '-' = stdin")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ (vi, en)")
    parser.add_argument(
        "--layer",
        metavar="ID",
        help="lớp quy chế riêng (data/layers/ID.yaml) áp dụng trên luật quốc gia; "
        "none: chỉ luật quốc gia",
    )


def read_profile(name: str) -> tuple[Any, str]:
    """Parse the profile file (or stdin); YAML with line marks, JSON accepted too."""
    shown = "<stdin>" if name == "-" else name
    if name == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ContentError(
                shown,
                None,
                "(file)",
                f"cannot read: {error.strerror or error}",
                "a readable UTF-8 YAML or JSON file",
            ) from None
    try:
        try:
            profile = load_text(text, shown)
        except ContentError as yaml_error:
            try:
                profile = json.loads(text)
            except ValueError:
                raise yaml_error from None  # the YAML message names the line
    except RecursionError:
        profile = None
        depth = MAX_DEPTH + 1
    else:
        depth = nesting(profile)
    if depth > MAX_DEPTH:
        raise ContentError(
            shown,
            None,
            "(profile)",
            f"found values nested more than {MAX_DEPTH} levels deep",
            "a profile as in the evaluation contract (lists and mappings nest at most 3 levels)",
        )
    return profile, shown


MAX_DEPTH = 20


def nesting(value: Any) -> int:
    """How deeply lists and mappings nest in ``value`` (iterative: no recursion limit)."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
            stack.extend(
                (child, depth) for child in (item.values() if isinstance(item, dict) else item)
            )
    return deepest


def _line(profile: Any, path: tuple) -> int | None:
    container, line = profile, getattr(profile, "line", None)
    for part in path:
        if isinstance(container, (dict, list)):
            found = line_of(container, part)
            if found:
                line = found
            try:
                container = container[part]
            except (KeyError, IndexError, TypeError):
                break
        else:
            break
    return line


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except ContentError as error:
        print(error.message, file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - the CLI boundary: never a traceback
        print(f"thidua evaluate: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from thidua.commands.result_text import render
    from thidua.criteria import CriteriaDataError, load_rules
    from thidua.evaluator import ProfileError, evaluate

    try:
        rules = load_rules()
    except CriteriaDataError as error:
        for item in error.errors:
            print(item.message, file=sys.stderr)
        return 1
    profile, shown = read_profile(args.profile)
    if profile is None:
        print(
            f"{shown}: (profile): found an empty file; allowed: a YAML or JSON mapping",
            file=sys.stderr,
        )
        return 2
    layer = None
    if args.layer not in (None, "none"):
        from thidua.layers.cli import load_for_cli

        layer = load_for_cli(args.layer, args.lang)
        if layer is None:
            return 2
    try:
        if layer is None:
            result = evaluate(profile, rules, lang=args.lang)
        else:
            result = layer.evaluate(profile, lang=args.lang)
    except ProfileError as error:
        for problem in error.problems:
            line = _line(profile, problem.path)
            where = f"{shown}:{line}" if line else shown
            print(f"{where}: {problem.message}", file=sys.stderr)
        return 2
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        text = render(result, rules, args.lang)
        if layer is not None:
            from thidua.layers.cli import layer_line

            heading, _, rest = text.partition("\n")
            text = f"{heading}\n{layer_line(layer, args.lang)}\n{rest}"
        sys.stdout.write(text)
    return 0
