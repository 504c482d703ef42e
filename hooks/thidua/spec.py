"""The project's own spec validator for the YAML files people edit.

A spec is a small object with ``check(parent, key, value, path, ctx)``; every problem
becomes a ``ContentError`` naming the file, the line (``thidua.yaml_lines``), the dotted
path, the value found, what is allowed and an example. All problems are collected, never
only the first. The criteria data (``thidua.criteria.schema``), the cases, the local
layers and the settings declare their schemas with these specs. ``read`` is the one way
an editor's YAML comes in: load (line-aware) then check, every problem returned.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thidua.errors import ContentError
from thidua.yaml_lines import display_path, line_of, load_file, load_text


@dataclass
class Context:
    """Where problems go while one file is checked."""

    file: str
    errors: list[ContentError] = field(default_factory=list)

    def error(
        self, container: Any, key: Any, path: str, found: str, allowed: str, example: str | None
    ) -> None:
        self.errors.append(
            ContentError(self.file, line_of(container, key), path, found, allowed, example)
        )


def join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def found(value: Any) -> str:
    if isinstance(value, dict):
        return "found a mapping"
    if isinstance(value, list):
        return "found a list"
    if value is None:
        return "found nothing (null)"
    return f"found {value!r}"


class Spec:
    """Base: ``check`` reports into ``ctx``; ``allowed``/``example`` describe it."""

    allowed = "a value"
    example: str | None = None

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not self.ok(value):
            ctx.error(parent, key, path, found(value), self.allowed, self.example)

    def ok(self, value: Any) -> bool:  # pragma: no cover - overridden
        return True


class Str(Spec):
    def __init__(self, pattern: re.Pattern | None = None, allowed: str = "a text", example=None):
        self.pattern, self.allowed, self.example = pattern, allowed, example

    def ok(self, value: Any) -> bool:
        if not isinstance(value, str) or not value.strip():
            return False
        return bool(self.pattern.match(value)) if self.pattern else True


class Int(Spec):
    def __init__(self, low: int = 0, high: int | None = None, example: str | None = None):
        self.low, self.high, self.example = low, high, example
        self.allowed = (
            f"a whole number from {low} to {high}"
            if high is not None
            else f"a whole number ≥ {low}"
        )

    def ok(self, value: Any) -> bool:
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        return value >= self.low and (self.high is None or value <= self.high)


class Bool(Spec):
    allowed = "true or false"

    def __init__(self, example: str | None = None):
        self.example = example

    def ok(self, value: Any) -> bool:
        return isinstance(value, bool)


class Scalar(Spec):
    allowed = "a number, text or true/false"

    def ok(self, value: Any) -> bool:
        return isinstance(value, (str, int, float, bool))


class Enum(Spec):
    def __init__(self, values: tuple[str, ...] | Callable[[], tuple[str, ...]], example=None):
        self._values = values
        self.example = example

    @property
    def values(self) -> tuple[str, ...]:
        return self._values() if callable(self._values) else self._values

    @property
    def allowed(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.values)

    def ok(self, value: Any) -> bool:
        return isinstance(value, str) and value in self.values


class Check(Spec):
    """A value ``test`` accepts, ``allowed`` saying which (a range of decimals, a fixed value)."""

    def __init__(self, test: Callable[[Any], bool], allowed: str, example: str | None = None):
        self.test, self.allowed, self.example = test, allowed, example

    def ok(self, value: Any) -> bool:
        return bool(self.test(value))


class Date(Spec):
    allowed = "a date YYYY-MM-DD"
    example = "in_force_from: 2024-01-01"

    def ok(self, value: Any) -> bool:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


class Text(Spec):
    """A ``{vi: …, en: …}`` pair (Vietnamese first)."""

    allowed = "a mapping with non-empty vi and en texts"
    example = "text: {vi: Đạt tiêu chuẩn…, en: Meets the standard…}"

    def __init__(self, nullable: bool = False):
        self.nullable = nullable

    def ok(self, value: Any) -> bool:
        if value is None:
            return self.nullable
        return (
            isinstance(value, dict)
            and set(value) == {"vi", "en"}
            and all(isinstance(v, str) and v.strip() for v in value.values())
        )


class ListOf(Spec):
    def __init__(self, item: Spec, min_items: int = 0, example: str | None = None):
        self.item, self.min_items, self.example = item, min_items, example
        self.allowed = f"a list ({min_items}+ items)" if min_items else "a list"

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not isinstance(value, list) or len(value) < self.min_items:
            ctx.error(parent, key, path, found(value), self.allowed, self.example)
            return
        for index, item in enumerate(value):
            self.item.check(value, index, item, join(path, index), ctx)


class Map(Spec):
    """A mapping with known keys; unknown keys are errors."""

    def __init__(
        self,
        required: dict[str, Spec],
        optional: dict[str, Spec] | None = None,
        example: str | None = None,
    ):
        self.required, self.optional, self.example = required, optional or {}, example

    @property
    def allowed(self) -> str:  # type: ignore[override]
        keys = list(self.required) + [f"{k}?" for k in self.optional]
        return "a mapping with " + ", ".join(keys)

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not isinstance(value, dict):
            ctx.error(parent, key, path, found(value), self.allowed, self.example)
            return
        known = {**self.required, **self.optional}
        for name in value:
            if name not in known:
                ctx.error(
                    value,
                    name,
                    join(path, name),
                    "unknown key",
                    "one of " + ", ".join(known),
                    self.example,
                )
        for name, spec in self.required.items():
            if name not in value:
                ctx.error(value, None, join(path, name), "missing", spec.allowed, spec.example)
        for name, spec in known.items():
            if name in value:
                spec.check(value, name, value[name], join(path, name), ctx)


class DictOf(Spec):
    """A mapping from keys (checked by ``keys``) to values (``values``)."""

    def __init__(self, keys: Spec, values: Spec, example: str | None = None):
        self.keys, self.values, self.example = keys, values, example
        self.allowed = "a mapping"

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not isinstance(value, dict):
            ctx.error(parent, key, path, found(value), self.allowed, self.example)
            return
        for name, item in value.items():
            where = join(path, name)
            if not self.keys.ok(name):
                ctx.error(
                    value, name, where, f"found key {name!r}", self.keys.allowed, self.example
                )
                continue
            self.values.check(value, name, item, where, ctx)


class Tagged(Spec):
    """A mapping whose ``tag`` key picks its schema (the ``op`` of a criterion)."""

    def __init__(
        self,
        tag: str,
        common: dict[str, Spec],
        variants: dict[str, Map],
        example: str | None = None,
        with_text: bool = True,
    ):
        self.tag, self.common, self.variants, self.example = tag, common, variants, example
        self.with_text = with_text
        self.allowed = f"a mapping with {tag}: one of " + ", ".join(variants)

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if not isinstance(value, dict):
            ctx.error(parent, key, path, found(value), self.allowed, self.example)
            return
        tag = value.get(self.tag)
        if tag not in self.variants:
            ctx.error(
                value,
                self.tag,
                join(path, self.tag),
                found(tag) if self.tag in value else "missing",
                "one of " + ", ".join(self.variants),
                self.example,
            )
            return
        variant = self.variants[tag]
        Map(
            {
                self.tag: Enum(tuple(self.variants)),
                **variant.required,
                **({"text": Text()} if self.with_text else {}),
            },
            {**self.common, **variant.optional},
            variant.example or self.example,
        ).check(parent, key, value, path, ctx)


def validate(spec: Spec, data: Any, file: str) -> list[ContentError]:
    """Check ``data`` (loaded with line marks) against ``spec``; return the problems."""
    ctx = Context(file)
    spec.check(None, None, data, "", ctx)
    for error in ctx.errors:
        if error.field == "":
            error.field = "(file)"
    return ctx.errors


def read(
    source: Path | str,
    spec: Spec | None,
    name: str | None = None,
    *,
    root: Path | None = None,
    first_line: int = 1,
) -> tuple[Any, list[ContentError]]:
    """Load one editor's YAML and check it against ``spec``: ``(data, problems)``.

    ``source``: a file (``Path``, shown relative to ``root``) or YAML text read from the
    file ``name`` whose line ``first_line`` it begins at (2 for front matter after its
    ``---``), so that every line reported is the file's. A file that cannot be read or
    parsed gives ``(None, [its problem])``; otherwise the data comes back with every
    problem ``spec`` finds (none when ``spec`` is None), the caller deciding whether
    data with problems is of use.
    """
    if isinstance(source, Path):
        name = display_path(source, root)
    elif name is None:
        raise TypeError("read(text, spec) needs the name of the file the text is from")
    try:
        if isinstance(source, Path):
            data = load_file(source, root)
        else:
            data = load_text(source, name, first_line)
    except ContentError as error:
        return None, [error]
    return data, (validate(spec, data, name) if spec is not None else [])
