"""``thidua check`` — every problem of the repository, without building the site.

Checks the criteria data (schema and cross-references), the local layers of
``data/layers/`` (schema, chain, citations, only tightening the law), the YAML cases of
``data/cases/``, the training modules and quizzes of ``docs/tap-huan``, that every
``legal_basis`` of the criteria resolves to a published clause, and the content
(``thidua.legal.check.check_repository``): documents, front matter of every page,
citations, unclosed ``[[``, duplicate anchors and anchors that take a clause's,
English pages without their Vietnamese source, real calendar dates.
All problems at once, each once, grouped by file with the line and how to fix it.
Articles mentioned in plain text where a citation belongs are warnings (errors with
``--strict``). Exit 1 when anything is wrong, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thidua.content_errors import ContentErrors
from thidua.errors import ContentError

if TYPE_CHECKING:
    from thidua.criteria import Rules

HELP = "Kiểm tra toàn bộ nội dung (dữ liệu tiêu chí, ca kiểm thử, trích dẫn) không dựng trang"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root", type=Path, default=None, help="thư mục dự án (mặc định: dự án này)"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="coi việc nhắc điều khoản bằng chữ thường (chưa là dẫn chiếu) là lỗi (cho CI)",
    )


CASE_FIX = "sửa kết quả mong đợi của ca, hoặc dữ liệu tiêu chí nếu chính ca là đúng"


def criteria_problems(root: Path) -> tuple[list[ContentError], Any]:
    """(errors, rules) for the criteria data, the cases and the bases; ``rules`` is None
    when the criteria data does not load (its errors say why)."""
    from thidua.criteria import CriteriaDataError, load_rules
    from thidua.evaluator.cases import load_cases, run_case

    try:
        rules = load_rules(root)
    except CriteriaDataError as error:
        return list(error.errors), None
    cases, errors = load_cases(root)
    for case in cases:
        for failure in run_case(case, rules):
            errors.append(ContentError(case.file, case.line, f"cases.{case.id}", failure, CASE_FIX))
    errors += check_bases(root, rules)
    return errors, rules


def check_bases(root: Path, rules: Rules) -> list[ContentError]:
    """Every legal_basis of the criteria data must resolve to a published clause.

    A basis naming a document that failed to load is not reported again: the
    document's own error says what to fix.
    """
    from thidua.legal.check import broken_documents
    from thidua.legal.ref import RefSyntaxError, parse
    from thidua.legal.registry import collect_registry

    registry, _ = collect_registry(root / "docs", cache={})
    broken = broken_documents(root / "docs", registry) if (root / "docs").is_dir() else set()
    errors = []
    for basis, place in sorted(set(rules.all_legal_bases())):
        try:
            ref, _ = parse(basis)
        except RefSyntaxError:
            ref = None
        if ref is not None and ref.so_hieu in broken and registry.document(ref.so_hieu) is None:
            continue
        try:
            registry.resolve_basis(basis)
        except ContentError as error:
            found = f"found {basis!r}, which does not resolve ({error.found})"
            errors.append(
                ContentError(
                    place.file, place.line, place.path, found, error.allowed, error.example
                )
            )
    return errors


def check_training(root: Path) -> list[ContentError]:
    """Training modules and quizzes (``docs/tap-huan``), as the build's hook loads them."""
    from thidua.legal.registry import collect_registry
    from thidua.tap_huan import load_program

    if not (root / "docs" / "tap-huan").is_dir():
        return []
    registry, problems = collect_registry(root / "docs", cache={})
    if problems:
        return []  # the documents' own errors come first; modules cite them
    try:
        load_program(root, registry)
    except ContentError as error:
        return list(error.errors) if isinstance(error, ContentErrors) else [error]
    return []


def check_layers(root: Path) -> list[ContentError]:
    """Every problem of every local layer of ``data/layers/`` (``thidua.layers``)."""
    from thidua.layers import LayerError, list_layers, load_layer

    errors: list[ContentError] = []
    for layer_id in list_layers(root):
        try:
            load_layer(root, layer_id)
        except LayerError as error:
            errors += error.errors
    return errors


def check_words(root: Path) -> list[ContentError]:
    """Every problem of the page words files (``thidua.words``): the repository's own
    copy under ``hooks/thidua/words/`` when it has one, else the installed one."""
    from thidua import words

    directory = root / "hooks" / "thidua" / "words"
    if not (directory / "vi.yml").is_file():
        directory = words.DIRECTORY
    try:
        words.load(directory, root)
    except words.WordsError as error:
        return list(error.errors)
    return []


def collect(root: Path, strict: bool = False) -> tuple[list[ContentError], list[ContentError]]:
    """(errors, warnings) of the whole repository, each once."""
    from thidua.legal.check import check_repository, unique

    criteria_errors, _ = criteria_problems(root)
    report = check_repository(root)
    errors = criteria_errors + report.errors + check_training(root) + check_layers(root)
    errors += check_words(root)
    warnings: list[ContentError] = []
    if strict:
        errors += report.warnings
    else:
        warnings += report.warnings
    return unique(errors), unique(warnings)


def run(args: argparse.Namespace) -> int:
    from thidua.legal.check import format_report

    try:
        from thidua.criteria import PROJECT_ROOT

        root = (args.root or PROJECT_ROOT).resolve()
        errors, warnings = collect(root, args.strict)
    except Exception as error:  # noqa: BLE001 - the CLI boundary: never a traceback
        print(f"thidua check: lỗi nội bộ: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    if warnings:
        print(format_report(warnings, "Cảnh báo (chưa làm hỏng việc dựng trang):", "cảnh báo"))
    if errors:
        print(format_report(errors, "Lỗi cần sửa:", "lỗi"), file=sys.stderr)
    files = len({error.file for error in errors})
    summary = f"thidua check: {len(errors)} lỗi trong {files} tệp, {len(warnings)} cảnh báo"
    if errors:
        print(summary, file=sys.stderr)
        return 1
    print(summary.replace("0 lỗi trong 0 tệp", "không có lỗi") + " — OK")
    return 0
