"""YAML loading that remembers where every value came from.

Every YAML file people edit (criteria data, cases, front matter, local layers, training
quizzes, settings, comparison keys) is read here: an error must name the
file and the line. ``LineLoader`` is a ``yaml.SafeLoader`` subclass that records the
start mark of every node: mappings become ``LineDict`` and sequences ``LineList``,
both plain ``dict``/``list`` subclasses with a ``lines`` table (key or index → line).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from thidua.errors import ContentError


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
            result[key] = self.construct_object(value_node, deep=True)
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


LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as shown in messages: relative to ``root`` when possible."""
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)


def load_text(text: str, name: str) -> Any:
    """Parse YAML ``text``; a syntax error becomes a ``ContentError`` naming ``name``."""
    try:
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        if "nesting depth" in problem:  # libyaml's limit: said as the pure-Python reader says it
            problem = "found values nested deeper than a YAML file may nest"
        raise ContentError(
            name, line, "(YAML)", problem or "unreadable YAML", "valid YAML"
        ) from None
    except yaml.YAMLError as error:
        raise ContentError(name, None, "(YAML)", str(error), "valid YAML") from None


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
