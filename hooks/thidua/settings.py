"""The institution's settings: one file, ``thidua.yml`` at the project root (issue 13).

An institution that adopts the portal writes its names (Vietnamese and English), its
parent body, logo, contact, the active local layer and the languages here, and
nowhere else. ``load`` reads and validates the file; every problem is a
``ContentError`` naming the file, the line, the key, what was found and what is
allowed. Unknown keys are errors, never silently ignored. Plain Python: the MkDocs
adapter is ``hooks/hook_settings.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thidua.errors import ContentError
from thidua.spec import read
from thidua.yaml_lines import display_path, line_of

FILE = "thidua.yml"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
NO_LAYER = "none"
MAX_TEXT = 200

TOP_KEYS = ("co_quan", "co_quan_cap_tren", "logo", "lien_he", "lop_quy_che", "ngon_ngu")
NAME_KEYS = ("vi", "en")
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


class _Reader:
    """Validation of one parsed file, with the file name for messages."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, container: Any, key: Any, field: str, found: str, allowed: str,
             example: str | None = None) -> ContentError:
        """A ContentError at the line of ``key`` in ``container``."""
        return ContentError(self.name, line_of(container, key), field, found, allowed, example)

    def mapping(self, container: Any, key: str, field: str, keys: Iterable[str]) -> dict:
        """``container[key]`` as a mapping whose keys are all among ``keys``."""
        value = container[key] if key else container
        allowed = tuple(keys)
        if not isinstance(value, dict):
            raise self.fail(container, key, field, f"found {_kind(value)}",
                            f"a mapping with the keys {', '.join(allowed)}")
        for child in value:
            if child not in allowed:
                raise self.fail(value, child, f"{field}.{child}" if field else str(child),
                                f"unknown key {child!r}", ", ".join(allowed))
        return value

    def text(self, container: dict, key: str, field: str, *, required: bool) -> str | None:
        """A one-line, non-empty text of at most MAX_TEXT characters."""
        if key not in container or container[key] is None:
            if required:
                raise self.fail(container, key, field, "missing",
                                f"a text of 1 to {MAX_TEXT} characters")
            return None
        value = container[key]
        if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
            raise self.fail(container, key, field, f"found {_kind(value)}",
                            f"a one-line text of 1 to {MAX_TEXT} characters")
        value = " ".join(value.split())
        if len(value) > MAX_TEXT:
            raise self.fail(container, key, field, f"{len(value)} characters",
                            f"at most {MAX_TEXT} characters")
        return value

    def names(self, data: dict, key: str, *, required: bool) -> Names | None:
        """A ``{vi, en}`` mapping; ``vi`` is required, ``en`` falls back to it."""
        if key not in data or data[key] is None:
            if required:
                raise self.fail(data, key, key, "missing",
                                "the name in Vietnamese (vi) and English (en)",
                                f"{key}:\\n  vi: Học viện Mẫu\\n  en: Model Academy")
            return None
        block = self.mapping(data, key, key, NAME_KEYS)
        vi = self.text(block, "vi", f"{key}.vi", required=True)
        en = self.text(block, "en", f"{key}.en", required=False)
        return Names(vi=vi or "", en=en or vi or "")


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


def parse(data: Any, name: str, asset_dirs: Iterable[Path] = ()) -> Settings:
    """Validate parsed YAML ``data`` of the file called ``name``.

    ``asset_dirs``: the folders where the logo may be (docs/, overrides/); empty means
    the logo's existence is not checked.
    """
    reader = _Reader(name)
    if not isinstance(data, dict):
        raise ContentError(name, None, "(file)", f"found {_kind(data)}",
                           f"a mapping with the keys {', '.join(TOP_KEYS)}")
    reader.mapping(data, "", "", TOP_KEYS)
    co_quan = reader.names(data, "co_quan", required=True)
    cap_tren = reader.names(data, "co_quan_cap_tren", required=False)
    logo = reader.text(data, "logo", "logo", required=False)
    dirs = list(asset_dirs)
    if logo and dirs and not any((folder / logo).is_file() for folder in dirs):
        raise reader.fail(data, "logo", "logo", f"no file {logo!r}",
                          "a path under " + " or ".join(f"{d.name}/" for d in dirs),
                          "logo: assets/images/logo.svg")
    contact = Contact()
    if data.get("lien_he") is not None:
        block = reader.mapping(data, "lien_he", "lien_he", CONTACT_KEYS)
        values = {k: reader.text(block, k, f"lien_he.{k}", required=False) for k in CONTACT_KEYS}
        if values["email"] and not _EMAIL.match(values["email"]):
            raise reader.fail(block, "email", "lien_he.email", f"{values['email']!r}",
                              "an e-mail address", "email: thidua@hocvienmau.edu.vn")
        if values["dien_thoai"] and not _PHONE.match(values["dien_thoai"]):
            raise reader.fail(block, "dien_thoai", "lien_he.dien_thoai",
                              f"{values['dien_thoai']!r}",
                              "a telephone number (digits, spaces, + ( ) . -)")
        contact = Contact(**values)
    layer = data.get("lop_quy_che", NO_LAYER)
    if not isinstance(layer, str) or not (layer == NO_LAYER or _LAYER_ID.match(layer)):
        raise reader.fail(data, "lop_quy_che", "lop_quy_che", f"found {_kind(layer)}",
                          f"{NO_LAYER!r} (national law only) or a layer id: lower-case "
                          "letters, digits and - or _", "lop_quy_che: none")
    languages = _languages(reader, data)
    return Settings(co_quan, cap_tren, logo, contact, layer, languages)


def _languages(reader: _Reader, data: dict) -> tuple[str, ...]:
    """``ngon_ngu``: a list of distinct codes among LANGUAGES, Vietnamese included."""
    value = data.get("ngon_ngu", list(LANGUAGES))
    allowed = f"a list of {', '.join(LANGUAGES)} without repeats, {DEFAULT_LANGUAGE} included"
    if not isinstance(value, list) or not value:
        raise reader.fail(data, "ngon_ngu", "ngon_ngu", f"found {_kind(value)}", allowed,
                          "ngon_ngu: [vi, en]")
    for index, code in enumerate(value):
        if code not in LANGUAGES or value.index(code) != index:
            raise reader.fail(value, index, "ngon_ngu", f"found {_kind(code)}", allowed)
    if DEFAULT_LANGUAGE not in value:
        raise reader.fail(data, "ngon_ngu", "ngon_ngu", f"no {DEFAULT_LANGUAGE!r}", allowed)
    return tuple(value)


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
