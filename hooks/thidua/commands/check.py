"""``thidua check`` — validate all content without building the site.

Checks, in order: the criteria data (schema and cross-references), the YAML cases in
``data/cases/`` (structure, profiles, expected results), that every ``legal_basis``
of the criteria data resolves to a published clause (``thidua.legal.registry``), and
the legal documents and page citations (``thidua.legal.check.check_legal``). Messages
are the build's: "file:line: field: found; allowed: …". Exit 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HELP = "Kiểm tra toàn bộ nội dung (dữ liệu tiêu chí, ca kiểm thử, trích dẫn) không dựng trang"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root", type=Path, default=None, help="thư mục dự án (mặc định: dự án này)"
    )


def _optional(module: str) -> Any | None:
    """Import a module that another part of the project may not have delivered yet."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name and module.startswith(error.name):
            return None
        raise


def _messages(items: Iterable[Any]) -> list[str]:
    return [getattr(item, "message", None) or str(item) for item in items]


def check_criteria(root: Path) -> tuple[list[str], list[str], Any]:
    """(errors, warnings, rules) for the criteria data, the cases and the bases."""
    from thidua.criteria import CriteriaDataError, load_rules
    from thidua.criteria.cases import load_cases, run_case

    errors: list[str] = []
    warnings: list[str] = []
    try:
        rules = load_rules(root)
    except CriteriaDataError as error:
        return _messages(error.errors), warnings, None
    cases, problems = load_cases(root)
    errors += _messages(problems)
    for case in cases:
        for failure in run_case(case, root):
            errors.append(f"{case.file}:{case.line}: cases.{case.id}: {failure}")
    errors += check_bases(root, rules, warnings)
    return errors, warnings, rules


def check_bases(root: Path, rules: Any, warnings: list[str]) -> list[str]:
    """Every legal_basis of the criteria data must resolve to a published clause."""
    registry_module = _optional("thidua.legal.registry")
    if registry_module is None:
        warnings.append(
            "WARNING: thidua.legal.registry is not available yet: the legal_basis strings of "
            "the criteria data were NOT resolved against docs/van-ban (TODO)"
        )
        return []
    from thidua.errors import ContentError

    try:
        registry = registry_module.load_registry(root / "docs")
    except ContentError as error:
        return [error.message]
    errors = []
    for basis, where in sorted(set(rules.all_legal_bases())):
        try:
            registry.resolve_basis(basis)
        except ContentError as error:
            errors.append(f"{where}: found {basis!r}, which does not resolve ({error.message})")
        except Exception as error:  # noqa: BLE001 - registry errors are content errors here
            errors.append(f"{where}: found {basis!r}, which does not resolve ({error})")
    return errors


def check_legal_content(root: Path, warnings: list[str]) -> list[str]:
    """Documents and page citations, by the legal core's own check."""
    module = _optional("thidua.legal.check")
    if module is None:
        warnings.append(
            "WARNING: thidua.legal.check is not available yet: legal documents and page "
            "citations were NOT checked (TODO)"
        )
        return []
    from thidua.errors import ContentError

    try:
        found = module.check_legal(root)
    except ContentError as error:
        return [error.message]
    if not found:
        return []
    if isinstance(found, (str, bytes)):
        return [str(found)]
    return _messages(found)


def run(args: argparse.Namespace) -> int:
    try:
        from thidua.criteria import PROJECT_ROOT

        root = (args.root or PROJECT_ROOT).resolve()
        errors, warnings, _ = check_criteria(root)
        errors += check_legal_content(root, warnings)
    except Exception as error:  # noqa: BLE001 - the CLI boundary: never a traceback
        print(f"thidua check: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    for line in warnings:
        print(line, file=sys.stderr)
    for line in errors:
        print(line, file=sys.stderr)
    if errors:
        print(f"thidua check: {len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("thidua check: OK")
    return 0
