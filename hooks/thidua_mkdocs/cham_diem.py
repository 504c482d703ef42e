"""The scoring data of the self-evaluation page: ``data/cham-diem/*.yaml`` (issue 11).

Each file says, for one points-based decree, how the 70 task points are made of
percentages (quantity, quality, progress; leaders' extra components), the deductions
and the combining formula, each with its clause and whether it is verified. The
formula is data, never code: the page's calculator (``tu-danh-gia/form.js``) reads it.

``load(root)`` reads every file with the project's line-aware YAML loader and checks it
against ``SPEC``, collecting every problem: ``ContentError`` (or ``ScoringDataError``
holding several) naming the file, the line and the field, what was found and what is
allowed. The result is plain JSON-able data for ``assets/data/cham-diem.js``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from thidua.data_script import data_script
from thidua.errors import ContentError
from thidua.yaml_lines import display_path, line_of, load_file, plain

FOLDER = Path("data") / "cham-diem"
ROLES = ("can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong")
_BASIS = re.compile(r"^(Nghị định|Luật|Thông tư|Quyết định|Quy định) \d+/\d{4}/\S+( .+)?$")


class ScoringDataError(ContentError):
    """Several problems in the scoring data; ``errors`` lists them, the message joins them."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.file, first.line, first.field, first.found, first.allowed)

    @property
    def message(self) -> str:
        """Every problem, one per line."""
        return "\n".join(error.message for error in getattr(self, "errors", []))


# The shape of a file. A spec is a type name, or a dict of keys (a trailing "?" marks an
# optional key), or a one-item list (a list of that spec).
WORDS = {"vi": "text", "en": "text"}
CLAUSES = {"legal_basis": "basis_list", "unverified": "bool"}
COMPONENT = {
    "id": "ident",
    "mark": "text",
    "input": "input_kind",
    "name": WORDS,
    "help": WORDS,
    "deduction?": {"per": "deduction_kind", "share": "share"},
    "choices?": [{"id": "ident", "percent": "percent", "name": WORDS}],
    **CLAUSES,
}
SPEC = {
    "schema_version": "version",
    "id": "ident",
    "document": "text",
    "name": WORDS,
    "applies": {"role": "role", "from_year": "year"},
    "scale": {"general_max": "points", "tasks_max": "points", **CLAUSES},
    "periods": CLAUSES,
    "transition?": {"year": "year", "field": "transition_field", **CLAUSES},
    "unit_level?": CLAUSES,
    "components": [COMPONENT],
    "leader_components": [COMPONENT],
    "formula": {
        "combine": "combine",
        "factor?": "share",
        "non_leader?": ["ident"],
        "leader?": ["ident"],
        "note": WORDS,
        **CLAUSES,
    },
}

# Scalar types: (test, what is allowed).
_SCALARS = {
    "text": (lambda v: isinstance(v, str) and v.strip() != "", "a non-empty text"),
    "ident": (
        lambda v: isinstance(v, str) and re.fullmatch(r"[a-z][a-z0-9_-]*", v) is not None,
        "an identifier of lower-case letters, digits, _ and -",
    ),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "version": (lambda v: v == 1, "1"),
    "role": (lambda v: v in ROLES, "one of " + ", ".join(ROLES)),
    "year": (lambda v: _is_int(v) and 2000 <= v <= 2100, "a year from 2000 to 2100"),
    "points": (lambda v: _is_num(v) and 0 < v <= 100, "a number of points above 0, at most 100"),
    "percent": (lambda v: _is_num(v) and 0 <= v <= 100, "a percentage from 0 to 100"),
    "share": (lambda v: _is_num(v) and 0 < v <= 1, "a share above 0, at most 1 (0.25 is 25 %)"),
    "input_kind": (lambda v: v in ("share", "percent", "choice"), "share, percent or choice"),
    "deduction_kind": (lambda v: v in ("failed_review", "delay"), "failed_review or delay"),
    "combine": (lambda v: v in ("mean", "unit_rules"), "mean or unit_rules"),
    "transition_field": (lambda v: v == "unit_has_own_rules", "unit_has_own_rules"),
    "basis_list": (
        lambda v: (
            isinstance(v, list)
            and len(v) > 0
            and all(isinstance(b, str) and _BASIS.match(b) for b in v)
        ),
        'a list of citations such as "Nghị định 335/2025/NĐ-CP Điều 14 khoản 2 điểm a"',
    ),
}


