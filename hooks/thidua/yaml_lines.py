"""YAML loading that remembers where every value came from.

Every YAML file people edit (criteria data, cases, front matter, local layers, training
quizzes, settings, comparison keys) is read here: an error must name the
file and the line. ``LineLoader`` is a ``yaml.SafeLoader`` subclass that records the
start mark of every node: mappings become ``LineDict`` and sequences ``LineList``,
both plain ``dict``/``list`` subclasses with a ``lines`` table (key or index → line).
``load_text``/``load_file`` turn what does not read into a ``ContentError`` with the
line: YAML that does not parse (``UnreadableYaml``) and a date that is not in the
calendar (``2020-02-30``, which PyYAML would raise as a bare ``ValueError``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from thidua.errors import ContentError


class UnreadableYaml(ContentError):
    """YAML that does not parse; ``found`` holds the parser's own words.

    Files say it as it is (field ``(YAML)``); a page's front matter words it for
    Markdown editors (``thidua.legal.metadata``)."""


class _ImpossibleDate(Exception):
    """A date in YAML's form that the calendar does not have; the key is added on the way
    up (the mapping whose value it is)."""

    def __init__(self, value: str, line: int) -> None:
        super().__init__(value)
        self.value, self.line = value, line
        self.key: Any = None


def impossible_date(file: str, line: int | None, key: str | None, value: str) -> ContentError:
    """A date written right (YYYY-MM-DD) that is not in the calendar, e.g. 2020-02-30;
    ``key``: the key whose value it is (none for a date in a top-level list)."""
    return ContentError(
        file,
        line,
        key or "(YAML)",
        f"{value!r} là ngày không có thật (not a real date)",
        "một ngày có trong lịch, dạng NĂM-THÁNG-NGÀY (YYYY-MM-DD)",
        f"{key}: 2020-02-29" if key else None,
    )


class LineDict(dict):
    """A mapping with ``line`` (its own first line) and ``lines`` (key → line)."""

    line: int | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}


class LineList(list):
    """A sequence with ``line`` and ``lines`` (index → line)."""

    line: int | None = None

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.lines: dict[int, int] = {}


# libyaml's parser when PyYAML was built with it (several times faster); the
# constructor, where the lines are kept, is the same Python code either way.
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_SAFE):  # type: ignore[misc, valid-type]
    """A safe loader that keeps node start lines (1-based) on mappings and sequences."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found an unhashable key",
                    key_node.start_mark,
                ) from None
            if key in result:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found a duplicate key {key!r}",
                    key_node.start_mark,
                )
            try:
                result[key] = self.construct_object(value_node, deep=True)
            except _ImpossibleDate as error:
                if error.key is None:
                    error.key = key
                raise
            result.lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        result = LineList()
        result.line = node.start_mark.line + 1
        for index, child in enumerate(node.value):
            result.append(self.construct_object(child, deep=True))
            result.lines[index] = child.start_mark.line + 1
        return result


def _construct_map(loader: LineLoader, node: yaml.MappingNode) -> LineDict:
    return loader.construct_mapping(node, deep=True)


def _construct_seq(loader: LineLoader, node: yaml.SequenceNode) -> LineList:
    return loader.construct_sequence(node, deep=True)


def _construct_date(loader: LineLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise _ImpossibleDate(str(node.value), node.start_mark.line + 1) from None


LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as shown in messages: relative to ``root`` when possible."""
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)


def load_text(text: str, name: str, first_line: int = 1) -> Any:
    """Parse YAML ``text`` read from ``name``, keeping line numbers.

    ``first_line``: the file's line where ``text`` begins (2 for front matter after its
    ``---``), so that every line, kept or in a message, is the file's. A syntax error
    raises ``UnreadableYaml``, an impossible date a ``ContentError``, both with the line.
    """
    try:
        return yaml.load("\n" * (first_line - 1) + text, Loader=LineLoader)  # noqa: S506
    except yaml.MarkedYAMLError as error:
        raise UnreadableYaml(
            name, _line(error), "(YAML)", _said(error) or "unreadable YAML", "valid YAML"
        ) from None
    except yaml.YAMLError as error:
        said = str(error).splitlines()[0]
        raise UnreadableYaml(name, None, "(YAML)", said, "valid YAML") from None
    except _ImpossibleDate as error:
        key = None if error.key is None else str(error.key)
        raise impossible_date(name, error.line, key, error.value) from None


def _line(error: yaml.MarkedYAMLError) -> int | None:
    """The line to fix: where the problem is, except for an unclosed bracket or quote,
    whose opening is the line to fix (the problem is only seen further down)."""
    context = error.context or ""
    opening = context.startswith(("while parsing a flow", "while scanning a quoted"))
    first, second = (
        (error.context_mark, error.problem_mark)
        if opening
        else (error.problem_mark, error.context_mark)
    )
    mark = first or second
    return mark.line + 1 if mark is not None else None


def _said(error: yaml.MarkedYAMLError) -> str:
    """The parser's words: ``context: problem``."""
    said = ": ".join(part for part in (error.context, error.problem) if part)
    if "nesting depth" in said:  # libyaml's limit: said as the pure-Python reader says it
        return "found values nested deeper than a YAML file may nest"
    return said


def load_file(path: Path, root: Path | None = None) -> Any:
    """Read and parse one YAML file, keeping line numbers."""
    name = display_path(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(name, None, "(file)", str(error), "a readable UTF-8 file") from None
    return load_text(text, name)


def line_of(container: Any, key: Any) -> int | None:
    """The line of ``key`` inside ``container`` (or of the container itself)."""
    lines = getattr(container, "lines", None)
    if lines and key in lines:
        return lines[key]
    return getattr(container, "line", None)


def plain(value: Any) -> Any:
    """A JSON-able copy: plain dicts/lists, dates as ISO strings."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
