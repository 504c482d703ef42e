"""The scoring data of the self-evaluation page: ``data/cham-diem/*.yaml`` (issue 11).

Each file says, for one points-based decree, how the 70 task points are made of
percentages (quantity, quality, progress; leaders' extra components), the deductions
and the combining formula, each with its clause and whether it is verified. The
formula is data, never code: the page's calculator (``tu-danh-gia/form.js``) reads it.

``load(root)`` reads every file with ``thidua.spec.read`` (the line-aware loader, then
the project's spec classes: ``SPEC``), collecting every problem: ``ContentError`` (or
``ScoringDataError`` holding several) naming the file, the line and the field, what was
found and what is allowed. The result is plain JSON-able data for ``assets/data/cham-diem.js``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from thidua import spec
from thidua.contract.codes import ROLES
from thidua.data_script import data_script
from thidua.errors import ContentError
from thidua.spec import Bool, Check, ListOf, Map, Spec, Str
from thidua.yaml_lines import display_path, line_of, plain

FOLDER = Path("data") / "cham-diem"
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


TEXT = Str(allowed="a non-empty text")
IDENT = Str(
    re.compile(r"[a-z][a-z0-9_-]*\Z"), "an identifier of lower-case letters, digits, _ and -"
)
YEAR = Check(lambda v: _is_int(v) and 2000 <= v <= 2100, "a year from 2000 to 2100")
POINTS = Check(lambda v: _is_num(v) and 0 < v <= 100, "a number of points above 0, at most 100")
PERCENT = Check(lambda v: _is_num(v) and 0 <= v <= 100, "a percentage from 0 to 100")
SHARE = Check(lambda v: _is_num(v) and 0 < v <= 1, "a share above 0, at most 1 (0.25 is 25 %)")
BASIS = Check(
    lambda v: (
        isinstance(v, list)
        and len(v) > 0
        and all(isinstance(b, str) and _BASIS.match(b) for b in v)
    ),
    'a list of citations such as "Nghị định 335/2025/NĐ-CP Điều 14 khoản 2 điểm a"',
)


def _one_of(*values: str) -> Spec:
    allowed = ", ".join(values[:-1]) + " or " + values[-1] if len(values) > 1 else values[0]
    return Check(lambda v: v in values, allowed)


ROLE = Check(lambda v: v in ROLES, "one of " + ", ".join(ROLES))


WORDS = Map({"vi": TEXT, "en": TEXT})
CLAUSES = {"legal_basis": BASIS, "unverified": Bool()}
COMPONENT = Map(
    {
        "id": IDENT,
        "mark": TEXT,
        "input": _one_of("share", "percent", "choice"),
        "name": WORDS,
        "help": WORDS,
        **CLAUSES,
    },
    {
        "deduction": Map({"per": _one_of("failed_review", "delay"), "share": SHARE}),
        "choices": ListOf(Map({"id": IDENT, "percent": PERCENT, "name": WORDS})),
    },
)
# The shape of a file, in the project's spec classes (``thidua.spec``).
SPEC = Map(
    {
        "schema_version": Check(lambda v: v == 1, "1"),
        "id": IDENT,
        "document": TEXT,
        "name": WORDS,
        "applies": Map({"role": ROLE, "from_year": YEAR}),
        "scale": Map({"general_max": POINTS, "tasks_max": POINTS, **CLAUSES}),
        "periods": Map(CLAUSES),
        "components": ListOf(COMPONENT),
        "leader_components": ListOf(COMPONENT),
        "formula": Map(
            {"combine": _one_of("mean", "unit_rules"), "note": WORDS, **CLAUSES},
            {"factor": SHARE, "non_leader": ListOf(IDENT), "leader": ListOf(IDENT)},
        ),
    },
    {
        "transition": Map(
            {
                "year": YEAR,
                "field": Check(lambda v: v == "unit_has_own_rules", "unit_has_own_rules"),
                **CLAUSES,
            }
        ),
        "unit_level": Map(CLAUSES),
    },
)


def _is_num(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: Any) -> str:
    text = json.dumps(plain(value), ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


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
        data, found = spec.read(path, SPEC, root=root)
        if data is None:
            problems += found
            continue
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
