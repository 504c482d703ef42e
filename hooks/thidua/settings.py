"""The institution's settings: one file, ``thidua.yml`` at the project root (issue 13).

An institution that adopts the portal writes its names (Vietnamese and English), its
parent body, logo, contact, the active local layer and the languages here, and
nowhere else. ``load`` reads the file with the one reader of editors' YAML
(``thidua.spec.read``) and checks it against ``SPEC`` with the spec validator; every
problem is collected, each a ``ContentError`` naming the file, the line, the key, what
was found and what is allowed. Unknown keys are errors, never silently ignored. Plain
Python: the MkDocs adapter is ``hooks/hook_settings.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thidua import spec
from thidua.content_errors import ContentErrors
from thidua.errors import ContentError
from thidua.spec import read
from thidua.yaml_lines import display_path, line_of

FILE = "thidua.yml"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
NO_LAYER = "none"
MAX_TEXT = 200

CONTACT_KEYS = ("don_vi", "dia_chi", "dien_thoai", "email")
_LAYER_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+() .-]{6,30}$")


@dataclass(frozen=True)
class Names:
    """A name in Vietnamese and English (English falls back to Vietnamese)."""

    vi: str
    en: str

    def in_language(self, lang: str) -> str:
        """The name in ``lang`` (Vietnamese for any other language)."""
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Contact:
    """Who staff ask about thi đua, khen thưởng in the institution (all optional)."""

    don_vi: str | None = None
    dia_chi: str | None = None
    dien_thoai: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Settings:
    """The validated settings of one institution."""

    co_quan: Names
    co_quan_cap_tren: Names | None
    logo: str | None
    lien_he: Contact
    lop_quy_che: str
    ngon_ngu: tuple[str, ...]

    def template_data(self) -> dict[str, Any]:
        """Plain data for templates (no objects)."""
        return {
            "co_quan": {"vi": self.co_quan.vi, "en": self.co_quan.en},
            "co_quan_cap_tren": (
                {"vi": self.co_quan_cap_tren.vi, "en": self.co_quan_cap_tren.en}
                if self.co_quan_cap_tren
                else None
            ),
            "logo": self.logo,
            "lien_he": {key: getattr(self.lien_he, key) for key in CONTACT_KEYS},
            "lop_quy_che": self.lop_quy_che,
            "ngon_ngu": list(self.ngon_ngu),
        }


class _Line(spec.Spec):
    """A one-line, non-empty text of at most MAX_TEXT characters (spaces folded);
    ``pattern``: the form it must have, said by ``form`` and ``example``."""

    allowed = f"a one-line text of 1 to {MAX_TEXT} characters"
    missing = f"a text of 1 to {MAX_TEXT} characters"  # what is asked for when absent

    def __init__(self, pattern: re.Pattern | None = None, form: str = "",
                 example: str | None = None) -> None:
        self.pattern, self.form, self.example = pattern, form, example

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: spec.Context) -> None:
        if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
            ctx.error(parent, key, path, f"found {_kind(value)}", self.allowed, None)
            return
        text = _folded(value)
        if len(text) > MAX_TEXT:
            ctx.error(parent, key, path, f"{len(text)} characters",
                      f"at most {MAX_TEXT} characters", None)
        elif self.pattern and not self.pattern.match(text):
            ctx.error(parent, key, path, repr(text), self.form, self.example)


class _Keys(spec.Spec):
    """A mapping whose keys are all among ``fields``, each checked by its spec; a key
    left empty (null) counts as absent except for the ``null_checked`` ones."""

    def __init__(self, fields: dict[str, spec.Spec], required: tuple[str, ...] = (),
                 missing: str | None = None, example: str | None = None,
                 null_checked: tuple[str, ...] = ()) -> None:
        self.fields, self.required, self.null_checked = fields, required, null_checked
        self.allowed = f"a mapping with the keys {', '.join(fields)}"
        self.missing, self.example = missing or self.allowed, example

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: spec.Context) -> None:
        if not isinstance(value, dict):
            ctx.error(parent, key, path, f"found {_kind(value)}", self.allowed, None)
            return
        for name in value:
            if name not in self.fields:
                ctx.error(value, name, spec.join(path, name), f"unknown key {name!r}",
                          ", ".join(self.fields), None)
        for name, item in self.fields.items():
            where = spec.join(path, name)
            if name not in value or (value[name] is None and name not in self.null_checked):
                if name in self.required:
                    ctx.error(value, name, where, "missing", getattr(item, "missing", ""),
                              item.example)
                continue
            item.check(value, name, value[name], where, ctx)


class _LayerId(spec.Spec):
    """``lop_quy_che``: none, or the id of a layer of data/layers/."""

    allowed = (f"{NO_LAYER!r} (national law only) or a layer id: lower-case "
               "letters, digits and - or _")
    example = "lop_quy_che: none"

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: spec.Context) -> None:
        if not isinstance(value, str) or not (value == NO_LAYER or _LAYER_ID.match(value)):
            ctx.error(parent, key, path, f"found {_kind(value)}", self.allowed, self.example)


class _Languages(spec.Spec):
    """``ngon_ngu``: a list of distinct codes among LANGUAGES, Vietnamese included."""

    allowed = f"a list of {', '.join(LANGUAGES)} without repeats, {DEFAULT_LANGUAGE} included"
    example = "ngon_ngu: [vi, en]"

    def check(self, parent: Any, key: Any, value: Any, path: str, ctx: spec.Context) -> None:
        if not isinstance(value, list) or not value:
            ctx.error(parent, key, path, f"found {_kind(value)}", self.allowed, self.example)
            return
        for index, code in enumerate(value):
            if code not in LANGUAGES or value.index(code) != index:
                ctx.error(value, index, path, f"found {_kind(code)}", self.allowed, None)
        if DEFAULT_LANGUAGE not in value:
            ctx.error(parent, key, path, f"no {DEFAULT_LANGUAGE!r}", self.allowed, None)


def _names(key: str) -> _Keys:
    """A ``{vi, en}`` mapping; ``vi`` is required, ``en`` falls back to it."""
    return _Keys(
        {"vi": _Line(), "en": _Line()},
        required=("vi",),
        missing="the name in Vietnamese (vi) and English (en)",
        example=f"{key}:\\n  vi: Học viện Mẫu\\n  en: Model Academy",
    )


SPEC = _Keys(
    {
        "co_quan": _names("co_quan"),
        "co_quan_cap_tren": _names("co_quan_cap_tren"),
        "logo": _Line(),
        "lien_he": _Keys(  # the keys of CONTACT_KEYS
            {
                "don_vi": _Line(),
                "dia_chi": _Line(),
                "dien_thoai": _Line(_PHONE, "a telephone number (digits, spaces, + ( ) . -)"),
                "email": _Line(_EMAIL, "an e-mail address", "email: thidua@hocvienmau.edu.vn"),
            }
        ),
        "lop_quy_che": _LayerId(),
        "ngon_ngu": _Languages(),
    },
    required=("co_quan",),
    null_checked=("lop_quy_che", "ngon_ngu"),
)


def _folded(value: str) -> str:
    return " ".join(value.split())


def _kind(value: Any) -> str:
    """What a value is, in words (never a program value)."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value.strip()[:60]!r}" if value.strip() else "an empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "an unreadable value"