def _is_num(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: Any) -> str:
    text = json.dumps(plain(value), ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


def _check(value: Any, spec: Any, path: str, line: int | None, name: str, out: list) -> None:
    """Append a ``ContentError`` to ``out`` for every place ``value`` breaks ``spec``."""
    if isinstance(spec, str):
        test, allowed = _SCALARS[spec]
        if not test(value):
            out.append(ContentError(name, line, path, f"found {_shown(value)}", allowed))
        return
    if isinstance(spec, list):
        if not isinstance(value, list):
            out.append(ContentError(name, line, path, f"found {_shown(value)}", "a list"))
            return
        for index, item in enumerate(value):
            _check(item, spec[0], f"{path}[{index}]", line_of(value, index), name, out)
        return
    if not isinstance(value, dict):
        out.append(ContentError(name, line, path, f"found {_shown(value)}", "a mapping"))
        return
    keys = {key.rstrip("?"): key.endswith("?") for key in spec}
    for key in value:
        if key not in keys:
            out.append(
                ContentError(
                    name,
                    line_of(value, key),
                    f"{path}.{key}".lstrip("."),
                    "unknown key",
                    "one of " + ", ".join(keys),
                )
            )
    for key, optional in keys.items():
        where = f"{path}.{key}".lstrip(".")
        if key in value:
            child_spec = spec[key + "?"] if optional else spec[key]
            _check(value[key], child_spec, where, line_of(value, key), name, out)
        elif not optional:
            out.append(ContentError(name, line_of(value, None), where, "missing", "required"))


def _check_meaning(data: dict, path: Path, name: str, out: list) -> None:
    """Rules across keys: file name, unique ids, formula components, choices, factor."""
    if data.get("id") != path.stem:
        out.append(
            ContentError(
                name,
                line_of(data, "id"),
                "id",
                f"found {_shown(data.get('id'))}",
                f"the file name without .yaml: {path.stem}",
            )
        )
    components = [*data.get("components", []), *data.get("leader_components", [])]
    ids = [c.get("id") for c in components if isinstance(c, dict)]
    for component in components:
        if not isinstance(component, dict):
            continue
        where = line_of(component, "id")
        if ids.count(component.get("id")) > 1:
            out.append(
                ContentError(
                    name,
                    where,
                    "components.id",
                    f"found {_shown(component.get('id'))} twice",
                    "unique ids",
                )
            )
        if (component.get("input") == "choice") != ("choices" in component):
            out.append(
                ContentError(
                    name,
                    where,
                    f"{component.get('id')}.choices",
                    "choices and input do not match",
                    "choices exactly when input is choice",
                )
            )
    formula = data.get("formula")
    if not isinstance(formula, dict):
        return
    if formula.get("combine") == "mean":
        for key in ("factor", "non_leader", "leader"):
            if key not in formula:
                out.append(
                    ContentError(
                        name,
                        line_of(formula, None),
                        f"formula.{key}",
                        "missing",
                        "required when combine is mean",
                    )
                )
        for key in ("non_leader", "leader"):
            for item in formula.get(key) or []:
                if item not in ids:
                    out.append(
                        ContentError(
                            name,
                            line_of(formula, key),
                            f"formula.{key}",
                            f"found {_shown(item)}",
                            "ids of components: " + ", ".join(map(str, ids)),
                        )
                    )
        scale = data.get("scale") if isinstance(data.get("scale"), dict) else {}
        factor, tasks = formula.get("factor"), scale.get("tasks_max")
        if _is_num(factor) and _is_num(tasks) and factor * 100 > tasks + 1e-9:
            out.append(
                ContentError(
                    name,
                    line_of(formula, "factor"),
                    "formula.factor",
                    f"found {factor}: 100 % would give {factor * 100:g} points",
                    f"at most {tasks / 100:g} (scale.tasks_max {tasks:g})",
                )
            )


def load(root: Path) -> dict[str, Any]:
    """Every scoring file under ``root/data/cham-diem``, checked: ``{id: data}``.

    Raises ``ScoringDataError`` listing every problem (file:line: field: found; allowed).
    """
    problems: list[ContentError] = []
    result: dict[str, Any] = {}
    for path in sorted((root / FOLDER).glob("*.yaml")):
        name = display_path(path, root)
        try:
            data = load_file(path, root)
        except ContentError as error:
            problems.append(error)
            continue
        found: list[ContentError] = []
        _check(data, SPEC, "", getattr(data, "line", None), name, found)
        if isinstance(data, dict) and not found:
            _check_meaning(data, path, name, found)
        problems += found
        if not found:
            result[data["id"]] = plain(data)
    if problems:
        raise ScoringDataError(problems)
    return result


def script(data: dict[str, Any]) -> str:
    """The text of ``assets/data/cham-diem.js`` (``</`` escaped inside the JSON)."""
    return data_script(
        {"THIDUA_CHAM_DIEM": data},
        "Generated by hooks/hook_tu_danh_gia.py from data/cham-diem/*.yaml.",
    )
