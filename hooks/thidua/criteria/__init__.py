"""Criteria as dated data: loading, schema validation and export for the browser.

The data lives in ``data/criteria/`` (see its README.md):

* ``criteria.yaml`` — the catalogue: one generic operation per criterion id;
* ``years.yaml`` — evaluation year → emulation rule set + evaluation rule set per role;
* ``danh-gia/<id>.yaml`` — evaluation (đánh giá, xếp loại) rule sets;
* ``thi-dua/<id>.yaml`` — emulation (thi đua) rule sets;
* ``flags.yaml`` — the closed set of interpretation flags;
* ``unverified.yaml`` — the [U] table: unverified facts and how each is handled;
* ``labels.yaml`` — names and message templates (vi, en).

``load_rules(root)`` validates everything and returns a ``Rules`` object of plain
dicts; ``export_data()`` returns the same data as one JSON-able dict for the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from thidua.content_errors import ContentErrors
from thidua.contract import field_paths
from thidua.contract.export import export_contract
from thidua.criteria import schema
from thidua.criteria.bases import Place, legal_bases
from thidua.criteria.lookups import year_lookups
from thidua.criteria.read import read_checked
from thidua.data_script import data_script
from thidua.errors import ContentError
from thidua.file_stamp import Stamp, stamp
from thidua.yaml_lines import display_path, line_of, plain

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = ("data", "criteria")


class CriteriaDataError(ContentErrors):
    """The criteria data has problems; ``errors`` lists every one (the build shows them all)."""


@dataclass
class Rules:
    """All criteria data, validated. Values are plain dicts/lists (dates as ISO text)."""

    root: Path
    criteria: dict[str, dict]
    years: dict[int, dict]
    danh_gia: dict[str, dict]
    thi_dua: dict[str, dict]
    flags: dict[str, dict]
    unverified: list[dict]
    labels: dict[str, dict]
    # Data name (``criteria``, ``years``, …, a rule set's id) → its file as messages show it.
    files: dict[str, str]

    @property
    def modelled_years(self) -> list[int]:
        return sorted(self.years)

    def all_legal_bases(self) -> list[tuple[str, Place]]:
        """Every ``legal_basis`` in the data with its ``Place`` (file, line, path)."""
        return legal_bases(self)

    def export(self) -> dict:
        """One JSON-able dict holding the whole data (the browser reads the same).

        ``contract`` is the evaluation contract as data (``thidua.contract.export``):
        the browser's evaluator checks profiles with it, so it travels with the rules.
        Each year's entry adds its ``lookups`` (``thidua.criteria.lookups``), which the
        browser reads instead of working them out again.
        """
        return {
            "schema_version": 1,
            "criteria": plain(self.criteria),
            "years": {
                str(year): {**plain(entry), "lookups": plain(year_lookups(self, year))}
                for year, entry in sorted(self.years.items())
            },
            "danh_gia": plain(self.danh_gia),
            "thi_dua": plain(self.thi_dua),
            "flags": plain(self.flags),
            "unverified": plain(self.unverified),
            "labels": plain(self.labels),
            "contract": export_contract(),
        }


def _cross_check(rules: Rules, raw: dict[str, Any], errors: list[ContentError]) -> None:
    """References between files: ids exist, fields are profile fields, files match ids."""
    fields = field_paths("individual") | field_paths("collective")
    catalogue_file = rules.files["criteria"]
    catalogue = raw["criteria"]["criteria"]

    def err(file: str, container: Any, key: Any, path: str, found: str, allowed: str, ex=None):
        errors.append(ContentError(file, line_of(container, key), path, found, allowed, ex))

    for cid, crit in catalogue.items():
        path = f"criteria.{cid}"
        for key in ("field",):
            if key in crit and crit[key] not in fields:
                err(
                    catalogue_file,
                    crit,
                    key,
                    f"{path}.{key}",
                    f"found {crit[key]!r}",
                    "a field of the evaluation contract's profile",
                    "field: tasks.assigned",
                )
        for key in ("fields", "num", "den"):
            for index, name in enumerate(crit.get(key, [])):
                if name.lstrip("-") not in fields:
                    err(
                        catalogue_file,
                        crit[key],
                        index,
                        f"{path}.{key}[{index}]",
                        f"found {name!r}",
                        "a field of the evaluation contract's profile",
                        "num: [tasks.exceeded]",
                    )
        if crit["op"] == "values_at_least" and crit["min"] not in crit["scale"]:
            err(
                catalogue_file,
                crit,
                "min",
                f"{path}.min",
                f"found {crit['min']!r}",
                "one of the scale: " + ", ".join(crit["scale"]),
            )
        for index, sub in enumerate(crit.get("criteria", [])):
            if sub not in catalogue or sub == cid:
                err(
                    catalogue_file,
                    crit["criteria"],
                    index,
                    f"{path}.criteria[{index}]",
                    f"found {sub!r}",
                    "another criterion id of criteria.yaml",
                )

    def check_binding(file: str, container: Any, index: int, path: str, binding: dict) -> None:
        if binding["criterion"] not in catalogue:
            err(
                file,
                container,
                index,
                f"{path}.criterion",
                f"found {binding['criterion']!r}",
                "a criterion id of data/criteria/criteria.yaml",
                "criterion: td.xep-loai-htt",
            )

    for rule_id, rule_set in rules.danh_gia.items():
        file = rules.files[rule_id]
        for index, gate in enumerate(rule_set.get("gates", [])):
            check_binding(file, rule_set["gates"], index, f"gates[{index}]", gate)
            if gate["effect"] == "cap" and "cap" not in gate:
                err(file, gate, None, f"gates[{index}].cap", "missing", "HTXS, HTT or HTNV")
            if gate["effect"] == "manual_review" and "reason" not in gate:
                err(file, gate, None, f"gates[{index}].reason", "missing", "a {vi, en} text")
        sections = [(f"levels[{i}]", lvl) for i, lvl in enumerate(rule_set.get("levels", []))]
        if "khtnv" in rule_set:
            sections.append(("khtnv", rule_set["khtnv"]))
        for path, section in sections:
            for branch in ("non_leader", "leader"):
                for index, binding in enumerate(section[branch]):
                    check_binding(
                        file, section[branch], index, f"{path}.{branch}[{index}]", binding
                    )
    for rule_id, rule_set in rules.thi_dua.items():
        file = rules.files[rule_id]
        for group in ("individual_titles", "collective_titles"):
            for t_index, title in enumerate(rule_set[group]):
                for index, binding in enumerate(title["criteria"]):
                    check_binding(
                        file,
                        title["criteria"],
                        index,
                        f"{group}[{t_index}].criteria[{index}]",
                        binding,
                    )
    cited: set[str] = set()
    for rule_set in rules.danh_gia.values():
        if "leader_cap" in rule_set:
            cited.add(rule_set["leader_cap"]["criterion"])
        for gate in rule_set.get("gates", []):
            cited.add(gate["criterion"])
        for section in [*rule_set.get("levels", []), rule_set.get("khtnv", {})]:
            for branch in ("non_leader", "leader"):
                cited.update(b["criterion"] for b in section.get(branch, []))
    for rule_set in rules.thi_dua.values():
        for group in ("individual_titles", "collective_titles"):
            for title in rule_set[group]:
                cited.update(b["criterion"] for b in title["criteria"])
    pending = list(cited)
    while pending:
        sub_ids = catalogue.get(pending.pop(), {}).get("criteria", [])
        for sub in sub_ids:
            if sub not in cited:
                cited.add(sub)
                pending.append(sub)
    for cid in catalogue:
        if cid not in cited:
            err(
                catalogue_file,
                catalogue,
                cid,
                f"criteria.{cid}",
                "found a criterion that no rule set cites (no legal_basis)",
                "a criterion used by a binding with its legal_basis in danh-gia/ or thi-dua/",
            )
    years_file = rules.files["years"]
    for year, entry in rules.years.items():
        if entry["thi_dua"] not in rules.thi_dua:
            err(
                years_file,
                entry,
                "thi_dua",
                f"years.{year}.thi_dua",
                f"found {entry['thi_dua']!r}",
                "an id of a file in data/criteria/thi-dua/: " + ", ".join(sorted(rules.thi_dua)),
            )
        for role, rule_id in entry["danh_gia"].items():
            if rule_id not in rules.danh_gia:
                err(
                    years_file,
                    entry["danh_gia"],
                    role,
                    f"years.{year}.danh_gia.{role}",
                    f"found {rule_id!r}",
                    "an id of a file in data/criteria/danh-gia/: "
                    + ", ".join(sorted(rules.danh_gia)),
                )
        references = [
            (
                entry.get("role_transitions", {}).get(role, {}),
                "rule_set",
                f"role_transitions.{role}",
            )
            for role in entry.get("role_transitions", {})
        ] + [
            (entry["collective_rules"], kind, f"collective_rules.{kind}")
            for kind in entry.get("collective_rules", {})
        ]
        for container, key, path in references:
            if container[key] not in rules.danh_gia:
                err(
                    years_file,
                    container,
                    key,
                    f"years.{year}.{path}",
                    f"found {container[key]!r}",
                    "an id of a file in data/criteria/danh-gia/",
                )
        for index, review in enumerate(entry.get("title_reviews", [])):
            if "if_met" in review and review["if_met"] not in catalogue:
                err(
                    years_file,
                    review,
                    "if_met",
                    f"years.{year}.title_reviews[{index}].if_met",
                    f"found {review['if_met']!r}",
                    "a criterion id of data/criteria/criteria.yaml",
                )
        if entry["quota_rules"] not in rules.danh_gia:
            err(
                years_file,
                entry,
                "quota_rules",
                f"years.{year}.quota_rules",
                f"found {entry['quota_rules']!r}",
                "an id of a file in data/criteria/danh-gia/",
            )
    for index, entry in enumerate(rules.unverified):
        path = f"entries[{index}]"
        needs = {"unverified_basis": "legal_basis", "flag": "flag", "manual_review": "reason_ref"}
        key = needs[entry["handling"]]
        if key not in entry:
            err(
                rules.files["unverified"],
                entry,
                None,
                f"{path}.{key}",
                "missing",
                f"{key} (required when handling is {entry['handling']})",
            )


def _read(root: Path) -> Rules:
    base = root.joinpath(*DATA_DIR)
    errors: list[ContentError] = []
    files: dict[str, str] = {}

    def one(name: str, spec: schema.Spec) -> Any:
        path = base / name
        files[name.removesuffix(".yaml")] = display_path(path, root)
        return read_checked(path, spec, root, errors)

    raw = {
        "criteria": one("criteria.yaml", schema.CATALOGUE),
        "years": one("years.yaml", schema.YEARS),
        "flags": one("flags.yaml", schema.FLAGS),
        "unverified": one("unverified.yaml", schema.UNVERIFIED),
        "labels": one("labels.yaml", schema.LABELS),
    }
    sets: dict[str, dict[str, dict]] = {"danh_gia": {}, "thi_dua": {}}
    for folder, key, spec in (
        ("danh-gia", "danh_gia", schema.DANH_GIA),
        ("thi-dua", "thi_dua", schema.THI_DUA),
    ):
        directory = base / folder
        paths = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
        if not paths:
            errors.append(
                ContentError(
                    display_path(directory, root),
                    None,
                    "(folder)",
                    "no rule set files",
                    "one or more <id>.yaml files",
                )
            )
        for path in paths:
            named = f"the file name without .yaml ({path.stem!r})"
            data = read_checked(path, spec, root, errors, named)
            if data is None:
                continue
            sets[key][data["id"]] = data
            files[data["id"]] = display_path(path, root)
    if errors:
        raise CriteriaDataError(errors)
    rules = Rules(
        root=root,
        criteria=dict(raw["criteria"]["criteria"]),
        years=dict(raw["years"]["years"]),
        danh_gia=sets["danh_gia"],
        thi_dua=sets["thi_dua"],
        flags=dict(raw["flags"]["flags"]),
        unverified=list(raw["unverified"]["entries"]),
        labels={k: v for k, v in raw["labels"].items() if k != "schema_version"},
        files=files,
    )
    _cross_check(rules, raw, errors)
    if errors:
        raise CriteriaDataError(errors)
    return rules


@lru_cache(maxsize=8)
def _cached(root: str, key: Stamp) -> Rules:
    return _read(Path(root))


def _stamp(root: Path) -> Stamp:
    """Names and modification times of the data files: an edit (under ``mkdocs serve``)
    gives a new cache key, so the data is read again."""
    return stamp([root / "data" / "criteria"], (".yaml", ".yml"))


def load_rules(root: Path | None = None) -> Rules:
    """Load and validate the criteria data under ``root/data/criteria`` (cached).

    Raises ``CriteriaDataError`` (a ``ContentError``; ``.errors`` lists every problem).
    """
    resolved = (root or PROJECT_ROOT).resolve()
    return _cached(str(resolved), _stamp(resolved))


def export_data(root: Path | None = None) -> dict:
    """The whole criteria data as one plain JSON-able dict (for the browser)."""
    return load_rules(root).export()


def export_js(root: Path | None = None, name: str = "THIDUA_CRITERIA") -> str:
    """The data as a dependency-free classic script: ``window.THIDUA_CRITERIA = {…};``."""
    return data_script({name: export_data(root)}, sort_keys=True)
