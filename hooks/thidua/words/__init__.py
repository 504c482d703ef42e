"""The page words: one file per language (``vi.yml``, ``en.yml`` beside this module).

Keys are grouped by page or component (``tu_danh_gia.year.title``, ``diem_moi.status``,
``checklist.index_title``); ``common.unverified`` is the one wording of "not verified
against the official text". Labels of codes (levels, titles, roles, and the answer codes
the self-evaluation form offers: leave kinds, discipline forms, …) are not here but in
``data/criteria/labels.yaml``.

The files are read with the line-aware loader and checked with the spec validator
(``thidua.spec.read``); then both languages must have the same keys and,
for every text, the same ``{placeholders}``. Every problem is collected and raised at
once as ``WordsError`` naming the file, the line and the key — a build error, never a
page with a missing word. Plain data: the adapters give templates ``t(key)`` on top of
``text()``/``lookup()`` and publish the script words to the browser.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from thidua.content_errors import ContentErrors
from thidua.errors import ContentError
from thidua.file_stamp import Stamp, stamp
from thidua.spec import Context, Spec, found, join, read
from thidua.yaml_lines import display_path, line_of, plain

DIRECTORY = Path(__file__).resolve().parent
LANGUAGES = ("vi", "en")  # Vietnamese first: its keys are the reference
_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class WordsError(ContentErrors):
    """The words files have problems; ``errors`` lists every one (the build shows them all)."""


class _Words(Spec):
    """A text, a mapping of keys to words, or a list of such mappings (the form's groups)."""

    allowed = "a non-empty text, a mapping of keys to texts, or a list of mappings"
    example = "title: Năm đánh giá"

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: Context) -> None:
        if isinstance(value, str) and value.strip():
            return
        if isinstance(value, dict) and value:
            for name, item in value.items():
                if not isinstance(name, str) or not _KEY.match(name):
                    ctx.error(
                        value, name, join(path, name), f"found key {name!r}",
                        "a key of letters, digits and _ (quote yes/no/on/off)", "'yes': có",
                    )
                    continue
                self.check(value, name, item, join(path, name), ctx)
            return
        if isinstance(value, list) and value and all(isinstance(i, dict) for i in value):
            for index, item in enumerate(value):
                self.check(value, index, item, join(path, index), ctx)
            return
        ctx.error(parent, key, path, found(value), self.allowed, self.example)


def _leaves(value: Any, path: str, parent: Any, key: Any, out: dict) -> None:
    """Every text of ``value`` by dotted path, with the container and key for its line."""
    if isinstance(value, dict):
        for name, item in value.items():
            _leaves(item, join(path, name), value, name, out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _leaves(item, join(path, index), value, index, out)
    else:
        out[path] = (value, parent, key)


def _compare(trees: dict[str, Any], names: dict[str, str]) -> list[ContentError]:
    """Problems where a language lacks a key of the other, or words a placeholder differently."""
    leaves: dict[str, dict] = {}
    for lang, tree in trees.items():
        leaves[lang] = {}
        _leaves(tree, "", None, None, leaves[lang])
    errors: list[ContentError] = []
    for lang, other in ((a, b) for a in LANGUAGES for b in LANGUAGES if a != b):
        for path, (value, parent, key) in leaves[other].items():
            mine = leaves[lang].get(path)
            if mine is None:
                errors.append(ContentError(
                    names[lang], None, path, "missing",
                    f"the same keys as {names[other]} (line {line_of(parent, key)})",
                ))
            elif lang == LANGUAGES[1]:  # placeholders compared once, from the second file
                wanted = sorted(set(_PLACEHOLDER.findall(str(value))))
                got = sorted(set(_PLACEHOLDER.findall(str(mine[0]))))
                if wanted != got:
                    errors.append(ContentError(
                        names[lang], line_of(mine[1], mine[2]), path,
                        "placeholders " + (", ".join(got) or "none"),
                        f"the placeholders of {names[other]}: " + (", ".join(wanted) or "none"),
                    ))
    return errors


def load(directory: Path = DIRECTORY, root: Path | None = None) -> dict[str, dict]:
    """Both languages' words, checked; ``WordsError`` lists every problem."""
    trees: dict[str, Any] = {}
    names: dict[str, str] = {}
    errors: list[ContentError] = []
    for lang in LANGUAGES:
        path = directory / f"{lang}.yml"
        names[lang] = display_path(path, root)
        tree, problems = read(path, _Words(), root=root)
        errors += problems
        if not problems:
            trees[lang] = tree
    if not errors:
        errors = _compare(trees, names)
    if errors:
        raise WordsError(errors)
    return {lang: plain(tree) for lang, tree in trees.items()}


@cache
def _words() -> dict[str, dict]:
    return load(DIRECTORY, DIRECTORY.parents[2])


_read_at: list[Stamp] = []  # the files' stamp when the cached words were read


def clear_cache() -> None:
    """Read the files again at the next use if they changed since they were read (a
    rebuild under ``serve``: reading and checking both files costs ~0.7 s, so an edit
    of an ordinary page must not pay it)."""
    now = stamp([DIRECTORY], (".yml",))
    if _read_at != [now]:
        _words.cache_clear()
        _read_at[:] = [now]


def language(lang: str | None) -> str:
    """The words' language for a page language: English for ``en``, else Vietnamese."""
    return "en" if lang == "en" else "vi"


def lookup(lang: str | None, key: str) -> Any:
    """The words at dotted ``key`` (a text, or a mapping/list for a group of words).

    An unknown key is a ``ContentError`` naming the file and the key, so a template that
    asks for a word nobody wrote stops the build.
    """
    lang = language(lang)
    value: Any = _words()[lang]
    for part in key.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            name = display_path(DIRECTORY / f"{lang}.yml", DIRECTORY.parents[2])
            raise ContentError(name, None, key, "no such key", "a key written in the words file")
    return value


def text(lang: str | None, key: str, **values: Any) -> str:
    """The text at ``key`` with each ``{name}`` replaced by ``values[name]``.

    One pass over the text: a value that itself holds ``{other}`` (a title an editor
    wrote, a file name) is put in as it is, never filled in again; a placeholder with
    no value stays as written."""
    words = lookup(lang, key)
    if not isinstance(words, str):
        raise ContentError(
            display_path(DIRECTORY / f"{language(lang)}.yml", DIRECTORY.parents[2]),
            None, key, "a group of words", "the key of one text",
        )
    return _PLACEHOLDER.sub(
        lambda match: str(values[match[1]]) if match[1] in values else match[0], words
    )


def both(key: str, **values: Any) -> dict[str, str]:
    """The text at ``key`` in each language, ``{"vi": …, "en": …}``, for data that carries
    both (the members list's and a layer's column words). A value is one text for both
    languages or a ``{lang: text}`` mapping; ends are stripped, since a placeholder left
    empty at the end of a text (a column's rules) would leave a space."""
    return {
        lang: text(lang, key, **{
            name: value[lang] if isinstance(value, dict) else value
            for name, value in values.items()
        }).strip()
        for lang in LANGUAGES
    }


def group(lang: str | None, key: str) -> dict[str, Any]:
    """The mapping of words at ``key`` (a page's or component's words), as a plain dict."""
    value = lookup(lang, key)
    if not isinstance(value, dict):
        raise ContentError(
            display_path(DIRECTORY / f"{language(lang)}.yml", DIRECTORY.parents[2]),
            None, key, "one text", "the key of a group of words",
        )
    return value