def _text(block: Any, key: str) -> str | None:
    """The folded text at ``key`` of a checked block (None when absent or empty)."""
    value = block.get(key) if isinstance(block, dict) else None
    return _folded(value) if isinstance(value, str) else None


def _names_of(data: dict, key: str) -> Names | None:
    block = data.get(key)
    if block is None:
        return None
    vi = _text(block, "vi") or ""
    return Names(vi=vi, en=_text(block, "en") or vi)


def parse(data: Any, name: str, asset_dirs: Iterable[Path] = ()) -> Settings:
    """Validate parsed YAML ``data`` of the file called ``name`` (``SPEC``, every
    problem collected: one raised as itself, several as ``ContentErrors``).

    ``asset_dirs``: the folders where the logo may be (docs/, overrides/); empty means
    the logo's existence is not checked.
    """
    problems = spec.validate(SPEC, data, name)
    logo = _text(data, "logo") if not any(p.field == "logo" for p in problems) else None
    dirs = list(asset_dirs)
    if logo and dirs and not any((folder / logo).is_file() for folder in dirs):
        problems.append(ContentError(
            name, line_of(data, "logo"), "logo", f"no file {logo!r}",
            "a path under " + " or ".join(f"{d.name}/" for d in dirs),
            "logo: assets/images/logo.svg",
        ))
    if problems:
        raise problems[0] if len(problems) == 1 else ContentErrors(problems)
    contact = data.get("lien_he") or {}
    return Settings(
        co_quan=_names_of(data, "co_quan") or Names("", ""),
        co_quan_cap_tren=_names_of(data, "co_quan_cap_tren"),
        logo=logo,
        lien_he=Contact(**{key: _text(contact, key) for key in CONTACT_KEYS}),
        lop_quy_che=data.get("lop_quy_che", NO_LAYER),
        ngon_ngu=tuple(data.get("ngon_ngu", LANGUAGES)),
    )


def load(path: Path, root: Path | None = None, asset_dirs: Iterable[Path] = ()) -> Settings:
    """Read and validate the settings file at ``path``; a missing file is an error."""
    name = display_path(path, root)
    if not path.is_file():
        raise ContentError(name, None, "(file)", "the file is missing",
                           f"a settings file {FILE} at the project root (see README.md)")
    data, problems = read(path, None, root=root)
    if problems:
        raise problems[0]
    result = parse(data, name, asset_dirs)
    if result.lop_quy_che != NO_LAYER:
        check_layer(result.lop_quy_che, data, name, root if root is not None else path.parent)
    return result


def check_layer(layer_id: str, data: Any, name: str, root: Path) -> None:
    """``lop_quy_che`` names a layer of data/layers/ that loads without problems.

    An unknown id is reported at the key's line with the layers there are; a broken
    layer raises its own ``LayerError`` (file, line, key of the layer file).
    """
    from thidua.layers import UnknownLayer, load_layer

    try:
        load_layer(root, layer_id)
    except UnknownLayer as error:
        known = ", ".join(error.known)
        raise ContentError(
            name,
            line_of(data, "lop_quy_che"),
            "lop_quy_che",
            f"không có lớp quy chế {layer_id!r} trong data/layers/ (no such layer)",
            f"{NO_LAYER!r} (chỉ luật quốc gia / national law only)"
            + (f" hoặc một trong (or one of): {known}" if known else ""),
            "lop_quy_che: none",
        ) from None
